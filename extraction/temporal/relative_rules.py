"""Rules for expressions counted from a date: "last week", "this year", "two days ago",
"the next day", "that morning", "yesterday", "the weekend", "the end of the month", the
reporting period of business news ("the quarter", "year-earlier") and the present, past and
future as adverbs ("now", "recently").

Each rule registers itself with ``registry.rule``; ``grammar`` orders and runs them.
"""

from __future__ import annotations

import re

from .lexicon import PARTS_OF_DAY, REF_WORDS
from .patterns import MODIFIER, NUMBER, UNIT, UNIT_GATE, YEAR, alt
from .reading import Reading
from .registry import rule
from .values import duration_value, number_value, unit_name

_REL_SHIFT = {
    "this": 0, "current": 0, "last": -1, "past": -1, "previous": -1, "next": 1, "coming": 1,
    "following": 1, "same": 0,
}


# A @rule block (pattern, gate, reader) like every rule: one rule per time form.
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
      gate=UNIT_GATE)
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



# Like calendar_rules' quarter rule: 'the quarter' here is a reporting period.
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
        follows = text[m.end():m.end() + 2].strip()[:1]
        if m["na_d"].lower() in ("before", "after") and follows.isalnum():
            # "the night before the vote": a day next to an event the text names, not to the
            # story's current day; it stays unresolved.
            part = PARTS_OF_DAY.get(unit) if unit in ("night", "morning") else None
            value = _UNKNOWN_DAY.get(unit, "XXXX-XX-XX") + (f"T{part}" if part else "")
            return Reading("literal", type="TIME" if part else "DATE", value=value)
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


#: The unresolved value of a unit next to a named event ("the week after the election").
_UNKNOWN_DAY = {"week": "XXXX-WXX", "month": "XXXX-XX", "year": "XXXX"}

_REF_PATTERN = alt(list(REF_WORDS)).replace(r"\ ", r"\s+")


@rule("ref", rf"(?P<rf>(?i:right\s+now|for\s+now|{_REF_PATTERN}))",
      gate=r"[nN]ow|[cC]urrently|[pP]resent|[pP]ast|[fF]uture|[rR]ecently|[tT]ime|[dD]ays|NOW")
def _ref(m: re.Match[str], text: str) -> Reading | None:
    word = " ".join(m["rf"].lower().split())
    if word in ("right now", "for now"):
        return Reading("literal", value="PRESENT_REF")
    kind, value = REF_WORDS[word]
    return Reading("literal", type=kind, value=value)

