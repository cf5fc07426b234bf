"""Build the tables in ``data/`` from the articles in ``seeds/``: load, process, save."""

from __future__ import annotations

import contextlib
import gc
import hashlib
import json
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from filelock import FileLock

from etl import cache
from etl.model import ArticleResult, Fragment, Rows
from etl.read import DEFAULT_MAX_BYTES, Document, Rejection, read_folder
from etl.write import atomic_write_bytes, json_bytes, remove_stale_temps

Progress = Callable[[int, int, str], None]  # (done, total, file name)
STAMP = ".build-stamp"  # fingerprint of the inputs of the last complete build
CACHE_BATCH = 500  # articles checked together and written to the cache in one transaction


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
    with lock_for(out).acquire(timeout=lock_timeout), _few_collections():
        # Load
        docs, rejected = read_folder(seeds, max_bytes)
        stamp = _fingerprint(docs, rejected)
        if _is_current(out, stamp):
            return BuildReport(len(docs), rejected, {}, len(docs), skipped=True)
        # Process. pandas, pandera and the gazetteer load only now: an up-to-date run never needs them.
        from etl.schema import datapackage
        from etl.tables import assemble

        fragments, hits = _fragments(docs, cache_dir, progress)
        payloads, rows = assemble(fragments, rejected)
        # Save: tables first, then the data package that hashes them, then the stamp.
        remove_stale_temps(out)
        for name, data in payloads.items():
            atomic_write_bytes(out / f"{name}.csv", data)
        atomic_write_bytes(out / "datapackage.json", json_bytes(datapackage(payloads)))
        atomic_write_bytes(out / STAMP, stamp.encode())
        return BuildReport(len(docs), rejected, rows, hits, skipped=False)


@contextlib.contextmanager
def _few_collections() -> Iterator[None]:
    """Run the cycle collector rarely while building: a build makes a great many small objects and almost no
    cycles, and with pandas loaded each full collection walks millions of objects (a third of a re-run's time)."""
    before = gc.get_threshold()
    gc.set_threshold(100_000, 50, 100)
    try:
        yield
    finally:
        gc.set_threshold(*before)


def _fragments(
    docs: list[Document], cache_dir: Path | None, progress: Progress | None
) -> tuple[list[tuple[Document, Fragment]], int]:
    """Every article's fragment of the tables: from the cache, or read, checked and rendered now."""
    from etl.extract.pipeline import extract_article
    from etl.extract.places import gazetteer
    from etl.tables import article_rows, check_rows, fragment

    keys = [cache_key(d) for d in docs]
    cached = cache.load_many(cache_dir, keys) if cache_dir else {}
    if cache_dir and any(k not in cached for k in keys):
        gazetteer(cache_dir)  # read back from the cache, not rebuilt, when an earlier run saved it
    fresh: dict[str, Fragment] = {}
    batch: list[tuple[str, Rows, ArticleResult]] = []

    def flush() -> None:
        check_rows([rows for _, rows, _ in batch])  # raises before a bad fragment reaches the cache
        done = {key: fragment(rows, result) for key, rows, result in batch}
        if cache_dir:
            cache.store_many(cache_dir, done)  # a run killed half-way keeps what it had read
        fresh.update(done)
        batch.clear()

    for i, (doc, key) in enumerate(zip(docs, keys, strict=True), start=1):
        if key not in cached:
            result = extract_article(doc.text)
            batch.append((key, article_rows(doc, result), result))
            if len(batch) >= CACHE_BATCH:
                flush()
        if progress:
            progress(i, len(docs), doc.file)
    if batch:
        flush()
    return [(d, cached.get(k) or fresh[k]) for d, k in zip(docs, keys, strict=True)], len(docs) - len(fresh)


def cache_key(doc: Document) -> str:
    """A fragment holds the article's id (its file name) in every row, so both name it in the cache."""
    return f"{doc.sha256}:{doc.file}"


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
