"""Turn per-article extraction results into the tidy tables of the contract.

Most rows belong to one article: its figures, places and learning cities. Those are checked against the
contract and rendered as CSV once, when the article is read (:func:`fragment`), and the cache keeps the
result; a build only appends them to the tables' files (``etl.stream``). What spans articles (the articles table, the
events merged across articles, the rejected files) is built and checked whole on every run.
"""

from __future__ import annotations

import csv
import hashlib
import io
import re
import unicodedata
from array import array
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import replace
from typing import Any, NamedTuple

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
                result.meta.url or None,
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


class Told(NamedTuple):
    """What the tables built across articles need of one article: its row of the articles table and its events."""

    article_id: str
    file: str
    article: tuple
    events: tuple[Event, ...]


def check_articles(rows: list[tuple]) -> None:
    """Check rows of the articles table; its checks are of one row each (ids are unique by construction), so a
    large table can be checked a batch of rows at a time."""
    check("articles", _frame("articles", rows))


def checked_events(told: Iterable[tuple[str, Sequence[Event]]]) -> list[tuple]:
    """The events rows merged from (article id, events) in article order, checked whole."""
    events = events_rows(told)
    check_events(events)
    return events


def check_events(rows: list[tuple]) -> None:
    """Check the rows of the events table, whole (one row per event: a small table)."""
    check("events", _frame("events", rows))


def check_one(told: Told) -> None:
    """Check one article's share of the tables built across articles; raises ContractError when it breaks them."""
    check_articles([told.article])
    checked_events([(told.article_id, told.events)])


def rejected_table(rejected: list[Rejection]) -> tuple[bytes, int]:
    """The bytes and row count of the rejected table, one row per file left out, by file name."""
    rows = [(r.file, r.reason) for r in sorted(rejected, key=lambda r: r.file)]
    check("rejected", _frame("rejected", rows))
    return (header("rejected") + render(rows)).encode("utf-8"), len(rows)


def broken_reason(file: str, exc: ContractError) -> str:
    """One line for the rejected table: which table, columns and checks the article's rows failed."""
    return (
        f"{file}: what the ETL read from it breaks the data contract of {exc.table or 'a table'} "
        f"({'; '.join(exc.failures[:4])}); the other articles were built. This is an ETL bug: please report it "
        "with the article."
    )


# --- rendering ------------------------------------------------------------------------------------------------------


def render(rows: Iterable[tuple]) -> str:
    """CSV text of ``rows``, byte for byte what pandas' ``to_csv`` writes for the checked frame.

    Both go through the csv module with minimal quoting; a float is written in its shortest round-trip
    form and None as an empty cell, which is why every number column holds Python floats (never ints).
    """
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\n").writerows(rows)
    return buf.getvalue()


def header(name: str) -> str:
    """The CSV header line of table ``name``."""
    return render([tuple(TABLE_BY_NAME[name].columns)])


def _frame(name: str, rows: Iterable[tuple]) -> pd.DataFrame:
    return pd.DataFrame(list(rows), columns=TABLE_BY_NAME[name].columns)


# --- rows of one article --------------------------------------------------------------------------------------------


def _in_order(result: ArticleResult) -> list:
    """The article's figures in the order their metric ids number them."""
    return sorted(result.metrics, key=lambda m: (m.start, m.end))


def linked_events(aid: str, result: ArticleResult) -> tuple[Event, ...]:
    """The article's events, each with the metric ids of the figures its counts were read from."""
    ids: dict[int, str] = {}
    for i, m in enumerate(_in_order(result), start=1):
        ids.setdefault(m.start, f"{aid}-{i:04d}")  # the same numbering as _metric_rows
    return tuple(
        replace(e, figures=tuple(ids[s] for s in e.figure_starts if s in ids)) if e.figure_starts else e
        for e in result.events
    )


