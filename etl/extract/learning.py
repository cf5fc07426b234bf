"""Find cities named as learning cities, the recognition the text gives them and its kind."""

from __future__ import annotations

import csv
import itertools
import re
from collections.abc import Callable
from collections.abc import Set as AbstractSet
from functools import cache
from pathlib import Path
from typing import NamedTuple

from etl.extract import places as gazetteer
from etl.extract.namelists import Item, NameList, bulleted_lists, inline_lists, organisation_words
from etl.extract.regex import AfterWordBreak, trie
from etl.extract.sentences import sentence_at
from etl.model import LEARNING_KINDS, LearningCity, PlaceMention, Sentence

LOOKUPS = Path(__file__).resolve().parents[1] / "lookups"
PRACTICE = "learning-city practice"
GENERIC = "learning city"  # the recognition of a city the text calls a learning city without naming a network
# Kinds of recognition, from what the recognition is called (see kind_of).
AWARD, NETWORK, NATIONAL, FORUM, DESIGNATED, PRACTICE_KIND = LEARNING_KINDS
# How many sentences back a recognition stays in force for "The winners are ..." sentences.
CARRY_SENTENCES = 2
BULLET_INTRO = 400  # characters before a bulleted list searched for what it lists ("The new members are:")
MIN_PLACE_SHARE = 1 / 3  # of a list's items that must be places or carry a country, for a list of cities
UNKNOWN_PLACE_SHARE = 1 / 2  # of a list's items that must be places for its names no gazetteer knows to count
MAX_TOWN_WORDS = 3
MAX_CITY_WORDS = 5  # words of an unknown name that ends in "City"
# "Three Portuguese cities – A, B and C", "the cities of A, B and C": the list says it names towns
_TOWNS_BEFORE = re.compile(
    r"\b(?:cities|towns|municipalities|counties)(?:\s+(?:of|such\s+as|including|like|are|were|include))?"
    r"\s*[:–—-]?\s*\Z",
    re.IGNORECASE,
)  # an unknown name in a list of towns longer than this is a person or an organisation
_MAX_RECOGNITION_WORDS = 12

# Clauses of a sentence: a city named in one clause gets only what that clause says of it.
# ",\s+(?:and|while|whereas|but)\s+|;\s+|\s+while\s+|\s+whereas\s+", written to start with a set of characters,
# which the regex engine scans for instead of trying the whole regex at every character.
_CLAUSE_BREAK = re.compile(r"[,;\s](?:(?<=,)\s+(?:and|while|whereas|but)\s+|(?<=;)\s+|(?<=\s)\s*(?:while|whereas)\s+)")
# The same in a sentence without "while" or "whereas": then a break starts at a comma or a semicolon, which the engine
# finds far faster than white space.
_CLAUSE_BREAK_PUNCT = re.compile(r",\s+(?:and|while|whereas|but)\s+|;\s+")
# A city followed by a date is a dateline ("Hamburg, 12 September 2024 -"), where the story was written.
_DATELINE = re.compile(r",?\s*(?:\d{1,2}(?:st|nd|rd|th)?\s+[A-Z][a-z]{2,}|[A-Z][a-z]{2,}\.?\s+\d{1,2}\b)")
# Words after a sentence's subject city that show it is not the subject ("Beijing and ...", "Beijing of ...").
_NOT_VERB = frozenset(["and", "or", "of", "in", "to", "for", "with", "from", "at", "on", "by", "as"])
_VERB_AFTER = re.compile(r"\s+([a-z]+)")
# "in Cork", "held in Rosario", "hosted by Suncheon": a place named as where something happens, not as a member.
_HOST_BEFORE = re.compile(r"(?:\b(?:in|at|hosted by|held in|venue|host city|seat)\s+(?:the\s+city\s+of\s+)?)\Z", re.I)
_HOST_REACH = 24
# "120 km northwest of Harare", "a village near Kigali": a place named to say where another is
_BEARING_BEFORE = re.compile(
    r"\b(?:(?:(?:north|south)(?:-?(?:east|west))?|east|west)\s+of|outside(?:\s+of)?|near)\s+(?:the\s+)?\Z",
    re.IGNORECASE,
)


def _office() -> str:
    """A title (places_person_titles.txt, singular or plural) and "of": an office, not a place."""
    titles = sorted(gazetteer.person_titles(), key=len, reverse=True)
    return rf"(?:{'|'.join(re.escape(t) for t in titles)})s?\s+of\s+(?:the\s+)?"


