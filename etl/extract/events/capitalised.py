"""Names written with capitals: the words around an event word, the acronyms a text defines, brands and their years."""

from __future__ import annotations

import calendar
import itertools
import re
from collections.abc import Mapping
from functools import lru_cache

from etl.extract.dates import MONTH_NAME
from etl.extract.events.lexicon import Lexicon
from etl.extract.events.mention import (
    _ORDINAL_TOKEN,
    _ROMAN,
    MAX_MENTIONS,
    TOKEN,
    YEAR_TOKEN,
    Mention,
    _inside,
    _roman,
    _tokens_back,
    clean,
    identity,
    is_name_word,
)
from etl.extract.places import venue_words
from etl.extract.regex import trie
from etl.model import PlaceMention

NAME_REACH = 240  # characters an event's name may extend on either side of its keyword
MAX_NAME_WORDS = 16
MAX_BRAND_WORDS = 5

_YEAR_BEFORE = re.compile(r"(?<![\w.,])((?:19|20)\d{2})\s+$")
_YEAR_AFTER = re.compile(r"\s+((?:19|20)\d{2})(?![\w.,]\d)")
# (?<![\w.,/-])(?:19|20)\d{2}(?!\w|[.,-]\d), the look-behind after the first digit: a regex that starts with one is
# tried at every character, one that starts with a digit is scanned for.
_BRAND_YEAR = re.compile(r"(?:1(?<![\w.,/-].)9|2(?<![\w.,/-].)0)\d{2}(?!\w|[.,-]\d)")
_NEXT_WORD = re.compile(r"[ \t]+([A-Z0-9][\w’'-]*)")
_ACRONYM_WORD = re.compile(r"[A-Z](?:[A-Z&]|-(?=[A-Z])){1,9}")  # "(WDEC)", "(C-DELTA)"
_POSSESSIVE = re.compile(r"[’']s$")
_QUOTES = '"“”'
# "(WDEC)", "(ADULTED VII)", "(ICLC 6)", "(GSE 2023)": an acronym, and the edition or year it names; it opens with a
# capital, or with a small letter before two ("(eLA)", "(iDEC2025)")
_ACRONYM_DEF = re.compile(
    r"\s*\(\s*((?:[A-Z]|[a-z](?=[A-Z]{2}))[A-Za-z0-9&+-]{1,11})(?:\s+([IVX]{1,6}|\d{1,2}|(?:19|20)\d{2}))?\s*\)"
)
_CAPITAL_NEXT = re.compile(r"[ \t]+[A-Z]")
_ACRONYM_BEFORE = re.compile(r"[ \t]*\([ \t]*[A-Za-z][A-Za-z0-9&+-]{1,11}[ \t]*\)[ \t]+\Z")
# Words joining the parts of a name: on the left only between capitalised words ("Ministers of Education Forum"),
# on the right after a complement ("Conference on Digital Education Progress").
_LEFT_JOINERS = frozenset({"of", "and", "&", "for", "on", "in"})
_COMPLEMENTS = frozenset({"of", "on", "for", "to"})
_RIGHT_JOINERS = frozenset({"of", "on", "for", "to", "and", "&", "the", "a", "an", "in"})


# A month, perhaps with its day, right before a year: "18 May 2017", "May 18, 2017"
_MONTH_BEFORE = re.compile(rf"\b(?:{MONTH_NAME})\.?(?:[ \t]+\d{{1,2}}(?:st|nd|rd|th)?,?)?[ \t]+\Z")


