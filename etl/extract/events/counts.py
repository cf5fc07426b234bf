"""How many attend an event, from how many countries, how many from abroad, and in what format: read from the
figures of the sentences about it."""

from __future__ import annotations

import re

from etl.extract.events.article import Article, Facts
from etl.extract.events.lexicon import Lexicon
from etl.extract.numbers.units import unit_category
from etl.extract.sentences import sentence_at
from etl.model import Metric

# Each pattern below ends where the figure's qualifier begins ("over", "some", "well over", "an estimated": the
# words numbers_qualifiers.csv lists, which the figure already carries), so none spells the qualifiers out again.
# "from 64 countries", "representatives of 12 countries": where those who come are from
_FROM = re.compile(
    r"\b(?:from|(?:representatives|delegates|delegations|participants|experts|officials)\s+of)\s+\Z", re.IGNORECASE
)
# The figure is the subject or the agent of the verb of attending: "attended by 2,373 attendees", "143 people
# attended", "1,200 delegates took part", "Over 700 Moodlers attended" (a name the users of a product go by)
_STATED = re.compile(r"\battended\s+by\s+\Z", re.I)
# The figure is the object of a verb of gathering: "brought together 150 attendees", "drew over 2,000 visitors"
_GATHERED = re.compile(
    r"\b(?:(?:brought|brings|bring|bringing)\s+together|drew|draws|attracted|attracts|gathered|gathers|welcomed|welcomes"
    r"|assembled|hosted|hosts)\s+\Z",
    re.I,
)
# The figure is the object of "involve", said of the event: "The conference involved about 700 teachers"; not the
# passive, said of anyone ("150 partners have been involved in its organisation"), which no verb of attending makes
_INVOLVED = re.compile(r"\b(?:involved|involves|involving)\s+\Z", re.I)
# Those an event is held for, or whom it trains: "a three-day workshop for 70 teachers", "a week-long training for
# 80 teachers", "the camp will train 50 girls", "a boot camp training of 50 adolescent girls", "is training 800
# teachers". "for", "train" and "of" count only close after an event word; a verb of training said of anything else
# is a plan's or a programme's ("the plan trains 3,000 teachers", "plans to train 60,000", "training more than
# 281,070 farmers").
_HEAD_COUNT = r"[ \t]+(?:a[ \t]+total[ \t]+of[ \t]+)?\Z"  # "a total of" is no bound, so no qualifier
_TRAINED = re.compile(
    r"(?:(?P<done>\b(?:is|are|was|were|been)[ \t]+training)|(?P<after>(?<![^ \t])(?:for|train|of)))" + _HEAD_COUNT,
    re.I,
)
FOR_REACH = 80  # characters from the event word to the "for" of those it is held for
# between them, no other clause: "the event aims to equip educators ... for more than 1.9 million students"
_CLAUSE = re.compile(r"\bto\b|[.;:!?]")
_THE_BEFORE = re.compile(r"\bthe[ \t]+\Z", re.I)
# What one attends that is no event: "prevented from attending classes"
_SCHOOL = r"(?:school|schools|classes|class|lessons|university)\b"
_STATED_AFTER = re.compile(
    r"[ \t]+(?:[^\W\d_][\w-]*[ \t]+){0,2}?(?:have[ \t]+|had[ \t]+)?(?:attended|participated|took[ \t]+part)\b"
    rf"(?![ \t]+(?:in[ \t]+)?{_SCHOOL})"
)
_SCHOOLING = re.compile(rf"\b(?:attend\w*|participat\w*)\s+(?:the\s+)?{_SCHOOL}", re.I)
# Those a survey or study asked, not those who attend: "a survey of over 13,000 teachers from around 50 countries"
_SURVEYED = re.compile(
    r"\b(?:survey|surveys|surveyed|poll|polled|study|questionnaire|interviews|interviewed)\s+(?:of\s+)?\Z", re.I
)
# Those who speak, not those who attend: "a panel of five experts", "a line-up of 40 speakers"
_SPEAKERS = re.compile(r"\b(?:panel|panels|line-?up|roster)\s+of\s+\Z", re.I)
_THINGS = frozenset({"projects", "resources", "events", "courses"})  # what is submitted or held, not who comes
_GROUPS = frozenset({"institutions"})  # "teams", "schools", "secretariats": groups of those who come
# (the word first, "the" in a look-behind: the engine scans for the word's first letter, not at every character)
_OTHER_ONE = re.compile(r"(?:latter|former)\b(?<=\bthe[ \t]latter|\bthe[ \t]former)", re.IGNORECASE)
# Between two countries of a list: "Tonga (2), Marshall Islands (1)", "Croatia, Slovenia, and Bosnia and Herzegovina",
# "the United Kingdom (UK), Indonesia and Brunei"
_LIST_GAP = re.compile(
    r"(?:[ \t]*\([^()\n]{1,12}\))?(?:[ \t]*,[ \t]*(?:and[ \t]+)?|[ \t]+and[ \t]+|[ \t]*&[ \t]*)(?:the[ \t]+)?"
)
# "from the United Kingdom"; and before a figure, what those who come are from, not who comes: "participants from
# the two universities attended", "from seventy-three (73) schools participated"
_FROM_THE = re.compile(r"(?<![^ \t])from[ \t]+(?:the[ \t]+)?\Z", re.IGNORECASE)
LISTED_LEAST = 2  # countries a list names at least: "from Kenya" says where they are from, not how many countries
SPEAKERS_REACH = 60  # characters from a figure of speakers to a count of countries that says where they come from
SAME_FIGURE = 0.1  # two attendance figures this close are one figure reported twice ("near 30,000", "29,844")
# No gathering is this large: "3.41 billion visitors, covering 895 countries and regions" are a platform's, not an
# event's (the largest attendance in the keys is 600,000; there are about 250 countries and territories)
MAX_ATTENDANCE = 10_000_000
MAX_COUNTRIES = 250


