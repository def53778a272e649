"""Events from a parsed document: trigger, type, actor, target, polarity, speaker and date.

The rules, in the order they apply to each trigger the lexicon finds:

- control verbs ("refuses to hand over the government to Guaido", "urged Iran to free")
  fold their clause into one event: the actor is the control verb's subject, the target
  comes from the clause, the type from the control verb; intent verbs ("promised",
  "threatened", "ready to") and the future ("will withdraw") make an AGREE of a
  cooperative act and a THREATEN of a conflictual one, as PLOVER codes intentions;
- actor and target from the subject, object, dative, passive agent ("backed by the
  military"), prepositional and possessive arguments, across coordination, relative clauses,
  participles and infinitives that share their subject with the verb above them;
- negation ("not", "never", "no longer") turns a cooperative act into a REJECT and cancels
  a conflictual one or a meeting ("had not met"); modality ("could", "hoped") halves the intensity;
- reported speech: the subject of a speech verb ("Pompeo said ...") is the ``speaker`` of
  every event in its clause; "X said Y must ..." is a REQUEST by X;
- the date: the time expression attached to the event's clause, else the nearest one in a
  clause above it in the sentence, else the publication date (``date_source`` says which);
- a place is a target only when no party is named, PLOVER-style, and its ``target_text``
  then starts with "in " so that readers (and the stance) see it is where, not whom;
- as event data codes news, some parties are inferred and marked so: a state's act on
  people it names without a country, or a measure such as martial law, is domestic;
  violence by unnamed authors ("a roadside bomb"), an arrest in the passive and abuse in
  custody are coded to the state where they happen (actor text "in <country>", no stance);
  crowds and unknown parties act where the text places them; uncoded dissent against one
  state's organs is that state's; a threat's target may be named only in its condition.

Everything here is a pure function of the ``Doc`` and plain dicts; nothing raises on odd
parses (missing heads, empty sentences).
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from spacy.tokens import Doc, Span, Token

from .. import resources
from .arguments import (
    ARGUMENT_RULES,
    PEOPLE_NOUNS,
    PLACE_MARKS,
    SECTOR_NOUNS,
    SPEECH_VERBS,
    Arg,
    DocIndex,
    backer_of,
    build_index,
    city_of_violence,
    expand_agents,
    is_speech_verb,
    one_country,
    protagonist,
    resolve,
    resolve_one,
)
from .lexicon import (
    ACTION,
    COOPERATIVE,
    INCIDENT,
    MATERIAL,
    STATEMENT,
    Entry,
    Lexicon,
    load_lexicon,
    match_trigger,
)

# A coup or junta that removes someone (rule coup_removal).
REMOVAL_VERBS = frozenset({"remove", "oust", "depose", "topple", "overthrow", "unseat",
                           "replace", "dismiss"})
COUP_NOUNS = frozenset({"coup", "junta", "putsch"})
# Words that name an attack's authors in "X said Y are the perpetrators" (rule
# perpetrator_attribution).
PERPETRATOR_WORDS = frozenset({"perpetrator", "culprit", "responsible", "author",
                               "mastermind", "attacker", "organiser", "organizer"})
# Verbs of wishing and trying: what they govern has not happened ("hoped ... could continue").
HEDGE_VERBS = frozenset({"hope", "hop", "hoped", "want", "wish", "seek", "try", "attempt",
                         "expect", "consider", "aim", "like", "would", "might"})
MODAL_AUX = frozenset({"could", "might", "may", "should", "can", "ca"})
# Adverbs that make an act a possibility ("potentially ending the war").
HEDGE_ADVERBS = frozenset({"potentially", "possibly", "perhaps", "maybe", "conceivably"})
FUTURE_AUX = frozenset({"will", "'ll", "shall", "would", "wo"})
NEGATORS = frozenset({"not", "n't", "never", "no"})
# Objects that make a verb an act of communication, not an event ("released a statement").
NON_EVENT_OBJECTS = frozenset({"statement", "report", "video", "footage", "document", "data",
                               "figure", "detail", "list", "photo", "image", "book", "album",
                               "record", "result", "song", "film", "version", "update", "app",
                               "product", "timeline", "information", "name", "transcript",
                               "memo", "memorandum", "letter", "summary", "text", "recording",
                               "audio", "email", "tape", "communique", "communiqué", "paper"})
OBLIGATION_AUX = frozenset({"must", "should"})
# Prepositions whose object is the other party of an event, most telling first.
TARGET_PREPS = ("against", "with", "to", "on", "into", "toward", "towards", "at", "upon", "for",
                "from", "over", "of", "between")
ARG_DEPS = frozenset({"dobj", "dative", "attr", "oprd"})
ARGUMENT_DEPS = frozenset({"dobj", "dative", "attr", "oprd", "nsubj", "nsubjpass", "poss",
                           "compound", "appos", "conj"})
LIGHT_PREPS = frozenset({"in", "into", "of", "for", "to", "on", "with", "under"})
OBJECT_PREPS = frozenset({"to", "with", "against", "into", "toward", "towards", "from",
                          "between", "in"})
PLACE_PREPS = ("in",)
# Verbs that take away what their object noun names ("suspended aid", "rejected talks").
REVERSING = frozenset({"SANCTION", "REJECT"})
# Head nouns of places a people's adjective can sit on ("the Iraqi city of Basra").
PLACE_NOUNS = frozenset({"city", "town", "village", "province", "region", "capital", "port",
                         "border", "district", "camp", "state", "territory", "island"})
# Measures a state takes at home ("imposed martial law", "lifted the state of emergency").
DOMESTIC_MEASURES = frozenset({"curfew", "law", "emergency", "ban", "restriction",
                               "censorship", "crackdown", "siege", "lockdown"})
# Nouns of a stance whose "of"/"with" object is the other party ("in defiance of X").
STANCE_NOUNS = frozenset({"defiance", "solidarity", "protest", "support", "opposition"})
# Subordinators of a condition a threat or an offer is put on ("unless Baghdad accepts").
CONDITION_MARKS = frozenset({"if", "unless"})
# Verbs of these types react to an act named by their object; they do not perform it
# ("condemned the attack", "protested the arrest", "demanded the withdrawal").
REACTIONS = frozenset({"ACCUSE", "REJECT", "PROTEST", "REQUEST"})
# Means and authors of violence that name no party ("a roadside bomb", "gunmen").
WEAPON_NOUNS = frozenset({"bomb", "bombing", "explosion", "blast", "device", "attack",
                          "gunfire", "rocket", "missile", "shell", "shelling", "mortar",
                          "grenade", "mine", "ambush", "shooting", "gunman", "gunmen",
                          "attacker", "assailant", "bomber", "militant", "insurgent",
                          "sniper", "strike", "airstrike", "raid", "car"})
# Acts of dissent: by uncoded people against one state's organs they are domestic.
DISSENT = frozenset({"PROTEST", "REQUEST", "THREATEN", "ACCUSE", "REJECT"})
# Roles of a state's organs and office holders.
STATE_ROLE_WORDS = frozenset({"head of state", "head of government", "foreign minister",
                              "government", "supreme leader", "vice president", "legislature",
                              "military", "police", "king", "prime minister", "ministry"})
# Types a negation turns around ("did not recognize" is a rejection).
DEFAULT_INTENSITY = {"AGREE": 0.4, "THREATEN": -0.6, "REJECT": -0.4, "REQUEST": -0.4}
# What an event's clause says about whether it happened (``Event.modality``).
HAPPENED, PLANNED, CONDITIONAL, DENIED = "happened", "planned", "conditional", "denied"
# Common nouns of a state's offices, organs and people that a domestic story's country owns.
HOME_NOUNS = frozenset({"police", "policeman", "officer", "government", "authority", "senate",
                        "senator", "parliament", "legislature", "legislator", "lawmaker",
                        "congress", "court", "judge", "prosecutor", "commission", "council",
                        "ministry", "minister", "cabinet", "palace", "president", "governor",
                        "mayor", "official", "spokesperson", "spokesman", "spokeswoman",
                        "administration", "army", "military", "protester", "demonstrator",
                        "opposition", "activist", "party", "network", "regulator"})
# Acts told without their authors that a domestic story's country owns, by whom.
UNNAMED_HOME = {"PROTEST": "opposition", "COERCE": "police"}
# How many days before publication the story's last named day carries on to sentences
# without a time expression (``narrative_day``).
NARRATIVE_DAYS = 7
# How many opening sentences make a story's lede, whose day the story goes on telling.
LEDE_SENTENCES = 2
# Verbs above an act that make it intended, not done ("plans to open", "aims to sign").
PLAN_VERBS = HEDGE_VERBS | frozenset({"plan", "intend", "prepare", "propose", "aim", "seek",
                                      "mean", "schedule", "set", "expect", "going"})
# Adjectives on an event noun that make it intended or uncertain ("the planned talks").
PLAN_ADJECTIVES = frozenset({"planned", "plan", "proposed", "propose", "possible", "potential",
                             "future", "prospective", "upcoming", "expected", "alleged",
                             "allege"})
# Verbs that end what they govern ("stopped supporting", "ended its support").
CEASE_VERBS = frozenset({"stop", "end", "cease", "quit", "abandon", "discontinue", "terminate",
                         "drop"})
# What a demand asks a party to stop or undo ("called on X to halt", "urged Y to withdraw"):
# such a demand opposes what the party does, as PLOVER's DEMAND does.
UNDO_VERBS = CEASE_VERBS | frozenset({"halt", "withdraw", "release", "free", "lift", "reverse",
                                      "suspend", "refrain", "desist", "scrap", "revoke",
                                      "pull", "leave", "retreat", "dismantle", "freeze"})
UNDO_INTENSITY = -0.5
# What a demand asks to be taken away: "called for his resignation", "demanded the arrest
# of X", "urged the withdrawal of troops".
REMOVAL_NOUNS = frozenset({"resignation", "removal", "ouster", "impeachment", "arrest",
                           "prosecution", "punishment", "withdrawal", "departure", "dismissal",
                           "expulsion", "trial", "sacking", "exit", "halt", "end", "release",
                           "suspension", "cancellation", "repeal", "ban", "extradition"})
# Verbs that carry an event noun ("signed an accord", "held talks"): when the verb is a
# trigger, it is the event, and the noun adds no second one.
CARRIER_VERBS = frozenset({"sign", "ink", "hold", "conduct", "reach", "conclude", "seal", "win"})
# Objects of one's own people or posts that a withdrawal moves ("pulled its diplomats out of
# Kabul"): the place they leave is no party the withdrawal favours.
# Modifiers that say what a thing is about, not whose it is ("Syria-related sanctions").
ABOUT_MODIFIERS = frozenset({"related", "relate", "linked", "link", "based", "base", "specific",
                             "focused", "focus", "centred", "centered", "bound", "oriented",
                             "themed", "wide", "style", "born", "made"})
OWN_PERSONNEL = frozenset({"diplomat", "staff", "embassy", "personnel", "citizen", "national",
                           "employee", "worker", "ambassador", "envoy", "mission", "family",
                           "consulate", "official", "expert", "team", "people"})


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


# ----------------------------------------------------------------- parse helpers


def _is_verbal(tok: Token) -> bool:
    return tok.pos_ in ("VERB", "AUX")


def _children(tok: Token, *deps: str) -> list[Token]:
    return [c for c in tok.children if c.dep_ in deps]


def _subject(verb: Token) -> tuple[Token | None, bool]:
    """The subject of a verb and whether it is passive (``nsubjpass``)."""
    for child in verb.children:
        if child.dep_ in ("nsubj", "csubj", "expl"):
            return (None, False) if child.dep_ == "expl" else (child, False)
        if child.dep_ in ("nsubjpass", "csubjpass"):
            return child, True
    for aux in verb.children:
        # "Colombia is opposed to ...": the parser may hang the subject on the auxiliary.
        if aux.dep_ in ("aux", "auxpass"):
            for child in aux.children:
                if child.dep_ in ("nsubj", "nsubjpass"):
                    return child, aux.dep_ == "auxpass" or child.dep_ == "nsubjpass"
    return None, False


def _agent(verb: Token) -> Token | None:
    for child in verb.children:
        if child.dep_ == "agent" or (child.dep_ == "prep" and child.lower_ == "by"):
            for pobj in child.children:
                if pobj.dep_ == "pobj":
                    return pobj
    return None


def _is_passive_participle(verb: Token) -> bool:
    return verb.tag_ == "VBN" and not any(c.dep_ in ("aux",) and c.lemma_ == "have"
                                          for c in verb.children)


def _controller(verb: Token) -> Token | None:
    """The token that supplies the missing subject of a verb: the subject of the verb above
    an infinitive, participle or gerund, or the noun a participle modifies."""
    tok = verb
    for _ in range(4):
        dep = tok.dep_
        head = tok.head
        if head.i == tok.i:
            return None
        if dep == "advcl" and head.pos_ in ("PROPN", "NOUN") and head.i < tok.i:
            # A misparse that makes the subject the root ("ECOWAS [ROOT] imposed sanctions").
            return head
        if dep in ("xcomp", "advcl", "conj", "ccomp") and _is_verbal(head) or \
                dep == "acomp":
            subj, passive = _subject(head)
            if subj is not None and not passive:
                return subj
            if subj is not None and passive and (dep != "conj" or not _is_passive_participle(
                    tok) or _aux_lemmas(tok)):
                # "X has been indicted ... and will resign": coordinated verbs share X.
                return subj
            tok = head
            continue
        if dep == "pcomp" and head.dep_ == "prep":
            above = head.head
            if _is_verbal(above) and head.lower_ in ("of", "from", "for") and \
                    _children(above, "dobj"):
                # "accuses Iran of supporting ...", "prevented them from leaving": the
                # object does the act.
                return _children(above, "dobj")[0]
            if _is_verbal(above):
                subj, _ = _subject(above)
                if subj is not None:
                    return subj
                tok = above
                continue
            # "our mission of supporting", "the lead in recognizing": the noun's owner.
            poss = _children(above, "poss")
            return poss[0] if poss else None
        if dep in ("acl", "relcl"):
            # "Egypt and Jordan are the only other Arab states to have signed ...",
            # "Morales is one of a few leaders to support ...": the copula's subject acts.
            noun = head
            if noun.dep_ == "pobj" and noun.head.dep_ == "prep" and noun.head.lower_ == "of":
                noun = noun.head.head
            if dep == "acl" and noun.dep_ == "attr":
                subj, _ = _subject(noun.head)
                if subj is not None:
                    return subj
            return head
        if dep == "attr" or dep == "pobj":
            tok = head
            continue
        return None
    return None


def _governing_verb(noun: Token) -> Token | None:
    """The verb a noun trigger is the object of ("imposed sanctions", "held talks",
    "engaged in fighting"); not one it only dates or explains ("after a call")."""
    tok = noun
    for _ in range(4):
        if tok.dep_ == "prep" and tok.lower_ not in LIGHT_PREPS and not (
                tok.lower_ == "as" and tok.i == noun.head.i):
            # "held refugees as human shields": "as" right above the noun is light too;
            # "died as a result of torture" is not.
            return None
        if tok.dep_ in ("dobj", "pobj", "prep", "attr", "oprd", "nsubjpass", "conj", "appos",
                        "compound", "dative"):
            tok = tok.head
            if _is_verbal(tok):
                return tok
            continue
        return None
    return None


def _negated(tok: Token) -> bool:
    for child in tok.children:
        if child.dep_ == "neg" or child.lower_ in ("never",):
            return True
        if child.dep_ == "advmod" and child.lower_ == "longer" and any(
                g.lower_ == "no" for g in child.children):
            return True
        if child.dep_ == "det" and child.lower_ == "no" and tok.pos_ == "NOUN":
            return True
    return False


def _neither_subject(verb: Token) -> bool:
    """True when a verb's subject is a "neither X nor Y" pair: the verb is negated for both."""
    subj, _ = _subject(verb)
    return subj is not None and (subj.lower_ == "neither" or any(
        c.dep_ in ("det", "preconj") and c.lower_ == "neither" for c in subj.children))


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
    cur = frame.trigger
    for _ in range(12):
        if cur.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in CONDITION_MARKS
                                       for m in cur.children):
            return False
        if cur.head.i == cur.i:
            break
        cur = cur.head
    return True


