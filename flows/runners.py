"""Task runners by name: threads for one process, a process pool for every core,
Dask (through prefect-dask) for a local or remote cluster.

spaCy holds the GIL for most of a parse, so threads use one core; worker
processes (``process``, ``dask``) are what uses the others. ``auto`` (the
CLI's default) picks threads for small inputs such as ``seeds/``, where
starting worker processes and loading the model in each costs more than it
saves, and one worker process per core for anything larger (measured in
bench/bench_pipeline.py; see README "Performance").
"""
from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from prefect.task_runners import ProcessPoolTaskRunner, TaskRunner, ThreadPoolTaskRunner

from flows.failures import dead_workers
from flows.lifeline import die_with_parent
from flows.stacks import dump_stacks_on_signal

# Below this many input bytes (~200 news articles) a run takes seconds and starting
# worker processes, each loading the model, would cost more than the second core saves.
AUTO_PROCESS_BYTES = 1_000_000


def _warm(model: str | None) -> int:
    """Import the task modules and load the model in a fresh worker process, so its
    first parse does not wait for them."""
    import tasks.stages  # noqa: F401 - imported for its cost, before the first task
    from tasks.nlp import load_model
    from tasks.numbers import units

    load_model(model)
    units.warm()  # the unit and currency tables (from disk; 1.7 s to build), off the first batch's time
    return os.getpid()


def _broken(executor: Any) -> bool:
    """Whether a worker of the pool died (the pool then ends the others with SIGTERM)."""
    return executor is not None and bool(getattr(executor, "_broken", False))


def release_message_queue(queue: Any) -> None:
    """Let this process exit without flushing the queue its workers send logs and events on.

    The workers write to it under one lock they share with this process. A worker
    killed while it holds that lock (the OOM killer does not wait for a write to end)
    leaves it held for ever, and Python, at exit, waits for the queue's writer
    thread, which waits for the lock: the failed run never exits. What is still
    queued is the pool's shutdown message, and its workers are gone."""
    if queue is not None:
        queue.cancel_join_thread()


def _start_worker(parent_pid: int) -> None:
    """A worker dies with the run that started it and shows its stacks on SIGUSR1."""
    die_with_parent(parent_pid)
    dump_stacks_on_signal()


class WarmProcessPoolTaskRunner(ProcessPoolTaskRunner):
    """A process pool whose workers can be started, and load the model, ahead of the
    first task: the flow calls ``warm()`` when it has a first batch to work on, so
    that start-up overlaps with normalising it (and a run with nothing new starts none)."""

    def __init__(self, max_workers: int | None = None, model: str | None = None, **kwargs: Any) -> None:
        # Workers exit when the flow process dies, even by SIGKILL (flows/lifeline.py).
        kwargs.setdefault("initializer", _start_worker)
        kwargs.setdefault("initargs", (os.getpid(),))
        super().__init__(max_workers=max_workers, **kwargs)
        self.model = model
        self._warmed = False

    def duplicate(self) -> "WarmProcessPoolTaskRunner":
        dup = super().duplicate()
        dup.model = self.model
        return dup

    def __exit__(self, *exc_info: Any) -> None:
        if _broken(getattr(self, "_executor", None)) or dead_workers(self, wait_seconds=0):
            release_message_queue(getattr(self, "_subprocess_message_queue", None))
        super().__exit__(*exc_info)

    def warm(self) -> None:
        executor = getattr(self, "_executor", None)
        if executor is None or getattr(self, "_warmed", False):
            return
        self._warmed = True
        for _ in range(self._max_workers):
            executor.submit(_warm, self.model)


def _prefect_api_url() -> str | None:
    """The API the flow talks to, which Dask workers on a local cluster must be told:
    with the embedded server it is only in this process's settings."""
    from prefect.settings import get_current_settings

    url = get_current_settings().api.url
    return str(url) if url else None


def _dask_runner(workers: int, address: str | None, model: str | None) -> TaskRunner:
    from prefect_dask import DaskTaskRunner

    class NewsflowDaskTaskRunner(DaskTaskRunner):
        """prefect-dask's runner; a local cluster's workers get the flow's PREFECT_API_URL
        (and NEWSFLOW_MODEL) in their environment so their task runs reach the same server."""

        def __enter__(self):
            if self.address is None:
                env = dict(self.cluster_kwargs.get("env") or {})
                url = _prefect_api_url()
                if url:
                    env.setdefault("PREFECT_API_URL", url)
                if model:
                    env.setdefault("NEWSFLOW_MODEL", model)
                self.cluster_kwargs = {**self.cluster_kwargs, "env": env}
            return super().__enter__()

    NewsflowDaskTaskRunner.__qualname__ = NewsflowDaskTaskRunner.__name__ = "DaskTaskRunner"
    if address:
        return NewsflowDaskTaskRunner(address=address)
    return NewsflowDaskTaskRunner(cluster_kwargs={
        "n_workers": workers, "threads_per_worker": 1, "processes": True, "dashboard_address": None,
    })


def make_runner(kind: str = "thread", workers: int | None = None, address: str | None = None,
                model: str | None = None) -> TaskRunner:
    workers = workers or os.cpu_count() or 1
    if kind == "thread":
        # Normalising the next batch and parsing this one overlap; spaCy holds
        # the GIL most of the time, so more threads buy nothing.
        return ThreadPoolTaskRunner(max_workers=4)
    if kind == "process":
        return WarmProcessPoolTaskRunner(max_workers=workers, model=model)
    if kind == "dask":
        return _dask_runner(workers, address, model)
    raise ValueError(f"unknown task runner {kind!r}: use auto, thread, process or dask")


def input_bytes(source: str | Path, limit: int = AUTO_PROCESS_BYTES) -> int:
    """Bytes under ``source`` (a file, folder or glob), counted until ``limit`` is passed."""
    import glob

    src = str(source)
    paths = [Path(p) for p in glob.glob(src, recursive=True)] if any(c in src for c in "*?[") else [Path(src)]
    total = 0
    for p in paths:
        files = p.rglob("*") if p.is_dir() else [p]
        for f in files:
            try:
                if f.is_file():
                    total += f.stat().st_size
            except OSError:
                continue
            if total > limit:
                return total
    return total


def auto_kind(source: str | Path) -> str:
    """``process`` on a multi-core machine when the input is large, else ``thread``."""
    if (os.cpu_count() or 1) > 1 and input_bytes(source) > AUTO_PROCESS_BYTES:
        return "process"
    return "thread"
