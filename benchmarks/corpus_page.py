"""Server time of the Corpus page over 3,000 stored articles: opening it, changing a filter.

    python benchmarks/corpus_page.py [--articles 3000] [--repeats 5]

The articles are synthetic and *constructed*, not analysed: ``Article`` objects built from
a seeded random generator with sentences of our own ("<actor> <verb> <target> <when>."),
and with the entities, time expressions, events and stances such a sentence yields made
directly (offsets into the text, PLOVER types with a polarity, dates resolved against the
publication date, a stance per holder and target). Actors and targets are 40 real countries
(by ISO-3 code, named from ``extraction.resources``) and 120 made-up people, each tied to a
country with a role; publication dates run over 2017-2020, and sources over three names.
Running 3,000 texts through the real pipeline would measure the model, not the page.

The store is a temporary file and no samples are ingested. Each figure is the wall time of
one ``AppTest.run()`` (the whole script run on the server: the store read, frames, charts,
the page's elements; nothing drawn in a browser), with the CPU seconds of the same run beside
it (on a busy machine, wall time also counts the time other processes had the CPU). The
first Corpus run reads the store (its caches are cold): a light projection of the matching
articles, ``Store.corpus_rows``; a filter change is a new query, so it reads again. Goal:
each at most 1.5 s.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import logging
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from extraction import resources  # noqa: E402
from extraction.model import (  # noqa: E402
    Article,
    Entity,
    Event,
    Mention,
    Stance,
    TimeExpression,
)

APP = ROOT / "dashboard" / "app.py"
GOAL = 1.5
COUNTRIES = (
    "USA", "RUS", "CHN", "GBR", "FRA", "DEU", "IRN", "IRQ", "ISR", "SYR", "TUR", "SAU",
    "EGY", "IND", "PAK", "AFG", "JPN", "KOR", "PRK", "UKR", "POL", "VEN", "COL", "BRA",
    "MEX", "CUB", "ARG", "NGA", "ETH", "KEN", "ZAF", "SDN", "LBY", "YEM", "QAT", "ARE",
    "IDN", "PHL", "VNM", "AUS",
)
FIRST = ("Arlen", "Bea", "Corin", "Dara", "Edric", "Fena", "Goran", "Hale", "Ines", "Jorun",
         "Kasia", "Lior", "Maren", "Niko", "Odile", "Pavel", "Quill", "Rosa", "Soren", "Tamsin")
LAST = ("Varga", "Okafor", "Lindqvist", "Haddad", "Moreau", "Tanaka", "Petrov", "Alvarez",
        "Nakamura", "Osei", "Brandt", "Kowal")
ROLES = ("head of state", "government", "opposition", "military", "government", "government")
#: PLOVER type, the words in the sentence, polarity.
ACTS = (
    ("SUPPORT", "backed", 0.7), ("ACCUSE", "accused", -0.6), ("CONSULT", "met with", 0.3),
    ("SANCTION", "imposed sanctions on", -0.8), ("AID", "sent aid to", 0.8),
    ("THREATEN", "warned", -0.5), ("AGREE", "signed a deal with", 0.6),
    ("PROTEST", "protested against", -0.4), ("REJECT", "turned down a request from", -0.5),
    ("COOPERATE", "worked with", 0.5),
)
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday")
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December")
SOURCES = ("wire", "daily", "weekly")


class _Writer:
    """Builds one article's text sentence by sentence, keeping the offsets of its parts."""

    def __init__(self) -> None:
        self.text = ""

    def put(self, words: str) -> Mention:
        start = len(self.text)
        self.text += words
        return Mention(words, start, len(self.text))


def _people(rng: random.Random) -> list[tuple[str, str, str]]:
    names = [f"{f} {s}" for f in FIRST for s in LAST]
    rng.shuffle(names)
    return [(name, rng.choice(COUNTRIES), rng.choice(ROLES)) for name in names[:120]]


def _when(rng: random.Random, published: dt.date) -> tuple[str, str, str]:
    """Words for the time of an act, its TIMEX3 value and its type."""
    pick = rng.random()
    if pick < 0.55:
        day = published - dt.timedelta(days=rng.randint(1, 6))
        return f"on {WEEKDAYS[day.weekday() % 5]}", day.isoformat(), "DATE"
    if pick < 0.8:
        month = published.month
        return f"in {MONTHS[month - 1]}", f"{published.year}-{month:02d}", "DATE"
    if pick < 0.95:
        return "last year", str(published.year - 1), "DATE"
    return "a decade ago", str(published.year - 10), "DATE"


