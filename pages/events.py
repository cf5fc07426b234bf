"""Events: attendance and overseas share, countries represented, timeline, and the table."""

from __future__ import annotations

import streamlit as st

from dashboard import charts, data, fmt, ui
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
    fmt.display_table(
        table[["name", "attendees", "overseas", "overseas_share"]].dropna(subset=["attendees"]),
        shares=("overseas_share",),
    ),
    key="events_attendance",
)
ui.chart(
    charts.countries_chart(events),
    "How many countries and regions each event says were represented.",
    fmt.display_table(table[["name", "countries_represented"]].dropna(subset=["countries_represented"])),
    key="events_countries",
)
ui.chart(
    charts.events_timeline(events),
    "Events on a date axis; dot size shows participants.",
    key="events_timeline",
)

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
    overseas_share=st.column_config.Column("Overseas share", help="Participants from overseas, of all participants"),
)
st.dataframe(
    fmt.styled(
        shown,
        shares=("overseas_share",),
        text={"reported": lambda r: fmt.reported_text(r, titles), "edition": lambda e: fmt.cell(e).replace(",", "")},
    ),
    hide_index=True,
    width="stretch",
    placeholder=fmt.MISSING,  # a missing value reads "–", not "None"
    column_config=labels,
)
