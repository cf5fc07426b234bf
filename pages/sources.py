"""Sources: each article with its figures and places highlighted (text always escaped), and adding an article.

The catalogue, the article chosen, its figures and places are asked of DuckDB on each run
(`dashboard.query_articles`): the first rows of a search, and one article's rows, never a whole table."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

import pandas as pd
import streamlit as st
from filelock import Timeout

from dashboard import catalog, data, editing, fmt, highlight, query_articles, trash, trial, ui, upload
from dashboard.fmt import figure_value
from etl.build import lock_for

if TYPE_CHECKING:
    from etl.build import BuildReport

ui.through_router()

T = TypeVar("T")
MAX_LISTED = 1_000  # articles in the catalogue and the article list: a search or a link (?doc=) finds any other


def _refuse(exc: Exception) -> None:
    st.error(f"{fmt.md_literal(exc)} Nothing was changed.")


def _add(name: str, raw: bytes) -> None:
    """Add an upload to the shared corpus (editors only) and rebuild the shared tables."""
    if not editing.can_edit():
        st.error("Adding articles is not allowed in this session. Nothing was changed.")
        return
    shared = data.shared_dirs()
    try:
        checked = upload.check(name, raw)
        upload.check_quota(shared.seeds, len(raw), st.session_state.get("_uploads", 0))
    except upload.UploadError as exc:
        _refuse(exc)
        return
    try:
        # Save under the build lock, then release it: etl.build.run takes the same lock itself.
        with lock_for(shared.data).acquire(timeout=30):
            saved = upload.save(shared.seeds, checked)
    except Timeout:
        st.error("A build is running right now; try again in a minute. Nothing was changed.")
        return
    except OSError as exc:
        st.error(f"The article could not be saved ({fmt.md_literal(exc.strerror or exc)}). Nothing was changed.")
        return
    if saved.status == "duplicate":
        st.info(fmt.md_literal(saved.message))
        return
    report = ui.run_build(shared, label="Reading the new article…")
    if report is not None:
        _built(saved, report)


def _try(name: str, raw: bytes) -> None:
    """Add an upload to this session's trial only, and build the trial's tables (shared articles plus its own)."""
    shared = data.shared_dirs()
    try:
        checked = upload.check(name, raw)
        upload.check_visit(st.session_state.get("_uploads", 0))
        same = upload.find_duplicate(shared.seeds, raw)
        if same is not None:  # before a trial starts: a trial of nothing new would be an empty copy
            st.info(fmt.md_literal(f"This article is already in the corpus as “{same.name}”; nothing was added."))
            return
        mine = trial.start()
        trial.check_room(mine, len(raw))
        saved = upload.save(mine.articles, checked, taken=(shared.seeds,))
    except (upload.UploadError, trial.TrialError) as exc:
        _refuse(exc)
        return
    except OSError as exc:
        st.error(f"The article could not be saved ({fmt.md_literal(exc.strerror or exc)}). Nothing was changed.")
        return
    if saved.status == "duplicate":
        st.info(fmt.md_literal(saved.message))
        return
    report = ui.run_build(data.dirs(), label="Reading the article for your trial…")
    if report is None:
        return
    if saved.path is not None and any(r.file == saved.path.name for r in report.rejected):
        saved.path.unlink(missing_ok=True)  # nothing of it reached the tables: keep the trial to what it shows
    _built(saved, report, for_trial=True)


def _built(saved: upload.Saved, report: BuildReport, for_trial: bool = False) -> None:
    """Say what became of a saved upload after its build, select it, and rerun so every part of the page sees it."""
    refused = next((r.reason for r in report.rejected if saved.path and r.file == saved.path.name), None)
    where = "your trial" if for_trial else "the tables"
    st.session_state["_upload_result"] = (
        {"level": "error", "message": f"The article was not added to {where}: {fmt.md_literal(refused)}"}
        if refused
        else {
            "level": "info" if saved.status == "renamed" else "success",
            "message": fmt.md_literal(saved.message)
            + (" It is in your trial: every page shows it to you, and only to you." if for_trial else ""),
            "article": saved.article_id,
        }
    )
    st.session_state["_uploads"] = st.session_state.get("_uploads", 0) + 1  # a fresh, empty uploader
    if not refused:
        st.session_state["_src_applied"] = None
        st.query_params["doc"] = saved.article_id
    st.rerun()


def _change_corpus(change: Callable[[Path], T], verb: str) -> T | None:
    """Apply ``change`` to the shared articles folder under the build lock (editors only); None when refused or failed,
    with the reason shown."""
    if not editing.can_edit():
        st.error(f"{verb.capitalize()} articles is not allowed in this session. Nothing was changed.")
        return None
    shared = data.shared_dirs()
    try:
        with lock_for(shared.data).acquire(timeout=30):
            return change(shared.seeds)
    except Timeout:
        st.error("A build is running right now; try again in a minute. Nothing was changed.")
    except OSError as exc:
        st.error(f"The article could not be changed ({fmt.md_literal(exc.strerror or exc)}). Nothing was changed.")
    return None


def _remove(file: str) -> None:
    """Move a shared article to the trash (editors only) and rebuild."""
    gone = _change_corpus(lambda seeds: trash.remove(seeds, file), "removing")
    if gone is None:
        return
    if ui.run_build(data.shared_dirs(), label="Rebuilding without the removed article…") is not None:
        st.session_state["_upload_result"] = {
            "level": "success",
            "message": f"“{fmt.md_literal(gone.name)}” was moved to the trash; **Trash** below restores it.",
        }
        if "doc" in st.query_params:
            del st.query_params["doc"]
        st.rerun()


def _restore(item: trash.Trashed) -> None:
    """Put a trashed article back (editors only) and rebuild."""
    name = _change_corpus(lambda seeds: trash.restore(seeds, item), "restoring")
    if name is None:
        return
    if ui.run_build(data.shared_dirs(), label="Rebuilding with the restored article…") is not None:
        again = f" as “{fmt.md_literal(name)}” (its name was taken meanwhile)" if name != item.name else ""
        st.session_state["_upload_result"] = {
            "level": "success",
            "message": f"“{fmt.md_literal(item.name)}” is back in the corpus{again}.",
        }
        st.session_state["_src_applied"] = None
        st.query_params["doc"] = Path(name).stem
        st.rerun()


def _trash_panel() -> None:
    """The trash, for editors: each removed article with a button that restores it."""
    items = trash.listing(data.shared_dirs().seeds)
    if not items:
        return
    with st.expander(f"Trash ({fmt.counted(len(items), 'article', 'articles')})"):
        for i, item in enumerate(items[:50]):
            left, right = st.columns([4, 1], vertical_alignment="center")
            left.text(f"{item.name} · removed {item.removed:%Y-%m-%d %H:%M} UTC")
            if right.button("Restore", key=f"restore_{i}", icon=":material/restore_from_trash:"):
                _restore(item)
        if len(items) > 50:
            st.caption(f"The latest 50 of {len(items):,} are shown; older ones are in the trash folder of the server.")


def _locked() -> None:
    """What a visitor sees when adding articles to the shared corpus is off, or needs the editor key."""
    if editing.mode() == "off":
        st.caption(
            "Adding articles to the shared corpus is switched off on this dashboard: every visitor sees the same "
            "corpus, so only its operator changes it. You can still try an article in your own session above, or run "
            "your own copy (see the README, `make run`)."
        )
        return
    with st.form("editor_key"):
        typed = st.text_input(
            "Editor key", type="password", help="Set by the operator of this dashboard", key="editor_key_input"
        )
        if st.form_submit_button("Unlock adding articles") and typed:
            if editing.unlock(typed):
                st.rerun()
            st.error("That is not the editor key. Nothing was changed.")
    st.caption(
        "Adding articles to the shared corpus changes what every visitor sees, so it needs the key the operator set."
    )


def _figures_table(figures: pd.DataFrame, columns: list[str]) -> None:
    st.dataframe(
        figures[columns],
        hide_index=True,
        width="stretch",
        placeholder=fmt.MISSING,
        column_config={
            **{c: st.column_config.Column(fmt.header(c)) for c in columns},
            "value": st.column_config.NumberColumn("Value", format="localized"),
        },
    )


def _catalogue(folder: Path) -> None:
    """Every article in a table to sort and search (the newest first ``MAX_LISTED``); choosing a row opens it below."""
    st.subheader("Articles")
    query = st.text_input(
        "Search the articles", key="src_search", placeholder="Words of a title, source or address", max_chars=200
    )
    shown, total = query_articles.catalogue(folder, query, MAX_LISTED)
    if shown.empty:
        st.info("No article matches this search; clear it to see them all.")
        return
    picked = st.dataframe(
        shown,
        hide_index=True,
        width="stretch",
        height=min(38 + 35 * len(shown), 320),
        on_select="rerun",
        selection_mode="single-row",
        key="src_table",
        column_config={
            "Title": st.column_config.TextColumn(width="large"),
            "Original": st.column_config.LinkColumn(display_text="open", help="The article where it was published"),
            "Figures": st.column_config.NumberColumn(format="localized"),
            "Places": st.column_config.NumberColumn(format="localized"),
        },
    )
    rows = picked.selection.rows if picked is not None else []
    chosen = str(shown.iloc[rows[0]]["Id"]) if rows else None
    # Only a new choice moves the page: the table keeps its selection while the reader picks another article below.
    if chosen and st.session_state.get("_src_table_pick") != chosen:
        st.session_state["_src_table_pick"] = chosen
        st.query_params["doc"] = chosen
        if "fig" in st.query_params:
            del st.query_params["fig"]
    first = f"the newest {len(shown):,} of " if total > len(shown) else ""
    st.caption(
        f"{first}{fmt.counted(total, 'article', 'articles')} · sort by a column's header · choose a row to read it "
        "below" + (" · search to find the others" if first else "")
    )


def main() -> None:
    """The page. Its frames are locals: widget callbacks keep the module's globals alive per session."""
    d = data.dirs()
    n_articles = data.counts(d.data).rows["articles"]
    st.title("Sources")

    # The outcome of an upload survives the rerun that selects the new article.
    result = st.session_state.pop("_upload_result", None)
    if result:
        getattr(st, result["level"])(result["message"])
        if result.get("article"):
            new = query_articles.figures_of(d.data, result["article"])
            st.success(
                f"{fmt.counted(len(new), 'figure was', 'figures were')} read from the new article; it is selected below."
            )
            if not new.empty:
                _figures_table(new, ["surface", "unit", "category", "subject", "sentence"])

    if not n_articles:
        st.info("No articles yet: add the first one below.")
    else:
        _catalogue(d.data)
        wanted = st.query_params.get("doc")
        # The first articles of the table, and the one the address names (any of them: a shared link, the catalogue).
        ids = query_articles.first_ids(d.data, MAX_LISTED)
        if wanted and wanted not in ids:
            ids += list(query_articles.meta(d.data, [wanted])["article_id"])
        titles = query_articles.titles(d.data, ids)
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
        meta = query_articles.meta(d.data, [doc]).iloc[0]
        mine = query_articles.figures_of(d.data, doc)
        its_places = query_articles.places_of(d.data, doc)

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
        original = catalog.web_link(meta["url"])
        if original:  # a widget property, never Markdown: the address is the article's text
            st.link_button("Read the original", original, icon=":material/open_in_new:")

        fig_id = st.query_params.get("fig")
        chosen = mine[mine["metric_id"] == fig_id] if fig_id else mine.iloc[0:0]
        if not chosen.empty:
            row = chosen.iloc[0]
            with st.container(border=True):
                st.markdown(
                    f"**Selected figure: {fmt.md_literal(figure_value(row['value'], row['bound'], row['unit'], row['category']))}**"
                )
                ui.safe_text(row["sentence"])

        text = data.article_text(d, meta["file"])
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
                _figures_table(
                    mine, ["surface", "value", "unit", "qualifier", "category", "subject", "place", "sentence"]
                )
                # The Figures page lists only the first articles in its filter: this link chooses any of them.
                st.page_link(
                    ui.PAGE["figures"],
                    label="These figures on the Figures page",
                    icon=":material/bar_chart:",
                    query_params={"article": doc},
                )

        in_trial = any((folder / meta["file"]).is_file() for folder in d.also)
        if in_trial:
            st.caption("This article is in your trial: only you see it.")
        elif editing.can_edit() and text is not None:
            with st.popover("Remove from the corpus", icon=":material/delete:"):
                st.write("The article moves to the trash and the tables are rebuilt without it; the trash restores it.")
                if st.button("Move to the trash", type="primary", key="trash_doc"):
                    _remove(meta["file"])

    st.divider()
    st.subheader("Add an article")
    st.caption(
        "A news article as plain text (.txt or .md, up to 5 MB, any common encoding), checked and read at once. "
        "**Try it** adds it for you only: every page then includes it in this session, and other visitors see "
        "nothing of it. **Add to the corpus** changes what every visitor sees, and needs editing rights. A file "
        "already in the corpus is not added twice, and a name already taken gets a new one."
    )
    st.html(ui.ASSETS / "uploader.css")  # a refused file's reason in plain view, not only on hover
    uploaded = st.file_uploader(
        "Article file", type=["txt", "md"], key=f"uploader_{st.session_state.get('_uploads', 0)}", max_upload_size=5
    )
    editor = editing.can_edit()
    left, right, _ = st.columns([1, 1, 2])
    tried = left.button("Try it in my session", icon=":material/science:", disabled=uploaded is None)
    added = editor and right.button(
        "Add to the corpus", type="primary", icon=":material/upload:", disabled=uploaded is None
    )
    if uploaded is not None and tried:
        _try(uploaded.name, uploaded.getvalue())
    elif uploaded is not None and added:
        _add(uploaded.name, uploaded.getvalue())
    if editor:
        _trash_panel()
    else:
        _locked()


main()
