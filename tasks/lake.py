"""The Parquet lake: staged writes, an atomic commit per run, and what earlier runs left.

Layout under the data dir::

    lake/<table>/covers=YYYY-MM-DD/<run_id>.parquet   committed, one file per table per run
    staging/<run_id>/<table>/part-00003.parquet       written batch by batch while a run goes on
    staging/<run_id>/docs/batch-00003.spacy           parsed batches, shared by entities and numbers

A run becomes visible only when its ``runs`` row is written, which happens
last, after every table file has been renamed into place. The DuckDB views
read committed runs only, so a run killed at any point shows nothing; the
next run deletes its leftovers and, since its input files were never recorded
in a committed ``files`` table, reads them again.
"""
from __future__ import annotations

import os
import shutil
import signal
import uuid
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from tasks.schemas import TABLES

# Row groups of this many rows keep DuckDB's parallel scans busy without
# thousands of tiny groups; per-run files stay one per table.
ROW_GROUP_ROWS = 64_000


@dataclass(frozen=True)
class Lake:
    """Paths of one data dir; cheap to pickle to a worker."""

    data_dir: Path

    @property
    def root(self) -> Path:
        return self.data_dir / "lake"

    @property
    def staging_root(self) -> Path:
        return self.data_dir / "staging"

    @property
    def catalog(self) -> Path:
        return self.data_dir / "newsflow.duckdb"

    def staging(self, run_id: str) -> Path:
        return self.staging_root / run_id

    def part_path(self, run_id: str, table: str, batch: int) -> Path:
        return self.staging(run_id) / table / f"part-{batch:05d}.parquet"

    def docs_path(self, run_id: str, batch: int) -> Path:
        return self.staging(run_id) / "docs" / f"batch-{batch:05d}.spacy"

    def table_file(self, table: str, covers: date, run_id: str) -> Path:
        return self.root / table / f"covers={covers.isoformat()}" / f"{run_id}.parquet"

    def table_files(self, table: str) -> list[Path]:
        return sorted((self.root / table).glob("covers=*/*.parquet"))

    def schema_file(self, table: str) -> Path:
        """An empty file with the table's current schema, beside its runs' files: the views
        read it with them, so a table no run has written yet, or a column added since the
        oldest files were written, still reads (as no rows, as NULLs)."""
        return self.root / table / "schema" / "current.parquet"


def fault_point(name: str) -> None:
    """Crash-test hook: ``NEWSFLOW_FAULT=<name>`` SIGKILLs this process at that point.

    Points: ``commit:after-articles`` (a table merged into the lake, the run not yet
    committed), ``commit:after-runs`` (committed, staging not yet removed) and
    ``parse:batch-<n>`` (the process parsing batch n, a pool's worker, as the OOM killer would).
    Used by tests/test_crash.py; unset in normal runs, where it costs one dict lookup.
    """
    if os.environ.get("NEWSFLOW_FAULT") == name:
        os.kill(os.getpid(), signal.SIGKILL)


def _write_atomic(table: pa.Table, path: Path) -> None:
    """Write to a temporary name, fsync, rename: readers see all or nothing."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    pq.write_table(table, tmp, row_group_size=ROW_GROUP_ROWS, compression="zstd")
    with open(tmp, "rb") as fh:
        os.fsync(fh.fileno())
    os.replace(tmp, path)


def write_schema_files(lake: Lake) -> None:
    """(Re)write each table's ``schema_file`` where it is missing or out of date."""
    for table, schema in TABLES.items():
        path = lake.schema_file(table)
        if path.exists() and pq.read_schema(path).remove_metadata().equals(schema.remove_metadata()):
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        _write_atomic(schema.empty_table(), path)


def write_part(lake: Lake, run_id: str, table: str, batch: int, data: pa.Table) -> Path:
    """Stage one batch's rows of ``table``; invisible to readers until commit."""
    path = lake.part_path(run_id, table, batch)
    _write_atomic(data.cast(TABLES[table]), path)
    return path


def _merge_parts(parts: list[Path], schema: pa.Schema, dest: Path) -> int:
    """Stream staged parts into one file, a row group at a time (memory stays flat)."""
    dest.parent.mkdir(parents=True, exist_ok=True)
    tmp = dest.with_name(dest.name + ".tmp")
    rows = 0
    with pq.ParquetWriter(tmp, schema, compression="zstd") as writer:
        pending: list[pa.Table] = []
        pending_rows = 0
        for part in parts:
            t = pq.read_table(part, schema=schema)
            pending.append(t)
            pending_rows += t.num_rows
            if pending_rows >= ROW_GROUP_ROWS:
                writer.write_table(pa.concat_tables(pending), row_group_size=ROW_GROUP_ROWS)
                rows += pending_rows
                pending, pending_rows = [], 0
        if pending_rows or rows == 0:
            writer.write_table(
                pa.concat_tables(pending) if pending else schema.empty_table(),
                row_group_size=ROW_GROUP_ROWS,
            )
            rows += pending_rows
    with open(tmp, "rb") as fh:
        os.fsync(fh.fileno())
    os.replace(tmp, dest)
    return rows


