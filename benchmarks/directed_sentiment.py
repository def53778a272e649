"""Score the stance relations of ``analyze()`` on the directed-sentiment validation split.

Each line of ``directed-sentiment/valid.txt`` (Park, Pan and Joo (2021), directed sentiment
dataset) is a sentence with two entities in brackets and a label: 0 neutral, 1 p positive
towards q, 2 q positive towards p, 3 p negative towards q, 4 q negative towards p. The
brackets are removed and the sentence goes through ``extraction.analyze_many`` like any
article; the pair is read back from ``Article.relations``: the entities whose mentions
overlap the bracketed spans, and the relations between them in either direction. No
relation, or an entity newslens did not find, is a neutral answer.

Where relations from events and from the model disagree on one pair, ``--policy`` says
which wins: ``model-first`` (the model's relation when there is one, else an event's; the
default, chosen on valid: where the two orders answer differently the model was right
every time), ``events-first`` (an event's relation when there is one, else the model's),
``events`` (events only), ``model`` (model only). Without ``--policy`` all four are
printed, the default first.

The validation split chose the model and its decision rule: figures here are in-sample
for those choices; the test split is scored elsewhere. Usage::

    python benchmarks/directed_sentiment.py [--data ../shared/benchmarks] [--policy P]
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from extraction import NewslensError, analyze  # noqa: E402
from extraction.pipeline import build_pipeline  # noqa: E402

LABEL_NAMES = ("neutral", "p+q", "q+p", "p-q", "q-p")
POLICIES = ("model-first", "events-first", "events", "model")


def unbracket(marked: str) -> tuple[str, list[tuple[int, int]]]:
    """The sentence without brackets and the character spans the brackets enclosed."""
    out: list[str] = []
    spans: list[tuple[int, int]] = []
    start = None
    for ch in marked:
        if ch == "[" and start is None:
            start = sum(len(piece) for piece in out)
        elif ch == "]" and start is not None:
            spans.append((start, sum(len(piece) for piece in out)))
            start = None
        else:
            out.append(ch)
    return "".join(out), spans


def entity_at(article, span: tuple[int, int], offset: int) -> str | None:
    """The id of the entity with a mention overlapping ``span`` (input offsets)."""
    lo, hi = span[0] - offset, span[1] - offset
    best = None
    for ent in article.entities:
        for m in ent.mentions:
            overlap = min(hi, m.end_char) - max(lo, m.start_char)
            if overlap > 0 and (best is None or overlap > best[0]):
                best = (overlap, ent.id)
    return best[1] if best else None


def predict(article, p: str | None, q: str | None, policy: str) -> int:
    if p is None or q is None or p == q:
        return 0
    found: dict[str, list[int]] = {"events": [], "model": []}
    for rel in article.relations:
        if {rel.source, rel.target} != {p, q}:
            continue
        forward = rel.source == p
        label = (1 if forward else 2) if rel.polarity == "positive" else (3 if forward else 4)
        found["model" if rel.found_by == "model" else "events"].append(label)
    order = {"events-first": ("events", "model"), "model-first": ("model", "events"),
             "events": ("events",), "model": ("model",)}[policy]
    for source in order:
        if found[source]:
            return Counter(found[source]).most_common(1)[0][0]
    return 0


def macro_f1(gold: list[int], pred: list[int]) -> tuple[float, list[float]]:
    per = []
    for label in range(5):
        tp = sum(g == p == label for g, p in zip(gold, pred, strict=True))
        fp = sum(p == label and g != label for g, p in zip(gold, pred, strict=True))
        fn = sum(g == label and p != label for g, p in zip(gold, pred, strict=True))
        prec = tp / (tp + fp) if tp + fp else 0.0
        rec = tp / (tp + fn) if tp + fn else 0.0
        per.append(2 * prec * rec / (prec + rec) if prec + rec else 0.0)
    return sum(per) / len(per), per


# A benchmark script read top to bottom: arguments, the split's rows, one analyze() per sentence
# scored under every policy, then a confusion table per policy.
def main(argv: list[str] | None = None) -> int:  # noqa: C901
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", default=os.environ.get(
        "NEWSLENS_BENCHMARKS", str(ROOT.parent / "shared" / "benchmarks")))
    parser.add_argument("--split", default="valid.txt")
    parser.add_argument("--policy", choices=POLICIES, default=None,
                        help="one policy (default: print all four, model-first first)")
    parser.add_argument("--limit", type=int, default=0)
    args = parser.parse_args(argv)
    path = Path(args.data) / "directed-sentiment" / args.split
    if not path.is_file():
        print(f"directed-sentiment data not found at {path}; set NEWSLENS_BENCHMARKS",
              file=sys.stderr)
        return 2
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if len(parts) >= 4 and parts[3].strip().isdigit():
            rows.append((parts[0], int(parts[3])))
    if args.limit:
        rows = rows[:args.limit]
    nlp = build_pipeline()
    started = time.perf_counter()
    answers: dict[str, list[int]] = {p: [] for p in POLICIES}
    gold: list[int] = []
    refused = missing = 0
    for marked, label in rows:
        text, spans = unbracket(marked)
        gold.append(label)
        article = None
        if len(spans) == 2:
            try:
                article = analyze(text, nlp=nlp)
            except NewslensError:
                refused += 1
        if article is None:
            for policy in POLICIES:
                answers[policy].append(0)
            continue
        offset = text.find(article.text[:40]) if article.text[:40] else 0
        p, q = (entity_at(article, span, max(offset, 0)) for span in spans)
        missing += p is None or q is None
        for policy in POLICIES:
            answers[policy].append(predict(article, p, q, policy))
    seconds = time.perf_counter() - started
    print(f"{path} ({len(rows)} sentences, {seconds:.0f} s through analyze(); "
          f"{refused} refused, {missing} with an entity newslens did not find)")
    for policy in [args.policy] if args.policy else POLICIES:
        pred = answers[policy]
        score, per = macro_f1(gold, pred)
        print(f"\npolicy {policy}: macro-F1 {score:.3f}  per class " +
              "  ".join(f"{n} {f:.2f}" for n, f in zip(LABEL_NAMES, per, strict=True)))
        print("confusion (rows gold, columns predicted):")
        print("        " + " ".join(f"{n:>7}" for n in LABEL_NAMES))
        for g in range(5):
            counts = [sum(1 for a, b in zip(gold, pred, strict=True) if a == g and b == c)
                      for c in range(5)]
            print(f"{LABEL_NAMES[g]:>7} " + " ".join(f"{c:>7}" for c in counts))
    return 0


if __name__ == "__main__":
    sys.exit(main())
