"""Typed records that flow from the extractors into the tables."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import NamedTuple

# The records made many times per article (sentences, figures, place mentions) are named tuples: immutable like
# the frozen dataclasses below, and three to five times cheaper to create.


class Sentence(NamedTuple):
    """A sentence as a span of the article text."""

    start: int
    end: int
    text: str


class Metric(NamedTuple):
    """One figure of the text with its unit and where it was said."""

    value: float
    unit: str  # the counted noun phrase as written ("countries and regions")
    qualifier: str  # "more than", "about", ... or ""
    bound: str  # exact | at_least | approx | at_most
    category: str  # people, courses, places, resources, percent, distance, rank, duration, ...
    surface: str  # exact text span, text[start:end]
    start: int
    end: int
    sentence: str
    subject: str = ""  # what the figure is about
    place: str = ""  # a named place the figure belongs to
    change: str = ""  # increase | decrease when the figure states a change ("down 1 point"; a decrease is negative)


class PlaceMention(NamedTuple):
    """One mention of a place in the text, already geocoded."""

    name: str  # canonical name ("Macao", "Southeast Asia")
    kind: str  # city | district | province | country | region
    country_iso3: str  # "" for regions spanning several countries
    lat: float | None  # None for a place the gazetteer does not know ("in Suncheon (Republic of Korea)")
    lon: float | None
    start: int
    end: int
    surface: str  # text[start:end] ("Macau", "Southeast Asian")


# What a learning city's recognition is (learning_cities.kind).
LEARNING_KINDS = (
    "award winner",
    "network member",
    "national network member",
    "forum participant",
    "designated learning city",
    "practice",
)


@dataclass(frozen=True)
class LearningCity:
    city: str
    country_iso3: str
    lat: float | None  # None for a member the gazetteer does not know ("Helao Nafidi (Namibia)")
    lon: float | None
    recognition: str  # as written, e.g. "UNESCO Learning City Award 2017", "learning-city practice"
    sentence: str
    kind: str = "designated learning city"  # one of LEARNING_KINDS


@dataclass(frozen=True, slots=True)  # slots: a build holds every article's events to merge them
class Event:
    name: str
    date: str  # ISO yyyy-mm-dd or ""
    city: str
    country_iso3: str
    attendees: float | None
    overseas: float | None
    countries_represented: float | None
    format: str  # in person | online | hybrid | ""
    sentence: str
    key: str = ""  # normalised identity used to merge one event told by several articles
    end_date: str = ""  # ISO date of its last day, when the text gives a span ("18 to 20 September")
    edition: int | None = None  # its ordinal when the text gives one ("the 9th edition", "Seventh")
    position: int = 0  # where the article first names it: rows follow the articles' order
    # where the figures of its attendance, overseas guests and countries start in the text (metric start offsets);
    # etl.tables turns them into metric ids, so an event links to the figures it was read from
    figure_starts: tuple[int, ...] = ()
    figures: tuple[str, ...] = ()  # those metric ids, set by etl.tables.linked_events
    # its name has no word of its own ("training workshop", "second webinar"): another article's event of the same
    # words is another event, so the events table never merges it with one
    local: bool = False


@dataclass(frozen=True)
class ArticleMeta:
    title: str
    published: str  # ISO date or ""
    source: str
    url: str = ""  # the original's address (http or https), from the article's Source line


@dataclass
class ArticleResult:
    """Everything extracted from one article; cached by content hash."""

    meta: ArticleMeta
    metrics: list[Metric] = field(default_factory=list)
    places: list[PlaceMention] = field(default_factory=list)
    learning_cities: list[LearningCity] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)


Rows = dict[str, list[tuple]]  # table name -> rows, each a tuple in the contract's column order
Result = tuple[Rows, tuple[Event, ...]]  # what reading one article gives: its rows and its events


class Fragment(NamedTuple):
    """One article's share of the tables, already checked against the contract: the unit the cache keeps.

    Plain tuples, strings and bytes, because thousands of them are unpickled on every re-run.
    """

    article: tuple  # its row of the articles table
    events: tuple[Event, ...]  # merged with other articles' reports of the same event when tables are assembled
    csv: tuple[bytes, ...]  # its rows of each per-article table (metrics, places, learning_cities) as UTF-8 CSV
    counts: tuple[int, ...]  # how many rows each of those holds
