"""A run's running totals and its per-stage table.

Every count a run reports (the CLI's line, the final state message, the
artifacts, the ``runs`` row and its ``stages`` column) is read from one
``Totals``, so they cannot disagree. Rejects are counted where they happen:
ingest's by ``read``, cleaning's by ``normalise``, exact copies by ``dedup``,
so the stage table's rejects add up to the run's.
"""
from __future__ import annotations

import time
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import datetime, timezone

from tasks.records import Reject
from tasks.stagenames import Stage
from tasks.outcomes import MEASURABLE_SECONDS, StageStats, Written
from tasks.stages import NormalisedBatch

# Tables whose row counts the stage table shows in columns of their own.
ROW_COLUMNS = ("entities", "numbers", "rejects")


def _readable(seconds: float) -> float:
    """Milliseconds for long stages, three significant digits for short ones: reading a few
    small files is work too, and must not show as 0."""
    return round(seconds, 3) if seconds >= 1 else float(f"{seconds:.3g}")


def duration(seconds: float) -> str:
    """``12.3 s``, ``2 min 10 s``, ``1 h 4 min``: what a person reads at a glance."""
    if seconds < 60:
        return f"{seconds:.1f} s"
    minutes, secs = divmod(round(seconds), 60)
    if minutes < 60:
        return f"{minutes} min {secs} s"
    return f"{minutes // 60} h {minutes % 60} min"


@dataclass
class Totals:
    read: int = 0
    written: int = 0
    rejected: int = 0
    duplicates: int = 0
    entities: int = 0
    numbers: int = 0
    words: int = 0
    batches: int = 0
    parsed: int = 0
    reasons: Counter = field(default_factory=Counter)
    stages: dict[Stage, StageStats] = field(default_factory=dict)

    def add_stage(self, s: StageStats) -> None:
        agg = self.stages.setdefault(s.stage, StageStats(s.stage, -1))
        agg.n_in += s.n_in
        agg.n_out += s.n_out
        agg.rejected += s.rejected
        agg.words += s.words
        agg.seconds += s.seconds
        for k, v in s.rows.items():
            agg.rows[k] = agg.rows.get(k, 0) + v

    def add_normalised(self, nb: NormalisedBatch) -> None:
        self.batches += 1
        self.add_stage(nb.stats)

    def count_rejects(self, rejects: list[Reject]) -> None:
        self.rejected += len(rejects)
        self.reasons.update(r.reason for r in rejects)

    def add_parsed(self, stats: StageStats | None) -> None:
        if stats is not None:
            self.parsed += stats.n_out
            self.add_stage(stats)

    def add_written(self, written: Written) -> None:
        """A batch's write, with the articles parsing or extraction rejected on the way
        (their stages count them as rejected, so the stage table still adds up)."""
        counts = written.counts
        self.written += counts.get("articles", 0)
        self.entities += counts.get("entities", 0)
        self.numbers += counts.get("numbers", 0)
        self.count_rejects(written.rejects)
        for s in written.stats:
            if s.stage is Stage.ENTITIES:
                self.words += s.words
            self.add_stage(s)

    def run_row(self, base: dict, status: str, t0: float, error: str | None = None) -> dict:
        """``base`` (the run's fixed fields) completed into its ``runs`` row as of now."""
        seconds = time.perf_counter() - t0
        return dict(
            base, status=status, error=error, finished_at=datetime.now(timezone.utc),
            seconds=seconds, read=self.read, written=self.written,
            rejected=self.rejected, duplicates=self.duplicates, entities=self.entities,
            numbers=self.numbers, words=self.words, stages=self.stage_records(seconds),
        )

    def stage_records(self, wall_seconds: float) -> list[dict]:
        """One row per stage that ran, in pipeline order: the ``runs.stages`` column's items."""
        rows = []
        for stage in Stage:
            s = self.stages.get(stage)
            if s is None:
                continue
            rows.append({
                "stage": stage.value, "n_in": s.n_in, "n_out": s.n_out, "rejected": s.rejected,
                "seconds": round(s.seconds, 6), "words": s.words,
                "share": round(s.seconds / wall_seconds, 4) if wall_seconds > 0 else None,
                **{k: s.rows.get(k) for k in ROW_COLUMNS},
            })
        return rows

    def stage_rows(self, wall_seconds: float) -> list[dict]:
        """The stage table as people read it (the ``nightly-stages`` artifact)."""
        out = []
        for r in self.stage_records(wall_seconds):
            measurable = r["seconds"] >= MEASURABLE_SECONDS and r["n_in"]
            out.append({
                "stage": r["stage"], "in": r["n_in"], "out": r["n_out"], "rejected": r["rejected"],
                "seconds": _readable(r["seconds"]),
                "% of wall time": None if r["share"] is None else round(100 * r["share"], 1),
                **{k: r[k] for k in ROW_COLUMNS},
                "articles/s": round(r["n_in"] / r["seconds"], 1) if measurable else None,
            })
        return out

    def headline(self, seconds: float) -> str:
        """The final state message: "2,225 articles, 7 rejected, 38,120 entities, 9,430 numbers in 2 min 10 s"."""
        return (f"{self.written:,} articles, {self.rejected:,} rejected, {self.entities:,} entities, "
                f"{self.numbers:,} numbers in {duration(seconds)}")


class TimedRecords:
    """Reading, timed and counted as the flow pulls records: the ``read`` stage.

    Reading is lazy (a batch at a time), so its time is the time spent inside
    ``next`` on the underlying iterator, not the wall time between batches."""

    def __init__(self, records: Iterable, totals: Totals) -> None:
        self._it = iter(records)
        self.stats = StageStats(Stage.READ, -1)
        totals.stages[Stage.READ] = self.stats
        self.totals = totals

    def __iter__(self) -> Iterator:
        return self

    def __next__(self):
        t0 = time.perf_counter()
        try:
            rec = next(self._it)
        finally:
            self.stats.seconds += time.perf_counter() - t0
        self.stats.n_in += 1
        self.totals.read += 1
        if isinstance(rec, Reject):
            self.stats.rejected += 1
        else:
            self.stats.n_out += 1
        return rec
