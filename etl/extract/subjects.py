"""Attach to each figure what it is about (subject) and the place it belongs to."""

from __future__ import annotations

import bisect
import calendar
import re
from functools import cache, lru_cache
from itertools import islice

from etl.extract.numbers import lexicon, unit_category
from etl.model import Metric, PlaceMention, Sentence

MAX_SUBJECT_WORDS = 10
MAX_SUBJECT_CHARS = 80
LOOK_BACK = 400  # characters of the sentence searched before a figure for its clause and subject
NEAR = 8  # names tried on each side of a figure
ENTITY_CATEGORIES = frozenset({"events", "institutions", "resources", "projects"})

# A capitalised name: Title Case words (or acronyms, or a year) joined by a few lower-case linking words.
_NAME = re.compile(
    r"(?=[A-Z0-9])"  # what a name opens with: lets the engine skip ahead to it
    r"(?:[A-Z][\w'’.&-]*|[0-9]{4})"
    r"(?:[ \t]+(?:(?:of|for|and|the|on|in|de|du|des|la|le)[ \t]+)*(?:[A-Z][\w'’&-]*|[0-9]{4}))*"
)
CLAUSE_BREAKS = (";", ": ", " that ", " which ", " while ", " whereas ", "—", "–", " - ")
_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")
_COMMA = re.compile(r",(?![0-9])")


@cache
def _verbs() -> frozenset[str]:
    return frozenset(r[0].lower() for r in lexicon.rows("numbers_subject_verbs.txt"))


@cache
def _function_words() -> frozenset[str]:
    """Words that cannot open or be a name on their own: stop-words, qualifiers, number words, months, days."""
    words = set(lexicon.unit_stops()) | set(lexicon.number_words()) | lexicon.qualifier_heads() | {"and", "or"}
    words |= {q.lower() for q in lexicon.qualifiers()}
    return frozenset(words | _calendar_words())


_LINKING = frozenset({"of", "for", "and", "the", "on", "in", "de", "du", "des", "la", "le"})


@cache
def _calendar_words() -> frozenset[str]:
    """Month and weekday names, whole and short."""
    names = (calendar.month_name, calendar.month_abbr, calendar.day_name, calendar.day_abbr)
    return frozenset(n.lower() for group in names for n in group if n)


@lru_cache(maxsize=8192)  # the same names recur through an article
def _clean_name(name: str) -> str:
    """A name without leading function words and trailing possessive ("The 2024 WDEC's" -> "2024 WDEC")."""
    fw = _function_words()
    parts = name.split()
    while parts and parts[0].lower().strip(".") in fw:
        parts = parts[1:]
    # "Porto on October": a date after the name is no part of it, nor a linking word left at its end
    while parts and (parts[-1].lower() in _LINKING or parts[-1].lower().strip(".") in _calendar_words()):
        parts = parts[:-1]
    out = " ".join(parts)
    for tail in ("'s", "’s", "'", "’"):
        if out.endswith(tail):
            out = out[: -len(tail)]
    return out.strip(" .,-")


def _names(sentence: Sentence) -> list[tuple[int, int, str]]:
    """Capitalised names of a sentence as (start, end, name) in text offsets."""
    out = []
    for m in _NAME.finditer(sentence.text):
        name = _clean_name(m.group())
        if name and not name.isdigit() and any(map(str.isalpha, name)):
            out.append((sentence.start + m.start(), sentence.start + m.end(), name))
    return out


def _short(phrase: str) -> str:
    words = phrase.split()
    if len(words) > MAX_SUBJECT_WORDS or len(phrase) > MAX_SUBJECT_CHARS:
        return ""
    return phrase


def _grammatical_subject(text: str, clause_start: int, figure_start: int) -> str:
    """The noun phrase before the first auxiliary of the clause ("Shanghai has built ..." -> "Shanghai")."""
    prefix = text[clause_start:figure_start]
    verbs = _verbs()
    # skip an opening phrase set off by a comma ("Relying on local resources, Nanjing has ...")
    for _ in range(2):
        m = _COMMA.search(prefix)
        if not m:
            break
        comma = m.start()
        head = prefix[:comma]
        if not verbs.isdisjoint(map(str.lower, _WORD.findall(head))):
            break
        prefix = prefix[comma + 1 :]
    words = list(islice(_WORD.finditer(prefix), MAX_SUBJECT_WORDS + 2))  # a subject is never further in
    for i, w in enumerate(words):
        if w.group().lower() in verbs:
            if i == 0:
                return ""
            phrase = prefix[words[0].start() : words[i - 1].end()]
            if "," in phrase or any(map(str.isdigit, phrase)):
                return ""
            return _short(_clean_name(phrase))
    return ""


