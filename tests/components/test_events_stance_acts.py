"""Acts that carry a stance, as classes of sentences (issue 9): tributes and condolences,
refusals told by negation, criticism of an act, removals from office.

Every sentence here is written for these tests (none comes from a benchmark); they run the
pinned ``en_core_web_sm`` with the newslens entities, time and events components.
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.components.conftest import run_events

events = run_events


def happened(evs: list[dict[str, Any]], etype: str) -> list[dict[str, Any]]:
    return [e for e in evs if e["type"] == etype and e["modality"] == "happened"]


def country_pairs(evs: list[dict[str, Any]]) -> set[tuple[Any, Any]]:
    """The (actor country, target country) of each event."""
    return {(e["actor_country"], e["target_country"]) for e in evs}


# Cases as data: one (text, actor, target) row each; alike other case tables in form only.
@pytest.mark.parametrize(("text", "actor", "target"), [
    ("Kenya paid tribute to the late Tanzanian president.", "KEN", "TZA"),
    ("Chile paid homage to the murdered Argentine journalists.", "CHL", "ARG"),
    ("Cuba declared national mourning for the late Venezuelan leader Hugo Chavez.", "CUB",
     "VEN"),
    ("Japan expressed condolences over the death of the Thai king.", "JPN", "THA"),
    ("Ghana hailed the former South African president as a hero.", "GHA", "ZAF"),
])
def test_events_stance_acts_tribute_is_support(events_nlp, text, actor, target):
    evs = happened(events(events_nlp, text), "SUPPORT")
    assert (actor, target) in country_pairs(evs)


@pytest.mark.parametrize(("text", "actors"), [
    ("Tributes were paid by leaders including the French President Emmanuel Macron and "
     "German Chancellor Olaf Scholz.", {"FRA", "DEU"}),
    ("The rally was joined by several governments including Kenya and Uganda.",
     {"KEN", "UGA"}),
])
def test_events_stance_acts_agent_group_lists_its_members(events_nlp, text, actors):
    assert actors <= {e["actor_country"] for e in events(events_nlp, text)}


def test_events_stance_acts_listed_people_are_not_a_group_of_parties(events_nlp):
    evs = events(events_nlp, "Twenty more, including a Kenyan nurse, were injured.")
    assert not any(e["target_country"] == "KEN" for e in evs)


@pytest.mark.parametrize(("text", "actors"), [
    ("Neither France nor Germany would endorse the election result.", {"FRA", "DEU"}),
    ("Neither the EU nor the United States recognised the new government of Myanmar.",
     {"USA"}),
    ("Canada did not recognise the Venezuelan government.", {"CAN"}),
    ("Spain would not accept the Catalan referendum.", {"ESP"}),
])
def test_events_stance_acts_refusal_is_a_reject_that_happened(events_nlp, text, actors):
    evs = happened(events(events_nlp, text), "REJECT")
    assert actors <= {e["actor_country"] for e in evs}
    assert all(e["polarity"] < 0 for e in evs)


# Cases as data: sentences a row, one test each; the same form as the other sentence-only tables.
@pytest.mark.parametrize("text", [
    "Russia did not attack the convoy.",
    "Turkey and Greece did not meet.",
    "Italy could not agree with France.",
    "If Japan does not support Korea, the talks will fail.",
])
def test_events_stance_acts_not_every_negation_is_a_refusal(events_nlp, text):
    evs = events(events_nlp, text)
    assert not [e for e in evs if e["modality"] == "happened" and e["polarity"] != 0 and
                e["actor_country"] in ("RUS", "TUR", "GRC", "ITA", "JPN")]


@pytest.mark.parametrize(("text", "target"), [
    ("A military coup removed the Thai prime minister Thaksin Shinawatra in 2006.", "THA"),
    ("The Sudanese president Omar al-Bashir was deposed by a coup.", "SDN"),
    ("A coup toppled the Malian president Ibrahim Boubacar Keita.", "MLI"),
])
def test_events_stance_acts_coup_is_the_military_against_the_removed(events_nlp, text,
                                                                      target):
    evs = happened(events(events_nlp, text), "COERCE")
    assert any(e["target_country"] == target and e["actor_country"] == target for e in evs)


# Cases as data: (text, actor, target) rows; the next table has the same form for another act.
@pytest.mark.parametrize(("text", "actor", "target"), [
    ("Israeli officials said Hezbollah are the suspected perpetrators.", "ISR", "LBN"),
    ("The Kenyan police said al-Shabaab was behind the bombing.", "KEN", "SOM"),
    ("The bombing was attributed to Boko Haram by the Nigerian army.", "NGA", "NGA"),
])
def test_events_stance_acts_naming_perpetrators_is_accusing(events_nlp, text, actor,
                                                            target):
    evs = happened(events(events_nlp, text), "ACCUSE")
    assert (actor, target) in country_pairs(evs)


def test_events_stance_acts_denied_perpetrators_accuse_no_one(events_nlp):
    evs = events(events_nlp, "Israeli officials said Hezbollah was not responsible.")
    assert not [e for e in evs if e["type"] == "ACCUSE"]


# Cases as data: (text, actor, target) rows, the form of the table above, for another act.
@pytest.mark.parametrize(("text", "actor", "target"), [
    ("Ethiopia is in conflict against the Tigray People's Liberation Front.", "ETH", "ETH"),
    ("Armenia remains in conflict with Azerbaijan.", "ARM", "AZE"),
])
def test_events_stance_acts_conflict_as_a_state_is_opposition(events_nlp, text, actor,
                                                              target):
    evs = happened(events(events_nlp, text), "REJECT")
    assert (actor, target) in country_pairs(evs)