def _metric_rows(aid: str, result: ArticleResult) -> list[tuple]:
    return [
        (
            f"{aid}-{i:04d}",  # metric_id
            aid,
            float(m.value),
            m.unit,
            m.qualifier,
            m.bound,
            m.change or None,
            m.category,
            m.subject,
            m.place,
            m.surface,
            m.sentence,
            m.start,
            m.end,
        )
        for i, m in enumerate(_in_order(result), start=1)
    ]


def _place_rows(aid: str, places: list[PlaceMention]) -> list[tuple]:
    first: dict[str, PlaceMention] = {}
    counts: dict[str, int] = defaultdict(int)
    for p in places:
        first.setdefault(p.name, p)
        counts[p.name] += 1
    rows = [
        (aid, name, p.kind, p.country_iso3, _coordinate(p.lat), _coordinate(p.lon), counts[name])
        for name, p in first.items()
    ]
    rows.sort(key=lambda row: (-row[6], row[1]))  # most mentioned first, then by name
    return rows


def _coordinate(x: float | None) -> float | None:
    return None if x is None else round(float(x), 4)


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

_SLUG_MAX = 60
_HASH = 8
_FIRST_FIELDS = ("edition", "country_iso3", "format")  # the first article that states one
_COUNTED = ("attendees", "overseas", "countries_represented")  # the value most articles report


def event_id(key: str, city: str, article: str = "") -> str:
    """A readable part (the key's ASCII letters and digits) and a hash of the whole key and city, so that two
    events never share an id whatever their letters ("Zürich" and "Zärich" forums, Greek or Cyrillic names); and of
    its article, for an event whose name has no word of its own (one per article)."""
    whole = f"{key}\0{city}\0{article}" if article else f"{key}\0{city}"
    folded = unicodedata.normalize("NFKD", f"{key} {city}").encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", folded.lower()).strip("-")[:_SLUG_MAX].rstrip("-") or "event"
    return f"{slug}-{hashlib.sha256(whole.encode()).hexdigest()[:_HASH]}"


def events_rows(told: Iterable[tuple[str, Sequence[Event]]]) -> list[tuple]:
    """One row per event from (article id, events) in article order (see :class:`EventMerger`)."""
    merger = EventMerger()
    for aid, events in told:
        merger.add(aid, events)
    return merger.rows()


class EventMerger:
    """The events table built one article at a time, in article order, holding only what its rows will say.

    Reports of one event are merged: the same identity (name words and edition: year or ordinal) and no two host
    cities (a report without a city joins the others). The row takes the fullest name the reports give (the longest:
    "International Conference on Adult Education (ADULTED IV)") and the first article's sentence; the first and
    last day from the first report that dates it; format and country from the first that states them; attendance,
    overseas guests and countries from the value most articles report (the first article's on a tie), every value and
    its article kept in ``reported`` where they disagree.

    No article's events are kept once added: a report leaves in its event's :class:`_Reports` only what the row
    says of it (its article's id, the values it states, the ids of its figures), so what is held grows with the
    table, not with the articles' text.
    """

    def __init__(self) -> None:
        self._by_key: dict[str | tuple[str, str], list[_Reports]] = {}
        self._same: dict[str, str] = {}  # one copy of each date: every report's was unpickled as a string of its own

    def add(self, aid: str, events: Sequence[Event]) -> None:
        for e in events:
            key = e.key or e.name
            # an event whose name has no word of its own is merged with none of another article's
            clusters = self._by_key.setdefault((key, aid) if e.local else key, [])
            home = next((c for c in clusters if c.takes(e)), None)
            if home is None:
                home = _Reports(key, aid, e)
                clusters.append(home)
            home.add(aid, e, self._same)

    def rows(self) -> list[tuple]:
        """The events rows, in the order the articles tell them: by the first article that reports each (counted in
        the order its reports were grouped: events by their first report, then each event's articles), then where
        that article names it."""
        order: dict[str, int] = {}
        for clusters in self._by_key.values():
            for c in clusters:
                for aid in c.aids:
                    order.setdefault(aid, len(order))
        merged = [c for clusters in self._by_key.values() for c in clusters]
        merged.sort(key=lambda c: (min(order[a] for a in c.aids), c.position, c.key))
        columns = TABLE_BY_NAME["events"].columns
        return [tuple(row[col] for col in columns) for row in map(_Reports.row, merged)]


