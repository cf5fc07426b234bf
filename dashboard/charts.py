"""Pure chart builders: a DataFrame in, a plotly Figure out (titled, with axis units), tested without a browser."""

from __future__ import annotations

import textwrap
from collections.abc import Sequence

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from dashboard import palette
from dashboard.fmt import figure_text, human_number, plotly_literal

# Not headline material: a rank or a duration is not "how much", and a percent has no scale to compare.
NOT_HEADLINE = frozenset({"rank", "duration", "percent"})
# Above this many dots a strip chart is a smear and slow to draw: count figures per order of magnitude instead.
MAX_DOTS = 2_000


def _layout(fig: go.Figure, title: str, height: int = 420) -> go.Figure:
    fig.update_layout(
        title={"text": title, "x": 0, "xanchor": "left"},
        template="plotly_white",
        height=height,
        margin={"l": 10, "r": 10, "t": 80, "b": 10},
        font={"size": 13},
        colorway=list(palette.SERIES),
        # Above the plot, under the title: below it the legend collides with the x axis title on narrow screens.
        legend={"orientation": "h", "yanchor": "bottom", "y": 1.0, "x": 0},
    )
    return fig


def empty_figure(title: str, message: str) -> go.Figure:
    """A titled figure that says why it is empty, instead of blank axes."""
    fig = go.Figure()
    fig.add_annotation(text=message, showarrow=False, x=0.5, y=0.5, xref="paper", yref="paper", font={"size": 15})
    fig.update_xaxes(visible=False)
    fig.update_yaxes(visible=False)
    return _layout(fig, title, height=260)


def _short(text: str, width: int = 28) -> str:
    return textwrap.shorten(str(text), width=width, placeholder="…")


def figures_chart(
    metrics: pd.DataFrame,
    title: str = "Figures by category",
    max_dots: int = MAX_DOTS,
    categories: Sequence[str] = (),
) -> go.Figure:
    """Every positive figure as a dot on a log axis, one row and one colour per category.

    A log axis keeps 9 and 12.5 billion readable side by side; zero and negative figures cannot sit on
    it and are left to the table. Past ``max_dots`` figures, one bubble per category and power of ten
    sized by how many figures fall there (see :func:`figures_by_magnitude`). ``categories``: every category
    of the build, so that a category keeps its colour whatever the filters leave.
    """
    rows = metrics[metrics["value"] > 0]
    if rows.empty:
        return empty_figure(title, "No figures to show for this selection.")
    if len(rows) > max_dots:
        return figures_by_magnitude(rows, title, categories)
    colors = palette.color_map(rows["category"], categories)
    fig = go.Figure()
    for category, part in rows.groupby("category", sort=True):
        labels = [
            figure_text(v, b, u, c)
            for v, b, u, c in zip(part["value"], part["bound"], part["unit"], part["category"], strict=True)
        ]
        fig.add_trace(
            go.Scatter(
                x=part["value"],
                y=[category] * len(part),
                mode="markers",
                name=str(category),
                marker={
                    "size": 11,
                    "color": colors[str(category)],
                    "opacity": 0.85,
                    "line": {"width": 1, "color": "white"},
                },
                customdata=np.column_stack(
                    [
                        [plotly_literal(x) for x in labels],
                        [plotly_literal(_short(x)) for x in part["subject"]],
                        [plotly_literal(x) for x in part["article_id"]],
                    ]
                ),
                hovertemplate="<b>%{customdata[0]}</b><br>about: %{customdata[1]}<br>article: %{customdata[2]}<extra></extra>",
            )
        )
    fig.update_xaxes(type="log", title_text="Value (log scale; each dot's unit is in the table)", exponentformat="SI")
    fig.update_yaxes(title_text="Category", categoryorder="category descending")
    _layout(fig, title, height=max(320, 90 + 38 * rows["category"].nunique()))
    fig.update_layout(showlegend=False)  # the y axis already names each colour
    return fig


