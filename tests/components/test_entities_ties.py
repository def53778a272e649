"""Countries from the text and labels by class, on hand-built Docs with sentences written for
these tests: titles and appositions, the country a story is set in, acronyms, family names,
parties, armed groups, disputed areas and buildings named in another country's story."""

from __future__ import annotations

from collections import Counter

import pytest

from extraction.entities import ties
from tests.components.test_entities import entity_of, make_doc


@pytest.fixture(scope="module")
def component(nlp):
    return nlp.get_pipe("newslens_entities")


def run(nlp, component, text, ents, published="2021-05-01"):
    doc = make_doc(nlp, text, ents, published=published)
    component(doc)
    return doc


POLISH_STORY = ("The Polish government met in Warsaw . Poland mourned . Polish flags flew . ")
POLISH_ENTS = [("Polish", "NORP"), ("Warsaw", "GPE"), ("Poland", "GPE"), ("Polish", "NORP")]


def polish(sentence: str, *ents: tuple[str, str]) -> tuple[str, list[tuple[str, str]]]:
    """A sentence at the end of a short story set in Poland."""
    return POLISH_STORY + sentence, [*POLISH_ENTS, *ents]


@pytest.mark.parametrize(
    ("text", "ents", "name", "country"),
    [
        # A state office with no country written: the story's country.
        (*polish("Health Minister Jan Nowak spoke .", ("Jan Nowak", "PERSON")), "Jan Nowak",
         "POL"),
        (*polish("Prosecutor Jan Nowak spoke .", ("Jan Nowak", "PERSON")), "Jan Nowak", "POL"),
        (*polish("The foreign ministry spokesperson Jan Nowak spoke .", ("Jan Nowak", "PERSON")),
         "Jan Nowak", "POL"),
        (*polish("The Coast Guard said so .", ("Coast Guard", "ORG")), "Coast Guard", "POL"),
        # Someone with no title in a story set in one country.
        (*polish("Jan Nowak wept .", ("Jan Nowak", "PERSON")), "Jan Nowak", "POL"),
        # ...but not one called by a single word, which may be no person at all,
        (*polish("Nowak wept .", ("Nowak", "PERSON")), "Nowak", None),
        # nor one written as a foreign-looking organisation's own, nor an
        # organisation with no state body's name.
        (*polish("Acme TV cameraman Jan Nowak wept .", ("Acme TV", "ORG"),
                 ("Jan Nowak", "PERSON")), "Jan Nowak", None),
        (*polish("Acme Foods sold bread .", ("Acme Foods", "ORG")), "Acme Foods", None),
        # Two countries as often: no story country.
        ("Poland met Germany . Poland and Germany agreed . Health Minister Jan Nowak spoke .",
         [("Poland", "GPE"), ("Germany", "GPE"), ("Poland", "GPE"), ("Germany", "GPE"),
          ("Jan Nowak", "PERSON")], "Jan Nowak", None),
        # One mention is not a story.
        ("Health Minister Jan Nowak spoke in Warsaw .",
         [("Jan Nowak", "PERSON"), ("Warsaw", "GPE")], "Jan Nowak", None),
    ],
)
def test_entities_ties_story_country(nlp, component, text, ents, name, country):
    doc = run(nlp, component, text, ents)
    assert entity_of(doc, name)["country"] == country


