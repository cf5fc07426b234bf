"""Places: every mention found, geocoded, and no common word or person's name taken for a place."""

from __future__ import annotations

import importlib

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from etl.extract.places import extract_places, locate

places_module = importlib.import_module("etl.extract.places")


def names(text: str) -> set[str]:
    return {p.name for p in extract_places(text)}


def by_name(text: str) -> dict[str, object]:
    return {p.name: p for p in extract_places(text)}


def test_cities_are_geocoded_and_spans_point_at_the_surface():
    text = "The conference was held in Shanghai, and the next one will be in Wuhan."
    found = extract_places(text)
    assert [p.name for p in found] == ["Shanghai", "Wuhan"]
    sh = found[0]
    assert sh.kind == "city" and sh.country_iso3 == "CHN"
    assert abs(sh.lat - 31.23) < 0.5 and abs(sh.lon - 121.47) < 0.5
    assert all(text[p.start : p.end] == p.surface for p in found)


def test_ambiguous_city_resolved_by_the_country_the_text_names():
    assert by_name("Learners in Bristol, United Kingdom, met online.")["Bristol"].country_iso3 == "GBR"


@pytest.mark.parametrize(
    ("text", "city", "iso3"),
    [
        ("Paris hosted the forum, with a grant from the United States.", "Paris", "FRA"),
        ("Portugal sent teachers to Lagos.", "Lagos", "NGA"),
        ("In Canada, Victoria hosted it.", "Victoria", "CAN"),  # a namesake big enough beside the largest
    ],
)
def test_a_small_namesake_in_a_named_country_does_not_beat_a_world_city(text, city, iso3):
    assert by_name(text)[city].country_iso3 == iso3


@pytest.mark.parametrize(
    "text",
    [
        "The fund gives US$ 250,000 to schools.",
        "It cost 208 million U.S. dollars.",
        "It cost 5 billion Kenya shillings.",
    ],
)
def test_a_place_name_inside_a_currency_is_not_a_place(text):
    assert names(text) == set()


def test_a_city_before_a_word_that_is_also_a_currency_is_still_a_place():
    assert names("Cork and Espoo won the award.") == {"Cork", "Espoo"}


def test_accents_may_be_dropped():
    assert by_name("Medellin joined the network.")["Medellín"].country_iso3 == "COL"


def test_longest_match_wins_and_adjectives_name_the_region():
    found = extract_places("Projects in Southeast Asian countries and in Southeast Asia, not all of Asia.")
    assert [p.name for p in found] == ["Southeast Asia", "Southeast Asia", "Asia"]
    assert found[0].surface == "Southeast Asian" and found[0].kind == "region" and found[0].country_iso3 == ""


def test_hyphenated_compounds_name_both_places():
    assert [p.name for p in extract_places("the China-Africa centre and the China-ASEAN alliance")] == [
        "China", "Africa", "China", "ASEAN",
    ]  # fmt: skip


def test_country_aliases():
    found = by_name("The People's Republic of China, the US, the UK and Macau signed.")
    assert found["China"].surface == "People's Republic of China"
    assert {"United States", "United Kingdom", "Macao"} <= set(found)


@pytest.mark.parametrize(
    ("text", "name", "iso3"),
    [
        ("Schools across Macedonia moved online in March.", "North Macedonia", "MKD"),  # its name until 2019
        ("Officials of the Republic of Macedonia met teachers.", "North Macedonia", "MKD"),
        ("A forum for the Southern Caucasus met on Monday.", "South Caucasus", ""),
        ("Universities of the Caucasus share courses.", "Caucasus", ""),
        # one name for a country however it is written, never a short form another country or a region shares
        ("Refugees from the Democratic Republic of Congo study there.", "Democratic Republic of the Congo", "COD"),
        ("Refugees from the DRC study there.", "Democratic Republic of the Congo", "COD"),
        ("Teachers from the Republic of the Congo study there.", "Republic of the Congo", "COG"),
        ("Schools in Micronesia got laptops.", "Federated States of Micronesia", "FSM"),
        ("Schools in the Federated States of Micronesia got laptops.", "Federated States of Micronesia", "FSM"),
        ("Schools in Cabo Verde got laptops.", "Cape Verde", "CPV"),
        ("Schools in Cape Verde got laptops.", "Cape Verde", "CPV"),
        # the name English news most often gives a country, whichever the text writes
        ("Schools in Czechia got laptops.", "Czech Republic", "CZE"),
        ("Schools in the Czech Republic got laptops.", "Czech Republic", "CZE"),
        # a grouping of its own, the Caribbean with Latin America (the UN's), not Latin America alone
        ("Cities in Latin America and the Caribbean met.", "Latin America and the Caribbean", ""),
        ("Cities in Latin American and the Caribbean met.", "Latin America and the Caribbean", ""),
        # the Republic of China is Taiwan's official name; the People's Republic's, with or without its apostrophe
        ("The Government of the Republic of China (Taiwan) gave laptops.", "Taiwan", "TWN"),
        ("The Peoples Republic of China sent aid.", "China", "CHN"),
    ],
)
def test_other_names_of_countries_and_regions(text, name, iso3):
    assert by_name(text)[name].country_iso3 == iso3


