"""Find the figures of a text: value, unit, qualifier, bound, category, span."""

from __future__ import annotations

import bisect
import operator
import re
from collections.abc import Sequence
from functools import cache

from etl.extract.numbers.common import (
    DOT_GROUPED,
    YEAR,
    digits_value,
    is_title,
    make,
    next_word,
    prev_word,
    qualifier,
    scale_of,
    words_value,
)
from etl.extract.numbers.lexicon import (
    alt,
    compound_scales,
    irregular,
    name_words,
    number_words,
    qualifiers,
    reporting_verbs,
    scale_mark,
    unit_stops,
)
from etl.extract.numbers.masks import masked
from etl.extract.numbers.money import currency_after, currency_before, rate_after
from etl.extract.numbers.multiples import multiples
from etl.extract.numbers.patterns import patterns
from etl.extract.numbers.ranges import after_between, is_denominator, make_range, range_end
from etl.extract.numbers.ratios import ratios
from etl.extract.numbers.restated import restated
from etl.extract.numbers.shares import DECREASE, INCREASE, change, fraction_words, ranks, shares
from etl.extract.numbers.units import (
    COUNTED,
    LOWER_WORD_AFTER,
    carried,
    is_plural,
    looks_plural,
    parse_unit,
    singular,
    unit_after,
    unit_before,
    unit_category,
)
from etl.extract.sentences import sentence_at
from etl.model import Metric, PlaceMention, Sentence

__all__ = ["extract_metrics", "is_plural", "singular", "unit_category"]

# Categories of units that measure rather than count: their unit may be glued to the number ("10Mbps", "5,200km").
MEASURES = frozenset(
    {"distance", "area", "weight", "volume", "duration", "data", "energy", "speed", "frequency", "temperature"}
)
_GLUED = re.compile(r"[A-Za-z]+")
_DEGREES = re.compile(r"[ \t]?°[ \t]?[CF]\b")
_INCH_MARKS = '"”″'
_INCH = re.compile(r'["”″][ \t]+[a-zA-Z]')  # an inch mark after the number, then what it measures


# A sign written before a figure: "-5 yards", "minus 130 degrees", "FTSE -0.6%", "Dow +0.2%"
_SIGN = re.compile(r"(?:(?<![^\s(])(?P<sym>[-−+])|\b(?P<word>minus)[ \t-]?)\Z", re.IGNORECASE)
# A number right before the sign, unless a name's ("Stoxx 50 -1.3%", "S&P 500 +0.3%"): the sign is a range's dash
_NUMBER_TOKEN_END = re.compile(r"(?<![\w.,&])(?<![A-Za-z&] )[0-9][\w.,]*[ \t]*\Z")
# "5 th International Conference": an ordinal written apart (a PDF's superscript)
_SPACED_ORDINAL = re.compile(r"[ \t](?:st|nd|rd|th)\b")
# "a drop of 77 per cent and 82 per cent": a percentage joined to a change before it
_PERCENT_UNITS = ("percent", "percentage points")
_JOINED_PAIR = re.compile(r"[ \t]*(?:,[ \t]*)?(?:and|or)[ \t]+")
_OF_AFTER = re.compile(r"[ \t]+of\b")  # "fell 3% and 40% of teachers left": a share, no change


def _sign(text: str, at: int, lo: int, percent: bool) -> tuple[str, int]:
    """The sign written right before the number at ``at`` and where it starts, or ("", at). A hyphen that opens its
    line is a bullet, one after a number joins a range ("7th -8th June"); a "+" is a sign only before a percentage,
    where it says a rise ("ASEAN +3" is a name)."""
    s = _SIGN.search(text, max(lo, at - 6), at)
    if s is None:
        return "", at
    if s.group("word"):
        return "-", s.start()
    sym = s.group("sym")
    line = text.rfind("\n", 0, s.start()) + 1
    if (sym == "+" and not percent) or not text[max(lo, line) : s.start()].strip():
        return "", at
    if _NUMBER_TOKEN_END.search(text, max(lo, s.start() - 20), s.start()):
        return "", at
    return ("+" if sym == "+" else "-"), s.start()


def _quoted(text: str, lo: int, at: int) -> bool:
    """A quotation opened before ``at`` in its sentence is still open: a mark after the number closes it
    ("“Mérida de 10” emerged")."""
    before = text[lo:at]
    return before.count("“") > before.count("”") or before.count('"') % 2 == 1


_VAGUE = frozenset({"several", "few", "many", "some", "dozens", "hundreds", "thousands"})
# The school years from kindergarten: "K to 12", "K-12 curriculum", "Pre-K to 12" name a span of grades.
_GRADE_SPAN = re.compile(r"(?<![A-Za-z])(?:Pre-K|K)[ \t]*(?:-|–|to)[ \t]*\Z")


def _in_name(text: str, start: int, end: int, sent: Sentence, num: str = "") -> bool:
    """A number between two words of a Title Case name ("Industry 4.0 Forum", "Beijing 2022 Winter Games")."""
    prev = prev_word(text, start, sent.start)
    if not prev or not is_title(prev) or prev.lower() in unit_stops() or prev.lower() in qualifiers():
        return False
    if prev.endswith(("’s", "'s")):
        return False  # "PW’s 4 crore YouTube subscribers": a possessive ends a name; what follows is its own
    if not text[start - 1 : start].isspace():
        return False
    if "," in num:
        return False  # digits grouped in thousands count something: "Kerala 12,345"
    if "." in num:
        return True  # a version after a name: "Web 3.0", "Industry 4.0"
    nxt = next_word(text, end, sent.end)
    if nxt and nxt[:1].islower() and unit_category(nxt) in COUNTED and not is_plural(nxt):
        return True  # "ISO 9001 standard", "Room 5 hall": a count would take a plural noun
    if nxt and nxt[:1].islower() and not unit_category(nxt):
        unit = parse_unit(text, end, sent.end)[0]
        head = unit.split()[-1] if unit else ""
        if head[:1].islower() and not looks_plural(head):
            return True  # "Windows 10 operating system", "Office 365 software": a version, not a count
    return not nxt or (is_title(nxt) and not unit_category(nxt))


def extract_metrics(text: str, sentences: list[Sentence], places: Sequence[PlaceMention] = ()) -> list[Metric]:
    """Every figure in ``text`` (subject and place are filled later by subjects.attach_context); ``places`` tell
    which countries the text speaks of, which decides what a sign such as "R" or "P" before an amount means."""
    if not text or not sentences:
        return []
    countries = frozenset(p.country_iso3 for p in places if p.country_iso3)
    try:
        return _extract(text, sentences, countries)
    except (RecursionError, MemoryError):
        return []


