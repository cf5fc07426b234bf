"""Pure chart builders: a DataFrame in, a plotly Figure out (titled, with axis units), tested without a browser."""

from __future__ import annotations

import textwrap
from collections.abc import Sequence

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from dashboard import palette
from dashboard.fmt import (
    counted,
    figure_text,
    human_number,
    log_ticks,
    plotly_literal,
    share_text,
    short_number,
    shorten,
)

# Not headline material: a rank or a duration is not "how much", and a percent has no scale to compare.
NOT_HEADLINE = frozenset({"rank", "duration", "percent"})
# Above this many dots a strip chart is a smear and slow to draw: count figures per order of magnitude instead.
MAX_DOTS = 2_000
# Past this many dots in one category's row they overlap into a solid bar: spread them over the row's height
# and make each fainter, so that where figures crowd reads as darker rather than as one block.
SPREAD_FROM = 40
TITLE_WIDTH = 40  # characters of a title line: Plotly never wraps a title, and a phone shows about this many


def _title(title: str) -> str:
    """A title wrapped onto lines that fit a phone (the titles are the dashboard's own text, never an article's)."""
    lines = [line for part in title.split("\n") for line in textwrap.wrap(part, TITLE_WIDTH)]
    return "<br>".join(lines) or title


def _layout(fig: go.Figure, title: str, height: int = 420) -> go.Figure:
    text = _title(title)
    lines = text.count("<br>")
    fig.update_layout(
        title={"text": text, "x": 0, "xanchor": "left"},
        template="plotly_white",
        height=height + 22 * lines,
        margin={"l": 10, "r": 10, "t": 80 + 22 * lines, "b": 10},
        font={"size": 13},
        colorway=list(palette.SERIES),
        # Above the plot, under the title: below it the legend collides with the x axis title on narrow screens.
        legend={"orientation": "h", "yanchor": "bottom", "y": 1.0, "x": 0},
    )
    return fig


layout = _layout  # for the dashboard's other chart modules (trends): one look for every chart


def empty_figure(title: str, message: str) -> go.Figure:
    """A titled figure that says why it is empty, instead of blank axes."""
    fig = go.Figure()
    fig.add_annotation(text=message, showarrow=False, x=0.5, y=0.5, xref="paper", yref="paper", font={"size": 15})
    fig.update_xaxes(visible=False)
    fig.update_yaxes(visible=False)
    return _layout(fig, title, height=260)


def _short(text: str, width: int = 28) -> str:
    return shorten(text, width)


def _log_axis(fig: go.Figure, values: pd.Series, title: str) -> None:
    """A log x axis whose ticks read 1, 100, 10K, 1M, 1B (Plotly's own say "10G" for ten billion)."""
    ticks, labels = log_ticks(float(values.min()), float(values.max()))
    fig.update_xaxes(type="log", title_text=title, tickvals=ticks, ticktext=labels)


def linear_ticks(high: float, most: int = 5) -> tuple[list[float], list[str]]:
    """Round ticks from 0 to past ``high`` (steps of 1, 2 or 5 times a power of ten), labelled "2,500" below ten
    thousand and "20K", "3B" above: a count axis with separators and words, at most about ``most`` ticks."""
    if not high > 0:
        return [0.0], ["0"]
    raw = high / most
    power = 10.0 ** np.floor(np.log10(raw))
    step = next(m * power for m in (1, 2, 5, 10) if m * power >= raw)
    values = [float(v) for v in np.arange(0, high + step, step)]
    return values, [f"{v:,.0f}" if v < 10_000 else short_number(v) for v in values]


def _count_axis(fig: go.Figure, values: pd.Series, title: str) -> None:
    ticks, labels = linear_ticks(float(values.max()) if len(values) else 0.0)
    fig.update_xaxes(title_text=title, tickvals=ticks, ticktext=labels)


