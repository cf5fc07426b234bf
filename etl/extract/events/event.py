"""One Event row from an event's mentions and frame: its name, date, place, attendance, format and key."""

from __future__ import annotations

import calendar
import itertools
import re
from collections.abc import Callable
from dataclasses import replace

from etl.extract.dates import YEAR, find_relative
from etl.extract.events.article import Article, Facts
from etl.extract.events.context import _context, _current, _took_place
from etl.extract.events.counts import attendance, format_of
from etl.extract.events.frames import _Frame, _place_and_days, _when_line, where_line
from etl.extract.events.group import _in_headline
from etl.extract.events.lexicon import Lexicon
from etl.extract.events.mention import described_only
from etl.extract.events.names import Mention, acronym_before, defined_acronym
from etl.extract.events.when import date_of, ended_on
from etl.extract.events.where import dateline_place, hosted_in, someones_post
from etl.extract.places import Entry, city_state, locate
from etl.model import Event, PlaceMention

# --- one event from its mentions and frame ----------------------------------------------------------------------


_NAME_RANK = {"named": 0, "titled": 1, "brand": 2, "acronym": 3, "described": 4}


def _event(
    g: list[int], frame: _Frame, mentions: list[Mention], told: list[Facts], art: Article, lex: Lexicon
) -> Event | None:
    """The event of mentions ``g`` (told: their facts, then those of the mentions that refer back), or None when
    the text says nothing of it."""

    def first(attr: str) -> tuple[int, Facts] | None:
        return next(((k, f) for k, f in enumerate(told) if getattr(f, attr)), None)

    dated = (
        _within_span(first("date"), told)
        or _frame_date(frame, art, lex, art.group_of.get(id(mentions[g[0]]), -1))
        or _month_refined(g, mentions, art)
    )
    named_year = next((mentions[i].year for i in g if mentions[i].year), None)
    if dated is not None and dated[1].date and dated[1].date == dated[1].end_date:
        # "concluded on Tuesday the activities of the seminar ... The 3-day seminar": its first day, two days before
        f_end = replace(dated[1], sources=dict(dated[1].sources))
        ended_on([mentions[i].name for i in [*g, *frame.backrefs]], art.text, f_end)
        dated = (dated[0], f_end)
    own = dated is not None and 0 <= dated[0] < len(g)  # a date of the event's own sentences, not of its frame
    if dated is not None and not own and named_year and dated[1].date_year and dated[1].date_year != named_year:
        dated = None  # "the 2015 conference ... On 30 January 2018, there will be a workshop": another event's date
    # A host city named by "held in" beats a city inside the name ("Shanghai Forum ... held in Hangzhou"), which
    # beats a host country alone.
    placed = (
        next(((k, f) for k, f in enumerate(told) if f.host and f.city), None)
        or first("city")
        or next(((k, f) for k, f in enumerate(told) if f.host), None)
    )
    f = Facts()
    attendance(frame.ranges, art, lex, f)
    fmt = format_of(frame.ranges, art.text, lex)
    city, country = (placed[1].city, placed[1].country) if placed else ("", "")
    # The cities read from elsewhere than the event's own sentences must lie in the country those say hosts it ("our
    # next MoodleMoot Global being held in Mexico" is not in the Barcelona the article is about).
    host_country = country

    def fits(iso3: str) -> bool:
        return not host_country or iso3 == host_country

    if not city and (hosted := hosted_in(frame.ranges, art, lex)) is not None:  # "... met in Hua Hin"
        city, country = hosted.name, hosted.country_iso3
    if not city and fmt != "online" and (line := _place_and_days_city(frame, art)) is not None:
        city, country = line.name, line.country_iso3  # "Kuala Lumpur, Malaysia May 26th – 29th" under the name
    if not city and fmt != "online" and (where := _labelled_city(frame, art)) is not None:
        city, country = where.name, where.country_iso3  # "Where: Colombo, Sri Lanka" on the event's page
    if not city and fmt != "online" and (dashed := _dash_city(g, mentions, art)) is not None:
        city, country = dashed.name, dashed.country_iso3  # "April 7-9 Digital Learning Symposium 2019 – Vancouver"
    if not city and fmt != "online" and (named := _world_city_in_name(g, mentions)) is not None and fits(named.iso3):
        city, country = named.name, named.iso3  # "Learning Expo Madrid 2013": a world city in its own name
    if not city and fmt != "online" and (venue := _venue_town(frame, art, lex)) is not None and fits(venue.iso3):
        city, country = venue.name, venue.iso3  # "at the University of Economics Ho Chi Minh City (UEH)"
    if not city and fmt != "online" and (p := _plural_host(art, lex)) is not None and fits(p.country_iso3):
        city, country = p.name, p.country_iso3  # "four education events in London": each of them
    # the dateline's city, else the city a local story is about ("City Hub hosted the mayors' meeting ... For
    # Rosario, ..."): named at least twice, and twice as often as any other
    if not city and fmt != "online" and (p := _main_place(g, mentions, art, fits)) is not None:
        city, country = p.name, p.country_iso3
    host = placed is not None and placed[1].host
    # a day given without a year the text can tell ("on 9 March") is still a date said of it
    day_said = any("date" in t.sources for t in told)
    said = (
        dated is not None
        or day_said
        or host
        or f.attendees is not None
        or f.overseas is not None
        or f.countries is not None
        # "The 23rd annual E-Learn Conference ... The conference was held at ...": a name with its event word (or a
        # title quoted after one), and a sentence that refers back to it says it takes place (a brand or a plan with
        # a year, "Vision 2030", is not enough: such names are most often no gathering)
        or (frame.cue and any(mentions[i].kind in ("named", "titled") for i in g))
        # "organized a seminar on ‘Technology & Modern Education’": a title quoted after its event word names a
        # gathering, so its own sentence saying it takes place is enough
        or any(mentions[i].kind == "titled" and _context(mentions[i], art, lex) for i in g)
        # "at this year's Wyndham Learning Festival": an edition the article tells of as taking place now
        or any(mentions[i].kind == "named" and _current(mentions[i], art.text, lex) for i in g)
        # "Carolyn Alexander-Bennett organised the Digital Horizons Conference": someone stages it
        or any(mentions[i].kind == "named" and _current(mentions[i], art.text, lex, "staged") for i in g)
    )
    # A name with nothing said about it is no event row, unless a gathering described for what it does is said to
    # take place (kept aside by extract_events)
    if not said and not any(_took_place(mentions[i], art, lex) for i in g):
        return None
    if fmt == "online" and not host:
        city = ""
    # Where a headline names it too, the fullest name of the best kind: a headline's may be shorter ("Learning Cities
    # conference") or fuller ("Edu Fair Lima 2022") than the body's.
    headlined = any(_in_headline(art.text, mentions[i].start) for i in g)
    naming = _naming(g, mentions, art.text) if headlined else g
    best = min(
        naming,
        key=lambda i: (
            _NAME_RANK[mentions[i].kind],
            not mentions[i].core,  # a name of its own words over the event word and a year ("the 2011 Conference")
            YEAR.search(mentions[i].name) is None,  # "MoodleMoot Global 2024" over "our next MoodleMoot Global"
            _lower_case_name(mentions[i].name),  # a proper name ("X Conference") over "X conference"
            -len(mentions[i].name.split()) if headlined else 0,
            i,
        ),
    )
    anchor = mentions[g[dated[0]]] if dated is not None and 0 <= dated[0] < len(g) else mentions[naming[0]]
    # a name quoted whole with its subtitle ("“Education Conference 2023 – Digital Transition and Inclusion in
    # Education: An Agenda for Action”"): the subtitle's words are what tell the event apart
    whole = next((q for i in g if (q := _quoted_whole(mentions[i], art.text)) is not None), None)
    name = whole or _fuller(mentions[best], [mentions[i] for i in [*g, *frame.backrefs]])
    # the acronym it is known by, where the text defines one: "International Digital Education Conference 2025
    # (iDEC2025)" (a name of common words alone tells no event from another)
    if (
        mentions[best].kind == "named"
        and (
            acr := defined_acronym(art.text, mentions[best].end)
            or acronym_before(art.text, mentions[best].start, mentions[best].name)
        )
        and acr not in name
    ):
        name = f"{name} ({acr})"
    return Event(
        name=name,
        date=dated[1].date if dated else "",
        city=city,
        country_iso3=country,
        attendees=f.attendees,
        overseas=f.overseas,
        countries_represented=f.countries,
        format=fmt,
        sentence=art.sentence_text(anchor),
        key=_key(naming, mentions, dated[1] if dated else None),
        local=_local(naming, mentions, lex),
        position=mentions[g[0]].start,
        end_date=dated[1].end_date if dated else "",
        edition=next((mentions[i].edition for i in g if mentions[i].edition), None),
        figure_starts=tuple(f.sources[k] for k in ("attendees", "overseas", "countries") if k in f.sources),
    )


