"""Where a TIMEX3 value lies on the calendar: the first day of the period it names and how
precise it is. A pure function over the value's text, with no dependency beyond ``re`` and
``datetime``; the dashboard's timeline (``dashboard.frames.timex_to_timestamp``) places
events with it."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable

#: The precisions ``period_start`` gives, finest first.
PRECISIONS = ("day", "week", "month", "quarter", "season", "year", "decade", "century")

# Each is matched at the start of the value: a time of day after a date ("2019-03-14T10:00",
# "2019-09-09TNI") or a part of a week ("2019-W34-WE") keeps the date or the week.
_DAY = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
_WEEK = re.compile(r"(\d{4})-W(\d{2})")
_MONTH = re.compile(r"(\d{4})-(\d{2})$")
_QUARTER = re.compile(r"(\d{4})-Q([1-4])")
_SEASON = re.compile(r"(\d{4})-(SP|SU|FA|AU|WI)")
_YEAR = re.compile(r"(\d{4})$")
_DECADE = re.compile(r"(\d{3})$")
_CENTURY = re.compile(r"(\d{2})$")
# The month each TIMEX3 season starts in (autumn is written FA or AU).
_SEASON_MONTH = {"SP": 3, "SU": 6, "FA": 9, "AU": 9, "WI": 12}
# Tried in this order: a value's shape, the first day of the period it names, its precision.
_STARTS: tuple[tuple[re.Pattern[str], Callable[[re.Match[str]], dt.date], str], ...] = (
    (_DAY, lambda m: dt.date(int(m[1]), int(m[2]), int(m[3])), "day"),
    (_WEEK, lambda m: dt.date.fromisocalendar(int(m[1]), int(m[2]), 1), "week"),
    (_MONTH, lambda m: dt.date(int(m[1]), int(m[2]), 1), "month"),
    (_QUARTER, lambda m: dt.date(int(m[1]), 3 * int(m[2]) - 2, 1), "quarter"),
    (_SEASON, lambda m: dt.date(int(m[1]), _SEASON_MONTH[m[2]], 1), "season"),
    (_YEAR, lambda m: dt.date(int(m[1]), 1, 1), "year"),
    (_DECADE, lambda m: dt.date(int(m[1]) * 10, 1, 1), "decade"),
    (_CENTURY, lambda m: dt.date(int(m[1]) * 100, 1, 1), "century"),
)


def period_start(value: str | None) -> tuple[dt.date | None, str | None]:
    """Return the first day of the period a TIMEX3 value names and its precision.

    ``2019-03-14`` (also with a time, ``2019-03-14T10:00``) is that day, ``"day"``;
    ``2019-W11`` the Monday of ISO week 11, ``"week"``; ``2019-03`` the first of March,
    ``"month"``; ``2019-Q2`` the first of April, ``"quarter"``; ``2019-SU`` the first of June
    (SP March, SU June, FA or AU September, WI December), ``"season"``; ``2019`` the first of
    January, ``"year"``; ``199`` (the 1990s) the first of January 1990, ``"decade"``; ``19``
    (the 1900s) the first of January 1900, ``"century"``.

    Values with no place on the calendar give ``(None, None)``: references (``PAST_REF``),
    durations (``P1Y``), unresolved values (``XXXX-WXX-4``), empty values and dates that do
    not exist (month 13, week 60, year 0).
    """
    if not value:
        return None, None
    for pattern, first_day, precision in _STARTS:
        if match := pattern.match(value):
            try:
                return first_day(match), precision
            except ValueError:
                return None, None
    return None, None
