"""What the terminal shows when a command fails: one line, not a page of traceback.

An expected failure (the data dir is busy, the model is not installed, the input
is missing) is said by the CLI as ``error: ...``; Prefect's console handler
would print the same error 20 to 60 lines long first. Tracebacks still reach
the Prefect server's logs (the UI shows them) and come back on the terminal
with ``--verbose``.
"""
from __future__ import annotations

import copy
import logging


class _WithoutTraceback(logging.Formatter):
    """Formats as the formatter it wraps, minus the exception's traceback."""

    def __init__(self, inner: logging.Formatter | None) -> None:
        super().__init__()
        self.inner = inner or logging.Formatter()

    def format(self, record: logging.LogRecord) -> str:
        if record.exc_info or record.exc_text or record.stack_info:
            record = copy.copy(record)
            record.exc_info = record.exc_text = record.stack_info = None
        return self.inner.format(record)


def _terminal_handlers() -> list[logging.Handler]:
    from prefect.logging.handlers import PrefectConsoleHandler

    loggers = [logging.getLogger()] + [
        lg for lg in logging.root.manager.loggerDict.values() if isinstance(lg, logging.Logger)]
    return [h for lg in loggers for h in lg.handlers if isinstance(h, PrefectConsoleHandler)]


def hide_tracebacks() -> None:
    """Keep Prefect's console log lines, drop the tracebacks they carry.
    Call after Prefect has set up its logging (importing a flow does)."""
    for handler in _terminal_handlers():
        if not isinstance(handler.formatter, _WithoutTraceback):
            handler.setFormatter(_WithoutTraceback(handler.formatter))
