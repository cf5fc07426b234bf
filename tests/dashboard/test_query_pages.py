"""The queries of Overview, Events, Sources and Data (dashboard/query.py's headline, query_articles, query_events):
the same answers as the pandas code the pages used, on tiny hand-made tables and on tables the ETL built, and every
value a visitor gives bound, never part of the SQL, markup or a path."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from dashboard import catalog, charts, data, db, exports, filters, query, query_articles, query_events
from dashboard.filters import Filters
from dashboard.fmt import article_titles
from tests.dashboard.conftest import sample_tables, write_tables
from tests.dashboard.test_query import flagged_tables, reference

HOSTILE = ("'; DROP TABLE pub; --", "' OR '1'='1", "%", "_", "\\", "<script>alert(1)</script>", "../../etc/passwd")


@pytest.fixture(autouse=True)
def _closed():
    yield
    db.close_all()


@pytest.fixture(params=["sample", "flagged", "corpus"])
def folder(request, tmp_path: Path) -> Path:
    """Each set of tables the answers are compared on."""
    if request.param == "corpus":
        return request.getfixturevalue("corpus")
    return write_tables(tmp_path / "data", sample_tables() if request.param == "sample" else flagged_tables())


def tables(folder: Path) -> dict[str, pd.DataFrame]:
    return {name: data.read_table(folder, name) for name in db.TABLES}


def published(t: dict[str, pd.DataFrame]) -> dict[str, pd.Timestamp]:
    return dict(zip(t["articles"]["article_id"], t["articles"]["published"], strict=True))


FILTERS = [
    Filters(),
    Filters(articles=("a_lisbon",)),
    Filters(places=("Lisbon", "Nairobi")),
    Filters(text="the"),
    Filters(text="NAIROBI"),
    Filters(since="2024-01-01"),
    Filters(until="2024-06-30"),
    Filters(since="2016-01-01", until="2019-12-31"),
    Filters(since="not a date"),
    Filters(categories=("people",), flagged=True),
    *(Filters(articles=(h,), places=(h,), text=h) for h in HOSTILE),
]


@pytest.mark.parametrize("f", FILTERS, ids=filters.describe)
def test_headline_figures_are_those_of_the_pandas_rule(folder: Path, f: Filters):
    view, _ = reference(folder)
    expected = charts.headline_figures(filters.apply(view, f), data.read_table(folder, "articles"))
    got = query.headline(folder, f)
    assert list(got["metric_id"]) == list(expected["metric_id"])
    assert list(got["n_articles"]) == list(expected["n_articles"])
    assert list(got["sentence"]) == list(expected["sentence"])


@pytest.mark.parametrize("text", [("name", "city"), ("name", "city", "sentence")])
@pytest.mark.parametrize("f", FILTERS, ids=filters.describe)
def test_events_pass_the_filters_as_filters_narrow_has_them(folder: Path, f: Filters, text: tuple[str, ...]):
    t = tables(folder)
    expected = filters.narrow(t["events"], f, published(t), articles="article_ids", places=("city",), text=text)
    got = query_events.events(folder, f, text)
    assert list(got["event_id"]) == list(expected["event_id"])
    ids = [[a for a in str(x).split(";") if a] for x in expected["article_ids"]]
    assert [list(a) for a in got["first_articles"]] == [i[: query_events.ARTICLES_SHOWN] for i in ids]
    assert list(got["n_articles"]) == [len(i) for i in ids]
    assert list(got["linked"]) == [bool(m) for m in expected["metric_ids"]]
    assert list(query_events.events(folder, f, text, full=False)["event_id"]) == list(expected["event_id"])


def test_an_event_names_its_first_articles_and_counts_the_rest(tmp_path: Path):
    t = sample_tables()
    many = [f"x{i:03d}" for i in range(45)]
    t["events"].loc[0, "article_ids"] = ";".join(many)
    folder = write_tables(tmp_path / "data", t)
    row = query_events.events(folder, Filters(), ("name",)).iloc[0]
    assert list(row["first_articles"]) == many[: query_events.ARTICLES_SHOWN] and row["n_articles"] == 45


@pytest.mark.parametrize("which", ["all", "attended", "none"])
def test_an_events_charts_sources_are_those_of_catalog_event_sources(folder: Path, which: str):
    t = tables(folder)
    events = t["events"] if which != "attended" else t["events"].dropna(subset=["attendees"])
    events = events.iloc[0:0] if which == "none" else events
    expected = catalog.chart_sources(catalog.event_sources(events, t["metrics"]), t["articles"])
    got = query_events.sources(folder, {which: [int(i) for i in events.index]})  # the index is the row number
    assert got[which].to_dict("list") == expected.to_dict("list")


def test_several_events_charts_are_cited_at_once_as_each_alone(folder: Path):
    t = tables(folder)
    charts = {
        "all": list(t["events"].index),
        "attended": list(t["events"].dropna(subset=["attendees"]).index),
        "none": [],
        "first": list(t["events"].index[:1]),
    }
    together = query_events.sources(folder, charts, most=3)
    for name, rns in charts.items():
        assert together[name].to_dict("list") == query_events.sources(folder, {name: rns}, most=3)[name].to_dict("list")
        expected = catalog.chart_sources(catalog.event_sources(t["events"].loc[rns], t["metrics"]), t["articles"], 3)
        assert together[name].to_dict("list") == expected.to_dict("list")


def test_an_events_figures_are_listed_in_the_rows_order_and_counted_whole(folder: Path):
    t = tables(folder)
    known = set(t["metrics"]["metric_id"])
    by_id = t["metrics"].set_index("metric_id")["article_id"]
    for rn, event in t["events"].iterrows():
        expected = [m for m in str(event.get("metric_ids") or "").split(";") if m in known]
        found, total, articles = query_events.figures(folder, int(rn), 1_000)
        assert list(found["metric_id"]) == expected
        assert (total, articles) == (len(expected), by_id[expected].nunique())
        first, total_again, _ = query_events.figures(folder, int(rn), 1)
        assert len(first) == min(1, len(expected)) and total_again == total


@pytest.mark.parametrize("search", ["", "lisbon", "EXAMPLE news", "forum nairobi", "zzz", *HOSTILE])
def test_the_catalogue_is_catalog_table_newest_first_each_word_bound(folder: Path, search: str):
    articles = data.read_table(folder, "articles")
    expected = catalog.table(articles, search)
    got, total = query_articles.catalogue(folder, search, 1_000)
    pd.testing.assert_frame_equal(got, expected, check_dtype=False)
    assert total == len(expected)
    assert len(query_articles.catalogue(folder, search, 1)[0]) == min(1, len(expected))


def test_counts_titles_one_articles_rows_and_the_rejected_files(folder: Path):
    t = tables(folder)
    counted = query_articles.counts(folder)
    assert counted.rows == {name: len(frame) for name, frame in t.items()}
    assert counted.place_names == t["places"]["name"].nunique()
    ids = list(t["articles"]["article_id"])
    assert query_articles.first_ids(folder, 2) == ids[:2]
    assert query_articles.titles(folder, [*ids, *HOSTILE], 60) == article_titles(
        t["articles"]["article_id"], t["articles"]["title"], 60
    )
    for a in [*ids[:3], *HOSTILE]:
        assert list(query_articles.figures_of(folder, a)["metric_id"]) == list(
            t["metrics"].loc[t["metrics"]["article_id"] == a, "metric_id"]
        )
        assert list(query_articles.places_of(folder, a)["name"]) == list(
            t["places"].loc[t["places"]["article_id"] == a, "name"]
        )
    assert query_articles.rejected(folder).to_dict("list") == t["rejected"].to_dict("list")
    known = query_articles.known(folder, Filters(articles=(ids[0], *HOSTILE), places=("Lisbon", *HOSTILE)))
    assert known[0] == [ids[0]] and set(known[1]) <= {"Lisbon"}


@pytest.mark.parametrize("value", HOSTILE)
def test_every_value_a_visitor_gives_is_bound_never_written_into_the_sql(value: str):
    f = Filters(articles=(value,), places=(value,), text=value, since="2024-01-01", until="2024-12-31")
    for several in (True, False):
        sql, params = db.narrow(f, articles="article_ids", places=("city",), text=("name",), several=several)
        assert (len(value) < 3 or value not in sql) and "2024" not in sql  # "_" or "%" is in any SQL
        assert [value] in params and value in params


def test_a_folder_with_no_tables_reads_as_empty_and_one_without_parquet_says_rebuild(tmp_path: Path):
    assert query_articles.counts(tmp_path / "nothing").rows == dict.fromkeys(db.TABLES, 0)
    assert query.headline(tmp_path / "nothing", Filters()).empty
    old = write_tables(tmp_path / "old", sample_tables(), parquet=False)
    with pytest.raises(db.NoParquet, match="Rebuild them"):
        query_articles.counts(old)


def test_a_whole_table_download_is_the_published_file_or_rewritten_row_by_row(tmp_path: Path):
    folder = write_tables(tmp_path / "data", sample_tables())
    assert exports.table_bytes(folder, "metrics") == (folder / "metrics.csv").read_bytes()
    t = flagged_tables()
    t["articles"].loc[0, "title"] = '=HYPERLINK("http://x")'
    t["metrics"].loc[1, "sentence"] = "+cmd|' /C calc'!A0"
    folder = write_tables(tmp_path / "risky", t)
    for name in ("articles", "metrics"):
        written = exports.table_bytes(folder, name)
        assert written == exports.safe_csv(name, (folder / f"{name}.csv").read_bytes())
        assert b"'=HYPERLINK" in written or b"'+cmd" in written
    assert exports.table_bytes(tmp_path / "nothing", "metrics") == b""


@pytest.mark.parametrize("most", [None, 0, 1, 2, 10_000])
def test_the_article_filter_lists_the_first_articles_by_id_and_finds_any_other(folder: Path, most: int | None):
    view, _ = reference(folder)
    everyone = dict(zip(view["article_id"], view["article"], strict=True))
    opts = query.options(folder, most)
    first = sorted(everyone)[: len(everyone) if most is None else most]
    assert opts.titles == {a: everyone[a] for a in first}
    assert opts.articles == len(everyone) and opts.total == len(view)
    assert query.article_titles(folder, [*sorted(everyone)[-2:], *HOSTILE]) == {
        a: everyone[a] for a in sorted(everyone)[-2:]
    }
    assert query.article_titles(folder, []) == {}
