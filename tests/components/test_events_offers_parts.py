"""Classes of sentence about offers of help, parts of a whole, opposing an act, voiced
disapproval, former country names, shelters and whose country an unplaced actor is
(issue 9, fifth round). Each rule or lexicon row answers the class, not one sentence.

Every sentence is written for these tests (none comes from a benchmark).
"""

from __future__ import annotations

import pytest

from extraction import analyze


def _article(text: str):
    return analyze(text, published="2024-03-01")


def _stances(text: str) -> set[tuple[str, str, str]]:
    return {(s.holder, s.target_key, s.polarity) for s in _article(text).stances}


def _events(text: str, trigger: str):
    return [e for e in _article(text).events if e.trigger.text == trigger]


# --- an actor the knowledge base does not place is not the country it acts upon ----------------

@pytest.mark.parametrize(("text", "trigger"), [
    ("Archbishop Carlos Mendes on Sunday called for sanctions against Venezuela.", "called"),
    ("Chancellor Olaf Sholz gave a warm welcome to Brazilian President Lula on Monday.",
     "welcome"),
])
def test_the_target_state_does_not_place_its_actor(text, trigger):
    events = _events(text, trigger)
    assert events
    for event in events:
        assert event.target_country is not None
        assert event.actor_country != event.target_country


@pytest.mark.parametrize(("text", "trigger", "country"), [
    # People of a country and the place of an act still place an office holder at home.
    ("Judge Maria Lopez opened an investigation into 12 Peruvian police officers.",
     "investigation", "PER"),
    ("President Ana Ruiz imposed a curfew in Quito on Friday.", "imposed", "ECU"),
])
def test_domestic_acts_keep_their_country(text, trigger, country):
    events = _events(text, trigger)
    assert events and events[0].actor_country == country


# --- readiness to help: the adjective's subject acts, the help is planned, and is no threat ----

def test_ready_to_help_defend_names_who_defends():
    events = _events("Poland is ready to send jets to help defend Ukraine.", "defend")
    assert events
    assert events[0].actor_country == "POL" and events[0].target_country == "UKR"
    assert events[0].modality == "planned"


@pytest.mark.parametrize("text", [
    "Ghana is ready to send soldiers to help Mali.",
    "Russia will send troops to help Syria.",
    "Canada is prepared to deploy ships to defend Estonia.",
])
def test_help_offered_with_troops_is_no_threat(text):
    events = _article(text).events
    assert events
    assert not [e for e in events if e.type == "THREATEN"]
    assert [e for e in events if e.type == "AID" or e.type == "SUPPORT"]


def test_a_purpose_is_as_planned_as_its_act():
    planned = _events("Russia plans to send troops to help Syria.", "help")
    done = _events("Russia sent troops to help Syria.", "help")
    assert planned and planned[0].modality == "planned"
    assert done and done[0].modality == "happened"


def test_troops_to_a_border_stay_a_threat():
    assert [e for e in _article("Russia will send troops to the border.").events
            if e.type == "THREATEN"]


# --- opposing an act: the act is not the opposer's -------------------------------------------

def test_opposition_to_sanctions_is_not_a_sanction():
    text = "Hungary voiced opposition to sanctions on Russia."
    sanctions = _events(text, "sanctions")
    assert sanctions and sanctions[0].actor_country != "HUN"
    assert ("HUN", "RUS", "oppose") not in _stances(text)


def test_opposition_is_not_the_political_opposition():
    text = "Brazil expressed opposition to the US embargo."
    found = _stances(text)
    assert ("BRA", "USA", "oppose") in found
    assert not [s for s in found if s[1].startswith("opposition:")]


def test_an_act_backed_stays_the_backers():
    assert ("KEN", "ERI", "oppose") in _stances("Kenya backed sanctions on Eritrea.")


# --- voicing or showing disapproval is criticism ----------------------------------------------

@pytest.mark.parametrize(("text", "holder", "target"), [
    ("Students in Manila marched to show their disapproval of China's claims.", "PHL", "CHN"),
    ("Poland expressed its disapproval of Belarus's decision.", "POL", "BLR"),
    ("Spain showed its displeasure with Morocco by recalling its ambassador.", "ESP", "MAR"),
])
def test_disapproval_opposes(text, holder, target):
    assert (holder, target, "oppose") in _stances(text)


