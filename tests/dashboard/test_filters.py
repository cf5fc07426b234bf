"""Figures filters: a URL round-trip, what each filter keeps, and the flags on figures that look wrong."""

from __future__ import annotations

import pandas as pd
import pytest

from dashboard import filters
from dashboard.data import typed
from tests.dashboard.conftest import sample_tables


def metrics() -> pd.DataFrame:
    return typed("metrics", sample_tables()["metrics"].astype(str).replace("nan", ""))


def test_filters_round_trip_through_query_parameters():
    f = filters.Filters(articles=("a_lisbon", "b_nairobi"), categories=("people",), places=("Lisbon",), text="teach")
    params = filters.to_params(f)
    assert params == {
        "article": ["a_lisbon", "b_nairobi"],
        "category": ["people"],
        "place": ["Lisbon"],
        "q": ["teach"],
    }
    assert filters.from_params(params) == f


def test_empty_filters_give_a_clean_url_and_blank_values_are_dropped():
    assert filters.to_params(filters.Filters()) == {}
    assert filters.from_params({"category": ["", " people ", "people"], "q": "  "}) == filters.Filters(
        categories=("people",)
    )
    assert not filters.from_params({}).active


def test_read_query_takes_every_value_of_a_repeated_key():
    url = {"category": ["people", "places"], "q": ["views"]}
    f = filters.read_query(lambda key: url.get(key, []))
    assert f.categories == ("people", "places") and f.text == "views"


def test_each_filter_narrows_the_rows():
    m = metrics()
    assert len(filters.apply(m, filters.Filters())) == 4
    assert set(filters.apply(m, filters.Filters(articles=("b_nairobi",)))["metric_id"]) == {"b_nairobi-0001"}
    assert set(filters.apply(m, filters.Filters(categories=("people",)))["unit"]) == {"teachers", "people"}
    assert set(filters.apply(m, filters.Filters(places=("Lisbon",)))["unit"]) == {"teachers", "page views"}
    assert list(filters.apply(m, filters.Filters(text="PAGE VIEW"))["unit"]) == ["page views"]
    assert filters.apply(m, filters.Filters(text="no such words")).empty


def test_place_filter_also_matches_a_subject_that_names_a_known_place():
    m = metrics()
    m.loc[m["metric_id"] == "b_nairobi-0001", ["subject", "place"]] = ["Nairobi", ""]
    places = pd.DataFrame({"name": ["Nairobi", "Lisbon"]})
    assert filters.place_options(m, places) == ["Lisbon", "Nairobi"]
    assert list(filters.apply(m, filters.Filters(places=("Nairobi",)))["metric_id"]) == ["b_nairobi-0001"]


def test_flags_mark_a_percent_above_100_and_figures_1000x_apart_in_one_unit():
    m = pd.DataFrame(
        {
            "article_id": ["a", "a", "a", "b", "a"],
            "value": [5.0, 20_000.0, 140.0, 3.0, 50.0],
            "unit": ["courses", "Courses", "percent", "courses", "courses"],
            "category": ["courses", "courses", "percent", "courses", "courses"],
        }
    )
    out = filters.flags(m)
    assert "1,000×" in out[0] and "1,000×" in out[1]  # 20,000 courses next to 5 courses in the same article
    assert out[2] == "percent above 100"
    assert out[3] == ""  # another article: no comparison
    assert out[4] == ""  # 50 is within 1000x of both 5 and 20,000


def test_prepared_figures_filter_exactly_like_the_raw_table_and_carry_their_labels():
    m = metrics()
    view = filters.prepare(m, {"a_lisbon": "Teachers meet in Lisbon"})
    for f in (filters.Filters(), filters.Filters(text="PAGE VIEW"), filters.Filters(categories=("people",))):
        assert list(filters.apply(view, f)["metric_id"]) == list(filters.apply(m, f)["metric_id"])
    lisbon = view[view["article_id"] == "a_lisbon"].iloc[0]
    assert lisbon["article"] == "Teachers meet in Lisbon" and lisbon["open"] == "sources?doc=a_lisbon"
    assert view.loc[view["article_id"] == "b_nairobi", "article"].iloc[0] == "b_nairobi"  # no title: the id
    assert set(filters.DISPLAY_ONLY) <= set(view.columns)
    assert set(view["figure"]) >= {"2,000+", "~1,200"}


PUBLISHED = {"a_lisbon": pd.Timestamp("2024-03-01"), "b_nairobi": pd.NaT}


