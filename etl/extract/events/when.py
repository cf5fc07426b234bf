"""When an event takes place: the date (and last day) written nearest its name, or a day named relative to the
publication date ("today", "on Monday"), with the year the text establishes."""

from __future__ import annotations

import datetime as dt
import re

from etl.extract.dates import DateSpan, find_relative
from etl.extract.events.article import Article, Facts
from etl.extract.events.lexicon import Lexicon
from etl.extract.events.names import Mention
from etl.extract.numbers.lexicon import number_words

DATE_REACH = 300  # characters around an event's name searched for its date (its sentence's window)
# What stands before a dateline's date on its line: capitalised place names or an agency and separators ("Lima,
# Peru; ", "GIS - ").
# (a hyphen only between words, never inside one: "[\w-]*" and "[ -]" around it backtrack exponentially)
_DATELINE_DATE = re.compile(r"(?:[A-Z][\w’'.]*(?:[ -][A-Z][\w’'.]*)*(?:[,;]|[ \t]+[-–—])\s*)+")
_OPENING_YEAR = re.compile(r"(?:In|By|During)\s+(?:[A-Z][a-z]+\s+)?((?:19|20)\d{2})\s*,")
# "in 2011", "in December 2009": a year the sentence gives to an event written without one
_IN_YEAR = re.compile(r"\b(?:in|of|for)\s+(?:[A-Z][a-z]+\s+)?((?:19|20)\d{2})\b(?!\d|[.,]\d)")


def date_of(m: Mention, art: Article, sentence_years: dict[int, int], lex: Lexicon, f: Facts) -> None:
    """Set ``f``'s date from the text around ``m``: the nearest date (a span's first day) within DATE_REACH, else a
    day named relative to the publication date."""
    text = art.text
    lo, hi = max(m.lo, m.start - DATE_REACH), min(m.hi, m.end + DATE_REACH)
    rivals = [
        r
        for r in art.named_in.get(m.sent, ())
        if r is not m
        and art.group_of.get(id(r)) != art.group_of.get(id(m))
        and not (r.start <= m.start and m.end <= r.end)
        and not (m.start <= r.start and r.end <= m.end)
    ]
    spans = [
        d
        for d in art.date_spans(m.sent, m.lo, m.hi)
        if lo <= d.start
        and d.end <= hi
        and (m.backref or _day_of(art.text, d, m) or not _nearer(art.text, d, m, rivals))
    ]
    # A dateline's date is when the story was filed, not when the event is; a date across "in conjunction with" is
    # the other gathering's ("held ... in conjunction with the In-Country Program conducted from April 22-26").
    spans = [d for d in spans if not _is_dateline_date(art.text, d) and not _beside_between(text, m, d)]
    # "will officiate the event, billed October 15 to 17": a modal "will" says it too where the event is referred to
    f.future = art.has(lex.future, m.lo, m.hi) or (m.backref and _WILL.search(text, m.lo, m.hi) is not None)
    if spans:
        nearest = min(spans, key=lambda d: max(0, d.start - m.end, m.start - d.end))
        year = year_of(nearest, m, art, sentence_years, f.future)
        f.date, f.end_date = nearest.iso(year), nearest.end_iso(year)
        f.sources["date"] = nearest.start
        f.sources["date_end"] = nearest.end
    elif art.published is not None and (
        rel := [
            r
            for r in find_relative(text, m.lo, m.hi)
            if not _briefing_day(text, r.start, lex) and not _speech_day(text, r.start, r.end, m, lex)
        ]
    ):
        if f.future and (days := [r for r in rel if not r.today]):
            rel = days  # "was briefed today on the conference, scheduled to open on Wednesday": the day to come
        nearest_rel = min(rel, key=lambda d: max(0, d.start - m.end, m.start - d.end))
        # "President X will on Monday welcome delegates": a modal right before the day says it is to come
        ahead = f.future or _WILL_BEFORE.search(text, max(0, nearest_rel.start - 12), nearest_rel.start) is not None
        day = nearest_rel.resolve(art.published, ahead)
        if day is not None:
            f.date = f.end_date = day.isoformat()
            f.sources["date"] = nearest_rel.start
            f.sources["date_end"] = nearest_rel.end
    if f.date and f.date == f.end_date:
        ended_on([m.name], text, f)
    f.date_year = int(f.date[:4]) if f.date else None


_WILL = re.compile(r"\b(?:will|shall)\b")
_WILL_BEFORE = re.compile(r"\b(?:will|shall)[ \t]+\Z")
_WORDS_BEFORE_DAY = re.compile(r"([A-Za-z]+)[ \t]+[A-Za-z]+[ \t]+(?:on[ \t]+)?\Z")


