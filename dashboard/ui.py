"""Streamlit glue shared by the router and the pages: data build on start, sidebar, filter carrying, safe text, charts."""

from __future__ import annotations

import html
import json
import os
import re
import runpy
import subprocess
import sys
import tempfile
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, TypeAlias

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from dashboard import catalog, data, db, exports, filters, fmt, trial
from etl.paths import ROOT

ASSETS = ROOT / "dashboard" / "assets"
ICON = ASSETS / "icon.svg"  # the page icon, served by the app itself

if TYPE_CHECKING:
    from etl.build import BuildReport

FILTERS_STATE = "_ded_figure_filters"  # the Figures filters, kept across page changes
PAGE = {
    "overview": "pages/overview.py",
    "figures": "pages/figures.py",
    "map": "pages/map.py",
    "events": "pages/events.py",
    "learning": "pages/learning_cities.py",
    "sources": "pages/sources.py",
    "data": "pages/data.py",
}


def safe_text(text: str, *, muted: bool = False) -> None:
    """Show article text as text: escaped, so markup in an article is displayed, never run or rendered."""
    style = "color:#555;font-size:0.92rem;" if muted else ""
    st.html(f'<p style="margin:0 0 0.5rem 0;{style}white-space:pre-wrap">{html.escape(str(text))}</p>')


def article_budget() -> float:
    """Seconds one new article may take to read in a build the dashboard starts (DED_ARTICLE_BUDGET_S, default 60):
    past it the article is left out with that reason instead of holding the build lock for every visitor. 0 builds
    in the server's own process, with no budget."""
    return float(os.environ.get("DED_ARTICLE_BUDGET_S", "60"))


BUILD_LOCK_WAIT = 120  # seconds a build started here waits for another one to finish


def run_build(d: data.Dirs, label: str = "Building the tables from the articles…") -> BuildReport | None:
    """Run the ETL with a visible progress bar; say what went wrong instead of raising. The report when it finished.

    The build runs as a command (``python -m etl``) in a process of its own: there it may fork a worker per new
    article under a time budget (forking this threaded server is unsafe), and its memory (the gazetteer) is freed
    when it ends."""
    from etl.build import BuildReport
    from etl.read import Rejection

    bar = st.progress(0.0, text=label)
    if article_budget() <= 0:
        return _run_here(d, bar)
    command = [
        *(sys.executable, "-m", "etl", "--seeds", str(d.seeds), "--out", str(d.data), "--jobs", "1", "-q"),
        *("--progress-lines", "--report-json", "--lock-timeout", str(BUILD_LOCK_WAIT)),
        *("--article-budget", str(article_budget())),
        *(arg for folder in d.also for arg in ("--also", str(folder))),
    ]
    report = None
    with tempfile.TemporaryFile("w+", encoding="utf-8") as errors:  # a file: a full pipe would stall the child
        proc = subprocess.Popen(
            command,
            cwd=ROOT,
            env={**os.environ, "DED_CACHE_DIR": str(d.cache)},
            stdout=subprocess.PIPE,
            stderr=errors,
            text=True,
            encoding="utf-8",
        )
        assert proc.stdout is not None
        for line in proc.stdout:
            kind, _, rest = line.rstrip("\n").partition(" ")
            if kind == "progress":
                done, total, name = rest.split(" ", 2)
                shown = json.loads(name)
                bar.progress(int(done) / max(int(total), 1), text=_reading(int(done), int(total), shown))
            elif kind == "report":
                fields = json.loads(rest)
                fields["rejected"] = [Rejection(f, r) for f, r in fields["rejected"]]
                report = BuildReport(**fields)
        code = proc.wait()
        errors.seek(0)
        said = [ln for ln in errors.read().splitlines() if ln.startswith("error:")]
    bar.empty()
    if code == 4:
        st.warning(_BUSY)
        return None
    if code != 0 or report is None:  # a failed build must not take the dashboard down with it
        _failed(said[-1].removeprefix("error:").strip() if said else f"the ETL stopped with code {code}")
        return None
    _forget_old_tables(d)
    return report


