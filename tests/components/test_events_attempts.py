"""An attempt is an act (issue 9, what did not happen reported as happened, and back).

"The army attempted to overthrow the president" tells of a coup attempt that was made: the
act against the president happened as an attempt (at half strength), so it counts for
stance. A hope, a plan or a future try has not happened. Every sentence is written for these
tests (none comes from a benchmark).
"""

from __future__ import annotations

import pytest

from tests.components.conftest import run_events


def modes(nlp, text: str, word: str) -> list[str]:
    return [e["modality"] for e in run_events(nlp, text) if e["trigger"]["text"] == word]


@pytest.mark.parametrize(("text", "word"), [
    ("The army attempted to overthrow the Malian president.", "overthrow"),
    ("Russia tried to pressure the Ukrainian government.", "pressure"),
    ("Rebels had tried to seize the airport in Goma.", "seize"),
])
def test_an_attempt_told_in_the_past_happened(events_nlp, text, word):
    assert modes(events_nlp, text, word) == ["happened"]


@pytest.mark.parametrize(("text", "word"), [
    ("Ghana will try to mediate between the two parties.", "mediate"),
    ("Iran hopes to sign the deal with China.", "sign"),
    ("The Kenyan police did not try to block the march.", "block"),
])
def test_a_hope_a_plan_or_a_try_not_made_has_not_happened(events_nlp, text, word):
    found = modes(events_nlp, text, word)
    assert found and "happened" not in found
