"""Countries and roles that entities pass to one another across the article.

An acronym shares its expansion's country ("National Telecommunications Commission
(NTC)"), a person someone else's when the text writes them as that one's ("Merkel's
spokesperson, Steffen Seibert"), a surname a tied relative's, officials and state bodies
with no country written take the country of the sentence that leads them in ("Romania
said it would help. 'We will,' Energy Minister X said."), and otherwise ("Health Minister
X", "the Coast Guard") the country the story is set in when one country has most of its
place mentions (``ties.home_country``), else the dateline's city's. A sentence that opens on
a capital ("In Rabat, government spokesman X said") gives its officials that capital's
country, as does the capital a titled official speaks in ("told reporters in Tokyo"); one
that opens on an international body ("At the United Nations, spokesman X said") makes them
that body's.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from itertools import islice

from spacy.tokens import Doc, Token

from .. import resources
from ..resources import igo_name, role_for_title
from . import ties
from .mentions import ARTICLES, Candidate, Group, describes, is_acronym, longest_text
from .words import HOME_ROLES, SPEAKING_VERBS


def acronym_ties(doc: Doc, groups: Sequence[Group]) -> None:
    """An acronym and its expansion in the article ("National Telecommunications Commission
    (NTC)") share a country and role: whichever has them gives them to the other."""
    by_initials = _by_initials(doc, groups)
    if not by_initials:
        return
    for group in groups:
        if group.label != "ORG" or group.key[0] != "name" or not is_acronym(group.key[1]):
            continue
        full = by_initials.get(group.canonical.replace(".", "").replace("-", ""))
        if full is None or full is group:  # identity: groups
            continue
        for one, other in ((group, full), (full, group)):
            if one.country is None and other.country:
                one.country = other.country
            if one.role is None and other.role:
                one.role = other.role


def _by_initials(doc: Doc, groups: Sequence[Group]) -> dict[str, Group]:
    """Named organisations by the initials of their longest name (``ties.acronym_of``), the
    first one for each."""
    by_initials: dict[str, Group] = {}
    for group in groups:
        if group.label == "ORG" and group.key[0] in ("name", "org"):
            initials = ties.acronym_of(longest_text(doc, group.mentions))
            if initials and initials not in by_initials:
                by_initials[initials] = group
    return by_initials


def via_ties(vias: Sequence[tuple[Group, Group]]) -> None:
    for group, owner in vias:
        if group.country is None and owner is not group and owner.country:  # identity: groups
            group.country = owner.country


# Kinds of name groups that are a country's place names (their group country is the state).
PLACE_KINDS = ("country", "demonym", "capital", "seat")
# Parts of a subject that describe it rather than name who it is ("Iran, which borders both
# countries,"; "Romania, an EU member").
ASIDES = frozenset({"appos", "relcl", "acl", "advcl", "parataxis"})


def lead_ties(doc: Doc, groups: Sequence[Group], linked: set[int]) -> None:
    """An official or a state body the text gives no country, first named right after a
    sentence of the same paragraph whose subject names one country, is that country's.
    Wire copy names a country, then lets its officials speak: "Neighbouring Romania said it
    would supply electricity. 'We will not leave them in the dark,' Energy Minister X
    said." Asides of the subject do not count ("Iran, which borders both countries, was
    guarded"); a subject naming two countries leads in neither. A "President" or "Prime
    Minister" so tied heads that state. People the text writes as someone's or something's
    (``linked``: "Acme Bank president X") are left to that owner."""
    if not doc.has_annotation("DEP"):
        return
    country_at = {i: group.country for group in groups
                  if group.key[0] in PLACE_KINDS and group.country
                  and not group.country.startswith("igo:")
                  for m in group.mentions for i in range(m.start, m.end)}
    if not country_at:
        return
    for group in groups:
        if group.country is not None or group.key[0] != "name" or not group.mentions \
                or group.label not in ("PERSON", "ORG") or igo_role(group.role):
            continue
        first = min(group.mentions, key=lambda m: m.start)
        if _body_official(doc, group):
            continue
        if group.label == "PERSON" and group.role and (
                spoken := _speaking_place(doc, first.end - 1, country_at)):
            # "Chief Cabinet Secretary X told reporters in Tokyo": a titled official speaks
            # for the state of the capital they speak in, even one written as a body's.
            group.country = spoken
            continue
        if id(group) in linked:
            continue
        head = _head_title(group)
        if group.role in HOME_ROLES or head is not None or \
                group.label == "ORG" and ties.national_institution(group.canonical):
            group.country = _opening_place(doc, first.start, country_at) or \
                _lead_country(doc, first.start, country_at)
            if group.country and head:
                group.role = head


def _head_title(group: Group) -> str | None:
    """"head of state" or "head of government" for a person whose role is still the bare
    title of one ("president", "prime minister": no country was written with it)."""
    if group.label != "PERSON" or not group.role:
        return None
    head = role_for_title(group.role.title())
    return head if head in ("head of state", "head of government") else None


def _opening_phrase(doc: Doc, i: int, openers: tuple[str, ...], within: int
                    ) -> list[Token] | None:
    """The words between a preposition that opens token ``i``'s sentence (one of
    ``openers``) and a comma among its first ``within`` words, when token ``i`` comes after
    that comma: "In Rabat, government spokesman X said", "At the United Nations, ...". Only
    the opening words are read, so a name in a long sentence costs the same."""
    words = list(islice((t for t in doc[i].sent if not t.is_space), within))
    if len(words) < 4 or words[0].lower_ not in openers:
        return None
    comma = next((n for n, t in enumerate(words) if t.text == ","), None)
    if comma is None or comma < 2 or words[comma].i >= i:
        return None
    return words[1:comma]


def _opening_place(doc: Doc, i: int, country_at: dict[int, str]) -> str | None:
    """The country of the place that opens token ``i``'s sentence before a comma, when the
    official comes after it: wire copy moves to a capital to let its officials speak ("In
    Rabat, government spokesman X said ..."). Not a seat of an international organisation
    ("In Brussels, ..." may be the EU's)."""
    place = _opening_phrase(doc, i, ("in",), 6)
    if place is None:
        return None
    found = {country_at.get(t.i) for t in place}
    if len(found) != 1 or None in found or resources.igo_seat(
            doc[place[0].i:place[-1].i + 1].text):
        return None
    return found.pop()


def _speaking_place(doc: Doc, i: int, country_at: dict[int, str]) -> str | None:
    """The country of the capital where the official whose name ends at token ``i`` speaks,
    written on the verb of speaking or on its object: "X told reporters in Tokyo", "X said
    in Ankara", "X told a news conference in Pretoria". Not the seat of an international
    body ("said in Brussels")."""
    name = doc[i]
    verb = name.head
    if name.dep_ != "nsubj" or verb.lemma_.lower() not in SPEAKING_VERBS:
        return None
    holders = [verb, *(c for c in verb.children if c.dep_ in ("dobj", "dative"))]
    found = {country_at[p.i] for h in holders for c in h.children
             if c.dep_ == "prep" and c.lower_ == "in"
             for p in c.children if p.dep_ == "pobj" and p.i in country_at
             and not resources.igo_seat(p.text)}
    return found.pop() if len(found) == 1 else None


def _lead_country(doc: Doc, i: int, country_at: dict[int, str]) -> str | None:
    """The one country named by the subject of the sentence before token ``i``'s, when that
    sentence is in the same paragraph; else None."""
    sent = doc[i].sent
    words = [t for t in sent if not t.is_space]
    if sent.start == 0 or not words:
        return None
    before = doc[sent.start - 1].sent
    prev_words = [t for t in before if not t.is_space]
    if not prev_words or "\n" in doc.text[prev_words[-1].idx:words[0].idx]:
        return None
    found: set[str] = set()
    for subject in (t for t in before.root.children if t.dep_ in ("nsubj", "nsubjpass")):
        stack = [subject]
        while stack:
            token = stack.pop()
            if token.i in country_at:
                found.add(country_at[token.i])
            stack.extend(c for c in token.children if c.dep_ not in ASIDES)
    return next(iter(found)) if len(found) == 1 else None


# Counts the place mentions once, then three passes use them: seats of another country become
# buildings, officials and state bodies get the home country, and untitled people only when it
# dominates more clearly.
def home_ties(doc: Doc, groups: Sequence[Group], linked: set[int]) -> None:  # noqa: C901
    """Tie people and organisations the text gives no country to the country the story is
    set in (``ties.home_country``): officials and state bodies when one country has most
    of the place mentions, other people only when it dominates more clearly still and
    the text ties them to no organisation (``linked``: ids of groups written as someone's
    or something's: "Acme Media producer X"). Known organisations, international bodies
    and their officials keep their own reading; other organisations need a state body's
    name ("Interior Ministry", "Coast Guard")."""
    places: Counter[str] = Counter()
    seats: Counter[str] = Counter()
    for group in groups:
        kind = group.key[0]
        if kind in ("country", "demonym", "capital", "seat", "region") and group.country \
                and not group.country.startswith("igo:"):
            places[group.country] += len(group.mentions)
            if kind == "seat":
                seats[group.country] += len(group.mentions)
    _family_ties(groups)
    # Failing a dominant country, the dateline's city ("PRETORIA, March 13 -") sets the
    # story's home for officials only, when no country has more place mentions than its.
    home = ties.home_country(places) or _dateline_country(doc, groups, places)
    if home is None:
        return
    for group in groups:
        code = group.country
        if group.key[0] == "seat" and code and code != home and places[code] == seats[code]:
            # A "Blue House" in a story set elsewhere, its country never named: a building
            # of the story's own, not tied to a country by its name alone.
            group.country, group.role, group.label = None, None, "FAC"
            for m in group.mentions:
                m.label = "FAC"
    clear = ties.home_country(places, share=ties.HOME_SHARE_UNTITLED)
    at: dict[int, tuple[Candidate, Group]] = {}
    if clear is not None:
        for group in groups:
            for m in group.mentions:
                for i in range(m.start, m.end):
                    at[i] = (m, group)
    for group in groups:
        if group.country is not None or group.key[0] != "name" \
                or group.label not in ("PERSON", "ORG") or igo_role(group.role):
            continue
        if group.label == "PERSON":
            office = group.role in HOME_ROLES
        else:
            office = group.role in HOME_ROLES or ties.national_institution(group.canonical)
        if _opens_at_a_body(doc, group):
            continue
        # Someone called by one word only ("Karen guerrillas") may be no person at all.
        if office or clear is not None and group.label == "PERSON" \
                and len(group.canonical.split()) > 1 \
                and id(group) not in linked and not _works_for_org(doc, group, at):
            group.country = home


def _body_official(doc: Doc, group: Group) -> bool:
    """Whether a name is introduced after an international body that opens its sentence
    ("At the United Nations, spokesman X said"): that body's official (a titled person's
    role becomes "un:spokesperson"), tied to no country."""
    body = _opens_at_a_body(doc, group)
    if body is not None and group.label == "PERSON" and group.role:
        group.role = f"{body}:{group.role}"
    return body is not None


def _opens_at_a_body(doc: Doc, group: Group) -> str | None:
    """The key of the international body at which the sentence of a name's first mention
    opens before a comma, when the name comes after it ("At the United Nations, spokesman X
    said ...", "In Brussels, a spokeswoman ..."); None otherwise."""
    if not group.mentions or not doc.has_annotation("SENT_START"):
        return None
    first = min(group.mentions, key=lambda m: m.start)
    place = _opening_phrase(doc, first.start, ("at", "in"), 8)
    if place is None:
        return None
    text = doc[place[0].i:place[-1].i + 1].text
    return resources.igo_named(text[4:] if text.lower().startswith("the ") else text)


def _dateline_country(doc: Doc, groups: Sequence[Group], places: Counter[str]) -> str | None:
    """The country of the capital or country that opens the article as its dateline
    ("PRETORIA, March 13 (Wire) -"), not the seat of an international body ("UNITED
    NATIONS", "BRUSSELS"), when no country has more place mentions than it (a story from
    Taipei about China's drills is China's as much as Taiwan's); None when the article
    opens otherwise."""
    first = next((t.i for t in doc if not t.is_space), None)
    if first is None:
        return None
    for group in groups:
        if group.key[0] not in ("capital", "country") or not group.country or \
                group.country.startswith("igo:"):
            continue
        for m in group.mentions:
            city = doc[m.start:m.end].text
            if m.start == first and m.end < len(doc) and doc[m.end].text == "," and \
                    not resources.igo_seat(city) and not resources.igo_seat(city.title()):
                top = max(places.values(), default=0)
                return group.country if places[group.country] == top else None
    return None


def _family_ties(groups: Sequence[Group]) -> None:
    """A person the text gives no country who shares a tied person's surname ("Ana Lopez"
    in a story about Juan Lopez) is taken to be family, of the same country; not when
    people of different countries share that surname."""
    by_surname: dict[str, set[str]] = {}
    for group in groups:
        if group.label == "PERSON" and group.country and not group.country.startswith("igo:"):
            words = group.canonical.split()
            if len(words) > 1:
                by_surname.setdefault(words[-1], set()).add(group.country)
    for group in groups:
        words = group.canonical.split()
        if group.label == "PERSON" and group.country is None and len(words) > 1 \
                and not igo_role(group.role):
            countries = by_surname.get(words[-1], set())
            if len(countries) == 1:
                group.country = next(iter(countries))


def _works_for_org(doc: Doc, group: Group, at: dict[int, tuple[Candidate, Group]]) -> bool:
    """True when the text writes a person as an organisation's ("Acme TV cameraman X", "X of
    Acme", "X, of Acme"): the organisation, not the story's country, says where they are
    from, and when it has no country newslens does not guess one."""
    for m in group.mentions:
        j = m.start
        skipped = 0
        while j > 0 and skipped < 3 and (j - 1) not in at and describes(doc[j - 1]):
            j -= 1
            skipped += 1
        before = at.get(j - 1) if j > 0 else None
        k = m.end + (1 if m.end < len(doc) and doc[m.end].text == "," else 0)
        after = None
        if k + 1 < len(doc) and doc[k].lower_ in ("of", "for", "at", "from"):
            k += 2 if doc[k + 1].text in ARTICLES else 1
            after = at.get(k)
        for found in (before, after):
            owner = found[1] if found is not None else None
            if owner is not None and owner is not group and owner.label == "ORG":  # identity: group
                return True
    return False


def igo_role(role: str | None) -> bool:
    """True for the role of an international organisation's official ("un:envoy", "oic")."""
    return bool(role) and (":" in role or igo_name(role) != role)
