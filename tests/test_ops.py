"""What an operator sees: the stage table adds up, failures name their stage and batch,
no task run is left Running, killed runs are marked Crashed, reruns are told apart."""
from __future__ import annotations

import json
import shutil
import time
from uuid import UUID

import pytest

from conftest import FIXTURES, SEEDS, sql
from test_crash import ALL_ARTICLES, cli, finish, inbox  # noqa: F401 - inbox is a fixture

from tasks.stagenames import Stage


def _flow_run(flow_run_id: str):
    from prefect import get_client

    with get_client(sync_client=True) as client:
        return client.read_flow_run(UUID(flow_run_id))


def _task_runs(flow_run_id: str) -> list:
    from prefect import get_client
    from prefect.client.schemas.filters import FlowRunFilter, FlowRunFilterId

    with get_client(sync_client=True) as client:
        return client.read_task_runs(flow_run_filter=FlowRunFilter(id=FlowRunFilterId(any_=[UUID(flow_run_id)])))


def _artifacts(flow_run_id: str) -> dict:
    from prefect import get_client
    from prefect.client.schemas.filters import ArtifactFilter, ArtifactFilterFlowRunId

    with get_client(sync_client=True) as client:
        arts = client.read_artifacts(artifact_filter=ArtifactFilter(
            flow_run_id=ArtifactFilterFlowRunId(any_=[UUID(flow_run_id)])))
    return {a.key or a.type: a for a in arts}


def test_stage_table_adds_up_and_is_in_the_lake(prefect_harness, tmp_path):
    from flows.nightly import nightly

    src = tmp_path / "inbox"
    src.mkdir()
    (src / "empty.txt").write_bytes(b"")  # rejected by read
    shutil.copy(FIXTURES / "normalise" / "german.txt", src / "german.txt")  # rejected by normalise (language)
    shutil.copy(SEEDS / "000_e5e4900b5f92f034.txt", src / "a.txt")
    shutil.copy(SEEDS / "000_e5e4900b5f92f034.txt", src / "b.txt")  # an exact copy: rejected by dedup
    data = tmp_path / "data"
    state = nightly(source=str(src), data_dir=str(data), return_state=True)
    summary = state.result()
    assert state.message.startswith(f"{summary['written']} articles, {summary['rejected']} rejected, ")
    (stages,) = sql(data, "SELECT stages FROM runs")[0]
    by = {s["stage"]: s for s in stages}
    assert [s["stage"] for s in stages] == [s.value for s in Stage]  # every stage, in pipeline order
    assert sum(s["rejected"] for s in stages) == summary["rejected"] == 3
    assert by["read"]["rejected"] == 1 and by["normalise"]["rejected"] == 1 and by["dedup"]["rejected"] == 1
    assert by["read"]["n_in"] == summary["read"] == 4
    assert by["dedup"]["n_out"] == by["parse"]["n_in"] == by["write"]["n_out"] == summary["written"] == 1
    assert by["write"]["entities"] == summary["entities"] and by["write"]["numbers"] == summary["numbers"]
    assert by["write"]["rejects"] == 3
    for name in ("read", "normalise", "parse", "write", "commit"):
        assert by[name]["seconds"] > 0, name
    assert 0 < by["parse"]["share"] < 1
    from tasks.catalog import query_sql

    trend = sql(data, query_sql("stages_by_night"))  # the named query people trend them with
    assert [(r[3], r[6]) for r in trend] == [(s["stage"], s["rejected"]) for s in stages]
    fr = state.state_details.flow_run_id
    table = json.loads(_artifacts(str(fr))["nightly-stages"].data)
    assert [r["stage"] for r in table] == [s.value for s in Stage]
    assert sum(r["rejected"] for r in table) == 3


