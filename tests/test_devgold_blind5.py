"""The fifth blind split (benchmarks/devgold_blind5): TimeBank news of 1989-1998.

It uses the schema of benchmarks/devgold, except that each file names a TimeBank document
(``source_tml``, a path relative to the shared benchmark folder) instead of a Wikinews CSV
row. It is checked with the rules of devgold_blind4: offsets against the texts (evidence
without surrounding space, one-word triggers on word boundaries), the text hash and the date
(the document's DCT), one stance per holder, target and polarity, and that none of its
articles is in another split (benchmarks/devgold, devgold_fresh, devgold_blind2,
devgold_blind3, devgold_blind4 or the tie-break gold devgold_ties), by source and by text
hash. No benchmark text is used here.
"""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path

import pytest

from tests import test_devgold as base
from tests import test_devgold_blind3 as blind3
from tests.test_devgold import gold, load_scorer
from tests.test_devgold_blind4 import BLIND4_FILES, OTHER_FILES

ROOT = Path(__file__).resolve().parent.parent
BLIND5_DIR = ROOT / "benchmarks" / "devgold_blind5"
BLIND5_FILES = sorted(BLIND5_DIR.glob("*.json"))
EARLIER_FILES = OTHER_FILES + BLIND4_FILES
TML_KEYS = {"source_tml", "date", "text_sha256", "stances", "events"}
TML_SOURCE = re.compile(r"timebank/[A-Za-z0-9_.-]+\.tml")


def test_blind5_has_enough_gold_and_no_article_of_another_split():
    data = [gold(p) for p in BLIND5_FILES]
    assert len(data) >= 12 and (BLIND5_DIR / "README.md").is_file()
    assert sum(len(d["stances"]) for d in data) >= 35
    assert sum(len(d["events"]) for d in data) >= 120
    sources = [d["source_tml"] for d in data]
    assert len(set(sources)) == len(sources)
    earlier = [gold(p) for p in EARLIER_FILES]
    # no earlier split names a TimeBank document, shares a text hash or a file name
    assert not {d.get("source_tml") for d in earlier} & set(sources)
    assert not {d["text_sha256"] for d in earlier} & {d["text_sha256"] for d in data}
    assert not {p.name for p in BLIND5_FILES} & {p.name for p in EARLIER_FILES}


@pytest.mark.parametrize("path", BLIND5_FILES, ids=lambda p: p.stem)
def test_blind5_schema_and_no_text(path, tmp_path):
    data = gold(path)
    assert set(data) == TML_KEYS
    assert TML_SOURCE.fullmatch(data["source_tml"]), data["source_tml"]
    # The rest of the schema is devgold's: check it on a copy that names a CSV row.
    copy = tmp_path / path.name
    copy.write_text(json.dumps({"source_csv": "wikinews_2019.csv", "row": 0,
                                **{k: v for k, v in data.items() if k != "source_tml"}}),
                    encoding="utf-8")
    base.test_gold_schema(copy)
    base.test_gold_holds_no_article_text(path)


@pytest.mark.parametrize("path", BLIND5_FILES, ids=lambda p: p.stem)
def test_blind5_one_stance_per_holder_target_and_polarity(path):
    blind3.test_blind3_one_stance_per_holder_target_and_polarity(path)


def test_blind5_offsets_against_the_texts(benchmarks_dir):
    if not (benchmarks_dir / "timebank").is_dir():
        pytest.skip(f"TimeBank not found under {benchmarks_dir}")
    scorer = load_scorer()
    for path in BLIND5_FILES:
        data = gold(path)
        dct, text = scorer.tml_text(benchmarks_dir / data["source_tml"])
        assert hashlib.sha256(text.encode("utf-8")).hexdigest() == data["text_sha256"], path
        assert dct == data["date"], path
        for stance in data["stances"]:
            for span in stance["evidence"]:
                base.check_span(span, len(text))
                piece = text[span[0]:span[1]]
                assert piece == piece.strip() and piece, (path.stem, stance)
        for event in data["events"]:
            base.check_span(event["trigger"], len(text))
            start, end = event["trigger"]
            word = text[start:end]
            assert word == word.strip() and word and " " not in word, (path.stem, event)
            assert not text[start - 1:start].isalnum(), (path.stem, event)
            assert not text[end:end + 1].isalnum(), (path.stem, event)


def test_blind5_gold_loads_through_the_scorer(benchmarks_dir):
    # The scorer's loader reads the texts and checks hash and date (it exits otherwise).
    if not (benchmarks_dir / "timebank").is_dir():
        pytest.skip(f"TimeBank not found under {benchmarks_dir}")
    scorer = load_scorer()
    articles = scorer.load_gold(BLIND5_DIR)
    scorer.attach_texts(articles, benchmarks_dir)
    assert len(articles) == len(BLIND5_FILES)
    assert all(art.text and art.title == "" for art in articles)
