"""Placeholder: replaced by the time component."""

from spacy.language import Language
from spacy.tokens import Doc


class Time:
    def __call__(self, doc: Doc) -> Doc:
        doc._.newslens_anchor = doc._.newslens_published
        doc._.newslens_published_inferred = False
        doc._.newslens_timex = []
        return doc


@Language.factory("newslens_time")
def make_time(nlp: Language, name: str) -> Time:
    return Time()
