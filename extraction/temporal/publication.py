"""The date an article was published, when the caller did not say: its dateline, else a guess.

A dateline is a date at the very top of the text: a line of its own ("Tuesday, October 15,
2019", "Published: 15 Oct 2019", "2019-10-15") or the place-and-date opening of a wire story
("WASHINGTON, March 14 (Reuters) -"). A dateline without a year ("March 14") takes the latest
year the text names, and the result counts as inferred, since the year was guessed.

With no dateline, the guess is the latest full date (day, month and year) the text mentions
in a past-tense clause: news reports recent events, so the publication is on or soon after
it, while dates in future or present clauses (deadlines, schedules) can lie beyond it. No
full date, no guess.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable

from .patterns import MONTH, YEAR
from .reading import Found
from .values import month_number

# Only the top of the text can hold a dateline.
_HEAD_CHARS = 300
_LINE_DATE = re.compile(
    r"^\s*(?:[^\n]{0,60}?\s[|•·—–]\s*)?(?:(?:published|posted|updated|date|dated)(?:\s+on)?"
    r"\s*:?\s*)?(?:[A-Z][a-z]+day,?\s+)?"
    rf"(?:(?P<m1>{MONTH})\s+(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y1>{YEAR})"
    rf"|(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<m2>{MONTH}),?\s+(?P<y2>{YEAR})"
    r"|(?P<iso>\d{4}-\d{2}-\d{2}))"
    r"(?:[\sT,]+\d{1,2}[:.]\d{2}.*)?\s*$",
    re.IGNORECASE | re.MULTILINE,
)
_WIRE = re.compile(
    r"^[ \t]*[A-Z][A-Za-z.' -]{1,40}(?:,[ \t]*[A-Z][A-Za-z.' -]{1,30})?,[ \t]*"
    rf"(?P<m>{MONTH})\s+(?P<d>\d{{1,2}})(?:,?\s+(?P<y>{YEAR}))?\s*(?:\(|--|—|–|-|/|:)",
    re.MULTILINE,
)


def _safe_date(year: int, month: int | None, day: int) -> dt.date | None:
    if month is None:
        return None
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


# Tries the two dateline forms in turn: a dated line among the first four (ISO, or month and day
# either way round), then a wire dateline whose missing year comes from the text's dates.
def dateline(text: str, found: Iterable[Found] = ()) -> tuple[dt.date | None, bool]:  # noqa: C901
    """Return the dateline's date and whether its year had to be guessed.

    Args:
        text: the article text.
        found: the expressions found in it (their years complete a year-less dateline).

    Returns:
        ``(date, guessed)``; ``(None, False)`` when the text has no dateline.
    """
    head = text[:_HEAD_CHARS]
    lines = head.split("\n")[:4]
    for line in lines:
        m = _LINE_DATE.match(line)
        if not m:
            continue
        if m["iso"]:
            try:
                return dt.date.fromisoformat(m["iso"]), False
            except ValueError:
                continue
        if m["m1"]:
            day = _safe_date(int(m["y1"]), month_number(m["m1"]), int(m["d1"]))
        else:
            day = _safe_date(int(m["y2"]), month_number(m["m2"]), int(m["d2"]))
        if day:
            return day, False
    m = _WIRE.search(head)
    if m:
        month, day = month_number(m["m"]), int(m["d"])
        if m["y"]:
            stated = _safe_date(int(m["y"]), month, day)
            if stated:
                return stated, False
        years = [f.reading.year for f in found if f.reading.kind == "date" and f.reading.year]
        if years:
            guess = _safe_date(max(years), month, day)
            if guess:
                return guess, True
    return None, False


def infer(full_dates: Iterable[tuple[dt.date, str | None]]) -> dt.date | None:
    """Guess the publication date from the full dates in the text.

    Args:
        full_dates: each full date mentioned, with the tense of its clause ("past",
            "perfect", "future" or None).

    Returns:
        The latest date in a past clause, else the latest in a clause of unknown tense, else
        None: dates in future or present perfect clauses ("has been moved to December 31")
        are often deadlines beyond the publication, so they are no evidence for it.
    """
    dates = list(full_dates)
    for wanted in ("past", None):
        pool = [d for d, tense in dates if tense == wanted]
        if pool:
            return max(pool)
    return None
