"""Score the shipped stance model on the directed-sentiment validation split, and time it.

Reads ``directed-sentiment/valid.txt`` under ``--data`` or ``$NEWSLENS_BENCHMARKS``
(default ``../shared/benchmarks``), parses each sentence with ``en_core_web_sm`` (brackets
removed), builds inputs with ``model_input`` and prints macro-F1 over the five labels, F1
per label, the confusion matrix, the model's load time and its predictions per second
(the parse not included; ``model_input`` timed apart). Valid chose the model's settings,
its best epoch and its decision rule, so these are development figures, not a held-out
test.

It then times the full newslens pipeline on the sample articles with the relations
component's classifier switched off and on (alternating, best of ``--repeats``), and
prints the classifier's share::

    .venv/bin/python benchmarks/stance_model.py [--data DIR] [--model DIR] [--repeats N]
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
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args(argv)

    import spacy
    import train_stance

    from extraction.relations.classifier import LABELS, load_classifier, model_input
    from extraction.relations.find import pair_sentence

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
    model = load_classifier(args.model)
    load_s = time.perf_counter() - started

    started = time.perf_counter()
    inputs, gold = [], []
    for doc, (_, spans, label) in zip(docs, rows, strict=True):
        pair = train_stance.entity_ranges(doc, spans)
        if pair is None:
            continue
        inputs.append(model_input(doc, pair_sentence(doc, *pair), *pair, model.lexicon))
        gold.append(label)
    input_s = time.perf_counter() - started
    model.predict(inputs[:8])
    started = time.perf_counter()
    probs = model.predict(inputs)
    predict_s = time.perf_counter() - started
    pred = numpy.asarray([LABELS.index(model.decide(row)) for row in probs])

    print(f"directed-sentiment valid: {len(inputs)} of {len(rows)} pairs "
          "(development figures: valid chose the settings, the epoch and the decision rule)")
    train_stance.report("shipped model", numpy.asarray(gold), pred)
    print(f"load time {load_s:.2f} s")
    print(f"parse (en_core_web_sm, not part of the model) {len(docs) / parse_s:.0f} sentences/s")
    print(f"model_input {len(inputs) / input_s:.0f} pairs/s")
    print(f"predict {len(inputs) / predict_s:.0f} pairs/s "
          f"({predict_s / len(inputs) * 1000:.3f} ms per pair)")
    time_in_pipeline(model, args.repeats)
    return 0


def time_in_pipeline(model, repeats: int) -> None:
    """The newslens pipeline on the sample articles without and with the classifier."""
    from extraction.pipeline import build_pipeline
    from extraction.relations.find import sentence_pairs
    from extraction.textio import read_path

    texts = [read_path(path).text for path in sorted((ROOT / "sample_articles").glob("*.txt"))]
    nlp = build_pipeline()
    if "newslens_relations" not in nlp.pipe_names:
        print("the pipeline has no newslens_relations component: not timed in the pipeline")
        return
    relations = nlp.get_pipe("newslens_relations")
    list(nlp.pipe(texts[:2]))
    best = {"without": float("inf"), "with": float("inf")}
    pairs = 0
    for _ in range(repeats):
        for key, classifier in (("without", None), ("with", model)):
            relations.classifier = classifier
            started = time.perf_counter()
            docs = list(nlp.pipe(texts))
            best[key] = min(best[key], time.perf_counter() - started)
            if classifier is not None:
                pairs = sum(len(sentence_pairs(doc, doc._.newslens_entities or [],
                                               max_entities=relations.max_entities))
                            for doc in docs)
    relations.classifier = model
    words = sum(len(text.split()) for text in texts)
    share = (best["with"] - best["without"]) / best["without"]
    print(f"pipeline on {len(texts)} sample articles ({words} words), best of {repeats}: "
          f"{best['without']:.2f} s without the classifier, {best['with']:.2f} s with it "
          f"(+{share:.1%}; {pairs} entity pairs classified)")


if __name__ == "__main__":
    sys.exit(main())
