"""Read an article's title, publication date and source from its text."""

from __future__ import annotations

import calendar
import re
from datetime import date
from functools import cache
from pathlib import Path
from urllib.parse import urlsplit

from etl.extract.dates import find_dates, iso_day
from etl.extract.places import extract_places
from etl.model import ArticleMeta, Sentence

LOOKUPS = Path(__file__).resolve().parents[1] / "lookups"
TITLE_MAX = 120  # a first sentence standing in for a title is cut to about this many characters
HEADLINE_MAX = 200  # a line longer than this is a paragraph, not a headline
HEAD_LINES = 12  # title, date and source are looked for in the first lines only

_URL = re.compile(r"^(?:https?://|www\.)\S+$", re.IGNORECASE)
_BREADCRUMB = re.compile(r"\S\s*(?:>|»|›)\s*\S")
_LABEL = re.compile(r"^\s*([^\W\d_][^:：]{0,30}?)\s*[:：]\s*(.*)$")
_DATE_LABELS = ("release time", "published", "publish time", "posted", "updated", "date", "time")
# "China.com, January 30 (Reporter Zeng Ruixin) On the ..." / "BEIJING, Jan. 30 (Xinhua) -- ...":
_DATELINE = re.compile(
    r"^(?P<lead>[^\n,();]{2,40}?)(?:[,;]\s*[A-Z][^\n,();]{1,40}?)?[,;]\s*"
    r"(?P<date>[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:st|nd|rd|th)?(?:,\s*\d{4})?|\d{1,2}(?:st|nd|rd|th)?\s+[A-Z][a-z]{2,8}(?:\s+\d{4})?)"
    r"\s*(?:\((?P<paren>[^)]{1,60})\))?\s*(?:--|—|–|-)?\s*"
)
# A date opening a line, as bylines and time stamps write it: "2013-10-22 08:40:14Xinhua", "13 October 2016".
_LEADING_DATE = re.compile(r"^(?:19|20)\d{2}-\d{2}-\d{2}\b")
# A date in the address of the article: /2010/08/11/, /2013-10-22/, /202302/10/, -20200703-, /2020/0722/.
_URL_DATE = re.compile(
    r"(?<![0-9])((?:19|20)\d{2})(?:[/-](0?[1-9]|1[0-2])[/-]|[/-]?(0[1-9]|1[0-2])/?)(0[1-9]|[12]\d|3[01]|[1-9](?=/))"
    r"(?![0-9])"
)
# An event page's line of its time or place ("Time: 12:00-13:20", "Venue: NSS Training College"): a "Date:" line
# beside one gives the event's day, not the page's (events.py reads it so too)
EVENT_DETAIL_LINE = re.compile(r"[ \t]*(?:Time|Where|Venue|Location)[ \t]*:")
_SOURCE_LINE = re.compile(r"^\s*Source\s*:\s*(?P<url>(?:https?://|www\.)\S+)", re.IGNORECASE)
# A date label and a date with no colon between, opening a line: "Published 3 March 2021", "date 2021-12-03"
_SPACED_LABEL = re.compile(
    # "(This article was first published on January 28, 2023)", "Published on 3 May 2021", "posted 2024-01-02"
    r"\s*\(?\s*(?:(?:this|the)\s+(?:article|story|post)\s+was\s+(?:first\s+|originally\s+)?)?"
    r"(?:published|posted|updated|date)\s+(?:on\s+)?"
    # "Published on 07:29 PM, July 29, 2020": the clock may come first
    r"(?=(?:\d{1,2}:\d\d(?:[ \t]*[AaPp]\.?[Mm]\.?)?,?[ \t]+)?"
    r"(?:\d{4}-\d\d-\d\d|\d{1,2}\s+[A-Z][a-z]+\.?\s+\d{4}|[A-Z][a-z]+\.?\s+\d{1,2},?\s+\d{4}))",
    re.IGNORECASE,
)
# "... T_CEIPEC Posted on August 9, 2024 News By admin", "POSTED ON SEPTEMBER 17, 2020": a page's stamp inside a head
# line, capitalised as furniture writes it (prose writes "the report was published on 3 May")
_POSTED_ON = re.compile(r"\b(?:Posted|Published|POSTED|PUBLISHED)[ \t]+(?:on|ON)[ \t]+")
# A label that a colon follows (after white space): found by looking before each colon, see _has_date_label.
_DATE_LABEL_BEFORE = re.compile(r"(?:release time|published|posted|updated|dated?|publication)\Z", re.IGNORECASE)
_DATE_LABEL_LONGEST = len("release time")
_NOT_FURNITURE_CHARS = re.compile(r"[^\w\s:：>]")
_LABELS_ONLY = re.compile(r"^(?:[\w ]{2,20}[:：]\s*\S+\s*)+$")
_SENTENCE_INSIDE = re.compile(r"[.!?]\W*\s+\S")
_SPACES = re.compile(r"\s+")
_COLON_END = re.compile(r"[:：]\s*$")
# "By Mohammad Ghazal - Apr 09,2014 - Last updated at ...": a byline, then the day the story was published
_BYLINE_THEN_DATE = re.compile(
    r"\s*(?:(?:Written|Posted|Contributed|Published|Reported|Edited|Submitted)\s+by|By|BY)"  # "By X", "Contributed by X"
    r"(?::\s*"  # "By: January 22, 2024": a byline left without its name
    r"|\s+(?:[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*){0,3}(?:\s+for\s+\S+)?\s*(?:[-–—|,]|\s+on\b)|on\b)\s*)"  # "By X -",
    # "By X on", "By on", "By X for Outlet.com –"; then the date, in words or in figures with the year last
    # ("Submitted by X on Thu, 09/14/2006 - 11:40": a weekday and its comma may come first)
    r"(?=(?:[A-Z][a-z]{2,8},\s+)?(?:[A-Z][a-z]{2,8}\.?\s+\d|\d{1,2}\s+[A-Z]|\d{4}-|\d{1,2}/\d{1,2}/\d{4}))"
)
# "Web Desk April 22, 2021", "Staff Reporter - May 3, 2019": a desk or a post for a byline, then the day
_DESK_THEN_DATE = re.compile(
    r"\s*(?:[A-Z][a-z]+\s+)?(?:Desk|Reporter|Correspondent)\s*[-–—|,:]?\s*(?=[A-Z][a-z]{2,8}\.?\s+\d|\d{1,2}\s+[A-Z])"
)
# A wire's or press-release service's name in brackets, then the day and a dash: "- (1888PressRelease) October 27,
# 2011 - Abu Dhabi -", "(PRWEB) May 3, 2019 --"
_WIRE_THEN_DATE = re.compile(
    r"[ \t]*[-–—]?[ \t]*\([^()\n]{2,30}\)[ \t]*(?=[A-Z][a-z]{2,8}\.?[ \t]+\d{1,2},?[ \t]+\d{4}[ \t]*[-–—])"
)
# A byline after a date on its line: "November 26, 2019 By Júlia Verdaguer"
_BYLINE_AFTER = re.compile(r"\s+(?:By|by|BY)\b")
# A blog's author and count of comments after its date: "November 12, 2018 admin 0 Comments" (searched only in a line
# that has the word: tried at every blank of a long line, it would cost as much as the rest of the metadata)
_COMMENTS_AFTER = re.compile(r"\s+(?:[^\W\d_]+\s+)?(?:\d+|No)\s+Comments?\b")
_BYLINE_WORDS = re.compile(r"\b(?:Reporter|Correspondent|Editor|By|Photo|Author|Writer)\b", re.IGNORECASE)
_TRAILING_SOURCE = re.compile(r"\((?P<agency>[A-Z][A-Za-z.]+(?: [A-Z][A-Za-z.]+){0,2})\)\s*$")


