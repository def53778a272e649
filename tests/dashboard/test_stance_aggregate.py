"""Stances add up per canonical target (``target_key``) with counts; background stances
(``current`` False) are kept apart and weigh less when included."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from dashboard import charts, frames
from extraction.model import Stance

from .articles import build_article


def _with_stances(article_id: str, *stances: Stance, published=dt.date(2020, 1, 5)):
    return dataclasses.replace(build_article(article_id=article_id, published=published),
                               stances=stances)


@pytest.fixture()
def corpus():
    return [
        _with_stances("a1", Stance("USA", "Iran", "oppose", -0.8, ("ev1",), "IRN", "IRN")),
        _with_stances("a2", Stance("USA", "Iranian", "oppose", -0.4, ("ev2",), "IRN", "IRN")),
        _with_stances("a3", Stance("USA", "Tehran", "support", 0.6, ("ev1", "ev2"), "IRN",
                                   "IRN", current=False)),
        _with_stances("a4", Stance("USA", "Qasem Soleimani", "oppose", -0.9, ("ev1",), "IRN",
                                   "entity:Qasem Soleimani")),
    ]


def test_stance_aggregate_by_canonical_target_with_counts(corpus):
    summary = frames.stance_summary(frames.stances_frame(corpus))
    iran = summary[summary["target_key"] == "IRN"].iloc[0]
    assert iran["target"] in {"Iran", "Iranian"}
    assert (iran["articles"], iran["stances"], iran["background"]) == (2, 2, 0)
    assert iran["score"] == pytest.approx(-0.6)
    # A person tied to Iran is a target of its own, not the state.
    assert set(summary["target_key"]) == {"IRN", "entity:Qasem Soleimani"}


def test_stance_aggregate_background_is_apart_and_weighs_less(corpus):
    summary = frames.stance_summary(frames.stances_frame(corpus), background=True)
    iran = summary[summary["target_key"] == "IRN"].iloc[0]
    assert (iran["articles"], iran["stances"], iran["background"]) == (3, 3, 1)
    # Weights: -0.8 x 1, -0.4 x 1, +0.6 x (2 pieces x BACKGROUND_WEIGHT).
    background = 2 * frames.BACKGROUND_WEIGHT
    expected = (-0.8 - 0.4 + 0.6 * background) / (2 + background)
    assert iran["score"] == pytest.approx(expected)
    assert iran["polarity"] == "mixed"


def test_stance_aggregate_evidence_by_key_and_background(corpus):
    assert len(frames.evidence_frame(corpus, "USA", "IRN")) == 4
    assert len(frames.evidence_frame(corpus, "USA", "IRN", background=False)) == 2


def test_stance_aggregate_old_analyses_without_key_use_the_name():
    article = build_article()
    frame = frames.stances_frame(article)
    assert list(frame["target_key"]) == list(frame["target"])


def test_stance_aggregate_labels_stay_unique_when_names_collide():
    article = _with_stances(
        "a1", Stance("USA", "Georgia", "oppose", -0.5, ("ev1",), "GEO", "GEO"),
        Stance("RUS", "Georgia", "support", 0.5, ("ev2",), None, "entity:Georgia"))
    labels = frames.target_labels(frames.stances_frame(article))
    assert len(set(labels.values())) == 2 and labels["GEO"].startswith("Georgia")


def test_stance_aggregate_charts_show_names_and_counts(corpus):
    summary = frames.stance_summary(frames.stances_frame(corpus))
    heat = charts.stance_heatmap(summary).data[0]
    assert "Iran" in heat.x[0] or "Iran" in heat.x[1]
    assert any("(2)" in cell for row in heat.text for cell in row)
    bars = charts.stance_bars(summary, "IRN")
    assert bars.data[0].text[0] == "-0.60 (2)"
    assert "Stance towards Iran" in bars.layout.title.text


def test_stance_aggregate_over_time_by_key(corpus):
    monthly = frames.stance_by_month(corpus)
    assert set(monthly["target_key"]) == {"IRN", "entity:Qasem Soleimani"}
    iran = monthly[monthly["target_key"] == "IRN"].iloc[0]
    assert iran["articles"] == 2
    trend = frames.trend_targets(monthly)
    assert trend["IRN"].endswith("(1 month(s), 2 article(s))")
    fig = charts.stance_over_time(monthly, target="IRN")
    assert len(fig.data) == 1
    with_past = frames.stance_by_month(corpus, background=True)
    assert with_past[with_past["target_key"] == "IRN"].iloc[0]["articles"] == 3
