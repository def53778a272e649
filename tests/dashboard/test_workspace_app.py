"""The workspace in ``AppTest``: corrections on the Analyze page, search, open and delete on
the Corpus page. Hand-built articles in a fresh store; no samples, no pipeline."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from extraction.store import Store

from .articles import build_article

ROOT = Path(__file__).resolve().parents[2]
APP = ROOT / "dashboard" / "app.py"
OTHER_TEXT = "Protests in Tehran over fuel prices grew on Friday, and Iran blamed its enemies."


@pytest.fixture()
def stored(temp_store: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("NEWSLENS_SAMPLES", str(tmp_path / "no-samples"))
    with Store(temp_store) as store:
        store.add(build_article())
        store.add(dataclasses.replace(build_article(), id="b2", text=OTHER_TEXT,
                                      title="Fuel protests", entities=(), events=(),
                                      stances=(), relations=(), time_expressions=()))
    return temp_store


def _open(article_id: str) -> AppTest:
    at = AppTest.from_file(str(APP), default_timeout=60)
    at.query_params["article"] = article_id
    at.run()
    assert not at.exception, [e.message for e in at.exception]
    return at


def _session_app(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> AppTest:
    """The app with no store and no samples, run on this session's article a1."""
    from dashboard import state

    monkeypatch.setenv("NEWSLENS_STORE", str(tmp_path))
    monkeypatch.setenv("NEWSLENS_SAMPLES", str(tmp_path / "no-samples"))
    at = AppTest.from_file(str(APP), default_timeout=60)
    at.session_state[state.SESSION_KEY] = {"a1": build_article()}
    at.session_state["analyze_current"] = "a1"
    at.run()
    return at


def _metric(at: AppTest, label: str) -> str:
    return next(m.value for m in at.metric if m.label == label)


def check(at: AppTest, what: str, key: str, status: str) -> None:
    """Confirm or reject an event or a stance through the Analyze page's form."""
    at.selectbox(key=f"analyze_fix_{what}").set_value(key)
    at.radio(key=f"analyze_fix_{what}_status").set_value(status)
    at.button(key=f"analyze_fix_{what}_save").click().run()
    assert not at.exception, [e.message for e in at.exception]


def _texts(at: AppTest) -> str:
    return " ".join(t.value for t in at.text)


def test_workspace_app_event_rejected_undone(stored: Path):
    at = _open("a1")
    assert _metric(at, "Events") == "6"
    check(at, "event", "ev2", "rejected")
    assert _metric(at, "Events") == "5"
    assert "rejected event ACCUSE 'blamed'" in _texts(at)
    with Store(stored) as store:
        (fix,) = store.corrections()
        assert fix.kind == "event.status" and fix.after == "rejected"
        assert len(store.get("a1").events) == 5
        assert len(store.get("a1", corrected=False).events) == 6
    # A fresh session (a reload) shows the correction; Undo brings the event back.
    again = _open("a1")
    assert _metric(again, "Events") == "5"
    again.button(key=f"analyze_fix_undo_{fix.id}").click().run()
    assert _metric(again, "Events") == "6"
    assert "undone" in _texts(again)


def _set_entity_country(at: AppTest, entity: str, country: str) -> None:
    """Correct an entity's country with the Analyze page's entity form and save it."""
    at.selectbox(key="analyze_fix_entity").set_value(entity)
    at.radio(key="analyze_fix_field").set_value("country")
    at.run()
    at.selectbox(key="analyze_fix_country").set_value(country)
    at.button(key="analyze_fix_entity_save").click().run()


def test_workspace_app_entity_country_and_added_stance(stored: Path):
    at = _open("a1")
    _set_entity_country(at, "e_un", "CHE")
    assert not at.exception, [e.message for e in at.exception]
    assert "United Nations: country - → CHE" in _texts(at)
    stances = int(_metric(at, "Stances"))
    at.selectbox(key="analyze_fix_holder").set_value("CHE")
    at.selectbox(key="analyze_fix_target").set_value("entity:Nicolás Maduro")
    at.radio(key="analyze_fix_polarity").set_value("oppose")
    at.text_area(key="analyze_fix_sentence").set_value("The UN called for talks.")
    at.button(key="analyze_fix_add_save").click().run()
    assert not at.exception, [e.message for e in at.exception]
    assert int(_metric(at, "Stances")) == stances + 1
    # A sentence that is not in the text is refused with a message, nothing saved.
    at.text_area(key="analyze_fix_sentence").set_value("Maduro resigned.")
    at.button(key="analyze_fix_add_save").click().run()
    assert any("not in the article" in e.value for e in at.error)
    with Store(stored) as store:
        assert [c.kind for c in store.corrections()] == ["entity.country", "stance.add"]
        assert "CHE" in store.countries()


