"""Sports results as wire copy writes them: no amounts, never a range or a count (issue #13's scores and tables).

Classes found in the blind sample's Reuters (conll) STUDY half; every sentence is made up for the test, with
other names and figures, and each class has a counter-example that keeps its amount.
"""
from __future__ import annotations

import pytest
from test_numbers_forms import _at, _rows  # one number, and every row, of a made-up sentence


@pytest.mark.parametrize(
    "text",
    [
        "Wickets : 1-14 2-48 3-133 4-160 5-212",
        "Wickets fell at 1-9, 2-103, 3-118 and 4-120.",
        "Kovac lost 3-6 and 5-7 in Graz.",
    ],
)
def test_a_run_of_wicket_pairs_is_no_range(nlp, text: str) -> None:
    assert _rows(nlp, text) == []


@pytest.mark.parametrize(
    ("text", "value", "upper"),
    [("Output rose 110-130 tonnes a day.", 110, 130), ("The hall seats 300-450.", 300, 450)],
)
def test_a_lone_pair_of_large_figures_stays_a_range(nlp, text: str, value: float, upper: float) -> None:
    row = _at(nlp, text, value)
    assert (row["kind"], row["upper"]) == ("range", upper)


@pytest.mark.parametrize(
    "text",
    [
        "Kestrel 3 Orlik ( Z ) 0",
        "Partizan ( B ) 2 Rad ( N ) 1",
        "Falkirk 2 ( Reid 14th, Moss 80th ) Airdrie 1 ( Kerr 33rd )",
    ],
)
def test_a_results_line_has_no_counts(nlp, text: str) -> None:
    assert [r["surface"] for r in _rows(nlp, text) if r["kind"] != "ordinal"] == []  # a scorer's minute is an ordinal


@pytest.mark.parametrize(
    ("text", "values"),
    [
        ("Storm Kills 12 In Texas, 3 Missing", [12, 3]),  # a headline: a comma, a word after the last figure
        ("Rovers sign 2 players from Hull", [2]),
        ("Hawks 5 Lions 6 ( in 11 )", [11]),  # the innings a result took, in brackets, is not one of its sides
    ],
)
def test_a_line_that_is_no_result_keeps_its_figures(nlp, text: str, values: list[float]) -> None:
    assert [r["value"] for r in _rows(nlp, text)] == values


@pytest.mark.parametrize(
    "text",
    [
        "Their group two game against Peru ended goalless.",
        "The team plays its round two match at home.",
        "They went out after a pool three defeat in Lyon.",
    ],
)
def test_a_number_after_a_group_noun_names_the_group(nlp, text: str) -> None:
    assert _rows(nlp, text) == []


@pytest.mark.parametrize(
    ("text", "value", "unit", "noun"),
    [
        ("The coach told the group 12 people had left.", 12, None, "people"),
        ("The club formed the group four years ago.", 4, "year", None),
        ("The league 20 clubs voted on Monday.", 20, None, "club"),
    ],
)
def test_a_group_noun_before_a_count_keeps_it(nlp, text: str, value: float, unit: str | None, noun: str | None) -> None:
    row = _at(nlp, text, value)
    assert (row["unit"], row["noun"]) == (unit, noun)
