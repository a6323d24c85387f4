"""What a run tells the people watching it: counts, progress and the morning summary.

Artifacts use stable keys, so the Prefect UI's artifact page shows the
summaries night over night.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date

import duckdb
from prefect import get_run_logger
from prefect.artifacts import (
    create_markdown_artifact, create_progress_artifact, create_table_artifact,
    update_progress_artifact,
)

from tasks.lake import Lake
from tasks.records import Reject
from tasks.stages import NormalisedBatch, StageStats, Written

SUMMARY_KEY = "nightly-summary"
STAGES_KEY = "nightly-stages"
STAGES = ("normalise", "parse", "entities", "numbers", "write")


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
    reasons: Counter = field(default_factory=Counter)
    stages: dict[str, StageStats] = field(default_factory=dict)

    def _stage(self, s: StageStats) -> None:
        agg = self.stages.setdefault(s.stage, StageStats(s.stage, -1))
        agg.n_in += s.n_in
        agg.n_out += s.n_out
        agg.rejected += s.rejected
        agg.words += s.words
        agg.seconds += s.seconds

    def add_normalised(self, nb: NormalisedBatch) -> None:
        self.read += nb.stats.n_in
        self.batches += 1
        self._stage(nb.stats)

    def count_rejects(self, rejects: list[Reject]) -> None:
        self.rejected += len(rejects)
        self.reasons.update(r.reason for r in rejects)

    def add_written(self, written: Written) -> None:
        """A batch's write, with the articles parsing or extraction rejected on the way."""
        counts = written.counts
        self.written += counts.get("articles", 0)
        self.entities += counts.get("entities", 0)
        self.numbers += counts.get("numbers", 0)
        self.count_rejects(written.rejects)
        for s in written.stats:
            if s.stage == "entities":
                self.words += s.words
            self._stage(s)

    def stage_rows(self) -> list[dict]:
        rows = []
        for name in STAGES:
            s = self.stages.get(name)
            if s is None:
                continue
            rows.append({
                "stage": name, "in": s.n_in, "out": s.n_out, "rejected": s.rejected,
                "seconds": round(s.seconds, 2),
                "articles/s": round(s.n_in / s.seconds, 1) if s.seconds else None,
                "words/s": round(s.words / s.seconds) if s.seconds and s.words else None,
            })
        return rows


class Progress:
    """A progress artifact over the input files, updated as batches land."""

    def __init__(self, n_files: int, manifest) -> None:
        self.n_files = max(n_files, 1)
        self.manifest = manifest
        self.artifact_id = create_progress_artifact(
            progress=0.0, description="Input files read and their batches written")

    def update(self, totals: Totals) -> None:
        pct = min(100.0, 100.0 * len(self.manifest.rows) / self.n_files)
        update_progress_artifact(self.artifact_id, progress=pct)
        get_run_logger().info(
            "progress: %.0f%% of files, %d articles written, %d rejected, %d entities, %d numbers",
            pct, totals.written, totals.rejected, totals.entities, totals.numbers)


def _highlights(lake: Lake, run_id: str, covers: date) -> tuple[list[tuple], list[tuple]]:
    """Top entities and the largest counts with verbs of this run, from its committed files."""
    ents = lake.table_file("entities", covers, run_id).as_posix()
    nums = lake.table_file("numbers", covers, run_id).as_posix()
    with duckdb.connect() as con:
        top = con.execute(
            "SELECT canonical, label, count(*) AS mentions, count(DISTINCT article_id) AS articles "
            "FROM read_parquet(?) GROUP BY ALL ORDER BY mentions DESC, canonical LIMIT 10", [ents]
        ).fetchall()
        counts = con.execute(
            "SELECT value, qualifier, noun, verb, surface FROM read_parquet(?) "
            "WHERE verb IS NOT NULL AND kind IN ('cardinal', 'range') "
            "ORDER BY value DESC LIMIT 10", [nums]
        ).fetchall()
    return top, counts


def _md_table(header: list[str], rows: list) -> str:
    if not rows:
        return "_none_\n"
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join("" if v is None else str(v) for v in r) + " |" for r in rows]
    return "\n".join(lines) + "\n"


def summary_markdown(lake: Lake, run: dict, totals: Totals) -> str:
    top, counts = _highlights(lake, run["run_id"], run["covers"])
    return (
        f"# Nightly run {run['run_id']} ({run['covers']})\n\n"
        f"Read **{totals.read}** records from {run['files']} new files under `{run['source']}`; "
        f"wrote **{totals.written}** articles ({totals.duplicates} duplicates), "
        f"**{totals.entities}** entities and **{totals.numbers}** numbers to `{lake.root}`; "
        f"rejected **{totals.rejected}**. Took {run['seconds']:.1f} s with model `{run['model']}`.\n\n"
        "## Rejects by reason\n\n" + _md_table(["reason", "count"], totals.reasons.most_common())
        + "\n## Top entities\n\n" + _md_table(["entity", "label", "mentions", "articles"], top)
        + "\n## Largest counts\n\n" + _md_table(["value", "qualifier", "noun", "verb", "surface"], counts)
        + f"\nQuery them: `newsflow sql --data-dir {lake.data_dir} \"SELECT * FROM numbers\"`.\n"
    )


def publish(lake: Lake, run_id: str, run: dict, totals: Totals) -> dict:
    """Post the stage table and the markdown summary; return the short summary printed by the CLI."""
    create_table_artifact(key=STAGES_KEY, table=totals.stage_rows(),
                          description=f"Per-stage counts and rates of run {run_id}")
    create_markdown_artifact(key=SUMMARY_KEY, markdown=summary_markdown(lake, run, totals),
                             description=f"Summary of run {run_id}")
    return {
        "run_id": run_id, "covers": str(run["covers"]), "files": run["files"], "read": totals.read,
        "written": totals.written, "rejected": totals.rejected, "duplicates": totals.duplicates,
        "entities": totals.entities, "numbers": totals.numbers, "words": totals.words,
        "seconds": round(run["seconds"], 1), "rejects_by_reason": dict(totals.reasons),
    }