def _forget_old_tables(d: data.Dirs) -> None:
    """Free the cached frames of the tables a shared build replaced (a new build has a new cache key anyway). A
    trial's build leaves the cache alone: one visitor's trial must not slow every other visitor's next page."""
    if not d.also:
        st.cache_data.clear()


_BUSY = "Another build is still running; the tables shown may be the previous ones. Reload in a moment."


def _reading(done: int, total: int, name: str) -> str:
    return f"Reading article {done} of {total}: {fmt.md_literal(name)}"  # a file name is the uploader's text


def _failed(reason: str) -> None:
    st.error(
        f"The tables could not be rebuilt ({fmt.md_literal(reason)}). "
        "Run `make data` (or `python -m etl`) in a terminal to see the details."
    )


def _run_here(d: data.Dirs, bar) -> BuildReport | None:
    """The build in this process, with no time budget (DED_ARTICLE_BUDGET_S=0): for a trusted single user."""
    from filelock import Timeout

    from etl.build import run

    def progress(done: int, total: int, name: str) -> None:
        bar.progress(done / max(total, 1), text=_reading(done, total, name))

    try:
        report = run(d.seeds, d.data, cache_dir=d.cache, progress=progress, lock_timeout=BUILD_LOCK_WAIT, also=d.also)
    except Timeout:
        bar.empty()
        st.warning(_BUSY)
        return None
    except Exception as exc:  # a failed build must not take the dashboard down with it
        bar.empty()
        _failed(f"{exc.__class__.__name__}: {exc}")
        return None
    bar.empty()
    _forget_old_tables(d)
    return report


_ROUTER = threading.local()  # Streamlit runs each session's script in its own thread


@contextmanager
def routing() -> Iterator[None]:
    """Mark the page run inside this block as started by the router (see `through_router`)."""
    _ROUTER.active = True
    try:
        yield
    except db.NoParquet as exc:  # tables built before the ETL wrote Parquet (and no article to rebuild them from)
        st.warning(fmt.md_literal(str(exc)))
    finally:
        _ROUTER.active = False


def through_router() -> None:
    """Run app.py instead when Streamlit ran this page file on its own; called first by every page.

    With a `pages/` folder beside app.py, the first script run of a fresh server process uses Streamlit's
    legacy multipage mode, which executes the requested page file directly: no router, no shared sidebar, no
    build of stale data. Once app.py has called `st.navigation`, Streamlit stops doing that for the process.
    """
    if getattr(_ROUTER, "active", False):
        return
    runpy.run_path(str(ROOT / "app.py"), run_name="__main__")
    st.stop()


def ensure_data() -> data.Dirs:
    """Build the tables when they are missing or older than the articles; explain what to do when there are none."""
    d = data.dirs()
    if not data.has_articles(*d.folders):
        if not (d.data / "articles.csv").exists():
            st.info(
                f"No articles yet. Add one on **Sources → Add an article**, or copy `.txt`/`.md` files into "
                f"`{d.seeds}` and run `make data`."
            )
        return d
    try:
        stale = data.is_stale(d)
    except OSError as exc:
        st.warning(f"Could not check whether the tables are up to date ({fmt.md_literal(exc)}).")
        return d
    if stale:
        # A build that failed for these exact articles fails again: say so once per session instead of retrying.
        attempt = f"{d.data}|{data.articles_signature(d)}"
        if st.session_state.get("_failed_build") == attempt:
            st.warning(
                "The tables are older than the articles and the last rebuild failed; showing the previous tables."
            )
            return d
        with st.spinner("The articles changed since the tables were built: rebuilding…"):
            if not run_build(d):
                st.session_state["_failed_build"] = attempt
    return d


def carry_filters() -> None:
    """Keep the Figures filters in the URL on every page: Streamlit clears query parameters on a page change."""
    current = filters.read_query(st.query_params.get_all)
    if current.active:
        st.session_state[FILTERS_STATE] = current
        return
    kept = st.session_state.get(FILTERS_STATE)
    if kept is not None and kept.active:
        for key, values in filters.to_params(kept).items():
            st.query_params[key] = values