@cache
def _office_before() -> re.Pattern[str]:
    """ "the Mayors of Banjul and Bujumbura", "the Governor of Damietta": cities after an office, each one of a list
    after it, are no learning cities."""
    name = r"[A-Z][\w’'-]*(?:[ \t]+[A-Z][\w’'-]*){0,3}"
    return re.compile(rf"\b{_office()}(?:{name}[ \t]*(?:,[ \t]*(?:and[ \t]+)?|[ \t]and[ \t]+))*\Z")


@cache
def _office_item() -> re.Pattern[str]:
    """A list item that opens with an office ("Mayors of Banjul")."""
    return re.compile(_office())


# "X Learning City", "Learning X": a city named by its learning-city initiative.
_LEARNING_AFTER = re.compile(r"[ \t]+Learning[ \t]+City\b")
_LEARNING_BEFORE = re.compile(r"\bLearning[ \t]+\Z")
# "the UNESCO learning city of Evry-Courcouronnes will host ...": the city the phrase names is one
_LEARNING_CITY_OF = re.compile(r"\blearning[ \t]+city[ \t]+of[ \t]+(?:the[ \t]+)?\Z", re.IGNORECASE)
# "Espoo City – a fine example of a successful Learning City in Finland": what the city is, set beside it
_LEARNING_APPOSED = re.compile(
    r"(?:[ \t]+City)?[ \t]*(?:,|–|—|--?|\()[ \t]*(?:a|an|the|one)\b[^.;:()\n]{0,60}?\blearning[ \t]+city\b",
    re.IGNORECASE,
)
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")


def _rows(name: str) -> list[dict[str, str]]:
    lines = (LOOKUPS / name).read_text(encoding="utf-8").splitlines()
    return list(csv.DictReader(ln for ln in lines if ln.strip() and not ln.startswith("#")))


@cache
def _triggers() -> dict[str, tuple[str, ...]]:
    out: dict[str, list[str]] = {}
    for row in _rows("learning_triggers.csv"):
        out.setdefault(row["kind"].strip(), []).append(row["phrase"].strip())
    return {k: tuple(sorted(v, key=len, reverse=True)) for k, v in out.items()}


class _Words:
    """Whether ``\\b(?:word|...)\\b`` (case-insensitive) matches, found faster.

    A regex that starts with \\b is tried at every character. Before a word that starts with a word character,
    \\b means a character that is not one; it is matched instead: a space, which the regex engine scans for
    alone, or any other, the ASCII ones as a set the engine also scans for, the others ruled out afterwards.
    """

    def __init__(self, words: tuple[str, ...]) -> None:
        alternatives = "|".join(re.escape(w) for w in words)
        self.pattern = re.compile(r"\b(?:" + alternatives + r")\b", re.IGNORECASE) if words else re.compile(r"(?!x)x")
        self._fast = all(re.match(r"\w", w) for w in words) and bool(words)
        # Factored by common prefixes, the words are tried at each place in a step or two, not one by one.
        self._scan = AfterWordBreak(trie(sorted({w.lower() for w in words}), literal=True) + r"\b", ignore_case=True)

    def search(self, text: str, lo: int, hi: int) -> bool:
        """Whether ``self.pattern.search(text, lo, hi)`` finds a word."""
        if not self._fast:
            return bool(self.pattern.search(text, lo, hi))
        if lo <= 0:
            if self._scan.at(text, 0, hi):
                return True
            lo = 1
        return self._scan.after(text, lo - 1, hi)


@cache
def _words(kind: str) -> _Words:
    return _Words(_triggers().get(kind, ()))


@cache
def _head_re() -> re.Pattern[str]:
    """The heads of recognitions ("Learning Cities", "GNLC", "City of Learning"), as written (capitalised)."""
    return re.compile(rf"(?:{trie(list(_triggers().get('recognition', ())), literal=True)})\b")


@cache
def _name_suffixes() -> re.Pattern[str]:
    words = [r["phrase"] for r in _rows("learning_triggers.csv") if r["kind"].strip() == "name_suffix"]
    return re.compile(r"\s+(?:" + "|".join(map(re.escape, words)) + r")\Z") if words else re.compile(r"(?!x)x")


# --- recognitions ---------------------------------------------------------------------------------------------------


class Recognition(NamedTuple):
    start: int
    name: str
    kind: str


