"""One run per data dir at a time, and who held it last.

Two runs writing the same lake would interleave staging and commits; an OS
file lock is released by the kernel even when a run is killed with SIGKILL,
so a crash never leaves the data dir locked. The lock file names its holder
(pid, Prefect flow run, run id) while it runs and is emptied when the holder
leaves, normally or by an exception; a holder found in it by the next run is
therefore one that was killed, and that run can tell Prefect so.
"""
from __future__ import annotations

import fcntl
import os
import re
import time
from contextlib import contextmanager
from collections.abc import Iterator
from pathlib import Path


class DataDirBusy(RuntimeError):
    """Another run holds the data dir."""


_FIELDS = re.compile(r"(pid|flow_run|run) (\S+)")


def holder_text(pid: int, flow_run_id: str | None = None, run_id: str | None = None) -> str:
    text = f"pid {pid} since {time.strftime('%Y-%m-%d %H:%M:%S')}"
    if run_id:
        text += f", run {run_id}"
    if flow_run_id:
        text += f", flow_run {flow_run_id}"
    return text


def parse_holder(text: str) -> dict[str, str]:
    """The fields of :func:`holder_text` (``pid``, ``run``, ``flow_run``) that are present."""
    return {k: v.rstrip(",") for k, v in _FIELDS.findall(text)}


@contextmanager
def data_dir_lock(data_dir: Path, wait_seconds: float = 0.0, run_id: str | None = None,
                  flow_run_id: str | None = None) -> Iterator[dict[str, str] | None]:
    """Hold the data dir; yield the holder a killed run left behind (its pid, run and
    flow run), or None when the last holder left normally."""
    data_dir.mkdir(parents=True, exist_ok=True)
    path = data_dir / ".lock"
    fh = open(path, "a+")
    deadline = time.monotonic() + wait_seconds
    try:
        while True:
            try:
                fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    fh.seek(0)
                    holder = fh.read().strip() or "another process"
                    raise DataDirBusy(
                        f"{data_dir} is in use by another newsflow run ({holder}); "
                        "wait for it to finish or use another --data-dir"
                    ) from None
                time.sleep(0.5)
        fh.seek(0)
        left = parse_holder(fh.read())
        fh.seek(0)
        fh.truncate()
        fh.write(holder_text(os.getpid(), flow_run_id, run_id))
        fh.flush()
        try:
            # Only holders that name their run: older versions never emptied the file.
            yield left if "run" in left else None
        finally:
            fh.seek(0)
            fh.truncate()
    finally:
        fh.close()
