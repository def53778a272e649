"""Stance over time in the dashboard's frames: ``extraction.stance_trend``'s sums laid out
per month, holder and target, with the holder's label and a series name."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pandas as pd
import pytest

from dashboard import frames
from extraction.model import Stance

from .articles import build_article


def _article(article_id: str, published: dt.date | None, *stances: Stance):
    return dataclasses.replace(build_article(article_id=article_id, published=published),
                               stances=stances)


def _stance(holder, target, score, evidence, current=True):
    polarity = "support" if score > 0 else "oppose"
    return Stance(holder, target, polarity, score, evidence, "CHL", "CHL", current=current)


@pytest.fixture()
def corpus():
    return [
        _article("a1", dt.date(2022, 5, 2), _stance("PER", "Chile", 0.8, ("ev1", "ev2", "ev3"))),
        _article("a2", dt.date(2022, 5, 30), _stance("PER", "Santiago", -0.4, ("ev1",)),
                 _stance("ARG", "Chile", 0.2, ("ev2",))),
        _article("a3", dt.date(2022, 5, 11), _stance("PER", "Chile", -1.0, ("ev1", "ev2"),
                                                     current=False)),
        _article("a4", dt.date(2022, 7, 19), _stance("PER", "Chile", -0.6, ("ev1",))),
        _article("a5", None, _stance("PER", "Chile", 1.0, ("ev1",))),
    ]


def test_stance_months_numbers(corpus):
    monthly = frames.stance_by_month(corpus)
    assert list(monthly.columns) == frames.MONTHLY_COLUMNS
    assert list(monthly["month"]) == [pd.Timestamp(2022, 5, 1), pd.Timestamp(2022, 5, 1),
                                      pd.Timestamp(2022, 7, 1)]
    assert list(monthly["holder"]) == ["ARG", "PER", "PER"]
    assert set(monthly["target"]) == {"Chile"}
    # May: 0.8 on three pieces of evidence, -0.4 on one; the undated article is left out.
    assert list(monthly["score"]) == pytest.approx([0.2, (0.8 * 3 - 0.4) / 4, -0.6])
    assert list(monthly["articles"]) == [1, 2, 1]
    assert monthly["series"].iloc[1] == f"{monthly['holder_label'].iloc[1]} → Chile"


def test_stance_months_background_weighs_half(corpus):
    monthly = frames.stance_by_month(corpus, background=True)
    may = monthly[monthly["holder"] == "PER"].iloc[0]
    background = 2 * frames.BACKGROUND_WEIGHT
    assert may["score"] == pytest.approx((0.8 * 3 - 0.4 - 1.0 * background) / (4 + background))
    assert may["articles"] == 3


def test_stance_months_of_a_selection_and_of_nothing(corpus):
    stances = frames.stances_frame(corpus)
    argentina = frames.monthly_stances(stances[stances["holder"] == "ARG"])
    assert list(argentina["score"]) == [0.2]
    assert frames.monthly_stances(stances.iloc[:0]).empty
    assert list(frames.stance_by_month([corpus[-1]]).columns) == frames.MONTHLY_COLUMNS
