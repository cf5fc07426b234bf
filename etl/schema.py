"""The data contract: one description of every table, used to check frames and to write datapackage.json."""

from __future__ import annotations

import contextlib
import hashlib
import sys
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from functools import cache
from typing import Any

import pandas as pd
import pandera.pandas as pa

from etl.errors import ContractError  # re-exported: the contract and its error
from etl.model import LEARNING_KINDS

BOUNDS = ("exact", "at_least", "approx", "at_most")
PLACE_KINDS = ("city", "district", "province", "country", "region")
FORMATS = ("in person", "online", "hybrid")
CHANGES = ("increase", "decrease")


@dataclass(frozen=True)
class Field:
    name: str
    type: str  # frictionless type: string, integer, number, date
    description: str
    required: bool = False
    enum: tuple[str, ...] = ()
    minimum: float | None = None
    maximum: float | None = None
    pattern: str = ""


@dataclass(frozen=True)
class Table:
    name: str
    description: str
    fields: tuple[Field, ...]
    primary_key: tuple[str, ...] = ()
    foreign_keys: tuple[dict[str, Any], ...] = field(default_factory=tuple)

    @property
    def columns(self) -> list[str]:
        return [f.name for f in self.fields]


_ARTICLE_FK = ({"fields": "article_id", "reference": {"resource": "articles", "fields": "article_id"}},)
_SENTENCE = Field("sentence", "string", "The sentence of the article the row was read from.", required=True)
_ARTICLE = Field("article_id", "string", "Article the row comes from (file stem).", required=True)
_LAT = Field("lat", "number", "Latitude, WGS84 degrees.", minimum=-90, maximum=90)
_LON = Field("lon", "number", "Longitude, WGS84 degrees.", minimum=-180, maximum=180)
_ISO3 = Field(
    "country_iso3", "string", "ISO 3166-1 alpha-3 code; empty for multi-country regions.", pattern=r"(?:[A-Z]{3})?"
)

