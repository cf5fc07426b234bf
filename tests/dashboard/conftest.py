"""Hand-made tables in the contract's columns, written into tmp_path, for the dashboard's tests."""

from __future__ import annotations

import shutil
from pathlib import Path

import pandas as pd
import pytest

from etl.schema import TABLES

ARTICLE_A = "Over 2,000 teachers from 40 countries met in Lisbon.\nThe Lisbon portal had 37.3 billion page views."
ARTICLE_B = "Nairobi was named a learning city. About 1,200 people joined the Nairobi Forum on 2024-05-02."


def sample_tables() -> dict[str, pd.DataFrame]:
    """Two small articles' worth of rows, shaped like real ETL output."""
    articles = [
        ("a_lisbon", "a_lisbon.txt", "Teachers meet in Lisbon", "2024-03-01", "Example News", ARTICLE_A),
        ("b_nairobi", "b_nairobi.txt", "Nairobi forum", "", "", ARTICLE_B),
    ]

    def metric(aid, n, value, unit, qualifier, bound, category, subject, place, text, surface):
        start = text.index(surface)
        sentence = next(s for s in text.replace("\n", " ").split(". ") if surface in s)
        return {
            "metric_id": f"{aid}-{n:04d}",
            "article_id": aid,
            "value": value,
            "unit": unit,
            "qualifier": qualifier,
            "bound": bound,
            "category": category,
            "subject": subject,
            "place": place,
            "surface": surface,
            "sentence": sentence,
            "start": start,
            "end": start + len(surface),
        }

    metrics = [
        metric("a_lisbon", 1, 2000, "teachers", "over", "at_least", "people", "meeting", "Lisbon", ARTICLE_A, "2,000"),
        metric("a_lisbon", 2, 40, "countries", "", "exact", "places", "meeting", "", ARTICLE_A, "40"),
        metric(
            "a_lisbon",
            3,
            37.3e9,
            "page views",
            "",
            "exact",
            "engagement",
            "portal",
            "Lisbon",
            ARTICLE_A,
            "37.3 billion",
        ),
        metric("b_nairobi", 1, 1200, "people", "about", "approx", "people", "Nairobi Forum", "", ARTICLE_B, "1,200"),
    ]
    return {
        "articles": pd.DataFrame(
            [
                {
                    "article_id": aid,
                    "file": file,
                    "title": title,
                    "published": published,
                    "source": source,
                    "n_chars": len(text),
                    "sha256": "0" * 64,
                    "encoding": "utf-8",
                    "n_metrics": sum(m["article_id"] == aid for m in metrics),
                    "n_places": 1,
                }
                for aid, file, title, published, source, text in articles
            ]
        ),
        "metrics": pd.DataFrame(metrics),
        "places": pd.DataFrame(
            [
                {
                    "article_id": "a_lisbon",
                    "name": "Lisbon",
                    "kind": "city",
                    "country_iso3": "PRT",
                    "lat": 38.72,
                    "lon": -9.14,
                    "mentions": 2,
                },
                {
                    "article_id": "a_lisbon",
                    "name": "Portugal",
                    "kind": "country",
                    "country_iso3": "PRT",
                    "lat": 39.5,
                    "lon": -8.0,
                    "mentions": 1,
                },
                {
                    "article_id": "b_nairobi",
                    "name": "Nairobi",
                    "kind": "city",
                    "country_iso3": "KEN",
                    "lat": -1.29,
                    "lon": 36.82,
                    "mentions": 2,
                },
                {
                    "article_id": "b_nairobi",
                    "name": "East Africa",
                    "kind": "region",
                    "country_iso3": "",
                    "lat": 1.0,
                    "lon": 38.0,
                    "mentions": 1,
                },
            ]
        ),
        "learning_cities": pd.DataFrame(
            [
                {
                    "city": "Nairobi",
                    "country_iso3": "KEN",
                    "lat": -1.29,
                    "lon": 36.82,
                    "recognition": "learning city",
                    "kind": "designated learning city",
                    "article_id": "b_nairobi",
                    "sentence": "Nairobi was named a learning city.",
                }
            ]
        ),
        "events": pd.DataFrame(
            [
                {
                    "event_id": "nairobi-forum-2024",
                    "name": "Nairobi Forum",
                    "date": "2024-05-02",
                    "end_date": "2024-05-04",
                    "edition": 3,
                    "city": "Nairobi",
                    "country_iso3": "KEN",
                    "attendees": 1200,
                    "overseas": 300,
                    "countries_represented": 12,
                    "format": "in person",
                    "article_id": "b_nairobi",
                    "article_ids": "b_nairobi",
                    "reported": "attendees: 1200 (b_nairobi); 1000 (c_other)",
                    "sentence": "About 1,200 people joined the Nairobi Forum on 2024-05-02.",
                },
                {
                    "event_id": "lisbon-meeting-2024",
                    "name": "Lisbon teachers meeting",
                    "date": "2024-02-20",
                    "city": "Lisbon",
                    "country_iso3": "PRT",
                    "attendees": 2000,
                    "overseas": None,
                    "countries_represented": 40,
                    "format": "",
                    "article_id": "a_lisbon",
                    "article_ids": "a_lisbon",
                    "metric_ids": "a_lisbon-0001;a_lisbon-0002",  # the 2,000 teachers and the 40 countries
                    "sentence": "Over 2,000 teachers from 40 countries met in Lisbon.",
                },
            ]
        ),
        "rejected": pd.DataFrame([{"file": "notes.pdf", "reason": "is not an article (only .txt, .md are read)"}]),
    }


