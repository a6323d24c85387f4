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
    assert junk.is_cookie("© 2020 Riverton Herald. All rights reserved (About Us).")
    assert not junk.is_cookie("The biscuit maker sold more cookies than ever before, it said on Tuesday.")


@pytest.mark.parametrize("line", ["Photo: AP", "Credit... Jo Harlan/The Daily Courier", "(AP Photo/Lee Carver)",
                                  "Photograph: Ana Ruiz/Getty Images"])
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


@pytest.mark.parametrize("line", ["By Dale K. Moss, Riverton.com", "By HARBOUR TIMES STAFF", "Mina Cole @minacole / 2 days"])
def test_byline(line):
    assert junk.is_byline(line)


def test_byline_keeps_sentence_starting_with_by():
    assert not junk.is_byline("By the end of the year, the company expects to hire 200 people.")


@pytest.mark.parametrize("line", ["Updated Mar 4, 7:12 AM; Posted Mar 4, 7:03 AM", "November 19, 2019 at 9:45 am",
                                  "Published 3:41 AM EST Feb 11, 2021", "3 hours ago", "Tuesday 12 May 2015 10:43 BST"])
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
    brief = ["STORM Watch: Evening report KXTV forecaster says winds will ease to the high 20s Friday."]
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
    assert junk.is_teaser("Council: 3 Cafes Shut After Kitchen Checks An inspector found mould in two of them on Monday.")
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


RAIL = [
    "The minister said on Tuesday that the government would publish its plans for the railways next month, after a long delay.",
    "Rail unions welcomed the announcement but said they would wait to see the details before calling off next week's strike.",
    "Passenger groups said the plans had to include compensation for the delays that commuters had suffered all year.",
]
PAGE_TOP = ["Rail plans to be published next month - Daily Example", "Home", "News", "Sport", "Weather",
            "Rail plans to be published next month"]


def test_teaser_list_after_body_is_not_joined():
    """Title, author, date, summary: a gap of three non-prose lines before each summary ends the article."""
    teasers = []
    for topic in ("bus lanes", "parking fees", "the library", "street lights"):
        teasers += [f"Council votes on {topic} plan", "Jo Bloggs", "Tuesday November 19, 2019",
                    f"The council will vote on Thursday on whether {topic} on the high street should stay as they are for another "
                    "year, after shop owners and residents complained about the changes at a long and angry public meeting."]
    page = [*PAGE_TOP, *RAIL, "More Daily Example", *teasers, "© 2015 Daily Example. All rights reserved."]
    assert junk.clean_lines(page, title=junk.find_title(page), stopwords=EN) == RAIL


def test_short_gap_inside_body_is_bridged():
    """Near miss: a subheading and an ad slot between paragraphs stay inside the article."""
    page = [*PAGE_TOP, RAIL[0], "What happens next", "Advertisement", *RAIL[1:], "Related", "Sport", "Weather",
            "© 2015 Daily Example. All rights reserved."]
    assert junk.clean_lines(page, title=junk.find_title(page), stopwords=EN) == [RAIL[0], "What happens next", *RAIL[1:]]



def test_gap_cost_grows_with_bad_lines_only():
    blocks = _blocks(["Home", "News", "Sport", RAIL[0], "GPS", "Swim proof", "Digital Crown", RAIL[1]])
    for b, label in zip(blocks, ["bad"] * 3 + ["good"] + ["short"] * 3 + ["good"]):
        b.label = label
    assert junk.scores(blocks) == [-40, -80, -120, len(RAIL[0]), -20, -20, -20, len(RAIL[1])]


JA_BODY = [
    "先週、市内の小さなパン屋が地元の小麦だけを使った新しい食パンを売り出し、朝から長い行列ができたというニュースを聞きました。",
    "店主によると、今回の食パンは近くの農家と一緒に三年かけて作ったもので、毎日二百本だけ焼いているとのことです。",
    "一般に、地元の材料だけで作る商品は値段が高くなりがちですが、この店では普通の食パンと同じ値段にしているそうです。",
]


def test_cjk_lines_are_measured_by_characters():
    """Japanese has no spaces: menu items are short in characters, prose ends in 。 and is rich in particles."""
    assert junk.is_menu_line("店舗案内・アクセス") and junk.is_menu_line("よくあるご質問")
    assert not junk.is_menu_line(JA_BODY[0])  # near miss: one "word" to split(), but a sentence
    assert junk.n_words("Toggle dark mode now") == 4 and junk.n_words("Toggle dark mode now please") == 5
    b = junk.make_block(JA_BODY[0], EN)
    assert b.terminal and b.stop_density >= junk.STOP_HIGH and b.chars > len(JA_BODY[0])


def test_cjk_page_keeps_the_article():
    menu = ["MENU", "パンの基礎知識", "商品のご案内", "お客様の声", "ブログ", "店舗案内・アクセス", "よくあるご質問"]
    related = ["関連記事", "こちらの記事も合わせてどうぞ", "「くるみパン」の話 －季節のパンシリーズ", "小麦の選び方って？",
               "サイトマップ", "プライバシー・ポリシー"]
    page = ["地元の小麦で食パンが人気に！？ | 町のパン屋", *menu, "地元の小麦で食パンが人気に！？", *JA_BODY, *related,
            "Copyright © Example bakery All rights reserved."]
    assert junk.clean_lines(page, title=junk.find_title(page), stopwords=EN) == JA_BODY


