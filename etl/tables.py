"""Turn per-article extraction results into the tidy tables of the contract.

Most rows belong to one article: its figures, places and learning cities. Those are checked against the
contract and rendered as CSV once, when the article is read (:func:`fragment`), and the cache keeps the
result; a re-run only concatenates them (:func:`assemble`). What spans articles (the articles table, the
events merged across articles, the rejected files) is built and checked whole on every run.
"""

from __future__ import annotations

import csv
import hashlib
import io
import re
from collections import defaultdict
from collections.abc import Iterable, Sequence

import pandas as pd

from etl.errors import ContractError
from etl.model import ArticleResult, Event, Fragment, PlaceMention, Rows
from etl.read import Document, Rejection
from etl.schema import TABLE_BY_NAME, check

PER_ARTICLE = ("metrics", "places", "learning_cities")  # tables whose every row belongs to one article


def article_rows(doc: Document, result: ArticleResult) -> Rows:
    """The rows ``doc`` adds to the articles table and to each PER_ARTICLE table."""
    places = _place_rows(doc.article_id, result.places)
    return {
        "articles": [
            (
                doc.article_id,
                doc.file,
                result.meta.title,
                result.meta.published or None,
                result.meta.source,
                len(doc.text),
                doc.sha256,
                doc.encoding,
                len(result.metrics),
                len(places),
            )
        ],
        "metrics": _metric_rows(doc.article_id, result),
        "places": places,
        "learning_cities": _learning_rows(doc.article_id, result),
    }


def check_rows(batch: Sequence[Rows]) -> None:
    """Check the PER_ARTICLE rows of several articles at once; raises ContractError."""
    for name in PER_ARTICLE:
        check(name, _frame(name, (row for rows in batch for row in rows[name])))


def fragment(rows: Rows, events: Sequence[Event]) -> Fragment:
    """The cacheable form of an article's rows that :func:`check_rows` accepted, and of its events."""
    return Fragment(
        rows["articles"][0],
        tuple(events),
        tuple(render(rows[name]).encode("utf-8") for name in PER_ARTICLE),
        tuple(len(rows[name]) for name in PER_ARTICLE),
    )


def assemble(
    fragments: Iterable[tuple[Document, Fragment]], rejected: list[Rejection]
) -> tuple[dict[str, bytes], dict[str, int]]:
    """The bytes and row count of every table; the same whatever mix of fresh and cached fragments."""
    ordered = sorted(fragments, key=lambda df: df[0].article_id)
    ids = [d.article_id for d, _ in ordered]
    if len(set(ids)) != len(ids):  # the ids in every PER_ARTICLE row rely on it
        raise ContractError("two articles share an id")
    small = {
        "articles": [f.article for _, f in ordered],
        "events": events_rows((d.article_id, f.events) for d, f in ordered),
        "rejected": [(r.file, r.reason) for r in sorted(rejected, key=lambda r: r.file)],
    }
    for name, rows in small.items():
        check(name, _frame(name, rows))
    payloads = {name: (_header(name) + render(rows)).encode("utf-8") for name, rows in small.items()}
    counts = {name: len(rows) for name, rows in small.items()}
    for i, name in enumerate(PER_ARTICLE):
        payloads[name] = b"".join([_header(name).encode("utf-8"), *(f.csv[i] for _, f in ordered)])
        counts[name] = sum(f.counts[i] for _, f in ordered)
    return {n: payloads[n] for n in TABLE_BY_NAME}, {n: counts[n] for n in TABLE_BY_NAME}


# --- rendering ------------------------------------------------------------------------------------------------------


def render(rows: Iterable[tuple]) -> str:
    """CSV text of ``rows``, byte for byte what pandas' ``to_csv`` writes for the checked frame.

    Both go through the csv module with minimal quoting; a float is written in its shortest round-trip
    form and None as an empty cell, which is why every number column holds Python floats (never ints).
    """
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\n").writerows(rows)
    return buf.getvalue()


def _header(name: str) -> str:
    return render([TABLE_BY_NAME[name].columns])