def expand_left(text: str, kw_start: int, lex: Lexicon) -> int:
    """Start of the capitalised words written before an event keyword ("2024 World Digital Education")."""
    lo = max(text.rfind("\n", 0, kw_start) + 1, kw_start - NAME_REACH)
    accepted: list[re.Match[str]] = []
    joiner = False
    # Marks taken only if a name word comes before them: an organiser's acronym in brackets ("Jamaica Teachers'
    # Association (JTA) Annual Conference") or the apostrophe of a plural possessive inside the name ("Teachers'").
    held: list[re.Match[str]] = []
    upper_keyword = text[kw_start : kw_start + 2].isupper()
    # "the Asian Association of Open Universities (AAOU) annual conference": a series' own "annual" before the word
    end = kw_start
    if (series := _SERIES_WORD_BEFORE.search(text, max(lo, kw_start - 12), kw_start)) and text[
        series.start() - 2 : series.start()
    ] == ") ":
        end = series.start()
    for t in _tokens_back(text, lo, end):
        word = t.group()
        if len(accepted) + len(held) >= MAX_NAME_WORDS:
            break
        if held and held[-1].group() == ")":
            if len(held) == 1 and (acronym := _expansion_before(text, lo, held[0].start())) is not None:
                # "the 26th ICDE (International Council for Open and Distance Education) World Conference": an
                # acronym and its expansion in brackets, then the name goes on before the acronym
                return min(expand_left(text, acronym, lex), acronym)
            if not (_ACRONYM_WORD.fullmatch(word) and len(held) == 1):
                break
            held.append(t)
            continue
        if held and len(held) == 2:  # ")" and the acronym: its opening bracket
            if word != "(":
                break
            held.append(t)
            continue
        # "Educational IT Solutions Expo": capitals that spell a stop word are an acronym among title-case words (as
        # in expand_right; not in an ALL-CAPS headline, where every word is written so)
        if word[:1].isalnum() and (
            is_name_word(word, lex.stop) or (len(word) > 1 and word.isupper() and not upper_keyword)
        ):
            if held and held[0].group() in ("’", "'") and not word.endswith("s"):
                break
            if joiner and word.isdigit():
                break  # "from 14 to 16 November 2023 on Global Media ... Week": a date's year, then the name
            if YEAR_TOKEN.fullmatch(word) and _MONTH_BEFORE.search(text, max(lo, t.start() - 16), t.start()):
                break  # "Brussels, 18 May 2017 Annual Conference 2017": the year ends a date, not the name
            accepted += held
            held = []
            accepted.append(t)
            joiner = False
        elif word in (")", "’", "'") and not joiner and not held:
            held = [t]  # "Jamaica Teachers' Association", and right before the event word: "Citizens’ Forum"
        elif word.lower() in _LEFT_JOINERS and not joiner and accepted and not held:
            joiner = True
        else:
            if not accepted and _named_weekday(text, lo, t):
                accepted.append(t)  # "Friday Forum": a weekday that names a series, not the day of the event
            break
    accepted.reverse()
    # A headline or a lead-in before the year is not part of the name ("Beijing Hosts 2024 Global Forum").
    first_year = next((i for i, t in enumerate(accepted) if YEAR_TOKEN.fullmatch(t.group())), 0)
    accepted = accepted[first_year:]
    if accepted and _POSSESSIVE.search(accepted[0].group()):
        accepted = accepted[1:]
    return accepted[0].start() if accepted else kw_start


_SERIES_WORDS = ("annual", "biennial")
_SERIES_WORD_BEFORE = re.compile(rf"(?:{'|'.join(_SERIES_WORDS)})[ \t]+\Z")
# An acronym and its expansion in brackets, ending where the closing bracket stands: "ICDE (International Council
# for Open and Distance Education"
_EXPANSION = re.compile(
    r"(?<![\w-])[A-Z][A-Z&]{1,9}[ \t]+\((?:[A-Z][\w’'.-]*|of|for|and|the|in|on|&)(?:[ \t]+(?:[A-Z][\w’'.-]*|of|for|and|the"
    r"|in|on|&)){1,12}\Z"
)


def _expansion_before(text: str, lo: int, close: int) -> int | None:
    """The start of the acronym whose expansion in brackets closes at ``close``, or None."""
    opening = text.rfind("(", lo, close)
    if opening < 0 or not (m := _EXPANSION.search(text, max(lo, opening - 12), close)):
        return None
    return m.start()


