"""Which mentions name the same event: grouping an article's mentions into one group per event."""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable
from dataclasses import dataclass

from etl.extract.events.lexicon import lexicon
from etl.extract.events.mention import LETTER_WORD, YEAR_TOKEN, described_only, initials
from etl.extract.events.names import Mention, singular_token

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
            (
                # "Eduvision 2009, the fourth biennial international conference and exposition on ...": a description set
                # after a name by a comma and "the" says what the named event is
                mb.kind == "described"
                and ma.kind != "described"
                and _DESCRIBED_APPOSITION.fullmatch(text, ma.end, mb.start)
            )
            or (
                # "convened a diverse assembly of educators, policymakers, and technology leaders for its 2nd E-Learning
                # International Conference": the gathering its host convenes for its own named event is that event
                ma.kind == "described"
                and mb.kind != "described"
                and ma.sent == mb.sent
                and _FOR_ITS.fullmatch(text, ma.end, mb.start)
            )
            or (
                # "the 5th international conference on technology in education and training, EduVision 2011, which got
                # underway on December 1st": an edition's name set after a description between commas names it
                ma.kind == "described"
                and mb.kind != "described"
                and mb.year is not None
                and ma.sent == mb.sent
                and _COMMA_GAP.fullmatch(text, ma.end, mb.start)
                and (_APPOSED_NAME_END.match(text, mb.end) or _said_to_happen_next(text, mb.end))
            )
        ):
            out.setdefault(b, []).append(a)
    return out


_COMMA_GAP = re.compile(r"[ \t]*,[ \t]*")
# what may follow a name set between commas after a description: a clause about it, or the sentence's end (not a list
# going on: "conferences, EduVision 2011, EdTech 2012 and ...")
_APPOSED_NAME_END = re.compile(
    r"[ \t]*(?:,[ \t]*(?:which|that|held|organi[sz]ed|hosted|on|in|at|from)\b|[.;)]|\Z)", re.IGNORECASE
)


_DESCRIBED_APPOSITION = re.compile(r",[ \t]+the[ \t]+")

# "the annual conference of European Schoolnet, EMINENT 2023 brought together over 160 experts": the name ends the
# subject its description opens, and the sentence goes on with what the event did (a verb of taking place)
_AUXILIARY = re.compile(r"[ \t]+(?:(?:was|were|is|are|has|have|had|will(?:[ \t]+be)?)[ \t]+)?", re.IGNORECASE)


def _said_to_happen_next(text: str, end: int) -> bool:
    """Whether a verb that says an event takes place follows ``end`` (perhaps after its auxiliary)."""
    gap = _AUXILIARY.match(text, end)
    return gap is not None and gap.end() > end and lexicon().strong.pattern.match(text, gap.end()) is not None


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
            # ... whichever was named first ("Eminent 2023" in a heading, then "the annual conference of European
            # Schoolnet, EMINENT 2023 brought together ...")
            if any(cluster_of.get(j) is c for i in o.members for j in apposed.get(i, ())):
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
            # "Moodle Moot Australia 2015" and "MoodleMoot 2015 Australia": one name, its words written apart or together
            # (names of the same words were kept apart above by their years and editions)
            if (
                c.tokens != o.tokens
                and _compatible(_year_of(c, date_year), _year_of(o, date_year))
                and _squashed(c, mentions) & _squashed(o, mentions)
            ):
                return True
            # "the Google Apps for Education Summit" and "the Google Apps for Education (GAFE) Summit": one name, its
            # acronym set in brackets or left out
            if _acronym_apart(c, o, mentions) and _compatible(_year_of(c, date_year), _year_of(o, date_year)):
                return True
            # "World Learning Summit" and "WLS 2020": a brand that is the initials of the other's proper name
            if _initialled(c, o, mentions) or _initialled(o, c, mentions):
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
            # ... or only by what it is, in the words that describe the first event in the body ("Regional conference in
            # Tashkent" and "the regional conference ‘Adult Learning and Education in Central Asia’ took place")
            if headline and (
                _describes(c, o, mentions, text, in_headline, first_body)
                or _describes(o, c, mentions, text, in_headline, first_body)
            ):
                return True
            # ... or told again in the lead by its event word after "a" ("NSOU Hosts Workshop on Blended Learning ..."
            # and then "hosted a workshop focused on ..."
            if (
                headline
                and _compatible(_year_of(c, date_year), _year_of(o, date_year))
                and (
                    _restates(c, o, mentions, text, in_headline, first_body)
                    or _restates(o, c, mentions, text, in_headline, first_body)
                )
            ):
                return True
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


_NOT_LETTER = re.compile(r"[^a-z0-9]+")
_YEAR_WORD = re.compile(r"(?<![\w-])(?:19|20)[0-9]{2}(?![\w-])")