@cache
def _furniture() -> frozenset[str]:
    text = (LOOKUPS / "meta_furniture.txt").read_text(encoding="utf-8")
    return frozenset(ln.strip().lower() for ln in text.splitlines() if ln.strip() and not ln.startswith("#"))


def extract_meta(text: str, sentences: list[Sentence]) -> ArticleMeta:
    """Title, ISO publication date ("" without a year) and source of an article."""
    try:
        return _extract(text, sentences)
    except Exception:  # metadata is best effort; the article still counts
        return ArticleMeta(title="", published="", source="")


def _lines(text: str) -> list[str]:
    out = []
    for line in text.splitlines():
        if line.strip():
            out.append(line.strip())
        if len(out) >= HEAD_LINES:
            break
    return out


_MONTH_WORD = re.compile(
    r"Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?"
    r"|Nov(?:ember)?|Dec(?:ember)?"
)
_LONG_WORD = re.compile(r"[^\W\d_]{3,}")
_CALENDAR_WORD = re.compile(
    _MONTH_WORD.pattern + r"|Mon(?:day)?|Tue(?:sday|s)?|Wed(?:nesday)?|Thu(?:rsday|rs)?|Fri(?:day)?|Sat(?:urday)?"
    r"|Sun(?:day)?|[AP]M"
)


