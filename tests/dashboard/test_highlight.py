"""Article text is always escaped: markup in an article is shown as text; figures and places are marked."""

from __future__ import annotations

import pandas as pd

from dashboard.highlight import FIGURE, PLACE, Span, figure_spans, place_spans, to_html


def test_markup_in_the_article_is_escaped_inside_and_outside_highlights():
    text = '<script>alert(1)</script> 40 <img src=x onerror="alert(2)"> <a href="javascript:alert(3)">x</a>'
    start = text.index("40")
    out = to_html(text, [Span(start, start + 2, FIGURE, 'note "quoted" <b>')])
    assert "<script" not in out and "<img" not in out and "<a " not in out
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in out
    assert 'title="note &quot;quoted&quot; &lt;b&gt;"' in out
    assert ">40</mark>" in out


def test_a_highlight_inside_markup_is_escaped_too():
    text = "<b>2,000</b> teachers"
    out = to_html(text, [Span(3, 8, FIGURE, "people")])
    assert out.count("<mark") == 1 and "&lt;b&gt;<mark" in out and "</mark>&lt;/b&gt;" in out


def test_figure_spans_skip_rows_whose_offsets_no_longer_match():
    text = "Over 2,000 teachers from 40 countries."
    m = pd.DataFrame(
        {
            "start": [5, 25, 0],
            "end": [10, 27, 3],
            "surface": ["2,000", "40", "999"],
            "unit": ["teachers", "countries", "x"],
            "category": ["people", "places", "x"],
        }
    )
    assert [(s.start, s.end) for s in figure_spans(text, m)] == [(5, 10), (25, 27)]


def test_places_are_found_as_whole_words_and_overlaps_keep_the_figure():
    text = "Lisbon and Lisboners; 40 Lisbon"
    spans = place_spans(text, ["Lisbon"])
    assert [(s.start, s.end) for s in spans] == [(0, 6), (25, 31)]
    out = to_html(text, [*spans, Span(0, 6, FIGURE, "f")])
    assert out.count("ded-figure") == 1 and out.count("ded-place") == 1
    assert all(s.kind == PLACE for s in spans)
