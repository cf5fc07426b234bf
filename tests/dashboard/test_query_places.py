"""The queries of Map and Learning cities (dashboard/query_places.py, query_learning.py): the same points, country
counts, regions, figures and sources as the pandas code the pages used, and every value a visitor gives bound."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from dashboard import catalog, cities, db, filters, query_learning, query_places
from dashboard.filters import Filters
from tests.dashboard.conftest import sample_tables, write_tables
from tests.dashboard.test_query import flagged_tables
from tests.dashboard.test_query_pages import HOSTILE, published, tables


@pytest.fixture(autouse=True)
def _closed():
    yield
    db.close_all()


def shanghai_tables() -> dict[str, pd.DataFrame]:
    """The sample with Shanghai, three of its districts and two other cities (test_maps.shanghai), a country named in
    two cases and a learning city the places table lacks."""
    t = sample_tables()
    rows = [
        ("Shanghai", "city", 31.2222, 121.4581, 28),
        ("Changning District", "district", 31.2174, 121.4210, 5),
        ("Minhang District", "district", 31.1088, 121.3747, 6),
        ("Beijing", "city", 39.9075, 116.3972, 1),
        ("shanghai ", "city", 31.2222, 121.4581, 2),
        ("China", "country", 35.0, 103.0, 4),
    ]
    extra = pd.DataFrame(
        [
            {"article_id": "a_lisbon", "name": n, "kind": k, "country_iso3": "CHN", "lat": la, "lon": lo, "mentions": m}
            for n, k, la, lo, m in rows
        ]
    )
    t["places"] = pd.concat([t["places"], extra], ignore_index=True)
    learning = t["learning_cities"].iloc[[0, 0]].copy()
    learning["city"], learning["lat"], learning["lon"], learning["country_iso3"] = "Hangzhou", 30.29, 120.16, "CHN"
    learning["recognition"] = ["award winner", ""]
    t["learning_cities"] = pd.concat([t["learning_cities"], learning], ignore_index=True)
    return t


@pytest.fixture(params=["sample", "shanghai", "flagged", "corpus"])
def folder(request, tmp_path: Path) -> Path:
    if request.param == "corpus":
        return request.getfixturevalue("corpus")
    made = {"sample": sample_tables, "shanghai": shanghai_tables, "flagged": flagged_tables}[request.param]()
    return write_tables(tmp_path / "data", made)


FILTERS = [
    Filters(),
    Filters(places=("shanghai", "Atlantis")),
    Filters(places=("Portugal", "East Africa", "China")),
    Filters(articles=("b_nairobi",)),
    Filters(since="2024-01-01"),
    Filters(since="2016-01-01", until="2019-12-31", places=("Lisbon",)),
    Filters(until="not a date"),
    Filters(text="learning", categories=("people",)),
    *(Filters(articles=(h,), places=(h,), text=h) for h in HOSTILE),
]


@pytest.mark.parametrize("learning_only", [False, True])
def test_the_points_are_those_of_cities_city_points(folder: Path, learning_only: bool):
    t = tables(folder)
    places = t["places"].iloc[0:0] if learning_only else t["places"]
    expected = cities.city_points(places, t["metrics"], t["events"], t["learning_cities"])
    got = cities.points_from(query_places.city_facts(folder, learning_only))
    pd.testing.assert_frame_equal(got, expected, check_dtype=False)


@pytest.mark.parametrize("f", FILTERS, ids=filters.describe)
def test_the_maps_filters_leave_the_cities_and_country_counts_of_cities_apply_filters(folder: Path, f: Filters):
    t = tables(folder)
    points = cities.city_points(t["places"], t["metrics"], t["events"], t["learning_cities"])
    expected = cities.apply_filters(points, t["places"], f, published(t))
    got = query_places.apply_filters(folder, points, f)
    assert list(got[0]["name"]) == list(expected[0]["name"])
    assert got[1] == expected[1] and got[2] == expected[2]
    if not f.active:
        assert query_places.country_mentions(folder) == cities.country_mentions(t["places"])


def test_regions_figures_about_a_city_and_the_maps_sources(folder: Path):
    t = tables(folder)
    regions = t["places"][t["places"]["kind"] == "region"].groupby("name", as_index=False)["mentions"].sum()
    got = query_places.regions(folder)
    assert dict(zip(got["name"], got["mentions"], strict=True)) == dict(
        zip(regions["name"], regions["mentions"], strict=True)
    )
    assert list(got["mentions"]) == sorted(got["mentions"], reverse=True)
    metrics = t["metrics"]
    for name in ["Lisbon", " lisbon", "Nairobi", *HOSTILE]:
        key = name.strip().casefold()
        about = metrics[(metrics["place"].str.casefold() == key) | (metrics["subject"].str.casefold() == key)]
        found, total = query_places.figures_about(folder, name, 1_000)
        assert list(found["metric_id"]) == list(about["metric_id"]) and total == len(about)
        assert len(query_places.figures_about(folder, name, 1)[0]) == min(1, len(about))
    points = cities.city_points(t["places"], metrics, t["events"], t["learning_cities"])
    for names in (list(HOSTILE), []):
        assert query_places.map_sources(folder, names).empty
    for names in (list(points["name"]), list(points["name"])[:1]):
        named = t["places"][t["places"]["name"].isin(set(names))]
        expected = catalog.chart_sources(
            pd.DataFrame(
                {
                    "label": named["name"] + " (named " + named["mentions"].map(lambda m: f"{m:,.0f}") + "×)",
                    "article_id": named["article_id"],
                    "sentence": "",
                }
            ),
            t["articles"],
        )
        assert query_places.map_sources(folder, names).to_dict("list") == expected.to_dict("list")


@pytest.mark.parametrize("kinds", [[], ["designated learning city"], ["award winner", "network member"], list(HOSTILE)])
@pytest.mark.parametrize("f", FILTERS, ids=filters.describe)
def test_the_learning_cities_are_counted_grouped_and_cited_as_the_page_did_in_pandas(
    folder: Path, f: Filters, kinds: list[str]
):
    t = tables(folder)
    rows = filters.narrow(
        t["learning_cities"],
        f,
        published(t),
        articles="article_id",
        places=("city",),
        text=("city", "recognition", "sentence"),
    )
    chosen = query_learning.chosen(f)
    assert chosen.count(folder) == len(rows)
    assert chosen.kinds(folder) == sorted(k for k in rows["kind"].unique() if k)
    if kinds:
        rows = rows[rows["kind"].isin(kinds)]
        chosen = chosen.of_kinds(kinds)
    assert chosen.count(folder) == len(rows)
    assert chosen.cities(folder) == set(rows["city"])
    assert chosen.articles_per_city(folder) == rows.groupby(cities.keys(rows["city"]))["article_id"].nunique().to_dict()
    summary = (
        rows.groupby(["city", "country_iso3"], as_index=False)
        .agg(
            kinds=("kind", lambda k: "; ".join(sorted(set(k)))),
            recognitions=("recognition", lambda r: "; ".join(sorted(set(r)))),
            articles=("article_id", "nunique"),
        )
        .sort_values(["articles", "city", "country_iso3"], ascending=[False, True, True])
        .reset_index(drop=True)
    )
    pd.testing.assert_frame_equal(chosen.summary(folder), summary, check_dtype=False)
    cited = catalog.chart_sources(
        rows.assign(label=rows["city"] + ": " + rows["recognition"])[["label", "article_id", "sentence"]],
        t["articles"],
        most=5,
    )
    assert chosen.sources(folder, 5).to_dict("list") == cited.to_dict("list")