class _Reports:
    """What the reports of one event say, gathered as they come (see :class:`EventMerger`)."""

    __slots__ = (
        "aid",
        "aids",
        "city",
        "dated",
        "dates",
        "figures",
        "first",
        "key",
        "local",
        "name",
        "position",
        "said",
        "sentence",
    )

    def __init__(self, key: str, aid: str, e: Event) -> None:
        self.key, self.city, self.name, self.local = key, "", e.name, e.local
        self.aid, self.sentence, self.position = aid, e.sentence, e.position  # the first report's
        self.aids: dict[str, None] = {}  # each article that reports it, in order
        self.figures: dict[str, None] = {}  # the ids of the figures its counts were read from, in order
        self.dated: tuple[str, str] | None = None  # first and last day, from the first report that dates it
        self.first: list = [None] * len(_FIRST_FIELDS)  # the first value stated of each
        # each counted field's values, and the articles that say them, in report order
        self.said: list[tuple[list[str], array[float]]] = [([], array("d")) for _ in _COUNTED]
        self.dates: tuple[list[str], list[str]] = ([], [])  # every dated report's day and article

    def takes(self, e: Event) -> bool:
        """No two host cities: a report without a city joins any, one with a city an event in it or in none."""
        return not e.city or not self.city or e.city == self.city

    def add(self, aid: str, e: Event, same: dict[str, str]) -> None:
        if e.city and not self.city:
            self.city = e.city
        if len(e.name) > len(self.name):  # the fullest name, the first of the longest
            self.name = e.name
        self.aids[aid] = None
        for m in e.figures:
            self.figures[m] = None
        if e.date:
            if self.dated is None:  # two reports' days never mix
                self.dated = (e.date, e.end_date or e.date)  # one day when no last day is given
            self.dates[0].append(same.setdefault(e.date, e.date))
            self.dates[1].append(aid)
        for i, f in enumerate(_FIRST_FIELDS):
            if self.first[i] is None and (v := getattr(e, f)) not in ("", None):
                self.first[i] = v
        for (aids, values), f in zip(self.said, _COUNTED, strict=True):
            if (v := getattr(e, f)) is not None:
                aids.append(aid)
                values.append(float(v))

    def row(self) -> dict:
        row: dict[str, Any] = {
            "event_id": event_id(self.key, self.city, self.aid if self.local else ""),
            "name": self.name,
            "city": self.city,
            "article_id": self.aid,
            "article_ids": ";".join(self.aids),
            "sentence": self.sentence,
            "date": self.dated[0] if self.dated else None,
            "end_date": self.dated[1] if self.dated else None,
        }
        for f, v in zip(_FIRST_FIELDS, self.first, strict=True):
            row[f] = v
        if row["country_iso3"] is None:
            row["country_iso3"] = ""
        disputes = []
        for (aids, said), f in zip(self.said, _COUNTED, strict=True):
            values = Counter(said)
            first_at: dict[float, int] = {}
            for i, v in enumerate(said):
                first_at.setdefault(v, i)
            # the value most articles report, the first reported on a tie
            row[f] = max(values, key=lambda v: (values[v], -first_at[v])) if said else None
            if len(values) > 1:
                disputes.append(f"{f}: " + "; ".join(f"{v:g} ({aid})" for aid, v in zip(aids, said, strict=True)))
        days, aids = self.dates
        if len(set(days)) > 1:
            disputes.insert(0, "date: " + "; ".join(f"{d} ({aid})" for d, aid in zip(days, aids, strict=True)))
        row["reported"] = " | ".join(disputes) or None
        row["metric_ids"] = ";".join(self.figures) or None
        row["edition"] = int(row["edition"]) if row["edition"] else None
        return row


def events_table(told: Iterable[tuple[str, Sequence[Event]]]) -> pd.DataFrame:
    """The events table as a frame (for tests and notebooks)."""
    return _frame("events", events_rows(told))
