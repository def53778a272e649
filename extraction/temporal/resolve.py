"""Anchoring readings to TIMEX3 values: calendar arithmetic with tense deciding the direction.

``resolve`` is pure: it takes a ``Reading`` from ``grammar``, the anchor (the publication
date), the tense of the clause ("past", "future" or None), the story's current reference date
(for "two days later") and, when known, the latest date the expression can name (an event of
a stated duration reported as complete began at least that long before the anchor).

Without an anchor, relative expressions stay unresolved (``XXXX-WXX-4``, ``PAST_REF``,
``XXXX-01``) rather than being invented.
"""

from __future__ import annotations

import datetime as dt
import re

from .reading import Reading
from .values import duration_value

Tense = str | None


def iso_week(day: dt.date) -> str:
    """Return the ISO week of a date in TIMEX3 form (``2019-W11``)."""
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def _add_months(day: dt.date, months: int) -> dt.date:
    total = day.year * 12 + day.month - 1 + months
    year, month = divmod(total, 12)
    return dt.date(year, month + 1, 1)


def _weekday_near(anchor: dt.date, weekday: int, tense: Tense, latest: dt.date | None) -> dt.date:
    """The date of a bare weekday name: on or before the anchor in the past, after it in the
    future; with ``latest`` set, on or before that."""
    today = anchor.isoweekday()
    if latest is not None and latest < anchor:
        back = (latest.isoweekday() - weekday) % 7
        return latest - dt.timedelta(days=back)
    if tense == "future":
        ahead = (weekday - today) % 7
        return anchor + dt.timedelta(days=ahead)
    back = (today - weekday) % 7
    if tense is None and back > 3:
        # Present tense and no other signal: the nearer of the two ("meets Monday" in a
        # Saturday article is the coming Monday).
        return anchor + dt.timedelta(days=7 - back)
    return anchor - dt.timedelta(days=back)


def _year_for_month(anchor: dt.date, month: int, day: int | None, tense: Tense,
                    latest: dt.date | None) -> int:
    """The year that makes a month (and day) without a year true relative to the anchor."""
    ref = latest if latest is not None and latest < anchor else anchor
    here = (month, day or 1)
    now = (ref.month, ref.day if day else 1)
    if tense == "future":
        return ref.year if here >= now else ref.year + 1
    if tense == "past" or latest is not None:
        return ref.year if here <= now else ref.year - 1
    # No tense: news mostly looks back, so the past occurrence unless the month is at most
    # three months ahead ("the program runs through June", said in March).
    ahead = (month - ref.month) % 12
    if 0 < ahead <= 3:
        return ref.year if month > ref.month else ref.year + 1
    return ref.year if month <= ref.month else ref.year - 1


def _year_of_weekday(year: int, month: int, day: int, weekday: int, anchor: dt.date) -> int:
    """The year in which a date written with its weekday ("Wednesday, July 31") falls on
    that weekday: the year tense chose if it does, else the nearest such year within one
    year of the anchor's (a date falls on the same weekday only every five years or more)."""
    def fits(y: int) -> bool:
        try:
            return dt.date(y, month, day).isoweekday() == weekday
        except ValueError:
            return False
    if fits(year):
        return year
    near = [y for y in (anchor.year, anchor.year + 1, anchor.year - 1) if fits(y)]
    return min(near, key=lambda y: abs(dt.date(y, month, day) - anchor)) if near else year


def _season_value(year: int, season: str) -> str:
    return f"{year}-{season}"


def _season_of(day: dt.date) -> str:
    return {12: "WI", 1: "WI", 2: "WI", 3: "SP", 4: "SP", 5: "SP", 6: "SU", 7: "SU",
            8: "SU"}.get(day.month, "FA")


_SEASON_START = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}


def _part(value: str, part: str | None, clock: str | None) -> str:
    if clock:
        return value + clock
    if part:
        return value + "T" + part
    return value


