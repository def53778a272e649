"""Organs of international organisations hold the organisation's stance.

- An organ whose entity carries the organisation's key as its role, has no country and no
  name of an organisation of its own (an organ the entities component tied to the African
  Union: role "au") is that organisation as a holder (``events.arguments.holder_key``);
  before, such an entity held no stance when it was the actor itself.
- The African Union's Peace and Security Council and ECOWAS's Mediation and Security
  Council are known by name (``igos.tsv``): the "Security Council" inside them is not the
  UN Security Council, which had been made to condemn what they condemned.
- An organ with a name of its own keeps it ("the UN Security Council" is ``unsc``), and a
  state's body stays the state's (guards).

Every sentence is written for these tests (none comes from a benchmark).
"""

from __future__ import annotations

import pytest

from extraction import analyze
from extraction.events.arguments import holder_key


def pairs(nlp, text: str) -> set[tuple[str, str | None, str]]:
    article = analyze(text, published="2025-06-12", nlp=nlp)
    return {(s.holder, s.target_key, s.polarity) for s in article.stances}


def test_an_entity_with_an_organisations_key_as_its_role_is_that_organisation():
    organ = {"canonical": "Peace and Security Council", "label": "ORG", "role": "au",
             "country": None}
    assert holder_key(entity=organ, text="the council", country=None) == "au"


def test_a_countrys_entity_with_a_plain_role_is_no_organisation():
    ministry = {"canonical": "Foreign Ministry", "label": "ORG", "role": "foreign ministry",
                "country": "KEN"}
    assert holder_key(entity=ministry, text="the ministry", country=None) == "KEN"


@pytest.mark.parametrize("text, holder, target", [
    ("The Peace and Security Council of the African Union condemned Sudan's decision to "
     "expel the envoys.", "au", "SDN"),
    ("The ECOWAS Mediation and Security Council condemned Niger's decision to expel the "
     "envoys.", "ecowas", "NER"),
])
def test_an_organs_security_council_is_not_the_uns(nlp, text, holder, target):
    found = pairs(nlp, text)
    assert (holder, target, "oppose") in found
    assert not any(h == "unsc" for h, _, _ in found)


def test_an_organ_with_a_name_of_its_own_keeps_it(nlp):
    found = pairs(nlp, "The UN Security Council condemned Sudan's decision to expel the "
                       "envoys.")
    assert ("unsc", "SDN", "oppose") in found


def test_a_states_body_stays_the_states(nlp):
    found = pairs(nlp, "Kenya's Foreign Ministry condemned Sudan's decision to expel the "
                       "envoys.")
    assert ("KEN", "SDN", "oppose") in found
