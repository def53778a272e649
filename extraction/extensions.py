"""Custom ``Doc`` attributes written by the newslens components.

Every value is plain data (strings, numbers, lists and dicts of them) in the shape of the
matching ``extraction.model`` type's ``to_dict()``, so ``doc.to_bytes()`` and
``nlp.pipe(n_process=2)`` keep working. Lists default to ``None``: a component assigns a
fresh list, never mutates a shared default.

- ``newslens_published``: the caller's publication date (ISO string) or None; input.
- ``newslens_anchor``: the date relative expressions were resolved against (ISO) or None.
- ``newslens_published_inferred``: True when the anchor was guessed from dates in the text.
- ``newslens_entities``: list of ``Entity.to_dict()``.
- ``newslens_timex``: list of ``TimeExpression.to_dict()``.
- ``newslens_events``: list of ``Event.to_dict()``.
- ``newslens_relations``: list of ``Relation.to_dict()``.
- ``newslens_stances``: list of ``Stance.to_dict()``.
"""

from spacy.tokens import Doc

EXTENSIONS = (
    "newslens_published",
    "newslens_anchor",
    "newslens_published_inferred",
    "newslens_entities",
    "newslens_timex",
    "newslens_events",
    "newslens_relations",
    "newslens_stances",
)


def register_extensions() -> None:
    """Register the newslens ``Doc`` attributes once per process."""
    for name in EXTENSIONS:
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=None)


register_extensions()
