"""Stance over many articles: each article's stances (``Stance``) added up per holder and
canonical target. Pure functions over plain rows, without pandas; the dashboard's Corpus and
profile pages show their output (``dashboard.frames.stance_summary``)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from typing import Any, NamedTuple

#: How much an article's background stance (``Stance.current`` False: only old evidence)
#: counts in an aggregate over articles next to a current one. (``stance.BACKGROUND_WEIGHT``
#: is another weight: that of a piece of old evidence within one article's stance.)
BACKGROUND_STANCE_WEIGHT = 0.5


class StanceRow(NamedTuple):
    """One article's stance, as ``summarise_stances`` reads it."""

    article_id: str
    holder: str
    #: The target's name in this article.
    target: str
    #: The canonical target ("Iran", "Iranian" and "Tehran" all ``IRN``).
    target_key: str
    target_country: str | None
    polarity: str
    score: float
    #: How many events and relations the stance rests on.
    evidence: int
    current: bool
    #: ``stance_weight(evidence, current)``.
    weight: float


def stance_weight(evidence: int, current: bool) -> float:
    """How much one article's stance weighs in an aggregate: as much as the events behind
    it, at least once; a background one (``current`` False) ``BACKGROUND_STANCE_WEIGHT`` of that."""
    return max(1, evidence) * (1.0 if current else BACKGROUND_STANCE_WEIGHT)


def target_names(stances: Iterable[tuple[str, str]]) -> dict[str, str]:
    """A display name per canonical target key, unique, from ``(target_key, target)`` pairs:
    the name used most for the key (the first met on a tie), with the key added where two
    keys would show the same name. Keys in the order first met."""
    counts = Counter((key, name) for key, name in stances)
    names: dict[str, str] = {}
    most: dict[str, int] = {}
    for (key, name), count in counts.items():
        if count > most.get(key, 0):
            names[key], most[key] = name, count
    shown = Counter(names.values())
    return {key: name if shown[name] == 1 else f"{name} ({key})" for key, name in names.items()}


class _Sum:
    """A compensated (Kahan) float sum, step for step as pandas' grouped ``sum``, so the
    aggregate gives the dashboard's figures to the last bit. NaN is skipped, as there."""

    __slots__ = ("compensation", "total")

    def __init__(self) -> None:
        self.total = 0.0
        self.compensation = 0.0

    def add(self, value: float) -> None:
        if value != value:  # NaN
            return
        y = value - self.compensation
        t = self.total + y
        self.compensation = t - self.total - y
        if self.compensation != self.compensation:
            self.compensation = 0.0
        self.total = t


def _missing(value: Any) -> bool:
    return value is None or (isinstance(value, float) and value != value)


def summarise_stances(stances: Iterable[StanceRow | tuple[Any, ...]], *,
                      background: bool = False) -> list[dict[str, Any]]:
    """Add up many articles' stances per (holder, canonical target).

    Stances towards one referent add up under its ``target_key``; ``target`` is its display
    name (``target_names``). The score is the mean of the article scores weighted by
    ``weight``, clipped to [-1, 1]; the polarity is the one every stance agrees on, else
    ``mixed``; ``target_country`` is the first one given (None and NaN are not).
    ``evidence`` sums the stances' evidence, ``articles`` counts the articles, ``stances``
    the stances aggregated and ``background`` how many of them are background only.

    Args:
        stances: ``StanceRow``s (or tuples in its field order).
        background: include background stances (``current`` False); left out by default.

    Returns:
        One dict per (holder, target key), in the order first met, with the keys ``holder``,
        ``target``, ``target_key``, ``target_country``, ``polarity``, ``score``, ``evidence``,
        ``articles``, ``stances`` and ``background``.
    """
    rows = [StanceRow._make(row) for row in stances]
    if not background:
        rows = [row for row in rows if row.current]
    labels = target_names((row.target_key, row.target) for row in rows)
    groups: dict[tuple[str, str], list[StanceRow]] = {}
    for row in rows:
        groups.setdefault((row.holder, row.target_key), []).append(row)
    return [_summary(holder, key, labels[key], group) for (holder, key), group in groups.items()]


def _summary(holder: str, key: str, target: str, group: list[StanceRow]) -> dict[str, Any]:
    product, weight = _Sum(), _Sum()
    for row in group:
        product.add(row.score * row.weight)
        weight.add(row.weight)
    polarities = [row.polarity for row in group if not _missing(row.polarity)]
    countries = [row.target_country for row in group if not _missing(row.target_country)]
    return {
        "holder": holder,
        "target": target,
        "target_key": key,
        "target_country": countries[0] if countries else None,
        "polarity": "mixed" if len(set(polarities)) > 1 else next(iter(polarities), None),
        "score": min(1.0, max(-1.0, product.total / weight.total)),
        "evidence": sum(row.evidence for row in group),
        "articles": len({row.article_id for row in group}),
        "stances": len(group),
        "background": sum(1 for row in group if not row.current),
    }
