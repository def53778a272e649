"""A reporter's appeal after a described state is the reporter's own act: "X said Israel had
the right to defend itself and urged Beirut to ..." is X urging. Sentences written for these
tests."""

from __future__ import annotations

import pytest

from extraction import analyze


def _requests(nlp, text: str) -> set[tuple[str | None, str | None]]:
    article = analyze(text, published="2025-06-12", nlp=nlp)
    return {(ev.actor_country, ev.target_country) for ev in article.events
            if ev.type == "REQUEST"}


@pytest.mark.parametrize("text, pair", [
    ("A State Department spokesperson said Israel had the right to defend itself and urged "
     "Beirut to disarm the group.", ("USA", "LBN")),
    ("Brazil said Venezuela was within its rights and called on Caracas to respect the "
     "border.", ("BRA", "VEN")),
])
def test_an_appeal_after_a_reported_state_is_the_reporters(nlp, text, pair):
    assert pair in _requests(nlp, text)


def test_an_appeal_inside_the_report_of_an_act_stays_the_actors(nlp):
    # Both verbs are past acts told in the report: the second keeps the first one's subject.
    text = "Kenya said Somalia attacked the border post and urged its allies to join in."
    assert {actor for actor, _ in _requests(nlp, text)} == {"SOM"}


def _stances(nlp, text: str) -> dict[tuple[str, str], str]:
    article = analyze(text, published="2025-06-12", nlp=nlp)
    return {(s.holder, s.target_key): s.polarity for s in article.stances}


def test_an_appeal_that_also_asks_to_undo_is_a_demand(nlp):
    # The second act asked for is a withdrawal: the appeal presses Israel.
    text = "France urged Israel to respect the ceasefire and withdraw from Lebanese territory."
    assert _stances(nlp, text).get(("FRA", "ISR")) == "oppose"


def test_an_appeal_to_keep_a_truce_alone_is_no_stance(nlp):
    text = "France urged Israel and Lebanon to respect the ceasefire."
    assert ("FRA", "ISR") not in _stances(nlp, text)
