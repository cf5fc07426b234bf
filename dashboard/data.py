"""Where the data lives, the small answers of its database cached once per build, downloads built on click, and
whether it needs a rebuild."""

from __future__ import annotations

import datetime as dt
import os
import time
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
import streamlit as st

from dashboard import cities, db, exports, filters, trial
from etl import paths
from etl.build import STAMP
from etl.read import ARTICLE_SUFFIXES, Rejected, decode
from etl.schema import TABLE_BY_NAME, TABLES


@dataclass(frozen=True)
class Dirs:
    seeds: Path
    data: Path
    cache: Path
    also: tuple[Path, ...] = ()  # more article folders read with seeds: a visitor's trial

    @property
    def folders(self) -> tuple[Path, ...]:
        """Every folder of articles the tables are built from."""
        return (self.seeds, *self.also)


def shared_dirs() -> Dirs:
    """The shared folders, read from the environment at call time (tests point them at tmp folders per run)."""
    return Dirs(
        seeds=Path(os.environ.get("DED_SEEDS_DIR") or paths.SEEDS_DIR),
        data=Path(os.environ.get("DED_DATA_DIR") or paths.DATA_DIR),
        cache=Path(os.environ.get("DED_CACHE_DIR") or paths.CACHE_DIR),
    )


def dirs() -> Dirs:
    """The folders this session reads: the shared ones, or, while it tries articles, its trial's tables built from
    the shared articles and its own."""
    shared = shared_dirs()
    t = trial.current()
    if t is None:
        return shared
    trial.touch(t)
    return Dirs(seeds=shared.seeds, data=t.data, cache=shared.cache, also=(t.articles,))


def empty_frame(name: str) -> pd.DataFrame:
    """A table with no rows but the contract's columns and dtypes."""
    return typed(name, pd.DataFrame({c: pd.Series([], dtype=str) for c in TABLE_BY_NAME[name].columns}))


def typed(name: str, frame: pd.DataFrame) -> pd.DataFrame:
    """Give a table read as text the dtypes of its contract: text stays text ("" when empty), numbers are floats."""
    frame = frame.copy()
    for f in TABLE_BY_NAME[name].fields:
        if f.name not in frame.columns:
            frame[f.name] = ""
        column = frame[f.name]
        if f.type in ("number", "integer"):
            # Floats even for integers: a missing count must stay missing, not become 0.
            frame[f.name] = pd.to_numeric(column.replace("", None), errors="coerce").astype("float64")
        elif f.type == "date":
            frame[f.name] = pd.to_datetime(column.replace("", None), errors="coerce", format="ISO8601")
        else:
            frame[f.name] = column.fillna("").astype(str)
    return frame


def read_table(data_dir: Path, name: str) -> pd.DataFrame:
    """One table of ``data_dir`` with contract dtypes; an empty table when the file is missing or unreadable."""
    path = Path(data_dir) / f"{name}.csv"
    try:
        raw = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8")
    except (OSError, ValueError, pd.errors.ParserError):
        return empty_frame(name)
    return typed(name, raw)


def data_signature(data_dir: Path) -> str:
    """Changes whenever a build finishes: the stamp's content and mtime (cheap: one stat and one small read)."""
    stamp = Path(data_dir) / STAMP
    try:
        return f"{stamp.read_text()}:{stamp.stat().st_mtime_ns}"
    except OSError:
        return "missing:" + ":".join(
            str((Path(data_dir) / f"{t.name}.csv").stat().st_mtime_ns)
            for t in TABLES
            if (Path(data_dir) / f"{t.name}.csv").exists()
        )


def _folder(data_dir: Path | None) -> Path:
    return Path(data_dir) if data_dir is not None else dirs().data


# Small answers of the database, once per build and shared by every session (`st.cache_data`): counts, the map's
# points, the headline figures of the whole corpus. Whatever depends on a visitor's filters is asked on each run.


@st.cache_data(show_spinner=False, max_entries=8)
def _counts(data_dir: str, signature: str):
    from dashboard import query_articles

    del signature  # only part of the cache key: a new build means new counts
    return query_articles.counts(Path(data_dir))


def counts(data_dir: Path | None = None):
    """Every table's row count and the distinct place names (`query_articles.Counts`), once per build."""
    folder = _folder(data_dir)
    return _counts(str(folder), db.signature(folder))


@st.cache_data(show_spinner=False, max_entries=8)
def _headline(data_dir: str, signature: str) -> pd.DataFrame:
    from dashboard import query

    del signature
    return query.headline(Path(data_dir), filters.Filters())


def headline(data_dir: Path | None = None) -> pd.DataFrame:
    """The corpus's headline figures (`query.headline` with no filter), once per build."""
    folder = _folder(data_dir)
    return _headline(str(folder), db.signature(folder))


def figures_csv(f: filters.Filters, data_dir: Path | None = None) -> bytes:
    """The figures passing ``f`` as CSV, valid against the metrics table's schema. Meant for a download built on
    click: the button keeps only the filters, not a copy of the rows, in every session that shows it. Asked of DuckDB
    (`dashboard.query`): only the rows of the view are read."""
    from dashboard import query

    folder = _folder(data_dir)
    return exports.view_csv(query.download(folder, f))


def figures_zip(f: filters.Filters, data_dir: Path | None = None) -> bytes:
    """The same view with its datapackage.json: schema, the filters, a citation line and the articles it cites."""
    from dashboard import query

    folder = _folder(data_dir)
    shown = query.download(folder, f)
    built = built_at(folder)
    day = built.date().isoformat() if built else dt.date.today().isoformat()
    cited = query.cited_articles(folder, sorted(set(shown["article_id"])))
    return exports.view_zip(shown, f, cited, day)


