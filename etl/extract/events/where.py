"""Where an event takes place: the place the text says hosts it, near its name."""

from __future__ import annotations

import re
from functools import cache

from etl.extract.events.article import Article, Facts
from etl.extract.events.lexicon import Lexicon
from etl.extract.events.names import NAME_REACH, Mention
from etl.extract.places import city_state, person_titles, venue_words
from etl.model import PlaceMention

HOST_REACH = 24  # characters before a place searched for "held in", "hosted by"
HOST_NEAR = 40  # at most this many characters between an event's name and a place introduced by a bare "in"
_BRACKET = re.compile(r"\s*\(\s*$")  # "... Adult Education (Recife, Brazil from 1 - 4 December 2009)"


def place_of(m: Mention, art: Article, lex: Lexicon, f: Facts) -> None:
    """The host city: a city introduced by "in" / "held in" / "hosted by", or followed by "will host", or in a
    bracket right after the name, nearest after the name, else before it; else a city inside the name ("Shanghai
    Regional Seminar"); else a host country."""
    hosted: list[tuple[int, PlaceMention]] = []
    inside: list[PlaceMention] = []
    text = art.text
    past = art.past_in(m.end, m.hi)
    for p in art.places_in(m.lo, m.hi):
        if m.start <= p.start and p.end <= m.end:
            inside.append(p)
            continue
        if (m.start < p.end and p.start < m.end) or (past is not None and p.start >= past):
            continue  # "..., as its earlier editions were held in Oslo in 2011": other editions' places
        after = p.start >= m.end
        gap = p.start - _written_again(text, m, p.start) if after else m.start - p.end
        cue = max(m.lo, p.start - HOST_REACH)
        near = gap <= HOST_NEAR or _after_date(text, f, p.start)  # "from Oct. 21 to 23 in Beijing"
        if (
            lex.host_far.search(text, cue, p.start)
            or (near and lex.host_near.search(text, cue, p.start))
            or (after and gap <= 3 and _BRACKET.search(text, m.end, p.start))
            or (not after and lex.host_verb.match(text, p.end) and gap <= NAME_REACH)
            or _venue(text, p, lex)
            or _at_venue_comma(text, p, m.lo, after)
            or _CAPITAL_BEFORE.search(text, max(m.lo, p.start - CAPITAL_REACH), p.start) is not None
            or (after and _TITLE_PLACE.fullmatch(text, m.end, p.start) and _dated_after(art, p))
            or (after and _COMMA_TITLE_IN.fullmatch(text, m.end, p.start))
            or _organiser(text, p, m)
            or _host_clause(text, p, m.lo, lex)
            or _subject_host(text, p, m)
            or _fronted(art, p, m, lex)
        ):
            hosted.append((gap if after else NAME_REACH * 10 + gap, p))
    hosted.sort(key=lambda rp: rp[0])
    city = next((p for _, p in hosted if p.kind in ("city", "district") or city_state(p)), None)
    if city is not None:
        f.city, f.country, f.host = _city(city), city.country_iso3, True
        f.sources["city"] = city.start
    elif city := next(
        (p for p in inside if p.kind == "city" or (city_state(p) and len({q.name for q in inside}) == 1)), None
    ):
        # a city-state names where the event is only when its name names no other place ("Hong Kong International
        # IT in Education Conference", not "Guangdong-Hong Kong-Macao University Smart Education Seminar")
        f.city, f.country = city.name, city.country_iso3
        f.sources["city"] = city.start
    elif country := next((p for _, p in hosted if p.kind in ("country", "province")), None):  # "in Salta, Argentina"
        f.country, f.host = country.country_iso3, True
        f.sources["country"] = country.start


FRONTED_REACH = 250  # characters from the start of a sentence to the event its opening "Held ..." clause places
# the comma that closes the opening clause, then the event's name right after it (its "the", "this year's", an owner)
_CLAUSE_CLOSE = re.compile(
    r"[^.;:!?\n]*,[ \t]+(?:(?:the|this|that|its|a|an)[ \t]+)?(?:(?:[A-Z][\w.-]*|year)[’']s[ \t]+)?\Z"
)


