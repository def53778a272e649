"""Classes of sentence about money withheld, displeasure voiced, acts aimed against a party,
force on dissenters and terrorist designations (issue 9, fourth round). Each rule or
lexicon row answers the class, not one sentence.

Every sentence is written for these tests (none comes from a benchmark).
"""

from __future__ import annotations

import pytest

from extraction import analyze


def _article(text: str):
    return analyze(text, published="2024-03-01")


def _stances(text: str) -> set[tuple[str, str, str]]:
    return {(s.holder, s.target_key, s.polarity) for s in _article(text).stances}


# --- cutting or withholding help is a sanction on whom it was for ----------------------------

@pytest.mark.parametrize(("text", "holder", "target"), [
    ("Britain cut aid to Malawi last year.", "GBR", "MWI"),
    ("The Dutch government slashed its development assistance to Burundi in May.", "NLD",
     "BDI"),
    ("Sweden has reduced its military support to Niger since the coup.", "SWE", "NER"),
    ("Washington withheld funding for Egypt's army after the crackdown.", "USA",
     "military:EGY"),
    ("Norway froze funding for Tanzania on Tuesday.", "NOR", "TZA"),
    ("The United States suspended aid for Niger after the coup.", "USA", "NER"),
])
def test_cutting_help_opposes_its_receiver(text, holder, target):
    found = _stances(text)
    assert (holder, target, "oppose") in found
    assert (holder, target, "support") not in found


def test_giving_help_stays_support():
    assert ("GBR", "MWI", "support") in _stances("Britain sent aid to Malawi last year.")
    assert ("JPN", "PHL", "support") in _stances(
        "Japan increased its military assistance to the Philippines.")


def test_a_cut_only_threatened_is_planned():
    events = _article("Britain will cut aid to Malawi if the law passes.").events
    cuts = [e for e in events if e.trigger.text == "cut"]
    assert cuts and all(e.modality != "happened" for e in cuts)


# --- voicing anger or outrage at a party is criticism of it ---------------------------------

@pytest.mark.parametrize(("text", "holder", "target"), [
    ("Poland expressed anger at Ukraine's grain exports.", "POL", "UKR"),
    ("Polish farmers voiced their outrage over Ukraine's grain imports on Friday.", "POL",
     "UKR"),
    ("Kenya expressed its displeasure with Somalia's decision.", "KEN", "SOM"),
    ("Farmers in Lyon blocked roads to voice their fury at Spain's tomato prices.", "FRA",
     "ESP"),
])
def test_voiced_anger_opposes(text, holder, target):
    assert (holder, target, "oppose") in _stances(text)


def test_anger_without_a_party_makes_no_stance():
    assert not _article("Residents expressed anger at the long queues.").stances


# --- an act named by a noun aimed "against" a party is hostile to it -------------------------

@pytest.mark.parametrize(("text", "holder", "target"), [
    ("The general led a coup against President Bazoum on Wednesday.", "military:NER",
     "entity:Mohamed Bazoum"),
    ("Russia wages war on Ukraine.", "RUS", "UKR"),
    ("Kenya mounted a diplomatic campaign against Somalia's claim.", "KEN", "SOM"),
    ("Armenian activists formed a movement against Azerbaijan's blockade in March.", "ARM",
     "AZE"),
])
def test_acts_against_a_party_oppose_it(text, holder, target):
    assert (holder, target, "oppose") in _stances(text)


@pytest.mark.parametrize("text", [
    "The government started a vaccination campaign in the north.",
    "The United States declared a war on drugs in 1971.",
    "Thousands joined the campaign for President Lula.",
])
def test_campaigns_and_wars_against_no_party_make_no_stance(text):
    assert not [s for s in _article(text).stances if s.polarity == "oppose"]


# --- force at home on a crowd of dissenters is against the opposition ------------------------

@pytest.mark.parametrize(("text", "holder", "target"), [
    ("Serbian police arrested 50 protesters in Belgrade on Friday.", "SRB", "opposition:SRB"),
    ("Police in Tbilisi fired tear gas at demonstrators on Sunday.", "GEO", "opposition:GEO"),
])
def test_force_on_dissenters_at_home_opposes_the_opposition(text, holder, target):
    assert (holder, target, "oppose") in _stances(text)


def test_force_on_people_at_home_is_no_stance_against_the_country():
    found = _stances("Serbian police arrested 50 people in Belgrade on Friday.")
    assert not [s for s in found if s[1] in ("SRB", "opposition:SRB")]


# --- naming a group a terrorist organisation is hostility, however the parse hangs it --------

@pytest.mark.parametrize(("text", "target"), [
    ("Paraguay designated Hezbollah a terrorist organisation in August.", "entity:Hezbollah"),
    ("Paraguay designated Hezbollah as a terrorist organisation in August.", "entity:Hezbollah"),
    ("Paraguay listed Hezbollah as a terrorist organisation in August.", "entity:Hezbollah"),
])
def test_terrorist_designation_opposes(text, target):
    assert ("PRY", target, "oppose") in _stances(text)


@pytest.mark.parametrize("text", [
    "The council designated Ms Keller as its new chair.",
    "The president designated the area a national park.",
    "The ministry listed three new heritage sites.",
])
def test_other_designations_make_no_opposition(text):
    assert not [s for s in _article(text).stances if s.polarity == "oppose"]
