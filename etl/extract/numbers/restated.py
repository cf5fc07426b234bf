"""A number written in words and then again in figures in brackets is one figure, the one in figures: "fourteen
thousand, six hundred and eight (14,608) laptops", as official notices write amounts."""

from __future__ import annotations

import re

from etl.extract.numbers.common import digits_value, make, qualifier, words_value
from etl.extract.numbers.lexicon import number_words
from etl.extract.numbers.units import parse_unit
from etl.extract.sentences import sentence_at
from etl.model import Metric, Sentence

_IN_FIGURES = re.compile(r"\((?P<num>[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)\)")
_TOKEN = re.compile(r"[A-Za-z]+(?:-[A-Za-z]+)*|,")
_REACH = 160  # characters before the bracket that the words may take ("nine hundred and ninety-nine thousand, ...")


def restated(text: str, sentences: list[Sentence]) -> list[Metric]:
    """The figures written twice, in words then in figures in brackets, each spanning both, in text order."""
    out: list[Metric] = []
    if "(" not in text:
        return out
    for m in _IN_FIGURES.finditer(text):
        value = digits_value(m.group("num"))
        start = words_before(text, m.start(), value)
        sent = sentence_at(sentences, start) if start is not None else None
        if start is None or sent is None or sent.end < m.end() or value is None:
            continue
        unit, cat, _ = parse_unit(text, m.end(), sent.end)
        if unit:
            out.append(make(text, start, m.end(), value, unit, cat, sent, qualifier(text, start, sent.start)))
    return out


def words_before(text: str, bracket: int, value: float | None) -> int | None:
    """Where the number words that end right before ``bracket`` start, when they say ``value``; else None."""
    lo, after, first = max(0, bracket - _REACH), bracket, None
    for tok in reversed(list(_TOKEN.finditer(text, lo, bracket))):
        if text[tok.end() : after].strip(" \t") or (tok.start() == lo and text[lo - 1 : lo].isalpha()):
            break  # anything but blanks between two words ends them: "in 2020 (2021)", "five. Six (6)"
        word = tok.group().lower()
        if word not in (",", "and"):
            if not _is_number_word(word):
                break
            first = tok
        elif first is None:
            break  # "and" and commas join number words; the bracket itself follows one
        after = tok.start()
    if first is None or words_value(text[first.start() : bracket]) != value:
        return None  # "the team of five (2019)": the words and the figures must say the same number
    return first.start()


def _is_number_word(word: str) -> bool:
    words = number_words()
    return all(part in words and words[part][1] != "part" for part in word.split("-"))