_START_KIND = operator.itemgetter(0, 1)


def _plural(word: str) -> bool:
    """Whether a counted noun is in the plural, an irregular one too ("people", "children")."""
    return looks_plural(word) or word.lower() in irregular()


_YEAR_ALONE = re.compile(r"[ \t]*(?:[,.;:!?\n\r]|\Z|[A-Z])")


def _extract(text: str, sentences: list[Sentence], countries: frozenset[str]) -> list[Metric]:
    pats = patterns()
    worded = shares(text, sentences, sentence_at) + ranks(text, sentences, sentence_at) + restated(text, sentences)
    worded += multiples(text, sentences, sentence_at) + ratios(text, sentences, sentence_at)
    claimed = sorted((m.start, m.end) for m in worded)  # the numbers inside "1 in 4" are no figures of their own
    claimed_starts = [s for s, _ in claimed]
    out: list[Metric] = []
    taken_end = -1
    cands: list[tuple[int, int, re.Match[str]]] = [(m.start(), 0, m) for m in pats.digits.finditer(text)]
    for w in pats.word_start.finditer(text):
        if m := pats.words.match(text, w.start(1)):
            cands.append((w.start(1), 1, m))
    if "alf a" in text:  # a speed trick: the regex below runs only where its words may be
        cands += [(m.start(), 1, m) for m in _part_of_scale().finditer(text)]
    cands += [(m.start(), 1, m) for m in _one_scales(text)]
    cands.sort(key=_START_KIND)
    for start, kind, m in cands:
        if start < taken_end:
            continue
        k = bisect.bisect_right(claimed_starts, start) - 1
        if k >= 0 and start < claimed[k][1]:
            continue
        if kind == 1 and prev_word(text, start, max(0, start - 20)).lower() in name_words():
            continue  # "class one pupils", "Form Four": a grade's name, not a count
        if kind == 0 and (
            prev_word(text, start, max(0, start - 20)).lower() in name_words()
            or _GRADE_SPAN.search(text, max(0, start - 10), start)
        ):
            # "grade 4 to 6", "Classes 1 to 12", "goal 11": a name or label, and so is the end of its range
            rng = range_end(text, start, m.end(), sentence_at(sentences, start) or Sentence(0, len(text), text))
            taken_end = rng.end if rng else m.end()
            continue
        end = m.end()
        while end > start and text[end - 1] in " \t":
            end -= 1
        sent = sentence_at(sentences, start)
        if end <= start or sent is None or sent.end < end:
            continue
        prev = out[-1] if out and out[-1].start >= sent.start else None  # the figure before, in this sentence
        read = _digit_metric if kind == 0 else _word_metric
        metric = read(text, m, start, end, sent, prev, countries, out[-1] if out else None)
        if metric is None:
            continue
        out.extend(metric)
        taken_end = metric[-1].end
    return sorted(out + worded, key=lambda x: (x.start, x.end)) if worded else out


