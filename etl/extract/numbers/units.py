"""What a figure counts: the noun phrase after it, before the verb that leads to it, or the figure's before."""

from __future__ import annotations

import re
from functools import cache, lru_cache

from etl.extract.numbers.common import YEAR, ends_with_word, may_end_with, next_word
from etl.extract.numbers.lexicon import (
    alt,
    carry_cues,
    currency_codes,
    irregular,
    lead_endings,
    modifiers,
    name_words,
    number_words,
    of_units,
    qualifier_heads,
    qualifier_phrases,
    qualifiers,
    unit_stops,
    units,
)
from etl.extract.numbers.patterns import patterns
from etl.model import Metric, Sentence

MAX_UNIT_WORDS = 7

_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")
LOWER_WORD_AFTER = re.compile(r"[ \t]+[a-z]")  # a lower-case word follows
# "newly trained teachers", "actively participating teams": a participle, then more
_PARTICIPLE_AFTER = re.compile(r"[ \t]+[a-z]+(?:ed|ing)[ \t]+[a-z]")

# Units whose word may be glued to the number by a hyphen ("15-minute walk", "3-km trail").
HYPHEN_CATEGORIES = frozenset({"duration", "distance", "area", "weight", "volume"})
_MEASURE_HEADS = frozenset({"distance", "area", "weight", "volume", "data", "energy", "speed", "frequency"})
# what may follow a measure's unit without being part of it: an adjective of extent, "of", "and", a verb
_MEASURE_END = re.compile(r"[ \t]+(?:long|wide|high|tall|deep|away|of|and|in|per)\b")

# Counted things (as opposed to measures such as "5 km" or "100 yuan", which stay singular).
COUNTED = frozenset({"people", "courses", "institutions", "places", "resources", "events", "engagement", "projects"})


@lru_cache(maxsize=8192)  # a few thousand distinct words per corpus, each asked about many times
def singular(word: str) -> str:
    """A plural noun's singular by the common English rules (countries -> country)."""
    w = word.lower().replace("’", "'")
    if w.endswith("'s"):
        w = w[:-2]
    if w in irregular():
        return irregular()[w]
    for plural in _compound_plurals():  # "schoolchildren" -> "schoolchild"
        if w.endswith(plural) and len(w) > len(plural):
            return w[: -len(plural)] + irregular()[plural]
    table = units()
    if w in table:
        return w
    for cut, add in (("ies", "y"), ("ves", "f"), ("es", ""), ("s", "")):
        if w.endswith(cut) and len(w) > len(cut) + 1 and w[: -len(cut)] + add in table:
            return w[: -len(cut)] + add
    return w


def is_plural(word: str) -> bool:
    """Whether a noun is written in the plural ("schools", "people", "alumni")."""
    low = word.lower()
    return low in irregular() or singular(low) != low.replace("’", "'").removesuffix("'s")


@cache
def _compound_plurals() -> tuple[str, ...]:
    """Irregular plurals long enough to end a compound noun ("schoolchildren", "businesspeople"), longest first."""
    return tuple(sorted((p for p in irregular() if len(p) >= 5), key=len, reverse=True))


@lru_cache(maxsize=8192)
def unit_category(word: str) -> str:
    """Category of a unit's head word, "" if the word is not a known unit."""
    if word in currency_codes():  # written in capitals only: "TRY" is a code, "try" a verb
        return "money"
    table = units()
    low = word.lower()
    compound = next((p for p in _compound_plurals() if low.endswith(p) and len(low) > len(p)), "")
    cat = table.get(irregular()[compound], "") if compound else table.get(singular(word), "")
    if not cat and "-" in word:
        cat = table.get(singular(word.rsplit("-", 1)[-1]), "")
    return cat


def looks_plural(word: str) -> bool:
    w = word.lower()
    return w.endswith("s") and not w.endswith(("ss", "us", "is", "ous")) and len(w) > 3


