"""The hand-annotated development gold (benchmarks/devgold) and the scorer's matching rules.

The gold files hold offsets, keys and labels only; the article texts stay in the shared
benchmark folder. The matching tests use made-up stances, not benchmark text.
"""

from __future__ import annotations

import csv
import functools
import hashlib
import importlib.util
import json
import re
import sys
from pathlib import Path

import pytest

from extraction import resources
from extraction.model import MODALITIES

ROOT = Path(__file__).resolve().parent.parent
GOLD_DIR = ROOT / "benchmarks" / "devgold"
GOLD_FILES = sorted(GOLD_DIR.glob("*.json"))

TOP_KEYS = {"source_csv", "row", "date", "text_sha256", "stances", "events"}
STANCE_KEYS = {"holder", "target", "target_name", "polarity", "evidence", "explicit"}
EVENT_KEYS = {"trigger", "actor", "target", "type", "date", "modality"}
KEY = re.compile(r"(?:(?P<sector>[a-z]+):)?(?P<base>[A-Z]{3})|(?P<igo>[a-z][a-z0-9]*)")
DATE = re.compile(r"\d{3}|\d{4}(?:-\d{2}(?:-\d{2})?|-W\d{2}|-Q[1-4])?")
EVENT_TYPES = {
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "DEMAND", "ACCUSE", "DISAPPROVE", "INVESTIGATE", "REJECT", "THREATEN", "PROTEST",
    "SANCTION", "MOBILIZE", "COERCE", "ASSAULT", "FIGHT",
    "STATEMENT", "MEET", "VISIT", "ELECT", "ARREST",
}


