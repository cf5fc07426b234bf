"""Find calendar dates in text and resolve a missing year from context."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import cast

_MONTHS = {
    "jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3, "apr": 4, "april": 4,
    "may": 5, "jun": 6, "june": 6, "jul": 7, "july": 7, "aug": 8, "august": 8, "sep": 9,
    "sept": 9, "september": 9, "oct": 10, "october": 10, "nov": 11, "november": 11,
    "dec": 12, "december": 12,
}  # fmt: skip
_MONTH_NAMES = [
    "Jan(?:uary)?", "Feb(?:ruary)?", "Mar(?:ch)?", "Apr(?:il)?", "May", "June?", "July?", "Aug(?:ust)?",
    "Sept?(?:ember)?", "Oct(?:ober)?", "Nov(?:ember)?", "Dec(?:ember)?",
]  # fmt: skip
MONTH_NAME = "|".join(_MONTH_NAMES)  # a month's name or its abbreviation, as a regex (no group)
_MON = r"(?P<mon>" + MONTH_NAME + r")\.?"
# \b + _MON with the \b after the capital as a look-behind (no word character before it): a regex that starts with \b
# is tried at every character, one that starts with a capital letter is scanned for. The same for \b + a year.
_WORD_MON = r"(?P<mon>" + "|".join(m[0] + r"(?<!\w.)" + m[1:] for m in _MONTH_NAMES) + r")\.?"
_WORD_YEAR = r"(?P<year>1(?<!\w.)9\d{2}|2(?<!\w.)0\d{2})"
_PATTERNS = [
    # 2024-12-30, 2024/12/30, 2024.12.30
    re.compile(_WORD_YEAR + r"[-/.](?P<month>0?[1-9]|1[0-2])[-/.](?P<day>0?[1-9]|[12]\d|3[01])\b"),
    # 2024年12月30日
    re.compile(r"(?P<year>(?:19|20)\d{2})年(?P<month>1[0-2]|0?[1-9])月(?P<day>3[01]|[12]\d|0?[1-9])日"),
    # January 30, 2024 / Jan 30 / Dec. 27
    # (also "Apr 09,2014": a page's stamp with no blank after the comma)
    re.compile(
        _WORD_MON + r"\s+(?P<day>[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?\b(?:(?:,?\s+|,)(?P<year>(?:19|20)\d{2})\b)?"
    ),
    # 30 January 2024 / 30 Jan
    re.compile(
        r"\b(?P<day>[12]\d|3[01]|0?[1-9])(?:(?:st|nd|rd|th)?(?:\s+(?:of\s+)?|/(?=[A-Z]))"  # "17/September/2025"
        r"|(?:st|nd|rd|th),[ \t]+)"  # "12th, July 2019": an ordinal day, a comma, its month
        + _MON
        + r"(?:(?:,?\s+|,|(?<=[a-z])/)(?P<year>(?:19|20)\d{2})\b)?"  # "25th April,2020": no blank after the comma
    ),
]
_MONTH_YEAR = re.compile(r"\b(?:in\s+)?" + _MON + r",?\s+(?P<year>(?:19|20)\d{2})\b")
# (?<![\d.,])(?:19|20)\d{2}(?![\d,]|\.\d), with the look-behind after the first digit: a regex that starts with one
# is tried at every character, one that starts with a digit is scanned for.
YEAR = re.compile(r"(?:1(?<![\d.,].)9|2(?<![\d.,].)0)\d{2}(?!\d|[.,]\d)")
# Cheap tests that rule whole groups of patterns out: most text has no month name and no numeric date,
# and scanning for a plain literal is far faster than trying every pattern at every word.
_HAS_NUMERIC = re.compile(r"(?:19|20)\d\d[-/.年]")
_HAS_MONTH = re.compile(r"Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec")
_HAS_YEAR = re.compile(r"(?:19|20)\d\d")
# Day and month in figures with the year last: "9/2/2020", "24/09/2020", "01-20-2021". Which figure is the month
# depends on where the page is from, so such a date is read only when it settles itself: one figure is above 12
# ("24/09/2020"), both are the same, or a weekday written beside it fits one reading alone ("on Sunday 9/2/2020",
# "Mon, 09/11/2023"). Otherwise it stays unread rather than read wrong.
_SLASHED = re.compile(r"(?<![\d/.-])(\d{1,2})([/-])(\d{1,2})\2((?:19|20)\d{2})(?![\d/]|-\d)")
# (the slash or hyphen first, then a look-behind for the digit: the engine scans for the two characters alone)
_HAS_SLASHED = re.compile(r"[/-](?<=\d[/-])(?:19|20)\d\d")
_WEEKDAY_BESIDE = re.compile(r"(?:(?P<wd>Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*\.?,?\s*\Z)", re.IGNORECASE)
_WEEKDAY_AFTER = re.compile(r"\s*\(?(?P<wd>Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*\b", re.IGNORECASE)
_WEEKDAY_ABBR = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


@dataclass(frozen=True)
class DateMention:
    start: int
    end: int
    year: int | None
    month: int
    day: int | None  # None for "March 2022"

    def iso(self, default_year: int | None = None) -> str:
        """ISO date, or "" if the year is unknown or the day is missing."""
        y = self.year or default_year
        if y is None or self.day is None:
            return ""
        try:
            return date(y, self.month, self.day).isoformat()
        except ValueError:
            return ""


# A month's name and a day's suffix in capitals, as an ALL-CAPS heading writes them ("4TH APRIL, 2020"): read as
# "4th April, 2020", which keeps every offset.
_UPPER_MONTH = re.compile(
    r"\b(?:JAN(?:UARY)?|FEB(?:RUARY)?|MAR(?:CH)?|APR(?:IL)?|MAY|JUNE?|JULY?|AUG(?:UST)?|SEPT?(?:EMBER)?|OCT(?:OBER)?"
    r"|NOV(?:EMBER)?|DEC(?:EMBER)?)\b"
)
_UPPER_SUFFIX = re.compile(r"(?<=[0-9])(?:ST|ND|RD|TH)\b")
# Plain literals, which the engine finds far faster than the word boundary _UPPER_MONTH starts with: most texts
# have none, and are ruled out by this alone.
_HAS_UPPER_MONTH = re.compile(r"JAN|FEB|MAR|APR|MAY|JUN|JUL|AUG|SEP|OCT|NOV|DEC")


def _capitals_read(text: str) -> str:
    """``text`` with month names and day suffixes written in capitals in their usual case (same length)."""
    if _HAS_UPPER_MONTH.search(text) is None or _UPPER_MONTH.search(text) is None:
        return text
    text = _UPPER_MONTH.sub(lambda m: m.group().capitalize(), text)
    return _UPPER_SUFFIX.sub(lambda m: m.group().lower(), text)


def find_dates(text: str, *, days_only: bool = False) -> list[DateMention]:
    """Every full or partial date in ``text``, left to right, without overlaps; with ``days_only``, those with a day
    (without "March 2022", which is looked for last and so takes no place from another date)."""
    text = _capitals_read(text)
    found: list[DateMention] = []
    taken: list[tuple[int, int]] = []
    first_numeric, first_month = _HAS_NUMERIC.search(text), _HAS_MONTH.search(text)
    numeric, named = first_numeric is not None, first_month is not None
    slashed = _HAS_SLASHED.search(text) is not None
    if not (numeric or named or slashed):
        return found
    # The patterns are tried at every character from where they are scanned, so they are scanned from the first place
    # a date can start.
    numeric_from = first_numeric.start() if first_numeric is not None else 0
    named_from = _named_start(text, first_month.start()) if first_month is not None else 0
    for i, pat in enumerate(_PATTERNS):
        if not (numeric if i < 2 else named):
            continue
        for m in pat.finditer(text, numeric_from if i < 2 else named_from):
            if any(m.start() < e and s < m.end() for s, e in taken):
                continue
            g = m.groupdict()
            month = int(g["month"]) if g.get("month") else _MONTHS[g["mon"].lower().rstrip(".")]
            year = int(g["year"]) if g.get("year") else None
            found.append(DateMention(m.start(), m.end(), year, month, int(g["day"])))
            taken.append((m.start(), m.end()))
    for m in _SLASHED.finditer(text) if slashed else ():
        if any(m.start() < e and s < m.end() for s, e in taken):
            continue
        if (month_day := _settled(text, m)) is not None:
            found.append(DateMention(m.start(), m.end(), int(m.group(4)), month_day[0], month_day[1]))
            taken.append((m.start(), m.end()))
    month_year = named and not days_only and _HAS_YEAR.search(text, named_from) is not None
    for m in _MONTH_YEAR.finditer(text, named_from) if month_year else ():
        if any(m.start() < e and s < m.end() for s, e in taken):
            continue
        found.append(DateMention(m.start(), m.end(), int(m["year"]), _MONTHS[m["mon"].lower()], None))
        taken.append((m.start(), m.end()))
    return sorted(found, key=lambda d: d.start)


def _settled(text: str, m: re.Match[str]) -> tuple[int, int] | None:
    """(month, day) of a figures-only date with the year last, if only one reading is a date that fits its weekday."""
    a, b, year = int(m.group(1)), int(m.group(3)), int(m.group(4))
    readings = []
    for month, day in ((b, a), (a, b)):  # day first, as most of the world writes it; then month first
        try:
            readings.append(date(year, month, day))
        except ValueError:
            continue
    weekday = _WEEKDAY_BESIDE.search(text, max(0, m.start() - 12), m.start()) or _WEEKDAY_AFTER.match(text, m.end())
    if weekday is not None:
        named = _WEEKDAY_ABBR.index(weekday.group("wd").lower())
        readings = [r for r in readings if r.weekday() == named]
    if len(set(readings)) != 1:
        return None
    return readings[0].month, readings[0].day


def _named_start(text: str, month: int) -> int:
    """Where a date with a month name can start at the earliest, given the first month name.

    Before its month name a date has at most a day of two digits and a suffix ("1st"), perhaps a comma ("12th, July"),
    white space, "of" or "in" and white space. A later month name cannot give an earlier date: none of these is the
    capital a month name starts with.
    """
    start = month
    while start and text[start - 1].isspace():  # str.isspace is what \s matches
        start -= 1
    if start and text[start - 1] == ",":
        start -= 1
    if text[max(0, start - 2) : start] in ("of", "in"):
        start -= 2
        while start and text[start - 1].isspace():
            start -= 1
    return max(0, start - 4)


def resolve_year(mention: DateMention, context: str, published: str = "") -> int | None:
    """The year of a date written without one.

    A year written in the same sentence wins ("the 2024 conference ... on Jan 30"); otherwise
    the article's publication date, stepping back a year when the month lies after it
    (a December event reported in January).
    """
    if mention.year:
        return mention.year
    years = [int(y) for y in YEAR.findall(context)]
    if years:
        return years[0]
    if published:
        pub = date.fromisoformat(published)
        return pub.year - 1 if mention.month > pub.month else pub.year
    return None


# --- spans of days ("18 to 20 September 2017", "Feb 13-14", "27-29.11.2019") -------------------------------------

_DAY = r"(?:[12]\d|3[01]|0?[1-9])"
_ORD = r"(?:st|nd|rd|th)?"
_TO = r"\s*(?:-|–|—|&|to|and|until|through|till)\s*"
# A day written before a date that starts with its day: "18 to [20 September 2017]", "from 1 - [4 December 2009]"
# (not the digits of a name: "LAK’17, [13-17 March]").
# A weekday may stand before the second day: "Sunday 7th – Sunday [14th of April 2019]"
_WEEKDAY_THEN = r"(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+)?"
_DAY_LIST = rf"(?:,\s*{_DAY}{_ORD}\b)*"  # the days between the first and the last of a list: ", 17" of "16, 17 and 18"
_DAY_BEFORE = re.compile(
    rf"(?<![\w.,:/’'])({_DAY}){_ORD}{_DAY_LIST}{_TO}(?:the\s+)?{_WEEKDAY_THEN}$"
)  # "the 3rd to the [4th of March]", "16, 17 and [18 November 2006]"
# A day written after a date: "[Oct. 21] to 23", "[November 15] to 17, 2022", "[Feb 13]-14" (no month after it,
# which would make it a date of its own), "[November 16], 17 and 18 (2006)".
_DAY_AFTER = re.compile(
    rf"{_DAY_LIST}{_TO}({_DAY}){_ORD}\b(?!\s*(?:of\s+)?[A-Z][a-z]{{2}}|[\d:/]|\.\d)"
    r"(?:(?:,?\s+|\s*\(\s*)((?:19|20)\d{2})\b\)?)?"
)  # "[November 16], 17 and 18 (2006)": a list of days, and its year in brackets
# Day-month-year with dots, as Europe writes it, alone or as a span: "27-29.11.2019", "29.11.2019".
_DOTTED = re.compile(rf"(?<![\d.])(?:({_DAY}){_TO})?({_DAY})\.(0?[1-9]|1[0-2])\.((?:19|20)\d{{2}})(?![\d.]\d)")
_HAS_DOTTED = re.compile(r"\d\.\d{1,2}\.(?:19|20)\d\d")  # scanned for its first digit: most texts have none
_SPAN_LINK = re.compile(rf"^{_TO}{_WEEKDAY_THEN}$")  # "February 18th to Tuesday, [February 21st]"
_AND = re.compile(r"and|&")  # two dates "and" joins are one span only within a month
_SPAN_REACH = 28  # characters before a date searched for the first day of its span ("7th – Wednesday, ")


@dataclass(frozen=True)
class DateSpan:
    """A date or a span of days as written; the first day's year or month may come from the last's."""

    start: int
    end: int
    year: int | None
    month: int
    day: int
    end_year: int | None
    end_month: int
    end_day: int

    def iso(self, default_year: int | None = None) -> str:
        return iso_day(self.year or self.end_year or default_year, self.month, self.day)

    def end_iso(self, default_year: int | None = None) -> str:
        first = self.iso(default_year)
        year = self.end_year or self.year or default_year
        if year and self.end_month < self.month and not self.end_year:
            year += 1  # "December 30 to January 2"
        return iso_day(year, self.end_month, self.end_day) if first else ""


def iso_day(year: int | None, month: int, day: int) -> str:
    """The ISO date of a day, or "" when the year is unknown or there is no such day (31 February)."""
    if year is None:
        return ""
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return ""


def find_spans(text: str) -> list[DateSpan]:
    """Every date with its day in ``text`` as a span of days, left to right: a single date is a span of one day."""
    singles = [d for d in find_dates(text, days_only=True) if d.day is not None]
    out: list[DateSpan] = []
    i = 0
    while i < len(singles):
        d = singles[i]
        start, end, day = d.start, d.end, cast(int, d.day)  # singles have their day
        first = (d.year, d.month, day)
        last = (d.year, d.month, day)
        if text[d.start : d.start + 1].isdigit() and (
            m := _DAY_BEFORE.search(text, max(0, d.start - _SPAN_REACH), d.start)
        ):
            first, start = (d.year, d.month, int(m.group(1))), m.start()  # "18 to [20 September 2017]"
        nxt = singles[i + 1] if i + 1 < len(singles) else None
        link = _SPAN_LINK.match(text[d.end : nxt.start]) if nxt is not None else None
        if (
            nxt is not None and link and (not _AND.search(link.group()) or nxt.month == d.month or _next_day(d, nxt))
        ):  # "June 13 and June 16", "31 January and 1 February 2018"
            last, end = (nxt.year, nxt.month, cast(int, nxt.day)), nxt.end
            if not first[0] and nxt.year:  # "December 30 to January 2, 2025" began in 2024
                first = (nxt.year - (first[1] > nxt.month), first[1], first[2])
            i += 1
        elif start == d.start and (m := _DAY_AFTER.match(text, d.end)):  # "[Oct. 21] to 23"
            year = int(m.group(2)) if m.group(2) else d.year
            first, last, end = (d.year or year, d.month, day), (year, d.month, int(m.group(1))), m.end()
        if (last[0], last[1], last[2]) < (last[0], first[1], first[2]) and last[1] == first[1]:
            last = first  # "20 to 18 May": not a span
        out.append(DateSpan(start, end, first[0], first[1], first[2], last[0], last[1], last[2]))
        i += 1
    for m in _DOTTED.finditer(text) if _HAS_DOTTED.search(text) else ():
        if any(s.start < m.end() and m.start() < s.end for s in out):
            continue
        year, month, day = int(m.group(4)), int(m.group(3)), int(m.group(2))
        first_day = int(m.group(1)) if m.group(1) else day
        out.append(DateSpan(m.start(), m.end(), year, month, first_day, year, month, day))
    for m in _SLASHED_SPAN.finditer(text) if _HAS_SLASHED.search(text) else ():
        inside = [s for s in out if m.start() <= s.start and s.end <= m.end()]  # its last day, read alone
        if any(s.start < m.end() and m.start() < s.end for s in out if s not in inside):
            continue
        if (days := _settled_span(m)) is not None:
            out = [s for s in out if s not in inside] + [DateSpan(m.start(), m.end(), *days)]
    return sorted(out, key=lambda s: s.start)


MONTH_END = 28  # the last day of the shortest month


def _next_day(d: DateMention, nxt: DateMention) -> bool:
    """``nxt`` is the first of the month after ``d``'s, and ``d`` one of its month's last days: two days in a row."""
    return nxt.day == 1 and nxt.month == d.month % 12 + 1 and (d.day or 0) >= MONTH_END


# Two days in figures and one year, last, or a year each: "from 29/09 to 01/10/2023", "29/09/2023 to 01/10/2023"
_SLASHED_SPAN = re.compile(
    r"(?<![\d/.-])(\d{1,2})/(\d{1,2})(?:/((?:19|20)\d{2}))?[ \t]*(?:-|–|to)[ \t]*(\d{1,2})/(\d{1,2})/((?:19|20)\d{2})"
    r"(?![\d/])"
)


def _settled_span(m: re.Match[str]) -> tuple[int, int, int, int, int, int] | None:
    """The first and last days of a span in figures, read day first or month first as a figure above 12 settles it
    (a span that runs backwards is no reading); None when both readings fit."""
    a, b, first_year, c, d, year = (int(g) if g else 0 for g in m.groups())
    readings = []
    for (m1, d1), (m2, d2) in (((b, a), (d, c)), ((a, b), (c, d))):  # day first, then month first
        try:
            first = date(first_year or year - (m1 > m2), m1, d1)
            last = date(year, m2, d2)
        except ValueError:
            continue
        if first <= last:
            readings.append((first.year, first.month, first.day, last.year, last.month, last.day))
    return readings[0] if len(readings) == 1 else None


# --- dates relative to the publication date ("today", "on Monday", "yesterday") ----------------------------------

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_RELATIVE = re.compile(
    r"\b(?:(?P<today>today|tonight|this morning|this afternoon|this evening)|(?P<yesterday>yesterday)"
    r"|(?P<tomorrow>tomorrow)|(?:(?P<mod>this|last|next|on|coming|this coming)\s+)?"
    # not a weekday written before its date ("Monday 5 May", "Monday (5 May)"), except a day and month in brackets,
    # as Indonesian news writes them ("on Monday (30/8)"), which give no year
    r"(?P<weekday>"
    + "|".join(WEEKDAYS)
    + r"))\b(?!\s*,?\s*(?:\d|\((?!\d{1,2}/\d{1,2}\))\d|(?:"
    + "|".join(_MONTH_NAMES)
    + r")\b))",
    re.IGNORECASE,
)


_TODAY_WORDS = ("today", "tonight", "this morning", "this afternoon", "this evening")


@dataclass(frozen=True)
class RelativeDate:
    start: int
    end: int
    words: str  # as written

    @property
    def today(self) -> bool:
        """The day of publication itself ("today", "tonight", "this morning")."""
        return " ".join(self.words.lower().split()).startswith(_TODAY_WORDS)

    def resolve(self, published: date, future: bool) -> date | None:
        """The day meant, counted from ``published``; a weekday falls before it in a report, after it in an
        announcement ("will open on Monday"), the coming one after "next", the past one after "last"."""
        from datetime import timedelta

        low = " ".join(self.words.lower().split())
        if self.today:
            return published
        if low == "yesterday":
            return published - timedelta(days=1)
        if low == "tomorrow":
            return published + timedelta(days=1)
        weekday = WEEKDAYS.index(low.split()[-1])
        ahead = low.startswith(("next", "coming", "this coming")) or (future and not low.startswith("last"))
        if ahead:
            return published + timedelta(days=(weekday - published.weekday()) % 7 or 7)
        back = (published.weekday() - weekday) % 7
        return published - timedelta(days=back or (7 if low.startswith("last") else 0))


def find_relative(text: str, lo: int = 0, hi: int | None = None) -> list[RelativeDate]:
    """Words naming a day by its distance from the publication date, between lo and hi."""
    hi = len(text) if hi is None else hi
    return [RelativeDate(m.start(), m.end(), m.group()) for m in _RELATIVE.finditer(text, lo, hi)]
