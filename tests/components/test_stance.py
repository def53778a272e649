"""Tests for the newslens_stance component and the stance holder scheme."""

from __future__ import annotations

from typing import Any

import pytest

from extraction.components.stance import Stance
from extraction.events.arguments import holder_key
from extraction.events.stance import STANCE_RULES, aggregate_stances, target_key

ENTITIES = [
    {"id": "E1", "canonical": "United States", "label": "GPE", "country": "USA", "role": None,
     "mentions": []},
    {"id": "E2", "canonical": "Nicolás Maduro", "label": "PERSON", "country": "VEN",
     "role": "head of state", "mentions": []},
    {"id": "E3", "canonical": "Juan Guaido", "label": "PERSON", "country": "VEN",
     "role": "opposition", "mentions": []},
    {"id": "E4", "canonical": "Mike Pompeo", "label": "PERSON", "country": "USA",
     "role": "foreign minister", "mentions": []},
]


def event(eid: str, actor: str | None, target: str | None, polarity: float, *,
          event_type: str = "SUPPORT", speaker: str | None = None, negated: bool = False,
          actor_text: str | None = None, actor_country: str | None = None,
          modality: str = "happened", date: str | None = None) -> dict[str, Any]:
    countries = {e["id"]: e["country"] for e in ENTITIES}
    span = {"text": "x", "start_char": 0, "end_char": 1}
    return {"id": eid, "type": event_type, "trigger": span, "sentence": span,
            "actor": actor, "target": target,
            "actor_country": actor_country or countries.get(actor or ""),
            "target_country": countries.get(target or ""), "date_source": None,
            "polarity": polarity, "negated": negated, "speaker": speaker,
            "actor_text": actor_text, "target_text": None, "modality": modality, "date": date}


def stance_of(stances, holder, target):
    found = [s for s in stances if s["holder"] == holder and s["target"] == target]
    return found[0] if found else None


def test_stance_aggregates_per_holder_and_target_with_evidence():
    stances = aggregate_stances([event("V1", "E1", "E3", 0.35), event("V2", "E1", "E3", 0.35),
                                 event("V3", "E1", "E2", -0.3, event_type="ACCUSE")], ENTITIES)
    support = stance_of(stances, "USA", "Juan Guaido")
    assert support["polarity"] == "support" and support["evidence"] == ["V1", "V2"]
    assert support["target_country"] == "VEN" and 0 < support["score"] <= 1
    oppose = stance_of(stances, "USA", "Nicolás Maduro")
    assert oppose["polarity"] == "oppose" and oppose["score"] < 0


def test_stance_mixed_when_both_sides_weigh():
    stances = aggregate_stances([event("V1", "E1", "E2", 0.4),
                                 event("V2", "E1", "E2", -0.4, event_type="ACCUSE")], ENTITIES)
    assert stance_of(stances, "USA", "Nicolás Maduro")["polarity"] == "mixed"


def test_stance_quote_counts_for_the_speaker():
    # "It's the Maduro regime which has prevented that", Pompeo said.
    reported = [event("V1", "E2", None, -0.4, event_type="REJECT", speaker="E4")]
    stances = aggregate_stances(reported, ENTITIES, rules=["event_actor", "speaker"])
    quote = stance_of(stances, "USA", "Nicolás Maduro")
    assert quote is not None and quote["polarity"] == "oppose" and quote["evidence"] == ["V1"]
    # The speaker rule is switchable and, by the development gold, off by default.
    assert "speaker" in STANCE_RULES
    assert stance_of(aggregate_stances(reported, ENTITIES), "USA", "Nicolás Maduro") is None


def test_stance_no_stance_without_evidence():
    assert aggregate_stances([], ENTITIES) == []
    # Zero polarity (a departure, a cancelled attack) and missing targets make no stance.
    quiet = [event("V1", "E1", "E3", 0.0), event("V2", "E1", None, 0.5),
             event("V3", None, "E3", 0.5)]
    assert aggregate_stances(quiet, ENTITIES) == []


def test_stance_sector_target_is_named_as_in_the_text():
    ENTITIES.append({"id": "E5", "canonical": "Venezuelan", "label": "NORP", "country": "VEN",
                     "role": None, "mentions": []})
    blame = event("V1", "E2", "E5", -0.3, event_type="ACCUSE")
    blame["target_text"] = "the Venezuelan opposition"
    (stance,) = aggregate_stances([blame], ENTITIES)
    ENTITIES.pop()
    assert (stance["holder"], stance["target"]) == ("VEN", "Venezuelan opposition")
    assert stance["polarity"] == "oppose" and stance["target_country"] == "VEN"


def test_stance_place_of_an_act_is_no_stance_target():
    strike = event("V1", "E1", None, -1.0, event_type="ASSAULT")
    strike.update(target_country="IRQ", target_text="in Iraq")
    assert aggregate_stances([strike], ENTITIES) == []


def test_stance_every_stance_cites_existing_events(nlp, seed_article):
    ids = {e.id for e in seed_article.events} | {r.id for r in seed_article.relations}
    assert seed_article.stances
    for stance in seed_article.stances:
        assert stance.evidence and set(stance.evidence) <= ids


