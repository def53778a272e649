"""Reading Parquet tables back into the store: an export (``newslens export``) or the Dask
engine's output. Every row is checked against the data model before anything is written, so
a bad file is refused whole, never half imported."""

from __future__ import annotations

import datetime as dt
import json
import math
import re
import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import Any

from ..corrections import KINDS, text_key
from ..errors import NewslensError
from .schema import CORRECTIONS, TABLES, column_names, named, transaction

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
    return [(r["name"], r["type"].upper(), bool(r["notnull"]) and r["dflt_value"] is None)
            for r in named(conn, f"PRAGMA table_info({table})")]


# One check per way an exported row can be wrong (column types, an article's own fields, the article
# it belongs to, stance evidence, offsets); each raises at once, so it reads as a list.
def _check_row(row: dict[str, Any], table: str, rules: list[tuple[str, str, bool]],  # noqa: C901
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


# The corrections table's checks (column types, the kind, the two JSON values), each raising at
# once, as in _check_row.
def _check_correction(row: dict[str, Any], rules: list[tuple[str, str, bool]], where: str  # noqa: C901
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
    columns_of: Callable[[str], list[tuple[str, str]]],
) -> bool:
    """Insert one article given as rows by column name, in one transaction; False if stored."""
    with transaction(conn):
        if conn.execute("SELECT 1 FROM articles WHERE id = ?", (head.get("id"),)).fetchone():
            conn.execute("ROLLBACK")
            return False
        for table, rows in [("articles", [head]), *children.items()]:
            names = [name for name, _ in columns_of(table)]
            # Columns a later schema added with a default (an older export lacks them).
            defaulted = {r["name"] for r in named(conn, f"PRAGMA table_info({table})")
                         if r["dflt_value"] is not None}
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


def import_parquet(conn: sqlite3.Connection, folder: str | Path) -> tuple[int, int]:
    """Add the articles of Parquet tables to the store (``Store.import_parquet``); return the
    number added and the number already stored."""
    try:
        import pyarrow.parquet  # noqa: F401
    except ImportError:
        raise NewslensError("Reading Parquet needs pyarrow: pip install "
                            "'newslens[scale]'.") from None
    base = Path(folder)
    parts = _layout(base)
    # Every row of every file is checked against the data model before anything is
    # written: a bad export is refused whole, never half imported.
    fixes = _checked_corrections(conn, base)
    _check_parts(conn, parts)
    added = existing = 0
    for files in parts:
        heads, grouped = _read_part(files)
        for head in heads:
            # Computed here, not read: an older export has no key, and a key that does
            # not match its text would hide the article's corrections.
            head["text_key"] = text_key(head["text"])
            children = grouped.get(str(head.get("id")), {})
            try:
                stored = _insert_rows(conn, head, children,
                                      lambda table: column_names(conn, table))
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
        import_corrections(conn, fixes)
    return added, existing


def _layout(base: Path) -> list[dict[str, Path]]:
    """The files of each table, per part: one part for an export, one per Dask file."""
    if (base / "articles").is_dir():
        names = sorted(p.name for p in (base / "articles").glob("*.parquet"))
        return [{t: base / t / name for t in TABLES} for name in names]
    if (base / "articles.parquet").is_file():
        return [{t: base / f"{t}.parquet" for t in TABLES}]
    raise NewslensError(
        f"'{base}' holds no newslens Parquet tables (articles.parquet or articles/)."
    )


def _read(path: Path) -> list[dict[str, Any]]:
    import pyarrow.parquet as pq

    try:
        return pq.read_table(path).to_pylist()
    except (OSError, ValueError) as err:
        raise NewslensError(f"Cannot read '{path}': {err}") from None


def _checked_corrections(conn: sqlite3.Connection, base: Path) -> list[dict[str, Any]]:
    """The rows of the export's corrections table (none without one), each checked."""
    path = base / f"{CORRECTIONS}.parquet"
    if not path.is_file():
        return []
    rules = _column_rules(conn, CORRECTIONS)
    rows = _read(path)
    for number, row in enumerate(rows, start=1):
        _check_correction(row, rules, f"'{path}' row {number}")
    return rows


def _check_parts(conn: sqlite3.Connection, parts: list[dict[str, Path]]) -> None:
    """Check every row of every table file (``_check_row``)."""
    schema = {t: _column_rules(conn, t) for t in TABLES}
    for files in parts:
        texts: dict[str, int] = {}
        for table, path in files.items():
            if path.is_file():
                for number, row in enumerate(_read(path), start=1):
                    _check_row(row, table, schema[table], texts, f"'{path}' row {number}")
                    if table == "articles":
                        texts[str(row.get("id"))] = len(row.get("text") or "")


def _read_part(files: dict[str, Path]
               ) -> tuple[list[dict[str, Any]], dict[str, dict[str, list[dict[str, Any]]]]]:
    """The ``articles`` rows of a part, and the other tables' rows by article id and table."""
    grouped: dict[str, dict[str, list[dict[str, Any]]]] = {}
    heads: list[dict[str, Any]] = []
    for table, path in files.items():
        if not path.is_file():
            continue
        rows = _read(path)
        if table == "articles":
            heads = rows
        else:
            for row in rows:
                grouped.setdefault(str(row.get("article_id")), {}).setdefault(
                    table, []).append(row)
    return heads, grouped


def import_corrections(conn: sqlite3.Connection, rows: list[dict[str, Any]]) -> int:
    """Add the corrections of an export that the store does not hold yet; return how
    many were added."""
    with transaction(conn):
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
