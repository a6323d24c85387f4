"""Child processes that die with the ``newsflow run`` that started them.

A run killed with SIGKILL (or by the out-of-memory killer) gets no chance to stop
what it started: the embedded Prefect server (~225 MB) and the worker processes
(~350 MB each, with their model) would live on, one more set every night. Linux
can tell a child when its parent dies (``PR_SET_PDEATHSIG``), but only when the
parent *thread* that forked it exits, and worker processes are forked from
whichever thread submits first. So the server, forked from the CLI's main thread,
uses the signal; the workers watch their parent's pid instead, which is always
right and costs one ``getppid`` a second.
"""
from __future__ import annotations

import ctypes
import os
import signal
import sys
import threading

_PR_SET_PDEATHSIG = 1
WATCH_SECONDS = 1.0


def _prctl_deathsig(sig: int) -> bool:
    if not sys.platform.startswith("linux"):
        return False
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        return libc.prctl(_PR_SET_PDEATHSIG, sig, 0, 0, 0) == 0
    except (OSError, AttributeError):
        return False


def signal_on_parent_death(parent_pid: int, sig: int = signal.SIGTERM) -> None:
    """For ``Popen(preexec_fn=...)``: the child gets ``sig`` when its parent thread exits.
    Exits at once if the parent died before the signal was armed."""
    _prctl_deathsig(sig)
    if os.getppid() != parent_pid:
        os._exit(1)


def _watch(parent_pid: int) -> None:
    stop = threading.Event()
    while not stop.wait(WATCH_SECONDS):
        if os.getppid() != parent_pid:
            os.kill(os.getpid(), signal.SIGKILL)


def die_with_parent(parent_pid: int) -> None:
    """Run in a worker process as it starts: a daemon thread kills it once its parent is gone.
    Its unfinished batch is left in staging, which the next run cleans."""
    if os.getppid() != parent_pid:
        os._exit(1)
    threading.Thread(target=_watch, args=(parent_pid,), name="newsflow-lifeline", daemon=True).start()