def test_the_republic_of_china_is_no_mention_of_china():
    assert "China" not in by_name("The Government of the Republic of China (Taiwan) gave 63 laptops.")


@pytest.mark.parametrize(
    ("text", "name", "iso3"),
    [
        # "&" for "and", "St" and "St." for "Saint", as English writes country names
        ("Youth from St Kitts & Nevis joined the camp.", "Saint Kitts and Nevis", "KNA"),
        ("Youth from Trinidad & Tobago joined the camp.", "Trinidad and Tobago", "TTO"),
        ("Teachers in St. Kitts and Nevis took part.", "Saint Kitts and Nevis", "KNA"),
        ("Schools in St Lucia moved online.", "Saint Lucia", "LCA"),
        ("St. Vincent and the Grenadines trained 100 teachers.", "Saint Vincent and the Grenadines", "VCT"),
        # countries whose ISO names carry a comma or a bracket, by the names news gives them
        ("Youth from St Maarten joined the camp.", "Sint Maarten", "SXM"),
        ("Youth from the U.S. Virgin Islands joined the camp.", "United States Virgin Islands", "VIR"),
        ("A centre in St Croix, USVI, joined.", "United States Virgin Islands", "VIR"),
        ("Youth from the British Virgin Islands joined the camp.", "British Virgin Islands", "VGB"),
    ],
)  # fmt: skip
def test_countries_as_english_writes_their_names(text, name, iso3):
    found = by_name(text)
    assert name in found, found
    assert found[name].country_iso3 == iso3  # type: ignore[attr-defined]


def test_a_district_named_after_its_country_leaves_the_country_its_name():
    found = extract_places("Tablets reached schools in the Belize District on Monday. Every pupil in Belize gets one.")
    assert [(p.name, p.kind, p.country_iso3) for p in found] == [
        ("Belize District", "district", "BLZ"),
        ("Belize", "country", "BLZ"),
    ]


def test_hong_kong_and_macao_are_regions_with_their_own_codes():
    found = by_name("Universities in Guangdong, Hong Kong and Macao cooperate.")
    assert (found["Hong Kong"].kind, found["Hong Kong"].country_iso3) == ("region", "HKG")
    assert (found["Macao"].kind, found["Macao"].country_iso3) == ("region", "MAC")
    assert found["Guangdong"].kind == "province"


def test_groupings_are_regions():
    assert {"BRICS", "European Union", "G20", "OECD", "African Union", "Belt and Road countries"} <= names(
        "BRICS, the EU, the G20, the OECD and the African Union back Belt and Road countries."
    )


def test_districts_listed_before_a_plural_district_word_of_a_city():
    text = "Schools in Baoshan, Minhang, and Changning Districts of Shanghai. Minhang's teachers spoke."
    found = extract_places(text)
    districts = [p for p in found if p.kind == "district"]
    assert {p.name for p in districts} == {"Baoshan District", "Minhang District", "Changning District"}
    assert [p.surface for p in districts].count("Minhang") == 2  # the later bare mention too
    baoshan = next(p for p in districts if p.name == "Baoshan District")
    assert abs(baoshan.lat - 31.4) < 0.5  # Shanghai's Baoshan, not the city in Yunnan


def test_district_unknown_to_the_gazetteer_takes_its_city_point():
    found = by_name("Teachers from Qiaobeiwu District of Beijing presented.")  # no such district
    assert found["Qiaobeiwu District"].kind == "district"
    assert (found["Qiaobeiwu District"].lat, found["Qiaobeiwu District"].lon) == (
        found["Beijing"].lat,
        found["Beijing"].lon,
    )


def test_a_district_the_gazetteer_knows_takes_its_own_point():
    found = by_name("Teachers from Haidian District of Beijing presented.")
    assert found["Haidian District"].kind == "district"
    assert abs(found["Haidian District"].lat - 39.99) < 0.05  # north-west of the city centre (39.91)


