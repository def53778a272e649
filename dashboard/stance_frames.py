"""Stances as pandas frames: per article, summed up per holder and target, over months, and
the evidence behind one.

The sums are ``extraction.events.summary``'s (``summarise_stances``, ``stance_weight``,
``target_names``) and, by month, ``extraction.stance_trend``'s; this module lays them out
as the tables and charts want them. Nothing here imports Streamlit; ``dashboard.frames``
re-exports the public names.
"""

from __future__ import annotations

import datetime as dt
from functools import lru_cache

import pandas as pd

from extraction.corrections import ANALYST
from extraction.events.summary import (
    BACKGROUND_STANCE_WEIGHT,
    StanceRow,
    stance_weight,
    summarise_stances,
    target_names,
)
from extraction.model import Article
from extraction.stance_trend import summarise_by_month

from .event_frames import EVENT_COLUMNS, Articles, as_list, display_title, event_row
from .names import holder_country, holder_label, is_state

#: How much a background stance counts in an aggregate next to a current one.
BACKGROUND_WEIGHT = BACKGROUND_STANCE_WEIGHT
STANCE_COLUMNS = [
    "article_id", "article", "published", "holder", "holder_label", "holder_country",
    "target", "target_key", "target_country", "polarity", "score", "evidence", "current",
    "weight",
]
SUMMARY_COLUMNS = [
    "holder", "holder_label", "holder_country", "state", "target", "target_key",
    "target_country", "polarity", "score", "evidence", "articles", "stances", "background",
]


# The same few holders recur over a corpus' thousands of rows.
@lru_cache(maxsize=4096)
def _holder_label(holder: str) -> str:
    return holder_label(holder)


@lru_cache(maxsize=4096)
def _holder_country(holder: str) -> str | None:
    return holder_country(holder)


def stances_frame(articles: Articles) -> pd.DataFrame:
    """One row per stance per article, with the holder's label and country."""
    return pd.DataFrame([row for article in as_list(articles) for row in stance_rows(article)],
                        columns=STANCE_COLUMNS)


def stance_rows(article: Article) -> list[tuple[object, ...]]:
    """The rows of ``stances_frame`` for one article's stances (``stance_values``)."""
    return [stance_values(article.id, display_title(article), article.published, stance.holder,
                           stance.target, stance.target_key, stance.target_country,
                           stance.polarity, stance.score, len(stance.evidence), stance.current)
            for stance in article.stances]


def stance_values(article_id: str, article: str, published: dt.date | None, holder: str,
                   target: str, target_key: str | None, target_country: str | None,
                   polarity: str, score: float, evidence: int, current: bool
                   ) -> tuple[object, ...]:
    """One row of ``stances_frame`` (``STANCE_COLUMNS``) from plain values (``evidence``:
    how many pieces). Older analyses have no canonical target key: the target's name stands
    in for it. The weight is ``stance_weight``."""
    return (article_id, article, published, holder, _holder_label(holder),
            _holder_country(holder), target, target_key or target, target_country, polarity,
            float(score), evidence, bool(current), stance_weight(evidence, bool(current)))


def target_labels(stances: pd.DataFrame) -> dict[str, str]:
    """A display name per canonical target key, unique: the name used most for it, with
    the key added where two keys would show the same name (``target_names``)."""
    if stances.empty:
        return {}
    return target_names(zip(stances["target_key"], stances["target"], strict=True))


_CARRIED = ("holder", "holder_label", "holder_country", "target_key", "target_country",
            "polarity")


def stance_summary(stances: pd.DataFrame, *, background: bool = False) -> pd.DataFrame:
    """Collapse stance rows to one per (holder, canonical target): ``summarise_stances`` as
    a frame, with the holder's label, country and whether it is a state, sorted by holder
    label and target.

    Stances towards one referent ("Iran", "Iranian", "Tehran": ``IRN``) add up under its
    ``target_key``; ``target`` is its display name. The score is the mean of the article
    scores weighted by their evidence (a background stance at ``BACKGROUND_WEIGHT``); the
    polarity is the one every article agrees on, else ``mixed``. ``stances`` counts the
    stances aggregated, ``background`` how many of them are background only.

    Args:
        stances: ``stances_frame`` output.
        background: include background stances (``current`` False); left out by default.
    """
    rows = [] if stances.empty else summarise_stances(
        stances[list(StanceRow._fields)].itertuples(index=False), background=background)
    if not rows:
        return pd.DataFrame(columns=SUMMARY_COLUMNS)
    summary = pd.DataFrame(rows)
    summary["holder_label"] = summary["holder"].map(_holder_label)
    summary["holder_country"] = summary["holder"].map(_holder_country)
    summary["state"] = summary["holder"].map(is_state)
    # The columns carried over keep the stance rows' types (a column with no value left,
    # as no country, stays the same string column).
    summary = summary.astype({column: stances[column].dtype for column in _CARRIED})
    summary = summary.sort_values(["holder_label", "target"], ignore_index=True)
    return summary[SUMMARY_COLUMNS]


