"""Score newslens events against the PLOVER gold-standard records.

For each gold record whose source is a country (an ISO-3-like code, not IGO/NGO), the
sentence is analysed alone and scored on:

- source: some event in the sentence has ``actor_country`` among the gold source codes;
- target: (records with a country target) some event has ``target_country`` among them;
- source and target (same event): (records with a country target) one event has both right;
- type: some event has the gold type (the 2016 gold names mapped to PLOVER 2021 the way
  ``CAMEO2PLOVER-2021.txt`` merges them: DEMAND -> REQUEST, DISAPPROVE and INVESTIGATE ->
  ACCUSE, FIGHT -> ASSAULT);
- polarity sign: the sentence's main event (the event trigger nearest the root of the
  parse; timeline-only incidents skipped) has the sign of the gold type's side, cooperative
  (AGREE, CONSULT, SUPPORT, CONCEDE, COOPERATE, AID, RETREAT) or conflictual (the rest);
- type macro-F1: the main event's type against the gold type, F1 per gold type, averaged.

A sentence with no event counts as wrong everywhere. Usage::

    python benchmarks/plover.py [--data ../shared/benchmarks] [--errors 20]
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from extraction.events.lexicon import COOPERATIVE, EXTRA_TYPES  # noqa: E402
from extraction.pipeline import build_pipeline  # noqa: E402

GOLD_FILE = Path("plover-gold") / "PLOVER_GSR_CAMEO.json"
TYPE_2021 = {"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "INVESTIGATE": "ACCUSE",
             "FIGHT": "ASSAULT"}
# Actor codes of the gold that name no state: international and non-governmental
# organisations, companies, unidentified forces, refugees, and the codebook's transnational
# militant and Islamist groups (IMG, ISM).
NOT_COUNTRIES = frozenset({"IGO", "NGO", "MNC", "UAF", "REF", "IMG", "ISM", "***"})
# Older country codes of the codebook the gold was coded with, as ISO 3166-1 alpha-3.
GOLD_CODES = {"JAP": "JPN", "ITL": "ITA", "VTN": "VNM"}
EVENT_COMPONENTS = ("newslens_entities", "newslens_time", "newslens_events")
# Every gold record carries the date 2000-01-01, a placeholder: the sentences are from many
# years (leaders who took office long after 2000 act in them). They are analysed without a
# publication date, as an undated article is, so a name is linked to its office holder
# when the knowledge base knows only one.
GOLD_DATE = None


def data_dir(given: str | None) -> Path:
    """The benchmark folder from --data, NEWSLENS_BENCHMARKS, or ../shared/benchmarks."""
    path = Path(given or os.environ.get("NEWSLENS_BENCHMARKS") or ROOT.parent / "shared" /
                "benchmarks")
    if not (path / GOLD_FILE).is_file():
        sys.exit(f"PLOVER gold file not found at {path / GOLD_FILE}; pass --data or set "
                 "NEWSLENS_BENCHMARKS to the shared benchmarks folder")
    return path


def codes(actors: Any) -> set[str]:
    """Country codes of a gold source or target field (a list of actor dicts, or "")."""
    if not isinstance(actors, list):
        return set()
    found = (str(a.get("code", "")) for a in actors if isinstance(a, dict))
    return {GOLD_CODES.get(code, code) for code in found
            if re.fullmatch(r"[A-Z]{3}", code) and code not in NOT_COUNTRIES}


def side(event_type: str) -> int:
    return 1 if event_type in COOPERATIVE else -1


def main_event(doc: Any, events: list[dict[str, Any]]) -> dict[str, Any] | None:
    """The event whose trigger is nearest the root of its sentence's parse."""
    best: tuple[int, int, dict[str, Any]] | None = None
    for event in events:
        if event["type"] in ("INCIDENT", *EXTRA_TYPES):
            # Timeline-only types outside PLOVER are never a sentence's main PLOVER event.
            continue
        span = doc.char_span(event["trigger"]["start_char"], event["trigger"]["end_char"],
                             alignment_mode="expand")
        if span is None:
            continue
        tok, depth = span.root, 0
        while tok.head.i != tok.i and depth < 60:
            tok, depth = tok.head, depth + 1
        key = (depth, event["trigger"]["start_char"])
        if best is None or key < best[:2]:
            best = (key[0], key[1], event)
    return best[2] if best else None


