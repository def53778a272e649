"""Events from a parsed document: trigger, type, actor, target, polarity, speaker and date.

The rules, in the order they apply to each trigger the lexicon finds:

- control verbs ("refuses to hand over the government to Guaido", "urged Iran to free")
  fold their clause into one event: the actor is the control verb's subject, the target
  comes from the clause, the type from the control verb; intent verbs ("promised",
  "threatened", "ready to") and the future ("will withdraw") make an AGREE of a
  cooperative act and a THREATEN of a conflictual one, as PLOVER codes intentions;
- actor and target from the subject, object, dative, passive agent ("backed by the
  military"), prepositional and possessive arguments, across coordination, relative clauses,
  participles and infinitives that share their subject with the verb above them;
- negation ("not", "never", "no longer") turns a cooperative act into a REJECT; any other act
  told as not done is no event ("had not met"); modality ("could", "hoped") halves intensity;
- reported speech: the subject of a speech verb ("Pompeo said ...") is the ``speaker`` of
  every event in its clause; "X said Y must ..." is a REQUEST by X;
- the date: the time expression attached to the event's clause, else the nearest one in a
  clause above it in the sentence, else the publication date (``date_source`` says which);
- a place is a target only when no party is named, PLOVER-style, and its ``target_text``
  then starts with "in " so that readers (and the stance) see it is where, not whom;
- as event data codes news, some parties are inferred and marked so: a state's act on
  people it names without a country, or a measure such as martial law, is domestic;
  violence by unnamed authors ("a roadside bomb"), an arrest in the passive and abuse in
  custody are coded to the state where they happen (actor text "in <country>", no stance);
  crowds and unknown parties act where the text places them; uncoded dissent against one
  state's organs is that state's; a threat's target may be named only in its condition.

Everything here is a pure function of the ``Doc`` and plain dicts; nothing raises on odd
parses (missing heads, empty sentences).

The rules live in modules by capability, lowest first: ``syntax`` (parse helpers), ``frame``
(the event being built: type, mode, polarity), ``targets`` (a trigger's actors and targets),
``places`` (parties inferred from where an act happens, the domestic story), ``dates``,
``parties`` (who may be a party, actor x target pairs), ``judgements`` (characterisations,
quoted judgements, judged acts, denied charges), ``acts`` (frames the special rules add:
coups, perpetrators, dated acts, obligations, backers) and ``frames`` (the frames of a
document). This module is the driver, ``extract_events``, with the registry ``RULES``.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Sequence
from typing import Any

from spacy.tokens import Doc, Span, Token

from .. import resources
from .acts import (
    _claimed_attacks,
    _coup_frames,
    _dated_act_frames,
    _party_act_frames,
    _perpetrator_frames,
    _possessor_support,
)
from .aims import (
    _condition_targets,
    _occasion_host,
    _own_forces,
    _release_demands,
    _removal_targets,
    _show_of_force,
    _struck_targets,
    _without_own_forces,
)
from .arguments import ARGUMENT_RULES, build_index
from .backing import backing_parties
from .dates import (
    _conjunct_date,
    _dated_speaker,
    _lone_date,
    _opening_date,
    _recent_day,
    _same_line,
    _timex_spans,
    _undated_act,
    counted_offset,
    event_date,
    line_breaks,
    narrative_day,
    narrative_starts,
)
from .docindex import Arg, DocIndex
from .frame import Frame, _ceased, _polarity, _refusal, _requested, _type_for
from .frames import (
    DROP_RULES,
    UNTOLD_RULES,
    _accidental,
    _aimed_at,
    _announced,
    _defied,
    _definite_reference,
    _final_mode,
    _frames,
    _headline_future,
    _no_reported_speech,
    _operation_author,
    _refused_resignation,
    _state_author,
    _verbal_attack,
)
from .judgements import (
    _defended_victims,
    _denied_charges,
    _document_author,
    _judged_acts,
    _judgement,
    _quoted_judgements,
)
from .lexicon import ACTION, INCIDENT, MATERIAL, STATEMENT, Lexicon, load_lexicon
from .parties import (
    _arg_key,
    _between,
    _contested,
    _dissenting_people,
    _helping_deployment,
    _inert,
    _inert_subject,
    _is_named_party,
    _moves_own_people,
    _natural_cause,
    _not_media,
    _pairs,
    _speaking_party,
    _unnamed_doer,
)
from .places import (
    _armed_sector,
    _at_home,
    _domestic_targets,
    _home_opposition,
    _homeless,
    _is_unnamed_act,
    _located,
    _location,
    _sector_countries,
    _sector_home,
    _sector_targets,
    _sentence_country,
    _target_tokens,
    _unattributed,
    home_country,
)
from .relationships import names_a_relationship, numbered, states_a_disposition
from .syntax import (
    _clause,
    _not_yet,
    _participle_patient,
    _refused,
    _topic_of_noun,
    _under_denial,
    _undergoing_verb,
    _warned_against,
)
from .targets import _at_place, _is_place, _noun_arguments, _object_targets, _verb_arguments
from .telling import words_told_now

__all__ = ["RULES", "check_rules", "extract_events", "home_country"]


HELPING_INTENSITY = 0.5


def _mention(span_or_tok: Span | Token) -> dict[str, Any]:
    if isinstance(span_or_tok, Token):
        start = span_or_tok.idx
        return {"text": span_or_tok.text, "start_char": start,
                "end_char": start + len(span_or_tok.text)}
    return {"text": span_or_tok.text, "start_char": span_or_tok.start_char,
            "end_char": span_or_tok.end_char}


def _sentence_mention(sent: Span) -> dict[str, Any]:
    text = sent.text
    stripped = text.strip()
    offset = sent.start_char + (len(text) - len(text.lstrip()))
    return {"text": stripped, "start_char": offset, "end_char": offset + len(stripped)}


# Each branch is one named rule that may add an inferred party, applied in order to
# the same two lists; the order is part of the rules.
def _event_parties(index: DocIndex, frame: Frame, active: frozenset[str], home: str | None,  # noqa: C901
                   leading: str | None) -> tuple[list[Arg], list[Arg]]:
    """A frame's actors and targets, with the parties the rules infer (a place, a story's home)."""
    if "media_not_actor" in active and frame.type in MATERIAL:
        frame.actors = _not_media(index, frame.actors)
    actors, targets = _sector_countries(frame.actors, frame.targets)
    actors = _unattributed(index, frame, _located(index, frame.trigger, actors), home)
    if frame.type == "THREATEN" and not any(t.country or t.igo for t in targets):
        targets = _condition_targets(index, frame, actors) or targets
    if frame.type == "REQUEST" and "undo_demand" in active:
        # "demanded the impeachment of X": X, not the impeachment, is the target.
        targets = _removal_targets(index, frame.trigger) or targets
    if frame.type != INCIDENT and frame.entry.stance and not any(
            (t.country or t.igo or t.kind == "group") and not _is_place(t)
            for t in targets):
        # No party as target, or only the place of the act ("arrested 12 demonstrators
        # in Cairo"): people acted upon there are the target.
        # "Police arrested 96 people": the police are the home country's before their
        # act on people without a country can be domestic.
        acting = _at_home(index, frame, actors, home) if home is not None and \
            "home_first" in active else actors
        targets = _domestic_targets(index, frame, acting, home) or targets
    actors = _home_opposition(index, frame, actors, targets)
    if "armed_sector" in active:
        actors = _armed_sector(index, frame, actors)
    if home is not None:
        actors = _at_home(index, frame, actors, home)
    elif "sentence_country" in active:
        # A short text with no country of its own: the one country its sentence names.
        # For a named person or organisation, the state acted upon does not count: "Bishop
        # X called for sanctions against Venezuela" is not Venezuela calling for them ("the
        # ruling party endorsed President X" is still X's country's party).
        placed = []
        for a in actors:
            here = _sentence_country(index, frame.trigger, skip=_target_tokens(
                index, targets) if a.entity is not None else frozenset()) \
                if _homeless(index, a) else None
            placed.append(a if here is None else Arg(
                a.head, a.text, "country" if a.entity is None else a.kind, a.entity, here,
                a.sector, None, a.label))
        actors = placed
    if not actors and frame.type == "PROTEST" and "unnamed_protest" in active and \
            _is_unnamed_act(frame.trigger):
        # "Protests erupted in Tbilisi": the people of the country where they happen.
        where = _location(index, [frame.trigger, *([frame.trigger.head] if (
            frame.trigger.dep_ == "nsubj") else [])])
        if where is not None:
            actors = [Arg(frame.trigger.i, f"protesters in {resources.country_name(where)}",
                          "country", None, where, "opposition")]
    if "sector_home" in active and any(a.sector and not a.named for a in actors):
        actors = _sector_home(index, frame, actors, leading)
    if "thing_not_actor" in active:
        actors = [a for a in actors if not _inert(index, a)]
    if "dissenting_people" in active:
        actors = _dissenting_people(index, frame, actors, targets)
    if "sector_target" in active and frame.entry.stance and frame.type != INCIDENT and \
            not any(_is_named_party(t) for t in targets):
        targets = _without_own_forces(index, frame.trigger, _sector_targets(
            index, frame, actors, leading), actors) or targets
    return actors, targets


#: Kinds of event that are words: with no date of their own they are told at the time of
#: writing, not on the story's last named day (rule ``words_now``).
WORD_TYPES = frozenset({STATEMENT, "ACCUSE", "REQUEST", "REJECT"})


def _words_now(frame: Frame) -> bool:
    """True for words said or written (a statement, an accusation, a request, a rejection):
    "Israeli jets struck on Tuesday. Lebanon's president condemned the strikes" reports the
    condemnation at the time of writing, while "Police fired tear gas" goes on telling Tuesday.
    Chosen on the nine development folders, in-sample: dates right 810 -> 845 of 1,245 (all
    speech verbs only: 825; adding threats, support and pledges: 841). Words told as what
    followed ("Hours later, the alliance announced ...") go on telling the story's day."""
    return words_told_now(frame.trigger, frame.type in WORD_TYPES)


