"""Chart builders: titled, with axis units, log scale for figures, one trace per category, empty states."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from dashboard import charts, palette
from dashboard.data import typed
from tests.dashboard.conftest import sample_tables


def table(name: str) -> pd.DataFrame:
    return typed(name, sample_tables()[name].astype(str).replace({"nan": "", "None": ""}))


def test_figures_chart_is_log_scaled_titled_with_one_trace_per_category():
    m = table("metrics")
    fig = charts.figures_chart(m)
    assert fig.layout.title.text
    assert fig.layout.xaxis.type == "log"
    assert "log scale" in fig.layout.xaxis.title.text
    assert {t.name for t in fig.data} == {"people", "places", "engagement"}
    assert sum(len(t.x) for t in fig.data) == 4
    # nine orders of magnitude apart, both on the axis
    xs = [x for t in fig.data for x in t.x]
    assert min(xs) == 40 and max(xs) == 37.3e9


def test_figures_chart_leaves_out_zero_and_says_so_when_nothing_is_left():
    m = table("metrics")
    m["value"] = 0.0
    fig = charts.figures_chart(m)
    assert not fig.data
    assert "No figures" in fig.layout.annotations[0].text


def test_categories_keep_their_okabe_ito_colour():
    fig = charts.figures_chart(table("metrics"))
    colors = {t.name: t.marker.color for t in fig.data}
    assert set(colors.values()) <= set(palette.SERIES)
    assert len(set(colors.values())) == 3


def test_headline_leaves_out_ranks_and_takes_one_figure_per_count_category():
    m = table("metrics")
    extra = m.iloc[[0]].assign(metric_id="x-1", value=3.0, unit="rank", category="rank")
    top = charts.headline_figures(pd.concat([m, extra]), table("articles"))
    assert sorted(top["category"]) == ["engagement", "people", "places"]
    # people: 2,000 (a_lisbon, 2024-03-01) and 1,200 (b_nairobi, undated) are each reported once: the dated wins
    assert top.set_index("category").loc["people", "value"] == 2000


def test_event_charts_have_titles_units_and_the_overseas_share():
    ev = table("events")
    attendance = charts.attendance_chart(ev)
    assert attendance.layout.title.text and "people" in attendance.layout.xaxis.title.text
    assert [t.name for t in attendance.data] == ["all participants", "from overseas", "event names"]
    assert "25%" in attendance.data[1].text and "overseas" in attendance.data[1].hovertemplate
    countries = charts.countries_chart(ev)
    assert list(countries.data[0].x) == [12, 40]
    timeline = charts.events_timeline(ev)
    assert timeline.layout.xaxis.title.text == "Date" and len(timeline.data[0].x) == 2


def test_event_charts_explain_an_empty_table():
    empty = table("events").iloc[0:0]
    for build in (charts.attendance_chart, charts.countries_chart, charts.events_timeline):
        fig = build(empty)
        assert fig.layout.title.text and fig.layout.annotations


def test_alt_text_states_the_range():
    assert "40 to 37.3 billion" in charts.describe_figures(table("metrics"))


def many_figures(n: int) -> pd.DataFrame:
    """N copies of the sample figures with values spread over powers of ten."""
    m = table("metrics")
    rows = pd.concat([m] * (n // len(m) + 1), ignore_index=True).head(n)
    return rows.assign(value=[10.0 ** (i % 7) * 1.5 for i in range(n)])


def test_past_max_dots_the_figures_chart_counts_figures_per_power_of_ten():
    m = many_figures(60)
    dots = charts.figures_chart(m, max_dots=100)
    assert sum(len(t.x) for t in dots.data) == 60  # one dot per figure below the limit
    bubbles = charts.figures_chart(m, max_dots=50)
    assert "order of magnitude" in bubbles.layout.title.text
    assert bubbles.layout.xaxis.type == "log"
    assert sum(len(t.x) for t in bubbles.data) < 60
    assert "counted per power of ten" in charts.describe_figures(m, max_dots=50)


def test_magnitude_counts_put_each_figure_in_its_power_of_ten():
    m = table("metrics").assign(value=[999.0, 1000.0, 0.5, 0.0])
    counts = charts.magnitude_counts(m)
    assert counts["count"].sum() == 3  # zero has no power of ten
    assert set(zip(counts["decade"], counts["count"], strict=True)) >= {(2, 1), (-1, 1)}
    assert counts.loc[counts["decade"] == 3, "count"].sum() == 1


def test_a_category_keeps_its_colour_whatever_the_filter_leaves():
    m = table("metrics")
    every = sorted(m["category"].unique())
    full = {t.name: t.marker.color for t in charts.figures_chart(m, categories=every).data}
    alone = {t.name: t.marker.color for t in charts.figures_chart(m[m["category"] == "places"], categories=every).data}
    assert alone["places"] == full["places"]
    assert palette.YELLOW not in set(palette.SERIES)  # too faint on white to find a dot


def many_events(n: int) -> pd.DataFrame:
    ev = table("events")
    row = ev.iloc[[0]]
    out = pd.concat([row] * n, ignore_index=True)
    out["name"] = [f"Forum number {i}" for i in range(n)]
    out["attendees"] = [100.0 * (i + 1) for i in range(n)]
    out["countries_represented"] = [float(i + 1) for i in range(n)]
    out["date"] = pd.date_range("2020-01-01", periods=n, freq="W")
    return out


def test_event_charts_past_the_cap_show_the_largest_or_latest_and_say_so():
    ev = many_events(charts.MAX_EVENT_ROWS + 15)
    total = len(ev)
    attendance = charts.attendance_chart(ev)
    assert len(attendance.data[0].y) == charts.MAX_EVENT_ROWS
    assert min(attendance.data[0].x) == 100.0 * (total - charts.MAX_EVENT_ROWS + 1)  # the largest kept
    assert f"largest {charts.MAX_EVENT_ROWS} of {total}" in attendance.layout.title.text
    assert f"of {total}" in charts.countries_chart(ev).layout.title.text
    timeline = charts.events_timeline(ev)
    assert len(timeline.data[0].x) == charts.MAX_EVENT_ROWS
    assert max(timeline.data[0].x) == ev["date"].max()
    assert f"latest {charts.MAX_EVENT_ROWS} of {total}" in timeline.layout.title.text


def test_event_charts_under_the_cap_keep_their_plain_title():
    assert charts.attendance_chart(many_events(3)).layout.title.text == "Participants per event"


LINK = "<a href='https://evil.example/login'>sign in</a>"


def _strings(fig) -> list[str]:
    """Every text a chart hands to Plotly that comes from the tables: hover data, tick labels, bar and dot text."""
    out = []
    for trace in fig.data:
        for field in ("customdata", "y", "text"):
            values = getattr(trace, field, None)
            if values is not None:
                out += [
                    str(v)
                    for row in values
                    for v in (row if hasattr(row, "__len__") and not isinstance(row, str) else [row])
                ]
    return out


def test_article_text_reaches_plotly_as_text_never_as_markup():
    m = table("metrics").assign(unit=f"teachers {LINK}", subject=f"<b>{LINK}</b>")
    ev = table("events").assign(name=f"Forum {LINK}", city="<i>Lima</i>")
    figures = [
        charts.figures_chart(m),
        charts.events_timeline(ev),
        charts.attendance_chart(ev),
        charts.countries_chart(ev),
    ]
    for fig in figures:
        shown = _strings(fig)
        assert shown, fig.layout.title.text
        assert not [s for s in shown if "<a" in s or "<b>" in s or "<i>" in s], fig.layout.title.text
    hover = charts.figures_chart(m).data[0].customdata[0]
    assert "&lt;a href=" in hover[0] and "&lt;b&gt;" in hover[1]  # shown as written, not dropped


# --- Numbers and labels (issue 18) ---


def test_log_axes_read_k_m_b_never_g():
    dots = charts.figures_chart(table("metrics"))  # 40 to 37.3 billion
    bubbles = charts.figures_chart(many_figures(60).assign(value=lambda m: m["value"] * 1000), max_dots=50)
    assert list(dots.layout.xaxis.ticktext) == ["1", "100", "10K", "1M", "100M", "10B"]
    assert list(bubbles.layout.xaxis.ticktext) == ["1K", "10K", "100K", "1M", "10M", "100M", "1B", "10B"]


@pytest.mark.parametrize(
    ("high", "expected"),
    [
        (953, ["0", "200", "400", "600", "800", "1,000"]),
        (4_000, ["0", "1,000", "2,000", "3,000", "4,000"]),
        (37_000, ["0", "10K", "20K", "30K", "40K"]),
        (8.17e9, ["0", "2B", "4B", "6B", "8B", "10B"]),
        (3, ["0", "1", "2", "3"]),
    ],
)
def test_count_axes_have_separators_and_words(high, expected):
    assert charts.linear_ticks(high)[1] == expected


def test_event_count_axes_use_those_ticks():
    ev = many_events(5).assign(countries_represented=[1200.0, 2500.0, 3000.0, 4100.0, 10.0])
    assert "1,000" in charts.countries_chart(ev).layout.xaxis.ticktext
    assert "1,000" in charts.attendance_chart(many_events(12)).layout.xaxis.ticktext


def test_figure_hover_names_the_article_by_its_title_not_its_id():
    from dashboard import filters
    from dashboard.fmt import article_titles

    articles = table("articles")
    prepared = filters.prepare(table("metrics"), article_titles(articles["article_id"], articles["title"]))
    hover = [row[2] for trace in charts.figures_chart(prepared).data for row in trace.customdata]
    assert "Teachers meet in Lisbon" in hover and "Nairobi forum" in hover
    assert not [h for h in hover if h in ("a_lisbon", "b_nairobi")]


def test_a_crowded_category_is_spread_and_faint_not_a_solid_bar():
    m = many_figures(1_140).assign(category="people")  # one category, as at 4,000 articles
    (trace,) = charts.figures_chart(m).data
    ys = np.asarray(trace.y, dtype=float)
    assert ys.max() - ys.min() > 0.5  # over most of the row's height
    assert len(np.unique(np.round(ys, 3))) > 100  # not a handful of lines either
    assert trace.marker.opacity <= 0.3 and trace.marker.size < 11
    few = charts.figures_chart(table("metrics"))
    assert all(len(set(t.y)) == 1 and t.marker.opacity > 0.8 for t in few.data)  # a few dots stay on their line


def test_the_bubble_chart_has_a_size_key_on_the_same_scale():
    fig = charts.figures_chart(many_figures(600), max_dots=50)
    (key,) = [t for t in fig.data if t.legendgroup == "size"]
    data_traces = [t for t in fig.data if t.legendgroup != "size"]
    largest = max(max(int(c.replace(",", "")) for c in t.customdata[:, 0]) for t in data_traces)
    assert list(key.text) == ["1", "10", f"{largest:,}"] and set(key.y) == {charts.SIZE_KEY}
    assert list(key.marker.size) == pytest.approx([charts.bubble_size(c, largest) for c in (1, 10, largest)])
    assert list(fig.layout.yaxis.categoryarray)[-1] == charts.SIZE_KEY  # its own row, on top
    assert fig.layout.yaxis.type == "category"


@pytest.mark.parametrize(
    ("largest", "expected"),
    [
        (1, [1]),
        (2, [1, 2]),
        (19, [1, 10]),
        (86, [1, 10, 86]),
        (1_140, [10, 100, 1_000]),
        (5_000, [10, 100, 1_000, 5_000]),
    ],
)
def test_size_legend_counts_are_round(largest, expected):
    assert charts.size_references(largest) == expected


def test_no_title_line_is_wider_than_a_phone():
    ev = many_events(charts.MAX_EVENT_ROWS + 15)
    figs = [
        charts.attendance_chart(ev),
        charts.countries_chart(ev),
        charts.events_timeline(ev),
        charts.figures_chart(many_figures(60), max_dots=50),
    ]
    for fig in figs:
        lines = fig.layout.title.text.split("<br>")
        assert max(len(line) for line in lines) <= charts.TITLE_WIDTH, lines
    assert charts.countries_chart(ev).layout.title.text.endswith(f"<br>(largest {charts.MAX_EVENT_ROWS} of 40)")


def test_event_names_sit_above_their_rows_so_the_chart_has_the_full_width():
    ev = many_events(3)
    for fig in (charts.events_timeline(ev), charts.attendance_chart(ev), charts.countries_chart(ev)):
        assert fig.layout.yaxis.showticklabels is False  # no tick labels eating a phone's width
        (names,) = [t for t in fig.data if getattr(t, "mode", None) == "text"]
        assert sorted(names.text) == [f"Forum number {i}" for i in range(3)]


def test_two_editions_of_an_event_get_two_rows():
    ev = many_events(4).assign(name=["Forum", "Forum", "2029 Summit", "2029 Summit"])
    ev["date"] = pd.to_datetime(["2024-05-02", "2025-05-02", "2029-01-15", "2029-05-30"])
    assert charts.event_labels(ev) == [
        "Forum (2024)",
        "Forum (2025)",
        "2029 Summit (15 Jan 2029)",
        "2029 Summit (30 May 2029)",
    ]
    same = ev.assign(name="Forum", date=pd.Timestamp("2024-05-02"))
    assert len(set(charts.event_labels(same))) == 4
    assert len(set(charts.attendance_chart(same).data[-1].text)) == 4


@pytest.mark.parametrize(
    ("rows", "expected_value", "expected_article", "expected_support"),
    [
        # reported by two articles beats a larger value reported once
        ([(100, "a1", "2020-01-01"), (100, "a2", "2021-01-01"), (9e9, "a3", "2024-01-01")], 100, "a2", 2),
        # a tie: the value whose article is the most recent
        ([(50, "a1", "2024-01-01"), (70, "a2", "2025-01-01")], 70, "a2", 1),
        ([(70, "a1", "2025-01-01"), (50, "a2", "2024-01-01")], 70, "a1", 1),
        # an undated article counts as the oldest
        ([(50, "a1", ""), (70, "a2", "2020-01-01")], 70, "a2", 1),
        # one article saying it twice is one report
        ([(5, "a1", "2024-01-01"), (5, "a1", "2024-01-01"), (6, "a2", ""), (6, "a3", "")], 6, "a2", 2),
    ],
)
def test_headline_takes_the_value_most_articles_report(rows, expected_value, expected_article, expected_support):
    metrics = pd.DataFrame(
        {
            "metric_id": [f"{a}-{i:04d}" for i, (_, a, _) in enumerate(rows)],
            "article_id": [a for _, a, _ in rows],
            "value": [float(v) for v, _, _ in rows],
            "unit": "teachers",
            "category": "people",
            "bound": "exact",
        }
    )
    articles = pd.DataFrame({"article_id": sorted({a for _, a, _ in rows})})
    articles["published"] = articles["article_id"].map({a: d for _, a, d in rows})
    (top,) = charts.headline_figures(metrics, typed("articles", articles)).itertuples()
    assert (top.value, top.article_id, top.n_articles) == (expected_value, expected_article, expected_support)


def test_headline_counts_a_unit_whatever_its_case():
    metrics = pd.DataFrame(
        {
            "metric_id": ["a-1", "b-1", "c-1"],
            "article_id": ["a", "b", "c"],
            "value": [10.0, 10.0, 2e9],
            "unit": ["Schools", "schools", "teachers"],
            "category": "institutions",
            "bound": "exact",
        }
    )
    assert charts.headline_figures(metrics).iloc[0]["value"] == 10.0


def test_alt_text_counts_in_the_right_number():
    m = table("metrics")
    assert "in 1 category" in charts.describe_figures(m[m["category"] == "people"])
    assert "2 figures in 1 category" in charts.describe_figures(m[m["category"] == "people"])
    assert "4 figures in 3 categories" in charts.describe_figures(m)


@pytest.mark.parametrize(
    ("unit", "category", "expected"),
    [
        ("page views", "engagement", "page views (engagement)"),
        (
            "neighborhood (township) community learning centers",
            "institutions",
            "neighborhood… (institutions)",
        ),
    ],
)
def test_a_card_label_is_shortened_at_a_word(unit, category, expected):
    assert charts.card_label(unit, category) == expected
