"""Currency words that several countries' currencies share (``dinar``, ``rial``, ``shilling``), from
sentences written for these tests: money whatever the country, that country's where one is named."""
from __future__ import annotations

import pytest

from tasks.numbers import currencies, extract_numbers


def _money(nlp, text: str) -> list[tuple[float, str]]:
    return [(r["value"], r["unit"]) for r in extract_numbers(nlp(text)) if r["kind"] == "money"]


@pytest.mark.parametrize("text, expected", [
    ("A ticket on the night bus costs 12 dinars.", [(12.0, "dinar")]),
    ("The museum raised 250,000 riyals from visitors.", [(250000.0, "riyal")]),
    ("Each sack of maize now sells for 3,400 shillings.", [(3400.0, "shilling")]),
])
def test_a_shared_currency_word_alone_is_money_under_its_own_name(nlp, text: str, expected: list) -> None:
    assert _money(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Kuwait will spend 3 billion dinars on new housing.", [(3e9, "kuwaiti dinar")]),
    ("The Yemeni government saved 40 million rials last year.", [(4e7, "yemeni rial")]),
])
def test_the_country_its_sentence_names_picks_the_currency(nlp, text: str, expected: list) -> None:
    assert _money(nlp, text) == expected


def test_the_only_such_country_of_the_article_picks_it(nlp) -> None:
    text = ("Tanzania's parliament sat late on Monday. "
            "Teachers will be paid 200,000 shillings more each month, the minister said.")
    assert _money(nlp, text) == [(200000.0, "tanzanian shilling")]
    two = ("Kenya and Uganda signed the grain pact. "
           "Teachers will be paid 200,000 shillings more each month, the minister said.")
    assert _money(nlp, two) == [(200000.0, "shilling")]  # two countries of shillings: no choosing


def test_a_word_only_one_currency_in_use_still_bears_is_that_one(nlp) -> None:
    assert _money(nlp, "He sold the bicycle for 40,000 kyats.") == [(40000.0, "myanmar kyat")]


def test_words_our_own_tables_decide_keep_their_reading(nlp) -> None:
    assert _money(nlp, "The club paid 5 million francs for him.") == [(5e6, "swiss franc")]
    assert _money(nlp, "Kenya paid 2 million dollars.") == [(2e6, "dollar")]
    assert _money(nlp, "The parcel weighs 20 pounds.") == []


def test_every_shared_word_names_each_country_s_currency_of_that_word() -> None:
    for word in ("dinar", "rial", "riyal", "shilling", "krone", "leu", "dirham"):
        options = currencies.countries_of(word)
        assert len(set(options.values())) > 1, word
        assert all(name.endswith(word) and len(code) == 2 for code, name in options.items()), word
    assert currencies.countries_of("swiss franc") == {} and currencies.countries_of("naira") == {}
    assert currencies.countries_of("dollars") == {}  # the US dollar whatever country a text names


@pytest.mark.parametrize("text, expected", [
    ("Lisbon's budget gap reached 85 billion escudos in the year.", [(85e9, "portuguese escudo")]),
    ("Greek farmers received 14 billion drachmas in aid.", [(14e9, "greek drachma")]),
    ("Madrid banks lent 300 billion pesetas.", [(300e9, "spanish peseta")]),
    ("The Belgian state paid 90 billion francs in interest.", [(90e9, "belgian franc")]),
    ("Ankara will borrow 2 billion lira from local banks.", [(2e9, "turkish lira")]),
])
def test_a_country_named_picks_its_currency_of_the_word_then_or_now(nlp, text: str, expected: list) -> None:
    """Agency copy of the 1980s writes the franc, peseta and lira of the country it reports on."""
    assert _money(nlp, text) == expected


def test_a_word_only_a_past_currency_bore_is_that_one(nlp) -> None:
    assert _money(nlp, "The villa sold for 40 million pesetas.") == [(4e7, "spanish peseta")]


def test_a_country_named_does_not_override_a_currency_named_in_full(nlp) -> None:
    assert _money(nlp, "The French bank sold 5 million Swiss francs.") == [(5e6, "swiss franc")]
