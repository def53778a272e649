"""Tests for the time component and the temporal rules it wires up.

Sentences are written for these tests. Most run through the real model (tense comes from the
parse); the duration rule is also checked on a hand-built parse so the model's mood cannot
break it.
"""

from __future__ import annotations

import random
import re

import pytest
from spacy.tokens import Doc

from extraction.components.time import TimeTagger
from extraction.temporal.grammar import find
from extraction.temporal.publication import dateline, infer
from extraction.temporal.resolve import duration_days, iso_week, resolve

# Every value the component may write: a date of any precision (with optional time), a
# duration, a set, a reference word or an X placeholder.
TIMEX_VALUE = re.compile(
    r"^(?:PRESENT_REF|PAST_REF|FUTURE_REF"
    r"|P(?:T?(?:\d+(?:\.\d+)?|X)(?:Y|M|W|D|H|S|DE|CE))"
    r"|(?:\d{2}|\d{3}|\d{4}|XXXX|XXX|XX)"
    r"(?:-(?:\d{2}|XX|W\d{2}|WXX|Q[1-4X]|H[12]|SP|SU|FA|WI)"
    r"(?:-(?:\d{2}|XX|[1-7]|WE))?)?"
    r"(?:T(?:\d{2}:\d{2}|MO|AF|EV|NI))?)$"
)


def run_time(nlp, text: str, published: str | None = "2019-03-14") -> Doc:
    """Run the model and the time component only (not the other newslens components)."""
    doc = nlp.make_doc(text)
    doc._.newslens_published = published
    for name, proc in nlp.pipeline:
        if not name.startswith("newslens_") or name == "newslens_time":
            doc = proc(doc)
    return doc


def values(nlp, text: str, published: str | None = "2019-03-14") -> dict[str, str]:
    return {t["text"]: t["value"] for t in run_time(nlp, text, published)._.newslens_timex}


# Cases as data: one (text, expression, value) row each; alike other case tables in form only.
# Anchor: Thursday 14 March 2019 (ISO week 11).
@pytest.mark.parametrize(
    ("text", "expression", "value"),
    [
        ("The talks collapsed on Monday.", "Monday", "2019-03-11"),
        ("The leaders will meet on Monday.", "Monday", "2019-03-18"),
        ("The ministers met on Thursday.", "Thursday", "2019-03-14"),
        ("Rebels captured the town in November.", "November", "2018-11"),
        ("Elections will be held in November.", "November", "2019-11"),
        ("The government cut ties in January.", "January", "2019-01"),
        ("He was re-elected a year ago.", "a year ago", "2018"),
        ("The ceasefire was signed three days ago.", "three days ago", "2019-03-11"),
        ("The envoy arrived two weeks ago.", "two weeks ago", "2019-W09"),
        ("The economy shrank in the 1990s.", "the 1990s", "199"),
        ("Such coups were common in the '80s.", "the '80s", "198"),
        ("It was the bloodiest war of the 20th century.", "the 20th century", "19"),
        ("The vote will take place next year.", "next year", "2020"),
        ("Inflation doubled last year.", "last year", "2018"),
        ("The president spoke this week.", "this week", "2019-W11"),
        ("Protests spread last week.", "last week", "2019-W10"),
        ("Exports fell this month.", "this month", "2019-03"),
        ("The summit is planned for next month.", "next month", "2019-04"),
        ("The army withdrew last Friday.", "last Friday", "2019-03-08"),
        ("The parliament votes next Tuesday.", "next Tuesday", "2019-03-19"),
        ("The report was published on 2019-03-01.", "2019-03-01", "2019-03-01"),
        ("The deal was signed on 3/5/2019.", "3/5/2019", "2019-03-05"),
        ("The deal was signed on 25/12/2018.", "25/12/2018", "2018-12-25"),
        ("The treaty was signed on March 5, 2018.", "March 5, 2018", "2018-03-05"),
        ("The treaty was signed on 5 March 2018.", "5 March 2018", "2018-03-05"),
        ("The treaty was signed in March 2018.", "March 2018", "2018-03"),
        ("The treaty was signed on Feb. 28.", "Feb. 28", "2019-02-28"),
        ("The bill will be debated on April 7.", "April 7", "2019-04-07"),
        ("The strike ended in early May.", "early May", "2018-05"),
        ("The vote has been postponed until Saturday.", "Saturday", "2019-03-16"),
        ("Troops left the city last summer.", "last summer", "2018-SU"),
        ("Profits rose in the fourth quarter of 2018.", "the fourth quarter of 2018", "2018-Q4"),
        ("The crisis has eased since 2017.", "2017", "2017"),
        ("Prices are rising now.", "now", "PRESENT_REF"),
        ("Officials met yesterday.", "yesterday", "2019-03-13"),
        ("The court rules tomorrow.", "tomorrow", "2019-03-15"),
        ("A ruling is expected in June of this year.", "June of this year", "2019-06"),
        ("The ship sailed on July 13 of last year.", "July 13 of last year", "2018-07-13"),
        ("The band first played together in '69.", "'69", "1969"),
        ("Events have been planned until December.", "December", "2019-12"),
        ("Six died in a landslide following an aftershock on Saturday.", "Saturday",
         "2019-03-09"),
        ("Rebels attacked the base over the weekend.", "the weekend", "2019-W10-WE"),
        ("The leaders will meet at the weekend.", "the weekend", "2019-W11-WE"),
        ("The deal is due by the end of the year.", "the end of the year", "2019"),
        ("The troops were home by Christmas.", "Christmas", "2018-12-25"),
        ("Talks will resume after New Year's Day.", "New Year's Day", "2020-01-01"),
    ],
)
def test_time_resolves_relative_and_absolute_dates(nlp, text, expression, value):
    assert values(nlp, text).get(expression) == value


