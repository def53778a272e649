"""Finding temporal expressions in text and reading what each one says, before anchoring.

Every rule is a regular expression compiled once at import plus a small function that turns
its match into a ``Reading``: an unanchored meaning such as "the Thursday before or after the
anchor", "the year before the anchor" or "a duration of five days". Anchoring those readings
to calendar values is ``resolve``'s job; choosing between past and future needs the parse and
is done by the spaCy component.

The rules are written for news prose: capitalised month and weekday names, the modal "may"
told apart from the month, counts ("2000 troops", "$2013") told apart from years by the
characters around them (the component also checks the parse).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from .lexicon import (
    DECADE_WORDS,
    MONTHS,
    NUMBER_WORDS,
    ORDINALS,
    PARTS_OF_DAY,
    REF_WORDS,
    SEASONS,
    SET_WORDS,
    UNIT_PLURALS,
    UNITS,
    VAGUE_QUANTITIES,
    WEEKDAYS,
)


@dataclass(frozen=True)
class Reading:
    """What an expression says, before it is anchored.

    ``kind`` decides which fields matter:

    - ``literal``: ``value`` is final (``2019-03-14``, ``P5D``, ``PRESENT_REF``, ``199``).
    - ``date``: ``year`` (None when the text gave none), ``month``, ``day``, ``season``,
      ``quarter``, ``half``; a missing year is chosen by tense.
    - ``weekday``: ``weekday`` (1-7) and ``shift`` (-1 last, +1 next, 0 this, None by tense).
    - ``relative``: ``unit`` and ``shift`` from the anchor ("last week", "this year").
    - ``offset``: ``amount`` of ``unit`` from the anchor (``base="anchor"``, "a year ago")
      or from the story's current date (``base="reference"``, "two days later");
      ``amount`` None for vague counts ("several years ago").
    - ``day``: ``shift`` days from the anchor (yesterday, today, tomorrow) or from the
      reference date (``base="reference"``: "the next day").
    ``part`` is a part of day (``MO``, ``AF``, ``EV``, ``NI``) and ``clock`` a time (``T20:00``).
    """

    kind: str
    type: str = "DATE"
    value: str = ""
    year: int | None = None
    month: int | None = None
    day: int | None = None
    season: str | None = None
    quarter: int | None = None
    half: int | None = None
    weekday: int | None = None
    shift: int | None = None
    unit: str | None = None
    amount: float | None = None
    base: str = "anchor"
    part: str | None = None
    clock: str | None = None


@dataclass(frozen=True)
class Found:
    """A matched expression: its character span, the rule that found it and its reading."""

    start: int
    end: int
    rule: str
    reading: Reading


# ---------------------------------------------------------------- building blocks

def _alt(words: list[str]) -> str:
    return "|".join(sorted((re.escape(w) for w in words), key=len, reverse=True))


_MONTH_FULL_NAMES = [
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December",
]
_MONTH_FULL = _alt(_MONTH_FULL_NAMES + [m.upper() for m in _MONTH_FULL_NAMES])
# Abbreviations only count with a period or before a number ("Jan 5"), never alone ("Jan" is
# also a name).
_MONTH_ABBR = (
    r"(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)(?:\.|(?=\s*\d))"
)
MONTH = rf"(?:{_MONTH_FULL}|{_MONTH_ABBR})"
# Cheap pre-check for every rule that needs a month name.
_MONTH_GATE = (r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec"
               r"|JAN|FEB|MAR|APR|MAY|JUN|JUL|AUG|SEP|OCT|NOV|DEC)")
_WEEKDAY_NAMES = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
WEEKDAY = rf"(?:{_alt(_WEEKDAY_NAMES + [w.upper() for w in _WEEKDAY_NAMES])})"
_WEEKDAY_ANY = rf"(?:{WEEKDAY}|(?:Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun)\.)"
YEAR = r"(?:1[5-9]\d\d|20\d\d)(?!\d)"
DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?(?![\d:%.,]\d|\d)"

_SIMPLE_NUMBERS = [w for w in NUMBER_WORDS if " " not in w and w not in ("a", "an", "dozen")]
_TENS = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
_ONES = "one|two|three|four|five|six|seven|eight|nine"
NUMBER = (
    r"(?i:(?:\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(?:\s+(?:thousand|million))?"
    rf"|(?:{_TENS})[\s-](?:{_ONES})"
    r"|a\s+dozen|a\s+couple(?:\s+of)?|a\s+hundred|a\s+few|half\s+a|an?"
    rf"|{_alt(_SIMPLE_NUMBERS)}"
    r"|few|several|many|some|couple\s+of)"
)
_UNIT_WORDS = list(UNITS) + list(UNIT_PLURALS)
UNIT = rf"(?i:{_alt(_UNIT_WORDS)})"
MODIFIER = (
    r"(?i:(?:the\s+)?(?:end|beginning|start|middle|close|turn|first\s+half|second\s+half)\s+of"
    r"(?:\s+the)?|(?:the\s+)?(?:early|late|mid)|earlier|later)"
)
_B = r"(?<![\w'])"  # a word starts here
_E = r"(?![\w])"  # a word ends here

# ---------------------------------------------------------------- helpers for handlers


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
    return MONTHS.get(text.lower().rstrip("."))


def weekday_number(text: str) -> int | None:
    return WEEKDAYS.get(text.lower().rstrip("."))


def full_year(text: str) -> int:
    return int(text)


def _g(m: re.Match[str], name: str) -> str | None:
    return m.groupdict().get(name)


# ---------------------------------------------------------------- rules

Handler = Callable[[re.Match[str], str], Reading | None]


@dataclass(frozen=True)
class _Rule:
    name: str
    pattern: re.Pattern[str]
    handler: Handler
    gate: re.Pattern[str] | None


_RULES: list[_Rule] = []

# A rule's pattern is only tried near the hits of its gate: a cheap pattern for a word every
# match contains (a month name, a unit), written to start with plain characters so the regex
# engine can skip ahead. Matches reach at most this far before and after the gate's hit.
_BACK, _AHEAD = 64, 40


def rule(name: str, pattern: str, gate: str | None = None) -> Callable[[Handler], Handler]:
    """Register a handler for a pattern (compiled once, here, at import).

    Args:
        name: the rule's name.
        pattern: the expression to match (word boundaries are added).
        gate: a cheap pattern every match contains; the full pattern is tried only near it.
    """

    def register(handler: Handler) -> Handler:
        _RULES.append(_Rule(name, re.compile(_B + "(?:" + pattern + ")" + _E), handler,
                            re.compile(gate) if gate else None))
        return handler

    return register


def _scan(r: _Rule, text: str) -> Iterator[re.Match[str]]:
    if r.gate is None:
        yield from r.pattern.finditer(text)
        return
    windows: list[list[int]] = []
    for hit in r.gate.finditer(text):
        start = max(0, hit.start() - _BACK)
        end = text.find(" ", hit.end() + _AHEAD)
        end = len(text) if end < 0 else end
        if windows and start <= windows[-1][1]:
            windows[-1][1] = max(windows[-1][1], end)
        else:
            windows.append([start, end])
    for start, end in windows:
        yield from r.pattern.finditer(text, start, end)


def _date(year: int | None, month: int | None, day: int | None) -> Reading | None:
    if month is not None and not 1 <= month <= 12:
        return None
    if day is not None:
        if month is None or not 1 <= day <= _days_in_month(year or 2000, month):
            return None
    return Reading("date", year=year, month=month, day=day)


def _days_in_month(year: int, month: int) -> int:
    if month == 2:
        return 29 if (year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)) else 28
    return 30 if month in (4, 6, 9, 11) else 31


@rule("iso", r"(?<![\d/.-])(?P<iso_y>\d{4})-(?P<iso_m>[01]\d)-(?P<iso_d>[0-3]\d)"
             r"(?:[T ](?P<iso_h>[0-2]\d):(?P<iso_mi>[0-5]\d)(?::[0-5]\d)?)?(?![\d-])",
      gate=r"\d{4}-")
def _iso(m: re.Match[str], text: str) -> Reading | None:
    reading = _date(int(m["iso_y"]), int(m["iso_m"]), int(m["iso_d"]))
    if reading is None:
        return None
    if m["iso_h"] and int(m["iso_h"]) < 24:
        return Reading("date", type="TIME", year=reading.year, month=reading.month,
                       day=reading.day, clock=f"T{m['iso_h']}:{m['iso_mi']}")
    return reading


@rule("slash", r"(?<![\d/.])(?P<sl_a>\d{1,2})/(?P<sl_b>\d{1,2})/(?P<sl_y>\d{4}|\d{2})(?![\d/])",
      gate=r"\d/\d")
def _slash(m: re.Match[str], text: str) -> Reading | None:
    a, b, y = int(m["sl_a"]), int(m["sl_b"]), m["sl_y"]
    year = int(y) if len(y) == 4 else (2000 + int(y) if int(y) < 50 else 1900 + int(y))
    # US order (month/day) unless the first number cannot be a month.
    month, day = (a, b) if a <= 12 else (b, a)
    return _date(year, month, day)


@rule("mdy", rf"(?:(?P<mdy_wd>{_WEEKDAY_ANY}),?\s+)?(?:(?P<mdy_mod>{MODIFIER})[\s-]+)?"
             rf"(?P<mdy_m>{MONTH})\s*(?P<mdy_d>{DAY})(?:(?:,\s*|\s+)(?P<mdy_y>{YEAR})|"
             r"\s+(?:of\s+)?(?P<mdy_ry>(?i:this|last|next))\s+(?i:year))?",
      gate=_MONTH_GATE)
def _mdy(m: re.Match[str], text: str) -> Reading | None:
    year = int(m["mdy_y"]) if m["mdy_y"] else None
    reading = _date(year, month_number(m["mdy_m"]), int(re.sub(r"\D", "", m["mdy_d"])))
    return _with_relative_year(_with_weekday(reading, m["mdy_wd"]), m["mdy_ry"])


def _with_weekday(reading: Reading | None, word: str | None) -> Reading | None:
    """Keep the weekday written before a date without a year ("Wednesday, July 31"): it
    tells which year is meant."""
    if reading is None or not word or reading.year is not None:
        return reading
    return Reading("date", month=reading.month, day=reading.day,
                   weekday=weekday_number(word))


def _with_relative_year(reading: Reading | None, word: str | None) -> Reading | None:
    """Attach "of last year", "this year", "next year" to a date without a year."""
    if reading is None or not word:
        return reading
    years = {"last": -1, "this": 0, "next": 1}[word.lower()]
    return Reading("date", month=reading.month, day=reading.day, unit="year",
                   amount=float(years))


@rule("dmy", rf"(?:(?P<dmy_wd>{_WEEKDAY_ANY}),?\s+)?(?:the\s+)?(?P<dmy_d>{DAY})\s+(?:of\s+)?"
             rf"(?P<dmy_m>{MONTH})(?:,?\s+(?P<dmy_y>{YEAR})|"
             r"\s+(?:of\s+)?(?P<dmy_ry>(?i:this|last|next))\s+(?i:year))?",
      gate=_MONTH_GATE)
def _dmy(m: re.Match[str], text: str) -> Reading | None:
    year = int(m["dmy_y"]) if m["dmy_y"] else None
    reading = _date(year, month_number(m["dmy_m"]), int(re.sub(r"\D", "", m["dmy_d"])))
    return _with_relative_year(_with_weekday(reading, m["dmy_wd"]), m["dmy_ry"])


@rule("my", rf"(?:(?P<my_mod>{MODIFIER})[\s-]+)?(?P<my_m>{MONTH}),?\s+(?:of\s+)?(?P<my_y>{YEAR})",
      gate=_MONTH_GATE)
def _my(m: re.Match[str], text: str) -> Reading | None:
    return _date(int(m["my_y"]), month_number(m["my_m"]), None)


# "May" is also a modal verb and "March" a noun and verb: alone, they need a word before
# them that only a month takes.
_MONTH_CUE = re.compile(
    r"(?i:\b(?:in|since|until|till|by|of|from|through|to|during|before|after|early|late|mid|"
    r"last|next|this|each|every|and|or|between|throughout|around|until|on)[\s-]*)$"
)


@rule("month", rf"(?:(?P<mo_mod>{MODIFIER})[\s-]+)?(?:(?P<mo_rel>(?i:last|next|this|past|"
               rf"coming))\s+)?(?P<mo_m>{_MONTH_FULL})(?!\s*\d)"
               r"(?:\s+(?:of\s+)?(?P<mo_ry>(?i:this|last|next))\s+(?i:year))?",
      gate=_MONTH_GATE)
def _month(m: re.Match[str], text: str) -> Reading | None:
    name = m["mo_m"].lower()
    if name in ("may", "march") and not (m["mo_mod"] or m["mo_rel"]):
        if not _MONTH_CUE.search(text[max(0, m.start() - 12) : m.start()]):
            return None
    month = MONTHS[name]
    rel = (m["mo_rel"] or "").lower()
    shift = {"last": -1, "past": -1, "next": 1, "coming": 1, "this": 0}.get(rel)
    if m["mo_ry"]:
        # "June of this year", "March next year": the year counted from the anchor's.
        years = {"last": -1, "this": 0, "next": 1}[m["mo_ry"].lower()]
        return Reading("date", month=month, unit="year", amount=float(years))
    return Reading("date", month=month, shift=shift)


@rule("weekday", rf"(?:(?P<wd_rel>(?i:last|next|this|coming|past))\s+)?(?P<wd>{WEEKDAY})"
                 r"(?:\s+(?P<wd_part>(?i:morning|afternoon|evening|night)))?",
      gate=r"(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun|MON|TUE|WED|THU|FRI|SAT|SUN)")
def _weekday(m: re.Match[str], text: str) -> Reading | None:
    rel = (m["wd_rel"] or "").lower()
    shift = {"last": -1, "past": -1, "next": 1, "coming": 1, "this": 0}.get(rel)
    part = PARTS_OF_DAY.get((m["wd_part"] or "").lower())
    return Reading("weekday", type="TIME" if part else "DATE", weekday=weekday_number(m["wd"]),
                   shift=shift, part=part)


@rule("season", rf"(?:(?P<se_mod>{MODIFIER})[\s-]+)?(?:(?P<se_rel>(?i:last|next|this|past|"
                r"coming|the))\s+)?(?P<se>(?i:spring|summer|autumn|fall|winter))"
                rf"(?:\s+(?:of\s+)?(?P<se_y>{YEAR}))?",
      gate=r"[sSwWaAfF](?:pring|ummer|utumn|all|inter|PRING|UMMER|UTUMN|ALL|INTER)")
def _season(m: re.Match[str], text: str) -> Reading | None:
    rel = (m["se_rel"] or "").lower()
    season = m["se"].lower()
    if not m["se_y"] and rel in ("", "the"):
        # "fall" and "spring" are common verbs and nouns; bare seasons need "in the".
        if season in ("fall", "spring") or not re.search(
            r"(?i:\b(?:in|during|over|through|by|until|since)\s+(?:the\s+)?)$",
            text[max(0, m.start() - 10) : m.start()] + (m["se_rel"] or "") + " ",
        ):
            if rel != "the" or season in ("fall", "spring"):
                return None
    shift = {"last": -1, "past": -1, "next": 1, "coming": 1, "this": 0}.get(rel)
    return Reading("date", year=int(m["se_y"]) if m["se_y"] else None, season=SEASONS[season],
                   shift=shift)


@rule("decade", rf"(?:(?P<de_mod>{MODIFIER})[\s-]+)?(?:(?i:the)\s+)?"
                r"(?:(?P<de_y>(?:1[5-9]|20)\d0)s|'(?P<de_s>\d0)s|(?P<de_w>(?i:twenties|thirties|"
                r"forties|fifties|sixties|seventies|eighties|nineties)))",
      gate=r"\d0s|ties")
def _decade(m: re.Match[str], text: str) -> Reading | None:
    if m["de_y"]:
        digits = m["de_y"]
        # "the 1800s" is a century, "the 1990s" a decade.
        return Reading("literal", value=digits[:2] if digits.endswith("00") else digits[:3])
    tens = int(m["de_s"][0]) if m["de_s"] else DECADE_WORDS[m["de_w"].lower()]
    return Reading("literal", value=f"19{tens}")


@rule("century", r"(?:(?i:the)\s+)?(?P<ce_n>\d{1,2})(?:st|nd|rd|th)[\s-]+(?i:century)"
                 r"|(?:(?i:the)\s+)?(?P<ce_w>(?i:" + _alt(list(ORDINALS)) + r"))[\s-]+(?i:century)",
      gate=r"[cC]entury|CENTURY")
def _century(m: re.Match[str], text: str) -> Reading | None:
    number = int(m["ce_n"]) if m["ce_n"] else ORDINALS.get(m["ce_w"].lower())
    if not number or m["ce_w"] and m["ce_w"].lower() in ("last", "final"):
        return None
    return Reading("literal", value=f"{number - 1:02d}")


@rule("year", rf"(?:(?P<yr_mod>{MODIFIER})[\s-]+)?(?:(?P<yr_fy>(?i:fiscal(?:\s+year)?|FY))\s*)?"
              rf"(?P<yr>{YEAR})(?![.,]\d|\s*%|\s*(?i:percent|per\s+cent))",
      gate=r"[12]\d\d\d")
def _year(m: re.Match[str], text: str) -> Reading | None:
    before = text[max(0, m.start() - 2) : m.start()]
    if re.search(r"[$£€¥#№]\s*$|\d[,./]$", before) or text[m.end() : m.end() + 1] == "/":
        return None
    return Reading("date", year=int(m["yr"]))


_SPOKEN_TENS = ("twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")
_SPOKEN_TEENS = ("ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen",
                 "seventeen", "eighteen", "nineteen")
_SPOKEN_ONES = ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine")


@rule("spokenyear", r"(?i:(?P<sp_c>nineteen|eighteen)[\s-]+(?:(?P<sp_t>" + "|".join(_SPOKEN_TENS)
                    + r")(?:[\s-](?P<sp_o>" + "|".join(_SPOKEN_ONES) + r"))?|(?P<sp_teen>"
                    + "|".join(_SPOKEN_TEENS) + r")|(?P<sp_oh>o|oh)[\s-](?P<sp_oo>"
                    + "|".join(_SPOKEN_ONES) + r"))(?!-\w)"
                    r"|the\s+year\s+two\s+thousand(?:\s+and\s+(?P<sp_2k>"
                    + "|".join(_SPOKEN_ONES + _SPOKEN_TEENS) + r"))?)",
      gate=r"[nN]ineteen|[eE]ighteen|[yY]ear\s+two")
def _spokenyear(m: re.Match[str], text: str) -> Reading | None:
    # Broadcast transcripts write years in words: "nineteen ninety-six", "the year two
    # thousand". "Nineteen twenty" as a count ("nineteen twenty-dollar bills") is rare
    # enough next to a year's use to be read as the year.
    if m["sp_c"] is None:
        extra = (_SPOKEN_ONES + _SPOKEN_TEENS).index(m["sp_2k"].lower()) + 1 \
            if m["sp_2k"] else 0
        return Reading("date", year=2000 + extra)
    century = 1900 if m["sp_c"].lower() == "nineteen" else 1800
    if m["sp_t"]:
        rest = 10 * (_SPOKEN_TENS.index(m["sp_t"].lower()) + 2)
        rest += _SPOKEN_ONES.index(m["sp_o"].lower()) + 1 if m["sp_o"] else 0
    elif m["sp_teen"]:
        rest = _SPOKEN_TEENS.index(m["sp_teen"].lower()) + 10
    else:
        rest = _SPOKEN_ONES.index(m["sp_oo"].lower()) + 1
    return Reading("date", year=century + rest)


@rule("shortyear", r"['’‘](?P<sy>\d\d)(?![\d'’s])", gate=r"['’‘]\d\d")
def _shortyear(m: re.Match[str], text: str) -> Reading | None:
    # "in '69": two digits after an apostrophe name a year; 30 and under read as 20xx.
    if not re.search(r"(?i:\b(?:in|since|of|until|by|from|class\s+of)\s+)$",
                     text[max(0, m.start() - 10) : m.start()]):
        return None
    digits = int(m["sy"])
    return Reading("date", year=(2000 if digits <= 30 else 1900) + digits)


@rule("year2", r"(?<=\d\d[-–/])(?P<y2>\d\d)(?!\d)",
      gate=r"\d\d[-–/]\d\d")
def _year2(m: re.Match[str], text: str) -> Reading | None:
    # The second year of a range written "1957-58"; only after a four-digit year.
    head = re.search(rf"{YEAR}[-–/]$", text[max(0, m.start() - 5) : m.start()])
    if not head:
        return None
    first = int(head.group(0)[:4])
    year = first // 100 * 100 + int(m["y2"])
    if year <= first:
        year += 100
    return Reading("date", year=year) if year - first < 10 else None


@rule("quarter", rf"(?:(?i:the)\s+)?(?:(?P<q_rel>(?i:this|last|next))\s+(?i:year)['’]s\s+"
                 rf"|(?P<q_back>(?i:year[- ](?:ago|earlier)))\s+"
                 rf"|(?P<q_py>{YEAR})(?:['’]s)?\s+)?"
                 rf"(?P<q>(?i:first|second|third|fourth|final|1st|2nd|3rd|4th))"
                 rf"[\s-]+(?i:quarter)(?:\s+(?:of\s+)?(?P<q_y>{YEAR}))?"
                 rf"|(?P<q2>Q[1-4])(?:\s+(?P<q2_y>{YEAR}))?",
      gate=r"[qQ]uarter|QUARTER|Q[1-4]")
def _quarter(m: re.Match[str], text: str) -> Reading | None:
    if m["q2"]:
        quarter, year = int(m["q2"][1]), m["q2_y"]
    else:
        word = m["q"].lower()
        quarter = ORDINALS.get(word) or int(word[0])
        year = m["q_y"] or m["q_py"]
        if m["q_rel"] or m["q_back"]:
            # "next year's first quarter", "the year-ago third quarter": the year is counted
            # from the anchor.
            shift = -1 if m["q_back"] else {"this": 0, "last": -1, "next": 1}[m["q_rel"].lower()]
            return Reading("date", quarter=quarter, unit="year", shift=shift)
    return Reading("date", year=int(year) if year else None, quarter=quarter)


@rule("half", rf"(?:(?i:the)\s+)?(?P<h>(?i:first|second))\s+half\s+of\s+(?P<h_y>{YEAR})",
      gate=r"[hH]alf")
def _half(m: re.Match[str], text: str) -> Reading | None:
    return Reading("date", year=int(m["h_y"]), half=1 if m["h"].lower() == "first" else 2)


_REL_SHIFT = {
    "this": 0, "current": 0, "last": -1, "past": -1, "previous": -1, "next": 1, "coming": 1,
    "following": 1, "same": 0,
}


@rule("relative", rf"(?:(?P<ru_mod>{MODIFIER})\s+)?(?P<ru_the>(?i:the)\s+)?"
                  r"(?P<ru_rel>(?i:this|last|next|past|coming|previous|current|following|same))"
                  r"\s+(?P<ru_u>(?i:day|week|weekend|month|year|quarter|decade|century|"
                  r"fiscal\s+year|financial\s+year|morning|afternoon|evening|night))",
      gate=r"[tTlLnNpPcCfFsS](?:his|ast|ext|oming|revious|urrent|ollowing|ame|HIS|AST|EXT)")
def _relative(m: re.Match[str], text: str) -> Reading | None:
    rel = m["ru_rel"].lower()
    unit = " ".join(m["ru_u"].lower().split())
    unit = "year" if unit.endswith("year") else unit
    the = bool(m["ru_the"])
    shift = _REL_SHIFT[rel]
    if unit in PARTS_OF_DAY:
        if rel == "last" and unit == "night":
            return Reading("day", type="TIME", shift=-1, part="NI")
        if rel in ("this",):
            return Reading("day", type="TIME", shift=0, part=PARTS_OF_DAY[unit])
        if rel in ("next", "following", "previous", "same"):
            return Reading("day", type="TIME", shift=shift, part=PARTS_OF_DAY[unit],
                           base="reference")
        return None
    if the and re.search(r"(?i:\b(?:over|during|throughout|for|within)\s+)$",
                         text[max(0, m.start() - 12) : m.start()]):
        # "over the following decade", "during the past year": a stretch of time.
        return Reading("literal", type="DURATION", value=duration_value(1, unit))
    if rel in ("following", "previous", "same") or (the and rel == "next" and unit == "day"):
        # "the following week", "the previous day": counted from the story's current date.
        return Reading("offset", unit=unit, amount=float(shift), base="reference")
    if the and rel in ("past", "last", "next", "coming") and unit not in ("weekend",):
        # "the past year", "the next decade": a stretch of time, not a calendar unit.
        return Reading("literal", type="DURATION", value=duration_value(1, unit))
    if unit == "day":
        return None
    return Reading("relative", unit=unit, shift=shift)


_HOLIDAYS: dict[str, tuple[int, int]] = {
    "christmas eve": (12, 24), "christmas day": (12, 25), "christmas": (12, 25),
    "boxing day": (12, 26), "new year's eve": (12, 31), "new year's day": (1, 1),
    "valentine's day": (2, 14), "halloween": (10, 31), "independence day": (7, 4),
    "bastille day": (7, 14), "armistice day": (11, 11), "may day": (5, 1),
}


@rule("holiday", r"(?P<ho>(?i:christmas\s+eve|christmas\s+day|christmas|boxing\s+day|"
                 r"new\s+year['’]s\s+(?:eve|day)|valentine['’]s\s+day|halloween)|Independence\s+"
                 r"Day|Bastille\s+Day|Armistice\s+Day|May\s+Day)(?:\s+(?P<ho_y>" + YEAR + r"))?",
      gate=r"[cCbBnNvVhHIAM](?:hristmas|oxing|ew|alentine|alloween|ndependence|astille|rmistice|"
           r"ay\s+Day|HRISTMAS)")
def _holiday(m: re.Match[str], text: str) -> Reading | None:
    # Holidays on a fixed date; moving feasts (Easter, Ramadan) are left out, not guessed.
    key = " ".join(m["ho"].lower().replace("’", "'").split())
    month, day = _HOLIDAYS[key]
    return Reading("date", year=int(m["ho_y"]) if m["ho_y"] else None, month=month, day=day)


@rule("weekend", r"(?i:(?:the|a)\s+weekend)(?!\s+of)", gate=r"[wW]eekend")
def _weekend(m: re.Match[str], text: str) -> Reading | None:
    # "over the weekend": the last one in a past clause, the next in a future one.
    return Reading("weekday", weekday=6, unit="weekend")


@rule("endof", rf"(?P<eo_mod>{MODIFIER})\s+(?:(?i:the)\s+)?(?P<eo_u>(?i:year|month|week|decade|"
               r"century))(?!\s+(?:of|when|in|that|before|after)\b)",
      gate=r"[yYmMwWdDcC](?:ear|onth|eek|ecade|entury)")
def _endof(m: re.Match[str], text: str) -> Reading | None:
    # "by the end of the year", "early in the month": the anchor's current unit.
    return Reading("relative", unit=m["eo_u"].lower(), shift=0)


@rule("offset", rf"(?P<of_n>{NUMBER})[\s-]+(?P<of_u>{UNIT})\s+(?:(?i:and\s+a\s+half)\s+)?"
                r"(?P<of_dir>(?i:ago|earlier|later|before|after|from\s+now|hence|since))"
                r"(?!\s+(?i:than|that))",
      gate=r"[sSmMhHdDnNwWfFyYcCqQ](?:econd|inute|our|ay|ight|eek|ortnight|onth|ear|ecade|entur|uarter)")
def _offset(m: re.Match[str], text: str) -> Reading | None:
    direction = " ".join(m["of_dir"].lower().split())
    unit = unit_name(m["of_u"])
    amount = number_value(m["of_n"])
    if direction in ("before", "after", "since"):
        # "two days before the vote": the duration is the expression; the vote is an event.
        tail = text[m.end() : m.end() + 2]
        if tail.strip()[:1].isalnum():
            return None
        direction = "earlier" if direction == "before" else "later"
        if direction == "since":
            return None
    sign = -1 if direction in ("ago", "earlier") else 1
    base = "anchor" if direction in ("ago", "from now", "hence") else "reference"
    return Reading("offset", unit=unit, amount=None if amount is None else sign * amount,
                   base=base, shift=sign)


@rule("range", rf"(?P<rg_n>\d+|{_alt([w for w in _SIMPLE_NUMBERS])})"
               rf"(?=\s*(?:to|or|-|–|and)\s*{NUMBER}[\s-]+(?P<rg_u>{UNIT}))",
      gate=r"[sSmMhHdDnNwWfFyYcCqQ](?:econd|inute|our|ay|ight|eek|ortnight|onth|ear|ecade|entur|uarter)")
def _range(m: re.Match[str], text: str) -> Reading | None:
    # The first number of "12 to 18 months" is a duration in the second's unit.
    amount = number_value(m["rg_n"])
    unit = unit_name(m["rg_u"])
    if amount is None or unit not in UNITS:
        return None
    return Reading("literal", type="DURATION", value=duration_value(amount, unit))


@rule("duration", r"(?:(?P<du_rel>(?i:(?:the\s+)?(?:past|last|next|coming|previous|first|final|"
                  r"following|recent|latest|remaining|ensuing)))\s+)?"
                  rf"(?:(?P<du_n>{NUMBER})(?:\s+(?i:more|straight|consecutive|full|long))?"
                  rf"(?:\s+|-))?(?P<du_half>(?i:and\s+a\s+half)\s+)?(?P<du_u>{UNIT})"
                  r"(?P<du_half2>\s+(?i:and\s+a\s+half))?(?P<du_old>-(?i:old|long))?",
      gate=r"[sSmMhHdDnNwWfFyYcCqQ](?:econd|inute|our|ay|ight|eek|ortnight|onth|ear|ecade|entur|uarter)")
def _duration(m: re.Match[str], text: str) -> Reading | None:
    unit = unit_name(m["du_u"])
    plural = m["du_u"].lower() in UNIT_PLURALS
    if unit not in UNITS:
        return None
    if m["du_n"]:
        amount = number_value(m["du_n"])
        if amount is not None and m["du_n"].lower() in ("a", "an") and plural:
            return None
        if amount is not None and (m["du_half"] or m["du_half2"]):
            amount += 0.5
        if amount is not None and amount > 10_000_000:
            return None
        before = text[max(0, m.start() - 12) : m.start()].lower()
        if m["du_n"].lower() in ("a", "an") and re.search(
            r"(?:\bonce|\btwice|\btimes|\d|\bmillion|\bbillion|\bpercent|%|\bper)\s*$", before
        ):
            # "$5 million a year", "twice a week": a rate, so a SET.
            return Reading("literal", type="SET", value=duration_value(1, unit))
        if unit == "quarter" and re.match(r"\s+of\b", text[m.end():m.end() + 4]):
            # "three-quarters of its food": a fraction, not nine months.
            return None
        if unit in ("quarter", "second") and amount == 1 and not plural and not (
            m["du_n"][0].isdigit() or text[m.end() : m.end() + 6].lstrip()[:1] in (".", ",", "")
        ):
            # "a second term", "the first quarter": ordinals, not one unit of time.
            return None
        after = text[m.end() : m.end() + 5].lower()
        if (m["du_old"] and m["du_old"].lower() == "-old" or re.search(r"\bage[sd]?\s*$", before)
                or re.match(r"\s+old\b", after)):
            # An age ("a 22-year-old son", "children aged 6 months") dates nothing.
            return None
        return Reading("literal", type="DURATION", value=duration_value(amount, unit))
    if not plural:
        return None
    if m["du_rel"]:
        return Reading("literal", type="DURATION", value=duration_value(None, unit))
    # A bare plural ("for years", "in recent weeks") is a vague duration; after a possessive
    # or a demonstrative ("these days", "the days of") it is not.
    before = text[max(0, m.start() - 8) : m.start()].lower()
    if re.search(r"\b(?:the|these|those|their|its|his|her|our|my|your|of|early|other)\s*$",
                 before):
        return None
    if unit in ("quarter", "second", "night"):
        return None
    return Reading("literal", type="DURATION", value=duration_value(None, unit))


@rule("set", rf"(?P<st_q>(?i:every|each|per))\s+(?:(?P<st_other>(?i:other))\s+)?"
             rf"(?:(?P<st_n>{NUMBER})\s+)?(?:(?P<st_wd>{WEEKDAY})|(?P<st_part>(?i:morning|"
             rf"afternoon|evening|night))|(?P<st_u>{UNIT})|(?P<st_se>(?i:spring|summer|autumn|"
             rf"fall|winter|season))|(?P<st_mo>{_MONTH_FULL}))",
      gate=r"[eEpP](?:very|ach|er)")
def _set(m: re.Match[str], text: str) -> Reading | None:
    if m["st_mo"]:
        # "each July": that month every year.
        return Reading("literal", type="SET", value=f"XXXX-{month_number(m['st_mo']):02d}")
    if m["st_wd"]:
        return Reading("literal", type="SET", value=f"XXXX-WXX-{weekday_number(m['st_wd'])}")
    if m["st_part"]:
        return Reading("literal", type="SET",
                       value=f"XXXX-XX-XXT{PARTS_OF_DAY[m['st_part'].lower()]}")
    if m["st_se"]:
        season = SEASONS.get(m["st_se"].lower())
        return Reading("literal", type="SET", value=f"XXXX-{season}" if season else "P1Y")
    unit = unit_name(m["st_u"])
    if m["st_q"].lower() == "per" and unit in ("hour", "minute", "second"):
        # "miles per hour", "beats per minute": a unit of speed or rate, not a time.
        return None
    amount = number_value(m["st_n"]) if m["st_n"] else 1.0
    if m["st_other"]:
        amount = (amount or 1.0) * 2
    return Reading("literal", type="SET", value=duration_value(amount, unit))


@rule("yearend", r"(?:(?i:around|about)\s+)?(?i:year[- ]end)(?![-\w])",
      gate=r"[yY]ear[- ][eE]nd")
def _yearend(m: re.Match[str], text: str) -> Reading | None:
    # "by year-end", "since year-end": the last day of the year, chosen by tense like a
    # date written without its year.
    return Reading("date", month=12, day=31)


@rule("setword", r"(?i:daily|weekly|monthly|annually|yearly|hourly|nightly|quarterly|biweekly)"
                 r"|(?P<fq>(?i:once|twice|(?:three|four|five|\d+)\s+times))\s+(?:(?i:a|an|per)\s+)"
                 rf"(?P<fq_u>{UNIT})",
      gate=r"[dDwWmMaAyYhHnNqQbB](?:aily|eekly|onthly|nnually|early|ourly|ightly|uarterly|iweekly)|[oOtT](?:nce|wice|imes)")
def _setword(m: re.Match[str], text: str) -> Reading | None:
    if m["fq"]:
        return Reading("literal", type="SET", value=duration_value(1, unit_name(m["fq_u"])))
    word = m.group(0).lower()
    if not word.endswith("ally") and _NOUN_AFTER.match(text, m.end()):
        # "its quarterly dividend", "daily flights": a frequency adjective describes a thing,
        # it does not say when the clause happens (TimeBank leaves 25 of 28 untagged).
        return None
    return Reading("literal", type="SET", value=SET_WORDS[word])


# A lower-case word after an adjective: the noun it modifies.
_NOUN_AFTER = re.compile(r"\s+(?!(?:and|or|to|in|on|at|by|for|from|with|as|than|since|until)"
                         r"\b)[a-z][a-z-]+\b")


# "the quarter", "the latest period", "the year-ago quarter", "the fiscal year", "year-earlier
# results": in business news the period a story reports on, read in ``resolve_all`` from the
# quarter the story names (else the anchor's last complete quarter, or its year).
@rule("period", r"(?:(?i:the)\s+(?=(?i:year[- ](?:ago|earlier)\s+(?:quarter|period))))?"
                r"(?P<pe_back>(?i:year[- ](?:ago|earlier)))(?:\s+(?P<pe_bu>(?i:quarter|period)))?"
                r"|(?i:the)\s+(?P<pe_y>" + YEAR + r")\s+(?P<pe_yu>(?i:quarter|period))"
                r"|(?i:the)\s+(?:(?P<pe_mod>(?i:latest|current|full|fiscal|latest\s+fiscal|"
                r"current\s+fiscal))\s+)?(?P<pe_u>(?i:quarter|period|year))"
                r"(?!-|\s+(?i:of|to|ago|earlier|before|after|later|when|in\s+which|\d|two|"
                r"nineteen|twenty)\b)",
      gate=r"[qQ]uarter|[pP]eriod|[yY]ear")
def _period(m: re.Match[str], text: str) -> Reading | None:
    if m["pe_back"]:
        unit = "quarter" if m["pe_bu"] else "story"
        return Reading("story", unit=unit, shift=-1)
    if m["pe_y"]:
        return Reading("story", unit="quarter", year=int(m["pe_y"]))
    unit = m["pe_u"].lower()
    mod = " ".join((m["pe_mod"] or "").lower().split())
    if unit == "period" and mod not in ("latest", "current"):
        # "the period" alone is as often any stretch of time ("the period of mourning").
        return None
    if unit == "year":
        if re.match(r"\s+(?i:ended|ending|to)\b", text[m.end():m.end() + 9]):
            # "the year ended June 30": a reporting year, written as its length.
            return Reading("literal", type="DURATION", value="P1Y")
        return Reading("story", unit="year", shift=0)
    return Reading("story", unit="quarter", shift=0)


@rule("dayword", r"(?P<dw>(?i:the\s+day\s+before\s+yesterday|the\s+day\s+after\s+tomorrow|today|"
                 r"yesterday|tomorrow|tonight|overnight))"
                 r"(?:\s+(?P<dw_part>(?i:morning|afternoon|evening|night)))?",
      gate=r"[tTyYoO](?:oday|esterday|omorrow|onight|vernight|ODAY|ESTERDAY|OMORROW|ONIGHT)")
def _dayword(m: re.Match[str], text: str) -> Reading | None:
    word = " ".join(m["dw"].lower().split())
    shift = {
        "today": 0, "tonight": 0, "overnight": 0, "yesterday": -1, "tomorrow": 1,
        "the day before yesterday": -2, "the day after tomorrow": 2,
    }[word]
    part = PARTS_OF_DAY.get((m["dw_part"] or "").lower())
    if word == "tonight":
        part = "NI"
    if word == "overnight":
        return None
    return Reading("day", type="TIME" if part else "DATE", shift=shift, part=part)


@rule("narrative", r"(?i:the\s+(?P<na_w>day|night|morning|week|month|year)\s+(?P<na_d>before|"
                   r"after|earlier|later))|(?i:that\s+(?P<na_t>day|night|morning|afternoon|evening|"
                   r"week|month|year))|(?i:(?P<na_s>the\s+same\s+day))",
      gate=r"[dDnNmMwWyY](?:ay|ight|orning|eek|onth|ear)")
def _narrative(m: re.Match[str], text: str) -> Reading | None:
    if m["na_w"]:
        unit = m["na_w"].lower()
        sign = -1 if m["na_d"].lower() in ("before", "earlier") else 1
        if unit in ("night", "morning"):
            return Reading("day", type="TIME", shift=sign if unit == "morning" else sign,
                           part=PARTS_OF_DAY[unit], base="reference")
        return Reading("offset", unit=unit, amount=float(sign), base="reference")
    if m["na_t"]:
        unit = m["na_t"].lower()
        if unit in PARTS_OF_DAY:
            return Reading("day", type="TIME", shift=0, part=PARTS_OF_DAY[unit],
                           base="reference")
        return Reading("offset", unit=unit, amount=0.0, base="reference")
    return Reading("offset", unit="day", amount=0.0, base="reference")


_REF_PATTERN = _alt(list(REF_WORDS)).replace(r"\ ", r"\s+")


@rule("ref", rf"(?P<rf>(?i:right\s+now|for\s+now|{_REF_PATTERN}))",
      gate=r"[nN]ow|[cC]urrently|[pP]resent|[pP]ast|[fF]uture|[rR]ecently|[tT]ime|[dD]ays|NOW")
def _ref(m: re.Match[str], text: str) -> Reading | None:
    word = " ".join(m["rf"].lower().split())
    if word in ("right now", "for now"):
        return Reading("literal", value="PRESENT_REF")
    kind, value = REF_WORDS[word]
    return Reading("literal", type=kind, value=value)


@rule("clock", r"(?P<ck_h>[01]?\d|2[0-3])(?:[:.](?P<ck_m>[0-5]\d))?\s*(?P<ck_ap>(?i:a\.m\.|p\.m\.|"
               r"am|pm|a\.m|p\.m)(?![\w]))(?:\s+(?P<ck_z>(?:GMT|UTC|BST|CET|CEST|EST|EDT|ET|PT|PST|"
               r"PDT|CST|CDT|IST|JST)\b|(?i:local\s+time)))?"
               r"|(?<![:\d.])(?P<ck2_h>[01]?\d|2[0-3]):(?P<ck2_m>[0-5]\d)(?![:\d])"
               r"(?:\s+(?P<ck2_z>(?:GMT|UTC|BST|CET|CEST|EST|EDT|ET|PT|PST|PDT|CST|CDT|IST|JST)\b|"
               r"(?i:local\s+time)|(?i:hrs|hours)))?"
               r"|(?P<ck3>(?i:noon|midday|midnight))"
               r"|(?<![\d,.])(?P<ck4_h>[01]\d|2[0-3])(?P<ck4_m>[0-5]\d)\s*(?:GMT|UTC|Z\b)",
      gate=r"\d[:.]\d\d|\d\s*[aApP]\.?[mM]|[nN]oon|[mM]id(?:day|night)|\d\d\d\d\s*(?:GMT|UTC|Z)")
def _clock(m: re.Match[str], text: str) -> Reading | None:
    if m["ck3"]:
        word = m["ck3"].lower()
        return Reading("day", type="TIME", shift=0, clock="T24:00" if word == "midnight" else
                       "T12:00", base="clock")
    if m["ck4_h"] is not None:
        # Wire style "1137 UTC".
        hour, minute = int(m["ck4_h"]), int(m["ck4_m"])
    elif m["ck_h"] is not None:
        hour, minute, ampm = int(m["ck_h"]), int(m["ck_m"] or 0), m["ck_ap"].lower()
        if hour == 0 or hour > 12:
            return None
        hour = hour % 12 + (12 if ampm.startswith("p") else 0)
    else:
        hour, minute = int(m["ck2_h"]), int(m["ck2_m"])
        # A bare "3:07" without a zone is as likely a score or a ratio as a time.
        if not m["ck2_z"] and not re.search(r"(?i:\bat|\bby|\buntil|\bfrom|\bbefore|\bafter)\s*$",
                                            text[max(0, m.start() - 8) : m.start()]):
            return None
    return Reading("day", type="TIME", shift=0, clock=f"T{hour:02d}:{minute:02d}", base="clock")


def find(text: str) -> list[Found]:
    """Return the temporal expressions found in ``text``, longest first when they overlap.

    Args:
        text: any text.

    Returns:
        Non-overlapping expressions in text order, each with its unanchored reading.
    """
    candidates: list[tuple[int, int, int, str, re.Match[str], Handler]] = []
    for priority, r in enumerate(_RULES):
        for m in _scan(r, text):
            if m.end() > m.start():
                candidates.append((-(m.end() - m.start()), priority, m.start(), r.name, m,
                                   r.handler))
    candidates.sort(key=lambda c: (c[0], c[1], c[2]))
    # Taken spans never overlap, so sorted starts and their ends find a clash in log time.
    taken_starts: list[int] = []
    taken_ends: list[int] = []
    found: list[Found] = []
    for _, _, start, name, m, handler in candidates:
        end = m.end()
        at = bisect_right(taken_starts, start)
        if at and taken_ends[at - 1] > start or at < len(taken_starts) and taken_starts[at] < end:
            continue
        reading = handler(m, text)
        if reading is None:
            continue
        start, end = _trim(text, start, end)
        at = bisect_right(taken_starts, start)
        taken_starts.insert(at, start)
        taken_ends.insert(at, end)
        found.append(Found(start, end, name, reading))
    found.sort(key=lambda f: f.start)
    return _merge_relative(text, _merge_clock(text, found))


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while end > start and text[end - 1] in " \t\n,":
        end -= 1
    return start, end


_JOIN = re.compile(r"^(?:\s*,?\s*(?:on|at|,)?\s*)$", re.IGNORECASE)


def _merge_pairs(found: list[Found],
                 join: Callable[[Found, Found], Found | None]) -> list[Found]:
    """Walk neighbouring expressions left to right; a pair ``join`` merges becomes the one
    expression it returns."""
    out: list[Found] = []
    i = 0
    while i < len(found):
        if i + 1 < len(found):
            merged = join(found[i], found[i + 1])
            if merged is not None:
                out.append(merged)
                i += 2
                continue
        out.append(found[i])
        i += 1
    return out


def _merge_clock(text: str, found: list[Found]) -> list[Found]:
    """Join a clock time with the day beside it ("15:00 GMT Saturday", "Friday at 8 p.m.")."""

    def join(cur: Found, nxt: Found) -> Found | None:
        if not (_JOIN.match(text[cur.end : nxt.start]) and nxt.start - cur.end <= 5):
            return None
        clock, day = (cur, nxt) if cur.rule == "clock" else (nxt, cur)
        if clock.rule == "clock" and day.rule != "clock" and day.reading.kind in (
            "weekday", "date", "day"
        ) and day.reading.clock is None:
            r = day.reading
            merged = Reading(r.kind, type="TIME", year=r.year, month=r.month, day=r.day,
                             weekday=r.weekday, shift=r.shift, base=r.base,
                             clock=clock.reading.clock, unit=r.unit, amount=r.amount)
            return Found(cur.start, nxt.end, day.rule, merged)
        return None

    return _merge_pairs(found, join)


_ON_IN = re.compile(r"^\s*,?\s*(?:on|in)\s+$", re.IGNORECASE)


def _merge_relative(text: str, found: list[Found]) -> list[Found]:
    """Join a relative period with the day it goes on to name ("next month on August 2",
    "this week on Tuesday", "last year in May"): one expression, the day, in the period's
    direction, so the day is not read without the period nor the period without the day."""

    def join(cur: Found, nxt: Found) -> Found | None:
        if cur.reading.kind != "relative" or not _ON_IN.match(text[cur.end : nxt.start]):
            return None
        merged = _in_period(cur.reading, nxt.reading)
        return Found(cur.start, nxt.end, nxt.rule, merged) if merged is not None else None

    return _merge_pairs(found, join)


def _in_period(period: Reading, day: Reading) -> Reading | None:
    """The reading of a day named within a relative period, or None when they do not fit."""
    shift = period.shift
    if shift is None or day.shift is not None or day.amount is not None:
        return None
    if period.unit == "week" and day.kind == "weekday" and day.unit is None:
        # unit "week": that week's day, even when "next Friday" alone would be tomorrow.
        return Reading("weekday", type=day.type, weekday=day.weekday, shift=shift,
                       unit="week", part=day.part, clock=day.clock)
    if day.kind != "date" or day.year is not None or day.month is None or day.season \
            or day.quarter or day.half:
        return None
    if period.unit == "month" and day.day is not None:
        return Reading("date", type=day.type, month=day.month, day=day.day, shift=shift,
                       part=day.part, clock=day.clock)
    if period.unit == "year":
        return Reading("date", type=day.type, month=day.month, day=day.day, unit="year",
                       amount=float(shift), part=day.part, clock=day.clock)
    return None


def iter_rules() -> Iterator[str]:
    """Yield the rule names in priority order (for documentation and tests)."""
    for r in _RULES:
        yield r.name
