"""Map builders: cities sized and coloured by what the corpus says, countries shaded, a view that fits every city."""

from __future__ import annotations

import json

import pandas as pd
import pytest

from dashboard import maps, palette
from dashboard.data import typed
from tests.dashboard.conftest import sample_tables
from tools.make_countries_geojson import _round_ring


def tables() -> dict[str, pd.DataFrame]:
    return {n: typed(n, f.astype(str).replace({"nan": "", "None": ""})) for n, f in sample_tables().items()}


def test_cities_weigh_mentions_plus_figures_and_carry_their_roles():
    t = tables()
    points = maps.city_points(t["places"], t["metrics"], t["events"], t["learning_cities"]).set_index("name")
    assert set(points.index) == {"Lisbon", "Nairobi"}  # the country and the region are not dots
    assert points.at["Lisbon", "n_figures"] == 2 and points.at["Lisbon", "weight"] == 4
    assert points.at["Nairobi", "role"] == "host city"
    assert "learning city" in points.at["Nairobi", "roles"]


def test_deck_has_countries_under_cities_and_no_third_party_base_map():
    t = tables()
    points = maps.city_points(t["places"], t["metrics"], t["events"], t["learning_cities"])
    deck = maps.build_deck(points, maps.country_mentions(t["places"]))
    assert [layer.id for layer in deck.layers] == ["countries", "cities"]
    spec = json.loads(deck.to_json())
    assert not spec.get("mapProvider") and "mapboxKey" not in spec  # no base map (its style is a sentinel)
    shaded = {f["properties"]["iso_a3"]: f["properties"] for f in deck.layers[0].data["features"]}
    assert shaded["PRT"]["mentions"] == 3 and shaded["PRT"]["fill"][:3] == palette.rgb(palette.SKY_BLUE)[:3]
    assert shaded["FRA"]["mentions"] == 0
    colors = {c["name"]: c["color"][:3] for c in deck.layers[1].data}
    assert colors["Nairobi"] == palette.rgb(palette.ROLE_COLORS["host city"])[:3]


@pytest.mark.parametrize(
    "coords",
    [
        [(38.72, -9.14), (-1.29, 36.82)],
        [(39.9, 116.4), (31.2, 121.5), (22.3, 114.2)],
        [(64.1, -21.9), (-33.9, 151.2), (-34.6, -58.4)],
        [(51.5, -0.1)],
    ],
)
def test_initial_view_contains_every_point(coords):
    lats, lons = zip(*coords, strict=True)
    view = maps.fit_view(lats, lons)
    west, east, south, north = maps.view_bounds(view)
    for lat, lon in coords:
        assert west < lon < east and south < lat < north
    assert 0 <= view.zoom <= maps.MAX_ZOOM


def test_a_close_cluster_is_zoomed_in_further_than_a_world_spread():
    near = maps.fit_view([39.9, 39.0], [116.4, 117.2])
    world = maps.fit_view([64.1, -33.9], [-21.9, 151.2])
    assert near.zoom > world.zoom + 3


def test_tooltip_fields_go_in_as_written_for_streamlit_to_escape_once():
    t = tables()
    places = t["places"].copy()
    places.loc[0, "name"] = "<img src=x onerror=alert(1)> N'Djamena & Co"
    points = maps.city_points(places, t["metrics"].iloc[0:0], t["events"].iloc[0:0], t["learning_cities"].iloc[0:0])
    records = maps.build_deck(points).layers[1].data
    tip = next(r["tip_name"] for r in records if "img" in r["name"])
    assert tip == "<img src=x onerror=alert(1)> N'Djamena & Co"  # Streamlit escapes what it fills into "html"
    assert "{tip_name}" in maps.TOOLTIP["html"] and "text" not in maps.TOOLTIP


def test_no_places_gives_an_empty_frame_and_a_world_view():
    t = tables()
    empty = t["places"].iloc[0:0]
    points = maps.city_points(empty, t["metrics"], t["events"].iloc[0:0], t["learning_cities"].iloc[0:0])
    assert points.empty
    deck = maps.build_deck(points)
    assert deck.initial_view_state.zoom < 2


def test_country_shapes_asset_is_small_and_keeps_name_and_iso3():
    assert maps.COUNTRIES_GEOJSON.stat().st_size < 1_000_000
    shapes = maps.countries_geojson()
    assert len(shapes["features"]) > 150
    props = {f["properties"]["name"]: f["properties"]["iso_a3"] for f in shapes["features"]}
    assert props["France"] == "FRA" and props["China"] == "CHN"  # Natural Earth's -99 codes were repaired


def test_geojson_tool_rounds_coordinates_and_keeps_rings_closed():
    ring = _round_ring([(1.234, 5.678), (1.2341, 5.6779), (2.0, 5.0), (2.0, 6.0)], 2)
    assert ring == [[1.23, 5.68], [2.0, 5.0], [2.0, 6.0], [1.23, 5.68]]
