"""Regressions for the bugs a review of the extraction work found (2026-12-04), one test each."""

from __future__ import annotations

import importlib
import time

from etl.extract.events import extract_events
from etl.extract.meta import extract_meta
from etl.extract.numbers import extract_metrics
from etl.extract.pipeline import extract_article
from etl.extract.places import extract_places
from etl.extract.sentences import split_sentences
from etl.model import Metric

places = importlib.import_module("etl.extract.places")


def _best_of(n: int, fn) -> float:
    best = float("inf")
    for _ in range(n):
        t = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t)
    return best


def _hyphenated(letters: int) -> str:
    return "-".join("ABCDEFGHIJKLMNOPQRSTUVWXYZ"[:letters]) + " said the World Education Forum opens on 12 May 2024."


def test_a_hyphenated_run_of_capitals_before_a_date_is_read_in_linear_time():
    extract_article(_hyphenated(4))  # warm the lookups
    short = _best_of(3, lambda: extract_article(_hyphenated(6)))
    long = _best_of(3, lambda: extract_article(_hyphenated(26)))  # was 17 s: exponential backtracking
    assert long / short < 20


def _figures_without_units(n: int) -> str:
    return "We saw " + " then ".join(f"{i + 11} z" for i in range(n)) + "."


def test_figures_without_a_unit_in_one_long_sentence_cost_linear_time():
    text_1k, text_8k = _figures_without_units(1000), _figures_without_units(8000)
    small = _best_of(2, lambda: extract_metrics(text_1k, split_sentences(text_1k)))
    large = _best_of(2, lambda: extract_metrics(text_8k, split_sentences(text_8k)))
    assert large / small < 25  # 8 times the text; quadratic was 64 times


def test_a_change_cue_is_found_before_a_letter_whose_lower_case_is_longer():
    text = "Enrolment in İzmir fell by more than 12% last year."
    assert [(m.value, m.change) for m in extract_metrics(text, split_sentences(text))] == [(-12.0, "decrease")]


def test_names_the_gazetteer_does_not_know_are_not_kept_in_its_cache():
    extract_places("A warm-up in Lima.")
    before = len(places._MADE[1])
    for i in range(200):
        extract_places(f"It was in Springfield (Zeta Project number {i:06d} of the West).")
    assert len(places._MADE[1]) - before < 10


def test_a_dateline_with_a_semicolon_gives_its_agency():
    text = "BEIJING; Jan. 30 (Xinhua) -- Ministers met."
    assert extract_meta(text, split_sentences(text)).source == "Xinhua"


def test_an_edition_across_a_line_break_is_read():
    text = "At the ninth edition of\nthe World Education Forum, held on 3 May 2024, ministers met."
    (event,) = extract_events(text, split_sentences(text), [], [], "")
    assert event.edition == 9


def test_a_decimal_point_before_three_digits_is_not_a_thousands_point_when_a_zero_or_a_scale_says_so():
    cases = {
        "Schools had speeds of 0.500 Mbps on average.": [(0.5, "Mbps")],
        "The grant was 1.200 million dollars.": [(1.2e6, "dollars")],
        "It had 1.500 students.": [(1500.0, "students")],  # dots group thousands
    }
    for text, expected in cases.items():
        assert [(m.value, m.unit) for m in extract_metrics(text, split_sentences(text))] == expected, text


def test_people_in_a_sentence_about_an_event_do_not_attend_it_without_a_verb():
    text = "The World Education Forum, held in London on 12 May 2024, heard that 250 million people lack internet."
    start = text.index("250")
    people = Metric(250e6, "people", "", "exact", "people", "250 million", start, start + 11, text)
    (event,) = extract_events(text, split_sentences(text), [people], [], "")
    assert event.attendees is None


def test_a_share_cut_short_by_one_search_window_is_read_whole_from_another():
    # found by the property test test_share_and_rank_search_agree_with_the_plain_patterns (hypothesis, 2026-12-05):
    # "half" opened a window that ended inside "their", and its shorter match of "two-thirds OF" was kept
    import importlib

    shares_mod = importlib.import_module("etl.extract.numbers.shares")
    text = "half their a a a a one one three two-thirds OF their "
    plain = [(m.start(), m.end()) for m in shares_mod._share_re().finditer(text)]
    assert [(m.start(), m.end()) for m in shares_mod._share_matches(text)] == plain == [(33, 53)]