def set_filters(f: filters.Filters) -> None:
    """Make ``f`` the filters of the session and of the URL."""
    for key in filters.KEYS:
        if key in st.query_params:
            del st.query_params[key]
    for key, values in filters.to_params(f).items():
        st.query_params[key] = values
    st.session_state[FILTERS_STATE] = f


def filter_notes(f: filters.Filters, what: str, shown: int, total: int, folder) -> None:
    """Say on the page which of the URL's filters (the ones the Figures page sets) narrow ``what`` (``shown`` of
    ``total`` rows pass them), what they name that the tables do not hold, and offer to clear them: one set of
    filters for every page."""
    if not f.active:
        return
    from dashboard import query_articles

    articles, places = query_articles.known(folder, f)
    for said in filters.problems(f, articles=articles, categories=list(f.categories), places=places):
        st.warning(f"{fmt.md_literal(said)} That filter matches nothing here.")
    active = filters.describe(f)
    not_here = " Category and flagged-only filter figures, not these." if f.categories or f.flagged else ""
    st.caption(
        f"Filtered by the address bar ({fmt.md_literal(active)}): {shown:,} of {total:,} {what}.{not_here}"
        + (" A date filter keeps what an article published in the range reports." if f.dated else "")
    )
    if st.button("Clear the filters", icon=":material/filter_alt_off:", key=f"clear_filters_{what}"):
        set_filters(filters.Filters())
        st.rerun()


def sidebar(d: data.Dirs) -> None:
    """Freshness and size of the data, on every page, and this visitor's trial when there is one."""
    try:
        rows = data.counts(d.data).rows
        size = f"{fmt.counted(rows['articles'], 'article', 'articles')} · {fmt.counted(rows['metrics'], 'figure', 'figures')}"
    except db.NoParquet:  # the page says so, and what to do
        size = "The tables need a rebuild"
    built = data.built_at(d.data)
    with st.sidebar:
        st.markdown("**Data**")
        st.caption(size)
        st.caption(f"Built {built:%Y-%m-%d %H:%M} UTC" if built else "Not built yet")
        t = trial.current()
        if t is not None:
            mine = t.files()
            st.info(
                f"**Your trial**: every page includes {fmt.counted(len(mine), 'article', 'articles')} that only "
                "you see. Other visitors see the shared corpus.",
                icon=":material/science:",
            )
            if st.button("End the trial", icon=":material/close:", key="end_trial"):
                trial.end()
                st.rerun()
        st.page_link(PAGE["sources"], label="Add an article", icon=":material/upload_file:")


CHART_DOWNLOAD_ROWS = 5_000  # past this a chart's download is built only for the page's own download button


# A chart's Sources view, or a function that works it out when the view is shown.
Cited: TypeAlias = "pd.DataFrame | Callable[[], pd.DataFrame] | None"
NO_SOURCES = ["Article", "Published", "Original", "Value", "Sentence", "Id"]


def sources_of(cited: Cited) -> pd.DataFrame:
    """The Sources frame ``cited`` is or returns (no rows when there is none)."""
    found = cited() if callable(cited) else cited
    return found if found is not None else pd.DataFrame(columns=NO_SOURCES)


