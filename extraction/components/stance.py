"""Placeholder: replaced by the stance component."""

from spacy.language import Language
from spacy.tokens import Doc


class Stance:
    def __call__(self, doc: Doc) -> Doc:
        doc._.newslens_stances = []
        return doc


@Language.factory("newslens_stance")
def make_stance(nlp: Language, name: str) -> Stance:
    return Stance()