def _fronted(art: Article, p: PlaceMention, m: Mention, lex: Lexicon) -> bool:
    """The place is in a clause that opens the sentence with "Held" and a date or venue, and the clause's comma leads
    straight to the event ("Held on March 18 at the Sunrise Academy North Wing, Karachi, the conference drew ..."):
    an opening participle tells of its sentence's subject."""
    if m.sent < 0 or p.end > m.start:
        return False
    s0 = art.sentences[m.sent].start
    if not (s0 < p.start and m.start - s0 <= FRONTED_REACH and lex.fronted.match(art.text, s0)):
        return False
    if any(p.end <= o.start < m.start for o in art.named_in.get(m.sent, ())):
        return False  # "Held in Karachi, the Reading Summit and the Open Schools Workshop": the first one's
    if any(q.start < p.start and q.kind == p.kind for q in art.places_in(s0, p.start)):
        return False  # "Held across campuses in Rabat and Benguerir": the first city is the one that hosts it
    return _CLAUSE_CLOSE.match(art.text, p.end, m.start) is not None


# "organised a strategic 2-day workshop in the Mauritanian capital, Nouakchott": the capital named after its country's
# adjective and a comma (the markers' "in the capital" is for the city right after it)
_CAPITAL_BEFORE = re.compile(r"\bin[ \t]+the[ \t]+[A-Z][\w’'-]*[ \t]+capital(?:[ \t]+city)?[ \t]*,[ \t]*\Z")
CAPITAL_REACH = 48


def _written_again(text: str, m: Mention, upto: int) -> int:
    """Where the event's word ends, written again after its name and before ``upto`` ("at the UNESCO-India-Africa
    Hackathon 2022 have excelled at the just concluded 36-hour non-stop Hackathon in Delhi"), else the name's end: a
    place is near the event from there."""
    word = next((w.lower() for w in reversed(m.name.split()) if w.isalpha()), "")
    at = text[m.end : upto].lower().rfind(word) if word and upto > m.end else -1
    if at >= 0:
        return m.end + at + len(word)
    tail = _NAME_TAIL.match(text, m.end, upto)
    return tail.end() if tail else m.end


# "the ISTE conference 2014 (International society for Technology in Education) in Atlanta": a year and what the
# name's letters stand for, in brackets, are the name's; a place is near it from their end, or from the end of the
# title's capitalised words that go on after the brackets ("a workshop on Open Educational Resources (OER)
# Co-Development for Teacher Education in Kigali")
_NAME_TAIL = re.compile(
    r"(?:[ \t]+(?:19|20)\d{2})?[ \t]*\([^()\n]{1,80}\)"
    r"(?:[ \t]+[A-Z][\w’'-]*(?:[ \t]+(?:(?:of|for|and|on|the|&)[ \t]+)?[A-Z][\w’'-]*){0,6})?"
)


# What the text then says is about earlier editions, not this one: "as its earlier editions were held in ..."
PAST_WORDS = ("previous", "past", "earlier", "former", "last")
PAST_EDITIONS = re.compile(
    r"\b(?:previous|past|earlier|former|last)\s+(?:\w+\s+){0,2}?"
    r"(?:conferences?|editions?|summits?|forums?|meetings?|events?|ones|congress(?:es)?)\b",
    re.IGNORECASE,
)
_POSSESSOR = re.compile(r"\s*[A-Z][\w-]*(?:[ \t]+[A-Z][\w-]*)*[’']s[ \t]+")
_HOSTING = re.compile(r"[^.;]*?\b(?:host|hosts|hosted|hosting)\b[^.;]*\Z", re.IGNORECASE)


def _subject_host(text: str, p: PlaceMention, m: Mention) -> bool:
    """The city opens the sentence and the clause up to the event says it hosts it ("Lyon is leading the way in
    Europe by hosting the International Forum ...")."""
    if p.end > m.start or p.start - m.lo > 60 or text[p.end : p.end + 2] in ("’s", "'s"):
        return False  # "Seoul’s Mapo-gu will host": the possessor; the district after it hosts
    opens = p.start - m.lo <= 2 or bool(_POSSESSOR.fullmatch(text, m.lo, p.start))
    return opens and bool(_HOSTING.match(text, p.end, m.start))