def _is_calendar_word(word: str) -> bool:
    """A month's or weekday's name, as written or in capitals ("MONDAY, MARCH 27, 2023")."""
    return bool(_CALENDAR_WORD.fullmatch(word.title() if word.isupper() else word))


def _is_date_line(line: str) -> bool:
    # Only a month or weekday name may be a word of three letters or more in a line of dates, and one capitalised
    # word before them, the place it was filed from ("Oman Wednesday 17/September/2025 15:26 PM"): any other word
    # settles it without looking for dates (the head lines of an article are often whole paragraphs).
    others: list[re.Match[str]] = []
    if ":" in line:
        line = _ZONE_AFTER_TIME.sub(r"\1", line)  # "November 11, 2010 - 13:34 AMT": the clock's zone is no word
    for w in _LONG_WORD.finditer(line):  # stops at the second other word: most lines are whole paragraphs
        if not _is_calendar_word(w.group()):
            if others or w.start() > 0 or not w.group()[:1].isupper():
                return False
            others.append(w)
    return bool(find_dates(line))


# These regexes are slow to fail on a long line (the breadcrumb one is tried at every character): a line without the
# characters they need (most head lines are plain paragraphs) is ruled out by a plain search for those first.


def _is_breadcrumb(line: str) -> bool:
    return ("›" in line or ">" in line or "»" in line) and bool(_BREADCRUMB.search(line))


def _label(line: str) -> re.Match[str] | None:
    return _LABEL.match(line) if ":" in line or "：" in line else None


def _is_furniture(line: str) -> bool:
    low = _NOT_FURNITURE_CHARS.sub("", line.lower()).strip()
    furniture = _furniture()
    if low in furniture or _URL.match(line) or _is_breadcrumb(line) or _is_date_line(line):
        return True
    if line[:1].isdigit() and _DOTTED_LINE.fullmatch(line):  # "05.04.2012 - UNESCO": a stamp, no headline
        return True
    label = _label(line)
    if label and label.group(1).strip().lower() in furniture:
        return True
    # A line of labels only ("Release Time:2024-12-03 Views:55").
    # The cheap tests first: the regex is slow on a long line.
    return len(line) < 80 and ":" in line and bool(_LABELS_ONLY.match(line))


def _title(lines: list[str], sentences: list[Sentence]) -> str:
    for line in lines:
        if _is_furniture(line):
            continue
        if len(line) <= HEADLINE_MAX and not _dateline(line) and not _SENTENCE_INSIDE.search(line):
            return line.rstrip(" .")
        # No headline: the article opens with its first paragraph; its first sentence, without the dateline.
        first = next((s.text for s in sentences if line.startswith(s.text[:20])), line)
        first = _DATELINE.sub("", first, count=1).strip()
        return _shorten(first)
    return ""


