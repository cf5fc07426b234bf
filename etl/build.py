"""Build the tables in ``data/`` from the articles in ``seeds/``: load, process, save."""

from __future__ import annotations

import hashlib
import json
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from filelock import FileLock

from etl import cache
from etl.model import ArticleResult
from etl.read import DEFAULT_MAX_BYTES, Document, Rejection, read_folder
from etl.write import atomic_write_bytes, json_bytes, remove_stale_temps

Progress = Callable[[int, int, str], None]  # (done, total, file name)
STAMP = ".build-stamp"  # fingerprint of the inputs of the last complete build
CACHE_BATCH = 250  # results written to the cache per transaction during a long run


@dataclass(frozen=True)
class BuildReport:
    articles: int
    rejected: list[Rejection]
    rows: dict[str, int]
    from_cache: int
    skipped: bool  # nothing changed since the last build, nothing was written


def lock_for(out: Path) -> FileLock:
    """The lock every writer of ``out`` (ETL runs, uploads) takes, across processes."""
    out.mkdir(parents=True, exist_ok=True)
    return FileLock(str(out / ".build.lock"))


def run(
    seeds: Path,
    out: Path,
    *,
    cache_dir: Path | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    progress: Progress | None = None,
    lock_timeout: float = 600,
) -> BuildReport:
    """Build every table of ``out`` from ``seeds``; raises ContractError before writing bad tables."""
    with lock_for(out).acquire(timeout=lock_timeout):
        # Load
        docs, rejected = read_folder(seeds, max_bytes)
        stamp = _fingerprint(docs, rejected)
        if _is_current(out, stamp):
            return BuildReport(len(docs), rejected, {}, len(docs), skipped=True)
        # Process. pandas, pandera and the gazetteer load only now: an up-to-date run never needs them.
        from etl.schema import TABLES, check, check_foreign_keys, datapackage
        from etl.tables import build_tables
        from etl.write import csv_bytes

        results, hits = _extract_all(docs, cache_dir, progress)
        frames = build_tables(results, rejected)
        for name, frame in frames.items():
            frames[name] = check(name, frame)
        check_foreign_keys(frames)
        # Save: tables first, then the data package that hashes them, then the stamp.
        payloads = {name: csv_bytes(frame) for name, frame in frames.items()}
        remove_stale_temps(out)
        for table in TABLES:
            atomic_write_bytes(out / f"{table.name}.csv", payloads[table.name])
        atomic_write_bytes(out / "datapackage.json", json_bytes(datapackage(payloads)))
        atomic_write_bytes(out / STAMP, stamp.encode())
        return BuildReport(len(docs), rejected, {n: len(f) for n, f in frames.items()}, hits, skipped=False)


def _extract_all(
    docs: list[Document], cache_dir: Path | None, progress: Progress | None
) -> tuple[list[tuple[Document, ArticleResult]], int]:
    from etl.extract.pipeline import extract_article

    cached = cache.load_many(cache_dir, (d.sha256 for d in docs)) if cache_dir else {}
    fresh: dict[str, ArticleResult] = {}
    pending: dict[str, ArticleResult] = {}
    results = []
    for i, doc in enumerate(docs, start=1):
        result = cached.get(doc.sha256) or fresh.get(doc.sha256)
        if result is None:
            result = fresh[doc.sha256] = pending[doc.sha256] = extract_article(doc.text)
            if cache_dir and len(pending) >= CACHE_BATCH:
                cache.store_many(cache_dir, pending)  # a run killed half-way keeps what it had read
                pending = {}
        results.append((doc, result))
        if progress:
            progress(i, len(docs), doc.file)
    if cache_dir:
        cache.store_many(cache_dir, pending)
    hits = sum(1 for d in docs if d.sha256 in cached)
    return results, hits


def _fingerprint(docs: list[Document], rejected: list[Rejection]) -> str:
    h = hashlib.sha256(cache.code_version().encode())
    for d in docs:
        h.update(f"{d.file}\0{d.sha256}\n".encode())
    for r in rejected:
        h.update(f"{r.file}\0{r.reason}\n".encode())
    return h.hexdigest()


def _is_current(out: Path, stamp: str) -> bool:
    """True when ``out`` holds a complete build of exactly these inputs, untouched since."""
    try:
        if (out / STAMP).read_text() != stamp:
            return False
        package = json.loads((out / "datapackage.json").read_text())
        for res in package["resources"]:
            data = (out / res["path"]).read_bytes()
            if res["hash"] != "sha256:" + hashlib.sha256(data).hexdigest():
                return False
        return True
    except (OSError, ValueError, KeyError):
        return False


def is_stale(seeds: Path, out: Path) -> bool:
    """True when ``out`` is missing, incomplete, or older than the articles in ``seeds``."""
    docs, rejected = read_folder(seeds)
    return not _is_current(out, _fingerprint(docs, rejected))


def print_progress(done: int, total: int, name: str) -> None:  # pragma: no cover - fallback only
    print(f"[{done}/{total}] {name}", file=sys.stderr)
