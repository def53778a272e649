"""What a temporal expression says before it is anchored (``Reading``) and where it was
found (``Found``): the plain values the rules produce and ``resolve`` consumes."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Reading:
    """What an expression says, before it is anchored.

    ``kind`` decides which fields matter:

    - ``literal``: ``value`` is final (``2019-03-14``, ``P5D``, ``PRESENT_REF``, ``199``).
    - ``date``: ``year`` (None when the text gave none), ``month``, ``day``, ``season``,
      ``quarter``, ``half``; a missing year is chosen by tense.
    - ``weekday``: ``weekday`` (1-7) and ``shift`` (-1 last, +1 next, 0 this, None by tense).
    - ``relative``: ``unit`` and ``shift`` from the anchor ("last week", "this year").
    - ``offset``: ``amount`` of ``unit`` from the anchor (``base="anchor"``, "a year ago")
      or from the story's current date (``base="reference"``, "two days later");
      ``amount`` None for vague counts ("several years ago").
    - ``day``: ``shift`` days from the anchor (yesterday, today, tomorrow) or from the
      reference date (``base="reference"``: "the next day").
    ``part`` is a part of day (``MO``, ``AF``, ``EV``, ``NI``) and ``clock`` a time (``T20:00``).
    """

    kind: str
    type: str = "DATE"
    value: str = ""
    # One optional field per part of a reading: alike the model records in form only.
    year: int | None = None
    month: int | None = None
    day: int | None = None
    season: str | None = None
    quarter: int | None = None
    half: int | None = None
    weekday: int | None = None
    shift: int | None = None
    unit: str | None = None
    amount: float | None = None
    base: str = "anchor"
    part: str | None = None
    clock: str | None = None


@dataclass(frozen=True)
class Found:
    """A matched expression: its character span, the rule that found it and its reading."""

    start: int
    end: int
    rule: str
    reading: Reading

