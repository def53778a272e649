"""Event rules that must hold on news they were not built on (issue 9), one class per test.

Every sentence here is written for these tests (none comes from a benchmark). They run the
pinned ``en_core_web_sm`` with the newslens entities, time and events components, so each
case checks a rule on a real parse; the cases of one class vary the words, the parties
and the construction so that no single sentence decides a rule.
"""

from __future__ import annotations

from typing import Any

import pytest

from extraction.pipeline import build_pipeline
from tests.components.conftest import PUBLISHED, run_events

MODALITIES = {"happened", "planned", "conditional", "denied"}


events = run_events


def pairs(evs: list[dict[str, Any]], etype: str | None = None) -> set[tuple[str, str]]:
    return {(e["actor_country"], e["target_country"]) for e in evs
            if e["actor_country"] and e["target_country"] and (etype is None or
                                                               e["type"] == etype)}


@pytest.mark.parametrize(("text", "countries"), [
    ("Armenia and Azerbaijan signed a peace agreement.", ["ARM", "AZE"]),
    ("Ghana and Togo signed a border treaty.", ["GHA", "TGO"]),
    ("Peru, Chile and Ecuador met to sign a fisheries pact.", ["PER", "CHL", "ECU"]),
    ("Laos and Cambodia held talks in Vientiane on Monday.", ["LAO", "KHM"]),
    ("Serbia and Kosovo clashed over the new license plates.", ["SRB", "XKX"]),
    ("Bolivia, Paraguay and Argentina agreed to share river data.", ["BOL", "PRY", "ARG"]),
])
def test_events_general_joint_act_gives_every_ordered_pair(events_nlp, text, countries):
    found = pairs(events(events_nlp, text))
    assert {(a, b) for a in countries for b in countries if a != b} <= found


@pytest.mark.parametrize(("text", "actors"), [
    ("The statement was joined by Canada, Norway and Japan.", {"CAN", "NOR", "JPN"}),
    ("The declaration was signed by Estonia, Latvia and Lithuania.", {"EST", "LVA", "LTU"}),
])
def test_events_general_coordinated_agents_all_act(events_nlp, text, actors):
    assert actors <= {e["actor_country"] for e in events(events_nlp, text)}


@pytest.mark.parametrize(("text", "actor", "targets"), [
    ("Brazil increased cooperation with the navies of Chile, Peru and Uruguay.", "BRA",
     {"CHL", "PER", "URY"}),
    ("Spain offered help to the governments of Morocco, Tunisia and Algeria.", "ESP",
     {"MAR", "TUN", "DZA"}),
])
def test_events_general_coordinated_of_targets_all_expanded(events_nlp, text, actor, targets):
    found = pairs(events(events_nlp, text))
    assert {(actor, t) for t in targets} <= found


@pytest.mark.parametrize(("text", "word", "canonical"), [
    ("The raid was condemned by members of the African Union.", "condemned", "African Union"),
    ("The coup was denounced by members of the European Union.", "denounced",
     "European Union"),
])
def test_events_general_passive_agent_of_an_organisation(events_nlp, text, word, canonical):
    doc = events_nlp.make_doc(text)
    doc._.newslens_published = PUBLISHED
    doc = events_nlp(doc)
    names = {e["id"]: e["canonical"] for e in doc._.newslens_entities}
    evs = [e for e in doc._.newslens_events if e["trigger"]["text"] == word]
    assert evs and all(names.get(e["actor"]) == canonical for e in evs)


@pytest.mark.parametrize(("text", "etype", "actor"), [
    ("Chadian troops reinforced the rebels' positions.", "SUPPORT", "TCD"),
    ("Kenyan soldiers bolstered the militia's defences.", "SUPPORT", "KEN"),
    ("Ankara vowed to punish the militia.", "THREATEN", "TUR"),
    ("Hanoi vowed to crush the smugglers.", "THREATEN", "VNM"),
])
def test_events_general_roles(events_nlp, text, etype, actor):
    evs = [e for e in events(events_nlp, text) if e["actor_country"] == actor]
    assert evs and {e["type"] for e in evs} == {etype}


