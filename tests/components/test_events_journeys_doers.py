"""Classes of sentence about journeys, acts without a named doer, invitations and closing
another state's routes (issue 9, sixth round). Each rule or lexicon row answers the class,
not one sentence.

Every sentence is written for these tests (none comes from a benchmark).
"""

from __future__ import annotations

import pytest

from tests.components.test_events_offers_parts import _article, _events, _stances

# --- a journey is no retreat ------------------------------------------------------------------

@pytest.mark.parametrize(("text", "trigger"), [
    ("The special envoy left Nairobi on Tuesday after two days of meetings.", "left"),
    ("President Lula departed for Beijing on Friday afternoon.", "departed"),
    ("Two aides to the chancellor left for Warsaw on Sunday.", "left"),
    ("She left her apartment an hour before the explosion.", "left"),
    ("Hundreds of Filipino workers will be allowed to leave Kuwait next week.", "leave"),
])
def test_a_journey_is_no_event(text, trigger):
    assert _events(text, trigger) == []


@pytest.mark.parametrize(("text", "trigger", "actor"), [
    ("Foreign troops must leave Mali by June.", "leave", None),
    ("Kenya left the regional coalition in 2019.", "left", "KEN"),
    ("Mexico will leave the trade bloc next year.", "leave", "MEX"),
    ("The senator left the Liberal Party on Monday.", "left", None),
    ("The governor of Oaxaca will leave office on Friday.", "leave", None),
])
def test_leaving_a_body_an_office_or_a_place_held_by_force_stays(text, trigger, actor):
    events = _events(text, trigger)
    assert events, text
    if actor is not None:
        assert events[0].actor_country == actor


# --- an act of will needs a doer, unless it is dated ------------------------------------------

@pytest.mark.parametrize(("text", "trigger"), [
    ("They asked that the meeting be postponed.", "asked"),
    ("Talks were held behind closed doors.", "held"),
    ("The proposal rejected any change to the border.", "rejected"),
])
def test_an_undated_act_with_no_named_doer_is_no_event(text, trigger):
    assert _events(text, trigger) == []


@pytest.mark.parametrize(("text", "trigger"), [
    # Dated: it belongs on the timeline even before its doer is known.
    ("They asked on 3 February that the meeting be postponed.", "asked"),
    # Violence, words and votes need no named doer.
    ("Gunmen killed four villagers near the border.", "killed"),
    ("About two million people voted in the referendum.", "voted"),
])
def test_dated_acts_violence_and_words_keep_their_event(text, trigger):
    assert _events(text, trigger), text


def test_a_named_doer_keeps_an_undated_act():
    assert _events("Ghana asked that the meeting be postponed.", "asked")


# --- an invitation is a consultation ----------------------------------------------------------

def test_an_invitation_is_a_consultation_with_the_invited():
    events = _events("Ghana invited Nigeria's president to a summit in Accra.", "invited")
    assert [(e.type, e.actor_country, e.target_country) for e in events] == \
        [("CONSULT", "GHA", "NGA")]


# --- closing another state's routes is a sanction ---------------------------------------------

@pytest.mark.parametrize(("text", "holder", "target"), [
    ("Turkey shut down Iraq's oil pipelines on Tuesday.", "TUR", "IRQ"),
    ("Kenya closed its ports to Somali ships in March.", "KEN", "SOM"),
    ("Algeria closed the crossing to Moroccan trucks on Sunday.", "DZA", "MAR"),
])
def test_closing_another_states_routes_is_opposition(text, holder, target):
    assert (holder, target, "oppose") in _stances(text)


def test_a_business_shutting_down_is_no_event():
    assert _events("The factory shut down in 2019.", "shut") == []


# --- words of revealing are statements; where words were said is not whom to ------------------

@pytest.mark.parametrize(("text", "trigger", "actor"), [
    ("President Macron revealed on Friday that the two leaders had spoken by telephone.",
     "revealed", "FRA"),
    ("The Peruvian prime minister disclosed on Monday that the talks had stalled.",
     "disclosed", "PER"),
    ("The Nigerian foreign minister asserted that the elections had been fair.", "asserted",
     "NGA"),
])
def test_revealing_words_are_dated_statements(text, trigger, actor):
    events = _events(text, trigger)
    assert [(e.type, e.actor_country) for e in events] == [("STATEMENT", actor)]


@pytest.mark.parametrize("text", [
    "The Kenyan president said on state television that the border post would reopen.",
    "Chile's foreign minister announced on Facebook that the embassy would close.",
])
def test_the_medium_of_a_statement_is_not_its_target(text):
    events = [e for e in _article(text).events if e.type == "STATEMENT"]
    assert events
    assert all(e.target is None and e.target_text is None for e in events)


# --- sentences handed down and outlets shuttered ----------------------------------------------

@pytest.mark.parametrize(("text", "trigger"), [
    ("He was given a five-year prison sentence in 2012.", "given"),
    ("A Bolivian court handed the two officers ten-year sentences on Thursday.", "handed"),
    ("Authorities in Minsk shuttered the newspaper in March 2018.", "shuttered"),
])
def test_sentences_and_closures_are_coercion(text, trigger):
    assert [e.type for e in _events(text, trigger)] == ["COERCE"]


def test_a_shop_closing_by_itself_is_no_coercion():
    assert _events("The shop shuttered in 2020.", "shuttered") == []