def commit(lake: Lake, run_id: str, covers: date,
           run_row: pa.Table | Callable[[], pa.Table]) -> dict[str, int]:
    """Make a run visible: merge each table's parts into place, then write its ``runs`` row.

    Every table gets a file even when the run produced no rows, so the views'
    globs always match something once a run has committed. ``run_row`` may be a
    callable, called once the tables are in place, so the row can time the commit.
    """
    counts: dict[str, int] = {}
    for table, schema in TABLES.items():
        if table == "runs":
            continue
        parts = sorted((lake.staging(run_id) / table).glob("part-*.parquet"))
        counts[table] = _merge_parts(parts, schema, lake.table_file(table, covers, run_id))
        fault_point(f"commit:after-{table}")
    if callable(run_row):
        run_row = run_row()
    _write_atomic(run_row.cast(TABLES["runs"]), lake.table_file("runs", covers, run_id))
    fault_point("commit:after-runs")
    shutil.rmtree(lake.staging(run_id), ignore_errors=True)
    return counts


def record_failure(lake: Lake, covers: date, run_row: pa.Table) -> None:
    """Keep a failed run in ``runs`` for the morning's look; it owns no rows."""
    run_id = run_row.column("run_id")[0].as_py()
    _write_atomic(run_row.cast(TABLES["runs"]), lake.table_file("runs", covers, run_id))
    shutil.rmtree(lake.staging(run_id), ignore_errors=True)


def read_table(lake: Lake, table: str, columns: list[str] | None = None) -> pa.Table:
    """All rows of ``table`` from every file, committed or not (callers filter)."""
    files = lake.table_files(table)
    schema = TABLES[table]
    if not files:
        return schema.empty_table() if columns is None else schema.empty_table().select(columns)
    return pa.concat_tables(pq.read_table(f, columns=columns, schema=schema) for f in files)


def new_run_id(at: datetime) -> str:
    """``20261202T221024-996ae1``: sorts by start time, unique among runs started together."""
    return f"{at:%Y%m%dT%H%M%S}-{uuid.uuid4().hex[:6]}"


def _replaced(runs: list[dict]) -> set[str]:
    return {s for r in runs if r["status"] == "committed" for s in (r["supersedes"] or [])}


def live_run_ids(lake: Lake) -> set[str]:
    """Committed runs that no later forced run has replaced: what the views show."""
    runs = read_table(lake, "runs", ["run_id", "status", "supersedes"]).to_pylist()
    return {r["run_id"] for r in runs if r["status"] == "committed"} - _replaced(runs)


def superseded_run_ids(lake: Lake) -> set[str]:
    """Runs a committed run replaced: their files are hidden, and only wait to be deleted
    (a run killed between its commit and ``drop_runs`` leaves them behind)."""
    return _replaced(read_table(lake, "runs", ["status", "supersedes"]).to_pylist())


def live_rows(lake: Lake, table: str, columns: list[str]) -> pa.Table:
    """Rows of ``table`` that belong to live runs."""
    live = live_run_ids(lake)
    rows = read_table(lake, table, sorted(set(columns) | {"run_id"}))
    mask = pc.is_in(rows.column("run_id"), value_set=pa.array(sorted(live), pa.string()))
    return rows.filter(mask).select(columns)


def clean_stale(lake: Lake) -> list[str]:
    """Remove what killed runs left: staging dirs, temp files, and table files of runs
    that never committed. Call only while holding the data-dir lock."""
    removed: list[str] = []
    if lake.staging_root.exists():
        for d in lake.staging_root.iterdir():
            shutil.rmtree(d, ignore_errors=True)
            removed.append(str(d))
    for tmp in lake.root.glob("*/*/*.tmp"):
        tmp.unlink(missing_ok=True)
        removed.append(str(tmp))
    known = {r["run_id"] for r in read_table(lake, "runs", ["run_id"]).to_pylist()}
    for table in TABLES:
        if table == "runs":
            continue
        for f in lake.table_files(table):
            if f.stem not in known:
                f.unlink()
                removed.append(str(f))
    return removed


def drop_runs(lake: Lake, run_ids: Iterable[str]) -> None:
    """Delete the files of runs a forced rerun has replaced (their rows are already hidden)."""
    ids = set(run_ids)
    for table in TABLES:
        if table == "runs":
            continue
        for f in lake.table_files(table):
            if f.stem in ids:
                f.unlink()
