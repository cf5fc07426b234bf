"""Map builders: cities sized and coloured by what the corpus says, countries shaded, a view that fits every city."""

from __future__ import annotations

import itertools
import json

import pandas as pd
import pytest

from dashboard import cities, maps, palette
from dashboard.data import typed
from dashboard.filters import Filters
from tests.dashboard.conftest import sample_tables
from tools.make_countries_geojson import _round_ring


def tables() -> dict[str, pd.DataFrame]:
    return {n: typed(n, f.astype(str).replace({"nan": "", "None": ""})) for n, f in sample_tables().items()}


def test_cities_weigh_mentions_plus_figures_and_carry_their_roles():
    t = tables()
    points = cities.city_points(t["places"], t["metrics"], t["events"], t["learning_cities"]).set_index("name")
    assert set(points.index) == {"Lisbon", "Nairobi"}  # the country and the region are not dots
    assert points.at["Lisbon", "n_figures"] == 2 and points.at["Lisbon", "weight"] == 4
    assert points.at["Nairobi", "role"] == "host city"
    assert "learning city" in points.at["Nairobi", "roles"]


def test_deck_has_countries_under_cities_and_no_third_party_base_map():
    t = tables()
    points = cities.city_points(t["places"], t["metrics"], t["events"], t["learning_cities"])
    deck = maps.build_deck(points, cities.country_mentions(t["places"]))
    assert [layer.id for layer in deck.layers] == ["sea", "countries", "cities", "selected", "labels"]
    spec = json.loads(deck.to_json())
    assert not spec.get("mapProvider") and "mapboxKey" not in spec  # no base map (its style is a sentinel)
    shaded = {f["properties"]["iso_a3"]: f["properties"] for f in deck.layers[1].data["features"]}
    assert shaded["PRT"]["mentions"] == 3 and shaded["PRT"]["fill"][:3] == palette.rgb(palette.LAND_SCALE[-1])[:3]
    assert shaded["FRA"]["mentions"] == 0 and shaded["FRA"]["fill"][:3] == palette.rgb(palette.LAND)[:3]
    colors = {c["name"]: c["color"][:3] for c in deck.layers[2].data}
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
    points = cities.city_points(places, t["metrics"].iloc[0:0], t["events"].iloc[0:0], t["learning_cities"].iloc[0:0])
    records = maps.build_deck(points).layers[2].data
    tip = next(r["tip_name"] for r in records if "img" in r["name"])
    assert tip == "<img src=x onerror=alert(1)> N'Djamena & Co"  # Streamlit escapes what it fills into "html"
    assert "{tip_name}" in maps.TOOLTIP["html"] and "text" not in maps.TOOLTIP


def test_no_places_gives_an_empty_frame_and_a_world_view():
    t = tables()
    empty = t["places"].iloc[0:0]
    points = cities.city_points(empty, t["metrics"], t["events"].iloc[0:0], t["learning_cities"].iloc[0:0])
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


def shanghai() -> tuple[pd.DataFrame, dict[str, pd.DataFrame]]:
    """Shanghai (28 mentions) with three of its districts around it, as in the corpus of issue 18."""
    t = tables()
    rows = [
        ("Shanghai", "city", 31.2222, 121.4581, 28),
        ("Changning District", "district", 31.2174, 121.4210, 5),
        ("Minhang District", "district", 31.1088, 121.3747, 6),
        ("Baoshan District", "district", 31.4084, 121.4896, 6),
        ("Beijing", "city", 39.9075, 116.3972, 1),
        ("Nanjing", "city", 32.0617, 118.7778, 3),
    ]
    extra = pd.DataFrame(
        [
            {"article_id": "c_sh", "name": n, "kind": k, "country_iso3": "CHN", "lat": la, "lon": lo, "mentions": m}
            for n, k, la, lo, m in rows
        ]
    )
    places = pd.concat([t["places"], typed("places", extra.astype(str))], ignore_index=True)
    t["places"] = places
    return cities.city_points(places, t["metrics"], t["events"], t["learning_cities"]), t


def test_the_most_mentioned_city_is_drawn_and_picked_above_its_districts():
    points, _ = shanghai()
    within = dict(zip(points["name"], points["within"], strict=True))
    assert within["Changning District"] == within["Minhang District"] == "Shanghai" and within["Beijing"] == ""
    drawn = maps.build_deck(points).layers[2].data
    names = [d["name"] for d in drawn]
    # deck.gl draws the last record on top, and a click picks the top one: Shanghai, not Changning District.
    assert names[-1] == "Shanghai"
    assert names.index("Changning District") < names.index("Beijing")
    radius = {d["name"]: d["radius"] for d in drawn}
    assert radius["Changning District"] == maps.DISTRICT_RADIUS < radius["Shanghai"]
    assert radius["Shanghai"] == max(radius.values())


def _box(name, side, points, view):
    p = points.set_index("name").loc[name]
    x, y = maps._pixel(p["lat"], p["lon"], view.zoom)
    r = maps.radius_px(p["weight"], points["weight"].max())
    w, h = 0.6 * maps.LABEL_FONT_PX * len(name) + 4, maps.LABEL_FONT_PX + 4
    left = x + r + 3 if side == "start" else x - r - 3 - w
    return left, y - h / 2, left + w, y + h / 2