def test_missing_model_leaves_a_failed_row_and_a_summary(prefect_harness, tmp_path):
    from flows.nightly import nightly

    src = tmp_path / "inbox"
    shutil.copytree(SEEDS, src)
    data = tmp_path / "data"
    with pytest.raises(OSError):
        nightly(source=str(src), data_dir=str(data), model="no_such_model_xyz")
    from tasks.lake import Lake, read_table

    # Read from the file: the catalog's views need one committed run.
    ((status, error, flow_run_id),) = [tuple(r.values()) for r in read_table(
        Lake(data.resolve()), "runs", ["status", "error", "flow_run_id"]).to_pylist()]
    assert status == "failed" and "no_such_model_xyz" in error
    arts = _artifacts(flow_run_id)
    assert "FAILED" in arts["nightly-summary"].data and "no_such_model_xyz" in arts["nightly-summary"].data


def test_progress_counts_work_done_not_files_opened():
    from flows.report import work_done
    from flows.totals import Totals, duration

    # Every file opened, 297 records read, 50 written: 17 %, not 100 %.
    assert work_done(Totals(read=297, written=50), 1000, 1000) == (pytest.approx(100 * 50 / 297), 297)
    # A third of the bytes opened: about three times the records read are still to come.
    pct, expected = work_done(Totals(read=100, written=40, rejected=10), 300, 900)
    assert expected == 300 and pct == pytest.approx(100 * 50 / 300)
    assert work_done(Totals(), 0, 0) == (100.0, 0)
    assert Totals(written=2225, rejected=7, entities=38120, numbers=9430).headline(130.4) == (
        "2,225 articles, 7 rejected, 38,120 entities, 9,430 numbers in 2 min 10 s")
    assert (duration(4.25), duration(3725)) == ("4.2 s", "1 h 2 min")


def test_reruns_of_a_day_have_distinct_names():
    from flows.naming import next_name

    assert next_name("nightly-2026-11-01", []) == "nightly-2026-11-01"
    assert next_name("nightly-2026-11-01", ["nightly-2026-11-01"]) == "nightly-2026-11-01-r2"
    taken = ["nightly-2026-11-01", "nightly-2026-11-01-r2", "nightly-2026-11-01-r3", "nightly-2026-11-012"]
    assert next_name("nightly-2026-11-01", taken) == "nightly-2026-11-01-r4"
    assert next_name("nightly-2026-11-02", taken) == "nightly-2026-11-02"


def test_lock_names_a_killed_holder_only(tmp_path):
    from tasks.lock import data_dir_lock, holder_text

    with data_dir_lock(tmp_path, run_id="r1", flow_run_id="f1") as left:
        assert left is None
    with data_dir_lock(tmp_path, run_id="r2") as left:
        assert left is None  # r1 left normally: the file was emptied
    (tmp_path / ".lock").write_text(holder_text(4321, "f3", "20261101T020000-ab12cd"))  # what a SIGKILL leaves
    with data_dir_lock(tmp_path, run_id="r4") as left:
        assert left == {"pid": "4321", "run": "20261101T020000-ab12cd", "flow_run": "f3"}
    (tmp_path / ".lock").write_text("pid 99 since 2026-01-01 00:00:00")  # older versions' normal leftovers
    with data_dir_lock(tmp_path) as left:
        assert left is None


def test_failure_messages_name_stage_and_batch():
    from concurrent.futures.process import BrokenProcessPool

    from flows.failures import StageFailed, stage_of

    with pytest.raises(StageFailed, match=r"^parse\[batch 1\]: worker process died \(killed, likely out of memory\)$"):
        with stage_of(Stage.PARSE, 1):
            raise BrokenProcessPool("A process in the process pool was terminated abruptly")
    with pytest.raises(StageFailed, match=r"^write\[batch 0\]: OSError: disk full$"):
        with stage_of(Stage.WRITE, 0):
            raise OSError("disk full")


def _wait_for(predicate, timeout: float = 30):
    deadline = time.monotonic() + timeout
    while not (result := predicate()) and time.monotonic() < deadline:
        time.sleep(0.5)
    return result