# Cases as data: one (text, expression, type, value) row each, grouped by type.
@pytest.mark.parametrize(
    ("text", "expression", "kind", "value"),
    [
        ("They endured a five-day blackout.", "five-day", "DURATION", "P5D"),
        ("The strike lasted 24 hours.", "24 hours", "DURATION", "PT24H"),
        ("The war lasted three years.", "three years", "DURATION", "P3Y"),
        ("The talks took several weeks.", "several weeks", "DURATION", "PXW"),
        ("The conflict went on for a decade.", "a decade", "DURATION", "P10Y"),
        ("He served 18 months in prison.", "18 months", "DURATION", "P18M"),
        ("Prices doubled over the past two years.", "the past two years", "DURATION", "P2Y"),
        ("The mission lasted two and a half years.", "two and a half years", "DURATION",
         "P30M"),
        ("Inspectors visit every week.", "every week", "SET", "P1W"),
        ("The report is published each year.", "each year", "SET", "P1Y"),
        ("The council meets every Monday.", "every Monday", "SET", "XXXX-WXX-1"),
        ("The ministers meet twice a week.", "twice a week", "SET", "P1W"),
        ("The fund pays out annually.", "annually", "SET", "P1Y"),
        ("The vote will take place Friday at 3 p.m.", "Friday at 3 p.m.", "TIME",
         "2019-03-15T15:00"),
        ("The convoy left on Thursday morning.", "Thursday morning", "TIME", "2019-03-14TMO"),
        ("The quake struck at 1137 UTC on Wednesday.", "1137 UTC on Wednesday", "TIME",
         "2019-03-13T11:37"),
    ],
)
def test_time_types_durations_sets_and_times(nlp, text, expression, kind, value):
    found = {t["text"]: t for t in run_time(nlp, text)._.newslens_timex}
    assert expression in found
    assert (found[expression]["type"], found[expression]["value"]) == (kind, value)


def test_time_later_anchors_on_an_earlier_date_in_the_paragraph(nlp):
    text = ("The protests began on March 3, 2018. Two days later, police arrested the leaders. "
            "The next day, the army took over.")
    got = values(nlp, text)
    assert got["Two days later"] == "2018-03-05"
    assert got["The next day"] == "2018-03-06"


# Published on Friday 15 March 2019: in the present tense, with nothing else to go by, a bare
# weekday is the nearer of its two occurrences (Monday three days ahead, Tuesday three back).
@pytest.mark.parametrize(("text", "expression", "value"), [
    ("The two leaders meet separately Monday with the envoy.", "Monday", "2019-03-18"),
    ("The two leaders meet separately Tuesday with the envoy.", "Tuesday", "2019-03-12"),
    ("The two leaders meet separately Wednesday with the envoy.", "Wednesday", "2019-03-13"),
    ("The two leaders meet separately Sunday with the envoy.", "Sunday", "2019-03-17"),
])
def test_time_present_tense_weekday_is_the_nearer_one(nlp, text, expression, value):
    assert values(nlp, text, "2019-03-15").get(expression) == value


