"""Shared by the event tests: the events-only pipeline and one way to run it on a sentence."""

from __future__ import annotations

from typing import Any

import pytest

from extraction.pipeline import build_pipeline

PUBLISHED = "2021-05-04"  # a Tuesday


@pytest.fixture(scope="module")
def events_nlp():
    return build_pipeline(components=("newslens_entities", "newslens_time", "newslens_events"))


def run_events(nlp, text: str) -> list[dict[str, Any]]:
    """The event dicts of ``text`` published on ``PUBLISHED``."""
    doc = nlp.make_doc(text)
    doc._.newslens_published = PUBLISHED
    return nlp(doc)._.newslens_events
