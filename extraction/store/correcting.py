"""The analysts' corrections in the store (``extraction.corrections``): keeping them,
undoing them, reading them by text. Reading an article applies them (``Reading._load``)."""

from __future__ import annotations

import dataclasses
import json
import sqlite3
from collections.abc import Sequence

from ..corrections import KINDS, Correction, now
from ..errors import NewslensError
from .connection import Connections
from .rows import CORRECTION_COLUMNS, correction_from_row
from .schema import IN_CHUNK, named, transaction

_COLUMNS = ", ".join(CORRECTION_COLUMNS)


class Correcting(Connections):
    """The ``Store``'s corrections: ``add_correction``, ``undo_correction``, ``corrections``."""

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
        with transaction(conn):
            row = named(conn, f"SELECT {_COLUMNS} FROM corrections WHERE id = ?",
                        (int(correction_id),)).fetchone()
            if row is None:
                raise NewslensError(f"There is no correction {correction_id}.")
            if row["undone_at"] is not None:
                raise NewslensError(f"Correction {correction_id} was undone already "
                                    f"({row['undone_at']}).")
            when = now()
            conn.execute("UPDATE corrections SET undone_at = ? WHERE id = ?",
                         (when, int(correction_id)))
        return dataclasses.replace(correction_from_row(row), undone_at=when)

    def corrections(self, *, text_key: str | None = None, article_id: str | None = None,
                    active_only: bool = False) -> list[Correction]:
        """Return corrections, oldest first: all, those of one text, or those of the text of
        one stored article; ``active_only`` leaves out undone ones."""
        conn = self._conn()
        if article_id is not None:
            row = named(conn, "SELECT text_key FROM articles WHERE id = ?",
                        (article_id,)).fetchone()
            if row is None:
                return []
            text_key = row["text_key"]
        if text_key is not None:
            return read_corrections(conn, [text_key], active_only=active_only)
        sql = f"SELECT {_COLUMNS} FROM corrections"
        if active_only:
            sql += " WHERE undone_at IS NULL"
        return [correction_from_row(r) for r in named(conn, sql + " ORDER BY id")]

    def corrections_stamp(self) -> tuple[int, int, int]:
        """Numbers that change whenever a correction is made or undone (for caches)."""
        row = named(
            self._conn(), "SELECT count(*) AS made, coalesce(max(id), 0) AS last, "
            "count(undone_at) AS undone FROM corrections"
        ).fetchone()
        return int(row["made"]), int(row["last"]), int(row["undone"])


def read_corrections(conn: sqlite3.Connection, keys: Sequence[str], *,
                     active_only: bool) -> list[Correction]:
    """The corrections of these texts (by ``text_key``), oldest first; ``active_only``
    leaves out undone ones."""
    out: list[Correction] = []
    for i in range(0, len(keys), IN_CHUNK):
        part = list(keys[i : i + IN_CHUNK])
        sql = (f"SELECT {_COLUMNS} FROM corrections WHERE text_key IN "
               f"({','.join('?' * len(part))})")
        if active_only:
            sql += " AND undone_at IS NULL"
        out.extend(correction_from_row(r) for r in named(conn, sql + " ORDER BY id", part))
    return out
