"""Find events (conferences, seminars, ceremonies, forums) with date, city, attendance and format."""

from __future__ import annotations

import csv
import itertools
import re
from bisect import bisect_left
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date
from functools import cache, cached_property
from operator import attrgetter
from pathlib import Path

from etl.extract.dates import YEAR, DateMention, find_dates, resolve_year
from etl.extract.regex import AfterWordBreak, trie
from etl.extract.sentences import sentence_at
from etl.model import Event, Metric, PlaceMention, Sentence

_LOOKUPS = Path(__file__).resolve().parent.parent / "lookups"
# Bounds that keep the work linear on pathological input (1 MB on one line); real articles stay far below them.
_MAX_MENTIONS = 1000
_WINDOW = 300  # characters of a sentence read on each side of an event's name
_NAME_REACH = 240  # characters an event's name may extend on either side of its keyword
_MAX_NAME_WORDS = 16
_MAX_SENTENCE = 1000  # longer sentences are reported as the window around the event's name
_DATE_REACH = 200  # characters around an event's name searched for its date
_HOST_REACH = 24  # characters before a place searched for "held in", "hosted by"
_HOST_NEAR = 40  # at most this many characters between an event's name and a place introduced by a bare "in"

_TOKEN = re.compile(r"\w+(?:[’'\-.&]\w+)*|[^\w\s]")
_YEAR_TOKEN = re.compile(r"(?:19|20)\d{2}")
_ORDINAL_TOKEN = re.compile(r"\d{1,3}(?:st|nd|rd|th)", re.I)
_YEAR_BEFORE = re.compile(r"(?<![\w.,])((?:19|20)\d{2})\s+$")
_YEAR_AFTER = re.compile(r"\s+((?:19|20)\d{2})(?![\w.,]\d)")
# The days of a span around a date found alone: "2 to [5 September 2024]", "[September 2]-5, 2024".
_DAY_BEFORE = re.compile(r"\b([12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?\s*(?:-|–|—|to|and|until)\s*$")
_YEAR_AFTER_SPAN = re.compile(
    r"\s*(?:-|–|—|to|and|until)\s*(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?,?\s+((?:19|20)\d{2})\b"
)
_POSSESSIVE = re.compile(r"[’']s$")
_WORD_RUN = re.compile(r"\w*")
_WORD = re.compile(r"[^\W_]+")
_QUOTES = '"“”'
_ACRONYM_DEF = re.compile(r"\s*\(\s*([A-Z][A-Za-z0-9&-]{1,11})\s*\)")
_OF_PARENT = re.compile(r"\s+of\s+(?:the\s+)?")
_COUNTRIES_UNIT = re.compile(r"\bcountr(?:y|ies)\b", re.I)
# Words joining the parts of a name: on the left only between capitalised words ("Ministers of Education Forum"),
# on the right after a complement ("Conference on Digital Education Progress").
_LEFT_JOINERS = frozenset({"of", "and", "&", "for", "on"})
_COMPLEMENTS = frozenset({"of", "on", "for", "to"})
_RIGHT_JOINERS = frozenset({"of", "on", "for", "to", "and", "&", "the", "a", "an", "in"})
_KEY_SKIP = frozenset({"the", "of", "on", "for", "and", "a", "an", "to", "in", "at", "by", "s"})


def _lines(name: str) -> list[str]:
    with open(_LOOKUPS / name, encoding="utf-8") as f:
        return [line.strip() for line in f if line.strip() and not line.lstrip().startswith("#")]


def _rows(name: str) -> list[dict[str, str]]:
    return list(csv.DictReader(_lines(name)))


def _phrases(phrases: list[str], anchor_end: bool = False) -> re.Pattern[str]:
    """One case-insensitive whole-word regex for ``phrases``."""
    body = trie(sorted({" ".join(p.lower().split()) for p in phrases}))
    tail = r"\s+(?:the\s+)?$" if anchor_end else r"(?![\w-])"
    return re.compile(r"(?<![\w-])" + body + tail, re.I)


