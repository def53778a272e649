"""Analyst corrections: stable keys, applying them, undoing them, and re-analysis."""

from __future__ import annotations

import dataclasses

import pytest

from extraction.corrections import (
    ANALYST,
    Correction,
    add_stance,
    apply_corrections,
    correct_entity,
    event_key,
    find_sentence,
    review_marks,
    set_event_status,
    set_stance_status,
    stance_key,
    text_key,
)
from extraction.errors import NewslensError
from extraction.model import Article, Mention
from tests.test_store import TEXT, hand_article


def undone(correction: Correction) -> Correction:
    return dataclasses.replace(correction, undone_at="2026-01-01T00:00:00+00:00")


def numbered(*corrections: Correction) -> list[Correction]:
    return [dataclasses.replace(c, id=i) for i, c in enumerate(corrections, start=1)]


@pytest.mark.parametrize("other", [
    TEXT.upper(),
    "  " + TEXT.replace(" ", "\n  ") + "\n",
    TEXT.replace(". ", ".\n\n"),
])
def test_corrections_text_key_ignores_spacing_and_case(other):
    assert text_key(other) == text_key(TEXT)


def test_corrections_text_key_tells_texts_apart():
    assert text_key(TEXT) != text_key(TEXT.replace("Thursday", "Friday"))


def test_corrections_event_key_survives_respacing():
    article = hand_article()
    spaced_text = TEXT.replace("Washington backed", "Washington   backed")
    moved = dataclasses.replace(article.events[0], trigger=Mention("backed", 13, 19))
    spaced = dataclasses.replace(article, text=spaced_text, events=(moved,))
    assert event_key(spaced, moved) == event_key(article, article.events[0]) == "10:backed"


def test_corrections_entity_country_reaches_events_and_stances():
    article = hand_article()
    # Juan Guaido (e2) is the target of v1 and, as an entity target, of the USA's stance.
    fix = correct_entity(article, "e2", "country", "col")
    assert (fix.kind, fix.item, fix.before, fix.after) == (
        "entity.country", "juan guaido", "VEN", "COL")
    got = apply_corrections(article, [fix])
    assert got.entity("e2").country == "COL"
    assert got.events[0].target_country == "COL"
    assert got.events[0].actor_country == "USA"
    assert got.stances[0].target_country == "COL"
    # What the correction does not name stays as it was.
    assert got.entity("e1") == article.entity("e1")
    assert got.stances[1] == article.stances[1]


@pytest.mark.parametrize(("field", "value", "expected"), [
    ("label", "org", "ORG"),
    ("role", "interim president", "interim president"),
    ("role", "", None),
])
def test_corrections_entity_label_and_role(field, value, expected):
    article = hand_article()
    got = apply_corrections(article, [correct_entity(article, "e2", field, value)])
    assert getattr(got.entity("e2"), field) == expected


@pytest.mark.parametrize(("entity_id", "field", "value", "fragment"), [
    ("e9", "country", "COL", "no entity"),
    ("e2", "mentions", "x", "cannot be corrected"),
    ("e2", "country", "Colombia", "not a country code"),
    ("e2", "label", "", "needs a type"),
    ("e2", "country", "VEN", "already VEN"),
])
def test_corrections_entity_refuses_what_cannot_be(entity_id, field, value, fragment):
    with pytest.raises(NewslensError, match=fragment):
        correct_entity(hand_article(), entity_id, field, value)


def test_corrections_rejected_event_leaves_the_evidence():
    article = hand_article()
    got = apply_corrections(article, [set_event_status(article, "v1", "rejected")])
    assert [e.id for e in got.events] == ["v2"]
    assert got.stances[0].evidence == ("r1",)
    assert got.stances[1].evidence == ("v2",)


def test_corrections_stance_without_evidence_goes():
    article = hand_article()
    fixes = numbered(set_event_status(article, "v1", "rejected"),
                     set_event_status(article, "v2", "rejected"))
    got = apply_corrections(article, fixes)
    assert got.events == ()
    assert [s.holder for s in got.stances] == ["USA"]  # r1 still backs it


def test_corrections_rejected_stance_and_a_later_confirm():
    article = hand_article()
    key = stance_key(article.stances[1])
    assert key == "opposition:VEN|Nicolás Maduro"
    reject = set_stance_status(article, key, "rejected")
    assert reject.before == "extracted"
    assert [s.holder for s in apply_corrections(article, [reject])
            .stances] == ["USA"]
    confirm = set_stance_status(article, key, "confirmed", numbered(reject))
    assert confirm.before == "rejected"
    got = apply_corrections(article, numbered(reject, confirm))
    assert got.stances == article.stances
    assert review_marks(article, numbered(reject, confirm)) == {key: "confirmed"}


