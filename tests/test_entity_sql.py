"""The entity views and named queries on a tiny Parquet lake of our own."""
from __future__ import annotations

from datetime import date, datetime, timezone
from pathlib import Path

import duckdb
import pytest

from conftest import named_query, stand_in_db

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
    {"run_id": "r1", "status": "committed", "started_at": datetime(2015, 5, 13, 1, tzinfo=timezone.utc)},
    {"run_id": "r2", "status": "committed", "started_at": datetime(2015, 5, 14, 23, 30, tzinfo=timezone.utc)},
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
    # a1 again from an older run that a newer one (r2) re-extracted: must not double.
    _ent("a1", "r0", 0, 0, "PERSON:john kerry"),
]
RUNS.append({"run_id": "r0", "status": "committed", "started_at": datetime(2015, 5, 1, tzinfo=timezone.utc)})
NUMBERS = [
    {"article_id": "a3", "run_id": "r2", "sentence": 0, "surface": "6,000", "value": 6000.0,
     "kind": "cardinal", "noun": "people", "verb": "killed"},
    {"article_id": "a2", "run_id": "r1", "sentence": 2, "surface": "220", "value": 220.0,
     "kind": "cardinal", "noun": "soldiers", "verb": "die"},
]


@pytest.fixture()
def con(tmp_path: Path) -> duckdb.DuckDBPyConnection:
    db = stand_in_db(tmp_path, {"articles": ARTICLES, "entities": ENTITIES, "numbers": NUMBERS, "runs": RUNS})
    db.execute((SQL / "entity_views.sql").read_text())
    return db


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


def test_top_entities_by_day_falls_back_to_run_day(con) -> None:
    rows = named_query(con, "top_entities_by_day")
    days = {(r["day"], r["entity_key"]): r["mentions"] for r in rows}
    assert days[(date(2015, 5, 12), "PERSON:john kerry")] == 3
    # a3 has no date: the UTC day its run started, not the local one.
    assert days[(date(2015, 5, 14), "GPE:russia")] == 2
    assert [r["rank"] for r in rows if r["day"] == date(2015, 5, 12)][:2] == [1, 2]


def test_entities_near_verb_defaults_to_kill_and_follows_variable(con) -> None:
    killed = {r["entity_key"]: r for r in named_query(con, "entities_near_verb")}
    assert set(killed) == {"GPE:russia", "GPE:ukraine"}
    assert killed["GPE:russia"]["total_value"] == 6000.0  # two mentions, one number
    con.execute("SET VARIABLE verb = 'die'")
    died = [r["entity_key"] for r in named_query(con, "entities_near_verb")]
    assert died == ["PERSON:sergei lavrov"]
