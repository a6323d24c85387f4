"""The offline gazetteer: one place per name, codes and ids from the shipped data."""
from __future__ import annotations

import pytest

from tasks import places


@pytest.mark.parametrize("name", ["U.S.", "US", "USA", "United States", "the United States", "America", "u.s."])
def test_every_name_of_the_united_states_is_one_place(name: str) -> None:
    place = places.lookup(name)
    assert place is not None
    assert (place.name, place.kind, place.country, place.geonameid) == ("United States", "country", "US", 6252001)
    assert place.key == "iso:us"


def test_dateline_capitals_find_the_city_with_its_coordinates() -> None:
    london = places.lookup("LONDON")
    assert (london.name, london.kind, london.country) == ("London", "city", "GB")
    assert london.geonameid == 2643743 and london.lat == pytest.approx(51.5, abs=0.1)
    # The capital, not the state: news means the city when it writes the bare name.
    assert places.lookup("WASHINGTON").country == "US" and places.lookup("WASHINGTON").kind == "city"
    assert places.lookup("NEW YORK").name == "New York City"


def test_a_name_two_places_share_goes_to_the_more_important_one() -> None:
    assert places.lookup("Paris").country == "FR"  # not Paris, Texas
    assert places.lookup("Georgia").kind == "country"
    assert places.lookup("Texas").kind == "state"


def test_former_countries_of_old_agency_copy() -> None:
    assert places.lookup("Soviet Union").country == places.lookup("USSR").country == "SU"
    assert places.lookup("West Germany").country == "DE"
    # CS was Czechoslovakia before Serbia and Montenegro took the code over.
    assert places.lookup("Czechoslovakia").name == "Czechoslovakia"
    assert places.lookup("Czechoslovakia").country != places.lookup("Serbia and Montenegro").country


def test_old_names_of_big_cities() -> None:
    assert places.lookup("Peking").name == "Beijing"


def test_unknown_names_are_none() -> None:
    assert places.lookup("Narnia") is None
    assert places.lookup("Korea") is None or places.lookup("Korea").kind == "country"


@pytest.mark.parametrize(
    ("word", "code"),
    [("Japanese", "JP"), ("Iranian", "IR"), ("Israelis", "IL"), ("French", "FR"), ("American", "US"),
     ("Nigerian", "NG"), ("Ukrainian", "UA"), ("Pakistani", "PK"), ("South Korean", "KR"),
     ("Yemeni", "YE")],  # today's Yemen, not the former South Yemen (YD) of the same name
)
def test_demonyms_name_their_country(word: str, code: str) -> None:
    assert places.demonym(word).country == code


@pytest.mark.parametrize("word", ["Republican", "Muslim", "European", "Democrats"])
def test_groups_that_are_not_nationalities_have_no_country(word: str) -> None:
    assert places.demonym(word) is None


def test_a_shared_city_name_is_its_most_populous_city() -> None:
    assert places.lookup("Birmingham").country == "GB"
    assert places.lookup("Athens").country == "GR"


def test_every_city_of_a_name_is_known_with_its_population() -> None:
    found = places.cities_named("Newcastle")
    assert {p.country for p, _ in found} >= {"AU", "GB", "ZA"}
    assert [pop for _, pop in found] == sorted((pop for _, pop in found), reverse=True)
    assert places.population(places.lookup("Newcastle")) == found[0][1] > 0
    assert places.population(places.lookup("France")) == 0


def test_a_country_lies_in_its_continent() -> None:
    assert places.continent_of("GB") == places.lookup("Europe")
    assert places.continent_of("KE") == places.lookup("Africa")
    assert places.continent_of("XX") is None and places.continent_of(None) is None


def test_a_country_has_its_capital_city() -> None:
    assert places.capital_of("KE").name == "Nairobi" and places.capital_of("ke").country == "KE"
    assert places.capital_of("US").name == "Washington" and places.capital_of("US").country == "US"
    assert places.capital_of("XX") is None and places.capital_of(None) is None


@pytest.mark.parametrize("word, continent", [("Asian", "Asia"), ("Europeans", "Europe"), ("African", "Africa"),
                                             ("South American", "South America")])
def test_continent_demonyms_name_their_continent(word: str, continent: str) -> None:
    assert places.continent_by_demonym(word).name == continent


@pytest.mark.parametrize("word", ["Russian", "Asiatic", "Americana"])
def test_other_words_name_no_continent(word: str) -> None:
    assert places.continent_by_demonym(word) is None
