"""Labels and time values in words, for legends and tables."""

from __future__ import annotations

import pytest

from dashboard import frames, highlight
from dashboard.names import label_words, time_words


@pytest.mark.parametrize(("value", "words"), [
    ("XXXX-WXX-4", "a Thursday"), ("PAST_REF", "in the past"), ("FUTURE_REF", "in the future"),
    ("2019-03", "March 2019"), ("2019-03-14", "14 March 2019"), ("2019-W11", "week 11 of 2019"),
    ("2018", "the year 2018"), ("P3D", "3 days"), ("P1Y", "1 year"), ("PXY", "some years"),
    ("2019-SU", "summer 2019"), ("2019-13", "2019-13"), (None, "—"),
])
def test_words_time_values(value, words):
    assert time_words(value) == words


def test_words_labels_and_legend():
    assert [label_words(x) for x in ("PERSON", "ORG", "GPE", "NORP", "FAC")] == [
        "Person", "Organisation", "Country or city", "Nationality or group", "Facility"]
    legend = highlight.legend({"GPE", "NORP"})
    assert "Country or city" in legend and "Nationality or group" in legend
    assert ">GPE<" not in legend


def test_words_frames_carry_the_words(article):
    times = frames.time_frame(article)
    assert "the year 2018" in set(times["meaning"])
    assert "Person" in set(frames.entities_frame(article)["kind"])
