"""Batch ingest: read collections of articles, analyse them in batches, keep them in the store.

Inputs are folders of article files (.txt, .md, .html, .pdf; front matter gives title and
date), JSONL files (one JSON object per line) and CSV files (a header row), with text,
title, date and url columns whose names can be changed. Everything is streamed: a
collection larger than memory is fine.

What cannot be analysed is skipped and reported with a reason (``REASONS``), never
silently dropped and never stopping the run. Articles already in the store are skipped
before analysis, so a rerun after a crash only does the work that is left. Each article
is written in its own transaction, so a killed run never leaves a partial article.

Analysis runs ``nlp.pipe`` in batches inside ``nlp.memory_zone()`` (memory stays flat on
long runs) in this process (``workers=1``), in a pool of worker processes that each load
the pipeline once (``workers>1``), or on a Dask cluster (``engine="dask"``, see
``extraction.dask_engine``). All engines run the same function, ``analyze_items``.
"""

from __future__ import annotations

import abc
import argparse
import contextlib
import csv
import datetime as dt
import itertools
import json
import os
import re
import sqlite3
import stat
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO
from urllib.parse import urlparse

from .convert import article_id
from .corrections import text_key
from .errors import NewslensError
from .limits import MAX_CHARS
from .model import Article
from .store import Store, export_tables
from .textio import (
    HTML_SUFFIXES,
    PDF_SUFFIXES,
    SUPPORTED_SUFFIXES,
    FileTooLarge,
    clean_title,
    decode_bytes,
    html_to_text,
    parse_date,
    read_bytes,
    read_file_bytes,
    split_front_matter,
    terminal_safe,
    validate_text,
)

if TYPE_CHECKING:
    from spacy.language import Language

JSONL_SUFFIXES = (".jsonl", ".ndjson")
CSV_SUFFIXES = (".csv",)

#: Why an input was not stored, in the order the summary lists them.
REASONS = (
    "already stored",
    "duplicate",
    "empty",
    "too long",
    "undecodable",
    "bad date",
    "bad row",
    "rejected text",
    "unsupported file",
    "unreadable",
    "missing path",
    "analysis failed",
)
#: Reasons that mean something went wrong (the command exits with status 1).
ERROR_REASONS = frozenset({"missing path", "unreadable", "analysis failed"})

# Texts that decode with surrogateescape keep undecodable bytes as lone surrogates.
_SURROGATE = re.compile("[\ud800-\udfff]")
# A CSV field may hold a whole article; the csv module's default limit is 128 KiB.
_CSV_FIELD_LIMIT = 64 * 1024 * 1024


@dataclass(frozen=True)
class Item:
    """One article read from the input, checked and ready for analysis."""

    text: str
    published: dt.date | None
    title: str | None
    url: str | None
    source: str | None
    origin: str

    @property
    def id(self) -> str:
        """The id the analysed article will have (``Article.id``)."""
        return article_id(self.text, self.published)


@dataclass(frozen=True)
class Skip:
    """An input that was not stored: where it came from, the reason, and the details."""

    origin: str
    reason: str
    message: str

    def to_dict(self) -> dict[str, str]:
        return {"origin": self.origin, "reason": self.reason, "message": self.message}


@dataclass(frozen=True)
class Columns:
    """Names of the JSONL/CSV fields; ``date`` falls back to ``published`` when absent."""

    text: str = "text"
    title: str = "title"
    date: str = "date"
    url: str = "url"


@dataclass
class IngestReport:
    """What an ingest did; filled in as it runs."""

    store: str = ""
    stored: int = 0
    words: int = 0
    seconds: float = 0.0
    skipped: Counter[str] = field(default_factory=Counter)
    #: The first skips of each reason, for the summary (all of them go to ``skip_log``).
    examples: dict[str, list[Skip]] = field(default_factory=dict)
    interrupted: bool = False

    def add_skip(self, skip: Skip, *, keep: int = 5) -> None:
        self.skipped[skip.reason] += 1
        shown = self.examples.setdefault(skip.reason, [])
        if len(shown) < keep:
            shown.append(skip)

    @property
    def failed(self) -> bool:
        return any(self.skipped[r] for r in ERROR_REASONS)

    def summary(self) -> str:
        """Return the end-of-run report for people."""
        rate = self.stored / self.seconds if self.seconds else 0.0
        wrate = self.words / self.seconds if self.seconds else 0.0
        lines = [
            f"{'Interrupted after storing' if self.interrupted else 'Stored'} "
            f"{self.stored:,} article{'s' if self.stored != 1 else ''} "
            f"({self.words:,} words) in {self.seconds:.1f} s: {rate:.1f} articles/s, "
            f"{wrate:,.0f} words/s. Store: {self.store}"
        ]
        total = sum(self.skipped.values())
        if total:
            parts = [f"{r} {self.skipped[r]:,}" for r in REASONS if self.skipped[r]]
            lines.append(f"Skipped {total:,}: " + ", ".join(parts) + ".")
            for reason in REASONS:
                for skip in self.examples.get(reason, ()):
                    if reason not in ("already stored", "duplicate"):
                        lines.append(f"  {reason}: {skip.origin}: {skip.message}")
                more = self.skipped[reason] - len(self.examples.get(reason, ()))
                if more > 0 and reason not in ("already stored", "duplicate"):
                    lines.append(f"  {reason}: ... and {more:,} more")
        return "\n".join(lines)


