"""Failures that say where, and no run left "Running" after it is over.

A worker process killed by the out-of-memory killer surfaces in the flow as
``BrokenProcessPool`` with no stage, no batch and no cause; the task run it
was working on stays Running on the server forever, and so does the flow run
of a process killed outright. This module names the stage and batch of a
failure, ends the task runs a failing flow run leaves open, and marks the
flow run of a killed process Crashed when the next run finds its lock.
"""
from __future__ import annotations

import signal
import time
from collections.abc import Callable, Iterator
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from typing import Any
from uuid import UUID

from tasks.stagenames import Stage


class StageFailed(RuntimeError):
    """A stage of one batch failed; the message names both, then the cause."""

    def __init__(self, stage: Stage, batch: int | None, cause: str) -> None:
        self.stage, self.batch = stage, batch
        super().__init__(f"{stage if batch is None else stage.run_name(batch)}: {cause}")


def dead_workers(runner: Any, wait_seconds: float = 10.0) -> dict[int, str]:
    """pid -> name of the signal that ended it, for a process pool's workers that were
    killed (SIGKILL for the OOM killer); SIGTERM is the pool's own clean-up, left out.

    The pool fails its futures before it has reaped the dead worker, so its exit code
    can take a moment to show."""
    deadline = time.monotonic() + wait_seconds
    while True:
        procs = getattr(getattr(runner, "_executor", None), "_processes", None) or {}
        dead = {}
        for pid, p in list(procs.items()):
            code = getattr(p, "exitcode", None)
            if code is not None and code < 0 and -code != signal.SIGTERM:
                dead[pid] = signal.Signals(-code).name
        if dead or getattr(runner, "_executor", None) is None or time.monotonic() > deadline:
            return dead
        time.sleep(0.1)


#: Seconds a killed worker may go unnoticed by its pool before the flow stops waiting on it.
UNNOTICED_SECONDS = 30.0


def result_unless_worker_lost(future: Any, runner: Any, poll: float = 2.0,
                              unnoticed: float = UNNOTICED_SECONDS) -> Any:
    """``future.result()``, or BrokenProcessPool once a worker of the runner's pool has been
    dead for ``unnoticed`` seconds while the pool still waits.

    A worker killed while it sends a result leaves half a message in the pool's result
    pipe. The pool's manager thread then waits in ``recv`` for the rest, for ever: no
    future fails, and a flow that only waits would wait for ever too (CPython 3.11's
    concurrent.futures). Threads and Dask have no such pipe and just wait."""
    if not hasattr(getattr(runner, "_executor", None), "_processes"):
        return future.result()
    since = None
    while True:
        future.wait(poll)  # raises what the task raised, as result() would
        if future.wrapped_future.done():
            return future.result()
        if since is None:
            since = time.monotonic() if dead_workers(runner, wait_seconds=0) else None
        elif time.monotonic() - since > unnoticed:
            raise BrokenProcessPool("a worker process died and its pool did not notice")


def explain(exc: BaseException, dead: dict[int, str] | None = None) -> str:
    """What went wrong, in the words an operator needs."""
    if isinstance(exc, BrokenProcessPool):
        sigs = sorted(set((dead or {}).values()))
        how = ", ".join(sigs) if sigs else "killed"
        likely = ", likely out of memory" if not sigs or "SIGKILL" in sigs else ""
        return f"worker process died ({how}{likely})"
    if isinstance(exc, MemoryError):
        return "out of memory (MemoryError)"
    return f"{type(exc).__name__}: {exc}"


@contextmanager
def stage_of(stage: Stage, batch: int | None, runner: Any = None,
             busy: Callable[[], dict[int, tuple[Stage, int]]] | None = None) -> Iterator[None]:
    """Re-raise any failure inside as :class:`StageFailed` naming ``stage[batch n]``.

    A broken process pool fails every batch in flight alike; ``busy`` (pid -> stage and
    batch, tasks/busy.py) then names the batch the dead worker was on, not the one the
    flow happened to be waiting for."""
    try:
        yield
    except StageFailed:
        raise
    except Exception as exc:
        dead = dead_workers(runner) if isinstance(exc, BrokenProcessPool) else {}
        marked = busy() if busy and dead else {}
        on = [marked[pid] for pid in dead if pid in marked]
        stage, batch = on[0] if on else (stage, batch)
        raise StageFailed(stage, batch, explain(exc, dead)) from exc


def recorder_lag() -> float:
    """Seconds until the server has recorded every task-run state sent to it so far.

    Task runs report their states as events, and the server writes those in batches,
    one every flush interval (5 s by default). A sweep sooner than that after a failure
    misses task runs the server has not written yet; a Running state written after the
    sweep is then never ended, and a Completed one written after it loses to Crashed.
    The client reads the same setting the embedded server does; a remote server with
    another interval is the one case this guesses."""
    from prefect.settings import get_current_settings

    return float(get_current_settings().server.services.task_run_recorder.flush_interval) + 1.0


def end_open_task_runs(flow_run_id: str, message: str, settle: float = 0.0) -> list[str]:
    """Mark Crashed every task run of ``flow_run_id`` still Pending or Running: its worker
    is gone (or the flow stopped waiting for it), so nothing else ever will.

    ``settle`` seconds are waited first (``recorder_lag()`` for a run that failed just
    now), so the server holds the states its task runs sent before the failure."""
    from prefect import get_client
    from prefect.client.schemas.filters import (
        FlowRunFilter, FlowRunFilterId, TaskRunFilter, TaskRunFilterState, TaskRunFilterStateType,
    )
    from prefect.client.schemas.objects import StateType
    from prefect.states import Crashed

    open_types = [StateType.PENDING, StateType.RUNNING, StateType.SCHEDULED]
    time.sleep(settle)
    ended = []
    with get_client(sync_client=True) as client:
        runs = client.read_task_runs(
            flow_run_filter=FlowRunFilter(id=FlowRunFilterId(any_=[UUID(flow_run_id)])),
            task_run_filter=TaskRunFilter(state=TaskRunFilterState(type=TaskRunFilterStateType(any_=open_types))))
        for tr in runs:
            client.set_task_run_state(tr.id, Crashed(message=message), force=True)
            ended.append(tr.name)
    return ended


def dead_run_message(holder: dict[str, str], committed: bool) -> str:
    """``process 1234 died; its run 20261101T020000-ab12cd committed nothing``."""
    fate = "had committed (only its clean-up was lost)" if committed else "committed nothing"
    return f"process {holder.get('pid', '?')} died; its run {holder.get('run', '?')} {fate}"


def crash_dead_flow_run(holder: dict[str, str], message: str) -> bool:
    """Mark the killed process's flow run (and its open task runs) Crashed, unless the
    server already holds a final state for it. True when something was changed."""
    from prefect import get_client
    from prefect.states import Crashed

    flow_run_id = holder.get("flow_run")
    if not flow_run_id:
        return False
    with get_client(sync_client=True) as client:
        fr = client.read_flow_run(UUID(flow_run_id))
        if fr.state is not None and fr.state.is_final():
            return False
        client.set_flow_run_state(fr.id, Crashed(message=message), force=True)
    # It may have died seconds ago, with states the server has not written yet.
    end_open_task_runs(flow_run_id, f"its flow run crashed: {message}", settle=recorder_lag())
    return True
