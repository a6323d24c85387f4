"""Alias linking and key rules on plain strings: no model needed."""
from __future__ import annotations

from collections import Counter

import pytest

from tasks.canonical import (
    canonicalise,
    clean_name,
    entity_key,
    link_names,
    strip_org_suffix,
    strip_possessive,
    strip_titles,
)
from tasks.names import display_name
from tasks.relabel import harmonise_labels, is_clipping


def _canon(pairs: list[tuple[str, str]]) -> list[str]:
    return [r.canonical for r in canonicalise([s for s, _ in pairs], [l for _, l in pairs])]


@pytest.mark.parametrize(
    ("surface", "expected"),
    [("Russia's", "Russia"), ("Russia’s", "Russia"), ("the Joneses'", "the Joneses"), ("Paris", "Paris")],
)
def test_possessive_is_stripped(surface: str, expected: str) -> None:
    assert strip_possessive(surface) == expected


@pytest.mark.parametrize(
    ("surface", "expected"),
    [
        ("Mr Putin", "Putin"),
        ("Mr. Putin", "Putin"),
        ("President Putin", "Putin"),
        ("US Secretary of State John Kerry", "John Kerry"),
        ("German Chancellor Angela Merkel", "Angela Merkel"),
        ("former Prime Minister Tony Blair", "Tony Blair"),
        ("Dr Who", "Who"),
        ("Prince", "Prince"),  # never strip the whole name
        ("John Major", "John Major"),  # a title word after the name is the name
    ],
)
def test_titles_are_stripped(surface: str, expected: str) -> None:
    assert strip_titles(surface) == expected


def test_titles_only_stripped_from_people() -> None:
    assert clean_name("General Motors", "ORG") == "General Motors"
    assert clean_name("General Motors", "PERSON") == "Motors"  # what a PERSON label implies
    assert clean_name("the Kremlin", "ORG") == "Kremlin"
    assert clean_name("The Godfather", "WORK_OF_ART") == "The Godfather"
    assert clean_name("Apple Inc.", "ORG") == "Apple"


def test_surname_title_and_possessive_link_to_full_name() -> None:
    pairs = [
        ("Putin", "PERSON"),
        ("Mr Putin’s", "PERSON"),
        ("President Vladimir Putin", "PERSON"),
        ("President Putin", "PERSON"),
        ("Kerry", "PERSON"),
        ("John Kerry", "PERSON"),
        ("Mr Kerry's", "PERSON"),
        ("Lavrov", "PERSON"),
        ("Sergei Lavrov", "PERSON"),
    ]
    assert _canon(pairs) == [
        "Vladimir Putin", "Vladimir Putin", "Vladimir Putin", "Vladimir Putin",
        "John Kerry", "John Kerry", "John Kerry", "Sergei Lavrov", "Sergei Lavrov",
    ]


def test_first_name_not_linked_when_two_people_share_it() -> None:
    pairs = [("John Kerry", "PERSON"), ("John Smith", "PERSON"), ("John", "PERSON"), ("Smith", "PERSON")]
    assert _canon(pairs) == ["John Kerry", "John Smith", "John", "John Smith"]


def test_surname_fit_beats_first_name_fit() -> None:
    pairs = [("John Kerry", "PERSON"), ("Kerry Smith", "PERSON"), ("Kerry", "PERSON")]
    assert _canon(pairs)[2] == "John Kerry"


def test_two_names_in_one_span_are_no_full_name() -> None:
    pairs = [("Jason Voorhees", "PERSON"), ("Freddy Vs Jason", "PERSON"), ("Jason", "PERSON")]
    assert _canon(pairs)[2] == "Jason Voorhees"


def test_unique_first_name_links() -> None:
    assert _canon([("Hillary Clinton", "PERSON"), ("Hillary", "PERSON")]) == ["Hillary Clinton"] * 2


