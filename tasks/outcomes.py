"""What one stage hands the next for a batch: plain records any task runner can ship.

They hold counts, Arrow tables and rejects, never a Prefect future or state, so
a parse that ran the extractions itself returns them in the same plain fields
as the flow process fills when it runs them.
"""
from __future__ import annotations

from dataclasses import dataclass, field

import pyarrow as pa

from tasks.records import Reject
from tasks.stagenames import Stage

# Below this a stage's time is noise (timer resolution, one small batch): no rate is shown.
MEASURABLE_SECONDS = 0.01


@dataclass
class StageStats:
    """What one stage did to one batch; summed per stage for the run summary."""

    stage: Stage
    batch: int
    n_in: int = 0
    n_out: int = 0
    rejected: int = 0
    words: int = 0
    seconds: float = 0.0
    rows: dict[str, int] = field(default_factory=dict)  # rows produced, by table


@dataclass
class Extracted:
    """One extraction task's rows for a batch, and the articles it failed on."""

    table: pa.Table
    stats: StageStats
    rejects: list[Reject] = field(default_factory=list)


@dataclass
class Written:
    """What a batch's write staged (rows by table), each stage's stats, and the
    articles that parsing or extraction rejected on the way (already among the rows)."""

    counts: dict[str, int]
    stats: list[StageStats]
    rejects: list[Reject]