class _Phrases:
    """The whole-word phrases _phrases() finds, found faster.

    A look-behind at the start of a regex makes the engine try it at every character. Here the character before
    a phrase is matched instead: a space, which the engine scans for alone; or any other character that is not
    part of a word, the ASCII ones as a set the engine also scans for, the others ruled out afterwards.
    """

    def __init__(self, phrases: list[str]) -> None:
        body = "(?i:" + trie(sorted({" ".join(p.lower().split()) for p in phrases})) + r")(?![\w-])"
        self.pattern = _phrases(phrases)
        self._scan = AfterWordBreak(body, also="-")

    def in_range(self, text: str, lo: int, hi: int) -> bool:
        """Whether ``self.pattern.search(text, lo, hi)`` finds a phrase (the character before lo counts)."""
        if lo <= 0:
            return self._scan.at(text, 0, hi) or self._scan.after(text, 0, hi)
        return self._scan.after(text, lo - 1, hi)

    def in_slice(self, text: str, lo: int, hi: int) -> bool:
        """Whether ``self.pattern.search(text[lo:hi])`` finds a phrase (a word may start at lo)."""
        if lo < 0 or hi < 0:  # counted from the end of the text
            return bool(self.pattern.search(text[lo:hi]))
        return self._scan.at(text, lo, hi) or self._scan.after(text, lo, hi)


@dataclass(frozen=True)
class _Lexicon:
    keyword: re.Pattern[str]
    roles: dict[str, str]  # keyword (singular or plural, lower case) -> name | ambiguous | backref
    singular: frozenset[str]
    stems: tuple[str, ...]  # what every form of each keyword starts with, for a fast search
    keyword_after_space: re.Pattern[str]  # on the lower-cased text, like those below
    keyword_after_other: re.Pattern[str]
    keyword_at_start: re.Pattern[str]
    backref: re.Pattern[str]
    strong: _Phrases
    weak: _Phrases
    attend_verb: _Phrases
    attend_noun: re.Pattern[str]
    overseas: re.Pattern[str]
    overseas_joined: re.Pattern[str]
    formats: tuple[tuple[re.Pattern[str], str], ...]
    any_format: _Phrases
    stop: frozenset[str]
    ordinal_before: re.Pattern[str]
    future: _Phrases
    host_near: re.Pattern[str]  # "in", only right beside the event's name
    host_far: re.Pattern[str]  # "held in", "hosted by", anywhere in the sentence
    before: re.Pattern[str]
    strong_before: re.Pattern[str]
    title_after: re.Pattern[str]
    title_before: re.Pattern[str]


def _stem(word: str, plural: str) -> str:
    """What both forms start with ("ceremon" for ceremony, ceremonies)."""
    n = 0
    while n < min(len(word), len(plural)) and word[n] == plural[n]:
        n += 1
    return word[:n] if plural else word


