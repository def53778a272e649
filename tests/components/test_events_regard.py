"""Homage and standing relations as lexicon rows (issue 9): a minute of silence, prayers for
someone, and relations or tensions stated between two parties.

Every sentence is written for these tests (none comes from a benchmark).
"""

from __future__ import annotations

import pytest

from tests.components.conftest import run_events
from tests.components.test_events_precision import _stances


# Cases as data: (text, expected stance) rows; alike other case tables in form only.
@pytest.mark.parametrize(("text", "expected"), [
    ("Both chambers of the Chilean Congress held a minute of silence in Pinera's honour on "
     "Tuesday.", ("CHL", "entity:Sebastián Piñera", "support")),
    ("The Peruvian foreign minister wrote: \"Let us all pray for President Morales.\"",
     ("PER", "entity:Evo Morales", "support")),
])
def test_silence_and_prayers_honour_someone(text, expected):
    assert expected in _stances(text)


@pytest.mark.parametrize("text", [
    "Turkey and Greece have long had poor relations over maritime borders.",
    "Tensions between Turkey and Greece rose after the arrests.",
])
def test_poor_relations_and_tensions_are_mutual_opposition(text):
    stances = _stances(text)
    assert ("TUR", "GRC", "oppose") in stances and ("GRC", "TUR", "oppose") in stances


@pytest.mark.parametrize("text", [
    "Turkey and Greece have long had close relations.",
    "The students held a meeting in Ankara on Monday.",
    "Greek officials held talks with Turkey on trade.",
])
def test_other_relations_and_holdings_are_no_opposition_or_homage(text):
    assert not [s for s in _stances(text) if s[2] == "oppose"]
    assert not [s for s in _stances(text) if s[1].startswith("entity:")]


# --- talks with rebels or an armed group are no support ----------------------------------

@pytest.mark.parametrize("text", [
    "The Taliban met with a US peace envoy in Qatar on Monday.",
    "Colombia's government held talks with the ELN rebels in Havana.",
])
def test_talks_with_armed_groups_are_no_support(text):
    assert not [s for s in _stances(text) if s[2] == "support"]


def test_a_meeting_alone_is_on_the_timeline_but_makes_no_stance():
    # Decided on the development gold of 2026-11-30 (six splits, three annotators): a
    # meeting, visit or talks alone say little of where one stands.
    from extraction import analyze

    text = "Brazil's president Lula met his French counterpart Emmanuel Macron on Thursday."
    article = analyze(text, published="2021-05-04")
    assert [e for e in article.events if e.type == "CONSULT" and e.actor_country == "BRA"]
    assert ("BRA", "FRA", "support") not in _stances(text)


def test_a_meeting_adds_to_a_stance_other_evidence_makes():
    from extraction import analyze

    article = analyze("Brazil's president Lula met his French counterpart Emmanuel Macron on "
                      "Thursday and praised France's climate policy.", published="2021-05-04")
    events = {e.id: e.type for e in article.events}
    stance = next(s for s in article.stances if (s.holder, s.target_key) == ("BRA", "FRA"))
    assert stance.polarity == "support"
    assert {"CONSULT", "SUPPORT"} <= {events.get(x) for x in stance.evidence}


# --- verbs of saying beyond "said": each is a statement on the timeline --------------------

@pytest.mark.parametrize(("text", "word"), [
    ("The Chilean navy confirmed the deaths of two sailors on Monday.", "confirmed"),
    ("The ministry of Peru noted a rise in cases on Monday.", "noted"),
    ("Peru's foreign minister stressed on Monday that the border stays open.", "stressed"),
    ("Peru added on Monday that it would send aid to Chile.", "added"),
])
def test_verbs_of_saying_are_statements(events_nlp, text, word):
    found = [e for e in run_events(events_nlp, text) if e["trigger"]["text"] == word]
    assert [(e["type"], e["date"]) for e in found] == [("STATEMENT", "2021-05-03")]


def test_adding_something_to_a_list_is_no_statement(events_nlp):
    text = "The EU added three Russian banks to its sanctions list on Monday."
    assert not [e for e in run_events(events_nlp, text) if e["type"] == "STATEMENT"]


# --- attitudes stated with an adjective and its complement ---------------------------------

@pytest.mark.parametrize(("text", "expected"), [
    ("Poland has been critical of the Russian pipeline for years.", ("POL", "RUS", "oppose")),
    ("Hungary remains supportive of Serbia's bid to join the EU.", ("HUN", "SRB", "support")),
    ("Lithuania is openly hostile to the Belarusian government.", ("LTU", "BLR", "oppose")),
])
def test_an_attitude_adjective_with_its_complement_is_a_stance(text, expected):
    assert expected in _stances(text)


def test_an_attitude_adjective_is_an_event_on_the_timeline(events_nlp):
    text = "Poland has been critical of the Russian pipeline for years."
    found = [e for e in run_events(events_nlp, text) if e["trigger"]["text"] == "critical"]
    assert [(e["type"], e["actor_country"], e["target_country"]) for e in found] == [
        ("ACCUSE", "POL", "RUS")]


@pytest.mark.parametrize("text", [
    "The situation in Mali is critical.",
    "A critical report on the Chilean economy was published on Monday.",
])
def test_critical_without_of_is_no_criticism(events_nlp, text):
    assert not [e for e in run_events(events_nlp, text) if e["type"] == "ACCUSE"]


# --- far_agent: a passive's agent hung lower by the parse ---------------------------------

