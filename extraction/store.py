"""The corpus store: every analysed article in one SQLite file, safe for readers and a writer.

The file is in WAL mode, so the dashboard can read while ``newslens ingest`` writes. Each
article is written in one transaction (``BEGIN IMMEDIATE`` ... ``COMMIT``): a process killed
in the middle leaves either the whole article or nothing, and a rerun skips what is stored.

Tables, all keyed by ``article_id`` (the ``Article.id`` hash of text and date):

- ``articles``: id, title, published, published_inferred, text, source, url, added_at, words
- ``entities``: one row per ``Entity`` (``ord`` keeps the article's order)
- ``mentions``: one row per ``Mention`` of an entity (``entity_ord`` links it to its entity)
- ``time_expressions``: one row per ``TimeExpression``
- ``events``: one row per ``Event``, trigger and sentence spread over columns
- ``events``' ``modality`` (happened, planned, conditional, denied) came with schema 2
- ``events``' ``actor_sector`` and ``target_sector`` (military, police, opposition, rebels) came
  with schema 5
- ``stances``: one row per ``Stance``; ``evidence`` is a JSON list of event and relation
  ids, ``target_key`` the canonical target, ``current`` False for background
- ``relations``: one row per ``Relation`` (source and target entity ids, polarity, score,
  sentence, ``found_by``)
- ``corrections`` (schema 4): analysts' corrections (``extraction.corrections``), keyed by
  ``text_key`` rather than the article id, so they survive a re-analysis (``replace``);
  ``before_value``/``after_value`` are JSON (a merge or split records the entities and
  mentions it found, and the name, type and country chosen); an undone one keeps its row
  with ``undone_at``.
  Reading applies them (``get``, ``articles``: ``corrected=False`` gives the extraction)
- ``articles.text_key`` (schema 4): the text's hash with spacing and case folded; with
  ``once_per_text`` a text is stored once however it arrives; ``duplicates`` finds copies
- ``articles_fts`` (schema 4): an FTS5 index over title and text kept in step by triggers;
  ``articles(query=...)`` searches it (``fts_query`` makes any input a safe query)

An overview of thousands of articles (the dashboard's Corpus page) reads a light projection,
``corpus_rows``: a few columns per event, stance and entity, no texts, mentions or time
expressions, and reads whole (``get_many``) only the articles with corrections in force.

The schema version is SQLite's ``user_version``; ``MIGRATIONS`` brings older files up to date
when a ``Store`` opens them. Each thread (and each process) gets its own connection, as
SQLite requires; one ``Store`` object may be shared between threads.

``export_tables`` writes every table as Parquet, CSV or JSONL for other tools (CSV cells that
a spreadsheet would run as formulas are neutralised, see ``csv_safe``);
``Store.import_parquet`` reads Parquet tables (an export, or the Dask engine's output) back.

    >>> with Store() as store:
    ...     store.add(article, source="wikinews")
    ...     recent = store.articles(country="VEN", limit=20)
"""

from __future__ import annotations

import contextlib
import csv
import dataclasses
import datetime as dt
import json
import math
import os
import re
import sqlite3
import threading
import time
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from typing import Any

from .corrections import KINDS, Correction, apply_corrections, now, text_key
from .errors import NewslensError
from .model import Article, Entity, Event, Mention, Relation, Stance, TimeExpression

#: Environment variable naming the store file (overridden by an explicit path / ``--store``).
STORE_ENV = "NEWSLENS_STORE"
STORE_FILENAME = "newslens.sqlite"

# Migrations, oldest first: MIGRATIONS[i] takes a file from schema version i to i + 1.
# Never edit a released step; append a new one.
MIGRATIONS: tuple[tuple[str, ...], ...] = (
    (
        """CREATE TABLE articles (
            id TEXT PRIMARY KEY,
            title TEXT,
            published TEXT,
            published_inferred BOOLEAN NOT NULL DEFAULT 0,
            text TEXT NOT NULL,
            source TEXT,
            url TEXT,
            added_at TEXT NOT NULL,
            words INTEGER NOT NULL DEFAULT 0
        )""",
        "CREATE INDEX articles_by_published ON articles (published)",
        "CREATE INDEX articles_by_source ON articles (source)",
        """CREATE TABLE entities (
            article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
            ord INTEGER NOT NULL,
            entity_id TEXT NOT NULL,
            canonical TEXT NOT NULL,
            label TEXT NOT NULL,
            country TEXT,
            role TEXT,
            PRIMARY KEY (article_id, ord)
        ) WITHOUT ROWID""",
        "CREATE INDEX entities_by_country ON entities (country, article_id)",
        """CREATE TABLE mentions (
            article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
            entity_ord INTEGER NOT NULL,
            ord INTEGER NOT NULL,
            entity_id TEXT NOT NULL,
            text TEXT NOT NULL,
            start_char INTEGER NOT NULL,
            end_char INTEGER NOT NULL,
            PRIMARY KEY (article_id, entity_ord, ord)
        ) WITHOUT ROWID""",
        """CREATE TABLE time_expressions (
            article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
            ord INTEGER NOT NULL,
            text TEXT NOT NULL,
            start_char INTEGER NOT NULL,
            end_char INTEGER NOT NULL,
            type TEXT NOT NULL,
            value TEXT NOT NULL,
            anchor TEXT,
            PRIMARY KEY (article_id, ord)
        ) WITHOUT ROWID""",
        """CREATE TABLE events (
            article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
            ord INTEGER NOT NULL,
            event_id TEXT NOT NULL,
            type TEXT NOT NULL,
            trigger_text TEXT NOT NULL,
            trigger_start INTEGER NOT NULL,
            trigger_end INTEGER NOT NULL,
            sentence_text TEXT NOT NULL,
            sentence_start INTEGER NOT NULL,
            sentence_end INTEGER NOT NULL,
            actor TEXT,
            target TEXT,
            actor_country TEXT,
            target_country TEXT,
            date TEXT,
            date_source TEXT,
            polarity REAL NOT NULL,
            negated BOOLEAN NOT NULL,
            speaker TEXT,
            actor_text TEXT,
            target_text TEXT,
            PRIMARY KEY (article_id, ord)
        ) WITHOUT ROWID""",
        "CREATE INDEX events_by_actor_country ON events (actor_country, article_id)",
        "CREATE INDEX events_by_target_country ON events (target_country, article_id)",
        """CREATE TABLE stances (
            article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
            ord INTEGER NOT NULL,
            holder TEXT NOT NULL,
            target TEXT NOT NULL,
            target_country TEXT,
            polarity TEXT NOT NULL,
            score REAL NOT NULL,
            evidence TEXT NOT NULL,
            PRIMARY KEY (article_id, ord)
        ) WITHOUT ROWID""",
        "CREATE INDEX stances_by_holder ON stances (holder, article_id)",
        "CREATE INDEX stances_by_target_country ON stances (target_country, article_id)",
    ),
    (
        # Events carry their modality; stances a canonical target key and whether they are
        # current or background; the relations stances are built from get a table.
        "ALTER TABLE events ADD COLUMN modality TEXT NOT NULL DEFAULT 'happened'",
        "ALTER TABLE stances ADD COLUMN target_key TEXT",
        "ALTER TABLE stances ADD COLUMN current BOOLEAN NOT NULL DEFAULT 1",
        "CREATE INDEX stances_by_target_key ON stances (target_key, article_id)",
        """CREATE TABLE relations (
            article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
            ord INTEGER NOT NULL,
            relation_id TEXT NOT NULL,
            source TEXT NOT NULL,
            target TEXT NOT NULL,
            polarity TEXT NOT NULL,
            score REAL NOT NULL,
            sentence_text TEXT NOT NULL,
            sentence_start INTEGER NOT NULL,
            sentence_end INTEGER NOT NULL,
            found_by TEXT NOT NULL,
            PRIMARY KEY (article_id, ord)
        ) WITHOUT ROWID""",
    ),
    (
        # What may make an analysis less reliable, as a JSON list of sentences.
        "ALTER TABLE articles ADD COLUMN warnings TEXT NOT NULL DEFAULT '[]'",
    ),
    (
        # The text's key however it is spaced or capitalised (extraction.corrections), so
        # the same story is found once; corrections are keyed by it, so they outlive a
        # re-analysis; full-text search over title and text.
        "ALTER TABLE articles ADD COLUMN text_key TEXT",
        "UPDATE articles SET text_key = newslens_text_key(text)",
        "CREATE INDEX articles_by_text_key ON articles (text_key)",
        """CREATE TABLE corrections (
            id INTEGER PRIMARY KEY,
            text_key TEXT NOT NULL,
            article_id TEXT,
            kind TEXT NOT NULL,
            item TEXT NOT NULL,
            label TEXT NOT NULL DEFAULT '',
            before_value TEXT,
            after_value TEXT,
            made_at TEXT NOT NULL,
            undone_at TEXT
        )""",
        "CREATE INDEX corrections_by_text_key ON corrections (text_key)",
        """CREATE VIRTUAL TABLE articles_fts USING fts5(
            title, text, content='articles', content_rowid='rowid',
            tokenize='unicode61 remove_diacritics 2'
        )""",
        """CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
            INSERT INTO articles_fts (rowid, title, text) VALUES (new.rowid, new.title, new.text);
        END""",
        """CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
            INSERT INTO articles_fts (articles_fts, rowid, title, text)
            VALUES ('delete', old.rowid, old.title, old.text);
        END""",
        """CREATE TRIGGER articles_fts_update AFTER UPDATE OF title, text ON articles BEGIN
            INSERT INTO articles_fts (articles_fts, rowid, title, text)
            VALUES ('delete', old.rowid, old.title, old.text);
            INSERT INTO articles_fts (rowid, title, text) VALUES (new.rowid, new.title, new.text);
        END""",
        "INSERT INTO articles_fts (articles_fts) VALUES ('rebuild')",
    ),
    (
        # The sector of an event's actor and target (military, police, opposition, rebels)
        # as the rules found it, so stance holders are read, not parsed from the text.
        "ALTER TABLE events ADD COLUMN actor_sector TEXT",
        "ALTER TABLE events ADD COLUMN target_sector TEXT",
    ),
)
SCHEMA_VERSION = len(MIGRATIONS)

