"""The events, asked of DuckDB (issue 19): the events passing the address bar's filters, the sentences behind an
events chart and the figures one event's counts were read from.

An event merged from thousands of reports lists thousands of articles and figures (``article_ids``, ``metric_ids``):
the pages get the first few ids and their number, and the figures and sentences of the rows they show, never the
whole lists. Every value a visitor gives is a bound parameter.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from dashboard import db, query_articles
from dashboard.filters import Filters

ARTICLES_SHOWN = 5  # article titles named in an event's row; the rest are counted


_BRIEF = "rn, event_id, name, CAST(date AS TIMESTAMP) AS date, city, attendees, overseas, countries_represented"
_FULL = f"""{_BRIEF}, CAST(end_date AS TIMESTAMP) AS end_date, edition, country_iso3, format, article_id, reported,
    sentence, coalesce(metric_ids, '') <> '' AS linked,
    len(list_filter(string_split(article_ids, ';'), lambda x: x <> '')) AS n_articles,
    list_filter(string_split(article_ids, ';'), lambda x: x <> '')[1:{ARTICLES_SHOWN}] AS first_articles"""


def events(folder: Path, f: Filters, text: tuple[str, ...], *, full: bool = True) -> pd.DataFrame:
    """The events passing ``f`` (`filters.narrow`: articles, the host city, free text in the ``text`` columns,
    publication dates), in the table's order, with ``rn`` (the row's number). ``full``: every column the Events page
    shows, with ``linked`` (its counts name figures), ``n_articles`` and the first ``ARTICLES_SHOWN`` of its articles
    (``first_articles``) instead of every id; else what a chart of them draws."""
    cond, params = db.narrow(f, articles="article_ids", places=("city",), text=text, several=True)
    return db.frame(folder, f"SELECT {_FULL if full else _BRIEF} FROM raw_events WHERE {cond} ORDER BY rn", params)


def count(folder: Path) -> int:
    """How many events the table holds."""
    return int(db.rows(folder, "SELECT count(*) FROM raw_events")[0][0])


# Where an events chart's values are said (`catalog.event_sources`): each event's linked figures with their
# sentences, in the order its row lists them, or the event's own sentence when it links none.
_EVENT_ROWS = """
    WITH ev AS (SELECT rn AS ern, name, article_ids, sentence, metric_ids FROM raw_events
        WHERE list_contains(?::BIGINT[], rn)),
    links AS (
        SELECT * FROM (
            SELECT ern, name, unnest(string_split(coalesce(metric_ids, ''), ';')) AS metric_id,
                generate_subscripts(string_split(coalesce(metric_ids, ''), ';'), 1) AS pos
            FROM ev
        ) WHERE metric_id <> ''
    ),
    found AS (
        SELECT l.ern, l.pos, l.name || ': ' || m.surface || ' ' || m.unit AS label, m.article_id, m.sentence
        FROM links l JOIN raw_metrics m ON m.metric_id = l.metric_id
    )
    SELECT label, article_id AS article_ids, sentence, [ern, pos] AS ord FROM found
    UNION ALL
    SELECT name, article_ids, sentence, [ern, 0] FROM ev WHERE ern NOT IN (SELECT ern FROM found)"""


def sources(folder: Path, rns: list[int], most: int = 1_000) -> pd.DataFrame:
    """The Sources view of a chart of the events numbered ``rns`` (`catalog.chart_sources` of
    `catalog.event_sources`), at most ``most`` rows."""
    return query_articles.cite(folder, _EVENT_ROWS, [[int(r) for r in rns]], most)


def figures(folder: Path, rn: int, most: int) -> tuple[pd.DataFrame, int, int]:
    """The figures the counts of event ``rn`` were read from, in the order its row lists them (an id no longer in
    the metrics table left out): the first ``most`` with their sentences, how many there are and in how many
    articles."""
    links = """
        WITH links AS (
            SELECT * FROM (
                SELECT unnest(string_split(coalesce(metric_ids, ''), ';')) AS metric_id,
                    generate_subscripts(string_split(coalesce(metric_ids, ''), ';'), 1) AS pos
                FROM raw_events WHERE rn = ?
            ) WHERE metric_id <> ''
        ), found AS (
            SELECT m.*, l.pos FROM links l JOIN raw_metrics m ON m.metric_id = l.metric_id
        )"""
    with db.cursor(folder) as cur:
        total, articles = cur.execute(
            f"{links} SELECT count(*), count(DISTINCT article_id) FROM found", [int(rn)]
        ).fetchone()
        shown = cur.execute(f"{links} SELECT * EXCLUDE (rn, pos) FROM found ORDER BY pos LIMIT ?", [int(rn), most]).df()
    return shown, int(total), int(articles)
