"""The data newslens ships, and the small API the components and the dashboard read it with.

The files beside this module are plain TSV, written for newslens and meant to be reviewed
by a person: ``countries.tsv`` (ISO 3166 alpha-3 codes, names, abbreviations, demonyms,
capitals, seats of government), ``igos.tsv`` (international organisations with a short
key), ``regions.tsv`` and ``demonym_regions.tsv`` (places and peoples that are not one
country), ``organisations.tsv`` (militant groups, parties, agencies, media and companies
that news names as actors, with country and role), ``titles.tsv`` (titles and the role
they give), ``institutions.tsv`` (nouns
that make an organisation of a country: "foreign ministry", "embassy") and
``actors.tsv`` (a dated knowledge base of heads of state and government, foreign
ministers and a few other office holders, 2015-2026; further ``actors_*.tsv`` files with
the same columns are read too).

Everything is loaded lazily, once per process, on first use.

Public API (names are stable; other components import them):

- ``country_for_name(text) -> str | None``: the ISO-3 code for a country name or
  abbreviation ("U.S.", "the United States", "Britain"), a demonym ("Venezuelan",
  "Americans"), a capital ("Caracas") or a seat of government ("the Kremlin").
- ``place_lookup(text) -> Place | None``: the same with the kind of reference
  (``country``, ``demonym``, ``capital``, ``seat``, ``region``, ``people``); regions and
  peoples may have no country.
- ``country_name(iso3) -> str``: the display name ("USA" -> "United States"); the code
  itself when unknown.
- ``country_demonym(iso3) -> str | None``: the main adjective ("VEN" -> "Venezuelan").
- ``is_country_code(code) -> bool`` and ``country_codes() -> tuple[str, ...]``.
- ``igo_key(text) -> str | None``: the key of an international organisation ("the U.N."
  -> "un", "NATO" -> "nato"); ``igo_name(key) -> str`` its display name.
- ``actor_lookup(name, date=None) -> Actor | None``: a known office holder as
  ``Actor(canonical, country, role)``, a 3-tuple. ``name`` may be a full name or the short
  form news uses ("Maduro"), with or without accents, titles or a possessive. ``date``
  (``datetime.date`` or ISO string) picks who held office then; without a date the match
  must be unambiguous. A former holder out of office on that date still gives the country,
  with ``role`` None; someone who took office only after that date is never returned.
  Officials of an organisation have ``country`` None and a role prefixed with the
  organisation key, e.g. ``"un:secretary-general"``.
- ``organisation_lookup(text) -> Organisation | None``: a known non-state or national
  organisation as ``Organisation(canonical, country, role)`` ("Hamas" -> PSE, "armed
  group"; "Xinhua" -> CHN, "media").
- ``role_for_title(text) -> str | None``: "Secretary of State" -> "foreign minister".
- ``institution_role(text) -> str | None``: "foreign ministry" -> "foreign ministry".
- ``gazetteer() -> tuple[GazetteerEntry, ...]``: every surface form with its kind, key and
  spaCy label, for a ``PhraseMatcher``.
- ``read_word_lists(path) -> dict[str, dict[str, str]]``: a component's word-list file
  (``time_words.tsv``, ``event_words.tsv``): each list's entries in file order, with the
  value of the optional third column ("" if none).
"""

from __future__ import annotations

import csv
import datetime as dt
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path
from typing import NamedTuple

__all__ = [
    "Actor",
    "GazetteerEntry",
    "Organisation",
    "Place",
    "actor_lookup",
    "country_codes",
    "country_demonym",
    "country_for_name",
    "country_name",
    "gazetteer",
    "igo_key",
    "igo_name",
    "institution_role",
    "is_country_code",
    "normalize_name",
    "organisation_lookup",
    "place_lookup",
    "read_word_lists",
    "role_for_title",
    "title_roles",
]

DATA_DIR = Path(__file__).resolve().parent

