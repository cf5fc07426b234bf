"""Events read with the real place and figure extractors: when, where and how many, as news reports write them."""

from __future__ import annotations

import pytest

from etl.extract.pipeline import extract_article


def events(text: str) -> list[tuple[str, str, str, str, float | None]]:
    """(name, date, end date, city, attendees) of each event the article gives."""
    return [(e.name, e.date, e.end_date, e.city, e.attendees) for e in extract_article(text).events]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an agency and a dash before the date: the date the story was filed, so "yesterday" is the day before it
        (
            "Date: September 28, 2017\n\nGIS - 28 September, 2017: The 12th edition of the Digital Africa Conference "
            "opened yesterday in Nairobi.\n",
            ("Digital Africa Conference", "2017-09-27", "2017-09-27", "Nairobi", None),
        ),
        (
            "Date: May 6, 2019\n\nKNA - May 6, 2019: The Open Schools Forum opened yesterday in Nairobi.\n",
            ("Open Schools Forum", "2019-05-05", "2019-05-05", "Nairobi", None),
        ),
    ],
)
def test_a_dateline_of_an_agency_and_a_dash_is_when_the_story_was_filed(text, expected):
    assert events(text) == [expected]


def test_a_date_before_in_collaboration_with_is_the_event_s_not_the_other_gathering_s():
    text = (
        "The 18th PASCAL Observatory conference, hosted by the University of the Philippines from 12-13 November 2024 "
        "and held in collaboration with the 5th International Conference on Urban Planning, has concluded.\n"
    )
    found = {name: date for name, date, *_ in events(text)}
    assert found["18th PASCAL Observatory conference"] == "2024-11-12"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "11th PASCAL International Observatory Conference in Hong Kong, 18-20 November 2013\n\nThe theme is "
            "cities learning together.\n",
            ("11th PASCAL International Observatory Conference", "2013-11-18", "2013-11-20", "Hong Kong", None),
        ),
        (
            "The Open Schools Forum in Lima, Peru, on 5 May 2019 was a success.\n",
            ("Open Schools Forum", "2019-05-05", "2019-05-05", "Lima", None),
        ),
    ],
)
def test_a_name_then_its_place_then_its_date_is_a_gathering(text, expected):
    assert events(text) == [expected]


@pytest.mark.parametrize(
    ("text", "attendees"),
    [
        (
            "Edmonton… More than 650 educators from across Alberta and Canada will explore the latest advances at "
            "the sixth annual Online Learning Symposium, October 29 to 31, 2002 in Edmonton.\n",
            650,
        ),
        ("Some 300 teachers will share their work at the Open Schools Forum on 5 May 2019 in Lima.\n", 300),
        # "at a" as well as "at the"
        (
            "Patna, July 6: Twenty-four teachers from Magadh University have come out with flying colours at a 10-day "
            "workshop that taught them computers.\nParticipants attended the workshop organised by the ministry.\n",
            24,
        ),
        # the people are not the sentence's subject: nobody is said to be at the event
        (
            "The ministry said the plan trains 3,000 teachers, speaking at the Open Schools Forum on 5 May 2019 in "
            "Lima.\n",
            None,
        ),
    ],
)
def test_the_people_a_sentence_opens_with_at_an_event_attend_it(text, attendees):
    (found,) = events(text)
    assert found[4] == attendees


@pytest.mark.parametrize(
    "text",
    [
        "The Civil 20 Summit on Education & Digital Transformation concluded at Thiruvananthapuram on 5 May 2023.",
        # far from the name, where a bare "in" would not do
        "The Open Schools Forum, which drew teachers from every district of the state, ended in Thiruvananthapuram "
        "on 5 May 2023.",
    ],
)
def test_the_place_an_event_concluded_at_hosts_it(text):
    (found,) = events(text)
    assert found[3] == "Thiruvananthapuram"


def test_a_year_and_an_expansion_in_brackets_after_a_name_keep_the_place_after_them_near():
    text = (
        "Representatives of the two DigiKidz Schools (Hillside Christian Asha Stevens Campus and Seventh Day "
        "Adventist) attended the ISTE conference 2014 (International Society for Technology in Education) in Atlanta "
        "from June 28 until July 1.\n"
    )
    (found,) = events(text)
    assert found[3] == "Atlanta"


MOOT = (
    "Thank you to everyone who joined us at EduMoot Global 2023. Over 700 Moodlers attended this year’s global "
    "Moot from 19-21 September 2023 in Barcelona, Spain.\n"
    "Sign up for news about our next EduMoot Global being held in Mexico from 11-14 November 2024!\n"
    "Our winner receives a free ticket to EduMoot Global 2024 in Mexico. We loved Barcelona.\n"
)


def test_a_name_without_a_year_dated_in_another_edition_s_year_is_that_edition():
    """'our next X' held in 2024 is the 2024 edition, not the 2023 one the article reports: two rows, each with its
    own dates; the name shown is the one that writes the year; the 2024 one is not in the Barcelona of the 2023 one."""
    assert events(MOOT) == [
        ("EduMoot Global 2023", "2023-09-19", "2023-09-21", "Barcelona", 700),
        ("EduMoot Global 2024", "2024-11-11", "2024-11-14", "", None),
    ]