@pytest.mark.parametrize("entity,text,country,expected", [
    (ENTITIES[1], "Maduro", None, "VEN"),
    (ENTITIES[2], "Guaido", None, "opposition:VEN"),
    (None, "the military", "VEN", "military:VEN"),
    (None, "Venezuelan opposition", "VEN", "opposition:VEN"),
    (None, "the United Nations", None, "un"),
    (None, "54 other countries", None, "group:54 other countries"),
    (None, "a convoy", None, None),
])
def test_stance_holder_keys(entity, text, country, expected):
    assert holder_key(entity=entity, text=text, country=country) == expected


def test_stance_component_writes_dicts(nlp):
    doc = nlp.make_doc("x")
    doc._.newslens_entities = ENTITIES
    doc._.newslens_events = [event("V1", "E1", "E3", 0.35)]
    Stance(list(STANCE_RULES))(doc)
    assert doc._.newslens_stances[0]["holder"] == "USA"
    assert doc._.newslens_stances[0]["target_key"] == "entity:Juan Guaido"


IRAN = [
    {"id": "I1", "canonical": "Iran", "label": "GPE", "country": "IRN", "role": None,
     "mentions": []},
    {"id": "I2", "canonical": "Iranian", "label": "NORP", "country": "IRN", "role": None,
     "mentions": []},
    {"id": "I3", "canonical": "Iranian foreign ministry", "label": "ORG", "country": "IRN",
     "role": "foreign ministry", "mentions": []},
    {"id": "I4", "canonical": "Tehran", "label": "GPE", "country": "IRN", "role": None,
     "mentions": []},
]


def test_stance_target_is_canonical_per_referent():
    # "Iran", "Iranian", its foreign ministry and "Tehran" as its government: one target.
    events = [event(f"V{i}", "E1", eid, -0.5, event_type="ACCUSE")
              for i, eid in enumerate(["I1", "I2", "I3", "I4"])]
    stances = aggregate_stances(events, ENTITIES + IRAN)
    assert [(s["holder"], s["target_key"], s["target"]) for s in stances] == [
        ("USA", "IRN", "Iran")]
    assert stances[0]["evidence"] == ["V0", "V1", "V2", "V3"]


@pytest.mark.parametrize("entity,expected", [
    (IRAN[3], ("IRN", "Iran")),
    (ENTITIES[1], ("entity:Nicolás Maduro", "Nicolás Maduro")),
    ({"id": "U", "canonical": "United Nations", "label": "ORG", "country": None, "role": None},
     ("un", "United Nations")),
])
def test_stance_target_key(entity, expected):
    assert target_key(entity, entity.get("country"), None) == expected


@pytest.mark.parametrize("modality", ["planned", "conditional", "denied"])
def test_stance_only_what_happened_counts(modality):
    # "will stop supporting", "if Washington decided to attack", "did not back": no stance.
    stances = aggregate_stances([event("V1", "E1", "E3", 0.5, modality=modality)], ENTITIES)
    assert stances == []


def test_stance_old_evidence_is_background_and_the_news_decides():
    # Ties cut years ago; an agreement this week: the stance is the news, marked current.
    events = [event("V1", "E1", "E2", -0.6, event_type="REJECT", date="2016-02-01"),
              event("V2", "E1", "E2", 0.4, event_type="AGREE", date="2019-03-10")]
    stances = aggregate_stances(events, ENTITIES, published="2019-03-14")
    found = stance_of(stances, "USA", "Nicolás Maduro")
    assert found["polarity"] == "support" and found["current"] is True
    assert found["evidence"] == ["V1", "V2"]
    only_old = aggregate_stances(events[:1], ENTITIES, published="2019-03-14")
    assert only_old[0]["current"] is False and only_old[0]["polarity"] == "oppose"


def relation(rid: str, source: str, target: str, polarity: str, score: float = 0.9,
             start: int = 0) -> dict[str, Any]:
    return {"id": rid, "source": source, "target": target, "polarity": polarity,
            "score": score, "found_by": "model",
            "sentence": {"text": "x", "start_char": start, "end_char": start + 1}}


def test_stance_from_learned_relations_unless_an_event_speaks():
    relations = [relation("R1", "E1", "E2", "negative"),
                 relation("R2", "E4", "E3", "positive", start=50)]
    stances = aggregate_stances([event("V1", "E1", "E2", 0.4)], ENTITIES, relations)
    # The event of the same sentence decides USA towards Maduro; the relation is not added.
    assert stance_of(stances, "USA", "Nicolás Maduro")["evidence"] == ["V1"]
    guaido = stance_of(stances, "USA", "Juan Guaido")
    assert guaido["evidence"] == ["R2"] and guaido["polarity"] == "support"
    assert 0 < guaido["score"] < 0.9


