"""The offline world map: positions cover every known country, and no geo subplot is used."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest

from dashboard import worldmap

COUNTRIES_TSV = Path(__file__).parents[2] / "extraction" / "resources" / "countries.tsv"


def _country_codes() -> list[str]:
    codes = []
    for line in COUNTRIES_TSV.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        code = line.split("\t", 1)[0].strip()
        if code != "iso3":
            codes.append(code)
    return codes


def _frame(rows: list[tuple]) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=["iso3", "score", "label", "events"])


def _scored(fig):
    return next(t for t in fig.data if t.name == "stance")


def test_worldmap_countries_file_is_read():
    assert len(_country_codes()) > 190


@pytest.mark.parametrize("code", _country_codes())
def test_worldmap_every_known_country_has_a_position(code):
    assert code in worldmap.load_positions()


def test_worldmap_positions_are_within_map_bounds():
    positions = worldmap.load_positions()
    assert len(positions) >= 200
    for code, (lat, lon) in positions.items():
        assert len(code) == 3 and code.isupper(), code
        assert worldmap.LAT_RANGE[0] <= lat <= worldmap.LAT_RANGE[1], code
        assert worldmap.LON_RANGE[0] <= lon <= worldmap.LON_RANGE[1], code


@pytest.mark.parametrize(
    ("code", "check"),
    [
        ("USA", lambda lat, lon: lon < -60 and 25 < lat < 50),
        ("RUS", lambda lat, lon: lat > 45 and lon > 30),
        ("AUS", lambda lat, lon: lat < -10 and lon > 110),
        ("BRA", lambda lat, lon: lon < -30 and lat < 0),
        ("GBR", lambda lat, lon: 49 < lat < 61 and -9 < lon < 2),
        ("JPN", lambda lat, lon: 30 < lat < 46 and lon > 128),
        ("ZAF", lambda lat, lon: lat < -20 and 15 < lon < 35),
        ("NZL", lambda lat, lon: lat < -33 and lon > 165),
        ("XKX", lambda lat, lon: 41 < lat < 44 and 19 < lon < 22),
        ("TWN", lambda lat, lon: 21 < lat < 26 and 119 < lon < 123),
    ],
)
def test_worldmap_known_positions_are_roughly_right(code, check):
    lat, lon = worldmap.load_positions()[code]
    assert check(lat, lon), (code, lat, lon)


def test_worldmap_load_positions_returns_a_fresh_copy():
    first = worldmap.load_positions()
    first.pop("USA")
    assert "USA" in worldmap.load_positions()


def test_worldmap_scored_trace_colours_are_the_scores():
    frame = _frame([("USA", 0.35, "United States", 3), ("RUS", -0.8, "Russia", 1),
                    ("FRA", 0.0, "France", 2)])
    fig = worldmap.stance_world_map(frame, title="Stance")
    trace = _scored(fig)
    assert list(trace.marker.color) == [0.35, -0.8, 0.0]
    assert (trace.marker.cmin, trace.marker.cmax) == (-1, 1)
    assert trace.marker.symbol == "square"
    assert list(trace.customdata) == ["USA", "RUS", "FRA"]
    positions = worldmap.load_positions()
    assert list(trace.x) == [positions[c][1] for c in ("USA", "RUS", "FRA")]
    assert list(trace.y) == [positions[c][0] for c in ("USA", "RUS", "FRA")]
    assert trace.hovertext[0] == "<b>United States</b> (USA): score +0.35 (3 events)"
    assert trace.hovertext[1] == "<b>Russia</b> (RUS): score -0.80 (1 event)"
    assert list(trace.marker.colorbar.tickvals) == [-1, 0, 1]
    assert trace.marker.colorbar.title.text == "stance"
    assert fig.layout.title.text == "Stance"


def test_worldmap_scale_runs_red_to_blue():
    fig = worldmap.stance_world_map(_frame([("USA", 0.5, "United States", 1)]))
    scale = _scored(fig).marker.colorscale
    low, high = scale[0][1], scale[-1][1]
    assert int(low[1:3], 16) > int(low[5:7], 16)  # red end at -1 (oppose)
    assert int(high[5:7], 16) > int(high[1:3], 16)  # blue end at +1 (support)


def test_worldmap_background_holds_every_position_in_grey():
    fig = worldmap.stance_world_map(_frame([("USA", 0.5, "United States", 1)]))
    background = fig.data[0]
    assert background.name == "countries"
    assert len(background.x) == len(worldmap.load_positions())
    assert background.marker.symbol == "square"
    assert background.hoverinfo == "skip"


@pytest.mark.parametrize("unknown", ["ZZZ", "", None, "atlantis"])
def test_worldmap_unknown_codes_are_skipped(unknown):
    frame = _frame([(unknown, 0.9, "Nowhere", 1), ("deu", -0.2, "Germany", 4)])
    trace = _scored(worldmap.stance_world_map(frame))
    assert list(trace.customdata) == ["DEU"]
    assert list(trace.marker.color) == [-0.2]


def test_worldmap_missing_optional_columns_and_nan_scores():
    frame = pd.DataFrame({"iso3": ["CHN", "IND"], "score": [0.2, float("nan")]})
    trace = _scored(worldmap.stance_world_map(frame))
    assert list(trace.customdata) == ["CHN"]
    assert trace.hovertext[0] == "<b>CHN</b> (CHN): score +0.20"


def test_worldmap_escapes_labels():
    frame = _frame([("IRN", -0.5, "<script>x</script>", 1)])
    trace = _scored(worldmap.stance_world_map(frame))
    assert "<script>" not in trace.hovertext[0]
    assert "&lt;script&gt;" in trace.hovertext[0]


@pytest.mark.parametrize(
    "frame",
    [
        pd.DataFrame(),
        pd.DataFrame(columns=["iso3", "score", "label", "events"]),
        _frame([("ZZZ", 0.5, "Nowhere", 1)]),
    ],
    ids=["no-columns", "no-rows", "only-unknown"],
)
def test_worldmap_empty_frame_gives_background_and_annotation(frame):
    fig = worldmap.stance_world_map(frame)
    assert [t.name for t in fig.data] == ["countries"]
    assert [a.text for a in fig.layout.annotations] == ["No state holds a stance here"]


def test_worldmap_axes_hidden_and_proportional():
    fig = worldmap.stance_world_map(_frame([("USA", 0.5, "United States", 1)]))
    layout = fig.layout
    assert layout.yaxis.scaleanchor == "x"
    assert not layout.xaxis.showgrid and not layout.yaxis.showgrid
    assert not layout.xaxis.showticklabels and not layout.yaxis.showticklabels
    assert tuple(layout.xaxis.range) == (-180, 180)
    assert tuple(layout.yaxis.range) == (-60, 85)
    assert 350 <= layout.height <= 500


@pytest.mark.parametrize(
    "frame",
    [_frame([("USA", 0.35, "United States", 3)]), pd.DataFrame()],
    ids=["scored", "empty"],
)
def test_worldmap_uses_no_geo_subplot(frame):
    fig = worldmap.stance_world_map(frame)
    spec = fig.to_dict()
    assert "geo" not in spec["layout"]
    assert {t["type"] for t in spec["data"]} == {"scatter"}
    text = fig.to_json()
    for word in ("geo", "choropleth", "topojson"):
        assert word not in text, word
    json.loads(text)
