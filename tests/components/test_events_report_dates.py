"""An act told as done is not dated after the report (rule ``past_not_after``).

"Condemned the blockade and said Warsaw would bring the issue to EU leaders in December",
told in November: December is when the issue is to be brought, not when the words were
said; the words take the publication date. A planned act keeps its future date, an act
its own clause dates keeps that date ("is to visit Kampala on December 2"), and a done act
its own past one.

Every sentence is written for these tests (none comes from a benchmark).
"""

from __future__ import annotations

import pytest

from extraction import analyze

PUBLISHED = "2025-11-18"


def dates(nlp, text: str) -> dict[str, tuple[str | None, str]]:
    article = analyze(text, published=PUBLISHED, nlp=nlp)
    return {ev.trigger.text: (ev.date, ev.modality) for ev in article.events}


@pytest.mark.parametrize("text, trigger", [
    ("Nowak condemned the blockade and said Warsaw would bring the issue to EU leaders in "
     "December.", "said"),
    ("Nowak condemned the blockade and said Warsaw would bring the issue to EU leaders in "
     "December.", "condemned"),
    ("The talks will resume in January, Kenya's foreign minister said.", "said"),
])
def test_words_said_now_are_not_dated_by_the_future_they_announce(nlp, text, trigger):
    assert dates(nlp, text)[trigger] == (PUBLISHED, "happened")


def test_a_planned_act_keeps_its_future_date(nlp):
    found = dates(nlp, "Peru recalled its ambassador and said it would file a complaint "
                       "in January.")
    assert found["file"] == ("2026-01", "planned")
    assert found["recalled"] == (PUBLISHED, "happened")


def test_an_act_its_own_clause_dates_keeps_that_date(nlp):
    found = dates(nlp, "The Kenyan foreign minister is to visit Kampala on December 2.")
    assert found["visit"][0] == "2025-12-02"


def test_a_done_act_keeps_its_own_past_date(nlp):
    assert dates(nlp, "Ghana imposed sanctions on Togo in October.")["imposed"] == (
        "2025-10", "happened")
