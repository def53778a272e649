"""Finding temporal expressions in text and reading what each one says, before anchoring.

Every rule is a regular expression compiled once at import plus a small function that turns
its match into a ``Reading``: an unanchored meaning such as "the Thursday before or after the
anchor", "the year before the anchor" or "a duration of five days". Anchoring those readings
to calendar values is ``resolve``'s job; choosing between past and future needs the parse and
is done by the spaCy component.

The rules are written for news prose: capitalised month and weekday names, the modal "may"
told apart from the month, counts ("2000 troops", "$2013") told apart from years by the
characters around them (the component also checks the parse).

The package by capability:

- ``reading``: the ``Reading`` and ``Found`` values;
- ``lexicon`` and ``words``: the word tables (in code) and word lists (``time_words.tsv``);
- ``patterns``: the regular-expression building blocks; ``values``: counts, units, durations
  and calendar checks read from a match;
- ``registry``: how a rule is registered and tried; ``calendar_rules``, ``relative_rules``
  and ``duration_rules``: the rules;
- ``merge``: neighbouring expressions joined into one;
- this module: the rules in priority order and ``find``, which runs them.

The names other modules import from here (``Reading``, ``Found``, ``MONTH``, ``YEAR``,
``month_number``, ``duration_value``, ...) are re-exported from those modules.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator

# The rule modules register their rules on import.
from . import calendar_rules, duration_rules, relative_rules  # noqa: F401
from .merge import merge_clock, merge_relative
from .patterns import DAY, MODIFIER, MONTH, NUMBER, UNIT, WEEKDAY, YEAR
from .reading import Found, Reading
from .registry import RULES, Handler, Rule, rule, scan
from .values import duration_value, month_number, number_value, unit_name, weekday_number

__all__ = [
    "DAY", "MODIFIER", "MONTH", "NUMBER", "PRIORITY", "UNIT", "WEEKDAY", "YEAR", "Found",
    "Handler", "Reading", "duration_value", "find", "iter_rules", "month_number",
    "number_value", "rule", "unit_name", "weekday_number",
]

#: The rules in priority order: of two candidates of the same length, the earlier rule's is
#: taken (longer candidates always win). Written dates come first, then the named parts of
#: the calendar, then relative expressions, durations and sets, and clock times last.
PRIORITY = (
    "iso", "slash", "mdy", "dmy", "my", "month", "weekday", "season", "decade", "century",
    "year", "spokenyear", "shortyear", "year2", "quarter", "half", "relative", "holiday",
    "weekend", "endof", "offset", "range", "duration", "set", "yearend", "setword", "period",
    "dayword", "narrative", "ref", "clock",
)


def _in_priority_order() -> tuple[Rule, ...]:
    missing = set(RULES) ^ set(PRIORITY)
    if missing:
        raise ValueError(f"temporal rules registered and PRIORITY differ: {sorted(missing)}")
    return tuple(RULES[name] for name in PRIORITY)


_RULES = _in_priority_order()


def find(text: str) -> list[Found]:
    """Return the temporal expressions found in ``text``, longest first when they overlap.

    Args:
        text: any text.

    Returns:
        Non-overlapping expressions in text order, each with its unanchored reading.
    """
    candidates: list[tuple[int, int, int, str, re.Match[str], Handler]] = []
    for priority, r in enumerate(_RULES):
        for m in scan(r, text):
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
    return merge_relative(text, merge_clock(text, found))


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while end > start and text[end - 1] in " \t\n,":
        end -= 1
    return start, end


def iter_rules() -> Iterator[str]:
    """Yield the rule names in priority order (for documentation and tests)."""
    for r in _RULES:
        yield r.name