# One (text, entities, name, country) case a row; the tables of this file share that form.
@pytest.mark.parametrize(
    ("text", "ents", "name", "country"),
    [
        ("The director of the Kenyan Red Cross , Amina Wekesa , spoke .",
         [("Kenyan Red Cross", "ORG"), ("Amina Wekesa", "PERSON")], "Amina Wekesa", "KEN"),
        ("A member of the Kenyan Senate , Amina Wekesa , spoke .",
         [("Kenyan Senate", "ORG"), ("Amina Wekesa", "PERSON")], "Amina Wekesa", "KEN"),
        ("The finance director of Abu Dhabi Broadcasting , Dr Omar Saleh , spoke .",
         [("Abu Dhabi", "GPE"), ("Omar Saleh", "PERSON")], "Omar Saleh", "ARE"),
        ("Marek Zielny , director of Youth Forum Zambia , disagreed .",
         [("Marek Zielny", "PERSON"), ("Youth Forum Zambia", "ORG")], "Marek Zielny", "ZMB"),
        ("Karim Haddad , a print- and radio reporter from Peru , died .",
         [("Karim Haddad", "PERSON"), ("Peru", "GPE")], "Karim Haddad", "PER"),
        ("Karim Haddad , a reporter who left Yemen , died .",
         [("Karim Haddad", "PERSON"), ("Yemen", "GPE")], "Karim Haddad", None),
        ("Chinese foreign ministry spokesperson Wang Lifen spoke .",
         [("Chinese", "NORP"), ("Wang Lifen", "PERSON")], "Wang Lifen", "CHN"),
        ("Adebayo Okonkwo , the Nigerian foreign minister , spoke .",
         [("Adebayo Okonkwo", "PERSON"), ("Nigerian", "NORP")], "Adebayo Okonkwo", "NGA"),
        ("Imran Qadir of Pakistan 's ruling party spoke .",
         [("Imran Qadir", "PERSON"), ("Pakistan", "GPE")], "Imran Qadir", "PAK"),
    ],
)
def test_entities_ties_titles_and_appositions(nlp, component, text, ents, name, country):
    doc = run(nlp, component, text, ents)
    assert entity_of(doc, name)["country"] == country


def test_entities_ties_official_of_an_organisation_past_its_acronym(nlp, component):
    doc = run(nlp, component,
              "The Organisation of Islamic Cooperation ( OIC ) head Ali Rashidi spoke .",
              [("Organisation of Islamic Cooperation", "ORG"), ("OIC", "ORG"),
               ("Ali Rashidi", "PERSON")])
    ent = entity_of(doc, "Ali Rashidi")
    assert (ent["country"], ent["role"]) == (None, "oic")


def test_entities_ties_acronym_shares_its_expansions_country(nlp, component):
    doc = run(nlp, component,
              "Kenya 's National Lands Commission ( NLC ) met . The NLC said no .",
              [("Kenya", "GPE"), ("National Lands Commission", "ORG"), ("NLC", "ORG"),
               ("NLC", "ORG")])
    assert entity_of(doc, "National Lands Commission")["country"] == "KEN"
    assert entity_of(doc, "NLC")["country"] == "KEN"


def test_entities_ties_family_shares_a_surname_and_country(nlp, component):
    doc = run(nlp, component,
              "Ana Lopez of Chile retired . Maria Lopez , her sister , spoke .",
              [("Ana Lopez", "PERSON"), ("Chile", "GPE"), ("Maria Lopez", "PERSON")])
    assert entity_of(doc, "Maria Lopez")["country"] == "CHL"


def test_entities_ties_no_family_tie_when_the_surname_spans_countries(nlp, component):
    doc = run(nlp, component,
              "Ana Lopez of Chile and Juan Lopez of Peru spoke . Maria Lopez wept .",
              [("Ana Lopez", "PERSON"), ("Chile", "GPE"), ("Juan Lopez", "PERSON"),
               ("Peru", "GPE"), ("Maria Lopez", "PERSON")])
    assert entity_of(doc, "Maria Lopez")["country"] is None


@pytest.mark.parametrize(
    ("text", "ents", "name"),
    [
        ("He left his party Civic Union in May .", [("Civic Union", "PERSON")], "Civic Union"),
        ("The Civic Union party won .", [("Civic Union", "PERSON")], "Civic Union"),
        ("Thailand 's Thai Future Party withdrew .",
         [("Thailand", "GPE"), ("Thai Future Party", "PERSON")], "Thai Future Party"),
    ],
)
def test_entities_ties_parties_are_organisations(nlp, component, text, ents, name):
    doc = run(nlp, component, text, ents)
    ent = entity_of(doc, name)
    assert (ent["label"], ent["role"]) == ("ORG", "party")


@pytest.mark.parametrize("label", ["ORG", "PERSON"])
def test_entities_ties_party_named_with_a_demonym_gets_its_country(nlp, component, label):
    doc = run(nlp, component, "Thai Future Party withdrew .", [("Thai Future Party", label)])
    ent = entity_of(doc, "Thai Future Party")
    assert (ent["label"], ent["country"]) == ("ORG", "THA")


