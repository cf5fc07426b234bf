"""Figures: filter every figure by article, category, place and text; log-scale chart, table with sentences, CSV.

Everything it shows is asked of DuckDB over the Parquet tables (`dashboard.query`): no table is held in pandas."""

from __future__ import annotations

from typing import cast

import streamlit as st

from dashboard import charts, data, exports, filters, fmt, query, trends, ui

ui.through_router()

MAX_TABLE_ROWS = 1_000  # a browser grid past this is slow to send and nobody reads it: the CSV has every row
# Articles the article filter lists. Streamlit keeps a list's options and labels in every session that shows it: at
# 40,000 articles the filter was 2.6 MB of the page and held megabytes per session. Another article is chosen by a
# link (?article=, as the Sources page gives it) and is then listed too.
MAX_ARTICLE_OPTIONS = 1_000


def _from_widgets() -> filters.Filters:
    s = st.session_state
    return filters.Filters(
        articles=tuple(s["f_article"]),
        categories=tuple(s["f_category"]),
        places=tuple(s["f_place"]),
        text=s["f_q"].strip(),
        since=s["f_from"].isoformat() if s.get("f_from") else "",
        until=s["f_to"].isoformat() if s.get("f_to") else "",
        flagged=bool(s.get("f_flagged")),
    )


def _changed() -> None:
    ui.set_filters(_from_widgets())
    st.session_state["_fig_applied"] = filters.read_query(st.query_params.get_all)


def _over_time(sel: query.Selection) -> None:
    """One measure across publication dates, every reported value a point with its sentence: worked out only while
    its section is open (opening it reruns the page), so a search answers without it."""
    box = st.expander("The same measure over time", key="f_trend_open", on_change="rerun", icon=":material/timeline:")
    if not box.open:
        return
    with box:
        found = sel.measures()
        if found.empty:
            st.caption(
                "No figure among these is reported on two publication dates with the same unit and subject; articles "
                "without a publication date cannot be placed in time."
            )
            return
        labels = dict(zip(found["key"], found["label"], strict=True))
        if st.session_state.get("f_trend") not in labels:  # other filters, another build: the old choice is gone
            st.session_state["f_trend"] = found["key"].iloc[0]
        key = st.selectbox("Measure", list(labels), format_func=lambda k: labels[k], key="f_trend")
        rows = sel.series(key)
        ui.chart(
            trends.trend_chart(rows, dict(zip(rows["article_id"], rows["article"], strict=True)), "Reported over time"),
            f"{fmt.counted(len(rows), 'reported value', 'reported values')} on "
            f"{fmt.counted(rows['published'].nunique(), 'publication date', 'publication dates')}: a point for each, "
            "the step line through each day's latest report; where articles disagree, each value is its own point.",
            rows[["published", "value", "unit", "subject", "qualifier", "article_id", "metric_id"]],
            key="figures_trend",
            title="Reported over time",
            sources=rows.assign(label=rows["figure"] + " " + rows["unit"])[["label", "article_id", "sentence"]],
        )


def options_named(options: dict[str, list[str]]) -> dict[str, list[str]]:
    return {"articles": options["f_article"], "categories": options["f_category"], "places": options["f_place"]}


def _show(sel: query.Selection, current: filters.Filters, total: int, categories: list[str]):
    """Count, chart, measures over time and table of the figures in ``sel``."""
    found = sel.summary()
    st.caption(
        f"{found.rows:,} of {total:,} figures"
        + (" match the filters. The link in the address bar reopens this view." if current.active else ".")
        + (" A date filter leaves out the articles that state no publication date." if current.dated else "")
    )

    if not found.rows:
        st.warning("No figure matches these filters. Remove one of them, or search for a shorter word.")
        if st.button("Clear all filters"):
            st.session_state["_fig_applied"] = None
            ui.set_filters(filters.Filters())
            st.rerun()
        st.stop()

    shown = sel.rows(MAX_TABLE_ROWS)  # the rows on screen, with their sentences
    if found.positive > charts.MAX_DOTS:  # counted per category and power of ten, by the query
        # cast: there are positive figures, so their smallest and largest are not None
        figure = charts.magnitude_chart(
            sel.magnitudes(), cast(float, found.low), cast(float, found.high), categories=categories
        )
    else:
        figure = charts.figures_chart(sel.positive_rows(charts.MAX_DOTS), categories=categories)
    ui.chart(  # the chart draws them all; its Table and Sources views the first rows
        figure,
        charts.describe_counts(found.positive, found.categories, found.low, found.high),
        shown[["category", "value", "unit", "qualifier", "subject", "place", "article_id", "metric_id"]],
        key="figures_chart",
        title="Figures by category",
        sources=shown.assign(label=shown["figure"] + " " + shown["unit"])[["label", "article_id", "sentence"]],
    )

    _over_time(sel)

    if found.flagged:
        st.warning(
            f"{fmt.counted(found.flagged, 'figure looks', 'figures look')} wrong next to the others "
            "(see the *check* column): worth a second look."
        )

    columns = [
        "figure",
        "unit",
        "category",
        "subject",
        "place",
        "flag",
        "sentence",
        "article",
        "open",
        "value",
        "qualifier",
    ]
    if found.rows > MAX_TABLE_ROWS:
        st.caption(
            f"The table shows the first {MAX_TABLE_ROWS:,} of {found.rows:,} figures; narrow the filters to see the "
            "others, or download them all below."
        )
    table = shown[columns]
    st.dataframe(
        table,
        hide_index=True,
        width="stretch",
        placeholder=fmt.MISSING,  # a missing value reads "–", not "None"
        # Every header in sentence case (fmt.header): "Figure", "Unit", "Category", "Check", "Source".
        column_config={
            **{c: st.column_config.Column(fmt.header(c)) for c in columns},
            "figure": st.column_config.TextColumn(
                "Figure", help="The value with its bound: + at least, ~ about, ≤ at most"
            ),
            "flag": st.column_config.TextColumn("Check", help="Why the figure may be misread"),
            "sentence": st.column_config.TextColumn("Sentence", width="large"),
            "open": st.column_config.LinkColumn("Source", display_text="open"),
            # With thousands separators ("37,300,000,000"), not "3.73e+10"; a percent is in percent.
            "value": st.column_config.NumberColumn("Value", format="localized"),
        },
    )


