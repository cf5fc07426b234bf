"""Ranges ("10-15 cities", "between 300 and 400") and ratios ("one in three"): how two numbers relate."""

from __future__ import annotations

import re
from typing import NamedTuple

from etl.extract.numbers.common import digits_value, make, scale_of
from etl.extract.numbers.lexicon import number_words
from etl.extract.numbers.patterns import patterns
from etl.model import Metric, Sentence

# "one in three teenagers", "2 out of 5 teachers": the number before a ratio's "in" or "out of", on reversed text
_RATIO_REVERSED = re.compile(r"[ \t]*(?:ni|fo[ \t]+tuo)[ \t]+([0-9]+|[A-Za-z]+)(?![A-Za-z0-9])")


def is_denominator(text: str, start: int, value: float) -> bool:
    """The figure is the whole of a ratio, not a number of things ("one in three", "2 out of 5"); "300 in 20
    countries" is no ratio: a part is smaller than its whole."""
    head = text[max(0, start - 24) : start].rstrip(" \t")
    if not head.endswith((" in", " of")):
        return False
    m = _RATIO_REVERSED.match(text[max(0, start - 24) : start][::-1])
    if not m:
        return False
    part = m.group(1)[::-1]
    part_value = digits_value(part) if part.isdigit() else number_words().get(part.lower(), (None, ""))[0]
    return part_value is not None and part_value < value


def after_between(text: str, start: int, lo: int) -> bool:
    """Whether the word "between" stands right before ``start`` ("between 10", "Between US$5")."""
    head = text[max(lo, start - 40) : start].rstrip(" \t")
    return head[-7:].lower() == "between" and not head[-8:-7].isalpha()


class RangeEnd(NamedTuple):
    start: int
    end: int  # after its scale word or percent sign, if any
    value: float  # as written, before any scale
    scale: str
    pct: str


def range_end(text: str, start: int, end: int, sent: Sentence, sign: str = "") -> RangeEnd | None:
    """The upper end of a range written right after a number ("10-15", "10 to 15", "2-3 billion", "between 2 and 3");
    after an amount written with the currency sign ``sign``, one that writes the sign again ("$89 to $93 billion")."""
    m = patterns().range_tail.match(text, end, sent.end)
    if m is None and sign:
        m = patterns().range_tail_signed.match(text, end, sent.end)
        if m is not None and not sign.replace(" ", "").endswith(m.group("sign")):
            return None
    if not m or (text[m.end() : m.end() + 1].isalnum() and text[m.end() : m.end() + 2][-1:] not in " "):
        return None
    if m.group("and") and not after_between(text, start, sent.start):
        return None  # "300 and 400 more": two figures, not a range
    value = digits_value(m.group("num"))
    if value is None:
        return None
    first = m.start("sign") if m.re is patterns().range_tail_signed else m.start("num")  # the figure shows its sign
    return RangeEnd(first, m.end(), value, m.group("scale") or "", m.group("pct") or "")


def make_range(
    text: str,
    start: int,
    end: int,
    value: float,
    unit: str,
    cat: str,
    sent: Sentence,
    qual: tuple[str, str],
    rng: RangeEnd,
    scale: str | None,
) -> list[Metric]:
    """Both ends of a range, "10-15 cities" or "from 1,200 to 1,850": they share the unit and a scale written once."""
    # "10-15" and "between 10 and 15" bound the value on both sides; "from 10 to 15" is a change
    dash = text[end : rng.start].strip() in ("-", "–", "and")
    low_q = qual if qual[0] or not dash else ("", "at_least")
    low = make(text, start, end, value, unit, cat, sent, low_q)
    high_value = rng.value * scale_of(rng.scale or scale)
    high = make(text, rng.start, rng.end, high_value, unit, cat, sent, ("", "at_most" if dash else "exact"))
    return [low, high]
