"""An event being built (``Frame``) and what its clause says about it: the type and intensity
(control verbs, demands to undo or remove), modality, the mode (happened, planned,
conditional, denied) and the polarity.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Token

from ..temporal.tense import told_in_past
from .docindex import Arg
from .lexicon import COOPERATIVE, INCIDENT, MATERIAL, STATEMENT, Entry
from .syntax import (
    _aux_lemmas,
    _children,
    _clause_chain,
    _coordinated_under,
    _demanded,
    _governing_verb,
    _is_verbal,
    _negated,
    _prep_objects,
    _purpose_of,
    _to_infinitive,
)
from .words import (
    ASKING_VERBS,
    CEASE_VERBS,
    CONDITION_AUX,
    CONDITION_MARKS,
    FUTURE_AUX,
    HEDGE_ADVERBS,
    HEDGE_VERBS,
    INTENT_NOUNS,
    LEFT_BEHIND,
    MEDICAL_MODIFIERS,
    MODAL_AUX,
    NON_EVENT_OBJECTS,
    ONGOING_VERBS,
    PLAN_ADJECTIVES,
    PLAN_VERBS,
    REMOVAL_NOUNS,
    UNDO_VERBS,
)

# Intensities of intentions, coded AGREE or THREATEN as PLOVER codes them ("promised to
# withdraw", "will strike").
DEFAULT_INTENSITY = {"AGREE": 0.4, "THREATEN": -0.6, "REJECT": -0.4, "REQUEST": -0.4}
# What an event's clause says about whether it happened (``Event.modality``).
HAPPENED, PLANNED, CONDITIONAL, DENIED = "happened", "planned", "conditional", "denied"
UNDO_INTENSITY = -0.5


@dataclass
class Frame:
    """An event being built: the trigger and everything found about it."""

    trigger: Token
    entry: Entry
    type: str
    intensity: float
    actors: list[Arg] = field(default_factory=list)
    targets: list[Arg] = field(default_factory=list)
    negated: bool = False
    modality: float = 1.0
    speaker: Arg | None = None
    clause: Token | None = None
    mode: str = HAPPENED
    ceased: bool = False
    folded_intent: bool = False
    # Only a reference to an act already told ("the deal"): judged acts may read it, then it
    # goes (rule definite_reference).
    reference: bool = False


def _released_word(tok: Token) -> bool:
    """True for a release of words: "released a statement", "a press release", "the
    ruling, released on Monday"."""
    return any(c.dep_ in ("dobj", "compound") and c.lemma_.lower() in NON_EVENT_OBJECTS
               for c in tok.children) or tok.dep_ == "acl" and (
        tok.head.lemma_.lower() in NON_EVENT_OBJECTS)


def _no_act(tok: Token, entry: Entry, rules: frozenset[str]) -> bool:
    """True when a trigger names no act here: speech when statements are off, an illness,
    a relation named in passing, a modifier, a RETREAT that leaves someone in a state
    ("left nine people dead") or leaves something behind ("left a lasting mark")."""
    if entry.speech and "speech_statement" not in rules:
        return True
    if "medical_sense" in rules and entry.pos == "N" and any(
            c.dep_ in ("amod", "compound") and c.lemma_.lower() in MEDICAL_MODIFIERS
            for c in tok.children):
        # "a cardiac arrest", "a heart attack": an illness, not an act.
        return True
    if "described" in entry.flags and tok.dep_ not in ("appos", "attr"):
        # "its allies demanded ...": a relation named in passing is no act.
        return True
    if entry.type == "RETREAT" and any(c.dep_ in ("oprd", "acomp") for c in tok.children):
        # "the raid left nine people dead": the state something was left in, no departure.
        return True
    # "alleged sabotage", "left a lasting mark": not an act between parties.
    return tok.dep_ == "amod" or (entry.pos == "N" and tok.dep_ == "compound") or (
        entry.type == "RETREAT" and any(c.dep_ == "dobj" and c.lemma_.lower() in LEFT_BEHIND
                                        for c in tok.children))


