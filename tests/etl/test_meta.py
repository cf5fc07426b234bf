"""Article metadata: headline, publication date and source, past the page furniture."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from etl.extract.meta import TITLE_MAX, extract_meta
from etl.extract.sentences import split_sentences


def meta(text: str):
    return extract_meta(text, split_sentences(text))


def test_furniture_is_skipped_and_labels_give_source_and_date():
    text = "Press Releases\n\nMOE advances digital education\n\nSource: www.moe.gov.cn\n2024-12-30\n\nThe MOE met."
    m = meta(text)
    assert (m.title, m.published, m.source) == ("MOE advances digital education", "2024-12-30", "www.moe.gov.cn")


def test_release_time_label_gives_the_date():
    m = meta("The TEC Holds a Seminar\n\nRelease Time:2024-12-03 Views:55\n\nOn the afternoon of November 28, ...")
    assert (m.title, m.published) == ("The TEC Holds a Seminar", "2024-12-03")


@pytest.mark.parametrize(
    ("text", "published"),
    [
        ("A congress opens\n\n date 2021-12-03 (Photo: Ticmas)\n\nLast Wednesday, ...", "2021-12-03"),
        ("A congress opens\nPublished 3 March 2021\nText.", "2021-03-03"),
        ("A congress opens\nUpdated May 4, 2020 at 10am\nText.", "2020-05-04"),
        ("A congress opens\nThe date 2021-12-03 was set for it.\n", ""),  # a sentence, not a label
        # a stamp with the place it was filed from, the weekday and the time
        ("A congress opens\n\nOman Wednesday 17/September/2025 15:26 PM\nBy: ONA\nText.", "2025-09-17"),
        ("A congress opens\nOman opens a school on 17 September 2025\nText.", ""),  # a sentence, not a stamp
        ("Source: https://nation.example/22-Nov-2017/conference-ends\n\nA conference ends\n\nText.", "2017-11-22"),
        # a time stamp opening the article's number in its address; not a web archive's capture time
        ("Source: https://news.example/en/article/2020112407170802869\n\nA festival opens\n\nText.", "2020-11-24"),
        ("Source: https://news.example/post.php?story=20190528091123913\n\nLaptops handed out\n\nText.", "2019-05-28"),
        ("Source: https://archive.example/web/20210921100133/http://news.example/node/386\n\nA webinar\n\nText.", ""),
        ("Source: https://news.example/item/20190528991123913\n\nNo stamp\n\nText.", ""),  # no such hour
        # a month's name between the year and the day; a month and day run together after the year
        ("Source: https://news.example/news/2021/feb/01/budget-news-17854.html\n\nA budget\n\nText.", "2021-02-01"),
        ("Source: http://news.example/n3/2020/0722/c90000-9713354.html\n\nA webinar\n\nText.", "2020-07-22"),
        # the day opening an article's number, the rest a count within the day
        ("Source: http://news.example/stories/201507231245.html\n\nA conference\n\nText.", "2015-07-23"),
        ("Source: https://news.example/view.php?ud=20211020000986\n\nA conference\n\nText.", "2021-10-20"),
        ("Source: https://news.example/item/2019133456\n\nNo month 13\n\nText.", ""),
        ("Source: https://archive.example/web/2021092110/http://news.example/node/386\n\nA webinar\n\nText.", ""),
        # a byline, then the day it was published (no blank after the comma: the page's stamp)
        ("A conference opens\n\nBy Maria Lopez - Apr 09,2014 - Last updated at Apr 09,2014\n\nText.", "2014-04-09"),
        ("A conference opens\n\nBy Maria Lopez, 3 March 2021\n\nText.", "2021-03-03"),
        ("A conference opens\n\nBy the end of May 2021 the plan was ready.\n\nText.", ""),  # a sentence
        # a byline's date beats a date alone on a line above it, which may be the page's (today's in its header)
        ("Monday, February 6, 2023\n\nA forum opens\n\nBy on June 20, 2016\n\nText.", "2016-06-20"),
        ("Monday, February 6, 2023\n\nA forum opens\n\nBy Ana Ruiz on June 20, 2016\n\nText.", "2016-06-20"),
        ("Monday, February 6, 2023\n\nA forum opens\n\nText.", "2023-02-06"),
        ("(This article was first published on January 28, 2023)\nBy Carol Adii\nHundreds came.", "2023-01-28"),
        ("A fair opens\n\nPublished on 3 May 2021\n\nText.", "2021-05-03"),
    ],
)
def test_a_date_label_without_a_colon_and_a_date_in_the_address(text, published):
    assert meta(text).published == published


@pytest.mark.parametrize(
    ("text", "published"),
    [
        # weekdays in full and in capitals
        ("A forum opens\nTuesday April 13, 2021\nText.", "2021-04-13"),
        ("A forum opens\nThursday May 6, 2021\nText.", "2021-05-06"),
        ("A forum opens\nMONDAY, MARCH 27, 2023\nText.", "2023-03-27"),
        # a date, then the byline or the page's tags
        ("A forum opens\nNovember 26, 2019 By Ana Ruiz\nText.", "2019-11-26"),
        ("A forum opens\nOctober 10, 2023 by Ana Ruiz, UNICEF Peru |\nText.", "2023-10-10"),
        ("A forum opens\nDec 10, 2019, 2:24 PM | Article By: Ana Ruiz\nText.", "2019-12-10"),
        # a time and its zone after the date
        ("A forum opens\nNovember 11, 2010 - 13:34 AMT\nText.", "2010-11-11"),
        ("A forum opens\nMon, 22 Jan 2018 - 05:33 GMT\nText.", "2018-01-22"),
        ("A forum opens\nNovember 11, 2010 AMT\nText.", ""),  # no clock: the letters are a word of the line
        ("A forum opens\nApr 9, 2024 | news\nText.", "2024-04-09"),
        ("A forum opens |19 September 2012\nA forum opens\nText.", "2012-09-19"),
        ("A forum opens\nDecember 06, 2021 08:45 pm | Updated 08:45 pm IST - LIMA\nText.", "2021-12-06"),
        # a byline, then the date
        ("A forum opens\nWritten by Acme Learning Ltd | Mar 31, 2023 1:51:29 PM\nText.", "2023-03-31"),
        ("A forum opens\nContributed by SiteEditor on Jun 27, 2012 - 10:24 PM\nText.", "2012-06-27"),
        ("A forum opens\nBy: January 22, 2024 ,The Full Story\nText.", "2024-01-22"),
        ("A forum opens\nBy Ana Ruiz for Example.com – 30/07/2013\nText.", "2013-07-30"),
        ("A forum opens\n23.12.2010 -\nText.", "2010-12-23"),
        # a dateline in capitals with no comma after the place
        ("A platform grows\nBy Staff\nDUBAI 15 October 2019: The platform has a million users.", "2019-10-15"),
        ("A platform grows\nNEW DELHI March 3, 2021 — The platform has a million users.", "2021-03-03"),
        ("A platform grows\nICT 15 October 2019: a plan for schools.", ""),  # capitals that name no place
        # not a stamp: the days of an event, a sentence
        ("A workshop on learning\n24 & 25 March 2024 | Sunday and Monday\nText.", ""),
        ("A forum opens\nThe forum opens on Tuesday April 13, 2021\nText.", ""),
        ("A forum opens\nFunded by Ana Ruiz on 3 March 2021 the school opened.\nText.", ""),
    ],
)
def test_a_stamp_of_the_day_with_a_weekday_a_byline_or_tags_beside_it(text, published):
    assert meta(text).published == published


def test_breadcrumbs_and_published_label():
    m = meta("Home > News > Education\nLearning cities in practice\nPublished: March 3, 2025\nText.")
    assert (m.title, m.published) == ("Learning cities in practice", "2025-03-03")


def test_dateline_without_year_gives_source_but_no_date_and_a_shortened_title():
    text = (
        "China.com, January 30 (Reporter Zeng Ruixin) On the afternoon of January 30, the parallel conference of "
        "the World Digital Education Conference on the construction of a learning society was held in Shanghai. "
        "More followed."
    )
    m = meta(text)
    assert m.source == "China.com" and m.published == ""
    assert m.title.startswith("On the afternoon of January 30") and len(m.title) <= TITLE_MAX + 1
    assert not m.title[:-1].endswith(" ")


def test_agency_in_brackets_is_the_source_and_a_dateline_year_the_date():
    m = meta("Forum opens in Beijing\nBEIJING, May 20, 2024 (Xinhua) -- Ministers met.")
    assert (m.source, m.published) == ("Xinhua", "2024-05-20")


def test_a_city_dateline_is_not_a_source():
    assert meta("Hamburg, 12 September 2024 - UNESCO announced new members.").source == ""


def test_no_date_no_source():
    m = meta("Huai Jinpeng meets foreign guests\n\nMinister Huai met guests on Jan 30.")
    assert (m.title, m.published, m.source) == ("Huai Jinpeng meets foreign guests", "", "")


def test_chinese_and_empty_text():
    assert meta("").title == ""
    assert meta("教育部召开会议\n\n2024年12月30日").published == "2024-12-30"


@given(st.text(max_size=300))
def test_never_raises_and_date_is_iso_or_empty(text):
    m = meta(text)
    assert m.published == "" or len(m.published) == 10


@pytest.mark.parametrize(
    ("source_line", "url"),
    [
        ("Source: https://example.org/news/2024/05/a-story.html", "https://example.org/news/2024/05/a-story.html"),
        ("Source: http://example.org/a?id=7&p=2.", "http://example.org/a?id=7&p=2"),  # a full stop ends the line
        ("Source: www.moe.gov.cn", "https://www.moe.gov.cn"),
        ("source : HTTPS://Example.org/A", "HTTPS://Example.org/A"),
        ('Source: https://example.org/a"onmouseover=alert(1)', ""),  # would break out of an attribute
        ("Source: https://example.org/<script>", ""),
        ("Source: https://localhost", ""),  # no dotted host: not an address a reader can open
        ("Source: javascript:alert(1)", ""),  # not http(s): the Source line does not match at all
        ("Source: Xinhua", ""),
        ("Source: https://example.org/" + "a" * 2100, ""),
    ],
)
def test_the_source_line_gives_a_link_to_the_original_only_when_it_is_a_safe_web_address(source_line, url):
    assert meta(f"A headline\n\n{source_line}\n\nAbout 40 schools joined.").url == url


def test_an_article_without_a_source_line_has_no_url():
    assert meta("BEIJING, Jan. 30 (Xinhua) -- About 40 schools joined.").url == ""


@pytest.mark.parametrize(
    ("text", "published"),
    [
        (
            "Georgian Educational Technology Conference\n19.11.2016\n\nA conference was held on November 19-20.",
            "2016-11-19",
        ),
        ("ICT Week\n 1.2.2022 \n\nBody.", "2022-02-01"),
        # no such day: no date
        ("Title\n31.02.2016\n\nBody.", ""),
    ],
)
def test_a_line_of_a_date_written_with_dots_is_day_month_year(text, published):
    assert meta(text).published == published


@pytest.mark.parametrize(
    ("text", "published"),
    [
        # "Posted on" capitalised inside a head line, as a page's furniture writes it; not in a sentence of prose
        ("TRAINING FOR TEACHERS Posted on August 9, 2024 News By admin The training was held.", "2024-08-09"),
        ("A report\nLAST UPDATE POSTED ON SEPTEMBER 17, 2020, THURSDAY AT 12:08 AM\nText.", "2020-09-17"),
        ("A report\nThe study was posted on August 9, 2024 by the ministry.\nText.", ""),
        # more labels before a colon
        ("A forum opens\n\nStory dated:Wednesday December 16th, 2015,06 59:am\n\nText.", "2015-12-16"),
        ("A forum opens\n\nDate of publication: 28 February 1997\n\nText.", "1997-02-28"),
        # a dateline whose date stands in the bracket with the agency; the town or its country a known place
        ("A workshop\n\nAPIA, Samoa (Talamua, Oct. 5, 2014) – A workshop opened.", "2014-10-05"),
        ("A forum\n\nDUBAI, (Agency / News - 02nd May, 2020) The university held a webinar.", "2020-05-02"),
        ("A forum\n\nThe Big Team (Ana Ruiz, May 2, 2020) held a webinar.", ""),  # no place before the bracket
        # an event page's "Date:" beside its time or place is the event's day, not the page's
        ("A webinar\n\nDate: March 2nd 2022,\nTime: 12:00-13:20\n\nText.", ""),
        ("A webinar\n\nVenue: Town Hall\nDate: 7th & 8th July, 2025\n\nText.", ""),
        ("A webinar\n\nAuthor: Staff\nDate: 8 April 2022\n\nText.", "2022-04-08"),
    ],
)
def test_a_page_s_stamp_inside_a_head_line_in_a_dateline_s_bracket_and_not_beside_an_event_s_details(text, published):
    assert meta(text).published == published


def test_a_stamp_with_a_time_zone_is_no_title():
    m = meta("November 11, 2010 - 13:34 AMT\nSchools get new computers\nThe ministry said so.\n")
    assert (m.title, m.published) == ("Schools get new computers", "2010-11-11")


# A body long enough that the last line lies past the head lines a date is otherwise looked for in.
_BODY = "The council opened its new digital library to the public.\n" * 12


@pytest.mark.parametrize(
    ("text", "published"),
    [
        # an agency's credit in brackets closing the story: its day
        ("Schools go online\n\n" + _BODY + "(Xinhua News Agency February 7, 2006)", "2006-02-07"),
        ("Schools go online\n\n" + _BODY + "(AFP, 12 March 2019)\n", "2019-03-12"),
        # ... not a bracket that says something of the event, nor a date in a bracket within the text
        ("Schools go online\n\n" + _BODY + "(The fair runs until May 5, 2006)", ""),
        ("Schools go online\n\n" + _BODY + "It ran for a week (Xinhua News Agency February 7, 2006).", ""),
    ],
)
def test_a_closing_credit_in_brackets_dates_the_story(text, published):
    assert meta(text).published == published


@pytest.mark.parametrize(
    ("text", "published"),
    [
        # a desk or a post for a byline, then the day
        ("Webinar held\n\nWeb Desk April 22, 2021\n\nThe webinar was held.", "2021-04-22"),
        ("Webinar held\n\nStaff Reporter - May 3, 2019\n\nThe webinar was held.", "2019-05-03"),
        # a blog's date with its author and count of comments after it
        ("STEM event\n\nNovember 12, 2018 admin 0 Comments\n\nLast week in Paramaribo.", "2018-11-12"),
        ("STEM event\n\nNovember 12, 2018 No Comments\n\nLast week in Paramaribo.", "2018-11-12"),
        # ... not a sentence that has a desk in it
        ("Sale\n\nThe Desk was sold on May 3, 2019 to a buyer.\n\nText.", ""),
    ],
)
def test_a_desk_s_byline_and_a_blog_s_comment_count_beside_the_day(text, published):
    assert meta(text).published == published


@pytest.mark.parametrize(
    ("text", "published"),
    [
        # a publication stamp whose clock comes before the day
        ("Webinar held\n\nPublished on 07:29 PM, July 29, 2020\n\nThe webinar was held.", "2020-07-29"),
        ("Webinar held\n\nposted 10:15 am 3 May 2021\n\nThe webinar was held.", "2021-05-03"),
        # a wire's name in brackets, then the day and a dash
        ("Expo opens\n- (NewsWire) October 27, 2011 - Abu Dhabi - Experts attend the expo.", "2011-10-27"),
        # ... not a bracket before a day that no dash follows
        ("Expo opens\n(The expo) October 27, 2011 was busy.", ""),
    ],
)
def test_a_stamp_with_its_clock_first_and_a_wire_s_name_before_the_day(text, published):
    assert meta(text).published == published


@pytest.mark.parametrize(
    ("text", "published"),
    [
        # a line of a date written with dots, with its clock or its source after it
        ("Forum held\n14.08.2013, 11:26\n\nThe forum was held.", "2013-08-14"),
        ("Forum held\n05.04.2012 - UNESCO\n\nThe forum was held.", "2012-04-05"),
        # ... not one that goes on as a sentence
        ("Forum held\n05.04.2012 - the forum opened in Lima with 30 guests.\n\nText.", ""),
    ],
)
def test_a_dotted_date_line_with_its_clock_or_source(text, published):
    assert meta(text).published == published


def test_a_dotted_date_line_is_no_headline():
    assert meta("05.04.2012 - UNESCO\nBrazil hosts a regional forum\n\nThe forum was held.").title == (
        "Brazil hosts a regional forum"
    )


@pytest.mark.parametrize(
    ("text", "published"),
    [
        # a dateline's place, a dash and the date with its year
        ("A training\n\nHonolulu, Hawaii – 14 March 2019: A training on coding was held.", "2019-03-14"),
        ("A fair\n\nMuscat, Oman – November 2, 2021 – The fair closed with a ceremony.", "2021-11-02"),
        ("A fair\n\nLima - 7 Jun 2016\n\nThe fair closed with a ceremony.", "2016-06-07"),
        # an event's heading is no dateline: no place before the dash
        ("A fair\n\nThe Science Fair – 7 June 2016\n\nThe fair closed with a ceremony.", ""),
    ],
)
def test_a_dateline_with_a_dash_before_its_date(text, published):
    assert meta(text).published == published
