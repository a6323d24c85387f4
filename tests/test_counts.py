"""Event counts (GDELT GKG types) from sentences written for these tests: one test per rule."""
from __future__ import annotations

from pathlib import Path

import pytest

from tasks.numbers import extract_numbers
from tasks.numbers.counts import CountType, Triggers, geocode, triggers


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


def test_place_prefers_the_event_location(nlp) -> None:
    rows = _rows(nlp, "Speaking in Paris, the minister said 8 soldiers were killed in Mosul.")
    assert [(r["count_type"], r["place"]) for r in rows] == [("KILL", "Mosul")]


def test_place_phrase_beats_a_bare_mention(nlp) -> None:
    rows = _rows(nlp, "Spain mourned as 191 people were killed after bombs hit trains in Madrid.")
    assert [(r["count_type"], r["place"]) for r in rows] == [("KILL", "Madrid")]


def test_place_falls_back_to_a_neighbouring_place_phrase_then_the_article(nlp) -> None:
    text = ("Heavy rain fell across Kenya on Monday. Floods hit villages in Kisumu. "
            "At least 14 people drowned overnight.")
    assert [r["place"] for r in _rows(nlp, text) if r["count_type"]] == ["Kisumu"]
    text = ("Kenya said the rains would go on. Kenya asked for help. The rains were heavy. "
            "Officials were worried. At least 14 people drowned overnight.")
    assert [r["place"] for r in _rows(nlp, text) if r["count_type"]] == ["Kenya"]


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


def _placed(nlp, text: str) -> list[tuple[str | None, str | None]]:
    return [(r["place"], r["country"]) for r in _rows(nlp, text) if r["count_type"]]


def test_a_country_the_model_tags_as_a_person_is_a_place(nlp) -> None:
    doc = nlp("Sri Lanka mourned on Monday. Floods killed 40 people there, officials said.")
    assert [e.label_ for e in doc.ents if e.text == "Sri Lanka"] != ["GPE"]  # the model's mistake this rule is for
    assert _placed(nlp, doc.text) == [("Sri Lanka", "LK")]


def test_a_possessive_is_not_part_of_the_place(nlp) -> None:
    text = "Nine soldiers were killed, and the general ordered the grounding of the Ivory Coast's air force."
    assert _placed(nlp, text) == [("the Ivory Coast", "CI")]


def test_a_nationality_then_the_dateline_stand_in_for_a_missing_place(nlp) -> None:
    text = ("PARIS (Reuters) - The minister flew home on Friday. Officials met later. "
            "Three Russian soldiers were killed in an ambush.")
    assert _placed(nlp, text) == [("Russia", "RU")]
    text = ("MADRID (Reuters) - Officials met later that day. The talks went on. "
            "At least 12 people were injured when a bus overturned.")
    assert _placed(nlp, text) == [("Madrid", "ES")]


def test_a_city_name_is_read_in_the_article_country(nlp) -> None:
    text = ("Leeds and Sunderland fans clashed in England. Police arrested 12 fans in Newcastle after the match, "
            "a spokesman for the police in Britain said.")
    assert _placed(nlp, text) == [("Newcastle", "GB")]
    text = "Officials in Australia said 7 people were injured in Newcastle when a roof fell."
    assert _placed(nlp, text) == [("Newcastle", "AU")]


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


def test_a_small_foreign_namesake_of_a_local_place_is_not_geocoded(nlp) -> None:
    british = nlp("Ministers in London and police chiefs across Britain met on Monday.")
    assert geocode("Kent", british)["country"] is None  # the county, which the gazetteer lacks
    assert geocode("Newcastle", british)["country"] == "GB"
    assert geocode("Paris", british)["country"] == "FR"  # a famous city stays itself
    american = nlp("Officials in Washington and across the United States met on Monday.")
    assert geocode("Kent", american)["country"] == "US"


def test_the_whole_of_a_partitive_is_no_count_unless_its_noun_is_a_toll(nlp) -> None:
    rows = _counts(nlp, "The ferry sank, killing 312 of the 500 passengers on board.")
    assert [(t, v) for t, v, _ in rows] == [("KILL", 312)]
    rows = _counts(nlp, "Officials reported 9,000 of the 12,000 deaths in the north.")
    assert [(t, v) for t, v, _ in rows] == [("KILL", 9000), ("KILL", 12000)]


