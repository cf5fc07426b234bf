"""The events table merged one article at a time is the table merged from every article's events held at once."""

from __future__ import annotations

import gc
import tracemalloc
from collections import Counter, defaultdict

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from etl.model import Event
from etl.schema import TABLE_BY_NAME
from etl.tables import EventMerger, event_id, events_rows

# --- the merge as it was before it was made incremental: every report held, then grouped and merged ----------------

_FIRST_FIELDS = ("edition", "country_iso3", "format")
_COUNTED = ("attendees", "overseas", "countries_represented")


def _whole_events_rows(told):
    by_key = defaultdict(list)
    for aid, events in told:
        for e in events:
            key = e.key or e.name
            clusters = by_key[(key, aid) if e.local else key]
            home = next((c for c in clusters if _same_place(c, e)), None)
            if home is None:
                clusters.append([(aid, e)])
            else:
                home.append((aid, e))
    columns = TABLE_BY_NAME["events"].columns
    order = {aid: i for i, aid in enumerate(dict.fromkeys(aid for cs in by_key.values() for c in cs for aid, _ in c))}
    merged = [
        (key if isinstance(key, str) else key[0], reports) for key, clusters in by_key.items() for reports in clusters
    ]
    merged.sort(key=lambda kr: (min(order[a] for a, _ in kr[1]), kr[1][0][1].position, kr[0]))
    rows = (_merged(key, reports) for key, reports in merged)
    return [tuple(row[c] for c in columns) for row in rows]


def _same_place(reports, e):
    cities = {r.city for _, r in reports if r.city}
    return not e.city or not cities or e.city in cities


def _merged(key, reports):
    first_aid, first = reports[0]
    city = next((e.city for _, e in reports if e.city), "")
    row = {
        "event_id": event_id(key, city, first_aid if first.local else ""),
        "name": max((e.name for _, e in reports), key=len),
        "city": city,
        "article_id": first_aid,
        "article_ids": ";".join(dict.fromkeys(aid for aid, _ in reports)),
        "sentence": first.sentence,
    }
    dated = next((e for _, e in reports if e.date), None)
    row["date"] = dated.date if dated else None
    row["end_date"] = (dated.end_date or dated.date) if dated else None
    for f in _FIRST_FIELDS:
        row[f] = next((v for _, e in reports if (v := getattr(e, f)) not in ("", None)), None)
    if row["country_iso3"] is None:
        row["country_iso3"] = ""
    disputes = []
    for f in _COUNTED:
        said = [(aid, float(v)) for aid, e in reports if (v := getattr(e, f)) is not None]
        values = Counter(v for _, v in said)
        first_at = {}
        for i, (_, v) in enumerate(said):
            first_at.setdefault(v, i)
        row[f] = max(values, key=lambda v: (values[v], -first_at[v])) if said else None
        if len(values) > 1:
            disputes.append(f"{f}: " + "; ".join(f"{v:g} ({aid})" for aid, v in said))
    dates = {e.date for _, e in reports if e.date}
    if len(dates) > 1:
        disputes.insert(0, "date: " + "; ".join(f"{e.date} ({aid})" for aid, e in reports if e.date))
    row["reported"] = " | ".join(disputes) or None
    row["metric_ids"] = ";".join(dict.fromkeys(m for _, e in reports for m in e.figures)) or None
    row["edition"] = int(row["edition"]) if row["edition"] else None
    return row


# --- generated corpora: few names, keys, cities and values, so that reports meet, agree and disagree ---------------

_NAMES = st.sampled_from(
    ["Forum", "World Forum", "Global Meet", "Learning Week", "Conference on Adult Education (ADULTED IV)"]
)
_KEYS = st.sampled_from(["", "forum", "forum-2024", "week"])
_CITIES = st.sampled_from(["", "", "Lima", "Cork", "Hangzhou"])
_DAYS = st.sampled_from(["", "", "2024-03-03", "2024-03-04", "2023-11-30"])
_COUNTS = st.one_of(st.none(), st.sampled_from([0.0, 12.0, 300.0, 300.5, 1e6]))


