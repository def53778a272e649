"""Analyst corrections: stable keys, applying them, undoing them, and re-analysis."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from extraction.corrections import (
    ANALYST,
    Correction,
    add_stance,
    apply_corrections,
    correct_entity,
    event_key,
    find_sentence,
    mention_key,
    merge_entities,
    review_marks,
    set_event_status,
    set_stance_status,
    split_entity,
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


# -- stances follow the corrected entities --------------------------------------------------

STORY = ("Evo Morales arrived in La Paz on Monday. Morales backed Maduro on Thursday. "
         "Maduro thanked Bolivia.")


def _at(word: str, occurrence: int = 0) -> Mention:
    start = -1
    for _ in range(occurrence + 1):
        start = STORY.index(word, start + 1)
    return Mention(word, start, start + len(word))


def _sentence_of(word: str) -> Mention:
    at = STORY.index(word)
    start = STORY.rfind(". ", 0, at)
    start = 0 if start < 0 else start + 2
    end = STORY.index(".", at) + 1
    return Mention(STORY[start:end], start, end)


def story_article() -> Article:
    """Morales found twice, once without a country (no stance can be his), and Maduro with
    two mentions; stances aggregated by the pipeline's own function, as an analysis has."""
    from extraction.events.stance import aggregate_stances
    from extraction.model import Entity, Event, Stance

    entities = (
        Entity("e1", "Evo Morales", "PERSON", "BOL", "head of state", (_at("Evo Morales"),)),
        Entity("e2", "Morales", "PERSON", None, None, (_at("Morales", 1),)),
        Entity("e3", "Nicolás Maduro", "PERSON", "VEN", "head of state",
               (_at("Maduro"), _at("Maduro", 1))),
        Entity("e4", "Bolivia", "GPE", "BOL", None, (_at("Bolivia"),)),
    )
    events = (
        Event("v1", "SUPPORT", _at("backed"), _sentence_of("backed"), actor="e2", target="e3",
              actor_country=None, target_country="VEN", date="2019-03-14",
              date_source="Thursday", polarity=0.6, actor_text="Morales",
              target_text="Maduro"),
        Event("v2", "SUPPORT", _at("thanked"), _sentence_of("thanked"), actor="e3",
              target="e4", actor_country="VEN", target_country="BOL", date="2019-03-15",
              date_source="published", polarity=0.4, actor_text="Maduro",
              target_text="Bolivia"),
    )
    article = Article(id="story", text=STORY, published=dt.date(2019, 3, 15),
                      entities=entities, events=events)
    stances = aggregate_stances([e.to_dict() for e in events],
                                [e.to_dict() for e in entities], [],
                                published=article.published)
    return dataclasses.replace(article, stances=tuple(Stance.from_dict(s) for s in stances))


def holders(article: Article) -> dict[str, tuple[str, ...]]:
    """``holder|target_key`` -> evidence, for every stance."""
    return {stance_key(s): s.evidence for s in article.stances}


def test_corrections_entity_country_moves_the_stances_it_holds():
    article = story_article()
    assert holders(article) == {"VEN|BOL": ("v2",)}
    # The person without a country gets one: the stance that came through them is now held
    # by that country, exactly as a fresh analysis would aggregate it.
    fix = correct_entity(article, "e2", "country", "BOL")
    got = apply_corrections(article, [fix])
    assert holders(got) == {"BOL|entity:Nicolás Maduro": ("v1",), "VEN|BOL": ("v2",)}
    assert got.events[0].actor_country == "BOL"
    # And corrected again, to another country, it moves on; nothing stays with the first.
    again = correct_entity(got, "e2", "country", "ARG")
    moved = apply_corrections(article, numbered(fix, again))
    assert holders(moved) == {"ARG|entity:Nicolás Maduro": ("v1",), "VEN|BOL": ("v2",)}
    # A stance's target follows too: Maduro corrected to Colombia is Colombia's stance.
    target = apply_corrections(article, [correct_entity(article, "e3", "country", "COL")])
    assert holders(target) == {"COL|BOL": ("v2",)}
    assert apply_corrections(got, [fix]) == got


