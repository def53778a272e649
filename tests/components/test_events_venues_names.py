"""Where a complaint is heard is not whom it is against, and a name inside another name is
not a party.

- "filed a complaint with the U.N. Security Council", "lodged a complaint with the WTO":
  the body that hears a complaint or a case is its venue (rule ``filing_venue``); a state
  named there ("a complaint with Beijing") is still the one complained to.
- "signed the Brussels Agreement with Kosovo": the city a pact is named after is where it
  was made, not a party, even where the tagger leaves the name without an entity.

Every sentence is written for these tests (none comes from a benchmark).
"""

from __future__ import annotations

import pytest

from extraction import analyze


def stances(nlp, text: str) -> set[tuple[str, str | None, str]]:
    article = analyze(text, published="2025-06-12", nlp=nlp)
    return {(s.holder, s.target_key, s.polarity) for s in article.stances}


@pytest.mark.parametrize("text, holder, forum", [
    ("Ghana filed a complaint with the U.N. Security Council on Monday.", "GHA", "unsc"),
    ("Peru lodged a complaint with the World Trade Organization over the new duties.",
     "PER", "wto"),
    ("Chile filed a formal complaint with the International Court of Justice.", "CHL",
     "icj"),
])
def test_the_body_hearing_a_complaint_is_no_target(nlp, text, holder, forum):
    assert not {s for s in stances(nlp, text) if s[0] == holder and s[1] == forum}


def test_a_complaint_lodged_with_a_state_is_against_it(nlp):
    found = stances(nlp, "Japan lodged a complaint with Beijing over the drills on Monday.")
    assert ("JPN", "CHN", "oppose") in found


@pytest.mark.parametrize("text, pair, city_country", [
    ("Serbia signed the Brussels Agreement with Kosovo in 2013.", ("SRB", "XKX"), "BEL"),
    ("Bolivia says the 1950 Lima Accord, which it signed with Chile, is void.",
     ("BOL", "CHL"), "PER"),
])
def test_the_city_a_pact_is_named_after_is_no_party(nlp, text, pair, city_country):
    found = stances(nlp, text)
    assert (*pair, "support") in found
    assert not {s for s in found if s[1] == city_country}

