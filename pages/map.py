"""Map: cities sized by how much the corpus says about them and coloured by role; countries shaded by mentions."""

from __future__ import annotations

import streamlit as st

from dashboard import data, fmt, maps, palette, ui

ui.through_router()

t = data.load_all()
places, metrics = t["places"], t["metrics"]
st.title("Map")

points = data.city_points()
mentions = maps.country_mentions(places)
if points.empty and not mentions:
    st.info("No places found yet. Cities and countries named in the articles appear here once they are read.")

legend = " ".join(
    f'<span style="white-space:nowrap;margin-right:1rem"><span style="display:inline-block;width:0.8rem;height:0.8rem;'
    f'border-radius:50%;background:{palette.ROLE_COLORS[role]};margin-right:0.3rem"></span>{role}</span>'
    for role in palette.ROLE_ORDER
)
st.html(
    f'<div style="font-size:0.9rem">{legend}<span style="white-space:nowrap"><span style="display:inline-block;'
    f'width:0.8rem;height:0.8rem;background:{palette.SKY_BLUE};margin-right:0.3rem"></span>country named</span></div>'
)

deck = maps.build_deck(points, mentions)
alt = (
    f"Map of {fmt.counted(len(points), 'city', 'cities')} (dot size: mentions plus figures; colour: role) and "
    f"{fmt.counted(len(mentions), 'country', 'countries')} shaded by how often they are named."
)
# A stable key and an unchanged deck keep the view where the user left it when a city is selected.
event = st.pydeck_chart(deck, key="city_map", on_select="rerun", selection_mode="single-object", height=520, alt=alt)
st.caption(alt + " Select a city to list what the articles say about it.")

selected = (event.selection.get("objects") or {}).get("cities", []) if event is not None else []
if selected:
    name = selected[0].get("name", "")
    key = name.strip().casefold()
    about = metrics[(metrics["place"].str.casefold() == key) | (metrics["subject"].str.casefold() == key)]
    st.subheader(fmt.md_literal(name))
    if about.empty:
        st.caption("No figure is attached to this city; it is named in the articles.")
    else:
        st.dataframe(about[["surface", "unit", "category", "subject", "sentence"]], hide_index=True, width="stretch")

if not points.empty:
    st.subheader("Cities")
    st.dataframe(
        points[["name", "country_iso3", "roles", "mentions", "n_figures", "lat", "lon"]],
        hide_index=True,
        width="stretch",
        column_config={"n_figures": "figures", "country_iso3": "country"},
    )
regions = places[places["kind"] == "region"]
if not regions.empty:
    st.subheader("Regions named")
    st.caption("Regions spanning several countries are not drawn as shapes; here is how often each is named.")
    st.dataframe(
        regions.groupby("name", as_index=False)["mentions"].sum().sort_values("mentions", ascending=False),
        hide_index=True,
        width="stretch",
    )
