"""The learning cities, asked of DuckDB (issue 19): the rows passing the address bar's filters and the kinds chosen
on the page, counted, grouped per city as its table shows them, and cited with their sentences (the first rows
only). Every value a visitor gives is a bound parameter."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from dashboard import db, query_articles
from dashboard.filters import Filters


@dataclass(frozen=True)
class Chosen:
    """The learning-city rows passing a set of filters, as an SQL condition with its parameters."""

    cond: str
    params: list

    def count(self, folder: Path) -> int:
        """How many rows pass."""
        return int(db.rows(folder, f"SELECT count(*) FROM raw_learning_cities WHERE {self.cond}", self.params)[0][0])

    def kinds(self, folder: Path) -> list[str]:
        """The kinds of recognition among them (normalised: award winner, network member, ...), sorted."""
        found = db.rows(
            folder, f"SELECT DISTINCT kind FROM raw_learning_cities WHERE {self.cond} AND kind <> ''", self.params
        )
        return sorted(k for (k,) in found)

    def of_kinds(self, kinds: list[str]) -> Chosen:
        """These rows narrowed to the ``kinds`` chosen (all when none is)."""
        if not kinds:
            return self
        return Chosen(f"{self.cond} AND list_contains(?::VARCHAR[], kind)", [*self.params, list(kinds)])

    def cities(self, folder: Path) -> set[str]:
        """The cities named in them, as written."""
        return {
            c
            for (c,) in db.rows(folder, f"SELECT DISTINCT city FROM raw_learning_cities WHERE {self.cond}", self.params)
        }

    def articles_per_city(self, folder: Path) -> dict[str, int]:
        """How many articles name each city a learning city, by the city's name without case or outer blanks."""
        found = db.rows(
            folder,
            f"""SELECT lower(trim(city)), count(DISTINCT article_id) FROM raw_learning_cities WHERE {self.cond}
            GROUP BY 1""",
            self.params,
        )
        return {str(k): int(n) for k, n in found}

    def summary(self, folder: Path) -> pd.DataFrame:
        """One row per city and country: its kinds and recognitions (each sorted, '; ' between) and the number of
        articles naming it, the most named first."""
        return db.frame(
            folder,
            f"""SELECT city, country_iso3,
                array_to_string(list_sort(list(DISTINCT kind)), '; ') AS kinds,
                array_to_string(list_sort(list(DISTINCT recognition)), '; ') AS recognitions,
                count(DISTINCT article_id) AS articles
            FROM raw_learning_cities WHERE {self.cond}
            GROUP BY city, country_iso3 ORDER BY articles DESC, city, country_iso3""",
            self.params,
        )

    def sources(self, folder: Path, most: int) -> pd.DataFrame:
        """Every mention with its article, link and sentence (`catalog.chart_sources`), at most ``most``."""
        rows = f"""SELECT city || ': ' || recognition AS label, article_id AS article_ids, [rn] AS ord,
            'learning_cities' AS src, rn AS srn, hash(sentence) AS sentence_hash
            FROM raw_learning_cities WHERE {self.cond}"""
        return query_articles.cite(folder, rows, self.params, most)


def chosen(f: Filters) -> Chosen:
    """The learning-city rows the URL's filters leave (`filters.narrow`: article, city, text in city, recognition or
    sentence, publication dates)."""
    cond, params = db.narrow(
        f, articles="article_id", places=("city",), text=("city", "recognition", "sentence"), several=False
    )
    return Chosen(cond, params)
