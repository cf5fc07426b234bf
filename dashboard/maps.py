"""Pure map builders: tables in, a pydeck Deck out (country shapes under cities, no Mapbox token needed)."""

from __future__ import annotations

import copy
import functools
import json
import math
from pathlib import Path

import numpy as np
import pandas as pd
import pydeck as pdk

from dashboard import palette
from dashboard.fmt import counted, figure_text

COUNTRIES_GEOJSON = Path(__file__).resolve().parent / "assets" / "countries.geojson"
CITY_KINDS = ("city", "district")
TILE_PX = 512  # deck.gl's world is 512 px wide at zoom 0
VIEW_W, VIEW_H = 760, 480  # the smallest map we draw on a laptop; a phone zooms out by itself
MAX_ZOOM = 9.0
TOOLTIP = {
    "html": "<b>{tip_name}</b><br/>{tip_roles}<br/>{tip_summary}",
    "style": {"backgroundColor": "#ffffff", "color": "#000000", "fontSize": "13px", "maxWidth": "320px"},
}
POINT_COLUMNS = ["name", "lat", "lon", "country_iso3", "mentions", "n_figures", "weight", "role", "roles", "summary"]


@functools.cache
def _countries_text() -> str:
    return COUNTRIES_GEOJSON.read_text(encoding="utf-8")


def countries_geojson() -> dict:
    """Natural Earth country shapes (see assets/README.md); a fresh copy the caller may change."""
    return json.loads(_countries_text())


def _key(name: str) -> str:
    return str(name).strip().casefold()


def _keys(names: pd.Series) -> pd.Series:
    return names.astype(str).str.strip().str.casefold()


def city_points(
    places: pd.DataFrame,
    metrics: pd.DataFrame,
    events: pd.DataFrame,
    learning_cities: pd.DataFrame,
) -> pd.DataFrame:
    """One row per geocoded city: how much the corpus says about it (mentions + figures) and its roles."""
    cities = places[places["kind"].isin(CITY_KINDS)].dropna(subset=["lat", "lon"])
    # Whole columns at once, not row by row: the corpus may name a city tens of thousands of times.
    grouped = (
        cities.assign(_key=_keys(cities["name"]), mentions=cities["mentions"].fillna(0).astype(float))
        .groupby("_key", sort=False)
        .agg(
            name=("name", "first"),
            lat=("lat", "first"),
            lon=("lon", "first"),
            country_iso3=("country_iso3", "first"),
            mentions=("mentions", "sum"),
        )
    )
    rows: dict[str, dict] = {str(k): dict(v) for k, v in grouped.to_dict("index").items()}
    # A learning city the places table missed is still a city the corpus talks about.
    for r in learning_cities.dropna(subset=["lat", "lon"]).itertuples(index=False):
        rows.setdefault(
            _key(r.city), {"name": r.city, "lat": r.lat, "lon": r.lon, "country_iso3": r.country_iso3, "mentions": 1.0}
        )
    if not rows:
        return pd.DataFrame(columns=POINT_COLUMNS)
    hosts = {_key(c) for c in events["city"] if c}
    learning: dict[str, list[str]] = {}
    for c, rec in zip(learning_cities["city"], learning_cities["recognition"], strict=True):
        learning.setdefault(_key(c), [])
        if rec and rec not in learning[_key(c)]:
            learning[_key(c)].append(rec)
    about = _keys(metrics["place"]).where(metrics["place"] != "", _keys(metrics["subject"]))
    # One pass over the figures, not one per city: the corpus may hold a hundred thousand of them.
    relevant = metrics[about.isin(rows.keys())].assign(_about=about).sort_values("value", ascending=False)
    by_city = dict(iter(relevant.groupby("_about", sort=False)))
    none = metrics.iloc[0:0]
    for key, row in rows.items():
        mine = by_city.get(key, none)
        row["n_figures"] = len(mine)
        row["weight"] = row["mentions"] + len(mine)
        roles = []
        if key in hosts:
            roles.append("host city")
        if key in learning:
            roles.append("learning city")
        row["role"] = roles[0] if roles else "other"
        detail = ["host of an event"] if key in hosts else []
        detail += learning.get(key, [])
        row["roles"] = "; ".join(detail) or "mentioned"
        shown = [
            figure_text(v, b, u, c)
            for v, b, u, c in mine[["value", "bound", "unit", "category"]].head(3).itertuples(index=False)
        ]
        summary = f"{counted(int(row['mentions']), 'mention', 'mentions')}, {counted(len(mine), 'figure', 'figures')}"
        if shown:
            summary += ": " + "; ".join(shown)
        row["summary"] = summary
    frame = pd.DataFrame(list(rows.values()), columns=POINT_COLUMNS)
    return frame.sort_values(["weight", "name"], ascending=[False, True], ignore_index=True)