def _briefing_day(text: str, start: int, lex: Lexicon) -> bool:
    """The day is a press briefing's: "said at a press conference Wednesday"."""
    before = _WORDS_BEFORE_DAY.search(text, max(0, start - 40), start)
    return before is not None and before.group(1).lower() in lex.not_before


_AT_THE_EVENT = re.compile(r"[ \t,]*(?:[a-z]+[ \t]+)?(?:at|during)\b")
SPEECH_AT_REACH = 40  # characters from a day to the event a source spoke at ("said on Friday at the first X")


def _speech_day(text: str, start: int, end: int, m: Mention, lex: Lexicon) -> bool:
    """The day is when a source spoke: "The Lagos State government on Wednesday said 5,300 stakeholders will take
    part in its 2022 Education Summit", "the ministry announced on Monday"; not when it spoke at the event ("said on
    Friday at the first Global MOOC Conference")."""
    if not (lex.speech_after.match(text, end) or lex.speech_before.search(text, max(0, start - 20), start)):
        return False
    return not (0 < m.start - end <= SPEECH_AT_REACH and _AT_THE_EVENT.match(text, end, m.start))


_BESIDE = re.compile(
    r"\b(?:in[ \t]+conjunction[ \t]+with|alongside|on[ \t]+the[ \t]+sidelines[ \t]+of|back-to-back[ \t]+with"
    r"|co-located[ \t]+with)\b",
    re.IGNORECASE,
)


def _beside_between(text: str, m: Mention, d: DateSpan) -> bool:
    """Words saying another gathering is held beside the event stand between its mention and the date."""
    a, b = (m.end, d.start) if d.start >= m.end else (d.end, m.start)
    return a < b and _BESIDE.search(text, a, b) is not None


# "A two-day conference concluded here on Tuesday", "... ended in Dushanbe yesterday": the day given is the last of
# the event's days
_DAYS_LONG = re.compile(r"\b(\w+)-day\b", re.IGNORECASE)
# "teachers on Friday ended a five-day training": the day, then the verb that ends the event it names
_ENDED_AFTER = re.compile(r"[\w ]{1,24}?[ \t](?:concluded|ended|closed|wrapped[ \t]+up)[ \t]+(?:an?|the|its|their)\b")
_ENDED_BEFORE = re.compile(
    r"\b(?:concluded|ended|closed|wrapped\s+up|came\s+to\s+a\s+close)\s+(?:here\s+|today\s+)?"
    r"(?:in\s+[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)?\s+)?(?:on\s+)?\Z",
    re.IGNORECASE,
)


def _day_count(word: str) -> int | None:
    """The number of days a "two-day" or "3-day" event lasts, from 2 to 31."""
    low = word.lower()
    value = float(low) if low.isdigit() else number_words().get(low, (None, ""))[0]
    return int(value) if value is not None and 2 <= value <= 31 and value == int(value) else None


def ended_on(names: list[str], text: str, f: Facts) -> None:
    """The first day of an N-day event said to have ended on the day found: N - 1 days before it. The length is
    the first "N-day" in the names the event goes by ("the 3-day seminar" in another sentence, too)."""
    long = next((d for name in names if (d := _DAYS_LONG.search(name))), None)
    at = f.sources.get("date")
    days = _day_count(long.group(1)) if long else None
    if not days or at is None:
        return
    if not _ENDED_BEFORE.search(text, max(0, at - 40), at) and not _ENDED_AFTER.match(text, at, at + 40):
        return
    last = dt.date.fromisoformat(f.date)
    f.date, f.end_date = (last - dt.timedelta(days=days - 1)).isoformat(), last.isoformat()


# Days and their cues, which make "Last Wednesday, December 1" a day of the story, not a dateline's place
_DAY_WORDS = re.compile(r"\b(?:Last|Next|This|On|Since|Until|By|From|Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)(?:day)?\b")


def _is_dateline_date(text: str, d: DateSpan) -> bool:
    """A dateline's date ("LIMA, Peru, 5 May -") or a labelled one (" date 2022-06-18 The ..."): when the story was
    filed or published, not when the event is."""
    line_start = text.rfind("\n", 0, d.start) + 1
    if _DATE_LABEL.search(text, max(line_start, d.start - 16), d.start):
        return True
    if (d.end_month, d.end_day) != (d.month, d.day):
        return False  # "Kuala Lumpur, Malaysia May 26th – 29th": a story is filed on a day, an event spans days
    return bool(_DATELINE_DATE.fullmatch(text, line_start, d.start)) and not _DAY_WORDS.search(
        text, line_start, d.start
    )


_DATE_LABEL = re.compile(r"(?:^|\s)(?:date|published|posted|updated)\s*[:：]?\s*\Z", re.IGNORECASE)