def _event(frame: Frame, etype: str, polarity: float, actor: Arg | None, target: Arg | None,
           when: str | None, source: str | None, trigger: dict[str, Any],
           sentence: dict[str, Any], speaker: str | None) -> dict[str, Any]:
    """One ``Event.to_dict()`` dict, its id still to be numbered."""
    return {
        "id": "",
        "type": etype,
        "trigger": trigger,
        "sentence": sentence,
        "actor": actor.entity if actor else None,
        "target": target.entity if target else None,
        "actor_country": actor.country if actor else None,
        "target_country": target.country if target else None,
        "date": when,
        "date_source": source,
        "polarity": polarity,
        "negated": frame.negated,
        "modality": frame.mode,
        "speaker": speaker,
        "actor_text": actor.text if actor else None,
        "target_text": target.text if target else None,
        "actor_sector": actor.sector if actor else None,
        "target_sector": target.sector if target else None,
    }


# The steps of the events component, each a named rule the component's config switches;
# its branches are those switches.
def extract_events(doc: Doc, *, entities: Sequence[dict[str, Any]] | None = None,  # noqa: C901
                   timex: Sequence[dict[str, Any]] | None = None, anchor: str | None = None,
                   lexicon: Lexicon | None = None, max_pairs: int = 6,
                   rules: Collection[str] | None = None) -> list[dict[str, Any]]:
    """Find the events of a parsed document.

    Args:
        doc: a document with sentences and a dependency parse.
        entities: ``Entity.to_dict()`` dicts from the entities component (may be empty).
        timex: ``TimeExpression.to_dict()`` dicts from the time component (may be empty).
        anchor: the publication date (ISO), the date of last resort.
        lexicon: the trigger lexicon; the shipped one when None.
        max_pairs: at most this many actor x target events per trigger.
        rules: names from ``RULES`` to apply; all of them when None.

    Returns:
        ``Event.to_dict()`` dicts with ids ``V1``, ``V2``, ... in text order.

    Raises:
        ValueError: ``rules`` names a rule that does not exist.
    """
    active = check_rules(rules)
    if not len(doc) or not doc.has_annotation("DEP"):
        return []
    lexicon = lexicon or load_lexicon()
    index = build_index(doc, entities, anchor, rules=active)
    spans = _timex_spans(doc, timex or (), index.dateline)
    breaks = line_breaks(doc)
    starts = narrative_starts(spans)
    home = home_country(entities or ()) if "home_country" in active else None
    leading = home_country(entities or (), share=0.0, lead=True)
    frames = sorted(_frames(doc, index, lexicon, active, home, spans, starts),
                    key=lambda f: f.trigger.i)
    if "defended_victim" in active:
        frames = sorted([*frames, *_defended_victims(index, frames)], key=lambda f: f.trigger.i)
    if "release_demand" in active:
        frames = sorted([*frames, *_release_demands(index, frames)], key=lambda f: f.trigger.i)
    if "judged_act" in active:
        _judged_acts(index, frames)
    if "denied_charge" in active:
        _denied_charges(index, frames)
    # (After the judgements, which may read what a reference refers to.)
    frames = [f for f in frames if not f.reference]
    events: list[dict[str, Any]] = []
    clause_keys: list[tuple[Any, ...]] = []
    # Each (clause, type, actor, target) seen, with where its event is and whether a noun
    # triggered it.
    seen: dict[tuple[Any, ...], tuple[int, bool]] = {}
    for frame in frames:
        if "inert_subject" in active and _inert_subject(index, frame):
            continue
        if "natural_cause" in active and _natural_cause(frame):
            # "The storm killed twelve": a happening, done by no one.
            frame.type, frame.intensity, frame.actors = INCIDENT, 0.0, []
        actors, targets = _event_parties(index, frame, active, home, leading)
        if "helping_deployment" in active and _helping_deployment(frame):
            # A deployment that helps is aid; one promised is no threat, and as planned as
            # the promise.
            threat = frame.type == "THREATEN"
            frame.type, frame.intensity = "AID", HELPING_INTENSITY
            if threat:
                frame.mode = _final_mode(frame, active)
        etype, polarity = _polarity(frame)
        when, source = event_date(
            frame.trigger, spans, anchor,
            happened=frame.mode == "happened" and "past_not_after" in active,
            breaks=breaks if "dateline_date" in active else None,
            narrative=starts if "narrative_date" in active and not (
                "words_now" in active and _words_now(frame)) else None,
            conjuncts="conjunct_date" in active, lede="lede_date" in active, starts=starts,
            lone="lone_date" in active, opening="opening_date" in active,
            background=breaks if "background_date" in active else None,
            offsets="counted_offset" in active)
        trigger = _mention(frame.trigger)
        sentence = _sentence_mention(frame.trigger.sent)
        speaker = frame.speaker.entity if frame.speaker is not None else None
        if "leaving_a_body" in active and _leaves_a_body(frame, targets):
            # "Mali quit ECOWAS", "completed their exit from the bloc": a break with it.
            etype, polarity = "SANCTION", LEAVING_INTENSITY
        if "own_people_retreat" in active and frame.type == "RETREAT" and \
                _moves_own_people(frame.trigger):
            # "pulled its diplomats out of Kabul": the place left is not a party favoured.
            polarity = 0.0
        if "actorless_undated" in active and not actors and _undated_act(
                frame, targets, source, spans, starts):
            continue
        if "unnamed_doer" in active and source in (None, "published") and \
                _unnamed_doer(index, frame, actors, targets):
            continue
        pairs = _pairs(frame, actors, targets, max_pairs, "mutual_pairs" in active,
                       "contested_object" in active, "between_pairs" in active)
        clause = _clause(frame.trigger).i
        noun = frame.trigger.pos_ in ("NOUN", "PROPN")
        for actor, target in pairs:
            key = (clause, etype, _arg_key(actor), _arg_key(target))
            event = _event(frame, etype, polarity, actor, target, when, source, trigger,
                           sentence, speaker)
            if key in seen and "clause_dedupe" in active:
                # One clause, one event per (actor, type, target): "held talks" is one
                # meeting, not one for "held" and one for "talks". The verb tells the act:
                # "Mali, Niger's partner, backed Niamey" is the backing, not the partner.
                at, was_noun = seen[key]
                if was_noun and not noun:
                    events[at] = event
                    seen[key] = (at, False)
                continue
            seen[key] = (len(events), noun)
            events.append(event)
            clause_keys.append(key[:3])
    if "clause_dedupe" in active:
        events = _without_targetless_twins(events, clause_keys)
    if "repeated_mention" in active:
        events = _drop_repeated_mentions(events)
    if "happening_once" in active:
        events = _drop_repeated_happenings(events)
    return numbered(doc, events, "relationship_nouns" in active, "disposition_adjectives" in active)


