"""State that stays: the URL codec (pure) and, with AppTest, a page switch and a restore."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from dashboard import frames, urlstate

from .test_app import app  # noqa: F401  (the fixture: a fresh store and two samples)

DATES = (dt.date(2018, 3, 17), dt.date(2018, 12, 31))


def test_urlstate_round_trip():
    values = {"corpus_dates": DATES, "corpus_country": "VEN", "corpus_source": "wire",
              "corpus_background": True, "corpus_timeline_modality": False,
              "corpus_trend_target": "entity:Qasem Soleimani"}
    params = urlstate.encode("corpus", values)
    assert params == {"dates": "2018-03-17..2018-12-31", "country": "VEN", "source": "wire",
                      "background": "1", "trend": "entity:Qasem Soleimani"}
    assert urlstate.decode("corpus", params) == {k: v for k, v in values.items() if v}


@pytest.mark.parametrize("params", [
    {"dates": "2019-01-01..2018-01-01"}, {"dates": "yesterday"}, {"country": "<b>x"},
    {"article": "../../etc/passwd"}, {"trend": "x" * 1000}, {"unknown": "1"},
])
def test_urlstate_malformed_parameters_are_dropped(params):
    decoded = urlstate.decode("corpus", params) | urlstate.decode("analyze", params)
    assert decoded == {}


def test_urlstate_article_text_never_goes_in_the_url():
    params = urlstate.encode("analyze", {"analyze_text": "long text", "analyze_current": "abc"})
    assert params == {"article": "abc"}


def test_urlstate_clip_range():
    first, last = dt.date(2018, 1, 1), dt.date(2019, 12, 31)
    assert frames.clip_range((dt.date(2017, 5, 1), dt.date(2018, 6, 1)), first, last) == (
        first, dt.date(2018, 6, 1))
    assert frames.clip_range((dt.date(2020, 5, 1), dt.date(2021, 1, 1)), first, last) is None
    assert frames.clip_range("2018", first, last) is None


def test_urlstate_inputs_survive_a_page_switch(app: AppTest):  # noqa: F811
    app.text_area(key="analyze_text").set_value("Text being written")
    app.text_input(key="analyze_title").set_value("A title")
    app.date_input(key="analyze_date").set_value(dt.date(2019, 3, 14)).run()
    app.switch_page("views/corpus.py").run()
    app.selectbox(key="corpus_country").set_value("VEN").run()
    assert app.query_params.get("country") == ["VEN"] or app.query_params.get("country") == "VEN"
    app.switch_page("views/about.py").run()
    app.switch_page("views/analyze.py").run()
    assert not app.exception
    assert app.text_area(key="analyze_text").value == "Text being written"
    assert app.text_input(key="analyze_title").value == "A title"
    assert app.date_input(key="analyze_date").value == dt.date(2019, 3, 14)
    app.switch_page("views/corpus.py").run()
    assert app.selectbox(key="corpus_country").value == "VEN"
    assert app.metric[0].value == "1"


def test_urlstate_a_shared_corpus_link_is_restored(app: AppTest, tmp_path: Path):  # noqa: F811
    # A second browser session on the same store opens a bookmarked Corpus link.
    from .test_app import APP, TIMEOUT

    at = AppTest.from_file(str(APP), default_timeout=TIMEOUT)
    at.query_params["dates"] = "2018-03-17..2018-12-31"
    at.query_params["country"] = "GBR"
    at.switch_page("views/corpus.py").run()
    assert not at.exception, [e.message for e in at.exception]
    assert at.date_input(key="corpus_dates").value == DATES
    assert at.selectbox(key="corpus_country").value == "GBR"
    assert at.metric[0].value == "1"


def test_urlstate_a_shared_article_link_opens_the_article(app: AppTest):  # noqa: F811
    from .test_app import APP, SEED_TITLE, TIMEOUT

    app.selectbox(key="analyze_sample").set_value("00_venezuela_us_diplomats.txt").run()
    app.button(key="analyze_run").click().run()
    params = dict(app.query_params)
    article = params["article"]
    article = article[0] if isinstance(article, list) else article
    fresh = AppTest.from_file(str(APP), default_timeout=TIMEOUT)
    fresh.query_params["article"] = article
    fresh.run()
    assert not fresh.exception, [e.message for e in fresh.exception]
    assert fresh.text_input(key="analyze_title").value == SEED_TITLE
    assert any(SEED_TITLE in s.value for s in fresh.subheader)
