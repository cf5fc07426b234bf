"""The sentences about each event (its frame), and the next edition an article announces."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable
from dataclasses import dataclass

from etl.extract.events.article import Article, Facts
from etl.extract.events.lexicon import Lexicon, lexicon
from etl.extract.events.mention import initials
from etl.extract.events.names import Mention, identity
from etl.extract.meta import EVENT_DETAIL_LINE
from etl.model import Event

# --- the sentences about each event -----------------------------------------------------------------------------


ATTENDANCE_REACH = 2  # sentences after an event's own in which a figure of attendees is still about it


@dataclass
class _Frame:
    ranges: list[tuple[int, int]]  # what is read for attendance and format: its mentions' windows, then the rest
    backrefs: list[int]  # mentions that refer back to it ("the event, held from 24-26 May 2006 in ...")
    cue: bool  # a sentence of the frame says a gathering takes place


# a sentence that goes on about the event just named: "It will take place ...", "This year it took place ..." (this
# year's edition, the one just named; not "Last year it ...", an earlier one)
_GOES_ON = re.compile(r"\s*(?:This[ \t]+year,?[ \t]+it|It|From|On|Between)\b")


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
    head_at: dict[int, int] = {}  # sentence -> where it names it
    for i, m in enumerate(mentions):
        if m.sent < 0 or i not in group_of:
            continue
        nested = any(o.start <= m.start and m.end <= o.end for o in mentions[max(0, i - 3) : i] if not o.backref)
        if not nested and m.sent not in head_of:
            head_of[m.sent], head_at[m.sent] = group_of[i], m.start
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
    # The lead before any event is named says what happened ("Ministers from 11 countries met in Hua Hin", "they
    # were able to welcome some 100,000 visitors"): it is about the main event where it speaks of a gathering.
    first = min((m.sent for i, m in enumerate(mentions) if i in group_of and m.sent >= 0), default=0)
    for si in range(first):
        lo, hi = art.span(si)
        if (
            si in backrefs_in
            or art.has(lex.host_any, lo, hi)
            or art.has(lex.strong, lo, hi)
            or _attendance_of_one(art, lo, hi, lex, True)
        ):
            frames[main].ranges.append((lo, hi))
            frames[main].backrefs.extend(backrefs_in.get(si, []))
            frames[main].cue = frames[main].cue or art.has(lex.strong, lo, hi)
    owners = _initials_of(groups, mentions)
    current: int | None = None
    since = quoted = 0  # sentences since the current event's, and how many of them are a quoted title's line
    nexts = [] if nexts is None else nexts
    said: dict[str, int] = {}  # "opening ceremony" -> the event it was said of: it is that one's again
    for si in range(first, len(art.sentences)):
        lo, hi = art.span(si)
        if si in head_of:
            if current is not None and _passing(
                head_of[si], current, backrefs_in.get(si, []), head_at[si], groups, mentions, art, lex
            ):
                # "Here are my highlights from the conference which supplement my thoughts from our EDEN conference
                # in Athens last October": a sentence that speaks of the event of before, and names another after
                # it, is still about that event; the one it names is in passing
                for i in backrefs_in[si]:
                    said.setdefault(_phrase(mentions[i]), current)
                since = 0
                continue
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
        if not refs and owners and (named := _by_initials(art.text, lo, hi, owners)) is not None:
            # "Dubai's GESF event returned to Atlantis from 22–24 March": the initials of an event's name name it
            frames[named].ranges.append((lo, hi))
            frames[named].cue = frames[named].cue or art.has(lex.strong, lo, hi)
            current, since, quoted = named, 0, 0
            continue
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
            # "MoodleMoot Australia 2017 ... The Sheraton on the Park Hotel in Sydney hosted about 300 Moodlers": a
            # sentence about it that says it takes place shows it is a gathering (a word that also names
            # institutions, "Moot" or "Camp", needs one)
            frames[current].cue = frames[current].cue or art.has(lex.strong, lo, hi)
        elif current is not None and _attendance_of_one(
            art, lo, hi, lex, len(groups) == 1 or _only_one(groups, happens)
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


_CAPS = re.compile(r"(?<![\w-])[A-Z]{3,8}(?![\w-])")


def _initials_of(groups: list[list[int]], mentions: list[Mention]) -> dict[str, int]:
    """The initials of each event's proper names of three words or more ("GESF" for the Global Education and Skills
    Forum), where no other event's names have the same."""
    owner: dict[str, int] = {}
    for gi, g in enumerate(groups):
        for i in g:
            if letters := initials(mentions[i]):
                owner[letters] = gi if owner.get(letters, gi) == gi else -1
    return {k: gi for k, gi in owner.items() if gi >= 0}


