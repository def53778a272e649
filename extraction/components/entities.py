"""Placeholder: replaced by the entities component."""

from spacy.language import Language
from spacy.tokens import Doc


class Entities:
    def __call__(self, doc: Doc) -> Doc:
        doc._.newslens_entities = []
        return doc


@Language.factory("newslens_entities")
def make_entities(nlp: Language, name: str) -> Entities:
    return Entities()
