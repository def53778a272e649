"""Time attack inputs against an ordinary article of the same length, through ``analyze``.

Every input is made here (no benchmark text): an ordinary article of English news prose,
and the same prose wrapped around an attack of the same total length:

- ``punctuation``: runs of ``=``, ``&``, ``<``, ``"``, ``*`` and ``)`` without spaces;
- ``entity flood``: country and people names joined by "and" (one huge sentence);
- ``< flood``: ``<`` characters separated by spaces;
- ``dated table``: rows of dated figures without sentence ends;
- ``malformed HTML``: ``<a `` repeated with no ``>``, read as an .html file first.

It prints each attack's time as a ratio to the ordinary article's (the aim: at most 5x),
and the whole pipeline's time for ordinary articles of 10k to 200k characters with the
slope of log(time) over log(length) (1.0 is linear) and the cost per 10k characters::

    .venv/bin/python benchmarks/adversarial.py [--length 50000] [--repeat 1]
"""

from __future__ import annotations

import argparse
import math
import os
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

PROSE = (
    "The foreign minister of Kenya said on Tuesday that her government would send aid to "
    "the flooded districts in the north, and that talks with the neighbouring states would "
    "resume next week in Nairobi. Officials in Addis Ababa welcomed the offer. The "
    "opposition leader criticised the plan, saying it came too late for the farmers who "
    "had lost their harvest in March. A spokesman for the United Nations said the agency "
    "was ready to help. "
)
NAMES = ("Kenya", "Ghana", "Nigeria", "Peru", "Chile", "Angela Merkel", "Emmanuel Macron",
         "the United States", "Brazil", "Japan", "the European Union", "Vladimir Putin")


def ordinary(length: int) -> str:
    """English news prose of ``length`` characters, paragraphs numbered so none repeats."""
    parts, size, n = [], 0, 0
    while size < length:
        paragraph = f"Report {n}. {PROSE}\n\n"
        parts.append(paragraph)
        size += len(paragraph)
        n += 1
    return "".join(parts)[:length]


def _wrapped(attack: str, length: int) -> str:
    """Prose, the attack, prose: ``length`` characters in all, about half of them attack,
    so the text passes the English check and the attack is inside an article."""
    prose = ordinary(length // 4)
    return prose + attack[: length - 2 * len(prose)] + " " + prose


def _repeat(unit: str, length: int) -> str:
    return (unit * (length // len(unit) + 1))[:length]


def attacks(length: int) -> dict[str, Callable[[], str]]:
    """The attack inputs of ``length`` characters, each made when called."""
    from extraction.textio import read_bytes

    def table() -> str:
        rows = [f"on {1 + d % 28} March {2000 + d % 20} the index was {1000 + d:,} and "
                for d in range(length // 40)]
        return _wrapped("".join(rows), length)

    def html() -> str:
        page = ("<html><body><p>" + ordinary(length // 4) + "</p>"
                + _repeat("<a ", length // 2) + "</body></html>")
        return read_bytes(page.encode(), "attack.html").text

    return {
        "punctuation": lambda: _wrapped(
            "".join(_repeat(c, length // 6) for c in "=&<\"*)"), length),
        "entity flood": lambda: _wrapped(" and ".join(NAMES * (length // 60)), length),
        "< flood": lambda: _wrapped(_repeat("< ", length), length),
        "dated table": table,
        "malformed HTML": html,
    }


def timed(make: Callable[[], str], nlp, repeat: int) -> tuple[float, int]:
    """Seconds to make and analyse the text (best of ``repeat``), and its length."""
    from extraction import analyze

    best = math.inf
    size = 0
    for _ in range(repeat):
        started = time.perf_counter()
        text = make()
        analyze(text, published="2019-03-14", nlp=nlp)
        best = min(best, time.perf_counter() - started)
        size = len(text)
    return best, size


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--length", type=int, default=50_000, help="characters per input")
    parser.add_argument("--repeat", type=int, default=1, help="runs per input (best counts)")
    args = parser.parse_args()

    from extraction import analyze
    from extraction.pipeline import build_pipeline

    nlp = build_pipeline()
    analyze(ordinary(2_000), nlp=nlp)  # warm-up: lazy loading is not timed
    print(f"load average {os.getloadavg()[0]:.2f}; {os.cpu_count()} cores")
    base, size = timed(lambda: ordinary(args.length), nlp, args.repeat)
    print(f"{'ordinary article':<16} {size:>8,} chars {base:7.2f} s   1.00x")
    worst = 0.0
    for name, make in attacks(args.length).items():
        seconds, size = timed(make, nlp, args.repeat)
        ratio = seconds / base
        worst = max(worst, ratio)
        print(f"{name:<16} {size:>8,} chars {seconds:7.2f} s {ratio:6.2f}x")
    print(f"worst ratio {worst:.2f}x (aim: at most 5x)")

    lengths = [10_000, 25_000, 50_000, 100_000, 200_000]
    times = []
    for length in lengths:
        seconds, _ = timed(lambda n=length: ordinary(n), nlp, args.repeat)
        times.append(seconds)
        print(f"ordinary {length:>8,} chars {seconds:7.2f} s  "
              f"{seconds / length * 10_000:.3f} s per 10k chars")
    xs = [math.log(n) for n in lengths]
    ys = [math.log(t) for t in times]
    mx, my = sum(xs) / len(xs), sum(ys) / len(ys)
    slope = sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True)) / sum(
        (x - mx) ** 2 for x in xs)
    print(f"slope of log(time) over log(length), 10k-200k: {slope:.2f} (1.0 = linear); "
          f"time(200k)/time(10k) = {times[-1] / times[0]:.1f} for 20x the length")
    return 0


if __name__ == "__main__":
    sys.exit(main())
