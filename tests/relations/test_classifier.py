"""The directed-stance classifier: its inputs, the shipped model and a few clear sentences."""

from __future__ import annotations

from importlib import resources

import pytest
from spacy.tokens import Doc

from extraction.relations.classifier import (
    DEFAULT_PATH,
    FEATURE_SEP,
    LABELS,
    P_MARK,
    Q_MARK,
    REVERSED,
    load_classifier,
    model_input,
)


def _hand_built(nlp) -> Doc:
    words = ["Germany", "sharply", "criticised", "Russia", "on", "Monday", "."]
    return Doc(nlp.vocab, words=words, heads=[2, 2, 2, 2, 2, 4, 2],
               deps=["nsubj", "advmod", "ROOT", "dobj", "prep", "pobj", "punct"],
               pos=["PROPN", "ADV", "VERB", "PROPN", "ADP", "PROPN", "PUNCT"],
               lemmas=["Germany", "sharply", "criticise", "Russia", "on", "Monday", "."])


def test_classifier_model_input_marks_p_and_q(nlp):
    doc = _hand_built(nlp)
    text = model_input(doc, doc[:], (0, 1), (3, 4))
    sentence, _, features = text.partition(f" {FEATURE_SEP} ")
    assert sentence == f"{P_MARK} sharply criticised {Q_MARK} on monday ."
    assert "f:path_nsubj_dobj" in features.split()
    assert "f:top_criticise" in features.split()
    assert "b:sharply" in features.split() and "b:criticised" in features.split()


def test_classifier_model_input_multiword_entities_become_one_marker(nlp):
    doc = nlp("The European Union warned North Korea against new missile tests.")
    text = model_input(doc, next(iter(doc.sents)), (0, 3), (4, 6))
    assert text.startswith(f"{P_MARK} warned {Q_MARK} against")
    assert text.split().count(P_MARK) == 1 and text.split().count(Q_MARK) == 1


def test_classifier_model_input_reversed_pair_is_flagged(nlp):
    doc = _hand_built(nlp)
    forward = model_input(doc, doc[:], (0, 1), (3, 4))
    backward = model_input(doc, doc[:], (3, 4), (0, 1))
    assert backward == f"{REVERSED} {forward}"


def test_classifier_loads_from_package_resources():
    folder = resources.files("extraction") / "resources" / "stance_model"
    assert folder.is_dir()
    assert (folder / "decision.json").is_file()
    model = load_classifier()
    assert load_classifier(DEFAULT_PATH) is model  # identity: cached per process
    assert model.textcat.labels and set(model.textcat.labels) == set(LABELS)


def test_classifier_predict_returns_a_distribution_per_input(nlp):
    doc = _hand_built(nlp)
    model = load_classifier()
    probs = model.predict([model_input(doc, doc[:], (0, 1), (3, 4)), ""])
    assert len(probs) == 2
    for row in probs:
        assert set(row) == set(LABELS)
        assert sum(row.values()) == pytest.approx(1.0, abs=1e-4)
    assert model.predict([]) == []


def test_classifier_hashed_inputs_score_like_docs_and_leave_the_vocab_alone(nlp):
    doc = _hand_built(nlp)
    model = load_classifier()
    text = model_input(doc, doc[:], (0, 1), (3, 4)) + " f:never_seen_before_token"
    before = len(model.nlp.vocab.strings)
    from_text = model.raw_scores([text])
    assert len(model.nlp.vocab.strings) == before
    from_doc = model.raw_scores([Doc(nlp.vocab, words=text.split(" "))])
    assert from_text == pytest.approx(from_doc, abs=1e-6)


# Cases as data: one (text, source, target, label) row each; alike other case tables in form only.
CLEAR = [
    ("Germany strongly condemned Russia over the attack.", "Germany", "Russia", "p_neg_q"),
    ("Germany strongly condemned Russia over the attack.", "Russia", "Germany", "q_neg_p"),
    ("France praised Kenya for its help.", "France", "Kenya", "p_pos_q"),
    ("France praised Kenya for its help.", "Kenya", "France", "q_pos_p"),
    ("The senator accused Microsoft of lying to Congress.", "senator", "Microsoft", "p_neg_q"),
    ("Japan thanked Australia for its support after the storm.", "Japan", "Australia",
     "p_pos_q"),
    ("Brazil and Chile signed a trade agreement in Lima on Tuesday.", "Brazil", "Lima",
     "none"),
]


def _token_range(doc: Doc, text: str) -> tuple[int, int]:
    start = doc.text.index(text)
    span = doc.char_span(start, start + len(text), alignment_mode="expand")
    return span.start, span.end


@pytest.mark.parametrize(("sentence", "p", "q", "expected"), CLEAR)
def test_classifier_predicts_clear_sentences(nlp, sentence, p, q, expected):
    doc = nlp(sentence)
    sent = next(iter(doc.sents))
    model = load_classifier()
    [probs] = model.predict([model_input(doc, sent, _token_range(doc, p), _token_range(doc, q),
                                         model.lexicon)])
    assert model.decide(probs) == expected, probs


def test_classifier_model_input_describes_the_two_mentions(nlp):
    doc = nlp("The Americans praised Germany's leader.")
    features = model_input(doc, next(iter(doc.sents)), (1, 2), (3, 4)).split(f" {FEATURE_SEP} ")[1]
    assert {"f:ptag_NNPS", "f:plen_1", "f:pdet", "f:qtag_NNP", "f:qposs"} <= set(features.split())
    assert "f:qdet" not in features.split()
