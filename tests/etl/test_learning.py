"""Learning cities: award winners, network members and cases of practice, each with its recognition."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from etl.extract.learning import PRACTICE, extract_learning_cities
from etl.extract.places import extract_places
from etl.extract.sentences import split_sentences


def learning(text: str) -> set[tuple[str, str]]:
    return {(c.city, c.recognition) for c in extract_learning_cities(text, split_sentences(text), extract_places(text))}


def test_award_goes_to_the_cities_named_in_its_clause_only():
    text = (
        "China is building a network of learning cities, and 10 Chinese cities have joined the Global Learning "
        "Cities Network, and four cities, Beijing, Shanghai, Chengdu and Hangzhou, have been awarded the Global "
        "Learning Cities Award."
    )
    got = learning(text)
    award = "Global Learning Cities Award"
    assert got == {("Beijing", award), ("Shanghai", award), ("Chengdu", award), ("Hangzhou", award)}


def test_network_members_named_after_the_network_sentence():
    text = (
        "Fifteen cities have joined the UNESCO Global Network of Learning Cities. "
        "The new members are Cork (Ireland), Espoo (Finland) and Yeosu (Republic of Korea)."
    )
    network = "UNESCO Global Network of Learning Cities"
    assert learning(text) == {("Cork", network), ("Espoo", network), ("Yeosu", network)}


def test_recognition_keeps_the_year_as_written():
    assert learning("Cork and Espoo won the UNESCO Learning City Award 2024.") == {
        ("Cork", "UNESCO Learning City Award 2024"),
        ("Espoo", "UNESCO Learning City Award 2024"),
    }


def test_a_ceremony_held_in_a_city_does_not_make_it_a_winner():
    assert learning("The Global Learning Cities Award ceremony was held in Medellin.") == set()


def test_a_dateline_city_is_not_a_member():
    text = "Hamburg, 12 September 2024 - Fifteen cities have joined the UNESCO Global Network of Learning Cities."
    assert learning(text) == set()


def test_subject_city_in_a_paragraph_about_a_learning_society_is_a_practice_case():
    text = (
        "Building a learning society needs local action. Espoo has opened 40 learning hubs. "
        "Residents of Yeosu like the courses."
    )
    assert learning(text) == {("Espoo", PRACTICE)}


def test_no_learning_topic_no_practice():
    assert learning("Espoo has opened a new metro line.") == set()


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=300))
def test_never_raises_and_sentences_come_from_the_text(text):
    for c in extract_learning_cities(text, split_sentences(text), extract_places(text)):
        assert c.sentence in text
