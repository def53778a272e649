"""The two phrase matchers of the entities component and the matches they find.

The gazetteer matcher (case-sensitive) finds the names ``extraction.resources.gazetteer()``
lists: countries and their abbreviations, demonyms, capitals, seats of government, regions,
international and other well-known organisations and known office holders. The title
matcher (any case) finds titles ("Secretary of State", "foreign minister") and the role each
stands for.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import TypeVar

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc

from ..resources import gazetteer, title_roles
from .mentions import Candidate

# When one surface form is in several lists, the kind earlier here wins.
KIND_PRIORITY = ("country", "capital", "seat", "igo", "org", "region", "people", "demonym",
                 "actor")
_PRIORITY = {kind: rank for rank, kind in enumerate(KIND_PRIORITY)}
_T = TypeVar("_T")
#: Dotted initials ("U.S.", "U.N.", "D.P.R.K."); news copy that spaces them ("U. S.") splits
#: them into one token per letter, which the unspaced pattern cannot match.
_DOTTED_INITIALS = re.compile(r"\b(?:[A-Z]\.){2,}")


def spaced_variants(text: str) -> list[str]:
    """``text`` and, when it holds dotted initials, the same with a space after each inner
    period ("U.S. Army" -> "U. S. Army"), the way some news copy writes them."""
    spaced = _DOTTED_INITIALS.sub(lambda m: m.group(0).replace(".", ". ").rstrip(), text)
    return [text] if spaced == text else [text, spaced]


def build_matchers(nlp: Language) -> tuple[PhraseMatcher, PhraseMatcher]:
    """Build the gazetteer matcher (case-sensitive) and the title matcher (any case).

    Args:
        nlp: the pipeline whose tokenizer and vocab the patterns use.

    Returns:
        ``(gazetteer_matcher, title_matcher)``; match ids name the kind, key and label
        ("country\\tUSA\\tGPE") or the role ("foreign minister").
    """
    gaz = PhraseMatcher(nlp.vocab, attr="ORTH")
    by_rule: dict[str, list[str]] = {}
    for entry in gazetteer():
        by_rule.setdefault(f"{entry.kind}\t{entry.key or ''}\t{entry.label}", []).extend(
            spaced_variants(entry.text)
        )
    for rule, texts in by_rule.items():
        gaz.add(rule, list(nlp.tokenizer.pipe(texts)))
    titles = PhraseMatcher(nlp.vocab, attr="LOWER")
    by_role: dict[str, set[str]] = {}
    for title, role in title_roles().items():
        by_role.setdefault(role, set()).add(title.lower())
    for role, texts in by_role.items():
        titles.add(role, list(nlp.tokenizer.pipe(sorted(texts))))
    return gaz, titles


def gazetteer_matches(doc: Doc, matcher: PhraseMatcher) -> list[Candidate]:
    """Return the gazetteer matches in ``doc`` in text order, without overlaps: where
    matches overlap the longest wins, then the kind earlier in ``KIND_PRIORITY``."""
    strings = doc.vocab.strings
    found = []
    for match_id, start, end in matcher(doc):
        kind, key, label = strings[match_id].split("\t")
        found.append(Candidate(start, end, label, kind, key or None))
    found.sort(key=lambda m: (m.start - m.end, _PRIORITY.get(m.kind, 99), m.start))
    chosen = _disjoint(found, len(doc), lambda m: (m.start, m.end))
    chosen.sort(key=lambda m: m.start)
    return chosen


def title_spans(doc: Doc, matcher: PhraseMatcher) -> list[tuple[int, int, str]]:
    """Return ``(start, end, role)`` for each title in ``doc``, longest first where they
    overlap ("Secretary of State" rather than "Secretary")."""
    strings = doc.vocab.strings
    spans = sorted(((s, e, strings[m]) for m, s, e in matcher(doc)), key=lambda t: (t[0] - t[1],
                                                                                      t[0]))
    out = _disjoint(spans, len(doc), lambda t: (t[0], t[1]))
    out.sort()
    return out


def _disjoint(ordered: Sequence[_T], length: int,
              bounds: Callable[[_T], tuple[int, int]]) -> list[_T]:
    """The items of ``ordered`` (best first) that share no token with a better one kept;
    ``bounds`` gives an item's token range and ``length`` the document's."""
    taken = [False] * length
    kept = []
    for item in ordered:
        start, end = bounds(item)
        if any(taken[start:end]):
            continue
        for i in range(start, end):
            taken[i] = True
        kept.append(item)
    return kept
