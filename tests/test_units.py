"""The unit and currency lookup: the database's units, our context decisions on top, one name per unit."""
from __future__ import annotations

import pytest

from tasks.numbers import currencies, units
from tasks.numbers.lexicon import Kind


@pytest.mark.parametrize(
    ("surface", "name", "kind"),
    [
        # engineering, electrical and computing units that were never in a hand table
        ("kWh", "kilowatt hour", Kind.QUANTITY),
        ("psi", "pound per square inch", Kind.QUANTITY),
        ("Nm", "newton metre", Kind.QUANTITY),
        ("GHz", "gigahertz", Kind.QUANTITY),
        ("MPa", "megapascal", Kind.QUANTITY),
        ("mA", "milliampere", Kind.QUANTITY),
        ("kilopascals", "kilopascal", Kind.QUANTITY),
        ("newtons", "newton", Kind.QUANTITY),
        ("ms", "millisecond", Kind.DURATION),
        # compound units: a ratio of two units of the database
        ("mg/L", "milligram per litre", Kind.QUANTITY),
        ("A/cm2", "ampere per square centimetre", Kind.QUANTITY),
        ("kWh/tonne", "kilowatt hour per metric ton", Kind.QUANTITY),
        # one name per unit, whatever the database calls it
        ("°C", "celsius", Kind.QUANTITY),
        ("degrees fahrenheit", "fahrenheit", Kind.QUANTITY),
        # British newspapers' per cent and the wire's
        ("pc", "percentage", Kind.PERCENT),
        ("pct", "percentage", Kind.PERCENT),
    ],
)
def test_units_from_the_database(surface: str, name: str, kind: str) -> None:
    assert units.lookup(surface) == units.Unit(name, kind)


@pytest.mark.parametrize("surface", ["in", "am", "pm", "s", "b", "bars", "drops", "quarters", "marks", "sets",
                                     "TV", "MP", "PA", "st", "St", "th", "fur"])
def test_words_and_letters_the_database_calls_units_are_not_units_alone(surface: str) -> None:
    assert units.lookup(surface) is None


def test_two_capitals_are_a_unit_only_as_a_prefix_on_watts_or_bytes() -> None:
    assert [units.lookup(s) for s in ("GW", "TB")] == [units.Unit("gigawatt", Kind.QUANTITY),
                                                        units.Unit("terabyte", Kind.QUANTITY)]


def test_case_decides_an_abbreviation() -> None:
    assert units.lookup("MW") == units.Unit("megawatt", Kind.QUANTITY)
    assert units.lookup("mW") == units.Unit("milliwatt", Kind.QUANTITY)


@pytest.mark.parametrize(
    ("code", "name"),
    [("SEK", "swedish krona"), ("NOK", "norwegian krone"), ("CHF", "swiss franc"), ("USD", "dollar"),
     ("ZAR", "south african rand"), ("ALL", None), ("CEO", None), ("Sek", None), ("SEKS", None)],
)
def test_iso_currency_codes(code: str, name: str | None) -> None:
    assert currencies.currency_code(code) == name


@pytest.mark.parametrize(
    ("word", "name"),
    [("dlrs", "dollar"), ("dlr", "dollar"), ("cts", "cent"), ("stg", "pound sterling"), ("euros", "euro"),
     ("DKK", "danish krone")],
)
def test_currency_words_after_a_number(word: str, name: str) -> None:
    assert currencies.currency_word(word) == name


@pytest.mark.parametrize(
    ("surface", "name"),
    [
        # torque written either way round, dotted or plural
        ("ft-lbs", "foot pound-force"), ("lb.-ft.", "foot pound-force"), ("pound-feet", "foot pound-force"),
        # an SI prefix word on a measure the database lists without it
        ("megalitres", "megalitre"), ("gigajoules", "gigajoule"), ("hectolitre", "hectolitre"),
    ],
)
def test_torque_and_prefixed_words(surface: str, name: str) -> None:
    assert units.lookup(surface) == units.Unit(name, Kind.QUANTITY)


@pytest.mark.parametrize("surface", ["million", "decide", "kilometer-long", "megastar", "microphone"])
def test_a_prefix_on_a_word_that_is_no_unit_is_nothing(surface: str) -> None:
    assert units.lookup(surface) is None


def test_two_capitals_glued_to_digits_are_the_database_symbol() -> None:
    assert units.glued_symbol("MP") == units.Unit("megapixel", Kind.QUANTITY)
    assert units.lookup("MP") is None  # spaced, ``12 MP`` may be members of parliament
    assert units.glued_symbol("CT") is None  # a centavo is money, not read from an acronym
    assert units.glued_symbol("Mp3") is None


@pytest.mark.parametrize(
    ("word", "name"),
    [("naira", "nigerian naira"), ("zlotys", "polish zloty"), ("forint", "hungarian forint"), ("baht", "thai baht"),
     # shared by currencies in use (the word itself: a country named nearby picks one), an English word, or ours
     ("dinars", "dinar"), ("lira", None), ("soles", None), ("real", None), ("dlrs", "dollar")],
)
def test_a_currency_own_word_where_only_one_currency_is_called_so(word: str, name: str | None) -> None:
    assert currencies.currency_word(word) == name
