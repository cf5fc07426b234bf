"""Find where a text names an event, in every way news names one.

- named: capitalised words around an event word, "2024 World Digital Education Conference", also with a lower-case
  event word after a name ("the eLearning Africa conference");
- acronym: an acronym the text defines for a name ("(WDEC)", "(ADULTED VII)"), used later on its own;
- titled: an event word and a quoted title ('the parallel conference "Education Digitalization ..."');
- brand: a name and a year without any event word ("Edu Expo 2017 convened ...", "EdTech Fair Doha 2022 opens");
- described: a lower-case event word with what describes it ("a webinar to exchange knowledge ...", "the 11th
  seminar"); a plain "the conference" refers back to an event already named.

Each mention carries the words that identify its event (its tokens), the year and the edition it names.
"""

from __future__ import annotations

import calendar
import itertools
import re
from bisect import bisect_left
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from functools import lru_cache

from etl.extract.dates import MONTH_NAME, find_spans
from etl.extract.events.lexicon import Lexicon
from etl.extract.places import venue_words
from etl.extract.regex import finditer_at_words, lower, trie
from etl.model import PlaceMention

MAX_MENTIONS = 1000  # keeps the work bounded on pathological input (1 MB on one line)
NAME_REACH = 240  # characters an event's name may extend on either side of its keyword
MAX_NAME_WORDS = 16
MAX_BRAND_WORDS = 5
MAX_DESCRIBED_WORDS = 14
DESCRIBED_LEAD = 5  # words at most between a determiner and its event word ("the first pan-African conference")

TOKEN = re.compile(r"\w+(?:[’'\-.&+]\w+)*\+?|[^\w\s]")
YEAR_TOKEN = re.compile(r"(?:19|20)\d{2}")
_ORDINAL_TOKEN = re.compile(r"(\d{1,3})(?:st|nd|rd|th)", re.I)
_ROMAN = re.compile(r"M{0,1}(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})")
_ROMAN_VALUES = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100, "M": 1000}
_YEAR_BEFORE = re.compile(r"(?<![\w.,])((?:19|20)\d{2})\s+$")
_YEAR_AFTER = re.compile(r"\s+((?:19|20)\d{2})(?![\w.,]\d)")
# (?<![\w.,/-])(?:19|20)\d{2}(?!\w|[.,-]\d), the look-behind after the first digit: a regex that starts with one is
# tried at every character, one that starts with a digit is scanned for.
_BRAND_YEAR = re.compile(r"(?:1(?<![\w.,/-].)9|2(?<![\w.,/-].)0)\d{2}(?!\w|[.,-]\d)")
_NEXT_LOWER = re.compile(r"[ \t]+([a-z]+)")
_NEXT_WORD = re.compile(r"[ \t]+([A-Z0-9][\w’'-]*)")
_ACRONYM_WORD = re.compile(r"[A-Z][A-Z&]{1,9}")
_POSSESSIVE = re.compile(r"[’']s$")
_WORD_RUN = re.compile(r"\w*")
_WORD = re.compile(r"[^\W_]+")
# "e-Learning Africa" and "eLearning Africa", "m-Learning" and "mLearning": a letter's prefix is one word with its noun
_LETTER_PREFIX = re.compile(r"(?<![^\W_])([^\W\d_])-(?=[^\W\d_]{2})")
_QUOTES = '"“”'
# "(WDEC)", "(ADULTED VII)", "(ICLC 6)", "(GSE 2023)": an acronym, and the edition or year it names; it opens with a
# capital, or with a small letter before two ("(eLA)", "(iDEC2025)")
_ACRONYM_DEF = re.compile(
    r"\s*\(\s*((?:[A-Z]|[a-z](?=[A-Z]{2}))[A-Za-z0-9&+-]{1,11})(?:\s+([IVX]{1,6}|\d{1,2}|(?:19|20)\d{2}))?\s*\)"
)
_TIME_POSSESSIVE = re.compile(r"(?:year|week|month|today|tomorrow|yesterday)[’']s?", re.IGNORECASE)
# an acronym in brackets right before a lower-case event word: two capitals at least ("(ICT)", "(EdTech)")
_BRACKETED_BEFORE = re.compile(r"\((?P<acr>(?=(?:[^A-Z)]*[A-Z]){2})[A-Za-z][A-Za-z0-9&+-]{1,11})\)[ \t]+\Z")
_CAPITAL_NEXT = re.compile(r"[ \t]+[A-Z]")
_ACRONYM_BEFORE = re.compile(r"[ \t]*\([ \t]*[A-Za-z][A-Za-z0-9&+-]{1,11}[ \t]*\)[ \t]+\Z")
_AND_JOIN = re.compile(r"[ \t]+(?:and|&)[ \t]+")
_OF_PARENT = re.compile(r"\s+of\s+(?:the\s+)?")
# Words joining the parts of a name: on the left only between capitalised words ("Ministers of Education Forum"),
# on the right after a complement ("Conference on Digital Education Progress").
_LEFT_JOINERS = frozenset({"of", "and", "&", "for", "on", "in"})
_COMPLEMENTS = frozenset({"of", "on", "for", "to"})
_RIGHT_JOINERS = frozenset({"of", "on", "for", "to", "and", "&", "the", "a", "an", "in"})
KEY_SKIP = frozenset({"the", "of", "on", "for", "and", "a", "an", "to", "in", "at", "by", "s"})
_NOT_LEAD = frozenset({"of", "in", "on", "at", "for", "to", "from", "by", "with", "and", "or"})
_DETERMINERS = frozenset({"a", "an", "the", "this", "that", "its", "their", "our", "his", "her"})
_DEFINITE = frozenset({"the", "this", "that", "its", "their", "our", "his", "her"})
_THIS_BEFORE = re.compile(r"\b[Tt]his(?=[ \t]+\Z)")
# What may follow a lower-case event word and describe it ("a webinar to exchange knowledge", "a conference on AI").
_DESCRIBED_COMPLEMENT = frozenset({"to", "on", "of", "for", "about", "dedicated", "devoted", "focusing", "focused"})
# Words that end a description: a verb or a clause that says something about the event rather than what it is.
_DESCRIBED_END = frozenset(
    {"was", "were", "is", "are", "will", "would", "has", "have", "had", "which", "that", "who", "where", "when",
     "with", "as", "and", "but", "took", "takes", "be", "opens", "runs", "brings", "begins", "starts", "ends"}
)  # fmt: skip