# -- reading inputs ------------------------------------------------------------------------


def _host(url: str | None) -> str | None:
    if not url:
        return None
    try:
        host = urlparse(url).hostname
    except ValueError:
        # A malformed address ("http://[::1") gives no source; the article is kept.
        return None
    return host.removeprefix("www.") if host else None


def item_from_record(
    record: object,
    origin: str,
    *,
    columns: Columns = Columns(),  # noqa: B008  (frozen, so a shared default is safe)
    published: dt.date | None = None,
    source: str | None = None,
) -> Item | Skip:
    """Check one JSONL object or CSV row and return it as an ``Item``, or why it is skipped.

    Args:
        record: the parsed row (a mapping of column name to value).
        origin: where it came from, for the report (``file.csv row 12``).
        columns: the field names to read.
        published: the date for rows without one.
        source: the source to record; the URL's host (or nothing) when None.
    """
    if not isinstance(record, dict):
        return Skip(origin, "bad row", f"expected an object with a '{columns.text}' field, "
                                       f"got {type(record).__name__}")
    if columns.text not in record:
        fields = ", ".join(sorted(map(str, record))) or "none"
        return Skip(origin, "bad row", f"no '{columns.text}' field (fields: {fields}); "
                                       "name the text field with --text-column")
    text = record[columns.text]
    if text is None or (isinstance(text, str) and not text.strip()):
        return Skip(origin, "empty", "the text is empty")
    if not isinstance(text, str):
        return Skip(origin, "bad row", f"the text is a {type(text).__name__}, not a string")
    if _SURROGATE.search(text):
        return Skip(origin, "undecodable", "the text is not valid UTF-8")
    if len(text) > MAX_CHARS:
        return Skip(origin, "too long", f"{len(text):,} characters; the limit is {MAX_CHARS:,}")
    raw_date = record.get(columns.date)
    if raw_date in (None, "") and columns.date == Columns.date:
        raw_date = record.get("published")
    date = published
    if raw_date not in (None, ""):
        if not isinstance(raw_date, str):
            return Skip(origin, "bad date", f"the date {raw_date!r} is not YYYY-MM-DD text")
        try:
            date = parse_date(raw_date)
        except NewslensError as err:
            return Skip(origin, "bad date", str(err))
    try:
        # The text as analysed (long runs broken), so the id here is the Article's id.
        text = validate_text(text, name="The text")
    except NewslensError as err:
        return Skip(origin, "rejected text", str(err))
    title = record.get(columns.title)
    url = record.get(columns.url)
    if any(isinstance(value, str) and _SURROGATE.search(value) for value in (title, url)):
        return Skip(origin, "undecodable", "the title or url is not valid UTF-8")
    title = clean_title(title) if title not in (None, "") else None
    url = str(url).strip() or None if url not in (None, "") else None
    return Item(text=text, published=date, title=title, url=url,
                source=source or _host(url), origin=origin)


def _diagnose(data: bytes, suffix: str) -> str:
    """Return the reason ``read_bytes`` refused a file's bytes (its message says the details)."""
    if not data.strip():
        return "empty"
    if suffix in PDF_SUFFIXES:
        return "unreadable"
    try:
        text = decode_bytes(data)
    except NewslensError:
        return "undecodable"
    if suffix in HTML_SUFFIXES:
        text, _ = html_to_text(text)
    meta, body = split_front_matter(text)
    if not body.strip():
        return "empty"
    if len(body) > MAX_CHARS:
        return "too long"
    try:
        parse_date(meta.get("published") or meta.get("date"))
    except NewslensError:
        return "bad date"
    return "rejected text"


def read_article_file(
    path: Path, *, published: dt.date | None = None, source: str | None = None
) -> Item | Skip:
    """Read one article file (front matter supported) as an ``Item``, or why it is skipped.

    Only regular files are read (see ``read_file_bytes``), at most ``MAX_FILE_BYTES``.
    """
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        return Skip(str(path), "unsupported file", f"not an article file ({suffix or 'no suffix'})")
    try:
        data = read_file_bytes(path)
    except FileTooLarge as err:
        return Skip(str(path), "too long", str(err))
    except NewslensError as err:
        return Skip(str(path), "unreadable", str(err))
    try:
        found = read_bytes(data, path.name)
    except NewslensError as err:
        return Skip(str(path), _diagnose(data, suffix), str(err))
    return Item(text=found.text, published=found.published or published, title=found.title,
                url=None, source=source, origin=str(path))


def _text_encoding(path: Path) -> str:
    """The encoding to read a JSONL or CSV file with: UTF-16 when it starts with a UTF-16 byte
    order mark, else UTF-8 (with or without its BOM)."""
    with path.open("rb") as handle:
        head = handle.read(2)
    return "utf-16" if head in (b"\xff\xfe", b"\xfe\xff") else "utf-8-sig"


def _lines(path: Path) -> Iterator[bytes]:
    """The lines of a JSONL file as UTF-8 bytes (a UTF-16 file is re-encoded line by line)."""
    if _text_encoding(path) == "utf-16":
        with path.open(encoding="utf-16", errors="surrogatepass", newline="") as handle:
            for line in handle:
                yield line.encode("utf-8", "surrogatepass")
        return
    with path.open("rb") as handle:
        yield from handle