def _styled(points: pd.DataFrame) -> list[dict]:
    weight = points["weight"].astype(float).clip(lower=1)
    radius = 5 + 5 * np.sqrt(weight / weight.max()) * 4 if len(points) else weight
    out = []
    for (_, p), r in zip(points.iterrows(), radius, strict=True):
        record = {k: (v.item() if isinstance(v, np.generic) else v) for k, v in p.items()}
        record["radius"] = round(float(r), 1)
        # deck.gl puts the tooltip into innerHTML, and names and units come from article text; Streamlit escapes each
        # value it fills into an "html" tooltip, so they go in as written (escaped here too, a visitor read
        # "N&#x27;Djamena"; tests/e2e/test_dashboard.py hovers a dot to check).
        for field in ("name", "roles", "summary"):
            record[f"tip_{field}"] = str(record[field])
        record["color"] = palette.rgb(palette.ROLE_COLORS.get(p["role"], palette.BLUE), 220)
        out.append(record)
    return out


def country_mentions(places: pd.DataFrame) -> dict[str, int]:
    """How often each country is named, itself or through its places (ISO3 -> mentions)."""
    rows = places[places["country_iso3"] != ""]
    return {k: int(v) for k, v in rows.groupby("country_iso3")["mentions"].sum().items()}


def shaded_countries(mentions: dict[str, int], shapes: dict | None = None) -> dict:
    """The country shapes with a fill per feature: mentioned countries in sky blue (darker = more), others grey.

    Even the most named country stays a light tint, so the city dots on top of it keep their contrast.
    """
    shapes = copy.deepcopy(shapes) if shapes is not None else countries_geojson()
    top = max(mentions.values(), default=1)
    for feature in shapes["features"]:
        props = feature["properties"]
        n = mentions.get(props.get("iso_a3", ""), 0)
        props["mentions"] = n
        props["fill"] = (
            palette.rgb(palette.SKY_BLUE, int(40 + 120 * math.sqrt(n / top))) if n else palette.rgb("#DDDDDD", 255)
        )
    return shapes


def _merc_y(lat: float) -> float:
    lat = max(min(lat, 85.0), -85.0)
    return math.log(math.tan(math.pi / 4 + math.radians(lat) / 2)) / (2 * math.pi)


def _inv_merc_y(y: float) -> float:
    return math.degrees(2 * math.atan(math.exp(y * 2 * math.pi)) - math.pi / 2)


def fit_view(lats, lons, width: int = VIEW_W, height: int = VIEW_H, padding: float = 1.8) -> pdk.ViewState:
    """A view centred on the points and zoomed so they all fit in ``width`` x ``height`` pixels with a margin."""
    lats = [float(x) for x in lats if pd.notna(x)]
    lons = [float(x) for x in lons if pd.notna(x)]
    if not lats:
        return pdk.ViewState(latitude=20.0, longitude=10.0, zoom=0.6)
    ys = [_merc_y(v) for v in lats]
    lon_span = max(lons) - min(lons)
    y_span = max(ys) - min(ys)
    zooms = [MAX_ZOOM]
    if lon_span > 0:
        zooms.append(math.log2(360 * width / (TILE_PX * lon_span * padding)))
    if y_span > 0:
        zooms.append(math.log2(height / (TILE_PX * y_span * padding)))
    zoom = max(0.0, min(zooms)) if len(zooms) > 1 else 4.0
    return pdk.ViewState(
        latitude=round(_inv_merc_y((max(ys) + min(ys)) / 2), 4),
        longitude=round((max(lons) + min(lons)) / 2, 4),
        zoom=round(zoom, 2),
        pitch=0,
        bearing=0,
    )


def view_bounds(view: pdk.ViewState, width: int = VIEW_W, height: int = VIEW_H) -> tuple[float, float, float, float]:
    """(west, east, south, north) seen by ``view`` in a ``width`` x ``height`` map."""
    world = TILE_PX * 2**view.zoom
    half_lon = 360 * width / world / 2
    cy = _merc_y(view.latitude)
    half_y = height / world / 2
    return (
        view.longitude - half_lon,
        view.longitude + half_lon,
        _inv_merc_y(cy - half_y),
        _inv_merc_y(cy + half_y),
    )


def build_deck(points: pd.DataFrame, mentions: dict[str, int] | None = None, shapes: dict | None = None) -> pdk.Deck:
    """Countries (shaded by mentions) under the cities (sized by weight, coloured by role), fitted to the cities."""
    layers = [
        pdk.Layer(
            "GeoJsonLayer",
            data=shaded_countries(mentions or {}, shapes),
            id="countries",
            filled=True,
            stroked=True,
            get_fill_color="properties.fill",
            get_line_color=[255, 255, 255, 255],
            line_width_min_pixels=0.6,
            pickable=False,
        ),
        pdk.Layer(
            "ScatterplotLayer",
            data=_styled(points),
            id="cities",
            get_position=["lon", "lat"],
            get_radius="radius",
            radius_units="'pixels'",  # a bare string would become a deck.gl expression (@@=pixels)
            get_fill_color="color",
            get_line_color=[255, 255, 255, 255],
            line_width_min_pixels=1,
            stroked=True,
            pickable=True,
            auto_highlight=True,
        ),
    ]
    return pdk.Deck(
        layers=layers,
        initial_view_state=fit_view(points["lat"], points["lon"]),
        # No base map: its style and tiles come from a third-party host on every visit, and the bundled country
        # layer (Natural Earth) already shows land.
        map_provider=None,
        tooltip=TOOLTIP,
    )