def _digit_metric(
    text: str,
    m: re.Match[str],
    start: int,
    end: int,
    sent: Sentence,
    prev: Metric | None,
    countries: frozenset[str] = frozenset(),
    last: Metric | None = None,
) -> list[Metric] | None:
    num_start = m.start("num")
    scale, pct = m.group("scale"), m.group("pct")
    c = currency_before(text, num_start, sent.start, countries, bool(scale))
    cur = c.unit if c else ""
    if not cur and text.startswith("/-", m.end()):
        cur = "shillings"  # "450m/-", "90,000/-": East Africa writes shillings after the amount
    cur_end = 0
    # "2.8 billion €", "500 M€", "2,8 bn. €": the sign after the amount, as most of Europe writes it
    if not cur and not pct and (sign_after := currency_after(text, m.end())) is not None:
        cur, cur_end = sign_after
    before = text[num_start - 1] if num_start > 0 else " "
    before2 = text[num_start - 2] if num_start > 1 else " "
    sign, signed_at = _sign(text, num_start, sent.start, bool(pct)) if before in "-−+ \t" and not c else ("", 0)
    if sign:
        before = " "  # "Dow +0.2%", "minus-130 degrees": a sign, not part of a token
    elif pct == "pp":
        return None  # "a 120pp report" (pages) or points: only a change ("+21pp", "-4pp") says percentage points
    if not c and (before.isalnum() or before in "_@#/\\+" or (before in ".,:-–‑" and before2.isalnum())):
        return None  # "COVID-19", "G20", "v.2", "1,2,3", "ASEAN+3": part of a token
    if (
        not (c or cur or scale or pct or m.group("ord") or m.group("plus"))
        and YEAR.fullmatch(m.group("num"))
        and _YEAR_ALONE.match(text, m.end("num"))
    ):
        # A speed trick: a plain year followed by punctuation or a capital is no figure (the year rule below
        # would say so after reading its unit, masks and ranges); tests/etl/test_numbers.py checks they agree.
        return None
    if (
        scale
        and scale[:1].isupper()
        and not c
        and scale_mark(scale) is None
        and not LOWER_WORD_AFTER.match(text, m.end())
    ):
        # "the 3 Million Technical Talent initiative": a capital scale word counts only after a currency, as a Title
        # Case headline writes an amount ("$1.3 Million Worth Of ..."), or before a word in lower case ("1.5 Billion
        # school age students")
        end, scale = m.start("scale"), None
        while end > start and text[end - 1] in " \t":
            end -= 1
    if scale and not cur and text[m.start("scale") - 1] == "-":
        return None  # "the second 300-million support plan": an adjective, unlike "R1.4-billion"
    if scale and not cur and (mark := scale_mark(scale)) and mark[1] == "money" and not _counts_after(text, m, sent):
        end, scale = m.start("scale"), None  # "50m" alone is fifty metres, not fifty million
        while end > start and text[end - 1] in " \t":
            end -= 1
    glued = ""
    if "°" in text[end : end + 2] and (deg := _DEGREES.match(text, end)):
        glued = deg.group()  # "30°C", "86 °F": a temperature
    elif text[end : end + 1] in _INCH_MARKS and _INCH.match(text, end) and not _quoted(text, sent.start, start):
        glued = text[end]  # '75" interactive touchscreen panels': a size in inches (not the close of a quote)
    elif text[end : end + 1].isalpha():  # "10Mbps", "5,200km": a measure's unit glued to the number
        word = _GLUED.match(text, end)
        glued = word.group() if word and unit_category(word.group()) in MEASURES else ""
        if not glued:
            return None  # "3L", "1e9": part of a token
    if _SPACED_ORDINAL.match(text, end):
        return None  # an ordinal written apart, no count
    after = text[end : end + 2]
    if (
        after
        and not glued
        and (after[0].isdigit() or after[0] in "_@" or (after[0] in ".,/:" and after[1:2].isdigit()))
    ):
        return None  # "1.2.3", "3/4", "10:30"
    value = digits_value(m.group("num"))
    if before == "." and not before2.isalnum() and value is not None and m.group("num").isdigit():
        value = float("0." + m.group("num"))  # ".5bn": a decimal written without its zero
        start -= 1
    if scale and m.group("num").count(".") == 1 and "," not in m.group("num"):
        value = float(m.group("num"))  # "1.200 million": a decimal before a scale, not a thousands point
    if value is None or masked(text, start, end) or is_denominator(text, start, value):
        return None
    if m.group("ord"):
        return _rank(text, m, start, end, sent, value)
    if c:
        start = c.start
    rng = range_end(text, start, end, sent, c.written if c else "") if not glued else None
    if pct and rng and not rng.pct:
        rng = None  # "1%-5 billion users": a percentage and then another figure
    elif rng and not (scale or pct or cur) and YEAR.fullmatch(m.group("num")) and text[end : rng.start].strip() == "to":
        rng = None  # "from 3 million in 2019 to 5 million users": the year is no lower end
    elif rng and not (scale or rng.scale) and value > rng.value and text[end : rng.start].strip() in ("-", "–", "—"):
        rng = None  # "in 2022 – 45% of males": a dash between a larger number and a smaller one joins no range
    # "10%-15%": each end writes its own scale, if any; otherwise the lower end's scale is the upper end's too
    shared = None if pct and rng else scale
    if rng and not (scale or pct):
        # A range writes its scale word or percent sign once, after the upper end: "2-3 billion", "10-15%"; not a
        # lower end larger as written than the upper ("from $800,000 to $1.3 million").
        scale, pct = (rng.scale if value <= rng.value else ""), rng.pct
    if (
        not (scale or pct or rng or glued)
        and m.group("num").isdigit()
        and (half := _and_a_half().match(text, end)) is not None
    ):
        value, end, scale = value + 0.5, half.end(), half.group("scale") or ""  # "3 and a half million students"
    value *= scale_of(scale)
    if (
        scale
        and (more := _SCALE_AFTER.match(text, end, sent.end))
        and more.group(1) in compound_scales()
        and scale_of(more.group(1)) > scale_of(scale)
    ):
        value, end = value * scale_of(more.group(1)), more.end()  # "Rs 2.5 lakh crore", "Rs 3 thousand crore"
    if scale and value and not (rng or pct or cur) and (tail := _compound_tail(text, end, scale_of(scale), sent.end)):
        value, end = value + tail[0], tail[1]  # "6 million 90 thousand 383" = 6,090,383
    if not rng and (post := _POST_QUALIFIER.match(text, end, sent.end)):
        end = post.end()  # "5 or more schools", "100 or so teachers", "500-plus teachers"
    qual = _after_qualified(qualifier(text, start, sent.start), post if not rng else None)
    if m.group("plus") and not qual[0]:
        qual = ("+", "at_least")
    direction = change(text, _cue_end(text, start, sent.start, qual[0]), sent.start, end, sent.end, bool(pct))
    if (
        not direction
        and pct
        and prev is not None
        and prev.change
        and prev.unit in _PERCENT_UNITS
        and _JOINED_PAIR.fullmatch(text, prev.end, start)
        and not _OF_AFTER.match(text, end)
    ):
        direction = prev.change  # "a drop of 77 per cent and 82 per cent": the second is the same kind of change
    if sign and not rng:
        # "FTSE -0.6%": a signed percentage is a change; "-5 yards", "minus 130 degrees": a value below zero
        value, start = (-value if sign == "-" else value), signed_at
        direction = direction or ((DECREASE if sign == "-" else INCREASE) if pct else "")
    # "fell from 80.5 in 2012 to 78.2 percent in 2022": the figure takes the unit of the later one
    later = None
    if not (pct or rng or cur or scale) and _FROM_BEFORE.search(text, max(sent.start, start - 12), start):
        later = _LATER_TO.match(text, end, sent.end)
    if later and later.group("pct"):
        pct = later.group("pct")
    plain = not (scale or pct or cur or "," in m.group("num") or "." in m.group("num"))
    if (
        not (pct or rng or cur or scale or glued)
        and value <= 100
        and (pair := _PCT_AFTER_AND.match(text, end))
        and ("." in m.group("num")) == ("." in pair.group("n"))
    ):
        # "12 and 2 per cent respectively": the first of a pair written alike takes the second's sign (not "a
        # score of 10 and 98.08%")
        pct = pair.group("pct")
    if pct:
        unit = "percentage points" if pct.lower().startswith("percentage") or pct == "pp" else "percent"
        if rng is None:
            return [_changed(make(text, start, end, value, unit, "percent", sent, qual), direction)]
        return make_range(text, start, end, value, unit, "percent", sent, qual, rng, shared)
    if glued:
        unit, cat = glued.strip(), ("temperature" if "°" in glued else unit_category(glued))
        if unit in _INCH_MARKS:
            unit, cat = "inch", "distance"
        end += len(glued)
    elif age := _age_unit(text, start, rng.end if rng else end, sent):
        unit, cat = age, "other"
    elif (
        scale
        and not cur
        and (money := _SCALE_MONEY_ADJECTIVE.match(text, end))
        and unit_category(money.group(1)) == "money"
    ):
        unit, cat = money.group(1), "money"  # "the six-year, 1.422 billion-peso plan": an amount as an adjective
        end = money.end()
    elif scale and not (cur or rng) and (of := _SCALE_OF.match(text, end, sent.end)):
        unit, cat, _ = unit_after(text, of.end(), sent)  # "21 millions of Euros", "2 million of people"
    else:
        unit, cat, _ = unit_after(text, rng.end if rng else end, sent)
        size = _SIZE_BETWEEN.match(text, end, sent.end) if not unit and not rng else None
        if size and unit_category(size.group(2)) in MEASURES:
            # "1,200 55-inch LED screens": the figure counts what the measure describes
            unit, cat, _ = unit_after(text, size.end(), sent)
            unit = f"{size.group(1)} {unit}" if unit else ""
    if cur_end and not rng:
        end = cur_end
    if cur:
        rate, _ = rate_after(text, rng.end if rng else end, sent.end)
        unit, cat = f"{cur} {rate}".strip(), "money"
    elif plain and YEAR.fullmatch(m.group("num")):
        # a year, unless it plainly counts a plural thing ("2000 students"): not after "the" or a name ("the 2013
        # elections", "Project Ireland 2040 takes"), and the thing is one that is counted
        first = unit.split()[0] if unit else ""
        word_before = prev_word(text, start, sent.start)
        if (
            not (
                cat and cat != "other" and first[:1].islower() and _plural(unit.split()[-1])  # "2000 people"
            )
            or (unit_category(first) and not _plural(first))
            or word_before.lower() in ("the", "this", "its", "their", "our")
            or unit.lower() in reporting_verbs()  # "Data from 2013 shows that ..."
            or (is_title(word_before) and word_before.lower() not in qualifiers())  # not "Over 2000 people attended"
            or not text[sent.start : start].strip()  # a headline's "2023 educational strategies ... conference"
        ):
            return None
    if not c and _in_name(text, start, end, sent, m.group("num")):  # "Web 3.0"; never "the Bank’s $7.1 million"
        return None
    if not unit and later:
        unit, cat, _ = unit_after(text, later.end(), sent)
    if not unit and (share := _OR_SHARE_OF.match(text, end, sent.end)):
        # "217 thousand, or 99 percent of active education institutions": the count of the whole the share divides
        unit, cat, _ = parse_unit(text, share.end(), sent.end)
        if not (unit and looks_plural(unit.split()[-1])):
            unit, cat = "", ""
    if not unit:
        unit, cat = unit_before(text, start, sent)
    # "bringing the total number of GNLC members to 356": what the number counts, before the figure before's unit
    counted_first = not unit and _NUMBER_OF_TO.search(text, max(sent.start, start - COUNTED_REACH), start) is not None
    if counted_first:
        unit, cat = _counted_before(text, start, sent, last)
    if (
        not unit
        and (named := _TO_THE_NUMBER_OF.match(text, end, sent.end))
        and _TO_BEFORE.search(text, max(sent.start, start - 8), start)
    ):
        unit, cat, _ = parse_unit(text, named.end(), sent.end)  # "bringing to 836 the number of student beneficiaries"
    if not unit:
        unit, cat = carried(text, start, prev, end)
        if cat == "percent" and value > 100:
            unit, cat = "", ""  # "fell by 80 percent from about 250,000": the level before, not a share
    if not unit and not counted_first:
        unit, cat = _counted_before(text, start, sent, last)
    if not unit:
        unit, cat = _colon_item(text, start, end, sent, prev)
    if not unit:
        unit, cat = _bullet_item(text, start, end, last)
    if not unit:
        unit, cat = _of_whom(text, start, end, sent)
    if not unit:
        unit, cat = _of_whole(text, end, sent)
    if (
        not unit
        and prev is not None
        and prev.category in COUNTED
        and _OF_THEM.match(text, end, sent.end)
        and not _FROM_JUST_BEFORE.search(text, max(sent.start, prev.start - 8), prev.start)
    ):
        # "506 teachers in the Federation with 140 of them on Nevis"; not "800 representatives from 130 countries,
        # with 300 of them ...", where they are the representatives
        unit, cat = prev.unit, prev.category
    if not unit:
        unit, cat = _or_next(text, end, sent)
    if not unit:
        unit, cat = _adjective_and_next(text, end, sent)
    if not unit and ("," in m.group("num") or scale):
        unit, cat = _implied(text, start, end, sent, last)
    if not unit or _is_fraction(unit) or unit.split()[0].lower() in _REFERS_BACK:
        # nothing counted: an age, a score, a code, or a total whose unit the sentence does not say; "the 2 million
        # figure shows ...": a figure told before, named by what it is
        return None
    if cat == "distance" and unit.lower().startswith(("square ", "sq ", "sq. ")):
        cat = "area"
    if (
        cat in COUNTED
        and not (scale or pct or cur or glued or rng)
        and DOT_GROUPED.fullmatch(m.group("num"))
        and is_plural(nxt := next_word(text, end, sent.end))
        and unit_category(nxt) in COUNTED
    ):
        value = float(m.group("num").replace(".", ""))  # "3.850 teachers": no one counts 3.85 teachers
    if rng is None:
        return [_changed(make(text, start, end, value, unit, cat, sent, qual), direction)]
    return make_range(text, start, end, value, unit, cat, sent, qual, rng, scale)


