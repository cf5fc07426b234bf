"""Overview: headline figures with their qualifiers and sentences, corpus counts, and the events over time."""

from __future__ import annotations

import streamlit as st

from dashboard import catalog, charts, data, filters, fmt, ui
from dashboard.fmt import figure_value

ui.through_router()

t = data.load_all()
metrics, articles, places, events = t["metrics"], t["articles"], t["places"], t["events"]

st.title("Digital education in the news")
st.caption("Figures, places and events read from news articles; every number links back to its sentence.")

counts = st.columns(4)
counts[0].metric("Articles", f"{len(articles):,}", border=True)
counts[1].metric("Figures", f"{len(metrics):,}", border=True)
counts[2].metric("Places", f"{places['name'].nunique():,}", border=True)
counts[3].metric("Events", f"{len(events):,}", border=True)

# The address bar's filters (set on Figures) narrow the headline figures and the events; the counts above stay the
# corpus's.
f = filters.read_query(st.query_params.get_all)
if f.active:
    metrics = filters.apply(data.figures_view()[0], f)
    published = dict(zip(articles["article_id"], articles["published"], strict=True))
    events = filters.narrow(events, f, published, articles="article_ids", places=("city",), text=("name", "city"))
    active = filters.describe(f)
    st.caption(
        f"Headline figures and events below follow the filters in the address bar ({fmt.md_literal(active)}): "
        f"{len(metrics):,} figures, {len(events):,} events."
    )
    if st.button("Clear the filters", icon=":material/filter_alt_off:", key="clear_filters_overview"):
        ui.set_filters(filters.Filters())
        st.rerun()

st.subheader("Headline figures")
headline = charts.headline_figures(metrics, articles)
if headline.empty and f.active:
    st.info("No count passes these filters.")
elif headline.empty:
    st.info("No figures yet. Add an article on the Sources page, or check the Data page for rejected files.")
else:
    st.caption(
        "For each kind of count, the value reported by the most articles (on a tie, by the most recent article): "
        "the largest is more often a misread than news. Ranks, durations and percentages are on the Figures page."
    )
    titles = ui.article_titles(articles, width=60)
    # Two cards a row: in three, a value such as "~9.99 million" is cut ("~9.99 mill…") on a tablet.
    columns = st.columns(2)
    for i, row in enumerate(headline.itertuples(index=False)):
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

st.subheader("Events over time")
if events.empty:
    st.info(
        "No event passes these filters."
        if f.active
        else "No events found yet. Conferences, seminars and ceremonies named in the articles appear here."
    )
else:
    ui.chart(
        charts.events_timeline(events),
        f"Timeline of {fmt.counted(int(events['date'].notna().sum()), 'dated event', 'dated events')} (of {len(events):,}); "
        "dot size shows participants.",
        events.sort_values("date")[["date", "name", "city", "attendees"]],
        key="overview_timeline",
        title="Events over time",
        sources=catalog.event_sources(events, metrics),
    )
