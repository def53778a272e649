"""Mentions of one referent merged into one group, and the one label it gets.

Countries group by ISO-3 code (so "US", "U.S.", "the United States" and "Washington" used
for its government are one entity), people by the dated actor knowledge base and by
surname ("Maduro" joins "Nicolás Maduro" unless the article mostly uses the word for a
thing). Each group gets one label, decided from all its mentions and the knowledge base, so
a person is never shown as a place in one sentence and a person in the next.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from spacy.tokens import Doc

from ..resources import Actor, actor_lookup, normalize_name
from .mentions import Candidate, Group, is_acronym, person_parts, text_of
from .words import DETERMINERS, LOCATIVE


class _Grouping:
    """Groups by key, in order of first use."""

    def __init__(self) -> None:
        self.groups: dict[tuple[str, str], Group] = {}
        self.order: list[tuple[str, str]] = []

    def put(self, key: tuple[str, str], mention: Candidate) -> None:
        if key not in self.groups:
            self.groups[key] = Group(key, [])
            self.order.append(key)
        self.groups[key].mentions.append(mention)


def group_mentions(doc: Doc, names: Sequence[Candidate], published: str | None) -> list[Group]:
    """Put the mentions of one referent into one group, in order of first mention.

    Places and known organisations group by their gazetteer key; people and other names by
    the knowledge base, then full names, then single words (surnames) by the full name
    they belong to.

    Args:
        doc: the document.
        names: the reconciled name mentions.
        published: the article's ISO date or None, for the knowledge base.
    """
    grouping = _Grouping()
    _people_before_places(doc, names)
    pending = _group_gazetteer_kinds(doc, names, grouping)
    full_names, actors, singles = _group_full_names(doc, pending, grouping, published)
    _group_single_words(doc, pending, singles, full_names, grouping)
    result = [grouping.groups[k] for k in grouping.order]
    for group in result:
        group.actor = actors.get(group.key)
        group.mentions.sort(key=lambda m: m.start)
    result.sort(key=lambda g: g.mentions[0].start)
    return result


def _people_before_places(doc: Doc, names: Sequence[Candidate]) -> None:
    """Make a one-word place a person where the article also writes it as the last word of
    a person's full name ("Jordan" beside "Michael Jordan"), in place. News calls people by
    their surname, not their given name: "Israel" beside "Israel Katz" stays the country."""
    person_words: set[str] = set()
    for m in names:
        if m.label == "PERSON" or m.kind == "actor":
            parts = person_parts(doc, m)
            if parts:
                person_words.add(parts[-1])

    for m in names:
        if m.kind in ("country", "demonym", "capital", "region") and m.end - m.start == 1:
            # "Jordan" is a person where the article also writes "Michael Jordan".
            if doc[m.start].text in person_words:
                m.kind, m.key, m.label = "model", None, "PERSON"


def _group_gazetteer_kinds(doc: Doc, names: Sequence[Candidate],
                           grouping: _Grouping) -> list[Candidate]:
    """Group the places, peoples and organisations the gazetteer knows (and organisations
    named with a country inside); return the other mentions, in order."""
    pending: list[Candidate] = []
    for m in names:
        text = text_of(doc, m)
        if m.kind == "country" or (m.kind == "capital" and _capital_is_government(doc, m)):
            m.label = "GPE"
            grouping.put(("country", m.key or ""), m)
        elif m.kind == "demonym":
            grouping.put(("demonym", m.key or ""), m)
        elif m.kind == "igo":
            grouping.put(("igo", m.key or ""), m)
        elif m.kind == "org":
            grouping.put(("org", m.key or ""), m)
        elif m.kind in ("capital", "region", "people", "seat"):
            grouping.put((m.kind, normalize_name(text).casefold()), m)
        elif m.label == "ORG" and m.inner and " " in text:
            # "U.S. embassy" and "U.S. Embassy" are one organisation.
            grouping.put(("name", normalize_name(text).casefold()), m)
        else:
            pending.append(m)
    return pending


def _group_full_names(
    doc: Doc, pending: Sequence[Candidate], grouping: _Grouping, published: str | None
) -> tuple[dict[str, tuple[str, str]], dict[tuple[str, str], Actor], list[Candidate]]:
    """Group people the knowledge base knows and names of more than one word.

    Returns:
        ``(full_names, actors, singles)``: the group key of each full name a person is
        written with (normalised), the knowledge-base person of each person group, and the
        one-word mentions left to group.
    """
    full_names: dict[str, tuple[str, str]] = {}
    actors: dict[tuple[str, str], Actor] = {}
    singles: list[Candidate] = []
    lookups = _known_people(doc, pending, published)
    for m in pending:
        text = text_of(doc, m)
        actor = lookups.get(id(m))
        if actor is not None:
            key = ("person", actor.canonical)
            actors[key] = actor
            m.kind = "actor"
            if person_parts(doc, m):
                full_names.setdefault(normalize_name(text), key)
            full_names.setdefault(normalize_name(actor.canonical), key)
            grouping.put(key, m)
            continue
        # A knowledge-base name that does not resolve here (ambiguous without a date) is
        # treated like any other name.
        m.kind = "model"
        if len(text.split()) > 1:
            key = ("name", normalize_name(text))
            if m.label == "PERSON" and person_parts(doc, m):
                # Only people are later called by one part of their name.
                full_names.setdefault(key[1], key)
            grouping.put(key, m)
        else:
            singles.append(m)
    return full_names, actors, singles


def _known_people(doc: Doc, pending: Sequence[Candidate],
                  published: str | None) -> dict[int, Actor | None]:
    """The knowledge-base person each mention names (by ``id`` of the mention), where the
    article does not give that name to a person of its own."""
    lookups = {
        id(m): actor_lookup(text_of(doc, m), published)
        for m in pending
        if m.label in ("PERSON", "ORG", "GPE", "NORP") or m.kind == "actor"
    }
    # A surname the article gives to a person of its own ("Ann Carter ... Carter") is theirs,
    # not a namesake's from the knowledge base.
    # So is a surname or given name of any full name the article writes, known or not:
    # "President Lee Myung-bak ... Lee said" is not Lee Hsien Loong.
    local_surnames = set()
    for m in pending:
        words = normalize_name(text_of(doc, m)).split()
        if (m.label == "PERSON" or m.kind == "actor") and len(words) > 1 \
                and person_parts(doc, m):
            local_surnames.update({words[0], words[-1]})
    # ...unless that full name is the knowledge-base person's own ("Kim Jong Un ... Kim").
    full_written = {normalize_name(lookups[id(m)].canonical) for m in pending
                    if lookups.get(id(m)) is not None and len(text_of(doc, m).split()) > 1}
    for m in pending:
        text = text_of(doc, m)
        actor = lookups.get(id(m))
        if actor is not None and len(text.split()) == 1 \
                and normalize_name(text) in local_surnames \
                and normalize_name(actor.canonical) not in full_written:
            lookups[id(m)] = None
    return lookups


def _group_single_words(
    doc: Doc,
    pending: Sequence[Candidate],
    singles: Sequence[Candidate],
    full_names: dict[str, tuple[str, str]],
    grouping: _Grouping,
) -> None:
    """Group one-word names: with the person whose full name ends or starts with the word
    when the article mostly uses the word for a person, else on their own."""
    by_part: dict[str, set[tuple[str, str]]] = {}
    for full, key in full_names.items():
        parts = full.split()
        by_part.setdefault(parts[-1], set()).add(key)
        by_part.setdefault(parts[0], set()).add(key)
    # How the model labelled each single word across the article, full names counting for
    # their parts: "Guaido" once GPE but three times PERSON and in "Juan Guaido" joins Juan
    # Guaido; "Polaroid" six times ORG does not join a stray "Warhol Polaroid".
    votes: dict[str, Counter[bool]] = {}
    for m in singles:
        vote = votes.setdefault(normalize_name(text_of(doc, m)), Counter())
        if m.label == "PERSON":
            vote[True] += 1
        elif _used_as_thing(doc, m):
            # "the Polaroid camera" is no person; a bare "Volker" tagged ORG may well be.
            vote[False] += 1
    full_counts = Counter(normalize_name(text_of(doc, m)) for m in pending
                          if len(text_of(doc, m).split()) > 1)
    for full, count in full_counts.items():
        parts = full.split()
        for word in {parts[0], parts[-1]}:
            if word in votes and full in full_names:
                # A full name written out counts double.
                votes[word][True] += 2 * count
    for m in singles:
        word = normalize_name(text_of(doc, m))
        owners = by_part.get(word, set())
        vote = votes[word]
        if owners and not is_acronym(word) and vote[True] > vote[False]:
            grouping.put(_nearest_owner(grouping.groups, owners, m.start), m)
        else:
            grouping.put(("name", word), m)


def _capital_is_government(doc: Doc, mention: Candidate) -> bool:
    """A capital names its government unless it is a location ("in Caracas") or a
    dateline ("BRUSSELS - ...")."""
    if mention.end - mention.start > 1:
        return False
    before = doc[mention.start - 1] if mention.start > 0 else None
    after = doc[mention.end] if mention.end < len(doc) else None
    if before is None or before.is_space or before.text in ("\n", "\n\n"):
        if after is not None and after.text in ("-", "\u2013", "\u2014", ",", "(", ":"):
            return False
    if before is not None and before.lower_ in LOCATIVE:
        return False
    # "Caracas residents", "the Washington office": a modifier of a common noun is a place.
    if after is not None and after.is_lower and after.is_alpha and after.pos_ == "NOUN":
        return False
    return True


def _nearest_owner(groups: dict[tuple[str, str], Group], owners: set[tuple[str, str]],
                   start: int) -> tuple[str, str]:
    """Of several people sharing a surname, the one named last before ``start`` (else the
    first named after it): "Kristin Wilkins ... Wilkins said"."""
    def last_before(key: tuple[str, str]) -> tuple[bool, int]:
        starts = [m.start for m in groups[key].mentions] if key in groups else []
        before = [s for s in starts if s < start]
        if before:
            return True, max(before)
        return False, -min(starts, default=len(starts))
    return max(sorted(owners), key=last_before)


def decide_label(group: Group) -> str:
    """Return the one label for a group: fixed for gazetteer kinds, PERSON for known people
    and for names written in full as a person; otherwise the most frequent model label."""
    kind = group.key[0]
    fixed = {"country": "GPE", "demonym": "NORP", "igo": "ORG", "seat": "ORG", "people": "NORP",
             "capital": "GPE", "org": "ORG", "city": "GPE"}
    if kind in fixed:
        return fixed[kind]
    if kind == "region":
        return group.mentions[0].label
    if group.actor is not None:
        return "PERSON"
    labels = Counter(m.label for m in group.mentions)
    if labels.get("PERSON") and any(m.label == "PERSON" and m.end - m.start > 1
                                    for m in group.mentions):
        return "PERSON"
    if group.key[0] == "name" and is_acronym(group.key[1]):
        # "DAB", "NASA": people are not written as acronyms.
        labels.pop("PERSON", None)
        if not labels:
            return "ORG"
    ranking = ("PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT")
    return max(labels, key=lambda lab: (labels[lab], -ranking.index(lab) if lab in ranking
                                        else -99))


def _used_as_thing(doc: Doc, mention: Candidate) -> bool:
    """True where a word is used with a determiner or as a modifier of a common noun."""
    before = doc[mention.start - 1] if mention.start > 0 else None
    after = doc[mention.end] if mention.end < len(doc) else None
    if before is not None and before.lower_ in DETERMINERS:
        return True
    return after is not None and after.is_alpha and after.is_lower and after.pos_ == "NOUN"