def main() -> None:
    """The page. Its frames are locals: widget callbacks keep the module's globals alive per session."""
    # The page asks DuckDB for what it shows (dashboard/query.py): counts, the rows on screen, its charts' data.
    folder = data.dirs().data
    st.title("Figures")
    try:
        opts = data.figure_options(folder, MAX_ARTICLE_OPTIONS)  # once per build, shared by every session (cached)
    except query.NoParquet as exc:
        st.warning(fmt.md_literal(str(exc)))
        st.stop()

    if not opts.total:
        st.info("No figures yet: add an article on the Sources page (or check the Data page for rejected files).")
        st.stop()

    # The URL is the source of truth (a shared link, a reload, a return to this page): the widgets follow it when it
    # changes, and when Streamlit dropped their state because another page ran in between.
    url = filters.read_query(st.query_params.get_all)
    beyond = [a for a in url.articles if a not in opts.titles]
    titles = {**opts.titles, **(query.article_titles(folder, beyond) if beyond else {})}
    options = {
        "f_article": sorted(titles),
        "f_category": opts.categories,
        "f_place": opts.places,
    }
    if st.session_state.get("_fig_applied") != url or "f_from" not in st.session_state:
        st.session_state["f_article"] = [a for a in url.articles if a in options["f_article"]]
        st.session_state["f_category"] = [c for c in url.categories if c in options["f_category"]]
        st.session_state["f_place"] = [p for p in url.places if p in options["f_place"]]
        st.session_state["f_q"] = url.text
        st.session_state["f_from"] = d.date() if (d := url.day("since")) is not None else None
        st.session_state["f_to"] = d.date() if (d := url.day("until")) is not None else None
        st.session_state["f_flagged"] = url.flagged
        st.session_state["_fig_applied"] = url
    for said in filters.problems(url, **options_named(options)):
        st.warning(f"{fmt.md_literal(said)} That filter matches nothing here.")

    cols = st.columns([3, 2, 2, 2])
    cols[0].multiselect(
        "Article",
        options["f_article"],
        key="f_article",
        on_change=_changed,
        format_func=lambda a: titles.get(a, a),
        help=f"The first {len(opts.titles):,} of {opts.articles:,} articles with figures are listed (by id); any "
        "other is chosen from its page on Sources."
        if opts.articles > len(opts.titles)
        else None,
    )
    cols[1].multiselect("Category", options["f_category"], key="f_category", on_change=_changed)
    cols[2].multiselect(
        "Place",
        options["f_place"],
        key="f_place",
        on_change=_changed,
        placeholder="Choose places" if options["f_place"] else "No places attached yet",
    )
    cols[3].text_input("Search", key="f_q", on_change=_changed, placeholder="unit, subject, sentence…")
    when = st.columns([2, 2, 2, 3], vertical_alignment="bottom")
    when[0].date_input("Published from", key="f_from", on_change=_changed, format="YYYY-MM-DD")
    when[1].date_input("Published until", key="f_to", on_change=_changed, format="YYYY-MM-DD")
    when[2].toggle(
        "Flagged only", key="f_flagged", on_change=_changed, help="Only the figures that look wrong next to the others"
    )

    current = _from_widgets()
    # One selection per run: the filters (a search reads every sentence) are applied once, then each question reads
    # only the rows that pass.
    with query.selection(folder, current) as sel:
        _show(sel, current, opts.total, options["f_category"])

    name = exports.view_name(current)
    left, right, _ = st.columns([2, 3, 2])
    left.download_button(
        "Download these figures (CSV)",
        # Built on click from the shared cache: a closure over `shown` would keep a copy of the rows per session.
        data=lambda: data.figures_csv(current, folder),
        file_name=f"{name}.csv",
        mime="text/csv",
        on_click="ignore",
        icon=":material/download:",
    )
    right.download_button(
        "With schema, citation and sources (zip)",
        data=lambda: data.figures_zip(current, folder),
        file_name=f"{name}.zip",
        mime="application/zip",
        on_click="ignore",
        icon=":material/folder_zip:",
        help="The same figures with a datapackage.json: their schema, these filters, a citation line and each "
        "article they come from, with a link to the original",
    )


main()
