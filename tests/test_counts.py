"""Event counts (GDELT GKG types) from sentences written for these tests: one test per rule
for what is counted and as which type; where it happened is test_count_places.py's."""
from __future__ import annotations

from pathlib import Path

import pytest

from tasks.numbers import extract_numbers
from tasks.numbers.counts import CountType, Triggers, triggers


def _counts(nlp, text: str) -> list[tuple[str, float, str | None]]:
    return [(r["count_type"], r["value"], r["noun"]) for r in extract_numbers(nlp(text)) if r["count_type"]]


def _rows(nlp, text: str) -> list[dict]:
    return extract_numbers(nlp(text))


@pytest.mark.parametrize("text, expected", [
    ("At least 40 people were killed when the bridge collapsed.", [("KILL", 40, "people")]),
    ("Officials said 17 miners had been injured in the explosion.", [("WOUND", 17, "miner")]),
    ("Border guards detained 35 smugglers overnight.", [("ARREST", 35, "smuggler")]),
    ("Pirates kidnapped 9 sailors off the coast.", [("KIDNAP", 9, "sailor")]),
    ("More than 8,000 residents were evacuated as the fire spread.", [("AFFECT", 8000, "resident")]),
    ("Customs officers seized 60 rifles at the port.", [("SEIZE", 60, "rifle")]),
])
def test_victims_of_a_transitive_verb_in_either_voice(nlp, text: str, expected: list) -> None:
    assert _counts(nlp, text) == expected


def test_active_voice_counts_the_object_not_the_agent(nlp) -> None:
    assert _counts(nlp, "Fourteen gunmen killed 5 police officers in the raid.") == [("KILL", 5, "police officer")]


def test_agent_of_a_passive_is_not_the_count(nlp) -> None:
    assert _counts(nlp, "The hostages were freed by 40 commandos.") == []
    assert _counts(nlp, "Two farmers were killed by 6 attackers.") == [("KILL", 2, "farmer")]


@pytest.mark.parametrize("text, expected", [
    ("Around 220 sailors died when the ferry sank.", [("KILL", 220, "sailor")]),
    ("Some 5,000 people fled across the river.", [("AFFECT", 5000, "people")]),
    ("About 3,000 teachers marched to the ministry.", [("PROTEST", 3000, "teacher")]),
])
def test_subject_of_an_intransitive_verb_is_the_count(nlp, text: str, expected: list) -> None:
    assert _counts(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Three die as bus overturns", [("KILL", 3, None)]),
    ("Six killed in mountain road crash", [("KILL", 6, None)]),
])
def test_headlines(nlp, text: str, expected: list) -> None:
    assert _counts(nlp, text) == expected


@pytest.mark.parametrize("text", [
    "Nobody was hurt in the fire.",
    "No one was killed when the wall fell.",
    "The 12 passengers were not injured.",
])
def test_negated_events_are_not_counts(nlp, text: str) -> None:
    assert _counts(nlp, text) == []


def test_words_and_shares_are_not_counts(nlp) -> None:
    assert _counts(nlp, "Father-of-three Tom Reed was arrested at the airport.") == []
    assert _counts(nlp, "Only two out of 10 refugees reached the camp.") == []
    assert _counts(nlp, "Officials said no-one was injured.") == []


def test_ages_and_durations_beside_a_trigger_are_not_counts(nlp) -> None:
    assert _counts(nlp, "A 41-year-old woman was detained after the attack.") == []
    assert _counts(nlp, "The driver was jailed for 12 years in March.") == []
    assert _counts(nlp, "He was arrested 3 days after the raid.") == []


def test_forecasts_and_ages_in_apposition_are_not_counts(nlp) -> None:
    assert _counts(nlp, "The charity warned that 2 million children will die of hunger.") == []
    assert _counts(nlp, "Ms Green, 34, was arrested at her home.") == []
    assert _counts(nlp, "The army plans to evacuate 500 villagers.") == []
    assert _counts(nlp, "The rebels threatened to kill 3 hostages.") == []
    assert _counts(nlp, "The union says it expects about 5,000 nurses to march on Saturday.") == []
    assert _counts(nlp, "Rounding out the top ten was a cookery show.") == []


def test_money_percent_and_ordinals_are_not_counts(nlp) -> None:
    assert _counts(nlp, "The thieves seized $40,000 from the safe.") == []
    assert _counts(nlp, "Police arrested the second suspect on Friday.") == []


@pytest.mark.parametrize("text, expected", [
    ("Some 2,000 refugees reached the border on foot.", [("AFFECT", 2000, "refugee")]),
    ("The crash left 12 dead.", [("KILL", 12, None)]),
    ("Police reported 40 deaths on the roads over the holiday.", [("KILL", 40, "death")]),
    ("Some 2,000 fans reached the stadium on foot.", []),
    ("Thousands of flags were waved by 600 demonstrators.", [("PROTEST", 600, "demonstrator")]),
])
def test_counted_noun_without_a_trigger_verb(nlp, text: str, expected: list) -> None:
    assert _counts(nlp, text) == expected


def test_event_nouns_count_their_of_complement(nlp) -> None:
    assert _counts(nlp, "He was jailed for 12 years for the killing of two men.") == [("KILL", 2, "man")]
    assert _counts(nlp, "The UN condemned the kidnapping of 20 schoolgirls.") == [("KIDNAP", 20, "schoolgirl")]
    assert _counts(nlp, "The report covers the history of 20 villages.") == []


