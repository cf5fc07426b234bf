"""Article text as safe HTML: everything escaped, then extracted figures and places wrapped in <mark>."""

from __future__ import annotations

import html
import re
from collections.abc import Iterable
from dataclasses import dataclass

import pandas as pd

from dashboard import palette

FIGURE, PLACE = "figure", "place"
STYLE = {
    FIGURE: f"background:{palette.ORANGE}55;border-bottom:2px solid {palette.ORANGE};padding:0 1px;",
    PLACE: f"background:{palette.SKY_BLUE}55;border-bottom:2px solid {palette.BLUE};padding:0 1px;",
}


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    kind: str  # FIGURE or PLACE
    note: str  # shown on hover (title attribute)


def figure_spans(text: str, metrics: pd.DataFrame) -> list[Span]:
    """Spans of the figures whose offsets still point at their surface in ``text`` (stale rows are skipped)."""
    spans = []
    for start, end, surface, unit, category in metrics[["start", "end", "surface", "unit", "category"]].itertuples(
        index=False
    ):
        if pd.isna(start) or pd.isna(end):
            continue
        s, e = int(start), int(end)
        if 0 <= s < e <= len(text) and text[s:e] == surface:
            spans.append(Span(s, e, FIGURE, f"{category}: {unit}"))
    return spans


def place_spans(text: str, names: Iterable[str]) -> list[Span]:
    """Every whole-word occurrence of each place name (the places table has names, not offsets)."""
    spans = []
    for name in sorted({n for n in names if n and n.strip()}, key=len, reverse=True):
        for m in re.finditer(rf"(?<!\w){re.escape(name)}(?!\w)", text, flags=re.IGNORECASE):
            spans.append(Span(m.start(), m.end(), PLACE, f"place: {name}"))
    return spans


def to_html(text: str, spans: Iterable[Span]) -> str:
    """``text`` escaped, with non-overlapping spans in <mark>; the first span wins an overlap, figures first."""
    chosen: list[Span] = []
    taken_until = -1
    for span in sorted(spans, key=lambda s: (s.start, s.kind != FIGURE, -s.end)):
        if span.start >= taken_until:
            chosen.append(span)
            taken_until = span.end
    out = []
    pos = 0
    for span in chosen:
        out.append(html.escape(text[pos : span.start]))
        out.append(
            f'<mark class="ded-{span.kind}" style="{STYLE[span.kind]}" title="{html.escape(span.note, quote=True)}">'
            f"{html.escape(text[span.start : span.end])}</mark>"
        )
        pos = span.end
    out.append(html.escape(text[pos:]))
    body = "".join(out)
    return (
        '<div class="ded-article" style="white-space:pre-wrap;line-height:1.6;font-size:1rem;'
        "overflow-wrap:anywhere;max-height:70vh;overflow-y:auto;padding:0.5rem 0.75rem;"
        f'border:1px solid #ddd;border-radius:0.5rem">{body}</div>'
    )