def test_time_the_day_before_an_event_is_not_the_day_before_the_story_day(nlp):
    # "the night before the vote" is next to the vote, whose day the text does not give; "the
    # night before" on its own is next to the day the story is telling.
    got = values(nlp, "The polls opened on March 3, 2018. Rebels attacked a convoy on the "
                      "night before the vote. The morning after the count, the army left.")
    assert "X" in got["the night before"] and "X" in got["The morning after"]
    got = values(nlp, "The polls opened on March 3, 2018. The night before, rebels attacked "
                      "a convoy.")
    assert got["The night before"] == "2018-03-02TNI"


def test_time_by_a_day_in_a_story_told_in_the_past_is_that_past_day(nlp):
    # "By Sunday" on a verb in the past is a day reached, not a deadline ahead; on an
    # infinitive it stays a deadline ("agreed to leave by Sunday").
    assert values(nlp, "By Sunday afternoon, the governor said the senate had no say."
                  )["Sunday afternoon"] == "2019-03-10TAF"
    assert values(nlp, "The rebels agreed to leave the town by Sunday.")["Sunday"] == "2019-03-17"


def test_time_date_before_a_reported_clause_takes_the_tense_of_the_saying(nlp):
    # "said on Monday the army would leave": Monday is when it was said, in the past.
    assert values(nlp, "Egypt said on Monday the army would leave the border town."
                  )["Monday"] == "2019-03-11"
    assert values(nlp, "Egypt said the army would leave the border town on Monday."
                  )["Monday"] == "2019-03-18"


def test_time_later_without_a_reference_stays_unresolved(nlp):
    got = values(nlp, "Two days later, police arrested the leaders.")
    assert "X" in got["Two days later"]


def test_time_completed_event_of_stated_length_began_that_long_before(nlp):
    # A five-day blackout that already "began Thursday", reported on a Thursday, began a
    # week before; one that ended Thursday can have ended that very day.
    text = "He blamed the opposition for a five-day blackout that began Thursday."
    assert values(nlp, text)["Thursday"] == "2019-03-07"
    assert values(nlp, "The five-day strike ended Thursday.")["Thursday"] == "2019-03-14"
    assert values(nlp, "The blackout began Thursday.")["Thursday"] == "2019-03-14"


def test_time_duration_rule_on_a_hand_built_parse(nlp):
    words = ["The", "five", "-", "day", "blackout", "began", "Thursday", "."]
    doc = Doc(
        nlp.vocab,
        words=words,
        spaces=[True, False, False, True, True, True, False, False],
        heads=[4, 3, 3, 4, 5, 5, 5, 5],
        deps=["det", "nummod", "punct", "compound", "nsubj", "ROOT", "npadvmod", "punct"],
        tags=["DT", "CD", "HYPH", "NN", "NN", "VBD", "NNP", "."],
        pos=["DET", "NUM", "PUNCT", "NOUN", "NOUN", "VERB", "PROPN", "PUNCT"],
        lemmas=["the", "five", "-", "day", "blackout", "begin", "Thursday", "."],
        sent_starts=[True, False, False, False, False, False, False, False],
    )
    doc._.newslens_published = "2019-03-14"
    doc = TimeTagger()(doc)
    got = {t["text"]: t for t in doc._.newslens_timex}
    assert got["five-day"]["value"] == "P5D"
    assert got["Thursday"]["value"] == "2019-03-07"
    assert (got["Thursday"]["start_token"], got["Thursday"]["end_token"]) == (6, 7)


@pytest.mark.parametrize(
    "text",
    [
        "The meeting was set for February 30.",
        "They met on the 32nd of May.",
        "The form was dated 13/13/2019.",
        "Code Xq#1999-99-99 failed.",
        "Officials may resign over the scandal.",
        "The army sent 2000 troops to the border.",
        "The company paid $2019 in fees.",
        "Winds reached 120 miles per hour.",
        "The suspect is 35 years old.",
    ],
)
def test_time_rejects_malformed_dates_and_look_alikes(nlp, text):
    for t in run_time(nlp, text)._.newslens_timex:
        assert TIMEX_VALUE.match(t["value"]), t
        assert t["type"] != "DATE" or not re.match(r"^\d{4}-\d{2}-\d{2}", t["value"]), t
        assert t["text"] not in ("2000", "2019", "may", "per hour", "35 years"), t


