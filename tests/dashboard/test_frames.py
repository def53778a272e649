"""Frames from hand-built articles: the tables and the aggregation behind every chart."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pandas as pd
import pytest

from dashboard import frames
from dashboard.names import holder_country, holder_label, is_state

from .articles import build_article


# Cases as data: one (value, expected, precision) row each; alike other case tables in form only.
@pytest.mark.parametrize(
    ("value", "expected", "precision"),
    [
        ("2019-03-14", "2019-03-14", "day"),
        ("2019-03-14T10:00", "2019-03-14", "day"),
        ("2019-01", "2019-01-01", "month"),
        ("2018", "2018-01-01", "year"),
        ("2019-W11", "2019-03-11", "week"),
        ("2019-Q2", "2019-04-01", "quarter"),
        ("2019-SU", "2019-06-01", "season"),
        ("PAST_REF", None, None),
        ("P1Y", None, None),
        ("2019-13", None, None),
        (None, None, None),
    ],
)
def test_frames_timex_to_timestamp(value, expected, precision):
    when, got_precision = frames.timex_to_timestamp(value)
    assert (when.date().isoformat() if when is not None else None) == expected
    assert got_precision == precision


@pytest.mark.parametrize(
    ("holder", "label", "country", "state"),
    [
        ("VEN", "Venezuela", "VEN", True),
        ("opposition:VEN", "Venezuela (opposition)", "VEN", False),
        ("un", "United Nations", None, False),
        ("group:54 other countries", "54 other countries", None, False),
    ],
)
def test_names_holder_keys(holder, label, country, state):
    assert holder_label(holder) == label
    assert holder_country(holder) == country
    assert is_state(holder) is state


def test_frames_entities_sorted_by_mentions(article):
    table = frames.entities_frame(article)
    assert list(table.columns) == frames.ENTITY_COLUMNS
    assert table.iloc[0]["entity"] in {"United States", "Nicolás Maduro"}
    assert table.iloc[0]["mentions"] == 3
    guaido = table[table["entity"] == "Juan Guaidó"].iloc[0]
    assert (guaido["type"], guaido["country"], guaido["country_name"], guaido["role"]) == (
        "PERSON", "VEN", "Venezuela", "opposition")


def test_frames_events_who_did_what(article):
    events = frames.events_frame(article)
    row = events.set_index("event_id").loc["ev1"]
    assert row["summary"] == "United States SUPPORT Juan Guaidó"
    assert row["tone"] == "cooperation"
    assert row["when"] == pd.Timestamp("2019-03-14")
    assert row["actor_group"] == "United States (USA)"
    blamed = events.set_index("event_id").loc["ev2"]
    assert blamed["tone"] == "conflict" and blamed["precision"] == "month"
    # An argument without an entity keeps its words; an undated event has no position.
    un = events.set_index("event_id").loc["ev6"]
    assert un["actor"] == "United Nations" and un["actor_group"] == "no country"
    assert pd.isna(events.set_index("event_id").loc["ev5"]["when"])


def test_frames_events_negated_and_empty(article):
    negated = dataclasses.replace(article.events[0], negated=True)
    changed = dataclasses.replace(article, events=(negated,))
    summary = frames.events_frame(changed).iloc[0]["summary"]
    assert summary == "United States not SUPPORT Juan Guaidó"
    empty = frames.events_frame(dataclasses.replace(article, events=()))
    assert empty.empty and list(empty.columns) == frames.EVENT_COLUMNS


def test_frames_stance_summary_weights_by_evidence(article):
    second = dataclasses.replace(
        article, id="a2", published=dt.date(2019, 4, 2),
        stances=(dataclasses.replace(article.stances[0], score=-0.4, polarity="oppose",
                                     evidence=("ev1", "ev2", "ev3")),),
    )
    summary = frames.stance_summary(frames.stances_frame([article, second]))
    usa = summary[(summary["holder"] == "USA") & (summary["target"] == "Juan Guaidó")].iloc[0]
    # (0.8 * 1 + -0.4 * 3) / 4 = -0.1, and the two articles disagree.
    assert usa["score"] == pytest.approx(-0.1)
    assert usa["polarity"] == "mixed"
    assert usa["articles"] == 2 and usa["evidence"] == 4
    assert bool(usa["state"]) is True
    military = summary[summary["holder"] == "military:VEN"].iloc[0]
    assert military["holder_label"] == "Venezuela (military)" and not military["state"]


def test_frames_stance_by_month(article):
    later = dataclasses.replace(article, id="a2", published=dt.date(2019, 4, 20))
    undated = dataclasses.replace(article, id="a3", published=None)
    monthly = frames.stance_by_month([article, later, undated])
    usa = monthly[monthly["holder"] == "USA"]
    assert list(usa["month"].dt.strftime("%Y-%m")) == ["2019-03", "2019-04"]
    assert set(usa["series"]) == {"United States → Juan Guaidó"}
    assert monthly["articles"].max() == 1


def test_frames_evidence_sentences(article):
    evidence = frames.evidence_frame([article], "USA", "Juan Guaidó")
    assert list(evidence["sentence"]) == ["The United States backed Guaido on Thursday."]
    assert frames.evidence_frame([article], "USA", "nobody").empty


def test_frames_corpus_entities_and_countries(article):
    other = build_article(article_id="a2")
    table = frames.corpus_entities_frame([article, other])
    maduro = table[table["entity"] == "Nicolás Maduro"].iloc[0]
    assert (maduro["articles"], maduro["mentions"]) == (2, 6)
    assert set(frames.article_countries([article])) == {"USA", "VEN", "BOL"}
    listing = frames.articles_frame([article, dataclasses.replace(other, published=None)])
    assert listing.iloc[-1]["published"] is None or pd.isna(listing.iloc[-1]["published"])


def test_frames_projection_equals_the_articles_read_whole(tmp_path):
    from extraction.corrections import merge_entities, set_event_status
    from extraction.model import Mention, Relation
    from extraction.store import Store
    from tests.test_corrections import story_article

    base = build_article()
    relation = Relation("r1", "e_un", "e_maduro", "negative", 0.9,
                        Mention("The UN called for talks.", 0, 24), "model")
    variants = [
        base,
        dataclasses.replace(base, id="a2", text=base.text + " More.", title=None,
                            published=None, relations=(relation,)),
        # An event whose party's entity is gone: its words stand in; no words, no name.
        dataclasses.replace(base, id="a3", text=base.text + " Again.", entities=base.entities[:3],
                            published=dt.date(2020, 1, 2)),
        story_article(),
        dataclasses.replace(story_article(), id="s2", text=story_article().text + " Later."),
    ]
    with Store(tmp_path / "store.sqlite") as store:
        for article in variants:
            store.add(article, source="test")
        # Corrections in force on two articles: they are read whole.
        store.add_correction(merge_entities(variants[3], ["e1", "e2"]))
        store.add_correction(set_event_status(base, "ev2", "rejected"))
        ids = store.article_ids()
        whole = frames.corpus_frames(store.articles())
        rows = store.corpus_rows(ids)
        corrected = store.get_many([r[0] for r in rows["articles"] if r[-1]])
    assert sorted(a.id for a in corrected) == ["a1", "story"]
    projected = frames.projected_frames(rows, ids, corrected)
    for name in ("listing", "events", "stances", "entities"):
        pd.testing.assert_frame_equal(getattr(projected, name), getattr(whole, name))
    assert projected.entity_count == whole.entity_count == 7 + 7 + 3 + 3 + 4
    assert projected.text_keys == whole.text_keys and len(whole.text_keys) == 5
    assert "ev2" not in set(projected.events.loc[projected.events["article_id"] == "a1",
                                                 "event_id"])
