"""What an event argument resolves to (``Arg``), the per-document lookups the rules share
(``DocIndex``, built by ``arguments.build_index``), and the phrase helpers under them:
the core of a noun phrase, its text, datelines, names shared by actors of one country.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from spacy.tokens import Doc, Token

from .. import resources

# Dependents that belong to the core of a noun phrase (not clauses or attachments).
CORE_DEPS = frozenset({"compound", "amod", "poss", "nmod", "nummod", "det", "quantmod", "case",
                       "predet", "npadvmod", "advmod"})
# Dashes that end a dateline ("OSLO, Norway —").
DATELINE_DASHES = frozenset({"\u2014", "\u2013", "-", "--"})


# A plain record: its optional `str | None` fields look like model.Event's in form only.
@dataclass(frozen=True)
class Arg:
    """A resolved argument: its head token, surface text and what it refers to.

    ``kind`` is ``entity`` (a newslens entity), ``country`` (a country named without an
    entity), ``igo``, ``group`` (several states without one code), or ``other``.
    """

    head: int
    text: str
    kind: str
    entity: str | None = None
    country: str | None = None
    sector: str | None = None
    igo: str | None = None
    label: str | None = None

    @property
    def named(self) -> bool:
        """True when the argument names who it is: an entity, a country or an organisation
        of states (a sector alone, "the rebels", does not)."""
        return bool(self.country or self.igo or self.entity)

    @property
    def is_party(self) -> bool:
        """True when the argument names someone a stance can be held by or about."""
        return self.kind != "other" or self.sector is not None


@dataclass
class DocIndex:
    """Per-document lookups built once: token -> entity, quotes, pronoun antecedents."""

    doc: Doc
    entities: dict[str, dict[str, Any]]
    token_entity: list[str | None]
    in_quote: list[bool]
    last_person: list[str | None]
    last_thing: list[str | None]
    published: str | None = None
    # Token index of the last plural noun subject before each token ("Kenyan troops").
    last_plural: list[int | None] = field(default_factory=list)
    # Tokens of datelines ("OSLO, Norway —"): where the story was filed, not who acts.
    dateline: frozenset[int] = frozenset()
    # Names of the argument rules in force (``ARGUMENT_RULES``).
    rules: frozenset[str] = frozenset()
    # Each entity's first token: the head of its first mention found in the text.
    first_token: dict[str, int] = field(default_factory=dict)
    # Built on first use: for each word of an organisation's name, the tokens where such
    # organisations are mentioned, in text order (``references.named_institution``).
    name_words: dict[str, list[tuple[int, str]]] | None = None
    # Built on first use, per kind of word ("document", "organ"): where each such word is
    # written, by lemma, in text order (``references.earlier_mentions``).
    word_positions: dict[str, dict[str, list[int]]] = field(default_factory=dict)

    def entity_at(self, i: int) -> dict[str, Any] | None:
        eid = self.token_entity[i]
        return self.entities.get(eid) if eid else None


def datelines(doc: Doc, *, width: int = 10) -> frozenset[int]:
    """Token indices of datelines: at the start of the text or of a paragraph, a place name
    in capitals, up to a dash within ``width`` tokens ("OSLO, Norway \u2014",
    "BANJA LUKA (Reuters) -")."""
    out: set[int] = set()
    for tok in doc:
        if not (tok.i == 0 or "\n" in doc[tok.i - 1].text_with_ws or doc[tok.i - 1].is_space):
            continue
        if tok.is_space or not (tok.is_upper and len(tok.text) > 1 and tok.is_alpha):
            continue
        for j in range(tok.i + 1, min(tok.i + width, len(doc))):
            if doc[j].text in DATELINE_DASHES:
                out.update(range(tok.i, j + 1))
                break
            if "\n" in doc[j].text_with_ws:
                break
    return frozenset(out)


def core_tokens(head: Token) -> list[Token]:
    """The head of a noun phrase with its modifiers, without clauses or attachments."""
    out = [head]
    stack = [head]
    while stack:
        tok = stack.pop()
        for child in tok.children:
            if child.dep_ in CORE_DEPS:
                out.append(child)
                stack.append(child)
    return sorted(out, key=lambda t: t.i)


def phrase_text(tokens: Sequence[Token]) -> str:
    """Surface text of tokens, contiguous or not, without leading determiners."""
    if not tokens:
        return ""
    toks = list(tokens)
    while toks and (toks[0].dep_ == "det" and toks[0].lower_ in ("the", "a", "an", "this", "that")
                    or toks[0].lower_ in ("only", "just", "even", "also")):
        toks = toks[1:]
    if not toks:
        return ""
    doc = toks[0].doc
    first, last = toks[0].i, toks[-1].i
    if last - first + 1 == len(toks):
        return doc[first:last + 1].text
    return " ".join(t.text for t in toks)


@lru_cache(maxsize=1)
def _actor_names() -> dict[str, frozenset[str]]:
    """Surface form of a known office holder -> the canonical names it may stand for."""
    names: dict[str, set[str]] = {}
    for entry in resources.gazetteer():
        if entry.kind == "actor" and entry.key:
            names.setdefault(resources.normalize_name(entry.text), set()).add(entry.key)
    return {k: frozenset(v) for k, v in names.items()}


@lru_cache(maxsize=4096)
def shared_name_country(name: str) -> str | None:
    """The country of a name several office holders share ("Bush", "Papandreou") when they
    all held office for the same country; None when unknown or the country differs.

    Args:
        name: a person's name as the text gives it.
    """
    canon = _actor_names().get(resources.normalize_name(name))
    if not canon or len(canon) < 2:
        return None
    countries = set()
    for person in canon:
        actor = resources.actor_lookup(person)
        countries.add(actor.country if actor is not None else None)
    return countries.pop() if len(countries) == 1 else None


def _children_of(tok: Token, dep: str) -> list[Token]:
    return [c for c in tok.children if c.dep_ == dep]
