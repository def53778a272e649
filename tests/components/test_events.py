"""Tests for the newslens_events component: one hand-built parse per rule.

Each ``Doc`` is built from words, heads, dependency labels, parts of speech, tags and lemmas,
and the component is called directly, so the statistical model's mood cannot break a test.
Entities are given as the entities component would write them.
"""

from __future__ import annotations

from typing import Any

import pytest
from spacy.tokens import Doc

from extraction.components.events import Events
from extraction.events.dates import pick_date
from extraction.events.extract import extract_events
from extraction.events.lexicon import load_lexicon, match_trigger, parse_lexicon

# (word, head, dep, pos, tag, lemma); head is an absolute token index.
Row = tuple[str, int, str, str, str, str]


def build(nlp, rows: list[Row]) -> Doc:
    """A parsed Doc from rows; entities and dates are added by the test."""
    words = [r[0] for r in rows]
    spaces = [i + 1 < len(rows) and rows[i + 1][2] != "punct" for i in range(len(rows))]
    doc = Doc(nlp.vocab, words=words, spaces=spaces, heads=[r[1] for r in rows],
              deps=[r[2] for r in rows], pos=[r[3] for r in rows], tags=[r[4] for r in rows],
              lemmas=[r[5] for r in rows])
    doc._.newslens_entities = []
    doc._.newslens_timex = []
    doc._.newslens_anchor = "2019-03-14"
    return doc


def entity(doc: Doc, eid: str, tokens: list[int], canonical: str, label: str,
           country: str | None, role: str | None = None) -> dict[str, Any]:
    mentions = [{"text": doc[i].text, "start_char": doc[i].idx,
                 "end_char": doc[i].idx + len(doc[i].text)} for i in tokens]
    return {"id": eid, "canonical": canonical, "label": label, "country": country,
            "role": role, "mentions": mentions}


def run(doc: Doc) -> list[dict[str, Any]]:
    Events(load_lexicon(), max_pairs=6)(doc)
    return doc._.newslens_events


def by_trigger(events: list[dict[str, Any]], word: str) -> list[dict[str, Any]]:
    return [e for e in events if e["trigger"]["text"] == word]


# "The United States and Canada have recognized Guaido."
COORDINATION: list[Row] = [
    ("The", 2, "det", "DET", "DT", "the"),
    ("United", 2, "compound", "PROPN", "NNP", "United"),
    ("States", 6, "nsubj", "PROPN", "NNP", "States"),
    ("and", 2, "cc", "CCONJ", "CC", "and"),
    ("Canada", 2, "conj", "PROPN", "NNP", "Canada"),
    ("have", 6, "aux", "AUX", "VBP", "have"),
    ("recognized", 6, "ROOT", "VERB", "VBN", "recognize"),
    ("Guaido", 6, "dobj", "PROPN", "NNP", "Guaido"),
    (".", 6, "punct", "PUNCT", ".", "."),
]


def test_events_coordination_gives_one_event_per_actor(nlp):
    doc = build(nlp, COORDINATION)
    doc._.newslens_entities = [
        entity(doc, "E1", [2], "United States", "GPE", "USA"),
        entity(doc, "E2", [4], "Canada", "GPE", "CAN"),
        entity(doc, "E3", [7], "Juan Guaido", "PERSON", "VEN", "opposition"),
    ]
    events = by_trigger(run(doc), "recognized")
    assert {e["actor_country"] for e in events} == {"USA", "CAN"}
    assert all(e["type"] == "SUPPORT" and e["target"] == "E3" for e in events)
    assert all(e["polarity"] > 0 and not e["negated"] for e in events)


# "Maduro was backed by the military."
PASSIVE: list[Row] = [
    ("Maduro", 2, "nsubjpass", "PROPN", "NNP", "Maduro"),
    ("was", 2, "auxpass", "AUX", "VBD", "be"),
    ("backed", 2, "ROOT", "VERB", "VBN", "back"),
    ("by", 2, "agent", "ADP", "IN", "by"),
    ("the", 5, "det", "DET", "DT", "the"),
    ("military", 3, "pobj", "NOUN", "NN", "military"),
    (".", 2, "punct", "PUNCT", ".", "."),
]

# "Maduro, backed by the military, refuses to hand over the government to Guaido."
CONTROL: list[Row] = [
    ("Maduro", 7, "nsubj", "PROPN", "NNP", "Maduro"),
    (",", 0, "punct", "PUNCT", ",", ","),
    ("backed", 0, "acl", "VERB", "VBN", "back"),
    ("by", 2, "agent", "ADP", "IN", "by"),
    ("the", 5, "det", "DET", "DT", "the"),
    ("military", 3, "pobj", "NOUN", "NN", "military"),
    (",", 0, "punct", "PUNCT", ",", ","),
    ("refuses", 7, "ROOT", "VERB", "VBZ", "refuse"),
    ("to", 9, "aux", "PART", "TO", "to"),
    ("hand", 7, "xcomp", "VERB", "VB", "hand"),
    ("over", 9, "prt", "ADP", "RP", "over"),
    ("the", 12, "det", "DET", "DT", "the"),
    ("government", 9, "dobj", "NOUN", "NN", "government"),
    ("to", 9, "prep", "ADP", "IN", "to"),
    ("Guaido", 13, "pobj", "PROPN", "NNP", "Guaido"),
    (".", 7, "punct", "PUNCT", ".", "."),
]


@pytest.mark.parametrize("rows,trigger", [(PASSIVE, "backed"), (CONTROL, "backed")])
def test_events_passive_agent_is_the_actor(nlp, rows, trigger):
    doc = build(nlp, rows)
    doc._.newslens_entities = [entity(doc, "E1", [0], "Nicolás Maduro", "PERSON", "VEN",
                                      "head of state")]
    (event,) = by_trigger(run(doc), trigger)
    assert event["type"] == "SUPPORT"
    assert event["actor_text"] == "military" and event["actor"] is None
    # The military has no country in the phrase: it is Maduro's country's military.
    assert event["actor_country"] == "VEN"
    assert event["target"] == "E1"