def parse_unit(text: str, pos: int, limit: int) -> tuple[str, str, int]:
    """The counted noun phrase from ``pos``: (unit as written, category, end offset); ("", "", pos) if none."""
    pats = patterns()
    stops, words = unit_stops(), number_words()
    toks: list[tuple[int, int, str, str]] = []  # start, end, word, category
    p = pos
    opened = False  # the phrase opened with a quote
    quotes: list[int] = []  # where a quote closed inside the phrase, left out of the unit
    while len(toks) < MAX_UNIT_WORDS and p < limit:
        m = pats.token.match(text, p, limit)
        if not m:
            break
        if m.group("quote"):
            if toks and not (opened and m.group("quote") in '”’"' and LOWER_WORD_AFTER.match(text, m.end(), limit)):
                break  # a closing quote ends the quoted unit ("people's learning stars" like her)
            if toks:  # '64,000 “kosher” smartphones': a quoted word that describes the noun after it
                opened = False
                quotes.append(m.start("quote"))
                p = m.end()
                continue
            opened = True
            if m.group("quote") == "'" and (close := text.find("'", m.end(), limit)) > 0:
                limit = close  # "200 'Wi-Fi boxes'": the closing mark is no apostrophe of the last word
            p = m.end()
            continue
        if m.group("paren"):
            if not toks:
                break
            p = m.end()
            continue
        word = m.group("word")
        low = word.lower()
        if low in ("and", "or", "&"):
            if not toks:
                break
            nxt = pats.token.match(text, m.end(), limit)
            nw = (nxt.group("word") or "").lower() if nxt else ""
            # "and" joins two kinds of one thing ("countries and regions"), not a new figure or clause
            if not nw or nw in stops or nw in words or nw in qualifier_heads():
                break
            toks.append((m.start("word"), m.end(), low, ""))
            p = m.end()
            continue
        if low in words and toks and toks[-1][2].lower() in name_words():
            toks.append((m.start("word"), m.end(), word, ""))  # "one million class one pupils": a grade's name
            p = m.end()
            continue
        # an acronym spelled like a stop word opens the phrase: "300 IT teachers", "20 US universities"
        if (low in stops or low in words) and not (not toks and len(word) > 1 and word.isupper() and low in stops):
            if low not in modifiers():
                break
            nxt = pats.token.match(text, m.end(), limit)
            nw = (nxt.group("word") or "").lower() if nxt else ""
            if not nw or nw in stops or nw in words or nw in ("and", "or") or unit_category(nw) == "duration":
                break  # "800 attendees online, ...", "450 million last year": the word ends the phrase
            # "12 online courses": an adjective before the noun, part of the phrase
        if word[-2:] in ("s'", "s’") and unit_category(word[:-1]) == "duration":
            # "two days' conference", "three years' experience": a length of time, whatever it is of ("300 students'
            # laptops" counts the laptops)
            toks.append((m.start("word"), m.end() - 1, word[:-1], "duration"))
            break
        cat = unit_category(word)
        # an adverb ends the phrase, unless it is an adjective ("daily lessons") or opens the phrase before a
        # participle ("500 newly trained teachers", "1000 officially registered participants")
        if (
            not cat
            and low.endswith("ly")
            and low not in modifiers()
            and not (not toks and _PARTICIPLE_AFTER.match(text, m.end(), limit))
        ):
            break
        if not cat and low not in modifiers() and any(t[3] and is_plural(t[2]) for t in toks):
            break  # "students got tablets": after a plural head, a word the lookups do not know is its verb
        toks.append((m.start("word"), m.end(), word, cat))
        p = m.end()
        if word in currency_codes():
            break  # "90 million KRW in funds": the code is the whole unit
        if cat in _MEASURE_HEADS and (len(word) <= 3 or _MEASURE_END.match(text, p, limit)):
            break  # "1.2 km long and cost ...", "3 GB of data": a measure's unit is the whole unit
    heads = [i for i, t in enumerate(toks) if t[3]]
    if heads:
        last = heads[-1]
        # "university rectors": a singular head followed by a plural noun modifies it
        if last + 1 < len(toks) and singular(toks[last][2]) == toks[last][2].lower():
            follower = toks[last + 1][2]
            if follower[:1].islower() and follower.isalpha() and looks_plural(follower) and follower != "and":
                toks[last + 1] = (*toks[last + 1][:3], toks[last][3])
                last += 1
        # "years and outline key initiatives": the part after "and" is another thing, cut before it
        for i, t in enumerate(toks[:last]):
            if t[2] == "and" and i > 0 and toks[i - 1][3] and toks[i - 1][3] != toks[last][3]:
                last = i - 1
                break
        # "300 teachers use it": a count's head is plural, so a singular word after a plural one is a verb
        # ("use", "visit", "access"), while a modifier stands before its head ("teacher visits", "arts programmes")
        if not is_plural(toks[last][2]):
            last = next((j for j in range(last - 1, -1, -1) if toks[j][3] and is_plural(toks[j][2])), last)
        unit = text[toks[0][0] : toks[last][1]]
        for q in reversed(quotes):
            if toks[0][0] <= q < toks[last][1]:
                unit = unit[: q - toks[0][0]] + unit[q - toks[0][0] + 1 :]
        return unit, toks[last][3], toks[last][1]
    for i, t in enumerate(toks[:3]):
        w = t[2]
        # a participle before a plural noun describes it: "battery powered radios", "leading educational brands"
        # (or before a people's name, "3,000 surveyed Bruneians")
        described = any(
            (u[2][:1].islower() and looks_plural(u[2])) or (j == i + 1 and _capital_plural(u[2]))
            for j, u in enumerate(toks[i + 1 : 3], start=i + 1)
        )
        if (
            w in ("and",)
            or not w.replace("-", "").isalpha()
            or (w.lower().endswith(("ed", "ing")) and not w.isupper() and not described)
        ):
            break  # a verb ("printed", "using"), not an acronym ("LED screens")
        if looks_plural(w) and w[0].islower():  # "multi-function printers": a thing the lookup does not know
            return text[toks[0][0] : t[1]], "other", t[1]
        if (
            (i == 0 or all(u[2][:1].islower() for u in toks[:i]))
            and _capital_plural(w)
            and not (len(toks) > i + 1 and toks[i + 1][2][:1].isupper())
        ):
            # "26,000 PCs", "1.1 million Chromebooks", "3,000 surveyed Bruneians" (not "5 Star Schools", a name)
            return text[toks[0][0] : t[1]], "other", t[1]
    return "", "", pos


