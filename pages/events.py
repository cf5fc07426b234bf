"""Events: attendance and overseas share, countries represented, timeline, and the table."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from dashboard import catalog, charts, data, fmt, ui
from dashboard.fmt import human_number

ui.through_router()


def _event_figures(events: pd.DataFrame, articles: pd.DataFrame) -> None:
    """Choose an event; see the figures its counts were read from, each with its sentence and a link to it."""
    st.subheader("Where each event's figures are said")
    counted = events[events["metric_ids"].fillna("") != ""] if "metric_ids" in events else events.iloc[0:0]
    if counted.empty:
        st.caption("No event states its participants, overseas guests or countries.")
        return
    titles = ui.article_titles(articles)
    years = counted["date"].map(lambda d: f" ({d:%Y})" if pd.notna(d) else "")
    labels = dict(zip(counted["event_id"], counted["name"] + years, strict=True))
    if st.session_state.get("event_figures") not in labels:  # another build, or a trial: the old choice is gone
        st.session_state["event_figures"] = next(iter(labels))
    chosen = st.selectbox("Event", list(labels), format_func=lambda e: labels[e], key="event_figures")
    row = counted[counted["event_id"] == chosen].iloc[0]
    behind = catalog.event_figures(row["metric_ids"], data.load("metrics"), titles)
    st.caption(
        f"The {fmt.counted(len(behind), 'figure', 'figures')} its counts were read from, in "
        f"{fmt.counted(behind['article_id'].nunique(), 'article', 'articles')}; follow a row's link to read it in "
        "context."
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


def main() -> None:
    """The page. Its frames are locals: a widget's format_func keeps the module's globals alive per session."""
    t = data.load_all()
    events, articles = t["events"], t["articles"]
    st.title("Events")

    if events.empty:
        st.info("No events found yet. Conferences, seminars, forums and ceremonies named in the articles appear here.")
        return
    events = ui.filtered(
        events,
        articles,
        "events",
        article_col="article_ids",
        places=("city",),
        text=("name", "city", "sentence"),
        place_names=sorted(set(t["places"]["name"])),
    )
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

    table = events.assign(
        overseas_share=(events["overseas"] / events["attendees"]).round(3),
    )[
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

    metrics = data.load("metrics")
    attended = events.dropna(subset=["attendees"])
    ui.chart(
        charts.attendance_chart(events),
        "Participants per event (blue) beside those from overseas (orange, labelled with their share); the table below "
        "lists every event.",
        table.loc[attended.index, ["name", "attendees", "overseas", "overseas_share"]],
        key="events_attendance",
        title="Participants per event",
        shares=("overseas_share",),
        sources=catalog.event_sources(attended, metrics),
    )
    represented = events.dropna(subset=["countries_represented"])
    ui.chart(
        charts.countries_chart(events),
        "How many countries and regions each event says were represented.",
        table.loc[represented.index, ["name", "countries_represented"]],
        key="events_countries",
        title="Countries and regions represented",
        sources=catalog.event_sources(represented, metrics),
    )
    ui.chart(
        charts.events_timeline(events),
        "Events on a date axis; dot size shows participants.",
        events.sort_values("date")[["date", "name", "city", "attendees"]],
        key="events_timeline",
        title="Events over time",
        sources=catalog.event_sources(events, metrics),
    )

    _event_figures(events, articles)

    st.subheader("All events")
    titles = ui.article_titles(articles)
    shown = events.assign(
        articles=events["article_ids"].map(lambda ids: "; ".join(titles.get(a, a) for a in ids.split(";") if a)),
        overseas_share=table["overseas_share"],
    )[
        [
            c
            for c in (
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
            )
            if c in events or c in ("articles", "overseas_share")
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
            text={
                "reported": lambda r: fmt.reported_text(r, titles),
                "edition": lambda e: fmt.cell(e).replace(",", ""),
            },
        ),
        hide_index=True,
        width="stretch",
        placeholder=fmt.MISSING,  # a missing value reads "–", not "None"
        column_config=labels,
    )


main()