def test_two_people_with_one_surname_stay_apart() -> None:
    pairs = [("Hillary Clinton", "PERSON"), ("Bill Clinton", "PERSON"), ("Mrs Clinton", "PERSON"), ("Hillary", "PERSON")]
    canon = _canon(pairs)
    assert canon[0] == "Hillary Clinton" and canon[1] == "Bill Clinton"
    assert canon[2] == "Hillary Clinton"  # the bare surname is the bearer named first
    assert canon[3] == "Hillary Clinton"


def test_bare_surname_goes_to_the_bearer_named_first() -> None:
    pairs = [("Gandhi", "PERSON"), ("Rahul Gandhi", "PERSON"), ("Indira Gandhi", "PERSON"), ("Gandhi", "PERSON"),
             ("Indira", "PERSON")]
    assert _canon(pairs) == ["Rahul Gandhi", "Rahul Gandhi", "Indira Gandhi", "Rahul Gandhi", "Indira Gandhi"]


def test_first_names_two_full_names_share_stay_apart() -> None:
    pairs = [("John Kerry", "PERSON"), ("John Smith", "PERSON"), ("John", "PERSON")]
    assert _canon(pairs)[2] == "John"


def test_middle_name_variant_links_to_longest() -> None:
    pairs = [("George W. Bush", "PERSON"), ("George Bush", "PERSON"), ("Bush", "PERSON")]
    assert _canon(pairs) == ["George W. Bush"] * 3


def test_short_forms_only_link_within_label() -> None:
    pairs = [("Jordan", "GPE"), ("Michael Jordan", "PERSON"), ("Jordan", "PERSON")]
    assert _canon(pairs) == ["Jordan", "Michael Jordan", "Michael Jordan"]


def test_places_link_by_acronym_only() -> None:
    pairs = [("Northern Ireland", "GPE"), ("Ireland", "GPE"), ("United States", "GPE"), ("US", "GPE")]
    assert _canon(pairs) == ["Northern Ireland", "Ireland", "United States", "United States"]


def test_organisations_link_by_acronym_and_words() -> None:
    pairs = [
        ("the European Union", "ORG"), ("EU", "ORG"),
        ("Newry FC", "ORG"), ("Newry", "ORG"),
        ("European Commission", "ORG"), ("Commission", "ORG"),
    ]
    assert _canon(pairs) == ["European Union"] * 2 + ["Newry FC"] * 2 + ["European Commission"] * 2


def test_organisation_is_not_merged_with_its_part() -> None:
    # "AOL Europe" is a part of AOL, "BBC Sport" a part of the BBC.
    pairs = [("AOL", "ORG"), ("AOL Europe", "ORG"), ("BBC Sport", "ORG"), ("BBC", "ORG")]
    assert _canon(pairs) == ["AOL", "AOL Europe", "BBC Sport", "BBC"]


def test_royal_styles_stay_part_of_the_name() -> None:
    pairs = [("Prince Charles", "PERSON"), ("Charles Kennedy", "PERSON"), ("Charles", "PERSON"),
             ("Prince William", "PERSON"), ("William", "PERSON"), ("Kennedy", "PERSON")]
    # A bare "Charles" fits one as the name used (surname position), the
    # other only as a first name: the stronger fit wins.
    assert _canon(pairs) == ["Prince Charles", "Charles Kennedy", "Prince Charles",
                             "Prince William", "Prince William", "Charles Kennedy"]
    assert strip_titles("former King Constantine") == "King Constantine"


def test_company_short_name_is_not_a_person() -> None:
    names = ["Contrack International", "Contrack", "Contrack"]
    assert harmonise_labels(names, ["ORG", "PERSON", "PERSON"]) == ["ORG"] * 3


