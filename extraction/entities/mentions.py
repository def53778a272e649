"""The records the entities component works on, and how a mention is written.

``Candidate`` is one name mention being resolved, ``Group`` the mentions of one referent.
The functions here read a mention's words: as written (``text_of``, ``longest_text``), as a
person's full name (``person_parts``), as an acronym, and whether a model span is broken by
punctuation no name has. Every other module of ``extraction.entities`` builds on them.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Protocol, TypeVar

from spacy.tokens import Doc, Token

from ..resources import Actor
from .words import HONORIFICS, NAME_PARTICLES, TITLE_FILLERS

ARTICLES = frozenset({"the", "The", "THE", "a", "A", "an", "An"})
POSSESSIVES = frozenset({"'s", "'", "\u2019s", "\u2019", "'S"})


@dataclass
class Candidate:
    """A name mention being resolved: token offsets, label and where it came from.

    ``kind`` is "model" for a model entity, else the gazetteer kind; ``key`` the
    gazetteer key (ISO-3 code, organisation key or actor name); ``inner`` the countries
    named inside a model span that outranked a gazetteer match ("U.S. Embassy").
    """

    start: int
    end: int
    label: str
    kind: str = "model"
    key: str | None = None
    inner: list[str] = field(default_factory=list)
    written: str | None = field(default=None, repr=False, compare=False)


@dataclass
class Group:
    """The mentions of one referent, with what was decided about it."""

    key: tuple[str, str]
    mentions: list[Candidate]
    label: str = ""
    canonical: str = ""
    country: str | None = None
    role: str | None = None
    actor: Actor | None = None


def text_of(doc: Doc, mention: Candidate) -> str:
    """The mention as written ("Moon Jae-in"), without a leading article or honorific."""
    if mention.written is None:
        start = mention.start
        while start < mention.end - 1 and (doc[start].text in ARTICLES
                                           or doc[start].text in HONORIFICS):
            start += 1
        mention.written = doc[start:mention.end].text
    return mention.written


def longest_text(doc: Doc, mentions: Sequence[Candidate]) -> str:
    """The longest way the text writes a name, preferring normal case to a dateline's
    capitals, without a leading article or honorific."""
    best = max(mentions, key=lambda m: (not doc[m.start:m.end].text.isupper(),
                                        len(name_words(doc, m)),
                                        len(doc[m.start:m.end].text), -m.start))
    words = doc[best.start:best.end]
    start = 0
    while start < len(words) - 1 and (words[start].text in ARTICLES or
                                      words[start].text in HONORIFICS):
        start += 1
    text = words[start:].text
    return text.title() if text.isupper() and len(text) > 4 else text


def name_words(doc: Doc, mention: Candidate) -> list[str]:
    words = [t.text for t in doc[mention.start:mention.end]]
    while len(words) > 1 and (words[0] in ARTICLES or words[0] in HONORIFICS):
        words = words[1:]
    return words


def person_parts(doc: Doc, mention: Candidate) -> list[str]:
    """The words of a mention when it looks like a person's full name ("Juan Guaido",
    "Moon Jae-in"), else an empty list ("pro-Beijing", "Pro-Beijing DAB")."""
    parts = text_of(doc, mention).split()
    if len(parts) < 2:
        return []
    for part in parts:
        part = part.strip("\"'\u201c\u201d()")
        if part in NAME_PARTICLES:
            continue
        if not part[:1].isupper() or is_acronym(part):
            return []
    return parts


def is_acronym(word: str) -> bool:
    letters = [c for c in word if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters) and " " not in word


def describes(token: Token) -> bool:
    """A lower-case descriptive word inside a title phrase ("foreign", "ministry", "spy")."""
    if token.lower_ in TITLE_FILLERS:
        return True
    if not (token.is_alpha and token.is_lower) or token.is_stop:
        return False
    return token.pos_ in ("", "NOUN", "ADJ", "PROPN")


def country_of(mention: Candidate) -> str | None:
    if mention.kind in ("country", "demonym", "capital", "seat", "city") and mention.key:
        return mention.key
    return None


def place_code(mention: Candidate) -> str | None:
    return country_of(mention) or (f"igo:{mention.key}" if mention.kind == "igo" else None)


def trim_edges(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """Shrink a token range past punctuation and whitespace at either end."""
    while start < end and (doc[start].is_punct or doc[start].is_space):
        start += 1
    while end > start and (doc[end - 1].is_punct and doc[end - 1].text != "."
                           or doc[end - 1].is_space):
        end -= 1
    return start, end


def is_broken(doc: Doc, mention: Candidate) -> bool:
    """True for a model span that runs across a dateline dash, a line break or a comma
    ("BRUSSELS - The European Union"): no name looks like that."""
    for token in doc[mention.start:mention.end]:
        if "\n" in token.text or token.text in (",", ";", ":", "(", ")", "\u2014", "\u2013"):
            return True
        if token.text == "-" and (token.whitespace_ or (token.i > 0 and
                                                         doc[token.i - 1].whitespace_)):
            return True
    return False


class _Ranged(Protocol):
    @property
    def start(self) -> int: ...

    @property
    def end(self) -> int: ...


_R = TypeVar("_R", bound=_Ranged)


def without_overlaps(mentions: list[_R]) -> list[_R]:
    """Sort ``mentions`` (candidates or spans) in place by start, longest first, and return
    them without any that overlaps one kept before it."""
    mentions.sort(key=lambda m: (m.start, m.start - m.end))
    out: list[_R] = []
    for m in mentions:
        if out and m.start < out[-1].end:
            continue
        out.append(m)
    return out


def covered(length: int, ranges: Iterable[tuple[int, int]]) -> list[bool]:
    """One flag per token of a document of ``length`` tokens: True inside any of the
    ``(start, end)`` token ranges."""
    taken = [False] * length
    for start, end in ranges:
        for i in range(start, end):
            taken[i] = True
    return taken
