"""The figures' data, asked of DuckDB over the Parquet tables of a data folder (issue 19): the Figures page and the
Overview's headline figures.

The page asks for what it shows: how many figures pass the filters, the rows on screen with their sentences, the
aggregates its charts draw and the options of its filters, instead of holding the metrics table in pandas. The
database (one per data folder and build, with the ``fig`` view: each figure with its flag, article date and title and
the event it counts) is :mod:`dashboard.db`'s. Every value a visitor chooses (filters from the URL, search text)
is a bound parameter, never part of the SQL text.

Text search is case-insensitive through DuckDB's ``lower`` (pandas used Python's ``casefold``: the two differ only
for a few letters such as "ß"), and literal: ``%`` and ``_`` are characters like any other.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import Path
from typing import cast

import duckdb
import pandas as pd

from dashboard.charts import NOT_HEADLINE
from dashboard.db import NoParquet, close_all, cursor, dated  # noqa: F401 (NoParquet, close_all: re-exported)
from dashboard.filters import Filters
from dashboard.fmt import figure_value, shorten
from etl.schema import TABLE_BY_NAME

MIN_DATES = 2  # as trends.MIN_DATES: a measure over time needs reports on two publication days

# What the free-text filter looks in, in the order filters.search_text joins it.
_HAY = "lower(concat_ws(chr(10), unit, subject, surface, place, event, event_city, sentence))"
# The figures whose text holds a search term without a line break (two parameters, the term twice): each figure's own
# text from db's `search` view (lower-cased once per build for a large table), or the event it counts. The same rows
# as `_HAY`, since such a term cannot span two fields; read straight from the tables rather than the joined view.
_TEXT_HITS = """SELECT rn FROM search WHERE contains(text, lower(?::VARCHAR))
    UNION SELECT rn FROM raw_metrics WHERE metric_id IN (
        SELECT metric_id FROM linked WHERE contains(lower(concat_ws(chr(10), event, event_city)), lower(?::VARCHAR)))"""
# What the Selection's counts read when its condition is on row numbers alone: each figure with its flag.
_COUNTED = (
    "(SELECT m.rn, m.value, m.category, coalesce(fl.flag, '') AS flag FROM raw_metrics m LEFT JOIN flags fl USING (rn))"
)
# What makes two figures the same measure (trends.measure_key).
_MEASURE = "lower(trim(unit)) || ' | ' || lower(trim(subject))"


def where(f: Filters) -> tuple[str, list]:
    """The SQL condition of ``f`` over the ``fig`` view, with its parameters: every value is bound, none is written
    into the SQL."""
    parts: list[str] = []
    params: list = []
    if f.articles:
        parts.append("list_contains(?::VARCHAR[], article_id)")
        params.append(list(f.articles))
    if f.categories:
        parts.append("list_contains(?::VARCHAR[], category)")
        params.append(list(f.categories))
    if f.places:
        parts.append(
            "(list_contains(?::VARCHAR[], place) OR list_contains(?::VARCHAR[], subject) "
            "OR list_contains(?::VARCHAR[], event_city))"
        )
        params += [list(f.places)] * 3
    if f.text and "\n" not in f.text:
        parts.append(f"rn IN ({_TEXT_HITS})")
        params += [f.text] * 2
    elif f.text:  # a line break (from a link) could span two fields, as pandas' joined text lets it
        parts.append(f"contains({_HAY}, lower(?::VARCHAR))")
        params.append(f.text)
    cond, more = dated(f)
    parts += cond
    params += more
    if f.flagged:
        parts.append("flag <> ''")
    return (" AND ".join(parts) or "TRUE"), params


@dataclass(frozen=True)
class Options:
    """What the Figures page's filters offer, and the corpus's count of figures."""

    titles: dict[str, str]  # article id -> short title, for the articles listed (that have figures)
    categories: list[str]
    places: list[str]
    total: int
    articles: int = 0  # articles that have figures, listed or not


_ARTICLES = """SELECT m.article_id, coalesce(p.title, ''), p.article_id IS NULL
    FROM (SELECT DISTINCT article_id FROM raw_metrics) m LEFT JOIN pub p ON p.article_id = m.article_id
    WHERE {cond} ORDER BY m.article_id LIMIT ?"""


def _titles(found: list[tuple]) -> dict[str, str]:
    # Figures of an article the articles table lacks keep their id as the title.
    return {a: a if orphan else shorten(t.strip() or a, 70) for a, t, orphan in found}


def options(folder: Path, most: int | None = None) -> Options:
    """What the filters offer: the articles that have figures (the first ``most`` by id, with their titles; all
    when None), the categories and the places; with how many figures and articles there are."""
    with cursor(folder) as cur:
        listed = cur.execute(_ARTICLES.format(cond="TRUE"), [most if most is not None else 2**62]).fetchall()
        # cast: DuckDB types fetchone() as maybe None; an aggregate without GROUP BY always returns one row.
        (articles,) = cast(tuple[int], cur.execute("SELECT count(DISTINCT article_id) FROM raw_metrics").fetchone())
        categories = [c for (c,) in cur.execute("SELECT DISTINCT category FROM raw_metrics").fetchall()]
        places = cur.execute(
            """SELECT place FROM raw_metrics WHERE place <> ''
            UNION SELECT subject FROM raw_metrics WHERE subject IN (SELECT name FROM raw_places)
            UNION SELECT event_city FROM linked WHERE event_city <> ''
                AND metric_id IN (SELECT metric_id FROM raw_metrics)"""
        ).fetchall()
        (total,) = cast(tuple[int], cur.execute("SELECT count(*) FROM raw_metrics").fetchone())
    return Options(_titles(listed), sorted(categories), sorted(p for (p,) in places), int(total), int(articles))


def article_titles(folder: Path, ids: list[str]) -> dict[str, str]:
    """The titles of those of ``ids`` that have figures (an article a link names beyond the ones listed)."""
    with cursor(folder) as cur:
        found = cur.execute(_ARTICLES.format(cond="list_contains(?::VARCHAR[], m.article_id)"), [list(ids), len(ids)])
        return _titles(found.fetchall())


@dataclass(frozen=True)
class Summary:
    """The filtered figures in numbers: all, flagged, and the positive ones a log axis can draw."""

    rows: int
    flagged: int
    positive: int
    categories: int  # categories among the positive ones
    low: float | None
    high: float | None


def _display(frame: pd.DataFrame) -> pd.DataFrame:
    """The columns `filters.prepare` adds for display, for the rows fetched: the figure as written, the article's
    title and a link to the sentence on the Sources page."""
    if frame.empty:
        return frame.assign(figure=[], article=[], open=[])
    return frame.assign(
        figure=[
            figure_value(v, b, u, c)
            for v, b, u, c in zip(frame["value"], frame["bound"], frame["unit"], frame["category"], strict=True)
        ],
        article=[shorten(t.strip() or a, 70) for a, t in zip(frame["article_id"], frame["title"], strict=True)],
        open=[f"sources?doc={a}" for a in frame["article_id"]],
    )


class Selection:
    """The figures passing a set of filters, for one script run: the filters are applied once (the search reads
    every sentence), the row numbers that pass are kept in a temporary table of this cursor, and every question the
    page asks of them (count, rows on screen, chart data, measures) reads only those rows."""

    def __init__(self, cur: duckdb.DuckDBPyConnection, f: Filters, *, keep: bool = True) -> None:
        self.cur = cur
        if keep and f.text and "\n" not in f.text:  # the search first, on the tables; the other filters on its hits
            cur.execute(f"CREATE OR REPLACE TEMP TABLE hits AS {_TEXT_HITS}", [f.text] * 2)
            cond, params = where(replace(f, text=""))
            if cond == "TRUE":
                self.cond, self.params, self.plain = "rn IN (SELECT rn FROM hits)", [], True
                return
            cond = f"rn IN (SELECT rn FROM hits) AND {cond}"
        else:
            cond, params = where(f)
        if keep and cond != "TRUE":
            cur.execute(f"CREATE OR REPLACE TEMP TABLE sel AS SELECT rn FROM fig WHERE {cond}", params)
            cond, params = "rn IN (SELECT rn FROM sel)", []
        self.cond, self.params = cond, params
        # The condition names no column but the row number: the counts can read the figures without the view's joins
        # (its article titles and events), a third to two thirds of their time at 40,000 articles.
        self.plain = keep or cond == "TRUE"

    def _df(self, sql: str, *more) -> pd.DataFrame:
        return self.cur.execute(sql.format(cond=self.cond), [*self.params, *more]).df()

    def summary(self) -> Summary:
        row = self.cur.execute(
            f"""SELECT count(*), count(*) FILTER (WHERE flag <> ''), count(*) FILTER (WHERE value > 0),
                count(DISTINCT category) FILTER (WHERE value > 0), min(value) FILTER (WHERE value > 0),
                max(value) FILTER (WHERE value > 0)
            FROM {_COUNTED if self.plain else "fig"} WHERE {self.cond}""",
            self.params,
        ).fetchone()
        # cast: an aggregate without GROUP BY always returns one row (min and max are None when no value is > 0).
        rows, flagged, positive, categories, low, high = cast(
            "tuple[int, int, int, int, float | None, float | None]", row
        )
        return Summary(int(rows), int(flagged), int(positive), int(categories), low, high)

    def rows(self, limit: int, offset: int = 0, *, sentences: bool = True) -> pd.DataFrame:
        """The rows in the metrics table's order, ``limit`` from ``offset``: the rows on screen, with their sentences
        only when asked."""
        columns = "*" if sentences else "* EXCLUDE (sentence, surface)"
        return _display(
            self._df(f"SELECT {columns} FROM fig WHERE {{cond}} ORDER BY rn LIMIT ? OFFSET ?", limit, offset)
        )

    def positive_rows(self, limit: int) -> pd.DataFrame:
        """The first ``limit`` rows with a value above zero (the dots of the log-scale chart), without sentences."""
        sql = "SELECT * EXCLUDE (sentence, surface) FROM fig WHERE {cond} AND value > 0 ORDER BY rn LIMIT ?"
        return _display(self._df(sql, limit))

    def magnitudes(self) -> pd.DataFrame:
        """`charts.magnitude_counts`: category, decade, count."""
        source = "raw_metrics" if self.plain else "fig"
        return self._df(
            f"""SELECT category, CAST(floor(log10(value)) AS BIGINT) AS decade, count(*) AS count
            FROM {source} WHERE {{cond}} AND value > 0 GROUP BY ALL ORDER BY category, decade"""
        )

    def measures(self) -> pd.DataFrame:
        """`trends.measures`: the measures reported on two publication dates or more."""
        from dashboard.fmt import counted

        found = self._df(
            f"""SELECT {_MEASURE} AS key, count(DISTINCT published) AS dates, count(*) AS points,
                arg_min(unit, rn) AS unit, arg_min(subject, rn) AS subject
            FROM fig WHERE {{cond}} AND published IS NOT NULL AND value > 0
            GROUP BY key HAVING count(DISTINCT published) >= ?
            ORDER BY dates DESC, points DESC, key""",
            MIN_DATES,
        )
        found["label"] = [
            f"{shorten(u, 30)} · {shorten(s, 40) or 'no subject'} ({counted(d, 'date', 'dates')})"
            for u, s, d in zip(found["unit"], found["subject"], found["dates"], strict=True)
        ]
        return found[["key", "label", "dates", "points"]]

    def series(self, key: str) -> pd.DataFrame:
        """`trends.series`: every dated figure of measure ``key``, oldest first, with its sentence."""
        return _display(
            self._df(
                f"""SELECT * FROM fig WHERE {{cond}} AND published IS NOT NULL AND value > 0 AND {_MEASURE} = ?
                ORDER BY published, article_id, start, rn""",
                key,
            )
        )

    def headline(self, n: int = 6) -> pd.DataFrame:
        """`charts.headline_figures`: per category (counts only), the value the most articles report (same unit and
        number), on a tie the one whose latest article is the most recent, then its most recent report, then the
        first by ``metric_id``; that report's row with ``n_articles``, best-supported kinds first, at most ``n``."""
        marks = ", ".join("?" * len(NOT_HEADLINE))
        best = self.cur.execute(
            f"""WITH r AS (
                SELECT rn, category, lower(trim(unit)) AS ukey, value, article_id, published, metric_id
                FROM fig WHERE {self.cond} AND value > 0 AND category NOT IN ({marks})
            ), g AS (
                SELECT category, ukey, value, count(DISTINCT article_id) AS n_articles, max(published) AS latest
                FROM r GROUP BY ALL
            )
            SELECT r.rn, g.n_articles FROM r JOIN g USING (category, ukey, value)
            QUALIFY row_number() OVER (
                PARTITION BY r.category
                ORDER BY g.n_articles DESC, g.latest DESC NULLS LAST, r.published DESC NULLS LAST, r.metric_id
            ) = 1
            ORDER BY g.n_articles DESC, r.category LIMIT ?""",
            [*self.params, *sorted(NOT_HEADLINE), n],
        ).fetchall()
        if not best:
            return self.cur.execute("SELECT * EXCLUDE (rn), 0 AS n_articles FROM fig LIMIT 0").df()
        # The few rows shown, sentences and all, asked for by row number once chosen.
        order = {rn: i for i, (rn, _) in enumerate(best)}
        found = self.cur.execute("SELECT * FROM fig WHERE list_contains(?::BIGINT[], rn)", [list(order)]).df()
        found["n_articles"] = found["rn"].map(dict(best))
        found = found.sort_values("rn", key=lambda r: r.map(order)).drop(columns="rn")
        return found.reset_index(drop=True)


