"""Who may be a party to an event: a named party or a thing, the media as a source and not
an actor, people who dissent, and how arguments pair up into actor x target events.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence

from spacy.tokens import Doc, Token

from .dates import SPEAKER_NOUNS
from .docindex import Arg, DocIndex
from .frame import Frame
from .references import is_own_personnel, is_speech_verb
from .syntax import _agent, _children, _governing_verb, _is_verbal, _subject
from .words import (
    ACT_NOUNS,
    CITIZEN_NOUNS,
    DOCUMENT_NOUNS,
    HAZARD_NOUNS,
    HELPING_VERBS,
    JOINT_UNDERTAKINGS,
    LEFT_BODIES,
    NEWS_NOUNS,
    PLACE_MARKS,
    PRESS_NAME_WORDS,
    STATE_WORDS,
    THING_NOUNS,
    UNMET_NOUNS,
)


def _named_itself(index: DocIndex, arg: Arg) -> bool | None:
    """For an argument headed by its own entity: whether that is a person, organisation,
    state or people; for one headed by a pronoun: whether it refers to a party; None for a
    common-noun head, which ``_named_party`` and ``_agentive`` judge by its word."""
    head = index.doc[arg.head]
    if arg.entity is not None and index.token_entity[head.i] == arg.entity:
        ent = index.entities.get(arg.entity) or {}
        return ent.get("label") in ("PERSON", "ORG", "GPE", "NORP")
    if head.pos_ == "PRON":
        return arg.is_party
    return None


def _named_party(index: DocIndex, arg: Arg) -> bool:
    """True when an argument names a party itself: a person, organisation, state or people
    as the head of its phrase, or a state organ, office or crowd ("the government", "police",
    "the minister"), not a thing or place of theirs ("the Amazon rainforest")."""
    itself = _named_itself(index, arg)
    if itself is not None:
        return itself
    head = index.doc[arg.head]
    lemma = head.lemma_.lower()
    return lemma in SPEAKER_NOUNS or lemma in STATE_WORDS or head.lower_ in SPEAKER_NOUNS


def _agentive(index: DocIndex, arg: Arg) -> bool:
    """True when an argument names someone who can act: a person, organisation or state
    named as such ("Sameh Shoukry", "the Turkish ministry", "Egypt", "the rebels"), not a
    thing of theirs ("an Airbus cargo plane", "the new pipeline")."""
    itself = _named_itself(index, arg)
    if itself is not None:
        return itself
    head = index.doc[arg.head]
    if head.lemma_.lower() in THING_NOUNS or head.pos_ not in ("NOUN", "PROPN"):
        return False
    ent = index.entities.get(arg.entity or "") or {}
    return arg.is_party or ent.get("label") in ("PERSON", "ORG")


def _media_source(index: DocIndex, actors: Sequence[Arg]) -> bool:
    """True when every speaker is a news outlet or a piece of the press ("the Maariv
    newspaper said", "reports said"): what it reports is the news, not its act."""
    return bool(actors) and all(_press(index, a) for a in actors)


def _press(index: DocIndex, arg: Arg) -> bool:
    """True for an outlet of the news: an entity with the media role or a name ending in a
    word of the press ("the Tehran Times", "Sputnik News"), or a word of the press as the
    head ("the newspaper", "reports", "a correspondent")."""
    ent = index.entities.get(arg.entity or "") or {}
    name = str(ent.get("canonical") or "").lower().split()
    head = index.doc[arg.head]
    return str(ent.get("role") or "") == "media" or (
        ent.get("label") == "ORG" and bool(name) and name[-1] in PRESS_NAME_WORDS) or \
        head.lemma_.lower() in NEWS_NOUNS or head.lower_ in NEWS_NOUNS


def _not_media(index: DocIndex, actors: list[Arg]) -> list[Arg]:
    """News outlets report acts; they do not commit them ("convicted of assaults, as
    reported by the Guardian"): media actors of a material act are dropped."""
    return [a for a in actors
            if str((index.entities.get(a.entity or "") or {}).get("role") or "") != "media"]


def _echoed_speech(tok: Token) -> bool:
    """A speech verb that only introduces or repeats another one of the same speaker
    ("Saying ..., the minister added ...")."""
    return tok.dep_ in ("advcl", "conj", "xcomp") and _is_verbal(tok.head) and \
        is_speech_verb(tok.head) and _subject(tok)[0] is None


def _speaking_party(actors: Sequence[Arg]) -> bool:
    """True when a speaker is a party a timeline can name: a country's person, organ or
    sector, an organisation of states or a group of states (not "a witness")."""
    return any(a.country or a.igo or a.sector or a.kind == "group" for a in actors)


def _arg_key(arg: Arg | None) -> str | None:
    if arg is None:
        return None
    return arg.entity or arg.country or arg.igo or arg.text.lower()


def _is_named_party(arg: Arg) -> bool:
    """A party named by the text; a place ("in Nairobi", "at the White House") is where,
    not whom."""
    return arg.named and not arg.text.startswith(PLACE_MARKS)


def _pairs(frame: Frame, actors: list[Arg], targets: list[Arg],
           max_pairs: int, mutual: bool = True, contested: bool = True,
           between: bool = True) -> list[tuple[Arg | None, Arg | None]]:
    """Actor x target pairs of one event, at most ``max_pairs``; a joint act of several
    named parties with no other party named ("Peru, Chile and Ecuador met") gives one
    event per ordered pair of them."""
    named = list({_arg_key(a): a for a in actors if _is_named_party(a)}.values())[:4]
    if mutual and frame.entry.mutual and len(named) >= 2 and not any(
            _is_named_party(t) and not (contested and _contested(frame, t)) for t in targets):
        return [(a, b) for a in named for b in named if _arg_key(a) != _arg_key(b)]
    if between and frame.entry.mutual and not named:
        sides = _between(frame, targets)
        if len(sides) >= 2:
            return [(a, b) for a in sides for b in sides if _arg_key(a) != _arg_key(b)]
    pairs: list[tuple[Arg | None, Arg | None]] = []
    for actor in actors or [None]:
        for target in targets or [None]:
            if actor is not None and target is not None and (
                    actor.head == target.head or
                    (actor.entity is not None and actor.entity == target.entity) or
                    _own_member(actor, target, frame.trigger.doc)):
                target = None
            pairs.append((actor, target))
    # (An actor whose own state was among the targets keeps its other targets only.)
    pairs = [p for p in pairs if p[1] is not None or not any(
        q[0] == p[0] and q[1] is not None for q in pairs)]
    return pairs[:max_pairs]


def _own_member(actor: Arg, target: Arg, doc: Doc) -> bool:
    """True when the target is the actor's own state as a member of a body the act is aimed
    at ("Mali, Burkina Faso and Niger formed the alliance": Mali formed no tie with Mali):
    a state the body's name stands for, not a party written where it stands."""
    return target.kind == "country" and target.entity is None and \
        target.country is not None and target.country == actor.country and \
        target.sector == actor.sector and doc[target.head].text not in target.text and \
        not target.text.startswith(PLACE_MARKS)


def _helping_purpose(trigger: Token) -> bool:
    """True when a deployment's purpose clause is to help ("sent 500 troops to help the
    army", "deployed forces in order to protect the government")."""
    verb = trigger if _is_verbal(trigger) else _governing_verb(trigger)
    if verb is None:
        return False
    for clause in verb.children:
        if clause.dep_ in ("advcl", "xcomp") and clause.lemma_.lower() in HELPING_VERBS and \
                any(a.lower_ == "to" for a in clause.children if a.dep_ == "aux"):
            return True
        if clause.dep_ == "prep" and clause.lower_ in ("at", "upon", "on") and any(
                p.lemma_.lower() in ("request", "invitation") for p in _children(clause, "pobj")):
            # "sent troops at the request of President X": invited, the force helps.
            return True
    return _joins_undertaking(verb)


def _joins_undertaking(verb: Token) -> bool:
    """True when a deployment goes to a joint undertaking: it takes part, it does not
    threaten (rule ``helping_deployment``)."""
    for prep in verb.children:
        if prep.dep_ in ("prep", "dative") and prep.lower_ in ("to", "for") and any(
                p.lemma_.lower() in JOINT_UNDERTAKINGS for p in _children(prep, "pobj")):
            return True
    return False


def _helping_deployment(frame: Frame) -> bool:
    """True for a deployment that helps, done or promised: "deployed troops to Mali to help
    its army", "will send troops to help", "is ready to send troops to help"."""
    mobilizing = frame.type == "MOBILIZE" or (
        frame.type == "THREATEN" and frame.entry.type == "MOBILIZE")
    promised = frame.type == "THREATEN" and frame.entry.intent and frame.clause is not None
    return mobilizing and _helping_purpose(frame.trigger) or \
        promised and _helping_purpose(frame.clause)


def _under_prep(frame: Frame, arg: Arg, preps: Collection[str]) -> bool:
    """True when one of ``preps`` lies on the parse path from the argument up to the
    trigger."""
    tok = frame.trigger.doc[arg.head]
    for _ in range(6):
        if tok.i == frame.trigger.i or tok.head.i == tok.i:
            return False
        if tok.dep_ == "prep" and tok.lower_ in preps:
            return True
        tok = tok.head
    return False


def _contested(frame: Frame, arg: Arg) -> bool:
    """True for what a joint act is over, not with ("fought for control of the city",
    "clashed over the islands"): a preposition of contention lies between it and the
    trigger."""
    return _under_prep(frame, arg, ("for", "over", "about"))


def _between(frame: Frame, targets: Sequence[Arg]) -> list[Arg]:
    """The parties of a joint act named after "between" ("talks between Greece and
    Turkey", "the clashes between the army and the rebels"), when at least two."""
    named = [t for t in targets if _is_named_party(t) and _under_prep(frame, t, ("between",))]
    return list({_arg_key(t): t for t in named}.values())[:4]


def _moves_own_people(trigger: Token) -> bool:
    """True for a withdrawal of one's own people or posts ("pulled its diplomats out")."""
    verb = trigger if _is_verbal(trigger) else _governing_verb(trigger)
    objects = _children(verb, "dobj") if verb is not None else []
    if not _is_verbal(trigger):
        objects.extend(p for c in trigger.children if c.dep_ == "prep" and c.lower_ == "of"
                       for p in _children(c, "pobj"))
    return any(is_own_personnel(o) for o in objects)


# Judgements against an act: they blame its author, never the one it was done to.
BLAMING_TYPES = frozenset({"ACCUSE", "REJECT", "PROTEST"})


def _dissenting_people(index: DocIndex, frame: Frame, actors: list[Arg],
                       targets: Sequence[Arg]) -> list[Arg]:
    """A country's people blaming, protesting against, making demands of or threatening
    their own state are its opposition: "Chinese citizens criticised their government's
    response" is ``opposition:CHN`` against China, not China against itself."""
    if frame.type not in BLAMING_TYPES | {"REQUEST", "THREATEN"}:
        return actors
    states = {t.country for t in targets if t.country and not t.sector and not t.entity or
              t.country and (index.entities.get(t.entity or "") or {}).get("label") in
              ("GPE", "NORP")}
    out = []
    for a in actors:
        label = (index.entities.get(a.entity or "") or {}).get("label")
        head = index.doc[a.head]
        people = head.lemma_.lower() in CITIZEN_NOUNS or (
            label == "NORP" and head.tag_ in ("NNS", "NNPS") and index.token_entity[head.i])
        if (a.entity is None or label in ("NORP", "GPE")) and a.sector is None and \
                a.country in states and people:
            a = Arg(a.head, a.text, a.kind, a.entity, a.country, "opposition", a.igo, a.label)
        out.append(a)
    return out


def _inert(index: DocIndex, arg: Arg) -> bool:
    """True for an actor that is a thing and names no party: an act, a weapon, a vehicle or
    a document ("the attack killed", "the proposed law would allow", "the website
    accepted"). A thing of a named country still names its author ("a US drone
    struck")."""
    if _named_itself(index, arg) is not None or arg.country or arg.igo or arg.sector:
        return False
    lemma = index.doc[arg.head].lemma_.lower()
    return lemma in THING_NOUNS or lemma in ACT_NOUNS or lemma in DOCUMENT_NOUNS


#: Acts of will a thing cannot do: "the law allows", "the licence allowing him", "orders
#: won't leave idle capacity", "the vote failed" are no concession, rejection or retreat.
WILLED_TYPES = frozenset({"CONCEDE", "REJECT", "RETREAT"})


def _inert_subject(index: DocIndex, frame: Frame) -> bool:
    """True for a verb of will whose own active subject is a thing that names no party."""
    tok = frame.trigger
    if frame.type not in WILLED_TYPES or not _is_verbal(tok):
        return False
    subj, passive = _subject(tok)
    if subj is None and tok.dep_ == "acl" and tok.tag_ == "VBG":
        # "a gun licence allowing him to buy weapons": the licence allows.
        subj, passive = tok.head, False
    if subj is None or passive:
        return False
    return _inert(index, Arg(subj.i, subj.text, "other"))


#: Acts a natural force or an illness can do: violence and coercion ("the storm killed
#: twelve", "floods destroyed homes", "the virus has infected thousands").
NATURAL_TYPES = frozenset({"ASSAULT", "COERCE"})


def _natural_cause(frame: Frame) -> bool:
    """True for violence done by a natural force or an illness ("the storm killed twelve",
    "measles has killed 70 children", "hundreds were killed by the earthquake"): a
    happening, no one's act."""
    tok = frame.trigger
    if frame.type not in NATURAL_TYPES or not _is_verbal(tok):
        return False
    subj, passive = _subject(tok)
    doer = _agent(tok) if passive else subj
    if doer is None or doer.pos_ not in ("NOUN", "PROPN"):
        return False
    phrase = "".join(ch for t in doer.doc[doer.left_edge.i:doer.i + 1] if t.dep_ != "det"
                     for ch in t.lower_ if ch.isalnum())
    return doer.lemma_.lower() in HAZARD_NOUNS or doer.lower_ in HAZARD_NOUNS or \
        phrase in HAZARD_NOUNS


#: Acts that need no named doer to be news: violence and happenings ("a bomb killed ten",
#: "the election was held"), protest by crowds ("unions organised a strike"), words ("a
#: letter to the council") and choices by voters.
DOERLESS_TYPES = frozenset({"ASSAULT", "INCIDENT", "PROTEST", "STATEMENT", "ELECT"})


def _unnamed_doer(index: DocIndex, frame: Frame, actors: Sequence[Arg],
                  targets: Sequence[Arg]) -> bool:
    """True for an act of will that names no party at all: its doer is no one ("talks were
    held", "aid was requested"), an unresolved pronoun or a common noun that is no state
    organ, office, crowd or organisation ("they asked", "the statement rejected"), and it is
    done to no named party either. Who did what to whom is the point of such an event;
    without either side it is neither on the timeline nor in a stance ("Iran was
    sanctioned" stays: it says to whom)."""
    return frame.type not in DOERLESS_TYPES and \
        not any(a.is_party or _named_party(index, a) for a in actors) and \
        not any(t.named for t in targets)


#: Verbs of setting off, a retreat only for what ``_journey`` lets through.
DEPARTURE_VERBS = frozenset({"leave", "depart"})
#: Who withdraws when they leave a place: a state, its forces, rebels, an organisation.
WITHDRAWING_SECTORS = frozenset({"military", "rebels"})


def _journey(frame: Frame, found: Mapping[int, object]) -> bool:
    """True for a departure that is a journey, not a retreat: a person or people leaving a
    place or setting off for one ("the envoy left for Damascus", "she departed in tears",
    "civilians will be allowed to leave the city"). A departure stays a retreat when a state,
    its forces, rebels or an organisation leave ("Britain must leave", "foreign troops to
    leave"), or when what is left is an office, a body or a pact ("to leave office", "left
    the coalition", "leave the EU")."""
    tok = frame.trigger
    if tok.lemma_.lower() not in DEPARTURE_VERBS or not _is_verbal(tok):
        return False
    if any(a.label in ("GPE", "ORG") or a.igo or a.kind == "group" or
           a.sector in WITHDRAWING_SECTORS for a in frame.actors):
        return False
    left = [*_children(tok, "dobj"),
            *(o for p in _children(tok, "prep") if p.lower_ in ("from", "of")
              for o in _children(p, "pobj"))]
    return not any(t.ent_type_ in ("ORG", "NORP") or t.lemma_.lower() in LEFT_BODIES
                   for o in left for t in (o, *(c for c in o.children if c.dep_ == "compound")))


def _reception(frame: Frame, found: Mapping[int, object]) -> bool:
    """"Was met with applause", "the students' deadline was not met", "failed to meet the
    target": a reception or a condition fulfilled, not a meeting between parties."""
    tok = frame.trigger
    if tok.lemma_.lower() != "meet" or not _is_verbal(tok):
        return False
    if any(p.lower_ == "with" for p in _children(tok, "prep")) and \
            any(c.dep_ == "auxpass" for c in tok.children):
        return True
    return any(c.lemma_.lower() in UNMET_NOUNS for c in _children(tok, "nsubjpass", "dobj"))
