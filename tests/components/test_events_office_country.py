"""A state's office, or one who speaks for it, named without a country (argument rule
``office_country``).

- "his office said", "her spokeswoman said": the office is that of the person the
  possessive pronoun refers back to, and of that person's country.
- "a defence ministry official in Seoul said": an official in a capital speaks for its
  state; not in a city where international bodies sit ("an official in Geneva"), and a
  diplomat or envoy in a capital is left alone (most often another state's).

Every sentence is written for these tests (none comes from a benchmark).
"""

from __future__ import annotations

import pytest

from extraction import analyze


def speakers(nlp, text: str) -> list[tuple[str, str | None]]:
    events = analyze(text, published="2025-06-12", nlp=nlp).events
    return [(e.trigger.text, e.actor_country) for e in events if e.type == "STATEMENT"]


@pytest.mark.parametrize("text, country", [
    ("Kenyan President William Ruto spoke to Tanzania's leader on Monday about the border "
     "dispute, his office said.", "KEN"),
    ("Chilean Foreign Minister Alberto van Klaveren met his Bolivian counterpart in La Paz on "
     "Monday, his spokeswoman said.", "CHL"),
])
def test_a_possessive_office_speaks_for_its_owners_country(nlp, text, country):
    assert ("said", country) in speakers(nlp, text)


@pytest.mark.parametrize("text, country", [
    ("The two navies will hold joint drills in August, a defence ministry official in Seoul "
     "said.", "KOR"),
    ("The border crossing will reopen next week, a government spokesman in Nairobi said.",
     "KEN"),
    ("Both sides will meet again in June, a foreign ministry official in Lima said.", "PER"),
])
def test_an_official_in_a_capital_speaks_for_its_state(nlp, text, country):
    assert ("said", country) in speakers(nlp, text)


def test_an_official_in_a_city_of_international_bodies_gets_no_country(nlp):
    text = "The talks on the ceasefire will resume on Monday, an official in Geneva said."
    assert ("said", "CHE") not in speakers(nlp, text)
