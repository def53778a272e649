"""Support by rallying, sanctions by visa, disputes, and "its" inside a relative clause.

- "rallied behind Chisinau", "stands behind the Philippines": support, not a street rally.
- "revoked Petro's visa", "revoked the accreditation of two journalists": sanctions.
- "locked in a territorial dispute with Venezuela": opposition, both ways for a pair.
- "Libya, which took the case to the court in its dispute with X": "its" is Libya's.

Every sentence is written for these tests (none comes from a benchmark).
"""

from __future__ import annotations

import pytest

from extraction import analyze
from tests.components.conftest import run_events


def stances(nlp, text: str) -> set[tuple[str, str | None, str]]:
    article = analyze(text, published="2025-06-12", nlp=nlp)
    return {(s.holder, s.target_key, s.polarity) for s in article.stances}


@pytest.mark.parametrize(("text", "stance"), [
    ("The European Union rallied behind Chisinau.", ("eu", "MDA", "support")),
    ("Baltic allies rallied around Estonia after the cyber attack.", None),
    ("Japan stands behind the Philippines in the row.", ("JPN", "PHL", "support")),
    ("Washington revoked the Colombian president's visa last month.",
     ("USA", "COL", "oppose")),
    ("Russia revoked the accreditation of two German journalists.", ("RUS", "DEU", "oppose")),
    ("Guyana is locked in a territorial dispute with Venezuela.", ("GUY", "VEN", "oppose")),
    ("Libya, which took the case to the United Nations' top court in its dispute with Chad, "
     "hailed the ruling.", ("LBY", "TCD", "oppose")),
])
def test_stances_of_rallies_visas_and_disputes(nlp, text, stance):
    found = stances(nlp, text)
    if stance is None:
        # "Baltic allies" name no state: no holder, but no street protest either.
        events = analyze(text, published="2025-06-12", nlp=nlp).events
        assert [e.type for e in events if e.trigger.text == "rallied"] == ["SUPPORT"]
    else:
        assert stance in found


def test_a_rally_in_the_street_is_still_a_protest(events_nlp):
    found = [e["type"] for e in run_events(events_nlp, "Thousands of protesters rallied in "
                                           "Tbilisi against the law.")
             if e["trigger"]["text"] == "rallied"]
    assert found == ["PROTEST"]


def test_no_one_disputes_alone(events_nlp):
    assert not [e for e in run_events(events_nlp, "A dispute broke out over the ballots.")
                if e["trigger"]["text"] == "dispute"]
