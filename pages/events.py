"""Events: attendance and overseas share, countries represented, timeline, and the table.

The events are asked of DuckDB on each run (`dashboard.query_events`): those passing the address bar's filters, the
sentences behind each chart and the figures of the event chosen, never the metrics table."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from dashboard import catalog, charts, data, filters, fmt, query_articles, query_events, ui
from dashboard.fmt import human_number

ui.through_router()

EVENT_TEXT = ("name", "city", "sentence")  # what the address bar's search looks in, for an event
MAX_FIGURE_ROWS = 1_000  # the figures behind one event listed with their sentences; they are counted whole
REPORTED_SHOWN = 5  # values listed per field where the articles disagree; the rest are counted


def _event_figures(folder, events: pd.DataFrame) -> None:
    """Choose an event; see the figures its counts were read from, each with its sentence and a link to it."""
    st.subheader("Where each event's figures are said")
    counted = events[events["linked"]]
    if counted.empty:
        st.caption("No event states its participants, overseas guests or countries.")
        return
    years = counted["date"].map(lambda d: f" ({d:%Y})" if pd.notna(d) else "")
    labels = dict(zip(counted["event_id"], counted["name"] + years, strict=True))
    if st.session_state.get("event_figures") not in labels:  # another build, or a trial: the old choice is gone
        st.session_state["event_figures"] = next(iter(labels))
    chosen = st.selectbox("Event", list(labels), format_func=lambda e: labels[e], key="event_figures")
    rn = int(counted.loc[counted["event_id"] == chosen, "rn"].iloc[0])
    found, total, in_articles = query_events.figures(folder, rn, MAX_FIGURE_ROWS)
    titles = query_articles.titles(folder, list(found["article_id"]))
    unique = found.drop_duplicates("metric_id")
    behind = catalog.event_figures(";".join(found["metric_id"]), unique, titles)
    st.caption(
        f"The {fmt.counted(total, 'figure', 'figures')} its counts were read from, in "
        f"{fmt.counted(in_articles, 'article', 'articles')}; follow a row's link to read it in context."
        + (f" The first {len(behind):,} are listed." if total > len(behind) else "")
    )
    st.dataframe(
        behind[["Figure", "Unit", "Sentence", "Article", "open"]],
        hide_index=True,
        width="stretch",
        placeholder=fmt.MISSING,
        column_config={
            "Sentence": st.column_config.TextColumn(width="large"),
            "open": st.column_config.LinkColumn("In context", display_text="open"),
        },
    )


def _charts(folder, events: pd.DataFrame, table: pd.DataFrame) -> None:
    """Participants, countries represented and the timeline, each with its table and the sentences behind it."""
    attended = events.dropna(subset=["attendees"])
    represented = events.dropna(subset=["countries_represented"])
    # The three charts' sources in one query (each reads the sentences of the events' figures), asked when a Sources
    # view (or a zip download) first needs them: a run that shows the charts alone reads no sentence.
    drawn = {"attended": list(attended["rn"]), "represented": list(represented["rn"]), "all": list(events["rn"])}
    asked: dict[str, pd.DataFrame] = {}

    def cited(chart: str) -> pd.DataFrame:
        if not asked:
            asked.update(query_events.sources(folder, drawn))
        return asked[chart]

    ui.chart(
        charts.attendance_chart(events),
        "Participants per event (blue) beside those from overseas (orange, labelled with their share); the table below "
        "lists every event.",
        table.loc[attended.index, ["name", "attendees", "overseas", "overseas_share"]],
        key="events_attendance",
        title="Participants per event",
        shares=("overseas_share",),
        cited=lambda: cited("attended"),
    )
    ui.chart(
        charts.countries_chart(events),
        "How many countries and regions each event says were represented.",
        table.loc[represented.index, ["name", "countries_represented"]],
        key="events_countries",
        title="Countries and regions represented",
        cited=lambda: cited("represented"),
    )
    ui.chart(
        charts.events_timeline(events),
        "Events on a date axis; dot size shows participants.",
        events.sort_values("date")[["date", "name", "city", "attendees"]],
        key="events_timeline",
        title="Events over time",
        cited=lambda: cited("all"),
    )


def _all_events(folder, events: pd.DataFrame, table: pd.DataFrame) -> None:
    """Every event in a table: its fields, where articles disagree, its sentence and the articles reporting it."""
    st.subheader("All events")
    # Titles only of the articles shown: an event merged from thousands of reports names the first few, and counts
    # the rest, in its articles and in where they disagree.
    ids = {a for first in events["first_articles"] for a in first}
    ids |= {a for r in events["reported"] for a in fmt.reported_articles(r, REPORTED_SHOWN)}
    titles = query_articles.titles(folder, sorted(ids))
    shown = events.assign(
        articles=[
            "; ".join(titles.get(a, a) for a in first) + (f"; and {n - len(first):,} more" if n > len(first) else "")
            for first, n in zip(events["first_articles"], events["n_articles"], strict=True)
        ],
        overseas_share=table["overseas_share"],
        # As text in the frame, not a Styler format: the grid is sent every raw value beside its display value, and
        # one event's raw cell held 124 KB at 40,000 articles.
        reported=[fmt.reported_text(r, titles, most=REPORTED_SHOWN) for r in events["reported"]],
    )[
        [
            "date",
            "end_date",
            "name",
            "edition",
            "city",
            "attendees",
            "overseas",
            "overseas_share",
            "countries_represented",
            "format",
            "reported",
            "sentence",
            "articles",
        ]
    ]
    # Labels only: a column_config format would override the Styler's display values ("–" for a missing value).
    labels = {c: st.column_config.Column(fmt.header(c)) for c in shown.columns}
    labels.update(
        # where the articles disagree: every value each reported, with its article (the row shows the most reported)
        reported=st.column_config.Column("Articles disagree on", width="medium"),
        sentence=st.column_config.Column("Sentence", width="large"),
        overseas_share=st.column_config.Column(
            "Overseas share", help="Participants from overseas, of all participants"
        ),
    )
    st.dataframe(
        fmt.styled(
            shown,
            shares=("overseas_share",),
            text={"edition": lambda e: fmt.cell(e).replace(",", "")},
        ),
        hide_index=True,
        width="stretch",
        placeholder=fmt.MISSING,  # a missing value reads "–", not "None"
        column_config=labels,
    )


def main() -> None:
    """The page. Its frames are locals: a widget's format_func keeps the module's globals alive per session."""
    folder = data.dirs().data
    st.title("Events")

    total = data.counts(folder).rows["events"]
    if not total:
        st.info("No events found yet. Conferences, seminars, forums and ceremonies named in the articles appear here.")
        return
    f = filters.read_query(st.query_params.get_all)
    events = query_events.events(folder, f, EVENT_TEXT)
    ui.filter_notes(f, "events", len(events), total, folder)
    if events.empty:
        st.info("No event passes these filters.")
        return

    cols = st.columns(3)
    cols[0].metric("Events", f"{len(events):,}", border=True)
    # No total: events overlap (a conference and its own parallel sessions), so adding their participants counts people twice.
    cols[1].metric(
        "Largest attendance stated",
        human_number(events["attendees"].max()),
        help="Participants are not added up across events: a conference and its own sessions would count people twice.",
        border=True,
    )
    cols[2].metric("Most countries at one event", human_number(events["countries_represented"].max()), border=True)

    table = events.assign(overseas_share=(events["overseas"] / events["attendees"]).round(3))[
        [
            "date",
            "name",
            "city",
            "country_iso3",
            "attendees",
            "overseas",
            "overseas_share",
            "countries_represented",
            "format",
        ]
    ]
    _charts(folder, events, table)
    _event_figures(folder, events)
    _all_events(folder, events, table)


main()
