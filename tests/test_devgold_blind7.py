"""The seventh blind split (benchmarks/devgold_blind7): TimeBank, TempEval-3 platinum and
Wikinews CSV news.

A file names either a TimeML document (``source_tml``, a path relative to the shared
benchmark folder, under ``timebank/`` or ``tempeval3-platinum/``) or a Wikinews CSV row
(``source_csv`` and ``row``), as in benchmarks/devgold_blind6 and devgold_blind4. It is
checked with their rules: the schema, no article text, one stance per holder, target and
polarity, offsets against the texts (evidence without surrounding space, one-word triggers
on word boundaries), the text hash and the date, loading through the scorer's loader, and
that none of its articles is in another split (benchmarks/devgold, devgold_fresh,
devgold_blind2 ... devgold_blind6, the tie-break gold devgold_ties) or among the 30 demo
articles, by source, row, URL and text hash. No benchmark text is used here.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from tests import test_devgold as base
from tests import test_devgold_blind3 as blind3
from tests.test_devgold import check_against_texts, gold, load_scorer
from tests.test_devgold_blind2 import _rows
from tests.test_devgold_blind4 import BLIND4_FILES, OTHER_FILES, page
from tests.test_devgold_blind5 import BLIND5_FILES
from tests.test_devgold_blind6 import BLIND6_FILES

ROOT = Path(__file__).resolve().parent.parent
BLIND7_DIR = ROOT / "benchmarks" / "devgold_blind7"
BLIND7_FILES = sorted(BLIND7_DIR.glob("*.json"))
TML_FILES = [p for p in BLIND7_FILES if "source_tml" in gold(p)]
CSV_FILES = [p for p in BLIND7_FILES if "source_csv" in gold(p)]
EARLIER_FILES = OTHER_FILES + BLIND4_FILES + BLIND5_FILES + BLIND6_FILES
TML_KEYS = {"source_tml", "date", "text_sha256", "stances", "events"}
TML_SOURCE = re.compile(r"(?:timebank|tempeval3-platinum)/[A-Za-z0-9_.-]+\.tml")


def _texts(benchmarks_dir: Path) -> dict[str, str]:
    """The analysed text of every file of the split by file stem, read by the scorer's
    loader (which checks each text hash and date, and exits on a mismatch)."""
    for folder in ("timebank", "tempeval3-platinum", "wikinews/source_csv"):
        if not (benchmarks_dir / folder).is_dir():
            pytest.skip(f"{folder} not found under {benchmarks_dir}")
    scorer = load_scorer()
    articles = scorer.load_gold(BLIND7_DIR)
    scorer.attach_texts(articles, benchmarks_dir)
    return {art.slug: art.text for art in articles}


def _on_word_boundaries(text: str, start: int, end: int) -> bool:
    return not any(c.isalnum() for c in text[max(start - 1, 0):start] + text[end:end + 1])


def test_blind7_split_size_and_sources():
    data = [gold(p) for p in BLIND7_FILES]
    assert (BLIND7_DIR / "README.md").is_file() and len(data) >= 7
    counts = [sum(len(d[key]) for d in data) for key in ("stances", "events")]
    assert counts[0] >= 30 and counts[1] >= 100, counts
    assert len(TML_FILES) + len(CSV_FILES) == len(BLIND7_FILES)
    sources = [gold(p)["source_tml"] for p in TML_FILES]
    assert len(sources) == len(set(sources))
    assert all(TML_SOURCE.fullmatch(s) for s in sources), sources
    assert len(_rows(CSV_FILES)) == len(CSV_FILES)
    # at least two kinds of source
    kinds = {s.split("/")[0] for s in sources} | ({"csv"} if CSV_FILES else set())
    assert len(kinds) >= 2, kinds


def test_blind7_shares_no_article_with_another_split():
    mine = [gold(p) for p in BLIND7_FILES]
    others = [gold(p) for p in EARLIER_FILES]
    for field in ("source_tml", "text_sha256"):
        assert not ({d.get(field) for d in others} - {None}) & {d.get(field) for d in mine}, field
    assert not _rows(CSV_FILES) & _rows(p for p in EARLIER_FILES if "source_csv" in gold(p))
    assert not {p.name for p in EARLIER_FILES} & {p.name for p in BLIND7_FILES}


@pytest.mark.parametrize("path", BLIND7_FILES, ids=lambda p: p.stem)
def test_blind7_schema_and_no_text(path, tmp_path):
    base.test_gold_holds_no_article_text(path)
    blind3.test_blind3_one_stance_per_holder_target_and_polarity(path)
    data = gold(path)
    if "source_tml" not in data:
        base.test_gold_schema(path)
        return
    assert set(data) == TML_KEYS and TML_SOURCE.fullmatch(data["source_tml"])
    # Apart from the source field the schema is devgold's: check a copy naming a CSV row.
    del data["source_tml"]
    copy = tmp_path / path.name
    copy.write_text(json.dumps({"source_csv": "wikinews_2019.csv", "row": 0, **data}),
                    encoding="utf-8")
    base.test_gold_schema(copy)


def test_blind7_offsets_against_the_texts(benchmarks_dir):
    texts = _texts(benchmarks_dir)
    for path in BLIND7_FILES:
        data, text = gold(path), texts[path.stem]
        for start, end in (span for st in data["stances"] for span in st["evidence"]):
            base.check_span([start, end], len(text))
            assert text[start:end].strip() == text[start:end] != "", (path.stem, start)
        for start, end in (ev["trigger"] for ev in data["events"]):
            base.check_span([start, end], len(text))
            assert text[start:end].split() == [text[start:end]], (path.stem, start)
            assert _on_word_boundaries(text, start, end), (path.stem, start)


def test_blind7_csv_rows_are_new_pages(benchmarks_dir):
    # check_against_texts also refuses the demo articles, by row and by URL.
    rows = check_against_texts(CSV_FILES, benchmarks_dir, strict=True)

    def pages(items) -> list[str]:
        return [page(rows[d["source_csv"]][d["row"]]["url"]) for d in items
                if "source_csv" in d]

    index = (benchmarks_dir / "wikinews" / "index.jsonl").read_text(encoding="utf-8")
    taken = set(pages(map(gold, EARLIER_FILES)))
    taken |= {page(json.loads(line)["url"]) for line in index.splitlines() if line.strip()}
    mine = pages(map(gold, CSV_FILES))
    assert len(set(mine)) == len(mine) and not taken & set(mine), mine


def test_blind7_gold_loads_through_the_scorer(benchmarks_dir):
    texts = _texts(benchmarks_dir)
    assert list(texts) == [p.stem for p in BLIND7_FILES] and all(texts.values())
    articles = {art.slug: art for art in load_scorer().load_gold(BLIND7_DIR)}
    load_scorer().attach_texts(articles.values(), benchmarks_dir)
    for path in BLIND7_FILES:
        # TimeML documents have no title; a CSV row has its title column.
        assert bool(articles[path.stem].title) == (path in CSV_FILES), path
