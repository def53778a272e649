"""Help an act is done with: "American jets hit radar sites with support from Britain",
"Saudi jets struck with the backing of the United States" (rule ``backing_phrase``).

Whoever gives the help backs the one who acts: the help is a SUPPORT event from the helper
to the doer, and neither the help nor the helper is a target of the act itself.
"""

from __future__ import annotations

from spacy.tokens import Token

from .docindex import Arg, DocIndex
from .groups import resolve
from .syntax import _children, _is_verbal, _subject
from .words import BACKING_NOUNS


def backing_verb(noun: Token) -> Token | None:
    """The act a help noun comes with ("hit ... with support from Britain": "hit"), or
    None when the noun is no such help."""
    if noun.lemma_.lower() not in BACKING_NOUNS or noun.dep_ != "pobj":
        return None
    prep = noun.head
    if prep.lower_ != "with":
        return None
    host = prep.head
    if not _is_verbal(host) and host.dep_ in ("dobj", "pobj") and _is_verbal(host.head):
        # "struck Houthi positions with the backing of X": the parser may hang the phrase
        # on the act's object.
        host = host.head
    return host if _is_verbal(host) else None


def is_backing(tok: Token) -> bool:
    """True for the object of "with" that is help the act comes with."""
    return backing_verb(tok) is not None


def _parties(index: DocIndex, toks: list[Token]) -> list[Arg]:
    return [a for t in toks for a in resolve(index, t) if a.is_party and a.named]


def backing_parties(index: DocIndex, noun: Token) -> tuple[list[Arg], list[Arg]] | None:
    """(helpers, helped) of a help noun an act comes with: the parties it comes from ("from
    Britain", "of the United States", "Britain's") and the act's doer; None when the noun
    is no such help or names no helper."""
    verb = backing_verb(noun)
    if verb is None:
        return None
    sources = [p for prep in _children(noun, "prep") if prep.lower_ in ("from", "of", "by")
               for p in _children(prep, "pobj")] + _children(noun, "poss")
    helpers = _parties(index, sources)
    if not helpers:
        return None
    subj, passive = _subject(verb)
    helped = _parties(index, [subj]) if subj is not None and not passive else []
    return helpers, helped
