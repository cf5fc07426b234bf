"""The Figures page's data, asked of DuckDB over the Parquet tables of a data folder (issue 19).

The page asks for what it shows: how many figures pass the filters, the rows on screen with their sentences, the
aggregates its charts draw and the options of its filters, instead of holding the metrics table in pandas. One
in-memory DuckDB database per data folder and build reads the folder's Parquet files in place; what every query of
that build needs and that is small (each flagged figure's warning, the event each figure counts, each article's
publication date) is worked out once when it opens. Every value a visitor chooses (filters from the URL, search text)
is a bound parameter, never part of the SQL text. The Parquet files are the ETL's (``etl/columnar.py``): a data
folder built before them raises :class:`NoParquet`, which the page shows as a message.

Text search is case-insensitive through DuckDB's ``lower`` (pandas used Python's ``casefold``: the two differ only
for a few letters such as "ß"), and literal: ``%`` and ``_`` are characters like any other.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import duckdb
import pandas as pd

from dashboard.filters import OUTLIER_RATIO, Filters
from dashboard.fmt import figure_value, shorten
from etl.schema import TABLE_BY_NAME

TABLES = ("articles", "metrics", "events", "places")  # the Parquet files the Figures page reads
OPEN_DATABASES = 4  # data folders (shared, trials) kept open at once; the oldest is closed past this
MEMORY_LIMIT = "256MB"  # DuckDB's own buffers per database: it spills or streams past it rather than grow
PERCENT_UNITS = ("%", "percent", "per cent", "percentage")  # as fmt.is_percent
MIN_DATES = 2  # as trends.MIN_DATES: a measure over time needs reports on two publication days

# What the free-text filter looks in, in the order filters.search_text joins it.
_HAY = "lower(concat_ws(chr(10), unit, subject, surface, place, event, event_city, sentence))"
# What makes two figures the same measure (trends.measure_key).
_MEASURE = "lower(trim(unit)) || ' | ' || lower(trim(subject))"


class NoParquet(Exception):
    """The data folder has no Parquet copy of a table (built before the ETL wrote them): rebuild it."""

    def __init__(self, folder: Path, missing: list[str]) -> None:
        self.folder, self.missing = folder, missing
        super().__init__(
            f"The tables in {folder.name or folder} were built by an older version of the ETL and have no Parquet "
            f"copy ({', '.join(missing)}). Rebuild them (`make data`, or `python -m etl --out {folder}`) to see the "
            "figures here."
        )


def _literal(path: Path) -> str:
    """A file path as an SQL string literal (paths are the server's own, never a visitor's; quotes doubled all the
    same)."""
    return "'" + str(path).replace("'", "''") + "'"


def _signature(folder: Path) -> str:
    """Changes with every build (the stamp), and with any Parquet file replaced by other means."""
    from dashboard.data import data_signature

    stats = []
    for t in TABLES:
        try:
            stats.append(str((folder / f"{t}.parquet").stat().st_mtime_ns))
        except OSError:
            stats.append("-")
    return data_signature(folder) + ":" + ",".join(stats)


class _Database:
    """One in-memory DuckDB database over a data folder's Parquet files, with the views the queries use."""

    def __init__(self, folder: Path) -> None:
        missing = [f"{t}.parquet" for t in TABLES if not (folder / f"{t}.parquet").is_file()]
        if missing:
            raise NoParquet(folder, missing)
        self.con = duckdb.connect(":memory:", config={"threads": 2, "memory_limit": MEMORY_LIMIT})
        try:
            self._views(folder)
        except BaseException:
            self.con.close()
            raise

    def _views(self, folder: Path) -> None:
        con = self.con
        for t in TABLES:
            con.execute(
                f"CREATE VIEW raw_{t} AS SELECT *, file_row_number AS rn "
                f"FROM read_parquet({_literal(folder / f'{t}.parquet')}, file_row_number = true)"
            )
        # Each article's publication date and title (small: one row per article).
        con.execute(
            "CREATE TABLE pub AS SELECT article_id, CAST(published AS TIMESTAMP) AS published, title, rn "
            "FROM raw_articles"
        )
        # The event whose counts were read from each figure: the first event that lists it (filters._events_of).
        con.execute(
            """CREATE TABLE linked AS
            SELECT metric_id, arg_min(name, rn) AS event, arg_min(city, rn) AS event_city
            FROM (SELECT unnest(string_split(metric_ids, ';')) AS metric_id, name, city, rn FROM raw_events)
            WHERE metric_id <> '' GROUP BY metric_id"""
        )
        # The warning of each figure that looks wrong next to the others (filters.flags): only those rows are kept.
        con.execute(
            f"""CREATE TABLE flags AS
            WITH m AS (
                SELECT rn, article_id, value, unit, category,
                    (category = 'percent' OR lower(trim(unit)) IN {PERCENT_UNITS!r}) AND value > 100 AS over_100
                FROM raw_metrics
            ), p AS (
                SELECT rn, value,
                    min(value) OVER w AS lo, max(value) OVER w AS hi
                FROM m WHERE value > 0
                WINDOW w AS (PARTITION BY article_id, lower(trim(unit)))
            )
            SELECT rn, flag FROM (
                SELECT m.rn, concat_ws('; ',
                    CASE WHEN m.over_100 THEN 'percent above 100' END,
                    CASE WHEN p.value / p.lo > {OUTLIER_RATIO} OR p.hi / p.value > {OUTLIER_RATIO}
                        THEN 'over {OUTLIER_RATIO:,}× apart from another ''' || m.unit || ''' figure in this article'
                    END) AS flag
                FROM m LEFT JOIN p ON p.rn = m.rn
            ) WHERE flag <> ''"""
        )
        columns = ", ".join(f'm."{c}"' for c in TABLE_BY_NAME["metrics"].columns)
        con.execute(
            f"""CREATE VIEW fig AS
            SELECT m.rn, {columns}, coalesce(fl.flag, '') AS flag, a.published, coalesce(a.title, '') AS title,
                coalesce(ev.event, '') AS event, coalesce(ev.event_city, '') AS event_city
            FROM raw_metrics m
            LEFT JOIN flags fl ON fl.rn = m.rn
            LEFT JOIN pub a ON a.article_id = m.article_id
            LEFT JOIN linked ev ON ev.metric_id = m.metric_id"""
        )

    def close(self) -> None:
        self.con.close()


