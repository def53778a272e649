"""Which stored articles to read: the filters of ``Store.articles`` and its kin as SQL, and
full-text queries (FTS5) made safe from whatever a person typed."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import re
from dataclasses import dataclass
from typing import Any


# A plain record, one optional field per filter: alike other records' optional fields in form only.
@dataclass(frozen=True)
class Filters:
    """Which stored articles to read (``Store.articles``, ``article_ids``, ``summaries``,
    ``iter_articles``); every field left None means no restriction.

    Attributes:
        start: only articles published on or after this date.
        end: only articles published on or before this date.
        country: only articles where this ISO-3 code (any case) appears: an entity's
            country (as extracted or as corrected), an event's actor or target country, or a
            stance's holder or target country.
        source: only articles stored from this source.
        query: only articles whose title or text holds these words (full-text search,
            ``fts_query``); the best matches come first.
        entity: only articles with an entity whose canonical name contains this (any case).
        limit: at most this many articles.
    """

    start: dt.date | None = None
    end: dt.date | None = None
    country: str | None = None
    source: str | None = None
    query: str | None = None
    entity: str | None = None
    limit: int | None = None

    @classmethod
    def of(cls, filters: Filters | None = None, /, **fields: Any) -> Filters:
        """``filters`` (no restriction when None) with the fields given as keywords set.

        Raises:
            TypeError: a keyword that is not a field.
        """
        return dataclasses.replace(filters if filters is not None else cls(), **fields)


_FTS_TERM = re.compile(r'"([^"]*)"|(\w+)(\*?)')


def fts_query(text: str) -> str | None:
    """Turn what a person typed into an FTS5 query: every word must occur (in any order),
    ``"a phrase"`` in that order, ``word*`` as a prefix. Operators and punctuation are not
    passed on, so no input can be a syntax error; None when no word is left."""
    terms = []
    for phrase, word, star in _FTS_TERM.findall(text):
        words = re.findall(r"\w+", phrase) if phrase else [word]
        if words:
            terms.append('"' + " ".join(words) + '"' + ("*" if star else ""))
    return " ".join(terms) if terms else None


def filter_sql(columns: str, filters: Filters) -> tuple[str, list[Any]]:
    """The query selecting ``columns`` of the articles ``filters`` let through (``a`` is
    ``articles``), best match first for a search, else newest first; and its parameters."""
    where: list[str] = []
    params: list[Any] = []
    source_sql = "articles a"
    order = "a.published IS NULL, a.published DESC, a.added_at DESC, a.id"
    match = fts_query(filters.query) if filters.query else None
    if filters.query and match is None:
        where.append("0")  # only punctuation: nothing can match
    if match is not None:
        source_sql = "articles a JOIN articles_fts ON articles_fts.rowid = a.rowid"
        where.append("articles_fts MATCH ?")
        params.append(match)
        order = "articles_fts.rank, " + order
    if filters.start is not None:
        where.append("a.published >= ?")
        params.append(filters.start.isoformat())
    if filters.end is not None:
        where.append("a.published <= ?")
        params.append(filters.end.isoformat())
    if filters.source is not None:
        where.append("a.source = ?")
        params.append(filters.source)
    if filters.entity and filters.entity.strip():
        name = filters.entity.strip().lower()
        where.append(r"a.id IN (SELECT article_id FROM entities WHERE lower(canonical) LIKE ? "
                     r"ESCAPE '\')")
        params.append("%" + re.sub(r"([%_\\])", r"\\\1", name) + "%")
    if filters.country:
        code = filters.country.strip().upper()
        where.append(
            """(a.id IN (SELECT article_id FROM entities WHERE country = ?)
             OR a.id IN (SELECT article_id FROM events WHERE actor_country = ?)
             OR a.id IN (SELECT article_id FROM events WHERE target_country = ?)
             OR a.id IN (SELECT article_id FROM stances WHERE holder = ? OR holder LIKE ?
                         OR target_country = ?)
             OR a.text_key IN (SELECT text_key FROM corrections WHERE undone_at IS NULL
                               AND (kind = 'entity.country' AND after_value = ?
                                    OR kind IN ('entity.merge', 'entity.split')
                                    AND json_extract(after_value, '$.country') = ?)))"""
        )
        # Holders such as "opposition:VEN" belong to the country after the colon.
        params += [code, code, code, code, f"%:{code}", code, json.dumps(code), code]
    sql = f"SELECT {columns} FROM {source_sql}"
    if where:
        sql += " WHERE " + " AND ".join(where)
    sql += f" ORDER BY {order}"
    if filters.limit is not None:
        sql += " LIMIT ?"
        params.append(max(0, int(filters.limit)))
    return sql, params