@dataclass
class Mention:
    start: int  # span of the name (or of "keyword ... title") in the text
    end: int
    name: str
    kind: str  # named | titled | brand | acronym | described
    ambiguous: bool  # the event word also names institutions or texts: needs a strong cue that it took place
    tokens: frozenset[str]  # identity words, without the year
    year: int | None  # year written in the name
    edition: int | None = None  # ordinal of the edition ("9th edition of", "Seventh", "XXIII")
    backref: bool = False  # a plain "the conference": it refers back to an event named before
    sent: int = -1  # index of its sentence, -1 when outside every sentence
    lo: int = 0  # the window of its sentence that is read
    hi: int = 0

    @property
    def core(self) -> frozenset[str]:
        """Tokens without the event words: "eLearning Africa conference" and "eLearning Africa 2010" share them."""
        return self.tokens - _EVENT_WORDS


_EVENT_WORDS: frozenset[str] = frozenset()  # filled by find_mentions from the lexicon


def is_name_word(word: str, stop: frozenset[str]) -> bool:
    """A capitalised word ("Digital"), a mixed-case one ("eLearning", "iPad"), a year or an ordinal ("9th")."""
    # Years and ordinals start with a digit (what \d matches is exactly what isdecimal accepts): other words skip
    # both regexes.
    if word[:1].isdecimal():
        return bool(YEAR_TOKEN.fullmatch(word) or _ORDINAL_TOKEN.fullmatch(word))
    if not word[:1].isupper() and not (word[:1].islower() and any(c.isupper() for c in word[1:3])):
        return False
    bare = word[:-2] if word.endswith(("’s", "'s")) else word
    return bare.lower() not in stop


def _tokens_back(text: str, lo: int, hi: int) -> Iterator[re.Match[str]]:
    """The tokens of text[lo:hi], last first.

    A name rarely reaches far back, so the text is tokenised in pieces growing leftwards, each starting just after
    a space: no token holds a space, so a piece gives the same tokens as tokenising from lo.
    """
    end, reach = hi, 64
    while end > lo:
        start = max(lo, end - reach)
        if start > lo:
            start = text.rfind(" ", lo, start) + 1 or lo
        yield from reversed(list(TOKEN.finditer(text, start, end)))
        end, reach = start, reach * 4


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


def _roman(word: str) -> int | None:
    """The value of a Roman numeral of two or more letters, or of "V", "X" ("I" is a pronoun)."""
    if not word or not _ROMAN.fullmatch(word) or word in ("I",):
        return None
    total = 0
    for a, b in itertools.zip_longest(word, word[1:]):
        v = _ROMAN_VALUES[a]
        total += -v if b and _ROMAN_VALUES[b] > v else v
    return total or None


def identity(name: str, lex: Lexicon) -> tuple[frozenset[str], int | None, int | None]:
    """Words that identify an event whatever the word order, plural or punctuation; the year in its name; the
    edition its ordinal gives ("Seventh", "9th", "XXIII")."""
    tokens: set[str] = set()
    year = edition = None
    for w in _WORD.findall(_LETTER_PREFIX.sub(r"\1", name)):
        if w[0] in "12" and YEAR_TOKEN.fullmatch(w):
            year = year or int(w)
            continue
        low = w.lower()
        if low in KEY_SKIP:
            continue
        # An ordinal ("Seventh", "9th", "VII") gives the edition, not the identity: "Seventh International
        # Conference on Adult Education" and "International Conference on Adult Education VII" are one event.
        if low in lex.ordinals:
            edition = edition or lex.ordinals[low]
            continue
        if o := _ORDINAL_TOKEN.fullmatch(w):
            edition = edition or int(o.group(1))
            continue
        if w.isupper() and (r := _roman(w)):
            edition = edition or r
            continue
        tokens.add(singular_token(low))
    return frozenset(tokens), year, edition


