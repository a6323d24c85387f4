"""The stages of a nightly run, named once.

The flow names its task runs after them, the tasks tag their statistics with
them, the report orders its stage table by them and the tests look for them:
a stage renamed here is renamed everywhere.
"""
from __future__ import annotations

from enum import Enum


class Stage(str, Enum):
    """In the order a batch goes through them; ``value`` is what people read."""

    READ = "read"
    NORMALISE = "normalise"
    DEDUP = "dedup"
    PARSE = "parse"
    ENTITIES = "entities"
    NUMBERS = "numbers"
    WRITE = "write"
    COMMIT = "commit"

    def __str__(self) -> str:
        return self.value

    def run_name(self, batch: int) -> str:
        """The task run's name in the Prefect UI, e.g. ``parse[batch 3]``."""
        return f"{self.value}[batch {batch}]"


# Stages that run as one Prefect task run per batch (the others run in the flow itself).
TASK_STAGES = (Stage.NORMALISE, Stage.PARSE, Stage.ENTITIES, Stage.NUMBERS, Stage.WRITE)
