"""The entities component on hand-built Docs: the model's labels are set by hand, so the
statistical model's mood cannot break these tests."""

from __future__ import annotations

import pytest
from spacy.tokens import Doc, Span


@pytest.fixture(scope="module")
def component(nlp):
    return nlp.get_pipe("newslens_entities")


def make_doc(nlp, text: str, ents: list[tuple[str, str]], published: str | None = None,
             occurrence: dict[str, int] | None = None) -> Doc:
    """Build a Doc from space-separated ``text`` and label the given phrases.

    ``ents`` lists (phrase, label) in text order; each phrase is found after the previous
    one, so the same phrase can be labelled twice.
    """
    words = text.split(" ")
    doc = Doc(nlp.vocab, words=words)
    spans = []
    cursor = 0
    for phrase, label in ents:
        target = phrase.split(" ")
        for i in range(cursor, len(words) - len(target) + 1):
            if words[i:i + len(target)] == target:
                spans.append(Span(doc, i, i + len(target), label=label))
                cursor = i + len(target)
                break
        else:
            raise AssertionError(f"{phrase!r} not found after token {cursor}")
    doc.ents = spans
    doc._.newslens_published = published
    return doc


def entity_of(doc: Doc, text: str) -> dict:
    """The entity that has a mention with exactly this text."""
    for ent in doc._.newslens_entities:
        if any(m["text"] == text for m in ent["mentions"]):
            return ent
    raise AssertionError(f"no entity mentions {text!r}: {doc._.newslens_entities}")


def test_entities_label_repair_one_label_per_referent(nlp, component):
    doc = make_doc(
        nlp,
        "Maduro blamed Guaido . Nicolás Maduro said Guaido lied . Juan Guaido met Maduro .",
        [("Maduro", "ORG"), ("Guaido", "GPE"), ("Nicolás Maduro", "PERSON"),
         ("Guaido", "PERSON"), ("Juan Guaido", "PERSON"), ("Maduro", "ORG")],
        published="2019-03-14",
    )
    component(doc)
    maduro = entity_of(doc, "Nicolás Maduro")
    guaido = entity_of(doc, "Juan Guaido")
    assert maduro["label"] == guaido["label"] == "PERSON"
    assert [m["text"] for m in maduro["mentions"]] == ["Maduro", "Nicolás Maduro", "Maduro"]
    assert len(guaido["mentions"]) == 3
    assert maduro["canonical"] == "Nicolás Maduro"
    assert guaido["canonical"] == "Juan Guaido"
    assert {e.label_ for e in doc.ents if e.text in ("Maduro", "Guaido")} == {"PERSON"}


def test_entities_unknown_name_repaired_from_full_name(nlp, component):
    doc = make_doc(nlp, "Anna Kowalczyk arrived . Later Kowalczyk spoke .",
                   [("Anna Kowalczyk", "PERSON"), ("Kowalczyk", "GPE")])
    component(doc)
    ent = entity_of(doc, "Kowalczyk")
    assert ent["label"] == "PERSON"
    assert ent["canonical"] == "Anna Kowalczyk"
    assert len(ent["mentions"]) == 2


def test_entities_person_span_that_swallowed_a_country_is_split(nlp, component):
    doc = make_doc(nlp, "They recognized Guaido Venezuela 's interim president .",
                   [("Guaido Venezuela 's", "PERSON")], published="2019-03-14")
    component(doc)
    labels = [(e.text, e.label_) for e in doc.ents]
    assert labels == [("Guaido", "PERSON"), ("Venezuela", "GPE")]
    assert entity_of(doc, "Venezuela")["country"] == "VEN"