@pytest.mark.parametrize(
    ("text", "ents", "name", "country"),
    [
        # The known group: no state's.
        ("Islamic State of Iraq and the Levant fighters claimed it .",
         [("Islamic State of Iraq", "ORG"), ("Levant", "GPE")], "Islamic State of Iraq and "
         "the Levant", None),
        # An unknown group keeps the country its name holds, but as a group: the stance
        # layer makes it "rebels:SYR", never the Syrian state.
        ("The Free Martyrs Brigades of Syria claimed it .",
         [("Free Martyrs Brigades of Syria", "ORG")], "Free Martyrs Brigades of Syria", "SYR"),
    ],
)
def test_entities_ties_armed_groups_are_groups(nlp, component, text, ents, name, country):
    doc = run(nlp, component, text, ents)
    ent = entity_of(doc, name)
    assert (ent["label"], ent["country"], ent["role"]) == ("ORG", country, "armed group")


def test_entities_ties_armed_group_is_a_rebel_holder_not_the_state(nlp, component):
    from extraction.events.arguments import holder_key

    doc = run(nlp, component, "The Free Martyrs Brigades of Syria claimed it .",
              [("Free Martyrs Brigades of Syria", "ORG")])
    ent = entity_of(doc, "Free Martyrs Brigades of Syria")
    assert holder_key(entity=ent, text="Free Martyrs Brigades of Syria", country=None) \
        == "rebels:SYR"


@pytest.mark.parametrize(
    ("text", "ents", "name"),
    [
        ("Chinese ships sailed the South China Sea .",
         [("Chinese", "NORP"), ("South China Sea", "LOC")], "South China Sea"),
        ("Ships sailed the Gulf of Mexico .", [("Gulf of Mexico", "LOC")], "Gulf of Mexico"),
        ("Troops left Kashmir .", [("Kashmir", "GPE")], "Kashmir"),
        ("Boats neared the Spratly Islands .", [("Spratly Islands", "LOC")], "Spratly Islands"),
    ],
)
def test_entities_ties_disputed_areas_and_seas_have_no_country(nlp, component, text, ents,
                                                                name):
    doc = run(nlp, component, text, ents)
    assert entity_of(doc, name)["country"] is None


def test_entities_ties_building_named_in_another_countrys_story(nlp, component):
    story = ("Kenya mourned . Kenya 's leaders met in Nairobi . He lived in the Blue "
             "House .")
    doc = run(nlp, component, story,
              [("Kenya", "GPE"), ("Kenya", "GPE"), ("Nairobi", "GPE"),
               ("Blue House", "ORG")])
    ent = entity_of(doc, "Blue House")
    assert (ent["label"], ent["country"]) == ("FAC", None)
    korean = run(nlp, component, "South Korea 's Blue House said no .",
                 [("South Korea", "GPE"), ("Blue House", "ORG")])
    assert entity_of(korean, "Blue House")["country"] == "KOR"


def test_entities_ties_title_at_the_start_of_an_organisation_span(nlp, component):
    doc = run(nlp, component, "Presidential Spokesperson Juan Reyes denied it .",
              [("Presidential Spokesperson Juan Reyes", "ORG")])
    ent = entity_of(doc, "Juan Reyes")
    assert (ent["label"], ent["role"]) == ("PERSON", "spokesperson")


def test_entities_ties_name_does_not_end_in_lower_case_words(nlp, component):
    doc = run(nlp, component, "Associated Press of bank robberies reported it .",
              [("Associated Press of bank", "ORG")])
    ent = entity_of(doc, "Associated Press")
    assert ent["country"] == "USA"


@pytest.mark.parametrize(
    ("counts", "home"),
    [
        (Counter({"POL": 3}), "POL"),
        (Counter({"POL": 3, "DEU": 2}), "POL"),
        (Counter({"POL": 2, "DEU": 2}), None),
        (Counter({"POL": 1}), None),
        (Counter({"POL": 2, "DEU": 1, "FRA": 1, "ITA": 1}), None),
        (Counter(), None),
    ],
)
def test_entities_ties_home_country(counts, home):
    assert ties.home_country(counts) == home


