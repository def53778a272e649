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
