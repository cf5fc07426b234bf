"""Learning cities: where they are and the recognitions the articles name for them."""

from __future__ import annotations

import streamlit as st

from dashboard import catalog, cities, data, fmt, maps, ui

ui.through_router()

MAX_TABLE_ROWS = 1_000

t = data.load_all()
learning, articles = t["learning_cities"], t["articles"]
st.title("Learning cities")
st.caption("Cities named as learning cities: award winners, members of a learning-cities network, cases of practice.")

if learning.empty:
    st.info("No learning cities found yet. Cities the articles name as learning cities appear here.")
    st.stop()
everywhere = len(learning)
learning = ui.filtered(
    learning,
    articles,
    "learning-city mentions",
    article_col="article_id",
    places=("city",),
    text=("city", "recognition", "sentence"),
    place_names=sorted(set(t["places"]["name"])),
)
if learning.empty:
    st.info("No learning city passes these filters.")
    st.stop()

# What each city is recognised as, normalised (award winner, network member, ...): the filter narrows the table.
kinds = sorted(k for k in learning.get("kind", []).dropna().unique() if k) if "kind" in learning else []
chosen = st.multiselect("Recognised as", kinds, placeholder="every kind of recognition") if kinds else []
if chosen:
    learning = learning[learning["kind"].isin(chosen)]

points = cities.learning_points(data.city_points(learning_only=True), learning)
if chosen or len(learning) < everywhere:
    points = points[points["name"].isin(set(learning["city"]))]
# Countries shaded by how many of these learning cities lie in them.
countries = {str(k): int(v) for k, v in points[points["country_iso3"] != ""].groupby("country_iso3").size().items()}
st.html(
    maps.legend_html(
        "articles naming it a learning city",
        maps.size_legend(points),
        "learning cities in it",
        maps.country_bins(countries),
        roles=("learning city", "host city"),
    )
)
alt = (
    f"Map of {fmt.counted(len(points), 'learning city', 'learning cities')} in "
    f"{fmt.counted(len(countries), 'country', 'countries')} (dot size: articles naming it a learning city; "
    "colour: vermillion when it also hosted an event)."
)
st.pydeck_chart(maps.build_deck(points, countries), key="learning_map", height=440, alt=alt)
st.caption(alt)

summary = (
    learning.groupby(["city", "country_iso3"], as_index=False)
    .agg(
        kinds=("kind" if "kind" in learning else "recognition", lambda k: "; ".join(sorted(set(k)))),
        recognitions=("recognition", lambda r: "; ".join(sorted(set(r)))),
        articles=("article_id", "nunique"),
    )
    .sort_values(["articles", "city"], ascending=[False, True])
)
st.subheader("Cities and their recognitions")
# Every mention with its article, link and sentence; past a thousand rows the browser grid is what the page waits
# for, so the Data page has the whole table.
cited = catalog.chart_sources(
    learning.assign(label=learning["city"] + ": " + learning["recognition"])[["label", "article_id", "sentence"]],
    articles,
    most=MAX_TABLE_ROWS,
)
table, where = st.tabs(["Table", "Sources"])
with table:
    st.dataframe(
        summary,
        hide_index=True,
        width="stretch",
        placeholder=fmt.MISSING,
        column_config={
            **{c: st.column_config.Column(fmt.header(c)) for c in summary.columns},
            "country_iso3": st.column_config.TextColumn("Country"),
            "kinds": st.column_config.TextColumn("Recognised as"),
        },
    )
    ui.view_downloads("Learning cities and their recognitions", "learning_cities", summary, cited)
with where:
    if len(learning) > MAX_TABLE_ROWS:
        st.caption(
            f"The first {MAX_TABLE_ROWS:,} of {len(learning):,} mentions; the Data page has the whole table "
            "(learning_cities.csv)."
        )
    ui.sources_table(cited)