_CAP_WORD = re.compile(r"[A-Z][\w'’+-]*|(?:19|20)\d\d")
_JOINERS = frozenset({"of", "for", "on", "the", "and", "in"})
_RIGHT_WORD = re.compile(r"[ \t]+([A-Z][\w'’+-]*|\(?(?:19|20)\d\d\)?)")
_LEFT_WORDS = re.compile(r"[\w'’+-]+")


def recognitions(text: str, lo: int, hi: int) -> list[Recognition]:
    """Awards, networks and forums named between lo and hi, each the capitalised name around a head
    ("UNESCO Global Network of Learning Cities", "Learning City Award 2017"), with its kind."""
    out: list[Recognition] = []
    for m in _head_re().finditer(text, lo, hi):
        start = _extend_left(text, m.start(), lo)
        end = m.end()
        for _ in range(_MAX_RECOGNITION_WORDS):
            r = _RIGHT_WORD.match(text, end, hi)
            if not r:
                break
            end = r.end()
        # no article, joiner or possessive opens the name ("to Its Global Network of Learning Cities" in a headline)
        name = re.sub(r"^(?:The|the|of|for|on|Its|Their|Our)\s+", "", " ".join(text[start:end].split())).strip(" ()")
        if out and start < out[-1].start + len(out[-1].name):
            continue  # the same name, found again by a later head inside it
        out.append(Recognition(start, name, kind_of(name)))
    return out


def _extend_left(text: str, head: int, lo: int) -> int:
    """Start of the capitalised words (and joiners between them) written before a recognition's head."""
    start = head
    words = 0
    pos = head
    while words < _MAX_RECOGNITION_WORDS:
        seg = text[max(lo, pos - 40) : pos]
        stripped = seg.rstrip(" \t")
        if len(stripped) == len(seg) or not stripped:
            break  # no blank before: the head opens a word run or the text
        words_before = _LEFT_WORDS.findall(stripped)
        if not words_before:
            break
        w = words_before[-1]
        if not stripped.endswith(w):
            break
        wpos = pos - (len(seg) - len(stripped)) - len(w)
        if w[0].isupper():
            start = wpos
        elif w.lower() not in _JOINERS or (start != head and w.lower() == "the"):
            break
        pos = wpos
        words += 1
    # a joiner cannot open the name ("of Learning Cities")
    return start


def kind_of(recognition: str) -> str:
    """The kind of a recognition from its name: an award, a forum, a national network, UNESCO's network."""
    low = recognition.lower()
    if "award" in low or "prize" in low:
        return AWARD
    if any(w in low for w in ("forum", "conference", "congress", "summit", "festival", "meeting")):
        return FORUM
    if "unesco" in low or "global" in low or "gnlc" in low:
        return NETWORK
    if "network" in low:
        return NATIONAL
    return DESIGNATED


# --- the reader -----------------------------------------------------------------------------------------------------


def extract_learning_cities(text: str, sentences: list[Sentence], places: list[PlaceMention]) -> list[LearningCity]:
    """Cities the text names as award winners, network members, forum participants or cases of learning-city
    practice."""
    try:
        return _Reader(text, sentences, places).read()
    except Exception:  # a missed learning city must never lose the article
        return []