def _unit_value(day: dt.date, unit: str) -> str:
    """The calendar unit containing ``day`` (its week, month, year, ...)."""
    if unit == "day":
        return day.isoformat()
    if unit == "week":
        return iso_week(day)
    if unit == "weekend":
        return iso_week(day) + "-WE"
    if unit == "month":
        return f"{day.year:04d}-{day.month:02d}"
    if unit == "quarter":
        return f"{day.year:04d}-Q{(day.month - 1) // 3 + 1}"
    if unit == "decade":
        return f"{day.year // 10:03d}"
    if unit == "century":
        return f"{day.year // 100:02d}"
    return f"{day.year:04d}"


def _shift(day: dt.date, unit: str, amount: int) -> dt.date:
    if unit in ("day", "night"):
        return day + dt.timedelta(days=amount)
    if unit in ("week", "weekend"):
        return day + dt.timedelta(weeks=amount)
    if unit == "fortnight":
        return day + dt.timedelta(weeks=2 * amount)
    if unit == "month":
        return _add_months(day, amount)
    if unit == "quarter":
        return _add_months(day, 3 * amount)
    if unit == "decade":
        return dt.date(day.year + 10 * amount, 1, 1)
    if unit == "century":
        return dt.date(day.year + 100 * amount, 1, 1)
    return dt.date(day.year + amount, 1, 1)


_RANK = {"day": 0, "night": 0, "week": 1, "weekend": 1, "fortnight": 1, "month": 2,
         "quarter": 3, "year": 4, "decade": 5, "century": 6}

_UNRESOLVED_UNIT = {
    "day": "XXXX-XX-XX", "week": "XXXX-WXX", "weekend": "XXXX-WXX-WE", "month": "XXXX-XX",
    "quarter": "XXXX-QX", "year": "XXXX", "decade": "XXX", "century": "XX",
}


def resolve(
    reading: Reading,
    *,
    anchor: dt.date | None,
    tense: Tense = None,
    reference: dt.date | None = None,
    reference_unit: str = "day",
    latest: dt.date | None = None,
) -> tuple[str, str]:
    """Return the TIMEX3 ``(type, value)`` of a reading.

    Args:
        reading: what the expression says (from ``grammar.find``).
        anchor: the publication date, or None when unknown.
        tense: "past", "future" or None (present or unknown) for the clause it belongs to.
        reference: the story's current date (the last date before it in the text).
        reference_unit: how precise the reference is ("day", "month" or "year"); counting
            days from a month ("a week later" after "in May") gives an unresolved value.
        latest: the latest date the expression can name, when a rule bounds it.

    Returns:
        The TIMEX3 type and value; relative expressions without an anchor keep X
        placeholders or become ``PAST_REF``/``FUTURE_REF``.
    """
    kind = reading.kind
    rtype = reading.type
    if kind == "literal":
        return rtype, reading.value
    try:
        if reading.base in ("reference", "clock") and reference is not None and _RANK.get(
            reading.unit or "day", 0
        ) < _RANK.get(reference_unit, 0):
            reference = None
        value = _resolve(reading, anchor, tense, reference, latest)
    except (ValueError, OverflowError):
        # Arithmetic beyond the calendar (year 0, year 10000): say nothing precise.
        value = "XXXX-XX-XX"
    if _BEYOND_CALENDAR.match(value):
        value = "XXXX-XX-XX"
    return rtype, value


# A five-digit or negative year: the anchor was at the calendar's edge.
_BEYOND_CALENDAR = re.compile(r"^(?:\d{5}|-)")


