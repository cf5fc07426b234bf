"""Find lists of names in a text: "Bristol (United Kingdom), Câmara de Lobos (Portugal) and Tunis", "the Netherlands
('s-Hertogenbosch and Groningen)", and bullet lists under headings ("- Gulu (Uganda)", "Australia: Wyndham").

Announcements name cities in lists far more than in sentences of their own; the learning-city reader asks this module
for the lists and decides which are lists of learning cities. Every scan moves forward through the text, so the work
is linear in its length.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from functools import cache
from pathlib import Path
from typing import NamedTuple

from etl.model import PlaceMention

LOOKUPS = Path(__file__).resolve().parents[1] / "lookups"
# A capitalised word of a name, with the forms names take: "N’Zérékoré", "Mayo-Baléo", "'s-Hertogenbosch", "St.".
_WORD = r"(?:['’]s-)?[A-ZÀ-ÖØ-ÞĀ-Ž][\w'’.]*(?:-\w[\w'’]*)*"
# Lower-case words inside names ("Câmara de Lobos", "Stratford upon Avon"), never first or last.
_PARTICLE = r"(?:de|del|della|da|do|dos|das|la|le|les|el|al|of|upon|on|sur|am|an|der|den|di|du|y|e|es|en|van|von)"
MAX_WORDS = 7
# ... perhaps with the number of its district: "Lyon 3e", "Paris 11e"
NAME = re.compile(
    rf"{_WORD}(?:[ \t]+(?:{_PARTICLE}[ \t]+)*{_WORD}){{0,{MAX_WORDS - 1}}}(?:[ \t]+[1-9][0-9]?(?:er|e|ème))?"
)
_THE = re.compile(r"(?:the|The)[ \t]+")
_PAREN_OPEN = re.compile(r"[ \t]*\([ \t]*")
_PAREN_CLOSE = re.compile(r"[ \t]*\)")
_INNER_SEP = re.compile(r"[ \t]*(?:,[ \t]*(?:and[ \t]+)?|[ \t]+(?:and|&)[ \t]+)")
# Between two items: a comma or semicolon (then perhaps "and"), or "and" / "&"; a comma may stand before "(" too
# ("Huejotzingo, (Mexico)"), which _item reads.
_SEP = re.compile(r"[ \t]*(?:[,;][ \t]*(?:(?:and|&)[ \t]+)?|[ \t]+(?:and|&)[ \t]+)")
# "Hongcheon-gun in Gangwon-do", "Vinh city in the central province of Nghe An": where an item is, then its name
_IN_REGION = re.compile(r"[ \t]+in[ \t]+(?:the[ \t]+(?:[a-z]+[ \t]+){0,3})?(?=[A-Z])")
_KIND = r"(?:city|town|village|county|district|municipality|province|region|state|prefecture)"
_KIND_AFTER = re.compile(rf"[ \t]+{_KIND}\b")  # "Sa Dec city": the item and what it is
_KIND_OF = re.compile(rf"[ \t]+{_KIND}[ \t]+of[ \t]+(?=[A-Z])")  # "the Delta city of Dong Thap": the region's name
_YEAR_BRACKET = re.compile(r"[ \t]*\((?:19|20)[0-9]{2}\)")  # "Vinh (2020)": the year it joined
_POSSESSOR = re.compile(r".*[’']s[ \t]+")  # "Dong Thap’s Cao Lanh": the city of a province
_DASH = re.compile(r"[ \t]+[-–—][ \t]+.*$")  # "Kara - Commune de Kozah 1": the name is the part before the dash


@cache
def organisation_words() -> frozenset[str]:
    """Words that make a capitalised name an organisation's ("Ministry", "Office"): names_organisation_words.txt."""
    lines = (LOOKUPS / "names_organisation_words.txt").read_text(encoding="utf-8").splitlines()
    return frozenset(ln.strip() for ln in lines if ln.strip() and not ln.startswith("#"))


class Item(NamedTuple):
    name: str  # as written, without "the" and a trailing part after a dash
    start: int
    end: int
    country: str  # the name written in brackets after it ("Portugal"), or the name before its bracket, or ""


class NameList(NamedTuple):
    start: int
    end: int
    items: tuple[Item, ...]
    bulleted: bool  # one item a line, as opposed to a list inside a sentence