@pytest.mark.parametrize(
    ("text", "attendees"),
    [
        ("The Open Schools Forum was held on 5 May 2019 in Lima. Over 700 Moodlers attended.\n", 700),
        ("The Open Schools Forum was held on 5 May 2019 in Lima. Some 120 Edupreneurs took part.\n", 120),
    ],
)
def test_people_named_in_any_case_right_before_attended_attend(text, attendees):
    (found,) = events(text)
    assert found[4] == attendees


FESTIVAL = (
    "BCC Announces Return Of Belfast Learning Festival\n"
    "The Belfast Learning Festival has returned for its eighth year, offering 130 free activities this week.\n"
    "From Wednesday 9th to Sunday 13th April 2025, residents and visitors can take part in free lessons.\n"
)


def test_a_festival_back_for_its_nth_year_is_dated_by_the_sentence_that_goes_on_about_it():
    """'returned for its eighth year' says the festival takes place; the next sentence, opening with its days and
    saying people take part, dates it; a headline's verbs ('Announces Return Of') are no part of its name."""
    assert events(FESTIVAL) == [("Belfast Learning Festival", "2025-04-09", "2025-04-13", "Belfast", None)]


@pytest.mark.parametrize(
    ("text", "date"),
    [
        (
            "A new learning festival is to be held in Derry in May 2020.\nIt will take place from May 18-24, 2020, "
            "and everyone can take part.\n",
            "2020-05-18",
        ),
        # this year's edition is the one just named
        (
            "The Open Schools Conference has been held for teachers for the 4th year now. This year it took place "
            "between 09 – 10 October 2018.\n",
            "2018-10-09",
        ),
        # not an earlier one
        (
            "The Open Schools Conference opened in Nairobi for the 4th year. Last year it took place between 09 – 10 "
            "October 2017.\n",
            "",
        ),
        # another happening's day, in a sentence that does not go on about the event
        (
            "Arrangements have been made to hold the first international conference in Colombo.\nThe official "
            "handing over of the classroom has also been scheduled to take place on 21st October 2014.\n",
            "",
        ),
    ],
)
def test_only_a_sentence_that_goes_on_about_the_event_just_named_dates_it(text, date):
    (found,) = events(text)
    assert found[1] == date


def test_the_capital_named_after_its_country_s_adjective_and_a_comma_hosts_the_event():
    text = (
        "The Digital School organised a strategic 2-day workshop on 27 January 2025 in the Mauritanian capital, "
        "Nouakchott.\n"
    )
    (found,) = events(text)
    assert found[3] == "Nouakchott"


@pytest.mark.parametrize(
    ("text", "attendees"),
    [
        (
            "Braving winds and downpours, over 3,000 educators and administrators from around the world converged on "
            "the historic Pasadena Conference Center for the 11th Annual Technology in Education International "
            "Conference & Technology Exposition known as TechEd 2006.\n",
            3000.0,
        ),
        ("More than 800 teachers converge on Accra for the West Africa EdTech Summit this week.\n", 800.0),
    ],
)
def test_people_who_converge_on_a_place_for_an_event_attend_it(text, attendees):
    assert [a for *_, a in events(text)] == [attendees]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a training someone stages, and what it is about
        (
            "Open Schools Ghana has organised a training on digital safety for 47 head teachers in Koforidua on "
            "3 May 2021.\n",
            [("training on digital safety", "2021-05-03", "2021-05-03", "Koforidua", 47)],
        ),
        (
            "The Open Schools Trust hosted an event on digital skills on 3 May 2021 in Kisumu.\n",
            [("event on digital skills", "2021-05-03", "2021-05-03", "Kisumu", None)],
        ),
        # not one the text tells nothing of, nor a session of some other gathering
        ("The council organised an event in Kigali on 3 May 2021.\n", []),
        ("The school hosted a lunchtime session on coding in Coventry on 3 May 2021.\n", []),
    ],
)
def test_a_training_or_event_someone_stages_on_a_subject_is_a_gathering(text, expected):
    assert events(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The World Bank hosted a Regional Learning Event on Teaching with ICT in Bridgetown on 14 April 2011.\n",
            [("Regional Learning Event on Teaching", "2011-04-14", "2011-04-14", "Bridgetown", None)],
        ),
        # one capitalised word before "Event" names no event; nor does "the event" in lower case
        ("UNESCO organized a Side Event in Paris on 6 March 2019 on reading.\n", []),
        ("The event was held in Paris on 6 March 2019.\n", []),
    ],
)
def test_a_capitalised_event_after_two_name_words_is_a_named_gathering(text, expected):
    assert events(text) == expected


