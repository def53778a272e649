"""The seed article end to end: who is mentioned, with which label and country."""

from __future__ import annotations

from pathlib import Path

import pytest

USA_FORMS = {"US", "U.S.", "USA", "United States", "The United States", "the United States",
             "Washington"}


def by_canonical(article, canonical):
    found = [e for e in article.entities if e.canonical == canonical]
    assert len(found) == 1, [(e.canonical, e.label) for e in article.entities]
    return found[0]


@pytest.mark.parametrize(
    ("canonical", "country"),
    [("Nicolás Maduro", "VEN"), ("Juan Guaido", "VEN"), ("Mike Pompeo", "USA"),
     ("Evo Morales", "BOL")],
)
def test_seed_entities_people_and_countries(seed_article, canonical, country):
    ent = by_canonical(seed_article, canonical)
    assert ent.label == "PERSON"
    assert ent.country == country


def test_seed_entities_every_maduro_and_guaido_mention_is_merged(seed_article):
    maduro = by_canonical(seed_article, "Nicolás Maduro")
    guaido = by_canonical(seed_article, "Juan Guaido")
    text = seed_article.text
    assert len(maduro.mentions) == text.count("Maduro")
    assert len(guaido.mentions) == text.count("Guaido")
    assert {m.text for m in guaido.mentions} == {"Guaido", "Juan Guaido"}


def test_seed_entities_usa_is_one_entity(seed_article):
    usa = [e for e in seed_article.entities if e.country == "USA" and e.label == "GPE"]
    assert len(usa) == 1
    forms = {m.text for m in usa[0].mentions}
    assert {"US", "U.S.", "USA", "Washington"} <= forms
    assert forms & {"United States", "The United States"}
    assert usa[0].canonical == "United States"
    # No other entity holds a bare mention of the USA.
    for ent in seed_article.entities:
        if ent is not usa[0]:
            assert not {m.text for m in ent.mentions} & USA_FORMS, ent


def test_seed_entities_no_person_is_a_place_or_organisation(seed_article):
    people = {m.text for e in seed_article.entities if e.label == "PERSON" for m in e.mentions}
    for ent in seed_article.entities:
        if ent.label != "PERSON":
            assert not {m.text for m in ent.mentions} & people, ent
    for name in ("Maduro", "Guaido", "Pompeo", "Morales"):
        assert name in " ".join(people)


def test_seed_entities_titles_and_roles(seed_article):
    assert by_canonical(seed_article, "Mike Pompeo").role == "foreign minister"
    assert by_canonical(seed_article, "Nicolás Maduro").role == "head of state"
    american = by_canonical(seed_article, "American")
    assert (american.label, american.country) == ("NORP", "USA")
    assert all(e.label != "ORG" or e.canonical != "State" for e in seed_article.entities)


def test_seed_entities_offsets_match_text(seed_article):
    for ent in seed_article.entities:
        for m in ent.mentions:
            assert seed_article.text[m.start_char:m.end_char] == m.text


SAMPLES = sorted((Path(__file__).resolve().parent.parent / "sample_articles").glob("[0-9]*.txt"))


@pytest.mark.parametrize("path", SAMPLES, ids=[p.stem for p in SAMPLES])
def test_seed_entities_sample_articles_office_holders_are_tied(nlp, path):
    from extraction import analyze
    from extraction.resources import actor_lookup
    from extraction.textio import read_path

    source = read_path(path)
    article = analyze(source.text, published=source.published, nlp=nlp)
    known = 0
    for ent in article.entities:
        actor = actor_lookup(ent.canonical, source.published)
        if ent.label != "PERSON" or actor is None:
            continue
        known += 1
        if actor.country is None:
            assert ent.role and ":" in ent.role, ent
        else:
            assert ent.country is not None, ent
        assert all(m.text not in ("U.S.", "US", "UN") for m in ent.mentions), ent
    assert known >= 1