@cache
def _lexicon() -> _Lexicon:
    roles: dict[str, str] = {}
    keywords = _rows("events_keywords.csv")
    for row in keywords:
        for w in (row["word"], row["plural"]):
            if w:
                roles[w.strip().lower()] = row["role"].strip()
    words = trie(sorted(roles))
    # Only a keyword made of word characters can be a whole run of them.
    low_words = trie(sorted(w for w in roles if re.fullmatch(r"\w+", w)))
    cues = _rows("events_cues.csv")
    attendance = _rows("events_attendance.csv")
    markers = _rows("events_markers.csv")
    overseas = "|".join(re.escape(w) for w in _lines("events_overseas.txt"))
    titles = "|".join(re.escape(r["phrase"]) for r in markers if r["role"] == "title")
    title = r"[\"“](?P<title>[A-Z0-9][^\"“”\n]{2,200}?)[\"”]"
    return _Lexicon(
        keyword=re.compile(r"(?<![\w-])(?:" + words + r")(?![\w-])", re.I),
        roles=roles,
        singular=frozenset(r["word"].strip().lower() for r in keywords),
        stems=tuple(sorted({_stem(r["word"].strip().lower(), r["plural"].strip().lower()) for r in keywords})),
        keyword_after_space=re.compile(" (" + low_words + r")(?![\w-])"),
        # Any character but a space, "-" and the ASCII word characters (a non-ASCII word character is ruled out
        # afterwards): a class of ASCII characters is scanned far faster than [^\w -].
        keyword_after_other=re.compile(r"[^ \-0-9A-Z_a-z](" + low_words + r")(?![\w-])"),
        keyword_at_start=re.compile("(" + low_words + r")(?![\w-])"),
        backref=re.compile(r"\b(?:the|this|that|these|its)\s+(?:[\w’'-]+\s+){0,2}?(?:" + words + r")\b", re.I),
        strong=_Phrases([r["cue"] for r in cues if r["strength"] == "strong"]),
        weak=_Phrases([r["cue"] for r in cues if r["strength"] == "weak"]),
        attend_verb=_Phrases([r["word"] for r in attendance if r["kind"] == "verb"]),
        attend_noun=_phrases([r["word"] for r in attendance if r["kind"] == "noun"]),
        overseas=re.compile(r"\b(?:" + overseas + r")\b", re.I),
        overseas_joined=re.compile(
            r"\b(?:and|&|or)\s+(?:" + overseas + r")\b|\b(?:" + overseas + r")\s+(?:and|&|or)\b", re.I
        ),
        formats=tuple((_phrases([r["phrase"]]), r["format"]) for r in _rows("events_formats.csv")),
        any_format=_Phrases([r["phrase"] for r in _rows("events_formats.csv")]),
        stop=frozenset(w.lower() for w in _lines("events_stopwords.txt")),
        ordinal_before=re.compile(
            r"(?<![\w-])(" + "|".join(map(re.escape, _lines("events_ordinals.txt"))) + r"|\d{1,3}(?:st|nd|rd|th))\s+$",
            re.I,
        ),
        future=_Phrases([r["phrase"] for r in markers if r["role"] == "future"]),
        host_near=_phrases(
            [r["phrase"] for r in markers if r["role"] == "host" and " " not in r["phrase"]], anchor_end=True
        ),
        host_far=_phrases(
            [r["phrase"] for r in markers if r["role"] == "host" and " " in r["phrase"]], anchor_end=True
        ),
        before=_phrases([r["phrase"] for r in markers if r["role"] == "before"], anchor_end=True),
        strong_before=_phrases([r["phrase"] for r in markers if r["role"] == "strong_before"], anchor_end=True),
        title_after=re.compile(r"\s*,?\s*(?:(?:" + titles + r")\s+)?" + title),
        title_before=re.compile(title + r"\s+$"),
    )


@dataclass
class _Mention:
    start: int  # span of the name (or of "keyword ... title") in the text
    end: int
    name: str
    kind: str  # named | acronym | titled
    ambiguous: bool
    tokens: frozenset[str]  # identity words, without the year
    year: int | None  # year written in the name
    sent: int = -1  # index of its sentence, -1 when outside every sentence
    lo: int = 0  # the window of its sentence that is read
    hi: int = 0


@dataclass
class _Facts:
    context: bool = False
    date: str = ""
    date_year: int | None = None
    city: str = ""
    country: str = ""
    host: bool = False  # the place is introduced as the host ("held in", "hosted by")
    attendees: float | None = None
    overseas: float | None = None
    countries: float | None = None


def _is_name_word(word: str, stop: frozenset[str]) -> bool:
    # Years and ordinals start with a digit (what \d matches is exactly what isdecimal accepts): other words skip
    # both regexes.
    if word[:1].isdecimal() and (_YEAR_TOKEN.fullmatch(word) or _ORDINAL_TOKEN.fullmatch(word)):
        return True
    if not word[:1].isupper():
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
        yield from reversed(list(_TOKEN.finditer(text, start, end)))
        end, reach = start, reach * 4


def _expand_left(text: str, kw_start: int, lex: _Lexicon) -> int:
    """Start of the capitalised words written before an event keyword ("2024 World Digital Education")."""
    lo = max(text.rfind("\n", 0, kw_start) + 1, kw_start - _NAME_REACH)
    accepted: list[re.Match[str]] = []
    joiner = False
    for t in _tokens_back(text, lo, kw_start):
        word = t.group()
        if len(accepted) >= _MAX_NAME_WORDS:
            break
        if word[:1].isalnum() and _is_name_word(word, lex.stop):
            accepted.append(t)
            joiner = False
        elif word.lower() in _LEFT_JOINERS and not joiner:
            joiner = True
        else:
            break
    accepted.reverse()
    # A headline or a lead-in before the year is not part of the name ("Beijing Hosts 2024 Global Forum").
    first_year = next((i for i, t in enumerate(accepted) if _YEAR_TOKEN.fullmatch(t.group())), 0)
    accepted = accepted[first_year:]
    if accepted and _POSSESSIVE.search(accepted[0].group()):
        accepted = accepted[1:]
    return accepted[0].start() if accepted else kw_start


