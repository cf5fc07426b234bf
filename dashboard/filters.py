"""The dashboard's one set of filters: kept in the URL (shareable, survive reloads and page changes), applied to the
figures on Figures and to events, learning cities and places on their pages."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import cast

import numpy as np
import pandas as pd

from dashboard.fmt import figure_value, is_percent

KEYS = ("article", "category", "place", "q", "from", "to", "flagged")
# Columns `prepare` adds for display and search only: a download leaves them out (``flag`` stays: it is a finding).
DISPLAY_ONLY = ("figure", "article", "open", "search", "published", "event", "event_city")
OUTLIER_RATIO = 1000  # same unit, same article, this many times apart: one of them is probably misread


@dataclass(frozen=True)
class Filters:
    articles: tuple[str, ...] = ()
    categories: tuple[str, ...] = ()
    places: tuple[str, ...] = ()
    text: str = ""
    since: str = ""  # publication dates, ISO ("2024-01-31"), as the URL gave them: `problems` names a bad one
    until: str = ""
    flagged: bool = False  # only the figures that look wrong next to the others

    @property
    def active(self) -> bool:
        return bool(self.articles or self.categories or self.places or self.text or self.dated or self.flagged)

    @property
    def dated(self) -> bool:
        return bool(self.since or self.until)

    def day(self, which: str) -> pd.Timestamp | None:
        """``since`` or ``until`` as a day, or None when it is empty or not a date."""
        try:
            return pd.Timestamp(dt.date.fromisoformat(getattr(self, which)))
        except ValueError:
            return None


def _clean(values: Sequence[str] | str | None) -> tuple[str, ...]:
    if values is None:
        return ()
    if isinstance(values, str):
        values = [values]
    seen: list[str] = []
    for v in values:
        v = str(v).strip()
        if v and v not in seen:
            seen.append(v)
    return tuple(seen)


def from_params(params: Mapping[str, Sequence[str] | str]) -> Filters:
    """Filters from query parameters (each key maps to its values; repeated keys give several)."""
    text = _clean(params.get("q"))
    since, until = _clean(params.get("from")), _clean(params.get("to"))
    return Filters(
        articles=_clean(params.get("article")),
        categories=_clean(params.get("category")),
        places=_clean(params.get("place")),
        text=text[0][:200] if text else "",
        since=since[0][:40] if since else "",
        until=until[0][:40] if until else "",
        flagged=bool(_clean(params.get("flagged"))) and _clean(params.get("flagged"))[0].lower() in _YES,
    )


_YES = ("1", "true", "yes", "on")


def to_params(f: Filters) -> dict[str, list[str]]:
    """Query parameters for ``f``; empty filters are left out so a clean view has a clean URL."""
    out: dict[str, list[str]] = {}
    if f.articles:
        out["article"] = list(f.articles)
    if f.categories:
        out["category"] = list(f.categories)
    if f.places:
        out["place"] = list(f.places)
    if f.text:
        out["q"] = [f.text]
    if f.since:
        out["from"] = [f.since]
    if f.until:
        out["to"] = [f.until]
    if f.flagged:
        out["flagged"] = ["1"]
    return out


def describe(f: Filters) -> str:
    """The filters as a reader reads them: ``place: Lisbon; from: 2024-01-01`` ("" when none is set)."""
    return "; ".join(f"{key}: {', '.join(values)}" for key, values in to_params(f).items())


def problems(
    f: Filters, *, articles: Sequence[str] = (), categories: Sequence[str] = (), places: Sequence[str] = ()
) -> list[str]:
    """What in ``f`` names nothing the tables hold (a link from another build, a typo), one sentence each, so a
    page can say why it shows less than expected instead of dropping the value silently."""
    said = []
    for kind, wanted, known in (("article", f.articles, articles), ("category", f.categories, categories)):
        said += [f"No {kind} is called “{v}”." for v in wanted if v not in set(known)]
    said += [f"No place called “{v}” is named in the articles." for v in f.places if v not in set(places)]
    for which, label in (("since", "from"), ("until", "to")):
        if getattr(f, which) and f.day(which) is None:
            said.append(f"“{getattr(f, which)}” is not a date (the {label} date is read as YYYY-MM-DD and ignored).")
    since, until = f.day("since"), f.day("until")
    if since is not None and until is not None and since > until:
        said.append(f"The from date {f.since} is after the to date {f.until}: no article can be in between.")
    return said


def published_between(published: pd.Series, f: Filters) -> pd.Series:
    """Which publication dates fall in the filters' range (both ends included); an undated article does not when a
    date filter is set, since nothing says it does."""
    keep = pd.Series(True, index=published.index)
    since, until = f.day("since"), f.day("until")
    if since is not None:
        keep &= published >= since
    if until is not None:
        keep &= published < until + pd.Timedelta(days=1)
    return keep & published.notna() if since is not None or until is not None else keep


def narrow(
    frame: pd.DataFrame,
    f: Filters,
    published: Mapping[str, pd.Timestamp],
    *,
    articles: str,
    places: tuple[str, ...],
    text: tuple[str, ...],
) -> pd.DataFrame:
    """The rows of a table of events, learning cities or places that pass the filters that apply to it: articles
    (``articles`` names its article column; ";" separates several), places (any of the ``places`` columns),
    free text (in any of the ``text`` columns), publication dates (any of its articles in range). Category and
    flagged are about figures: they leave these rows alone (the page says so)."""
    keep = pd.Series(True, index=frame.index)
    ids = frame[articles].fillna("").str.split(";")
    if f.articles:
        wanted = set(f.articles)
        keep &= ids.map(lambda a: bool(wanted.intersection(a)))
    if f.places:
        keep &= frame[list(places)].isin(f.places).any(axis=1)
    if f.text:
        hay = frame[list(text)].fillna("").astype(str).agg("\n".join, axis=1).str.casefold()
        keep &= hay.str.contains(f.text.casefold(), regex=False)
    if f.dated:
        days = pd.Series(published, dtype="datetime64[ns]")
        inside = set(days.index[published_between(days, f)])
        keep &= ids.map(lambda a: bool(inside.intersection(a)))
    return frame[keep]


def read_query(get_all: Callable[[str], list[str]]) -> Filters:
    """Filters from ``st.query_params.get_all`` (or anything with that shape)."""
    return from_params({k: get_all(k) for k in KEYS})


def place_options(metrics: pd.DataFrame, places: pd.DataFrame | None = None) -> list[str]:
    """Places a figure can be filtered by: its ``place``, its ``subject`` when that names a known place, or the city
    of the event it counts."""
    known = set(places["name"]) if places is not None and "name" in places else set()
    cities = {c for c in metrics["event_city"] if c} if "event_city" in metrics else set()
    return sorted({p for p in metrics["place"] if p} | {s for s in metrics["subject"] if s in known} | cities)


def apply(metrics: pd.DataFrame, f: Filters) -> pd.DataFrame:
    """The rows of ``metrics`` that pass every filter; free text matches unit, subject, surface, place or sentence."""
    keep = pd.Series(True, index=metrics.index)
    if f.articles:
        keep &= metrics["article_id"].isin(f.articles)
    if f.categories:
        keep &= metrics["category"].isin(f.categories)
    if f.places:
        there = metrics["place"].isin(f.places) | metrics["subject"].isin(f.places)
        if "event_city" in metrics:  # or a figure of an event held there
            there |= metrics["event_city"].isin(f.places)
        keep &= there
    if f.text:
        hay = metrics["search"] if "search" in metrics else search_text(metrics)
        keep &= hay.str.contains(f.text.casefold(), regex=False)
    if f.dated and "published" in metrics:
        keep &= published_between(metrics["published"], f)
    if f.flagged:
        keep &= (metrics["flag"] if "flag" in metrics else flags(metrics)) != ""
    return metrics[keep]


def search_text(metrics: pd.DataFrame) -> pd.Series:
    """What the free-text filter looks in, case-folded: unit, subject, surface, place and sentence (and the event the
    figure counts, when `prepare` linked one)."""
    hay = metrics["unit"] + "\n" + metrics["subject"] + "\n" + metrics["surface"] + "\n" + metrics["place"]
    if "event" in metrics:
        hay = hay + "\n" + metrics["event"] + "\n" + metrics["event_city"]
    return (hay + "\n" + metrics["sentence"]).str.casefold()


def _events_of(metrics: pd.DataFrame, events: pd.DataFrame | None) -> tuple[pd.Series, pd.Series]:
    """For each figure, the name and city of the event whose counts were read from it ("" when none)."""
    name = pd.Series("", index=metrics.index, dtype=object)
    city = pd.Series("", index=metrics.index, dtype=object)
    if events is None or events.empty or "metric_ids" not in events:
        return name, city
    linked = events.assign(metric_id=events["metric_ids"].fillna("").str.split(";")).explode("metric_id")
    linked = linked[linked["metric_id"] != ""].drop_duplicates("metric_id")
    by_id = linked.set_index("metric_id")
    name = metrics["metric_id"].map(by_id["name"]).fillna("").astype(str)
    city = metrics["metric_id"].map(by_id["city"]).fillna("").astype(str)
    return name, city


def prepare(
    metrics: pd.DataFrame,
    titles: Mapping[str, str],
    published: Mapping[str, pd.Timestamp] | None = None,
    events: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """The metrics table with what the Figures page shows and filters on, computed once per build.

    Adds ``flag`` (see :func:`flags`), ``figure`` (the value as written), ``article`` (its title), ``open``
    (a link to the sentence on the Sources page), ``search`` (see :func:`search_text`), ``published`` (its
    article's publication date, for the date filter) and ``event``/``event_city``: the event a figure counts
    (``events.metric_ids``), so "800 attendees" of a conference written "2024 WDEC" is found by the conference's
    name and by its city.
    """
    event, city = _events_of(metrics, events)
    metrics = metrics.assign(event=event, event_city=city)
    return metrics.assign(
        published=pd.to_datetime(metrics["article_id"].map(published or {}), errors="coerce"),
        flag=flags(metrics),
        figure=[
            figure_value(v, b, u, c)
            for v, b, u, c in zip(metrics["value"], metrics["bound"], metrics["unit"], metrics["category"], strict=True)
        ],
        article=metrics["article_id"].map(lambda a: titles.get(a, a)),
        open=metrics["article_id"].map(lambda a: f"sources?doc={a}"),
        search=search_text(metrics),
    )


def flags(metrics: pd.DataFrame) -> pd.Series:
    """A warning per figure that looks wrong next to the others ("" when none).

    A percent above 100, or a figure more than 1000 times larger or smaller than another figure with
    the same unit in the same article: one of the two was probably misread (a scale word, a year).
    """
    out = pd.Series("", index=metrics.index, dtype=object)
    if metrics.empty:
        return out.astype(str)
    pct = np.array([is_percent(u, c) for u, c in zip(metrics["unit"], metrics["category"], strict=True)], dtype=bool)
    out[pct & (metrics["value"] > 100).to_numpy()] = "percent above 100"
    positive = metrics[metrics["value"] > 0]
    if not positive.empty:
        unit_key = positive["unit"].str.strip().str.casefold()
        grouped = positive["value"].groupby([positive["article_id"], unit_key])
        lo = grouped.transform("min")
        hi = grouped.transform("max")
        far = (positive["value"] / lo > OUTLIER_RATIO) | (hi / positive["value"] > OUTLIER_RATIO)
        for idx in positive.index[far.to_numpy()]:
            unit = cast(str, positive.at[idx, "unit"])
            note = f"over {OUTLIER_RATIO:,}× apart from another '{unit}' figure in this article"
            out[idx] = f"{out[idx]}; {note}" if out[idx] else note
    return out.astype(str)
