"""The time component's word lists and its package by capability: the resource file, its
loader, the rules built from it, the rule order, and saving the lists with a pipeline."""

from __future__ import annotations

import pytest
import spacy

from extraction.temporal import grammar, words
from extraction.temporal.grammar import PRIORITY, find, iter_rules
from extraction.temporal.registry import RULES
from extraction.temporal.words import load_time_words


def test_time_words_loader_reads_lists_and_values_in_order(tmp_path):
    path = tmp_path / "lists.tsv"
    path.write_text("# a comment\nlist\tentry\tvalue\n\nfeasts\tharvest day\t09-30\n"
                    "feasts\tfirst frost\t11-02\nverbs\tpause\n", encoding="utf-8")
    assert load_time_words(path) == {
        "feasts": {"harvest day": "09-30", "first frost": "11-02"},
        "verbs": {"pause": ""},
    }


# Like test_entities_words.py's broken-row test: each word-file loader is tested on its own format.
@pytest.mark.parametrize("row", ["verbs pause", "verbs\t", "\tpause", "verbs\tpause\tx\ty",
                                 "verbs\tstop"])
def test_time_words_loader_rejects_a_broken_row(tmp_path, row):
    path = tmp_path / "lists.tsv"
    path.write_text(f"list\tentry\tvalue\nverbs\tstop\n{row}\n", encoding="utf-8")
    with pytest.raises(ValueError, match="lists.tsv:3"):
        load_time_words(path)


def test_time_words_shipped_lists_are_clean():
    lists = load_time_words()
    assert set(lists) == {"holidays", "holidays_as_written", "future_auxiliaries",
                          "forward_verbs", "ending_verbs", "deadline_words", "moving_verbs"}
    for name, entries in lists.items():
        assert entries, name
        assert all(e == e.strip() and "  " not in e for e in entries), name
        dated = name.startswith("holidays")
        assert all(bool(v) == dated for v in entries.values()), name


def test_time_words_constants_come_from_the_file():
    lists = load_time_words()
    assert words.FORWARD_VERBS == frozenset(lists["forward_verbs"])
    assert "postpone" in words.MOVING_VERBS and "'ll" in words.FUTURE_AUXILIARIES
    assert words.HOLIDAY_DATES["boxing day"] == (12, 26)
    assert words.HOLIDAY_DATES["may day"] == (5, 1)


@pytest.mark.parametrize(
    ("text", "expression", "month_day"),
    [
        ("The shops shut early on Christmas Eve.", "Christmas Eve", (12, 24)),
        ("They met again after christmas 2016.", "christmas 2016", (12, 25)),
        ("Fireworks were banned on New Year’s Eve.", "New Year’s Eve", (12, 31)),
        ("The parade on Bastille Day was cancelled.", "Bastille Day", (7, 14)),
    ],
)
def test_time_words_holidays_found_from_the_file(text, expression, month_day):
    found = [f for f in find(text) if f.rule == "holiday"]
    assert [text[f.start:f.end] for f in found] == [expression]
    assert (found[0].reading.month, found[0].reading.day) == month_day


def test_time_words_holidays_as_written_need_their_capitals():
    # "may day" in lower case is a modal and a noun, not the first of May.
    assert not [f for f in find("Rain may day after day spoil the crop.") if f.rule == "holiday"]


def test_time_words_rules_run_in_the_stated_priority():
    assert tuple(iter_rules()) == PRIORITY
    assert set(RULES) == set(PRIORITY)
    assert len(PRIORITY) == len(set(PRIORITY))
    # The names other modules import from the grammar are still there.
    assert {"Reading", "Found", "MONTH", "YEAR", "month_number", "duration_value"} <= set(
        grammar.__all__)


def test_time_words_pipeline_round_trip_keeps_time_expressions(nlp, tmp_path):
    from extraction import analyze

    nlp.to_disk(tmp_path / "pipeline")
    loaded = spacy.load(tmp_path / "pipeline")
    assert loaded.get_pipe_config("newslens_time") == nlp.get_pipe_config("newslens_time")
    text = ("Talks that began on Monday will resume next week, two days after Boxing Day; "
            "the ministers last met in March 2018 and meet twice a year.")
    first = analyze(text, published="2020-12-20", nlp=nlp)
    second = analyze(text, published="2020-12-20", nlp=loaded)
    assert first.time_expressions
    assert first.time_expressions == second.time_expressions
