"""Shares, changes and ranks written in words: "a third of the students", "1 in 4 children", "half of households"
(their value in percent, the counted noun as the unit); "down one percentage point", "10% more" (signed changes);
"ranked first", "in third place" (ranks)."""

from __future__ import annotations

import re
from functools import cache, lru_cache
from typing import NamedTuple

from etl.extract.numbers.common import qualifier
from etl.extract.numbers.lexicon import number_words, rows
from etl.extract.numbers.units import looks_plural, parse_unit, unit_category
from etl.extract.regex import DIGITS, LETTERS, WordStarts, blanked, finditer_at, lower, trie
from etl.model import Metric, Sentence

INCREASE, DECREASE = "increase", "decrease"
# "1 in 4 children", "45 out of 100 students" are shares; "10 out of 250 pupils" reports two counts
MAX_RATIO_WHOLE = 100


@cache
def _fractions() -> dict[str, float]:
    return {w.lower(): float(v) for w, v in rows("numbers_fractions.csv")}


def fraction_words() -> dict[str, float]:
    """Fraction words ("third", "quarters") and their value as a share of one."""
    return _fractions()


@cache
def _fraction_set() -> frozenset[str]:
    return frozenset(_fractions())


@cache
def _ordinal_set() -> frozenset[str]:
    return frozenset(_ordinals())


@cache
def _ordinals() -> dict[str, int]:
    return {w.lower(): int(float(v)) for w, v in rows("numbers_ordinals.csv")}


def _small(word: str) -> float | None:
    """The value of a small count written in digits or words ("4", "four", "a", "one")."""
    low = word.lower()
    if low in ("a", "an"):
        return 1.0
    if low.isdigit():
        return float(low)
    found = number_words().get(low)
    return found[0] if found and found[1] in ("unit", "teen", "tens") else None


@cache
def _share_re() -> re.Pattern[str]:
    counts = trie(sorted({w for w, (_, k) in number_words().items() if k in ("unit", "teen")}))
    fractions = trie(sorted(_fractions()))
    return re.compile(
        # "a third of", "two-thirds of", "one quarter of", "half of"
        rf"(?<![A-Za-z0-9-])(?:(?P<n>a|an|{counts}|[0-9]{{1,2}})[ \t-]+)?(?P<f>{fractions})[ \t]+of[ \t]+"
        r"(?:(?:the|their|its|all|these|those|our|his|her)[ \t]+)?"
        # "1 in 4", "one in ten", "2 out of 5"
        # (or between dashes after what it is a share of: "Most students—about 3 out of 4—have ...")
        # (or hyphenated as one word: "one-in-three Latin Americans")
        rf"|(?<![A-Za-z0-9-])(?P<p>one|{counts}|[0-9]{{1,3}})(?:[ \t]+(?:in|out[ \t]+of)[ \t]+|-(?:in|out-of)-)"
        rf"(?P<w>{counts}|[0-9]{{1,4}})(?:[ \t]+|(?=[—–]))",
        re.IGNORECASE,
    )


# "Most students—about 3 out of 4—have ...": the noun before a dash that opens the share
_NOUN_DASH_BEFORE = re.compile(
    r"([a-z]+)[ \t]*[—–][ \t]*(?:(?:about|around|nearly|almost|roughly|some|over)[ \t]+)?\Z", re.IGNORECASE
)


class Share(NamedTuple):
    start: int
    end: int  # end of the share's words ("a third"), before "of the ..."
    value: float  # percent


def _word_positions(low: str, words: frozenset[str]) -> list[tuple[int, int]]:
    """(start, end) of each of ``words`` (fraction or ordinal words) in ``low`` (lower-cased text) not inside a
    longer word on its left."""
    return [(i, i + len(w)) for i, w in _key_words(low) if w in words]


@lru_cache(maxsize=2)
def _key_words(low: str) -> list[tuple[int, str]]:
    """Where each fraction and ordinal word stands in ``low`` where a word starts (a digit may stand before): one
    scan for the roots of both lists (the shares and the ranks of one article ask), not one per root, each of which
    would read the whole text."""
    scan, grown = _key_word_scan()
    out: list[tuple[int, str]] = []
    for m in scan.finditer(low):
        i = m.start(1)
        out.extend((i, w) for w in grown[m.group(1)] if low.startswith(w, i))
    return out


