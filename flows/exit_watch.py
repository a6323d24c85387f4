"""A process that has written its run exits, even when its clean-up never ends.

Once a flow's body has written its run (committed, or failed with its row and
summary) only clean-up is left: the task runner stops its workers, Prefect
reports the final state, Python flushes its queues. Some of those steps wait
without a limit on things a killed worker can leave broken: a lock it held,
half a message in a pipe (flows/runners.py and flows/failures.py handle the two
cases seen). A process stuck there keeps the data dir's lock, and every later
night refuses to start.

So a process that exists for its flow runs arms this watch: every ``newsflow``
command, and the process Prefect starts for each served run (``newsflow serve``
spawns it with the CLI's ``NEWSFLOW_EXIT_WATCH``; a worker of ``prefect deploy``
runs ``python -m prefect.engine``). From the end of each flow body it gives
clean-up that many seconds (``GRACE_SECONDS`` unless set), then prints where
each thread waits and exits with the run's outcome (1 failed, 0 committed).
The next run marks a flow run left Running Crashed, as after any kill. A flow
called from other Python code (tests, notebooks) never arms it.
"""
from __future__ import annotations

import os
import sys
import threading
import time

from flows.stacks import dump_stacks

GRACE_SECONDS = 120.0

_lock = threading.Condition()
_state: dict = {"armed": False, "deadline": None, "code": 0, "grace": GRACE_SECONDS}


#: Seconds of grace; set by the CLI for itself and the processes it starts, whose flow bodies then arm the watch.
ENV = "NEWSFLOW_EXIT_WATCH"


def arm(grace: float | None = None) -> None:
    """Watch this process's flow bodies from now on (and the processes it starts will).
    A grace of 0 (``NEWSFLOW_EXIT_WATCH=0``) turns the watch off."""
    grace = grace if grace is not None else _grace_from_env()
    os.environ[ENV] = str(grace)
    if grace <= 0:
        return
    with _lock:
        _state["grace"] = grace
        if _state["armed"]:
            return
        _state["armed"] = True
    threading.Thread(target=_watch, name="newsflow-exit-watch", daemon=True).start()


def _grace_from_env() -> float:
    try:
        return float(os.environ.get(ENV) or GRACE_SECONDS)
    except ValueError:
        return GRACE_SECONDS


def arm_if_dedicated() -> None:
    """Arm in a process started for flow runs: by a ``newsflow`` command, or as ``python -m prefect.engine``."""
    spec = getattr(sys.modules.get("__main__"), "__spec__", None)
    if os.environ.get(ENV) or (spec is not None and spec.name == "prefect.engine"):
        arm()


def body_started() -> None:
    """A flow body is running: no deadline while it works, however long."""
    arm_if_dedicated()
    with _lock:
        _state["deadline"] = None
        _lock.notify_all()


def body_over(failed: bool) -> None:
    """The body has written its run; from now on only clean-up is left."""
    with _lock:
        _state["code"] = 1 if failed else 0
        _state["deadline"] = time.monotonic() + _state["grace"]
        _lock.notify_all()


def _watch() -> None:
    with _lock:
        while True:
            deadline = _state["deadline"]
            if deadline is not None and time.monotonic() >= deadline:
                break
            _lock.wait(None if deadline is None else max(deadline - time.monotonic(), 0.01))
        code, grace = _state["code"], _state["grace"]
    sys.stderr.write(f"newsflow: the run ended {grace:.0f} s ago and its clean-up is still waiting; "
                     f"exiting with {code}. Where each thread waited:\n")
    dump_stacks()
    os._exit(code)
