"""The same measure across publication dates: which measures qualify, their points, and a chart that keeps every
reported value."""

from __future__ import annotations

import pandas as pd

from dashboard import trends


def figures(*rows: tuple) -> pd.DataFrame:
    """(article, published, value, unit, subject) rows as the Figures page prepares them."""
    frame = pd.DataFrame(rows, columns=["article_id", "published", "value", "unit", "subject"])
    n = len(frame)
    return frame.assign(
        published=pd.to_datetime(frame["published"]),
        metric_id=[f"{a}-{i:04d}" for i, a in enumerate(frame["article_id"], start=1)],
        start=range(n),
        bound="exact",
        category="engagement",
        qualifier="",
        figure=frame["value"].map(lambda v: f"{v:,.0f}"),
        sentence=[f"Sentence {i}." for i in range(n)],
    )


PLATFORM = figures(
    ("a", "2024-01-05", 30e9, "page views", "Smart Education Platform"),
    ("b", "2024-06-01", 37.3e9, "Page views ", "smart education platform"),  # the same measure, written otherwise
    ("c", "2024-06-01", 36e9, "page views", "Smart Education Platform"),  # same day, another value: both kept
    ("d", None, 50e9, "page views", "Smart Education Platform"),  # undated: cannot be placed in time
    ("e", "2024-02-01", 400, "schools", "Riga"),  # one date only: no measure over time
    ("f", "2024-03-01", 0, "page views", "Smart Education Platform"),  # no value
)


def test_a_measure_needs_reports_on_two_publication_dates():
    found = trends.measures(PLATFORM)
    assert list(found["key"]) == ["page views | smart education platform"]
    assert (found.loc[0, "dates"], found.loc[0, "points"]) == (2, 3)
    assert found.loc[0, "label"] == "page views · Smart Education Platform (2 dates)"
    assert trends.measures(PLATFORM.iloc[[0, 4]]).empty


def test_a_series_keeps_every_dated_value_oldest_first():
    rows = trends.series(PLATFORM, "page views | smart education platform")
    assert list(rows["article_id"]) == ["a", "b", "c"]


def test_the_chart_draws_a_point_for_each_report_and_a_step_through_each_days_latest():
    rows = trends.series(PLATFORM, "page views | smart education platform")
    fig = trends.trend_chart(rows, {"b": "<b>Platform</b> news"}, "Reported over time")
    line, points = fig.data
    assert list(points.y) == [30e9, 37.3e9, 36e9]  # the two reports of 1 June side by side
    assert list(line.y) == [30e9, 36e9] and line.line.shape == "hv"
    assert points.customdata[1][1] == "&lt;b&gt;Platform&lt;/b&gt; news"  # an article title stays text


def test_no_measure_gives_a_chart_that_says_so():
    fig = trends.trend_chart(PLATFORM.iloc[0:0], {}, "Reported over time")
    assert "two publication dates" in fig.layout.annotations[0].text
