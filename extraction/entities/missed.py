"""Names the model missed: people after a title, untagged proper nouns, and repeats.

Before grouping, ``titled_names`` adds people after an honorific or a capitalised title
and ``untagged_names`` proper nouns the tagger saw but the entity model did not, where they
are a party to the sentence. After grouping, ``propagate`` adds the repeats the model
missed of a person's name, an organisation's name or a known city's name.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from typing import Any

from spacy.tokens import Doc, Span, Token

from .mentions import (
    ARTICLES,
    Candidate,
    Group,
    covered,
    is_acronym,
    name_words,
    person_parts,
)
from .words import (
    CALENDAR_WORDS,
    CLOCK_WORDS,
    CORPORATE_SUFFIXES,
    HONORIFICS,
    INSTITUTION_WORDS,
    ORG_HEADS,
    PERSON_ROLES,
    SPEECH_VERBS,
)


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
    taken = covered(len(doc), ((m.start, m.end) for m in names))
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


def dictionary_words(nlp_vocab_lookups: Any) -> frozenset[str]:
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
        dictionary: lower-case common words (``dictionary_words``); a run with one is left
            alone ("Internet", "University") unless it is in ``known``, the subject of
            a verb of saying ("Black said") or a bare surname acting (``_bare_subject``:
            "Ward met the board").
        known: token ranges the actor knowledge base names ("Trump").

    A run at the start of a sentence counts only as the subject or possessor of a verb
    (a capital there may be the sentence's, not a name's); an acronym only as a subject,
    object or possessor. An acronym is an organisation, anything else a person; the
    groups and labels are then decided with every other mention.
    """
    if not doc.has_annotation("TAG") or not doc.has_annotation("DEP"):
        return list(names)
    taken = covered(len(doc), [*((m.start, m.end) for m in names),
                               *((span.start, span.end) for span in others),
                               *((start, end) for start, end, _ in titles)])
    added: list[Candidate] = []
    lowered = frozenset(t.text for t in doc if t.is_lower)
    inside = frozenset(t.lower_ for t in doc if t.is_title and not t.is_sent_start)
    for start, end in _name_runs(doc, taken, known):
        label = _party_label(doc, start, end, taken, dictionary, known, lowered, inside)
        if label is not None:
            added.append(Candidate(start, end, label))
    if not added:
        return list(names)
    return sorted([*names, *added], key=lambda m: m.start)


def _name_runs(doc: Doc, taken: list[bool],
               known: frozenset[tuple[int, int]]) -> Iterator[tuple[int, int]]:
    """Token ranges of one to four name words that no mention, title or date in ``taken``
    touches, and that are not part of a longer or hyphenated name."""
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
        yield start, end


def _bare_subject(token: Token, lowered: frozenset[str],
                  inside: frozenset[str] = frozenset()) -> bool:
    """Whether ``token`` is a bare surname acting in its clause ("Hubbard faced charges",
    "Ward talked about the war"): one word written in title case with nothing modifying it
    (no article, adjective or other name; a common noun capitalised as a name takes "the"),
    the subject of an active verb after it, not written in lower case elsewhere in the
    document (``lowered``: "Iodine" opening a sentence of an article about iodine), and not
    a word that heads an institution's name ("Parliament voted"). The dictionary holds many
    surnames ("ward", "hubbard"), so a capitalised dictionary word is not by that alone a
    common noun. Opening a sentence, where every word is capitalised, it must also be
    written capitalised inside a sentence somewhere (``inside``: "... said Ward"), or
    "Video captured the clashes" would make a person of "Video"."""
    return (token.is_title and token.dep_ == "nsubj" and token.lower_ not in lowered
            and (not token.is_sent_start or token.lower_ in inside)
            and token.head.pos_ == "VERB" and token.i < token.head.i
            and not any(child.dep_ != "punct" for child in token.children)
            and token.lower_ not in INSTITUTION_WORDS and token.lower_ not in ORG_HEADS)


