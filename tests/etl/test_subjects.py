"""Subject and place of each figure: what it is about and which named place it belongs to."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from etl.extract.numbers import extract_metrics
from etl.extract.sentences import split_sentences
from etl.extract.subjects import attach_context
from etl.model import PlaceMention


def place(text: str, name: str, kind: str = "city", nth: int = 0) -> PlaceMention:
    """A hand-built mention of ``name`` at its ``nth`` occurrence in ``text``."""
    start = -1
    for _ in range(nth + 1):
        start = text.index(name, start + 1)
    return PlaceMention(name, kind, "CHN", 31.2, 121.5, start, start + len(name), name)


def context(text: str, places: list[PlaceMention] | None = None):
    sentences = split_sentences(text)
    return attach_context(extract_metrics(text, sentences), text, sentences, places or [])


def test_grammatical_subject_of_the_clause():
    (m,) = context("Shanghai has built a credit bank and established about 4.93 million citizen learning files.")
    assert m.subject == "Shanghai"


def test_subject_after_an_opening_phrase():
    (m,) = context("Relying on community resources, Nanjing has organized more than 80 trainings.")
    assert m.subject == "Nanjing"


def test_lower_case_subject_phrase():
    (m,) = context("The national platform for the elderly has launched 436,000 courses.")
    assert m.subject == "national platform for the elderly"


def test_subject_of_a_that_clause():
    (m,) = context("The minister pointed out that China is serving more than 200 countries.")
    assert m.subject == "China"


def test_nearest_preceding_name_when_the_clause_has_no_subject():
    (m,) = context("In the Luban Workshop, with 8 resource libraries, learning grew.")
    assert m.subject == "Luban Workshop"


def test_a_figure_opening_its_sentence_is_about_what_the_previous_sentence_named():
    text = (
        "The 2024 World Digital Education Conference opened in Shanghai. "
        "More than 800 Chinese and foreign attendees participated."
    )
    (m,) = context(text)
    assert m.subject == "2024 World Digital Education Conference"


def test_names_inside_the_unit_are_not_the_subject():
    text = "The Forum ended. More than 800 Chinese and foreign attendees came, including 400 overseas guests."
    assert [m.subject for m in context(text)] == ["Forum", "Forum"]


def test_place_is_the_nearest_place_before_the_figure_in_the_sentence():
    text = "Beijing and Shanghai grew; Shanghai has 500 schools."
    (m,) = context(text, [place(text, "Beijing"), place(text, "Shanghai"), place(text, "Shanghai", nth=1)])
    assert m.place == "Shanghai"


def test_place_falls_back_to_the_first_place_of_the_sentence():
    text = "More than 100,000 students benefited in Hong Kong and Macao."
    (m,) = context(text, [place(text, "Hong Kong"), place(text, "Macao")])
    assert m.place == "Hong Kong"


def test_place_from_another_sentence_is_not_used():
    text = "Wuhan hosts the event. It has 30 partners."
    (m,) = context(text, [place(text, "Wuhan")])
    assert m.place == ""


def test_no_metrics_no_work():
    assert attach_context([], "text", split_sentences("text"), []) == []


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(["Shanghai", "has", "5 cities", "more than 3 million people", ".", ",", "The", "that",
                                 ";", "In China,", "\n", "Conference", "上海"]), max_size=40).map(" ".join))  # fmt: skip
def test_context_never_raises_and_keeps_the_figures(text):
    sentences = split_sentences(text)
    metrics = extract_metrics(text, sentences)
    places = [place(text, "Shanghai")] if "Shanghai" in text else []
    out = attach_context(metrics, text, sentences, places)
    assert [(m.value, m.start, m.end) for m in out] == [(m.value, m.start, m.end) for m in metrics]
    for m in out:
        assert m.place in ("", "Shanghai")
        assert m.subject == "" or m.subject in text
