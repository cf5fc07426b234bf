"""Human formatting of figures and labels: scale words, the sign of the bound ("12.5 billion+", "~2,000", "≤ 5%"),
axis ticks ("1K", "1B"), shares ("25%"), headers ("Overseas share") and empty cells ("–")."""

from __future__ import annotations

import contextlib
import html
import math
import re
from collections.abc import Callable, Hashable
from typing import Any, cast

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


# Axis ticks: the letters a reader of news knows (K, M, B for billion, T), never SI's "G" or "m" (milli).
_SHORT_SCALES = ((1e12, "T"), (1e9, "B"), (1e6, "M"), (1e3, "K"))
MISSING = "–"


def _missing(value: object) -> bool:
    if value is None or value is pd.NaT:
        return True
    try:
        return bool(pd.isna(cast(Any, value)))  # pandas takes any object, its stubs only the types listed
    except (TypeError, ValueError):  # a list or array is not "missing"
        return False


def short_number(value: float | None) -> str:
    """An axis tick: ``1000`` -> ``1K``; ``2.5e9`` -> ``2.5B``; ``1e12`` -> ``1T``; ``0.1`` -> ``0.1``."""
    if value is None or _missing(value) or not math.isfinite(float(value)):  # "is None": for the type checker
        return MISSING
    sign = "-" if value < 0 else ""
    magnitude = abs(float(value))
    for scale, letter in _SHORT_SCALES:
        if magnitude >= scale * 0.9995:  # 999,999.9 reads as 1M, not 1,000K
            return f"{sign}{_trim(magnitude / scale, 2)}{letter}"
    return f"{sign}{_trim(magnitude, 3)}"


def log_ticks(low: float, high: float, most: int = 8) -> tuple[list[float], list[str]]:
    """Powers of ten covering ``low``..``high`` (both > 0) for a log axis, labelled by :func:`short_number`.

    At most ``most`` ticks (every second or third power of ten over a wide span), so that a phone-width axis
    stays legible."""
    first, last = math.floor(math.log10(low)), math.ceil(math.log10(high))
    step = max(1, math.ceil((last - first + 1) / most))
    start = first // step * step  # on multiples of the step: 1, 100, 10K, 1M... or 1, 1K, 1M, 1B
    values = [10.0**k for k in range(start, last + 1, step)]
    return values, [short_number(v) for v in values]


def share_text(share: float | None) -> str:
    """A share of one as a percentage: ``0.5`` -> ``50%``; ``0.255`` -> ``25.5%``; missing -> ``–``."""
    if share is None or _missing(share) or not math.isfinite(float(share)):  # "is None": for the type checker
        return MISSING
    return f"{_trim(float(share) * 100, 1)}%"


def cell(value: object) -> str:
    """A table cell as text: a count with its thousands separator, a date as ISO, missing as ``–`` (never "None" or
    "nan")."""
    if _missing(value) or (isinstance(value, str) and not value.strip()):
        return MISSING
    if isinstance(value, pd.Timestamp):
        return f"{value:%Y-%m-%d}"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, (int, float)):
        return f"{value:,.0f}" if float(value).is_integer() else _trim(float(value), 3)
    return str(value)


# Column names of the tables as a reader reads them; any other column is sentence-cased from its name.
HEADERS = {
    "country_iso3": "Country",
    "attendees": "Participants",
    "overseas": "From overseas",
    "countries_represented": "Countries represented",
    "end_date": "Until",
    "n_figures": "Figures",
    "flag": "Check",
    "open": "Source",
}


def header(column: str) -> str:
    """``overseas_share`` -> ``Overseas share``; ``country_iso3`` -> ``Country``: sentence case, one style."""
    if column in HEADERS:
        return HEADERS[column]
    words = column.replace("_", " ").strip()
    return words[:1].upper() + words[1:]


def display_table(frame: pd.DataFrame, shares: tuple[str, ...] = ()) -> pd.DataFrame:
    """A small table as text, for reading (the tables behind a chart): every cell by :func:`cell` ("–" for a
    missing value, never "None"), the ``shares`` columns as percentages, headers in sentence case."""
    out = pd.DataFrame(index=frame.index)
    for column in frame.columns:
        out[header(column)] = frame[column].map(share_text if column in shares else cell)
    return out


def styled(frame: pd.DataFrame, shares: tuple[str, ...] = (), text: dict | None = None):
    """A table for ``st.dataframe`` that keeps its values (numbers sort as numbers) but shows them readably: counts
    with separators, dates as ISO, ``shares`` as percentages, ``text`` columns through their function. Streamlit
    shows a Styler's display values, except that a column_config ``format`` overrides them (the pages give those
    columns a label only) and a missing value shows st.dataframe's ``placeholder`` (pass ``MISSING``)."""
    formats: dict[Hashable, Callable[[Any], str]] = {column: cell for column in frame.columns}
    formats.update({column: share_text for column in shares})
    formats.update(text or {})
    return frame.style.format({c: f for c, f in formats.items() if c in frame.columns}, na_rep=MISSING)


_REPORTED_ITEM = re.compile(r"^(?P<value>.*?) \((?P<article>[^()]*)\)$")


def reported_text(text: object, titles: dict[str, str], most: int | None = None) -> str:
    """The events table's ``reported`` (``attendees: 1200 (b_nairobi); 1000 (c_other) | date: ...``) as a reader
    reads it: ``Participants: 1,200 (Nairobi forum); 1,000 (c_other) | ...``, each article by its title; past
    ``most`` values of a field, the rest counted ("and 3,200 more")."""
    if _missing(text) or not str(text).strip():
        return ""
    fields = []
    for part in str(text).split(" | "):
        name, _, items = part.partition(": ")
        listed = items.split("; ")
        shown = []
        for item in listed[:most]:
            found = _REPORTED_ITEM.match(item)
            if not found:
                shown.append(item)
                continue
            value = found["value"]
            with contextlib.suppress(ValueError):  # a date or a word stays as written
                value = human_number(float(value))
            shown.append(f"{value} ({titles.get(found['article'], found['article'])})")
        if most is not None and len(listed) > most:
            shown.append(f"and {len(listed) - most:,} more")
        fields.append(f"{header(name)}: {'; '.join(shown)}")
    return " | ".join(fields)


def reported_articles(text: object, most: int | None = None) -> list[str]:
    """The article ids :func:`reported_text` names (the first ``most`` values of each field)."""
    if _missing(text) or not str(text).strip():
        return []
    ids = []
    for part in str(text).split(" | "):
        for item in part.partition(": ")[2].split("; ")[:most]:
            found = _REPORTED_ITEM.match(item)
            if found:
                ids.append(found["article"])
    return ids


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
    return {aid: shorten(str(title).strip() or aid, width) for aid, title in zip(articles_ids, titles, strict=True)}


def shorten(text: object, width: int) -> str:
    """``text`` in at most ``width`` characters, cut at a word boundary with "…" (never mid-word: "4.2 bill…")."""
    label = " ".join(str(text).split())
    if len(label) <= width:
        return label
    cut = label[: width - 1]
    if label[width - 1] != " " and " " in cut:  # the cut falls inside a word: drop that word
        cut = cut[: cut.rindex(" ")]
    return cut.rstrip(" ,;:-–(") + "…"


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
