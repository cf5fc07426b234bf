"""Overview: headline figures with their qualifiers and sentences, corpus counts, and the events over time.

Everything it shows is asked of DuckDB (`dashboard.query`, `query_events`): the counts, the few headline rows with
their sentences, the events its chart draws and the sentences behind them."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Protocol, cast

import pandas as pd
import streamlit as st

from dashboard import charts, data, filters, fmt, query, query_articles, query_events, ui
from dashboard.fmt import figure_value

ui.through_router()

EVENT_TEXT = ("name", "city")  # what the address bar's search looks in, for an event on this page


class _Headline(Protocol):
    """A row of the headline table as ``itertuples`` gives it: the metrics table's columns and ``n_articles``."""

    value: float
    bound: str
    unit: str
    category: str
    qualifier: str
    subject: str
    sentence: str
    article_id: str
    metric_id: str
    n_articles: int


def _headline_cards(headline: pd.DataFrame, titles: dict[str, str]) -> None:
    """A card per headline figure: its value, unit, subject and the sentence it is said in."""
    # Two cards a row: in three, a value such as "~9.99 million" is cut ("~9.99 mill…") on a tablet.
    columns = st.columns(2)
    for i, row in enumerate(cast(Iterable[_Headline], headline.itertuples(index=False))):
        # A metric's label is cut mid-word past its width: shorten the unit at a word, and say it whole below.
        label = charts.card_label(row.unit, row.category)
        with columns[i % 2].container(border=True):
            st.metric(
                fmt.md_literal(label),
                figure_value(row.value, row.bound, row.unit, row.category),
                help=f"Qualifier in the text: “{row.qualifier}”" if row.qualifier else "Stated as an exact figure.",
            )
            if not label.startswith(f"{row.unit} ("):
                ui.safe_text(f"Unit: {row.unit}", muted=True)
            said_by = fmt.counted(int(row.n_articles), "article", "articles")
            ui.safe_text(
                f"About: {row.subject} · reported by {said_by}" if row.subject else f"Reported by {said_by}", muted=True
            )
            with st.expander("Where it is said"):
                ui.safe_text(row.sentence)
                ui.safe_text(f"From: {titles.get(row.article_id, row.article_id)}", muted=True)
                st.page_link(
                    ui.PAGE["sources"],
                    label="Open the article",
                    icon=":material/article:",
                    query_params={"doc": row.article_id, "fig": row.metric_id},
                )


def main() -> None:
    """The page. Its frames are locals, freed with the run."""
    folder = data.dirs().data
    counted = data.counts(folder)  # once per build
    st.title("Digital education in the news")
    st.caption("Figures, places and events read from news articles; every number links back to its sentence.")

    counts = st.columns(4)
    counts[0].metric("Articles", f"{counted.rows['articles']:,}", border=True)
    counts[1].metric("Figures", f"{counted.rows['metrics']:,}", border=True)
    counts[2].metric("Places", f"{counted.place_names:,}", border=True)
    counts[3].metric("Events", f"{counted.rows['events']:,}", border=True)

    # The address bar's filters (set on Figures) narrow the headline figures and the events; the counts above stay the
    # corpus's.
    f = filters.read_query(st.query_params.get_all)
    events = query_events.events(folder, f, EVENT_TEXT, full=False)
    if f.active:
        headline = query.headline(folder, f)
        active = filters.describe(f)
        st.caption(
            f"Headline figures and events below follow the filters in the address bar ({fmt.md_literal(active)}): "
            f"{query.summary(folder, f).rows:,} figures, {len(events):,} events."
        )
        if st.button("Clear the filters", icon=":material/filter_alt_off:", key="clear_filters_overview"):
            ui.set_filters(filters.Filters())
            st.rerun()
    else:
        headline = data.headline(folder)  # once per build

    st.subheader("Headline figures")
    if headline.empty and f.active:
        st.info("No count passes these filters.")
    elif headline.empty:
        st.info("No figures yet. Add an article on the Sources page, or check the Data page for rejected files.")
    else:
        st.caption(
            "For each kind of count, the value reported by the most articles (on a tie, by the most recent article): "
            "the largest is more often a misread than news. Ranks, durations and percentages are on the Figures page."
        )
        _headline_cards(headline, query_articles.titles(folder, list(headline["article_id"]), width=60))

    st.subheader("Events over time")
    if events.empty:
        st.info(
            "No event passes these filters."
            if f.active
            else "No events found yet. Conferences, seminars and ceremonies named in the articles appear here."
        )
        return
    drawn = list(events["rn"])  # the chart's Sources view reads their sentences when it is shown
    ui.chart(
        charts.events_timeline(events),
        f"Timeline of {fmt.counted(int(events['date'].notna().sum()), 'dated event', 'dated events')} (of "
        f"{len(events):,}); dot size shows participants.",
        events.sort_values("date")[["date", "name", "city", "attendees"]],
        key="overview_timeline",
        title="Events over time",
        cited=lambda: query_events.sources(folder, {"timeline": drawn})["timeline"],
    )


main()