@pytest.mark.parametrize(
    ("sentence", "mention"),
    [
        ("The US blamed Venezuela .", "US"),
        ("The U.S. blamed Venezuela .", "U.S."),
        ("The USA blamed Venezuela .", "USA"),
        ("The United States blamed Venezuela .", "United States"),
        ("Yesterday Washington blamed Venezuela .", "Washington"),
        ("He blamed Washington for it .", "Washington"),
        ("America blamed Venezuela .", "America"),
    ],
)
def test_entities_usa_forms_resolve_to_usa(nlp, component, sentence, mention):
    doc = make_doc(nlp, sentence, [])
    component(doc)
    ent = entity_of(doc, mention)
    assert (ent["label"], ent["country"], ent["canonical"]) == ("GPE", "USA", "United States")


def test_entities_usa_forms_are_one_entity(nlp, component):
    doc = make_doc(
        nlp,
        "The US , the U.S. and the USA : the United States blamed Washington . Caracas agreed .",
        [("US", "GPE"), ("U.S.", "GPE"), ("the United States", "GPE")],
    )
    component(doc)
    usa = [e for e in doc._.newslens_entities if e["country"] == "USA"]
    assert len(usa) == 1
    assert [m["text"] for m in usa[0]["mentions"]] == [
        "US", "U.S.", "USA", "United States", "Washington"]
    assert entity_of(doc, "Caracas")["canonical"] == "Venezuela"


@pytest.mark.parametrize(
    ("sentence", "capital", "as_government"),
    [
        ("A convoy left the embassy in Caracas on Thursday .", "Caracas", False),
        ("Caracas accused the opposition .", "Caracas", True),
        ("He blamed Moscow for the attack .", "Moscow", True),
        ("Talks were held in Moscow .", "Moscow", False),
    ],
)
def test_entities_capital_as_place_or_government(nlp, component, sentence, capital,
                                                 as_government):
    doc = make_doc(nlp, sentence, [(capital, "GPE")])
    component(doc)
    ent = entity_of(doc, capital)
    assert ent["country"] in ("VEN", "RUS")
    assert (ent["canonical"] != capital) is as_government


@pytest.mark.parametrize(
    ("text", "ents", "name", "country", "role"),
    [
        ("U.S. Secretary of State Mike Pompeo spoke .",
         [("U.S.", "GPE"), ("State", "ORG"), ("Mike Pompeo", "PERSON")],
         "Mike Pompeo", "USA", "foreign minister"),
        ("Venezuela 's Maduro spoke .", [("Venezuela", "GPE"), ("Maduro", "PERSON")],
         "Maduro", "VEN", "head of state"),
        ("Iranian President Hassan Rouhani spoke .",
         [("Iranian", "NORP"), ("Hassan Rouhani", "PERSON")],
         "Hassan Rouhani", "IRN", "head of state"),
        ("Sergei Lavrov , Russia 's foreign minister , spoke .",
         [("Sergei Lavrov", "PERSON"), ("Russia", "GPE")],
         "Sergei Lavrov", "RUS", "foreign minister"),
        ("Britain 's Prime Minister Ann Wexley spoke .",
         [("Britain", "GPE"), ("Ann Wexley", "PERSON")], "Ann Wexley", "GBR",
         "head of government"),
        ("the Turkish Foreign Ministry said .", [("the Turkish Foreign Ministry", "ORG")],
         "the Turkish Foreign Ministry", "TUR", "foreign ministry"),
        ("the U.S. Embassy closed .", [("U.S. Embassy", "ORG")], "U.S. Embassy", "USA",
         "embassy"),
        ("NATO Secretary General Jan Doe spoke .", [("NATO", "ORG"), ("Jan Doe", "PERSON")],
         "Jan Doe", None, "nato:secretary-general"),
        ("Chinese foreign ministry spokesman Lu Wen said .",
         [("Chinese", "NORP"), ("Lu Wen", "PERSON")], "Lu Wen", "CHN", "spokesperson"),
        ("Ivan Petrov , a former Russian intelligence officer , fled .",
         [("Ivan Petrov", "PERSON"), ("Russian", "NORP")], "Ivan Petrov", "RUS", None),
        ("US Ambassador to Germany Ann Wexley spoke .",
         [("US", "GPE"), ("Germany", "GPE"), ("Ann Wexley", "PERSON")], "Ann Wexley", "USA",
         "diplomat"),
        ("Chancellor Angela Merkel 's spokesperson , Hans Ober , said .",
         [("Angela Merkel", "PERSON"), ("Hans Ober", "PERSON")], "Hans Ober", "DEU",
         "spokesperson"),
        ("Trade Bank president Ola Ade said .", [("Trade Bank", "ORG"), ("Ola Ade", "PERSON")],
         "Ola Ade", None, "president"),
        ("AU chairperson President Ali Sami of Egypt said .",
         [("AU", "ORG"), ("Ali Sami", "PERSON"), ("Egypt", "GPE")], "Ali Sami", "EGY",
         "head of state"),
        ("They met Ali Sami of Benin .", [("Ali Sami of", "ORG"), ("Benin", "GPE")], "Ali Sami",
         "BEN", None),
        ("Ola Ade , the Director General of the WHO , said .",
         [("Ola Ade", "PERSON"), ("WHO", "ORG")], "Ola Ade", None, "who:director-general"),
        ("Ivan Petrov , Russia and Spain agreed .",
         [("Ivan Petrov", "PERSON"), ("Russia", "GPE"), ("Spain", "GPE")], "Ivan Petrov", None,
         None),
    ],
)
def test_entities_country_and_role_from_text(nlp, component, text, ents, name, country, role):
    doc = make_doc(nlp, text, ents, published="2019-03-14")
    component(doc)
    ent = entity_of(doc, name)
    assert (ent["country"], ent["role"]) == (country, role)


