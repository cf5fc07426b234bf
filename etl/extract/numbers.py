"""Find the figures of a text: value, unit, qualifier, bound, category, span."""

from __future__ import annotations

import calendar
import csv
import re
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path
from typing import NamedTuple

from etl.extract.dates import find_dates
from etl.extract.regex import at_word_start, trie
from etl.extract.sentences import sentence_at
from etl.model import Metric, Sentence

LOOKUPS = Path(__file__).resolve().parent.parent / "lookups"
MAX_UNIT_WORDS = 7
_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")
# Units whose word may be glued to the number by a hyphen ("15-minute walk", "3-km trail").
HYPHEN_CATEGORIES = frozenset({"duration", "distance", "area", "weight", "volume"})
# Counted things (as opposed to measures such as "5 km" or "100 yuan", which stay singular).
COUNTED = frozenset({"people", "courses", "institutions", "places", "resources", "events", "engagement", "projects"})


def _rows(name: str) -> list[list[str]]:
    """Rows of a lookup file, without comments, blank lines and the header."""
    lines = [ln for ln in (LOOKUPS / name).read_text(encoding="utf-8").splitlines() if ln.strip()]
    lines = [ln for ln in lines if not ln.lstrip().startswith("#")]
    if name.endswith(".csv"):
        return [[c.strip() for c in row] for row in csv.reader(lines[1:])]
    return [[ln.strip()] for ln in lines]


@cache
def units() -> dict[str, str]:
    """Head word (singular, lower case) -> category."""
    return {w.lower(): c for w, c in _rows("units.csv")}


@cache
def _irregular() -> dict[str, str]:
    """Irregular plural -> the form looked up in units.csv."""
    return {p.lower(): w.lower() for p, w in _rows("numbers_plurals.csv")}


@cache
def _stops() -> frozenset[str]:
    return frozenset(r[0].lower() for r in _rows("numbers_unit_stops.txt"))


@cache
def _modifiers() -> frozenset[str]:
    return frozenset(r[0].lower() for r in _rows("numbers_unit_modifiers.txt"))


@cache
def _words() -> dict[str, tuple[float, str]]:
    return {w.lower(): (float(v), k) for w, v, k in _rows("numbers_words.csv")}


@cache
def _qualifiers() -> dict[str, str]:
    return {p.lower(): b for p, b in _rows("numbers_qualifiers.csv")}


@cache
def _qualifier_heads() -> frozenset[str]:
    """First words of the qualifiers ("more", "nearly"): after "and" they open a new figure."""
    return frozenset(q.split()[0] for q in _qualifiers())


@cache
def _currencies() -> dict[str, str]:
    return {p: u for p, u in _rows("numbers_currency.csv")}


def _longest_first(words: list[str]) -> list[str]:
    """Words in the order to try them, so that "more than" wins over "more"."""
    return sorted(words, key=len, reverse=True)


def _alt(words: list[str]) -> str:
    """Regex alternation, longest first."""
    return "|".join(map(re.escape, _longest_first(words)))


@dataclass(frozen=True)
class _Masks:
    token: re.Pattern[str]
    phone_time: re.Pattern[str]
    label: re.Pattern[str]
    label_after: re.Pattern[str]
    page: re.Pattern[str]
    ref: re.Pattern[str]
    month: re.Pattern[str]


@dataclass(frozen=True)
class _Patterns:
    digits: re.Pattern[str]
    word_start: re.Pattern[str]
    words: re.Pattern[str]
    qualifier: re.Pattern[str]
    currency: re.Pattern[str]
    masks: _Masks
    token: re.Pattern[str]
    rank_cue: re.Pattern[str]
    rank_pair: re.Pattern[str]
    range_tail: re.Pattern[str]
    lead: re.Pattern[str]


