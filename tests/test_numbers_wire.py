"""Wire-service copy, from sentences written for these tests: abbreviations, scale words, stock quotes,
fiscal years and seasons, and figures compared with a unit written once."""
from __future__ import annotations

import pytest

from test_numbers_money import _rows, _find


def test_marks_without_a_scale_are_counted(nlp) -> None:
    row = _find(_rows(nlp, "The judges gave her three marks out of ten."), "three")
    assert row["unit"] is None and row["noun"] == "mark"


@pytest.mark.parametrize(
    ("text", "surface", "value", "unit"),
    [
        ("Brannock Mills said it earned five mln dlrs in the half.", "five mln dlrs", 5e6, "dollar"),
        ("Turnover rose to 3.2 mln dlrs from 2.8 mln.", "3.2 mln dlrs", 3.2e6, "dollar"),
        ("The group plans to spend 1.7 bln dlrs on mines.", "1.7 bln dlrs", 1.7e9, "dollar"),
        ("Copper traders lost 450 mln stg in March.", "450 mln stg", 450e6, "pound sterling"),
        ("Coffee fell 40 cts on the day.", "40 cts", 40, "cent"),
        ("The lender paid 1.5 mln Canadian dlrs in fees.", "1.5 mln Canadian dlrs", 1.5e6, "canadian dollar"),
        ("The bank raised its prime rate by 0.5 pct on Friday.", "0.5 pct", 0.5, "percentage"),
        ("Shares in Fenwick closed up 3.2pc at the bell.", "3.2pc", 3.2, "percentage"),
        ("Margins widened 1.5 per cent over the year.", "1.5 per cent", 1.5, "percentage"),
    ],
)
def test_wire_and_newspaper_abbreviations(nlp, text: str, surface: str, value: float, unit: str) -> None:
    row = _find(_rows(nlp, text), surface)
    assert (row["value"], row["unit"], row["noun"]) == (pytest.approx(value), unit, None)


@pytest.mark.parametrize(
    ("text", "surface", "lower", "upper"),
    [
        ("Hundreds of millions of viewers tuned in.", "Hundreds of millions", 1e8, 1e9),
        ("Tens of thousands of farmers marched.", "Tens of thousands", 1e4, 1e5),
        ("Millions of commuters were stranded.", "Millions", 1e6, 1e7),
    ],
)
def test_vague_plural_scales_multiply(nlp, text: str, surface: str, lower: float, upper: float) -> None:
    row = _find(_rows(nlp, text), surface)
    assert (row["lower"], row["upper"], row["kind"]) == (lower, upper, "range")


def test_tens_alone_is_not_an_amount(nlp) -> None:
    assert not any(r["surface"].lower().startswith("tens") for r in _rows(nlp, "The tens and units columns were wrong."))


def test_counted_noun_takes_the_lemma_of_a_graded_adjective(nlp) -> None:
    row = _find(_rows(nlp, "The four biggest lenders cut rates."), "four")
    assert row["noun"] == "big lender"


@pytest.mark.parametrize(
    "text",
    [
        "Output in 1986/87 rose sharply.",
        "The club's 2019-20 campaign ended early.",
        "Budgets for 1999/2000 were cut.",
        "Rainfall over 1990/95 was low.",
    ],
)
def test_fiscal_years_and_seasons_are_not_amounts(nlp, text: str) -> None:
    assert _rows(nlp, text) == []


def test_a_fraction_beside_a_season_stays(nlp) -> None:
    rows = _rows(nlp, "In 2019/20 about 3/4 of the squad was new.")
    assert [(r["surface"], r["value"]) for r in rows] == [("3/4", 0.75)]


@pytest.mark.parametrize(
    ("text", "surface", "value"),
    [
        ("Treasury notes yielded 8-1/4 pct on Monday.", "8-1/4 pct", 8.25),
        ("Lumber futures settled at 212-3/8 in Chicago.", "212-3/8", 212.375),
    ],
)
def test_wire_prices_in_hyphenated_fractions(nlp, text: str, surface: str, value: float) -> None:
    assert _find(_rows(nlp, text), surface)["value"] == pytest.approx(value)