def _frame(name: str, rows: Iterable[tuple]) -> pd.DataFrame:
    return pd.DataFrame(list(rows), columns=TABLE_BY_NAME[name].columns)


# --- rows of one article --------------------------------------------------------------------------------------------


def _metric_rows(aid: str, result: ArticleResult) -> list[tuple]:
    return [
        (
            f"{aid}-{i:04d}",  # metric_id
            aid,
            float(m.value),
            m.unit,
            m.qualifier,
            m.bound,
            m.category,
            m.subject,
            m.place,
            m.surface,
            m.sentence,
            m.start,
            m.end,
        )
        for i, m in enumerate(sorted(result.metrics, key=lambda m: (m.start, m.end)), start=1)
    ]


def _place_rows(aid: str, places: list[PlaceMention]) -> list[tuple]:
    first: dict[str, PlaceMention] = {}
    counts: dict[str, int] = defaultdict(int)
    for p in places:
        first.setdefault(p.name, p)
        counts[p.name] += 1
    rows = [
        (aid, name, p.kind, p.country_iso3, round(float(p.lat), 4), round(float(p.lon), 4), counts[name])
        for name, p in first.items()
    ]
    rows.sort(key=lambda row: (-row[6], row[1]))  # most mentioned first, then by name
    return rows


def _learning_rows(aid: str, result: ArticleResult) -> list[tuple]:
    seen: set[tuple[str, str]] = set()
    rows = []
    for c in result.learning_cities:
        if (c.city, c.recognition) in seen:
            continue
        seen.add((c.city, c.recognition))
        lat, lon = (None, None) if c.lat is None or c.lon is None else (round(float(c.lat), 4), round(float(c.lon), 4))
        rows.append((c.city, c.country_iso3, lat, lon, c.recognition, c.kind, aid, c.sentence))
    return rows


# --- events, merged across articles ---------------------------------------------------------------------------------

_SLUG_MAX = 80


def _slug(text: str) -> str:
    """A readable id; a long one is cut and ends in a hash of the whole, so two long keys never collide."""
    slug = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "event"
    if len(slug) <= _SLUG_MAX:
        return slug
    return slug[: _SLUG_MAX - 9].rstrip("-") + "-" + hashlib.sha256(slug.encode()).hexdigest()[:8]


_MERGED_FIELDS = ("date", "city", "country_iso3", "attendees", "overseas", "countries_represented", "format")


def events_rows(told: Iterable[tuple[str, Sequence[Event]]]) -> list[tuple]:
    """One row per event from (article id, events) in article order; an event several articles report is merged.

    The first article gives the name and sentence; any field it leaves empty is
    taken from the next article that states it.
    """
    merged: dict[str, dict] = {}
    for aid, events in told:
        for e in events:
            key = e.key or _slug(e.name)
            row = merged.get(key)
            if row is None:
                merged[key] = _event_row(key, aid, e)
                continue
            if aid not in row["article_ids"]:
                row["article_ids"].append(aid)
            for f in _MERGED_FIELDS:
                value = getattr(e, f)
                if row[f] in ("", None) and value not in ("", None):
                    row[f] = value
    columns = TABLE_BY_NAME["events"].columns
    rows = []
    for key in sorted(merged):
        row = merged[key]
        row.update(date=row["date"] or None, format=row["format"] or None, article_ids=";".join(row["article_ids"]))
        for f in ("attendees", "overseas", "countries_represented"):
            row[f] = None if row[f] is None else float(row[f])
        rows.append(tuple(row[c] for c in columns))
    return rows


def events_table(told: Iterable[tuple[str, Sequence[Event]]]) -> pd.DataFrame:
    """The events table as a frame (for tests and notebooks)."""
    return _frame("events", events_rows(told))


def _event_row(key: str, article_id: str, e: Event) -> dict:
    return {
        "event_id": _slug(key),
        "name": e.name,
        "date": e.date,
        "city": e.city,
        "country_iso3": e.country_iso3,
        "attendees": e.attendees,
        "overseas": e.overseas,
        "countries_represented": e.countries_represented,
        "format": e.format,
        "article_id": article_id,
        "article_ids": [article_id],
        "sentence": e.sentence,
    }
