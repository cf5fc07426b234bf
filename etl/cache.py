"""Cache of each article's checked table fragment, keyed by its content and name, so unchanged articles are not re-read."""

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
from typing import Any

from etl.model import Fragment
from etl.paths import GAZETTEER_DIR, LOOKUPS_DIR, REQUIREMENTS, ROOT
from etl.write import atomic_write_bytes

# One SQLite file per code version: thousands of fragments load in one query instead of one file each,
# and a killed run leaves the database as it was before its last transaction.
_SCHEMA = "CREATE TABLE IF NOT EXISTS fragment (key TEXT PRIMARY KEY, data BLOB NOT NULL)"
_BATCH = 500  # SQLite limits the number of parameters of one statement


def files_version(files: list[Path]) -> str:
    """Hash of ``files`` (paths and bytes) and of the pinned libraries."""
    h = hashlib.sha256()
    for path in sorted(files):
        h.update(path.relative_to(ROOT).as_posix().encode())
        h.update(path.read_bytes())
    if REQUIREMENTS.is_file():
        h.update(REQUIREMENTS.read_bytes())
    return h.hexdigest()[:16]


@cache
def code_version() -> str:
    """Hash of the ETL's code, lookup files and pinned libraries: a change to any invalidates every cached fragment
    (and marks the tables stale)."""
    return files_version([*(ROOT / "etl").rglob("*.py"), *(p for p in LOOKUPS_DIR.rglob("*") if p.is_file())])


def _db_path(cache_dir: Path) -> Path:
    return cache_dir / f"fragments-{code_version()}.sqlite3"


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


def keys_among(cache_dir: Path, keys: Iterable[str]) -> set[str]:
    """Which of ``keys`` the cache holds, without loading their fragments (a build loads them a batch at a time)."""
    wanted = list(dict.fromkeys(keys))
    found: set[str] = set()
    try:
        with contextlib.closing(_connect(cache_dir)) as con:
            for i in range(0, len(wanted), _BATCH):
                chunk = wanted[i : i + _BATCH]
                marks = ",".join("?" * len(chunk))
                found.update(key for (key,) in con.execute(f"SELECT key FROM fragment WHERE key IN ({marks})", chunk))
    except (OSError, sqlite3.Error):
        return found  # a read-only or damaged cache only costs speed
    return found


def load_many(cache_dir: Path, keys: Iterable[str]) -> dict[str, Fragment]:
    """The cached fragments among ``keys``; absent, unreadable or stale entries are simply missing."""
    wanted = list(dict.fromkeys(keys))
    found: dict[str, Fragment] = {}
    try:
        with contextlib.closing(_connect(cache_dir)) as con:
            for i in range(0, len(wanted), _BATCH):
                chunk = wanted[i : i + _BATCH]
                marks = ",".join("?" * len(chunk))
                for key, data in con.execute(f"SELECT key, data FROM fragment WHERE key IN ({marks})", chunk):
                    with contextlib.suppress(Exception):  # a damaged entry is a miss, never a failed build
                        value = pickle.loads(data)
                        if isinstance(value, Fragment):
                            found[key] = value
    except (OSError, sqlite3.Error):
        return found  # a read-only or damaged cache only costs speed
    return found


def store_many(cache_dir: Path, fragments: dict[str, Fragment]) -> None:
    """Add ``fragments`` (key -> fragment) in one transaction."""
    if not fragments:
        return
    rows = [(key, pickle.dumps(f, protocol=pickle.HIGHEST_PROTOCOL)) for key, f in fragments.items()]
    # A read-only or full disk only costs speed, never correctness.
    with contextlib.suppress(OSError, sqlite3.Error), contextlib.closing(_connect(cache_dir)) as con, con:
        con.executemany("INSERT OR REPLACE INTO fragment VALUES (?, ?)", rows)
    _prune(cache_dir)


def _object_path(cache_dir: Path, name: str, version: str | None) -> Path:
    return cache_dir / f"{name}-{version or code_version()}.pickle"


def load_object(cache_dir: Path, name: str, version: str | None = None) -> Any:
    """The object :func:`store_object` saved under ``name`` for this version (default: of the ETL's code), else
    None."""
    try:
        return pickle.loads(_object_path(cache_dir, name, version).read_bytes())
    except Exception:  # missing, damaged or from another Python: the caller builds it again
        return None


def store_object(cache_dir: Path, name: str, obj: Any, version: str | None = None) -> None:
    """Save ``obj`` for later runs of the same version; drop the copies of other versions."""
    path = _object_path(cache_dir, name, version)
    with contextlib.suppress(OSError):  # a read-only or full disk only costs speed
        atomic_write_bytes(path, pickle.dumps(obj, protocol=pickle.HIGHEST_PROTOCOL))
        for old in cache_dir.glob(f"{name}-*.pickle"):
            if old != path:
                old.unlink(missing_ok=True)


def _prune(cache_dir: Path) -> None:
    """Drop the databases of other code versions (and of the per-article results kept before): never used again."""
    keep = _db_path(cache_dir).name
    for old in [*cache_dir.glob("fragments-*.sqlite3*"), *cache_dir.glob("results-*.sqlite3*")]:
        if not old.name.startswith(keep):
            old.unlink(missing_ok=True)
    if cache_dir.resolve() != GAZETTEER_DIR.resolve():  # earlier versions kept the gazetteer beside the fragments
        for old in cache_dir.glob("gazetteer-*.pickle"):
            old.unlink(missing_ok=True)
    for old in cache_dir.iterdir():  # the one-JSON-file-per-article layout of earlier versions
        if old.is_dir() and re.fullmatch(r"[0-9a-f]{16}", old.name):
            shutil.rmtree(old, ignore_errors=True)