def test_time_month_may_needs_a_cue(nlp):
    assert values(nlp, "The minister resigned in May.")["May"] == "2018-05"
    assert "May" not in values(nlp, "May said the talks may resume.")


def test_time_publication_date_from_a_full_dateline(nlp):
    text = "Tuesday, October 15, 2019\n\nThe minister resigned on Monday after the vote."
    doc = run_time(nlp, text, published=None)
    assert doc._.newslens_anchor == "2019-10-15"
    assert doc._.newslens_published_inferred is False
    assert values(nlp, text, None)["Monday"] == "2019-10-14"


def test_time_publication_date_from_a_wire_dateline(nlp):
    doc = run_time(nlp, "WASHINGTON, March 14, 2019 (Reuters) - The envoy left on Monday.",
                   published=None)
    assert doc._.newslens_anchor == "2019-03-14"
    assert doc._.newslens_published_inferred is False
    # Without a year, the dateline takes the latest year the text names, as a guess.
    doc = run_time(nlp, "WASHINGTON, March 14 (Reuters) - The sanctions imposed in 2019 "
                   "were lifted on Monday.", published=None)
    assert doc._.newslens_anchor == "2019-03-14"
    assert doc._.newslens_published_inferred is True


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("By Jane Doe | March 14, 2019\nThe envoy left.", "2019-03-14"),
        ("Published on 14 March 2019 10:32 GMT\nThe envoy left.", "2019-03-14"),
        ("Updated: 2019-03-14\nThe envoy left.", "2019-03-14"),
        ("Envoys leave\nTuesday, October 15, 2019\nThe envoy left.", "2019-10-15"),
        ("The war began on March 3, 2019 and went on.", None),
        ("Tuesday, February 30, 2019\nA date that does not exist.", None),
    ],
)
def test_time_dateline_forms(text, date):
    found, _ = dateline(text)
    assert (found.isoformat() if found else None) == date


def test_time_publication_date_inferred_from_full_dates(nlp):
    text = ("The rebels took the port on March 3, 2019. The government responded on "
            "March 5, 2019, and the talks resumed on Thursday.")
    doc = run_time(nlp, text, published=None)
    assert doc._.newslens_anchor == "2019-03-05"
    assert doc._.newslens_published_inferred is True


def test_time_caller_date_wins_over_the_text(nlp):
    doc = run_time(nlp, "Tuesday, October 15, 2019\n\nThe minister resigned.",
                   published="2020-01-02")
    assert doc._.newslens_anchor == "2020-01-02"
    assert doc._.newslens_published_inferred is False


def test_time_without_evidence_relative_dates_stay_unresolved(nlp):
    text = ("The minister resigned on Thursday after a year of protests. He was elected a "
            "year ago. Talks resume next year. The strike began in January.")
    doc = run_time(nlp, text, published=None)
    assert doc._.newslens_anchor is None
    got = {t["text"]: t for t in doc._.newslens_timex}
    assert got["Thursday"]["value"] == "XXXX-WXX-4"
    assert got["a year ago"]["value"] == "PAST_REF"
    assert got["next year"]["value"] == "FUTURE_REF"
    assert got["January"]["value"] == "XXXX-01"
    assert all(t["anchor"] is None for t in doc._.newslens_timex)


def test_time_offsets_and_anchor_fields(nlp):
    text = "Officials met on Thursday and will meet again next week."
    doc = run_time(nlp, text)
    for t in doc._.newslens_timex:
        assert text[t["start_char"] : t["end_char"]] == t["text"]
        span = doc[t["start_token"] : t["end_token"]]
        assert span.start_char <= t["start_char"] and t["end_char"] <= span.end_char
        assert t["anchor"] == "2019-03-14"


_PIECES = [
    "March", "May", "Thursday", "2019", "19", "1990s", "'", "-", "/", ":", "3:07", "p.m.",
    "a", "year", "ago", "days", "later", "every", "week", "the", "next", "last", "of", "32nd",
    "February 30", "Q4", "fiscal", "century", "20th", "\n", ",", ".", "(Reuters)", "WASHINGTON",
    "twice", "an", "hour", "half", "and", "0", "99", "9999", "12/31/99", "1/1/0001", "Sept.",
    "noon", "midnight", "tonight", "é", "日本", "🙂", "\t", "  ", "five-day", "35-year-old",
]