#: Words of leaving; leaving an international body is a break with it.
LEAVING_WORDS = frozenset({"withdraw", "withdrawal", "exit", "quit", "leave", "pull"})
LEAVING_INTENSITY = -0.4


def _leaves_a_body(frame: Frame, targets: Sequence[Arg]) -> bool:
    """Whether the act leaves an international body ("quit ECOWAS", "withdrew from the
    Council of Europe", "their exit from the bloc"), not a place ("withdrew from Mali")."""
    return frame.trigger.lemma_.lower() in LEAVING_WORDS and bool(targets) and all(
        t.igo and not t.country and not _is_place(t) for t in targets)


#: The fields of an event that say whom it was done to.
TARGET_FIELDS = ("target", "target_country", "target_text", "target_sector")


def _without_targetless_twins(events: list[dict[str, Any]],
                              keys: Sequence[tuple[Any, ...]]) -> list[dict[str, Any]]:
    """One clause, one act: "imposed sanctions on Russia" names one sanction. The verb's
    event of a type and doer with no target takes the target of the noun's event of the
    same clause, type and doer ("sanctions on Russia"), which goes."""
    def aimed(ev: dict[str, Any]) -> bool:
        return bool(ev.get("target") or ev.get("target_country"))

    open_twin: dict[tuple[Any, ...], dict[str, Any]] = {}
    for key, ev in zip(keys, events, strict=True):
        if not aimed(ev) and key not in open_twin:
            open_twin[key] = ev
    merged: set[int] = set()
    out: list[dict[str, Any]] = []
    for key, ev in zip(keys, events, strict=True):
        twin = open_twin.get(key)
        if aimed(ev) and twin is not None and id(twin) not in merged:
            twin.update({name: ev.get(name) for name in TARGET_FIELDS})
            merged.add(id(twin))
            continue
        out.append(ev)
    return out


