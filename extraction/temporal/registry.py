"""The rule registry: each temporal rule is a pattern compiled once at import, a gate that
says where the pattern is worth trying, and a handler that turns a match into a ``Reading``.

The rule modules (``calendar_rules``, ``relative_rules``, ``duration_rules``) register their
rules here with the ``rule`` decorator; ``grammar`` puts them in priority order and runs them.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from .patterns import WORD_END, WORD_START
from .reading import Reading

Handler = Callable[[re.Match[str], str], Reading | None]


@dataclass(frozen=True)
class Rule:
    """A registered rule: its name, compiled pattern, handler and optional gate."""

    name: str
    pattern: re.Pattern[str]
    handler: Handler
    gate: re.Pattern[str] | None


#: Every registered rule by name, in registration order (``grammar.PRIORITY`` orders them).
RULES: dict[str, Rule] = {}

# A rule's pattern is only tried near the hits of its gate: a cheap pattern for a word every
# match contains (a month name, a unit), written to start with plain characters so the regex
# engine can skip ahead. Matches reach at most this far before and after the gate's hit.
_BACK, _AHEAD = 64, 40


def rule(name: str, pattern: str, gate: str | None = None) -> Callable[[Handler], Handler]:
    """Register a handler for a pattern (compiled once, here, at import).

    Args:
        name: the rule's name (unique).
        pattern: the expression to match (word boundaries are added).
        gate: a cheap pattern every match contains; the full pattern is tried only near it.
    """

    def register(handler: Handler) -> Handler:
        if name in RULES:
            raise ValueError(f"temporal rule {name!r} is registered twice")
        RULES[name] = Rule(name, re.compile(WORD_START + "(?:" + pattern + ")" + WORD_END),
                           handler, re.compile(gate) if gate else None)
        return handler

    return register


def scan(r: Rule, text: str) -> Iterator[re.Match[str]]:
    """Yield the matches of a rule's pattern in ``text``, tried only near its gate's hits."""
    if r.gate is None:
        yield from r.pattern.finditer(text)
        return
    windows: list[list[int]] = []
    for hit in r.gate.finditer(text):
        start = max(0, hit.start() - _BACK)
        end = text.find(" ", hit.end() + _AHEAD)
        end = len(text) if end < 0 else end
        if windows and start <= windows[-1][1]:
            windows[-1][1] = max(windows[-1][1], end)
        else:
            windows.append([start, end])
    for start, end in windows:
        yield from r.pattern.finditer(text, start, end)
