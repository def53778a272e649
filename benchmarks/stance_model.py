"""Score the shipped stance model on the directed-sentiment validation split, and time it.

Reads ``directed-sentiment/valid.txt`` under ``--data`` or ``$NEWSLENS_BENCHMARKS``
(default ``../shared/benchmarks``), parses each sentence with ``en_core_web_sm`` (brackets
removed), builds inputs with ``model_input`` and prints macro-F1 over the five labels, F1
per label, the confusion matrix, the model's load time and its predictions per second
(the parse not included; ``model_input`` timed apart). The decision rule was tuned on this
same split, so the figures are development figures, not a held-out test::

    .venv/bin/python benchmarks/stance_model.py [--data DIR] [--model DIR]
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

import numpy

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "training"))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    default = Path(os.environ.get("NEWSLENS_BENCHMARKS", ROOT.parent / "shared" / "benchmarks"))
    parser.add_argument("--data", type=Path, default=default)
    parser.add_argument("--model", type=Path, default=None)
    args = parser.parse_args(argv)

    import spacy
    import train_stance

    from extraction.relations.classifier import LABELS, load_classifier, model_input

    path = args.data / "directed-sentiment" / "valid.txt"
    if not path.is_file():
        print(f"no validation data at {path} (set NEWSLENS_BENCHMARKS or --data)")
        return 1
    rows = train_stance.read_split(path)
    nlp = spacy.load(train_stance.PARSER)
    started = time.perf_counter()
    docs = list(nlp.pipe((text for text, _, _ in rows), batch_size=256))
    parse_s = time.perf_counter() - started

    started = time.perf_counter()
    inputs, gold = [], []
    for doc, (_, spans, label) in zip(docs, rows, strict=True):
        p, q = train_stance.token_range(doc, spans[0]), train_stance.token_range(doc, spans[1])
        if p is None or q is None:
            continue
        p, q = train_stance.separate(p, q)
        if p is None or q is None:
            continue
        inputs.append(model_input(doc, doc[:], p, q))
        gold.append(label)
    input_s = time.perf_counter() - started

    started = time.perf_counter()
    model = load_classifier(args.model)
    load_s = time.perf_counter() - started
    model.predict(inputs[:8])
    started = time.perf_counter()
    probs = model.predict(inputs)
    predict_s = time.perf_counter() - started
    pred = numpy.asarray([LABELS.index(model.decide(row)) for row in probs])

    print(f"directed-sentiment valid: {len(inputs)} of {len(rows)} pairs "
          "(development figures: the decision rule was tuned on this split)")
    train_stance.report("shipped model", numpy.asarray(gold), pred)
    print(f"load time {load_s:.2f} s")
    print(f"parse (en_core_web_sm, not part of the model) {len(docs) / parse_s:.0f} sentences/s")
    print(f"model_input {len(inputs) / input_s:.0f} pairs/s")
    print(f"predict {len(inputs) / predict_s:.0f} pairs/s "
          f"({predict_s / len(inputs) * 1000:.2f} ms per pair)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