def singular_token(low: str) -> str:
    """A lower-case word of a name as an identity token: a plural made singular ("Cities" -> "city")."""
    if low.endswith("ies") and len(low) > 4:
        return low[:-3] + "y"
    if low.endswith("s") and not low.endswith("ss") and len(low) > 3:
        return low[:-1]
    return low


def clean(span: str) -> str:
    return " ".join(span.split())


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


def find_mentions(text: str, places: list[PlaceMention], lex: Lexicon) -> tuple[list[Mention], list[int]]:
    """Every event name in the text, and where each event word is (to find the sentences that refer back)."""
    global _EVENT_WORDS
    if not _EVENT_WORDS:
        _EVENT_WORDS = frozenset(identity(" ".join(lex.roles), lex)[0])
    place_starts = {p.start: p.end for p in places}
    named: list[Mention] = []
    lower_case: list[tuple[int, int]] = []
    acronyms: dict[str, frozenset[str]] = {}
    expansions: dict[str, tuple[str, bool]] = {}
    acronym_defs: list[tuple[int, int]] = []
    hits = [h for h in keyword_spans(text, lex) if not _briefing(text, h[0], lex) and not _institution(text, h[1], lex)]
    for k_start, k_end in hits:
        word = text[k_start:k_end]
        role = lex.roles.get(word.lower(), "backref")
        if word.lower() not in lex.singular:
            continue  # plurals ("the World Conferences") name a series, not one event
        bracketed = None
        if not word[:1].isupper():
            if role != "backref" and (b := _BRACKETED_BEFORE.search(text, max(0, k_start - 20), k_start)):
                bracketed = b  # "an educational technology (EdTech) conference": named by its acronym
            elif not _name_before(text, k_start):
                lower_case.append((k_start, k_end))  # "the conference": no name before the event word
                continue
            start = expand_left(text, k_start, lex)
            if bracketed and start < bracketed.start():
                bracketed = None  # "the Online Educa Berlin (OEB) conference": named by what the acronym stands for
            elif bracketed:
                start = bracketed.start("acr")  # "an educational technology (EdTech) conference": by its acronym
            left = text[start:k_start].split()
            after = _NEXT_LOWER.match(text, k_end)
            if after and after.group(1) in lex.not_after:
                continue  # "the Plaza Mayor convention center": the event word qualifies a place
            if role == "backref" or not any(not (w[:1].isdigit()) for w in left):
                lower_case.append((k_start, k_end))  # "the conference", "a webinar", "the 2011 event"
                continue
            end = k_end  # "the eLearning Africa conference": a name and a lower-case event word
        else:
            if (
                role == "backref"
                and word.lower() in lex.titled
                and _named_before(text, k_start)
                and not _organisation_before(text, k_start)
                and not lex.title_after.match(text, k_end)
            ):
                role = "ambiguous"  # "hosted a Regional Learning Event": a name, if a gathering is said to happen
            if role == "backref":
                if lex.title_after.match(text, k_end):
                    lower_case.append((k_start, k_end))  # a headline's 'Free Webinar ‘Title’': named by its title
                continue
            right = expand_right(text, k_end, place_starts, lex)
            if right is None:
                continue
            end = right
            start = expand_left(text, k_start, lex)
            if start == k_start and end == k_end:
                lower_case.append((k_start, k_end))  # 'the Forum “Learning Cities of ...”', "The Forum will ..."
                continue  # a lone "Conference" names nothing by itself
        end = _balance_quotes(text, start, end)
        if named and named[-1].kind == "named" and _AND_JOIN.fullmatch(text, named[-1].end, start):
            start = named.pop().start  # "International Fair and Forum of Schools": one event, two words
        if (
            not bracketed
            and (t := lex.title_after.match(text, end))
            and _is_title(t.group("title"))
            and not _part_of(text, start, lex)
        ):
            end = t.end()  # 'the National Conference "Digital Transformation in Open Education ..."': named by both
        name = f"{bracketed.group('acr')} {word}" if bracketed else clean(text[start:end])
        tokens, year, edition = identity(name, lex)
        if ordinal := lex.ordinal_before.search(text, max(0, start - 20), start):
            edition = edition or _edition(ordinal.group(1), lex)
        d = _ACRONYM_DEF.match(text, end)
        if d and not year and (after := _YEAR_AFTER.match(text, d.end())):
            year = int(after.group(1))  # "Open Schools Conference for All (OSCA) 2019"
        elif d and not year and d.group(2) and len(d.group(2)) == 4:
            year = int(d.group(2))  # "Open Schools Conference (OSC 2019)"
        named.append(Mention(start, end, name, "named", role == "ambiguous", tokens, year, edition))
        if d:
            acr = d.group(1)
            if sum(c.isupper() for c in acr) >= 2 and acr not in acronyms:
                acronyms[acr] = tokens
                expansions[acr] = (_series_name(name, lex), role == "ambiguous")
                acronym_defs.append((d.start(), d.end()))
    named = _drop_contained(named)
    taken = sorted([(m.start, m.end) for m in named] + acronym_defs)
    mentions = named + _acronym_mentions(text, taken, acronyms, expansions, lex)
    titled = _titled_mentions(text, lower_case, named, lex)
    mentions += titled
    taken = sorted([(m.start, m.end) for m in mentions] + acronym_defs)
    brands = _brand_mentions(text, taken, places, lex)
    mentions += brands
    taken = sorted([(m.start, m.end) for m in mentions] + acronym_defs)
    mentions += _brand_repeats(text, brands, taken, lex)
    taken = sorted([(m.start, m.end) for m in mentions] + acronym_defs)
    mentions += _bulleted_mentions(text, taken, lex)
    titled_at = {m.start for m in titled}
    described = _described_mentions(text, [k for k in lower_case if k[0] not in titled_at], lex)
    # "a gala inauguration ceremony": one gathering, described once by its longest phrase, not again by the event
    # word that only describes its head ("gala")
    described = [
        d
        for d in described
        if not any(o.start <= d.start and d.end <= o.end and o.end - o.start > d.end - d.start for o in described)
    ]
    for desc in described:
        # "the opening ceremony of the X Conference": a part of a named event, which the sentence is about; "the X
        # Ceremony ..., in a ceremony streamed online": the named event again
        word = _WORD.findall(desc.name)[-1].lower() if _WORD.findall(desc.name) else ""
        if any(desc.start < other.start < desc.end for other in mentions) or (
            not desc.backref
            and desc.name.lower().endswith(word)
            and not desc.edition
            and not desc.year
            and any(other.start < desc.start and word in other.name.lower().split() for other in named)
        ):
            desc.backref = True
    mentions += described
    # "our biggest online Moodle conference: MoodleMoot Global 2020": a name of no edition right before a colon or a
    # dash and another name is that event's, told in general terms
    starts = {m.start for m in mentions}
    mentions = [
        m
        for m in mentions
        if m.year or m.edition or not ((a := _APPOSED.match(text, m.end)) and a.end() in starts and a.end() > m.end)
    ]
    # "X Conference (XC), a forum for education technologies, is scheduled ...": a description set off by a comma
    # right after a name is that event again, not one of its own
    ends = {m.end for m in mentions if m.kind != "described"}
    mentions = [m for m in mentions if m.kind != "described" or not _described_after_name(text, m.start, ends)]
    # "held during the opening week of Finland's EU Presidency": a period of time, no gathering
    # (read in the text: the name may end before the "of", "scheduled for the first week of October")
    mentions = [m for m in mentions if m.kind != "described" or not _PERIOD_OF.match(text, m.start)]
    # "a meeting of the National Assembly": a sitting of a standing body, no gathering of the field
    mentions = [m for m in mentions if m.kind != "described" or not lex.institution.search(m.name)]
    _unnamed_gathering(mentions, lex)
    _spell_out_acronyms(mentions, lex)
    _editions_of(text, mentions, lex)
    return sorted(mentions, key=lambda x: (x.start, -x.end))[:MAX_MENTIONS], [s for s, _ in hits]


