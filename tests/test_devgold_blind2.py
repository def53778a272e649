"""The second blind split (benchmarks/devgold_blind2).

It uses the schema of benchmarks/devgold and is checked with the same rules: offsets against
the texts, the text hash and date, and that none of its articles is in benchmarks/devgold,
benchmarks/devgold_fresh or among the 30 demo articles. No benchmark text is used here.
"""

from __future__ import annotations

import csv
import hashlib
import json
from pathlib import Path

import pytest

from tests import test_devgold as base
from tests.test_devgold import GOLD_FILES, check_span, gold
from tests.test_devgold_fresh import FRESH_FILES

ROOT = Path(__file__).resolve().parent.parent
BLIND2_DIR = ROOT / "benchmarks" / "devgold_blind2"
BLIND2_FILES = sorted(BLIND2_DIR.glob("*.json"))


def _rows(paths) -> set[tuple[str, int]]:
    return {(gold(p)["source_csv"], gold(p)["row"]) for p in paths}


def test_blind2_has_enough_articles_none_shared_with_other_splits():
    assert len(BLIND2_FILES) >= 7
    assert (BLIND2_DIR / "README.md").is_file()
    blind2 = _rows(BLIND2_FILES)
    assert len(blind2) == len(BLIND2_FILES)
    assert not blind2 & _rows(GOLD_FILES)
    assert not blind2 & _rows(FRESH_FILES)
    names = {p.name for p in BLIND2_FILES}
    assert not names & {p.name for p in GOLD_FILES}
    assert not names & {p.name for p in FRESH_FILES}


@pytest.mark.parametrize("path", BLIND2_FILES, ids=lambda p: p.stem)
def test_blind2_schema_and_no_text(path):
    base.test_gold_schema(path)
    base.test_gold_holds_no_article_text(path)


def test_blind2_offsets_against_the_texts(benchmarks_dir):
    source = benchmarks_dir / "wikinews" / "source_csv"
    if not source.is_dir():
        pytest.skip(f"Wikinews source CSVs not found under {source}")
    demo = set()
    for line in (benchmarks_dir / "wikinews" / "index.jsonl").read_text("utf-8").splitlines():
        item = json.loads(line)
        demo.add(item.get("url"))
        demo.add((Path(str(item.get("source_csv"))).name, item.get("source_row")))
    rows = {}
    for name in ("wikinews_2019.csv", "wikinews_2020.csv"):
        with open(source / name, encoding="utf-8", newline="") as fh:
            rows[name] = list(csv.DictReader(fh))
    other_urls = {rows[d["source_csv"]][d["row"]]["url"]
                  for d in map(gold, GOLD_FILES + FRESH_FILES)}
    for path in BLIND2_FILES:
        data = gold(path)
        row = rows[data["source_csv"]][data["row"]]
        text = row["text"]
        assert hashlib.sha256(text.encode("utf-8")).hexdigest() == data["text_sha256"], path
        assert (data["source_csv"], data["row"]) not in demo and row["url"] not in demo, path
        assert row["url"] not in other_urls, path
        assert row["date"][:10] == data["date"], path
        for stance in data["stances"]:
            for span in stance["evidence"]:
                check_span(span, len(text))
                piece = text[span[0]:span[1]]
                assert piece == piece.strip() and piece, (path.stem, stance)
        for event in data["events"]:
            check_span(event["trigger"], len(text))
            word = text[event["trigger"][0]:event["trigger"][1]]
            assert word == word.strip() and word and " " not in word, (path.stem, event)