def test_corrections_entity_country_round_trip_on_a_real_analysis(seed_article):
    # "Evo Morales" wrongly tied to the USA, as an extraction might have it: the stance
    # that came through him is the USA's ...
    morales = next(e for e in seed_article.entities if e.canonical == "Evo Morales")
    wrong_fix = correct_entity(seed_article, morales.id, "country", "USA")
    wrong = apply_corrections(seed_article, [wrong_fix])
    bolivian = [s for s in seed_article.stances if s.holder == "BOL"]
    assert bolivian and not [s for s in wrong.stances if s.holder == "BOL"]
    # (joining the USA's own stance towards Maduro).
    assert any(s.holder == "USA" and set(bolivian[0].evidence) <= set(s.evidence)
               for s in wrong.stances)
    # ... and corrected to Bolivia, the stances are the ones the pipeline gives.
    extracted = dataclasses.replace(wrong, id="wrong")
    fix = correct_entity(extracted, morales.id, "country", "BOL")
    assert apply_corrections(extracted, [fix]).stances == seed_article.stances


def test_corrections_entity_country_moves_stances_of_an_older_analysis():
    # Stances stored without canonical targets (as an older pipeline wrote them) are
    # matched by holder and name: the moved one leaves, the rest are kept as stored.
    from tests.dashboard.articles import build_article

    article = build_article()
    got = apply_corrections(article, [correct_entity(article, "e_morales", "country", "ARG")])
    assert [s.holder for s in article.stances] == [
        "USA", "VEN", "military:VEN", "BOL", "opposition:VEN"]
    assert [s.holder for s in got.stances] == [
        "USA", "VEN", "military:VEN", "opposition:VEN", "ARG"]
    assert got.stances[:3] == article.stances[:3]
    assert got.stances[-1].evidence == ("ev4",)


def test_corrections_rejected_event_recounts_the_stance():
    article = story_article()
    fix = correct_entity(article, "e2", "country", "BOL")
    rejected = set_event_status(article, "v2", "rejected")
    got = apply_corrections(article, numbered(fix, rejected))
    assert holders(got) == {"BOL|entity:Nicolás Maduro": ("v1",)}


# -- merging and splitting entities --------------------------------------------------------


def test_corrections_merge_unites_mentions_and_moves_the_stances():
    article = story_article()
    fix = merge_entities(article, ["e1", "e2"])
    assert (fix.kind, fix.item, fix.label) == ("entity.merge", "evo morales+morales",
                                               "Evo Morales + Morales")
    assert fix.after == {"canonical": "Evo Morales", "label": "PERSON",
                         "role": "head of state", "country": "BOL"}
    assert fix.describe() == "merged Evo Morales, Morales into Evo Morales (BOL)"
    got = apply_corrections(article, [fix])
    assert [e.id for e in got.entities] == ["e1", "e3", "e4"]
    merged = got.entity("e1")
    assert [m.text for m in merged.mentions] == ["Evo Morales", "Morales"]
    assert got.events[0].actor == "e1" and got.events[0].actor_country == "BOL"
    assert holders(got) == {"BOL|entity:Nicolás Maduro": ("v1",), "VEN|BOL": ("v2",)}
    assert apply_corrections(got, [fix]) == got
    assert review_marks(article, [fix]) == {"evo morales": "corrected"}
    assert apply_corrections(article, [undone(fix)]) == article


def test_corrections_merge_takes_the_name_and_country_chosen():
    article = story_article()
    fix = merge_entities(article, ["e2", "e1"], name="  Juan Evo   Morales ", country="")
    got = apply_corrections(article, [fix])
    merged = got.entity("e2")
    assert (merged.canonical, merged.country, merged.label) == ("Juan Evo Morales", None,
                                                                "PERSON")
    assert got.entity("e1") is None
    assert holders(got) == {"VEN|BOL": ("v2",)}
    # A country corrected after the merge applies to the merged entity; one corrected
    # before it (on the same name) is overruled by the merge's choice.
    early = dataclasses.replace(correct_entity(article, "e1", "country", "PER"),
                                item="juan evo morales")
    later = correct_entity(got, "e2", "country", "ECU")
    assert apply_corrections(article, numbered(early, fix)).entity("e2").country is None
    assert apply_corrections(article, numbered(fix, later)).entity("e2").country == "ECU"


def test_corrections_merge_survives_a_re_analysis():
    article = story_article()
    fix = merge_entities(article, ["e1", "e2"])
    # A newer pipeline numbers entities anew and names the second one otherwise: it is
    # still found by its mention.
    again = dataclasses.replace(
        article, id="again",
        entities=(dataclasses.replace(article.entities[1], id="n1", canonical="E. Morales"),
                  dataclasses.replace(article.entities[0], id="n2"),
                  *article.entities[2:]),
        events=(dataclasses.replace(article.events[0], actor="n1"), article.events[1]))
    got = apply_corrections(again, [fix])
    assert [e.canonical for e in got.entities] == ["Evo Morales", "Nicolás Maduro", "Bolivia"]
    assert got.entities[0].id == "n2"
    assert got.events[0].actor == "n2"
    assert "BOL|entity:Nicolás Maduro" in holders(got)
    # One that already found them as one entity is only given the chosen name and country.
    one = apply_corrections(article, [fix])
    assert apply_corrections(dataclasses.replace(one, id="newer"), [fix]).entities == \
        one.entities