@cache
def _patterns() -> _Patterns:
    words = _words()
    unit_w = _alt([w for w, (_, k) in words.items() if k == "unit"])
    teen_w = _alt([w for w, (_, k) in words.items() if k == "teen"])
    tens_w = _alt([w for w, (_, k) in words.items() if k == "tens"])
    scale_w = _alt([w for w, (_, k) in words.items() if k == "scale"])
    below100 = rf"(?:(?:{tens_w})(?:[- ](?:{unit_w}))?|{teen_w}|{unit_w})"
    # The scanning patterns open with a character class so that the regex engine can skip ahead fast.
    digits = re.compile(
        r"(?P<num>[0-9](?:[0-9]{0,2}(?:,[0-9]{3})+|[0-9]*)(?:\.[0-9]+)?)"
        r"(?:(?P<ord>st|nd|rd|th)\b"
        rf"|(?:[ \t]?(?P<scale>(?:{scale_w})\b|[kK]\b))?"
        r"(?:[ \t]?(?P<pct>%|percent\b|per[ \t]?cent\b|percentage[ \t]points?\b|pct\b))?"
        r"(?P<plus>\+)?)"
    )
    starters = [w for w, (_, k) in words.items() if k in ("unit", "teen", "tens")]
    word_start = re.compile(rf"(?:{trie(starters + [w.capitalize() for w in starters])})\b")
    number_words = re.compile(
        rf"(?P<w>{below100}(?:[ \t]+hundred(?:[ \t]+(?:and[ \t]+)?{below100})?)?)"
        rf"(?:[ \t]+(?P<scale>{scale_w}))?\b"
        r"(?:[ \t]?(?P<pct>%|percent\b|per[ \t]?cent\b))?",
        re.IGNORECASE,
    )
    qual = re.compile(rf"(?:^|(?<=[\s(\"“—–-]))(?P<q>{_alt(list(_qualifiers()))})[ \t]+\Z", re.IGNORECASE)
    currency = re.compile(rf"(?<![A-Za-z])(?P<cur>{_alt(list(_currencies()))})[ \t]?\Z")
    furniture = _alt([r[0] for r in _rows("numbers_furniture.txt")])
    masks = _Masks(
        # a whitespace-free token that is a URL, a bare domain or an e-mail address
        token=re.compile(r"://|www\.|@|\.(?:com|org|net|gov|edu|int|cn|uk|io|info)\b", re.IGNORECASE),
        # phone numbers (international prefix, area code in brackets, three or more digit groups) and times of day
        phone_time=re.compile(
            r"\+[0-9]{1,3}[ .-]?(?:\([0-9]{1,4}\)[ .-]?)?[0-9]{2,4}(?:[ .-]?[0-9]{2,4}){1,4}"
            r"|\([0-9]{2,5}\)[ .-]?[0-9]{3,4}(?:[ .-]?[0-9]{3,4}){1,2}"
            r"|(?<![0-9,.])[0-9]{2,5}(?:[.-][0-9]{2,8}){2,4}(?![0-9])|(?<![0-9,.])[0-9]{3,4}-[0-9]{7,8}(?![0-9])"
            r"|(?<![0-9])[0-9]{1,2}(?::[0-9]{2}){1,2}(?:[ \t]?[ap]\.?m\b\.?)?"
            r"|(?<![0-9])[0-9]{1,2}[ \t]?(?:[ap]\.m\.|[ap]m\b)",
            re.IGNORECASE,
        ),
        # "Views:55", "Release Time: 2024-12-03": a label and a colon right before the number
        label=re.compile(rf"\b(?:{furniture})[ \t]*[:：][ \t]*\Z", re.IGNORECASE),
        label_after=re.compile(r"[0-9,.:/-]*[ \t]*(?:\n|\Z|[|·•]|[A-Z][A-Za-z ]{0,20}[:：])"),
        page=re.compile(r"\bpages?[ \t]+[0-9]+(?:[ \t]*(?:of|/)[ \t]*[0-9]+)?", re.IGNORECASE),
        ref=re.compile(r"\b(?:No|Nos|Vol|Art|Sec|Ch|Fig|Ref|p|pp)\.[ \t]*\Z"),
        month=re.compile(at_word_start(calendar.month_abbr) + "|年"),
    )
    token = re.compile(r"[ \t]*(?:(?P<word>[A-Za-z][A-Za-z'’-]*)|(?P<paren>\([^()\n]{1,40}\))|(?P<quote>[\"“”‘’]))")
    rank_cue = re.compile(rf"\b(?:{_alt([r[0] for r in _rows('numbers_rank_cues.txt')])})\b", re.IGNORECASE)
    rank_pair = re.compile(r"[ \t]+to[ \t]+[0-9]+(?:st|nd|rd|th)\b")
    # The upper end of a range, with its own scale word or percent sign if written ("2-3 billion", "10-15%");
    # "and" joins the ends only after "between" ("between 300 and 400 courses"), which _range_end checks.
    range_tail = re.compile(
        r"(?:[ \t]*(?:-|–|to)|[ \t]+(?P<and>and)[ \t])[ \t]*(?P<num>[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+(?:\.[0-9]+)?)(?![0-9])"
        rf"(?:[ \t]?(?P<scale>(?:{scale_w})\b|[kK]\b))?"
        r"(?:[ \t]?(?P<pct>%|percent\b|per[ \t]?cent\b|percentage[ \t]points?\b|pct\b))?"
    )
    verbs = _alt([r[0] for r in _rows("numbers_total_verbs.txt")])
    lead = re.compile(
        r"(?P<np>(?:[A-Za-z][A-Za-z'’-]*[ \t]+){0,3}?[A-Za-z][A-Za-z'’-]*)[ \t]+(?:(?:has|have|had)[ \t]+)?"
        rf"(?:{verbs})(?:[ \t]+(?:from|to|by|at|of))?[ \t]+(?:(?:{_alt(list(_qualifiers()))})[ \t]+)?\Z",
        re.IGNORECASE,
    )
    return _Patterns(
        digits, word_start, number_words, qual, currency, masks, token, rank_cue, rank_pair, range_tail, lead
    )


