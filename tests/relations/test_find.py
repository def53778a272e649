"""Relations from events and from the classifier: pairing, direction, bounds."""

from __future__ import annotations

from typing import Any

import pytest

from extraction.relations.classifier import LABELS
from extraction.relations.find import event_relations, model_relations, sentence_pairs


def ent(eid: str, text: str, doc_text: str, label: str, country: str | None,
        occurrence: int = 0) -> dict[str, Any]:
    start = -1
    for _ in range(occurrence + 1):
        start = doc_text.index(text, start + 1)
    return {"id": eid, "canonical": text, "label": label, "country": country, "role": None,
            "mentions": [{"text": text, "start_char": start, "end_char": start + len(text)}]}


class FixedClassifier:
    """A test double answering one label for every pair, so the direction logic is tested
    apart from what a model learned."""

    def __init__(self, label: str, prob: float = 0.8) -> None:
        self.label, self.prob = label, prob
        self.inputs: list[str] = []

    def predict(self, inputs):
        self.inputs.extend(inputs)
        rest = (1.0 - self.prob) / (len(LABELS) - 1)
        return [{lab: (self.prob if lab == self.label else rest) for lab in LABELS}
                for _ in inputs]

    def decide(self, probs):
        return max(probs, key=probs.get)


TEXT = "Kenya praised Ghana for its help. Peru and Chile met in Lima on Monday."


@pytest.fixture(scope="module")
def doc(nlp):
    return nlp(TEXT)


def entities() -> list[dict[str, Any]]:
    return [ent("E1", "Kenya", TEXT, "GPE", "KEN"), ent("E2", "Ghana", TEXT, "GPE", "GHA"),
            ent("E3", "Peru", TEXT, "GPE", "PER"), ent("E4", "Chile", TEXT, "GPE", "CHL"),
            ent("E5", "Lima", TEXT, "GPE", "PER")]


def test_relations_pairs_stay_within_a_sentence_and_skip_one_state_twice(doc):
    pairs = sentence_pairs(doc, entities(), max_entities=8)
    names = [(p["canonical"], q["canonical"]) for _, p, _, q, _ in pairs]
    # Peru and its capital Lima are one side; Kenya and Peru are in different sentences.
    assert names == [("Kenya", "Ghana"), ("Peru", "Chile"), ("Chile", "Lima")]


def paired(nlp, text: str, names: list[tuple[str, str]]) -> set[tuple[str, str]]:
    """The (p, q) canonical names ``sentence_pairs`` pairs in ``text``, whose entities are the
    (name, country) pairs given, each a GPE at its first occurrence."""
    doc = nlp(text)
    ents = [ent(f"E{n}", name, text, "GPE", country) for n, (name, country) in enumerate(names)]
    return {(p["canonical"], q["canonical"])
            for _, p, _, q, _ in sentence_pairs(doc, ents, max_entities=8)}


def test_relations_a_city_naming_a_pact_or_an_attack_is_no_party(nlp):
    # "the Algiers agreement", "the Kabul bombing": the city is where, not who; a country
    # naming a deal ("the Iran deal") is still a party.
    text = "Ethiopia welcomed the Algiers agreement and Kenya condemned the Kabul bombing."
    assert paired(nlp, text, [("Ethiopia", "ETH"), ("Algiers", "DZA"), ("Kenya", "KEN"),
                              ("Kabul", "AFG")]) == {("Ethiopia", "Kenya")}
    assert paired(nlp, "Kenya welcomed the Iran deal.", [("Kenya", "KEN"), ("Iran", "IRN")]) \
        == {("Kenya", "Iran")}


def test_relations_a_name_making_a_kind_is_no_party(nlp):
    # "a Chechnya-style war", "Cuba-related sanctions": the name says what kind; a name
    # acting through a hyphen ("Iran-backed militias") is still a party.
    text = "Peru warned of a Chechnya-style war and of Cuba-related sanctions by Chile."
    assert paired(nlp, text, [("Peru", "PER"), ("Chechnya", "RUS"), ("Cuba", "CUB"),
                              ("Chile", "CHL")]) == {("Peru", "Chile")}
    assert paired(nlp, "Kenya condemned the Iran-backed militias.",
                  [("Kenya", "KEN"), ("Iran", "IRN")]) == {("Kenya", "Iran")}


