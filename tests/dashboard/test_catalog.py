"""The Sources page's catalogue of articles: search, order, and links that can only be web addresses."""

from __future__ import annotations

import pandas as pd
import pytest

from dashboard import catalog
from dashboard.data import typed


def articles(*rows: dict) -> pd.DataFrame:
    return typed("articles", pd.DataFrame([{k: str(v) for k, v in r.items()} for r in rows]))


ROWS = (
    {"article_id": "a", "title": "Lisbon teachers meet", "published": "2024-03-01", "source": "Example News",
     "url": "https://example.org/lisbon", "n_metrics": 3, "n_places": 1},
    {"article_id": "b", "title": "Nairobi forum", "published": "", "source": "", "url": "", "n_metrics": 1,
     "n_places": 1},
    {"article_id": "c", "title": "Riga learning week", "published": "2025-01-09", "source": "Baltic Daily",
     "url": "javascript:alert(1)", "n_metrics": 0, "n_places": 2},
)  # fmt: skip


@pytest.mark.parametrize(
    ("url", "link"),
    [
        ("https://example.org/x", "https://example.org/x"),
        ("HTTP://Example.org", "HTTP://Example.org"),
        ("javascript:alert(1)", None),
        ("data:text/html,hi", None),
        ("https://", None),
        ("", None),
    ],
)
def test_only_web_addresses_become_links(url, link):
    assert catalog.web_link(url) == link


@pytest.mark.parametrize(
    ("query", "ids"),
    [("", ["c", "a", "b"]), ("lisbon", ["a"]), ("EXAMPLE news", ["a"]), ("forum nairobi", ["b"]), ("zzz", [])],
)
def test_the_catalogue_is_newest_first_and_every_word_of_a_search_must_match(query, ids):
    assert list(catalog.table(articles(*ROWS), query)["Id"]) == ids


def test_the_catalogue_shows_readable_headers_counts_and_no_unsafe_link():
    shown = catalog.table(articles(*ROWS))
    assert list(shown.columns) == ["Title", "Published", "Source", "Original", "Figures", "Places", "Id"]
    assert shown.set_index("Id").loc["c", "Original"] == ""  # no "None" in a cell, and no link
    assert shown.set_index("Id").loc["a", "Original"] == "https://example.org/lisbon"
    assert list(shown["Published"]) == ["2025-01-09", "2024-03-01", ""]


def test_an_event_lists_the_figures_behind_its_counts_with_sentences_and_links():
    metrics = pd.DataFrame(
        {
            "metric_id": ["a&b-0001", "a&b-0002", "c-0004"],
            "article_id": ["a&b", "a&b", "c"],
            "surface": ["800", "9", "700"],
            "unit": ["attendees", "libraries", "participants"],
            "sentence": ["It drew 800 attendees.", "It opened 9 libraries.", "More than 700 participants came."],
        }
    )
    behind = catalog.event_figures("c-0004;a&b-0001;gone-0009", metrics, {"c": "Forum report"})
    assert list(behind["Figure"]) == ["700", "800"]  # in the row's order; an id no longer in the table is left out
    assert list(behind["Article"]) == ["Forum report", "a&b"]
    assert list(behind["open"]) == ["sources?doc=c&fig=c-0004", "sources?doc=a%26b&fig=a%26b-0001"]
    assert catalog.event_figures("", metrics, {}).empty


def test_a_charts_sources_list_each_article_once_per_value_with_its_link_newest_first():
    sources = pd.DataFrame(
        {
            "label": ["Forum: 700", "Forum: 700", "Meeting", "Ghost"],
            "article_id": ["a", "a", "c;a", "zzz"],
            "sentence": ["700 came.", "700 came.", "They met.", "Nobody."],
        }
    )
    shown = catalog.chart_sources(sources, articles(*ROWS))
    assert list(zip(shown["Id"], shown["Value"], strict=True)) == [
        ("c", "Meeting"),  # 2025: newest first
        ("a", "Forum: 700"),  # once, though given twice
        ("a", "Meeting"),
    ]  # an article no longer in the table ("zzz") is left out
    assert list(shown["Original"]) == ["", "https://example.org/lisbon", "https://example.org/lisbon"]


def test_an_events_chart_cites_the_figures_behind_each_count_or_else_the_event_sentence():
    events = pd.DataFrame(
        {
            "name": ["Forum", "Ceremony"],
            "metric_ids": ["a-0001", ""],
            "article_ids": ["a", "b"],
            "sentence": ["The forum opened.", "The ceremony was held."],
        }
    )
    metrics = pd.DataFrame(
        {"metric_id": ["a-0001"], "article_id": ["a"], "surface": ["640"], "unit": ["participants"],
         "sentence": ["It drew 640 participants."]}
    )  # fmt: skip
    assert catalog.event_sources(events, metrics).values.tolist() == [
        ["Forum: 640 participants", "a", "It drew 640 participants."],
        ["Ceremony", "b", "The ceremony was held."],
    ]