@pytest.mark.parametrize(
    ("text", "attendees", "countries"),
    [
        (
            "The Educteck Expo will take place in Algiers from October 25 to 29, 2022. It will bring together forty "
            "Algerian and foreign exhibitors.\n",
            None,
            None,
        ),
        (
            "The EduTECH Australia Congress was held in Melbourne on 23 August 2023. With over 350 exhibitors, it was a "
            "hub where leaders converged to explore the future of education.\n",
            None,
            None,
        ),
        (
            "The Education Fair was held in Tehran on 5 May 2013, with 120 exhibitors from 22 countries and over "
            "60,000 visitors.\n",
            60000.0,
            22.0,
        ),
    ],
)
def test_exhibitors_are_no_attendance_but_the_countries_they_come_from_are_represented(text, attendees, countries):
    (event,) = extract_article(text).events
    assert (event.attendees, event.countries_represented) == (attendees, countries)


def test_the_event_after_a_forum_the_text_never_says_takes_place_is_the_main_event_s():
    text = (
        "On 22 April 2020, IICBA organized a webinar on “ICT and Distance Learning in Tertiary Education”. The "
        "webinar aimed to create a forum in which African teachers could share experience. Education experts from "
        "three countries - namely Ethiopia, Kenya and Nigeria - made presentations and over 160 participants across "
        "the world joined the event.\n"
    )
    (event,) = extract_article(text).events
    assert (event.date, event.attendees, event.countries_represented) == ("2020-04-22", 160.0, 3.0)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Practitioners from across Canada gathered on August 24 and 25, 2017 in downtown Toronto for the CANeLearn "
            "Leadership Summit.\n",
            ("CANeLearn Leadership Summit", "2017-08-24", "2017-08-25", "Toronto", None),
        ),
        # the lead sets the scene, then the next sentence names the event: its day and town are the event's
        (
            "Monday, April 27, 2009\n\nAll roads led to a summer getaway at the heart of Lian, Batangas on the 31st of "
            "March.\n\nParticipants from all over the country trooped to the beach resort to attend the 2nd eSkwela "
            "Conference organized by the Commission on Information and Communications Technology.\n",
            ("2nd eSkwela Conference", "2009-03-31", "2009-03-31", "Lian", None),
        ),
    ],
)
def test_a_town_in_downtown_or_at_the_heart_of_hosts_the_event(text, expected):
    assert events(text) == [expected]


def test_the_gathering_a_host_convenes_for_its_named_event_is_that_event():
    text = (
        "The university recently convened a diverse assembly of educators, policymakers, and technology leaders for "
        "its 2nd E-Learning International Conference. Held on July 11-12, 2024, the event served as a forum.\n"
    )
    assert events(text) == [("2nd E-Learning International Conference", "2024-07-11", "2024-07-12", "", None)]


def test_a_moot_is_a_gathering_where_the_text_says_it_takes_place():
    text = (
        "Date: December 20, 2016\n\nIslamabad-Two-day international moot on “Distance Education and E-Learning” "
        "commenced on Monday at the International Islamic University Islamabad.\n"
    )
    ((name, date, _, city, _),) = events(text)
    assert (name, date, city) == ("Distance Education and E-Learning", "2016-12-19", "Islamabad")
    # a moot point is no gathering
    assert events("Whether the plan will work is a moot point, the minister said in Islamabad on Monday.\n") == []


def test_the_first_gathering_since_a_year_is_no_first_edition():
    text = (
        "MoodleMoot Global 2022 got off to a great start in Barcelona on 27 September 2022. Over 775 Moodlers were all "
        "gathered for the first face-to-face global Moot since 2019.\n"
    )
    (event,) = extract_article(text).events
    # "the first ... since 2019" refers back to the event named, in person, of no edition told
    assert (event.name, event.format, event.edition) == ("MoodleMoot Global 2022", "in person", None)


def test_a_name_the_event_is_known_by_is_the_same_event():
    text = (
        "Over 3,000 educators converged on the Pasadena Conference Center for the 11th Annual Technology in Education "
        "International Conference & Technology Exposition known as TechEd 2006. TechEd 2006 opened in Pasadena on "
        "March 6, 2006.\n"
    )
    assert len(extract_article(text).events) == 1


def test_a_summit_said_to_take_place_in_the_city_of_its_name_is_an_event():
    text = (
        "Mogadishu Tech Summit enters its second day\n\nMOGADISHU (SD) – Mogadishu Tech Summit has entered its second "
        "day with hundreds of enthusiastic participants trooping the national theatre where the event is taking "
        "place.\n\nAmong those featured is a telemedicine start-up in Mogadishu.\n\nThe Summit which kicked off Tuesday "
        "will be concluded tomorrow.\n"
    )
    assert [(e.name, e.city) for e in extract_article(text).events] == [("Mogadishu Tech Summit", "Mogadishu")]


# the sentences between the event's last and a count of its attendees
_BETWEEN = (
    "The aim of the forum was to help towns plan for learning. Its objectives were:\n"
    "• Adoption of a declaration on learning towns; and\n"
    "• Exchange of practices between towns.\n"
)


