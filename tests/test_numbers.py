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
        ("The bonus was 4.2 million Australian dollars.", "4.2 million Australian dollars", "money", 4.2e6, "australian dollar"),
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
        "Roadstar 2021 review",  # year as a model name
        "55US Secretary of State John Kerry arrived.",  # share counter glued to a word
        "Call 555-1234 today.",  # phone numbers
    ],
)
def test_not_counts(nlp, text: str) -> None:
    assert _surfaces(nlp, text) == []


def test_list_markers_are_not_counts(nlp) -> None:
    doc = nlp("Steps to follow:\n1. Open the box.\n2. Remove the 3 screws.")
    assert [r["value"] for r in extract_numbers(doc)] == [3]


@pytest.mark.parametrize(
    ("text", "surface", "kind", "value", "unit"),
    [
        ("They counted fifty   two ballots.", "fifty   two", "cardinal", 52, None),
        ("Four hundred  and  sixty two people voted.", "Four hundred  and  sixty two", "cardinal", 462, None),
        ("Only one-eighth of the votes were counted.", "one-eighth", "cardinal", 0.125, None),
        ("Five - eighths of the land is forest.", "Five - eighths", "cardinal", 0.625, None),
        ("It is the twenty-fifth anniversary.", "twenty-fifth", "ordinal", 25, None),
        ("It was her twentyfifth birthday.", "twentyfifth", "ordinal", 25, None),
        ("The two hundredth visitor won a prize.", "two hundredth", "ordinal", 200, None),
        ("The island's population is 2 318 405.", "2 318 405", "cardinal", 2318405, None),
        ("About 40\u202f000 fans came.", "40\u202f000", "cardinal", 40000, None),
        ("The door is 2 1/2 inches thick.", "2 1/2 inches", "quantity", 2.5, "inch"),
        ("One out of four Canadians own a canoe.", "One out of four", "cardinal", 0.25, None),
        ("The odds are 1 in 5 for adults.", "1 in 5", "cardinal", 0.2, None),
        ("The answer is one over three.", "one over three", "cardinal", 1 / 3, None),
        ("A third of voters stayed home.", "A third", "cardinal", 1 / 3, None),
        ("The skeleton is 37m long.", "37m", "quantity", 37, "metre"),
        ("The firm will spend $13.6M on the plant.", "$13.6M", "money", 1.36e7, "dollar"),
        ("The deal is worth 10 bln roubles.", "10 bln roubles", "money", 1e10, "russian ruble"),
        ("They raised 13 lakh rupees.", "13 lakh rupees", "money", 1.3e6, "rupee"),
        ("The file holds 4 thousand 3 hundred and 21 records.", "4 thousand 3 hundred and 21", "cardinal", 4321, None),
        ("The town has two million and a half trees.", "two million and a half", "cardinal", 2.5e6, None),
        ("The house is worth $A82,615,680 now.", "$A82,615,680", "money", 82615680, "australian dollar"),
        ("The freezer chills samples to minus-112 degrees Fahrenheit.", "minus-112 degrees Fahrenheit", "quantity", -112, "fahrenheit"),
        ("The 3923sq m estate was sold.", "3923sq m", "quantity", 3923, "square metre"),
        ("It was 1.19deg C warmer.", "1.19deg C", "quantity", 1.19, "celsius"),
        ("The grain weighs about 3.4×10−12 kilograms.", "3.4×10−12 kilograms", "quantity", 3.4e-12, "kilogram"),
        ("The sample weighed 1.3e6 grams.", "1.3e6 grams", "quantity", 1.3e6, "gram"),
        ("It grew sixfold.", "sixfold", "quantity", 6, "count"),
        ("He bought forty-five (45) chairs.", "forty-five", "cardinal", 45, None),
    ],
)
def test_written_forms(nlp, text: str, surface: str, kind: str, value: float, unit: str | None) -> None:
    r = _one(nlp, text)
    assert (r["surface"], r["kind"], r["unit"]) == (surface, kind, unit)
    assert r["value"] == pytest.approx(value)


@pytest.mark.parametrize(
    ("text", "lower", "upper", "unit"),
    [
        ("The number is more than 10 and less than 20.", 10, 20, None),
        ("Flats range from 520 sq ft up to 1,100 sq ft.", 520, 1100, "square foot"),
        ("Its forecast moved to between $US82 million and $US95 million.", 8.2e7, 9.5e7, "dollar"),
        ("The serial numbers run 2000-7000.", 2000, 7000, None),
        ("The lake cooled by 2 to 2.5 degrees Celsius.", 2, 2.5, "celsius"),
        ("The price climbed from about $120 per kg to $410 per kg.", 120, 410, "dollar per kilogram"),
        ("The risk reward is $7/$9 now.", 7, 9, "dollar"),
        ("Millions of Americans were affected.", 1e6, 1e7, None),
    ],
)
def test_more_ranges(nlp, text: str, lower: float, upper: float, unit: str | None) -> None:
    r = _one(nlp, text)
    assert (r["kind"], r["unit"]) == ("range", unit)
    assert (r["lower"], r["upper"]) == pytest.approx((lower, upper))


