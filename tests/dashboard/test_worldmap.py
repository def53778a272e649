"""The world map: shipped country shapes, positions for the small states, nothing fetched."""

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


def _names(fig) -> list[str]:
    return [t.name for t in fig.data]


def test_worldmap_shapes_are_keyed_by_iso3_and_small():
    shapes = worldmap.load_shapes()
    codes = [f["id"] for f in shapes["features"]]
    assert len(codes) == len(set(codes)) >= 170
    assert {"USA", "FRA", "NOR", "XKX", "VEN", "IRN", "RUS", "BRA", "AUS"} <= set(codes)
    assert all(len(c) == 3 and c.isupper() for c in codes)
    assert worldmap.SHAPES_FILE.endswith(".geojson")
    size = (Path(worldmap.__file__).with_name(worldmap.SHAPES_FILE)).stat().st_size
    assert size < 1_000_000


@pytest.mark.parametrize(
    ("code", "lon", "lat"),
    [("USA", -100, 40), ("RUS", 90, 60), ("AUS", 135, -25), ("BRA", -50, -10),
     ("FRA", 2, 47), ("JPN", 139, 36), ("ZAF", 25, -30), ("VEN", -66, 7)],
)
def test_worldmap_shapes_lie_where_the_country_is(code, lon, lat):
    feature = next(f for f in worldmap.load_shapes()["features"] if f["id"] == code)
    geometry = feature["geometry"]
    polygons = [geometry["coordinates"]] if geometry["type"] == "Polygon" \
        else geometry["coordinates"]
    points = [p for polygon in polygons for ring in polygon for p in ring]
    lons, lats = [p[0] for p in points], [p[1] for p in points]
    assert min(lons) <= lon <= max(lons) and min(lats) <= lat <= max(lats), code


def test_worldmap_load_shapes_returns_a_fresh_copy():
    worldmap.load_shapes()["features"].clear()
    assert worldmap.load_shapes()["features"]


def test_worldmap_scored_countries_are_coloured_by_score():
    frame = _frame([("USA", 0.35, "United States", 3), ("RUS", -0.8, "Russia", 1),
                    ("FRA", 0.0, "France", 2)])
    fig = worldmap.stance_world_map(frame, title="Stance")
    trace = _scored(fig)
    assert trace.type == "choropleth"
    assert list(trace.z) == [0.35, -0.8, 0.0]
    assert (trace.zmin, trace.zmax) == (-1, 1)
    assert list(trace.locations) == ["USA", "RUS", "FRA"] == list(trace.customdata)
    assert (trace.featureidkey, trace.locationmode) == ("id", "geojson-id")
    assert sorted(f["id"] for f in trace.geojson["features"]) == ["FRA", "RUS", "USA"]
    assert trace.hovertext[0] == "<b>United States</b> (USA): score +0.35 (3 events)"
    assert trace.hovertext[1] == "<b>Russia</b> (RUS): score -0.80 (1 event)"
    assert list(trace.colorbar.tickvals) == [-1, 0, 1]
    assert trace.colorbar.title.text == "stance"
    assert fig.layout.title.text == "Stance"


def test_worldmap_scale_runs_red_to_blue():
    fig = worldmap.stance_world_map(_frame([("USA", 0.5, "United States", 1)]))
    scale = _scored(fig).colorscale
    low, high = scale[0][1], scale[-1][1]
    assert int(low[1:3], 16) > int(low[5:7], 16)  # red end at -1 (oppose)
    assert int(high[5:7], 16) > int(high[1:3], 16)  # blue end at +1 (support)


def test_worldmap_background_is_every_shape_named_on_hover():
    fig = worldmap.stance_world_map(_frame([("USA", 0.5, "United States", 1)]))
    background = fig.data[1]
    assert background.name == "countries" and background.type == "choropleth"
    assert len(background.locations) == len(worldmap.shape_codes())
    names = dict(zip(background.locations, background.hovertext, strict=True))
    assert names["VEN"] == "Venezuela"
    assert names["DEU"] == "Germany"
    assert not background.showscale


