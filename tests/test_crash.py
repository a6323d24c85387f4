"""Crash safety and idempotency: kills, concurrent runs, retried I/O, bugs.

Runs that must die are real ``newsflow run`` subprocesses against the
session's Prefect server, killed with SIGKILL either from outside (when a
staged batch appears) or from inside (``NEWSFLOW_FAULT``, tasks/lake.py).
Everything is then read back through the DuckDB views.
"""
from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import ROOT, SEEDS, sql

FIRST = "000_e5e4900b5f92f034.txt"
ALL_ARTICLES = 6  # what seeds/ holds: 1 + 1 + 3 (jsonl) + 1


def cli(*args: str, **env: str) -> subprocess.Popen:
    """``newsflow`` in a subprocess, talking to the session's Prefect server."""
    from prefect.settings import PREFECT_API_URL

    full_env = dict(os.environ, PREFECT_API_URL=PREFECT_API_URL.value(), **env)
    if "NEWSFLOW_FAULT" not in env:
        full_env.pop("NEWSFLOW_FAULT", None)
    return subprocess.Popen([sys.executable, "-m", "flows.cli", *args], cwd=ROOT, env=full_env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def finish(proc: subprocess.Popen, timeout: float = 180) -> tuple[int, str, str]:
    out, err = proc.communicate(timeout=timeout)
    return proc.returncode, out, err


@pytest.fixture
def inbox(prefect_harness, tmp_path) -> tuple[Path, Path]:
    """A data dir with one committed night (one seed article) and an inbox with the rest waiting."""
    from flows.nightly import nightly

    src = tmp_path / "inbox"
    src.mkdir()
    shutil.copy(SEEDS / FIRST, src / FIRST)
    data = tmp_path / "data"
    assert nightly(source=str(src), data_dir=str(data))["written"] == 1
    for f in SEEDS.iterdir():
        if f.name != FIRST:
            shutil.copy(f, src / f.name)
    return src, data


def visible(data: Path) -> dict[str, int]:
    return {t: sql(data, f"SELECT count(*) FROM {t}")[0][0] for t in ("articles", "entities", "numbers", "rejects", "files")}


def assert_recovers(src: Path, data: Path, before: dict[str, int]) -> None:
    """After a kill: nothing of the killed run shows; the next run does its work exactly once."""
    from flows.nightly import nightly
    from tasks.lake import Lake, live_run_ids, read_table

    assert visible(data) == before, "a killed run's rows are visible"
    summary = nightly(source=str(src), data_dir=str(data))
    assert summary["duplicates"] == 0
    n, distinct = sql(data, "SELECT count(*), count(DISTINCT article_id) FROM articles")[0]
    assert n == distinct == ALL_ARTICLES
    assert sql(data, "SELECT count(*), count(DISTINCT path) FROM files")[0] == (4, 4)
    assert sql(data, "SELECT count(*) FROM entities WHERE article_id NOT IN (SELECT article_id FROM articles)")[0][0] == 0
    lake = Lake(data.resolve())
    assert not lake.staging_root.exists() or not any(lake.staging_root.iterdir()), "staging left behind"
    runs = {r["run_id"] for r in read_table(lake, "runs", ["run_id"]).to_pylist()}
    orphans = [f for t in ("articles", "entities", "numbers") for f in lake.table_files(t) if f.stem not in runs]
    assert not orphans, orphans
    assert len(live_run_ids(lake)) == 2


def test_sigkill_between_stages(inbox):
    """Killed from outside as soon as the first batch is staged, while later batches are in flight."""
    src, data = inbox
    before = visible(data)
    proc = cli("run", str(src), "--data-dir", str(data), "--batch-size", "1")
    deadline = time.monotonic() + 120
    while not list((data / "staging").glob("*/articles/part-*.parquet")):
        assert proc.poll() is None, f"run ended before it could be killed: {proc.communicate()}"
        assert time.monotonic() < deadline, "no staged batch within 120 s"
        time.sleep(0.01)
    proc.send_signal(signal.SIGKILL)
    assert finish(proc)[0] == -signal.SIGKILL
    assert list((data / "staging").iterdir()), "the kill came too late to test anything"
    assert_recovers(src, data, before)


@pytest.mark.parametrize("point", ["commit:after-articles", "commit:after-runs"])
def test_sigkill_inside_commit(inbox, point):
    """Killed inside the commit: after a table file is renamed into the lake (run not committed),
    and after the runs row is written (committed, staging not cleaned)."""
    src, data = inbox
    before = visible(data)
    code, out, err = finish(cli("run", str(src), "--data-dir", str(data), NEWSFLOW_FAULT=point))
    assert code == -signal.SIGKILL, (code, out, err[-2000:])
    lake_articles = list((data / "lake" / "articles").glob("covers=*/*.parquet"))
    assert len(lake_articles) == 2, "the fault fired before the articles file was in place"
    if point == "commit:after-articles":
        assert_recovers(src, data, before)
    else:
        # Committed: its rows are visible once, and the next run finds nothing new to do.
        from flows.nightly import nightly

        assert visible(data)["articles"] == ALL_ARTICLES
        assert nightly(source=str(src), data_dir=str(data))["read"] == 0
        assert sql(data, "SELECT count(*), count(DISTINCT article_id) FROM articles")[0] == (ALL_ARTICLES,) * 2
        assert not any((data / "staging").iterdir())


def test_second_run_on_same_data_dir_refuses_or_waits(prefect_harness, tmp_path):
    """Runs started while another holds the data dir: without --wait one refuses with a
    clear message; with --wait one waits for the data dir, then does the work."""
    from tasks.lock import data_dir_lock

    src = tmp_path / "inbox"
    shutil.copytree(SEEDS, src)
    data = tmp_path / "data"
    with data_dir_lock(data):  # another run holds it (the lock is per open file, so this counts)
        refused = cli("run", str(src), "--data-dir", str(data))
        waiting = cli("run", str(src), "--data-dir", str(data), "--wait", "150")
        code, out, err = finish(refused)
        assert waiting.poll() is None, "the --wait run did not wait"
        time.sleep(1)
        assert not (data / "lake").exists(), "the --wait run wrote while the data dir was held"
    assert code == 1
    assert "is in use by another newsflow run" in err and "--data-dir" in err
    code, out, err = finish(waiting)
    assert code == 0, err[-2000:]
    assert "read 6," in out
    assert sql(data, "SELECT count(*), count(DISTINCT article_id) FROM articles")[0] == (ALL_ARTICLES,) * 2


def _flow_run_id(data: Path, status: str) -> str:
    return sql(data, f"SELECT flow_run_id FROM runs WHERE status = '{status}' ORDER BY started_at DESC LIMIT 1")[0][0]


def test_transient_write_error_is_retried(inbox, monkeypatch):
    from prefect import get_client
    from prefect.client.schemas.filters import FlowRunFilter, FlowRunFilterId

    from flows.nightly import nightly
    from tasks import lake as lake_mod

    src, data = inbox
    real = lake_mod.write_part
    calls: list[str] = []

    def flaky(lake, run_id, table, batch, table_data):
        calls.append(table)
        if calls.count("articles") == 1 and table == "articles":
            raise OSError(5, "Input/output error (injected)")
        return real(lake, run_id, table, batch, table_data)

    monkeypatch.setattr(lake_mod, "write_part", flaky)
    summary = nightly(source=str(src), data_dir=str(data))
    assert summary["written"] == ALL_ARTICLES - 1
    assert calls.count("articles") == 2
    assert sql(data, "SELECT count(*), count(DISTINCT article_id) FROM articles")[0] == (ALL_ARTICLES,) * 2
    with get_client(sync_client=True) as client:
        tasks = client.read_task_runs(flow_run_filter=FlowRunFilter(id=FlowRunFilterId(any_=[_flow_run_id(data, "committed")])))
    write = [t for t in tasks if t.name == "write[batch 0]"]
    assert write and write[0].run_count == 2 and write[0].state.is_completed()


def test_bug_fails_the_run_and_leaves_earlier_nights_alone(inbox, monkeypatch):
    from prefect import get_client
    from prefect.client.schemas.filters import LogFilter, LogFilterFlowRunId

    from flows.nightly import nightly
    from tasks import stages

    src, data = inbox
    before = visible(data)
    lake_files = sorted(p.relative_to(data) for p in (data / "lake").rglob("*.parquet"))

    def broken(doc):
        raise ValueError("numbers extractor bug (injected)")

    monkeypatch.setattr(stages, "extract_numbers", broken)
    with pytest.raises(Exception):
        nightly(source=str(src), data_dir=str(data))
    assert visible(data) == before
    after_files = sorted(p.relative_to(data) for p in (data / "lake").rglob("*.parquet"))
    assert [f for f in after_files if not f.parts[1] == "runs"] == [f for f in lake_files if not f.parts[1] == "runs"]
    failed = sql(data, "SELECT error FROM runs WHERE status = 'failed'")
    assert len(failed) == 1 and "numbers extractor bug" in failed[0][0]
    assert not any((data / "staging").iterdir())
    flow_run_id = _flow_run_id(data, "failed")
    deadline = time.monotonic() + 30  # logs reach the server in batches, a few seconds late
    with get_client(sync_client=True) as client:
        while True:
            logs = client.read_logs(log_filter=LogFilter(flow_run_id=LogFilterFlowRunId(any_=[flow_run_id])))
            if any("numbers extractor bug" in entry.message for entry in logs) or time.monotonic() > deadline:
                break
            time.sleep(1)
        assert any("numbers extractor bug" in entry.message for entry in logs), [e.message for e in logs]
        assert "numbers extractor bug" in client.read_flow_run(flow_run_id).state.message
    # The fix lands; the next night picks the input up again.
    monkeypatch.undo()
    assert nightly(source=str(src), data_dir=str(data))["written"] == ALL_ARTICLES - 1
