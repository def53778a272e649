"""A world map of stance per country that needs no downloaded geometry.

Plotly's geo subplots (``choropleth``, ``scattergeo``) make plotly.js fetch country shapes
(topojson) from a CDN when the chart renders, which fails with no network. This module draws
a map-like figure on a plain cartesian scatter instead: x is longitude (-180..180), y is
latitude (-60..85), with the axes locked to the same scale. Every country and territory in
``country_positions.tsv`` is a faint grey square so the shape of the world is recognisable,
and countries that hold a stance are larger squares on a diverging scale fixed at -1..+1:
red for oppose, white for neutral, blue for support.

Pure: no Streamlit here, so the figure can be built and checked in a plain unit test.
"""

from __future__ import annotations

import html
import math
from functools import cache
from pathlib import Path

import pandas as pd
import plotly.graph_objects as go

#: Data file with one approximate centre per ISO 3166-1 alpha-3 code.
POSITIONS_FILE = "country_positions.tsv"
#: Red (oppose, -1) through white (0) to blue (support, +1); ColorBrewer RdBu.
STANCE_COLORSCALE: list[list[float | str]] = [
    [0.0, "#b2182b"],
    [1 / 6, "#ef8a62"],
    [2 / 6, "#fddbc7"],
    [0.5, "#f7f7f7"],
    [4 / 6, "#d1e5f0"],
    [5 / 6, "#67a9cf"],
    [1.0, "#2166ac"],
]
EMPTY_MESSAGE = "No state holds a stance here"
LON_RANGE = (-180.0, 180.0)
LAT_RANGE = (-60.0, 85.0)
HEIGHT = 420
_FONT = {"family": "sans-serif", "size": 13}
#: Trace types that need plotly.js to fetch topojson from a CDN; never used here.
_GEO_TRACES = ("choropleth", "scattergeo")


@cache
def _read_positions() -> tuple[tuple[str, float, float], ...]:
    # Beside this module: importlib.resources fails when ``dashboard`` is imported as a
    # namespace package (an editable install made before it had an __init__.py).
    text = Path(__file__).with_name(POSITIONS_FILE).read_text(encoding="utf-8")
    rows: list[tuple[str, float, float]] = []
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        code, lat, lon = (part.strip() for part in line.split("\t")[:3])
        if code == "iso3":
            continue
        rows.append((code.upper(), float(lat), float(lon)))
    return tuple(rows)


def load_positions() -> dict[str, tuple[float, float]]:
    """Approximate centre of every country and territory, read once from the data file.

    Returns:
        ISO 3166-1 alpha-3 code (upper case) -> ``(lat, lon)`` in degrees. A fresh dict on
        each call, so callers may change it without touching the cached copy.
    """
    return {code: (lat, lon) for code, lat, lon in _read_positions()}


def _background(positions: dict[str, tuple[float, float]]) -> go.Scatter:
    codes = sorted(positions)
    return go.Scatter(
        x=[positions[c][1] for c in codes],
        y=[positions[c][0] for c in codes],
        mode="markers",
        name="countries",
        marker={"symbol": "square", "size": 7, "color": "#e0e0e0", "line": {"width": 0}},
        hoverinfo="skip",
        showlegend=False,
    )


def _events_note(value: object) -> str:
    if value is None:
        return ""
    try:
        count = float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return ""
    if math.isnan(count):
        return ""
    count_int = int(count)
    return f" ({count_int} event{'' if count_int == 1 else 's'})"


def _label(value: object, code: str) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)) or str(value) == "":
        return code
    return str(value)