# One branch per Reading kind (weekday, story, relative, offset, day; dates go to _resolve_date):
# each kind resolves against its own mix of the anchor, the reference time and the tense, and has
# its own value for when they are missing.
def _resolve(r: Reading, anchor: dt.date | None, tense: Tense, reference: dt.date | None,  # noqa: C901
             latest: dt.date | None) -> str:
    if r.kind == "date":
        return _resolve_date(r, anchor, tense, latest)
    if r.kind == "weekday":
        if r.shift is not None and anchor is not None:
            monday = anchor - dt.timedelta(days=anchor.isoweekday() - 1)
            day = monday + dt.timedelta(days=r.weekday - 1 + 7 * r.shift)
            if r.unit == "week":
                # "next week on Friday": the Friday of that week.
                return _part(day.isoformat(), r.part, r.clock)
            if r.shift == -1 and day + dt.timedelta(days=7) < anchor:
                # "last Friday" said on a Saturday is the day before yesterday, not a week more.
                day += dt.timedelta(days=7)
            if r.shift == 1 and day - dt.timedelta(days=7) > anchor:
                day -= dt.timedelta(days=7)
            return _part(day.isoformat(), r.part, r.clock)
        if r.unit == "weekend":
            if anchor is None:
                return "XXXX-WXX-WE"
            if anchor.isoweekday() >= 6:
                return iso_week(anchor) + "-WE"
            return iso_week(_weekday_near(anchor, 6, tense, latest)) + "-WE"
        if anchor is None:
            return _part(f"XXXX-WXX-{r.weekday}", r.part, r.clock)
        return _part(_weekday_near(anchor, r.weekday, tense, latest).isoformat(), r.part, r.clock)
    if r.kind == "story":
        return _story_period(r, anchor)
    if r.kind == "relative":
        if anchor is None:
            if r.shift:
                return "PAST_REF" if r.shift < 0 else "FUTURE_REF"
            return _UNRESOLVED_UNIT.get(r.unit, "XXXX")
        return _unit_value(_shift(anchor, r.unit, r.shift or 0), r.unit)
    if r.kind == "offset":
        base = reference if r.base == "reference" else anchor
        if r.base == "reference" and base is None:
            base = None
        if r.amount is None or base is None:
            if r.base == "anchor" and base is None or r.amount is None:
                return "PAST_REF" if (r.shift or -1) < 0 else "FUTURE_REF"
            return _UNRESOLVED_UNIT.get(r.unit, "XXXX-XX-XX")
        amount = r.amount
        if amount != int(amount):
            if r.unit in ("year", "decade", "century"):
                return _unit_value(_shift(base, "month", int(round(amount * 12 *
                                   (10 if r.unit == "decade" else 100 if r.unit == "century"
                                    else 1)))), "month")
            return "PAST_REF" if amount < 0 else "FUTURE_REF"
        unit = r.unit
        if unit in ("hour", "minute", "second"):
            return base.isoformat() if r.base == "reference" else "PRESENT_REF"
        # "a decade ago" names a year, as annotators and readers take it.
        target = _shift(base, unit, int(amount))
        if unit in ("decade", "century"):
            return f"{target.year:04d}"
        return _unit_value(target, "day" if unit in ("night", "fortnight") else unit)
    if r.kind == "day":
        base = reference if r.base == "reference" else anchor
        if r.base == "clock":
            base = reference or anchor
        if base is None:
            if r.base == "reference":
                return _part("XXXX-XX-XX", r.part, r.clock)
            return _part({0: "PRESENT_REF"}.get(r.shift or 0, "XXXX-XX-XX"), r.part, r.clock) \
                if not (r.part or r.clock) else _part("XXXX-XX-XX", r.part, r.clock)
        return _part((base + dt.timedelta(days=r.shift or 0)).isoformat(), r.part, r.clock)
    return "XXXX-XX-XX"


def _story_period(r: Reading, anchor: dt.date | None) -> str:
    """The period a business story reports on when the text has not named it: the anchor's
    year ("the year"), the year before ("year-ago results") or the last complete quarter
    before the anchor ("the quarter": results come out after a quarter ends)."""
    shift = r.shift or 0
    if r.unit == "year":
        return f"{anchor.year + shift:04d}" if anchor else "XXXX"
    if r.unit == "story":
        return f"{anchor.year - 1:04d}" if anchor else "PAST_REF"
    if anchor is None:
        return f"{r.year:04d}-QX" if r.year else "XXXX-QX"
    current = (anchor.month - 1) // 3 + 1
    year, quarter = (anchor.year, current - 1) if current > 1 else (anchor.year - 1, 4)
    return f"{(r.year or year + shift):04d}-Q{quarter}"


