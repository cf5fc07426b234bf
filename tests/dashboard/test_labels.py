"""Numbers and labels on the pages (issue 18), through the router with AppTest: what a reader sees."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest

from dashboard.fmt import md_literal
from tests.dashboard.conftest import sample_tables, write_tables
from tests.dashboard.test_pages import open_page, show_view


@pytest.fixture(autouse=True)
def _fresh_cache():
    import streamlit as st

    st.cache_data.clear()  # each test has its own data folder under the same path names
    yield


def _labels(frame_element) -> dict[str, str]:
    """Column name -> the header st.dataframe shows (its column_config label, else the name)."""
    config = json.loads(frame_element.proto.columns or "{}")
    return {c: config.get(c, {}).get("label") or c for c in frame_element.value.columns}


def _shown(frame_element) -> list[str]:
    return [str(v) for v in frame_element.value.to_numpy().ravel()]


def _sentence_case(header: str) -> bool:
    return header[:1].isupper() and "_" not in header


@pytest.fixture
def extreme_data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The sample tables plus, in the people category, one huge figure reported once and a modest one reported by
    both articles: what a big corpus looks like to the headline cards."""
    tables = sample_tables()
    base = tables["metrics"].iloc[0]
    extra = pd.DataFrame(
        [
            base.to_dict() | {"metric_id": "a_lisbon-0009", "value": 9.9e9, "unit": "visitors", "bound": "exact"},
            base.to_dict() | {"metric_id": "a_lisbon-0010", "value": 500.0, "unit": "students", "bound": "exact"},
            base.to_dict()
            | {"metric_id": "b_nairobi-0010", "article_id": "b_nairobi", "value": 500.0, "unit": "Students"},
        ]
    )
    tables["metrics"] = pd.concat([tables["metrics"], extra], ignore_index=True)
    (tmp_path / "seeds").mkdir()
    for var, sub in (("DED_SEEDS_DIR", "seeds"), ("DED_CACHE_DIR", "cache"), ("DED_DATA_DIR", "data")):
        monkeypatch.setenv(var, str(tmp_path / sub))
    return write_tables(tmp_path / "data", tables)


def test_headline_cards_show_the_value_most_articles_report_and_say_the_rule(extreme_data):
    at = open_page()
    cards = {m.label: m.value for m in at.metric}
    assert cards[md_literal("students (people)")] == "500"  # reported by both articles (the unit's case aside)
    assert md_literal("visitors (people)") not in cards  # 9.9 billion, reported once
    assert any("reported by the most articles" in c.value and "most recent" in c.value for c in at.caption)
    said = " ".join(h.proto.body for h in at.get("html"))
    assert "reported by 2 articles" in said and "reported by 1 article<" in said  # and not "1 articles"
    assert any(e.label == "Where it is said" for e in at.expander)  # provenance kept


def test_overview_timeline_table_has_no_none(sample_data):
    at = open_page()
    (table,) = show_view(at, "overview_timeline", "Table").dataframe
    (sources,) = show_view(at, "overview_timeline", "Sources").dataframe
    assert "Sentence" in sources.value.columns
    assert "None" not in _shown(table) and "nan" not in _shown(table)
    assert "2,000" in _shown(table)  # a count with its separator
    assert all(_sentence_case(h) for h in table.value.columns)


def test_events_tables_read_percent_and_dash_with_sentence_case_headers(sample_data):
    at = open_page("pages/events.py")
    attendance, *_ = show_view(at, "events_attendance", "Table").dataframe  # then the figures behind one event ...
    countries, *_, every = show_view(at, "events_countries", "Table").dataframe  # ... and every event
    assert "25%" in _shown(attendance) and "0.25" not in _shown(attendance)
    for behind in (attendance, countries):
        assert not {"None", "nan", "NaT"} & set(_shown(behind))
        assert all(_sentence_case(h) for h in behind.value.columns)
    assert every.proto.placeholder == "–"  # what st.dataframe shows for a missing value, instead of "None"
    headers = _labels(every)
    assert all(_sentence_case(h) for h in headers.values()), headers
    assert headers["attendees"] == "Participants" and headers["overseas_share"] == "Overseas share"


def test_figures_table_headers_are_sentence_case_and_values_have_separators(sample_data):
    at = open_page("pages/figures.py")
    *_, table = at.dataframe
    headers = _labels(table)
    assert [headers[c] for c in ("figure", "unit", "category", "subject", "place", "flag")] == [
        "Figure",
        "Unit",
        "Category",
        "Subject",
        "Place",
        "Check",
    ]
    assert all(_sentence_case(h) for h in headers.values()), headers
    config = json.loads(table.proto.columns)
    assert config["value"]["type_config"]["format"] == "localized"  # 37,300,000,000, not 3.73e+10
    assert table.proto.placeholder == "–"
    assert any("in 3 categories" in c.value for c in at.caption)


def test_figures_alt_text_says_one_category(sample_data):
    at = open_page("pages/figures.py", query={"category": "engagement"})
    assert any("1 figure in 1 category" in c.value for c in at.caption), [c.value for c in at.caption]


def test_data_page_counts_rows_in_the_right_number_with_sentence_case_headers(sample_data):
    at = open_page("pages/data.py")
    text = " ".join(m.value for m in at.markdown)
    assert "**rejected.csv** · 1 row" in text and "1 rows" not in text
    assert "**metrics.csv** · 4 rows" in text
    for table in at.dataframe:
        assert all(_sentence_case(h) for h in _labels(table).values()), _labels(table)
        assert table.proto.placeholder == "–"
