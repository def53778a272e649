"""How much of a real corpus newslens says something about: stances and events per article.

Runs ``analyze()`` over the 295 Wikinews articles of ``wikinews/source_csv/`` (2019–2020,
dated) and prints how many articles get at least one stance, how many stances and events
there are, and the events by type. This is coverage, not accuracy: a stance found is not a
stance checked (``benchmarks/stance.py`` scores accuracy on our development gold). Part of
this corpus is that development gold, so read the figure as in-sample. Usage::

    python benchmarks/coverage.py [--data ../shared/benchmarks] [--limit N]
"""

from __future__ import annotations

import argparse
import csv
import os
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from extraction import NewslensError, analyze  # noqa: E402
from extraction.pipeline import build_pipeline  # noqa: E402

FILES = ("wikinews_2019.csv", "wikinews_2020.csv")


def read_rows(folder: Path) -> list[dict[str, str]]:
    """The rows of the Wikinews source CSV files (url, date, title, text)."""
    csv.field_size_limit(64 * 1024 * 1024)
    rows: list[dict[str, str]] = []
    for name in FILES:
        with (folder / name).open(encoding="utf-8", newline="") as fh:
            rows.extend(csv.DictReader(fh))
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", default=os.environ.get(
        "NEWSLENS_BENCHMARKS", str(ROOT.parent / "shared" / "benchmarks")))
    parser.add_argument("--limit", type=int, default=0, help="only the first N articles")
    args = parser.parse_args(argv)
    folder = Path(args.data) / "wikinews" / "source_csv"
    if not all((folder / name).is_file() for name in FILES):
        print(f"Wikinews source CSV files not found in {folder}; set NEWSLENS_BENCHMARKS",
              file=sys.stderr)
        return 2
    rows = read_rows(folder)[: args.limit or None]
    nlp = build_pipeline()
    started = time.perf_counter()
    analysed = with_stance = stances = events = refused = 0
    types: Counter[str] = Counter()
    for row in rows:
        try:
            article = analyze(row["text"], published=(row.get("date") or "")[:10] or None,
                              title=row.get("title"), nlp=nlp)
        except NewslensError:
            refused += 1
            continue
        analysed += 1
        with_stance += bool(article.stances)
        stances += len(article.stances)
        events += len(article.events)
        types.update(e.type for e in article.events)
    seconds = time.perf_counter() - started
    share = with_stance / analysed if analysed else 0.0
    print(f"{analysed} articles analysed ({refused} refused) in {seconds:.0f} s")
    print(f"  with at least one stance: {with_stance} ({share:.0%}); stances {stances}; "
          f"events {events}")
    print("  events by type: " + ", ".join(f"{t} {n}" for t, n in types.most_common()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