# "248 websites: 51 governmental, 15 news, ...": a colon, then items of a count and what sets each apart
_COLON_LIST_BEFORE = re.compile(r":[ \t]*(?:[0-9][0-9,.]*[ \t]+[a-z][^\d,;:.()]{0,40}?,[ \t]*)*\Z")
_NUMBER_BEFORE = re.compile(r"(?<![\w.,])[0-9][0-9,.]*[0-9]|(?<![\w.,])[0-9]")
_ITEM_ADJECTIVE = re.compile(r"[ \t]+([a-z][a-z-]+)[ \t]*(?:,|;|\.|\Z|[ \t]and[ \t])")


def _colon_item(text: str, start: int, end: int, sent: Sentence, prev: Metric | None) -> tuple[str, str]:
    """An item of a list after a colon that only qualifies the noun counted before it ("there were 248 Yemeni
    websites: 51 governmental, ..."): "governmental websites"."""
    if prev is None or prev.start < sent.start:
        return "", ""
    item = _ITEM_ADJECTIVE.match(text, end, sent.end)
    listed = _COLON_LIST_BEFORE.search(text, max(sent.start, start - 300), start) if item else None
    if item is None or listed is None:
        return "", ""
    # what the figure before the colon counts
    whole = max(
        _NUMBER_BEFORE.finditer(text, max(sent.start, listed.start() - 120), listed.start()),
        default=None,
        key=lambda n: n.start(),
    )
    if whole is None:
        return "", ""
    unit, cat, _ = parse_unit(text, whole.end(), listed.start())
    return (f"{item.group(1)} {unit.split()[-1]}", cat) if unit else ("", "")


# "9,000 laptops were handed over to the regions:\n- Lviv - 2412\n- Volynsk - 1283": a bulleted line of a name, a dash
# or a colon, and a bare count that ends the line
_BULLET_ITEM_HEAD = re.compile(r"[ \t]*[-•*–·▪][ \t]+[A-Z][^\n\d]{0,40}?[ \t]*[-–—:][ \t]*")
_LINE_END = re.compile(r"[ \t.;,]*(?:\n|\Z)")