def _by_initials(text: str, lo: int, hi: int, owners: dict[str, int]) -> int | None:
    """The event whose initials the sentence writes as a word of its own, if it writes one event's only."""
    found = {owners[w] for w in _CAPS.findall(text, lo, hi) if w in owners}
    return found.pop() if len(found) == 1 else None


def _only_one(groups: list[list[int]], happens: Callable[[int], bool] | None) -> bool:
    """Whether the text says only one of the events it names takes place."""
    return happens is not None and sum(map(happens, range(len(groups)))) == 1


def _attendance_of_one(art: Article, lo: int, hi: int, lex: Lexicon, one: bool) -> bool:
    """Whether text[lo:hi] counts those who attend, in a text that tells of ``one`` event: a figure of attendees
    with a verb of attending ("Over 550 delegates attended"), or beside the countries they came from ("over one
    hundred participants from more than thirty countries could choose between ...")."""
    if not one:
        return False
    figures = art.metrics_in(lo, hi)
    if not any(lex.attend_noun.search(m.unit or "") for m in figures):
        return False
    return lex.attend_verb.in_range(art.text, lo, hi) or any(
        lex.countries_unit.match(m.unit or "") and _FROM_BEFORE.search(art.text, max(lo, m.start - 25), m.start)
        for m in figures
    )


# "from more than thirty countries": where people come from, not what a platform's "visitors, covering 895 countries"
_FROM_BEFORE = re.compile(r"\bfrom\s+(?:[\w-]+\s+){0,2}\Z", re.IGNORECASE)


# a reference back opens with a word that points to what is known ("the", "this", "our"), maybe an adjective after it
_DEFINITE_BEFORE = re.compile(r"\b(?:the|this|that|these|those|its|our|their|my)\s+(?:[\w’'-]+\s+)?\Z", re.IGNORECASE)


def _passing(
    head: int,
    current: int,
    refs: list[int],
    head_at: int,
    groups: list[list[int]],
    mentions: list[Mention],
    art: Article,
    lex: Lexicon,
) -> bool:
    """Whether a sentence that names event ``head`` refers back to event ``current`` before it, by a word that names
    the current one's kind."""
    if head == current or not refs or any(mentions[i].start > head_at for i in refs):
        return False
    if not all(_DEFINITE_BEFORE.search(art.text, max(0, mentions[i].start - 30), mentions[i].start) for i in refs):
        return False  # "held ... a training workshop on “E-learning ...”": a description, not a reference back
    current_tokens = frozenset().union(*(mentions[j].tokens for j in groups[current]))
    for i in refs:
        word = _keyword_of(mentions[i])
        token = identity(word, lex)[0] if word else frozenset()
        if token and not token <= current_tokens:
            return False
    return True


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
# ... or the label alone on its line, its value on the next ("When :\n\nfrom Tuesday 15 April, 2014")
_BARE_LABEL = re.compile(r"[ \t]*(?:(?P<when>When|Dates)|Where|Venue|Location)[ \t]*:[ \t]*\n\s*\Z")
LABEL_REACH = 30  # characters before a value's line searched for its bare label line


def _bare_label(text: str, lo: int) -> str | None:
    """ "when" or "where": the label of the line right before text[lo:], when it stands alone on its line."""
    end = lo
    while end > 0 and text[end - 1].isspace():
        end -= 1
    if end == lo or "\n" not in text[end:lo]:
        return None  # the value opens a line of its own
    start = text.rfind("\n", max(0, end - LABEL_REACH), end) + 1
    if start == 0 and end > LABEL_REACH:
        return None
    m = _BARE_LABEL.match(text, start, lo)
    return None if m is None else "when" if m.group("when") else "where"


def where_line(art: Article, lo: int, hi: int) -> bool:
    """Whether text[lo:hi] is an event page's line of its place ("Where: Colombo", or "Where:" on the line before)."""
    return bool(_WHERE_LINE.match(art.text, lo, hi)) or _bare_label(art.text, lo) == "where"


# "Date:" is most often the page's own stamp ("Date: 08 April 2022" under "Author: ECDOE"); it is the event's when the
# line before or after it says its time or place ("Date: 7th & 8th July, 2025\nVenue: NSS Training College")
_DATE_LINE = re.compile(r"[ \t]*Date[ \t]*:[ \t]*(?=\S)")


_NEXT_LINE = re.compile(r"[^\n]*\n\s*")  # the rest of a line and the blank lines after it


def _when_line(art: Article, lo: int, hi: int) -> bool:
    """Whether text[lo:hi] opens as an event page's line of its dates ("When:", "Dates:", or "Date:" beside its time
    or place)."""
    text = art.text
    if _WHEN_LINE.match(text, lo, hi) or _bare_label(text, lo) == "when":
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
    return where_line(art, lo, hi) and bool(art.places_in(lo, hi))


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