MASK_WINDOW = 40  # characters searched on each side of a number for a phone number, date, page label...


def _masked(text: str, start: int, end: int) -> bool:
    """Whether the number at ``start:end`` sits in a URL, e-mail, phone number, time, date, list marker or label."""
    mk = _patterns().masks
    lo, hi = max(0, start - MASK_WINDOW), min(len(text), end + MASK_WINDOW)
    # the whitespace-free token around the number
    left = max(text.rfind(" ", max(0, start - 200), start), text.rfind("\n", max(0, start - 200), start)) + 1
    right = end + len(text[end : end + 200].split(None, 1)[0]) if text[end : end + 1].strip() else end
    if mk.token.search(text, left, right):
        return True
    # phone numbers and times have digits, "+", "(" or ":" right next to the number, or "am"/"pm" after it
    near = text[max(0, start - 3) : start] + text[end : end + 3]
    if (
        any(map(str.isdigit, near))
        or "+" in near
        or "(" in near
        or ":" in near
        or text[end : end + 3].lstrip()[:1] in ("a", "p", "A", "P")
    ):
        for m in mk.phone_time.finditer(text, max(0, start - 24), min(len(text), end + 24)):
            if m.start() < end and start < m.end():
                return True
    before = text[lo:start].rstrip(" \t")
    # a label glued to the number ("Views:55") or a label and a number alone at the end of a line
    if (
        before.endswith((":", "："))
        and mk.label.search(text, lo, start)
        and (text[start - 1] in ":：" or mk.label_after.match(text, end))
    ):
        return True
    if before.endswith("."):
        if mk.ref.search(text, lo, start):
            return True
    elif before.endswith("[") and text[end : end + 1] == "]":
        return True
    if "age" in before[-12:].lower() or before.endswith(" of"):
        for m in mk.page.finditer(text, lo, hi):
            if m.start() < end and start < m.end():
                return True
    # a list marker at the start of a line: "1. ", "(2) "
    k = start
    while k > lo and text[k - 1] in " \t(":
        k -= 1
    if (k == 0 or text[k - 1] == "\n") and text[end : end + 1] in (".", ")") and text[end + 1 : end + 2] in (" ", "\t"):
        return True
    window = text[lo:hi]
    if mk.month.search(window) or text[end : end + 1] in "-/." or text[start - 1 : start] in "-/.":
        for d in find_dates(window):
            # "5 Decades" is not "5 Dec": a date must not run into a word
            if d.start + lo < end and start < d.end + lo and not window[d.end : d.end + 1].isalpha():
                return True
    return False


@lru_cache(maxsize=8192)  # a few thousand distinct words per corpus, each asked about many times
def singular(word: str) -> str:
    """A plural noun's singular by the common English rules (countries -> country)."""
    w = word.lower().replace("’", "'")
    if w.endswith("'s"):
        w = w[:-2]
    if w in _irregular():
        return _irregular()[w]
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
    return low in _irregular() or singular(low) != low.replace("’", "'").removesuffix("'s")


