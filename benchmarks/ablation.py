"""Each named event rule switched off in turn, and what it contributes.

Scores the PLOVER gold (in-sample: the rules were grown on it) with all rules of the
``newslens_events`` component on, then with each rule of ``extraction.events.extract.RULES``
left out of the component's ``rules`` config, and prints a table of the change per figure
(positive: the rule helps). The stance rules (``STANCE_RULES``) are switched the same way
in the ``newslens_stance`` config, one at a time against its defaults. When
``benchmarks/stance.py`` exists and offers ``score(nlp) -> dict``, its development gold
(event precision and recall, event dates, stance F1; in-sample too) is scored the same
way, through the whole pipeline, and so is ``benchmarks/devgold_fresh`` (the first blind
split, development data since its errors were read; columns "fr"), and so is
``benchmarks/stance_probe.py`` (our own sentences, one or more per class of news sentence;
column "probe"). The second blind split is never scored here. Usage::

    python benchmarks/ablation.py [--data ../shared/benchmarks] [--rules a,b]
"""

from __future__ import annotations

import argparse
import importlib.util
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import spacy

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

import plover  # noqa: E402

from extraction.events.extract import RULES  # noqa: E402
from extraction.events.stance import DEFAULT_RULES, STANCE_RULES  # noqa: E402
from extraction.pipeline import COMPONENTS, MODEL_PACKAGE  # noqa: E402

FIGURES = ("source", "target", "source and target (same event)", "source+type",
           "type macro-F1")


def events_pipeline(rules: list[str], stance_rules: list[str] | None = None) -> Any:
    """The whole newslens pipeline (so stances are scored too), events limited to ``rules``
    and, when given, stance limited to ``stance_rules``."""
    nlp = spacy.load(MODEL_PACKAGE)
    for name in COMPONENTS:
        config: dict[str, Any] = {}
        if name == "newslens_events":
            config = {"rules": rules}
        elif name == "newslens_stance" and stance_rules is not None:
            config = {"rules": stance_rules}
        nlp.add_pipe(name, name=name, config=config)
    return nlp


# Short column names of the table, per scorer and figure.
COLUMNS = {("plover", "source"): "PL src", ("plover", "target"): "PL tgt",
           ("plover", "source and target (same event)"): "PL both",
           ("stance-dev", "events P"): "dev evP", ("stance-dev", "events R"): "dev evR",
           ("stance-dev", "event dates"): "dev dates", ("stance-dev", "stance F1"): "dev stF1",
           ("stance-fresh", "events P"): "fr evP", ("stance-fresh", "stance F1"): "fr stF1",
           ("probe", "probe"): "probe"}


def stance_scorer() -> Callable[[Any], dict[str, float]] | None:
    """``benchmarks/stance.py``'s ``score(nlp)`` when that script exists and offers it."""
    path = ROOT / "benchmarks" / "stance.py"
    if not path.is_file():
        return None
    spec = importlib.util.spec_from_file_location("newslens_stance_bench", path)
    if spec is None or spec.loader is None:
        return None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses in the script look their module up
    spec.loader.exec_module(module)
    return getattr(module, "score", None)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", help="the shared benchmarks folder")
    parser.add_argument("--rules", help="comma-separated rules to ablate (default: all)")
    args = parser.parse_args(argv)
    path = plover.data_dir(args.data)
    names = sorted(RULES) if not args.rules else args.rules.split(",")
    scorers: dict[str, Callable[[Any], dict[str, float]]] = {
        "plover": lambda nlp: plover.run(path, 0, nlp, quiet=True)}
    stance = stance_scorer()
    if stance is not None:
        scorers["stance-dev"] = stance
        fresh = ROOT / "benchmarks" / "devgold_fresh"
        if fresh.is_dir():
            # The first blind split, development data since its errors were read.
            scorers["stance-fresh"] = lambda nlp: stance(nlp, gold_dir=fresh)
    import stance_probe

    # Our own probe sentences, one or more per class of news sentence (development data).
    scorers["probe"] = stance_probe.score
    full = {key: fn(events_pipeline(sorted(RULES))) for key, fn in scorers.items()}
    for key, results in full.items():
        shown = [f for f in FIGURES if f in results] or list(results)
        print(f"{key} (in-sample), all rules on: " +
              ", ".join(f"{f} {results[f]:.3f}" for f in shown))
    columns = [(k, f) for (k, f) in COLUMNS if k in full and f in full[k]]
    print("\ncontribution of each rule (all on minus that rule off; + helps), in-sample:")
    print(f"  {'rule':24} " + " ".join(f"{COLUMNS[c]:>9}" for c in columns))
    for name in names:
        off = sorted(set(RULES) - {name})
        results = {key: fn(events_pipeline(off)) for key, fn in scorers.items()}
        print(f"  {name:24} " + " ".join(
            f"{full[k][f] - results[k].get(f, 0.0):>+9.3f}" for k, f in columns))
    if stance is not None and not args.rules:
        # Stance rules change no event, so only the development gold's stance figures move.
        print("\nstance rules (newslens_stance; default rules on minus that rule off, or "
              "plus it for one not on by default), in-sample:")
        print(f"  {'rule':24} {'dev stF1':>9} {'dev stP':>9} {'dev stR':>9}")
        base = full["stance-dev"]
        for name in sorted(STANCE_RULES):
            on = name in DEFAULT_RULES
            rules = [r for r in DEFAULT_RULES if r != name] if on else [*DEFAULT_RULES, name]
            got = stance(events_pipeline(sorted(RULES), rules))
            sign = 1 if on else -1
            print(f"  {name + ('' if on else ' (off)'):24} " + " ".join(
                f"{sign * (base[f] - got.get(f, 0.0)):>+9.3f}"
                for f in ("stance F1", "stance P", "stance R")))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
