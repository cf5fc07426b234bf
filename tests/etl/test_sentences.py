"""Sentences: where a sentence of an article ends."""

from __future__ import annotations

import pytest

from etl.extract.sentences import one_line, split_sentences


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
        # a long line that ends in a word no sentence ends with goes on, whatever the next line opens with
        ("Teachers met to share lessons at the annual Riverside Digital Teachers Forum at\nLakeside College.", 1),
        ("The forum was organised by the county council together with the Institute of\nDigital Learning.", 1),
        # ... and a long line that ends in a bracket goes on into a line in lower case
        ("The ministry wants to make its new ICT for learning programme (ICT4L)\nprogramme a success.", 1),
        # a short line is still a heading
        ("Teachers meet at\nLakeside College hosts a forum.", 2),
    ],
)
def test_a_line_break_ends_a_sentence_unless_the_text_is_hard_wrapped(text, sentences):
    assert len(split_sentences(text)) == sentences


# a text hard-wrapped throughout: several long lines go on mid-sentence into a line in lower case
WRAPPED = (
    "Schools across the region should share open resources and build quality online\n"
    "courses as public goods, to offer new ways of learning to more people, the\n"
    "officials and experts said at the meeting. The country is committed to opening\n"
    "up its resources, the minister of education said on Friday at the first\n"
    "Regional Open Learning Conference, held at the national university in the\n"
    "capital."
)


def test_in_a_hard_wrapped_text_a_long_line_goes_on_into_a_capital():
    assert [s.text.split()[-1] for s in split_sentences(WRAPPED)] == ["meeting.", "capital."]


def test_a_text_wrapped_once_is_not_hard_wrapped():
    text = (
        "The minister of education said that the country will share its resources and\n"
        "courses. Its officials met teachers on Friday at the first of their meetings\n"
        "Regional Open Learning Conference opens in May."
    )
    assert len(split_sentences(text)) == 3


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


def test_one_line_joins_the_lines_of_a_sentence_and_keeps_every_offset():
    text = (
        "A line of a hard-wrapped paragraph that is long enough, and goes on\n"
        "into the next line here.\n\nA heading\nA line of its own."
    )
    view, sentences = one_line(text, split_sentences(text))
    assert len(view) == len(text)
    assert [s.text for s in sentences] == [
        "A line of a hard-wrapped paragraph that is long enough, and goes on into the next line here.",
        "A heading",
        "A line of its own.",
    ]
    assert all(view[s.start : s.end] == s.text for s in sentences)
    assert one_line("No break at all.", split_sentences("No break at all."))[0] == "No break at all."


@pytest.mark.parametrize(
    ("text", "sentences"),
    [
        # a full stop inside a short quoted title, which capitalises its words, is part of the name
        ("The conference “Open Schools. Digital Learning in Higher Education” took place on 3 May 2022. It ended.",
         2),
        ("The fair “Open Education. Riverside-2021” opened. It ended.", 2),
        # a quoted remark of sentences ends them, whether it closes with a full stop or goes on in lower case
        ("He said: “We teach children. We hope they learn.” The camp ended.", 3),
        ("“We had to fix a lot of bugs. We only managed to complete about 80%”, said Amir.", 2),
        # a quote that closes far away is no title
        ("The school “Open Schools. Digital Learning in Higher Education for Every Teacher, Every Pupil, Every "
         "Parent and Every Community of the Whole Country” opened.", 2),
    ],
)  # fmt: skip
def test_a_full_stop_inside_a_quoted_title(text, sentences):
    assert len(split_sentences(text)) == sentences
