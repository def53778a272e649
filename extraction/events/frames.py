"""The frames of a document: triggers from the lexicon (and characterisations), absorbed
and controlled triggers, each trigger's arguments, negation, modality and speaker, the
triggers dropped as naming no act of their own, and the frames the special rules add.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from spacy.tokens import Doc, Span, Token

from .. import resources
from .absorbing import REACTIONS, _absorbed
from .acts import (
    _backing_frames,
    _claimed_attacks,
    _coup_frames,
    _dated_act_frames,
    _obligation_frames,
    _party_act_frames,
    _perpetrator_frames,
    _possessor_support,
)
from .aims import (
    SHOW_OF_FORCE_INTENSITY,
    _occasion_host,
    _show_of_force,
    _struck_targets,
    _without_own_forces,
    _without_patients,
)
from .dates import _attached, _dated_speaker, sentence_spans
from .docindex import Arg, DocIndex
from .frame import (
    CONDITIONAL,
    DENIED,
    HAPPENED,
    PLANNED,
    Frame,
    _ceased,
    _modality,
    _mode,
    _no_act,
    _refusal,
    _released_word,
    _requested,
    _type_for,
)
from .judgements import (
    CARRIER_VERBS,
    CHARACTERISING_STATEMENT,
    CONDEMN_ENTRY,
    PRAISE_ENTRY,
    _judgement,
    _quoted_judgements,
    called_act,
    characterises,
)
from .lexicon import INCIDENT, NO_EVENT, STATEMENT, Entry, Lexicon, match_trigger
from .parties import _echoed_speech, _journey, _media_source, _reception, _speaking_party
from .places import _homeless
from .syntax import (
    _agent,
    _children,
    _governing_verb,
    _is_verbal,
    _negated,
    _neither_subject,
    _not_yet,
    _refused,
    _subject,
    _to_infinitive,
    _under_denial,
    _warned_against,
)
from .targets import (
    _described,
    _first_party,
    _noun_arguments,
    _party_args,
    _speaker,
    _venue,
    _verb_arguments,
)
from .untold import UNTOLD_RULES
from .words import (
    ACCIDENT_WORDS,
    ARMED_MEMBERS,
    CHARACTERISE_VERBS,
    DECISION_NOUNS,
    OFFICE_VERBS,
    OPERATION_NOUNS,
    ORDINAL_WORDS,
    SECTOR_NOUNS,
    SPEECH_VERBS,
    SPOKEN_TARGETS,
)

# Verbs of these types suppress an act of another type: "banned protests" (not "imposed sanctions").
SUPPRESSING = frozenset({"COERCE", "SANCTION"})


def _triggers(doc: Doc, lexicon: Lexicon, rules: frozenset[str]) -> dict[int, Entry]:
    """The lexicon entry of each trigger by token index, with characterisations ("called
    the raid an act of terror") as condemnations or praise."""
    found: dict[int, Entry] = {}
    for tok in doc:
        if tok.is_space or tok.is_punct:
            continue
        entry = match_trigger(tok, lexicon)
        if entry is not None:
            found[tok.i] = entry
    if "characterisation" in rules:
        for tok in doc:
            if tok.lemma_.lower() in CHARACTERISE_VERBS and _is_verbal(tok) and (
                    tok.i not in found or found[tok.i].speech or any(
                        c.dep_ == "oprd" or c.dep_ == "prep" and c.lower_ == "as"
                        for c in tok.children)):
                # ("called the raid on X an act of terror" is no call on X.)
                sign = _judgement(tok, found)
                if not sign and tok.i not in found and characterises(tok):
                    found[tok.i] = CHARACTERISING_STATEMENT
                if sign:
                    found[tok.i] = CONDEMN_ENTRY if sign < 0 else PRAISE_ENTRY
                    called = called_act(tok, found)
                    if called is not None:
                        # "called it an attack on X": what the act is called is no act.
                        del found[called.i]
    return found


def _frames(doc: Doc, index: DocIndex, lexicon: Lexicon,
            rules: frozenset[str] = frozenset(), home: str | None = None,
            spans: Sequence[tuple[Span, dict[str, Any]]] = (),
            starts: Sequence[int] | None = None) -> list[Frame]:
    """The frames of a document, one per trigger that names an act, in trigger order, then
    those the special rules add (``_added_frames``)."""
    found = _triggers(doc, lexicon, rules)
    absorbed, complements = _absorbed(doc, found)
    # A verbal attack ("attacked the peace deal") reacts to its object like a condemnation.
    reactions = frozenset(i for i, e in found.items() if _is_verbal(doc[i]) and (
        e.type in REACTIONS or "verbal_attack" in rules and e.type == "ASSAULT" and
        _verbal_attack(doc[i]) or e.type in SUPPRESSING and any(
            c.dep_ == "dobj" and c.i in found and found[c.i].type != e.type
            for c in doc[i].children)))
    frames: list[Frame] = []
    for i in sorted(found):
        tok, entry = doc[i], found[i]
        if i in absorbed or entry.type == NO_EVENT or _no_act(tok, entry, rules):
            # (An idiom row, "struck a cautious tone", stays found: no ACTION is made of it.)
            continue
        comp = complements.get(i)
        comp_entry = found.get(comp.i) if comp is not None else None
        etype, intensity = _type_for(entry, tok, comp_entry,
                                     comp is not None and _negated(comp),
                                     comp, "undo_demand" in rules)
        if not etype:
            continue
        if "refused_hostility" in rules and etype == "REJECT" and entry.control and \
                comp is not None and _hostile_clause(comp, found):
            # "refused to impose sanctions on Russia": declining a hostile act is no
            # hostility towards its target; the refusal stays on the timeline.
            intensity = 0.0
        frame = Frame(tok, entry, *_retyped(tok, etype, intensity, rules), clause=comp)
        _fill_arguments(index, frame, comp, reactions, rules)
        if "show_of_force" in rules and (shown := _show_of_force(index, frame)) is not None:
            # "China held drills around Taiwan": a show of force against Taiwan.
            frame.type, frame.intensity, frame.targets = "MOBILIZE", SHOW_OF_FORCE_INTENSITY, [
                shown]
        if entry.speech and _no_reported_speech(index, frame, rules, home, spans, starts):
            continue
        _inferred_parties(index, frame, rules, home)
        frame.speaker = _speaker(index, tok)
        frame.folded_intent = entry.intent and comp is not None and not (
            "offer_made" in rules and not _is_verbal(comp))
        frame.ceased = "cessation" in rules and _ceased(tok)
        if any(DROP_RULES[name](frame, found) for name in DROP_RULES if name in rules):
            continue
        frame.reference = "definite_reference" in rules and _definite_reference(
            frame, frames, spans, starts)
        if "possessor_support" in rules:
            _possessor_support(index, frame)
        frame.mode = _final_mode(frame, rules)
        if any(UNTOLD_RULES[name](frame) for name in UNTOLD_RULES if name in rules):
            continue
        frames.append(frame)
    return _added_frames(doc, index, found, frames, rules, home, spans)


REFERRING_DETERMINERS = frozenset({"the", "this", "that", "these", "those"})
# How far back (in tokens) the same word makes a definite event noun a reference.
REFERENCE_WINDOW = 250


def _definite_reference(frame: Frame, earlier: Sequence[Frame],
                        spans: Sequence[tuple[Span, dict[str, Any]]],
                        starts: Sequence[int] | None) -> bool:
    """True for an event noun that only refers to an act told before it ("X signed an
    accord ... the deal came too late", "gunmen opened fire ... the minister survived the
    attack"): a definite noun after an act of its kind (``earlier``, the frames before it),
    whose own words name no party and no time. A first mention ("The bombing of a bus shook
    the town"), "the Russian invasion", "the killing of the general" and "the attack on
    Friday" still name an act; so does "the protests", which news uses for the story's own
    protest movement (a stance of its people)."""
    tok = frame.trigger
    if _is_verbal(tok) or frame.type in (INCIDENT, "PROTEST") or not any(
            c.dep_ == "det" and c.lower_ in REFERRING_DETERMINERS for c in tok.children):
        return False
    doc = tok.doc
    if not any(f.type == frame.type for f in earlier) and not any(
            t.lemma_ == tok.lemma_ for t in doc[max(0, tok.i - REFERENCE_WINDOW):tok.i]):
        return False
    own = {t.i for t in tok.subtree}
    if any(a.head in own and a.head != tok.i for a in (*frame.actors, *frame.targets)):
        return False
    return not any(_attached(span, tok) for span, _ in sentence_spans(tok.sent, spans, starts))


def _retyped(tok: Token, etype: str, intensity: float,
             rules: frozenset[str]) -> tuple[str, float]:
    """The type and intensity after the rules that read what was done to what: words
    against a decision are criticism, refusing a resignation is support."""
    if "verbal_attack" in rules and etype == "ASSAULT" and _verbal_attack(tok):
        return "ACCUSE", VERBAL_ATTACK_INTENSITY
    if "kept_in_office" in rules and etype == "REJECT" and _refused_resignation(tok):
        return "SUPPORT", KEPT_INTENSITY
    if etype == "RETREAT" and _released_word(tok):
        # "released a statement", "a press release", "the ruling, released on Monday": a
        # dated act of communication, not a retreat.
        return STATEMENT, 0.0
    return etype, intensity


def _fill_arguments(index: DocIndex, frame: Frame, comp: Token | None,
                    reactions: frozenset[int], rules: frozenset[str]) -> None:
    """A frame's actors, targets, negation and modality, read from its trigger's parse."""
    tok, entry = frame.trigger, frame.entry
    if frame.type == INCIDENT:
        # A blackout or an election happens; it has no actor or target of its own.
        frame.negated = _negated(tok)
    elif tok.pos_ in ("NOUN", "PROPN"):
        frame.actors, frame.targets = _noun_arguments(index, tok, reactions,
                                                      "about_modifiers" in rules, _venue(entry))
        if "described" in entry.flags:
            frame.actors, frame.targets = _described(index, tok)
        if "act_subject_target" in rules:
            frame.targets = _struck_targets(index, tok) or frame.targets
        verb = _governing_verb(tok)
        frame.negated = _negated(tok) or (verb is not None and _negated(verb)) or (
            "not_yet" in rules and _not_yet(tok))
        frame.modality = _modality(tok) * (_modality(verb) if verb is not None else 1.0)
    else:
        frame.actors, frame.targets, _ = _verb_arguments(index, tok, entry, comp)
        frame.targets = _without_patients(index, tok, frame.type, frame.targets)
        frame.negated = _negated(tok) or (tok.pos_ == "ADJ" and _negated(tok.head)) or (
            "refusal" in rules and _neither_subject(tok)) or (
            "not_yet" in rules and _not_yet(tok))
        frame.modality = _modality(tok)


def _no_reported_speech(index: DocIndex, frame: Frame, rules: frozenset[str],
                        home: str | None, spans: Sequence[tuple[Span, dict[str, Any]]],
                        starts: Sequence[int] | None) -> bool:
    """True for speech that is no dated act of a party: "a witness said", "he said" of no
    one named, "did not say", "the BBC reported"; "Saying ..., X added" is one act, not
    two."""
    tok, actors = frame.trigger, frame.actors
    speaking = _speaking_party(actors) or "named_speaker" in rules and any(
        a.entity and a.label in ("PERSON", "ORG") for a in actors) or home is not None and any(
        _homeless(index, a) for a in actors) or "dated_speech" in rules and \
        _dated_speaker(index, tok, actors, spans, starts)
    return not speaking or frame.negated or _media_source(index, actors) or \
        _echoed_speech(tok)


def _inferred_parties(index: DocIndex, frame: Frame, rules: frozenset[str],
                      home: str | None) -> None:
    """Parties and weights the clause implies: what strikes are aimed at, an accident, the
    one dissent in a "despite" phrase is against, the country of an armed operation, the
    state as author of an act of office."""
    tok = frame.trigger
    if "aimed_target" in rules and not any(t.is_party for t in frame.targets):
        frame.targets = _aimed_at(index, tok) or frame.targets
    # "plans to deploy 3,000 marines": the marines are sent, not aimed at.
    frame.targets = _without_own_forces(index, tok, frame.targets, frame.actors)
    if "occasion_host" in rules and frame.type == "CONSULT" and not _is_verbal(tok) and \
            not any(a.is_party for a in frame.actors):
        # "After a meeting with the king, the president said ...": the president met him.
        frame.actors = _occasion_host(index, tok) or frame.actors
    if "accidental" in rules and _accidental(tok):
        frame.intensity = 0.0
    if "despite_opposition" in rules and not frame.targets and frame.type in DESPITE_TYPES:
        frame.targets = _defied(index, tok)
    if "operation_agent" in rules and not any(a.is_party for a in frame.actors):
        frame.actors = _operation_author(index, tok) or frame.actors
    if "state_passive" in rules and not frame.actors:
        frame.actors = _state_author(index, tok, frame.targets, home)


def _final_mode(frame: Frame, rules: frozenset[str]) -> str:
    """Whether the act happened, after the rules on requests, headlines and refusals."""
    frame.mode = _mode(frame)
    if "requested_act" in rules and frame.mode == HAPPENED and _requested(frame):
        frame.mode = PLANNED
    if "headline_future" in rules and frame.mode == HAPPENED and \
            _headline_future(frame.trigger):
        frame.mode = PLANNED
    if "refusal" in rules and _refusal(frame):
        # (It reads the mode so far: a denied cooperative act.)
        frame.mode = HAPPENED
    tok = frame.trigger
    if "conditional_threat" in rules and frame.type == "THREATEN" and \
            frame.mode == CONDITIONAL and _announced(tok):
        # "said Iraq would retaliate against Venezuela if it raised output": a threat is
        # made in its condition; the threatening happened.
        frame.mode = HAPPENED
    if "warned_against" in rules and _warned_against(tok) and frame.mode == HAPPENED:
        # "warned Finland against joining NATO": an act someone is warned or advised
        # against has not happened.
        frame.mode = PLANNED
    if "refused_hostility" in rules and _refused(tok) and frame.mode == HAPPENED:
        # (The act itself, "sanctions" in "refused to impose sanctions", did not happen.)
        frame.mode = DENIED
    if "denied_act" in rules and _under_denial(tok):
        # "Rwanda denied backing the rebels": told, but denied by the one said to act.
        frame.mode = DENIED
    return frame.mode


def _announced(tok: Token) -> bool:
    """True when an act is the clause a verb of saying or warning reports ("said it would
    retaliate if ...", "warned that it would impose sanctions if ...")."""
    verb = tok if _is_verbal(tok) else _governing_verb(tok)
    return verb is not None and verb.dep_ == "ccomp" and \
        verb.head.lemma_.lower() in SPEECH_VERBS | {"warn"}


def _added_frames(doc: Doc, index: DocIndex, found: dict[int, Entry], frames: list[Frame],
                  rules: frozenset[str], home: str | None,
                  spans: Sequence[tuple[Span, dict[str, Any]]]) -> list[Frame]:
    """The frames with what the special rules change and add: claimed attacks, demands said
    as obligations, quoted judgements, coups, dated acts, perpetrators and backers."""
    if "attack_attribution" in rules:
        _claimed_attacks(frames)
    demands = _obligation_frames(doc, index, found, frames)
    if demands:
        # "X said Y must ...": the demand is the act of that speech verb, not a statement.
        asked = {f.trigger.i for f in demands}
        frames = [f for f in frames if not (f.type == STATEMENT and f.trigger.i in asked)]
    frames.extend(demands)
    if "quoted_judgement" in rules:
        # (After the demands: "X said Y must ..." is a demand, not a judgement.)
        _quoted_judgements(index, frames)
    if "coup_removal" in rules:
        frames.extend(_coup_frames(doc, index, found, frames))
    if "dated_acts" in rules:
        frames.extend(_dated_act_frames(index, found, frames, spans))
    if "party_acts" in rules:
        frames.extend(_party_act_frames(index, found, frames))
    if "perpetrator_attribution" in rules:
        frames.extend(_perpetrator_frames(doc, index, found))
    if "backer_not_owner" in rules:
        frames.extend(_backing_frames(doc, index, home))
    return frames


def _aimed_at(index: DocIndex, tok: Token) -> list[Arg]:
    """The party an act's weapons or strikes are aimed at when a participle says so
    ("launched missiles targeting US troops", "air strikes aimed at Hezbollah")."""
    heads = [tok, *_children(tok, "dobj")]
    for head in heads:
        for part in _children(head, "acl"):
            lemma = part.lemma_.lower()
            if lemma == "target":
                found = _first_party([_party_args(index, o) for o in _children(part, "dobj")])
            elif lemma == "aim":
                found = _first_party([_party_args(index, p) for prep in _children(part, "prep")
                                      if prep.lower_ == "at" for p in _children(prep, "pobj")])
            else:
                continue
            if found:
                return found
    return []


def _operation_author(index: DocIndex, tok: Token) -> list[Arg]:
    """The author of a passive act done "in" an armed act its country names ("was killed
    in a US drone strike", "were wounded in an Israeli raid"): that country."""
    if not _is_verbal(tok):
        return []
    subj, passive = _subject(tok)
    if not passive or _agent(tok) is not None:
        return []
    for prep in _children(tok, "prep"):
        if prep.lower_ not in ("in", "during", "by"):
            continue
        for noun in _children(prep, "pobj"):
            if noun.lemma_.lower() not in OPERATION_NOUNS:
                continue
            for mod in noun.subtree:
                # (Nested too: "a US counter-terrorism operation".)
                if mod.dep_ in ("amod", "compound", "nmod") and mod.i < noun.i:
                    code = resources.country_for_name(mod.text)
                    if code:
                        return [Arg(mod.i, mod.text, "country", None, code)]
    return []


def _accidental(tok: Token) -> bool:
    """True when the act was done by mistake ("the military accidentally shot down the
    airliner", "bombed the wrong village by mistake"): it is told, but it is no stance."""
    verb = tok if _is_verbal(tok) else tok.head
    for head in (tok, verb):
        for child in head.children:
            if child.dep_ == "advmod" and child.lower_ in ACCIDENT_WORDS:
                return True
            if child.dep_ == "prep" and child.lower_ in ("by", "in") and any(
                    p.lower_ in ("mistake", "error", "accident") for p in child.children):
                return True
    return False


# Kinds of dissent a "despite" phrase can name.
DESPITE_TYPES = frozenset({"ACCUSE", "REJECT", "PROTEST", "THREATEN", "DEMAND", "REQUEST"})


def _defied(index: DocIndex, tok: Token) -> list[Arg]:
    """Whom dissent named in a "despite" phrase is against: the subject of the clause that
    went ahead ("Despite criticism from Greece, Turkey converted the museum"; "Israel went
    ahead despite objections from Washington")."""
    prep = tok.head
    if tok.dep_ != "pobj" or prep.lower_ not in ("despite", "notwithstanding") and not (
            prep.lower_ == "of" and prep.head.lower_ == "spite"):
        return []
    verb = prep.head if prep.lower_ != "of" else prep.head.head.head
    if not _is_verbal(verb):
        return []
    subj, passive = _subject(verb)
    if subj is None or passive:
        return []
    return _first_party([_party_args(index, subj)])


VERBAL_ATTACK_INTENSITY = -0.4


KEPT_INTENSITY = 0.3


def _refused_resignation(tok: Token) -> bool:
    """True when what is refused is someone's resignation ("declined the prime minister's
    offer to resign", "rejected the resignation of the minister"): keeping someone in
    office is support, not opposition."""
    if not _is_verbal(tok):
        return False
    for obj in _children(tok, "dobj"):
        lemma = obj.lemma_.lower()
        if lemma == "resignation" or lemma in ("offer", "request", "bid") and any(
                c.lemma_.lower() in ("resign", "step", "quit", "resignation")
                for c in obj.subtree if c.i != obj.i):
            return True
    return False


def _verbal_attack(tok: Token) -> bool:
    """True when an attack is made with words: the verb "attack" (or "assail") on a
    decision, a plan, a speech ("Erdogan attacked the US decision"), not on a place or
    people ("attacked the base")."""
    return _is_verbal(tok) and tok.lemma_.lower() in ("attack", "assail") and any(
        c.dep_ == "dobj" and c.lemma_.lower() in SPOKEN_TARGETS and not _held_ground(tok, c)
        for c in tok.children)


def _held_ground(verb: Token, obj: Token) -> bool:
    """A position attacked by forces, or one that forces hold, is ground, not a view:
    "troops attacked rebel positions", "jets attacked Hezbollah positions" (but "attacked the
    minister's position on tax" stays words)."""
    if obj.lemma_.lower() != "position":
        return False
    subject = _subject(verb)[0]
    modifiers = [c for c in obj.children if c.dep_ in ("compound", "amod", "nmod")]
    return any(t is not None and _armed(t) for t in (subject, *modifiers))


def _armed(tok: Token) -> bool:
    lemma = tok.lemma_.lower()
    if lemma in ARMED_MEMBERS or lemma == "enemy" or \
            SECTOR_NOUNS.get(lemma) in ("military", "rebels"):
        return True
    found = resources.organisation_lookup(tok.text) if tok.pos_ == "PROPN" else None
    return found is not None and found.role in ("armed group", "military")


def _headline_future(tok: Token) -> bool:
    """True for the headline form "X to do Y" ("Chile to recall envoy from Peru"): a
    to-infinitive that heads its sentence announces an act, it does not report one."""
    verb = tok if _is_verbal(tok) else tok.head
    for _ in range(3):
        if not _is_verbal(verb) or verb.dep_ != "conj" or verb.head.i == verb.i:
            break
        verb = verb.head
    return _is_verbal(verb) and verb.dep_ == "ROOT" and _to_infinitive(verb)


def _state_author(index: DocIndex, tok: Token, targets: Sequence[Arg],
                  home: str | None) -> list[Arg]:
    """The state as the unnamed author of an act of office in the passive ("Peru's new
    prime minister was sworn in", "the Fijian parliament was suspended", "the curfew was
    lifted in May"): the country of what was done, else the story's country. Only agentless passives
    of ``OFFICE_VERBS``; a stabbing or an arrest in the passive keeps no author."""
    if not _is_verbal(tok) or tok.lemma_.lower() not in OFFICE_VERBS:
        return []
    subj, passive = _subject(tok)
    if not passive or _agent(tok) is not None:
        return []
    country = next((t.country for t in targets if t.country), None) or home
    if country is None:
        return []
    return [Arg(tok.i, resources.country_name(country), "country", None, country)]


def _carried_noun(frame: Frame, found: dict[int, Entry]) -> bool:
    """An event noun carried by a verb trigger is that verb's event ("signed an accord":
    the signing is the event, the accord what was signed)."""
    tok = frame.trigger
    return not _is_verbal(tok) and tok.dep_ == "dobj" and tok.head.i in found and \
        tok.head.lemma_.lower() in CARRIER_VERBS


def _self_request(frame: Frame, found: dict[int, Entry]) -> bool:
    """A request about oneself in the passive is no request to anyone ("asked not to be
    named")."""
    tok = frame.trigger
    if frame.type != "REQUEST" or not _is_verbal(tok) or _children(tok, "dobj", "dative"):
        return False
    return any(any(c.dep_ == "auxpass" for c in comp.children) and not _children(comp, "agent")
               for comp in _children(tok, "xcomp"))


def _purpose_clause(frame: Frame, found: dict[int, Entry]) -> bool:
    """An act named as the aim of something ("queued in a bid to help", "hid the figures
    to prevent panic", "efforts to negotiate an end") is an intention, not an act that
    happened or was decided: a to-infinitive hanging from a noun. A decision, plan or
    pledge keeps its infinitive ("the decision to expel"), and so does "the first country
    to recognise". The purpose of an act ("sent troops to help the rebels") stays: it
    says whom the act was for."""
    tok = frame.trigger
    if not _is_verbal(tok) or not _to_infinitive(tok):
        return False
    head = tok.head
    if tok.dep_ in ("acl", "relcl") and head.pos_ in ("NOUN", "PROPN", "PRON"):
        return head.lemma_.lower() not in DECISION_NOUNS and head.i not in found and not any(
            c.lower_ in ORDINAL_WORDS for c in head.children if c.dep_ in ("amod", "advmod"))
    return False


def _manner_phrase(frame: Frame, found: dict[int, Entry]) -> bool:
    """A bare noun saying in what spirit an act was done ("summoned the envoy in protest",
    "expelled two diplomats in retaliation"): the act is the verb's, not a second one. A
    noun with its own party ("in protest against the arrests", "in solidarity with Kyiv")
    stays."""
    tok = frame.trigger
    return tok.pos_ == "NOUN" and tok.dep_ == "pobj" and tok.head.lower_ == "in" and \
        _is_verbal(tok.head.head) and not any(
            c.dep_ in ("det", "poss", "amod", "prep", "compound", "acl", "relcl", "nummod")
            for c in tok.children)


# Rules that drop a trigger which names no act of its own.
DROP_RULES: dict[str, Callable[[Frame, dict[int, Entry]], bool]] = {
    "carried_noun": _carried_noun,
    "self_request": _self_request,
    "purpose_clause": _purpose_clause,
    "reception": _reception,
    "journey": _journey,
    "manner_phrase": _manner_phrase,
}


#: Hostile acts whose refusal is no hostility towards their target. A request or a demand is
#: not among them: refusing one rejects whoever made it.
HOSTILE_TYPES = frozenset({"SANCTION", "ASSAULT", "COERCE", "THREATEN", "MOBILIZE", "ACCUSE"})


def _hostile_clause(comp: Token, found: dict[int, Entry]) -> bool:
    """True when the clause a control verb governs holds a hostile act ("to impose
    sanctions on Russia", "to attack the rebels"), not a request ("refused their request")."""
    named = [comp, *(c for c in comp.children if c.dep_ in ("dobj", "xcomp"))]
    return any(t.i in found and found[t.i].type in HOSTILE_TYPES for t in named)