def test_new_area_is_a_district():
    assert by_name("Pudong New Area in Shanghai")["Pudong New Area"].kind == "district"


def test_month_and_weekday_names_are_not_places():
    assert names("On Monday in March, May and June the team met on Friday.") == set()


def test_common_words_that_are_small_towns_are_not_places():
    text = "The Alliance made Progress; the Union of Mobile Reading. Nice work. Split it. Education Opportunity."
    assert names(text) == set()


def test_a_number_word_before_district_names_a_policy_not_a_district():
    assert (
        names('The ministry runs the "One District, One Quality School" and "One Tablet, One Student" schemes.')
        == set()
    )


def test_a_capitalised_article_before_a_province_is_no_part_of_a_name():
    assert names("date 2020-07-21 The Eastern Cape education department will lease tablets.") == {"Eastern Cape"}


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("The county of Hadong-gun in Gyeongnam joined.", "South Gyeongsang"),  # a syllable and the direction
        ("Schools in North Gyeongsang Province got tablets.", "North Gyeongsang"),  # the direction in front
        ("Suncheon in Jeonnam hosted it.", "South Jeolla"),
    ],
)
def test_korean_provinces_in_the_forms_english_news_writes_them(text, name):
    assert name in names(text)


@pytest.mark.parametrize(
    ("text", "iso3"),
    [
        # a region written with "Region" after its name, as Ghana writes its regions, is in the country the text names
        ("Teachers in Ghana's Eastern Region got laptops.", "GHA"),
        ("Teachers in Uganda's Eastern Region got laptops.", "UGA"),
    ],
)
def test_a_region_several_countries_name_alike_is_in_the_country_the_text_names(text, iso3):
    assert by_name(text)["Eastern Region"].country_iso3 == iso3


def test_a_town_written_with_city_after_its_name_shows_its_own_name():
    assert (
        by_name("During the pandemic, Balanga City, Philippines, kept its classes.")["Balanga"].surface
        == "Balanga City"
    )
    assert "Quezon City" in names("Schools in Quezon City, Philippines, reopened.")  # a city whose name ends in City


def test_a_name_cut_short_where_the_excerpt_ends_is_no_place():
    assert names("We want the Derry Lifelong Learning Fes") == set()
    assert names("The conference was held in Nairobi") == {"Nairobi"}


def test_people_after_a_title_are_not_places():
    assert names("Professor Paris Lyon and Dr. Florence Nice spoke with Ms. Chen Nanjing.") == set()


def test_a_city_glued_to_a_given_name_is_a_person_unless_named_alone_elsewhere():
    assert names("Dalian Wanda said the plan was good.") == set()
    assert "Dalian" in names("Dalian Wanda opened an office in Dalian.")


def test_place_words_may_follow_a_city():
    assert names("Shanghai Mayor Gong Zheng met Hangzhou Normal University staff.") == {"Shanghai", "Hangzhou"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a day or a month after a city, or a month before it, is when, not a person's name
        ("The minister in Nairobi Monday opened the fair.", {"Nairobi"}),
        ("Delegates met in Lagos Thursday and Friday.", {"Lagos"}),
        ("In February Hangzhou-based Acme raised money.", {"Hangzhou"}),
        ("The meeting in Manila March 3 drew teachers.", {"Manila"}),
        # nor is the writer's "I"
        ("After a short ride across Lisbon I arrived early.", {"Lisbon"}),
    ],
)
def test_a_day_or_month_or_i_beside_a_city_leaves_it_a_place(text, expected):
    assert names(text) == expected


def test_a_place_inside_an_organisation_name_is_a_mention():
    assert names("the Shanghai Municipal Education Commission") == {"Shanghai"}


def test_dateline_and_unesco_network_cities():
    text = "Cork (Ireland), Espoo (Finland), Yeosu (Republic of Korea), Aswan (Egypt) and Melitopol (Ukraine) joined."
    found = by_name(text)
    assert {"Cork", "Espoo", "Yeosu", "Melitopol"} <= set(found)
    assert found["Yeosu"].country_iso3 == "KOR" and found["South Korea"].surface == "Republic of Korea"


def test_names_with_an_administrative_suffix_are_places_as_written():
    text = "Cheongyang-gun in Gangwon-do and Nowhere-gun in Gangwon-do were selected."
    found = by_name(text)
    assert found["Gangwon-do"].kind == "province" and found["Gangwon-do"].lat is not None
    assert found["Cheongyang-gun"].country_iso3 == "KOR" and found["Cheongyang-gun"].lat is not None
    # a name the gazetteer does not know is kept, without a point, in a text about the suffix's country
    assert (found["Nowhere-gun"].country_iso3, found["Nowhere-gun"].lat) == ("KOR", None)