_PERIOD_OF = re.compile(
    r"(?:opening|closing|first|last|final|second|third|same|following|previous|coming|next)[ \t]+(?:week|days?)[ \t]+of\b"
)


def _unnamed_gathering(mentions: list[Mention], lex: Lexicon) -> None:
    """A report on one gathering it never names calls it "the consultative meeting on e-learning" from the first line:
    with no event named in the text, the first described one that a gathering's word heads ("meeting", not "event")
    and other words describe is that gathering, not a reference back to nothing."""
    if any(not m.backref for m in mentions):
        return
    first = min(
        (
            m
            for m in mentions
            if m.kind == "described"
            and len(m.name.split()) > 1  # a bare "the meeting" says nothing of which
            and any(lex.roles.get(w.lower()) in ("name", "ambiguous") for w in m.name.split())
        ),
        key=lambda m: m.start,
        default=None,
    )
    if first is not None:
        first.backref = False


# a name (and its acronym in brackets), a comma, "a" or "an" and up to three words before an event word
_APPOSITION_BEFORE = re.compile(r"(?:[ \t]*\([^()\n]{1,20}\))?[ \t]*,[ \t]*an?[ \t]+(?:[\w’'-]+[ \t]+){0,3}")


def _described_after_name(text: str, start: int, name_ends: set[int]) -> bool:
    """Whether the described event at ``start`` stands in apposition to a name ending in ``name_ends``."""
    lo = max(0, start - 80)
    return any(_APPOSITION_BEFORE.fullmatch(text, end, start) is not None for end in name_ends if lo <= end < start)