def test_relations_pairs_are_bounded_per_sentence(nlp):
    names = [f"Country{n}" for n in range(30)]
    text = "Talks were held by " + ", ".join(names) + "."
    doc = nlp(text)
    ents = [ent(f"E{n}", name, text, "ORG", None) for n, name in enumerate(names)]
    assert len(sentence_pairs(doc, ents, max_entities=5)) == 10


@pytest.mark.parametrize("label,source,target,polarity", [
    ("p_pos_q", "E1", "E2", "positive"),
    ("q_pos_p", "E2", "E1", "positive"),
    ("p_neg_q", "E1", "E2", "negative"),
    ("q_neg_p", "E2", "E1", "negative"),
])
def test_relations_model_direction(doc, label, source, target, polarity):
    found = model_relations(doc, entities()[:2], FixedClassifier(label))
    assert [(r["source"], r["target"], r["polarity"], r["found_by"]) for r in found] == [
        (source, target, polarity, "model")]
    assert found[0]["sentence"]["text"] == "Kenya praised Ghana for its help."


def test_relations_model_neutral_and_weak_give_nothing(doc):
    assert model_relations(doc, entities(), FixedClassifier("none")) == []
    assert model_relations(doc, entities()[:2], FixedClassifier("p_pos_q", 0.5),
                           min_score=0.6) == []


def test_relations_from_events_that_happened():
    span = {"text": "s", "start_char": 0, "end_char": 1}
    base = {"trigger": span, "sentence": span, "actor": "E1", "target": "E2"}
    events = [
        {**base, "id": "V1", "type": "SUPPORT", "polarity": 0.5, "modality": "happened"},
        {**base, "id": "V2", "type": "SUPPORT", "polarity": 0.4},  # same relation twice
        {**base, "id": "V3", "type": "THREATEN", "polarity": -0.6, "modality": "planned"},
        {**base, "id": "V4", "type": "STATEMENT", "polarity": 0.0},
        {**base, "id": "V5", "type": "ACCUSE", "polarity": -0.4, "target": None},
    ]
    found = event_relations(None, events)
    assert [(r["source"], r["target"], r["polarity"], r["found_by"]) for r in found] == [
        ("E1", "E2", "positive", "event:SUPPORT")]


def test_relations_run_on_sentence_is_paired_with_the_next_on_its_line(nlp):
    from extraction.relations.find import pair_sentence, pairing_units

    text = ("Madrid expresses surprise, regret after summit results, Sanchez said it "
            "wasn’t just Macron who lost but the Socialist Party.")
    doc = nlp(text)
    assert len(list(doc.sents)) == 2  # the parser ends a sentence after "results,"
    units = pairing_units(doc)
    assert len(units) == 1 and units[0].text == text
    ents = [ent("E1", "Madrid", text, "GPE", "ESP"), ent("E2", "Macron", text, "PERSON", "FRA")]
    assert [(p["id"], q["id"]) for _, p, _, q, _ in sentence_pairs(doc, ents, max_entities=8)] \
        == [("E1", "E2")]
    macron = next(tok.i for tok in doc if tok.text == "Macron")
    assert pair_sentence(doc, (0, 1), (macron, macron + 1)).text == text


def test_relations_sentences_ending_in_punctuation_or_on_their_own_line_stay_apart(nlp):
    from extraction.relations.find import pairing_units

    doc = nlp("BREAKING NEWS\nKenya praised Ghana. Peru and Chile met in Lima on Monday.")
    assert [u.text.strip() for u in pairing_units(doc)] == [
        s.text.strip() for s in doc.sents]
    assert len(pairing_units(nlp(TEXT))) == 2