def test_an_unknown_name_with_a_suffix_needs_its_country_in_the_text():
    assert "Nowhere-gun" not in names("The Nowhere-gun team won the cup in Lisbon.")


def test_an_all_caps_dateline_town_the_gazetteer_does_not_know_in_a_province_it_knows():
    found = by_name("BATAC, Ilocos Norte - The conference took place on Monday.")
    assert (found["Batac"].kind, found["Batac"].country_iso3, found["Batac"].lat) == ("city", "PHL", None)


def test_a_city_after_an_acronym_is_a_place_not_part_of_a_name():
    assert "Abuja" in names("It took place at the Institute of Nigeria, FCT Abuja, last week.")
    text = "Luis Nava thanked the guests. Nava said the city was proud."
    assert text.index("Nava") not in {p.start for p in extract_places(text)}  # a person, however often named


def test_chinese_and_empty_text_do_not_crash():
    assert extract_places("") == []
    assert isinstance(extract_places("上海市教育委员会在北京召开会议。"), list)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.one_of(
        st.text(max_size=300),
        st.lists(
            st.sampled_from(
                [
                    "Shanghai",
                    "Wu",
                    "Yan",
                    "Mayor",
                    "District",
                    "Districts",
                    "of",
                    "and",
                    ",",
                    "-",
                    "Asian",
                    "Hong",
                    "Kong",
                    "China",
                    "Dr.",
                    "Southeast",
                    "New",
                    "Area",
                    "’s",
                    "\n",
                    "Baoshan",
                    "ASEAN",
                    "é",
                    "上海",
                ]
            ),
            max_size=40,
        ).map(" ".join),
    )
)
def test_never_raises_and_every_mention_is_a_valid_span(text):
    for p in extract_places(text):
        assert text[p.start : p.end] == p.surface
        assert -90 <= p.lat <= 90 and -180 <= p.lon <= 180
        assert p.kind in {"city", "district", "province", "country", "region"}


class _Everything(frozenset):
    """A set that holds every string: the scan's shortcut never fires."""

    def __contains__(self, item: object) -> bool:
        return True


_SCAN_PIECES = [
    "Rio", "de", "Janeiro", "Saint", "-", "Denis", "China", "has", "New", "York", "City", "The", "Hague", "In",
    "2019", "Côte", "d'Ivoire", "d’Ivoire", "Hong", "Kong", ",", ".", "people", "Ho", "Chi", "Minh", "Paris", "7",
]  # fmt: skip