def attendance(ranges: list[tuple[int, int]], art: Article, lex: Lexicon, f: Facts) -> None:
    """Attendees, overseas guests and countries represented, from the figures of sentences that speak of attending.

    A figure whose unit names attendees ("participants", "delegates") counts in any such sentence; one that names
    other people ("policymakers", "experts") only where a verb says they attend. A figure said to attend or to be
    gathered ("143 people attended", "brought together 150 attendees") ranks first, then attendee nouns, then other
    people; the first of the best rank wins, and of two that report the same number in other words, the exact one
    ("a total of 29,844" over "near 30,000").
    """
    people: list[tuple[int, Metric]] = []  # (rank, figure): attendee nouns first
    # Countries of speakers count only where the text gives no other: "80 speakers from 15 countries" is the least
    # the event brought together, and an analyst records it when nothing else is said.
    speakers_countries: Metric | None = None
    listed: tuple[int, int] | None = None  # (start, how many) of the first list of the countries of those who attend
    introduced = False  # the range before ended with a colon: "will bring together:" and a list of people
    for lo, hi in ranges:
        if _OTHER_ONE.search(art.text, lo, hi):
            continue  # "30 mayors are expected to attend the latter event": one of two just told of, maybe not this
        figures = art.metrics_in(lo, hi)
        speakers_end = -1  # where the last figure of speakers or things ends: the countries just after are theirs
        of_speakers = False  # that figure counts speakers (not papers or projects)
        nouns = [bool(lex.attend_noun.search(m.unit or "")) for m in figures]
        # whether the range speaks of attending: a verb, or a figure of attendees ("1778 participants from 78
        # countries"); the verb is looked for only when needed
        attending: bool | None = True if any(nouns) or introduced else None
        introduced = art.text[lo:hi].rstrip().endswith(":") and bool(lex.attend_verb.in_range(art.text, lo, hi))
        if listed is None and f.countries is None and (n := _countries_listed(lo, hi, art)) is not None:
            if attending is None:
                attending = lex.attend_verb.in_range(art.text, lo, hi) and _attends_an_event(art.text, lo, hi, lex)
            if attending:
                listed = n
        for metric, noun in zip(figures, nouns, strict=True):
            unit = metric.unit or ""
            head = _head(art.text, metric)  # where the words before the figure end: before its qualifier
            if not noun and attending is None:
                attending = lex.attend_verb.in_range(art.text, lo, hi) and _attends_an_event(art.text, lo, hi, lex)
            if _SPEAKERS.search(art.text, max(lo, head - 24), head) or lex.speaker.search(unit):
                speakers_end, of_speakers = metric.end, True
                continue
            if _SURVEYED.search(art.text, max(lo, head - 24), head):
                speakers_end, of_speakers = metric.end, False
                continue  # "a survey of 13,000 teachers from 50 countries": neither figure is of those who came
            if lex.exhibitor.search(unit):
                continue  # "350 exhibitors": they show their wares; the countries they come from still count
            countries = bool(lex.countries_unit.match(unit))
            if metric.value > (MAX_COUNTRIES if countries else MAX_ATTENDANCE):
                continue
            if countries and 0 <= metric.start - speakers_end <= SPEAKERS_REACH:
                if of_speakers and attending and speakers_countries is None:
                    speakers_countries = metric
                continue  # "120 speakers from 30 countries", "200 papers from 40 countries"
            if unit and unit_category(unit.split()[-1]) in _THINGS:  # the head noun's, not "training practitioners"
                speakers_end, of_speakers = metric.end, False
                continue
            if not countries and unit and unit_category(unit.split()[-1]) == "places":
                continue  # "900 delegates from 67 countries on five continents attended": places, not who came
            if not countries and metric.category != "people" and _FROM_THE.search(art.text, max(lo, head - 24), head):
                continue  # "participants from the two universities attended": where they are from, not who came
            # another figure stands after the speakers': "20 speakers and about 50 partner organizations from four
            # Central Asian countries" counts the countries of them all
            speakers_end = -1
            at_event = not (attending or noun or countries) and _opens_at_an_event(art, metric, hi)
            involved = (
                not countries
                and metric.category == "people"
                and _INVOLVED.search(art.text, max(lo, head - 24), head) is not None
            )
            trained = not (noun or countries) and metric.category == "people" and _held_for(art.text, lo, head, lex)
            if not (
                attending
                or noun
                or at_event
                or trained
                or involved
                or (countries and _FROM.search(art.text, max(lo, head - 40), head))
            ):
                continue  # "from eight Latin American countries" says where those who come are from
            if countries:
                if f.countries is None:
                    f.countries = metric.value
                    f.sources["countries"] = metric.start
            elif lex.overseas.search(unit) and not lex.overseas_joined.search(unit):
                if f.overseas is None:
                    f.overseas = metric.value
                    f.sources["overseas"] = metric.start
            elif (
                _STATED.search(art.text, max(lo, head - 14), head)
                or _STATED_AFTER.match(art.text, metric.end, hi)
                or ((noun or metric.category == "people") and _GATHERED.search(art.text, max(lo, head - 30), head))
                or trained
                or involved
            ):
                # "attended by 2,373 attendees", "143 people attended": said to attend; "Five teams participated"
                # counts groups of those who came, which a count of the people themselves beats
                people.append((1 if metric.category in _GROUPS else -1, metric))
            elif noun:
                people.append((0, metric))
            elif metric.category == "people" or lex.attend_person.search(unit):
                people.append((1, metric))
    if f.countries is None and listed is not None:
        # no figure to link: the list is read from the places of the event's sentences
        f.countries, f.sources["countries_listed"] = listed[1], listed[0]
    if f.countries is None and speakers_countries is not None:
        f.countries = speakers_countries.value
        f.sources["countries"] = speakers_countries.start
    if not people:
        return
    best = min(people, key=lambda rm: rm[0])[1]
    # the same number in other words is the same fact, however it was told ("draws more than 2,000 educators", "A
    # total of 2,051 educators ... attended")
    for _, m in people:
        if m.bound == "exact" and best.bound != "exact" and _same(m.value, best.value):
            best = m
            break
    f.attendees = best.value
    f.sources["attendees"] = best.start