# "on 27 October 2021, the first day of the fifth X": the date is said to be the event's
_DAY_OF = re.compile(r"[\s,]*(?:the\s+)?(?:\w+\s+)?day\s+of\s+(?:the\s+)?(?:\w+\s+)?", re.IGNORECASE)


def _day_of(text: str, d: DateSpan, m: Mention) -> bool:
    return d.end <= m.start and bool(_DAY_OF.fullmatch(text, d.end, m.start))


def _nearer(text: str, d: DateSpan, m: Mention, rivals: list[Mention]) -> bool:
    """Another event named in the sentence stands nearer the date: it is that one's ("the highlight of X at Y is
    the Z, from 19-21 May" dates Z). Mentions of one event, and an event and its part, share their dates; so do an
    event and the occasion it is held on ("X, hosted from 14 to 16 November 2023 on Y Week")."""
    gap = _gap(d, m)
    return any(
        _gap(d, r) < gap
        and not _OCCASION.fullmatch(text, d.end, r.start)
        and not _joined_between(text, d, r)
        and not _aside(text, r, m, d)
        for r in rivals
    )


def _aside(text: str, r: Mention, m: Mention, d: DateSpan) -> bool:
    """``r`` is named in brackets after ``m``, closed before the date: "X (part of the Y) was hosted in Rome, 20-23
    July" dates X, the subject, not the frame named aside."""
    opened = text.rfind("(", m.end, r.start)
    return opened >= 0 and ")" not in text[opened : r.start] and text.find(")", r.end, d.start) >= 0


# "X, hosted ... from 12-13 November 2024 and held in collaboration with the 5th Y": the date before the words that
# join another gathering to the event is the event's, not the other's
_JOINED = re.compile(r"\b(?:in[ \t]+collaboration[ \t]+with|jointly[ \t]+with)\b", re.IGNORECASE)


def _joined_between(text: str, d: DateSpan, r: Mention) -> bool:
    return (
        d.end <= r.start and (_JOINED.search(text, d.end, r.start) or _BESIDE.search(text, d.end, r.start)) is not None
    )


_OCCASION = re.compile(r"[ \t]*,?[ \t]*(?:on|during)[ \t]+(?:the[ \t]+)?")


def _gap(d: DateSpan, m: Mention) -> int:
    return max(0, d.start - m.end, m.start - d.end)


def year_of(d: DateSpan, m: Mention, art: Article, sentence_years: dict[int, int], future: bool) -> int | None:
    """The year of a date: as written, else the year in the event's name (or another event named in the sentence),
    else from the publication date (forward for an announced event), else the article's most common year."""
    if d.year or d.end_year:
        return d.year or d.end_year
    if m.year or m.sent in sentence_years:
        return m.year or sentence_years[m.sent]
    pub = art.published
    if pub is not None:
        if future:
            return pub.year + ((d.month, d.day or 1) < (pub.month, pub.day))
        if d.month > pub.month and not _soon_after(pub, d.month, d.day or 1):
            return pub.year - 1  # a later month than the story's, told of as past: last year's
        return pub.year
    return art.common_year


SOON_DAYS = 31  # a day this close after the publication date is the coming one, even where the text says no "will"


def _soon_after(pub: dt.date, month: int, day: int) -> bool:
    """Whether the day falls within SOON_DAYS after ``pub`` in the same year ("celebrate Adult Learners Week 1-8
    September" in a release of 28 August)."""
    try:
        ahead = (dt.date(pub.year, month, day) - pub).days
    except ValueError:
        return False
    return 0 <= ahead <= SOON_DAYS


def sentence_years(mentions: list[Mention], art: Article, lex: Lexicon) -> dict[int, int]:
    """A year for each sentence that gives one to its events: the year in an event's name, or "in 2011" in a
    sentence that announces or places an event ("continues its journey in 2011, moving to Dar es Salaam")."""
    years: dict[int, int] = {}
    for m in mentions:
        if m.year and m.sent >= 0:
            years.setdefault(m.sent, m.year)
    for m in mentions:
        if m.sent < 0 or m.sent in years or m.kind == "described":
            continue
        lo, hi = art.span(m.sent)
        past = art.past_in(lo, hi)
        in_hi = past if past is not None else hi  # "... its earlier editions were held in Oslo in 2011"
        if (y := _OPENING_YEAR.match(art.text, lo, hi)) or (
            (y := _IN_YEAR.search(art.text, lo, in_hi))
            and (art.has(lex.future, lo, hi) or art.has(lex.host_any, lo, hi))
        ):
            years[m.sent] = int(y.group(1))  # "In 2009, ADULTED IV led to ...": the sentence's time
    return years
