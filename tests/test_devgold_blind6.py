"""The sixth blind split (benchmarks/devgold_blind6): TimeBank and TempEval-3 platinum news.

It uses the schema of benchmarks/devgold_blind5: each file names a TimeML document
(``source_tml``, a path relative to the shared benchmark folder, under ``timebank/`` or
``tempeval3-platinum/``) instead of a Wikinews CSV row. It is checked with the rules of
devgold_blind5: offsets against the texts (evidence without surrounding space, one-word
triggers on word boundaries), the text hash and the date (the document's DCT), one stance
per holder, target and polarity, and that none of its articles is in another split
(benchmarks/devgold, devgold_fresh, devgold_blind2, devgold_blind3, devgold_blind4,
devgold_blind5 or the tie-break gold devgold_ties), by source and by text hash. No
benchmark text is used here.
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
from tests.test_devgold_blind5 import BLIND5_FILES

ROOT = Path(__file__).resolve().parent.parent
BLIND6_DIR = ROOT / "benchmarks" / "devgold_blind6"
BLIND6_FILES = sorted(BLIND6_DIR.glob("*.json"))
EARLIER_FILES = OTHER_FILES + BLIND4_FILES + BLIND5_FILES
TML_KEYS = {"source_tml", "date", "text_sha256", "stances", "events"}
TML_SOURCE = re.compile(r"(?:timebank|tempeval3-platinum)/[A-Za-z0-9_.-]+\.tml")


def _texts(benchmarks_dir: Path) -> dict[str, str]:
    """The analysed text of every file of the split, by file stem (hash and DCT checked)."""
    if not (benchmarks_dir / "timebank").is_dir():
        pytest.skip(f"TimeBank not found under {benchmarks_dir}")
    scorer = load_scorer()
    texts = {}
    for path in BLIND6_FILES:
        data = gold(path)
        source = benchmarks_dir / data["source_tml"]
        if not source.is_file():
            pytest.skip(f"{source} not found")
        dct, text = scorer.tml_text(source)
        assert (dct, hashlib.sha256(text.encode("utf-8")).hexdigest()) == \
            (data["date"], data["text_sha256"]), path
        texts[path.stem] = text
    return texts


def test_blind6_split_size_and_sources():
    data = [gold(p) for p in BLIND6_FILES]
    assert (BLIND6_DIR / "README.md").is_file() and len(data) >= 8
    counts = [sum(len(d[key]) for d in data) for key in ("stances", "events")]
    assert counts[0] >= 30 and counts[1] >= 100, counts
    sources = [d["source_tml"] for d in data]
    assert len(sources) == len(set(sources))
    assert all(TML_SOURCE.fullmatch(s) for s in sources), sources


def test_blind6_shares_no_article_with_another_split():
    mine = [gold(p) for p in BLIND6_FILES]
    others = [gold(p) for p in EARLIER_FILES]
    for field in ("source_tml", "text_sha256"):
        assert not {d.get(field) for d in others} & {d[field] for d in mine}, field
    assert not {p.name for p in EARLIER_FILES} & {p.name for p in BLIND6_FILES}


@pytest.mark.parametrize("path", BLIND6_FILES, ids=lambda p: p.stem)
def test_blind6_schema_and_no_text(path, tmp_path):
    data = gold(path)
    assert set(data) == TML_KEYS
    # Apart from the source field the schema is devgold's: check a copy naming a CSV row.
    as_row = {key: value for key, value in data.items() if key != "source_tml"}
    as_row.update(source_csv="wikinews_2019.csv", row=0)
    (tmp_path / path.name).write_text(json.dumps(as_row), encoding="utf-8")
    base.test_gold_schema(tmp_path / path.name)
    base.test_gold_holds_no_article_text(path)
    blind3.test_blind3_one_stance_per_holder_target_and_polarity(path)


def test_blind6_evidence_and_triggers_against_the_texts(benchmarks_dir):
    texts = _texts(benchmarks_dir)
    for path in BLIND6_FILES:
        data, text = gold(path), texts[path.stem]
        spans = [span for st in data["stances"] for span in st["evidence"]]
        for span in spans:
            base.check_span(span, len(text))
            assert text[span[0]:span[1]].strip() == text[span[0]:span[1]] != "", \
                (path.stem, span)
        for trigger in (ev["trigger"] for ev in data["events"]):
            base.check_span(trigger, len(text))
            word = text[trigger[0]:trigger[1]]
            around = text[max(trigger[0] - 1, 0):trigger[0]] + text[trigger[1]:trigger[1] + 1]
            assert word.split() == [word] and not any(c.isalnum() for c in around), \
                (path.stem, trigger)


def test_blind6_gold_loads_through_the_scorer(benchmarks_dir):
    # The scorer's loader reads the texts and checks hash and date (it exits otherwise).
    _texts(benchmarks_dir)
    scorer = load_scorer()
    articles = scorer.load_gold(BLIND6_DIR)
    scorer.attach_texts(articles, benchmarks_dir)
    assert [art.slug for art in articles] == [p.stem for p in BLIND6_FILES]
    assert all(art.text and not art.title for art in articles)