def _aux_lemmas(tok: Token) -> set[str]:
    return {c.lower_ for c in tok.children if c.dep_ in ("aux", "auxpass")}


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


def _complement(tok: Token) -> Token | None:
    """The clause a control verb governs: "refuse [to hand over]", "accuse X [of lying]",
    "willing [to withdraw]", "demand [that Israel ease ...]"."""
    for child in tok.children:
        if child.dep_ in ("xcomp", "ccomp") and _is_verbal(child):
            return child
    for child in tok.children:
        if child.dep_ == "prep" and child.lower_ in ("of", "to", "for", "on"):
            for pc in child.children:
                if pc.dep_ == "pcomp" and _is_verbal(pc):
                    return pc
    for child in tok.children:
        if child.dep_ == "advcl" and _is_verbal(child) and any(
                a.lower_ == "to" and a.dep_ == "aux" for a in child.children):
            return child
    for child in tok.children:
        if child.dep_ in ("dobj", "acl", "ccomp") and child.pos_ == "NOUN":
            return child
    return None


def _in_clause(tok: Token, clause: Token) -> bool:
    cur = tok
    for _ in range(40):
        if cur == clause:
            return True
        if cur.head.i == cur.i:
            return False
        cur = cur.head
    return False


# ----------------------------------------------------------------- arguments


def _party_args(index: DocIndex, tok: Token | None) -> list[Arg]:
    """The parties an argument head stands for, across coordination; an act named without
    a party ("alleged sabotage engineered by the USA and the opposition") stands for all
    of its agents."""
    if tok is None:
        return []
    agents = [p for c in tok.children if c.dep_ == "acl" for a in c.children
              if a.dep_ == "agent" for p in a.children if p.dep_ == "pobj"]
    if agents and not resolve_one(index, tok, depth=1).is_party:
        return resolve(index, agents[0])
    return expand_agents(index, resolve(index, tok))


def _first_party(candidates: Sequence[list[Arg]],
                 exclude: frozenset[str] = frozenset(), *, sectors: bool = True) -> list[Arg]:
    """The first candidate list that names a party: one with an entity, country,
    organisation or group before one that only names a sector ("the troops"); a bare
    sector only when ``sectors`` (an actor, whose country the other side may give)."""
    for strict in (True, False) if sectors else (True,):
        for args in candidates:
            parties = [a for a in args if a.is_party and (a.entity is None or
                                                          a.entity not in exclude)
                       and (not strict or a.kind != "other")]
            if parties:
                return parties
    return []


def _object_targets(index: DocIndex, verb: Token, entry: Entry | None,
                    exclude: frozenset[str] = frozenset()) -> list[Arg]:
    """Target of a verb from its object, dative and prepositional arguments."""
    candidates: list[list[Arg]] = []
    preps: dict[str, list[Token]] = {}
    objects: list[Token] = []
    for child in verb.children:
        if child.dep_ == "dative" and child.pos_ == "ADP":
            # "providing intelligence to Macedonia" parsed with "to" as the dative.
            preps.setdefault(child.lower_, []).extend(_children(child, "pobj"))
        elif child.dep_ in ARG_DEPS:
            objects.append(child)
            objects.extend(c for c in child.conjuncts if c.i > child.i)
        elif child.dep_ in ("prep", "dative") and child.pos_ == "ADP" or (
                child.dep_ == "agent" and entry is not None and entry.pos == "A"):
            # (An adjective's "by" is its object: "concerned by the drills".)
            preps.setdefault(child.lower_, []).extend(_children(child, "pobj"))
        elif child.dep_ == "dative":
            objects.insert(0, child)
    for obj in [*objects, *_children(verb, "prt")]:
        # The object's own attachments that name a party ("gave aid to X", "ties with X"),
        # and a particle's ("kidnapped up to 16 advisers"); not what the object is about
        # ("welcomed the decision on Putin" is no support for Putin).
        for sub in obj.children:
            if sub.dep_ == "prep" and (sub.lower_ in OBJECT_PREPS or (
                    entry is not None and entry.target_prep and
                    sub.lower_ in entry.target_prep.split("|"))):
                preps.setdefault(sub.lower_, []).extend(_children(sub, "pobj"))
    if entry is not None and entry.target_prep:
        for prep in entry.target_prep.split("|"):
            for pobj in preps.get(prep, ()):
                candidates.append(_party_args(index, pobj))
    aimed: list[list[Arg]] = []
    purposes = [p for prep in ("for", "in", "to") for p in preps.get(prep, ())]
    purposes.extend(p for obj in objects for c in obj.children
                    if c.dep_ == "prep" and c.lower_ == "for" for p in _children(c, "pobj"))
    for pobj in purposes:
        # "in defiance of Chinese authorities", "in protest against X" (before the object:
        # they say whom the act is aimed at); "reservists for a war against Iraq" (after).
        for sub in pobj.children:
            if sub.dep_ != "prep":
                continue
            if pobj.lemma_.lower() in STANCE_NOUNS and sub.lower_ in ("of", "with", "against"):
                candidates.extend(_party_args(index, inner) for inner in _children(sub, "pobj"))
            elif sub.lower_ == "against":
                aimed.extend(_party_args(index, inner) for inner in _children(sub, "pobj"))
    for obj in objects:
        candidates.append(_party_args(index, obj))
    for prep in TARGET_PREPS:
        for pobj in preps.get(prep, ()):
            candidates.append(_at_place(index, _party_args(index, pobj), prep))
    candidates.extend(aimed)
    for prep in PLACE_PREPS:
        # PLOVER codes the place of an act as its target when no party is named ("shelled
        # villages in Kabul"); the text says "in ..." so readers and the stance see a place.
        for pobj in preps.get(prep, ()):
            candidates.append([_as_place(a, prep) for a in _party_args(index, pobj)])
    return _first_party(candidates, exclude, sectors=False)


def _is_place(arg: Arg) -> bool:
    """True for a target that is only where an act happened ("in Cairo")."""
    return arg.text.startswith(PLACE_MARKS)


def _at_place(index: DocIndex, args: list[Arg], prep: str) -> list[Arg]:
    """"at" a building, an airport or a city names where an act happened, not whom it was
    aimed at ("the airstrike at Baghdad airport"; but "fired at the protesters")."""
    if prep != "at" or "place_at" not in index.rules:
        return args
    out = []
    for arg in args:
        ent = index.entities.get(arg.entity or "") or {}
        label = ent.get("label")
        if label in ("FAC", "LOC") or label == "GPE" and (
                resources.place_lookup(str(ent.get("canonical") or "")) is None):
            arg = _as_place(arg, prep)
        out.append(arg)
    return out


def _as_place(arg: Arg, prep: str) -> Arg:
    return Arg(arg.head, f"{prep} {arg.text}", arg.kind, arg.entity, arg.country, arg.sector,
               arg.igo, arg.label)


# Verbs that speak about an act named as their object, not perform it ("characterized the
# attack as a violation", "described the raid"): their subject is no actor of the act.
JUDGING_VERBS = frozenset({"characterize", "characterise", "describe", "call", "label", "term",
                           "deem", "consider", "regard", "view", "brand", "dub", "investigate",
                           "confirm", "deny", "mention", "discuss", "witness", "film",
                           "photograph", "document", "report", "recall", "remember",
                           "commemorate", "mark"})


def _city_of_violence(noun: Token, modifier: Token) -> bool:
    """True when a city or capital names the place of a violent act ("the Kabul bombing",
    "the Mogadishu attack"); a country or people ("a US airstrike") names its author."""
    if modifier.ent_type_ not in ("GPE", "LOC", "FAC"):
        return False
    words = [t.text for t in modifier.subtree if t.dep_ == "compound" or t.i == modifier.i]
    return city_of_violence(noun, {"label": modifier.ent_type_, "canonical": " ".join(words)})


# Verbs that only say an act named by their subject happened ("protests erupted").
HAPPENING_VERBS = frozenset({"erupt", "break", "continue", "spread", "begin", "start",
                             "resume", "escalate", "intensify", "rage", "flare", "occur",
                             "happen", "unfold", "take"})
# Event nouns whose "from" names their source, not a place left ("criticism from Turkey",
# "pressure from Washington"; a "withdrawal from Iraq" leaves a place).
SOURCED_NOUNS = frozenset({"criticism", "condemnation", "support", "aid", "assistance",
                           "pressure", "threat", "warning", "protest", "backing", "praise",
                           "demand", "call", "accusation", "rebuke", "objection", "funding",
                           "help", "recognition", "sanction"})


def _described(index: DocIndex, noun: Token) -> tuple[list[Arg], list[Arg]]:
    """Holder and other party of a relation a noun describes ("Venezuela, a close ally of
    Cuba"; "Pakistan, a key U.S. ally"; "Hungary is an ally of Serbia"): the holder is
    what the apposition or the predicate describes, the other party is named by "of" or
    by the noun's own modifier."""
    if noun.dep_ == "appos":
        holder: Token | None = noun.head
    else:
        holder, _ = _subject(noun.head)
    actors = _first_party([_party_args(index, holder)]) if holder is not None else []
    others = [p for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"
              for p in _children(c, "pobj")]
    others.extend(c for c in noun.children if c.dep_ in ("compound", "poss", "amod", "nmod"))
    taken = {a.entity or a.country for a in actors}
    for other in others:
        found = [a for a in _first_party([_party_args(index, other)], sectors=False)
                 if (a.entity or a.country) not in taken]
        if found:
            return actors, found
    return actors, []


def _noun_arguments(index: DocIndex, noun: Token, reactions: frozenset[int] = frozenset(),
                    about: bool = True) -> tuple[list[Arg], list[Arg]]:
    """Actor and target of an event noun ("its recognition of Guaido", "U.S. sanctions on
    Iran", "held talks with X", "an attack by rebels").

    ``reactions`` are the token indices of verbs that react to an act ("condemned", "called
    for"): their subject is not the noun's actor ("the US deplored the attack").
    """
    actors: list[Arg] = []
    targets: list[Arg] = []
    preps: dict[str, list[Token]] = {}
    for child in noun.children:
        if child.dep_ == "prep":
            preps.setdefault(child.lower_, []).extend(_children(child, "pobj"))
    if noun.dep_ == "nsubj" and noun.head.lemma_.lower() in HAPPENING_VERBS and \
            "happening_subject" in index.rules:
        # "Protests erupted in Tbilisi against the law": the verb only says it happened;
        # its phrases are the noun's.
        for child in noun.head.children:
            if child.dep_ == "prep" and child.lower_ not in preps:
                preps.setdefault(child.lower_, []).extend(_children(child, "pobj"))
    if preps.get("by"):
        actors = _first_party([_party_args(index, preps["by"][0])])
    if not actors and "attack_attribution" in index.rules:
        # "the attack, carried out by X", "a raid conducted by X": the participle's agent.
        agents = [p for c in noun.children if c.dep_ == "acl" and _is_verbal(c)
                  for a in c.children if a.dep_ == "agent" for p in _children(a, "pobj")]
        if agents:
            actors = _first_party([_party_args(index, agents[0])])
    if not actors:
        for child in noun.children:
            if child.dep_ == "poss" and child.ent_type_ not in ("DATE", "TIME"):
                actors = _first_party([_party_args(index, child)])
                break
    if not actors:
        for child in noun.children:
            if child.dep_ in ("compound", "amod", "nmod") and child.ent_type_ not in (
                    "DATE", "TIME") and not (about and (
                    child.lower_ in ABOUT_MODIFIERS or
                    child.lemma_.lower() in ABOUT_MODIFIERS)):
                if "city_is_place" in index.rules and _city_of_violence(noun, child):
                    # "the Jalalabad market bombing": a city names where, not who.
                    continue
                found = resolve_one(index, child)
                # A sector word alone is no actor here: "a general strike" is not the army's.
                if found.is_party and found.kind != "other":
                    actors = [found]
                    break
    if not actors and preps.get("from") and "from_source" in index.rules and (
            noun.lemma_.lower() in SOURCED_NOUNS):
        # "criticism of Israel from Turkey", "aid from Japan": whom it comes from acts.
        actors = _first_party([_party_args(index, preps["from"][0])])
        if actors:
            preps.pop("from")
    if not actors and noun.dep_ == "appos" and "appositive_actor" in index.rules:
        # "Venezuela, a close ally of Cuba, ...": the apposition describes its head.
        actors = _first_party([_party_args(index, noun.head)])
    verb = _governing_verb(noun)
    if not actors and verb is not None and verb.i not in reactions and (
            verb.lemma_.lower() not in JUDGING_VERBS):
        subj, passive = _subject(verb)
        if subj is not None and subj.i != noun.i and (not passive or noun.dep_ == "pobj"):
            # "imposed sanctions"; "were engaged in ethnic cleansing" (a stative passive).
            actors = _first_party([_party_args(index, subj)])
        elif subj is None:
            ctrl = _controller(verb)
            if ctrl is not None:
                actors = _first_party([_party_args(index, ctrl)])
    for prep in TARGET_PREPS:
        if prep == "of" and not actors and verb is None:
            continue
        for pobj in preps.get(prep, ()):
            targets = _first_party([_at_place(index, _party_args(index, pobj), prep)],
                                   sectors=False)
            if targets:
                break
        if targets:
            break
    for pobj in preps.get("of", ()) if not targets else ():
        # "a suspension of air links with Serbia", "the removal of President X".
        for sub in pobj.children:
            if sub.dep_ == "prep" and sub.lower_ in TARGET_PREPS and not targets:
                for inner in _children(sub, "pobj"):
                    targets = _first_party([_party_args(index, inner)], sectors=False)
    for child in noun.children:
        if not targets and child.dep_ in ("acl", "ccomp") and _is_verbal(child):
            subj, _ = _subject(child)
            if subj is not None:
                targets = _first_party([_party_args(index, subj)], sectors=False)
    if not targets and verb is not None:
        targets = [a for a in _object_targets(index, verb, None)
                   if a.head != noun.i and not _in_clause(index.doc[a.head], noun)]
    for prep in PLACE_PREPS if not targets else ():
        # "extend the curfew in Abidjan": as for verbs, the place when no party is named.
        for pobj in preps.get(prep, ()):
            targets = [_as_place(a, prep) for a in _first_party([_party_args(index, pobj)],
                                                                  sectors=False) if a.country]
            if targets:
                break
    return actors, targets


