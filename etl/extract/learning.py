"""Find cities named as learning cities and the recognition the text gives them."""

from __future__ import annotations

import csv
import itertools
import re
from functools import cache
from pathlib import Path

from etl.extract.regex import AfterWordBreak, trie
from etl.extract.sentences import sentence_at
from etl.model import LearningCity, PlaceMention, Sentence

LOOKUPS = Path(__file__).resolve().parents[1] / "lookups"
PRACTICE = "learning-city practice"
# How many sentences back a recognition stays in force for "The winners are ..." sentences.
CARRY_SENTENCES = 2

# Clauses of a sentence: a city named in one clause gets only what that clause says of it.
# ",\s+(?:and|while|whereas|but)\s+|;\s+|\s+while\s+|\s+whereas\s+", written to start with a set of characters,
# which the regex engine scans for instead of trying the whole regex at every character.
_CLAUSE_BREAK = re.compile(r"[,;\s](?:(?<=,)\s+(?:and|while|whereas|but)\s+|(?<=;)\s+|(?<=\s)\s*(?:while|whereas)\s+)")
# The same in a sentence without "while" or "whereas": then a break starts at a comma or a semicolon, which the engine
# finds far faster than white space.
_CLAUSE_BREAK_PUNCT = re.compile(r",\s+(?:and|while|whereas|but)\s+|;\s+")
# A city followed by a date is a dateline ("Hamburg, 12 September 2024 -"), where the story was written.
_DATELINE = re.compile(r",?\s*(?:\d{1,2}\s+[A-Z][a-z]{2,}|[A-Z][a-z]{2,}\.?\s+\d{1,2}\b)")
# Words after a sentence's subject city that show it is not the subject ("Beijing and ...", "Beijing of ...").
_NOT_VERB = frozenset(["and", "or", "of", "in", "to", "for", "with", "from", "at", "on", "by", "as"])


@cache
def _triggers() -> dict[str, tuple[str, ...]]:
    lines = [ln for ln in (LOOKUPS / "learning_triggers.csv").read_text(encoding="utf-8").splitlines()]
    rows = csv.DictReader(ln for ln in lines if ln.strip() and not ln.startswith("#"))
    out: dict[str, list[str]] = {}
    for row in rows:
        out.setdefault(row["kind"].strip(), []).append(row["phrase"].strip())
    return {k: tuple(sorted(v, key=len, reverse=True)) for k, v in out.items()}


@cache
def _recognition_re() -> re.Pattern[str]:
    heads = "|".join(re.escape(h) for h in _triggers().get("recognition", ()))
    cap = r"(?:[A-Z][\w'’-]*|of|for|on|the)"
    # A capitalised name around a head: "UNESCO Global Network of Learning Cities", "Global Learning Cities Award 2024".
    return re.compile(rf"(?:[A-Z][\w'’-]*\s+(?:{cap}\s+)*?)?(?:{heads})\b(?:\s+(?:[A-Z][\w'’-]*|\(?(?:19|20)\d\d\)?))*")


@cache
def _head_re() -> re.Pattern[str]:
    """The recognition heads alone: a sentence without one names no recognition (and is checked far faster)."""
    return re.compile(rf"(?:{trie(list(_triggers().get('recognition', ())))})\b")


class _Words:
    """Whether ``\\b(?:word|...)\\b`` (case-insensitive) matches, found faster.

    A regex that starts with \\b is tried at every character. Before a word that starts with a word character,
    \\b means a character that is not one; it is matched instead: a space, which the regex engine scans for
    alone, or any other, the ASCII ones as a set the engine also scans for, the others ruled out afterwards.
    """

    def __init__(self, words: tuple[str, ...]) -> None:
        alternatives = "|".join(re.escape(w) for w in words)
        self.pattern = re.compile(r"\b(?:" + alternatives + r")\b", re.IGNORECASE) if words else re.compile(r"(?!x)x")
        self._fast = all(re.match(r"\w", w) for w in words) and bool(words)
        # Factored by common prefixes, the words are tried at each place in a step or two, not one by one.
        self._scan = AfterWordBreak("(?i:" + trie(list(words), literal=True) + r")\b")

    def search(self, text: str, lo: int, hi: int) -> bool:
        """Whether ``self.pattern.search(text, lo, hi)`` finds a word."""
        if not self._fast:
            return bool(self.pattern.search(text, lo, hi))
        if lo <= 0:
            if self._scan.at(text, 0, hi):
                return True
            lo = 1
        return self._scan.after(text, lo - 1, hi)


@cache
def _word_re(kind: str) -> _Words:
    return _Words(_triggers().get(kind, ()))


