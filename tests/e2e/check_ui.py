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
import base64
import json
import os
import pwd
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from contextlib import ExitStack, contextmanager
from datetime import date
from pathlib import Path

import httpx
from websockets.sync.client import connect

ROOT = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent
SHOTS = ROOT / "data" / "e2e"
sys.path.insert(0, str(ROOT))
from tasks.stagenames import TASK_STAGES, Stage  # noqa: E402

STAGES = tuple(s.value for s in TASK_STAGES)
OPEN_STATES = {"PENDING", "RUNNING", "SCHEDULED"}


def log(msg: str) -> None:
    print(f"[e2e {time.strftime('%H:%M:%S')}] {msg}", flush=True)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _stop(proc: subprocess.Popen, name: str) -> None:
    if proc.poll() is not None:
        return
    try:
        os.killpg(proc.pid, signal.SIGTERM)  # our own process group (start_new_session)
        proc.wait(timeout=20)
    except (ProcessLookupError, subprocess.TimeoutExpired):
        try:
            os.killpg(proc.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
    log(f"stopped {name}")


# -- PostgreSQL -----------------------------------------------------------------

def _pg_bin(name: str) -> str:
    found = shutil.which(name) or next(iter(sorted(Path("/usr/lib/postgresql").glob(f"*/bin/{name}"), reverse=True)), None)
    if not found:
        sys.exit(f"--postgres needs PostgreSQL's {name}: apt-get install -y postgresql")
    return str(found)


@contextmanager
def postgres(tmp: Path):
    """A throw-away PostgreSQL cluster on a free loopback port (as user postgres when we are root)."""
    port = free_port()
    pgdata = Path(tempfile.mkdtemp(prefix="newsflow-pg-"))
    as_user: list[str] = []
    if os.geteuid() == 0:
        pw = pwd.getpwnam("postgres")
        os.chown(pgdata, pw.pw_uid, pw.pw_gid)
        as_user = ["runuser", "-u", "postgres", "--"]
    run = lambda *cmd: subprocess.run([*as_user, *cmd], check=True, capture_output=True, text=True)  # noqa: E731
    run(_pg_bin("initdb"), "-D", str(pgdata / "db"), "-A", "trust", "-U", "prefect", "-E", "UTF8", "--no-locale")
    run(_pg_bin("pg_ctl"), "-D", str(pgdata / "db"), "-l", str(pgdata / "log"), "-w", "-t", "60", "start",
        "-o", f"-p {port} -k {pgdata} -c listen_addresses=127.0.0.1 -c fsync=off")
    try:
        subprocess.run([_pg_bin("psql"), "-h", "127.0.0.1", "-p", str(port), "-U", "prefect", "-d", "postgres",
                        "-c", "CREATE DATABASE prefect"], check=True, capture_output=True, text=True)
        log(f"PostgreSQL on 127.0.0.1:{port}")
        yield f"postgresql+asyncpg://prefect@127.0.0.1:{port}/prefect"
    finally:
        subprocess.run([*as_user, _pg_bin("pg_ctl"), "-D", str(pgdata / "db"), "-m", "fast", "-w", "stop"],
                       capture_output=True)
        shutil.rmtree(pgdata, ignore_errors=True)


# -- Prefect server ---------------------------------------------------------------

@contextmanager
def prefect_server(tmp: Path, db_url: str):
    port = free_port()
    api = f"http://127.0.0.1:{port}/api"
    env = {k: v for k, v in os.environ.items() if not k.startswith("PREFECT_")}
    env.update(
        PREFECT_HOME=str(tmp / "prefect"),
        PREFECT_SERVER_DATABASE_CONNECTION_URL=db_url,
        PREFECT_SERVER_UI_API_URL=api,
        PREFECT_SERVER_ANALYTICS_ENABLED="false",
        PREFECT_LOGGING_LEVEL="WARNING",
    )
    out = open(tmp / "server.log", "w")
    proc = subprocess.Popen([str(BIN / "prefect"), "server", "start", "--host", "127.0.0.1", "--port", str(port)],
                            env=env, stdout=out, stderr=subprocess.STDOUT, start_new_session=True)
    try:
        deadline = time.monotonic() + 180
        while True:
            if proc.poll() is not None:
                raise RuntimeError(f"prefect server exited {proc.returncode}:\n{(tmp / 'server.log').read_text()[-3000:]}")
            try:
                if httpx.get(f"{api}/health", timeout=2).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            if time.monotonic() > deadline:
                raise RuntimeError("prefect server did not answer /api/health within 180 s")
            time.sleep(0.5)
        log(f"Prefect server up at {api}")
        yield api
    finally:
        _stop(proc, "prefect server")


# -- Chromium over the DevTools protocol ---------------------------------------------

class Browser:
    def __init__(self, tmp: Path) -> None:
        exe = shutil.which("chromium") or shutil.which("chromium-browser")
        if not exe:
            sys.exit("needs Chromium: apt-get install -y chromium")
        self.profile = Path(tempfile.mkdtemp(prefix="chromium-profile-", dir=tmp))  # one per browser started
        self.proc = subprocess.Popen(
            [exe, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
             "--disable-background-networking", "--disable-component-update", "--disable-sync",
             "--disable-quic", "--disable-dev-shm-usage", f"--user-data-dir={self.profile}",
             "--remote-debugging-address=127.0.0.1", "--remote-debugging-port=0",
             "--window-size=1440,1000", "about:blank"],
            stdout=subprocess.DEVNULL, stderr=open(tmp / "chromium.log", "w"), start_new_session=True)
        port_file = self.profile / "DevToolsActivePort"
        deadline = time.monotonic() + 60
        while not (port_file.exists() and port_file.read_text().strip()):
            if self.proc.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"chromium did not start:\n{(tmp / 'chromium.log').read_text()[-2000:]}")
            time.sleep(0.2)
        port = int(port_file.read_text().split()[0])
        pages = [t for t in httpx.get(f"http://127.0.0.1:{port}/json/list").json() if t["type"] == "page"]
        self.ws = connect(pages[0]["webSocketDebuggerUrl"], max_size=64 * 2**20, open_timeout=30)
        self._id = 0
        self.call("Page.enable")
        self.call("Emulation.setDeviceMetricsOverride", width=1440, height=1000, deviceScaleFactor=1, mobile=False)

    def call(self, method: str, **params):
        self._id += 1
        self.ws.send(json.dumps({"id": self._id, "method": method, "params": params}))
        while True:
            msg = json.loads(self.ws.recv(timeout=60))
            if msg.get("id") == self._id:
                if "error" in msg:
                    raise RuntimeError(f"{method}: {msg['error']}")
                return msg.get("result", {})

    def text(self) -> str:
        r = self.call("Runtime.evaluate", expression="document.body ? document.body.innerText : ''", returnByValue=True)
        return r.get("result", {}).get("value") or ""

    def open(self, url: str, expect: list[str], timeout: float = 60) -> str:
        """Navigate and wait until every string in ``expect`` is on the page; return its text."""
        self.call("Page.navigate", url=url)
        deadline = time.monotonic() + timeout
        text = ""
        while time.monotonic() < deadline:
            text = self.text()
            if all(e in text for e in expect):
                time.sleep(1.0)  # let late widgets (graphs, charts) paint before the screenshot
                return self.text()
            time.sleep(0.5)
        missing = [e for e in expect if e not in text]
        raise AssertionError(f"{url}: never showed {missing}; page text was:\n{text[:3000]}")

    def click_tab(self, label: str, expect: list[str], gone: list[str] = (), timeout: float = 30) -> str:
        """Click the tab (or button, link) labelled ``label``; wait for ``expect`` to show and ``gone`` to go."""
        # the innermost element whose whole text is the label; the click bubbles to the tab's handler
        js = ("(() => { const want = %s; const els = [...document.querySelectorAll('body *')]"
              ".filter(e => (e.innerText || '').trim() === want); if (!els.length) return false;"
              " els[els.length - 1].click(); return true; })()") % json.dumps(label)
        deadline = time.monotonic() + timeout
        text = ""
        clicked = False
        while time.monotonic() < deadline:
            if not clicked:
                clicked = self.call("Runtime.evaluate", expression=js, returnByValue=True)["result"].get("value")
            text = self.text()
            if clicked and all(e in text for e in expect) and not any(g in text for g in gone):
                time.sleep(1.0)
                return self.text()
            time.sleep(0.5)
        raise AssertionError(f"tab {label!r} (clicked: {clicked}) never showed {expect} without {list(gone)}:\n{text[:3000]}")

    def screenshot(self, path: Path) -> Path:
        data = self.call("Page.captureScreenshot", format="png")["data"]
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(base64.b64decode(data))
        log(f"screenshot {path.relative_to(ROOT)}")
        return path

    def close(self) -> None:
        try:
            self.ws.close()
        finally:
            _stop(self.proc, "chromium")


