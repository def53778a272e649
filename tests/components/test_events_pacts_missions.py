"""States that form an alliance or confederation support each other, and the UN's missions
(UNIFIL, MONUSCO, ...) speak for the UN. The sentences are written for these tests."""

from __future__ import annotations

import pytest

from extraction import analyze

PUBLISHED = "2025-06-12"


def _stances(nlp, text: str) -> dict[tuple[str, str], str]:
    article = analyze(text, published=PUBLISHED, nlp=nlp)
    return {(s.holder, s.target_key): s.polarity for s in article.stances}


@pytest.mark.parametrize("text, members", [
    ("Niger, Mali and Burkina Faso formed a confederation in July 2024.", ("NER", "MLI", "BFA")),
    ("Peru and Bolivia formed a defence pact on Monday.", ("PER", "BOL")),
    ("Kenya and Uganda formed an alliance against the rebels.", ("KEN", "UGA")),
])
def test_states_forming_an_alliance_support_each_other(nlp, text, members):
    stances = _stances(nlp, text)
    for holder in members:
        for target in members:
            if holder != target:
                assert stances.get((holder, target)) == "support", (holder, target)


@pytest.mark.parametrize("mission", ["UNIFIL", "MONUSCO", "UNMISS"])
def test_a_un_mission_speaks_for_the_un(nlp, mission):
    text = f"{mission} said Israeli troops had fired on one of its patrols."
    article = analyze(text, published=PUBLISHED, nlp=nlp)
    said = [ev for ev in article.events if ev.trigger.text == "said"]
    entity = {e.id: e for e in article.entities}
    assert said and said[0].actor_country is None
    assert entity[said[0].actor].canonical == "United Nations"


@pytest.mark.parametrize("text, pair", [
    ("Niger revoked a military agreement with the United States in March.", ("NER", "USA")),
    ("Russia cancelled its gas deal with Moldova.", ("RUS", "MDA")),
    ("Mali tore up its defence pact with France.", ("MLI", "FRA")),
])
def test_revoking_an_agreement_is_no_support(nlp, text, pair):
    assert _stances(nlp, text).get(pair) == "oppose"


def test_signing_an_agreement_is_still_support(nlp):
    text = "Niger signed a military agreement with Russia in March."
    assert _stances(nlp, text).get(("NER", "RUS")) == "support"


@pytest.mark.parametrize("text, pair", [
    ("China held military drills around Taiwan on Wednesday.", ("CHN", "TWN")),
    ("Venezuela held military exercises near the Guyanese border.", ("VEN", "GUY")),
    ("Russia staged war games along the Finnish border.", ("RUS", "FIN")),
])
def test_drills_around_another_state_are_a_show_of_force(nlp, text, pair):
    assert _stances(nlp, text).get(pair) == "oppose"


@pytest.mark.parametrize("text, pair", [
    ("Japan held naval drills with Australia off Okinawa.", ("JPN", "AUS")),
    ("South Korea, Japan and the United States staged joint air drills on Thursday.",
     ("KOR", "USA")),
])
def test_drills_with_partners_are_cooperation(nlp, text, pair):
    assert _stances(nlp, text).get(pair) == "support"


def test_a_verb_after_a_described_relation_is_the_event(nlp):
    # "partners" describes the relation; "backed" is the act the timeline shows.
    article = analyze("Mali and Burkina Faso, Niger's partners, backed Niamey.",
                      published=PUBLISHED, nlp=nlp)
    triggers = {(ev.actor_country, ev.trigger.text) for ev in article.events}
    assert {("MLI", "backed"), ("BFA", "backed")} <= triggers
    assert not any(word == "partners" for _, word in triggers)


def test_a_party_of_the_clause_counted_from_receives_no_cooperation(nlp):
    # North Korea is in the "after" clause: South Korea's drills are not towards it.
    text = "South Korea staged drills on Thursday, two days after North Korea fired a missile."
    assert ("KOR", "PRK") not in _stances(nlp, text)


@pytest.mark.parametrize("text, pair", [
    ("Germany sent troops to a Lithuanian-led exercise last year.", ("DEU", "LTU")),
    ("Paris said France was ready to send troops to a Danish-led Arctic exercise.",
     ("FRA", "DNK")),
])
def test_sending_troops_to_a_partners_exercise_is_no_threat(nlp, text, pair):
    found = _stances(nlp, text)
    assert found.get(pair) != "oppose"