def _party_label(doc: Doc, start: int, end: int, taken: list[bool], dictionary: frozenset[str],
                 known: frozenset[tuple[int, int]],
                 lowered: frozenset[str] = frozenset(),
                 inside: frozenset[str] = frozenset()) -> str | None:
    """"ORG" for an acronym and "PERSON" for another run of name words that is a party to
    its sentence (see ``untagged_names``); None for a run that is not."""
    span = doc[start:end]
    root = span.root
    if (start, end) not in known and any(t.lower_ in dictionary for t in span) and not (
            root.dep_ in ("nsubj", "nsubjpass") and root.head.lemma_ in SPEECH_VERBS) \
            and not _bare_subject(root, lowered, inside):
        return None
    words = [t.text for t in span]
    acronym = end - start == 1 and is_acronym(words[0])
    dep = root.dep_
    if dep not in ARGUMENT_DEPS:
        return None
    if dep == "pobj" and root.head.lower_ not in PARTY_PREPOSITIONS:
        return None
    if acronym and dep not in ("nsubj", "nsubjpass", "dobj", "poss"):
        return None
    if dep in ("conj", "appos") and not taken[root.head.i]:
        return None
    if start == span.sent.start and not (dep in ("nsubj", "nsubjpass", "poss")
                                         and root.head.pos_ in ("VERB", "AUX", "NOUN")):
        return None
    return "ORG" if acronym else "PERSON"


# Indexes known people's surnames and full names, then one scan of the tokens adds a mention where a
# name recurs untagged; the checks on each hit (a first name to its left, a longer name to its
# right) belong to that scan.
def propagate(doc: Doc, groups: Sequence[Group], names: Sequence[Candidate],  # noqa: C901
              dictionary: frozenset[str] = frozenset()) -> None:
    """Add mentions the model missed: a person's surname or full name written again where
    the model tagged nothing ("Pompeo released a statement"), and repeats of organisation
    names ("Civic Passion" tagged once, written three times). A surname is taken where the
    tagger read it as a proper noun, or, when it is no word of the ``dictionary``
    (``dictionary_words``), wherever it is written ("Nduhungirehe, speaking at ..." tagged
    as an adverb)."""
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
            name = name_words(doc, m)
            if group.actor is None and not person_parts(doc, m):
                continue
            forms.setdefault(name[-1], group)
            if len(name) > 1:
                pairs.setdefault(name[0] + " " + name[-1], group)
    freed = _coordinated_people(words, groups, forms)
    taken = covered(len(doc), ((m.start, m.end) for m in names if (m.start, m.end) not in freed))
    for i, word in enumerate(words):
        if taken[i] or word not in forms or not word[:1].isupper():
            continue
        if tagged and doc[i].pos_ != "PROPN" and (not dictionary or word.lower() in dictionary):
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


#: What joins people's names in a list ("Vorkic and Stelanic", "Vorkic, Stelanic and Arden").
LIST_JOINS = frozenset({"and", ","})


def _coordinated_people(words: Sequence[str], groups: Sequence[Group],
                        forms: Mapping[str, Group]) -> set[tuple[int, int]]:
    """Take from other entities the lists of known people's surnames the model read as one
    name of another kind ("sanctions on Vorkic and Stelanic" tagged a work of art), so that
    each surname becomes its person's mention again. Returns the spans taken away."""
    freed: set[tuple[int, int]] = set()
    for group in groups:
        if group.label == "PERSON":
            continue
        kept = []
        for m in group.mentions:
            span = words[m.start:m.end]
            parts = [w for w in span if w not in LIST_JOINS]
            if len(parts) >= 2 and len(parts) < len(span) and span[0] not in LIST_JOINS \
                    and span[-1] not in LIST_JOINS and all(w in forms for w in parts) \
                    and len({id(forms[w]) for w in parts}) == len(parts):
                freed.add((m.start, m.end))
            else:
                kept.append(m)
        group.mentions[:] = kept
    return freed


# Indexes organisation names by first word (longest first, 'Acme' for 'Acme Corporation'), then one
# left-to-right scan that jumps past each name it adds.
def _propagate_names(doc: Doc, words: list[str], groups: Sequence[Group], taken: list[bool],  # noqa: C901
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