def _expand_right(text: str, kw_end: int, place_starts: set[int], lex: _Lexicon) -> int | None:
    """End of the words that complete an event keyword ("on Digital Education Progress").

    None when a capitalised word follows the keyword directly: then the keyword only qualifies another noun
    ("Forum Secretariat", "Conference Centre") and names no event.
    """
    hi = min(len(text), kw_end + _NAME_REACH)
    newline = text.find("\n", kw_end, hi)
    # Read lazily: most keywords are settled by the first word after them.
    toks = _TOKEN.finditer(text, kw_end, newline if newline >= 0 else hi)
    end = kw_end
    if (tok := next(toks, None)) is None:
        return end
    first = tok.group()
    if _YEAR_TOKEN.fullmatch(first) and tok.start() > kw_end:  # "Expo 2025"
        end = tok.end()
        if (tok := next(toks, None)) is None:
            return end
        first = tok.group()
    if first[:1].isupper() and first.lower() not in lex.stop and first.lower() not in _COMPLEMENTS:
        return None if end == kw_end else end
    if first.lower() not in _COMPLEMENTS:
        return end
    pending: list[str] = []
    n_words = 0
    for t in itertools.chain((tok,), toks):
        word = t.group()
        low = word.lower()
        is_name = word[:1].isalnum() and _is_name_word(word, lex.stop)
        if is_name and pending:
            if pending[-1] == "in" and t.start() in place_starts:
                break  # "Conference on AI in Education" continues the name, "Forum in Shanghai" does not
            end = t.end()
            pending = []
            n_words += 1
            if n_words >= _MAX_NAME_WORDS:
                break
        elif is_name:
            end = t.end()
            n_words += 1
        elif (low in _RIGHT_JOINERS or word in _QUOTES) and len(pending) < 3:
            pending.append(low)
        else:
            break
    return end


def _balance_quotes(text: str, start: int, end: int) -> int:
    """Include the closing quote of a quoted part that ends the name (... the "UN Portal")."""
    span = text[start:end]
    unbalanced = span.count('"') % 2 == 1 or span.count("“") > span.count("”")
    if unbalanced and end < len(text) and text[end] in '"”':
        return end + 1
    return end


def _identity(name: str) -> tuple[frozenset[str], int | None]:
    """Words that identify an event whatever the word order, plural or punctuation, and the year in its name."""
    tokens: set[str] = set()
    year = None
    for w in _WORD.findall(name):
        if w[0] in "12" and _YEAR_TOKEN.fullmatch(w):
            year = year or int(w)
            continue
        low = w.lower()
        if low in _KEY_SKIP:
            continue
        if low.endswith("ies") and len(low) > 4:
            low = low[:-3] + "y"
        elif low.endswith("s") and not low.endswith("ss") and len(low) > 3:
            low = low[:-1]
        tokens.add(low)
    return frozenset(tokens), year


def _clean(span: str) -> str:
    return " ".join(span.split())


def _find_mentions(text: str, places: list[PlaceMention], lex: _Lexicon) -> tuple[list[_Mention], list[int]]:
    """Every event name in the text, and where each event word is (to find the sentences that refer back)."""
    place_starts = {p.start for p in places}
    named: list[_Mention] = []
    lower_case: list[tuple[int, int]] = []
    acronyms: dict[str, frozenset[str]] = {}
    expansions: dict[str, tuple[str, bool]] = {}
    acronym_defs: list[tuple[int, int]] = []
    hits = _keyword_spans(text, lex)
    for k_start, k_end in hits:
        word = text[k_start:k_end]
        role = lex.roles.get(word.lower(), "backref")
        if not word[:1].isupper():
            lower_case.append((k_start, k_end))
            continue
        if role == "backref" or word.lower() not in lex.singular:
            continue  # plurals ("the World Conferences") name a series, not one event
        end = _expand_right(text, k_end, place_starts, lex)
        if end is None:
            continue
        start = _expand_left(text, k_start, lex)
        if start == k_start and end == k_end:
            continue  # a lone "Conference" names nothing
        end = _balance_quotes(text, start, end)
        name = _clean(text[start:end])
        tokens, year = _identity(name)
        if ordinal := lex.ordinal_before.search(text, max(0, start - 20), start):
            tokens |= {ordinal.group(1).lower()}
        named.append(_Mention(start, end, name, "named", role == "ambiguous", tokens, year))
        if d := _ACRONYM_DEF.match(text, end):
            acr = d.group(1)
            if sum(c.isupper() for c in acr) >= 2 and acr not in acronyms:
                acronyms[acr] = tokens
                expansions[acr] = (_clean(_YEAR_TOKEN.sub("", name)), role == "ambiguous")
                acronym_defs.append((d.start(), d.end()))
    named = _drop_contained(named)
    mentions = named + _acronym_mentions(text, named, acronyms, expansions, acronym_defs)
    mentions += _titled_mentions(text, lower_case, named, lex)
    return sorted(mentions, key=lambda x: (x.start, -x.end)), [s for s, _ in hits]