_WEEKDAYS = frozenset(d.lower() for d in calendar.day_name)
# Words before a weekday that make it the day of something ("on Friday", "last Friday"), not part of a name
_DAY_CUES = re.compile(r"(?:\b(?:on|last|next|this|every|each|by|until|since|from|to)|[,\d])\s*\Z", re.IGNORECASE)


def _named_weekday(text: str, lo: int, t: re.Match[str]) -> bool:
    """A capitalised weekday right before the event word, and no word before it that makes it a day."""
    word = t.group()
    return (
        word[:1].isupper()
        and word.lower() in _WEEKDAYS
        and not _DAY_CUES.search(text, max(lo, t.start() - 12), t.start())
    )


# Two or more title-case words right after the event word, up to a colon that opens a subtitle (one is a caption's
# word: "Forum Photo:")
_TOPIC_BEFORE_COLON = re.compile(
    r"[ \t]+[A-Z][\w&'’+-]*(?:[ \t]+(?:(?:in|of|for|and|on|the|&|to)[ \t]+)?[A-Z][\w&'’+-]*){1,6}(?=[ \t]*:)"
)
_AND_AFTER = re.compile(r"[ \t]+(?:and|&)(?=[ \t])")
_AT_PLACE = re.compile(r"[ \t]*@[ \t]?[A-Z][\w-]*")
# "Nigeria Education Conference & Awards (NECA) 2024": a second noun joined to the event word, up to the acronym of
# the whole name (_ACRONYM_DEF right after it)
_AND_WORDS = re.compile(r"[ \t]+(?:and|&)[ \t]+(?:[A-Z][\w-]*[ \t]+){0,2}[A-Z][\w-]*")


def expand_right(text: str, kw_end: int, place_starts: Mapping[int, int], lex: Lexicon) -> int | None:
    """End of the words that complete an event keyword ("on Digital Education Progress").

    None when a capitalised word follows the keyword directly: then the keyword only qualifies another noun
    ("Forum Secretariat", "Conference Centre") and names no event.
    """
    hi = min(len(text), kw_end + NAME_REACH)
    if (joined := _AND_AFTER.match(text, kw_end)) and lex.venue_after.match(text, joined.end()):
        return None  # "the Riyadh International Convention and Exhibition Center": a venue's name
    if joined and (words := _AND_WORDS.match(text, kw_end)) and _ACRONYM_DEF.match(text, words.end()):
        return words.end()
    if at := _AT_PLACE.match(text, kw_end):
        return at.end()  # "Smart Teacher Hackathon @Hyderabad": the edition's place, written into the name
    newline = text.find("\n", kw_end, hi)
    # Read lazily: most keywords are settled by the first word after them.
    toks = TOKEN.finditer(text, kw_end, newline if newline >= 0 else hi)
    end = kw_end
    if (tok := next(toks, None)) is None:
        return end
    first = tok.group()
    if YEAR_TOKEN.fullmatch(first) and tok.start() > kw_end:  # "Expo 2025"
        end = tok.end()
        if (tok := next(toks, None)) is None:
            return end
        first = tok.group()
    if _ROMAN.fullmatch(first) and first and tok.start() > kw_end:  # "Conference on Adult Education VII"
        return tok.end()
    if end == kw_end and tok.start() in place_starts and text[kw_end : tok.start()] == " ":
        # "e-Learning Forum Asia", "EdTech Summit Africa 2025": a place right after the event word ends the name
        end = place_starts[tok.start()]
        return year.end() if (year := _YEAR_AFTER.match(text, end)) else end
    if first[:1].isupper() and first.lower() not in lex.stop and first.lower() not in _COMPLEMENTS:
        if end == kw_end and first.lower() not in lex.not_after and (topic := _TOPIC_BEFORE_COLON.match(text, kw_end)):
            return topic.end()  # "International Conference ICT in Education: Digital Pedagogy ...": its topic
        return None if end == kw_end else end
    if first.lower() not in _COMPLEMENTS:
        return end
    pending: list[str] = []
    n_words = 0
    for t in itertools.chain((tok,), toks):
        word = t.group()
        low = word.lower()
        is_name = (
            word[:1].isalnum()
            and (
                is_name_word(word, lex.stop)
                # "Conference on Using IT in Education": capitals that spell a stop word are an acronym among title-case
                # words (not in an ALL-CAPS headline, where every word is written so)
                or (len(word) > 1 and word.isupper() and not text[kw_end - 2 : kw_end].isupper())
            )
        )
        if is_name and pending:
            if pending[-1] == "in" and t.start() in place_starts:
                break  # "Conference on AI in Education" continues the name, "Forum in Shanghai" does not
            end = t.end()
            pending = []
            n_words += 1
            if n_words >= MAX_NAME_WORDS:
                break
        elif is_name:
            end = t.end()
            n_words += 1
        elif (low in _RIGHT_JOINERS or word in _QUOTES) and len(pending) < 3:
            pending.append(low)
        elif pending and "-" in word and word[:1].islower() and _CAPITAL_NEXT.match(text, t.end()):
            pending.append(low)  # "Forum on e-learning Excellence": a compound inside the name
        else:
            break
    # A Roman numeral right after the name is its edition ("International Conference on Adult Education VII").
    if (roman := re.match(r"\s+([IVX]{1,6})\b", text[end : end + 8])) and _roman(roman.group(1)):
        end += roman.end()
    return end


