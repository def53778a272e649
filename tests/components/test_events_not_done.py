"""What the text says was not done, what an accusation only alleges, and a disposition told
on a day, are no events of the timeline (event rules ``negated_act``, ``alleged_act`` and
``disposition_adjectives``).

- "Kenya has not issued a statement", "Uganda will not expel the diplomats": an act
  told as not done. It leaves the timeline. An act its doer denies ("Rwanda denied arming
  the rebels") stays, with modality ``denied``; a cooperative act refused ("did not
  recognise the vote") stays as a rejection that happened.
- "Ethiopia accused Cairo of trying to encircle it": the accusation is the event; the
  encircling is only alleged, and no stance of Egypt's comes from it.
- "Ghana stood ready to help", "Peru remained committed to talks with Chile", "Japan was
  deeply concerned by the drills": a state a party is in, not an act done on a day. It
  leaves ``Article.events`` and counts through its relation, found by
  ``relationship:<TYPE>``, as a noun of a relationship does.

Every sentence is written for these tests (none comes from a benchmark).
"""

from __future__ import annotations

import pytest

from extraction import analyze


def events_of(nlp, text: str):
    return analyze(text, published="2025-06-12", nlp=nlp).events


@pytest.mark.parametrize("text, trigger", [
    ("The Kenyan government has not issued a statement on the border clash.", "issued"),
    ("Uganda will not expel the Kenyan diplomats, its foreign minister said on Monday.",
     "expel"),
    ("Bolivia never recalled its ambassador from Lima during the dispute.", "recalled"),
    ("Tanzania did not close the border with Kenya, officials said.", "close"),
])
def test_an_act_told_as_not_done_is_no_event(nlp, text, trigger):
    assert trigger not in [e.trigger.text for e in events_of(nlp, text)]


def test_an_act_its_doer_denies_stays_denied(nlp):
    events = events_of(nlp, "Rwanda denied arming the rebels in eastern Congo.")
    assert [e.modality for e in events if e.trigger.text == "arming"] == ["denied"]


def test_a_refused_cooperative_act_stays_a_rejection(nlp):
    events = events_of(nlp, "Moldova did not recognise the vote in the breakaway region.")
    rejected = [e for e in events if e.trigger.text == "recognise"]
    assert [(e.type, e.modality) for e in rejected] == [("REJECT", "happened")]


@pytest.mark.parametrize("text, alleged", [
    ("Kenya accused Somalia of trying to annex the border town.", "annex"),
    ("Washington accused the two Serb officials of undermining the peace agreement.",
     "agreement"),
    ("Mali accused Algeria of seeking to invade its northern region.", "invade"),
])
def test_an_act_only_alleged_is_no_event(nlp, text, alleged):
    article = analyze(text, published="2025-06-12", nlp=nlp)
    triggers = [e.trigger.text for e in article.events]
    assert "accused" in triggers
    assert alleged not in triggers
    accusers = {e.actor_country for e in article.events if e.trigger.text == "accused"}
    assert {s.holder for s in article.stances} <= accusers


def test_a_clause_of_time_under_an_accusation_is_told_as_fact(nlp):
    article = analyze("Kenya accused Somalia of violating its airspace after Somali jets "
                      "bombed a border village.", published="2025-06-12", nlp=nlp)
    assert "bombed" in [e.trigger.text for e in article.events]


@pytest.mark.parametrize("text, word", [
    ("Ghana said on Monday it stood ready to help Togo rebuild the bridge.", "ready"),
    ("Peru remained committed to talks with Chile, Peru's foreign minister said.",
     "committed"),
    ("Japan said it was deeply concerned by the Chinese drills near the islands.",
     "concerned"),
])
def test_a_disposition_is_no_event_of_the_timeline(nlp, text, word):
    article = analyze(text, published="2025-06-12", nlp=nlp)
    assert word not in [e.trigger.text for e in article.events]
    assert "said" in [e.trigger.text for e in article.events]


def test_a_disposition_towards_a_state_counts_through_its_relation(nlp):
    article = analyze("Peru remained committed to dialogue with Chile over the fisheries.",
                      published="2025-06-12", nlp=nlp)
    relations = [r for r in article.relations if r.found_by.startswith("relationship:")]
    assert relations, article.relations
    stance = next(s for s in article.stances if (s.holder, s.target_key) == ("PER", "CHL"))
    assert stance.polarity == "support"
    assert {r.id for r in relations} & set(stance.evidence)