def test_worldmap_small_states_are_dots_at_their_centre():
    frame = _frame([("SGP", -0.4, "Singapore", 2), ("DEU", 0.3, "Germany", 1)])
    fig = worldmap.stance_world_map(frame)
    assert "SGP" not in worldmap.shape_codes()
    dots = next(t for t in fig.data if t.name == "stance (small states)")
    lat, lon = worldmap.load_positions()["SGP"]
    assert (list(dots.lat), list(dots.lon)) == ([lat], [lon])
    assert list(dots.customdata) == ["SGP"]
    assert list(dots.marker.color) == [-0.4]
    assert list(_scored(fig).locations) == ["DEU"]


def test_worldmap_target_is_outlined_and_starred():
    fig = worldmap.stance_world_map(_frame([("USA", 0.5, "United States", 1)]),
                                    target="ven", target_label="Venezuela")
    outline = next(t for t in fig.data if t.name == "target")
    assert list(outline.locations) == ["VEN"]
    assert outline.marker.line.width >= 2
    star = next(t for t in fig.data if t.name == "target (marker)")
    assert star.marker.symbol == "star"
    assert star.hovertext[0] == "target: Venezuela"
    plain = worldmap.stance_world_map(_frame([("USA", 0.5, "United States", 1)]))
    assert not {"target", "target (marker)"} & set(_names(plain))


@pytest.mark.parametrize("unknown", ["ZZZ", "", None, "atlantis"])
def test_worldmap_unknown_codes_are_skipped(unknown):
    frame = _frame([(unknown, 0.9, "Nowhere", 1), ("deu", -0.2, "Germany", 4)])
    trace = _scored(worldmap.stance_world_map(frame))
    assert list(trace.customdata) == ["DEU"]
    assert list(trace.z) == [-0.2]


def test_worldmap_missing_optional_columns_and_nan_scores():
    frame = pd.DataFrame({"iso3": ["CHN", "IND"], "score": [0.2, float("nan")]})
    trace = _scored(worldmap.stance_world_map(frame))
    assert list(trace.customdata) == ["CHN"]
    assert trace.hovertext[0] == "<b>CHN</b> (CHN): score +0.20"


def test_worldmap_escapes_labels():
    frame = _frame([("IRN", -0.5, "<script>x</script>", 1)])
    fig = worldmap.stance_world_map(frame, target="IRN", target_label="<b onclick=x>")
    assert "<script>" not in _scored(fig).hovertext[0]
    assert "&lt;script&gt;" in _scored(fig).hovertext[0]
    assert "<b onclick" not in fig.to_json()


@pytest.mark.parametrize(
    "frame",
    [
        pd.DataFrame(),
        pd.DataFrame(columns=["iso3", "score", "label", "events"]),
        _frame([("ZZZ", 0.5, "Nowhere", 1)]),
    ],
    ids=["no-columns", "no-rows", "only-unknown"],
)
def test_worldmap_empty_frame_gives_countries_and_annotation(frame):
    fig = worldmap.stance_world_map(frame)
    assert _names(fig) == [worldmap.ANCHOR, "countries"]
    assert [a.text for a in fig.layout.annotations] == ["No state holds a stance here"]


@pytest.mark.parametrize(
    "frame",
    [_frame([("USA", 0.35, "United States", 3), ("SGP", 0.1, "Singapore", 1)]),
     pd.DataFrame()],
    ids=["scored", "empty"],
)
def test_worldmap_needs_nothing_from_a_cdn(frame):
    fig = worldmap.stance_world_map(frame, target="VEN")
    spec = json.loads(fig.to_json())
    # plotly.js fetches topojson when a base layer is on or when the first trace has a
    # locationmode; the shapes must all come inline, as GeoJSON objects, not URLs.
    geo = spec["layout"]["geo"]
    assert geo["visible"] is False
    assert not any(geo.get(layer) for layer in worldmap.BASE_LAYERS)
    first = spec["data"][0]
    assert first["type"] == "scattergeo" and "locationmode" not in first
    for trace in spec["data"]:
        if trace["type"] == "choropleth":
            assert trace["locationmode"] == "geojson-id"
            assert isinstance(trace["geojson"], dict)
    assert "http" not in fig.to_json()
