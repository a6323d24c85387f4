"""Currencies, scales, wire-service abbreviations and per-units, as agencies and markets write them.

Every sentence here is made up for the test; none comes from a dev set.
"""
from __future__ import annotations

import pytest

from tasks.numbers import extract_numbers


def _rows(nlp, text: str) -> list[dict]:
    return extract_numbers(nlp(text))


def _find(rows: list[dict], surface: str) -> dict:
    hits = [r for r in rows if r["surface"] == surface]
    assert len(hits) == 1, (surface, rows)
    return hits[0]


@pytest.mark.parametrize(
    ("text", "surface", "value", "unit"),
    [
        # ISO codes glued to a scaled amount, spaced before it, after it
        ("Lindqvist AG issued CHF2.5bn of bonds on Tuesday.", "CHF2.5bn", 2.5e9, "swiss franc"),
        ("The ferry operator was fined SEK 40m last week.", "SEK 40m", 40e6, "swedish krona"),
        ("The fund sold NOK 3.5 billion of shares.", "NOK 3.5 billion", 3.5e9, "norwegian krone"),
        ("The pension scheme lost 300 mln DKK in the spring.", "300 mln DKK", 300e6, "danish krone"),
        # symbols, glued and spaced
        ("Orders at the plant reached €12.4bn.", "€12.4bn", 12.4e9, "euro"),
        ("Their bid was US $ 7.5 million.", "US $ 7.5 million", 7.5e6, "dollar"),
        # a capital B before a currency word is a billion
        ("The tower cost 2.5B dollars to build.", "2.5B dollars", 2.5e9, "dollar"),
        # old European currencies are money after a scale word
        ("Exports to Norway rose to 3.4 billion marks.", "3.4 billion marks", 3.4e9, "german mark"),
    ],
)
def test_currency_forms(nlp, text: str, surface: str, value: float, unit: str) -> None:
    row = _find(_rows(nlp, text), surface)
    assert (row["value"], row["unit"], row["kind"]) == (pytest.approx(value), unit, "money")


@pytest.mark.parametrize(
    ("text", "surface", "unit"),
    [
        ("Net profit was 1.20 dlrs a share in the period.", "1.20 dlrs a share", "dollar per share"),
        ("It paid a dividend of 98 cts a share.", "98 cts a share", "cent per share"),
        ("The mill sold pulp at 120 dlrs per tonne.", "120 dlrs per tonne", "dollar per metric ton"),
        ("Brent was trading at $61 a barrel.", "$61 a barrel", "dollar per barrel"),
        ("Office rents reached £45 per square foot.", "£45 per square foot", "pound sterling per square foot"),
    ],
)
def test_per_units_are_the_denominator(nlp, text: str, surface: str, unit: str) -> None:
    assert _find(_rows(nlp, text), surface)["unit"] == unit


def test_a_year_earlier_is_not_a_rate(nlp) -> None:
    row = _find(_rows(nlp, "Sales were $6.1 billion a year earlier."), "$6.1 billion")
    assert row["unit"] == "dollar"


@pytest.mark.parametrize(
    ("text", "surface", "value", "unit"),
    [
        ("The new motor gives 300 Nm of torque.", "300 Nm", 300, "newton metre"),
        ("Its battery stores 75 kWh when full.", "75 kWh", 75, "kilowatt hour"),
        ("Inflate the tyres to 32 psi before the trip.", "32 psi", 32, "pound per square inch"),
        ("The well water held 0.3 mg/L of arsenic.", "0.3 mg/L", 0.3, "milligram per litre"),
        ("The cell reached 2.1 A/cm2 at peak load.", "2.1 A/cm2", 2.1, "ampere per square centimetre"),
        ("The new chip runs at 3.2 GHz under load.", "3.2 GHz", 3.2, "gigahertz"),
        ("The beam withstood 450 kilopascals.", "450 kilopascals", 450, "kilopascal"),
    ],
)
def test_engineering_and_compound_units(nlp, text: str, surface: str, value: float, unit: str) -> None:
    row = _find(_rows(nlp, text), surface)
    assert (row["value"], row["unit"], row["kind"]) == (pytest.approx(value), unit, "quantity")


def test_per_annum_is_per_year(nlp) -> None:
    assert _find(_rows(nlp, "Rent was $9,000 per annum."), "$9,000 per annum")["unit"] == "dollar per year"