_LEADING_WORD = re.compile(r"^(?:The|the|of|for|on)\s+")
_VERB_AFTER = re.compile(r"\s+([a-z]+)")


def _recognitions(text: str, start: int, end: int) -> list[tuple[int, str]]:
    """(offset, name) of each award or network named between start and end."""
    out: list[tuple[int, str]] = []
    if not _head_re().search(text, start, end):
        return out
    for m in _recognition_re().finditer(text, start, end):
        name = _LEADING_WORD.sub("", m.group()).strip()
        out.append((m.start(), name))
    return out


def extract_learning_cities(text: str, sentences: list[Sentence], places: list[PlaceMention]) -> list[LearningCity]:
    """Cities the text names as award winners, network members or cases of learning-city practice."""
    try:
        return _extract(text, sentences, places)
    except Exception:  # a missed learning city must never lose the article
        return []


def _extract(text: str, sentences: list[Sentence], places: list[PlaceMention]) -> list[LearningCity]:
    cities = [p for p in places if p.kind == "city"]
    if not cities or not sentences:
        return []
    found: dict[tuple[str, str], LearningCity] = {}

    def add(city: PlaceMention, recognition: str, sentence: Sentence) -> None:
        key = (city.name, recognition)
        if key not in found:
            found[key] = LearningCity(city.name, city.country_iso3, city.lat, city.lon, recognition, sentence.text)

    recent: list[tuple[int, str]] = []  # (sentence index, recognition) seen lately
    head, carry = _head_re(), _word_re("carry")
    ci = 0
    for si, sent in enumerate(sentences):
        while ci < len(cities) and cities[ci].start < sent.start:
            ci += 1
        in_sent = []
        j = ci
        while j < len(cities) and cities[j].end <= sent.end:
            in_sent.append(cities[j])
            j += 1
        # Most sentences name no recognition: the heads alone rule them out.
        recs = _recognitions(text, sent.start, sent.end) if head.search(text, sent.start, sent.end) else []
        if in_sent:
            for lo, hi in _clauses(text, sent):
                clause_cities = [c for c in in_sent if lo <= c.start < hi]
                if not clause_cities:
                    continue
                # A recognition goes to cities only where the clause says they won or joined it,
                # not where it says an award ceremony was held in a city.
                if not carry.search(text, lo, hi):
                    continue
                clause_recs = [r for r in recs if lo <= r[0] < hi]
                if not clause_recs:
                    clause_recs = [(lo, r) for k, r in recent if si - k <= CARRY_SENTENCES][-1:]
                clause_cities = [c for c in clause_cities if not _DATELINE.match(text, c.end)]
                for city in clause_cities:
                    if clause_recs:
                        add(city, min(clause_recs, key=lambda r: abs(r[0] - city.start))[1], sent)
        if recs:
            recent = [*recent, *((si, r) for _, r in recs)][-8:]
    _practice(text, sentences, cities, add)
    return list(found.values())


def _clauses(text: str, sent: Sentence) -> list[tuple[int, int]]:
    bounds = [sent.start]
    words = text.find("while", sent.start, sent.end) >= 0 or text.find("whereas", sent.start, sent.end) >= 0
    for m in (_CLAUSE_BREAK if words else _CLAUSE_BREAK_PUNCT).finditer(text, sent.start, sent.end):
        bounds.append(m.end())
    bounds.append(sent.end)
    return list(itertools.pairwise(bounds))


def _practice(text: str, sentences: list[Sentence], cities: list[PlaceMention], add) -> None:
    """A city that is the subject of a sentence in a paragraph about building learning cities or a learning society."""
    topic = _word_re("topic")
    on_topic: dict[int, bool] = {}  # paragraph start -> whether it is about learning cities
    for city in cities:
        lo = text.rfind("\n", 0, city.start) + 1
        if lo not in on_topic:
            hi = text.find("\n", city.end)
            on_topic[lo] = bool(topic.search(text, lo, hi if hi >= 0 else len(text)))
        if not on_topic[lo]:
            continue
        sent = sentence_at(sentences, city.start)
        if sent and _is_subject(text, sent, city):
            add(city, PRACTICE, sent)


def _is_subject(text: str, sent: Sentence, city: PlaceMention) -> bool:
    """The city opens its sentence or a clause after a comma and a verb-like lower-case word follows it."""
    before = text[sent.start : city.start].rstrip()
    if before and not before.endswith(","):
        return False
    m = _VERB_AFTER.match(text[city.end : city.end + 30])
    return bool(m) and m.group(1) not in _NOT_VERB