def spread(n: int, width: float = 0.7) -> np.ndarray:
    """Vertical offsets for ``n`` dots in one row: 0 for a few, else evenly spread over ``width`` (a golden-ratio
    sequence: deterministic, so a chart does not jump between reruns, and even for any n)."""
    if n < SPREAD_FROM:
        return np.zeros(n)
    return ((np.arange(n) * 0.6180339887) % 1.0 - 0.5) * width


def dot_style(n: int) -> tuple[int, float]:
    """Marker size and opacity for a row of ``n`` dots: smaller and fainter as they crowd."""
    if n < SPREAD_FROM:
        return 11, 0.85
    return 7, float(max(0.2, 0.85 * np.sqrt(SPREAD_FROM / n)))


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
    names = sorted(rows["category"].unique())
    row_of = {c: len(names) - 1 - i for i, c in enumerate(names)}  # the first category on top
    # The article by its title (the Figures page's "article" column), its id only where no title is known.
    article = rows["article"] if "article" in rows else rows["article_id"]
    fig = go.Figure()
    for category, part in rows.groupby("category", sort=True):
        labels = [
            figure_text(v, b, u, c)
            for v, b, u, c in zip(part["value"], part["bound"], part["unit"], part["category"], strict=True)
        ]
        size, opacity = dot_style(len(part))
        fig.add_trace(
            go.Scatter(
                x=part["value"],
                y=row_of[category] + spread(len(part)),
                mode="markers",
                name=str(category),
                marker={
                    "size": size,
                    "color": colors[str(category)],
                    "opacity": opacity,
                    "line": {"width": 1 if len(part) < SPREAD_FROM else 0, "color": "white"},
                },
                customdata=np.column_stack(
                    [
                        [plotly_literal(x) for x in labels],
                        [plotly_literal(_short(x)) for x in part["subject"]],
                        [plotly_literal(_short(x, 50)) for x in article[part.index]],
                    ]
                ),
                hovertemplate="<b>%{customdata[0]}</b><br>about: %{customdata[1]}<br>article: %{customdata[2]}<extra></extra>",
            )
        )
    _log_axis(fig, rows["value"], "Value (log scale)")
    fig.update_yaxes(
        title_text="Category",
        tickvals=list(row_of.values()),
        ticktext=list(row_of),
        range=[-0.6, len(names) - 0.4],
        zeroline=False,
    )
    _layout(fig, title, height=max(320, 90 + 38 * len(names)))
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
    values = metrics.loc[metrics["value"] > 0, "value"]
    return magnitude_chart(magnitude_counts(metrics), values.min(), values.max(), title, categories)


def magnitude_chart(
    counts: pd.DataFrame,
    low: float,
    high: float,
    title: str = "Figures by category",
    categories: Sequence[str] = (),
) -> go.Figure:
    """:func:`figures_by_magnitude` from its counts (:func:`magnitude_counts`: category, decade, count) and the
    smallest and largest positive value, as a query that aggregates them returns them."""
    values = pd.Series([float(low), float(high)])  # all the axis needs of the values
    colors = palette.color_map(counts["category"], categories)
    largest = counts["count"].max()
    fig = go.Figure()
    for category, part in counts.groupby("category", sort=True):
        starts = 10.0 ** part["decade"]  # each decade's lower end
        ranges = [f"{human_number(a)} to {human_number(a * 10)}" for a in starts]
        fig.add_trace(
            go.Scatter(
                x=starts * np.sqrt(10),  # the middle of the decade on a log axis
                y=[category] * len(part),
                mode="markers",
                name=str(category),
                showlegend=False,
                marker={
                    "size": bubble_size(part["count"], largest),
                    "color": colors[str(category)],
                    "opacity": 0.85,
                    "line": {"width": 1, "color": "white"},
                },
                customdata=np.column_stack([part["count"].map("{:,}".format), ranges]),
                hovertemplate="<b>%{customdata[0]} figures</b><br>from %{customdata[1]}<extra></extra>",
            )
        )
    # The size key: a row of grey bubbles of round counts on the same scale, above the categories. (Plotly's legend
    # draws every symbol at about the same size, so it cannot be the key.) Spread evenly over the axis's decades.
    refs = size_references(largest)
    low, high = np.log10(values.min()), np.log10(values.max()) + 0.5
    fig.add_trace(
        go.Scatter(
            x=10 ** (low + (high - low) * (np.arange(len(refs)) + 0.3) / len(refs)),
            y=[SIZE_KEY] * len(refs),
            mode="markers+text",
            text=[f"{r:,}" for r in refs],
            textposition="middle right",
            textfont={"size": 12, "color": "#555555"},
            marker={"size": [bubble_size(r, largest) for r in refs], "color": "#bbbbbb", "line": {"width": 0}},
            name="size key",
            legendgroup="size",
            showlegend=False,
            hovertemplate="a bubble this size: %{text} figures<extra></extra>",
            cliponaxis=False,
        )
    )
    _log_axis(fig, values, "Value (log scale)")
    names = sorted(counts["category"].unique(), reverse=True)  # from the bottom: the first category on top
    fig.update_yaxes(title_text="Category", type="category", categoryorder="array", categoryarray=[*names, SIZE_KEY])
    _layout(fig, f"{title}: how many at each order of magnitude", height=max(360, 150 + 40 * (len(names) + 1)))
    fig.update_layout(showlegend=False)
    return fig