@st.composite
def _event(draw, aid: str) -> Event:
    figures = draw(st.lists(st.sampled_from([f"{aid}-0001", f"{aid}-0002", f"{aid}-0003"]), max_size=3))
    return Event(
        name=draw(_NAMES),
        date=draw(_DAYS),
        city=draw(_CITIES),
        country_iso3=draw(st.sampled_from(["", "PER", "IRL"])),
        attendees=draw(_COUNTS),
        overseas=draw(_COUNTS),
        countries_represented=draw(_COUNTS),
        format=draw(st.sampled_from(["", "online", "in person"])),
        sentence=draw(st.sampled_from(["It met.", "Delegates came."])),
        key=draw(_KEYS),
        end_date=draw(_DAYS),
        edition=draw(st.one_of(st.none(), st.sampled_from([0, 4, 9]))),
        position=draw(st.integers(0, 3)),
        figures=tuple(figures),
        local=draw(st.booleans()),
    )


@st.composite
def _corpus(draw) -> list[tuple[str, list[Event]]]:
    n = draw(st.integers(0, 12))
    aids = [f"a{i:02d}" for i in range(n)]  # article order
    return [(aid, draw(st.lists(_event(aid), max_size=4))) for aid in aids]


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_corpus())
def test_the_events_merged_one_article_at_a_time_equal_those_merged_whole(told):
    assert events_rows(told) == _whole_events_rows(told)


def test_a_second_host_city_is_another_event_and_a_report_without_one_joins_the_first():
    def e(city: str, attendees: float | None) -> Event:
        return Event("Forum", "", city, "", attendees, None, None, "", "s", key="forum")

    told = [("a", [e("Lima", 10.0)]), ("b", [e("Cork", 20.0)]), ("c", [e("", 30.0)]), ("d", [e("Cork", 20.0)])]
    rows = events_rows(told)
    assert rows == _whole_events_rows(told)
    columns = TABLE_BY_NAME["events"].columns
    got = [dict(zip(columns, row, strict=True)) for row in rows]
    assert [(r["city"], r["article_ids"], r["attendees"]) for r in got] == [
        ("Lima", "a;c", 10.0),  # the first value on a tie
        ("Cork", "b;d", 20.0),
    ]
    assert got[0]["reported"] == "attendees: 10 (a); 30 (c)"


def test_the_merger_keeps_no_articles_events():
    """Each added article's events can be freed at once: only what the rows say of them is held."""
    sentence = "A long sentence that only the first report's row keeps. " * 20

    def article(i: int) -> list[Event]:
        return [
            Event(f"Forum {k}", "", "Lima", "PER", 300.0, None, None, "", sentence + str(i), key=f"f{k}")
            for k in range(5)
        ]

    merger = EventMerger()
    merger.add("a0000", article(0))
    gc.collect()
    tracemalloc.start()
    try:
        before = tracemalloc.get_traced_memory()[0]
        for i in range(1, 2001):
            merger.add(f"a{i:04d}", article(i))
        held = tracemalloc.get_traced_memory()[0] - before
    finally:
        tracemalloc.stop()
    # 10,000 reports of five events, each with a 1.2 KB sentence: about 55 bytes a report are kept (its article's id
    # and the value it states); kept whole, the events would be 15 MB
    assert held < 10_000 * 150, f"{held / 1e6:.2f} MB held for 10,000 reports"
    (row, *_) = merger.rows()
    assert row[TABLE_BY_NAME["events"].columns.index("article_ids")].count(";") == 2000


def test_an_event_whose_name_has_no_word_of_its_own_is_merged_with_no_other_article_s():
    def e(key: str, local: bool, position: int) -> Event:
        return Event(key.title(), "", "", "", 30.0, None, None, "", "s", key=key, local=local, position=position)

    told = [
        ("a", [e("training workshop", True, 0), e("2024 forum world", False, 50)]),
        ("b", [e("training workshop", True, 0), e("2024 forum world", False, 50)]),
    ]
    rows = events_rows(told)
    assert rows == _whole_events_rows(told)
    columns = TABLE_BY_NAME["events"].columns
    got = [dict(zip(columns, row, strict=True)) for row in rows]
    assert [(r["name"], r["article_ids"]) for r in got] == [
        ("Training Workshop", "a"),
        ("2024 Forum World", "a;b"),
        ("Training Workshop", "b"),
    ]
    assert len({r["event_id"] for r in got}) == 3  # one id each, though their words and cities are the same