def inline_lists(text: str, lo: int, hi: int, places: Iterable[PlaceMention] = ()) -> list[NameList]:
    """Lists of two or more names between ``lo`` and ``hi`` (a sentence). A place the text names is read whole
    ("United Kingdom of Great Britain and Northern Ireland"), so the words of one name never split into two items."""
    spans = {p.start: p.end for p in places if lo <= p.start and p.end <= hi}
    out: list[NameList] = []
    pos = lo
    while pos < hi:
        m = NAME.search(text, pos, hi)
        if not m:
            break
        items, end = _items(text, m.start(), hi, spans)
        if len(items) >= 2:
            out.append(NameList(items[0].start, end, tuple(items), False))
            pos = end
        else:
            pos = m.end()
    return out


_ABBREVIATION = re.compile(r"(?:St|Ste|Ft|Mt|Pt)\.")


def _name_at(text: str, pos: int, hi: int, spans: dict[int, int]) -> tuple[int, int] | None:
    """The name at ``pos``: the longer of a place the text names ("Bosnia and Herzegovina") and a run of capitalised
    words ("Bangkok Office", which is no place); a full stop after it ends the sentence unless it abbreviates."""
    m = NAME.match(text, pos, hi)
    end = m.end() if m else pos
    place_end = spans.get(pos, pos)
    if place_end >= end or not organisation_words() & set(re.findall(r"[\w’'-]+", text[place_end:end])):
        end = max(place_end, end) if place_end == pos else place_end  # "Dublin Learning" is Dublin's
    if end == pos:
        return None
    if text[end - 1] == "." and not _ABBREVIATION.fullmatch(text, text.rfind(" ", pos, end) + 1, end):
        end -= 1
    return pos, end


def _items(text: str, start: int, hi: int, spans: dict[int, int]) -> tuple[list[Item], int]:
    """The items of a list starting at ``start``, and where the last one ends."""
    items: list[Item] = []
    pending = 0  # items read since the last bracket: a bracket's country belongs to all of them
    p = end = start
    while True:
        if t := _THE.match(text, p, hi):
            p = t.end()
        span = _name_at(text, p, hi, spans)
        if span is None:
            break
        s, e = span
        # "Dong Thap’s Cao Lanh city": Cao Lanh, the province read as a place or within the run of names
        if text[e : e + 3] in ("’s ", "'s ") and (owned := _name_at(text, e + 3, hi, spans)):
            s, e = owned
        elif owner := _POSSESSOR.match(text, s, e):
            s = owner.end()
        paren = _bracket(text, e, hi, spans)
        if paren is None:
            items.append(Item(text[s:e], s, e, ""))
            pending += 1
            end = _where(text, e, hi, spans)
        else:
            names, close = paren
            outer = text[s:e]
            if len(names) == 1:  # "Legazpi (the Philippines)": the country of the items since the last bracket
                items.append(Item(outer, s, e, ""))
                pending += 1
                items[-pending:] = [it._replace(country=it.country or names[0][0]) for it in items[-pending:]]
            else:  # "the Netherlands ('s-Hertogenbosch and Groningen)": the bracket holds the items
                items += [Item(n, ns, ne, outer) for n, ns, ne in names]
            pending = 0
            end = close
        p = end
        sep = _SEP.match(text, p, hi)
        if not sep or sep.end() >= hi:
            break
        p = sep.end()
    return items, end


def _where(text: str, e: int, hi: int, spans: dict[int, int]) -> int:
    """The end of what an item's name is followed by that says what and where it is, not another item: "Goseong-gun
    in Gyeongnam", "Vinh city in the central province of Nghe An (2020)", "Sa Dec city in the Delta city of Dong Thap"."""
    if kind := _KIND_AFTER.match(text, e, hi):
        e = kind.end()
    if (where := _IN_REGION.match(text, e, hi)) and (region := _name_at(text, where.end(), hi, spans)):
        e = region[1]
        if (of := _KIND_OF.match(text, e, hi)) and (named := _name_at(text, of.end(), hi, spans)):
            e = named[1]
    if year := _YEAR_BRACKET.match(text, e, hi):
        e = year.end()
    return e


