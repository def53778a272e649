"""The one place a spaCy ``Doc`` becomes an ``Article``."""

from __future__ import annotations

import datetime as dt
import hashlib
from typing import Any

from spacy.tokens import Doc

from .model import RELATIONSHIP, Article, Entity, Event, Relation, Stance, TimeExpression
from .textio import language_warning, original_offsets


def article_id(text: str, published: dt.date | None) -> str:
    """Return the article's id: a hash of its text and the publication date it was given."""
    key = f"{published.isoformat() if published else ''}\n{text}"
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:16]


def doc_to_article(doc: Doc, *, title: str | None = None, given: dt.date | None = None,
                   original: str | None = None) -> Article:
    """Convert an analysed ``Doc`` to an ``Article``.

    Args:
        doc: a ``Doc`` that went through the newslens pipeline.
        title: the article's title, if known.
        given: the publication date the caller gave, if any (it decides the id).
        original: the text as given, when the pipeline read a normalised copy of it
            (``textio.validate_text``): the ``Article`` keeps the text as given, and every
            offset and mention text is carried back into it.
    """
    anchor = doc._.newslens_anchor
    published = given or (dt.date.fromisoformat(anchor) if anchor else None)
    text = doc.text
    entities = list(doc._.newslens_entities or ())
    timex = list(doc._.newslens_timex or ())
    # Nouns of a relationship ("an ally of") are relations, not events of the timeline.
    events = [e for e in doc._.newslens_events or () if not e.get(RELATIONSHIP)]
    relations = list(doc._.newslens_relations or ())
    if original is not None and original != text:
        back = original_offsets(original, text)
        entities = [dict(e, mentions=[_carry(m, back, original) for m in e.get("mentions", ())])
                    for e in entities]
        timex = [_carry(t, back, original) for t in timex]
        events = [dict(v, trigger=_carry(v["trigger"], back, original),
                       sentence=_carry(v["sentence"], back, original)) for v in events]
        relations = [dict(r, sentence=_carry(r["sentence"], back, original)) for r in relations]
        text = original
    return Article(
        id=article_id(text, given),
        title=title,
        published=published,
        published_inferred=bool(given is None and doc._.newslens_published_inferred),
        text=text,
        entities=tuple(Entity.from_dict(d) for d in entities),
        time_expressions=tuple(TimeExpression.from_dict(d) for d in timex),
        events=tuple(Event.from_dict(d) for d in events),
        stances=tuple(Stance.from_dict(d) for d in doc._.newslens_stances or ()),
        relations=tuple(Relation.from_dict(d) for d in relations),
        warnings=tuple(w for w in (language_warning(doc.text),) if w),
    )


def _carry(span: dict[str, Any], back: list[int], original: str) -> dict[str, Any]:
    """A span dict (``start_char``, ``end_char``, ``text``) moved into the original text."""
    start, end = int(span["start_char"]), int(span["end_char"])
    new_start = back[start]
    new_end = back[end - 1] + 1 if end > start else new_start
    return dict(span, start_char=new_start, end_char=new_end,
                text=original[new_start:new_end])
