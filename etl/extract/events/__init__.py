"""Find events (conferences, seminars, ceremonies, forums) with their date, place, attendance and format.

An event is a frame the article fills in: its mentions (names.py) are grouped into events (group), each event
gathers the sentences about it (its own, those that refer back to it, and those that go on to count its
participants: frame_ranges), and each stage reads one fact from them: when.py the date, where.py the place,
counts.py attendance and format.
"""

from __future__ import annotations

import calendar
import itertools
import re
from bisect import bisect_left
from collections.abc import Callable
from dataclasses import dataclass, replace

from etl.extract.dates import YEAR, find_relative
from etl.extract.events.article import Article, Facts
from etl.extract.events.counts import attendance, format_of
from etl.extract.events.lexicon import Lexicon, lexicon
from etl.extract.events.names import (
    Mention,
    acronym_before,
    defined_acronym,
    find_mentions,
    identity,
    singular_token,
)
from etl.extract.events.when import date_of, ended_on, sentence_years
from etl.extract.events.where import dateline_place, held_in_year, hosted_in, place_of, someones_post
from etl.extract.meta import EVENT_DETAIL_LINE
from etl.extract.places import Entry, city_state, locate
from etl.model import Event, Metric, PlaceMention, Sentence

__all__ = ["extract_events"]

ATTENDANCE_REACH = 2  # sentences after an event's own in which a figure of attendees is still about it
_NAME_RANK = {"named": 0, "titled": 1, "brand": 2, "acronym": 3, "described": 4}


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


def _facts(m: Mention, art: Article, years: dict[int, int], lex: Lexicon) -> Facts:
    """The date and place the text gives near ``m``."""
    f = Facts()
    date_of(m, art, years, lex, f)
    place_of(m, art, lex, f)
    return f


# --- which mentions are one event -------------------------------------------------------------------------------


def _compatible(a: int | None, b: int | None) -> bool:
    return a is None or b is None or a == b


@dataclass
class _Cluster:
    members: list[int]
    tokens: frozenset[str]
    core: frozenset[str]
    year: int | None
    edition: int | None
    named_year: int | None = None  # a year written in one of its names, not only in their sentences

    def takes(self, other: _Cluster) -> bool:
        return _compatible(self.year, other.year) and _compatible(self.edition, other.edition)


# "... International Conference & Technology Exposition known as TechEd 2006": the name it goes by
_KNOWN_AS = re.compile(
    r"[ \t]*,?[ \t]*(?:(?:also|better|popularly)[ \t]+)?(?:known[ \t]+as|dubbed)[ \t]+(?:the[ \t]+)?"
)
_APPOSITION = re.compile(r"\s*(?:[–—:(]|\s-)\s*(?:the\s+)?", re.IGNORECASE)


def _apposed(mentions: list[Mention], text: str) -> dict[int, list[int]]:
    """Names set side by side with a dash or colon between ("X – The Y"): mention -> the mentions before it."""
    out: dict[int, list[int]] = {}
    named = [i for i, m in enumerate(mentions) if not m.backref and m.kind != "described"]
    for a, b in itertools.pairwise(named):
        if mentions[a].end <= mentions[b].start and (
            _APPOSITION.fullmatch(text, mentions[a].end, mentions[b].start)
            or _KNOWN_AS.fullmatch(text, mentions[a].end, mentions[b].start)
            or _named_apposition(mentions[a], mentions[b], text)
        ):
            out.setdefault(b, []).append(a)
    for a, b in itertools.pairwise(i for i, m in enumerate(mentions) if not m.backref):
        ma, mb = mentions[a], mentions[b]
        if (
            # "Eduvision 2009, the fourth biennial international conference and exposition on ...": a description set
            # after a name by a comma and "the" says what the named event is
            mb.kind == "described"
            and ma.kind != "described"
            and _DESCRIBED_APPOSITION.fullmatch(text, ma.end, mb.start)
        ) or (
            # "convened a diverse assembly of educators, policymakers, and technology leaders for its 2nd E-Learning
            # International Conference": the gathering its host convenes for its own named event is that event
            ma.kind == "described"
            and mb.kind != "described"
            and ma.sent == mb.sent
            and _FOR_ITS.fullmatch(text, ma.end, mb.start)
        ):
            out.setdefault(b, []).append(a)
    return out