# "the Fourth International Conference on Learning Cities, Rosario, 1-3 October 2019": name, place, date
_TITLE_PLACE = re.compile(r"\s*,\s*")
# "the 2nd International Conference on Learning Cities, Building Sustainable Learning Cities, in Mexico City": its
# theme set off by commas, then the place
_COMMA_TITLE_IN = re.compile(
    r"[ \t]*,[ \t]*(?:[A-Z][\w'’:-]*[ \t]+(?:(?:of|for|and|the|on|in|to|a|an|&)[ \t]+)*){0,10}[A-Z][\w'’-]*[ \t]*,"
    r"[ \t]*(?:held[ \t]+)?(?:in|at)[ \t]+"
)
# "organized by UIL and the Municipality of Rosario": a city's government that organises or hosts the event
_ORGANISER_CUE = re.compile(
    r"\b(?:organi[sz]ed|co-organi[sz]ed|hosted|co-hosted|undertaken|convened)\s+by\b", re.IGNORECASE
)
# "... undertaken by Dalian Municipal People's Government", "hosted by the Nairobi City County"
_ORGANISER_AFTER = re.compile(
    r"\s+(?:(?:Municipal|Metropolitan|City|Town|County|Provincial)\s+(?:People['’]s\s+)?"
    r"(?:Government|Council|Corporation|Authority|Assembly|County)|Municipality|City\s+Council|City\s+Hall)\b"
)
_ORGANISER_BEFORE = re.compile(
    r"\b(?:Municipality|City|Mayor|Mayoralty|Government|Council|City Council|Municipal Government)\s+of\s+(?:the\s+)?\Z"
)


def _dated_after(art: Article, p: PlaceMention) -> bool:
    """A date follows the place, perhaps after its country ("Rosario, 1-3 October 2019", "Lima, Peru, 5 May")."""
    rest = _without_places(art, p.end, min(len(art.text), p.end + 40))
    return bool(_DATELINE_TAIL.match(rest))


def _organiser(text: str, p: PlaceMention, m: Mention) -> bool:
    """The city's government organises or hosts the event, in the event's sentence."""
    if not (_ORGANISER_BEFORE.search(text, max(m.lo, p.start - 40), p.start) or _ORGANISER_AFTER.match(text, p.end)):
        return False
    return bool(_ORGANISER_CUE.search(text, m.lo, p.start))


def hosted_in(ranges: list[tuple[int, int]], art: Article, lex: Lexicon) -> PlaceMention | None:
    """The first city of an event's sentences that a host phrase introduces ("met in Hua Hin", "held in Lima")."""
    for lo, hi in ranges:
        for p in art.places_in(lo, hi):
            if (p.kind in ("city", "district") or city_state(p)) and (
                lex.host_far.search(art.text, max(lo, p.start - HOST_REACH), p.start)
                or _venue(art.text, p, lex)
                or _venue_in(art.text, p, lo, lex)
                or _host_clause(art.text, p, lo, lex)
                or _brought_to(art, p, lo, lex)
            ):
                return p
    return None


BRINGS_REACH = 90  # characters from a verb that brings people or an event to the "to" before the place
_TO_BEFORE = re.compile(r"(?<![^ \t])to[ \t]+\Z", re.IGNORECASE)
_CLAUSE_END = re.compile(r"[.;:!?\n]")
_DIGIT = re.compile(r"\d")


def _brought_to(art: Article, p: PlaceMention, lo: int, lex: Lexicon) -> bool:
    """The place is where a verb of its clause brings those who come, or the event itself: "brought more than 200
    people to Barranquilla", "draws 3,000 to Pasadena", "brought the summit to Baltimore". What is brought is a
    figure or an event word, not anything else a sentence brings somewhere ("bring computers to schools in X")."""
    to = _TO_BEFORE.search(art.text, max(lo, p.start - 6), p.start)
    if to is None:
        return False
    verbs = list(lex.brings.finditer(art.text, max(lo, to.start() - BRINGS_REACH), to.start()))
    if not verbs or _CLAUSE_END.search(art.text, verbs[-1].end(), to.start()):
        return False
    gap = (verbs[-1].end(), to.start())
    # a figure, with or without its noun ("draws 3,000 to Pasadena" has none the number reader keeps)
    return _DIGIT.search(art.text, *gap) is not None or lex.keyword.search(art.text, *gap) is not None