def _squashed(c: _Cluster, mentions: list[Mention]) -> set[str]:
    """Each of its names of two words or more, without spaces, case or a year of its own: "moodlemootaustralia" (a name
    of one word says too little to be the same name; a year written into a word stays: "emooc2016summit")."""
    out = set()
    for i in c.members:
        m = mentions[i]
        if len(m.tokens) >= 2:
            out.add(_NOT_LETTER.sub("", _YEAR_WORD.sub("", m.name.lower())))
    return out


def _initialled(brand: _Cluster, named: _Cluster, mentions: list[Mention]) -> bool:
    """Whether every name of ``brand`` is a brand whose one word (and perhaps a year) is the initials of one of
    ``named``'s proper names."""
    letters = {a for i in named.members if (a := initials(mentions[i]))}
    return bool(letters) and all(
        mentions[i].kind == "brand" and YEAR_TOKEN.sub("", mentions[i].name).strip() in letters for i in brand.members
    )


def _acronyms(c: _Cluster, mentions: list[Mention]) -> set[str]:
    """The acronyms in brackets in the names of a cluster's mentions."""
    return {a for i in c.members for a in _BRACKETED_ACRONYM.findall(mentions[i].name) if sum(map(str.isupper, a)) > 1}


def _acronym_apart(c: _Cluster, o: _Cluster, mentions: list[Mention]) -> bool:
    """Whether a name of ``c`` and one of ``o`` differ only by an acronym in brackets (of either cluster)."""
    acronyms = {singular_token(a.lower()) for a in _acronyms(c, mentions) | _acronyms(o, mentions)}
    return bool(acronyms) and any(
        (differ := mentions[i].tokens ^ mentions[j].tokens) and differ <= acronyms for i in c.members for j in o.members
    )


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


DESCRIBED_BEFORE = 40  # characters before the body's first name searched for the headline's words


def _describes(
    head: _Cluster, body: _Cluster, mentions: list[Mention], text: str, in_headline: set[int], first_body: int
) -> bool:
    """``head`` is named in the headline by what it is, in lower-case words but for the line's first ("Regional
    conference", "presented in a conference"), and each of its words stands in the body's first name or right before
    it ("the regional conference ‘Adult Learning ...’")."""
    if first_body not in body.members or not all(i in in_headline for i in head.members):
        return False
    m = mentions[first_body]
    around = set(LETTER_WORD.findall(text[max(0, m.start - DESCRIBED_BEFORE) : m.end].lower()))
    # ("IST-Africa 2015 Conference" in a headline names it properly: a name of its own, not a description)
    return all(
        described_only(text, mentions[i].start, mentions[i].end)
        and set(LETTER_WORD.findall(text[mentions[i].start : mentions[i].end].lower())) <= around
        for i in head.members
    )


def _restates(
    head: _Cluster, body: _Cluster, mentions: list[Mention], text: str, in_headline: set[int], first_body: int
) -> bool:
    """``body``'s one mention, the body's first, is the lead's "a" and the event word of ``head``, named in the
    headline ("NSOU Hosts Workshop on Blended Learning ..." and then "CEMCA ... hosted a workshop focused on ...")."""
    if body.members != [first_body] or not all(
        i in in_headline and mentions[i].kind != "described" for i in head.members
    ):
        return False
    m = mentions[first_body]
    return (
        m.kind == "described"
        and bool((head.tokens & body.tokens) - head.core - body.core)
        and bool(_A_BEFORE.search(text, max(0, m.start - 4), m.start))
        and not _new_section(text, mentions[head.members[-1]].end, m.start)
    )


# a section's heading: a few words on a line of their own, no figure and no closing stop ("Background", "ICT in
# Education Leadership")
_HEADING = re.compile(r"[A-Z][\w’'&-]*(?:[ \t]+[\w’'&-]+){0,7}")
_PROSE = re.compile(r".*[.!?][\"”’)]?")
PROSE_WORDS = 8


def _new_section(text: str, lo: int, hi: int) -> bool:
    """Whether a heading stands after a paragraph of prose between ``lo`` and ``hi``: the lead has ended and another
    part of the article begun (a title's subtitle, byline or date line, before any prose, does not count)."""
    prose = False
    for line in text[lo:hi].split("\n")[1:-1]:
        line = line.strip()
        if _PROSE.fullmatch(line) and len(line.split()) >= PROSE_WORDS:
            prose = True
        elif prose and _HEADING.fullmatch(line) and not any(c.isdigit() for c in line):
            return True
    return False


def _in_headline(text: str, pos: int) -> bool:
    """``pos`` is on a short line near the top that ends without a full stop: a headline."""
    if pos > HEADLINE_WITHIN:
        return False
    start = text.rfind("\n", 0, pos) + 1
    end = text.find("\n", pos)
    line = text[start : end if end >= 0 else len(text)].strip()
    return not line.endswith((".", ":")) and len(line.split()) <= HEADLINE_WORDS and not line.startswith("Source:")
