"""What the corpus says about each city, as the maps draw it: one point per geocoded city with its mentions, figures
and roles, narrowed by the address bar's filters.

The points are made from a few facts per city (:class:`CityFacts`), which the pages get from DuckDB
(`query_places.city_facts`) and which :func:`city_facts` works out from whole tables in pandas (the reference the
tests compare the queries with). A city is known by its name without case or outer blanks.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import cast

import numpy as np
import pandas as pd

from dashboard.filters import Filters, published_between
from dashboard.fmt import counted, figure_text

CITY_KINDS = ("city", "district")
POINT_COLUMNS = [
    *("name", "kind", "within", "lat", "lon", "country_iso3", "mentions", "n_figures", "weight"),
    *("role", "roles", "summary"),
]
NEAR_KM = 40  # a district this close to a city that weighs more is drawn as part of it (Shanghai's Changning)
TOP_FIGURES = 3  # figures named in a city's summary, the largest first


def key(name: str) -> str:
    """A city's name as it is matched: without case or outer blanks."""
    return str(name).strip().casefold()


def keys(names: pd.Series) -> pd.Series:
    """:func:`key` of every name."""
    return names.astype(str).str.strip().str.casefold()


@dataclass
class CityFacts:
    """What the points are made of, by city key: small, whatever the corpus's size."""

    # One row per city key in order of first mention: name, kind, lat, lon, country_iso3, mentions.
    places: pd.DataFrame
    # The same columns for learning cities the places table may lack (the first row of each key; mentions 1).
    learning: pd.DataFrame
    hosts: set[str] = field(default_factory=set)  # keys of cities that hosted an event
    recognitions: dict[str, list[str]] = field(default_factory=dict)  # key of every learning city -> recognitions
    # key -> (how many figures are about the city, the TOP_FIGURES largest as (value, bound, unit, category))
    figures: dict[str, tuple[int, list[tuple]]] = field(default_factory=dict)


def city_facts(
    places: pd.DataFrame, metrics: pd.DataFrame, events: pd.DataFrame, learning_cities: pd.DataFrame
) -> CityFacts:
    """:class:`CityFacts` from whole tables (pandas)."""
    cities = places[places["kind"].isin(CITY_KINDS)].dropna(subset=["lat", "lon"])
    # Whole columns at once, not row by row: the corpus may name a city tens of thousands of times.
    grouped = (
        cities.assign(_key=keys(cities["name"]), mentions=cities["mentions"].fillna(0).astype(float))
        .groupby("_key", sort=False)
        .agg(
            name=("name", "first"),
            kind=("kind", "min"),  # "city" before "district": a name read as both is a city
            lat=("lat", "first"),
            lon=("lon", "first"),
            country_iso3=("country_iso3", "first"),
            mentions=("mentions", "sum"),
        )
    )
    located = learning_cities.dropna(subset=["lat", "lon"])
    first = located.assign(_key=keys(located["city"])).drop_duplicates("_key").set_index("_key")
    learning = first.rename(columns={"city": "name"})[["name", "lat", "lon", "country_iso3"]]
    recognitions: dict[str, list[str]] = {}
    for c, rec in zip(learning_cities["city"], learning_cities["recognition"], strict=True):
        recognitions.setdefault(key(c), [])
        if rec and rec not in recognitions[key(c)]:
            recognitions[key(c)].append(rec)
    wanted = set(grouped.index) | set(learning.index)
    about = keys(metrics["place"]).where(metrics["place"] != "", keys(metrics["subject"]))
    # One pass over the figures, not one per city: the corpus may hold a hundred thousand of them.
    relevant = metrics[about.isin(wanted)].assign(_about=about).sort_values("value", ascending=False)
    figures: dict[str, tuple[int, list[tuple]]] = {
        str(k): (
            len(part),
            list(part[["value", "bound", "unit", "category"]].head(TOP_FIGURES).itertuples(index=False)),
        )
        for k, part in relevant.groupby("_about", sort=False)
    }
    return CityFacts(grouped, learning, {key(c) for c in events["city"] if c}, recognitions, figures)


def points_from(facts: CityFacts) -> pd.DataFrame:
    """One row per geocoded city: how much the corpus says about it (mentions + figures) and its roles."""
    rows: dict[str, dict] = {str(k): dict(v) for k, v in facts.places.to_dict("index").items()}
    # A learning city the places table missed is still a city the corpus talks about.
    for k, r in facts.learning.to_dict("index").items():
        rows.setdefault(str(k), {**r, "kind": "city", "mentions": 1.0})
    if not rows:
        return pd.DataFrame(columns=POINT_COLUMNS)
    for k, row in rows.items():
        n, top = facts.figures.get(k, (0, []))
        row["n_figures"] = n
        row["weight"] = row["mentions"] + n
        roles = []
        if k in facts.hosts:
            roles.append("host city")
        if k in facts.recognitions:
            roles.append("learning city")
        row["role"] = roles[0] if roles else "other"
        detail = ["host of an event"] if k in facts.hosts else []
        detail += facts.recognitions.get(k, [])
        row["roles"] = "; ".join(detail) or "mentioned"
        shown = [figure_text(v, b, u, c) for v, b, u, c in top]
        summary = f"{counted(int(row['mentions']), 'mention', 'mentions')}, {counted(n, 'figure', 'figures')}"
        if shown:
            summary += ": " + "; ".join(shown)
        row["summary"] = summary
    frame = pd.DataFrame(list(rows.values()), columns=POINT_COLUMNS)
    frame["mentions"] = frame["mentions"].astype(float)
    frame["within"] = _within(frame)
    frame.loc[frame["within"] != "", "roles"] = "part of " + frame["within"] + "; " + frame["roles"]
    return frame.sort_values(["weight", "name"], ascending=[False, True], ignore_index=True)


