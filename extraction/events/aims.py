"""Targets the parse of a trigger does not give: whom a demand wants removed, a threat's
condition, what a named act struck, the actor's own forces sent somewhere (no target), the
parties of the clause a meeting noun is the occasion of, and the state a show of force is
held around. Split from ``targets``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from spacy.tokens import Token

from .. import resources
from .docindex import Arg, DocIndex
from .frame import CONDITION_MARKS, Frame
from .groups import resolve
from .lexicon import Entry
from .resolve import resolve_one
from .syntax import _children, _demanded, _is_verbal, _owners, _prep_objects, _subject
from .targets import _first_party, _is_place, _party_args
from .words import (
    DRILL_NOUNS,
    FORCE_SHOW_PREPS,
    HOME_NOUNS,
    PERSONAL_REMOVALS,
    SECTOR_NOUNS,
    SENDING_VERBS,
    TARGETING_VERBS,
    UNDERGONE_NOUNS,
)


def _removal_targets(index: DocIndex, tok: Token) -> list[Arg]:
    """Whom a demand wants removed: "called for the resignation of X", "demanded X's
    arrest" give X; [] when the demand names no one."""
    for obj in _demanded(tok):
        if obj.lemma_.lower() not in PERSONAL_REMOVALS:
            continue
        for head in _owners(obj)[:1]:
            found = _first_party([_party_args(index, head)], sectors=False)
            if found:
                return found
            arg = resolve_one(index, head, depth=1)
            if arg.entity is not None or head.lemma_.lower() in HOME_NOUNS:
                return [arg]
    return []


def _condition_targets(index: DocIndex, frame: Frame, actors: list[Arg]) -> list[Arg]:
    """A threat's target when the text names it only in its condition ("threatened to stop
    the talks if the United States goes ahead", "... unless Baghdad accepted")."""
    exclude = frozenset(a.entity for a in actors if a.entity)
    heads = [frame.trigger]
    for _ in range(2):
        heads.extend(c for h in list(heads) for c in h.children
                     if c.dep_ in ("xcomp", "ccomp") and c not in heads)
    for head in heads:
        for clause in _children(head, "advcl"):
            if any(m.dep_ == "mark" and m.lower_ in CONDITION_MARKS for m in clause.children):
                subj, _ = _subject(clause)
                if subj is not None:
                    found = _first_party([_party_args(index, subj)], exclude, sectors=False)
                    if found:
                        return found
    return []


def _struck_targets(index: DocIndex, noun: Token) -> list[Arg]:
    """The parties an act named as a subject was aimed at: "The sanctions, announced on
    Friday, target three Venezuelan officials", "Israeli air strikes hit Hamas positions".
    Only when the act's own phrase names no party acted upon."""
    verb = noun.head
    if noun.dep_ != "nsubj" or verb.lemma_.lower() not in TARGETING_VERBS or \
            not _is_verbal(verb):
        return []
    heads = _children(verb, "dobj") + [p for prep in _children(verb, "prep")
                                        if prep.lower_ in ("at", "on", "against")
                                        for p in _children(prep, "pobj")]
    return [a for head in heads for a in resolve(index, head)
            if (a.named or a.kind == "group") and not _is_place(a)]


def _without_own_forces(index: DocIndex, tok: Token, targets: list[Arg],
                        actors: Sequence[Arg]) -> list[Arg]:
    """``targets`` without the actor's own forces sent somewhere (``_own_forces``), when the
    rule ``own_forces`` is on."""
    if "own_forces" not in index.rules:
        return targets
    return [t for t in targets if not _own_forces(index, tok, t, actors)]


def _own_forces(index: DocIndex, tok: Token, arg: Arg, actors: Sequence[Arg]) -> bool:
    """True when an argument is the actor's own forces sent somewhere: the object of a verb
    of sending ("committed ground troops", "plans to deploy 3,000 marines"), a military noun
    whose words name no country but the actor's. Such forces are what is sent, not whom
    the act is aimed at."""
    verbs = [tok] + [c for c in tok.children if c.dep_ == "xcomp"]
    if not any(v.lemma_.lower() in SENDING_VERBS for v in verbs):
        return False
    head = index.doc[arg.head]
    lemma = head.lemma_.lower()
    if head.dep_ not in ("dobj", "conj", "appos") or "military" not in (
            SECTOR_NOUNS.get(lemma), SECTOR_NOUNS.get(lemma.rstrip("s"))):
        return False
    own = {a.country for a in actors if a.country}
    named = {resources.country_for_name(w.text) for w in head.subtree} - {None}
    return not named - own


#: Prepositions of a time or occasion that a meeting named by a noun can open a clause with
#: ("After talks with Japan, China agreed ...", "At a news conference with Gore, ...").
OCCASION_PREPS = frozenset({"after", "before", "during", "following", "at", "in", "ahead"})


def _occasion_host(index: DocIndex, tok: Token) -> list[Arg]:
    """The parties of the clause a meeting noun is the occasion of: the subject of the verb
    its "after", "at" or "during" phrase hangs on ("After a meeting with the king, the
    president said ...": the president met the king). Empty when the noun is not in such
    a phrase or the verb has no active subject."""
    prep = tok.head
    if tok.dep_ != "pobj" or prep.dep_ != "prep" or prep.lower_ not in OCCASION_PREPS or \
            not _is_verbal(prep.head):
        return []
    subj, passive = _subject(prep.head)
    if subj is None or passive:
        return []
    return _party_args(index, subj)


