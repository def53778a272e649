"""``summarise_by_month``: many articles' stances added up per month, holder and target."""

import datetime as dt

import pytest

from extraction.events.summary import BACKGROUND_STANCE_WEIGHT, StanceRow, stance_weight
from extraction.stance_trend import month_of, summarise_by_month


def _row(article, holder, target, key, score, evidence=1, current=True):
    polarity = "positive" if score > 0 else "negative"
    return StanceRow(article, holder, target, key, None, polarity, score, evidence, current,
                     stance_weight(evidence, current))


@pytest.fixture()
def rows():
    return [
        (dt.date(2021, 2, 3), _row("a1", "FIN", "Norway", "NOR", 0.6, evidence=2)),
        ("2021-02-20", _row("a2", "FIN", "Oslo", "NOR", 0.3)),
        (dt.datetime(2021, 2, 28, 9), _row("a2", "FIN", "Norway", "NOR", 0.9, evidence=3,
                                           current=False)),
        (dt.date(2021, 2, 9), _row("a5", "EST", "Latvia", "LVA", 0.4)),
        (dt.date(2021, 3, 1), _row("a3", "FIN", "Oslo", "NOR", -0.5)),
        (None, _row("a4", "FIN", "Norway", "NOR", 1.0)),
        (float("nan"), _row("a6", "FIN", "Norway", "NOR", 1.0)),
    ]


def test_month_of_reads_dates_datetimes_and_iso_strings():
    assert month_of(dt.date(2021, 2, 3)) == dt.date(2021, 2, 1)
    assert month_of(dt.datetime(2021, 12, 31, 23, 59)) == dt.date(2021, 12, 1)
    assert month_of("2021-07-15") == dt.date(2021, 7, 1)
    assert month_of(None) is None
    assert month_of(float("nan")) is None
    assert month_of("no date") is None


def test_summarise_by_month_weighs_scores_and_counts_articles(rows):
    found = summarise_by_month(rows)
    assert [(f["month"], f["holder"], f["target_key"]) for f in found] == [
        (dt.date(2021, 2, 1), "EST", "LVA"),
        (dt.date(2021, 2, 1), "FIN", "NOR"),
        (dt.date(2021, 3, 1), "FIN", "NOR"),
    ]
    february = found[1]
    # 0.6 on two pieces of evidence and 0.3 on one: (1.2 + 0.3) / 3.
    assert february["score"] == pytest.approx(0.5)
    assert (february["articles"], february["stances"], february["background"]) == (2, 2, 0)
    assert found[2]["score"] == -0.5 and found[2]["articles"] == 1
    # Undated articles (None, NaN) have no month and are left out.
    assert sum(f["stances"] for f in found) == 4


def test_summarise_by_month_names_a_target_once_over_all_months(rows):
    # "Oslo" is the name used most for NOR over both months, though February has one of
    # each and names "Norway" first.
    found = summarise_by_month(rows)
    assert {f["target"] for f in found if f["target_key"] == "NOR"} == {"Oslo"}
    assert {f["target"] for f in found if f["target_key"] == "LVA"} == {"Latvia"}


def test_summarise_by_month_with_background_weighs_it_less(rows):
    february = summarise_by_month(rows, background=True)[1]
    background = 3 * BACKGROUND_STANCE_WEIGHT
    assert february["score"] == pytest.approx((1.2 + 0.3 + 0.9 * background) / (3 + background))
    assert (february["articles"], february["stances"], february["background"]) == (2, 3, 1)


def test_summarise_by_month_of_nothing_dated_is_empty(rows):
    assert summarise_by_month([]) == []
    assert summarise_by_month(rows[-2:]) == []
