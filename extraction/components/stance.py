"""The ``newslens_stance`` component: where each holder stands towards each target.

Reads ``doc._.newslens_events`` and ``doc._.newslens_entities``; writes
``doc._.newslens_stances`` (``Stance.to_dict()`` dicts, each with its evidence events).
The aggregation lives in ``extraction.events.stance``; this class only wires it up.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from .. import extensions  # noqa: F401  (registers the Doc attributes)
from ..events.stance import aggregate_stances


class Stance:
    """Aggregate a document's events into stances."""

    def __call__(self, doc: Doc) -> Doc:
        doc._.newslens_stances = aggregate_stances(doc._.newslens_events or [],
                                                   doc._.newslens_entities or [])
        return doc


@Language.factory(
    "newslens_stance",
    requires=["doc._.newslens_events"],
    assigns=["doc._.newslens_stances"],
)
def make_stance(nlp: Language, name: str) -> Stance:
    """Build the stance component (``nlp`` and ``name`` are spaCy's factory arguments)."""
    return Stance()