def test_corrections_split_moves_what_came_through_the_mention():
    article = story_article()
    second = _at("Maduro", 1)
    fix = split_entity(article, "e3", second.start_char, name="Mario Maduro", country="COL")
    assert fix.kind == "entity.split" and fix.item == mention_key(article, second)
    assert fix.describe() == "split 'Maduro' off Nicolás Maduro as Mario Maduro (COL)"
    got = apply_corrections(article, [fix])
    maduro, mario = got.entity("e3"), got.entities[3]
    assert [m.text for m in maduro.mentions] == ["Maduro"]
    assert maduro.mentions[0] == _at("Maduro")
    assert (mario.canonical, mario.label, mario.country, mario.mentions) == (
        "Mario Maduro", "PERSON", "COL", (second,))
    # The thanks came through the split-off mention, the backing was towards the other.
    assert got.events[1].actor == mario.id and got.events[1].actor_country == "COL"
    assert got.events[0].target == "e3"
    assert holders(got) == {"COL|BOL": ("v2",)}
    assert apply_corrections(got, [fix]) == got
    assert review_marks(article, [fix]) == {"mario maduro": "corrected"}


def test_corrections_split_then_merge_back():
    article = story_article()
    split = split_entity(article, "e3", _at("Maduro", 1).start_char)
    parted = apply_corrections(article, [split])
    assert len(parted.entities) == 5
    assert parted.entities[3].country == "VEN"  # kept when none is chosen
    back = merge_entities(parted, ["e3", parted.entities[3].id])
    got = apply_corrections(article, numbered(split, back))
    assert [e.canonical for e in got.entities] == [e.canonical for e in article.entities]
    assert got.entity("e3").mentions == article.entity("e3").mentions
    assert holders(got) == holders(article)


def test_corrections_split_in_one_sentence_follows_the_argument_words():
    from extraction.model import Entity, Event

    text = "Maduro and his son met; Maduro Guerra thanked Maduro."
    son = text.index("Maduro Guerra")
    mentions = (Mention("Maduro", 0, 6), Mention("Maduro Guerra", son, son + 13),
                Mention("Maduro", text.rindex("Maduro"), text.rindex("Maduro") + 6))
    entity = Entity("e1", "Nicolás Maduro", "PERSON", "VEN", None, mentions)
    trigger = Mention("thanked", text.index("thanked"), text.index("thanked") + 7)
    sentence = Mention(text, 0, len(text))
    event = Event("v1", "SUPPORT", trigger, sentence, actor="e1", target="e1",
                  actor_text="Maduro Guerra", target_text="Maduro", polarity=0.4)
    article = Article(id="x", text=text, entities=(entity,), events=(event,))
    got = apply_corrections(article, [split_entity(article, "e1", son, country="")])
    assert got.events[0].actor == got.entities[1].id
    assert got.events[0].actor_country is None
    assert got.events[0].target == "e1"


@pytest.mark.parametrize(("make", "fragment"), [
    (lambda a: merge_entities(a, ["e1"]), "at least two"),
    (lambda a: merge_entities(a, ["e1", "e1"]), "at least two"),
    (lambda a: merge_entities(a, ["e1", "e9"]), "no entity 'e9'"),
    (lambda a: merge_entities(a, ["e1", "e2"], country="Bolivia"), "not a country code"),
    (lambda a: merge_entities(a, ["e1", "e2"], name="x" * 201), "longer than 200"),
    (lambda a: split_entity(a, "e1", 0), "only this mention"),
    (lambda a: split_entity(a, "e3", 1), "no mention at character 1"),
    (lambda a: split_entity(a, "e9", 0), "no entity"),
])
def test_corrections_merge_and_split_refuse_what_cannot_be(make, fragment):
    with pytest.raises(NewslensError, match=fragment):
        make(story_article())


def test_corrections_merge_and_split_round_trip_as_dict():
    article = story_article()
    for fix in (merge_entities(article, ["e1", "e2"]),
                split_entity(article, "e3", _at("Maduro").start_char)):
        assert Correction.from_dict(fix.to_dict()) == fix
