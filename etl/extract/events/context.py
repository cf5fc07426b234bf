"""Whether the text says an event takes place: its cues, and the events told of at one time and place."""

from __future__ import annotations

import re
from dataclasses import replace

from etl.extract.events.article import Article
from etl.extract.events.lexicon import Lexicon
from etl.extract.events.names import Mention
from etl.model import Event

# "it built on ten previous annual X Forum events": a series' past editions together, no event of their own
_PAST_BEFORE = re.compile(r"\b(?:previous|past|earlier|former)[ \t]+(?:[\w-]+[ \t]+){0,2}\Z", re.IGNORECASE)


def _past_series(m: Mention, text: str, lex: Lexicon) -> bool:
    """A name the text gives in the plural after "previous" ("ten previous annual X Forum events")."""
    return (
        not m.backref
        and bool(lex.plural_after.match(text, m.end))
        and bool(_PAST_BEFORE.search(text, max(0, m.start - 40), m.start))
    )


def _co_located(events: list[Event]) -> list[Event]:
    """Events of one article that begin the same day are held in one place: one that names no city takes the city
    of the other ("The 2nd Teachers Conference ... in Lyon" and "The third Tablet Summit was held on April 30 2015"),
    unless it is online. So does one the text says was held at the same time as the event told before it ("At the
    same time, the Schools Expo ... was held"), with its date when it has none."""
    placed = {e.date: e for e in events if e.date and e.city}
    out: list[Event] = []
    for e in events:
        if not e.city and e.format != "online":
            if e.date in placed:
                e = replace(e, city=placed[e.date].city, country_iso3=placed[e.date].country_iso3)
            elif _SAME_TIME.match(e.sentence) and (host := next((o for o in out if o.city), None)) is not None:
                e = replace(
                    e,
                    city=host.city,
                    country_iso3=host.country_iso3,
                    date=e.date or host.date,
                    end_date=e.end_date or host.end_date,
                )
        out.append(e)
    return out


_SAME_TIME = re.compile(r"\W*(?:At the same time|Meanwhile|Alongside|On the sidelines)\b", re.IGNORECASE)


def _context(m: Mention, art: Article, lex: Lexicon) -> bool:
    """Whether the text around ``m`` says a gathering takes place (an ambiguous word needs a strong cue)."""
    text = art.text
    lead = max(m.lo, m.start - 30)
    # "the first day of the fifth X Conference": what stands before the name, its ordinal aside
    before = m.start
    if ordinal := lex.ordinal_before.search(text, lead, m.start):
        before = ordinal.start()
    if art.has(lex.strong, m.lo, m.hi) or lex.strong_before.search(text, max(m.lo, before - 30), before):
        return True
    if art.has(lex.host_any, m.lo, m.hi):  # "moving to Dar es Salaam", "will be held in Lima"
        return True
    # a name that says how it is held ("the First Hispanic Virtual Congress") names a gathering as plainly as an
    # unambiguous word does
    if m.ambiguous and not lex.any_format.in_slice(text, m.start, m.end):
        # "celebrate Adult Learners Week 1-8 September": its days right after the name
        return any(
            d.start >= m.end and _DATE_GAP.fullmatch(text, m.end, d.start) for d in art.date_spans(m.sent, m.lo, m.hi)
        )
    said_before = m.start
    if m.kind == "titled" and (adj := _ADJECTIVES_BEFORE.search(text, lead, m.start)):
        said_before = adj.start()  # "during the virtual event «...»": what describes the event word aside
    if m.kind == "titled" and (article := _INDEFINITE_BEFORE.search(text, lead, said_before)):
        said_before = article.start()  # "during a high-level virtual event "...""
    said_at = bool(lex.before.search(text, lead, said_before)) or _current(m, text, lex)  # "said at the X Forum"
    if said_at or art.has(lex.weak, m.lo, m.hi) or art.has(lex.future, m.lo, m.hi):
        return True
    if _listed(m, art):  # "2) 4 October - 3-4.30 pm (AEDT) joint Network Webinar on ...": a dated listing
        return True
    # "the X Forum on May 5", "the X Forum (Lima, Peru from 1 - 4 December 2009)"
    bracket = art.text.find(")", m.end, m.end + 120) if art.text[m.end : m.end + 2].lstrip()[:1] == "(" else -1
    return any(
        0 <= d.start - m.end <= 6
        or (bracket > 0 and d.end <= bracket)
        or _DATE_GAP.fullmatch(text, m.end, d.start)
        or _PLACE_GAP.fullmatch(text, m.end, d.start)
        for d in art.date_spans(m.sent, m.lo, m.hi)
        if d.start >= m.end
    )