def evidence_frame(articles: Articles, holder: str, target: str, *,
                   background: bool = True) -> pd.DataFrame:
    """The events and learned relations behind ``holder``'s stance towards ``target`` (a
    canonical target key), with their sentences; ``background`` False leaves out background
    stances."""
    columns = ["sentence", "actor", "type", "negated", "target", "date", "polarity", "article",
               "published"]
    rows = []
    for article in as_list(articles):
        labels = {st.target_key or st.target: st.target for st in article.stances}
        wanted: set[str] = set()
        for stance in article.stances:
            if (stance.holder == holder and (stance.target_key or stance.target) == target
                    and (background or stance.current)):
                wanted.update(stance.evidence)
        for event in article.events:
            if event.id in wanted:
                row = dict(zip(EVENT_COLUMNS, event_row(article, event), strict=True))
                rows.append({key: row[key] for key in columns})
        for rel in article.relations:
            if rel.id in wanted:
                # A relation the learned model read in a sentence: no event type, no date.
                source, target_ent = article.entity(rel.source), article.entity(rel.target)
                # An analyst's added stance names its holder and target by key, not entity.
                by_analyst = rel.found_by == ANALYST
                finder = {"model": "model", ANALYST: "added by an analyst"}.get(rel.found_by,
                                                                                "rule")
                rows.append({
                    "sentence": " ".join(rel.sentence.text.split()),
                    "actor": source.canonical if source else (
                        holder_label(rel.source) if by_analyst else None),
                    "type": f"{rel.polarity} ({finder})",
                    "negated": False,
                    "target": target_ent.canonical if target_ent else (
                        labels.get(rel.target, rel.target) if by_analyst else None),
                    "date": None,
                    "polarity": rel.score if rel.polarity == "positive" else -rel.score,
                    "article": display_title(article),
                    "published": article.published,
                })
    return pd.DataFrame(rows, columns=columns)


def stance_by_month(articles: Articles, *, background: bool = False) -> pd.DataFrame:
    """Stance per (holder, canonical target) per month of publication, for stance over time.

    Articles without a publication date are left out: they have no place on the axis.
    ``target`` is the target's display name, ``articles`` how many articles hold the stance
    that month; background stances count (at lower weight) only when ``background``.
    """
    return monthly_stances(stances_frame(articles), background=background)


MONTHLY_COLUMNS = ["month", "holder", "holder_label", "target", "target_key", "score",
                   "articles", "series"]


def monthly_stances(stances: pd.DataFrame, *, background: bool = False) -> pd.DataFrame:
    """``stance_by_month`` over rows of ``stances_frame`` (all of them, or a selection): the
    sums are ``extraction.stance_trend.summarise_by_month``'s, laid out as the chart wants
    them (the month as a timestamp, the holder's label, a series name per line)."""
    rows = [] if stances.empty else summarise_by_month(
        zip(stances["published"], stances[list(StanceRow._fields)].itertuples(index=False),
            strict=True),
        background=background)
    if not rows:
        return pd.DataFrame(columns=MONTHLY_COLUMNS)
    monthly = pd.DataFrame(rows)
    # Through a monthly period, so the column has the timestamps' unit of this pandas.
    monthly["month"] = pd.to_datetime(monthly["month"]).dt.to_period("M").dt.to_timestamp()
    monthly["holder_label"] = monthly["holder"].map(_holder_label)
    monthly["series"] = monthly["holder_label"] + " → " + monthly["target"]
    return monthly[MONTHLY_COLUMNS]


def trend_targets(monthly: pd.DataFrame) -> dict[str, str]:
    """Canonical targets of ``stance_by_month`` output with a label naming their counts,
    those followed over the most months (then in the most articles) first."""
    if monthly.empty:
        return {}
    spread = monthly.groupby("target_key").agg(
        target=("target", "first"), months=("month", "nunique"), articles=("articles", "sum"))
    spread = spread.sort_values(["months", "articles", "target"],
                                ascending=[False, False, True])
    return {key: f"{row.target} ({row.months} month(s), {row.articles} article(s))"
            for key, row in spread.iterrows()}
