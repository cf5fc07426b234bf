"""Tables are assembled from per-article fragments: the same bytes as pandas would write, whatever came from cache."""

from __future__ import annotations

import io
import math

import pandas as pd
import pytest

from etl import build
from etl.model import Event
from etl.schema import TABLE_BY_NAME, check
from etl.tables import events_rows, render

AWKWARD = [
    # value, unit: floats that print differently in naive formats; strings that need quoting
    (800.0, 'delegates, "overseas"'),
    (12_500_000_000.0, "learners\nacross lines"),
    (0.1 + 0.2, "pupils"),
    (1e16, "a,b"),
    (1e-05, " leading blank"),
    (123456789.123, "'single' quotes"),
    (math.inf, "unbounded"),
]


def _metric_rows() -> list[tuple]:
    return [
        (
            f"a-{i:04d}",
            "a",
            -value if i % 2 else value,  # a decrease is negative
            unit,
            "",
            "exact",
            "decrease" if i % 2 else None,
            "people",
            "",
            "",
            "x",
            f"Sentence {i}, with a comma.",
            i,
            i + 1,
        )
        for i, (value, unit) in enumerate(AWKWARD, start=1)
    ]


def _pandas_csv(frame: pd.DataFrame) -> str:
    buf = io.StringIO()
    frame.to_csv(buf, index=False, lineterminator="\n", header=False)
    return buf.getvalue()


def test_rendered_rows_are_what_pandas_writes_for_the_checked_frame():
    rows = _metric_rows()
    checked = check("metrics", pd.DataFrame(rows, columns=TABLE_BY_NAME["metrics"].columns))
    assert render(rows) == _pandas_csv(checked)


def test_rendered_events_with_empty_numbers_match_pandas():
    from etl.model import Event
    from etl.tables import events_rows

    told = [("a", [Event("Forum 2024", "", "Hangzhou", "CHN", 300.0, None, 12.0, "", "It met.", key="forum-2024")])]
    rows = events_rows(told)
    checked = check("events", pd.DataFrame(rows, columns=TABLE_BY_NAME["events"].columns))
    assert render(rows) == _pandas_csv(checked)


ARTICLE = (
    "Forum on learning cities held in Hangzhou\n\n"
    "The forum was held in Hangzhou on March 3, 2024. More than 300 delegates from 40 countries attended.\n"
    "The platform now serves about 2.5 million learners in Medellín and offers 12,000 courses."
)


def test_a_build_from_cached_fragments_equals_a_build_from_scratch(write_articles, tmp_path):
    seeds = write_articles({f"{n}.txt": ARTICLE.replace("300", str(300 + n)) for n in range(4)})
    cache_dir = tmp_path / "cache"
    build.run(seeds, tmp_path / "warm", cache_dir=cache_dir)
    (seeds / "2.txt").write_text(ARTICLE.replace("40 countries", "41 countries"), encoding="utf-8")
    report = build.run(seeds, tmp_path / "warm", cache_dir=cache_dir)
    assert report.from_cache == 3
    build.run(seeds, tmp_path / "cold")
    for name in TABLE_BY_NAME:
        assert (tmp_path / "warm" / f"{name}.csv").read_bytes() == (tmp_path / "cold" / f"{name}.csv").read_bytes()


def test_a_renamed_article_gets_ids_of_its_new_name(write_articles, tmp_path):
    seeds = write_articles({"old.txt": ARTICLE})
    cache_dir, out = tmp_path / "cache", tmp_path / "data"
    build.run(seeds, out, cache_dir=cache_dir)
    (seeds / "old.txt").rename(seeds / "new.txt")
    build.run(seeds, out, cache_dir=cache_dir)
    metrics = pd.read_csv(out / "metrics.csv")
    assert len(metrics) and set(metrics["article_id"]) == {"new"}
    assert metrics["metric_id"].str.startswith("new-").all()


