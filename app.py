"""Router of the dashboard: page config, navigation, the shared sidebar, and a build when the data is missing or stale."""

from __future__ import annotations

import streamlit as st

from dashboard import ui

# The icon is served from this app: a Material icon here would be fetched from a third-party host by every visitor.
st.set_page_config(page_title="Digital Education Dashboard", page_icon=str(ui.ICON), layout="wide")

navigation = st.navigation(
    [
        st.Page(ui.PAGE["overview"], title="Overview", icon=":material/dashboard:", default=True),
        st.Page(ui.PAGE["figures"], title="Figures", icon=":material/bar_chart:", url_path="figures"),
        st.Page(ui.PAGE["map"], title="Map", icon=":material/map:", url_path="map"),
        st.Page(ui.PAGE["events"], title="Events", icon=":material/event:", url_path="events"),
        st.Page(
            ui.PAGE["learning"], title="Learning cities", icon=":material/location_city:", url_path="learning_cities"
        ),
        st.Page(ui.PAGE["sources"], title="Sources", icon=":material/article:", url_path="sources"),
        st.Page(ui.PAGE["data"], title="Data", icon=":material/download:", url_path="data"),
    ]
)
dirs = ui.ensure_data()
ui.carry_filters()
ui.sidebar(dirs)
with ui.routing():
    navigation.run()