def _balance_quotes(text: str, start: int, end: int) -> int:
    """Include the closing quote of a quoted part that ends the name (... the "UN Portal")."""
    span = text[start:end]
    unbalanced = span.count('"') % 2 == 1 or span.count("“") > span.count("”")
    if unbalanced and end < len(text) and text[end] in '"”':
        return end + 1
    return end


TITLED_WORDS = 2  # capitalised words at least before a titled keyword: "a Side Event" names no event


def _named_before(text: str, k_start: int) -> bool:
    """Whether two or more capitalised words ("National (Digital) Learning") stand right before k_start."""
    words = [w.strip("()") for w in text[max(0, k_start - 60) : k_start].split()[-TITLED_WORDS:]]
    return len(words) == TITLED_WORDS and all(w[:1].isupper() and w.isalpha() for w in words)


@lru_cache(maxsize=1)
def _organisation_of() -> re.Pattern[str]:
    """An institution's word, "of" or "for", and capitalised words, ending the text: "Institute for Teacher and
    Education Professional "."""
    words = "|".join(re.escape(w) for w in venue_words())
    return re.compile(rf"\b(?:{words})[ \t]+(?:of|for)[ \t]+(?:[A-Z][\w’'-]*[ \t]+(?:(?:and|&)[ \t]+)?){{1,8}}\Z")


def _organisation_before(text: str, k_start: int) -> bool:
    """Whether the capitalised words before ``k_start`` go on an institution's name ("the National Institute for
    Teacher and Education Professional Training"): the word names the institution, not a gathering."""
    return _organisation_of().search(text, max(0, k_start - 100), k_start) is not None


def _name_before(text: str, start: int) -> bool:
    """A capitalised or mixed-case word or a number may stand right before ``start`` (a quick test before
    expand_left: "the conference" has none)."""
    seg = text[max(0, start - 40) : start]
    if not seg[-1:].isspace():
        return False
    words = seg.split()
    word = words[-1] if words else ""
    if word in _SERIES_WORDS and len(words) > 1 and words[-2].endswith(")"):
        return True  # "(AAOU) annual conference": see expand_left
    return bool(word) and (word[0].isupper() or word[0].isdigit() or any(c.isupper() for c in word[1:3]))


