"""Triggers that name no act of their own: the noun a reacting verb's row needs ("lodged a
protest"), what a reversing verb takes away ("suspended its budget support"), the clause a
control verb folds in, and the verb that only ends an act its object names ("halted the
offensive")."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from .lexicon import COOPERATIVE, Entry
from .syntax import _complement, _depth, _is_verbal, _partitive_head, _prep_objects
from .words import CEASE_VERBS

# Verbs that take away what their object noun names ("suspended aid", "rejected talks").
REVERSING = frozenset({"SANCTION", "REJECT"})
# Verbs of these types react to an act named by their object; they do not perform it
# ("condemned the attack", "protested the arrest", "demanded the withdrawal").
REACTIONS = frozenset({"ACCUSE", "REJECT", "PROTEST", "REQUEST"})
# Acts whose ending is a retreat ("halted its offensive", "lifted the sanctions").
HOSTILE = frozenset({"ASSAULT", "COERCE", "SANCTION", "THREATEN"})


def _named_by_its_verb(tok: Token, entry: Entry, found: dict[int, Entry]) -> bool:
    """True for a noun trigger that is the object a reacting verb's row needs ("lodge
    protest"); "imposed sanctions on X" keeps its noun, which holds the target."""
    head = found.get(tok.head.i)
    return entry.pos == "N" and tok.dep_ == "dobj" and head is not None and \
        head.type in REACTIONS and tok.lemma_.lower() in head.needs


def _only_ends(tok: Token, found: dict[int, Entry]) -> bool:
    """True for a verb of ending, read as a hostile act of its own, whose object is a hostile
    act named by a noun ("halted its offensive", "suspended the sanctions"): the ended act,
    a retreat, is the one event. A verb whose row says the ending itself ("lifted a
    curfew", a concession) keeps it."""
    return _is_verbal(tok) and tok.lemma_.lower() in CEASE_VERBS and \
        found[tok.i].type in HOSTILE and any(
        c.dep_ == "dobj" and c.i in found and found[c.i].pos == "N" and
        found[c.i].type in HOSTILE for c in tok.children)


def _absorbed(doc: Doc, found: dict[int, Entry]) -> tuple[set[int], dict[int, Token]]:
    """The triggers that name no act of their own (what a reversing verb refuses, the clause
    a control verb folds in) and the complement clause of each control verb."""
    # "lodged a protest": the verb's row names the act with its noun.
    absorbed = {i for i, entry in found.items() if _named_by_its_verb(doc[i], entry, found)
                or _only_ends(doc[i], found)}
    for i, entry in sorted(found.items()):
        tok = doc[i]
        head = found.get(tok.head.i)
        if entry.pos != "N" or entry.type not in COOPERATIVE:
            continue
        part = _partitive_head(tok)
        if part is not None:
            # "suspended part of its aid": what is refused is the aid.
            head = found.get(part.head.i) if part.dep_ == "dobj" else None
        if (tok.dep_ == "dobj" or part is not None) and head is not None and \
                head.type in REVERSING or (tok.dep_ == "conj" and tok.head.i in absorbed):
            # "suspended its budget support", "rejected the proposal": the noun is what is
            # refused, not an act of its own.
            absorbed.add(i)
    complements: dict[int, Token] = {}
    for i in sorted(found, key=lambda i: _depth(doc[i])):
        entry = found[i]
        if i in absorbed or not entry.control:
            continue
        comp = _complement(doc[i])
        if comp is None and entry.intent:
            # "committed to a strike against Iraq", "pledged to a ceasefire": a promise
            # whose object is an act named by a noun.
            comp = next((p for p in _prep_objects(doc[i], "to") if p.i in found), None)
        # (A promise's further acts stay events of their own, planned: "promised to withdraw
        # and release the prisoners".)
        more = [] if entry.intent else _more_complements(doc[i], comp)
        if comp is None and more:
            # "called on Belgrade to de-escalate and to pull back", the first clause
            # misparsed: the infinitive hung on the control verb is its clause.
            comp, more = more[0], more[1:]
        if comp is not None:
            complements[i] = comp
            absorbed.update(c.i for c in (comp, *more) if c.i in found)
    return absorbed, complements


def _more_complements(verb: Token, comp: Token | None) -> list[Token]:
    """The further clauses a control verb folds in with its first that the parser hangs on
    the control verb itself ("called on Belgrade to de-escalate and to pull its troops
    back"). (Those coordinated with the first clause, "urged Russia to halt its strikes
    and withdraw its forces", stay acts of their own, done by the one asked and asked
    for: ``_controller``, ``_requested``.)"""
    first = comp.i if comp is not None else verb.i
    return [c for c in verb.children if c.dep_ == "conj" and c.i > first and
            any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)]
