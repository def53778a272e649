"""Shared fixtures: one pipeline per test session, the sample articles, the benchmark folder."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "sample_articles"


@pytest.fixture(scope="session")
def nlp():
    from extraction.pipeline import build_pipeline

    return build_pipeline()


@pytest.fixture(scope="session")
def seed_source():
    from extraction.textio import read_path

    return read_path(SAMPLES / "00_venezuela_us_diplomats.txt")


@pytest.fixture(scope="session")
def seed_article(nlp, seed_source):
    from extraction import analyze

    return analyze(seed_source.text, published=seed_source.published, title=seed_source.title,
                   nlp=nlp)


@pytest.fixture(scope="session")
def benchmarks_dir() -> Path:
    path = Path(os.environ.get("NEWSLENS_BENCHMARKS", ROOT.parent / "shared" / "benchmarks"))
    if not path.is_dir():
        pytest.skip(f"benchmark data not found at {path} (set NEWSLENS_BENCHMARKS)")
    return path