@st.cache_data(show_spinner=False, max_entries=8)
def _figure_options(data_dir: str, signature: str, most: int):
    from dashboard import query

    del signature  # only part of the cache key: a new build means new options
    return query.options(Path(data_dir), most)


def figure_options(data_dir: Path | None = None, most: int = 1_000):
    """What the Figures page's filters offer (`query.Options`, the first ``most`` articles), once per build; raises
    `query.NoParquet` for a data folder built before the ETL wrote Parquet."""
    folder = _folder(data_dir)
    return _figure_options(str(folder), data_signature(folder), most)


@st.cache_data(show_spinner=False, max_entries=8)
def _city_points(data_dir: str, signature: str, learning_only: bool) -> pd.DataFrame:
    from dashboard import query_places

    del signature
    return cities.points_from(query_places.city_facts(Path(data_dir), learning_only))


def city_points(data_dir: Path | None = None, learning_only: bool = False) -> pd.DataFrame:
    """`cities.city_points` of the built tables, asked of DuckDB once per build; ``learning_only``: the learning
    cities alone."""
    folder = _folder(data_dir)
    return _city_points(str(folder), db.signature(folder), learning_only)


@st.cache_data(show_spinner=False, max_entries=8)
def _country_mentions(data_dir: str, signature: str) -> dict[str, int]:
    from dashboard import query_places

    del signature
    return query_places.country_mentions(Path(data_dir))


def country_mentions(data_dir: Path | None = None) -> dict[str, int]:
    """How often each country is named in the whole corpus (ISO3 -> mentions), once per build."""
    folder = _folder(data_dir)
    return _country_mentions(str(folder), db.signature(folder))


def built_at(data_dir: Path) -> dt.datetime | None:
    """When the last complete build finished (UTC), or None when there is none."""
    try:
        return dt.datetime.fromtimestamp((Path(data_dir) / STAMP).stat().st_mtime, tz=dt.UTC)
    except OSError:
        return None


def seeds_signature(seeds: Path) -> str:
    """Names, sizes and mtimes of the article files: cheap, and changes whenever an article does."""
    try:
        entries = sorted(
            (e.name, e.stat().st_size, e.stat().st_mtime_ns) for e in os.scandir(seeds) if not e.name.startswith(".")
        )
    except OSError:
        return "missing"
    return repr(entries)


def has_articles(*folders: Path) -> bool:
    """Whether any of the folders holds an article file (stops at the first: a folder may hold 40,000)."""
    for folder in folders:
        try:
            with os.scandir(folder) as entries:
                if any(not e.name.startswith(".") and e.name.lower().endswith(ARTICLE_SUFFIXES) for e in entries):
                    return True
        except OSError:
            continue
    return False


@st.cache_data(show_spinner=False, max_entries=8)
def _is_stale(seeds: str, also: tuple[str, ...], data: str, seeds_sig: str, data_sig: str) -> bool:
    from etl.build import is_stale

    del seeds_sig, data_sig  # cache key only: reading every article is what we avoid on each rerun
    return is_stale(Path(seeds), Path(data), [Path(a) for a in also])


def articles_signature(d: Dirs) -> str:
    """`seeds_signature` of every folder the tables are built from."""
    return "|".join(seeds_signature(f) for f in d.folders)


# How long a page run trusts the last staleness check while no folder's own mtime has changed. Every page run asks,
# and the full check stats every article (0.1 s at 40,000 files): a file added, removed or renamed changes its
# folder's mtime and is seen at once; an article overwritten in place is seen at the first check after this.
RECHECK_S = 5.0
_CHECKED: dict[tuple[str, ...], tuple[float, tuple[int, ...], str, bool]] = {}  # folders -> when, mtimes, data, answer
_CHECKED_MOST = 256  # each trial is a key of its own; past this the memory is simply forgotten


def _folder_mtimes(d: Dirs) -> tuple[int, ...]:
    found = []
    for folder in d.folders:
        try:
            found.append(folder.stat().st_mtime_ns)
        except OSError:
            found.append(-1)
    return tuple(found)


def is_stale(d: Dirs) -> bool:
    """Whether the tables are missing or older than the articles: the full check (cached until either folder changes)
    at most every ``RECHECK_S`` seconds per process while the folders' own mtimes and the build stamp stay the same."""
    key = (*map(str, d.folders), str(d.data))
    mtimes, built, now = _folder_mtimes(d), data_signature(d.data), time.monotonic()
    seen = _CHECKED.get(key)
    if seen is not None and seen[1:3] == (mtimes, built) and now - seen[0] < RECHECK_S:
        return seen[3]
    also = tuple(str(a) for a in d.also)
    answer = _is_stale(str(d.seeds), also, str(d.data), articles_signature(d), built)
    if len(_CHECKED) >= _CHECKED_MOST:
        _CHECKED.clear()
    _CHECKED[key] = (now, mtimes, built, answer)
    return answer


@st.cache_data(show_spinner=False, max_entries=64)
def _article_text(path: str, signature: str) -> str | None:
    del signature
    try:
        text, _ = decode(Path(path).read_bytes())
    except (OSError, Rejected):
        return None
    return text


def article_text(d: Dirs, file: str) -> str | None:
    """The decoded text of an article, as the ETL read it (offsets match), or None when it is gone."""
    for folder in d.folders:
        path = Path(folder) / Path(file).name
        try:
            stat = path.stat()
        except OSError:
            continue
        return _article_text(str(path), f"{stat.st_size}:{stat.st_mtime_ns}")
    return None
