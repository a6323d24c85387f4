"""One run per data dir at a time.

Two runs writing the same lake would interleave staging and commits; an OS
file lock is released by the kernel even when a run is killed with SIGKILL,
so a crash never leaves the data dir locked.
"""
from __future__ import annotations

import fcntl
import os
import time
from contextlib import contextmanager
from collections.abc import Iterator
from pathlib import Path


class DataDirBusy(RuntimeError):
    """Another run holds the data dir."""


@contextmanager
def data_dir_lock(data_dir: Path, wait_seconds: float = 0.0) -> Iterator[None]:
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
        fh.truncate()
        fh.write(f"pid {os.getpid()} since {time.strftime('%Y-%m-%d %H:%M:%S')}")
        fh.flush()
        yield
    finally:
        fh.close()