def test_events_control_verb_folds_the_clause(nlp):
    doc = build(nlp, CONTROL)
    doc._.newslens_entities = [
        entity(doc, "E1", [0], "Nicolás Maduro", "PERSON", "VEN", "head of state"),
        entity(doc, "E2", [14], "Juan Guaido", "PERSON", "VEN", "opposition"),
    ]
    events = run(doc)
    (refusal,) = by_trigger(events, "refuses")
    assert refusal["type"] == "REJECT" and refusal["polarity"] < 0
    assert refusal["actor"] == "E1" and refusal["target"] == "E2"
    # The handing over did not happen: no cooperative event from the folded clause.
    assert not by_trigger(events, "hand")


# "Russia did not recognize Guaido." / "Russia did not attack Ukraine."
def negated(verb: str, lemma: str) -> list[Row]:
    return [
        ("Russia", 3, "nsubj", "PROPN", "NNP", "Russia"),
        ("did", 3, "aux", "AUX", "VBD", "do"),
        ("not", 3, "neg", "PART", "RB", "not"),
        (verb, 3, "ROOT", "VERB", "VB", lemma),
        ("Guaido", 3, "dobj", "PROPN", "NNP", "Guaido"),
        (".", 3, "punct", "PUNCT", ".", "."),
    ]


def test_events_negation_makes_a_refused_cooperation_a_rejection(nlp):
    doc = build(nlp, negated("recognize", "recognize"))
    doc._.newslens_entities = [entity(doc, "E1", [0], "Russia", "GPE", "RUS"),
                               entity(doc, "E2", [4], "Guaido", "PERSON", "VEN")]
    (event,) = run(doc)
    assert event["negated"] is True
    assert event["type"] == "REJECT"
    assert event["polarity"] < 0


@pytest.mark.parametrize("verb,lemma", [
    ("attack", "attack"),  # a conflict that did not happen is no event (rule negated_act)
    ("meet", "meet"),  # nor is a meeting that did not happen, and it is no rejection
])
def test_events_negation_cancels_an_act_not_done(nlp, verb, lemma):
    doc = build(nlp, negated(verb, lemma))
    doc._.newslens_entities = [entity(doc, "E1", [0], "Russia", "GPE", "RUS"),
                               entity(doc, "E2", [4], "Guaido", "PERSON", "VEN")]
    assert run(doc) == []


# "Pompeo said the regime prevented the vote."
SPEECH: list[Row] = [
    ("Pompeo", 1, "nsubj", "PROPN", "NNP", "Pompeo"),
    ("said", 1, "ROOT", "VERB", "VBD", "say"),
    ("the", 4, "det", "DET", "DT", "the"),
    ("Maduro", 4, "compound", "PROPN", "NNP", "Maduro"),
    ("regime", 5, "nsubj", "NOUN", "NN", "regime"),
    ("prevented", 1, "ccomp", "VERB", "VBD", "prevent"),
    ("the", 7, "det", "DET", "DT", "the"),
    ("vote", 5, "dobj", "NOUN", "NN", "vote"),
    (".", 1, "punct", "PUNCT", ".", "."),
]


def test_events_reported_speech_sets_the_speaker(nlp):
    doc = build(nlp, SPEECH)
    doc._.newslens_entities = [
        entity(doc, "E1", [0], "Mike Pompeo", "PERSON", "USA", "foreign minister"),
        entity(doc, "E2", [3], "Nicolás Maduro", "PERSON", "VEN", "head of state"),
    ]
    (event,) = by_trigger(run(doc), "prevented")
    assert event["speaker"] == "E1"
    assert event["actor"] == "E2" and event["actor_country"] == "VEN"
    assert event["type"] == "REJECT"


# "It is the Maduro regime which has prevented that."
RELATIVE: list[Row] = [
    ("It", 1, "nsubj", "PRON", "PRP", "it"),
    ("is", 1, "ROOT", "AUX", "VBZ", "be"),
    ("the", 4, "det", "DET", "DT", "the"),
    ("Maduro", 4, "compound", "PROPN", "NNP", "Maduro"),
    ("regime", 1, "attr", "NOUN", "NN", "regime"),
    ("which", 7, "nsubj", "PRON", "WDT", "which"),
    ("has", 7, "aux", "AUX", "VBZ", "have"),
    ("prevented", 4, "relcl", "VERB", "VBN", "prevent"),
    ("that", 7, "dobj", "PRON", "DT", "that"),
    (".", 1, "punct", "PUNCT", ".", "."),
]


def test_events_relative_pronoun_is_the_noun_it_modifies(nlp):
    doc = build(nlp, RELATIVE)
    doc._.newslens_entities = [entity(doc, "E1", [3], "Nicolás Maduro", "PERSON", "VEN")]
    (event,) = run(doc)
    assert event["actor"] == "E1"
    assert event["actor_text"] == "Maduro regime"


# "Venezuela cut ties with the USA in January."
DATED: list[Row] = [
    ("Venezuela", 1, "nsubj", "PROPN", "NNP", "Venezuela"),
    ("cut", 1, "ROOT", "VERB", "VBD", "cut"),
    ("ties", 1, "dobj", "NOUN", "NNS", "tie"),
    ("with", 2, "prep", "ADP", "IN", "with"),
    ("the", 5, "det", "DET", "DT", "the"),
    ("USA", 3, "pobj", "PROPN", "NNP", "USA"),
    ("in", 1, "prep", "ADP", "IN", "in"),
    ("January", 6, "pobj", "PROPN", "NNP", "January"),
    (".", 1, "punct", "PUNCT", ".", "."),
]


def test_events_date_from_attached_expression_else_published(nlp):
    doc = build(nlp, DATED)
    doc._.newslens_entities = [entity(doc, "E1", [0], "Venezuela", "GPE", "VEN"),
                               entity(doc, "E2", [5], "United States", "GPE", "USA")]
    january = doc[7]
    doc._.newslens_timex = [{"text": "January", "start_char": january.idx,
                             "end_char": january.idx + 7, "type": "DATE", "value": "2019-01",
                             "anchor": "2019-03-14"}]
    (event,) = run(doc)
    assert event["type"] == "SANCTION" and event["target_country"] == "USA"
    assert (event["date"], event["date_source"]) == ("2019-01", "January")
    # Without the time expression the publication date is used, and said so.
    assert pick_date(doc[1], [], "2019-03-14") == ("2019-03-14", "published")
    assert pick_date(doc[1], [], None) == (None, None)


