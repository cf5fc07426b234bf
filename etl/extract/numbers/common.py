"""Small pieces every stage uses: values of digits and words, scale words, the words around a figure, its qualifier."""

from __future__ import annotations

import re

from etl.extract.numbers.lexicon import number_words, qualifier_phrases, qualifiers, scale_mark
from etl.extract.numbers.patterns import patterns
from etl.model import Metric, Sentence

YEAR = re.compile(r"(?:1[89]|20)[0-9]{2}")


_SPACES = re.compile(r"[ \u00a0\u202f]")
# "8.800 euros": one full stop before three digits that end in zero groups thousands, as much of Europe writes
_DOT_THOUSANDS = re.compile(r"[1-9][0-9]{0,2}\.[0-9]00")  # "1.500" is 1,500 where dots group thousands; "0.500" is not
# "3.850 teachers": any three digits after one full stop group thousands where what is counted comes in whole units
DOT_GROUPED = re.compile(r"[1-9][0-9]{0,2}\.[0-9]{3}")


# "43,5" of "43,5%", "2,8" of "2,8 billion" (the pattern takes it only before a percent or a scale word)
_DECIMAL_COMMA = re.compile(r"[0-9]+,[0-9]{1,2}")


def digits_value(num: str) -> float | None:
    if _DECIMAL_COMMA.fullmatch(num):
        num = num.replace(",", ".")
    if num.count(".") > 1 or _DOT_THOUSANDS.fullmatch(num):
        num = num.replace(".", "")
    digits = _SPACES.sub("", num.replace(",", ""))
    if len(digits.replace(".", "")) > 15:
        return None  # an id or a hash, not a count
    try:
        return float(digits)
    except ValueError:
        return None


def words_value(phrase: str) -> float:
    """The value of a number in words, with any scale words inside it: "fourteen thousand, six hundred and eight"."""
    words = number_words()
    total = current = 0.0
    for part in re.split(r"[\s,-]+", phrase.lower()):
        if part not in words:
            continue
        v, kind = words[part]
        if kind == "hundred":
            current = (current or 1) * v
        elif kind == "scale":
            total, current = total + (current or 1) * v, 0.0
        else:
            current += v
    return total + current


def scale_of(word: str | None) -> float:
    if not word:
        return 1.0
    if mark := scale_mark(word):
        return mark[0]
    return number_words().get(word.lower(), (1.0, ""))[0]


def is_title(word: str) -> bool:
    return word[:1].isupper()


# The word before a figure, found on the reversed text where the match is anchored (searching for
# "([A-Za-z][A-Za-z'’-]*)[ \t]*\Z" tries every position): its greedy run reaches the word's first letter.
_PREV_WORD_REVERSED = re.compile(r"[ \t]*([A-Za-z'’-]*[A-Za-z])")

_NEXT_WORD = re.compile(r"[ \t]*([A-Za-z][A-Za-z'’-]*)")


def prev_word(text: str, start: int, lo: int) -> str:
    m = _PREV_WORD_REVERSED.match(text[max(lo, start - 40) : start][::-1])
    return m.group(1)[::-1] if m else ""


def next_word(text: str, end: int, hi: int) -> str:
    m = _NEXT_WORD.match(text, end, min(hi, end + 40))
    return m.group(1) if m else ""


def may_end_with(text: str, lo: int, start: int, phrases: tuple[str, ...]) -> bool:
    """Whether ``text[lo:start]`` may end with one of ``phrases`` (lower case, longest first) and blanks.

    One C-level test that rules out most figures before a regex that looks for this tries every position. Only
    ASCII text is ruled out: IGNORECASE also folds letters such as "ſ" that lower() keeps.
    """
    end = start
    while end > lo and text[end - 1] in " \t":
        end -= 1
    if end == start or not phrases:
        return False
    tail = text[max(lo, end - len(phrases[0])) : end]
    return not tail.isascii() or tail.lower().endswith(phrases)


def ends_with_word(low: str, phrase: str) -> bool:
    return low.endswith(phrase) and not low[-len(phrase) - 1 : -len(phrase)].isalpha()


def qualifier(text: str, start: int, lo: int) -> tuple[str, str]:
    lo = max(lo, start - 40)
    if not may_end_with(text, lo, start, qualifier_phrases()):
        return "", "exact"
    m = patterns().qualifier.search(text, lo, start)
    if not m:
        return "", "exact"
    q = m.group("q")
    if q.lower() not in qualifiers():  # IGNORECASE matched a letter lower() keeps ("ſome"): find the phrase
        q = next(p for p in qualifiers() if re.fullmatch(re.escape(p), q, re.IGNORECASE))
    return q, qualifiers()[q.lower()]


def make(
    text: str, start: int, end: int, value: float, unit: str, cat: str, sent: Sentence, qual: tuple[str, str]
) -> Metric:
    return Metric(
        value=float(f"{value:.12g}"),  # a scale's float noise aside: 2.05 million is 2050000, not 2049999.9999999998
        unit=unit.strip('"“”‘’ '),
        qualifier=qual[0].lower(),
        bound=qual[1],
        category=cat,
        surface=text[start:end],
        start=start,
        end=end,
        sentence=sent.text,
    )