@cache
def _key_word_scan() -> tuple[WordStarts, dict[str, tuple[str, ...]]]:
    """The scan for the roots of the fraction and ordinal words, with the words each root begins."""
    roots = dict(_roots(tuple(sorted({*_fractions(), *_ordinals()}))))
    return WordStarts(sorted(roots), after_digit=True), roots


@cache
def _roots(words: tuple[str, ...]) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """The words no other of them begins, each with the words that begin with it: "third" finds "thirds" too, so the
    text is scanned once for both."""
    roots = [w for w in words if not any(o != w and w.startswith(o) for o in words)]
    return tuple((r, tuple(w for w in words if w.startswith(r))) for r in roots)


_WORD_TAIL = re.compile(r"[\w-]*")


def _windowed(pattern: re.Pattern[str], text: str, windows: list[tuple[int, int]]) -> list[re.Match[str]]:
    """The matches of ``pattern`` that ``pattern.finditer(text)`` finds, given windows that hold every match:
    the matches inside each window, left to right, an overlapping later one dropped as finditer would."""
    found: dict[int, re.Match[str]] = {}
    for lo, hi in windows:
        tail = _WORD_TAIL.match(text, min(len(text), hi))  # a window must not end inside a word ("third|s")
        hi = tail.end() if tail else hi  # [\w-]* always matches
        for m in pattern.finditer(text, max(0, lo), hi):
            # a window that ends inside a match cuts it short; another window holds it whole ("two-thirds of their")
            if m.start() not in found or m.end() > found[m.start()].end():
                found[m.start()] = m
    out: list[re.Match[str]] = []
    for k in sorted(found):
        if not out or k >= out[-1].end():
            out.append(found[k])
    return out


@cache
def _counts() -> frozenset[str]:
    return frozenset(w for w, (_, k) in number_words().items() if k in ("unit", "teen"))


# Longest text a share's match spans around its key word: a count word and a separator before a fraction
# ("seventeen-"), then "of the " after it; a count before "in" / "out of" and a count and a space after it.
_BEFORE, _AFTER = 16, 48


def _share_matches(text: str) -> list[re.Match[str]]:
    """``_share_re().finditer(text)``, searched only around its key words: a fraction word, or "in" / "out of"
    between two counts. A whole-text case-insensitive search costs more than everything else in the reader."""
    low = lower(text)
    if len(low) != len(text):  # a letter whose lower case is longer: offsets would differ, search it all
        return list(_share_re().finditer(text))
    windows = [(a - _BEFORE, b + _AFTER) for a, b in _word_positions(low, _fraction_set())]
    keys = finditer_at(_ratio_keys(), low, [b.start() for b in _ratio_scan().finditer(blanked(low, _KEPT))])
    windows += [(m.start() - _BEFORE, m.end() + _AFTER) for m in keys]
    return _windowed(_share_re(), text, sorted(windows))


_KEPT = LETTERS + DIGITS  # what blanked text keeps for _ratio_scan: "[ \t]" is a blank there, as are other marks


@cache
def _ratio_scan() -> re.Pattern[bytes]:
    """_ratio_keys on blanked text, where the engine scans for the blank alone: it matches wherever _ratio_keys
    matches the text (and at a few more places, which _ratio_keys then rules out)."""
    # (a look-ahead after the blank: no place is consumed that another may start at)
    return re.compile((" (?=(?:in|out +of) +(?:[0-9]|(?:" + trie(sorted(_counts())) + ") ))").encode("ascii"))


@cache
def _ratio_keys() -> re.Pattern[str]:
    """ "in" or "out of" before a count, in lower-cased text: where "1 in 4", "two out of five", "one-in-three" may
    be. The engine scans for the blank or hyphen before "in" alone."""
    return re.compile(r"[ \t-](?:in|out[ \t-]+of)[ \t-]+(?=[0-9]|(?:" + trie(sorted(_counts())) + r")[ \t])")