_DESCRIBED_APPOSITION = re.compile(r",[ \t]+the[ \t]+")
# what continues a list of names: "the X Forum, the Y Summit and the Z Expo"
_LIST_GOES_ON = re.compile(r"[ \t]*(?:,|and\b|or\b|&)")
_LIST_BEFORE = re.compile(r"(?:,|\band|\bor|&|\bsuch[ \t]+as|\bincluding|\blike)[ \t]+(?:the[ \t]+)?\Z")


def _named_apposition(a: Mention, b: Mention, text: str) -> bool:
    """ "EMOOCs 2014, the Second MOOC European Stakeholders Summit on Feb 10-12": a name set after another by a comma
    and "the", with the edition it is, names the same event, where no list goes on after it or stands before the
    first ("conferences such as the X Conference, the Y Conference;" are two)."""
    return (
        a.sent == b.sent
        and b.edition is not None
        and _DESCRIBED_APPOSITION.fullmatch(text, a.end, b.start) is not None
        and not _LIST_GOES_ON.match(text, b.end)
        and not _LIST_BEFORE.search(text, max(0, a.start - 12), a.start)
    )


_FOR_ITS = re.compile(r"[^.;:!?()\n]{0,80}?[ \t]for[ \t]+(?:its|their)[ \t]+")


# "its webinar entitled “...”": a determiner says the titled event is one the text has spoken of already
_TITLED_REF = re.compile(r"(?:\b(?:the|its|their|this|our)\s+)\Z", re.IGNORECASE)


def _retitled(mentions: list[Mention], text: str) -> dict[int, list[int]]:
    """A title given to an event the text already spoke of by its event word alone ("the institute convened a webinar ...
    its webinar entitled “Bandwidth for All”"): titled mention -> the earlier plain mentions of that word."""
    out: dict[int, list[int]] = {}
    for i, m in enumerate(mentions):
        if m.kind != "titled" or not text[m.start : m.start + 1].isalpha():
            continue
        if not _TITLED_REF.search(text, max(0, m.start - 8), m.start):
            continue
        word = text[m.start : m.end].split(None, 1)[0].lower()
        # the last plain mention before it with that event word ("a webinar on school connectivity")
        last = next(
            (
                j
                for j in range(i - 1, -1, -1)
                if not mentions[j].backref
                and mentions[j].kind == "described"
                and word in mentions[j].name.lower().split()
            ),
            None,
        )
        if last is not None:
            out[i] = [last]
    return out


