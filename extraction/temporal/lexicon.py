"""Word tables for temporal expressions: months, weekdays, units, numbers, seasons, parts of day.

Plain data only; the regular expressions built from these tables live in ``grammar``.
"""

from __future__ import annotations

MONTHS: dict[str, int] = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4,
    "apr": 4, "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8,
    "september": 9, "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11,
    "nov": 11, "december": 12, "dec": 12,
}

# ISO weekday numbers (Monday = 1), as TIMEX3 writes them in ``XXXX-WXX-4``.
WEEKDAYS: dict[str, int] = {
    "monday": 1, "mon": 1, "tuesday": 2, "tue": 2, "tues": 2, "wednesday": 3, "wed": 3,
    "thursday": 4, "thu": 4, "thur": 4, "thurs": 4, "friday": 5, "fri": 5, "saturday": 6,
    "sat": 6, "sunday": 7, "sun": 7,
}

# Duration units -> (TIMEX3 unit letter, is a time-of-day unit, multiplier).
# A decade is written P10Y and a century P100Y, the forms TimeML annotators mostly use.
UNITS: dict[str, tuple[str, bool, int]] = {
    "second": ("S", True, 1), "minute": ("M", True, 1), "hour": ("H", True, 1),
    "day": ("D", False, 1), "night": ("D", False, 1), "week": ("W", False, 1),
    "fortnight": ("W", False, 2), "month": ("M", False, 1), "year": ("Y", False, 1),
    "decade": ("Y", False, 10), "century": ("Y", False, 100), "quarter": ("Q", False, 1),
}
UNIT_PLURALS: dict[str, str] = {
    "seconds": "second", "minutes": "minute", "hours": "hour", "days": "day", "nights": "night",
    "weeks": "week", "fortnights": "fortnight", "months": "month", "years": "year",
    "decades": "decade", "centuries": "century", "quarters": "quarter",
}

NUMBER_WORDS: dict[str, int] = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100, "a hundred": 100,
    "a dozen": 12, "dozen": 12, "a couple of": 2, "a couple": 2, "couple of": 2, "half a": 0,
}
# Quantities that say "some number of": their durations get an X (``PXY``).
VAGUE_QUANTITIES = frozenset({"few", "a few", "several", "many", "some", "the few", "couple"})

ORDINALS: dict[str, int] = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
    "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18,
    "nineteenth": 19, "twentieth": 20, "twenty-first": 21, "final": 4, "last": 4,
}

SEASONS: dict[str, str] = {
    "spring": "SP", "summer": "SU", "autumn": "FA", "fall": "FA", "winter": "WI",
}

PARTS_OF_DAY: dict[str, str] = {
    "morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI", "overnight": "NI",
}

# Decade words ("the nineties") -> the decade's first two year digits after the century.
DECADE_WORDS: dict[str, int] = {
    "twenties": 2, "thirties": 3, "forties": 4, "fifties": 5, "sixties": 6, "seventies": 7,
    "eighties": 8, "nineties": 9,
}

# Adverbs that are whole temporal expressions on their own.
# A lookup table, one adverb a row: the repeated values are the data.
REF_WORDS: dict[str, tuple[str, str]] = {
    "now": ("DATE", "PRESENT_REF"),
    "currently": ("DATE", "PRESENT_REF"),
    "nowadays": ("DATE", "PRESENT_REF"),
    "these days": ("DATE", "PRESENT_REF"),
    "at present": ("DATE", "PRESENT_REF"),
    "the present": ("DATE", "PRESENT_REF"),
    "the past": ("DATE", "PAST_REF"),
    "the future": ("DATE", "FUTURE_REF"),
    "recently": ("DATE", "PAST_REF"),
    "at the time": ("DATE", "PAST_REF"),
    "at that time": ("DATE", "PAST_REF"),
    "in the near future": ("DATE", "FUTURE_REF"),
    "the near future": ("DATE", "FUTURE_REF"),
}

# SET adverbs: how often, as TIMEX3 writes it.
SET_WORDS: dict[str, str] = {
    "daily": "P1D", "weekly": "P1W", "monthly": "P1M", "annually": "P1Y", "yearly": "P1Y",
    "hourly": "PT1H", "nightly": "P1D", "quarterly": "P3M", "biweekly": "P2W",
}
