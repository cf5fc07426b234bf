"""Dates as news writes them: spans of days, and days named relative to the publication date."""

from __future__ import annotations

from datetime import date

import pytest

from etl.extract.dates import YEAR, find_dates, find_relative, find_spans


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
        # an ALL-CAPS heading's date, and no blank after the comma
        ("SMART TEACHER HACKATHON @HYDERABAD, 4TH APRIL, 2020", "2020-04-04", "2020-04-04"),
        ("HACKATHON @BANGALURU, 25TH APRIL,2020", "2020-04-25", "2020-04-25"),
        ("MARCH 3-5, 2021", "2021-03-03", "2021-03-05"),
        # two days in figures and one year: a figure above 12 settles which is the day
        ("organized in Kastoria, from 29/09 to 01/10/2023, at", "2023-09-29", "2023-10-01"),
        # a year on each end
        ("held from 28/09/2024 to 02/10/2024 in Lyon", "2024-09-28", "2024-10-02"),
        ("held from 30/12/2023 to 02/01/2024", "2023-12-30", "2024-01-02"),
        ("from 10/13 to 10/15/2023 in", "2023-10-13", "2023-10-15"),
        ("from 28/12 to 02/01/2024", "2023-12-28", "2024-01-02"),
        # an ampersand joins two days as "and" does
        ("On October 17 & 18 2015, delegates", "2015-10-17", "2015-10-18"),
        ("On 17 & 18 October 2015, delegates", "2015-10-17", "2015-10-18"),
        # a weekday before each day
        ("will take place from Sunday 7th – Sunday 14th of April 2019.", "2019-04-07", "2019-04-14"),
        ("from Monday, 8th July to Wednesday, 10th July 2024.", "2024-07-08", "2024-07-10"),
        ("From Saturday, February 18th to Tuesday, February 21st, 2023, we", "2023-02-18", "2023-02-21"),
        ("from Monday March 20 until Sunday March 26.", "2000-03-20", "2000-03-26"),
        # two days in a row across the end of a month, joined by "and"
        ("On 31 January and 1 February 2018, the community met", "2018-01-31", "2018-02-01"),
        ("on April 30 and May 1, 2015 in", "2015-04-30", "2015-05-01"),
        # a list of days, its year after a comma or in brackets
        ("set on November 16, 17 and 18 (2006) at the", "2006-11-16", "2006-11-18"),
        ("set on November 16, 17 and 18, 2006 at the", "2006-11-16", "2006-11-18"),
        ("on 16, 17 and 18 November 2006 at the", "2006-11-16", "2006-11-18"),
        ("held on November 16-18 (2006) at the", "2006-11-16", "2006-11-18"),
        # ... not a count after the date, nor the digits of a name before it
        ("The main event: LAK’17, 13-17 March, at", "2000-03-13", "2000-03-17"),
        ("On May 5, 12 students came.", "2000-05-05", "2000-05-05"),
        # an ordinal day, a comma, then its month
        ("The forum was held on the 3rd and 4th, March 2016, with", "2016-03-03", "2016-03-04"),
        ("It closed on 9th, Nov. 2012 at", "2012-11-09", "2012-11-09"),
    ],
)
def test_spans_of_days(text, first, last):
    (span,) = find_spans(text)
    assert (span.iso(2000), span.end_iso(2000)) == (first, last)


def test_two_days_of_two_months_that_are_not_in_a_row_stay_two_dates():
    assert len(find_spans("on 12 January and 1 February 2018")) == 2


def test_a_span_in_figures_both_readings_fit_stays_unread():
    assert find_spans("from 03/04 to 05/04/2023") == []


def test_two_dates_of_different_months_joined_by_and_are_two_dates():
    assert [(s.iso(2000), s.end_iso(2000)) for s in find_spans("1 to 3 March 2024 and 5 May")] == [
        ("2024-03-01", "2024-03-03"),
        ("2000-05-05", "2000-05-05"),
    ]
    assert [(s.iso(2000), s.end_iso(2000)) for s in find_spans("June 13 & July 16, 2015")] == [
        ("2000-06-13", "2000-06-13"),
        ("2015-07-16", "2015-07-16"),
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
        # a day and month in brackets after the weekday, as Indonesian news writes them: no year, the weekday counts
        ("to open the virtual symposium, on Monday (21/10).", False, date(2013, 10, 21)),
    ],
)
def test_days_relative_to_publication(text, future, day):
    (rel,) = find_relative(text)
    assert rel.resolve(PUBLISHED, future) == day


@pytest.mark.parametrize(
    "text", ["will open on Monday, March 3", "on Monday (21 October)", "on Monday 21/10/2013", "on Monday (21)"]
)
def test_a_weekday_followed_by_its_date_is_a_date_not_a_relative_day(text: str):
    assert find_relative(text) == []


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("English 24/09/2020 17:43 Mexico City", "2020-09-24"),  # a figure above 12 is the day
        ("posted on 1/20/2021 at noon", "2021-01-20"),
        ("on 12/12/2020 the", "2020-12-12"),  # both readings are one day
        ("on Sunday 9/2/2020, in Baghdad Hall", "2020-02-09"),  # 9 February 2020 was a Sunday, 2 September not
        ("Mon, 09/11/2023 - 20:27", "2023-09-11"),  # 11 September 2023 was a Monday, 9 November not
        ("held 10-11-2020 (Sunday) online", "2020-10-11"),
    ],
)
def test_figures_only_dates_with_the_year_last_are_read_when_they_settle_themselves(text, day):
    (span,) = find_spans(text)
    assert (span.iso(), span.end_iso()) == (day, day)


@pytest.mark.parametrize(
    "text",
    [
        "Publication date: 03/02/2020",  # 3 February or 2 March: the page's country decides, and is not known
        "on Monday 9/2/2020",  # neither reading was a Monday
        "pages 3/4/2020/5",
    ],
)
def test_figures_only_dates_that_do_not_settle_themselves_are_not_read(text):
    assert find_spans(text) == []


@pytest.mark.parametrize(
    ("text", "years"),
    [
        ("organized a webinar via Zoom on 20 April 2020, dedicated to", ["2020"]),  # a comma after the year
        ("in 1990, 2000 and 2010", ["1990", "2000", "2010"]),
        ("2,020 people", []),  # a thousands separator
        ("2020,5 million", []),  # a decimal comma
        ("in 2019.5", []),
        ("12020 kits", []),
    ],
)
def test_a_year_is_four_figures_that_no_other_figure_continues(text: str, years: list[str]):
    assert YEAR.findall(text) == years


def test_a_number_a_comma_and_a_month_is_no_day_without_its_ordinal_suffix():
    # "12th, July 2019" is a day; "Article 12, July 2019" cites an article in a month
    (found,) = find_dates("under Article 12, July 2019 rules")
    assert (found.month, found.day) == (7, None)