# Cases as data: one (text, trigger, modality) row each; alike other case tables in form only.
@pytest.mark.parametrize(("text", "word", "modality"), [
    ("Russia would impose sanctions if Washington decided to attack Syria.", "attack",
     "conditional"),
    ("Russia would impose sanctions if Washington decided to attack Syria.", "impose",
     "conditional"),
    ("If Beijing attacked Taiwan, Tokyo would support Washington.", "attacked", "conditional"),
    ("Australia will send aid to Fiji.", "send", "planned"),
    ("Canada plans to recognise the new government of Somalia.", "plans", "planned"),
    ("Mongolia and Kazakhstan will hold talks next month.", "hold", "planned"),
    # A cooperative act not performed is a refusal, itself an act (issue 9).
    ("Germany did not recognise the new government.", "recognise", "happened"),
    ("Serbia and Kosovo clashed over the new license plates.", "clashed", "happened"),
])
def test_events_general_modality(events_nlp, text, word, modality):
    evs = [e for e in events(events_nlp, text) if e["trigger"]["text"] == word or
           e["trigger"]["text"] == "decided" and word == "attack"]
    assert evs and {e["modality"] for e in evs} == {modality}


# An act told as not done is no event (rule negated_act), a conflictual one or a condemnation.
@pytest.mark.parametrize("text, word", [
    ("Russia did not attack the convoy.", "attack"),
    ("Chile did not condemn the coup in Peru.", "condemn"),
])
def test_events_general_not_done(events_nlp, text, word):
    assert word not in [e["trigger"]["text"] for e in events(events_nlp, text)]


# Cases as data: sentences a row, one test each; the same form as the other sentence-only tables.
@pytest.mark.parametrize("text", [
    "Iran will stop supporting the rebels.",
    "France ended its support for the junta.",
    "Nigeria stopped funding the militia.",
    "Argentina ended its cooperation with Britain.",
])
def test_events_general_cessation_is_no_support(events_nlp, text):
    evs = events(events_nlp, text)
    assert evs and all(e["polarity"] <= 0 for e in evs)


@pytest.mark.parametrize("text", [
    "Spain pulled its diplomats out of Kabul.",
    "Italy withdrew its embassy staff from Tripoli.",
])
def test_events_general_leaving_a_place_is_no_support(events_nlp, text):
    assert all(e["polarity"] <= 0 for e in events(events_nlp, text) if e["target_country"])


@pytest.mark.parametrize(("text", "expected"), [
    ("Kenya and Somalia met in Nairobi. The two countries signed a trade deal.",
     {("KEN", "SOM"), ("SOM", "KEN")}),
    ("Fiji and Tonga held talks. Both sides praised the outcome.", set()),
])
def test_events_general_pair_references(events_nlp, text, expected):
    evs = events(events_nlp, text)
    second = [e for e in evs if e["sentence"]["start_char"] > 0]
    assert pairs(second) == expected
    assert not any(e["target_text"] and e["target_text"].lower() in (
        "two countries", "both sides") for e in evs)


@pytest.mark.parametrize(("text", "etype"), [
    ("The minister demonstrated a willingness to compromise.", "PROTEST"),
    ("The students demonstrated their support for the reform.", "PROTEST"),
    ("The official asked not to be named.", "REQUEST"),
    ("The diplomat asked not to be identified.", "REQUEST"),
    ("Egypt refused to back down.", "SUPPORT"),
    ("Iran refused to back down on its nuclear programme.", "SUPPORT"),
])
def test_events_general_false_triggers(events_nlp, text, etype):
    assert etype not in {e["type"] for e in events(events_nlp, text)}


@pytest.mark.parametrize("text", [
    "Kenya and Uganda held talks on the border dispute.",
    "Ghana and Togo signed a border treaty.",
    "Peru, Chile and Ecuador met to sign a fisheries pact.",
])
def test_events_general_one_event_per_clause_actor_type_target(events_nlp, text):
    evs = events(events_nlp, text)
    keys = [(e["actor"], e["type"], e["target"]) for e in evs]
    assert keys and len(keys) == len(set(keys))


@pytest.mark.parametrize(("text", "actor", "not_actor"), [
    ("OSLO, Norway \u2014 Sweden condemned the attack on Finland.", "SWE", "NOR"),
    ("KIEV, Ukraine \u2014 Poland praised the reforms in Georgia.", "POL", "UKR"),
])
def test_events_general_dateline_is_no_actor(events_nlp, text, actor, not_actor):
    actors = {e["actor_country"] for e in events(events_nlp, text)}
    assert actor in actors and not_actor not in actors


@pytest.mark.parametrize(("text", "country"), [
    ("Syria-related sanctions hurt Lebanese banks.", "SYR"),
    ("Iran-related sanctions weakened the currency.", "IRN"),
])
def test_events_general_related_to_is_not_the_actor(events_nlp, text, country):
    assert country not in {e["actor_country"] for e in events(events_nlp, text)}