def _keyword_spans(text: str, lex: _Lexicon) -> list[tuple[int, int]]:
    """Where the event words are: whole runs of word characters, not joined to a "-" on either side."""
    low = text.lower()
    limit = 4 * _MAX_MENTIONS
    if len(low) != len(text):  # a few characters change length in lower case, and offsets must be the text's
        return [m.span() for _, m in zip(range(limit), lex.keyword.finditer(text), strict=False)]
    # Most words follow a space, which the regex engine finds by scanning for the space alone; the few others are
    # found by a scan for the characters that may stand before a word.
    spans = [m.span(1) for m in lex.keyword_after_space.finditer(low)]
    spans += [m.span(1) for m in lex.keyword_after_other.finditer(low) if not low[m.start()].isalnum()]
    if start := lex.keyword_at_start.match(low):
        spans.append(start.span(1))
    if len(spans) * len(lex.stems) >= 4 * limit:
        # So many that the search by stem (at most 4 * limit finds, one per stem a word starts with) stopped early:
        # repeat it to keep the same ones.
        return _keyword_spans_by_stem(low, lex, limit)
    return sorted(spans)[:limit]


def _keyword_spans_by_stem(low: str, lex: _Lexicon, limit: int) -> list[tuple[int, int]]:
    spans = []
    for stem in lex.stems:
        i = low.find(stem)
        while i >= 0 and len(spans) < 4 * limit:
            if not i or not (low[i - 1].isalnum() or low[i - 1] in "_-"):
                end = _WORD_RUN.match(low, i).end()  # type: ignore[union-attr]
                if low[i:end] in lex.roles and low[end : end + 1] != "-":
                    spans.append((i, end))
            i = low.find(stem, i + 1)
    return sorted(set(spans))[:limit]


def _drop_contained(mentions: list[_Mention]) -> list[_Mention]:
    """Keep the longest of overlapping names ("X Conference" inside "X Conference and Exhibition")."""
    kept: list[_Mention] = []
    for m in sorted(mentions, key=lambda x: (x.start, -x.end)):
        if kept and m.start < kept[-1].end:
            continue
        kept.append(m)
    return kept


def _acronym_mentions(
    text: str,
    named: list[_Mention],
    acronyms: dict[str, frozenset[str]],
    expansions: dict[str, tuple[str, bool]],
    defs: list[tuple[int, int]],
) -> list[_Mention]:
    if not acronyms:
        return []
    # No look-behind at the start: it would stop the regex engine from skipping ahead on the first letter.
    pattern = re.compile(trie(sorted(acronyms)) + r"(?![\w-])")
    taken = sorted([(m.start, m.end) for m in named] + defs)
    starts = [s for s, _ in taken]
    out = []
    for m in pattern.finditer(text):
        if len(out) >= _MAX_MENTIONS:
            break
        if m.start() and (text[m.start() - 1].isalnum() or text[m.start() - 1] in "_-"):
            continue
        i = bisect_left(starts, m.end())
        if i and taken[i - 1][1] > m.start():
            continue  # inside a full name or the definition itself
        start, end = m.start(), m.end()
        year = None
        if y := _YEAR_BEFORE.search(text, max(0, start - 6), start):
            start, year = y.start(), int(y.group(1))
        elif y := _YEAR_AFTER.match(text, end):
            end, year = y.end(), int(y.group(1))
        expansion, ambiguous = expansions[m.group()]
        name = f"{year} {expansion}" if year else expansion
        out.append(_Mention(start, end, name, "acronym", ambiguous, acronyms[m.group()], year))
    return out


