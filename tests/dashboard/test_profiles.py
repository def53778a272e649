"""The country and entity page: its pure aggregation (``dashboard.profiles``) and, with
AppTest, the page opened from a link's parameters and from the Corpus page."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest
from streamlit.testing.v1 import AppTest

from dashboard import frames, profiles, urlstate
from dashboard.profiles import Subject

from .articles import build_article
from .test_app import APP, TIMEOUT, app  # noqa: F401  (the fixture: a fresh store, two samples)

VEN = Subject("country", "VEN")
MADURO = Subject("entity", "nicolás maduro")


@pytest.fixture()
def two_months():
    first = build_article()
    later = dataclasses.replace(first, id="a2", published=dt.date(2019, 5, 2), title="Later")
    return [first, later]


def test_profiles_subject_of_prefers_a_country_and_refuses_junk():
    assert profiles.subject_of("VEN", "Maduro") == VEN
    assert profiles.subject_of(None, " Nicolás Maduro ") == Subject("entity", "Nicolás Maduro")
    assert profiles.subject_of("<b>", "") is None
    assert profiles.subject_of(None, None) is None


def test_profiles_country_gives_and_receives_stances(two_months):
    stances = frames.stances_frame(two_months)
    given = profiles.stances_given(stances, VEN)
    # The state and its sectors (military, opposition) speak for the country.
    assert set(given["holder"]) == {"VEN", "military:VEN", "opposition:VEN"}
    received = profiles.stances_received(stances, Subject("country", "USA"))
    assert set(received["holder"]) == {"VEN", "opposition:VEN"}
    assert profiles.stances_received(stances, Subject("country", "BOL")).empty


def test_profiles_entity_receives_stances_by_name_in_any_case(two_months):
    stances = frames.stances_frame(two_months)
    received = profiles.stances_received(stances, MADURO)
    assert set(received["holder"]) == {"military:VEN", "BOL"}
    assert len(received) == 4  # two stances in each of two articles
    assert profiles.stances_given(stances, MADURO).empty


def test_profiles_stances_over_time_by_month(two_months):
    rows = profiles.stances_received(frames.stances_frame(two_months), MADURO)
    monthly = profiles.monthly(rows)
    assert list(monthly.columns) == profiles.MONTHLY_COLUMNS
    assert sorted({m.month for m in monthly["month"]}) == [3, 5]
    assert set(monthly["series"]) == {"Bolivia → Nicolás Maduro",
                                      "Venezuela (military) → Nicolás Maduro"}
    assert set(monthly["articles"]) == {1}
    assert len(profiles.top_series(monthly, 1)["series"].unique()) == 1


def test_profiles_events_of_a_country_and_of_an_entity(two_months):
    events = frames.events_frame(two_months)
    of_bolivia = profiles.subject_events(events, Subject("country", "BOL"))
    assert set(of_bolivia["event_id"]) == {"ev4"}
    of_maduro = profiles.subject_events(events, MADURO)
    assert set(of_maduro["event_id"]) == {"ev2", "ev3", "ev4"}
    counts = profiles.event_counts(of_maduro)
    top = counts.iloc[0]
    assert (top["type"], top["events"], top["articles"]) == ("SUPPORT", 4, 2)


def test_profiles_companions_leave_out_the_subject(two_months):
    with_maduro = profiles.companions(two_months, MADURO)
    assert "Nicolás Maduro" not in set(with_maduro["entity"])
    assert {"Juan Guaidó", "Evo Morales", "United States"} <= set(with_maduro["entity"])
    assert set(with_maduro["articles"]) == {2}
    with_bolivia = profiles.companions(two_months, Subject("country", "BOL"))
    assert "Bolivia" not in set(with_bolivia["entity"])
    assert "Evo Morales" in set(with_bolivia["entity"])


def test_profiles_subject_articles_match_whole_names(two_months):
    assert len(profiles.subject_articles(two_months, MADURO)) == 2
    assert profiles.subject_articles(two_months, Subject("entity", "Maduro")) == []
    assert len(profiles.subject_articles(two_months, Subject("country", "BOL"))) == 2
    assert profiles.subject_articles(two_months, Subject("country", "FRA")) == []


def test_profiles_page_choices_and_labels():
    entities = frames.corpus_entities_frame([build_article()])
    choices = profiles.page_subjects(["VEN", "BOL"], entities)
    assert choices[:2] == ["country:VEN", "country:BOL"]
    assert "entity:Nicolás Maduro" in choices
    assert "entity:Bolivia" not in choices  # a place: its country has the page
    assert profiles.subject_label("country:VEN") == "Venezuela (VEN)"
    assert profiles.subject_label("entity:Nicolás Maduro") == "Nicolás Maduro"


def test_profiles_page_opens_from_a_link(app: AppTest):  # noqa: F811
    page = AppTest.from_file(str(APP), default_timeout=TIMEOUT)
    page.query_params["country"] = "VEN"
    page.run()
    page.switch_page("views/profile.py")
    page.query_params["country"] = "VEN"
    page.run()
    assert not page.exception, [e.message for e in page.exception]
    assert page.selectbox(key="profile_country").value == "VEN"
    assert [h.value for h in page.header] == ["Venezuela (VEN)"]
    metrics = {m.label: m.value for m in page.metric}
    assert int(metrics["Articles"]) >= 1 and int(metrics["Stances received"]) >= 1
    keys = {el.key for el in page.get("plotly_chart")}
    assert {"profile_given_trend", "profile_received_trend", "profile_timeline"} <= keys
    # Another link in the same session is followed; the URL names the subject shown.
    page.query_params.clear()
    page.query_params["entity"] = "Nicolás Maduro"
    page.run()
    assert not page.exception
    assert [h.value for h in page.header] == ["Nicolás Maduro"]
    assert page.selectbox(key="profile_country").value is None
    assert page.query_params["entity"] in ("Nicolás Maduro", ["Nicolás Maduro"])


def test_profiles_corpus_page_links_to_the_page(app: AppTest):  # noqa: F811
    app.switch_page("views/corpus.py").run()
    app.selectbox(key="corpus_country").set_value("VEN").run()
    assert not app.exception
    assert app.selectbox(key="corpus_page_subject").value == "country:VEN"
    links = app.get("page_link")
    assert links and links[0].proto.page.endswith("profile")
    assert "country=VEN" in links[0].proto.query_string


def test_profiles_url_names_the_subject_and_refuses_junk():
    params = urlstate.encode("profile", {"profile_country": "VEN", "profile_entity": None})
    assert params == {"country": "VEN"}
    assert urlstate.decode("profile", {"entity": "Nicolás Maduro"}) == {
        "profile_entity": "Nicolás Maduro"}
    assert urlstate.decode("profile", {"country": "<script>", "entity": "x" * 1000}) == {}