@lru_cache(maxsize=8192)
def unit_category(word: str) -> str:
    """Category of a unit's head word, "" if the word is not a known unit."""
    table = units()
    cat = table.get(singular(word), "")
    if not cat and "-" in word:
        cat = table.get(singular(word.rsplit("-", 1)[-1]), "")
    return cat


def _looks_plural(word: str) -> bool:
    w = word.lower()
    return w.endswith("s") and not w.endswith(("ss", "us", "is", "ous")) and len(w) > 3


def _parse_unit(text: str, pos: int, limit: int) -> tuple[str, str, int]:
    """The counted noun phrase from ``pos``: (unit as written, category, end offset); ("", "", pos) if none."""
    pats = _patterns()
    stops, words = _stops(), _words()
    toks: list[tuple[int, int, str, str]] = []  # start, end, word, category
    p = pos
    while len(toks) < MAX_UNIT_WORDS and p < limit:
        m = pats.token.match(text, p, limit)
        if not m:
            break
        if m.group("quote"):
            if toks:
                break  # a closing quote ends the quoted unit ("people's learning stars" like her)
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
            if not nw or nw in stops or nw in words or nw in _qualifier_heads():
                break
            toks.append((m.start("word"), m.end(), low, ""))
            p = m.end()
            continue
        if low in stops or low in words:
            if low not in _modifiers():
                break
            nxt = pats.token.match(text, m.end(), limit)
            nw = (nxt.group("word") or "").lower() if nxt else ""
            if not nw or nw in stops or nw in words or nw in ("and", "or") or unit_category(nw) == "duration":
                break  # "800 attendees online, ...", "450 million last year": the word ends the phrase
            # "12 online courses": an adjective before the noun, part of the phrase
        cat = unit_category(word)
        if not cat and low.endswith("ly") and low not in _modifiers():  # an adverb, unless "daily lessons"
            break
        toks.append((m.start("word"), m.end(), word, cat))
        p = m.end()
    heads = [i for i, t in enumerate(toks) if t[3]]
    if heads:
        last = heads[-1]
        # "university rectors": a singular head followed by a plural noun modifies it
        if last + 1 < len(toks) and singular(toks[last][2]) == toks[last][2].lower():
            nxt = toks[last + 1][2]
            if nxt[:1].islower() and nxt.isalpha() and _looks_plural(nxt) and nxt != "and":
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
        return text[toks[0][0] : toks[last][1]], toks[last][3], toks[last][1]
    for t in toks[:3]:
        w = t[2]
        if w in ("and",) or not w.isalpha() or w.lower().endswith(("ed", "ing")):
            break
        if _looks_plural(w) and w[0].islower():
            return text[toks[0][0] : t[1]], "other", t[1]
    return "", "", pos


def _digits_value(num: str) -> float | None:
    digits = num.replace(",", "")
    if len(digits.replace(".", "")) > 15:
        return None  # an id or a hash, not a count
    try:
        return float(digits)
    except ValueError:
        return None


def _words_value(phrase: str) -> float:
    words = _words()
    total = 0.0
    for part in re.split(r"[\s-]+", phrase.lower()):
        if part == "and" or part not in words:
            continue
        v, kind = words[part]
        total = total * v if kind == "hundred" else total + v
    return total


def _scale(word: str | None) -> float:
    if not word:
        return 1.0
    if word.lower() == "k":
        return 1000.0
    return _words().get(word.lower(), (1.0, ""))[0]


def _is_title(word: str) -> bool:
    return word[:1].isupper()


# The word before a figure, found on the reversed text where the match is anchored (searching for
# "([A-Za-z][A-Za-z'’-]*)[ \t]*\Z" tries every position): its greedy run reaches the word's first letter.
_PREV_WORD_REVERSED = re.compile(r"[ \t]*([A-Za-z'’-]*[A-Za-z])")
_NEXT_WORD = re.compile(r"[ \t]*([A-Za-z][A-Za-z'’-]*)")


def _prev_word(text: str, start: int, lo: int) -> str:
    m = _PREV_WORD_REVERSED.match(text[max(lo, start - 40) : start][::-1])
    return m.group(1)[::-1] if m else ""


def _next_word(text: str, end: int, hi: int) -> str:
    m = _NEXT_WORD.match(text, end, min(hi, end + 40))
    return m.group(1) if m else ""