def _bullet_item(text: str, start: int, end: int, prev: Metric | None) -> tuple[str, str]:
    """An item of a bulleted list of names and counts counts what the figure of the line that opens the list (ending
    in a colon) counts, as each item before it did."""
    if prev is None or prev.category not in COUNTED or not _LINE_END.match(text, end):
        return "", ""
    line = text.rfind("\n", 0, start) + 1
    if not _BULLET_ITEM_HEAD.fullmatch(text, line, start):
        return "", ""
    prev_line = text.rfind("\n", 0, prev.start) + 1
    prev_end = text.find("\n", prev.end)
    if prev_end < 0 or text.count("\n", prev_end, line) > 2:
        return "", ""  # the figure before stands on the line before (a blank line aside)
    opens = text[prev.end : prev_end].rstrip().endswith(":")
    if opens or _BULLET_ITEM_HEAD.fullmatch(text, prev_line, prev.start):
        return prev.unit, prev.category
    return "", ""


# "a 1.422 billion-peso plan": the currency after a scale's hyphen, an amount written as an adjective
_SCALE_MONEY_ADJECTIVE = re.compile(r"-([a-z]+)(?![\w-])")
# "21 millions of Euros": "of" between a scale and what it counts, written as some languages write it; not a part of
# a whole ("2 million of the 5 million students", "a million of them"), which has its own rule
_SCALE_OF = re.compile(
    r"[ \t]+of[ \t]+(?=[A-Za-z])(?!(?:the|these|those|its|their|our|all|them|whom|which|a|an|this|that)\b)",
    re.IGNORECASE,
)
# "the number of X to", "the total number of X rose to": the count's own noun is named right before it
# (the word boundary as a look-behind after the first letter: a regex that opens with \b is tried at every character)
_NUMBER_OF_TO = re.compile(r"[nN](?<![\w][nN])umber[ \t]+of[ \t]+[^.;,]{1,60}?[ \t]to[ \t]+\Z")
# ... and the other order, "bringing to 836 the number of student beneficiaries": "to" before, the noun after
_TO_THE_NUMBER_OF = re.compile(r"[ \t]+the[ \t]+(?:total[ \t]+)?number[ \t]+of[ \t]+")
_TO_BEFORE = re.compile(r"(?<![\w])to[ \t]+\Z")

# A measure written as an adjective between a count and what it counts: " 43-inch", " 10.1-inch", " 2-hour"
_SIZE_BETWEEN = re.compile(r"[ \t]+(\d+(?:\.\d+)?-([A-Za-z]+))(?=[ \t])")


@cache
def _part_of_scale() -> re.Pattern[str]:
    """ "half a billion people": a part (numbers_words.csv, kind part) of a scale word; its pct group never takes
    part, the word reader asks for it."""
    words = number_words()
    parts = alt([w for w, (_, k) in words.items() if k == "part"])
    scales = alt([w for w, (_, k) in words.items() if k == "scale"])
    return re.compile(rf"\b(?P<w>{parts})[ \t]+an?[ \t]+(?P<scale>{scales})\b(?P<pct>(?!))?", re.IGNORECASE)


# "12 and 2 per cent", "40 or 45%": the second number of a pair and its percent sign
_PCT_AFTER_AND = re.compile(
    r"[ \t]+(?:and|or|&)[ \t]+(?P<n>[0-9]{1,3}(?:\.[0-9]+)?)[ \t]?(?P<pct>%|percent\b|per[ \t]?cent\b|pct\b)",
    re.IGNORECASE,
)


@cache
def _big_scale_words() -> str:
    """The scale words of numbers_words.csv written out in full and singular ("thousand", "million", "lakh"), as a
    regex alternation: what "a" and "and a half" stand before."""
    return alt([w for w, (_, k) in number_words().items() if k == "scale" and not w.endswith("s") and len(w) > 3])


@cache
def _and_a_half() -> re.Pattern[str]:
    """ "two and a half million", "three and a half years": a half after a number in words, perhaps a scale word."""
    scales = _big_scale_words()
    return re.compile(
        rf"[ \t]+and[ \t]+a[ \t]+half\b(?![ \t]+(?:of|a|an|the)\b)(?:[ \t]+(?P<scale>{scales})\b)?", re.IGNORECASE
    )


@cache
def _one_scale() -> re.Pattern[str]:
    """ "a million students", "over a billion US dollars": "a" is one of a scale word (not a plural, nor an
    adjective's "a billion-dollar market"); its pct group never takes part, the word reader asks for it."""
    scales = _big_scale_words()
    return re.compile(rf"(?<![\w-])(?P<w>[Aa]n?)[ \t](?P<scale>{scales})\b(?!-)(?P<pct>(?!))?")


def _one_scales(text: str) -> list[re.Match[str]]:
    """The matches of _one_scale in ``text``, as its finditer finds them (tests/etl/test_numbers.py checks they
    agree): a speed trick that looks for "a" only before the scale words a fast string search finds."""
    out: list[re.Match[str]] = []
    for needle in ("illion", "housand"):
        i = text.find(needle)
        while i >= 0:
            w0 = i
            while w0 > 0 and text[w0 - 1].isalpha():
                w0 -= 1
            for pos in (w0 - 2, w0 - 3):
                if pos >= 0 and (m := _one_scale().match(text, pos)) is not None and m.start("scale") == w0:
                    out.append(m)
                    break
            i = text.find(needle, i + len(needle))
    return sorted(out, key=lambda m: m.start())


AGE_UNIT = "years of age"
_AGE_BEFORE = re.compile(
    r"\b(?:aged|ages?)[ \t]*(?:\([ \t]*)?(?:between[ \t]+|from[ \t]+)?\Z", re.IGNORECASE
)  # "ge": a quick test first
_YEARS_OLD_AFTER = re.compile(r"[ \t-]+years?[ \t-]+old\b", re.IGNORECASE)


_AGE_PAIR_GAP = re.compile(r"[ \t]*(?:to|and|-|–)[ \t]*")


def _age_pair(text: str, start: int, prev: Metric | None) -> str:
    """ "aged four to six": the upper end of an age range written in words."""
    if prev is not None and prev.unit == AGE_UNIT and _AGE_PAIR_GAP.fullmatch(text, prev.end, start):
        return AGE_UNIT
    return ""


