"""The actors and targets of one trigger from the parse: a verb's subject, object, dative,
passive agent and prepositional arguments, a noun's possessive, compound and
prepositional ones, the place of an act, and the parties a demand or a threat names.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Token

from .. import resources
from .backing import backing_parties, is_backing
from .docindex import Arg, DocIndex
from .groups import expand_agents, group_members, resolve, state_group
from .lexicon import STRAY_PREPOSITIONS, Entry, stray_preps
from .references import SPEECH_VERBS, city_is_place
from .resolve import resolve_one
from .syntax import (
    _agent,
    _children,
    _claiming_verb,
    _controller,
    _far_agent,
    _governing_verb,
    _in_clause,
    _is_passive_participle,
    _is_verbal,
    _participle_patient,
    _stance_topic,
    _subject,
    _topic_of_noun,
    _undergoing_verb,
    named_things,
)
from .words import (
    ABOUT_MODIFIERS,
    BROKERING_VERBS,
    CAUSING_VERBS,
    DENIAL_VERBS,
    FILING_NOUNS,
    HAPPENING_VERBS,
    JUDGING_VERBS,
    OBJECT_PREPS,
    OCCASION_NOUNS,
    PLACE_MARKS,
    PLACE_PREPS,
    RECEIVING_VERBS,
    RELATIVE,
    SOURCED_NOUNS,
    STANCE_NOUNS,
    TARGET_PREPS,
    UNDERGONE_NOUNS,
    VISIT_WORDS,
)

ARG_DEPS = frozenset({"dobj", "dative", "attr", "oprd"})
#: Verbs whose subject does not do the act their object noun names: they judge it ("described
#: the raid"), cause it ("prompted protests") or bring others to it ("mediated talks").
NOT_DOING_VERBS = JUDGING_VERBS | CAUSING_VERBS | BROKERING_VERBS


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


# Gathers candidate targets from every argument position of the verb into one ranked
# list; the positions share that list and its order.
def _object_targets(index: DocIndex, verb: Token, entry: Entry | None,  # noqa: C901
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
            # (An adjective's "by" is its object: "concerned by the drills"; and what "what
            # it called ..." names: "protested against what it called provocations".)
            preps.setdefault(child.lower_, []).extend(_children(child, "pobj"))
            if "own_name_for" in index.rules:
                preps[child.lower_].extend(n for c in _children(child, "pcomp")
                                           for n in named_things(c))
        elif child.dep_ == "ccomp" and "own_name_for" in index.rules:
            # "condemned what it called Turkish provocations": the provocations are its object.
            objects.extend(named_things(child))
        elif child.dep_ == "dative":
            objects.insert(0, child)
    if entry is not None and entry.speech:
        # "announced on Twitter", "said on state television": where words were said is no
        # one they were said to.
        preps.pop("on", None)
    if "occasion_venue" in index.rules:
        # "endorsed the route at a White House summit", "signed at a ceremony in Lima": the
        # occasion an act was done at is no one it was aimed at.
        for prep in ("at", "during"):
            if prep in preps:
                preps[prep] = [p for p in preps[prep] if p.lemma_.lower() not in OCCASION_NOUNS]
    if verb.lemma_.lower() in DENIAL_VERBS:
        # "accused of backing the rebels, which it denies": the charge is denied, not the
        # noun the relative pronoun hangs on.
        objects = [o for o in objects if o.lower_ not in RELATIVE]
    measured = [inner for obj in objects for of in obj.children
                if of.dep_ == "prep" and of.lower_ == "of" for inner in _children(of, "pobj")]
    for obj in [*objects, *_children(verb, "prt"), *measured]:
        # The object's own attachments that name a party ("gave aid to X", "ties with X"),
        # and a particle's ("kidnapped up to 16 advisers"); not what the object is about
        # ("welcomed the decision on Putin" is no support for Putin). An object measured
        # out ("three days of mourning for X") lends its noun's row preposition only.
        for sub in obj.children:
            if sub.dep_ == "prep" and (sub.lower_ in OBJECT_PREPS and obj not in measured or (
                    entry is not None and entry.target_prep and
                    sub.lower_ in entry.target_prep.split("|"))):
                preps.setdefault(sub.lower_, []).extend(_children(sub, "pobj"))
    if any(o.lemma_.lower() in FILING_NOUNS for o in objects):
        _drop_forums(index, preps)
    if "backing_phrase" in index.rules and "with" in preps:
        # "hit radar sites with support from Britain": the help is no target.
        preps["with"] = [p for p in preps["with"] if not is_backing(p)]
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
    venue = _venue(entry)
    for prep in TARGET_PREPS:
        for pobj in preps.get(prep, ()):
            found = _at_place(index, _party_args(index, pobj), prep,
                              hostile=entry is not None and entry.intensity < 0)
            candidates.append([a for a in found if not (venue and _is_place(a))])
    candidates.extend(aimed)
    for prep in () if venue else PLACE_PREPS:
        # PLOVER codes the place of an act as its target when no party is named ("shelled
        # villages in Kabul"); the text says "in ..." so readers and the stance see a place.
        for pobj in preps.get(prep, ()):
            candidates.append([_as_place(a, prep) for a in _party_args(index, pobj)])
    return _first_party(candidates, exclude, sectors=False)


def _drop_forums(index: DocIndex, preps: dict[str, list[Token]]) -> None:
    """Take out of ``preps`` the bodies a complaint or case is brought before, in place:
    "filed a complaint with the U.N. Security Council", "took the case to the ICJ" are not
    against the council or the court (rule ``filing_venue``). A party named there that is
    no international body or court ("a complaint with Beijing") stays."""
    if "filing_venue" not in index.rules:
        return
    for prep in ("with", "to", "before", "at"):
        if prep in preps:
            preps[prep] = [p for p in preps[prep] if not _is_forum(index, p)]


def _is_forum(index: DocIndex, tok: Token) -> bool:
    """True for an international organisation or a court ("the WTO", "a tribunal")."""
    if tok.lemma_.lower() in ("court", "tribunal", "panel", "arbitration"):
        return True
    arg = resolve_one(index, tok, depth=1)
    if arg.igo:
        return True
    ent = index.entities.get(arg.entity or "") or {}
    name = str(ent.get("canonical") or "")
    return bool(resources.igo_key(name)) or any(
        w in name.split() for w in ("Court", "Tribunal"))


def _venue(entry: Entry | None) -> bool:
    """True for words and meetings: where they happen is a venue, not whom they are aimed
    at ("said in Rome", "held talks in Oslo", "mediated talks in Doha"). A visit or an
    arrival is aimed at its place ("arrived in Lima")."""
    return entry is not None and (entry.speech or entry.type == "CONSULT" and
                                  entry.lemma not in VISIT_WORDS)


def _is_place(arg: Arg) -> bool:
    """True for a target that is only where an act happened ("in Cairo")."""
    return arg.text.startswith(PLACE_MARKS)


def _at_place(index: DocIndex, args: list[Arg], prep: str, hostile: bool = False) -> list[Arg]:
    """"at" a building, an airport or a city names where an act happened, not whom it was
    aimed at ("the airstrike at Baghdad airport"; but "fired at the protesters")."""
    if prep != "at" or "place_at" not in index.rules:
        return args
    out = []
    for arg in args:
        ent = index.entities.get(arg.entity or "") or {}
        label = ent.get("label")
        place = resources.place_lookup(str(ent.get("canonical") or ""))
        if label in ("FAC", "LOC") or label == "GPE" and place is None or (
                place is not None and place.kind == "seat" and not hostile):
            # ("signed a deal at the White House": a seat of government names where.)
            arg = _as_place(arg, prep)
        out.append(arg)
    return out


def _as_place(arg: Arg, prep: str) -> Arg:
    return Arg(arg.head, f"{prep} {arg.text}", arg.kind, arg.entity, arg.country, arg.sector,
               arg.igo, arg.label)


#: What a reacting verb's phrases after its object may give that object: where the act
#: is aimed and by whom ("condemned the raid by militias against the camp").
REACTION_PREPOSITIONS = STRAY_PREPOSITIONS | {"by"}


def _modifier_parties(index: DocIndex, tok: Token) -> list[Arg]:
    """The parties a modifier of an act noun names: the members of a group of states
    ("Baltic"), else the one it resolves to."""
    members = state_group(tok) if "state_groups" in index.rules else ()
    return group_members(tok, members) if members else [resolve_one(index, tok)]


def _city_modifier_is_place(noun: Token, modifier: Token) -> bool:
    """True when a city or capital modifying a noun names the place of a violent act or a
    pact ("the Kabul bombing", "the Algiers agreement"); a country or people ("a US
    airstrike") names its author (``references.city_is_place``)."""
    if modifier.ent_type_ not in ("GPE", "LOC", "FAC"):
        return False
    words = [t.text for t in modifier.subtree if t.dep_ == "compound" or t.i == modifier.i]
    return city_is_place(noun, {"label": modifier.ent_type_, "canonical": " ".join(words)})


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


# See the docstring: the steps fill shared lists in order.
def _possessor_undergoes(index: DocIndex, noun: Token) -> bool:
    """Whether a noun's possessor is the one the act is done to: "his arrest", "Maduro's
    capture", "the minister's dismissal" (``undergone_nouns``), unless an "of" object names
    that one and leaves the possessor the doer ("Russia's expulsion of two diplomats")."""
    return "undergone_possessor" in index.rules and noun.lemma_.lower() in UNDERGONE_NOUNS \
        and not any(c.dep_ == "prep" and c.lower_ == "of" for c in noun.children)


def _noun_arguments(index: DocIndex, noun: Token, reactions: frozenset[int] = frozenset(),  # noqa: C901
                    about: bool = True, venue: bool = False) -> tuple[list[Arg], list[Arg]]:
    """Actor and target of an event noun ("its recognition of Guaido", "U.S. sanctions on
    Iran", "held talks with X", "an attack by rebels").

    ``reactions`` are the token indices of verbs that react to an act ("condemned", "called
    for"): their subject is not the noun's actor ("the US deplored the attack"). With
    ``venue`` the noun names words or a meeting, whose place is no target (``_venue``).

    Longer than 80 lines on purpose: the noun's own dependents (possessive, compound,
    prepositions) come first and the clause around it (the verb it is the subject or object
    of, an apposition, a source) only fills what they left empty, so the steps share the
    lists they fill and their order.
    """
    if "backing_phrase" in index.rules and (backing := backing_parties(index, noun)):
        # "with support from Britain": Britain backs the one who acts.
        return backing
    actors: list[Arg] = []
    targets: list[Arg] = []
    preps: dict[str, list[Token]] = {}
    for child in noun.children:
        if child.dep_ == "prep":
            preps.setdefault(child.lower_, []).extend(_children(child, "pobj"))
    if noun.lemma_.lower() in FILING_NOUNS:
        _drop_forums(index, preps)
    # "condemned the strikes by Russia on the city": phrases the parser hung on a verb
    # reacting to the noun are the noun's.
    for child in stray_preps(noun, REACTION_PREPOSITIONS if noun.head.i in reactions
                             else STRAY_PREPOSITIONS):
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
                if _possessor_undergoes(index, noun):
                    targets = _first_party([_party_args(index, child)], sectors=False)
                else:
                    actors = _first_party([_party_args(index, child)])
                break
    if not actors:
        for child in noun.children:
            if child.dep_ in ("compound", "amod", "nmod") and child.ent_type_ not in (
                    "DATE", "TIME") and not (about and (
                    child.lower_ in ABOUT_MODIFIERS or
                    child.lemma_.lower() in ABOUT_MODIFIERS)):
                if "city_is_place" in index.rules and _city_modifier_is_place(noun, child):
                    # "the Jalalabad market bombing": a city names where, not who.
                    continue
                # "the Polish and Czech sanctions": each people named is an author; "the
                # Baltic bans", each Baltic state. A sector word alone is no actor here: "a
                # general strike" is not the army's.
                found = [a for a in _modifier_parties(index, child)
                         if a.is_party and a.kind != "other"]
                if found:
                    actors = found + [a for c in child.conjuncts
                                      for a in _modifier_parties(index, c)
                                      if a.is_party and a.kind != "other"]
                    break
    received = noun.dep_ == "dobj" and noun.head.lemma_.lower() in RECEIVING_VERBS and \
        "received_reaction" in index.rules and noun.lemma_.lower() in SOURCED_NOUNS
    if received and "from" not in preps:
        # "the offensive drew criticism from France": the source hangs on the verb; "from
        # France and from Spain", each source.
        for child in noun.head.children:
            if child.dep_ == "prep" and child.lower_ == "from":
                preps["from"] = _children(child, "pobj") + [
                    o for c in child.conjuncts if c.lower_ == "from" for o in _children(c, "pobj")]
    if not actors and preps.get("from") and "from_source" in index.rules and (
            noun.lemma_.lower() in SOURCED_NOUNS):
        # "criticism of Israel from Turkey", "aid from Japan": whom it comes from acts.
        actors = _first_party([[a for o in preps["from"] for a in _party_args(index, o)]])
        if actors:
            preps.pop("from")
            if received:
                # ... and what drew or received it is the target.
                subj, passive = _subject(noun.head)
                if subj is not None and not passive:
                    targets = _first_party([_party_args(index, subj)], sectors=False)
    verb = _acting_verb(index, noun)
    if "undergone_act" in index.rules and (undergoer := _undergoing_verb(noun)) is not None:
        # "Tunisia faces attacks", "Kenya endured raids by al-Shabab": the subject is the
        # target; the doer is whoever "by" or "from" names, on the noun or the verb.
        subj, passive = _subject(undergoer)
        if subj is not None and not passive and not targets:
            targets = _first_party([_party_args(index, subj)], sectors=False)
        sources = [o for holder in (noun, undergoer) for p in _children(holder, "prep")
                   if p.lower_ in ("by", "from") for o in _children(p, "pobj")]
        actors = actors or (_first_party([_party_args(index, sources[0])]) if sources else [])
        verb = None
    if not actors and verb is not None and verb.i not in reactions and (
            verb.lemma_.lower() not in NOT_DOING_VERBS) and not (
            "topic_noun" in index.rules and _topic_of_noun(noun)):
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
    return actors, [t for t in targets if not (venue and _is_place(t))]


# See the docstring: the steps fill shared lists in order.
def _verb_arguments(index: DocIndex, verb: Token, entry: Entry,  # noqa: C901
                    complement: Token | None) -> tuple[list[Arg], list[Arg], Token | None]:
    """Actor and target of a verb trigger (and of its folded complement, if any).

    Longer than 80 lines on purpose: the subject, the passive agent, a controlling verb's
    subject, the objects and the folded complement are taken in this order, each filling
    what the ones before left empty, so the steps share the lists they fill and their order.
    """
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
        if agent is None and "far_agent" in index.rules:
            # (A "by the river" that names no party gives no actor below.)
            agent = _far_agent(verb)
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
        patient = verb.head if verb.dep_ == "acl" and _is_passive_participle(verb) else \
            _participle_patient(verb) if "participle_patient" in index.rules else None
        if patient is not None:
            # "Maduro, backed by the military": the noun is the target; so is the subject a
            # bare participle clause tells of ("X appeared in court, charged with murder";
            # "Backed by Russia, the rebels ...").
            agent = _agent(verb)
            actors = _first_party([_party_args(index, agent)]) if agent is not None else []
            targets = _first_party([_party_args(index, patient)], sectors=False)
        elif any(c.dep_ == "auxpass" for c in verb.children) and (
                _agent(verb) is not None or "participle_patient" in index.rules):
            # "hurt after being beaten by a mob": the agent acts on the one the clause is
            # about; "died soon after being captured": with no agent named, that one
            # underwent the act and nobody named did it.
            agent = _agent(verb)
            actors = _first_party([_party_args(index, agent)]) if agent is not None else []
            ctrl = _controller(verb)
            targets = _first_party([_party_args(index, ctrl)], sectors=False) \
                if ctrl is not None else []
        else:
            ctrl = _controller(verb)
            if ctrl is not None:
                actors = _party_args(index, ctrl)
            if verb.dep_ == "acl" and not any(a.is_party for a in actors):
                owner = _children(verb.head, "poss")
                if owner:
                    # "attacked the president's plan to cut aid": the plan's owner acts.
                    actors = _party_args(index, owner[0])
                elif (above := _governing_verb(verb.head)) is not None:
                    # "issued a declaration demanding ...": the declaration's author acts.
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


def _acting_verb(index: DocIndex, noun: Token) -> Token | None:
    """The verb whose subject does the act a noun names (``syntax._governing_verb``), or
    None when the act is what a noun of opposing is about ("voiced opposition to sanctions
    on Russia": the sanctions are not the opposer's, nor aimed at what "voiced" governs)."""
    if "topic_noun" in index.rules and _stance_topic(noun):
        return None
    return _claiming_verb(noun) or _governing_verb(noun)  # ("claimed the attack")