def _verb_arguments(index: DocIndex, verb: Token, entry: Entry,
                    complement: Token | None) -> tuple[list[Arg], list[Arg], Token | None]:
    """Actor and target of a verb trigger (and of its folded complement, if any)."""
    subj, passive = _subject(verb)
    if subj is None and verb.dep_ == "conj" and verb.tag_ == "VBN":
        # "who was detained and later barred": the second participle shares
        # the first one's passive subject.
        head_subj, head_passive = _subject(verb.head)
        if head_passive:
            subj, passive = head_subj, True
    actors: list[Arg] = []
    targets: list[Arg] = []
    if verb.pos_ == "ADJ" and verb.dep_ == "acomp":
        subj, passive = _subject(verb.head)
    if passive and (entry.pos == "A" or entry.intent and _agent(verb) is None) and \
            verb.tag_ == "VBN" and (_children(verb, "xcomp", "prep") or verb.pos_ == "ADJ" or
                                    entry.pos == "A" and _children(verb, "agent")):
        # "Vietnam is committed to ...", "is prepared to ...", "was concerned by ...": a
        # state of mind, not a passive.
        passive = False
    if passive:
        agent = _agent(verb)
        actors = _first_party([_party_args(index, agent)]) if agent is not None else []
        if subj is not None and (subj.lemma_.lower() in entry.needs or
                                 subj.lower_.rstrip("s") in entry.needs):
            # "Homage was paid by ...": the subject is the phrase's own word, not the
            # one acted upon; the target is in the phrase's preposition, if anywhere.
            targets = _object_targets(index, verb, entry, frozenset(
                a.entity for a in actors if a.entity))
        else:
            targets = _first_party([_party_args(index, subj)], sectors=False)
    elif subj is not None:
        actors = _party_args(index, subj)
        if not any(a.is_party for a in actors):
            actors = [a for a in actors]  # kept for the text; no party found
    else:
        if verb.dep_ == "acl" and _is_passive_participle(verb):
            # "Maduro, backed by the military": the noun is the target.
            agent = _agent(verb)
            actors = _first_party([_party_args(index, agent)]) if agent is not None else []
            targets = _first_party([_party_args(index, verb.head)], sectors=False)
        elif any(c.dep_ == "auxpass" for c in verb.children) and _agent(verb) is not None:
            # "hurt after being beaten by a mob": the agent acts on the one the
            # clause is about.
            actors = _first_party([_party_args(index, _agent(verb))])
            ctrl = _controller(verb)
            targets = _first_party([_party_args(index, ctrl)], sectors=False) \
                if ctrl is not None else []
        else:
            ctrl = _controller(verb)
            if ctrl is not None:
                actors = _party_args(index, ctrl)
            if verb.dep_ == "acl" and not any(a.is_party for a in actors):
                # "issued a declaration demanding ...": the declaration's author acts.
                above = _governing_verb(verb.head)
                if above is not None:
                    asubj, apassive = _subject(above)
                    if asubj is not None and not apassive:
                        actors = _party_args(index, asubj)
    exclude = frozenset(a.entity for a in actors if a.entity)
    if complement is not None and not targets:
        # "urged Iran to free ...": the object of the control verb is the target; else the
        # clause's subject ("demanded that Israel ease ..."), else the clause's own target.
        own = [o for o in _children(verb, "dobj", "dative")]
        if own:
            targets = _first_party([_party_args(index, own[0])], exclude, sectors=False)
        if not targets and entry.type == "REQUEST" and "addressee_target" in index.rules:
            # "called on Israel to stop its bombing of Gaza": the one called on.
            for prep in verb.children:
                if prep.dep_ == "prep" and prep.lower_ in ("on", "upon") and not targets:
                    targets = [t for pobj in _children(prep, "pobj") for t in _first_party(
                        [_party_args(index, pobj)], exclude, sectors=False)]
        if not targets and _is_verbal(complement):
            csubj, cpassive = _subject(complement)
            if csubj is not None and not cpassive and (subj is None or csubj.i != subj.i):
                targets = _first_party([_party_args(index, csubj)], exclude, sectors=False)
            if not targets:
                targets = _object_targets(index, complement, None, exclude)
            if not targets and cpassive and csubj is not None:
                targets = _first_party([_party_args(index, csubj)], exclude, sectors=False)
        elif not targets:
            _, targets = _noun_arguments(index, complement)
        if not targets:
            targets = _object_targets(index, verb, entry, exclude)
    elif not targets:
        targets = _object_targets(index, verb, entry, exclude)
    return actors, targets, subj


def _speaker(index: DocIndex, tok: Token) -> Arg | None:
    """The subject of the speech verb whose reported clause contains ``tok``, if any."""
    cur = tok
    for _ in range(8):
        head = cur.head
        if head.i == cur.i:
            break
        if cur.dep_ in ("ccomp", "parataxis", "advcl", "xcomp") and (
                head.lemma_.lower() in SPEECH_VERBS or head.lower_ in SPEECH_VERBS):
            subj, _ = _subject(head)
            if subj is not None:
                arg = resolve_one(index, subj)
                return arg if arg.is_party else None
        cur = head
    for child in tok.sent:
        if child.lower_ == "according" and child.dep_ == "prep":
            for to in child.children:
                for pobj in _children(to, "pobj"):
                    arg = resolve_one(index, pobj)
                    return arg if arg.is_party else None
    return None


# ----------------------------------------------------------------- dates


def _clause(tok: Token) -> Token:
    cur = tok
    for _ in range(40):
        if _is_verbal(cur) or cur.head.i == cur.i:
            return cur
        cur = cur.head
    return cur


def _timex_spans(doc: Doc, timex: Sequence[dict[str, Any]]) -> list[tuple[Span, dict[str, Any]]]:
    out: list[tuple[Span, dict[str, Any]]] = []
    for item in timex or ():
        value = str(item.get("value", ""))
        if item.get("type") not in ("DATE", "TIME") or not value[:1].isdigit():
            continue
        span = doc.char_span(int(item["start_char"]), int(item["end_char"]),
                             alignment_mode="expand")
        if span is not None and len(span):
            out.append((span, item))
    return out


def _owns_date(tok: Token, span: Span, trigger: Token) -> bool:
    """True when ``tok`` is a participant noun the time expression describes ("Maduro's
    2018 re-election"), not a circumstance of the clause ("in a speech this week")."""
    return (tok.pos_ in ("NOUN", "PROPN") and tok not in span and tok != trigger
            and tok.dep_ in ARGUMENT_DEPS)


def _attached(span: Span, trigger: Token) -> bool:
    """True when the time expression hangs on the trigger's own clause (for a noun trigger,
    on the noun itself: "Thursday's withdrawal")."""
    return _attachment(span, trigger) is not None


def _attachment(span: Span, trigger: Token) -> int | None:
    """How many steps up the parse the time expression hangs on the trigger's own clause,
    or None when it does not (see ``_attached``)."""
    cur = span.root
    for step in range(40):
        if cur == trigger:
            return step
        if cur.head.i == cur.i:
            return None
        cur = cur.head
        if cur == trigger:
            return step + 1
        if _owns_date(cur, span, trigger):
            # "calling Maduro's 2018 re-election a fraud": the date belongs to another noun.
            return None
        if _is_verbal(cur):
            if cur.dep_ in ("relcl", "acl") and cur.head == trigger:
                # "a blackout that began Thursday": the clause describes the event noun.
                return step + 2
            if cur == trigger or (not _is_verbal(trigger) and cur == _clause(trigger)
                                  and span.root.head == cur):
                return step + 1
            return None
    return None


def line_breaks(doc: Doc) -> list[int]:
    """For each token index i (and len(doc)), how many tokens before i hold a line break; two
    tokens are on one line when their counts are equal. Linear in the document."""
    out = [0] * (len(doc) + 1)
    for tok in doc:
        out[tok.i + 1] = out[tok.i] + ("\n" in tok.text_with_ws)
    return out


def _same_line(span: Span, trigger: Token, breaks: Sequence[int] | None) -> bool:
    """True unless a line break separates the time expression from the trigger: a date on a
    line of its own above the text ("Monday, May 3, 2021") is the article's, not the clause's,
    even when the parser hangs it on the first verb."""
    if breaks is None:
        return True
    lo, hi = (span.end - 1, trigger.i) if span.end - 1 < trigger.i else (trigger.i, span.start)
    return breaks[hi] == breaks[lo]


def _conjunct_date(span: Span, trigger: Token) -> bool:
    """True when the time expression closes a verb coordinated after the trigger ("police
    fired and hit a protester on Tuesday"): both acts of one sentence share it."""
    return _is_verbal(trigger) and any(
        c.dep_ == "conj" and _is_verbal(c) and c.i < span.start and
        span.end - 1 <= c.right_edge.i and _in_clause(span.root, c) for c in trigger.children)


def pick_date(trigger: Token, spans: Sequence[tuple[Span, dict[str, Any]]],
              anchor: str | None, *, breaks: Sequence[int] | None = None,
              narrative: Sequence[int] | None = None,
              conjuncts: bool = True, lede: bool = True,
              starts: Sequence[int] | None = None) -> tuple[str | None, str | None]:
    """The event's date and where it came from (a time expression's text or "published").

    ``breaks`` (from ``line_breaks``) keeps time expressions on another line out;
    ``narrative`` (from ``narrative_starts``) lets a sentence without a time expression
    take the story's last recent day (``narrative_day``) before the publication date;
    ``starts`` (the same list) finds the sentence's own time expressions by bisection.
    """
    sent = trigger.sent
    local = [(s, t) for s, t in sentence_spans(sent, spans, starts)
             if _same_line(s, trigger, breaks)]
    attached = [(depth, n, item) for n, (span, item) in enumerate(local)
                if (depth := _attachment(span, trigger)) is not None]
    if attached:
        # "After a raid in 1998, the law was changed in 1999": the nearest in the parse.
        item = min(attached, key=lambda a: (a[0], a[1]))[2]
        return str(item["value"]), str(item["text"])
    if conjuncts:
        for span, item in local:
            if _conjunct_date(span, trigger):
                return str(item["value"]), str(item["text"])
    clause = _clause(trigger)
    scoping: list[tuple[int, dict[str, Any]]] = []
    for span, item in local:
        above = span.root.head
        if _owns_date(above, span, trigger):
            continue
        tclause = _clause(above)
        if _in_clause(clause, tclause):
            scoping.append((min(abs(span.start - trigger.i), abs(span.end - 1 - trigger.i)),
                            item))
    if scoping:
        item = min(scoping, key=lambda p: p[0])[1]
        return str(item["value"]), str(item["text"])
    if not local and narrative is not None and _narrated(trigger):
        # No time expression in the sentence: the story's last named day, if recent.
        item = narrative_day(trigger, spans, anchor, narrative, lede=lede)
        if item is not None:
            return str(item["value"])[:10], str(item["text"])
    if anchor:
        return anchor, "published"
    return None, None


def _narrated(trigger: Token) -> bool:
    """True when the trigger's clause is told in the simple past ("police fired", "was
    arrested"); the present and the perfect ("has announced", "have departed") speak of
    the time of writing."""
    verb = _clause(trigger)
    if not _is_verbal(verb):
        return False
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if any(a.lemma_ == "have" and a.tag_ in ("VBP", "VBZ") for a in auxes):
        return False
    if auxes:
        return any(a.tag_ == "VBD" for a in auxes)
    return verb.tag_ == "VBD"


def narrative_starts(spans: Sequence[tuple[Span, dict[str, Any]]]) -> list[int]:
    """Start token of each time expression, in order, for ``narrative_day``."""
    return [span.start for span, _ in spans]


def sentence_spans(sent: Span, spans: Sequence[tuple[Span, dict[str, Any]]],
                   starts: Sequence[int] | None = None) -> Sequence[tuple[Span, dict[str, Any]]]:
    """The time expressions inside ``sent``. With ``starts`` (``narrative_starts(spans)``)
    they are found by bisection, so an event costs the same in a long text as in a short
    one; without, by a scan."""
    if starts is None:
        return [(s, t) for s, t in spans if s.start >= sent.start and s.end <= sent.end]
    lo = bisect_left(starts, sent.start)
    hi = bisect_left(starts, sent.end, lo)
    return [(s, t) for s, t in spans[lo:hi] if s.end <= sent.end]


def narrative_day(trigger: Token, spans: Sequence[tuple[Span, dict[str, Any]]],
                  anchor: str | None, starts: Sequence[int], *,
                  days: int = NARRATIVE_DAYS, lede: bool = False) -> dict[str, Any] | None:
    """The last time expression before the trigger, when it names a day in the ``days``
    before publication: news tells what happened "yesterday" and goes on without repeating
    the date ("Police fired tear gas. Protesters threw stones."). A later background date
    ("in 1972") ends that day's story, and so does a dateline (it names the publication day).

    Args:
        trigger: the event's trigger, in a sentence with no time expression.
        spans: the document's time expressions in text order (``_timex_spans``).
        anchor: the publication date (ISO); without it, None.
        starts: ``narrative_starts(spans)``.
        days: how far before publication a day still carries on.
        lede: when the last time expression is no such day, fall back to a day named in
            the story's opening lines (rule ``lede_date``).
    """
    if not anchor:
        return None
    at = bisect_left(starts, trigger.i) - 1
    if at < 0:
        return None
    _, item = spans[at]
    if _recent_day(item, anchor, days):
        return item
    if lede:
        # After a background date, the story's own day is the one its first lines name.
        doc = trigger.doc
        sents = iter(doc.sents)
        lede_end = 0
        for _ in range(LEDE_SENTENCES):
            sent = next(sents, None)
            if sent is None:
                break
            lede_end = sent.end
        for span, early in spans:
            if span.start >= min(lede_end, trigger.i):
                break
            if _recent_day(early, anchor, days):
                return early
    return None


def _recent_day(item: dict[str, Any], anchor: str, days: int) -> bool:
    """True when a time expression names a day within ``days`` before publication."""
    value = str(item.get("value", ""))
    try:
        day = date.fromisoformat(value[:10])
        published = date.fromisoformat(anchor[:10])
    except ValueError:
        return False
    return len(value) >= 10 and timedelta(0) < published - day <= timedelta(days=days)


# ----------------------------------------------------------------- the algorithm


