"""Convert Natural Earth's 1:110m admin-0 countries into the dashboard's compact GeoJSON.

    python docs/make_world_map.py SHAPEFILE [--out dashboard/world_110m.geojson]

Run once, at build time; the dashboard only reads the result. ``SHAPEFILE`` is the ``.shp``
of Natural Earth's public-domain ``ne_110m_admin_0_countries`` (its ``.dbf`` beside it),
for example ``naturalearth_lowres.shp`` as shipped inside the ``geopandas<1.0`` wheel::

    pip download "geopandas<1.0" --no-deps -d /tmp/ne
    cd /tmp/ne && unzip -q geopandas-*.whl && cd -
    python docs/make_world_map.py \
        /tmp/ne/geopandas/datasets/naturalearth_lowres/naturalearth_lowres.shp

The shapefile is read here with ``struct`` (polygons and the attribute table are all this
needs), so the conversion has no dependency. Rings are thinned with Douglas-Peucker at
``--tolerance`` degrees and rounded to two decimals; each feature's ``id`` is its ISO-3
code (Natural Earth's ``-99`` is repaired for Kosovo as the project's ``XKX``; other
entries without a code are dropped).
"""

from __future__ import annotations

import argparse
import json
import struct
import sys
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
#: Natural Earth entries whose ISO code is ``-99``, by name, and the code the project uses.
CODE_FIXES = {"Kosovo": "XKX", "France": "FRA", "Norway": "NOR"}
_POLYGON = 5

Point = tuple[float, float]


def read_polygons(shp: Path) -> Iterator[list[list[Point]]]:
    """Yield each record's rings (lists of (lon, lat)) from a polygon shapefile."""
    data = shp.read_bytes()
    pos = 100  # the file header
    while pos < len(data):
        _number, words = struct.unpack(">ii", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + 2 * words]
        pos += 8 + 2 * words
        (kind,) = struct.unpack("<i", body[:4])
        if kind != _POLYGON:
            yield []
            continue
        parts, count = struct.unpack("<ii", body[36:44])
        starts = list(struct.unpack(f"<{parts}i", body[44:44 + 4 * parts])) + [count]
        base = 44 + 4 * parts
        coords = struct.unpack(f"<{2 * count}d", body[base:base + 16 * count])
        points = list(zip(coords[0::2], coords[1::2], strict=True))
        yield [points[starts[i]:starts[i + 1]] for i in range(parts)]


def read_records(dbf: Path) -> list[dict[str, str]]:
    """The attribute table of a dBASE III file, every value as stripped text."""
    data = dbf.read_bytes()
    count, header, size = struct.unpack("<IHH", data[4:12])
    fields = []
    pos = 32
    while data[pos] != 0x0D:
        name = data[pos:pos + 11].split(b"\0", 1)[0].decode("ascii")
        fields.append((name, data[pos + 16]))
        pos += 32
    records = []
    for i in range(count):
        row = data[header + i * size:header + (i + 1) * size]
        offset = 1  # the deletion flag
        record = {}
        for name, width in fields:
            record[name] = row[offset:offset + width].decode("utf-8", "replace").strip()
            offset += width
        records.append(record)
    return records


def _distance(p: Point, a: Point, b: Point) -> float:
    (x, y), (x1, y1), (x2, y2) = p, a, b
    dx, dy = x2 - x1, y2 - y1
    if dx == dy == 0:
        return ((x - x1) ** 2 + (y - y1) ** 2) ** 0.5
    t = max(0.0, min(1.0, ((x - x1) * dx + (y - y1) * dy) / (dx * dx + dy * dy)))
    return ((x - x1 - t * dx) ** 2 + (y - y1 - t * dy) ** 2) ** 0.5


def simplify(ring: list[Point], tolerance: float) -> list[Point]:
    """Douglas-Peucker on a closed ring; the first and last point are kept."""
    if len(ring) < 5:
        return ring
    keep = [False] * len(ring)
    keep[0] = keep[-1] = True
    stack = [(0, len(ring) - 1)]
    while stack:
        first, last = stack.pop()
        best, index = 0.0, None
        for i in range(first + 1, last):
            d = _distance(ring[i], ring[first], ring[last])
            if d > best:
                best, index = d, i
        if index is not None and best > tolerance:
            keep[index] = True
            stack += [(first, index), (index, last)]
    return [p for p, k in zip(ring, keep, strict=True) if k]


def _area(ring: list[Point]) -> float:
    return sum(x1 * y2 - x2 * y1 for (x1, y1), (x2, y2) in zip(ring, ring[1:], strict=False))


def geometry(rings: list[list[Point]], tolerance: float) -> dict:
    """GeoJSON (Multi)Polygon of shapefile rings: clockwise outer rings, holes after them.

    The shapefile's winding is kept (outer rings clockwise), which is what d3-geo, and so
    plotly.js, takes for "the inside".
    """
    polygons: list[list[list[list[float]]]] = []
    for ring in rings:
        thin = [[round(x, 2), round(y, 2)] for x, y in simplify(ring, tolerance)]
        thin = [p for i, p in enumerate(thin) if i == 0 or p != thin[i - 1]]
        if len(thin) < 4:
            continue
        if _area([tuple(p) for p in thin]) < 0 or not polygons:  # clockwise: an outer ring
            polygons.append([thin])
        else:
            polygons[-1].append(thin)
    if len(polygons) == 1:
        return {"type": "Polygon", "coordinates": polygons[0]}
    return {"type": "MultiPolygon", "coordinates": polygons}


def convert(shp: Path, tolerance: float) -> dict:
    """The FeatureCollection: one feature per ISO-3 code, ``properties.name`` in English."""
    records = read_records(shp.with_suffix(".dbf"))
    features = []
    for record, rings in zip(records, read_polygons(shp), strict=True):
        lower = {k.lower(): v for k, v in record.items()}
        code = lower.get("iso_a3", "")
        code = CODE_FIXES.get(lower.get("name", ""), code) if code in ("", "-99") else code
        if len(code) != 3 or not code.isalpha() or not rings:
            continue
        features.append({"type": "Feature", "id": code.upper(),
                         "properties": {"name": lower.get("name", "")},
                         "geometry": geometry(rings, tolerance)})
    features.sort(key=lambda f: f["id"])
    return {"type": "FeatureCollection",
            "source": "Natural Earth 1:110m admin-0 countries (public domain), simplified",
            "features": features}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("shapefile", type=Path)
    parser.add_argument("--out", type=Path, default=ROOT / "dashboard" / "world_110m.geojson")
    parser.add_argument("--tolerance", type=float, default=0.05,
                        help="Douglas-Peucker tolerance in degrees")
    args = parser.parse_args()
    collection = convert(args.shapefile, args.tolerance)
    text = json.dumps(collection, separators=(",", ":"), ensure_ascii=False)
    args.out.write_text(text + "\n", encoding="utf-8")
    print(f"{len(collection['features'])} countries, {len(text):,} bytes -> {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
