"""The words events are read by, from the events_* lookup files: one reader, read once."""

from __future__ import annotations

import calendar
import csv
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from etl.extract.regex import AfterWordBreak, WordStarts, trie

LOOKUPS = Path(__file__).resolve().parents[2] / "lookups"


def lines(name: str) -> list[str]:
    """The lines of a lookup file, without comments and blank lines."""
    with open(LOOKUPS / name, encoding="utf-8") as f:
        return [line.strip() for line in f if line.strip() and not line.lstrip().startswith("#")]


def rows(name: str) -> list[dict[str, str]]:
    return list(csv.DictReader(lines(name)))


def _target_year(table: list[dict[str, str]]) -> re.Pattern[str]:
    """A year after a word of ``table``, or before one that may stand on either side; the year is group 1 or 2."""
    before = "|".join(re.escape(r["word"]) for r in table)
    after = "|".join(re.escape(r["word"]) for r in table if r["side"] == "either")
    return re.compile(rf"\b(?:{before})[ \t]+((?:19|20)\d{{2}})\b|\b((?:19|20)\d{{2}})[ \t]+(?:{after})\b")


def phrases(words: list[str], anchor_end: bool = False) -> re.Pattern[str]:
    """One case-insensitive whole-word regex for ``words`` (a trailing * matches any ending); with ``anchor_end``,
    it must end the searched text, perhaps followed by "the"."""
    body = trie(sorted({" ".join(p.lower().split()) for p in words}))
    tail = r"\s+(?:the\s+)?$" if anchor_end else r"(?![\w-])"
    return re.compile(r"(?<![\w-])" + body + tail, re.I)


class Phrases:
    """The whole-word phrases :func:`phrases` finds, found faster.

    A look-behind at the start of a regex makes the engine try it at every character. Here the character before
    a phrase is matched instead: a space, which the engine scans for alone; or any other character that is not
    part of a word, the ASCII ones as a set the engine also scans for, the others ruled out afterwards.
    """

    def __init__(self, words: list[str]) -> None:
        body = "(?:" + trie(sorted({" ".join(p.lower().split()) for p in words})) + r")(?![\w-])"
        self.pattern = phrases(words)
        self._scan = AfterWordBreak(body, also="-", ignore_case=True)

    def in_range(self, text: str, lo: int, hi: int) -> bool:
        """Whether ``self.pattern.search(text, lo, hi)`` finds a phrase (the character before lo counts)."""
        if lo <= 0:
            return self._scan.at(text, 0, hi) or self._scan.after(text, 0, hi)
        return self._scan.after(text, lo - 1, hi)

    def in_slice(self, text: str, lo: int, hi: int) -> bool:
        """Whether ``self.pattern.search(text[lo:hi])`` finds a phrase (a word may start at lo)."""
        if lo < 0 or hi < 0:  # counted from the end of the text
            return bool(self.pattern.search(text[lo:hi]))
        return self._scan.at(text, lo, hi) or self._scan.after(text, lo, hi)


