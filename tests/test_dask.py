"""The nightly flow on a Dask LocalCluster of two worker processes writes the same
tables as the default runner, and the Dask workers report their task runs to the
same Prefect server (they get PREFECT_API_URL from the flow's settings)."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import duckdb
import pytest

from conftest import SEEDS

pytest.importorskip("prefect_dask")

TABLES = ("articles", "entities", "numbers", "rejects")
STAGES = ("normalise", "parse", "entities", "numbers", "write")


def _input(tmp: Path) -> Path:
    """Seeds plus input that must be rejected (an exact copy, bad JSON, an empty file)."""
    src = tmp / "input"
    shutil.copytree(SEEDS, src)
    wire = (SEEDS / "002_wire.jsonl").read_text(encoding="utf-8").splitlines()
    (src / "010_more.jsonl").write_text("\n".join([wire[0], "{not json", json.dumps({"title": "x"})]) + "\n")
    (src / "011_empty.txt").write_bytes(b"")
    return src


def _rows(data: Path, table: str) -> list[tuple]:
    files = [str(p) for p in sorted((data / "lake" / table).glob("covers=*/*.parquet"))]
    with duckdb.connect() as con:
        return con.execute(f"SELECT * EXCLUDE (run_id) FROM read_parquet(?) ORDER BY ALL", [files]).fetchall()


def _task_runs(flow_run_id: str) -> dict[str, str]:
    from prefect.client.orchestration import get_client
    from prefect.client.schemas.filters import FlowRunFilter, FlowRunFilterId

    with get_client(sync_client=True) as client:
        runs = client.read_task_runs(flow_run_filter=FlowRunFilter(id=FlowRunFilterId(any_=[flow_run_id])))
    return {r.name: r.state_type.value for r in runs}


def test_dask_cluster_matches_default_runner(prefect_harness, tmp_path):
    from flows.nightly import nightly
    from flows.runners import make_runner

    src = _input(tmp_path)
    default_dir, dask_dir = tmp_path / "default", tmp_path / "dask"
    # Small batches, so several batches are spread over both workers.
    expected = nightly(source=str(src), data_dir=str(default_dir), batch_size=2)
    runner = make_runner("dask", workers=2)
    got = nightly.with_options(task_runner=runner)(source=str(src), data_dir=str(dask_dir), batch_size=2)

    for key in ("read", "written", "rejected", "duplicates", "entities", "numbers", "words"):
        assert got[key] == expected[key], key
    assert expected["written"] >= 6 and expected["rejected"] >= 3 and expected["entities"] and expected["numbers"]
    for table in TABLES:
        assert _rows(dask_dir, table) == _rows(default_dir, table), table

    with duckdb.connect() as con:
        (flow_run_id, task_runner), = con.execute(
            "SELECT flow_run_id, task_runner FROM read_parquet(?)",
            [[str(p) for p in (dask_dir / "lake" / "runs").glob("covers=*/*.parquet")]]).fetchall()
    assert task_runner == "DaskTaskRunner"
    states = _task_runs(flow_run_id)
    for stage in STAGES:
        assert states.get(f"{stage}[batch 0]") == "COMPLETED", (stage, sorted(states))


def test_auto_runner_uses_worker_processes_for_large_input_only(tmp_path, monkeypatch):
    from flows import placement, runners

    monkeypatch.setattr(runners.os, "cpu_count", lambda: 2)
    assert runners.auto_kind(str(SEEDS)) == "thread"
    big = tmp_path / "crawl"
    big.mkdir()
    (big / "a.jsonl").write_bytes(b"x" * (runners.AUTO_PROCESS_BYTES + 1))
    assert runners.auto_kind(str(big)) == "process"
    assert runners.auto_kind(str(big / "*.jsonl")) == "process"
    assert isinstance(runners.make_runner("process"), runners.ProcessPoolTaskRunner)
    assert placement.parallelism(runners.make_runner("process")) == 2
    monkeypatch.setattr(runners.os, "cpu_count", lambda: 1)
    assert runners.auto_kind(str(big)) == "thread"