# -- the checks -----------------------------------------------------------------------

def newsflow(api: str, tmp: Path, data: str, *args: str, expect: int = 0, fault: str | None = None) -> str:
    """``newsflow run seeds`` into ``tmp/data``; its output, after checking its exit code."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("PREFECT_") and k != "NEWSFLOW_FAULT"}
    env.update(PREFECT_API_URL=api, PREFECT_HOME=str(tmp / "prefect-client"))
    if fault:
        env["NEWSFLOW_FAULT"] = fault
    t0 = time.monotonic()
    done = subprocess.run([str(BIN / "newsflow"), "run", str(ROOT / "seeds"), "--data-dir", str(tmp / data), *args],
                          env=env, cwd=ROOT, capture_output=True, text=True, timeout=600)
    with open(tmp / "run.log", "a") as fh:
        fh.write(done.stdout + done.stderr)
    if done.returncode != expect:
        raise AssertionError(f"newsflow run exited {done.returncode}, expected {expect}:\n{(done.stdout + done.stderr)[-4000:]}")
    lines = (done.stdout + done.stderr).strip().splitlines() or ["-"]
    last = next((ln for ln in reversed(lines) if ln.startswith(("newsflow run", "error:"))), lines[-1])
    log(f"newsflow run{' ' + fault if fault else ''} took {time.monotonic() - t0:.0f} s: {last}")
    return done.stdout + done.stderr


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
        log(f"FAILED: {str(exc)[:1500]}")
    finally:
        if args.keep or not ok:
            log(f"kept {tmp}")
        else:
            shutil.rmtree(tmp, ignore_errors=True)
    log(f"{'passed' if ok else 'FAILED'} ({tag}) in {time.monotonic() - t0:.0f} s")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