#: The tables of an article's analysis, in the order ``export`` writes them.
TABLES = ("articles", "entities", "mentions", "time_expressions", "events", "stances",
          "relations")
#: The analysts' corrections, keyed by the text (exported when there are any).
CORRECTIONS = "corrections"

# How long a connection waits for another process's write to finish before giving up.
_BUSY_TIMEOUT_S = 60.0
# SQLite allows at most 999 "?" in one statement on old builds; stay well below.
_IN_CHUNK = 500


def default_store_path() -> Path:
    """Return the store file used when none is given: ``$NEWSLENS_STORE`` or the data folder.

    The data folder is ``platformdirs.user_data_dir("newslens")``, e.g.
    ``~/.local/share/newslens/newslens.sqlite`` on Linux.
    """
    env = os.environ.get(STORE_ENV, "").strip()
    if env:
        return Path(env).expanduser()
    import platformdirs

    return Path(platformdirs.user_data_dir("newslens", appauthor=False)) / STORE_FILENAME


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


def _word_count(text: str) -> int:
    return len(text.split())


def _date_or_none(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


class Store:
    """The SQLite corpus store (see the module docstring).

    Args:
        path: the store file; ``None`` means ``default_store_path()``. Missing folders are
            created, a new file gets the current schema, an older one is migrated.

    Raises:
        NewslensError: the file cannot be created or opened, is not a newslens store, or
            was written by a newer newslens.
    """

    def __init__(self, path: str | Path | None = None) -> None:
        self.path = Path(path).expanduser() if path is not None else default_store_path()
        if self.path.exists() and self.path.is_dir():
            raise NewslensError(f"The store '{self.path}' is a folder; give a file name.")
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as err:
            raise NewslensError(
                f"Cannot create the folder for the store '{self.path}': {err.strerror}."
            ) from None
        self._local = threading.local()
        self._lock = threading.Lock()
        self._connections: list[tuple[threading.Thread, sqlite3.Connection]] = []
        self._closed = False
        self._migrate(self._conn())

    # -- connections -------------------------------------------------------------------

    def _conn(self) -> sqlite3.Connection:
        """Return this thread's connection, opening it on first use (or after a fork)."""
        if self._closed:
            raise NewslensError(f"The store '{self.path}' is closed.")
        conn = getattr(self._local, "conn", None)
        if conn is not None and self._local.pid == os.getpid():
            return conn
        try:
            # Autocommit mode (isolation_level=None): every write below opens its own
            # explicit transaction, so nothing is left half-done between calls.
            conn = sqlite3.connect(
                self.path, timeout=_BUSY_TIMEOUT_S, isolation_level=None,
                check_same_thread=False,
            )
            _use_wal(conn)
            # NORMAL in WAL mode: a committed transaction survives a killed process; only a
            # power cut may lose the last few, and never leaves one half-written.
            conn.execute("PRAGMA synchronous=NORMAL")
            conn.execute("PRAGMA foreign_keys=ON")
            _register_functions(conn)
        except sqlite3.DatabaseError as err:
            raise NewslensError(
                f"Cannot open the store '{self.path}': {err}. Is it a newslens store?"
            ) from None
        self._local.conn = conn
        self._local.pid = os.getpid()
        with self._lock:
            # A long-lived Store used from short-lived threads (a web app's request threads)
            # would otherwise keep one connection per thread that ever used it.
            alive = []
            for thread, other in self._connections:
                if thread.is_alive():
                    alive.append((thread, other))
                else:
                    other.close()
            self._connections = [*alive, (threading.current_thread(), conn)]
        return conn

    def close(self) -> None:
        """Close every connection this store opened (in any thread)."""
        with self._lock:
            connections, self._connections = self._connections, []
            self._closed = True
        for _, conn in connections:
            try:
                conn.close()
            except sqlite3.Error:
                pass  # a connection already broken has nothing left to release

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"Store({str(self.path)!r})"

    # -- schema ------------------------------------------------------------------------

    def _migrate(self, conn: sqlite3.Connection) -> None:
        try:
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            if version > SCHEMA_VERSION:
                raise NewslensError(
                    f"The store '{self.path}' has schema version {version}, newer than this "
                    f"newslens reads ({SCHEMA_VERSION}); upgrade newslens."
                )
            if version == SCHEMA_VERSION:
                return
            # IMMEDIATE takes the write lock first, so two processes opening a new store
            # at once cannot both run the same migration.
            conn.execute("BEGIN IMMEDIATE")
            try:
                version = conn.execute("PRAGMA user_version").fetchone()[0]
                if version == 0 and self._has_foreign_tables(conn):
                    raise NewslensError(
                        f"'{self.path}' is an SQLite file but not a newslens store."
                    )
                for step in range(version, SCHEMA_VERSION):
                    for statement in MIGRATIONS[step]:
                        conn.execute(statement)
                conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
                conn.execute("COMMIT")
            except BaseException:
                conn.execute("ROLLBACK")
                raise
        except sqlite3.DatabaseError as err:
            raise NewslensError(
                f"Cannot use the store '{self.path}': {err}. Is it a newslens store?"
            ) from None

    @staticmethod
    def _has_foreign_tables(conn: sqlite3.Connection) -> bool:
        row = conn.execute(
            "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
        ).fetchone()
        return bool(row[0])

    def schema_version(self) -> int:
        """Return the schema version of the open file."""
        return int(self._conn().execute("PRAGMA user_version").fetchone()[0])

    # -- writing -----------------------------------------------------------------------

    def add(self, article: Article, *, source: str | None = None, url: str | None = None,
            once_per_text: bool = False) -> bool:
        """Store an article and its analysis in one transaction.

        Args:
            article: the analysed article.
            source: where it came from (a site, a feed, a file), for filtering.
            url: its address, if known.
            once_per_text: refuse it when the same text (however spaced or capitalised) is
                stored already under another id, say with another date. The dashboard asks
                for this, so a story pasted, uploaded and ingested is stored once.

        Returns:
            True when stored, False when an article with this id (or with
            ``once_per_text``, this text) was already there.
        """
        conn = self._conn()
        with _transaction(conn):
            if conn.execute("SELECT 1 FROM articles WHERE id = ?", (article.id,)).fetchone() \
                    or (once_per_text and conn.execute(
                        "SELECT 1 FROM articles WHERE text_key = ?", (text_key(article.text),)
                    ).fetchone()):
                conn.execute("ROLLBACK")
                return False
            _insert_article(conn, article, source=source, url=url)
        return True

    def replace(self, article: Article) -> int:
        """Store a new analysis of a stored text in place of the old one, in one transaction.

        Every stored article with the same text (``text_key``) is replaced; the new one keeps
        the oldest one's source, address and time added. Corrections are keyed by the text,
        not by the analysis, so they apply to the new analysis too.

        Returns:
            How many stored articles it replaced (0: the text was not stored; then it is
            simply added).
        """
        key = text_key(article.text)
        conn = self._conn()
        with _transaction(conn):
            old = conn.execute(
                "SELECT id, source, url, added_at FROM articles WHERE text_key = ? OR id = ? "
                "ORDER BY added_at, id", (key, article.id),
            ).fetchall()
            conn.executemany("DELETE FROM articles WHERE id = ?", [(r[0],) for r in old])
            source, url, added = (old[0][1], old[0][2], old[0][3]) if old else (None, None, None)
            for table, rows in article_rows(article, source=source, url=url,
                                            added_at=added).items():
                if rows:
                    marks = ",".join("?" * len(rows[0]))
                    conn.executemany(f"INSERT INTO {table} VALUES ({marks})", rows)
        return len(old)

    def delete(self, article_id: str) -> bool:
        """Remove an article and everything extracted from it; True if it was there.

        Its corrections go too, unless another stored article has the same text.
        """
        return self.delete_many([article_id]) == 1

    def delete_many(self, article_ids: Iterable[str]) -> int:
        """Remove these articles (and their corrections, as ``delete``) in one transaction;
        return how many were stored."""
        ids = list(dict.fromkeys(article_ids))
        conn = self._conn()
        with _transaction(conn):
            removed = 0
            keys: set[str] = set()
            for i in range(0, len(ids), _IN_CHUNK):
                part = ids[i : i + _IN_CHUNK]
                marks = ",".join("?" * len(part))
                keys.update(r[0] for r in conn.execute(
                    f"SELECT text_key FROM articles WHERE id IN ({marks})", part) if r[0])
                removed += conn.execute(f"DELETE FROM articles WHERE id IN ({marks})",
                                        part).rowcount
            conn.executemany(
                "DELETE FROM corrections WHERE text_key = ? AND NOT EXISTS "
                "(SELECT 1 FROM articles WHERE text_key = corrections.text_key)",
                [(k,) for k in sorted(keys)],
            )
        return removed

    def duplicates(self) -> list[str]:
        """Return the ids of articles whose text (however spaced or capitalised) was stored
        earlier under another id: every copy but the first added."""
        rows = self._conn().execute(
            """SELECT a.id FROM articles a WHERE a.text_key IS NOT NULL AND EXISTS (
                   SELECT 1 FROM articles b WHERE b.text_key = a.text_key
                   AND (b.added_at < a.added_at OR (b.added_at = a.added_at AND b.id < a.id)))
               ORDER BY a.added_at, a.id"""
        )
        return [r[0] for r in rows]

    def same_text(self, text: str) -> str | None:
        """Return the id of the stored article with this text (however spaced or
        capitalised; the first added), or None."""
        row = self._conn().execute(
            "SELECT id FROM articles WHERE text_key = ? ORDER BY added_at, id LIMIT 1",
            (text_key(text),),
        ).fetchone()
        return row[0] if row else None

    def resolve(self, prefix: str) -> list[str]:
        """Return the ids of stored articles that start with ``prefix`` (at most 20)."""
        prefix = prefix.strip()
        if not prefix or not re.fullmatch(r"[0-9A-Za-z_-]+", prefix):
            return []
        rows = self._conn().execute(
            "SELECT id FROM articles WHERE id >= ? AND id < ? ORDER BY id LIMIT 20",
            (prefix, prefix + "\U0010ffff"),
        )
        return [r[0] for r in rows]

    # -- corrections -------------------------------------------------------------------

    def add_correction(self, correction: Correction) -> Correction:
        """Keep an analyst's correction (``extraction.corrections``); return it with its id.

        Raises:
            NewslensError: an unknown kind, or no text key.
        """
        if correction.kind not in KINDS:
            raise NewslensError(f"Unknown correction {correction.kind!r}; the kinds are "
                                f"{', '.join(KINDS)}.")
        if not correction.text_key:
            raise NewslensError("A correction needs the key of its article's text.")
        made = correction.made_at or now()
        cur = self._conn().execute(
            """INSERT INTO corrections (text_key, article_id, kind, item, label, before_value,
               after_value, made_at, undone_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""",
            (correction.text_key, correction.article_id, correction.kind, correction.item,
             correction.label, json.dumps(correction.before, ensure_ascii=False),
             json.dumps(correction.after, ensure_ascii=False), made, correction.undone_at),
        )
        return dataclasses.replace(correction, id=cur.lastrowid, made_at=made)

    def undo_correction(self, correction_id: int) -> Correction:
        """Undo a correction: it stays on record with the time it was undone.

        Raises:
            NewslensError: there is no such correction, or it was undone already.
        """
        conn = self._conn()
        with _transaction(conn):
            row = conn.execute(f"SELECT {_CORRECTION_COLUMNS} FROM corrections WHERE id = ?",
                               (int(correction_id),)).fetchone()
            if row is None:
                raise NewslensError(f"There is no correction {correction_id}.")
            if row[9] is not None:
                raise NewslensError(f"Correction {correction_id} was undone already "
                                    f"({row[9]}).")
            when = now()
            conn.execute("UPDATE corrections SET undone_at = ? WHERE id = ?",
                         (when, int(correction_id)))
        return dataclasses.replace(_correction_from_row(row), undone_at=when)

    def corrections(self, *, text_key: str | None = None, article_id: str | None = None,
                    active_only: bool = False) -> list[Correction]:
        """Return corrections, oldest first: all, those of one text, or those of the text of
        one stored article; ``active_only`` leaves out undone ones."""
        conn = self._conn()
        if article_id is not None:
            row = conn.execute("SELECT text_key FROM articles WHERE id = ?",
                               (article_id,)).fetchone()
            if row is None:
                return []
            text_key = row[0]
        if text_key is not None:
            return self._read_corrections(conn, [text_key], active_only=active_only)
        sql = f"SELECT {_CORRECTION_COLUMNS} FROM corrections"
        if active_only:
            sql += " WHERE undone_at IS NULL"
        return [_correction_from_row(r) for r in conn.execute(sql + " ORDER BY id")]

    def corrections_stamp(self) -> tuple[int, int, int]:
        """Numbers that change whenever a correction is made or undone (for caches)."""
        row = self._conn().execute(
            "SELECT count(*), coalesce(max(id), 0), count(undone_at) FROM corrections"
        ).fetchone()
        return int(row[0]), int(row[1]), int(row[2])

    @staticmethod
    def _read_corrections(conn: sqlite3.Connection, keys: Sequence[str], *,
                          active_only: bool) -> list[Correction]:
        out: list[Correction] = []
        for i in range(0, len(keys), _IN_CHUNK):
            part = list(keys[i : i + _IN_CHUNK])
            sql = (f"SELECT {_CORRECTION_COLUMNS} FROM corrections WHERE text_key IN "
                   f"({','.join('?' * len(part))})")
            if active_only:
                sql += " AND undone_at IS NULL"
            out.extend(_correction_from_row(r) for r in conn.execute(sql + " ORDER BY id",
                                                                        part))
        return out

    # -- reading -----------------------------------------------------------------------

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
        rows = self._conn().execute(
            "SELECT DISTINCT source FROM articles WHERE source IS NOT NULL ORDER BY source"
        )
        return [r[0] for r in rows]

    def countries(self) -> list[str]:
        """Return every ISO-3 code found in stored entities (as extracted or corrected),
        events and stance targets."""
        rows = self._conn().execute(
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
        return sorted(r[0] for r in rows)

    def date_range(self) -> tuple[dt.date | None, dt.date | None]:
        """Return the earliest and latest publication dates stored."""
        lo, hi = self._conn().execute(
            "SELECT min(published), max(published) FROM articles"
        ).fetchone()
        return _date_or_none(lo), _date_or_none(hi)

    def article_ids(
        self,
        *,
        start: dt.date | None = None,
        end: dt.date | None = None,
        country: str | None = None,
        source: str | None = None,
        query: str | None = None,
        entity: str | None = None,
        limit: int | None = None,
    ) -> list[str]:
        """Return the ids of matching articles, newest first (best match first for a
        ``query``; see ``articles``)."""
        filters = Filters(start, end, country, source, query, entity, limit)
        sql, params = _filter_sql("a.id", filters)
        return [r[0] for r in self._conn().execute(sql, params)]

    def articles(
        self,
        *,
        start: dt.date | None = None,
        end: dt.date | None = None,
        country: str | None = None,
        source: str | None = None,
        query: str | None = None,
        entity: str | None = None,
        limit: int | None = None,
        corrected: bool = True,
    ) -> list[Article]:
        """Return stored articles, newest first.

        Args:
            start: only articles published on or after this date.
            end: only articles published on or before this date.
            country: only articles where this ISO-3 code appears: an entity's country (as
                extracted or corrected), an event's actor or target country, or a stance's
                holder or target country.
            source: only articles from this source.
            query: only articles whose title or text holds these words (full-text search,
                ``fts_query``); the best matches come first.
            entity: only articles with an entity whose canonical name contains this.
            limit: at most this many.
            corrected: with the analysts' corrections applied (False: as extracted).
        """
        conn = self._conn()
        ids = self.article_ids(start=start, end=end, country=country, source=source,
                               query=query, entity=entity, limit=limit)
        out: list[Article] = []
        for i in range(0, len(ids), _IN_CHUNK):
            out.extend(self._load(conn, ids[i : i + _IN_CHUNK], corrected=corrected))
        return out

    def iter_articles(self, *, chunk: int = 200, corrected: bool = True, **filters: Any
                      ) -> Iterator[Article]:
        """Yield matching articles newest first, loading ``chunk`` at a time (big corpora)."""
        conn = self._conn()
        ids = self.article_ids(**filters)
        for i in range(0, len(ids), chunk):
            yield from self._load(conn, ids[i : i + chunk], corrected=corrected)

    def summaries(
        self,
        *,
        start: dt.date | None = None,
        end: dt.date | None = None,
        country: str | None = None,
        source: str | None = None,
        query: str | None = None,
        entity: str | None = None,
        limit: int | None = None,
    ) -> list[ArticleSummary]:
        """Return one ``ArticleSummary`` per matching article, newest first, without texts.

        With a ``query``, the best matches come first and each summary's ``snippet`` shows
        where the words are, marked with [ ].
        """
        filters = Filters(start, end, country, source, query, entity, limit)
        snippet = ("snippet(articles_fts, 1, '[', ']', ' … ', 16)"
                   if query and fts_query(query) else "NULL")
        cols = f"""a.id, a.title, a.published, a.published_inferred, a.source, a.url,
            a.added_at, a.words,
            (SELECT count(*) FROM entities e WHERE e.article_id = a.id),
            (SELECT count(*) FROM events v WHERE v.article_id = a.id),
            (SELECT count(*) FROM stances s WHERE s.article_id = a.id), {snippet}"""
        sql, params = _filter_sql(cols, filters)
        return [
            ArticleSummary(
                id=r[0], title=r[1], published=_date_or_none(r[2]),
                published_inferred=bool(r[3]), source=r[4], url=r[5], added_at=r[6],
                words=r[7], entities=r[8], events=r[9], stances=r[10], snippet=r[11],
            )
            for r in self._conn().execute(sql, params)
        ]

    def get_many(self, article_ids: Sequence[str], *, corrected: bool = True) -> list[Article]:
        """Return the stored articles with these ids, in the order given (ids not stored are
        left out), with their corrections applied when ``corrected``."""
        conn = self._conn()
        ids = list(dict.fromkeys(article_ids))
        out: list[Article] = []
        for i in range(0, len(ids), _IN_CHUNK):
            out.extend(self._load(conn, ids[i : i + _IN_CHUNK], corrected=corrected))
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
        ids = list(dict.fromkeys(article_ids))
        conn = self._conn()
        out: dict[str, list[tuple[Any, ...]]] = {k: [] for k in _PROJECTION}
        conn.execute("BEGIN")
        try:
            for i in range(0, len(ids), _IN_CHUNK):
                part = ids[i : i + _IN_CHUNK]
                marks = ",".join("?" * len(part))
                for name, sql in _PROJECTION.items():
                    out[name].extend(conn.execute(sql.format(marks=marks), part))
        finally:
            conn.execute("COMMIT")
        out["articles"] = [(*r[:-1], bool(r[-1])) for r in out["articles"]]
        out["events"] = _projected_events(out["events"], out["entities"])
        out["entities"] = [(r[0], *r[2:]) for r in out["entities"]]
        return out

    def origin(self, article_id: str) -> tuple[str | None, str | None]:
        """Return the ``(source, url)`` an article was stored with."""
        row = self._conn().execute(
            "SELECT source, url FROM articles WHERE id = ?", (article_id,)
        ).fetchone()
        return (row[0], row[1]) if row else (None, None)

    def _load(self, conn: sqlite3.Connection, ids: Sequence[str], *, corrected: bool = True
              ) -> list[Article]:
        """Rebuild the articles with these ids, in the order given, from all tables, with
        their corrections applied when ``corrected``."""
        if not ids:
            return []
        marks = ",".join("?" * len(ids))
        # One snapshot for all six reads, so a concurrent writer cannot show half an article.
        conn.execute("BEGIN")
        try:
            heads = {
                r[0]: r
                for r in conn.execute(
                    "SELECT id, title, published, published_inferred, text, warnings, "
                    "text_key FROM articles "
                    f"WHERE id IN ({marks})",
                    list(ids),
                )
            }

            def rows(table: str, order: str) -> dict[str, list[tuple[Any, ...]]]:
                grouped: dict[str, list[tuple[Any, ...]]] = {}
                query = f"SELECT * FROM {table} WHERE article_id IN ({marks}) ORDER BY {order}"
                for r in conn.execute(query, list(ids)):
                    grouped.setdefault(r[0], []).append(r)
                return grouped

            entities = rows("entities", "article_id, ord")
            mentions = rows("mentions", "article_id, entity_ord, ord")
            timexes = rows("time_expressions", "article_id, ord")
            events = rows("events", "article_id, ord")
            stances = rows("stances", "article_id, ord")
            relations = rows("relations", "article_id, ord")
            fixes: dict[str, list[Correction]] = {}
            if corrected:
                keys = sorted({h[6] for h in heads.values() if h[6]})
                for c in self._read_corrections(conn, keys, active_only=True):
                    fixes.setdefault(c.text_key, []).append(c)
        finally:
            conn.execute("COMMIT")

        out = []
        for article_id in ids:
            head = heads.get(article_id)
            if head is None:
                continue
            by_entity: dict[int, list[Mention]] = {}
            for r in mentions.get(article_id, ()):
                by_entity.setdefault(r[1], []).append(Mention(r[4], r[5], r[6]))
            out.append(
                Article(
                    id=head[0],
                    title=head[1],
                    published=_date_or_none(head[2]),
                    published_inferred=bool(head[3]),
                    text=head[4],
                    entities=tuple(
                        Entity(
                            id=r[2], canonical=r[3], label=r[4], country=r[5], role=r[6],
                            mentions=tuple(by_entity.get(r[1], ())),
                        )
                        for r in entities.get(article_id, ())
                    ),
                    time_expressions=tuple(
                        TimeExpression(
                            text=r[2], start_char=r[3], end_char=r[4], type=r[5], value=r[6],
                            anchor=r[7],
                        )
                        for r in timexes.get(article_id, ())
                    ),
                    events=tuple(_event_from_row(r) for r in events.get(article_id, ())),
                    stances=tuple(
                        Stance(
                            holder=r[2], target=r[3], target_country=r[4], polarity=r[5],
                            score=r[6], evidence=tuple(json.loads(r[7])), target_key=r[8],
                            current=bool(r[9]),
                        )
                        for r in stances.get(article_id, ())
                    ),
                    relations=tuple(
                        Relation(
                            id=r[2], source=r[3], target=r[4], polarity=r[5], score=r[6],
                            sentence=Mention(r[7], r[8], r[9]), found_by=r[10],
                        )
                        for r in relations.get(article_id, ())
                    ),
                    warnings=tuple(json.loads(head[5] or "[]")),
                )
            )
            if fixes.get(head[6]):
                out[-1] = apply_corrections(out[-1], fixes[head[6]])
        return out

    # -- import and export -------------------------------------------------------------

    def import_parquet(self, folder: str | Path) -> tuple[int, int]:
        """Add the articles of a Parquet export or of Dask ``--output`` files to the store.

        Args:
            folder: a folder with ``<table>.parquet`` files (``newslens export``) or with
                ``<table>/part-*.parquet`` files (the Dask engine's ``output``).

        Returns:
            The number of articles added and the number already stored (left as they were).

        Raises:
            NewslensError: the folder holds neither layout, or its files do not match the
                store's tables; pyarrow is not installed.
        """
        try:
            import pyarrow.parquet as pq
        except ImportError:
            raise NewslensError("Reading Parquet needs pyarrow: pip install "
                                "'newslens[scale]'.") from None
        base = Path(folder)
        if (base / "articles").is_dir():
            names = sorted(p.name for p in (base / "articles").glob("*.parquet"))
            parts = [{t: base / t / name for t in TABLES} for name in names]
        elif (base / "articles.parquet").is_file():
            parts = [{t: base / f"{t}.parquet" for t in TABLES}]
        else:
            raise NewslensError(
                f"'{base}' holds no newslens Parquet tables (articles.parquet or articles/)."
            )
        conn = self._conn()
        schema = {t: _column_rules(conn, t) for t in TABLES}

        def read(path: Path) -> list[dict[str, Any]]:
            try:
                return pq.read_table(path).to_pylist()
            except (OSError, ValueError) as err:
                raise NewslensError(f"Cannot read '{path}': {err}") from None

        # Every row of every file is checked against the data model before anything is
        # written: a bad export is refused whole, never half imported.
        fixes: list[dict[str, Any]] = []
        if (base / f"{CORRECTIONS}.parquet").is_file():
            path = base / f"{CORRECTIONS}.parquet"
            rules = _column_rules(conn, CORRECTIONS)
            for number, row in enumerate(read(path), start=1):
                _check_correction(row, rules, f"'{path}' row {number}")
                fixes.append(row)
        for files in parts:
            texts: dict[str, int] = {}
            for table, path in files.items():
                if path.is_file():
                    for number, row in enumerate(read(path), start=1):
                        _check_row(row, table, schema[table], texts, f"'{path}' row {number}")
                        if table == "articles":
                            texts[str(row.get("id"))] = len(row.get("text") or "")
        added = existing = 0
        for files in parts:
            grouped: dict[str, dict[str, list[dict[str, Any]]]] = {}
            heads: list[dict[str, Any]] = []
            for table, path in files.items():
                if not path.is_file():
                    continue
                rows = read(path)
                if table == "articles":
                    heads = rows
                else:
                    for row in rows:
                        grouped.setdefault(str(row.get("article_id")), {}).setdefault(
                            table, []).append(row)
            for head in heads:
                # Computed here, not read: an older export has no key, and a key that does
                # not match its text would hide the article's corrections.
                head["text_key"] = text_key(head["text"])
                children = grouped.get(str(head.get("id")), {})
                try:
                    stored = _insert_rows(conn, head, children, self.table_columns)
                except sqlite3.IntegrityError as err:
                    raise NewslensError(
                        f"The rows of article {head.get('id')} in '{base}' do not fit the "
                        f"store ({err})."
                    ) from None
                if stored:
                    added += 1
                else:
                    existing += 1
        if fixes:
            self._import_corrections(conn, fixes)
        return added, existing

    def _import_corrections(self, conn: sqlite3.Connection, rows: list[dict[str, Any]]) -> int:
        """Add the corrections of an export that the store does not hold yet; return how
        many were added."""
        with _transaction(conn):
            added = 0
            for row in rows:
                key = (row["text_key"], row["kind"], row["item"], row["made_at"])
                if conn.execute(
                    "SELECT 1 FROM corrections WHERE text_key = ? AND kind = ? AND item = ? "
                    "AND made_at = ?", key,
                ).fetchone():
                    continue
                conn.execute(
                    """INSERT INTO corrections (text_key, article_id, kind, item, label,
                       before_value, after_value, made_at, undone_at)
                       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                    (row["text_key"], row.get("article_id"), row["kind"], row["item"],
                     row.get("label") or "", row.get("before_value"), row.get("after_value"),
                     row["made_at"], row.get("undone_at")),
                )
                added += 1
        return added

    # -- export ------------------------------------------------------------------------

    def table_columns(self, table: str) -> list[tuple[str, str]]:
        """Return ``(name, declared type)`` for each column of a store table."""
        if table not in (*TABLES, CORRECTIONS):
            raise NewslensError(f"'{table}' is not a store table; the tables are {TABLES} "
                                f"and {CORRECTIONS}.")
        return [(r[1], r[2].upper()) for r in self._conn().execute(f"PRAGMA table_info({table})")]

    def table_rows(self, table: str, *, chunk: int = 5000) -> Iterator[list[tuple[Any, ...]]]:
        """Yield a table's rows in chunks, in article and position order, from one snapshot."""
        columns = self.table_columns(table)
        order = "id" if table in ("articles", CORRECTIONS) else "article_id, " + (
            "entity_ord, ord" if table == "mentions" else "ord"
        )
        # A separate connection: the caller may write elsewhere while the export runs.
        conn = sqlite3.connect(self.path, timeout=_BUSY_TIMEOUT_S, isolation_level=None)
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


#: The queries of ``Store.corpus_rows``, each over ``{marks}`` article ids.
_PROJECTION = {
    "articles": """SELECT a.id, a.title, a.published, a.published_inferred, a.words,
        (SELECT count(*) FROM entities e WHERE e.article_id = a.id),
        (SELECT count(*) FROM events v WHERE v.article_id = a.id),
        (SELECT count(*) FROM stances s WHERE s.article_id = a.id),
        a.text_key,
        EXISTS (SELECT 1 FROM corrections c WHERE c.text_key = a.text_key
                AND c.undone_at IS NULL)
        FROM articles a WHERE a.id IN ({marks}) ORDER BY a.id""",
    "entities": """SELECT e.article_id, e.entity_id, e.canonical, e.label, e.country, e.role,
        (SELECT count(*) FROM mentions m WHERE m.article_id = e.article_id
         AND m.entity_ord = e.ord)
        FROM entities e WHERE e.article_id IN ({marks}) ORDER BY e.article_id, e.ord""",
    # The names of the entities an event names are looked up in Python, from the entities
    # read just before: three lookups per event in SQL took twice as long.
    "events": """SELECT v.article_id, v.event_id, v.date, v.date_source, v.actor,
        v.actor_text, v.actor_country, v.type, v.negated, v.target, v.target_text,
        v.target_country, v.polarity, v.trigger_text, v.sentence_text, v.speaker, v.modality
        FROM events v WHERE v.article_id IN ({marks}) ORDER BY v.article_id, v.ord""",
    "stances": """SELECT s.article_id, s.holder, s.target, s.target_key, s.target_country,
        s.polarity, s.score, json_array_length(s.evidence), s.current
        FROM stances s WHERE s.article_id IN ({marks}) ORDER BY s.article_id, s.ord""",
}


def _projected_events(events: Iterable[tuple[Any, ...]], entities: Iterable[tuple[Any, ...]]
                      ) -> list[tuple[Any, ...]]:
    """Event rows with their parties named as ``Article.entity`` finds them: the first
    entity of the article with the id, else the argument's words (an empty one is none)."""
    names: dict[tuple[str, str], str] = {}
    for article_id, entity_id, canonical, *_ in entities:
        names.setdefault((article_id, entity_id), canonical)
    out = []
    for (aid, event_id, date, source, actor, actor_text, actor_country, kind, negated, target,
         target_text, target_country, polarity, trigger, sentence, speaker, modality) in events:
        out.append((aid, event_id, date, source,
                    names.get((aid, actor)) or actor_text or None, actor_country, kind,
                    negated, names.get((aid, target)) or target_text or None,
                    target_country, polarity, trigger, sentence, names.get((aid, speaker)),
                    modality))
    return out


#: Pairs of (start, end) character offset columns into the article's text, per table.
_OFFSETS = {
    "mentions": (("start_char", "end_char"),),
    "time_expressions": (("start_char", "end_char"),),
    "events": (("trigger_start", "trigger_end"), ("sentence_start", "sentence_end")),
    "relations": (("sentence_start", "sentence_end"),),
}
_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


def _column_rules(conn: sqlite3.Connection, table: str) -> list[tuple[str, str, bool]]:
    """``(name, declared type, required)`` per column; required means NOT NULL, no default."""
    return [(r[1], r[2].upper(), bool(r[3]) and r[4] is None)
            for r in conn.execute(f"PRAGMA table_info({table})")]


def _check_row(row: dict[str, Any], table: str, rules: list[tuple[str, str, bool]],
               texts: dict[str, int], where: str) -> None:
    """Refuse a row of an export that the data model cannot hold.

    Args:
        row: the row by column name.
        table: its table.
        rules: the table's columns (``_column_rules``).
        texts: the text length of each article read so far, by id (offsets are checked
            against it).
        where: the file and row, for the message.

    Raises:
        NewslensError: a value of the wrong type, a missing required value, a bad date, a
            bad JSON evidence cell or an offset outside the article's text.
    """
    def refuse(problem: str) -> NewslensError:
        return NewslensError(f"Cannot import {where} of the {table} table: {problem}. Nothing "
                             "was imported; export the store again with newslens export.")

    if not isinstance(row, dict):
        raise refuse("it is not a row of named columns")
    for name, kind, required in rules:
        value = row.get(name)
        if value is None:
            if required and name in row:
                raise refuse(f"'{name}' is empty")
            continue
        if kind == "TEXT":
            ok = isinstance(value, str)
        elif kind == "BOOLEAN":
            ok = isinstance(value, bool) or (isinstance(value, int) and value in (0, 1))
        elif kind == "INTEGER":
            ok = isinstance(value, int) and not isinstance(value, bool)
        elif kind == "REAL":
            ok = (isinstance(value, int | float) and not isinstance(value, bool)
                  and math.isfinite(value))
        else:
            ok = isinstance(value, str | int | float)
        if not ok:
            raise refuse(f"'{name}' holds {type(value).__name__} {_short(value)}, not {kind}")
    if table == "articles":
        if not row.get("id") or not isinstance(row.get("text"), str):
            raise refuse("it has no id or no text")
        if "warnings" in row:
            try:
                warnings = json.loads(row["warnings"])
            except (TypeError, ValueError):
                raise refuse(f"'warnings' is {_short(row['warnings'])}, not a JSON list") from None
            if not isinstance(warnings, list) or not all(isinstance(w, str) for w in warnings):
                raise refuse(f"'warnings' is {_short(row['warnings'])}, not a JSON list of text")
        published = row.get("published")
        if published is not None:
            try:
                if not _ISO_DAY.fullmatch(published):
                    raise ValueError(published)
                dt.date.fromisoformat(published)
            except ValueError:
                raise refuse(f"'published' is {_short(published)}, not a YYYY-MM-DD date") from None
        return
    length = texts.get(str(row.get("article_id")))
    if length is None:
        raise refuse(f"its article {_short(row.get('article_id'))} is not in articles")
    if table == "stances" and "evidence" in row:
        try:
            evidence = json.loads(row["evidence"])
        except ValueError:
            raise refuse(f"'evidence' is {_short(row['evidence'])}, not a JSON list") from None
        if not isinstance(evidence, list) or not all(isinstance(e, str) for e in evidence):
            raise refuse(f"'evidence' is {_short(row['evidence'])}, not a JSON list of ids")
    for start_name, end_name in _OFFSETS.get(table, ()):
        start, end = row.get(start_name), row.get(end_name)
        if start is not None and end is not None and not 0 <= start <= end <= length:
            raise refuse(f"'{start_name}'..'{end_name}' ({start}..{end}) lies outside the "
                          f"article's {length:,} characters")


def _check_correction(row: dict[str, Any], rules: list[tuple[str, str, bool]], where: str
                      ) -> None:
    """Refuse a row of an exported corrections table that the store cannot hold.

    Raises:
        NewslensError: a missing or mistyped value, an unknown kind, or a before/after
            value that is not JSON.
    """
    def refuse(problem: str) -> NewslensError:
        return NewslensError(f"Cannot import {where} of the {CORRECTIONS} table: {problem}. "
                             "Nothing was imported; export the store again with newslens "
                             "export.")

    if not isinstance(row, dict):
        raise refuse("it is not a row of named columns")
    for name, kind, required in rules:
        value = row.get(name)
        if name == "id":
            continue  # the importing store numbers its own
        if value is None:
            if required:
                raise refuse(f"'{name}' is empty")
            continue
        if kind == "TEXT" and not isinstance(value, str):
            raise refuse(f"'{name}' holds {type(value).__name__} {_short(value)}, not TEXT")
    if row["kind"] not in KINDS:
        raise refuse(f"'kind' is {_short(row['kind'])}, not one of {', '.join(KINDS)}")
    for name in ("before_value", "after_value"):
        if row.get(name) is not None:
            try:
                json.loads(row[name])
            except ValueError:
                raise refuse(f"'{name}' is {_short(row[name])}, not JSON") from None


def _short(value: Any, limit: int = 40) -> str:
    text = repr(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _insert_rows(
    conn: sqlite3.Connection,
    head: dict[str, Any],
    children: dict[str, list[dict[str, Any]]],
    columns_of: Any,
) -> bool:
    """Insert one article given as rows by column name, in one transaction; False if stored."""
    with _transaction(conn):
        if conn.execute("SELECT 1 FROM articles WHERE id = ?", (head.get("id"),)).fetchone():
            conn.execute("ROLLBACK")
            return False
        for table, rows in [("articles", [head]), *children.items()]:
            names = [name for name, _ in columns_of(table)]
            # Columns a later schema added with a default (an older export lacks them).
            defaulted = {r[1] for r in conn.execute(f"PRAGMA table_info({table})")
                         if r[4] is not None}
            missing = [n for n in names if n not in rows[0] and n not in defaulted]
            names = [n for n in names if n in rows[0]]
            if missing:
                raise NewslensError(
                    f"The {table} table lacks the columns {', '.join(missing)}: it was not "
                    "written by this version of newslens."
                )
            conn.executemany(
                f"INSERT INTO {table} ({', '.join(names)}) VALUES ({','.join('?' * len(names))})",
                [[int(v) if isinstance(v, bool) else v for v in (r[n] for n in names)]
                 for r in rows],
            )
    return True


_CORRECTION_COLUMNS = ("id, text_key, article_id, kind, item, label, before_value, after_value, "
                       "made_at, undone_at")


def _correction_from_row(r: Sequence[Any]) -> Correction:
    return Correction(
        id=r[0], text_key=r[1], article_id=r[2], kind=r[3], item=r[4], label=r[5] or "",
        before=json.loads(r[6]) if r[6] is not None else None,
        after=json.loads(r[7]) if r[7] is not None else None, made_at=r[8], undone_at=r[9],
    )


@contextlib.contextmanager
def _transaction(conn: sqlite3.Connection) -> Iterator[None]:
    """One write transaction: committed when the block ends, rolled back when it raises.

    ``BEGIN IMMEDIATE`` takes the write lock at once, so two writers queue instead of
    failing halfway. A block may end the transaction itself (a ROLLBACK when there is
    nothing to write).
    """
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise
    if conn.in_transaction:
        conn.execute("COMMIT")


def _register_functions(conn: sqlite3.Connection) -> None:
    """SQL functions the schema uses (migration 4 fills ``text_key`` with one)."""
    conn.create_function("newslens_text_key", 1, text_key, deterministic=True)


def _use_wal(conn: sqlite3.Connection) -> None:
    """Put the file in WAL mode, waiting while another process holds it (a new file)."""
    deadline = time.monotonic() + _BUSY_TIMEOUT_S
    while True:
        try:
            mode = conn.execute("PRAGMA journal_mode=WAL").fetchone()[0]
        except sqlite3.OperationalError as err:
            # Switching modes needs the file to itself; two processes opening a new store
            # at the same moment can meet here.
            if "locked" not in str(err) and "busy" not in str(err):
                raise
            mode = None
        if mode == "wal":
            return
        if time.monotonic() > deadline:
            raise sqlite3.OperationalError(f"cannot switch to WAL mode (journal mode {mode})")
        time.sleep(0.05)


@dataclass(frozen=True)
class Filters:
    """Which stored articles to read; every field left None means no restriction.

    ``query`` is searched in titles and texts (``fts_query``), ``entity`` in the canonical
    names of entities (part of a name, any case), ``country`` is an ISO-3 code tied to an
    entity (as extracted or as corrected), an event or a stance.
    """

    start: dt.date | None = None
    end: dt.date | None = None
    country: str | None = None
    source: str | None = None
    query: str | None = None
    entity: str | None = None
    limit: int | None = None


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


def _filter_sql(columns: str, filters: Filters) -> tuple[str, list[Any]]:
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


def _event_from_row(r: tuple[Any, ...]) -> Event:
    return Event(
        id=r[2], type=r[3],
        trigger=Mention(r[4], r[5], r[6]),
        sentence=Mention(r[7], r[8], r[9]),
        actor=r[10], target=r[11], actor_country=r[12], target_country=r[13],
        date=r[14], date_source=r[15], polarity=r[16], negated=bool(r[17]),
        speaker=r[18], actor_text=r[19], target_text=r[20], modality=r[21],
        actor_sector=r[22], target_sector=r[23],
    )


def article_rows(
    article: Article, *, source: str | None = None, url: str | None = None,
    added_at: str | None = None,
) -> dict[str, list[tuple[Any, ...]]]:
    """Return an article as the rows of every store table (columns in schema order)."""
    aid = article.id
    added = added_at or dt.datetime.now(dt.UTC).isoformat(timespec="microseconds")
    return {
        "articles": [(
            aid, article.title,
            article.published.isoformat() if article.published else None,
            int(article.published_inferred), article.text, source, url, added,
            _word_count(article.text), json.dumps(list(article.warnings)),
            text_key(article.text),
        )],
        "entities": [
            (aid, i, e.id, e.canonical, e.label, e.country, e.role)
            for i, e in enumerate(article.entities)
        ],
        "mentions": [
            (aid, i, j, e.id, m.text, m.start_char, m.end_char)
            for i, e in enumerate(article.entities)
            for j, m in enumerate(e.mentions)
        ],
        "time_expressions": [
            (aid, i, t.text, t.start_char, t.end_char, t.type, t.value, t.anchor)
            for i, t in enumerate(article.time_expressions)
        ],
        "events": [
            (
                aid, i, v.id, v.type,
                v.trigger.text, v.trigger.start_char, v.trigger.end_char,
                v.sentence.text, v.sentence.start_char, v.sentence.end_char,
                v.actor, v.target, v.actor_country, v.target_country, v.date, v.date_source,
                float(v.polarity), int(v.negated), v.speaker, v.actor_text, v.target_text,
                v.modality, v.actor_sector, v.target_sector,
            )
            for i, v in enumerate(article.events)
        ],
        "stances": [
            (aid, i, s.holder, s.target, s.target_country, s.polarity, float(s.score),
             json.dumps(list(s.evidence)), s.target_key, int(s.current))
            for i, s in enumerate(article.stances)
        ],
        "relations": [
            (aid, i, r.id, r.source, r.target, r.polarity, float(r.score), r.sentence.text,
             r.sentence.start_char, r.sentence.end_char, r.found_by)
            for i, r in enumerate(article.relations)
        ],
    }


_SCHEMA_CACHE: dict[str, list[tuple[str, str]]] = {}


def table_schema(table: str) -> list[tuple[str, str]]:
    """Return ``(column, declared type)`` of a table in the current schema, no file needed."""
    if not _SCHEMA_CACHE:
        conn = sqlite3.connect(":memory:")
        _register_functions(conn)
        try:
            for step in MIGRATIONS:
                for statement in step:
                    conn.execute(statement)
            for name in TABLES:
                _SCHEMA_CACHE[name] = [
                    (r[1], r[2].upper()) for r in conn.execute(f"PRAGMA table_info({name})")
                ]
        finally:
            conn.close()
    if table not in _SCHEMA_CACHE:
        raise NewslensError(f"'{table}' is not a store table; the tables are {TABLES}.")
    return _SCHEMA_CACHE[table]


def _insert_article(
    conn: sqlite3.Connection, article: Article, *, source: str | None, url: str | None
) -> None:
    for table, rows in article_rows(article, source=source, url=url).items():
        if rows:
            marks = ",".join("?" * len(rows[0]))
            conn.executemany(f"INSERT INTO {table} VALUES ({marks})", rows)


# -- export --------------------------------------------------------------------------------


def export_tables(store: Store, out: str | Path, *, fmt: str = "parquet",
                  corrected: bool = False) -> dict[str, Path]:
    """Write every store table to ``out/<table>.<fmt>``; return the files written.

    The ``corrections`` table is written when the store holds corrections (undone ones
    included). The analysis tables hold what was extracted, so that an import of the export
    keeps every correction undoable; with ``corrected`` they hold the analyses with the
    corrections applied instead, for tools that read the export (an import of that works
    too: applying a correction twice changes nothing).

    Args:
        store: the store to read (a consistent snapshot per table).
        out: the folder to write into (created if missing).
        fmt: ``parquet`` (needs pyarrow), ``csv`` (with a header) or ``jsonl``.
        corrected: write the analyses with the corrections applied.

    Raises:
        NewslensError: an unknown format, pyarrow missing, or the folder cannot be written.
    """
    if fmt not in ("parquet", "csv", "jsonl"):
        raise NewslensError(f"Unknown export format '{fmt}': use parquet, csv or jsonl.")
    writer = {"parquet": _write_parquet, "csv": _write_csv, "jsonl": _write_jsonl}[fmt]
    if fmt == "parquet":
        _need_pyarrow()
    folder = Path(out)
    written: dict[str, Path] = {}
    temporary: list[Path] = []
    try:
        folder.mkdir(parents=True, exist_ok=True)
        # Every table goes to a temporary file first; they are renamed into place only when
        # all were written, so a failed export never leaves partial or mixed files.
        tables = [*TABLES, CORRECTIONS] if store.corrections_stamp()[0] else list(TABLES)
        for table in tables:
            target = folder / f"{table}.{fmt}"
            tmp = folder / f".{table}.{fmt}.{os.getpid()}.tmp"
            temporary.append(tmp)
            chunks = (_corrected_chunks(store, table) if corrected and table != CORRECTIONS
                      else store.table_rows(table))
            writer(tmp, store.table_columns(table), chunks)
            written[table] = target
        for table, target in written.items():
            os.replace(folder / f".{table}.{fmt}.{os.getpid()}.tmp", target)
    except OSError as err:
        raise NewslensError(f"Cannot write the export to '{folder}': {err.strerror}.") from None
    except sqlite3.DatabaseError as err:
        raise NewslensError(
            f"The store '{store.path}' is damaged ({err}); nothing was exported. Restore it "
            "from a backup, or ingest the sources again into a new --store."
        ) from None
    finally:
        for tmp in temporary:
            tmp.unlink(missing_ok=True)
    return written


def _corrected_chunks(store: Store, table: str, chunk: int = 200
                      ) -> Iterator[list[tuple[Any, ...]]]:
    """A table's rows as ``table_rows`` gives them, from the corrected analyses."""
    conn = store._conn()
    ids = [r[0] for r in conn.execute("SELECT id FROM articles ORDER BY id")]
    for i in range(0, len(ids), chunk):
        part = ids[i : i + chunk]
        marks = ",".join("?" * len(part))
        origin = {r[0]: r[1:] for r in conn.execute(
            f"SELECT id, source, url, added_at FROM articles WHERE id IN ({marks})", part)}
        rows: list[tuple[Any, ...]] = []
        for article in store._load(conn, part, corrected=True):
            source, url, added = origin[article.id]
            rows.extend(article_rows(article, source=source, url=url, added_at=added)[table])
        if rows:
            yield rows


def _need_pyarrow() -> None:
    try:
        import pyarrow  # noqa: F401
    except ImportError:
        raise NewslensError(
            "Parquet needs pyarrow: pip install 'newslens[scale]', or use --format csv/jsonl."
        ) from None


def _plain(value: Any, kind: str) -> Any:
    return bool(value) if kind == "BOOLEAN" and value is not None else value


#: First characters that make a spreadsheet read a cell as a formula (OWASP CSV injection).
CSV_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def csv_safe(value: Any) -> Any:
    """Neutralise a CSV cell a spreadsheet would run as a formula; other values pass as they are.

    A string starting with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return gets a
    leading single quote (OWASP's rule), so ``=cmd|...`` or ``@HYPERLINK(...)`` is shown as
    text. Numbers are never strings here, so a negative score stays a number.
    """
    if isinstance(value, str) and value.startswith(CSV_FORMULA_STARTS):
        return "'" + value
    return value


def _write_csv(path: Path, columns: list[tuple[str, str]], chunks: Iterable[list[tuple]]) -> None:
    with path.open("w", encoding="utf-8", newline="") as fh:
        out = csv.writer(fh)
        out.writerow([csv_safe(name) for name, _ in columns])
        for chunk in chunks:
            # Only CSV is neutralised: JSONL and Parquet are read by programs and keep the
            # raw value.
            out.writerows([csv_safe(value) for value in row] for row in chunk)


def _write_jsonl(path: Path, columns: list[tuple[str, str]], chunks: Iterable[list[tuple]]
                 ) -> None:
    with path.open("w", encoding="utf-8") as fh:
        for chunk in chunks:
            for row in chunk:
                record = {
                    name: _plain(value, kind)
                    for (name, kind), value in zip(columns, row, strict=True)
                }
                if "evidence" in record:
                    record["evidence"] = json.loads(record["evidence"])
                fh.write(json.dumps(record, ensure_ascii=False) + "\n")


def arrow_schema(columns: list[tuple[str, str]]) -> Any:
    """Return the pyarrow schema for store columns (declared SQLite type -> Arrow type)."""
    import pyarrow as pa

    types = {"TEXT": pa.string(), "INTEGER": pa.int64(), "REAL": pa.float64(),
             "BOOLEAN": pa.bool_()}
    return pa.schema([(name, types[kind]) for name, kind in columns])


def _write_parquet(path: Path, columns: list[tuple[str, str]], chunks: Iterable[list[tuple]]
                   ) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    schema = arrow_schema(columns)
    kinds = [kind for _, kind in columns]
    # Written in row groups as read, so exporting a big store needs little memory.
    with pq.ParquetWriter(path, schema) as writer:
        for chunk in chunks:
            cols = list(zip(*chunk, strict=True))
            arrays = [
                pa.array([_plain(v, kind) for v in col], type=schema.field(i).type)
                for i, (col, kind) in enumerate(zip(cols, kinds, strict=True))
            ]
            writer.write_table(pa.Table.from_arrays(arrays, schema=schema))
