"""Our own wire-style articles and their analyst gold (benchmarks/owngold_dev, owngold_blind,
written in the eleventh round, owngold_dev2, owngold_blind2, written in the twelfth, and
owngold_dev3, written in the fifteenth, owngold_dev4, written in the sixteenth, and
owngold_dev5, written in the seventeenth; owngold_dev6, in the eighteenth; owngold_dev7,
in the nineteenth).

The articles were written by the project (their text is ours, so it lives in the
repository beside the gold) and annotated with the stances and events an analyst would
state, before newslens was run on them. Checked here: the schema (the devgold keys, with
``source_own`` and ``title`` in place of a CSV row), the text hash, offsets inside the text,
evidence spans without surrounding space, one-word triggers on word boundaries, one stance
per holder, target and polarity, that the scorer loads them without the shared benchmark
folder, and that no article is in two folders.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

import pytest

from tests.test_devgold import (
    STANCE_KEYS,
    check_event_schema,
    check_key,
    check_span,
    gold,
    load_scorer,
)

ROOT = Path(__file__).resolve().parent.parent
OWN_DIRS = tuple(ROOT / "benchmarks" / name for name in (
    "owngold_dev", "owngold_blind", "owngold_dev2", "owngold_blind2", "owngold_dev3",
    "owngold_dev4", "owngold_dev5", "owngold_dev6", "owngold_dev7"))
#: Folders whose writers' brief allowed a "mixed" stance (from the fifteenth round on).
MIXED_FOLDERS = frozenset({"owngold_dev3", "owngold_dev4", "owngold_dev5", "owngold_dev6",
                           "owngold_dev7"})
OWN_FILES = sorted(p for folder in OWN_DIRS for p in folder.glob("*.json"))
TOP_KEYS = {"source_own", "title", "date", "text_sha256", "stances", "events"}


def text_of(path: Path) -> str:
    return (path.parent / gold(path)["source_own"]).read_text(encoding="utf-8")


def test_each_folder_holds_annotated_articles():
    for folder in OWN_DIRS:
        files = sorted(folder.glob("*.json"))
        assert len(files) >= 4, folder
        assert {p.stem for p in files} == {p.stem for p in folder.glob("*.txt")}, folder
        for path in files:
            data = gold(path)
            assert len(data["stances"]) >= 5, path.stem
            assert len(data["events"]) >= 10, path.stem


def test_no_article_is_in_two_folders():
    stems = [p.stem for folder in OWN_DIRS for p in folder.glob("*.json")]
    texts = [hashlib.sha256(text_of(p).encode()).hexdigest()
             for folder in OWN_DIRS for p in folder.glob("*.json")]
    assert len(stems) == len(set(stems))
    assert len(texts) == len(set(texts))


@pytest.mark.parametrize("path", OWN_FILES, ids=lambda p: p.stem)
def test_schema(path):
    data = gold(path)
    assert set(data) == TOP_KEYS
    assert data["source_own"] == f"{path.stem}.txt"
    assert isinstance(data["title"], str) and 0 < len(data["title"]) <= 200
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", data["date"])
    for stance in data["stances"]:
        assert set(stance) == STANCE_KEYS
        check_key(stance["holder"])
        check_key(stance["target"])
        # A state may oppose a group of its own (target_name), not itself.
        assert stance["holder"] != stance["target"] or stance["target_name"], stance
        # "mixed" (MIXED_FOLDERS only): a stance the article shows both ways at once.
        assert stance["polarity"] in ("support", "oppose") or (
            stance["polarity"] == "mixed" and path.parent.name in MIXED_FOLDERS)
        assert isinstance(stance["explicit"], bool)
        assert stance["evidence"]
    for event in data["events"]:
        check_event_schema(event)


@pytest.mark.parametrize("path", OWN_FILES, ids=lambda p: p.stem)
def test_offsets_against_the_text(path):
    data = gold(path)
    text = text_of(path)
    assert hashlib.sha256(text.encode("utf-8")).hexdigest() == data["text_sha256"]
    for stance in data["stances"]:
        for span in stance["evidence"]:
            check_span(span, len(text))
            piece = text[span[0]:span[1]]
            assert piece and piece == piece.strip(), (path.stem, span)
    for event in data["events"]:
        check_span(event["trigger"], len(text))
        start, end = event["trigger"]
        word = text[start:end]
        assert re.fullmatch(r"[^\W_]+(?:[-'’][^\W_]+)*", word), (path.stem, word)
        assert start == 0 or not text[start - 1].isalnum(), (path.stem, word)
        assert end == len(text) or not text[end].isalnum(), (path.stem, word)


@pytest.mark.parametrize("path", OWN_FILES, ids=lambda p: p.stem)
def test_one_stance_per_holder_target_and_polarity(path):
    seen = [(s["holder"], s["target"], s["target_name"], s["polarity"])
            for s in gold(path)["stances"]]
    assert len(seen) == len(set(seen)), path.stem


def test_the_scorer_loads_them_without_shared_data():
    scorer = load_scorer()
    for folder in OWN_DIRS:
        articles = scorer.load_gold(folder)
        assert not scorer.needs_shared_data(articles)
        scorer.attach_texts(articles, None)
        for art in articles:
            path = folder / f"{art.slug}.json"
            assert art.text == text_of(path)
            assert art.title == gold(path)["title"]
