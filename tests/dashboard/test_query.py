"""The Figures page's DuckDB queries (dashboard/query.py): the same answers as the pandas filters they replace, every
visitor's value a bound parameter, the session's own data folder, and a clear error for a folder without Parquet."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from dashboard import charts, data, exports, filters, fmt, query, trends
from dashboard.filters import Filters
from tests.dashboard.conftest import sample_tables, write_tables


@pytest.fixture(autouse=True)
def _closed():
    yield
    query.close_all()


def reference(folder: Path) -> tuple[pd.DataFrame, list[str]]:
    """What the page used to compute in pandas from the CSV files (data._figures_view, uncached)."""
    metrics, articles = data.read_table(folder, "metrics"), data.read_table(folder, "articles")
    view = filters.prepare(
        metrics,
        fmt.article_titles(articles["article_id"], articles["title"]),
        dict(zip(articles["article_id"], articles["published"], strict=True)),
        data.read_table(folder, "events"),
    )
    return view, filters.place_options(view, data.read_table(folder, "places"))


def flagged_tables() -> dict[str, pd.DataFrame]:
    """The sample with a percent above 100 and two 'students' figures of one article far apart."""
    tables = sample_tables()
    extra = tables["metrics"].iloc[[0, 0, 0]].copy()
    extra["metric_id"] = ["a_lisbon-0010", "a_lisbon-0011", "a_lisbon-0012"]
    extra["value"] = [150.0, 3.0, 9000.0]
    extra["unit"] = ["%", "Students", "students "]
    extra["category"] = ["percent", "people", "people"]
    extra["sentence"] = ["Enrolment rose 150% (50% online) in a_b schools.", "3 students.", "9000 students."]
    tables["metrics"] = pd.concat([tables["metrics"], extra], ignore_index=True)
    return tables


def _filters(view: pd.DataFrame) -> list[Filters]:
    first = view["article_id"].iloc[0]
    place = next((p for p in view["place"] if p), "Lisbon")
    event = next((e for e in view["event"] if e), "Lisbon")
    return [
        Filters(text=event.upper()),  # found through the event the figure counts
        Filters(text="the", categories=tuple(sorted(view["category"].unique())[:1])),  # a search with another filter
        Filters(text="\n"),  # a line break (from a link) may span two fields, as in pandas' joined text
        Filters(),
        Filters(articles=(first,)),
        Filters(categories=tuple(sorted(view["category"].unique())[:2])),
        Filters(places=(place,)),
        Filters(text="the"),
        Filters(text="PEOPLE"),
        Filters(since="2024-01-01"),
        Filters(until="2024-06-30"),
        Filters(since="2023-01-01", until="2024-12-31", categories=("people",)),
        Filters(flagged=True),
        Filters(since="not a date"),
        Filters(articles=("no such article",)),
    ]


def _same_answers(folder: Path) -> None:
    view, places = reference(folder)
    opts = query.options(folder)
    assert opts.total == len(view)
    assert opts.titles == dict(zip(view["article_id"], view["article"], strict=True))
    assert opts.categories == sorted(view["category"].unique())
    assert opts.places == places
    for f in _filters(view):
        shown = filters.apply(view, f)
        got = query.rows(folder, f, 10_000)
        assert list(got["metric_id"]) == list(shown["metric_id"]), f
        for column in ("flag", "figure", "article", "open", "sentence", "value", "unit", "event", "event_city"):
            assert list(got[column]) == list(shown[column]), (f, column)
        assert list(query.rows(folder, f, 3, 2)["metric_id"]) == list(shown["metric_id"])[2:5]  # a page of rows
        s = query.summary(folder, f)
        positive = shown[shown["value"] > 0]
        assert (s.rows, s.flagged, s.positive) == (len(shown), int((shown["flag"] != "").sum()), len(positive))
        assert charts.describe_counts(s.positive, s.categories, s.low, s.high) == charts.describe_figures(shown)
        assert query.magnitudes(folder, f).to_dict("list") == charts.magnitude_counts(shown).to_dict("list")
        assert list(query.positive_rows(folder, f, 5)["metric_id"]) == list(positive["metric_id"])[:5]
        measures = query.measures(folder, f)
        assert measures.to_dict("list") == trends.measures(shown).to_dict("list"), f
        for key in measures["key"][:3]:
            assert list(query.series(folder, f, key)["metric_id"]) == list(trends.series(shown, key)["metric_id"])
        assert exports.view_csv(query.download(folder, f)) == exports.view_csv(shown), f
        with query.selection(folder, f) as sel:  # the page's way: the filters applied once, kept for the run
            assert sel.summary() == s
            assert list(sel.rows(10_000)["metric_id"]) == list(shown["metric_id"])
            assert list(sel.rows(10_000)["sentence"]) == list(shown["sentence"])
            assert list(sel.positive_rows(5)["metric_id"]) == list(positive["metric_id"])[:5]
            assert sel.magnitudes().to_dict("list") == charts.magnitude_counts(shown).to_dict("list")
            assert sel.measures().to_dict("list") == measures.to_dict("list")
            for key in measures["key"][:3]:
                assert list(sel.series(key)["metric_id"]) == list(trends.series(shown, key)["metric_id"])


def test_the_queries_answer_as_the_pandas_filters_on_tables_the_etl_built(corpus: Path):
    view, _ = reference(corpus)
    assert len(view) > 100 and view["published"].notna().any() and (view["event"] != "").any()
    _same_answers(corpus)


def test_a_large_table_is_searched_in_a_lower_cased_copy_with_the_same_answers(corpus: Path, tmp_path, monkeypatch):
    from dashboard import db

    monkeypatch.setattr(db, "SEARCH_COPY_FROM", 1)
    monkeypatch.setenv("DED_SEARCH_DIR", str(tmp_path / "search"))
    query.close_all()
    _same_answers(corpus)
    assert [p.name for p in (tmp_path / "search").glob("*.parquet")] == [db.search_copy(corpus).name]


def test_a_new_build_replaces_its_search_copy_and_another_folder_keeps_its_own(tmp_path: Path, monkeypatch):
    from dashboard import db

    monkeypatch.setattr(db, "SEARCH_COPY_FROM", 1)
    monkeypatch.setenv("DED_SEARCH_DIR", str(tmp_path / "search"))
    one = write_tables(tmp_path / "one", flagged_tables())
    other = write_tables(tmp_path / "other", sample_tables())
    assert query.summary(one, Filters(text="students")).rows == 2
    assert query.summary(other, Filters(text="students")).rows == 0
    first = db.search_copy(one)
    tables = flagged_tables()
    tables["metrics"] = tables["metrics"].assign(sentence="Nine more students joined.")
    write_tables(one, tables)  # a new build of the same folder
    assert query.summary(one, Filters(text="students")).rows == len(tables["metrics"])
    kept = sorted(p.name for p in (tmp_path / "search").glob("*.parquet"))
    assert first.name not in kept and kept == sorted([db.search_copy(one).name, db.search_copy(other).name])


def test_the_search_copy_of_a_folder_that_is_gone_is_deleted_when_another_is_written(tmp_path: Path, monkeypatch):
    """A visitor's trial has tables of its own, and a copy of its search text; once the trial is gone, the next copy
    written takes its copy away too (the search folder does not grow with every visitor)."""
    import shutil

    from dashboard import db

    monkeypatch.setattr(db, "SEARCH_COPY_FROM", 1)
    monkeypatch.setenv("DED_SEARCH_DIR", str(tmp_path / "search"))
    trial = write_tables(tmp_path / "trial" / "data", flagged_tables())
    assert query.summary(trial, Filters(text="students")).rows == 2
    gone = db.search_copy(trial)
    query.close_all()
    shutil.rmtree(tmp_path / "trial")
    shared = write_tables(tmp_path / "shared", sample_tables())
    query.summary(shared, Filters(text="students"))
    assert not gone.exists()
    assert sorted(p.name for p in (tmp_path / "search").glob("*.parquet")) == [db.search_copy(shared).name]


def test_a_search_copy_deleted_under_a_running_server_is_written_again(tmp_path: Path, monkeypatch):
    from dashboard import db

    monkeypatch.setattr(db, "SEARCH_COPY_FROM", 1)
    monkeypatch.setenv("DED_SEARCH_DIR", str(tmp_path / "search"))
    folder = write_tables(tmp_path / "data", flagged_tables())
    assert query.summary(folder, Filters(text="students")).rows == 2
    db.search_copy(folder).unlink()  # someone clears .cache
    assert query.summary(folder, Filters(text="students")).rows == 2
    assert db.search_copy(folder).is_file()


def test_a_search_copy_that_cannot_be_written_is_said_and_searches_still_answer(tmp_path: Path, monkeypatch, caplog):
    from dashboard import db

    monkeypatch.setattr(db, "SEARCH_COPY_FROM", 1)
    (tmp_path / "a-file").write_text("not a folder", encoding="utf-8")
    monkeypatch.setenv("DED_SEARCH_DIR", str(tmp_path / "a-file" / "search"))
    folder = write_tables(tmp_path / "data", flagged_tables())
    assert list(query.rows(folder, Filters(text="STUDENTS"), 10)["metric_id"]) == ["a_lisbon-0011", "a_lisbon-0012"]
    assert "search copy not written" in caplog.text


def test_the_queries_answer_as_the_pandas_filters_on_flagged_figures(tmp_path: Path):
    folder = write_tables(tmp_path / "data", flagged_tables())
    view, _ = reference(folder)
    assert set(view["flag"]) > {""}  # a percent above 100, and students 3,000 times apart
    _same_answers(folder)
    assert list(query.rows(folder, Filters(flagged=True), 10)["metric_id"]) == [
        "a_lisbon-0010",
        "a_lisbon-0011",
        "a_lisbon-0012",
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("'; DROP TABLE flags; --", []),
        ("' OR '1'='1", []),
        ("%", ["a_lisbon-0010"]),  # literally a percent sign, not LIKE's "anything"
        ("_", ["a_lisbon-0010"]),  # literally an underscore ("a_b"), not LIKE's "any one character"
        ("50%", ["a_lisbon-0010"]),
        ("a_b", ["a_lisbon-0010"]),
        ("a%b", []),
        ("\\", []),
    ],
)
def test_search_text_is_a_bound_parameter_matched_literally(tmp_path: Path, text: str, expected: list[str]):
    folder = write_tables(tmp_path / "data", flagged_tables())
    assert list(query.rows(folder, Filters(text=text), 100)["metric_id"]) == expected
    assert query.summary(folder, Filters()).rows == 7  # and every table is still there


def test_every_filter_value_is_bound_never_written_into_the_sql():
    hostile = "x'); DROP TABLE flags; --"
    f = Filters(
        articles=(hostile,), categories=(hostile,), places=(hostile,), text=hostile, since="2024-01-01", flagged=True
    )
    sql, params = query.where(f)
    assert hostile not in sql and "2024" not in sql
    assert [hostile] in params and hostile in params


def test_hostile_values_in_every_filter_match_nothing_and_break_nothing(tmp_path: Path):
    tables = flagged_tables()
    tables["metrics"].loc[0, "place"] = "O'Brien's Town"
    folder = write_tables(tmp_path / "data", tables)
    for value in ("'; DROP TABLE flags; --", "' OR 1=1 --", "%", "_"):
        f = Filters(articles=(value,), categories=(value,), places=(value,))
        assert query.summary(folder, f).rows == 0
        assert query.rows(folder, Filters(articles=(value,)), 10).empty
    assert list(query.rows(folder, Filters(places=("O'Brien's Town",)), 10)["metric_id"]) == ["a_lisbon-0001"]
    assert query.options(folder).total == 7


def test_each_data_folder_is_queried_on_its_own(tmp_path: Path):
    """A visitor's trial has a data folder of its own: the queries follow the folder they are given."""
    shared = write_tables(tmp_path / "shared", sample_tables())
    trial = write_tables(tmp_path / "trial", flagged_tables())
    assert query.options(shared).total == 4 and query.options(trial).total == 7
    assert query.summary(shared, Filters(flagged=True)).rows == 0
    assert query.summary(trial, Filters(flagged=True)).rows == 3


def test_a_rebuilt_folder_is_read_afresh(tmp_path: Path):
    folder = write_tables(tmp_path / "data", sample_tables())
    assert query.options(folder).total == 4
    write_tables(folder, flagged_tables())
    assert query.options(folder).total == 7


def test_a_folder_built_before_parquet_raises_a_clear_error(tmp_path: Path):
    folder = write_tables(tmp_path / "data", sample_tables(), parquet=False)
    with pytest.raises(query.NoParquet, match="Rebuild them"):
        query.options(folder)


def test_the_figures_page_says_so_when_the_folder_has_no_parquet(tmp_path: Path, monkeypatch):
    from tests.dashboard.test_pages import open_page

    (tmp_path / "seeds").mkdir()
    for var, sub in (("DED_SEEDS_DIR", "seeds"), ("DED_CACHE_DIR", "cache"), ("DED_DATA_DIR", "data")):
        monkeypatch.setenv(var, str(tmp_path / sub))
    write_tables(tmp_path / "data", sample_tables(), parquet=False)
    at = open_page("pages/figures.py")  # no exception
    assert any("no Parquet" in w.value.replace("\\", "") for w in at.warning)
