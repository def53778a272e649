"""Acts named by a noun of intent (issue 9, seventh round).

"Uganda's plan to close the border", "a pledge to withdraw": the act in the to-infinitive
is not yet done, and it is the act of the plan's owner, not of whoever judges the plan
("the senator attacked the president's plan to cut aid" is no cut by the senator).

Every sentence is written for these tests (none comes from a benchmark).
"""

from __future__ import annotations

import pytest

from tests.components.test_events_offers_parts import _events, _stances


@pytest.mark.parametrize(("text", "act"), [
    ("Kenya condemned Uganda's plan to close the border.", "close"),
    ("Ghana welcomed Togo's pledge to withdraw its troops.", "withdraw"),
    ("The senator attacked the president's plan to cut aid.", "cut"),
    ("Critics questioned Peru's proposal to expel the envoy.", "expel"),
])
def test_an_act_a_noun_of_intent_names_is_planned(text, act):
    events = _events(text, act)
    assert events and all(e.modality == "planned" for e in events), text


@pytest.mark.parametrize(("text", "act", "owner"), [
    ("The senator attacked the president's plan to cut aid.", "cut", "president"),
    ("The mayor praised the governor's plan to ban cars from the centre.", "ban", "governor"),
])
def test_the_owner_of_the_plan_acts_not_its_judge(text, act, owner):
    events = _events(text, act)
    assert events and all(owner in (e.actor_text or "") for e in events), text


@pytest.mark.parametrize(("text", "act"), [
    # A decision taken and an order given stay as they were: the act is the decision's.
    ("The EU's decision to impose sanctions on Russia was welcomed in Kyiv.", "impose"),
    # A plan as the subject of the sentence, with no infinitive, is left alone.
    ("Japan issued a declaration demanding the release of the hostages.", "demanding"),
])
def test_decisions_and_declarations_keep_their_modality(text, act):
    events = _events(text, act)
    assert events and all(e.modality == "happened" for e in events), text


def test_a_planned_closure_is_an_announced_measure():
    # A hostile measure planned is a stance taken now, at half weight
    # (stance.ANNOUNCED_WEIGHT); the closure itself stays planned.
    stances = _stances("Kenya condemned Uganda's plan to close its border with Rwanda.")
    assert ("UGA", "RWA", "oppose") in stances
    assert ("KEN", "UGA", "oppose") in stances