def test_events_date_of_an_object_is_not_the_event_date(nlp):
    doc = nlp("Germany condemned the 2014 annexation of Crimea.")
    start = doc.text.index("2014")
    doc._.newslens_timex = [{"text": "2014", "start_char": start, "end_char": start + 4,
                             "type": "DATE", "value": "2014", "anchor": "2019-03-14"}]
    doc._.newslens_anchor = "2019-03-14"
    (event,) = by_trigger(run(doc), "condemned")
    assert (event["date"], event["date_source"]) == ("2019-03-14", "published")


def test_events_without_entities_fall_back_to_country_names(nlp):
    doc = build(nlp, DATED)
    (event,) = run(doc)
    assert event["actor"] is None and event["target"] is None
    assert (event["actor_country"], event["target_country"]) == ("VEN", "USA")
    assert event["date_source"] == "published"


def test_events_every_event_has_trigger_and_sentence_inside_the_text(nlp):
    doc = build(nlp, CONTROL)
    events = run(doc)
    assert events
    for number, event in enumerate(events, start=1):
        assert event["id"] == f"V{number}"
        trig, sent = event["trigger"], event["sentence"]
        assert doc.text[trig["start_char"]:trig["end_char"]] == trig["text"]
        assert sent["start_char"] <= trig["start_char"] < trig["end_char"] <= sent["end_char"]


@pytest.mark.parametrize("text", ["", "   ", "?!", "123 456", "a" * 500,
                                  "Elle a dit que la France soutient le plan."])
def test_events_component_never_raises(nlp, text):
    doc = nlp(text)
    assert isinstance(doc._.newslens_events, list)
    assert isinstance(doc._.newslens_stances, list)


def test_events_unparsed_doc_gives_nothing(nlp):
    doc = nlp.make_doc("The United States recognized Guaido.")
    assert extract_events(doc) == []


def test_events_real_parse_control_and_speech(nlp):
    doc = nlp("Pompeo said on Monday that Iran refused to release the British tanker.")
    events = doc._.newslens_events
    refusal = [e for e in events if e["type"] == "REJECT"]
    assert refusal and refusal[0]["actor_country"] == "IRN"
    assert refusal[0]["speaker"] is not None


@pytest.mark.parametrize("text,expected", [
    ("Iran promised to release the sailors.", "AGREE"),
    ("Iran vowed to attack the base.", "THREATEN"),
    ("Iran promised not to attack the base.", "AGREE"),
])
def test_events_intent_follows_the_clause(nlp, text, expected):
    events = nlp(text)._.newslens_events
    assert events and events[0]["type"] == expected
    assert events[0]["actor_country"] == "IRN"


def test_events_suspended_cooperation_is_no_cooperation(nlp):
    doc = nlp("Japan suspended its economic aid to Serbia.")
    types = {e["type"] for e in doc._.newslens_events}
    assert types == {"SANCTION"}
    (event,) = doc._.newslens_events
    assert event["actor_country"] == "JPN" and event["target_country"] == "SRB"


@pytest.mark.parametrize("word,pos,expected", [
    ("recognized", "VERB", "SUPPORT"), ("sanctions", "NOUN", "SANCTION"),
    ("withdrawal", "NOUN", "RETREAT"), ("blackout", "NOUN", "INCIDENT"),
    ("blamed", "VERB", "ACCUSE"), ("shelled", "VERB", "ASSAULT"),
])
def test_events_lexicon_maps_words_to_plover(nlp, word, pos, expected):
    doc = nlp(f"They {word} it." if pos == "VERB" else f"The {word} began.")
    tok = next(t for t in doc if t.text == word)
    entry = match_trigger(tok, load_lexicon())
    assert entry is not None and entry.type == expected


def test_events_no_event_from_dates(nlp):
    doc = nlp("The talks resumed in March.")
    assert not [e for e in doc._.newslens_events if e["trigger"]["text"] == "March"]


def test_events_releasing_a_document_is_a_statement_not_a_retreat(nlp):
    # A dated act of communication belongs on the timeline (issue 9, class 11).
    doc = nlp("The White House released a transcript of the call.")
    found = [e["type"] for e in doc._.newslens_events if e["trigger"]["text"] == "released"]
    assert found == ["STATEMENT"]


def test_events_lexicon_phrases_need_their_words(nlp):
    doc = nlp("Venezuela cut ties with the USA. Venezuela cut the budget.")
    entries = [match_trigger(t, load_lexicon()) for t in doc if t.text == "cut"]
    assert entries[0] is not None and entries[0].type == "SANCTION"
    assert entries[1] is None


@pytest.mark.parametrize("line", ["recognize\tX\tSUPPORT\t0.3", "recognize\tV\tSUPPORT\t3",
                                  "recognize\tV"])
def test_events_lexicon_rejects_bad_rows(line):
    with pytest.raises(ValueError):
        parse_lexicon([line])


# Hand-written parse rows, one token a row, as for every sentence in this file: data, not logic.
# "Mary Okoth, Kenya's leading activist, condemned the decision."
APPOSITION: list[Row] = [
    ("Mary", 1, "compound", "PROPN", "NNP", "Mary"),
    ("Okoth", 8, "nsubj", "PROPN", "NNP", "Okoth"),
    (",", 1, "punct", "PUNCT", ",", ","),
    ("Kenya", 6, "poss", "PROPN", "NNP", "Kenya"),
    ("'s", 3, "case", "PART", "POS", "'s"),
    ("leading", 6, "amod", "ADJ", "JJ", "leading"),
    ("activist", 1, "appos", "NOUN", "NN", "activist"),
    (",", 1, "punct", "PUNCT", ",", ","),
    ("condemned", 8, "ROOT", "VERB", "VBD", "condemn"),
    ("the", 10, "det", "DET", "DT", "the"),
    ("decision", 8, "dobj", "NOUN", "NN", "decision"),
    (".", 8, "punct", "PUNCT", ".", "."),
]


