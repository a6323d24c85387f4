"""The counts view and its named queries: on a hand-made lake, and on the nightly flow over seeds/."""
from __future__ import annotations

from datetime import date, datetime, timezone
from pathlib import Path

import duckdb
import pyarrow.parquet as pq
import pytest

from tasks.numbers.counts import CountType, geocode
from conftest import lake_db, named_query, sql, write_lake

SQL = Path(__file__).resolve().parent.parent / "sql"


def _count(article: str, run: str, start: int, type_: str | None, value: float, noun: str | None,
           place: str | None) -> dict:
    return {"article_id": article, "run_id": run, "sentence": 0, "start": start, "end": start + 2,
            "surface": str(int(value)), "value": value, "kind": "cardinal", "qualifier": "exact",
            "noun": noun, "count_type": type_, "place": place, **geocode(place)}


ARTICLES = [
    {"article_id": "a1", "run_id": "r2", "published": date(2026, 3, 2)},
    {"article_id": "a2", "run_id": "r2", "published": None},
    {"article_id": "copy", "run_id": "r2", "published": date(2026, 3, 2), "duplicate_of": "a1"},
]
RUNS = [
    {"run_id": "r1", "covers": date(2026, 3, 1), "status": "committed",
     "started_at": datetime(2026, 3, 1, 1, tzinfo=timezone.utc)},
    {"run_id": "r2", "covers": date(2026, 3, 3), "status": "committed",
     "started_at": datetime(2026, 3, 3, 1, tzinfo=timezone.utc)},
]
NUMBERS = [
    _count("a1", "r2", 40, "KILL", 12, "soldier", "Mosul"),
    _count("a1", "r2", 10, "WOUND", 30, None, "Mosul"),
    _count("a1", "r2", 90, None, 5, "car", None),
    _count("a1", "r1", 40, "KILL", 11, "soldier", "Mosul"),  # an older run's reading of a1: replaced by r2's
    _count("a2", "r2", 7, "ARREST", 3, "man#boy", "Lyon; France"),
    _count("copy", "r2", 40, "KILL", 12, "soldier", "Mosul"),  # a syndicated copy: never counted twice
]


@pytest.fixture()
def con(tmp_path: Path) -> duckdb.DuckDBPyConnection:
    return lake_db(write_lake(tmp_path, {"articles": ARTICLES, "numbers": NUMBERS}, RUNS))


def test_counts_view_keeps_counts_of_the_newest_run_and_no_copies(con) -> None:
    rows = con.execute("SELECT type, value, object, place, day, article_id, start FROM counts "
                       "ORDER BY article_id, start").fetchall()
    assert rows == [
        ("WOUND", 30, None, "Mosul", date(2026, 3, 2), "a1", 10),
        ("KILL", 12, "soldier", "Mosul", date(2026, 3, 2), "a1", 40),
        # No published date: the day the run covers.
        ("ARREST", 3, "man#boy", "Lyon; France", date(2026, 3, 3), "a2", 7),
    ]
    assert {r[0] for r in rows} <= {t.value for t in CountType}


def test_counts_by_type_and_country_per_day(con) -> None:
    rows = named_query(con, "counts_by_type_and_country")
    assert {(r["day"], r["type"], r["country"], r["reports"], r["total"], r["places"]) for r in rows} == {
        (date(2026, 3, 3), "ARREST", None, 1, 3, "Lyon; France"),  # a name the gazetteer does not know
        (date(2026, 3, 2), "KILL", "IQ", 1, 12, "Mosul"),
        (date(2026, 3, 2), "WOUND", "IQ", 1, 30, "Mosul"),
    }


def test_counts_gkg_renders_v2counts(con) -> None:
    rows = {r["article_id"]: r["v2counts"] for r in named_query(con, "counts_gkg")}
    mosul = "4#Mosul#IQ##36.335#43.11889#99072"  # a world city: LOCTYPE 4, ISO country, coordinates, GeoNames id
    assert rows == {
        "a1": f"WOUND#30##{mosul}#10;KILL#12#soldier#{mosul}#40",
        "a2": "ARREST#3#man boy##Lyon  France######7",
    }
    for block in rows.values():
        assert all(len(c.split("#")) == 11 for c in block.split(";"))


def test_a_country_and_a_us_state_get_gdelts_location_types(tmp_path: Path) -> None:
    numbers = [_count("a1", "r2", 5, "KILL", 4, "miner", "Chile"), _count("a1", "r2", 50, "WOUND", 9, None, "Texas")]
    con = lake_db(write_lake(tmp_path, {"articles": ARTICLES[:1], "numbers": numbers}, RUNS[1:]))
    (block,) = [r["v2counts"] for r in named_query(con, "counts_gkg")]
    first, second = (c.split("#") for c in block.split(";"))
    assert (first[3], first[5]) == ("1", "CL") and (second[3], second[5]) == ("2", "US")


def test_catalog_builds_on_a_lake_without_count_columns(tmp_path: Path) -> None:
    """A lake written before counts existed still gets a (empty) counts view."""
    lake = write_lake(tmp_path, {"articles": ARTICLES, "numbers": NUMBERS}, RUNS)
    for f in lake.table_files("numbers"):
        pq.write_table(pq.read_table(f).drop_columns(["count_type", "place", "place_kind", "country", "lat", "lon", "geonames_id"]), f)
    assert lake_db(lake).execute("SELECT count(*) FROM counts").fetchone() == (0,)


def test_seed_counts_through_the_nightly_flow(seeds_run) -> None:
    data, _ = seeds_run
    rows = sql(data, "SELECT type, value, object, place, country FROM counts JOIN articles USING (article_id) "
                     "WHERE title LIKE 'Ukraine crisis%' ORDER BY start")
    # World War Two is a name and "two days" a duration: neither is a count of anything.
    assert rows == [("KILL", 6000, "people", "Ukraine", "UA"), ("KILL", 220, "soldier", "Ukraine", "UA"),
                    ("KILL", 3, "soldier", "Ukraine", "UA")]
    gkg = dict(sql(data, "SELECT article_id, v2counts FROM (" + (SQL / "queries" / "counts_gkg.sql").read_text()
                        .rstrip().rstrip(";") + ")"))
    assert any("KILL#6000#people#1#Ukraine#UA####690791#" in v for v in gkg.values())
