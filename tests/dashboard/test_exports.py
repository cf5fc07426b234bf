"""Downloads: the zip carries every table and datapackage.json, byte for byte."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

from dashboard.exports import package_zip, table_bytes
from etl.schema import TABLES


def test_zip_holds_every_table_and_the_data_package_unchanged(built_data: Path):
    blob = package_zip(built_data)
    with zipfile.ZipFile(io.BytesIO(blob)) as zf:
        names = set(zf.namelist())
        assert names == {f"{t.name}.csv" for t in TABLES} | {"datapackage.json"}
        assert zf.read("metrics.csv") == (built_data / "metrics.csv").read_bytes()
    assert package_zip(built_data) == blob  # same tables, same bytes


def test_a_missing_table_downloads_as_empty_bytes(tmp_path: Path):
    assert table_bytes(tmp_path, "metrics") == b""
