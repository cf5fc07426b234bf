"""Lists of names in sentences and one-a-line lists: each item with the country its bracket names."""

from __future__ import annotations

import pytest

from etl.extract.namelists import bulleted_lists, inline_lists
from etl.extract.places import extract_places


def inline(text: str) -> list[list[tuple[str, str]]]:
    return [[(i.name, i.country) for i in lst.items] for lst in inline_lists(text, 0, len(text), extract_places(text))]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # each item with its bracket, a multi-word country read whole
        (
            "Winners: Leeds (United Kingdom of Great Britain and Northern Ireland), Porto Moniz (Portugal), Tunis.",
            [
                [
                    ("Leeds", "United Kingdom of Great Britain and Northern Ireland"),
                    ("Porto Moniz", "Portugal"),
                    ("Tunis", ""),
                ]
            ],
        ),
        # a bracket names the country of every item since the last bracket; "the" is no part of a name
        (
            "the new members Wuhan (China), Cebu (the Philippines), Chiang Mai, Udon Thani and Lampang (Thailand), "
            "and Hue and Da Nang (Viet Nam) were named.",
            [
                [
                    ("Wuhan", "China"),
                    ("Cebu", "Philippines"),
                    ("Chiang Mai", "Thailand"),
                    ("Udon Thani", "Thailand"),
                    ("Lampang", "Thailand"),
                    ("Hue", "Viet Nam"),
                    ("Da Nang", "Viet Nam"),
                ]
            ],
        ),
        # a country whose bracket holds its cities
        (
            "It reaches Poland (Gdansk), the Netherlands (Utrecht and Delft) and Chile (Temuco).",
            [[("Poland", "Gdansk"), ("Utrecht", "Netherlands"), ("Delft", "Netherlands"), ("Chile", "Temuco")]],
        ),
        # a comma before the bracket, and names with particles, hyphens and apostrophes
        (
            "They are Vila do Conde, (Portugal), Saint-Étienne (France) and N’Djamena (Chad).",
            [[("Vila do Conde", "Portugal"), ("Saint-Étienne", "France"), ("N’Djamena", "Chad")]],
        ),
        # where each item is, after "in": part of the item, not another item
        (
            "Cities including Cork in Munster, Galway in Connacht and Derry in Ulster joined.",
            [[("Cork", ""), ("Galway", ""), ("Derry", "")]],
        ),
        # what each item is and where it is ("city", "in the ... province of X", "the ... city of Y"), the year it
        # joined, and a city written after its province's possessive
        (
            "New members are Tra Vinh city in the coastal province of Ben Tre, Phu Ly town in the river city of "
            "Ha Nam (2021), and Hai Duong’s Chi Linh city (2023).",
            [[("Tra Vinh", ""), ("Phu Ly", ""), ("Chi Linh", "")]],
        ),
        # one name is no list
        ("Only Lisbon joined.", []),
    ],
)
def test_inline_lists(text, expected):
    assert inline(text) == expected


def test_a_bulleted_list_under_region_headings_is_one_list():
    text = (
        "The new members are:\n\nAfrica\n- Kisumu (Kenya)\n- Tamale Metropolitan - Assembly 2 (Ghana)\n"
        "Arab States\n- Sohar (Oman)\n\nRelated posts\n"
    )
    (lst,) = bulleted_lists(text)
    assert [(i.name, i.country) for i in lst.items] == [
        ("Kisumu", "Kenya"),
        ("Tamale Metropolitan", "Ghana"),  # the part after a spaced dash is not the name
        ("Sohar", "Oman"),
    ]
    assert all(text[i.start : i.end] == i.name for i in lst.items)


def test_country_colon_city_lines():
    (lst,) = bulleted_lists("Winners:\nKenya: Kisumu\nPeru: Arequipa\n")
    assert [(i.name, i.country) for i in lst.items] == [("Kisumu", "Kenya"), ("Arequipa", "Peru")]


def test_bulleted_name_comma_country_lines():
    (lst,) = bulleted_lists(
        "The awardees are:\n- Cork, Ireland\n- Bouaké, Côte d’Ivoire\n- Eunpyeong-gu, Republic of Korea\n"
    )
    assert [(i.name, i.country) for i in lst.items] == [
        ("Cork", "Ireland"),
        ("Bouaké", "Côte d’Ivoire"),
        ("Eunpyeong-gu", "Republic of Korea"),
    ]
    assert bulleted_lists("Cork, Ireland\nBouaké, Côte d’Ivoire\n") == []  # without bullets: two lines of prose


def test_lines_of_prose_are_no_list():
    assert bulleted_lists("The city grew.\nIt has parks.\nMany people live there.\n") == []


def test_linear_on_a_long_run_of_names():
    text = "Aa, " * 20000 + "and Bb."
    (lst,) = inline_lists(text, 0, len(text))
    assert len(lst.items) == 20001
