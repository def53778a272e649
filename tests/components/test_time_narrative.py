"""Time expressions read in the light of the story around them: the weekday written with a
date, the year a narrative has set. Sentences, names and places are written for these tests.
"""

from __future__ import annotations

import datetime as dt

import pytest

from extraction.temporal.grammar import find
from extraction.temporal.resolve import resolve

from .test_time import values


# A date without a year but with its weekday falls in a year where that day is that weekday.
@pytest.mark.parametrize(
    ("text", "published", "expression", "value"),
    [
        # The past tense alone would say 2022; 31 August 2023 is the Thursday.
        ("Her deputy's resignation, announced on Sunday, was made effective from Thursday, "
         "August 31.", "2023-08-20", "Thursday, August 31", "2023-08-31"),
        # 4 March 2023 was a Saturday; 4 March 2024 is the Monday.
        ("Kesterby's council voted to reopen the bridge on Monday, 4 March.", "2024-02-26",
         "Monday, 4 March", "2024-03-04"),
    ],
)
def test_a_weekday_written_with_a_date_chooses_the_year(nlp, text, published, expression,
                                                       value):
    assert values(nlp, text, published).get(expression) == value


def test_a_weekday_that_agrees_with_the_tense_keeps_its_year():
    (found,) = find("on Friday, June 14")
    # 14 June 2019 is a Friday: the past reading stands.
    assert resolve(found.reading, anchor=dt.date(2019, 7, 1), tense="past") == \
        ("DATE", "2019-06-14")


# A past month and day after a date written with an earlier year belongs to that story.
@pytest.mark.parametrize(
    ("text", "expression", "value"),
    [
        ("Troops surrounded the palace in Varnholm on October 3, 2016.\n\n"
         "After a week of talks, the old governor stepped down on October 12.",
         "October 12", "2016-10-12"),
        # Across the turn of the year: the nearest December 28 to the written date.
        ("The strike at the Delmont mill began on January 9, 2015. Managers had "
         "threatened closures on December 28.", "December 28", "2014-12-28"),
    ],
)
def test_a_past_month_and_day_takes_the_year_of_its_story(nlp, text, expression, value):
    assert values(nlp, text, "2019-06-05").get(expression) == value


# A month with no day told in the same sentence as a dated story takes that story's year:
# forward for what came next, backward for a state that began "since" then.
@pytest.mark.parametrize(
    ("text", "expression", "value"),
    [
        ("Floods hit the Tarven valley in March 2017, and in November the two governments "
         "signed a reconstruction pact.", "November", "2017-11"),
        # Forward across the turn of the year.
        ("Fighting broke out around Orsk in October 2016, and in February the rebels "
         "withdrew.", "February", "2017-02"),
        ("Police raided the offices of the Daily Varn on April 5, 2017, and arrested its "
         "editor, who had been in hiding since December.", "December", "2016-12"),
    ],
)
def test_a_past_month_takes_the_year_of_its_sentence_story(nlp, text, expression, value):
    assert values(nlp, text, "2019-06-05").get(expression) == value


def test_a_month_in_the_next_sentence_keeps_the_publication_year(nlp):
    # The background year of another sentence does not move a recent month: news goes on
    # to what happened lately.
    text = "The Orsk war began in March 2014. In December, the rebels said they would withdraw."
    assert values(nlp, text, "2019-06-05").get("December") == "2018-12"


def test_a_date_after_since_does_not_become_the_story_day(nlp):
    text = ("Police raided the offices of the Daily Varn on April 5, 2017, and arrested its "
            "editor, who had been in hiding since December. The paper was shut down the "
            "same night.")
    assert values(nlp, text, "2019-06-05").get("the same night") == "2017-04-05TNI"


def test_the_story_year_needs_a_past_clause_and_a_written_year(nlp):
    # Future: the coming occurrence, whatever the story's year.
    text = ("The Brenmoor treaty was signed on May 2, 2014. Its successor will be signed "
            "on July 1.")
    assert values(nlp, text, "2019-06-05")["July 1"] == "2019-07-01"
    # A year named as a noun's modifier is not the story's date.
    text = ("The envoy praised the March 2012 accord with Tolvania. Her office had "
            "condemned the raid on April 20.")
    assert values(nlp, text, "2019-06-05")["April 20"] == "2019-04-20"
    # A date of the anchor's own year changes nothing.
    text = "The Ostrava talks opened on January 3, 2019. They broke down on January 9."
    assert values(nlp, text, "2019-06-05")["January 9"] == "2019-01-09"


def test_the_story_year_fades_after_two_paragraphs(nlp):
    filler = "Farmers in the valley grew barley and rye for the markets of the coast. " * 14
    text = (f"Floods reached Pellridge on March 8, 2016.\n\n{filler}\n\n"
            "The regional assembly met on April 2.")
    assert values(nlp, text, "2019-06-05")["April 2"] == "2019-04-02"


# A relative period followed by the day it names is one expression: the day, in the period.
@pytest.mark.parametrize(
    ("text", "expression", "value"),
    [
        ("Governor Ansel Drury said he will hand over the keys next month on April 3.",
         "next month on April 3", "2019-04-03"),
        ("The Lindqvist trial opens next week, on Friday.", "next week, on Friday",
         "2019-03-22"),
        ("The cannery in Moss Harbour closed last year in May.", "last year in May",
         "2018-05"),
        ("Rowing clubs will race on the Tarne next year in June.", "next year in June",
         "2020-06"),
        ("The Corvald envoys met this week on Tuesday.", "this week on Tuesday", "2019-03-12"),
        ("The mayor of Hollin will step down next month on April 3 at 5 p.m.",
         "next month on April 3 at 5 p.m.", "2019-04-03T17:00"),
    ],
)
def test_a_period_and_the_day_it_names_are_one_date(nlp, text, expression, value):
    # Anchor: Thursday 14 March 2019.
    assert values(nlp, text).get(expression) == value


def test_a_period_and_a_day_that_do_not_fit_stay_apart():
    # A year-dated day is its own date; a month does not name a weekday.
    assert [f.reading.kind for f in find("next month on August 2, 2020")] == ["relative", "date"]
    assert [f.reading.kind for f in find("next month on Friday")] == ["relative", "weekday"]


# A plan told in the past perfect has been overtaken: its day is the nearest one, not the
# next one a plan would name, and a month and day is not pushed a year back.
# Cases as data: one (text, expression, value) row each; alike other case tables in form only.
@pytest.mark.parametrize(
    ("text", "expression", "value"),
    [
        ("The Halvorsen bid had been due to expire on Tuesday, but the board extended it.",
         "Tuesday", "2019-03-12"),
        ("The Brisk Line ferry had been scheduled to sail at noon Monday.", "noon Monday",
         "2019-03-11T12:00"),
        ("The Oakhurst offer had been set to close on April 2.", "April 2", "2019-04-02"),
    ],
)
def test_an_overtaken_plan_names_the_nearest_day(nlp, text, expression, value):
    # Anchor: Thursday 14 March 2019.
    assert values(nlp, text).get(expression) == value