def _group(
    mentions: list[Mention],
    years: dict[int, int],
    text: str,
    date_year: Callable[[int], int | None],
    place_words: frozenset[str] = frozenset(),
) -> list[list[int]]:
    """The mentions of each event, in order of first mention; a plain "the conference" belongs to none.

    Mentions with the same identity words are one event unless their years or editions differ; a mention without a
    year (or edition) takes the one its namesakes establish, and where they name several, it stands for the series
    and is an event of its own. A brand ("Edu Expo 2017") is then the event whose name holds its words
    ("Edu Expo Peru 2017", "the eLearning Africa conference").
    """
    by_tokens: dict[frozenset[str], list[int]] = {}
    for i, m in enumerate(mentions):
        if not m.backref and m.tokens:
            by_tokens.setdefault(m.tokens, []).append(i)
    clusters: list[_Cluster] = []
    for tokens, idx in by_tokens.items():
        keyed: dict[tuple[int | None, int | None], list[int]] = {}
        for i in idx:
            keyed.setdefault((mentions[i].year or years.get(mentions[i].sent), mentions[i].edition), []).append(i)
        # A name with only its year (or only its edition) joins the one with both that agrees, if there is one;
        # one with neither joins the others if they are all one edition. "The first WDEC" and "the 2025 WDEC" stay
        # apart: nothing says they are one.
        # An edition named without its year whose date falls in the year another name gives is that one
        # ("the eighth WISE on November 14-16" and "WISE 2017", told in 2017).
        for k in [k for k in keyed if k[0] is None and k[1] is not None]:
            dated = next((y for i in keyed[k] if (y := date_year(i))), None)
            if dated and any(other[0] == dated and other[1] is None for other in keyed):
                keyed[(dated, None)] += keyed.pop(k)
        # A name with neither, dated in a year another name of the series gives, is that edition ("our next MoodleMoot
        # Global being held in Mexico from 11-14 November 2024" and "MoodleMoot Global 2024").
        if (None, None) in keyed and len(keyed) > 2:
            for i in list(keyed[(None, None)]):
                if (y := date_year(i)) and (y, None) in keyed:
                    keyed[(y, None)].append(i)
                    keyed[(None, None)].remove(i)
            if not keyed[(None, None)]:
                del keyed[(None, None)]
        full = [k for k in keyed if k[0] and k[1]]
        for k in [k for k in keyed if (k[0] is None) != (k[1] is None)]:
            target = [f for f in full if _compatible(k[0], f[0]) and _compatible(k[1], f[1])]
            if len(target) == 1:
                keyed[target[0]] += keyed.pop(k)
        if (None, None) in keyed and len(keyed) == 2:
            rest = next(k for k in keyed if k != (None, None))
            keyed[rest] += keyed.pop((None, None))
        for (y, e), members in keyed.items():
            core = mentions[members[0]].core
            named_year = next((mentions[i].year for i in members if mentions[i].year), None)
            clusters.append(_Cluster(sorted(members), tokens, core, y, e, named_year))
    clusters.sort(key=lambda c: c.members[0])
    cluster_of = {i: c for c in clusters for i in c.members}
    apposed = _apposed(mentions, text)
    in_headline = {i for i, m in enumerate(mentions) if m.start <= HEADLINE_WITHIN and _in_headline(text, m.start)}
    first_body = next((i for i, m in enumerate(mentions) if not m.backref and m.tokens and i not in in_headline), -1)
    for i, before in _retitled(mentions, text).items():
        apposed.setdefault(i, []).extend(before)
    # A brand joins the event whose words hold its own (or whose words its own hold); two names of one edition do
    # too ("34th Elets World Education Summit", "34th World Education Summit"); and a name set beside another by a
    # dash or colon ("34th World Education Summit – The Leading Education Conference") is the same event.
    merged: list[_Cluster] = []
    for c in clusters:
        brand = all(mentions[i].kind == "brand" for i in c.members)

        def joins(o: _Cluster, c: _Cluster = c, brand: bool = brand) -> bool:
            if not o.takes(c):
                return False
            if any(cluster_of.get(j) is o for i in c.members for j in apposed.get(i, ())):
                return True
            # "the first ever New Vision Education Expo ... the inaugural expo": the event word and the edition alone
            if not c.core and c.edition and c.edition == o.edition and c.tokens <= o.tokens:
                return True
            # "the 2020 Networked Learning Conference ... The 2020 conference was disrupted": the event word and the
            # year alone
            if not c.core and c.named_year and c.tokens <= o.tokens and c.named_year == _year_of(o, date_year):
                return True  # (or dated that year: "WISE ... from November 19-21 ... the 2019 summit")
            if _described_beside_brand(c, o, mentions, text) or _introduced(o, c, mentions, text):
                return True
            # "GESS Dubai 2020" and "the Global Educational Supplies and Solutions (GESS) exhibition": a brand and the
            # name that defines its acronym
            if (brand or all(mentions[i].kind == "brand" for i in o.members)) and _acronyms(c, mentions) & _acronyms(
                o, mentions
            ):
                return True
            # "This year's OU conference" and "the Annual Open University Conference": one event word, and the
            # capitals of one name spell the other's own words
            if c.tokens & o.tokens - c.core - o.core and (_spells(c, o, mentions) or _spells(o, c, mentions)):
                return True
            # a headline names the article's first event in fewer words ("Lyon to host data forum" and then "the
            # second International Forum on School Data")
            headline = bool(in_headline) and (
                (first_body in o.members and any(i in in_headline for i in c.members))
                or (first_body in c.members and any(i in in_headline for i in o.members))
            )
            # ... or in other words, with the same edition and event word ("7th Africa’s eLearning conference" and
            # "The seventh edition of the International conference on ICT for development")
            if headline and c.edition and c.edition == o.edition and c.tokens & o.tokens - c.core - o.core:
                return True
            # ... as anywhere in the article: "the 27th World Conference on Online Learning ... As the 27th edition of
            # the ICDE World Conference, ...": one edition's number and event word
            if c.edition and c.edition > 1 and c.edition == o.edition and c.tokens & o.tokens - c.core - o.core:
                return True
            if not (c.core and o.core and (c.core <= o.core or o.core <= c.core)):
                return False
            # one edition by the years or ordinals their names write ("UNESCO Week" at the "Shanghai Expo 2010" is not
            # the 2010 "UNESCO Forum")
            same_edition = (c.named_year and c.named_year == o.named_year) or (c.edition and c.edition == o.edition)
            # "2017 Dalian Lifelong-Learning-for-All Week" and "Lifelong-Learning-for-All Week": the words that
            # differ name the place
            differ = c.core ^ o.core
            placed = bool(differ) and differ <= place_words
            # "the High-Level Regional Policy Dialogue ... The Policy Dialogue was co-organized by ...": a shorter
            # name of the event named before, with "the" and no year or edition of its own
            # (the event named last before it: "the UNESCO Conference" after a festival is no short name of the
            # headline's "Unesco International Conference")
            last = next(
                (j for j in range(c.members[0] - 1, -1, -1) if not mentions[j].backref and mentions[j].tokens), -1
            )
            short = (
                c.core < o.core
                and not (c.named_year or c.edition)
                and cluster_of.get(last) is o
                and all(_THE_BEFORE.search(text, max(0, mentions[i].start - 30), mentions[i].start) for i in c.members)
            )
            return bool(
                brand
                or all(mentions[i].kind == "brand" for i in o.members)
                or same_edition
                or placed
                or headline
                or short
            )

        host = next((o for o in merged if joins(o)), None)
        if host is None:
            merged.append(c)
        else:
            host.members = sorted(host.members + c.members)
            host.year, host.edition = host.year or c.year, host.edition or c.edition
            host.named_year = host.named_year or c.named_year
            for i in c.members:
                cluster_of[i] = host
    for c in merged:
        for i in c.members:
            mentions[i].year = mentions[i].year or c.year
            mentions[i].edition = mentions[i].edition or c.edition
    return sorted((c.members for c in merged), key=lambda g: g[0])