def _qualifier(text: str, start: int, lo: int) -> tuple[str, str]:
    lo = max(lo, start - 40)
    if not _may_end_with(text, lo, start, _qualifier_phrases()):
        return "", "exact"
    m = _patterns().qualifier.search(text, lo, start)
    if not m:
        return "", "exact"
    q = m.group("q")
    if q.lower() not in _qualifiers():  # IGNORECASE matched a letter lower() keeps ("ſome"): find the phrase
        q = next(p for p in _qualifiers() if re.fullmatch(re.escape(p), q, re.IGNORECASE))
    return q, _qualifiers()[q.lower()]


def _may_end_with(text: str, lo: int, start: int, phrases: tuple[str, ...]) -> bool:
    """Whether ``text[lo:start]`` may end with one of ``phrases`` (lower case, longest first) and blanks.

    One C-level test that rules out most figures before a regex that looks for this tries every position. Only
    ASCII text is ruled out: IGNORECASE also folds letters such as "ſ" that lower() keeps.
    """
    end = start
    while end > lo and text[end - 1] in " \t":
        end -= 1
    if end == start or not phrases:
        return False
    tail = text[max(lo, end - len(phrases[0])) : end]
    return not tail.isascii() or tail.lower().endswith(phrases)


@cache
def _qualifier_phrases() -> tuple[str, ...]:
    return tuple(_longest_first(list(_qualifiers())))


@cache
def _lead_endings() -> tuple[str, ...]:
    """What the text right before a figure ends with when a verb leads to it ("downloads exceeded [more than]")."""
    verbs = [r[0].lower() for r in _rows("numbers_total_verbs.txt")]
    return tuple(_longest_first([*verbs, "from", "to", "by", "at", "of", *_qualifiers()]))


def _in_name(text: str, start: int, end: int, sent: Sentence, num: str = "") -> bool:
    """A number between two words of a Title Case name ("Industry 4.0 Forum", "Beijing 2022 Winter Games")."""
    prev = _prev_word(text, start, sent.start)
    if not prev or not _is_title(prev) or prev.lower() in _stops() or prev.lower() in _qualifiers():
        return False
    if not text[start - 1 : start].isspace():
        return False
    if "." in num and "," not in num:
        return True  # a version after a name: "Web 3.0", "Industry 4.0"
    nxt = _next_word(text, end, sent.end)
    if nxt and nxt[:1].islower() and unit_category(nxt) in COUNTED and not is_plural(nxt):
        return True  # "ISO 9001 standard", "Room 5 hall": a count would take a plural noun
    return not nxt or (_is_title(nxt) and not unit_category(nxt))


def extract_metrics(text: str, sentences: list[Sentence]) -> list[Metric]:
    """Every figure in ``text`` (subject and place are filled later by subjects.attach_context)."""
    if not text or not sentences:
        return []
    try:
        return _extract(text, sentences)
    except (RecursionError, MemoryError):
        return []


def _extract(text: str, sentences: list[Sentence]) -> list[Metric]:
    pats = _patterns()
    out: list[Metric] = []
    taken_end = -1
    cands: list[tuple[int, int, re.Match[str]]] = [(m.start(), 0, m) for m in pats.digits.finditer(text)]
    for w in pats.word_start.finditer(text):
        if w.start() == 0 or not text[w.start() - 1].isalnum():
            m = pats.words.match(text, w.start())
            if m:
                cands.append((w.start(), 1, m))
    cands.sort(key=lambda c: (c[0], c[1]))
    for start, kind, m in cands:
        if start < taken_end:
            continue
        end = m.end()
        while end > start and text[end - 1] in " \t":
            end -= 1
        sent = sentence_at(sentences, start)
        if end <= start or sent is None or sent.end < end:
            continue
        prev = out[-1] if out and out[-1].start >= sent.start else None  # the figure before, in this sentence
        read = _digit_metric if kind == 0 else _word_metric
        metric = read(text, m, start, end, sent, prev)
        if metric is None:
            continue
        out.extend(metric)
        taken_end = metric[-1].end
    return out


def _make(
    text: str, start: int, end: int, value: float, unit: str, cat: str, sent: Sentence, qual: tuple[str, str]
) -> Metric:
    return Metric(
        value=value,
        unit=unit.strip('"“”‘’ '),
        qualifier=qual[0].lower(),
        bound=qual[1],
        category=cat,
        surface=text[start:end],
        start=start,
        end=end,
        sentence=sent.text,
    )


