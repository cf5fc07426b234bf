"""Concurrent writers: two uploads and an ETL run in separate processes leave seeds/ and data/ consistent, and the
build lock makes a second writer wait (or fail with a clear timeout when it is told to give up quickly)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest
from filelock import Timeout

from dashboard import upload
from etl import build

ROOT = Path(__file__).resolve().parents[2]
ENV = {**os.environ, "PYTHONPATH": str(ROOT)}
ARTICLE = (
    "Forum on learning cities held in Hangzhou\n\n"
    "The forum was held in Hangzhou on March 3, 2024. More than 300 delegates from 40 countries attended.\n"
    "The platform now serves about 2.5 million learners and offers 12,000 courses.\n"
)

# Each child blocks on stdin until the test closes it, so all of them start writing at the same moment.
UPLOADER = """
import json, sys
from pathlib import Path
from dashboard import upload
from etl.build import lock_for, run

seeds, out, cache, name, source = map(Path, sys.argv[1:6])
print("ready", flush=True)
sys.stdin.read()
checked = upload.check(name.name, source.read_bytes())
with lock_for(out).acquire(timeout=120):  # as pages/sources.py does: save under the lock, then build
    saved = upload.save(seeds, checked)
report = run(seeds, out, cache_dir=cache, lock_timeout=120)
print(json.dumps({"path": str(saved.path), "status": saved.status, "articles": report.articles}), flush=True)
"""
BUILDER = """
import sys
from etl.__main__ import main
print("ready", flush=True)
sys.stdin.read()
sys.exit(main(sys.argv[1:]))
"""
HOLDER = """
import sys
from pathlib import Path
from etl.build import lock_for
with lock_for(Path(sys.argv[1])).acquire(timeout=30):
    print("locked", flush=True)
    sys.stdin.read()
print("released", flush=True)
"""


def _child(code: str, *args: object, expect: str = "ready") -> subprocess.Popen:
    """A Python child running ``code`` from the project root, once it has printed ``expect``."""
    proc = subprocess.Popen(
        [sys.executable, "-c", code, *map(str, args)],
        cwd=ROOT,
        env=ENV,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    line = proc.stdout.readline().strip() if proc.stdout else ""
    if line != expect:
        proc.kill()
        _, err = proc.communicate()
        raise AssertionError(f"child said {line!r}, expected {expect!r}: {err[-1500:]}")
    return proc


def _go(proc: subprocess.Popen) -> None:
    """Close the child's stdin: it stops waiting and starts its work."""
    if proc.stdin:
        proc.stdin.close()
        proc.stdin = None


def _corpus(seeds: Path, n: int) -> None:
    seeds.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        (seeds / f"{i:03d}.txt").write_text(f"Article {i}\n\n" + ARTICLE.replace("300", str(300 + i)) * 10)


def _tables(out: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(out.iterdir()) if not p.name.startswith(".")}


def _temporaries(*folders: Path) -> list[str]:
    return [p.name for f in folders for p in f.iterdir() if p.name.endswith(".tmp") or p.name.startswith(".upload-")]


@pytest.mark.slow
def test_two_uploads_and_an_etl_run_at_once_leave_both_articles_saved_and_the_tables_equal_to_a_fresh_build(
    tmp_path: Path,
):
    seeds, out, cache = tmp_path / "seeds", tmp_path / "data", tmp_path / "cache"
    _corpus(seeds, 60)
    build.run(seeds, out, cache_dir=cache)
    (seeds / "000.txt").write_text("Article 0, edited\n\n" + ARTICLE * 3)  # the ETL run has real work to do
    uploads = {
        "Bremen festival.txt": "Learning festival in Bremen\n\nMore than 4,321 residents joined 57 evening classes.\n",
        "Nantes forum.md": "Forum in Nantes\n\nAbout 812 teachers from 23 countries attended the forum in Nantes.\n",
    }
    sources = {}
    for name, text in uploads.items():
        sources[name] = tmp_path / "incoming" / name
        sources[name].parent.mkdir(exist_ok=True)
        sources[name].write_text(text, encoding="utf-8")
    children = [_child(UPLOADER, seeds, out, cache, name, path) for name, path in sources.items()]
    children.append(_child(BUILDER, "--seeds", seeds, "--out", out, "-q"))
    for proc in children:
        _go(proc)
    outcomes = [(*proc.communicate(timeout=300), proc.returncode) for proc in children]
    for _, stderr, code in outcomes:
        assert code == 0, stderr[-1500:]

    saved = [json.loads(stdout) for stdout, _, _ in outcomes[:2]]
    assert [s["status"] for s in saved] == ["renamed", "renamed"]  # a space is made safe, and the message says so
    for s, (name, text) in zip(saved, uploads.items(), strict=True):
        path = Path(s["path"])
        assert path.parent == seeds and path.name == upload.safe_name(name)
        assert path.read_text(encoding="utf-8") == text  # intact, not half-written or clobbered
    assert _temporaries(seeds, out) == []

    # The last build under the lock saw both uploads: the tables are current and hold both new articles...
    final = build.run(seeds, out, cache_dir=cache)
    assert final.skipped and final.articles == 62
    metrics = pd.read_csv(out / "metrics.csv")
    assert {"Bremen_festival", "Nantes_forum"} <= set(metrics["article_id"])
    # ...and equal, byte for byte, a fresh build of the final seeds without any cache.
    fresh = tmp_path / "fresh"
    build.run(seeds, fresh)
    assert _tables(out) == _tables(fresh)