def test_workspace_app_search_open_and_delete(stored: Path):
    at = AppTest.from_file(str(APP), default_timeout=60)
    at.run()
    at.switch_page("views/corpus.py").run()
    assert _metric(at, "Articles") == "2"
    at.text_input(key="corpus_query").set_value("fuel prices").run()
    assert not at.exception, [e.message for e in at.exception]
    assert _metric(at, "Articles") == "1"
    listing = at.dataframe[0].value
    assert listing["title"].tolist() == ["Fuel protests"]
    assert "[fuel] [prices]" in listing["found"].iloc[0]
    at.text_input(key="corpus_query").set_value("").run()
    at.text_input(key="corpus_entity").set_value("maduro").run()
    assert _metric(at, "Articles") == "1"
    assert at.query_params.get("entity") in ("maduro", ["maduro"])
    # Nothing ticked: nothing to open or delete.
    assert at.button(key="corpus_open").disabled and at.button(key="corpus_delete").disabled


def test_workspace_app_search_finds_nothing(stored: Path):
    at = AppTest.from_file(str(APP), default_timeout=60)
    at.run()
    at.switch_page("views/corpus.py").run()
    at.text_input(key="corpus_query").set_value('"fuel Tehran" AND (').run()
    assert not at.exception, [e.message for e in at.exception]
    assert any("No stored article matches" in i.value for i in at.info)


def test_workspace_added_stance_evidence_names_its_finder():
    from dashboard import frames
    from extraction.corrections import add_stance, apply_corrections

    article = build_article()
    fix = add_stance(article, holder="CHE", target="Nicolás Maduro",
                     target_key="entity:Nicolás Maduro", polarity="oppose",
                     sentence="The UN called for talks.")
    evidence = frames.evidence_frame([apply_corrections(article, [fix])], "CHE",
                                     "entity:Nicolás Maduro")
    assert evidence[["sentence", "actor", "type", "target"]].to_dict("records") == [
        {"sentence": "The UN called for talks.", "actor": "Switzerland",
         "type": "negative (added by an analyst)", "target": "Nicolás Maduro"}]


def test_workspace_corrections_table_for_the_corpus_download():
    import csv
    import io

    from dashboard import frames
    from extraction.corrections import correct_entity

    article = build_article()
    hostile = dataclasses.replace(
        article, entities=(dataclasses.replace(article.entities[0], canonical="=HYPERLINK(1)"),
                           *article.entities[1:]))
    fix = dataclasses.replace(correct_entity(hostile, "e_usa", "country", "CAN"), id=7)
    table = frames.corrections_frame([fix])
    assert table[["id", "kind", "before", "after"]].to_dict("records") == [
        {"id": 7, "kind": "entity.country", "before": '"USA"', "after": '"CAN"'}]
    (row,) = csv.DictReader(io.StringIO(frames.csv_text(table)))
    assert row["label"] == "'=HYPERLINK(1)" and row["item"] == "'=hyperlink(1)"


def test_workspace_app_confirmed_items_are_marked(stored: Path):
    at = _open("a1")
    check(at, "event", "ev3", "confirmed")
    check(at, "stance", "USA|Juan Guaidó", "confirmed")
    tables = [d.value for d in at.dataframe if "checked" in d.value.columns]
    events = next(t for t in tables if "modality" in t.columns)
    assert events.loc[events["checked"] == "confirmed", "type"].tolist() == ["SUPPORT"]
    assert events["checked"].notna().sum() == 1
    stances = next(t for t in tables if "target_key" in t.columns)
    assert stances.loc[stances["checked"] == "confirmed", "holder"].tolist() == ["USA"]
    assert _metric(at, "Events") == "6"  # confirming removes nothing


def test_workspace_app_corrections_without_a_store(tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch):
    # A folder where the store file should be: the app runs on this session's articles.
    at = _session_app(monkeypatch, tmp_path)
    assert _metric(at, "Events") == "6"
    check(at, "event", "ev1", "rejected")
    assert _metric(at, "Events") == "5"
    at.button(key="analyze_fix_undo_1").click().run()
    assert _metric(at, "Events") == "6"


def test_workspace_app_same_text_is_stored_once(stored: Path, monkeypatch: pytest.MonkeyPatch):
    from dashboard import state

    # The stored article's text, pasted again with its spacing changed and another date:
    # the analysis is shown, the store keeps one copy. (The pipeline is replaced by the
    # hand-built analysis of the new text and date.)
    article = build_article()
    pasted = article.text.replace(". ", ".  ") + "\n"
    redone = dataclasses.replace(build_article(text=pasted), id="pasted-id",
                                 published=None)
    monkeypatch.setattr(state, "analyse", lambda text, published, title: redone)
    at = AppTest.from_file(str(APP), default_timeout=60)
    at.run()
    at.text_area(key="analyze_text").set_value(pasted)
    at.button(key="analyze_run").click().run()
    assert not at.exception, [e.message for e in at.exception]
    assert any("in the corpus already (article a1)" in i.value for i in at.info)
    with Store(stored) as store:
        assert sorted(store.article_ids()) == ["a1", "b2"]