def _drop_repeated_mentions(events: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """An act named again without its parties ("the invasion", "the withdrawal" after
    "Azerbaijan launched an offensive", "the US announced a withdrawal") is the same act, not a
    new one: an event with neither actor nor target is dropped when an earlier event of the
    same type has a party, unless a date of its own sets it apart. Happenings (INCIDENT)
    and timeline types are kept."""
    dates: dict[str, set[str | None]] = {}
    out: list[dict[str, Any]] = []
    for event in events:
        etype = str(event["type"])
        bare = not (event.get("actor") or event.get("actor_country") or event.get("target")
                    or event.get("target_country"))
        own_date = event.get("date_source") not in (None, "published") and \
            event.get("date") not in dates.get(etype, ())
        if bare and etype in dates and not own_date and \
                etype not in (INCIDENT, STATEMENT, ACTION):
            continue
        if not bare:
            dates.setdefault(etype, set()).add(event.get("date"))
        out.append(event)
    return out


def _drop_repeated_happenings(events: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """A happening named again ("the earthquake", "this earthquake" after "an earthquake
    struck Izmir on Friday") is the same happening: an INCIDENT whose trigger word an
    earlier INCIDENT already had is dropped, unless its own time expression names another
    date ("the 2016 election" after "the election on Sunday")."""
    seen: dict[str, set[str | None]] = {}
    out: list[dict[str, Any]] = []
    for event in events:
        if event["type"] == INCIDENT:
            word = str(event["trigger"]["text"]).lower()
            word = word[:-1] if word.endswith("s") and len(word) > 4 else word
            own = event.get("date_source") not in (None, "published")
            if word in seen and (not own or event.get("date") in seen[word]):
                continue
            seen.setdefault(word, set()).add(event.get("date"))
        out.append(event)
    return out


# Every switchable event rule by name, with the function that is the rule (or, for rules
# applied inside argument resolution, the one that decides it). The component's config lists
# the names it applies (``rules``); ``benchmarks/ablation.py`` switches each off in turn.
RULES: dict[str, Callable[..., Any]] = {
    **DROP_RULES,
    "speech_statement": _speaking_party,
    "dateline_date": _same_line,
    "attack_attribution": _claimed_attacks,
    "home_country": _at_home,
    "narrative_date": narrative_day,
    "words_now": _words_now,
    "relationship_nouns": names_a_relationship,
    "disposition_adjectives": states_a_disposition,
    "past_not_after": event_date,
    "counted_offset": counted_offset,
    "show_of_force": _show_of_force,
    "armed_sector": _armed_sector,
    "background_date": narrative_day,
    "cessation": _ceased,
    "possessor_support": _possessor_support,
    "mutual_pairs": _pairs,
    "own_people_retreat": _moves_own_people,
    "leaving_a_body": _leaves_a_body,
    "clause_dedupe": _arg_key,
    "about_modifiers": _noun_arguments,
    "refusal": _refusal,
    "coup_removal": _coup_frames,
    "perpetrator_attribution": _perpetrator_frames,
    "undo_demand": _type_for,
    "home_first": _domestic_targets,
    "dated_speech": _dated_speaker,
    "conjunct_date": _conjunct_date,
    "medical_sense": _frames,
    "happening_subject": _noun_arguments,
    "unnamed_protest": _is_unnamed_act,
    "dated_acts": _dated_act_frames,
    "party_acts": _party_act_frames,
    "personal_acts": _party_act_frames,
    "definite_reference": _definite_reference,
    "topic_noun": _topic_of_noun,
    "lone_date": _lone_date,
    "opening_date": _opening_date,
    "named_speaker": _no_reported_speech,
    "not_yet": _not_yet,
    "denied_act": _under_denial,
    **UNTOLD_RULES,
    "warned_against": _warned_against,
    "refused_hostility": _refused,
    "headline_future": _headline_future,
    "conditional_threat": _announced,
    "verbal_attack": _verbal_attack,
    "despite_opposition": _defied,
    "aimed_target": _aimed_at,
    "own_forces": _own_forces,
    "occasion_host": _occasion_host,
    "accidental": _accidental,
    "operation_agent": _operation_author,
    "kept_in_office": _refused_resignation,
    "participle_patient": _participle_patient,
    # "offered naval assistance": a promise of a thing is made now, one to act is future.
    "offer_made": _frames,
    "state_passive": _state_author,
    "lede_date": _recent_day,
    "media_not_actor": _not_media,
    "repeated_mention": _drop_repeated_mentions,
    "happening_once": _drop_repeated_happenings,
    "place_at": _at_place,
    "sentence_country": _sentence_country,
    "thing_not_actor": _inert,
    "inert_subject": _inert_subject,
    "natural_cause": _natural_cause,
    "undergone_act": _undergoing_verb,
    "undergone_possessor": _noun_arguments,
    "occasion_venue": _object_targets,
    "filing_venue": _object_targets,
    "backing_phrase": backing_parties,
    "sector_home": _sector_home,
    "judged_act": _judged_acts,
    "judged_document": _document_author,
    "defended_victim": _defended_victims,
    "release_demand": _release_demands,
    "act_subject_target": _struck_targets,
    "denied_charge": _denied_charges,
    "characterisation": _judgement,
    "quoted_judgement": _quoted_judgements,
    "home_justice": _unattributed,
    "court_state": _unattributed,
    "dissenting_people": _dissenting_people,
    "actorless_undated": _undated_act,
    "unnamed_doer": _unnamed_doer,
    "sector_target": _sector_targets,
    "helping_deployment": _helping_deployment,
    "contested_object": _contested,
    "between_pairs": _between,
    "from_source": _noun_arguments,
    "received_reaction": _noun_arguments,
    "addressee_target": _verb_arguments,
    "requested_act": _requested,
    **ARGUMENT_RULES,
}


def check_rules(rules: Collection[str] | None) -> frozenset[str]:
    """The rule names to apply: all of ``RULES`` when None.

    Raises:
        ValueError: a name is not in ``RULES``.
    """
    if rules is None:
        return frozenset(RULES)
    unknown = sorted(set(rules) - set(RULES))
    if unknown:
        raise ValueError(f"unknown event rules {unknown}; known: {sorted(RULES)}")
    return frozenset(rules)
