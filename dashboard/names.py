"""Display names for the codes in an ``Article``: countries (ISO-3) and stance holders.

Holder keys (``VEN``, ``opposition:VEN``, ``un``, ``group:<words>``) are read by
``extraction.Party``; the holder functions here are its one-line forms for ``map`` over a
frame's column. Maps and country filters need the ISO-3 part (``holder_country``).
"""

from __future__ import annotations

import re
from functools import lru_cache

from extraction import Party, resources

#: Entity and time labels in words, for legends, filters and tables.
LABEL_WORDS = {
    "PERSON": "Person", "ORG": "Organisation", "GPE": "Country or city",
    "NORP": "Nationality or group", "LOC": "Place", "FAC": "Facility", "EVENT": "Named event",
    "LAW": "Law", "PRODUCT": "Product", "WORK_OF_ART": "Title of a work",
    "LANGUAGE": "Language", "DATE": "Date", "TIME": "Time of day", "DURATION": "Duration",
    "SET": "Repeated time",
}
_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_REFS = {"PAST_REF": "in the past", "PRESENT_REF": "now", "FUTURE_REF": "in the future"}
_SEASONS = {"SP": "spring", "SU": "summer", "FA": "autumn", "AU": "autumn", "WI": "winter"}
_UNITS = {"Y": "year", "M": "month", "W": "week", "D": "day", "H": "hour", "S": "second"}
_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December")


def label_words(label: str) -> str:
    """Return an entity or time label in words ("GPE" -> "Country or city")."""
    return LABEL_WORDS.get(label, label.replace("_", " ").capitalize())


# One branch per TIMEX3 value shape, tried in order, each returning its words; a day or month
# value whose month is out of range falls through to the later shapes (and is returned as it is).
def time_words(value: str | None) -> str:  # noqa: C901
    """Explain a TIMEX3 value in words.

    ``XXXX-WXX-4`` is "a Thursday", ``PAST_REF`` "in the past", ``2019-03`` "March 2019",
    ``P3D`` "3 days", ``2019-W11`` "week 11 of 2019"; a value not understood is returned as
    it is.
    """
    if not value:
        return "—"
    if value in _REFS:
        return _REFS[value]
    if match := re.fullmatch(r"XXXX-WXX-([1-7])", value):
        return f"a {_WEEKDAYS[int(match[1]) - 1]}"
    if match := re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", value):
        month = int(match[2])
        if 1 <= month <= 12:
            return f"{int(match[3])} {_MONTHS[month - 1]} {match[1]}"
    if match := re.fullmatch(r"(\d{4})-(\d{2})", value):
        month = int(match[2])
        if 1 <= month <= 12:
            return f"{_MONTHS[month - 1]} {match[1]}"
    if match := re.fullmatch(r"(\d{4})-W(\d{2})", value):
        return f"week {int(match[2])} of {match[1]}"
    if match := re.fullmatch(r"(\d{4})-Q([1-4])", value):
        return f"quarter {match[2]} of {match[1]}"
    if match := re.fullmatch(r"(\d{4})-(SP|SU|FA|AU|WI)", value):
        return f"{_SEASONS[match[2]]} {match[1]}"
    if re.fullmatch(r"\d{4}", value):
        return f"the year {value}"
    if match := re.fullmatch(r"P(\d+(?:\.\d+)?|X)([YMWDHS])", value):
        amount, unit = match[1], _UNITS[match[2]]
        if amount == "X":
            return f"some {unit}s"
        return f"{amount} {unit}" + ("" if amount == "1" else "s")
    if match := re.fullmatch(r"PT(\d+|X)([HMS])", value):
        unit = {"H": "hour", "M": "minute", "S": "second"}[match[2]]
        return f"some {unit}s" if match[1] == "X" else \
            f"{match[1]} {unit}" + ("" if match[1] == "1" else "s")
    return value



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


# Stance frames, charts and forms call these with plain keys; ``Party`` does the reading.
def is_state(holder: str) -> bool:
    """Whether a holder key names a state (a bare ISO-3 code)."""
    return Party.parse(holder).is_state


def holder_country(holder: str) -> str | None:
    """Return the ISO-3 country of a holder key: ``VEN`` and ``opposition:VEN`` give VEN."""
    return Party.parse(holder).country


def holder_label(holder: str) -> str:
    """Return a reader's name for a holder key."""
    return Party.parse(holder).label