def city_points(
    places: pd.DataFrame, metrics: pd.DataFrame, events: pd.DataFrame, learning_cities: pd.DataFrame
) -> pd.DataFrame:
    """:func:`points_from` the facts of whole tables."""
    return points_from(city_facts(places, metrics, events, learning_cities))


def _within(points: pd.DataFrame) -> pd.Series:
    """For each district, the heavier city whose centre lies within NEAR_KM of it ("" when none): the district is
    part of that city and is drawn under it. The places table has no parent column, so distance stands in for it."""
    out = pd.Series("", index=points.index, dtype=object)
    cities = points[points["kind"] == "city"]
    if cities.empty:
        return out
    lat, lon, weight = (cities[c].to_numpy(dtype=float) for c in ("lat", "lon", "weight"))
    for i, d in points[points["kind"] == "district"].iterrows():
        # Equirectangular distance: exact enough at tens of kilometres.
        dx = np.radians(lon - d["lon"]) * math.cos(math.radians(d["lat"]))
        km = 6371 * np.hypot(dx, np.radians(lat - d["lat"]))
        near = (km <= NEAR_KM) & (weight > d["weight"])
        if near.any():
            # cast: iterrows types a label as Hashable; points_from's frame has a RangeIndex
            out[cast(int, i)] = cities["name"].iloc[int(np.argmax(np.where(near, weight, -1)))]
    return out


def country_mentions(places: pd.DataFrame) -> dict[str, int]:
    """How often each country is named, itself or through its places (ISO3 -> mentions)."""
    rows = places[places["country_iso3"] != ""]
    return {cast(str, k): int(v) for k, v in rows.groupby("country_iso3")["mentions"].sum().items()}


def learning_points(points: pd.DataFrame, learning: pd.DataFrame | Mapping[str, int]) -> pd.DataFrame:
    """The learning cities, sized by how many articles name each one a learning city (not by mentions: a city
    the places table missed would count one). ``learning``: the learning-city rows, or those counts by city key."""
    if isinstance(learning, pd.DataFrame):
        learning = cast("dict[str, int]", learning.groupby(keys(learning["city"]))["article_id"].nunique().to_dict())
    n = keys(points["name"]).map(learning).fillna(0).astype(int)
    summary = [counted(int(k), "article names", "articles name") + " it a learning city" for k in n]
    return points.assign(weight=n.clip(lower=1).astype(float), summary=summary)


def find_city(wanted: str | None, points: pd.DataFrame) -> tuple[str | None, bool]:
    """The city a URL names (``?city=``), matched without case or outer spaces: (its name as drawn, unknown?)."""
    if wanted is None or not str(wanted).strip():
        return None, False
    match = points[keys(points["name"]) == key(wanted)]
    return (str(match["name"].iloc[0]), False) if len(match) else (None, True)


def city_options(points: pd.DataFrame) -> list[str]:
    """The cities to choose from without a mouse: most mentioned first (then most figures, then by name)."""
    order = points.sort_values(["mentions", "n_figures", "name"], ascending=[False, False, True])
    return [str(n) for n in order["name"]]


def place_choice(
    wanted: tuple[str, ...], point_keys: set[str], named: pd.DataFrame
) -> tuple[set[str], set[str], list[tuple[str, str]]]:
    """What the place filter names on a map: the keys of the cities drawn, the countries (ISO3) whose cities it keeps,
    and the places it cannot show as (place as written, "unknown" | its kind). ``named``: rows of the places table
    (name, kind, country_iso3) in its order, at least those named like a wanted place; a name's first row says its
    kind."""
    kinds = named.assign(_key=keys(named["name"])).drop_duplicates("_key").set_index("_key")
    cities, countries, missing = set(), set(), []
    for place in wanted:
        k = key(place)
        if k in point_keys:
            cities.add(k)
        elif k in kinds.index and kinds.at[k, "kind"] == "country":
            countries.add(cast(str, kinds.at[k, "country_iso3"]))
        else:
            missing.append((place, str(kinds.at[k, "kind"]) if k in kinds.index else "unknown"))
    return cities, countries, missing


def apply_filters(
    points: pd.DataFrame, places: pd.DataFrame, f: Filters, published: Mapping[str, pd.Timestamp] | None = None
) -> tuple[pd.DataFrame, dict[str, int], list[tuple[str, str]]]:
    """The cities and country counts left by the Figures filters of the URL, and the places it names that the map
    cannot show, as (place as written, "unknown" | its kind).

    ``article``: the places those articles name. ``place``: a city itself, or a country with its cities; a region
    or province is named but has no shape here. ``from``/``to``: the places that articles published in the range
    name (``published``: article id -> date). Sizes still count the whole corpus. Category, search and flagged
    filter figures, not places: the page says it ignores them. (The page asks DuckDB, `query_places.apply_filters`;
    this is its reference.)"""
    rows = places
    keep = pd.Series(True, index=points.index)
    point_keys = keys(points["name"])
    missing: list[tuple[str, str]] = []
    if f.articles:
        rows = rows[rows["article_id"].isin(f.articles)]
        keep &= point_keys.isin(set(keys(rows["name"])))
    if f.dated and published is not None:
        days = pd.Series(published, dtype="datetime64[ns]")
        inside = set(days.index[published_between(days, f)])
        rows = rows[rows["article_id"].isin(inside)]
        keep &= point_keys.isin(set(keys(rows["name"])))
    if f.places:
        cities, countries, missing = place_choice(f.places, set(point_keys), places)
        keep &= point_keys.isin(cities) | points["country_iso3"].isin(countries)
        rows = rows[keys(rows["name"]).isin(cities) | rows["country_iso3"].isin(countries)]
    return points[keep], country_mentions(rows), missing