def test_entities_text_beats_knowledge_base(nlp, component):
    # The text says Colombian; the knowledge base has no such person, and for a known one
    # the text still wins.
    doc = make_doc(nlp, "Colombian President Maduro spoke .",
                   [("Colombian", "NORP"), ("Maduro", "PERSON")], published="2019-03-14")
    component(doc)
    assert entity_of(doc, "Maduro")["country"] == "COL"


@pytest.mark.parametrize(
    ("published", "country", "role"),
    [("2019-03-14", "BOL", "head of state"), ("2024-05-01", "BOL", None),
     (None, "BOL", "head of state")],
)
def test_entities_country_from_dated_knowledge_base(nlp, component, published, country, role):
    doc = make_doc(nlp, "Morales backed him .", [("Morales", "PERSON")], published=published)
    component(doc)
    ent = entity_of(doc, "Morales")
    assert (ent["canonical"], ent["country"], ent["role"]) == ("Evo Morales", country, role)


@pytest.mark.parametrize(
    ("published", "role"),
    [("2017-05-01", "foreign minister"), ("2020-05-01", "head of government")],
)
def test_entities_knowledge_base_role_depends_on_date(nlp, component, published, role):
    doc = make_doc(nlp, "Johnson spoke .", [("Johnson", "PERSON")], published=published)
    component(doc)
    assert entity_of(doc, "Johnson")["role"] == role


def test_entities_ambiguous_name_without_date_gets_no_country(nlp, component):
    doc = make_doc(nlp, "Li spoke .", [("Li", "PERSON")])
    component(doc)
    assert entity_of(doc, "Li")["country"] is None


@pytest.mark.parametrize(
    ("text", "ents", "mention", "label", "country"),
    [
        ("the American flag flew .", [("American", "NORP")], "American", "NORP", "USA"),
        ("Venezuelans marched .", [], "Venezuelans", "NORP", "VEN"),
        ("Latin American leaders met .", [("Latin American", "NORP")], "Latin American",
         "NORP", None),
        ("They met in South America .", [("South America", "LOC")], "South America", "LOC",
         None),
        ("The UN Security Council met .", [("The UN Security Council", "ORG")],
         "UN Security Council", "ORG", None),
        ("NATO met .", [("NATO", "ORG")], "NATO", "ORG", None),
        ("The Kremlin said no .", [("Kremlin", "FAC")], "Kremlin", "ORG", "RUS"),
    ],
)
def test_entities_gazetteer_kinds(nlp, component, text, ents, mention, label, country):
    doc = make_doc(nlp, text, ents)
    component(doc)
    ent = entity_of(doc, mention)
    assert (ent["label"], ent["country"]) == (label, country)