def _stance_table(at: AppTest) -> pd.DataFrame:
    """The "All stances" table of the page (holder, target_key, ...)."""
    return next(d.value for d in at.dataframe
                if {"holder", "target_key", "holder_label"} <= set(d.value.columns))


def test_workspace_app_corrected_country_moves_the_corpus_stances(stored: Path):
    at = _open("a1")
    assert "BOL" in set(_stance_table(at)["holder"])
    _set_entity_country(at, "e_morales", "ARG")
    assert not at.exception, [e.message for e in at.exception]
    # The stance that came through Morales is Argentina's now, on this page ...
    holders = set(_stance_table(at)["holder"])
    assert "ARG" in holders and "BOL" not in holders
    # ... and in the Corpus aggregates, with its evidence read from the corrected article.
    at.switch_page("views/corpus.py").run()
    assert not at.exception, [e.message for e in at.exception]
    holders = set(_stance_table(at)["holder"])
    assert "ARG" in holders and "BOL" not in holders
    at.selectbox(key="corpus_evidence").set_value(("ARG", "entity:Nicolás Maduro")).run()
    assert not at.exception, [e.message for e in at.exception]
    evidence = next(d.value for d in at.dataframe if "sentence" in d.value.columns
                    and "holder" not in d.value.columns and "modality" not in d.value.columns)
    assert evidence["sentence"].tolist() == ["Bolivia's Morales backed Maduro a year ago."]


def test_workspace_app_merge_and_split_entities(stored: Path):
    at = _open("a1")
    entities = int(_metric(at, "Entities"))
    at.multiselect(key="analyze_fix_merge_entities").set_value(["e_morales", "e_bolivia"])
    at.run()
    assert at.selectbox(key="analyze_fix_merge_keep").value == "e_morales"
    at.text_input(key="analyze_fix_merge_name").set_value("Evo Morales of Bolivia")
    at.button(key="analyze_fix_merge_save").click().run()
    assert not at.exception, [e.message for e in at.exception]
    assert int(_metric(at, "Entities")) == entities - 1
    assert "merged Evo Morales, Bolivia into Evo Morales of Bolivia (BOL)" in _texts(at)

    # "Washington" is someone else than the United States: split off, with no country.
    at.selectbox(key="analyze_fix_split_entity").set_value("e_usa")
    at.run()
    washington = build_article().text.index("Washington")
    at.selectbox(key="analyze_fix_split_mention").set_value(washington)
    at.selectbox(key="analyze_fix_split_country").set_value("")
    at.button(key="analyze_fix_split_save").click().run()
    assert not at.exception, [e.message for e in at.exception]
    assert int(_metric(at, "Entities")) == entities
    assert "split 'Washington' off United States as Washington (no country)" in _texts(at)
    # Maduro blamed Washington: with no country, no stance towards the USA is left.
    assert "USA" not in set(_stance_table(at)["target_key"].dropna())
    with Store(stored) as store:
        kinds = [c.kind for c in store.corrections()]
        assert kinds == ["entity.merge", "entity.split"]
        assert len(store.get("a1").entities) == entities
        merge_id = store.corrections()[0].id
    # A fresh session shows both; undoing the merge brings Bolivia back.
    again = _open("a1")
    assert int(_metric(again, "Entities")) == entities
    again.button(key=f"analyze_fix_undo_{merge_id}").click().run()
    assert int(_metric(again, "Entities")) == entities + 1
    # A refused merge says why, nothing saved.
    again.multiselect(key="analyze_fix_merge_entities").set_value(["e_un", "e_military"])
    again.run()
    again.selectbox(key="analyze_fix_merge_country").set_value("")
    again.text_input(key="analyze_fix_merge_name").set_value("x" * 201)
    again.button(key="analyze_fix_merge_save").click().run()
    assert any("longer than 200" in e.value for e in again.error)


def test_workspace_app_corpus_without_a_store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    # No store: the Corpus page aggregates this session's articles, as corrected.
    at = _session_app(monkeypatch, tmp_path)
    check(at, "event", "ev2", "rejected")
    at.switch_page("views/corpus.py").run()
    assert not at.exception, [e.message for e in at.exception]
    assert _metric(at, "Articles") == "1" and _metric(at, "Events") == "5"
    assert _metric(at, "Entities") == "7"
    # The evidence of the first stance is read from the session's article.
    assert any(": support, score" in t.value or ": oppose, score" in t.value
               for t in at.text)
