"""Courts, the accused and counted references (issue 9, blind split 3 read as development
data): who tries whom, who a bare participle tells of, "all three nations", and crime
that is no state's stance.

Every sentence is written for these tests (none comes from a benchmark). Each rule is
tested both ways: what it adds or changes, and what it must leave alone.
"""

from __future__ import annotations

import pytest

from tests.components.conftest import run_events
from tests.components.test_events_precision import _stances

events = run_events


def triggered(evs, word):
    return [e for e in evs if e["trigger"]["text"] == word]


# --- participle_patient: a bare passive participle tells of the subject it shares ------

# Cases as data: (text, trigger, actor, target) rows; alike other case tables in form only.
@pytest.mark.parametrize(("text", "word", "actor", "target"), [
    ("A Chilean, Pablo Rojas, appeared in a court in Lima on Monday, charged with fraud.",
     "charged", "PER", "CHL"),
    ("The Kenyan runner wept when convicted of doping.", "convicted", "KEN", "KEN"),
])
def test_the_subject_of_a_bare_participle_undergoes_the_act(events_nlp, text, word, actor,
                                                             target):
    found = triggered(events(events_nlp, text), word)
    assert [(e["actor_country"], e["target_country"]) for e in found] == [(actor, target)]


def test_a_participle_with_its_own_agent_keeps_the_agent_as_actor(events_nlp):
    found = triggered(events(events_nlp, "Backed by Russia, the rebels attacked the town."),
                      "Backed")
    assert [(e["type"], e["actor_country"]) for e in found] == [("SUPPORT", "RUS")]


def test_a_participle_after_as_is_a_description_not_an_act_on_the_describer():
    text = ("Police said the attacker, named by a Danish paper as convicted of theft, "
            "used a fake badge.")
    assert not [s for s in _stances(text) if s[1].startswith("entity:") and "paper" in s[1]]


# --- court_state: the court's state tries the accused -----------------------------------

# Cases as data: (text, expected stance) rows; alike other case tables in form only.
@pytest.mark.parametrize(("text", "expected"), [
    ("A Chilean, Pablo Rojas, appeared in a court in Lima on Monday, charged with fraud.",
     ("PER", "entity:Pablo Rojas", "oppose")),
    ("Former Uruguayan minister Ana Ruiz was convicted in Montevideo on Friday of taking "
     "bribes.", ("URY", "entity:Ana Ruiz", "oppose")),
])
def test_a_court_opposes_the_accused(text, expected):
    assert expected in _stances(text)


def test_an_arrest_in_a_place_still_has_no_stated_author(events_nlp):
    found = triggered(events(events_nlp, "The activist was arrested in Minsk on Sunday."),
                      "arrested")
    assert [e["actor_text"] for e in found] == ["in Belarus"]


@pytest.mark.parametrize("text", [
    "The Senate of Paraguay impeached President Mario Benitez on Monday.",
    "President Mario Benitez of Paraguay was impeached on Monday.",
])
def test_an_impeachment_is_the_state_against_its_president(text):
    assert ("PRY", "entity:Mario Benitez", "oppose") in _stances(text)


def test_found_guilty_is_a_verdict(events_nlp):
    found = triggered(events(events_nlp, "Two Bolivian officials were found guilty of fraud "
                                         "in La Paz on Tuesday."), "found")
    assert [(e["type"], e["actor_country"]) for e in found] == [("COERCE", "BOL")]


def test_found_without_a_verdict_is_no_event(events_nlp):
    assert not triggered(events(events_nlp, "Divers found the wreck off Malta in May."),
                         "found")


# --- crime by or justice on a private person is no state's stance ------------------------

@pytest.mark.parametrize("text", [
    "A Moroccan man stabbed two Spanish tourists in Madrid on Friday.",
    "The gunman, a Belgian national, attacked a bar in Lille on Saturday.",
    "A Brazilian man appeared in a Lisbon court yesterday, charged with three murders.",
])
def test_crime_and_trials_of_private_people_are_no_stance_between_states(text):
    assert not [s for s in _stances(text) if len(s[0]) == 3 and len(s[1]) == 3]


def test_a_states_troops_killing_foreign_civilians_still_oppose_their_country():
    text = "Russian troops killed four Ukrainian farmers near Kharkiv on Monday."
    assert any(h.endswith("RUS") and t == "UKR" and p == "oppose"
               for h, t, p in _stances(text))


# --- counted_reference: "all three nations" are the three just named ---------------------

def test_all_three_nations_are_the_three_just_named(events_nlp):
    text = ("Peru, Chile and Ecuador sent ships, and all three nations offered naval "
            "assistance to Bolivia in 2014.")
    found = triggered(events(events_nlp, text), "offered")
    assert sorted(e["actor_country"] for e in found) == ["CHL", "ECU", "PER"]


# --- offer_made: an offer of a thing is made now; an offer to act is about the future ------

def test_an_offer_of_help_is_made_and_is_support(events_nlp):
    text = "Colombia offered medical assistance to Ecuador on Monday."
    found = triggered(events(events_nlp, text), "offered")
    assert [e["modality"] for e in found] == ["happened"]
    assert ("COL", "ECU", "support") in _stances(text)


def test_an_offer_to_act_is_planned(events_nlp):
    found = triggered(events(events_nlp, "Colombia offered to send doctors to Ecuador."),
                      "offered")
    assert [e["modality"] for e in found] == ["planned"]