def build_article(rng: random.Random, number: int,
                  people: list[tuple[str, str, str]]) -> tuple[Article, str]:
    """One synthetic article (see the module docstring) and its source name."""
    published = dt.date(2017, 1, 1) + dt.timedelta(days=rng.randint(0, 4 * 365 - 1))
    out = _Writer()
    entities: dict[str, tuple[str, str, str | None, str | None, list[Mention]]] = {}
    times, events = [], []
    stance_parts: dict[tuple[str, str], list[tuple[float, str, bool, str | None, str]]] = {}
    title = ""
    for sentence_no in range(rng.randint(4, 8)):
        start = len(out.text)
        parties = []
        for _ in range(2):
            if rng.random() < 0.6:
                code = rng.choice(COUNTRIES)
                parties.append((f"c_{code}", resources.country_name(code), "GPE", code, None))
            else:
                name, code, role = rng.choice(people)
                parties.append((f"p_{name}", name, "PERSON", code, role))
        if parties[0][0] == parties[1][0]:
            continue
        kind, verb, polarity = rng.choice(ACTS)
        polarity = max(-1.0, min(1.0, polarity + rng.uniform(-0.2, 0.2)))
        actor = out.put(parties[0][1])
        trigger = (out.put(" "), out.put(verb))[1]
        out.put(" ")
        target = out.put(parties[1][1])
        words, value, ttype = _when(rng, published)
        out.put(" ")
        when = out.put(words)
        out.put(f", according to report {number}-{sentence_no}. ")
        sentence = Mention(out.text[start:len(out.text) - 1], start, len(out.text) - 1)
        if not title:
            title = f"{parties[0][1]} {verb} {parties[1][1]}"
        for party, mention in zip(parties, (actor, target), strict=True):
            entities.setdefault(party[0], (*party[1:], []))[4].append(mention)
        times.append(TimeExpression(words, when.start_char, when.end_char, ttype, value,
                                    published.isoformat()))
        event_id = f"V{len(events) + 1}"
        events.append(Event(event_id, kind, trigger, sentence, actor=parties[0][0],
                            target=parties[1][0], actor_country=parties[0][3],
                            target_country=parties[1][3], date=value, date_source=words,
                            polarity=round(polarity, 2)))
        role = parties[0][4]
        holder = parties[0][3] if role not in ("opposition", "military") \
            else f"{role}:{parties[0][3]}"
        if parties[1][2] == "GPE":
            key, shown = parties[1][3], parties[1][1]
        else:
            key, shown = f"entity:{parties[1][1]}", parties[1][1]
        background = int(value[:4]) < published.year - 1
        stance_parts.setdefault((holder, key), []).append(
            (polarity, event_id, not background, parties[1][3], shown))
    stances = []
    for (holder, key), parts in stance_parts.items():
        score = round(sum(p[0] for p in parts) / len(parts), 2)
        stances.append(Stance(holder, parts[0][4], "support" if score > 0 else "oppose", score,
                              tuple(p[1] for p in parts), parts[0][3], key,
                              any(p[2] for p in parts)))
    text = out.text.strip()
    ents = tuple(Entity(eid, name, label, code, role, tuple(mentions))
                 for eid, (name, label, code, role, mentions) in entities.items())
    digest = hashlib.sha256(f"{published}|{text}".encode()).hexdigest()[:16]
    article = Article(digest, text, title or f"Report {number}", published, False, ents,
                      tuple(times), tuple(events), tuple(stances))
    return article, rng.choice(SOURCES)


def build_store(count: int, seed: int = 12) -> float:
    """Fill ``$NEWSLENS_STORE`` with ``count`` synthetic articles; return the seconds."""
    from extraction.store import Store

    rng = random.Random(seed)
    people = _people(rng)
    started = time.perf_counter()
    store = Store()
    try:
        for number in range(count):
            article, source = build_article(rng, number, people)
            store.add(article, source=source)
        assert store.count() == count, store.count()
    finally:
        store.close()
    return time.perf_counter() - started


#: CPU seconds of each timed run, by the figure's name (see ``_timed_run``).
CPU: dict[str, list[float]] = {}


