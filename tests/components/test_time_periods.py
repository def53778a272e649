"""The time component on business-news periods, spoken years, frequency adjectives and
deadlines. Sentences are written for these tests; they run through the real model."""

from __future__ import annotations

import pytest

from extraction.temporal.grammar import find
from tests.components.test_time import run_time

# A results story published on Friday 25 October 2019 (in the fourth quarter).
OCTOBER = "2019-10-25"


def timex(nlp, text: str, published: str = OCTOBER) -> dict[str, tuple[str, str]]:
    return {t["text"]: (t["type"], t["value"])
            for t in run_time(nlp, text, published)._.newslens_timex}


@pytest.mark.parametrize(
    ("text", "expression", "value"),
    [
        # The quarter the story has named.
        ("The miner lost $5 million in the second quarter. Sales in the quarter fell 3%.",
         "the quarter", ("DATE", "2019-Q2")),
        ("The miner lost $5 million in the second quarter. The 2018 period was better.",
         "The 2018 period", ("DATE", "2018-Q2")),
        ("The miner lost $5 million in the second quarter, compared with year-earlier "
         "profit of $2 million.", "year-earlier", ("DATE", "2018-Q2")),
        # None named: the last complete quarter before the article's date, or its year.
        ("In the latest quarter, revenue at the brewer rose 2%.", "the latest quarter",
         ("DATE", "2019-Q3")),
        ("The year-ago results were restated.", "year-ago", ("DATE", "2018")),
        ("Profit for the year rose 5%, the chairman said.", "the year", ("DATE", "2019")),
        # A reporting year is written as its length.
        ("For the year ended June 30, the chain earned $9 million.", "the year",
         ("DURATION", "P1Y")),
        # A quarter with its year in front.
        ("The merger could close in next year's first quarter.", "next year's first quarter",
         ("DATE", "2020-Q1")),
        ("Sales for this year's third quarter were flat.", "this year's third quarter",
         ("DATE", "2019-Q3")),
        ("The charge was taken in the 2017 second quarter.", "the 2017 second quarter",
         ("DATE", "2017-Q2")),
        # A comparison quarter, which does not become the story's quarter.
        ("Profit rose in the third quarter from the year-ago second quarter. Sales in the "
         "quarter fell.", "the year-ago second quarter", ("DATE", "2018-Q2")),
        ("Profit rose in the third quarter from the year-ago second quarter. Sales in the "
         "quarter fell.", "the quarter", ("DATE", "2019-Q3")),
        # The end of a year, chosen by tense.
        ("The chain hopes to close the sale by year-end.", "year-end", ("DATE", "2019-12-31")),
        ("The shares have fallen 8% since year-end.", "year-end", ("DATE", "2018-12-31")),
        # The quarter just ended, whatever the tense.
        ("The airline expects to report a third-quarter loss.", "third-quarter",
         ("DATE", "2019-Q3")),
    ],
)
def test_time_periods_of_a_results_story(nlp, text, expression, value):
    assert timex(nlp, text).get(expression) == value


def test_time_periods_just_ended_quarter_across_the_new_year(nlp):
    found = timex(nlp, "The retailer will publish fourth-quarter sales next week.",
                  published="2020-01-10")
    assert found["fourth-quarter"] == ("DATE", "2019-Q4")


@pytest.mark.parametrize(
    "text",
    [
        "The quarter-to-quarter comparison was weak.",
        "A quarter of the voters stayed home.",
        "Iraq buys three-quarters of its grain abroad.",
        "The board raised its quarterly dividend to 10 cents.",
        "Average daily volume was 90 million shares.",
        "She kept a period of silence.",
        "He paid with nineteen twenty-dollar bills.",
    ],
)
def test_time_periods_not_time_expressions(nlp, text):
    assert timex(nlp, text) == {}


@pytest.mark.parametrize(
    ("text", "expression", "value"),
    [
        ("Prices are reviewed quarterly.", "quarterly", ("SET", "P3M")),
        ("The index rises 3% annually.", "annually", ("SET", "P1Y")),
    ],
)
def test_time_periods_frequency_adverbs_stay_sets(nlp, text, expression, value):
    assert timex(nlp, text).get(expression) == value


@pytest.mark.parametrize(
    ("text", "year"),
    [
        ("The dam broke in nineteen ninety-six.", 1996),
        ("The mill closed in nineteen oh five.", 1905),
        ("The town was founded in eighteen twelve.", 1812),
        ("Unemployment was to be halved by the year two thousand.", 2000),
        ("The plan runs to the year two thousand and ten.", 2010),
    ],
)
def test_time_periods_spoken_years(text, year):
    readings = [f.reading for f in find(text)]
    assert [r.year for r in readings] == [year]


@pytest.mark.parametrize(
    ("text", "expression", "value", "published"),
    [
        # A past decision about a date still ahead.
        ("The bidder extended its offer until Nov. 20.", "Nov. 20", "2019-11-20", OCTOBER),
        ("The council moved the vote to May.", "May", "2019-05", "2019-03-14"),
        ("The rules became effective Dec. 7.", "Dec. 7", "2019-12-07", OCTOBER),
        # Without such a word the past tense decides.
        ("Rebels captured the town in November.", "November", "2018-11", "2019-03-14"),
    ],
)
def test_time_periods_deadlines_after_a_past_verb(nlp, text, expression, value, published):
    assert timex(nlp, text, published).get(expression, (None, None))[1] == value


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A rule's word boundary holds for every alternative of its pattern: "noon" inside
        # "afternoon" is no clock time.
        ("The market fell in mid-afternoon trading.", []),
        ("The fair opens each August in the old square.", [("each August", "XXXX-08")]),
        ("Fishermen sail every other week.", [("every other week", "P2W")]),
    ],
)
def test_time_periods_sets_and_word_boundaries(text, expected):
    assert [(text[f.start:f.end], f.reading.value) for f in find(text)] == expected