def test_entities_latin_american_is_not_usa(nlp, component):
    doc = make_doc(nlp, "Latin American and South American leaders met .", [])
    component(doc)
    assert all(e["country"] != "USA" for e in doc._.newslens_entities)


def test_entities_title_word_is_not_an_organisation(nlp, component):
    doc = make_doc(nlp, "Secretary of State Mike Pompeo spoke .",
                   [("State", "ORG"), ("Mike Pompeo", "PERSON")])
    component(doc)
    assert [(e.text, e.label_) for e in doc.ents] == [("Mike Pompeo", "PERSON")]


def test_entities_dates_and_numbers_are_kept(nlp, component):
    doc = make_doc(nlp, "On Thursday 54 countries backed Guaido .",
                   [("Thursday", "DATE"), ("54", "CARDINAL"), ("Guaido", "GPE")],
                   published="2019-03-14")
    component(doc)
    assert [(e.text, e.label_) for e in doc.ents] == [
        ("Thursday", "DATE"), ("54", "CARDINAL"), ("Guaido", "PERSON")]
    assert [e["label"] for e in doc._.newslens_entities] == ["PERSON"]


def test_entities_acronym_is_not_a_person(nlp, component):
    doc = make_doc(nlp, "The DAB won . DAB leaders cheered .", [("DAB", "PERSON"),
                                                                 ("DAB", "ORG")])
    component(doc)
    assert entity_of(doc, "DAB")["label"] == "ORG"


def test_entities_missed_surname_is_added(nlp, component):
    doc = make_doc(nlp, "Mike Pompeo spoke . Later Pompeo left .", [("Mike Pompeo", "PERSON")])
    component(doc)
    ent = entity_of(doc, "Mike Pompeo")
    assert [m["text"] for m in ent["mentions"]] == ["Mike Pompeo", "Pompeo"]


def test_entities_country_name_that_is_a_persons_name(nlp, component):
    doc = make_doc(nlp, "Michael Jordan scored . Jordan smiled .",
                   [("Michael Jordan", "PERSON"), ("Jordan", "GPE")])
    component(doc)
    ent = entity_of(doc, "Jordan")
    assert ent["label"] == "PERSON" and ent["canonical"] == "Michael Jordan"


def test_entities_country_that_is_a_given_name_stays_the_country(nlp, component):
    # People are called by their surname; a given name alone is not how news names them.
    doc = make_doc(nlp, "Minister Jordan Ferris spoke . Jordan closed its border .",
                   [("Jordan Ferris", "PERSON"), ("Jordan", "GPE")])
    component(doc)
    ent = entity_of(doc, "Jordan")
    assert ent["label"] == "GPE" and ent["country"] == "JOR"
    assert [m["text"] for m in entity_of(doc, "Jordan Ferris")["mentions"]] == ["Jordan Ferris"]


def test_entities_ids_offsets_and_order(nlp, component):
    doc = make_doc(nlp, "Guaido met Pompeo in Caracas . Pompeo left .",
                   [("Guaido", "PERSON"), ("Pompeo", "PERSON"), ("Caracas", "GPE"),
                    ("Pompeo", "PERSON")], published="2019-03-14")
    component(doc)
    entities = doc._.newslens_entities
    assert [e["id"] for e in entities] == [f"E{i}" for i in range(1, len(entities) + 1)]
    firsts = [e["mentions"][0]["start_char"] for e in entities]
    assert firsts == sorted(firsts)
    for ent in entities:
        for m in ent["mentions"]:
            assert doc.text[m["start_char"]:m["end_char"]] == m["text"]


