"""A world map of stance per country, drawn from country shapes shipped with the dashboard.

The shapes are Natural Earth's public-domain 1:110m admin-0 countries, converted once by
``docs/make_world_map.py`` into ``world_110m.geojson`` beside this module (each feature's
``id`` is its ISO 3166-1 alpha-3 code). The map is a plotly choropleth over that GeoJSON
(``locationmode="geojson-id"``), with every base layer of plotly's geo subplot switched
off. plotly.js fetches its own topojson from a CDN when a base layer is shown or when the
subplot's first trace has a ``locationmode`` (plotly.js 3 looks at the first trace only, and
any mode counts, ``geojson-id`` too); the first trace is therefore an empty ``Scattergeo``
without one (``ANCHOR``), and nothing is requested from outside. The browser test
``tests/dashboard/test_browser_map.py`` records every request to keep this true.

Every country is drawn in light grey with its name on hover; countries that hold a stance
are coloured on a diverging scale fixed at -1..+1 (red oppose, white neutral, blue
support); states too small for the 1:110m set (Singapore, Malta, ...) are a coloured dot at
their centre (``country_positions.tsv``); the selected target, when it is a country, is
outlined and starred.

Pure: no Streamlit here, so the figure can be built and checked in a plain unit test.
"""

from __future__ import annotations

import copy
import html
import json
import math
from functools import cache
from pathlib import Path
from typing import Any

import pandas as pd
import plotly.graph_objects as go

#: Data file with one approximate centre per ISO 3166-1 alpha-3 code.
POSITIONS_FILE = "country_positions.tsv"
#: Country shapes (Natural Earth 1:110m, public domain), keyed by ISO-3 in ``id``.
SHAPES_FILE = "world_110m.geojson"
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
LAND = "#e3e3e3"
BORDER = "#ffffff"
TARGET_LINE = "#111111"
_FONT = {"family": "sans-serif", "size": 13}
#: Name of the empty first trace that keeps plotly.js from fetching topojson (see above).
ANCHOR = "offline anchor"
#: Base layers of a geo subplot; each one would make plotly.js fetch topojson from its CDN.
BASE_LAYERS = ("showcoastlines", "showland", "showocean", "showlakes", "showrivers",
               "showcountries", "showsubunits", "showframe")


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


@cache
def _read_shapes() -> dict[str, Any]:
    return json.loads(Path(__file__).with_name(SHAPES_FILE).read_text(encoding="utf-8"))


def load_shapes() -> dict[str, Any]:
    """The country shapes as a GeoJSON FeatureCollection (a fresh copy on each call).

    Returns:
        ``{"type": "FeatureCollection", "features": [...]}``; each feature's ``id`` is an
        ISO 3166-1 alpha-3 code and ``properties.name`` Natural Earth's English name.
    """
    return copy.deepcopy(_read_shapes())


def shape_codes() -> frozenset[str]:
    """The ISO-3 codes that have a shape on the map."""
    return frozenset(f["id"] for f in _read_shapes()["features"])


class _Shapes(dict):
    """GeoJSON that plotly shares instead of copying.

    plotly deep-copies a trace's data when the trace is added and again when the figure is
    sent: for the country shapes (thousands of coordinate lists) that was most of the time
    of drawing a map. The shapes are read once and never changed.
    """

    def __deepcopy__(self, memo: dict[int, Any]) -> _Shapes:
        return self


def _subset(codes: list[str]) -> dict[str, Any]:
    """Only the features of ``codes``: a trace carries no more geometry than it draws."""
    wanted = set(codes)
    return _Shapes(type="FeatureCollection",
                   features=[f for f in _read_shapes()["features"] if f["id"] in wanted])


def _country_names() -> dict[str, str]:
    # Local import: names reads the extraction's resources, which the map does not need
    # until a figure is drawn.
    from dashboard.names import country_name

    names = {}
    for feature in _read_shapes()["features"]:
        code = feature["id"]
        ours = country_name(code)
        names[code] = ours if ours != code else feature["properties"].get("name") or code
    return names


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


def _scored_rows(scores: pd.DataFrame, positions: dict[str, tuple[float, float]],
                 shapes: frozenset[str]) -> list[dict]:
    """Rows that can be drawn: a code with a shape or a position and a numeric score."""
    if scores.empty:
        return []
    missing = {"iso3", "score"} - set(scores.columns)
    if missing:
        raise ValueError(f"scores frame lacks column(s): {', '.join(sorted(missing))}")
    rows = []
    for record in scores.to_dict("records"):
        code = str(record.get("iso3") or "").strip().upper()
        if code not in shapes and code not in positions:
            continue
        try:
            score = float(record["score"])
        except (TypeError, ValueError):
            continue
        if math.isnan(score):
            continue
        label = _label(record.get("label"), code)
        rows.append({
            "iso3": code,
            "score": score,
            "shape": code in shapes,
            "hover": f"<b>{html.escape(label, quote=False)}</b> ({code}): "
                     f"score {score:+.2f}{_events_note(record.get('events'))}",
        })
    return rows


def _colorbar() -> dict[str, Any]:
    return {"title": {"text": "stance"}, "tickvals": [-1, 0, 1],
            "ticktext": ["-1 oppose", "0", "+1 support"], "thickness": 12, "len": 0.8}


def _background(names: dict[str, str]) -> go.Choropleth:
    codes = sorted(names)
    return go.Choropleth(
        geojson=_subset(codes), locations=codes, featureidkey="id",
        locationmode="geojson-id", z=[0] * len(codes),
        colorscale=[[0, LAND], [1, LAND]], showscale=False, name="countries",
        hovertext=[html.escape(names[c], quote=False) for c in codes],
        hovertemplate="%{hovertext}<extra></extra>",
        marker={"line": {"color": BORDER, "width": 0.5}}, showlegend=False,
    )


