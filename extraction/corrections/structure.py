"""Merges and splits applied: while ``entity.merge`` and ``entity.split`` corrections change
which entities there are, ``_Draft`` holds the article's entities, events and relations and
points the events and relations at the entities they now name."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterable, Sequence
from typing import Any

from ..model import Article, Entity, Event, Mention, Relation
from .keys import _fold, _Positions, entity_key
from .record import Correction, _order

#: Where a merge or split correction records a mention: non-space start, folded words.
_Where = tuple[int, str]


class _Draft:
    """An article's entities, events and relations while merges and splits apply."""

    def __init__(self, article: Article, positions: _Positions) -> None:
        self.positions = positions
        self.entities = list(article.entities)
        self.events = list(article.events)
        self.relations = list(article.relations)
        #: Entity id -> the order (``_order``) of the merge or split that last set its fields.
        self.fixed: dict[str, tuple[int, str]] = {}

    def where(self, mention: Mention) -> _Where:
        return self.positions(mention.start_char), _fold(mention.text)

    # Events (three roles, their countries following) and relations (two ends, a relation to itself
    # dropped) are repointed together, so no reference to a moved entity is missed.
    def move(self, pick: Callable[[Event | Relation, str, str], Entity | None],  # noqa: C901
             old: dict[str, Entity]) -> None:
        """Point event arguments and relation ends that name an entity of ``old`` at the
        entity ``pick(item, role, old id)`` returns (None: they stay). An argument's country
        becomes its new entity's when that differs from the old one's."""
        events = []
        for event in self.events:
            changes: dict[str, Any] = {}
            for role in ("actor", "target", "speaker"):
                value = getattr(event, role)
                new = pick(event, role, value) if value in old else None
                if new is None:
                    continue
                if new.id != value:
                    changes[role] = new.id
                if role != "speaker" and old[value].country != new.country:
                    changes[f"{role}_country"] = new.country
            events.append(dataclasses.replace(event, **changes) if changes else event)
        self.events = events
        relations = []
        for relation in self.relations:
            changes = {}
            for role in ("source", "target"):
                value = getattr(relation, role)
                new = pick(relation, role, value) if value in old else None
                if new is not None and new.id != value:
                    changes[role] = new.id
            if changes:
                relation = dataclasses.replace(relation, **changes)
                if relation.source == relation.target:
                    continue  # two merged entities: no one relates to themselves
            relations.append(relation)
        self.relations = relations


def _wheres(mentions: Iterable[dict[str, Any]]) -> set[_Where]:
    return {(int(m.get("at", -1)), _fold(str(m.get("text", "")))) for m in mentions}


def _merge(draft: _Draft, correction: Correction) -> None:
    """Apply an ``entity.merge``: the entities it recorded, found by name or by any of
    their mentions, become one under the first one found."""
    before = correction.before if isinstance(correction.before, dict) else {}
    after = correction.after if isinstance(correction.after, dict) else {}
    matched: dict[str, Entity] = {}
    for record in before.get("entities") or ():
        wheres = _wheres(record.get("mentions") or ())
        for entity in draft.entities:
            if entity.id not in matched and (
                    entity_key(entity) == record.get("key")
                    or any(draft.where(m) in wheres for m in entity.mentions)):
                matched[entity.id] = entity
    if not matched:
        return
    kept = next(iter(matched.values()))
    mentions = {(m.start_char, m.end_char): m for e in matched.values() for m in e.mentions}
    merged = Entity(
        id=kept.id, canonical=str(after.get("canonical") or kept.canonical),
        label=str(after.get("label") or kept.label),
        country=after.get("country", kept.country), role=after.get("role", kept.role),
        mentions=tuple(mentions[k] for k in sorted(mentions)),
    )
    draft.entities = [merged if e.id == kept.id else e for e in draft.entities
                      if e.id == kept.id or e.id not in matched]
    draft.move(lambda item, role, value: merged, matched)
    draft.fixed[merged.id] = _order(correction)


def _split(draft: _Draft, correction: Correction) -> None:
    """Apply an ``entity.split``: the recorded mention, found by where it is and its words,
    leaves its entity for a new one, with the arguments and relations that came through it."""
    before = correction.before if isinstance(correction.before, dict) else {}
    after = correction.after if isinstance(correction.after, dict) else {}
    where = next(iter(_wheres([before.get("mention") or {}])))
    owner = next((e for e in draft.entities
                  if any(draft.where(m) == where for m in e.mentions)), None)
    if owner is None:
        return
    mention = next(m for m in owner.mentions if draft.where(m) == where)
    fields = {"canonical": str(after.get("canonical") or mention.text),
              "label": str(after.get("label") or owner.label),
              "country": after.get("country", owner.country)}
    if len(owner.mentions) == 1:
        # Its own entity already (split before, or by a newer analysis): it takes the name,
        # type and country the analyst gave.
        new = dataclasses.replace(owner, **fields)
        draft.entities = [new if e.id == owner.id else e for e in draft.entities]
        draft.move(lambda item, role, value: new, {owner.id: owner})
    else:
        taken = {e.id for e in draft.entities}
        new_id = f"{owner.id}.{where[0]}"
        while new_id in taken:
            new_id += "+"
        new = Entity(id=new_id, role=None, mentions=(mention,), **fields)
        rest = dataclasses.replace(owner, mentions=tuple(m for m in owner.mentions
                                                         if m != mention))
        entities = []
        for entity in draft.entities:
            entities.extend((rest, new) if entity.id == owner.id else (entity,))
        draft.entities = entities
        draft.move(lambda item, role, value: new if _through(item, role, mention,
                                                             owner.mentions) else None,
                   {owner.id: owner})
    draft.fixed[new.id] = _order(correction)


def _through(item: Event | Relation, role: str, mention: Mention,
             mentions: Sequence[Mention]) -> bool:
    """Whether an event's argument (``role``) or a relation's end came through ``mention``
    of an entity with these ``mentions``: it is the entity's only mention in the sentence,
    or, for an event, the one nearest the trigger among those that are its argument's words
    (else among those within them, else among all)."""
    sentence = item.sentence
    inside = [m for m in mentions
              if sentence.start_char <= m.start_char and m.end_char <= sentence.end_char]
    if mention not in inside:
        return False
    if len(inside) == 1:
        return True
    if not isinstance(item, Event):
        return False
    words = _fold(getattr(item, f"{role}_text", None) or "") if role != "speaker" else ""
    named = ([m for m in inside if words and _fold(m.text) == words]
             or [m for m in inside if words and _fold(m.text) in words] or inside)
    return min(named, key=lambda m: abs(m.start_char - item.trigger.start_char)) == mention