def _capital_plural(word: str) -> bool:
    """A capitalised noun in the plural: "Chromebooks", "PCs", "iPads"."""
    if not word.endswith("s") or word.endswith("ss") or len(word) < 3:
        return False
    stem = word[:-1]
    return stem.isupper() or looks_plural(word)


def modifier(word: str) -> bool:
    """A lower-case word that may stand before a head noun ("page" in "page views")."""
    low = word.lower()
    return word[:1].islower() and low not in unit_stops() and low not in number_words()


@cache
def _count_of() -> re.Pattern[str]:
    """ "a population of 570 million", "a total population of less than 1,500": the noun before "of", perhaps
    after one adjective, and a qualifier between "of" and the figure."""
    quals = alt(list(qualifiers()))
    return re.compile(
        rf"\b(?:a|an|the|its|their)[ \t]+(?:[a-z]+[ \t]+)?([a-z]+)[ \t]+of[ \t]+(?:(?:{quals})[ \t]+)?\Z", re.IGNORECASE
    )


_COUNT_RANGE = re.compile(
    r"\b([a-z]+)[ \t]+(?:between|ranging[ \t]+from|from|is|was|are|were|stands[ \t]+at|stood[ \t]+at)[ \t]+"
    r"(?:(?:about|around|nearly|almost|over|some|roughly)[ \t]+)?\Z",
    re.IGNORECASE,
)
_PREPOSITIONS = frozenset({"to", "of", "on", "for", "in", "at", "from", "with"})


def unit_before(text: str, start: int, sent: Sentence) -> tuple[str, str]:
    """The counted thing written before a verb that leads to the figure ("downloads exceeded 450 million")."""
    lo = max(sent.start, start - 120)
    if (of := _count_of().search(text, lo, start)) and of.group(1).lower() in of_units():
        return of.group(1), "people"  # "a population of 570 million"
    if (rng := _COUNT_RANGE.search(text, lo, start)) and rng.group(1).lower() in of_units():
        return rng.group(1), "people"  # "schools with an enrollment between 50 and 150", "enrolment ranging from"
    m = patterns().lead.search(text, lo, start) if may_end_with(text, lo, start, lead_endings()) else None
    if not m:
        return "", ""
    words = list(_WORD.finditer(m.group("np")))
    # "daily visits to the platform exceeded 2 million": the head is before the preposition
    for i in range(len(words) - 2, 0, -1):
        if (
            words[i].group().lower() in _PREPOSITIONS
            and is_plural(words[i - 1].group())
            and unit_category(words[i - 1].group())
        ):
            words = words[:i]
            break
    if not words or not unit_category(words[-1].group()) or not modifier(words[-1].group().lower()):
        return "", ""
    first = len(words) - 1
    while first > 0 and modifier(words[first - 1].group()):
        first -= 1
    base = m.start("np")
    return text[base + words[first].start() : base + words[-1].end()], unit_category(words[-1].group())