def test_events_apposition_gives_the_person_a_country(nlp):
    doc = build(nlp, APPOSITION)
    doc._.newslens_entities = [entity(doc, "E1", [0, 1], "Mary Okoth", "PERSON", None),
                               entity(doc, "E2", [3], "Kenya", "GPE", "KEN")]
    (event,) = by_trigger(run(doc), "condemned")
    assert event["actor"] == "E1" and event["actor_country"] == "KEN"


# "Kenyan police arrested 12 demonstrators." / "Kenyan authorities jailed 40 members of
# the sect."
ARREST: list[Row] = [
    ("Kenyan", 1, "amod", "ADJ", "JJ", "kenyan"),
    ("police", 2, "nsubj", "NOUN", "NNS", "police"),
    ("arrested", 2, "ROOT", "VERB", "VBD", "arrest"),
    ("12", 4, "nummod", "NUM", "CD", "12"),
    ("demonstrators", 2, "dobj", "NOUN", "NNS", "demonstrator"),
    (".", 2, "punct", "PUNCT", ".", "."),
]
JAILED: list[Row] = [
    ("Kenyan", 1, "amod", "ADJ", "JJ", "kenyan"),
    ("authorities", 2, "nsubj", "NOUN", "NNS", "authority"),
    ("jailed", 2, "ROOT", "VERB", "VBD", "jail"),
    ("40", 4, "nummod", "NUM", "CD", "40"),
    ("members", 2, "dobj", "NOUN", "NNS", "member"),
    ("of", 4, "prep", "ADP", "IN", "of"),
    ("the", 7, "det", "DET", "DT", "the"),
    ("sect", 5, "pobj", "NOUN", "NN", "sect"),
    (".", 2, "punct", "PUNCT", ".", "."),
]


@pytest.mark.parametrize("rows,trigger,target", [(ARREST, "arrested", "12 demonstrators"),
                                                 (JAILED, "jailed", "40 members")])
def test_events_state_act_on_uncoded_people_is_domestic(nlp, rows, trigger, target):
    from extraction.events.stance import aggregate_stances

    doc = build(nlp, rows)
    doc._.newslens_entities = [entity(doc, "E1", [0], "Kenyan", "NORP", "KEN")]
    events = run(doc)
    (event,) = by_trigger(events, trigger)
    assert event["actor_country"] == "KEN" and event["type"] == "COERCE"
    assert event["target_text"] == target and event["target_country"] == "KEN"
    # A state acting at home holds no stance about itself; force on demonstrators is
    # against its opposition (fourth round), on other people against no one.
    stances = [s for s in aggregate_stances(events, doc._.newslens_entities)
               if s["holder"] == "KEN" and s["target_country"] == "KEN"]
    expected = ["opposition:KEN"] if "demonstrators" in target else []
    assert [s["target_key"] for s in stances] == expected


# "Kibaki extended the curfew in Nairobi."
CURFEW: list[Row] = [
    ("Kibaki", 1, "nsubj", "PROPN", "NNP", "Kibaki"),
    ("extended", 1, "ROOT", "VERB", "VBD", "extend"),
    ("the", 3, "det", "DET", "DT", "the"),
    ("curfew", 1, "dobj", "NOUN", "NN", "curfew"),
    ("in", 3, "prep", "ADP", "IN", "in"),
    ("Nairobi", 4, "pobj", "PROPN", "NNP", "Nairobi"),
    (".", 1, "punct", "PUNCT", ".", "."),
]


def test_events_event_noun_takes_its_place_as_target(nlp):
    doc = build(nlp, CURFEW)
    doc._.newslens_entities = [
        entity(doc, "E1", [0], "Mwai Kibaki", "PERSON", "KEN", "head of state"),
        entity(doc, "E2", [5], "Nairobi", "GPE", "KEN"),
    ]
    (event,) = by_trigger(run(doc), "curfew")
    assert event["actor"] == "E1" and event["type"] == "COERCE"
    assert event["target_text"] == "in Nairobi" and event["target_country"] == "KEN"


# "Unions have organized a general strike."
GENERAL_STRIKE: list[Row] = [
    ("Unions", 2, "nsubj", "NOUN", "NNS", "union"),
    ("have", 2, "aux", "AUX", "VBP", "have"),
    ("organized", 2, "ROOT", "VERB", "VBN", "organize"),
    ("a", 5, "det", "DET", "DT", "a"),
    ("general", 5, "amod", "ADJ", "JJ", "general"),
    ("strike", 2, "dobj", "NOUN", "NN", "strike"),
    (".", 2, "punct", "PUNCT", ".", "."),
]


def test_events_sector_word_as_modifier_is_no_actor(nlp):
    doc = build(nlp, GENERAL_STRIKE)
    # One protest, on the verb that carries it; the bare noun with no one doing it and no
    # date is no second event (rule actorless_undated).
    (event,) = [e for e in run(doc) if e["type"] == "PROTEST"]
    assert event["trigger"]["text"] in ("organized", "strike")
    assert event["actor_text"] != "general" and event["actor_country"] is None


@pytest.mark.parametrize("text,published,name,country", [
    ("Chancellor Helmut Kohl criticized the plan on Monday.", "1990-05-02", "Helmut Kohl",
     "DEU"),
    ("President Mikhail Gorbachev condemned the attack.", "1989-03-01", "Mikhail Gorbachev",
     "RUS"),
])
def test_events_historical_office_holder_gives_the_actor_country(nlp, text, published, name,
                                                                 country):
    from extraction import analyze

    article = analyze(text, published=published, nlp=nlp)
    actors = {e.id: e for e in article.entities}
    assert any(ev.actor_country == country and actors[ev.actor].canonical == name
               for ev in article.events if ev.actor in actors)