_COMPLEMENTS = frozenset({"of", "on"})  # not "for": "Camp for the first time"


# "is hosting its 5th Education Symposium in February": a month without its day
_MONTH_NUMBER = {name: n for n, name in enumerate(calendar.month_name) if name}


_IN_MONTH = re.compile(
    r"\b(?:in|this|next|last|during|early|late|mid-?)[ \t]+(?P<mon>"
    + "|".join(_MONTH_NUMBER)
    + r")\b(?![ \t]*,?[ \t]*\d)"
)


def _month_refined(g: list[int], mentions: list[Mention], art: Article) -> tuple[int, Facts] | None:
    """The days of an event its sentences date by the month alone ("its 5th Education Symposium in February"),
    where the article writes one span of days in that month and no other ("24-25 February 2022, Kathmandu" in the
    page's header), with its year; the page's own date is no event's."""
    month = next(
        (
            _MONTH_NUMBER[mm.group("mon")]
            for i in g
            if mentions[i].sent >= 0 and (mm := _IN_MONTH.search(art.text, mentions[i].lo, mentions[i].hi))
        ),
        None,
    )
    if month is None:
        return None
    # not the page's own date: the source address's ("blog/2015/06/24/...") or the publication date
    source_end = art.text.find("\n") if art.text.startswith("Source:") else -1
    published = art.published.isoformat() if art.published else ""
    days = {
        (d.iso(), d.end_iso())
        for si in range(len(art.sentences))
        for d in art.date_spans(si, *art.span(si))
        if d.month == month and d.iso() and d.start > source_end and d.iso() != published
    }
    if len(days) != 1:
        return None
    first, last = days.pop()
    return -1, Facts(date=first, end_date=last, date_year=int(first[:4]))


