"""The app driven by ``streamlit.testing.v1.AppTest``: paste, upload, analyse, switch pages.

Every test runs against a fresh store file and a samples folder holding only the seed
article, so the first run's sample ingest is one analysis and nothing touches the user's
data folder.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
import json
import shutil
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from dashboard import state
from extraction.limits import MAX_FILE_BYTES

from .articles import HOSTILE, build_article

ROOT = Path(__file__).resolve().parents[2]
APP = ROOT / "dashboard" / "app.py"
SEED = ROOT / "sample_articles" / "00_venezuela_us_diplomats.txt"
SEED_TITLE = "Last remaining US diplomats leave Venezuela"
#: A second sample, a year earlier and about other countries, for the corpus filters.
OTHER = ROOT / "sample_articles" / "03_russia_expels_british_diplomats.txt"
TIMEOUT = 90


@pytest.fixture()
def app(temp_store: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> AppTest:
    samples = tmp_path / "samples"
    samples.mkdir()
    shutil.copy(SEED, samples)
    shutil.copy(OTHER, samples)
    monkeypatch.setenv("NEWSLENS_SAMPLES", str(samples))
    at = AppTest.from_file(str(APP), default_timeout=TIMEOUT)
    at.run()
    assert not at.exception, [e.message for e in at.exception]
    return at


def _charts(at: AppTest) -> dict[str, dict]:
    return {el.key: json.loads(el.proto.spec) for el in at.get("plotly_chart")}


def _errors(at: AppTest) -> list[str]:
    return [e.value for e in at.error]


def _analyse(at: AppTest, text: str, published: str | None = None) -> AppTest:
    at.text_area(key="analyze_text").set_value(text)
    if published:
        at.date_input(key="analyze_date").set_value(dt.date.fromisoformat(published))
    at.button(key="analyze_run").click()
    at.run()
    assert not at.exception, [e.message for e in at.exception]
    return at


def test_app_seed_article_end_to_end(app: AppTest):
    body = SEED.read_text(encoding="utf-8")  # front matter included, as a user would paste it
    _analyse(app, body)
    assert not _errors(app)
    marks = [h.value for h in app.get("html") if 'class="newslens-entities"' in h.value]
    assert len(marks) == 1 and marks[0].count("<mark") >= 10
    assert 'title="Nicolás Maduro' in marks[0]
    tables = [d.value for d in app.dataframe]
    entity_table = next(t for t in tables if "entity" in t.columns)
    assert {"Nicolás Maduro", "Mike Pompeo"} <= set(entity_table["entity"])
    charts = _charts(app)
    timeline = charts["analyze_timeline"]
    assert {t["name"] for t in timeline["data"]} >= {"cooperation", "conflict"}
    heatmap = charts["analyze_heatmap"]["data"][0]
    assert heatmap["type"] == "heatmap" and (heatmap["zmin"], heatmap["zmax"]) == (-1, 1)
    assert any(c[0] == "USA" for row in heatmap["customdata"] for c in row if c[2])
    # The world map colours states by ISO-3 code from the shipped shapes (no CDN).
    scored = next(t for t in charts["analyze_map"]["data"] if t.get("name") == "stance")
    assert "USA" in scored["customdata"]
    assert scored["type"] == "choropleth" and scored["locationmode"] == "geojson-id"
    assert app.text[0].value.startswith("Published: 2019-03-14")
    # The United States' support for Guaido is backed by the sentences that say so.
    pairs = app.selectbox(key="analyze_evidence").options
    assert any(p.startswith("United States → Juan Guaid") for p in pairs)
    usa = next(p for p in pairs if p.startswith("United States → Juan Guaid"))
    app.selectbox(key="analyze_evidence").set_value(("USA", usa.split(" → ", 1)[1])).run()
    evidence = next(d.value for d in app.dataframe if list(d.value.columns)[0] == "sentence")
    assert any("recogni" in sentence for sentence in evidence["sentence"])


def test_app_hand_built_article_draws_every_section(app: AppTest):
    article = build_article()
    app.session_state[state.SESSION_KEY] = {article.id: article}
    app.session_state["analyze_current"] = article.id
    app.run()
    assert not app.exception
    charts = _charts(app)
    assert {"analyze_timeline", "analyze_heatmap", "analyze_bars", "analyze_map"} <= set(charts)
    bars = charts["analyze_bars"]["data"][0]
    assert bars["type"] == "bar"
    # Choosing a stance shows the sentences behind it.
    app.selectbox(key="analyze_evidence").set_value(("BOL", "Nicolás Maduro")).run()
    evidence = next(d.value for d in app.dataframe if list(d.value.columns)[0] == "sentence")
    assert list(evidence["sentence"]) == ["Bolivia's Morales backed Maduro a year ago."]
    # Filters narrow the highlights: only Bolivian entities remain.
    app.multiselect(key="analyze_countries").set_value(["BOL"]).run()
    html = next(h.value for h in app.get("html") if "newslens-entities" in h.value)
    assert html.count("<mark") == 2
    downloads = {d.proto.label for d in app.get("download_button")}
    assert downloads == {"Analysis (JSON)", "Entities (CSV)", "Events (CSV)", "Stances (CSV)"}


def test_app_hostile_text_stays_inert(app: AppTest):
    text = (
        "The United States said on Thursday it backed the opposition leader in Venezuela, "
        "and the government of Venezuela said it rejected the statement from Washington. "
        f"{HOSTILE} **bold** and [a link](https://example.com) are just words here."
    )
    app.text_input(key="analyze_title").set_value("**Big** [news](javascript:alert(1)) <b>x</b>")
    _analyse(app, text, "2019-03-14")
    # The title is Markdown-escaped: shown literally, no link, no bold, no tag.
    heading = next(h.value for h in app.subheader if "Big" in h.value)
    assert heading.startswith(r"\*\*Big\*\* \[news\]\(javascript\:alert\(1\)\)")
    assert r"\<b\>" in heading
    shown = next(h.value for h in app.get("html") if "newslens-entities" in h.value)
    assert "<script" not in shown and "<img" not in shown
    assert "&lt;script&gt;window.__pwned=1&lt;/script&gt;" in shown
    assert "[a link](https://example.com)" in shown
    for spec in _charts(app).values():
        assert "<script" not in json.dumps(spec)


def _blank_pdf() -> bytes:
    from pypdf import PdfWriter

    writer = PdfWriter()
    writer.add_blank_page(width=200, height=200)
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def test_app_uploads_good_and_bad_files(app: AppTest):
    good_txt = SEED.read_bytes()
    good_html = (
        b"<html><head><title>Talks in Geneva</title><script>window.__pwned=1</script></head>"
        b"<body><h1>Talks in Geneva</h1><p>Diplomats from the United States and Russia met in "
        b"Geneva on Monday and agreed to continue the talks on arms control next month, the "
        b"foreign ministry of Russia said in a statement that was published after the meeting "
        b"ended in the evening.</p></body></html>"
    )
    bad = [
        ("empty.txt", b"", "text/plain"),
        ("binary.txt", b"\x00\x01\x02\x03" * 50, "text/plain"),
        ("latin.txt", b"\x81\x8d\x8f\x90\x9d" * 40, "text/plain"),
        ("scan.pdf", _blank_pdf(), "application/pdf"),
        ("report.docx", b"PK\x03\x04 not a document", "application/octet-stream"),
        ("huge.txt", b"a" * (MAX_FILE_BYTES + 1), "text/plain"),
    ]
    files = [("seed.txt", good_txt, "text/plain"), ("geneva.html", good_html, "text/html"), *bad]
    app.file_uploader(key="analyze_upload").set_value(files).run()
    assert not app.exception, [e.message for e in app.exception]
    errors = _errors(app)
    assert len(errors) == len(bad)
    for (name, _, _), message in zip(bad, errors, strict=True):
        assert name.split(".")[0] in message.replace("\\", "")
    joined = " ".join(errors).replace("\\", "")
    assert "empty" in joined and "binary" in joined and "UTF-8" in joined
    assert "no text layer" in joined and ".docx" in joined and "limit is 5 MB" in joined
    # The first good file is in the editor with its front matter read.
    assert app.text_input(key="analyze_title").value == SEED_TITLE
    assert str(app.date_input(key="analyze_date").value) == "2019-03-14"
    assert not app.text_area(key="analyze_text").value.startswith("---")
    # Both good files are analysed at once; the app keeps working.
    app.button(key="analyze_all").click().run()
    assert not app.exception
    assert len(state_articles(app)) == 2
    # Both are in the corpus store: the seed was there already (a sample), Geneva is new.
    from extraction.store import Store

    with Store() as store:
        assert store.count() == 3
        assert "upload" in store.sources()
    titles = set(app.selectbox(key="analyze_result").options)
    assert len(titles) == 2
    # The picker's values are upload ids (shown by file name).
    read = app.session_state["analyze_upload_results"]
    geneva = next(fid for fid, (_, name, _) in read.items() if name == "geneva.html")
    app.selectbox(key="analyze_upload_pick").set_value(geneva).run()
    assert app.text_input(key="analyze_title").value == "Talks in Geneva"
    assert "window.__pwned" not in app.text_area(key="analyze_text").value
    # A sample picked afterwards stays in the editor although the uploads remain.
    app.selectbox(key="analyze_sample").set_value(OTHER.name).run()
    app.run()
    assert app.text_input(key="analyze_title").value.startswith("Russia expels 23 British")


def state_articles(at: AppTest) -> dict:
    return at.session_state[state.SESSION_KEY]


def test_app_inferred_date_is_marked(app: AppTest):
    _analyse(app, "The United States said on Thursday, March 14, 2019, that it backed Juan "
                  "Guaido as the interim president of Venezuela, and the government in Caracas "
                  "rejected the statement from Washington.")
    assert app.date_input(key="analyze_date").value is None
    assert any(c.value == "2019-03-14: inferred from the text" for c in app.caption)
    assert app.text[0].value.startswith("Published: 2019-03-14 (inferred from the text)")


def test_app_text_without_findings_explains_the_empty_sections(app: AppTest):
    _analyse(app, "It was a quiet and sunny afternoon in the old town, and the river was "
                  "calm under a pale blue sky, with a light wind from the hills and the smell "
                  "of fresh bread in the air of the evening.")
    assert not _errors(app)
    infos = " ".join(i.value for i in app.info)
    for phrase in ("No events were found", "No stances were found", "No people"):
        assert phrase in infos
    assert not _charts(app)


def test_app_empty_and_foreign_text_get_messages(app: AppTest):
    _analyse(app, "   \n ")
    assert "empty" in " ".join(_errors(app))
    _analyse(app, "Der Präsident sagte am Donnerstag, dass die Regierung die Gespräche mit "
                  "den Nachbarländern fortsetzen werde, obwohl die Opposition dagegen sei und "
                  "viele Bürger auf die Straße gingen, um gegen die neue Politik zu protestieren.")
    assert "English" in " ".join(_errors(app))
    assert app.info, "the empty state explains that nothing is analysed yet"


def test_app_sample_picker_and_pages(app: AppTest):
    app.selectbox(key="analyze_sample").set_value(SEED.name).run()
    assert app.text_input(key="analyze_title").value == SEED_TITLE
    app.button(key="analyze_run").click().run()
    assert not app.exception

    app.switch_page("views/corpus.py").run()
    assert not app.exception, [e.message for e in app.exception]
    assert app.title[0].value == "Corpus"
    # Both samples were ingested on first start; analysing the seed again added nothing.
    assert app.metric[0].value == "2"
    charts = _charts(app)
    assert {"corpus_timeline", "corpus_heatmap", "corpus_bars", "corpus_trend"} <= set(charts)
    trend = charts["corpus_trend"]["data"]
    assert trend and all(t["type"] == "scatter" for t in trend)
    assert {d.proto.label for d in app.get("download_button")} >= {"Events (CSV)",
                                                                     "Stance by month (CSV)"}
    app.selectbox(key="corpus_country").set_value("VEN").run()
    assert not app.exception
    assert app.metric[0].value == "1"
    app.selectbox(key="corpus_country").set_value(None).run()
    app.date_input(key="corpus_dates").set_value(
        (dt.date(2018, 3, 17), dt.date(2018, 12, 31))).run()
    assert not app.exception
    assert app.metric[0].value == "1"
    listing = next(d.value for d in app.dataframe if "inferred" in d.value.columns)
    assert list(listing["title"]) == [
        "Russia expels 23 British diplomats in retaliation over Salisbury poisoning"]

    app.switch_page("views/about.py").run()
    assert not app.exception
    assert "Articles stored: 2" in " ".join(t.value for t in app.text)


def test_app_unusable_store_keeps_the_session(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("NEWSLENS_STORE", str(tmp_path))  # a folder, not a store file
    monkeypatch.setenv("NEWSLENS_SAMPLES", str(tmp_path / "none"))
    at = AppTest.from_file(str(APP), default_timeout=TIMEOUT)
    at.run()
    assert not at.exception
    _analyse(at, SEED.read_text(encoding="utf-8"))
    assert any("folder" in w.value for w in at.warning)
    at.switch_page("views/corpus.py").run()
    assert not at.exception
    assert at.metric[0].value == "1"


@pytest.mark.parametrize("where", ["middle", "header"])
def test_app_damaged_store_degrades_to_a_message(tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch, where: str):
    import random

    from extraction.store import Store

    path = tmp_path / "store.sqlite"
    with Store(path) as store:
        for n in range(30):
            store.add(dataclasses.replace(build_article(), id=f"a{n}"))
    size = path.stat().st_size
    with path.open("r+b") as handle:
        handle.seek(size // 3 if where == "middle" else 0)
        handle.write(random.Random(3).randbytes(size // 2))
    monkeypatch.setenv("NEWSLENS_STORE", str(path))
    monkeypatch.setenv("NEWSLENS_SAMPLES", str(tmp_path / "none"))
    at = AppTest.from_file(str(APP), default_timeout=TIMEOUT)
    at.run()
    assert not at.exception, [e.message for e in at.exception]
    at.switch_page("views/corpus.py").run()
    assert not at.exception, [e.message for e in at.exception]
    shown = " ".join(m.value for m in [*at.warning, *at.error, *at.info])
    assert "session only" in shown
    at.switch_page("views/analyze.py").run()
    _analyse(at, SEED.read_text(encoding="utf-8"))


def test_app_analyses_are_bounded_and_failures_are_messages(monkeypatch: pytest.MonkeyPatch):
    from extraction.errors import NewslensError

    text = SEED.read_text(encoding="utf-8").split("---\n", 2)[-1]
    slots = state._analysis_slots()
    taken = [slots.acquire(timeout=1) for _ in range(state.MAX_CONCURRENT_ANALYSES)]
    try:
        assert all(taken)
        with pytest.raises(NewslensError, match="busy"):
            state.analyse(text, None, None, wait=0.01)
    finally:
        for _ in taken:
            slots.release()

    def broken(*args: object) -> None:
        raise RuntimeError("/srv/secret/path.py line 3")

    monkeypatch.setattr(state, "_cached_analysis", broken)
    with pytest.raises(NewslensError, match="internal error") as caught:
        state.analyse(text, None, None)
    assert "/srv" not in str(caught.value)
    # The slot was given back.
    assert slots.acquire(timeout=0.01)
    slots.release()


def test_app_config_hides_tracebacks_and_binds_this_machine():
    import tomllib

    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    assert config["client"]["showErrorDetails"] == "none"
    assert config["server"]["address"] == "127.0.0.1"