def _state_rows(first: list[Row], det: tuple[str, str, str, str, str]) -> list[Row]:
    """``first`` (one sentence), then "<det> government condemned the decision."."""
    n = len(first)
    word, dep, pos, tag, lemma = det
    return [*first,
            (word, n + 1, dep, pos, tag, lemma),
            ("government", n + 2, "nsubj", "NOUN", "NN", "government"),
            ("condemned", n + 2, "ROOT", "VERB", "VBD", "condemn"),
            ("the", n + 4, "det", "DET", "DT", "the"),
            ("decision", n + 2, "dobj", "NOUN", "NN", "decision"),
            (".", n + 2, "punct", "PUNCT", ".", ".")]


ONE_COUNTRY: list[Row] = [("Uganda", 1, "nsubj", "PROPN", "NNP", "Uganda"),
                          ("protested", 1, "ROOT", "VERB", "VBD", "protest"),
                          (".", 1, "punct", "PUNCT", ".", ".")]
TWO_COUNTRIES: list[Row] = [("Kenya", 3, "nsubj", "PROPN", "NNP", "Kenya"),
                            ("and", 0, "cc", "CCONJ", "CC", "and"),
                            ("Uganda", 0, "conj", "PROPN", "NNP", "Uganda"),
                            ("protested", 3, "ROOT", "VERB", "VBD", "protest"),
                            (".", 3, "punct", "PUNCT", ".", ".")]
PERSON_FIRST: list[Row] = [("Museveni", 1, "nsubj", "PROPN", "NNP", "Museveni"),
                           ("spoke", 1, "ROOT", "VERB", "VBD", "speak"),
                           (".", 1, "punct", "PUNCT", ".", ".")]
THE = ("The", "det", "DET", "DT", "the")
ITS = ("Its", "poss", "PRON", "PRP$", "its")
HIS = ("His", "poss", "PRON", "PRP$", "his")


@pytest.mark.parametrize("first,det,expected", [
    (ONE_COUNTRY, THE, "UGA"),
    (ONE_COUNTRY, ITS, "UGA"),
    (PERSON_FIRST, HIS, "UGA"),
    (TWO_COUNTRIES, THE, None),
])
def test_events_state_noun_refers_to_the_single_country_named(nlp, first, det, expected):
    doc = build(nlp, _state_rows(first, det))
    names = {"Uganda": ("GPE", "UGA"), "Kenya": ("GPE", "KEN"),
             "Museveni": ("PERSON", "UGA")}
    doc._.newslens_entities = [entity(doc, f"E{i}", [i], t.text, *names[t.text])
                               for i, t in enumerate(doc) if t.text in names]
    (event,) = by_trigger(run(doc), "condemned")
    assert event["actor_country"] == expected


# "Two British soldiers were killed by a bomb near the Kenyan town."
UNATTRIBUTED: list[Row] = [
    ("Two", 2, "nummod", "NUM", "CD", "two"),
    ("British", 2, "amod", "ADJ", "JJ", "british"),
    ("soldiers", 4, "nsubjpass", "NOUN", "NNS", "soldier"),
    ("were", 4, "auxpass", "AUX", "VBD", "be"),
    ("killed", 4, "ROOT", "VERB", "VBN", "kill"),
    ("by", 4, "agent", "ADP", "IN", "by"),
    ("a", 7, "det", "DET", "DT", "a"),
    ("bomb", 5, "pobj", "NOUN", "NN", "bomb"),
    ("near", 7, "prep", "ADP", "IN", "near"),
    ("the", 11, "det", "DET", "DT", "the"),
    ("Kenyan", 11, "amod", "ADJ", "JJ", "kenyan"),
    ("town", 8, "pobj", "NOUN", "NN", "town"),
    (".", 4, "punct", "PUNCT", ".", "."),
]


def test_events_violence_by_unnamed_authors_is_coded_to_its_place(nlp):
    from extraction.events.stance import aggregate_stances

    doc = build(nlp, UNATTRIBUTED)
    doc._.newslens_entities = [entity(doc, "E1", [1], "British", "NORP", "GBR"),
                               entity(doc, "E2", [10], "Kenyan", "NORP", "KEN")]
    events = run(doc)
    (event,) = by_trigger(events, "killed")
    assert event["type"] == "ASSAULT" and event["actor"] is None
    assert event["actor_country"] == "KEN" and event["actor_text"] == "in Kenya"
    assert event["target_country"] == "GBR"
    # Nobody named did it: no stance of Kenya's comes from it.
    assert not [s for s in aggregate_stances(events, doc._.newslens_entities)
                if s["holder"] == "KEN"]


# Cases as data: one (text, trigger, expected type) row each, the usual parametrised form.
@pytest.mark.parametrize("text,word,expected", [
    ("Farmers blocked the highway for two hours.", "blocked", "PROTEST"),
    ("The army strengthened its forces near the border.", "strengthened", "MOBILIZE"),
    ("The ministry imposed restrictions on imports.", "imposed", "SANCTION"),
    ("The court cancelled restrictions on the language.", "cancelled", "CONCEDE"),
    ("Norway launched a mediation effort.", "effort", "CONSULT"),
    ("The two navies began war games on Monday.", "games", "COOPERATE"),
    ("Egypt ended mediation efforts between the factions.", "ended", "SANCTION"),
    ("Russia closed its borders with Iran.", "closed", "SANCTION"),
    ("The army held the villagers as human shields.", "shields", "COERCE"),
    ("Rebels took ten soldiers hostage.", "took", "ASSAULT"),
    ("The president gave a warm welcome to his guest.", "welcome", "CONSULT"),
])
def test_events_lexicon_phrases_for_blockades_forces_and_restrictions(nlp, text, word,
                                                                        expected):
    doc = nlp(text)
    entry = match_trigger(next(t for t in doc if t.text == word), load_lexicon())
    assert entry is not None and entry.type == expected


