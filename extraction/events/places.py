"""Parties inferred from where an act happens, as event data codes news: the place a
sentence names, the country of a domestic story (``home_country``), violence and arrests
without authors, crowds and sectors without a country, dissent against a state's organs,
and the people or sectors a state acts on at home.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from typing import Any

from spacy.tokens import Token

from .. import resources
from .docindex import Arg, DocIndex
from .frame import Frame
from .references import SECTOR_NOUNS, one_country
from .resolve import PEOPLE_NOUNS, resolve_one
from .syntax import (
    _agent,
    _children,
    _governing_verb,
    _is_verbal,
    _participle_patient,
    _subject,
)
from .targets import _acting_verb, _first_party, _party_args
from .words import (
    ARMED_SUBJECTS,
    DOMESTIC_MEASURES,
    HOME_NOUNS,
    INSTITUTION_WORDS,
    INSURGENT_NOUNS,
    JUSTICE_VERBS,
    MULTINATIONAL_WORDS,
    PLACE_MARKS,
    PLACE_NOUNS,
    POLICE_NOUNS,
    POLICE_VERBS,
    STATE_MODIFIERS,
    STATE_ROLE_WORDS,
    WEAPON_NOUNS,
)

# Acts of dissent: by uncoded people against one state's organs they are domestic.
DISSENT = frozenset({"PROTEST", "REQUEST", "THREATEN", "ACCUSE", "REJECT"})
# Acts told without their authors that a domestic story's country owns, by whom.
UNNAMED_HOME = {"PROTEST": "opposition", "COERCE": "police"}


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


# One case per kind of unattributed act (held in custody, arrest, a trial at home,
# violence), each returning its own actor; the cases share the early exits.
def _unattributed(index: DocIndex, frame: Frame, actors: list[Arg],  # noqa: C901
                  home: str | None = None) -> list[Arg]:
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
        patient = _participle_patient(trigger) if "participle_patient" in index.rules else None
        bare = patient is not None
        if not (passive or bare) or _agent(trigger) is not None:
            return actors
        lemma = trigger.lemma_.lower()
        country = _location(index, [trigger, *([trigger.head] if bare else [])])
        if "court_state" in index.rules and lemma in JUSTICE_VERBS and \
                lemma not in POLICE_VERBS and (country or home):
            # "was convicted in Paris", "appeared in court, charged with murder": the
            # court's state (where it sits, else the story's country) tries the accused,
            # and that is its act towards them.
            state = country or home
            return [Arg(trigger.i, resources.country_name(state) or state, "country", None,
                        state)]
        if bare:
            subj = patient
        if country is None and "home_justice" in index.rules and \
                lemma in JUSTICE_VERBS and subj is not None:
            # "The former president was convicted of corruption", "two Bolivian officials
            # were found guilty": a person's own state tries and sentences them when the
            # text names no other (with ``court_state``, when the story has no country).
            person = resolve_one(index, subj)
            if person.entity and person.country and (person.label == "PERSON" or (
                    "court_state" in index.rules and person.label == "NORP" and
                    lemma not in POLICE_VERBS)):
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


def _institution(index: DocIndex, arg: Arg) -> bool:
    if arg.sector is not None:
        return False
    words = [index.doc[arg.head].lemma_.lower()]
    if arg.entity is not None:
        words += str(index.entities[arg.entity].get("canonical") or "").lower().split()
    return any(w in INSTITUTION_WORDS for w in words)


#: A country named more than any other, with at least this share of the country-tied
#: mentions, is the story's country even below ``share`` ("a measles outbreak in Samoa"
#: told beside five other Pacific states). Chosen on the four development splits (53
#: articles, in-sample): 0.5 (off) / 0.4 / 0.3 / 0.2 gave stance F1 0.46 / 0.46 / 0.47 /
#: 0.47 and event recall 0.53 / 0.53 / 0.54 / 0.54; 0.3 is the highest of the best.
LEADER_SHARE = 0.3


def home_country(entities: Sequence[dict[str, Any]], *, share: float = 0.5,
                 least: int = 3, lead: bool = False,
                 leader_share: float | None = LEADER_SHARE) -> str | None:
    """The country an article is about: the one whose entities hold at least ``share`` of
    all mentions tied to a country, and at least ``least`` of them; or, named strictly more
    than any other, at least ``leader_share`` of them; else None.

    Args:
        entities: ``Entity.to_dict()`` dicts of the article.
        share: the smallest share of country-tied mentions.
        least: the fewest mentions.
        lead: also require strictly more mentions than any other country.
        leader_share: the smallest share for a strict leader (None: no such case).
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
    alone = sum(1 for c in counts.values() if c == counts[best]) == 1
    if lead and not alone:
        return None
    if counts[best] < least:
        return None
    if counts[best] >= share * total:
        return best
    return best if leader_share is not None and alone and \
        counts[best] >= leader_share * total else None


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
            if a.sector and not a.named and
            not _multinational(index.doc[a.head]) else a for a in actors]