def test_a_year_before_results_is_a_year(nlp) -> None:
    rows = _rows(nlp, "Hallam expects 1987 earnings to double, and its plant made 1998 cars.")
    assert [r["surface"] for r in rows] == ["1998"]


def test_a_vague_scale_of_a_currency_is_money(nlp) -> None:
    row = _find(_rows(nlp, "The dam will cost hundreds of millions of dollars."), "hundreds of millions of dollars")
    assert (row["lower"], row["upper"], row["unit"]) == (1e8, 1e9, "dollar")


@pytest.mark.parametrize(
    ("text", "surface", "unit", "noun"),
    [
        ("Norrland has 12.5 mln shrs outstanding and 3,000 staff.", "12.5 mln", None, "share"),
        ("The offer runs for 12 wks from Monday.", "12 wks", "week", None),
        ("Talks dragged on for six mths.", "six mths", "month", None),
        ("Field output reached 1.2 mln bpd in March.", "1.2 mln bpd", "barrel per day", None),
    ],
)
def test_wire_abbreviations_are_never_the_counted_noun(nlp, text: str, surface: str, unit: str | None,
                                                       noun: str | None) -> None:
    row = _find(_rows(nlp, text), surface)
    assert (row["unit"], row["noun"]) == (unit, noun)


@pytest.mark.parametrize(
    ("text", "surface", "value", "unit"),
    [
        ("Dunmore will pay 1.5 billion U.S. dlrs for the mill.", "1.5 billion U.S. dlrs", 1.5e9, "dollar"),
        ("TARRANT CORP EARNS 5.2 MLN DLRS, UP 12 PCT", "5.2 MLN DLRS", 5.2e6, "dollar"),
        ("TARRANT CORP EARNS 5.2 MLN DLRS, UP 12 PCT", "12 PCT", 12, "percentage"),
        ("It lost 12 cts per shr in the quarter.", "12 cts per shr", 12, "cent per share"),
    ],
)
def test_wire_headlines_and_us_dollars(nlp, text: str, surface: str, value: float, unit: str) -> None:
    row = _find(_rows(nlp, text), surface)
    assert (row["value"], row["unit"]) == (pytest.approx(value), unit)


@pytest.mark.parametrize(
    ("text", "surface", "unit"),
    [
        ("The firm lost 1.3 billion lire, or 450 lire a share.", "450 lire a share", "italian lira per share"),
        ("The bank bought marks at 1.8250 marks per dollar.", "1.8250 marks per dollar", "german mark per dollar"),
    ],
)
def test_a_scaled_only_currency_is_money_as_a_price(nlp, text: str, surface: str, unit: str) -> None:
    assert _find(_rows(nlp, text), surface)["unit"] == unit


def test_grades_per_subject_stay_counts(nlp) -> None:
    row = _find(_rows(nlp, "She lost three marks in the exam."), "three")
    assert row["unit"] is None


@pytest.mark.parametrize(
    ("text", "change", "level"),
    [
        ("Inflation rose 2.1 pct to 5.6 pct in May.", ("2.1 pct", "increase"), ("5.6 pct", "exact")),
        ("Gold fell 4.50 dlrs to 405.25 dlrs an ounce.", ("4.50 dlrs", "decrease"), ("405.25 dlrs an ounce", "exact")),
        ("Costs climbed $2 billion to $14 billion.", ("$2 billion", "increase"), ("$14 billion", "exact")),
    ],
)
def test_a_change_then_a_level_is_not_a_range(nlp, text: str, change: tuple[str, str], level: tuple[str, str]) -> None:
    rows = _rows(nlp, text)
    assert [(r["surface"], r["qualifier"], r["kind"] == "range") for r in rows] == [(*change, False), (*level, False)]


def test_a_wire_stock_quote_is_a_change_and_a_price(nlp) -> None:
    rows = _rows(nlp, "Kestrel Mines fell 1-1/4 to 79-7/8 in active trading.")
    assert [(r["value"], r["qualifier"], r["kind"]) for r in rows] == [(1.25, "decrease", "cardinal"),
                                                                      (79.875, "exact", "cardinal")]


