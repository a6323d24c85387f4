"""Scheduling: the deployment in prefect.yaml, `newsflow serve`, backfill and forced re-runs by date."""
from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import ROOT, SEEDS, sql

DAY1, DAY2, DAY3 = "2026-11-01", "2026-11-02", "2026-11-03"


def test_prefect_yaml_declares_the_nightly_deployment():
    import yaml

    from flows.deploy import load_spec, serve_parameters

    spec = load_spec()
    assert spec.cron == "0 2 * * *" and spec.timezone
    assert {"source", "data_dir", "model"} <= spec.parameters.keys()
    dep = yaml.safe_load((ROOT / "prefect.yaml").read_text())["deployments"][0]
    assert dep["entrypoint"] == "flows/nightly.py:nightly"
    module, name = dep["entrypoint"].split(":")
    assert (ROOT / module).is_file() and f"def {name}(" in (ROOT / module).read_text()
    params = serve_parameters(spec, data_dir="elsewhere")
    assert params["source"] == str(ROOT / spec.parameters["source"])
    assert params["data_dir"] == str(ROOT / "elsewhere")


def _inbox(tmp_path: Path) -> Path:
    """inbox/<day>/ for two days (different seeds each), none for the third."""
    inbox = tmp_path / "inbox"
    (inbox / DAY1).mkdir(parents=True)
    (inbox / DAY2).mkdir()
    for name in ("000_e5e4900b5f92f034.txt", "001_harbour_bridge.html"):
        shutil.copy(SEEDS / name, inbox / DAY1 / name)
    shutil.copy(SEEDS / "002_wire.jsonl", inbox / DAY2 / "002_wire.jsonl")
    return inbox


def test_backfill_rerun_and_force(prefect_harness, tmp_path):
    from prefect import get_client
    from prefect.client.schemas.filters import FlowRunFilter, FlowRunFilterName

    from flows.deploy import backfill
    from tasks.lake import Lake, live_run_ids

    inbox, data = _inbox(tmp_path), tmp_path / "data"
    first, last = (__import__("datetime").date.fromisoformat(d) for d in (DAY1, DAY3))
    results = backfill(first, last, str(inbox), str(data))
    assert [(r.day, r.status) for r in results] == [(DAY1, "done"), (DAY2, "done"), (DAY3, "skipped")]
    day1_written = results[0].summary["written"]
    assert day1_written == 2 and results[1].summary["written"] >= 1
    by_day = dict(sql(data, "SELECT covers::VARCHAR, count(*) FROM runs WHERE status = 'committed' GROUP BY 1"))
    assert by_day == {DAY1: 1, DAY2: 1}
    articles = sql(data, "SELECT count(*) FROM articles")[0][0]
    entities = sql(data, "SELECT count(*) FROM entities")[0][0]
    day1_sources = {r[0] for r in sql(data, "SELECT a.source FROM articles a JOIN runs r USING (run_id) "
                                            f"WHERE r.covers = DATE '{DAY1}'")}
    assert all(f"/{DAY1}/" in s for s in day1_sources) and len(day1_sources) == 2

    # Re-running a processed day adds nothing ...
    again = backfill(first, first, str(inbox), str(data))
    assert again[0].summary["read"] == 0
    assert sql(data, "SELECT count(*) FROM articles")[0][0] == articles
    # ... unless forced, which replaces that day's rows (no duplicates, old files gone).
    old_day1 = set(sql(data, f"SELECT run_id FROM runs WHERE covers = DATE '{DAY1}'"))
    forced = backfill(first, first, str(inbox), str(data), force=True)
    assert forced[0].summary["read"] == 2 and forced[0].summary["written"] == day1_written
    assert forced[0].summary["duplicates"] == 0
    assert sql(data, "SELECT count(*), count(DISTINCT article_id) FROM articles")[0] == (articles, articles)
    assert sql(data, "SELECT count(*) FROM entities")[0][0] == entities
    live = live_run_ids(Lake(data.resolve()))
    assert not live & {r[0] for r in old_day1}
    assert sql(data, f"SELECT supersedes FROM runs WHERE run_id = '{forced[0].summary['run_id']}'")[0][0]
    lake = Lake(data.resolve())
    assert not [f for f in lake.table_files("articles") if (f.stem,) in old_day1]
    # Each day's flow runs are named for it in Prefect, its reruns told apart.
    with get_client(sync_client=True) as client:
        runs = client.read_flow_runs(flow_run_filter=FlowRunFilter(name=FlowRunFilterName(like_=f"nightly-{DAY1}")))
    assert sorted(r.name for r in runs) == [f"nightly-{DAY1}", f"nightly-{DAY1}-r2", f"nightly-{DAY1}-r3"]
    assert all(r.state.is_completed() for r in runs)


def test_backfill_cli_rejects_bad_ranges(tmp_path):
    from typer.testing import CliRunner

    from flows.cli import app

    runner = CliRunner()
    res = runner.invoke(app, ["backfill", "--from", DAY2, "--to", DAY1, str(tmp_path)])
    assert res.exit_code == 1 and "before" in res.output
    res = runner.invoke(app, ["backfill", "--from", "yesterday", str(tmp_path)])
    assert res.exit_code == 1 and "YYYY-MM-DD" in res.output
    res = runner.invoke(app, ["serve", "--timezone", "Mars/Olympus"])
    assert res.exit_code == 1 and "unknown timezone" in res.output


def test_serve_runs_the_deployment_and_stopping_it_keeps_the_schedule(prefect_harness, tmp_path):
    """`newsflow serve` registers the cron schedule, runs a triggered run, and stopping it
    leaves the schedule active (Prefect's default would pause it)."""
    from prefect import get_client
    from prefect.deployments import run_deployment
    from prefect.settings import PREFECT_API_URL

    inbox, data = _inbox(tmp_path), tmp_path / "data"
    env = dict(os.environ, PREFECT_API_URL=PREFECT_API_URL.value(), PREFECT_RUNNER_POLL_FREQUENCY="1")
    proc = subprocess.Popen(
        [sys.executable, "-m", "flows.cli", "serve", "--timezone", "Europe/London",
         "--source", str(inbox), "--data-dir", str(data)],
        cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, start_new_session=True)
    try:
        with get_client(sync_client=True) as client:
            deadline = time.monotonic() + 120
            while True:
                assert proc.poll() is None, proc.communicate()[0][-3000:]
                try:
                    dep = client.read_deployment_by_name("nightly/nightly")
                    break
                except Exception:
                    assert time.monotonic() < deadline, "serve registered no deployment in 120 s"
                    time.sleep(1)
            assert [(s.schedule.cron, s.schedule.timezone, s.active) for s in dep.schedules] == [
                ("0 2 * * *", "Europe/London", True)]
            assert dep.parameters["source"] == str(inbox) and dep.parameters["data_dir"] == str(data)
            flow_run = run_deployment("nightly/nightly", parameters={"covers": DAY2}, timeout=180)
            assert re.fullmatch(f"nightly-{DAY2}(-r[0-9]+)?", flow_run.name), flow_run.name  # other tests ran DAY2
            assert flow_run.state.is_completed(), flow_run.state
            assert sql(data, "SELECT count(*) FROM runs WHERE covers = DATE '2026-11-02'")[0][0] == 1
            os.killpg(proc.pid, signal.SIGTERM)
            proc.wait(timeout=60)
            dep = client.read_deployment_by_name("nightly/nightly")
            assert not dep.paused and all(s.active for s in dep.schedules), "stopping serve paused the schedule"
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