# "More than 650 educators ... will explore ... at the sixth annual Online Learning Symposium": the people a sentence
# opens with, at an event it names after them, attend it
_AT_THE = re.compile(r"\bat[ \t]+(?:the|an?|this(?:[ \t]+year[’']s)?)[ \t]+(?:[\w-]+[ \t]+){0,3}\Z", re.IGNORECASE)
SUBJECT_WORDS = 4  # words at most before a figure that opens its sentence ("Edmonton… More than 650 educators")
AT_REACH = 40  # characters before an event's name searched for "at the"


def _opens_at_an_event(art: Article, metric: Metric, hi: int) -> bool:
    s = sentence_at(art.sentences, metric.start)
    if s is None or len(art.text[s.start : metric.start].split()) > SUBJECT_WORDS:
        return False
    return any(
        metric.end <= m.start < hi and _AT_THE.search(art.text, max(metric.end, m.start - AT_REACH), m.start)
        for m in art.named_in.get(art.sentence_index[id(s)], ())
    )


def _head(text: str, metric: Metric) -> int:
    """Where the figure's qualifier begins ("attended by >well over< 300"), or the figure when it has none."""
    if not metric.qualifier:
        return metric.start
    end = metric.start
    while end > 0 and text[end - 1] in " \t\n":
        end -= 1
    begin = end - len(metric.qualifier)
    return begin if begin >= 0 and text[begin:end].lower() == metric.qualifier.lower() else metric.start