_APPOSED = re.compile(r"[ \t]*(?::|[–—]|[ \t]-)[ \t]*")  # a colon or a dash between a description and a name
_DEFINED = re.compile(r"(?P<series>.+?)[ \t]*\([ \t]*(?P<acr>[A-Za-z][A-Za-z0-9&+-]{1,11})[ \t]*\)")
_ACRONYM_FIRST = re.compile(r"(?P<acr>[A-Za-z][A-Za-z0-9&+-]{1,11})(?P<rest>[ \t].*)")


def _spell_out_acronyms(mentions: list[Mention], lex: Lexicon) -> None:
    """A brand written with an acronym the text defines in another name ("DSA 2011" after "Digital Schools Africa (DSA)
    2012") is shown with the name spelled out: "Digital Schools Africa (DSA) 2011". Its identity words stay its own."""
    series: dict[str, str] = {}
    for m in mentions:
        if "(" in m.name and (d := _DEFINED.match(m.name)) and sum(c.isupper() for c in d.group("acr")) >= 2:
            series.setdefault(d.group("acr"), _series_name(d.group("series"), lex))
    if not series:
        return
    for m in mentions:
        if m.kind == "brand" and (a := _ACRONYM_FIRST.fullmatch(m.name)) and a.group("acr") in series:
            m.name = f"{series[a.group('acr')]} ({a.group('acr')}){a.group('rest')}"


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


def _edition(word: str, lex: Lexicon) -> int | None:
    low = word.lower()
    if low in lex.ordinals:
        return lex.ordinals[low]
    o = _ORDINAL_TOKEN.fullmatch(low)
    return int(o.group(1)) if o else None


def _institution(text: str, k_end: int, lex: Lexicon) -> bool:
    """The event word ending at ``k_end`` ends a standing body's name ("the State Assembly")."""
    return any(m.end() == k_end for m in lex.institution.finditer(text, max(0, k_end - 30), k_end))


def _briefing(text: str, k_start: int, lex: Lexicon) -> bool:
    """The event word at ``k_start`` is a press briefing's ("a press conference", "the News Conference")."""
    if k_start < 2 or text[k_start - 1] not in " \t":
        return False
    word_start = text.rfind(" ", max(0, k_start - 12), k_start - 1) + 1  # the word before, if short enough
    return text[word_start : k_start - 1].strip().lower() in lex.not_before


def keyword_spans(text: str, lex: Lexicon) -> list[tuple[int, int]]:
    """Where the event words are: whole runs of word characters, not joined to a "-" on either side."""
    low = lower(text)
    limit = 4 * MAX_MENTIONS
    if len(low) != len(text):  # a few characters change length in lower case, and offsets must be the text's
        return [m.span() for _, m in zip(range(limit), lex.keyword.finditer(text), strict=False)]
    spans = [m.span(1) for m in lex.keyword_starts.finditer(low)]
    if len(spans) * len(lex.stems) >= 4 * limit:
        # So many that the search by stem (at most 4 * limit finds, one per stem a word starts with) stopped early:
        # repeat it to keep the same ones.
        return _keyword_spans_by_stem(low, lex, limit)
    return sorted(spans)[:limit]


def _keyword_spans_by_stem(low: str, lex: Lexicon, limit: int) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    for stem in lex.stems:
        i = low.find(stem)
        while i >= 0 and len(spans) < 4 * limit:
            if not i or not (low[i - 1].isalnum() or low[i - 1] in "_-"):
                end = _WORD_RUN.match(low, i).end()  # type: ignore[union-attr]
                if low[i:end] in lex.roles and low[end : end + 1] != "-":
                    spans.append((i, end))
            i = low.find(stem, i + 1)
    return sorted(set(spans))[:limit]


def _drop_contained(mentions: list[Mention]) -> list[Mention]:
    """Keep the longest of overlapping names ("X Conference" inside "X Conference and Exhibition")."""
    kept: list[Mention] = []
    for m in sorted(mentions, key=lambda x: (x.start, -x.end)):
        if kept and m.start < kept[-1].end:
            continue
        kept.append(m)
    return kept


def _inside(taken: list[tuple[int, int]], start: int, end: int) -> bool:
    starts = [s for s, _ in taken]
    i = bisect_left(starts, end)
    return bool(i and taken[i - 1][1] > start)


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


_WORD_OF_BEFORE = re.compile(r"([A-Za-z]+)\s+of\s+(?:the\s+)?\Z")


def _part_of(text: str, start: int, lex: Lexicon) -> bool:
    """The name follows "<event word> of (the)": a part of it ('the parallel conference of the X Conference "Title"'),
    whose title the quotation is."""
    before = _WORD_OF_BEFORE.search(text, max(0, start - 40), start)
    return before is not None and before.group(1).lower() in lex.roles


def _is_title(quoted: str) -> bool:
    """A quoted title, not a quoted remark: at most 15 words, and no sentence's end."""
    title = clean(quoted)
    return bool(title) and len(title.split()) <= 15 and title[-1] not in ".!?,;:"


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


