"""The corpus the pages show: the stored articles a ``Filters`` value lets through (as
articles, or as the Corpus page's frames), articles by id, the corpus' dates, countries,
sources and size; and the Corpus page's workspace: search hits, opening an article in
Analyze, deleting articles.

Reads are cached per filter and store state (``_store_stamp``), so a page switch or a filter
set back reads nothing again; the cached values are shared between sessions, never changed
in place. Without a usable store, the articles analysed in this browser session stand in
(``state.session_articles``).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
import sqlite3
from typing import Any

import streamlit as st

from extraction.model import Article
from extraction.store import Filters

from . import frames
from .correcting import corrected
from .state import mark_damaged, open_store, session_articles, store_available, stored_article


# A resource, not data: st.cache_data unpickles its value on every hit, which for 2,000
# articles took about a second of each Corpus run. Articles are frozen, so every session can
# share the same objects; fewer entries, since each one is held as it is.
@st.cache_resource(ttl=600, max_entries=8, show_spinner="Reading the corpus…")
def _stored_articles(filters: Filters, stamp: tuple[Any, ...]) -> list[Article]:
    # ``stamp`` only keys the cache: a new or deleted article, a correction made or undone,
    # or another store file makes a fresh read.
    with open_store() as store:
        return store.articles(filters)


def _store_stamp() -> tuple[Any, ...]:
    with open_store() as store:
        # max(rowid) moves on a delete followed by an add, which the count alone misses.
        last = store._conn().execute("SELECT coalesce(max(rowid), 0) FROM articles").fetchone()
        return (store.count(), last[0], store.corrections_stamp(),
                os.environ.get("NEWSLENS_STORE", ""))


def _searched(filters: Filters) -> Filters:
    """The filters with a blank search or entity as none, so that they read (and cache) the
    same as no search."""
    return dataclasses.replace(filters, query=(filters.query or "").strip() or None,
                               entity=(filters.entity or "").strip() or None)


def corpus_articles(filters: Filters) -> list[Article]:
    """Stored articles matching the filters and the search, with their corrections; this
    session's articles without a store (searched with a plain word match)."""
    filters = _searched(filters)
    if store_available():
        try:
            # A copy of the shared list, so a caller may reorder or extend its own.
            return list(_stored_articles(filters, _store_stamp()))
        except sqlite3.DatabaseError as err:
            mark_damaged(err)
    articles = [corrected(a) for a in session_articles().values()]
    if filters.query:
        words = [w.casefold() for w in filters.query.replace('"', " ").split()]
        articles = [a for a in articles
                    if all(w.rstrip("*") in f"{a.title or ''} {a.text}".casefold()
                           for w in words)]
    if filters.entity:
        name = filters.entity.casefold()
        articles = [a for a in articles
                    if any(name in e.canonical.casefold() for e in a.entities)]
    if filters.start:
        articles = [a for a in articles if a.published and a.published >= filters.start]
    if filters.end:
        articles = [a for a in articles if a.published and a.published <= filters.end]
    if filters.country:
        articles = [a for a in articles
                    if any(e.country == filters.country for e in a.entities)]
    return articles[:filters.limit] if filters.limit else articles


# A resource (see ``_stored_articles``): the frames are shared, never changed in place.
@st.cache_resource(ttl=600, max_entries=8, show_spinner="Reading the corpus…")
def _corpus_view(filters: Filters, stamp: tuple[Any, ...]) -> frames.CorpusFrames:
    # ``stamp`` only keys the cache (see ``_stored_articles``). The store's light projection
    # (``Store.corpus_rows``): for 2,000 articles a quarter of the time of reading them
    # whole; only the articles with corrections in force are read whole.
    with open_store() as store:
        ids = store.article_ids(filters)
        rows = store.corpus_rows(ids)
        corrected = store.get_many([r[0] for r in rows["articles"] if r[-1]])
    return frames.projected_frames(rows, ids, corrected)


def corpus_view(filters: Filters) -> frames.CorpusFrames:
    """What the Corpus page shows of the stored articles matching the filters and the
    search (``corpus_articles``), with their corrections, as frames; cached per filter and
    store state, so a page switch or a filter set back reads nothing again."""
    filters = _searched(filters)
    if store_available():
        try:
            return _corpus_view(filters, _store_stamp())
        except sqlite3.DatabaseError as err:
            mark_damaged(err)
    return frames.corpus_frames(corpus_articles(filters))


