"""What an "it" after "saying" refers to, and what a denial denies (issue 9, actor from the
wrong words; what did not happen reported as happened).

- "Russia criticised the agreement, saying it ignored Serbia's interests": the agreement
  ignored them, not Russia.
- "Syria condemned Israel, saying it had violated its airspace": Israel violated it.
- "Rwanda has been accused of backing the rebels, which it denies": the denial is of the
  charge, not opposition to the rebels; and an accusation followed by "a charge X denies"
  was still made.

Every sentence is written for these tests (none comes from a benchmark).
"""

from __future__ import annotations

import pytest

from extraction import analyze
from tests.components.conftest import run_events


def acts(nlp, text: str, word: str) -> list[tuple[str, str | None, str | None, str]]:
    return [(e["type"], e["actor_country"], e["target_country"], e["modality"])
            for e in run_events(nlp, text) if e["trigger"]["text"] == word]


@pytest.mark.parametrize(("text", "word"), [
    ("Russia criticised the agreement, saying it ignored Serbia's interests.", "ignored"),
    ("Chile rejected the proposal, saying it threatened the fishing industry.", "threatened"),
])
def test_it_after_saying_is_the_thing_acted_on(events_nlp, text, word):
    assert all(a is None for _, a, _, _ in acts(events_nlp, text, word))


@pytest.mark.parametrize(("text", "word", "actor"), [
    ("Syria condemned Israel, saying it had violated Syrian airspace.", "violated", "ISR"),
    ("Ghana accused Togo, saying it had closed the border without warning.", "closed", "TGO"),
])
def test_it_after_saying_is_the_party_judged(events_nlp, text, word, actor):
    found = acts(events_nlp, text, word)
    assert found and all(a == actor for _, a, _, _ in found)


@pytest.mark.parametrize(("text", "word", "actor"), [
    ("Syria says it is willing to talk.", "willing", "SYR"),
    ("Peru met Chile on Monday, saying it would seek closer ties.", "seek", "PER"),
])
def test_it_of_the_speaker_stays_the_speaker(events_nlp, text, word, actor):
    found = acts(events_nlp, text, word)
    assert found and found[0][1] == actor


def test_a_relative_denial_is_no_stance_towards_its_noun():
    article = analyze("Rwanda has been accused of backing the M23 rebels, which it denies.",
                      published="2021-05-04")
    assert not any(s.holder == "RWA" and "M23" in s.target_key for s in article.stances)


def test_a_charge_denied_afterwards_was_still_made(events_nlp):
    found = acts(events_nlp, "The United Arab Emirates has been accused by a UN panel of "
                 "supplying weapons to the rebels, a charge Abu Dhabi denies.", "accused")
    assert [(t, g, m) for t, _, g, m in found] == [("ACCUSE", "ARE", "happened")]


def test_a_denial_before_the_act_still_denies_it(events_nlp):
    found = acts(events_nlp, "Rwanda denied backing the M23 rebels.", "backing")
    assert all(m == "denied" for _, _, _, m in found)
