"""The seeds against the hand-made answer key: quality floors the ETL must never fall below.

The key is a copy of ../shared/gold/seeds_gold.json kept in tests/corpus/seeds, so that CI runs these tests on a
clean clone; it is used here only to measure.
"""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest

from etl import build

ROOT = Path(__file__).resolve().parents[2]
GOLD_PATH = ROOT / "tests" / "corpus" / "seeds" / "seeds_gold.json"


@pytest.fixture(scope="module")
def gold() -> dict:
    return json.loads(GOLD_PATH.read_text())


@pytest.fixture(scope="module")
def tables(tmp_path_factory) -> dict[str, pd.DataFrame]:
    out = tmp_path_factory.mktemp("data")
    build.run(ROOT / "seeds", out)
    return {
        name: pd.read_csv(out / f"{name}.csv", keep_default_na=False, na_values=[""])
        for name in ("articles", "metrics", "places", "learning_cities", "events")
    }


def _matches(row, g) -> bool:
    return (
        row.article_id[:3] == g["file"]
        and abs(row.value - g["value"]) <= 1e-9 * max(1.0, abs(g["value"]))
        and g["head"] in str(row.unit).lower()
    )


def test_core_figures_are_found_with_their_units(tables, gold):
    core = [g for g in gold["metrics"] if g["core"]]
    metrics = list(tables["metrics"].itertuples())
    missed = [g for g in core if not any(_matches(r, g) for r in metrics)]
    recall = 1 - len(missed) / len(core)
    assert recall >= 0.95, f"recall {recall:.3f}; missed {[(g['file'], g['value'], g['unit']) for g in missed]}"


def test_emitted_figures_are_real_figures(tables, gold):
    metrics = list(tables["metrics"].itertuples())
    assert metrics, "no figures extracted"
    wrong = [r for r in metrics if not any(_matches(r, g) for g in gold["metrics"])]
    precision = 1 - len(wrong) / len(metrics)
    assert precision >= 0.90, (
        f"precision {precision:.3f}; not figures: {[(r.article_id[:3], r.surface) for r in wrong]}"
    )


def test_qualifiers_map_to_bounds(tables):
    m = tables["metrics"]
    expected = {"more than": "at_least", "over": "at_least", "about": "approx", "nearly": "approx"}
    for qualifier, bound in expected.items():
        rows = m[m["qualifier"].str.lower() == qualifier]
        assert len(rows), f"no figure with qualifier {qualifier!r}"
        assert set(rows["bound"]) == {bound}


def test_every_figure_is_traceable_to_its_sentence(tables):
    m = tables["metrics"]
    texts = {
        a.article_id: (ROOT / "seeds" / a.file).read_text(encoding="utf-8-sig") for a in tables["articles"].itertuples()
    }
    for r in m.itertuples():
        text = texts[r.article_id]
        assert text[r.start : r.end] == r.surface
        assert r.surface in r.sentence and r.sentence in text


def _event(events: pd.DataFrame, g: dict) -> pd.Series | None:
    same_day = events[events["date"] == g["date"]]
    for _, row in same_day.iterrows():
        if g["attendees"] is None or row["attendees"] == g["attendees"]:
            return row
    return None


def test_events_with_attendance_come_out_with_their_counts(tables, gold):
    events = tables["events"]
    for g in [g for g in gold["events"] if g["attendees"]]:
        row = _event(events, g)
        assert row is not None, f"event {g['name']!r} on {g['date']} with {g['attendees']} attendees not found"
        assert row["countries_represented"] == g["countries"]
        if g["overseas"]:
            assert row["overseas"] == g["overseas"]
        if g["city"]:
            assert row["city"] == g["city"]


def test_every_dated_event_has_its_iso_date(tables, gold):
    dates = set(tables["events"]["date"].dropna())
    missing = [(g["name"], g["date"]) for g in gold["events"] if g["date"] not in dates]
    assert not missing, f"events missing or misdated: {missing}"


def test_one_event_told_by_several_articles_is_one_row(tables, gold):
    events = tables["events"]
    for g in [g for g in gold["events"] if len(g["files"]) > 1]:
        row = _event(events, g)
        assert row is not None
        assert {a[:3] for a in row["article_ids"].split(";")} >= set(g["files"][:2])
        assert len(events[(events["date"] == g["date"]) & (events["attendees"] == g["attendees"])]) == 1


def test_award_cities_are_learning_cities_geocoded(tables, gold):
    lc = tables["learning_cities"]
    award = [c for c in gold["cities"] if "Global Learning Cities Award" in c["roles"]]
    for c in award:
        rows = lc[(lc["city"] == c["name"]) & lc["recognition"].str.contains("Award")]
        assert len(rows), f"{c['name']} not recorded as an award-winning learning city"
        assert abs(rows.iloc[0]["lat"] - c["lat"]) <= 0.5 and abs(rows.iloc[0]["lon"] - c["lon"]) <= 0.5


def test_cities_districts_and_countries_are_found(tables, gold):
    places = tables["places"]
    for c in gold["cities"]:
        rows = places[(places["name"] == c["name"]) & (places["kind"] == "city")]
        assert len(rows), f"city {c['name']} not found"
        assert abs(rows.iloc[0]["lat"] - c["lat"]) <= 0.5 and abs(rows.iloc[0]["lon"] - c["lon"]) <= 0.5
    districts = set(places[places["kind"] == "district"]["name"])
    assert set(gold["districts"]) <= {d.replace(" District", "") for d in districts}
    names = set(places["name"])
    missing = [n for n in gold["countries_and_regions"] if n not in names]
    assert not missing, f"countries/regions not found: {missing}"
