"""Analysis engines for batch ingest: the items they analyse and how they run the pipeline.

``analyze_items`` runs ``nlp.pipe`` in batches inside ``nlp.memory_zone()`` (memory stays
flat on long runs); every engine runs it, so their results are equal: ``InProcessEngine``
in this process, ``ProcessPoolEngine`` in worker processes that each load the pipeline once
and die with their parent, and the Dask engine (``extraction.dask_engine``) on a cluster.
``Item`` is one article read from the input; ``Skip`` an input that was not stored.
"""

from __future__ import annotations

import abc
import datetime as dt
import os
import sys
import time
from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from .convert import article_id
from .model import Article

if TYPE_CHECKING:
    from spacy.language import Language


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


# Same shape as model.Mention (three str fields and to_dict): a separate record, of a skipped input.
@dataclass(frozen=True)
class Skip:
    """An input that was not stored: where it came from, the reason, and the details."""

    origin: str
    reason: str
    message: str

    def to_dict(self) -> dict[str, str]:
        return {"origin": self.origin, "reason": self.reason, "message": self.message}


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