@contextmanager
def selection(folder: Path, f: Filters) -> Iterator[Selection]:
    """The figures of ``folder`` passing ``f``, for the questions of one script run (see :class:`Selection`)."""
    with cursor(folder) as cur:
        yield Selection(cur, f)


def summary(folder: Path, f: Filters) -> Summary:
    with cursor(folder) as cur:
        return Selection(cur, f, keep=False).summary()


def rows(folder: Path, f: Filters, limit: int, offset: int = 0, *, sentences: bool = True) -> pd.DataFrame:
    with cursor(folder) as cur:
        return Selection(cur, f, keep=False).rows(limit, offset, sentences=sentences)


def positive_rows(folder: Path, f: Filters, limit: int) -> pd.DataFrame:
    with cursor(folder) as cur:
        return Selection(cur, f, keep=False).positive_rows(limit)


def magnitudes(folder: Path, f: Filters) -> pd.DataFrame:
    with cursor(folder) as cur:
        return Selection(cur, f, keep=False).magnitudes()


def measures(folder: Path, f: Filters) -> pd.DataFrame:
    with cursor(folder) as cur:
        return Selection(cur, f, keep=False).measures()


def series(folder: Path, f: Filters, key: str) -> pd.DataFrame:
    with cursor(folder) as cur:
        return Selection(cur, f, keep=False).series(key)


def headline(folder: Path, f: Filters, n: int = 6) -> pd.DataFrame:
    with cursor(folder) as cur:
        return Selection(cur, f, keep=False).headline(n)


def download(folder: Path, f: Filters) -> pd.DataFrame:
    """Every figure passing ``f``, in the metrics table's columns (for a download built on click)."""
    cond, params = where(f)
    columns = ", ".join(f'"{c}"' for c in TABLE_BY_NAME["metrics"].columns)
    with cursor(folder) as cur:
        return cur.execute(f"SELECT {columns} FROM fig WHERE {cond} ORDER BY rn", params).df()


def cited_articles(folder: Path, ids: list[str]) -> pd.DataFrame:
    """The rows of the articles table for ``ids`` (a download's sources), in the table's order."""
    with cursor(folder) as cur:
        frame = cur.execute(
            "SELECT * EXCLUDE (rn) FROM raw_articles WHERE list_contains(?::VARCHAR[], article_id) ORDER BY rn", [ids]
        ).df()
    frame["url"] = frame["url"].fillna("")
    return frame
