"""Throughput and memory of newslens on the Wikinews corpus, in one run.

On the articles of ``wikinews/source_csv/*.csv`` (295) it times, each after a warm-up:

1. the bare spaCy model: ``spacy.load(MODEL_PACKAGE)`` and ``nlp.pipe`` over every text;
2. ``analyze_many`` with the full newslens pipeline;
3. ``ingest`` into a fresh store with 1 worker and with 2 worker processes (each run in
   its own process, which reports its peak memory; loading the pipeline is not timed);

and prints words per second for each and the ratios that matter: analyze_many / bare model
(the project's own work should cost at most a quarter: >= 0.8) and ingest 2 workers /
1 worker (>= 1.5). For comparison it also times the bare model with ``n_process=2``.

The memory check ingests the corpus ten times over (each copy made a distinct article by a
copy number at the start of its text), about 3,000 articles, with 1 worker, and compares its
peak memory with that of ingesting the 295 once (should be within 1.2x).

Words are whitespace-separated tokens of the texts. The data folder is ``--data`` or
``$NEWSLENS_BENCHMARKS`` (default ``../shared/benchmarks``); nothing is copied from it into
the repository (the JSONL inputs and stores go to a temporary folder)::

    .venv/bin/python benchmarks/throughput.py [--data DIR] [--copies 10] [--no-memory]
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def data_folder(given: str | None) -> Path:
    folder = Path(given or os.environ.get("NEWSLENS_BENCHMARKS") or ROOT.parent / "shared"
                  / "benchmarks")
    csvs = folder / "wikinews" / "source_csv"
    if not csvs.is_dir():
        sys.exit(f"throughput: no Wikinews corpus at {csvs}; give --data DIR or set "
                 "NEWSLENS_BENCHMARKS to the benchmarks folder.")
    return csvs


def read_corpus(folder: Path) -> list[dict[str, str | None]]:
    """Return the Wikinews articles that newslens accepts, as JSONL-ready records."""
    from extraction.errors import NewslensError
    from extraction.textio import validate_text

    csv.field_size_limit(sys.maxsize)
    records: list[dict[str, str | None]] = []
    refused = 0
    for path in sorted(folder.glob("*.csv")):
        with path.open(encoding="utf-8", newline="") as handle:
            for row in csv.DictReader(handle):
                try:
                    text = validate_text(row.get("text") or "")
                except NewslensError:
                    refused += 1
                    continue
                records.append({"text": text, "date": (row.get("date") or "")[:10] or None,
                                "title": row.get("title") or None, "url": row.get("url")})
    if refused:
        print(f"({refused} rows refused by validate_text and left out of every measure)")
    return records


def words(records: list[dict[str, str | None]]) -> int:
    return sum(len((r["text"] or "").split()) for r in records)


def time_bare(records, *, n_process: int = 1, batch_size: int = 32) -> float:
    import spacy

    from extraction.pipeline import MODEL_PACKAGE

    nlp = spacy.load(MODEL_PACKAGE)
    texts = [r["text"] for r in records]
    for _ in nlp.pipe(texts[:5]):
        pass
    start = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=batch_size, n_process=n_process):
        pass
    return time.perf_counter() - start


def time_analyze_many(records, *, batch_size: int = 32) -> float:
    from extraction import analyze_many
    from extraction.pipeline import build_pipeline

    nlp = build_pipeline()
    items = [{"text": r["text"], "published": r["date"], "title": r["title"]} for r in records]
    list(analyze_many(items[:5], nlp=nlp))
    start = time.perf_counter()
    for _ in analyze_many(items, nlp=nlp, batch_size=batch_size):
        pass
    return time.perf_counter() - start


def write_jsonl(records, path: Path, copies: int = 1) -> None:
    with path.open("w", encoding="utf-8") as fh:
        for copy in range(copies):
            for r in records:
                record = dict(r)
                if copies > 1:
                    record["text"] = f"Copy {copy + 1}.\n\n{r['text']}"
                fh.write(json.dumps(record, ensure_ascii=False) + "\n")


def run_ingest(jsonl: Path, store: Path, workers: int) -> dict[str, float]:
    """Ingest in a fresh process (so peak memory is this ingest's own) and return its figures."""
    out = subprocess.run(
        [sys.executable, __file__, "--child-ingest", str(jsonl), str(store), str(workers)],
        capture_output=True, text=True, check=False,
    )
    if out.returncode != 0:
        sys.exit(f"throughput: the ingest child failed:\n{out.stderr[-3000:]}")
    return json.loads(out.stdout.strip().splitlines()[-1])


def peak_rss_mb() -> float:
    """This process's peak resident memory in MB.

    VmHWM, not ``ru_maxrss``: Linux carries ``ru_maxrss`` over ``execve``, so a child
    started by a process that once held a model would report the parent's peak.
    """
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def child_ingest(jsonl: str, store_path: str, workers: int) -> None:
    from extraction.ingest import ingest, make_engine
    from extraction.store import Store

    with Store(store_path) as store:
        report = ingest([jsonl], store=store, engine=make_engine(workers=workers),
                        chunk_size=32, progress=False)
    if report.failed or report.skipped:
        print(report.summary(), file=sys.stderr)
    rss_self = peak_rss_mb()
    # Worker processes have been joined by now; this is the largest one's peak (they were
    # started while this process was still small, so what they carried over is small).
    rss_workers = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(json.dumps({"seconds": report.seconds, "stored": report.stored, "words": report.words,
                      "rss_mb": rss_self, "worker_rss_mb": rss_workers}))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", help="the benchmarks folder (default $NEWSLENS_BENCHMARKS)")
    parser.add_argument("--copies", type=int, default=10, help="copies for the memory check")
    parser.add_argument("--no-memory", action="store_true", help="skip the memory check")
    parser.add_argument("--limit", type=int, help="only the first N articles (a quick try)")
    parser.add_argument("--child-ingest", nargs=3, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child_ingest:
        child_ingest(args.child_ingest[0], args.child_ingest[1], int(args.child_ingest[2]))
        return

    records = read_corpus(data_folder(args.data))[: args.limit]
    total = words(records)
    print(f"corpus: {len(records)} Wikinews articles, {total:,} words; {os.cpu_count()} CPUs; "
          f"load average {os.getloadavg()[0]:.2f} at start")
    results: dict[str, float] = {}

    def show(name: str, seconds: float, extra: str = "") -> None:
        results[name] = total / seconds
        print(f"  {name:<28} {seconds:7.1f} s  {total / seconds:8,.0f} words/s {extra}"
              f"  [load {os.getloadavg()[0]:.1f}]", flush=True)

    with tempfile.TemporaryDirectory(prefix="newslens-throughput-") as tmp:
        folder = Path(tmp)
        once = folder / "once.jsonl"
        write_jsonl(records, once)
        # One after another, so that each figure meets about the same load on the machine.
        show("bare model nlp.pipe", time_bare(records))
        show("analyze_many", time_analyze_many(records))
        ingest_runs = {}
        for workers in (1, 2):
            # A fresh process each: its peak memory (VmHWM) is the ingest's own.
            run = run_ingest(once, folder / f"w{workers}.sqlite", workers)
            assert run["stored"] == len(records), run
            ingest_runs[workers] = run
            peak = f"peak RSS {run['rss_mb']:,.0f} MB"
            if workers > 1:
                peak += f" (+ {run['worker_rss_mb']:,.0f} MB per worker)"
            show(f"ingest, {workers} worker{'s' if workers > 1 else ''}", run["seconds"], peak)
        show("bare model n_process=2", time_bare(records, n_process=2))

        print("ratios:")
        r1 = results["analyze_many"] / results["bare model nlp.pipe"]
        r2 = results["ingest, 2 workers"] / results["ingest, 1 worker"]
        r3 = results["bare model n_process=2"] / results["bare model nlp.pipe"]
        print(f"  analyze_many / bare model          {r1:.2f}  (target >= 0.80)")
        print(f"  ingest 2 workers / 1 worker        {r2:.2f}  (target >= 1.50)")
        print(f"  bare n_process=2 / n_process=1     {r3:.2f}  (spaCy's own multiprocessing)")
        print(f"  ingest 1 worker / bare model       "
              f"{results['ingest, 1 worker'] / results['bare model nlp.pipe']:.2f}")

        if not args.no_memory:
            many = folder / "many.jsonl"
            write_jsonl(records, many, copies=args.copies)
            big = run_ingest(many, folder / "many.sqlite", 1)
            assert big["stored"] == len(records) * args.copies, big
            base = ingest_runs[1]["rss_mb"]
            print(f"memory: ingest of {big['stored']:,} articles ({args.copies} distinct copies, "
                  f"1 worker): peak RSS {big['rss_mb']:,.0f} MB in {big['seconds']:.0f} s "
                  f"({big['words'] / big['seconds']:,.0f} words/s); "
                  f"the {len(records)} once: {base:,.0f} MB; ratio {big['rss_mb'] / base:.2f} "
                  "(target <= 1.20)")
    print(f"load average {os.getloadavg()[0]:.2f} at the end (other work on the machine "
          "slows every figure)")


if __name__ == "__main__":
    main()
