"""Map: cities sized by how much the corpus says about them and coloured by role; countries shaded by mentions.

Its points are worked out by DuckDB once per build (`data.city_points`); the filters, a city's figures and the
articles behind the map are asked of it on each run (`dashboard.query_places`)."""

from __future__ import annotations

from typing import cast

import streamlit as st

from dashboard import cities, data, filters, fmt, maps, query_places, ui

ui.through_router()

CITY = "map_city"  # the chosen city: the list's key, kept in the URL as ?city=
GENERATION = "map_generation"  # part of the map's key: a new map drops a click made before the list changed
MAX_TABLE_ROWS = 1_000  # a city's figures listed with their sentences; the Figures page (?place=) has them all


def _to_url(name: str | None) -> None:
    if name:
        st.query_params["city"] = name
    elif "city" in st.query_params:
        del st.query_params["city"]


def _from_list() -> None:
    _to_url(st.session_state[CITY])
    st.session_state[GENERATION] = st.session_state.get(GENERATION, 0) + 1


def _from_map() -> None:
    event = st.session_state.get(f"city_map_{st.session_state.get(GENERATION, 0)}")
    objects = (event.selection.get("objects") or {}).get("cities", []) if event is not None else []
    name = objects[0].get("name") if objects else None
    st.session_state[CITY] = name
    _to_url(name)


