"""Regex helpers shared by the extractors."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import cache, lru_cache
from typing import cast


def trie(words: list[str], *, literal: bool = False) -> str:
    """A regex matching any of ``words``, factored by common prefixes: far faster to scan than a flat alternation.

    A space matches any run of white space and a trailing * any word ending ("attend*" = attends, attended),
    unless ``literal``: then every character stands for itself.
    """
    tree: dict = {}
    for w in words:
        node = tree
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def atom(ch: str) -> str:
        if literal:
            return re.escape(ch)
        return r"\s+" if ch == " " else r"\w*" if ch == "*" else re.escape(ch)

    def emit(node: dict) -> str:
        alts = [atom(ch) + emit(sub) for ch, sub in sorted(node.items()) if ch]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 and "" not in node else "(?:" + "|".join(alts) + ")"
        return body + ("?" if "" in node and alts else "")

    return emit(tree) or "(?!)"


def at_word_start(words: Iterable[str], *, also: Iterable[str] = ()) -> str:
    r"""A regex matching any of ``words`` (literal, tried in order) where a word starts: ``\b(?:w1|w2|...)``.

    A pattern that opens with ``\b`` makes the engine try a match at every position of the text. Here each word
    opens with its first character and then checks that no word character stands before it: the same matches,
    but the engine skips ahead to the first characters (four times faster over an article). For a case-sensitive
    pattern only: under IGNORECASE the engine finds no first characters to skip to, and the flat alternation is
    slower than the original. ``also``: more alternatives (regexes), matched anywhere; in the same alternation, so
    that the engine still skips ahead (an alternation of this group and another is tried at every character).
    """
    alts = [w[0] + r"(?<!\w.)" + re.escape(w[1:]) if re.match(r"\w", w) else r"\b" + re.escape(w) for w in words if w]
    alts += also
    return "(?:" + "|".join(alts) + ")" if alts else "(?!)"


@lru_cache(maxsize=4)
def lower(text: str) -> str:
    """``text`` in lower case, made once for the many searches in one article (a str keeps its hash)."""
    return text.lower()


class AfterWordBreak:
    """Search for ``body`` where a word may start: after a character ``word_chars`` excludes, or at a given place.

    A look-behind or ``\\b`` at the start of a regex makes the engine try it at every character. Here the
    character before is matched instead: a space, which the engine scans for alone, or any other character
    that is no ASCII word character (nor one of ``also``), as a set the engine also scans for; the non-ASCII
    letters and digits that set lets through are ruled out afterwards.
    """

    def __init__(self, body: str, also: str = "", *, ignore_case: bool = False) -> None:
        # ignore_case: ``body`` is written in lower case and searched in the lower-cased text, which the engine
        # scans faster than it matches a pattern under IGNORECASE; a text whose lower case has another length
        # (offsets would differ) is searched with the pattern under IGNORECASE instead.
        self._fold = AfterWordBreak("(?i:" + body + ")", also) if ignore_case else None
        self._at = re.compile(body)
        self._after_space = re.compile(" " + body)
        self._after_other = re.compile("[^ " + re.escape(also) + "0-9A-Z_a-z]" + body)

    def at(self, text: str, pos: int, hi: int) -> bool:
        """Whether ``body`` matches at ``pos``."""
        if self._fold is not None:
            low = lower(text)
            if len(low) != len(text):
                return self._fold.at(text, pos, hi)
            text = low
        return bool(self._at.match(text, pos, hi))

    def after(self, text: str, lo: int, hi: int) -> bool:
        """Whether ``body`` matches after a non-word character at ``lo`` or later, within ``hi``."""
        if self._fold is not None:
            low = lower(text)
            if len(low) != len(text):
                return self._fold.after(text, lo, hi)
            text = low
        if self._after_space.search(text, lo, hi):
            return True
        m = self._after_other.search(text, lo, hi)
        while m is not None and text[m.start()].isalnum():
            m = self._after_other.search(text, m.start() + 1, hi)  # not past its end: it may hold a word's start
        return m is not None


class WordStarts:
    """Find any of ``words`` (then ``tail``) where a word starts: at the start of the text, or after a character that
    is neither a letter nor a digit (a digit may stand before with ``after_digit``) nor one of ``joined_by``: the
    matches a search for the words alone finds at such places, left to right.

    The words are made of letters (and digits), so no match holds a place where another may start and skipping the
    others loses none. A search for the words alone tries them at every letter they may open with; here they are
    scanned for in :func:`blanked` text, where every character that may stand before a word is a blank, which the
    engine scans for alone, and a class of their first letters rules out most blanks in one test. Each place found
    is then read in the text itself: the non-ASCII letters and digits blanked are ruled out, and the words and
    ``tail`` must match there.
    """

    def __init__(self, words: list[str], *, tail: str = "", after_digit: bool = False, joined_by: str = "") -> None:
        self._joined_by = joined_by
        self._word_char = str.isalpha if after_digit else str.isalnum
        self._keep = LETTERS + ("" if after_digit else DIGITS) + joined_by
        body = trie(words, literal=True)
        first = "[" + re.escape("".join(sorted({w[0] for w in words if w}))) + "]"
        self._at = re.compile("(" + body + ")" + tail)
        self._after_blank: re.Pattern[bytes] | None = None
        self._before_word: re.Pattern[str] | None = None
        if body.isascii():
            self._after_blank = re.compile((" (?=" + first + ")(?=" + body + ")").encode("ascii"))
        else:  # a word with a letter no blanked text holds: the place before each word is searched for itself
            self._before_word = re.compile("[^" + re.escape(self._keep) + "](?=" + first + ")(?=" + body + ")")

    def finditer(self, text: str) -> list[re.Match[str]]:
        """The matches in order, each with the word as its group 1."""
        found = [m] if (m := self._at.match(text)) else []
        hits: Iterator[re.Match[bytes]] | Iterator[re.Match[str]]
        if self._after_blank is not None:
            hits = self._after_blank.finditer(blanked(text, self._keep))
        else:
            hits = cast(re.Pattern[str], self._before_word).finditer(text)
        for b in hits:
            before = text[b.start()]
            if not (self._word_char(before) or before in self._joined_by) and (m := self._at.match(text, b.end())):
                found.append(m)
        return found


LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
DIGITS = "0123456789"


@lru_cache(maxsize=8)  # a text is blanked once for the scans of one article
def blanked(text: str, keep: str) -> bytes:
    """``text`` as one byte per character, with a blank for every one but the ASCII characters in ``keep`` (a
    non-ASCII character is a blank too, whatever it is)."""
    return text.encode("ascii", "replace").translate(_blank_table(keep))


@cache
def _blank_table(keep: str) -> bytes:
    return bytes(c if chr(c) in keep else 0x20 for c in range(256))


def finditer_at_words(pattern: re.Pattern[str], text: str, words: Iterable[str], offset: int) -> list[re.Match[str]]:
    """``list(pattern.finditer(text))`` for a pattern whose every match holds one of ``words`` ``offset`` characters
    after its start (and is never empty): tried only there, found by a plain search for each word.

    A pattern that opens with a class such as ``\\s`` is tried at each character of that class; a few rare words are
    found far faster by ``str.find``.
    """
    starts: set[int] = set()
    for w in words:
        i = text.find(w, offset)
        while i >= 0:
            starts.add(i - offset)
            i = text.find(w, i + 1)
    return finditer_at(pattern, text, sorted(starts))


def finditer_at(pattern: re.Pattern[str], text: str, starts: Iterable[int]) -> list[re.Match[str]]:
    """``list(pattern.finditer(text))`` given the places, in order, where a match may start (every match starts at
    one; the pattern never matches empty): tried there only, left to right, a place inside the last match skipped
    as finditer skips it."""
    out: list[re.Match[str]] = []
    end = 0
    for s in starts:
        if s >= end and (m := pattern.match(text, s)):
            out.append(m)
            end = m.end()
    return out
