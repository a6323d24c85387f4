"""End-to-end: a real Prefect server, a real nightly run, the real UI in headless Chromium.

    .venv/bin/python tests/e2e/check_ui.py              # SQLite database in a temp dir (make e2e)
    .venv/bin/python tests/e2e/check_ui.py --postgres   # PostgreSQL started here on loopback (make e2e-postgres)

Starts ``prefect server`` on a free loopback port with a temporary database,
runs ``newsflow run seeds`` against it (PREFECT_API_URL), checks through the
API that the per-batch task runs and the three artifacts exist and that the
stage table has every stage, with time where there was work, and rejects that
add up; then opens the flow run's pages in Chromium (DevTools protocol over a
websocket) and asserts on the text a person would see: the run's name and
"Completed" with its totals, the task runs, the artifact keys and the rendered
summary. Then the failures: a worker process SIGKILLed mid-parse (the run is
Failed naming ``parse[batch 1]``, no task run is left Running, its summary is
published) and a run SIGKILLed outright (Crashed, with what it committed, once
the next run has started). Screenshots go to data/e2e/*.png. Exits 0 when
every check passed, 1 otherwise.
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from contextlib import ExitStack, suppress
from datetime import date
from pathlib import Path

import httpx

from browser import Browser
from services import BIN, ROOT, log, postgres, prefect_server

SHOTS = ROOT / "data" / "e2e"
sys.path.insert(0, str(ROOT))
from tasks.stagenames import TASK_STAGES, Stage  # noqa: E402

STAGES = tuple(s.value for s in TASK_STAGES)
OPEN_STATES = {"PENDING", "RUNNING", "SCHEDULED"}


# -- the checks -----------------------------------------------------------------------

def newsflow(api: str, tmp: Path, data: str, *args: str, expect: int = 0, fault: str | None = None) -> str:
    """``newsflow run seeds`` into ``tmp/data``; its output, after checking its exit code."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("PREFECT_") and k != "NEWSFLOW_FAULT"}
    env.update(PREFECT_API_URL=api, PREFECT_HOME=str(tmp / "prefect-client"))
    if fault:
        env["NEWSFLOW_FAULT"] = fault
    t0 = time.monotonic()
    proc = subprocess.Popen([str(BIN / "newsflow"), "run", str(ROOT / "seeds"), "--data-dir", str(tmp / data), *args],
                            env=env, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        out, err = proc.communicate(timeout=600)
        hung = False
    except subprocess.TimeoutExpired:
        (out, err), hung = stop_hung(proc), True
    with open(tmp / "run.log", "a") as fh:
        fh.write(out + err)
    if hung:
        raise HungRun(f"newsflow run{' ' + fault if fault else ''} hung for 600 s; its threads' stacks:\n{err[-20000:]}")
    if proc.returncode != expect:
        raise AssertionError(f"newsflow run exited {proc.returncode}, expected {expect}:\n{(out + err)[-4000:]}")
    lines = (out + err).strip().splitlines() or ["-"]
    last = next((ln for ln in reversed(lines) if ln.startswith(("newsflow run", "error:"))), lines[-1])
    log(f"newsflow run{' ' + fault if fault else ''} took {time.monotonic() - t0:.0f} s: {last}")
    return out + err


class HungRun(AssertionError):
    """A run that neither finished nor failed; its message holds where each thread waited."""


def stop_hung(proc: subprocess.Popen) -> tuple[str, str]:
    """Ask a hung run and its workers for their stacks (SIGUSR1, flows/stacks.py), then kill them."""
    import psutil

    tree = [proc.pid] + [c.pid for c in psutil.Process(proc.pid).children(recursive=True)]
    for pid in tree:
        with suppress(ProcessLookupError):
            os.kill(pid, signal.SIGUSR1)
    time.sleep(3)
    for pid in reversed(tree):
        with suppress(ProcessLookupError):
            os.kill(pid, signal.SIGKILL)
    return proc.communicate()


def run_flow(api: str, tmp: Path) -> str:
    newsflow(api, tmp, "data")
    return f"nightly-{date.today().isoformat()}"


def check_stage_table(stages: list[dict], run_rejected: int) -> None:
    """Every stage, in order, with time where there was work; rejects add up to the run's."""
    names = [r["stage"] for r in stages]
    assert names == [s.value for s in Stage], names
    for r in stages:
        if r["in"]:
            assert r["seconds"] > 0, f"stage {r['stage']} did work in 0 s: {r}"
    assert sum(r["rejected"] for r in stages) == run_rejected, (stages, run_rejected)


def check_api(api: str, run_name: str) -> tuple[dict, dict]:
    with httpx.Client(base_url=api, timeout=30) as c:
        runs = c.post("/flow_runs/filter", json={"flow_runs": {"name": {"any_": [run_name]}}}).json()
        assert len(runs) == 1, f"expected one flow run named {run_name}, got {len(runs)}"
        fr = runs[0]
        assert fr["state_type"] == "COMPLETED", fr["state_type"]
        assert " articles, " in fr["state"]["message"] and " numbers in " in fr["state"]["message"], fr["state"]
        tasks = c.post("/task_runs/filter", json={"flow_runs": {"id": {"any_": [fr["id"]]}}}).json()
        names = {t["name"] for t in tasks}
        for stage in STAGES:
            assert f"{stage}[batch 0]" in names, f"no task run {stage}[batch 0] in {sorted(names)}"
        assert all(t["state_type"] == "COMPLETED" for t in tasks), [(t["name"], t["state_type"]) for t in tasks]
        arts = c.post("/artifacts/filter", json={"artifacts": {"flow_run_id": {"any_": [fr["id"]]}}}).json()
        by_type = {}
        for a in arts:
            by_type.setdefault(a["type"], []).append(a)
        keys = {a["key"] for a in arts if a["key"]}
        assert {"nightly-summary", "nightly-stages"} <= keys, keys
        assert by_type.get("progress") and by_type["progress"][0]["data"] == 100.0, by_type.get("progress")
        assert "records done" in by_type["progress"][0]["description"], by_type["progress"][0]["description"]
        summary = next(a for a in arts if a["key"] == "nightly-summary")
        stages = next(a for a in arts if a["key"] == "nightly-stages")["data"]
        stages = json.loads(stages) if isinstance(stages, str) else stages
        rejected = int(fr["state"]["message"].split(" rejected")[0].rsplit(" ", 1)[-1].replace(",", ""))
        check_stage_table(stages, rejected)
        logs = c.post("/logs/filter", json={"logs": {"flow_run_id": {"any_": [fr["id"]]}}, "limit": 200}).json()
        assert any("committed" in entry["message"] for entry in logs), "no 'committed' log line"
        assert any("articles/s" in entry["message"] for entry in logs), "no per-stage rate log line"
        assert not any(entry["message"].startswith("Finished in state Completed") and entry["task_run_id"]
                       for entry in logs), "per-task 'Finished in state' lines are back"
    log(f"API: flow run {fr['id']} Completed, {len(tasks)} task runs, artifacts {sorted(keys)} + progress, {len(logs)} log lines")
    return fr, summary


def check_ui(base: str, tmp: Path, flow_run: dict, summary: dict, tag: str) -> list[Path]:
    shots = []
    browser = Browser(tmp)
    try:
        page = f"{base}/runs/flow-run/{flow_run['id']}"
        text = browser.open(page, [flow_run["name"], "Completed", "committed"])
        assert "Can't connect to Server API" not in text
        shots.append(browser.screenshot(SHOTS / f"{tag}-flow-run.png"))
        browser.click_tab("Task Runs", [f"{s}[batch 0]" for s in STAGES], gone=["Beginning flow run"])
        shots.append(browser.screenshot(SHOTS / f"{tag}-task-runs.png"))
        browser.click_tab("Artifacts", ["nightly-summary", "nightly-stages"], gone=["Beginning flow run"])
        shots.append(browser.screenshot(SHOTS / f"{tag}-artifacts.png"))
        browser.open(f"{base}/artifacts/artifact/{summary['id']}",
                     ["Nightly run", "Top entities", "Counts by type", "KILL", "John Kerry"])
        shots.append(browser.screenshot(SHOTS / f"{tag}-summary.png"))
    finally:
        browser.close()
    log(f"UI: flow run page shows {flow_run['name']} Completed, task runs, artifacts and the summary")
    return shots


def _artifacts(c: httpx.Client, flow_run_id: str) -> dict:
    arts = c.post("/artifacts/filter", json={"artifacts": {"flow_run_id": {"any_": [flow_run_id]}}}).json()
    return {a["key"] or a["type"]: a for a in arts}


def check_worker_killed(api: str, tmp: Path) -> tuple[dict, dict]:
    """A worker SIGKILLed mid-parse (as the OOM killer does): Failed, named, no zombie, summary published."""
    out = newsflow(api, tmp, "data-oom", "--batch-size", "1", "--task-runner", "process", "--workers", "2",
                   expect=1, fault="parse:batch-1")
    assert "parse[batch 1]: worker process died" in out, out[-2000:]
    with httpx.Client(base_url=api, timeout=30) as c:
        runs = c.post("/flow_runs/filter", json={"flow_runs": {"state": {"type": {"any_": ["FAILED"]}}}}).json()
        fr = next((r for r in runs if "parse[batch 1]" in (r["state"]["message"] or "")), None)
        assert fr, [(r["name"], r["state"]["message"]) for r in runs]
        assert "worker process died (SIGKILL, likely out of memory)" in fr["state"]["message"], fr["state"]
        tasks = c.post("/task_runs/filter", json={"flow_runs": {"id": {"any_": [fr["id"]]}}}).json()
        left_open = [(t["name"], t["state_type"]) for t in tasks if t["state_type"] in OPEN_STATES]
        assert not left_open, f"task runs left open: {left_open}"
        parse1 = next(t for t in tasks if t["name"] == "parse[batch 1]")
        assert parse1["state_type"] == "CRASHED" and "parse[batch 1]" in parse1["state"]["message"], parse1["state"]
        arts = _artifacts(c, fr["id"])
        assert {"nightly-summary", "nightly-stages"} <= set(arts), set(arts)
        summary = arts["nightly-summary"]
        assert "FAILED" in summary["data"] and "parse[batch 1]" in summary["data"], summary["data"][:500]
    log(f"API: {fr['name']} Failed: {fr['state']['message']}; {len(tasks)} task runs, none open; summary published")
    return fr, summary


def check_killed_run(api: str, tmp: Path) -> dict:
    """A run SIGKILLed outright stays Running until the next run on its data dir marks it Crashed."""
    from tasks.lock import parse_holder

    newsflow(api, tmp, "data-kill", expect=-signal.SIGKILL, fault="commit:after-articles")
    holder = parse_holder((tmp / "data-kill" / ".lock").read_text())
    with httpx.Client(base_url=api, timeout=30) as c:
        before = c.get(f"/flow_runs/{holder['flow_run']}").json()
        assert before["state_type"] == "RUNNING", before["state_type"]
        newsflow(api, tmp, "data-kill")
        fr = c.get(f"/flow_runs/{holder['flow_run']}").json()
        want = f"process {holder['pid']} died; its run {holder['run']} committed nothing"
        assert fr["state_type"] == "CRASHED" and fr["state"]["message"] == want, fr["state"]
        later = c.post("/flow_runs/filter", json={"sort": "START_TIME_DESC", "limit": 1}).json()[0]
        deadline = time.monotonic() + 30  # logs reach the server in batches
        while True:
            logs = c.post("/logs/filter", json={"logs": {"flow_run_id": {"any_": [later["id"]]}}}).json()
            if any(want in entry["message"] for entry in logs) or time.monotonic() > deadline:
                break
            time.sleep(1)
        assert any(want in entry["message"] for entry in logs), f"{later['name']} did not log {want!r}"
    log(f"API: killed run {fr['name']} is Crashed after the next run: {want}")
    return fr


def check_failure_ui(base: str, tmp: Path, failed: dict, summary: dict, crashed: dict, tag: str) -> None:
    browser = Browser(tmp)
    try:
        browser.open(f"{base}/runs/flow-run/{failed['id']}", [failed["name"], "Failed", "parse[batch 1]"])
        browser.screenshot(SHOTS / f"{tag}-failed-run.png")
        browser.click_tab("Task Runs", ["parse[batch 1]", "Crashed"], gone=["Beginning flow run"])
        browser.screenshot(SHOTS / f"{tag}-failed-task-runs.png")
        browser.open(f"{base}/artifacts/artifact/{summary['id']}", ["FAILED", "parse[batch 1]", "Stages"])
        browser.screenshot(SHOTS / f"{tag}-failed-summary.png")
        browser.open(f"{base}/runs/flow-run/{crashed['id']}", [crashed["name"], "Crashed"])
        browser.screenshot(SHOTS / f"{tag}-crashed-run.png")
    finally:
        browser.close()
    log(f"UI: {failed['name']} shows Failed at parse[batch 1], its summary FAILED; {crashed['name']} shows Crashed")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--postgres", action="store_true", help="back the server with a throw-away PostgreSQL")
    ap.add_argument("--keep", action="store_true", help="keep the temp dir (logs, data) for a look")
    args = ap.parse_args()
    t0 = time.monotonic()
    tag = "postgres" if args.postgres else "sqlite"
    tmp = Path(tempfile.mkdtemp(prefix="newsflow-e2e-"))
    ok = False
    try:
        with ExitStack() as stack:
            db = (stack.enter_context(postgres(tmp)) if args.postgres
                  else f"sqlite+aiosqlite:///{tmp / 'prefect' / 'prefect.db'}")
            api = stack.enter_context(prefect_server(tmp, db))
            run_name = run_flow(api, tmp)
            flow_run, summary = check_api(api, run_name)
            check_ui(api.removesuffix("/api"), tmp, flow_run, summary, tag)
            failed, failed_summary = check_worker_killed(api, tmp)
            crashed = check_killed_run(api, tmp)
            check_failure_ui(api.removesuffix("/api"), tmp, failed, failed_summary, crashed, tag)
        ok = True
    except (AssertionError, RuntimeError, subprocess.SubprocessError) as exc:
        for name in ("server.log", "run.log"):
            if (tmp / name).exists():
                print(f"--- {name} (tail) ---\n{(tmp / name).read_text()[-3000:]}", file=sys.stderr)
        # last, so that a CI log cut to its tail still shows which check failed
        log(f"FAILED: {str(exc) if isinstance(exc, HungRun) else str(exc)[:1500]}")
    finally:
        if args.keep or not ok:
            log(f"kept {tmp}")
        else:
            shutil.rmtree(tmp, ignore_errors=True)
    log(f"{'passed' if ok else 'FAILED'} ({tag}) in {time.monotonic() - t0:.0f} s")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
