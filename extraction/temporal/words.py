"""The word lists of the time component, read once from a reviewable resource file.

``extraction/resources/time_words.tsv`` holds one row per entry (``list<TAB>entry``, and a
third column, the date, for holidays) with a comment above each list saying what it is for.
``load_time_words`` reads such a file; the constants below are the package's own file, read
when this module is first imported. Closed word classes that the patterns are built from
(months, weekdays, units, numbers) stay in ``lexicon``.
"""

from __future__ import annotations

import re
from pathlib import Path

from ..resources import DATA_DIR, read_word_lists

#: The file the word lists live in, and its name inside a saved pipeline.
TIME_WORDS_FILE = "time_words.tsv"
TIME_WORDS_PATH = DATA_DIR / TIME_WORDS_FILE


def load_time_words(path: Path = TIME_WORDS_PATH) -> dict[str, dict[str, str]]:
    """Read a time word-list file (``list``, ``entry`` and optional ``value`` rows).

    Returns:
        Each list's name and its entries in file order, each with its value ("" if none).

    Raises:
        ValueError: a broken row or an entry listed twice (see ``read_word_lists``).
    """
    return read_word_lists(path)


_LISTS = load_time_words()


def _words(name: str) -> frozenset[str]:
    if name not in _LISTS:
        raise ValueError(f"{TIME_WORDS_PATH} has no list {name!r}")
    return frozenset(_LISTS[name])


def _holiday_dates() -> dict[str, tuple[int, int]]:
    dates: dict[str, tuple[int, int]] = {}
    for name in ("holidays", "holidays_as_written"):
        for phrase, value in _LISTS[name].items():
            month, day = value.split("-")
            dates[" ".join(phrase.lower().split())] = (int(month), int(day))
    return dates


def _word(word: str) -> str:
    # An apostrophe may be typographic.
    return re.escape(word).replace("'", "['’]")


def _phrase(phrase: str) -> str:
    # Words may be split by any space.
    return r"\s+".join(_word(w) for w in phrase.split())


def _alternation(phrases: list[str]) -> str:
    # Longest first, so "christmas eve" is tried before "christmas".
    return "|".join(_phrase(p) for p in sorted(phrases, key=len, reverse=True))


def _first_word_forms(phrases: list[str]) -> list[str]:
    forms: list[str] = []
    for phrase in phrases:
        first = phrase.split()[0]
        forms += [f"[{first[0].lower()}{first[0].upper()}]{_word(first[1:])}",
                  _word(first.upper())]
    return list(dict.fromkeys(forms))


#: Fixed-date holidays by their lower-case name: (month, day).
HOLIDAY_DATES = _holiday_dates()
#: The holiday names as a pattern: the ``holidays`` list in any case, the others as written.
HOLIDAY_PATTERN = (f"(?i:{_alternation(list(_LISTS['holidays']))})"
                   f"|{_alternation(list(_LISTS['holidays_as_written']))}")
#: Where a holiday may start: a first word in lower case, capitalised or in capitals, or a
#: name written as the list writes it.
HOLIDAY_GATE = "|".join(_first_word_forms(list(_LISTS["holidays"]))
                        + [_phrase(p) for p in _LISTS["holidays_as_written"]])

# Lower-case word forms.
FUTURE_AUXILIARIES = _words("future_auxiliaries")
DEADLINE_WORDS = _words("deadline_words")
# Lemmas.
FORWARD_VERBS = _words("forward_verbs")
ENDING_VERBS = _words("ending_verbs")
MOVING_VERBS = _words("moving_verbs")
