"""The entity views and named queries on a tiny Parquet lake of our own."""
from __future__ import annotations

from datetime import date, datetime, timezone
from pathlib import Path

import duckdb
import pytest

from conftest import lake_db, named_query, write_lake

SQL = Path(__file__).resolve().parent.parent / "sql"


def _ent(article: str, run: str, sentence: int, start: int, key: str) -> dict:
    label, name = key.split(":", 1)
    return {
        "article_id": article, "run_id": run, "sentence": sentence, "start": start,
        "end": start + len(name), "text": name.title(), "label": label,
        "canonical": name.title(), "entity_key": key,
    }


ARTICLES = [
    {"article_id": "a1", "run_id": "r1", "published": date(2015, 5, 12), "title": "Kerry in Sochi"},
    {"article_id": "a2", "run_id": "r1", "published": date(2015, 5, 12), "title": "Kerry and Lavrov"},
    {"article_id": "a3", "run_id": "r2", "published": None, "title": "Undated"},
]
RUNS = [
    # r2 is a backfill: it ran on 14 May (UTC, late evening) for the night of 3 May.
    {"run_id": "r0", "covers": date(2015, 5, 1), "started_at": datetime(2015, 5, 1, tzinfo=timezone.utc)},
    {"run_id": "r1", "covers": date(2015, 5, 12), "started_at": datetime(2015, 5, 13, 1, tzinfo=timezone.utc)},
    {"run_id": "r2", "covers": date(2015, 5, 3), "started_at": datetime(2015, 5, 14, 23, 30, tzinfo=timezone.utc)},
]
ENTITIES = [
    _ent("a1", "r1", 0, 0, "PERSON:john kerry"),
    _ent("a1", "r1", 0, 20, "GPE:russia"),
    _ent("a1", "r1", 1, 40, "PERSON:john kerry"),
    _ent("a1", "r1", 1, 60, "GPE:sochi"),
    _ent("a2", "r1", 0, 0, "PERSON:john kerry"),
    _ent("a2", "r1", 0, 30, "GPE:russia"),
    _ent("a2", "r1", 2, 50, "PERSON:sergei lavrov"),
    _ent("a3", "r2", 0, 0, "GPE:ukraine"),
    _ent("a3", "r2", 0, 10, "GPE:russia"),
    _ent("a3", "r2", 0, 30, "GPE:russia"),
    # a1 again from an older run that a newer one (r1) re-extracted: must not double.
    _ent("a1", "r0", 0, 0, "PERSON:john kerry"),
]
NUMBERS = [
    {"article_id": "a3", "run_id": "r2", "sentence": 0, "surface": "6,000", "value": 6000.0,
     "kind": "cardinal", "noun": "people", "verb": "killed"},
    {"article_id": "a2", "run_id": "r1", "sentence": 2, "surface": "220", "value": 220.0,
     "kind": "cardinal", "noun": "soldiers", "verb": "die"},
]


@pytest.fixture()
def con(tmp_path: Path) -> duckdb.DuckDBPyConnection:
    tables = {"articles": ARTICLES, "entities": ENTITIES, "numbers": NUMBERS}
    return lake_db(write_lake(tmp_path, tables, RUNS))



def test_article_entities_counts_mentions_and_share(con) -> None:
    rows = con.execute(
        "SELECT article_id, entity_key, mentions, first_start, first_sentence, share "
        "FROM article_entities ORDER BY article_id, entity_key"
    ).fetchall()
    assert ("a1", "PERSON:john kerry", 2, 0, 0, 0.5) in rows
    assert ("a3", "GPE:russia", 2, 10, 0, pytest.approx(2 / 3)) in rows
    # The older run's copy of a1 is ignored.
    assert len([r for r in rows if r[0] == "a1"]) == 3


def test_co_occurring_pairs(con) -> None:
    rows = named_query(con, "entity_pairs")
    assert rows[0] == {
        "entity_a": "GPE:russia", "entity_b": "PERSON:john kerry", "articles": 2, "joint_mentions": 2
    }
    assert all(r["entity_a"] < r["entity_b"] for r in rows)
    pairs = {(r["entity_a"], r["entity_b"]): r["articles"] for r in rows}
    assert pairs[("GPE:russia", "GPE:ukraine")] == 1
    assert ("PERSON:john kerry", "GPE:russia") not in pairs