def _bracket(text: str, pos: int, hi: int, spans: dict[int, int]) -> tuple[list[tuple[str, int, int]], int] | None:
    """The names in a bracket right after ``pos`` ("(Portugal)", "(A and B)", ", (Mexico)") and where it closes."""
    p = pos
    if text[p : p + 1] == ",":
        p += 1
    opened = _PAREN_OPEN.match(text, p, hi)
    if not opened:
        return None
    p = opened.end()
    names = []
    while True:
        if t := _THE.match(text, p, hi):
            p = t.end()
        span = _name_at(text, p, hi, spans)
        if span is None:
            return None
        names.append((text[span[0] : span[1]], span[0], span[1]))
        p = span[1]
        if close := _PAREN_CLOSE.match(text, p, hi):
            return names, close.end()
        sep = _INNER_SEP.match(text, p, hi)
        if not sep:
            return None
        p = sep.end()


# One item a line: "- Gulu (Uganda)", "• Derby", "Bouaké (Côte d'Ivoire)", "Australia: Wyndham", "- Cork, Ireland".
_BULLET = re.compile(r"[ \t]*(?:[-•*–·▪◦][ \t]+)?")
_BRACKETED_LINE = re.compile(r"(?P<item>[^()\n:]{2,80}?),?[ \t]*\((?P<paren>[^()\n]{2,80})\)[ \t.;,]*")
_COUNTRY_COLON_LINE = re.compile(r"(?P<paren>[^()\n:]{2,60}):[ \t]*(?P<item>[^()\n:]{2,60}?)[ \t.;,]*")
_PLAIN_LINE = re.compile(r"(?P<item>[^()\n:,.;]{2,60}?)[ \t]*")
# "- Cork, Ireland": a bulleted name and its country after a comma
_COMMA_COUNTRY_LINE = re.compile(r"(?P<item>[^()\n:,.;]{2,60}?),[ \t]*(?P<paren>[^()\n:,.;]{2,60}?)[ \t.;]*")
MAX_HEADING_WORDS = 6  # a line between items that is no item is a heading ("Arab States") if this short
MAX_BULLET_GAP = 2  # headings or blank lines between two items of one list, at most


def bulleted_lists(text: str, is_country: Callable[[str], bool] | None = None) -> list[NameList]:
    """Runs of two or more lines that each hold one name, bracketed or bulleted; short heading lines between items
    ("Asia and the Pacific") do not end a run. With ``is_country``, a line of a name, a comma and a country
    ("Sfax, Tunisia") is an item without a bullet too."""
    out: list[NameList] = []
    run: list[Item] = []
    gap = 0
    pos = 0
    for line in text.splitlines(keepends=True):
        start, pos = pos, pos + len(line)
        body = line.rstrip("\r\n")
        item = _line_item(text, start, body, is_country)
        if item is not None:
            run.append(item)
            gap = 0
            continue
        if not body.strip() or (len(body.split()) <= MAX_HEADING_WORDS and not body.rstrip().endswith((".", ":"))):
            gap += 1
            if gap <= MAX_BULLET_GAP:
                continue
        _close(run, out)
        run, gap = [], 0
    _close(run, out)
    return out


def _close(run: list[Item], out: list[NameList]) -> None:
    if len(run) >= 2:
        out.append(NameList(run[0].start, run[-1].end, tuple(run), True))


def _line_item(text: str, start: int, body: str, is_country: Callable[[str], bool] | None = None) -> Item | None:
    bullet = _BULLET.match(body)
    b = bullet.end() if bullet else 0
    bulleted = b > 0 and body[:b].strip() != ""
    patterns = (_BRACKETED_LINE, _COUNTRY_COLON_LINE) + (
        (_PLAIN_LINE, _COMMA_COUNTRY_LINE) if bulleted else (_COMMA_COUNTRY_LINE,) if is_country else ()
    )
    for pattern in patterns:
        m = pattern.fullmatch(body, b)
        if not m:
            continue
        if pattern is _COMMA_COUNTRY_LINE and not bulleted and not is_country(m.group("paren").strip()):  # type: ignore[misc]
            return None  # "Leeds, February 16": a dateline, not a town and its country
        raw = _DASH.sub("", m.group("item")).strip()
        if not NAME.fullmatch(raw):
            return None
        s = start + m.start("item")
        paren = m.groupdict().get("paren") or ""
        return Item(raw, s, s + len(raw), _THE.sub("", paren.strip(), count=1))
    return None