def _digit_metric(
    text: str, m: re.Match[str], start: int, end: int, sent: Sentence, prev: Metric | None
) -> list[Metric] | None:
    num_start = m.start("num")
    before = text[num_start - 1] if num_start > 0 else " "
    before2 = text[num_start - 2] if num_start > 1 else " "
    if before.isalnum() or before in "_@#/\\" or (before in ".,:-–‑" and before2.isalnum()):
        return None  # "COVID-19", "G20", "v.2", "1,2,3": part of a token
    after = text[end : end + 2]
    if after[:1].isalnum() or after[:1] in "_@" or (after[:1] in ".,/:" and after[1:2].isdigit()):
        return None  # "3L", "1e9", "1.2.3", "3/4", "10:30"
    value = _digits_value(m.group("num"))
    if value is None or _masked(text, start, end) or _is_denominator(text, start, value):
        return None
    if m.group("ord"):
        return _rank(text, m, start, end, sent, value)
    scale, pct = m.group("scale"), m.group("pct")
    c = _patterns().currency.search(text, max(sent.start, start - 4), start)
    cur = c.group("cur") if c else ""
    if c:
        start = c.start()
    rng = _range_end(text, start, end, sent)
    if pct and rng and not rng.pct:
        rng = None  # "1%-5 billion users": a percentage and then another figure
    elif (
        rng and not (scale or pct or cur) and _YEAR.fullmatch(m.group("num")) and text[end : rng.start].strip() == "to"
    ):
        rng = None  # "from 3 million in 2019 to 5 million users": the year is no lower end
    # "10%-15%": each end writes its own scale, if any; otherwise the lower end's scale is the upper end's too
    shared = None if pct and rng else scale
    if rng and not (scale or pct):
        # A range writes its scale word or percent sign once, after the upper end: "2-3 billion", "10-15%".
        scale, pct = rng.scale, rng.pct
    value *= _scale(scale)
    qual = _qualifier(text, start, sent.start)
    if m.group("plus") and not qual[0]:
        qual = ("+", "at_least")
    plain = not (scale or pct or cur or "," in m.group("num") or "." in m.group("num"))
    if pct:
        unit = "percentage points" if pct.lower().startswith("percentage") else "percent"
        if rng is None:
            return [_make(text, start, end, value, unit, "percent", sent, qual)]
        return _range(text, start, end, value, unit, "percent", sent, qual, rng, shared)
    unit, cat, _ = _unit_after(text, rng.end if rng else end, sent)
    if cur:
        unit = unit if cat == "money" else _currencies()[cur]
        cat = "money"
    elif plain and _YEAR.fullmatch(m.group("num")):
        # a year, unless it plainly counts a plural thing ("2000 students")
        first = unit.split()[0] if unit else ""
        if not (cat and first[:1].islower() and _looks_plural(unit.split()[-1])) or (
            unit_category(first) and not _looks_plural(first)
        ):
            return None
    if _in_name(text, start, end, sent, m.group("num")):
        return None
    if not unit:
        unit, cat = _unit_before(text, start, sent)
    if not unit:
        unit, cat = _carried(text, start, prev)
    if not unit:
        return None  # nothing counted: an age, a score, a code, or a total whose unit the sentence does not say
    if cat == "distance" and unit.lower().startswith(("square ", "sq ", "sq. ")):
        cat = "area"
    if rng is None:
        return [_make(text, start, end, value, unit, cat, sent, qual)]
    return _range(text, start, end, value, unit, cat, sent, qual, rng, scale)


def _range(
    text: str,
    start: int,
    end: int,
    value: float,
    unit: str,
    cat: str,
    sent: Sentence,
    qual: tuple[str, str],
    rng: _RangeEnd,
    scale: str | None,
) -> list[Metric]:
    """Both ends of a range, "10-15 cities" or "from 1,200 to 1,850": they share the unit and a scale written once."""
    # "10-15" and "between 10 and 15" bound the value on both sides; "from 10 to 15" is a change
    dash = text[end : rng.start].strip() in ("-", "–", "and")
    low_q = qual if qual[0] or not dash else ("", "at_least")
    low = _make(text, start, end, value, unit, cat, sent, low_q)
    high_value = rng.value * _scale(rng.scale or scale)
    high = _make(text, rng.start, rng.end, high_value, unit, cat, sent, ("", "at_most" if dash else "exact"))
    return [low, high]


