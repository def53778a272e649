"""Score the time component on the TempEval-3 platinum test set (SemEval-2013 Task 1).

Each ``.tml`` document's text is analysed with its document creation time (DCT) given as the
publication date. Scored as in TempEval-3:

- relaxed extent: a system expression and a gold one overlap (each gold TIMEX3 and each
  system expression matched at most once);
- strict extent: the character spans are identical;
- value: the extents overlap and the system's TIMEX3 value equals the gold value.

Precision is over the system's expressions, recall over the gold ones. The data is read
from ``--data`` or ``$NEWSLENS_BENCHMARKS`` (default ``../shared/benchmarks``)::

    .venv/bin/python benchmarks/tempeval3.py [--data DIR] [--errors]
"""

from __future__ import annotations

import argparse
import html
import os
import re
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

_TAG = re.compile(r"<(/?)(\w+)([^>]*)>")
_ATTR = re.compile(r'(\w+)="([^"]*)"')
_DCT = re.compile(r"<DCT>.*?value=\"([^\"]+)\"", re.DOTALL)
_TEXT = re.compile(r"<TEXT>(.*?)</TEXT>", re.DOTALL)


@dataclass(frozen=True)
class Timex:
    """A gold or system temporal expression: its span, type and TIMEX3 value."""

    start: int
    end: int
    type: str
    value: str
    text: str


def read_tml(path: Path) -> tuple[str, str, list[Timex]]:
    """Return a TimeML file's DCT, its plain text and the gold TIMEX3 tags in that text."""
    raw = path.read_text(encoding="utf-8")
    dct_match = _DCT.search(raw)
    text_match = _TEXT.search(raw)
    if not dct_match or not text_match:
        raise ValueError(f"{path.name}: no DCT or TEXT element")
    body = text_match.group(1)
    out: list[str] = []
    length = 0
    gold: list[Timex] = []
    open_timex: tuple[int, dict[str, str]] | None = None
    pos = 0
    for tag in _TAG.finditer(body):
        chunk = html.unescape(body[pos : tag.start()])
        out.append(chunk)
        length += len(chunk)
        pos = tag.end()
        closing, name = tag.group(1), tag.group(2)
        if name != "TIMEX3":
            continue
        if not closing:
            open_timex = (length, dict(_ATTR.findall(tag.group(3))))
        elif open_timex is not None:
            start, attrs = open_timex
            text = "".join(out)[start:length]
            gold.append(Timex(start, length, attrs.get("type", ""), attrs.get("value", ""), text))
            open_timex = None
    out.append(html.unescape(body[pos:]))
    return dct_match.group(1)[:10], "".join(out), gold


def match(gold: list[Timex], system: list[Timex]) -> list[tuple[Timex, Timex]]:
    """Pair gold and system expressions that overlap, preferring the largest overlap."""
    pairs: list[tuple[int, int, int]] = []
    for gi, g in enumerate(gold):
        for si, s in enumerate(system):
            overlap = min(g.end, s.end) - max(g.start, s.start)
            if overlap > 0:
                pairs.append((-overlap, gi, si))
    used_g: set[int] = set()
    used_s: set[int] = set()
    result: list[tuple[Timex, Timex]] = []
    for _, gi, si in sorted(pairs):
        if gi in used_g or si in used_s:
            continue
        used_g.add(gi)
        used_s.add(si)
        result.append((gold[gi], system[si]))
    return result


def f1(tp: int, n_sys: int, n_gold: int) -> tuple[float, float, float]:
    p = tp / n_sys if n_sys else 0.0
    r = tp / n_gold if n_gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def main(argv: list[str] | None = None) -> int:
    return run(argv, folder_name="tempeval3-platinum", label="TempEval-3 platinum",
               description=__doc__.splitlines()[0])


def run(argv: list[str] | None, *, folder_name: str, label: str, description: str) -> int:
    """Score the time component on the ``.tml`` documents of one benchmark folder."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--data", type=Path, default=None, help="the benchmarks folder")
    parser.add_argument("--errors", action="store_true", help="list every miss and mismatch")
    parser.add_argument(
        "--components",
        default="newslens_entities,newslens_time",
        help="newslens components to run after the model (comma-separated)",
    )
    args = parser.parse_args(argv)
    default = ROOT.parent / "shared" / "benchmarks"
    base = args.data or Path(os.environ.get("NEWSLENS_BENCHMARKS", default))
    folder = base / folder_name
    files = sorted(folder.glob("*.tml")) if folder.is_dir() else []
    if not files:
        print(f"{label} data not found in {folder}; pass --data or set "
              "NEWSLENS_BENCHMARKS.", file=sys.stderr)
        return 2

    from extraction import analyze
    from extraction.pipeline import build_pipeline

    nlp = build_pipeline(components=tuple(c for c in args.components.split(",") if c))
    n_gold = n_sys = relaxed = strict = valued = 0
    gold_types: Counter[str] = Counter()
    sys_types: Counter[str] = Counter()
    value_by_type: Counter[str] = Counter()
    errors: list[str] = []
    for path in files:
        dct, text, gold = read_tml(path)
        article = analyze(text, published=dct, nlp=nlp)
        system = [Timex(t.start_char, t.end_char, t.type, t.value, t.text)
                  for t in article.time_expressions]
        n_gold += len(gold)
        n_sys += len(system)
        gold_types.update(g.type for g in gold)
        sys_types.update(s.type for s in system)
        pairs = match(gold, system)
        relaxed += len(pairs)
        matched_g = {id(g) for g, _ in pairs}
        matched_s = {id(s) for _, s in pairs}
        for g, s in pairs:
            strict += (g.start, g.end) == (s.start, s.end)
            if g.value == s.value:
                valued += 1
                value_by_type[g.type] += 1
            else:
                errors.append(f"{path.name} VALUE {g.text!r} gold={g.value} "
                              f"sys={s.value} ({s.text!r})  [{context(text, g)}]")
        errors.extend(f"{path.name} MISS  {g.text!r} {g.type} {g.value}  [{context(text, g)}]"
                      for g in gold if id(g) not in matched_g)
        errors.extend(f"{path.name} EXTRA {s.text!r} {s.type} {s.value}  [{context(text, s)}]"
                      for s in system if id(s) not in matched_s)

    print(f"{label}: {len(files)} documents, {n_gold} gold TIMEX3, "
          f"{n_sys} system expressions")
    for name, tp in (("relaxed extent", relaxed), ("strict extent", strict), ("value", valued)):
        p, r, f = f1(tp, n_sys, n_gold)
        print(f"  {name:15s} P={p:.3f} R={r:.3f} F1={f:.3f}")
    print("  per type (gold / system / value correct):")
    for kind in sorted(set(gold_types) | set(sys_types)):
        print(f"    {kind:9s} {gold_types[kind]:4d} {sys_types[kind]:4d} {value_by_type[kind]:4d}")
    if args.errors:
        print("\n".join(errors))
    return 0


def context(text: str, t: Timex, width: int = 50) -> str:
    left = text[max(0, t.start - width) : t.start].replace("\n", " ")
    right = text[t.end : t.end + width].replace("\n", " ")
    return f"...{left}<<{text[t.start:t.end]}>>{right}..."


if __name__ == "__main__":
    raise SystemExit(main())
