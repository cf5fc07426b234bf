"""Events: attendance and overseas share, countries represented, timeline, and the table."""

from __future__ import annotations

import streamlit as st

from dashboard import charts, data, ui
from dashboard.fmt import human_number

ui.through_router()

t = data.load_all()
events, articles = t["events"], t["articles"]
st.title("Events")

if events.empty:
    st.info("No events found yet. Conferences, seminars, forums and ceremonies named in the articles appear here.")
    st.stop()

cols = st.columns(3)
cols[0].metric("Events", f"{len(events):,}", border=True)
cols[1].metric("Participants stated", human_number(events["attendees"].sum(min_count=1)), border=True)
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

ui.chart(
    charts.attendance_chart(events),
    "Participants per event (blue) beside those from overseas (orange, labelled with their share); the table below "
    "lists every event.",
    table[["name", "attendees", "overseas", "overseas_share"]].dropna(subset=["attendees"]),
    key="events_attendance",
)
ui.chart(
    charts.countries_chart(events),
    "How many countries and regions each event says were represented.",
    table[["name", "countries_represented"]].dropna(subset=["countries_represented"]),
    key="events_countries",
)
ui.chart(
    charts.events_timeline(events),
    "Events on a date axis; dot size shows participants.",
    key="events_timeline",
)

st.subheader("All events")
titles = ui.article_titles(articles)
st.dataframe(
    events.assign(
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
    ],
    hide_index=True,
    width="stretch",
    column_config={
        "date": st.column_config.DateColumn("Date", format="YYYY-MM-DD"),
        "end_date": st.column_config.DateColumn("Until", format="YYYY-MM-DD"),
        "edition": st.column_config.NumberColumn("Edition", format="%d"),
        # where the articles disagree: every value each reported, with its article (the row shows the most reported)
        "reported": st.column_config.TextColumn("Articles disagree on", width="medium"),
        "overseas_share": st.column_config.NumberColumn("Overseas share", format="percent"),
        "sentence": st.column_config.TextColumn("Sentence", width="large"),
    },
)