def read_jsonl(
    path: Path, *, columns: Columns, published: dt.date | None, source: str | None
) -> Iterator[Item | Skip]:
    """Yield the articles of a JSONL file, one per line; bad lines become ``Skip``s."""
    if not _is_regular(path):
        yield Skip(str(path), "unreadable", "not a regular file (a pipe, device or socket)")
        return
    number = 0
    try:
        for number, raw in enumerate(_lines(path), start=1):
            origin = f"{path}:{number}"
            if number == 1:
                raw = raw.removeprefix(b"\xef\xbb\xbf")
            if not raw.strip():
                continue
            try:
                line = raw.decode("utf-8")
            except UnicodeDecodeError:
                yield Skip(origin, "undecodable", "the line is not valid UTF-8")
                continue
            try:
                record = json.loads(line)
            except ValueError as err:
                message = getattr(err, "msg", str(err))
                column = getattr(err, "colno", None)
                where = f" at column {column}" if column else ""
                yield Skip(origin, "bad row", f"not valid JSON ({message}{where})")
                continue
            except RecursionError:
                yield Skip(origin, "bad row", "the JSON is nested too deeply to read")
                continue
            yield item_from_record(record, origin, columns=columns, published=published,
                                   source=source)
    except OSError as err:
        yield Skip(f"{path}:{number + 1}", "unreadable",
                   f"cannot read on from here ({err.strerror}); the rows before were kept")


def read_csv(
    path: Path, *, columns: Columns, published: dt.date | None, source: str | None
) -> Iterator[Item | Skip]:
    """Yield the articles of a CSV file with a header row; bad rows become ``Skip``s."""
    csv.field_size_limit(max(csv.field_size_limit(), _CSV_FIELD_LIMIT))
    if not _is_regular(path):
        yield Skip(str(path), "unreadable", "not a regular file (a pipe, device or socket)")
        return
    try:
        # surrogateescape keeps going past bad bytes; the rows holding them are skipped.
        encoding = _text_encoding(path)
        # UTF-16 keeps bad code units as lone surrogates with surrogatepass.
        errors = "surrogatepass" if encoding == "utf-16" else "surrogateescape"
        handle = path.open(encoding=encoding, errors=errors, newline="")
    except OSError as err:
        yield Skip(str(path), "unreadable", f"cannot open: {err.strerror}")
        return
    with handle:
        reader = csv.reader(handle)
        try:
            header = next(reader, None)
            if header is None:
                yield Skip(str(path), "empty", "the CSV file is empty")
                return
            header = [h.strip() for h in header]
            if columns.text not in header:
                yield Skip(str(path), "bad row",
                           f"the header has no '{columns.text}' column (columns: "
                           f"{', '.join(header)}); name it with --text-column")
                return
            for number, row in enumerate(reader, start=1):
                origin = f"{path} row {number}"
                if not any(cell.strip() for cell in row):
                    continue
                if len(row) != len(header):
                    yield Skip(origin, "bad row",
                               f"{len(row)} fields where the header has {len(header)}")
                    continue
                yield item_from_record(dict(zip(header, row, strict=True)), origin,
                                       columns=columns, published=published, source=source)
        except csv.Error as err:
            # The csv module cannot resynchronise after a malformed record: report the rest.
            yield Skip(f"{path} line {reader.line_num}", "bad row",
                       f"cannot parse the CSV from here on ({err}); the rest of the file was "
                       "not read")
        except (OSError, UnicodeError) as err:
            yield Skip(f"{path} line {reader.line_num}", "unreadable",
                       f"cannot read on from here ({err}); the rows before were kept")


def _is_regular(path: Path) -> bool:
    """Whether ``path`` is a regular file (after links), checked without opening it."""
    try:
        return stat.S_ISREG(path.stat().st_mode)
    except OSError:
        return False


def _walk(folder: Path) -> Iterator[Path | Skip]:
    """The files under ``folder`` in name order, and a ``Skip`` for every sub-folder that
    cannot be listed and every link that leads out of the folder."""
    errors: list[OSError] = []
    top = folder.resolve()
    for root, dirs, files in os.walk(folder, onerror=errors.append):
        while errors:
            err = errors.pop(0)
            yield Skip(str(err.filename or root), "unreadable",
                       f"cannot list the folder: {err.strerror}")
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if name.startswith("."):
                continue
            path = Path(root) / name
            if path.is_symlink() and top not in path.resolve().parents:
                yield Skip(str(path), "unreadable",
                           "a link to a file outside the folder; newslens does not follow it")
                continue
            yield path
    for err in errors:
        yield Skip(str(err.filename or folder), "unreadable",
                   f"cannot list the folder: {err.strerror}")


