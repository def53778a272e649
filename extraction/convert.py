"""The one place a spaCy ``Doc`` becomes an ``Article``."""

from __future__ import annotations

import datetime as dt
import hashlib

from spacy.tokens import Doc

from .model import Article, Entity, Event, Relation, Stance, TimeExpression
from .textio import language_warning


def article_id(text: str, published: dt.date | None) -> str:
    """Return the article's id: a hash of its text and the publication date it was given."""
    key = f"{published.isoformat() if published else ''}\n{text}"
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:16]


def doc_to_article(doc: Doc, *, title: str | None = None, given: dt.date | None = None) -> Article:
    """Convert an analysed ``Doc`` to an ``Article``.

    Args:
        doc: a ``Doc`` that went through the newslens pipeline.
        title: the article's title, if known.
        given: the publication date the caller gave, if any (it decides the id).
    """
    anchor = doc._.newslens_anchor
    published = given or (dt.date.fromisoformat(anchor) if anchor else None)
    return Article(
        id=article_id(doc.text, given),
        title=title,
        published=published,
        published_inferred=bool(given is None and doc._.newslens_published_inferred),
        text=doc.text,
        entities=tuple(Entity.from_dict(d) for d in doc._.newslens_entities or ()),
        time_expressions=tuple(TimeExpression.from_dict(d) for d in doc._.newslens_timex or ()),
        events=tuple(Event.from_dict(d) for d in doc._.newslens_events or ()),
        stances=tuple(Stance.from_dict(d) for d in doc._.newslens_stances or ()),
        relations=tuple(Relation.from_dict(d) for d in doc._.newslens_relations or ()),
        warnings=tuple(w for w in (language_warning(doc.text),) if w),
    )
