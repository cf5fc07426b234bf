"""The ETL streams: tables written a batch at a time are the same bytes, and memory does not grow with the corpus."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from concurrent.futures import Future
from dataclasses import replace
from pathlib import Path

import pandas as pd
import pytest

from etl import build, stream
from etl.model import Event
from etl.read import read_folder, with_text
from etl.schema import TABLE_BY_NAME

ARTICLE = (
    "Forum on learning cities held in Hangzhou\n\n"
    "The forum was held in Hangzhou on March 3, 2024. More than 300 delegates from 40 countries attended.\n"
    "The platform now serves about 2.5 million learners in Medellín and offers 12,000 courses."
)


def _tables(out: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(out.iterdir()) if p.is_file() and p.name != ".build.lock"}


def _seeds(write_articles, n: int) -> Path:
    # names whose file order differs from their id order ("a-1.txt" < "a.txt", but "a" < "a-1"): rows follow the ids
    names = ["a", "a-1", "a-1-x", "b", "b-2", "c", "d"][:n]
    return write_articles({f"{name}.txt": ARTICLE.replace("300", str(300 + i)) for i, name in enumerate(names)})


def test_the_tables_are_the_same_bytes_whatever_the_batch_size(write_articles, tmp_path, monkeypatch):
    seeds = _seeds(write_articles, 7)
    build.run(seeds, tmp_path / "whole", cache_dir=None)  # one batch
    monkeypatch.setattr(stream, "CACHE_BATCH", 2)
    build.run(seeds, tmp_path / "cold", cache_dir=None)
    cache = tmp_path / "cache"
    build.run(seeds, tmp_path / "warm", cache_dir=cache)
    (seeds / "a-1.txt").write_text(ARTICLE.replace("40 countries", "41 countries"), encoding="utf-8")
    (seeds / "b.txt").unlink()
    mixed = build.run(seeds, tmp_path / "warm", cache_dir=cache)  # cached and fresh articles in batches of two
    assert mixed.from_cache == 5
    build.run(seeds, tmp_path / "fresh", cache_dir=None)
    assert _tables(tmp_path / "cold") == _tables(tmp_path / "whole")
    assert _tables(tmp_path / "warm") == _tables(tmp_path / "fresh")
    ids = pd.read_csv(tmp_path / "cold" / "articles.csv", dtype=str)["article_id"].tolist()
    assert ids == ["a", "a-1", "a-1-x", "b", "b-2", "c", "d"]


def test_an_article_left_out_by_a_table_built_across_articles_leaves_no_row_in_the_per_article_tables(
    write_articles, tmp_path, monkeypatch
):
    """Its rows were already written to the per-article files: they are cut out again, wherever it stands."""
    from etl.extract import pipeline

    real = pipeline.extract_article

    def extract(text: str):
        result = real(text)
        if "BROKEN" in text:  # as if a rule read a negative attendance: only the events table can tell
            result = replace(result, events=[Event("Broken Forum", "", "", "", -5.0, None, None, "", "BROKEN.")])
        return result

    good = {f"{name}.txt": ARTICLE.replace("300", str(300 + i)) for i, name in enumerate(["b", "d", "f"])}
    write_articles(good)
    seeds = tmp_path / "seeds"
    build.run(seeds, tmp_path / "clean", cache_dir=None)
    broken = {f"{name}.txt": "BROKEN. " + ARTICLE.replace("2.5 million", "9 million") for name in ["a", "c", "g"]}
    write_articles(broken)
    monkeypatch.setattr(pipeline, "extract_article", extract)
    monkeypatch.setattr(stream, "CACHE_BATCH", 2)
    report = build.run(seeds, tmp_path / "data", cache_dir=tmp_path / "cache")
    assert sorted(r.file for r in report.rejected) == ["a.txt", "c.txt", "g.txt"]
    assert all("events" in r.reason for r in report.rejected)
    for name in ("articles", "metrics", "places", "learning_cities", "events"):
        clean = (tmp_path / "clean" / f"{name}.csv").read_bytes()
        assert (tmp_path / "data" / f"{name}.csv").read_bytes() == clean, name
    assert report.rows["metrics"] == len(pd.read_csv(tmp_path / "data" / "metrics.csv"))
    assert not build.is_stale(seeds, tmp_path / "data")  # the data package hashes the files as written
    assert not list((tmp_path / "data").glob(".*.tmp"))


def test_a_file_that_changes_between_hashing_and_reading_is_left_out_with_a_reason(
    write_articles, tmp_path, monkeypatch
):
    seeds = write_articles({"a.txt": ARTICLE, "b.txt": ARTICLE.replace("2024", "2023")})
    real = build.read_folder
    monkeypatch.setattr(build, "KEEP_TEXT_CHARS", 0)  # every text is read again, as past the budget

    def then_edited(*args, **kwargs):
        found = real(*args, **kwargs)
        (seeds / "b.txt").write_text(ARTICLE.replace("300", "999"), encoding="utf-8")  # after it was hashed
        return found

    monkeypatch.setattr(build, "read_folder", then_edited)
    report = build.run(seeds, tmp_path / "data", cache_dir=None)
    assert [r.file for r in report.rejected] == ["b.txt"]
    assert "changed while the build was reading it" in report.rejected[0].reason
    assert pd.read_csv(tmp_path / "data" / "articles.csv")["article_id"].tolist() == ["a"]
    assert "999" not in (tmp_path / "data" / "metrics.csv").read_text(encoding="utf-8")
    monkeypatch.undo()
    assert build.is_stale(seeds, tmp_path / "data")  # so the next build reads it as it is now
    assert build.run(seeds, tmp_path / "data", cache_dir=None).articles == 2


def test_a_kept_text_is_the_one_hashed_and_a_later_edit_makes_the_tables_stale(write_articles, tmp_path, monkeypatch):
    seeds = write_articles({"a.txt": ARTICLE, "b.txt": ARTICLE.replace("2024", "2023")})
    real = build.read_folder

    def then_edited(*args, **kwargs):
        found = real(*args, **kwargs)
        (seeds / "b.txt").write_text(ARTICLE.replace("300", "999"), encoding="utf-8")  # after it was read
        return found

    monkeypatch.setattr(build, "read_folder", then_edited)
    report = build.run(seeds, tmp_path / "data", cache_dir=None)
    assert report.rejected == [] and report.articles == 2
    assert "999" not in (tmp_path / "data" / "metrics.csv").read_text(encoding="utf-8")  # the text as hashed
    monkeypatch.undo()
    assert build.is_stale(seeds, tmp_path / "data")
    build.run(seeds, tmp_path / "data", cache_dir=None)
    assert "999" in (tmp_path / "data" / "metrics.csv").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("keep_chars", "kept"),
    [
        (0, ["", "", ""]),  # only the file names and hashes
        (10, ["0123456789", "", ""]),  # the first text fits, exactly
        (12, ["0123456789", "", "ab"]),  # then one that fits what is left, in reading order
        (100, ["0123456789", "abcdefghijklmnopqrst", "ab"]),
    ],
)
def test_texts_are_kept_up_to_a_budget_of_characters(write_articles, keep_chars, kept):
    seeds = write_articles({"a.txt": "0123456789", "b.txt": "abcdefghijklmnopqrst", "c.txt": "ab"})
    light, _ = read_folder(seeds, texts=False, keep_chars=keep_chars)
    assert [d.text for d in light] == kept
    whole, _ = read_folder(seeds)
    assert [with_text(d) for d in light] == whole


def test_documents_without_their_text_get_it_back_as_it_was_read(write_articles):
    seeds = write_articles(
        {"a.txt": "\ufeffFirst line\r\nSecond line\r\n", "b.md": "Caf\xe9 in S\xe3o Paulo".encode("cp1252")}
    )
    whole, _ = read_folder(seeds)
    light, _ = read_folder(seeds, texts=False)
    assert [d.text for d in light] == ["", ""]
    assert [with_text(d) for d in light] == whole


def test_only_a_window_of_chunks_is_in_flight():
    """Results cannot pile up when the caller is slower than the workers: a chunk is sent as one is taken."""
    sent: list[list[int]] = []

    def submit(chunk):
        sent.append(chunk)
        done: Future = Future()
        done.set_result([x * 10 for x in chunk])
        return done

    chunks = ([i, i + 1] for i in range(0, 20, 2))
    results = build._in_order(submit, chunks, 3)
    assert next(results) == 0
    assert len(sent) == 3
    assert list(results) == [x * 10 for x in range(1, 20)]


_PEAKS = """
import gc, json, sys, tracemalloc
from pathlib import Path
from etl import build, stream
stream.CACHE_BATCH = 12
build.KEEP_TEXT_CHARS = int(sys.argv[2])
root = Path(sys.argv[1])
build.run(root / "s24", root / "warm-up", cache_dir=None)  # modules, gazetteer, schemas
peaks = []
for n in (24, 96):
    gc.collect()
    tracemalloc.start()
    build.run(root / f"s{n}", root / f"o{n}", cache_dir=None, jobs=1)
    peaks.append(tracemalloc.get_traced_memory()[1])
    tracemalloc.stop()
