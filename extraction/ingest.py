"""Batch ingest: read collections of articles, analyse them in batches, keep them in the store.

Inputs are folders of article files (.txt, .md, .html, .pdf; front matter gives title and
date), JSONL files (one JSON object per line) and CSV files (a header row), with text,
title, date and url columns whose names can be changed; ``extraction.readers`` reads them
and ``extraction.engines`` analyses them. Everything is streamed: a collection larger than
memory is fine.

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

import argparse
import contextlib
import datetime as dt
import itertools
import json
import os
import sqlite3
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from .corrections import text_key

# The readers and engines live in their own modules; their names are kept here too, where
# callers of ``extraction.ingest`` have always found them.
from .engines import (  # noqa: F401  (re-exported)
    BATCH_CHARS,
    Engine,
    InProcessEngine,
    Item,
    ProcessPoolEngine,
    Skip,
    _batches,
    analyze_items,
    die_with_parent,
)
from .errors import NewslensError
from .readers import (  # noqa: F401  (re-exported)
    CSV_SUFFIXES,
    ERROR_REASONS,
    JSONL_SUFFIXES,
    REASONS,
    Columns,
    item_from_record,
    read_article_file,
    read_csv,
    read_inputs,
    read_jsonl,
)
from .store import Store, export_tables
from .textio import (
    parse_date,
    terminal_safe,
)

if TYPE_CHECKING:
    from spacy.language import Language


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


# ruff counts the nested skip() and fresh(), which share the report and the seen sets with the run;
# the loop's branches are an item's outcomes (skipped, written by a worker, stored, stored
# meanwhile) and the two ways a run ends early.
def ingest(  # noqa: C901
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