def test_surname_tagged_as_a_thing_is_a_person() -> None:
    names = ["Quentin Tarantino", "Tarantino", "Jimmy Connors", "Connors"]
    assert harmonise_labels(names, ["PERSON", "ORG", "PERSON", "PRODUCT"]) == ["PERSON"] * 4
    # ... but not when the word starts a longer name of its own label.
    names = ["Harrison Ford", "Ford", "Ford Motor"]
    assert harmonise_labels(names, ["PERSON", "ORG", "ORG"]) == ["PERSON", "ORG", "ORG"]
    # ... and a place keeps its label: "Washington" may be the city.
    assert harmonise_labels(["George Washington", "Washington"], ["PERSON", "GPE"]) == ["PERSON", "GPE"]


def test_ambiguous_org_short_form_is_kept() -> None:
    pairs = [("Labour Party", "ORG"), ("Conservative Party", "ORG"), ("Party", "ORG")]
    assert _canon(pairs)[2] == "Party"


def test_link_names_uses_most_frequent_spelling() -> None:
    names = ["NATO", "Nato", "Nato"]
    assert link_names(names, ["ORG"] * 3) == ["Nato"] * 3


def test_key_folds_case_accents_dots_and_space() -> None:
    assert entity_key("PERSON", "François  Hollande") == "PERSON:francois hollande"
    assert entity_key("GPE", "U.S.") == entity_key("GPE", "US") == "GPE:us"


def test_place_beats_lone_person() -> None:
    names = ["Sochi", "Sochi", "Sochi"]
    assert harmonise_labels(names, ["GPE", "PERSON", "PERSON"]) == ["GPE"] * 3


def test_surname_of_a_person_is_not_turned_into_a_place() -> None:
    names = ["George Washington", "Washington", "Washington"]
    labels = ["PERSON", "PERSON", "GPE"]
    assert harmonise_labels(names, labels) == labels


def test_majority_label_wins_and_ties_change_nothing() -> None:
    assert harmonise_labels(["Nato"] * 3, ["ORG", "ORG", "GPE"]) == ["ORG"] * 3
    assert harmonise_labels(["Minsk"] * 2, ["ORG", "GPE"]) == ["ORG", "GPE"]


def test_relabelled_person_gets_titles_stripped() -> None:
    # "Mr Lavrov" tagged ORG once, "Lavrov" PERSON twice: majority makes it a person,
    # and then the honorific goes like any person's.
    out = canonicalise(["Sergei Lavrov", "Lavrov", "Mr Lavrov", "Lavrov"], ["PERSON", "PERSON", "ORG", "PERSON"])
    assert {r.canonical for r in out} == {"Sergei Lavrov"}


def test_first_name_tagged_as_a_thing_is_the_person() -> None:
    out = canonicalise(["Keanu Reeves", "Keanu", "Keanu", "Reeves"], ["PERSON", "ORG", "ORG", "PERSON"])
    assert [(r.label, r.canonical) for r in out] == [("PERSON", "Keanu Reeves")] * 4


def test_a_company_is_not_the_first_name_of_a_stray_person_span() -> None:
    out = canonicalise(["Pirelli", "Pirelli", "Pirelli Cables"], ["ORG", "ORG", "PERSON"])
    assert [r.label for r in out[:2]] == ["ORG", "ORG"]


def test_nationality_plural_and_singular_are_one_group() -> None:
    out = canonicalise(["Republicans", "Republican", "Swiss"], ["NORP", "NORP", "NORP"])
    assert [r.entity_key for r in out] == ["NORP:republican", "NORP:republican", "NORP:swiss"]


def test_legal_forms_of_several_countries_are_dropped() -> None:
    assert strip_org_suffix("Toyota Motor Corp Ltd") == "Toyota Motor"
    assert strip_org_suffix("Siemens AG") == "Siemens"
    assert strip_org_suffix("Co") == "Co"


def test_capitals_never_win_the_display_name() -> None:
    out = canonicalise(["WASHINGTON", "WASHINGTON", "Washington"], ["GPE", "GPE", "GPE"])
    assert {r.canonical for r in out} == {"Washington"}
    assert display_name(Counter({"NATO": 3}), "ORG") == "NATO"
    assert display_name(Counter({"AL-RAMADI": 2}), "GPE") == "Al-Ramadi"