TABLES: tuple[Table, ...] = (
    Table(
        "articles",
        "One row per article read from the seeds folder.",
        (
            Field("article_id", "string", "File stem, unique per article.", required=True),
            Field("file", "string", "File name inside the seeds folder.", required=True),
            Field("title", "string", "Headline: the first line of the article that reads as a title."),
            Field("published", "date", "Publication date, when the text states one."),
            Field("source", "string", "Publisher or source named in the text (dateline or 'Source:' line)."),
            Field(
                "url",
                "string",
                "Address of the original article (http or https), from its 'Source:' line; a bare www. address "
                "gets https://.",
                pattern=r"https?://[^\s\"'<>]+",
            ),
            Field("n_chars", "integer", "Length of the decoded text in characters.", required=True, minimum=1),
            Field("sha256", "string", "SHA-256 of the raw file bytes.", required=True, pattern="[0-9a-f]{64}"),
            Field("encoding", "string", "Text encoding the file was read with."),
            Field("n_metrics", "integer", "Figures extracted from the article.", minimum=0),
            Field("n_places", "integer", "Distinct places named in the article.", minimum=0),
        ),
        primary_key=("article_id",),
    ),
    Table(
        "metrics",
        "One row per figure stated in an article, with its unit and source sentence.",
        (
            Field("metric_id", "string", "article_id and a running number.", required=True),
            _ARTICLE,
            Field(
                "value",
                "number",
                "The figure with any scale word applied (12.5 billion is 12500000000).",
                required=True,
            ),
            Field(
                "unit", "string", "The counted thing as written ('page views', 'countries and regions').", required=True
            ),
            Field("qualifier", "string", "Words before the number that bound it ('more than', 'about'), or empty."),
            Field("bound", "string", "How the figure bounds the truth.", required=True, enum=BOUNDS),
            Field(
                "change",
                "string",
                "increase or decrease when the figure states a change ('down one percentage point', '10% more'); a "
                "decrease has a negative value. A share of a whole ('a third of the students') is in percent.",
                enum=CHANGES,
            ),
            Field(
                "category",
                "string",
                "Kind of figure: people, courses, places, resources, percent, distance, rank, duration, ...",
                required=True,
            ),
            Field("subject", "string", "What the figure is about (a platform, event, place or organisation)."),
            Field("place", "string", "A named place the figure belongs to, if any."),
            Field("surface", "string", "The exact text span, text[start:end].", required=True),
            _SENTENCE,
            Field("start", "integer", "Character offset where the span starts.", required=True, minimum=0),
            Field("end", "integer", "Character offset where the span ends (exclusive).", required=True, minimum=1),
        ),
        primary_key=("metric_id",),
        foreign_keys=_ARTICLE_FK,
    ),
    Table(
        "places",
        "One row per place per article, geocoded.",
        (
            _ARTICLE,
            Field("name", "string", "Canonical place name.", required=True),
            Field("kind", "string", "city, district, province, country or region.", required=True, enum=PLACE_KINDS),
            _ISO3,
            _LAT,
            _LON,
            Field("mentions", "integer", "How many times the article names the place.", required=True, minimum=1),
        ),
        primary_key=("article_id", "name"),
        foreign_keys=_ARTICLE_FK,
    ),
    Table(
        "learning_cities",
        "Cities named as learning cities: award winners, network members, cases of learning-city practice.",
        (
            Field("city", "string", "City name.", required=True),
            _ISO3,
            _LAT,
            _LON,
            Field(
                "recognition",
                "string",
                "The recognition as the text names it ('UNESCO Learning City Award 2017', 'UNESCO Global Network of "
                "Learning Cities', 'learning-city practice').",
                required=True,
            ),
            Field(
                "kind",
                "string",
                "What the recognition is: an award, membership of UNESCO's or a national network, taking part in a "
                "learning-cities forum, a designation, or a case of learning-city practice.",
                required=True,
                enum=LEARNING_KINDS,
            ),
            _ARTICLE,
            _SENTENCE,
        ),
        primary_key=("city", "recognition", "article_id"),
        foreign_keys=_ARTICLE_FK,
    ),
    Table(
        "events",
        "Conferences, seminars, ceremonies and forums; one row per event even when several articles report it.",
        (
            Field(
                "event_id",
                "string",
                "Stable id from the event's name, edition (year or ordinal) and city: a readable part and a hash.",
                required=True,
            ),
            Field("name", "string", "Event name as written in the text.", required=True),
            Field("date", "date", "ISO date of its first day; a date without a year takes it from the article."),
            Field("end_date", "date", "ISO date of its last day when the text gives a span, else the first day."),
            Field("edition", "integer", "Its ordinal when the text gives one ('9th edition', 'Seventh').", minimum=1),
            Field("city", "string", "Host city, if stated."),
            _ISO3,
            Field("attendees", "number", "Participants stated in the text.", minimum=0),
            Field("overseas", "number", "Overseas or foreign participants.", minimum=0),
            Field("countries_represented", "number", "Countries (and regions) represented.", minimum=0),
            Field("format", "string", "in person, online or hybrid, when stated.", enum=FORMATS),
            Field("article_id", "string", "First article reporting the event (see article_ids).", required=True),
            Field("article_ids", "string", "Every article reporting the event, separated by ';'.", required=True),
            Field(
                "reported",
                "string",
                "Where the articles disagree: every value each reported, with the article ('attendees: 800 (a); 900 "
                "(b)'). The row shows the value most articles report, the first article's on a tie.",
            ),
            Field(
                "metric_ids",
                "string",
                "The figures its attendance, overseas guests and countries were read from, in every article that "
                "reports it: metric_id values of metrics.csv separated by ';' (join them for each figure's sentence).",
            ),
            _SENTENCE,
        ),
        primary_key=("event_id",),
        foreign_keys=_ARTICLE_FK,
    ),
    Table(
        "rejected",
        "Every input file left out of the tables, with the reason: unreadable, or what was read from it breaks the contract.",
        (
            Field("file", "string", "File name inside the seeds folder.", required=True),
            Field("reason", "string", "Why it was left out.", required=True),
        ),
        primary_key=("file",),
    ),
)
TABLE_BY_NAME = {t.name: t for t in TABLES}


_DTYPES = {"string": str, "integer": "int64", "number": "float64", "date": str}


def pandera_schema(table: Table) -> pa.DataFrameSchema:
    """The pandera schema of ``table``: columns in order, types, constraints, primary key."""
    columns = {}
    for f in table.fields:
        checks = []
        if f.enum:
            checks.append(pa.Check.isin(list(f.enum)))
        if f.minimum is not None:
            checks.append(pa.Check.ge(f.minimum))
        if f.maximum is not None:
            checks.append(pa.Check.le(f.maximum))
        if f.pattern:
            checks.append(pa.Check.str_matches(f"^(?:{f.pattern})$"))
        if f.type == "date":
            checks.append(pa.Check.str_matches(r"^\d{4}-\d{2}-\d{2}$"))
        if f.required and f.type == "string":
            checks.append(pa.Check.str_length(min_value=1))
        dtype = "Int64" if f.type == "integer" and not f.required else _DTYPES[f.type]  # pandas' integer with gaps
        columns[f.name] = pa.Column(dtype, checks=checks, nullable=not f.required, coerce=True)
    return pa.DataFrameSchema(
        columns, strict=True, ordered=True, unique=list(table.primary_key) or None, name=table.name
    )


