"""Countries from the article as a whole, and names that are groups rather than states.

Pure functions over words and counts; the other modules of ``extraction.entities`` call them.

- ``home_country``: the country a story is set in, from how often its place names are
  written ("Warsaw", "Polish", "Poland" ...). News names its own country's offices without
  the country ("Health Minister X", "the Coast Guard", "Prosecutor Y"): a reader ties them
  to the story's country, and so does newslens, but only when one country clearly
  dominates the place names.
- ``national_institution``: names of offices and bodies a state has ("Interior Ministry",
  "National Police", "Senate", "Electoral Commission").
- ``acronym_of``: the initials of a name ("National Telecommunications Commission" ->
  "NTC"), so an acronym shares its expansion's country.
- ``armed_group_name``, ``party_name`` and ``movement_name``: classes of organisation
  names. A group whose name holds a country ("Islamic State of Iraq", "Taliban in
  Afghanistan") is not that state: it gets the role "armed group", which the stance layer
  reads as a non-state sector. Parties and movements are organisations, never people.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from .words import (
    ARMED_OPENINGS,
    ARMED_WORDS,
    INITIALS_SKIPPED,
    INSTITUTION_WORDS,
    MOVEMENT_WORDS,
)

# A country is the story's own when it has at least this share of the place mentions and
# at least HOME_MIN of them; people and bodies with no other clue then take it. Chosen on
# benchmarks/devgold_ties (development, in-sample).
HOME_SHARE = 0.5
HOME_MIN = 2
# People with no title and organisations with no institution word take the story's country
# only when it dominates more clearly still.
HOME_SHARE_UNTITLED = 0.6

# A name with one of these words is a political party's. The longer word lists are in
# resources/entity_words.tsv (``words``).
PARTY_WORDS = frozenset({"party", "parties"})


def home_country(counts: Counter[str], *, share: float = HOME_SHARE,
                 minimum: int = HOME_MIN) -> str | None:
    """Return the country a story is set in, or None when no country dominates.

    Args:
        counts: mentions of places per ISO-3 code (countries, demonyms, capitals, regions).
        share: the least share of all place mentions the country must have.
        minimum: the least number of its mentions.
    """
    if not counts:
        return None
    (best, top), *rest = counts.most_common(2)
    total = sum(counts.values())
    if top < minimum or top < share * total:
        return None
    if rest and rest[0][1] == top:
        return None
    return best


def _words(name: str | Sequence[str]) -> list[str]:
    return name.split() if isinstance(name, str) else list(name)


def national_institution(name: str | Sequence[str]) -> bool:
    """True for the name of a state body ("Interior Ministry", "National Police")."""
    return any(w.lower().strip("'\u2019s") in INSTITUTION_WORDS or w.lower() in
               INSTITUTION_WORDS for w in _words(name))


def acronym_of(name: str | Sequence[str]) -> str | None:
    """Return the initials of a name of three or more words ("Movement for Democratic
    Change" -> "MDC"); None for shorter names or names with lower-case words other than
    function words."""
    initials = []
    for word in _words(name):
        if word.lower() in INITIALS_SKIPPED:
            continue
        if not word[:1].isupper():
            return None
        initials.append(word[0])
    return "".join(initials) if len(initials) >= 2 else None


def armed_group_name(name: str | Sequence[str]) -> bool:
    """True for the name of a militant group ("Islamic State of Iraq", "Al-Aqsa Martyrs
    Brigades", "Moro Islamic Liberation Front")."""
    words = [w.lower() for w in _words(name)]
    if any(w in ARMED_WORDS for w in words):
        return True
    pairs = set(zip(words, words[1:], strict=False))
    return any(pair in pairs for pair in ARMED_OPENINGS)


def party_name(name: str | Sequence[str]) -> bool:
    """True for the name of a political party ("Thai Future Party")."""
    return any(w.lower() in PARTY_WORDS for w in _words(name))


def movement_name(name: str | Sequence[str]) -> bool:
    """True for a name of two or more words that names a party, movement or group ("the
    Green Movement", "National Front"), which no person's name is."""
    words = [w.lower() for w in _words(name)]
    return len(words) > 1 and any(w in MOVEMENT_WORDS for w in words)