SIZE_KEY = "key: figures"  # the y row of the bubble chart's size key


def bubble_size(count, largest: int):
    """Marker diameter for a bubble of ``count`` figures: its area proportional to the count."""
    return 8 + 40 * np.sqrt(count / largest)


def size_references(largest: int) -> list[int]:
    """Round counts for the size legend: the powers of ten up to the largest bubble (the last three), and the
    largest itself when it is at least twice the last of them."""
    powers = [10**k for k in range(int(np.log10(largest)) + 1)][-3:] if largest >= 1 else []
    if not powers or largest >= 2 * powers[-1]:
        powers.append(int(largest))
    return powers


def headline_figures(metrics: pd.DataFrame, articles: pd.DataFrame | None = None, n: int = 6) -> pd.DataFrame:
    """A well-supported figure of each kind (category; counts only): a rule, never a list of names.

    The largest value of a kind is, in a big corpus, its most extreme report (often a misread). Instead, per
    category: the value (same unit, same number) reported by the most articles; on a tie, the one whose latest
    article is the most recent (``articles.published``; an undated article counts as oldest), then the first by
    ``metric_id``. The row shown is that value's sentence in its most recent article, so it stays traceable.
    Kinds with the best-supported values come first. Adds ``n_articles``: how many articles report the value.
    """
    rows = metrics[~metrics["category"].isin(NOT_HEADLINE) & (metrics["value"] > 0)]
    if rows.empty:
        return rows.assign(n_articles=pd.Series(dtype=int))
    dates = {} if articles is None else dict(zip(articles["article_id"], articles["published"], strict=True))
    published = pd.to_datetime(rows["article_id"].map(dates), errors="coerce")
    key = [rows["category"], rows["unit"].str.strip().str.casefold(), rows["value"]]
    rows = rows.assign(
        n_articles=rows.groupby(key)["article_id"].transform("nunique"),
        _published=published,
        _latest=published.groupby(key).transform("max"),
    )
    ranked = rows.sort_values(
        ["n_articles", "_latest", "_published", "metric_id"], ascending=[False, False, False, True], na_position="last"
    )
    top = ranked.drop_duplicates("category").sort_values(["n_articles", "category"], ascending=[False, True])
    return top.drop(columns=["_published", "_latest"]).head(n)


CARD_LABEL = 38  # characters a headline card's label shows before Streamlit cuts it, mid-word, with "…"


def card_label(unit: str, category: str, width: int = CARD_LABEL) -> str:
    """A headline card's label, ``unit (category)``, with the unit shortened at a word to fit ``width``."""
    return f"{shorten(unit, max(12, width - len(category) - 3))} ({category})"