class _Context:
    """Per-article lookups shared by all figures: names per sentence, figure zones, places; all bisectable."""

    def __init__(self, metrics: list[Metric], text: str, sentences: list[Sentence], places: list[PlaceMention]):
        self.text = text
        self.sentences = sentences
        self.sent_starts = [s.start for s in sentences]
        self.places = sorted(places, key=lambda p: (p.start, p.end))
        self.place_starts = [p.start for p in self.places]
        self.zones = sorted((m.start, m.end + len(m.unit) + 2) for m in metrics)
        self.zone_starts = [z[0] for z in self.zones]
        self._names: dict[int, tuple[list[tuple[int, int, str]], list[int]]] = {}
        self._opening: dict[int, str] = {}

    def names(self, i: int) -> tuple[list[tuple[int, int, str]], list[int]]:
        if i not in self._names:
            found = _names(self.sentences[i])
            self._names[i] = (found, [n[0] for n in found])
        return self._names[i]

    def in_figure(self, name: tuple[int, int, str]) -> bool:
        """A name inside a figure's unit ("800 Chinese and foreign attendees") is not what the figure is about."""
        k = bisect.bisect_left(self.zone_starts, name[1])
        return any(self.zones[j][1] > name[0] for j in range(max(0, k - 2), k))

    def opening_subject(self, i: int) -> str:
        """What sentence ``i`` is about as a whole: its grammatical subject or its leading entity name."""
        if i not in self._opening:
            sent = self.sentences[i]
            subject = _grammatical_subject(self.text, sent.start, min(sent.end, sent.start + LOOK_BACK))
            if not subject:
                names = self.names(i)[0][:NEAR]
                # prefer a name headed by an entity noun ("... Education Conference", "... Platform"), then a long one
                longer = [n for n in names if " " in n[2]]
                entities = [n for n in longer if unit_category(n[2].split()[-1]) in ENTITY_CATEGORIES]
                best = entities or longer or names
                subject = _short(best[0][2]) if best else ""
            self._opening[i] = subject
        return self._opening[i]

    def subject(self, metric: Metric, i: int) -> str:
        sent = self.sentences[i]
        rel = metric.start - sent.start
        # look back a bounded stretch only, so that a huge one-line "sentence" stays linear
        lo = max(0, rel - LOOK_BACK)
        cut = max((k + len(b) for b in CLAUSE_BREAKS if (k := sent.text.rfind(b, lo, rel)) >= 0), default=lo)
        subject = _grammatical_subject(self.text, sent.start + cut, metric.start)
        if subject:
            return subject
        names, starts = self.names(i)
        k = bisect.bisect_left(starts, metric.start)
        for n in reversed(names[max(0, k - NEAR) : k]):
            if n[1] <= metric.start and not self.in_figure(n):
                return _short(n[2])
        k = bisect.bisect_left(starts, metric.end + len(metric.unit) + 1)
        for n in names[k : k + NEAR]:
            if not self.in_figure(n):
                return _short(n[2])
        # the figure opens its sentence ("More than 800 attendees ..."): it is about what the last one was about
        return self.opening_subject(i - 1) if i > 0 else ""

    def place(self, metric: Metric, sent: Sentence) -> str:
        """The nearest place before the figure in its sentence, else the sentence's first place."""
        lo = bisect.bisect_left(self.place_starts, sent.start)
        k = bisect.bisect_right(self.place_starts, metric.start)
        for p in reversed(self.places[max(lo, k - NEAR) : k]):
            if p.end <= metric.start:
                return p.name
        for p in self.places[lo : lo + NEAR]:
            if p.start >= sent.end:
                break
            if p.end <= sent.end:
                return p.name
        return ""


def attach_context(
    metrics: list[Metric], text: str, sentences: list[Sentence], places: list[PlaceMention]
) -> list[Metric]:
    """``metrics`` with ``subject`` and ``place`` filled where the text says."""
    if not metrics:
        return metrics
    try:
        return _attach(metrics, text, sentences, places)
    except (RecursionError, MemoryError):
        return metrics


def _attach(metrics: list[Metric], text: str, sentences: list[Sentence], places: list[PlaceMention]) -> list[Metric]:
    ctx = _Context(metrics, text, sentences, places)
    out = []
    for metric in metrics:
        i = bisect.bisect_right(ctx.sent_starts, metric.start) - 1
        if i < 0 or sentences[i].end < metric.end:
            out.append(metric)
            continue
        out.append(metric._replace(subject=ctx.subject(metric, i), place=ctx.place(metric, sentences[i])))
    return out