def test_corrections_undone_ones_do_not_apply():
    article = hand_article()
    fix = set_event_status(article, "v1", "rejected")
    assert apply_corrections(article, [undone(fix)]) == article
    # The one before an undone one is in force again.
    first = correct_entity(article, "e2", "country", "COL")
    second = correct_entity(apply_corrections(article, [first]), "e2", "country", "BRA")
    assert second.before == "COL"
    got = apply_corrections(article, numbered(first, undone(second)))
    assert got.entity("e2").country == "COL"


def test_corrections_of_another_text_are_ignored():
    article = hand_article()
    other = hand_article(text=TEXT.replace("Thursday", "Saturday"))
    fix = set_event_status(other, "v1", "rejected")
    assert apply_corrections(article, [fix]) == article


def test_corrections_survive_a_re_analysis():
    article = hand_article()
    fixes = numbered(
        correct_entity(article, "e2", "country", "COL"),
        set_event_status(article, "v2", "rejected"),
        set_stance_status(article, "USA|entity:Juan Guaido", "confirmed"),
    )
    # A newer pipeline numbers entities and events differently and finds them in another
    # order; the corrections still find their items.
    renamed = {"e1": "n7", "e2": "n8", "e3": "n9"}
    again = dataclasses.replace(
        article,
        id="other-id",
        entities=tuple(dataclasses.replace(e, id=renamed[e.id])
                       for e in reversed(article.entities)),
        events=tuple(dataclasses.replace(e, id=f"w{e.id}", actor=renamed.get(e.actor),
                                         target=renamed.get(e.target))
                     for e in reversed(article.events)),
        stances=tuple(dataclasses.replace(s, evidence=tuple(f"w{x}" if x.startswith("v")
                                                            else x for x in s.evidence))
                      for s in article.stances),
    )
    got = apply_corrections(again, fixes)
    assert got.entity("n8").country == "COL"
    assert [e.id for e in got.events] == ["wv1"]
    assert got.events[0].target_country == "COL"
    assert review_marks(again, fixes)["USA|entity:Juan Guaido"] == "confirmed"


def test_corrections_added_stance_with_its_sentence():
    article = hand_article()
    fix = add_stance(article, holder="BOL", target="Nicolás Maduro", polarity="support",
                     sentence="bolivia's evo   morales stood by maduro",
                     target_key="entity:Nicolás Maduro", target_country="VEN")
    got = apply_corrections(article, [fix])
    added = got.stances[-1]
    assert (added.holder, added.target_key, added.polarity, added.score) == (
        "BOL", "entity:Nicolás Maduro", "support", 1.0)
    relation = got.relations[-1]
    assert relation.found_by == ANALYST and added.evidence == (relation.id,)
    assert relation.sentence.text == "Bolivia's Evo Morales stood by Maduro"
    assert TEXT[relation.sentence.start_char:relation.sentence.end_char] == \
        relation.sentence.text
    # Applying to what is already corrected changes nothing.
    assert apply_corrections(got, [fix]) == got
    assert review_marks(article, [fix]) == {"BOL|entity:Nicolás Maduro": "added"}


@pytest.mark.parametrize(("kwargs", "fragment"), [
    ({"holder": "BOL", "target": "Maduro", "polarity": "love", "sentence": "stood by"},
     "Unknown stance"),
    ({"holder": "", "target": "Maduro", "polarity": "support", "sentence": "stood by"},
     "holder and a target"),
    ({"holder": "BOL", "target": "Maduro", "polarity": "support",
      "sentence": "Bolivia invaded Peru"}, "not in the article"),
])
def test_corrections_added_stance_refused(kwargs, fragment):
    with pytest.raises(NewslensError, match=fragment):
        add_stance(hand_article(), **kwargs)


def test_corrections_status_refuses_unknown_items():
    article = hand_article()
    with pytest.raises(NewslensError, match="no event"):
        set_event_status(article, "v9", "rejected")
    with pytest.raises(NewslensError, match="no stance"):
        set_stance_status(article, "USA|IRN", "rejected")
    with pytest.raises(NewslensError, match="Unknown status"):
        set_event_status(article, "v1", "deleted")


def test_corrections_find_sentence():
    assert find_sentence("A  b.\nC d.", "c D.") == Mention("C d.", 6, 10)
    assert find_sentence("A b.", "   ") is None


def test_corrections_round_trip_as_dict():
    fix = add_stance(hand_article(), holder="BOL", target="Maduro", polarity="oppose",
                     sentence="stood by Maduro")
    assert Correction.from_dict(fix.to_dict()) == fix
    assert "added stance BOL oppose Maduro" == fix.describe()


def test_corrections_empty_article_is_unchanged():
    article = Article(id="x", text="Nothing here.")
    assert apply_corrections(article, []) is article