MAX_EVENT_ROWS = 25  # one bar or row per event: past this a chart is a wall of labels (the table lists them all)


def _capped_title(title: str, shown: int, total: int, which: str) -> str:
    return title if shown == total else f"{title}\n({which} {shown} of {total})"  # its own line on a phone


def event_labels(events: pd.DataFrame, width: int = 40) -> list[str]:
    """One label per event row, shortened at a word, made unique (Plotly would draw equal labels on one row, so
    two editions of a forum would share a bar): a repeated label gets the event's year (its date when the year is
    already in the name or also repeats), then a number."""
    labels = [_short(n, width) for n in events["name"]]
    dates = list(events["date"])

    def suffix(label: str, date, precise: bool) -> str:
        if pd.isna(date):
            return "undated"
        year = f"{date:%Y}"
        return f"{date.day} {date:%b %Y}" if precise or year in label else year

    for precise in (False, True):
        repeated = pd.Series(labels).duplicated(keep=False).to_numpy()
        base = [_short(n, width) for n in events["name"]]
        labels = [
            f"{b} ({suffix(b, d, precise)})" if dup else label
            for label, b, dup, d in zip(labels, base, repeated, dates, strict=True)
        ]
    counts: dict[str, int] = {}
    out = []
    for label in labels:
        counts[label] = counts.get(label, 0) + 1
        out.append(label if counts[label] == 1 else f"{label} #{counts[label]}")
    return [plotly_literal(x) for x in out]


def _names_over_rows(fig: go.Figure, labels: list[str], x0: object) -> None:
    """Each event's name written above its row, from the left edge (``x0``), instead of as a tick label beside the
    axis: there the names took most of a phone's width and left the chart about 60 px wide. (Tick labels inside
    the plot would do it too, but Plotly then hides every date or count tick they overlap.) Rows are numbered
    0, 1, ... from the bottom."""
    rows = np.arange(len(labels))
    fig.add_trace(
        go.Scatter(
            x=[x0] * len(labels),
            y=rows + 0.42,
            text=labels,  # already plotly_literal (event_labels)
            mode="text",
            textposition="middle right",
            textfont={"size": 12, "color": "#555555"},
            hoverinfo="skip",
            showlegend=False,
            cliponaxis=False,
            name="event names",
        )
    )
    fig.update_yaxes(
        tickvals=rows, showticklabels=False, range=[-0.6, len(labels) - 0.25], zeroline=False, title_text=""
    )


def events_timeline(events: pd.DataFrame, title: str = "Events over time", top: int = MAX_EVENT_ROWS) -> go.Figure:
    """Events as dots on a date axis, sized by attendance when stated; the ``top`` latest when there are more."""
    dated = events.dropna(subset=["date"]).sort_values("date")
    if dated.empty:
        return empty_figure(title, "No dated events yet.")
    title = _capped_title(title, min(top, len(dated)), len(dated), "latest")
    dated = dated.tail(top)
    attendees = dated["attendees"].fillna(0)
    # At most 28 px: a larger dot would cover the name written above its row.
    sizes = 10 + 18 * np.sqrt(attendees / attendees.max()) if attendees.max() > 0 else np.full(len(dated), 12)
    labels = event_labels(dated)
    fig = go.Figure(
        go.Scatter(
            x=dated["date"],
            y=np.arange(len(dated)),
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
                    [human_number(a) for a in dated["attendees"]],  # "–" when not stated
                ]
            ),
            hovertemplate="<b>%{customdata[0]}</b><br>%{x|%d %b %Y}, %{customdata[1]}<br>participants: %{customdata[2]}<extra></extra>",
            name="event",
        )
    )
    fig.update_xaxes(title_text="Date")
    _names_over_rows(fig, labels, dated["date"].min())
    fig.update_layout(showlegend=False)
    return _layout(fig, title, height=max(280, 110 + 48 * len(dated)))


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
    names = event_labels(rows)
    y = np.arange(len(rows))
    share = [
        share_text(round(o / a, 2)) if pd.notna(o) and a else ""  # a whole percent: fits the bar at phone width
        for o, a in zip(rows["overseas"], rows["attendees"], strict=True)
    ]
    fig = go.Figure()
    fig.add_trace(
        go.Bar(
            y=y,
            x=rows["attendees"],
            orientation="h",
            name="all participants",
            marker_color=palette.BLUE,
            text=[human_number(a) for a in rows["attendees"]],
            customdata=names,
            textposition="outside",
            cliponaxis=False,
            hovertemplate="%{customdata}: %{text} participants<extra></extra>",
        )
    )
    fig.add_trace(
        go.Bar(
            y=y,
            x=rows["overseas"],
            orientation="h",
            name="from overseas",
            marker_color=palette.ORANGE,
            text=share,
            textposition="outside",
            cliponaxis=False,
            hovertemplate="%{x:,} from overseas: %{text} of all participants<extra></extra>",
        )
    )
    fig.update_layout(barmode="group", bargap=0.45)
    _count_axis(fig, rows["attendees"], "Participants (people)")
    _room_for_labels(fig, rows["attendees"])
    _names_over_rows(fig, names, 0)
    return _layout(fig, title, height=max(300, 140 + 64 * len(rows)))