_OPEN: OrderedDict[tuple[str, str], _Database] = OrderedDict()
_LOCK = threading.Lock()


@contextmanager
def cursor(folder: Path) -> Iterator[duckdb.DuckDBPyConnection]:
    """A cursor on the database of ``folder``'s current build (opened on first use; one per folder and build)."""
    folder = Path(folder)
    key = (str(folder.resolve()), _signature(folder))
    with _LOCK:
        db = _OPEN.get(key)
        if db is None:
            # An older build of the same folder, and the least recently used past OPEN_DATABASES, are let go: not
            # closed, since another session may be reading from them; each is freed with its last cursor.
            for old in [k for k in _OPEN if k[0] == key[0]]:
                del _OPEN[old]
            db = _Database(folder)
            _OPEN[key] = db
            while len(_OPEN) > OPEN_DATABASES:
                _OPEN.popitem(last=False)
        _OPEN.move_to_end(key)
        cur = db.con.cursor()  # a connection of its own to the same database: safe in this session's thread
    try:
        yield cur
    finally:
        cur.close()


def close_all() -> None:
    """Close every open database (tests; a server shutting down)."""
    with _LOCK:
        while _OPEN:
            _OPEN.popitem()[1].close()


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
    if f.text:
        parts.append(f"contains({_HAY}, lower(?::VARCHAR))")
        params.append(f.text)
    since, until = f.day("since"), f.day("until")
    if since is not None:
        parts.append("published >= ?::TIMESTAMP")
        params.append(since.to_pydatetime())
    if until is not None:
        parts.append("published < ?::TIMESTAMP")
        params.append((until + pd.Timedelta(days=1)).to_pydatetime())
    if f.flagged:
        parts.append("flag <> ''")
    return (" AND ".join(parts) or "TRUE"), params


@dataclass(frozen=True)
class Options:
    """What the Figures page's filters offer, and the corpus's count of figures."""

    titles: dict[str, str]  # article id -> short title, for the articles that have figures
    categories: list[str]
    places: list[str]
    total: int


def options(folder: Path) -> Options:
    with cursor(folder) as cur:
        ids = cur.execute(
            "SELECT p.article_id, coalesce(p.title, '') FROM pub p "
            "WHERE p.article_id IN (SELECT DISTINCT article_id FROM raw_metrics) ORDER BY p.rn"
        ).fetchall()
        orphans = cur.execute(  # figures of an article the articles table lacks keep their id as the title
            "SELECT DISTINCT article_id FROM raw_metrics WHERE article_id NOT IN (SELECT article_id FROM pub)"
        ).fetchall()
        categories = [c for (c,) in cur.execute("SELECT DISTINCT category FROM raw_metrics").fetchall()]
        places = cur.execute(
            """SELECT place FROM raw_metrics WHERE place <> ''
            UNION SELECT subject FROM raw_metrics WHERE subject IN (SELECT name FROM raw_places)
            UNION SELECT event_city FROM linked WHERE event_city <> ''
                AND metric_id IN (SELECT metric_id FROM raw_metrics)"""
        ).fetchall()
        (total,) = cur.execute("SELECT count(*) FROM raw_metrics").fetchone()
    titles = {a: shorten(t.strip() or a, 70) for a, t in ids}
    titles.update({a: a for (a,) in orphans})
    return Options(titles, sorted(categories), sorted(p for (p,) in places), int(total))


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
        cond, params = where(f)
        if keep and cond != "TRUE":
            cur.execute(f"CREATE OR REPLACE TEMP TABLE sel AS SELECT rn FROM fig WHERE {cond}", params)
            cond, params = "rn IN (SELECT rn FROM sel)", []
        self.cond, self.params = cond, params

    def _df(self, sql: str, *more) -> pd.DataFrame:
        return self.cur.execute(sql.format(cond=self.cond), [*self.params, *more]).df()

    def summary(self) -> Summary:
        row = self.cur.execute(
            f"""SELECT count(*), count(*) FILTER (WHERE flag <> ''), count(*) FILTER (WHERE value > 0),
                count(DISTINCT category) FILTER (WHERE value > 0), min(value) FILTER (WHERE value > 0),
                max(value) FILTER (WHERE value > 0)
            FROM fig WHERE {self.cond}""",
            self.params,
        ).fetchone()
        rows, flagged, positive, categories, low, high = row
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
        return self._df(
            """SELECT category, CAST(floor(log10(value)) AS BIGINT) AS decade, count(*) AS count
            FROM fig WHERE {cond} AND value > 0 GROUP BY ALL ORDER BY category, decade"""
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