def test_glued_s_after_a_decimal_is_seconds_and_a_decade_is_not(nlp) -> None:
    rows = _rows(nlp, "The car reaches 60mph in 3.1s, faster than cars of the 1990s.")
    assert [(r["surface"], r["unit"]) for r in rows] == [("60mph", "mile per hour"), ("3.1s", "second")]


@pytest.mark.parametrize(
    ("text", "surface", "value", "unit"),
    [
        # a country and a currency word as CLDR names the currency; two-word countries shortened to initials
        ("The fund holds 300 mln H.K. dlrs in cash.", "300 mln H.K. dlrs", 300e6, "hong kong dollar"),
        ("Exports reached 2.1 billion N.Z. dlrs last year.", "2.1 billion N.Z. dlrs", 2.1e9, "new zealand dollar"),
        ("Creditors rescheduled 1.1 billion French francs of debt.", "1.1 billion French francs", 1.1e9, "french franc"),
        ("The refinery cost 900 mln Saudi riyals.", "900 mln Saudi riyals", 900e6, "saudi riyal"),
        ("Wages rose to 4,000 Danish kroner a month.", "4,000 Danish kroner a month", 4000, "danish krone per month"),
        ("The board approved a 500 mln H.K. dlr rights issue.", "500 mln H.K. dlr", 500e6, "hong kong dollar"),
    ],
)
def test_country_currency_phrases(nlp, text: str, surface: str, value: float, unit: str) -> None:
    row = _find(_rows(nlp, text), surface)
    assert (row["value"], row["unit"], row["noun"]) == (pytest.approx(value), unit, None)


@pytest.mark.parametrize(
    ("text", "surface", "value", "unit"),
    [
        # CLDR's English symbols, spaced or glued; a dotted abbreviation of a currency
        ("Orders reached NT$ 500 million.", "NT$ 500 million", 500e6, "new taiwan dollar"),
        ("The fare is NT$1,200.", "NT$1,200", 1200, "new taiwan dollar"),
        ("The bank lent R$ 2bn to farmers.", "R$ 2bn", 2e9, "brazilian real"),
        ("The deal is worth Rs. 5,000 in cash.", "Rs. 5,000", 5000, "indian rupee"),
        ("He paid Rs.500 for the ticket.", "Rs.500", 500, "indian rupee"),
    ],
)
def test_currency_symbols_and_dotted_codes(nlp, text: str, surface: str, value: float, unit: str) -> None:
    row = _find(_rows(nlp, text), surface)
    assert (row["value"], row["unit"]) == (pytest.approx(value), unit)


@pytest.mark.parametrize(
    ("text", "surface", "unit"),
    [
        ("The well produced 5,000 barrels of oil per day.", "5,000 barrels of oil per day", "barrel per day"),
        ("The plant burns 300 tonnes of coal a day.", "300 tonnes of coal a day", "metric ton per day"),
        ("He drank 2 litres of water an hour ago.", "2 litres", "litre"),
    ],
)
def test_a_rate_after_what_is_measured(nlp, text: str, surface: str, unit: str) -> None:
    assert _find(_rows(nlp, text), surface)["unit"] == unit


@pytest.mark.parametrize(
    ("text", "surface", "unit"),
    [
        ("The dollar closed at 1.8140 marks in Frankfurt.", "1.8140 marks", "german mark"),
        ("Norsk Tre will pay 3.1 billion Norwegian crowns for the mill.", "3.1 billion Norwegian crowns", "norwegian krone"),
    ],
)
def test_exchange_quotes_and_english_currency_names(nlp, text: str, surface: str, unit: str) -> None:
    assert _find(_rows(nlp, text), surface)["unit"] == unit


@pytest.mark.parametrize(
    ("text", "surface", "unit"),
    [
        ("The screen is 12 in. wide.", "12 in.", "inch"),
        ("The truck carries 40 gals. of fuel.", "40 gals.", "gallon"),
        ("The lot is 2.5 ac. in size.", "2.5 ac.", "acre"),
    ],
)
def test_a_full_stop_makes_a_word_an_abbreviation(nlp, text: str, surface: str, unit: str) -> None:
    assert _find(_rows(nlp, text), surface)["unit"] == unit


def test_a_word_before_a_full_stop_that_ends_the_sentence_stays_a_word(nlp) -> None:
    rows = _rows(nlp, "The striker scored 12 in. The keeper saved 3.")
    assert [(r["surface"], r["unit"]) for r in rows] == [("12", None), ("3", None)]


