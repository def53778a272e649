"""What a correction is: the ``Correction`` record, its kinds, and which corrections are in
force and in what order (see ``extraction.corrections``)."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

#: Every kind of correction, in the order a list shows them.
KINDS = ("entity.country", "entity.label", "entity.role", "entity.merge", "entity.split",
         "event.status", "stance.status", "stance.add")
#: The kinds that change which entities there are (applied first, in the order made).
STRUCTURE_KINDS = ("entity.merge", "entity.split")
#: The values of ``event.status`` and ``stance.status``.
STATUSES = ("confirmed", "rejected")
#: The stance an analyst can add, with the score it gets.
POLARITY_SCORES = {"support": 1.0, "oppose": -1.0, "mixed": 0.0}
#: ``Relation.found_by`` of the evidence an analyst added.
ANALYST = "analyst"


@dataclass(frozen=True)
class Correction:
    """One change an analyst made to one item of one article's analysis.

    ``before`` and ``after`` are plain JSON values (a string, None, or for ``stance.add`` an
    object). ``label`` names the item for people ("Twitter", "ACCUSE: accused"). ``id`` is
    the store's row number (None until stored); ``undone_at`` when it was undone.
    """

    text_key: str
    kind: str
    item: str
    before: Any
    after: Any
    article_id: str | None = None
    label: str = ""
    made_at: str = ""
    id: int | None = None
    undone_at: str | None = None

    @property
    def active(self) -> bool:
        """Whether it applies (it was not undone)."""
        return self.undone_at is None

    def describe(self) -> str:
        """One line saying what was changed, for lists and the CLI."""
        name = self.label or self.item
        if self.kind == "stance.add":
            after = self.after or {}
            return (f"added stance {after.get('holder')} {after.get('polarity')} "
                    f"{after.get('target')}")
        if self.kind == "entity.merge":
            after = self.after if isinstance(self.after, dict) else {}
            names = [str(e.get("canonical")) for e in (self.before or {}).get("entities", ())]
            return (f"merged {', '.join(names)} into {after.get('canonical')} "
                    f"({after.get('country') or 'no country'})")
        if self.kind == "entity.split":
            after = self.after if isinstance(self.after, dict) else {}
            before = self.before if isinstance(self.before, dict) else {}
            mention = before.get("mention") or {}
            owner = (before.get("entity") or {}).get("canonical")
            return (f"split '{mention.get('text')}' off {owner} as {after.get('canonical')} "
                    f"({after.get('country') or 'no country'})")
        field = self.kind.split(".", 1)[1]
        if field == "status":
            return f"{self.after} {self.kind.split('.')[0]} {name}"
        return f"{name}: {field} {self.before or '-'} → {self.after or '-'}"

    def to_dict(self) -> dict[str, Any]:
        return dataclasses.asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Correction:
        names = {f.name for f in dataclasses.fields(cls)}
        return cls(**{k: v for k, v in data.items() if k in names})


def now() -> str:
    """The time a correction is made, as stored (UTC, ISO 8601)."""
    return dt.datetime.now(dt.UTC).isoformat(timespec="microseconds")


def latest(corrections: Iterable[Correction]) -> dict[tuple[str, str], Correction]:
    """The correction in force per (kind, item): the last active one (by id, then time)."""
    ordered = sorted((c for c in corrections if c.active), key=_order)
    return {(c.kind, c.item): c for c in ordered}


def _order(correction: Correction) -> tuple[int, str]:
    """Where a correction comes among those made: by id when stored, then by time."""
    return (correction.id if correction.id is not None else 1 << 62, correction.made_at)