def _age_unit(text: str, start: int, end: int, sent: Sentence) -> str:
    """ "children aged 4 to 6", "(age 11 to 15)", "a 54 year old teacher": the figure is an age."""
    before = text[max(sent.start, start - 16) : start]
    if ("ge" in before and _AGE_BEFORE.search(before)) or (
        "old" in text[end : end + 12] and _YEARS_OLD_AFTER.match(text, end, sent.end)
    ):
        return AGE_UNIT
    return ""


_FROM_BEFORE = re.compile(r"\bfrom[ \t]+\Z", re.IGNORECASE)
_LATER_TO = re.compile(
    r"[ \t]+(?:in|by)[ \t]+(?:19|20)\d\d[ \t]+to[ \t]+[0-9](?:[0-9,]*[0-9])?(?:\.[0-9]+)?"
    r"(?:[ \t]?(?P<pct>%|percent\b|per[ \t]?cent\b))?",
    re.IGNORECASE,
)
_SCALE_AFTER = re.compile(r"[ \t]+([a-z]+)\b")  # a second scale word after the first: "lakh crore"
# a count restated as a share of a whole: ", or 99 percent of", ", or about 85% of all"
_OR_SHARE_OF = re.compile(
    r",?[ \t]+or[ \t]+(?:about[ \t]+|nearly[ \t]+|almost[ \t]+|some[ \t]+|over[ \t]+)?[0-9][0-9.,]*[ \t]?"
    r"(?:%|percent\b|per[ \t]?cent\b)[ \t]+of[ \t]+(?:(?:the|all|its|their)[ \t]+)?",
    re.IGNORECASE,
)
_REFERS_BACK = frozenset({"figure", "figures", "number", "mark", "milestone"})
COUNTED_REACH = 300
_NUMBER_OF = re.compile(
    r"\b(?:numbers?|quantity|quantities)[ \t]+of[ \t]+(?:(?:the|such|these|those)[ \t]+)?", re.IGNORECASE
)
_OF_THESE = re.compile(r"[\"“‘]?(?:Of|Among)[ \t]+(?:these|them|those|which)\b")


_TAIL_PART = re.compile(r"[ \t]+(\d{1,3})(?:[ \t]+(thousand|million|hundred))?(?![\d.,]\d|[\w-])")


def _compound_tail(text: str, end: int, scale: float, hi: int) -> tuple[float, int] | None:
    """The smaller parts written after a scaled number ("6 million 90 thousand 383", "900 thousand 188"): their
    sum and where they end. Each part is below the scale before it; a bare number only follows "thousand" or
    "hundred"."""
    total, pos = 0.0, end
    while (part := _TAIL_PART.match(text, pos, hi)) is not None:
        word = part.group(2)
        step = scale_of(word) if word else 1.0
        if step >= scale or float(part.group(1)) * step >= scale or (not word and scale not in (1000.0, 100.0)):
            break
        total, pos, scale = total + float(part.group(1)) * step, part.end(), step
        if not word:
            break
    return (total, pos) if pos > end else None


_OF_WHOM_AFTER = re.compile(r"[ \t]+of[ \t]+(?:whom|which|them)\b")
_FROM_JUST_BEFORE = re.compile(r"\bfrom[ \t]+(?:over[ \t]+|more[ \t]+than[ \t]+|some[ \t]+)?\Z", re.IGNORECASE)
_OF_THEM = re.compile(r"[ \t]+of[ \t]+(?:them|these|those)\b(?![ \t]+[a-z]+s\b)")  # not "of these schools"
_NOUN_COMMA_BEFORE = re.compile(r"([a-z]+)[ \t]*,[ \t]*\Z")


def _of_whom(text: str, start: int, end: int, sent: Sentence) -> tuple[str, str]:
    """ "nurses, 3,000 of whom will get a tablet": the figure counts the plural noun before the comma."""
    if not _OF_WHOM_AFTER.match(text, end, sent.end):
        return "", ""
    noun = _NOUN_COMMA_BEFORE.search(text, max(sent.start, start - 40), start)
    if noun is None or not looks_plural(noun.group(1)):
        return "", ""
    return noun.group(1), unit_category(noun.group(1)) or "other"


# "18 of the 66 schools", "200 of them were delegates", "125,000 of the country's 430,000 teachers", "200 of Kenya's
# 25,000 schools": a part of a whole, counted in the whole's unit (a possessive names whose whole it is)
_OF_WHOLE_AFTER = re.compile(
    r"[ \t]+of[ \t]+(?:(?:(?:the|these|those|its|their|our|all)[ \t]+(?:[\w-]+[’'´]s[ \t]+)?|[A-Z][\w-]*[’'´]s[ \t]+)"
    r"(?:[0-9][0-9,]*[ \t]+)?"
    r"|(?:them|these|those)[ \t]+(?:were|are|was|is)[ \t]+)"
)


# "20 or 30 pupils", "eight or nine euros": the other number, then the unit both share
_OR_NEXT = re.compile(r"[ \t]+(?:or|to)[ \t]+(?:[0-9][0-9,.]*|[A-Za-z]+(?:-[A-Za-z]+)?)(?=[ \t])")


def _or_next(text: str, end: int, sent: Sentence) -> tuple[str, str]:
    """The unit of the number after "or" or "to" ("eight or nine euros", "five to eight megabits"), which the two
    figures share."""
    if not (nxt := _OR_NEXT.match(text, end, sent.end)):
        return "", ""
    word = nxt.group().split()[-1].lower()
    if not (word[:1].isdigit() or all(p in number_words() for p in word.split("-"))):
        return "", ""
    unit, cat, _ = parse_unit(text, nxt.end(), sent.end)
    return (unit, cat) if unit else ("", "")


# "two to three million students", "four thousand to five thousand people": the upper end of a range in words, with
# its scale word
_TO_SCALED = re.compile(
    r"[ \t]+(?:to|or|and)[ \t]+(?P<n>[0-9][0-9,.]*|[A-Za-z]+(?:-[A-Za-z]+)?)[ \t]+(?P<scale>[A-Za-z]+)(?=[ \t])"
)