CLAUSE_REACH = 130  # characters before a place searched for the host verb of its clause


def _host_clause(text: str, p: PlaceMention, lo: int, lex: Lexicon) -> bool:
    """ "in" the place ends a clause a host verb opens ("hosted this year by X and Y in Putrajaya", "will be held on
    March 8 in the Z Hall in the University of Dhaka")."""
    if not _IN_AT_OF_REVERSED.match(text[max(lo, p.start - 40) : p.start][::-1]):  # a quick test: most places fail it
        return False
    window = text[max(lo, p.start - CLAUSE_REACH) : p.start]
    if window.isascii() and not _has_any(window, lex.host_clause_verbs):
        return False  # a second quick test: no host verb in the window (the regex is slow to fail)
    return bool(lex.host_clause.search(window))


def _has_any(window: str, phrases: tuple[str, ...]) -> bool:
    """Whether one of ``phrases`` (lower case, words one blank apart) is in an ASCII ``window`` whatever its case
    and blanks: the case-insensitive regex matches no ASCII text where none is (it also folds some other letters,
    hence ASCII only)."""
    flat = " ".join(window.lower().split())
    return any(p in flat for p in phrases)


# "in", "at" or "of", or a comma and perhaps an acronym, then blanks ending the text: r"\s(?:in|at|of)\s+\Z|,\s+(?:[A-Z]{2,5}\s+)?\Z"
# matched on the reversed text, where the match is anchored (a search for the pattern tries every position)
_IN_AT_OF_REVERSED = re.compile(r"\s+(?:ni|ta|fo)\s|\s+(?:[A-Z]{2,5}\s+)?,", re.IGNORECASE)


_AT_THE = re.compile(r"\b(?:at|in)\s+(?:the\s+)?\Z", re.IGNORECASE)


def _venue(text: str, p: PlaceMention, lex: Lexicon) -> bool:
    """The city opens or ends the name of a venue the event is at ("at the Denver Convention Center", "Sydney's
    Australian Technology Park", "at the City University of Hong Kong"), not where someone works ("a professor at
    Sydney's Technology University")."""
    if text[p.end : p.end + 2] in ("'s", "’s"):  # "entered Sydney's Australian Technology Park to attend X"
        venue = bool(lex.venue_after.match(text, p.end + 2))
    else:
        venue = bool(_AT_THE.search(text, max(0, p.start - 12), p.start) and lex.venue_after.match(text, p.end)) or (
            # a quick test first: a venue's name ends with "of" right before the place
            text.endswith(("of ", "of the "), max(0, p.start - 8), p.start)
            and bool(lex.venue_of.search(text, max(0, p.start - 70), p.start))
        )
    return venue and not _affiliation().search(text, max(0, p.start - 40), p.start)


# a venue's last word, perhaps the street or hill it stands on, then "in" right before a place: "the Crowne Plaza Hotel
# on Upper Hill in Nairobi", "The Sheraton on the Park Hotel in Sydney hosted ..."
_VENUE_IN = re.compile(
    r"(?P<w>[A-Z][\w’'-]*)(?:[ \t]+on[ \t]+[A-Z][\w’'-]*(?:[ \t]+[A-Z][\w’'-]*){0,2})?,?[ \t]+in[ \t]+\Z"
)
_NAME_BACK = re.compile(r"(?:[A-Z][\w’'.&-]*|of|the|de|and|&|on)\Z")