# Roles in the order that decides which office a person is named for when they held two
# at once (Netanyahu was prime minister and foreign minister).
_ROLE_RANK = ("head of state", "head of government", "foreign minister")

_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "`": "'"})


class Actor(NamedTuple):
    """A known office holder: full name, ISO-3 country (None for an organisation), role."""

    canonical: str
    country: str | None
    role: str | None


class Organisation(NamedTuple):
    """A known non-state or national organisation: name, ISO-3 country (or None), role."""

    canonical: str
    country: str | None
    role: str | None


class Place(NamedTuple):
    """What a place or people name refers to: ISO-3 code (or None) and the kind of name."""

    country: str | None
    kind: str


@dataclass(frozen=True)
class GazetteerEntry:
    """One surface form for the matcher.

    ``kind`` is one of country, demonym, capital, seat, region, people, igo, org, actor;
    ``key`` is the ISO-3 code, the organisation key or the canonical name (may be None for
    regions and peoples); ``label`` is the spaCy entity label to give the match.
    """

    text: str
    kind: str
    key: str | None
    label: str


@dataclass(frozen=True)
class _Term:
    canonical: str
    country: str | None
    org: str | None
    role: str
    start: dt.date
    end: dt.date | None


@dataclass(frozen=True)
class _Data:
    names: dict[str, str]
    demonyms: dict[str, str]
    places: dict[str, Place]
    igos: dict[str, str]
    igo_names: dict[str, str]
    orgs: dict[str, Organisation]
    titles: dict[str, str]
    institutions: dict[str, str]
    actors: dict[str, tuple[_Term, ...]]
    entries: tuple[GazetteerEntry, ...]


def strip_accents(text: str) -> str:
    """Return ``text`` without combining accents ("Nicolás" -> "Nicolas")."""
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    # Letters such as "ı" or "ø" have no decomposition; map the common ones by hand.
    return stripped.translate(str.maketrans({"ı": "i", "ø": "o", "Ø": "O", "ł": "l", "Ł": "L",
                                             "đ": "d", "Đ": "D", "ß": "ss"}))


@lru_cache(maxsize=16384)
def normalize_name(text: str) -> str:
    """Return the lookup form of a name: no accents, straight apostrophes, single spaces,
    no leading "the" and no trailing possessive."""
    text = strip_accents(text.translate(_APOSTROPHES))
    text = " ".join(text.replace("\u00a0", " ").split())
    if text[:4] in ("the ", "The ", "THE "):
        text = text[4:]
    if text.endswith("'s") or text.endswith("'S"):
        text = text[:-2]
    elif text.endswith("'") and len(text) > 1:
        text = text[:-1]
    return text.strip()


def _rows(name: str) -> Iterator[dict[str, str]]:
    with open(DATA_DIR / name, encoding="utf-8", newline="") as handle:
        lines = (line for line in handle if line.strip() and not line.startswith("#"))
        yield from csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)


def _split(field: str | None) -> list[str]:
    return [part.strip() for part in (field or "").split("|") if part.strip()]


def _plural(demonym: str) -> str | None:
    # "Venezuelan" -> "Venezuelans"; "French", "Chinese", "Swiss" have no plural in -s.
    if demonym.endswith(("ese", "sh", "ch", "ss", "s", "z", "x")):
        return None
    return demonym + "s"


def _date(text: str) -> dt.date | None:
    return dt.date.fromisoformat(text) if text else None


def _variants(text: str) -> set[str]:
    """Surface forms to match for a name: as written and without accents."""
    return {text, strip_accents(text)}