def test_a_dateline_far_from_the_story_names_the_desk_not_the_place(nlp) -> None:
    text = ("PARIS (Reuters) - Algeria said on Friday that talks in Algeria would resume. Algeria's army was "
            "on alert. Officials met later. At least 12 people were injured when a bus overturned.")
    assert _placed(nlp, text) == [("Algeria", "DZ")]


def test_neighbouring_place_phrase_needs_no_parse_of_that_sentence(nlp) -> None:
    """Under the default selective parse the sentence that sets the scene has no number, so
    it is not parsed; its place phrase still places the toll."""
    from tasks.components import ParseMode
    from tasks.parse import parse_docs

    text = ("Kenya has sent boats. Floods swept through villages in western Uganda on Monday. "
            "At least 14 people drowned overnight, officials said. Kenya and Kenya again.")
    for mode in ParseMode:
        (doc,), _ = parse_docs([text], ["a"], 0, mode=mode)
        assert [r["place"] for r in extract_numbers(doc) if r["count_type"]] == ["Uganda"], mode


def test_a_nationality_that_names_the_scene_beats_a_neighbouring_place(nlp) -> None:
    text = ("Police in Lagos were on alert. Gunmen raided farms in at least four Nigerian states on Sunday, "
            "killing 23 villagers.")
    assert _placed(nlp, text) == [("Nigeria", "NG")]


def test_a_nationality_elsewhere_in_the_sentence_is_not_the_place(nlp) -> None:
    """The airliner's nationality is not where it crashed: the dateline's place stands in."""
    text = ("OSLO (Reuters) - Rescuers worked through the night. A Russian airliner crashed into a hillside "
            "as it came in to land, killing all 90 people on board.")
    assert _placed(nlp, text) == [("Oslo", "NO")]


def test_a_place_in_the_count_clause_beats_one_outside_it(nlp) -> None:
    assert _placed(nlp, "Syria's army killed 12 people, Jordan said on Monday.") == [("Syria", "SY")]


def test_the_victims_or_attackers_nationality_places_a_sentence_without_places(nlp) -> None:
    text = "Syrian government forces killed 30 rebels, the monitoring group said."
    assert _placed(nlp, text) == [("Syria", "SY")]


def test_a_dateline_inside_the_continent_the_story_names_is_the_place(nlp) -> None:
    text = ("LONDON (Reuters) - Storms swept Europe on Monday. Europe braced for more, and Europe's leaders met. "
            "The talks went on. At least 30 people were killed.")
    assert _placed(nlp, text) == [("London", "GB")]


def test_a_place_named_through_a_place_noun_is_a_place_phrase(nlp) -> None:
    assert _placed(nlp, "Floods in Kenya killed 14 people near the town of Nakuru.") == [("Nakuru", "KE")]


def test_a_city_the_model_tags_as_a_person_is_a_place_after_a_place_preposition(nlp) -> None:
    doc = nlp("Clashes wounded 25 people in Sanaa.")
    assert [e.label_ for e in doc.ents if e.text == "Sanaa"] != ["GPE"]  # the model's mistake this rule is for
    assert _placed(nlp, doc.text) == [("Sanaa", "YE")]


def test_the_capital_is_that_of_the_country_the_story_reports_from(nlp) -> None:
    text = ("Kenya's rains went on. Kenya asked for help. Officials were worried. "
            "Floods killed 14 people in the capital.")
    assert _placed(nlp, text) == [("Nairobi", "KE")]
    text = ("LIMA (Reuters) - Officials met on Monday. The talks went on. "
            "Floods killed 14 people in the Peruvian capital.")
    assert _placed(nlp, text) == [("Peru", "PE")]


def test_a_destination_is_not_where_the_event_happened(nlp) -> None:
    """The bus was bound for Nairobi; the neighbouring sentence says where it crashed."""
    text = ("A bus overturned on a mountain road in Uganda on Sunday. "
            "Twelve passengers were killed on the bus, which had left for Nairobi at dawn.")
    assert _placed(nlp, text) == [("Uganda", "UG")]
    # ``to`` names a place reached: the refugees are in Jordan, the soldiers were killed in Mosul.
    text = "Ministers met in London on Monday. Twelve refugees who fled to Jordan were injured in a fire."
    assert _placed(nlp, text) == [("Jordan", "JO")]
    text = "Ministers met in London on Monday. Troops were sent to Mosul after 40 soldiers were killed there."
    assert _placed(nlp, text) == [("Mosul", "IQ")]


