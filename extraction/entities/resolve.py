"""The whole entities algorithm on one ``Doc``, from the model's entities to entity dicts.

``resolve_entities`` runs the steps in order: gazetteer and title matches
(``matchers``), reconciliation with the model's entities (``repair``), names the model
missed (``missed``), grouping (``merge``), countries and roles (``link``), repeats
(``missed.propagate``); ``entity_dicts`` writes the result as ``Entity.to_dict()`` dicts.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span

from .link import assign_country_and_role
from .matchers import gazetteer_matches, title_spans
from .mentions import Group, without_overlaps
from .merge import group_mentions
from .missed import propagate, titled_names, untagged_names
from .repair import (
    ENTITY_LABELS,
    candidate_mentions,
    institution_mentions,
    join_organisation_pieces,
)
from .words import DOCUMENT_HEADS


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
        dictionary: common words (``dictionary_words``) for ``untagged_names``; when empty,
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
    for group in groups:
        if group.label in ("ORG", "EVENT") and any(_names_a_document(doc[m.start:m.end].text)
                                        for m in group.mentions):
            # "The Vienna Convention on Diplomatic Relations" is a law, no party.
            group.label = "LAW"
    propagate(doc, groups, names, dictionary)
    groups = [group for group in groups if group.mentions]
    spans = list(others)
    for group in groups:
        for m in group.mentions:
            spans.append(Span(doc, m.start, m.end, label=m.label))
    spans = without_overlaps(spans)
    return spans, entity_dicts(doc, groups)


#: Words that end the head of a name before its complement ("Convention on ...").
_COMPLEMENT_WORDS = frozenset({"on", "of", "for", "against", "between", "to"})


def _names_a_document(name: str) -> bool:
    """Whether an organisation's name is that of a treaty, convention or charter: the last
    word before any complement ("on Diplomatic Relations") is a document noun."""
    head = ""
    for word in name.split():
        if word.lower() in _COMPLEMENT_WORDS:
            break
        head = word.lower()
    head = head[:-1] if head.endswith("s") and head[:-1] in DOCUMENT_HEADS else head
    return head in DOCUMENT_HEADS


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
