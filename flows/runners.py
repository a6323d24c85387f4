"""Task runners by name: threads for one process, a process pool for both
cores, Dask (through prefect-dask) for a local or remote cluster."""
from __future__ import annotations

from prefect.task_runners import ProcessPoolTaskRunner, TaskRunner, ThreadPoolTaskRunner


def make_runner(kind: str = "thread", workers: int = 2, address: str | None = None) -> TaskRunner:
    if kind == "thread":
        # Normalising the next batch and parsing this one overlap; spaCy holds
        # the GIL most of the time, so more threads buy nothing.
        return ThreadPoolTaskRunner(max_workers=4)
    if kind == "process":
        return ProcessPoolTaskRunner(max_workers=workers)
    if kind == "dask":
        from prefect_dask import DaskTaskRunner

        if address:
            return DaskTaskRunner(address=address)
        return DaskTaskRunner(cluster_kwargs={"n_workers": workers, "threads_per_worker": 1, "processes": True})
    raise ValueError(f"unknown task runner {kind!r}: use thread, process or dask")


def parallelism(runner: TaskRunner | None) -> int:
    """How many batches can usefully run at once under ``runner``."""
    import os

    n = getattr(runner, "_max_workers", None) or getattr(runner, "max_workers", None)
    if not n and runner is not None and type(runner).__name__ == "DaskTaskRunner":
        n = (getattr(runner, "cluster_kwargs", None) or {}).get("n_workers")
    return int(n or os.cpu_count() or 1)
