"""Anchoring: every temporal expression of a parsed text resolved to its TIMEX3 value.

``tag_times`` is the whole of the ``newslens_time`` component's work: it finds the
expressions (``grammar.find``; with ``use_model_ents`` also the model's dates that name a
time unit), drops four-digit counts ("2000 troops"), reads the tense of each one's clause
(``tense``), chooses the date to resolve against (``choose_anchor``: the caller's date, else
the dateline, else a guess from the text, see ``publication``) and resolves each expression
in text order (``resolve_all``), carrying the story's current date, its year and the
quarter a results story reports on from one expression to the next. Pure functions over the
text, the parse and dates; ``extraction.components.time`` wires them up.
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable
from dataclasses import replace
from typing import Any

from spacy.tokens import Doc

from .grammar import Found, Reading, find
from .publication import dateline, infer
from .resolve import duration_days, resolve
from .tense import clause_tense, governing_verb, verb_tense
from .words import ENDING_VERBS

__all__ = ["choose_anchor", "resolve_all", "tag_times"]

_TIME_NOUNS = frozenset({"year", "years", "month", "months", "day", "days", "week", "weeks",
                         "decade", "decades", "century", "centuries"})



def _is_count(doc: Doc, index: int) -> bool:
    """True when a four-digit number counts things ("2000 troops") rather than naming a year."""
    token = doc[index]
    head = token.head
    return (
        token.dep_ == "nummod"
        and head.tag_ == "NNS"
        and head.lower_ not in _TIME_NOUNS
        and head.i > token.i
    )


def _latest_start(doc: Doc, index: int, found: list[Found], starts: list[int],
                  values: dict[int, str], anchor: dt.date) -> dt.date | None:
    """The latest date an event can have begun when its stated length is already over.

    "the five-day blackout that began Thursday", reported on a Thursday, began at least five
    days before: a completed event of a given length cannot have started less than that
    length before the article's date. Returns None when the rule does not apply.
    """
    verb = governing_verb(doc[index])
    if verb is None or verb.lemma_ in ENDING_VERBS or verb_tense(verb) not in ("past", "perfect"):
        return None
    if verb.dep_ in ("relcl", "acl") and verb.head.pos_ in ("NOUN", "PROPN"):
        event = verb.head
    else:
        subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
        if not subjects or subjects[0].pos_ not in ("NOUN", "PROPN"):
            return None
        event = subjects[0]
    left, right = event.left_edge.idx, event.idx
    longest = 0
    first = bisect_left(starts, left)
    for k in range(first, bisect_left(starts, right)):
        f = found[k]
        if f.end <= right and f.reading.type == "DURATION":
            days = duration_days(values.get(k, f.reading.value))
            if days:
                longest = max(longest, days)
    if not longest or longest >= (anchor - dt.date.min).days:
        return None
    return anchor - dt.timedelta(days=longest)


def _resolved(value: str) -> bool:
    return "X" not in value and not value.endswith("_REF")


def _parse_iso(value: Any) -> dt.date | None:
    if not isinstance(value, str) or not value:
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


_DATE_VALUE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?:T|$)")


def _as_reference(value: str) -> tuple[dt.date, str] | None:
    """Read a resolved value as the story's current date and its precision, if it is one."""
    m = _DATE_VALUE.match(value)
    if not m:
        return None
    try:
        day = dt.date(int(m[1]), int(m[2] or 1), int(m[3] or 1))
    except ValueError:
        return None
    return day, "day" if m[3] else "month" if m[2] else "year"


def _model_extras(doc: Doc, found: list[Found]) -> list[Found]:
    """Dates the statistical model tagged that no rule found, kept when they name a time
    unit ("the 99th day"; "his second term" stays out), with an unknown value.

    Off by default: on TempEval-3 platinum they raised relaxed extent F1 by 0.001 and cost
    0.011 of value F1, since their values are rarely right.
    """
    extras: list[Found] = []
    spans = [(f.start, f.end) for f in found]
    for ent in doc.ents:
        if ent.label_ not in ("DATE", "TIME"):
            continue
        start, end = ent.start_char, ent.end_char
        if any(start < e and s < end for s, e in spans):
            continue
        words = {t.lower_ for t in ent}
        if words & {"day", "week", "month", "year", "season", "decade", "century", "weekend"}:
            extras.append(Found(start, end, "model", Reading("literal", value="XXXX-XX-XX")))
    return extras