class _Reader:
    def __init__(self, text: str, sentences: list[Sentence], places: list[PlaceMention]) -> None:
        self.text = text
        self.sentences = sentences
        self.places = places
        self.cities = [p for p in places if p.kind in ("city", "district") or _local_government(p)]
        self.by_start = {p.start: p for p in places}
        self.found: dict[tuple[str, str], LearningCity] = {}
        self.recognised: set[tuple[str, str]] = set()  # (city, sentence) of every recognition read, kept or not
        self.kinds: set[tuple[str, str, str]] = set()  # (city, sentence, kind) of every recognition kept
        self.topic = bool(sentences) and _words("strong").search(text, 0, len(text))
        # Searched once in the whole text, so that most articles skip the search in each sentence.
        self.headed = _head_re().search(text) is not None

    def add(self, city: PlaceMention | None, name: str, iso3: str, rec: Recognition, sentence: str) -> None:
        name = city.name if city else name
        # one sentence gives a city one recognition of a kind ("UNESCO GNLC" and "GNLC" in one sentence are one)
        self.recognised.add((name, sentence))
        if (name, rec.name) in self.found or (name, sentence, rec.kind) in self.kinds:
            return
        self.kinds.add((name, sentence, rec.kind))
        lat, lon = (city.lat, city.lon) if city else (None, None)
        self.found[(name, rec.name)] = LearningCity(
            name, city.country_iso3 if city else iso3, lat, lon, rec.name, sentence, rec.kind
        )

    def read(self) -> list[LearningCity]:
        if not self.sentences:
            return []
        if self.topic:
            self._lists()
        if self.cities:
            self._clauses()
            # a sentence that gives a city a recognition (even one an earlier sentence gave) does not also make it a
            # case of practice
            _practice(self.text, self.sentences, self.cities, self._add_practice, self.recognised)
        return list(self.found.values())

    def _add_practice(self, city: PlaceMention, recognition: str, sentence: Sentence) -> None:
        self.add(city, city.name, city.country_iso3, Recognition(city.start, recognition, PRACTICE_KIND), sentence.text)

    # Lists ------------------------------------------------------------------------------------------------------

    def _lists(self) -> None:
        text = self.text
        recent: list[tuple[int, Recognition]] = []
        article_recs = recognitions(text, 0, len(text))
        for si, sent in enumerate(self.sentences):
            recs = self._recognitions(sent)
            if recs:
                recent = [*recent, *((si, r) for r in recs)][-8:]
            if not (
                recs
                or _words("member").search(text, sent.start, sent.end)
                or (self.topic and _words("strong").search(text, sent.start, sent.end))
            ):
                continue
            if _words("candidate").search(text, sent.start, sent.end):
                continue  # "Thrissur and Nilambur have been recommended for inclusion": candidates, not members
            for lst in inline_lists(text, sent.start, sent.end, self.places):
                if self._hosted(lst.start) or _office_item().match(lst.items[0].name if lst.items else ""):
                    continue  # "... attended by the Mayors of Banjul and Bujumbura": the whole list is of offices
                rec = _choose(recs, [r for k, r in recent if si - k <= CARRY_SENTENCES], article_recs, text, sent)
                self._take(lst, rec, sent.text)
        for lst in bulleted_lists(text, lambda name: bool(_country(name))):
            intro_lo = max(0, lst.start - BULLET_INTRO)
            if not (_words("member").search(text, intro_lo, lst.start) or _head_re().search(text, intro_lo, lst.start)):
                continue
            around = sentence_at(self.sentences, lst.start)
            before = recognitions(text, intro_lo, lst.start)
            rec = _choose(before, [], article_recs, text, around)
            self._take(lst, rec, text[intro_lo : lst.end] if around is None else around.text)

    def _dateline_item(self, item: Item) -> bool:
        """The item is an ALL-CAPS dateline's city, opening its line ("MANILA, Philippines — ...")."""
        line_start = self.text.rfind("\n", 0, item.start) + 1
        return item.name.isupper() and not self.text[line_start : item.start].strip()

    def _recognitions(self, sent: Sentence) -> list[Recognition]:
        """The recognitions a sentence names, where it names a learning-city phrase."""
        text = self.text
        if not self.headed or not _head_re().search(text, sent.start, sent.end):
            return []
        return recognitions(text, sent.start, sent.end)

    def _hosted(self, start: int) -> bool:
        before = max(0, start - _HOST_REACH)
        return bool(
            _HOST_BEFORE.search(self.text, before, start)
            or _BEARING_BEFORE.search(self.text, before, start)
            or _office_before().search(self.text, max(0, start - 80), start)
        )

    def _take(self, lst: NameList, rec: Recognition, sentence: str) -> None:
        # "Leeds, February 16": a dateline, not a list; "In Kenya, Makueni County is ...": a phrase, not an item
        items = [
            i
            for i in map(_without_conjunction, lst.items)
            if not _CALENDAR.fullmatch(i.name)
            and not _DATELINE.match(self.text, i.end)
            and not (_PREPOSITION_FIRST.match(i.name) and not gazetteer.known(i.name))
            and not (_CITY_WORD_AFTER.match(self.text, i.end) and not gazetteer.known(i.name))
            and not self._dateline_item(i)
            and not _head_re().fullmatch(i.name)  # "to become a Learning City, Lowell ...": the recognition itself
        ]
        if len(items) < 2 and not lst.bulleted:
            return
        if not lst.bulleted and _SAID_AFTER.match(self.text, lst.end):
            return  # "Eimear Brophy, Limerick and Clare Education and Training Board, ..., said:": who speaks
        lst = lst._replace(items=tuple(items))
        resolved = [self._resolve(item) for item in lst.items]
        cities = [r for r in resolved if r is not None]
        placed = sum(1 for r in cities if r[0] is not None or r[2])
        if not cities or placed < MIN_PLACE_SHARE * len(lst.items):
            return  # "Mobile Learning, Content Development and ...": not a list of cities
        # A name the gazetteer does not know, in a list without brackets, must look like a town's name, in a list
        # that is mostly of places: "the Mayor of Leeds City Council, Anne Smith, ..." lists people.
        mostly_places = placed >= UNKNOWN_PLACE_SHARE * len(lst.items) or bool(
            _TOWNS_BEFORE.search(self.text, max(0, lst.start - 40), lst.start)
        )
        for city, name, iso3 in cities:
            if city is None and not iso3 and not lst.bulleted and not (mostly_places and _looks_like_town(name)):
                continue
            if city is None and _office_item().match(name):
                continue  # "the Mayors of Banjul and Bujumbura": an office, named by its city
            self.add(city, name, iso3, rec, sentence)

    def _resolve(self, item: Item) -> tuple[PlaceMention | None, str, str] | None:
        """The city an item names, or None when it names a country or region; a name the gazetteer does not know
        is kept as written, with the country its bracket names."""
        mention = self.by_start.get(item.start)
        country = _country(item.country)
        if mention is not None and mention.end == item.end and mention.kind in ("country", "region"):
            if item.country and not country:  # "Poland (Gdynia)": the bracket holds the city
                return self._named(item.country, mention.country_iso3)
            return None
        if mention is not None and mention.kind in ("city", "district") and mention.end >= item.end - 1:
            return mention, mention.name, mention.country_iso3
        return self._named(item.name, country)

    def _named(self, name: str, iso3: str) -> tuple[PlaceMention | None, str, str] | None:
        name = _name_suffixes().sub("", name).strip()
        entry = gazetteer.locate(name, iso3)
        if entry is not None and entry.kind in ("country", "region"):
            return None
        if entry is not None:
            shown = name if entry.as_written else entry.name
            mention = PlaceMention(shown, entry.kind, entry.iso3, entry.lat, entry.lon, 0, 0, name)
            return mention, shown, entry.iso3
        return None, name, iso3

    # Cities in sentences of their own ------------------------------------------------------------------------

    def _clauses(self) -> None:
        text = self.text
        recent: list[tuple[int, Recognition]] = []
        carry, candidate = _words("carry"), _words("candidate")
        ci = 0
        subject: PlaceMention | None = None  # the city the sentence before opens with
        for si, sent in enumerate(self.sentences):
            while ci < len(self.cities) and self.cities[ci].start < sent.start:
                ci += 1
            stop = ci
            while stop < len(self.cities) and self.cities[stop].end <= sent.end:
                stop += 1
            in_sent = self.cities[ci:stop]
            recs = self._recognitions(sent)
            for city in in_sent:  # "Dublin Learning City", "Learning Limerick"
                if (
                    _LEARNING_AFTER.match(text, city.end)
                    or _LEARNING_BEFORE.search(text, city.start - 10, city.start)
                    or _LEARNING_CITY_OF.search(text, max(0, city.start - 24), city.start)
                    or _LEARNING_APPOSED.match(text, city.end, sent.end)
                ):
                    rec = min(recs, key=lambda r: abs(r.start - city.start)) if recs else None
                    self.add(city, city.name, city.country_iso3, rec or _generic(city.start), sent.text)
            lately = [r for k, r in recent if si - k <= CARRY_SENTENCES][-1:]
            # "City of Wolverhampton has hit a milestone ... It has been officially accepted into the UNESCO Global
            # Network of Learning Cities": "it" is the city the sentence before opens with
            if (
                not in_sent
                and subject is not None
                and recs
                and _IT_OPENS.match(text, sent.start)
                and carry.search(text, sent.start, sent.end)
            ):
                rec = min(recs, key=lambda r: r.start)
                self.add(subject, subject.name, subject.country_iso3, rec, sent.text)
            subject = next((c for c in in_sent if _opens_with(text, sent, c)), None)
            # Only a sentence that names a recognition, or follows one that does, can give one.
            for lo, hi in _clauses(text, sent) if in_sent and (recs or lately) else ():
                # A recognition goes to cities only where the clause says they won, joined or took part in it,
                # not where it says an award ceremony was held in a city.
                if not carry.search(text, lo, hi) or candidate.search(text, lo, hi):
                    continue  # "have been recommended for inclusion among ...": proposed, not yet recognised
                clause_cities = [
                    c
                    for c in in_sent
                    if lo <= c.start < hi and not self._hosted(c.start) and not _names_a_meeting().match(text, c.end)
                ]
                if not clause_cities:
                    continue
                # a clause that names none takes the one an earlier clause of the sentence names ("A and B (joining
                # the GNLC in 2015), and C and D (joining in 2020)")
                clause_recs = (
                    [r for r in recs if lo <= r.start < hi] or [r for r in recs if r.start < lo][-1:] or lately
                )
                for city in clause_cities:
                    if clause_recs and not _DATELINE.match(text, city.end) and not _filed_from(text, city):
                        rec = min(clause_recs, key=lambda r: abs(r.start - city.start))
                        self.add(city, city.name, city.country_iso3, rec, sent.text)
            if recs:
                recent = [*recent, *((si, r) for r in recs)][-8:]