# "the", perhaps with a lower-case word or two ("The annual International Symposium, which ...")
_THE_BEFORE = re.compile(r"\b(?:the|The|THE)[ \t]+(?:[a-z]+[ \t]+){0,2}\Z")
_BRACKETED_ACRONYM = re.compile(r"\(([A-Za-z][A-Za-z0-9&+-]{1,11})\)")


def _spells(a: _Cluster, b: _Cluster, mentions: list[Mention]) -> bool:
    """Whether ``a``'s one word of its own is written in capitals that spell ``b``'s own words, all of them or all but
    the first ("OU" for "Annual Open University")."""
    if len(a.core) != 1:
        return False
    (acronym,) = a.core
    if not any(w.isupper() and w.lower() == acronym for i in a.members for w in mentions[i].name.split()):
        return False
    if not 2 <= len(acronym) <= 6:
        return False
    for j in b.members:
        words = [w for w in mentions[j].name.split() if singular_token(w.strip(".,;:()").lower()) in b.core]
        for run in (words, words[1:]):
            if len(run) == len(acronym) and "".join(w[0] for w in run).lower() == acronym:
                return True
    return False


def _year_of(c: _Cluster, date_year: Callable[[int], int | None]) -> int | None:
    """The year a cluster's names write, else the year of its sentences, else the year its mentions are dated in."""
    return c.named_year or c.year or next((y for i in c.members if (y := date_year(i))), None)


def _acronyms(c: _Cluster, mentions: list[Mention]) -> set[str]:
    """The acronyms in brackets in the names of a cluster's mentions."""
    return {a for i in c.members for a in _BRACKETED_ACRONYM.findall(mentions[i].name) if sum(map(str.isupper, a)) > 1}


_A_BEFORE = re.compile(r"\b(?:a|an|A|An)[ \t]+\Z")


def _described_beside_brand(c: _Cluster, o: _Cluster, mentions: list[Mention], text: str) -> bool:
    """A gathering described with "a" in the sentence of a brand is the brand's event ("partner with EduTech Scotland
    on Wednesday 7th December for a one day conference")."""
    return (
        all(mentions[i].kind == "described" for i in c.members)
        and not (c.named_year or c.edition)
        and all(mentions[j].kind == "brand" for j in o.members)
        and any(
            mentions[i].sent == mentions[j].sent >= 0
            and _A_BEFORE.search(text, max(0, mentions[i].start - 4), mentions[i].start)
            for i in c.members
            for j in o.members
        )
    )


def _introduced(o: _Cluster, c: _Cluster, mentions: list[Mention], text: str) -> bool:
    """A gathering described with "a" once, then named in the next sentence by the same event word with no other
    event between, is the named one ("Malta will host an important international conference on m-learning ... The
    aims of the ninth World Conference on Contextual learning ...")."""
    if len(o.members) != 1 or not (o.tokens & c.tokens) - o.core - c.core:
        return False
    d, n = mentions[o.members[0]], mentions[c.members[0]]
    return (
        d.kind == "described"
        and n.kind != "described"
        and not (o.named_year or o.edition)
        and n.sent == d.sent + 1
        and d.sent >= 0
        and bool(_A_BEFORE.search(text, max(0, d.start - 4), d.start))
        and not any(not m.backref and d.end <= m.start < n.start for m in mentions)
    )


