"""Pure functions from ``Article`` objects to pandas DataFrames for tables, charts and export.

Every function takes one article or a sequence of them, so the Analyze page (one article)
and the Corpus page (many) draw from the same frames. Nothing here imports Streamlit.

This module holds the entity, time, article-listing and correction frames and the Corpus
page's ``CorpusFrames``; the event and timeline frames are ``dashboard.event_frames``', the
stance frames ``dashboard.stance_frames``'. Their public names are re-exported here, so
``frames.events_frame`` and ``frames.stance_summary`` work as before.
"""

from __future__ import annotations

import datetime as dt
import json
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import pandas as pd

from extraction.corrections import Correction, text_key
from extraction.model import Article
from extraction.store import csv_safe

from .event_frames import (
    BACKGROUND_DAYS,
    EVENT_COLUMNS,
    NOT_HAPPENED,
    PLACED_PRECISIONS,
    TONE_THRESHOLD,
    WINDOW_MIN_EVENTS,
    WINDOW_QUANTILES,
    Articles,
    as_list,
    event_row,
    event_values,
    events_frame,
    events_of,
    timeline_events,
    timeline_window,
    timex_to_timestamp,
    tone,
)
from .names import country_name, holder_country, label_words, time_words
from .stance_frames import (
    BACKGROUND_WEIGHT,
    MONTHLY_COLUMNS,
    STANCE_COLUMNS,
    SUMMARY_COLUMNS,
    evidence_frame,
    monthly_stances,
    stance_by_month,
    stance_rows,
    stance_summary,
    stance_values,
    stances_frame,
    target_labels,
    trend_targets,
)

__all__ = [
    "ARTICLE_COLUMNS", "BACKGROUND_DAYS", "BACKGROUND_WEIGHT", "CORRECTION_COLUMNS",
    "ENTITY_COLUMNS", "EVENT_COLUMNS", "MONTHLY_COLUMNS", "NOT_HAPPENED", "PLACED_PRECISIONS",
    "STANCE_COLUMNS", "SUMMARY_COLUMNS", "TONE_THRESHOLD", "WINDOW_MIN_EVENTS",
    "WINDOW_QUANTILES", "Articles", "CorpusFrames", "article_countries", "articles_frame",
    "by_date_first", "clip_range", "corpus_entities_frame", "corpus_frames",
    "corrections_frame", "csv_text", "entities_frame", "events_frame", "evidence_frame",
    "monthly_stances", "projected_frames", "stance_by_month", "stance_summary",
    "stances_frame", "target_labels", "time_frame", "timeline_events", "timeline_window",
    "timex_to_timestamp", "tone", "trend_targets",
]


ENTITY_COLUMNS = ["entity", "type", "kind", "country", "country_name", "role", "mentions", "id"]


def entities_frame(article: Article) -> pd.DataFrame:
    """One row per entity: name, type, country, role and number of mentions."""
    rows = [
        {
            "entity": ent.canonical,
            "type": ent.label,
            "kind": label_words(ent.label),
            "country": ent.country,
            "country_name": country_name(ent.country) if ent.country else None,
            "role": ent.role,
            "mentions": len(ent.mentions),
            "id": ent.id,
        }
        for ent in article.entities
    ]
    frame = pd.DataFrame(rows, columns=ENTITY_COLUMNS)
    return frame.sort_values(["mentions", "entity"], ascending=[False, True], ignore_index=True)


def corpus_entities_frame(articles: Articles) -> pd.DataFrame:
    """Entities across articles, merged by name, type and country, with article counts."""
    return _entity_totals((ent.canonical, ent.label, ent.country, ent.role, len(ent.mentions))
                          for article in as_list(articles) for ent in article.entities)


def _entity_totals(entities: Iterable[tuple[str, str, str | None, str | None, int]]
                   ) -> pd.DataFrame:
    """``corpus_entities_frame`` from (name, type, country, role, mentions) per entity per
    article, in article order."""
    mentions: Counter[tuple[str, str, str | None]] = Counter()
    in_articles: Counter[tuple[str, str, str | None]] = Counter()
    roles: dict[tuple[str, str, str | None], Counter[str]] = {}
    for canonical, label, country, role, count in entities:
        key = (canonical, label, country)
        mentions[key] += count
        in_articles[key] += 1
        if role:
            roles.setdefault(key, Counter())[role] += 1
    rows = [
        {
            "entity": key[0],
            "type": key[1],
            "country": key[2],
            "country_name": country_name(key[2]) if key[2] else None,
            "role": roles[key].most_common(1)[0][0] if key in roles else None,
            "articles": in_articles[key],
            "mentions": count,
        }
        for key, count in mentions.items()
    ]
    columns = ["entity", "type", "country", "country_name", "role", "articles", "mentions"]
    frame = pd.DataFrame(rows, columns=columns)
    return frame.sort_values(
        ["articles", "mentions", "entity"], ascending=[False, False, True], ignore_index=True
    )


