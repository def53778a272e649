"""The country-tie development gold (benchmarks/devgold_ties) and its scorer.

The gold files hold offsets, labels and ISO-3 codes only; the article texts stay in the
shared benchmark folder. The scorer tests use made-up entities, not benchmark text.
"""

from __future__ import annotations

import csv
import functools
import hashlib
import importlib.util
import json
import sys
from pathlib import Path

import pytest

from extraction import resources
from extraction.model import Entity, Mention

ROOT = Path(__file__).resolve().parent.parent
TIES_DIR = ROOT / "benchmarks" / "devgold_ties"
TIE_FILES = sorted(TIES_DIR.glob("*.json"))
TOP_KEYS = {"source_csv", "row", "date", "text_sha256", "ties"}
TIE_KEYS = {"span", "label", "country", "basis"}


@functools.cache
def load_scorer():
    """benchmarks/entities.py as a module (benchmarks/ is not a package)."""
    name = "newslens_benchmarks_entities"
    spec = importlib.util.spec_from_file_location(name, ROOT / "benchmarks" / "entities.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


def test_devgold_ties_there_are_ten_articles_and_enough_ties():
    data = [json.loads(p.read_text(encoding="utf-8")) for p in TIE_FILES]
    assert len({(d["source_csv"], d["row"]) for d in data}) == len(data) >= 10
    assert sum(len(d["ties"]) for d in data) >= 80


@pytest.mark.parametrize("path", TIE_FILES, ids=lambda p: p.stem)
def test_devgold_ties_schema_and_no_text(path):
    data = json.loads(path.read_text(encoding="utf-8"))
    assert set(data) == TOP_KEYS
    assert (ROOT / "benchmarks" / "devgold" / path.name).is_file()
    spans = []
    for tie in data["ties"]:
        assert set(tie) == TIE_KEYS
        assert tie["label"] in ("PERSON", "ORG", "FAC")
        assert tie["basis"] in ("phrase", "setting", "unstated")
        assert tie["basis"] != "unstated" or tie["country"] is None
        assert tie["country"] is None or resources.is_country_code(tie["country"])
        start, end = tie["span"]
        assert 0 <= start < end
        spans.append((start, end))
    assert len(spans) == len(set(spans))
    # Offsets and codes only: no string longer than a key.
    for value in path.read_text(encoding="utf-8").split('"')[1::2]:
        assert len(value) <= 64


def test_devgold_ties_offsets_against_the_texts(benchmarks_dir):
    source = benchmarks_dir / "wikinews" / "source_csv"
    if not source.is_dir():
        pytest.skip(f"Wikinews source CSVs not found under {source}")
    rows = {}
    for path in TIE_FILES:
        data = json.loads(path.read_text(encoding="utf-8"))
        name = data["source_csv"]
        if name not in rows:
            with open(source / name, encoding="utf-8", newline="") as fh:
                rows[name] = list(csv.DictReader(fh))
        text = rows[name][data["row"]]["text"]
        assert hashlib.sha256(text.encode("utf-8")).hexdigest() == data["text_sha256"]
        for tie in data["ties"]:
            start, end = tie["span"]
            word = text[start:end]
            assert word and word == word.strip() and word[0].isupper(), (path.stem, tie)


def _entity(eid: str, country: str | None, *spans: tuple[int, int]) -> Entity:
    return Entity(id=eid, canonical=eid, label="PERSON", country=country, role=None,
                  mentions=[Mention(text="x" * (e - s), start_char=s, end_char=e)
                            for s, e in spans])


def test_devgold_ties_scorer_counts_coverage_and_precision():
    scorer = load_scorer()
    gold = [
        {"span": [0, 10], "label": "PERSON", "country": "POL", "basis": "phrase"},
        {"span": [20, 30], "label": "PERSON", "country": "POL", "basis": "setting"},
        {"span": [40, 50], "label": "ORG", "country": None, "basis": "phrase"},
        {"span": [60, 70], "label": "ORG", "country": "USA", "basis": "setting"},
        {"span": [80, 90], "label": "ORG", "country": "FRA", "basis": "setting"},
        {"span": [110, 120], "label": "PERSON", "country": None, "basis": "unstated"},
    ]
    entities = [
        _entity("E1", "POL", (2, 10), (100, 104)),   # right
        _entity("E2", "DEU", (20, 30)),             # wrong country
        _entity("E3", "IRQ", (40, 50)),             # a country for no country: wrong
        _entity("E4", None, (60, 70)),              # no country: not covered
        _entity("E5", "ESP", (110, 118)),           # a guess: counted apart
    ]                                               # (80, 90) not found at all
    counts, errors = scorer.tie_counts(gold, entities)
    assert counts[("all", "gold")] == 4
    assert counts[("all", "covered")] == 2
    assert counts[("all", "given")] == 3
    assert counts[("all", "right")] == 1
    assert counts[("all", "null")] == 1
    assert counts[("phrase", "right")] == 1 and counts[("setting", "gold")] == 3
    assert counts[("unstated", "n")] == counts[("unstated", "given")] == 1
    assert [given for _, given in errors] == ["DEU", "IRQ", None, None, "ESP"]
