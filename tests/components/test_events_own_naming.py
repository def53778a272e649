"""The speaker's own name for a thing is no act of its own (event rule ``own_name_for``).

"Cyprus condemned what it called Turkish provocations": the condemnation is the event, and
the provocations it names are its object, so the condemnation is aimed at Turkey. The
"called" of the free relative leaves the timeline. A naming by another party ("what
Israel called a defensive operation") is that party's statement, and stays.

Every sentence is written for these tests (none comes from a benchmark).
"""

from __future__ import annotations

import pytest

from extraction import analyze


def analysed(nlp, text: str):
    return analyze(text, published="2025-06-12", nlp=nlp)


@pytest.mark.parametrize("text, act, naming, target", [
    ("Cyprus condemned what it called Turkish provocations on Monday.", "condemned",
     "called", "TUR"),
    ("Kenya denounced what it described as Ugandan aggression on Tuesday.", "denounced",
     "described", "UGA"),
    ("Peru summoned Chile's ambassador on Friday to protest against what it called illegal "
     "Chilean fishing.", "protest", "called", "CHL"),
])
def test_a_free_relative_of_naming_is_the_object_not_an_event(nlp, text, act, naming,
                                                              target):
    events = analysed(nlp, text).events
    assert naming not in [e.trigger.text for e in events]
    assert [e.target_country for e in events if e.trigger.text == act] == [target]


def test_thanks_for_what_the_speaker_calls_support_is_one_event(nlp):
    events = analysed(nlp, "Serbia's president thanked Moscow on Friday for what he called "
                           "its principled support.").events
    assert [e.trigger.text for e in events] == ["thanked"]


def test_another_partys_naming_stays_its_statement(nlp):
    events = analysed(nlp, "Iran on Monday dismissed what Israel called a defensive "
                           "operation.").events
    assert [(e.trigger.text, e.actor_country) for e in events if e.trigger.text == "called"] \
        == [("called", "ISR")]


def test_the_victim_of_what_the_speaker_names_is_defended(nlp):
    events = analysed(nlp, "The Arab League condemned what it called repeated Ethiopian "
                           "aggression against Somalia on Monday.").events
    assert [(e.type, e.target_country) for e in events] == [("ACCUSE", "ETH"),
                                                              ("SUPPORT", "SOM")]
