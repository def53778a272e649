"""Safe exports: every CSV the project writes neutralises formula-like cells (OWASP rule).

The dashboard's downloads (``frames.csv_text``) and ``newslens export --format csv``
(``extraction.store.export_tables``) prefix a single quote to text starting with ``=``,
``+``, ``-``, ``@``, a tab or a carriage return; numbers stay numbers; JSONL keeps the raw
value.
"""

from __future__ import annotations

import csv
import dataclasses
import io
import json
from pathlib import Path

import pandas as pd
import pytest

from dashboard import frames
from extraction.model import Entity, Mention
from extraction.store import Store, csv_safe, export_tables

from .articles import build_article

HOSTILE_CELLS = ["=cmd|' /C calc'!A0", "+1+1", "-2+3", "@SUM(A1)", "\tx", "\rx",
                 '=HYPERLINK("http://evil")']


@pytest.mark.parametrize("cell", HOSTILE_CELLS)
def test_exports_csv_safe_prefixes_a_quote(cell):
    assert csv_safe(cell) == "'" + cell


@pytest.mark.parametrize("value", ["Iran", "", "a=b", " =x", -0.6, 3, None, 1.5])
def test_exports_csv_safe_leaves_other_values(value):
    assert csv_safe(value) == value


def test_exports_csv_text_neutralises_strings_and_keeps_negative_numbers():
    frame = pd.DataFrame({"name": ["@SomeName", "Iran", None], "score": [-0.6, 0.5, -1.0],
                          "count": [1, -2, 3]})
    rows = list(csv.reader(io.StringIO(frames.csv_text(frame))))
    assert rows[0] == ["name", "score", "count"]
    assert rows[1] == ["'@SomeName", "-0.6", "1"]
    assert rows[2] == ["Iran", "0.5", "-2"]
    assert rows[3] == ["", "-1.0", "3"]


def _hostile_article():
    article = build_article()
    ents = list(article.entities)
    ents[0] = Entity("e_usa", "=cmd|' /C calc'!A0", "GPE", "USA", "government",
                     article.entities[0].mentions)
    ents.append(Entity("e_handle", "@SomeName", "PERSON", None, None, (Mention("UN", 0, 2),)))
    return dataclasses.replace(article, entities=tuple(ents), title="-Title")


def test_exports_dashboard_entity_csv_is_neutralised():
    text = frames.csv_text(frames.entities_frame(_hostile_article()))
    cells = [c for row in csv.reader(io.StringIO(text)) for c in row]
    assert "'=cmd|' /C calc'!A0" in cells and "'@SomeName" in cells
    assert not any(c.startswith(("=", "@", "+")) for c in cells)


def test_exports_store_csv_is_neutralised_and_jsonl_raw(tmp_path: Path):
    with Store(tmp_path / "s.sqlite") as store:
        store.add(_hostile_article())
        csv_files = export_tables(store, tmp_path / "csv", fmt="csv")
        json_files = export_tables(store, tmp_path / "jsonl", fmt="jsonl")
    with csv_files["entities"].open(encoding="utf-8", newline="") as fh:
        entities = list(csv.DictReader(fh))
    names = {row["canonical"] for row in entities}
    assert {"'=cmd|' /C calc'!A0", "'@SomeName"} <= names
    with csv_files["articles"].open(encoding="utf-8", newline="") as fh:
        assert next(csv.DictReader(fh))["title"] == "'-Title"
    with csv_files["stances"].open(encoding="utf-8", newline="") as fh:
        scores = [float(row["score"]) for row in csv.DictReader(fh)]
    # A negative score is a number in the file, not a quoted string.
    assert -0.6 in scores
    raw = [json.loads(line)["canonical"]
           for line in json_files["entities"].read_text(encoding="utf-8").splitlines()]
    assert "=cmd|' /C calc'!A0" in raw and "@SomeName" in raw