# Reads every gazetteer table once into the cached _Data, one loop per resource file; the order of
# the loops is the order of the entries, and setdefault lets the first form win.
@cache
def _data() -> _Data:  # noqa: C901
    names: dict[str, str] = {}
    demonyms: dict[str, str] = {}
    places: dict[str, Place] = {}
    entries: list[GazetteerEntry] = []

    def add(surface: str, kind: str, key: str | None, label: str) -> None:
        # Spans leave out a leading article: in "the New Zealand flag" or "the U.S.
        # embassy" it belongs to the noun that follows the name.
        if surface[:4] in ("the ", "The "):
            surface = surface[4:]
        for form in _variants(surface):
            entries.append(GazetteerEntry(form, kind, key, label))

    for row in _rows("countries.tsv"):
        iso3 = row["iso3"]
        display = row["name"]
        names[iso3] = display
        for alias in [display, *_split(row["aliases"])]:
            places.setdefault(normalize_name(alias), Place(iso3, "country"))
            add(alias, "country", iso3, "GPE")
        if " " not in display:
            # Datelines: "SINGAPORE - ...".
            add(display.upper(), "country", iso3, "GPE")
        forms = _split(row["demonyms"])
        if forms:
            demonyms[iso3] = forms[0]
        for form in forms:
            for surface in filter(None, (form, _plural(form))):
                places.setdefault(normalize_name(surface), Place(iso3, "demonym"))
                add(surface, "demonym", iso3, "NORP")
        for capital in _split(row["capital"]):
            places.setdefault(normalize_name(capital), Place(iso3, "capital"))
            add(capital, "capital", iso3, "GPE")
            # Datelines write the city in capitals: "CARACAS - ...".
            add(capital.upper(), "capital", iso3, "GPE")
        for seat in _split(row["seats"]):
            places.setdefault(normalize_name(seat), Place(iso3, "seat"))
            add(seat, "seat", iso3, "ORG")

    for row in _rows("regions.tsv"):
        iso3 = row["iso3"] or None
        places.setdefault(normalize_name(row["name"]), Place(iso3, "region"))
        add(row["name"], "region", iso3, row["label"] or "LOC")
        if row["label"] == "GPE":
            add(row["name"].upper(), "region", iso3, "GPE")
    for row in _rows("demonym_regions.tsv"):
        places.setdefault(normalize_name(row["name"]), Place(None, "people"))
        add(row["name"], "people", None, "NORP")

    igos: dict[str, str] = {}
    igo_names: dict[str, str] = {}
    for row in _rows("igos.tsv"):
        igo_names[row["key"]] = row["name"]
        for alias in [row["name"], *_split(row["aliases"])]:
            igos.setdefault(normalize_name(alias), row["key"])
            add(alias, "igo", row["key"], "ORG")

    orgs: dict[str, Organisation] = {}
    for row in _rows("organisations.tsv"):
        org = Organisation(row["name"], row["country"] or None, row["role"] or None)
        for alias in [row["name"], *_split(row["aliases"])]:
            orgs.setdefault(normalize_name(alias), org)
            add(alias, "org", row["name"], "ORG")

    titles = {row["title"]: row["role"] for row in _rows("titles.tsv")}
    institutions = {row["noun"]: row["role"] for row in _rows("institutions.tsv")}

    actors: dict[str, list[_Term]] = {}
    # actors.tsv, plus any further actors_*.tsv list (same columns) placed beside it.
    actor_files = ["actors.tsv", *sorted(p.name for p in DATA_DIR.glob("actors_*.tsv"))]
    for row in (row for name in actor_files for row in _rows(name)):
        where = row["country"]
        is_org = where.islower()
        aliases = _split(row["aliases"]) or [row["name"].split()[-1]]
        term = _Term(
            canonical=row["name"],
            country=None if is_org else where,
            org=where if is_org else None,
            role=row["role"],
            start=_date(row["start"]) or dt.date.min,
            end=_date(row["end"]),
        )
        for alias in {row["name"], *aliases}:
            key = normalize_name(alias)
            if term not in actors.setdefault(key, []):
                actors[key].append(term)
            add(alias, "actor", row["name"], "PERSON")

    unique = tuple(dict.fromkeys(entries))
    return _Data(
        names=names,
        demonyms=demonyms,
        places=places,
        igos=igos,
        igo_names=igo_names,
        orgs=orgs,
        titles=titles,
        institutions=institutions,
        actors={k: tuple(v) for k, v in actors.items()},
        entries=unique,
    )