def test_three_nations_with_too_few_named_stay_unresolved(events_nlp):
    text = "Peru sent ships, and all three nations offered naval assistance in 2014."
    found = triggered(events(events_nlp, text), "assistance")
    assert all(e["actor_country"] in (None, "PER") for e in found)
    assert len(found) <= 1


def test_the_two_countries_still_pair(events_nlp):
    text = "Peru and Chile signed a fisheries pact; the two countries also agreed to talks."
    found = triggered(events(events_nlp, text), "agreed")
    assert sorted(e["actor_country"] for e in found) == ["CHL", "PER"]


# --- opening_date: a date opening a sentence frames what it narrates ----------------------

def test_a_date_opening_the_sentence_dates_a_later_clause(events_nlp):
    text = ("Yesterday the Chilean agency told the press it would end its search; a radio "
            "station then phoned the Peruvian navy, which told listeners the ship had sunk.")
    found = triggered(events(events_nlp, text), "told")
    assert [e["date"] for e in found] == ["2021-05-03", "2021-05-03"]


def test_a_later_date_in_the_sentence_keeps_its_own_clause(events_nlp):
    text = ("Yesterday the Chilean navy told reporters that the Peruvian navy said on "
            "Friday the crew was safe.")
    found = triggered(events(events_nlp, text), "said")
    assert [e["date"] for e in found] == ["2021-04-30"]


# --- named_speaker: a named person's statement is on the timeline ------------------------

def test_a_named_person_without_a_country_speaking_is_a_statement(events_nlp):
    found = triggered(events(events_nlp, "Marta Quispe told reporters the harbour would "
                                         "reopen."), "told")
    assert [(e["type"], e["date_source"]) for e in found] == [("STATEMENT", "published")]


def test_an_unnamed_speaker_still_makes_no_statement(events_nlp):
    assert not triggered(events(events_nlp, "A witness told reporters the harbour would "
                                            "reopen."), "told")


# --- not_yet: an act not done so far is denied, a refusal for a cooperative act -------------

@pytest.mark.parametrize(("text", "word"), [
    ("President Ortiz of Bolivia has yet to concede the election.", "concede"),
    ("Peru has yet to recognise the new government of Bolivia.", "recognise"),
])
def test_an_act_not_yet_done_is_no_act_done(events_nlp, text, word):
    found = triggered(events(events_nlp, text), word)
    assert found and all(e["type"] == "REJECT" for e in found)


def test_the_lack_of_an_act_is_no_event(events_nlp):
    # An act told as absent is not done (rule negated_act).
    found = triggered(events(events_nlp, "The lack of a concession from Bolivian President "
                                         "Ortiz has no legal standing."), "concession")
    assert found == []


def test_an_act_done_stays_done(events_nlp):
    found = triggered(events(events_nlp, "Peru recognised the new government of Bolivia."),
                      "recognised")
    assert [(e["type"], e["modality"]) for e in found] == [("SUPPORT", "happened")]


# --- collective_they: a government or an army is "they" too ------------------------------

def test_they_after_a_government_is_that_government(events_nlp):
    text = ("The Burundian government confirmed the president's death on Tuesday. They then "
            "announced a week of mourning for him.")
    found = triggered(events(events_nlp, text), "announced")
    assert [e["actor_country"] for e in found] == ["BDI"]


def test_they_after_people_stays_with_the_people(events_nlp):
    text = ("Kenyan troops crossed the border on Monday. They attacked a rebel camp near the "
            "river.")
    found = triggered(events(events_nlp, text), "attacked")
    assert [e["actor_country"] for e in found] == ["KEN"]


def test_they_after_a_person_is_no_government(events_nlp):
    text = ("The Burundian president spoke on Tuesday. They then announced a week of mourning "
            "for him.")
    found = triggered(events(events_nlp, text), "announced")
    assert all(e["actor_country"] is None for e in found)


# --- help to one private foreigner is no support for their state ---------------------------

@pytest.mark.parametrize("text", [
    "Ecuador granted asylum to the Swedish activist on Monday.",
    "Norway offered shelter to a Russian dissident last week.",
])
def test_sheltering_a_foreign_activist_is_no_support_for_their_state(text):
    assert not [s for s in _stances(text) if s[2] == "support" and len(s[1]) == 3]


def test_jailing_a_foreign_journalist_still_opposes_their_state():
    text = "A Russian court sentenced an American journalist to 16 years in prison."
    assert ("RUS", "USA", "oppose") in _stances(text)


# --- denied_act: an act its own subject denies did not happen -------------------------------

@pytest.mark.parametrize(("text", "word"), [
    ("Rwanda denied backing the rebels in eastern Congo.", "backing"),
    ("Serbia denied that its army had attacked the village.", "attacked"),
])
def test_an_act_its_subject_denies_is_denied(events_nlp, text, word):
    found = triggered(events(events_nlp, text), word)
    assert found and all(e["modality"] == "denied" for e in found)


def test_denying_backing_is_no_stance_either_way():
    assert not [s for s in _stances("Rwanda denied backing the M23 rebels in eastern Congo.")
                if s[0] == "RWA"]


def test_an_accusation_of_backing_still_opposes_the_accused():
    assert ("COD", "RWA", "oppose") in _stances("Congo accused Rwanda of backing the M23 "
                                                "rebels.")


def test_stripping_critics_of_citizenship_is_coercion(events_nlp):
    found = triggered(events(events_nlp, "Nicaragua stripped 94 critics of their "
                                         "citizenship on Thursday."), "stripped")
    assert [(e["type"], e["actor_country"]) for e in found] == [("COERCE", "NIC")]