def _held_for(text: str, lo: int, start: int, lex: Lexicon) -> bool:
    """Whether the figure at ``start`` counts those an event is held for or trains (see ``_TRAINED``), the event
    word before it in the same clause of text[lo:], right before it for "of"."""
    m = _TRAINED.search(text, max(lo, start - 40), start)
    if m is None:
        return False
    if m.group("done"):
        return True
    words = list(lex.keyword.finditer(text, max(lo, m.start() - FOR_REACH), m.start()))
    if not words:
        return False
    last = words[-1]
    if m.group("after").lower() == "of":  # "a boot camp training of 50 girls", not "calls for the training of"
        return not text[last.end() : m.start()].strip() and not _THE_BEFORE.search(
            text, max(lo, last.start() - 4), last.start()
        )
    return not _CLAUSE.search(text, last.end(), m.start())


def _countries_listed(lo: int, hi: int, art: Article) -> tuple[int, int] | None:
    """(start, how many) of the first list of two or more countries after "from" in text[lo:hi] ("75 educators from
    Guatemala and El Salvador took part"), or None."""
    text = art.text
    if text.find("from", lo, hi) < 0:
        return None
    # a name in brackets after another is its other name: "the United Kingdom (UK), Indonesia and Brunei"
    places = [p for p in art.places_in(lo, hi) if text[p.start - 1 : p.start] != "(" or text[p.end : p.end + 1] != ")"]
    i = 0
    while i < len(places):
        p = places[i]
        if p.kind != "country" or not _FROM_THE.search(text, max(lo, p.start - 10), p.start):
            i += 1
            continue
        names = {p.country_iso3 or p.name}
        j = i
        while (
            j + 1 < len(places)
            and places[j + 1].kind == "country"
            and _LIST_GAP.fullmatch(text, places[j].end, places[j + 1].start)
        ):
            j += 1
            names.add(places[j].country_iso3 or places[j].name)
        if len(names) >= LISTED_LEAST:
            return p.start, len(names)
        i = j + 1
    return None


def _attends_an_event(text: str, lo: int, hi: int, lex: Lexicon) -> bool:
    """Some verb of attending in text[lo:hi] is not about going to school ("attending classes")."""
    verbs = [m.span() for m in lex.attend_verb.pattern.finditer(text, lo, hi)]
    return not verbs or any(not _SCHOOLING.match(text, a, min(hi, b + 30)) for a, b in verbs)


def _same(a: float, b: float) -> bool:
    return abs(a - b) <= SAME_FIGURE * max(a, b)


def format_of(ranges: list[tuple[int, int]], text: str, lex: Lexicon) -> str:
    for lo, hi in ranges:
        if not lex.any_format.in_range(text, lo, hi):
            continue
        for pattern, fmt in lex.formats:
            if any(
                not _NEGATED.search(text, max(lo, m.start() - 80), m.start()) for m in pattern.finditer(text, lo, hi)
            ):
                return fmt
    return ""


# "impossible for the 500 participants to meet in person", "could not be held online": a format the clause denies
_NEGATED = re.compile(
    r"\b(?:impossible|unable|not|cannot|can[’']t|couldn[’']t|instead\s+of|rather\s+than|no\s+longer)\b[^.;:,!?\n]*\Z",
    re.IGNORECASE,
)
