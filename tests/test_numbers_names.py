"""Unit names by class, from comparing every surface of CQE's and quantulum3's unit tables with ours (sixth round).

Each class holds for any news, not for one sentence: temperature scales
however spelt after degrees, ages written ``of age``, rate abbreviations in
capitals, and a bare ``rupees`` (six countries' currency) named as written.
Each class has a counter-example the rule must leave alone. Every sentence
is made up for the test.
"""
from __future__ import annotations

import pytest

from tasks.numbers import extract_numbers


def _at(nlp, text: str, value: float) -> dict:
    hits = [r for r in extract_numbers(nlp(text)) if r["value"] == pytest.approx(value)]
    assert len(hits) == 1, (value, text, hits)
    return hits[0]


@pytest.mark.parametrize(
    ("text", "value", "surface", "unit"),
    [
        ("The thermometer in Lusk showed 35 ° C at noon.", 35, "35 ° C", "celsius"),
        ("The thermometer in Lusk showed 35° C at noon.", 35, "35° C", "celsius"),
        ("Brine freezes near 28 degrees Farenheit in the bay.", 28, "28 degrees Farenheit", "fahrenheit"),
        ("The kiln runs at 900 degrees Celcius all week.", 900, "900 degrees Celcius", "celsius"),
        ("The kiln runs at 900 degrees centigrade all week.", 900, "900 degrees centigrade", "celsius"),
        ("Inland it reached 41 degrees-C by the afternoon.", 41, "41 degrees-C", "celsius"),
        ("The pool was kept at 27 °Celsius for the swimmers.", 27, "27 °Celsius", "celsius"),
    ],
)
def test_a_temperature_scale_after_degrees_however_spelt(nlp, text: str, value: float, surface: str, unit: str) -> None:
    row = _at(nlp, text, value)
    assert (row["surface"], row["unit"], row["kind"]) == (surface, unit, "quantity")


@pytest.mark.parametrize(
    "text", ["The tanker turned 90 degrees as the storm hit.", "The slope is 30 degrees, Carl Fenner said."]
)
def test_degrees_without_a_scale_stay_degrees(nlp, text: str) -> None:
    assert _at(nlp, text, 90 if "90" in text else 30)["unit"] == "degree"


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("Children under 5 years of age get the vaccine free.", 5, "year of age"),
        ("Calves under 6 months of age stay in the barn.", 6, "month of age"),
        ("Lambs of 3 weeks of age were weighed.", 3, "week of age"),
    ],
)
def test_an_age_written_of_age(nlp, text: str, value: float, unit: str) -> None:
    row = _at(nlp, text, value)
    assert (row["unit"], row["kind"]) == (unit, "quantity")


def test_years_of_service_stay_a_duration(nlp) -> None:
    row = _at(nlp, "She retired after 30 years of service.", 30)
    assert (row["unit"], row["kind"]) == ("year", "duration")


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        # our lower-case rate abbreviations in capitals
        ("The new V8 makes 520 HP at the top end.", 520, "horsepower"),
        ("OUTPUT AT THE FIELD HITS 400,000 BPD", 400000, "barrel per day"),
        ("The hybrid returns 58 MPG in town.", 58, "mile per gallon"),
        ("Okafor averaged 27 PPG in the playoffs.", 27, "point per game"),
        ("The tram line runs at 80 kmph on the flat.", 80, "kilometre per hour"),
        # a bare rupee names no country (six currencies share the word); a named one or a symbol does
        ("The stall sells a shawl for 900 rupees.", 900, "rupee"),
        ("The stall sells a shawl for 900 Pakistani rupees.", 900, "pakistani rupee"),
        ("The stall sells a shawl for ₹900.", 900, "indian rupee"),
        ("The rupee weakened to 83.1 per US dollar.", 83.1, "rupee per dollar"),
        # a per-unit's denominator is read as any unit is
        ("The new tariff is 14 cents per kilowatt-hour.", 14, "cent per kilowatt hour"),
        ("Offices in the centre let for $52 per square foot.", 52, "dollar per square foot"),
        ("Port fees rose to $6 per metric ton of cargo.", 6, "dollar per metric ton"),
        ("The lunch cost £12 per head.", 12, "pound sterling per head"),
        # plurals of units the tables list in the singular, SI prefix words on our own units
        ("The wind farm made 300 megawatt-hours in May.", 300, "megawatt hour"),
        ("The dam supplies 2.5 gigawatt-hours a day.", 2.5, "gigawatt hour per day"),
        ("Each bottle holds 750 mls of cider.", 750, "millilitre"),
        ("The trail is 10 kms long.", 10, "kilometre"),
        ("The barge carries 20 metric tonnes of gravel.", 20, "metric ton"),
    ],
)
def test_unit_names_by_class(nlp, text: str, value: float, unit: str) -> None:
    assert _at(nlp, text, value)["unit"] == unit


def test_two_capitals_after_a_count_stay_an_acronym(nlp) -> None:
    assert _at(nlp, "In the end 12 MPs voted against the bill.", 12)["unit"] is None


@pytest.mark.parametrize(
    ("text", "value"),
    [("Channel 5 has a new quiz.", 5), ("The set comes with 10 pcs of cutlery.", 10), ("He bought 3 PCs for the lab.", 3)],
)
def test_a_word_ending_in_s_is_no_plural_unit(nlp, text: str, value: float) -> None:
    rows = [r for r in extract_numbers(nlp(text)) if r["value"] == pytest.approx(value)]
    assert all(r["unit"] is None for r in rows)
