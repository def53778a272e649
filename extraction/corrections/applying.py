"""Applying corrections: ``apply_corrections`` returns an ``Article`` with its text's corrections
applied, by the rules of ``extraction.corrections``; ``review_marks`` says what an analyst
checked."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable

from ..model import Article, Relation, Stance
from .keys import _fold, _Positions, entity_key, event_key, stance_key, text_key
from .making import find_sentence
from .record import ANALYST, POLARITY_SCORES, STRUCTURE_KINDS, Correction, _order, latest
from .restance import _restance
from .structure import _Draft, _merge, _split


def for_article(article: Article, corrections: Iterable[Correction]) -> list[Correction]:
    """The corrections that belong to ``article``'s text."""
    key = text_key(article.text)
    return [c for c in corrections if c.text_key == key]


# Applies the correction kinds in a fixed order: merges and splits, entity fields, rejected
# events, stances, added stances; each stage uses what the ones before left (the new countries,
# the removed events), so they stay in one function.
def apply_corrections(article: Article, corrections: Iterable[Correction]) -> Article:  # noqa: C901
    """Return ``article`` with the active corrections of its text applied (see the module).

    Corrections of other texts, undone ones and ones whose item is not in this analysis
    are ignored; the result of applying twice is the result of applying once.
    """
    mine = for_article(article, corrections)
    if not any(c.active for c in mine):
        return article
    final = latest(mine)
    entity_fields: dict[str, dict[str, Correction]] = {}
    structure: list[Correction] = []
    rejected_events: set[str] = set()
    rejected_stances: set[str] = set()
    added: list[Correction] = []
    for (kind, item), correction in final.items():
        if kind in STRUCTURE_KINDS:
            structure.append(correction)
        elif kind.startswith("entity."):
            entity_fields.setdefault(item, {})[kind.split(".", 1)[1]] = correction
        elif kind == "event.status" and correction.after == "rejected":
            rejected_events.add(item)
        elif kind == "stance.status" and correction.after == "rejected":
            rejected_stances.add(item)
        elif kind == "stance.add":
            added.append(correction)

    positions = _Positions(article.text)
    draft = _Draft(article, positions)
    # Merges and splits first, in the order they were made: each works on the entities the
    # ones before it left.
    for correction in sorted(structure, key=_order):
        (_merge if correction.kind == "entity.merge" else _split)(draft, correction)

    entities = []
    new_country: dict[str, str | None] = {}
    entity_target_country: dict[str, str | None] = {}
    for entity in draft.entities:
        fixed = draft.fixed.get(entity.id)
        # A field corrected before a merge or split that set it is overruled by that choice.
        fields = {field: c.after for field, c in entity_fields.get(entity_key(entity), {}).items()
                  if fixed is None or _order(c) > fixed}
        if fields:
            entity = dataclasses.replace(entity, **fields)
            if "country" in fields:
                new_country[entity.id] = fields["country"]
                entity_target_country[f"entity:{entity.canonical}"] = fields["country"]
        entities.append(entity)

    events = []
    gone: set[str] = set()
    for event in draft.events:
        if event_key(article, event, positions) in rejected_events:
            gone.add(event.id)
            continue
        changes = {}
        if event.actor in new_country:
            changes["actor_country"] = new_country[event.actor]
        if event.target in new_country:
            changes["target_country"] = new_country[event.target]
        events.append(dataclasses.replace(event, **changes) if changes else event)
    relations = list(draft.relations)

    stances = list(article.stances)
    if (tuple(entities), tuple(events), tuple(relations)) != (
            article.entities, article.events, article.relations):
        # Who holds a stance, and towards whom, follows the corrected entities and events.
        stances = _restance(article, entities, events, relations)

    # Relations an event made are named after it ("event:TYPE") but keep no event id, so
    # only the stance evidence that cites a rejected event is removed (from stances the
    # aggregation does not know, such as those of an older pipeline).
    kept_stances = []
    for stance in stances:
        if stance_key(stance) in rejected_stances:
            continue
        evidence = tuple(e for e in stance.evidence if e not in gone)
        if stance.evidence and not evidence:
            continue
        changes = {}
        if evidence != stance.evidence:
            changes["evidence"] = evidence
        if stance.target_key in entity_target_country:
            changes["target_country"] = entity_target_country[stance.target_key]
        kept_stances.append(dataclasses.replace(stance, **changes) if changes else stance)
    stances = kept_stances

    have = {r.id for r in relations}
    for correction in added:
        after = correction.after or {}
        rel_id = "A" + correction.item.rsplit("|", 1)[-1]
        found = find_sentence(article.text, str(after.get("sentence", "")))
        key = f"{after.get('holder')}|{after.get('target_key')}"
        if rel_id in have or found is None or key in rejected_stances:
            continue
        polarity = str(after.get("polarity"))
        score = POLARITY_SCORES.get(polarity, 0.0)
        relations.append(Relation(
            id=rel_id, source=str(after.get("holder")), target=str(after.get("target_key")),
            polarity="negative" if score < 0 else "positive", score=abs(score) or 0.5,
            sentence=found, found_by=ANALYST,
        ))
        stances.append(Stance(
            holder=str(after.get("holder")), target=str(after.get("target")),
            polarity=polarity, score=score, evidence=(rel_id,),
            target_country=after.get("target_country"),
            target_key=str(after.get("target_key")), current=True,
        ))
        have.add(rel_id)
    return dataclasses.replace(
        article, entities=tuple(entities), events=tuple(events), stances=tuple(stances),
        relations=tuple(relations),
    )


def review_marks(article: Article, corrections: Iterable[Correction]) -> dict[str, str]:
    """What an analyst checked in ``article``: item key -> ``confirmed``, ``corrected`` or
    ``added``, for events (``event_key``), stances (``stance_key``) and entities."""
    marks: dict[str, str] = {}
    for (kind, item), correction in latest(for_article(article, corrections)).items():
        if kind in STRUCTURE_KINDS:
            after = correction.after if isinstance(correction.after, dict) else {}
            marks[_fold(str(after.get("canonical") or ""))] = "corrected"
        elif kind.startswith("entity."):
            marks[item] = "corrected"
        elif kind.endswith(".status") and correction.after == "confirmed":
            marks[item] = "confirmed"
        elif kind == "stance.add":
            after = correction.after or {}
            marks[f"{after.get('holder')}|{after.get('target_key')}"] = "added"
    return marks