@pytest.mark.parametrize(
    "text",
    ["Prices should rise 2 to 3 pct next year.", "Output rose from 5 pct to 7 pct.", "Tickets cost $5 to $10.",
     "Prices could rise 5 to 10 in the spring.", "The town grew from 2 to 30 homes."],
)
def test_ranges_that_stay_ranges(nlp, text: str) -> None:
    assert [r["kind"] for r in _rows(nlp, text)] == ["range"]


@pytest.mark.parametrize(
    ("text", "surface", "unit"),
    [
        ("Sales rose to 340 mln dlrs from 290 mln.", "290 mln", "dollar"),
        ("Output was 3.4 mln tonnes, against 2.9 mln in the spring.", "2.9 mln", "metric ton"),
    ],
)
def test_a_scaled_figure_compared_shares_the_unit(nlp, text: str, surface: str, unit: str) -> None:
    assert _find(_rows(nlp, text), surface)["unit"] == unit


def test_a_scaled_count_after_money_keeps_its_noun(nlp) -> None:
    row = _find(_rows(nlp, "It raised 40 mln dlrs from 2 mln investors."), "2 mln")
    assert (row["unit"], row["noun"]) == (None, "investor")


def test_a_fiscal_year_with_year_after_it_is_not_a_duration(nlp) -> None:
    rows = _rows(nlp, "Money supply rose 12.3 pct in the 1986/87 year.")
    assert [r["surface"] for r in rows] == ["12.3 pct"]


def test_a_figure_in_a_season_is_not_a_share(nlp) -> None:
    row = _find(_rows(nlp, "Yields averaged 2.4 tonnes per hectare against 2.1 in 1985/86."), "2.1")
    assert row["value"] == 2.1


def test_a_scaled_decimal_is_the_written_figure(nlp) -> None:
    assert _find(_rows(nlp, "Net income was 4.1 mln dlrs."), "4.1 mln dlrs")["value"] == 4_100_000


def test_a_fraction_keeps_its_digits(nlp) -> None:
    assert _find(_rows(nlp, "A third of the 1,200 staff left."), "A third")["value"] == 1 / 3


def test_a_half_mark_is_still_a_grade(nlp) -> None:
    row = _find(_rows(nlp, "The judges took 1.5 marks off her score."), "1.5")
    assert row["unit"] is None


def test_earnings_table_shares_are_counted_not_money(nlp) -> None:
    rows = _rows(nlp, "Nine mths shr 1.23 dlrs vs 98 cts; avg shrs 12.3 mln vs 11.9 mln.")
    # the figure after ``vs`` is the same count of shares, not dollars
    assert [(r["surface"], r["unit"], r["noun"]) for r in rows[-2:]] == [("12.3 mln", None, "share"), ("11.9 mln", None, "share")]


def test_money_raised_is_not_a_rise(nlp) -> None:
    assert _find(_rows(nlp, "The share sale raised $54bn for the state."), "$54bn")["qualifier"] == "exact"


@pytest.mark.parametrize(
    ("text", "surface", "value", "unit", "noun"),
    [
        # the unit or counted noun of a scaled amount, written once for the figure it is compared with
        ("Bike sales fell to 3.15 million units from 3.42 million.", "3.42 million", 3.42e6, None, "unit"),
        ("Crude stocks fell 1m barrels to 294.3m.", "294.3m", 294.3e6, "barrel", None),
    ],
)
def test_a_compared_figure_takes_the_unit_written_once(nlp, text: str, surface: str, value: float,
                                                       unit: str | None, noun: str | None) -> None:
    row = next(r for r in _rows(nlp, text) if r["surface"].rstrip(".") == surface)
    assert (row["value"], row["unit"], row["noun"]) == (pytest.approx(value), unit, noun)


