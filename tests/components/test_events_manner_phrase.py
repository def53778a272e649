"""A bare noun saying in what spirit an act was done is no second act (event rule
``manner_phrase``): "India summoned the envoy in protest" is one summoning, not a summoning
and a protest of no one's. A noun with a party of its own ("in solidarity with Ukraine")
keeps what it says about that party.

Every sentence is written for these tests (none comes from a benchmark).
"""

from __future__ import annotations

import pytest

from extraction import analyze


@pytest.mark.parametrize("text, act, manner", [
    ("India summoned Sri Lanka's acting envoy on Monday in protest.", "summoned", "protest"),
    ("Chile recalled its ambassador from Lima on Friday in protest.", "recalled", "protest"),
])
def test_a_bare_manner_noun_is_no_event(nlp, text, act, manner):
    triggers = [e.trigger.text for e in analyze(text, published="2026-02-19", nlp=nlp).events]
    assert act in triggers and manner not in triggers


def test_a_manner_noun_with_a_party_keeps_its_target(nlp):
    events = analyze("Thousands marched in Vilnius on Sunday in solidarity with Ukraine.",
                     published="2026-02-19", nlp=nlp).events
    assert "UKR" in [e.target_country for e in events]
