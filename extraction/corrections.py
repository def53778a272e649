"""Analyst corrections: what an analyst changed in an analysis, and how to apply it.

A correction names its item by things that survive a re-analysis of the same text, never by
row ids or entity ids (which a newer pipeline may number differently):

- the article by ``text_key``: a hash of its text with whitespace runs collapsed and case
  folded, so the same story pasted, uploaded or ingested is one text;
- an entity by its canonical name (``entity_key``), or, for a merge, by its name or any of
  its mentions; a mention by where it starts, counted in non-space characters of the text,
  and its words (``mention_key``);
- an event by where its trigger starts, counted in non-space characters of the text, and
  the trigger's words (``event_key``);
- a stance by its holder and canonical target (``stance_key``).

The kinds (``KINDS``):

- ``entity.country``, ``entity.label``, ``entity.role``: the entity's field becomes
  ``after``; a new country also becomes the country of the events the entity acts in or is
  the target of, and the target country of stances towards it;
- ``entity.merge``: two or more entities are one; their mentions are united under the first
  one's id, with the name, type and country the analyst chose, and the events and relations
  that named any of them name the merged one;
- ``entity.split``: one mention is another entity, with its own name, type and country; the
  event arguments and relations that came through that mention move to it;
- ``event.status``, ``stance.status``: ``rejected`` removes the item (a rejected event also
  leaves the evidence of every stance; a stance left without evidence goes), ``confirmed``
  keeps it and marks it as checked;
- ``stance.add``: a stance the extraction missed, with its evidence sentence, which must be
  in the text; it is shown as a relation found by ``analyst``.

Stances follow the entities: after a correction that changes what an entity is or which
entity an event or relation names (or that rejects an event), the stances are aggregated
again from the corrected events, relations and entities with the pipeline's own pure
aggregation (``extraction.events.stance.aggregate_stances``), without parsing anything, so a
person corrected from USA to BOL makes the stances that came through them Bolivia's. What
the aggregation changes is carried onto the stored stances field by field, so an analysis
made by an older pipeline keeps what the correction does not touch.

``apply_corrections`` is pure: it takes an ``Article`` and corrections and returns the
corrected ``Article``. It is idempotent, so applying to an already corrected article changes
nothing. Undone corrections (``undone_at`` set) are kept for the record and ignored.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import itertools
import json
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from .errors import NewslensError
from .model import Article, Entity, Event, Mention, Relation, Stance

#: Every kind of correction, in the order a list shows them.
KINDS = ("entity.country", "entity.label", "entity.role", "entity.merge", "entity.split",
         "event.status", "stance.status", "stance.add")
#: The kinds that change which entities there are (applied first, in the order made).
STRUCTURE_KINDS = ("entity.merge", "entity.split")
#: The values of ``event.status`` and ``stance.status``.
STATUSES = ("confirmed", "rejected")
#: The stance an analyst can add, with the score it gets.
POLARITY_SCORES = {"support": 1.0, "oppose": -1.0, "mixed": 0.0}
#: ``Relation.found_by`` of the evidence an analyst added.
ANALYST = "analyst"

_ISO3 = re.compile(r"[A-Z]{3}")


@dataclass(frozen=True)
class Correction:
    """One change an analyst made to one item of one article's analysis.

    ``before`` and ``after`` are plain JSON values (a string, None, or for ``stance.add`` an
    object). ``label`` names the item for people ("Twitter", "ACCUSE: accused"). ``id`` is
    the store's row number (None until stored); ``undone_at`` when it was undone.
    """

    text_key: str
    kind: str
    item: str
    before: Any
    after: Any
    article_id: str | None = None
    label: str = ""
    made_at: str = ""
    id: int | None = None
    undone_at: str | None = None

    @property
    def active(self) -> bool:
        """Whether it applies (it was not undone)."""
        return self.undone_at is None

    def describe(self) -> str:
        """One line saying what was changed, for lists and the CLI."""
        name = self.label or self.item
        if self.kind == "stance.add":
            after = self.after or {}
            return (f"added stance {after.get('holder')} {after.get('polarity')} "
                    f"{after.get('target')}")
        if self.kind == "entity.merge":
            after = self.after if isinstance(self.after, dict) else {}
            names = [str(e.get("canonical")) for e in (self.before or {}).get("entities", ())]
            return (f"merged {', '.join(names)} into {after.get('canonical')} "
                    f"({after.get('country') or 'no country'})")
        if self.kind == "entity.split":
            after = self.after if isinstance(self.after, dict) else {}
            before = self.before if isinstance(self.before, dict) else {}
            mention = before.get("mention") or {}
            owner = (before.get("entity") or {}).get("canonical")
            return (f"split '{mention.get('text')}' off {owner} as {after.get('canonical')} "
                    f"({after.get('country') or 'no country'})")
        field = self.kind.split(".", 1)[1]
        if field == "status":
            return f"{self.after} {self.kind.split('.')[0]} {name}"
        return f"{name}: {field} {self.before or '-'} → {self.after or '-'}"

    def to_dict(self) -> dict[str, Any]:
        return dataclasses.asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Correction:
        names = {f.name for f in dataclasses.fields(cls)}
        return cls(**{k: v for k, v in data.items() if k in names})


def now() -> str:
    """The time a correction is made, as stored (UTC, ISO 8601)."""
    return dt.datetime.now(dt.UTC).isoformat(timespec="microseconds")


def _fold(text: str) -> str:
    return " ".join(text.split()).casefold()


def text_key(text: str) -> str:
    """The key of a text however it is spaced or capitalised: a 32-digit hex hash."""
    return hashlib.sha256(_fold(text).encode("utf-8")).hexdigest()[:32]


def entity_key(entity: Entity) -> str:
    """An entity's stable key: its canonical name, spacing and case folded."""
    return _fold(entity.canonical)


