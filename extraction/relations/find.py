"""Directed relations between the entities of one sentence: from events and from the model.

Two finders, each a pure function of the ``Doc`` and plain dicts:

- ``event_relations``: an event that happened, with an actor and a target entity and a
  polarity, is a relation from actor to target (``found_by`` = ``event:<TYPE>``, or
  ``relationship:<TYPE>`` for a noun of a relationship, ``events.relationships``);
- ``model_relations``: every pair of party entities (people, organisations, states and
  their demonyms, facilities) in a sentence goes through the learned directed-stance classifier
  (``classifier``); a pair it does not call neutral is a relation (``found_by`` = ``model``)
  scored with the classifier's probability.

The work per sentence is bounded: at most ``max_entities`` entities of a sentence are
paired, so a list of fifty names costs no more than a short sentence with eight.

A sentence the parser ends without terminal punctuation ("Sorkin said it wasn't" | "just
Trump who won") runs on into the next one on the same line: the two are paired as one
sentence (``pairing_units``).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from spacy.tokens import Doc, Span

from .. import resources
from ..events.references import city_is_place
from ..model import RELATIONSHIP
from .classifier import StanceClassifier, model_input

#: Entity labels that can hold or receive a stance. Facilities are in: the model tags
#: people and organisations as FAC often enough ("Bannon", "the Cartel"), and a seat that
#: speaks ("the Kremlin") holds a stance like its occupant.
PARTY_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP", "FAC"})
#: The classifier's directed labels: (source is p, positive).
DIRECTIONS = {"p_pos_q": (True, "positive"), "q_pos_p": (False, "positive"),
              "p_neg_q": (True, "negative"), "q_neg_p": (False, "negative")}


#: Characters that end a sentence; a sentence whose last word ends otherwise runs on.
_TERMINAL = frozenset(".!?:;…")
#: Closing quotes and brackets after a sentence's terminal punctuation.
_CLOSERS = frozenset("\"'”’»)]}")


def _ends_sentence(sent: Span) -> bool:
    """Whether the sentence ends in terminal punctuation (before closing quotes)."""
    for token in reversed(sent):
        text = token.text.strip()
        if not text:
            continue
        stripped = text.rstrip("".join(_CLOSERS))
        if not stripped:
            continue
        return stripped[-1] in _TERMINAL
    return True


def pairing_units(doc: Doc) -> list[Span]:
    """The doc's sentences, a sentence that runs on joined to the next one on its line.

    The parser sometimes ends a sentence mid-clause ("Sorkin said it wasn't" | "just
    Trump who won"); a sentence with no terminal punctuation and the next one with no line
    break between them are one unit for pairing. Headlines and list items on lines of
    their own stay apart.
    """
    units: list[Span] = []
    start = None
    sents = list(doc.sents)
    text = doc.text  # built anew on every access: once per doc, not per sentence
    for n, sent in enumerate(sents):
        if start is None:
            start = sent.start
        nxt = sents[n + 1] if n + 1 < len(sents) else None
        if nxt is not None and not _ends_sentence(sent) \
                and "\n" not in text[sent.end_char:nxt.start_char] \
                and not (sent[-1].is_space and "\n" in sent[-1].text) \
                and not (nxt[0].is_space and "\n" in nxt[0].text):
            continue
        units.append(doc[start:sent.end])
        start = None
    return units


def pair_sentence(doc: Doc, p: tuple[int, int], q: tuple[int, int]) -> Span:
    """The unit of ``pairing_units`` holding both token ranges, or the units from the first
    one's to the last one's when they lie apart (training pairs two entities of one line
    wherever the parser put its sentence breaks)."""
    units = pairing_units(doc)
    first, last = min(p[0], q[0]), max(p[1], q[1]) - 1
    start = next(unit.start for unit in units if unit.start <= first < unit.end)
    end = next(unit.end for unit in units if unit.start <= last < unit.end)
    return doc[start:end]


def _named_place(span: Span, entity: dict[str, Any]) -> bool:
    """True for a city naming where an act or a pact was ("the Algiers agreement", "the
    Kabul bombing"): a place there, no party to pair."""
    root = span.root
    return root.dep_ == "compound" and city_is_place(root.head, entity)


#: Words that make a name before a hyphen a kind, not a party: "a Maidan-style coup",
#: "Syria-related sanctions", "London-based analysts", "a Soviet-era treaty".
KIND_SUFFIXES = frozenset({"style", "related", "like", "type", "era", "based", "born",
                           "made", "built", "inspired", "specific", "wide"})


def _names_a_kind(span: Span) -> bool:
    """True for a name written as the first half of a hyphenated modifier of kind."""
    doc = span.doc
    return span.end + 1 < len(doc) and doc[span.end].text == "-" and \
        doc[span.end].whitespace_ == "" and doc[span.end + 1].lower_ in KIND_SUFFIXES


def _sentence_mention(sent: Span) -> dict[str, Any]:
    return {"text": sent.text, "start_char": sent.start_char, "end_char": sent.end_char}


def event_relations(doc: Doc, events: Sequence[dict[str, Any]]) -> list[dict[str, Any]]:
    """Relations stated by events that happened between two entities.

    Args:
        doc: the analysed ``Doc`` (unused but for symmetry with ``model_relations``).
        events: ``Event.to_dict()`` dicts.

    Returns:
        ``Relation.to_dict()`` dicts without ids (the caller numbers them).
    """
    out: list[dict[str, Any]] = []
    seen: set[tuple[str, str, str, int]] = set()
    for event in events:
        polarity = float(event.get("polarity") or 0.0)
        source, target = event.get("actor"), event.get("target")
        if not source or not target or source == target or polarity == 0.0:
            continue
        if (event.get("modality") or "happened") != "happened" or event.get("type") == "INCIDENT":
            continue
        sign = "positive" if polarity > 0 else "negative"
        sentence = event["sentence"]
        key = (str(source), str(target), sign, int(sentence["start_char"]))
        if key in seen:
            continue
        seen.add(key)
        # A noun of a relationship ("an ally of", "a treaty between") is a relation only.
        kind = RELATIONSHIP if event.get(RELATIONSHIP) else "event"
        out.append({"source": str(source), "target": str(target), "polarity": sign,
                    "score": round(min(1.0, abs(polarity)), 3), "sentence": dict(sentence),
                    "found_by": f"{kind}:{event.get('type')}"})
    return out


# Two passes: each party entity's first mention in each sentence, then every pair of them;
# the branches are the skips (not a party, across sentences, overlapping, one state twice).
def sentence_pairs(doc: Doc, entities: Sequence[dict[str, Any]], *, max_entities: int  # noqa: C901
                   ) -> list[tuple[Span, dict[str, Any], tuple[int, int], dict[str, Any],
                                   tuple[int, int]]]:
    """(sentence, entity p, p's tokens, entity q, q's tokens) for every pair of distinct party
    entities in one sentence (a unit of ``pairing_units``), p before q; each entity by its
    first mention there.

    Two mentions of one state ("Iran" and "Iranian") are not paired: they are one side.
    """
    firsts: dict[int, dict[str, tuple[int, int]]] = {}
    by_id = {str(e.get("id")): e for e in entities}
    sent_of = {}
    sents = pairing_units(doc)
    for sent_no, sent in enumerate(sents):
        for i in range(sent.start, sent.end):
            sent_of[i] = sent_no
    for ent in entities:
        if ent.get("label") not in PARTY_LABELS:
            continue
        for mention in ent.get("mentions") or ():
            span = doc.char_span(int(mention["start_char"]), int(mention["end_char"]),
                                 alignment_mode="expand")
            if span is None or len(span) == 0:
                continue
            sent_no = sent_of.get(span.start)
            if sent_no is None or sent_of.get(span.end - 1) != sent_no or \
                    _named_place(span, ent) or resources.igo_seat(span.text) or \
                    _names_a_kind(span):
                # ("Brussels" stands for the European Union, not for Belgium.)
                continue
            slot = firsts.setdefault(sent_no, {})
            eid = str(ent["id"])
            if eid not in slot or span.start < slot[eid][0]:
                slot[eid] = (span.start, span.end)
    out = []
    for sent_no, slot in sorted(firsts.items()):
        ordered = sorted(slot.items(), key=lambda item: item[1])[:max_entities]
        for a in range(len(ordered)):
            for b in range(a + 1, len(ordered)):
                (pid, p), (qid, q) = ordered[a], ordered[b]
                if p[1] > q[0]:
                    continue  # overlapping mentions
                pe, qe = by_id[pid], by_id[qid]
                if pe.get("label") in ("GPE", "NORP") and qe.get("label") in ("GPE", "NORP") \
                        and pe.get("country") and pe.get("country") == qe.get("country"):
                    continue
                if _title_owner(doc, pe, p, qe, q):
                    continue
                out.append((sents[sent_no], pe, p, qe, q))
    return out


#: Words that may stand between an office's owner and its holder's name ("Kenya's Foreign
#: Minister", "United Nations Secretary-General"): nouns, adjectives, names, "'s" and "-".
TITLE_POS = frozenset({"NOUN", "PROPN", "ADJ", "PART", "PUNCT", "ADP", "DET"})


def _title_owner(doc: Doc, pe: dict[str, Any], p: tuple[int, int], qe: dict[str, Any],
                 q: tuple[int, int]) -> bool:
    """Whether ``p`` only names whose office ``q`` holds: "United Nations Secretary-General
    Antonio Guterres", "Russian President Vladimir Putin". An office's owner and its holder
    are one side, not a pair with a stance."""
    between = doc[p[1]:q[0]]
    if not 1 <= len(between) <= 5 or any(
            t.pos_ not in TITLE_POS or (t.pos_ == "PUNCT" and t.text not in ("-", "–")) or
            (t.pos_ == "ADP" and t.lower_ != "of") for t in between):
        return False
    role = str(qe.get("role") or "")
    igo = resources.igo_key(str(pe.get("canonical") or ""))
    if igo and role.startswith(f"{igo}:"):
        return True
    return bool(pe.get("country")) and pe.get("country") == qe.get("country") and \
        pe.get("label") in ("GPE", "NORP") and qe.get("label") == "PERSON"


def model_relations(doc: Doc, entities: Sequence[dict[str, Any]],
                    classifier: StanceClassifier, *, max_entities: int = 8,
                    min_score: float = 0.0) -> list[dict[str, Any]]:
    """Relations the learned classifier finds between the party entities of each sentence.

    Args:
        doc: a ``Doc`` parsed by the model, with ``doc._.newslens_entities`` written.
        entities: ``Entity.to_dict()`` dicts.
        classifier: the loaded directed-stance classifier.
        max_entities: at most this many entities of one sentence are paired.
        min_score: a relation needs at least this probability for its label.

    Returns:
        ``Relation.to_dict()`` dicts without ids.
    """
    pairs = sentence_pairs(doc, entities, max_entities=max_entities)
    if not pairs:
        return []
    lexicon = getattr(classifier, "lexicon", None)
    inputs = [model_input(doc, sent, p, q, lexicon) for sent, _, p, _, q in pairs]
    out: list[dict[str, Any]] = []
    for (sent, pe, _, qe, _), probs in zip(pairs, classifier.predict(inputs), strict=True):
        label = classifier.decide(probs)
        if label not in DIRECTIONS or probs[label] < min_score:
            continue
        p_is_source, polarity = DIRECTIONS[label]
        source, target = (pe, qe) if p_is_source else (qe, pe)
        out.append({"source": str(source["id"]), "target": str(target["id"]),
                    "polarity": polarity, "score": round(float(probs[label]), 3),
                    "sentence": _sentence_mention(sent), "found_by": "model"})
    return out