def _acronym_mentions(
    text: str,
    taken: list[tuple[int, int]],
    acronyms: dict[str, frozenset[str]],
    expansions: dict[str, tuple[str, bool]],
    lex: Lexicon,
) -> list[Mention]:
    if not acronyms:
        return []
    pattern = _acronym_pattern(tuple(sorted(acronyms)))
    out: list[Mention] = []
    for m in pattern.finditer(text):
        if len(out) >= MAX_MENTIONS:
            break
        if m.start() and (text[m.start() - 1].isalnum() or text[m.start() - 1] in "_-"):
            continue
        if _inside(taken, m.start(), m.end()):
            continue  # inside a full name or the definition itself
        start, end = m.start(), m.end()
        edition_after = re.match(r"[ \t]+([IVX]{1,6}|\d{1,2})\b", text[end : end + 8])
        nxt = _NEXT_WORD.match(text, end + (edition_after.end() if edition_after else 0))
        if nxt and nxt.group(1).lower() not in lex.stop and not YEAR_TOKEN.fullmatch(nxt.group(1)):
            continue  # "the WISE Prize for Education": the acronym qualifies another name
        year = edition = None
        if y := _YEAR_BEFORE.search(text, max(0, start - 6), start):
            start, year = y.start(), int(y.group(1))
        elif y := _YEAR_AFTER.match(text, end):
            end, year = y.end(), int(y.group(1))
        elif r := re.match(r"[ \t]+([IVX]{1,6}|\d{1,2})\b", text[end : end + 8]):
            # "ADULTED VII", "ICLC 6": the edition
            edition = _roman(r.group(1)) if r.group(1).isalpha() else int(r.group(1))
            if edition:
                end += r.end()
        expansion, ambiguous = expansions[m.group()]
        # "International Conference on Adult Education (ADULTED IV)": the series and the acronym as written
        name = f"{expansion} ({text[m.start() : end].strip()})" if end > m.end() else expansion
        name = f"{year} {name}" if year else name
        tokens = acronyms[m.group()]
        out.append(Mention(start, end, name, "acronym", ambiguous, tokens, year, edition))
    return out


@lru_cache(maxsize=256)
def _acronym_pattern(acronyms: tuple[str, ...]) -> re.Pattern[str]:
    # No look-behind at the start: it would stop the regex engine from skipping ahead on the first letter.
    return re.compile(trie(list(acronyms)) + r"(?![\w-])")


def _series_name(name: str, lex: Lexicon) -> str:
    """A name without its year and edition: "Seventh International Conference on Adult Education VII" is the
    "International Conference on Adult Education"."""
    words = YEAR_TOKEN.sub("", name).split()
    while words and (words[0].lower() in lex.ordinals or _ORDINAL_TOKEN.fullmatch(words[0])):
        words = words[1:]
    while words and words[-1].isupper() and _roman(words[-1]):
        words = words[:-1]
    return " ".join(words) or clean(name)


def defined_acronym(text: str, end: int) -> str | None:
    """The acronym defined in brackets right after a name ending at ``end`` ("... Conference 2025 (iDEC2025)")."""
    d = _ACRONYM_DEF.match(text, end)
    return d.group(1) if d and sum(c.isupper() for c in d.group(1)) >= 2 else None


# "DLAC, the Digital Learning Annual Conference": an acronym set before the name it stands for
_ACRONYM_APPOSED = re.compile(r"(?<![\w-])([A-Z][A-Za-z0-9&]{1,11}),[ \t]+the[ \t]+\Z")
_MINOR_WORDS = frozenset({"of", "on", "and", "for", "the", "in", "&"})


def acronym_before(text: str, start: int, name: str) -> str | None:
    """The acronym written just before a name starting at ``start`` and made of its initials (the words "of",
    "and", ... aside): "DLAC, the Digital Learning Annual Conference"."""
    d = _ACRONYM_APPOSED.search(text, max(0, start - 20), start)
    if d is None:
        return None
    initials = "".join(w[0] for w in name.split() if w.lower() not in _MINOR_WORDS and w[0].isalpha()).upper()
    letters = "".join(c for c in d.group(1) if c.isupper())
    return d.group(1) if len(letters) >= 2 and letters == initials else None


