"""Value parsing without spaCy: one case per written form."""
from __future__ import annotations

import pytest

from tasks.numbers.lexeme import lex_token
from tasks.numbers.numwords import parse_number, parse_ordinal, parse_range


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("6,000", 6000), ("1,234,567.5", 1234567.5), ("3.14", 3.14), (".77", 0.77), ("-504", -504),
        ("1.2 million", 1.2e6), ("5bn", 5e9), ("1.2M", 1.2e6), ("100K", 1e5),
        ("three", 3), ("twenty-one thousand", 21000), ("two Hundred thousand", 200000),
        ("one hundred and twenty five", 125), ("two point two million", 2.2e6), ("point 77", 0.77),
        ("a dozen", 12), ("two hundred dozens", 2400), ("3 dozens", 36),
        ("half", 0.5), ("two-thirds", 2 / 3), ("one eighth", 0.125), ("two and a half", 2.5),
        ("3/15", 0.2), ("½", 0.5), ("2½", 2.5),
        ("minus 1,200,000", -1.2e6), ("negative 1200000", -1.2e6), ("- 1,200,000", -1.2e6),
        ("nil", 0), ("zero", 0),
    ],
)
def test_parse_number(text: str, value: float) -> None:
    assert parse_number(text) == pytest.approx(value)


@pytest.mark.parametrize("text", ["", "third", "a", "people", "1/0", "12,34", "hundred apples"])
def test_not_a_number(text: str) -> None:
    assert parse_number(text) is None


@pytest.mark.parametrize(
    ("text", "rank"),
    [("3rd", 3), ("90th", 90), ("third", 3), ("forty-second", 42), ("twenty fifth", 25), ("twentyfifth", 25),
     ("hundredth", 100)],
)
def test_parse_ordinal(text: str, rank: int) -> None:
    assert parse_ordinal(text) == rank


@pytest.mark.parametrize(
    ("text", "bounds"),
    [("between 5 and 10", (5, 10)), ("5-10", (5, 10)), ("three to four", (3, 4)), ("from 44 to 50", (44, 50)),
     ("3.5–4.0", (3.5, 4.0)), ("20 through 100", (20, 100))],
)
def test_parse_range(text: str, bounds: tuple[float, float]) -> None:
    assert parse_range(text) == pytest.approx(bounds)


@pytest.mark.parametrize("text", ["2-0", "555-1234", "ten"])
def test_not_a_range(text: str) -> None:
    """A descending pair is a score and ddd-dddd a phone number."""
    assert parse_range(text) is None


def test_lex_token_splits_currency_and_unit() -> None:
    assert lex_token("$5bn") == lex_token("$5bn") and lex_token("$5bn").value == 5e9
    assert lex_token("$5bn").prefix == "$"
    assert (lex_token("HK$3.7").prefix, lex_token("HK$3.7").value) == ("HK$", 3.7)
    assert (lex_token("10kW").value, lex_token("10kW").suffix) == (10, "kW")
    tok = lex_token("5-10%")
    assert (tok.value, tok.upper, tok.suffix) == (5, 10, "%")
    assert lex_token("3rd").ordinal


@pytest.mark.parametrize("text", ["17:22", "978-3-16-148410-0", "192.168.1.2", "abc"])
def test_lex_token_rejects(text: str) -> None:
    """Times, codes and dotted identifiers are not one number."""
    assert lex_token(text) is None


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("one twenty two", 122), ("three billions", 3e9), ("three thousand millions", 3e9),
        ("13 lakh", 1.3e6), ("6 crore", 6e7), ("three lakh crore", 3e12),
        ("twenty and three fifths", 20.6), ("one and a fourth", 1.25), ("four hundred and three quarters", 400.75),
        ("three hundred and sixty-two hundredths", 300.62), ("five hundred and three dozens", 536),
        ("3 million and a half", 3.5e6), ("five and a half million", 5.5e6),
        ("five billion and a half million", 5.0005e9), ("six billion and three quarters million", 6.00075e9),
        ("half million", 5e5), ("quarter million", 2.5e5), ("half a dozen", 6),
        ("a fifth", 0.2), ("a hundredth", 0.01), ("a trillionth", 1e-12),
        ("three twenty-firsts", 3 / 21), ("one twenty-fifth", 1 / 25), ("one hundred thirty fifths", 100 / 35),
        ("six hundred point forty-three", 600.43), ("nought point eleven", 0.11),
        ("4 thousand 3 hundred and 21", 4321), ("3 hundred and 21", 321), ("fifty   two", 52),
        ("1e10", 1e10), ("1.3e6", 1.3e6), ("-12e-1", -1.2), ("12.32e+14", 1.232e15),
        ("12,34,567.89", 1234567.89), ("10k", 1e4), ("1200k", 1.2e6), ("10bln", 1e10), ("1MM", 1e6), ("⅙", 1 / 6),
    ],
)
def test_parse_number_more_forms(text: str, value: float) -> None:
    assert parse_number(text) == pytest.approx(value)