def unit_after(text: str, end: int, sent: Sentence) -> tuple[str, str, int]:
    """The unit of a figure ending at ``end``: glued by a hyphen ("15-minute walk") or written after it."""
    if text[end : end + 1] == "-":
        word = next_word(text, end + 1, sent.end)
        head = word.split("-")[0] if word else ""
        cat = unit_category(head) if head and text[end + 1 : end + 2].isalpha() else ""
        if cat in HYPHEN_CATEGORIES and not word.lower().endswith("-old"):  # "a 42-year-old teacher": an age
            return head, cat, end + 1 + len(head)
        return "", "", end
    money = _NAMED_MONEY.match(text, end, sent.end) if text[end : end + 3].strip()[:1].isupper() else None
    if money and unit_category(money.group("word")) == "money":
        return money.group("unit"), "money", money.end()  # "208 million U.S. dollars", "500 Kenya shillings"
    return parse_unit(text, end, sent.end)


# A money word after one or two capitalised words, which name whose money it is.
_NAMED_MONEY = re.compile(r"[ \t]+(?P<unit>(?:[A-Z][A-Za-z.]*[ \t]+){1,2}?(?P<word>[a-z]+))\b")

CARRY_GAP = 80  # characters from the figure before, at most, for a figure to share its unit

# A digit that does not open a year: "in 2019" may stand between two figures compared, another count may not.
_NON_YEAR_DIGIT = re.compile(rf"(?<![0-9])(?!{YEAR.pattern}(?![0-9]))[0-9]")


# "Lyon (10 schools), Nice (nine)": a figure alone in brackets after a capitalised name
_NAMED_BRACKET_BEFORE = re.compile(r"[A-Z][\w’'.-]*[ \t]*\([ \t]*\Z")
_BRACKET_CLOSE = re.compile(r"[ \t]*\)")


# A whole named before a part of it: "Out of a total of 3,307 schools, 837 are connected", "Of the 66 schools, 18 ..."
_WHOLE_BEFORE = re.compile(
    r"(?:^|[^\w])(?:out[ \t]+of|of)(?:[ \t]+a[ \t]+total[ \t]+of|[ \t]+the)?[ \t]+\Z", re.IGNORECASE
)
_UNIT_THEN_COMMA = re.compile(r"[^,.;:!?\n]{1,60},[ \t]*")
# Figures handed out to names in a list: "30 laptops were donated for Tupou College, 18 for Queen Salote College,
# Takuilau with 13, 20 for Tailulu College and 9 for ...": each bare figure after the first counts what it counts.
_NAME = r"[A-Z][\w'’-]*(?:[ \t]+(?:of[ \t]+)?[A-Z][\w'’-]*)*"
_ALLOTTED_AFTER = re.compile(r"[ \t]+(?:for|to)[ \t]+(?:the[ \t]+)?[A-Z]")
_ALLOTTED_BEFORE = re.compile(rf"(?<![\w'’-]){_NAME}[ \t]+with[ \t]+\Z")
_LIST_GAP = re.compile(rf"[^.;:!?\n]*?(?:,[ \t]+(?:and[ \t]+)?|[ \t]+and[ \t]+)(?:{_NAME}[ \t]+with[ \t]+)?")


def _allotted(text: str, start: int, end: int, after: str) -> bool:
    """The figure is handed to a name: "for Tupou College" after it (in ``after``, or right after its end),
    or "Takuilau with" before it."""
    return (
        (bool(after) and _ALLOTTED_AFTER.search(after) is not None)
        or (end >= 0 and _ALLOTTED_AFTER.match(text, end) is not None)
        or bool(_ALLOTTED_BEFORE.search(text, max(0, start - 60), start))
    )