@pytest.mark.parametrize("line", ["tulsafan88 says:", "Dana (Helpdesk) on March 2, 2019 at 8:10 pm said:",
                                  "Jo Bloggs says: 12 May 2015 at 10:43"])
def test_comment_author(line):
    assert junk.is_comment_author(line)


@pytest.mark.parametrize("line", ["The minister said:", "He said:", "In a statement, the minister said:", "Mr Smith said:",
                                  "The spokesman says:", "She wrote on May 3, 2019 at the time:"])
def test_comment_author_keeps_quote_introductions(line):
    assert not junk.is_comment_author(line)


def test_page_lines_end_at_first_of_several_comment_authors():
    comments = ["I agree with the previous commenter, and I think the minister should resign over this whole sorry affair today.",
                "The trains in my town are always late anyway, every single day of the week, and nobody ever does anything."]
    page = [*PAGE_TOP, *RAIL, "Sam on April 9, 2020 at 7:05 am said:", comments[0], "sammievee says:", comments[1],
            "© 2015 Daily Example. All rights reserved."]
    assert junk.clean_lines(page, title=junk.find_title(page), stopwords=EN) == RAIL


def test_page_lines_keep_a_single_says_line():
    """Near miss: one ``Smith says:`` before a quote is reporting, not a comment thread."""
    page = [*PAGE_TOP, RAIL[0], "Smith says:", *RAIL[1:], "Related", "Sport", "Weather", "© 2015 Daily Example. All rights reserved."]
    assert junk.clean_lines(page, title=junk.find_title(page), stopwords=EN) == [RAIL[0], "Smith says:", *RAIL[1:]]


NAV = ["Frontpage", "Video", "Store", "Picks", "Technology", "Long Reads", "Photos", "Science", "Design", "Features"]


def test_long_navigation_list_makes_a_page_despite_table_rows():
    """Ten unbroken menu items are a site's navigation even when dated lines outnumber them."""
    dated = ["Nov 18, 2019 @17:19 PM", "1 digg Long Reads World", "20 diggs Promotion", "4 diggs Video", "amazon.com 3 Picks",
             "Top 10 deals", "2 diggs Science", "5 diggs News", "7 diggs Design", "9 diggs Photos", "11 diggs Art"]
    assert junk.looks_like_page(_blocks([*NAV, *RAIL, *dated]))
    assert not junk.looks_like_page(_blocks([*NAV[:9], *RAIL, *dated]))  # near miss: nine items and more rows


def test_upper_case_table_headings_are_not_navigation():
    """Near miss: a wire results table lists team names in capitals, one per line, with rows around them."""
    teams = ["NEW YORK", "BALTIMORE", "BOSTON", "TORONTO", "DETROIT", "CLEVELAND", "CHICAGO", "MINNESOTA", "MILWAUKEE",
             "KANSAS CITY", "TEXAS"]
    rows = [f"SEATTLE {n} 60 .5{n}" for n in range(12)]
    assert not junk.looks_like_page(_blocks([WIRE[2], *teams, *rows]))


def test_dated_furniture_is_not_a_table_row():
    """Timestamps under teasers have figures but are furniture; they must not outvote the menu."""
    stamps = ["Tuesday November 19, 2019", "Monday November 18, 2019", "Sunday November 17, 2019", "Saturday November 16, 2019"]
    assert junk.looks_like_page(_blocks(["Home", "News", "Sport", "Weather", *RAIL, *stamps, "Sign up for our newsletter"]))
    # Near miss: real table rows with figures still mark a document of tables.
    rows = ["Northbridge 3 Dunmore 1", "Castlemere 0 Port Aldous 2", "Kessel 1 Brandt 1", "Halver 2 Ostby 0"]
    assert not junk.looks_like_page(_blocks(["Home", "News", "Sport", "Weather", *RAIL, *rows]))


# --------------------------------------------------------------------------- whole-page verdicts


def test_page_verdicts():
    from tasks.substance import MIN_ARTICLE_WORDS, is_notice, is_sentence, no_text, too_short

    assert is_notice("Please enable JavaScript to continue.") and is_notice("Your browser is not supported")
    assert not is_notice("The minister said JavaScript developers earn more. " * 10)  # long prose mentioning it
    assert not is_sentence("Home World Business Politics Tech") and is_sentence("Kerry meets Putin in Sochi")
    assert is_sentence("北京市政府周二宣布，将投资五百亿元。")
    assert no_text(["Home", "World", "Business", "Politics", "Sport"]) is not None
    assert no_text(["Please enable JavaScript."]) == "only a script or browser notice"
    assert no_text(["Hello"]) is None and too_short(["Hello"]) is not None
    words = " ".join(["word"] * MIN_ARTICLE_WORDS)
    assert too_short([words]) is None and too_short([words.rsplit(" ", 1)[0]]) is not None


def test_long_runs_of_digits_are_no_share_counter():
    """A digit run is where the share pattern backtracked quadratically (minutes for a long line)."""
    from tasks.junk import is_share

    assert is_share("55 Shares") and is_share("1,234 shares")
    assert not is_share("1" * 50_000) and not is_share("1" * 50_000 + " comments")