def _refusal(frame: Frame) -> bool:
    """A cooperative act a party did not perform, told as fact, is a refusal and so an act of
    its own (PLOVER REJECT): "would not endorse the result", "did not recognise the vote",
    "neither X nor Y accepted". A meeting that did not take place, an uncertain one ("could
    not agree") and a condition are not refusals; nor is a conflictual act not done ("did not
    attack"), which stays denied."""
    if not frame.negated or frame.mode != DENIED or frame.type not in COOPERATIVE or \
            frame.type in ("CONSULT", "RETREAT") or not frame.entry.stance or \
            not _is_verbal(frame.trigger):
        return False
    if not any(a.is_party and a.kind != "other" for a in frame.actors):
        return False
    chain = _clause_chain(frame.trigger)
    if set().union(*(_aux_lemmas(c) for c in chain)) & (MODAL_AUX - {"can", "ca"}):
        return False
    return not _under_condition(frame.trigger)


def _under_condition(tok: Token) -> bool:
    """True when ``tok`` is inside, or under, an if/unless clause ("if Washington decided
    to attack")."""
    cur = tok
    for _ in range(12):
        if cur.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in CONDITION_MARKS
                                       for m in cur.children):
            return True
        if cur.head.i == cur.i:
            return False
        cur = cur.head
    return False


def _modality(tok: Token) -> float:
    factor = 1.0
    if _aux_lemmas(tok) & MODAL_AUX:
        factor = 0.5
    if any(c.dep_ == "amod" and c.lemma_ in ("allege", "alleged", "possible", "planned")
           for c in tok.children):
        factor = 0.5
    if any(c.dep_ == "advmod" and c.lower_ in HEDGE_ADVERBS for c in tok.children) or (
            not _is_verbal(tok) and tok.head.pos_ == "VERB" and any(
                c.dep_ == "advmod" and c.lower_ in HEDGE_ADVERBS for c in tok.head.children)):
        # "potentially ending the conflict", "could possibly strike".
        factor = 0.5
    cur = tok
    for _ in range(3):
        if cur.dep_ not in ("xcomp", "ccomp") or cur.head.i == cur.i:
            break
        cur = cur.head
        if cur.lemma_.lower() in HEDGE_VERBS or cur.lower_ in HEDGE_VERBS:
            factor = 0.5
            break
    return factor


def _asks_removal(tok: Token) -> bool:
    """True when a demand's object is a removal or an ending ("called for his resignation",
    "demanded the withdrawal of the troops")."""
    return any(o.lemma_.lower() in REMOVAL_NOUNS for o in _demanded(tok))


def _type_for(entry: Entry, tok: Token, complement_entry: Entry | None,
              complement_negated: bool = False,
              complement: Token | None = None, undo: bool = False) -> tuple[str, float]:
    """The event type and intensity, after intent and future-tense rules ("promised to
    withdraw" is an AGREE, "vowed to strike" a THREATEN, "pledged not to attack" an AGREE)
    and the demand rule ("called on X to halt ..." opposes what X does)."""
    etype, intensity = entry.type, entry.intensity
    if etype == "REQUEST" and undo and (
            complement is not None and not complement_negated and any(
                # "urged Israel to respect the ceasefire and withdraw": each act asked for.
                act.lemma_.lower() in UNDO_VERBS for act in (complement, *complement.conjuncts)
                if act.pos_ in ("VERB", "AUX")) or _asks_removal(tok)):
        return etype, min(intensity, UNDO_INTENSITY)
    if entry.intent and complement_entry is not None and etype != "THREATEN":
        cooperative = complement_entry.type in COOPERATIVE or complement_entry.intensity >= 0
        if cooperative != complement_negated:
            return "AGREE", max(intensity, DEFAULT_INTENSITY["AGREE"])
        return "THREATEN", DEFAULT_INTENSITY["THREATEN"]
    if entry.intent and complement_entry is None and etype == "AGREE" and \
            _promised_against(tok):
        # "committed to a possible strike against Iraq": a promise aimed against someone.
        return "THREATEN", DEFAULT_INTENSITY["THREATEN"]
    if entry.intent and complement_entry is None and etype == "AGREE" and \
            tok.lemma_ in ("plan", "decide", "prepare", "intend"):
        return "", 0.0
    if etype in MATERIAL and _aux_lemmas(tok) & FUTURE_AUX:
        if entry.intensity >= 0:
            return "AGREE", DEFAULT_INTENSITY["AGREE"]
        return "THREATEN", DEFAULT_INTENSITY["THREATEN"]
    return etype, intensity