# "61,000 children in preschool, 1,161,638 in primary, ...": a bare figure followed by the preposition that follows
# the figure before it and its noun, in a list
# "1,161,638 in primary", "302,000 exclusively in ...", "300 each in ...": a bare figure's preposition
# "435 homes by open sale and 187 by tender", "68,400 people who ... and 95,800 who ...": a preposition or "who"
# "144 more scheduled to join": more of the counted thing before; not "more than", nor "286 more following the
# coverage online" (others doing something else)
_MORE_AFTER = re.compile(r"[ \t]+more\b(?![ \t]+(?:than\b|[a-z]+ing\b))")
_PARALLEL_WORDS = ("for", "in", "on", "at", "to", "by", "from", "with", "who")
_PREPOSITION_AFTER = re.compile(rf"[ \t]+(?:(?:[a-z]+ly|each)[ \t]+)?({'|'.join(_PARALLEL_WORDS)})[ \t]+")
# the figure before's noun (up to three words), then the same preposition
_NOUN_THEN = {p: re.compile(rf"[ \t]+(?:[\w-]+[ \t]+){{0,3}}?{p}[ \t]") for p in _PARALLEL_WORDS}


def _parallel(text: str, gap: str, end: int) -> bool:
    """The bare figure ending at ``end`` repeats, with its own complement, the preposition the figure before took
    after its noun (``gap`` runs from that figure to this one)."""
    if end < 0 or not (after := _PREPOSITION_AFTER.match(text, end)) or not _LIST_GAP.fullmatch(gap):
        return False
    return _NOUN_THEN[after.group(1)].match(gap) is not None


def carried(text: str, start: int, prev: Metric | None, end: int = -1) -> tuple[str, str]:
    """The unit of the figure before, for a figure compared with it and written without one ("1,100 courses, up
    from 800", "800 guests, including 400 from overseas"), or listed beside it as the figure of another name
    ("Lyon (10 schools), Nice (nine), ...")."""
    if prev is None or not 0 <= start - prev.end <= CARRY_GAP:
        return "", ""
    gap = text[prev.end : start]
    if (
        end >= 0
        and _NAMED_BRACKET_BEFORE.search(text, max(0, start - 60), start)
        and _BRACKET_CLOSE.match(text, end)
        and _NAMED_BRACKET_BEFORE.search(text, max(0, prev.start - 60), prev.start)
        and "." not in gap
    ):
        return prev.unit, prev.category
    if _NON_YEAR_DIGIT.search(gap):
        return "", ""  # another number stands between them
    if end >= 0 and _MORE_AFTER.match(text, end) and "." not in gap:
        return prev.unit, prev.category  # "2,459 schools and 144 more scheduled to join": more of the same
    if _WHOLE_BEFORE.search(text, max(0, prev.start - 30), prev.start) and _UNIT_THEN_COMMA.fullmatch(gap):
        return prev.unit, prev.category  # "Out of a total of 3,307 schools, 837 ...": a part of the whole before
    if _allotted(text, prev.start, prev.end, gap) and _allotted(text, start, end, "") and _LIST_GAP.fullmatch(gap):
        return prev.unit, prev.category  # "30 laptops were donated for Tupou College, 18 for Queen Salote College"
    low = gap.lower().rstrip()
    q = next((q for q in qualifier_phrases() if ends_with_word(low, q)), "")
    low = low[: len(low) - len(q)].rstrip()
    # "61,000 children in preschool, 1,161,638 in primary", "3,000 laptops to Zhytomyr and about 2,000 to Kyiv": the
    # list's gap without the qualifier before this figure
    if _parallel(text, gap[: len(low)] + " " if q else gap, end):
        return prev.unit, prev.category
    single, pairs = carry_cues()
    if any(ends_with_word(low, cue) for cue in single):
        return prev.unit, prev.category
    before = ""
    for first, then in pairs:
        if ends_with_word(low, then):
            before = before or text[max(0, prev.start - 40) : prev.start].lower().rstrip()
            if ends_with_word(before, first):
                return prev.unit, prev.category
    return "", ""
