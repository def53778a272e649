"""Who does violence: not a natural force or an illness, and an armed group named by what it
believes is a rebel side (issue 9, actor from the wrong words).

"The storm killed twelve people" has no doer: it must not be an attack, nor one by the country
the story is about. Every sentence is written for these tests (none comes from a benchmark).
"""

from __future__ import annotations

import pytest

from tests.components.conftest import run_events


def acts(nlp, text: str, word: str) -> list[tuple[str, str | None, float]]:
    return [(e["type"], e["actor_country"], e["polarity"]) for e in run_events(nlp, text)
            if e["trigger"]["text"] == word]


@pytest.mark.parametrize(("text", "word"), [
    ("The storm killed twelve people in Haiti.", "killed"),
    ("Measles has killed 70 children in Samoa.", "killed"),
    ("The coronavirus has killed more than 1,000 people in China.", "killed"),
    ("Ebola killed hundreds of people in Guinea.", "killed"),
    ("The earthquake injured dozens of people in Turkey.", "injured"),
])
def test_violence_by_a_natural_force_or_illness_is_a_happening(events_nlp, text, word):
    found = acts(events_nlp, text, word)
    assert found and all(t == "INCIDENT" and a is None and p == 0.0 for t, a, p in found)


def test_virus_named_with_hyphens_is_no_doer(events_nlp):
    # The story's country must not become the doer of what a virus did.
    text = ("Chinese officials met on Monday. SARS-CoV-2 has killed more than 1,000 people in "
            "Hubei.")
    assert all(t != "ASSAULT" for t, _, _ in acts(events_nlp, text, "killed"))


@pytest.mark.parametrize(("text", "word", "country"), [
    ("A Russian missile killed twelve people in Kharkiv.", "killed", "RUS"),
    ("Ethiopian troops killed twelve fighters near the border.", "killed", "ETH"),
])
def test_violence_by_a_party_stays_an_attack(events_nlp, text, word, country):
    found = acts(events_nlp, text, word)
    assert found and all(t == "ASSAULT" and a == country for t, a, _ in found)


@pytest.mark.parametrize(("text", "word", "country"), [
    ("Extremists bombed two towns in northern Nigeria on Sunday.", "bombed", "NGA"),
    ("Islamist extremists killed twelve villagers in Mali.", "killed", "MLI"),
])
def test_extremists_are_armed_rebels_of_the_country(events_nlp, text, word, country):
    # An armed group named only by what it believes is the rebel side of the country it
    # fights in, as militants and insurgents are.
    found = [e for e in run_events(events_nlp, text) if e["trigger"]["text"] == word]
    assert found and all(e["actor_sector"] == "rebels" and e["actor_country"] == country
                         for e in found)
