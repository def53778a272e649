"""Rules for durations and frequencies: "five days", "a year and a half", "12 to 18
months", "for years", "every Monday", "twice a week", "daily". A count that is not a time
(an age, a fraction, a speed) is told apart here.

Each rule registers itself with ``registry.rule``; ``grammar`` orders and runs them.
"""

from __future__ import annotations

import re

from .lexicon import PARTS_OF_DAY, SEASONS, SET_WORDS, UNIT_PLURALS, UNITS
from .patterns import MONTH_FULL, NUMBER, SIMPLE_NUMBERS, UNIT, UNIT_GATE, WEEKDAY, alt
from .reading import Reading
from .registry import rule
from .values import duration_value, month_number, number_value, unit_name, weekday_number


@rule("range", rf"(?P<rg_n>\d+|{alt([w for w in SIMPLE_NUMBERS])})"
               rf"(?=\s*(?:to|or|-|–|and)\s*{NUMBER}[\s-]+(?P<rg_u>{UNIT}))",
      gate=UNIT_GATE)
def _range(m: re.Match[str], text: str) -> Reading | None:
    # The first number of "12 to 18 months" is a duration in the second's unit.
    amount = number_value(m["rg_n"])
    unit = unit_name(m["rg_u"])
    if amount is None or unit not in UNITS:
        return None
    return Reading("literal", type="DURATION", value=duration_value(amount, unit))


# The duration rule's filters: a counted unit is refused as a rate, a fraction, an ordinal or an
# age; a bare plural after a possessive or a demonstrative. Each is one early return on the same
# match.
@rule("duration", r"(?:(?P<du_rel>(?i:(?:the\s+)?(?:past|last|next|coming|previous|first|final|"
                  r"following|recent|latest|remaining|ensuing)))\s+)?"
                  rf"(?:(?P<du_n>{NUMBER})(?:\s+(?i:more|straight|consecutive|full|long))?"
                  rf"(?:\s+|-))?(?P<du_half>(?i:and\s+a\s+half)\s+)?(?P<du_u>{UNIT})"
                  r"(?P<du_half2>\s+(?i:and\s+a\s+half))?(?P<du_old>-(?i:old|long))?",
      gate=UNIT_GATE)
def _duration(m: re.Match[str], text: str) -> Reading | None:  # noqa: C901
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


# A @rule block (pattern, gate, reader) like every rule: one rule per time form.
@rule("set", rf"(?P<st_q>(?i:every|each|per))\s+(?:(?P<st_other>(?i:other))\s+)?"
             rf"(?:(?P<st_n>{NUMBER})\s+)?(?:(?P<st_wd>{WEEKDAY})|(?P<st_part>(?i:morning|"
             rf"afternoon|evening|night))|(?P<st_u>{UNIT})|(?P<st_se>(?i:spring|summer|autumn|"
             rf"fall|winter|season))|(?P<st_mo>{MONTH_FULL}))",
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



# A @rule block like the others: frequency words, apart from the 'every' sets above.
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