def _promised_against(tok: Token) -> bool:
    """True when what a promise commits to is aimed against someone: "committed to a
    strike against Iraq", "pledged to a campaign against the cartels"."""
    return any(c.dep_ == "prep" and c.lower_ == "against"
               for noun in _prep_objects(tok, "to") for c in noun.children)


#: "-ing" forms of the verbs of ending ("halting", "stopping", "ceasing").
CEASING_FORMS = frozenset(form for verb in CEASE_VERBS for form in (
    f"{verb}ing", f"{verb.removesuffix('e')}ing", f"{verb}{verb[-1]}ing"))


def _ceased(tok: Token) -> bool:
    """True when a verb of ending governs the trigger ("will stop supporting the rebels",
    "ended its support for the junta", "put an end to its aid", "halted plans to annex")."""
    cur = tok
    for _ in range(3):
        head = cur.head
        if head.i == cur.i:
            return False
        if cur.dep_ == "acl" and head.lemma_.lower() in INTENT_NOUNS and _to_infinitive(cur):
            # "halted plans to annex the valley": the plan is what was ended (the parser
            # may read "for halting plans to ..." with "halting" as the plan's adjective).
            if any(c.dep_ == "amod" and c.lower_ in CEASING_FORMS for c in head.children):
                return True
            cur = head
            head = cur.head
        if cur.dep_ in ("xcomp", "dobj", "pcomp", "nsubjpass") and (
                head.lemma_.lower() in CEASE_VERBS and _is_verbal(head)):
            return True
        if cur.dep_ == "pobj" and head.lower_ == "to" and head.head.lemma_.lower() == "end":
            return True
        if cur.dep_ not in ("pobj", "prep"):
            return False
        cur = head
    return False


# A first-match decision list (denied, conditional, ongoing, planned, happened); the
# order is the rule.
def _mode(frame: Frame) -> str:  # noqa: C901
    """Whether the event happened: ``denied`` when negated, ``conditional`` inside or under
    an if/unless clause or told as a possibility (could, might, may), ``planned`` for the
    future, other modals, promises, plans and hedges."""
    if frame.negated:
        return DENIED
    tok = frame.trigger
    chain = _clause_chain(tok)
    above = _purpose_of(chain[-1])
    if above is not None:
        # "will send jets to help defend X": the help is as planned as the sending.
        chain = chain + _clause_chain(above)
    if _under_condition(tok) or _supposed(tok):
        return CONDITIONAL
    auxes = set().union(*(_aux_lemmas(c) for c in chain))
    if any(c.lemma_.lower() in ONGOING_VERBS for c in chain[1:2]) and not any(
            _negated(c) for c in chain) and not auxes & CONDITION_AUX:
        # "will continue to support the rebels": the support goes on now.
        return HAPPENED
    if _attempted(chain) and not auxes & (FUTURE_AUX | MODAL_AUX):
        # "tried to pressure the government", "attempted to overthrow the president": the
        # attempt was made, against its target (at half strength: frame.modality).
        return HAPPENED
    if auxes & (MODAL_AUX | {"would"}) and any(
            any(m.dep_ == "mark" and m.lower_ in CONDITION_MARKS for m in a.children)
            for c in chain for a in _children(c, "advcl")):
        return CONDITIONAL
    if auxes & CONDITION_AUX and not auxes & FUTURE_AUX:
        # "Canada could sanction Iran", "talks may resume": a possibility, not a plan
        # anyone announced.
        return CONDITIONAL
    if auxes & (FUTURE_AUX | MODAL_AUX) or any(
            c.lemma_.lower() in PLAN_VERBS or c.lower_ in PLAN_VERBS for c in chain[1:]
            if above is None or c.i != above.i):
        # (The verb a purpose serves is no plan word of its own: "set up checkpoints to
        # stop the march" stopped it.)
        return PLANNED
    if tok.dep_ == "acl" and tok.head.lemma_.lower() in INTENT_NOUNS and _to_infinitive(tok):
        # "Uganda's plan to close the border", "a pledge to withdraw": not yet done.
        return PLANNED
    if frame.folded_intent and frame.type != "THREATEN":
        # A promise or plan is an act of speech about the future; a threat is an act now.
        return PLANNED
    if not _is_verbal(tok) and any(c.dep_ in ("amod", "compound") and (
            c.lower_ in PLAN_ADJECTIVES or c.lemma_.lower() in PLAN_ADJECTIVES)
            for c in tok.children):
        return PLANNED
    if frame.modality < 1.0:
        return PLANNED
    return HAPPENED