def _armed_sector(index: DocIndex, frame: Frame, actors: list[Arg]) -> list[Arg]:
    """A bare "the military" or "the army" in a sentence that names one country's forces
    ("Israeli warplanes struck ..., the military said") is that country's, before the home
    or the place decide."""
    if not any(a.sector == "military" and not a.named for a in actors):
        return actors
    armed = _armed_country(index, frame.trigger)
    if armed is None:
        return actors
    return [Arg(a.head, a.text, a.kind, a.entity, armed, a.sector, None, a.label)
            if a.sector == "military" and not a.named and
            not _multinational(index.doc[a.head]) else a for a in actors]


def _armed_country(index: DocIndex, tok: Token) -> str | None:
    """The one country whose forces the sentence names ("Israeli warplanes struck ..., the
    military said"): a bare "the military" there is that country's, not the country of the
    place it struck; None when no force or forces of several countries are named."""
    found = set()
    for word in tok.sent:
        if word.lemma_.lower() not in ARMED_SUBJECTS or word.i == tok.i:
            continue
        for mod in word.children:
            if mod.dep_ in ("amod", "compound", "poss") and index.token_entity[mod.i]:
                country = resolve_one(index, mod).country
                if country:
                    found.add(country)
    return found.pop() if len(found) == 1 else None


def _multinational(noun: Token) -> bool:
    """True for a force of several states ("the multinational force", "coalition troops")."""
    return any(c.dep_ in ("amod", "compound") and c.lower_ in MULTINATIONAL_WORDS
               for c in noun.children)


def _homeless(index: DocIndex, arg: Arg) -> bool:
    """True for an actor of no country that a domestic story's country owns: an office,
    organ or crowd named by a common noun ("the police", "the senate", "protesters") or a
    person or organisation the knowledge base does not place."""
    if arg.country or arg.igo or arg.kind == "group" or arg.text.startswith("in "):
        return False
    head = index.doc[arg.head]
    if head.pos_ == "PRON" or _multinational(head):
        return False
    if arg.entity is not None:
        ent = index.entities.get(arg.entity) or {}
        return ent.get("label") in ("PERSON", "ORG") and resources.organisation_lookup(
            str(ent.get("canonical", ""))) is None
    # "the senate", "Mayor Ana Quispe", "police director Jan Novak": the office names it.
    words = [head, *(c for c in head.children if c.dep_ == "compound")]
    return head.pos_ in ("NOUN", "PROPN") and (arg.sector is not None or any(
        w.lemma_.lower() in HOME_NOUNS or w.lower_ in HOME_NOUNS for w in words))


def _sentence_country(index: DocIndex, tok: Token, *,
                      skip: frozenset[int] = frozenset()) -> str | None:
    """The one country the sentence of ``tok`` names, outside quotes, datelines and
    ``skip``; None when it names none or several ("Judge X opened inquiries into 28 Chilean
    officials")."""
    return one_country(index, tok.sent.start, tok.sent.end, skip=index.dateline | skip)


#: Roles of a state's own person: a target holding one stands for the state.
LEADER_ROLES = frozenset({"head of state", "head of government", "foreign minister"})


def _target_tokens(index: DocIndex, targets: list[Arg]) -> frozenset[int]:
    """The tokens of the targets that are a state or its leader ("sanctions against
    Venezuela", "welcomed Brazil's president"). The people or groups of a country
    ("inquiries into 28 Chilean officials", "demands from UNITA") are left in: an office
    holder acting on them is most often of the same country."""
    out: set[int] = set()
    for arg in targets:
        if arg.text.startswith(PLACE_MARKS):
            continue  # where the act happened ("a curfew in Algiers"): the actor's home
        ent = index.entities.get(arg.entity or "") or {}
        if arg.label == "GPE" or ent.get("label") == "GPE" or (
                arg.kind == "country" and arg.sector is None and arg.text.istitle()) or \
                ent.get("role") in LEADER_ROLES:
            out.update(t.i for t in index.doc[arg.head].subtree)
    return frozenset(out)


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


