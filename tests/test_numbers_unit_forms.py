"""Units as news writes them, from sentences written for these tests: prime marks, hyphenated rates,
powers, symbols at a sentence end, fraction words and halves of a unit."""
from __future__ import annotations

import pytest

from tasks.numbers import extract_numbers
from test_numbers import _one, _find


def test_glued_m_is_million_before_a_unit(nlp) -> None:
    r = _one(nlp, "Jet fuel use is 12.3m tonnes.")
    assert (r["value"], r["unit"]) == (pytest.approx(1.23e7), "metric ton")


def test_power_of_ten_split_by_the_tokenizer(nlp) -> None:
    r = _one(nlp, "The density is 5.5x10-3 kg here.")
    assert (r["value"], r["unit"]) == (pytest.approx(0.0055), "kilogram")


@pytest.mark.parametrize(
    ("text", "surface", "unit"),
    [("The ladder is 12' tall.", "12'", "foot"), ('The set has a 65" screen.', '65"', "inch")],
)
def test_prime_marks_are_feet_and_inches(nlp, text: str, surface: str, unit: str) -> None:
    r = _one(nlp, text)
    assert (r["surface"], r["unit"], r["kind"]) == (surface, unit, "quantity")


def test_a_closing_quote_is_not_inches(nlp) -> None:
    r = _one(nlp, 'She told us "the total is 45" twice.')
    assert (r["surface"], r["unit"]) == ("45", None)


def test_a_bare_decimal_takes_the_unit_of_the_one_before(nlp) -> None:
    rows = extract_numbers(nlp("The index lost 12.34 points to close at 6,789.01."))
    assert [(r["value"], r["unit"], r["kind"]) for r in rows] == [(12.34, "point", "quantity"), (6789.01, "point", "quantity")]


def test_a_level_does_not_take_a_percentage(nlp) -> None:
    r = _find(extract_numbers(nlp("Shares rose 1.5% to 33.20 on Monday.")), "33.20")
    assert (r["unit"], r["kind"]) == (None, "cardinal")


@pytest.mark.parametrize(
    ("text", "surface", "value", "unit", "qualifier"),
    [("Firms now make sub-5 nanometre chips.", "sub-5 nanometre", 5, "nanometre", "upper_bound"),
     ("Her then-16-year-old son was arrested.", "then-16-year-old", 16, "year of age", "exact")],
)
def test_words_hyphenated_onto_a_number(nlp, text: str, surface: str, value: float, unit: str, qualifier: str) -> None:
    r = _one(nlp, text)
    assert (r["surface"], r["value"], r["unit"], r["qualifier"]) == (surface, value, unit, qualifier)


@pytest.mark.parametrize(
    ("text", "surface", "unit"),
    [("Users pay a £15-a-month fee.", "£15-a-month", "pound sterling per month"),
     ("Fans pay £30 a-week to watch.", "£30 a-week", "pound sterling per week")],
)
def test_hyphenated_rates(nlp, text: str, surface: str, unit: str) -> None:
    r = _one(nlp, text)
    assert (r["surface"], r["unit"]) == (surface, unit)


@pytest.mark.parametrize(
    ("text", "surface", "value", "unit"),
    [("It rained for four straight days.", "four straight days", 4, "day"),
     ("The crater covers 6 km^2 of land.", "6 km^2", 6, "square kilometre"),
     ("The lake holds 5 km cubed of water.", "5 km cubed", 5, "cubic kilometre"),
     ("The dam holds 8 cubic kilometres of water.", "8 cubic kilometres", 8, "cubic kilometre"),
     ("The jug holds 3 ½ litres.", "3 ½ litres", 3.5, "litre"),
     ("The sample held 3.1 x 10^5 grams.", "3.1 x 10^5 grams", 310_000, "gram")],
)
def test_more_unit_forms(nlp, text: str, surface: str, value: float, unit: str) -> None:
    r = _one(nlp, text)
    assert (r["surface"], r["unit"]) == (surface, unit)
    assert r["value"] == pytest.approx(value)