def _current(m: Mention, text: str, lex: Lexicon, marker: str = "current") -> bool:
    """Whether "this year's" (or "this month's", "this week's") stands right before ``m``, its ordinal aside; with
    ``marker="staged"``, a verb of staging it ("organised the", "held its")."""
    before = m.start
    if ordinal := lex.ordinal_before.search(text, max(0, m.start - 30), m.start):
        before = ordinal.start()
    pattern = lex.staged if marker == "staged" else lex.current
    return bool(pattern.search(text, max(m.lo, before - 20), before))


_ADJECTIVES_BEFORE = re.compile(r"(?<=[ \t])(?:[a-z][a-z-]*[ \t]+){1,2}\Z")


_INDEFINITE_BEFORE = re.compile(r"(?<=[ \t])an?[ \t]+\Z")


_WEEKDAY = r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day"


# Between a name and its date in a headline: 'Online Event ‘Title’ – Friday 5 May'
_DATE_GAP = re.compile(rf"[ \t]*[–—-]?[ \t]*(?:{_WEEKDAY},?[ \t]+)?")


# Between a name and its date, the place: "11th X Conference in Hong Kong, 18-20 November 2013", "the X Forum in Lima,
# Peru, on 5 May"
_CAPITALISED = r"[A-Z][\w’'.-]*(?:[ \t]+[A-Z][\w’'.-]*){0,3}"


_PLACE_GAP = re.compile(rf"[ \t]+in[ \t]+{_CAPITALISED}(?:,[ \t]*{_CAPITALISED})?,?[ \t]+(?:on[ \t]+|from[ \t]+)?")


# What may open a line of a listing before its date: an enumerator, a bullet, a weekday ("3) Friday 27 October")
_LISTING_HEAD = re.compile(
    r"[ \t]*(?:(?:\d{1,2}[.)]|[-•*–·])[ \t]+)?(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?[ \t]+)?\Z"
)


LISTING_REACH = 60  # characters from a listing's date to the event it lists


def _listed(m: Mention, art: Article) -> bool:
    """The line opens with a date, perhaps after an enumerator, and names the event soon after it: an entry of an
    event listing or a newsletter's calendar."""
    text = art.text
    line_start = text.rfind("\n", 0, m.start) + 1
    return any(
        line_start <= d.start
        and d.end <= m.start
        and m.start - d.end <= LISTING_REACH
        and _LISTING_HEAD.match(text, line_start, d.start)
        for d in art.date_spans(m.sent, m.lo, m.hi)
    )


_LISTED = re.compile(r"\b(?:such as|including|like|and|or)\s+(?:the\s+)?\Z|,\s*(?:the\s+)?\Z", re.IGNORECASE)


def _said(e: Event) -> bool:
    """The text tells something of the event: a date, a place or a figure of its attendance. Countries counted from
    a list alone do not say it took place ("a meeting ... brought together partners from Kyrgyzstan, Mongolia and
    Kazakhstan" is most often part of the event the article is about)."""
    return bool(e.date or e.city or e.country_iso3 or e.attendees is not None or e.overseas is not None) or (
        e.countries_represented is not None and bool(e.figure_starts)
    )


def _took_place(m: Mention, art: Article, lex: Lexicon) -> bool:
    """The mention's own sentence says the event took place, and does not name it in a list ("conferences such as
    X and Y")."""
    if m.sent < 0 or m.kind != "described" or " " not in m.name:
        return False
    if _LISTED.search(art.text, max(m.lo, m.start - 20), m.start):
        return False
    lo, hi = art.span(m.sent)
    return art.has(lex.strong, lo, hi) and not _LISTED.search(art.text, max(lo, m.end), min(hi, m.end + 10))