def _titled_mentions(text: str, keywords: list[tuple[int, int]], named: list[Mention], lex: Lexicon) -> list[Mention]:
    """Lower-case events named by a quoted title: 'the parallel conference of the X Conference "Title"'."""
    named_at = {m.start: m for m in named}
    out = []
    for k_start, k_end in keywords:
        pos = k_end
        if (of := _OF_PARENT.match(text, pos)) and of.end() in named_at:
            pos = named_at[of.end()].end
            if d := _ACRONYM_DEF.match(text, pos):
                pos = d.end()
        if _THEME_OF.search(text, max(0, k_start - 40), k_start):
            continue  # 'the main theme of the fest "Title"': the event's theme, not its name
        if t := lex.title_after.match(text, pos):
            start, end = k_start, t.end()
        elif any(q in text[max(0, k_start - 3) : k_start] for q in ('"', "”", "’", "»")) and (
            t := lex.title_before.search(text, max(0, k_start - 210), k_start)
        ):
            start, end = t.start(), k_end
        else:
            continue
        title = clean(t.group("title"))
        if not _is_title(title):
            continue
        tokens, year, edition = identity(title, lex)
        if tokens:
            role = lex.roles.get(text[k_start:k_end].lower(), "backref")
            if (
                role == "backref"
                and _DEFINITE_BEFORE.search(text, max(0, k_start - 6), k_start)
                and (any(m.end <= k_start for m in named) or any(e <= k_start for _, e in keywords))
            ):
                continue  # "The event, 'Learning to Live ...', took place": the event told of before, by its title
            out.append(Mention(start, end, title, "titled", role == "ambiguous", tokens, year, edition))
    return out


_DEFINITE_BEFORE = re.compile(r"\b(?:[Tt]he|[Tt]his)[ \t]+\Z")
_THEME_OF = re.compile(
    r"\b(?:theme|motto|slogan|topic)[ \t]+of[ \t]+(?:the|this|its|this[ \t]+year[’']s)[ \t]+\Z", re.I
)


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
        if nxt and nxt.group(1).lower() not in lex.stop:
            continue  # "Beijing 2022 Winter Olympics": the year is inside a longer name ("EdTech Fair Doha 2022 Opens" is not)
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
        name = clean(text[words[0].start() : y.end()])
        tokens, year, edition = identity(name, lex)
        if tokens:
            out.append(Mention(words[0].start(), y.end(), name, "brand", True, tokens, year, edition))
    return out


# What introduces an event's theme, up to its opening quote: "on the theme “", "themed '", "under the theme, “",
# "the theme of this year is "
_THEME_BEFORE = re.compile(
    r"\bthem(?:e|ed)\b(?:[ \t]+of[ \t]+[\w’' \t]{1,30}?)?(?:[ \t]+(?:is|was|will[ \t]+be))?[ \t]*[:,]?[ \t]*[“\"‘']?\Z",
    re.IGNORECASE,
)
# "• BETT (Jan. 23-26): the companies who ...": a bulleted name and its dates in brackets
_BULLETED = re.compile(
    r"[ \t]*[•\-*–·▪◦][ \t]+(?P<name>[A-Z][\w.’'&-]*(?:[ \t]+[A-Z][\w.’'&-]*){0,5})[ \t]*\((?P<inside>[^()\n]{3,60})\)"
)


def _bulleted_mentions(text: str, taken: list[tuple[int, int]], lex: Lexicon) -> list[Mention]:
    """Entries of a bulleted list of events with their dates ("• The Education Show (Jan. 23-26): ..."): the
    bracket's date makes the name an event's, with or without an event word."""
    if "(" not in text:
        return []
    out: list[Mention] = []
    # Matched at each line's start, found by a scan for the line breaks (a ^ under MULTILINE is tried everywhere)
    for at in itertools.chain((0,), _line_starts(text)):
        b = _BULLETED.match(text, at)
        if b is None:
            continue
        s, e = b.span("name")
        if _inside(taken, s, e) or not find_spans(b.group("inside")):
            continue
        name = clean(text[s:e])
        tokens, year, edition = identity(name, lex)
        if tokens:
            out.append(Mention(s, e, name, "brand", False, tokens, year, edition))
    return out


def _line_starts(text: str) -> Iterator[int]:
    i = text.find("\n")
    while i >= 0:
        yield i + 1
        i = text.find("\n", i + 1)


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


# "held as a virtual conference", "it is a regional forum for teachers": what an event already named is
_AS_BEFORE = re.compile(r"(?<!\w)(?:as|is|was|are|were|be|remains)\s+\Z", re.IGNORECASE)
# "there will be a training workshop": a new event introduced, not what one named before was
_THERE_BEFORE = re.compile(
    r"\bthere\s+(?:(?:will|would|shall|may|might|could|should)\s+)?(?:is|was|are|were|be)\s+\Z", re.I
)


