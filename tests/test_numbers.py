"""Extraction from parsed text: the seed article's facts, each kind, qualifier and not-a-count class."""
from __future__ import annotations

import pytest

from tasks.numbers import extract_numbers
from tasks.schemas import NUMBERS


@pytest.fixture(scope="module")
def seed_rows(nlp, seed_text: str) -> list[dict]:
    # What the normaliser leaves: no breadcrumb, no repeated headline, no "55" share counter.
    body = seed_text[seed_text.index("US Secretary of State"):]
    return extract_numbers(nlp(body))


def _one(nlp, text: str) -> dict:
    rows = extract_numbers(nlp(text))
    assert len(rows) == 1, rows
    return rows[0]


def _surfaces(nlp, text: str) -> list[str]:
    return [r["surface"] for r in extract_numbers(nlp(text))]


def _find(rows: list[dict], surface: str) -> dict:
    hits = [r for r in rows if r["surface"] == surface]
    assert len(hits) == 1, (surface, rows)
    return hits[0]


def test_rows_fit_the_numbers_schema(seed_rows: list[dict], seed_text: str) -> None:
    body = seed_text[seed_text.index("US Secretary of State"):]
    assert seed_rows
    for r in seed_rows:
        assert set(r) == set(NUMBERS.names) - {"article_id", "run_id"}
        assert body[r["start"]:r["end"]] == r["surface"]


def test_seed_killed(seed_rows: list[dict]) -> None:
    r = _find(seed_rows, "6,000")
    assert (r["value"], r["qualifier"], r["noun"], r["verb"], r["kind"]) == (6000, "lower_bound", "people", "kill", "cardinal")


def test_seed_russian_soldiers(seed_rows: list[dict]) -> None:
    r = _find(seed_rows, "220")
    assert (r["value"], r["noun"], r["verb"], r["entity"], r["entity_label"]) == (220, "soldier", "die", "Russian", "NORP")


def test_seed_three_soldiers_and_24_hours(seed_rows: list[dict]) -> None:
    three = [r for r in seed_rows if r["surface"] == "three" and r["noun"] == "soldier"]
    assert len(three) == 1 and three[0]["verb"] == "kill" and three[0]["value"] == 3
    hours = _find(seed_rows, "24 hours")
    assert (hours["kind"], hours["unit"], hours["value"], hours["noun"]) == ("duration", "hour", 24, None)


def test_seed_durations(seed_rows: list[dict]) -> None:
    assert (_find(seed_rows, "three hours")["kind"], _find(seed_rows, "three hours")["unit"]) == ("duration", "hour")
    assert (_find(seed_rows, "two days")["kind"], _find(seed_rows, "two days")["unit"]) == ("duration", "day")


def test_seed_dates_and_names_are_not_numbers(seed_rows: list[dict]) -> None:
    values = {r["value"] for r in seed_rows}
    assert not values & {2013.0, 2014.0}
    assert not any("Two" in r["surface"] or "2014" in r["surface"] for r in seed_rows)


@pytest.mark.parametrize(
    ("text", "surface", "kind", "value", "unit"),
    [
        ("The company lost $5bn last year.", "$5bn", "money", 5e9, "dollar"),
        ("The fine was 10.5 million Australian dollars.", "10.5 million Australian dollars", "money", 1.05e7, "australian dollar"),
        ("Oil was at US $58.24 per barrel.", "US $58.24 per barrel", "money", 58.24, "dollar per barrel"),
        ("Sales jumped 76% in May.", "76%", "percent", 76, "percentage"),
        ("Only 19 per cent agreed.", "19 per cent", "percent", 19, "percentage"),
        ("The shark was 5 metres long.", "5 metres", "quantity", 5, "metre"),
        ("It reached 87 mph on the track.", "87 mph", "quantity", 87, "mile per hour"),
        ("The 15-year-old student left.", "15-year-old", "quantity", 15, "year of age"),
        ("She finished third in the race.", "third", "ordinal", 3, None),
        ("They waited for two weeks.", "two weeks", "duration", 2, "week"),
        ("He bought a dozen eggs.", "a dozen", "cardinal", 12, None),
        ("Twenty-one thousand fans came.", "Twenty-one thousand", "cardinal", 21000, None),
    ],
)
def test_kinds(nlp, text: str, surface: str, kind: str, value: float, unit: str | None) -> None:
    r = _one(nlp, text)
    assert (r["surface"], r["kind"], r["unit"]) == (surface, kind, unit)
    assert r["value"] == pytest.approx(value)


@pytest.mark.parametrize(
    ("text", "lower", "upper", "unit"),
    [
        ("Between 5 and 10 people were hurt.", 5, 10, None),
        ("Prices rose 5-10% this week.", 5, 10, "percentage"),
        ("He ran 15 to 22 miles per hour.", 15, 22, "mile per hour"),
        ("Three to four houses burned down.", 3, 4, None),
    ],
)
def test_ranges(nlp, text: str, lower: float, upper: float, unit: str | None) -> None:
    r = _one(nlp, text)
    assert (r["kind"], r["lower"], r["upper"], r["value"], r["unit"]) == ("range", lower, upper, lower, unit)


@pytest.mark.parametrize(
    ("text", "qualifier"),
    [
        ("Police arrested 40 protesters.", "exact"),
        ("About 300 people attended.", "approx"),
        ("Over 200 homes were destroyed.", "lower_bound"),
        ("The plant will hire up to 400 people.", "upper_bound"),
        ("Nvidia advanced 8% on Friday.", "increase"),
        ("The index fell 2.5% on Friday.", "decrease"),
    ],
)
def test_qualifiers(nlp, text: str, qualifier: str) -> None:
    assert _one(nlp, text)["qualifier"] == qualifier


@pytest.mark.parametrize(
    "text",
    [
        "The war began in April 2014 and ended in 2016.",  # dates and years
        "The meeting starts at 11 a.m. on Tuesday.",  # times
        "He laid a wreath at a World War Two memorial.",  # names
        "The G7 met in Rome.",  # identifiers glued to letters
        "Tickets are in Section 427 Row 21.",  # identifiers after a label noun
        "Citycarver 2019 review",  # year as a model name
        "55US Secretary of State John Kerry arrived.",  # share counter glued to a word
        "Call 555-1234 today.",  # phone numbers
    ],
)
def test_not_counts(nlp, text: str) -> None:
    assert _surfaces(nlp, text) == []


def test_list_markers_are_not_counts(nlp) -> None:
    doc = nlp("Steps to follow:\n1. Open the box.\n2. Remove the 3 screws.")
    assert [r["value"] for r in extract_numbers(doc)] == [3]


def test_counted_noun_with_compound(nlp) -> None:
    r = _one(nlp, "OHSU has performed 700 heart transplants.")
    assert (r["noun"], r["verb"]) == ("heart transplant", "perform")
