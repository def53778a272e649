"""Tenth round, from wire-style articles of our own: announced measures, possibilities,
the city of an organisation, and condemned violence whose authors are unknown.

Every sentence here is written for these tests.
"""

from __future__ import annotations

import pytest

from tests.components.test_events_precision import _stances


def _modes(text, word):
    from extraction import analyze
    return {e.modality for e in analyze(text, published="2024-05-15").events
            if e.trigger.text == word}


# --- an announced hostile measure is a stance now, at half weight -------------------------

@pytest.mark.parametrize(("text", "pair"), [
    ("Latvia said on Monday it would impose entry bans on Belarusian officials.",
     ("LVA", "BLR")),
    ("Morocco will close its airspace to Algerian aircraft from Friday, the ministry said.",
     ("MAR", "DZA")),
])
def test_an_announced_measure_opposes_its_target(text, pair):
    assert (*pair, "oppose") in _stances(text)


@pytest.mark.parametrize("text", [
    "Portugal plans to open a consulate in Angola next year.",
    "Chile said it would hold joint naval drills with Peru in May.",
])
def test_a_planned_friendly_act_is_no_stance_yet(text):
    assert not {s for s in _stances(text) if s[2] == "support"}


# --- a possibility is no plan ---------------------------------------------------------------

@pytest.mark.parametrize(("text", "word"), [
    ("Canada could expel Iranian diplomats, officials said.", "expel"),
    ("Serbia may recall its ambassador from Montenegro.", "recall"),
    ("Hungary might block the new sanctions package.", "block"),
])
def test_a_possibility_is_conditional(text, word):
    assert _modes(text, word) == {"conditional"}


def test_a_possible_measure_makes_no_stance():
    assert not _stances("Canada could expel Iranian diplomats, officials said.")


def test_what_will_be_done_stays_planned():
    assert _modes("Canada will expel two Iranian diplomats.", "expel") == {"planned"}


# --- Brussels for the European Union -----------------------------------------------------------

@pytest.mark.parametrize(("text", "stance"), [
    ("Brussels criticised Georgia's new media law on Monday.", ("eu", "GEO", "oppose")),
    ("Serbia dismissed the criticism from Brussels.", ("SRB", "eu", "oppose")),
])
def test_brussels_as_an_actor_is_the_eu(text, stance):
    stances = _stances(text)
    assert stance in stances
    assert not any("BEL" in (holder, target) for holder, target, _ in stances)


def test_brussels_as_a_place_is_no_party():
    stances = _stances("Ministers met in Brussels and condemned Iran's missile tests.")
    assert not any(holder == "eu" or target == "eu" for holder, target, _ in stances)


# --- condemning violence by unknown authors is not against its victims -------------------------

STORY = ("Gunmen killed 26 tourists in the Indian town of Pahalgam on Tuesday. India blamed "
         "Pakistan and said it would respond. Britain, France and Japan condemned the killings "
         "on Wednesday. Indian police searched villages across India.")


def test_condemned_killings_are_not_against_the_victims_country():
    stances = _stances(STORY)
    assert not {s for s in stances if s[1] == "IND" and s[0] in ("GBR", "FRA", "JPN")}
    assert ("IND", "PAK", "oppose") in stances


def test_condemned_killings_keep_their_object():
    from extraction import analyze
    found = [e for e in analyze(STORY, published="2025-04-24").events
             if e.trigger.text == "condemned"]
    assert found and {e.target_text for e in found} == {"killings"}
