"""Places and learning cities, asked of DuckDB (issue 19): the facts the maps' points are made of, the countries'
counts under the address bar's filters, the regions named, a city's figures, and the learning cities' rows grouped
as the page shows them.

A city is matched by its name without case or outer blanks: ``lower(trim(name))`` here, ``str.strip().casefold()``
in pandas (the two differ for a few letters, such as "ß"). Every value a visitor gives is a bound parameter.
"""

from __future__ import annotations

from pathlib import Path
from typing import cast

import pandas as pd

from dashboard import cities, db, query_articles
from dashboard.filters import Filters

_KEY = "lower(trim({}))"
_CITY_COLUMNS = ["name", "kind", "lat", "lon", "country_iso3", "mentions"]


def city_facts(folder: Path, learning_only: bool = False) -> cities.CityFacts:
    """`cities.city_facts` of the folder's tables (``learning_only``: without the places table's cities, as the
    Learning cities map draws them)."""
    kinds = ", ".join(f"'{k}'" for k in cities.CITY_KINDS)
    with db.cursor(folder) as cur:
        places = cur.execute(
            f"""SELECT {_KEY.format("name")} AS key, arg_min(name, rn) AS name, min(kind) AS kind,
                arg_min(lat, rn) AS lat, arg_min(lon, rn) AS lon, arg_min(country_iso3, rn) AS country_iso3,
                CAST(sum(coalesce(mentions, 0)) AS DOUBLE) AS mentions
            FROM raw_places WHERE kind IN ({kinds}) AND lat IS NOT NULL AND lon IS NOT NULL AND NOT ?
            GROUP BY key ORDER BY min(rn)""",
            [learning_only],
        ).df()
        learning = cur.execute(
            f"""SELECT {_KEY.format("city")} AS key, arg_min(city, rn) AS name, arg_min(lat, rn) AS lat,
                arg_min(lon, rn) AS lon, arg_min(country_iso3, rn) AS country_iso3
            FROM raw_learning_cities WHERE lat IS NOT NULL AND lon IS NOT NULL GROUP BY key ORDER BY min(rn)"""
        ).df()
        hosts = {
            k
            for (k,) in cur.execute(
                f"SELECT DISTINCT {_KEY.format('city')} FROM raw_events WHERE city <> ''"
            ).fetchall()
        }
        recognitions = {
            k: list(r or [])
            for k, r in cur.execute(
                f"""SELECT key, list(recognition ORDER BY first) FILTER (WHERE recognition <> '')
                FROM (SELECT {_KEY.format("city")} AS key, recognition, min(rn) AS first
                    FROM raw_learning_cities GROUP BY ALL)
                GROUP BY key"""
            ).fetchall()
        }
        wanted = list(set(places["key"]) | set(learning["key"]))
        # The figures about each city, counted, and the largest few: one pass over the figures, no sentence read.
        figures = {
            k: (int(n), [(t["value"], t["bound"], t["unit"], t["category"]) for t in top])
            for k, n, top in cur.execute(
                f"""WITH m AS (
                    SELECT CASE WHEN place <> '' THEN {_KEY.format("place")} ELSE {_KEY.format("subject")} END AS key,
                        value, bound, unit, category, rn
                    FROM raw_metrics
                )
                SELECT key, count(*),
                    list({{'value': value, 'bound': bound, 'unit': unit, 'category': category}}
                        ORDER BY value DESC NULLS LAST, rn)[1:{cities.TOP_FIGURES}]
                FROM m WHERE list_contains(?::VARCHAR[], key) GROUP BY key""",
                [wanted],
            ).fetchall()
        }
    return cities.CityFacts(
        places.set_index("key")[_CITY_COLUMNS],
        learning.set_index("key")[["name", "lat", "lon", "country_iso3"]],
        hosts,
        recognitions,
        figures,
    )


def country_mentions(folder: Path) -> dict[str, int]:
    """`cities.country_mentions` of the whole places table."""
    return _mentions(folder, "TRUE", [])


