"""Money: a currency's sign or code written before an amount ("Rp 9.9 trillion", "R30bn", "COP 1.2 trillion"), and
the rate an amount is given at ("R1bn per year")."""

from __future__ import annotations

import re
from functools import cache
from typing import NamedTuple

import pycountry

from etl.extract.numbers.lexicon import longest_first, rows

# Codes of ISO 4217 that are English words in capitals too ("ALL 5 schools"): read only from the lookup file.
_WORD_CODES = frozenset({"ALL", "TOP", "CUP", "SOS", "MOP", "BOB", "PAB", "BAM", "GEL", "LAK", "MRU", "SLE"})
_RATE = re.compile(
    r"[ \t]+(?:per|a|an|each|every)[ \t]+(year|annum|month|week|day|student|pupil|learner|school|child|teacher"
    r"|household|person|head|capita|family|beneficiary)\b",
    re.IGNORECASE,
)


class Currency(NamedTuple):
    start: int  # where its sign or code starts
    written: str  # as the text writes it ("R", "Rp", "COP")
    unit: str  # the currency's name for the tables ("rand", "rupiah", "Colombian peso")


class _Reading(NamedTuple):
    unit: str
    countries: frozenset[str]  # empty: the sign means this currency wherever it is written


@cache
def _readings() -> dict[str, tuple[_Reading, ...]]:
    out: dict[str, list[_Reading]] = {}
    for prefix, unit, countries in rows("numbers_currency.csv"):
        out.setdefault(prefix, []).append(_Reading(unit, frozenset(filter(None, countries.split("|")))))
    return {k: tuple(v) for k, v in out.items()}


@cache
def _iso_names() -> dict[str, str]:
    """ISO 4217 codes not in the lookup file, with pycountry's name for them."""
    return {
        c.alpha_3: c.name
        for c in pycountry.currencies
        if c.alpha_3 not in _readings() and c.alpha_3 not in _WORD_CODES and not c.alpha_3.startswith("X")
    }


@cache
def _before() -> tuple[re.Pattern[str], int]:
    """A currency's sign or code ending a text, perhaps with one blank after it; and the longest one's length."""
    signs = longest_first(list(_readings()))
    body = "|".join(re.escape(s) for s in signs)
    # A sign made of letters must not end a longer word ("Rs" is no part of "users"): a letter may not precede it.
    # (Or glued to a lower-case word by the page: "View all search resultsRp 9.9 trillion".)
    return re.compile(rf"(?:(?<![A-Za-z])|(?<=[a-z])(?=[A-Z]))(?P<cur>{body}|[A-Z]{{3}})[ \t]?\Z"), max(
        map(len, signs)
    ) + 1


@cache
def _sign_ends() -> frozenset[str]:
    """The characters a sign or code ends with (a code is any three capitals)."""
    return frozenset(s[-1] for s in _readings()) | frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZ")


def currency_before(text: str, start: int, lo: int, countries: frozenset[str], scaled: bool) -> Currency | None:
    """The currency written right before an amount starting at ``start``.

    A sign that is also a letter or names different currencies ("R", "P", "Sh") counts only where the text names a
    country of its ("Rp" and "€" count everywhere), or where a scale follows the amount ("P37 billion": no one writes
    thirty-seven billion of a letter).
    """
    # A quick test first: the character a sign would end with (before one blank, if any) is seldom one that can.
    blank = text[start - 1 : start] in (" ", "\t")
    if text[start - 1 - blank : start - blank] not in _sign_ends():
        return None
    pattern, reach = _before()
    m = pattern.search(text, max(lo, start - reach), start)
    if not m:
        return None
    written = m.group("cur")
    readings = _readings().get(written)
    if readings is None:
        name = _iso_names().get(written)
        return Currency(m.start(), written, name) if name else None
    everywhere = [r for r in readings if not r.countries]
    local = [r for r in readings if r.countries & countries]
    chosen = (everywhere or local or (list(readings) if scaled else []))[:1]
    return Currency(m.start(), written, chosen[0].unit) if chosen else None


@cache
def _after() -> tuple[re.Pattern[str], frozenset[str]]:
    """A currency's sign written after an amount, as most of Europe writes it: one without letters that names one
    currency wherever it is written ("€", "£", "₹"; not "$A" nor "¥"), after a scale's full stop and one blank at
    most; not the sign of the next amount ("€ 5"). And the characters such a sign starts with."""
    signs = [
        s
        for s, readings in _readings().items()
        if not any(ch.isalnum() for ch in s) and len(readings) == 1 and not readings[0].countries
    ]
    body = "|".join(re.escape(s) for s in longest_first(signs))
    return re.compile(rf"\.?[ \t]?(?P<cur>{body})(?![ \t]?[0-9])"), frozenset(s[0] for s in signs)


def currency_after(text: str, end: int) -> tuple[str, int] | None:
    """The currency whose sign follows an amount ending at ``end`` ("2.8 billion €", "500 M€", "2,8 bn. €"), and
    where the sign ends."""
    pattern, first = _after()
    if not any(ch in first for ch in text[end : end + 3]):
        return None  # a quick test first: most amounts are followed by a blank and a word
    m = pattern.match(text, end)
    return (_readings()[m.group("cur")][0].unit, m.end()) if m else None


def rate_after(text: str, end: int, hi: int) -> tuple[str, int]:
    """ "per year" in "R1bn per year", "each year", "a month": the rate an amount is given at, and where it ends."""
    m = _RATE.match(text, end, hi)
    if not m:
        return "", end
    word = m.group(1).lower()
    return f"per {'year' if word == 'annum' else word}", m.end()
