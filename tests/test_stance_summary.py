"""``summarise_stances``: many articles' stances added up per holder and canonical target."""

import pytest

from extraction.events.summary import (
    BACKGROUND_STANCE_WEIGHT,
    StanceRow,
    stance_weight,
    summarise_stances,
    target_names,
)


def _row(article, holder, target, key, polarity, score, evidence=1, current=True,
         country=None):
    return StanceRow(article, holder, target, key, country, polarity, score, evidence,
                     current, stance_weight(evidence, current))


def test_stance_weight_counts_evidence_at_least_once_and_background_less():
    assert stance_weight(0, True) == 1.0
    assert stance_weight(3, True) == 3.0
    assert stance_weight(3, False) == 3 * BACKGROUND_STANCE_WEIGHT


def test_target_names_takes_the_most_used_name_and_tells_equal_names_apart():
    pairs = [("NOR", "Norway"), ("NOR", "Oslo"), ("NOR", "Oslo"), ("GRL", "Greenland"),
             ("Nuuk", "Greenland"), ("DNK", "Denmark"), ("DNK", "Copenhagen")]
    assert target_names(pairs) == {
        "NOR": "Oslo", "GRL": "Greenland (GRL)", "Nuuk": "Greenland (Nuuk)",
        "DNK": "Denmark"}  # a tie: the name met first


def test_summarise_stances_adds_up_per_holder_and_canonical_target():
    rows = [
        _row("a1", "FIN", "Norway", "NOR", "positive", 0.6, evidence=2, country="NOR"),
        _row("a2", "FIN", "Oslo", "NOR", "positive", 0.3),
        _row("a2", "FIN", "Norway", "NOR", "positive", 0.9, evidence=3, current=False),
        _row("a3", "SWE", "Norway", "NOR", "negative", -0.5),
    ]
    found = summarise_stances(rows)
    assert [(s["holder"], s["target_key"]) for s in found] == [("FIN", "NOR"), ("SWE", "NOR")]
    fin = found[0]
    assert fin["target"] == "Norway"
    assert fin["target_country"] == "NOR"
    assert fin["polarity"] == "positive"
    assert fin["score"] == pytest.approx((0.6 * 2 + 0.3 * 1) / 3)
    assert (fin["evidence"], fin["articles"], fin["stances"], fin["background"]) == (3, 2, 2, 0)


def test_summarise_stances_with_background_weighs_it_less_and_counts_it():
    rows = [
        _row("a1", "FIN", "Norway", "NOR", "positive", 0.6, evidence=2),
        _row("a2", "FIN", "Norway", "NOR", "negative", -0.8, evidence=2, current=False),
    ]
    (fin,) = summarise_stances(rows, background=True)
    weight = 2 * BACKGROUND_STANCE_WEIGHT
    assert fin["score"] == pytest.approx((0.6 * 2 - 0.8 * weight) / (2 + weight))
    assert fin["polarity"] == "mixed"
    assert (fin["evidence"], fin["articles"], fin["stances"], fin["background"]) == (4, 2, 2, 1)


def test_summarise_stances_clips_the_score_and_takes_the_first_country_given():
    rows = [_row("a1", "FIN", "Norway", "NOR", "positive", 1.4),
            _row("a2", "FIN", "Norway", "NOR", "positive", 1.2, country="NOR")]
    (fin,) = summarise_stances(rows)
    assert fin["score"] == 1.0
    assert fin["target_country"] == "NOR"


def test_summarise_stances_of_nothing_current_is_empty():
    rows = [_row("a1", "FIN", "Norway", "NOR", "positive", 0.5, current=False)]
    assert summarise_stances(rows) == []
    assert summarise_stances([]) == []
    assert len(summarise_stances(rows, background=True)) == 1


def test_summarise_stances_reads_plain_tuples():
    row = ("a1", "FIN", "Norway", "NOR", None, "positive", 0.5, 1, True, 1.0)
    assert summarise_stances([row])[0]["score"] == 0.5
