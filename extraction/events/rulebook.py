"""The vocabulary the stance rules share: what a rule reads (``StanceInput``), what it adds
(``Contribution``), the registry of rules by name (``STANCE_RULES``, ``stance_rule``), and
the helpers more than one rule module uses (the holder of an event's actor, the canonical
key of a target, whether an event happened or names a target).

``stance`` (the aggregation and its first rules) and ``implied`` (rules for what a sentence
implies) both build on this module, so neither imports the other's internals.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from .. import resources
from .arguments import PLACE_MARKS, holder_key
from .words import STATE_ORGAN_ROLES


def _target_name(entity: dict[str, Any] | None, country: str | None,
                 text: str | None) -> str | None:
    if entity is not None and entity.get("canonical"):
        return str(entity["canonical"])
    if country:
        return resources.country_name(country)
    if text and text.split() and len(text) <= 60:
        return holder_key(entity=None, text=text, country=None) and text or None
    return None


def _actor_holder(event: dict[str, Any], actor: dict[str, Any] | None) -> str | None:
    """The stance holder key of an event's actor (``actor`` is its entity dict, if any)."""
    return holder_key(entity=actor, text=event.get("actor_text"),
                      country=event.get("actor_country"), sector=event.get("actor_sector"))


def _acting_holder(event: dict[str, Any], entities: dict[str, dict[str, Any]]) -> str | None:
    """The holder key of an event's actor, or None when there is none or the "actor" is the
    place violence by unnamed authors was coded to ("in Kabul")."""
    actor = entities.get(event.get("actor") or "")
    if actor is None and str(event.get("actor_text") or "").startswith(PLACE_MARKS):
        return None
    return _actor_holder(event, actor)


def target_key(entity: dict[str, Any] | None, country: str | None,
               text: str | None) -> tuple[str, str] | None:
    """The canonical (key, display name) of a stance target, or None.

    A state, its capital or seat, its demonym used for it and its government organs are the
    state (``IRN``, "Iran"); a sector keeps its sector (``military:VEN``); an international
    organisation its key (``un``); a person or other organisation ``entity:<canonical>``.
    """
    if entity is not None:
        label = entity.get("label")
        role = (entity.get("role") or "").lower()
        country = country or entity.get("country")
        igo = resources.igo_key(str(entity.get("canonical") or ""))
        if igo and label == "ORG":
            return igo, str(entity.get("canonical"))
        if label in ("GPE", "NORP") and country:
            return country, resources.country_name(country)
        if role in STATE_ORGAN_ROLES and country:
            return country, resources.country_name(country)
        if label in ("PERSON", "ORG") and entity.get("canonical"):
            return f"entity:{entity['canonical']}", str(entity["canonical"])
        name = _target_name(entity, country, text)
        return (country, resources.country_name(country)) if country else (
            (f"entity:{name}", name) if name else None)
    if country:
        return country, resources.country_name(country)
    igo = resources.igo_named(text) if text else None
    if igo:
        # ("the criticism from Brussels": an organisation named without an entity.)
        return igo, resources.igo_name(igo)
    name = _target_name(None, None, text)
    return (f"entity:{name}", name) if name else None


@dataclass(frozen=True)
class Contribution:
    """What one piece of evidence adds to the stance of ``holder`` towards ``target``."""

    holder: str
    key: str
    name: str
    country: str | None
    weight: float
    evidence: str
    date: str | None = None


@dataclass
class StanceInput:
    """Everything the stance rules read: events, relations and entities by id."""

    events: Sequence[dict[str, Any]]
    relations: Sequence[dict[str, Any]]
    entities: dict[str, dict[str, Any]]


StanceRule = Callable[[StanceInput], Iterable[Contribution]]
#: The stance rules by name, in the order they run; the component's config lists which run.
STANCE_RULES: dict[str, StanceRule] = {}


def stance_rule(name: str) -> Callable[[StanceRule], StanceRule]:
    """Register a stance rule under ``name``."""
    def register(func: StanceRule) -> StanceRule:
        STANCE_RULES[name] = func
        return func
    return register


def _happened(event: dict[str, Any]) -> bool:
    return (event.get("modality") or "happened") == "happened"


# An inferred target weighs less than one the text names.
IMPLICIT_WEIGHT = 0.5


def _targetless(event: dict[str, Any]) -> bool:
    text = str(event.get("target_text") or "")
    return not event.get("target") and not event.get("target_country") and (
        not text or text.startswith(PLACE_MARKS))
