"""The services the end-to-end check starts and stops: a throw-away PostgreSQL and a Prefect server.

Each runs in its own process group on a free loopback port, so a failed check
never leaves a server behind (``stop`` ends the whole group).
"""
from __future__ import annotations

import os
import pwd
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent


def log(msg: str) -> None:
    print(f"[e2e {time.strftime('%H:%M:%S')}] {msg}", flush=True)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def stop(proc: subprocess.Popen, name: str) -> None:
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
        stop(proc, "prefect server")