def shares(text: str, sentences: list[Sentence], sentence_at) -> list[Metric]:
    """Every share of a whole written in words, as a figure in percent of the noun after it."""
    out: list[Metric] = []
    for m in _share_matches(text):
        start = m.start()
        if start and (text[start - 1].isalnum() or text[start - 1] in "-"):
            continue
        if m.group("f"):
            n = _small(m.group("n")) if m.group("n") else 1.0
            if n is None or (m.group("f").lower() in ("half", "halves") and m.group("n") and n > 1):
                continue
            value, words_end = 100 * n * _fractions()[m.group("f").lower()], m.end("f")
        else:
            part, whole = _small(m.group("p")), _small(m.group("w"))
            if not part or not whole or part >= whole:
                continue
            value, words_end = 100 * part / whole, m.end("w")
        sent = sentence_at(sentences, start)
        if sent is None or sent.end < m.end():
            continue
        unit, cat, _ = parse_unit(text, m.end(), sent.end)
        noun = None if unit else _NOUN_DASH_BEFORE.search(text, max(sent.start, start - 40), start)
        if noun is not None and looks_plural(noun.group(1)):
            unit, cat = noun.group(1), unit_category(noun.group(1)) or "other"
        if not unit:
            continue
        qual = qualifier(text, start, sent.start)
        if not m.group("f") and part is not None and whole is not None and whole > MAX_RATIO_WHOLE:
            # "about 10 out of 250 pupils": two counts of the noun (part and whole are read when there is no fraction)
            for value, group, q in ((part, "p", qual), (whole, "w", ("", "exact"))):
                a, b = m.span(group)
                out.append(Metric(value, unit, q[0].lower(), q[1], cat or "other", text[a:b], a, b, sent.text))
            continue
        out.append(
            Metric(
                value=round(value, 3),
                unit=unit,
                qualifier=qual[0].lower(),
                bound=qual[1],
                category="percent",
                surface=text[start:words_end],
                start=start,
                end=words_end,
                sentence=sent.text,
            )
        )
    return out


@cache
def _change_cues() -> tuple[tuple[re.Pattern[str], str], tuple[re.Pattern[str], str]]:
    """(before, after) patterns, each with its direction found by the phrase's group name."""
    before: dict[str, list[str]] = {INCREASE: [], DECREASE: []}
    after: dict[str, list[str]] = {INCREASE: [], DECREASE: []}
    for phrase, direction, position in rows("numbers_change_cues.csv"):
        if position in ("before", "after"):
            (before if position == "before" else after)[direction].append(phrase)

    def alternatives(d: dict[str, list[str]]) -> str:
        return "|".join(f"(?P<{k}>{trie(sorted(v))})" for k, v in d.items() if v)

    return (
        (re.compile(rf"(?<![\w-])(?:{alternatives(before)})(?:[ \t]+by)?[ \t]+\Z", re.IGNORECASE), "before"),
        (re.compile(rf"[ \t]+(?:{alternatives(after)})\b", re.IGNORECASE), "after"),
    )


def change(text: str, start: int, lo: int, after: int, hi: int, percent: bool = False) -> str:
    """Whether the figure at ``start`` (its qualifier removed) states a change, and which: "down one percentage
    point", "an increase of 0.6 points" (cue before), "10% more", "54 percent higher" (cue after ``after``)."""
    (before_re, _), (after_re, _) = _change_cues()
    b = before_re.search(text, max(lo, start - 30), start)
    if b:
        return INCREASE if b.group(INCREASE) else DECREASE
    # "the drop in funding was 26%": the noun of change is the subject, the figure what it was
    if text.endswith(_BE_ENDINGS, max(lo, start - 12), start) and (
        s := _subject_cues().search(text, max(lo, start - 90), start)
    ):
        return INCREASE if s.group(INCREASE) else DECREASE
    a = after_re.match(text, after, hi)
    # "10% more", "54 percent higher than": the cue ends the figure; "9,941 lower primary schools" names a thing
    if a and (percent or _ENDS.match(text, a.end(), hi)):
        return INCREASE if a.group(INCREASE) else DECREASE
    # "a Ksh 37.6 billion cut of the budget", "a $2 million budget cut on the programme": a noun of change right
    # after the amount (or after one word that says what was cut, when "a" opens the phrase), then what changed
    n = _change_nouns().match(text, after, hi)
    if n is None and text.endswith(("a ", "an ", "A ", "An "), max(lo, start - 3), start):
        n = _change_nouns(modified=True).match(text, after, hi)
    if n is not None and (_ENDS.match(text, n.end(), hi) or _OF_WHAT.match(text, n.end(), hi)):
        return INCREASE if n.group(INCREASE) else DECREASE
    return ""


_OF_WHAT = re.compile(r"[ \t]+(?:of|in|on|to|for|from)\b")


@cache
def _change_nouns(modified: bool = False) -> re.Pattern[str]:
    """The nouns of change right after an amount, or after one lower-case word that says what changed ("budget
    cut")."""
    word = r"[ \t]+[a-z]+" if modified else ""
    return re.compile(rf"{word}[ \t]+(?:{_noun_alternatives()})\b")