def _scored_rows(scores: pd.DataFrame, positions: dict[str, tuple[float, float]]) -> list[dict]:
    """Rows that can be drawn: a known ISO code and a numeric score; the rest are skipped."""
    if scores.empty:
        return []
    missing = {"iso3", "score"} - set(scores.columns)
    if missing:
        raise ValueError(f"scores frame lacks column(s): {', '.join(sorted(missing))}")
    rows = []
    for record in scores.to_dict("records"):
        code = str(record.get("iso3") or "").strip().upper()
        if code not in positions:
            continue
        try:
            score = float(record["score"])
        except (TypeError, ValueError):
            continue
        if math.isnan(score):
            continue
        lat, lon = positions[code]
        rows.append({
            "iso3": code,
            "score": score,
            "lat": lat,
            "lon": lon,
            "label": _label(record.get("label"), code),
            "events": _events_note(record.get("events")),
        })
    return rows


def stance_world_map(scores: pd.DataFrame, *, title: str = "") -> go.Figure:
    """Stance per country on an offline world map (a cartesian scatter, no geo subplot).

    Args:
        scores: one row per country with columns ``iso3`` (ISO 3166-1 alpha-3), ``score``
            (-1 oppose .. +1 support), ``label`` (display name) and optionally ``events``
            (how many events the score rests on). Rows whose code has no known position, or
            whose score is missing, are skipped.
        title: the figure title.

    Returns:
        A figure with a grey background trace of all countries and, if any row could be
        placed, a trace named ``"stance"`` whose marker colours are the scores (colour axis
        fixed at -1..+1) and whose ``customdata`` are the ISO codes. With nothing to place,
        the figure carries the annotation "No state holds a stance here".
    """
    positions = load_positions()
    fig = go.Figure()
    fig.add_trace(_background(positions))
    rows = _scored_rows(scores, positions)
    if rows:
        hover = [
            f"<b>{html.escape(r['label'], quote=False)}</b> ({r['iso3']}): "
            f"score {r['score']:+.2f}{r['events']}"
            for r in rows
        ]
        fig.add_trace(
            go.Scatter(
                x=[r["lon"] for r in rows],
                y=[r["lat"] for r in rows],
                mode="markers",
                name="stance",
                customdata=[r["iso3"] for r in rows],
                hovertext=hover,
                hoverinfo="text",
                showlegend=False,
                marker={
                    "symbol": "square",
                    "size": 13,
                    "color": [r["score"] for r in rows],
                    "colorscale": STANCE_COLORSCALE,
                    "cmin": -1.0,
                    "cmax": 1.0,
                    "line": {"width": 0.8, "color": "#555"},
                    "colorbar": {
                        "title": {"text": "stance"},
                        "tickvals": [-1, 0, 1],
                        "ticktext": ["-1 oppose", "0", "+1 support"],
                        "thickness": 12,
                        "len": 0.8,
                    },
                },
            )
        )
    else:
        fig.add_annotation(text=EMPTY_MESSAGE, showarrow=False, x=0.5, y=0.5,
                           xref="paper", yref="paper", font={"size": 14, "color": "#666"})
    hidden = {"showgrid": False, "zeroline": False, "showticklabels": False,
              "ticks": "", "showline": False, "title": {"text": ""}}
    fig.update_layout(
        title={"text": html.escape(title, quote=False)} if title else None,
        height=HEIGHT,
        margin={"l": 10, "r": 10, "t": 40 if title else 10, "b": 10},
        xaxis={**hidden, "range": list(LON_RANGE), "constrain": "domain"},
        yaxis={**hidden, "range": list(LAT_RANGE), "scaleanchor": "x", "scaleratio": 1,
               "constrain": "domain"},
        plot_bgcolor="rgba(0,0,0,0)",
        paper_bgcolor="rgba(0,0,0,0)",
        hovermode="closest",
        dragmode="pan",
        font=_FONT,
    )
    _drop_geo_defaults(fig)
    return fig


def _drop_geo_defaults(fig: go.Figure) -> None:
    """Strip the template's geo/choropleth/scattergeo defaults from this figure's copy.

    They create no geo subplot, but leaving them out keeps the figure JSON free of anything
    geo, so "no CDN geometry needed" can be checked by reading it.
    """
    template = fig.layout.template
    template.layout.geo = None
    for kind in _GEO_TRACES:
        template.data[kind] = None