def _modifier(word: str) -> bool:
    """A lower-case word that may stand before a head noun ("page" in "page views")."""
    low = word.lower()
    return word[:1].islower() and low not in _stops() and low not in _words()


def _unit_before(text: str, start: int, sent: Sentence) -> tuple[str, str]:
    """The counted thing written before a verb that leads to the figure ("downloads exceeded 450 million")."""
    lo = max(sent.start, start - 120)
    m = _patterns().lead.search(text, lo, start) if _may_end_with(text, lo, start, _lead_endings()) else None
    if not m:
        return "", ""
    words = list(_WORD.finditer(m.group("np")))
    if not words or not unit_category(words[-1].group()) or not _modifier(words[-1].group().lower()):
        return "", ""
    first = len(words) - 1
    while first > 0 and _modifier(words[first - 1].group()):
        first -= 1
    base = m.start("np")
    return text[base + words[first].start() : base + words[-1].end()], unit_category(words[-1].group())


# "one in three teenagers", "2 out of 5 teachers": the number before a ratio's "in" or "out of", on reversed text
_RATIO_REVERSED = re.compile(r"[ \t]*(?:ni|fo[ \t]+tuo)[ \t]+([0-9]+|[A-Za-z]+)(?![A-Za-z0-9])")


def _is_denominator(text: str, start: int, value: float) -> bool:
    """The figure is the whole of a ratio, not a number of things ("one in three", "2 out of 5"); "300 in 20
    countries" is no ratio: a part is smaller than its whole."""
    head = text[max(0, start - 24) : start].rstrip(" \t")
    if not head.endswith((" in", " of")):
        return False
    m = _RATIO_REVERSED.match(text[max(0, start - 24) : start][::-1])
    if not m:
        return False
    part = m.group(1)[::-1]
    part_value = _digits_value(part) if part.isdigit() else _words().get(part.lower(), (None, ""))[0]
    return part_value is not None and part_value < value


def _after_between(text: str, start: int, lo: int) -> bool:
    """Whether the word "between" stands right before ``start`` ("between 10", "Between US$5")."""
    head = text[max(lo, start - 40) : start].rstrip(" \t")
    return head[-7:].lower() == "between" and not head[-8:-7].isalpha()


_YEAR = re.compile(r"(?:1[89]|20)[0-9]{2}")
CARRY_GAP = 80  # characters from the figure before, at most, for a figure to share its unit
# A digit that does not open a year: "in 2019" may stand between two figures compared, another count may not.
_NON_YEAR_DIGIT = re.compile(rf"(?<![0-9])(?!{_YEAR.pattern}(?![0-9]))[0-9]")


@cache
def _carry_cues() -> tuple[tuple[str, ...], tuple[tuple[str, str], ...]]:
    """The cues, longest first, and the pairs ("from", "to"): a pair's second cue, before this figure, compares it
    only when the first stands before the figure before."""
    lines = [r[0].lower() for r in _rows("numbers_carry_cues.txt")]
    single = tuple(_longest_first([ln for ln in lines if "…" not in ln]))
    pairs = tuple((a.strip(), b.strip()) for a, b in (ln.split("…") for ln in lines if "…" in ln))
    return single, pairs


def _carried(text: str, start: int, prev: Metric | None) -> tuple[str, str]:
    """The unit of the figure before, for a figure compared with it and written without one ("1,100 courses, up
    from 800", "800 guests, including 400 from overseas")."""
    if prev is None or not 0 <= start - prev.end <= CARRY_GAP:
        return "", ""
    gap = text[prev.end : start]
    if _NON_YEAR_DIGIT.search(gap):
        return "", ""  # another number stands between them
    low = gap.lower().rstrip()
    q = next((q for q in _qualifier_phrases() if _ends_with_word(low, q)), "")
    low = low[: len(low) - len(q)].rstrip()
    single, pairs = _carry_cues()
    if any(_ends_with_word(low, cue) for cue in single):
        return prev.unit, prev.category
    before = ""
    for first, then in pairs:
        if _ends_with_word(low, then):
            before = before or text[max(0, prev.start - 40) : prev.start].lower().rstrip()
            if _ends_with_word(before, first):
                return prev.unit, prev.category
    return "", ""


