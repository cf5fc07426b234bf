"""Every page run asks whether the tables are older than the articles; the full check stats every article, so it is
remembered for a few seconds while the folders' own mtimes stay the same (dashboard.data.is_stale)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from dashboard import data
from etl import build

ARTICLE = "About 1,200 people joined the forum in Nairobi."


@pytest.fixture
def built(write_articles, tmp_path, monkeypatch) -> data.Dirs:
    monkeypatch.setattr(data, "_CHECKED", {})
    seeds = write_articles({"a.txt": ARTICLE, "b.txt": ARTICLE.replace("1,200", "900")})
    build.run(seeds, tmp_path / "data", cache_dir=tmp_path / "cache")
    return data.Dirs(seeds=seeds, data=tmp_path / "data", cache=tmp_path / "cache")


class Clock:
    def __init__(self) -> None:
        self.now = 1_000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def clock(monkeypatch) -> Clock:
    c = Clock()
    monkeypatch.setattr(data.time, "monotonic", c)
    return c


def test_fresh_tables_are_not_stale_and_a_new_article_is_seen_at_once(built: data.Dirs, clock: Clock):
    assert not data.is_stale(built)
    (built.seeds / "c.txt").write_text(ARTICLE, encoding="utf-8")  # the folder's mtime changes
    assert data.is_stale(built)


def test_a_removed_article_is_seen_at_once(built: data.Dirs, clock: Clock):
    assert not data.is_stale(built)
    (built.seeds / "b.txt").unlink()
    assert data.is_stale(built)


def test_an_article_overwritten_in_place_is_seen_once_the_grace_has_passed(built: data.Dirs, clock: Clock):
    assert not data.is_stale(built)
    folder_mtime = built.seeds.stat().st_mtime_ns
    (built.seeds / "a.txt").write_text(ARTICLE + " Now 9 more cities joined.", encoding="utf-8")
    os.utime(built.seeds, ns=(folder_mtime, folder_mtime))  # as an in-place write leaves it on any file system
    assert not data.is_stale(built)  # within the grace: the last answer
    clock.now += data.RECHECK_S
    assert data.is_stale(built)


def test_a_new_build_is_seen_at_once(built: data.Dirs, clock: Clock):
    (built.seeds / "c.txt").write_text(ARTICLE, encoding="utf-8")
    assert data.is_stale(built)
    build.run(built.seeds, built.data, cache_dir=built.cache)  # the stamp changes
    assert not data.is_stale(built)


def test_repeated_runs_within_the_grace_stat_the_articles_once(built: data.Dirs, clock: Clock, monkeypatch):
    calls = []
    signature = data.articles_signature
    monkeypatch.setattr(data, "articles_signature", lambda d: calls.append(d) or signature(d))
    for _ in range(5):
        assert not data.is_stale(built)
        clock.now += data.RECHECK_S / 10
    assert len(calls) == 1
    clock.now += data.RECHECK_S
    data.is_stale(built)
    assert len(calls) == 2


@pytest.mark.parametrize(
    ("files", "expected"),
    [
        ({}, False),
        ({".hidden.txt": "x"}, False),
        ({"notes.pdf": "x"}, False),
        ({"a.txt": "x"}, True),
        ({"A.MD": "x"}, True),
    ],
)
def test_has_articles(tmp_path: Path, files: dict[str, str], expected: bool):
    for name, text in files.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    assert data.has_articles(tmp_path) is expected


def test_has_articles_looks_in_every_folder_and_a_missing_one_holds_none(tmp_path: Path):
    (tmp_path / "mine").mkdir()
    (tmp_path / "mine" / "a.txt").write_text("x", encoding="utf-8")
    assert not data.has_articles(tmp_path / "nope")
    assert data.has_articles(tmp_path / "nope", tmp_path / "mine")
