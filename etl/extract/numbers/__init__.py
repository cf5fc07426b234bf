"""Find the figures of a text: value, unit, qualifier, bound, category, span."""

from __future__ import annotations

import re

from etl.extract.numbers.common import (
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
from etl.extract.numbers.lexicon import currencies, qualifiers, unit_stops
from etl.extract.numbers.masks import masked
from etl.extract.numbers.patterns import patterns
from etl.extract.numbers.ranges import is_denominator, make_range, range_end
from etl.extract.numbers.units import (
    COUNTED,
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
from etl.model import Metric, Sentence

__all__ = ["extract_metrics", "is_plural", "singular", "unit_category"]


def _in_name(text: str, start: int, end: int, sent: Sentence, num: str = "") -> bool:
    """A number between two words of a Title Case name ("Industry 4.0 Forum", "Beijing 2022 Winter Games")."""
    prev = prev_word(text, start, sent.start)
    if not prev or not is_title(prev) or prev.lower() in unit_stops() or prev.lower() in qualifiers():
        return False
    if not text[start - 1 : start].isspace():
        return False
    if "." in num and "," not in num:
        return True  # a version after a name: "Web 3.0", "Industry 4.0"
    nxt = next_word(text, end, sent.end)
    if nxt and nxt[:1].islower() and unit_category(nxt) in COUNTED and not is_plural(nxt):
        return True  # "ISO 9001 standard", "Room 5 hall": a count would take a plural noun
    return not nxt or (is_title(nxt) and not unit_category(nxt))


def extract_metrics(text: str, sentences: list[Sentence]) -> list[Metric]:
    """Every figure in ``text`` (subject and place are filled later by subjects.attach_context)."""
    if not text or not sentences:
        return []
    try:
        return _extract(text, sentences)
    except (RecursionError, MemoryError):
        return []


def _extract(text: str, sentences: list[Sentence]) -> list[Metric]:
    pats = patterns()
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
    value = digits_value(m.group("num"))
    if value is None or masked(text, start, end) or is_denominator(text, start, value):
        return None
    if m.group("ord"):
        return _rank(text, m, start, end, sent, value)
    scale, pct = m.group("scale"), m.group("pct")
    c = patterns().currency.search(text, max(sent.start, start - 4), start)
    cur = c.group("cur") if c else ""
    if c:
        start = c.start()
    rng = range_end(text, start, end, sent)
    if pct and rng and not rng.pct:
        rng = None  # "1%-5 billion users": a percentage and then another figure
    elif rng and not (scale or pct or cur) and YEAR.fullmatch(m.group("num")) and text[end : rng.start].strip() == "to":
        rng = None  # "from 3 million in 2019 to 5 million users": the year is no lower end
    # "10%-15%": each end writes its own scale, if any; otherwise the lower end's scale is the upper end's too
    shared = None if pct and rng else scale
    if rng and not (scale or pct):
        # A range writes its scale word or percent sign once, after the upper end: "2-3 billion", "10-15%".
        scale, pct = rng.scale, rng.pct
    value *= scale_of(scale)
    qual = qualifier(text, start, sent.start)
    if m.group("plus") and not qual[0]:
        qual = ("+", "at_least")
    plain = not (scale or pct or cur or "," in m.group("num") or "." in m.group("num"))
    if pct:
        unit = "percentage points" if pct.lower().startswith("percentage") else "percent"
        if rng is None:
            return [make(text, start, end, value, unit, "percent", sent, qual)]
        return make_range(text, start, end, value, unit, "percent", sent, qual, rng, shared)
    unit, cat, _ = unit_after(text, rng.end if rng else end, sent)
    if cur:
        unit = unit if cat == "money" else currencies()[cur]
        cat = "money"
    elif plain and YEAR.fullmatch(m.group("num")):
        # a year, unless it plainly counts a plural thing ("2000 students")
        first = unit.split()[0] if unit else ""
        if not (cat and first[:1].islower() and looks_plural(unit.split()[-1])) or (
            unit_category(first) and not looks_plural(first)
        ):
            return None
    if _in_name(text, start, end, sent, m.group("num")):
        return None
    if not unit:
        unit, cat = unit_before(text, start, sent)
    if not unit:
        unit, cat = carried(text, start, prev)
    if not unit:
        return None  # nothing counted: an age, a score, a code, or a total whose unit the sentence does not say
    if cat == "distance" and unit.lower().startswith(("square ", "sq ", "sq. ")):
        cat = "area"
    if rng is None:
        return [make(text, start, end, value, unit, cat, sent, qual)]
    return make_range(text, start, end, value, unit, cat, sent, qual, rng, scale)


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


def _word_metric(
    text: str, m: re.Match[str], start: int, end: int, sent: Sentence, prev: Metric | None
) -> list[Metric] | None:
    phrase, scale, pct = m.group("w"), m.group("scale"), m.group("pct")
    before = text[start - 1] if start > 0 else " "
    if before in "-–" or before.isalnum():
        return None
    if phrase.lower() == "one" and not scale:
        return None  # "one of the", "one-stop": a pronoun or article, not a count
    if is_title(phrase) and start != sent.start and text[start - 1 : start] not in '"“(':
        return None  # "Three Types of ... Map": a number word inside a name
    value = words_value(phrase) * scale_of(scale)
    if masked(text, start, end) or is_denominator(text, start, value):
        return None
    qual = qualifier(text, start, sent.start)
    if pct:
        return [make(text, start, end, value, "percent", "percent", sent, qual)]
    if text[end : end + 1] == "-" and not text[end + 1 : end + 2].isdigit():
        unit, cat, _ = unit_after(text, end, sent)
    else:
        nxt = next_word(text, end, sent.end)
        if nxt and is_title(nxt) and not unit_category(nxt):
            return None
        unit, cat, _ = parse_unit(text, end, sent.end)
    if not unit:
        unit, cat = carried(text, start, prev)
    if not unit:
        return None
    return [make(text, start, end, value, unit, cat, sent, qual)]