def choose_anchor(
    published: Any, text: str, found: list[Found], tenses: list[str | None]
) -> tuple[dt.date | None, bool]:
    """Return the date to resolve against and whether it was guessed.

    Args:
        published: the caller's publication date (ISO string) or None.
        text: the article text (its dateline is read when no date was given).
        found: the expressions found in the text.
        tenses: the tense of each expression's clause.

    Returns:
        The caller's date; else the dateline's (guessed only when its year was); else the
        latest full date of a past or tenseless clause, guessed; else ``(None, False)``.
    """
    anchor = _parse_iso(published)
    if anchor is not None:
        return anchor, False
    anchor, guessed = dateline(text, found)
    if anchor is not None:
        return anchor, guessed
    full = []
    for f, tense in zip(found, tenses, strict=True):
        r = f.reading
        if r.kind == "date" and r.year and r.month and r.day and not r.season:
            full.append((dt.date(r.year, r.month, r.day), tense))
    anchor = infer(full)
    return anchor, anchor is not None


def resolve_all(
    doc: Doc,
    found: list[Found],
    tenses: list[str | None],
    anchor: dt.date | None,
    token_of: Callable[[int], int],
) -> list[dict[str, Any]]:
    """Resolve every expression in text order and return the ``newslens_timex`` dicts.

    The story's current date (the last date resolved before an expression, so the one in its
    own paragraph when there is one) is what "two days later" counts from.
    """
    text = doc.text
    parsed = doc.has_annotation("DEP")
    results: list[dict[str, Any]] = []
    values: dict[int, str] = {}
    reference: dt.date | None = None
    reference_unit = "day"
    # Where the story's current date ends when the text wrote its year, else None.
    written_at: int | None = None
    found_starts = [f.start for f in found]
    quarter: tuple[int, int, int] | None = None
    for k, f in enumerate(found):
        r = f.reading
        latest = None
        if anchor is not None and parsed and (
            r.kind == "weekday" and r.shift is None or r.kind == "date" and r.year is None
        ):
            latest = _latest_start(doc, token_of(f.start), found, found_starts, values, anchor)
        tense = tenses[k] if tenses[k] != "perfect" else None
        since = parsed and _after_since(doc, token_of(f.start))
        year = _story_year(r, tense, anchor, reference, written_at, f.start,
                           same_sentence=parsed and written_at is not None
                           and _same_sentence(doc, token_of(written_at - 1), token_of(f.start)),
                           since=since)
        if year is not None:
            r = replace(r, year=year)
        kind, value = resolve(r, anchor=anchor, tense=tense, reference=reference,
                              reference_unit=reference_unit, latest=latest)
        if r.kind == "story" and r.unit != "year" and quarter is not None and (
                r.unit == "quarter" or f.start - quarter[2] <= _QUARTER_REACH):
            # "the quarter", "the 1988 period", "year-earlier profit": the quarter the story
            # has named, in the year written or a year back.
            year = r.year or quarter[0] + (r.shift or 0)
            value = f"{year}-Q{quarter[1]}"
        elif quarter is not None and kind == "DATE" and f.start - quarter[2] <= _QUARTER_REACH \
                and _YEAR_BACK.fullmatch(text[f.start:f.end]):
            # Results reported by quarter compare with the same quarter a year before:
            # "net income of $5 million, up from $3 million a year earlier".
            value = f"{quarter[0] - 1}-Q{quarter[1]}"
        values[k] = value
        relative = r.kind != "literal" and not (r.kind == "date" and r.year is not None)
        based = reference if r.base == "reference" else anchor
        if year is not None:
            relative, based = True, reference
        results.append({
            "text": text[f.start : f.end],
            "start_char": f.start,
            "end_char": f.end,
            "type": kind,
            "value": value,
            "anchor": based.isoformat() if relative and based and _resolved(value) else None,
            "start_token": token_of(f.start),
            "end_token": token_of(f.end - 1) + 1,
        })
        in_quarter = _QUARTER_VALUE.fullmatch(value) if kind == "DATE" else None
        if in_quarter and not _YEAR_BACK.fullmatch(text[f.start:f.end]) \
                and not (r.kind == "story" and (r.shift or r.year)) \
                and not (r.quarter and (r.shift or 0) < 0):
            # A comparison ("the year-ago third quarter") is not the story's own quarter.
            quarter = (int(in_quarter[1]), int(in_quarter[2]), f.end)
        if kind in ("DATE", "TIME") and not since:
            # "had lived there since December" names when a state began, not the story's
            # day: "the same night" after it still counts from the day told before.
            current = _as_reference(value)
            if current is not None:
                reference, reference_unit = current
                written = r.kind == "date" and r.year is not None and r.month is not None \
                    and not (parsed and _attributive(doc, token_of(f.start),
                                                     token_of(f.end - 1)))
                written_at = f.end if written else None
    return results