@settings(
    max_examples=300, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture], deadline=None
)
@given(st.lists(st.tuples(st.sampled_from(_SCAN_PIECES), st.sampled_from([" ", "", "  ", "\t", "\n"])), max_size=25))
def test_the_scan_shortcut_agrees_with_reading_every_next_token(monkeypatch, pieces):
    text = "".join(w + sep for w, sep in pieces)
    fast = [(r.start, r.end, r.key) for r in places_module._scan(text)]
    g = places_module.gazetteer()
    monkeypatch.setattr(places_module, "_LOADED", [g._replace(lower_after=_Everything(), glued_after=_Everything())])
    plain = [(r.start, r.end, r.key) for r in places_module._scan(text)]
    monkeypatch.undo()
    assert fast == plain


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("They met in Rio de Janeiro and Saint-Denis.", "Rio de Janeiro"),
        ("They met in Saint-Denis on Monday.", "Saint-Denis"),
        ("Côte d'Ivoire and Ho Chi Minh City joined; China has 7 cities.", "Côte d'Ivoire"),
        ("In 2019 The Hague, New York City and Hong Kong, people said.", "New York City"),
    ],
)
def test_the_scan_shortcut_keeps_names_that_go_on_in_lower_case_or_glued(monkeypatch, text, name):
    fast = [(r.start, r.end, r.key) for r in places_module._scan(text)]
    assert name in {text[s:e] for s, e, _ in fast}
    g = places_module.gazetteer()
    monkeypatch.setattr(places_module, "_LOADED", [g._replace(lower_after=_Everything(), glued_after=_Everything())])
    assert fast == [(r.start, r.end, r.key) for r in places_module._scan(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("A Panel on Shaping the Future of Schools opened the day.", set()),  # a verb that takes an object
        ("Pupils Reading the News won a prize in Leeds.", {"Leeds"}),
        ("The forum met in Shaping on Monday.", {"Shaping"}),  # the same word as a place
    ],
)
def test_a_town_named_like_a_verb_is_no_place_where_an_object_follows(text, expected):
    assert names(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an ALL-CAPS dateline after the labelled date some stored pages open with
        ("Source: https://example.com/a\n\n date 2020-06-30 MANILA, Philippines — Schools got laptops.", "Manila"),
        # a city under its own name, not a bigger one that once bore it
        ("Source: https://example.com/a\n\nISLAMABAD: A committee approved laptops.", "Islamabad"),
        # alone on its line above the story
        ("Gov't to spend on PCs\n\n2 Comments\nTOKYO\n\nThe government plans to spend more.", "Tokyo"),
    ],
)
def test_datelines(text, expected):
    first = extract_places(text)[0]
    assert (first.name, first.kind) == (expected, "city")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Experts of the Lifelong Learning Hub (ASEM LLL Hub) spoke.", set()),  # a frequent word ending a name
        ("Teachers in Karachi and Hub agreed.", {"Karachi", "Hub"}),
        ("Guests came to the 2029 WDEC Shanghai, as a leading city.", {"Shanghai"}),  # a world city stays
    ],
)
def test_a_small_town_named_like_a_frequent_word_is_no_place_at_the_end_of_a_name(text, expected):
    assert names(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a province that GeoNames names with the word of its kind, as news writes it without
        ("Schools in Colombia's La Guajira got computers.", {"Colombia", "La Guajira"}),
        # a people of the United States, not a continent
        ("Only 68 percent of African American children and Asian-American families.", set()),
        ("Latin American schools joined.", {"Latin America"}),
    ],
)
def test_provinces_without_their_kind_word_and_hyphenated_americans(text, expected):
    assert names(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The UIL, in collaboration with Jubail Industrial City, Saudi Arabia, met.",
            {"Jubail Industrial City", "Saudi Arabia"},
        ),
        ("Yanbu Industrial City joined the network.", {"Yanbu Industrial City"}),
    ],
)
def test_a_planned_city_named_after_an_old_town(text, expected):
    assert names(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a plural kind after a list names each of them
        ("Pupils train in three states of Nigeria: Bauchi, Lagos, and Abia States.", {"Abia", "Nigeria"}),
        # an official name as news writes it, for the unit the gazetteer names by its initials
        (
            "It will be held at the Federal Capital Territory (FCT) in Nigeria.",
            {"Federal Capital Territory", "Nigeria"},
        ),
    ],
)
def test_provinces_written_in_a_list_with_their_plural_kind_or_by_their_full_name(text, expected):
    assert expected <= names(text)


@pytest.mark.parametrize(
    ("text", "name", "iso3"),
    [
        ("Learning cities across the island (Dublin, Limerick, Cork and Waterford) met.", "Waterford", "IRL"),
        ("Three Portuguese cities – Alcobaça, Setúbal and Cantanhede – joined.", "Cantanhede", "PRT"),
        ("Schools in Waterford, Michigan and Detroit joined.", "Waterford", "USA"),
    ],
)
def test_a_name_no_country_settles_is_read_in_the_country_of_the_places_listed_with_it(text, name, iso3):
    assert by_name(text)[name].country_iso3 == iso3


def test_a_name_alone_is_still_unsettled():
    assert "Waterford" not in names("He met Waterford today.")


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("The network added Fez (Morocco).", "Fez"),  # an English name the gazetteer does not carry
        ("Cities such as Fès, Morocco joined.", "Fez"),  # and the gazetteer's own names show it too
        ("Schools in Bombay joined.", "Mumbai"),
        ("Apart from HCM City, three other Vietnamese cities joined.", "Ho Chi Minh City"),
        ("A workshop took place in Ha Noi, Viet Nam.", "Hanoi"),
    ],
)
def test_a_city_alias_shows_the_name_the_aliases_file_gives(text, name):
    assert name in names(text)