def _shorten(s: str) -> str:
    s = _SPACES.sub(" ", s).strip()
    if len(s) <= TITLE_MAX:
        return s
    cut = s[:TITLE_MAX]
    if " " in cut:
        cut = cut[: cut.rfind(" ")]
    return cut.rstrip(" ,;:-") + "…"


# A dateline's day with its year, the month named before or after it: "October 20, 2023", "18 August 2023"
_DATELINE_DAY = r"[A-Z][a-z]{2,8}\.? \d{1,2}(?:st|nd|rd|th)?,? \d{4}|\d{1,2}(?:st|nd|rd|th)? [A-Z][a-z]{2,8},? \d{4}"


def _dateline(line: str) -> re.Match[str] | None:
    """_DATELINE.match(line); its lead runs up to the first comma or semicolon, which most lines do not have early
    enough. Else a place in capitals with no comma after it ("DUBAI 15 October 2019: ...")."""
    comma = min((i for i in (line.find(",", 0, 41), line.find(";", 0, 41)) if i >= 0), default=-1)
    if comma >= 2 and (m := _DATELINE.match(line)):
        return m
    m = _CAPS_DATELINE.match(line) if line[:2].isupper() else None
    if m and _is_place(m["lead"].title()):  # (the places reader takes no name in capitals)
        return m
    m = _DASH_DATELINE.match(line)
    if m and any(part and _is_place(part.strip()) for part in (m["lead"], m["region"])):
        return m  # (not "Digital Learning Summit – 18 May 2023", an event's heading)
    return None


# A dateline's place, then a dash and the date with its year: "Port-Vila, Vanuatu – 18 August 2023:", "Sharjah, UAE –
# October 20, 2023 –", "Colombo, Sri Lanka - 22 Mar 2012"
_DASH_DATELINE = re.compile(
    r"(?P<lead>[A-Z][^\n,();:–—]{1,40}?)(?:,[ \t]*(?P<region>[A-Z][^\n,();:–—]{1,40}?))?[ \t]+[–—-][ \t]+"
    rf"(?P<date>{_DATELINE_DAY})(?P<paren>)(?![\w-])"
)


# "APIA, Samoa (Talamua, Oct. 5, 2014) –", "Islamabad (UrduPoint / Pakistan Point News - 8th Jul, 2021)": a dateline
# whose date stands in the bracket with the agency's name
_PAREN_DATELINE = re.compile(
    r"(?P<lead>[^\n,();]{2,40}?)(?:,[ \t]*(?P<region>[^\n,();]{2,40}?))?,?[ \t]*\((?P<paren>[^()\n]{4,80})\)"
)


def _paren_dateline(line: str) -> str:
    """The date in the bracket of a dateline ("APIA, Samoa (Talamua, Oct. 5, 2014) –"), or ""."""
    if "(" not in line[:84] or (m := _PAREN_DATELINE.match(line)) is None:
        return ""
    if not any(part and _is_place(part.strip().title()) for part in (m["lead"], m["region"])):
        return ""  # the town or its country: the places reader may not know a small capital ("Apia")
    return next((d.iso() for d in find_dates(m["paren"]) if d.year), "")


def _is_place(words: str) -> bool:
    """Whether ``words`` are a place's name and nothing more."""
    named = extract_places(words)
    return bool(named) and named[0].start == 0 and named[-1].end >= len(words.rstrip(" ."))


# A dateline's place in capitals and its date with no comma between, then a colon or dash: "DUBAI 15 October 2019:"
_CAPS_DATELINE = re.compile(
    rf"(?P<lead>[A-Z][A-Z.’'-]+(?: [A-Z][A-Z.’'-]+){{0,3}}) (?P<date>{_DATELINE_DAY})(?P<paren>)[ \t]*[:–—-]"
)


