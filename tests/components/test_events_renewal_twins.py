"""Renewing a measure is taking it again, one clause names one act, and the way to an act is
no act of its own (issue 9, clear opposition missed; false triggers and duplicates).

Every sentence is written for these tests (none comes from a benchmark).
"""

from __future__ import annotations

import pytest

from tests.components.conftest import run_events


def typed(nlp, text: str, etype: str) -> list[tuple[str, str | None]]:
    return [(e["trigger"]["text"], e["target_country"]) for e in run_events(nlp, text)
            if e["type"] == etype]


@pytest.mark.parametrize(("text", "etype", "word"), [
    ("The Ghanaian cabinet extended the state of emergency on Sunday.", "COERCE", "extended"),
    ("The Kenyan government extended the curfew in Mombasa.", "COERCE", "extended"),
    ("The Peruvian government prolonged the lockdown in Lima.", "COERCE", "prolonged"),
])
def test_renewing_a_measure_is_taking_it(events_nlp, text, etype, word):
    assert word in [w for w, _ in typed(events_nlp, text, etype)]


@pytest.mark.parametrize("text", [
    "The airline extended its flights to Lagos.",
    "The Chilean ministry extended the deadline for applications.",
])
def test_extending_other_things_is_no_measure(events_nlp, text):
    assert not [e for e in run_events(events_nlp, text) if e["type"] in ("COERCE", "SANCTION")]


@pytest.mark.parametrize(("text", "word"), [
    ("The EU imposed sanctions on Russia for six months.", "imposed"),
    ("The EU renewed sanctions on Russia for six months.", "renewed"),
    ("Washington tightened sanctions on Iran in March.", "tightened"),
])
def test_one_clause_names_one_sanction_with_its_target(events_nlp, text, word):
    found = typed(events_nlp, text, "SANCTION")
    assert len(found) == 1 and found[0][0] == word and found[0][1] in ("RUS", "IRN")


@pytest.mark.parametrize(("text", "vehicle", "act"), [
    ("On Friday the United States and Britain moved to freeze the assets of the Russian "
     "president.", "moved", "freeze"),
    ("The Kenyan government stepped in to block the sale of the port.", "stepped", "block"),
    ("The Chilean senate acted on Tuesday to impose sanctions on Venezuela.", "acted", "impose"),
])
def test_the_way_to_an_act_is_no_act_of_its_own(events_nlp, text, vehicle, act):
    words = [e["trigger"]["text"] for e in run_events(events_nlp, text)]
    assert act in words and vehicle not in words


@pytest.mark.parametrize(("text", "word"), [
    ("The Samoan government executed a shutdown of public services on Monday to leave room "
     "for the vaccination campaign.", "executed"),
    ("The Ghanaian army moved into the northern town on Monday.", "moved"),
])
def test_an_act_done_to_something_or_a_movement_stays(events_nlp, text, word):
    assert word in [e["trigger"]["text"] for e in run_events(events_nlp, text)]


@pytest.mark.parametrize(("text", "word", "not_party"), [
    ("Russia violated the Minsk accords, Ukraine said.", "violated", "BLR"),
    ("The United States withdrew from the Paris climate accord.", "withdrew", "FRA"),
    ("Ethiopia rejected the Algiers agreement.", "rejected", "DZA"),
])
def test_a_city_naming_a_pact_is_where_it_was_made(events_nlp, text, word, not_party):
    found = [e for e in run_events(events_nlp, text) if e["trigger"]["text"] == word]
    assert found and all(e["target_country"] != not_party for e in found)


def test_a_country_naming_a_pact_is_a_party(events_nlp):
    found = [e for e in run_events(events_nlp, "Kenya welcomed the Iran deal.")
             if e["trigger"]["text"] == "welcomed"]
    assert [e["target_country"] for e in found] == ["IRN"]