HEADLINE_WITHIN = 800  # characters from the start of the text in which a headline stands
HEADLINE_WORDS = 20


def _in_headline(text: str, pos: int) -> bool:
    """``pos`` is on a short line near the top that ends without a full stop: a headline."""
    if pos > HEADLINE_WITHIN:
        return False
    start = text.rfind("\n", 0, pos) + 1
    end = text.find("\n", pos)
    line = text[start : end if end >= 0 else len(text)].strip()
    return not line.endswith((".", ":")) and len(line.split()) <= HEADLINE_WORDS and not line.startswith("Source:")


# --- the sentences about each event -----------------------------------------------------------------------------


@dataclass
class _Frame:
    ranges: list[tuple[int, int]]  # what is read for attendance and format: its mentions' windows, then the rest
    backrefs: list[int]  # mentions that refer back to it ("the event, held from 24-26 May 2006 in ...")
    cue: bool  # a sentence of the frame says a gathering takes place


_GOES_ON = re.compile(r"\s*(?:It|From|On|Between)\b")  # a sentence that goes on about the event just named
_NEXT_EDITION = re.compile(r"\b(?:next\s+(?:year|edition|summit|conference|forum)|following\s+year)\b", re.IGNORECASE)


@dataclass
class _Next:
    base: int  # the event whose next edition it is
    refs: list[int]  # the references back that name it ("the event will be held in ...")
    span: tuple[int, int]