@functools.cache
def load_scorer():
    """benchmarks/stance.py as a module (benchmarks/ is not a package)."""
    name = "newslens_benchmarks_stance"
    spec = importlib.util.spec_from_file_location(name, ROOT / "benchmarks" / "stance.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # dataclasses look their module up while being built
    spec.loader.exec_module(module)
    return module


def gold(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def check_key(key: str) -> None:
    match = KEY.fullmatch(key)
    assert match, f"{key!r} is not ISO3, sector:ISO3 or an IGO key"
    if match["base"]:
        assert resources.is_country_code(match["base"]), key
    else:
        assert resources.igo_name(match["igo"]) != match["igo"], f"unknown IGO key {key!r}"


def check_span(span: list, text_len: int | None = None) -> None:
    assert isinstance(span, list) and len(span) == 2, span
    start, end = span
    assert isinstance(start, int) and isinstance(end, int) and 0 <= start < end, span
    if text_len is not None:
        assert end <= text_len, span


def test_there_is_enough_gold():
    assert len(GOLD_FILES) >= 16
    data = [gold(p) for p in GOLD_FILES]
    assert len({(d["source_csv"], d["row"]) for d in data}) == len(data)
    assert sum(len(d["stances"]) for d in data) >= 2 * len(data)
    assert sum(len(d["events"]) for d in data) >= 4 * len(data)


@pytest.mark.parametrize("path", GOLD_FILES, ids=lambda p: p.stem)
def test_gold_schema(path):
    data = gold(path)
    assert set(data) == TOP_KEYS
    assert data["source_csv"] in ("wikinews_2019.csv", "wikinews_2020.csv")
    assert isinstance(data["row"], int) and data["row"] >= 0
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", data["date"])
    assert re.fullmatch(r"[0-9a-f]{64}", data["text_sha256"])
    for stance in data["stances"]:
        assert set(stance) == STANCE_KEYS
        check_key(stance["holder"])
        check_key(stance["target"])
        assert stance["polarity"] in ("support", "oppose")
        assert isinstance(stance["explicit"], bool)
        name = stance["target_name"]
        assert name is None or (isinstance(name, str) and 0 < len(name) <= 40)
        assert stance["evidence"]
        for span in stance["evidence"]:
            check_span(span)
    for event in data["events"]:
        check_event_schema(event)


def check_event_schema(event: dict) -> None:
    """One gold event: its keys, trigger span, actor and target keys, type, date, modality."""
    assert set(event) == EVENT_KEYS
    check_span(event["trigger"])
    for role in ("actor", "target"):
        if event[role] is not None:
            check_key(event[role])
    assert event["type"] in EVENT_TYPES
    assert event["date"] is None or DATE.fullmatch(event["date"]), event["date"]
    assert event["modality"] in MODALITIES


@pytest.mark.parametrize("path", GOLD_FILES, ids=lambda p: p.stem)
def test_gold_holds_no_article_text(path):
    # Only keys, labels, offsets and short names: no title, URL or sentence.
    raw = path.read_text(encoding="utf-8")
    assert "title" not in raw and "http" not in raw
    for value in re.findall(r'"((?:[^"\\]|\\.)*)"', raw):
        assert len(value) <= 64, value


def source_rows(benchmarks_dir: Path) -> dict[str, list[dict[str, str]]]:
    """The Wikinews source CSV rows by file name; skips the test when they are absent."""
    source = benchmarks_dir / "wikinews" / "source_csv"
    if not source.is_dir():
        pytest.skip(f"Wikinews source CSVs not found under {source}")
    rows = {}
    for name in ("wikinews_2019.csv", "wikinews_2020.csv"):
        with open(source / name, encoding="utf-8", newline="") as fh:
            rows[name] = list(csv.DictReader(fh))
    return rows


def check_against_texts(paths, benchmarks_dir: Path, *, strict: bool = False,
                        ) -> dict[str, list[dict[str, str]]]:
    """Check gold files against their texts: the text hash, the date, offsets inside the
    text, one-word triggers, and no demo article (by row or URL). ``strict`` also wants
    evidence spans without surrounding space and triggers without inner space. Returns the
    source rows for further checks."""
    rows = source_rows(benchmarks_dir)
    demo = set()
    index = benchmarks_dir / "wikinews" / "index.jsonl"
    for line in index.read_text(encoding="utf-8").splitlines():
        item = json.loads(line)
        demo.add(item.get("url"))
        demo.add((Path(str(item.get("source_csv"))).name, item.get("source_row")))
    for path in paths:
        data = gold(path)
        row = rows[data["source_csv"]][data["row"]]
        text = row["text"]
        assert hashlib.sha256(text.encode("utf-8")).hexdigest() == data["text_sha256"], path
        assert (data["source_csv"], data["row"]) not in demo and row["url"] not in demo, path
        assert row["date"][:10] == data["date"], path
        for stance in data["stances"]:
            for span in stance["evidence"]:
                check_span(span, len(text))
                if strict:
                    piece = text[span[0]:span[1]]
                    assert piece == piece.strip() and piece, (path.stem, stance)
        for event in data["events"]:
            check_span(event["trigger"], len(text))
            start, end = event["trigger"]
            word = text[start:end]
            assert word == word.strip() and word, (path.stem, event)
            if strict:
                assert " " not in word, (path.stem, event)
    return rows


def test_gold_offsets_against_the_texts(benchmarks_dir):
    check_against_texts(GOLD_FILES, benchmarks_dir)


# ----------------------------------------------------------------- matching rules

def test_holder_matching_country_level_and_strict():
    scorer = load_scorer()
    assert scorer.holder_matches("military:XYZ", "XYZ")
    assert scorer.holder_matches("XYZ", "opposition:XYZ")
    assert not scorer.holder_matches("military:XYZ", "XYZ", strict=True)
    assert scorer.holder_matches("military:XYZ", "military:XYZ", strict=True)
    assert not scorer.holder_matches("XYZ", "ABC")
    assert not scorer.holder_matches("un", "group:several nations")


def test_name_matching():
    scorer = load_scorer()
    assert scorer.name_matches("Marta Example", "Example")
    assert scorer.name_matches("Marta Example", "President Marta Example")
    assert scorer.name_matches("Ondra Kilmanek", "Princess Ondra")
    assert scorer.name_matches("Houthis", "Houthi rebels")
    assert scorer.name_matches("Movement for Democratic Change", "MDC")
    assert not scorer.name_matches("Said bin Tamar", "Qadir bin Said")
    assert not scorer.name_matches("Marta Example", "Jonas Other")
    assert not scorer.name_matches("Marta Example", None)


def test_a_named_target_matches_by_an_acronym_its_entity_was_written_with():
    scorer = load_scorer()
    gold = {"holder": "AAA", "target": "AAA", "target_name": "KZL", "polarity": "oppose"}
    system = {"holder": "AAA", "target": "Zentral Liberation Kommando",
              "target_key": "entity:Zentral Liberation Kommando", "target_country": "AAA",
              "polarity": "oppose", "target_acronyms": ["KZL"]}
    assert scorer.target_matches(gold, system)
    assert not scorer.target_matches(gold, dict(system, target_acronyms=[]))
    assert not scorer.target_matches(gold, dict(system, target_acronyms=["QRS"]))
    assert scorer._is_acronym("ZLK") and not scorer._is_acronym("Zlk")
    assert not scorer._is_acronym("U.N.") and not scorer._is_acronym("A")


def test_stance_matching_on_made_up_pairs():
    scorer = load_scorer()
    gold = [
        {"holder": "AAA", "target": "BBB", "target_name": None, "polarity": "oppose"},
        {"holder": "military:AAA", "target": "BBB", "target_name": "Lena Dorsk",
         "polarity": "support"},
        {"holder": "un", "target": "CCC", "target_name": None, "polarity": "support"},
    ]
    system = [
        # the state target given by key, polarity mixed: matches either polarity
        {"holder": "AAA", "target": "Bbbland", "target_key": "BBB", "target_country": "BBB",
         "polarity": "mixed"},
        # sector dropped by the system: right at country level, wrong when strict
        {"holder": "AAA", "target": "Lena Dorsk", "target_key": "entity:Lena Dorsk",
         "target_country": "BBB", "polarity": "support"},
        # right pair, wrong polarity
        {"holder": "un", "target": "Cccland", "target_key": "CCC", "target_country": "CCC",
         "polarity": "oppose"},
        # spurious
        {"holder": "DDD", "target": "Aaaland", "target_key": "AAA", "target_country": "AAA",
         "polarity": "support"},
    ]
    assert scorer.match_stances(gold, system) == [(0, 0), (1, 1)]
    assert scorer.match_stances(gold, system, strict=True) == [(0, 0)]
    assert scorer.match_stances(gold, system, polarity=False) == [(0, 0), (1, 1), (2, 2)]


def test_state_targets_need_the_state_not_a_private_person():
    scorer = load_scorer()
    gold = {"holder": "AAA", "target": "BBB", "target_name": None, "polarity": "oppose"}
    leader = {"holder": "AAA", "target": "Ivo Brenn", "target_key": "entity:Ivo Brenn",
              "target_country": "BBB", "polarity": "oppose", "target_role": "head of state"}
    citizen = dict(leader, target_role=None)
    sector = {"holder": "AAA", "target": "Bbb army", "target_key": "military:BBB",
              "target_country": "BBB", "polarity": "oppose"}
    assert scorer.stance_matches(gold, leader)
    assert not scorer.stance_matches(gold, citizen)
    assert scorer.stance_matches(gold, sector)
    assert not scorer.stance_matches(gold, sector, strict=True)


def test_one_system_stance_matches_one_gold_stance():
    scorer = load_scorer()
    gold = [{"holder": "AAA", "target": "BBB", "target_name": None, "polarity": "oppose"}] * 2
    system = [{"holder": "AAA", "target": "Bbbland", "target_key": "BBB",
               "target_country": "BBB", "polarity": "oppose"}]
    assert len(scorer.match_stances(gold, system)) == 1


def test_event_helpers():
    scorer = load_scorer()
    assert scorer.overlaps([10, 15], [14, 20]) and not scorer.overlaps([10, 15], [15, 20])
    assert scorer.date_right("2019-03-14", "2019-03-14TMO")
    assert scorer.date_right("2019-03", "2019-03-14")
    assert not scorer.date_right("2019-03-14", "2019-03")
    assert not scorer.date_right("2019-03-14", None)
    assert scorer.actor_matches("police:AAA", "AAA") and scorer.actor_matches(None, None)
    assert not scorer.actor_matches("AAA", None)
    carry = scorer.offset_map("ab  cd", "ab cd")
    assert carry(0) == 0 and carry(4) == 3


def test_a_rebels_key_matches_a_named_armed_group_of_that_country():
    scorer = load_scorer()
    gold = {"holder": "AAA", "target": "rebels:BBB", "target_name": None, "polarity": "oppose"}
    group = {"holder": "AAA", "target": "Red Hand", "target_key": "entity:Red Hand",
             "target_country": "BBB", "target_role": "armed group", "polarity": "oppose"}
    assert scorer.target_matches(gold, group)
    # Another country's group, a party of that country, or a plain state key do not.
    assert not scorer.target_matches(gold, dict(group, target_country="CCC"))
    assert not scorer.target_matches(gold, dict(group, target_role="party"))
    assert not scorer.target_matches(dict(gold, target="BBB"), group)