@cache
def _schema(name: str) -> pa.DataFrameSchema:
    return pandera_schema(TABLE_BY_NAME[name])


def check(name: str, frame: pd.DataFrame) -> pd.DataFrame:
    """Validate ``frame`` against table ``name``; raise :class:`ContractError` listing every failure."""
    try:
        with _without_data_synthesis():
            return _schema(name).validate(frame, lazy=True)
    except (pa.errors.SchemaErrors, pa.errors.SchemaError) as exc:
        cases = getattr(exc, "failure_cases", None)
        detail = (
            cases[["column", "check", "failure_case"]].head(8).to_string(index=False) if cases is not None else str(exc)
        )
        failures = (
            tuple(dict.fromkeys(f"{c}: {k}" for c, k in zip(cases["column"], cases["check"], strict=True)))
            if cases is not None
            else (str(exc).splitlines()[0],)
        )
        raise ContractError(f"table {name!r} breaks the data contract:\n{detail}", name, failures) from exc


@contextlib.contextmanager
def _without_data_synthesis() -> Iterator[None]:
    """pandera's first validation imports hypothesis, when installed, for data synthesis, which the ETL never does;
    that is 0.2 s of every run on a development install. Hide it then, unless this process already uses it."""
    if "hypothesis" in sys.modules or "pandera.backends.pandas.builtin_checks" in sys.modules:
        yield
        return
    sys.modules["hypothesis"] = None  # type: ignore[assignment]  # makes `import hypothesis` fail fast
    try:
        yield
    finally:
        if sys.modules.get("hypothesis", False) is None:  # another thread may have ended the same block first
            del sys.modules["hypothesis"]


def table_schema(table: Table) -> dict[str, Any]:
    """The Frictionless Table Schema of ``table``: its fields with types, descriptions and constraints, its keys."""
    schema: dict[str, Any] = {"fields": [], "missingValues": [""]}
    for f in table.fields:
        fd: dict[str, Any] = {"name": f.name, "type": f.type, "description": f.description}
        constraints: dict[str, Any] = {}
        if f.required:
            constraints["required"] = True
        if f.enum:
            constraints["enum"] = list(f.enum)
        if f.minimum is not None:
            constraints["minimum"] = f.minimum
        if f.maximum is not None:
            constraints["maximum"] = f.maximum
        if f.pattern:
            constraints["pattern"] = f.pattern
        if constraints:
            fd["constraints"] = constraints
        schema["fields"].append(fd)
    if table.primary_key:
        schema["primaryKey"] = list(table.primary_key)
    if table.foreign_keys:
        schema["foreignKeys"] = [dict(fk) for fk in table.foreign_keys]
    return schema


def datapackage(
    payloads: Mapping[str, bytes | tuple[int, str]], parquet: Mapping[str, tuple[int, str]] | None = None
) -> dict[str, Any]:
    """The Frictionless Data Package descriptor for the tables, with the size and hash of each file: from its bytes,
    or given as (size, sha256 hex) for a table written to disk as it was built (a large one is never held whole).
    ``parquet``: (size, sha256 hex) of each table's Parquet copy, listed under ``parquet`` (not as resources: the CSV
    files are the published contract; the Parquet files are the same rows for the dashboard's queries)."""
    resources = []
    for table in TABLES:
        schema = table_schema(table)
        data = payloads[table.name]
        size, digest = (len(data), hashlib.sha256(data).hexdigest()) if isinstance(data, bytes) else data
        resources.append(
            {
                "name": table.name,
                "path": f"{table.name}.csv",
                "profile": "tabular-data-resource",
                "description": table.description,
                "format": "csv",
                "mediatype": "text/csv",
                "encoding": "utf-8",
                "bytes": size,
                "hash": "sha256:" + digest,
                "schema": schema,
            }
        )
    package: dict[str, Any] = {
        "name": "digital-education-dashboard",
        "title": "Digital education figures, places and events extracted from news articles",
        "description": "Built by `python -m etl` from the articles in seeds/. Every figure keeps its article, sentence and character offsets.",
        "licenses": [{"name": "CC-BY-4.0", "path": "https://creativecommons.org/licenses/by/4.0/"}],
        "profile": "tabular-data-package",
        "resources": resources,
    }
    if parquet is not None:
        package["parquet"] = [
            {
                "name": table.name,
                "path": f"{table.name}.parquet",
                "format": "parquet",
                "bytes": parquet[table.name][0],
                "hash": "sha256:" + parquet[table.name][1],
                "description": "The same rows as the CSV file, typed by its schema, for the dashboard's queries.",
            }
            for table in TABLES
        ]
    return package