def _frames(
    groups: list[list[int]],
    mentions: list[Mention],
    art: Article,
    lex: Lexicon,
    nexts: list[_Next] | None = None,
    happens: Callable[[int], bool] | None = None,
) -> list[_Frame]:
    """For each event, the sentences about it.

    A sentence that names events is about the first one it names that is not nested in another ('the parallel
    conference of the X Conference "T"' is about the parallel conference); one that refers back ("the conference",
    "the event") is about the event the text spoke of last, or the article's main event; one that only counts
    participants is about the event of the sentence before or the one before that.
    """
    group_of = {i: gi for gi, g in enumerate(groups) for i in g}
    main = max(range(len(groups)), key=lambda gi: (len(groups[gi]), -groups[gi][0]))
    head_of: dict[int, int] = {}  # sentence -> the event it names first
    for i, m in enumerate(mentions):
        if m.sent < 0 or i not in group_of:
            continue
        nested = any(o.start <= m.start and m.end <= o.end for o in mentions[max(0, i - 3) : i] if not o.backref)
        if not nested:
            head_of.setdefault(m.sent, group_of[i])
    backrefs_in: dict[int, list[int]] = {}
    for i, m in enumerate(mentions):
        if m.backref and m.sent >= 0:
            backrefs_in.setdefault(m.sent, []).append(i)
    frames = [_Frame([], [], False) for _ in groups]
    for gi, g in enumerate(groups):
        seen = set()
        for i in g:
            m = mentions[i]
            if m.sent >= 0 and head_of.get(m.sent) == gi and m.sent not in seen:
                frames[gi].ranges.append((m.lo, m.hi))
                seen.add(m.sent)
    # The lead before any event is named says what happened ("Ministers from 11 countries met in Hua Hin"):
    # it is about the main event where it speaks of a gathering.
    first = min((m.sent for i, m in enumerate(mentions) if i in group_of and m.sent >= 0), default=0)
    for si in range(first):
        lo, hi = art.span(si)
        if si in backrefs_in or art.has(lex.host_any, lo, hi) or art.has(lex.strong, lo, hi):
            frames[main].ranges.append((lo, hi))
            frames[main].backrefs.extend(backrefs_in.get(si, []))
            frames[main].cue = frames[main].cue or art.has(lex.strong, lo, hi)
    current: int | None = None
    since = quoted = 0  # sentences since the current event's, and how many of them are a quoted title's line
    nexts = [] if nexts is None else nexts
    said: dict[str, int] = {}  # "opening ceremony" -> the event it was said of: it is that one's again
    for si in range(first, len(art.sentences)):
        lo, hi = art.span(si)
        if si in head_of:
            current, since, quoted = head_of[si], 0, 0
            for i in backrefs_in.get(si, ()):
                r = mentions[i]
                if _NEXT_EDITION.search(art.text, max(lo, r.start - 40), r.end):  # "... ended. next year, the event"
                    nexts.append(_Next(current, [i], (max(lo, r.start - 40), hi)))
                # "Securing the conference was ..., and ... its annual Lifelong Learning Festival": a reference back
                # by another event word than the sentence's event names is the event named last with that word
                word = _keyword_of(r)
                token = identity(word, lex)[0] if word else frozenset()
                head_tokens = frozenset().union(*(mentions[j].tokens for j in groups[current]))
                referent = (
                    current
                    if not token or token <= head_tokens
                    else _referent(word, si, groups, mentions, current, main)
                )
                said.setdefault(_phrase(r), referent)
            continue
        refs = backrefs_in.get(si, [])
        referring = _refers_back(art, lo, hi, lex) if not refs else _keyword_of(mentions[refs[0]])
        if refs and all(_other_series(mentions[i], groups, mentions) for i in refs):
            referring = None  # "the World Heritage Committee ... during its 41st session in Krakow": not this event
        if referring is not None:
            known = next((said[p] for i in refs if (p := _phrase(mentions[i])) in said), None)
            gi = known if known is not None else _referent(referring, si, groups, mentions, current, main, happens)
            if _LAST_YEAR.match(art.text, lo, hi):
                # "Last year, 900 people gathered during the conference": the edition before, if named
                before = _edition_before(gi, groups, mentions)
                if before is None:
                    continue
                gi = before
            if refs and _NEXT_EDITION.search(art.text, lo, hi):
                # "Next year, the event will be held in Bogotá": the next edition, an event of its own
                nexts.append(_Next(gi, refs, (lo, hi)))
                continue
            for i in refs:
                said.setdefault(_phrase(mentions[i]), gi)
            frames[gi].ranges.append((lo, hi))
            frames[gi].backrefs.extend(backrefs_in.get(si, []))
            frames[gi].cue = frames[gi].cue or art.has(lex.strong, lo, hi)
            current, since, quoted = gi, 0, 0
            continue
        since += 1
        quoted += bool(_QUOTED_LINE.fullmatch(art.text, lo, hi))  # the theme under a name: "“Education and Skills ...”"
        if current is not None and since <= ATTENDANCE_REACH and art.metrics_in(lo, hi):
            frames[current].ranges.append((lo, hi))
        elif (
            current is not None
            and len(groups) == 1
            and any(lex.attend_noun.search(m.unit or "") for m in art.metrics_in(lo, hi))
            and lex.attend_verb.in_range(art.text, lo, hi)
        ):
            # "Over 550 delegates from 102 countries attended.", further on in a text that tells of one event: its
            # attendance, however many sentences on
            frames[current].ranges.append((lo, hi))
        elif current is not None and since <= 1 + quoted and _place_and_days(art, si, lo, hi):
            frames[current].ranges.append((lo, hi))  # "Kuala Lumpur, Malaysia May 26th – 29th" under its name
        elif current is not None and _labelled(art, si, lo, hi):
            frames[current].ranges.append((lo, hi))  # "When: 27-28 February 2018" on the event's page
            frames[current].cue = True
        elif (
            current is not None
            and since == 1
            and _GOES_ON.match(art.text, lo, hi)
            and art.has(lex.strong, lo, hi)
            and art.date_spans(si, lo, hi)
        ):
            # "The X Festival has returned for its eighth year. From Wednesday 9th to Sunday 13th April, residents
            # and visitors can take part in free lessons", "It will take place from May 18-24": the next sentence
            # dates it (not "The official handing over ... has also been scheduled to take place on ..."), and says
            # it takes place
            frames[current].ranges.append((lo, hi))
            frames[current].cue = True
    return frames


def _place_and_days_city(frame: _Frame, art: Article) -> PlaceMention | None:
    """The city of a line of places and days in the event's frame."""
    for lo, hi in frame.ranges:
        if _place_and_days(art, _sentence_of(art, lo), lo, hi):
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


def _place_and_days(art: Article, si: int, lo: int, hi: int) -> bool:
    """The sentence is a line of places and a span of days, nothing else: where and when the event named just
    before takes place."""
    spans = [d for d in art.date_spans(si, lo, hi) if (d.end_month, d.end_day) != (d.month, d.day)]
    places = art.places_in(lo, hi)
    if not spans or not places or hi - lo > 120:
        return False
    rest = list(art.text[lo:hi])
    blanks = [(d.start, d.end) for d in spans] + [(p.start, p.end) for p in places]
    # "in Tunis–Gammarth": a place joined by a dash to a part of it the gazetteer may not know
    blanks += [(j.start(), j.end()) for p in places if (j := _DASH_JOINED.match(art.text, p.end, hi))]
    for a, b in blanks:
        rest[max(a, lo) - lo : min(b, hi) - lo] = " " * (min(b, hi) - max(a, lo))
    # "October 30 to November 1, 2026, in Tunis": the days and the place, and the words that join them
    return all(w.lower() in _LINE_JOINERS for w in _LETTER_OR_DIGIT_RUN.findall("".join(rest)))