@pytest.mark.slow
def test_a_second_builder_waits_for_the_lock_and_then_builds(tmp_path: Path):
    seeds, out = tmp_path / "seeds", tmp_path / "data"
    _corpus(seeds, 3)
    holder = _child(HOLDER, out, expect="locked")
    try:
        builder = _child(BUILDER, "--seeds", seeds, "--out", out, "-q")
        _go(builder)
        with pytest.raises(subprocess.TimeoutExpired):
            builder.wait(timeout=3)  # still blocked on the lock
        assert not (out / "metrics.csv").exists()  # and it wrote nothing meanwhile
    finally:
        _go(holder)
        assert holder.stdout.readline().strip() == "released"
        holder.wait(timeout=30)
    _, err = builder.communicate(timeout=120)
    assert builder.returncode == 0, err
    assert not build.is_stale(seeds, out)


def test_a_builder_or_an_upload_with_a_short_lock_timeout_fails_clearly_and_changes_nothing(tmp_path: Path):
    seeds, out = tmp_path / "seeds", tmp_path / "data"
    _corpus(seeds, 2)
    before = sorted(p.name for p in seeds.iterdir())
    holder = _child(HOLDER, out, expect="locked")
    try:
        with pytest.raises(Timeout, match=r"\.build\.lock"):
            build.run(seeds, out, lock_timeout=0.5)
        checked = upload.check("late.txt", b"About 40 schools joined.")
        with pytest.raises(Timeout), build.lock_for(out).acquire(timeout=0.5):
            upload.save(seeds, checked)
    finally:
        _go(holder)
        holder.wait(timeout=30)
    assert sorted(p.name for p in seeds.iterdir()) == before
    assert [p.name for p in out.iterdir()] == [".build.lock"]


@pytest.mark.slow
@pytest.mark.parametrize("same_bytes", [False, True], ids=["different-text", "same-text"])
def test_two_uploads_under_one_name_at_once_keep_both_texts_or_add_the_same_text_once(tmp_path: Path, same_bytes: bool):
    seeds, out, cache = tmp_path / "seeds", tmp_path / "data", tmp_path / "cache"
    _corpus(seeds, 2)
    texts = ["Forum in Riga\n\nAbout 612 teachers met in Riga.\n", "Forum in Riga\n\nAbout 945 pupils met in Riga.\n"]
    if same_bytes:
        texts[1] = texts[0]
    sources = []
    for i, text in enumerate(texts):
        source = tmp_path / f"incoming{i}" / "riga.txt"
        source.parent.mkdir()
        source.write_text(text, encoding="utf-8")
        sources.append(source)
    children = [_child(UPLOADER, seeds, out, cache, "riga.txt", source) for source in sources]
    for proc in children:
        _go(proc)
    outcomes = [(*proc.communicate(timeout=300), proc.returncode) for proc in children]
    assert [code for _, _, code in outcomes] == [0, 0], [err[-800:] for _, err, _ in outcomes]
    statuses = sorted(json.loads(stdout)["status"] for stdout, _, _ in outcomes)
    riga = sorted(p.name for p in seeds.glob("riga*"))
    if same_bytes:
        assert statuses == ["duplicate", "new"] and riga == ["riga.txt"]
    else:
        assert statuses == ["new", "renamed"] and riga == ["riga-2.txt", "riga.txt"]
        assert sorted(p.read_text(encoding="utf-8") for p in seeds.glob("riga*")) == sorted(texts)
    assert _temporaries(seeds, out) == []
    assert not build.is_stale(seeds, out)
    assert set(pd.read_csv(out / "articles.csv")["article_id"]) == {p.stem for p in seeds.glob("*.txt")}
