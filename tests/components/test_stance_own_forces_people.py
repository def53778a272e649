"""A state's forces or police acting on people the text names by no party and gives their own
country hold no stance against their own state (``events.sides._same_side``).

"Israeli troops detained five men" does not make the Israeli military oppose Israel. Force
used at home on dissenters still counts against the opposition (a guard), and a foreign
state's violence on a country's people still counts against that country (a guard).

Every sentence is written for these tests (none comes from a benchmark).
"""

from __future__ import annotations

import pytest

from extraction import analyze


def pairs(nlp, text: str) -> set[tuple[str, str]]:
    article = analyze(text, published="2025-06-12", nlp=nlp)
    return {(s.holder, s.target_key) for s in article.stances}


@pytest.mark.parametrize("text, pair", [
    ("Israeli troops raided two villages near the frontier and detained five men.",
     ("military:ISR", "ISR")),
    ("Ghanaian soldiers detained twelve men after the clash, a spokesman said.",
     ("military:GHA", "GHA")),
])
def test_own_forces_on_unnamed_people_hold_no_stance_against_their_state(nlp, text, pair):
    assert pair not in pairs(nlp, text)


def test_force_on_dissenters_at_home_still_opposes_the_opposition(nlp):
    assert ("NGA", "opposition:NGA") in pairs(nlp, "Police in Lagos arrested 40 protesters "
                                                   "on Monday.")


def test_a_foreign_strike_on_people_still_opposes_their_country(nlp):
    found = pairs(nlp, "A Russian missile strike killed 20 civilians in Kharkiv on Monday.")
    assert any(holder in ("RUS", "military:RUS") and target == "UKR"
               for holder, target in found)
