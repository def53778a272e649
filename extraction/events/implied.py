"""Stance rules for what a sentence implies about whom an act concerns, beside
``stance.implicit_target`` (which infers targets from the whole story).

- ``chosen_person``: appointing, electing, nominating or swearing in a named person is the
  chooser's support for that person ("the senate confirmed Ana Ruiz as defence minister").
- ``later_party``: a cooperative act whose target the parse left empty is towards the one
  party the rest of its sentence names ("Norway pledged funds, which Malawi will spend on
  clinics"), at the weight of an inferred target.

Both are registered in ``rulebook.STANCE_RULES`` (which ``stance`` reads) and listed in
``stance.DEFAULT_RULES``;
``benchmarks/ablation.py`` switches them off one at a time.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterator
from typing import Any

from .rulebook import (
    IMPLICIT_WEIGHT,
    Contribution,
    StanceInput,
    _acting_holder,
    _actor_holder,
    _happened,
    _targetless,
    stance_rule,
    target_key,
)
from .sides import _own_organ, _same_side
from .words import OCCASION_NOUNS

#: Trigger stems of choosing a person for an office. Winning ("won the election over
#: Ana Ruiz") and voting ("voted against Ruiz") are not choosing whom the text names.
CHOOSING_STEMS = ("elect", "re-elect", "reelect", "appoint", "nominat", "designat",
                  "inaugurat", "sworn", "swear", "swore")
#: Acts that give support or work with someone: their unnamed beneficiary is the party the
#: sentence names next. Hostile acts are left out: "X condemned the attack, which Y ..."
#: names bystanders as often as targets.
COOPERATIVE_TYPES = frozenset({"SUPPORT", "AID", "COOPERATE", "AGREE"})
#: Words that aim what comes after them at someone: a party named after them is no
#: beneficiary of a cooperative act before them.
AIMING_WORDS = frozenset({"against", "target", "targets", "targeting", "targeted", "aimed",
                          "aiming", "punish", "punishing"})
#: Prepositions of an occasion and of a place, and the prepositions that end such a phrase.
OCCASION_PREPOSITIONS = frozenset({"at", "during"})
WHERE_PREPOSITIONS = frozenset({"in", "near", "outside", "inside"})
PREPOSITIONS = OCCASION_PREPOSITIONS | WHERE_PREPOSITIONS | frozenset({
    "to", "with", "for", "on", "from", "by", "of", "into", "toward", "towards", "between",
    "among", "about", "over", "under"})
#: Entities that can be on the receiving end of an act. People are left out: a person named
#: later in the sentence is as often the act's author or a bystander ("Norway pledged funds,
#: and its envoy Erik Berg will visit") as its beneficiary.
PARTY_LABELS = frozenset({"ORG", "GPE", "NORP"})


@stance_rule("chosen_person")
def chosen_person_rule(data: StanceInput) -> Iterator[Contribution]:
    """An appointment, election, nomination or swearing-in of a named person that happened
    is support for that person by whoever chose them, own officials included ("parliament
    elected Li Na as speaker": the state supports Li Na)."""
    for event in data.events:
        if event.get("type") != "ELECT" or not _happened(event) or event.get("negated"):
            continue
        if not str(event["trigger"]["text"]).lower().startswith(CHOOSING_STEMS):
            continue
        person = data.entities.get(event.get("target") or "")
        if person is None or person.get("label") != "PERSON":
            continue
        holder = _actor_holder(event, data.entities.get(event.get("actor") or ""))
        found = target_key(person, person.get("country"), None)
        if holder is None or found is None or found[0] == holder:
            continue
        yield Contribution(holder, found[0], found[1], person.get("country"), IMPLICIT_WEIGHT,
                           str(event["id"]), event.get("date"))


def _mentions_after(entities: dict[str, dict[str, Any]]) -> list[tuple[int, dict[str, Any]]]:
    """(start offset, entity) for every mention of a party entity, in text order."""
    found = [(int(m["start_char"]), e) for e in entities.values()
             if e.get("label") in PARTY_LABELS for m in e.get("mentions") or ()]
    return sorted(found, key=lambda item: item[0])


#: Words that open another clause: a party named after them is in that clause ("staged drills
#: on Thursday, two days after North Korea fired a missile"), not the act's receiver.
CLAUSE_WORDS = frozenset({"after", "before", "when", "while", "since", "because", "although",
                          "though", "despite", "whereas", "until"})


@stance_rule("later_party")
def later_party_rule(data: StanceInput) -> Iterator[Contribution]:
    """A cooperative act that happened, with an actor and no target, is towards the party
    its sentence names after the trigger, when exactly one such party (by target key) is
    there and it is not on the actor's side (states, peoples and organisations only); a
    party named after a word that opens another clause (``CLAUSE_WORDS``) is not."""
    mentions = _mentions_after(data.entities)
    starts = [at for at, _ in mentions]
    for event in data.events:
        if event.get("type") not in COOPERATIVE_TYPES or not _happened(event) or \
                not _targetless(event) or float(event.get("polarity") or 0.0) <= 0.0:
            continue
        holder = _acting_holder(event, data.entities)
        if holder is None:
            continue
        actor = data.entities.get(event.get("actor") or "")
        start, end = int(event["trigger"]["end_char"]), int(event["sentence"]["end_char"])
        sentence = event["sentence"]
        found: dict[str, tuple[str, str | None]] = {}
        # (The mentions of the sentence after the trigger, found by bisection: the cost
        # stays linear in the article's length.)
        for at, entity in mentions[bisect_left(starts, start):bisect_left(starts, end)]:
            between = str(sentence.get("text") or "")[
                start - int(sentence["start_char"]):at - int(sentence["start_char"])]
            words = between.lower().replace(",", " ").split()
            if not _receiver(entity, actor, holder) or AIMING_WORDS & set(words) or \
                    CLAUSE_WORDS & set(words) or _where(words):
                # ("welcomed the verdict against the Russian officer", "sanctions, agreed by
                # EU leaders, that target Russia's banks": no beneficiary; nor "signed the
                # pact at a ceremony in Lima", "endorsed it at a White House summit".)
                continue
            key = target_key(entity, entity.get("country"), None)
            if key is not None and key[0] != holder:
                found[key[0]] = (key[1], entity.get("country"))
        if len(found) != 1:
            continue
        (key, (name, country)), = found.items()
        yield Contribution(holder, key, name, country,
                           float(event["polarity"]) * IMPLICIT_WEIGHT, str(event["id"]),
                           event.get("date"))


def _where(words: list[str]) -> bool:
    """Whether the words between an act and a mention make the mention where the act was
    done ("at a White House", "at a ceremony in"), not whom it was for: the last preposition
    is "at" or "during", or one of place after an occasion ("... ceremony in"). "Funding for
    its mission in Armenia" keeps Armenia."""
    last = next((w for w in reversed(words) if w in PREPOSITIONS), None)
    return last in OCCASION_PREPOSITIONS or last in WHERE_PREPOSITIONS and bool(
        OCCASION_PREPOSITIONS.intersection(words) or OCCASION_NOUNS.intersection(words))


def _receiver(entity: dict[str, Any], actor: dict[str, Any] | None, holder: str) -> bool:
    """Whether an entity named after a cooperative act can be its beneficiary."""
    country = entity.get("country")
    if actor is not None and entity.get("id") == actor.get("id") or (
            entity.get("label") in ("GPE", "NORP") and not country):
        return False
    return not _same_side(holder, entity, country) and not _own_organ(holder, entity, country)
