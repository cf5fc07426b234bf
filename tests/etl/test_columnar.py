"""Parquet beside every CSV: the same rows, typed by the contract, deterministic, and part of the build's one set."""

from __future__ import annotations

import datetime as dt
import errno
import json
import os
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.csv as pacsv
import pyarrow.parquet as pq
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from etl import build, columnar, write
from etl.schema import TABLE_BY_NAME, TABLES
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


# --- streamed in row groups: the same bytes as the whole table written at once -------------------------------------

# No carriage return: the csv module does not quote one (its line end is "\n") and pyarrow reads it as a line end; the
# texts have none (etl.read.decode turns every line end into "\n").
_TEXT = st.text(st.characters(codec="utf-8", exclude_categories=["Cs"], exclude_characters="\r"), max_size=12)
_TEXT |= st.sampled_from(["", " ", '"', ",", "a\nb", "'q'", "é€中", "NaN", "null", "\x00"])
_NUMBER = st.none() | st.floats(allow_nan=False, width=64) | st.sampled_from([0.0, -0.0, 1e16, 0.1 + 0.2])


@st.composite
def _metric_rows(draw) -> list[tuple]:
    n = draw(st.integers(0, 60))
    rows = []
    for i in range(n):
        aid = draw(st.sampled_from(["a", "b", "c,d"]))
        start = draw(st.integers(0, 10**6))
        texts = [draw(_TEXT) for _ in range(9)]
        rows.append((f"{aid}-{i:04d}", aid, draw(_NUMBER), *texts, start, start + 3))
    return rows


def _whole_parquet(name: str, csv: bytes) -> bytes:
    """The table read whole and written in one call, with the options of etl.columnar."""
    schema = columnar.arrow_schema(name)
    table = pacsv.read_csv(
        pa.BufferReader(csv),
        parse_options=columnar.PARSE,
        convert_options=columnar.convert_options(schema),
    )
    out = pa.BufferOutputStream()
    dictionary = [n for n in schema.names if n not in columnar.PLAIN]
    with pq.ParquetWriter(out, schema, compression="zstd", write_statistics=True, use_dictionary=dictionary) as writer:
        if table.num_rows:  # an empty table is its schema and no row group
            writer.write_table(table.combine_chunks(), row_group_size=columnar.ROW_GROUP)
    return out.getvalue().to_pybytes()


