"""Sources: each article with its figures and places highlighted (text always escaped), and adding an article."""

from __future__ import annotations

import pandas as pd
import streamlit as st
from filelock import Timeout

from dashboard import data, editing, fmt, highlight, ui, upload
from dashboard.fmt import figure_value
from etl.build import lock_for

ui.through_router()


def _add(d: data.Dirs, name: str, raw: bytes) -> None:
    if not editing.can_edit():
        st.error("Adding articles is not allowed in this session. Nothing was changed.")
        return
    try:
        checked = upload.check(name, raw)
        upload.check_quota(d.seeds, len(raw), st.session_state.get("_uploads", 0))
    except upload.UploadError as exc:
        st.error(f"{fmt.md_literal(exc)} Nothing was changed.")
        return
    try:
        # Save under the build lock, then release it: etl.build.run takes the same lock itself.
        with lock_for(d.data).acquire(timeout=30):
            saved = upload.save(d.seeds, checked)
    except Timeout:
        st.error("A build is running right now; try again in a minute. Nothing was changed.")
        return
    except OSError as exc:
        st.error(f"The article could not be saved ({fmt.md_literal(exc.strerror or exc)}). Nothing was changed.")
        return
    if saved.status == "duplicate":
        st.info(fmt.md_literal(saved.message))
        return
    report = ui.run_build(d, label="Reading the new article…")
    if report is None:
        return
    refused = next((r.reason for r in report.rejected if saved.path and r.file == saved.path.name), None)
    st.session_state["_upload_result"] = (
        {"level": "error", "message": f"The article was saved but not added to the tables: {fmt.md_literal(refused)}"}
        if refused
        else {
            "level": "info" if saved.status == "renamed" else "success",
            "message": fmt.md_literal(saved.message),
            "article": saved.article_id,
        }
    )
    st.session_state["_uploads"] = st.session_state.get("_uploads", 0) + 1  # a fresh, empty uploader
    if not refused:
        st.session_state["_src_applied"] = None
        st.query_params["doc"] = saved.article_id
    st.rerun()


def _locked() -> None:
    """What a visitor sees when adding articles to the shared corpus is off, or needs the editor key."""
    if editing.mode() == "off":
        st.info(
            "Adding articles is switched off on this dashboard: every visitor sees the same corpus, so only its "
            "operator changes it. To run your own copy where you can add articles, see the README (`make run`)."
        )
        return
    with st.form("editor_key"):
        typed = st.text_input("Editor key", type="password", help="Set by the operator of this dashboard")
        if st.form_submit_button("Unlock adding articles") and typed:
            if editing.unlock(typed):
                st.rerun()
            st.error("That is not the editor key. Nothing was changed.")
    st.caption("Adding articles changes what every visitor sees, so it needs the key the operator set.")


def main() -> None:
    """The page. Its frames are locals: widget callbacks keep the module's globals alive per session."""
    d = data.dirs()
    t = data.load_all(d.data)
    articles, metrics, places = t["articles"], t["metrics"], t["places"]
    st.title("Sources")

    # The outcome of an upload survives the rerun that selects the new article.
    result = st.session_state.pop("_upload_result", None)
    if result:
        getattr(st, result["level"])(result["message"])
        if result.get("article"):
            new = metrics[metrics["article_id"] == result["article"]]
            st.success(
                f"{fmt.counted(len(new), 'figure was', 'figures were')} read from the new article; it is selected below."
            )
            if not new.empty:
                st.dataframe(
                    new[["surface", "unit", "category", "subject", "sentence"]], hide_index=True, width="stretch"
                )

    if articles.empty:
        st.info("No articles yet: add the first one below.")
    else:
        ids = list(articles["article_id"])
        titles = ui.article_titles(articles)
        wanted = st.query_params.get("doc")
        if st.session_state.get("_src_applied") != wanted or st.session_state.get("src_doc") not in ids:
            st.session_state["src_doc"] = wanted if wanted in ids else ids[0]
            st.session_state["_src_applied"] = wanted

        def _picked() -> None:
            st.query_params["doc"] = st.session_state["src_doc"]
            st.session_state["_src_applied"] = st.session_state["src_doc"]
            if "fig" in st.query_params:
                del st.query_params["fig"]

        doc = st.selectbox(
            "Article", ids, key="src_doc", on_change=_picked, format_func=lambda a: f"{titles.get(a, a)} ({a})"
        )
        meta = articles[articles["article_id"] == doc].iloc[0]
        mine = metrics[metrics["article_id"] == doc]
        its_places = places[places["article_id"] == doc]

        published = meta["published"]
        # One line, not four metric cards: on a phone the cards would stack into a screenful before the text.
        st.markdown(
            f"**Published** {published.date().isoformat() if pd.notna(published) else '–'} · "
            f"**Figures** {len(mine):,} · **Places** {its_places['name'].nunique():,} · "
            f"**Characters** {int(meta['n_chars']) if pd.notna(meta['n_chars']) else 0:,}"
        )
        ui.safe_text(
            f"Title: {meta['title'] or '–'}\nSource: {meta['source'] or '–'}\nFile: {meta['file']} "
            f"({meta['encoding'] or 'unknown encoding'}, sha256 {meta['sha256'][:12]}…)",
            muted=True,
        )

        fig_id = st.query_params.get("fig")
        chosen = mine[mine["metric_id"] == fig_id] if fig_id else mine.iloc[0:0]
        if not chosen.empty:
            row = chosen.iloc[0]
            with st.container(border=True):
                st.markdown(
                    f"**Selected figure: {fmt.md_literal(figure_value(row['value'], row['bound'], row['unit'], row['category']))}**"
                )
                ui.safe_text(row["sentence"])

        text = data.article_text(d.seeds, meta["file"])
        if text is None:
            st.warning("The article file is no longer in the seeds folder; its figures are still in the tables.")
        else:
            spans = highlight.figure_spans(text, mine) + highlight.place_spans(text, its_places["name"])
            st.html(
                '<div style="font-size:0.9rem;margin-bottom:0.3rem">'
                f'<mark style="{highlight.STYLE[highlight.FIGURE]}">figure</mark> '
                f'<mark style="{highlight.STYLE[highlight.PLACE]}">place</mark> '
                "— hover a highlight for its category</div>"
            )
            st.html(highlight.to_html(text, spans))

        if not mine.empty:
            with st.expander(f"The {fmt.counted(len(mine), 'figure', 'figures')} of this article"):
                st.dataframe(
                    mine[["surface", "value", "unit", "qualifier", "category", "subject", "place", "sentence"]],
                    hide_index=True,
                    width="stretch",
                )

    st.divider()
    st.subheader("Add an article")
    if not editing.can_edit():
        _locked()
        return
    st.caption(
        "A news article as plain text (.txt or .md, up to 5 MB, any common encoding). It is checked, saved into the "
        "corpus, and read at once; a file already in the corpus is not added twice, and a name already taken gets a new one."
    )
    uploaded = st.file_uploader(
        "Article file", type=["txt", "md"], key=f"uploader_{st.session_state.get('_uploads', 0)}", max_upload_size=5
    )
    if uploaded is not None and st.button("Add to the corpus", type="primary", icon=":material/upload:"):
        _add(d, uploaded.name, uploaded.getvalue())


main()