def _upper_scaled(
    text: str, start: int, end: int, sent: Sentence, value: float, scale: str | None
) -> tuple[float, str, str] | None:
    """The value of a lower end written in words, the unit both ends count, when the upper end writes a scale word
    ("two to three million students": 2,000,000 students); None when no such end follows."""
    nxt = _TO_SCALED.match(text, end, sent.end)
    if nxt is None or nxt.group("scale").lower() not in _WORD_SCALES:
        return None
    if text[nxt.start() : nxt.end()].split()[0].lower() == "and" and not after_between(text, start, sent.start):
        return None  # "two and three million": two figures, unless "between" opens them
    word = nxt.group("n").lower()
    upper = digits_value(word) if word[:1].isdigit() else words_value(word) if word in number_words() else None
    step = scale_of(nxt.group("scale"))
    lower = value if scale else value * step  # "four thousand to five thousand": the lower end has its own
    if upper is None or lower > upper * step:
        return None
    unit, cat, _ = parse_unit(text, nxt.end(), sent.end)
    if not unit:
        unit, cat = _of_whole(text, nxt.end(), sent)  # "six to seven thousand of those computers"
    return (lower, unit, cat) if unit else None


_WORD_SCALES = frozenset({"hundred", "thousand", "million", "billion", "trillion", "lakh", "lakhs", "crore", "crores"})


# a qualifier written after the number: "5 or more", "100 or so", "500-plus"
_POST_QUALIFIER = re.compile(r"[ \t]+(or[ \t]+(?:more|fewer|less|so))\b|-(plus)\b", re.IGNORECASE)
_POST_BOUND = {"more": "at_least", "fewer": "at_most", "less": "at_most", "so": "approx", "plus": "at_least"}


def _after_qualified(qual: tuple[str, str], post: re.Match[str] | None) -> tuple[str, str]:
    """The qualifier before the number, else the one written after it."""
    if qual[0] or post is None:
        return qual
    phrase = " ".join((post.group(1) or post.group(2)).lower().split())
    return phrase, _POST_BOUND[phrase.split()[-1]]


# "100 international and 100 Chinese experts": an adjective, then "and" and the next figure with the noun
_ADJECTIVE_AND_NEXT = re.compile(r"[ \t]+([a-z][a-z-]+)[ \t]+and[ \t]+[0-9][0-9,.]*(?=[ \t])")


def _adjective_and_next(text: str, end: int, sent: Sentence) -> tuple[str, str]:
    """The noun of the next figure, after the adjective of this one: "international experts"."""
    if not (nxt := _ADJECTIVE_AND_NEXT.match(text, end, sent.end)) or unit_category(nxt.group(1)):
        return "", ""
    unit, cat, _ = parse_unit(text, nxt.end(), sent.end)
    if not unit or not cat or not is_plural(head := unit.split()[-1]):
        return "", ""
    return f"{nxt.group(1)} {head}", cat


def _of_whole(text: str, end: int, sent: Sentence) -> tuple[str, str]:
    """The unit of the whole a bare figure is a part of: a plural noun of a known kind."""
    if not (of := _OF_WHOLE_AFTER.match(text, end, sent.end)):
        return "", ""
    unit, cat, _ = unit_after(text, of.end(), sent)
    if not unit or not cat or cat == "other" or not looks_plural(unit.split()[-1]):
        return "", ""
    return unit, cat


IMPLIED_REACH = 400  # characters back to the figure whose unit a bare figure may take
_AUXILIARY_AFTER = re.compile(r"[ \t]+(?:have|has|had|were|was|are|is|will|would|could|can|should)\b")
_TRANSFER_BEFORE = re.compile(
    r"\b(?:distribut|deliver|provid|suppl|procur|purchas|buy|bought|receiv|donat|install)\w*[ \t]+\Z", re.IGNORECASE
)


def _implied(text: str, start: int, end: int, sent: Sentence, last: Metric | None) -> tuple[str, str]:
    """A count written without a unit that the text has just given ("... delivered the 9,000 tablets ...
    'Approximately 4,000 have been delivered'", "12 laptops each ... The goal is to distribute 5,000"): the unit
    of the figure before, when the bare figure is a verb's subject or what is handed out."""
    if last is None or last.category not in COUNTED or not 0 <= start - last.end <= IMPLIED_REACH:
        return "", ""
    if _AUXILIARY_AFTER.match(text, end, sent.end) or _TRANSFER_BEFORE.search(text, max(sent.start, start - 24), start):
        return last.unit, last.category
    return "", ""


def _counts_after(text: str, m: re.Match[str], sent: Sentence) -> bool:
    """ "1m computers": a plural noun of counted things after "m" makes it a million, not metres ("a 50m pool")."""
    nxt = next_word(text, m.end("scale"), sent.end)
    if nxt and is_plural(nxt) and unit_category(nxt) in COUNTED:
        return True
    # "2.7m combined digital sales", "1.2m tons", "35m of its devices": the noun phrase after it ends in a plural
    after = of.end() if (of := _OF_WHOLE_AFTER.match(text, m.end("scale"), sent.end)) else m.end("scale")
    unit, cat, _ = parse_unit(text, after, sent.end)
    head = unit.split()[-1] if unit else ""
    return bool(head) and is_plural(head) and cat not in ("distance", "")


def _is_fraction(unit: str) -> bool:
    """The unit is a fraction word ("two thirds"): a share, which shares() reads where its whole is named."""
    return unit.split()[0].lower() in fraction_words()


def _counted_before(text: str, start: int, sent: Sentence, last: Metric | None) -> tuple[str, str]:
    """What a bare figure counts when its sentence said it before: "the number of approved smart classrooms ... a
    total of 34,533", "numbers of X include Madhya Pradesh with 12,573"; or the figure before it counted: "22,258
    schools have power. Of these, 3,239 have ...".
    """
    # the last "number of" in the sentence, at most COUNTED_REACH before the figure: a search from the sentence's
    # start for every figure would be quadratic in a long sentence
    lo = max(sent.start, start - COUNTED_REACH)
    found = max(_NUMBER_OF.finditer(text, lo, start), key=lambda m: m.start(), default=None)
    if found is not None:
        unit, cat, _ = parse_unit(text, found.end(), start)
        if unit and is_plural(unit.split()[-1]):
            return unit, cat
    if last is not None and _OF_THESE.match(text, sent.start, start):
        return last.unit, last.category
    return "", ""


def _cue_end(text: str, start: int, lo: int, qual: str) -> int:
    """Where the words before a figure end once its qualifier is set aside ("fell by [more than] 12%")."""
    if not qual:
        return start
    a = max(lo, start - 40)
    # the window only (lower-casing the text per figure is quadratic), found case-insensitively in the text itself:
    # a lower-cased window may be longer than the text ("İ")
    last = max(re.finditer(re.escape(qual), text[a:start], re.IGNORECASE), key=lambda m: m.start(), default=None)
    return a + last.start() if last is not None else start


