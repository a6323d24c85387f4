"""Value parsing without spaCy: one case per written form."""
from __future__ import annotations

import pytest

from tasks.numwords import lex_token, parse_number, parse_ordinal, parse_range


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