# Removals whose "of" object or possessor is the one to be removed (not "the release of X").
PERSONAL_REMOVALS = frozenset({"resignation", "removal", "ouster", "impeachment", "arrest",
                               "prosecution", "punishment", "dismissal", "expulsion", "trial",
                               "sacking", "departure", "exit", "extradition"})


def _demanded(tok: Token) -> list[Token]:
    """What a demand asks for: its object or the object of its "for" ("demanded the arrest
    of X", "called for his resignation")."""
    out: list[Token] = []
    for child in tok.children:
        if child.dep_ == "dobj":
            out.append(child)
        elif child.dep_ == "prep" and child.lower_ == "for":
            out.extend(_children(child, "pobj"))
    return out


def _removal_targets(index: DocIndex, tok: Token) -> list[Arg]:
    """Whom a demand wants removed: "called for the resignation of X", "demanded X's
    arrest" give X; [] when the demand names no one."""
    for obj in _demanded(tok):
        if obj.lemma_.lower() not in PERSONAL_REMOVALS:
            continue
        whom = _children(obj, "poss") + [p for c in obj.children
                                         if c.dep_ == "prep" and c.lower_ == "of"
                                         for p in _children(c, "pobj")]
        for head in whom[:1]:
            found = _first_party([_party_args(index, head)], sectors=False)
            if found:
                return found
            arg = resolve_one(index, head, depth=1)
            if arg.entity is not None or head.lemma_.lower() in HOME_NOUNS:
                return [arg]
    return []


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
            complement is not None and complement.lemma_.lower() in UNDO_VERBS and
            not complement_negated or _asks_removal(tok)):
        return etype, min(intensity, UNDO_INTENSITY)
    if entry.intent and complement_entry is not None and etype != "THREATEN":
        cooperative = complement_entry.type in COOPERATIVE or complement_entry.intensity >= 0
        if cooperative != complement_negated:
            return "AGREE", max(intensity, DEFAULT_INTENSITY["AGREE"])
        return "THREATEN", DEFAULT_INTENSITY["THREATEN"]
    if entry.intent and complement_entry is None and etype == "AGREE" and \
            tok.lemma_ in ("plan", "decide", "prepare", "intend"):
        return "", 0.0
    if etype in MATERIAL and _aux_lemmas(tok) & FUTURE_AUX:
        if entry.intensity >= 0:
            return "AGREE", DEFAULT_INTENSITY["AGREE"]
        return "THREATEN", DEFAULT_INTENSITY["THREATEN"]
    return etype, intensity


def _sector_countries(actors: list[Arg], targets: list[Arg]) -> tuple[list[Arg], list[Arg]]:
    """A country's sector named without its country ("backed by the military") belongs to the
    country of the person or organisation on the other side of the event."""

    def fill(args: list[Arg], others: list[Arg]) -> list[Arg]:
        home = next((o.country for o in others if o.country and o.label in ("PERSON", "ORG")),
                    None)
        out = []
        for arg in args:
            if arg.sector and not arg.country and home:
                arg = Arg(arg.head, arg.text, "country", arg.entity, home, arg.sector, arg.igo,
                          arg.label)
            out.append(arg)
        return out

    return fill(actors, targets), fill(targets, actors)


def _location(index: DocIndex, tokens: Sequence[Token]) -> str | None:
    """The country of an "in X" / "at X" / "near X" place phrase under these tokens
    ("at a prison near Peru's capital Lima")."""
    for tok in tokens:
        for child in tok.children:
            if child.dep_ != "prep" or child.lower_ not in ("in", "at", "near", "throughout",
                                                             "outside"):
                continue
            pobjs = _children(child, "pobj")
            for pcomp in _children(child, "prep"):
                # "outside of the city": the place hangs one preposition lower.
                pobjs.extend(_children(pcomp, "pobj"))
            for pobj in pobjs:
                for sub in list(pobj.subtree)[:20]:
                    eid = index.token_entity[sub.i]
                    ent = index.entities.get(eid) if eid else None
                    if ent and ent.get("country") and (
                            ent.get("label") in ("GPE", "LOC", "FAC") or
                            # "the Iraqi city of Basra": a people's adjective on a place.
                            sub.dep_ == "amod" and sub.head.lemma_.lower() in PLACE_NOUNS):
                        return str(ent["country"])
                place = resolve_one(index, pobj, depth=1)
                if place.country and place.label in ("GPE", "LOC", "FAC", None):
                    return place.country
    return None


def _located(index: DocIndex, trigger: Token, actors: list[Arg]) -> list[Arg]:
    """Crowds, prisoners or police named without a country take the country of the place
    where the event happens ("Demonstrators in Baghdad blocked a road")."""
    out: list[Arg] = []
    # "Opposition leaders agreed to postpone the rally in Baku": the place may hang on the
    # clause the trigger governs.
    clauses = [trigger, *(c for c in trigger.children if c.dep_ in ("xcomp", "ccomp"))]
    if not _is_verbal(trigger):
        # "staged rallies in Gaza": a noun's place hangs on the verb that governs it.
        clauses.extend(v for v in (_governing_verb(trigger),) if v is not None)
    where = [*clauses, *(o for c in clauses for o in _children(c, "dobj"))]
    for arg in actors:
        unknown_org = arg.kind == "entity" and arg.label == "ORG" and arg.entity and \
            resources.organisation_lookup(
                str(index.entities[arg.entity].get("canonical", ""))) is None
        if arg.country is None and arg.igo is None and (arg.kind == "other" or unknown_org):
            # An organisation the knowledge base does not know acts where it is found
            # ("activists from a party staged rallies in Gaza"), as crowds do.
            head = index.doc[arg.head]
            # People only: "the virus killed 500 in Wuhan" is no act of China's.
            people = head.lemma_.lower() in PEOPLE_NOUNS or arg.sector is not None or \
                head.tag_ == "NNPS" or \
                head.lemma_.lower() in ("police", "policeman", "authority", "soldier",
                                        "troop", "force", "gunman", "attacker", "assailant")
            if head.tag_ in ("NNS", "NN", "NNPS") and people or unknown_org:
                country = _location(index, [head, *where])
                if country:
                    arg = Arg(arg.head, arg.text, "country", arg.entity, country, arg.sector,
                              None, arg.label)
        out.append(arg)
    return out


# Acts of a state's justice on a person ("was convicted", "was sentenced", "was arrested").
JUSTICE_VERBS = frozenset({"convict", "sentence", "indict", "charge", "jail", "imprison",
                           "try", "fine", "prosecute", "arrest", "detain"})
POLICE_VERBS = frozenset({"arrest", "detain"})


def _unattributed(index: DocIndex, frame: Frame, actors: list[Arg]) -> list[Arg]:
    """Violence whose authors the text does not name ("killed by a roadside bomb near the
    Iraqi city of Basra") is coded, as event data codes it, to the country where it
    happened; the actor's text says "in <country>" so the stance leaves it out. So is an
    arrest told in the passive without its agent ("was arrested in Lebanon"): a state's
    authorities arrest on its soil."""
    if any(a.country or a.igo or a.kind == "group" or (
            a.entity and a.label in ("PERSON", "ORG")) for a in actors):
        # A named author ("gunmen from the Islamic State") is no unnamed one.
        return actors
    trigger = frame.trigger
    if frame.type in ("ASSAULT", "COERCE"):
        # "died of torture while in Israeli police custody": who holds the victim acts.
        for tok in trigger.sent:
            if tok.lemma_.lower() == "custody":
                keeper = _first_party([_party_args(index, tok)], sectors=False)
                if keeper and keeper[0].country:
                    return keeper
    if frame.type == "COERCE":
        subj, passive = _subject(trigger) if _is_verbal(trigger) else (None, False)
        if not passive or _agent(trigger) is not None:
            return actors
        country = _location(index, [trigger])
        if country is None and "home_justice" in index.rules and \
                trigger.lemma_.lower() in JUSTICE_VERBS and subj is not None:
            # "The former president was convicted of corruption": a person's own state
            # tries and sentences them when the text names no other.
            person = resolve_one(index, subj)
            if person.entity and person.country and person.label == "PERSON":
                return [Arg(trigger.i, resources.country_name(person.country) or
                            person.country, "country", None, person.country,
                            "police" if trigger.lemma_.lower() in POLICE_VERBS else None)]
        return actors if country is None else [
            Arg(trigger.i, f"in {resources.country_name(country)}", "country", None, country)]
    if frame.type != "ASSAULT":
        return actors
    verb = trigger if _is_verbal(trigger) else _governing_verb(trigger)
    causes = [index.doc[a.head] for a in actors]
    if _is_verbal(trigger):
        agent = _agent(trigger)
        subj, passive = _subject(trigger)
        causes.extend(t for t in (agent, None if passive else subj) if t is not None)
    if causes and not any(c.lemma_.lower() in WEAPON_NOUNS for c in causes):
        # "the virus killed 500", "floods killed 20": named causes that are no attackers.
        return actors
    near = [trigger, *([verb] if verb is not None and verb != trigger else [])]
    for head in list(near):
        near.extend(c for c in head.children if c.dep_ in ("nsubj", "nsubjpass", "dobj"))
        agent = _agent(head)
        if agent is not None:
            near.append(agent)
    country = _location(index, near)
    if country is None:
        return actors
    return [Arg(trigger.i, f"in {resources.country_name(country)}", "country", None, country)]


def _home_opposition(index: DocIndex, frame: Frame, actors: list[Arg],
                     targets: list[Arg]) -> list[Arg]:
    """Uncoded people or an unknown party that protest, demand or threaten against one
    state's leaders or institutions ("fundamentalists demanded the resignation of the
    Algerian president", "a party will boycott Algeria's elections") are that state's
    opposition, as event data codes domestic dissent."""
    if frame.type not in DISSENT or not actors or any(
            a.country or a.igo or a.kind == "group" for a in actors):
        return actors
    for arg in actors:
        head = index.doc[arg.head]
        known_org = arg.entity is not None and (
            index.entities[arg.entity].get("label") != "ORG" or resources.organisation_lookup(
                str(index.entities[arg.entity].get("canonical", ""))) is not None)
        if known_org or not (arg.entity is not None or arg.sector is not None or
                             head.lemma_.lower() in PEOPLE_NOUNS or head.tag_ == "NNPS"):
            return actors
    states = set()
    for target in targets:
        ent = index.entities.get(target.entity or "") or {}
        role = str(ent.get("role") or "").lower()
        if target.country and (ent.get("label") == "GPE" or target.kind == "country" or
                               role in STATE_ROLE_WORDS or "president" in role or
                               "minister" in role):
            states.add(target.country)
    if len(states) != 1:
        return actors
    home = states.pop()
    return [Arg(a.head, a.text, a.kind, a.entity, home,
                None if _institution(index, a) else a.sector or "opposition", None, a.label)
            for a in actors]


# Institutions of a state: when they judge its leaders they are the state, not its
# opposition ("the Supreme Court ruled the prime minister's advice unlawful").
INSTITUTION_WORDS = frozenset({"court", "tribunal", "judge", "judiciary", "parliament",
                               "congress", "senate", "assembly", "house", "legislature",
                               "commission", "ombudsman", "prosecutor", "council"})


def _institution(index: DocIndex, arg: Arg) -> bool:
    if arg.sector is not None:
        return False
    words = [index.doc[arg.head].lemma_.lower()]
    if arg.entity is not None:
        words += str(index.entities[arg.entity].get("canonical") or "").lower().split()
    return any(w in INSTITUTION_WORDS for w in words)


def home_country(entities: Sequence[dict[str, Any]], *, share: float = 0.5,
                 least: int = 3, lead: bool = False) -> str | None:
    """The country an article is about: the one whose entities hold at least ``share`` of
    all mentions tied to a country, and at least ``least`` of them; else None.

    Args:
        entities: ``Entity.to_dict()`` dicts of the article.
        share: the smallest share of country-tied mentions.
        least: the fewest mentions.
        lead: also require strictly more mentions than any other country.
    """
    counts: dict[str, int] = {}
    for ent in entities:
        country = ent.get("country")
        if country:
            counts[str(country)] = counts.get(str(country), 0) + len(ent.get("mentions", ()))
    if not counts:
        return None
    best = max(counts, key=lambda c: counts[c])
    total = sum(counts.values())
    if lead and sum(1 for c in counts.values() if c == counts[best]) > 1:
        return None
    return best if counts[best] >= least and counts[best] >= share * total else None


def _sector_home(index: DocIndex, frame: Frame, actors: list[Arg],
                 leading: str | None) -> list[Arg]:
    """A sector named without its country ("protesters marched", "police fired", "the
    army") belongs to the country where it acts ("in Lima"), else to the one country its
    sentence names, else to the country the article names most."""
    country = _location(index, [frame.trigger]) or _sentence_country(index, frame.trigger) \
        or leading
    if country is None:
        return actors
    return [Arg(a.head, a.text, a.kind, a.entity, country, a.sector, None, a.label)
            if a.sector and not (a.country or a.igo or a.entity) else a for a in actors]


def _homeless(index: DocIndex, arg: Arg) -> bool:
    """True for an actor of no country that a domestic story's country owns: an office,
    organ or crowd named by a common noun ("the police", "the senate", "protesters") or a
    person or organisation the knowledge base does not place."""
    if arg.country or arg.igo or arg.kind == "group" or arg.text.startswith("in "):
        return False
    head = index.doc[arg.head]
    if head.pos_ == "PRON":
        return False
    if arg.entity is not None:
        ent = index.entities.get(arg.entity) or {}
        return ent.get("label") in ("PERSON", "ORG") and resources.organisation_lookup(
            str(ent.get("canonical", ""))) is None
    # "the senate", "Mayor Ana Quispe", "police director Jan Novak": the office names it.
    words = [head, *(c for c in head.children if c.dep_ == "compound")]
    return head.pos_ in ("NOUN", "PROPN") and (arg.sector is not None or any(
        w.lemma_.lower() in HOME_NOUNS or w.lower_ in HOME_NOUNS for w in words))


def _sentence_country(index: DocIndex, tok: Token) -> str | None:
    """The one country the sentence of ``tok`` names, outside quotes and datelines; None
    when it names none or several ("Judge X opened inquiries into 28 Chilean officials")."""
    return one_country(index, tok.sent.start, tok.sent.end, skip=index.dateline)


def _at_home(index: DocIndex, frame: Frame, actors: list[Arg], home: str) -> list[Arg]:
    """Actors of no country in an article about one country are that country's, as event
    data codes domestic news ("the senate rejected the bill", "protesters threw stones");
    protests and arrests told without their authors are its opposition's and police's."""
    if not actors and frame.type in UNNAMED_HOME and _is_unnamed_act(frame.trigger):
        sector = UNNAMED_HOME[frame.type]
        return [Arg(frame.trigger.i, f"{sector} in {resources.country_name(home)}", "country",
                    None, home, sector)]
    return [Arg(a.head, a.text, "country" if a.entity is None else a.kind, a.entity, home,
                a.sector, None, a.label) if _homeless(index, a) else a for a in actors]


