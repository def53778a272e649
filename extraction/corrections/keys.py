"""The keys that name a correction's item so that it survives a re-analysis of the same text,
and the items named for people (see ``extraction.corrections``)."""

from __future__ import annotations

import hashlib
import itertools

from ..model import Article, Entity, Event, Mention, Stance


def _fold(text: str) -> str:
    return " ".join(text.split()).casefold()


def text_key(text: str) -> str:
    """The key of a text however it is spaced or capitalised: a 32-digit hex hash."""
    return hashlib.sha256(_fold(text).encode("utf-8")).hexdigest()[:32]


def entity_key(entity: Entity) -> str:
    """An entity's stable key: its canonical name, spacing and case folded."""
    return _fold(entity.canonical)


class _Positions:
    """Character offsets of a text as counts of the non-space characters before them."""

    def __init__(self, text: str) -> None:
        self._counts = [0, *itertools.accumulate(not c.isspace() for c in text)]

    def __call__(self, offset: int) -> int:
        return self._counts[max(0, min(offset, len(self._counts) - 1))]


def mention_key(article: Article, mention: Mention, positions: _Positions | None = None
                ) -> str:
    """A mention's stable key: its start in non-space characters, and its words."""
    where = (positions or _Positions(article.text))(mention.start_char)
    return f"{where}:{_fold(mention.text)}"


def event_key(article: Article, event: Event, positions: _Positions | None = None) -> str:
    """An event's stable key: its trigger's start in non-space characters, and its words."""
    where = (positions or _Positions(article.text))(event.trigger.start_char)
    return f"{where}:{_fold(event.trigger.text)}"


def stance_key(stance: Stance) -> str:
    """A stance's stable key: ``holder|canonical target``."""
    return f"{stance.holder}|{stance.target_key or stance.target}"


def event_label(event: Event) -> str:
    """An event named for people: its type, trigger and the start of its sentence."""
    sentence = " ".join(event.sentence.text.split())
    if len(sentence) > 60:
        sentence = sentence[:59] + "…"
    return f"{event.type} '{event.trigger.text}': {sentence}"


def stance_label(stance: Stance) -> str:
    """A stance named for people."""
    return f"{stance.holder} {stance.polarity} {stance.target}"