def test_the_place_a_name_means_does_not_change_with_the_process_string_hashing():
    """Two entries that rank the same under a name and its accent-free form ("Fès": the aliases' Fez, GeoNames'
    Fes) were merged through a set, whose order follows each process's hash seed."""
    import os
    import subprocess
    import sys
    from pathlib import Path

    code = (
        "from etl.extract.places import extract_places as e; print([p.name for p in e('Cities such as Fès, Morocco.')])"
    )
    root = Path(__file__).resolve().parents[2]
    seen = {
        subprocess.run(
            [sys.executable, "-c", code],
            cwd=root,
            env={**os.environ, "PYTHONHASHSEED": str(seed)},
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        for seed in range(4)
    }
    assert seen == {"['Fez', 'Morocco']\n"}


@pytest.mark.parametrize(
    ("text", "found"),
    [
        # a city of BIG_CITY people no other country has says which country the text is in
        ("The congress opened in Comodoro Rivadavia on Monday. Schools of Trelew showed robots.",
         {"Comodoro Rivadavia": "ARG", "Trelew": "ARG"}),
        # without it, a town of fewer than BIG_CITY people is no place wherever it is named
        ("The congress opened on Monday. Schools of Trelew showed robots.", {}),
    ],
)  # fmt: skip
def test_a_big_city_tells_the_country_of_the_names_it_left_unsettled(text, found):
    assert {p.name: p.country_iso3 for p in extract_places(text)} == found


@pytest.mark.parametrize(
    ("text", "found"),
    [
        # an institution named after its city: the place is the city, not the council's area "Dublin City"
        (
            "Delegates met at Dublin City University in Ireland.",
            [("Dublin", "city", "IRL"), ("Ireland", "country", "IRL")],
        ),
        # a hall is no institution named after the city
        (
            "Delegates met at Dublin City Hall in Ireland.",
            [("Dublin City", "district", "IRL"), ("Ireland", "country", "IRL")],
        ),
    ],
)
def test_an_institution_named_after_its_city_names_the_city(text, found):
    assert [(p.name, p.kind, p.country_iso3) for p in extract_places(text)] == found


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("The One-Laptop-Per-Child Initiative works in Rwanda.", ["Rwanda"]),  # "Per" is no place here
        ("Schools-within-South-African-towns.aspx lists none.", []),  # a web address's words
        ("The Beijing-Tianjin-Hebei region grows.", ["Beijing", "Tianjin", "Hebei"]),  # places joined
        ("Schools in al-Nasiriyah reopened.", ["Nasiriyah"]),  # a name with its article
    ],
)
def test_a_name_inside_a_chain_of_hyphenated_words_is_no_place(text, names):
    assert [p.name for p in extract_places(text)] == names


def test_a_city_before_hotel_is_a_place_not_a_person_s_name():
    assert names("The conference met on 26 October 2017 at the Sofia Hotel Balkan.") == {"Sofia"}


@pytest.mark.parametrize(
    ("text", "absent", "present"),
    [
        # an acronym the text defines for a name that is no place is no place, there or later
        ("The Danube Rectors' Conference (DRC) met in Belgrade. The DRC network was founded in 1983.",
         "Democratic Republic of the Congo",
         "Belgrade"),
        # an acronym of a place's own name stays that place
        ("Refugees from the Democratic Republic of Congo (DRC) study in Kenya. The DRC is large.", "",
         "Democratic Republic of the Congo"),
    ],
)  # fmt: skip
def test_an_acronym_defined_for_a_name_that_is_no_place_is_no_place(text, absent, present):
    found = by_name(text)
    assert present in found
    assert not absent or absent not in found


def test_kosovo_is_a_country_though_iso_3166_has_not_assigned_it_a_code():
    text = "Prishtina, 17 August 2021 - UNICEF Kosovo donated 170 laptops to schools in Gjakova and Dragash."
    assert {(p.name, p.kind, p.country_iso3) for p in extract_places(text)} == {
        ("Prishtina", "city", "XKX"),
        ("Kosovo", "country", "XKX"),
        ("Gjakova", "city", "XKX"),
        ("Dragash", "city", "XKX"),
    }


_LOCAL = "\n\nStudents at a primary school in Lae can now go online, thanks to the Morobe government."


