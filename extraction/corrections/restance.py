"""The stances after a correction: the pipeline's aggregation run again on the corrected
entities, events and relations, and what it changed carried onto the stored stances."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from ..model import Article, Entity, Event, Relation, Stance


def _restance(article: Article, entities: Sequence[Entity], events: Sequence[Event],
              relations: Sequence[Relation]) -> list[Stance]:
    """The article's stances after its entities, events or relations were corrected.

    The pipeline's aggregation runs twice, on the analysis as extracted and as corrected;
    what changed between the two is carried onto the stored stances (``_carry``).
    """
    # Imported here: the store and the CLI read corrections without loading the rules.
    from ..events.stance import aggregate_stances

    def run(ents: Iterable[Entity], evs: Iterable[Event], rels: Iterable[Relation]
            ) -> list[dict[str, Any]]:
        return aggregate_stances([e.to_dict() for e in evs], [e.to_dict() for e in ents],
                                 [r.to_dict() for r in rels], published=article.published)

    base = run(article.entities, article.events, article.relations)
    new = run(entities, events, relations)
    return _carry(article.stances, base, new)


def _carry(stored: Sequence[Stance], base: list[dict[str, Any]],
           new: list[dict[str, Any]]) -> list[Stance]:
    """Stored stances updated by what changed from ``base`` to ``new`` (aggregations of the
    uncorrected and the corrected analysis).

    When the stored stances are ``base`` (an analysis by this pipeline), the result is
    ``new``. Otherwise each stance is kept as stored except for the fields the correction
    changed; a stance the correction removed goes, and one it made is added.
    """
    if [s.to_dict() for s in stored] == base:
        return [Stance.from_dict(d) for d in new]

    def key(d: dict[str, Any]) -> tuple[str, str]:
        return str(d["holder"]), str(d.get("target_key") or d["target"])

    before = {key(d): d for d in base}
    # Stances stored before canonical targets (schema 1) are found by the target's name.
    named = {(str(d["holder"]), str(d["target"])): d for d in base}
    after = {key(d): d for d in new}
    out: list[Stance] = []
    seen: set[tuple[str, str]] = set()
    for stance in stored:
        data = stance.to_dict()
        seen.add(key(data))
        old = before.get(key(data)) or (named.get((stance.holder, stance.target))
                                        if stance.target_key is None else None)
        if old is None:
            out.append(stance)
            continue
        seen.add(key(old))
        fresh = after.get(key(old))
        if fresh is not None:
            out.append(Stance.from_dict({f: fresh[f] if old.get(f) != fresh.get(f) else v
                                         for f, v in data.items()}))
    out.extend(Stance.from_dict(d) for d in new
               if key(d) not in seen and before.get(key(d)) != d)
    return out
