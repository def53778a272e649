"""Row codecs: an Article's parts to the store's rows and back, by column name.

The frozen dataclasses of ``extraction.model`` are the only description of an Article's
parts: each part's columns are derived from its class's fields (``Part.columns``), so a
field added to a dataclass needs a migration that adds its column, and nothing else here.
The rules of the derivation:

- a field ``id`` is stored as ``Part.id_column`` (``entity_id``, ``event_id``, ``relation_id``);
- a ``Mention`` field ``x`` as three columns ``x_text``, ``x_start``, ``x_end``;
- ``bool`` as 0/1, ``float`` as REAL, ``tuple[str, ...]`` as a JSON list;
- every row also holds its ``article_id`` and its position ``ord`` in the article
  (a mention: its entity's ``entity_ord``, its own ``ord`` and its entity's ``entity_id``).

The ``articles`` row (``HEAD_COLUMNS``) holds the Article's own fields and what the store
adds: source, url, when it was added, the number of words and the text's key.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import sqlite3
import typing
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

from ..corrections import Correction, text_key
from ..model import Article, Entity, Event, Mention, Relation, Stance, TimeExpression
from .schema import table_schema

#: The columns of the ``articles`` table the reader needs to rebuild an Article.
HEAD_COLUMNS = ("id", "title", "published", "published_inferred", "text", "warnings",
                "text_key")
#: The columns of the ``corrections`` table, as ``Correction`` reads them.
CORRECTION_COLUMNS = ("id", "text_key", "article_id", "kind", "item", "label", "before_value",
                      "after_value", "made_at", "undone_at")


@dataclass(frozen=True)
class Part:
    """How one kind of an Article's parts is stored: its table, its class, the key columns
    that place a row in its article, and the fields kept in another table."""

    table: str
    cls: type
    keys: tuple[str, ...] = ("article_id", "ord")
    nested: tuple[str, ...] = ()
    #: The column of the ``id`` field (another table's ``id`` is not the part's own).
    id_column: str = "id"

    def fields(self) -> list[tuple[str, str, tuple[str, ...]]]:
        """``(field, kind, columns)`` per stored field; kind is mention, bool, float, json
        or plain."""
        return _fields(self)

    def columns(self) -> tuple[str, ...]:
        """Every column of the part's table: the keys, then the fields' columns."""
        return (*self.keys, *(c for _, _, cols in _fields(self) for c in cols))

    def encode(self, item: Any, keys: Sequence[Any]) -> dict[str, Any]:
        """The row of one item by column name, ``keys`` the values of ``self.keys``."""
        row = dict(zip(self.keys, keys, strict=True))
        for name, kind, cols in _fields(self):
            value = getattr(item, name)
            if kind == "mention":
                row.update(zip(cols, (value.text, value.start_char, value.end_char),
                               strict=True))
                continue
            if kind == "bool":
                value = int(value)
            elif kind == "float":
                value = float(value)
            elif kind == "json":
                value = json.dumps(list(value))
            row[cols[0]] = value
        return row

    def decode(self, row: Mapping[str, Any], **nested: Any) -> Any:
        """The item a row (read by column name) holds; ``nested`` gives the fields kept in
        another table."""
        values: dict[str, Any] = {}
        for name, kind, cols in _fields(self):
            if kind == "mention":
                values[name] = Mention(row[cols[0]], row[cols[1]], row[cols[2]])
            elif kind == "bool":
                values[name] = bool(row[cols[0]])
            elif kind == "json":
                values[name] = tuple(json.loads(row[cols[0]]))
            else:
                values[name] = row[cols[0]]
        return self.cls(**values, **nested)


@cache
def _fields(part: Part) -> list[tuple[str, str, tuple[str, ...]]]:
    hints = typing.get_type_hints(part.cls)
    out = []
    for field in dataclasses.fields(part.cls):
        if field.name in part.nested:
            continue
        hint = hints[field.name]
        if hint == Mention:
            out.append((field.name, "mention",
                        tuple(f"{field.name}_{end}" for end in ("text", "start", "end"))))
            continue
        column = part.id_column if field.name == "id" else field.name
        kind = {bool: "bool", float: "float", tuple[str, ...]: "json"}.get(hint, "plain")
        out.append((field.name, kind, (column,)))
    return out


#: The parts of an Article by table, in the order ``TABLES`` lists them.
PARTS = {
    "entities": Part("entities", Entity, nested=("mentions",), id_column="entity_id"),
    "mentions": Part("mentions", Mention, keys=("article_id", "entity_ord", "ord",
                                                "entity_id")),
    "time_expressions": Part("time_expressions", TimeExpression),
    "events": Part("events", Event, id_column="event_id"),
    "stances": Part("stances", Stance),
    "relations": Part("relations", Relation, id_column="relation_id"),
}


def word_count(text: str) -> int:
    return len(text.split())


def date_or_none(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


def head_row(article: Article, *, source: str | None, url: str | None,
             added_at: str | None) -> dict[str, Any]:
    """The ``articles`` row of an article by column name."""
    return {
        "id": article.id,
        "title": article.title,
        "published": article.published.isoformat() if article.published else None,
        "published_inferred": int(article.published_inferred),
        "text": article.text,
        "source": source,
        "url": url,
        "added_at": added_at or dt.datetime.now(dt.UTC).isoformat(timespec="microseconds"),
        "words": word_count(article.text),
        "warnings": json.dumps(list(article.warnings)),
        "text_key": text_key(article.text),
    }


def named_rows(article: Article, *, source: str | None = None, url: str | None = None,
               added_at: str | None = None) -> dict[str, list[dict[str, Any]]]:
    """Return an article as the rows of every store table, each row by column name."""
    aid = article.id
    parts = PARTS
    return {
        "articles": [head_row(article, source=source, url=url, added_at=added_at)],
        "entities": [parts["entities"].encode(e, (aid, i))
                     for i, e in enumerate(article.entities)],
        "mentions": [parts["mentions"].encode(m, (aid, i, j, e.id))
                     for i, e in enumerate(article.entities)
                     for j, m in enumerate(e.mentions)],
        "time_expressions": [parts["time_expressions"].encode(t, (aid, i))
                             for i, t in enumerate(article.time_expressions)],
        "events": [parts["events"].encode(v, (aid, i)) for i, v in enumerate(article.events)],
        "stances": [parts["stances"].encode(s, (aid, i))
                    for i, s in enumerate(article.stances)],
        "relations": [parts["relations"].encode(r, (aid, i))
                      for i, r in enumerate(article.relations)],
    }


def article_rows(
    article: Article, *, source: str | None = None, url: str | None = None,
    added_at: str | None = None,
) -> dict[str, list[tuple[Any, ...]]]:
    """Return an article as the rows of every store table (columns in schema order)."""
    out = {}
    for table, rows in named_rows(article, source=source, url=url, added_at=added_at).items():
        names = [name for name, _ in table_schema(table)]
        out[table] = [tuple(row[n] for n in names) for row in rows]
    return out


def insert_article(conn: sqlite3.Connection, article: Article, *, source: str | None,
                   url: str | None, added_at: str | None = None) -> None:
    """Insert an article's rows, naming every column (inside the caller's transaction)."""
    for table, rows in article_rows(article, source=source, url=url,
                                    added_at=added_at).items():
        if rows:
            names = [name for name, _ in table_schema(table)]
            conn.executemany(f"INSERT INTO {table} ({', '.join(names)}) "
                             f"VALUES ({','.join('?' * len(names))})", rows)


def build_article(head: Mapping[str, Any], parts: Mapping[str, Iterable[Mapping[str, Any]]]
                  ) -> Article:
    """Rebuild an Article from its ``articles`` row and its parts' rows (by column name),
    each part's rows in stored order."""
    by_entity: dict[int, list[Mention]] = {}
    for r in parts["mentions"]:
        by_entity.setdefault(r["entity_ord"], []).append(PARTS["mentions"].decode(r))
    return Article(
        id=head["id"],
        title=head["title"],
        published=date_or_none(head["published"]),
        published_inferred=bool(head["published_inferred"]),
        text=head["text"],
        entities=tuple(
            PARTS["entities"].decode(r, mentions=tuple(by_entity.get(r["ord"], ())))
            for r in parts["entities"]
        ),
        time_expressions=tuple(PARTS["time_expressions"].decode(r)
                               for r in parts["time_expressions"]),
        events=tuple(PARTS["events"].decode(r) for r in parts["events"]),
        stances=tuple(PARTS["stances"].decode(r) for r in parts["stances"]),
        relations=tuple(PARTS["relations"].decode(r) for r in parts["relations"]),
        warnings=tuple(json.loads(head["warnings"] or "[]")),
    )


def correction_from_row(r: Mapping[str, Any]) -> Correction:
    """The ``Correction`` a ``corrections`` row (read by column name) holds."""
    return Correction(
        id=r["id"], text_key=r["text_key"], article_id=r["article_id"], kind=r["kind"],
        item=r["item"], label=r["label"] or "",
        before=json.loads(r["before_value"]) if r["before_value"] is not None else None,
        after=json.loads(r["after_value"]) if r["after_value"] is not None else None,
        made_at=r["made_at"], undone_at=r["undone_at"],
    )
