"""Where words are said and meetings held is no target; wars and territorial claims are
opposition (issue 9, places as targets; clear opposition missed).

"The ambassador said in Rome" had made Italy the target of a statement, and "talks in Oslo"
Norway a party to the talks. "At war with X" and "claims sovereignty over X" gave no event
towards X. Every sentence is written for these tests (none comes from a benchmark).
"""

from __future__ import annotations

import pytest

from extraction import analyze
from tests.components.conftest import run_events


def acts(nlp, text: str, word: str) -> list[tuple[str, str | None, str | None]]:
    return [(e["type"], e["actor_country"], e["target_country"]) for e in run_events(nlp, text)
            if e["trigger"]["text"] == word]


@pytest.mark.parametrize(("text", "word"), [
    ("The Kenyan ambassador to Italy said in Rome that the negotiations would continue.",
     "said"),
    ("Ghana's foreign minister told reporters in Paris that the border would reopen.", "told"),
    ("Chilean officials held talks in Oslo with the Bolivian delegation.", "held"),
    ("The foreign ministers of Chile and Peru met in Quito on Friday.", "met"),
])
def test_the_place_of_words_or_a_meeting_is_no_target(events_nlp, text, word):
    found = acts(events_nlp, text, word)
    assert found
    place = {"said": "ITA", "told": "FRA", "held": "NOR", "met": "ECU"}[word]
    assert all(t != place for _, _, t in found)
    targets = [e["target_text"] for e in run_events(events_nlp, text)
               if e["trigger"]["text"] == word]
    assert all(not (t or "").startswith(("in ", "at ")) for t in targets)


def test_a_meeting_keeps_its_other_side(events_nlp):
    found = acts(events_nlp, "Chilean officials held talks in Oslo with the Bolivian delegation.",
                 "held")
    assert ("CONSULT", "CHL", "BOL") in found


@pytest.mark.parametrize(("text", "word", "target"), [
    ("Chile's president arrived in Lima on Tuesday.", "arrived", "PER"),
    ("Israeli jets struck targets in Gaza overnight.", "struck", "PSE"),
])
def test_a_visit_or_an_attack_keeps_its_place(events_nlp, text, word, target):
    assert [t for _, _, t in acts(events_nlp, text, word)] == [target]


@pytest.mark.parametrize(("text", "actor", "target"), [
    ("Ethiopia was at war with Eritrea for two years.", "ETH", "ERI"),
    ("Russia's war with Ukraine entered its third year.", "RUS", "UKR"),
])
def test_a_war_with_a_party_is_an_assault_on_it(events_nlp, text, actor, target):
    assert acts(events_nlp, text, "war") == [("ASSAULT", actor, target)]


def test_the_war_in_a_place_names_no_other_side(events_nlp):
    assert acts(events_nlp, "The war in Syria displaced millions.", "war") == []


@pytest.mark.parametrize(("text", "word", "actor", "target"), [
    ("China, which claims sovereignty over Taiwan, sent warships to the strait.", "claims", "CHN",
     "TWN"),
    ("Guatemala has long claimed sovereignty over Belize.", "claimed", "GTM", "BLZ"),
])
def test_a_sovereignty_claim_is_a_demand_on_the_other(events_nlp, text, word, actor, target):
    assert acts(events_nlp, text, word) == [("REQUEST", actor, target)]


def test_a_sovereignty_claim_is_opposition():
    article = analyze("Guatemala has long claimed sovereignty over Belize.",
                      published="2021-05-04")
    assert [(s.holder, s.target_key, s.polarity) for s in article.stances] == \
        [("GTM", "BLZ", "oppose")]


def test_a_bare_claim_stays_speech(events_nlp):
    found = acts(events_nlp, "Mexico claimed the vote had been fair.", "claimed")
    assert all(t == "STATEMENT" for t, _, _ in found)


@pytest.mark.parametrize(("text", "word"), [
    ("Qatar and Egypt mediated talks in Doha between the two delegations.", "talks"),
    ("The talks in Geneva between Armenia and Azerbaijan ended without a deal.", "talks"),
    ("Norway and Cuba mediated talks in Havana.", "mediated"),
])
def test_the_place_of_talks_or_a_mediation_is_no_target(events_nlp, text, word):
    targets = [e["target_text"] for e in run_events(events_nlp, text)
               if e["trigger"]["text"] == word]
    assert all(not (t or "").startswith(("in ", "at ")) for t in targets)


def test_go_betweens_are_no_party_to_the_talks(events_nlp):
    found = acts(events_nlp, "Norway and Cuba mediated talks in Havana between the government "
                 "and the rebels.", "talks")
    assert all(a not in ("NOR", "CUB") for _, a, _ in found)


@pytest.mark.parametrize(("text", "word"), [
    ("Last month, Kosovo police arrested three men, prompting protests in several towns.",
     "protests"),
    ("The ruling by the Ghanaian court sparked clashes in the capital.", "clashes"),
])
def test_whoever_causes_an_act_does_not_do_it(events_nlp, text, word):
    found = acts(events_nlp, text, word)
    assert all(a is None for _, a, _ in found)


def test_an_act_done_through_a_light_verb_keeps_its_doer(events_nlp):
    assert acts(events_nlp, "Kenyan troops carried out raids on al-Shabab camps.", "raids") == \
        [("COERCE", "KEN", "SOM")]