def _is_unnamed_act(trigger: Token) -> bool:
    """An act told without any author: a bare noun ("weeks of protests") or a passive verb
    without an agent ("71 people were arrested")."""
    if _is_verbal(trigger):
        subj, passive = _subject(trigger)
        return passive and _agent(trigger) is None
    return not any(c.dep_ in ("poss", "compound", "amod") and c.pos_ in ("PROPN", "PRON")
                   for c in trigger.children)


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


def _people_object(index: DocIndex, tok: Token) -> Arg | None:
    """An object naming people or a group without a country ("12 demonstrators", "members
    of the banned movement", "demands from rebels", an organisation the text places
    nowhere), as an ``Arg``; else None."""
    attached = [p for c in tok.children if c.dep_ == "prep" and c.lower_ in (
        "from", "of", "by", "on", "against") for p in _children(c, "pobj")]
    # "the demonstration staged by students": the agent of a participle on the object.
    attached.extend(p for c in tok.children if c.dep_ == "acl" for a in c.children
                    if a.dep_ == "agent" for p in _children(a, "pobj"))
    for cand in (tok, *attached):
        arg = resolve_one(index, cand, depth=1)
        if arg.country or arg.igo or arg.kind == "group":
            return None
        if arg.kind == "entity" and arg.label == "ORG" and resources.organisation_lookup(
                str(index.entities[arg.entity].get("canonical", ""))) is not None:
            # A known organisation without a country ("al-Qaeda") is no one's at home.
            return None
        own = arg.entity is not None and index.token_entity[cand.i] == arg.entity
        if own and arg.label in ("PERSON", "ORG") or (
                cand.pos_ == "NOUN" and cand.lemma_.lower() in PEOPLE_NOUNS):
            # People or a group itself, not a thing of theirs ("Mahan's permit").
            return arg
    return None


def _domestic_targets(index: DocIndex, frame: Frame, actors: list[Arg],
                      story: str | None = None) -> list[Arg]:
    """A state's act on people it names without a country is an act at home ("Egyptian
    police arrested 12 demonstrators", "the Mozambique government accepted demands from
    rebels"): the target is those people, in the country of the place named in the clause,
    else in the actor's own country. Backing armed groups is no act at home: "Iran backs
    the rebels" places the rebels in the story's country (``story``), when that is another.
    Returns [] when nothing fits."""
    home = next((a.country for a in actors if a.country and a.kind != "group"), None)
    if home is None:
        return []
    backing = frame.type in BACKING_TYPES
    if backing:
        if story is None or story == home:
            return []
        home = story
    trigger = frame.trigger
    verb = trigger if _is_verbal(trigger) else _governing_verb(trigger)
    objects: list[Token] = []
    heads = [h for h in (trigger, verb) if h is not None]
    # "opened fire to disperse demonstrators": the purpose clause names whom it was aimed at.
    heads.extend(c for h in list(heads) for c in h.children
                 if c.dep_ in ("advcl", "xcomp") and _is_verbal(c) and
                 any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children))
    for head in heads:
        for child in head.children:
            if child.dep_ in ("dobj", "dative") and child.i != trigger.i or (
                    child.dep_ == "nsubjpass" and _agent(head) is not None):
                # "the militias are armed by a neighbour": the passive subject is acted upon.
                objects.extend([child, *child.conjuncts])
            elif child.dep_ == "prep" and child.lower_ in ("against", "on", "of", "with"):
                objects.extend(_children(child, "pobj"))
    for obj in objects:
        arg = _people_object(index, obj)
        if backing and (arg is None or arg.sector not in ("rebels", "opposition")):
            continue
        if arg is None and frame.type != "ASSAULT" and (
                obj.lemma_.lower() in DOMESTIC_MEASURES or any(
                    p.lemma_.lower() in DOMESTIC_MEASURES for c in obj.children
                    if c.dep_ == "prep" and c.lower_ == "of" for p in _children(c, "pobj"))):
            # "impose martial law", "lifted a state of emergency": measures a state takes
            # at home (or where the text places them).
            where = _location(index, [trigger, obj, *([verb] if verb is not None else [])])
            country = where or home
            return [Arg(obj.i, f"in {resources.country_name(country)}", "country", None,
                        country)]
        if arg is not None:
            where = _location(index, [trigger, obj, *([verb] if verb is not None else [])])
            if where is None and frame.type == "ASSAULT" and not _police(index, actors):
                # Armed attacks cross borders too often to assume they happen at home; the
                # police ("police shot a student") act at home.
                return []
            return [Arg(arg.head, arg.text, arg.kind, arg.entity, where or home, arg.sector,
                        None, arg.label)]
    return []


# Modifiers that make a force or post the state's ("government forces", "state troops").
STATE_MODIFIERS = frozenset({"government", "pro-government", "state", "regime", "federal"})


def _sector_targets(index: DocIndex, frame: Frame, actors: Sequence[Arg],
                    leading: str | None) -> list[Arg]:
    """An act on a part of a country named by a common noun alone ("launched an offensive
    against the rebels", "shelled government positions", "clashed with police"): the
    target is that part of the country where the clause places it; else, for rebels,
    protesters and police, who act at home, of the actor's own country; else of the
    country the story is about when the actor is foreign to it. Returns [] when the
    objects name no such part or no country fits."""
    trigger = frame.trigger
    verb = trigger if _is_verbal(trigger) else _governing_verb(trigger)
    objects: list[Token] = []
    for head in (h for h in (trigger, verb) if h is not None):
        for child in head.children:
            if child.dep_ == "dobj" and child.i != trigger.i:
                objects.extend([child, *child.conjuncts])
            elif child.dep_ == "prep" and child.lower_ in ("against", "on", "with", "at"):
                objects.extend(_children(child, "pobj"))
    own = next((a.country for a in actors if a.country and a.kind != "group"), None)
    for obj in objects:
        lemma = obj.lemma_.lower()
        sector = SECTOR_NOUNS.get(lemma) or SECTOR_NOUNS.get(obj.lower_)
        police = lemma in POLICE_NOUNS or obj.lower_ in POLICE_NOUNS
        state = any(c.dep_ in ("compound", "amod") and c.lower_ in STATE_MODIFIERS
                    for c in obj.children)
        if not (sector or police or state):
            continue
        arg = resolve_one(index, obj, depth=1)
        if arg.country or arg.igo or arg.entity or arg.kind == "group":
            return []  # a named party: the other rules decide
        country = _location(index, [trigger, obj, *([verb] if verb is not None else [])])
        if country is None and (_police(index, actors) or any(
                a.sector in ("rebels", "opposition") for a in actors)):
            # Rebels, protesters and the police act at home.
            country = own or leading
        elif country is None and leading != own:
            # A foreign force in the country the story is about.
            country = leading
        if country is None:
            # Troops may strike across a border: "Kenyan troops shot three fighters".
            return []
        if state and sector != "military":
            sector = None  # "government positions" are the state's
        return [Arg(obj.i, arg.text, "country", None, country, None if police else sector,
                    None, None)]
    return []


# Common nouns of people who speak for someone ("the princess", "the security chief").
SPEAKER_NOUNS = PEOPLE_NOUNS | HOME_NOUNS | frozenset({
    "king", "queen", "prince", "princess", "sultan", "emir", "chief", "commander", "leader",
    "ambassador", "envoy", "diplomat", "head", "director", "chairman", "chairwoman", "chair",
    "secretary", "general", "spokesman", "spokeswoman", "premier", "chancellor", "monarch",
    "agency", "ministry", "office", "embassy", "organisation", "organization", "company",
    "firm", "bank", "board", "committee", "union", "association", "federation", "league"})
# Acts of backing: towards armed groups or an opposition they are seldom acts at home.
BACKING_TYPES = frozenset({"SUPPORT", "AID", "COOPERATE"})
POLICE_NOUNS = frozenset({"police", "policeman", "policemen", "officer", "riot"})


def _police(index: DocIndex, actors: Sequence[Arg]) -> bool:
    """True when an actor is a police force named by a common noun ("police", "officers")."""
    for arg in actors:
        head = index.doc[arg.head]
        if head.pos_ == "NOUN" and (head.lemma_.lower() in POLICE_NOUNS or
                                    head.lower_ in POLICE_NOUNS):
            return True
    return False


def _dated_speaker(index: DocIndex, tok: Token, actors: Sequence[Arg],
                   spans: Sequence[tuple[Span, dict[str, Any]]],
                   starts: Sequence[int] | None = None) -> bool:
    """True for an act of speech with its own date by someone the text names ("the senator
    declared her candidacy on Friday", "regional officials told reporters on Saturday"): a
    dated act for the timeline even when no country is known for the speaker."""
    if not any(_attached(span, tok) for span, _ in sentence_spans(tok.sent, spans, starts)):
        return False
    for arg in actors:
        ent = index.entities.get(arg.entity or "") or {}
        if ent.get("label") in ("PERSON", "ORG"):
            return True
        head = index.doc[arg.head]
        if head.pos_ in ("NOUN", "PROPN") and (head.lemma_.lower() in SPEAKER_NOUNS or
                                               head.lower_ in SPEAKER_NOUNS):
            return True
    return False


def _frames(doc: Doc, index: DocIndex, lexicon: Lexicon,
            rules: frozenset[str] = frozenset(), home: str | None = None,
            spans: Sequence[tuple[Span, dict[str, Any]]] = (),
            starts: Sequence[int] | None = None) -> list[Frame]:
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
                sign = _judgement(tok)
                if sign:
                    found[tok.i] = CONDEMN_ENTRY if sign < 0 else PRAISE_ENTRY
    absorbed: set[int] = set()
    for i, entry in sorted(found.items()):
        tok = doc[i]
        head = found.get(tok.head.i)
        if entry.pos != "N" or entry.type not in COOPERATIVE:
            continue
        if (tok.dep_ == "dobj" and head is not None and head.type in REVERSING) or (
                tok.dep_ == "conj" and tok.head.i in absorbed):
            # "suspended its budget support", "rejected the proposal": the noun is what is
            # refused, not an act of its own.
            absorbed.add(i)
    complements: dict[int, Token] = {}
    for i in sorted(found, key=lambda i: _depth(doc[i])):
        entry = found[i]
        if i in absorbed or not entry.control:
            continue
        comp = _complement(doc[i])
        if comp is not None:
            complements[i] = comp
            if comp.i in found:
                absorbed.add(comp.i)
    reactions = frozenset(i for i, e in found.items() if e.type in REACTIONS and
                          _is_verbal(doc[i]))
    frames: list[Frame] = []
    for i in sorted(found):
        if i in absorbed:
            continue
        tok, entry = doc[i], found[i]
        if entry.speech and "speech_statement" not in rules:
            continue
        if "medical_sense" in rules and entry.pos == "N" and any(
                c.dep_ in ("amod", "compound") and c.lemma_.lower() in MEDICAL_MODIFIERS
                for c in tok.children):
            # "a cardiac arrest", "a heart attack": an illness, not an act.
            continue
        if "described" in entry.flags and tok.dep_ not in ("appos", "attr"):
            # "its allies demanded ...": a relation named in passing is no act.
            continue
        if tok.dep_ == "amod" or (entry.pos == "N" and tok.dep_ == "compound") or (
                entry.type == "RETREAT" and any(
                c.dep_ == "dobj" and c.lemma_.lower() in NON_EVENT_OBJECTS for c in tok.children)):
            # "alleged sabotage", "released a statement": not an act between parties.
            continue
        comp = complements.get(i)
        comp_entry = found.get(comp.i) if comp is not None else None
        etype, intensity = _type_for(entry, tok, comp_entry,
                                     comp is not None and _negated(comp),
                                     comp, "undo_demand" in rules)
        if not etype:
            continue
        frame = Frame(tok, entry, etype, intensity)
        if etype == INCIDENT:
            # A blackout or an election happens; it has no actor or target of its own.
            frame.negated = _negated(tok)
        elif tok.pos_ in ("NOUN", "PROPN"):
            frame.actors, frame.targets = _noun_arguments(index, tok, reactions,
                                                          "about_modifiers" in rules)
            if "described" in entry.flags:
                frame.actors, frame.targets = _described(index, tok)
            if "act_subject_target" in rules:
                frame.targets = _struck_targets(index, tok) or frame.targets
            verb = _governing_verb(tok)
            frame.negated = _negated(tok) or (verb is not None and _negated(verb))
            frame.modality = _modality(tok) * (_modality(verb) if verb is not None else 1.0)
        else:
            frame.actors, frame.targets, _ = _verb_arguments(index, tok, entry, comp)
            frame.negated = _negated(tok) or (tok.pos_ == "ADJ" and _negated(tok.head)) or (
                "refusal" in rules and _neither_subject(tok))
            frame.modality = _modality(tok)
        if entry.speech and (not (_speaking_party(frame.actors) or home is not None and any(
                _homeless(index, a) for a in frame.actors) or "dated_speech" in rules and
                _dated_speaker(index, tok, frame.actors, spans, starts)) or frame.negated or
                             _media_source(index, frame.actors) or _echoed_speech(tok)):
            # "a witness said", "he said" of no one named, "did not say", "the BBC
            # reported": no dated act of a party; "Saying ..., X added" is one act, not two.
            continue
        frame.speaker = _speaker(index, tok)
        frame.folded_intent = entry.intent and comp is not None
        frame.ceased = "cessation" in rules and _ceased(tok)
        if any(DROP_RULES[name](frame, found) for name in DROP_RULES if name in rules):
            continue
        if "possessor_support" in rules:
            _possessor_support(index, frame)
        frame.mode = _mode(frame)
        if "requested_act" in rules and frame.mode == HAPPENED and _requested(frame):
            frame.mode = PLANNED
        if "refusal" in rules and _refusal(frame):
            frame.mode = HAPPENED
        frames.append(frame)
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
    if "perpetrator_attribution" in rules:
        frames.extend(_perpetrator_frames(doc, index, found))
    if "backer_not_owner" in rules:
        frames.extend(_backing_frames(doc, index, home))
    return frames


BACKING_ENTRY = Entry("", "A", "SUPPORT", 0.5, (), frozenset())
# Modifiers that make an event noun an illness ("cardiac arrest", "heart attack").
MEDICAL_MODIFIERS = frozenset({"cardiac", "heart", "respiratory", "panic", "asthma",
                               "anxiety", "epileptic", "coronary"})
# Acts a country may back ("a US-backed offensive"), not groups.
BACKED_ACTS = frozenset({"coup", "putsch", "offensive", "operation", "invasion", "campaign",
                         "plan", "proposal", "resolution", "deal", "agreement", "ceasefire",
                         "truce", "initiative", "talks", "process", "election", "bid"})


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


