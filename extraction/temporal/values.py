"""Reading the values inside a match: counts, units, durations, month and weekday numbers,
and calendar dates checked for existence. Pure functions the rules' handlers call."""

from __future__ import annotations

from .lexicon import MONTHS, NUMBER_WORDS, UNIT_PLURALS, UNITS, VAGUE_QUANTITIES, WEEKDAYS
from .reading import Reading


def number_value(text: str) -> float | None:
    """Return the number a count phrase names ("five", "a dozen", "2,000", "twenty-one").

    Returns None for vague counts ("several", "a few").
    """
    words = " ".join(text.lower().replace("-", " ").split())
    if words in VAGUE_QUANTITIES or words in ("couple of", "a couple of", "a couple"):
        return 2.0 if "couple" in words else None
    if words == "half a":
        return 0.5
    if words in NUMBER_WORDS:
        return float(NUMBER_WORDS[words])
    parts = words.split()
    if len(parts) == 2 and parts[0] in NUMBER_WORDS and parts[1] in NUMBER_WORDS:
        return float(NUMBER_WORDS[parts[0]] + NUMBER_WORDS[parts[1]])
    scale = 1.0
    for word, factor in (("thousand", 1e3), ("million", 1e6)):
        if words.endswith(" " + word):
            words, scale = words[: -len(word) - 1], factor
    try:
        return float(words.replace(",", "")) * scale
    except ValueError:
        return None


def unit_name(text: str) -> str:
    """Return the singular unit ("years" -> "year")."""
    low = text.lower()
    return UNIT_PLURALS.get(low, low)


def duration_value(amount: float | None, unit: str) -> str:
    """Return a TIMEX3 duration ("P5D", "PT24H", "P10Y", "PXY" when the count is vague)."""
    letter, is_time, mult = UNITS[unit]
    prefix = "PT" if is_time else "P"
    if amount is None:
        # A vague count of decades or centuries stays in its own unit (PXDE would not parse).
        return f"{prefix}X{'DE' if unit == 'decade' else 'CE' if unit == 'century' else letter}"
    if letter == "Q":
        amount, letter = amount * 3, "M"
    total = amount * mult
    if total != int(total):
        # Half units become the next smaller unit where one exists (1.5 years = 18 months).
        smaller = {"Y": ("M", 12), "M": ("W", 4), "W": ("D", 7), "D": ("H", 24), "H": ("M", 60)}
        if letter in smaller:
            new, factor = smaller[letter]
            prefix = "PT" if letter in ("D", "H") or is_time else "P"
            return f"{prefix}{int(round(total * factor))}{new}"
        return f"{prefix}{total:g}{letter}"
    return f"{prefix}{int(total)}{letter}"


def month_number(text: str) -> int | None:
    """Return the month a name or abbreviation names ("March", "Sept." -> 3, 9), else None."""
    return MONTHS.get(text.lower().rstrip("."))


def weekday_number(text: str) -> int | None:
    """Return the ISO weekday (Monday = 1) a name or abbreviation names, else None."""
    return WEEKDAYS.get(text.lower().rstrip("."))


def date_reading(year: int | None, month: int | None, day: int | None) -> Reading | None:
    """Return the reading of a calendar date, or None when the month or day cannot exist."""
    if month is not None and not 1 <= month <= 12:
        return None
    if day is not None:
        if month is None or not 1 <= day <= days_in_month(year or 2000, month):
            return None
    return Reading("date", year=year, month=month, day=day)


def days_in_month(year: int, month: int) -> int:
    """Return the number of days in a month of a year (Gregorian leap years)."""
    if month == 2:
        return 29 if (year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)) else 28
    return 30 if month in (4, 6, 9, 11) else 31
