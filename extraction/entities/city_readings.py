"""Known cities read as places (``extraction.entities.gazetteer``: GeoNames cities).

A person or organisation the model made of a city ("Avdiivka fell", "officials in
Peshawar") becomes a place unless the text marks a person, and a city gets its country when
the name is clear.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Doc

from ..resources import actor_lookup, is_country_code, normalize_name
from . import gazetteer as cities
from . import ties
from .mentions import Candidate, Group, person_parts, text_of
from .merge import decide_label
from .words import HONORIFICS, PERSON_NOUNS, PLACE_NOUNS, PLACE_PREPS, SPEECH_VERBS


def city_readings(
    doc: Doc,
    groups: Sequence[Group],
    title_end: dict[int, tuple[int, int, str]],
    published: str | None,
) -> None:
    """Make known cities places (``extraction.entities.gazetteer``), in place.

    A name group whose every mention is a known city's name becomes a place (GPE, group
    kind "city") tied to the city's country when the name is clear (one country has a city
    of that name, or the story's own country is among them), else to no country: places the
    model called places, and people and organisations the model made of cities ("Avdiivka
    fell", "officials in Peshawar"). A person stays a person when the knowledge base knows
    the name, when it is a part of another person's full name in the article ("Ana
    Santos ... Santos"), or when the words around any mention mark a person
    (``_person_sign``: "Mr Hamilton", "Santos said", "his wife Mary"); an organisation or
    a location becomes a city only where most of its mentions are written as places
    (``_place_sign``: "in Peshawar", "Dnipro residents", "the mayor of Gdansk"). On
    Wikinews and GUM development articles most errors left are given names the text marks
    in no way ("Gloria" for a child named in a caption).

    Args:
        doc: the document.
        groups: from ``group_mentions``; changed in place.
        title_end: titles by the token they end before.
        published: the article's ISO date or None, for the knowledge base.
    """
    candidates = [g for g in groups if g.key[0] == "name" and g.actor is None]
    if not candidates:
        return
    marks = _Marks.of(doc, groups)
    home = marks.home
    place_at = marks.place_at
    for group in candidates:
        label = decide_label(group)
        if label not in ("PERSON", "ORG", "LOC", "GPE"):
            continue
        texts = {normalize_name(text_of(doc, m)) for m in group.mentions}
        if any(cities.city_countries(text) is None for text in texts):
            continue
        if label != "GPE" and _kept_as_named(doc, group, label, texts, marks, title_end,
                                             published):
            continue
        # "Goa, India", "Izmir, Turkey": the country written after the name wins.
        written = {place_at.get(m.end + 1) for m in group.mentions
                   if m.end + 1 < len(doc) and doc[m.end].text == ","} - {None}
        if label != "GPE" and home is not None and not written and not any(
                home in (cities.city_countries(text) or ()) for text in texts):
            # A name the model took for a person or an organisation, in a story set in a
            # country that has no city of that name ("Saba", a news agency in a story from
            # Yemen, is also a town in Honduras), is left as the model read it.
            continue
        countries = written or {cities.city_country(text, home) for text in texts}
        country = countries.pop() if len(countries) == 1 else None
        group.key = ("city", group.key[1])
        for m in group.mentions:
            m.label, m.kind, m.key = "GPE", "city", country


@dataclass
class _Marks:
    """What the other mentions of an article say about city names.

    ``words_of``: the groups whose person names hold a (normalised) word; ``city_at``: the
    first token of every PERSON mention and whether it is a city name; ``place_at``: the
    first token of every mention of a country, capital or region and its country;
    ``home``: the country the story is set in, if one dominates (``ties.home_country``).
    """

    words_of: dict[str, set[int]]
    city_at: dict[int, bool]
    place_at: dict[int, str | None]
    home: str | None

    # Fills the marks in two passes over the groups' mentions (names and first tokens, then the
    # place counts for the home country); each mark is one dictionary of the same pass.
    @classmethod
    def of(cls, doc: Doc, groups: Sequence[Group]) -> _Marks:  # noqa: C901
        words_of: dict[str, set[int]] = {}
        city_at: dict[int, bool] = {}
        place_at: dict[int, str | None] = {}
        for group in groups:
            for m in group.mentions:
                if m.label == "PERSON" or group.actor is not None:
                    for word in person_parts(doc, m):
                        words_of.setdefault(normalize_name(word), set()).add(id(group))
                if m.label == "PERSON":
                    city_at[m.start] = cities.city_countries(text_of(doc, m)) is not None
                elif group.key[0] in ("country", "capital", "region"):
                    place_at[m.start] = m.key
        places: Counter[str] = Counter()
        for group in groups:
            if group.key[0] in ("country", "demonym", "capital", "seat", "region"):
                for m in group.mentions:
                    if m.key and is_country_code(m.key):
                        places[m.key] += 1
        return cls(words_of, city_at, place_at, ties.home_country(places))


def _kept_as_named(
    doc: Doc,
    group: Group,
    label: str,
    texts: set[str],
    marks: _Marks,
    title_end: dict[int, tuple[int, int, str]],
    published: str | None,
) -> bool:
    """True when a person, organisation or location named like a city stays what the model
    read: a word that is no proper noun, part of another person's name, a person marked by
    the words around it, an organisation or location seldom written as a place, or a person
    the knowledge base knows."""
    if doc.has_annotation("TAG") and any(t.pos_ != "PROPN" for m in group.mentions
                                         for t in doc[m.start:m.end]):
        # "Will you Shut up": a capitalised word, not a name.
        return True
    if any(marks.words_of.get(word, set()) - {id(group)} for text in texts
           for word in text.split()):
        return True
    if any(_person_sign(doc, m, title_end, marks.city_at) for m in group.mentions):
        return True
    signs = sum(_place_sign(doc, m, marks.place_at) for m in group.mentions)
    if label in ("ORG", "LOC") and 2 * signs < len(group.mentions):
        # Organisations and other locations named like cities ("Time", "Jupiter")
        # are cities only where most mentions are written as places.
        return True
    return any(actor_lookup(text, published) is not None for text in texts)


def _person_sign(doc: Doc, mention: Candidate, title_end: dict[int, tuple[int, int, str]],
                 city_at: dict[int, bool]) -> bool:
    """True when the words around a mention say it names a person or a thing, not a city:
    an honorific, a title or a person noun before it ("Mr Hamilton", "Governor Santos",
    "his wife Mary", "the child, Gloria"), a subject of a verb of saying ("Santos said"),
    a name coordinated with a person's that is not a city ("Elizabeth and Susan"), a
    capitalised word after it ("Mahan Air"), or "the" before a single word ("the North").
    ``city_at`` maps the first token of every PERSON mention to whether it is a city name."""
    before = doc[mention.start - 1] if mention.start > 0 else None
    after = doc[mention.end] if mention.end < len(doc) else None
    if before is not None and (before.text in HONORIFICS or before.lower_ in PERSON_NOUNS):
        return True
    if mention.start in title_end:
        return True
    if before is not None and before.text == "," and mention.start > 1 \
            and doc[mention.start - 2].lower_ in PERSON_NOUNS:
        return True
    if after is not None and after.is_title and after.is_alpha and not after.is_sent_start:
        return True
    if before is not None and before.lower_ == "the" and mention.end - mention.start == 1 \
            and not (after is not None and after.lower_ in PLACE_NOUNS):
        return True
    for token in doc[mention.start:mention.end]:
        if token.dep_ in ("nsubj", "nsubjpass") and token.head.lemma_.lower() in SPEECH_VERBS:
            return True
        if token.dep_ in ("appos", "compound") and token.head.lower_ in PERSON_NOUNS:
            return True
        related = [token.head] if token.dep_ == "conj" else []
        related += [c for c in token.children if c.dep_ == "conj"]
        if any(city_at.get(t.i) is False for t in related):
            return True
    return False


def _place_sign(doc: Doc, mention: Candidate, place_at: dict[int, str | None]) -> bool:
    """True when the words around a mention say it names a place ("officials in Peshawar",
    "Dnipro residents", "the mayor of Gdansk", "Izmir, Turkey"). ``place_at`` maps the
    first token of every mention of a country, capital or region to its country."""
    before = doc[mention.start - 1] if mention.start > 0 else None
    after = doc[mention.end] if mention.end < len(doc) else None
    if before is not None and before.lower_ in PLACE_PREPS and not (
            mention.start > 1 and doc[mention.start - 2].lower_ in ("according", "due")):
        # "according to Saba" names a source, not a place.
        return True
    if after is not None and after.lower_ in PLACE_NOUNS:
        return True
    if before is not None and before.lower_ == "of" and mention.start > 1 \
            and doc[mention.start - 2].lower_ in PLACE_NOUNS:
        return True
    return after is not None and after.text == "," and mention.end + 1 in place_at
