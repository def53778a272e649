"""Joining neighbouring expressions that say one thing together: a clock time and its day
("Friday at 8 p.m."), a relative period and the day it goes on to name ("next month on
August 2"). Pure functions over the ``Found`` list ``grammar.find`` builds."""

from __future__ import annotations

import re
from collections.abc import Callable

from .reading import Found, Reading

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


def merge_clock(text: str, found: list[Found]) -> list[Found]:
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


def merge_relative(text: str, found: list[Found]) -> list[Found]:
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
