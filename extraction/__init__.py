"""newslens extraction: entities tied to countries, dated events and stance from news text.

    >>> from extraction import analyze
    >>> article = analyze(text, published="2019-03-14")
    >>> [(e.canonical, e.country) for e in article.entities]
"""

from __future__ import annotations

import datetime as dt
from collections import deque
from collections.abc import Iterable, Iterator, Mapping
from typing import Any

from spacy.language import Language

from .convert import article_id, doc_to_article
from .errors import NewslensError
from .model import Article, Entity, Event, Mention, Relation, Stance, TimeExpression
from .parties import Party
from .textio import clean_title, parse_date, validate_text

__all__ = [
    "Article",
    "Entity",
    "Event",
    "Mention",
    "NewslensError",
    "Party",
    "Relation",
    "Stance",
    "TimeExpression",
    "analyze",
    "analyze_many",
    "article_id",
    "get_pipeline",
]

#: The modules besides this one that make up the public API, for the dashboard, the CLI and
#: callers: the data model, errors and limits, reading texts, the store, analysts'
#: corrections, stance summaries, time periods and the resource tables. Everything else
#: (the components, the event, entity and time rules) is internal; tests/test_imports.py
#: holds the dashboard to this list.
PUBLIC_MODULES = (
    "extraction.corrections",
    "extraction.errors",
    "extraction.events.summary",
    "extraction.limits",
    "extraction.model",
    "extraction.resources",
    "extraction.stance_trend",
    "extraction.store",
    "extraction.temporal.periods",
    "extraction.textio",
)

ArticleInput = str | Mapping[str, Any]


def get_pipeline() -> Language:
    """Return the process-wide newslens pipeline (loaded on first use)."""
    from .pipeline import get_pipeline as _get

    return _get()


def _make_doc(nlp: Language, text: str, published: dt.date | None):
    doc = nlp.make_doc(text)
    doc._.newslens_published = published.isoformat() if published else None
    return doc


def analyze(
    text: str,
    *,
    published: dt.date | str | None = None,
    title: str | None = None,
    nlp: Language | None = None,
) -> Article:
    """Analyse one article.

    Args:
        text: the article text.
        published: its publication date (``date`` or ``YYYY-MM-DD``); found or inferred
            from the text when None.
        title: its title, if known.
        nlp: a pipeline from ``build_pipeline()``; the shared one when None.

    Returns:
        The ``Article`` with entities, time expressions, events and stances.

    Raises:
        NewslensError: the text or the date cannot be analysed; the message says why.
    """
    given = text
    text = validate_text(text)
    date = parse_date(published)
    nlp = nlp or get_pipeline()
    doc = nlp(_make_doc(nlp, text, date))
    return doc_to_article(doc, title=clean_title(title), given=date, original=given)


def _normalise(
    item: ArticleInput, published: dt.date | None
) -> tuple[str, str, dt.date | None, str | None]:
    """(text to analyse, text as given, date, title) of one input."""
    if isinstance(item, str):
        return validate_text(item), item, published, None
    given = item.get("text")
    text = validate_text(given)
    date = parse_date(item.get("published")) if item.get("published") else published
    return text, given, date, clean_title(item.get("title"))


def analyze_many(
    items: Iterable[ArticleInput],
    *,
    published: dt.date | str | None = None,
    nlp: Language | None = None,
    batch_size: int = 16,
) -> Iterator[Article]:
    """Analyse many articles with ``nlp.pipe``, yielding ``Article`` objects in order.

    Args:
        items: texts, or mappings with ``text`` and optional ``published`` and ``title``.
        published: the date for items that do not carry their own.
        nlp: a pipeline from ``build_pipeline()``; the shared one when None.
        batch_size: texts per batch given to the model (at least 1).

    Raises:
        NewslensError: ``batch_size`` is below 1 (raised at once), or an item cannot be
            analysed (raised when that item is reached).
    """
    if isinstance(batch_size, bool) or not isinstance(batch_size, int) or batch_size < 1:
        raise NewslensError(f"batch_size must be a whole number, at least 1, not {batch_size!r}.")
    default = parse_date(published)
    return _analyze_stream(items, default, nlp or get_pipeline(), batch_size)


def _analyze_stream(
    items: Iterable[ArticleInput], default: dt.date | None, nlp: Language, batch_size: int
) -> Iterator[Article]:
    # nlp.pipe yields in input order, so each article's date and title wait in a queue
    # only as long as its text is in flight.
    metas: deque[tuple[str, dt.date | None, str | None]] = deque()

    def docs():
        for item in items:
            text, given, date, title = _normalise(item, default)
            metas.append((given, date, title))
            yield _make_doc(nlp, text, date)

    for doc in nlp.pipe(docs(), batch_size=batch_size):
        given, date, title = metas.popleft()
        yield doc_to_article(doc, title=title, given=date, original=given)
