"""Renewing a measure is taking it again, and one clause names one act (issue 9, clear
opposition missed; false triggers and duplicates).

Every sentence is written for these tests (none comes from a benchmark).
"""

from __future__ import annotations

import pytest

from tests.components.conftest import run_events


def typed(nlp, text: str, etype: str) -> list[tuple[str, str | None]]:
    return [(e["trigger"]["text"], e["target_country"]) for e in run_events(nlp, text)
            if e["type"] == etype]


@pytest.mark.parametrize(("text", "etype", "word"), [
    ("The Ghanaian cabinet extended the state of emergency on Sunday.", "COERCE", "extended"),
    ("The Kenyan government extended the curfew in Mombasa.", "COERCE", "extended"),
    ("The Peruvian government prolonged the lockdown in Lima.", "COERCE", "prolonged"),
])
def test_renewing_a_measure_is_taking_it(events_nlp, text, etype, word):
    assert word in [w for w, _ in typed(events_nlp, text, etype)]


@pytest.mark.parametrize("text", [
    "The airline extended its flights to Lagos.",
    "The Chilean ministry extended the deadline for applications.",
])
def test_extending_other_things_is_no_measure(events_nlp, text):
    assert not [e for e in run_events(events_nlp, text) if e["type"] in ("COERCE", "SANCTION")]


@pytest.mark.parametrize(("text", "word"), [
    ("The EU imposed sanctions on Russia for six months.", "imposed"),
    ("The EU renewed sanctions on Russia for six months.", "renewed"),
    ("Washington tightened sanctions on Iran in March.", "tightened"),
])
def test_one_clause_names_one_sanction_with_its_target(events_nlp, text, word):
    found = typed(events_nlp, text, "SANCTION")
    assert len(found) == 1 and found[0][0] == word and found[0][1] in ("RUS", "IRN")
