"""Stance over time: many articles' stances added up per month of publication, holder and
canonical target.

Each month's stances are summed as ``extraction.events.summary.summarise_stances`` sums them
(the mean of the article scores weighted by ``stance_weight``, articles counted); this module
only groups them by month and names each target once over the whole span, so a line through
the months keeps one label. Pure functions over plain rows, without pandas; the dashboard's
stance-over-time charts show their output (``dashboard.frames.monthly_stances``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from .events.summary import StanceRow, summarise_stances, target_names

__all__ = ["month_of", "summarise_by_month"]


def month_of(published: Any) -> dt.date | None:
    """The first day of the month of a publication date (``date``, ``datetime`` or an ISO
    string), or None when there is no date (None, NaN, NaT, an unreadable string)."""
    if published is None or published != published:  # NaN and NaT are unequal to themselves
        return None
    if isinstance(published, str):
        try:
            published = dt.date.fromisoformat(published[:10])
        except ValueError:
            return None
    return dt.date(published.year, published.month, 1)


def summarise_by_month(stances: Iterable[tuple[Any, StanceRow | tuple[Any, ...]]], *,
                       background: bool = False) -> list[dict[str, Any]]:
    """Add up many articles' stances per (month of publication, holder, canonical target).

    Stances of articles without a publication date are left out: they have no place on a
    time axis. Within a month the stances of one holder towards one target add up as
    ``summarise_stances`` adds them; ``target`` is the target's display name chosen over all
    months (``target_names``), so one target keeps one name from month to month.

    Args:
        stances: ``(published, row)`` pairs: the article's publication date (see
            ``month_of``) and its stance as a ``StanceRow`` (or a tuple in its field order).
        background: include background stances (``current`` False), at their lower weight;
            left out by default.

    Returns:
        One dict per (month, holder, target key), sorted by month, holder and target key:
        ``month`` (the month's first day) and ``summarise_stances``'s keys (``holder``,
        ``target``, ``target_key``, ``target_country``, ``polarity``, ``score``,
        ``evidence``, ``articles``, ``stances``, ``background``).
    """
    months: dict[dt.date, list[StanceRow]] = {}
    kept: list[StanceRow] = []
    for published, stance in stances:
        month = month_of(published)
        row = StanceRow._make(stance)
        if month is not None and (background or row.current):
            months.setdefault(month, []).append(row)
            kept.append(row)
    # Names over the whole span, ties going to the one met first in the input.
    labels = target_names((row.target_key, row.target) for row in kept)
    found: list[dict[str, Any]] = []
    for month in sorted(months):
        sums = summarise_stances(months[month], background=True)
        for summary in sorted(sums, key=lambda s: (s["holder"], s["target_key"])):
            found.append({"month": month, **summary, "target": labels[summary["target_key"]]})
    return found