def _has_date_label(line: str) -> bool:
    """Whether the line has a date label, then white space, then a colon ("Release Time:", "posted ：").

    The same as searching the whole line for r"(?:release time|...)\\s*[:：]" (case-insensitive), which the regex
    engine tries at every character; the colons are far fewer. A label ends in a letter, so it ends where the white
    space before its colon starts.
    """
    for colon in (":", "："):
        at = line.find(colon)
        while at >= 0:
            end = at
            while end and line[end - 1].isspace():  # str.isspace is what \s matches
                end -= 1
            if _DATE_LABEL_BEFORE.search(line, max(0, end - _DATE_LABEL_LONGEST), end):
                return True
            at = line.find(colon, at + 1)
    return False


def _published(lines: list[str], text: str) -> str:
    """The publication date: a labelled one, a line of dates, a dateline or a time stamp; else a closing credit's;
    else the date in the article's address (its Source line)."""
    return _published_in_text(lines) or _closing_credit(text) or _published_in_url(lines)


CREDIT_CHARS = 80  # a closing credit line is short: "(Xinhua News Agency February 7, 2006)"
CREDIT_TAIL = 400  # characters at the end of the text in which its last line is looked for


def _closing_credit(text: str) -> str:
    """The date of a credit line in brackets that ends the text, as agencies and their reprints close a story:
    "(Xinhua News Agency February 7, 2006)": the agency's capitalised name, then the day, and nothing after it (not
    "(The fair runs until May 5, 2006)")."""
    tail = text[-CREDIT_TAIL:].rstrip()
    line = tail[tail.rfind("\n") + 1 :].strip()
    if not (line.startswith("(") and line.endswith(")") and len(line) <= CREDIT_CHARS):
        return ""
    dates = [d for d in find_dates(line) if d.year and d.day]
    if not dates or line[dates[-1].end : -1].strip(" ,.") or not line[1 : dates[-1].start].strip():
        return ""
    if not all(w[:1].isupper() for w in line[1 : dates[-1].start].split() if w[:1].isalpha()):
        return ""
    return dates[-1].iso()


def _published_in_url(lines: list[str]) -> str:
    for line in lines[:3]:
        m = _SOURCE_LINE.match(line)
        if not m:
            continue
        try:
            if d := _URL_DATE.search(m.group("url")):
                return date(int(d.group(1)), int(d.group(2) or d.group(3)), int(d.group(4))).isoformat()
            if d := _URL_DAY_MONTH_YEAR.search(m.group("url")):
                month = _MONTHS[d.group(2).lower()[:3]]
                return date(int(d.group(3)), month, int(d.group(1))).isoformat()
            if d := _URL_YEAR_MONTH_DAY.search(m.group("url")):
                month = _MONTHS[d.group(2).lower()[:3]]
                return date(int(d.group(1)), month, int(d.group(3))).isoformat()
            if d := _URL_STAMP.search(m.group("url")) or _URL_DAY_NUMBER.search(m.group("url")):
                return date(int(d.group(1)), int(d.group(2)), int(d.group(3))).isoformat()
        except ValueError:
            return ""
    return ""


_MONTHS = {m.lower(): i for i, m in enumerate(calendar.month_abbr) if m}
# "/article/2020112407170802869", "?story=20190528091123913": a time stamp (year, month, day, hour, minute, second)
# opening an article's number; not a web archive's capture time before the address it holds ("/web/20240317201143/https:")
_URL_STAMP = re.compile(
    r"(?<![0-9])((?:19|20)[0-9]{2})(0[1-9]|1[0-2])(0[1-9]|[12][0-9]|3[01])(?:[01][0-9]|2[0-3])[0-5][0-9][0-5][0-9]"
    r"(?![0-9]*(?:[a-z_]{0,3})/(?:https?:|www\.))"
)
# "/stories/201507231245.html", "?ud=20211020000986": the day opening an article's number, the rest a count within
# it (not a time: "0592" is none); not a web archive's capture time
_URL_DAY_NUMBER = re.compile(
    r"(?<![0-9])((?:19|20)[0-9]{2})(0[1-9]|1[0-2])(0[1-9]|[12][0-9]|3[01])[0-9]{1,6}"
    r"(?![0-9])(?![a-z_]{0,3}/(?:https?:|www\.))"
)
# "/2021/feb/01/": a year, a month's name and a day between slashes
_URL_YEAR_MONTH_DAY = re.compile(
    r"/((?:19|20)\d{2})/(" + "|".join(m for m in calendar.month_abbr if m) + r")[a-z]*/(0?[1-9]|[12]\d|3[01])/",
    re.IGNORECASE,
)
# "/22-Nov-2017/": a day, a month's name and a year between slashes
_URL_DAY_MONTH_YEAR = re.compile(
    r"/(0?[1-9]|[12]\d|3[01])-(" + "|".join(m for m in calendar.month_abbr if m) + r")[a-z]*-((?:19|20)\d{2})/",
    re.IGNORECASE,
)


