"""Filters of the Figures explorer: kept in the URL (shareable, survive reloads and page changes), applied to metrics."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

from dashboard.fmt import figure_value, is_percent

KEYS = ("article", "category", "place", "q")
# Columns `prepare` adds for display and search only: a download leaves them out (``flag`` stays: it is a finding).
DISPLAY_ONLY = ("figure", "article", "open", "search")
OUTLIER_RATIO = 1000  # same unit, same article, this many times apart: one of them is probably misread


@dataclass(frozen=True)
class Filters:
    articles: tuple[str, ...] = ()
    categories: tuple[str, ...] = ()
    places: tuple[str, ...] = ()
    text: str = ""

    @property
    def active(self) -> bool:
        return bool(self.articles or self.categories or self.places or self.text)


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
    return Filters(
        articles=_clean(params.get("article")),
        categories=_clean(params.get("category")),
        places=_clean(params.get("place")),
        text=text[0][:200] if text else "",
    )


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
    return out


def read_query(get_all: Callable[[str], list[str]]) -> Filters:
    """Filters from ``st.query_params.get_all`` (or anything with that shape)."""
    return from_params({k: get_all(k) for k in KEYS})


def place_options(metrics: pd.DataFrame, places: pd.DataFrame | None = None) -> list[str]:
    """Places a figure can be filtered by: its ``place``, or its ``subject`` when that names a known place."""
    known = set(places["name"]) if places is not None and "name" in places else set()
    return sorted({p for p in metrics["place"] if p} | {s for s in metrics["subject"] if s in known})


def apply(metrics: pd.DataFrame, f: Filters) -> pd.DataFrame:
    """The rows of ``metrics`` that pass every filter; free text matches unit, subject, surface, place or sentence."""
    keep = pd.Series(True, index=metrics.index)
    if f.articles:
        keep &= metrics["article_id"].isin(f.articles)
    if f.categories:
        keep &= metrics["category"].isin(f.categories)
    if f.places:
        keep &= metrics["place"].isin(f.places) | metrics["subject"].isin(f.places)
    if f.text:
        hay = metrics["search"] if "search" in metrics else search_text(metrics)
        keep &= hay.str.contains(f.text.casefold(), regex=False)
    return metrics[keep]


def search_text(metrics: pd.DataFrame) -> pd.Series:
    """What the free-text filter looks in, case-folded: unit, subject, surface, place and sentence."""
    hay = metrics["unit"] + "\n" + metrics["subject"] + "\n" + metrics["surface"] + "\n" + metrics["place"]
    return (hay + "\n" + metrics["sentence"]).str.casefold()


def prepare(metrics: pd.DataFrame, titles: Mapping[str, str]) -> pd.DataFrame:
    """The metrics table with what the Figures page shows and filters on, computed once per build.

    Adds ``flag`` (see :func:`flags`), ``figure`` (the value as written), ``article`` (its title), ``open``
    (a link to the sentence on the Sources page) and ``search`` (see :func:`search_text`).
    """
    return metrics.assign(
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
            note = f"over {OUTLIER_RATIO:,}× apart from another '{positive.at[idx, 'unit']}' figure in this article"
            out[idx] = f"{out[idx]}; {note}" if out[idx] else note
    return out.astype(str)