def _brand_mentions(text: str, taken: list[tuple[int, int]], places: list[PlaceMention], lex: Lexicon) -> list[Mention]:
    """A name and its year without an event word ("Edu Expo 2017", "EdTech Fair Doha 2022"): ambiguous, so they count
    only where the sentence says the event took place, and a name made only of places ("Beijing 2022") is none."""
    place_spans = {(p.start, p.end) for p in places}
    place_starts = {p.start: p.end for p in places}
    out: list[Mention] = []
    for y in _BRAND_YEAR.finditer(text):
        if len(out) >= MAX_MENTIONS:
            break
        if _inside(taken, y.start(), y.end()):
            continue
        nxt = _NEXT_WORD.match(text, y.end())
        end = y.end()
        if nxt and nxt.group(1).lower() not in lex.stop:
            # "MoodleMoot 2015 Australia from 6-8 July": a place after the year that ends the name is the edition's
            if (p_end := place_starts.get(nxt.start(1))) is None or _NEXT_WORD.match(text, p_end):
                continue  # "Beijing 2022 Winter Olympics": the year is inside a longer name ("EdTech Fair Doha 2022 Opens" is not)
            end = p_end
        lo = max(text.rfind("\n", 0, y.start()) + 1, y.start() - 120)
        words: list[re.Match[str]] = []
        # "Digital Schools Africa (DSA) 2012": the name's acronym may stand between it and its year
        acr = _ACRONYM_BEFORE.search(text, lo, y.start())
        if acr and _inside(taken, acr.start() + 1, acr.end() - 1):
            continue  # the year of a named event whose acronym stands between: that event's, not a brand
        for t in _tokens_back(text, lo, acr.start() if acr else y.start()):
            w = t.group()
            if len(words) >= MAX_BRAND_WORDS or not (w[:1].isalpha() and is_name_word(w, lex.stop)):
                break
            if w.lower() in lex.roles:
                words = []  # "... Conference 2024": a named mention's, not a brand's
                break
            words.append(t)
        if not words:
            continue
        words.reverse()
        if _THEME_BEFORE.search(text, max(0, words[0].start() - 60), words[0].start()):
            continue  # 'on the theme “Envisioning Education 2030: ...”': the theme of an event, no event itself
        start = words[0].start()
        while start in place_starts and place_starts[start] < y.start():
            after_place = next((w.start() for w in words if w.start() >= place_starts[start]), None)
            if after_place is None or after_place == start:
                break
            start = after_place
        if (start, words[-1].end()) in place_spans or all((w.start(), w.end()) in place_spans for w in words):
            continue  # "Beijing 2022", "Paris 2024": a place and a year
        if start in place_starts and place_starts[start] >= words[-1].end():
            continue
        name = clean(text[words[0].start() : end])
        tokens, year, edition = identity(name, lex)
        if tokens:
            out.append(Mention(words[0].start(), end, name, "brand", True, tokens, year, edition))
    return out


# What introduces an event's theme, up to its opening quote: "on the theme “", "themed '", "under the theme, “",
# "the theme of this year is "
_THEME_BEFORE = re.compile(
    r"\bthem(?:e|ed)\b(?:[ \t]+of[ \t]+[\w’' \t]{1,30}?)?(?:[ \t]+(?:is|was|will[ \t]+be))?[ \t]*[:,]?[ \t]*[“\"‘']?\Z",
    re.IGNORECASE,
)


def _brand_repeats(text: str, brands: list[Mention], taken: list[tuple[int, int]], lex: Lexicon) -> list[Mention]:
    """A brand's name written again without its year ("Edu Expo: over 15,000 participants ..."): a mention of
    the same event, which takes its year from the brand's."""
    out: list[Mention] = []
    for name in sorted({YEAR_TOKEN.sub("", b.name).strip() for b in brands if b.name}):
        if len(name) < 4:
            continue
        tokens, _, edition = identity(name, lex)
        pos = text.find(name)
        while pos >= 0 and len(out) < MAX_MENTIONS:
            end = pos + len(name)
            whole = (pos == 0 or not text[pos - 1].isalnum()) and (end >= len(text) or not text[end].isalnum())
            if whole and not _inside(taken, pos, end) and not _YEAR_AFTER.match(text, end):
                out.append(Mention(pos, end, name, "brand", True, tokens, None, edition))
            pos = text.find(name, end)
    return out