@pytest.mark.parametrize(
    ("text", "attendees"),
    [
        # in a text that tells of one event, a count of attendees said to attend is its attendance however far on
        (
            "The Open Towns Forum was held in Lima on 5 May 2019.\n" + _BETWEEN + "Over 550 delegates attended.\n",
            550,
        ),
        ("The Open Towns Forum was held in Lima on 5 May 2019.\n" + _BETWEEN + "It attracts 600 delegates.\n", 600),
        # ... not a count of people who are not attendees
        (
            "The Open Towns Forum was held in Lima on 5 May 2019.\n" + _BETWEEN + "Some 540 million learners have "
            "joined online courses.\n",
            None,
        ),
        # ... nor attendees with no verb of attending
        (
            "The Open Towns Forum was held in Lima on 5 May 2019.\n" + _BETWEEN + "The next forum plans for 600 "
            "delegates.\n",
            None,
        ),
    ],
)
def test_attendees_said_to_attend_further_on_attend_the_one_event_told_of(text, attendees):
    (found,) = events(text)
    assert found[4] == attendees


@pytest.mark.parametrize(
    ("text", "attendees"),
    [
        # the figure after "from" counts what those who come are from, not who comes
        (
            "The Open Schools Forum was held in Lima on 5 May 2019. Teachers from the two universities attended the "
            "forum.\n",
            None,
        ),
        (
            "The Open Schools Forum was held in Lima on 5 May 2019. One hundred and three (103) participants from "
            "seventy-three (73) secondary schools participated.\n",
            103,
        ),
        # ... while people from a place still count when they are who attends
        ("The Open Schools Forum was held in Lima on 5 May 2019. Over 40 teachers from 12 schools attended.\n", 40),
    ],
)
def test_a_figure_of_where_attendees_come_from_is_no_attendance(text, attendees):
    (found,) = events(text)
    assert found[4] == attendees


@pytest.mark.parametrize(
    "text",
    [
        # the venue's acronym in brackets, then a comma and the city
        "The Digital Literacy Day 2022 was held at National Economics University (NEU), Hanoi, Vietnam on 8 "
        "September 2022.\n",
    ],
)
def test_the_city_after_a_venue_and_its_acronym_hosts_the_event(text):
    (found,) = events(text)
    assert found[3] == "Hanoi"


@pytest.mark.parametrize(
    ("text", "fmt"),
    [
        # at a venue "and virtually": both ways at once
        (
            "The Digital Literacy Day 2022 was held at the Open Hall and virtually via Zoom on 8 September 2022.\n",
            "hybrid",
        ),
        ("The Digital Literacy Day 2022 was held virtually via Zoom on 8 September 2022.\n", "online"),
    ],
)
def test_an_event_held_at_a_venue_and_virtually_is_hybrid(text, fmt):
    (found,) = extract_article(text).events
    assert found.format == fmt


@pytest.mark.parametrize(
    ("text", "city"),
    [
        # a city-state named inside the event's name, and nowhere else, is where it is held
        (
            "The Hong Kong International IT in Education Conference 2006 opened yesterday with 1,500 participants.\n",
            "Hong Kong",
        ),
        # ... not where the name names other places too
        ("The Guangdong-Hong Kong-Macao University Smart Education Seminar was held with 1,500 participants.\n", ""),
    ],
)
def test_a_city_state_alone_in_an_event_s_name_hosts_it(text, city):
    (found,) = events(text)
    assert found[3] == city


def test_a_verb_of_inaugurating_says_an_event_takes_place():
    text = "The Minister inaugurated the three-day State School IT Workshop on 5 May 2019.\n"
    assert [(e[0], e[1]) for e in events(text)] == [("State School IT Workshop", "2019-05-05")]


def test_a_gathering_described_by_two_event_words_is_one_gathering():
    # "gala" and "ceremony" are both event words: "gala dinner ceremony" is one gathering, not a "gala" besides it
    text = (
        "The Open Schools Expo 2009 was held in Hyderabad on 25 August 2009. The minister attended a gala dinner "
        "ceremony on 26 August 2009.\n"
    )
    assert [e[0] for e in events(text)] == ["Open Schools Expo 2009", "gala dinner ceremony"]


@pytest.mark.parametrize(
    ("text", "attendees"),
    [
        # groups said to take part lose to a count of the people themselves
        (
            "The Open Schools Hackathon was held in Vienna on 5 May 2019. Five teams participated on campus. Our 17 "
            "participants came from 11 countries.\n",
            17,
        ),
        # ... and count where the text gives no other
        ("The Open Schools Workshop was held in Vienna on 5 May 2019. It was attended by 14 secretariats.\n", 14),
    ],
)
def test_groups_said_to_attend_give_way_to_a_count_of_people(text, attendees):
    (found,) = events(text)
    assert found[4] == attendees


