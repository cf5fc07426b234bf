"""Chart builders: titled, with axis units, log scale for figures, one trace per category, empty states."""

from __future__ import annotations

import pandas as pd

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


def test_headline_takes_the_largest_figure_of_each_count_category():
    m = table("metrics")
    extra = m.iloc[[0]].assign(metric_id="x-1", value=3.0, unit="rank", category="rank")
    top = charts.headline_figures(pd.concat([m, extra]))
    assert list(top["category"]) == ["engagement", "people", "places"]
    assert list(top["value"]) == [37.3e9, 2000, 40]


def test_event_charts_have_titles_units_and_the_overseas_share():
    ev = table("events")
    attendance = charts.attendance_chart(ev)
    assert attendance.layout.title.text and "people" in attendance.layout.xaxis.title.text
    assert [t.name for t in attendance.data] == ["all participants", "from overseas"]
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
