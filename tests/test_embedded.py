"""`newsflow run` with no Prefect server configured: the newcomer's and the cron job's path.

The CLI starts Prefect's embedded server itself, early, so a rerun does not
wait for it; the run must still be recorded in ``PREFECT_HOME``'s database
(task runs from the worker processes included), its last logs must reach
the server before it stops, and the server must not outlive the command.
"""
from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import psutil

from conftest import ROOT, SEEDS


def _run(home: Path, data: Path) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if not k.startswith("PREFECT_")}
    env.update(PREFECT_HOME=str(home), PREFECT_SERVER_ANALYTICS_ENABLED="false")
    return subprocess.run(
        [sys.executable, "-m", "flows.cli", "run", str(SEEDS), "--data-dir", str(data),
         "--task-runner", "process", "--workers", "1"],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=300,
    )


def _flow_runs(home: Path) -> list[tuple[str, str, int]]:
    with sqlite3.connect(home / "prefect.db") as con:
        return con.execute(
            "SELECT fr.name, fr.state_type, (SELECT count(*) FROM task_run t WHERE t.flow_run_id = fr.id"
            " AND t.state_type = 'COMPLETED') FROM flow_run fr ORDER BY fr.created"
        ).fetchall()


def _servers_on(home: Path) -> list[int]:
    """uvicorn processes still serving this PREFECT_HOME."""
    pids = []
    for p in psutil.process_iter(["cmdline"]):
        try:
            if "uvicorn" in " ".join(p.info["cmdline"] or []) and p.environ().get("PREFECT_HOME") == str(home):
                pids.append(p.pid)
        except (psutil.NoSuchProcess, psutil.AccessDenied):
            continue
    return pids


def test_run_without_a_server_is_recorded_in_prefect_home(tmp_path: Path) -> None:
    home, data = tmp_path / "prefect-home", tmp_path / "data"
    first = _run(home, data)
    assert first.returncode == 0, first.stderr[-3000:]
    assert "read 6, written 6" in first.stdout
    again = _run(home, data)
    assert again.returncode == 0, again.stderr[-3000:]
    assert "read 0, written 0" in again.stdout

    runs = _flow_runs(home)
    assert [(name, state) for name, state, _ in runs] == [(runs[0][0], "COMPLETED"), (runs[0][0] + "-r2", "COMPLETED")]
    assert runs[0][0].startswith("nightly-")
    # normalise (in the flow), then parse, entities, numbers, write (in the worker process)
    assert runs[0][2] == 5 and runs[1][2] == 0
    for out in (first, again):
        assert "Error logging to API" not in out.stderr
        assert "View at" not in out.stderr  # no UI is served, so no link to one
    assert _servers_on(home) == []


def _made_up_articles(folder: Path, n: int) -> None:
    """Distinct invented articles, enough that worker processes are busy parsing for a while."""
    folder.mkdir()
    for i in range(n):
        body = " ".join(
            f"Report {i}-{j}: the council of town {i * 7 + j} said {j + 3} buses ran late on Monday "
            f"after {i + j} roads were closed, and Mayor Ann Cole{i} promised repairs by March."
            for j in range(30))
        (folder / f"story-{i:04d}.txt").write_text(f"Town news {i}\n\n{body}\n", encoding="utf-8")


def _descendants_alive(pids: list[int]) -> list[int]:
    return [p for p in pids if psutil.pid_exists(p) and psutil.Process(p).status() != psutil.STATUS_ZOMBIE]


def test_nothing_outlives_a_killed_run(tmp_path: Path) -> None:
    """SIGKILL of `newsflow run` mid-parse: its embedded server and worker processes exit too."""
    import signal
    import time

    home, data, inbox = tmp_path / "prefect-home", tmp_path / "data", tmp_path / "inbox"
    _made_up_articles(inbox, 400)
    env = {k: v for k, v in os.environ.items() if not k.startswith("PREFECT_")}
    env.update(PREFECT_HOME=str(home), PREFECT_SERVER_ANALYTICS_ENABLED="false")
    proc = subprocess.Popen(
        [sys.executable, "-m", "flows.cli", "run", str(inbox), "--data-dir", str(data),
         "--task-runner", "process", "--workers", "2", "--batch-size", "50"],
        cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    parent = psutil.Process(proc.pid)
    deadline = time.monotonic() + 240
    children: list[int] = []
    while time.monotonic() < deadline and proc.poll() is None:
        children = [c.pid for c in parent.children(recursive=True)]
        if len(children) >= 3 and any((data / "staging").glob("*/*/part-*.parquet")):
            break  # the server and both workers are up, and batches are being written
        time.sleep(0.2)
    assert proc.poll() is None and len(children) >= 3, "the run ended before it could be killed"
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    deadline = time.monotonic() + 30
    while _descendants_alive(children) and time.monotonic() < deadline:
        time.sleep(0.5)
    assert _descendants_alive(children) == []