@pytest.mark.parametrize("seed", range(3))
def test_time_never_raises_on_odd_text(nlp, seed):
    rng = random.Random(seed)
    tagger = TimeTagger()
    for i in range(150):
        text = " ".join(rng.choice(_PIECES) for _ in range(rng.randint(0, 30)))
        text += "".join(chr(rng.randint(32, 0x2FFF)) for _ in range(rng.randint(0, 10)))
        found = find(text)
        assert all(0 <= f.start < f.end <= len(text) for f in found)
        # Tokenizer only (no parse), then a few through the full model.
        doc = nlp.make_doc(text)
        doc._.newslens_published = rng.choice([None, "2019-03-14", "0001-01-01", "9999-12-31"])
        doc = tagger(doc) if i % 10 else run_time(nlp, text, doc._.newslens_published)
        for t in doc._.newslens_timex:
            assert TIMEX_VALUE.match(t["value"]), t
            assert text[t["start_char"] : t["end_char"]] == t["text"]


def test_resolve_and_helpers_are_plain_functions():
    import datetime as dt

    assert iso_week(dt.date(2019, 3, 14)) == "2019-W11"
    assert duration_days("P5D") == 5 and duration_days("P2W") == 14
    assert duration_days("PT3H") is None and duration_days("PXD") is None
    (reading,) = [f.reading for f in find("on Thursday")]
    assert resolve(reading, anchor=None) == ("DATE", "XXXX-WXX-4")
    assert resolve(reading, anchor=dt.date(2019, 3, 15), tense="past") == ("DATE", "2019-03-14")
    assert infer([]) is None
    assert infer([(dt.date(2019, 1, 1), "past"), (dt.date(2020, 1, 1), "future"),
                  (dt.date(2019, 6, 1), None)]) == dt.date(2019, 1, 1)
    assert infer([(dt.date(2020, 1, 1), "future"), (dt.date(2019, 6, 1), None)]) == dt.date(
        2019, 6, 1
    )
    assert infer([(dt.date(2021, 12, 31), "perfect"), (dt.date(2022, 1, 1), "future")]) is None
    assert dateline("No date here.") == (None, False)


# Headlines of the form "X to do Y": the infinitive is the root of its own parse, so a
# tense walk that follows "to" upwards must stop there (it once recursed without end).
HEADLINES = [
    "Britain to expel 23 Russian diplomats next week",
    "Markets to stay closed on Monday",
    "How to watch the debate tonight",
    "Kenya to host regional talks in March",
    "Ministers to meet on Friday to discuss the border",
    "Chile to hold referendum next year",
    "EU leaders to weigh new sanctions against Minsk on Thursday",
    "What to know about the vote",
    "Ghana set to reopen border crossings",
    "Japan to lift travel curbs from Tuesday",
]


@pytest.mark.parametrize("headline", HEADLINES)
def test_time_headline_infinitive_is_future_and_never_recurses(nlp, headline):
    from extraction import analyze

    article = analyze(headline, published="2024-05-08", title=headline, nlp=nlp)
    assert article.text == headline
    for timex in article.time_expressions:
        if timex.type == "DATE" and timex.value[:4].isdigit() and len(timex.value) >= 10:
            # A weekday in a headline about plans is on or after the publication date.
            assert timex.value >= "2024-05-08", timex


def test_time_verb_tense_of_a_root_infinitive(nlp):
    from extraction.temporal.tense import verb_tense

    doc = nlp("Britain to expel 23 Russian diplomats next week")
    root = next(t for t in doc if t.dep_ == "ROOT")
    assert verb_tense(root) == "future"


@pytest.mark.parametrize(
    ("text", "expression", "value"),
    [
        ("The miner earned $40 million in the third quarter, up from $31 million a year "
         "earlier.", "a year earlier", "2017-Q3"),
        ("Sales in the second quarter of 2018 fell 4%, against a 2% rise a year ago.",
         "a year ago", "2017-Q2"),
        ("The bank lost $2 million in the first quarter, against a profit of $1 million a "
         "year ago.", "a year ago", "2018-Q1"),
        # No quarter named: a year back from the article's date.
        ("The plant opened a year ago.", "a year ago", "2018"),
    ],
)
def test_time_year_back_in_a_quarterly_report_is_that_quarter(nlp, text, expression, value):
    assert values(nlp, text).get(expression) == value