@pytest.mark.parametrize(
    ("text", "attendees"),
    [
        # a count a verb of gathering takes as its object beats a later one said to take part in a side activity
        (
            "The Open Schools Summit brought together 150 attendees in Oslo on 7 June 2017. About ten students "
            "participated in making short videos.\n",
            150,
        ),
        (
            "The Open Schools Festival hosted more than 300 participants in Athens on 19 May 2018. Its stand attracted "
            "more than 500 visitors.\n",
            300,
        ),
        # the same number told in other words is one fact: the exact one, whichever was told first
        (
            "The Open Schools Conference draws more than 2,000 educators.\n\nA total of 2,051 educators from 159 "
            "districts attended the Open Schools Conference in Murray on 23 June 2020.\n",
            2051,
        ),
    ],
)
def test_a_count_a_verb_of_gathering_takes_is_said_to_attend(text, attendees):
    (found,) = events(text)
    assert found[4] == attendees


@pytest.mark.parametrize(
    ("text", "attendees"),
    [
        # those an event is held for attend it
        (
            "The Open Schools Institute held a three-day coding workshop in Lusaka on 4 May 2021 for 45 primary "
            "school teachers.\n",
            45,
        ),
        (
            "On 9 March 2022 the Open Schools Trust concluded a week-long digital skills training in Gulu for over "
            "120 teachers and librarians.\n",
            120,
        ),
        # those a verb of training takes
        ("The Open Schools Summit 2021, held in Tamale from 2 to 4 June 2021, is training 230 teachers.\n", 230),
        # ... but not those a plan or a programme's list of deeds would train
        (
            "The Open Schools Summit 2021 was held in Tamale on 2 June 2021. The ministry has a plan to train a total "
            "of 60,000 teachers.\n",
            None,
        ),
        (
            "The Open Schools Summit 2021 was held in Tamale on 2 June 2021. Its host city runs mobile lectures, "
            "carrying out more than 63 trainings and training more than 28,000 farmers.\n",
            None,
        ),
        (
            "The signing ceremony in Tamale on 2 June 2021 closed the Open Schools Summit 2021. The agreement calls "
            "for the training of 10,000 teachers in digital literacy.\n",
            None,
        ),
        # "for" far from any event word gives no attendance
        (
            "The Open Schools Summit in Accra on 3 June 2021 heard the minister promise that laptops are coming in "
            "the next months for 5,000 pupils.\n",
            None,
        ),
        # a count of attendees after "for" keeps its rank: the one said to gather wins
        (
            "The Open Schools Week 2021 ran eight central events for 800 participants. In Prague the Open Schools "
            "Week 2021 took place on 3 May 2021, bringing together more than 600 participants.\n",
            600,
        ),
    ],
)
def test_those_an_event_is_held_for_or_trains_attend_it(text, attendees):
    (found,) = events(text)
    assert found[4] == attendees


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an edition's name set between commas after a description names the event described
        (
            "KINGSTON - The minister addressed the opening of the 5th international conference on technology in "
            "education, EduVision 2011, which got underway on December 1st at the Jamaica Conference Centre.\n",
            [("EduVision 2011", "2011-12-01")],
        ),
        # ... or before the verb that says it takes place, when a heading named it first
        (
            "Lumen 2019\nHeld on 5 May 2019 in Vienna, the annual conference of the Teachers’ Guild, "
            "LUMEN 2019 brought together 160 teachers from 30 countries.\n",
            [("Lumen 2019", "2019-05-05")],
        ),
    ],
)
def test_an_edition_s_name_between_commas_after_a_description_is_the_event_described(text, expected):
    assert [(e[0], e[1]) for e in events(text)] == expected


@pytest.mark.parametrize(
    ("text", "city"),
    [
        # a city "home of" or "host to" an event hosts it
        (
            "From 02 – 04 October 2013, the city of Lima was the home of the Second Meeting of Ministers of Education "
            "of South America and Arab Countries, which brings together the ministers of both regions.\n",
            "Lima",
        ),
        (
            "In March 1995 Birmingham will play host to the sixth World Conference on Computers in Education, with "
            "over 2,000 delegates at Aston University.\n",
            "Birmingham",
        ),
    ],
)
def test_a_city_home_or_host_to_an_event_hosts_it(text, city):
    (found,) = events(text)
    assert found[3] == city


@pytest.mark.parametrize(
    ("text", "city"),
    [
        # a province said to host an event, whose main town goes by its name, names that town
        ("The Open Schools Forum 2019 was held in Karaganda on 5 May 2019 with 300 participants.\n", "Karaganda"),
        # ... not a province whose town of that name stands elsewhere (the Ibaraki of Osaka)
        ("The Open Schools Forum 2019 was held in Ibaraki on 5 May 2019 with 300 participants.\n", ""),
        # "conducted in", "conducted ... in": a host verb
        (
            "The Open Schools Workshop for teachers of primary and secondary schools was conducted in Bishkek on 4 "
            "May 2019 for 100 teachers.\n",
            "Bishkek",
        ),
        # the title goes on after its acronym in brackets, and the place is near it from there
        (
            "On 4 May 2019 the university hosted a regional workshop on Open Educational Resources (OER) "
            "Co-Development for Teacher Education in Kigali, Rwanda, with 40 participants.\n",
            "Kigali",
        ),
    ],
)
def test_a_host_named_after_a_long_title_or_a_province_hosts_it(text, city):
    (found,) = events(text)
    assert found[3] == city


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a noun for the course an event runs may stand between its event word and its title
        (
            "Bilaspur University has organized two days training programme on “Blended Learning for Higher "
            "Education” on 1-2 September 2018. Fifty faculty members participated in the programme.\n",
            [("Blended Learning for Higher Education", "2018-09-01", 50)],
        ),
        # ... only where the words that bring a title follow it
        ("The ministry has organized a training programme for 50 teachers on 1-2 September 2018.\n", []),
    ],
)
def test_a_training_programme_on_a_quoted_title_is_named_by_it(text, expected):
    assert [(e[0], e[1], e[4]) for e in events(text)] == expected


