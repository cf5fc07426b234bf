"""Content-hash cache of per-article extraction results, so unchanged articles are not re-read."""

from __future__ import annotations

import contextlib
import hashlib
import json
from dataclasses import asdict
from functools import cache
from pathlib import Path

from etl.model import ArticleMeta, ArticleResult, Event, LearningCity, Metric, PlaceMention
from etl.paths import LOOKUPS_DIR, ROOT
from etl.write import atomic_write_bytes


@cache
def code_version() -> str:
    """Hash of the ETL's code and lookup files: a change to either invalidates every cached result."""
    h = hashlib.sha256()
    files = sorted((ROOT / "etl").rglob("*.py")) + sorted(p for p in LOOKUPS_DIR.rglob("*") if p.is_file())
    for path in files:
        h.update(path.relative_to(ROOT).as_posix().encode())
        h.update(path.read_bytes())
    return h.hexdigest()[:16]


def _path(cache_dir: Path, sha256: str) -> Path:
    return cache_dir / code_version() / sha256[:2] / f"{sha256}.json"


def load(cache_dir: Path, sha256: str) -> ArticleResult | None:
    """The cached result for an article's bytes, or None when absent or unreadable."""
    try:
        raw = json.loads(_path(cache_dir, sha256).read_bytes())
        return ArticleResult(
            meta=ArticleMeta(**raw["meta"]),
            metrics=[Metric(**m) for m in raw["metrics"]],
            places=[PlaceMention(**p) for p in raw["places"]],
            learning_cities=[LearningCity(**c) for c in raw["learning_cities"]],
            events=[Event(**e) for e in raw["events"]],
        )
    except (OSError, ValueError, KeyError, TypeError):
        return None


def store(cache_dir: Path, sha256: str, result: ArticleResult) -> None:
    # A read-only or full disk only costs speed, never correctness.
    with contextlib.suppress(OSError):
        atomic_write_bytes(_path(cache_dir, sha256), json.dumps(asdict(result), ensure_ascii=False).encode())