def _timed_run(at, name: str | None = None) -> float:
    """Wall seconds of one script run; its CPU seconds go to ``CPU[name]``.

    The CPU time is the process's (the script runs in a thread of this process, while the
    main thread waits): on a machine shared with other work, wall time grows with the load
    and CPU time much less, so both are reported.
    """
    started, cpu = time.perf_counter(), time.process_time()
    at.run()
    seconds = time.perf_counter() - started
    if name is not None:
        CPU.setdefault(name, []).append(time.process_time() - cpu)
    if at.exception:
        raise SystemExit(f"the app raised: {at.exception[0].message}")
    return seconds


def measure(repeats: int) -> dict[str, list[float]]:
    """Seconds per AppTest run: opening the Corpus page, then changing each filter."""
    from streamlit.testing.v1 import AppTest

    figures: dict[str, list[float]] = {"open (cold cache)": [], "open (warm cache)": [],
                                       "country filter": [], "date filter": [],
                                       "source filter": [], "search words": [],
                                       "country page": []}
    at = AppTest.from_file(str(APP), default_timeout=300)
    at.run()  # the Analyze page: imports and the first script run, not measured
    at.switch_page("views/corpus.py")
    figures["open (cold cache)"].append(_timed_run(at, "open (cold cache)"))
    countries = list(at.selectbox(key="corpus_country").options)
    first, last = at.date_input(key="corpus_dates").value
    for repeat in range(repeats):
        fresh = AppTest.from_file(str(APP), default_timeout=300)
        fresh.run()
        fresh.switch_page("views/corpus.py")
        figures["open (warm cache)"].append(_timed_run(fresh, "open (warm cache)"))
        code = COUNTRIES[repeat % len(COUNTRIES)]
        shown = next(o for o in countries if o.startswith(code) or code in o)
        at.selectbox(key="corpus_country").set_value(shown)
        figures["country filter"].append(_timed_run(at, "country filter"))
        at.selectbox(key="corpus_country").set_value(None)
        _timed_run(at)
        start = first + dt.timedelta(days=90 * (repeat + 1))
        at.date_input(key="corpus_dates").set_value((start, start + dt.timedelta(days=180)))
        figures["date filter"].append(_timed_run(at, "date filter"))
        at.date_input(key="corpus_dates").set_value((first, last))
        _timed_run(at)
        at.selectbox(key="corpus_source").set_value(SOURCES[repeat % len(SOURCES)])
        figures["source filter"].append(_timed_run(at, "source filter"))
        at.selectbox(key="corpus_source").set_value(None)
        _timed_run(at)
        at.text_input(key="corpus_query").set_value(f"{WEEKDAYS[repeat % 5]} sanctions")
        figures["search words"].append(_timed_run(at, "search words"))
        at.text_input(key="corpus_query").set_value("")
        _timed_run(at)
        page = AppTest.from_file(str(APP), default_timeout=300)
        page.run()
        page.switch_page("views/profile.py")
        page.query_params["country"] = code
        figures["country page"].append(_timed_run(page, "country page"))
        if not [h for h in page.header if code in h.value]:
            raise SystemExit(f"the country page did not show {code}")
    return figures


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=3000)
    parser.add_argument("--repeats", type=int, default=5)
    args = parser.parse_args()
    # Bare-mode notices from AppTest would bury the figures.
    logging.getLogger("streamlit").setLevel(logging.ERROR)
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["NEWSLENS_STORE"] = str(Path(tmp) / "store.sqlite")
        os.environ["NEWSLENS_SAMPLES"] = str(Path(tmp) / "no-samples")
        (Path(tmp) / "no-samples").mkdir()
        built = build_store(args.articles)
        print(f"{args.articles} synthetic articles stored in {built:.1f} s")
        figures = measure(args.repeats)
    worst = 0.0
    for name, seconds in figures.items():
        worst = max(worst, max(seconds))
        cpu = CPU.get(name, [])
        print(f"{name:18} median {statistics.median(seconds):.2f} s, "
              f"max {max(seconds):.2f} s over {len(seconds)} run(s); CPU median "
              f"{statistics.median(cpu):.2f} s, max {max(cpu):.2f} s")
    print(f"goal: each at most {GOAL:.1f} s of server time; worst {worst:.2f} s "
          f"({'met' if worst <= GOAL else 'NOT met'})")
    load = os.getloadavg()[0]
    print(f"load average {load:.1f} on {os.cpu_count()} CPUs")
    return 0


if __name__ == "__main__":
    sys.exit(main())