_PHOTO = "My photo of\nthe poster\n"


@pytest.mark.parametrize(
    ("text", "attendees", "countries"),
    [
        # in a text that tells of one event, people counted beside the countries they come from attend it, verb or not
        (
            "The Open Towns Forum was held in Lima on 5 May 2019.\n" + _BETWEEN + "About ninety delegates from more "
            "than twenty countries could pick from sixty talks.\n",
            90,
            20,
        ),
        # ... and so they do where another event is only named in passing, never said to take place
        (
            "Last week I attended the Open Towns Forum in Lima. Here are my notes from the forum, which add to my notes "
            "from our Harbour Conference.\n" + _PHOTO + "Some 120 delegates from 30 countries could pick from sixty "
            "talks.\n",
            120,
            30,
        ),
        # ... but not without the countries nor a verb of attending
        (
            "The Open Towns Forum was held in Lima on 5 May 2019.\n" + _BETWEEN + "About ninety delegates could pick "
            "from sixty talks.\n",
            None,
            None,
        ),
    ],
)
def test_people_from_so_many_countries_attend_the_one_event_told_of(text, attendees, countries):
    (found,) = extract_article(text).events
    assert (found.attendees, found.countries_represented) == (attendees, countries)


def test_a_sentence_back_on_the_event_that_names_another_in_passing_stays_on_it():
    """The conference of "my notes from the conference, which add to my notes from our Harbour Conference" is the
    one told of before, so "the conference" after it is still that one."""
    text = (
        "Last week I attended the Open Towns Conference in Lima. Here are my notes from the conference, which add to "
        "my notes from our Harbour Conference in Quito last year.\nThe mayor spoke at the conference dinner.\n"
        "Sixty delegates joined the conference.\n"
    )
    (found,) = extract_article(text).events
    assert (found.name, found.attendees) == ("Open Towns Conference", 60)


@pytest.mark.parametrize(
    "headline",
    [
        "Agency holds Training Workshop in Amman on “Open Schools for All”",
        "Agency holds Training Workshop in Jordan on “Open Schools for All”",
    ],
)
def test_a_place_between_an_event_word_and_its_quoted_title_keeps_the_title(headline):
    """The headline's workshop "in Amman on “Title”" is the workshop the story names by that title: one event."""
    text = (
        headline + "\n\nThe agency held, on 3-5 May 2024 at the University of Amman, a training workshop on “Open "
        "Schools for All”, along with 30 participants from the ministry.\n"
    )
    (found,) = extract_article(text).events
    assert (found.date, found.end_date, found.attendees) == ("2024-05-03", "2024-05-05", 30)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a training said to last so long is a gathering of its own
        (
            "The Ministry held a two-day training on digital skills for teachers in Accra on 4 May 2015.\n",
            [("two-day training on digital skills for teachers in Accra", "2015-05-04", "Accra")],
        ),
        (
            "The board ran a 5-day teacher training in Nairobi from 19 to 23 February 2025.\n",
            [("5-day teacher training", "2025-02-19", "Nairobi")],
        ),
        # ... with "the" too, where no training was spoken of before
        (
            "The three-day coding training for teachers was held in Tamale on 4 May 2015.\n",
            [("three-day coding training for teachers", "2015-05-04", "Tamale")],
        ),
        # ... but a training with no length only refers back, and a length only describes an event already named
        ("The Ministry held a training on digital skills for teachers in Accra on 4 May 2015.\n", []),
        (
            "The ICT Week opened in Tamale on 4 May 2015 with a training for teachers. The three-day training ended "
            "on 6 May 2015.\n",
            [("ICT Week", "2015-05-04", "Tamale")],
        ),
        (
            "The Open Towns Forum opened in Lima on 5 May 2019. It is a two-day event for mayors.\n",
            [("Open Towns Forum", "2019-05-05", "Lima")],
        ),
    ],
)
def test_a_training_said_to_last_so_long_is_a_gathering(text, expected):
    assert [(e.name, e.date, e.city) for e in extract_article(text).events] == expected


