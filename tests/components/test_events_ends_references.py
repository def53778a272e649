"""Tenth round, from wire-style articles of our own: ending aid or an offensive, a "they"
that several speakers said, and the organisation a definite noun stands for.

Every sentence here is written for these tests.
"""

from __future__ import annotations

import pytest

from tests.components.test_events_precision import _stances


def _acts(text):
    from extraction import analyze
    return [(e.type, e.trigger.text, e.actor_country, e.target_country)
            for e in analyze(text, published="2024-05-15").events]


# --- ending aid is a sanction, ending an offensive a retreat -----------------------------------

@pytest.mark.parametrize(("text", "pair"), [
    ("Washington paused part of its aid to Ethiopia last year.", ("USA", "ETH")),
    ("Sweden froze its development cooperation with Uganda.", ("SWE", "UGA")),
    ("Germany halted arms sales to Saudi Arabia in 2018.", ("DEU", "SAU")),
])
def test_ending_aid_or_cooperation_opposes(text, pair):
    stances = _stances(text)
    assert (*pair, "oppose") in stances and (*pair, "support") not in stances


def test_ending_an_offensive_is_one_retreat():
    acts = _acts("Russia halted its offensive against Ukraine on Sunday.")
    assert [a[0] for a in acts] == ["RETREAT"]
    assert ("RUS", "UKR", "oppose") not in _stances(
        "Russia halted its offensive against Ukraine on Sunday.")


def test_suspending_sanctions_is_one_retreat():
    acts = _acts("The European Union suspended its sanctions on Belarus.")
    assert [a[0] for a in acts] == ["RETREAT"]


# --- "they" after several speakers is all of them -----------------------------------------------

def test_a_reported_they_is_every_speaker():
    stances = _stances("Estonia, Latvia and Lithuania said on Wednesday they would impose "
                       "entry bans on Georgian officials.")
    assert {("EST", "GEO", "oppose"), ("LVA", "GEO", "oppose"),
            ("LTU", "GEO", "oppose")} <= stances


def test_a_reported_they_of_one_speaker_stays_one():
    stances = _stances("Estonia said on Wednesday they would impose entry bans on Georgian "
                       "officials.")
    assert {s[0] for s in stances} <= {"EST"}


# --- the place of an "X-based" body is not its owner ----------------------------------------------

@pytest.mark.parametrize(("text", "stance"), [
    ("The Arab League condemned Ethiopia on Tuesday. The Cairo-based league called on "
     "Ethiopia to halt the filling of the dam.", ("arableague", "ETH", "oppose")),
    ("The African Union suspended Mali on Friday. The Addis Ababa-based union said Mali "
     "must restore civilian rule.", ("au", "MLI", "oppose")),
])
def test_a_body_named_by_its_seat_is_the_body(text, stance):
    stances = _stances(text)
    assert stance in stances
    assert not any(s[0] in ("EGY", "ETH") and s[1] == stance[1] for s in stances
                   if s[0] != stance[1])


# --- "the bloc" is the organisation of states named last ------------------------------------

def test_the_bloc_is_the_last_organisation_of_states():
    stances = _stances("The European Union imposed new sanctions on Iran on Monday. The bloc "
                       "also condemned Russia's strikes on Kharkiv.")
    assert ("eu", "RUS", "oppose") in stances


def test_the_bloc_with_no_organisation_named_is_no_party():
    stances = _stances("The bloc condemned Russia's strikes on Kharkiv.")
    assert not {s for s in stances if s[1] == "RUS"}


def test_a_verb_whose_row_is_the_concession_keeps_it():
    # "Lifted a curfew" is a concession of its own, not only the end of the curfew.
    acts = _acts("Serbia lifted a night curfew in the province on Sunday.")
    assert "CONCEDE" in {a[0] for a in acts}
