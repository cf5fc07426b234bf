"""Command line: ``python -m etl [--seeds DIR] [--also DIR] [--out DIR] [--engine dask [--scheduler ADDRESS]]``."""

from __future__ import annotations

import argparse
import ctypes
import json
import os
import sys
from pathlib import Path

# pyarrow's default allocator (mimalloc) spends about 0.3 s of system time on its first use in a fresh process, a
# twentieth of a build; the system allocator does the same work without it (measured on the 4,000-article corpus).
# Read when pyarrow first allocates, so set before anything imports it; an operator's own choice is kept.
os.environ.setdefault("ARROW_DEFAULT_MEMORY_POOL", "system")

from filelock import Timeout

from etl import build
from etl.errors import ContractError
from etl.paths import CACHE_DIR, DATA_DIR, SEEDS_DIR
from etl.read import DEFAULT_MAX_BYTES

M_MMAP_THRESHOLD = -3  # glibc's mallopt parameter (malloc.h)
MMAP_THRESHOLD = 128 * 1024  # glibc's own starting value, kept fixed


def fix_mmap_threshold() -> bool:
    """Keep glibc's malloc from holding freed memory that a long build no longer needs; True when it was set.

    glibc gives a block of at least its mmap threshold a mapping of its own, returned to the system when freed, but
    each such block freed raises the threshold to its size (up to 32 MB). Once it has risen, the Parquet step's Arrow
    buffers (a few MB, allocated and freed row group after row group) come from the heap, which fragments and is
    never given back: at 40,000 articles the process grew by 190 MB while Arrow held 60 MB at most, and the more rows a
    table had the more it grew. Setting the threshold (to the value it starts at) stops it sliding. Only glibc has
    mallopt; an operator's own malloc settings (MALLOC_*, GLIBC_TUNABLES) are kept."""
    if any(k.startswith("MALLOC_") for k in os.environ) or "glibc.malloc." in os.environ.get("GLIBC_TUNABLES", ""):
        return False
    try:
        mallopt = ctypes.CDLL(None).mallopt
    except (OSError, AttributeError):  # not glibc (macOS has no mallopt)
        return False
    mallopt.argtypes = (ctypes.c_int, ctypes.c_int)
    return bool(mallopt(M_MMAP_THRESHOLD, MMAP_THRESHOLD))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m etl", description=__doc__)
    parser.add_argument("--seeds", type=Path, default=SEEDS_DIR, help="folder of articles (.txt, .md)")
    parser.add_argument("--out", type=Path, default=DATA_DIR, help="folder the tables are written to")
    parser.add_argument(
        "--also",
        type=Path,
        action="append",
        default=[],
        metavar="DIR",
        help="another folder of articles read as part of the corpus (repeatable)",
    )
    parser.add_argument("--max-bytes", type=int, default=DEFAULT_MAX_BYTES, help="largest article accepted")
    parser.add_argument("--no-cache", action="store_true", help="re-read every article")
    parser.add_argument("--check", action="store_true", help="exit 1 if the tables are stale, build nothing")
    parser.add_argument("-q", "--quiet", action="store_true", help="no progress bar")
    parser.add_argument(
        "--jobs",
        type=int,
        default=len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1,
        help="processes that read new articles (default: the cores this process may use)",
    )
    parser.add_argument(
        "--article-budget",
        type=float,
        default=None,
        metavar="SECONDS",
        help="leave out (with that reason) a new article that takes longer to read; each is read in a worker",
    )
    parser.add_argument(
        "--engine",
        choices=("local", "dask"),
        default="local",
        help="where new articles are read: here (processes of this machine) or on a Dask cluster",
    )
    parser.add_argument(
        "--scheduler",
        metavar="ADDRESS",
        help="with --engine dask: the Dask scheduler to use (tcp://host:8786); a local cluster of --jobs when omitted",
    )
    parser.add_argument("--lock-timeout", type=float, default=600, metavar="SECONDS", help="wait for another build")
    parser.add_argument(
        "--progress-lines", action="store_true", help="print 'progress DONE TOTAL FILE' lines (for the dashboard)"
    )
    parser.add_argument("--report-json", action="store_true", help="print the build report as one JSON line")
    args = parser.parse_args(argv)
    fix_mmap_threshold()

    if not args.seeds.is_dir():
        print(f"error: seeds folder {args.seeds} does not exist", file=sys.stderr)
        return 2
    if args.engine == "dask" and args.article_budget:
        print("error: --article-budget needs the local engine", file=sys.stderr)
        return 2
    if args.scheduler and args.engine != "dask":
        print("error: --scheduler needs --engine dask", file=sys.stderr)
        return 2
    if args.check:
        stale = build.is_stale(args.seeds, args.out, args.also)
        print("stale" if stale else "up to date")
        return 1 if stale else 0

    bar = None
    if not args.quiet:
        from tqdm import tqdm

        # No monitor thread: the ETL forks its workers, and forking a threaded process is unsafe.
        tqdm.monitor_interval = 0
        bar = tqdm(total=0, unit="article", desc="etl", file=sys.stderr, disable=None, mininterval=0.5)

    def progress(done: int, total: int, name: str) -> None:
        if bar is not None:
            bar.total = total
            bar.update(1)
        if args.progress_lines:
            print(f"progress {done} {total} {json.dumps(name)}", flush=True)

    try:
        report = build.run(
            args.seeds,
            args.out,
            cache_dir=None if args.no_cache else CACHE_DIR,
            max_bytes=args.max_bytes,
            progress=progress,
            jobs=max(1, args.jobs),
            article_budget=args.article_budget,
            lock_timeout=args.lock_timeout,
            also=args.also,
            engine=build.Engine(args.scheduler) if args.engine == "dask" else None,
        )
    except ContractError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 3
    except Timeout:
        print(f"error: another build of {args.out} held its lock for {args.lock_timeout:g} s", file=sys.stderr)
        return 4
    except KeyboardInterrupt:
        print(f"interrupted: every table in {args.out} is whole; the next run brings them up to date", file=sys.stderr)
        return 130
    finally:
        if bar is not None:
            bar.close()
    if args.report_json:
        fields = {"rejected": [[r.file, r.reason] for r in report.rejected]}
        print("report " + json.dumps({**vars(report), **fields}, ensure_ascii=False), flush=True)
    for r in report.rejected:
        print(f"rejected: {r.reason}", file=sys.stderr)
    if report.skipped:
        print(f"{args.out}: up to date ({report.articles} articles)", file=sys.stderr)
    else:
        counts = ", ".join(f"{n} {k}" for k, n in report.rows.items())
        print(f"{args.out}: {counts} ({report.from_cache} articles from cache)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
