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

The package, by capability: ``record`` (the ``Correction`` record, the kinds and which
corrections are in force), ``keys`` (the stable keys and the items' names for people),
``making`` (the functions that check an analyst's change and return its ``Correction``),
``applying`` (``apply_corrections`` and ``review_marks``), ``structure`` (merges and splits
applied to the entities, events and relations) and ``restance`` (the stances aggregated again
and carried onto the stored ones).
"""

from __future__ import annotations

# The public names, one a line in the explicit re-export form (``name as name``).
from .applying import apply_corrections as apply_corrections
from .applying import for_article as for_article
from .applying import review_marks as review_marks
from .keys import entity_key as entity_key
from .keys import event_key as event_key
from .keys import event_label as event_label
from .keys import mention_key as mention_key
from .keys import stance_key as stance_key
from .keys import stance_label as stance_label
from .keys import text_key as text_key
from .making import add_stance as add_stance
from .making import correct_entity as correct_entity
from .making import find_sentence as find_sentence
from .making import merge_entities as merge_entities
from .making import set_event_status as set_event_status
from .making import set_stance_status as set_stance_status
from .making import split_entity as split_entity
from .record import ANALYST as ANALYST
from .record import KINDS as KINDS
from .record import POLARITY_SCORES as POLARITY_SCORES
from .record import STATUSES as STATUSES
from .record import STRUCTURE_KINDS as STRUCTURE_KINDS
from .record import Correction as Correction
from .record import latest as latest
from .record import now as now

__all__ = [
    "ANALYST", "KINDS", "POLARITY_SCORES", "STATUSES", "STRUCTURE_KINDS", "Correction",
    "add_stance", "apply_corrections", "correct_entity", "entity_key", "event_key",
    "event_label", "find_sentence", "for_article", "latest", "mention_key", "merge_entities",
    "now", "review_marks", "set_event_status", "set_stance_status", "split_entity",
    "stance_key", "stance_label", "text_key",
]


