"""Event arguments: who a noun phrase in the parse refers to, and which country it stands for.

An argument is resolved from its head token: the newslens entity covering the phrase (a
person, an organisation, a country, a demonym), else a country or organisation named inside
it (through the resources gazetteer), a sector of a country ("the Venezuelan opposition",
"the military"), a group of states ("54 other countries"), an apposition ("X, Algeria's
leading activist"), a state noun standing for the one country just named ("the country",
"its government"), or a pronoun resolved against the text before it. ``holder_key`` turns
an argument into the stance holder scheme the dashboard relies on: ``VEN``,
``opposition:VEN``, ``un``, ``group:54 other countries``.

The resolution lives in modules, lowest first: ``docindex`` (``Arg``, ``DocIndex`` and
phrase helpers), ``references`` (clues looked up without resolving another phrase),
``resolve`` (``resolve_one``: one argument, pronouns, state nouns) and ``groups``
(coordination, members, pairs: ``resolve``, ``expand_agents``). This module builds the
``DocIndex`` (``build_index``), keys stance holders (``holder_key``) and names the
switchable argument rules (``ARGUMENT_RULES``).
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from typing import Any

from spacy.tokens import Doc, Token

from .. import resources
from .docindex import Arg, DocIndex, datelines, shared_name_country
from .groups import (
    _included_members,
    _modifier_conjuncts,
    _of_conjuncts,
    _principal_pair,
    _recent_list,
    _whose,
    resolve,
    split_subjects,
    state_group,
)
from .references import (
    OPPOSITION_MARKS,
    SECTOR_NOUNS,
    SECTOR_ROLES,
    _named_group,
    _quote_speaker,
    backer_of,
    city_is_place,
    group_size,
    is_pair_reference,
    named_institution,
    organ_country,
    protagonist,
)
from .resolve import (
    MEMBER_NOUNS,
    PEOPLE_NOUNS,
    SUBJECT_DEPS,
    _bound_possessive,
    _office_country,
    _pronoun,
    resolve_one,
)
from .syntax import _far_agent, opening_name
from .words import PLACE_MARKS

__all__ = [
    "ARGUMENT_RULES", "Arg", "DocIndex", "OPPOSITION_MARKS", "PEOPLE_NOUNS", "PLACE_MARKS",
    "build_index", "holder_key", "protagonist", "resolve", "resolve_one",
    "shared_name_country",
]


QUOTES = frozenset({'"', "\u201c", "\u201d", "''", "``"})


def _main_clause(tok: Token) -> bool:
    """Whether a subject belongs to its sentence's main clause (its root, or a verb
    coordinated with the root), not to a clause inside it."""
    head = tok.head
    while head.dep_ == "conj" and head.head.i != head.i:
        head = head.head
    return head.dep_ == "ROOT"


# One pass builds every per-document lookup (entities by token, quotes, pronoun
# antecedents, datelines); each branch fills one table, and splitting them would walk the
# document once per table.
def build_index(doc: Doc, entities: Sequence[dict[str, Any]] | None,  # noqa: C901
                published: str | None = None, *,
                rules: Collection[str] | None = None) -> DocIndex:
    """Index a document's entities by token and precompute pronoun antecedents.

    Args:
        doc: a parsed document.
        entities: ``Entity.to_dict()`` dicts (may be empty or None).
        published: the article's date (ISO), used to date office holders.
        rules: names of ``ARGUMENT_RULES`` to apply; all when None.
    """
    active = frozenset(ARGUMENT_RULES) if rules is None else frozenset(rules)
    n = len(doc)
    token_entity: list[str | None] = [None] * n
    by_id: dict[str, dict[str, Any]] = {}
    first_token: dict[str, int] = {}
    for ent in entities or ():
        eid = str(ent.get("id"))
        by_id[eid] = ent
        for mention in ent.get("mentions", ()):
            span = doc.char_span(int(mention["start_char"]), int(mention["end_char"]),
                                 alignment_mode="expand")
            if span is None or not len(span):
                continue
            first_token.setdefault(eid, span.root.i)
            for tok in span:
                if token_entity[tok.i] is None:
                    token_entity[tok.i] = eid
    in_quote = [False] * n
    inside = False
    for tok in doc:
        if tok.text in QUOTES or (tok.text == "'" and tok.is_punct and tok.tag_ != "POS"):
            inside = not inside if tok.text in ('"', "'") else tok.text in ("\u201c", "``")
            in_quote[tok.i] = False
            continue
        in_quote[tok.i] = inside
        if tok.is_sent_start:
            # A quote never spans a paragraph without a closing mark in news text; reset at
            # paragraph breaks so one stray quote cannot swallow the article.
            if "\n\n" in doc[max(tok.i - 1, 0)].text_with_ws or tok.i == 0:
                inside = False
                in_quote[tok.i] = False
    last_person: list[str | None] = [None] * n
    last_thing: list[str | None] = [None] * n
    last_plural: list[int | None] = [None] * n
    person: str | None = None
    thing: str | None = None
    plural: int | None = None
    # The person subject of the current sentence's main clause: "X said Y had no right ...
    # He thanked ...": "he" is the one who spoke, not someone named inside what was said.
    main_person: str | None = None
    for tok in doc:
        if tok.is_sent_start:
            person = main_person or person
            main_person = None
        last_person[tok.i] = person
        last_thing[tok.i] = thing
        last_plural[tok.i] = plural
        if in_quote[tok.i] or tok.dep_ not in SUBJECT_DEPS and not opening_name(tok):
            continue
        if tok.tag_ in ("NNS", "NNPS") and not any(c.dep_ == "conj" for c in tok.children):
            plural = tok.i
        eid = token_entity[tok.i]
        if eid is None:
            continue
        label = by_id[eid].get("label")
        if label == "PERSON":
            person = eid
            if _main_clause(tok):
                main_person = eid
        elif by_id[eid].get("country") or label in ("GPE", "ORG"):
            thing = eid
    dateline = datelines(doc) if "dateline" in active else frozenset()
    for i in dateline:
        token_entity[i] = None
    return DocIndex(doc, by_id, token_entity, in_quote, last_person, last_thing, published,
                    last_plural, dateline, active, first_token)


#: Words that leave a group of states unnamed: "other countries", "some nations".
VAGUE_GROUP_WORDS = frozenset({"other", "some", "many", "several", "various", "certain",
                               "foreign", "few", "more", "most", "all", "the", "these",
                               "those", "such", "both"})

# The key schemes (IGO, sector role, named group, a state's person, the state) are
# tried in order and the first that applies wins; the order is the rule.
def holder_key(*, entity: dict[str, Any] | None, text: str | None, country: str | None,  # noqa: C901
               sector: str | None = None) -> str | None:
    """The stance holder key for an argument.

    Args:
        entity: the argument's ``Entity.to_dict()``, if any.
        text: its surface text ("54 other countries", "the military").
        country: its ISO-3 country, if known.
        sector: its sector if already known (else derived from the entity role or the text).

    Returns:
        ``ISO3`` for a state (leaders, officials, ministries, embassies, capitals),
        ``<sector>:ISO3`` for its military, opposition or rebels, an IGO key (``un``),
        ``group:<text>`` for several states without one code, or None.
    """
    role = (entity.get("role") or "").lower() if entity else ""
    if entity is not None and ":" in role and not (country or entity.get("country")):
        # An organisation's official ("un:secretary-general") speaks for the organisation.
        return role.split(":", 1)[0]
    if sector is None:
        sector = SECTOR_ROLES.get(role)
    if sector is None and text:
        words = text.lower().split()
        for at, word in enumerate(words):
            if at and word in ("in", "of", "from", "at"):
                # "opposition in Togo", "soldiers of the army": the head comes first.
                words = words[:at]
                break
        if words:
            sector = SECTOR_NOUNS.get(words[-1]) or SECTOR_NOUNS.get(words[-1].rstrip("s"))
        if sector is None and any(w.strip(",.'\"") in OPPOSITION_MARKS for w in words):
            # "pro-democracy activists", "anti-government protesters".
            sector = "opposition"
        if sector is None and len(words) > 1 and words[-1].rstrip("s") in MEMBER_NOUNS:
            # "opposition leaders", "rebel commanders", "army officers": whose members.
            sector = SECTOR_NOUNS.get(words[-2]) or SECTOR_NOUNS.get(words[-2].rstrip("s"))
    if entity is not None:
        country = country or entity.get("country")
    if country:
        return f"{sector}:{country}" if sector else country
    names = [str(entity.get("canonical", ""))] if entity else []
    if text:
        names.append(text)
    # (A city stands for an organisation only where no entity says what it is.)
    lookup = resources.igo_key if entity is not None else resources.igo_named
    for name in names:
        key = lookup(name) if name else None
        if key:
            return key
    if role and resources.igo_name(role) != role:
        # An organ of an organisation known by its own name ("the African Union's Peace and
        # Security Council", role "au"): that organisation.
        return role
    if text and entity is None:
        words = text.lower().split()
        if len(words) > 1 and (words[-1] in ("countries", "nations", "states", "governments",
                                             "allies", "members", "powers", "democracies")) \
                and not all(w in VAGUE_GROUP_WORDS for w in words[:-1]):
            # "54 other countries", "Western powers"; "other countries" or "some nations"
            # name no one an analyst could tell apart.
            return f"group:{' '.join(words)}"
    return None


# Argument rules by name, switchable through ``extract_events(rules=...)``.
ARGUMENT_RULES = {
    "dateline": datelines,
    "quoted_first_person": _quote_speaker,
    "pair_reference": is_pair_reference,
    "counted_reference": group_size,
    "counted_list": _recent_list,
    "state_groups": state_group,
    "principal_pair": _principal_pair,
    "quoted_protagonist": protagonist,
    "previous_subject": _pronoun,
    "collective_they": _pronoun,
    "far_agent": _far_agent,
    "appositive_name": resolve_one,
    "people_of_place": resolve_one,
    "of_conjuncts": _of_conjuncts,
    "modifier_conjuncts": _modifier_conjuncts,
    "possessive_subject": _bound_possessive,
    "backer_not_owner": backer_of,
    "igo_members": resolve_one,
    "included_members": _included_members,
    "named_group": _named_group,
    "city_is_place": city_is_place,
    "institution_reference": named_institution,
    "organ_reference": organ_country,
    "office_country": _office_country,
    "split_subjects": split_subjects,
    "relative_owner": _whose,
}