def place_lookup(text: str) -> Place | None:
    """Return what a place or people name refers to, or None.

    Args:
        text: a surface form such as "the U.S.", "Venezuelan", "Caracas" or "Latin America".

    Returns:
        ``Place(country, kind)``; ``country`` is None for regions and peoples of no country.
    """
    data = _data()
    key = normalize_name(text)
    found = data.places.get(key)
    if found is None and len(key) > 4:
        # Capitalised headlines ("VENEZUELA") and lower-case input; short forms stay
        # case-sensitive so the pronoun "us" never becomes the United States.
        found = _casefold_places().get(key.casefold())
    return found


@cache
def _casefold_places() -> dict[str, Place]:
    folded: dict[str, Place] = {}
    for key, place in _data().places.items():
        if len(key) > 4:
            folded.setdefault(key.casefold(), place)
    return folded


def country_for_name(text: str) -> str | None:
    """Return the ISO-3 code a country name, demonym, capital or seat stands for, or None."""
    found = place_lookup(text)
    return found.country if found else None


def country_name(iso3: str) -> str:
    """Return the display name for an ISO-3 code, or the code itself when unknown."""
    return _data().names.get(iso3, iso3)


def country_demonym(iso3: str) -> str | None:
    """Return the main demonym for an ISO-3 code ("VEN" -> "Venezuelan"), or None."""
    return _data().demonyms.get(iso3)


def is_country_code(code: str) -> bool:
    """Return True when ``code`` is an ISO-3 code newslens knows."""
    return code in _data().names


def country_codes() -> tuple[str, ...]:
    """Return every ISO-3 code newslens knows, sorted."""
    return tuple(sorted(_data().names))


def igo_key(text: str) -> str | None:
    """Return the key of the international organisation named ``text`` ("the U.N." -> "un")."""
    key = normalize_name(text)
    data = _data()
    return data.igos.get(key) or data.igos.get("the " + key)


#: Cities written for an organisation of states that sits there, not for their country
#: ("criticism from Brussels" is the European Union's).
IGO_SEATS = {"Brussels": "eu"}


def igo_seat(text: str) -> str | None:
    """Return the key of the organisation a city stands for ("Brussels" -> "eu"), or None."""
    return IGO_SEATS.get(text.strip())


def igo_named(text: str) -> str | None:
    """Return the key of the organisation a text names by name or by its seat city."""
    return igo_key(text) or igo_seat(text)


def organisation_lookup(text: str) -> Organisation | None:
    """Return a known organisation ("Hamas", "the Taliban", "Xinhua") or None."""
    return _data().orgs.get(normalize_name(text))


def igo_name(key: str) -> str:
    """Return the display name for an organisation key, or the key itself when unknown."""
    return _data().igo_names.get(key, key)


def title_roles() -> dict[str, str]:
    """Return every known title with its role (a copy)."""
    return dict(_data().titles)


def role_for_title(text: str) -> str | None:
    """Return the role a title gives ("Secretary of State" -> "foreign minister"), or None."""
    titles = _data().titles
    text = " ".join(text.split())
    return titles.get(text) or titles.get(text[:1].upper() + text[1:])


def institution_role(text: str) -> str | None:
    """Return the role of a state institution noun ("foreign ministry"), or None."""
    institutions = _data().institutions
    text = " ".join(text.split())
    return institutions.get(text) or institutions.get(text.lower())


def gazetteer() -> tuple[GazetteerEntry, ...]:
    """Return every surface form the entities component matches, without duplicates."""
    return _data().entries


def _as_date(value: dt.date | str | None) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


