"""The regular-expression building blocks the temporal rules are written from.

Month and weekday names, years, days, counts, units and modifiers ("early", "the end of"),
each a pattern string (not compiled) that the rules in ``calendar_rules``,
``relative_rules`` and ``duration_rules`` put together; gates are the cheap patterns a rule
is tried near (see ``registry``).
"""

from __future__ import annotations

import re

from .lexicon import NUMBER_WORDS, UNIT_PLURALS, UNITS


def alt(words: list[str]) -> str:
    """An alternation of literal words, longest first so a longer word wins over its prefix."""
    return "|".join(sorted((re.escape(w) for w in words), key=len, reverse=True))


MONTH_FULL_NAMES = [
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December",
]
MONTH_FULL = alt(MONTH_FULL_NAMES + [m.upper() for m in MONTH_FULL_NAMES])
# Abbreviations only count with a period or before a number ("Jan 5"), never alone ("Jan" is
# also a name).
MONTH_ABBR = (
    r"(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)(?:\.|(?=\s*\d))"
)
MONTH = rf"(?:{MONTH_FULL}|{MONTH_ABBR})"
# Cheap pre-check for every rule that needs a month name.
MONTH_GATE = (r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec"
              r"|JAN|FEB|MAR|APR|MAY|JUN|JUL|AUG|SEP|OCT|NOV|DEC)")
WEEKDAY_NAMES = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
WEEKDAY = rf"(?:{alt(WEEKDAY_NAMES + [w.upper() for w in WEEKDAY_NAMES])})"
WEEKDAY_ANY = rf"(?:{WEEKDAY}|(?:Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun)\.)"
YEAR = r"(?:1[5-9]\d\d|20\d\d)(?!\d)"
DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?(?![\d:%.,]\d|\d)"

SIMPLE_NUMBERS = [w for w in NUMBER_WORDS if " " not in w and w not in ("a", "an", "dozen")]
_TENS = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
_ONES = "one|two|three|four|five|six|seven|eight|nine"
NUMBER = (
    r"(?i:(?:\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(?:\s+(?:thousand|million))?"
    rf"|(?:{_TENS})[\s-](?:{_ONES})"
    r"|a\s+dozen|a\s+couple(?:\s+of)?|a\s+hundred|a\s+few|half\s+a|an?"
    rf"|{alt(SIMPLE_NUMBERS)}"
    r"|few|several|many|some|couple\s+of)"
)
_UNIT_WORDS = list(UNITS) + list(UNIT_PLURALS)
UNIT = rf"(?i:{alt(_UNIT_WORDS)})"
MODIFIER = (
    r"(?i:(?:the\s+)?(?:end|beginning|start|middle|close|turn|first\s+half|second\s+half)\s+of"
    r"(?:\s+the)?|(?:the\s+)?(?:early|late|mid)|earlier|later)"
)
WORD_START = r"(?<![\w'])"  # a word starts here
WORD_END = r"(?![\w])"  # a word ends here
# Cheap pre-check for every rule that needs a unit word ("days", "a fortnight").
UNIT_GATE = (r"[sSmMhHdDnNwWfFyYcCqQ](?:econd|inute|our|ay|ight|eek|ortnight|onth|ear|ecade"
             r"|entur|uarter)")
