"""The pure part of chart selection: which stance a clicked point stands for."""

from __future__ import annotations

import pytest

from dashboard.panels import md_escape, pair_from_points

PAIRS = [("USA", "Juan Guaido"), ("BOL", "Nicolás Maduro")]


@pytest.mark.parametrize(
    ("points", "target", "expected"),
    [
        ([{"customdata": ["USA", "Juan Guaido", 3, "support"]}], None, ("USA", "Juan Guaido")),
        ([{"customdata": ["BOL", "Nicolás Maduro", 1]}], None, ("BOL", "Nicolás Maduro")),
        ([{"customdata": "BOL"}], "Nicolás Maduro", ("BOL", "Nicolás Maduro")),
        ([{"customdata": "BOL"}], None, None),
        ([{"customdata": ["USA", "Nicolás Maduro", 0, ""]}], None, None),  # an empty cell
        ([{"x": 1, "y": 2}, {"customdata": ["USA", "Juan Guaido"]}], None,
         ("USA", "Juan Guaido")),
        ([], None, None),
    ],
)
def test_panels_pair_from_points(points, target, expected):
    assert pair_from_points(points, PAIRS, target) == expected


def test_panels_md_escape_makes_markdown_inert():
    text = "**Big** [news](javascript:alert(1)) <b>x</b> :red[alarm] $x$"
    escaped = md_escape(text)
    # Every character Markdown (or Streamlit's :colour[] and $math$) acts on is escaped.
    for index, char in enumerate(escaped):
        if char in "*[]()<>:$`_#!|~":
            assert escaped[index - 1] == "\\", (char, escaped[:index + 1])
    assert escaped.replace("\\", "") == text