def chart(
    fig: go.Figure,
    alt: str,
    table: pd.DataFrame | None = None,
    key: str | None = None,
    *,
    title: str = "",
    shares: tuple[str, ...] = (),
    sources: pd.DataFrame | None = None,
    cited: Cited = None,
) -> None:
    """A chart in three views, as Our World in Data's Grapher has them: the chart with its alt text; the table of
    exactly what it draws (``table``; ``shares`` shown as percentages) with downloads named after the chart; and its
    sources, each article with title, date, link to the original and the sentence of each value (``sources``:
    ``label``, ``article_id``, ``sentence``, a few rows; or ``cited``, already a `catalog.chart_sources` frame, as the
    database gives it for a chart of many values, or a function returning one).

    Only the view shown is worked out and sent: switching views reruns the page (Streamlit's tabs with
    ``on_change="rerun"``). At 40,000 articles the hidden Table and Sources views, a thousand rows each with their
    sentences, were a sixth of each run of the Figures page."""
    drawn, data_tab, where = st.tabs(
        ["Chart", "Table", "Sources"], key=f"{key}_view" if key else None, on_change="rerun"
    )
    folder = data.dirs().data  # read now: a download built on click runs outside this page run

    def cite() -> pd.DataFrame:
        if cited is None and sources is not None and not sources.empty:
            return catalog.chart_sources(sources, _articles_of(sources, folder))
        return sources_of(cited)

    if drawn.open is not False:
        with drawn:
            st.plotly_chart(fig, width="stretch", key=key, config={"displaylogo": False, "responsive": True})
            st.caption(alt)
    if data_tab.open:
        with data_tab:
            if table is None or table.empty:
                st.caption("Nothing is charted.")
            else:
                st.dataframe(
                    fmt.display_table(table, shares), hide_index=True, width="stretch", placeholder=fmt.MISSING
                )
                view_downloads(title or alt, key or "chart", table, cite)
    if where.open:
        with where:
            found = cite()
            if found.empty:
                st.caption("No article is behind this chart yet.")
            else:
                st.caption(
                    f"{fmt.counted(found['Id'].nunique(), 'article', 'articles')} behind this chart, each with the "
                    "sentence of every value it gives."
                )
                sources_table(found)


def _articles_of(sources: pd.DataFrame, folder: Path) -> pd.DataFrame:
    """The articles table's rows for the articles a chart's ``sources`` cite (and no others)."""
    from dashboard import query_articles

    ids = sorted({a for ids in sources["article_id"].fillna("") for a in str(ids).split(";") if a})
    return query_articles.meta(folder, ids)


def sources_table(cited: pd.DataFrame, sentences: bool = True) -> None:
    """A Sources view (a `catalog.chart_sources` frame): each article with a link to the original; ``sentences``
    False for places, which are counted, not quoted."""
    st.dataframe(
        cited.drop(columns=["Id"] if sentences else ["Id", "Sentence"]),
        hide_index=True,
        width="stretch",
        placeholder=fmt.MISSING,
        column_config={
            "Original": st.column_config.LinkColumn(display_text="open"),
            "Sentence": st.column_config.TextColumn(width="large"),
        },
    )


def view_downloads(title: str, key: str, table: pd.DataFrame, cited: Cited) -> None:
    """Download buttons for a view's table: CSV, and a zip with its sources and a datapackage.json (schema,
    citation); ``cited`` is a `catalog.chart_sources` frame, or a function that returns one when the zip is asked
    for."""
    if len(table) > CHART_DOWNLOAD_ROWS:
        st.caption("Too many rows to download here: use the page's own download.")
        return
    name = "chart-" + re.sub(r"[^a-z0-9]+", "-", key.lower()).strip("-")
    built = data.built_at(data.dirs().data)
    day = built.date().isoformat() if built else ""
    left, right, _ = st.columns([2, 3, 2])
    # Built on click: every run of a page draws its charts, and a chart's table is up to a thousand rows with their
    # sentences (30 ms a run at 40,000 articles when built ahead). Streamlit keeps the callable, with the two small
    # frames it reads, in place of the bytes it kept before.
    left.download_button(
        "Table (CSV)",
        lambda: exports.safe_frame(table).to_csv(index=False).encode("utf-8"),
        file_name=f"{name}.csv",
        mime="text/csv",
        on_click="ignore",
        icon=":material/download:",
        key=f"{key}_csv",
    )
    right.download_button(
        "With schema, citation and sources (zip)",
        lambda: exports.chart_zip(name, title, table, sources_of(cited).drop(columns=["Id"]), day),
        file_name=f"{name}.zip",
        mime="application/zip",
        on_click="ignore",
        icon=":material/folder_zip:",
        key=f"{key}_zip",
    )


def article_titles(articles: pd.DataFrame, width: int = 70) -> dict[str, str]:
    """article_id -> a short readable label (title, else the id)."""
    return fmt.article_titles(articles["article_id"], articles["title"], width)