def magnitude_counts(metrics: pd.DataFrame) -> pd.DataFrame:
    """How many positive figures each category has per power of ten: category, decade (10**decade <= v), count."""
    rows = metrics[metrics["value"] > 0]
    decade = np.floor(np.log10(rows["value"].to_numpy(dtype=float))).astype(int)
    counts = rows.assign(decade=decade).groupby(["category", "decade"], sort=True).size().rename("count")
    return counts.reset_index()


def figures_by_magnitude(
    metrics: pd.DataFrame, title: str = "Figures by category", categories: Sequence[str] = ()
) -> go.Figure:
    """One bubble per category and power of ten, its area proportional to the number of figures there."""
    counts = magnitude_counts(metrics)
    colors = palette.color_map(counts["category"], categories)
    largest = counts["count"].max()
    fig = go.Figure()
    for category, part in counts.groupby("category", sort=True):
        low = 10.0 ** part["decade"]
        ranges = [f"{human_number(a)} to {human_number(a * 10)}" for a in low]
        fig.add_trace(
            go.Scatter(
                x=low * np.sqrt(10),  # the middle of the decade on a log axis
                y=[category] * len(part),
                mode="markers",
                name=str(category),
                marker={
                    "size": 8 + 40 * np.sqrt(part["count"] / largest),
                    "color": colors[str(category)],
                    "opacity": 0.85,
                    "line": {"width": 1, "color": "white"},
                },
                customdata=np.column_stack([part["count"].map("{:,}".format), ranges]),
                hovertemplate="<b>%{customdata[0]} figures</b><br>from %{customdata[1]}<extra></extra>",
            )
        )
    fig.update_xaxes(
        type="log",
        title_text="Value (log scale; bubble area = number of figures in that power of ten)",
        exponentformat="SI",
    )
    fig.update_yaxes(title_text="Category", categoryorder="category descending")
    _layout(
        fig, f"{title}: how many at each order of magnitude", height=max(320, 90 + 38 * counts["category"].nunique())
    )
    fig.update_layout(showlegend=False)
    return fig


def headline_figures(metrics: pd.DataFrame, n: int = 6) -> pd.DataFrame:
    """The largest figure of each category (counts only), largest first: a rule, never a list of names."""
    rows = metrics[~metrics["category"].isin(NOT_HEADLINE) & (metrics["value"] > 0)]
    if rows.empty:
        return rows
    top = rows.sort_values(["value", "metric_id"], ascending=[False, True]).drop_duplicates("category")
    return top.head(n)


MAX_EVENT_ROWS = 25  # one bar or row per event: past this a chart is a wall of labels (the table lists them all)


def _capped_title(title: str, shown: int, total: int, which: str) -> str:
    return title if shown == total else f"{title} ({which} {shown} of {total})"


def events_timeline(events: pd.DataFrame, title: str = "Events over time", top: int = MAX_EVENT_ROWS) -> go.Figure:
    """Events as dots on a date axis, sized by attendance when stated; the ``top`` latest when there are more."""
    dated = events.dropna(subset=["date"]).sort_values("date")
    if dated.empty:
        return empty_figure(title, "No dated events yet.")
    title = _capped_title(title, min(top, len(dated)), len(dated), "latest")
    dated = dated.tail(top)
    attendees = dated["attendees"].fillna(0)
    sizes = 12 + 28 * np.sqrt(attendees / attendees.max()) if attendees.max() > 0 else np.full(len(dated), 14)
    fig = go.Figure(
        go.Scatter(
            x=dated["date"],
            y=[plotly_literal(_short(n, 40)) for n in dated["name"]],
            mode="markers",
            marker={
                "size": sizes,
                "color": palette.VERMILLION,
                "opacity": 0.85,
                "line": {"width": 1, "color": "white"},
            },
            customdata=np.column_stack(
                [
                    [plotly_literal(n) for n in dated["name"]],
                    [plotly_literal(c) for c in dated["city"].replace("", "–")],
                    [human_number(a) for a in dated["attendees"]],
                ]
            ),
            hovertemplate="<b>%{customdata[0]}</b><br>%{x|%d %b %Y}, %{customdata[1]}<br>participants: %{customdata[2]}<extra></extra>",
            name="event",
        )
    )
    fig.update_xaxes(title_text="Date")
    fig.update_yaxes(title_text="", automargin=True)
    return _layout(fig, title, height=max(280, 110 + 34 * len(dated)))


