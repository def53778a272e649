"""The tense of the clause around a temporal expression, read from the dependency parse.

Past or future decides which Thursday a bare "Thursday" is, and which year a bare "March"
falls in. Functions over spaCy tokens; the walks up the parse are bounded, so no parse can
make them loop. The word lists they use are in ``time_words.tsv`` (see ``words``).
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Token

from .words import DEADLINE_WORDS, FORWARD_VERBS, FUTURE_AUXILIARIES, MOVING_VERBS

_FUTURE_CUE = re.compile(
    r"(?i:\b(?:will|shall|'ll|scheduled|expected\s+to|plans?\s+to|planning\s+to|set\s+to|"
    r"going\s+to|upcoming|intends?\s+to|due\s+to\s+(?:be|take|start|begin|arrive|hold|meet|"
    r"visit|open|return|vote)|due\s+(?:on|in|by|next))\b)"
)


def verb_tense(verb: Token) -> str | None:
    """Return "past", "future", "perfect" (present perfect) or None (present or unknown) for a
    verb and its auxiliaries.

    An infinitive takes the tense of the verb it depends on ("agreed to meet" is past); that
    walk up the parse is iterative and bounded, so no parse can make it loop.
    """
    seen: set[int] = set()
    while verb.i not in seen and len(seen) < _MAX_TENSE_HOPS:
        seen.add(verb.i)
        tense, above = _own_tense(verb)
        if above is None:
            return tense
        verb = above
    return None


_MAX_TENSE_HOPS = 8


# One decision list over a verb's form and auxiliaries (future, past, perfect, pluperfect, a
# to-infinitive and its head, progressive, participle); the first match wins, so the order is the
# rule.
def _own_tense(verb: Token) -> tuple[str | None, Token | None]:  # noqa: C901
    """The tense one verb's own form and auxiliaries give, or the verb above an infinitive
    whose tense decides (then the first value is None)."""
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    lowers = {a.lower_ for a in auxes}
    if lowers & FUTURE_AUXILIARIES or verb.lower_ in FUTURE_AUXILIARIES:
        return "future", None
    if any(a.lower_ == "going" for a in auxes):
        return "future", None
    if verb.tag_ == "VBD" or any(a.tag_ == "VBD" for a in auxes):
        return "past", None
    if verb.tag_ == "VBN" and any(a.lemma_ == "have" and a.tag_ in ("VBZ", "VBP")
                                  for a in auxes):
        # The present perfect speaks of now: "has been postponed until Saturday" may point
        # either way, so the nearest day is taken.
        return "perfect", None
    if verb.tag_ == "VBN" and any(a.lemma_ == "have" for a in auxes):
        return "past", None
    if "to" in lowers:
        head = verb.head
        if head.i != verb.i and head.pos_ in ("VERB", "AUX", "ADJ"):
            if head.lemma_ in FORWARD_VERBS or head.lower_ in ("due", "likely", "set"):
                holder = head if head.pos_ in ("VERB", "AUX") else head.head
                if any(c.dep_ == "aux" and c.lower_ == "had" for c in holder.children):
                    # "had been scheduled to expire Friday", "had planned to meet on
                    # Thursday": a plan the story has overtaken, for a day that may be
                    # past or still ahead; the nearest such day, as for the perfect.
                    return "perfect", None
                return "future", None
            return (None, head) if head.pos_ in ("VERB", "AUX") else (None, None)
        # An infinitive hanging off a noun ("the program to run through June") looks ahead,
        # and so does a headline's root infinitive ("Britain to expel diplomats").
        return "future", None
    if verb.tag_ == "VBG" and any(a.tag_ in ("VBZ", "VBP") and a.lemma_ == "be" for a in auxes):
        # "is meeting on Friday": the present progressive of news announces plans.
        return "future", None
    if verb.tag_ == "VBN" and verb.dep_ in ("relcl", "acl") and not auxes:
        return "past", None
    return None, None


def governing_verb(token: Token) -> Token | None:
    """Return the verb whose clause a token belongs to (walking up the parse), or None."""
    current = token
    seen: set[int] = set()
    while current.i not in seen and len(seen) < _MAX_CLAUSE_HOPS:
        seen.add(current.i)
        # Participles used as prepositions or adjectives ("following", "expected") are not
        # the clause's verb.
        if current.pos_ in ("VERB", "AUX") and current.dep_ not in ("amod", "compound", "prep"):
            return current
        current = current.head
    return None


_MAX_CLAUSE_HOPS = 8


def clause_tense(doc: Doc, index: int) -> str | None:
    """Return the tense of the clause around token ``index`` ("past", "future", "perfect" or
    None), falling back on its sentence."""
    token = doc[index]
    if index > 0 and doc[index - 1].lower_ in ("since", "last", "ago", "previous"):
        # "since May" can only reach back.
        return "past"
    tense = _tense(doc, token)
    before = doc[index - 1].lower_ if index > 0 else ""
    if tense in (None, "perfect") and before in ("until", "till"):
        # "planned until December", "open till Friday": unless the clause is past, ahead.
        return "future"
    if tense == "past" and (before in DEADLINE_WORDS and not _narrated_by(doc[index - 1]) or
                            before == "to" and doc[index - 1].head.lemma_ in MOVING_VERBS):
        # "extended the offer until Nov. 9", "moved the vote to May": a past decision about
        # a date that may still be ahead; the nearest such date, not the past one.
        return None
    return tense


def _narrated_by(prep: Token) -> bool:
    """True for "by" on a verb told in the past ("By Sunday, the rebels had taken the town",
    "by Friday officials said"): the day was reached, not set as a deadline."""
    verb = prep.head
    return prep.lower_ == "by" and verb.pos_ in ("VERB", "AUX") and told_in_past(verb)


def told_in_past(verb: Token) -> bool:
    """True for a verb told in the simple past, by its own form or an auxiliary's ("said",
    "had taken")."""
    return verb.tag_ == "VBD" or any(c.dep_ == "aux" and c.tag_ == "VBD" for c in verb.children)


def reporting_verb(clause: Token, start: int, end: int) -> Token | None:
    """The verb of saying above a reported clause, when the words from token ``start`` to
    ``end`` stand between that verb and the clause, before the clause's subject ("said on
    Monday the army would leave": Monday is when it was said, though the parse may hang it
    on "leave"); else None."""
    head = clause.head
    if clause.dep_ != "ccomp" or head.i == clause.i or clause.pos_ not in ("VERB", "AUX") or \
            head.pos_ not in ("VERB", "AUX") or not head.i < start or end > clause.i:
        return None
    subjects = [c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass", "expl")]
    return head if subjects and end <= subjects[0].left_edge.i else None


def _tense(doc: Doc, token: Token) -> str | None:
    verb = governing_verb(token)
    if verb is not None:
        verb = reporting_verb(verb, token.i, token.i + 1) or verb
    if verb is not None:
        tense = verb_tense(verb)
        if tense is not None or verb.tag_ in ("VBZ", "VBP"):
            return tense
    sent = token.sent if doc.has_annotation("SENT_START") or doc.has_annotation("DEP") else None
    if sent is None:
        return None
    if _FUTURE_CUE.search(sent.text):
        return "future"
    if any(t.tag_ == "VBD" for t in sent):
        return "past"
    return None