def test_a_dash_glued_to_the_unit_keeps_the_range(nlp) -> None:
    r = _one(nlp, "Range went from 10 miles to 20 miles- a record.")
    assert (r["kind"], r["lower"], r["upper"], r["unit"]) == ("range", 10, 20, "mile")


@pytest.mark.parametrize(
    ("text", "value"),
    [("The buffer holds 4x2^10 bytes.", 4096), ("The leak was 2.5e-3 per hour.", 0.0025)],
)
def test_powers_and_rates_read_as_numbers(nlp, text: str, value: float) -> None:
    assert _one(nlp, text)["value"] == pytest.approx(value)


def test_a_dimension_is_not_a_power_of_ten(nlp) -> None:
    assert [r["value"] for r in extract_numbers(nlp("They cut a 2 x 105 cm plank."))] == [2, 105]


def test_an_ordinal_after_or_stays_an_ordinal(nlp) -> None:
    rows = extract_numbers(nlp("If the form passes to a second or third clerk, delays grow."))
    assert [(r["surface"], r["kind"]) for r in rows] == [("second", "ordinal"), ("third", "ordinal")]


@pytest.mark.parametrize(
    ("text", "surface", "value", "unit"),
    [("The new phone has a 12MP camera.", "12MP", 12, "megapixel"),
     ("The pickup makes 420 lb.-ft. of torque.", "420 lb.-ft.", 420, "foot pound-force"),
     ("The reservoir lost 2.5 megalitres a day.", "2.5 megalitres a day", 2.5, "megalitre per day")],
)
def test_units_of_this_round(nlp, text: str, surface: str, value: float, unit: str) -> None:
    r = _find(extract_numbers(nlp(text)), surface)
    assert (r["value"], r["unit"]) == (pytest.approx(value), unit)


def test_a_unit_holding_the_full_stop_before_the_next_sentence(nlp) -> None:
    rows = extract_numbers(nlp("The car charges at 250 kW. Then it drives 400 km."))
    assert [(r["value"], r["unit"], r["noun"]) for r in rows] == [(250, "kilowatt", None), (400, "kilometre", None)]


def test_a_word_before_the_full_stop_stays_a_word(nlp) -> None:
    rows = extract_numbers(nlp("The striker scored 12 in. Then he rested."))
    assert [(r["value"], r["unit"]) for r in rows] == [(12, None)]


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [("The talks broke off for half an hour.", 0.5, "hour"), ("The leader was half a mile ahead.", 0.5, "mile"),
     ("The bank cut its rate by a quarter of a percentage point.", 0.25, "percentage point"),
     ("The pack was a third of a mile behind.", 1 / 3, "mile")],
)
def test_a_fraction_word_takes_the_unit_after_its_article(nlp, text: str, value: float, unit: str) -> None:
    r = _one(nlp, text)
    assert (r["value"], r["unit"]) == (value, unit)


def test_half_a_dozen_is_still_six(nlp) -> None:
    assert _one(nlp, "They hired half a dozen guards.")["value"] == 6


def test_a_fraction_of_a_group_stays_a_share(nlp) -> None:
    r = _one(nlp, "A third of a class passed.")
    assert (r["value"], r["unit"], r["noun"]) == (pytest.approx(1 / 3), None, "class")


def test_a_couple_of_is_two(nlp) -> None:
    r = _one(nlp, "The talks were put off for a couple of weeks.")
    assert (r["value"], r["unit"], r["kind"]) == (2, "week", "duration")
    assert _one(nlp, "A couple of officers were hurt.")["noun"] == "officer"


def test_the_couple_is_no_number(nlp) -> None:
    assert extract_numbers(nlp("The couple were unhurt, and a couple stayed.")) == []


def test_a_unit_and_a_half(nlp) -> None:
    r = _one(nlp, "The hearing lasted an hour and a half.")
    assert (r["value"], r["unit"], r["surface"]) == (1.5, "hour", "an hour and a half")
    assert _one(nlp, "She ate an apple and a half.")["unit"] is None  # no measure: the half alone


def test_a_unit_then_and_a_half(nlp) -> None:
    assert _one(nlp, "The jury deliberated for two hours and a half.")["value"] == 2.5
    assert _one(nlp, "He paid $5 and a half-price fee.")["value"] == 5  # money, and a compound
