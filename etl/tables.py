"""Turn per-article extraction results into the tidy tables of the contract."""

from __future__ import annotations

import hashlib
import re
from collections import defaultdict
from collections.abc import Iterable

import pandas as pd

from etl.model import ArticleResult, Event, PlaceMention
from etl.read import Document, Rejection
from etl.schema import TABLE_BY_NAME


def _frame(name: str, rows: Iterable[dict]) -> pd.DataFrame:
    return pd.DataFrame(list(rows), columns=TABLE_BY_NAME[name].columns)


def build_tables(results: list[tuple[Document, ArticleResult]], rejected: list[Rejection]) -> dict[str, pd.DataFrame]:
    """Every table of the contract, sorted so the same inputs always give the same bytes."""
    results = sorted(results, key=lambda dr: dr[0].article_id)
    return {
        "articles": articles_table(results),
        "metrics": metrics_table(results),
        "places": places_table(results),
        "learning_cities": learning_cities_table(results),
        "events": events_table(results),
        "rejected": _frame(
            "rejected", ({"file": r.file, "reason": r.reason} for r in sorted(rejected, key=lambda r: r.file))
        ),
    }


def articles_table(results: list[tuple[Document, ArticleResult]]) -> pd.DataFrame:
    return _frame(
        "articles",
        (
            {
                "article_id": d.article_id,
                "file": d.file,
                "title": r.meta.title,
                "published": r.meta.published or None,
                "source": r.meta.source,
                "n_chars": len(d.text),
                "sha256": d.sha256,
                "encoding": d.encoding,
                "n_metrics": len(r.metrics),
                "n_places": len({p.name for p in r.places}),
            }
            for d, r in results
        ),
    )


# Rows are tuples in the contract's column order: a frame is built from tuples several times faster than from dicts.
def metrics_table(results: list[tuple[Document, ArticleResult]]) -> pd.DataFrame:
    rows = []
    for d, r in results:
        aid = d.article_id
        for i, m in enumerate(sorted(r.metrics, key=lambda m: (m.start, m.end)), start=1):
            rows.append(
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
            )
    return _frame("metrics", rows)


def places_table(results: list[tuple[Document, ArticleResult]]) -> pd.DataFrame:
    rows = []
    for d, r in results:
        first: dict[str, PlaceMention] = {}
        counts: dict[str, int] = defaultdict(int)
        for p in r.places:
            first.setdefault(p.name, p)
            counts[p.name] += 1
        for name, p in first.items():
            rows.append((d.article_id, name, p.kind, p.country_iso3, round(p.lat, 4), round(p.lon, 4), counts[name]))
    rows.sort(key=lambda row: (row[0], -row[6], row[1]))  # article, most mentioned first, name
    return _frame("places", rows)


def learning_cities_table(results: list[tuple[Document, ArticleResult]]) -> pd.DataFrame:
    seen: set[tuple[str, str, str]] = set()
    rows = []
    for d, r in results:
        for c in r.learning_cities:
            key = (c.city, c.recognition, d.article_id)
            if key in seen:
                continue
            seen.add(key)
            rows.append(
                {
                    "city": c.city,
                    "country_iso3": c.country_iso3,
                    "lat": round(c.lat, 4),
                    "lon": round(c.lon, 4),
                    "recognition": c.recognition,
                    "article_id": d.article_id,
                    "sentence": c.sentence,
                }
            )
    return _frame("learning_cities", rows)


_SLUG_MAX = 80


def _slug(text: str) -> str:
    """A readable id; a long one is cut and ends in a hash of the whole, so two long keys never collide."""
    slug = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "event"
    if len(slug) <= _SLUG_MAX:
        return slug
    return slug[: _SLUG_MAX - 9].rstrip("-") + "-" + hashlib.sha256(slug.encode()).hexdigest()[:8]


_MERGED_FIELDS = ("date", "city", "country_iso3", "attendees", "overseas", "countries_represented", "format")


def events_table(results: list[tuple[Document, ArticleResult]]) -> pd.DataFrame:
    """One row per event; an event reported by several articles is merged on its key.

    The first article (by id) gives the name and sentence; any field it leaves empty is
    taken from the next article that states it.
    """
    merged: dict[str, dict] = {}
    for d, r in results:
        for e in r.events:
            key = e.key or _slug(e.name)
            row = merged.get(key)
            if row is None:
                merged[key] = _event_row(key, d.article_id, e)
                continue
            if d.article_id not in row["article_ids"]:
                row["article_ids"].append(d.article_id)
            for f in _MERGED_FIELDS:
                value = getattr(e, f)
                if row[f] in ("", None) and value not in ("", None):
                    row[f] = value
    rows = []
    for key in sorted(merged):
        row = merged[key]
        rows.append({**row, "date": row["date"] or None, "article_ids": ";".join(row["article_ids"])})
    return _frame("events", rows)


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
        "format": e.format or None,
        "article_id": article_id,
        "article_ids": [article_id],
        "sentence": e.sentence,
    }
