"""Dates as news writes them: spans of days, and days named relative to the publication date."""

from __future__ import annotations

from datetime import date

import pytest

from etl.extract.dates import find_relative, find_spans


@pytest.mark.parametrize(
    ("text", "first", "last"),
    [
        ("held from 18 to 20 September 2017.", "2017-09-18", "2017-09-20"),
        ("from Oct. 21 to 23 in Beijing", "2000-10-21", "2000-10-23"),
        ("(Belém, Brazil from 1 - 4 December 2009)", "2009-12-01", "2009-12-04"),
        ("Thailand, Bangkok, 29 – 30 October 2024", "2024-10-29", "2024-10-30"),
        ("on September 11 and 12.", "2000-09-11", "2000-09-12"),
        ("between June 13 and June 16, a total", "2000-06-13", "2000-06-16"),
        ("from November 15 to 17, 2022 at", "2022-11-15", "2022-11-17"),
        ("on November 14-16 for", "2000-11-14", "2000-11-16"),
        ("in Berlin, 27-29.11.2019", "2019-11-27", "2019-11-29"),
        ("Set for 1st November 2025,", "2025-11-01", "2025-11-01"),
        ("December 30 to January 2, 2025", "2024-12-30", "2025-01-02"),
        ("held from the 3rd to the 4th of March 2016 and", "2016-03-03", "2016-03-04"),
    ],
)
def test_spans_of_days(text, first, last):
    (span,) = find_spans(text)
    assert (span.iso(2000), span.end_iso(2000)) == (first, last)


def test_two_dates_of_different_months_joined_by_and_are_two_dates():
    assert [(s.iso(2000), s.end_iso(2000)) for s in find_spans("1 to 3 March 2024 and 5 May")] == [
        ("2024-03-01", "2024-03-03"),
        ("2000-05-05", "2000-05-05"),
    ]


def test_a_decimal_is_no_day():
    assert find_spans("a 12.5 km road and 7.5 hours") == []


PUBLISHED = date(2013, 10, 22)  # a Tuesday


@pytest.mark.parametrize(
    ("text", "future", "day"),
    [
        ("said in Beijing on Monday.", False, date(2013, 10, 21)),
        ("This Tuesday, the mayors met", False, date(2013, 10, 22)),
        ("Yesterday, the opening ceremony", False, date(2013, 10, 21)),
        ("opened its doors today", False, date(2013, 10, 22)),
        ("will open on Monday", True, date(2013, 10, 28)),
        ("last Friday the forum closed", False, date(2013, 10, 18)),
        ("the summit opens tomorrow", True, date(2013, 10, 23)),
    ],
)
def test_days_relative_to_publication(text, future, day):
    (rel,) = find_relative(text)
    assert rel.resolve(PUBLISHED, future) == day


def test_a_weekday_followed_by_its_date_is_a_date_not_a_relative_day():
    assert find_relative("will open on Monday, March 3") == []