def attendance_chart(
    events: pd.DataFrame, title: str = "Participants per event", top: int = MAX_EVENT_ROWS
) -> go.Figure:
    """Participants per event, with the overseas part beside the total and the share in the label; the ``top``
    largest events when there are more."""
    rows = events.dropna(subset=["attendees"]).sort_values("attendees")
    if rows.empty:
        return empty_figure(title, "No event states its number of participants yet.")
    title = _capped_title(title, min(top, len(rows)), len(rows), "largest")
    rows = rows.tail(top)
    names = [plotly_literal(_short(n, 40)) for n in rows["name"]]
    share = [
        f"{o / a:.0%}" if pd.notna(o) and a else ""  # short enough to fit the bar at phone width
        for o, a in zip(rows["overseas"], rows["attendees"], strict=True)
    ]
    fig = go.Figure()
    fig.add_trace(
        go.Bar(
            y=names,
            x=rows["attendees"],
            orientation="h",
            name="all participants",
            marker_color=palette.BLUE,
            text=[human_number(a) for a in rows["attendees"]],
            textposition="auto",
        )
    )
    fig.add_trace(
        go.Bar(
            y=names,
            x=rows["overseas"],
            orientation="h",
            name="from overseas",
            marker_color=palette.ORANGE,
            text=share,
            textposition="auto",
            hovertemplate="%{x:,} from overseas: %{text} of all participants<extra></extra>",
        )
    )
    fig.update_layout(barmode="group")
    fig.update_xaxes(title_text="Participants (people)")
    fig.update_yaxes(automargin=True)
    return _layout(fig, title, height=max(300, 140 + 60 * len(rows)))


def countries_chart(
    events: pd.DataFrame, title: str = "Countries and regions represented", top: int = MAX_EVENT_ROWS
) -> go.Figure:
    """Countries (and regions) represented at each event that states it; the ``top`` widest when there are more."""
    rows = events.dropna(subset=["countries_represented"]).sort_values("countries_represented")
    if rows.empty:
        return empty_figure(title, "No event states how many countries took part yet.")
    title = _capped_title(title, min(top, len(rows)), len(rows), "largest")
    rows = rows.tail(top)
    fig = go.Figure(
        go.Bar(
            y=[plotly_literal(_short(n, 40)) for n in rows["name"]],
            x=rows["countries_represented"],
            orientation="h",
            marker_color=palette.BLUISH_GREEN,
            text=[human_number(v) for v in rows["countries_represented"]],
            textposition="auto",
            name="countries and regions",
        )
    )
    fig.update_xaxes(title_text="Countries and regions (count)")
    fig.update_yaxes(automargin=True)
    return _layout(fig, title, height=max(260, 120 + 44 * len(rows)))


def describe_figures(metrics: pd.DataFrame, max_dots: int = MAX_DOTS) -> str:
    """Alt text for :func:`figures_chart`: what the chart shows, in one sentence."""
    rows = metrics[metrics["value"] > 0]
    if rows.empty:
        return "The chart is empty: no figures match."
    low, high = rows["value"].min(), rows["value"].max()
    span = (
        f"{len(rows):,} figures in {rows['category'].nunique()} categories, from {human_number(low)} "
        f"to {human_number(high)}, on a log scale"
    )
    if len(rows) > max_dots:
        return f"{span}, counted per power of ten (filter to {max_dots:,} or fewer to see each figure as a dot)."
    return f"{span}; the table below lists each with its sentence."
