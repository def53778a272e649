"""What the words written next to a person or organisation say about its country and role.

"U.S. Secretary of State Mike Pompeo", "Venezuela's Maduro", "Sergei Lavrov, Russia's
foreign minister", "Ambassador to Germany", "Merkel's spokesperson, Steffen Seibert",
"Patrice Talon of Benin"; offices in an organisation tie a person to it ("the director of
the Kenyan Red Cross, Amina Wekesa", "Name, director of Youth Forum Zambia", "Name, a
reporter from Yemen"). ``mention_context`` reads both sides of one mention.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc

from .mentions import ARTICLES, POSSESSIVES, Candidate, country_of, describes, place_code
from .words import HONORIFICS, NAME_JOINERS, OFFICE_NOUNS, POSTING, TITLE_FILLERS


@dataclass
class Context:
    """What the words around one mention say about it.

    ``country`` is an ISO-3 code or ``igo:<key>``; ``title`` the title as written, in lower
    case; ``via`` a person or organisation the mention belongs to ("Merkel's spokesperson",
    "Export-Import Bank president"), whose country it shares.
    """

    country: str | None = None
    role: str | None = None
    title: str | None = None
    via: Candidate | None = None


def mention_context(
    doc: Doc,
    mention: Candidate,
    at: dict[int, Candidate],
    title_end: dict[int, tuple[int, int, str]],
    title_start: dict[int, tuple[int, int, str]],
) -> Context:
    """Country, role and title written next to a person or organisation mention; a country
    named with "of" after the name beats an organisation before it ("the bloc's chair,
    President Jane Doe of Ghana")."""
    left = _left_context(doc, mention, at, title_end)
    if left.country and not left.country.startswith("igo:"):
        return left
    right = _right_context(doc, mention, at, title_start)
    if left.country is None and left.role is None and left.via is None:
        return right
    if right.country and not right.country.startswith("igo:"):
        # Keep the title on the left, take the country on the right ("Deputy Prime Minister
        # X, who is also Austria's foreign minister").
        return Context(right.country, left.role, left.title, left.via)
    return left


# _left_context and _right_context mirror each other (same arguments); their steps differ.
# One walk leftwards from a name over honorifics, a comma, titles, describing words, possessives and
# a bracketed acronym; every branch moves the same cursor or ends the walk.
def _left_context(  # noqa: C901
    doc: Doc,
    mention: Candidate,
    at: dict[int, Candidate],
    title_end: dict[int, tuple[int, int, str]],
) -> Context:
    """"[Venezuela's|U.S.|Iranian] [descriptive words] [President|Secretary of State] Name",
    "foreign minister, Name", "US Ambassador to Germany Name", "Merkel's spokesperson, Name"."""
    found = Context()
    j = mention.start
    while j > 0 and doc[j - 1].text in HONORIFICS:
        j -= 1
    if j > 0 and doc[j - 1].text == "," and (j - 1) not in title_end:
        office = _office_before(doc, j - 1, at, title_end)
        if office is not None:
            return office
    if j > 0 and doc[j - 1].text == "," and (j - 1) in title_end:
        j -= 1
    for _ in range(2):
        if j in title_end and found.title is None:
            start, end, role = title_end[j]
            found.role, found.title = role, doc[start:end].text.lower()
            j = start
        skipped = 0
        while j > 0 and skipped < 4 and (j - 1) not in at and describes(doc[j - 1]):
            j -= 1
            skipped += 1
        if j > 0 and doc[j - 1].text in POSSESSIVES:
            j -= 1
        if j > 2 and doc[j - 1].text == ")" and (inside := at.get(j - 2)) is not None \
                and inside.end == j - 1 and doc[inside.start - 1].text == "(":
            # "the Organisation of Islamic Cooperation (OIC) head Name": past the acronym.
            j = inside.start - 1
        prev = at.get(j - 1) if j > 0 else None
        if prev is None or prev.end != j:
            break
        code = place_code(prev)
        before = prev.start - 1
        if before > 0 and doc[before].text in ARTICLES:
            before -= 1
        if code and found.title is None and before >= 0 and doc[before].lower_ in POSTING:
            # The posting ("Ambassador to the United Nations"); the nationality may stand
            # before the title further left.
            j = before
            continue
        if code:
            found.country = code
        elif prev.kind in ("model", "actor", "org") and (found.title or doc[j].text in
                                                          POSSESSIVES):
            found.via = prev
        break
    return found


def _owner_context(owner: Candidate, role: str | None, title: str | None) -> Context:
    """The context an organisation or place after "of" gives to the person before it."""
    code = place_code(owner)
    if code:
        return Context(code, role, title)
    if owner.kind in ("model", "org") and owner.label not in ("PERSON", "DATE", "CARDINAL"):
        return Context(None, role, title, owner)
    return Context(None, role, title)


def _office_before(
    doc: Doc,
    comma: int,
    at: dict[int, Candidate],
    title_end: dict[int, tuple[int, int, str]],
) -> Context | None:
    """"The president of the Kenyan Red Cross, Name", "a member of Parliament, Name": an
    office in an organisation or place written before the comma that opens a name."""
    k = comma - 1
    owner: Candidate | None = None
    steps = 0
    # Walk back over the organisation's name: its mentions and the words joining them.
    while k >= 0 and steps < 12:
        steps += 1
        m = at.get(k)
        if m is not None:
            owner = m
            k = m.start - 1
            continue
        if doc[k].lower_ in NAME_JOINERS and doc[k].lower_ != "of" or \
                doc[k].is_title and doc[k].is_alpha:
            # "of Acme Media": the model may have tagged only "Acme".
            k -= 1
            continue
        if doc[k].lower_ == "of" and owner is not None:
            break
        return None
    if owner is None or k < 1 or doc[k].lower_ != "of":
        return None
    # The first mention after "of" owns the office ("of the Kenyan League for ...").
    first = k + 1
    while first < comma and first not in at:
        first += 1
    owner = at.get(first, owner)
    k -= 1
    if k + 1 in title_end:
        start, end, role = title_end[k + 1]
        return _owner_context(owner, role, doc[start:end].text.lower())
    if doc[k].lower_ in OFFICE_NOUNS:
        return _owner_context(owner, None, None)
    return None


def _from_after(doc: Doc, k: int, at: dict[int, Candidate],
                preps: tuple[str, ...] = ("from",)) -> str | None:
    """"Name, a print- and radio reporter from Peru,": the country a described person is
    from (a noun phrase of lower-case words, then "from" and a country); with ``preps``
    ("in") also where an organisation is ("the largest broadcaster in Chile")."""
    nouns = 0
    for j in range(k, min(k + 9, len(doc) - 1)):
        if j in at:
            return None
        if doc[j].lower_ in preps and nouns:
            after = j + 2 if doc[j + 1].text in ARTICLES else j + 1
            place = at.get(after)
            if place is not None and place.start in (j + 1, after) and place.kind == "country":
                return place.key
            return None
        word = doc[j].text
        if describes(doc[j]) or word[-1:] == "-" and word[:-1].isalpha() and word.islower():
            # "print- and radio reporter"
            nouns += 1
        elif doc[j].lower_ != "and":
            return None
    return None


# Same doc and index arguments as the other walkers here and in link.py; own body.
def _office_after(
    doc: Doc,
    k: int,
    at: dict[int, Candidate],
    title_start: dict[int, tuple[int, int, str]],
) -> Context | None:
    """"Name, director of Youth Forum Zambia", "Name, the general manager of Acme Media": an
    office (a noun, not a title) in an organisation named after "of"."""
    for j in range(k, min(k + 4, len(doc) - 1)):
        if j in title_start or j in at:
            return None
        if doc[j].lower_ in OFFICE_NOUNS and doc[j + 1].lower_ == "of":
            after = j + 3 if j + 2 < len(doc) and doc[j + 2].text in ARTICLES else j + 2
            owner = at.get(after)
            if owner is not None and owner.start == after:
                return _owner_context(owner, None, None)
            return None
        if not describes(doc[j]):
            return None
    return None


#: The verbs of "Name, who is also Kenya's foreign minister" and "who serves as".
DESCRIBING_VERBS = frozenset({"is", "was", "serves", "served"})
#: Adverbs between them and the description ("who is also", "who was until May").
DESCRIBING_ADVERBS = frozenset({"also", "now", "currently", "still", "previously", "once"})


def _past_describing_clause(doc: Doc, k: int) -> int:
    """Where the description starts in "Name, who is also Kenya's foreign minister": a
    relative clause that only says what the person is reads as an apposition. ``k`` is
    the token after the comma; it is returned unchanged when no such clause starts there."""
    if k + 2 >= len(doc) or doc[k].lower_ != "who" or doc[k + 1].lower_ not in DESCRIBING_VERBS:
        return k
    j = k + 2
    if doc[k + 1].lower_ in ("serves", "served"):
        if doc[j].lower_ != "as":
            return k
        j += 1
    while j < len(doc) and doc[j].lower_ in DESCRIBING_ADVERBS:
        j += 1
    return j


# Mirror of _left_context above: the signature matches, the steps are those of the rightward walk.
# One walk rightwards from a name: 'of' and a country, an apposition's article, place and
# possessive, an office or an origin, then a title; every step moves the same cursor or ends the
# walk.
def _right_context(  # noqa: C901
    doc: Doc,
    mention: Candidate,
    at: dict[int, Candidate],
    title_start: dict[int, tuple[int, int, str]],
) -> Context:
    """"Name of Egypt", "Name, Russia's foreign minister", "Name, a former Russian
    intelligence officer"."""
    found = Context()
    k = mention.end
    if mention.label == "ORG" and k + 2 < len(doc) and doc[k].lower_ in ("is", "was") \
            and doc[k + 1].lower_ in ("a", "an", "the"):
        # "Acme Corporation is the largest broadcaster in Chile".
        found.country = _from_after(doc, k + 2, at, ("from", "in"))
        return found
    if k + 1 < len(doc) and doc[k].lower_ == "of":
        nxt = at.get(k + 1)
        if nxt is not None and nxt.start == k + 1 and country_of(nxt):
            found.country = country_of(nxt)
            return found
    if k >= len(doc) or doc[k].text != ",":
        return found
    k += 1
    k = _past_describing_clause(doc, k)
    if k < len(doc) and doc[k].lower_ in ("the", "a", "an"):
        k += 1
    while k < len(doc) and doc[k].lower_ in TITLE_FILLERS:
        k += 1
    nxt = at.get(k)
    described = False
    if nxt is not None and nxt.start == k:
        found.country = place_code(nxt)
        k = nxt.end
        if k < len(doc) and doc[k].text in POSSESSIVES:
            k += 1
        # "Name, a former Russian military intelligence officer": a demonym and a noun.
        described = nxt.kind == "demonym" and k < len(doc) and describes(doc[k])
    if found.country is None:
        office = _office_after(doc, k, at, title_start)
        if office is not None:
            return office
        origin = _from_after(doc, k, at)
        if origin is not None:
            found.country = origin
            return found
    skipped = 0
    while k < len(doc) and skipped < 4 and k not in title_start and describes(doc[k]):
        k += 1
        skipped += 1
    if k in title_start:
        start, end, role = title_start[k]
        found.role, found.title = role, doc[start:end].text.lower()
        # "Name, the Director-General of the WHO".
        if found.country is None and end + 1 < len(doc) and doc[end].lower_ == "of":
            after = end + 2 if doc[end + 1].text in ARTICLES else end + 1
            owner = at.get(after)
            if owner is not None and owner.start == after:
                found.country = place_code(owner)
                found.via = found.via or _owner_context(owner, None, None).via
    elif found.country is not None and not described:
        # "Name, Russia's ambassador" needs a title; "Name, Russia" is a list, not a
        # description.
        found.country = None
    return found
