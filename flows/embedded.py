"""Prefect's embedded server, started early enough that nobody waits for it.

With no ``PREFECT_API_URL`` configured, Prefect starts a temporary server on
the first API call: it imports the server package in this process (~3 s) and
then waits while a uvicorn subprocess imports it again and opens the SQLite
database under ``PREFECT_HOME`` (~5 s). A run with nothing new to read takes
about a second, so that start-up was nine tenths of a nightly rerun.

``newsflow run`` starts the same server (Prefect's own app factory, flags and
environment, the same database) before it imports Prefect, spaCy and the
flow, so the two overlap on separate cores. Its URL goes into
``PREFECT_API_URL`` before Prefect reads its settings: every thread (the log
and event workers too) and every worker process then reports to it, as
they would to any server. Runs land in the same database as before, visible
in the UI once a server is started on it (``make server``).
"""
from __future__ import annotations

import functools
import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from flows.lifeline import signal_on_parent_death

_API_URL = "PREFECT_API_URL"
_UI_URL = "PREFECT_UI_URL"
# uvicorn exits with 3 when another process took the port between our probe and its bind.
_PORT_TAKEN = 3


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class EmbeddedServer:
    """A temporary Prefect API server in a subprocess, started now and awaited later."""

    def __init__(self) -> None:
        import importlib.util

        # Found without importing prefect (1-2 s), so the server starts first of all.
        self._app_dir = str(Path(importlib.util.find_spec("prefect").origin).parent.parent)
        self._env = {
            **os.environ,
            # what Prefect's SubprocessASGIServer sets: no UI, ephemeral services only
            "PREFECT_UI_ENABLED": "0",
            "PREFECT__SERVER_EPHEMERAL": "1",
            "PREFECT__SERVER_FINAL": "1",
        }
        self.proc: subprocess.Popen | None = None
        self.url = ""
        self._set_ui_url = False
        self._spawn()

    def _spawn(self) -> None:
        port = _free_port()
        self.url = f"http://127.0.0.1:{port}/api"
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "uvicorn", "--app-dir", self._app_dir, "--factory",
             "prefect.server.api.server:create_app", "--host", "127.0.0.1", "--port", str(port),
             "--log-level", "error", "--lifespan", "on"],
            env=self._env, stdin=subprocess.DEVNULL,
            # Dies with this process, however it dies (flows/lifeline.py).
            preexec_fn=functools.partial(signal_on_parent_death, os.getpid()),
        )
        os.environ[_API_URL] = self.url
        if _UI_URL not in os.environ:
            # No UI is served, so no "View at" links to one (as with Prefect's own embedded server).
            os.environ[_UI_URL] = ""
            self._set_ui_url = True

    def wait(self, timeout: float) -> str:
        """Block until the API answers; return its URL."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            code = self.proc.poll()
            if code == _PORT_TAKEN:
                self._spawn()
                _refresh_prefect_settings()
                continue
            if code is not None:
                raise RuntimeError(f"the embedded Prefect server exited with code {code}")
            try:
                with urllib.request.urlopen(self.url + "/health", timeout=2) as resp:
                    if resp.status == 200:
                        return self.url
            except OSError:
                pass
            time.sleep(0.05)
        raise RuntimeError(f"the embedded Prefect server did not answer within {timeout:.0f} s")

    def stop(self) -> None:
        """Stop the server and forget its URL."""
        os.environ.pop(_API_URL, None)
        if self._set_ui_url:
            os.environ.pop(_UI_URL, None)
            self._set_ui_url = False
        if self.proc is None:
            return
        self.proc.terminate()
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
        self.proc = None
        _refresh_prefect_settings()


def _refresh_prefect_settings() -> None:
    if "prefect.context" in sys.modules:
        from prefect.context import refresh_global_settings_context

        refresh_global_settings_context()


def start() -> EmbeddedServer | None:
    """Start the embedded server now, unless ``PREFECT_API_URL`` is set in the environment.

    Call before importing prefect. A URL or ``PREFECT_SERVER_EPHEMERAL_ENABLED=false``
    in a Prefect profile is only known once prefect is imported; ``using`` then
    stops this server unused.
    """
    if os.environ.get(_API_URL):
        return None
    return EmbeddedServer()


def _profile_configures_a_server() -> bool:
    from prefect.context import get_settings_context

    names = {getattr(k, "name", str(k)) for k in get_settings_context().profile.settings}
    return _API_URL in names


@contextmanager
def using(server: EmbeddedServer | None) -> Iterator[str | None]:
    """Run the block against ``server`` once it answers, then stop it."""
    if server is None:
        yield None
        return
    from prefect.events.worker import EventsWorker
    from prefect.logging.handlers import APILogWorker
    from prefect.settings import get_current_settings

    try:
        if _profile_configures_a_server() or not get_current_settings().server.ephemeral.enabled:
            server.stop()
            yield None
            return
        timeout = get_current_settings().server.ephemeral.startup_timeout_seconds
        url = server.wait(timeout)
        try:
            yield url
        finally:
            # The run's last logs and events are still queued; they must reach the
            # server before it stops, as Prefect's exit hooks do for its own.
            APILogWorker.drain_all(timeout=10, at_exit=False)
            EventsWorker.drain_all(timeout=10, at_exit=False)
    finally:
        server.stop()
