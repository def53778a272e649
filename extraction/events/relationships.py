"""Relationships: what a noun says stands between parties is not an act of the timeline.

"Egypt, an ally of Sudan", "Somalia and Eritrea, both at odds with Ethiopia", "under the two
countries' security treaty": the noun names a standing relationship or a thing between the
parties (``relationship_nouns``), not something someone did on a day. Such an event is kept
for what it says about the parties (the relations component makes it a relation, found by
``relationship:<TYPE>``, and the stance rule ``relationship_relation`` counts it) but leaves
the timeline (``Article.events``). A noun a verb acts on ("ended military cooperation",
"brokered a truce") carries that act and stays an event.
"""

from __future__ import annotations

from typing import Any

from spacy.tokens import Doc, Token

from ..model import RELATIONSHIP
from .syntax import _is_verbal
from .words import RELATIONSHIP_NOUNS

__all__ = ["names_a_relationship", "numbered", "states_a_disposition"]


def _trigger_head(doc: Doc, event: dict[str, Any]) -> Token | None:
    """The head token of an event dict's trigger, or None when its offsets cover no token."""
    trigger = event["trigger"]
    span = doc.char_span(int(trigger["start_char"]), int(trigger["end_char"]),
                         alignment_mode="expand")
    return span.root if span is not None and len(span) else None


def names_a_relationship(doc: Doc, event: dict[str, Any]) -> bool:
    """Whether an event's trigger is a noun of a relationship ("ally", "dispute", "treaty")."""
    head = _trigger_head(doc, event)
    if head is None:
        return False
    if head.dep_ in ("dobj", "nsubjpass") and _is_verbal(head.head):
        # "ended military cooperation with France", "brokered a truce", "the deal was
        # signed": a verb acts on the relationship, and the noun carries that act.
        return False
    return head.pos_ in ("NOUN", "PROPN") and (
        head.lemma_.lower() in RELATIONSHIP_NOUNS or head.lower_ in RELATIONSHIP_NOUNS)


def states_a_disposition(doc: Doc, event: dict[str, Any]) -> bool:
    """Whether an event's trigger is an adjective of a disposition towards others ("stood
    ready to help", "remained committed to dialogue", "was deeply concerned by"): a state a
    party is in, told on a day, not an act done on it."""
    head = _trigger_head(doc, event)
    return head is not None and head.pos_ == "ADJ"


def numbered(doc: Doc, events: list[dict[str, Any]], relationships: bool,
             dispositions: bool = False) -> list[dict[str, Any]]:
    """Number the events ``V1``, ``V2``, ... in order; with ``relationships`` (rule
    ``relationship_nouns``), mark those that name a relationship (``RELATIONSHIP``), and
    with ``dispositions`` (rule ``disposition_adjectives``) those that state a disposition:
    both leave the timeline and count through their relations."""
    for number, event in enumerate(events, start=1):
        event["id"] = f"V{number}"
        if relationships and names_a_relationship(doc, event) or \
                dispositions and states_a_disposition(doc, event):
            event[RELATIONSHIP] = True
    return events
