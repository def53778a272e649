"""The light projection of ``Store.corpus_rows``: what a corpus overview aggregates, a few
named columns per article, event, stance and entity, without texts, mentions or time
expressions.

Each part's rows are plain tuples in the order ``CORPUS_COLUMNS`` names (the dashboard's
frames read them so); they are read from SQL by column name.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from .schema import IN_CHUNK, named

#: The columns of each part's rows, in order.
CORPUS_COLUMNS = {
    "articles": ("id", "title", "published", "published_inferred", "words", "entities",
                 "events", "stances", "text_key", "corrected"),
    "events": ("article_id", "event_id", "date", "date_source", "actor", "actor_country",
               "type", "negated", "target", "target_country", "polarity", "trigger",
               "sentence", "speaker", "modality"),
    "stances": ("article_id", "holder", "target", "target_key", "target_country", "polarity",
                "score", "evidence", "current"),
    "entities": ("article_id", "canonical", "label", "country", "role", "mentions"),
}

#: The queries of ``Store.corpus_rows``, each over ``{marks}`` article ids.
_PROJECTION = {
    "articles": """SELECT a.id, a.title, a.published, a.published_inferred, a.words,
        (SELECT count(*) FROM entities e WHERE e.article_id = a.id) AS entities,
        (SELECT count(*) FROM events v WHERE v.article_id = a.id) AS events,
        (SELECT count(*) FROM stances s WHERE s.article_id = a.id) AS stances,
        a.text_key,
        EXISTS (SELECT 1 FROM corrections c WHERE c.text_key = a.text_key
                AND c.undone_at IS NULL) AS corrected
        FROM articles a WHERE a.id IN ({marks}) ORDER BY a.id""",
    "entities": """SELECT e.article_id, e.entity_id, e.canonical, e.label, e.country, e.role,
        (SELECT count(*) FROM mentions m WHERE m.article_id = e.article_id
         AND m.entity_ord = e.ord) AS mentions
        FROM entities e WHERE e.article_id IN ({marks}) ORDER BY e.article_id, e.ord""",
    # The names of the entities an event names are looked up in Python, from the entities
    # read just before: three lookups per event in SQL took twice as long.
    "events": """SELECT v.article_id, v.event_id, v.date, v.date_source, v.actor,
        v.actor_text, v.actor_country, v.type, v.negated, v.target, v.target_text,
        v.target_country, v.polarity, v.trigger_text AS trigger,
        v.sentence_text AS sentence, v.speaker, v.modality
        FROM events v WHERE v.article_id IN ({marks}) ORDER BY v.article_id, v.ord""",
    "stances": """SELECT s.article_id, s.holder, s.target, s.target_key, s.target_country,
        s.polarity, s.score, json_array_length(s.evidence) AS evidence, s.current
        FROM stances s WHERE s.article_id IN ({marks}) ORDER BY s.article_id, s.ord""",
}


def corpus_rows(conn: sqlite3.Connection, article_ids: Sequence[str]
                ) -> dict[str, list[tuple[Any, ...]]]:
    """Read the projection of these articles in one snapshot (see ``Store.corpus_rows``)."""
    ids = list(dict.fromkeys(article_ids))
    read: dict[str, list[sqlite3.Row]] = {k: [] for k in _PROJECTION}
    conn.execute("BEGIN")
    try:
        for i in range(0, len(ids), IN_CHUNK):
            part = ids[i : i + IN_CHUNK]
            marks = ",".join("?" * len(part))
            for name, sql in _PROJECTION.items():
                read[name].extend(named(conn, sql.format(marks=marks), part))
        names = _entity_names(read["entities"])
    finally:
        conn.execute("COMMIT")
    return {
        "articles": [tuple(bool(r[c]) if c == "corrected" else r[c]
                           for c in CORPUS_COLUMNS["articles"]) for r in read["articles"]],
        "entities": _tuples(read["entities"], CORPUS_COLUMNS["entities"]),
        "events": [_event(r, names) for r in read["events"]],
        "stances": _tuples(read["stances"], CORPUS_COLUMNS["stances"]),
    }


def _tuples(rows: Iterable[Mapping[str, Any]], columns: Sequence[str]) -> list[tuple[Any, ...]]:
    return [tuple(r[c] for c in columns) for r in rows]


def _entity_names(entities: Iterable[Mapping[str, Any]]) -> dict[tuple[str, str], str]:
    """The canonical name of each (article, entity id): the first entity with the id, as
    ``Article.entity`` finds it."""
    names: dict[tuple[str, str], str] = {}
    for r in entities:
        names.setdefault((r["article_id"], r["entity_id"]), r["canonical"])
    return names


def _event(row: Mapping[str, Any], names: Mapping[tuple[str, str], str]) -> tuple[Any, ...]:
    """An event's tuple with its parties named: the entity's canonical name, else the
    argument's words (an empty one is none); the speaker only by an entity's name."""
    aid = row["article_id"]
    parties = {
        "actor": names.get((aid, row["actor"])) or row["actor_text"] or None,
        "target": names.get((aid, row["target"])) or row["target_text"] or None,
        "speaker": names.get((aid, row["speaker"])),
    }
    return tuple(parties[c] if c in parties else row[c] for c in CORPUS_COLUMNS["events"])
