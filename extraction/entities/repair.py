"""The model's name entities reconciled with the gazetteer matches.

Titles are cut off ("State" in "Secretary of State" is no organisation), possessives and
trailing function words trimmed, a person span that swallowed a country ("Guaido
Venezuela's") is split, and a gazetteer match replaces the model's span unless the model
saw a longer name around it ("Bank of America"). A known person's full name cuts through
any span. Dates and numbers the model found are never touched. Then a country and the
institution noun after it become one organisation ("the Turkish foreign ministry"), and an
organisation the model cut in two at "for"/"of" is joined again.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from spacy.tokens import Doc, Span

from . import ties
from .mentions import (
    ARTICLES,
    POSSESSIVES,
    Candidate,
    covered,
    is_broken,
    trim_edges,
    without_overlaps,
)
from .words import CLOCK_WORDS, HONORIFICS, INSTITUTION_NOUNS, ORG_HEADS, PERSON_ROLES

ENTITY_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC", "EVENT"})
# Model labels a gazetteer match may replace; DATE, CARDINAL and the like are left alone.
NAME_LABELS = ENTITY_LABELS | {"PRODUCT", "WORK_OF_ART", "LAW", "LANGUAGE"}


def _is_title_token(doc: Doc, i: int, title_at: dict[int, tuple[int, int, str]]) -> bool:
    return i in title_at or doc[i].text in HONORIFICS


# Cuts applied in order to one (start, end) pair: possessives and trailing stop words, a lower-case
# tail after 'of', titles and honorifics, a 'pro-' prefix, then the checks that something name-like
# is left; each reads the bounds the cut before left.
def _trim(  # noqa: C901
    doc: Doc, mention: Candidate, title_at: dict[int, tuple[int, int, str]]
) -> Candidate | None:
    """Cut possessives, leading titles and honorifics off a model mention; None if nothing
    is left."""
    start, end = trim_edges(doc, mention.start, mention.end)
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
    model, others = _model_names(doc, model_ents, gaz, title_at)
    accepted_gaz, cut = _accepted_matches(doc, gaz, model, others)
    by_span = {(g.start, g.end): g for g in gaz}
    # A piece left over that the gazetteer knows ("Ukraine") takes the gazetteer's reading.
    rests = [by_span.get((r.start, r.end), r) for m, gs in cut.values()
             for r in _remainders(doc, m, gs)]
    names = [m for m in model if id(m) not in cut] + rests + accepted_gaz
    return without_overlaps(names), others


def _model_names(
    doc: Doc,
    model_ents: Iterable[Span],
    gaz: Sequence[Candidate],
    title_at: dict[int, tuple[int, int, str]],
) -> tuple[list[Candidate], list[Span]]:
    """The model's name entities trimmed and split (``_trim``, ``_split_person``), and its
    other entities unchanged; names wholly inside a title are dropped."""
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
    return model, others


def _accepted_matches(
    doc: Doc, gaz: Sequence[Candidate], model: Sequence[Candidate], others: Sequence[Span]
) -> tuple[list[Candidate], dict[int, tuple[Candidate, list[Candidate]]]]:
    """The gazetteer matches that stand: not on a date or number, and not inside a longer
    model name ("Bank of America"), which then records the country it names (``inner``).

    Returns:
        ``(accepted, cut)``: the matches kept, and for each model mention they overlap (by
        ``id``) that mention and the matches that cut it.
    """
    blocked = covered(len(doc), ((ent.start, ent.end) for ent in others))
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
        if _outranked(doc, g, overlapping.values()):
            continue
        for key, m in overlapping.items():
            cut.setdefault(key, (m, []))[1].append(g)
        accepted_gaz.append(g)
    return accepted_gaz, cut


def _outranked(doc: Doc, g: Candidate, overlapping: Iterable[Candidate]) -> bool:
    """True when a model mention holds the gazetteer match ``g`` inside a longer name; each
    such mention records the country ``g`` names as ``inner`` unless it is a person's."""
    outranked = False
    for m in overlapping:
        same = (m.start, m.end) == (g.start, g.end)
        contains = m.start <= g.start and g.end <= m.end and not same
        # A known person's full name is surer than the model's span around it
        # ("Ukraine Volodymyr Zelenskyy" tagged as one organisation).
        sure = g.kind == "actor" and g.end - g.start > 1
        if contains and not sure and not _only_function_words(doc, m, g) \
                and not is_broken(doc, m):
            outranked = True
            if g.kind in ("country", "demonym", "capital", "region") and g.key \
                    and (m.label != "PERSON" or ties.party_name(
                        [t.text for t in doc[m.start:m.end]])):
                m.inner.append(g.key)
    return outranked


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
        start, end = trim_edges(doc, i, j)
        while end > start and doc[end - 1].text in ARTICLES:
            end -= 1
        words = [t.text for t in doc[start:end] if t.text not in ARTICLES]
        if any(w[:1].isupper() for w in words):
            pieces.append(Candidate(start, end, model.label))
        i = j
    return pieces


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
                and not is_broken(doc, Candidate(prev.start, m.end, "ORG")):
            out[-1] = Candidate(prev.start, m.end, "ORG", inner=prev.inner + m.inner)
            continue
        out.append(m)
    return out
