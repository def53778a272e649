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
from ..resources import DATA_DIR
from .saving import refuse_other, save_copy

#: The folder of a saved pipeline's entities component that keeps the gazetteer.
GAZETTEER_DIR = "gazetteer"
#: The files of ``extraction/resources`` the gazetteer and the lookups of
#: ``extraction.resources`` are read from (``actors_*.tsv`` are further office holders,
#: read beside ``actors.tsv``). ``languages.tsv`` is not one: the language check reads it
#: before the pipeline runs.
GAZETTEER_FILES = (
    "countries.tsv", "regions.tsv", "demonym_regions.tsv", "igos.tsv", "organisations.tsv",
    "titles.tsv", "institutions.tsv", "actors.tsv",
    *sorted(p.name for p in DATA_DIR.glob("actors_*.tsv")),
)


def read_table(path: Path) -> list[tuple[str, ...]]:
    """A gazetteer table's rows (the header first) as ``extraction.resources`` reads them:
    blank lines and ``#`` comments left out, cells split at tabs."""
    lines = Path(path).read_text(encoding="utf-8").splitlines()
    return [tuple(line.split("\t")) for line in lines
            if line.strip() and not line.startswith("#")]


def save_gazetteer(path: str | Path) -> None:
    """Copy every gazetteer file into ``path``/``GAZETTEER_DIR``."""
    for name in GAZETTEER_FILES:
        save_copy(DATA_DIR / name, Path(path) / GAZETTEER_DIR, name)


def refuse_other_gazetteer(path: str | Path) -> None:
    """Raise ``ValueError`` when the component folder ``path`` holds a gazetteer other than
    the one this package reads: other files, or other rows in one of them. A folder saved
    before the gazetteer was saved (no ``GAZETTEER_DIR``) is not checked."""
    folder = Path(path) / GAZETTEER_DIR
    if not folder.is_dir():
        return
    saved = sorted(p.name for p in folder.glob("*.tsv"))
    if saved != sorted(GAZETTEER_FILES):
        raise ValueError(
            f"{folder} holds other gazetteer files ({', '.join(saved) or 'none'}) than "
            f"{DATA_DIR} ({', '.join(sorted(GAZETTEER_FILES))}), which this version of "
            "newslens reads: save the pipeline again with this version"
        )
    for name in GAZETTEER_FILES:
        refuse_other(folder, name, DATA_DIR / name, read_table, "gazetteer entries")


class EntitiesComponent:
    """Wires the matchers to ``resolve_entities``.

    ``nlp.to_disk`` saves the word lists the component uses (``entity_words.tsv``) and the
    gazetteer (``GAZETTEER_FILES``, in ``gazetteer/``) beside the pipeline; ``spacy.load``
    checks that the saved lists and gazetteer are the ones this code reads, and refuses a
    pipeline saved with others rather than analyse differently. (The gazetteer is read once
    per process by ``extraction.resources``, for every pipeline and the dashboard alike, so
    a saved one is checked, not loaded.)
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
        save_gazetteer(path)

    def from_disk(self, path: str | Path, *,
                  exclude: Iterable[str] = ()) -> EntitiesComponent:
        refuse_other(path, WORDS_FILE, WORDS_PATH, load_words, "entity word lists")
        refuse_other_gazetteer(path)
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
