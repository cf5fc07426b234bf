"""Learning cities: award winners, network members and cases of practice, each with its recognition."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from etl.extract.learning import PRACTICE, PRACTICE_KIND, extract_learning_cities
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


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a county written as such is a local government, which a network admits as a learning city
        # ("In Kenya" is a phrase leading into the sentence, no item of a list)
        ("In Kenya, Makueni County is among over 350 learning cities, following its designation as a member of the "
         "UNESCO Global Network of Learning Cities in 2023.", {"Makueni County"}),
        ("Kenya has new members. Makueni County is among over 350 learning cities, following its designation as a "
         "member of the UNESCO Global Network of Learning Cities in 2023.", {"Makueni County"}),
        # a province is not, where it only supports the network
        ("Gyeonggi Province is among the regions that support the UNESCO Global Network of Learning Cities.", set()),
        # but one written as such and recognised as a member is, as a municipality is
        ("Thailand has new members. UNESCO officially recognized Satun Province as a new member of the UNESCO "
         "Global Network of Learning Cities (GNLC).", {"Satun"}),
    ],
)  # fmt: skip
def test_a_county_or_municipality_may_be_a_learning_city(text, expected):
    assert {city for city, _ in learning(text)} == expected


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


def learning_kinds(text: str) -> set[tuple[str, str]]:
    return {(c.city, c.kind) for c in extract_learning_cities(text, split_sentences(text), extract_places(text))}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an award list after the sentence naming the award, which takes the list's year
        (
            "Twelve cities will receive the UNESCO Learning City Award. The 2026 awardees are: Leeds (United Kingdom), "
            "Porto (Portugal) and Curitiba (Brazil).",
            {("Leeds", "award winner"), ("Porto", "award winner"), ("Curitiba", "award winner")},
        ),
        # network members in brackets and in a country's bracket
        (
            "Fourteen cities joined the UNESCO Global Network of Learning Cities, including Mombasa (Kenya), "
            "Poland (Gdansk) and Arequipa.",
            {("Mombasa", "network member"), ("Gdańsk", "network member"), ("Arequipa", "network member")},
        ),
        # a national network's members after "includes ...:"
        (
            "Peru's Learning Cities Network currently includes five municipalities: Arequipa, Cusco, Trujillo, "
            "Piura and Chiclayo.",
            {(c, "national network member") for c in ("Arequipa", "Cusco", "Trujillo", "Piura", "Chiclayo")},
        ),
        # "learning cities of A, B and C", lower case
        (
            "The university mentors the new learning cities of Chiang Mai, Lampang and Nan.",
            {
                ("Chiang Mai", "designated learning city"),
                ("Lampang", "designated learning city"),
                ("Nan", "designated learning city"),
            },
        ),
        # forum participants
        (
            "Cork joined Waterford and Galway in representing Ireland at the European Learning Cities Forum.",
            {("Cork", "forum participant"), ("Waterford", "forum participant"), ("Galway", "forum participant")},
        ),
        # "X Learning City": named by its initiative
        ("Dublin Learning City hosted the meeting.", {("Dublin", "designated learning city")}),
        # a national programme's list, each item with where it is
        (
            "This year 3 local governments including Cheongyang-gun in Gangwon-do, Goseong-gun in Gyeongnam and "
            "Boeun-gun in Chungbuk were newly selected as lifelong learning cities.",
            {(c, "designated learning city") for c in ("Cheongyang-gun", "Goseong-gun", "Boeun-gun")},
        ),
        # the members listed after a sentence "part of the network" refers back to
        (
            "The scheme supports the cities that are members of the UNESCO Global Network of Learning Cities. Four "
            "cities are currently part of the network: Leeds, Porto, Curitiba and Mombasa.",
            {(c, "network member") for c in ("Leeds", "Porto", "Curitiba", "Mombasa")},
        ),
        # a bulleted award list of "City, Country" lines under the sentence that names the award
        (
            "The five UNESCO Learning City Awardees are:\n- Cork, Ireland\n- Bouaké, Côte d’Ivoire\n- Wuhan, China\n",
            {("Cork", "award winner"), ("Bouaké", "award winner"), ("Wuhan", "award winner")},
        ),
    ],
)
def test_learning_city_lists(text, expected):
    assert learning_kinds(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # the host of a learning-cities conference, the seat of the institute, a dateline
        "The International Conference on Learning Cities will be held in Cork, Ireland.",
        "The UNESCO Institute for Lifelong Learning in Hamburg coordinates the learning cities network.",
        "Hamburg, 19 January 2026 - Sixteen cities will receive the UNESCO Learning City Award.",
        # a list of organisations and of countries in a text about learning cities
        "Learning cities were supported by the Ministry of Education, the Equitable Fund and Bangkok Office.",
        "Participants from Japan, Thailand and the Republic of Korea discussed learning cities.",
        # a month and a person's name beside a city in a dateline sentence
        "Leeds, February 16, 2026.- The mayor, Maria Fernanda Torres Lopez, said the learning city grows.",
        # a city that opens the name of a meeting one of its officials went to
        "The council decided to become a Learning City after an officer attended the Gothenburg Conference.",
        # another network's list, in a text about learning cities
        "Three more cities joined the UNESCO Global Network of Learning Cities. The cities of Porto, Curitiba and "
        "Mombasa are on the UNESCO Creative Cities Network list.",
    ],
)
def test_not_learning_cities(text):
    assert learning_kinds(text) == set()


def test_an_unknown_member_keeps_its_name_and_country():
    text = (
        "The new members of the UNESCO Global Network of Learning Cities are:\n- Xyloville (Kenya)\n- Mombasa (Kenya)\n"
    )
    found = {c.city: c for c in extract_learning_cities(text, split_sentences(text), extract_places(text))}
    assert found["Xyloville"].country_iso3 == "KEN" and found["Xyloville"].lat is None
    assert found["Mombasa"].lat is not None


def test_people_in_a_list_beside_a_city_are_no_learning_cities():
    text = (
        "Councillor Mary Byrne, deputising for the Mayor for Cork City and County, Aoife Brennan, Cork City and "
        "County and Tom Walsh, Learning Cork Coordinator, accepted an invitation from UNESCO to participate in the "
        "fourth International Conference on Learning Cities."
    )
    assert {city for city, _ in learning(text)} == {"Cork"}


@pytest.mark.parametrize(
    "text",
    [
        "Three Portuguese cities – Vila Norte, Porto Baixo and Lisbon – joined the UNESCO Global Network of "
        "Learning Cities in 2019.",
        "The towns of Vila Norte, Porto Baixo and Lisbon joined the UNESCO Global Network of Learning Cities.",
    ],
)
def test_unknown_towns_count_where_the_list_says_it_names_cities(text):
    assert {city for city, _ in learning(text)} == {"Vila Norte", "Porto Baixo", "Lisbon"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "KUALA LUMPUR: The city of Petaling Jaya is named one of the 10 winners of the 2019 UNESCO Learning City "
            "Award.",
            {"Petaling Jaya"},
        ),
        (
            "Kuala Lumpur and Petaling Jaya are named winners of the 2019 UNESCO Learning City Award.",
            {"Kuala Lumpur", "Petaling Jaya"},
        ),
    ],
)
def test_a_dateline_city_is_where_the_story_was_filed_not_a_winner(text, expected):
    assert {city for city, _ in learning(text)} == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The talk presented Cork City – a prime example of a successful Learning City in Ireland.", {"Cork"}),
        ("Officials from Espoo, a UNESCO learning city since 2016, spoke.", {"Espoo"}),
        ("Officials from Espoo, a city of 300,000 people, spoke about learning cities.", set()),
    ],
)
def test_a_city_set_beside_what_calls_it_a_learning_city(text, expected):
    assert {city for city, _ in learning(text)} == expected


def test_a_list_of_lines_of_a_town_a_comma_and_its_country_without_bullets():
    text = (
        "UNESCO Global Network of Learning Cities: new members\n\n"
        "Thirteen new cities have joined the network.\n\n"
        "Alexandria, Egypt\n\nAgadir, Kingdom of Morocco\n\nYaoundé 1er, Cameroon\n\nDakar, Senegal\n\n"
        "The network now counts 356 cities.\n"
    )
    assert {city for city, _ in learning(text)} == {"Alexandria", "Agadir", "Yaoundé", "Dakar"}


def test_lines_of_a_town_and_a_date_are_no_list_of_members():
    text = (
        "UNESCO Global Network of Learning Cities: new members joined.\n\n"
        "Leeds, February 16\n\nYork, March 2\n\nThe network now counts 356 cities.\n"
    )
    assert learning(text) == set()


def test_an_event_in_a_list_of_towns_is_no_learning_city():
    text = (
        "This learning cities network newsletter features Family Learners Week, Wyndham and Bendigo "
        "Learning Festivals and stories from UNESCO learning cities in Australia."
    )
    assert "Family Learners Week" not in {city for city, _ in learning(text)}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("This is the first Global Festival of Learning the city has taken part in, and it follows Derby’s recent "
         "inclusion in UNESCO’s Global Network of Learning Cities.",
         {("Derby", "UNESCO’s Global Network of Learning Cities")}),
        ("Gdynia's admission to the UNESCO Global Learning Cities Network proves that all of Poland can learn.",
         {("Gdynia", "UNESCO Global Learning Cities Network")}),
        # a ceremony's host is still no member
        ("The admission ceremony for the UNESCO Global Network of Learning Cities was held in Hamburg.", set()),
        ("The City of Wyndham, Australia, has been included as a UNESCO Global Network Learning City (GNLC).",
         {("Wyndham", "UNESCO Global Network Learning City")}),
    ],
)  # fmt: skip
def test_a_city_s_inclusion_or_admission_in_a_network_makes_it_a_member(text, expected):
    assert learning(text) == expected


def test_a_city_nominated_a_pilot_learning_city_is_one():
    text = (
        "Hai Duong City was nominated as the first pilot city for the project of Building Learning Cities in "
        "Viet Nam by the Ministry of Education and Training."
    )
    assert {c for c, _ in learning(text)} == {"Hải Dương"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a dateline's city is where the story was filed
        ("MANILA, Philippines — Quezon City was named one of the 72 new members of the UNESCO Global Network of "
         "Learning Cities.", {"Quezon City"}),
        # a word before "city" that names no place describes the city
        ("Vitebsk became the first Belarusian city, Vitebsk, to join the UNESCO Global Network of Learning Cities.",
         {"Vitebsk"}),
    ],
)  # fmt: skip
def test_a_dateline_city_or_a_describing_word_is_no_learning_city(text, expected):
    assert {city for city, _ in learning(text)} == expected


def test_a_recognition_s_name_opens_with_no_possessive_and_a_long_name_that_ends_in_city_is_a_town():
    text = (
        "UNESCO Adds Three Cities to Its Global Network of Learning Cities\n\n"
        "Saudi cities in the Global Learning Cities Network now number 8 cities, which are: Jubail, Yanbu, Medina, "
        "Al-Ahsa, King Abdullah Economic City."
    )
    got = learning(text)
    assert ("King Abdullah Economic City", "Global Learning Cities Network") in got
    assert not any(rec.startswith("Its ") for _, rec in got)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "has become", "becomes": a city that becomes an awardee or a member takes the recognition of its clause
        ("Bahir Dar City has become a UNESCO awardee of Learning City, and member of Global Network of Learning "
         "Cities (GNLC).", {"Bahir Dar"}),
        ("Chinhoyi becomes the second city, after Kwekwe, to be added to the UNESCO Global Network of Learning "
         "Cities.", {"Chinhoyi", "Kwekwe"}),
    ],
)  # fmt: skip
def test_a_city_that_becomes_an_awardee_or_a_member_is_a_learning_city(text, expected):
    assert {city for city, _ in learning(text)} == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a conjunction opening the sentence is no part of the first city's name
        # (a name the gazetteer takes for a place only beside its country is kept as written)
        ("When Derry and Cork joined the UNESCO Global Network of Learning Cities in 2019, we were glad.",
         {"Derry", "Cork"}),
        ("After Derry and Cork joined the UNESCO Global Network of Learning Cities, others followed.",
         {"Derry", "Cork"}),
    ],
)  # fmt: skip
def test_a_conjunction_opening_the_sentence_is_no_part_of_a_listed_city(text, expected):
    assert {city for city, _ in learning(text)} == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("City of Wolverhampton has hit a major milestone. It has been officially accepted into the UNESCO Global "
         "Network of Learning Cities.", {"Wolverhampton"}),
        ("Wolverhampton has hit a major milestone. It has joined the UNESCO Global Network of Learning Cities.",
         {"Wolverhampton"}),
        ("Leeds was inducted into the UNESCO Global Network of Learning Cities in 2016.", {"Leeds"}),
        # "it" is the city only where the sentence before opens with it
        ("The mayor praised Wolverhampton. It has been accepted into the UNESCO Global Network of Learning Cities.",
         set()),
        # and only where the sentence says it was accepted, joined or became a member
        ("Wolverhampton has hit a major milestone. It hosts the UNESCO Global Network of Learning Cities website.",
         set()),
    ],
)  # fmt: skip
def test_it_after_a_sentence_that_opens_with_a_city_is_that_city(text, expected):
    network = "UNESCO Global Network of Learning Cities"
    assert {city for city, recognition in learning(text) if recognition == network} == expected


@pytest.mark.parametrize(
    "text",
    [
        "The Thrissur Corporation and the Nilambur municipality have been recommended for inclusion among the UNESCO "
        "Global Network of Learning Cities (GNLC).",
        "Thrissur, Kochi and Kozhikode have been shortlisted for the UNESCO Learning City Award.",
        "Kochi aspires to join the UNESCO Global Network of Learning Cities.",
    ],
)
def test_a_city_only_proposed_for_a_recognition_has_none(text):
    # it may still be a case of learning-city practice, but no member, winner or participant
    assert {kind for _, kind in learning_kinds(text)} <= {PRACTICE_KIND}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("On 19 September 2020, the UNESCO learning city of Clermont-Ferrand will host its first major learning city "
         "event on science.", {"Clermont-Ferrand"}),
        ("The Learning City of Cork held its festival in March.", {"Cork"}),
        # a city near the words, but not the one they name
        ("A learning city of the future needs parks, the mayor of Cork said.", set()),
    ],
)  # fmt: skip
def test_the_learning_city_of_a_city_names_it(text, expected):
    assert {city for city, _ in learning(text)} == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a speaker's name and titles before "said" list no cities, though the quotation names a recognition (only
        # "Learning Limerick", its learning city's own name, names one)
        ("Eimear Brophy, Limerick and Clare Education and Training Board, and Chair of Learning Limerick Steering "
         "Group, said: “As a UNESCO Learning City-Region we want to encourage lifelong learning.”", {"Limerick"}),
        # a city only invited to join is no member yet
        ("The Nairobi City County Government has been invited to join the UNESCO Global Network of Learning Cities.",
         set()),
        # a small town named with its local government's word is a place, and a member
        ("Lesbos Municipality, which is working to provide learning opportunities for all its residents in Greece, has "
         "joined the UNESCO Global Network of Learning Cities (GNLC).", {"Lesbos"}),
    ],
)  # fmt: skip
def test_speakers_invitations_and_municipalities(text, expected):
    assert {city for city, _ in learning(text)} == expected


def rows(text: str) -> list[tuple[str, str, str]]:
    return [
        (c.city, c.recognition, c.kind)
        for c in extract_learning_cities(text, split_sentences(text), extract_places(text))
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "added to" the network carries the network named in the sentence before to the city
        ("Lyon joined the UNESCO Global Network of Learning Cities in 2016. This year, 40 cities, including the "
         "city of Porto, were added to the network.",
         {("Lyon", "UNESCO Global Network of Learning Cities"), ("Porto", "UNESCO Global Network of Learning Cities")}),
        # a city named to say where the member lies is no member
        ("Kwekwe, a mining town about 200 km southwest of Harare, has been added to the UNESCO Global Network of "
         "Learning Cities.",
         {("Kwekwe", "UNESCO Global Network of Learning Cities")}),
        ("Machakos, a town near Nairobi, has joined the UNESCO Global Network of Learning Cities.",
         {("Machakos", "UNESCO Global Network of Learning Cities")}),
    ],
)  # fmt: skip
def test_a_city_added_to_a_network_is_a_member_and_a_bearing_is_not(text, expected):
    assert learning(text) == expected


def test_one_sentence_gives_a_city_one_recognition_of_a_kind():
    # the list names the network as "UNESCO GNLC" (the paragraph before), the clause as "GNLC": one row each city
    text = (
        "The UNESCO GNLC supports lifelong learning in its member cities.\n\nWith this year's admission of new "
        "members, the GNLC keeps growing. Two Spanish cities – Bilbao and Seville – joined this year, bringing the "
        "number of Spanish members to nine."
    )
    assert [(c, k) for c, _, k in rows(text)] == [("Bilbao", "network member"), ("Seville", "network member")]


def test_a_sentence_that_recognises_a_city_again_makes_it_no_case_of_practice():
    text = (
        "Building learning cities is a shared task. Bilbao joined the UNESCO GNLC in 2019. "
        "Bilbao became a member of the UNESCO GNLC after years of work."
    )
    assert PRACTICE_KIND not in {k for _, _, k in rows(text)}


def test_a_clause_that_names_no_recognition_takes_the_one_an_earlier_clause_names():
    text = (
        "Building learning cities matters. Two towns came before: Espoo and Porto (joining the GNLC in 2016), and "
        "Lyon in the south and Cork in the west (joining in 2019)."
    )
    assert learning(text) == {("Espoo", "GNLC"), ("Porto", "GNLC"), ("Lyon", "GNLC"), ("Cork", "GNLC")}


@pytest.mark.parametrize(
    "text",
    [
        "The second International Conference on Learning Cities was attended by the Mayors of Banjul and Bujumbura.",
        "The UNESCO Learning City Award was received by the Governor of Damietta on Monday.",
    ],
)
def test_cities_in_the_titles_of_officials_are_no_learning_cities(text):
    assert learning(text) == set()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the recognition's own words beside a city, as if they were another item of a list
        ("As part of our efforts to become a Learning City, the Lowell City of Learning initiative hosts a festival.",
         {"Lowell"}),
        ("To become a Learning City, Lowell and Nashua host festivals.", {"Lowell", "Nashua"}),
    ],
)  # fmt: skip
def test_the_words_of_a_recognition_are_no_city(text, expected):
    assert {city for city, _ in learning(text)} == expected
