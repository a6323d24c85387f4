"""Which process is working on which batch, for when one of them dies.

When the out-of-memory killer ends one worker, the process pool fails every
batch in flight with the same ``BrokenProcessPool``; only the pid of the dead
worker tells which batch killed it. A task marked here leaves
``staging/<run_id>/busy/<stage>-<batch>`` holding its pid while it runs, so the
flow can name the batch the dead process was working on.
"""
from __future__ import annotations

import functools
import inspect
import os
from collections.abc import Callable
from pathlib import Path

from tasks.lake import Lake
from tasks.stagenames import Stage


def _busy_dir(lake: Lake, run_id: str) -> Path:
    return lake.staging(run_id) / "busy"


def marks_busy(stage: Stage) -> Callable:
    """Decorate a task function taking ``lake``, ``run_id`` and ``batch`` (under @task)."""
    def decorate(fn: Callable) -> Callable:
        sig = inspect.signature(fn)

        @functools.wraps(fn)
        def wrapper(*args, **kwargs):
            bound = sig.bind(*args, **kwargs)
            lake, run_id, batch = (bound.arguments[k] for k in ("lake", "run_id", "batch"))
            path = _busy_dir(lake, run_id) / f"{stage.value}-{batch}"
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(str(os.getpid()))
            try:
                return fn(*args, **kwargs)
            finally:
                path.unlink(missing_ok=True)
        return wrapper
    return decorate


def busy_batches(lake: Lake, run_id: str) -> dict[int, tuple[Stage, int]]:
    """pid -> (stage, batch) of the tasks still marked busy (a dead worker's stays)."""
    out: dict[int, tuple[Stage, int]] = {}
    d = _busy_dir(lake, run_id)
    for f in d.glob("*-*") if d.exists() else ():
        stage, _, batch = f.name.rpartition("-")
        try:
            out[int(f.read_text())] = (Stage(stage), int(batch))
        except (ValueError, OSError):
            continue
    return out
