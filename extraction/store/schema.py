"""The store's schema: its tables, the steps that bring an older file up to date, and the
SQL functions and connection settings every connection needs.

The schema version is SQLite's ``user_version``; ``MIGRATIONS[i]`` takes a file from version
``i`` to ``i + 1`` (``migrate``). The columns an Article's parts take are named in
``extraction.store.rows``, derived from the dataclasses; a test holds that they are the
columns these steps create.
"""

from __future__ import annotations

import contextlib
import sqlite3
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from ..corrections import text_key
from ..errors import NewslensError

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
BUSY_TIMEOUT_S = 60.0
# SQLite allows at most 999 "?" in one statement on old builds; stay well below.
IN_CHUNK = 500


def migrate(conn: sqlite3.Connection, path: Path) -> None:
    """Bring the file behind ``conn`` to ``SCHEMA_VERSION`` (a new file gets every step).

    Raises:
        NewslensError: the file is newer than this newslens, is an SQLite file of another
            program, or is not an SQLite file.
    """
    try:
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        if version > SCHEMA_VERSION:
            raise NewslensError(
                f"The store '{path}' has schema version {version}, newer than this "
                f"newslens reads ({SCHEMA_VERSION}); upgrade newslens."
            )
        if version == SCHEMA_VERSION:
            return
        # IMMEDIATE takes the write lock first, so two processes opening a new store
        # at once cannot both run the same migration.
        conn.execute("BEGIN IMMEDIATE")
        try:
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            if version == 0 and _has_foreign_tables(conn):
                raise NewslensError(
                    f"'{path}' is an SQLite file but not a newslens store."
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
            f"Cannot use the store '{path}': {err}. Is it a newslens store?"
        ) from None


def _has_foreign_tables(conn: sqlite3.Connection) -> bool:
    row = conn.execute(
        "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
    ).fetchone()
    return bool(row[0])


_SCHEMA_CACHE: dict[str, list[tuple[str, str]]] = {}


def table_schema(table: str) -> list[tuple[str, str]]:
    """Return ``(column, declared type)`` of a table in the current schema, no file needed."""
    if not _SCHEMA_CACHE:
        conn = sqlite3.connect(":memory:")
        register_functions(conn)
        try:
            for step in MIGRATIONS:
                for statement in step:
                    conn.execute(statement)
            for name in TABLES:
                _SCHEMA_CACHE[name] = column_names(conn, name)
        finally:
            conn.close()
    if table not in _SCHEMA_CACHE:
        raise NewslensError(f"'{table}' is not a store table; the tables are {TABLES}.")
    return _SCHEMA_CACHE[table]


def register_functions(conn: sqlite3.Connection) -> None:
    """SQL functions the schema uses (migration 4 fills ``text_key`` with one)."""
    conn.create_function("newslens_text_key", 1, text_key, deterministic=True)


def use_wal(conn: sqlite3.Connection) -> None:
    """Put the file in WAL mode, waiting while another process holds it (a new file)."""
    deadline = time.monotonic() + BUSY_TIMEOUT_S
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


@contextlib.contextmanager
def transaction(conn: sqlite3.Connection) -> Iterator[None]:
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


def column_names(conn: sqlite3.Connection, table: str) -> list[tuple[str, str]]:
    """Return ``(name, declared type)`` for each column of a table of the open file."""
    return [(r["name"], r["type"].upper()) for r in named(conn, f"PRAGMA table_info({table})")]


def named(conn: sqlite3.Connection, sql: str, params: Any = ()) -> sqlite3.Cursor:
    """Run a query whose rows are read by column name (``sqlite3.Row``)."""
    cur = conn.cursor()
    cur.row_factory = sqlite3.Row
    return cur.execute(sql, params)
