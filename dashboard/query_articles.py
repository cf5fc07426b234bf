"""The articles, asked of DuckDB (issue 19): the corpus's counts, titles and rows of the articles on screen, the
Sources catalogue and one article's figures and places, and the articles behind a chart with their sentences.

Every value a visitor gives (ids, search words) is a bound parameter. Search is case-insensitive with DuckDB's
``lower`` where pandas used ``casefold`` (they differ for a few letters, such as "ß"), and literal.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import cast

import pandas as pd

from dashboard import catalog, db
from dashboard.filters import Filters
from dashboard.fmt import article_titles


@dataclass(frozen=True)
class Counts:
    """How many rows each table has, and how many places the corpus names."""

    rows: dict[str, int]  # table name -> rows
    place_names: int


def counts(folder: Path) -> Counts:
    """Every table's row count (from the Parquet files' metadata: no text is read) and the distinct place names."""
    counted = " UNION ALL ".join(f"SELECT '{t}', count(*) FROM raw_{t}" for t in db.TABLES)
    rows = {t: int(n) for t, n in db.rows(folder, counted)}
    (names,) = db.rows(folder, "SELECT count(DISTINCT name) FROM raw_places")[0]
    return Counts(rows, int(names))


_META = "article_id, file, title, CAST(published AS TIMESTAMP) AS published, source, url, n_chars, sha256, encoding"


def meta(folder: Path, ids: list[str]) -> pd.DataFrame:
    """The articles table's rows for ``ids`` (``published`` as a timestamp), in the table's order."""
    return db.frame(
        folder,
        f"SELECT {_META}, n_metrics, n_places FROM raw_articles WHERE list_contains(?::VARCHAR[], article_id) ORDER BY rn",
        [list(dict.fromkeys(ids))],
    )


def titles(folder: Path, ids: list[str], width: int = 70) -> dict[str, str]:
    """article_id -> a short readable label (title, else the id) for ``ids`` (`fmt.article_titles`)."""
    found = meta(folder, ids)
    return article_titles(found["article_id"], found["title"], width)


def first_ids(folder: Path, most: int) -> list[str]:
    """The first ``most`` article ids in the table's order."""
    return [a for (a,) in db.rows(folder, "SELECT article_id FROM raw_articles ORDER BY rn LIMIT ?", [most])]


def known(folder: Path, f: Filters) -> tuple[list[str], list[str]]:
    """Which of the articles and places ``f`` names the tables know (for `filters.problems`)."""
    articles = db.rows(
        folder,
        "SELECT DISTINCT article_id FROM raw_articles WHERE list_contains(?::VARCHAR[], article_id)",
        [list(f.articles)],
    )
    places = db.rows(
        folder, "SELECT DISTINCT name FROM raw_places WHERE list_contains(?::VARCHAR[], name)", [list(f.places)]
    )
    return [a for (a,) in articles], [p for (p,) in places]


def catalogue(folder: Path, query: str, most: int) -> tuple[pd.DataFrame, int]:
    """`catalog.table`: the articles whose title, source, address or id hold every word of ``query``, newest first
    (undated last), the first ``most`` of them as the page shows them; and how many match."""
    words = query.split()
    hay = "lower(concat_ws(' ', title, source, url, article_id))"
    cond = " AND ".join(f"contains({hay}, lower(?::VARCHAR))" for _ in words) or "TRUE"
    (total,) = db.rows(folder, f"SELECT count(*) FROM raw_articles WHERE {cond}", words)[0]
    found = db.frame(
        folder,
        f"""SELECT {_META}, n_metrics, n_places FROM raw_articles WHERE {cond}
        ORDER BY published DESC NULLS LAST, title, rn LIMIT ?""",
        [*words, most],
    )
    return catalog.present(found), int(total)


def figures_of(folder: Path, article_id: str) -> pd.DataFrame:
    """Every figure of one article (with its sentence), in the table's order."""
    return db.frame(folder, "SELECT * EXCLUDE (rn) FROM raw_metrics WHERE article_id = ? ORDER BY rn", [article_id])


def places_of(folder: Path, article_id: str) -> pd.DataFrame:
    """Every place one article names, in the table's order."""
    return db.frame(folder, "SELECT * EXCLUDE (rn) FROM raw_places WHERE article_id = ? ORDER BY rn", [article_id])