def test_approval_is_no_disapproval():
    assert not [s for s in _stances("The minister expressed approval of Chile's plan.")
                if s[2] == "oppose"]


# --- a part of something is that thing --------------------------------------------------------

@pytest.mark.parametrize(("text", "holder", "target"), [
    ("The Dutch government halted part of the aid to Mali.", "NLD", "MLI"),
    ("Britain suspended part of a military aid programme for Malawi.", "GBR", "MWI"),
])
def test_cutting_part_of_help_is_a_sanction(text, holder, target):
    found = _stances(text)
    assert (holder, target, "oppose") in found
    assert (holder, target, "support") not in found
    assert not [e for e in _article(text).events if e.type == "AID"]


@pytest.mark.parametrize(("text", "target"), [
    ("Kenyan troops seized part of a Somali militia base.", "SOM"),
    ("Ukrainian forces shelled part of Russia's Belgorod region.", "RUS"),
])
def test_acts_on_part_of_a_place_target_its_country(text, target):
    assert [e for e in _article(text).events if e.target_country == target]


def test_sending_part_of_aid_stays_support():
    assert ("GBR", "MWI", "support") in _stances("Britain sent part of its aid to Malawi.")


# --- former names of a state ------------------------------------------------------------------

@pytest.mark.parametrize(("text", "name", "country"), [
    ("Vietnamese forces fired rockets at Kampuchean guerrilla camps.", "Kampuchean", "KHM"),
    ("Rhodesian forces raided a camp in Zambia in 1978.", "Rhodesian", "ZWE"),
    ("Dahomey signed a trade pact with Nigeria in 1970.", "Dahomey", "BEN"),
])
def test_former_names_are_the_state(text, name, country):
    found = {m.text: e.country for e in _article(text).entities for m in e.mentions}
    assert found.get(name) == country


# --- a shelter for people is theirs -----------------------------------------------------------

def test_a_camp_for_refugees_is_their_countrys():
    events = _events("A camp for Sudanese refugees was attacked by Chadian militiamen.",
                     "attacked")
    assert events and events[0].actor_country == "TCD" and events[0].target_country == "SDN"


def test_a_camp_near_a_border_is_not():
    events = _events("Chadian militiamen attacked a camp near the Sudanese border.", "attacked")
    assert events and events[0].target_country != "SDN"


# --- a thing does not concede, reject or retreat; what one releases or leaves behind -----------

@pytest.mark.parametrize("text", [
    "Omani law allowed three days for the council to choose a successor.",
    "The new licence allows foreign firms to bid for contracts.",
    "The measure failed in the senate.",
    # A clause on a thing: the thing allows, not the person the sentence is about.
    "The gunman held a valid Kenyan licence allowing him to buy rifles.",
    "Ghana's opposition leader had a permit allowing him to hold rallies in Accra.",
])
def test_things_do_not_concede_or_reject(text):
    assert not [e for e in _article(text).events if e.type in ("CONCEDE", "REJECT")]


def test_parties_still_allow_and_prevent():
    assert [e for e in _article("The government allowed opposition parties to hold rallies.")
            .events if e.type == "CONCEDE"]
    assert [e for e in _article("Egypt prevented aid convoys from entering Gaza.").events
            if e.type == "REJECT" and e.actor_country == "EGY"]


@pytest.mark.parametrize("text", [
    "On Monday the ministry issued a press release about the talks.",
    "The court's opinion, released on Wednesday, found the law void.",
    "The late president left a lasting mark on Ghana's politics.",
])
def test_releases_and_marks_are_no_retreat(text):
    assert not [e for e in _article(text).events if e.type == "RETREAT"]


@pytest.mark.parametrize("text", [
    "Rebels released 12 hostages on Friday.",
    "Russian troops left the town of Kherson in November.",
])
def test_releasing_people_and_leaving_places_stay_retreats(text):
    assert [e for e in _article(text).events if e.type == "RETREAT"]


def test_a_released_statement_is_a_dated_statement():
    events = _article("The foreign ministry released a statement on Tuesday condemning the raid."
                      ).events
    released = [e for e in events if e.trigger.text == "released"]
    assert released and released[0].type == "STATEMENT" and released[0].date == "2024-02-27"