def test_entities_by_mentions(con) -> None:
    rows = named_query(con, "entities_by_mentions")
    top = {r["entity_key"]: (r["mentions"], r["articles"]) for r in rows}
    assert rows[0]["entity_key"] == "GPE:russia"
    assert top["GPE:russia"] == (4, 3)
    assert top["PERSON:john kerry"] == (3, 2)


def test_top_entities_by_day_falls_back_to_the_day_the_run_covers(con) -> None:
    rows = named_query(con, "top_entities_by_day")
    days = {(r["day"], r["entity_key"]): r["mentions"] for r in rows}
    assert days[(date(2015, 5, 12), "PERSON:john kerry")] == 3
    # a3 has no date: the day its (backfill) run covers, not the day it ran.
    assert days[(date(2015, 5, 3), "GPE:russia")] == 2
    assert [r["rank"] for r in rows if r["day"] == date(2015, 5, 12)][:2] == [1, 2]


def test_entities_near_verb_defaults_to_kill_and_follows_variable(con) -> None:
    killed = {r["entity_key"]: r for r in named_query(con, "entities_near_verb")}
    assert set(killed) == {"GPE:russia", "GPE:ukraine"}
    assert killed["GPE:russia"]["total_value"] == 6000.0  # two mentions, one number
    con.execute("SET VARIABLE verb = 'die'")
    died = [r["entity_key"] for r in named_query(con, "entities_near_verb")]
    assert died == ["PERSON:sergei lavrov"]


def test_every_query_agrees_on_the_day(con) -> None:
    per_day = {r["day"]: r["articles"] for r in named_query(con, "articles_per_day")}
    top_days = {r["day"] for r in named_query(con, "top_entities_by_day")}
    assert per_day == {date(2015, 5, 12): 2, date(2015, 5, 3): 1}
    assert top_days <= set(per_day)


def _mention(article: str, run: str, start: int, text: str, label: str, canonical: str, key: str) -> dict:
    return {"article_id": article, "run_id": run, "sentence": 0, "start": start, "end": start + len(text),
            "text": text, "label": label, "canonical": canonical, "entity_key": key}


def _night(tmp_path: Path, entities: list[dict], runs: list[dict]) -> duckdb.DuckDBPyConnection:
    """Lake of the given runs with the alias evidence tasks.aliases stages for each."""
    from tasks.aliases import night_links

    links = []
    for run in runs:
        links += night_links([e for e in entities if e["run_id"] == run["run_id"]], run["run_id"]).to_pylist()
    arts = [{"article_id": a, "run_id": r} for a, r in {(e["article_id"], e["run_id"]) for e in entities}]
    return lake_db(write_lake(tmp_path, {"entities": entities, "entity_aliases": links, "articles": arts}, runs))


NIGHTS = [
    {"run_id": "n1", "covers": date(1987, 3, 3), "started_at": datetime(1987, 3, 4, tzinfo=timezone.utc)},
    {"run_id": "n2", "covers": date(1987, 3, 4), "started_at": datetime(1987, 3, 5, tzinfo=timezone.utc)},
]


def test_acronym_defined_in_one_article_keys_it_in_another_and_on_later_nights(tmp_path: Path) -> None:
    api = "ORG:american petroleum institute"
    con = _night(tmp_path, [
        _mention("w1", "n1", 0, "American Petroleum Institute", "ORG", "American Petroleum Institute", api),
        _mention("w1", "n1", 40, "API", "ORG", "American Petroleum Institute", api),
        _mention("w2", "n1", 0, "API", "ORG", "API", "ORG:api"),
        _mention("w3", "n2", 0, "API", "ORG", "API", "ORG:api"),
    ], NIGHTS)
    rows = {r["entity_key"]: r for r in named_query(con, "entities_by_mentions")}
    assert set(rows) == {api}
    assert rows[api]["articles"] == 3 and rows[api]["canonical"] == "American Petroleum Institute"
    # The entity rows themselves still say what each article proved.
    assert con.execute("SELECT count(*) FROM entities WHERE entity_key = 'ORG:api'").fetchone()[0] == 2


