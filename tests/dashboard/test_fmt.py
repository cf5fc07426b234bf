"""Figures read the way analysts write them: a human scale and a sign for the bound."""

from __future__ import annotations

import html
import re

import pandas as pd
import pytest

from dashboard.fmt import (
    cell,
    counted,
    display_table,
    figure_text,
    figure_value,
    header,
    human_number,
    log_ticks,
    reported_text,
    share_text,
    short_number,
    shorten,
    styled,
)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (37_300_000_000, "37.3 billion"),
        (2_560_000_000, "2.56 billion"),
        (56_400_000, "56.4 million"),
        (1_000_000, "1 million"),
        (436_000, "436,000"),
        (800, "800"),
        (1.5, "1.5"),
        (0, "0"),
        (None, "–"),
        (float("nan"), "–"),
    ],
)
def test_human_number_uses_scale_words_above_a_million(value, expected):
    assert human_number(value) == expected


def test_each_bound_gets_its_sign():
    assert figure_text(37.3e9, "at_least", "page views") == "37.3 billion+ page views"
    assert figure_text(800, "approx", "attendees") == "~800 attendees"
    assert figure_text(5, "at_most", "courses") == "≤ 5 courses"
    assert figure_text(215, "exact", "countries and regions") == "215 countries and regions"


def test_a_percent_keeps_its_sign_and_drops_the_unit_word():
    assert figure_value(1.5, "approx", "percent", "percent") == "~1.5%"
    assert figure_text(30, "at_least", "%", "percent") == "30%+"


@pytest.mark.parametrize(
    ("n", "expected"), [(0, "0 countries"), (1, "1 country"), (2, "2 countries"), (1200, "1,200 countries")]
)
def test_a_count_takes_its_noun_in_the_right_number(n, expected):
    assert counted(n, "country", "countries") == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (0.1, "0.1"),
        (1, "1"),
        (10, "10"),
        (100, "100"),
        (1_000, "1K"),
        (10_000, "10K"),
        (1_000_000, "1M"),
        (1e9, "1B"),  # billion: never SI's "1G"
        (1e10, "10B"),
        (1e12, "1T"),
        (2.5e9, "2.5B"),
        (999_999.9, "1M"),  # not "1,000K"
        (-2_000, "-2K"),
        (None, "–"),
    ],
)
def test_an_axis_tick_reads_in_words_a_reader_knows(value, expected):
    assert short_number(value) == expected


@pytest.mark.parametrize(
    ("low", "high", "expected"),
    [
        (1, 1e6, ["1", "10", "100", "1K", "10K", "100K", "1M"]),
        (40, 37.3e9, ["1", "100", "10K", "1M", "100M", "10B"]),  # every second power past 8 ticks
        (0.5, 3e12, ["0.01", "1", "100", "10K", "1M", "100M", "10B", "1T"]),
        (5, 5, ["1", "10"]),
    ],
)
def test_log_ticks_cover_the_values_with_at_most_eight_labels(low, high, expected):
    values, labels = log_ticks(low, high)
    assert labels == expected and len(values) <= 8
    step = values[1] / values[0]
    assert values[0] <= low and values[-1] * step >= high  # the last tick is within one step of the largest value


@pytest.mark.parametrize(
    ("share", "expected"),
    [(0.5, "50%"), (0.25, "25%"), (0.255, "25.5%"), (1, "100%"), (0, "0%"), (None, "–"), (float("nan"), "–")],
)
def test_a_share_reads_as_a_percentage(share, expected):
    assert share_text(share) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (None, "–"),
        (float("nan"), "–"),
        (pd.NaT, "–"),
        ("", "–"),
        ("  ", "–"),
        (31270.0, "31,270"),
        (31270, "31,270"),
        (0.25, "0.25"),
        (pd.Timestamp("2024-05-02"), "2024-05-02"),
        (True, "yes"),
        ("Lima", "Lima"),
    ],
)
def test_a_cell_is_never_none_or_nan_and_a_count_has_separators(value, expected):
    assert cell(value) == expected


@pytest.mark.parametrize(
    ("column", "expected"),
    [
        ("figure", "Figure"),
        ("unit", "Unit"),
        ("category", "Category"),
        ("overseas_share", "Overseas share"),
        ("country_iso3", "Country"),
        ("n_figures", "Figures"),
        ("attendees", "Participants"),
        ("countries_represented", "Countries represented"),
        ("flag", "Check"),
    ],
)
def test_headers_are_sentence_case(column, expected):
    assert header(column) == expected