def _streamed(name: str, csv: bytes, folder: Path) -> bytes:
    staged = columnar.write_parquet(name, csv, folder)
    try:
        staged.flush()
        return staged.path.read_bytes()
    finally:
        staged.discard()


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(rows=_metric_rows(), group=st.integers(1, 25), block=st.sampled_from([64, 300, 4096, 1 << 18]))
def test_parquet_streamed_in_row_groups_is_the_whole_table_written_at_once(tmp_path, monkeypatch, rows, group, block):
    """Whatever the blocks the CSV is read in (64 bytes: rows span many blocks and are read again with larger ones),
    the row groups hold the same rows and the file is the same bytes as the whole table written in one call."""
    from etl.tables import header, render

    csv = (header("metrics") + render(rows)).encode("utf-8")
    monkeypatch.setattr(columnar, "ROW_GROUP", group)
    monkeypatch.setattr(columnar, "READ_BLOCK", block)
    streamed = _streamed("metrics", csv, tmp_path)
    assert streamed == _whole_parquet("metrics", csv)
    parquet = pq.ParquetFile(pa.BufferReader(streamed))
    assert parquet.metadata.num_row_groups == -(-len(rows) // group)
    assert parquet.read().to_pylist() == [dict(zip(TABLE_BY_NAME["metrics"].columns, row, strict=True)) for row in rows]


def test_a_table_the_csv_chunker_loses_step_on_is_read_again_with_larger_blocks(tmp_path, monkeypatch):
    """Regression (found by the test above, seed 297262054264992539209796904841174610271): a NUL before a quoted comma,
    then a quoted line break, put pyarrow's chunker out of step with its parser at 300-byte blocks ("CSV parser got
    out of sync with chunker"); the table is read again with larger blocks and is the same bytes."""
    from etl.tables import header, render

    def row(i: int, *cells: str, start: int = 0) -> tuple:
        return (f"a-{i:04d}", "a", None, *cells, *[""] * (9 - len(cells)), start, start + 3)

    widths = (10, 8, 16, 8, 26, 19, 20)
    rows = [row(0, start=2287), row(1, start=44449)] + [row(i) for i in range(2, 13)]
    rows.append(row(13, *[""] * 7, "xx", "xxx"))
    rows.append(row(14, *["x" * w for w in widths], "x" * 18 + "\x00xxx", ","))
    rows += [row(i) for i in range(16, 20)]
    rows.append(row(20, *["x" * w for w in (10, 11, 20, 24, 21, 14)], "", "", "\n"))
    rows += [row(i) for i in range(50, 54)]
    csv = (header("metrics") + render(rows)).encode("utf-8")
    monkeypatch.setattr(columnar, "READ_BLOCK", 300)
    streamed = _streamed("metrics", csv, tmp_path)
    assert streamed == _whole_parquet("metrics", csv)
    assert pq.read_table(pa.BufferReader(streamed))["sentence"].to_pylist()[-5] == "\n"


@pytest.mark.parametrize("block", [1 << 16, 1 << 18])
def test_a_row_group_of_several_pages_is_the_same_bytes_whatever_the_blocks(tmp_path, monkeypatch, block):
    """Pages (1 MB) are cut every 1,024 values or at a chunk's end: were the row group written in the CSV's blocks,
    its pages would end where the blocks do (the metrics of 40,000 articles were other bytes with other blocks)."""
    from etl.tables import header, render

    sentence = "A sentence of the length news sentences have, with a figure in it and the words around it. " * 3
    rows = [
        (f"a-{i:05d}", "a", float(i), "pupils", "", "exact", None, "people", "", "", str(i), f"{sentence}{i}", i, i + 1)
        for i in range(9_000)
    ]
    csv = (header("metrics") + render(rows)).encode("utf-8")
    monkeypatch.setattr(columnar, "READ_BLOCK", block)
    streamed = _streamed("metrics", csv, tmp_path)
    assert pq.ParquetFile(pa.BufferReader(streamed)).metadata.num_row_groups == 1
    assert streamed == _whole_parquet("metrics", csv)


def test_a_row_longer_than_the_blocks_is_read_with_larger_ones_and_gives_the_same_bytes(tmp_path, monkeypatch):
    """An event reported by tens of thousands of articles lists them all in one row: pyarrow refuses a row that spans
    more than two blocks, so the table is read again with larger blocks (its bytes do not depend on them)."""
    from etl.tables import header, render

    columns = TABLE_BY_NAME["events"].columns
    cells = {"event_id": "forum-1234", "name": "Forum", "city": "Lima", "attendees": 300.0, "sentence": "It met."}
    cells["article_ids"] = ";".join(f"a{i:05d}" for i in range(20_000))
    row = tuple(cells.get(c) for c in columns)
    csv = (header("events") + render([row] * 3)).encode("utf-8")
    monkeypatch.setattr(columnar, "READ_BLOCK", 4096)  # the row is 120 KB
    streamed = _streamed("events", csv, tmp_path)
    assert streamed == _whole_parquet("events", csv)
    assert pq.read_table(pa.BufferReader(streamed))["article_ids"].to_pylist()[2].count(";") == 19_999


def test_the_arrow_memory_of_a_conversion_does_not_grow_with_the_table(tmp_path, monkeypatch):
    """Only a row group and a few blocks are held: four times the rows, the same peak of Arrow memory."""
    from etl.tables import header, render

    monkeypatch.setattr(columnar, "ROW_GROUP", 1024)
    monkeypatch.setattr(columnar, "READ_BLOCK", 1 << 16)
    sentence = "A sentence long enough to weigh: " * 4

    def peak(n: int) -> int:
        rows = [
            (
                f"a-{i:06d}",
                "a",
                float(i),
                "pupils",
                "",
                "exact",
                None,
                "people",
                "",
                "",
                str(i),
                sentence + str(i),
                i,
                i + 1,
            )
            for i in range(n)
        ]
        csv = (header("metrics") + render(rows)).encode("utf-8")
        pool = pa.proxy_memory_pool(pa.default_memory_pool())
        before = pa.default_memory_pool()
        pa.set_memory_pool(pool)
        try:
            _streamed("metrics", csv, tmp_path)
        finally:
            pa.set_memory_pool(before)
        return pool.max_memory()

    small, large = peak(10_000), peak(40_000)
    assert large < 1.25 * small, f"{small / 1e6:.1f} MB for 10,000 rows, {large / 1e6:.1f} MB for 40,000"