# A line that is a date alone, written with dots: day, month, year, as every country that writes dates so orders them
# "19.11.2016" alone on its line, perhaps with its clock or its source after it: "14.08.2013, 11:26", "05.04.2012 -
# UNESCO"
_DOTTED_LINE = re.compile(
    r"[ \t]*([0-3]?[0-9])\.([01]?[0-9])\.((?:19|20)[0-9]{2})[ \t]*(?:,?[ \t]*[0-2]?[0-9][:.][0-5][0-9][ \t]*)?"
    r"(?:[-–—|][ \t]*(?:[A-Z][\w&.]*(?:[ \t]+[A-Z][\w&.]*){0,3}[ \t]*)?)?"
)


def _stamp(line: str) -> str:
    """The part of a head line that is a date and nothing more, or "": the line, or a part of it between "|"
    ("Dec 10, 2019, 2:24 PM | Article By: ..."), either without a byline after the date."""
    for part in line.split("|") if "|" in line else (line,):
        if (by := _BYLINE_AFTER.search(part)) is not None:
            part = part[: by.start()]
        if "Comment" in part and (comments := _COMMENTS_AFTER.search(part)) is not None:
            part = part[: comments.start()]
        part = part.strip(" \t,;-–—")
        if part and _is_date_line(part) and not _DIGIT.search(part, 0, find_dates(part)[0].start):
            return part  # (a date that opens the stamp, after a weekday at most: "24 & 25 March 2024" is no stamp)
    return ""


_DIGIT = re.compile(r"\d")
# "November 11, 2010 - 13:34 AMT", "Mon, 22 Jan 2018 - 05:33 GMT": the time zone's letters after the clock
_ZONE_AFTER_TIME = re.compile(r"([0-9]:[0-5][0-9](?:[ \t]*[AaPp]\.?[Mm]\.?)?)[ \t]+[A-Z]{2,5}\Z")