# "Iran threatened to end the talks unless Iraq accepts."
CONDITIONAL_THREAT: list[Row] = [
    ("Iran", 1, "nsubj", "PROPN", "NNP", "Iran"),
    ("threatened", 1, "ROOT", "VERB", "VBD", "threaten"),
    ("to", 3, "aux", "PART", "TO", "to"),
    ("end", 1, "xcomp", "VERB", "VB", "end"),
    ("the", 5, "det", "DET", "DT", "the"),
    ("talks", 3, "dobj", "NOUN", "NNS", "talk"),
    ("unless", 8, "mark", "SCONJ", "IN", "unless"),
    ("Iraq", 8, "nsubj", "PROPN", "NNP", "Iraq"),
    ("accepts", 3, "advcl", "VERB", "VBZ", "accept"),
    (".", 1, "punct", "PUNCT", ".", "."),
]
# "Kenya is providing aid to Somalia." with "to" parsed as the dative.
DATIVE_TO: list[Row] = [
    ("Kenya", 2, "nsubj", "PROPN", "NNP", "Kenya"),
    ("is", 2, "aux", "AUX", "VBZ", "be"),
    ("providing", 2, "ROOT", "VERB", "VBG", "provide"),
    ("food", 2, "dobj", "NOUN", "NN", "food"),
    ("to", 2, "dative", "ADP", "IN", "to"),
    ("Somalia", 4, "pobj", "PROPN", "NNP", "Somalia"),
    (".", 2, "punct", "PUNCT", ".", "."),
]


@pytest.mark.parametrize("rows,trigger,names,expected", [
    (CONDITIONAL_THREAT, "threatened", {"Iran": "IRN", "Iraq": "IRQ"}, ("IRN", "IRQ")),
    (DATIVE_TO, "providing", {"Kenya": "KEN", "Somalia": "SOM"}, ("KEN", "SOM")),
])
def test_events_target_from_condition_or_dative(nlp, rows, trigger, names, expected):
    doc = build(nlp, rows)
    doc._.newslens_entities = [entity(doc, f"E{i}", [i], t.text, "GPE", names[t.text])
                               for i, t in enumerate(doc) if t.text in names]
    events = by_trigger(run(doc), trigger)
    assert (events[0]["actor_country"], events[0]["target_country"]) == expected


@pytest.mark.parametrize("text,trigger,target", [
    ("Hundreds of farmers blocked roads in Hong Kong in defiance of Chinese officials.",
     "blocked", "CHN"),
    ("Britain mobilized reservists for a war against Iraq.", "mobilized", "IRQ"),
])
def test_events_target_the_act_is_aimed_at(nlp, text, trigger, target):
    doc = nlp(text)
    events = [e for e in doc._.newslens_events if e["trigger"]["text"] == trigger]
    assert events and events[0]["target_country"] == target


# "Kenya imposed martial law." / "Egyptian police stopped a march that workers staged." /
# "Rebels shelled the capital Kabul."
MARTIAL_LAW: list[Row] = [
    ("Kenya", 1, "nsubj", "PROPN", "NNP", "Kenya"),
    ("imposed", 1, "ROOT", "VERB", "VBD", "impose"),
    ("martial", 3, "amod", "ADJ", "JJ", "martial"),
    ("law", 1, "dobj", "NOUN", "NN", "law"),
    (".", 1, "punct", "PUNCT", ".", "."),
]
STAGED_BY: list[Row] = [
    ("Turkish", 1, "amod", "ADJ", "JJ", "turkish"),
    ("police", 2, "nsubj", "NOUN", "NNS", "police"),
    ("prevented", 2, "ROOT", "VERB", "VBD", "prevent"),
    ("the", 4, "det", "DET", "DT", "the"),
    ("demonstration", 2, "dobj", "NOUN", "NN", "demonstration"),
    ("staged", 4, "acl", "VERB", "VBN", "stage"),
    ("by", 5, "agent", "ADP", "IN", "by"),
    ("students", 6, "pobj", "NOUN", "NNS", "student"),
    (".", 2, "punct", "PUNCT", ".", "."),
]
CAPITAL_APPOS: list[Row] = [
    ("Rebels", 1, "nsubj", "NOUN", "NNS", "rebel"),
    ("shelled", 1, "ROOT", "VERB", "VBD", "shell"),
    ("the", 3, "det", "DET", "DT", "the"),
    ("capital", 1, "dobj", "NOUN", "NN", "capital"),
    ("Kabul", 3, "appos", "PROPN", "NNP", "Kabul"),
    (".", 1, "punct", "PUNCT", ".", "."),
]


@pytest.mark.parametrize("rows,trigger,ents,target_text,target_country", [
    (MARTIAL_LAW, "imposed", [(0, "Kenya", "GPE", "KEN")], "in Kenya", "KEN"),
    (STAGED_BY, "prevented", [(0, "Turkish", "NORP", "TUR")], "students", "TUR"),
    (CAPITAL_APPOS, "shelled", [(4, "Kabul", "GPE", "AFG")], "capital", "AFG"),
])
def test_events_domestic_measures_staged_acts_and_named_places(nlp, rows, trigger, ents,
                                                               target_text, target_country):
    doc = build(nlp, rows)
    doc._.newslens_entities = [entity(doc, f"E{i}", [i], name, label, country)
                               for i, name, label, country in ents]
    (event,) = by_trigger(run(doc), trigger)
    assert event["target_text"] == target_text
    assert event["target_country"] == target_country


# "Ethnic Albanians in Serbia demanded autonomy." / "Leaders of the coalition agreed to
# postpone the rally in Baku."
ETHNIC: list[Row] = [
    ("Ethnic", 1, "amod", "ADJ", "JJ", "ethnic"),
    ("Albanians", 4, "nsubj", "PROPN", "NNPS", "Albanians"),
    ("in", 1, "prep", "ADP", "IN", "in"),
    ("Serbia", 2, "pobj", "PROPN", "NNP", "Serbia"),
    ("demanded", 4, "ROOT", "VERB", "VBD", "demand"),
    ("autonomy", 4, "dobj", "NOUN", "NN", "autonomy"),
    (".", 4, "punct", "PUNCT", ".", "."),
]
RALLY_IN: list[Row] = [
    ("Leaders", 4, "nsubj", "NOUN", "NNS", "leader"),
    ("of", 0, "prep", "ADP", "IN", "of"),
    ("the", 3, "det", "DET", "DT", "the"),
    ("coalition", 1, "pobj", "NOUN", "NN", "coalition"),
    ("agreed", 4, "ROOT", "VERB", "VBD", "agree"),
    ("to", 6, "aux", "PART", "TO", "to"),
    ("postpone", 4, "xcomp", "VERB", "VB", "postpone"),
    ("the", 8, "det", "DET", "DT", "the"),
    ("rally", 6, "dobj", "NOUN", "NN", "rally"),
    ("in", 8, "prep", "ADP", "IN", "in"),
    ("Baku", 9, "pobj", "PROPN", "NNP", "Baku"),
    (".", 4, "punct", "PUNCT", ".", "."),
]