@pytest.mark.parametrize("text", ["three nought four", "one two", "3 hundred and 2 hundred", "quarter"])
def test_runs_of_numbers_are_not_one_number(text: str) -> None:
    """Digits read one by one, or two complete numbers joined by ``and``, are not a single value."""
    assert parse_number(text) is None


@pytest.mark.parametrize(
    ("text", "rank"),
    [("three trillionth", 3_000_000_000_000), ("a hundred trillionth", 100_000_000_000_000), ("two hundredth", 200),
     ("thirty-four trillion and four hundred fifty first", 34_000_000_000_451), ("nineth", 9),
     ("twenty—fifth", 25), ("one hundred twenty-fifth", 125)],
)
def test_parse_ordinal_more_forms(text: str, rank: int) -> None:
    assert parse_ordinal(text) == rank


@pytest.mark.parametrize(
    ("text", "value"),
    [("1.3x10^6", 1.3e6), ("1.99×10−30", 1.99e-30), ("6.23x10^-4", 6.23e-4), ("5.5x10-3", 5.5e-3),
     ("2.5^-1", 0.4), ("-2500^-1", -0.0004), ("1.1^23", 1.1 ** 23)],
)
def test_lex_token_powers(text: str, value: float) -> None:
    assert lex_token(text).value == pytest.approx(value)


@pytest.mark.parametrize(("text", "bounds"), [("5k-20k", (5000, 20000)), ("20~100", (20, 100))])
def test_lex_token_ranges(text: str, bounds: tuple[float, float]) -> None:
    tok = lex_token(text)
    assert (tok.value, tok.upper) == pytest.approx(bounds)


def test_lex_token_margin_and_slashed_prices() -> None:
    tok = lex_token("2,000.45±0.01")
    assert (tok.value, tok.upper) == pytest.approx((2000.44, 2000.46))
    tok = lex_token("7/$9")
    assert (tok.value, tok.upper, tok.prefix) == (7, 9, "$")


@pytest.mark.parametrize(
    ("text", "value"),
    [("four million, three hundred & twelve", 4_000_312), ("six thousand, one hundred and nine", 6109),
     ("eight hundred & sixty", 860), ("2 hundred & 15", 215), ("one billion, twenty thousand", 1_000_020_000)],
)
def test_commas_and_ampersands_inside_spelled_numbers(text: str, value: float) -> None:
    """A comma after a scale groups words as it groups digits; ``&`` is ``and``."""
    assert parse_number(text) == pytest.approx(value)


@pytest.mark.parametrize("text", ["two thousand, three million", "four million, two", "one hundred, twenty",
                                  "nine million, seven years"])
def test_commas_between_numbers_keep_them_apart(text: str) -> None:
    """A list (a larger scale after the comma, no scale at all, or a comma after less than a thousand)."""
    assert parse_number(text) is None


@pytest.mark.parametrize(("text", "value"), [("4x2^10", 4096), ("3×2^8", 768), ("1.5x3^2", 13.5)])
def test_multiples_of_any_power(text: str, value: float) -> None:
    assert lex_token(text).value == pytest.approx(value)


def test_a_unit_with_a_power_after_digits() -> None:
    """``^`` after a unit is not a power of the number: ``6km^2`` is 6 and a unit for the unit table."""
    tok = lex_token("6km^2")
    assert (tok.value, tok.suffix) == (6, "km^2")
    assert lex_token("10^") is not None and lex_token("10^").suffix == "^"


def test_ordinal_digits_with_a_thousands_comma() -> None:
    assert parse_ordinal("2,271st") == 2271
    assert lex_token("1,000th").ordinal
