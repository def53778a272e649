"""Reading the store: whole articles (with their corrections applied), listings and
counts, the filters of ``articles``, and the light ``corpus_rows`` projection."""

from __future__ import annotations

import dataclasses
import datetime as dt
import sqlite3
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from ..corrections import Correction, apply_corrections
from ..errors import NewslensError
from ..model import Article
from .connection import Connections
from .correcting import read_corrections
from .projection import corpus_rows
from .rows import HEAD_COLUMNS, PARTS, build_article, date_or_none
from .schema import BUSY_TIMEOUT_S, CORRECTIONS, IN_CHUNK, TABLES, column_names, named
from .search import Filters, filter_sql, fts_query


@dataclass(frozen=True)
class ArticleSummary:
    """One stored article without its analysis, for listings of large corpora."""

    id: str
    title: str | None
    published: dt.date | None
    published_inferred: bool
    source: str | None
    url: str | None
    added_at: str
    words: int
    entities: int
    events: int
    stances: int
    #: Where a full-text search found its words, marked with [ ] (None without a search).
    snippet: str | None = None



#: The fields of ``ArticleSummary`` read as stored (the rest are converted).
_SUMMARY_FIELDS = [f.name for f in dataclasses.fields(ArticleSummary)]


class Reading(Connections):
    """The ``Store``'s reads: ``get``, ``articles``, ``summaries``, ``corpus_rows``, tables."""

    def has(self, article_id: str) -> bool:
        """Return True if an article with this id is stored."""
        row = self._conn().execute("SELECT 1 FROM articles WHERE id = ?", (article_id,))
        return row.fetchone() is not None

    def get(self, article_id: str, *, corrected: bool = True) -> Article | None:
        """Return the stored article with this id, or None.

        With ``corrected`` False, or while it has no corrections, it equals the one added.
        """
        found = self._load(self._conn(), [article_id], corrected=corrected)
        return found[0] if found else None

    def count(self) -> int:
        """Return the number of stored articles."""
        return int(self._conn().execute("SELECT count(*) FROM articles").fetchone()[0])

    def sources(self) -> list[str]:
        """Return the distinct sources of stored articles, sorted."""
        rows = named(
            self._conn(),
            "SELECT DISTINCT source FROM articles WHERE source IS NOT NULL ORDER BY source"
        )
        return [r["source"] for r in rows]

    def countries(self) -> list[str]:
        """Return every ISO-3 code found in stored entities (as extracted or corrected),
        events and stance targets."""
        rows = named(
            self._conn(),
            """SELECT country FROM entities WHERE country IS NOT NULL
               UNION SELECT actor_country FROM events WHERE actor_country IS NOT NULL
               UNION SELECT target_country FROM events WHERE target_country IS NOT NULL
               UNION SELECT target_country FROM stances WHERE target_country IS NOT NULL
               UNION SELECT json_extract(after_value, '$') FROM corrections
                     WHERE kind = 'entity.country' AND undone_at IS NULL
                     AND json_extract(after_value, '$') IS NOT NULL
               UNION SELECT json_extract(after_value, '$.country') FROM corrections
                     WHERE kind IN ('entity.merge', 'entity.split') AND undone_at IS NULL
                     AND json_extract(after_value, '$.country') IS NOT NULL"""
        )
        return sorted(r["country"] for r in rows)

    def date_range(self) -> tuple[dt.date | None, dt.date | None]:
        """Return the earliest and latest publication dates stored."""
        row = named(
            self._conn(), "SELECT min(published) AS lo, max(published) AS hi FROM articles"
        ).fetchone()
        return date_or_none(row["lo"]), date_or_none(row["hi"])

    def article_ids(self, filters: Filters | None = None, /, **fields: Any) -> list[str]:
        """Return the ids of the articles ``filters`` let through, newest first (best match
        first for a ``query``).

        Args:
            filters: which articles (``Filters``); all when None.
            fields: ``Filters`` fields given as keywords, in place of or over ``filters``:
                ``article_ids(country="VEN")`` is ``article_ids(Filters(country="VEN"))``.
        """
        sql, params = filter_sql("a.id", Filters.of(filters, **fields))
        return [r["id"] for r in named(self._conn(), sql, params)]

    def articles(self, filters: Filters | None = None, /, *, corrected: bool = True,
                 **fields: Any) -> list[Article]:
        """Return the stored articles ``filters`` let through (``Filters``; as keywords, see
        ``article_ids``), newest first (best match first for a ``query``), with the
        analysts' corrections applied (``corrected=False``: as extracted)."""
        return self.get_many(self.article_ids(filters, **fields), corrected=corrected)

    def iter_articles(self, filters: Filters | None = None, /, *, chunk: int = 200,
                      corrected: bool = True, **fields: Any) -> Iterator[Article]:
        """Yield matching articles newest first, loading ``chunk`` at a time (big corpora)."""
        conn = self._conn()
        ids = self.article_ids(filters, **fields)
        for i in range(0, len(ids), chunk):
            yield from self._load(conn, ids[i : i + chunk], corrected=corrected)

    def summaries(self, filters: Filters | None = None, /, **fields: Any
                  ) -> list[ArticleSummary]:
        """Return one ``ArticleSummary`` per matching article (``Filters``; as keywords, see
        ``article_ids``), newest first, without texts.

        With a ``query``, the best matches come first and each summary's ``snippet`` shows
        where the words are, marked with [ ].
        """
        filters = Filters.of(filters, **fields)
        snippet = ("snippet(articles_fts, 1, '[', ']', ' … ', 16)"
                   if filters.query and fts_query(filters.query) else "NULL")
        cols = f"""a.id, a.title, a.published, a.published_inferred, a.source, a.url,
            a.added_at, a.words,
            (SELECT count(*) FROM entities e WHERE e.article_id = a.id) AS entities,
            (SELECT count(*) FROM events v WHERE v.article_id = a.id) AS events,
            (SELECT count(*) FROM stances s WHERE s.article_id = a.id) AS stances,
            {snippet} AS snippet"""
        sql, params = filter_sql(cols, filters)
        return [
            ArticleSummary(**{
                **{name: r[name] for name in _SUMMARY_FIELDS},
                "published": date_or_none(r["published"]),
                "published_inferred": bool(r["published_inferred"]),
            })
            for r in named(self._conn(), sql, params)
        ]

    def get_many(self, article_ids: Sequence[str], *, corrected: bool = True) -> list[Article]:
        """Return the stored articles with these ids, in the order given (ids not stored are
        left out), with their corrections applied when ``corrected``."""
        conn = self._conn()
        ids = list(dict.fromkeys(article_ids))
        out: list[Article] = []
        for i in range(0, len(ids), IN_CHUNK):
            out.extend(self._load(conn, ids[i : i + IN_CHUNK], corrected=corrected))
        return out

    def corpus_rows(self, article_ids: Sequence[str]) -> dict[str, list[tuple[Any, ...]]]:
        """A light projection of these articles: what a corpus overview aggregates, as plain
        rows, without texts, mentions or time expressions, read in one snapshot.

        Reading 2,000 whole articles (``articles``) builds some 100,000 objects; this reads
        a few columns per event, stance and entity, with the names of the entities an event
        names looked up in SQL. An article with corrections in force is marked
        (``corrected``): its rows are as extracted, so a caller reads it whole (``get_many``)
        and applies them.

        Returns:
            Rows per part, in stored order (article id, then position), not in the order
            of ``article_ids``:

            - ``articles``: id, title, published, published_inferred, words, entities,
              events, stances, text_key, corrected (bool)
            - ``events``: article_id, event_id, date, date_source, actor (its entity's
              canonical name, else its words), actor_country, type, negated, target,
              target_country, polarity, trigger, sentence, speaker (canonical name),
              modality
            - ``stances``: article_id, holder, target, target_key, target_country,
              polarity, score, number of pieces of evidence, current
            - ``entities``: article_id, canonical, label, country, role, number of mentions
        """
        return corpus_rows(self._conn(), article_ids)

    def origin(self, article_id: str) -> tuple[str | None, str | None]:
        """Return the ``(source, url)`` an article was stored with."""
        row = named(
            self._conn(), "SELECT source, url FROM articles WHERE id = ?", (article_id,)
        ).fetchone()
        return (row["source"], row["url"]) if row else (None, None)

    def _load(self, conn: sqlite3.Connection, ids: Sequence[str], *, corrected: bool = True
              ) -> list[Article]:
        """Rebuild the articles with these ids, in the order given, from all tables, with
        their corrections applied when ``corrected``."""
        if not ids:
            return []
        marks = ",".join("?" * len(ids))
        # One snapshot for all the reads, so a concurrent writer cannot show half an article.
        conn.execute("BEGIN")
        try:
            heads = {r["id"]: r for r in named(
                conn, f"SELECT {', '.join(HEAD_COLUMNS)} FROM articles WHERE id IN ({marks})",
                list(ids))}
            parts: dict[str, dict[str, list[sqlite3.Row]]] = {}
            for table, part in PARTS.items():
                order = ", ".join(part.keys[: part.keys.index("ord") + 1])
                query = (f"SELECT {', '.join(part.columns())} FROM {table} "
                         f"WHERE article_id IN ({marks}) ORDER BY {order}")
                grouped = parts[table] = {}
                for r in named(conn, query, list(ids)):
                    grouped.setdefault(r["article_id"], []).append(r)
            fixes: dict[str, list[Correction]] = {}
            if corrected:
                keys = sorted({h["text_key"] for h in heads.values() if h["text_key"]})
                for c in read_corrections(conn, keys, active_only=True):
                    fixes.setdefault(c.text_key, []).append(c)
        finally:
            conn.execute("COMMIT")

        out = []
        for article_id in ids:
            head = heads.get(article_id)
            if head is None:
                continue
            article = build_article(head, {t: rows.get(article_id, ())
                                           for t, rows in parts.items()})
            if fixes.get(head["text_key"]):
                article = apply_corrections(article, fixes[head["text_key"]])
            out.append(article)
        return out

    # -- tables, for export ------------------------------------------------------------

    def table_columns(self, table: str) -> list[tuple[str, str]]:
        """Return ``(name, declared type)`` for each column of a store table."""
        if table not in (*TABLES, CORRECTIONS):
            raise NewslensError(f"'{table}' is not a store table; the tables are {TABLES} "
                                f"and {CORRECTIONS}.")
        return column_names(self._conn(), table)

    def table_rows(self, table: str, *, chunk: int = 5000) -> Iterator[list[tuple[Any, ...]]]:
        """Yield a table's rows in chunks, in article and position order, from one snapshot."""
        columns = self.table_columns(table)
        order = "id" if table in ("articles", CORRECTIONS) else "article_id, " + (
            "entity_ord, ord" if table == "mentions" else "ord"
        )
        # A separate connection: the caller may write elsewhere while the export runs.
        conn = sqlite3.connect(self.path, timeout=BUSY_TIMEOUT_S, isolation_level=None)
        try:
            conn.execute("BEGIN")
            cur = conn.execute(
                f"SELECT {', '.join(c for c, _ in columns)} FROM {table} ORDER BY {order}"
            )
            while batch := cur.fetchmany(chunk):
                yield batch
            conn.execute("COMMIT")
        finally:
            conn.close()
