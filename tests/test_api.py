"""The public API: analyze, analyze_many, the data model's JSON round trip, bad input."""

import datetime as dt
import json

import pytest

from extraction import Article, NewslensError, analyze, analyze_many


def test_api_analyze_returns_article_with_date_and_stable_id(nlp, seed_source):
    article = analyze(seed_source.text, published="2019-03-14", title="t", nlp=nlp)
    again = analyze(seed_source.text, published=dt.date(2019, 3, 14), title="t", nlp=nlp)
    assert article.published == dt.date(2019, 3, 14)
    assert article.id == again.id
    assert article.id != analyze(seed_source.text, published="2019-03-15", nlp=nlp).id
    assert article.text == seed_source.text


def test_api_article_round_trips_through_json(seed_article):
    data = json.loads(json.dumps(seed_article.to_dict()))
    assert Article.from_dict(data) == seed_article


def test_api_analyze_many_matches_analyze(nlp, seed_source):
    items = [seed_source.text, {"text": seed_source.text, "published": "2019-03-14", "title": "x"}]
    many = list(analyze_many(items, nlp=nlp))
    assert len(many) == 2
    assert many[0] == analyze(seed_source.text, nlp=nlp)
    assert many[1] == analyze(seed_source.text, published="2019-03-14", title="x", nlp=nlp)


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("", "empty"),
        ("   \n\t ", "empty"),
        (b"bytes", "bytes"),
        (None, "must be text"),
        ("x" * 200_001, "at most 200,000"),
        ("abc\x00def " * 20, "binary"),
        ("Der Präsident sagte am Donnerstag, dass die Regierung die Gespräche mit den "
         "Nachbarländern fortsetzen werde, obwohl die Opposition dagegen protestiert und "
         "eine Untersuchung gefordert hat. Die Minister treffen sich nächste Woche.", "English"),
        ("Президент заявил в четверг, что правительство продолжит переговоры.", "English"),
    ],
)
def test_api_analyze_refuses_bad_text_with_clear_message(nlp, text, fragment):
    with pytest.raises(NewslensError, match=fragment):
        analyze(text, nlp=nlp)


@pytest.mark.parametrize("date", ["14/03/2019", "yesterday", "2019-13-01", 42])
def test_api_analyze_refuses_bad_date(nlp, seed_source, date):
    with pytest.raises(NewslensError, match="date"):
        analyze(seed_source.text, published=date, nlp=nlp)


@pytest.mark.parametrize("batch_size", [0, -1, 1.5, True])
def test_api_analyze_many_refuses_a_bad_batch_size_at_once(nlp, batch_size):
    with pytest.raises(NewslensError, match="batch_size"):
        analyze_many(["text"], nlp=nlp, batch_size=batch_size)


def test_api_analyze_cleans_the_title(nlp, seed_source):
    article = analyze(seed_source.text, title="\x1b[31mTalks\u202e\x00", nlp=nlp)
    assert article.title == "Talks"


def test_api_little_prose_is_analysed_with_a_warning(nlp):
    from extraction import analyze

    table = "\n".join(f"{team} {n} {n + 3} {n * 2}" for n, team in enumerate(
        ["Kenya", "Ghana", "Nigeria", "Senegal", "Egypt", "Morocco", "Tunisia", "Algeria"]))
    article = analyze("Group standings after round three\n" + table, nlp=nlp)
    assert article.warnings and all(isinstance(w, str) and w for w in article.warnings)
    prose = ("The foreign ministers of Kenya and Ghana met in Accra on Tuesday and agreed to "
             "reopen talks on trade, a spokesman for the ministry said after the meeting.")
    assert analyze(prose, nlp=nlp).warnings == ()
    assert analyze(prose, nlp=nlp).to_dict()["warnings"] == []