def test_dates_and_flagged_round_trip_through_the_url():
    f = filters.Filters(since="2024-01-01", until="2024-12-31", flagged=True)
    assert filters.to_params(f) == {"from": ["2024-01-01"], "to": ["2024-12-31"], "flagged": ["1"]}
    assert filters.from_params(filters.to_params(f)) == f and f.active
    assert not filters.from_params({"flagged": ["0"]}).flagged


@pytest.mark.parametrize(
    ("since", "until", "kept"),
    [
        ("", "", {"a_lisbon", "b_nairobi"}),
        ("2024-03-01", "", {"a_lisbon"}),  # both ends included
        ("", "2024-03-01", {"a_lisbon"}),
        ("2024-03-02", "", set()),
        ("", "2024-02-29", set()),
        ("not a date", "", {"a_lisbon", "b_nairobi"}),  # ignored, and `problems` says so
    ],
)
def test_the_publication_date_range_keeps_dated_articles_inside_it(since, until, kept):
    view = filters.prepare(metrics(), {}, PUBLISHED)
    shown = filters.apply(view, filters.Filters(since=since, until=until))
    assert set(shown["article_id"]) == kept


def test_flagged_only_keeps_the_figures_that_look_wrong():
    view = filters.prepare(metrics(), {}, PUBLISHED)
    view.loc[view["metric_id"] == "a_lisbon-0002", "flag"] = "percent above 100"
    assert list(filters.apply(view, filters.Filters(flagged=True))["metric_id"]) == ["a_lisbon-0002"]


@pytest.mark.parametrize(
    ("f", "said"),
    [
        (filters.Filters(places=("Atlantis",)), ["No place called “Atlantis” is named in the articles."]),
        (filters.Filters(articles=("gone",), categories=("people",)), ["No article is called “gone”."]),
        (filters.Filters(since="31/01/2024"), ["“31/01/2024” is not a date (the from date is read as YYYY-MM-DD and ignored)."]),
        (filters.Filters(since="2024-05-01", until="2024-01-01"), ["The from date 2024-05-01 is after the to date 2024-01-01: no article can be in between."]),
        (filters.Filters(places=("Lisbon",), since="2024-01-01"), []),
    ],
)  # fmt: skip
def test_a_value_that_names_nothing_is_said_not_dropped(f, said):
    known = {"articles": ["a_lisbon", "b_nairobi"], "categories": ["people", "places"], "places": ["Lisbon"]}
    assert filters.problems(f, **known) == said


def test_events_and_learning_cities_narrow_by_article_place_text_and_date():
    events = pd.DataFrame(
        {
            "name": ["Lisbon teachers meeting", "Nairobi Forum", "Joint summit"],
            "city": ["Lisbon", "Nairobi", ""],
            "sentence": ["Teachers met.", "People joined.", "Both cities met."],
            "article_ids": ["a_lisbon", "b_nairobi", "b_nairobi;a_lisbon"],
        }
    )

    def names(f: filters.Filters) -> list[str]:
        shown = filters.narrow(
            events, f, PUBLISHED, articles="article_ids", places=("city",), text=("name", "sentence")
        )
        return list(shown["name"])

    assert names(filters.Filters()) == ["Lisbon teachers meeting", "Nairobi Forum", "Joint summit"]
    assert names(filters.Filters(articles=("a_lisbon",))) == ["Lisbon teachers meeting", "Joint summit"]
    assert names(filters.Filters(places=("Nairobi",))) == ["Nairobi Forum"]
    assert names(filters.Filters(text="FORUM")) == ["Nairobi Forum"]
    assert names(filters.Filters(since="2024-01-01")) == ["Lisbon teachers meeting", "Joint summit"]  # any article
    assert names(filters.Filters(categories=("people",), flagged=True)) == names(filters.Filters())  # figures only


def test_a_figure_of_an_event_is_found_by_the_events_name_and_city():
    m = metrics()
    # "800 attendees" said of "2024 WDEC": its subject names no place, but the event it counts was held in Lisbon
    m.loc[m["metric_id"] == "b_nairobi-0001", ["subject", "place"]] = ["2024 WDEC", ""]
    events = pd.DataFrame(
        {"name": ["2024 World Digital Education Conference"], "city": ["Shanghai"], "metric_ids": ["b_nairobi-0001"]}
    )
    view = filters.prepare(m, {}, PUBLISHED, events)
    assert list(filters.apply(view, filters.Filters(places=("Shanghai",)))["metric_id"]) == ["b_nairobi-0001"]
    assert list(filters.apply(view, filters.Filters(text="digital education conf"))["metric_id"]) == ["b_nairobi-0001"]
    assert "Shanghai" in filters.place_options(view)
    assert filters.apply(view, filters.Filters(places=("Shanghai",), categories=("places",))).empty  # still ANDed
