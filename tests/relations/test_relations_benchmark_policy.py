"""How the directed-sentiment benchmark reads a pair from ``Article.relations``: the policy."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import SimpleNamespace

import pytest

SCRIPT = Path(__file__).resolve().parents[2] / "benchmarks" / "directed_sentiment.py"


@pytest.fixture(scope="module")
def bench():
    spec = importlib.util.spec_from_file_location("directed_sentiment_bench", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _rel(source: str, target: str, polarity: str, found_by: str) -> SimpleNamespace:
    return SimpleNamespace(source=source, target=target, polarity=polarity, found_by=found_by)


def test_relations_benchmark_model_first_is_the_default(bench):
    assert bench.POLICIES[0] == "model-first"


def test_relations_benchmark_policies_order_model_and_events(bench):
    # The harbour board praised the union (model) but an event reads it as a rebuke.
    article = SimpleNamespace(relations=[_rel("E2", "E1", "positive", "model"),
                                         _rel("E2", "E1", "negative", "event:ACCUSE")])
    # p = E1, q = E2: q positive towards p is 2, q negative towards p is 4.
    assert bench.predict(article, "E1", "E2", "model-first") == 2
    assert bench.predict(article, "E1", "E2", "events-first") == 4
    assert bench.predict(article, "E1", "E2", "model") == 2
    assert bench.predict(article, "E1", "E2", "events") == 4


def test_relations_benchmark_falls_back_and_neutral(bench):
    only_event = SimpleNamespace(relations=[_rel("E1", "E2", "negative", "event:ACCUSE")])
    assert bench.predict(only_event, "E1", "E2", "model-first") == 3
    assert bench.predict(only_event, "E1", "E2", "model") == 0
    assert bench.predict(only_event, None, "E2", "model-first") == 0
    assert bench.predict(SimpleNamespace(relations=[]), "E1", "E2", "model-first") == 0