def _titled_mentions(
    text: str, keywords: list[tuple[int, int]], named: list[_Mention], lex: _Lexicon
) -> list[_Mention]:
    """Lower-case events named by a quoted title: 'the parallel conference of the X Conference "Title"'."""
    named_at = {m.start: m for m in named}
    out = []
    for k_start, k_end in keywords:
        pos = k_end
        if (of := _OF_PARENT.match(text, pos)) and of.end() in named_at:
            pos = named_at[of.end()].end
            if d := _ACRONYM_DEF.match(text, pos):
                pos = d.end()
        if t := lex.title_after.match(text, pos):
            start, end = k_start, t.end()
        elif ('"' in (before := text[max(0, k_start - 3) : k_start]) or "”" in before) and (
            t := lex.title_before.search(text, max(0, k_start - 210), k_start)
        ):
            start, end = t.start(), k_end
        else:
            continue
        title = _clean(t.group("title"))
        if len(title.split()) > 15 or title[-1] in ".!?,;:":
            continue  # a quoted remark, not a title
        tokens, year = _identity(title)
        if tokens:
            role = lex.roles.get(text[k_start:k_end].lower(), "backref")
            out.append(_Mention(start, end, title, "titled", role == "ambiguous", tokens, year))
    return out


def _published(published: str) -> date | None:
    try:
        return date.fromisoformat(published[:10])
    except (TypeError, ValueError):
        return None


_START = attrgetter("start")


class _Article:
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
        self.published = _published(published)

    @cached_property
    def common_year(self) -> int | None:
        counts = Counter(int(y) for y in YEAR.findall(self.text))
        return max(counts, key=lambda y: (counts[y], y), default=None)

    def locate(self, m: _Mention) -> None:
        s = sentence_at(self.sentences, m.start)
        lo, hi = (s.start, s.end) if s is not None else (0, len(self.text))
        m.sent = self.sentence_index[id(s)] if s is not None else -1
        m.lo, m.hi = max(lo, m.start - _WINDOW), min(hi, m.end + _WINDOW)

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


def _facts(m: _Mention, art: _Article, sentence_years: dict[int, int], lex: _Lexicon) -> _Facts:
    text = art.text
    f = _Facts()
    lead = max(m.lo, m.start - 30)
    said_at = bool(lex.before.search(text, lead, m.start))  # "said at the X Forum"
    f.context = bool(lex.strong.in_slice(text, m.lo, m.hi) or lex.strong_before.search(text, lead, m.start)) or (
        not m.ambiguous and (lex.weak.in_slice(text, m.lo, m.hi) or said_at)
    )
    if not f.context and not m.ambiguous:  # "the X Forum on May 5"
        f.context = any(d.start <= 6 for d in find_dates(text[m.end : min(m.hi, m.end + 30)], days_only=True))
    if not f.context:
        return f  # its date and place would be those of something else
    offset = max(m.lo, m.start - _DATE_REACH)
    dates = find_dates(text[offset : min(m.hi, m.end + _DATE_REACH)], days_only=True)
    if dates:
        nearest = min(dates, key=lambda d: max(0, d.start + offset - m.end, m.start - d.end - offset))
        nearest = _first_day(text, DateMention(nearest.start + offset, nearest.end + offset, *_ymd(nearest)))
        year = _year(nearest, m, art, sentence_years, lex)
        f.date = nearest.iso(year)
        f.date_year = int(f.date[:4]) if f.date else None
    _place(m, art, lex, f)
    return f


def _ymd(d: DateMention) -> tuple[int | None, int, int | None]:
    return d.year, d.month, d.day


def _first_day(text: str, d: DateMention) -> DateMention:
    """The first day of a span of days: "from 2 to 5 September 2024", "September 2-5, 2024"."""
    if text[d.start : d.start + 1].isdigit() and (r := _DAY_BEFORE.search(text, max(0, d.start - 20), d.start)):
        return DateMention(r.start(1), d.end, d.year, d.month, int(r.group(1)))
    if d.year is None and (r := _YEAR_AFTER_SPAN.match(text, d.end)):
        return DateMention(d.start, r.end(), int(r.group(1)), d.month, d.day)
    return d


def _year(d: DateMention, m: _Mention, art: _Article, sentence_years: dict[int, int], lex: _Lexicon):
    """The year of a date: as written, else the year in the event's name (or another event named in the sentence),
    else from the publication date (forward for an announced event), else the article's most common year."""
    if d.year:
        return d.year
    if m.year or m.sent in sentence_years:
        return m.year or sentence_years[m.sent]
    pub = art.published
    if pub is not None:
        if lex.future.in_slice(art.text, m.lo, m.hi):
            return pub.year + ((d.month, d.day or 1) < (pub.month, pub.day))
        return resolve_year(d, "", art.published_text[:10])
    return art.common_year


