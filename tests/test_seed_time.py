"""The seed article's timeline: its dates resolved against its publication date, 2019-03-14."""

from __future__ import annotations

import pytest


def _by_context(article, expression: str, before: str) -> str:
    """Return the value of ``expression`` where the text just before it contains ``before``."""
    for t in article.time_expressions:
        if t.text == expression and before in article.text[max(0, t.start_char - 60) :
                                                            t.start_char]:
            return t.value
    raise AssertionError(f"{expression!r} after {before!r} not found")


def test_seed_time_publication_date_is_the_given_one(seed_article):
    assert seed_article.published.isoformat() == "2019-03-14"
    assert seed_article.published_inferred is False


# Cases as data: one expected (expression, words before, value) of the seed article a row.
@pytest.mark.parametrize(
    ("expression", "before", "value"),
    [
        ("January", "government in", "2019-01"),
        ("a year ago", "re-election", "2018"),
        ("this week", "in a speech", "2019-W11"),
        ("2018", "calling Maduro's", "2018"),
        ("five-day", "massive", "P5D"),
        # The blackout lasted five days and is reported as over: it began the week before.
        ("Thursday", "blackout that began", "2019-03-07"),
        ("Thursday", "released a statement", "2019-03-14"),
        ("January", "interim president in", "2019-01"),
    ],
)
def test_seed_time_values(seed_article, expression, before, value):
    assert _by_context(seed_article, expression, before) == value


def test_seed_time_convoy_left_on_the_day_of_publication(seed_article):
    # "on Thursday morning": TIMEX3 keeps the part of day after the date.
    value = _by_context(seed_article, "Thursday morning", "Caracas on")
    assert value.startswith("2019-03-14")


def test_seed_time_relative_expressions_name_their_anchor(seed_article):
    absolute = {"2018", "five-day"}
    for t in seed_article.time_expressions:
        assert t.anchor == (None if t.text in absolute else "2019-03-14"), t


def test_seed_time_expressions_survive_to_dict(seed_article):
    from extraction.model import Article

    data = seed_article.to_dict()
    values = {(t["text"], t["value"]) for t in data["time_expressions"]}
    assert ("this week", "2019-W11") in values
    assert Article.from_dict(data).time_expressions == seed_article.time_expressions
