"""One test per junk rule, plus the document-level rules, each with a near miss it must keep."""
from __future__ import annotations

import pytest

from tasks import junk
from tasks.language import stopwords

EN = stopwords("en")


@pytest.mark.parametrize("line", [
    "Home / Uncategorized / Ukraine crisis: John Kerry to meet Putin in Russia",
    "You are at: Home » News » World",
    "News › Politics › Elections",
])
def test_breadcrumb(line):
    assert junk.is_breadcrumb(line)


def test_breadcrumb_keeps_prose_with_slashes():
    assert not junk.is_breadcrumb("The 24/7 service costs £5 a month and / or more for families, the company said.")


@pytest.mark.parametrize("line", ["Advertisement", "ADVERTISEMENT", "Story continues below advertisement", "Supported by"])
def test_advertisement(line):
    assert junk.is_advertisement(line)


def test_advertisement_keeps_sentence():
    assert not junk.is_advertisement("Advertisement spending rose 5% last year.")


@pytest.mark.parametrize("line", ["Read more", "READ MORE: Kerry lands in Sochi", "RELATED: Five things to know", "You may also like..."])
def test_read_more(line):
    assert junk.is_read_more(line)


def test_read_more_keeps_more_than():
    assert not junk.is_read_more("More than 6,000 people have been killed since fighting began in April 2014.")


def test_newsletter():
    assert junk.is_newsletter("Sign up for our daily newsletter to get the latest headlines in your inbox.")
    assert not junk.is_newsletter("“I get too many emails,” said Ms Lee, who unsubscribed from every newsletter last year, adding that she now reads the paper.")


def test_cookie_and_legal():
    assert junk.is_cookie("We use cookies to improve your experience. By continuing you accept cookies.")
    assert junk.is_cookie("© 2019 Cleveland.com. All rights reserved (About Us).")
    assert not junk.is_cookie("The biscuit maker sold more cookies than ever before, it said on Tuesday.")


@pytest.mark.parametrize("line", ["Photo: AP", "Credit... Doug Mills/The New York Times", "(AP Photo/Evan Vucci)",
                                  "Photograph: Tim Robberts/Getty Images"])
def test_photo_credit(line):
    assert junk.is_photo_credit(line)


def test_photo_credit_keeps_sentence_about_photos():
    assert not junk.is_photo_credit("The photographer said the images were taken in 2014.")


@pytest.mark.parametrize("line", ["Reuter", "REUTER", "(Reuters)", "Reporting by Jane Doe; Editing by John Roe",
                                  "The Associated Press contributed to this report."])
def test_signoff(line):
    assert junk.is_signoff(line)


def test_signoff_keeps_reuters_sentence():
    assert not junk.is_signoff("Reuters reported that the talks had stalled.")


@pytest.mark.parametrize("line", ["Share this on WhatsApp", "55 Shares", "Tweet", "Share"])
def test_share(line):
    assert junk.is_share(line)


def test_share_keeps_sentence():
    assert not junk.is_share("Shares in the company fell 5% on Monday.")


@pytest.mark.parametrize("line", ["By Troy L. Smith, Cleveland.com", "By JERUSALEM POST STAFF", "Catherine Shu @catherineshu / 2 days"])
def test_byline(line):
    assert junk.is_byline(line)


def test_byline_keeps_sentence_starting_with_by():
    assert not junk.is_byline("By the end of the year, the company expects to hire 200 people.")


@pytest.mark.parametrize("line", ["Updated Nov 19, 6:55 AM; Posted Nov 19, 6:51 AM", "November 19, 2019 at 9:45 am",
                                  "Published 2:16 AM EST Nov 20, 2019", "3 hours ago", "Tuesday 12 May 2015 10:43 BST"])
def test_timestamp(line):
    assert junk.is_timestamp(line)


def test_timestamp_keeps_dated_sentence():
    assert not junk.is_timestamp("Talks resumed on 12 May 2015 in Sochi.")


def test_share_counter_glued_to_first_word():
    assert junk.strip_share_counter("55US Secretary of State John Kerry is to meet") == "US Secretary of State John Kerry is to meet"
    assert junk.strip_share_counter("12The minister said") == "The minister said"


@pytest.mark.parametrize("line", ["2014 was a hard year.", "3M said profits rose.", "100Mbps broadband is coming.", "4G masts were built."])
def test_share_counter_keeps_real_numbers(line):
    assert junk.strip_share_counter(line) == line


def test_headline_copy():
    title = "Ukraine crisis: John Kerry to meet Putin in Russia"
    assert junk.is_headline_copy("Ukraine crisis: John Kerry to meet Putin in Russia", title)
    assert junk.is_headline_copy("Ukraine crisis: John Kerry to meet Putin in Russia - BBC News", title)
    assert not junk.is_headline_copy("John Kerry met Putin in Russia on Tuesday and they talked for hours.", title)


def test_menu_run():
    lines = ["Home", "World", "Business", "Sport", "The minister said on Tuesday that talks would go on."]
    assert junk.is_menu_run(lines, 0) == 4
    assert junk.is_menu_run(lines, 4) == 0
    assert junk.is_menu_run(["Home", "World", "A full sentence follows here."], 0) == 0


def test_find_title_prefers_repeated_headline():
    lines = ["Big Story Headline Here - Example News", "Home", "News", "Big Story Headline Here",
             "By Jo Bloggs", "The first paragraph of the story is long enough to count as prose, the editors said."]
    assert junk.find_title(lines) == "Big Story Headline Here"