# Completes a date reading by its most specific part: a season, a quarter, a half, a bare year, then
# a month (and day) whose missing year comes from the anchor, the shift or the tense.
def _resolve_date(r: Reading, anchor: dt.date | None, tense: Tense,  # noqa: C901
                  latest: dt.date | None) -> str:
    year = r.year
    if r.season:
        if year is None:
            if anchor is None:
                return f"XXXX-{r.season}"
            year = anchor.year
            start = dt.date(year, _SEASON_START[r.season], 1)
            if r.shift is not None:
                current = _season_of(anchor)
                if r.shift == 0:
                    if r.season == "WI" and anchor.month <= 2:
                        year -= 1
                else:
                    year += r.shift
                    if r.season == current:
                        pass
                    elif r.shift < 0 and start < anchor:
                        year += 1
                    elif r.shift > 0 and start > anchor:
                        year -= 1
            elif tense == "future" and start < anchor and r.season != _season_of(anchor):
                year += 1
            elif tense != "future" and start > anchor:
                year -= 1
        return _season_value(year, r.season)
    if r.quarter:
        if year is None and r.unit == "year" and r.shift is not None:
            if anchor is None:
                return f"XXXX-Q{r.quarter}"
            return f"{anchor.year + r.shift:04d}-Q{r.quarter}"
        if year is None:
            if anchor is None:
                return f"XXXX-Q{r.quarter}"
            current = (anchor.month - 1) // 3 + 1
            year = anchor.year
            if r.quarter == (current - 2) % 4 + 1:
                # The quarter just ended, whose results are expected or reported now,
                # whatever the tense ("expects to report a third-quarter loss" in October).
                year = anchor.year if current > 1 else anchor.year - 1
            elif tense != "future" and r.quarter > current:
                year -= 1
            elif tense == "future" and r.quarter < current:
                year += 1
        return f"{year:04d}-Q{r.quarter}"
    if r.half:
        return f"{year:04d}-H{r.half}"
    if r.month is None:
        return f"{year:04d}" if year is not None else "XXXX"
    if year is None:
        if anchor is None:
            year_text = "XXXX"
        elif r.unit == "year" and r.amount is not None:
            year_text = f"{anchor.year + int(r.amount):04d}"
        elif r.shift is not None:
            if r.shift == 0:
                year = anchor.year
            elif r.shift < 0:
                year = anchor.year if r.month < anchor.month else anchor.year - 1
            else:
                year = anchor.year if r.month > anchor.month else anchor.year + 1
            year_text = f"{year:04d}"
        else:
            year = _year_for_month(anchor, r.month, r.day, tense, latest)
            if r.weekday and r.day:
                year = _year_of_weekday(year, r.month, r.day, r.weekday, anchor)
            year_text = f"{year:04d}"
    else:
        year_text = f"{year:04d}"
    value = f"{year_text}-{r.month:02d}"
    if r.day is not None:
        value += f"-{r.day:02d}"
    return _part(value, r.part, r.clock)


def duration_days(value: str) -> int | None:
    """Return the length in days of a TIMEX3 duration such as ``P5D``, ``P2W``, ``P1M``."""
    if not value.startswith("P") or value.startswith("PT") or "X" in value:
        return None
    number, unit = value[1:-1], value[-1]
    try:
        amount = float(number)
    except ValueError:
        return None
    factor = {"D": 1, "W": 7, "M": 30, "Y": 365}.get(unit)
    return int(amount * factor) if factor else None


__all__ = ["duration_days", "duration_value", "iso_week", "resolve"]