_QUOTED_LINE = re.compile(r"\s*[“\"][^“”\"\n]{3,300}[”\"][\s,.]*")
# An event page's labelled lines, under its name: "When: 27-28 February 2018", "Where: Colombo, Sri Lanka" ("Date:" only
# beside its time or place, see _when_line)
_WHEN_LINE = re.compile(r"[ \t]*(?:When|Dates)[ \t]*:[ \t]*(?=\S)")
_WHERE_LINE = re.compile(r"[ \t]*(?:Where|Venue|Location)[ \t]*:[ \t]*(?=\S)")
# "Date:" is most often the page's own stamp ("Date: 08 April 2022" under "Author: ECDOE"); it is the event's when the
# line before or after it says its time or place ("Date: 7th & 8th July, 2025\nVenue: NSS Training College")
_DATE_LINE = re.compile(r"[ \t]*Date[ \t]*:[ \t]*(?=\S)")
_NEXT_LINE = re.compile(r"[^\n]*\n\s*")  # the rest of a line and the blank lines after it


def _when_line(art: Article, lo: int, hi: int) -> bool:
    """Whether text[lo:hi] opens as an event page's line of its dates ("When:", "Dates:", or "Date:" beside its time
    or place)."""
    text = art.text
    if _WHEN_LINE.match(text, lo, hi):
        return True
    if not _DATE_LINE.match(text, lo, hi):
        return False
    after = _NEXT_LINE.match(text, lo)
    before = text.rfind("\n", 0, len(text[:lo].rstrip()))
    return bool(
        (after is not None and EVENT_DETAIL_LINE.match(text, after.end()))
        or EVENT_DETAIL_LINE.match(text, before + 1, lo)
    )


def _labelled(art: Article, si: int, lo: int, hi: int) -> bool:
    """The sentence is an event page's "When:" line with a date, or its "Where:" line with a place."""
    if _when_line(art, lo, hi):
        return bool(art.date_spans(si, lo, hi))
    return bool(_WHERE_LINE.match(art.text, lo, hi) and art.places_in(lo, hi))


def _labelled_city(frame: _Frame, art: Article) -> PlaceMention | None:
    """The city of a "Where:" line in the event's frame ("Where: Colombo, Sri Lanka")."""
    for lo, hi in frame.ranges:
        if _WHERE_LINE.match(art.text, lo, hi):
            return next((p for p in art.places_in(lo, hi) if p.kind in ("city", "district") or city_state(p)), None)
    return None


_DASH_JOINED = re.compile(r"(?:[–—-]|(?<=[–—-]))[A-Z][^\W\d_]*")  # the place may end with its dash
_LETTER_OR_DIGIT_RUN = re.compile(r"[^\W_]+")
_LINE_JOINERS = frozenset({"in", "at", "from", "to", "and", "on"})


_LAST_YEAR = re.compile(r"[\s\"“]*(?:Last|Previous)[ \t]+year\b", re.IGNORECASE)


def _edition_before(gi: int, groups: list[list[int]], mentions: list[Mention]) -> int | None:
    """The event named in the text whose year is the one before event ``gi``'s and whose words hold its own."""
    year = next((mentions[i].year for i in groups[gi] if mentions[i].year), None)
    if year is None:
        return None
    core = next((mentions[i].core for i in groups[gi] if mentions[i].core), frozenset())
    for gj, g in enumerate(groups):
        same_series = not core or any(core & mentions[i].core for i in g)
        if gj != gi and same_series and any(mentions[i].year == year - 1 for i in g):
            return gj
    return None


def _refers_back(art: Article, lo: int, hi: int, lex: Lexicon) -> str | None:
    """The event word by which the sentence refers back to an event ("this year's forum", "the conference")."""
    k = _first_at_or_after(art.keyword_starts, lo)
    if k is None or k >= hi:
        return None
    m = lex.backref.search(art.text, lo, hi)
    return m.group().split()[-1].lower() if m else None


def _phrase(m: Mention) -> str:
    """What a reference back calls the event, without "of the": "opening ceremony" for both "the opening ceremony
    of" and "the opening ceremony"."""
    words = [w for w in m.name.lower().split() if w not in ("of", "the")]
    return " ".join(words)


