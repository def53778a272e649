"""The ``newslens_entities`` component: named entities repaired, merged and tied to countries.

It runs after the model's ``ner``, reads ``doc.ents`` and ``doc._.newslens_published`` (the
article's date, for the dated knowledge base) and writes the repaired ``doc.ents`` (other
labels such as DATE kept as the model gave them) and ``doc._.newslens_entities``:
``Entity.to_dict()`` dicts with ids "E1", "E2", ... in order of first mention. The algorithm
is ``extraction.entities`` (see its package docstring); this class only wires it up.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc

from .. import extensions  # noqa: F401  (registers the Doc attributes)
from ..entities.matchers import build_matchers
from ..entities.missed import dictionary_words
from ..entities.resolve import resolve_entities
from ..entities.words import WORDS_FILE, WORDS_PATH, load_words
from .saving import refuse_other, save_copy


class EntitiesComponent:
    """Wires the matchers to ``resolve_entities``.

    ``nlp.to_disk`` saves the word lists the component uses (``entity_words.tsv``) beside
    the pipeline; ``spacy.load`` checks that the saved lists are the ones this code reads,
    and refuses a pipeline saved with other lists rather than analyse differently.
    """

    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name
        self.nlp = nlp
        self.gaz_matcher, self.title_matcher = build_matchers(nlp)
        self._dictionary: frozenset[str] | None = None

    @property
    def dictionary(self) -> frozenset[str]:
        """The lemmatizer's words, read on first use: a pipeline loaded from disk builds its
        components before the lemmatizer's tables are read back."""
        if self._dictionary is None:
            nlp = self.nlp
            lemmatizer = nlp.get_pipe("lemmatizer") if "lemmatizer" in nlp.pipe_names else None
            lookups = getattr(lemmatizer, "lookups", None)
            self._dictionary = (dictionary_words(lookups) if lookups is not None
                                and lookups.has_table("lemma_index") else frozenset())
        return self._dictionary

    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> None:
        save_copy(WORDS_PATH, path, WORDS_FILE)

    def from_disk(self, path: str | Path, *,
                  exclude: Iterable[str] = ()) -> EntitiesComponent:
        refuse_other(path, WORDS_FILE, WORDS_PATH, load_words, "entity word lists")
        return self

    def __call__(self, doc: Doc) -> Doc:
        spans, entities = resolve_entities(
            doc, self.gaz_matcher, self.title_matcher, published=doc._.newslens_published,
            dictionary=self.dictionary,
        )
        doc.ents = spans
        doc._.newslens_entities = entities
        return doc


@Language.factory(
    "newslens_entities",
    requires=["doc.ents"],
    assigns=["doc.ents", "doc._.newslens_entities"],
    default_config={},
)
def make_entities(nlp: Language, name: str) -> EntitiesComponent:
    """Create the ``newslens_entities`` component."""
    return EntitiesComponent(nlp, name)