def test_an_agent_hung_on_a_noun_of_the_clause_still_acts(events_nlp):
    text = "The rally was banned from the square at the stadium by the Chilean interior ministry."
    found = [e for e in run_events(events_nlp, text) if e["trigger"]["text"] == "banned"]
    assert [e["actor_country"] for e in found] == ["CHL"]


def test_a_place_after_by_is_no_agent(events_nlp):
    text = "The rally was banned from the square at the park by the river on Monday."
    found = [e for e in run_events(events_nlp, text) if e["trigger"]["text"] == "banned"]
    assert all(e["actor"] is None and e["actor_country"] is None for e in found)


# --- turning people away, declaring war; particles the parse took for adverbs -------------

@pytest.mark.parametrize("text", [
    "Malaysia and Thailand turned away boats carrying Rohingya migrants last week.",
    "Italy turned away a ship carrying 600 migrants from Libya.",
])
def test_turning_boats_away_is_a_rejection(events_nlp, text):
    found = [e for e in run_events(events_nlp, text) if e["trigger"]["text"] == "turned"]
    assert found and all(e["type"] == "REJECT" for e in found)


def test_turning_without_away_is_no_rejection(events_nlp):
    text = "The Italian ship turned north near Libya on Monday."
    assert not [e for e in run_events(events_nlp, text) if e["type"] == "REJECT"]


def test_declaring_war_on_a_country_opposes_it():
    assert ("RUS", "GEO", "oppose") in _stances("Russia declared war on Georgia on Monday.")



# --- a place of a strike is where it happened, whatever the country -----------------------

def test_a_nigerian_state_is_placed_in_nigeria(events_nlp):
    found = [e for e in run_events(events_nlp, "The Nigerian army bombed a camp in Borno "
                                               "state on Monday.")
             if e["trigger"]["text"] == "bombed"]
    assert [e["target_country"] for e in found] == ["NGA"]


# --- cutting supplies to a country is a sanction -------------------------------------------

@pytest.mark.parametrize(("text", "expected"), [
    ("Algeria cut gas supplies to Spain after the dispute.", ("DZA", "ESP", "oppose")),
    ("Russia halted oil supplies to Poland on Monday.", ("RUS", "POL", "oppose")),
])
def test_cutting_supplies_to_a_country_opposes_it(text, expected):
    assert expected in _stances(text)


def test_a_storm_cutting_supplies_sanctions_no_one(events_nlp):
    text = "The storm cut power supplies to Tbilisi on Monday."
    assert not [e for e in run_events(events_nlp, text)
                if e["type"] == "SANCTION" and (e["actor"] or e["actor_country"])]
    assert _stances(text) == set()


# --- lifting a sanction or a veto ends it; an act warned against has not happened ----------

@pytest.mark.parametrize(("text", "expected", "wrong"), [
    ("The EU lifted sanctions on Belarus on Monday.", ("eu", "BLR", "support"),
     ("eu", "BLR", "oppose")),
    # The membership is Sweden's: lifting the veto on it supports Sweden (an earlier
    # version of this case named NATO, the organisation in the membership's name).
    ("Ankara lifted its veto on Sweden's NATO membership.", ("TUR", "SWE", "support"),
     ("TUR", "SWE", "oppose")),
])
def test_lifting_a_sanction_or_a_veto_is_no_opposition(text, expected, wrong):
    stances = _stances(text)
    assert expected in stances and wrong not in stances


def test_an_act_warned_against_has_not_happened(events_nlp):
    found = [e for e in run_events(events_nlp, "Russia warned Finland against joining NATO.")
             if e["trigger"]["text"] == "joining"]
    assert [(e["actor_country"], e["modality"]) for e in found] == [("FIN", "planned")]
    assert ("RUS", "nato", "support") not in _stances("Russia warned Finland against "
                                                      "joining NATO.")


# --- refusing a hostile act is no hostility; a reaction drawn from someone is theirs --------

@pytest.mark.parametrize("text", [
    "Serbia refused to impose sanctions on Russia.",
    "Hungary declined to join the sanctions against Russia.",
])
def test_refusing_to_sanction_is_no_opposition(events_nlp, text):
    assert not [s for s in _stances(text) if s[1] == "RUS" and s[2] == "oppose"]
    found = [e for e in run_events(events_nlp, text) if e["trigger"]["text"] == "sanctions"]
    assert found and all(e["modality"] == "denied" for e in found)


def test_refusing_to_recognise_still_opposes():
    assert ("SRB", "XKX", "oppose") in _stances("Serbia refused to recognise Kosovo.")


@pytest.mark.parametrize(("text", "expected", "wrong"), [
    ("Turkey's offensive in Syria drew criticism from France.", ("FRA", "TUR", "oppose"),
     ("TUR", "FRA", "oppose")),
    ("The Hungarian law received praise from Poland.", ("POL", "HUN", "support"),
     ("HUN", "POL", "support")),
])
def test_a_reaction_drawn_from_someone_is_theirs(text, expected, wrong):
    stances = _stances(text)
    assert expected in stances and wrong not in stances


def test_a_people_or_bloc_adjective_without_a_country_is_no_target():
    stances = _stances("Turkey's offensive against Kurdish fighters in Syria drew criticism "
                       "from France.")
    assert not [s for s in stances if s[1] in ("entity:Kurdish", "entity:Western")]
    assert ("TUR", "rebels:SYR", "oppose") in stances