class _Positions:
    """Character offsets of a text as counts of the non-space characters before them."""

    def __init__(self, text: str) -> None:
        self._counts = [0, *itertools.accumulate(not c.isspace() for c in text)]

    def __call__(self, offset: int) -> int:
        return self._counts[max(0, min(offset, len(self._counts) - 1))]


def mention_key(article: Article, mention: Mention, positions: _Positions | None = None
                ) -> str:
    """A mention's stable key: its start in non-space characters, and its words."""
    where = (positions or _Positions(article.text))(mention.start_char)
    return f"{where}:{_fold(mention.text)}"


def event_key(article: Article, event: Event, positions: _Positions | None = None) -> str:
    """An event's stable key: its trigger's start in non-space characters, and its words."""
    where = (positions or _Positions(article.text))(event.trigger.start_char)
    return f"{where}:{_fold(event.trigger.text)}"


def stance_key(stance: Stance) -> str:
    """A stance's stable key: ``holder|canonical target``."""
    return f"{stance.holder}|{stance.target_key or stance.target}"


def event_label(event: Event) -> str:
    """An event named for people: its type, trigger and the start of its sentence."""
    sentence = " ".join(event.sentence.text.split())
    if len(sentence) > 60:
        sentence = sentence[:59] + "…"
    return f"{event.type} '{event.trigger.text}': {sentence}"


def stance_label(stance: Stance) -> str:
    """A stance named for people."""
    return f"{stance.holder} {stance.polarity} {stance.target}"


# -- making corrections -------------------------------------------------------------------


def latest(corrections: Iterable[Correction]) -> dict[tuple[str, str], Correction]:
    """The correction in force per (kind, item): the last active one (by id, then time)."""
    ordered = sorted((c for c in corrections if c.active), key=_order)
    return {(c.kind, c.item): c for c in ordered}


def correct_entity(article: Article, entity_id: str, field: str, value: str | None
                   ) -> Correction:
    """A correction of one field (country, label or role) of an entity of ``article``.

    Args:
        article: the article as shown (corrections already applied).
        entity_id: the entity's id in ``article``.
        field: ``country`` (ISO 3166 alpha-3 or None), ``label`` or ``role``.
        value: the new value; empty means none (not allowed for ``label``).

    Raises:
        NewslensError: no such entity, an unknown field, a malformed value, or no change.
    """
    entity = article.entity(entity_id)
    if entity is None:
        raise NewslensError(f"The article has no entity {entity_id!r}.")
    if field not in ("country", "label", "role"):
        raise NewslensError(f"An entity's {field!r} cannot be corrected; correct its country, "
                            "label or role.")
    value = (value or "").strip() or None
    if field == "country":
        value = _country(value)
    if field == "label":
        if value is None:
            raise NewslensError("An entity needs a type; pick one such as PERSON or ORG.")
        value = value.upper()
    if value is not None and len(value) > 200:
        raise NewslensError("The value is longer than 200 characters.")
    before = getattr(entity, field)
    if before == value:
        raise NewslensError(f"{entity.canonical}'s {field} is already {value or 'empty'}.")
    return Correction(
        text_key=text_key(article.text), kind=f"entity.{field}", item=entity_key(entity),
        before=before, after=value, article_id=article.id, label=entity.canonical,
        made_at=now(),
    )