def _fuller(best: Mention, mentions: list[Mention]) -> str:
    """A described name that is its event word alone or with words before it ("ceremony", "official ceremony") gives
    way to a mention of the same event by the same word that says what it is of or about ("The unveiling ceremony of
    the certificate"): the bare word tells no gathering from another."""
    words = best.name.split()
    if best.kind != "described" or not words:
        return best.name
    word = words[-1].lower()
    fuller = [
        m.name
        for m in mentions
        if m.kind == "described"
        and (parts := m.name.split())
        and len(parts) > len(words)
        and any(w.lower() == word and nxt in _COMPLEMENTS for w, nxt in itertools.pairwise(parts))
    ]
    return max(fuller, key=len, default=best.name)


# Inside the quotes, after the name: a dash or colon and the subtitle, up to the closing quote
_SUBTITLE_TO_QUOTE = re.compile(r"[ \t]*(?:[–—:]|-(?=[ \t]))[ \t]*[^“”\"\n]{3,120}?(?=[”\"])")


_OPEN_QUOTES = ("“", '"')


def _quoted_whole(m: Mention, text: str) -> str | None:
    """The whole quoted title a name opens, with the subtitle after its dash or colon, or None."""
    if m.backref or m.kind == "described" or text[m.start - 1 : m.start] not in _OPEN_QUOTES:
        return None
    sub = _SUBTITLE_TO_QUOTE.match(text, m.end)
    return text[m.start : sub.end()].strip() if sub else None


def _lower_case_name(name: str) -> bool:
    """The last word of the name that is a word, not a number, is in lower case ("the EdTech conference 2024")."""
    return next((w for w in reversed(name.split()) if w[:1].isalpha()), "")[:1].islower()


def _within_span(dated: tuple[int, Facts] | None, told: list[Facts]) -> tuple[int, Facts] | None:
    """A day of the event that another sentence gives a span of days around ("concluded ... on November 21" and
    "held during November 20-21"): the span."""
    if dated is None or dated[1].end_date not in ("", dated[1].date):
        return dated
    day = dated[1].date
    return next(((k, f) for k, f in enumerate(told) if f.date < day <= f.end_date or f.date <= day < f.end_date), dated)


def _place_and_days_city(frame: _Frame, art: Article) -> PlaceMention | None:
    """The city of a line of places and days in the event's frame."""
    for lo, hi in frame.ranges:
        if _place_and_days(art, _sentence_of(art, lo), lo, hi):
            return next((p for p in art.places_in(lo, hi) if p.kind in ("city", "district") or city_state(p)), None)
    return None


def _labelled_city(frame: _Frame, art: Article) -> PlaceMention | None:
    """The city of a "Where:" line in the event's frame ("Where: Colombo, Sri Lanka")."""
    for lo, hi in frame.ranges:
        if where_line(art, lo, hi):
            return next((p for p in art.places_in(lo, hi) if p.kind in ("city", "district") or city_state(p)), None)
    return None


_LETTER_OR_DIGIT = re.compile(r"[^\W_]")


_DASH_AFTER = re.compile(r"[ \t]+[–—-][ \t]+")