def _venue_in(text: str, p: PlaceMention, lo: int, lex: Lexicon) -> bool:
    """The place follows a venue for gatherings and "in" (not an institution's name: "the Cadi Ayyad University in
    Marrakech" may be a partner's seat), the venue not where someone works."""
    if not text.endswith("in ", max(0, p.start - 3), p.start):  # a quick test first
        return False
    m = _VENUE_IN.search(text, max(lo, p.start - 60), p.start)
    if m is None or m.group("w") not in lex.venue_words or m.group("w") in lex.workplace_words:
        return False
    start = m.start()  # back over the venue's name to the word before it
    for _ in range(8):
        before = text.rfind(" ", 0, start - 1) + 1
        if before <= lo or not _NAME_BACK.match(text, before, start - 1):
            break
        start = before
    while (lead := _LEAD_JOINER.match(text, start, m.start())) is not None:
        start = lead.end()  # the name opens with a capital: "of the" before it introduce it
    # the event is at the venue ("filled the room at the X Hotel in Nairobi") or the venue hosts it ("The X Hotel in
    # Sydney hosted ..."), not a list of those who take part ("recognition to the X Centre in St Croix, and ...")
    at_venue = _VENUE_INTRO.search(text, max(0, start - 12), start) is not None
    return (at_venue or lex.host_verb.match(text, p.end) is not None) and not _affiliation().search(
        text, max(0, start - 40), start
    )


_LEAD_JOINER = re.compile(r"(?:of|the|de|and|&|on)[ \t]+")
_VENUE_INTRO = re.compile(r"\b(?:at|in|of)[ \t]+(?:the[ \t]+)?\Z", re.IGNORECASE)


@cache
def _affiliation() -> re.Pattern[str]:
    """A person's post right before a place: "a professor at", "Director of the"."""
    titles = "|".join(re.escape(t) for t in person_titles() if t.isalpha() and len(t) > 3)
    return re.compile(rf"\b(?:{titles})s?\s+(?:at|of|from)\s+(?:the\s+)?\Z", re.IGNORECASE)


# "in", or a venue's name then "in" ("at The Blue Hall in"): all that may stand between an event's date and its city
_JUST_IN = re.compile(
    r"[\s,]*(?:at\s+(?:the\s+)?[A-Z][\w’'&.-]*(?:\s+(?:[A-Z][\w’'&.-]*|of|and|the|de|&)){0,7},?\s+)?"
    r"(?:in|at)\s+(?:the\s+)?"
)


def _after_date(text: str, f: Facts, start: int) -> bool:
    """The place follows the event's date with only "in", or a venue and "in", between ("from Oct. 21 to 23 in
    Beijing", "from February 27 to 28 at The Blue Hall in Cebu City")."""
    end = f.sources.get("date_end")
    return end is not None and end < start and bool(_JUST_IN.fullmatch(text, end, start))


VENUE_REACH = 100  # characters before a place searched for "at" and the venue's name it follows


@cache
def _venue_comma() -> re.Pattern[str]:
    """ "at", a venue's capitalised name ending in a venue word (or in "of" and what it is of: "Federal College of
    Education"), and a comma or "in" (its acronym in brackets between: "at National Economics University (NEU),
    Hanoi"), ending the text."""
    words = "|".join(re.escape(w) for w in venue_words())
    name = r"[A-Z][\w’'.&-]*"
    return re.compile(
        rf"\bat[ \t]+(?:the[ \t]+)?(?:{name}[ \t]+(?:(?:of|and|for|de|&)[ \t]+)?){{0,8}}(?:{words})"
        rf"(?:[ \t]+of[ \t]+(?:the[ \t]+)?{name}(?:[ \t]+{name}){{0,3}})?"
        rf"(?:[ \t]+\([A-Z]{{2,8}}\))?(?:,[ \t]*|(?P<in>[ \t]+in[ \t]+(?:the[ \t]+)?))\Z"
    )


def _at_venue_comma(text: str, p: PlaceMention, lo: int, after: bool) -> bool:
    """The city follows the venue the event is at and a comma ("a camp from July 1 to 5 at St Joseph School, Paola",
    "at the Federal College of Education, Pankshin"), or "in" after the event's name ("held at Guam High School (GHS)
    in Agana Heights"); not the place someone works ("a professor at Lakeside University, Suva")."""
    if text[max(lo, p.start - 2) : p.start] != ", " and not (after and text.endswith("in ", lo, p.start)):
        return False
    at = _venue_comma().search(text, max(lo, p.start - VENUE_REACH), p.start)
    return at is not None and (after or not at.group("in")) and not someones_post(text, at.start())


