"""Who a stance target is to its holder: a private person, a crowd, a sector of a country,
the holder itself or one of its own organs or officials. ``stance.contributions`` reads these
to decide whether an event says anything about a stance between parties."""

from __future__ import annotations

from typing import Any

from .. import resources
from ..parties import SECTOR, Party
from .arguments import OPPOSITION_MARKS, PEOPLE_NOUNS, holder_key
from .words import (
    ENDORSING_WORDS,
    HOMAGE_WORDS,
    ORGAN_NAME_WORDS,
    PRIVATE_NOUNS,
    SHELTERED_NOUNS,
    STATE_ROLES,
)

#: Acts that, done by or to a private person, are crime and justice, not stance.
PRIVATE_ACTS = frozenset({"ASSAULT", "COERCE"})


def _private(entity: dict[str, Any] | None, text: str | None, *,
             sheltered: bool = False) -> bool:
    """True for one private person named by a noun, with or without a nationality ("a
    Moroccan man", "an Australian national", "the gunman"); with ``sheltered``, also an
    activist, dissident or journalist. A person named by name is not taken for private: on
    the development gold, people without a known office (opposition figures, activists)
    hold stances that count."""
    words = str(text or "").lower().split()
    if not words or (entity is not None and entity.get("label") != "NORP"):
        return False
    return words[-1] in PRIVATE_NOUNS or sheltered and words[-1] in SHELTERED_NOUNS


def _crowd(text: str | None, country: str | None) -> bool:
    """True for people named by a common noun ("12 demonstrators", "96 people")."""
    if not text or not country:
        return False
    key = holder_key(entity=None, text=text, country=country)
    last = text.lower().split()[-1]
    return bool(key and ":" in key) or last in PEOPLE_NOUNS or last.rstrip("s") in PEOPLE_NOUNS


def _sector_name(target: dict[str, Any] | None, text: str | None,
                 country: str | None, sector: str | None = None) -> tuple[str, str] | None:
    """(holder key, display name) when the target is a sector of a country named through a
    country or demonym ("the Venezuelan opposition", "Israeli troops"), else None."""
    if not text or not country or (target is not None and target.get("label") not in
                                    ("GPE", "NORP")):
        return None
    key = holder_key(entity=None, text=text, country=country, sector=sector)
    party = Party.parse(key) if key is not None else None
    if party is None or party.kind != SECTOR:
        return None
    words = text.split()
    if not any(resources.country_for_name(w.strip(",.'")) == country for w in words) and \
            target is None and party.sector == "opposition" and \
            not any(w.strip(",.'\"").lower() in OPPOSITION_MARKS for w in words):
        # "12 demonstrators" a state arrested at home: its country is inferred, not named,
        # and a crowd counted in one sentence is no party to hold a stance about; "the
        # rebels", "the army" and "the opposition party" are parties wherever they are named.
        return None
    while words and words[0].lower() in ("the", "a", "an"):
        words = words[1:]
    return key, " ".join(words)


def _own_person(event: dict[str, Any], target: dict[str, Any] | None,
                polarity: float) -> bool:
    """True when a state's act on one of its own leaders or officials is a stance after all:
    a hostile one ("France convicted its former president", "parliament impeached the
    president"), homage ("the minister paid tribute to the late Luk") or open support
    ("the senate backed the prime minister"); a state's everyday cooperation with its own
    officials is not."""
    if target is None or target.get("label") != "PERSON":
        return False
    if polarity < 0:
        return event.get("type") in ("COERCE", "ACCUSE", "SANCTION", "ASSAULT", "REJECT")
    word = str(event.get("trigger", {}).get("text", "")).lower()
    return word in HOMAGE_WORDS or word in ("tribute", "tributes") or (
        event.get("type") == "SUPPORT" and word in ENDORSING_WORDS)


def own_forces(sector_key: str, country: str | None) -> bool:
    """Whether a party key is the armed forces or police of ``country`` ("military:ISR" of
    "ISR")."""
    part = Party.parse(sector_key)
    return part.sector in ("military", "police") and part.country == country


def _same_side(holder: str, target: dict[str, Any] | None, target_country: str | None) -> bool:
    """True when the target is the holder itself: a state and its own territory, capital or
    seat of government ("the Kremlin"), not its people or parties; for a state's forces or
    police, the unnamed people of their own country."""
    if target is None:
        # A state's own forces or police acting on people of their own country named by no
        # party ("Israeli troops detained five men" told of men it gives Israel's country)
        # are not against their state.
        return holder == target_country or own_forces(holder, target_country)
    if target.get("label") in ("GPE", "NORP", "LOC", "FAC"):
        return holder == (target_country or target.get("country"))
    country = target_country or target.get("country")
    if country == holder and (target.get("role") or "") in STATE_ROLES:
        # A state's own government, ministries, armed forces or leaders.
        return True
    name = str(target.get("canonical") or "")
    return bool(name) and resources.country_for_name(name) == holder


def _own_organ(holder: str, target: dict[str, Any] | None, country: str | None) -> bool:
    """True when a state's target is one of its own organs named by its office ("the
    administration gave data to the Census Bureau", "voted to hold two Cabinet officers in
    contempt"): the state's dealings with itself, no stance unless hostile ("the president
    criticised the Electoral Commission" is one)."""
    if target is None or target.get("label") != "ORG" or len(holder) != 3 or \
            not holder.isupper():
        return False
    name = str(target.get("canonical") or "").lower().split()
    return (country or target.get("country")) in (holder, None) and any(
        w in ORGAN_NAME_WORDS for w in name)
