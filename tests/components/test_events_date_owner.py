"""Whose date a time expression is: the act's, or a noun's the act is about (issue 9, event dates).

A date written on what an act is about or for ("apologised for the 2015 raid") is that
thing's date, not the act's; a date written on where an act took place ("at Monday's
summit") is the act's; a past relative clause tells of the time its noun's date names ("the
2014 uprising that toppled the president").

Every sentence is written for these tests (none comes from a benchmark).
"""

from __future__ import annotations

from typing import Any

import pytest
from spacy.tokens import Doc

from extraction.events.dates import pick_date
from tests.components.conftest import PUBLISHED, run_events


def dated(nlp, text: str, word: str) -> list[tuple[Any, Any]]:
    return [(e["date"], e["date_source"]) for e in run_events(nlp, text)
            if e["trigger"]["text"] == word]


@pytest.mark.parametrize(("text", "word"), [
    ("Japan apologised to South Korea for a 2015 naval raid.", "apologised"),
    ("Opposition parties protested over the 2019 election law.", "protested"),
    ("Ukraine sued Russia over Thursday's seizure of its ships.", "sued"),
    ("Peru apologised for the 2012 shooting, which wounded nine protesters.", "apologised"),
])
def test_date_of_what_an_act_is_about_is_not_the_acts(events_nlp, text, word):
    assert dated(events_nlp, text, word) == [(PUBLISHED, "published")]


def test_the_noun_keeps_its_own_date(events_nlp):
    # The raid apologised for is still dated by the year written on it.
    assert dated(events_nlp, "Japan apologised to South Korea for a 2015 naval raid.",
                 "raid") == [("2015", "2015")]


@pytest.mark.parametrize(("text", "word", "date"), [
    ("At Monday's summit, France criticised Germany.", "criticised", "2021-05-03"),
    ("For two days last week, the army shelled the town.", "shelled", "2021-W17"),
])
def test_date_of_where_or_how_long_an_act_took_place_is_the_acts(events_nlp, text, word, date):
    assert [d for d, _ in dated(events_nlp, text, word)] == [date]


@pytest.mark.parametrize(("text", "word", "date"), [
    ("Analysts recalled the 2014 uprising that toppled the Ukrainian president.", "toppled",
     "2014"),
    ("The 2011 treaty that Russia signed with China expired.", "signed", "2011"),
    ("Mali remembers the 2012 coup, in which soldiers arrested the president.", "arrested",
     "2012"),
])
def test_past_relative_clause_takes_the_date_written_on_its_noun(events_nlp, text, word, date):
    assert [d for d, _ in dated(events_nlp, text, word)] == [date]


def test_relative_clause_with_its_own_date_keeps_it(events_nlp):
    text = "The 2011 treaty that Russia signed with China in 2013 expired."
    assert [d for d, _ in dated(events_nlp, text, "signed")] == ["2013"]


@pytest.mark.parametrize(("text", "word"), [
    ("Police fired tear gas at the crowd on Sunday. Protesters responded by throwing stones "
     "at the officers.", "throwing"),
    ("Soldiers stormed the camp on Sunday. They opened fire, killing four rebels.", "killing"),
])
def test_gerund_or_participle_is_told_in_the_tense_of_its_verb(events_nlp, text, word):
    # A bare gerund or participle shares the past of the verb it hangs on, so the story's
    # day carries on to it as to the verb.
    assert [d for d, _ in dated(events_nlp, text, word)] == ["2021-05-02"]


def test_present_progressive_does_not_take_the_story_day(events_nlp):
    text = ("On Sunday, police fired tear gas at the crowd. Protesters are throwing stones at "
            "the officers.")
    assert dated(events_nlp, text, "throwing") == [(PUBLISHED, "published")]


@pytest.mark.parametrize(("text", "word"), [
    ("The rebels agreed to leave the town by Friday.", "agreed"),
    ("The judge ordered the suspect held in custody until April 5.", "ordered"),
])
def test_deadline_of_another_act_does_not_date_this_one(events_nlp, text, word):
    assert dated(events_nlp, text, word) == [(PUBLISHED, "published")]


@pytest.mark.parametrize(("text", "word", "date"), [
    ("The army will pull its troops out of the valley by Friday.", "pull", "2021-05-07"),
    ("By Sunday, the army said it had retaken the town.", "said", "2021-05-02"),
])
def test_own_deadline_or_day_reached_in_the_past_dates_the_act(events_nlp, text, word, date):
    assert [d for d, _ in dated(events_nlp, text, word)] == [date]


def test_date_before_the_reported_clause_dates_the_saying(nlp):
    # A hand-built parse that hangs the date on the reported clause, as the model sometimes
    # does: standing before that clause's subject, it tells when the words were said.
    words = ["The", "minister", "said", "at", "a", "briefing", "yesterday", "morning", "the",
             "clinics", "would", "reopen", "."]
    heads = [1, 2, 2, 2, 5, 3, 7, 11, 9, 11, 11, 2, 2]
    deps = ["det", "nsubj", "ROOT", "prep", "det", "pobj", "compound", "npadvmod", "det",
            "nsubj", "aux", "ccomp", "punct"]
    tags = ["DT", "NN", "VBD", "IN", "DT", "NN", "NN", "NN", "DT", "NNS", "MD", "VB", "."]
    pos = ["DET", "NOUN", "VERB", "ADP", "DET", "NOUN", "NOUN", "NOUN", "DET", "NOUN", "AUX",
           "VERB", "PUNCT"]
    doc = Doc(nlp.vocab, words=words, heads=heads, deps=deps, tags=tags, pos=pos)
    spans = [(doc[6:8], {"type": "TIME", "value": "2021-05-03TMO", "text": "yesterday morning"})]
    assert pick_date(doc[2], spans, PUBLISHED) == ("2021-05-03TMO", "yesterday morning")
    # Standing after the subject, it is the reported clause's own.
    words2 = ["The", "minister", "said", "the", "clinics", "would", "reopen", "tomorrow", "."]
    doc2 = Doc(nlp.vocab, words=words2, heads=[1, 2, 2, 4, 6, 6, 2, 6, 2],
               deps=["det", "nsubj", "ROOT", "det", "nsubj", "aux", "ccomp", "npadvmod",
                     "punct"],
               tags=["DT", "NN", "VBD", "DT", "NNS", "MD", "VB", "NN", "."],
               pos=["DET", "NOUN", "VERB", "DET", "NOUN", "AUX", "VERB", "NOUN", "PUNCT"])
    spans2 = [(doc2[7:8], {"type": "DATE", "value": "2021-05-05", "text": "tomorrow"})]
    assert pick_date(doc2[2], spans2, PUBLISHED) == (PUBLISHED, "published")
    assert pick_date(doc2[6], spans2, PUBLISHED) == ("2021-05-05", "tomorrow")


def test_at_the_time_dates_an_act_by_the_time_last_named(events_nlp):
    text = ("The curfew was lifted on April 20. At the time, the minister called for calm in "
            "the northern towns.")
    assert [d for d, _ in dated(events_nlp, text, "called")] == ["2021-04-20"]
    # With no time named before it, it says nothing: the act keeps the publication date.
    alone = "At the time, the minister called for calm in the northern towns."
    assert dated(events_nlp, alone, "called") == [(PUBLISHED, "published")]