#: Determiners of an act supposed, not told: "any invasion would ...", "an attack on X
#: would be ..."; "the attack would have ..." is the one told.
SUPPOSING_DETERMINERS = frozenset({"a", "an", "any"})


def _supposed(tok: Token) -> bool:
    """True for an act named by an indefinite noun as the subject of a verb of might or
    would ("any invasion of Taiwan would trigger sanctions", "an attack on one member could
    draw in all"): a supposition, not a report."""
    if _is_verbal(tok) or tok.dep_ not in ("nsubj", "nsubjpass"):
        return False
    det = next((c.lower_ for c in tok.children if c.dep_ in ("det", "poss")), None)
    return det in SUPPOSING_DETERMINERS and bool(
        _aux_lemmas(tok.head) & (CONDITION_AUX | {"would"}))


#: Verbs of trying: what they govern was attempted, which is an act of its own.
ATTEMPT_VERBS = frozenset({"try", "attempt"})


def _attempted(chain: list[Token]) -> bool:
    """True when the verb right above the act is a trying told in the past ("tried to",
    "had attempted to"), not negated."""
    if len(chain) < 2:
        return False
    verb = chain[1]
    return verb.lemma_.lower() in ATTEMPT_VERBS and not _negated(verb) and told_in_past(verb)


def _requested(frame: Frame) -> bool:
    """True for an act someone is asked to do ("called on Israel to stop its bombing",
    "urged the rebels to lay down their arms", "called for his resignation"): asked for, it
    has not happened. The asking is an event of its own."""
    tok = frame.trigger
    if not _is_verbal(tok):
        # "called for Vargas's resignation", "demanded the withdrawal of the troops": the
        # act a demand asks for is its object.
        asker = tok.head.head if tok.dep_ == "pobj" and tok.head.lower_ == "for" else tok.head
        if asker.lemma_.lower() in ASKING_VERBS and any(t.i == tok.i for t in _demanded(asker)):
            return True
    verb = tok if _is_verbal(tok) else _governing_verb(tok)
    if verb is not None and _coordinated_under(verb, verb.head) and _is_verbal(verb.head):
        # "urged Europe to go further and cut banks off": asked for as the first act is.
        verb = verb.head
    for _ in range(3):
        if verb is None or verb.head.i == verb.i or verb.dep_ not in ("xcomp", "advcl",
                                                                       "ccomp"):
            return False
        if not _to_infinitive(verb):
            return False
        verb = verb.head
        if verb.lemma_.lower() in ASKING_VERBS:
            return True
    return False


def _polarity(frame: Frame) -> tuple[str, float]:
    """Final type and polarity after negation and modality."""
    etype, value = frame.type, frame.intensity * frame.modality
    if frame.ceased and not frame.negated:
        # Ending support is a sanction ("withdraw support"); ending an attack a retreat.
        if etype in COOPERATIVE:
            return "SANCTION", round(-0.4 * frame.modality, 3)
        if etype not in (INCIDENT, STATEMENT) and value < 0:
            return "RETREAT", round(0.3 * frame.modality, 3)
    if not frame.entry.stance:
        # Movements and happenings (a departure, a blackout) are dated facts, not stances.
        value = 0.0
    if frame.negated:
        # A meeting that did not happen is no rejection ("they had not met"); refusing to
        # meet is a REJECT trigger of its own.
        if etype in COOPERATIVE and etype != "CONSULT":
            return "REJECT", round(-abs(value) * 0.5, 3)
        return etype, 0.0
    return etype, round(value, 3)
