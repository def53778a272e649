"""Attacks on ground and attacks in words (issue 9, seventh round).

"Position" is both a view and ground held by forces: "attacked the minister's position on
tax" is criticism, "troops attacked rebel positions" is violence. And a verbal attack reacts
to what its object names, as a condemnation does: "attacked the peace deal" is no deal made
by the attacker.

Every sentence is written for these tests (none comes from a benchmark).
"""

from __future__ import annotations

import pytest

from tests.components.test_events_offers_parts import _events


@pytest.mark.parametrize(("text", "etype"), [
    # Attacked by forces, or held by them: ground.
    ("Chadian troops attacked rebel positions near the border.", "ASSAULT"),
    ("Government forces attacked militant positions overnight.", "ASSAULT"),
    ("Israeli jets attacked Hezbollah positions in the south.", "ASSAULT"),
    ("The army attacked positions held by the insurgents.", "ASSAULT"),
    ("Artillery units attacked enemy positions along the river.", "ASSAULT"),
    # A view or a policy attacked in words: criticism.
    ("The senator attacked the president's position on trade.", "ACCUSE"),
    ("The opposition attacked the army's position on conscription.", "ACCUSE"),
    ("Critics attacked the ministry's position on the dam.", "ACCUSE"),
    ("The governor attacked the new tax policy.", "ACCUSE"),
])
def test_a_position_is_ground_when_forces_attack_or_hold_it(text, etype):
    assert [e.type for e in _events(text, "attacked")] == [etype], text


def test_a_state_bombing_positions_opposes_the_group_holding_them():
    events = _events("Israeli jets attacked Hezbollah positions in the south.", "attacked")
    assert events[0].actor_country == "ISR" and events[0].polarity < -0.5


@pytest.mark.parametrize(("text", "noun"), [
    ("Rebels attacked the peace deal as a betrayal.", "deal"),
    ("The unions attacked the new labour agreement.", "agreement"),
])
def test_an_agreement_attacked_in_words_is_not_made_by_its_critic(text, noun):
    assert all(e.actor_text is None or "Rebels" not in e.actor_text and
               "unions" not in e.actor_text for e in _events(text, noun)), text