def read_inputs(
    paths: Iterable[str | Path],
    *,
    columns: Columns = Columns(),  # noqa: B008  (frozen, so a shared default is safe)
    published: dt.date | None = None,
    source: str | None = None,
) -> Iterator[Item | Skip]:
    """Yield every article (or reason to skip) from files, folders, JSONL and CSV files.

    Folders give their article files (.txt, .md, .html, .pdf), recursively, in name order;
    name JSONL and CSV files explicitly. ``source`` defaults to the URL's host, else the
    name of the folder or file given.
    """
    for given in paths:
        path = Path(given)
        # The folder's or file's own name (the folder for "." too).
        label = source or (path.name if path.is_dir() else path.stem) or path.resolve().name
        if not path.exists():
            yield Skip(str(path), "missing path", "no such file or folder")
        elif path.is_dir():
            for file in _walk(path):
                if isinstance(file, Skip):
                    yield file
                    continue
                suffix = file.suffix.lower()
                if suffix in SUPPORTED_SUFFIXES:
                    yield read_article_file(file, published=published, source=label)
                else:
                    hint = (" (name JSONL and CSV files explicitly to read them)"
                            if suffix in JSONL_SUFFIXES + CSV_SUFFIXES else "")
                    yield Skip(str(file), "unsupported file", f"not an article file{hint}")
        else:
            suffix = path.suffix.lower()
            if suffix in JSONL_SUFFIXES:
                rows = read_jsonl(path, columns=columns, published=published, source=source)
            elif suffix in CSV_SUFFIXES:
                rows = read_csv(path, columns=columns, published=published, source=source)
            else:
                rows = iter([read_article_file(path, published=published, source=label)])
            for row in rows:
                if isinstance(row, Item) and row.source is None:
                    row = Item(row.text, row.published, row.title, row.url, label, row.origin)
                yield row


# -- analysis ------------------------------------------------------------------------------


#: Characters per ``nlp.pipe`` batch at most. The model's working memory grows with the total
#: length of a batch, so batches of long articles are cut short (one longer than this goes
#: alone): peak memory is set by the longest article, not by an unlucky batch.
BATCH_CHARS = 100_000


def _batches(items: Sequence[Item], size: int, max_chars: int) -> Iterator[list[Item]]:
    batch: list[Item] = []
    chars = 0
    for item in items:
        if batch and (len(batch) >= size or chars + len(item.text) > max_chars):
            yield batch
            batch, chars = [], 0
        batch.append(item)
        chars += len(item.text)
    if batch:
        yield batch


def analyze_items(
    nlp: Language, items: Sequence[Item], *, batch_size: int = 32, max_chars: int = BATCH_CHARS
) -> list[Article | Skip]:
    """Analyse items with ``nlp.pipe`` in batches inside memory zones; one result per item.

    Args:
        nlp: the newslens pipeline.
        items: the articles to analyse.
        batch_size: articles per ``nlp.pipe`` batch at most.
        max_chars: characters per batch at most (see ``BATCH_CHARS``).

    Returns:
        The ``Article`` for each item, in order, or a ``Skip`` ("analysis failed") for an
        item that makes the pipeline fail; the others are still analysed. Every engine runs
        this function, so their results are equal.
    """
    out: list[Article | Skip] = []
    for batch in _batches(items, batch_size, max_chars):
        # Strings the model interns inside the zone are freed when it closes, so memory
        # stays flat on long runs; Articles are plain data and outlive it, Docs never do.
        with nlp.memory_zone():
            out.extend(_analyze_batch(nlp, batch))
    return out


def _analyze_batch(nlp: Language, items: list[Item]) -> list[Article | Skip]:
    from . import analyze, analyze_many

    records = [{"text": i.text, "published": i.published, "title": i.title} for i in items]
    try:
        return list(analyze_many(records, nlp=nlp, batch_size=len(records)))
    except Exception:  # noqa: BLE001  (any component bug: redo one by one, below)
        pass
    out: list[Article | Skip] = []
    for item in items:
        try:
            out.append(analyze(item.text, published=item.published, title=item.title, nlp=nlp))
        except Exception as err:  # noqa: BLE001  (reported per article, the run goes on)
            out.append(Skip(item.origin, "analysis failed", f"{type(err).__name__}: {err}"))
    return out


class Engine(abc.ABC):
    """Runs ``analyze_items`` over chunks of items, yielding ``(chunk, results)`` in order.

    ``results`` has one entry per item: an ``Article``, a ``Skip``, or None when the engine
    wrote the article elsewhere itself (the Dask engine's Parquet ``output``).
    """

    @abc.abstractmethod
    def run(self, chunks: Iterable[list[Item]]) -> Iterator[tuple[list[Item], list[Any]]]:
        """Analyse the chunks; yield each with its results, in the order given."""

    def start(self) -> None:  # noqa: B027  (optional: engines that load lazily override it)
        """Load the pipeline(s) now, so that timing the run does not count loading."""

    def close(self) -> None:  # noqa: B027  (optional: engines holding workers override it)
        """Release workers and clusters."""


class InProcessEngine(Engine):
    """Analyses in this process with one pipeline."""

    def __init__(self, *, batch_size: int = 32, nlp: Language | None = None) -> None:
        self.batch_size = batch_size
        self._nlp = nlp

    def start(self) -> None:
        if self._nlp is None:
            from .pipeline import get_pipeline

            self._nlp = get_pipeline()

    def run(self, chunks: Iterable[list[Item]]) -> Iterator[tuple[list[Item], list[Any]]]:
        self.start()
        assert self._nlp is not None
        for chunk in chunks:
            yield chunk, analyze_items(self._nlp, chunk, batch_size=self.batch_size)


