"""Parquet beside every CSV: the same rows, typed by the contract, deterministic, and part of the build's one set."""

from __future__ import annotations

import datetime as dt
import errno
import json
import os
from pathlib import Path

import pandas as pd
import pyarrow.parquet as pq
import pytest

from etl import build, columnar, write
from etl.schema import TABLES
from tests.etl.test_build import ARTICLE

OTHER = "Schools in Lima\n\nPublished 2024-05-06. About 12 new schools opened in Lima, with 3,400 pupils.\n"


def _files(out: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(out.iterdir()) if p.is_file() and p.name != ".build.lock"}


def test_every_table_has_a_parquet_file_with_the_same_rows_typed_by_the_contract(write_articles, tmp_path):
    seeds = write_articles({"a.txt": ARTICLE, "b.txt": OTHER})
    out = tmp_path / "data"
    build.run(seeds, out, cache_dir=None)
    for table in TABLES:
        parquet = pq.read_table(out / f"{table.name}.parquet")
        assert parquet.schema.names == table.columns
        assert parquet.schema.equals(columnar.arrow_schema(table.name))
        csv = pd.read_csv(out / f"{table.name}.csv", dtype=str, keep_default_na=False)
        rows = parquet.to_pylist()
        assert len(rows) == len(csv), table.name
        for field in table.fields:  # each cell is the CSV's, as its type: "" for empty text, None for a missing value
            want = csv[field.name].tolist()
            got = [r[field.name] for r in rows]
            if field.type == "string":
                assert got == want, (table.name, field.name)
            elif field.type == "date":
                assert got == [dt.date.fromisoformat(v) if v else None for v in want], (table.name, field.name)
            elif field.type == "integer":
                assert got == [int(v) if v else None for v in want], (table.name, field.name)
            else:
                assert got == [float(v) if v else None for v in want], (table.name, field.name)
    assert len(pq.read_table(out / "metrics.parquet")) >= 4
    assert pq.read_table(out / "articles.parquet")["published"].to_pylist() == [None, dt.date(2024, 5, 6)]


def test_parquet_bytes_are_the_same_for_any_jobs_batch_size_and_from_the_cache(write_articles, tmp_path, monkeypatch):
    from etl import stream

    seeds = write_articles({f"{i:03d}.txt": ARTICLE.replace("300", str(300 + i)) for i in range(60)})
    build.run(seeds, tmp_path / "one", cache_dir=None, jobs=1)
    build.run(seeds, tmp_path / "two", cache_dir=tmp_path / "cache", jobs=2)
    build.run(seeds, tmp_path / "cached", cache_dir=tmp_path / "cache", jobs=2)
    monkeypatch.setattr(stream, "CACHE_BATCH", 7)
    monkeypatch.setattr(columnar, "ROW_GROUP", 100)  # several row groups: the bytes change, but not between runs
    build.run(seeds, tmp_path / "small1", cache_dir=None, jobs=1)
    build.run(seeds, tmp_path / "small2", cache_dir=tmp_path / "cache", jobs=2)
    one = _files(tmp_path / "one")
    assert {f"{t.name}.parquet" for t in TABLES} <= set(one)
    assert _files(tmp_path / "two") == one
    assert _files(tmp_path / "cached") == one
    assert _files(tmp_path / "small1") == _files(tmp_path / "small2")
    assert pq.ParquetFile(tmp_path / "small1" / "metrics.parquet").metadata.num_row_groups > 1
    assert pq.read_table(tmp_path / "small1" / "metrics.parquet").equals(
        pq.read_table(tmp_path / "one" / "metrics.parquet")
    )


def test_the_data_package_hashes_the_parquet_files_and_a_changed_or_missing_one_is_stale(write_articles, tmp_path):
    seeds = write_articles({"a.txt": ARTICLE})
    out = tmp_path / "data"
    build.run(seeds, out)
    package = json.loads((out / "datapackage.json").read_text())
    assert [p["path"] for p in package["parquet"]] == [f"{t.name}.parquet" for t in TABLES]
    assert all(r["path"].endswith(".csv") for r in package["resources"])  # the CSV files stay the contract
    assert not build.is_stale(seeds, out)
    with (out / "places.parquet").open("ab") as fh:
        fh.write(b"junk")
    assert build.is_stale(seeds, out)
    assert not build.run(seeds, out).skipped
    assert not build.is_stale(seeds, out)
    (out / "events.parquet").unlink()
    assert build.is_stale(seeds, out)
    build.run(seeds, out)
    assert (out / "events.parquet").is_file()


def test_a_data_folder_built_before_parquet_is_stale(write_articles, tmp_path):
    seeds = write_articles({"a.txt": ARTICLE})
    out = tmp_path / "data"
    build.run(seeds, out)
    package = json.loads((out / "datapackage.json").read_text())
    del package["parquet"]
    (out / "datapackage.json").write_text(json.dumps(package))
    for table in TABLES:
        (out / f"{table.name}.parquet").unlink()
    assert build.is_stale(seeds, out)


@pytest.mark.parametrize("failing", ["events", "metrics"])
def test_a_failure_while_writing_parquet_leaves_the_last_complete_set(write_articles, tmp_path, monkeypatch, failing):
    seeds = write_articles({"a.txt": ARTICLE})
    out = tmp_path / "data"
    build.run(seeds, out, cache_dir=None)
    before = _files(out)
    (seeds / "b.txt").write_text(OTHER, encoding="utf-8")
    real = columnar.write_parquet

    def write_parquet(name, csv, folder):
        if name == failing:
            raise OSError(errno.ENOSPC, "No space left on device")
        return real(name, csv, folder)

    monkeypatch.setattr(columnar, "write_parquet", write_parquet)
    with pytest.raises(OSError, match="No space"):
        build.run(seeds, out, cache_dir=None)
    assert _files(out) == before  # CSV and Parquet of the last build, none of the new, no temporary
    monkeypatch.setattr(columnar, "write_parquet", real)
    assert build.run(seeds, out, cache_dir=None).articles == 2
    assert pq.read_table(out / "articles.parquet").num_rows == 2


@pytest.mark.parametrize("at", [2, 8, 12, 13])
def test_a_full_disk_at_any_file_of_the_set_leaves_csv_and_parquet_of_the_last_build(
    write_articles, tmp_path, monkeypatch, at
):
    seeds = write_articles({"a.txt": ARTICLE})
    out = tmp_path / "data"
    build.run(seeds, out, cache_dir=None)
    before = _files(out)
    (seeds / "b.txt").write_text(OTHER, encoding="utf-8")
    synced = []
    real_fsync = os.fsync

    def fsync(fd: int) -> None:  # the set is 6 CSV, 6 Parquet, the data package and the stamp: 14 files
        synced.append(fd)
        if len(synced) == at:
            raise OSError(errno.ENOSPC, "No space left on device")
        real_fsync(fd)

    monkeypatch.setattr(write.os, "fsync", fsync)
    with pytest.raises(OSError, match="No space"):
        build.run(seeds, out, cache_dir=None)
    assert _files(out) == before
