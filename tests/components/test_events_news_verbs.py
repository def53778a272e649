"""General news verbs of the wire: brokering, sealing and inking deals, winning terms, filing
suits, slapping tariffs, annexing, calling up reserves, intercepting, torching, repelling.

The sentences are written for these tests; each row they exercise answers a class of reports.
"""

from __future__ import annotations

import pytest

from extraction import analyze

PUBLISHED = "2025-06-12"  # a Thursday


def _events(nlp, text: str) -> list[tuple]:
    article = analyze(text, published=PUBLISHED, nlp=nlp)
    return [(ev.type, ev.trigger.text, ev.actor_country, ev.target_country, ev.date)
            for ev in article.events]


@pytest.mark.parametrize("text, expected", [
    ("Qatar brokered a prisoner exchange between Rwanda and Burundi on Friday.",
     ("CONSULT", "brokered", "QAT", "RWA", "2025-06-06")),
    ("Kazakhstan's foreign minister flew to Baku on Monday.",
     ("CONSULT", "flew", "KAZ", "AZE", "2025-06-09")),
    ("Ghana and Togo sealed a deal on power exports on Tuesday.",
     ("AGREE", "sealed", "GHA", "TGO", "2025-06-10")),
    ("Chile and Argentina inked a pact on shared glaciers in January.",
     ("AGREE", "inked", "CHL", "ARG", "2025-01")),
    ("Senegalese President Bassirou Diomaye Faye won a second term in March.",
     ("ELECT", "won", "SEN", None, "2025-03")),
    ("Bolivia filed a lawsuit against Chile at the world court on Monday.",
     ("ACCUSE", "filed", "BOL", "CHL", "2025-06-09")),
    ("Mexico slapped tariffs on Brazilian steel on Wednesday.",
     ("SANCTION", "slapped", "MEX", "BRA", "2025-06-11")),
    ("Armenia called up reservists on Sunday.",
     ("MOBILIZE", "called", "ARM", None, "2025-06-08")),
    ("Norwegian jets intercepted two Russian bombers on Tuesday.",
     ("MOBILIZE", "intercepted", "NOR", "RUS", "2025-06-10")),
    ("Sudanese troops repelled an attack by Chadian fighters on Wednesday.",
     ("ASSAULT", "repelled", "SDN", "TCD", "2025-06-11")),
    ("Georgia reopened its embassy in Tbilisi's neighbour Armenia in May.",
     ("COOPERATE", "reopened", "GEO", "ARM", "2025-05")),
])
def test_a_news_verb_is_a_dated_event(nlp, text, expected):
    assert expected in _events(nlp, text)


def test_an_annexation_is_coercion_of_the_owner(nlp):
    events = _events(nlp, "Armenia annexed a strip of Azerbaijani land in 2019.")
    assert ("COERCE", "annexed", "ARM", "AZE", "2019") in events


def test_a_torched_village_is_an_assault(nlp):
    events = _events(nlp, "Malian soldiers torched a village near the border with Niger on Sunday.")
    assert [(t, trig, actor) for t, trig, actor, _, _ in events] == [
        ("ASSAULT", "torched", "MLI")]


@pytest.mark.parametrize("text", [
    "Oil prices sank on Monday after the talks stalled.",
    "The ferry sank off the coast of Sicily on Tuesday.",
    "The minister came down with a fever on Sunday.",
])
def test_words_of_markets_and_accidents_are_no_attack(nlp, text):
    assert not [ev for ev in _events(nlp, text) if ev[0] == "ASSAULT"]


# --- characterisations: what an act is called, and whom it wrongs -------------------------

def _stances(nlp, text: str) -> set[tuple]:
    article = analyze(text, published=PUBLISHED, nlp=nlp)
    return {(s.holder, s.target_key, s.polarity) for s in article.stances}


@pytest.mark.parametrize("text, doer, victim", [
    ("Ethiopian troops shelled a border post on Monday. Kenya called it a violation of "
     "Somalia's sovereignty.", "military:ETH", "SOM"),
    ("Turkish police raided the Swedish consulate in Istanbul on Monday. Norway called the "
     "raid a flagrant attack on Sweden's sovereignty.", "TUR", "SWE"),
    ("Venezuelan troops occupied a river island on Monday. Brazil condemned the occupation "
     "as a breach of Guyana's territorial integrity.", "military:VEN", "GUY"),
])
def test_calling_an_act_a_wrong_to_a_party_sides_with_it(nlp, text, doer, victim):
    stances = _stances(nlp, text)
    holder = {"Kenya": "KEN", "Norway": "NOR", "Brazil": "BRA"}[text.split(". ")[1].split()[0]]
    assert (holder, victim, "support") in stances
    assert (holder, doer, "oppose") in stances
    assert (holder, victim, "oppose") not in stances