def write_tables(folder: Path, tables: dict[str, pd.DataFrame], parquet: bool = True) -> Path:
    """The tables as the ETL writes them: CSV, and (unless ``parquet`` is False, as an older build) Parquet typed by
    the contract."""
    folder.mkdir(parents=True, exist_ok=True)
    for table in TABLES:
        frame = tables.get(table.name, pd.DataFrame())
        frame.reindex(columns=table.columns).to_csv(folder / f"{table.name}.csv", index=False)
        if parquet:
            write_parquet(folder, table.name)
    return folder


def write_parquet(folder: Path, name: str) -> None:
    """``name``.parquet from the CSV beside it, each column as the contract types it (a hand-made table may write an
    integer as "3.0", which the ETL never does, so it is typed here rather than by etl.columnar)."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    from etl.columnar import arrow_schema

    schema = arrow_schema(name)
    raw = pd.read_csv(folder / f"{name}.csv", dtype=str, keep_default_na=False)
    columns = {}
    for field in schema:
        values = raw[field.name] if field.name in raw else pd.Series([""] * len(raw), dtype=str)
        if pa.types.is_string(field.type):
            columns[field.name] = pa.array(values.tolist(), pa.string())
        elif pa.types.is_date32(field.type):
            days = pd.to_datetime(values.replace("", None), errors="coerce", format="ISO8601")
            columns[field.name] = pa.array([d.date() if pd.notna(d) else None for d in days], pa.date32())
        else:
            numbers = pd.to_numeric(values.replace("", None), errors="coerce")
            cast = (lambda v: int(v)) if pa.types.is_integer(field.type) else float
            columns[field.name] = pa.array([cast(v) if pd.notna(v) else None for v in numbers], field.type)
    pq.write_table(pa.table(columns, schema=schema), folder / f"{name}.parquet")


@pytest.fixture
def sample_data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Hand-made tables as the dashboard's data folder; the seeds folder is empty, so nothing rebuilds them."""
    (tmp_path / "seeds").mkdir()
    monkeypatch.setenv("DED_SEEDS_DIR", str(tmp_path / "seeds"))
    monkeypatch.setenv("DED_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setenv("DED_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("DED_EDITING", "open")  # one user, as `make run`
    return write_tables(tmp_path / "data", sample_tables())


@pytest.fixture
def built_data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A data folder built by the real ETL from the two tiny articles (seeds, data and cache all in tmp_path)."""
    from etl.build import run

    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "a_lisbon.txt").write_text(ARTICLE_A, encoding="utf-8")
    (seeds / "b_nairobi.txt").write_text(ARTICLE_B, encoding="utf-8")
    monkeypatch.setenv("DED_SEEDS_DIR", str(seeds))
    monkeypatch.setenv("DED_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setenv("DED_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("DED_EDITING", "open")  # one user, as `make run`
    run(seeds, tmp_path / "data", cache_dir=tmp_path / "cache")
    return tmp_path / "data"


@pytest.fixture(scope="session")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The tables the real ETL builds from the dev set's articles and the seeds (varied: flags, events, dates,
    learning cities, places)."""
    from etl.build import run

    root = Path(__file__).resolve().parents[2]
    base = tmp_path_factory.mktemp("corpus")
    seeds = base / "seeds"
    seeds.mkdir()
    for source in [*sorted((root / "tests/corpus/devset").glob("*/articles/*.txt")), *sorted(root.glob("seeds/*.txt"))]:
        shutil.copy(source, seeds / f"{source.parent.parent.name}_{source.name}")
    run(seeds, base / "data", cache_dir=None)
    return base / "data"
