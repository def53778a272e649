"""Rules for expressions that name a point or stretch of the calendar: dates in their
written forms (ISO, slashes, "March 14, 2019", "14 March"), months, weekdays, seasons,
years (in digits, in words, abbreviated), decades, centuries, quarters, halves, holidays,
year-end and clock times.

Each rule registers itself with ``registry.rule``; ``grammar`` orders and runs them.
"""

from __future__ import annotations

import re

from .lexicon import DECADE_WORDS, MONTHS, ORDINALS, PARTS_OF_DAY, SEASONS
from .patterns import (
    DAY,
    MODIFIER,
    MONTH,
    MONTH_FULL,
    MONTH_GATE,
    WEEKDAY,
    WEEKDAY_ANY,
    YEAR,
    alt,
)
from .reading import Reading
from .registry import rule
from .values import date_reading, month_number, weekday_number
from .words import HOLIDAY_DATES, HOLIDAY_GATE, HOLIDAY_PATTERN


@rule("iso", r"(?<![\d/.-])(?P<iso_y>\d{4})-(?P<iso_m>[01]\d)-(?P<iso_d>[0-3]\d)"
             r"(?:[T ](?P<iso_h>[0-2]\d):(?P<iso_mi>[0-5]\d)(?::[0-5]\d)?)?(?![\d-])",
      gate=r"\d{4}-")
def _iso(m: re.Match[str], text: str) -> Reading | None:
    reading = date_reading(int(m["iso_y"]), int(m["iso_m"]), int(m["iso_d"]))
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
    return date_reading(year, month, day)


# Same shape as the dmy rule below: one rule per date form, kept apart to switch each.
@rule("mdy", rf"(?:(?P<mdy_wd>{WEEKDAY_ANY}),?\s+)?(?:(?P<mdy_mod>{MODIFIER})[\s-]+)?"
             rf"(?P<mdy_m>{MONTH})\s*(?P<mdy_d>{DAY})(?:(?:,\s*|\s+)(?P<mdy_y>{YEAR})|"
             r"\s+(?:of\s+)?(?P<mdy_ry>(?i:this|last|next))\s+(?i:year))?",
      gate=MONTH_GATE)
def _mdy(m: re.Match[str], text: str) -> Reading | None:
    year = int(m["mdy_y"]) if m["mdy_y"] else None
    reading = date_reading(year, month_number(m["mdy_m"]), int(re.sub(r"\D", "", m["mdy_d"])))
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


# Same shape as the mdy rule above: one rule per date form, kept apart to switch each.
@rule("dmy", rf"(?:(?P<dmy_wd>{WEEKDAY_ANY}),?\s+)?(?:the\s+)?(?P<dmy_d>{DAY})\s+(?:of\s+)?"
             rf"(?P<dmy_m>{MONTH})(?:,?\s+(?P<dmy_y>{YEAR})|"
             r"\s+(?:of\s+)?(?P<dmy_ry>(?i:this|last|next))\s+(?i:year))?",
      gate=MONTH_GATE)
def _dmy(m: re.Match[str], text: str) -> Reading | None:
    year = int(m["dmy_y"]) if m["dmy_y"] else None
    reading = date_reading(year, month_number(m["dmy_m"]), int(re.sub(r"\D", "", m["dmy_d"])))
    return _with_relative_year(_with_weekday(reading, m["dmy_wd"]), m["dmy_ry"])


@rule("my", rf"(?:(?P<my_mod>{MODIFIER})[\s-]+)?(?P<my_m>{MONTH}),?\s+(?:of\s+)?(?P<my_y>{YEAR})",
      gate=MONTH_GATE)
def _my(m: re.Match[str], text: str) -> Reading | None:
    return date_reading(int(m["my_y"]), month_number(m["my_m"]), None)


# "May" is also a modal verb and "March" a noun and verb: alone, they need a word before
# them that only a month takes.
_MONTH_CUE = re.compile(
    r"(?i:\b(?:in|since|until|till|by|of|from|through|to|during|before|after|early|late|mid|"
    r"last|next|this|each|every|and|or|between|throughout|around|until|on)[\s-]*)$"
)


@rule("month", rf"(?:(?P<mo_mod>{MODIFIER})[\s-]+)?(?:(?P<mo_rel>(?i:last|next|this|past|"
               rf"coming))\s+)?(?P<mo_m>{MONTH_FULL})(?!\s*\d)"
               r"(?:\s+(?:of\s+)?(?P<mo_ry>(?i:this|last|next))\s+(?i:year))?",
      gate=MONTH_GATE)
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


# A @rule block (pattern, gate, reader) like every rule: one rule per time form.
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
                 r"|(?:(?i:the)\s+)?(?P<ce_w>(?i:" + alt(list(ORDINALS)) + r"))[\s-]+(?i:century)",
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


# Like relative_rules' period rule: this 'quarter' is a dated one, that one a period.
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


@rule("holiday", rf"(?P<ho>{HOLIDAY_PATTERN})(?:\s+(?P<ho_y>{YEAR}))?", gate=HOLIDAY_GATE)
def _holiday(m: re.Match[str], text: str) -> Reading | None:
    # Holidays on a fixed date (``time_words.tsv``); moving feasts are left out, not guessed.
    key = " ".join(m["ho"].lower().replace("’", "'").split())
    month, day = HOLIDAY_DATES[key]
    return Reading("date", year=int(m["ho_y"]) if m["ho_y"] else None, month=month, day=day)



@rule("yearend", r"(?:(?i:around|about)\s+)?(?i:year[- ]end)(?![-\w])",
      gate=r"[yY]ear[- ][eE]nd")
def _yearend(m: re.Match[str], text: str) -> Reading | None:
    # "by year-end", "since year-end": the last day of the year, chosen by tense like a
    # date written without its year.
    return Reading("date", month=12, day=31)



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

