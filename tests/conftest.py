"""Shared fixtures: one spaCy pipeline for the whole session."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

# The test server writes task-run states every second, not every 5 s, so a failing
# run's wait for them (flows.failures.recorder_lag) costs the suite 2 s, not 6.
os.environ.setdefault("PREFECT_SERVER_SERVICES_TASK_RUN_RECORDER_FLUSH_INTERVAL", "1")

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
SEEDS = ROOT / "seeds"


@pytest.fixture(scope="session")
def nlp():
    from tasks.nlp import load_model

    return load_model()


@pytest.fixture(scope="session")
def seed_text() -> str:
    return (SEEDS / "000_e5e4900b5f92f034.txt").read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def prefect_harness():
    """One temporary Prefect server for every flow-level test (it takes ~20 s to start)."""
    from prefect.testing.utilities import prefect_test_harness

    with prefect_test_harness(server_startup_timeout=180):
        yield


@pytest.fixture(scope="session")
def seeds_run(prefect_harness, tmp_path_factory):
    """The nightly flow run once over seeds/, shared by the tests that read its tables."""
    from flows.nightly import nightly

    data = tmp_path_factory.mktemp("seeds-data")
    summary = nightly(source=str(SEEDS), data_dir=str(data))
    return data, summary


def sql(data_dir, query: str) -> list[tuple]:
    from tasks.catalog import run_sql
    from tasks.lake import Lake

    return run_sql(Lake(data_dir), query)[1]


def write_lake(root: Path, tables: dict[str, list[dict]], runs: list[dict]):
    """A lake laid out as the flow commits it: one file per table and run, every run committed."""
    import pyarrow.parquet as pq

    from tasks.lake import Lake
    from tasks.schemas import TABLES, from_rows

    lake = Lake(root)
    covers = {r["run_id"]: r["covers"] for r in runs}
    for run in runs:
        rid = run["run_id"]
        for name in TABLES:
            rows = [{"status": "committed", **run}] if name == "runs" else [
                r for r in tables.get(name, []) if r["run_id"] == rid]
            path = lake.table_file(name, covers[rid], rid)
            path.parent.mkdir(parents=True, exist_ok=True)
            pq.write_table(from_rows(name, rows), path)
    return lake


def lake_db(lake):
    """An in-memory DuckDB with the catalog's own views (sql/) over ``lake``."""
    import duckdb

    from tasks.catalog import view_sql
    from tasks.lake import write_schema_files

    write_schema_files(lake)
    db = duckdb.connect(":memory:")
    db.execute(view_sql(lake))
    return db


def named_query(db, name: str) -> list[dict]:
    """Rows of ``sql/queries/<name>.sql`` as dicts."""
    rel = db.execute((ROOT / "sql" / "queries" / f"{name}.sql").read_text())
    cols = [d[0] for d in rel.description]
    return [dict(zip(cols, row)) for row in rel.fetchall()]