def someones_post(text: str, at: int) -> bool:
    """Whether the "at" at ``at`` follows a person's post ("a professor at University College London"): the place
    they work, not where an event is."""
    return _affiliation().search(text, max(0, at - 40), at + 3) is not None


def _city(p: PlaceMention) -> str:
    """A district hosts an event in its city: the table names the district as the text does."""
    return p.name


def dateline_place(art: Article) -> PlaceMention | None:
    """The city of a dateline that opens a line: places only before it, a date or a dash after its places
    ("Dubai, United Arab Emirates; 14 November 2022 –", "Thailand, Bangkok, 29 – 30 October 2024", "LAHORE:")."""
    text = art.text
    for p in art.places[:8]:
        if p.kind != "city" and not city_state(p):  # "Singapore, 12 November 2016 –"
            continue
        line_start = text.rfind("\n", 0, p.start) + 1
        if not _SEPARATORS.fullmatch(_without_places(art, line_start, p.start)):
            continue
        line_end = text.find("\n", p.end)
        rest = _without_places(art, p.end, min(p.end + 120, len(text) if line_end < 0 else line_end))
        if _DATELINE_TAIL.match(rest):
            return p
    return None


_SEPARATORS = re.compile(r"[\s,;]*")
_DATELINE_TAIL = re.compile(
    # the date may stand in brackets with the paper's name: "PAGO PAGO, American Samoa (July 23, 2002 - Samoa News)"
    r"[\s,;]*\(?(?:\d{1,2}(?:st|nd|rd|th)?\b|[A-Z][a-z]{2,8}\.?\s+(?:\d{1,2}\b|(?:19|20)\d{2}\b)|[—–:]|--?\s"
    # "TUGUEGARAO, Cagayan - The ...": a province the places reader did not keep, then the dash
    r"|,[ \t]*(?:[A-Z][\w’'.]*[ \t]+){1,3}(?:[—–]|--?[ \t])"
    # "MUSCAT, Oman (MNTV) — ...": the agency's name in brackets, then the dash
    r"|\([A-Z][\w.&’' -]{1,24}\)[ \t]*(?:[—–]|--?[ \t]))"
)


def _without_places(art: Article, lo: int, hi: int) -> str:
    """text[lo:hi] without the places named in it."""
    out, pos = [], lo
    for q in art.places_in(lo, hi):
        if q.end > hi:
            break
        out.append(art.text[pos : q.start])
        pos = q.end
    out.append(art.text[pos:hi])
    return "".join(out)


# "Recife (Brazil) in December 2009", "Tokyo in 1972": a place and the year something was held there
_IN_YEAR_AFTER = re.compile(r"\s*(?:\([^()\n]{2,60}\))?\s+in\s+(?:[A-Z][a-z]+\s+)?((?:19|20)\d{2})\b")


def held_in_year(art: Article, lex: Lexicon) -> dict[int, PlaceMention]:
    """The city each year's edition was held in, where a sentence says so: "The first conference was held in 1949 in
    Kristiania (Norway), followed by Montreal (Canada) in 1960; ... and Recife (Brazil) in December 2009"."""
    out: dict[int, PlaceMention] = {}
    for p in art.places:
        if p.kind != "city":
            continue
        m = _IN_YEAR_AFTER.match(art.text, p.end, min(len(art.text), p.end + 80))
        if not m:
            continue
        s = _sentence_span(art, p.start)
        if s is not None and art.has(lex.strong, *s):
            out.setdefault(int(m.group(1)), p)
    return out


def _sentence_span(art: Article, pos: int) -> tuple[int, int] | None:
    from etl.extract.sentences import sentence_at

    s = sentence_at(art.sentences, pos)
    return (s.start, s.end) if s is not None else None