def _stance_traces(rows: list[dict], positions: dict[str, tuple[float, float]]) -> list:
    traces: list = []
    shaped = [r for r in rows if r["shape"]]
    dots = [r for r in rows if not r["shape"]]
    if shaped:
        codes = [r["iso3"] for r in shaped]
        traces.append(go.Choropleth(
            geojson=_subset(codes), locations=codes, featureidkey="id",
            locationmode="geojson-id", z=[r["score"] for r in shaped], zmin=-1.0, zmax=1.0,
            colorscale=STANCE_COLORSCALE, colorbar=_colorbar(), name="stance",
            customdata=codes, hovertext=[r["hover"] for r in shaped],
            hovertemplate="%{hovertext}<extra></extra>",
            marker={"line": {"color": "#555555", "width": 0.8}}, showlegend=False,
        ))
    if dots:
        traces.append(go.Scattergeo(
            lat=[positions[r["iso3"]][0] for r in dots],
            lon=[positions[r["iso3"]][1] for r in dots],
            mode="markers", name="stance (small states)",
            customdata=[r["iso3"] for r in dots], hovertext=[r["hover"] for r in dots],
            hovertemplate="%{hovertext}<extra></extra>", showlegend=False,
            marker={"size": 9, "color": [r["score"] for r in dots], "cmin": -1.0,
                    "cmax": 1.0, "colorscale": STANCE_COLORSCALE,
                    "showscale": not shaped, "colorbar": _colorbar(),
                    "line": {"width": 0.8, "color": "#555555"}},
        ))
    return traces


def _target_traces(code: str, label: str, positions: dict[str, tuple[float, float]],
                   shapes: frozenset[str]) -> list:
    hover = f"target: {html.escape(label, quote=False)}"
    traces: list = []
    if code in shapes:
        traces.append(go.Choropleth(
            geojson=_subset([code]), locations=[code], featureidkey="id",
            locationmode="geojson-id", z=[0], colorscale=[[0, "rgba(0,0,0,0)"],
                                                          [1, "rgba(0,0,0,0)"]],
            showscale=False, name="target", hovertext=[hover],
            hovertemplate="%{hovertext}<extra></extra>",
            marker={"line": {"color": TARGET_LINE, "width": 2.5}}, showlegend=False,
        ))
    if code in positions:
        lat, lon = positions[code]
        traces.append(go.Scattergeo(
            lat=[lat], lon=[lon], mode="markers+text", name="target (marker)",
            text=["target"], textposition="top center", hovertext=[hover],
            hovertemplate="%{hovertext}<extra></extra>", showlegend=False,
            textfont={"color": TARGET_LINE, "size": 12},
            marker={"symbol": "star", "size": 14, "color": "#ffd700",
                    "line": {"width": 1, "color": TARGET_LINE}},
        ))
    return traces


def stance_world_map(scores: pd.DataFrame, *, title: str = "", target: str | None = None,
                     target_label: str | None = None) -> go.Figure:
    """Stance per country on a choropleth of the shipped country shapes (no network).

    Args:
        scores: one row per country with columns ``iso3`` (ISO 3166-1 alpha-3), ``score``
            (-1 oppose .. +1 support), ``label`` (display name) and optionally ``events``
            (how many events the score rests on). Rows whose code has neither a shape nor
            a position, or whose score is missing, are skipped.
        title: the figure title.
        target: the ISO-3 code of the country the stances are about, outlined and starred;
            None when the target is no country.
        target_label: the target's display name for the hover text (the code if None).

    Returns:
        A figure whose first trace is the empty ``ANCHOR`` and whose second, ``"countries"``,
        is every shape in grey with its name on hover; then a choropleth ``"stance"``
        coloured by the scores (fixed at -1..+1, its ``customdata`` the ISO codes) and, for
        states without a shape, a scatter ``"stance (small states)"``; the target's traces
        are named ``"target"`` and ``"target (marker)"``. With nothing to colour, the
        figure carries the annotation "No state holds a stance here".
    """
    positions = load_positions()
    shapes = shape_codes()
    fig = go.Figure()
    fig.add_trace(go.Scattergeo(lon=[], lat=[], name=ANCHOR, hoverinfo="skip",
                                showlegend=False))
    fig.add_trace(_background(_country_names()))
    rows = _scored_rows(scores, positions, shapes)
    for trace in _stance_traces(rows, positions):
        fig.add_trace(trace)
    code = (target or "").strip().upper()
    if code:
        for trace in _target_traces(code, target_label or code, positions, shapes):
            fig.add_trace(trace)
    if not rows:
        fig.add_annotation(text=EMPTY_MESSAGE, showarrow=False, x=0.5, y=0.02,
                           xref="paper", yref="paper", font={"size": 14, "color": "#666"})
    fig.update_geos(
        visible=False, **{layer: False for layer in BASE_LAYERS},
        projection_type="natural earth", fitbounds=False,
        lonaxis_range=list(LON_RANGE), lataxis_range=list(LAT_RANGE),
        bgcolor="rgba(0,0,0,0)",
    )
    fig.update_layout(
        title={"text": html.escape(title, quote=False)} if title else None,
        height=HEIGHT,
        margin={"l": 0, "r": 0, "t": 40 if title else 0, "b": 0},
        paper_bgcolor="rgba(0,0,0,0)",
        font=_FONT,
    )
    return fig