@pytest.mark.parametrize("rows,trigger,ents,actor_country", [
    (ETHNIC, "demanded", [(1, "Albanian", "NORP", "ALB"), (3, "Serbia", "GPE", "SRB")],
     "SRB"),
    (RALLY_IN, "agreed", [(10, "Baku", "GPE", "AZE")], "AZE"),
])
def test_events_ethnic_groups_and_crowds_take_the_country_they_are_in(
        nlp, rows, trigger, ents, actor_country):
    doc = build(nlp, rows)
    doc._.newslens_entities = [entity(doc, f"E{i}", [i], name, label, country)
                               for i, name, label, country in ents]
    (event,) = by_trigger(run(doc), trigger)
    assert event["actor_country"] == actor_country


# Parse rows and their test, in the same form as every sentence of this file: data, not logic.
# "Activists from the Liberty Party staged rallies in Kampala."
ACTIVISTS_FROM: list[Row] = [
    ("Activists", 5, "nsubj", "NOUN", "NNS", "activist"),
    ("from", 0, "prep", "ADP", "IN", "from"),
    ("the", 4, "det", "DET", "DT", "the"),
    ("Liberty", 4, "compound", "PROPN", "NNP", "Liberty"),
    ("Party", 1, "pobj", "PROPN", "NNP", "Party"),
    ("staged", 5, "ROOT", "VERB", "VBD", "stage"),
    ("rallies", 5, "dobj", "NOUN", "NNS", "rally"),
    ("in", 5, "prep", "ADP", "IN", "in"),
    ("Kampala", 7, "pobj", "PROPN", "NNP", "Kampala"),
    (".", 5, "punct", "PUNCT", ".", "."),
]


def test_events_people_from_an_unknown_party_act_where_the_text_places_them(nlp):
    doc = build(nlp, ACTIVISTS_FROM)
    doc._.newslens_entities = [entity(doc, "E1", [3, 4], "Liberty Party", "ORG", None),
                               entity(doc, "E2", [8], "Kampala", "GPE", "UGA")]
    (event,) = by_trigger(run(doc), "rallies")
    assert event["actor"] == "E1" and event["actor_country"] == "UGA"


# "Kenya condemned the attack."
CONDEMNED_ATTACK: list[Row] = [
    ("Kenya", 1, "nsubj", "PROPN", "NNP", "Kenya"),
    ("condemned", 1, "ROOT", "VERB", "VBD", "condemn"),
    ("the", 3, "det", "DET", "DT", "the"),
    ("attack", 1, "dobj", "NOUN", "NN", "attack"),
    (".", 1, "punct", "PUNCT", ".", "."),
]


def test_events_who_condemns_an_act_did_not_commit_it(nlp):
    doc = build(nlp, CONDEMNED_ATTACK)
    doc._.newslens_entities = [entity(doc, "E1", [0], "Kenya", "GPE", "KEN")]
    events = run(doc)
    (condemned,) = by_trigger(events, "condemned")
    assert condemned["actor_country"] == "KEN" and condemned["type"] == "ACCUSE"
    assert all(e["actor_country"] is None for e in by_trigger(events, "attack"))


def test_events_a_date_is_no_preposition_of_a_phrase_trigger(nlp):
    doc = nlp("The president has called a meeting of all parties for Friday.")
    assert not [e for e in doc._.newslens_events if e["type"] == "REQUEST"]


def test_events_a_day_of_a_visit_is_no_party(nlp):
    doc = nlp("Abiy Ahmed and Isaias Afwerki signed the declaration on the second day of "
              "Abiy's visit.")
    assert all(e["target_text"] != "second day" for e in doc._.newslens_events)


TROOPS_CROSSED: list[Row] = [
    ("Kenyan", 1, "amod", "ADJ", "JJ", "kenyan"),
    ("troops", 2, "nsubj", "NOUN", "NNS", "troop"),
    ("crossed", 2, "ROOT", "VERB", "VBD", "cross"),
    ("the", 4, "det", "DET", "DT", "the"),
    ("border", 2, "dobj", "NOUN", "NN", "border"),
    (".", 2, "punct", "PUNCT", ".", "."),
]


def _they_attacked(start: int) -> list[Row]:
    return [("They", start + 1, "nsubj", "PRON", "PRP", "they"),
            ("attacked", start + 1, "ROOT", "VERB", "VBD", "attack"),
            ("the", start + 3, "det", "DET", "DT", "the"),
            ("village", start + 1, "dobj", "NOUN", "NN", "village"),
            (".", start + 1, "punct", "PUNCT", ".", ".")]


@pytest.mark.parametrize("between,expected", [
    ([], "KEN"),
    # Two sentences back is too far to guess.
    ([("Rain", 7, "nsubj", "NOUN", "NN", "rain"), ("fell", 7, "ROOT", "VERB", "VBD", "fall"),
      (".", 7, "punct", "PUNCT", ".", ".")], None),
])
def test_events_they_is_the_plural_subject_of_this_or_the_last_sentence(nlp, between,
                                                                         expected):
    rows = [*TROOPS_CROSSED, *between, *_they_attacked(len(TROOPS_CROSSED) + len(between))]
    doc = build(nlp, rows)
    doc._.newslens_entities = [entity(doc, "E1", [0], "Kenyan", "NORP", "KEN")]
    (event,) = by_trigger(run(doc), "attacked")
    assert event["actor_country"] == expected


@pytest.mark.parametrize("name,expected", [("Bush", "USA"), ("Papandreou", "GRC"),
                                           ("Zia", None), ("Nobody Known", None)])
