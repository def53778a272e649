"""Display names for the codes in an ``Article``: countries (ISO-3) and stance holders.

Holder keys follow the extraction's scheme: an ISO-3 code for a state (``VEN``), a sector of
a state as ``<sector>:<ISO3>`` (``opposition:VEN``), a lowercase key for an international
organisation (``un``, ``eu``, ``nato``) and ``group:<text>`` for a group of unnamed
countries ("54 other countries"). Maps and country filters need the ISO-3 part.
"""

from __future__ import annotations

import re
from functools import lru_cache

from extraction import resources

_ISO3 = re.compile(r"[A-Z]{3}")



@lru_cache(maxsize=1024)
def country_name(iso3: str | None) -> str:
    """Return the display name of an ISO-3 code ("VEN" -> "Venezuela"), the code if unknown."""
    if not iso3:
        return "—"
    return resources.country_name(iso3)


def country_label(iso3: str | None) -> str:
    """Return ``Name (ISO)`` for filters and hover text, ``—`` when there is no country."""
    if not iso3:
        return "—"
    name = country_name(iso3)
    return name if name == iso3 else f"{name} ({iso3})"


def is_state(holder: str) -> bool:
    """Whether a holder key names a state (a bare ISO-3 code)."""
    return bool(_ISO3.fullmatch(holder))


def holder_country(holder: str) -> str | None:
    """Return the ISO-3 country of a holder key: ``VEN`` and ``opposition:VEN`` give VEN."""
    if is_state(holder):
        return holder
    prefix, sep, rest = holder.partition(":")
    if sep and prefix != "group" and _ISO3.fullmatch(rest):
        return rest
    return None


def holder_label(holder: str) -> str:
    """Return a reader's name for a holder key."""
    if is_state(holder):
        return country_name(holder)
    prefix, sep, rest = holder.partition(":")
    if sep and prefix == "group":
        return rest
    if sep and _ISO3.fullmatch(rest):
        return f"{country_name(rest)} ({prefix.replace('_', ' ')})"
    return resources.igo_name(holder)