@pytest.mark.parametrize(
    ("text", "width", "expected"),
    [
        ("37.3 billion page views", 30, "37.3 billion page views"),
        ("37.3 billion page views", 10, "37.3…"),  # not "37.3 bill…"
        ("Education Digitalization and the Construction of a Learning Society", 28, "Education Digitalization…"),
        ("Nairobi Forum (Kenya), 2024", 22, "Nairobi Forum…"),  # no dangling "(" or ","
        ("  spaced\n out  ", 20, "spaced out"),
        ("Supercalifragilistic", 8, "Superca…"),  # one word longer than the room: cut, nothing better to do
    ],
)
def test_shorten_cuts_at_a_word(text, width, expected):
    assert shorten(text, width) == expected
    assert len(shorten(text, width)) <= width


def test_a_small_table_for_reading_shows_no_none_and_shares_in_percent():
    frame = pd.DataFrame(
        {
            "date": [pd.Timestamp("2024-05-02"), pd.NaT],
            "name": ["Forum", ""],
            "attendees": [1200.0, None],
            "overseas_share": [0.25, float("nan")],
        }
    )
    shown = display_table(frame, shares=("overseas_share",))
    assert list(shown.columns) == ["Date", "Name", "Participants", "Overseas share"]
    assert shown.iloc[0].tolist() == ["2024-05-02", "Forum", "1,200", "25%"]
    assert shown.iloc[1].tolist() == ["–"] * 4
    assert not shown.isin(["None", "nan", "NaT"]).any().any()


def test_a_styled_table_keeps_numbers_and_shows_them_readably():
    frame = pd.DataFrame({"attendees": [31270.0, None], "overseas_share": [0.5, None]})
    style = styled(frame, shares=("overseas_share",))
    assert style.data["attendees"].dtype == float  # still sorts as a number
    html_table = style.to_html()
    assert "31,270" in html_table and "50%" in html_table and "0.5<" not in html_table
    assert "None" not in html_table and "nan" not in html_table


@pytest.mark.parametrize(
    ("reported", "expected"),
    [
        (
            "attendees: 1200 (b_nairobi); 3.36e+09 (c_other)",
            "Participants: 1,200 (Nairobi forum); 3.36 billion (c_other)",
        ),
        (
            "date: 2025-01-15 (b_nairobi) | countries_represented: 12 (b_nairobi); 40 (a_lisbon)",
            "Date: 2025-01-15 (Nairobi forum) | Countries represented: 12 (Nairobi forum); 40 (Teachers meet)",
        ),
        ("", ""),
        (None, ""),
    ],
)
def test_what_the_articles_disagree_on_names_each_article_by_its_title(reported, expected):
    titles = {"b_nairobi": "Nairobi forum", "a_lisbon": "Teachers meet"}
    assert reported_text(reported, titles) == expected


# Article text that Markdown or Plotly would turn into something else: a link, emphasis, a formula, markup.
HOSTILE = [
    "new (https://evil.example/login) teachers",
    "[teachers](https://evil.example)",
    "**bold** and _italic_ and `code`",
    "$x^2$ teachers",
    "<a href='https://evil.example'>teachers</a>",
    "www.evil.example teachers",
    "mail a@b.org",
    "# heading\n- item\n> quote",
    "5 \\* 3 | pipes | ~~struck~~",
]


@pytest.mark.parametrize("text", HOSTILE)
def test_markdown_shows_article_text_as_written(text):
    from markdown_it import MarkdownIt

    from dashboard.fmt import WORD_JOINER, md_literal

    literal = md_literal(text)
    rendered = MarkdownIt("commonmark").render(literal).replace(WORD_JOINER, "")  # invisible
    # one paragraph of plain text, the text as written (its blanks collapsed to one line)
    assert rendered == f"<p>{html.escape(' '.join(text.split()), quote=False)}</p>\n"
    # and nothing GitHub's Markdown would link on its own (it links bare addresses in the text, escaped or not)
    plain = literal.replace("\\", "")
    assert not re.search(r"https?://|www\.|\w@", plain)


@pytest.mark.parametrize("text", HOSTILE)
def test_plotly_labels_show_article_text_as_written(text):
    from dashboard.fmt import plotly_literal

    shown = plotly_literal(text)
    assert "<" not in shown and ">" not in shown
    assert html.unescape(shown) == text  # Plotly decodes the entities back to the text