def _mentions(folder: Path, cond: str, params: list) -> dict[str, int]:
    found = db.rows(
        folder,
        f"""SELECT country_iso3, CAST(sum(mentions) AS BIGINT) FROM raw_places
        WHERE country_iso3 <> '' AND {cond} GROUP BY country_iso3""",
        params,
    )
    return {str(k): int(v or 0) for k, v in found}


def apply_filters(
    folder: Path, points: pd.DataFrame, f: Filters
) -> tuple[pd.DataFrame, dict[str, int], list[tuple[str, str]]]:
    """`cities.apply_filters` asked of DuckDB: the cities and country counts the URL's filters leave, and the places
    it names that the map cannot show."""
    # Articles and publication dates narrow the places table's rows (and so the cities named in them).
    cond, params = db.narrow(
        Filters(articles=f.articles, since=f.since, until=f.until),
        articles="article_id",
        places=(),
        text=(),
        several=False,
    )
    keep = pd.Series(True, index=points.index)
    point_keys = cities.keys(points["name"])
    missing: list[tuple[str, str]] = []
    if f.articles or f.dated:
        named = db.rows(folder, f"SELECT DISTINCT name FROM raw_places WHERE {cond}", params)
        keep &= point_keys.isin({cities.key(n) for (n,) in named})
    if f.places:
        candidates = db.frame(
            folder,
            f"""SELECT name, kind, country_iso3 FROM raw_places
            WHERE {_KEY.format("name")} IN (SELECT {_KEY.format("unnest(?::VARCHAR[])")}) ORDER BY rn""",
            [list(f.places)],
        )
        chosen, countries, missing = cities.place_choice(f.places, set(point_keys), candidates)
        keep &= point_keys.isin(chosen) | points["country_iso3"].isin(countries)
        drawn = [n for n, k in zip(points["name"], point_keys, strict=True) if k in chosen]
        cond += (
            f" AND ({_KEY.format('name')} IN (SELECT {_KEY.format('unnest(?::VARCHAR[])')})"
            " OR list_contains(?::VARCHAR[], country_iso3))"
        )
        params += [drawn, sorted(countries)]
    return points[keep], _mentions(folder, cond, params), missing


def regions(folder: Path) -> pd.DataFrame:
    """Regions spanning several countries, with how often each is named, most named first."""
    return db.frame(
        folder,
        """SELECT name, CAST(sum(mentions) AS DOUBLE) AS mentions FROM raw_places WHERE kind = 'region'
        GROUP BY name ORDER BY mentions DESC, name""",
    )


def figures_about(folder: Path, name: str, most: int) -> tuple[pd.DataFrame, int]:
    """The figures whose place or subject is the city ``name`` (any case), the first ``most`` with their sentences,
    and how many there are."""
    cond = "(lower(place) = lower(?::VARCHAR) OR lower(subject) = lower(?::VARCHAR))"
    wanted = name.strip()
    with db.cursor(folder) as cur:
        # cast: DuckDB types fetchone() as maybe None; an aggregate without GROUP BY always returns one row.
        (total,) = cast(
            tuple[int], cur.execute(f"SELECT count(*) FROM raw_metrics WHERE {cond}", [wanted, wanted]).fetchone()
        )
        shown = cur.execute(
            f"SELECT * EXCLUDE (rn) FROM raw_metrics WHERE {cond} ORDER BY rn LIMIT ?", [wanted, wanted, most]
        ).df()
    return shown, int(total)


def map_sources(folder: Path, names: list[str], most: int = 1_000) -> pd.DataFrame:
    """The Sources view of the map: each article naming a city drawn (``names``), with how often."""
    rows = """SELECT name || ' (named ' || format('{:,}', CAST(coalesce(mentions, 0) AS BIGINT)) || '×)' AS label,
        article_id AS article_ids, [rn] AS ord, '' AS src, rn AS srn, 0 AS sentence_hash
        FROM raw_places WHERE list_contains(?::VARCHAR[], name)"""
    return query_articles.cite(folder, rows, [list(names)], most)