def test_a_compared_length_stays_a_length(nlp) -> None:
    rows = _rows(nlp, "The sea wall grew 2m in height to 12m.")
    assert [(r["value"], r["unit"]) for r in rows] == [(2, "metre"), (12, "metre")]


def test_an_unscaled_figure_after_a_count_takes_no_noun(nlp) -> None:
    rows = _rows(nlp, "The firm cut 1,200 jobs, from 15,000.")
    assert [r["noun"] for r in rows] == ["job", None]


@pytest.mark.parametrize(
    ("text", "surface", "lower", "upper", "unit"),
    [
        ("Dealers said the dollar opened at 1.7340/50 marks.", "1.7340/50 marks", 1.734, 1.735, "german mark"),
        ("The yen firmed to 151.40/50 yen in early trade.", "151.40/50 yen", 151.40, 151.50, "japanese yen"),
        ("Sterling was quoted at 1.6095/05 dlrs at midday.", "1.6095/05 dlrs", 1.6095, 1.6105, "dollar"),
    ],
)
def test_a_bid_and_offer_quote_is_a_range_never_a_fraction(nlp, text: str, surface: str, lower: float, upper: float,
                                                           unit: str) -> None:
    row = _find(_rows(nlp, text), surface)
    assert (row["lower"], row["upper"], row["unit"]) == (pytest.approx(lower), pytest.approx(upper), unit)


def test_a_bare_quote_after_a_quote_takes_its_currency(nlp) -> None:
    row = _find(_rows(nlp, "The dollar ended at 1.7340/50 marks after 1.7280/90 on Tuesday."), "1.7280/90")
    assert (row["lower"], row["upper"], row["unit"]) == (pytest.approx(1.728), pytest.approx(1.729), "german mark")


@pytest.mark.parametrize(("text", "surface", "value"), [
    ("Critics gave the film 8.5/10 on Sunday.", "8.5/10", 0.85),   # a mark out of ten is no quote
    ("Buyers rated the kettle 4.25/5 on average.", "4.25/5", 0.85),
    ("Only 3/4 of the seats were sold.", "3/4", 0.75),
])
def test_a_mark_or_a_fraction_is_no_quote(nlp, text: str, surface: str, value: float) -> None:
    row = _find(_rows(nlp, text), surface)
    assert (row["value"], row["upper"]) == (pytest.approx(value), None)


def test_a_scaled_figure_in_a_terse_results_line_is_read(nlp) -> None:
    """The tagger may take ``Revs 88.1 mln`` for a person; a scaled figure is never part of a name."""
    rows = _rows(nlp, "Tellmark Corp 2nd qtr\nShr 41 cts vs 33 cts\nRevs 88.1 mln vs 79.4 mln\n")
    assert {r["surface"] for r in rows} >= {"88.1 mln", "79.4 mln"}


@pytest.mark.parametrize("text", [
    "The board approved a five-for-four stock split.",
    "Dunmore Inc declared a 2-for-1 split of its common stock.",
    "The miner will carry out a 1-for-20 reverse split.",
])
def test_a_split_ratio_is_no_count(nlp, text: str) -> None:
    assert [r["surface"] for r in _rows(nlp, text) if r["kind"] != "ordinal"] == []


def test_a_count_before_for_is_still_a_count(nlp) -> None:
    row = _find(_rows(nlp, "The club signed 4 players for next season."), "4")
    assert row["noun"] == "player"


@pytest.mark.parametrize(("text", "surface"), [
    ("Quarterly profit was 27 Canadian cts a share.", "27 Canadian cts a share"),
    ("The dividend is 9 Australian cents a share.", "9 Australian cents a share"),
])
def test_cents_of_a_named_dollar_are_cents(nlp, text: str, surface: str) -> None:
    row = _find(_rows(nlp, text), surface)
    assert (row["kind"], row["unit"], row["noun"]) == ("money", "cent per share", None)


def test_a_quote_shape_with_no_currency_in_sight_is_no_amount(nlp) -> None:
    """Never the quotient 0.03 either: a bid and offer is read only as a price."""
    assert _rows(nlp, "Ticket 2.4410/35 was stamped at the gate.") == []