def test_clean_lines_drops_page_furniture_keeps_body():
    body = [
        "The minister said on Tuesday that the government would publish its plans for the railways next month, after a long delay.",
        "Rail unions welcomed the announcement but said they would wait to see the details before calling off next week's strike.",
        "Fares rose 3% in January.",
        "Passenger groups said the plans had to include compensation for the delays that commuters had suffered all year.",
    ]
    page = ["Rail plans to be published next month - Daily Example", "Home", "News", "Sport", "Weather",
            "Rail plans to be published next month", "By Jo Bloggs", "Updated 12 May 2015 10:43",
            *body[:2], "Advertisement", *body[2:], "Read more", "Sign up for our newsletter to get the news in your inbox.",
            "© 2015 Daily Example. All rights reserved."]
    title = junk.find_title(page)
    assert title == "Rail plans to be published next month"
    assert junk.clean_lines(page, title=title, stopwords=EN) == body


def test_clean_lines_keeps_a_short_brief():
    brief = ["NEXT Weather: Noon weather report WCCO meteorologist says temperatures will peak in the low 30s Thursday."]
    assert junk.clean_lines(brief, title=None, stopwords=EN) == brief


@pytest.mark.parametrize("line", ["LONDON 1996-08-30", "PANAMA CITY 1996-08-30", "AL-RAM , West Bank 1996-08-30",
                                  "9. Andersson 1:34", "2009 95,000"])
def test_datelines_and_table_rows_are_not_timestamps_or_bylines(line):
    assert junk.junk_reason(line) is None


@pytest.mark.parametrize("line", ["W D L G / F G / A P", "- Revenue N / A N / A"])
def test_breadcrumb_keeps_table_cells(line):
    assert not junk.is_breadcrumb(line)


def test_menu_line_excludes_table_rows():
    assert junk.is_menu_line("Toggle dark mode") and junk.is_menu_line("Sport")
    assert not junk.is_menu_line("LG 2 OB 0") and not junk.is_menu_line("Spain at Belgium")
    assert not junk.is_menu_line("Results follow.")


def _blocks(lines):
    return [junk.make_block(ln, EN) for ln in lines]


WIRE = ["SOCCER - LOCAL SIDE WIN CUP .", "NORTHBRIDGE 2001-06-14",
        "Northbridge won the county cup on Saturday, beating Dunmore 3-1 in front of a record crowd at the harbour ground.",
        "Results :", "Northbridge 3 Dunmore 1", "Castlemere 0 Port Aldous 2", "Kessel v Brandt", "Halver v Ostby",
        "Standings :", "NORTH DIVISION", "SOUTH DIVISION", "EAST DIVISION", "By dusk the fans had gone home ."]


def test_looks_like_page_needs_furniture():
    assert not junk.looks_like_page(_blocks(WIRE))
    page = ["Home", "News", "Sport", "Weather", "Toggle dark mode", "Contact us", *WIRE[2:3],
            "Sign up for our newsletter to get the news in your inbox."]
    assert junk.looks_like_page(_blocks(page))
    banners = [*WIRE, "We use cookies to improve your experience.", "Share this on WhatsApp", "Read more",
               "© 2015 Daily Example. All rights reserved."]
    assert junk.looks_like_page(_blocks(banners))


def test_clean_lines_keeps_clean_text_whole():
    assert junk.clean_lines(WIRE, title=junk.find_title(WIRE), stopwords=EN) == WIRE


def test_clean_lines_drops_pattern_junk_from_clean_text():
    lines = [*WIRE[:3], "Advertisement", *WIRE[3:], "Reporting by Jo Bloggs; Editing by Sam Roe"]
    assert junk.clean_lines(lines, title=None, stopwords=EN) == WIRE


def test_title_dropped_only_when_repeated():
    lines = ["Kerry to meet Putin in Sochi", "Kerry to meet Putin in Sochi", WIRE[2]]
    assert junk.clean_lines(lines, title=lines[0], stopwords=EN) == [WIRE[2]]
    assert junk.clean_lines(lines[1:], title=lines[0], stopwords=EN) == lines[1:]
    assert junk.clean_lines(lines[1:], title=lines[0], stopwords=EN, title_is_metadata=True) == [WIRE[2]]


@pytest.mark.parametrize("line", ["[ 167 comments ]", "Top Rated Comments", "Leave a Reply Cancel reply", "Comments (12)",
                                  "34 responses to “Lynn: we needed to win”", "Join the conversation"])
def test_comment_header(line):
    assert junk.is_comment_header(line)


@pytest.mark.parametrize("line", ["Comment", "Comments", "Fans left comments under the post, the club said."])
def test_comment_header_keeps_buttons_and_prose(line):
    assert not junk.is_comment_header(line)


def test_teaser_is_headline_case():
    assert junk.is_teaser("Police: 2 In Custody After Death Of Student A 24-year-old woman and a man were held on Monday.")
    assert not junk.is_teaser("Police said two people were in custody after the death of a student at the university.")


def test_page_lines_end_at_comment_section():
    body = [
        "The minister said on Tuesday that the government would publish its plans for the railways next month, after a long delay.",
        "Rail unions welcomed the announcement but said they would wait to see the details before calling off next week's strike.",
    ]
    comments = ["This is the worst plan I have ever seen, and the trains in my town are always late anyway, every single day.",
                "I agree with the previous commenter, and I think the minister should resign over this whole sorry affair today."]
    page = ["Rail plans to be published next month - Daily Example", "Home", "News", "Sport", "Weather",
            "Rail plans to be published next month", *body, "[ 12 comments ]", *comments,
            "© 2015 Daily Example. All rights reserved."]
    title = junk.find_title(page)
    assert junk.clean_lines(page, title=title, stopwords=EN) == body
