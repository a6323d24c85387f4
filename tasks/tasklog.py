"""Task-run logs that carry information only.

Prefect's task engine logs "Finished in state Completed()" for every task run
at INFO, which for a run of a hundred batches doubles its log without saying
anything the task-run list does not. Prefect has no setting for that line
alone (raising the ``prefect.task_runs`` level would also hide our own stage
lines), so a filter on that logger drops exactly it; failures, logged at
ERROR with their state, still show.
"""
from __future__ import annotations

import logging

TASK_RUN_LOGGER = "prefect.task_runs"


class _DropCompleted(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        return not (record.levelno == logging.INFO
                    and str(record.msg).startswith("Finished in state Completed"))


def quiet_completed_tasks() -> None:
    """Install the filter once per process (importing a task module calls it)."""
    logger = logging.getLogger(TASK_RUN_LOGGER)
    if not any(isinstance(f, _DropCompleted) for f in logger.filters):
        logger.addFilter(_DropCompleted())