_LINE_END_AFTER_PLACE = re.compile(r"(?:,[ \t]*[A-Z][\w .]*)?[ \t]*(?:\n|\Z)")


def _dash_city(g: list[int], mentions: list[Mention], art: Article) -> PlaceMention | None:
    """A city set after the event's name by a dash, ending the line: a listing's or a headline's "Name – City"."""
    for i in g:
        m = mentions[i]
        if m.backref or not (dash := _DASH_AFTER.match(art.text, m.end)):
            continue
        p = next(iter(art.places_in(dash.end(), dash.end() + 1)), None)
        if (
            p is not None
            and (p.kind in ("city", "district") or city_state(p))
            and _LINE_END_AFTER_PLACE.match(art.text, p.end)
        ):
            return p
    return None


WORLD_CITY = 1_000_000  # people: a city this big in an event's name is where the event is, found or not


def _world_city_in_name(g: list[int], mentions: list[Mention]) -> Entry | None:
    """A city of a million people or more named inside the event's name, even where the places reader left the
    name out as part of a longer capitalised run ("Learning Expo Madrid 2013", "EdTech Fair Doha 2022")."""
    for i in g:
        for word in mentions[i].name.split():
            if not word[:1].isupper() or len(word) < 3:
                continue
            entry = locate(word.strip(".,;:()’'\""))
            if entry is not None and entry.kind == "city" and entry.population >= WORLD_CITY:
                return entry
    return None


VENUE_TOWN = 100_000  # people: a town this big inside the name of the venue an event is at is where it is held


# "at the University of Economics Ho Chi Minh City", "at the Gallagher Convention Centre": a venue's capitalised name
_AT_VENUE = re.compile(  # "at the (iconic) Melbourne Cricket Ground": the venue's name, after up to two adjectives
    r"\bat[ \t]+(?:the[ \t]+(?:[a-z]+[ \t]+){0,2})?(?P<v>[A-Z][\w’'.-]*(?:[ \t]+(?:(?:of|de|for|and|&)[ \t]+)?[A-Z][\w’'.-]*){1,7})"
)


def _venue_town(frame: _Frame, art: Article, lex: Lexicon) -> Entry | None:
    """A town of VENUE_TOWN people or more written inside the name of the venue the event's sentences put it at,
    where the places reader left it out as part of an institution's name; in a country the article names, if it
    names any."""
    countries = {p.country_iso3 for p in art.places if p.kind == "country"}
    for lo, hi in frame.ranges:
        if " at " not in art.text[lo:hi]:  # a quick test first
            continue
        for v in _AT_VENUE.finditer(art.text, lo, hi):
            words = v.group("v").split()
            if not lex.venue_words.intersection(words):  # a venue's name ends with one (events_venues.txt)
                continue
            if someones_post(art.text, v.start()):
                continue  # "Rose Luckin (Professor at University College London)": where she works
            for n in range(min(4, len(words)), 0, -1):  # the longest name first: "Ho Chi Minh City", not "Minh"
                for i in range(len(words) - n + 1):
                    entry = locate(" ".join(words[i : i + n]).strip(".,;:’'"))
                    if (
                        entry is not None
                        and entry.kind == "city"
                        and entry.population >= VENUE_TOWN
                        and (not countries or entry.iso3 in countries)
                    ):
                        return entry
    return None


def _plural_host(art: Article, lex: Lexicon) -> PlaceMention | None:
    """The one city the article says several of its events are in ("with four education events in London");
    read once per article."""
    if not art.plural_host_read:
        art.plural_host_read = True
        found = {
            (p.name, p.country_iso3): p
            for p in art.places
            if p.kind == "city"
            and art.text.endswith(("in ", "in\t", "in\n"), 0, p.start)
            and lex.plural_in.search(art.text, max(0, p.start - 40), p.start)
        }
        art.plural_host = next(iter(found.values())) if len(found) == 1 else None
    return art.plural_host


def _frame_date(frame: _Frame, art: Article, lex: Lexicon, gi: int) -> tuple[int, Facts] | None:
    """A date of the event's other sentences that speak of it taking place ("More than 16,000 participants showed
    up at the convention center June 25-28"), when its own mentions give none; not one nearer another event. Failing
    a date written out, a day named relative to the publication date ("will convene in Amman on Tuesday")."""
    for lo, hi in frame.ranges:
        si = _sentence_of(art, lo)
        if (
            not art.has(lex.strong, lo, hi)
            and not art.has(lex.host_any, lo, hi)
            and not _place_and_days(art, si, lo, hi)
            and not _when_line(art, lo, hi)
        ):
            continue
        for d in art.date_spans(si, lo, hi):
            if lo <= d.start < hi and (f := _date_at(d.start, d.end, si, lo, hi, art, lex, gi)):
                return -1, f
    if art.published is None:
        return None
    for lo, hi in frame.ranges:
        si = _sentence_of(art, lo)
        if not art.has(lex.strong, lo, hi) or art.date_spans(si, lo, hi):
            continue
        for r in find_relative(art.text, lo, hi):
            if f := _date_at(r.start, r.end, si, lo, hi, art, lex, gi):
                return -1, f
    return None