def test_the_gazetteer_is_kept_and_read_back_even_without_the_article_cache(write_articles, tmp_path, monkeypatch):
    from etl import paths
    from etl.extract import places

    seeds = write_articles({"a.txt": ARTICLE})
    monkeypatch.setattr(paths, "GAZETTEER_DIR", tmp_path / "gazetteer")
    monkeypatch.setattr(places, "_LOADED", [])
    build.run(seeds, tmp_path / "one", cache_dir=tmp_path / "cache")
    (saved,) = (tmp_path / "gazetteer").glob("gazetteer-*.pickle")

    def no_rebuild():
        raise AssertionError("the gazetteer was rebuilt instead of read from the cache")

    monkeypatch.setattr(places, "_LOADED", [])
    monkeypatch.setattr(places, "_index", no_rebuild)
    (seeds / "a.txt").write_text(ARTICLE + " It has 7 libraries.", encoding="utf-8")
    build.run(seeds, tmp_path / "two", cache_dir=None)  # --no-cache: articles are read again, the index is not
    assert "Medellín" in (tmp_path / "two" / "places.csv").read_text(encoding="utf-8")

    saved.write_bytes(b"not a pickle")  # a damaged copy is rebuilt, not trusted
    monkeypatch.setattr(places, "_LOADED", [])
    with pytest.raises(AssertionError, match="rebuilt"):
        places.gazetteer()


def test_a_merged_event_takes_its_first_and_last_day_from_one_report():
    def told(date: str, end: str) -> Event:
        return Event("World Forum", date, "Lima", "PER", None, None, None, "", "s", key="forum", end_date=end)

    # article a: an impossible last day ("February 28 to 30"), so no end; article b: other days altogether
    (row,) = events_rows([("a", [told("2024-02-28", "")]), ("b", [told("2024-01-03", "2024-01-05")])])
    columns = TABLE_BY_NAME["events"].columns
    got = dict(zip(columns, row, strict=True))
    assert (got["date"], got["end_date"]) == ("2024-02-28", "2024-02-28")


@pytest.mark.parametrize(
    ("url", "ok"),
    [("https://example.org/a", True), (None, True), ("javascript:alert(1)", False), ('https://e.org/"x', False)],
)
def test_the_articles_contract_holds_only_web_addresses_as_links(url, ok):
    from etl.errors import ContractError

    row = {
        "article_id": "a",
        "file": "a.txt",
        "title": "A",
        "published": None,
        "source": "",
        "url": url,
        "n_chars": 10,
        "sha256": "0" * 64,
        "encoding": "utf-8",
        "n_metrics": 0,
        "n_places": 0,
    }
    frame = pd.DataFrame([row], columns=TABLE_BY_NAME["articles"].columns)
    if ok:
        check("articles", frame)
    else:
        with pytest.raises(ContractError, match="url"):
            check("articles", frame)


def test_an_event_links_to_the_figures_its_counts_were_read_from_in_every_article(write_articles, tmp_path):
    seeds = write_articles(
        {
            "a.txt": "The 2025 Riga Learning Forum was held in Riga on 3 May 2025. It drew 640 participants "
            "from 12 countries. The city also opened 9 libraries.",
            "b.txt": "More than 700 participants attended the 2025 Riga Learning Forum in Riga.",
        }
    )
    build.run(seeds, tmp_path / "data", cache_dir=None)
    events = pd.read_csv(tmp_path / "data" / "events.csv", dtype=str, keep_default_na=False)
    metrics = pd.read_csv(tmp_path / "data" / "metrics.csv", dtype=str, keep_default_na=False).set_index("metric_id")
    (row,) = events[events["name"].str.contains("Riga Learning Forum")].itertuples()
    linked = metrics.loc[row.metric_ids.split(";")]
    assert sorted(zip(linked["article_id"], linked["surface"], strict=True)) == [
        ("a", "12"),
        ("a", "640"),
        ("b", "700"),
    ]  # the libraries are no count of the forum, and both reports' figures are there
    assert "attendees: 640 (a); 700 (b)" in row.reported
