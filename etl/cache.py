"""Content-hash cache of per-article extraction results, so unchanged articles are not re-read."""

from __future__ import annotations

import contextlib
import hashlib
import pickle
import re
import shutil
import sqlite3
from collections.abc import Iterable
from functools import cache
from pathlib import Path

from etl.model import ArticleResult
from etl.paths import LOOKUPS_DIR, ROOT

# One SQLite file per code version: thousands of results load in one query instead of one file each,
# and a killed run leaves the database as it was before its last transaction.
_SCHEMA = "CREATE TABLE IF NOT EXISTS result (sha256 TEXT PRIMARY KEY, data BLOB NOT NULL)"
_BATCH = 500  # SQLite limits the number of parameters of one statement


@cache
def code_version() -> str:
    """Hash of the ETL's code and lookup files: a change to either invalidates every cached result."""
    h = hashlib.sha256()
    files = sorted((ROOT / "etl").rglob("*.py")) + sorted(p for p in LOOKUPS_DIR.rglob("*") if p.is_file())
    for path in files:
        h.update(path.relative_to(ROOT).as_posix().encode())
        h.update(path.read_bytes())
    return h.hexdigest()[:16]


def _db_path(cache_dir: Path) -> Path:
    return cache_dir / f"results-{code_version()}.sqlite3"


def _connect(cache_dir: Path) -> sqlite3.Connection:
    cache_dir.mkdir(parents=True, exist_ok=True)
    path = _db_path(cache_dir)
    con = sqlite3.connect(path, timeout=30)
    try:
        con.execute(_SCHEMA)
    except sqlite3.OperationalError:  # locked or read-only: leave it to the caller's fallback
        con.close()
        raise
    except sqlite3.DatabaseError:  # not a database any more (a disk error, a stray write): start afresh
        con.close()
        path.unlink(missing_ok=True)
        con = sqlite3.connect(path, timeout=30)
        con.execute(_SCHEMA)
    return con


def load_many(cache_dir: Path, shas: Iterable[str]) -> dict[str, ArticleResult]:
    """The cached results among ``shas``; absent, unreadable or stale entries are simply missing."""
    wanted = list(dict.fromkeys(shas))
    found: dict[str, ArticleResult] = {}
    try:
        with contextlib.closing(_connect(cache_dir)) as con:
            for i in range(0, len(wanted), _BATCH):
                chunk = wanted[i : i + _BATCH]
                marks = ",".join("?" * len(chunk))
                for sha, data in con.execute(f"SELECT sha256, data FROM result WHERE sha256 IN ({marks})", chunk):
                    with contextlib.suppress(Exception):  # a damaged entry is a miss, never a failed build
                        result = pickle.loads(data)
                        if isinstance(result, ArticleResult):
                            found[sha] = result
    except (OSError, sqlite3.Error):
        return found  # a read-only or damaged cache only costs speed
    return found


def store_many(cache_dir: Path, results: dict[str, ArticleResult]) -> None:
    """Add ``results`` (sha256 of the article's bytes -> result) in one transaction."""
    if not results:
        return
    rows = [(sha, pickle.dumps(r, protocol=pickle.HIGHEST_PROTOCOL)) for sha, r in results.items()]
    # A read-only or full disk only costs speed, never correctness.
    with contextlib.suppress(OSError, sqlite3.Error), contextlib.closing(_connect(cache_dir)) as con, con:
        con.executemany("INSERT OR REPLACE INTO result VALUES (?, ?)", rows)
    _prune(cache_dir)


def _prune(cache_dir: Path) -> None:
    """Drop the databases of other code versions: their results can never be used again."""
    keep = _db_path(cache_dir).name
    for old in cache_dir.glob("results-*.sqlite3*"):
        if not old.name.startswith(keep):
            old.unlink(missing_ok=True)
    for old in cache_dir.iterdir():  # the one-JSON-file-per-article layout of earlier versions
        if old.is_dir() and re.fullmatch(r"[0-9a-f]{16}", old.name):
            shutil.rmtree(old, ignore_errors=True)
