"""The ``newslens_relations`` component: directed relations between entities, per sentence.

Reads the parse, ``doc._.newslens_entities`` and ``doc._.newslens_events``; writes
``doc._.newslens_relations`` (``Relation.to_dict()`` dicts, ids ``R1``, ``R2``, ...). The
finders live in ``extraction.relations.find`` and the learned classifier in
``extraction.relations.classifier``; this class only wires them up.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc

from .. import extensions  # noqa: F401  (registers the Doc attributes)
from ..relations.classifier import StanceClassifier, load_classifier
from ..relations.find import event_relations, model_relations

#: The folder a saved pipeline keeps the stance classifier in.
MODEL_FOLDER = "stance_model"


class Relations:
    """Find relations from events and, when a classifier is given, from the learned model.

    ``nlp.to_disk`` saves the classifier the component uses (``stance_model/``, with its
    decision rule) and ``spacy.load`` reads it back from there.
    """

    def __init__(self, classifier: StanceClassifier | None, max_entities: int,
                 min_score: float) -> None:
        self.classifier = classifier
        self.max_entities = max_entities
        self.min_score = min_score

    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> None:
        folder = Path(path)
        folder.mkdir(parents=True, exist_ok=True)
        if self.classifier is not None:
            self.classifier.to_disk(folder / MODEL_FOLDER)

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> Relations:
        saved = Path(path) / MODEL_FOLDER
        if self.classifier is not None and saved.is_dir():
            self.classifier = load_classifier(saved)
        return self

    def __call__(self, doc: Doc) -> Doc:
        entities = doc._.newslens_entities or []
        found = event_relations(doc, doc._.newslens_events or [])
        if self.classifier is not None:
            found += model_relations(doc, entities, self.classifier,
                                     max_entities=self.max_entities, min_score=self.min_score)
        doc._.newslens_relations = [{"id": f"R{n}", **rel} for n, rel in enumerate(found, 1)]
        return doc


@Language.factory(
    "newslens_relations",
    requires=["doc.sents", "token.dep", "doc._.newslens_entities", "doc._.newslens_events"],
    assigns=["doc._.newslens_relations"],
    default_config={"use_model": True, "model_path": None, "max_entities": 8,
                    "min_score": 0.0},
)
def make_relations(nlp: Language, name: str, use_model: bool, model_path: str | None,
                   max_entities: int, min_score: float) -> Relations:
    """Build the relations component.

    Args:
        nlp: the pipeline (unused; spaCy passes it to every factory).
        name: the component's name in the pipeline.
        use_model: run the learned directed-stance classifier (else events only).
        model_path: the classifier's folder; the one shipped in the package when None.
        max_entities: at most this many entities of one sentence are paired.
        min_score: the least probability a learned relation needs.
    """
    classifier = load_classifier(model_path) if use_model else None
    return Relations(classifier, max_entities, min_score)
