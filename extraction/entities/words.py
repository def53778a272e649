"""The word lists of the entities component, read once from a reviewable resource file.

``extraction/resources/entity_words.tsv`` holds one row per entry (``list<TAB>entry``) with
a comment above each list saying what it is for. ``load_words`` reads such a file; the
constants below are the package's own file, read when this module is first imported.
Lists of spelling rather than vocabulary (articles, possessive endings) stay in code.
"""

from __future__ import annotations

from pathlib import Path

from ..resources import DATA_DIR

#: The file the word lists live in, and its name inside a saved pipeline.
WORDS_FILE = "entity_words.tsv"
WORDS_PATH = DATA_DIR / WORDS_FILE


def load_words(path: Path = WORDS_PATH) -> dict[str, tuple[str, ...]]:
    """Read a word-list file.

    Args:
        path: a tab-separated file of ``list`` and ``entry`` rows; blank lines and lines
            starting with ``#`` are skipped, and so is the header row.

    Returns:
        Each list's name and its entries in file order.

    Raises:
        ValueError: a row without a tab or without an entry.
    """
    lists: dict[str, list[str]] = {}
    with open(path, encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            line = line.rstrip("\n")
            if not line.strip() or line.startswith("#"):
                continue
            name, tab, entry = line.partition("\t")
            if not tab or not name or not entry:
                raise ValueError(f"{path}:{number}: expected 'list<TAB>entry', got {line!r}")
            if (name, entry) != ("list", "entry"):
                lists.setdefault(name, []).append(entry)
    return {name: tuple(entries) for name, entries in lists.items()}


_LISTS = load_words()


def _words(name: str) -> frozenset[str]:
    if name not in _LISTS:
        raise ValueError(f"{WORDS_PATH} has no list {name!r}")
    return frozenset(_LISTS[name])


# One named word list a line, read from the word-list file: a table of names, alike by design.
LOCATIVE = _words("locative")
HONORIFICS = _words("honorifics")
CLOCK_WORDS = _words("clock_words")
TITLE_FILLERS = _words("title_fillers")
# Phrases, tried in file order.
INSTITUTION_NOUNS = tuple(tuple(phrase.split()) for phrase in _LISTS["institution_nouns"])
ORG_HEADS = _words("org_heads")
DOCUMENT_HEADS = _words("document_heads")
CALENDAR_WORDS = _words("calendar_words")
NAME_PARTICLES = _words("name_particles")
DETERMINERS = _words("determiners")
POSTING = _words("posting")
OFFICE_NOUNS = _words("office_nouns")
NAME_JOINERS = _words("name_joiners")
PERSON_ROLES = _words("person_roles")
SPEECH_VERBS = _words("speech_verbs")
PERSON_NOUNS = _words("person_nouns")
PLACE_PREPS = _words("place_preps")
PLACE_NOUNS = _words("place_nouns")
HOME_ROLES = _words("home_roles")
SPEAKING_VERBS = _words("speaking_verbs")
LANDFORMS = _words("landforms")
CORPORATE_SUFFIXES = _words("corporate_suffixes")
# Used by ``ties``: classes of organisation names and the words initials skip.
INSTITUTION_WORDS = _words("institution_words")
INITIALS_SKIPPED = _words("initials_skipped")
ARMED_WORDS = _words("armed_words")
ARMED_OPENINGS = tuple(tuple(phrase.split()) for phrase in _LISTS["armed_openings"])
MOVEMENT_WORDS = _words("movement_words")
