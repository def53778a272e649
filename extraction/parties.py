"""Stance holders and targets as typed values instead of strings to take apart.

A stance's ``holder`` and ``target_key`` are keys in one scheme, kept as strings in the
``Article``, the store and every export:

- ``VEN``: a state (kind ``state``, an ISO-3 code);
- ``military:VEN``, ``police:CHL``: a sector of a state (``sector``): its armed forces,
  opposition, police, rebels and the like;
- ``group:54 other countries``: several states without one code, or a group (``group``);
- ``entity:Ann Lee``: a person or an organisation, as a target (``entity``);
- ``un``, ``eu``: an international organisation, its key in ``igos.tsv`` (``igo``).

``Party.parse(key)`` reads a key and ``party.key`` gives it back unchanged, so code asks
``party.kind``, ``party.country`` or ``party.label`` instead of splitting at the colon. A
key that fits no other kind reads as an organisation key (its label is the key itself when
no organisation has it), as the dashboard always read it.

    >>> Party.parse("opposition:VEN").country
    'VEN'
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from . import resources

STATE = "state"
SECTOR = "sector"
GROUP = "group"
ENTITY = "entity"
IGO = "igo"
KINDS = (STATE, SECTOR, GROUP, ENTITY, IGO)

_ISO3 = re.compile(r"[A-Z]{3}")
# Kinds whose key is "<prefix>:<words>", the prefix being the kind itself.
_PREFIXED = (GROUP, ENTITY)


@dataclass(frozen=True)
class Party:
    """One holder or target of a stance.

    ``kind`` is one of ``KINDS``; ``country`` the ISO-3 code of a state or of a sector's
    state (None otherwise); ``sector`` the sector's word as the key writes it ("military",
    "armed_forces"); ``name`` the words of a group or an entity, or an organisation's key
    ("un"), None for a state or a sector.
    """

    kind: str
    country: str | None = None
    sector: str | None = None
    name: str | None = None

    @classmethod
    def parse(cls, key: str) -> Party:
        """The party a key names: ``"VEN"``, ``"police:CHL"``, ``"group:..."``,
        ``"entity:..."`` or an organisation key (``"un"``)."""
        return _parse(key)

    @property
    def key(self) -> str:
        """The key this party is stored under: ``Party.parse(key).key == key``."""
        if self.kind == STATE:
            return str(self.country)
        if self.kind == SECTOR:
            return f"{self.sector}:{self.country}"
        if self.kind in _PREFIXED:
            return f"{self.kind}:{self.name}"
        return str(self.name)

    @property
    def is_state(self) -> bool:
        """Whether the party is a state itself (not a sector of it)."""
        return self.kind == STATE

    @property
    def label(self) -> str:
        """A reader's name: "Venezuela", "Chile (police)", "United Nations", or the words
        of a group or an entity."""
        if self.kind == STATE:
            return resources.country_name(str(self.country))
        if self.kind == SECTOR:
            sector = str(self.sector).replace("_", " ")
            return f"{resources.country_name(str(self.country))} ({sector})"
        if self.kind in _PREFIXED:
            return str(self.name)
        return resources.igo_name(str(self.name))


# Keys repeat across a corpus's stances (a frame maps thousands of rows); parsing is pure.
@lru_cache(maxsize=4096)
def _parse(key: str) -> Party:
    if _ISO3.fullmatch(key):
        return Party(STATE, country=key)
    prefix, sep, rest = key.partition(":")
    if sep and prefix in _PREFIXED:
        return Party(prefix, name=rest)
    if sep and _ISO3.fullmatch(rest):
        return Party(SECTOR, country=rest, sector=prefix)
    return Party(IGO, name=key)