def time_frame(article: Article) -> pd.DataFrame:
    """One row per time expression: its words, TIMEX3 type and value, and its anchor."""
    rows = [
        {
            "text": t.text,
            "type": t.type,
            "value": t.value,
            "anchor": t.anchor,
            "meaning": time_words(t.value),
            "start_char": t.start_char,
            "end_char": t.end_char,
        }
        for t in sorted(article.time_expressions, key=lambda t: t.start_char)
    ]
    return pd.DataFrame(rows, columns=["text", "type", "value", "anchor", "meaning", "start_char",
                                       "end_char"])


def clip_range(value: object, first: dt.date | None, last: dt.date | None
               ) -> tuple[dt.date, dt.date] | None:
    """A (start, end) date range clipped to ``first``..``last``; None when it is not a
    range of dates or lies wholly outside."""
    if not (isinstance(value, tuple | list) and len(value) == 2
            and all(isinstance(v, dt.date) for v in value) and first and last):
        return None
    start, end = max(value[0], first), min(value[1], last)
    return (start, end) if start <= end else None


ARTICLE_COLUMNS = ["published", "inferred", "title", "words", "entities", "events", "stances",
                   "id"]


def articles_frame(articles: Articles, *, by_date: bool = True) -> pd.DataFrame:
    """One row per article: date, title and how much was found in it; newest first, or in
    the order given (a search's best match first) when not ``by_date``."""
    frame = pd.DataFrame([
        _article_values(a.id, a.title, a.published, a.published_inferred, len(a.text.split()),
                        len(a.entities), len(a.events), len(a.stances))
        for a in as_list(articles)
    ], columns=ARTICLE_COLUMNS)
    return by_date_first(frame) if by_date else frame


def by_date_first(listing: pd.DataFrame) -> pd.DataFrame:
    """An ``articles_frame`` newest first (undated last)."""
    return listing.sort_values("published", ascending=False, na_position="last",
                               ignore_index=True)


def _article_values(article_id: str, title: str | None, published: dt.date | None,
                    inferred: bool, words: int, entities: int, events: int, stances: int
                    ) -> dict[str, object]:
    return {"published": published, "inferred": inferred,
            "title": title or f"article {article_id[:8]}", "words": words,
            "entities": entities, "events": events, "stances": stances, "id": article_id}


@dataclass(frozen=True)
class CorpusFrames:
    """What the Corpus page shows of a set of articles, as frames (shared between runs: not
    to be changed in place).

    ``listing`` is ``articles_frame`` in the order of the articles given; ``events``,
    ``stances`` and ``entities`` are ``events_frame``, ``stances_frame`` and
    ``corpus_entities_frame``; ``mentions`` counts the entities of each article added up;
    ``text_keys`` are the keys of the texts (``extraction.corrections.text_key``).
    """

    listing: pd.DataFrame
    events: pd.DataFrame
    stances: pd.DataFrame
    entities: pd.DataFrame
    entity_count: int
    text_keys: frozenset[str]


def corpus_frames(articles: Articles) -> CorpusFrames:
    """``CorpusFrames`` of articles read whole."""
    listed = as_list(articles)
    return CorpusFrames(
        listing=articles_frame(listed, by_date=False), events=events_frame(listed),
        stances=stances_frame(listed), entities=corpus_entities_frame(listed),
        entity_count=sum(len(a.entities) for a in listed),
        text_keys=frozenset(text_key(a.text) for a in listed),
    )