def test_stance_rules_can_be_switched_off():
    relations = [relation("R1", "E4", "E3", "positive")]
    events = [event("V1", "E1", "E2", -0.4, event_type="ACCUSE")]
    assert {s["evidence"][0] for s in aggregate_stances(events, ENTITIES, relations)} == {
        "V1", "R1"}
    only_events = aggregate_stances(events, ENTITIES, relations, rules=["event_actor"])
    assert [s["evidence"] for s in only_events] == [["V1"]]
    with pytest.raises(ValueError, match="unknown stance rules"):
        Stance(["no_such_rule"])


KENYA_STORY = [
    {"id": "K1", "canonical": "Kenya", "label": "GPE", "country": "KEN", "role": None,
     "mentions": [{"text": "Kenya", "start_char": 0, "end_char": 5}] * 4},
    {"id": "K2", "canonical": "William Ruto", "label": "PERSON", "country": "KEN",
     "role": "head of state", "mentions": [{"text": "Ruto", "start_char": 0, "end_char": 4}]},
    {"id": "U1", "canonical": "Uganda", "label": "GPE", "country": "UGA", "role": None,
     "mentions": [{"text": "Uganda", "start_char": 0, "end_char": 6}]},
]


def story_event(eid: str, etype: str, polarity: float, *, actor: str | None = None,
                actor_text: str | None = None, country: str | None = None) -> dict[str, Any]:
    span = {"text": "x", "start_char": 0, "end_char": 1}
    return {"id": eid, "type": etype, "trigger": span, "sentence": span, "actor": actor,
            "target": None, "actor_country": country, "target_country": None, "date": None,
            "polarity": polarity, "negated": False, "speaker": None, "actor_text": actor_text,
            "target_text": None, "modality": "happened"}


def test_stance_implicit_targets_in_a_story_about_one_country():
    # "Thousands of protesters marched in Nairobi." / "Police arrested dozens." /
    # "Uganda sent aid." / "Uganda held talks." (a meeting with no one named says nothing)
    events = [
        story_event("V1", "PROTEST", -0.6, actor_text="protesters", country="KEN"),
        story_event("V2", "COERCE", -0.5, actor_text="police", country="KEN"),
        story_event("V3", "AID", 0.6, actor="U1", country="UGA"),
        story_event("V4", "CONSULT", 0.3, actor="U1", country="UGA"),
    ]
    stances = aggregate_stances(events, KENYA_STORY, rules=["implicit_target"])
    got = {(s["holder"], s["target_key"], s["polarity"]) for s in stances}
    assert got == {("opposition:KEN", "KEN", "oppose"), ("KEN", "opposition:KEN", "oppose"),
                   ("UGA", "KEN", "support")}
    assert all(abs(s["score"]) < 0.5 for s in stances)


def test_stance_implicit_targets_need_a_story_and_a_named_target_wins():
    protest = story_event("V1", "PROTEST", -0.6, actor_text="protesters", country="KEN")
    # No country dominates the article: nothing is inferred.
    spread = KENYA_STORY[1:] + [{**KENYA_STORY[2], "id": "U2", "canonical": "Tanzania",
                                 "country": "TZA"}]
    assert aggregate_stances([protest], spread, rules=["implicit_target"]) == []
    # Force used without dissent in the story has no inferred target.
    arrest = story_event("V2", "COERCE", -0.5, actor_text="police", country="KEN")
    assert aggregate_stances([arrest], KENYA_STORY, rules=["implicit_target"]) == []
    # An event with a named target is the event_actor rule's, not this one's.
    named = {**story_event("V3", "AID", 0.6, actor="U1", country="UGA"), "target": "K2",
             "target_country": "KEN"}
    assert aggregate_stances([named], KENYA_STORY, rules=["implicit_target"]) == []


@pytest.mark.parametrize(("date", "background"), [
    ("2020", True),          # "last year", told in December: most likely over a year ago
    ("2021", False),
    ("2021-01", False),
    ("2020-11-01", True),
    ("2020-12-20", False),
])
def test_stance_a_year_or_month_alone_stands_for_its_middle(date, background):
    import datetime as dt

    from extraction.events.stance import _background
    assert _background(date, dt.date(2021, 12, 17)) is background


def test_stance_targets_name_parties():
    # An organisation the text ties to no country and the knowledge base gives no role
    # ("Acmeflight", a name read as an organisation) is no party a stance is about; a
    # person is, and so is an organisation with a country.
    entities = ENTITIES + [
        {"id": "E5", "canonical": "Acmeflight", "label": "ORG", "country": None, "role": None,
         "mentions": []},
        {"id": "E6", "canonical": "Caracas Chamber", "label": "ORG", "country": "VEN",
         "role": None, "mentions": []},
    ]
    stances = aggregate_stances([event("V1", "E1", "E5", -0.4, event_type="SANCTION"),
                                 event("V2", "E1", "E6", -0.4, event_type="SANCTION"),
                                 event("V3", "E1", "E3", 0.35)], entities)
    assert stance_of(stances, "USA", "Acmeflight") is None
    assert stance_of(stances, "USA", "Caracas Chamber") is not None
    assert stance_of(stances, "USA", "Juan Guaido") is not None
