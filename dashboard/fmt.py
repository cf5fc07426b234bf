"""Human formatting of figures: scale words and the sign of the bound ("12.5 billion+", "~2,000", "≤ 5%")."""

from __future__ import annotations

import html
import math
import re

import pandas as pd

_SCALES = ((1e12, "trillion"), (1e9, "billion"), (1e6, "million"))
BOUND_PREFIX = {"approx": "~", "at_most": "≤ "}
BOUND_SUFFIX = {"at_least": "+"}
BOUND_WORDS = {"exact": "exactly", "at_least": "at least", "approx": "about", "at_most": "at most"}


def _trim(number: float, decimals: int) -> str:
    text = f"{number:,.{decimals}f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


def human_number(value: float | None) -> str:
    """``12500000000`` -> ``12.5 billion``; ``12500`` -> ``12,500``; ``0.25`` -> ``0.25``; missing -> ``–``."""
    if value is None or (isinstance(value, float) and not math.isfinite(value)):
        return "–"
    sign = "-" if value < 0 else ""
    magnitude = abs(float(value))
    for scale, word in _SCALES:
        if magnitude >= scale:
            return f"{sign}{_trim(magnitude / scale, 2)} {word}"
    if magnitude >= 100:
        return f"{sign}{magnitude:,.0f}" if magnitude == int(magnitude) else f"{sign}{_trim(magnitude, 1)}"
    return f"{sign}{_trim(magnitude, 2)}"


def counted(n: int, singular: str, plural: str) -> str:
    """``1 country``, ``5 countries``, ``1,200 figures``: a count with its noun in the right number."""
    return f"{n:,} {singular if n == 1 else plural}"


def is_percent(unit: str, category: str = "") -> bool:
    """Whether a figure is a percentage (by its category or its unit)."""
    u = (unit or "").strip().lower()
    return category == "percent" or u in {"%", "percent", "per cent", "percentage"}


def figure_value(value: float | None, bound: str = "exact", unit: str = "", category: str = "") -> str:
    """The number with its bound sign: ``12.5 billion+``, ``~800``, ``≤ 5%``."""
    number = human_number(value)
    if is_percent(unit, category):
        number += "%"
    return f"{BOUND_PREFIX.get(bound, '')}{number}{BOUND_SUFFIX.get(bound, '')}"


def figure_text(value: float | None, bound: str = "exact", unit: str = "", category: str = "") -> str:
    """The figure as a phrase: ``12.5 billion+ page views``; a percent keeps its sign and drops the unit word."""
    text = figure_value(value, bound, unit, category)
    if unit and not is_percent(unit, category):
        text += f" {unit}"
    return text


def article_titles(
    articles_ids: list[str] | pd.Series, titles: list[str] | pd.Series, width: int = 70
) -> dict[str, str]:
    """article_id -> a short readable label (title, else the id)."""
    out = {}
    for aid, title in zip(articles_ids, titles, strict=True):
        label = str(title).strip() or aid
        out[aid] = label if len(label) <= width else label[: width - 1] + "…"
    return out


# Every ASCII punctuation character: CommonMark lets a backslash make any of them literal (emphasis, code, KaTeX's
# "$", HTML, link brackets). GitHub's Markdown also links bare addresses ("https://...", "www.", "a@b.org") in the
# text that is left, escapes or not: a word joiner (invisible) before each ":", "." and "@" breaks those up.
_MARKDOWN_SPECIAL = re.compile(r"([!-/:-@\[-`{-~])")
_AUTOLINK_MARKS = re.compile(r"(?=\\[:.@])")
WORD_JOINER = "\u2060"


def md_literal(text: object) -> str:
    """Article text for a Streamlit element that renders Markdown (a metric's label, an alert, a subheader): shown
    as written, on one line, never as a link, emphasis, formula or markup."""
    escaped = _MARKDOWN_SPECIAL.sub(r"\\\1", " ".join(str(text).split()))
    return _AUTOLINK_MARKS.sub(WORD_JOINER, escaped)


def plotly_literal(text: object) -> str:
    """Article text for a Plotly label, hover text or tick: Plotly reads a subset of HTML there (links, bold, line
    breaks) and decodes entities, so escaping shows the text as written."""
    return html.escape(str(text), quote=False)