def test_events_name_shared_by_office_holders_of_one_country_gives_it(name, expected):
    from extraction.events.arguments import shared_name_country

    # Two Bushes were US presidents; "Zia" names leaders of Pakistan and Bangladesh.
    assert shared_name_country(name) == expected


# "The virus killed 500 people in Wuhan."
VIRUS_KILLED: list[Row] = [
    ("The", 1, "det", "DET", "DT", "the"),
    ("virus", 2, "nsubj", "NOUN", "NN", "virus"),
    ("killed", 2, "ROOT", "VERB", "VBD", "kill"),
    ("500", 4, "nummod", "NUM", "CD", "500"),
    ("people", 2, "dobj", "NOUN", "NNS", "people"),
    ("in", 2, "prep", "ADP", "IN", "in"),
    ("Wuhan", 5, "pobj", "PROPN", "NNP", "Wuhan"),
    (".", 2, "punct", "PUNCT", ".", "."),
]


def test_events_a_cause_that_is_no_attacker_gets_no_country(nlp):
    doc = build(nlp, VIRUS_KILLED)
    doc._.newslens_entities = [entity(doc, "E1", [6], "Wuhan", "GPE", "CHN")]
    (event,) = by_trigger(run(doc), "killed")
    assert event["actor_country"] is None


# "A journalist was arrested in Lebanon."
ARRESTED_IN: list[Row] = [
    ("A", 1, "det", "DET", "DT", "a"),
    ("journalist", 3, "nsubjpass", "NOUN", "NN", "journalist"),
    ("was", 3, "auxpass", "AUX", "VBD", "be"),
    ("arrested", 3, "ROOT", "VERB", "VBN", "arrest"),
    ("in", 3, "prep", "ADP", "IN", "in"),
    ("Lebanon", 4, "pobj", "PROPN", "NNP", "Lebanon"),
    (".", 3, "punct", "PUNCT", ".", "."),
]


def test_events_arrest_without_agent_is_by_the_state_where_it_happened(nlp):
    from extraction.events.stance import aggregate_stances

    doc = build(nlp, ARRESTED_IN)
    doc._.newslens_entities = [entity(doc, "E1", [5], "Lebanon", "GPE", "LBN")]
    events = run(doc)
    (event,) = by_trigger(events, "arrested")
    assert event["type"] == "COERCE" and event["actor"] is None
    assert event["actor_country"] == "LBN" and event["actor_text"] == "in Lebanon"
    assert not aggregate_stances(events, doc._.newslens_entities)


# "The prisoner died of torture in Kenyan custody."
CUSTODY: list[Row] = [
    ("The", 1, "det", "DET", "DT", "the"),
    ("prisoner", 2, "nsubj", "NOUN", "NN", "prisoner"),
    ("died", 2, "ROOT", "VERB", "VBD", "die"),
    ("of", 2, "prep", "ADP", "IN", "of"),
    ("torture", 3, "pobj", "NOUN", "NN", "torture"),
    ("in", 2, "prep", "ADP", "IN", "in"),
    ("Kenyan", 7, "amod", "ADJ", "JJ", "kenyan"),
    ("custody", 5, "pobj", "NOUN", "NN", "custody"),
    (".", 2, "punct", "PUNCT", ".", "."),
]


def test_events_abuse_in_custody_is_by_the_custodian(nlp):
    doc = build(nlp, CUSTODY)
    doc._.newslens_entities = [entity(doc, "E1", [6], "Kenyan", "NORP", "KEN")]
    (event,) = by_trigger(run(doc), "torture")
    assert event["type"] == "ASSAULT" and event["actor_country"] == "KEN"


def test_events_a_noun_after_as_belongs_to_the_verb_of_its_object(nlp):
    doc = nlp("The Kenyan army held the villagers as human shields.")
    (event,) = [e for e in doc._.newslens_events if e["trigger"]["text"] == "shields"]
    assert event["type"] == "COERCE" and event["actor_country"] == "KEN"


# "The Liberty Party will boycott Kenya's elections." / "Students demanded the release of
# the American journalist."
BOYCOTT: list[Row] = [
    ("The", 2, "det", "DET", "DT", "the"),
    ("Liberty", 2, "compound", "PROPN", "NNP", "Liberty"),
    ("Party", 4, "nsubj", "PROPN", "NNP", "Party"),
    ("will", 4, "aux", "AUX", "MD", "will"),
    ("boycott", 4, "ROOT", "VERB", "VB", "boycott"),
    ("Kenya", 7, "poss", "PROPN", "NNP", "Kenya"),
    ("'s", 5, "case", "PART", "POS", "'s"),
    ("elections", 4, "dobj", "NOUN", "NNS", "election"),
    (".", 4, "punct", "PUNCT", ".", "."),
]
RELEASE_DEMAND: list[Row] = [
    ("Students", 1, "nsubj", "NOUN", "NNS", "student"),
    ("demanded", 1, "ROOT", "VERB", "VBD", "demand"),
    ("the", 3, "det", "DET", "DT", "the"),
    ("release", 1, "dobj", "NOUN", "NN", "release"),
    ("of", 3, "prep", "ADP", "IN", "of"),
    ("the", 7, "det", "DET", "DT", "the"),
    ("American", 7, "amod", "ADJ", "JJ", "american"),
    ("journalist", 4, "pobj", "NOUN", "NN", "journalist"),
    (".", 1, "punct", "PUNCT", ".", "."),
]


@pytest.mark.parametrize("rows,trigger,ents,expected", [
    (BOYCOTT, "boycott", [([1, 2], "Liberty Party", "ORG", None), ([5], "Kenya", "GPE", "KEN")],
     "KEN"),
    # A foreign journalist is no organ of the United States: the students stay uncoded.
    (RELEASE_DEMAND, "demanded", [([6], "American", "NORP", "USA")], None),
])
def test_events_uncoded_dissent_against_a_state_is_domestic(nlp, rows, trigger, ents,
                                                             expected):
    doc = build(nlp, rows)
    doc._.newslens_entities = [entity(doc, f"E{n}", toks, name, label, country)
                               for n, (toks, name, label, country) in enumerate(ents)]
    (event,) = by_trigger(run(doc), trigger)
    assert event["actor_country"] == expected
