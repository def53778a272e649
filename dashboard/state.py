"""What the dashboard keeps between reruns: the pipeline, analyses, the store, the session.

- the spaCy pipeline, loaded once per process (``st.cache_resource``);
- analyses, cached by article id (a hash of the text and the given date) and title;
- the corpus store (``extraction.store``), opened per use so that every Streamlit session
  thread gets its own SQLite connection; when it is not installed or cannot be opened, the
  articles analysed in this browser session (the last ``SESSION_LIMIT``) stand in for it;
- the sample articles, and their one-time ingest into the store;
- each page's inputs through page switches, and its view in the URL.

Two modules build on this one, and with it hold all the ``st.cache_*`` code in the app:
``dashboard.reading`` (the corpus the pages show: what a ``Filters`` value lets through, by
id, the Corpus page's search, open and delete) and ``dashboard.correcting`` (the analysts'
corrections, in the store or for the session).

Configuration (environment): ``NEWSLENS_STORE`` (the store file, see ``extraction.store``),
``NEWSLENS_SAMPLES`` (the folder of sample articles; default ``sample_articles/``).
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import sqlite3
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import streamlit as st
from spacy.language import Language

from dashboard import urlstate
from extraction import analyze, article_id
from extraction.errors import NewslensError
from extraction.model import Article
from extraction.textio import (
    SUPPORTED_SUFFIXES,
    parse_date,
    read_bytes,
    split_front_matter,
    validate_text,
)

ROOT = Path(__file__).resolve().parent.parent
SESSION_KEY = "newslens_session_articles"
#: Analysed article id -> the id the same text is stored under (another date, say).
SAME_TEXT_KEY = "newslens_same_text"
SAMPLE_SOURCE = "newslens samples"
#: Analyses a browser session keeps in memory for its result picker.
SESSION_LIMIT = 50
#: Analyses running at once in this server process, over all sessions: each takes up to
#: about 800 MB on a 200,000-character text, and more would only share the same cores.
MAX_CONCURRENT_ANALYSES = 2
#: Seconds an analysis waits for a free slot before the user is told to try again.
ANALYSIS_WAIT_S = 30.0

log = logging.getLogger("newslens.dashboard")


@dataclass(frozen=True)
class Sample:
    """A sample article file, read and ready for the editor."""

    name: str
    text: str
    title: str | None
    published: dt.date | None


@st.cache_resource(show_spinner="Loading the language model…")
def pipeline() -> Language:
    """The process-wide newslens pipeline (model and components), loaded once."""
    from extraction import get_pipeline

    return get_pipeline()


@st.cache_data(max_entries=512, show_spinner=False)
def _cached_analysis(
    key: str, title: str | None, _text: str, _published: dt.date | None
) -> Article:
    # The text and date are already folded into ``key`` (the article id), so they are
    # excluded from hashing: a 200,000-character text is not hashed on every rerun.
    return analyze(_text, published=_published, title=title, nlp=pipeline())


@st.cache_resource
def _analysis_slots() -> threading.BoundedSemaphore:
    # One per server process: shared by every browser session.
    return threading.BoundedSemaphore(MAX_CONCURRENT_ANALYSES)


def analyse(text: str, published: dt.date | str | None, title: str | None, *,
            wait: float = ANALYSIS_WAIT_S) -> Article:
    """Analyse an article, reusing an earlier analysis of the same text, date and title.

    At most ``MAX_CONCURRENT_ANALYSES`` run at once in the process; a request that finds no
    free slot within ``wait`` seconds is refused with a "busy" message, so one user's long
    texts cannot queue everyone else's for ever.

    Raises:
        NewslensError: the text or date is unusable, the server is busy, or the analysis
            failed; the message says which (a failure's details go to the server log only).
    """
    text = validate_text(text)
    date = parse_date(published)
    slots = _analysis_slots()
    if not slots.acquire(timeout=wait):
        raise NewslensError(
            f"newslens is busy with {MAX_CONCURRENT_ANALYSES} other analyses; try again in a "
            "minute."
        )
    try:
        return _cached_analysis(article_id(text, date), title or None, text, date)
    except NewslensError:
        raise
    except Exception:  # noqa: BLE001  (a component bug: logged here, a message in the page)
        log.exception("analysis failed (article %s)", article_id(text, date))
        raise NewslensError(
            "The analysis failed on this text because of an internal error (logged on the "
            "server). Try another text, or report the problem with the text attached."
        ) from None
    finally:
        slots.release()


def split_pasted(text: str) -> tuple[str, dict[str, str]]:
    """Split a front matter block off pasted text; return the body and its fields."""
    meta, body = split_front_matter(text.lstrip("\ufeff"))
    return body, meta


# --- the corpus store ------------------------------------------------------------------

def store_problem() -> str | None:
    """None when the corpus store can be used, else a message saying why it cannot."""
    try:
        from extraction.store import default_store_path
    except ImportError:
        return "The corpus store is not installed: analyses are kept for this session only."
    location = str(default_store_path())
    return _damaged_stores().get(location) or _check_store(location)


@st.cache_resource
def _damaged_stores() -> dict[str, str]:
    # Per process: stores found damaged while in use, with the message to show.
    return {}


def mark_damaged(err: sqlite3.Error) -> None:
    """Remember that the store failed in use; the app goes on with session-only analyses."""
    from extraction.store import default_store_path

    location = str(default_store_path())
    log.error("corpus store %s failed: %s", location, err)
    _damaged_stores()[location] = (
        f"The corpus store '{location}' is damaged ({err}); analyses are kept for this "
        "session only. Restore the file from a backup, or set NEWSLENS_STORE to a new file."
    )


@st.cache_resource(show_spinner=False)
def _check_store(location: str) -> str | None:
    # Opened once per process and location: a store that cannot be opened (a folder, a
    # file that is not a store, no permission) is reported instead of failing every page.
    from extraction.store import Store

    try:
        store = Store(location)
        try:
            # A quick structural check: random bytes written into the file show here, not
            # as a failure on every page later.
            row = store._conn().execute("PRAGMA quick_check(1)").fetchone()
        finally:
            store.close()
        if row and row[0] != "ok":
            return f"The corpus store '{location}' is damaged ({row[0]}); analyses are kept " \
                   "for this session only."
    except NewslensError as err:
        return f"{err} Analyses are kept for this session only."
    except (OSError, sqlite3.Error) as err:
        return f"The corpus store '{location}' cannot be used ({err}); analyses are kept " \
               "for this session only."
    return None


def store_available() -> bool:
    """Whether the persistent corpus store is installed and can be opened."""
    return store_problem() is None


@contextmanager
def open_store() -> Iterator[Any]:
    """Open the corpus store (``$NEWSLENS_STORE`` or the user's data folder) for one use."""
    from extraction.store import Store

    store = Store()
    try:
        yield store
    finally:
        store.close()


def session_articles() -> dict[str, Article]:
    """Articles analysed in this browser session, by id, oldest first."""
    return st.session_state.setdefault(SESSION_KEY, {})


def remember(article: Article, *, source: str | None = None) -> str | None:
    """Keep an analysed article for this session and save it to the store.

    Returns:
        None when it was saved (or already stored), else a message saying why not.
    """
    kept = session_articles()
    kept.pop(article.id, None)
    kept[article.id] = article
    while len(kept) > SESSION_LIMIT:
        # The oldest goes first; it stays in the store when there is one.
        del kept[next(iter(kept))]
    problem = store_problem()
    if problem:
        return problem
    try:
        with open_store() as store:
            # The same text pasted, uploaded or ingested before (with another date, say) is
            # not stored again; its corrections apply to this analysis too (by text).
            if not store.add(article, source=source, once_per_text=True):
                other = store.same_text(article.text)
                if other and other != article.id:
                    st.session_state.setdefault(SAME_TEXT_KEY, {})[article.id] = other
    except NewslensError as err:
        return f"The article could not be saved to the corpus: {err}"
    except sqlite3.DatabaseError as err:
        mark_damaged(err)
        return store_problem()
    except (OSError, sqlite3.Error) as err:
        return f"The article could not be saved to the corpus ({err})."
    return None


# --- the sample articles ---------------------------------------------------------------

def samples_dir() -> Path:
    """The folder of sample articles: ``$NEWSLENS_SAMPLES`` or ``sample_articles/``."""
    return Path(os.environ.get("NEWSLENS_SAMPLES") or ROOT / "sample_articles")


def _sample_files(folder: Path) -> list[Path]:
    if not folder.is_dir():
        return []
    return sorted(
        p for p in folder.iterdir()
        if p.is_file() and p.suffix.lower() in SUPPORTED_SUFFIXES
        and not p.name.lower().startswith("readme")
    )


@st.cache_data(show_spinner=False)
def _read_samples(folder: str, stamp: tuple[tuple[str, float], ...]) -> list[Sample]:
    # ``stamp`` (names and modification times) makes an edited sample folder re-read.
    samples = []
    for path in _sample_files(Path(folder)):
        try:
            data = path.read_bytes()
            source = read_bytes(data, path.name)
        except (NewslensError, OSError):
            # A broken sample is not the user's fault; it is left out of the picker.
            continue
        samples.append(Sample(path.name, source.text, source.title, source.published))
    return samples


def samples() -> list[Sample]:
    """The sample articles, read once and re-read when the folder changes."""
    folder = samples_dir()
    stamp = tuple((p.name, p.stat().st_mtime) for p in _sample_files(folder))
    return _read_samples(str(folder), stamp)


@st.cache_resource
def _ingest_marks() -> tuple[threading.Lock, set[str]]:
    # Per process: which store files already hold the samples, and a lock so that two
    # browser sessions opening at once do not both analyse them.
    return threading.Lock(), set()


def ensure_samples_stored(progress: Callable[[float, str], None] | None = None) -> int:
    """Analyse the sample articles into the store once, on the app's first start.

    Args:
        progress: called with (fraction done, message) while articles are analysed.

    Returns:
        The number of samples that were analysed and added.
    """
    if not store_available():
        return 0
    lock, done = _ingest_marks()
    mark = f"{os.environ.get('NEWSLENS_STORE', '')}|{samples_dir()}"
    with lock:
        if mark in done:
            return 0
        added = 0
        todo: list[Sample] = []
        try:
            with open_store() as store:
                todo = [s for s in samples() if not store.has(article_id(s.text, s.published))]
                for index, sample in enumerate(todo):
                    if progress:
                        progress(index / len(todo), f"Analysing sample article {sample.name}")
                    try:
                        article = analyse(sample.text, sample.published, sample.title)
                    except NewslensError as err:
                        # A sample that cannot be analysed now is left out, not fatal.
                        log.warning("sample %s not stored: %s", sample.name, err)
                        continue
                    added += bool(store.add(article, source=SAMPLE_SOURCE))
        except sqlite3.DatabaseError as err:
            # The pages still load: they show the message and work for this session.
            mark_damaged(err)
        except (OSError, sqlite3.Error, NewslensError) as err:
            log.warning("sample articles not stored: %s", err)
        if progress and todo:
            progress(1.0, "Sample articles ready")
        done.add(mark)
        return added


# --- state that stays: page switches and the URL ----------------------------------------

def keep_widget_state() -> None:
    """Keep every page's inputs through a switch to another page (and back).

    Streamlit drops a widget's value when a run does not draw that widget; a value set by
    the script instead is kept. Called before the page runs, while no widget is drawn.
    """
    for keys in urlstate.PAGE_KEYS.values():
        for key in keys:
            if key in st.session_state:
                st.session_state[key] = st.session_state[key]


def restore_view(page: str) -> None:
    """On a page's first run in this session, take its view from the URL.

    Later runs keep the session's values: a page switch (which clears the URL) does not
    wipe them. An article id in the URL is read back from the store and shown.
    """
    flag = f"_newslens_restored_{page}"
    if st.session_state.get(flag):
        return
    st.session_state[flag] = True
    values = urlstate.decode(page, {k: st.query_params[k] for k in st.query_params})
    article = values.pop("analyze_current", None)
    for key, value in values.items():
        st.session_state[key] = value
    if article and article not in session_articles():
        found = stored_article(article)
        if found is not None:
            session_articles()[found.id] = found
            if not st.session_state.get("analyze_text"):
                st.session_state["analyze_text"] = found.text
                st.session_state["analyze_title"] = found.title or ""
                st.session_state["analyze_date"] = found.published
    if article and article in session_articles():
        st.session_state["analyze_current"] = article
        st.session_state["analyze_result"] = article


def publish_view(page: str) -> None:
    """Write the page's view into the URL, so it can be bookmarked and sent."""
    wanted = urlstate.encode(page, {k: st.session_state.get(k)
                                    for k in urlstate.PARAMS.get(page, {})})
    st.session_state[f"_newslens_url_{page}"] = wanted
    if {k: st.query_params[k] for k in st.query_params} != wanted:
        st.query_params.from_dict(wanted)


def follow_link(page: str) -> None:
    """Take the page's view from the URL whenever it holds one the page did not write.

    ``restore_view`` reads the URL once per session; a page reached by links (the country
    and entity page, opened from the Corpus page for one subject after another) must follow
    every link, while a bare page switch (no parameters) keeps the session's view.
    """
    current = {k: st.query_params[k] for k in st.query_params}
    if not current or current == st.session_state.get(f"_newslens_url_{page}"):
        return
    for key in urlstate.PARAMS.get(page, {}):
        st.session_state.pop(key, None)
    st.session_state.update(urlstate.decode(page, current))


def stored_article(article_id: str) -> Article | None:
    """The stored article with this id as extracted, or None (no store, or no such
    article)."""
    if not store_available():
        return None
    try:
        with open_store() as store:
            # As extracted: corrections are applied when it is shown, so undoing one works.
            return store.get(article_id, corrected=False)
    except sqlite3.DatabaseError as err:
        mark_damaged(err)
        return None
