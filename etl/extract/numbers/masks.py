"""What a number is not: a URL, e-mail, phone number, time, date, list marker, page or label."""

from __future__ import annotations

import re

from etl.extract.dates import find_spans
from etl.extract.numbers.patterns import patterns

TOKEN_REACH = 200
_NON_BLANK = re.compile(rf"\S{{0,{TOKEN_REACH}}}")  # the rest of the token, as far as TOKEN_REACH characters
# A numbered section's heading alone on its line: "2.0 Recommendations", "3.1 Key Issues" (a Title Case phrase).
_HEADING = re.compile(
    r"[ \t]+[A-Z][\w’'-]*(?:[ \t]+(?:[A-Z][\w’'-]*|of|and|the|for|to|in|on|&)){0,7}[ \t]*(?:\r?\n|\Z)"
)
# Grade levels, not counts: "from 1 to 12 grades", "grades 1-12" is a name word's (numbers_name_words.txt).
_GRADES_AFTER = re.compile(r"[ \t]*(?:-|–|to)[ \t]*(?:[0-9]|1[0-3])[ \t]+grades\b", re.IGNORECASE)
_GRADES_END = (re.compile(r"(?<![0-9])(?:[0-9]|1[0-3])[ \t]*(?:-|–|to)[ \t]*\Z"), re.compile(r"[ \t]+grades\b", re.I))
_TIME_RANGE = re.compile(r"[ \t]*[-–][ \t]*\d{1,2}(?:[:.]\d\d)?[ \t]*(?:[ap]m|[ap]\.m\.)(?![A-Za-z])", re.IGNORECASE)
# A page's rates or weather box, a line of its own: "USD 87.45" among other such lines, "21°C / 19°C"
_RATE_LINE = re.compile(r"[ \t]*[A-Z]{3}[ \t]+\d[\d.,]*[ \t]*(?:\n|\Z)")
_TEMPERATURE = r"-?\d+(?:[.,]\d+)?[ \t]*°[ \t]?[CF]"
_WEATHER_LINE = re.compile(rf"[ \t]*{_TEMPERATURE}(?:[ \t]*/[ \t]*{_TEMPERATURE})*[ \t]*(?:\n|\Z)")
MASK_WINDOW = 40  # characters searched on each side of a number for a phone number, date, page label...


def _token_start(text: str, start: int) -> int:
    """Where the whitespace-free token that ends at ``start`` begins, at most TOKEN_REACH characters back."""
    lo = max(0, start - TOKEN_REACH)
    i = start
    while i > lo and not text[i - 1].isspace():
        i -= 1
    return i


def masked(text: str, start: int, end: int) -> bool:
    """Whether the number at ``start:end`` sits in a URL, e-mail, phone number, time, date, list marker or label."""
    mk = patterns().masks
    lo, hi = max(0, start - MASK_WINDOW), min(len(text), end + MASK_WINDOW)
    # the whitespace-free token around the number, as far as TOKEN_REACH characters on each side (unbounded, a
    # text of numbers joined by ";" or tabs made every number search the whole text before it: quadratic)
    left = _token_start(text, start)
    tail = _NON_BLANK.match(text, end)  # \S{0,N} matches everywhere, if only the empty string
    right = tail.end() if tail else end
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
    line_start = k == 0 or text[k - 1] == "\n"
    if line_start and text[end : end + 1] in (".", ")") and text[end + 1 : end + 2] in (" ", "\t"):
        return True
    if line_start and mk.label_line.match(text, end, hi):
        return True  # "2 Comments", "15 Shares": a counter of the page alone on its line
    if line_start and "." in text[start:end] and _HEADING.match(text, end, min(len(text), end + 120)):
        return True  # "2.0 Recommendations": a numbered section's heading
    if (
        end - start <= 2
        and text[start:end].isdigit()
        and int(text[start:end]) <= 13
        and (
            _GRADES_AFTER.match(text, end, hi)
            or (_GRADES_END[1].match(text, end, hi) and _GRADES_END[0].search(text, lo, start))
        )
    ):
        return True  # "from 1 to 12 grades": school years, not a count
    if _widget_line(text, start, end):
        return True  # "USD 87.45" in a box of exchange rates, "21°C / 19°C" in a weather box
    if _TIME_RANGE.match(text, end, hi):
        return True  # "3-4 pm AEST": the first hour of a span of time
    if mk.furniture_after.match(text, end, hi):
        return True  # "2 mins read", "Start your 15 day free trial"
    if mk.ago.match(text, end, hi) and mk.published_ago.search(text, lo, start):
        return True  # "This was published 3 years ago"
    window = text[lo:hi]
    if mk.month.search(window) or text[end : end + 1] in "-/.–" or text[start - 1 : start] in "-/.–":
        # a date or a span of days ("1-3 October 2019"): "5 Decades" is not "5 Dec", a date must not run into a word
        for d in find_spans(window):
            if d.start + lo < end and start < d.end + lo and not window[d.end : d.end + 1].isalpha():
                return True
    return False


def _widget_line(text: str, start: int, end: int) -> bool:
    """The number stands in a line of exchange rates (with another such line beside it) or of temperatures alone."""
    line = text.rfind("\n", 0, start) + 1
    if "°" in text[end : end + 3]:
        return _WEATHER_LINE.match(text, line) is not None
    if not (start - line <= 6 and text[start - 4 : start - 1].isupper() and _RATE_LINE.match(text, line)):
        return False
    before = text.rfind("\n", 0, max(0, line - 1)) + 1
    after = text.find("\n", start)
    return bool(
        (line and _RATE_LINE.match(text, before) and before < line)
        or (after >= 0 and _RATE_LINE.match(text, after + 1))
    )