@pytest.mark.parametrize(("text", "country"), [
    ("\"We recognise the new government,\" the Kenyan foreign minister said.", "KEN"),
    ("\"We will never accept this border,\" the Venezuelan foreign minister said.", "VEN"),
])
def test_events_general_quoted_first_person_is_the_speaker(events_nlp, text, country):
    evs = events(events_nlp, text)
    assert evs and {e["actor_country"] for e in evs} == {country}


@pytest.mark.parametrize(("text", "etype", "actor", "target"), [
    ("Russian air strikes killed 20 civilians in Idlib.", "ASSAULT", "RUS", None),
    ("The United States designated the group as a terrorist organisation.", "ACCUSE", "USA",
     None),
    ("The court issued an arrest warrant for the former Malian prime minister.", "COERCE",
     None, "MLI"),
    ("Germany expelled two Iranian diplomats on Tuesday.", "SANCTION", "DEU", "IRN"),
    ("Greece summoned the Turkish ambassador.", "ACCUSE", "GRC", "TUR"),
    ("Egypt called on Ethiopia to stop filling the dam.", "REQUEST", "EGY", "ETH"),
])
def test_events_general_clear_opposition(events_nlp, text, etype, actor, target):
    evs = [e for e in events(events_nlp, text) if e["type"] == etype and e["polarity"] < 0]
    assert evs
    if actor:
        assert actor in {e["actor_country"] for e in evs}
    if target:
        assert target in {e["target_country"] for e in evs}


@pytest.mark.parametrize(("text", "etype", "actor", "date", "source"), [
    ("On Friday, the Indian foreign ministry announced new visa rules.", "STATEMENT", "IND",
     "2021-04-30", "Friday"),
    ("Late on Sunday, the rebels announced a truce.", "RETREAT", None, "2021-05-02", "Sunday"),
    ("On Thursday, the Peruvian president spoke by phone with the Chilean president.",
     "CONSULT", "PER", "2021-04-29", "Thursday"),
    ("The Japanese prime minister visited Vietnam on Wednesday.", "CONSULT", "JPN",
     "2021-04-28", "Wednesday"),
    ("On Monday, Ecuador elected a new president.", "ELECT", "ECU", "2021-05-03", "Monday"),
    ("Police in Kenya arrested three journalists on Saturday.", "COERCE", "KEN", "2021-05-01",
     "Saturday"),
    ("On Tuesday, the Cuban foreign minister sent a letter to the UN Security Council.",
     "STATEMENT", "CUB", "2021-05-04", "Tuesday"),
    ("The Cuban foreign minister sent a letter to the UN Security Council.", "STATEMENT", "CUB",
     PUBLISHED, "published"),
])
def test_events_general_timeline_events_are_dated(events_nlp, text, etype, actor, date, source):
    evs = [e for e in events(events_nlp, text) if e["type"] == etype]
    assert evs
    event = evs[0]
    assert (event["actor_country"], event["date"], event["date_source"]) == (actor, date, source)
    if etype in ("STATEMENT", "ELECT"):
        assert event["polarity"] == 0


# Cases as data: sentences a row, one test each; the same form as the other sentence-only tables.
@pytest.mark.parametrize("text", [
    "Armenia and Azerbaijan signed a peace agreement.",
    "Australia will send aid to Fiji.",
    "Germany did not recognise the new government.",
    "On Monday, Ecuador elected a new president.",
])
def test_events_general_every_event_has_a_modality(events_nlp, text):
    evs = events(events_nlp, text)
    assert evs and all(e["modality"] in MODALITIES for e in evs)


def test_events_general_rules_are_switchable_in_the_config():
    from extraction.events.extract import RULES

    nlp = build_pipeline(components=("newslens_entities", "newslens_time"))
    nlp.add_pipe("newslens_events", config={"rules": sorted(set(RULES) - {"mutual_pairs"})})
    found = pairs(events(nlp, "Ghana and Togo signed a border treaty."))
    assert ("GHA", "TGO") not in found


def test_events_general_unknown_rule_is_refused():
    nlp = build_pipeline(components=("newslens_entities", "newslens_time"))
    with pytest.raises(ValueError, match="unknown event rules"):
        nlp.add_pipe("newslens_events", config={"rules": ["no_such_rule"]})
