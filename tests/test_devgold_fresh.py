"""The blind development split (benchmarks/devgold_fresh) and the scorer's ``--gold`` option.

The fresh split uses the schema of benchmarks/devgold; it is checked with the same rules,
and must not share an article with it. The ``--gold`` test runs the scorer on a made-up
article in a temporary folder, not on benchmark text.
"""

from __future__ import annotations

import csv
import hashlib
import json
from pathlib import Path

import pytest

from tests import test_devgold as base
from tests.test_devgold import GOLD_FILES, check_against_texts, gold, load_scorer

ROOT = Path(__file__).resolve().parent.parent
FRESH_DIR = ROOT / "benchmarks" / "devgold_fresh"
FRESH_FILES = sorted(FRESH_DIR.glob("*.json"))


def test_fresh_split_has_enough_articles_none_shared_with_devgold():
    assert len(FRESH_FILES) >= 8
    assert (FRESH_DIR / "README.md").is_file()
    fresh = {(gold(p)["source_csv"], gold(p)["row"]) for p in FRESH_FILES}
    assert len(fresh) == len(FRESH_FILES)
    assert not fresh & {(gold(p)["source_csv"], gold(p)["row"]) for p in GOLD_FILES}
    assert not {p.name for p in FRESH_FILES} & {p.name for p in GOLD_FILES}


@pytest.mark.parametrize("path", FRESH_FILES, ids=lambda p: p.stem)
def test_fresh_schema_and_no_text(path):
    base.test_gold_schema(path)
    base.test_gold_holds_no_article_text(path)


def test_fresh_offsets_against_the_texts(benchmarks_dir):
    check_against_texts(FRESH_FILES, benchmarks_dir)


def test_gold_option_scores_the_folder_it_is_given(tmp_path, monkeypatch, capsys):
    scorer = load_scorer()
    text = "Aaaland sent troops to Bbbland on Monday."
    bench = tmp_path / "bench"
    source = bench / "wikinews" / "source_csv"
    source.mkdir(parents=True)
    with open(source / "wikinews_2019.csv", "w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=["url", "date", "title", "text"])
        writer.writeheader()
        writer.writerow({"url": "u", "date": "2019-01-02", "title": "t", "text": text})
    gold_dir = tmp_path / "mygold"
    gold_dir.mkdir()
    (gold_dir / "made_up_article.json").write_text(json.dumps({
        "source_csv": "wikinews_2019.csv", "row": 0, "date": "2019-01-02",
        "text_sha256": hashlib.sha256(text.encode("utf-8")).hexdigest(),
        "stances": [], "events": [],
    }), encoding="utf-8")

    assert [g.slug for g in scorer.load_gold(gold_dir)] == ["made_up_article"]
    seen = []

    def fake_run(articles, nlp, **kwargs):
        seen.extend((a.slug, a.text) for a in articles)
        return scorer.Counts()

    import extraction.pipeline

    monkeypatch.setattr(extraction.pipeline, "build_pipeline", lambda: None)
    monkeypatch.setattr(scorer, "run", fake_run)
    assert scorer.main(["--data", str(bench), "--gold", str(gold_dir)]) == 0
    assert seen == [("made_up_article", text)]
    out = capsys.readouterr().out
    assert "TOTAL over 1 articles" in out and str(gold_dir) in out and "in-sample" not in out

    with pytest.raises(SystemExit):
        scorer.main(["--data", str(bench), "--gold", str(tmp_path / "missing")])