@pytest.mark.parametrize(
    ("source", "found"),
    [
        # a local paper seldom names its own country: its site's domain says where its towns are
        ("Source: https://www.thenational.com.pg/naru-delivers-tablets", {"Lae": "PNG", "Morobe": "PNG"}),
        ("Source: http://paper.co.uk/story", {}),
        # no country domain, or one sold to sites worldwide, says nothing
        ("Source: https://www.example.com/story", {}),
        ("Source: https://news.example.io/story", {}),
        ("", {}),
    ],
)  # fmt: skip
def test_the_country_of_the_site_on_the_source_line_settles_its_towns(source, found):
    assert {p.name: p.country_iso3 for p in extract_places(source + _LOCAL)} == found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an agency's acronym after a city: an office or meeting at the place, no family name
        ("He attended the Gothenburg OECD Conference on Educating Cities.", {"Gothenburg"}),
        ("DLAC Inaugural Conference: Austin TX", {"Austin"}),
        # a capitalised word that is no acronym still reads as a person's name
        ("The award went to Sun Yang and Lima Barreto.", set()),
    ],
)
def test_a_city_before_an_acronym_is_a_place(text, expected):
    assert {n for n in names(text) if n != "OECD"} == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an Indian city's municipal corporation is the city's own body, no family name
        ("The Kollam Corporation will be made a biodiverse city.", {"Kollam"}),
        ("efforts to elevate Kochi, Kozhikode and Kannur Corporations as cities of design", {"Kochi", "Kozhikode", "Kannur"}),
        # a dateline glued to its sentence by a hyphen is no compound name
        ("Islamabad-Two-day international moot commenced on Monday.", {"Islamabad"}),
        ("Clermont-Ferrand joined the network in 2019.", {"Clermont-Ferrand"}),
    ],
)  # fmt: skip
def test_municipal_corporations_and_glued_datelines_name_their_city(text, expected):
    assert names(text) == expected


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Islamabad", "Islamabad"),  # not Chattogram, a bigger city once also called so
        ("Bombay", "Mumbai"),  # an old name the city goes by alone is still that city's
    ],
)
def test_a_city_s_own_name_comes_before_a_bigger_city_s_old_name(name, expected):
    entry = locate(name)
    assert entry is not None and entry.name == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a town GeoNames names in two languages ("Murten/Morat") is named by either
        ("a conference organised by EUROlocal at Murten, Switzerland from 27 to 29 October", {"Murten", "Switzerland"}),
        ("The battle of Morat, Switzerland, is remembered there.", {"Morat", "Switzerland"}),
    ],
)  # fmt: skip
def test_a_town_of_two_languages_is_found_by_either_name(text, expected):
    assert names(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a small place followed by its local government's word is that place
        ("Lesbos Municipality, in Greece, has joined the network.", {"Lesbos", "Greece"}),
        # not by "State", which also opens a school's name
        ("The conference was hosted by Mariano Marcos State University, Philippines.", {"Philippines"}),
    ],
)
def test_a_small_place_named_with_its_local_government_s_word(text, expected):
    assert names(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a byline's title on the line above is no title of the dateline's city
        ("date 2024-10-07 Staff Reporter\n\nGuwahati: The state government has submitted a proposal.", {"Guwahati"}),
        # a stored page's labelled date of a year and month before an ALL-CAPS dateline
        ("Online classes\n\n date 2020-04 PETALING JAYA: Cyberspace has become the new classroom.", {"Petaling Jaya"}),
        # a title on the same line still makes the next capitalised words a person's name
        ("The story was filed by Staff Reporter Guwahati Das.", set()),
    ],
)  # fmt: skip
def test_datelines_under_a_byline_or_a_labelled_date(text, expected):
    assert names(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a province written with and without the word of its kind is one place with one name
        ("The Edo State government trained teachers. Edo now has 7,000 digital teachers.",
         [("Edo State", "province", "NGA")] * 2),
        ("Eleven schools in Malaita Province in the Solomon Islands got laptops. Schools across Malaita benefit.",
         [("Malaita Province", "province", "SLB"), ("Solomon Islands", "country", "SLB"),
          ("Malaita Province", "province", "SLB")]),
        # a town's name of another time stays as written
        ("Evry-Courcouronnes in France joined the network. Évry was its name until 2019.",
         [("Evry-Courcouronnes", "city", "FRA"), ("France", "country", "FRA"), ("Évry", "city", "FRA")]),
        # a Russian republic is written without "Republic"; GeoNames' "Province of" is no part of the name shown
        ("Schools in Tatarstan got 1,134 laptops.", [("Tatarstan", "province", "RUS")]),
        ("Teachers in the Province of Palawan, Philippines, got tablets.",
         [("Palawan", "district", "PHL"), ("Philippines", "country", "PHL")]),
    ],
)  # fmt: skip
def test_one_name_for_a_subdivision_in_an_article(text, expected):
    assert [(p.name, p.kind, p.country_iso3) for p in extract_places(text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a town needs words around it to read as a place; once they say so, every mention of it is that place
        ("Kirklees has been chosen to join the network, a first in England. Families in Kirklees are proud.",
         [("Kirklees", 0), ("England", 57), ("Kirklees", 78)]),
        ("Ybycuí has joined the network. The mayor of the town of Ybycuí, Paraguay, spoke.",
         [("Ybycuí", 0), ("Ybycuí", 56), ("Paraguay", 64)]),
    ],
)  # fmt: skip
def test_a_name_read_as_a_place_once_is_that_place_wherever_the_article_writes_it(text, expected):
    assert [(p.name, p.start) for p in extract_places(text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a capital is the city, not the same-named division around it, however many more live in the division
        ("The training was held in Banjul, the capital of The Gambia.", ("Banjul", "city")),
        # the division keeps its name written in full
        ("The schools are in Maputo Province, Mozambique.", ("Maputo", "province")),
    ],
)  # fmt: skip
def test_a_capital_is_the_city_not_its_same_named_division(text, expected):
    assert (extract_places(text)[0].name, extract_places(text)[0].kind) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The conference was held in Tallinn Estonia on May 23rd.", ["Tallinn", "Estonia"]),
        ("Delegates met in Nairobi Kenya last week.", ["Nairobi", "Kenya"]),
        ("Mr Lagos Nigeria said so.", []),  # a person's name after a title
    ],
)
def test_a_city_and_its_country_without_a_comma_are_both_places(text, expected):
    from etl.extract.places import extract_places

    assert [p.name for p in extract_places(text)] == expected