def _keyword_of(m: Mention) -> str:
    return m.name.split()[-1].lower() if m.name else ""


def _other_series(ref: Mention, groups: list[list[int]], mentions: list[Mention]) -> bool:
    """Whether a reference back with an edition of its own ("its 41st session") is by a word that names none of the
    events told: the numbered edition of some other body's series, not a part of these."""
    if ref.edition is None or len(ref.name.split()) != 2:
        return False
    word = _keyword_of(ref)
    token = identity(word, lexicon())[0] if word else frozenset()
    return bool(token) and not any(token <= mentions[i].tokens for g in groups for i in g)


def _referent(
    word: str,
    si: int,
    groups: list[list[int]],
    mentions: list[Mention],
    current: int | None,
    main: int,
    happens: Callable[[int], bool] | None = None,
) -> int:
    """The event "the forum" refers to: the last one named before with that word in its name, else the one the
    text spoke of last, else the article's main event. "The event" after "the webinar aimed to create a forum in
    which ..." is the webinar's: a gathering the text never says takes place is passed over for the main event
    where the word back names no kind of gathering."""
    token = identity(word, lexicon())[0]
    best, best_at = None, -1
    for gi, g in enumerate(groups):
        for i in g:
            m = mentions[i]
            if m.sent <= si and m.start > best_at and token and token <= m.tokens:
                best, best_at = gi, m.start
    if best is not None:
        return best
    if current is None:
        return main
    generic = lexicon().roles.get(word) == "backref"  # "the event", not "the exhibition", which names its kind
    if generic and happens is not None and current != main and not happens(current) and happens(main):
        return main
    return current


def _first_at_or_after(starts: list[int], pos: int) -> int | None:
    i = bisect_left(starts, pos)
    return starts[i] if i < len(starts) else None


# --- one event from its mentions and frame ----------------------------------------------------------------------


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
    if (
        not city
        and fmt != "online"
        and _is_main(g, mentions, art)
        and (p := dateline_place(art) or _fitting(_local_city(art), fits)) is not None
    ):
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
    best = min(
        g,
        key=lambda i: (
            _NAME_RANK[mentions[i].kind],
            not mentions[i].core,  # a name of its own words over the event word and a year ("the 2011 Conference")
            YEAR.search(mentions[i].name) is None,  # "MoodleMoot Global 2024" over "our next MoodleMoot Global"
            _lower_case_name(mentions[i].name),  # a proper name ("X Conference") over "X conference"
            -len(mentions[i].name.split()) if headlined else 0,
            i,
        ),
    )
    anchor = mentions[g[dated[0]]] if dated is not None and 0 <= dated[0] < len(g) else mentions[g[0]]
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
        key=_key(g, mentions, dated[1] if dated else None),
        local=_local(g, mentions, lex),
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


_LISTED = re.compile(r"\b(?:such as|including|like|and|or)\s+(?:the\s+)?\Z|,\s*(?:the\s+)?\Z", re.IGNORECASE)


def _next_edition(
    nxt: _Next, groups: list[list[int]], mentions: list[Mention], told: list[Facts], events: list[Event], lex, art
) -> Event | None:
    """The next edition of an event the article reports: its name and a year after, where it will be held."""
    base = next((e for e in events if e.position == mentions[groups[nxt.base][0]].start), None)
    if base is None:
        return None
    placed = next((f for f in told if f.host), None)
    if placed is None:
        return None
    year = (
        int(base.date[:4])
        if base.date
        else next((mentions[i].year for i in groups[nxt.base] if mentions[i].year), None)
    )
    series = _YEAR_WORD.sub("", base.name).strip()
    name = f"{series} {year + 1}" if year else f"next {series}"
    words = base.key.split(" ", 1)[1] if base.key[:1].isdigit() and " " in base.key else base.key
    return Event(
        name=name,
        date="",
        city=placed.city,
        country_iso3=placed.country,
        attendees=None,
        overseas=None,
        countries_represented=None,
        format="",
        sentence=art.text[nxt.span[0] : nxt.span[1]],
        key=f"{year + 1} {words}" if year else f"next {words}",
        position=nxt.span[0],
    )


_YEAR_WORD = re.compile(r"\b(?:19|20)\d{2}\b")


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


def _is_main(g: list[int], mentions: list[Mention], art: Article) -> bool:
    """The event the article opens with: named in its first lines."""
    return mentions[g[0]].start < max(600, len(art.text) // 4)


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