# Verbs that name no act of their own: being, having, seeming, happening, continuing.
LIGHT_VERBS = frozenset({"be", "have", "do", "seem", "appear", "become", "remain", "include",
                         "involve", "mean", "need", "want", "get", "go", "come", "happen",
                         "occur", "take", "make", "continue", "start", "begin", "see", "know",
                         "think", "believe", "feel", "look", "like", "live", "die", "bear",
                         "mark", "last", "follow", "reach", "leave", "stand", "stay", "hope",
                         "expect", "try", "use", "let", "keep", "give", "put", "find", "show"})
ACTION_ENTRY = Entry("", "V", ACTION, 0.0, (), frozenset({"nostance"}))


# Nouns that stand for a state ("the country must ...", "the regime should ...").
STATE_WORDS = frozenset({"country", "nation", "state", "government", "regime", "administration",
                         "authorities", "authority", "kingdom", "republic", "cabinet",
                         "leadership", "side", "ally", "neighbour", "neighbor", "power"})
# Things a party owns or makes, which do not act ("the jet crashed", "the pipeline reached").
THING_NOUNS = frozenset({"jet", "plane", "airplane", "aircraft", "airliner", "helicopter",
                         "car", "vehicle", "truck", "lorry", "van", "bus", "train", "ship",
                         "boat", "vessel", "tanker", "submarine", "drone", "missile", "rocket",
                         "satellite", "pipeline", "building", "bridge", "road", "dam", "plant",
                         "reactor", "project", "product", "phone", "device", "system", "price",
                         "economy", "currency", "market", "index", "share", "stock", "rate",
                         "storm", "fire", "flood", "virus", "disease", "epidemic", "pandemic"})


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


def _dated_act_frames(index: DocIndex, found: dict[int, Entry], frames: Sequence[Frame],
                      spans: Sequence[tuple[Span, dict[str, Any]]]) -> list[Frame]:
    """Every dated act of a named party is an event: a verb with its own time expression
    and a subject (or passive agent) naming a party or a person or organisation, that no
    lexicon row types, becomes an ``ACTION`` for the timeline ("Mugabe assumed the
    presidency in 1987"); it never counts for stance."""
    taken = {f.trigger.i for f in frames}
    taken.update(f.trigger.head.i for f in frames if not _is_verbal(f.trigger))
    out: list[Frame] = []
    for span, _ in spans:
        verb = span.root.head
        for _ in range(4):
            if _is_verbal(verb) or verb.head.i == verb.i:
                break
            verb = verb.head
        if not _is_verbal(verb) or verb.i in found or verb.i in taken or \
                verb.lemma_.lower() in LIGHT_VERBS or verb.pos_ == "AUX" or \
                verb.tag_ not in ("VBD", "VBN") or index.in_quote[verb.i] or \
                not _attached(span, verb) or _negated(verb):
            continue
        actors, targets, _ = _verb_arguments(index, verb, ACTION_ENTRY, None)
        named = [a for a in actors if _agentive(index, a)]
        if not named:
            continue
        frame = Frame(verb, ACTION_ENTRY, ACTION, 0.0, named, targets)
        frame.modality = _modality(verb)
        frame.mode = _mode(frame)
        if frame.mode != HAPPENED:
            continue
        taken.add(verb.i)
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
        if author is None or author.lemma_.lower() not in COUP_NOUNS:
            continue
        objects = [subj] if passive and subj is not None else _children(tok, "dobj")
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


def _media_source(index: DocIndex, actors: Sequence[Arg]) -> bool:
    """True when every speaker is a news outlet: what it reports is the news, not its act."""
    roles = [str((index.entities.get(a.entity or "") or {}).get("role") or "") for a in actors]
    return bool(roles) and all(r == "media" for r in roles)


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


# Nouns whose to-infinitive is what was decided or promised, not the aim of another act
# ("the decision to expel", "a pledge to withdraw").
DECISION_NOUNS = frozenset({"decision", "move", "order", "vote", "plan", "pledge", "promise",
                            "threat", "offer", "agreement", "deal", "proposal", "call",
                            "demand", "request", "ultimatum", "resolution", "law", "bill",
                            "decree", "refusal", "announcement", "commitment", "intention"})
# "The first country to recognise ...": the infinitive states a fact, not an aim.
ORDINAL_WORDS = frozenset({"first", "last", "only", "second", "third", "latest", "next"})


def _purpose_clause(frame: Frame, found: dict[int, Entry]) -> bool:
    """An act named as the aim of something ("queued in a bid to help", "hid the figures
    to prevent panic", "efforts to negotiate an end") is an intention, not an act that
    happened or was decided: a to-infinitive hanging from a noun. A decision, plan or
    pledge keeps its infinitive ("the decision to expel"), and so does "the first country
    to recognise". The purpose of an act ("sent troops to help the rebels") stays: it
    says whom the act was for."""
    tok = frame.trigger
    if not _is_verbal(tok) or not any(c.dep_ == "aux" and c.tag_ == "TO" for c in tok.children):
        return False
    head = tok.head
    if tok.dep_ in ("acl", "relcl") and head.pos_ in ("NOUN", "PROPN", "PRON"):
        return head.lemma_.lower() not in DECISION_NOUNS and head.i not in found and not any(
            c.lower_ in ORDINAL_WORDS for c in head.children if c.dep_ in ("amod", "advmod"))
    return False


# Things one meets or fails to meet that are not parties ("the deadline was not met").
UNMET_NOUNS = frozenset({"deadline", "demand", "condition", "requirement", "target", "goal",
                         "expectation", "need", "criterion", "criteria", "standard", "quota",
                         "obligation", "threshold", "cost", "challenge", "resistance",
                         "criticism", "applause", "protest", "silence", "anger"})


def _reception(frame: Frame, found: dict[int, Entry]) -> bool:
    """"Was met with applause", "the students' deadline was not met", "failed to meet the
    target": a reception or a condition fulfilled, not a meeting between parties."""
    tok = frame.trigger
    if tok.lemma_.lower() != "meet" or not _is_verbal(tok):
        return False
    if any(p.lower_ == "with" for p in _children(tok, "prep")) and \
            any(c.dep_ == "auxpass" for c in tok.children):
        return True
    return any(c.lemma_.lower() in UNMET_NOUNS for c in _children(tok, "nsubjpass", "dobj"))


def _ceased(tok: Token) -> bool:
    """True when a verb of ending governs the trigger ("will stop supporting the rebels",
    "ended its support for the junta", "put an end to its aid")."""
    cur = tok
    for _ in range(3):
        head = cur.head
        if head.i == cur.i:
            return False
        if cur.dep_ in ("xcomp", "dobj", "pcomp", "nsubjpass") and (
                head.lemma_.lower() in CEASE_VERBS and _is_verbal(head)):
            return True
        if cur.dep_ == "pobj" and head.lower_ == "to" and head.head.lemma_.lower() == "end":
            return True
        if cur.dep_ not in ("pobj", "prep"):
            return False
        cur = head
    return False


def _possessor_support(index: DocIndex, frame: Frame) -> None:
    """Reinforcing or defending someone's positions is support for them: a mobilisation
    whose object belongs to another party ("Chadian troops reinforced the rebels'
    positions") becomes a SUPPORT of the possessor."""
    tok = frame.trigger
    if frame.type != "MOBILIZE" or not _is_verbal(tok):
        return
    actor_keys = {a.entity or a.country or a.text for a in frame.actors}
    for obj in _children(tok, "dobj"):
        for poss in _children(obj, "poss"):
            owner = resolve_one(index, poss)
            if owner.is_party and (owner.entity or owner.country or owner.text) not in actor_keys:
                frame.type, frame.intensity = "SUPPORT", 0.4
                frame.targets = [owner]
                return


def _clause_chain(tok: Token) -> list[Token]:
    """The trigger's verb and the verbs that govern it through infinitives and gerunds
    ("will [stop] [supporting]"), bounded."""
    verb = tok if _is_verbal(tok) or tok.pos_ == "ADJ" else (_governing_verb(tok) or tok)
    chain = [verb]
    cur = verb
    for _ in range(4):
        infinitive = cur.dep_ == "ccomp" and any(c.dep_ == "aux" and c.tag_ == "TO"
                                                 for c in cur.children)
        if cur.dep_ not in ("xcomp", "pcomp", "prep", "acomp") and not infinitive or \
                cur.head.i == cur.i:
            # ("would have let the army deport them": the infinitive is governed.)
            break
        cur = cur.head
        chain.append(cur)
    return chain


# Verbs that carry an act on ("continue to back", "keep supporting").
ONGOING_VERBS = frozenset({"continue", "keep"})
# Auxiliaries of a hypothesis ("could continue to", "might keep").
CONDITION_AUX = frozenset({"could", "might", "may"})


def _mode(frame: Frame) -> str:
    """Whether the event happened: ``denied`` when negated, ``conditional`` inside or under
    an if/unless clause, ``planned`` for the future, modals, promises, plans and hedges."""
    if frame.negated:
        return DENIED
    tok = frame.trigger
    chain = _clause_chain(tok)
    cur = tok
    for _ in range(12):
        if cur.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in CONDITION_MARKS
                                       for m in cur.children):
            return CONDITIONAL
        if cur.head.i == cur.i:
            break
        cur = cur.head
    auxes = set().union(*(_aux_lemmas(c) for c in chain))
    if any(c.lemma_.lower() in ONGOING_VERBS for c in chain[1:2]) and not any(
            _negated(c) for c in chain) and not auxes & CONDITION_AUX:
        # "will continue to support the rebels": the support goes on now.
        return HAPPENED
    if auxes & (MODAL_AUX | {"would"}) and any(
            any(m.dep_ == "mark" and m.lower_ in CONDITION_MARKS for m in a.children)
            for c in chain for a in _children(c, "advcl")):
        return CONDITIONAL
    if auxes & (FUTURE_AUX | MODAL_AUX) or any(
            c.lemma_.lower() in PLAN_VERBS or c.lower_ in PLAN_VERBS for c in chain[1:]):
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


# Verbs that ask someone to act ("urged Israel to stop", "called on Iran to release").
ASKING_VERBS = frozenset({"urge", "ask", "demand", "press", "request", "appeal", "implore",
                          "beg", "call", "encourage", "pressure", "push", "tell", "invite"})


def _requested(frame: Frame) -> bool:
    """True for an act someone is asked to do ("called on Israel to stop its bombing",
    "urged the rebels to lay down their arms"): asked for, it has not happened. The asking
    is an event of its own."""
    tok = frame.trigger
    verb = tok if _is_verbal(tok) else _governing_verb(tok)
    for _ in range(3):
        if verb is None or verb.head.i == verb.i or verb.dep_ not in ("xcomp", "advcl",
                                                                       "ccomp"):
            return False
        if not any(c.dep_ == "aux" and c.tag_ == "TO" for c in verb.children):
            return False
        verb = verb.head
        if verb.lemma_.lower() in ASKING_VERBS:
            return True
    return False


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


def _depth(tok: Token) -> int:
    depth = 0
    cur = tok
    while cur.head.i != cur.i and depth < 60:
        cur = cur.head
        depth += 1
    return depth


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


def _arg_key(arg: Arg | None) -> str | None:
    if arg is None:
        return None
    return arg.entity or arg.country or arg.igo or arg.text.lower()


def _is_named_party(arg: Arg) -> bool:
    """A party named by the text; a place ("in Nairobi") is where, not whom."""
    return bool(arg.entity or arg.country or arg.igo) and not arg.text.startswith("in ")


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
                    (actor.entity is not None and actor.entity == target.entity)):
                target = None
            pairs.append((actor, target))
    return pairs[:max_pairs]


# Verbs of a purpose that makes a deployment help ("sent troops to help", "to protect").
HELPING_VERBS = frozenset({"help", "assist", "support", "aid", "train", "protect", "defend",
                           "bolster", "shore", "secure", "back"})
HELPING_INTENSITY = 0.5


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
    return False


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
    return any(o.lemma_.lower() in OWN_PERSONNEL or o.lower_ in OWN_PERSONNEL
               for o in objects)


def _mention(span_or_tok: Span | Token) -> dict[str, Any]:
    if isinstance(span_or_tok, Token):
        start = span_or_tok.idx
        return {"text": span_or_tok.text, "start_char": start,
                "end_char": start + len(span_or_tok.text)}
    return {"text": span_or_tok.text, "start_char": span_or_tok.start_char,
            "end_char": span_or_tok.end_char}


def _sentence_mention(sent: Span) -> dict[str, Any]:
    text = sent.text
    stripped = text.strip()
    offset = sent.start_char + (len(text) - len(text.lstrip()))
    return {"text": stripped, "start_char": offset, "end_char": offset + len(stripped)}


