"""The third blind split (benchmarks/devgold_blind3).

It uses the schema of benchmarks/devgold and is checked with the same rules: offsets against
the texts (strictly: evidence without surrounding space, one-word triggers), the text hash and
date, and that none of its articles is in benchmarks/devgold, benchmarks/devgold_fresh,
benchmarks/devgold_blind2 or among the 30 demo articles (by row and by URL). No benchmark
text is used here.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests import test_devgold as base
from tests.test_devgold import GOLD_FILES, check_against_texts, gold
from tests.test_devgold_blind2 import BLIND2_FILES, _rows
from tests.test_devgold_fresh import FRESH_FILES

ROOT = Path(__file__).resolve().parent.parent
BLIND3_DIR = ROOT / "benchmarks" / "devgold_blind3"
BLIND3_FILES = sorted(BLIND3_DIR.glob("*.json"))
OTHER_FILES = GOLD_FILES + FRESH_FILES + BLIND2_FILES


def test_blind3_has_enough_gold_and_no_article_of_another_split():
    data = [gold(p) for p in BLIND3_FILES]
    assert len(data) >= 10 and (BLIND3_DIR / "README.md").is_file()
    assert sum(len(d["stances"]) for d in data) >= 30
    assert sum(len(d["events"]) for d in data) >= 100
    # one file per article, and no (csv, row) or file name of devgold, devgold_fresh, blind2
    assert len(_rows(BLIND3_FILES)) == len(BLIND3_FILES)
    assert not _rows(BLIND3_FILES) & _rows(OTHER_FILES)
    assert not {p.name for p in BLIND3_FILES} & {p.name for p in OTHER_FILES}


@pytest.mark.parametrize("path", BLIND3_FILES, ids=lambda p: p.stem)
def test_blind3_schema_and_no_text(path):
    base.test_gold_schema(path)
    base.test_gold_holds_no_article_text(path)


@pytest.mark.parametrize("path", BLIND3_FILES, ids=lambda p: p.stem)
def test_blind3_one_stance_per_holder_target_and_polarity(path):
    stances = gold(path)["stances"]
    keys = [(s["holder"], s["target"], s["target_name"], s["polarity"]) for s in stances]
    assert len(keys) == len(set(keys)), path


def test_blind3_offsets_against_the_texts(benchmarks_dir):
    # check_against_texts also refuses the demo articles, by row and by URL.
    rows = check_against_texts(BLIND3_FILES, benchmarks_dir, strict=True)
    other_urls = {rows[d["source_csv"]][d["row"]]["url"] for d in map(gold, OTHER_FILES)}
    urls = [rows[d["source_csv"]][d["row"]]["url"] for d in map(gold, BLIND3_FILES)]
    assert len(set(urls)) == len(urls)
    for path, url in zip(BLIND3_FILES, urls, strict=True):
        assert url not in other_urls, path
