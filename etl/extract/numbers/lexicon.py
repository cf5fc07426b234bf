"""The word lists figures are read by, from the numbers_* and units lookup files: one reader, read once."""

from __future__ import annotations

import csv
import re
from functools import cache
from pathlib import Path

LOOKUPS = Path(__file__).resolve().parents[2] / "lookups"


def rows(name: str) -> list[list[str]]:
    """Rows of a lookup file, without comments, blank lines and the header."""
    lines = [ln for ln in (LOOKUPS / name).read_text(encoding="utf-8").splitlines() if ln.strip()]
    lines = [ln for ln in lines if not ln.lstrip().startswith("#")]
    if name.endswith(".csv"):
        return [[c.strip() for c in row] for row in csv.reader(lines[1:])]
    return [[ln.strip()] for ln in lines]


@cache
def units() -> dict[str, str]:
    """Head word (singular, lower case) -> category: units.csv, and the money of every ISO 4217 currency."""
    table = {w.lower(): c for w, c in rows("units.csv")}
    return {**{w: "money" for w in currency_heads() if w not in table}, **table}


@cache
def currency_heads() -> frozenset[str]:
    """The last word of every ISO 4217 currency's name, as pycountry has them ("birr" of "Ethiopian Birr", "zloty"):
    news writes an amount in most currencies with that word after it ("45 million birr"). Not the codes of metals,
    funds and tests (X..), nor the names that are everyday English words too (numbers_currency_not_heads.txt)."""
    import pycountry  # the places index loads it anyway; here only once per process

    skip = {r[0].lower() for r in rows("numbers_currency_not_heads.txt")}
    heads = set()
    for c in pycountry.currencies:
        word = c.name.split()[-1].lower().replace("’", "'")
        if not c.alpha_3.startswith("X") and word.replace("'", "").isalpha() and word not in skip:
            heads.add(word)
    return frozenset(heads)


@cache
def currency_codes() -> frozenset[str]:
    """ISO 4217 codes the currency lookup knows ("KRW", "EUR"): a money unit after an amount ("90 million KRW")."""
    return frozenset(r[0] for r in rows("numbers_currency.csv") if len(r[0]) == 3 and r[0].isalpha() and r[0].isupper())


@cache
def irregular() -> dict[str, str]:
    """Irregular plural -> the form looked up in units.csv."""
    return {p.lower(): w.lower() for p, w in rows("numbers_plurals.csv")}


@cache
def reporting_verbs() -> frozenset[str]:
    """ "Data from 2013 shows ...": verbs a plain year may stand before (numbers_reporting_verbs.txt)."""
    return frozenset(r[0] for r in rows("numbers_reporting_verbs.txt"))


@cache
def unit_stops() -> frozenset[str]:
    return frozenset(r[0].lower() for r in rows("numbers_unit_stops.txt"))


@cache
def modifiers() -> frozenset[str]:
    return frozenset(r[0].lower() for r in rows("numbers_unit_modifiers.txt"))


@cache
def number_words() -> dict[str, tuple[float, str]]:
    return {w.lower(): (float(v), k) for w, v, k in rows("numbers_words.csv")}


@cache
def qualifiers() -> dict[str, str]:
    return {p.lower(): b for p, b in rows("numbers_qualifiers.csv")}


@cache
def qualifier_heads() -> frozenset[str]:
    """First words of the qualifiers ("more", "nearly"): after "and" they open a new figure."""
    return frozenset(q.split()[0] for q in qualifiers())


def longest_first(words: list[str]) -> list[str]:
    """Words in the order to try them, so that "more than" wins over "more"."""
    return sorted(words, key=len, reverse=True)


def alt(words: list[str]) -> str:
    """Regex alternation, longest first."""
    return "|".join(map(re.escape, longest_first(words)))


@cache
def carry_cues() -> tuple[tuple[str, ...], tuple[tuple[str, str], ...]]:
    """The cues, longest first, and the pairs ("from", "to"): a pair's second cue, before this figure, compares it
    only when the first stands before the figure before."""
    lines = [r[0].lower() for r in rows("numbers_carry_cues.txt")]
    single = tuple(longest_first([ln for ln in lines if "…" not in ln]))
    pairs = tuple((a.strip(), b.strip()) for a, b in (ln.split("…") for ln in lines if "…" in ln))
    return single, pairs


@cache
def qualifier_phrases() -> tuple[str, ...]:
    return tuple(longest_first(list(qualifiers())))


@cache
def lead_endings() -> tuple[str, ...]:
    """What the text right before a figure ends with when a verb leads to it ("downloads exceeded [more than]")."""
    verbs = [r[0].lower() for r in rows("numbers_total_verbs.txt")]
    return tuple(longest_first([*verbs, "from", "to", "by", "at", "of", *qualifiers()]))


@cache
def scale_marks() -> tuple[tuple[str, float, str], ...]:
    """Short marks of scale after an amount ("m", "bn", "cr"), their value, and whether they need a currency."""
    return tuple((m, float(v), need) for m, v, need in rows("numbers_scale_marks.csv"))


@cache
def scale_mark(mark: str) -> tuple[float, str] | None:
    return next(((v, need) for m, v, need in scale_marks() if m == mark), None)


@cache
def name_words() -> frozenset[str]:
    """Words that make the number after them part of a name or label ("grade 4", "goal 11")."""
    return frozenset(r[0].lower() for r in rows("numbers_name_words.txt"))


@cache
def of_units() -> frozenset[str]:
    """Nouns that count people or things before "of" and a figure ("a population of 570 million")."""
    return frozenset(r[0].lower() for r in rows("numbers_of_units.txt"))


@cache
def compound_scales() -> frozenset[str]:
    """Scale words that multiply a scale word before them ("lakh crore")."""
    return frozenset(r[0].lower() for r in rows("numbers_compound_scales.txt"))