def main() -> None:
    # Inside a function: the callbacks keep this module's globals alive with the session, and the tables must not
    # be among them (tests/dashboard/test_page_memory.py).
    folder = data.dirs().data
    st.title("Map")

    f = filters.read_query(st.query_params.get_all)
    points = data.city_points(folder)  # once per build
    if f.active:
        points, mentions, missing = query_places.apply_filters(folder, points, f)
    else:
        mentions, missing = data.country_mentions(folder), []
    for place, kind in missing:
        st.warning(
            f"No city or country called “{fmt.md_literal(place)}” is named in the articles: the place filter matches nothing on this map."
            if kind == "unknown"
            else f"“{fmt.md_literal(place)}” is a {fmt.md_literal(kind)}: it is not drawn as a shape (see *Regions named* below)."
        )
    if f.active:
        shown = filters.describe(f)
        st.caption(
            f"Filtered by the URL ({fmt.md_literal(shown)}): the map shows the places these filters name; dot sizes "
            "count the whole corpus."
            + (
                " Category, search and flagged-only filter figures, not places."
                if f.categories or f.text or f.flagged
                else ""
            )
        )
        if st.button("Show every place", icon=":material/filter_alt_off:"):
            ui.set_filters(filters.Filters())
            st.rerun()
    elif points.empty and not mentions:
        st.info("No places found yet. Cities and countries named in the articles appear here once they are read.")

    # The URL is the source of truth on arrival (a shared link); the callbacks keep it in step with clicks and the list.
    wanted = st.query_params.get("city")
    chosen, unknown = cities.find_city(wanted, points)
    if unknown:
        st.warning(f"No city called “{fmt.md_literal(wanted)}” is on this map. Choose one from the list below.")
    elif st.session_state.get(CITY) != chosen:
        st.session_state[CITY] = chosen

    st.html(
        maps.legend_html("mentions + figures", maps.size_legend(points), "times named", maps.country_bins(mentions))
    )

    options = cities.city_options(points)
    by_name = points.set_index("name")
    if st.session_state.get(CITY) not in by_name.index:
        st.session_state[CITY] = None  # a filter left it out: the list must not hold a value it does not offer
    st.selectbox(
        "City",
        options,
        index=None,
        key=CITY,
        on_change=_from_list,
        placeholder="Choose a city (or click one on the map)",
        format_func=lambda n: (
            f"{n} · {fmt.counted(int(cast(float, by_name.at[n, 'mentions'])), 'mention', 'mentions')}"
        ),
        help="Every city on the map, most mentioned first. The choice is kept in the address (?city=), to share.",
    )
    selected = st.session_state.get(CITY)

    # What the page shows below the map is asked for before the map is sent: while the script still sends elements
    # after it, the browser keeps re-rendering the page under a drawing map (at 40,000 articles, 3.1 s a visit against
    # 1.6 s with the queries first, in headless Chromium's software WebGL).
    about, total = query_places.figures_about(folder, selected, MAX_TABLE_ROWS) if selected else (None, 0)
    cited = query_places.map_sources(folder, list(points["name"])) if not points.empty else None
    regions = query_places.regions(folder)
    deck = maps.build_deck(points, mentions, selected=selected)
    alt = (
        f"Map of {fmt.counted(len(points), 'city', 'cities')} (dot size: mentions plus figures; colour: role) and "
        f"{fmt.counted(len(mentions), 'country', 'countries')} shaded by how often they are named."
    )
    # A stable key and an unchanged view keep the map where the user left it when a city is clicked; a city chosen from
    # the list starts a new map (its generation), so a dot clicked earlier does not stay highlighted beside it.
    st.pydeck_chart(
        deck,
        key=f"city_map_{st.session_state.get(GENERATION, 0)}",
        on_select=_from_map,
        selection_mode="single-object",
        height=520,
        alt=alt,
    )
    st.caption(
        alt + " Hover a city for a summary; click it, or choose it in the list above, to list what the articles say."
    )

    if selected and about is not None:  # about is None only when no city is chosen
        city = by_name.loc[selected]
        st.subheader(fmt.md_literal(selected))
        st.caption(fmt.md_literal(f"{city['roles']}. {city['summary']}"))
        if about.empty:
            st.caption("No figure is attached to this city; it is named in the articles.")
        else:
            if total > len(about):
                st.caption(
                    f"The first {len(about):,} of {total:,} figures about this city; the Figures page lists them all "
                    "(filter by this place)."
                )
            columns = ["surface", "unit", "category", "subject", "sentence"]
            st.dataframe(
                about[columns],
                hide_index=True,
                width="stretch",
                placeholder=fmt.MISSING,
                column_config={c: st.column_config.Column(fmt.header(c)) for c in columns},
            )

    if not points.empty and cited is not None:  # cited is None only when there are no points
        st.subheader("Cities")
        table, where = st.tabs(["Table", "Sources"])
        table.dataframe(
            points[["name", "country_iso3", "roles", "mentions", "n_figures", "lat", "lon"]],
            hide_index=True,
            width="stretch",
            placeholder=fmt.MISSING,
            column_config={
                "name": st.column_config.TextColumn("City"),
                "country_iso3": st.column_config.TextColumn("Country"),
                "roles": st.column_config.TextColumn("Roles"),
                "mentions": st.column_config.NumberColumn("Mentions", format="localized"),
                "n_figures": st.column_config.NumberColumn("Figures", format="localized"),
                "lat": st.column_config.NumberColumn("Latitude", format="%.4f"),
                "lon": st.column_config.NumberColumn("Longitude", format="%.4f"),
            },
        )
        with where:
            st.caption(
                f"{fmt.counted(cited['Id'].nunique(), 'article', 'articles')} name the cities on this map; a city's "
                "figures, with their sentences, are listed when it is chosen above."
            )
            ui.sources_table(cited, sentences=False)
        with table:
            ui.view_downloads(
                "Cities on the map",
                "map_cities",
                points[["name", "country_iso3", "roles", "mentions", "n_figures", "lat", "lon"]],
                cited,
            )
    if not regions.empty:
        st.subheader("Regions named")
        st.caption("Regions spanning several countries are not drawn as shapes; here is how often each is named.")
        st.dataframe(
            regions,
            hide_index=True,
            width="stretch",
            placeholder=fmt.MISSING,
            column_config={
                "name": st.column_config.TextColumn("Region"),
                "mentions": st.column_config.NumberColumn("Mentions", format="localized"),
            },
        )


main()