def test_a_country_before_a_company_named_alone_too_is_not_part_of_its_name() -> None:
    out = canonicalise(["US Starbucks", "Starbucks", "British Airways"], ["ORG", "ORG", "ORG"])
    assert [r.entity_key for r in out] == ["ORG:starbucks", "ORG:starbucks", "ORG:british airways"]


def test_heading_word_stuck_on_a_name_is_no_root() -> None:
    pairs = [("Style Juliette Lewis", "PERSON"), ("Juliette Lewis", "PERSON"), ("Lewis", "PERSON"),
             ("Juliette Lewis", "PERSON")]
    assert _canon(pairs) == ["Juliette Lewis"] * 4


def test_long_name_written_once_keeps_its_words_without_a_repeated_tail() -> None:
    pairs = [("Juan Martin Perez", "PERSON"), ("Martin Perez", "PERSON"), ("Perez", "PERSON")]
    assert _canon(pairs) == ["Juan Martin Perez"] * 3


def test_clipped_party_name_takes_the_full_name_and_label() -> None:
    pairs = [("the Liberal Democrats", "NORP"), ("Lib Dems", "PERSON"), ("Lib Dem", "NORP"), ("Lib", "PERSON")]
    got = canonicalise([p[0] for p in pairs], [p[1] for p in pairs])
    assert [g.entity_key for g in got[:3]] == ["NORP:liberal democrat"] * 3
    assert got[1].canonical == "Liberal Democrat" and got[1].label == "NORP"


def test_clipping_needs_a_real_cut() -> None:
    assert is_clipping("Lib Dems", "Liberal Democrats")
    assert not is_clipping("New York", "New Yorker")
    assert not is_clipping("Lib Dems", "Liberal Party")


def test_party_adjective_is_its_member() -> None:
    got = canonicalise(["Democratic", "Democrats", "Social Democratic"], ["NORP"] * 3)
    assert [g.entity_key for g in got] == ["NORP:democrat", "NORP:democrat", "NORP:social democrat"]


def test_a_singular_read_as_a_first_name_is_the_thing_its_plural_names() -> None:
    got = canonicalise(["the Oscars", "Oscar", "Kate Winslet", "Winslet"], ["ORG", "PERSON", "PERSON", "PERSON"])
    assert [(g.label, g.canonical) for g in got] == [("ORG", "Oscars")] * 2 + [("PERSON", "Kate Winslet")] * 2


def test_a_first_name_of_a_person_in_the_article_is_never_a_thing() -> None:
    got = canonicalise(["Williams", "William Hague", "William"], ["ORG", "PERSON", "PERSON"])
    assert [g.entity_key for g in got] == ["ORG:williams", "PERSON:william hague", "PERSON:william hague"]


def test_a_full_name_whose_surname_is_used_alone_is_a_person_whatever_the_model_says() -> None:
    names = ["Keanu Reeves", "Keanu", "Keanu Reeves", "Keanu Reeves", "Reeves", "Keanu Doing Things", "Keanu"]
    labels = ["PERSON", "ORG", "ORG", "ORG", "ORG", "ORG", "ORG"]
    got = canonicalise(names, labels)
    assert {g.entity_key for i, g in enumerate(got) if i != 5} == {"PERSON:keanu reeves"}


def test_a_company_named_for_a_family_stays_a_company() -> None:
    got = canonicalise(["Ford Motor", "Ford", "Ford Motor", "Henry Ford"], ["ORG", "ORG", "ORG", "PERSON"])
    assert [g.label for g in got] == ["ORG", "ORG", "ORG", "PERSON"]


def test_a_model_name_tagged_person_once_does_not_take_its_maker() -> None:
    names = ["Ford", "F-Series", "Ford F-Series", "Ford F-Series", "Ford"]
    got = canonicalise(names, ["ORG", "PRODUCT", "ORG", "PERSON", "ORG"])
    assert [g.entity_key for g in got][::4] == ["ORG:ford", "ORG:ford"]