def countries_chart(
    events: pd.DataFrame, title: str = "Countries and regions represented", top: int = MAX_EVENT_ROWS
) -> go.Figure:
    """Countries (and regions) represented at each event that states it; the ``top`` widest when there are more."""
    rows = events.dropna(subset=["countries_represented"]).sort_values("countries_represented")
    if rows.empty:
        return empty_figure(title, "No event states how many countries took part yet.")
    title = _capped_title(title, min(top, len(rows)), len(rows), "largest")
    rows = rows.tail(top)
    names = event_labels(rows)
    fig = go.Figure(
        go.Bar(
            y=np.arange(len(rows)),
            x=rows["countries_represented"],
            orientation="h",
            marker_color=palette.BLUISH_GREEN,
            text=[human_number(v) for v in rows["countries_represented"]],
            customdata=names,
            textposition="outside",
            cliponaxis=False,
            name="countries and regions",
            hovertemplate="%{customdata}: %{text} countries and regions<extra></extra>",
        )
    )
    fig.update_layout(bargap=0.5, showlegend=False)
    _count_axis(fig, rows["countries_represented"], "Countries and regions (count)")
    _room_for_labels(fig, rows["countries_represented"])
    _names_over_rows(fig, names, 0)
    return _layout(fig, title, height=max(260, 120 + 48 * len(rows)))


def _room_for_labels(fig: go.Figure, values: pd.Series) -> None:
    """Room right of the longest bar for its label ("8.04 billion"): outside the axis range Plotly would cut it."""
    fig.update_xaxes(range=[0, float(values.max()) * 1.3])


def describe_figures(metrics: pd.DataFrame, max_dots: int = MAX_DOTS) -> str:
    """Alt text for :func:`figures_chart`: what the chart shows, in one sentence."""
    rows = metrics[metrics["value"] > 0]
    if rows.empty:
        return "The chart is empty: no figures match."
    return describe_counts(len(rows), rows["category"].nunique(), rows["value"].min(), rows["value"].max(), max_dots)


def describe_counts(n: int, categories: int, low: float | None, high: float | None, max_dots: int = MAX_DOTS) -> str:
    """:func:`describe_figures` from the positive figures' count, categories, smallest and largest value (None, as
    a query returns them, when there are none)."""
    if not n:
        return "The chart is empty: no figures match."
    span = (
        f"{counted(n, 'figure', 'figures')} in {counted(categories, 'category', 'categories')}, "
        f"from {human_number(low)} "
        f"to {human_number(high)}, on a log scale"
    )
    if n > max_dots:
        return f"{span}, counted per power of ten (filter to {max_dots:,} or fewer to see each figure as a dot)."
    return f"{span}; the table below lists each with its sentence."