def test_what_an_act_is_called_is_no_act_of_its_own(nlp):
    text = ("Ethiopian troops shelled a border post on Monday. Kenya called it an attack on "
            "Somalia's sovereignty.")
    assert [ev[0] for ev in _events(nlp, text) if ev[1] == "attack"] == []


def test_calling_an_act_a_success_is_no_condemnation(nlp):
    text = ("Ghana and Togo sealed a deal on power exports on Tuesday. Benin called it a "
            "breakthrough for the region.")
    stances = _stances(nlp, text)
    assert not [s for s in stances if s[0] == "BEN" and s[2] == "oppose"]


# --- "hit": an attack when weapons, armed men or a named party do it ------------------------

@pytest.mark.parametrize("text, expected", [
    ("Sudanese drones hit a fuel depot in Chad on Monday.", ("ASSAULT", "SDN", "TCD")),
    ("Kharkiv was hit by Russian glide bombs on Sunday.", ("ASSAULT", "RUS", "UKR")),
    ("Azerbaijan hit Armenian positions with artillery on Tuesday.", ("ASSAULT", "AZE", "ARM")),
])
def test_weapons_that_hit_a_place_are_an_attack(nlp, text, expected):
    assert expected in [(t, actor, target) for t, trig, actor, target, _ in _events(nlp, text)
                        if trig == "hit"]


@pytest.mark.parametrize("text", [
    "The cyclone hit the coast of Madagascar on Monday.",
    "New tariffs hit Canadian exporters hard last year.",
    "Unemployment in Spain hit a ten-year low in May.",
])
def test_storms_tariffs_and_figures_that_hit_are_no_attack(nlp, text):
    assert not [ev for ev in _events(nlp, text) if ev[1] == "hit" and ev[0] == "ASSAULT"]


# --- background_date: a paragraph of background keeps its date ------------------------------

def _dated(nlp, text: str) -> dict[str, str | None]:
    article = analyze(text, published=PUBLISHED, nlp=nlp)
    return {ev.trigger.text: ev.date for ev in article.events}


def test_a_background_paragraph_keeps_its_date(nlp):
    text = ("Kenya and Ethiopia signed a border pact on March 3, 2019. Kenyan troops withdrew "
            "from the disputed wells.")
    assert _dated(nlp, text)["withdrew"] == "2019-03-03"


def test_a_paragraph_break_ends_the_background(nlp):
    text = ("Kenya and Ethiopia signed a border pact on March 3, 2019.\n\nKenyan troops "
            "withdrew from the disputed wells.")
    assert _dated(nlp, text)["withdrew"] == PUBLISHED


def test_words_said_after_background_are_said_now(nlp):
    text = ("Kenya and Ethiopia signed a border pact on March 3, 2019. Kenya's foreign "
            "minister said the pact had failed.")
    assert _dated(nlp, text)["said"] == PUBLISHED


# --- guards: ended plans, praise of "it", and an "it" its own clause explains ----------------

def test_halting_plans_to_annex_is_no_hostility(nlp):
    text = "Ghana thanked Togo's president for halting plans to annex a strip of Benin."
    assert not [s for s in _stances(nlp, text) if s[2] == "oppose"]


def test_praise_of_it_is_not_aimed_at_an_earlier_attack(nlp):
    text = ("Sudanese troops shelled a market in Darfur on Monday. Chad and Sudan signed a "
            "border pact on Tuesday, and Kenya called it an important milestone.")
    events = analyze(text, published=PUBLISHED, nlp=nlp).events
    assert [(ev.type, ev.target_sector) for ev in events if ev.trigger.text == "called"] == [
        ("SUPPORT", None)]


def test_it_explained_by_its_own_clause_is_no_earlier_act(nlp):
    text = ("Sudanese troops shelled a market in Darfur on Monday. Kenya called it a breach "
            "of protocol when Chad's minister spoke first at the summit.")
    assert not [s for s in _stances(nlp, text) if s[0] == "KEN" and "SDN" in s[1]]
