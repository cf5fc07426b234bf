"""The Mention type and the building blocks of a name: its words and the identity, year and edition they give."""

from __future__ import annotations

import itertools
import re
from bisect import bisect_left
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

from etl.extract.events.lexicon import Lexicon, lexicon

MAX_MENTIONS = 1000  # keeps the work bounded on pathological input (1 MB on one line)

TOKEN = re.compile(r"\w+(?:[’'\-.&+]\w+)*\+?|[^\w\s]")
YEAR_TOKEN = re.compile(r"(?:19|20)\d{2}")
_ORDINAL_TOKEN = re.compile(r"(\d{1,3})(?:st|nd|rd|th)", re.I)
_ROMAN = re.compile(r"M{0,1}(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})")
_ROMAN_VALUES = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100, "M": 1000}
_WORD = re.compile(r"[^\W_]+")
# "e-Learning Africa" and "eLearning Africa", "m-Learning" and "mLearning": a letter's prefix is one word with its noun
_LETTER_PREFIX = re.compile(r"(?<![^\W_])([^\W\d_])-(?=[^\W\d_]{2})")
KEY_SKIP = frozenset({"the", "of", "on", "for", "and", "a", "an", "to", "in", "at", "by", "s"})


@dataclass
class Mention:
    start: int  # span of the name (or of "keyword ... title") in the text
    end: int
    name: str
    kind: str  # named | titled | brand | acronym | described
    ambiguous: bool  # the event word also names institutions or texts: needs a strong cue that it took place
    tokens: frozenset[str]  # identity words, without the year
    year: int | None  # year written in the name
    edition: int | None = None  # ordinal of the edition ("9th edition of", "Seventh", "XXIII")
    backref: bool = False  # a plain "the conference": it refers back to an event named before
    sent: int = -1  # index of its sentence, -1 when outside every sentence
    lo: int = 0  # the window of its sentence that is read
    hi: int = 0

    @property
    def core(self) -> frozenset[str]:
        """Tokens without the event words: "eLearning Africa conference" and "eLearning Africa 2010" share them."""
        return self.tokens - _event_words()


# a proper name: capitalised words, with the small words of titles and a year between them
_PROPER_NAME = re.compile(
    r"[A-Z][\w’'-]*(?:[ \t]+(?:(?:and|of|on|for|the|in|&)[ \t]+)*(?:[A-Z][\w’'-]*|(?:19|20)\d{2}))*"
)
_CAPITALISED = re.compile(r"[A-Z][\w’'-]*")
INITIALS_AT_LEAST = 3  # letters: two are too often something else


def initials(m: Mention) -> str:
    """The initials of a proper name of three capitalised words or more ("GESF" for "Global Education and Skills
    Forum 2019"), else "": not of a description ("workshop on Information Communication Technology" is no "ICT")."""
    if m.backref or m.kind != "named" or not _PROPER_NAME.fullmatch(m.name):
        return ""
    letters = "".join(w[0] for w in _CAPITALISED.findall(m.name))
    return letters if len(letters) >= INITIALS_AT_LEAST else ""


@cache
def _event_words() -> frozenset[str]:
    """The identity tokens of the lookup's event words ("conference", "forum", ...)."""
    lex = lexicon()
    return frozenset(identity(" ".join(lex.roles), lex)[0])


LETTER_WORD = re.compile(r"[^\W\d_]+")  # a word of letters only


def described_only(text: str, start: int, end: int) -> bool:
    """text[start:end] has words in lower case, and no other but the one that opens its line: it says what an event
    is ("Regional conference in Tashkent", "presented in a conference"), not what it is called ("BETT 2010")."""
    line_start = text.rfind("\n", 0, start) + 1
    words = list(LETTER_WORD.finditer(text, start, end))
    return any(w.group().islower() for w in words) and all(
        w.group().islower() or w.start() == line_start for w in words
    )


def is_name_word(word: str, stop: frozenset[str]) -> bool:
    """A capitalised word ("Digital"), a mixed-case one ("eLearning", "iPad"), a year or an ordinal ("9th")."""
    # Years and ordinals start with a digit (what \d matches is exactly what isdecimal accepts): other words skip
    # both regexes.
    if word[:1].isdecimal():
        return bool(YEAR_TOKEN.fullmatch(word) or _ORDINAL_TOKEN.fullmatch(word))
    if not word[:1].isupper() and not (word[:1].islower() and any(c.isupper() for c in word[1:3])):
        return False
    bare = word[:-2] if word.endswith(("’s", "'s")) else word
    return bare.lower() not in stop


def _tokens_back(text: str, lo: int, hi: int) -> Iterator[re.Match[str]]:
    """The tokens of text[lo:hi], last first.

    A name rarely reaches far back, so the text is tokenised in pieces growing leftwards, each starting just after
    a space: no token holds a space, so a piece gives the same tokens as tokenising from lo.
    """
    end, reach = hi, 64
    while end > lo:
        start = max(lo, end - reach)
        if start > lo:
            start = text.rfind(" ", lo, start) + 1 or lo
        yield from reversed(list(TOKEN.finditer(text, start, end)))
        end, reach = start, reach * 4


def _roman(word: str) -> int | None:
    """The value of a Roman numeral of two or more letters, or of "V", "X" ("I" is a pronoun)."""
    if not word or not _ROMAN.fullmatch(word) or word in ("I",):
        return None
    total = 0
    for a, b in itertools.zip_longest(word, word[1:]):
        v = _ROMAN_VALUES[a]
        total += -v if b and _ROMAN_VALUES[b] > v else v
    return total or None


def identity(name: str, lex: Lexicon) -> tuple[frozenset[str], int | None, int | None]:
    """Words that identify an event whatever the word order, plural or punctuation; the year in its name; the
    edition its ordinal gives ("Seventh", "9th", "XXIII")."""
    tokens: set[str] = set()
    year = edition = None
    for w in _WORD.findall(_LETTER_PREFIX.sub(r"\1", name)):
        if w[0] in "12" and YEAR_TOKEN.fullmatch(w):
            year = year or int(w)
            continue
        low = w.lower()
        if low in KEY_SKIP:
            continue
        # An ordinal ("Seventh", "9th", "VII") gives the edition, not the identity: "Seventh International
        # Conference on Adult Education" and "International Conference on Adult Education VII" are one event.
        if low in lex.ordinals:
            edition = edition or lex.ordinals[low]
            continue
        if o := _ORDINAL_TOKEN.fullmatch(w):
            edition = edition or int(o.group(1))
            continue
        if w.isupper() and (r := _roman(w)):
            edition = edition or r
            continue
        tokens.add(singular_token(low))
    return frozenset(tokens), year, edition


def singular_token(low: str) -> str:
    """A lower-case word of a name as an identity token: a plural made singular ("Cities" -> "city")."""
    if low.endswith("ies") and len(low) > 4:
        return low[:-3] + "y"
    if low.endswith("s") and not low.endswith("ss") and len(low) > 3:
        return low[:-1]
    return low


def clean(span: str) -> str:
    return " ".join(span.split())


def _edition(word: str, lex: Lexicon) -> int | None:
    low = word.lower()
    if low in lex.ordinals:
        return lex.ordinals[low]
    o = _ORDINAL_TOKEN.fullmatch(low)
    return int(o.group(1)) if o else None


def _inside(taken: list[tuple[int, int]], start: int, end: int) -> bool:
    starts = [s for s, _ in taken]
    i = bisect_left(starts, end)
    return bool(i and taken[i - 1][1] > start)