def projected_frames(rows: dict[str, list[tuple]], order: Sequence[str],
                     corrected: Sequence[Article] = ()) -> CorpusFrames:
    """``CorpusFrames`` from the store's light projection (``Store.corpus_rows``), equal to
    ``corpus_frames`` of the same articles read whole.

    Args:
        rows: ``Store.corpus_rows(order)``.
        order: the article ids, in the order the frames list them.
        corrected: the articles the projection marks as corrected, read whole with their
            corrections applied; their rows replace the projected ones.
    """
    whole = {a.id: a for a in corrected}
    heads = {}
    listing: dict[str, dict[str, object]] = {}
    for aid, title, published, inferred, words, n_ent, n_ev, n_st, _, _ in rows["articles"]:
        day = dt.date.fromisoformat(published) if published else None
        heads[aid] = (title or f"article {aid[:8]}", day)
        listing[aid] = _article_values(aid, title, day, bool(inferred), words, n_ent, n_ev,
                                       n_st)
    # Rows as stored (by article id); put in the order asked for at the end, each article's
    # own in their order (a stable sort).
    events = [event_values(r[0], *heads[r[0]], *r[1:7], bool(r[7]), *r[8:])
              for r in rows["events"] if r[0] not in whole]
    stances = [stance_values(r[0], *heads[r[0]], *r[1:]) for r in rows["stances"]
               if r[0] not in whole]
    entities = [r for r in rows["entities"] if r[0] not in whole]
    counts = {aid: row["entities"] for aid, row in listing.items()}
    for aid, article in whole.items():
        # The corrections may have merged, split or removed what the projection counted.
        listing[aid] = _article_values(aid, article.title, article.published,
                                       article.published_inferred, listing[aid]["words"],
                                       len(article.entities), len(article.events),
                                       len(article.stances))
        counts[aid] = len(article.entities)
        events.extend(event_row(article, ev) for ev in article.events)
        stances.extend(stance_rows(article))
        entities.extend((aid, e.canonical, e.label, e.country, e.role, len(e.mentions))
                        for e in article.entities)
    ids = [aid for aid in order if aid in listing]
    position = {aid: i for i, aid in enumerate(ids)}

    def ordered(found: list[tuple]) -> list[tuple]:
        return sorted(found, key=lambda r: position[r[0]])

    return CorpusFrames(
        listing=pd.DataFrame([listing[aid] for aid in ids], columns=ARTICLE_COLUMNS),
        events=events_of(ordered(events)),
        stances=pd.DataFrame(ordered(stances), columns=STANCE_COLUMNS),
        entities=_entity_totals(r[1:] for r in ordered(entities)),
        entity_count=sum(counts[aid] for aid in ids),
        text_keys=frozenset(r[8] for r in rows["articles"] if r[8]),
    )


def article_countries(articles: Articles) -> list[str]:
    """The ISO-3 codes of every country an entity, event or stance in the articles ties to."""
    codes: set[str] = set()
    for article in as_list(articles):
        codes.update(e.country for e in article.entities if e.country)
        for ev in article.events:
            codes.update(c for c in (ev.actor_country, ev.target_country) if c)
        for st in article.stances:
            codes.update(c for c in (holder_country(st.holder), st.target_country) if c)
    return sorted(codes, key=country_name)


CORRECTION_COLUMNS = ["id", "made_at", "article_id", "kind", "item", "label", "before", "after",
                      "undone_at", "text_key"]


def corrections_frame(corrections: Iterable[Correction]) -> pd.DataFrame:
    """One row per analyst's correction, oldest first; ``before`` and ``after`` as JSON text
    (an added stance's ``after`` is an object)."""
    rows = [
        {**{k: v for k, v in c.to_dict().items() if k in CORRECTION_COLUMNS},
         "before": json.dumps(c.before, ensure_ascii=False),
         "after": json.dumps(c.after, ensure_ascii=False)}
        for c in corrections
    ]
    return pd.DataFrame(rows, columns=CORRECTION_COLUMNS)


def csv_text(frame: pd.DataFrame) -> str:
    """The frame as CSV text for a download, with formula-like text cells neutralised.

    Only text cells change (``extraction.store.csv_safe``): a column of numbers keeps its
    negative values as numbers, and JSON downloads keep the raw text.
    """
    safe = frame.copy()
    for column in safe.columns:
        if safe[column].dtype == object or pd.api.types.is_string_dtype(safe[column]):
            safe[column] = safe[column].map(csv_safe)
    safe.columns = [csv_safe(str(c)) for c in safe.columns]
    return safe.to_csv(index=False)