def test_verb_beats_noun(nlp) -> None:
    """Protesters who are arrested are an arrest count, not a protest count."""
    assert _counts(nlp, "Police arrested 15 protesters outside the parliament.") == [("ARREST", 15, "protester")]


def test_two_counts_in_one_sentence(nlp) -> None:
    assert _counts(nlp, "The rebels killed 12 soldiers and 4 civilians.") == [
        ("KILL", 12, "soldier"), ("KILL", 4, "civilian")]
    assert _counts(nlp, "The bomb killed 5 people and wounded 30 others.") == [
        ("KILL", 5, "people"), ("WOUND", 30, "other")]


def test_reported_and_participle_forms(nlp) -> None:
    assert _counts(nlp, "Nine people were reported killed overnight.") == [("KILL", 9, "people")]
    assert _counts(nlp, "The 12 people killed in the attack were buried on Sunday.") == [("KILL", 12, "people")]


def test_death_toll(nlp) -> None:
    assert _counts(nlp, "The death toll rose to 57 on Monday.") == [("KILL", 57, None)]


def test_ordinary_numbers_are_not_counts(nlp) -> None:
    rows = _rows(nlp, "The firm sold 3 million phones and hired 200 engineers.")
    assert rows and all(r["count_type"] is None and r["place"] is None for r in rows)


def test_every_listed_type_is_a_count_type_and_loaded(tmp_path: Path) -> None:
    t = triggers()
    assert {ct for table in t for ct in table.values()} == set(CountType)
    bad = tmp_path / "bad.toml"
    bad.write_text('[KILL]\nobject = ["kill"]\n[WOUND]\nobject = ["kill"]\n')
    with pytest.raises(ValueError, match="both"):
        triggers.__wrapped__(bad)
    assert isinstance(t, Triggers)


@pytest.mark.parametrize("text", [
    "About 25 people die every day on the country's roads.",
    "Some 300 refugees a week are crossing the river.",
])
def test_rates_are_not_counts(nlp, text: str) -> None:
    assert _counts(nlp, text) == []


def test_the_parts_of_a_date_line_are_not_counts(nlp) -> None:
    text = "BERLIN 2001-05-17 A teacher was arrested on Thursday. Five people were killed in a crash."
    assert _counts(nlp, text) == [("KILL", 5, "people")]


def test_people_already_held_are_counted_through_their_detention_only(nlp) -> None:
    assert _counts(nlp, "A lawyer for six of the detainees spoke to reporters.") == []
    assert _counts(nlp, "Nine detainees were freed on Monday.") == []
    assert _counts(nlp, "Police detained 40 students after the march.") == [("ARREST", 40, "student")]


@pytest.mark.parametrize("text, expected", [
    ("The storm left 300 villagers dead.", [("KILL", 300, "villager")]),
    ("The floods left 2,000 families homeless.", [("AFFECT", 2000, "family")]),
    ("Nearly 80 passengers lost their lives when the ferry sank.", [("KILL", 80, "passenger")]),
])
def test_what_an_event_left_and_lives_lost(nlp, text: str, expected: list) -> None:
    assert _counts(nlp, text) == expected


@pytest.mark.parametrize("text", [
    "The disease causes about 1,500 deaths in the region annually.",
    "The fever kills 400 children each year.",
])
def test_rates_anywhere_in_the_clause_are_not_counts(nlp, text: str) -> None:
    assert _counts(nlp, text) == []


def test_a_time_unit_that_dates_the_event_is_no_rate(nlp) -> None:
    rows = _counts(nlp, "A bomb killed 12 people a day after the election.")
    assert [(t, v) for t, v, _ in rows] == [("KILL", 12)]


def test_a_rate_in_an_embedded_clause_leaves_the_count_alone(nlp) -> None:
    rows = _counts(nlp, "Held twice each year, the raids have arrested 3,000 dealers.")
    assert [(t, v) for t, v, _ in rows] == [("ARREST", 3000)]


def test_the_whole_of_a_partitive_is_no_count_unless_its_noun_is_a_toll(nlp) -> None:
    rows = _counts(nlp, "The ferry sank, killing 312 of the 500 passengers on board.")
    assert [(t, v) for t, v, _ in rows] == [("KILL", 312)]
    rows = _counts(nlp, "Officials reported 9,000 of the 12,000 deaths in the north.")
    assert [(t, v) for t, v, _ in rows] == [("KILL", 9000), ("KILL", 12000)]


@pytest.mark.parametrize("text, expected", [
    ("The landslide claimed at least 40 lives in the hill villages.", [("KILL", 40, "life")]),
    ("Nearly 900 lives were claimed by the outbreak last winter.", [("KILL", 900, "life")]),
    ("The blaze cost 200 jobs and 7 lives.", [("KILL", 7, "life")]),
    ("The heatwave could claim 5,000 lives, experts warned.", []),  # a forecast
    ("The firm claimed 30 new clients in June.", []),  # claiming is not killing without lives
])
def test_lives_an_event_claimed_or_cost(nlp, text: str, expected: list) -> None:
    assert _counts(nlp, text) == expected


def test_assassinations_and_genocide_count_their_victims(nlp) -> None:
    assert _counts(nlp, "Prosecutors linked him to the assassination of five judges.") == [("KILL", 5, "judge")]
    assert _counts(nlp, "The tribunal tried the genocide of 300,000 villagers.") == [("KILL", 300000, "villager")]
