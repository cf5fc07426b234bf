"""An article as the event reader sees it: its text, sentences, figures and places, indexed by position."""

from __future__ import annotations

from bisect import bisect_left
from collections import Counter
from dataclasses import dataclass, field, replace
from datetime import date
from functools import cached_property
from operator import attrgetter

from etl.extract.dates import YEAR, DateSpan, find_spans
from etl.extract.events.lexicon import Phrases, lexicon
from etl.extract.events.names import Mention
from etl.extract.sentences import sentence_at
from etl.model import Metric, PlaceMention, Sentence

WINDOW = 300  # characters of a sentence read on each side of an event's name
MAX_SENTENCE = 1000  # longer sentences are reported as the window around the event's name
_START = attrgetter("start")


def published_date(published: str) -> date | None:
    try:
        return date.fromisoformat(published[:10])
    except (TypeError, ValueError):
        return None


class Article:
    """The text and everything already known about it, read around each event mention."""

    def __init__(
        self, text: str, sentences: list[Sentence], metrics: list[Metric], places: list[PlaceMention], published: str
    ) -> None:
        self.text = text
        self.sentences = sorted(sentences, key=_START)
        self.sentence_index = {id(s): i for i, s in enumerate(self.sentences)}
        self.metrics = sorted(metrics, key=_START)
        self.metric_starts = [m.start for m in self.metrics]
        self.places = sorted(places, key=_START)
        self.place_starts = [p.start for p in self.places]
        self.published_text = published
        self.keyword_starts: list[int] = []
        self.published = published_date(published)
        self._spans: dict[object, list[DateSpan]] = {}
        self._has: dict[tuple[int, int, int], bool] = {}
        self.named_in: dict[int, list[Mention]] = {}  # sentence -> the events it names (not references back)
        self.group_of: dict[int, int] = {}  # id(mention) -> its event, once grouped
        self.plural_host: PlaceMention | None = None  # "four education events in London", once read
        self.plural_host_read = False

    @cached_property
    def past_starts(self) -> list[int]:
        """Where the text begins to speak of earlier editions ("as its earlier editions were held in ...")."""
        from etl.extract.events.where import PAST_EDITIONS, PAST_WORDS

        # A speed trick beside the plain rule (PAST_EDITIONS.finditer over the text): the regex is tried only where
        # one of its first words starts; tests/etl/test_events.py checks they agree.
        low = self.text.lower()
        if len(low) != len(self.text):  # a few characters change length in lower case: offsets would not match
            return [m.start() for m in PAST_EDITIONS.finditer(self.text)]
        found: dict[int, int] = {}
        for word in PAST_WORDS:
            i = low.find(word)
            while i >= 0:
                if (m := PAST_EDITIONS.match(self.text, i)) is not None:
                    found[m.start()] = m.end()
                i = low.find(word, i + 1)
        starts: list[int] = []
        end = 0
        for start in sorted(found):  # as finditer, no match inside another ("previous previous conferences")
            if start >= end:
                starts.append(start)
                end = found[start]
        return starts

    def past_in(self, lo: int, hi: int) -> int | None:
        """The first place in text[lo:hi] where the text speaks of earlier editions, or None."""
        i = bisect_left(self.past_starts, lo)
        return self.past_starts[i] if i < len(self.past_starts) and self.past_starts[i] < hi else None

    @cached_property
    def common_year(self) -> int | None:
        counts = Counter(int(y) for y in YEAR.findall(self.text))
        # a year the text aims at ("by 2030", "Agenda 2063", "the 2030 Agenda") is no year it tells of
        counts.subtract(int(m.group(1) or m.group(2)) for m in lexicon().target_year.finditer(self.text))
        counts = +counts
        return max(counts, key=lambda y: (counts[y], y), default=None)

    def locate(self, m: Mention) -> None:
        s = sentence_at(self.sentences, m.start)
        lo, hi = (s.start, s.end) if s is not None else (0, len(self.text))
        m.sent = self.sentence_index[id(s)] if s is not None else -1
        m.lo, m.hi = max(lo, m.start - WINDOW), min(hi, m.end + WINDOW)
        if not m.backref:
            self.named_in.setdefault(m.sent, []).append(m)

    def has(self, phrases: Phrases, lo: int, hi: int) -> bool:
        """Whether ``phrases`` occur in text[lo:hi]; asked once per window (mentions of one sentence share it)."""
        key = (id(phrases), lo, hi)
        found = self._has.get(key)
        if found is None:
            found = self._has[key] = phrases.in_slice(self.text, lo, hi)
        return found

    def date_spans(self, sent: int, lo: int, hi: int) -> list[DateSpan]:
        """The dates of sentence ``sent`` (or of text[lo:hi] outside every sentence), with offsets into the text;
        read once per sentence."""
        key = sent if sent >= 0 else (lo, hi)
        if key not in self._spans:
            a, b = self.span(sent) if sent >= 0 else (lo, hi)
            self._spans[key] = [replace(d, start=d.start + a, end=d.end + a) for d in find_spans(self.text[a:b])]
        return self._spans[key]

    def span(self, i: int) -> tuple[int, int]:
        """The part of sentence ``i`` that is read (a very long one is cut)."""
        s = self.sentences[i]
        return s.start, min(s.end, s.start + MAX_SENTENCE)

    def metrics_in(self, lo: int, hi: int) -> list[Metric]:
        i = bisect_left(self.metric_starts, lo)
        out = []
        while i < len(self.metrics) and self.metrics[i].start < hi:
            out.append(self.metrics[i])
            i += 1
        return out

    def places_in(self, lo: int, hi: int) -> list[PlaceMention]:
        i = bisect_left(self.place_starts, lo)
        out = []
        while i < len(self.places) and self.places[i].start < hi:
            out.append(self.places[i])
            i += 1
        return out

    def sentence_text(self, m: Mention) -> str:
        if 0 <= m.sent < len(self.sentences):
            s = self.sentences[m.sent]
            if s.end - s.start <= MAX_SENTENCE and self.text[s.start : s.end] == s.text:
                return s.text
        return self.text[m.lo : m.hi]


@dataclass
class Facts:
    """What the text says about one event where one of its mentions stands."""

    date: str = ""
    end_date: str = ""
    date_year: int | None = None
    city: str = ""
    country: str = ""
    host: bool = False  # the place is introduced as the host ("held in", "hosted by")
    attendees: float | None = None
    overseas: float | None = None
    countries: float | None = None
    future: bool = False
    sources: dict[str, int] = field(default_factory=dict)  # fact -> where in the text its value was read
