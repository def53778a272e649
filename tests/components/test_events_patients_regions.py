"""Whom an act is done to, whom "he" is, and regions that belong to a state.

- "his arrest", "Maduro's capture": the possessor of an act done to someone is its target,
  not its doer; "Russia's expulsion of two diplomats" keeps Russia the doer. A verb that
  judges such an act does not aim at the one it is done to.
- "X said Y had no right ... He thanked ...": "he" is the subject of the sentence's main
  clause, not someone named inside what was said.
- Breakaway and autonomous regions news names as actors and places belong to their state.

Every sentence is written for these tests (none comes from a benchmark).
"""

from __future__ import annotations

import pytest

from extraction import analyze
from tests.components.conftest import run_events


def parties(nlp, text: str, word: str) -> list[tuple[str | None, str | None]]:
    return [(e["actor_country"], e["target_country"]) for e in run_events(nlp, text)
            if e["trigger"]["text"] == word]


@pytest.mark.parametrize(("text", "word", "parties_"), [
    # The possessor undergoes the act.
    ("Washington offered a large reward for information leading to Maduro's arrest.",
     "arrest", [(None, "VEN")]),
    ("The Kenyan police announced the Ugandan general's capture on Sunday.", "capture",
     [("KEN", "UGA")]),
    # With an "of" object the possessor is the doer.
    ("Russia's expulsion of two Estonian diplomats angered Tallinn.", "expulsion",
     [("RUS", "EST")]),
])
def test_possessor_of_an_act_done_to_someone(events_nlp, text, word, parties_):
    assert parties(events_nlp, text, word) == parties_


@pytest.mark.parametrize(("text", "word"), [
    ("Chile condemned the arrest of the Peruvian opposition leader.", "condemned"),
    ("Ecuador welcomed the Bolivian general's arrest.", "welcomed"),
    ("Argentina hailed the Paraguayan senator's release.", "hailed"),
])
def test_judging_an_act_does_not_aim_at_whom_it_is_done_to(events_nlp, text, word):
    found = [e for e in run_events(events_nlp, text) if e["trigger"]["text"] == word]
    assert found and all(e["target_country"] is None for e in found)


@pytest.mark.parametrize(("text", "word"), [
    ("Kenyan President Daniel Kamau said Ugandan Foreign Minister Joseph Okello had no "
     "right to speak for the region. He thanked Tanzania for its support.", "thanked"),
    # No person is the subject of the main clause: the last person named as a subject is.
    ("Kenyan President Daniel Kamau was expected to sign the treaty, an official said. "
     "He declined to comment.", "declined"),
])
def test_he_is_the_main_clause_subject_of_the_sentence_before(nlp, text, word):
    article = analyze(text, published="2025-03-02", nlp=nlp)
    assert [e.actor_country for e in article.events if e.trigger.text == word] == ["KEN"]


@pytest.mark.parametrize(("text", "word", "target"), [
    ("Russia halted gas supplies to Transnistria on Wednesday.", "halted", "MDA"),
    ("Ethiopia signed a port deal with Somaliland in January.", "signed", "SOM"),
    ("Serbia sent fuel and medicine to Republika Srpska last week.", "sent", "BIH"),
])
def test_regions_belong_to_their_state(events_nlp, text, word, target):
    found = [e for e in run_events(events_nlp, text) if e["trigger"]["text"] == word]
    assert found and found[0]["target_country"] == target