@pytest.mark.parametrize(
    ("text", "qualifier"),
    [("The shop keeps about six hundred or more on its shelves.", "lower_bound"), ("Scores of 200 or greater count.", "lower_bound")],
)
def test_right_bound_beats_approx(nlp, text: str, qualifier: str) -> None:
    assert _one(nlp, text)["qualifier"] == qualifier


@pytest.mark.parametrize(
    "text",
    [
        "We won the 2013-14 season.",  # a span of years, both ends
        "At 2-0 down they fought back.",  # a score, both sides
        "Game 7 ended 89-89.",
        "The S&P 500 fell sharply.",  # index names
        "She lived at 49 Zorro Ranch Road for years.",  # addresses
        "Which one do you prefer?",  # a pronoun
        "Many people were hurt.",  # no numeral (``dozens of`` is a vague range: test_numbers_forms)
        "I arrived at 2.13 am.",  # clock times
        "Call +1-222-2222-2222 now.",  # phone numbers
        "Show me the second to last.",  # relative positions
    ],
)
def test_more_not_counts(nlp, text: str) -> None:
    assert _surfaces(nlp, text) == []


@pytest.mark.parametrize(
    ("text", "surface"),
    [("Maria, who was 10, survived.", "10"), ("Carlos Okafor, 58, said no.", "58"),
     ("She will be 42 by the end of the month.", "42")],
)
def test_ages_without_a_unit(nlp, text: str, surface: str) -> None:
    r = _one(nlp, text)
    assert (r["surface"], r["unit"], r["kind"]) == (surface, "year of age", "quantity")


def test_bare_number_shares_the_unit_of_its_alternative(nlp) -> None:
    rows = extract_numbers(nlp("It costs about 8 or $9."))
    assert [(r["value"], r["unit"]) for r in rows] == [(8, "dollar"), (9, "dollar")]


@pytest.mark.parametrize(
    ("text", "lower", "upper", "unit"),
    [
        ("The acceleration is 9.83e-3 +/- 1e-5 km.", 0.00982, 0.00984, "kilometre"),
        ("It weighs 2,000.45±0.01 pounds.", 2000.44, 2000.46, "pound-mass"),
        ("They built an 8- to 16-meter telescope.", 8, 16, "metre"),
    ],
)
def test_margins_and_suspended_hyphens_are_ranges(nlp, text: str, lower: float, upper: float, unit: str) -> None:
    r = _one(nlp, text)
    assert (r["kind"], r["unit"]) == ("range", unit)
    assert (r["lower"], r["upper"]) == pytest.approx((lower, upper))


def test_spelled_number_with_comma_and_ampersand(nlp) -> None:
    r = _one(nlp, "The archive holds four million, three hundred & twelve letters.")
    assert (r["surface"], r["value"], r["noun"]) == ("four million, three hundred & twelve", 4_000_312, "letter")


def test_comma_before_a_plain_number_is_a_list(nlp) -> None:
    assert [r["value"] for r in extract_numbers(nlp("The town had five thousand, two more than the year before."))] \
        == [5000, 2]


@pytest.mark.parametrize(
    ("text", "surface", "value", "unit"),
    [("The mine shut for a three-month repair period.", "three-month", 3, "month"),
     ("The striker signed a two-year contract.", "two-year", 2, "year")],
)
def test_hyphenated_duration_of_something_that_lasts(nlp, text: str, surface: str, value: float, unit: str) -> None:
    r = _one(nlp, text)
    assert (r["surface"], r["value"], r["unit"], r["kind"]) == (surface, value, unit, "duration")


def test_hyphenated_duration_as_a_label_is_not_a_number(nlp) -> None:
    assert extract_numbers(nlp("Shares hit a five-year high on Friday.")) == []


def test_duration_words_in_a_date_span_do_not_hide_a_count(nlp) -> None:
    rows = extract_numbers(nlp("The scheme paid 3,200 people for one to two years and 4100 who waited longer."))
    assert 4100 in [r["value"] for r in rows]


def test_a_hyphenated_modifier_is_not_read_twice(nlp) -> None:
    rows = extract_numbers(nlp("The airline runs 77 short- and medium-distance flights."))
    assert "short short" not in (rows[0]["noun"] or "")


def test_a_table_row_counts_no_word_of_the_next_row(nlp) -> None:
    rows = extract_numbers(nlp("BOSTON 69 65 .515 5\nTORONTO 63 71 .470 11"))
    assert all(r["noun"] is None for r in rows)
    assert _one(nlp, "The club sold 69\nseason tickets.")["noun"] is None
    assert _one(nlp, "The club sold 69 season tickets.")["noun"] == "season ticket"


def test_next_year_after_a_day_of_the_month_is_a_date(nlp) -> None:
    assert all(r["unit"] != "year" for r in extract_numbers(nlp("The tour starts on May 13 next year.")))
    assert _one(nlp, "He stayed 5 more years.")["unit"] == "year"
    assert _one(nlp, "Prices rose over the 3 past years.")["unit"] == "year"


def test_thousands_more_is_a_vague_range(nlp) -> None:
    r = _one(nlp, "Thousands more fled on Sunday.")
    assert (r["lower"], r["upper"]) == (1000, 10000)
    assert extract_numbers(nlp("Millions watched.")) == []