def _acted_on(trigger: Token, heads: Sequence[Token], preps: Collection[str], *,
              datives: bool = False) -> list[Token]:
    """The words the ``heads`` of an act take as acted upon: their direct objects (with
    conjuncts) and the objects of ``preps``; with ``datives``, their datives and a passive
    subject whose agent is named too ("the militias are armed by a neighbour")."""
    deps = ("dobj", "dative") if datives else ("dobj",)
    objects: list[Token] = []
    for head in heads:
        for child in head.children:
            if child.dep_ in deps and child.i != trigger.i or (
                    datives and child.dep_ == "nsubjpass" and _agent(head) is not None):
                objects.extend([child, *child.conjuncts])
            elif child.dep_ == "prep" and child.lower_ in preps:
                objects.extend(_children(child, "pobj"))
    return objects


#: Acts that judge what they name ("condemned the crackdown", "protested the arrests").
JUDGING_TYPES = frozenset({"ACCUSE", "PROTEST"})


def _judged_act(frame: Frame, obj: Token, arg: Arg | None) -> bool:
    """True when a verb of judging names someone else's act as its object ("Germany
    condemned the crackdown", "... the arrests of protesters"): the act is not the judge's
    at home, nor are the people it was done to; the one who made it ("rejected the appeal
    from the president") stays."""
    if frame.type not in JUDGING_TYPES or obj.dep_ != "dobj" or obj.head.i != frame.trigger.i:
        return False
    if arg is None:
        return obj.lemma_.lower() in DOMESTIC_MEASURES or obj.pos_ == "NOUN" and \
            obj.lemma_.lower() not in PEOPLE_NOUNS
    person = arg.head
    prep = obj.doc[person].head if obj.doc[person].dep_ == "pobj" else None
    return person != obj.i and prep is not None and prep.lower_ not in ("from", "by")


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
    verb = trigger if _is_verbal(trigger) else _acting_verb(index, trigger)
    heads = [h for h in (trigger, verb) if h is not None]
    # "opened fire to disperse demonstrators": the purpose clause names whom it was aimed at.
    heads.extend(c for h in list(heads) for c in h.children
                 if c.dep_ in ("advcl", "xcomp") and _is_verbal(c) and
                 any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children))
    objects = _acted_on(trigger, heads, ("against", "on", "of", "with"), datives=True)
    for obj in objects:
        arg = _people_object(index, obj)
        if backing and (arg is None or arg.sector not in ("rebels", "opposition")) or \
                _judged_act(frame, obj, arg):
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
    objects = _acted_on(trigger, [h for h in (trigger, verb) if h is not None],
                        ("against", "on", "with", "at"))
    own = next((a.country for a in actors if a.country and a.kind != "group"), None)
    for obj in objects:
        lemma = obj.lemma_.lower()
        sector = SECTOR_NOUNS.get(lemma) or SECTOR_NOUNS.get(obj.lower_)
        police = lemma in POLICE_NOUNS or obj.lower_ in POLICE_NOUNS
        state = any(c.dep_ in ("compound", "amod") and c.lower_ in STATE_MODIFIERS
                    for c in obj.children)
        if not (sector or police or state) or _multinational(obj):
            continue
        arg = resolve_one(index, obj, depth=1)
        if arg.named or arg.kind == "group":
            return []  # a named party: the other rules decide
        country = _location(index, [trigger, obj, *([verb] if verb is not None else [])])
        if country is None and (_police(index, actors) or any(
                a.sector in ("rebels", "opposition") for a in actors)):
            # Rebels, protesters and the police act at home.
            country = own or leading
        elif country is None and leading != own:
            # A foreign force in the country the story is about.
            country = leading
        if country is None and own and lemma in INSURGENT_NOUNS:
            # Rebels rise against their own state: "the Colombian army launched an offensive
            # against the rebels" (fighters and militants may come from across a border).
            country = own
        if country is None:
            # Troops may strike across a border: "Kenyan troops shot three fighters".
            return []
        if state and sector != "military":
            sector = None  # "government positions" are the state's
        return [Arg(obj.i, arg.text, "country", None, country, None if police else sector,
                    None, None)]
    return []


# Acts of backing: towards armed groups or an opposition they are seldom acts at home.
BACKING_TYPES = frozenset({"SUPPORT", "AID", "COOPERATE"})


def _police(index: DocIndex, actors: Sequence[Arg]) -> bool:
    """True when an actor is a police force named by a common noun ("police", "officers")."""
    for arg in actors:
        head = index.doc[arg.head]
        if head.pos_ == "NOUN" and (head.lemma_.lower() in POLICE_NOUNS or
                                    head.lower_ in POLICE_NOUNS):
            return True
    return False
