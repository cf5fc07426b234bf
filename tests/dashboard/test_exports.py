"""Downloads: the zip carries every table and datapackage.json, byte for byte."""

from __future__ import annotations

import csv
import hashlib
import io
import json
import zipfile
from pathlib import Path

import pytest

from dashboard.exports import package_zip, safe_cell, table_bytes, view_name
from dashboard.filters import Filters
from etl.schema import TABLE_BY_NAME, TABLES


def test_zip_holds_every_table_and_the_data_package_unchanged(built_data: Path):
    blob = package_zip(built_data)
    with zipfile.ZipFile(io.BytesIO(blob)) as zf:
        names = set(zf.namelist())
        assert names == {f"{t.name}.csv" for t in TABLES} | {"datapackage.json"}
        assert zf.read("metrics.csv") == (built_data / "metrics.csv").read_bytes()
    assert package_zip(built_data) == blob  # same tables, same bytes


def test_a_missing_table_downloads_as_empty_bytes(tmp_path: Path):
    assert table_bytes(tmp_path, "metrics") == b""


HOSTILE = '=HYPERLINK("https://evil.example","Click")\n\n+cmd|\' /C calc\'!A0 said 45 schools joined the network.\n'


def _cells(data: bytes) -> list[list[str]]:
    return list(csv.reader(io.StringIO(data.decode("utf-8"), newline="")))


def test_downloads_show_formulas_as_text_and_the_built_tables_keep_them(tmp_path: Path):
    from etl.build import run

    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "hostile.txt").write_text(HOSTILE, encoding="utf-8")
    data = tmp_path / "data"
    run(seeds, data, cache_dir=None)
    built_titles = [r[2] for r in _cells((data / "articles.csv").read_bytes())[1:]]
    assert built_titles == ['=HYPERLINK("https://evil.example","Click")']  # the table is faithful

    titles = [r[2] for r in _cells(table_bytes(data, "articles"))[1:]]
    assert titles == ['\'=HYPERLINK("https://evil.example","Click")']
    metrics = _cells(table_bytes(data, "metrics"))
    sentence = metrics[0].index("sentence")
    assert metrics[1][sentence].startswith("'+cmd|")
    assert float(metrics[1][metrics[0].index("value")]) == 45  # numbers are numbers still

    with zipfile.ZipFile(io.BytesIO(package_zip(data))) as zf:
        package = json.loads(zf.read("datapackage.json"))
        for res in package["resources"]:  # the zip's package describes the files it holds
            assert res["hash"] == "sha256:" + hashlib.sha256(zf.read(res["path"])).hexdigest()
        assert zf.read("articles.csv") == table_bytes(data, "articles")
        assert "apostrophe" in package["description"]


def test_a_cell_is_made_safe_only_when_it_would_start_a_formula():
    for cell in ("=1+2", "+1", "-1", "@A1", "\tx", "\rx"):
        assert safe_cell(cell) == "'" + cell
    for cell in ("1,000 teachers", "Lisbon", "", " =1", -5.0, None):
        assert safe_cell(cell) == cell


def test_the_filtered_figures_download_shows_formulas_as_text(tmp_path: Path, monkeypatch):
    from dashboard import data, filters
    from etl.build import run

    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "hostile.txt").write_text(HOSTILE, encoding="utf-8")
    monkeypatch.setenv("DED_SEEDS_DIR", str(seeds))
    monkeypatch.setenv("DED_DATA_DIR", str(tmp_path / "data"))
    run(seeds, tmp_path / "data", cache_dir=None)
    rows = _cells(data.figures_csv(filters.Filters(), tmp_path / "data"))
    sentence = rows[0].index("sentence")
    assert rows[1][sentence].startswith("'+cmd|") and len(rows) == 2


@pytest.mark.parametrize(
    ("f", "name"),
    [
        (Filters(), "figures"),
        (Filters(categories=("people",), places=("Lisbon",)), "figures-category-people-place-lisbon"),
        (Filters(text="São Paulo", since="2024-01-01", flagged=True), "figures-q-sao-paulo-from-2024-01-01-flagged"),
        (Filters(text="../../etc/passwd"), "figures-q-etc-passwd"),  # a name, never a path
        (Filters(articles=("a" * 200,)), "figures-article-" + "a" * 64),
    ],
)
def test_a_view_is_named_after_its_filters(f, name):
    assert view_name(f) == name


def test_the_filtered_download_keeps_the_metrics_schema_and_carries_citation_and_sources(built_data: Path):
    frictionless = pytest.importorskip("frictionless")
    from dashboard import data

    f = Filters(articles=("a_lisbon",))
    rows = _cells(data.figures_csv(f, built_data))
    assert rows[0] == list(TABLE_BY_NAME["metrics"].columns)  # no flag or display columns
    start = rows[0].index("start")
    assert all(r[start].isdigit() for r in rows[1:])  # 4004, not 4004.0
    blob = data.figures_zip(f, built_data)
    with zipfile.ZipFile(io.BytesIO(blob)) as zf:
        assert sorted(zf.namelist()) == ["datapackage.json", "figures-article-a-lisbon.csv"]
        package = json.loads(zf.read("datapackage.json"))
        zf.extractall(built_data.parent / "view")
    assert "article: a_lisbon" in package["citation"]
    title = next(r[2] for r in _cells((built_data / "articles.csv").read_bytes()) if r[0] == "a_lisbon")
    assert [s["title"] for s in package["sources"]] == [f"{title} (a_lisbon)"]  # only the article it cites
    report = frictionless.validate(built_data.parent / "view" / "datapackage.json")
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])


def test_a_charts_download_is_a_valid_package_with_its_sources_and_a_citation(tmp_path: Path):
    import pandas as pd

    frictionless = pytest.importorskip("frictionless")
    from dashboard.exports import chart_zip

    table = pd.DataFrame(
        {"date": pd.to_datetime(["2024-01-30", None]), "name": ["=Forum", "Meeting"], "attendees": [800.0, None]}
    )
    sources = pd.DataFrame({"Article": ["A report"], "Original": [""], "Sentence": ["800 came."]})
    blob = chart_zip("chart-events-timeline", "Events over time", table, sources, "2026-12-04")
    with zipfile.ZipFile(io.BytesIO(blob)) as zf:
        assert sorted(zf.namelist()) == [
            "chart-events-timeline-sources.csv",
            "chart-events-timeline.csv",
            "datapackage.json",
        ]
        assert zf.read("chart-events-timeline.csv").decode().splitlines()[1:] == [
            "2024-01-30,'=Forum,800.0",  # ISO day; a formula shown as text
            ",Meeting,",
        ]
        package = json.loads(zf.read("datapackage.json"))
        zf.extractall(tmp_path)
    assert package["citation"].startswith("Digital Education Dashboard") and "Events over time" in package["citation"]
    assert [f["type"] for f in package["resources"][0]["schema"]["fields"]] == ["date", "string", "number"]
    report = frictionless.validate(tmp_path / "datapackage.json")
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])
