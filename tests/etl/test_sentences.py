"""Sentences: where a sentence of an article ends."""

from __future__ import annotations

import pytest

from etl.extract.sentences import split_sentences


@pytest.mark.parametrize(
    ("text", "sentences"),
    [
        # hard-wrapped text: a long line that goes on mid-sentence into a line in lower case is one sentence
        (
            "The E-Learning Committee at the Dijlah University College, and in cooperation\n"
            "with the Center for Continuing Education, organized a workshop on e-learning and\n"
            "interactive lectures. Many professors attended.",
            2,
        ),
        # a short line is a heading, even before a careless lower-case opening
        ("Palestine Economy Portal\naccording to a survey, 49% of families had no internet.", 2),
        # a line that ends its sentence, or a line before a capital, ends the sentence
        ("The ministry said that it would give every school in the region a new laptop.\nthe end", 2),
        ("The ministry said that it would give every school in the region a new laptop\nThe end", 2),
        ("The ministry said that it would give every school in the region a new laptop and\n\nthe end", 2),
    ],
)
def test_a_line_break_ends_a_sentence_unless_the_text_is_hard_wrapped(text, sentences):
    assert len(split_sentences(text)) == sentences


@pytest.mark.parametrize(
    "text",
    [
        "Attending were Assoc. Prof. Dr. Nguyen Kim Son, the minister.",
        "The speaker was Hon. Fayval Williams, the minister.",
        "It was opened by Gov. Ann Lee and Gen. Tom Ray.",
    ],
)
def test_a_title_s_abbreviation_before_a_name_ends_no_sentence(text):
    assert len(split_sentences(text)) == 1


@pytest.mark.parametrize(
    ("text", "sentences"),
    [
        # a word in camel case opens a sentence in lower case
        ("It grew from the first event in 2006. eLearning users from 88 countries came.", 2),
        ("The ministry bought 300 laptops. iPads came later.", 2),
        # a word in lower case after a full stop goes on with the sentence ("approx. 5", "a.m. tomorrow")
        ("It has approx. five schools.", 1),
        ("The fair opens at 9 a.m. tomorrow in Lima.", 1),
    ],
)
def test_a_full_stop_before_a_lower_case_word(text, sentences):
    assert len(split_sentences(text)) == sentences