def test_worker_killed_mid_parse_names_the_stage_and_leaves_no_zombie(inbox):  # noqa: F811
    src, data = inbox
    code, out, err = finish(cli("run", str(src), "--data-dir", str(data), "--batch-size", "1",
                                "--task-runner", "process", "--workers", "2",
                                NEWSFLOW_FAULT="parse:batch-1"), timeout=300)
    assert code == 1, (out, err[-3000:])
    assert "parse[batch 1]: worker process died (SIGKILL, likely out of memory)" in err, err[-3000:]
    ((error, flow_run_id),) = sql(data, "SELECT error, flow_run_id FROM runs WHERE status = 'failed'")
    assert error == "parse[batch 1]: worker process died (SIGKILL, likely out of memory)"
    fr = _flow_run(flow_run_id)
    assert fr.state.is_failed() and "parse[batch 1]: worker process died" in fr.state.message
    tasks = _task_runs(flow_run_id)
    assert any(t.name == "parse[batch 1]" for t in tasks), sorted((t.name, t.state.name) for t in tasks)
    assert all(t.state.is_final() for t in tasks), [(t.name, t.state.name) for t in tasks if not t.state.is_final()]
    parse1 = next(t for t in tasks if t.name == "parse[batch 1]")
    assert parse1.state.is_crashed() and "parse[batch 1]" in parse1.state.message
    summary = _artifacts(flow_run_id)["nightly-summary"].data
    assert "FAILED" in summary and "parse[batch 1]" in summary and "## Stages" in summary


def test_a_killed_run_is_marked_crashed_by_the_next(inbox):  # noqa: F811
    from flows.nightly import nightly
    from tasks.lock import parse_holder

    src, data = inbox
    code, out, err = finish(cli("run", str(src), "--data-dir", str(data), NEWSFLOW_FAULT="commit:after-articles"))
    assert code < 0, (code, err[-2000:])
    holder = parse_holder((data / ".lock").read_text())
    assert _flow_run(holder["flow_run"]).state.is_running()  # what a SIGKILL leaves on the server
    state = nightly(source=str(src), data_dir=str(data), return_state=True)
    assert state.result()["written"] == ALL_ARTICLES - 1
    crashed = _flow_run(holder["flow_run"]).state
    assert crashed.is_crashed()
    assert crashed.message == f"process {holder['pid']} died; its run {holder['run']} committed nothing"
    assert all(t.state.is_final() for t in _task_runs(holder["flow_run"]))


def test_scheduled_runs_carry_their_day_before_they_start(prefect_harness):
    from datetime import datetime, timedelta, timezone

    from prefect import get_client
    from prefect.states import Scheduled

    from flows.naming import name_scheduled_runs
    from flows.nightly import nightly

    now = datetime.now(timezone.utc)
    with get_client(sync_client=True) as client:
        flow_id = client.create_flow(nightly)
        dep = client.create_deployment(flow_id=flow_id, name="naming-test")
        soon = [client.create_flow_run_from_deployment(dep, state=Scheduled(scheduled_time=now + timedelta(days=d)))
                for d in (1, 2)]
        dated = client.create_flow_run_from_deployment(dep, parameters={"covers": "2026-11-05"},
                                                       state=Scheduled(scheduled_time=now + timedelta(days=3)))
        later = client.create_flow_run_from_deployment(dep, state=Scheduled(scheduled_time=now + timedelta(days=30)))
        assert not soon[0].name.startswith("nightly-")  # Prefect's random slug
        name_scheduled_runs(dep)
        names = {r.id: client.read_flow_run(r.id).name for r in (*soon, dated, later)}
    for d, run in zip((1, 2), soon):
        assert names[run.id] == f"nightly-{(now + timedelta(days=d)).astimezone().date().isoformat()}"
    assert names[dated.id] == "nightly-2026-11-05"
    assert names[later.id] == later.name  # beyond the week: left alone
