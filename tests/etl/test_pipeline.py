"""One article through every extractor: each figure once, with a clean subject."""

from __future__ import annotations

from etl.extract.pipeline import extract_article


def figures(text: str) -> list[tuple[float, str, str]]:
    return [(m.value, m.unit, m.sentence) for m in extract_article(text).metrics]


def test_a_headline_figure_the_body_repeats_is_the_body_s():
    text = (
        "Kenya to give 1.2 million tablets to pupils\n\n"
        "NAIROBI, Kenya - The government will give 1.2 million tablets to pupils in 2024, the ministry said."
    )
    assert [(v, u) for v, u, _ in figures(text)] == [(1.2e6, "tablets")]
    assert figures(text)[0][2].startswith("NAIROBI")


def test_a_line_repeated_word_for_word_gives_its_figures_once_but_one_sentence_may_repeat_a_value():
    line = "Among the richest 20 percent, 55 percent had a computer; among the poorest 20 percent, only 5 percent."
    text = f"Computers for all\n\n{line}\n\nMore text here.\n\n{line}\n"
    assert [v for v, _, _ in figures(text)] == [20, 55, 20, 5]


def test_a_date_after_a_place_is_no_part_of_the_subject():
    text = "Schools\n\nSome 300 schools in Porto on October 3 got new laptops."
    (metric,) = extract_article(text).metrics
    assert (metric.subject, metric.place) == ("Porto", "Porto")


# A hard-wrapped paragraph: its lines break mid-sentence, mid-name and between a number and its noun.
WRAPPED = (
    "Report\n\n"
    "Participants in the Sixth International Conference on\n"
    "Digital Schooling organized by the university in Manama on 3 December 2020\n"
    "agreed, as the dean said in his closing remarks, that the 85 research\n"
    "papers it discussed will shape teaching in the years ahead."
)


def test_a_sentence_of_a_hard_wrapped_paragraph_is_read_on_one_line():
    result = extract_article(WRAPPED)
    assert [e.name for e in result.events] == ["Sixth International Conference on Digital Schooling"]
    assert [(m.value, m.unit) for m in result.metrics] == [(85, "research papers")]
    assert "\n" not in result.metrics[0].sentence


def test_surfaces_of_a_hard_wrapped_paragraph_are_the_text_s_own():
    result = extract_article(WRAPPED)
    for span in [*result.metrics, *result.places]:
        assert WRAPPED[span.start : span.end] == span.surface