#: Verbs that judge an act rather than do it; the one the act is done to is not their target.
JUDGING_TYPES = frozenset({"SUPPORT", "ACCUSE", "DISAPPROVE", "REJECT", "PROTEST"})


def _without_patients(index: DocIndex, verb: Token, etype: str,
                      targets: list[Arg]) -> list[Arg]:
    """A verb that judges an act done to someone does not aim at that someone: "welcomed
    Ortega's ouster" is no support for Ortega, "condemned the arrest of the envoy" no
    accusation of the envoy (rule ``undergone_possessor``; ``undergone_nouns``). Drops the
    targets the act's noun or its patient (possessor, or "of" object) gave."""
    if "undergone_possessor" not in index.rules or etype not in JUDGING_TYPES:
        return targets
    patients: set[int] = set()
    for obj in _children(verb, "dobj"):
        if obj.lemma_.lower() not in UNDERGONE_NOUNS:
            continue
        whom = _prep_objects(obj, "of") or _children(obj, "poss")
        if whom:
            patients.add(obj.i)
            patients.update(t.i for w in whom for t in w.subtree)
    return [t for t in targets if t.head not in patients] if patients else targets


#: Nouns of setting people free: whoever a demand for one names is held by someone else.
RELEASE_NOUNS = frozenset({"release", "freedom", "freeing"})
#: A demand for someone's freedom is support for them, as mild as a statement of support.
RELEASE_SUPPORT = 0.3
RELEASE_ENTRY = Entry("release", "N", "SUPPORT", RELEASE_SUPPORT, (), frozenset())


def _release_demands(index: DocIndex, frames: Sequence[Frame]) -> list[Frame]:
    """Demanding someone's release is siding with them: "the EU called for the release of
    the jailed activist", "demanded the immediate release of the detained opposition
    leaders" are for the people held. They leave the demand's targets, which keep whoever
    holds them ("urged Iran to release ...", "... held by Hamas"); a demand left with no one
    is no stance against anyone. A SUPPORT frame from the demand's actors is added, on the
    release noun."""
    out: list[Frame] = []
    for frame in frames:
        if frame.type != "REQUEST":
            continue
        for noun in _demanded(frame.trigger):
            if noun.lemma_.lower() not in RELEASE_NOUNS:
                continue
            whom = _owners(noun)
            holders = [p for head in whom for clause in _children(head, "acl", "relcl")
                       for agent in _children(clause, "agent") for p in _children(agent, "pobj")]
            holding = {t.i for h in holders for t in h.subtree}
            holder_args = [a for h in holders for a in resolve(index, h) if a.is_party]
            kept = {(a.entity, a.country) for a in holder_args}
            held = [a for head in whom for a in resolve(index, head)
                    if a.is_party and (a.entity, a.country) not in kept]
            if not held:
                continue
            words = {t.i for t in noun.subtree} - holding
            frame.targets = [t for t in frame.targets if t.head not in words] or holder_args
            if not frame.targets:
                frame.entry = replace(frame.entry, flags=frame.entry.flags | {"nostance"})
            support = Frame(noun, RELEASE_ENTRY, "SUPPORT", RELEASE_SUPPORT,
                            list(frame.actors), held)
            support.modality, support.mode = frame.modality, frame.mode
            out.append(support)
    return out


#: The intensity of a show of force: drills held around another state (MOBILIZE).
SHOW_OF_FORCE_INTENSITY = -0.4


def _show_of_force(index: DocIndex, frame: Frame) -> Arg | None:
    """The state a party's drills are held around, near or off ("China held drills around
    Taiwan", "Venezuelan exercises near the Guyanese border"): a show of force against it,
    not the joint exercise of partners ("drills with Japan", "South Korea and the United
    States staged joint drills"). None when the frame is no such drill."""
    tok = frame.trigger
    if tok.pos_ != "NOUN" or tok.lemma_.lower() not in DRILL_NOUNS or len(frame.actors) != 1:
        return None
    phrases = [c for c in tok.children if c.dep_ == "prep"]
    if tok.dep_ in ("dobj", "pobj") and _is_verbal(tok.head):
        phrases += [c for c in tok.head.children if c.dep_ == "prep" and c.i > tok.i]
    if tok.dep_ == "pobj" and _is_verbal(tok.head.head):
        # "warships swarmed around Taiwan in drills": the verb the drills are the setting of.
        phrases += [c for c in tok.head.head.children if c.dep_ == "prep"]
    if any(p.lower_ == "with" for p in phrases):
        return None
    own = frame.actors[0].country
    for prep in phrases:
        if prep.lower_ not in FORCE_SHOW_PREPS:
            continue
        for place in _children(prep, "pobj"):
            for head in (place, *(c for c in place.children if c.dep_ in ("amod", "compound"))):
                found = resolve_one(index, head)
                if found.country and found.country != own:
                    return Arg(found.head, found.text, found.kind, found.entity,
                               found.country, None, None, found.label)
    return None
