"""Facilities are paired for the learned classifier like people and organisations."""

from __future__ import annotations

from extraction.relations.find import model_relations, sentence_pairs
from tests.relations.test_find import FixedClassifier, ent

TEXT = "Dunmore Tower rebuked Ostrava Harbour over the late cargo. The lake was calm."


def test_relations_facility_is_paired(nlp):
    doc = nlp(TEXT)
    ents = [ent("E1", "Dunmore Tower", TEXT, "FAC", None),
            ent("E2", "Ostrava Harbour", TEXT, "ORG", None),
            ent("E3", "lake", TEXT, "LOC", None)]
    pairs = sentence_pairs(doc, ents, max_entities=8)
    assert [(p["id"], q["id"]) for _, p, _, q, _ in pairs] == [("E1", "E2")]
    found = model_relations(doc, ents, FixedClassifier("p_neg_q"))
    assert [(r["source"], r["target"], r["polarity"]) for r in found] == [("E1", "E2", "negative")]


def test_relations_location_is_not_paired(nlp):
    text = "The Ostrava Harbour board met by Lake Dunmore."
    doc = nlp(text)
    ents = [ent("E1", "Ostrava Harbour", text, "ORG", None),
            ent("E2", "Lake Dunmore", text, "LOC", None)]
    assert sentence_pairs(doc, ents, max_entities=8) == []