@pytest.mark.parametrize(
    ("text", "surface", "value", "unit"),
    [
        ("Harlow Retail booked a loss of $45m.", "$45m.", 45e6, "dollar"),
        ("The Finnish unit lost EUR 45m.", "EUR 45m.", 45e6, "euro"),
        ("The Finnish unit lost EUR 45m. Its parent gained.", "EUR 45m.", 45e6, "euro"),
        ("Harlow Retail booked a loss of $45m.\n\nIts shares fell.", "$45m.", 45e6, "dollar"),
    ],
)
def test_a_scale_letter_holding_the_full_stop(nlp, text: str, surface: str, value: float, unit: str) -> None:
    row = next(r for r in _rows(nlp, text) if r["surface"].rstrip(".") == surface.rstrip("."))
    assert (row["value"], row["unit"]) == (pytest.approx(value), unit)


def test_a_length_before_the_full_stop_stays_a_length(nlp) -> None:
    [row] = _rows(nlp, "The new sea wall is 45m.")
    assert (row["value"], row["unit"]) == (45, "metre")


@pytest.mark.parametrize(
    ("text", "surface", "unit"),
    [
        ("The rand slipped to 18.45 per US dollar on Friday.", "18.45 per US dollar", "south african rand per dollar"),
        ("The won firmed to 1,310 against the dollar.", "1,310 against the dollar", "south korean won per dollar"),
        ("The rouble traded at 92 a euro.", "92 a euro", "russian ruble per euro"),
    ],
)
def test_an_exchange_rate_names_both_currencies(nlp, text: str, surface: str, unit: str) -> None:
    row = _find(_rows(nlp, text), surface)
    assert (row["unit"], row["kind"]) == (unit, "money")


@pytest.mark.parametrize(
    ("text", "surface"),
    [("Volunteers planted 20 trees per dollar raised.", "20"),  # no currency quoted: a count per dollar
     ("The index rose to 1,310 against the odds.", "1,310")],
)
def test_a_figure_against_no_currency_is_no_exchange_rate(nlp, text: str, surface: str) -> None:
    row = next(r for r in _rows(nlp, text) if r["surface"].startswith(surface))
    assert row["kind"] == "cardinal"


@pytest.mark.parametrize(
    ("text", "lower", "upper", "unit"),
    [
        ("Tickets will cost $24-$26 at the door.", 24, 26, "dollar"),
        ("Brokers valued the catalogue at £40m-£50m.", 40e6, 50e6, "pound sterling"),
        ("Brokers valued the catalogue at £40m-£50m in all.", 40e6, 50e6, "pound sterling"),
        ("The plant will cost $1-$2bn.", 1e9, 2e9, "dollar"),
        # the symbol written once, before both ends, and the scale once, after both
        ("The insurer expects $5-6 billion in claims.", 5e9, 6e9, "dollar"),
        ("The insurer expects $5 to 6 billion in claims.", 5e9, 6e9, "dollar"),
        ("The fund raised $2-3 million.", 2e6, 3e6, "dollar"),
        ("Brokers value the stake at £40-50m.", 40e6, 50e6, "pound sterling"),
        ("The levy will bring in €1.5-2bn.", 1.5e9, 2e9, "euro"),
        ("Tickets cost $20-30.", 20, 30, "dollar"),
    ],
)
def test_a_price_range_with_the_symbol_on_one_or_both_ends(nlp, text: str, lower: float, upper: float, unit: str) -> None:
    [row] = _rows(nlp, text)
    assert (row["lower"], row["upper"], row["unit"]) == (pytest.approx(lower), pytest.approx(upper), unit)


def test_a_falling_pair_with_symbols_is_no_range(nlp) -> None:
    assert all(r["upper"] is None for r in _rows(nlp, "Fares fell from $26-$24 overnight."))


@pytest.mark.parametrize(
    ("text", "surface", "unit"),
    [
        ("Group profit was 820 mln Belgian francs, or 31.50 francs a share.", "31.50 francs a share",
         "belgian franc per share"),
        ("Dome Oil lost 45 mln Canadian dlrs, against 12 mln dlrs a year earlier.", "12 mln dlrs", "canadian dollar"),
        # a currency that names itself keeps its name
        ("The trust paid 6.4 million Australian dollars and 3 million US dollars.", "3 million US dollars", "dollar"),
        ("The trust paid 6.4 million Australian dollars ($4.6 million).", "$4.6 million", "dollar"),
        ("The court imposed a fine of 3 million francs.", "3 million francs", "swiss franc"),
    ],
)
def test_a_bare_currency_word_is_the_one_named_before_it(nlp, text: str, surface: str, unit: str) -> None:
    assert _find(_rows(nlp, text), surface)["unit"] == unit
