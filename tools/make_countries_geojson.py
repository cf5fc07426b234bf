"""Write dashboard/assets/countries.geojson from Natural Earth's low-resolution countries (geopandas 0.14 wheel)."""

from __future__ import annotations

import argparse
import io
import json
import sys
import zipfile
from pathlib import Path

import shapefile  # pyshp: reads shapefiles in pure Python

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_WHEEL = Path("/tmp/gpd/geopandas-0.14.4-py3-none-any.whl")
DEFAULT_OUT = ROOT / "dashboard" / "assets" / "countries.geojson"
MEMBER = "geopandas/datasets/naturalearth_lowres/naturalearth_lowres"
DECIMALS = 2  # ~1 km at the equator: plenty for a world map, and keeps the file small


def _round_ring(ring: list, decimals: int) -> list[list[float]]:
    out: list[list[float]] = []
    for x, y in ring:
        point = [round(float(x), decimals), round(float(y), decimals)]
        if not out or out[-1] != point:  # rounding collapses neighbours; drop the repeats
            out.append(point)
    if out and out[0] != out[-1]:
        out.append(out[0])
    return out


def _simplify(geometry: dict, decimals: int) -> dict | None:
    if geometry["type"] == "Polygon":
        polygons = [geometry["coordinates"]]
    elif geometry["type"] == "MultiPolygon":
        polygons = geometry["coordinates"]
    else:
        return None
    kept = []
    for polygon in polygons:
        rings = [_round_ring(ring, decimals) for ring in polygon]
        rings = [r for r in rings if len(r) >= 4]  # a ring needs three distinct corners
        if rings:
            kept.append(rings)
    if not kept:
        return None
    if len(kept) == 1:
        return {"type": "Polygon", "coordinates": kept[0]}
    return {"type": "MultiPolygon", "coordinates": kept}


def _iso3(name: str, iso_a3: str) -> str:
    # Natural Earth marks a few countries (France, Norway, ...) with -99; recover them by name.
    if iso_a3 and iso_a3 != "-99":
        return iso_a3
    try:
        import pycountry

        return pycountry.countries.lookup(name).alpha_3
    except (ImportError, LookupError):
        return ""


def countries_geojson(wheel: Path, decimals: int = DECIMALS) -> dict:
    """The country shapes of the wheel as a GeoJSON FeatureCollection with ``name`` and ``iso_a3``."""
    with zipfile.ZipFile(wheel) as zf:
        parts = {ext: io.BytesIO(zf.read(f"{MEMBER}.{ext}")) for ext in ("shp", "shx", "dbf")}
        # The .cpg names the dbf's code page (this release says ISO-8859-1, not UTF-8).
        encoding = zf.read(f"{MEMBER}.cpg").decode("ascii").strip() or "utf-8"
    reader = shapefile.Reader(shp=parts["shp"], shx=parts["shx"], dbf=parts["dbf"], encoding=encoding)
    features = []
    for shape_record in reader.iterShapeRecords():
        record = shape_record.record.as_dict()
        geometry = _simplify(shape_record.shape.__geo_interface__, decimals)
        if geometry is None:
            continue
        name = str(record.get("name", ""))
        features.append(
            {
                "type": "Feature",
                "properties": {"name": name, "iso_a3": _iso3(name, str(record.get("iso_a3", "")))},
                "geometry": geometry,
            }
        )
    features.sort(key=lambda f: f["properties"]["name"])
    return {"type": "FeatureCollection", "features": features}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--wheel", type=Path, default=DEFAULT_WHEEL, help="path to geopandas-0.14.x-py3-none-any.whl")
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT)
    ap.add_argument("--decimals", type=int, default=DECIMALS)
    args = ap.parse_args(argv)
    if not args.wheel.exists():
        print(f"error: {args.wheel} not found (pip download geopandas==0.14.4 --no-deps)", file=sys.stderr)
        return 2
    data = countries_geojson(args.wheel, args.decimals)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    payload = json.dumps(data, separators=(",", ":"), ensure_ascii=False).encode("utf-8")
    tmp = args.out.with_suffix(".tmp")
    tmp.write_bytes(payload)
    tmp.replace(args.out)
    print(f"{args.out}: {len(data['features'])} countries, {len(payload):,} bytes")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
