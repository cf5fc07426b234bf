"""The same measure across publication dates: a platform's page views, a programme's budget, as several articles
report them over time. Every reported value is a point with its article and sentence, never an average: where
articles disagree, the reader sees each value side by side."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from dashboard import charts, palette
from dashboard.fmt import counted, figure_value, plotly_literal, shorten

MIN_DATES = 2  # a measure over time needs reports on at least two publication days


def measure_key(metrics: pd.DataFrame) -> pd.Series:
    """What makes two figures the same measure: the unit and the subject, whatever their case and blanks."""
    unit = metrics["unit"].fillna("").str.strip().str.casefold()
    subject = metrics["subject"].fillna("").str.strip().str.casefold()
    return unit + " | " + subject


def measures(metrics: pd.DataFrame) -> pd.DataFrame:
    """The measures reported on at least two publication dates (figures with a value and a dated article), most
    dates first: ``key``, ``label``, ``dates``, ``points``."""
    dated = metrics[metrics["published"].notna() & (metrics["value"] > 0)]
    if dated.empty:
        return pd.DataFrame(columns=["key", "label", "dates", "points"])
    grouped = dated.assign(key=measure_key(dated)).groupby("key", sort=False)
    found = grouped.agg(
        dates=("published", "nunique"),
        points=("metric_id", "size"),
        unit=("unit", "first"),
        subject=("subject", "first"),
    ).reset_index()
    found = found[found["dates"] >= MIN_DATES].sort_values(["dates", "points", "key"], ascending=[False, False, True])
    found["label"] = [
        f"{shorten(u, 30)} · {shorten(s, 40) or 'no subject'} ({counted(d, 'date', 'dates')})"
        for u, s, d in zip(found["unit"], found["subject"], found["dates"], strict=True)
    ]
    return found[["key", "label", "dates", "points"]].reset_index(drop=True)


def series(metrics: pd.DataFrame, key: str) -> pd.DataFrame:
    """Every dated figure of measure ``key``, oldest first (ties by article, then position in it)."""
    rows = metrics[metrics["published"].notna() & (metrics["value"] > 0) & (measure_key(metrics) == key)]
    return rows.sort_values(["published", "article_id", "start"], kind="stable")


def trend_chart(rows: pd.DataFrame, titles: dict[str, str], title: str) -> go.Figure:
    """A step line through each publication day's latest report, and a point for every reported value (two
    articles on one day that disagree are two points), each hovering its article."""
    if rows.empty:
        return charts.empty_figure(title, "No measure is reported on two publication dates yet.")
    latest = rows.groupby("published", as_index=False).last()
    fig = go.Figure()
    fig.add_trace(
        go.Scatter(
            x=latest["published"],
            y=latest["value"],
            mode="lines",
            line={"shape": "hv", "color": palette.BLUE, "width": 2},
            name="latest report of the day",
            hoverinfo="skip",
        )
    )
    fig.add_trace(
        go.Scatter(
            x=rows["published"],
            y=rows["value"],
            mode="markers",
            marker={"size": 10, "color": palette.VERMILLION, "line": {"width": 1, "color": "white"}},
            name="each reported value",
            customdata=[
                [plotly_literal(figure_value(v, b, u, c)), plotly_literal(shorten(titles.get(a, a), 60))]
                for v, b, u, c, a in zip(
                    rows["value"], rows["bound"], rows["unit"], rows["category"], rows["article_id"], strict=True
                )
            ],
            hovertemplate="<b>%{customdata[0]}</b><br>%{x|%d %b %Y}<br>%{customdata[1]}<extra></extra>",
        )
    )
    fig.update_xaxes(title_text="Publication date")
    ticks, labels = charts.linear_ticks(float(rows["value"].max()))
    fig.update_yaxes(title_text=plotly_literal(shorten(str(rows["unit"].iloc[0]), 40)), tickvals=ticks, ticktext=labels)
    return charts.layout(fig, title, height=380)
