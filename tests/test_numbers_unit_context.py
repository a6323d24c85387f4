"""Units the database names and context settles: multiples, ambiguous symbols, word symbols, local currency
symbols and the noun after ``of`` that a count names.

Every sentence here is made up for the test; none comes from a dev set. Each
class has a counter-example the rule must leave alone.
"""
from __future__ import annotations

import pytest

from tasks.numbers import extract_numbers


def _find(nlp, text: str, value: float) -> dict:
    hits = [r for r in extract_numbers(nlp(text)) if r["value"] == pytest.approx(value)]
    assert len(hits) == 1, (value, text, hits)
    return hits[0]


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("Exports to Chile grew fivefold in a decade.", 5, "count"),
        ("The drug cut relapses 2.5-fold in the trial.", 2.5, "count"),
        ("Rents in the port are three times higher than inland.", 3, "count"),
        ("The ferry sails four times per week in winter.", 4, "count per week"),
    ],
)
def test_a_multiple_is_a_count(nlp, text: str, value: float, unit: str) -> None:
    """quantulum3 (and NewsQuant after it) names ``times`` and ``-fold`` the unit ``count``."""
    row = _find(nlp, text, value)
    assert (row["unit"], row["kind"]) == (unit, "quantity")


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("Each capacitor on the board stores 4.7 F of charge.", 4.7, "farad"),
        ("The capacitance of the cell is 3 F at room heat.", 3, "farad"),
        # counter-examples: no word of capacitance, so the usual reading stays
        ("Temperatures in Phoenix hit 112 F on Sunday.", 112, "fahrenheit"),
        ("The battery was charged in a shed at 40 F overnight.", 40, "fahrenheit"),
        ("Water in the tank boiled at 100 C.", 100, "celsius"),
    ],
)
def test_an_ambiguous_symbol_follows_the_quantity_the_sentence_names(nlp, text: str, value: float, unit: str) -> None:
    assert _find(nlp, text, value)["unit"] == unit


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("The plank is 2 in thick and 9 in wide.", 2, "inch"),
        ("The plank is 2 in thick and 9 in wide.", 9, "inch"),
        ("The new shelf (14 in) fits the van.", 14, "inch"),
        # counter-examples: ``in`` before any other word, or ending a sentence, is the preposition
        ("The club won 4 in a row.", 4, None),
        ("Sales fell 7 in March.", 7, None),
        ("The winger scored 9 in.", 9, None),
    ],
)
def test_in_is_an_inch_before_an_adjective_of_measure(nlp, text: str, value: float, unit: str | None) -> None:
    assert _find(nlp, text, value)["unit"] == unit


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("A loaf of bread in Durban now costs 21 R.", 21, "south african rand"),
        ("Matatu fares rose to 80 Ksh in Mombasa.", 80, "kenyan shilling"),
        ("Dockers earn Ksh 650 for a shift.", 650, "kenyan shilling"),
        ("The council set the levy at TSh 4,500.", 4500, "tanzanian shilling"),
        ("A bag of rice sells for 9,000 ₦ in Kano.", 9000, "nigerian naira"),
    ],
)
def test_currency_symbols_of_english_speaking_territories(nlp, text: str, value: float, unit: str) -> None:
    row = _find(nlp, text, value)
    assert (row["unit"], row["kind"]) == (unit, "money")


def test_a_single_letter_before_a_word_is_not_a_currency(nlp) -> None:
    row = _find(nlp, "The squad drew 12 R Madrid fans to the stand.", 12)
    assert row["kind"] != "money"


@pytest.mark.parametrize(
    ("text", "value", "noun"),
    [
        ("Inspectors checked 450 categories of toys.", 450, "category toy"),
        ("The deli stocks 60 kinds of cheese.", 60, "kind cheese"),
        # counter-examples: a part of a group, and a noun with its own article
        ("Three of its engineers resigned.", 3, "engineer"),
        ("The firm sold 20 copies of the book.", 20, "copy"),
    ],
)
def test_a_count_names_the_bare_noun_after_of(nlp, text: str, value: float, noun: str) -> None:
    assert _find(nlp, text, value)["noun"] == noun


def test_a_rate_written_on_the_first_end_of_a_from_range_spans_it(nlp) -> None:
    rows = extract_numbers(nlp("Wheat fell from $300 a tonne to $240 over the year."))
    assert [(r["lower"], r["upper"], r["unit"], r["kind"]) for r in rows] == [(240, 300, "dollar per metric ton", "range")]


def test_a_change_per_unit_then_a_level_stays_two_amounts(nlp) -> None:
    rows = extract_numbers(nlp("Wheat rose $30 a tonne to $240 over the year."))
    assert [(r["value"], r["unit"]) for r in rows] == [(30, "dollar per metric ton"), (240, "dollar")]


def test_digits_glued_to_a_capitalised_number_word_are_no_range(nlp) -> None:
    assert all(r["kind"] != "range" for r in extract_numbers(nlp("The 7-Eleven shop on the corner closed.")))
    rows = extract_numbers(nlp("The shop opens 7-eleven on weekdays."))
    assert [(r["lower"], r["upper"]) for r in rows if r["kind"] == "range"] == [(7, 11)]


def test_a_single_letter_is_never_the_counted_noun(nlp) -> None:
    assert _find(nlp, "The pupil scored 18 R in the test.", 18)["noun"] is None
    assert _find(nlp, "The squad drew 12 R Madrid fans to the stand.", 12)["noun"] == "fan"  # the noun after it counts
