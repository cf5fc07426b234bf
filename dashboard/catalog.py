"""What a reader follows back to the source: the articles as a catalogue to sort and search (with a link to each
original), and the figures an event's counts were read from."""

from __future__ import annotations

from urllib.parse import quote, urlsplit

import pandas as pd

COLUMNS = {  # table column -> header shown
    "title": "Title",
    "published": "Published",
    "source": "Source",
    "url": "Original",
    "n_metrics": "Figures",
    "n_places": "Places",
    "article_id": "Id",
}


def web_link(url: str) -> str | None:
    """``url`` when a page may offer it as a link (http or https with a host), else None. The ETL's contract already
    holds only such addresses; the page checks again because a link is where text would turn into an action."""
    if not isinstance(url, str) or not url:
        return None
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    return url if parts.scheme.lower() in ("http", "https") and parts.netloc else None


def matches(articles: pd.DataFrame, query: str) -> pd.Series:
    """Rows whose title, source, address or id contain every word of ``query`` (any case)."""
    found = pd.Series(True, index=articles.index)
    haystack = (
        articles["title"].fillna("")
        + " "
        + articles["source"].fillna("")
        + " "
        + articles["url"].fillna("")
        + " "
        + articles["article_id"].fillna("")
    ).str.casefold()
    for word in query.casefold().split():
        found &= haystack.str.contains(word, regex=False)
    return found


def table(articles: pd.DataFrame, query: str = "") -> pd.DataFrame:
    """The catalogue: newest first (undated last), filtered by ``query``; headers as shown on the page. (The page asks
    DuckDB for the same rows, `query_articles.catalogue`; this is its reference.)"""
    shown = articles[matches(articles, query)] if query.strip() else articles
    shown = shown.sort_values(["published", "title"], ascending=[False, True], na_position="last", kind="stable")
    return present(shown)


def present(shown: pd.DataFrame) -> pd.DataFrame:
    """Rows of the articles table, in order, as the catalogue shows them: its columns and headers, links only to web
    addresses, dates as text."""
    out = shown[list(COLUMNS)].copy()
    # Text, not dates or nulls: a grid shows a missing value as "None"; ISO dates sort the same as text.
    out["url"] = out["url"].map(lambda u: web_link(u) or "")
    out["published"] = pd.to_datetime(out["published"]).dt.strftime("%Y-%m-%d").fillna("")
    return out.rename(columns=COLUMNS).reset_index(drop=True)


def event_figures(metric_ids: str, metrics: pd.DataFrame, titles: dict[str, str]) -> pd.DataFrame:
    """The figures behind one event's counts (its ``metric_ids``), each with its sentence and article, in the order
    the event row lists them; an id no longer in ``metrics`` is left out."""
    ids = [m for m in str(metric_ids or "").split(";") if m]
    found = metrics.set_index("metric_id").reindex(ids).dropna(subset=["article_id"]).reset_index()
    return pd.DataFrame(
        {
            "Figure": found["surface"],
            "Unit": found["unit"],
            "Sentence": found["sentence"],
            "Article": found["article_id"].map(lambda a: titles.get(a, a)),
            # the Sources page with the article open and the figure selected: ids quoted, a file name may hold '&'
            "open": [
                f"sources?doc={quote(a, safe='')}&fig={quote(m, safe='')}"
                for a, m in zip(found["article_id"], found["metric_id"], strict=True)
            ],
            "article_id": found["article_id"],
        }
    )


def chart_sources(sources: pd.DataFrame, articles: pd.DataFrame, most: int = 1_000) -> pd.DataFrame:
    """The Sources view of a chart: for each value it draws (``sources``: ``label``, ``article_id`` with several ids
    separated by ';', ``sentence``), the article's title, date and link to the original, and the sentence; at most
    ``most`` rows, articles newest first."""
    rows = sources.assign(article_id=sources["article_id"].fillna("").str.split(";")).explode("article_id")
    rows = rows[rows["article_id"] != ""].drop_duplicates(["label", "article_id", "sentence"])
    meta = articles.drop_duplicates("article_id").set_index("article_id")
    rows = rows[rows["article_id"].isin(meta.index)].reset_index(drop=True)
    # Whole columns, not a lookup per row: a chart's sources are up to a thousand rows on every run of its page.
    ids = rows["article_id"]
    title, url = ids.map(meta["title"]).fillna(""), ids.map(meta["url"])
    out = pd.DataFrame(
        {
            "Article": [t or a for t, a in zip(title, ids, strict=True)],
            "Published": pd.to_datetime(ids.map(meta["published"])).dt.strftime("%Y-%m-%d").fillna(""),
            "Original": [web_link(u) or "" for u in url],
            "Value": rows["label"].astype(str),
            "Sentence": rows["sentence"].fillna(""),
            "Id": ids,
        }
    )
    out = out.sort_values(["Published", "Article", "Value"], ascending=[False, True, True], kind="stable")
    return out.head(most).reset_index(drop=True)


def event_sources(events: pd.DataFrame, metrics: pd.DataFrame) -> pd.DataFrame:
    """Where an events chart's values are said: each event's linked figures (``metric_ids``) with their sentences,
    or the event's own sentence when it links none; columns ``label``, ``article_id``, ``sentence``."""
    by_id = metrics.set_index("metric_id")
    rows: list[tuple[object, object, object]] = []
    for e in events.itertuples(index=False):
        ids = [m for m in str(getattr(e, "metric_ids", "") or "").split(";") if m in by_id.index]
        for m in ids:
            f = by_id.loc[m]
            rows.append((f"{e.name}: {f['surface']} {f['unit']}", f["article_id"], f["sentence"]))
        if not ids:
            rows.append((e.name, e.article_ids, e.sentence))
    return pd.DataFrame(rows, columns=["label", "article_id", "sentence"])
