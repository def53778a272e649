"""Frames the text does not tell as an act of the timeline, once their mode is known.

"Has not issued a statement" (not done), "accused Cairo of trying to encircle Ethiopia"
(only alleged: the accusation is the event) and "condemned what it called provocations"
(the speaker's own name for a thing, inside another act) each leave ``Article.events``.
The rules are named in ``UNTOLD_RULES`` and switched in the events component's config.
"""

from __future__ import annotations

from collections.abc import Callable

from .frame import DENIED, Frame
from .syntax import _alleged, named_things, own_naming

__all__ = ["UNTOLD_RULES"]

#: Subjects that refer back to a party named before them in the sentence.
BACK_PRONOUNS = frozenset({"it", "he", "she", "they", "we", "i"})


def _not_done(frame: Frame) -> bool:
    """An act told as not done ("has not issued a statement", "did not attack"). An act its
    doer denies ("denied backing the rebels") or refuses ("refused to impose sanctions") is
    not negated, and stays."""
    return frame.negated and frame.mode == DENIED


def _only_alleged(frame: Frame) -> bool:
    """An act only alleged by an accusation ("accused Cairo of trying to encircle
    Ethiopia"): the accusation is the event."""
    return _alleged(frame.trigger)


def _own_name_for(frame: Frame) -> bool:
    """A verb of naming in a free relative whose subject refers back ("condemned what it
    called Turkish provocations", "thanked Moscow for what he called their support"): the
    act is the condemnation or the thanks, and the naming is only how its object is put;
    the noun it names ("support") is no act either.
    A naming by another party ("what Iran called a defensive act") is a statement of its
    own, and stays."""
    tok = frame.trigger
    if tok.pos_ in ("NOUN", "PROPN") and tok in named_things(tok.head.head if tok.dep_ ==
                                                             "pobj" else tok.head):
        # "for what he called its principled support": a name for a thing, not an act.
        return True
    return own_naming(tok) and all(
        c.lower_ in BACK_PRONOUNS for c in tok.children if c.dep_ == "nsubj")


#: Rules that drop a frame the text does not tell as an act, once its mode is known: no
#: event of the timeline.
UNTOLD_RULES: dict[str, Callable[[Frame], bool]] = {
    "negated_act": _not_done,
    "alleged_act": _only_alleged,
    "own_name_for": _own_name_for,
}