def _story_year(r: Reading, tense: str | None, anchor: dt.date | None,
                reference: dt.date | None, written_at: int | None, start: int,
                *, same_sentence: bool = False, since: bool = False) -> int | None:
    """The year of a past month (and day) told in a story set in an earlier year.

    After "the army moved on November 15, 2017", a past "resigned on November 21" belongs
    to that story: when the story's current date is a date whose year the text wrote, in an
    earlier year than the anchor's, and was written at most ``_STORY_REACH`` characters
    before, a month and day without a year in a past clause take the year that puts them
    nearest that date (never after the anchor). A month with no day takes that story's year
    only in the sentence that wrote it ("floods hit in March 2023, and in November the two
    governments signed a pact"), told forward: the first such month from the story's date,
    or with ``since`` the last one before it ("arrested on April 5, 2024, after hiding since
    December"). Returns None when the rule does not apply.
    """
    if (anchor is None or reference is None or written_at is None or tense != "past"
            or r.kind != "date" or r.year is not None or r.month is None
            or r.season or r.quarter or r.shift is not None or r.amount is not None
            or reference.year >= anchor.year or start - written_at > _STORY_REACH):
        return None
    if r.day is None:
        if not same_sentence:
            return None
        if since:
            year = reference.year if r.month <= reference.month else reference.year - 1
        else:
            year = reference.year if r.month >= reference.month else reference.year + 1
        return year if dt.date(year, r.month, 1) <= anchor else None
    near: list[tuple[int, int]] = []
    for year in (reference.year - 1, reference.year, reference.year + 1):
        try:
            day = dt.date(year, r.month, r.day)
        except ValueError:
            continue
        if day <= anchor:
            near.append((abs((day - reference).days), year))
    return min(near)[1] if near else None


def _after_since(doc: Doc, first: int) -> bool:
    """True when the expression starting at token ``first`` follows "since"."""
    return first > 0 and doc[first - 1].lower_ == "since"


def _same_sentence(doc: Doc, one: int, other: int) -> bool:
    """True when tokens ``one`` and ``other`` share a sentence of the parse."""
    return doc[one].sent.start == doc[other].sent.start


def _attributive(doc: Doc, first: int, last: int) -> bool:
    """True when an expression modifies a noun after it ("the August 1988 cease-fire"): it
    names what the noun is, not when the story is."""
    for token in doc[first : last + 1]:
        head = token.head
        if not first <= head.i <= last:
            return head.i > last and head.pos_ in ("NOUN", "PROPN")
    return False


# How far (in characters) a date whose year was written sets the year of the story after
# it: about two paragraphs of news.
_STORY_REACH = 800

_QUARTER_VALUE = re.compile(r"(\d{4})-Q([1-4])")
# "a year ago", "a year earlier", "the year-earlier period", "the same period last year":
# in an article about one quarter's results, that quarter a year before.
_YEAR_BACK = re.compile(
    r"(?i)(?:a|one|the)\s+year[- ](?:ago|earlier)(?:\s+(?:period|quarter))?"
    r"|(?:the\s+)?(?:same|corresponding|year-earlier|year-ago)\s+(?:period|quarter)"
    r"(?:\s+(?:a\s+year\s+(?:ago|earlier)|of\s+last\s+year|last\s+year))?"
)
# How far (in characters) after a quarter is named its year-back comparisons still refer
# to it: about two paragraphs of a results story.
_QUARTER_REACH = 1_500


def tag_times(doc: Doc, published: Any, *, use_model_ents: bool = False
              ) -> tuple[list[dict[str, Any]], dt.date | None, bool]:
    """Find, date and anchor the temporal expressions of ``doc``.

    Args:
        doc: the text, parsed when the pipeline has a parser (without one no count is
            dropped and no tense is read).
        published: the caller's publication date (ISO string) or None.
        use_model_ents: also keep the model's DATE/TIME entities that name a time unit but
            that no rule found.

    Returns:
        The ``newslens_timex`` dicts in text order, the date they were resolved against
        (None when there was none) and whether that date was guessed.
    """
    text = doc.text
    found = find(text)
    if use_model_ents and doc.has_annotation("ENT_IOB"):
        extras = _model_extras(doc, found)
        if extras:
            found = sorted(found + extras, key=lambda f: f.start)
    starts = [t.idx for t in doc]

    def token_of(char: int) -> int:
        return max(0, bisect_right(starts, char) - 1)

    tenses: list[str | None] = [None] * len(found)
    if doc.has_annotation("DEP") and len(doc):
        found = [f for f in found
                 if not (f.rule == "year" and _is_count(doc, token_of(f.end - 4)))]
        tenses = [clause_tense(doc, token_of(f.start)) for f in found]
    anchor, inferred = choose_anchor(published, text, found, tenses)
    return resolve_all(doc, found, tenses, anchor, token_of), anchor, bool(inferred)