_CALENDAR = re.compile(
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?"
    r"|Nov(?:ember)?|Dec(?:ember)?|Mon(?:day)?|Tue(?:s|sday)?|Wed(?:nesday)?|Thu(?:rs|rsday)?|Fri(?:day)?"
    r"|Sat(?:urday)?|Sun(?:day)?)\.?"
)


@cache
def _names_a_meeting() -> re.Pattern[str]:
    """A city that opens a meeting's name hosts the meeting, which makes it no learning city: "after a member
    attended the Gothenburg OECD Conference on Educating Cities" (matched right after the city)."""
    heads = trie(list(_triggers().get("meeting", ())), literal=True)
    return re.compile(r"(?:[ \t]+[A-Z][\w’'&-]*){0,4}?[ \t]+(?:" + heads + r")\b")


# "LIMA:", "NAIROBI, Kenya —" opening a line: where the story was filed
_CAPS_DATELINE_AFTER = re.compile(r"(?:[ \t]*,[ \t]*[A-Z][\w’'. ]{1,30})?[ \t]*(?::|—|–|--?[ \t]|\()")


def _filed_from(text: str, city: PlaceMention) -> bool:
    """The city is an ALL-CAPS dateline's, at the start of a line (perhaps after a labelled date)."""
    if not city.surface.isupper():
        return False
    line_start = text.rfind("\n", 0, city.start) + 1
    before = text[line_start : city.start].strip()
    return (not before or before.startswith("date ")) and bool(_CAPS_DATELINE_AFTER.match(text, city.end))


