"""Speakers the parse leaves without a verb, and general news acts for the timeline.

The sentences are written for these tests.
"""

from __future__ import annotations

from spacy.tokens import Doc

from extraction.events.syntax import _subject


def _fronted(nlp, name_pos: str, name_ent: str) -> Doc:
    # "In Nairobi, Amina Odhiambo said on Wednesday that talks were needed." parsed as the
    # model sometimes does in a long story: the name hangs on the place as its apposition.
    words = ["In", "Nairobi", ",", "Amina", "Odhiambo", ",", "said", "on", "Wednesday",
             "that", "talks", "were", "needed", "."]
    heads = [6, 0, 1, 4, 1, 4, 6, 6, 7, 12, 12, 12, 6, 6]
    deps = ["prep", "pobj", "punct", "compound", "appos", "punct", "ROOT", "prep", "pobj",
            "mark", "nsubjpass", "auxpass", "ccomp", "punct"]
    tags = ["IN", "NNP", ",", "NNP", "NNP", ",", "VBD", "IN", "NNP", "IN", "NNS", "VBD", "VBN",
            "."]
    pos = ["ADP", "PROPN", "PUNCT", "PROPN", name_pos, "PUNCT", "VERB", "ADP", "PROPN",
           "SCONJ", "NOUN", "AUX", "VERB", "PUNCT"]
    ents = ["O", "B-GPE", "O", f"B-{name_ent}", f"I-{name_ent}", "O", "O", "O", "B-DATE", "O",
            "O", "O", "O", "O"]
    return Doc(nlp.vocab, words=words, heads=heads, deps=deps, tags=tags, pos=pos, ents=ents)


def test_a_name_hung_on_a_fronted_place_is_the_subject(nlp):
    doc = _fronted(nlp, "PROPN", "PERSON")
    subject, passive = _subject(doc[6])
    assert (subject.text if subject is not None else None, passive) == ("Odhiambo", False)


def test_a_common_noun_hung_on_the_place_is_not(nlp):
    # "In Nairobi, the capital, said ..." is no speaker.
    doc = _fronted(nlp, "NOUN", "PERSON")
    assert _subject(doc[6]) == (None, False)