def _country(value: str | None) -> str | None:
    """An ISO-3 code as given (upper-cased), or None for an empty value.

    Raises:
        NewslensError: a value that is not a three-letter code.
    """
    value = (value or "").strip().upper() or None
    if value is not None and not _ISO3.fullmatch(value):
        raise NewslensError(f"'{value}' is not a country code; give an ISO 3166 alpha-3 "
                            "code such as VEN, or none.")
    return value


def _name(value: str | None, default: str) -> str:
    name = " ".join((value or "").split()) or default
    if len(name) > 200:
        raise NewslensError("The name is longer than 200 characters.")
    return name


def _record(entity: Entity, positions: _Positions) -> dict[str, Any]:
    """An entity as a correction records it: what it was, and where its mentions are."""
    return {"key": entity_key(entity), "canonical": entity.canonical, "label": entity.label,
            "country": entity.country, "role": entity.role,
            "mentions": [{"at": positions(m.start_char), "text": m.text,
                          "start_char": m.start_char, "end_char": m.end_char}
                         for m in entity.mentions]}


def merge_entities(article: Article, entity_ids: Sequence[str], *, name: str | None = None,
                   country: str | None = None) -> Correction:
    """A correction that makes two or more entities of ``article`` one.

    The first entity is the one kept: its id, type and role stay, the others' mentions join
    its own, and the events and relations that named any of them name it.

    Args:
        article: the article as shown (corrections already applied).
        entity_ids: the entities' ids in ``article``, the one to keep first.
        name: the merged entity's name; None keeps the first one's.
        country: its ISO-3 country; None keeps the first one's, an empty string means none.

    Raises:
        NewslensError: fewer than two entities, an id the article lacks, a malformed
            country or a name over 200 characters.
    """
    ids = list(dict.fromkeys(entity_ids))
    if len(ids) < 2:
        raise NewslensError("Pick at least two entities to merge.")
    found = [article.entity(i) for i in ids]
    missing = [i for i, e in zip(ids, found, strict=True) if e is None]
    if missing:
        raise NewslensError(f"The article has no entity {missing[0]!r}.")
    entities = [e for e in found if e is not None]
    kept = entities[0]
    positions = _Positions(article.text)
    after = {"canonical": _name(name, kept.canonical), "label": kept.label,
             "role": kept.role,
             "country": kept.country if country is None else _country(country)}
    return Correction(
        text_key=text_key(article.text), kind="entity.merge",
        item="+".join(entity_key(e) for e in entities),
        before={"entities": [_record(e, positions) for e in entities]}, after=after,
        article_id=article.id, label=" + ".join(e.canonical for e in entities),
        made_at=now(),
    )


def split_entity(article: Article, entity_id: str, start_char: int, *,
                 name: str | None = None, label: str | None = None,
                 country: str | None = None) -> Correction:
    """A correction that makes one mention of an entity an entity of its own.

    Args:
        article: the article as shown (corrections already applied).
        entity_id: the entity's id in ``article``.
        start_char: where the mention starts in the text.
        name: the new entity's name; None takes the mention's words.
        label: its type (PERSON, ORG, ...); None keeps the entity's.
        country: its ISO-3 country; None keeps the entity's, an empty string means none.

    Raises:
        NewslensError: no such entity or mention, an entity with a single mention, a
            malformed country or type.
    """
    entity = article.entity(entity_id)
    if entity is None:
        raise NewslensError(f"The article has no entity {entity_id!r}.")
    mention = next((m for m in entity.mentions if m.start_char == start_char), None)
    if mention is None:
        raise NewslensError(f"{entity.canonical} has no mention at character {start_char}.")
    if len(entity.mentions) < 2:
        raise NewslensError(f"{entity.canonical} has only this mention: there is nothing to "
                            "split it from. Correct the entity instead.")
    label = (label or "").strip().upper() or entity.label
    if len(label) > 40:
        raise NewslensError("The type is longer than 40 characters.")
    positions = _Positions(article.text)
    after = {"canonical": _name(name, mention.text), "label": label,
             "country": entity.country if country is None else _country(country)}
    return Correction(
        text_key=text_key(article.text), kind="entity.split",
        item=mention_key(article, mention, positions),
        before={"entity": _record(entity, positions),
                "mention": {"at": positions(mention.start_char), "text": mention.text,
                            "start_char": mention.start_char, "end_char": mention.end_char}},
        after=after, article_id=article.id, label=f"{mention.text} ({entity.canonical})",
        made_at=now(),
    )