def extract_events(doc: Doc, *, entities: Sequence[dict[str, Any]] | None = None,
                   timex: Sequence[dict[str, Any]] | None = None, anchor: str | None = None,
                   lexicon: Lexicon | None = None, max_pairs: int = 6,
                   rules: Collection[str] | None = None) -> list[dict[str, Any]]:
    """Find the events of a parsed document.

    Args:
        doc: a document with sentences and a dependency parse.
        entities: ``Entity.to_dict()`` dicts from the entities component (may be empty).
        timex: ``TimeExpression.to_dict()`` dicts from the time component (may be empty).
        anchor: the publication date (ISO), the date of last resort.
        lexicon: the trigger lexicon; the shipped one when None.
        max_pairs: at most this many actor x target events per trigger.
        rules: names from ``RULES`` to apply; all of them when None.

    Returns:
        ``Event.to_dict()`` dicts with ids ``V1``, ``V2``, ... in text order.

    Raises:
        ValueError: ``rules`` names a rule that does not exist.
    """
    active = check_rules(rules)
    if not len(doc) or not doc.has_annotation("DEP"):
        return []
    lexicon = lexicon or load_lexicon()
    index = build_index(doc, entities, anchor, rules=active)
    spans = _timex_spans(doc, timex or ())
    breaks = line_breaks(doc)
    starts = narrative_starts(spans)
    home = home_country(entities or ()) if "home_country" in active else None
    leading = home_country(entities or (), share=0.0, lead=True)
    frames = sorted(_frames(doc, index, lexicon, active, home, spans, starts),
                    key=lambda f: f.trigger.i)
    if "judged_act" in active:
        _judged_acts(index, frames)
    if "denied_charge" in active:
        _denied_charges(index, frames)
    events: list[dict[str, Any]] = []
    seen: set[tuple[Any, ...]] = set()
    for frame in frames:
        if "media_not_actor" in active and frame.type in MATERIAL:
            frame.actors = _not_media(index, frame.actors)
        actors, targets = _sector_countries(frame.actors, frame.targets)
        actors = _unattributed(index, frame, _located(index, frame.trigger, actors))
        if frame.type == "THREATEN" and not any(t.country or t.igo for t in targets):
            targets = _condition_targets(index, frame, actors) or targets
        if frame.type == "REQUEST" and "undo_demand" in active:
            # "demanded the impeachment of X": X, not the impeachment, is the target.
            targets = _removal_targets(index, frame.trigger) or targets
        if frame.type != INCIDENT and frame.entry.stance and not any(
                (t.country or t.igo or t.kind == "group") and not _is_place(t)
                for t in targets):
            # No party as target, or only the place of the act ("arrested 12 demonstrators
            # in Cairo"): people acted upon there are the target.
            # "Police arrested 96 people": the police are the home country's before their
            # act on people without a country can be domestic.
            acting = _at_home(index, frame, actors, home) if home is not None and \
                "home_first" in active else actors
            targets = _domestic_targets(index, frame, acting, home) or targets
        actors = _home_opposition(index, frame, actors, targets)
        if home is not None:
            actors = _at_home(index, frame, actors, home)
        elif "sentence_country" in active:
            # A short text with no country of its own: the one country its sentence names.
            here = _sentence_country(index, frame.trigger)
            if here is not None:
                actors = [Arg(a.head, a.text, "country" if a.entity is None else a.kind,
                              a.entity, here, a.sector, None, a.label)
                          if _homeless(index, a) else a for a in actors]
        if not actors and frame.type == "PROTEST" and "unnamed_protest" in active and \
                _is_unnamed_act(frame.trigger):
            # "Protests erupted in Tbilisi": the people of the country where they happen.
            where = _location(index, [frame.trigger, *([frame.trigger.head] if (
                frame.trigger.dep_ == "nsubj") else [])])
            if where is not None:
                actors = [Arg(frame.trigger.i, f"protesters in {resources.country_name(where)}",
                              "country", None, where, "opposition")]
        if "sector_home" in active and any(a.sector and not (a.country or a.igo or a.entity)
                                           for a in actors):
            actors = _sector_home(index, frame, actors, leading)
        if "thing_not_actor" in active:
            actors = [a for a in actors if not _inert(index, a)]
        if "dissenting_people" in active:
            actors = _dissenting_people(index, frame, actors, targets)
        if "sector_target" in active and frame.entry.stance and frame.type != INCIDENT and \
                not any(_is_named_party(t) for t in targets):
            targets = _sector_targets(index, frame, actors, leading) or targets
        if "helping_deployment" in active and frame.type == "MOBILIZE" and \
                _helping_purpose(frame.trigger):
            # "deployed troops to Mali to help its army": a deployment that helps is aid.
            frame.type, frame.intensity = "AID", HELPING_INTENSITY
        etype, polarity = _polarity(frame)
        when, source = pick_date(frame.trigger, spans, anchor,
                                 breaks=breaks if "dateline_date" in active else None,
                                 narrative=starts if "narrative_date" in active else None,
                                 conjuncts="conjunct_date" in active,
                                 lede="lede_date" in active, starts=starts)
        trigger = _mention(frame.trigger)
        sentence = _sentence_mention(frame.trigger.sent)
        speaker = frame.speaker.entity if frame.speaker is not None else None
        if "own_people_retreat" in active and frame.type == "RETREAT" and \
                _moves_own_people(frame.trigger):
            # "pulled its diplomats out of Kabul": the place left is not a party favoured.
            polarity = 0.0
        if "actorless_undated" in active and not actors and _undated_act(
                frame, targets, source, spans, starts):
            continue
        pairs = _pairs(frame, actors, targets, max_pairs, "mutual_pairs" in active,
                       "contested_object" in active, "between_pairs" in active)
        clause = _clause(frame.trigger).i
        for actor, target in pairs:
            key = (clause, etype, _arg_key(actor), _arg_key(target))
            if key in seen and "clause_dedupe" in active:
                # One clause, one event per (actor, type, target): "held talks" is one
                # meeting, not one for "held" and one for "talks".
                continue
            seen.add(key)
            events.append({
                "id": "",
                "type": etype,
                "trigger": trigger,
                "sentence": sentence,
                "actor": actor.entity if actor else None,
                "target": target.entity if target else None,
                "actor_country": actor.country if actor else None,
                "target_country": target.country if target else None,
                "date": when,
                "date_source": source,
                "polarity": polarity,
                "negated": frame.negated,
                "modality": frame.mode,
                "speaker": speaker,
                "actor_text": actor.text if actor else None,
                "target_text": target.text if target else None,
                "actor_sector": actor.sector if actor else None,
                "target_sector": target.sector if target else None,
            })
    if "repeated_mention" in active:
        events = _drop_repeated_mentions(events)
    for number, event in enumerate(events, start=1):
        event["id"] = f"V{number}"
    return events


# Acts and weapons named as the subject of what they did ("the blast killed nine").
ACT_NOUNS = frozenset({"attack", "bombing", "bomb", "blast", "explosion", "shelling", "strike",
                       "airstrike", "raid", "crash", "accident", "collision", "shooting",
                       "gunfire", "violence", "clash", "fighting", "assault", "ambush",
                       "explosive", "grenade", "shell", "mine", "bullet"})
# Nouns that name an accusation ("a charge Kyiv denies", "a claim Baku rejected").
ACCUSATION_NOUNS = frozenset({"charge", "claim", "accusation", "allegation", "assertion"})


def _denied_charges(index: DocIndex, frames: Sequence[Frame]) -> None:
    """"X accused Y of ..., a charge Y denies": the denial is Y's, against X. The parser
    reads this apposition in many ways, so the words decide: a comma, "a" or "an", an
    accusation noun, a party's name, then the rejecting verb. The accuser is the actor of
    the accusation told before it in the sentence."""
    doc = index.doc
    for frame in frames:
        tok = frame.trigger
        if frame.type != "REJECT" or not _is_verbal(tok):
            continue
        start = tok.sent.start
        names = tok.i - 1
        while names > start and doc[names].dep_ in ("aux", "neg", "advmod"):
            names -= 1
        if doc[names].pos_ != "PROPN":
            continue
        first = names
        while first > start and doc[first - 1].pos_ == "PROPN":
            first -= 1
        if first > start and doc[first - 1].lower_ == "the":
            first -= 1
        if first - 3 < start or \
                doc[first - 1].lemma_.lower() not in ACCUSATION_NOUNS or \
                doc[first - 2].lower_ not in ("a", "an") or doc[first - 3].text != ",":
            continue
        denier = resolve_one(index, doc[names])
        if not (denier.country or denier.igo or denier.entity):
            continue
        accusers = [a for f in frames if f.type == "ACCUSE" and start <= f.trigger.i < first
                    for a in _authors(f)]
        frame.actors = [denier]
        if accusers:
            frame.targets = accusers


# Verbs whose subject is an act and whose object is what it was aimed at ("the sanctions
# target three officials", "air strikes hit rebel positions").
TARGETING_VERBS = frozenset({"target", "hit", "strike", "affect", "punish", "penalise",
                             "penalize", "cover", "aim", "focus", "pound", "destroy"})


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
            if (a.country or a.igo or a.entity or a.kind == "group") and not _is_place(a)]


# Verbs that characterise someone or something ("called the raid an act of terror",
# "described the attack as cowardly", "branded him a traitor").
CHARACTERISE_VERBS = frozenset({"call", "describe", "brand", "label", "term", "dub",
                                "characterise", "characterize", "rule", "find", "declare",
                                "deem", "judge"})
# What a characterisation says: words of condemnation and of praise.
CONDEMNING_WORDS = frozenset({
    "barbarity", "barbaric", "barbarism", "evil", "crime", "criminal", "atrocity", "outrage",
    "outrageous", "cowardly", "coward", "heinous", "despicable", "abuse", "terror",
    "terrorism", "terrorist", "disgrace", "disgraceful", "shameful", "inhumane",
    "unacceptable", "illegal", "illegitimate", "provocation", "provocative", "aggression",
    "violation", "dictator", "murderer", "thug", "sham", "farce", "fraud", "irresponsible",
    "reckless", "brutal", "brutality", "savage", "vile", "horrific", "senseless",
    "unjustified", "unjustifiable", "inexcusable", "deplorable", "reprehensible",
    "appalling", "genocide", "massacre", "betrayal", "traitor", "propaganda", "meddling",
    "interference", "hostile", "oppressive", "undemocratic", "anti-democratic", "dastardly",
    "unlawful", "unconstitutional", "invalid", "void", "lousy", "terrible", "awful",
    "disastrous", "mistake", "dishonest", "corrupt", "racist", "unfair", "unjust"})
PRAISING_WORDS = frozenset({
    "hero", "heroic", "icon", "patriot", "visionary", "statesman", "champion", "friend",
    "legend", "courageous", "brave", "great", "milestone", "triumph", "landmark",
    "breakthrough", "historic", "inspiration", "inspiring", "right"})
CONDEMN_ENTRY = Entry("", "V", "ACCUSE", -0.3, (), frozenset())
PRAISE_ENTRY = Entry("", "V", "SUPPORT", 0.3, (), frozenset())


def _small_clause_subjects(verb: Token) -> list[Token]:
    """The object of a verb the parser reads with a small clause ("declared the decree
    invalid": "decree" as the subject of "invalid"), or the subject of its clause of being
    ("ruled that the decree was invalid")."""
    return [n for c in _children(verb, "ccomp")
            if not _is_verbal(c) or c.lemma_.lower() == "be"
            for n in _children(c, "nsubj", "nsubjpass")]


def _judgement(verb: Token) -> int:
    """-1 when a verb of characterising condemns what it characterises, +1 when it praises,
    0 otherwise: the words after its object, in its own clause, decide (the subject's
    words do not: "the brave mayor called it a crime" condemns)."""
    objects = _children(verb, "dobj") or _small_clause_subjects(verb)
    if not objects:
        return 0
    start = objects[0].i
    subject = {t.i for c in _children(verb, "nsubj", "nsubjpass") for t in c.subtree}
    condemn = praise = 0
    for tok in verb.subtree:
        if tok.i < start or tok.i in subject:
            continue
        word = tok.lemma_.lower()
        condemn += word in CONDEMNING_WORDS or tok.lower_ in CONDEMNING_WORDS
        praise += word in PRAISING_WORDS or tok.lower_ in PRAISING_WORDS
    return -1 if condemn > praise else (1 if praise > condemn else 0)


# Words of a quoted judgement beyond those of a characterisation ("our thoughts and
# prayers are with him", "he made a great contribution", "will not be tolerated").
QUOTE_PRAISE = PRAISING_WORDS | frozenset({
    "pray", "prayer", "thought", "condolence", "sympathy", "contribution", "dedicate",
    "admire", "admiration", "respect", "legacy", "grateful", "gratitude",
    "thank", "congratulate", "congratulation", "support", "solidarity", "wise", "outstanding",
    "remarkable", "tireless", "liberation", "emancipation", "unconditionally",
    "constructive", "productive", "fruitful", "cordial", "excellent"})
QUOTE_CONDEMN = CONDEMNING_WORDS | frozenset({
    "condemn", "denounce", "blame", "accuse", "criticise", "criticize", "shame", "lie",
    "corrupt", "corruption", "tyranny", "tyrant", "repression", "oppression", "destroy",
    "ruin", "failure", "incompetent", "disastrous", "harm"})
# Words whose negation condemns ("will not be tolerated", "we cannot accept").
NEGATED_CONDEMN = frozenset({"tolerate", "accept", "allow", "permit", "forgive", "condone"})
# How many sentences a quotation may run on after the one its speech verb is in.
QUOTE_SENTENCES = 3


def _quote_content(index: DocIndex, verb: Token) -> list[Token]:
    """The words a speech verb reports: its clause, and the quotation it introduces or
    closes, running on for up to ``QUOTE_SENTENCES`` sentences while still quoted."""
    doc = index.doc
    words = [t for c in _children(verb, "ccomp") for t in c.subtree]
    sent = verb.sent
    quoted = [t for t in sent if index.in_quote[t.i]]
    words.extend(quoted)
    if quoted and quoted[-1].i >= sent.end - 3:
        end = sent.end
        for _ in range(QUOTE_SENTENCES):
            if end >= len(doc) or not index.in_quote[end] and not (
                    end + 1 < len(doc) and index.in_quote[end + 1]):
                break
            nxt = doc[end].sent
            words.extend(t for t in nxt if index.in_quote[t.i])
            end = nxt.end
    return sorted({t.i: t for t in words}.values(), key=lambda t: t.i)


def _quote_sign(words: Sequence[Token]) -> int:
    """-1 when the reported words condemn, +1 when they praise, 0 when neither wins."""
    praise = condemn = 0
    for tok in words:
        lemma = tok.lemma_.lower()
        negated = _negated(tok) or _negated(tok.head) and tok.dep_ in ("dobj", "nsubjpass")
        if lemma in NEGATED_CONDEMN and negated:
            condemn += 1
        elif lemma in QUOTE_CONDEMN or tok.lower_ in QUOTE_CONDEMN:
            condemn += 1
        elif (lemma in QUOTE_PRAISE or tok.lower_ in QUOTE_PRAISE) and not negated:
            praise += 1
    return -1 if condemn > praise else (1 if praise > condemn else 0)


def _quoted_party(index: DocIndex, words: Sequence[Token], speaker: Sequence[Arg]) -> Arg | None:
    """Whom reported words judge: a person they name, else an organisation, else a state
    (never the speaker or the speaker's own state); else the person a "he" or "she" in them
    refers to."""
    own = {a.entity for a in speaker if a.entity} | {a.country for a in speaker if a.country}
    ranked: list[tuple[int, int, Arg]] = []
    for tok in words:
        eid = index.token_entity[tok.i]
        if eid is None or (tok.i > 0 and index.token_entity[tok.i - 1] == eid):
            continue
        ent = index.entities.get(eid) or {}
        rank = {"PERSON": 0, "ORG": 1, "GPE": 2, "NORP": 2}.get(str(ent.get("label")))
        if rank is None or eid in own:
            continue
        arg = resolve_one(index, tok, depth=2)
        if not (arg.country or arg.igo or arg.entity) or _is_place(arg) or \
                (rank == 2 and arg.country in own):
            continue
        ranked.append((rank, tok.i, arg))
    if ranked:
        return min(ranked, key=lambda r: (r[0], r[1]))[2]
    pronouns = [t for t in words if t.lower_ in ("he", "him", "his", "she", "her")]
    if not pronouns:
        return None
    # A "he" or "she" in a quotation is most often the one the story is about, else the
    # last person named.
    story = protagonist(index.entities)
    main = str(story["id"]) if story is not None else None
    eid = main if main is not None and main not in own else index.last_person[pronouns[0].i]
    if eid is None or eid in own:
        return None
    head = index.first_token.get(eid)
    return resolve_one(index, index.doc[head], depth=2) if head is not None else None


