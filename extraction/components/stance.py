"""The ``newslens_stance`` component: where each holder stands towards each target.

Reads ``doc._.newslens_events``, ``doc._.newslens_relations``, ``doc._.newslens_entities``
and ``doc._.newslens_anchor``; writes ``doc._.newslens_stances`` (``Stance.to_dict()``
dicts, each with its evidence). The aggregation and its named rules live in
``extraction.events.stance``; this class only wires them up.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from .. import extensions  # noqa: F401  (registers the Doc attributes)
from ..events.stance import DEFAULT_RULES, STANCE_RULES, aggregate_stances


class Stance:
    """Aggregate a document's events and relations into stances with the named rules."""

    def __init__(self, rules: list[str]) -> None:
        unknown = [r for r in rules if r not in STANCE_RULES]
        if unknown:
            raise ValueError(f"unknown stance rules {unknown}; known: {list(STANCE_RULES)}")
        self.rules = list(rules)

    def __call__(self, doc: Doc) -> Doc:
        doc._.newslens_stances = aggregate_stances(
            doc._.newslens_events or [], doc._.newslens_entities or [],
            doc._.newslens_relations or [],
            published=doc._.newslens_anchor or doc._.newslens_published, rules=self.rules)
        return doc


@Language.factory(
    "newslens_stance",
    requires=["doc._.newslens_events", "doc._.newslens_entities", "doc._.newslens_relations",
              "doc._.newslens_anchor"],
    assigns=["doc._.newslens_stances"],
    default_config={"rules": list(DEFAULT_RULES)},
)
def make_stance(nlp: Language, name: str, rules: list[str]) -> Stance:
    """Build the stance component.

    Args:
        nlp: the pipeline (unused; spaCy passes it to every factory).
        name: the component's name in the pipeline.
        rules: the names of the stance rules to run (``STANCE_RULES``), in order.
    """
    return Stance(rules)
