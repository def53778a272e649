"""The data model shared by extraction, the store, the CLI and the dashboard.

Every type is a frozen dataclass whose ``to_dict()`` gives JSON-ready plain values and whose
``from_dict()`` reads them back. All offsets are character offsets into ``Article.text``.
The pipeline's components write exactly these dict shapes into the ``Doc``; the conversion
to dataclasses happens once, at the edge (``extraction.convert``).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from .parties import Party


# Records below share one shape by design (fields, to_dict, from_dict): each spells its JSON.
@dataclass(frozen=True)
class Mention:
    """A span of the article text."""

    text: str
    start_char: int
    end_char: int

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "start_char": self.start_char, "end_char": self.end_char}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Mention:
        return cls(str(data["text"]), int(data["start_char"]), int(data["end_char"]))


@dataclass(frozen=True)
class Entity:
    """One real-world referent with all its mentions in the article."""

    id: str
    canonical: str
    label: str
    country: str | None = None
    role: str | None = None
    mentions: tuple[Mention, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "canonical": self.canonical,
            "label": self.label,
            "country": self.country,
            "role": self.role,
            "mentions": [m.to_dict() for m in self.mentions],
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Entity:
        return cls(
            id=str(data["id"]),
            canonical=str(data["canonical"]),
            label=str(data["label"]),
            country=data.get("country"),
            role=data.get("role"),
            mentions=tuple(Mention.from_dict(m) for m in data.get("mentions", ())),
        )


@dataclass(frozen=True)
class TimeExpression:
    """A temporal expression with its TIMEX3 type and normalized value."""

    text: str
    start_char: int
    end_char: int
    type: str
    value: str
    anchor: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "start_char": self.start_char,
            "end_char": self.end_char,
            "type": self.type,
            "value": self.value,
            "anchor": self.anchor,
        }

    # from_dict mirrors to_dict field by field, with casts, as in every record here.
    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> TimeExpression:
        return cls(
            text=str(data["text"]),
            start_char=int(data["start_char"]),
            end_char=int(data["end_char"]),
            type=str(data["type"]),
            value=str(data["value"]),
            anchor=data.get("anchor"),
        )


@dataclass(frozen=True)
class Event:
    """Who did what to whom, and when, with the words it came from.

    ``actor_text`` and ``target_text`` keep the surface phrase of each argument, so a
    group without an entity ("54 other countries") is still shown to the reader.
    ``modality`` is one of ``MODALITIES``: only what happened makes stance.
    ``actor_sector`` and ``target_sector`` name the part of a country an argument is
    (``military``, ``police``, ``opposition``, ``rebels``) when the text says so ("Thai
    troops", "legislators from the pro-democracy bloc"), else None (the state itself, a
    person, an organisation).
    """

    id: str
    type: str
    trigger: Mention
    sentence: Mention
    # Optional parts, one a line: alike other records' optional fields in form only.
    actor: str | None = None
    target: str | None = None
    actor_country: str | None = None
    target_country: str | None = None
    date: str | None = None
    date_source: str | None = None
    polarity: float = 0.0
    negated: bool = False
    speaker: str | None = None
    actor_text: str | None = None
    target_text: str | None = None
    modality: str = "happened"
    actor_sector: str | None = None
    target_sector: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "type": self.type,
            "trigger": self.trigger.to_dict(),
            "sentence": self.sentence.to_dict(),
            "actor": self.actor,
            "target": self.target,
            "actor_country": self.actor_country,
            "target_country": self.target_country,
            "date": self.date,
            "date_source": self.date_source,
            "polarity": self.polarity,
            "negated": self.negated,
            "speaker": self.speaker,
            "actor_text": self.actor_text,
            "target_text": self.target_text,
            "modality": self.modality,
            "actor_sector": self.actor_sector,
            "target_sector": self.target_sector,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Event:
        return cls(
            id=str(data["id"]),
            type=str(data["type"]),
            trigger=Mention.from_dict(data["trigger"]),
            sentence=Mention.from_dict(data["sentence"]),
            actor=data.get("actor"),
            target=data.get("target"),
            actor_country=data.get("actor_country"),
            target_country=data.get("target_country"),
            date=data.get("date"),
            date_source=data.get("date_source"),
            polarity=float(data.get("polarity", 0.0)),
            negated=bool(data.get("negated", False)),
            speaker=data.get("speaker"),
            actor_text=data.get("actor_text"),
            target_text=data.get("target_text"),
            modality=str(data.get("modality") or "happened"),
            actor_sector=data.get("actor_sector"),
            target_sector=data.get("target_sector"),
        )


#: What an event's text says of it: it took place, is planned or promised, would take place
#: under a condition, or is denied (negated).
MODALITIES = ("happened", "planned", "conditional", "denied")
#: The key an event dict of the pipeline carries when its noun names a relationship ("an
#: ally of", "a treaty between"), not an act: a relation, not an event of the timeline
#: (``extraction.events.relationships``).
RELATIONSHIP = "relationship"


@dataclass(frozen=True)
class Relation:
    """One directed relation between two entities, found in one sentence.

    ``polarity`` is "positive" or "negative"; ``score`` (0..1) how sure the finder is;
    ``found_by`` names the rule (``event:SANCTION``) or ``model`` for the learned classifier.
    """

    id: str
    source: str
    target: str
    polarity: str
    score: float
    sentence: Mention
    found_by: str

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "source": self.source,
            "target": self.target,
            "polarity": self.polarity,
            "score": self.score,
            "sentence": self.sentence.to_dict(),
            "found_by": self.found_by,
        }

    # from_dict mirrors to_dict field by field, with casts, as in every record here.
    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Relation:
        return cls(
            id=str(data["id"]),
            source=str(data["source"]),
            target=str(data["target"]),
            polarity=str(data["polarity"]),
            score=float(data["score"]),
            sentence=Mention.from_dict(data["sentence"]),
            found_by=str(data["found_by"]),
        )


@dataclass(frozen=True)
class Stance:
    """Where a holder stands towards a target, backed by the events and relations listed in
    ``evidence`` (event ids ``V..``, relation ids ``R..``).

    ``holder`` is a key: ``ISO3`` for a state, ``<sector>:ISO3`` for its armed forces,
    opposition and the like, an IGO key (``un``) or ``group:<words>``. ``target_key`` is the
    canonical target in the same scheme, or ``entity:<canonical name>`` for a person or a
    non-state organisation, so "Iran", "Iranian" and "Tehran" as a government are one
    target; ``target`` is its display name. ``current`` is False when every piece of
    evidence lies long before publication (background).
    """

    holder: str
    target: str
    polarity: str
    score: float
    evidence: tuple[str, ...] = ()
    target_country: str | None = None
    target_key: str | None = None
    current: bool = True

    @property
    def holder_party(self) -> Party:
        """The holder as a typed value (kind, country, sector, label)."""
        return Party.parse(self.holder)

    @property
    def target_party(self) -> Party | None:
        """The target as a typed value; None in analyses older than ``target_key``."""
        return Party.parse(self.target_key) if self.target_key else None

    def to_dict(self) -> dict[str, Any]:
        return {
            "holder": self.holder,
            "target": self.target,
            "target_key": self.target_key,
            "target_country": self.target_country,
            "polarity": self.polarity,
            "score": self.score,
            "evidence": list(self.evidence),
            "current": self.current,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Stance:
        return cls(
            holder=str(data["holder"]),
            target=str(data["target"]),
            target_key=data.get("target_key"),
            target_country=data.get("target_country"),
            polarity=str(data["polarity"]),
            score=float(data["score"]),
            evidence=tuple(str(e) for e in data.get("evidence", ())),
            current=bool(data.get("current", True)),
        )


@dataclass(frozen=True)
class Article:
    """An analysed article: its text and everything extracted from it.

    ``warnings`` says what may make the analysis less reliable (English with little prose,
    such as a results table), in words a reader can act on.
    """

    id: str
    text: str
    title: str | None = None
    published: dt.date | None = None
    published_inferred: bool = False
    entities: tuple[Entity, ...] = ()
    time_expressions: tuple[TimeExpression, ...] = ()
    events: tuple[Event, ...] = ()
    stances: tuple[Stance, ...] = field(default=())
    relations: tuple[Relation, ...] = ()
    warnings: tuple[str, ...] = ()

    def entity(self, entity_id: str | None) -> Entity | None:
        """Return the entity with this id, or None."""
        if entity_id is None:
            return None
        for ent in self.entities:
            if ent.id == entity_id:
                return ent
        return None

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "title": self.title,
            "published": self.published.isoformat() if self.published else None,
            "published_inferred": self.published_inferred,
            "text": self.text,
            "entities": [e.to_dict() for e in self.entities],
            "time_expressions": [t.to_dict() for t in self.time_expressions],
            "events": [e.to_dict() for e in self.events],
            "stances": [s.to_dict() for s in self.stances],
            "relations": [r.to_dict() for r in self.relations],
            "warnings": list(self.warnings),
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Article:
        published = data.get("published")
        return cls(
            id=str(data["id"]),
            title=data.get("title"),
            published=dt.date.fromisoformat(published) if published else None,
            published_inferred=bool(data.get("published_inferred", False)),
            text=str(data["text"]),
            entities=tuple(Entity.from_dict(e) for e in data.get("entities", ())),
            time_expressions=tuple(
                TimeExpression.from_dict(t) for t in data.get("time_expressions", ())
            ),
            events=tuple(Event.from_dict(e) for e in data.get("events", ())),
            stances=tuple(Stance.from_dict(s) for s in data.get("stances", ())),
            relations=tuple(Relation.from_dict(r) for r in data.get("relations", ())),
            warnings=tuple(str(w) for w in data.get("warnings", ())),
        )