@cache
def _noun_alternatives() -> str:
    """The nouns of change (those a sentence may have as its subject: "cut", "rise"), as a regex whose group name is
    the direction."""
    nouns: dict[str, list[str]] = {INCREASE: [], DECREASE: []}
    for phrase, direction, position in rows("numbers_change_cues.csv"):
        if position == "subject":
            nouns[direction].append(phrase)
    return "|".join(f"(?P<{k}>{trie(sorted(v))})" for k, v in nouns.items() if v)


_BE_ENDINGS = ("was ", "is ", "were ", "are ", "at ", "to ", "reached ")


@cache
def _subject_cues() -> re.Pattern[str]:
    """ "the drop in funding was", "a rise of enrolment stood at": a noun of change, what changed, a verb of being."""
    return re.compile(
        rf"\b(?:the|a|an|this|that)[ \t]+(?:{_noun_alternatives()})[ \t]+(?:in|of)[ \t]+[^.;:!?\d]{{1,50}}?"
        r"[ \t]+(?:was|is|were|are|stood[ \t]+at|amounted[ \t]+to|reached)[ \t]+\Z",
        re.IGNORECASE,
    )


_ENDS = re.compile(r"[ \t]*(?:than\b|[,.;:)]|\Z)")


@cache
def _rank_res() -> tuple[re.Pattern[str], re.Pattern[str]]:
    ordinals = trie(sorted(_ordinals()))
    return (
        # "ranked first", "came second", "finished third": a verb of standing, then the ordinal
        re.compile(
            rf"\b(?:ranked|ranks|rank|ranking|placed|came|comes|finished|stood|stands|was|is|were|are|remains|remained)"
            rf"[ \t]+(?:(?:in|at)[ \t]+)?(?:the[ \t]+)?(?P<o>{ordinals})\b",
            re.IGNORECASE,
        ),
        # "in third place", "second position"
        re.compile(rf"\b(?P<o>{ordinals})[ \t-]+(?:place|position|spot)\b", re.IGNORECASE),
    )


# What may follow an ordinal that is a rank after "was", "is": nothing that it would qualify ("was the first school").
_AFTER_RANK = re.compile(
    r"[ \t]*(?:[,.;:)]|$|with|in|among|out|behind|after|nationally|overall|globally|worldwide|and|or|place|position|spot)",
    re.IGNORECASE,
)
_VERB_OF_STANDING = re.compile(r"(?i:ranked|ranks|rank|ranking|placed|came|comes|finished|stood|stands)")


def _rank_matches(pattern: re.Pattern[str], text: str) -> list[re.Match[str]]:
    """``pattern.finditer(text)``, searched only around ordinal words: a verb of standing and "in the" stand at most
    40 characters before the ordinal, "place" a few after it."""
    windows = _rank_windows(text)
    return list(pattern.finditer(text)) if windows is None else _windowed(pattern, text, windows)


@lru_cache(maxsize=2)
def _rank_windows(text: str) -> list[tuple[int, int]] | None:
    low = lower(text)
    if len(low) != len(text):
        return None
    return sorted((a - 40, b + 16) for a, b in _word_positions(low, _ordinal_set()))


def ranks(text: str, sentences: list[Sentence], sentence_at) -> list[Metric]:
    """Ranks written as ordinal words: "ranked first", "Gauteng was second with ...", "in third place"."""
    out: list[Metric] = []
    standing, place = _rank_res()
    seen: set[int] = set()
    for pattern in (standing, place):
        for m in _rank_matches(pattern, text):
            o = m.start("o")
            if o in seen:
                continue
            verb = m.group()[: m.start("o") - m.start()]
            if pattern is standing and not _VERB_OF_STANDING.match(verb) and not _AFTER_RANK.match(text, m.end()):
                continue  # "was the first school to ...": an ordinal that qualifies a noun
            if (
                pattern is standing
                and " the " in f" {verb.lower()}"
                and not re.match(r"[ \t-]+(?:place|position|spot)\b", text[m.end() : m.end() + 12])
            ):
                continue
            sent = sentence_at(sentences, o)
            if sent is None:
                continue
            seen.add(o)
            value = _ordinals()[m.group("o").lower()]
            out.append(Metric(float(value), "rank", "", "exact", "rank", m.group("o"), o, m.end("o"), sent.text))
    return out