_worker_nlp: Language | None = None


#: Linux's prctl option that sends the caller a signal when its parent dies.
_PR_SET_PDEATHSIG = 1


def die_with_parent(parent: int) -> None:
    """Make this process die when its parent ``parent`` does (killed, SIGKILL included).

    On Linux the kernel sends SIGKILL at the parent's death (``prctl(PR_SET_PDEATHSIG)``), so
    no worker of about 200 MB is left behind however the ingest ends; elsewhere nothing is
    set (the pool's own shutdown still ends the workers on a normal exit).
    """
    if not sys.platform.startswith("linux"):
        return
    import ctypes
    import ctypes.util
    import signal

    libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
    if libc.prctl(_PR_SET_PDEATHSIG, int(signal.SIGKILL), 0, 0, 0) != 0:
        return
    # The parent may have died before the call: then nobody would send the signal.
    if os.getppid() != parent:
        os._exit(1)


def _init_worker(parent: int | None = None) -> None:
    global _worker_nlp
    from .pipeline import build_pipeline

    if parent is not None:
        die_with_parent(parent)
    # Ctrl-C reaches the whole process group: the parent stops the run and the pool, so
    # the workers ignore it instead of each printing a traceback.
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _worker_nlp = build_pipeline()


def _worker_ready() -> int:
    # Runs only after _init_worker has finished in that process (initializers come first).
    time.sleep(0.05)
    return os.getpid()


def _run_in_worker(items: list[Item], batch_size: int) -> list[Article | Skip]:
    assert _worker_nlp is not None, "the worker was not initialised"
    return analyze_items(_worker_nlp, items, batch_size=batch_size)


class ProcessPoolEngine(Engine):
    """Analyses in ``workers`` processes, each loading the pipeline once.

    At most two chunks per worker are in flight, so reading runs only a little ahead of
    analysis and memory does not grow with the size of the collection. If a worker process
    dies (killed, out of memory), the pool is started again and the articles in flight are
    analysed once more one at a time; one that kills a worker again is reported as failed.
    """

    def __init__(self, *, workers: int, batch_size: int = 32) -> None:
        self.workers = workers
        self.batch_size = batch_size
        self._pool = self._new_pool()

    def _new_pool(self) -> ProcessPoolExecutor:
        import multiprocessing

        # spawn, not fork: the parent may hold threads (progress bar, SQLite) and a model.
        return ProcessPoolExecutor(
            max_workers=self.workers, mp_context=multiprocessing.get_context("spawn"),
            initializer=_init_worker, initargs=(os.getpid(),),
        )

    def start(self, timeout: float = 300.0) -> None:
        from concurrent.futures.process import BrokenProcessPool

        ready: set[int] = set()
        deadline = time.monotonic() + timeout
        while len(ready) < self.workers and time.monotonic() < deadline:
            try:
                pings = [self._pool.submit(_worker_ready) for _ in range(2 * self.workers)]
                ready.update(p.result() for p in pings)
            except BrokenProcessPool:
                self._restart()
                ready.clear()

    def run(self, chunks: Iterable[list[Item]]) -> Iterator[tuple[list[Item], list[Any]]]:
        from collections import deque
        from concurrent.futures.process import BrokenProcessPool

        pending: deque[tuple[list[Item], Future[list[Article | Skip]]]] = deque()

        def oldest() -> Iterator[tuple[list[Item], list[Any]]]:
            chunk, future = pending.popleft()
            try:
                yield chunk, future.result()
                return
            except BrokenProcessPool:
                suspects = [chunk, *(c for c, _ in pending)]
                pending.clear()
            # Every chunk in flight failed with the pool, and which one broke it is unknown:
            # run them again one article at a time, so a crash points at its article.
            self._restart()
            for suspect in suspects:
                yield suspect, [self._run_alone(item) for item in suspect]

        for chunk in chunks:
            try:
                future = self._pool.submit(_run_in_worker, chunk, self.batch_size)
            except BrokenProcessPool:
                # The pool broke since the last result: recover what was in flight first.
                while pending:
                    yield from oldest()
                if self._pool_is_broken():
                    self._restart()
                future = self._pool.submit(_run_in_worker, chunk, self.batch_size)
            pending.append((chunk, future))
            if len(pending) >= 2 * self.workers:
                yield from oldest()
        while pending:
            yield from oldest()

    def _run_alone(self, item: Item) -> Article | Skip:
        from concurrent.futures.process import BrokenProcessPool

        try:
            return self._pool.submit(_run_in_worker, [item], self.batch_size).result()[0]
        except BrokenProcessPool:
            self._restart()
            return Skip(item.origin, "analysis failed",
                        "the worker process died on this article (out of memory?)")

    def _pool_is_broken(self) -> bool:
        from concurrent.futures.process import BrokenProcessPool

        try:
            self._pool.submit(os.getpid).result()
        except BrokenProcessPool:
            return True
        return False

    def _restart(self) -> None:
        self._pool.shutdown(wait=True, cancel_futures=True)
        self._pool = self._new_pool()

    def close(self) -> None:
        self._pool.shutdown(wait=True, cancel_futures=True)


