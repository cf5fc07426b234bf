"""Ratios written with a colon after the things they compare: "the student-to-computer ratio is 9:1", "a pupil-teacher
ratio of 35:1", "the ratio of students to computers is 30:1". The figure is the first term, counted in the first noun
per the second ("9 students per computer"); a ratio whose second term is not 1 is left alone, and so is one whose
nouns the sentence does not name before it."""

from __future__ import annotations

import re
from collections.abc import Callable

from etl.extract.numbers.common import make, qualifier
from etl.extract.numbers.lexicon import irregular
from etl.extract.numbers.units import looks_plural, singular, unit_category
from etl.model import Metric, Sentence

# "student-to-computer ratio", "pupil-teacher ratio", "pupil/teacher ratio", "student to computer ratio"
_NOUNS_BEFORE = re.compile(
    r"(?P<a>[A-Za-z]+)(?:-to-|[ \t]*[-–/][ \t]*|[ \t]+to[ \t]+)(?P<b>[A-Za-z]+)[ \t]+ratios?\b", re.IGNORECASE
)
# "the ratio of students to computers"
_RATIO_OF = re.compile(r"ratios?[ \t]+of[ \t]+(?P<a>[A-Za-z]+)[ \t]+to[ \t]+(?P<b>[A-Za-z]+)\b", re.IGNORECASE)
# "9:1", "35 : 1", "1.5:1"; not a time ("10:10"), a score or a verse ("3:16")
_TO_ONE = re.compile(r"(?<![\d.:])(?P<n>\d{1,4}(?:\.\d+)?)[ \t]*:[ \t]*1(?!\d|[.:]\d)")
NOUNS_REACH = 80  # characters from the nouns compared to the ratio's value


def ratios(text: str, sentences: list[Sentence], sentence_at: Callable) -> list[Metric]:
    """Every "N:1" ratio whose sentence names the two things compared before it."""
    if ":1" not in text and ": 1" not in text:  # a speed trick: a text with no ":1" has no such ratio
        return []
    out: list[Metric] = []
    for m in _TO_ONE.finditer(text):
        sent = sentence_at(sentences, m.start())
        if sent is None or sent.end < m.end():
            continue
        lo = max(sent.start, m.start() - NOUNS_REACH)
        found = [*_NOUNS_BEFORE.finditer(text, lo, m.start()), *_RATIO_OF.finditer(text, lo, m.start())]
        if not found:
            continue
        nouns = max(found, key=lambda f: f.start())  # the nearest before: "the student-to-computer ratio being 9:1"
        a, b = nouns.group("a"), nouns.group("b")
        if not (a[:1].islower() and b[:1].islower()):
            continue  # "the Asia-Pacific ratio": a name, not two things counted
        unit = f"{_plural(a)} per {singular(b)}"
        cat = unit_category(a) or "other"
        qual = qualifier(text, m.start(), sent.start)
        out.append(make(text, m.start(), m.end(), float(m.group("n")), unit, cat, sent, qual))
    return out


def _plural(word: str) -> str:
    """The noun a ratio counts, in the plural ("student" -> "students", "child" -> "children")."""
    low = word.lower()
    if looks_plural(low) or low in irregular():
        return low
    irregular_plural = next((p for p, s in irregular().items() if s == low and p != low), None)
    if irregular_plural:
        return irregular_plural
    return low + ("es" if low.endswith(("s", "x", "ch", "sh")) else "s")