def _place(m: _Mention, art: _Article, lex: _Lexicon, f: _Facts) -> None:
    """The host city: a city introduced by "in" / "held in" / "hosted by", nearest after the name, else before
    it; else a city inside the name ("Shanghai Regional Seminar"); else a host country."""
    hosted: list[tuple[int, PlaceMention]] = []
    inside: list[PlaceMention] = []
    for p in art.places_in(m.lo, m.hi):
        if m.start <= p.start and p.end <= m.end:
            inside.append(p)
            continue
        if m.start < p.end and p.start < m.end:
            continue
        gap = p.start - m.end if p.start >= m.end else m.start - p.end
        cue = max(m.lo, p.start - _HOST_REACH)
        if lex.host_far.search(art.text, cue, p.start) or (
            gap <= _HOST_NEAR and lex.host_near.search(art.text, cue, p.start)
        ):
            hosted.append((gap if p.start >= m.end else _NAME_REACH * 10 + gap, p))
    hosted.sort(key=lambda rp: rp[0])
    city = next((p for _, p in hosted if p.kind == "city"), None)
    if city is not None:
        f.city, f.country, f.host = city.name, city.country_iso3, True
    elif city := next((p for p in inside if p.kind == "city"), None):
        f.city, f.country = city.name, city.country_iso3
    elif country := next((p for _, p in hosted if p.kind == "country"), None):
        f.country, f.host = country.country_iso3, True


def _attendance(ranges: list[tuple[int, int]], art: _Article, lex: _Lexicon, f: _Facts) -> None:
    """Attendees, overseas guests and countries from the figures of sentences that speak of attending."""
    people: list[tuple[bool, float]] = []
    for lo, hi in ranges:
        verb = None  # whether the range speaks of attending, looked for only when a figure's unit does not
        for metric in art.metrics_in(lo, hi):
            unit = metric.unit or ""
            noun = bool(lex.attend_noun.search(unit))
            if not noun and verb is None:
                verb = lex.attend_verb.in_range(art.text, lo, hi)
            if not (verb or noun):
                continue
            if _COUNTRIES_UNIT.search(unit):
                f.countries = f.countries if f.countries is not None else metric.value
            elif lex.overseas.search(unit) and not lex.overseas_joined.search(unit):
                f.overseas = f.overseas if f.overseas is not None else metric.value
            elif metric.category == "people":
                people.append((noun, metric.value))
    if people:
        # A figure of attendees, delegates, guests... wins over other people in the same sentences.
        f.attendees = next((v for noun, v in people if noun), people[0][1])


def _format(ranges: list[tuple[int, int]], text: str, lex: _Lexicon) -> str:
    for lo, hi in ranges:
        if not lex.any_format.in_range(text, lo, hi):
            continue
        for pattern, fmt in lex.formats:
            if pattern.search(text, lo, hi):
                return fmt
    return ""


def _referring(head: _Mention, art: _Article, mention_sents: set[int], lex: _Lexicon) -> list[tuple[int, int]]:
    """Sentences after the event's own that refer back to it ("the conference"), up to the next event named."""
    out = []
    last_keyword = art.keyword_starts[-1] if art.keyword_starts else -1
    j = head.sent + 1
    while 0 < j < len(art.sentences) and j not in mention_sents:
        s = art.sentences[j]
        if s.start > last_keyword:
            break  # sentences are sorted by start: none after holds an event word
        hi = min(s.end, s.start + _MAX_SENTENCE)
        k = bisect_left(art.keyword_starts, s.start)
        has_keyword = k < len(art.keyword_starts) and art.keyword_starts[k] < hi
        if has_keyword and lex.backref.search(art.text, s.start, hi):
            out.append((s.start, hi))
        j += 1
    return out