def _looks_like_town(name: str) -> bool:
    """Not a month or day ("February"), not a person's long name nor an organisation's ("Ministry of Education")."""
    words = name.split()
    # a name that ends in "City" says it is one, however long ("King Abdullah Economic City")
    short = len(words) <= MAX_TOWN_WORDS or (words[-1] == "City" and len(words) <= MAX_CITY_WORDS)
    return short and not _CALENDAR.fullmatch(name) and not set(words) & organisation_words()


# A speaker's name and titles before "said": "X, Y and Z Education and Training Board, and Chair of ..., said:"
_SAID_AFTER = re.compile(r"[^.;:!?“”\"\n]{0,160}?,?[ \t]+said\b")

# "the first Belarusian city, Vitebsk": a word before "city" that names no place describes it
_CITY_WORD_AFTER = re.compile(r"[ \t]+(?:city|cities|town|towns|municipality)\b")

# A conjunction that opens a sentence is no part of the first name after it: "When Derry and Strabane joined ..."
_CONJUNCTION_FIRST = re.compile(r"(?:When|After|Before|Since|While|Once|Although|Though|Until|Because)[ \t]+(?=[A-Z])")


def _without_conjunction(item: Item) -> Item:
    if (m := _CONJUNCTION_FIRST.match(item.name)) is None or gazetteer.known(item.name):
        return item
    return item._replace(name=item.name[m.end() :], start=item.start + m.end())


# A list item that opens with a preposition is a phrase leading into the sentence ("In Kenya, ...")
_PREPOSITION_FIRST = re.compile(r"(?:In|At|On|From|For|With|By|Across|Throughout|Like)[ \t]")

# A county or municipality written as such is a local government, which a network admits as a learning city
# ("Makueni County is among over 350 learning cities"), though the gazetteer files it as a province.
_LOCAL_GOVERNMENT = re.compile(r"[ \t](?:County|Municipality|Province)\Z")