def _changed(metric: Metric, direction: str) -> Metric:
    """A figure that states a change: a decrease is negative ("down one percentage point" is -1)."""
    if not direction:
        return metric
    value = -abs(metric.value) if direction == DECREASE else metric.value
    return metric._replace(value=value, change=direction)


def _rank(text: str, m: re.Match[str], start: int, end: int, sent: Sentence, value: float) -> list[Metric] | None:
    pats = patterns()
    nxt = next_word(text, end, sent.end)
    if nxt and is_title(nxt):
        return None  # "the 42nd UNESCO General Conference"
    window = text[max(sent.start, start - 60) : start]
    paired = pats.rank_pair.match(text, end, sent.end) or re.search(r"[0-9](?:st|nd|rd|th)[ \t]+to[ \t]+\Z", window)
    if not (paired or pats.rank_cue.search(window) or pats.rank_cue.match(text, end + 1, min(sent.end, end + 30))):
        return None
    return [make(text, start, end, value, "rank", "rank", sent, ("", "exact"))]


# "one point two": a whole number in words, then "point", before the word of the digit after the decimal point
_POINT_BEFORE = re.compile(r"(?<![\w-])(?P<whole>[A-Za-z]+(?:[ \t-]+[A-Za-z]+){0,2})[ \t]+point[ \t]+\Z")
# "two point five": the whole part, which is read with its digit
_POINT_AFTER = re.compile(r"[ \t]+point[ \t]+(?P<d>[A-Za-z]+)")
_WHOLE_KINDS = ("unit", "teen", "tens", "hundred")


def _spelled_decimal(text: str, start: int, lo: int, phrase: str) -> tuple[int, float] | None:
    """Where "about one point two billion Rands" starts and its value before the scale (1.2), when the number word at
    ``start`` is the digit after a spelled-out decimal point; None otherwise."""
    if text[max(lo, start - 7) : start].rstrip()[-5:].lower() != "point":
        return None  # a quick test first
    m = _POINT_BEFORE.search(text, max(lo, start - 40), start)
    words = number_words()
    digit = words.get(phrase.lower())
    if m is None or digit is None or digit[1] != "unit":
        return None
    # the number words right before "point" ("about thirty-one point five": "thirty-one")
    tokens = list(re.finditer(r"[A-Za-z]+", m.group("whole")))
    first = len(tokens)
    while first > 0 and words.get(tokens[first - 1].group().lower(), (0, ""))[1] in _WHOLE_KINDS:
        first -= 1
    if first == len(tokens):
        return None
    whole = " ".join(t.group() for t in tokens[first:])
    return m.start("whole") + tokens[first].start(), words_value(whole) + digit[0] / 10


def _word_metric(
    text: str,
    m: re.Match[str],
    start: int,
    end: int,
    sent: Sentence,
    prev: Metric | None,
    countries: frozenset[str] = frozenset(),
    last: Metric | None = None,
) -> list[Metric] | None:
    phrase, scale, pct = m.group("w"), m.group("scale"), m.group("pct")
    before = text[start - 1] if start > 0 else " "
    if before in "-–" or before.isalnum():
        return None
    if not (scale or pct) and (after := _POINT_AFTER.match(text, end)) and after.group("d").lower() in number_words():
        return None  # "two point five million": the whole part of a decimal in words, read with its digit
    if phrase.lower() == "one" and not (scale or pct) and not (before == "(" and text[end : end + 1] == ")"):
        return None  # "one of the", "one-stop": a pronoun or article, not a count; "Lyon (one)" is one
    if (
        is_title(phrase)
        and start != sent.start
        and text[start - 1 : start] not in '"“('
        and text[max(0, start - 2) : start] not in ("– ", "— ", "- ", ": ")  # "TEHRAN – Three more cities"
    ):
        return None  # "Three Types of ... Map": a number word inside a name
    value = words_value(f"{phrase} {scale}" if scale else phrase)  # "two million five hundred thousand"
    if (point := _spelled_decimal(text, start, sent.start, phrase)) is not None:
        start, value = point[0], point[1] * (words_value(scale) if scale else 1.0)  # "one point two billion"
    if not (scale or pct) and (half := _and_a_half().match(text, end)) is not None:
        # "two and a half million US dollar", "three and a half years"
        value, end, scale = (value + 0.5) * scale_of(half.group("scale")), half.end(), half.group("scale")
    if masked(text, start, end) or is_denominator(text, start, value):
        return None
    if post := _POST_QUALIFIER.match(text, end, sent.end):
        end = post.end()
    qual = _after_qualified(qualifier(text, start, sent.start), post)
    direction = change(text, _cue_end(text, start, sent.start, qual[0]), sent.start, end, sent.end, bool(pct))
    if pct:
        unit = "percentage points" if pct.lower().startswith("percentage") else "percent"
        return [_changed(make(text, start, end, value, unit, "percent", sent, qual), direction)]
    if phrase.lower() in ("dozen", "hundred", "thousand") and prev_word(text, start, sent.start).lower() in _VAGUE:
        return None  # "several dozen countries": no number
    if age := _age_unit(text, start, end, sent) or _age_pair(text, start, prev):
        unit, cat = age, "other"
    elif text[end : end + 1] == "-" and not text[end + 1 : end + 2].isdigit():
        unit, cat, _ = unit_after(text, end, sent)
    else:
        nxt = next_word(text, end, sent.end)
        if nxt and is_title(nxt) and not unit_category(nxt):
            named = parse_unit(text, end, sent.end)[0]
            last_word = named.split()[-1] if named else ""
            if not (last_word[:1].islower() and unit_category(last_word)):
                return None  # "Three Types of ...": a name; "eight Latin American countries" counts countries
        unit, cat, _ = parse_unit(text, end, sent.end)
    if not unit:
        unit, cat = carried(text, start, prev, end)
    if not unit:
        # "seven thousand of those computers", as "7,000 of those ..."; not a name ("three of the United Nations
        # Sustainable Development Goals")
        unit, cat = whole if (whole := _of_whole(text, end, sent))[0][:1].islower() else ("", "")
    if not unit:
        unit, cat = _or_next(text, end, sent)
    if not unit and (upper := _upper_scaled(text, start, end, sent, value, scale)) is not None:
        value, unit, cat = upper  # "two to three million students": the upper end's scale and noun are both ends'
    if not unit or (value == 0 and not is_plural(unit.split()[-1])) or _is_fraction(unit):
        return None  # "zero tolerance" counts nothing; "two thirds (71 per cent) said" is a share without its whole
    return [_changed(make(text, start, end, value, unit, cat, sent, qual), direction)]