def test_a_place_named_once_among_others_is_not_the_story_place(nlp) -> None:
    """Places each named once are passing: a count whose sentences name none stays unplaced rather than
    take the first of them; a place named twice, or the only one, is the story's."""
    text = "Judges from Paris and Berlin praised the film on Sunday. Two crew members drowned during filming."
    assert _placed(nlp, text) == [(None, None)]
    text = ("Judges from Paris and Berlin praised the film on Sunday. Paris gave it a prize. "
            "Two crew members drowned during filming.")
    assert _placed(nlp, text) == [("Paris", "FR")]


def test_a_nationality_named_often_is_the_story_place_when_no_place_is(nlp) -> None:
    """Lima and Cusco are named once each; the story is Peruvian throughout."""
    text = ("Peruvian police raided a warehouse on Monday. Officials from Lima and Cusco attended. "
            "Police detained 14 people, Peruvian media said.")
    assert _placed(nlp, text) == [("Peru", "PE")]


def test_the_name_the_article_gives_the_event_places_it(nlp) -> None:
    """``killed in the bombing`` is placed by ``the Kabul bombing`` before a neighbouring place phrase;
    a country's nationality before the event names an actor, not the place."""
    text = ("The Kabul bombing shocked the country. Ministers in London condemned it. "
            "Officials said 12 people were killed in the bombing.")
    assert _placed(nlp, text) == [("Kabul", "AF")]
    text = ("The Russian attack began at dawn. Ministers in London condemned it. "
            "Officials said 12 people were killed in the attack.")
    assert _placed(nlp, text) == [("London", "GB")]


def test_where_the_counted_come_from_is_not_the_scene(nlp) -> None:
    text = ("Rescuers searched the rubble after the Asian earthquake. "
            "Four tourists from Norway died in the earthquake, officials said.")
    assert _placed(nlp, text) == [("Asia", None)]


def test_a_country_named_once_still_sets_the_story_place(nlp) -> None:
    """Paris and Portugal are each named once: the country is the story's scale, the city passing."""
    text = ("Judges from Paris praised the film on Sunday. Portugal had paid for most of it. "
            "The crew worked long days. Two crew members drowned during filming.")
    assert _placed(nlp, text) == [("Portugal", "PT")]


def test_a_toll_for_the_whole_world_has_no_place(nlp) -> None:
    text = ("Peru reported new cases of the fever on Monday. Peru has asked for vaccines. "
            "The fever killed 12,000 people around the world last year, the agency said.")
    assert _placed(nlp, text) == [(None, None)]
    text = "Peru has asked for vaccines. Officials recorded 900 deaths worldwide from the fever."
    assert _placed(nlp, text) == [(None, None)]
    # A ranking is no scope: the toll stays in the story's place.
    text = ("Peru has asked for vaccines. Peru fears the fever. "
            "The fever, among the deadliest in the world, killed 40 people last week.")
    assert _placed(nlp, text) == [("Peru", "PE")]


def test_a_count_spread_over_a_list_of_countries_is_their_continent(nlp) -> None:
    text = "The floods have left at least 300 people dead, with Peru, Chile, Bolivia and Ecuador worst hit."
    assert _placed(nlp, text) == [("South America", None)]
    # Two countries are a pair the event straddles: the nearer stays.
    text = "The floods killed 30 people in Peru and Chile."
    assert _placed(nlp, text) == [("Peru", "PE")]
    # Countries of two continents share none: the nearest stays.
    text = "The floods have left at least 300 people dead, with Peru, Spain and Kenya worst hit."
    assert _placed(nlp, text) == [("Peru", "PE")]


def test_of_bare_mentions_the_place_closest_in_the_parse_wins(nlp) -> None:
    """Madagascar is nearer the toll in words, but sits in a clause about the storm; the clause on the
    killing names Mozambique."""
    text = "The storm, which began over Madagascar, killed 30 people when it later struck Mozambique."
    assert _placed(nlp, text) == [("Mozambique", "MZ")]


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
