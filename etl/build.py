"""Build the tables in ``data/`` from the articles in ``seeds/``: load, process, save."""

from __future__ import annotations

import contextlib
import gc
import hashlib
import json
import os
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from filelock import FileLock

from etl import cache
from etl.model import Result
from etl.read import DEFAULT_MAX_BYTES, Document, Rejected, Rejection, read_folder, with_text
from etl.write import Staged, atomic_write_set, json_bytes, remove_stale_temps

Progress = Callable[[int, int, str], None]  # (done, total, file name)
STAMP = ".build-stamp"  # fingerprint of the inputs of the last complete build


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
    jobs: int = 1,
    article_budget: float | None = None,
    also: Sequence[Path] = (),
    engine: Engine | None = None,
) -> BuildReport:
    """Build every table of ``out`` from ``seeds``; raises ContractError before writing bad tables.

    ``jobs`` > 1 reads new articles in that many worker processes when there are enough of them to pay for
    starting the workers; the tables are the same bytes whatever ``jobs`` is. With ``article_budget`` (seconds),
    each new article is read in a worker process and one that takes longer is left out with that reason, so no
    article can hold the build lock (the dashboard's builds set it). ``also``: more article folders read as part of
    the corpus (a visitor's trial, built into a data folder of its own). ``engine``: read new articles on a Dask
    cluster instead (see :class:`Engine`); the tables are the same bytes.
    """
    with lock_for(out).acquire(timeout=lock_timeout), _few_collections():
        # Load
        # Each file is read and hashed; past KEEP_TEXT_CHARS its text is read again when the article is (etl.stream).
        docs, rejected = read_folder(seeds, max_bytes, also, texts=False, keep_chars=KEEP_TEXT_CHARS)
        stamp = _fingerprint(docs, rejected)
        if _is_current(out, stamp):
            return BuildReport(len(docs), rejected, {}, len(docs), skipped=True)
        # Process. pandas, pandera and the gazetteer load only now: an up-to-date run never needs them.
        from etl.schema import datapackage
        from etl.stream import build_tables

        def read(todo: list[Document]) -> Iterator[Result | Rejection]:
            if engine is not None:
                return engine.read(todo, jobs)
            return _read_within(todo, article_budget) if article_budget else _read_articles(todo, jobs)

        remove_stale_temps(out)  # before this run stages its own temporaries there
        tables, rows, rejected, hits = build_tables(docs, rejected, out, cache_dir, read, _read_article, progress)
        # Save as one set: tables (CSV, and Parquet made from the same checked bytes) first, then the data package
        # that hashes them, then the stamp. Nothing is replaced until every file is written, so a full disk leaves
        # the last complete set as it was.
        files: dict[str, bytes | Staged] = {f"{name}.csv": data for name, data in tables.items()}
        try:
            from etl.columnar import write_parquet

            for name, data in tables.items():
                files[f"{name}.parquet"] = write_parquet(name, data, out)
        except BaseException:
            for staged in files.values():
                if isinstance(staged, Staged):
                    staged.discard()
            raise
        digests = {n: d if isinstance(d, bytes) else (d.size, d.sha256) for n, d in tables.items()}
        parquet = {n: files[f"{n}.parquet"] for n in tables}  # each a Staged file written above
        columnar = {n: (p.size, p.sha256) for n, p in parquet.items() if isinstance(p, Staged)}
        files["datapackage.json"] = json_bytes(datapackage(digests, columnar))
        files[STAMP] = stamp.encode()
        atomic_write_set(out, files)  # on failure it removes the staged tables too
        return BuildReport(rows["articles"], rejected, rows, hits, skipped=False)


_GC_LOCK = threading.Lock()
_gc_builds = 0  # builds running in this process (two data folders may be built at once)
_gc_saved = gc.get_threshold()  # what the last build to finish restores


@contextlib.contextmanager
def _few_collections() -> Iterator[None]:
    """Run the cycle collector rarely while building: a build makes a great many small objects and almost no
    cycles, and with pandas loaded each full collection walks millions of objects (a third of a re-run's time)."""
    global _gc_builds, _gc_saved
    with _GC_LOCK:
        if not _gc_builds:
            _gc_saved = gc.get_threshold()
            gc.set_threshold(100_000, 50, 100)
        _gc_builds += 1
    try:
        yield
    finally:
        with _GC_LOCK:
            _gc_builds -= 1
            if not _gc_builds:
                gc.set_threshold(*_gc_saved)


# Article text kept in memory from hashing to extraction (about 6,000 news articles): past it, memory stays flat
# however large the corpus, and each further text is read from its file again.
KEEP_TEXT_CHARS = 32 * 1024 * 1024
MIN_ARTICLES_PER_JOB = 50  # below this a worker costs more to start than it saves
READ_CHUNK = 16  # articles per task sent to a worker process
WINDOW_PER_JOB = 4  # tasks in flight per worker: enough to keep it busy, few enough that results cannot pile up