def _status(corrections: Sequence[Correction], kind: str, item: str) -> str:
    found = latest(corrections).get((kind, item))
    return str(found.after) if found else "extracted"


def set_event_status(article: Article, event_id: str, status: str,
                     corrections: Sequence[Correction] = ()) -> Correction:
    """A correction that confirms or rejects an event of ``article``.

    Raises:
        NewslensError: no such event, or an unknown status.
    """
    if status not in STATUSES:
        raise NewslensError(f"Unknown status {status!r}: use confirmed or rejected.")
    event = next((e for e in article.events if e.id == event_id), None)
    if event is None:
        raise NewslensError(f"The article has no event {event_id!r}.")
    item = event_key(article, event)
    return Correction(
        text_key=text_key(article.text), kind="event.status", item=item,
        before=_status(corrections, "event.status", item), after=status,
        article_id=article.id, label=event_label(event), made_at=now(),
    )


def set_stance_status(article: Article, key: str, status: str,
                      corrections: Sequence[Correction] = ()) -> Correction:
    """A correction that confirms or rejects the stance ``key`` (``stance_key``).

    Raises:
        NewslensError: the article has no such stance, or an unknown status.
    """
    if status not in STATUSES:
        raise NewslensError(f"Unknown status {status!r}: use confirmed or rejected.")
    stance = next((s for s in article.stances if stance_key(s) == key), None)
    if stance is None:
        raise NewslensError(f"The article has no stance {key!r}.")
    return Correction(
        text_key=text_key(article.text), kind="stance.status", item=key,
        before=_status(corrections, "stance.status", key), after=status,
        article_id=article.id, label=stance_label(stance), made_at=now(),
    )


def find_sentence(text: str, sentence: str) -> Mention | None:
    """Where ``sentence`` is in ``text``, however either is spaced or capitalised."""
    words = sentence.split()
    if not words:
        return None
    pattern = r"\s+".join(re.escape(w) for w in words)
    found = re.search(pattern, text, flags=re.IGNORECASE)
    if found is None:
        return None
    return Mention(found.group(0), found.start(), found.end())


def add_stance(article: Article, *, holder: str, target: str, polarity: str, sentence: str,
               target_key: str | None = None, target_country: str | None = None) -> Correction:
    """A correction that adds a stance the extraction missed, with its evidence sentence.

    Args:
        article: the article.
        holder: the holder key (``USA``, ``military:VEN``, ``un``, ``group:...``).
        target: the target's display name.
        polarity: ``support``, ``oppose`` or ``mixed``.
        sentence: the evidence, a sentence (or part of one) of the article's text.
        target_key: the canonical target key; the name when None.
        target_country: the target's ISO-3 country, if any.

    Raises:
        NewslensError: an empty holder or target, an unknown polarity, or a sentence that is
            not in the text.
    """
    holder, target = holder.strip(), target.strip()
    if not holder or not target:
        raise NewslensError("A stance needs a holder and a target.")
    if polarity not in POLARITY_SCORES:
        raise NewslensError(f"Unknown stance {polarity!r}: use support, oppose or mixed.")
    if len(sentence) > 2000:
        raise NewslensError("The evidence is longer than 2,000 characters; give one sentence.")
    found = find_sentence(article.text, sentence)
    if found is None:
        raise NewslensError("The evidence sentence is not in the article's text; copy it "
                            "from the text as it is written.")
    key = (target_key or target).strip()
    after = {"holder": holder, "target": target, "target_key": key,
             "target_country": target_country or None, "polarity": polarity,
             "sentence": " ".join(found.text.split())}
    digest = hashlib.sha256(json.dumps(after, sort_keys=True).encode()).hexdigest()[:12]
    return Correction(
        text_key=text_key(article.text), kind="stance.add", item=f"{holder}|{key}|{digest}",
        before=None, after=after, article_id=article.id,
        label=f"{holder} {polarity} {target}", made_at=now(),
    )


# -- applying them ------------------------------------------------------------------------


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


def _order(correction: Correction) -> tuple[int, str]:
    """Where a correction comes among those made: by id when stored, then by time."""
    return (correction.id if correction.id is not None else 1 << 62, correction.made_at)


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


def _restance(article: Article, entities: Sequence[Entity], events: Sequence[Event],
              relations: Sequence[Relation]) -> list[Stance]:
    """The article's stances after its entities, events or relations were corrected.

    The pipeline's aggregation runs twice, on the analysis as extracted and as corrected;
    what changed between the two is carried onto the stored stances (``_carry``).
    """
    # Imported here: the store and the CLI read corrections without loading the rules.
    from .events.stance import aggregate_stances

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
