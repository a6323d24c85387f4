"""The lake's promise: nothing is visible until a run commits, leftovers are cleaned."""
from __future__ import annotations

from datetime import date, datetime, timezone

import duckdb
import pytest

from tasks import catalog, lake as lake_mod
from tasks.lake import Lake
from tasks.lock import DataDirBusy, data_dir_lock
from tasks.schemas import TABLES, from_rows

DAY = date(2026, 11, 1)


def _article(article_id: str, run_id: str) -> dict:
    return {"article_id": article_id, "run_id": run_id, "source": f"{article_id}.txt", "text": "x", "n_words": 1}


def _run_row(run_id: str, status: str = "committed", supersedes=None) -> dict:
    now = datetime.now(timezone.utc)
    return {"run_id": run_id, "covers": DAY, "started_at": now, "finished_at": now, "status": status,
            "supersedes": supersedes}


def _stage_and_commit(lake: Lake, run_id: str, ids: list[str], supersedes=None) -> None:
    lake_mod.write_part(lake, run_id, "articles", 0, from_rows("articles", [_article(i, run_id) for i in ids]))
    lake_mod.commit(lake, run_id, DAY, from_rows("runs", [_run_row(run_id, supersedes=supersedes)]))


def _ids(lake: Lake) -> list[str]:
    catalog.build(lake)
    with duckdb.connect(str(lake.catalog), read_only=True) as con:
        return sorted(r[0] for r in con.execute("SELECT article_id FROM articles").fetchall())


def test_commit_writes_one_file_per_table_and_makes_rows_visible(tmp_path):
    lake = Lake(tmp_path)
    _stage_and_commit(lake, "r1", ["a", "b"])
    assert _ids(lake) == ["a", "b"]
    for table in TABLES:
        assert len(lake.table_files(table)) == 1, table
    assert not lake.staging("r1").exists()


def test_uncommitted_run_is_invisible_and_cleaned(tmp_path):
    lake = Lake(tmp_path)
    _stage_and_commit(lake, "r1", ["a"])
    # A run killed after staging and after moving one table file, before its runs row.
    lake_mod.write_part(lake, "r2", "articles", 0, from_rows("articles", [_article("z", "r2")]))
    lake_mod._merge_parts([lake.part_path("r2", "articles", 0)], TABLES["articles"],
                          lake.table_file("articles", DAY, "r2"))
    assert _ids(lake) == ["a"]
    removed = lake_mod.clean_stale(lake)
    assert any("r2" in r for r in removed)
    assert not lake.table_file("articles", DAY, "r2").exists()
    assert not lake.staging_root.exists() or not any(lake.staging_root.iterdir())


def test_superseded_runs_disappear_from_views(tmp_path):
    lake = Lake(tmp_path)
    _stage_and_commit(lake, "r1", ["a"])
    _stage_and_commit(lake, "r2", ["a2"], supersedes=["r1"])
    assert _ids(lake) == ["a2"]
    assert lake_mod.live_run_ids(lake) == {"r2"}


def test_failed_run_is_listed_but_owns_no_rows(tmp_path):
    lake = Lake(tmp_path)
    _stage_and_commit(lake, "r1", ["a"])
    lake_mod.write_part(lake, "r2", "articles", 0, from_rows("articles", [_article("z", "r2")]))
    lake_mod.record_failure(lake, DAY, from_rows("runs", [_run_row("r2", status="failed")]))
    assert _ids(lake) == ["a"]
    _, rows = catalog.run_sql(lake, "SELECT run_id, status FROM runs ORDER BY run_id")
    assert rows == [("r1", "committed"), ("r2", "failed")]


def test_catalog_before_any_run_says_so(tmp_path):
    with pytest.raises(catalog.CatalogError, match="no runs"):
        catalog.build(Lake(tmp_path))


def test_named_query_unknown_and_bad_sql_are_one_line_errors(tmp_path):
    lake = Lake(tmp_path)
    _stage_and_commit(lake, "r1", ["a"])
    with pytest.raises(catalog.CatalogError, match="no query named"):
        catalog.query_sql("nope")
    with pytest.raises(catalog.CatalogError) as exc:
        catalog.run_sql(lake, "SELEC oops")
    assert "\n" not in str(exc.value)


def test_catalog_is_read_only_for_queries(tmp_path):
    lake = Lake(tmp_path)
    _stage_and_commit(lake, "r1", ["a"])
    with pytest.raises(catalog.CatalogError):
        catalog.run_sql(lake, "DROP VIEW articles")


def test_second_lock_holder_is_refused_with_a_clear_message(tmp_path):
    with data_dir_lock(tmp_path):
        with pytest.raises(DataDirBusy, match="in use by another newsflow run"):
            with data_dir_lock(tmp_path, wait_seconds=0.2):
                pass
    with data_dir_lock(tmp_path):  # released on exit
        pass