def test_entities_dicts_round_trip_through_the_model(nlp, component):
    from extraction.model import Entity

    doc = make_doc(nlp, "Maduro blamed the U.S. .", [("Maduro", "ORG"), ("U.S.", "GPE")],
                   published="2019-03-14")
    component(doc)
    for data in doc._.newslens_entities:
        assert Entity.from_dict(data).to_dict() == data


@pytest.mark.parametrize(
    "text",
    ["", " ", "\n\n", "the the the", "'s 's", "- - -", "UN", "U.S.", "Washington",
     "\u202e\u0000 \ud7ff emoji \U0001f600", "VENEZUELA - CARACAS - the US ' s"],
)
def test_entities_never_raises(nlp, component, text):
    doc = nlp.make_doc(text)
    doc._.newslens_published = None
    component(doc)
    assert isinstance(doc._.newslens_entities, list)


def test_entities_through_the_pipeline_keeps_model_dates(nlp):
    doc = nlp("Venezuela's Maduro spoke on Thursday, January 10, 2019.")
    labels = {e.label_ for e in doc.ents}
    assert "DATE" in labels
    assert entity_of(doc, "Maduro")["label"] == "PERSON"


def test_entities_known_organisation_gets_country_and_role(nlp, component):
    doc = make_doc(nlp, "Hamas fired rockets and the Taliban said no .",
                   [("Hamas", "PERSON"), ("Taliban", "NORP")])
    component(doc)
    hamas = entity_of(doc, "Hamas")
    taliban = entity_of(doc, "Taliban")
    assert (hamas["label"], hamas["country"], hamas["role"]) == ("ORG", "PSE", "armed group")
    assert (taliban["label"], taliban["country"]) == ("ORG", "AFG")


@pytest.mark.parametrize(
    ("text", "full", "short", "country"),
    [("Moon Jae-in met Kim. Later Moon smiled.", "Moon Jae-in", "Moon", "KOR"),
     ("Bashar al-Assad spoke. Assad left.", "Bashar al-Assad", "Assad", "SYR")],
)
def test_entities_hyphenated_names_merge(nlp, component, text, full, short, country):
    doc = nlp.make_doc(text)
    start = text.index(full)
    later = text.index(short, start + len(full))
    doc.ents = [doc.char_span(start, start + len(full), label="PERSON"),
                doc.char_span(later, later + len(short), label="ORG")]
    doc._.newslens_published = "2018-06-12"
    component(doc)
    ent = entity_of(doc, full)
    assert [m["text"] for m in ent["mentions"]] == [full, short]
    assert (ent["label"], ent["country"]) == ("PERSON", country)


def test_entities_prefixed_capital_is_the_capital(nlp, component):
    doc = nlp.make_doc("The pro-Beijing camp won.")
    start = doc.text.index("pro-Beijing")
    doc.ents = [doc.char_span(start, start + len("pro-Beijing"), label="PERSON")]
    doc._.newslens_published = None
    component(doc)
    assert [(e.text, e.label_) for e in doc.ents] == [("Beijing", "GPE")]
    assert entity_of(doc, "Beijing")["country"] == "CHN"


@pytest.mark.parametrize(
    ("text", "ents", "mention", "label"),
    [("President Ali Sami spoke .", [("Ali Sami", "ORG")], "Ali Sami", "PERSON"),
     ("Foreign Minister Ali Sami spoke .", [("Ali Sami", "GPE")], "Ali Sami", "PERSON"),
     ("General Motors said .", [("General Motors", "ORG")], "General Motors", "ORG")],
)
def test_entities_title_makes_a_person(nlp, component, text, ents, mention, label):
    doc = make_doc(nlp, text, ents)
    component(doc)
    assert entity_of(doc, mention)["label"] == label


def test_entities_missed_organisation_repeat_is_added(nlp, component):
    doc = make_doc(nlp, "Civic Passion won . Later Civic Passion lost .",
                   [("Civic Passion", "ORG")])
    component(doc)
    ent = entity_of(doc, "Civic Passion")
    assert [m["start_char"] for m in ent["mentions"]] == [0, 26]


