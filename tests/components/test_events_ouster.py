"""An ouster is coercion by whoever carries it out (issue 9, clear opposition missed).

"Removed" names an ouster only when it says so: in a coup, or from power or office.
Removing roadblocks or committee members is no act against anyone. Every sentence is written
for these tests (none comes from a benchmark).
"""

from __future__ import annotations

import pytest

from tests.components.conftest import run_events


def acts(nlp, text: str, word: str) -> list[tuple[str, str | None, str | None]]:
    return [(e["type"], e["actor_country"], e["target_country"]) for e in run_events(nlp, text)
            if e["trigger"]["text"] == word]


@pytest.mark.parametrize(("text", "word", "country"), [
    ("Malian soldiers removed President Amadou Toure in a coup.", "removed", "MLI"),
    ("The Peruvian congress removed President Martin Vizcarra from office.", "removed", "PER"),
    ("Sudan's generals dismissed Prime Minister Abdalla Hamdok from power.", "dismissed", "SDN"),
])
def test_removal_from_power_or_in_a_coup_is_coercion(events_nlp, text, word, country):
    found = acts(events_nlp, text, word)
    assert found and all(t == "COERCE" and a == country for t, a, _ in found)


@pytest.mark.parametrize(("text", "word"), [
    ("The Kenyan army removed the roadblocks from the highway.", "removed"),
    ("The Chilean minister removed two officials from the committee.", "removed"),
    ("The Nepalese court dismissed the case against the editor.", "dismissed"),
])
def test_other_removals_are_no_ouster(events_nlp, text, word):
    assert all(t != "COERCE" for t, _, _ in acts(events_nlp, text, word))