def macro_f1(gold: list[str], pred: list[str]) -> tuple[float, dict[str, float]]:
    """Macro-averaged F1 over the gold labels."""
    per: dict[str, float] = {}
    for label in sorted(set(gold)):
        tp = sum(1 for g, p in zip(gold, pred, strict=True) if g == label and p == label)
        fp = sum(1 for g, p in zip(gold, pred, strict=True) if g != label and p == label)
        fn = sum(1 for g, p in zip(gold, pred, strict=True) if g == label and p != label)
        prec = tp / (tp + fp) if tp + fp else 0.0
        rec = tp / (tp + fn) if tp + fn else 0.0
        per[label] = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
    return (sum(per.values()) / len(per) if per else 0.0), per


def run(path: Path, errors: int, nlp: Any = None, *, quiet: bool = False) -> dict[str, float]:
    """Score the events of ``nlp`` (the events pipeline when None) on the PLOVER gold."""
    records = json.loads((path / GOLD_FILE).read_text(encoding="utf-8"))
    records = [r for r in records if r.get("text") and r.get("event") != "DOCUMENT"
               and codes(r.get("source"))]
    # Events need entities and dates only; the stance layers downstream are not scored here.
    nlp = nlp or build_pipeline(components=EVENT_COMPONENTS)

    def docs():
        for record in records:
            doc = nlp.make_doc(record["text"])
            doc._.newslens_published = GOLD_DATE
            yield doc

    started = time.perf_counter()
    hits: Counter[str] = Counter()
    totals: Counter[str] = Counter()
    gold_types: list[str] = []
    pred_types: list[str] = []
    shown = 0
    for record, doc in zip(records, nlp.pipe(docs(), batch_size=32), strict=True):
        events = doc._.newslens_events or []
        gold_type = TYPE_2021.get(record["event"], record["event"])
        sources, targets = codes(record.get("source")), codes(record.get("target"))
        main = main_event(doc, events)
        checks = {
            "source": any(e["actor_country"] in sources for e in events),
            "type (any event)": any(e["type"] == gold_type for e in events),
            "polarity sign (main event)": main is not None and main["polarity"] != 0 and
            (1 if main["polarity"] > 0 else -1) == side(gold_type),
            "polarity sign (any event)": any(e["polarity"] and (1 if e["polarity"] > 0 else -1)
                                             == side(gold_type) for e in events),
            "source+type": any(e["actor_country"] in sources and e["type"] == gold_type
                               for e in events),
        }
        if targets:
            checks["target"] = any(e["target_country"] in targets for e in events)
            checks["source and target (same event)"] = any(
                e["actor_country"] in sources and e["target_country"] in targets
                for e in events)
        for name, ok in checks.items():
            totals[name] += 1
            hits[name] += bool(ok)
        gold_types.append(gold_type)
        pred_types.append(main["type"] if main else "NONE")
        if shown < errors and not (checks["source"] and checks.get("target", True) and
                                   pred_types[-1] == gold_type):
            shown += 1
            found = [(e["type"], e["trigger"]["text"], e["actor_country"], e["target_country"])
                     for e in events]
            print(f"- {record['id']} gold {gold_type} {sorted(sources)} -> {sorted(targets)}; "
                  f"main {pred_types[-1]}; found {found}\n  {record['text']}")
    elapsed = time.perf_counter() - started
    f1, per = macro_f1(gold_types, pred_types)
    results: dict[str, float] = {}
    for name in ("source", "target", "source and target (same event)", "type (any event)",
                 "source+type", "polarity sign (main event)", "polarity sign (any event)"):
        results[name] = hits[name] / totals[name] if totals[name] else 0.0
    results["type macro-F1"] = f1
    if quiet:
        return results
    print(f"PLOVER gold (in-sample): {len(records)} records with a country source "
          f"({totals['target']} with a country target), {elapsed:.1f}s")
    for name in list(results)[:-1]:
        print(f"  {name:32} {results[name]:.3f}  ({hits[name]}/{totals[name]})")
    print(f"  {'type macro-F1 (main event)':32} {f1:.3f}")
    print("  per type F1: " + ", ".join(f"{k} {v:.2f}" for k, v in per.items()))
    return results


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", help="the shared benchmarks folder")
    parser.add_argument("--errors", type=int, default=0,
                        help="print up to this many sentences the project gets wrong")
    args = parser.parse_args(argv)
    run(data_dir(args.data), args.errors)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