def make_engine(
    engine: str = "local",
    *,
    workers: int = 1,
    batch_size: int = 32,
    scheduler: str | None = None,
    output: str | Path | None = None,
    nlp: Language | None = None,
) -> Engine:
    """Return the engine for ``--engine`` and ``--workers``.

    Raises:
        NewslensError: an unknown engine, a bad worker count, or Dask missing.
    """
    if workers < 1:
        raise NewslensError(f"--workers must be at least 1, not {workers}.")
    if batch_size < 1:
        raise NewslensError(f"--batch-size must be at least 1, not {batch_size}.")
    if engine == "local":
        if scheduler or output:
            raise NewslensError("--scheduler and --output need --engine dask.")
        if workers == 1:
            return InProcessEngine(batch_size=batch_size, nlp=nlp)
        return ProcessPoolEngine(workers=workers, batch_size=batch_size)
    if engine == "dask":
        from .dask_engine import DaskEngine

        if scheduler:
            scheduler = check_scheduler_address(scheduler)
        return DaskEngine(workers=workers, batch_size=batch_size, scheduler=scheduler,
                          output=output)
    raise NewslensError(f"Unknown engine '{engine}': use local or dask.")


def check_scheduler_address(address: str) -> str:
    """Return a Dask scheduler address as ``protocol://host:port``.

    Raises:
        NewslensError: the address has no port, a bad port or no host.
    """
    text = address.strip()
    protocol, sep, rest = text.partition("://")
    if not sep:
        protocol, rest = "tcp", text
    if protocol not in ("tcp", "tls", "ws", "wss", "inproc", "ucx"):
        raise NewslensError(f"--scheduler '{address}': unknown protocol '{protocol}'; give "
                            "tcp://HOST:PORT, e.g. tcp://10.0.0.5:8786.")
    if protocol == "inproc":
        return text
    host, colon, port = rest.rstrip("/").rpartition(":")
    if not colon or not host or not port.isdigit() or not 1 <= int(port) <= 65535:
        raise NewslensError(f"--scheduler '{address}' needs a host and a port (1-65535), e.g. "
                            "tcp://10.0.0.5:8786 (dask scheduler listens on 8786).")
    return f"{protocol}://{host}:{port}"


# -- the ingest loop -----------------------------------------------------------------------


def _chunks(items: Iterable[Item], size: int) -> Iterator[list[Item]]:
    chunk: list[Item] = []
    for item in items:
        chunk.append(item)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def ingest(
    paths: Iterable[str | Path],
    *,
    store: Store,
    engine: Engine | None = None,
    chunk_size: int = 32,
    columns: Columns = Columns(),  # noqa: B008  (frozen, so a shared default is safe)
    published: dt.date | None = None,
    source: str | None = None,
    progress: bool | None = None,
    skip_log: TextIO | None = None,
    on_skip: Callable[[Skip], None] | None = None,
) -> IngestReport:
    """Analyse every article under ``paths`` and add it to ``store``.

    Args:
        paths: files and folders (see ``read_inputs``).
        store: where the articles go; ones already there are not analysed again.
        engine: how to analyse (``make_engine``); one pipeline in this process when None.
        chunk_size: items handed to the engine at a time.
        columns: JSONL/CSV field names.
        published: the date for articles that do not give one.
        source: the source recorded for every article (default: URL host or input name).
        progress: show a progress bar (None: only on a terminal).
        skip_log: a text stream that receives every skip as a JSON line.
        on_skip: called with every skip as it happens.

    Returns:
        The ``IngestReport``; an interrupted run (Ctrl-C) returns what was done so far.
    """
    from tqdm import tqdm

    report = IngestReport(store=str(store.path))
    if getattr(engine, "output", None):
        report.store = f"Parquet under {engine.output} (checked against {store.path})"
    engine = engine or InProcessEngine()
    seen: set[str] = set()
    seen_text: set[str] = set()
    started = time.perf_counter()

    def skip(s: Skip) -> None:
        report.add_skip(s)
        if skip_log is not None:
            skip_log.write(json.dumps(s.to_dict(), ensure_ascii=False) + "\n")
        if on_skip is not None:
            on_skip(s)

    def fresh() -> Iterator[Item]:
        # Duplicates and stored articles are dropped before analysis: a rerun is cheap.
        for entry in read_inputs(paths, columns=columns, published=published, source=source):
            if isinstance(entry, Skip):
                skip(entry)
                continue
            key = entry.id
            same = text_key(entry.text)
            if key in seen or same in seen_text:
                skip(Skip(entry.origin, "duplicate", "the same text came earlier"))
                continue
            seen.add(key)
            seen_text.add(same)
            # The same text (however spaced or capitalised) is stored once, whatever its date.
            stored = key if store.has(key) else store.same_text(entry.text)
            if stored:
                skip(Skip(entry.origin, "already stored", f"article {stored}"))
            else:
                yield entry

    bar = tqdm(unit="article", disable=None if progress is None else not progress,
               dynamic_ncols=True, file=sys.stderr)
    chunks = _chunks(fresh(), chunk_size)
    try:
        first = next(chunks, None)
        # Nothing new (a rerun): the pipeline is not even loaded.
        todo = [] if first is None else itertools.chain([first], chunks)
        if first is not None:
            engine.start()
            # The clock restarts after loading: the rate is the analysis throughput.
            started = time.perf_counter()
        for chunk, results in engine.run(todo):
            for item, result in zip(chunk, results, strict=True):
                if isinstance(result, Skip):
                    skip(result)
                elif result is None:
                    # The Dask engine wrote it to Parquet on the worker (``output``).
                    report.stored += 1
                    report.words += len(item.text.split())
                elif store.add(result, source=item.source, url=item.url, once_per_text=True):
                    report.stored += 1
                    report.words += len(result.text.split())
                else:
                    skip(Skip(item.origin, "already stored", "stored meanwhile by another run"))
            bar.update(len(chunk))
            elapsed = time.perf_counter() - started
            bar.set_postfix(words_s=f"{report.words / elapsed:,.0f}", stored=report.stored,
                            skipped=sum(report.skipped.values()), refresh=False)
    except KeyboardInterrupt:
        report.interrupted = True
    except sqlite3.Error as err:
        # Without its store the run cannot go on. A full disk or a long lock passes, so a
        # rerun goes on where this one stopped; a damaged file stays damaged.
        if isinstance(err, sqlite3.OperationalError | sqlite3.IntegrityError):
            advice = "Run the same command again to go on."
        else:
            advice = ("The store file is damaged: a rerun cannot help. Restore it from a "
                      "backup, or ingest into a new --store.")
        raise NewslensError(
            f"Cannot write to the store '{store.path}' ({err}); {report.stored:,} articles "
            f"were stored before this. {advice}"
        ) from None
    finally:
        bar.close()
        engine.close()
        report.seconds = time.perf_counter() - started
    return report