@dataclass(frozen=True)
class Lexicon:
    keyword: re.Pattern[str]
    roles: dict[str, str]  # keyword (singular or plural, lower case) -> name | ambiguous | backref
    titled: frozenset[str]  # backref keywords that head a name when capitalised after name words ("Learning Event")
    singular: frozenset[str]
    stems: tuple[str, ...]  # what every form of each keyword starts with, for a fast search
    keyword_starts: WordStarts  # on the lower-cased text: the keywords no "-" joins to the word before
    backref: re.Pattern[str]
    strong: Phrases
    weak: Phrases
    attend_verb: Phrases
    attend_noun: re.Pattern[str]
    attend_person: re.Pattern[str]
    speaker: re.Pattern[str]  # units of those on the programme ("speakers"): no attendance
    exhibitor: re.Pattern[str]  # units of those who exhibit: no attendance, but their countries count
    countries_unit: re.Pattern[str]
    overseas: re.Pattern[str]
    overseas_joined: re.Pattern[str]
    formats: tuple[tuple[re.Pattern[str], str], ...]
    any_format: Phrases
    stop: frozenset[str]
    not_after: frozenset[str]  # nouns a lower-case event word qualifies ("convention center")
    not_before: frozenset[str]  # words that make the event word a briefing ("press conference")
    generic: frozenset[str]  # name words that say how or at what scale an event is held, not which ("online")
    speech_after: re.Pattern[str]  # a verb of speaking right after a day ("on Wednesday said")
    speech_before: re.Pattern[str]  # a verb of speaking right before a day ("said on Wednesday")
    institution: re.Pattern[str]  # a standing body's name that ends with an event word ("State Assembly")
    calendar: frozenset[str]  # month and weekday names, in lower case
    ordinals: dict[str, int]  # "first" -> 1, "eighteenth" -> 18
    ordinal_before: re.Pattern[str]
    future: Phrases
    host_near: re.Pattern[str]  # "in", only right beside the event's name
    host_far: re.Pattern[str]  # "held in", "hosted by", anywhere in the sentence
    host_verb: re.Pattern[str]  # after a city: "Bogotá will host ..."
    host_any: Phrases  # a multi-word host phrase anywhere ("moving to", "held in")
    host_clause: re.Pattern[str]  # a host verb, then the rest of its clause ("hosted ... by X and Y in")
    host_clause_verbs: tuple[str, ...]  # its verbs in lower case, one blank between words, up to any "*"
    plural_in: re.Pattern[str]  # "four education events in": several events of the article in one place
    plural_after: re.Pattern[str]  # " events", " editions": an event word in the plural right after a name
    edition_scan: re.Pattern[str]  # " edition of ", in lower-cased text: where edition_of may match
    edition_words: tuple[str, ...]  # the first word of each edition_scan phrase, which stands right after its blank
    venue_after: re.Pattern[str]  # a venue's last words after a city ("Denver Convention Center")
    venue_words: frozenset[str]  # every word that ends a venue's name ("Center", "Hotel", "University")
    workplace_words: frozenset[str]  # those that also end an institution's name ("University", "Campus")
    fronted: re.Pattern[str]  # "Held on ... at" opening a sentence: a clause that places its subject, the event
    brings: re.Pattern[str]  # "brought", "draws": a verb that takes those who come, or the event, to a place
    target_year: re.Pattern[str]  # a year the text aims at ("by 2030", "Agenda 2063", "the 2030 Agenda")
    venue_of: re.Pattern[str]  # a venue's name that ends with "of" before its city
    before: re.Pattern[str]
    strong_before: re.Pattern[str]
    current: re.Pattern[str]  # "this year's" right before a name: an edition that takes place now
    staged: re.Pattern[str]  # "organised the" right before a name: someone stages it
    title_after: re.Pattern[str]
    lasting: frozenset[str]  # event words that open a gathering of their own after how long it lasts ("two-day")
    title_before: re.Pattern[str]
    edition_of: re.Pattern[str]


def _stem(word: str, plural: str) -> str:
    """What both forms start with ("ceremon" for ceremony, ceremonies)."""
    n = 0
    while n < min(len(word), len(plural)) and word[n] == plural[n]:
        n += 1
    return word[:n] if plural else word


def _ordinals() -> dict[str, int]:
    """Ordinal words and their numbers, from events_ordinals.txt (first, second, ... in order; a word written with
    its number, "inaugural 1", has that number)."""
    out = {}
    for i, line in enumerate(lines("events_ordinals.txt"), start=1):
        word, _, number = line.partition(" ")
        out[word.lower()] = int(number) if number else i
    return out