@pytest.mark.parametrize(
    ("text", "attendees"),
    [
        # the lead before the event is named says who came, with a verb of attending: the event's attendance
        (
            "Exhibitors were able to welcome some 100,000 visitors last weekend.\n"
            "The Open Schools Fair was held in Cologne on 23 February 2019.\n",
            100000,
        ),
        # ... not a lead that counts people without saying they came
        (
            "More than 100,000 visitors use the platform.\nThe Open Schools Fair was held in Cologne on 23 February "
            "2019.\n",
            None,
        ),
    ],
)
def test_a_lead_that_counts_those_who_came_is_the_event_s_attendance(text, attendees):
    (found,) = extract_article(text).events
    assert found.attendees == attendees


def test_no_gathering_counts_billions_or_a_thousand_countries():
    """A platform's "3.41 billion visitors ... from 895 countries" told beside an event is not its attendance."""
    text = (
        "The Open Schools Forum was held in Lima on 5 May 2019. Over 3.41 billion visitors from 895 countries and "
        "regions attended the forum's platform.\n"
    )
    (found,) = extract_article(text).events
    assert (found.attendees, found.countries_represented) == (None, None)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a sentence that writes the initials of an event's name speaks of it
        (
            "Open Learning and Teaching Summit 2019: a review\nDubai’s OLTS event returned to the Palm from 22–24 "
            "March, bringing together leaders.\n",
            [("Open Learning and Teaching Summit 2019", "2019-03-22", "2019-03-24")],
        ),
        # ... not the initials of a topic in a description ("ICT" is no workshop's name)
        (
            "A two-day workshop on Information Communication Technology was held in Apia in 2014. ICT officers "
            "from 9 ministries met on 5 May 2015.\n",
            [("two-day workshop on Information Communication Technology", "", "")],
        ),
    ],
)
def test_the_initials_of_an_event_s_name_refer_to_it(text, expected):
    assert [e[:3] for e in events(text)] == expected


def test_a_brand_that_is_the_initials_of_an_event_s_name_is_that_event():
    text = (
        "The Open Teaching Forum 2020 took place at the university. OTF 2020 was held in Oslo on 21 October 2020 "
        "with 300 participants.\n"
    )
    assert events(text) == [("Open Teaching Forum 2020", "2020-10-21", "2020-10-21", "Oslo", 300)]


def test_a_weekday_right_after_a_modal_is_the_one_to_come():
    # published on a Saturday: "will on Monday" is two days on, not five days before
    text = (
        "Source: https://example.org/news/2012/04/21/summit\n\nThe President will on Monday welcome ministers from 54 "
        "countries as he opens the Open Schools Summit in Abuja.\n"
    )
    assert [e[:2] for e in events(text)] == [("Open Schools Summit", "2012-04-23")]


def test_people_an_event_s_guests_are_said_to_be_joining_attend_it():
    text = (
        "Microsoft hosted its 2nd Open Teachers Forum in Seoul on 5 May 2019, with policy makers joining over 150 "
        "teachers from 23 countries. The first Open Teachers Forum was held in Singapore in 2018.\n"
    )
    first = extract_article(text).events[0]
    assert (first.name, first.attendees, first.countries_represented) == ("2nd Open Teachers Forum", 150, 23)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a headline that only says what the event is, in the words that describe the body's first name, is that event
        # (and names it last)
        (
            "Regional conference in Tashkent: promoting open schools\n\nOn 17 and 18 December 2024, the regional "
            "conference ‘Open Schools in Central Asia’ took place in Tashkent. Around 70 representatives came "
            "together.\n",
            [("Open Schools in Central Asia", "2024-12-17", "2024-12-18", "Tashkent", 70)],
        ),
        (
            "Source: http://example.org/news/135/20211201\n\nResults presented in a conference: open schools in "
            'Azerbaijan\n\nAn online conference "Open schools in Azerbaijani universities: challenges" was held '
            "by the Academy.\n\nThe main aim of the conference was to discuss the results.\n\nThe conference was "
            "attended by local and foreign experts.\n",
            [("Open schools in Azerbaijani universities: challenges", "", "", "", None)],
        ),
        # a headline's proper name is no description
        (
            "Open-Schools 2015 Conference, Lilongwe, Malawi\n\nOn May 5th 2015, five teachers attended the "
            "Open-Schools 2015 conference which was held in Lilongwe, Malawi.\n",
            [("Open-Schools 2015", "2015-05-05", "2015-05-05", "Lilongwe", 5)],
        ),
    ],
)
def test_a_headline_that_says_what_the_event_is_joins_the_body_s_first_name(text, expected):
    assert events(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a graduation is a gathering, where the text says it took place ...
        (
            "The Open Schools Graduation was held in Accra on 5 May 2019 for 45 women who completed the course.\n",
            [("Open Schools Graduation", "2019-05-05")],
        ),
        # ... and no gathering where it is a rate
        ("Graduation rates rose to 85 percent in 2019, the ministry said.\n", []),
        # how many are said after what describes it is no part of its name
        (
            "The centre held a training workshop for over 40 teachers from 24 to 28 August 2015.\n",
            [("training workshop", "2015-08-24")],
        ),
    ],
)
def test_graduations_are_gatherings_and_a_count_ends_a_description(text, expected):
    assert [(e[0], e[1]) for e in events(text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a brand, its year and the place of its edition
        (
            "Monash University in Melbourne hosted the OpenMoot 2015 Australia from 6-8 July 2015. Altogether there "
            "were 521 participants.\n",
            [("OpenMoot 2015 Australia", "2015-07-06", "Melbourne", 521)],
        ),
        # one name, its words written apart in the headline and together in the body
        (
            "Open Moot Australia 2015\n\nMonash University in Melbourne hosted the OpenMoot 2015 Australia from 6-8 "
            "July 2015. Altogether there were 521 participants.\n",
            [("Open Moot Australia 2015", "2015-07-06", "Melbourne", 521)],
        ),
    ],
)
def test_a_brand_s_edition_place_and_its_name_written_apart_or_together(text, expected):
    assert [(e[0], e[1], e[3], e[4]) for e in events(text)] == expected


