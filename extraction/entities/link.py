"""The country, role, label and canonical name of every group.

For people and organisations the country and role written next to a mention win
(``context.mention_context``); otherwise the knowledge base entry for the article's date is
used. Officials of an organisation get a role such as ``un:secretary-general``. Parties are
organisations (role "party"), militant groups get the role "armed group" (never a state
holder), seas and disputed areas no country. Known cities become places
(``city_readings``) and, last, entities pass countries to one another (``article_ties``).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from spacy.tokens import Doc

from ..resources import (
    Actor,
    actor_lookup,
    country_demonym,
    country_name,
    igo_name,
    institution_role,
    organisation_lookup,
)
from . import ties
from .article_ties import acronym_ties, home_ties, lead_ties, via_ties
from .city_readings import city_readings
from .context import mention_context
from .mentions import Candidate, Group, is_acronym, longest_text, text_of
from .merge import decide_label
from .words import LANDFORMS, PERSON_ROLES


def assign_country_and_role(
    doc: Doc,
    groups: Sequence[Group],
    titles: Sequence[tuple[int, int, str]],
    published: str | None,
) -> None:
    """Fill ``country``, ``role``, ``label`` and ``canonical`` of every group in place.

    Args:
        doc: the document.
        groups: from ``group_mentions``.
        titles: from ``title_spans``.
        published: the article's ISO date or None.
    """
    at, group_of = _mention_index(groups)
    title_end = {t[1]: t for t in titles}
    title_start = {t[0]: t for t in titles}
    city_readings(doc, groups, title_end, published)
    vias: list[tuple[Group, Group]] = []
    for group in groups:
        kind = group.key[0]
        party = _relabel_name(doc, group, title_end)
        group.label = decide_label(group)
        if not _fill_known(doc, group):
            via = _person_or_org(doc, group, at, title_end, title_start, published)
            if via is not None and id(via) in group_of:
                vias.append((group, group_of[id(via)]))
        if kind == "name" and group.label == "ORG" and group.role is None:
            if party:
                group.role = "party"
            elif ties.armed_group_name(group.canonical):
                # "Islamic State of Iraq": a group, not the state its name holds; the role
                # makes the stance layer read it as rebels, never as the government.
                group.role = "armed group"
        if group.label not in ("PERSON", "ORG"):
            group.role = group.role if kind == "seat" else None
        for m in group.mentions:
            m.label = group.label
    acronym_ties(doc, groups)
    # "Merkel's spokesperson, Steffen Seibert" is from Merkel's country.
    via_ties(vias)
    linked = {id(group) for group, _ in vias}
    lead_ties(doc, groups, linked)
    home_ties(doc, groups, linked)
    via_ties(vias)


def _mention_index(groups: Sequence[Group]) -> tuple[dict[int, Candidate], dict[int, Group]]:
    """The mention at each token (the last group's where mentions overlap) and, by the id of
    each mention, its group."""
    at: dict[int, Candidate] = {}
    group_of: dict[int, Group] = {}
    for group in groups:
        for m in group.mentions:
            group_of[id(m)] = group
            for i in range(m.start, m.end):
                at[i] = m
    return at, group_of


def _relabel_name(doc: Doc, group: Group, title_end: dict[int, tuple[int, int, str]]) -> bool:
    """Label the mentions of a name group as its title or its name says, in place; True
    when the name is a political party's."""
    kind, key = group.key
    if kind != "name":
        return False
    if not is_acronym(key) and any(
            title_end.get(m.start, (0, 0, ""))[2] in PERSON_ROLES for m in group.mentions):
        # "President Patrice Talon" is a person whatever the model called him.
        for m in group.mentions:
            m.label = "PERSON"
    party = _is_party(doc, group)
    if party or ties.movement_name(key.split()):
        # "Civic Union", "the Thai Future Party", "the Green Movement": a party or a
        # movement is no person.
        for m in group.mentions:
            m.label = "ORG"
    return party


def _fill_known(doc: Doc, group: Group) -> bool:
    """Country, canonical name and role of a group of a gazetteer kind (a country, demonym,
    organisation or place), in place; False for people and other names."""
    kind, key = group.key
    first = group.mentions[0]
    if kind == "country":
        group.country, group.canonical = key, country_name(key)
    elif kind == "demonym":
        group.country = key
        group.canonical = country_demonym(key) or text_of(doc, first)
    elif kind == "igo":
        group.canonical = igo_name(key)
    elif kind == "org":
        org = organisation_lookup(key)
        group.canonical = key
        group.country, group.role = (org.country, org.role) if org else (None, None)
    elif kind in ("capital", "seat", "region", "city"):
        group.country = first.key
        group.canonical = longest_text(doc, group.mentions)
        if kind == "seat":
            group.role = institution_role(group.canonical) or "government"
    else:
        return False
    return True


def _is_party(doc: Doc, group: Group) -> bool:
    """A political party: "Party" in its name, or the noun "party" written right before or
    after it ("his party Civic Union", "the Civic Union party")."""
    if ties.party_name(group.key[1].split()):
        return True
    for m in group.mentions:
        before = doc[m.start - 1] if m.start > 0 else None
        after = doc[m.end] if m.end < len(doc) else None
        if before is not None and before.lower_ == "party" and before.is_lower or \
                after is not None and after.text == "party":
            return True
    return False


# _person_or_org and _written take the same arguments; they decide different things.
def _person_or_org(
    doc: Doc,
    group: Group,
    at: dict[int, Candidate],
    title_end: dict[int, tuple[int, int, str]],
    title_start: dict[int, tuple[int, int, str]],
    published: str | None,
) -> Candidate | None:
    """Country, role and canonical name of a person or organisation; returns the mention
    of another entity this one belongs to, if the text says so."""
    countries, role, title, via = _written(doc, group, at, title_end, title_start)
    if group.label == "ORG" and role is None:
        role = _org_role(doc, group)
    longest = longest_text(doc, group.mentions)
    actor = group.actor
    if actor is None and group.label == "PERSON":
        actor = actor_lookup(longest, published)
    igo = None
    if countries:
        best = countries.most_common(1)[0][0]
        if best.startswith("igo:"):
            igo = best[4:]
            # A head of state chairing an organisation keeps their country.
            group.country = actor.country if actor is not None else None
        else:
            group.country = best
    elif actor is not None:
        group.country = actor.country
    group.role = _role(role, title, igo, via, actor, group.country)
    if actor is not None and len(longest.split()) < 2:
        group.canonical = actor.canonical
    else:
        group.canonical = longest
    return via


# Same parameters as _person_or_org above; a different decision over them.
def _written(
    doc: Doc,
    group: Group,
    at: dict[int, Candidate],
    title_end: dict[int, tuple[int, int, str]],
    title_start: dict[int, tuple[int, int, str]],
) -> tuple[Counter[str], str | None, str | None, Candidate | None]:
    """What the text writes around a person's or organisation's mentions: the countries
    named (with how often), the first title's role and words, and the mention of an entity
    it belongs to. A title only a person holds makes a name group a person, in place."""
    countries: Counter[str] = Counter()
    role: str | None = None
    title: str | None = None
    via: Candidate | None = None
    for m in group.mentions:
        if group.label in ("PERSON", "ORG"):
            found = mention_context(doc, m, at, title_end, title_start)
            if found.country:
                countries[found.country] += 1
            if role is None and found.role:
                role, title = found.role, found.title
                if group.key[0] == "name" and role in PERSON_ROLES \
                        and group.label != "PERSON" and not is_acronym(group.key[1]):
                    # "UN Ambassador Nikki Haley" is a person whatever the model said.
                    group.label = "PERSON"
            via = via or found.via
        if group.label == "LOC" and any(t.lower_ in LANDFORMS for t in doc[m.start:m.end]):
            # "South China Sea", "Gulf of Mexico": a sea or a range named after a country
            # is not that country's (and a disputed one is no single country's); "Western
            # Cambodia" is.
            continue
        for inner in m.inner:
            countries[inner] += 1
    return countries, role, title, via


def _role(role: str | None, title: str | None, igo: str | None, via: Candidate | None,
          actor: Actor | None, country: str | None) -> str | None:
    """The role of a person or organisation from its title's ``role`` and words
    (``title``), the international organisation named with it (``igo``), the entity it
    belongs to (``via``), its knowledge-base entry and the country it was given."""
    if igo is not None:
        if role in ("head of state", "head of government", "minister",
                    "head of organisation") and title:
            # In an organisation a "President" heads no state: keep the title's own words.
            role = title
        if role:
            role = f"{igo}:{role}"
        elif actor is not None and (actor.role or "").startswith(igo + ":"):
            role = actor.role
        else:
            role = igo
    elif role in ("head of state", "head of government") and title and (
            via is not None and via.kind != "actor" or country is None and actor is None):
        # "Export-Import Bank president Okey Oramah": a president, but of no state.
        role = title
    if actor is not None and role and (actor.role or "").endswith(":" + role):
        # "the Director-General" of the knowledge base's "who:director-general".
        role = actor.role
    return role or (actor.role if actor is not None else None)


def _org_role(doc: Doc, group: Group) -> str | None:
    for m in group.mentions:
        words = [t.text for t in doc[m.start:m.end]]
        for n in (3, 2, 1):
            if len(words) >= n:
                role = institution_role(" ".join(words[-n:]))
                if role:
                    return role
    return None
