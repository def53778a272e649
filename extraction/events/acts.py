"""Frames the lexicon's triggers do not give one by one: a coup that removes someone, the
perpetrator named as such, a dated act of a named party, a demand said as an obligation
("X said Y must ..."), the backer of an act, support by a possessor, and claimed attacks.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from spacy.tokens import Doc, Span, Token

from .. import resources
from .dates import _attached
from .docindex import Arg, DocIndex
from .frame import HAPPENED, Frame, _modality, _mode
from .groups import resolve
from .lexicon import ACTION, STATEMENT, Entry
from .parties import ACT_NOUNS, _agentive, _named_party
from .places import _location
from .references import SPEECH_VERBS, backer_of, is_speech_verb
from .resolve import resolve_one
from .syntax import (
    _agent,
    _aux_lemmas,
    _children,
    _is_verbal,
    _negated,
    _owners,
    _subject,
    _to_infinitive,
)
from .targets import _first_party, _party_args, _verb_arguments
from .words import (
    ASPECT_VERBS,
    BACKED_ACTS,
    COUP_NOUNS,
    LIGHT_VERBS,
    MENTAL_VERBS,
    OBLIGATION_AUX,
    PERPETRATOR_WORDS,
    PERSONAL_VERBS,
    REMOVAL_VERBS,
)

BACKING_ENTRY = Entry("", "A", "SUPPORT", 0.5, (), frozenset())


def _backing_frames(doc: Doc, index: DocIndex, home: str | None) -> list[Frame]:
    """"Iran-backed militias attacked ...": the backer supports the group, which belongs to
    the country where it acts (the place its clause names, else the story's country)."""
    out: list[Frame] = []
    for tok in doc:
        part = backer_of(tok)
        if part is None:
            continue
        backers = _first_party([resolve(index, tok)], sectors=False)
        code = resources.country_for_name(tok.text)
        if not backers and code:
            # "US-trained": the model often leaves a name joined by a hyphen untagged.
            backers = [Arg(tok.i, tok.text, "country", None, code)]
        group = part.head
        if group.lemma_.lower() in ACT_NOUNS | BACKED_ACTS:
            # "a British-backed coup", "a US-backed offensive": an act, whose authors the
            # act's own rules find.
            continue
        # "Hezbollah, the Iran-backed group": the group is the one the apposition names.
        arg = resolve_one(index, group.head if group.dep_ == "appos" else group)
        if not backers or arg.igo or arg.kind == "group":
            continue
        if arg.entity is None and arg.country is None:
            verb = group.head
            country = _location(index, [verb, group, *_children(verb, "dobj")]) or home
            arg = Arg(group.i, arg.text, "country", None, country, arg.sector, None, None)
        if arg.country is None or arg.country in {b.country for b in backers}:
            continue
        frame = Frame(part, BACKING_ENTRY, "SUPPORT", BACKING_ENTRY.intensity, backers, [arg])
        out.append(frame)
    return out


ACTION_ENTRY = Entry("", "V", ACTION, 0.0, (), frozenset({"nostance"}))


def _taken(frames: Sequence[Frame]) -> set[int]:
    """The tokens the frames already speak for: their triggers, and the verb above an event
    noun ("held talks")."""
    taken = {f.trigger.i for f in frames}
    taken.update(f.trigger.head.i for f in frames if not _is_verbal(f.trigger))
    return taken


def _told_elsewhere(index: DocIndex, verb: Token, found: dict[int, Entry],
                    taken: set[int]) -> bool:
    """True when a verb is no untyped act of its own: a lexicon trigger, a verb a frame
    already speaks for, an auxiliary, a verb of a life or a career (rule personal_acts),
    words inside a quote, a negated verb, or a way to an act a lexicon row types ("moved to
    freeze the assets", "stepped in to block the deal": the freezing and the blocking)."""
    return verb.i in found or verb.i in taken or verb.pos_ == "AUX" or \
        "personal_acts" in index.rules and verb.lemma_.lower() in PERSONAL_VERBS or \
        index.in_quote[verb.i] or _negated(verb) or _vehicle(verb, found)


def _vehicle(verb: Token, found: dict[int, Entry]) -> bool:
    """True for a verb that is only the way to an act a lexicon row types: its infinitive
    complement ("moved to freeze the assets"), or the purpose of a verb with no object of
    its own ("stepped in to block the sale", "acted on Tuesday to impose sanctions"); a
    verb that does something to something keeps its act ("executed a shutdown to make
    room for the campaign")."""
    objects = any(c.dep_ in ("dobj", "dative") for c in verb.children)
    return any(c.i in found and _to_infinitive(c) and (
        c.dep_ == "xcomp" or c.dep_ == "advcl" and not objects) for c in verb.children)


def _action(index: DocIndex, verb: Token, act: Token | None = None,
            targets: list[Arg] | None = None) -> Frame | None:
    """An ``ACTION`` frame for ``act`` (the verb itself unless given) whose actors are the
    parties ``verb``'s subject names, or None when it names none or the act did not
    happen. ``targets`` default to the verb's own."""
    actors, own, _ = _verb_arguments(index, verb, ACTION_ENTRY, None)
    named = [a for a in actors if _agentive(index, a)]
    if not named:
        return None
    frame = Frame(act if act is not None else verb, ACTION_ENTRY, ACTION, 0.0, named,
                  own if targets is None else targets)
    frame.modality = _modality(verb)
    frame.mode = _mode(frame)
    return frame if frame.mode == HAPPENED else None


def _dated_act_frames(index: DocIndex, found: dict[int, Entry], frames: Sequence[Frame],
                      spans: Sequence[tuple[Span, dict[str, Any]]]) -> list[Frame]:
    """Every dated act of a named party is an event: a verb with its own time expression
    and a subject (or passive agent) naming a party or a person or organisation, that no
    lexicon row types, becomes an ``ACTION`` for the timeline ("Mugabe assumed the
    presidency in 1987"); it never counts for stance."""
    taken = _taken(frames)
    out: list[Frame] = []
    for span, _ in spans:
        verb = span.root.head
        for _ in range(4):
            if _is_verbal(verb) or verb.head.i == verb.i:
                break
            verb = verb.head
        if not _is_verbal(verb) or _told_elsewhere(index, verb, found, taken) or \
                verb.lemma_.lower() in LIGHT_VERBS or verb.tag_ not in ("VBD", "VBN") or \
                not _attached(span, verb):
            continue
        frame = _action(index, verb)
        if frame is None:
            continue
        taken.add(verb.i)
        out.append(frame)
    return out


def _party_act_frames(index: DocIndex, found: dict[int, Entry],
                      frames: Sequence[Frame]) -> list[Frame]:
    """Every reported act of a named party is an event, dated or not: a past or perfect
    verb of a main clause or its conjunct ("the Ghanaian court heard the appeal", "the
    ministry dropped the plan", "Peru has launched a programme") whose subject names a
    party and that no lexicon row types becomes an ``ACTION`` for the timeline; it never
    counts for stance."""
    taken = _taken(frames)
    out: list[Frame] = []
    for verb in index.doc:
        tag = verb.tag_
        if tag not in ("VBD", "VBN"):
            continue
        auxes = _aux_lemmas(verb) if tag == "VBN" else set()
        perfect = tag == "VBN" and bool(auxes) and auxes <= {"has", "have", "had"}
        if tag != "VBD" and not perfect or \
                verb.dep_ not in ("ROOT", "conj", "ccomp", "advcl") or \
                _told_elsewhere(index, verb, found, taken) or \
                verb.lemma_.lower() in (LIGHT_VERBS - ASPECT_VERBS) | MENTAL_VERBS or \
                is_speech_verb(verb):
            continue
        act = verb
        targets = None
        if verb.lemma_.lower() in ASPECT_VERBS:
            # "Ethiopia began filling the dam": the act is what was begun.
            act = next((c for c in verb.children if c.dep_ == "xcomp" and _is_verbal(c) and
                        c.i not in found and c.i not in taken), None)
            if act is None:
                continue
            _, targets, _ = _verb_arguments(index, act, ACTION_ENTRY, None)
        frame = _action(index, verb, act, targets)
        if frame is None:
            continue
        taken.update((verb.i, act.i))
        out.append(frame)
    return out


def _coup_frames(doc: Doc, index: DocIndex, found: dict[int, Entry],
                 frames: Sequence[Frame] = ()) -> list[Frame]:
    """A coup or junta that removes someone is its country's military acting against them
    ("a coup deposed the prime minister X", "the junta ousted X"): COERCE by the
    military sector, whose country the removed person gives."""
    out: list[Frame] = []
    by_trigger = {f.trigger.i: f for f in frames}
    for tok in doc:
        if not _is_verbal(tok) or tok.lemma_.lower() not in REMOVAL_VERBS or (
                tok.i in found and tok.i not in by_trigger):
            continue
        subj, passive = _subject(tok)
        author = _agent(tok) if passive else subj
        if author is None and tok.dep_ == "acl" and _children(tok, "dobj"):
            # "A coup ousted X" parsed as a clause on "coup".
            author = tok.head
        if author is None:
            continue
        objects = [subj] if passive and subj is not None else _children(tok, "dobj")
        if author.lemma_.lower() not in COUP_NOUNS:
            ouster = _ouster(index, tok, author, objects, by_trigger.get(tok.i))
            if ouster is not None:
                out.append(ouster)
            continue
        targets = _first_party([_party_args(index, o) for o in objects[:1]], sectors=False)
        if not targets:
            continue
        country = next((t.country for t in targets if t.country), None)
        actor = Arg(author.i, author.text, "country" if country else "other", None, country,
                    "military")
        known = by_trigger.get(tok.i)
        if known is not None:
            # "was deposed by a coup": the lexicon's event, with the coup's makers as actor.
            if not any(a.country or a.igo for a in known.actors):
                known.actors = [actor]
            continue
        entry = Entry(tok.lemma_.lower(), "V", "COERCE", -0.7)
        out.append(Frame(tok, entry, "COERCE", -0.7, [actor], targets,
                         negated=_negated(tok)))
    return out


#: How hostile an ouster is (as the lexicon's oust, depose, topple).
OUSTER_INTENSITY = -0.7
#: What a removal takes someone from, when it is an ouster ("removed from power").
OUSTED_FROM = frozenset({"power", "office", "post", "presidency", "premiership", "throne"})


def _ousting(verb: Token) -> bool:
    """True when a removal says it is an ouster: "in a coup", "from power", "from office"."""
    for prep in _children(verb, "prep"):
        for obj in _children(prep, "pobj"):
            word = obj.lemma_.lower()
            if prep.lower_ == "in" and word in COUP_NOUNS or \
                    prep.lower_ == "from" and word in OUSTED_FROM:
                return True
    return False


def _ouster(index: DocIndex, tok: Token, author: Token, objects: Sequence[Token],
            known: Frame | None) -> Frame | None:
    """"Soldiers removed the president in a coup", "parliament removed him from office": an
    ouster (COERCE) by whoever did it. A frame the lexicon already gave for the verb is
    retyped in place (then None is returned)."""
    if not _ousting(tok) or (known is not None and known.type in ("COERCE", "ASSAULT")):
        return None
    targets = _first_party([_party_args(index, o) for o in objects[:1]], sectors=False)
    doers = _first_party([_party_args(index, author)])
    if not targets or not doers:
        return None
    if known is not None:
        known.type, known.intensity = "COERCE", OUSTER_INTENSITY
        return None
    entry = Entry(tok.lemma_.lower(), "V", "COERCE", OUSTER_INTENSITY)
    return Frame(tok, entry, "COERCE", OUSTER_INTENSITY, doers, targets, negated=_negated(tok))


def _perpetrator_frames(doc: Doc, index: DocIndex, found: dict[int, Entry]) -> list[Frame]:
    """Naming the authors of an attack is accusing them: "X said Y are the suspected
    perpetrators", "X said Y was behind the bombing", "X said Y was responsible" (ACCUSE by
    the speaker of the clause's subject)."""
    out: list[Frame] = []
    for tok in doc:
        if not is_speech_verb(tok) or tok.i in found and found[tok.i].type != STATEMENT:
            continue
        speaker, _ = _subject(tok)
        if speaker is None:
            continue
        actors = [a for a in _party_args(index, speaker) if a.is_party]
        if not actors:
            continue
        for comp in _children(tok, "ccomp"):
            if comp.lemma_.lower() != "be" or _negated(comp):
                continue
            named = [c for c in comp.children if (
                c.dep_ in ("attr", "acomp") and c.lemma_.lower() in PERPETRATOR_WORDS) or (
                c.dep_ == "prep" and c.lower_ == "behind")]
            csubj, _ = _subject(comp)
            if not named or csubj is None:
                continue
            targets = _first_party([_party_args(index, csubj)], sectors=False)
            if targets:
                entry = Entry(tok.lemma_.lower(), "V", "ACCUSE", -0.4)
                out.append(Frame(tok, entry, "ACCUSE", -0.4, actors, targets))
    return out


def _claims_responsibility(tok: Token) -> bool:
    """True for "claimed responsibility" / "took responsibility" with no "for" object."""
    return tok.lemma_.lower() in ("claim", "take", "accept") and any(
        c.dep_ == "dobj" and c.lemma_.lower() in ("responsibility", "credit") and not any(
            p.dep_ == "prep" and p.lower_ == "for" for p in c.children)
        for c in tok.children)


def _claimed_attacks(frames: list[Frame], *, sentences: int = 3) -> None:
    """An attack told without its authors belongs to whoever then claims it ("A bomb hit a
    market. The Taliban claimed responsibility."): the attacks without a party in the
    ``sentences`` before the claim take the claimant as their actor."""
    open_attacks: list[Frame] = []
    for frame in sorted(frames, key=lambda f: f.trigger.i):
        if frame.type == "ASSAULT" and not any(a.is_party for a in frame.actors):
            open_attacks.append(frame)
            continue
        if frame.type != STATEMENT or not _claims_responsibility(frame.trigger):
            continue
        claimants = [a for a in frame.actors if a.is_party]
        sent_start = frame.trigger.sent.start
        doc = frame.trigger.doc
        first = sent_start
        for _ in range(sentences - 1):
            if first == 0:
                break
            first = doc[first - 1].sent.start
        for attack in open_attacks:
            if claimants and attack.trigger.i >= first:
                attack.actors = list(claimants)
        open_attacks = []


def _possessor_support(index: DocIndex, frame: Frame) -> None:
    """Reinforcing or defending someone's positions is support for them: a mobilisation
    whose object belongs to another party ("Chadian troops reinforced the rebels'
    positions", "the positions of the M23 rebels") becomes a SUPPORT of the owner."""
    tok = frame.trigger
    if frame.type != "MOBILIZE" or not _is_verbal(tok):
        return
    actor_keys = {a.entity or a.country or a.text for a in frame.actors}
    for obj in _children(tok, "dobj"):
        # The owner as a possessive or an "of" phrase ("the positions of the M23 rebels").
        owners = _owners(obj)
        for poss in owners:
            owner = resolve_one(index, poss)
            if owner.is_party and (owner.entity or owner.country or owner.text) not in actor_keys:
                frame.type, frame.intensity = "SUPPORT", 0.4
                frame.targets = [owner]
                return


def _obligation_frames(doc: Doc, index: DocIndex, found: dict[int, Entry],
                       frames: list[Frame]) -> list[Frame]:
    """"X said Y must ..." is a demand by X on Y (PLOVER REQUEST)."""
    taken = {f.trigger.i for f in frames if f.type != STATEMENT}
    out: list[Frame] = []
    for tok in doc:
        if tok.i in taken or not (tok.lemma_.lower() in SPEECH_VERBS or tok.lower_ in
                                  SPEECH_VERBS):
            continue
        for comp in _children(tok, "ccomp"):
            if not _aux_lemmas(comp) & OBLIGATION_AUX:
                continue
            subj, _ = _subject(tok)
            csubj, _ = _subject(comp)
            if subj is None or csubj is None:
                continue
            actors = _party_args(index, subj)
            targets = [t for t in _first_party([_party_args(index, csubj)])
                       if _named_party(index, t)]
            if not targets:
                # "the rainforest should be opened up": a demand on no one.
                continue
            entry = Entry(tok.lemma_.lower(), "V", "REQUEST", -0.4)
            out.append(Frame(tok, entry, "REQUEST", -0.4, actors, targets,
                             negated=_negated(comp)))
    return out