def test_names_of_the_same_words_stay_apart_by_their_editions_when_written_together_too():
    text = (
        "Date: 2025-03-01\n\nAt the first World Open Schools Conference, the minister said in his keynote speech "
        "that schools must open.\n\nOn May 14, the 2025 World Open Schools Conference will be held in Wuhan.\n"
    )
    from etl.extract.pipeline import extract_article

    found = {e.name: (e.date, e.edition) for e in extract_article(text).events}
    assert found["2025 World Open Schools Conference"] == ("2025-05-14", None)


@pytest.mark.parametrize(
    ("text", "attendees"),
    [
        (
            "More than 1,000 teachers will come together for the Open Schools Conference in Pohnpei on 5 May 2019.\n",
            1000,
        ),
        (
            "The Open Schools Forum opened in Accra on 5 May 2019, with 300 teachers coming together to share lessons.\n",
            300,
        ),
    ],
)
def test_people_who_come_together_for_an_event_attend_it(text, attendees):
    (found,) = events(text)
    assert found[4] == attendees


@pytest.mark.parametrize(
    ("text", "attendees", "countries"),
    [
        # whatever bound the number reader knows stands between the verb and the figure
        ("The Open Schools Conference in Accra on 5 May 2019 was attended by well over 300 teachers.\n", 300, None),
        ("The Open Schools Conference in Accra on 5 May 2019 was attended by upwards of 300 teachers.\n", 300, None),
        ("The Open Schools Conference in Accra on 5 May 2019 attracted no fewer than 300 experts.\n", 300, None),
        ("The Open Schools Conference in Accra on 5 May 2019 involved an estimated 300 teachers.\n", 300, None),
        (
            "The Open Schools Conference in Accra on 5 May 2019 drew teachers from no fewer than 30 countries.\n",
            None,
            30,
        ),
        # the bound does not make a figure of where they come from one of who comes
        (
            "Teachers from well over 30 schools attended the Open Schools Conference in Accra on 5 May 2019.\n",
            None,
            None,
        ),
    ],
)
def test_a_bound_before_a_figure_leaves_it_the_verb_s(text, attendees, countries):
    (found,) = extract_article(text).events
    assert (found.attendees, found.countries_represented) == (attendees, countries)


@pytest.mark.parametrize(
    ("text", "city"),
    [
        # a verb that brings those who come, or the event itself, to a place: the place hosts it
        ("The Open Schools Forum, held on 5 May 2019, brought more than 200 people to Barranquilla, Colombia.\n",
         "Barranquilla"),
        ("The Open Schools Expo on 5 May 2019 drew 3,000 to Pasadena.\n", "Pasadena"),
        # not what else a sentence brings somewhere
        ("The Open Schools Forum on 5 May 2019 will bring computers to schools in Barranquilla.\n", ""),
        ("The Open Schools Forum on 5 May 2019 brought new ideas to Baltimore.\n", ""),
        # nor a place of another clause
        ("The Open Schools Forum on 5 May 2019 drew 300 teachers; its sponsor then moved to Baltimore.\n", ""),
    ],
)  # fmt: skip
def test_the_place_an_event_brings_people_to_hosts_it(text, city):
    (found,) = extract_article(text).events
    assert found.city == city


@pytest.mark.parametrize(
    ("text", "attendees", "countries"),
    [
        ("The Open Schools Webinar on 5 May 2019 drew over 1,000 teachers from around 50 countries.\n", 1000, 50),
        # those a survey asked are no attendance, nor are the countries they are from
        ("The Open Schools Webinar on 5 May 2019 presented a survey of over 13,000 teachers from around 50 "
         "countries.\n", None, None),
        ("The Open Schools Webinar on 5 May 2019 presented a study of 900 teachers from 12 countries.\n", None, None),
    ],
)  # fmt: skip
def test_those_a_survey_asked_do_not_attend_the_event_that_presents_it(text, attendees, countries):
    (found,) = extract_article(text).events
    assert (found.attendees, found.countries_represented) == (attendees, countries)