def _date_at(start: int, end: int, si: int, lo: int, hi: int, art: Article, lex: Lexicon, gi: int) -> Facts | None:
    """The date written at text[start:end] in sentence ``si``, unless another event's mention stands nearer it."""
    nearest = min(art.named_in.get(si, []), key=lambda n: max(0, start - n.end, n.start - end), default=None)
    if nearest is not None and art.group_of.get(id(nearest)) != gi:
        return None
    pseudo = Mention(start, end, "", "described", False, frozenset(), None, sent=si, lo=lo, hi=hi)
    f = Facts()
    date_of(pseudo, art, {}, lex, f)
    return f if f.date else None


def _sentence_of(art: Article, pos: int) -> int:
    from etl.extract.sentences import sentence_at

    s = sentence_at(art.sentences, pos)
    return art.sentence_index[id(s)] if s is not None else -1


def _fitting(p: PlaceMention | None, fits: Callable[[str], bool]) -> PlaceMention | None:
    return p if p is not None and fits(p.country_iso3) else None


def _local_city(art: Article) -> PlaceMention | None:
    counts: dict[str, list[PlaceMention]] = {}
    for p in art.places:
        if p.kind == "city":
            counts.setdefault(p.name, []).append(p)
    ranked = sorted(counts.values(), key=len, reverse=True)
    if not ranked or len(ranked[0]) < 2 or (len(ranked) > 1 and len(ranked[0]) < 2 * len(ranked[1])):
        return None
    return ranked[0][0]


def _main_place(
    g: list[int], mentions: list[Mention], art: Article, fits: Callable[[str], bool]
) -> PlaceMention | None:
    """The dateline's city for the event the article opens with, else the city the local story is about; for an
    event named later, the dateline's city only where the dateline's own line names it ("Kathmandu, May 17, 2016:
    ... organized a “Workshop on ...”" under a page's furniture)."""
    if _is_main(g, mentions, art):
        return dateline_place(art) or _fitting(_local_city(art), fits)
    if (p := dateline_place(art)) is None:
        return None
    line_end = art.text.find("\n", p.end)
    return next(
        (
            p
            for i in g
            if mentions[i].kind in ("named", "titled")  # a name, not "a bored conference" in passing
            and p.end < mentions[i].start
            and (line_end < 0 or mentions[i].start < line_end)
        ),
        None,
    )


def _is_main(g: list[int], mentions: list[Mention], art: Article) -> bool:
    """The event the article opens with: named in its first lines."""
    return mentions[g[0]].start < max(600, len(art.text) // 4)


def _naming(g: list[int], mentions: list[Mention], text: str) -> list[int]:
    """The mentions that may name the event: not a headline that only says what it is ("Regional conference in
    Tashkent", before "the regional conference ‘Adult Learning and Education in Central Asia’"), if others do."""
    named = [
        i
        for i in g
        if not (_in_headline(text, mentions[i].start) and described_only(text, mentions[i].start, mentions[i].end))
    ]
    return named or g


def _key_mention(g: list[int], mentions: list[Mention]) -> Mention:
    """The mention whose words identify the event across articles: a brand, else the best kind of name."""
    return mentions[min(g, key=lambda i: (_NAME_RANK[mentions[i].kind] if mentions[i].kind != "brand" else 0, i))]


def _local(g: list[int], mentions: list[Mention], lex: Lexicon) -> bool:
    """Its name has no word of its own, only event words and how or at what scale it is held ("training workshop",
    "second webinar", "International Conference"): nothing tells it from another article's event of those words."""
    return not (_key_mention(g, mentions).core - lex.generic)


def _key(g: list[int], mentions: list[Mention], dated: Facts | None) -> str:
    """The event's identity across articles: the words of its best name, its year and its edition."""
    year = next((mentions[i].year for i in g if mentions[i].year), None) or (dated.date_year if dated else None)
    words = " ".join(sorted(_key_mention(g, mentions).tokens))
    edition = next((mentions[i].edition for i in g if mentions[i].edition), None)
    key = f"{year} {words}" if year else words
    return f"{key} #{edition}" if edition and not year else key