@pytest.mark.parametrize(
    ("name", "initials"),
    [("National Telecommunications Commission", "NTC"),
     ("Movement for Democratic Change", "MDC"), ("Acme", None), ("Bank of america", None)],
)
def test_entities_ties_acronym_of(name, initials):
    assert ties.acronym_of(name) == initials


@pytest.mark.parametrize(
    ("name", "armed", "party", "institution"),
    [("Islamic State of Iraq", True, False, False),
     ("Moro Islamic Liberation Front", True, False, True),
     ("Green Party", False, True, True),
     ("Interior Ministry", False, False, True),
     ("Acme Foods", False, False, False)],
)
def test_entities_ties_name_classes(name, armed, party, institution):
    assert ties.armed_group_name(name) == armed
    assert ties.party_name(name) == party
    assert ties.national_institution(name) == institution


def test_entities_ties_organisation_cut_at_for_is_joined(nlp, component):
    doc = run(nlp, component, "The Kenyan League for the Defence of Workers said so .",
              [("Kenyan League", "ORG"), ("Defence of Workers", "ORG")])
    ent = entity_of(doc, "Kenyan League for the Defence of Workers")
    assert ent["country"] == "KEN"
    assert len(doc._.newslens_entities) == 1


def test_entities_ties_pieces_of_a_list_are_not_joined(nlp, component):
    doc = run(nlp, component, "The Kenyan League , the Defence Council and others met .",
              [("Kenyan League", "ORG"), ("Defence Council", "ORG")])
    assert len(doc._.newslens_entities) == 2


def test_entities_ties_person_after_an_honorific_the_model_missed(nlp, component):
    from spacy.tokens import Doc

    words = ["Princess", "Amara", "Lind", "spoke", "in", "Oslo", "."]
    doc = Doc(nlp.vocab, words=words,
              pos=["PROPN", "PROPN", "PROPN", "VERB", "ADP", "PROPN", "PUNCT"],
              tags=["NNP", "NNP", "NNP", "VBD", "IN", "NNP", "."])
    doc._.newslens_published = "2021-05-01"
    component(doc)
    ent = entity_of(doc, "Amara Lind")
    assert ent["label"] == "PERSON"


def test_entities_ties_company_written_without_its_suffix(nlp, component):
    doc = run(nlp, component, "Acme Corporation sold land . Later Acme said no .",
              [("Acme Corporation", "ORG")])
    ent = entity_of(doc, "Acme Corporation")
    assert [m["text"] for m in ent["mentions"]] == ["Acme Corporation", "Acme"]


# Same case form as the tables above: organisations described with a country, one a row.
@pytest.mark.parametrize(
    ("text", "ents", "name", "country"),
    [
        ("Acme Corporation is the largest broadcaster in Chile .",
         [("Acme Corporation", "ORG"), ("Chile", "GPE")], "Acme Corporation", "CHL"),
        ("Acme Corporation is a small mining firm from Chile .",
         [("Acme Corporation", "ORG"), ("Chile", "GPE")], "Acme Corporation", "CHL"),
        # A person's whereabouts are not their country.
        ("Ana Ruiz is the best known singer in Chile .",
         [("Ana Ruiz", "PERSON"), ("Chile", "GPE")], "Ana Ruiz", None),
    ],
)
def test_entities_ties_organisation_described_with_its_country(nlp, component, text, ents,
                                                               name, country):
    doc = run(nlp, component, text, ents)
    assert entity_of(doc, name)["country"] == country


def test_entities_ties_part_of_a_country_keeps_it(nlp, component):
    doc = run(nlp, component, "Fighting spread to Eastern Chad .", [("Eastern Chad", "LOC")])
    assert entity_of(doc, "Eastern Chad")["country"] == "TCD"


@pytest.mark.parametrize("name", ["Green Movement", "National Salvation Front", "Youth League"])
def test_entities_ties_movements_are_organisations(nlp, component, name):
    doc = run(nlp, component, f"The {name} marched on Friday .", [(name, "PERSON")])
    assert entity_of(doc, name)["label"] == "ORG"


def test_entities_ties_a_persons_name_stays_a_person(nlp, component):
    doc = run(nlp, component, "Mary Green marched on Friday .", [("Mary Green", "PERSON")])
    assert entity_of(doc, "Mary Green")["label"] == "PERSON"