def test_labels_name_the_heaviest_cities_never_a_district_and_never_overlap():
    points, _ = shanghai()
    view = maps.fit_view(points["lat"], points["lon"])
    labels = maps.choose_labels(points, view)
    assert next(iter(labels)) == "Shanghai"
    assert not any("District" in n for n in labels)
    boxes = [_box(n, side, points, view) for n, side in labels.items()]
    for i, a in enumerate(boxes):
        for b in boxes[i + 1 :]:
            assert a[2] <= b[0] or b[2] <= a[0] or a[3] <= b[1] or b[3] <= a[1], (a, b)
    assert len(maps.choose_labels(points, view, max_labels=2)) == 2
    layer = maps.build_deck(points).layers[4]
    assert layer.type == "TextLayer" and {d["name"] for d in layer.data} == set(labels)


def test_the_city_list_is_sorted_by_mentions_and_the_url_city_is_found_or_said_unknown():
    points, _ = shanghai()
    options = cities.city_options(points)
    assert options[0] == "Shanghai" and set(options) == set(points["name"])
    mentions = points.set_index("name").loc[options, "mentions"].tolist()
    assert mentions == sorted(mentions, reverse=True)
    assert cities.find_city("  shanghai ", points) == ("Shanghai", False)
    assert cities.find_city("Atlantis", points) == (None, True)
    assert cities.find_city(None, points) == (None, False) and cities.find_city("", points) == (None, False)


def test_the_selected_city_gets_a_ring_and_nothing_else_does():
    points, _ = shanghai()
    ring = maps.build_deck(points, selected="Changning District").layers[3].data
    assert [r["name"] for r in ring] == ["Changning District"] and ring[0]["radius"] > maps.DISTRICT_RADIUS
    assert maps.build_deck(points).layers[3].data == []


@pytest.mark.parametrize("mentions", [{"CHN": 107, "HKG": 4, "MAC": 3}, {"PRT": 1}, {"A": 88010, "B": 2, "C": 600}])
def test_country_bins_cover_every_count_once_with_the_darkest_shade_for_the_most_named(mentions):
    bins = maps.country_bins(mentions)
    assert bins[0][0] == 1 and bins[-1][1] == max(mentions.values())
    for (_, hi, _), (lo, _, _) in itertools.pairwise(bins):
        assert lo == hi + 1
    assert [c for *_, c in bins] == list(palette.LAND_SCALE[-len(bins) :])
    for n in range(1, max(mentions.values()) + 1, 97):
        assert sum(lo <= n <= hi for lo, hi, _ in bins) == 1
    assert maps.bin_colour(0, bins) == palette.LAND
    assert maps.country_bins({}) == []


def _is_blue(hex_color: str) -> bool:
    r, g, b, _ = palette.rgb(hex_color)
    return b > r and b > g


def test_no_land_is_shaded_a_blue_a_reader_takes_for_sea():
    assert _is_blue(palette.SEA)
    assert not any(_is_blue(c) for c in (palette.LAND, *palette.LAND_SCALE))
    shaded = maps.shaded_countries({"CHN": 100, "FRA": 3})
    for f in shaded["features"]:
        r, _, b, _ = f["properties"]["fill"]
        assert r >= b, f["properties"]["name"]


def test_the_tooltip_is_pinned_inside_the_map_and_wraps():
    style = maps.TOOLTIP["style"]
    # deck.gl sets the pointer position as an inline transform, then this style: "none" keeps it in the corner.
    assert style["transform"] == "none" and style["left"] == "0" and style["top"] == "0"
    assert "100%" in style["maxWidth"] and style["overflowWrap"] == "anywhere"
    points, _ = shanghai()
    long = points.assign(roles="Global Learning Cities Award; " * 20)
    tip = maps.build_deck(long).layers[2].data[0]["tip_roles"]
    assert len(tip) <= 90 and tip.endswith("…")


def test_url_filters_narrow_the_map_and_unknown_places_are_reported():
    points, t = shanghai()
    places = t["places"]
    shown, mentions, missing = cities.apply_filters(points, places, Filters(places=("shanghai", "Atlantis")))
    assert list(shown["name"]) == ["Shanghai"] and missing == [("Atlantis", "unknown")]
    assert mentions == {"CHN": 28}
    shown, mentions, missing = cities.apply_filters(points, places, Filters(places=("Portugal", "East Africa")))
    assert list(shown["name"]) == ["Lisbon"] and missing == [("East Africa", "region")]
    shown, _, _ = cities.apply_filters(points, places, Filters(articles=("b_nairobi",)))
    assert list(shown["name"]) == ["Nairobi"]
    assert len(cities.apply_filters(points, places, Filters())[0]) == len(points)
    named_by = dict(zip(places["name"], places["article_id"], strict=False))
    lisbon_day = {a: pd.Timestamp("2024-03-01") if a == named_by["Lisbon"] else pd.NaT for a in places["article_id"]}
    shown, _, _ = cities.apply_filters(points, places, Filters(since="2024-01-01"), lisbon_day)
    assert list(shown["name"]) == ["Lisbon"]  # only the places of articles published in the range


def test_legend_names_every_shade_and_escapes_its_words():
    bins = maps.country_bins({"CHN": 107})
    text = maps.legend_html("<b>x</b>", [(30, 25.0)], "times named", bins)
    assert "&lt;b&gt;x&lt;/b&gt;" in text and "<b>x</b>" not in text
    for lo, hi, colour in bins:
        assert colour in text and (f"{lo:,}–{hi:,}" in text or lo == hi)
    assert palette.SEA in text and palette.LAND in text


def test_learning_cities_are_sized_by_the_articles_naming_them():
    t = tables()
    learning = pd.concat([t["learning_cities"], t["learning_cities"].assign(article_id="c_other")])
    points = cities.city_points(t["places"].iloc[0:0], t["metrics"], t["events"], learning)
    sized = cities.learning_points(points, learning).set_index("name")
    assert sized.at["Nairobi", "weight"] == 2 and "2 articles name it" in sized.at["Nairobi", "summary"]