def _read_articles(docs: list[Document], jobs: int) -> Iterator[Result | Rejection]:
    """Each article's table rows and events, in order; in ``jobs`` processes for a large batch."""
    jobs = min(jobs, len(docs) // MIN_ARTICLES_PER_JOB)
    if jobs <= 1:
        yield from map(_read_article, docs)
        return
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    # fork shares the loaded gazetteer and modules with the workers; elsewhere each worker loads its own.
    method = "fork" if "fork" in multiprocessing.get_all_start_methods() else None
    pool = ProcessPoolExecutor(
        jobs, mp_context=multiprocessing.get_context(method), initializer=_exit_with_parent, initargs=(os.getpid(),)
    )
    try:
        chunks = (docs[i : i + READ_CHUNK] for i in range(0, len(docs), READ_CHUNK))
        yield from _in_order(lambda chunk: pool.submit(_read_chunk, chunk), chunks, WINDOW_PER_JOB * jobs)
    finally:  # also when a batch fails its check: drop the queued articles rather than wait for them
        pool.shutdown(wait=True, cancel_futures=True)


@dataclass(frozen=True)
class Engine:
    """Read articles on Dask: the scheduler at ``scheduler`` ("tcp://host:8786"), or a local cluster of ``jobs``
    processes when it is None. Reading an article is a pure function of its text, so any number of machines can
    share the work; the results come back in the articles' order and everything else (checks, cache, tables)
    stays in this process, so the tables are the same bytes as a local run."""

    scheduler: str | None = None
    chunk: int = 32  # articles per task: fewer, larger tasks than one per article (each costs the scheduler ~1 ms)

    def read(self, docs: list[Document], jobs: int) -> Iterator[Result | Rejection]:
        if not docs:
            return
        from distributed import Client, LocalCluster

        cluster = None
        if self.scheduler:
            client = Client(self.scheduler)
        else:
            cluster = LocalCluster(n_workers=max(1, jobs), threads_per_worker=1, processes=True, dashboard_address=None)
            client = Client(cluster)
        try:
            chunks = (docs[i : i + self.chunk] for i in range(0, len(docs), self.chunk))
            window = WINDOW_PER_JOB * max(1, len(client.scheduler_info().get("workers", {})) or jobs)

            def submit(chunk: list[Document]) -> Any:
                # A worker elsewhere cannot see the seeds folder: the text is read here, as the chunk is sent.
                return client.submit(_read_chunk, [_with_text(d) for d in chunk], pure=False)

            yield from _in_order(submit, chunks, window)
        finally:
            client.close()
            if cluster is not None:
                cluster.close()


def _in_order(submit: Callable[[list[Document]], Any], chunks: Iterable[list[Document]], window: int) -> Iterator:
    """The results of every chunk, in order, with at most ``window`` chunks submitted and not yet taken: the texts are
    read as they are needed, and results cannot pile up while the caller writes the ones before."""
    pending: deque[Any] = deque()
    for chunk in chunks:
        pending.append(submit(chunk))
        if len(pending) >= window:
            yield from pending.popleft().result()
    while pending:
        yield from pending.popleft().result()


def _read_chunk(docs: Sequence[Document | Rejection]) -> list[Result | Rejection]:
    return [d if isinstance(d, Rejection) else _read_article(d) for d in docs]


def _read_within(docs: list[Document], budget: float) -> Iterator[Result | Rejection]:
    """Each article's rows and events, read in a worker process; a Rejection for one that takes over ``budget``
    seconds (its worker is stopped, and a new one reads the next article)."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures import TimeoutError as FutureTimeout

    # A forked worker shares the loaded gazetteer and starts at once. The dashboard runs its builds as a command
    # (python -m etl --article-budget), so what forks is a process of its own, never the threaded server.
    if "fork" not in multiprocessing.get_all_start_methods():
        raise RuntimeError("a time budget per article needs fork (Linux, macOS): run the build without one")
    context = multiprocessing.get_context("fork")

    def new_pool() -> ProcessPoolExecutor:
        return ProcessPoolExecutor(1, mp_context=context, initializer=_exit_with_parent, initargs=(os.getpid(),))

    pool = new_pool()
    try:
        for doc in docs:
            future = pool.submit(_read_article, doc)
            try:
                yield future.result(timeout=budget)
            except FutureTimeout:
                for proc in list(getattr(pool, "_processes", {}).values()):  # the only way to stop a running task
                    proc.kill()
                pool.shutdown(wait=True, cancel_futures=True)
                pool = new_pool()
                yield Rejection(
                    doc.file,
                    f"{doc.file} took longer than {budget:g} s to read, so it was left out to keep the dashboard "
                    "responsive; the other articles were built. This is an ETL bug: please report it with the article.",
                )
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _exit_with_parent(parent: int) -> None:
    """Worker start-up: end the worker once the ETL process that started it is gone, even SIGKILLed (the
    workers hold each other's ends of the task pipe, so none of them would ever see it close)."""

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(0.5)
        os._exit(1)

    threading.Thread(target=watch, name="exit-with-parent", daemon=True).start()


def _with_text(doc: Document) -> Document | Rejection:
    """``doc`` with its text read again, or why it cannot be: the file changed since it was hashed."""
    try:
        return with_text(doc)
    except Rejected as exc:
        return Rejection(doc.file, f"{doc.file} {exc}")


def _read_article(doc: Document) -> Result | Rejection:
    """One article's rows and events; its text is read from its file here, in the worker, when it was not kept."""
    from etl.extract.pipeline import extract_article
    from etl.tables import article_rows, linked_events

    loaded = _with_text(doc)
    if isinstance(loaded, Rejection):
        return loaded
    result = extract_article(loaded.text)
    return article_rows(loaded, result), linked_events(loaded.article_id, result)


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
        for res in [*package["resources"], *package["parquet"]]:  # an older build has no Parquet: stale
            if res["hash"] != "sha256:" + _sha256_of(out / res["path"]):
                return False
        return True
    except (OSError, ValueError, KeyError):
        return False


def _sha256_of(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as fh:  # a block at a time: a large table is never read whole
        while block := fh.read(1 << 20):
            h.update(block)
    return h.hexdigest()


def is_stale(seeds: Path, out: Path, also: Sequence[Path] = ()) -> bool:
    """True when ``out`` is missing, incomplete, or older than the articles in ``seeds`` (and ``also``)."""
    docs, rejected = read_folder(seeds, also=also, texts=False)
    return not _is_current(out, _fingerprint(docs, rejected))