def _described_mentions(text: str, keywords: list[tuple[int, int]], lex: Lexicon) -> list[Mention]:
    """Lower-case event words with a determiner: a new event when what describes it sets it apart ("a webinar to
    exchange knowledge", "the 11th seminar", "the mayors’ meeting to establish ..."), else a reference back."""
    out: list[Mention] = []
    for k_start, k_end in keywords:
        word = text[k_start:k_end].lower()
        if word not in lex.singular:
            continue
        lead: list[re.Match[str]] = []
        det = None
        for t in _tokens_back(text, max(0, k_start - 80), k_start):
            w = t.group()
            low = w.lower()
            if low in _DETERMINERS:
                det = t
                break
            if (
                lead
                and _TIME_POSSESSIVE.fullmatch(w)
                and (this := _THIS_BEFORE.search(text, max(0, t.start() - 8), t.start()))
            ):
                det = this  # "This year’s OEB 2023 conference": "this year’s" determines its name, as "this" would
                break
            if low == "and" and lead and lead[-1].group()[:1].islower():
                lead.append(t)  # "a colorful and inspiring ceremony": two words that describe it
                continue
            if len(lead) >= DESCRIBED_LEAD or not (w[:1].isalnum() or w in "’'-") or low in _NOT_LEAD:
                break  # "a variety of session summaries": "of" is no part of what describes an event
            lead.append(t)
        indefinite = det is not None and det.group().lower() in ("a", "an")
        if det is None:
            # "DUSHANBE, May 7 -- International two-day conference on ... ended in Dushanbe yesterday", "Two-day
            # workshop on e-learning opens": a lede or headline that drops its article opens a gathering of its own
            lead = lead[: next((n for n, t in enumerate(lead) if t.group() in ("-", "–", "—")), len(lead))]
            if lex.roles.get(word) != "name" or not (lead and _opens_line(text, lead[-1].start(), lead)):
                continue  # ("Last week, ...": a word that names a gathering only sometimes never opens one here)
            indefinite = True
        lead.reverse()
        lead_words = [t.group() for t in lead]
        if any(w.lower() in ("latter", "former") for w in lead_words):
            continue  # "the latter event": one of two just told of, which a name alone cannot tell
        edition = next((e for w in lead_words if (e := _edition(w, lex))), None)
        if edition == 1 and _SINCE_AFTER.match(text, k_end):
            edition = None  # "the first face-to-face global Moot since 2019": the first in a while, not the first one
        year = next((int(w) for w in lead_words if YEAR_TOKEN.fullmatch(w)), None)
        end = _described_end(text, k_end, lex)
        while (trailing := _TRAILING_JOINER.search(text, k_end, end)) is not None:
            end = trailing.start()  # "the meeting on [May 7]": no joiner ends a name
        name_start = lead[0].start() if lead else k_start
        name = clean(text[name_start:end])
        complement = text[k_end:end]
        distinct = any(w[:1].isupper() for w in complement.split()) or any(
            w.endswith(("’", "'", "’s", "'s")) and _TIME_POSSESSIVE.fullmatch(w) is None for w in lead_words
        )  # "the mayors’ meeting" is one of its own; "this year’s conference" refers back
        role = lex.roles.get(word, "backref")
        definite = det is not None and det.group().lower() in _DEFINITE
        if role == "backref" and not definite and any(w.lower() in _HELD_AS for w in lead_words):
            role = "name"  # "in an online event on 23 September": a gathering of its own, told by how it is held
        # "the event", "the largest gathering of ...": words that only refer back never open an event of their own;
        # "the most important conference of ..." praises the event the text speaks of
        backref = (
            role == "backref"
            or (definite and ((edition is None and year is None and not distinct) or _superlative(lead_words)))
            # "the Forum was held as a virtual conference": what an event already named was
            or (
                det is not None
                and bool(_AS_BEFORE.search(text, max(0, det.start() - 4), det.start()))
                and not _THERE_BEFORE.search(text, max(0, det.start() - 24), det.start())
            )
        )
        if indefinite or edition or year or distinct or backref:
            tokens, _, _ = identity(name, lex)
            out.append(Mention(name_start, end, name, "described", role == "ambiguous", tokens, year, edition, backref))
    return out


_SINCE_AFTER = re.compile(r"[ \t]+since\b")
LEDE_LEAD = 2  # words at most before the event word of a lede that drops its article ("International two-day")
# What may stand between a line's start and a lede's first word: a dateline and its dash ("DUSHANBE, May 7 --")
_LEDE_AFTER = re.compile(r"(?:[^\n]{0,60}?(?:--|[—–])[ \t]*)?\Z")


def _opens_line(text: str, start: int, lead: list[re.Match[str]]) -> bool:
    """The words before an event word open a line of sentences, perhaps after a dateline: a capital first, no
    possessive ("Last year's conference" refers back)."""
    if len(lead) > LEDE_LEAD or not text[start : start + 1].isupper() or "\n" in text[start : lead[0].start()]:
        return False  # "Technology giants hold education summit": a headline's subject and verb, not its adjectives
    if any(t.group().endswith(("’s", "'s")) for t in lead):
        return False
    line_end = text.find("\n", start)
    if not text[start : line_end if line_end >= 0 else len(text)].rstrip().endswith((".", "!", "?", "”", '"')):
        return False  # a headline ("School technology conference set for next week") names in brief what the body names
    return _LEDE_AFTER.match(text, text.rfind("\n", 0, start) + 1, start) is not None