def _ends_with_word(low: str, phrase: str) -> bool:
    return low.endswith(phrase) and not low[-len(phrase) - 1 : -len(phrase)].isalpha()


class _RangeEnd(NamedTuple):
    start: int
    end: int  # after its scale word or percent sign, if any
    value: float  # as written, before any scale
    scale: str
    pct: str


def _range_end(text: str, start: int, end: int, sent: Sentence) -> _RangeEnd | None:
    """The upper end of a range written right after a number ("10-15", "10 to 15", "2-3 billion", "between 2 and 3")."""
    m = _patterns().range_tail.match(text, end, sent.end)
    if not m or (text[m.end() : m.end() + 1].isalnum() and text[m.end() : m.end() + 2][-1:] not in " "):
        return None
    if m.group("and") and not _after_between(text, start, sent.start):
        return None  # "300 and 400 more": two figures, not a range
    value = _digits_value(m.group("num"))
    if value is None:
        return None
    return _RangeEnd(m.start("num"), m.end(), value, m.group("scale") or "", m.group("pct") or "")


def _unit_after(text: str, end: int, sent: Sentence) -> tuple[str, str, int]:
    """The unit of a figure ending at ``end``: glued by a hyphen ("15-minute walk") or written after it."""
    if text[end : end + 1] == "-":
        word = _next_word(text, end + 1, sent.end)
        head = word.split("-")[0] if word else ""
        cat = unit_category(head) if head and text[end + 1 : end + 2].isalpha() else ""
        if cat in HYPHEN_CATEGORIES and not word.lower().endswith("-old"):  # "a 42-year-old teacher": an age
            return head, cat, end + 1 + len(head)
        return "", "", end
    money = _NAMED_MONEY.match(text, end, sent.end) if text[end : end + 3].strip()[:1].isupper() else None
    if money and unit_category(money.group("word")) == "money":
        return money.group("unit"), "money", money.end()  # "208 million U.S. dollars", "500 Kenya shillings"
    return _parse_unit(text, end, sent.end)


# A money word after one or two capitalised words, which name whose money it is.
_NAMED_MONEY = re.compile(r"[ \t]+(?P<unit>(?:[A-Z][A-Za-z.]*[ \t]+){1,2}?(?P<word>[a-z]+))\b")


def _rank(text: str, m: re.Match[str], start: int, end: int, sent: Sentence, value: float) -> list[Metric] | None:
    pats = _patterns()
    nxt = _next_word(text, end, sent.end)
    if nxt and _is_title(nxt):
        return None  # "the 42nd UNESCO General Conference"
    window = text[max(sent.start, start - 60) : start]
    paired = pats.rank_pair.match(text, end, sent.end) or re.search(r"[0-9](?:st|nd|rd|th)[ \t]+to[ \t]+\Z", window)
    if not (paired or pats.rank_cue.search(window) or pats.rank_cue.match(text, end + 1, min(sent.end, end + 30))):
        return None
    return [_make(text, start, end, value, "rank", "rank", sent, ("", "exact"))]


def _word_metric(
    text: str, m: re.Match[str], start: int, end: int, sent: Sentence, prev: Metric | None
) -> list[Metric] | None:
    phrase, scale, pct = m.group("w"), m.group("scale"), m.group("pct")
    before = text[start - 1] if start > 0 else " "
    if before in "-–" or before.isalnum():
        return None
    if phrase.lower() == "one" and not scale:
        return None  # "one of the", "one-stop": a pronoun or article, not a count
    if _is_title(phrase) and start != sent.start and text[start - 1 : start] not in '"“(':
        return None  # "Three Types of ... Map": a number word inside a name
    value = _words_value(phrase) * _scale(scale)
    if _masked(text, start, end) or _is_denominator(text, start, value):
        return None
    qual = _qualifier(text, start, sent.start)
    if pct:
        return [_make(text, start, end, value, "percent", "percent", sent, qual)]
    if text[end : end + 1] == "-" and not text[end + 1 : end + 2].isdigit():
        unit, cat, _ = _unit_after(text, end, sent)
    else:
        nxt = _next_word(text, end, sent.end)
        if nxt and _is_title(nxt) and not unit_category(nxt):
            return None
        unit, cat, _ = _parse_unit(text, end, sent.end)
    if not unit:
        unit, cat = _carried(text, start, prev)
    if not unit:
        return None
    return [_make(text, start, end, value, unit, cat, sent, qual)]
