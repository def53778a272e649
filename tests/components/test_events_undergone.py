"""Whoever faces, suffers or comes under an act is its target, not its doer (issue 9, roles
reversed).

"Israel came under rocket fire from Gaza" had made Israel the attacker of Gaza. Every sentence
is written for these tests (none comes from a benchmark).
"""

from __future__ import annotations

import pytest

from tests.components.conftest import run_events


def acts(nlp, text: str, word: str) -> list[tuple[str | None, str | None]]:
    return [(e["actor_country"], e["target_country"]) for e in run_events(nlp, text)
            if e["trigger"]["text"] == word]


@pytest.mark.parametrize(("text", "word", "doer", "target"), [
    ("Israel came under rocket attacks from Gaza.", "attacks", "PSE", "ISR"),
    ("Kenya has endured repeated raids by al-Shabab.", "raids", "SOM", "KEN"),
    ("The Ukrainian army repelled an assault by Russian forces near Kharkiv.", "assault", "RUS",
     "UKR"),
    ("Tunisia is facing terrorist attacks, the minister said.", "attacks", None, "TUN"),
    ("Nigeria has suffered a wave of attacks in the north.", "attacks", None, "NGA"),
])
def test_subject_of_undergoing_verb_is_the_target(events_nlp, text, word, doer, target):
    assert acts(events_nlp, text, word) == [(doer, target)]


@pytest.mark.parametrize(("text", "word", "doer", "target"), [
    ("Ukraine launched attacks on Russian positions.", "attacks", "UKR", "RUS"),
    ("Israeli jets carried out air strikes on Gaza.", "strikes", "ISR", "PSE"),
])
def test_subject_of_acting_verb_stays_the_doer(events_nlp, text, word, doer, target):
    assert acts(events_nlp, text, word) == [(doer, target)]