def _published_in_text(lines: list[str]) -> str:
    labelled, bylined, lone, dateline = "", "", "", ""
    for i, line in enumerate(lines):
        if not lone and (dotted := _DOTTED_LINE.fullmatch(line)) is not None:  # "19.11.2016" under the headline
            lone = iso_day(int(dotted.group(3)), int(dotted.group(2)), int(dotted.group(1)))
            continue
        if _LEADING_DATE.match(line) and not lone:  # "2013-10-22 08:40:14Xinhua"
            found = [d for d in find_dates(line[:10]) if d.year]
            lone = found[0].iso() if found else ""
            continue
        label = _label(line)
        is_label = bool(label and label.group(1).strip().lower() in _DATE_LABELS) or bool(_SPACED_LABEL.match(line))
        is_labelled = _has_date_label(line)
        dateline_match = _dateline(line)
        byline = _BYLINE_THEN_DATE.match(line) or _DESK_THEN_DATE.match(line) or _WIRE_THEN_DATE.match(line)
        stamp = _stamp(line)
        posted = _POSTED_ON.search(line) if "osted" in line or "ublished" in line or "OSTED" in line else None
        if not dateline and (bracketed := _paren_dateline(line)):
            dateline = bracketed
            continue
        # Dates are looked for only in a line that could give one: most head lines are plain paragraphs.
        if not (is_label or is_labelled or dateline_match or byline or stamp or posted):
            continue
        dates = [d for d in find_dates(line) if d.year]
        if not dates:
            continue
        if posted and not (is_label or is_labelled) and not labelled:
            labelled = next((d.iso() for d in dates if d.start == posted.end()), "")
            continue
        if is_label and label and label.group(1).strip().lower() == "date" and _beside_event_details(lines, i):
            continue  # "Date: Monday Oct 27th, 2014, 12 Noon" under "Venue: Douglas College": the event's day
        if is_label and not labelled:
            labelled = dates[0].iso()
        elif is_labelled:
            labelled = labelled or next((d.iso() for d in dates if _COLON_END.search(line[: d.start])), dates[0].iso())
        elif byline and not bylined:
            bylined = dates[0].iso()
        elif stamp and not lone:
            lone = next((d.iso() for d in find_dates(stamp) if d.year), "")
        elif dateline_match and not dateline:
            d = next((d for d in dates if d.start < dateline_match.end()), None)
            dateline = d.iso() if d else ""
    # A byline's date is the story's; a line of a date alone may be the page's (today's date in its header).
    return labelled or bylined or lone or dateline


def _beside_event_details(lines: list[str], i: int) -> bool:
    """Whether the line before or after line ``i`` gives an event's time or place."""
    return any(EVENT_DETAIL_LINE.match(lines[j]) for j in (i - 1, i + 1) if 0 <= j < len(lines))


def _source(lines: list[str]) -> str:
    for line in lines:
        label = _label(line)
        if label and label.group(1).strip().lower() == "source":
            return re.split(r"\s+\||\s{2,}", label.group(2).strip())[0].strip()
        for part in re.split(r"\s+\|\s+", line) if "|" in line else ():
            lab = _label(part)
            if lab and lab.group(1).strip().lower() == "source":
                return lab.group(2).strip()
    for line in lines:
        m = _dateline(line)
        if m:
            paren = (m["paren"] or "").strip()
            if paren and not _BYLINE_WORDS.search(paren) and len(paren.split()) <= 3:
                return paren  # "BEIJING, Jan. 30 (Xinhua)": the agency
            lead = m["lead"].strip()
            if not lead.isupper() and len(lead.split()) <= 4 and not _is_place(lead):
                return lead  # "China.com, January 30": the outlet
            return ""
    for line in lines[:3]:
        m = _TRAILING_SOURCE.search(line)
        if m and not _BYLINE_WORDS.search(m["agency"]):
            return m["agency"]
    return ""


_URL_TAIL = ".,;:!?)]}»”’'\""  # punctuation that ends a sentence, not an address
_URL_MAX = 2000


def _url(lines: list[str]) -> str:
    """The address of the 'Source:' line, as a link a page can offer: http(s) only, nothing that could break out of
    an attribute; "www.example.org/x" gets https://."""
    for line in lines:
        m = _SOURCE_LINE.match(line)
        if not m:
            continue
        url = m.group("url").rstrip(_URL_TAIL)
        if url.lower().startswith("www."):
            url = "https://" + url
        parts = urlsplit(url)
        safe = parts.scheme.lower() in ("http", "https") and "." in parts.netloc and len(url) <= _URL_MAX
        return url if safe and not _UNSAFE_IN_URL.search(url) else ""
    return ""


_UNSAFE_IN_URL = re.compile(r"[\s\"'<>\\`\x00-\x1f\x7f]")


def _extract(text: str, sentences: list[Sentence]) -> ArticleMeta:
    if not text or not isinstance(text, str):
        return ArticleMeta(title="", published="", source="")
    lines = _lines(text)
    return ArticleMeta(
        title=_title(lines, sentences), published=_published(lines, text), source=_source(lines), url=_url(lines)
    )