def rejected(folder: Path) -> pd.DataFrame:
    """The files the last build left out, with the reason."""
    return db.frame(folder, "SELECT * EXCLUDE (rn) FROM raw_rejected ORDER BY rn")


SENTENCE_TABLES = ("metrics", "events", "learning_cities")  # where a cited row's sentence is read from


# Lists are unnested in the select list, with generate_subscripts for their order: a lateral join (``FROM t,
# unnest(...) WITH ORDINALITY``) over an event's thousands of ids ran out of DuckDB's memory at 40,000 articles.
def cite_groups(
    folder: Path, rows_sql: str, params: list, groups: list[str], most: int = 1_000
) -> dict[str, pd.DataFrame]:
    """`catalog.chart_sources` asked of DuckDB, for several charts at once: for the rows ``rows_sql`` gives (``grp``,
    the chart it cites, one of ``groups``; ``label``; ``article_ids``, several ids separated by ';'; ``ord``, their
    order; and where its sentence is: ``src``, one of SENTENCE_TABLES or '' for none, ``srn`` its row there,
    ``sentence_hash``), each article with its title, date and link and the sentence; once per chart, value, article
    and sentence; articles newest first; at most ``most`` rows a chart. The rows are chosen by the sentences' hashes:
    only the sentences of the rows kept are read."""
    order = '"Published" DESC, "Article", "Value", k'
    # One top-N per chart (a heap, not a sort of every row), over the rows worked out once.
    firsts = " UNION ALL ".join(f"(SELECT * FROM y WHERE grp = ? ORDER BY {order} LIMIT ?)" for _ in groups)
    with db.cursor(folder) as cur:
        found = cur.execute(
            f"""WITH src AS ({rows_sql}),
            ids AS (
                SELECT grp, label, ord, src, srn, sentence_hash,
                    unnest(string_split(coalesce(article_ids, ''), ';')) AS article_id,
                    generate_subscripts(string_split(coalesce(article_ids, ''), ';'), 1) AS sub
                FROM src
            ),
            x AS (
                SELECT grp, label, article_id, sentence_hash, min({{'o': ord, 's': sub}}) AS k,
                    arg_min(src, {{'o': ord, 's': sub}}) AS src, arg_min(srn, {{'o': ord, 's': sub}}) AS srn
                FROM ids WHERE article_id <> '' GROUP BY ALL
            ),
            y AS MATERIALIZED (
                SELECT x.grp, CASE WHEN a.title <> '' THEN a.title ELSE x.article_id END AS "Article",
                    coalesce(strftime(a.published, '%Y-%m-%d'), '') AS "Published", a.url AS "Original",
                    CAST(x.label AS VARCHAR) AS "Value", x.src, x.srn, x.article_id AS "Id", x.k
                FROM x JOIN raw_articles a ON a.article_id = x.article_id
            )
            SELECT * FROM ({firsts or "SELECT * FROM y WHERE FALSE"})
            ORDER BY grp, {order}""",
            [*params, *(v for g in groups for v in (g, most))],
        ).df()
        sentences: dict[tuple[str, int], str] = {}
        for table in SENTENCE_TABLES:
            wanted = [int(r) for r in found.loc[found["src"] == table, "srn"].unique()]
            if wanted:
                sql = f"SELECT rn, sentence FROM raw_{table} WHERE rn IN (SELECT unnest(?::BIGINT[]))"
                sentences.update(((table, rn), t or "") for rn, t in cur.execute(sql, [wanted]).fetchall())
    found.insert(
        cast(int, found.columns.get_loc("Id")),  # the columns are unique: one position
        "Sentence",
        [sentences.get((s, int(r)), "") if s else "" for s, r in zip(found["src"], found["srn"], strict=True)],
    )
    found["Original"] = [catalog.web_link(u) or "" for u in found["Original"]]
    found = found.drop(columns=["src", "srn", "k"])
    return {g: found[found["grp"] == g].drop(columns="grp").reset_index(drop=True) for g in groups}


def cite(folder: Path, rows_sql: str, params: list, most: int = 1_000) -> pd.DataFrame:
    """:func:`cite_groups` for one chart: ``rows_sql`` without ``grp``."""
    return cite_groups(folder, f"SELECT '' AS grp, * FROM ({rows_sql})", params, [""], most)[""]
