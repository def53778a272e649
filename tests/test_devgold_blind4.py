"""The fourth blind split (benchmarks/devgold_blind4).

It uses the schema of benchmarks/devgold, except that a file may name a GUM news document
(``source_gum``) instead of a Wikinews CSV row (``source_csv`` and ``row``). It is checked
with the same rules as devgold_blind3: offsets against the texts (evidence without
surrounding space, one-word triggers), the text hash and date, and that none of its
articles is in benchmarks/devgold, devgold_fresh, devgold_blind2, devgold_blind3 (or the
tie-break gold devgold_ties) or among the 30 demo articles, by row and by URL. No benchmark
text is used here.
"""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path
from urllib.parse import unquote

import pytest

from tests import test_devgold as base
from tests import test_devgold_blind3 as blind3
from tests.test_devgold import GOLD_FILES, check_against_texts, check_span, gold, load_scorer
from tests.test_devgold_blind2 import BLIND2_FILES, _rows
from tests.test_devgold_blind3 import BLIND3_FILES
from tests.test_devgold_fresh import FRESH_FILES

ROOT = Path(__file__).resolve().parent.parent
BLIND4_DIR = ROOT / "benchmarks" / "devgold_blind4"
BLIND4_FILES = sorted(BLIND4_DIR.glob("*.json"))
CSV_FILES = [p for p in BLIND4_FILES if "source_csv" in gold(p)]
GUM_FILES = [p for p in BLIND4_FILES if "source_gum" in gold(p)]
TIES_FILES = sorted((ROOT / "benchmarks" / "devgold_ties").glob("*.json"))
OTHER_FILES = GOLD_FILES + FRESH_FILES + BLIND2_FILES + BLIND3_FILES + TIES_FILES
GUM_KEYS = {"source_gum", "date", "text_sha256", "stances", "events"}


def page(url: str) -> str:
    """The Wikinews page name of a URL, so that differently written URLs compare equal."""
    return unquote(url).rsplit("/wiki/", 1)[-1].replace(" ", "_").casefold()


def test_blind4_has_enough_gold_and_no_article_of_another_split():
    data = [gold(p) for p in BLIND4_FILES]
    assert len(data) >= 10 and (BLIND4_DIR / "README.md").is_file()
    assert sum(len(d["stances"]) for d in data) >= 30
    assert sum(len(d["events"]) for d in data) >= 100
    assert len(CSV_FILES) + len(GUM_FILES) == len(BLIND4_FILES)
    # one file per article, and no (csv, row) or file name of another split
    assert len(_rows(CSV_FILES)) == len(CSV_FILES)
    assert len({gold(p)["source_gum"] for p in GUM_FILES}) == len(GUM_FILES)
    assert not _rows(CSV_FILES) & _rows(p for p in OTHER_FILES if "source_csv" in gold(p))
    assert not {p.name for p in BLIND4_FILES} & {p.name for p in OTHER_FILES}


@pytest.mark.parametrize("path", BLIND4_FILES, ids=lambda p: p.stem)
def test_blind4_schema_and_no_text(path, tmp_path):
    data = gold(path)
    if "source_gum" in data:
        assert set(data) == GUM_KEYS
        assert re.fullmatch(r"GUM_news_[a-z0-9]+", data["source_gum"])
        # The rest of the schema is devgold's: check it on a copy that names a CSV row.
        data = {"source_csv": "wikinews_2019.csv", "row": 0,
                **{k: v for k, v in data.items() if k != "source_gum"}}
        copy = tmp_path / path.name
        copy.write_text(json.dumps(data), encoding="utf-8")
        base.test_gold_schema(copy)
    else:
        base.test_gold_schema(path)
    base.test_gold_holds_no_article_text(path)


@pytest.mark.parametrize("path", BLIND4_FILES, ids=lambda p: p.stem)
def test_blind4_one_stance_per_holder_target_and_polarity(path):
    blind3.test_blind3_one_stance_per_holder_target_and_polarity(path)


def gum_index(benchmarks_dir: Path) -> dict[str, dict]:
    index = benchmarks_dir / "gum-news" / "index.jsonl"
    if not index.is_file():
        pytest.skip(f"GUM news not found under {index.parent}")
    items = (json.loads(line) for line in index.read_text(encoding="utf-8").splitlines()
             if line.strip())
    return {item["doc_id"]: item for item in items}


def test_blind4_gum_offsets_against_the_texts(benchmarks_dir):
    index = gum_index(benchmarks_dir)
    scorer = load_scorer()
    for path in GUM_FILES:
        data = gold(path)
        raw = (benchmarks_dir / "gum-news" / "text" / f"{data['source_gum']}.txt").read_text(
            encoding="utf-8")
        title, text = scorer.gum_text(raw)
        assert title == index[data["source_gum"]]["title"], path
        assert hashlib.sha256(text.encode("utf-8")).hexdigest() == data["text_sha256"], path
        assert index[data["source_gum"]]["dateCreated"] == data["date"], path
        for stance in data["stances"]:
            for span in stance["evidence"]:
                check_span(span, len(text))
                piece = text[span[0]:span[1]]
                assert piece == piece.strip() and piece, (path.stem, stance)
        for event in data["events"]:
            check_span(event["trigger"], len(text))
            word = text[event["trigger"][0]:event["trigger"][1]]
            assert word == word.strip() and word and " " not in word, (path.stem, event)


def test_blind4_csv_offsets_and_no_shared_article(benchmarks_dir):
    # check_against_texts also refuses the demo articles, by row and by URL.
    rows = check_against_texts(CSV_FILES, benchmarks_dir, strict=True)
    other = {page(rows[d["source_csv"]][d["row"]]["url"])
             for d in map(gold, OTHER_FILES) if "source_csv" in d}
    demo = {page(json.loads(line)["url"]) for line in
            (benchmarks_dir / "wikinews" / "index.jsonl").read_text(encoding="utf-8").split("\n")
            if line.strip()}
    csv_pages = [page(rows[d["source_csv"]][d["row"]]["url"]) for d in map(gold, CSV_FILES)]
    index = gum_index(benchmarks_dir)
    gum_pages = [page(index[gold(p)["source_gum"]]["sourceURL"]) for p in GUM_FILES]
    pages = csv_pages + gum_pages
    assert len(set(pages)) == len(pages)
    for path, name in zip(CSV_FILES + GUM_FILES, pages, strict=True):
        assert name not in other and name not in demo, path
