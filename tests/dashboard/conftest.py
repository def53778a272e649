"""Fixtures for the dashboard tests: a hand-built article and an isolated corpus store."""

from __future__ import annotations

from pathlib import Path

import pytest

from extraction.model import Article

from .articles import build_article


@pytest.fixture()
def article() -> Article:
    return build_article()


@pytest.fixture()
def temp_store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Point the corpus store at a fresh file for this test, never the user's."""
    path = tmp_path / "store.sqlite"
    monkeypatch.setenv("NEWSLENS_STORE", str(path))
    return path