def test_acronym_with_two_expansions_and_equal_votes_links_to_neither(tmp_path: Path) -> None:
    con = _night(tmp_path, [
        _mention("w1", "n1", 0, "ANC", "ORG", "African National Congress", "ORG:african national congress"),
        _mention("w2", "n1", 0, "ANC", "ORG", "Alaska Native Corporation", "ORG:alaska native corporation"),
        _mention("w3", "n1", 0, "ANC", "ORG", "ANC", "ORG:anc"),
    ], NIGHTS[:1])
    keys = {r["entity_key"] for r in named_query(con, "entities_by_mentions")}
    assert "ORG:anc" in keys


def test_surname_links_across_articles_only_when_one_full_name_owns_it_that_night(tmp_path: Path) -> None:
    con = _night(tmp_path, [
        _mention("w1", "n1", 0, "James Baker", "PERSON", "James Baker", "PERSON:james baker"),
        _mention("w0", "n1", 0, "James Baker", "PERSON", "James Baker", "PERSON:james baker"),
        _mention("w2", "n1", 0, "Baker", "PERSON", "Baker", "PERSON:baker"),
        # The next night two Bakers are named in full: a bare Baker is neither.
        _mention("w3", "n2", 0, "James Baker", "PERSON", "James Baker", "PERSON:james baker"),
        _mention("w4", "n2", 0, "Howard Baker", "PERSON", "Howard Baker", "PERSON:howard baker"),
        _mention("w5", "n2", 0, "Baker", "PERSON", "Baker", "PERSON:baker"),
    ], NIGHTS)
    rows = {r["entity_key"]: r["articles"] for r in named_query(con, "entities_by_mentions")}
    assert rows == {"PERSON:james baker": 4, "PERSON:howard baker": 1, "PERSON:baker": 1}


def test_display_name_is_never_a_dateline_in_capitals(tmp_path: Path) -> None:
    con = _night(tmp_path, [
        _mention("w1", "n1", 0, "WASHINGTON", "GPE", "WASHINGTON", "GPE:gn:4140963"),
        _mention("w2", "n1", 0, "WASHINGTON", "GPE", "WASHINGTON", "GPE:gn:4140963"),
        _mention("w2", "n1", 50, "Washington", "GPE", "Washington", "GPE:gn:4140963"),
        _mention("w3", "n1", 0, "NATO", "ORG", "NATO", "ORG:nato"),
    ], NIGHTS[:1])
    names = {r["entity_key"]: r["canonical"] for r in named_query(con, "entities_by_mentions")}
    assert names == {"GPE:gn:4140963": "Washington", "ORG:nato": "NATO"}


def _party_night(run: str) -> list[dict]:
    role = {"role": "leader PERSON:ann fenwick"}
    return [
        dict(_mention(f"{run}a", run, 0, "Whig", "NORP", "Whig", "NORP:whig"), **role),
        dict(_mention(f"{run}b", run, 0, "Progressive", "NORP", "Progressive", "NORP:progressive"), **role),
        _mention(f"{run}c", run, 0, "Whig", "NORP", "Whig", "NORP:whig"),
    ]


def test_two_names_of_one_group_merge_from_the_second_night_that_shows_it(tmp_path: Path) -> None:
    one = _night(tmp_path / "one", _party_night("n1"), NIGHTS[:1])
    assert {r["entity_key"] for r in named_query(one, "entities_by_mentions")} == {"NORP:whig", "NORP:progressive"}
    two = _night(tmp_path / "two", _party_night("n1") + _party_night("n2"), NIGHTS)
    rows = {r["entity_key"]: r for r in named_query(two, "entities_by_mentions")}
    assert set(rows) == {"NORP:progressive"} and rows["NORP:progressive"]["articles"] == 6
