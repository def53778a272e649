"""Acts supposed, not told; one act named by a verb and its noun; blame in a story of
aggression (issue 9, what did not happen reported as happened; duplicates; background).

- "Any invasion of Taiwan by China would trigger sanctions" had been an invasion that
  happened, and China's opposition to Taiwan.
- "lodged a diplomatic protest with China" had given a second event, a protest by a crowd.
- "Japan expressed concern over the incident", in a story about Chinese vessels firing on a
  Philippine boat, had been read as Japan's opposition to the Philippines.

Every sentence is written for these tests (none comes from a benchmark).
"""

from __future__ import annotations

import pytest

from extraction import analyze
from tests.components.conftest import run_events


def modes(nlp, text: str, word: str) -> list[str]:
    return [e["modality"] for e in run_events(nlp, text) if e["trigger"]["text"] == word]


@pytest.mark.parametrize(("text", "word"), [
    ("Any invasion of Taiwan by China would trigger sanctions.", "invasion"),
    ("An attack on Estonia would be an attack on the whole alliance.", "attack"),
    ("The minister warned that an armed attack on Filipino ships could start a war.", "attack"),
])
def test_an_act_supposed_did_not_happen(events_nlp, text, word):
    found = modes(events_nlp, text, word)
    assert found and found[0] == "conditional"


@pytest.mark.parametrize(("text", "word"), [
    ("The attack on the Kenyan embassy killed four guards.", "attack"),
    ("Uganda's attack on the border post was condemned.", "attack"),
])
def test_an_act_told_stays_told(events_nlp, text, word):
    assert modes(events_nlp, text, word)[:1] == ["happened"]


def test_no_stance_from_a_supposed_invasion():
    article = analyze("Any invasion of Taiwan by China would trigger sanctions.",
                      published="2021-05-04")
    assert not any(s.holder == "CHN" for s in article.stances)


@pytest.mark.parametrize("text", [
    "Kenya lodged a protest with Uganda.",
    "The Philippines on Sunday lodged a diplomatic protest with China.",
])
def test_a_protest_lodged_is_one_event(events_nlp, text):
    events = run_events(events_nlp, text)
    assert [(e["type"], e["trigger"]["text"]) for e in events] == [("ACCUSE", "lodged")]


STORY = (
    "MANILA - Chinese coast guard vessels fired water cannon at a Philippine supply boat on "
    "Sunday near a shoal that the Philippines says lies in its waters. "
    "The Philippine foreign ministry summoned China's ambassador in Manila. "
    "Philippine troops on the shoal were not hurt, the Philippine army said. "
    "Japan and Australia expressed concern over the incident."
)


def test_blame_in_a_story_of_aggression_is_the_aggressors():
    stances = {(s.holder, s.target_key): s.polarity
               for s in analyze(STORY, published="2024-06-20").stances}
    assert stances.get(("JPN", "CHN")) == "oppose"
    assert stances.get(("AUS", "CHN")) == "oppose"
    assert ("JPN", "PHL") not in stances and ("AUS", "PHL") not in stances


def test_blame_in_a_story_of_one_country_is_still_towards_it():
    story = ("TBILISI, Georgia - Thousands of Georgians marched in Tbilisi on Sunday against "
             "a new media law. Georgian police arrested dozens of protesters. The Georgian "
             "government said the law would protect the country. Germany condemned the "
             "crackdown.")
    stances = {(s.holder, s.target_key) for s in analyze(story, published="2024-06-20").stances}
    assert ("DEU", "GEO") in stances


@pytest.mark.parametrize(("text", "word"), [
    ("Germany condemned the crackdown.", "condemned"),
    ("Germany condemned the crackdown on protesters in Tbilisi.", "condemned"),
    ("France condemned the arrests of opposition leaders.", "condemned"),
])
def test_a_reaction_to_an_act_is_not_towards_the_reactors_own_people(events_nlp, text, word):
    found = [(e["target_country"], e["target_text"]) for e in run_events(events_nlp, text)
             if e["trigger"]["text"] == word]
    assert found and all(country not in ("DEU", "FRA") for country, _ in found)


def test_an_act_banned_is_not_the_banners(events_nlp):
    events = run_events(events_nlp, "The Egyptian government banned protests.")
    assert not any(e["type"] == "PROTEST" and e["actor_country"] == "EGY" for e in events)


def test_police_acting_on_people_at_home_stays_domestic(events_nlp):
    events = run_events(events_nlp, "Police arrested 12 demonstrators in Cairo.")
    assert [(e["actor_country"], e["target_country"]) for e in events] == [("EGY", "EGY")]
