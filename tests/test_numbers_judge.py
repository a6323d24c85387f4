"""Each not-an-amount rule beside a sentence it must keep: the rule rejects a class, not every number near it.

Made-up sentences only.
"""
from __future__ import annotations

import pytest

from tasks.numbers import extend, extract_numbers, judge, read


def _surfaces(nlp, text: str) -> list[str]:
    return [r["surface"] for r in extract_numbers(nlp(text))]


@pytest.mark.parametrize(
    ("rejected", "kept", "surface"),
    [
        # fiscal years and seasons / a fraction and a range of amounts
        ("Profit for 1986/87 doubled.", "Profit rose 3/4 in the year.", "3/4"),
        ("The 2019-20 season was cut short.", "They sold 1000-5000 tickets a night.", "1000-5000"),
        # versions and model numbers / counts written after the same kind of word
        ("Version 2 of the app is out.", "The app has 2 versions.", "2"),
        ("The Boeing 737 landed safely.", "Boeing delivered 737 planes.", "737"),
        ("Staff moved to version 3.2 overnight.", "Staff moved to 3.2 versions overnight.", "3.2"),
        ("The RTX 4090 card sold out.", "The shop sold 4090 cards.", "4090"),
        # scores, both sides / a range of counts
        ("The Hawks beat the Bulls 112-104 on Sunday.", "The Hawks sold 104 seats on Sunday.", "104"),
        ("Lincoln won 3-1 at home.", "Lincoln scored 3 to 5 goals a game.", "3 to 5"),
        # years / a four-digit count
        ("The bridge opened in 1998.", "The bridge carries 1998 cars a day.", "1998"),
        # clock times / a count before the same words
        ("The shop opens at 9 am on Sundays.", "The shop has 9 staff on Sundays.", "9"),
        # labels / a count before the same noun
        ("The vote is in Room 12 today.", "The hotel has 12 rooms.", "12"),
        # a year's possessive, even after a comparison / a count after one
        ("Losses were lower than 2003's.", "Losses were lower than 2003 euros.", "2003 euros"),
        # a dated year with a bound and no noun after it / a bounded count
        ("Rates will stay low until at least 2008, analysts said.", "At least 2008 fans stayed, analysts said.", "2008"),
        # a 24-hour clock time with its zone / a count before a capitalised noun
        ("The plane landed at 2200 GMT.", "The plane carried 220 GIs.", "220"),
        # a mobile generation / a count before the same noun
        ("Carriers sold 3G phones in November.", "Carriers sold 3 phones in November.", "3"),
        # a slash over a figure no larger (round the clock, even odds) / a fraction
        ("The clinic is open 24/7 for walk-ins.", "The clinic treated 2/3 of walk-ins.", "2/3"),
        ("Pundits called it a 50/50 contest.", "Pundits said 1/5 of seats would change.", "1/5"),
    ],
)
def test_rule_and_its_counter_example(nlp, rejected: str, kept: str, surface: str) -> None:
    assert _surfaces(nlp, rejected) == []
    assert surface in _surfaces(nlp, kept)


@pytest.mark.parametrize(
    ("text", "token", "rule"),
    [
        ("Profit for 1986/87 doubled.", "1986/87", "season"),
        ("The bridge opened in 1998.", "1998", "year"),
        ("Lincoln won 3-1 at home.", "3", "score"),
        ("The clinic is open 24/7 for walk-ins.", "24/7", "slash_pair"),
        ("The 5G network covers the city.", "5", "generation"),
        ("Our seats are in Section 427 by the aisle.", "427", "name"),  # spaCy: a LAW entity
        ("The Boeing 737 landed safely.", "737", "label"),  # a number after a proper noun
    ],
)
def test_a_rejection_names_its_rule(nlp, text: str, token: str, rule: str) -> None:
    doc = nlp(text)
    i = next(t.i for t in doc if t.text == token)
    r = read.read_number(doc, i, len(doc))
    grown = extend.grow(doc, r, 0, len(doc))
    dates = {t: e for e in doc.ents if e.label_ in ("DATE", "TIME") for t in range(e.start, e.end)}
    assert judge.reject(judge.Case(doc, r, 0, len(doc), grown.qualifier, dates)) == rule


def test_a_scaled_amount_run_into_a_date_stays(nlp) -> None:
    rows = extract_numbers(nlp("Output was 3.4 mln tonnes against 2.9 mln a year ago."))
    assert [(r["surface"], r["unit"]) for r in rows] == [("3.4 mln tonnes", "metric ton"), ("2.9 mln", "metric ton")]


def test_a_date_with_small_numbers_is_still_a_date(nlp) -> None:
    assert extract_numbers(nlp("The vote was held on March 3, 2019 in Lyon.")) == []


def test_a_year_then_the_level_reached_is_no_range(nlp) -> None:
    rows = extract_numbers(nlp("Output fell from 52,410 in 2011 to 47,932."))
    assert [(r["value"], r["upper"]) for r in rows] == [(52410, None), (47932, None)]


def test_a_span_of_years_and_a_range_of_counts_stay(nlp) -> None:
    assert extract_numbers(nlp("Prices rose from 1990 to 2000.")) == []
    [row] = extract_numbers(nlp("The plant will hire 1500 to 25,000 workers."))
    assert (row["lower"], row["upper"]) == (1500, 25000)