@cache
def lexicon() -> Lexicon:
    roles: dict[str, str] = {}
    keywords = rows("events_keywords.csv")
    for row in keywords:
        for w in (row["word"], row["plural"]):
            if w:
                role = row["role"].strip()
                roles[w.strip().lower()] = "backref" if role == "titled" else role
    words = trie(sorted(roles))
    # Only a keyword made of word characters can be a whole run of them.
    whole_words = sorted(w for w in roles if re.fullmatch(r"\w+", w))
    cues = rows("events_cues.csv")
    attendance = rows("events_attendance.csv")
    markers = rows("events_markers.csv")
    overseas = "|".join(re.escape(w) for w in lines("events_overseas.txt"))
    titles = "|".join(re.escape(r["phrase"]) for r in markers if r["role"] == "title")
    # a title in double quotes or guillemets, or in single curly quotes whose closing one is no apostrophe: an
    # apostrophe before a letter stays inside ("‘Empowering Tomorrow’s Educators’")
    title = (
        r"(?:[\"“«]|(?P<single>‘))(?P<title>[A-Z0-9](?:(?(single)(?:[^‘’\n]|’(?=\w))|[^\"“”«»\n])){2,200}?)"
        r"(?(single)’(?!\w)|[\"”»])"
    )
    ordinals = _ordinals()

    def marked(role: str, multiword: bool | None = None) -> list[str]:
        return [
            r["phrase"]
            for r in markers
            if r["role"] == role and (multiword is None or (" " in r["phrase"]) == multiword)
        ]

    # the verbs of the host phrases ("held in" -> "held"): a clause they open may end in the place
    host_verbs = sorted({p.rsplit(" ", 1)[0] for p in marked("host", multiword=True) if p.endswith((" in", " by"))})

    return Lexicon(
        keyword=re.compile(r"(?<![\w-])(?:" + words + r")(?![\w-])", re.I),
        roles=roles,
        titled=frozenset(r["word"].strip().lower() for r in keywords if r["role"].strip() == "titled"),
        singular=frozenset(r["word"].strip().lower() for r in keywords),
        stems=tuple(sorted({_stem(r["word"].strip().lower(), r["plural"].strip().lower()) for r in keywords})),
        keyword_starts=WordStarts(whole_words, tail=r"(?![\w-])", joined_by="-_"),
        backref=re.compile(r"\b(?:the|this|that|these|its)\s+(?:[\w’'-]+\s+){0,2}?(?:" + words + r")\b", re.I),
        strong=Phrases([r["cue"] for r in cues if r["strength"] == "strong"]),
        weak=Phrases([r["cue"] for r in cues if r["strength"] == "weak"]),
        attend_verb=Phrases([r["word"] for r in attendance if r["kind"] == "verb"]),
        attend_noun=phrases([r["word"] for r in attendance if r["kind"] == "noun"]),
        attend_person=phrases([r["word"] for r in attendance if r["kind"] == "person"]),
        speaker=phrases([r["word"] for r in attendance if r["kind"] == "speaker"]),
        exhibitor=phrases([r["word"] for r in attendance if r["kind"] == "exhibitor"]),
        countries_unit=re.compile(r"^(?:[\w’'-]+\s+){0,3}?(?:" + trie(lines("events_countries.txt")) + r")\b", re.I),
        overseas=re.compile(r"\b(?:" + overseas + r")\b", re.I),
        overseas_joined=re.compile(
            r"\b(?:and|&|or)\s+(?:" + overseas + r")\b|\b(?:" + overseas + r")\s+(?:and|&|or)\b", re.I
        ),
        formats=tuple((phrases([r["phrase"]]), r["format"]) for r in rows("events_formats.csv")),
        any_format=Phrases([r["phrase"] for r in rows("events_formats.csv")]),
        stop=frozenset(w.lower() for w in lines("events_stopwords.txt")),
        not_after=frozenset(w.lower() for w in lines("events_not_after.txt")),
        not_before=frozenset(w.lower() for w in lines("events_not_before.txt")),
        generic=frozenset(w.lower() for w in lines("events_generic_words.txt")),
        institution=re.compile(r"(?<![\w-])(?:" + trie(lines("events_institutions.txt")) + r")(?![\w-])", re.I),
        calendar=frozenset(
            [m.lower() for m in calendar.month_name[1:] + calendar.month_abbr[1:] + calendar.day_name[:]] + ["sept"]
        ),
        ordinals=ordinals,
        ordinal_before=re.compile(
            r"(?<![\w-])(" + "|".join(map(re.escape, ordinals)) + r"|\d{1,3}(?:st|nd|rd|th))(?:\s+ever)?\s+$", re.I
        ),
        future=Phrases(marked("future")),
        host_near=phrases(marked("host", multiword=False), anchor_end=True),
        host_far=phrases(marked("host", multiword=True), anchor_end=True),
        host_any=Phrases(marked("host", multiword=True)),
        # the verbs of the host phrases ("held in" -> "held"), then words of their clause up to "in" right before
        # the place: "hosted this year by Alpha University and Beta Labs in Putrajaya"
        plural_in=re.compile(
            r"\b(?:"
            + trie(sorted({r["plural"].strip().lower() for r in keywords if r["plural"].strip()}))
            + r")\s+in\s+\Z",
            re.I,
        ),
        plural_after=re.compile(
            r"[ \t]+(?:"
            + trie(sorted({r["plural"].strip().lower() for r in keywords if r["plural"].strip()} | {"editions"}))
            + r")\b"
        ),
        host_clause=re.compile(
            r"(?<![\w-])(?:"
            + trie(host_verbs)
            # "held ... in the scenic city of Brno", "in the historic town of X": a city or town with its adjectives
            + r")\b[^.;:!?\n]{0,90}?\s(?:in|at)\s+(?:the\s+(?:University|Municipality|(?:[a-z-]+\s+){0,2}?(?:city|town))"
            + r"\s+of\s+)?$"
            # "took place at the National Institute of Ghana, NCR Delhi": a venue, a comma, the city
            + r"|(?<![\w-])(?:"
            + trie(host_verbs)
            + r")\s+(?:in|at)\s+(?:the\s+)?[A-Z][\w’'.]*(?:\s+(?:of\s+)?(?:the\s+)?[A-Z][\w’'.]*){0,5},\s+(?:[A-Z]{2,5}\s+)?$",
            re.I,
        ),
        host_clause_verbs=tuple(" ".join(v.split("*")[0].lower().split()) for v in host_verbs),
        # "at the City University of Hong Kong": a venue named after the city it is in
        venue_of=re.compile(
            r"\bat[ \t]+(?:the[ \t]+)?(?:[A-Z][\w’'-]*[ \t]+){0,3}?(?:"
            + trie(lines("events_venues.txt"), literal=False)
            + r")[ \t]+of[ \t]+(?:the[ \t]+)?\Z"
        ),
        venue_after=re.compile(
            r"[ \t]+(?:[A-Z][\w’'-]*[ \t]+(?:(?:and|&)[ \t]+)?){0,2}?(?:"
            + trie(lines("events_venues.txt"), literal=False)
            + r")\b"
        ),
        venue_words=frozenset(line.split()[-1] for line in lines("events_venues.txt")),
        workplace_words=frozenset(lines("events_workplaces.txt")),
        fronted=re.compile(
            r"(?:"
            + trie(sorted(marked("fronted")))
            + r")[ \t]+(?:on|at|in|from|over|between|inside|during|across|online|virtually)\b",
            re.I,
        ),
        brings=phrases(marked("brings")),
        target_year=_target_year(rows("events_target_years.csv")),
        host_verb=re.compile(r"\s*,?\s*(?:" + trie(sorted(marked("host_verb"))) + r")\b", re.I),
        # "The government on Wednesday said", "announced on Monday that": the day a source spoke, not the event's
        speech_after=re.compile(r"[ \t]*,?[ \t]*(?:" + trie(sorted(marked("speech"))) + r")\b", re.I),
        speech_before=re.compile(r"\b(?:" + trie(sorted(marked("speech"))) + r")[ \t]+(?:on[ \t]+)?\Z", re.I),
        before=phrases(marked("before"), anchor_end=True),
        strong_before=phrases(marked("strong_before"), anchor_end=True),
        current=phrases(marked("current"), anchor_end=True),
        staged=phrases(marked("staged"), anchor_end=True),
        # "a conference: \"Title\"", "Training Workshop in Jordan on “Title”" (a place between the event and its title)
        title_after=re.compile(
            r"\s*[,:]?\s*(?:(?:in[ \t]+[A-Z][\w’'.-]*(?:[ \t]+[A-Z][\w’'.-]*){0,2}[ \t]+)?(?:"
            + titles
            + r")\s+)?"
            + title
        ),
        title_before=re.compile(title + r"\s+$"),
        lasting=frozenset(p.lower() for p in marked("lasting")),
        edition_scan=re.compile(r"\s(?:" + trie(sorted({p.lower() for p in marked("edition")})) + r")\s"),
        edition_words=tuple(sorted({p.lower().split()[0] for p in marked("edition")})),
        edition_of=re.compile(
            r"(?<![\w-])(?P<ord>"
            + "|".join(map(re.escape, ordinals))
            + r"|\d{1,3}(?:st|nd|rd|th))\s+(?:"
            + "|".join(re.escape(p) for p in marked("edition"))
            + r")\s+(?:the\s+)?",
            re.I,
        ),
    )
