"""Figures read the way analysts write them: a human scale and a sign for the bound."""

from __future__ import annotations

import html
import re

import pytest

from dashboard.fmt import counted, figure_text, figure_value, human_number


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
