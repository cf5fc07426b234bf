"""Learning cities: where they are and the recognitions the articles name for them.

The rows are asked of DuckDB on each run (`dashboard.query_learning`): counted, grouped per city, and only the first
thousand cited with their sentences; the map's points once per build (`data.city_points`)."""

from __future__ import annotations

import streamlit as st

from dashboard import cities, data, filters, fmt, maps, query_learning, ui

ui.through_router()

MAX_TABLE_ROWS = 1_000


def main() -> None:
    """The page. Its frames are locals, freed with the run."""
    folder = data.dirs().data
    st.title("Learning cities")
    st.caption(
        "Cities named as learning cities: award winners, members of a learning-cities network, cases of practice."
    )

    everywhere = data.counts(folder).rows["learning_cities"]
    if not everywhere:
        st.info("No learning cities found yet. Cities the articles name as learning cities appear here.")
        return
    f = filters.read_query(st.query_params.get_all)
    learning = query_learning.chosen(f)
    shown = learning.count(folder)
    ui.filter_notes(f, "learning-city mentions", shown, everywhere, folder)
    if not shown:
        st.info("No learning city passes these filters.")
        return

    # What each city is recognised as, normalised (award winner, network member, ...): the filter narrows the table.
    kinds = learning.kinds(folder)
    chosen = st.multiselect("Recognised as", kinds, placeholder="every kind of recognition") if kinds else []
    if chosen:
        learning = learning.of_kinds(chosen)
        shown = learning.count(folder)

    points = cities.learning_points(data.city_points(folder, learning_only=True), learning.articles_per_city(folder))
    if chosen or shown < everywhere:
        points = points[points["name"].isin(learning.cities(folder))]
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
    # Asked before the map is sent, as on the Map page: elements still arriving after it slow the map's drawing.
    summary = learning.summary(folder)
    cited = learning.sources(folder, MAX_TABLE_ROWS)
    st.pydeck_chart(maps.build_deck(points, countries), key="learning_map", height=440, alt=alt)
    st.caption(alt)

    st.subheader("Cities and their recognitions")
    # Every mention with its article, link and sentence; past a thousand rows the browser grid is what the page waits
    # for, so the Data page has the whole table.
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
        if shown > MAX_TABLE_ROWS:
            st.caption(
                f"The first {MAX_TABLE_ROWS:,} of {shown:,} mentions; the Data page has the whole table "
                "(learning_cities.csv)."
            )
        ui.sources_table(cited)


main()
