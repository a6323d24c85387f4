"""Datelines parsed from openings we write in each agency style."""
from __future__ import annotations

from datetime import date

from tasks.dateline import Dateline, columns, parse
from tasks.normalise import normalise
from tasks.records import RawRecord


def test_wire_dateline_in_capitals_gives_a_readable_place_and_the_day() -> None:
    text = "WASHINGTON, March 3 - The Treasury said it would sell more bills next week."
    assert parse(text, date(1987, 3, 4)) == Dateline("Washington", "US", date(1987, 3, 3))


def test_day_without_year_before_new_year_belongs_to_the_year_before() -> None:
    assert parse("TOKYO, Dec 31 - Shares closed higher.", date(1988, 1, 2)).day == date(1987, 12, 31)


def test_agency_and_region_styles() -> None:
    assert parse("KABUL, Afghanistan (AP) — Officials said the road reopened.") == Dateline("Kabul", "AF", None)
    assert parse("LONDON (Reuters) - Sterling firmed.").place == "London"
    assert parse("Headline here\n\nBRUSSELS 1996-08-22\n\nThe Commission said.") == Dateline(
        "Brussels", "BE", date(1996, 8, 22))


def test_unknown_place_in_capitals_is_title_cased() -> None:
    assert parse("AL-RAMADI, Iraq, May 2 - A bridge was opened.").place == "Al-Ramadi"


def test_ordinary_openings_are_not_datelines() -> None:
    assert parse("Officials said - after a long pause - that talks would resume.") is None
    assert parse("The U.S. - and its allies - agreed.") is None
    assert columns("No dateline here.", None) == {"dateline": None, "dateline_country": None, "dateline_date": None}


def test_normalise_records_the_dateline_for_the_articles_table() -> None:
    body = ("NEW YORK, June 9 - Acme Holdings said quarterly profit rose on higher sales of its "
            "machine tools to car makers in the Midwest and in Canada.\n\nThe company said demand stayed firm.")
    art = normalise(RawRecord(source="w.txt", path="w.txt", fmt="txt", data=body.encode()))
    assert art.extras["dateline"] == "New York City"
    assert art.extras["dateline_country"] == "US"


def test_a_headline_in_capitals_is_not_a_dateline_but_the_line_after_it_is() -> None:
    text = "CRICKET - KENT TAKE OVER AT TOP AFTER WIN .\nLONDON 1996-08-30\nKent took over at the top."
    assert parse(text) == Dateline("London", "GB", date(1996, 8, 30))


def test_saint_abbreviated() -> None:
    assert parse("ST. PAUL, Minn. (AP) — The Legislature met.") == Dateline("Saint Paul", "US", None)
