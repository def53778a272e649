"""Whose is what an act is done to (issue 9, roles reversed; places as targets).

"Reinforced the positions of the M23 rebels" supports the rebels, as "the rebels'
positions" did; "recognised the new government in Kabul" is towards Afghanistan's state, not
a place. Every sentence is written for these tests (none comes from a benchmark).
"""

from __future__ import annotations

import pytest

from tests.components.conftest import run_events


def acts(nlp, text: str, word: str) -> list[tuple[str, str | None, str | None]]:
    return [(e["type"], e["actor_country"], e["target_country"]) for e in run_events(nlp, text)
            if e["trigger"]["text"] == word]


@pytest.mark.parametrize("text", [
    "Rwandan troops reinforced the positions of the M23 rebels.",
    "Rwandan troops reinforced the M23 rebels' positions.",
])
def test_reinforcing_the_positions_of_others_is_support(events_nlp, text):
    found = acts(events_nlp, text, "reinforced")
    assert found and all(t == "SUPPORT" for t, _, _ in found)


@pytest.mark.parametrize(("text", "word"), [
    ("Pakistan recognised the new government in Kabul.", "recognised"),
    ('"We recognise the new government in Kabul," the Pakistani foreign minister said.',
     "recognise"),
])
def test_a_government_in_a_capital_is_that_state(events_nlp, text, word):
    assert acts(events_nlp, text, word) == [("SUPPORT", "PAK", "AFG")]
    targets = [e["target_text"] for e in run_events(events_nlp, text)
               if e["trigger"]["text"] == word]
    assert all(not (t or "").startswith("in ") for t in targets)


@pytest.mark.parametrize(("text", "word", "target"), [
    ("Hungary's parliament ratified Sweden's NATO membership.", "ratified", "SWE"),
    ("Turkey blocked Sweden's NATO bid.", "blocked", "SWE"),
    ("Libya's UN-backed government signed a maritime deal with Turkey.", "signed", "TUR"),
])
def test_the_possessor_owns_the_thing_before_an_organisation_in_its_name(events_nlp, text,
                                                                        word, target):
    found = acts(events_nlp, text, word)
    assert found and all(t == target for _, _, t in found)


def test_the_possessor_is_also_the_doer(events_nlp):
    found = acts(events_nlp, "Libya's UN-backed government signed a maritime deal with Turkey.",
                 "signed")
    assert found and all(a == "LBY" for _, a, _ in found)
