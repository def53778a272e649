"""Stance: events aggregated per (holder, target) into a signed score with their evidence.

A holder is who takes the stance, in the key scheme of ``arguments.holder_key`` (``USA``,
``military:VEN``, ``un``, ``group:54 other countries``); a target is the canonical name of
the person, organisation or country the stance is about. Each event counts once for its
actor; an event reported by a speaker ("It's the Maduro regime which has prevented that",
he said) also counts, at half weight, for the speaker against the actor of a conflictual
act. Every stance lists the events it comes from; without events there is no stance.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from .. import resources
from .arguments import holder_key

# A stance is "mixed" when the weaker side is at least this share of the stronger one.
MIXED_SHARE = 0.5
SPEAKER_WEIGHT = 0.5
# Entity roles that are organs of their state.
STATE_ROLES = frozenset({"government", "military", "foreign ministry", "defence ministry",
                         "embassy", "legislature", "police", "head of state",
                         "head of government", "foreign minister", "defence minister",
                         "minister", "diplomat", "spokesperson", "central bank",
                         "supreme leader", "vice president"})
# An event whose target is where it happened ("in Kabul") says nothing about a stance.
PLACE_MARKS = ("in ", "at ", "near ")
# Requests milder than this (appeals, calls, urging) carry no stance.
DEMAND_FLOOR = -0.4
# Acts a speaker holds against their actor when reporting them; demands and criticism
# reported by a journalist's source are the actor's stance, not the speaker's.
ACCUSABLE = frozenset({"REJECT", "SANCTION", "COERCE", "ASSAULT"})
# Reported acts milder than this (a denial) say nothing about the speaker.
SPEAKER_FLOOR = -0.3


def _target_name(entity: dict[str, Any] | None, country: str | None,
                 text: str | None) -> str | None:
    if entity is not None and entity.get("canonical"):
        return str(entity["canonical"])
    if country:
        return resources.country_name(country)
    if text and text.split() and len(text) <= 60:
        return holder_key(entity=None, text=text, country=None) and text or None
    return None


def contributions(event: dict[str, Any], entities: dict[str, dict[str, Any]]
                  ) -> list[tuple[str, str, str | None, float]]:
    """(holder, target, target_country, weight) pairs one event adds to the stances."""
    polarity = float(event.get("polarity") or 0.0)
    if polarity == 0.0 or event.get("type") == "INCIDENT":
        return []
    if event.get("type") == "REQUEST" and polarity > DEMAND_FLOOR:
        # "called for G7 action", "urged Europe to go further": an appeal to someone is
        # no stance against them; a demand or an order is.
        return []
    actor = entities.get(event.get("actor") or "")
    target = entities.get(event.get("target") or "")
    out: list[tuple[str, str, str | None, float]] = []
    holder = holder_key(entity=actor, text=event.get("actor_text"),
                        country=event.get("actor_country"))
    if actor is None and str(event.get("actor_text") or "").startswith(PLACE_MARKS):
        # Violence by unnamed authors, coded to where it happened: no one's stance.
        holder = None
    name = _target_name(target, event.get("target_country"), event.get("target_text"))
    place = (target is not None and target.get("label") in ("LOC", "FAC") and
             not target.get("country")) or str(event.get("target_text") or "").startswith(
                 PLACE_MARKS)
    if holder and name and not place and (event.get("target") or event.get("target_country")
                                          or event.get("target_text")):
        target_country = event.get("target_country") or (target or {}).get("country")
        sector = _sector_name(target, event.get("target_text"), target_country)
        if sector is not None:
            # "the Venezuelan opposition": a part of a country, named as the text names it.
            if sector[0] != holder:
                out.append((holder, sector[1], target_country, polarity))
        elif not _same_side(holder, target, target_country):
            out.append((holder, name, target_country, polarity))
    speaker = entities.get(event.get("speaker") or "")
    if speaker is not None and polarity <= SPEAKER_FLOOR and holder is not None and \
            not event.get("negated") and event.get("type") in ACCUSABLE:
        speaker_holder = holder_key(entity=speaker, text=None, country=speaker.get("country"))
        actor_name = _target_name(actor, event.get("actor_country"), event.get("actor_text"))
        actor_country = event.get("actor_country") or (actor or {}).get("country")
        if speaker_holder and actor_name and speaker_holder != holder and \
                not _same_side(speaker_holder, actor, actor_country):
            out.append((speaker_holder, actor_name, actor_country, polarity * SPEAKER_WEIGHT))
    return out


def _sector_name(target: dict[str, Any] | None, text: str | None,
                 country: str | None) -> tuple[str, str] | None:
    """(holder key, display name) when the target is a sector of a country named through a
    country or demonym ("the Venezuelan opposition", "Israeli troops"), else None."""
    if not text or not country or (target is not None and target.get("label") not in
                                    ("GPE", "NORP")):
        return None
    key = holder_key(entity=None, text=text, country=country)
    if key is None or ":" not in key or key.startswith("group:"):
        return None
    words = text.split()
    if not any(resources.country_for_name(w.strip(",.'")) == country for w in words) and \
            target is None:
        # "12 demonstrators" a state arrested at home: its country is inferred, not named,
        # and a crowd counted in one sentence is no party to hold a stance about.
        return None
    while words and words[0].lower() in ("the", "a", "an"):
        words = words[1:]
    return key, " ".join(words)


def _same_side(holder: str, target: dict[str, Any] | None, target_country: str | None) -> bool:
    """True when the target is the holder itself: a state and its own territory, capital or
    seat of government ("the Kremlin"), not its people or parties."""
    if target is None:
        return holder == target_country
    if target.get("label") in ("GPE", "NORP", "LOC", "FAC"):
        return holder == (target_country or target.get("country"))
    country = target_country or target.get("country")
    if country == holder and (target.get("role") or "") in STATE_ROLES:
        # A state's own government, ministries, armed forces or leaders.
        return True
    name = str(target.get("canonical") or "")
    return bool(name) and resources.country_for_name(name) == holder


def aggregate_stances(events: Sequence[dict[str, Any]],
                      entities: Sequence[dict[str, Any]] | None) -> list[dict[str, Any]]:
    """Aggregate events into ``Stance.to_dict()`` dicts, strongest first.

    Args:
        events: ``Event.to_dict()`` dicts.
        entities: ``Entity.to_dict()`` dicts the events' ids refer to.
    """
    by_id = {str(e.get("id")): e for e in entities or ()}
    table: dict[tuple[str, str], dict[str, Any]] = {}
    for event in events:
        for holder, target, country, weight in contributions(event, by_id):
            row = table.setdefault((holder, target), {"country": country, "weights": [],
                                                      "evidence": []})
            row["weights"].append(weight)
            if event["id"] not in row["evidence"]:
                row["evidence"].append(event["id"])
            row["country"] = row["country"] or country
    stances: list[dict[str, Any]] = []
    for (holder, target), row in table.items():
        weights: list[float] = row["weights"]
        pos = sum(w for w in weights if w > 0)
        neg = -sum(w for w in weights if w < 0)
        score = max(-1.0, min(1.0, (pos - neg) / len(weights)))
        if pos and neg and min(pos, neg) >= MIXED_SHARE * max(pos, neg):
            polarity = "mixed"
        else:
            polarity = "support" if pos > neg else "oppose"
        stances.append({"holder": holder, "target": target, "target_country": row["country"],
                        "polarity": polarity, "score": round(score, 3),
                        "evidence": list(row["evidence"])})
    stances.sort(key=lambda s: (-abs(s["score"]) * len(s["evidence"]), s["holder"], s["target"]))
    return stances
