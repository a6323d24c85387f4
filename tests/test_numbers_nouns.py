"""The counted noun of a number, from sentences written for these tests: which words of a compound
or a hyphenated modifier it keeps, which adjectives it drops, and what is never counted."""
from __future__ import annotations

import pytest

from tasks.numbers import extract_numbers
from test_numbers import _one


def test_counted_noun_with_compound(nlp) -> None:
    r = _one(nlp, "OHSU has performed 700 heart transplants.")
    assert (r["noun"], r["verb"]) == ("heart transplant", "perform")


@pytest.mark.parametrize(
    ("text", "noun"),
    [("They built 12 solar-powered homes.", "solar-powered home"), ("They sank 20 fairly large ships.", "ship")],
)
def test_noun_keeps_hyphenated_kinds_and_drops_graded_adjectives(nlp, text: str, noun: str) -> None:
    assert _one(nlp, text)["noun"] == noun


@pytest.mark.parametrize(
    ("text", "noun"),
    [
        ("Rescuers found two gas-only pump stations near the lake.", "gas-only pump station"),
        ("The lender shut three state-owned bank branches.", "state-owned bank branch"),
        ("The yard built four very large crude carriers.", "crude carrier"),  # a graded description is dropped
    ],
)
def test_modifiers_of_a_compound_belong_to_the_counted_noun(nlp, text: str, noun: str) -> None:
    assert [r["noun"] for r in extract_numbers(nlp(text))] == [noun]


@pytest.mark.parametrize(
    ("text", "unit", "noun"),
    [
        ("The team may add a pick or two in the draft.", None, "pick"),
        ("The talks could take a day or two.", "day", None),
        ("She walked a mile or two.", "mile", None),
    ],
)
def test_a_noun_written_before_or_two(nlp, text: str, unit: str | None, noun: str | None) -> None:
    assert [(r["value"], r["unit"], r["noun"]) for r in extract_numbers(nlp(text))] == [(2.0, unit, noun)]


@pytest.mark.parametrize(
    ("text", "noun"),
    [("Rescuers found 12 more bodies on Friday.", "body"), ("Police questioned three other drivers.", "driver"),
     ("The council hired 40 additional wardens.", "warden"), ("The council hired 40 traffic wardens.", "traffic warden")],
)
def test_noun_drops_adjectives_of_how_many_more(nlp, text: str, noun: str) -> None:
    assert _one(nlp, text)["noun"] == noun


def test_a_figure_a_month_or_a_person_is_never_the_counted_noun(nlp) -> None:
    assert _one(nlp, "Replacements: 6 - Michael Jones came on.")["noun"] is None  # a shirt number
    rows = extract_numbers(nlp("Treasury notes 41.07 - 0.016 +0.342"))
    assert [r["noun"] for r in rows] == [None, None, None]
    rows = extract_numbers(nlp("The bank sold 12,000 March 98 options."))
    assert [r["noun"] for r in rows if r["value"] == 12000] == ["option"]