print(json.dumps(peaks))
"""


@pytest.mark.slow
def test_memory_does_not_grow_with_the_corpus(tmp_path):
    """The peak of a build over four times the articles stays well under four times: only each article's events are
    held whole, and the texts kept up to a budget (1.2 times here; 3.05 times when every article's text and rows were
    held until the end). Measured in a process of its own: what earlier tests left in this one's caches would move
    the peak by megabytes with the order tests run in."""
    text = "Learning City News\n\n" + " ".join(ARTICLE.replace("300", str(300 + k)) for k in range(30))
    for n in (24, 96):
        (tmp_path / f"s{n}").mkdir()
        for i in range(n):
            (tmp_path / f"s{n}" / f"{i:04d}.txt").write_text(text, encoding="utf-8")
    keep = 12 * len(text)  # half the small corpus
    run = subprocess.run(
        [sys.executable, "-c", _PEAKS, str(tmp_path), str(keep)],
        cwd=Path(__file__).resolve().parents[2],
        capture_output=True,
        text=True,
        check=True,
    )
    small, large = json.loads(run.stdout.strip().splitlines()[-1])
    assert len(pd.read_csv(tmp_path / "o96" / "metrics.csv")) > 96 * 50
    assert large < 1.5 * small, f"peak {small / 1e6:.1f} MB at 24 articles, {large / 1e6:.1f} MB at 96"


def test_every_table_is_written_whole_or_not_at_all_when_staged(write_articles, tmp_path, monkeypatch):
    """A failure after the per-article tables were staged (a contract broken by two articles together) leaves no
    temporary file and the last complete set as it was."""
    seeds = write_articles({"a.txt": ARTICLE})
    out = tmp_path / "data"
    build.run(seeds, out, cache_dir=None)
    before = _tables(out)
    write_articles({"b.txt": ARTICLE.replace("2024", "2023")})

    from etl import errors

    def broken(*args, **kwargs):
        raise errors.ContractError("refused")

    monkeypatch.setattr(stream, "check_events", broken)  # by every article, alone or together
    try:
        build.run(seeds, out, cache_dir=None)
    except errors.ContractError:
        pass
    else:
        raise AssertionError("the build should have stopped")
    assert _tables(out) == before
    assert not [p.name for p in out.iterdir() if p.name.endswith(".tmp")]
    assert set(TABLE_BY_NAME) <= {p.stem for p in out.glob("*.csv")}


def test_the_command_fixes_glibcs_mmap_threshold_unless_the_operator_set_malloc(monkeypatch):
    """A sliding threshold let the Parquet step's freed buffers stay in the heap (190 MB more at 40,000 articles)."""
    import platform

    from etl.__main__ import fix_mmap_threshold

    for name in [k for k in os.environ if k.startswith("MALLOC_")]:  # Dask's nanny sets MALLOC_TRIM_THRESHOLD_ here
        monkeypatch.delenv(name)
    monkeypatch.delenv("GLIBC_TUNABLES", raising=False)
    monkeypatch.setenv("MALLOC_MMAP_THRESHOLD_", "1048576")
    assert not fix_mmap_threshold()
    monkeypatch.delenv("MALLOC_MMAP_THRESHOLD_")
    monkeypatch.setenv("GLIBC_TUNABLES", "glibc.malloc.trim_threshold=0")
    assert not fix_mmap_threshold()
    monkeypatch.delenv("GLIBC_TUNABLES")
    if platform.system() != "Linux" or platform.libc_ver()[0] != "glibc":
        pytest.skip("mallopt is glibc's")
    assert fix_mmap_threshold()
