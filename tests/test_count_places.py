"""Where an event count happened, from sentences written for these tests: the place phrase,
the article's own place, datelines, nationalities, and the geocoding of each (one test per rule)."""
from __future__ import annotations

from tasks.numbers import extract_numbers
from tasks.numbers.counts import geocode
from test_counts import _rows


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


def test_a_small_foreign_namesake_of_a_local_place_is_not_geocoded(nlp) -> None:
    british = nlp("Ministers in London and police chiefs across Britain met on Monday.")
    assert geocode("Kent", british)["country"] is None  # the county, which the gazetteer lacks
    assert geocode("Newcastle", british)["country"] == "GB"
    assert geocode("Paris", british)["country"] == "FR"  # a famous city stays itself
    american = nlp("Officials in Washington and across the United States met on Monday.")
    assert geocode("Kent", american)["country"] == "US"


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
