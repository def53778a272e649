"""Analyst corrections: what an analyst changed in an analysis, and how to apply it.

A correction names its item by things that survive a re-analysis of the same text, never by
row ids or entity ids (which a newer pipeline may number differently):

- the article by ``text_key``: a hash of its text with whitespace runs collapsed and case
  folded, so the same story pasted, uploaded or ingested is one text;
- an entity by its canonical name (``entity_key``);
- an event by where its trigger starts, counted in non-space characters of the text, and
  the trigger's words (``event_key``);
- a stance by its holder and canonical target (``stance_key``).

The kinds (``KINDS``):

- ``entity.country``, ``entity.label``, ``entity.role``: the entity's field becomes
  ``after``; a new country also becomes the country of the events the entity acts in or is
  the target of, and the target country of stances towards it;
- ``event.status``, ``stance.status``: ``rejected`` removes the item (a rejected event also
  leaves the evidence of every stance; a stance left without evidence goes), ``confirmed``
  keeps it and marks it as checked;
- ``stance.add``: a stance the extraction missed, with its evidence sentence, which must be
  in the text; it is shown as a relation found by ``analyst``.

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
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from .errors import NewslensError
from .model import Article, Entity, Event, Mention, Relation, Stance

#: Every kind of correction, in the order a list shows them.
KINDS = ("entity.country", "entity.label", "entity.role", "event.status", "stance.status",
         "stance.add")
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
    ordered = sorted((c for c in corrections if c.active),
                     key=lambda c: (c.id if c.id is not None else 1 << 62, c.made_at))
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
    if field == "country" and value is not None:
        value = value.upper()
        if not _ISO3.fullmatch(value):
            raise NewslensError(f"'{value}' is not a country code; give an ISO 3166 alpha-3 "
                                "code such as VEN, or none.")
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


def apply_corrections(article: Article, corrections: Iterable[Correction]) -> Article:
    """Return ``article`` with the active corrections of its text applied (see the module).

    Corrections of other texts, undone ones and ones whose item is not in this analysis
    are ignored; the result of applying twice is the result of applying once.
    """
    mine = for_article(article, corrections)
    if not any(c.active for c in mine):
        return article
    final = latest(mine)
    entity_fields: dict[str, dict[str, Any]] = {}
    rejected_events: set[str] = set()
    rejected_stances: set[str] = set()
    added: list[Correction] = []
    for (kind, item), correction in final.items():
        if kind.startswith("entity."):
            entity_fields.setdefault(item, {})[kind.split(".", 1)[1]] = correction.after
        elif kind == "event.status" and correction.after == "rejected":
            rejected_events.add(item)
        elif kind == "stance.status" and correction.after == "rejected":
            rejected_stances.add(item)
        elif kind == "stance.add":
            added.append(correction)

    entities = []
    new_country: dict[str, str | None] = {}
    entity_target_country: dict[str, str | None] = {}
    for entity in article.entities:
        fields = entity_fields.get(entity_key(entity))
        if fields:
            entity = dataclasses.replace(entity, **fields)
            if "country" in fields:
                new_country[entity.id] = fields["country"]
                entity_target_country[f"entity:{entity.canonical}"] = fields["country"]
        entities.append(entity)

    positions = _Positions(article.text)
    events = []
    gone: set[str] = set()
    for event in article.events:
        if event_key(article, event, positions) in rejected_events:
            gone.add(event.id)
            continue
        changes = {}
        if event.actor in new_country:
            changes["actor_country"] = new_country[event.actor]
        if event.target in new_country:
            changes["target_country"] = new_country[event.target]
        events.append(dataclasses.replace(event, **changes) if changes else event)

    # Relations an event made are named after it ("event:TYPE") but keep no event id, so
    # only the stance evidence that cites a rejected event is removed.
    stances = []
    for stance in article.stances:
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
        stances.append(dataclasses.replace(stance, **changes) if changes else stance)

    relations = list(article.relations)
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
        if kind.startswith("entity."):
            marks[item] = "corrected"
        elif kind.endswith(".status") and correction.after == "confirmed":
            marks[item] = "confirmed"
        elif kind == "stance.add":
            after = correction.after or {}
            marks[f"{after.get('holder')}|{after.get('target_key')}"] = "added"
    return marks