def articles_by_id(article_ids: list[str]) -> list[Article]:
    """These articles with their corrections, in the order given: from the store, or this
    session's."""
    if store_available():
        try:
            return list(_articles_by_id(tuple(article_ids), _store_stamp()))
        except sqlite3.DatabaseError as err:
            mark_damaged(err)
    kept = session_articles()
    return [corrected(kept[i]) for i in article_ids if i in kept]


def evidence_articles(stances: Any, holder: str, target: str) -> list[Article]:
    """The articles, read whole, in which ``holder`` takes a stance towards ``target`` (a
    canonical target key), from a ``stances_frame``: what the evidence of that stance is
    read from."""
    rows = stances[(stances["holder"] == holder) & (stances["target_key"] == target)]
    return articles_by_id(list(dict.fromkeys(rows["article_id"])))


@st.cache_resource(ttl=600, max_entries=16, show_spinner=False)
def _articles_by_id(article_ids: tuple[str, ...], stamp: tuple[Any, ...]) -> list[Article]:
    with open_store() as store:
        return store.get_many(article_ids)


def corpus_overview() -> tuple[dt.date | None, dt.date | None, list[str]]:
    """The earliest and latest publication dates in the corpus, and its ISO-3 countries."""
    if store_available():
        try:
            with open_store() as store:
                lo, hi = store.date_range()
                return lo, hi, list(store.countries())
        except sqlite3.DatabaseError as err:
            mark_damaged(err)
    articles = list(session_articles().values())
    dates = sorted(a.published for a in articles if a.published)
    return (dates[0] if dates else None, dates[-1] if dates else None,
            frames.article_countries(articles))


def corpus_sources() -> list[str]:
    """The sources named in the store."""
    if not store_available():
        return []
    try:
        with open_store() as store:
            return sorted(s for s in store.sources() if s)
    except sqlite3.DatabaseError as err:
        mark_damaged(err)
        return []


def corpus_count() -> int:
    """Number of articles in the store (or in this session without a store)."""
    if store_available():
        try:
            with open_store() as store:
                return int(store.count())
        except sqlite3.DatabaseError as err:
            mark_damaged(err)
    return len(session_articles())



# --- the corpus as a workspace: search, open, delete --------------------------------------

def search_hits(filters: Filters) -> list[Any]:
    """``ArticleSummary``s of stored articles matching a search (``filters``' query or
    entity), best first, each with the place its words were found (``snippet``); empty
    without a store or a search."""
    filters = _searched(filters)
    if not store_available() or not (filters.query or filters.entity):
        return []
    try:
        return _search_hits(filters, _store_stamp())
    except sqlite3.DatabaseError as err:
        mark_damaged(err)
        return []


@st.cache_data(ttl=600, max_entries=32, show_spinner=False)
def _search_hits(filters: Filters, stamp: tuple[Any, ...]) -> list[Any]:
    # ``stamp`` only keys the cache (see ``_stored_articles``).
    with open_store() as store:
        return store.summaries(filters)


def open_in_analyze(article_id: str) -> bool:
    """Make a stored (or this session's) article the one the Analyze page shows, with its
    text, title and date in the editor; False when it is not found."""
    found = session_articles().get(article_id) or stored_article(article_id)
    if found is None:
        return False
    kept = session_articles()
    kept.pop(found.id, None)
    kept[found.id] = found
    st.session_state["analyze_text"] = found.text
    st.session_state["analyze_title"] = found.title or ""
    st.session_state["analyze_date"] = found.published
    st.session_state["analyze_current"] = found.id
    st.session_state["analyze_result"] = found.id
    st.session_state["analyze_loaded"] = f"stored:{found.id}"
    return True


def delete_articles(article_ids: list[str]) -> int:
    """Delete articles (analyses and corrections) from the store and this session; return
    how many were stored."""
    kept = session_articles()
    for gone in article_ids:
        kept.pop(gone, None)
    if not store_available():
        return len(article_ids)
    try:
        with open_store() as store:
            return store.delete_many(article_ids)
    except sqlite3.DatabaseError as err:
        mark_damaged(err)
        return 0