def _quoted_judgements(index: DocIndex, frames: Sequence[Frame]) -> None:
    """A party's reported words that praise or condemn someone they name are an act of
    praise (SUPPORT) or accusation (ACCUSE) towards them: "'He made a great contribution
    to his country,' the president said of X", "the minister said the protesters'
    behaviour was undemocratic". The words decide by counting praise and condemnation;
    a hostile act named in a condemnation is left to ``judged_act`` (its author is blamed,
    not its victim)."""
    acts = {f.trigger.i for f in frames if f.type not in (STATEMENT, INCIDENT, ACTION) and
            _is_verbal(f.trigger)}
    for frame in frames:
        if frame.type != STATEMENT or frame.targets or not _is_verbal(frame.trigger) or \
                not any(a.country or a.igo or a.sector for a in frame.actors) or \
                _media_source(index, frame.actors):
            # (A news outlet reporting words is not their judge.)
            continue
        words = _quote_content(index, frame.trigger)
        if any(t.i in acts for t in words):
            # "Morales said he supported Maduro": the act reported is the event already
            # (an act named by a noun may be what is judged: "the talks were fruitful").
            continue
        sign = _quote_sign(words)
        if not sign:
            continue
        if sign < 0 and any(t.lemma_.lower() in ACT_NOUNS for t in words):
            continue
        target = _quoted_party(index, words, frame.actors)
        if target is None:
            continue
        frame.type, frame.intensity = ("SUPPORT", 0.3) if sign > 0 else ("ACCUSE", -0.3)
        frame.entry = PRAISE_ENTRY if sign > 0 else CONDEMN_ENTRY
        frame.targets = [target]


# Judgements of an act: condemning or praising it is a stance towards whoever did it.
JUDGING_TYPES = frozenset({"ACCUSE", "SUPPORT"})
# Judgements against an act: they blame its author, never the one it was done to.
BLAMING_TYPES = frozenset({"ACCUSE", "REJECT", "PROTEST"})
# What someone does or says, judged through its author ("criticised their government's
# response", "praised the minister's remarks").
CONDUCT_NOUNS = frozenset({"response", "handling", "policy", "reform", "approach", "conduct",
                           "behaviour", "behavior", "remarks", "comment", "stance", "position",
                           "advice", "record", "leadership", "management", "rule", "order",
                           "decision", "directive", "instruction"})
# Nouns that name an act told before ("condemned the move", "praised the decision").
ACT_REFERENCES = frozenset({"act", "action", "move", "decision", "step", "operation",
                            "killing", "incident", "atrocity", "massacre", "crackdown"})
# Acts whose author a later judgement is about, when the judged noun has no type of its own.
AUTHORED_TYPES = frozenset({"ASSAULT", "COERCE", "SANCTION"})
# How far back (in tokens) an act named again is looked for.
JUDGED_WINDOW = 250


def _judged_noun(trigger: Token, by_token: dict[int, Frame]) -> Token | None:
    """The act a judgement is about: the object of "condemned the attack", the passive
    subject of "the bombing was denounced by ...", the "of" phrase of "condemnation of the
    raid"; None when the judgement is about no act."""
    if _is_verbal(trigger) or trigger.pos_ == "ADJ":
        nouns = _children(trigger, "dobj", "nsubjpass")
        # "protested against the arrest", "is opposed to the blockade".
        nouns += [p for prep in _children(trigger, "prep") if prep.lower_ in
                  ("against", "over", "to") for p in _children(prep, "pobj")]
        # "welcomed the truce agreed by X": the parser may read a reduced relative as a
        # clause whose subject is the act.
        nouns += [n for c in _children(trigger, "ccomp") if c.tag_ == "VBN" and
                  _children(c, "agent") for n in _children(c, "nsubj")]
        nouns += _small_clause_subjects(trigger)
    else:
        nouns = [p for prep in _children(trigger, "prep") if prep.lower_ in ("of", "over")
                 for p in _children(prep, "pobj")]
    for noun in nouns:
        lemma = noun.lemma_.lower()
        if noun.i in by_token or lemma in ACT_NOUNS or lemma in ACT_REFERENCES or \
                lemma in ACCUSATION_NOUNS or (lemma in CONDUCT_NOUNS | DOCUMENT_NOUNS and
                                              _children(noun, "poss")):
            return noun
    return None


def _authors(frame: Frame) -> list[Arg]:
    return [a for a in frame.actors if a.is_party and (a.entity or a.country or a.igo or
                                                       a.sector) and not _is_place(a)]


def _act_agents(index: DocIndex, act: Token) -> list[Arg]:
    """The parties an act noun names as its agents ("the ceasefire agreed by Armenia and
    Azerbaijan", "the strikes carried out by Israel") or as its two sides ("the truce
    between Armenia and Azerbaijan")."""
    # "their government's response", "Russia's move": the possessor is the author.
    owners = [a for poss in _children(act, "poss") for a in resolve(index, poss)
              if a.is_party and not _is_place(a)]
    if owners:
        return owners
    verbs = _children(act, "acl")
    if act.dep_ == "nsubj" and act.head.tag_ == "VBN":
        verbs.append(act.head)
    heads = [pobj for verb in verbs for agent in _children(verb, "agent")
             for pobj in _children(agent, "pobj")]
    # "the truce between Armenia and Azerbaijan": its two parties.
    heads += [pobj for prep in _children(act, "prep") if prep.lower_ == "between"
              for pobj in _children(prep, "pobj")]
    return [a for head in heads for a in resolve(index, head) if a.is_party and
            not _is_place(a)]


def _earlier_author(frames: Sequence[Frame], act: Token, own: Frame | None,
                    judge: Sequence[Arg] = ()) -> list[Arg]:
    """The author of the nearest act of the kind ``act`` names, told before it within
    ``JUDGED_WINDOW`` tokens ("the stabbing" after "X stabbed the mayor"); for a charge or
    claim, the author of the accusation of the one who judges it ("rejected the charge"
    after "X accused Y", told of Y)."""
    judges = {(a.entity, a.country) for a in judge}
    kind = own.type if own is not None and own.type != INCIDENT else None
    lemma = act.lemma_.lower()
    accusation = lemma in ACCUSATION_NOUNS
    for earlier in reversed(frames):
        if earlier.trigger.i >= act.i or (earlier.type != "ACCUSE" if accusation else
                                          earlier.type in JUDGING_TYPES | BLAMING_TYPES):
            # ("rejected the charge": the accusation's author, not the last act.)
            continue
        if act.i - earlier.trigger.i > JUDGED_WINDOW:
            break
        if accusation and not any((t.entity, t.country) in judges for t in earlier.targets):
            continue
        if accusation or (earlier.type == kind if kind else earlier.type in AUTHORED_TYPES
                          or earlier.trigger.lemma_.lower() == lemma):
            authors = _authors(earlier)
            if authors:
                return authors
    return []


def _judged_acts(index: DocIndex, frames: Sequence[Frame]) -> None:
    """Condemning, opposing, praising or welcoming an act is a stance towards its author:
    "Kenya condemned the attack" after "al-Shabaab gunmen stormed a hotel in Mogadishu" is
    against al-Shabaab. The author is the act's own ("Russia's move", "the Taliban
    attack", "the truce agreed by X and Y") or, for an act named again, that of the
    nearest act of its kind told before, within ``JUDGED_WINDOW`` tokens. Blame never
    falls on the one a hostile act was done to: "condemned the invasion of Ukraine" is not
    against Ukraine, and with no author known it has no target. Praise of an act keeps the
    party it names ("praised the release of X"). Its actor is never its own target."""
    by_token = {f.trigger.i: f for f in frames}
    for frame in frames:
        welcome = frame.type == "CONSULT" and frame.trigger.lemma_.lower() == "welcome"
        blaming = frame.type in BLAMING_TYPES
        if frame.type not in JUDGING_TYPES and not welcome and not blaming:
            continue
        act = _judged_noun(frame.trigger, by_token)
        if act is None or frame.trigger.lemma_.lower() in CARRIER_VERBS or (
                act.i in by_token and by_token[act.i].type in BLAMING_TYPES | JUDGING_TYPES
                and not (frame.type == "REJECT" and act.lemma_.lower() in ACCUSATION_NOUNS)):
            # "lodged a protest", "continued the strike": the noun is the act itself.
            continue
        named = any((t.country or t.igo or t.entity or t.kind == "group") and
                    not _is_place(t) for t in frame.targets)
        if named and not blaming:
            if welcome:
                # "welcomed the truce between X and Y": approval of the act of those named.
                frame.type, frame.intensity = "SUPPORT", 0.3
            continue
        own = by_token.get(act.i)
        authors = (_authors(own) if own is not None else []) or _act_agents(index, act) or \
            _earlier_author(frames, act, own, frame.actors)
        actors = {(a.entity, a.country, a.sector, a.igo) for a in frame.actors}
        authors = [a for a in authors if (a.entity, a.country, a.sector, a.igo) not in actors]
        if authors:
            frame.targets = authors
            if welcome:
                # "welcomed the ceasefire": approval of an act, not a reception.
                frame.type, frame.intensity = "SUPPORT", 0.3
        elif named and (own.intensity < 0 if own is not None else
                        act.lemma_.lower() in ACT_NOUNS):
            # "opposed the blockade of Venezuela": not against Venezuela.
            inside = {t.i for t in act.subtree}
            frame.targets = [t for t in frame.targets if t.head not in inside]


# A country's people named by a common noun ("Chinese citizens", "residents").
CITIZEN_NOUNS = frozenset({"citizen", "people", "resident", "voter", "public", "worker",
                           "student", "youth", "villager", "farmer", "teacher", "doctor",
                           "nurse", "lawyer", "journalist", "activist", "critic"})


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


# Documents, measures and deadlines: they allow, ban or expire, but do not act.
DOCUMENT_NOUNS = frozenset({"law", "bill", "decree", "amendment", "change", "proposal",
                            "measure", "policy", "rule", "regulation", "report", "website",
                            "site", "page", "decision", "deal", "agreement", "treaty", "plan",
                            "deadline", "constitution", "ruling", "verdict", "statement"})


def _inert(index: DocIndex, arg: Arg) -> bool:
    """True for an actor that is a thing and names no party: an act, a weapon, a vehicle or
    a document ("the attack killed", "the proposed law would allow", "the website
    accepted"). A thing of a named country still names its author ("a US drone
    struck")."""
    if _named_itself(index, arg) is not None or arg.country or arg.igo or arg.sector:
        return False
    lemma = index.doc[arg.head].lemma_.lower()
    return lemma in THING_NOUNS or lemma in ACT_NOUNS or lemma in DOCUMENT_NOUNS


def _undated_act(frame: Frame, targets: Sequence[Arg], source: str | None,
                 spans: Sequence[tuple[Span, dict[str, Any]]],
                 starts: Sequence[int] | None) -> bool:
    """For an act with no one doing it: True unless a time expression of its own clause
    dates it ("was arrested in 1963", "an attack in 2015") or it was done to a named party
    ("the Ruritanian embassy was attacked"). Such an act ("the bill would allow", "dozens
    died in the attack", "aid was provided") names neither who, to whom nor when, so it is
    neither on a timeline nor in a stance. A happening (an election, an earthquake) has no
    actor by nature and needs only a date from the text."""
    if any(t.country or t.igo or t.entity for t in targets):
        return False
    if frame.type == INCIDENT:
        return source in (None, "published")
    trigger = frame.trigger
    # "A similar raid took place in May": the verb of a named act dates it.
    carrier = trigger.head if trigger.dep_ in ("nsubj", "nsubjpass") else trigger
    return not any(_attached(span, trigger) or _conjunct_date(span, trigger) or
                   _attached(span, carrier)
                   for span, _ in sentence_spans(trigger.sent, spans, starts))


def _drop_repeated_mentions(events: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """An act named again without its parties ("the invasion", "the withdrawal" after
    "Azerbaijan launched an offensive", "the US announced a withdrawal") is the same act, not a
    new one: an event with neither actor nor target is dropped when an earlier event of the
    same type has a party, unless a date of its own sets it apart. Happenings (INCIDENT)
    and timeline types are kept."""
    dates: dict[str, set[str | None]] = {}
    out: list[dict[str, Any]] = []
    for event in events:
        etype = str(event["type"])
        bare = not (event.get("actor") or event.get("actor_country") or event.get("target")
                    or event.get("target_country"))
        own_date = event.get("date_source") not in (None, "published") and \
            event.get("date") not in dates.get(etype, ())
        if bare and etype in dates and not own_date and \
                etype not in (INCIDENT, STATEMENT, ACTION):
            continue
        if not bare:
            dates.setdefault(etype, set()).add(event.get("date"))
        out.append(event)
    return out


# ----------------------------------------------------------------- the rule registry

# Rules that drop a trigger which names no act of its own.
DROP_RULES: dict[str, Callable[[Frame, dict[int, Entry]], bool]] = {
    "carried_noun": _carried_noun,
    "self_request": _self_request,
    "purpose_clause": _purpose_clause,
    "reception": _reception,
}
# Every switchable event rule by name, with the function that is the rule (or, for rules
# applied inside argument resolution, the one that decides it). The component's config lists
# the names it applies (``rules``); ``benchmarks/ablation.py`` switches each off in turn.
RULES: dict[str, Callable[..., Any]] = {
    **DROP_RULES,
    "speech_statement": _speaking_party,
    "dateline_date": _same_line,
    "attack_attribution": _claimed_attacks,
    "home_country": _at_home,
    "narrative_date": narrative_day,
    "cessation": _ceased,
    "possessor_support": _possessor_support,
    "mutual_pairs": _pairs,
    "own_people_retreat": _moves_own_people,
    "clause_dedupe": _arg_key,
    "about_modifiers": _noun_arguments,
    "refusal": _refusal,
    "coup_removal": _coup_frames,
    "perpetrator_attribution": _perpetrator_frames,
    "undo_demand": _type_for,
    "home_first": _domestic_targets,
    "dated_speech": _dated_speaker,
    "conjunct_date": _conjunct_date,
    "medical_sense": _frames,
    "happening_subject": _noun_arguments,
    "unnamed_protest": _is_unnamed_act,
    "dated_acts": _dated_act_frames,
    "lede_date": _recent_day,
    "media_not_actor": _not_media,
    "repeated_mention": _drop_repeated_mentions,
    "place_at": _at_place,
    "sentence_country": _sentence_country,
    "thing_not_actor": _inert,
    "sector_home": _sector_home,
    "judged_act": _judged_acts,
    "act_subject_target": _struck_targets,
    "denied_charge": _denied_charges,
    "characterisation": _judgement,
    "quoted_judgement": _quoted_judgements,
    "home_justice": _unattributed,
    "dissenting_people": _dissenting_people,
    "actorless_undated": _undated_act,
    "sector_target": _sector_targets,
    "helping_deployment": _helping_purpose,
    "contested_object": _contested,
    "between_pairs": _between,
    "appositive_actor": _noun_arguments,
    "from_source": _noun_arguments,
    "addressee_target": _verb_arguments,
    "requested_act": _requested,
    **ARGUMENT_RULES,
}


def check_rules(rules: Collection[str] | None) -> frozenset[str]:
    """The rule names to apply: all of ``RULES`` when None.

    Raises:
        ValueError: a name is not in ``RULES``.
    """
    if rules is None:
        return frozenset(RULES)
    unknown = sorted(set(rules) - set(RULES))
    if unknown:
        raise ValueError(f"unknown event rules {unknown}; known: {sorted(RULES)}")
    return frozenset(rules)
