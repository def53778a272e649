"""Writing to the store: adding an article and its analysis in one transaction, replacing a
re-analysed text, deleting, finding copies of a text, and importing Parquet tables."""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path

from ..corrections import text_key
from ..model import Article
from .connection import Connections
from .importing import import_parquet
from .rows import insert_article
from .schema import IN_CHUNK, named, transaction


class Writing(Connections):
    """The ``Store``'s writes: ``add``, ``replace``, ``delete_many``, ``import_parquet``."""

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
        with transaction(conn):
            if conn.execute("SELECT 1 FROM articles WHERE id = ?", (article.id,)).fetchone() \
                    or (once_per_text and conn.execute(
                        "SELECT 1 FROM articles WHERE text_key = ?", (text_key(article.text),)
                    ).fetchone()):
                conn.execute("ROLLBACK")
                return False
            insert_article(conn, article, source=source, url=url)
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
        with transaction(conn):
            old = named(
                conn,
                "SELECT id, source, url, added_at FROM articles WHERE text_key = ? OR id = ? "
                "ORDER BY added_at, id", (key, article.id),
            ).fetchall()
            conn.executemany("DELETE FROM articles WHERE id = ?", [(r["id"],) for r in old])
            first = old[0] if old else {"source": None, "url": None, "added_at": None}
            insert_article(conn, article, source=first["source"], url=first["url"],
                           added_at=first["added_at"])
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
        with transaction(conn):
            removed = 0
            keys: set[str] = set()
            for i in range(0, len(ids), IN_CHUNK):
                part = ids[i : i + IN_CHUNK]
                marks = ",".join("?" * len(part))
                keys.update(r["text_key"] for r in named(
                    conn, f"SELECT text_key FROM articles WHERE id IN ({marks})", part)
                    if r["text_key"])
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
        rows = named(
            self._conn(),
            """SELECT a.id FROM articles a WHERE a.text_key IS NOT NULL AND EXISTS (
                   SELECT 1 FROM articles b WHERE b.text_key = a.text_key
                   AND (b.added_at < a.added_at OR (b.added_at = a.added_at AND b.id < a.id)))
               ORDER BY a.added_at, a.id"""
        )
        return [r["id"] for r in rows]

    def same_text(self, text: str) -> str | None:
        """Return the id of the stored article with this text (however spaced or
        capitalised; the first added), or None."""
        row = named(
            self._conn(),
            "SELECT id FROM articles WHERE text_key = ? ORDER BY added_at, id LIMIT 1",
            (text_key(text),),
        ).fetchone()
        return row["id"] if row else None

    def resolve(self, prefix: str) -> list[str]:
        """Return the ids of stored articles that start with ``prefix`` (at most 20)."""
        prefix = prefix.strip()
        if not prefix or not re.fullmatch(r"[0-9A-Za-z_-]+", prefix):
            return []
        rows = named(
            self._conn(),
            "SELECT id FROM articles WHERE id >= ? AND id < ? ORDER BY id LIMIT 20",
            (prefix, prefix + "\U0010ffff"),
        )
        return [r["id"] for r in rows]

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
        return import_parquet(self._conn(), folder)
