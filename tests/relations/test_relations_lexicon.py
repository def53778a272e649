"""The classifier's stance-lexicon features and the lexicon shipped with the model."""

from __future__ import annotations

from spacy.tokens import Doc

from extraction.relations.classifier import (
    FEATURE_SEP,
    LEXICON_FILE,
    StanceClassifier,
    load_classifier,
    model_input,
)
from extraction.relations.find import model_relations
from tests.relations.test_find import FixedClassifier, ent

LEXICON = {"rebuke": ("neg", "DISAPPROVE"), "thank": ("pos", "SUPPORT")}


def _rebuke(nlp) -> Doc:
    # "Norway firmly rebuked the Dunmore council on Friday ." with a parse given by hand.
    words = ["Norway", "firmly", "rebuked", "the", "Dunmore", "council", "on", "Friday", "."]
    return Doc(nlp.vocab, words=words, heads=[2, 2, 2, 5, 5, 2, 2, 6, 2],
               deps=["nsubj", "advmod", "ROOT", "det", "compound", "dobj", "prep", "pobj",
                     "punct"],
               pos=["PROPN", "ADV", "VERB", "DET", "PROPN", "NOUN", "ADP", "PROPN", "PUNCT"],
               lemmas=["Norway", "firmly", "rebuke", "the", "Dunmore", "council", "on",
                       "Friday", "."])


def _features(text: str) -> list[str]:
    return text.partition(f" {FEATURE_SEP} ")[2].split()


def test_relations_lexicon_features_name_the_sign_on_the_path(nlp):
    doc = _rebuke(nlp)
    feats = _features(model_input(doc, doc[:], (0, 1), (3, 6), LEXICON))
    for expected in ("f:lx_neg", "f:lx_DISAPPROVE", "f:blx_neg", "f:plx_nsubj_neg",
                     "f:qlx_dobj_neg"):
        assert expected in feats
    assert "f:lxneg_neg" not in feats


def test_relations_lexicon_features_absent_without_a_lexicon(nlp):
    doc = _rebuke(nlp)
    plain = model_input(doc, doc[:], (0, 1), (3, 6))
    assert not any("lx_" in f for f in _features(plain))
    assert model_input(doc, doc[:], (0, 1), (3, 6), {}) == plain
    with_lexicon = model_input(doc, doc[:], (0, 1), (3, 6), LEXICON)
    # The lexicon only adds features (the mention features follow them).
    assert with_lexicon.split(f" {FEATURE_SEP} ")[0] == plain.split(f" {FEATURE_SEP} ")[0]
    assert set(_features(plain)) < set(_features(with_lexicon))


def test_relations_lexicon_shipped_with_the_model():
    model = load_classifier()
    assert model.lexicon, "the shipped model was trained with a stance lexicon"
    assert all(entry[0] in ("pos", "neg") for entry in model.lexicon.values())


def test_relations_lexicon_saved_and_read_back(tmp_path):
    model = load_classifier()
    copy = StanceClassifier(model.nlp, lexicon=LEXICON)
    copy.to_disk(tmp_path / "m")
    assert (tmp_path / "m" / LEXICON_FILE).is_file()
    assert load_classifier(tmp_path / "m").lexicon == {k: tuple(v) for k, v in LEXICON.items()}


def test_relations_lexicon_model_relations_pass_the_models_lexicon(nlp):
    text = "Oslo thanked the Dunmore council for the ferry."
    doc = nlp(text)
    classifier = FixedClassifier("p_pos_q")
    classifier.lexicon = LEXICON
    model_relations(doc, [ent("E1", "Oslo", text, "GPE", "NOR"),
                          ent("E2", "Dunmore council", text, "ORG", None)], classifier)
    assert classifier.inputs and "f:lx_pos" in _features(classifier.inputs[0])


def test_relations_lexicon_training_snapshot_is_the_shipped_one():
    # make train trains with the snapshot kept beside its config: the shipped model's
    # lexicon must be that snapshot, or a retrain would not give the shipped weights.
    import json
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    snapshot = json.loads((root / "training" / "stance" / "lexicon.json").read_text("utf-8"))
    model = load_classifier()
    assert {k: tuple(v) for k, v in snapshot.items()} == model.lexicon