# -- the command line ----------------------------------------------------------------------


def _same_or_inside(path: Path, other: Path) -> bool:
    """Whether ``path`` is ``other`` (the same file, however named) or lies inside it."""
    try:
        if path.exists() and other.exists() and os.path.samefile(path, other):
            return True
    except OSError:
        pass
    return path == other or other in path.parents


def check_output_path(out: str | Path, *, store: str | Path, inputs: Sequence[str | Path],
                      flag: str, folder: bool = False) -> Path:
    """Refuse an output path that names the store or an input, before anything is opened.

    Args:
        out: the file the command would write.
        store: the corpus store (its ``-wal`` and ``-shm`` companions are checked too).
        inputs: the files and folders being read.
        flag: the option's name, for the message.
        folder: the output is a folder (Dask ``--output``), not a file.

    Returns:
        The resolved output path.

    Raises:
        NewslensError: ``out`` is the store, one of its companions, an input, lies inside
            an input folder, or is a folder where a file is wanted.
    """
    target = Path(out).expanduser().resolve()
    store_path = Path(store).expanduser().resolve()
    for guarded in (store_path, Path(f"{store_path}-wal"), Path(f"{store_path}-shm")):
        if _same_or_inside(target, guarded):
            raise NewslensError(
                f"{flag} '{out}' is the corpus store; give a new file name, for example "
                "skipped.jsonl. Nothing was written."
            )
    for raw in inputs:
        source = Path(raw).expanduser().resolve()
        if _same_or_inside(target, source):
            where = "is" if not source.is_dir() else "lies inside"
            raise NewslensError(
                f"{flag} '{out}' {where} the input '{raw}'; give a file outside the "
                "inputs. Nothing was written."
            )
    if not folder and target.is_dir():
        raise NewslensError(f"{flag} '{out}' is a folder; give a file name. Nothing was written.")
    return target


@contextlib.contextmanager
def _atomic_text(path: Path) -> Iterator[TextIO]:
    """A text file written beside ``path`` and renamed onto it when the block ends, however it
    ends, so a crash never leaves a half-written or truncated file in its place."""
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        handle = open(tmp, "w", encoding="utf-8", errors="backslashreplace")  # noqa: SIM115
    except OSError as err:
        raise NewslensError(f"Cannot write '{path}': {err.strerror}.") from None
    try:
        with handle:
            yield handle
        os.replace(tmp, path)
    finally:
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()


@contextlib.contextmanager
def _sigterm_as_interrupt() -> Iterator[None]:
    """Within the block, SIGTERM (``kill``, a service manager) stops the run like Ctrl-C: what
    was stored stays, the workers are shut down and the summary is printed."""
    import signal
    import threading

    if threading.current_thread() is not threading.main_thread():  # identity: threads
        yield
        return

    def interrupt(signum: int, frame: object) -> None:
        raise KeyboardInterrupt

    previous = signal.signal(signal.SIGTERM, interrupt)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def cmd_ingest(args: argparse.Namespace) -> int:
    from .store import default_store_path

    published = parse_date(args.published)
    columns = Columns(text=args.text_column, title=args.title_column, date=args.date_column,
                      url=args.url_column)
    chunk_size = args.partition_size if args.engine == "dask" else args.batch_size
    store_path = Path(args.store) if args.store else default_store_path()
    # Every output is checked against the store and the inputs before anything is opened.
    skipped_path = None
    if args.skipped:
        skipped_path = check_output_path(args.skipped, store=store_path, inputs=args.paths,
                                         flag="--skipped")
    if args.output:
        check_output_path(args.output, store=store_path, inputs=args.paths, flag="--output",
                          folder=True)
    with Store(store_path) as store, contextlib.ExitStack() as stack:
        log = None
        if skipped_path is not None:
            log = stack.enter_context(_atomic_text(skipped_path))
        # Made last: ingest() closes the engine (and a Dask cluster) however it ends.
        # A LocalCluster gets a worker per core unless told otherwise; local, one process.
        workers = args.workers or ((os.cpu_count() or 1) if args.engine == "dask" else 1)
        engine = make_engine(args.engine, workers=workers, batch_size=args.batch_size,
                             scheduler=args.scheduler, output=args.output)
        with _sigterm_as_interrupt():
            report = ingest(args.paths, store=store, engine=engine, chunk_size=chunk_size,
                            columns=columns, published=published, source=args.source,
                            progress=False if args.quiet else None, skip_log=log)
    print(terminal_safe(report.summary()), file=sys.stderr)
    if report.interrupted:
        return 130
    return 1 if report.failed else 0


