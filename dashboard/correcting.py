"""The analysts' corrections in the dashboard: kept in the store (or for this browser session
without one), listed per article or per corpus, and applied to what the pages show
(``corrected``)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import sqlite3
from collections.abc import Callable
from typing import Any

import streamlit as st

from extraction.corrections import Correction, apply_corrections, text_key
from extraction.errors import NewslensError
from extraction.model import Article

from .state import SAME_TEXT_KEY, mark_damaged, open_store, store_available

#: Corrections made in this browser session while there is no store.
SESSION_CORRECTIONS_KEY = "newslens_session_corrections"


def _session_corrections() -> list[Correction]:
    return st.session_state.setdefault(SESSION_CORRECTIONS_KEY, [])


def corrections_for(article: Article) -> list[Correction]:
    """Every correction of this article's text (undone ones too), oldest first."""
    if store_available():
        try:
            with open_store() as store:
                return store.corrections(text_key=text_key(article.text))
        except sqlite3.DatabaseError as err:
            mark_damaged(err)
    key = text_key(article.text)
    return [c for c in _session_corrections() if c.text_key == key]


def stored_as(article: Article) -> str | None:
    """The id under which this article's text is stored when it is not its own (the same
    text came before with another date, or spaced differently), else None."""
    return st.session_state.get(SAME_TEXT_KEY, {}).get(article.id)


def corpus_corrections(text_keys: frozenset[str]) -> list[Correction]:
    """Every correction (undone ones too) of the texts with these keys, oldest first."""
    if store_available():
        try:
            with open_store() as store:
                return [c for c in store.corrections() if c.text_key in text_keys]
        except sqlite3.DatabaseError as err:
            mark_damaged(err)
    return [c for c in _session_corrections() if c.text_key in text_keys]


def corrected(article: Article) -> Article:
    """The article as the analysts corrected it."""
    return apply_corrections(article, corrections_for(article))


def _in_store(action: Callable[[Any], object]) -> bool:
    """Run ``action(store)``; False when there is no usable store (then the caller keeps
    the change for this session)."""
    if not store_available():
        return False
    try:
        with open_store() as store:
            action(store)
        return True
    except sqlite3.DatabaseError as err:
        mark_damaged(err)
        return False


def save_correction(correction: Correction) -> None:
    """Keep a correction in the store (or for this session without one).

    Raises:
        NewslensError: the store refused it; the message says why.
    """
    if _in_store(lambda store: store.add_correction(correction)):
        return
    kept = _session_corrections()
    kept.append(dataclasses.replace(correction, id=len(kept) + 1))


def undo_correction(correction_id: int) -> None:
    """Undo a correction (it stays on record).

    Raises:
        NewslensError: there is no such correction, or it was undone already.
    """
    if _in_store(lambda store: store.undo_correction(correction_id)):
        return
    kept = _session_corrections()
    for index, correction in enumerate(kept):
        if correction.id == correction_id and correction.active:
            kept[index] = dataclasses.replace(
                correction, undone_at=dt.datetime.now(dt.UTC).isoformat(timespec="seconds"))
            return
    raise NewslensError(f"There is no correction {correction_id} to undo.")
