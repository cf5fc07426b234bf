"""Data: download each table or all of them with their data package; the schema of each table; the rejected files.

The row counts are asked of DuckDB once per build (`data.counts`); a download is built from the published CSV on
click."""

from __future__ import annotations

from collections.abc import Callable
from typing import cast

import pandas as pd
import streamlit as st

from dashboard import data, exports, fmt, query_articles, ui
from etl.schema import TABLES

ui.through_router()

SCHEMA_COLUMNS = ("column", "type", "required", "description", "allowed")


def main() -> None:
    """The page. Its frames are locals: the download callables keep the module's globals alive per session."""
    d = data.dirs()
    rows = data.counts(d.data).rows
    st.title("Data")
    st.caption(
        "Every table as CSV (UTF-8). The zip also holds datapackage.json: the schema, keys, descriptions and licence."
    )

    st.download_button(
        "Download all tables with datapackage.json (zip)",
        data=lambda: exports.package_zip(d.data),  # built on click, not on every run of the page
        file_name="digital-education-data.zip",
        mime="application/zip",
        on_click="ignore",
        type="primary",
        icon=":material/folder_zip:",
    )

    st.subheader("Tables")
    for table in TABLES:
        with st.container(border=True):
            left, right = st.columns([3, 1], vertical_alignment="center")
            left.markdown(f"**{table.name}.csv** · {fmt.counted(rows[table.name], 'row', 'rows')}")
            left.caption(table.description)
            right.download_button(
                "Download CSV",
                # cast: mypy infers no type for a lambda with a default where a Callable[[], ...] is expected
                data=cast("Callable[[], bytes]", lambda name=table.name: exports.table_bytes(d.data, name)),
                file_name=f"{table.name}.csv",
                mime="text/csv",
                on_click="ignore",
                key=f"dl_{table.name}",
                icon=":material/download:",
            )
            with st.expander(f"Schema of {table.name}"):
                st.dataframe(
                    pd.DataFrame(
                        [
                            {
                                "column": f.name,
                                "type": f.type,
                                "required": f.required,
                                "description": f.description,
                                "allowed": ", ".join(f.enum),
                            }
                            for f in table.fields
                        ]
                    ),
                    hide_index=True,
                    width="stretch",
                    placeholder=fmt.MISSING,  # a missing value reads "–", not "None"
                    column_config={
                        **{c: st.column_config.Column(fmt.header(c)) for c in SCHEMA_COLUMNS},
                        "required": st.column_config.CheckboxColumn("Required"),
                        "description": st.column_config.TextColumn("Description", width="large"),
                    },
                )
                if table.primary_key:
                    st.caption(f"Primary key: {', '.join(table.primary_key)}")

    st.subheader("Rejected files")
    rejected = query_articles.rejected(d.data) if rows["rejected"] else pd.DataFrame()
    if rejected.empty:
        st.success("Every file in the seeds folder was read.")
    else:
        st.caption("Files in the seeds folder left out of the tables, and why. The other articles were still read.")
        st.dataframe(
            rejected,
            hide_index=True,
            width="stretch",
            placeholder=fmt.MISSING,  # a missing value reads "–", not "None"
            column_config={c: st.column_config.Column(fmt.header(c)) for c in rejected.columns},
        )


main()