def _local_government(p: PlaceMention) -> bool:
    return p.kind == "province" and _LOCAL_GOVERNMENT.search(p.surface) is not None


def _generic(start: int) -> Recognition:
    return Recognition(start, GENERIC, DESIGNATED)


def _choose(
    here: list[Recognition], recent: list[Recognition], article: list[Recognition], text: str, sent: Sentence | None
) -> Recognition:
    """The recognition a list of cities gets: one named in its sentence, else lately, else the article's most named;
    an award where the sentence speaks of awards ("The 2017 awardees are: ...")."""
    awardish = sent is not None and _words("award").search(text, sent.start, sent.end)
    for pool in (here, recent, article):
        if not pool:
            continue
        if awardish and (awards := [r for r in pool if r.kind == AWARD]):
            return _with_year(awards[-1], text, sent)
        counts: dict[str, int] = {}
        for r in pool:
            counts[r.name] = counts.get(r.name, 0) + 1
        best = max(pool, key=lambda r: (counts[r.name], r.kind != FORUM))
        return best
    return _generic(sent.start if sent else 0)


def _with_year(rec: Recognition, text: str, sent: Sentence | None) -> Recognition:
    """An award named without its year takes the one its list's sentence gives ("The 2017 awardees are")."""
    if _YEAR.search(rec.name) or sent is None:
        return rec
    year = _YEAR.search(text, sent.start, sent.end)
    return rec._replace(name=f"{rec.name} {year.group()}") if year else rec


def _country(name: str) -> str:
    """The ISO code of a country named in a bracket ("Republic of Korea", "the Philippines"), or ""."""
    if not name:
        return ""
    entry = gazetteer.locate(name, "")
    return entry.iso3 if entry is not None and entry.kind == "country" else ""


def _clauses(text: str, sent: Sentence) -> list[tuple[int, int]]:
    bounds = [sent.start]
    words = text.find("while", sent.start, sent.end) >= 0 or text.find("whereas", sent.start, sent.end) >= 0
    for m in (_CLAUSE_BREAK if words else _CLAUSE_BREAK_PUNCT).finditer(text, sent.start, sent.end):
        bounds.append(m.end())
    bounds.append(sent.end)
    return list(itertools.pairwise(bounds))


def _practice(
    text: str,
    sentences: list[Sentence],
    cities: list[PlaceMention],
    add: Callable[[PlaceMention, str, Sentence], None],
    recognised: AbstractSet[tuple[str, str]] = frozenset(),
) -> None:
    """A city that is the subject of a sentence in a paragraph about building learning cities or a learning society."""
    topic = _words("topic")
    on_topic: dict[int, bool] = {}  # paragraph start -> whether it is about learning cities
    for city in cities:
        if city.kind != "city":
            continue
        lo = text.rfind("\n", 0, city.start) + 1
        if lo not in on_topic:
            hi = text.find("\n", city.end)
            on_topic[lo] = bool(topic.search(text, lo, hi if hi >= 0 else len(text)))
        if not on_topic[lo]:
            continue
        sent = sentence_at(sentences, city.start)
        if sent and (city.name, sent.text) not in recognised and _is_subject(text, sent, city):
            add(city, PRACTICE, sent)


_IT_OPENS = re.compile(r"It[ \t]+(?:has|had|was|is|became|joined)\b")
_CITY_OF_BEFORE = re.compile(r"(?:(?:The|the)[ \t]+)?(?:City|Town|Municipality)[ \t]+of[ \t]*\Z")


def _opens_with(text: str, sent: Sentence, city: PlaceMention) -> bool:
    """The sentence opens with the city ("Wolverhampton has ...", "City of Wolverhampton has ...")."""
    before = text[sent.start : city.start]
    return (not before.strip() or bool(_CITY_OF_BEFORE.fullmatch(before))) and _verb_follows(text, city)


def _is_subject(text: str, sent: Sentence, city: PlaceMention) -> bool:
    """The city opens its sentence or a clause after a comma and a verb-like lower-case word follows it."""
    before = text[sent.start : city.start].rstrip()
    return (not before or before.endswith(",")) and _verb_follows(text, city)


def _verb_follows(text: str, city: PlaceMention) -> bool:
    m = _VERB_AFTER.match(text[city.end : city.end + 30])
    return m is not None and m.group(1) not in _NOT_VERB
