"""Which language a text is in: English news is analysed, text positively identified as
another language is refused, English with little prose is analysed with a warning.

A text is another language when most of its letters are in a script English does not use,
or when its words are mostly the function words of one language of ``resources/
languages.tsv`` and not of English (``identify_language``).
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from .errors import NewslensError

# The commonest English function words: running English prose has 35-50% of them.
_ENGLISH_WORDS = frozenset(
    """a about after against all also an and any are as at be because been before but by
    can could did do does during for from had has have he her his how i if in into is it
    its may more most no not of on one or other our out over said says she so some than
    that the their them then there these they this those to under up was we were what
    when where which while who whom will with would you""".split()
)
_WORD_RE = re.compile(r"[^\W\d_]+", re.UNICODE)
#: Scripts that identify a language (or a family of them) by themselves: the first word of
#: the Unicode character name, and the name shown in the refusal.
_SCRIPTS = {
    "CYRILLIC": "Russian or another Cyrillic-script language",
    "ARABIC": "Arabic, Persian or Urdu",
    "CJK": "Chinese or Japanese",
    "HIRAGANA": "Japanese",
    "KATAKANA": "Japanese",
    "HANGUL": "Korean",
    "GREEK": "Greek",
    "HEBREW": "Hebrew",
    "DEVANAGARI": "Hindi or another Devanagari-script language",
    "BENGALI": "Bengali",
    "THAI": "Thai",
    "GEORGIAN": "Georgian",
    "ARMENIAN": "Armenian",
    "ETHIOPIC": "Amharic or another Ethiopic-script language",
    "TAMIL": "Tamil",
}
#: A language is identified when at least this share of the words are its function words,
#: this many times the share of English function words, with at least ``_MIN_DISTINCT``
#: different ones (names such as "de la Fuente" alone never make a text Spanish).
_MIN_SHARE = 0.2
_OVER_ENGLISH = 1.5
_MIN_DISTINCT = 4
#: Below this share of English function words the text is prose-poor (a table, a list of
#: names and scores, a dateline): analysed, with a warning.
_PROSE_SHARE = 0.12
_SAMPLE = 20_000


@dataclass(frozen=True)
class LanguageProfile:
    """A language's function words, from ``resources/languages.tsv``."""

    code: str
    name: str
    words: frozenset[str]
    letters: frozenset[str] = frozenset()

    def marks(self, word: str) -> bool:
        """Whether ``word`` is one of this language's function words or holds one of its
        own letters."""
        return word in self.words or any(ch in self.letters for ch in word)


@cache
def language_profiles() -> tuple[LanguageProfile, ...]:
    """Return the function-word profiles of the languages newslens recognises and refuses."""
    path = Path(__file__).resolve().parent / "resources" / "languages.tsv"
    rows = [line.split("\t") for line in path.read_text(encoding="utf-8").splitlines()
            if line and not line.startswith("#")]
    return tuple(LanguageProfile(code, name, frozenset(words.split()), frozenset(letters))
                 for code, name, words, letters, *_ in rows[1:])


def _script_language(text: str) -> str | None:
    """The language a text's script names, when most of its letters are in that script."""
    counts: Counter[str] = Counter()
    letters = 0
    for ch in text:
        if not ch.isalpha():
            continue
        letters += 1
        if ch.isascii():
            continue
        script = unicodedata.name(ch, "").split(" ", 1)[0]
        if script in _SCRIPTS:
            counts[_SCRIPTS[script]] += 1
    if not counts or letters == 0:
        return None
    language, count = counts.most_common(1)[0]
    if sum(counts.values()) / letters > 0.5:
        return language
    return None


def identify_language(text: str) -> tuple[str | None, float]:
    """Return ``(language, english_share)``: the other language ``text`` is positively
    identified as (None when it is English or cannot be told), and the share of its words
    that are common English function words.

    A text is another language when most of its letters are in a script that English does
    not use, or when its words are mostly the function words of one language of
    ``language_profiles()`` and not of English.
    """
    sample = text[:_SAMPLE]
    words = _WORD_RE.findall(sample.lower())
    english = sum(1 for w in words if w in _ENGLISH_WORDS) / max(1, len(words))
    by_script = _script_language(sample)
    if by_script is not None:
        return by_script, english
    if not words:
        return None, english
    best, best_share = None, 0.0
    for profile in language_profiles():
        hits = [w for w in words if profile.marks(w)]
        share = len(hits) / len(words)
        if share > best_share and len(set(hits)) >= _MIN_DISTINCT:
            best, best_share = profile.name, share
    if best is not None and best_share >= _MIN_SHARE and best_share > _OVER_ENGLISH * english:
        return best, english
    return None, english


def language_warning(text: str) -> str | None:
    """Return a warning for English text with little prose (a results table, a list of
    names, a dateline with a few words), which is analysed but may be read less well; None
    for ordinary prose. Text in another language is refused by ``validate_text`` instead."""
    return _prose_warning(*identify_language(text))


def _prose_warning(language: str | None, english: float) -> str | None:
    if language is None and english < _PROSE_SHARE:
        return (
            f"Only {english:.0%} of the words are common English words: the text looks like "
            "a table, a list or a few short items, and is analysed as English news, but "
            "names and dates in it may be read less well."
        )
    return None


def check_english(text: str, name: str, warnings: list[str] | None = None) -> None:
    """Refuse text positively identified as another language (``identify_language``); add a
    warning to ``warnings`` (when given) for English text with little prose."""
    language, english = identify_language(text)
    if language is not None:
        raise NewslensError(
            f"{name} looks like {language}, not English; newslens reads English news only."
        )
    if warnings is not None:
        warning = _prose_warning(language, english)
        if warning is not None:
            warnings.append(f"{name}: {warning}")
