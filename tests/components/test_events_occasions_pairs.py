"""Occasions are no targets, "the two republics" are the pair just named, and Brussels is
Belgium's capital when Belgium is in the sentence.

- "endorsed the route at a White House summit", "signed the pact at a ceremony in Lima":
  the occasion of an act, and the place of that occasion, are not whom it was for.
- "The two former Soviet republics fought a war": the pair of states named before, not
  Russia because of the word "Soviet".
- "severed ties with Brussels and expelled Belgian diplomats": Belgium, not the European
  Union, which Brussels stands for when no Belgian is in sight.

Every sentence is written for these tests (none comes from a benchmark).
"""

from __future__ import annotations

import pytest

from extraction import analyze
from tests.components.conftest import run_events


def stances(nlp, text: str) -> set[tuple[str, str | None, str]]:
    article = analyze(text, published="2025-06-12", nlp=nlp)
    return {(s.holder, s.target_key, s.polarity) for s in article.stances}


@pytest.mark.parametrize("text", [
    "Armenia endorsed the new route at a White House summit.",
    "Chile signed the fisheries pact at a ceremony in Lima.",
    "Greece backed the plan during an EU summit.",
])
def test_an_occasion_is_no_target(nlp, text):
    assert stances(nlp, text) == set()


def test_a_mission_in_a_country_is_still_for_it(nlp):
    found = stances(nlp, "The EU pledged funding for its monitoring mission in Armenia.")
    assert ("eu", "ARM", "support") in found


def test_the_two_republics_are_the_pair_named_before(events_nlp):
    text = ("Armenia and Azerbaijan signed a border protocol on Thursday. Armenia and "
            "Azerbaijan both hailed it. The two former Soviet republics fought a war in 2020.")
    fought = [(e["actor_country"], e["target_country"]) for e in run_events(events_nlp, text)
              if e["trigger"]["text"] == "fought"]
    assert sorted(fought) == [("ARM", "AZE"), ("AZE", "ARM")]


@pytest.mark.parametrize(("text", "holder"), [
    ("Brussels expelled two Rwandan envoys, and Belgian officials called the row regrettable.",
     "BEL"),
    ("Brussels expelled two Rwandan envoys over the dispute.", "eu"),
])
def test_brussels_is_belgium_beside_a_belgian(nlp, text, holder):
    assert (holder, "RWA", "oppose") in stances(nlp, text)


def test_a_seat_of_government_where_a_pact_is_signed_is_no_party(nlp):
    # "signed a deal at the White House": where it was signed; the signers back each other.
    found = stances(nlp, "Serbia and Kosovo signed a deal at the White House in 2020.")
    assert ("SRB", "XKX", "support") in found and ("XKX", "SRB", "support") in found
    assert not {s for s in found if s[1] == "USA"}


def test_firing_at_a_seat_of_government_is_still_an_attack_on_it(nlp):
    assert ("RUS", "USA", "oppose") in stances(nlp, "Russian ships fired at the White House.")