def _strip_title(name: str) -> str:
    titles = _data().titles
    words = name.split()
    # Drop leading titles and honorifics ("President", "Sheikh", "Mr") one word at a time,
    # keeping at least one word.
    honorifics = {"Mr", "Mr.", "Mrs", "Mrs.", "Ms", "Ms.", "Dr", "Dr.", "Sheikh", "Prince",
                  "Ayatollah", "Sayyid", "Sir", "Dame", "Lord"}
    while len(words) > 1 and (words[0] in titles or words[0] in honorifics):
        words = words[1:]
    return " ".join(words)


def _initial(word: str) -> bool:
    return len(word) == 2 and word[0].isupper() and word[1] == "."


def _term_role(term: _Term) -> str:
    return f"{term.org}:{term.role}" if term.org else term.role


def _rank(term: _Term) -> int:
    return _ROLE_RANK.index(term.role) if term.role in _ROLE_RANK else len(_ROLE_RANK)


def actor_lookup(name: str, date: dt.date | str | None = None) -> Actor | None:
    """Return the office holder a name refers to, or None.

    Args:
        name: "Nicolás Maduro", "Maduro", "Maduro's", "President Maduro", ...
        date: the article's date; picks the holder in office then. Without one the name
            must point to one person and one country.

    Returns:
        ``Actor(canonical, country, role)``, or None when unknown or ambiguous.
    """
    actors = _data().actors
    key = normalize_name(name)
    terms = actors.get(key)
    if not terms:
        key = normalize_name(_strip_title(key))
        terms = actors.get(key)
    if not terms:
        # "John R. Bolton" is "John Bolton".
        words = key.split()
        plain = " ".join(w for i, w in enumerate(words)
                         if i in (0, len(words) - 1) or not _initial(w))
        terms = actors.get(plain) if plain != key else None
    if not terms:
        return None
    when = _as_date(date)
    if when is not None:
        current = [t for t in terms if t.start <= when and (t.end is None or when <= t.end)]
        if current:
            people = {t.canonical for t in current}
            if len(people) > 1:
                return None
            best = min(current, key=_rank)
            return Actor(best.canonical, best.country, _term_role(best))
        # Out of office on that date: a former leader keeps their country but not the role;
        # a later holder of the name is someone else ("Kim" in 2000 is not Kim Jong Un).
        return _unambiguous([t for t in terms if t.start <= when], with_role=False)
    return _unambiguous(list(terms), with_role=True)


def _unambiguous(terms: list[_Term], *, with_role: bool) -> Actor | None:
    if not terms:
        return None
    people = {t.canonical for t in terms}
    places = {(t.country, t.org) for t in terms}
    if len(people) != 1 or len(places) != 1:
        return None
    term = min(terms, key=_rank)
    roles = {_term_role(t) for t in terms}
    role = roles.pop() if with_role and len(roles) == 1 else None
    return Actor(term.canonical, term.country, role)


_WORD_LIST_HEADER = ("list", "entry", "value")


def read_word_lists(path: Path) -> dict[str, dict[str, str]]:
    """Read a word-list file of the components (``time_words.tsv``, ``event_words.tsv``).

    Args:
        path: a tab-separated file of ``list``, ``entry`` and optional ``value`` rows;
            blank lines, lines starting with ``#`` and the header row are skipped.

    Returns:
        Each list's name and its entries in file order, each with its value ("" if none).

    Raises:
        ValueError: a row without a list name or an entry, or an entry listed twice.
    """
    lists: dict[str, dict[str, str]] = {}
    lines = Path(path).read_text(encoding="utf-8").splitlines()
    for number, line in enumerate(lines, start=1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t")
        if tuple(cells) == _WORD_LIST_HEADER:
            continue
        if len(cells) not in (2, 3) or not all(cells[:2]):
            raise ValueError(f"{path}:{number}: expected 'list<TAB>entry[<TAB>value]', "
                             f"got {line!r}")
        entries = lists.setdefault(cells[0], {})
        if cells[1] in entries:
            raise ValueError(f"{path}:{number}: {cells[1]!r} is listed twice in {cells[0]}")
        entries[cells[1]] = cells[2] if len(cells) == 3 else ""
    return lists
