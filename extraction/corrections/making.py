"""Making corrections: each function checks an analyst's change against the article as shown
and returns the ``Correction`` that records it (see ``extraction.corrections``)."""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Sequence
from typing import Any

from ..errors import NewslensError
from ..model import Article, Entity, Mention
from .keys import (
    _Positions,
    entity_key,
    event_key,
    event_label,
    mention_key,
    stance_key,
    stance_label,
    text_key,
)
from .record import POLARITY_SCORES, STATUSES, Correction, latest, now

_ISO3 = re.compile(r"[A-Z]{3}")


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
