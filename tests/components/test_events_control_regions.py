"""Tenth round, from wire-style articles of our own: who does an act another verb's object
is made to do, a measure asked of others, regions named by an adjective, and a body named in
apposition.

Every sentence here is written for these tests.
"""

from __future__ import annotations

import pytest

from tests.components.test_events_precision import _stances


def _acts(text):
    from extraction import analyze
    return [(e.type, e.trigger.text, e.actor_country, e.target_country)
            for e in analyze(text, published="2024-05-15").events]


# --- "prompting X to do Y": X does Y ----------------------------------------------------------

@pytest.mark.parametrize(("text", "word", "actor"), [
    ("France recalled its ambassador, prompting Tehran to threaten reprisals.", "threaten",
     "IRN"),
    ("The floods forced Bolivia to suspend its trade talks with Chile.", "suspend", "BOL"),
])
def test_the_object_of_a_prompting_verb_does_the_act(text, word, actor):
    found = [a for a in _acts(text) if a[1] == word]
    assert found and {a[2] for a in found} == {actor}


def test_a_promise_keeps_its_subject():
    found = [a for a in _acts("Italy promised Tunisia to send aid.") if a[1] in ("aid", "send")]
    assert found and {a[2] for a in found} == {"ITA"}


# --- a measure asked of others is the asker's stance --------------------------------------------

@pytest.mark.parametrize(("text", "stance"), [
    ("The US asked Japan to impose sanctions on Russia.", ("USA", "RUS", "oppose")),
    ("Poland urged Germany to impose an embargo on Russia.", ("POL", "RUS", "oppose")),
])
def test_a_measure_asked_of_others_is_the_askers(text, stance):
    stances = _stances(text)
    assert stance in stances
    assert not any(s[0] in ("JPN", "DEU") and s[1] == "RUS" for s in stances)


# --- a region's adjective is no country ----------------------------------------------------------

@pytest.mark.parametrize(("text", "stance"), [
    ("The European Union and the South American bloc Mercosur signed a trade agreement.",
     ("eu", "mercosur", "support")),
    ("The African Union and the Latin American group CELAC signed a cooperation accord.",
     ("au", "celac", "support")),
])
def test_a_region_adjective_is_no_country(text, stance):
    stances = _stances(text)
    assert stance in stances
    assert not any("USA" in (s[0], s[1]) for s in stances)


@pytest.mark.parametrize(("text", "pair"), [
    ("South African troops attacked the rebels near Goma.", ("military:ZAF", "rebels:COD")),
    ("North Korean hackers attacked South Korean banks.", ("PRK", "KOR")),
])
def test_a_country_with_a_compass_word_stays_a_country(text, pair):
    assert {(s[0], s[1]) for s in _stances(text)} & {pair, (pair[0].split(":")[-1], pair[1])}


def test_a_participle_after_the_asked_clause_is_the_askers():
    # Only the verb right under the prompting verb is its object's act; the parse may hang
    # a later participle on it.
    text = ("Peru asked the UN Security Council to intervene in its dispute with Chile, "
            "accusing Santiago of moving troops to the border.")
    found = [a for a in _acts(text) if a[1] == "accusing"]
    assert found and {a[2] for a in found} == {"PER"}


# --- claiming an attack is having done it ---------------------------------------------------------

@pytest.mark.parametrize(("text", "actor"), [
    ("Al-Shabaab claimed responsibility for the attack on a Kenyan army base.", "SOM"),
    ("Al-Shabaab took credit for the bombing of a Kenyan army base on Monday.", "SOM"),
])
def test_the_claimer_of_an_attack_did_it(text, actor):
    found = [a for a in _acts(text) if a[0] == "ASSAULT"]
    assert found and {a[2] for a in found} == {actor} and {a[3] for a in found} == {"KEN"}


def test_an_inquiry_into_an_attack_is_not_the_attack():
    found = [a for a in _acts("Kenya opened an inquiry into the attack on its army base.")
             if a[0] == "ASSAULT"]
    assert all(a[2] != "KEN" for a in found)