def extract_events(
    text: str, sentences: list[Sentence], metrics: list[Metric], places: list[PlaceMention], published: str
) -> list[Event]:
    """Events named in ``text``, one per distinct event, each with what the article says about it."""
    if not text:
        return []
    lex = _lexicon()
    art = _Article(text, sentences, metrics, places, published)
    mentions, art.keyword_starts = _find_mentions(text, places, lex)
    mentions = mentions[:_MAX_MENTIONS]
    if not mentions:
        return []
    for m in mentions:
        art.locate(m)
    sentence_years: dict[int, int] = {}
    for m in mentions:
        if m.year and m.sent >= 0:
            sentence_years.setdefault(m.sent, m.year)
    facts = [_facts(m, art, sentence_years, lex) for m in mentions]

    # The event a sentence is about: its first name not nested in another's ('the parallel conference of X "T"').
    # Mentions are sorted by start, longest first, so a container is among the few just before.
    heads: dict[int, int] = {}
    for i, m in enumerate(mentions):
        nested = any(o.start <= m.start and m.end <= o.end for o in mentions[max(0, i - 3) : i])
        if m.sent >= 0 and not nested:
            heads.setdefault(m.sent, i)
    mention_sents = {m.sent for m in mentions}
    ranges: dict[int, list[tuple[int, int]]] = {}  # head -> the sentences read for its attendance and format
    for i in heads.values():
        m = mentions[i]
        ranges[i] = [(m.lo, m.hi), *_referring(m, art, mention_sents, lex)]
        _attendance(ranges[i], art, lex, facts[i])

    def format_of(i: int) -> str:
        return _format(ranges[i], text, lex) if i in ranges else ""

    keys = _keys(mentions, facts)
    return _merge(mentions, facts, keys, art, format_of)


def _keys(mentions: list[_Mention], facts: list[_Facts]) -> list[str]:
    """Identity of each mention: its words and year; a mention without a year takes the one year its other
    mentions in the article establish ("this year's WDEC" after "2024 WDEC")."""
    own = [m.year or f.date_year for m, f in zip(mentions, facts, strict=True)]
    years_of: dict[frozenset[str], set[int]] = {}
    for m, y in zip(mentions, own, strict=True):
        if y:
            years_of.setdefault(m.tokens, set()).add(y)
    keys = []
    for m, y in zip(mentions, own, strict=True):
        if y is None and len(years_of.get(m.tokens, ())) == 1:
            y = next(iter(years_of[m.tokens]))
        words = " ".join(sorted(m.tokens))
        keys.append(f"{y} {words}" if y else words)
    return keys


_NAME_RANK = {"named": 0, "titled": 1, "acronym": 2}


def _merge(
    mentions: list[_Mention], facts: list[_Facts], keys: list[str], art: _Article, format_of: Callable[[int], str]
) -> list[Event]:
    """One event per key that has a context and something said about it; its format is read only then."""
    groups: dict[str, list[int]] = {}
    for i, k in enumerate(keys):
        groups.setdefault(k, []).append(i)
    events = []
    for key, idx in groups.items():
        fs = [facts[i] for i in idx]
        if not any(f.context for f in fs):
            continue

        def first(attr: str, fs: list[_Facts] = fs):
            return next((getattr(f, attr) for f in fs if getattr(f, attr) not in ("", None)), None)

        dated = next((i for i in idx if facts[i].date), None)
        # A host named by "held in" beats a city inside the name ("Shanghai Forum ... held in Hangzhou").
        placed = next((i for i in idx if facts[i].host), None)
        if placed is None:
            placed = next((i for i in idx if facts[i].city), None)
        host = placed is not None and facts[placed].host
        attendees, overseas, countries = first("attendees"), first("overseas"), first("countries")
        if dated is None and not host and attendees is None and overseas is None and countries is None:
            continue  # a name with nothing said about it is not an event row
        best = min(idx, key=lambda i: (_NAME_RANK[mentions[i].kind], mentions[i].year is None, i))
        anchor = mentions[dated if dated is not None else idx[0]]
        events.append(
            Event(
                name=mentions[best].name,
                date=facts[dated].date if dated is not None else "",
                city=facts[placed].city if placed is not None else "",
                country_iso3=facts[placed].country if placed is not None else "",
                attendees=attendees,
                overseas=overseas,
                countries_represented=countries,
                format=next((fmt for i in idx if (fmt := format_of(i))), ""),
                sentence=_sentence(anchor, art),
                key=key,
            )
        )
    return events


def _sentence(m: _Mention, art: _Article) -> str:
    if 0 <= m.sent < len(art.sentences):
        s = art.sentences[m.sent]
        if s.end - s.start <= _MAX_SENTENCE and art.text[s.start : s.end] == s.text:
            return s.text
    return art.text[m.lo : m.hi]