def cmd_export(args: argparse.Namespace) -> int:
    from .store import default_store_path

    path = Path(args.store) if args.store else default_store_path()
    # Opening a missing file would create an empty store; say that nothing is there instead.
    if not path.is_file():
        raise NewslensError(f"There is no store at '{path}'; run newslens ingest first.")
    with Store(path) as store:
        written = export_tables(store, args.out, fmt=args.format, corrected=args.corrected)
        count = store.count()
    for table, target in written.items():
        print(f"{table}: {target}")
    print(f"Exported {count:,} articles from {path}.", file=sys.stderr)
    return 0


def cmd_import(args: argparse.Namespace) -> int:
    with Store(args.store) as store:
        added, existing = store.import_parquet(args.folder)
        print(f"Added {added:,} articles ({existing:,} already stored) to {store.path}.",
              file=sys.stderr)
    return 0


def _positive(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{value}' is not a whole number") from None
    if number < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, not {number}")
    return number


def register_commands(sub: argparse._SubParsersAction) -> None:
    """Add the ``ingest`` and ``export`` subcommands to the ``newslens`` parser."""
    p = sub.add_parser(
        "ingest", help="analyse collections of articles into the corpus store",
        description="Analyse folders of .txt/.md/.html/.pdf files, JSONL and CSV files and "
        "add them to the store. Articles already stored are skipped; whatever cannot be "
        "read is reported and skipped.",
    )
    p.add_argument("paths", nargs="+", metavar="PATH",
                   help="folders of article files, .jsonl or .csv files, or article files")
    p.add_argument("--store", metavar="FILE",
                   help="the store file (default: $NEWSLENS_STORE or the user data folder)")
    p.add_argument("--workers", type=_positive, metavar="N",
                   help="worker processes, each loading the model once (default 1), or the "
                   "workers of a Dask LocalCluster (default: one per core)")
    p.add_argument("--engine", choices=("local", "dask"), default="local")
    p.add_argument("--scheduler", metavar="ADDRESS",
                   help="Dask scheduler, e.g. tcp://10.0.0.5:8786 (default: a LocalCluster)")
    p.add_argument("--batch-size", type=_positive, default=32, metavar="N",
                   help="texts per nlp.pipe batch (default 32)")
    p.add_argument("--output", metavar="DIR",
                   help="with --engine dask: workers write Parquet tables under DIR (load "
                   "them later with newslens import) instead of sending articles back")
    p.add_argument("--partition-size", type=_positive, default=256, metavar="N",
                   help="articles per Dask task (default 256)")
    p.add_argument("--text-column", default="text", metavar="NAME")
    p.add_argument("--title-column", default="title", metavar="NAME")
    p.add_argument("--date-column", default="date", metavar="NAME",
                   help="date field (default: date, else published)")
    p.add_argument("--url-column", default="url", metavar="NAME")
    p.add_argument("--published", metavar="YYYY-MM-DD",
                   help="publication date for articles that do not give one")
    p.add_argument("--source", metavar="NAME",
                   help="source recorded for every article (default: URL host or input name)")
    p.add_argument("--skipped", metavar="FILE",
                   help="write every skipped input with its reason to FILE as JSON lines")
    p.add_argument("--quiet", action="store_true", help="no progress bar")
    p.set_defaults(func=cmd_ingest)

    p = sub.add_parser("export", help="write every store table as Parquet, CSV or JSONL")
    p.add_argument("--format", choices=("parquet", "csv", "jsonl"), default="parquet")
    p.add_argument("--out", required=True, metavar="DIR", help="folder to write the tables to")
    p.add_argument("--corrected", action="store_true",
                   help="write the analyses with the analysts' corrections applied (default: "
                        "as extracted, with the corrections table beside them)")
    p.add_argument("--store", metavar="FILE",
                   help="the store file (default: $NEWSLENS_STORE or the user data folder)")
    p.set_defaults(func=cmd_export)

    p = sub.add_parser(
        "import", help="add Parquet tables (an export, or Dask --output) to the store",
    )
    p.add_argument("folder", metavar="DIR",
                   help="a folder from newslens export --format parquet or ingest --output")
    p.add_argument("--store", metavar="FILE",
                   help="the store file (default: $NEWSLENS_STORE or the user data folder)")
    p.set_defaults(func=cmd_import)
