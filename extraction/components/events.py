"""Placeholder: replaced by the events component."""

from spacy.language import Language
from spacy.tokens import Doc


class Events:
    def __call__(self, doc: Doc) -> Doc:
        doc._.newslens_events = []
        return doc


@Language.factory("newslens_events")
def make_events(nlp: Language, name: str) -> Events:
    return Events()
