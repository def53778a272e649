"""Score named-entity mentions on GUM news for newslens and for the bare spaCy model.

GUM (``gum-news/conllu``) annotates every mention of a person, organisation, place, ...
including pronouns and common nouns ("the team"). A named-entity tagger should find the
named ones, so the gold set here is the GUM mentions of type person, organization or place
whose syntactic head (from the CoNLL-U tree) is a proper noun (PROPN). Nested mentions
count separately ("U.S." inside "U.S. President Donald Trump").

A predicted mention matches a gold mention of the same type when it lies inside the gold
span and overlaps its name core, the run of proper nouns around the head, so "Donald Trump"
matches "U.S. President Donald Trump" (GUM includes titles and articles in its spans,
spaCy does not).
Matching is one to one. Types: person = PERSON, organization = ORG, place = GPE, LOC or
FAC; other predicted labels (NORP, DATE, ...) are not scored.

The project side is ``extraction.analyze`` with the article's date from ``index.jsonl``
(every entity mention it returns); the baseline is ``en_core_web_sm`` 3.8.0 alone. Both
run in the same process on the same texts.

When ``plover-gold`` is present too, the script also reports how often the country of a
PLOVER gold actor ("Senior Hungarian ... officials" -> HUN) is the country of the newslens
entity found at the actor's words: the tie of entities to countries, which the bare model
does not attempt.

Country ties are scored on the project's own annotations too: ``benchmarks/devgold_ties/``
holds, for ten Wikinews development articles (``wikinews/source_csv`` rows, not among the
demo articles), every named person and organisation (and a building) a reader can tie to a
country, as character offsets and ISO-3 codes (``null`` for an international organisation
and its officials, a group of no one country). ``basis`` says where the tie comes from:
``phrase`` when the mention's own name, title or apposition names the country or a place
of it ("mayor of a Polish city", "Kenyan League ..."), ``setting`` when only the story
says it (the health minister in a story set in Poland); ``unstated`` (country ``null``) for
people and organisations the text gives no country to although they have one (an
agency's photographer, a foreign broadcaster): a country given to those is a guess, counted
apart. Coverage is the share of gold ties
with a country whose entity newslens gives some country; precision the share of the
countries it gives to gold entities that are right (a country for a ``null`` is wrong).
These are in-sample figures: the rules were developed on these articles.

    python benchmarks/entities.py [--data ../shared/benchmarks] [--errors N] [--ties-only]
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

GOLD_TYPES = {"person": "person", "organization": "organization", "place": "place"}
LABEL_TYPE = {"PERSON": "person", "ORG": "organization", "GPE": "place", "LOC": "place",
              "FAC": "place"}
TYPES = ("person", "organization", "place")


@dataclass(frozen=True)
class Gold:
    """A gold mention: type, character span and the character span of its name core (the
    proper nouns around its syntactic head)."""

    type: str
    start: int
    end: int
    head_start: int
    head_end: int
    text: str


@dataclass(frozen=True)
class Token:
    form: str
    head: int
    upos: str
    start: int
    end: int


_OPEN = re.compile(r"\((\d+)-([a-z]+)[^()]*(\))?")
_CLOSE = re.compile(r"(\d+)\)")


def entity_events(value: str) -> list[tuple[str, str, str | None]]:
    """Parse a GUM ``Entity=`` value into (event, id, type) with event open, close or single.

    "(3-organization-new-...-coref" opens entity 3, "3)" closes it and
    "(7-time-...-coref)" is a one-token mention.
    """
    events: list[tuple[str, str, str | None]] = []
    i = 0
    while i < len(value):
        if value[i] == "(":
            match = _OPEN.match(value, i)
            if match is None:
                break
            kind = "single" if match.group(3) else "open"
            events.append((kind, match.group(1), match.group(2)))
            i = match.end()
        else:
            match = _CLOSE.match(value, i)
            if match is None:
                i += 1
                continue
            events.append(("close", match.group(1), None))
            i = match.end()
    return events


# One pass over a CoNLL-U file; ruff also counts the nested flush(), which closes the sentence's
# open entity brackets and shares the pass's token and row lists.
def read_gold(conllu: Path, text: str) -> list[Gold]:  # noqa: C901
    """Read the named person/organisation/place mentions of one GUM document.

    Token character offsets come from finding each token form in ``text`` in order.
    """
    golds: list[Gold] = []
    sentence: list[Token] = []
    rows: list[tuple[int, str]] = []
    cursor = 0

    def flush() -> None:
        open_at: dict[str, list[tuple[int, str]]] = {}
        for index, misc in rows:
            field = next((f[len("Entity="):] for f in misc.split("|")
                          if f.startswith("Entity=")), "")
            for kind, eid, etype in entity_events(field):
                if kind == "open":
                    open_at.setdefault(eid, []).append((index, etype or ""))
                elif kind == "single":
                    _add(golds, sentence, index, index, etype or "")
                elif open_at.get(eid):
                    first, etype_open = open_at[eid].pop()
                    _add(golds, sentence, first, index, etype_open)
        sentence.clear()
        rows.clear()

    for line in conllu.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            if sentence:
                flush()
            continue
        if line.startswith("#"):
            continue
        cols = line.split("\t")
        if "-" in cols[0] or "." in cols[0]:
            continue
        form = cols[1]
        found = text.find(form, cursor)
        if found < 0:
            found = cursor
        start, end = found, found + len(form)
        cursor = end
        sentence.append(Token(form, int(cols[6]) if cols[6].isdigit() else 0, cols[3], start,
                              end))
        rows.append((len(sentence) - 1, cols[9]))
    if sentence:
        flush()
    return golds


def _add(golds: list[Gold], sentence: list[Token], first: int, last: int, etype: str) -> None:
    if etype not in GOLD_TYPES:
        return
    # The head is the token whose own head lies outside the span (ids are 1-based).
    ids = range(first + 1, last + 2)
    heads = [i for i in ids if sentence[i - 1].head not in ids]
    head_index = (heads[0] if heads else last + 1) - 1
    if sentence[head_index].upos != "PROPN":
        return
    # GUM attaches names flat from their first word ("US President Barack Obama" has "US"
    # as head), so the name core is the run of proper nouns around the head.
    low = high = head_index
    while low > first and sentence[low - 1].upos == "PROPN":
        low -= 1
    while high < last and sentence[high + 1].upos == "PROPN":
        high += 1
    start, end = sentence[first].start, sentence[last].end
    golds.append(Gold(GOLD_TYPES[etype], start, end, sentence[low].start, sentence[high].end,
                      f"{sentence[first].form}..{sentence[last].form}"))


def score(golds: list[Gold], preds: list[tuple[int, int, str]]) -> tuple[Counter, list]:
    """Match predictions to gold mentions; return counts per type and the errors."""
    counts: Counter = Counter()
    errors = []
    used: set[int] = set()
    for gold in sorted(golds, key=lambda g: g.end - g.start):
        hit = None
        for index, (start, end, typ) in enumerate(preds):
            if index in used or typ != gold.type:
                continue
            if start < gold.head_end and gold.head_start < end and gold.start <= start \
                    and end <= gold.end:
                hit = index
                break
        if hit is None:
            counts[(gold.type, "fn")] += 1
            errors.append(("missed", gold.type, gold.text))
        else:
            used.add(hit)
            counts[(gold.type, "tp")] += 1
    for index, (_, _, typ) in enumerate(preds):
        if index not in used:
            counts[(typ, "fp")] += 1
            errors.append(("spurious", typ, index))
    return counts, errors


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def report(name: str, counts: Counter) -> float:
    """Print precision, recall and F1 per type and overall; return overall F1."""
    print(f"\n{name}")
    print(f"  {'type':13} {'P':>6} {'R':>6} {'F1':>6} {'tp':>5} {'fp':>5} {'fn':>5}")
    total = Counter()
    for typ in (*TYPES, "overall"):
        if typ == "overall":
            tp, fp, fn = total["tp"], total["fp"], total["fn"]
        else:
            tp, fp, fn = (counts[(typ, k)] for k in ("tp", "fp", "fn"))
            total.update({"tp": tp, "fp": fp, "fn": fn})
        p, r, f = prf(tp, fp, fn)
        print(f"  {typ:13} {p:6.3f} {r:6.3f} {f:6.3f} {tp:5d} {fp:5d} {fn:5d}")
    return prf(total["tp"], total["fp"], total["fn"])[2]


def component_share(nlp, texts: list[str]) -> None:
    """Print the time of the entities component next to the spaCy model's own components,
    each text run through the pipeline one component at a time (best of two rounds)."""
    ours = {"newslens_entities"}
    best: dict[str, float] = {}
    for _ in range(2):
        spent: Counter = Counter()
        for text in texts:
            doc = nlp.make_doc(text)
            doc._.newslens_published = None
            for name, proc in nlp.pipeline:
                if name.startswith("newslens_") and name not in ours:
                    break
                began = time.perf_counter()
                doc = proc(doc)
                spent[name] += time.perf_counter() - began
        for name, seconds in spent.items():
            best[name] = min(best.get(name, seconds), seconds)
    model = sum(v for k, v in best.items() if not k.startswith("newslens_"))
    entities = best.get("newslens_entities", 0.0)
    print(f"\ntime on these texts: spaCy model {model:.2f}s, newslens_entities "
          f"{entities:.3f}s ({entities / model:.1%} of the model)")


# PLOVER writes a few countries with CAMEO codes rather than ISO 3166 ones.
CAMEO_TO_ISO = {"JAP": "JPN", "ITL": "ITA", "VTN": "VNM"}


# A report script: picks each record's coded actors (source and target, one object or a list,
# organisations left out), scores the entity found over each, prints the counts.
def plover_countries(folder: Path, nlp) -> None:  # noqa: C901
    """Print how often a PLOVER gold actor written in the sentence ("Hungarian officials",
    "Tokyo") falls in a newslens entity with the gold country.

    Actors coded as organisations (IGO, NGO) and those whose words are not found in the
    sentence are left out. The sentences have no dates, so the knowledge base is used
    without one.
    """
    from extraction import analyze

    records = json.loads((folder / "PLOVER_GSR_CAMEO.json").read_text(encoding="utf-8"))
    counts: Counter = Counter()
    for record in records:
        text = record.get("text")
        if not isinstance(text, str) or not text.strip():
            continue
        actors = []
        for side in ("source", "target"):
            value = record.get(side)
            for actor in [value] if isinstance(value, dict) else value or []:
                if not isinstance(actor, dict):
                    continue
                code = CAMEO_TO_ISO.get(actor.get("code", ""), actor.get("code", ""))
                words = actor.get("actorText") or ""
                if len(code) == 3 and code not in ("IGO", "NGO", "IMG", "ISM") and words \
                        and words in text:
                    actors.append((words, code))
        if not actors:
            continue
        article = analyze(text, nlp=nlp)
        for words, code in actors:
            start = text.index(words)
            end = start + len(words)
            found = [e.country for e in article.entities for m in e.mentions
                     if m.start_char < end and start < m.end_char and e.country]
            counts["actors"] += 1
            if not found:
                counts["no country"] += 1
            elif code in found:
                counts["right"] += 1
            else:
                counts["wrong"] += 1
    total = counts["actors"] or 1
    given = counts["right"] + counts["wrong"]
    print(f"\nPLOVER gold actors with a country, found in their sentence: {counts['actors']}")
    print(f"  entity with the gold country   {counts['right']:4d} ({counts['right'] / total:.1%})")
    print(f"  entity with another country    {counts['wrong']:4d} ({counts['wrong'] / total:.1%})")
    print(f"  no entity or no country        {counts['no country']:4d} "
          f"({counts['no country'] / total:.1%})")
    if given:
        print(f"  precision of the countries given: {counts['right'] / given:.3f}")


TIES = ROOT / "benchmarks" / "devgold_ties"


def tie_counts(gold: list[dict], entities: list) -> tuple[Counter, list[tuple[dict, str | None]]]:
    """Score one article's country ties.

    Args:
        gold: the ``ties`` of one ``devgold_ties`` file.
        entities: the ``Entity`` objects newslens found in the article.

    Returns:
        ``(counts, errors)``: counts per basis and overall ("gold", "covered", "given",
        "right", "null", "null given"), and the gold ties it got wrong or left without a
        country, each with the country given.
    """
    counts: Counter = Counter()
    errors: list[tuple[dict, str | None]] = []
    for tie in gold:
        start, end = tie["span"]
        best = _most_overlapping(entities, start, end)
        given = best.country if best is not None else None
        if tie["basis"] == "unstated":
            counts[("unstated", "n")] += 1
            if given:
                counts[("unstated", "given")] += 1
                errors.append((tie, given))
            continue
        for basis in ("all", tie["basis"]):
            if tie["country"] is None:
                counts[(basis, "null")] += 1
                if given:
                    counts[(basis, "given")] += 1
                continue
            counts[(basis, "gold")] += 1
            if given:
                counts[(basis, "covered")] += 1
                counts[(basis, "given")] += 1
                if given == tie["country"]:
                    counts[(basis, "right")] += 1
        if given != tie["country"]:
            errors.append((tie, given))
    return counts, errors


def _most_overlapping(entities: list, start: int, end: int):
    """The entity with a mention sharing the most characters with ``start:end`` (the first
    such when several share as many), None when no mention overlaps it."""
    best, overlap = None, 0
    for entity in entities:
        for m in entity.mentions:
            shared = min(end, m.end_char) - max(start, m.start_char)
            if shared > overlap:
                best, overlap = entity, shared
    return best


def devgold_ties(data: Path, nlp, *, show_errors: bool = False) -> tuple[float, float]:
    """Print country-tie coverage and precision on ``benchmarks/devgold_ties`` (in-sample).

    Returns:
        ``(coverage, precision)`` over all gold ties.
    """
    import csv
    import hashlib

    from extraction import analyze

    csv.field_size_limit(sys.maxsize)
    files = sorted(TIES.glob("*.json"))
    tables: dict[str, list[dict]] = {}
    totals: Counter = Counter()
    for path in files:
        record = json.loads(path.read_text(encoding="utf-8"))
        name = record["source_csv"]
        if name not in tables:
            with (data / "wikinews" / "source_csv" / name).open(encoding="utf-8",
                                                                 newline="") as handle:
                tables[name] = list(csv.DictReader(handle))
        text = tables[name][record["row"]]["text"]
        if hashlib.sha256(text.encode("utf-8")).hexdigest() != record["text_sha256"]:
            raise SystemExit(f"{path.name}: the text of {name} row {record['row']} changed")
        article = analyze(text, published=record["date"], nlp=nlp)
        counts, errors = tie_counts(record["ties"], article.entities)
        totals.update(counts)
        if show_errors:
            for tie, given in errors:
                start, end = tie["span"]
                print(f"  {path.stem[:24]:24} {text[start:end][:36]:36} gold {tie['country']}"
                      f" given {given} ({tie['basis']})")
    print(f"\nCountry ties on the project's annotated articles (benchmarks/devgold_ties, "
          f"{len(files)} articles, in-sample)")
    print(f"  {'basis':9} {'ties':>5} {'coverage':>9} {'precision':>10} {'recall':>7} "
          f"{'nulls':>6} {'null given':>11}")
    result = (0.0, 0.0)
    for basis in ("all", "phrase", "setting"):
        gold, covered = totals[(basis, "gold")], totals[(basis, "covered")]
        given, right = totals[(basis, "given")], totals[(basis, "right")]
        coverage = covered / gold if gold else 0.0
        precision = right / given if given else 0.0
        recall = right / gold if gold else 0.0
        print(f"  {basis:9} {gold:5d} {coverage:9.3f} {precision:10.3f} {recall:7.3f} "
              f"{totals[(basis, 'null')]:6d} {given - covered:11d}")
        if basis == "all":
            result = (coverage, precision)
    print(f"  unstated  {totals[('unstated', 'n')]:5d}   a country guessed for "
          f"{totals[('unstated', 'given')]}")
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=Path(
        os.environ.get("NEWSLENS_BENCHMARKS", ROOT.parent / "shared" / "benchmarks")))
    parser.add_argument("--errors", type=int, default=0,
                        help="print this many project errors per document")
    parser.add_argument("--ties-only", action="store_true",
                        help="score only the country ties on benchmarks/devgold_ties")
    args = parser.parse_args(argv)
    if args.ties_only:
        from extraction.pipeline import build_pipeline

        devgold_ties(args.data, build_pipeline(), show_errors=bool(args.errors))
        return 0
    folder = args.data / "gum-news"
    if not (folder / "index.jsonl").is_file():
        print(f"GUM news not found at {folder}; pass --data or set NEWSLENS_BENCHMARKS",
              file=sys.stderr)
        return 2

    import spacy

    from extraction import analyze
    from extraction.pipeline import MODEL_PACKAGE, build_pipeline

    project = build_pipeline()
    bare = spacy.load(MODEL_PACKAGE)
    totals = {"bare": Counter(), "project": Counter()}
    seconds = {"bare": 0.0, "project": 0.0}
    docs = [json.loads(line) for line in (folder / "index.jsonl").read_text().splitlines()
            if line.strip()]
    n_gold = 0
    for meta in docs:
        text = (folder / meta["text_file"]).read_text(encoding="utf-8")
        golds = read_gold(folder / meta["conllu_file"], text)
        n_gold += len(golds)

        began = time.perf_counter()
        doc = bare(text)
        seconds["bare"] += time.perf_counter() - began
        bare_preds = [(e.start_char, e.end_char, LABEL_TYPE[e.label_]) for e in doc.ents
                      if e.label_ in LABEL_TYPE]

        began = time.perf_counter()
        article = analyze(text, published=meta.get("dateCreated"), nlp=project)
        seconds["project"] += time.perf_counter() - began
        project_preds = [(m.start_char, m.end_char, LABEL_TYPE[e.label]) for e in
                         article.entities if e.label in LABEL_TYPE for m in e.mentions]

        counts, _ = score(golds, bare_preds)
        totals["bare"].update(counts)
        counts, errors = score(golds, project_preds)
        totals["project"].update(counts)
        if args.errors:
            print(f"\n## {meta['doc_id']}")
            for kind, typ, what in errors[: args.errors]:
                if kind == "spurious":
                    start, end, _ = project_preds[what]
                    what = text[start:end]
                print(f"  {kind:8} {typ:12} {what}")

    print(f"GUM news: {len(docs)} documents, {n_gold} named gold mentions "
          "(person/organization/place with a PROPN head)")
    f_bare = report(f"bare {MODEL_PACKAGE} ({seconds['bare']:.1f}s)", totals["bare"])
    f_project = report(f"newslens pipeline ({seconds['project']:.1f}s, all components)",
                       totals["project"])
    print(f"\noverall F1: newslens {f_project:.3f} vs bare model {f_bare:.3f} "
          f"({f_project - f_bare:+.3f})")
    component_share(project, [(folder / m["text_file"]).read_text(encoding="utf-8")
                              for m in docs])
    plover = args.data / "plover-gold"
    if (plover / "PLOVER_GSR_CAMEO.json").is_file():
        plover_countries(plover, project)
    devgold_ties(args.data, project, show_errors=bool(args.errors))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
