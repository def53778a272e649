"""Stance rules of ``extraction.events.implied`` (issue 9): choosing a person for an office
is support for them, and a cooperative act with no parsed target is towards the one party
its sentence names next.

Every sentence is written for these tests (none comes from a benchmark).
"""

from __future__ import annotations

import pytest

from extraction import analyze
from extraction.events.stance import DEFAULT_RULES, STANCE_RULES, aggregate_stances


def _rule(text: str, rule: str) -> set[tuple[str, str, str]]:
    """(holder, target key, polarity) of the stances ``rule`` alone gives for ``text``."""
    article = analyze(text, published="2024-03-10").to_dict()
    stances = aggregate_stances(article["events"], article["entities"],
                                article["relations"], rules=[rule])
    return {(s["holder"], s["target_key"], s["polarity"]) for s in stances}


def _stances(text: str) -> set[tuple[str, str, str]]:
    return {(s.holder, s.target_key, s.polarity)
            for s in analyze(text, published="2024-03-10").stances}


def test_the_rules_are_registered_and_on_by_default():
    for name in ("chosen_person", "later_party"):
        assert name in STANCE_RULES and name in DEFAULT_RULES


# --- chosen_person --------------------------------------------------------------------------

# Cases as data: (text, expected stance) rows; alike other case tables in form only.
@pytest.mark.parametrize(("text", "expected"), [
    ("President Lula appointed Marta Silva as Brazil's ambassador to Argentina.",
     ("BRA", "entity:Marta Silva", "support")),
    ("Kenyan lawmakers elected Peter Otieno as speaker of the National Assembly.",
     ("KEN", "entity:Peter Otieno", "support")),
])
def test_choosing_a_person_for_an_office_is_support(text, expected):
    assert expected in _rule(text, "chosen_person")
    assert expected in _stances(text)


@pytest.mark.parametrize("text", [
    # Winning over someone and voting against them choose no one the text names.
    "Opposition leader Juan Perez won the election over President Luis Gomez.",
    "The Peruvian congress voted against Prime Minister Jose Vargas.",
    # Not done: a plan to appoint is no choice yet.
    "President Lula plans to appoint Marta Silva as Brazil's ambassador to Argentina.",
])
def test_no_support_without_a_choice_made(text):
    assert _rule(text, "chosen_person") == set()


# --- later_party ----------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "expected"), [
    ("Norway pledged funds on Monday, and Malawi will spend them on rural clinics.",
     ("NOR", "MWI", "support")),
    ("Japan offered support, which Peru accepted for flood relief in the north.",
     ("JPN", "PER", "support")),
])
def test_a_cooperative_act_is_towards_the_party_named_after_it(text, expected):
    assert expected in _rule(text, "later_party")
    assert expected in _stances(text)


@pytest.mark.parametrize("text", [
    # A hostile act: the party named later is a bystander as often as a target.
    "Canada condemned the attack, and Mali said it would investigate.",
    # Two parties named after the act: no telling which one it was for.
    "Norway pledged funds on Monday, and Malawi and Zambia will share them.",
    # A person named later is no beneficiary.
    "Norway pledged funds on Monday, and its envoy Erik Berg will visit the capital.",
    # The act's own side.
    "Norway pledged funds on Monday, and the Norwegian parliament approved them.",
])
def test_no_implied_beneficiary_when_the_sentence_does_not_single_one_out(text):
    assert _rule(text, "later_party") == set()


def test_no_beneficiary_named_after_a_word_that_aims_at_it():
    text = ("Ministers approved a new package of sanctions, agreed by EU leaders overnight, "
            "that also targets Russia's banks.")
    assert not [s for s in _rule(text, "later_party") if s[2] == "support"]
