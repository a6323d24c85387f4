"""``kill -USR1 <pid>`` prints where every thread of a ``newsflow`` process waits.

A run that hangs instead of failing says nothing: no error, no log line, only
a Running flow run. Its stacks say what it waits for (a lock, a server, a
worker). The CLI and every worker process it starts answer the signal, on the
stderr the run's output goes to; the process goes on as before.
"""
from __future__ import annotations

import faulthandler
import io
import signal
import sys


def dump_stacks_on_signal(sig: int = getattr(signal, "SIGUSR1", 0)) -> bool:
    """Register the dump; False where there is no such signal or no stderr file to write to."""
    if not sig:
        return False
    try:
        faulthandler.register(sig, file=sys.stderr, all_threads=True, chain=False)
    except (AttributeError, ValueError, io.UnsupportedOperation, RuntimeError):
        return False  # stderr without a file descriptor (captured), or no signals here
    return True


def dump_stacks() -> None:
    """Print every thread's stack now (nothing where stderr has no file descriptor)."""
    try:
        sys.stderr.flush()
        faulthandler.dump_traceback(file=sys.stderr, all_threads=True)
    except (AttributeError, ValueError, io.UnsupportedOperation, OSError):
        pass