@pytest.mark.parametrize(
    ("text", "ents", "joined"),
    [("Kurt Volker resigned . Volker left . Then Volker spoke .",
      [("Kurt Volker", "PERSON"), ("Volker", "ORG"), ("Volker", "ORG")], True),
     ("Anna Polaroid smiled . The Polaroid camera and the Polaroid photograph .",
      [("Anna Polaroid", "PERSON"), ("Polaroid", "ORG"), ("Polaroid", "ORG")], False)],
)
def test_entities_surname_joins_unless_used_as_a_thing(nlp, component, text, ents, joined):
    doc = make_doc(nlp, text, ents)
    component(doc)
    full = entity_of(doc, ents[0][0])
    assert (len(full["mentions"]) == 3) is joined


def test_entities_known_full_name_cuts_through_a_model_span(nlp, component):
    doc = make_doc(nlp, "the President of Ukraine Volodymyr Zelenskyy said .",
                   [("Ukraine Volodymyr Zelenskyy", "ORG")], published="2020-01-13")
    component(doc)
    assert [(e.text, e.label_) for e in doc.ents] == [("Ukraine", "GPE"),
                                                       ("Volodymyr Zelenskyy", "PERSON")]
    ent = entity_of(doc, "Volodymyr Zelenskyy")
    assert (ent["country"], ent["role"]) == ("UKR", "head of state")


def test_entities_shared_surname_goes_to_the_nearest_person(nlp, component):
    doc = make_doc(
        nlp,
        "Ann Carter arrived . Carter spoke . Bob Carter left . Carter waved .",
        [("Ann Carter", "PERSON"), ("Carter", "ORG"), ("Bob Carter", "PERSON"),
         ("Carter", "PERSON")],
    )
    component(doc)
    assert [m["text"] for m in entity_of(doc, "Ann Carter")["mentions"]] == [
        "Ann Carter", "Carter"]
    bob = entity_of(doc, "Bob Carter")
    assert [m["start_char"] for m in bob["mentions"]] == [36, 54]


def test_entities_country_and_institution_make_one_organisation(nlp, component):
    doc = make_doc(nlp, "the Turkish foreign ministry said the U.S. embassy and the U.S. Embassy "
                   "closed .", [("Turkish", "NORP"), ("U.S.", "GPE"), ("U.S. Embassy", "ORG")])
    component(doc)
    ministry = entity_of(doc, "Turkish foreign ministry")
    assert (ministry["label"], ministry["country"], ministry["role"]) == (
        "ORG", "TUR", "foreign ministry")
    embassy = entity_of(doc, "U.S. embassy")
    assert [m["text"] for m in embassy["mentions"]] == ["U.S. embassy", "U.S. Embassy"]
    assert (embassy["country"], embassy["role"]) == ("USA", "embassy")


@pytest.mark.parametrize(
    ("text", "mention", "country"),
    [
        ("The U. S. blamed Venezuela for the outage.", "U. S.", "USA"),
        ("Envoys of the U. K. met in Lisbon on Monday.", "U. K.", "GBR"),
        ("Officials at the U. N. agency warned of shortages.", "U. N.", None),
    ],
)
def test_entities_spaced_initials_match_like_dotted_ones(nlp, text, mention, country):
    # News copy that writes "U. S." splits it into one token per initial; the gazetteer's
    # "U.S." matches it all the same.
    from extraction import analyze

    found = {m.text: e for e in analyze(text, nlp=nlp).entities for m in e.mentions}
    assert mention in found
    if country:
        assert found[mention].country == country


def test_spaced_variants_of_dotted_initials():
    from extraction.entities.matchers import spaced_variants

    assert spaced_variants("U.S.") == ["U.S.", "U. S."]
    assert spaced_variants("U.S. State Department") == ["U.S. State Department",
                                                         "U. S. State Department"]
    assert spaced_variants("USA") == ["USA"]
    assert spaced_variants("St. Lucia") == ["St. Lucia"]
