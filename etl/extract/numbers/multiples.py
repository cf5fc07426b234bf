"""Changes written as a multiple or a fraction of what was: "more than doubled", "tripled", "halved", "cut fees by
half", "increased by a third". Each is a change in percent (numbers_multiples.csv): the README's convention for
changes, a decrease negative."""

from __future__ import annotations

import re
from functools import cache

from etl.extract.numbers.common import make, qualifier
from etl.extract.numbers.lexicon import rows
from etl.extract.numbers.shares import DECREASE, INCREASE, fraction_words
from etl.extract.regex import lower, trie
from etl.model import Metric, Sentence

# "more than doubled, going from 21.3 to 52.1 percent", "tripled to 3,000": the levels are the figures, the multiple
# only sums them up
_LEVELS_AFTER = re.compile(r"[^.;:!?\n]{0,40}?\b(?:from|to)[ \t]+\W?[0-9]")
_CLAUSE_END = re.compile(r"[.;:!?\n]")
_VERB_REACH = 60  # characters between the verb and its "by half" ("slashed educational software fees by half")


@cache
def _lexicon() -> tuple[dict[str, float], dict[str, int]]:
    multiples: dict[str, float] = {}
    by: dict[str, int] = {}
    for word, kind, value in rows("numbers_multiples.csv"):
        if kind == "multiple":
            multiples[word.lower()] = float(value)
        else:
            by[word.lower()] = int(value)
    return multiples, by


@cache
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    multiples, by = _lexicon()
    fractions = trie(sorted(fraction_words()))
    return (
        # not "doubling down" (an idiom) nor a word of a hyphenated name or address ("doubling-down-on-...")
        re.compile(rf"(?<![-/])\b(?:{trie(sorted(multiples))})\b(?![-/]|[ \t]+down\b)", re.IGNORECASE),
        # "by half", "by a third", "by one quarter", "by two-thirds": the fraction, not followed by its whole (a
        # lower-case "by" first, so that the engine skips ahead to it)
        re.compile(rf"by[ \t]+(?:(?P<n>(?i:a|one|two|three))[ \t-]+)?(?P<f>(?i:{fractions}))\b(?![ \t]+(?:of|the)\b)"),
        re.compile(rf"\b(?P<v>{trie(sorted(by))})\b", re.IGNORECASE),
    )


@cache
def _stems() -> tuple[str, ...]:
    """The first five letters of every multiple ("doubl", "tripl", "halve"): a text without them has none."""
    return tuple(sorted({w[:5] for w in _lexicon()[0]}))


_COUNT = {"a": 1, "one": 1, "two": 2, "three": 3}


def multiples(text: str, sentences: list[Sentence], sentence_at) -> list[Metric]:
    """Every change written as a multiple ("doubled") or a fraction after a verb of change ("cut by half")."""
    words, by_fraction, verb_before = _patterns()
    table, verbs = _lexicon()
    out: list[Metric] = []
    low = lower(text)
    # a speed trick: the case-insensitive scan runs only where one of its stems is (plain substring tests)
    scan = any(stem in low for stem in _stems())
    for m in words.finditer(text) if scan else ():
        sent = sentence_at(sentences, m.start())
        if sent is None or sent.end < m.end():
            continue
        if _LEVELS_AFTER.match(text, m.end(), sent.end):
            continue
        value = table[m.group().lower()]
        qual = qualifier(text, m.start(), sent.start)
        metric = make(text, m.start(), m.end(), value, "percent", "percent", sent, qual)
        out.append(metric._replace(change=INCREASE if value > 0 else DECREASE))
    for m in by_fraction.finditer(text):
        if m.start() and (text[m.start() - 1].isalnum() or text[m.start() - 1] == "_"):
            continue  # "nearby half"
        sent = sentence_at(sentences, m.start())
        if sent is None or sent.end < m.end():
            continue
        # the verb nearest before "by", in the same clause ("rose in 2020 but was cut by half": cut)
        found = list(verb_before.finditer(text, max(sent.start, m.start() - _VERB_REACH), m.start()))
        verb = found[-1] if found else None
        if verb is None or _CLAUSE_END.search(text, verb.end(), m.start()):
            continue
        n = _COUNT[m.group("n").lower()] if m.group("n") else 1
        share = n * fraction_words()[m.group("f").lower()]
        if share >= 1:
            continue
        sign = verbs[verb.group("v").lower()]
        start = m.start("n") if m.group("n") and m.group("n").lower() != "a" else m.start("f")
        metric = make(text, start, m.end("f"), round(sign * 100 * share, 3), "percent", "percent", sent, ("", "exact"))
        out.append(metric._replace(change=INCREASE if sign > 0 else DECREASE))
    return out
