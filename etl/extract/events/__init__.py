"""Find events (conferences, seminars, ceremonies, forums) with their date, place, attendance and format.

An event is a frame the article fills in: its mentions (names.py) are grouped into events (group), each event
gathers the sentences about it (its own, those that refer back to it, and those that go on to count its
participants: frame_ranges), and each stage reads one fact from them: when.py the date, where.py the place,
counts.py attendance and format.
"""

from __future__ import annotations

from etl.extract.events.article import Article, Facts
from etl.extract.events.context import _co_located, _context, _past_series, _said
from etl.extract.events.event import _event
from etl.extract.events.frames import _frames, _Next, _next_edition
from etl.extract.events.group import _group
from etl.extract.events.lexicon import Lexicon, lexicon
from etl.extract.events.names import Mention, find_mentions
from etl.extract.events.when import date_of, sentence_years
from etl.extract.events.where import held_in_year, place_of
from etl.model import Event, Metric, PlaceMention, Sentence

__all__ = ["extract_events"]


def extract_events(
    text: str, sentences: list[Sentence], metrics: list[Metric], places: list[PlaceMention], published: str
) -> list[Event]:
    """Events named in ``text``, one per distinct event, each with what the article says about it."""
    if not text:
        return []
    lex = lexicon()
    art = Article(text, sentences, metrics, places, published)
    mentions, art.keyword_starts = find_mentions(text, places, lex)
    mentions = [m for m in mentions if not _past_series(m, text, lex)]
    if not mentions:
        return []
    for m in mentions:
        art.locate(m)
    years = sentence_years(mentions, art, lex)
    facts: dict[int, Facts] = {}  # read only for the mentions of events the text says take place

    def facts_of(i: int) -> Facts:
        if i not in facts:
            facts[i] = _facts(mentions[i], art, years, lex)
        return facts[i]

    # Words that only name where an edition is held: "2017 Dalian ... Week" is the "... Week"; a country or region
    # only as written by its name ("Innovating Education in Africa Expo" is the "Innovating in Education Expo"), since
    # an adjective names a different series ("Latin American Learning Cities Forum", "Learning Cities Forum").
    place_words = frozenset(
        w.lower() for p in places if p.kind in ("city", "district") or p.surface == p.name for w in p.surface.split()
    )
    dates: dict[int, Facts] = {}  # the date alone, to group by: the place is read once groups are known

    def year_of(i: int) -> int | None:
        if i not in dates:
            dates[i] = Facts()
            date_of(mentions[i], art, years, lex, dates[i])
        return dates[i].date_year

    groups = _group(mentions, years, text, year_of, place_words)
    if not groups:
        return []
    # facts are read now that each mention's event is known: a date goes to the event named nearest it
    art.group_of = {id(mentions[i]): gi for gi, g in enumerate(groups) for i in g}
    nexts: list[_Next] = []
    said_to_happen: dict[int, bool] = {}

    def happens(gi: int) -> bool:
        """Whether the text says an event of group gi takes place, from its mentions' own sentences."""
        if gi not in said_to_happen:
            said_to_happen[gi] = any(_context(mentions[i], art, lex) for i in groups[gi])
        return said_to_happen[gi]

    frames = _frames(groups, mentions, art, lex, nexts, happens)

    events: list[Event] = []
    quiet: list[Event] = []  # events the text says take place but tells nothing of
    held = held_in_year(art, lex)
    for gi, (g, frame) in enumerate(zip(groups, frames, strict=True)):
        year = next((mentions[i].year for i in g if mentions[i].year), None)
        # "The first conference was held in 1949 in Kristiania, ...; and Recife in December 2009. In 2009, ADULTED IV
        # led to ...": the edition of that year was held there
        history = held.get(year) if year else None
        if frame.cue or history is not None or happens(gi):
            told = [facts_of(i) for i in g] + [facts_of(i) for i in frame.backrefs]
            if history is not None and not any(f.city for f in told):
                told.append(Facts(city=history.name, country=history.country_iso3, host=True))
            if e := _event(g, frame, mentions, told, art, lex):
                (events if _said(e) else quiet).append(e)
    for nxt in nexts:
        if e := _next_edition(nxt, groups, mentions, [facts_of(i) for i in nxt.refs], events, lex, art):
            events.append(e)
    # A gathering described for what it does and said to take place is the article's event when it tells of no
    # other ("This Tuesday, City Hub hosted the mayors' meeting to establish ..."); beside events it tells of, it is
    # most often one of their parts.
    return _co_located(events) or quiet[:1]


def _facts(m: Mention, art: Article, years: dict[int, int], lex: Lexicon) -> Facts:
    """The date and place the text gives near ``m``."""
    f = Facts()
    date_of(m, art, years, lex, f)
    place_of(m, art, lex, f)
    return f
