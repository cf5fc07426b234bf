"""The events, asked of DuckDB (issue 19): the events passing the address bar's filters, the sentences behind an
events chart and the figures one event's counts were read from.

An event merged from thousands of reports lists thousands of articles and figures (``article_ids``, ``metric_ids``):
the pages get the first few ids and their number, and the figures and sentences of the rows they show, never the
whole lists. Every value a visitor gives is a bound parameter.
"""

from __future__ import annotations

from pathlib import Path
from typing import cast

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


# Where an events chart's values are said (`catalog.event_sources`): each event's linked figures (db's
# event_figures), in the order its row lists them, or the event's own sentence when it links none; ``grp`` is the
# chart, each event row once per chart that draws it (``?``: the charts' names and the events' row numbers, paired).
_EVENT_ROWS = """
    WITH charts AS (SELECT unnest(?::VARCHAR[]) AS grp, unnest(?::BIGINT[]) AS ern),
    rows AS (
        SELECT ern, label, article_id AS article_ids, [ern, pos] AS ord, 'metrics' AS src, mrn AS srn, sentence_hash
        FROM event_figures WHERE ern IN (SELECT ern FROM charts)
        UNION ALL
        SELECT rn, name, article_ids, [rn, 0], 'events', rn, hash(sentence) FROM raw_events
        WHERE rn IN (SELECT ern FROM charts) AND rn NOT IN (SELECT ern FROM event_figures)
    )
    SELECT c.grp, r.label, r.article_ids, r.ord, r.src, r.srn, r.sentence_hash FROM rows r JOIN charts c ON c.ern = r.ern"""


def sources(folder: Path, charts: dict[str, list[int]], most: int = 1_000) -> dict[str, pd.DataFrame]:
    """The Sources view of each events chart (chart name -> the row numbers of the events it draws), as
    `catalog.chart_sources` of `catalog.event_sources`, at most ``most`` rows a chart, asked in one query: the
    figures' sentences are read once for every chart."""
    names = [name for name, rns in charts.items() for _ in rns]
    rns = [int(r) for group in charts.values() for r in group]
    return query_articles.cite_groups(folder, _EVENT_ROWS, [names, rns], list(charts), most)


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
        # cast: DuckDB types fetchone() as maybe None; an aggregate without GROUP BY always returns one row.
        total, articles = cast(
            tuple[int, int],
            cur.execute(f"{links} SELECT count(*), count(DISTINCT article_id) FROM found", [int(rn)]).fetchone(),
        )
        shown = cur.execute(f"{links} SELECT * EXCLUDE (rn, pos) FROM found ORDER BY pos LIMIT ?", [int(rn), most]).df()
    return shown, int(total), int(articles)