_HELD_AS = frozenset({"online", "virtual", "hybrid"})  # how a gathering is held, before a word that only refers back
_TRAILING_JOINER = re.compile(r"\s+(?:of|on|for|to|in|at|about|the|a|an|and|by|from|with)\s*\Z", re.IGNORECASE)
_SUPERLATIVES = frozenset({"most", "largest", "biggest", "leading", "premier", "main", "major", "best", "top"})


def _superlative(words: list[str]) -> bool:
    return any(w.lower() in _SUPERLATIVES or (w.lower().endswith("est") and len(w) > 5) for w in words)


def _described_end(text: str, k_end: int, lex: Lexicon) -> int:
    """End of what describes a lower-case event word: "to exchange knowledge between ... Australia", "on AI"."""
    toks = TOKEN.finditer(text, k_end, min(len(text), k_end + 200))
    first = next(toks, None)
    if first is None or first.group().lower() not in _DESCRIBED_COMPLEMENT:
        return k_end
    end = k_end
    for n, t in enumerate(itertools.chain((first,), toks)):
        w = t.group()
        low = w.lower()
        if low == "and" and n and _topic_after(text, t.end()):
            continue  # "a conference on e-learning and distance education": two topics of one event
        if (not w[:1].isalnum() and w not in "’'-") or low in _DESCRIBED_END or n >= MAX_DESCRIBED_WORDS:
            break
        if "\n" in text[end : t.start()]:
            break  # a headline's "... the scientific conference for e-learning" ends with its line
        if w[:1].isdigit() or low in lex.calendar:
            break  # "the meeting on May 5": when it is, not what it is
        if n and low.endswith("ed") and len(low) > 4:
            break  # a verb in the past ("opened its doors", "organized by"): what is said of it, not what it is
        end = t.end()
    return end


_NEXT_LOWER_WORD = re.compile(r"[ \t]+([a-z][\w-]*)")


def _topic_after(text: str, pos: int) -> bool:
    """A lower-case word that may name a topic follows "and": no determiner, no verb, nothing that ends a
    description ("and the minister said", "and visited schools")."""
    m = _NEXT_LOWER_WORD.match(text, pos)
    if m is None:
        return False
    word = m.group(1)
    return word not in _DESCRIBED_END and word not in _DETERMINERS and not (word.endswith("ed") and len(word) > 4)


# Words with a capital ("mEducation", "Asia"): a brand's name after "the 15th edition of"
_CAPPED_RUN = re.compile(r"[a-z]{0,3}[A-Z][\w’'&-]*(?:[ \t]+[a-z]{0,3}[A-Z][\w’'&-]*){0,4}")


def _brand_after(text: str, pos: int, lex: Lexicon) -> Mention | None:
    """A brand named right after "the 15th edition of" ("mEducation Asia"), as a mention of its own."""
    run = _CAPPED_RUN.match(text, pos)
    if run is None:
        return None
    words = run.group().split()
    while words and words[-1].lower() in lex.stop:
        words.pop()
    if not words or words[0].lower() in lex.stop:
        return None
    name = " ".join(words)
    tokens, year, _ = identity(name, lex)
    return Mention(pos, pos + len(name), name, "brand", True, tokens, year) if tokens else None


def _editions_of(text: str, mentions: list[Mention], lex: Lexicon) -> None:
    """ "the 9th edition of X", "the eighteenth version of X": the ordinal is X's edition."""
    by_start = {m.start: m for m in mentions}
    low = lower(text)
    low = low if len(low) == len(text) else ""  # offsets of the lower-cased text must be the text's
    # The words "edition of" are few: each is found by a search for its first word, then read as lex.edition_of.
    places = [w.start() for w in finditer_at_words(lex.edition_scan, low, lex.edition_words, 1)] if low else [0]
    seen: set[int] = set()  # windows overlap: a phrase found from two of them is read once
    for at in places:
        lo = max(0, at - 24) if low else 0
        for m in lex.edition_of.finditer(text, lo, min(len(text), at + 40) if low else len(text)):
            if m.start() in seen:
                continue
            seen.add(m.start())
            target = by_start.get(m.end())
            if target is not None and target.edition is None and not target.backref:
                target.edition = _edition(m.group("ord"), lex)
            elif target is None and (brand := _brand_after(text, m.end(), lex)) is not None:
                # "The 9th Edition of mEducation Asia will be held ...": a brand's edition, without an event word
                brand.edition = _edition(m.group("ord"), lex)
                mentions.append(brand)
            elif target is None:
                # "the 9th edition of the largest gathering of ... professionals": the article's event
                end = min(len(text), m.end() + 60)
                stop = re.search(r"[,.;(]", text[m.end() : end])
                end = m.end() + stop.start() if stop else end
                mentions.append(
                    Mention(m.start(), end, clean(text[m.start() : end]), "described", False, frozenset(), None,
                            _edition(m.group("ord"), lex), True)
                )  # fmt: skip