def test_a_town_of_160_000_is_no_stopword():
    """Regression: "Ede" (Osun State, Nigeria) had been listed among words that are almost never places."""
    assert "Ede" in names("The training, held in Ede, was organised by the state government.")


def test_a_name_written_with_a_typographic_apostrophe_is_the_same_name():
    from etl.extract.places import extract_places

    assert [p.name for p in extract_places("Delegates met in Sana’a and again in Sana'a.")] == ["Sana'a", "Sana'a"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # US news writes a state after its town in the AP stylebook's abbreviation; the state confirms the town
        ("The summit was held in Palo Alto, Calif., on Monday.", {"Palo Alto", "California"}),
        ("ORLANDO, Fla. — Teachers met.", {"Orlando", "Florida"}),
        ("A school in Austin, Tex., said so.", {"Austin", "Texas"}),
        # abbreviations that are also words or titles are not taken
        ("He went to Mass. Then he left.", set()),
        ("Miss. Jones spoke.", set()),
    ],
)
def test_a_us_state_in_its_ap_abbreviation_is_a_place(text, expected):
    assert names(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Australian news writes two states by their letters; the others' letters are other places or words
        ("Teachers from the Central West region of NSW met on Friday.", {"New South Wales"}),
        ("Schools in Cairns, QLD, got tablets.", {"Cairns", "Queensland"}),
        ("The ACT and the SA team met.", set()),
    ],
)
def test_an_australian_state_in_its_letters_is_a_place(text, expected):
    assert names(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a small town after a building's or an institution's name and a comma is where it stands
        ("Pupils in Malta met at St Joseph School, Paola, for a robotics camp.", {"Malta", "Paola"}),
        # ... and without such words around it, it is no place
        ("Pupils in Malta met Paola for a robotics camp.", {"Malta"}),
    ],
)
def test_a_small_town_after_a_venue_and_a_comma_reads_as_a_place(text, expected):
    assert names(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a name first written after a given name, then alone as the one who speaks, is a person's, not a town
        ("The summit opened in Lisbon, said Portuguese Adelino Sousa. It is essential, noted Sousa.", {"Lisbon"}),
        ("The summit opened in Lisbon, said Adelino Sousa of the network. Sousa added that it was a success.",
         {"Lisbon"}),
        # ... not a town written on its own, or never said to speak
        ("The summit opened in Lisbon and in Sousa, said Adelino Lopes.", {"Lisbon", "Sousa"}),
    ],
)  # fmt: skip
def test_a_surname_that_speaks_is_no_place(text, expected):
    assert names(text) == expected


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        # "the city of" names the city where a province goes by the same name
        ("The forum was held in the city of Mykolaiv, Ukraine.", "city"),
        ("The forum was held in Mykolaiv, Ukraine.", "province"),
    ],
)
def test_the_city_of_a_name_is_the_city_not_the_province(text, kind):
    assert by_name(text)["Mykolaiv"].kind == kind


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the Pacific as a region, by the words news gives it
        ("Nine Pacific countries were represented.", {"Pacific"}),
        ("It works across the Pacific region.", {"Pacific"}),
        # Asia and the Pacific together, however the hyphen or "and" is written
        ("It works across the Asia- Pacific region.", {"Asia-Pacific"}),
        ("Institutions from the Asia and Pacific region came.", {"Asia-Pacific"}),
        # not "Pacific" alone, which names universities, an ocean and companies too
        ("She studied at the University of the South Pacific.", set()),
        ("The island lies in the central Pacific Ocean.", set()),
    ],
)
def test_the_pacific_by_the_words_news_gives_it(text, expected):
    assert names(text) == expected
