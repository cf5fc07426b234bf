"""One in-memory DuckDB database per data folder and build, over the folder's Parquet tables (issue 19).

Every page asks it for what it shows (counts, aggregates, the rows on screen) instead of holding tables in pandas.
The database reads the Parquet files in place; what many queries need and that is small (each article's publication
date and title, the event each figure counts, each flagged figure's warning) is worked out once when it opens. Every
value a visitor chooses is a bound parameter, never part of the SQL text. A data folder with tables but no Parquet
copy (built before the ETL wrote them) raises :class:`NoParquet`; a folder with no tables at all (no article yet)
reads as empty tables.
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
import os
import threading
from collections import OrderedDict
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import duckdb
import pandas as pd

from dashboard.filters import OUTLIER_RATIO, Filters
from etl import paths
from etl.schema import TABLE_BY_NAME

log = logging.getLogger(__name__)

TABLES = ("articles", "metrics", "events", "places", "learning_cities", "rejected")
OPEN_DATABASES = 4  # data folders (shared, trials) kept open at once; the oldest is let go past this
MEMORY_LIMIT = "256MB"  # DuckDB's own buffers per database: it spills or streams past it rather than grow
PERCENT_UNITS = ("%", "percent", "per cent", "percentage")  # as fmt.is_percent
# What the free-text filter looks in (filters.search_text): each figure's own text here, the event it counts in `linked`.
SEARCH_TEXT = "lower(concat_ws(chr(10), unit, subject, surface, place, sentence))"
# From this many figures the search text is lower-cased once per build into a Parquet file of the search folder:
# lower() over every sentence was two thirds of a search's scan (0.1 of 0.15 s at 410,000 figures). Below it the
# scan is a few milliseconds and no file is written.
SEARCH_COPY_FROM = 50_000
_SQL_TYPES = {"string": "VARCHAR", "integer": "BIGINT", "number": "DOUBLE", "date": "DATE"}


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


def signature(folder: Path) -> str:
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

    copy: Path | None = None  # the search text's Parquet copy this database reads, if any

    def __init__(self, folder: Path) -> None:
        # A table with neither file is one no build has written yet (no article): it reads as empty. A CSV without
        # its Parquet copy is an older build, which only a rebuild mends.
        missing = [
            f"{t}.parquet"
            for t in TABLES
            if not (folder / f"{t}.parquet").is_file() and (folder / f"{t}.csv").is_file()
        ]
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
            path = folder / f"{t}.parquet"
            if path.is_file():
                con.execute(
                    f"CREATE VIEW raw_{t} AS SELECT * EXCLUDE (file_row_number), file_row_number AS rn "
                    f"FROM read_parquet({_literal(path)}, file_row_number = true)"
                )
            else:
                columns = ", ".join(f'"{f.name}" {_SQL_TYPES[f.type]}' for f in TABLE_BY_NAME[t].fields)
                con.execute(f"CREATE TABLE raw_{t} ({columns}, rn BIGINT)")
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
        # Every figure an event's counts were read from, in the order its row lists them, with what an events chart's
        # sources show of it: small (no sentence: its hash, and the figure's row to fetch it from for the rows shown).
        con.execute(
            """CREATE TABLE event_figures AS
            WITH l AS (
                SELECT rn AS ern, name, unnest(string_split(coalesce(metric_ids, ''), ';')) AS metric_id,
                    generate_subscripts(string_split(coalesce(metric_ids, ''), ';'), 1) AS pos
                FROM raw_events
            )
            SELECT l.ern, l.pos, m.rn AS mrn, l.name || ': ' || m.surface || ' ' || m.unit AS label, m.article_id,
                hash(m.sentence) AS sentence_hash
            FROM l JOIN raw_metrics m ON m.metric_id = l.metric_id WHERE l.metric_id <> ''"""
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
        self._search_view(folder)
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

    def _search_view(self, folder: Path) -> None:
        """The ``search`` view: each figure's row number and its lower-cased text (:data:`SEARCH_TEXT`), read from a
        copy made once per build for a large table, else worked out by each query."""
        con, self.copy = self.con, None
        computed = f"SELECT rn, {SEARCH_TEXT} AS text FROM raw_metrics"
        counted = con.execute("SELECT count(*) FROM raw_metrics").fetchone()
        figures = counted[0] if counted else 0
        copy = search_copy(folder) if figures >= SEARCH_COPY_FROM else None
        if copy is not None:
            part = copy.with_name(f".{copy.name}.{os.getpid()}.{threading.get_ident()}.tmp")
            try:
                if not copy.is_file():
                    copy.parent.mkdir(parents=True, exist_ok=True)
                    con.execute(f"COPY ({computed}) TO {_literal(part)} (FORMAT parquet)")
                    os.replace(part, copy)  # whole or not at all: another process may be reading the folder
                    named = copy.name.split("-")[0]
                    for old in copy.parent.glob(named + "-*.parquet"):
                        if old != copy:
                            old.unlink(missing_ok=True)  # an older build's (a reader keeps its open file)
                    (copy.parent / f"{named}.folder").write_text(str(folder.resolve()), encoding="utf-8")
                    _sweep_copies(copy.parent)
                con.execute(f"CREATE OR REPLACE VIEW search AS SELECT rn, text FROM read_parquet({_literal(copy)})")
                self.copy = copy
                return
            except (OSError, duckdb.Error) as exc:  # a read-only disk: searches work it out each time instead
                log.warning("search copy not written in %s (%s): each search lower-cases every figure", copy, exc)
                with contextlib.suppress(OSError):  # a folder that is a file, gone, or read-only
                    part.unlink(missing_ok=True)
        con.execute(f"CREATE OR REPLACE VIEW search AS {computed}")

    def close(self) -> None:
        self.con.close()


def _sweep_copies(where: Path) -> None:
    """Delete the copies of data folders that are gone (a visitor's trial, ended or swept as idle): each copy's
    ``<name>.folder`` note says which folder it was made from."""
    for note in where.glob("*.folder"):
        try:
            gone = not Path(note.read_text(encoding="utf-8")).is_dir()
        except OSError:
            continue
        if gone:
            for copy in where.glob(note.stem + "-*.parquet"):
                copy.unlink(missing_ok=True)
            note.unlink(missing_ok=True)


def search_copy(folder: Path) -> Path:
    """Where the lower-cased search text of ``folder``'s current build is kept: one file per data folder, named by
    the folder and its build's signature."""
    where = Path(os.environ.get("DED_SEARCH_DIR") or paths.SEARCH_DIR)
    named = hashlib.sha256(str(folder.resolve()).encode()).hexdigest()[:16]
    built = hashlib.sha256(signature(folder).encode()).hexdigest()[:16]
    return where / f"{named}-{built}.parquet"


_OPEN: OrderedDict[tuple[str, str], _Database] = OrderedDict()
_LOCK = threading.Lock()


@contextmanager
def cursor(folder: Path) -> Iterator[duckdb.DuckDBPyConnection]:
    """A cursor on the database of ``folder``'s current build (opened on first use; one per folder and build)."""
    folder = Path(folder)
    key = (str(folder.resolve()), signature(folder))
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
        if db.copy is not None and not db.copy.is_file():  # the cache was cleared under a running server
            db._search_view(folder)
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


def frame(folder: Path, sql: str, params: list | None = None) -> pd.DataFrame:
    """The answer of one query as a DataFrame."""
    with cursor(folder) as cur:
        return cur.execute(sql, params or []).df()


def rows(folder: Path, sql: str, params: list | None = None) -> list[tuple]:
    """The answer of one query as tuples."""
    with cursor(folder) as cur:
        return cur.execute(sql, params or []).fetchall()


def dated(f: Filters, column: str = "published") -> tuple[list[str], list]:
    """The conditions of ``f``'s publication dates on ``column`` (a TIMESTAMP), with their parameters: both ends
    included (``until`` is a whole day), as `filters.published_between`."""
    parts: list[str] = []
    params: list = []
    since, until = f.day("since"), f.day("until")
    if since is not None:
        parts.append(f"{column} >= ?::TIMESTAMP")
        params.append(since.to_pydatetime())
    if until is not None:
        parts.append(f"{column} < ?::TIMESTAMP")
        params.append((until + pd.Timedelta(days=1)).to_pydatetime())
    return parts, params


def narrow(
    f: Filters, *, articles: str, places: tuple[str, ...], text: tuple[str, ...], several: bool
) -> tuple[str, list]:
    """The SQL condition of `filters.narrow` for a table of events, learning cities or places, with its parameters:
    ``articles`` names its article column (``several``: ids separated by ';'), ``places`` the columns a place filter
    looks in, ``text`` those the free text looks in. Column names are the code's own; every value is bound."""
    parts: list[str] = []
    params: list = []
    ids = f"string_split({articles}, ';')" if several else None
    if f.articles:
        parts.append(f"list_has_any({ids}, ?::VARCHAR[])" if ids else f"list_contains(?::VARCHAR[], {articles})")
        params.append(list(f.articles))
    if f.places:
        parts.append("(" + " OR ".join(f"list_contains(?::VARCHAR[], {c})" for c in places) + ")")
        params += [list(f.places)] * len(places)
    if f.text:
        hay = ", ".join(f"coalesce(CAST({c} AS VARCHAR), '')" for c in text)
        parts.append(f"contains(lower(concat_ws(chr(10), {hay})), lower(?::VARCHAR))")
        params.append(f.text)
    if f.dated:
        # The articles published in the range (an undated one is in none); a date that is no date narrows nothing
        # but still asks for an article the table knows, as `filters.published_between` does.
        cond, more = dated(f)
        where = " AND ".join(["published IS NOT NULL", *cond]) if cond else "TRUE"
        if ids:
            parts.append(f"list_has_any({ids}, (SELECT list(article_id) FROM pub WHERE {where}))")
        else:
            parts.append(f"{articles} IN (SELECT article_id FROM pub WHERE {where})")
        params += more
    return (" AND ".join(parts) or "TRUE"), params
