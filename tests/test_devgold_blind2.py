"""The second blind split (benchmarks/devgold_blind2).

It uses the schema of benchmarks/devgold and is checked with the same rules: offsets against
the texts, the text hash and date, and that none of its articles is in benchmarks/devgold,
benchmarks/devgold_fresh or among the 30 demo articles. No benchmark text is used here.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests import test_devgold as base
from tests.test_devgold import GOLD_FILES, check_against_texts, gold
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
    rows = check_against_texts(BLIND2_FILES, benchmarks_dir, strict=True)
    other_urls = {rows[d["source_csv"]][d["row"]]["url"]
                  for d in map(gold, GOLD_FILES + FRESH_FILES)}
    for path in BLIND2_FILES:
        data = gold(path)
        assert rows[data["source_csv"]][data["row"]]["url"] not in other_urls, path
