"""What a run tells the people watching it: progress, the stage table and the morning summary.

Artifacts use stable keys, so the Prefect UI's artifact page shows the
summaries night over night, failed nights included.
"""
from __future__ import annotations

from datetime import date

import duckdb
from prefect import get_run_logger
from prefect.artifacts import (
    create_markdown_artifact, create_progress_artifact, create_table_artifact,
    update_progress_artifact,
)

from flows.totals import Totals, duration
from tasks.lake import Lake

SUMMARY_KEY = "nightly-summary"
STAGES_KEY = "nightly-stages"
PROGRESS_WHAT = ("records done (articles parsed and written, plus rejects) of the records read; "
                 "until reading ends, of an estimate from the input's bytes")


class Progress:
    """A progress artifact that tracks work done, not files opened.

    Input is read lazily, a batch ahead, so how many records there are is known
    only at the end; until then it is estimated from the bytes of the files
    opened so far against the bytes of all new files."""

    def __init__(self, totals: Totals, total_bytes: int, manifest) -> None:
        self.totals = totals
        self.total_bytes = max(total_bytes, 1)
        self.manifest = manifest
        self.artifact_id = create_progress_artifact(progress=0.0, description=f"0 {PROGRESS_WHAT}")

    def update(self) -> float:
        t = self.totals
        opened = sum(r["size"] for r in self.manifest.rows.values())
        pct, expected = work_done(t, opened, self.total_bytes)
        done = t.written + t.rejected
        about = "" if expected == t.read else "~"
        text = (f"{done:,} of {about}{expected:,} records done: {t.parsed:,} parsed, {t.written:,} written, "
                f"{t.rejected:,} rejected; {t.entities:,} entities, {t.numbers:,} numbers")
        update_progress_artifact(self.artifact_id, progress=pct, description=f"{text} ({PROGRESS_WHAT})")
        get_run_logger().info("progress: %.0f%%, %s", pct, text)
        return pct


def work_done(t: Totals, opened_bytes: int, total_bytes: int) -> tuple[float, int]:
    """Percent of records done, and how many records there are (estimated from the bytes of
    the files opened so far while some are still unopened)."""
    expected = t.read
    if 0 < opened_bytes < total_bytes:
        expected = max(t.read, round(t.read * total_bytes / opened_bytes))
    done = t.written + t.rejected
    return (min(100.0, 100.0 * done / expected) if expected else 100.0), expected


def _highlights(lake: Lake, run_id: str, covers: date) -> tuple[list[tuple], list[tuple], list[tuple]]:
    """Top entities, event counts by type and the largest event counts of this run, from its
    committed files."""
    ents = lake.table_file("entities", covers, run_id).as_posix()
    nums = lake.table_file("numbers", covers, run_id).as_posix()
    with duckdb.connect() as con:
        top = con.execute(
            "SELECT canonical, label, count(*) AS mentions, count(DISTINCT article_id) AS articles "
            "FROM read_parquet(?) GROUP BY ALL ORDER BY mentions DESC, canonical LIMIT 10", [ents]
        ).fetchall()
        by_type = con.execute(
            "SELECT count_type, count(*) AS counts, sum(coalesce(value, upper)) AS total, "
            "count(DISTINCT article_id) AS articles FROM read_parquet(?) "
            "WHERE count_type IS NOT NULL GROUP BY ALL ORDER BY counts DESC", [nums]
        ).fetchall()
        counts = con.execute(
            "SELECT count_type, value, qualifier, noun, place, country, surface FROM read_parquet(?) "
            "WHERE count_type IS NOT NULL ORDER BY coalesce(value, upper) DESC LIMIT 10", [nums]
        ).fetchall()
    return top, by_type, counts


def _md_table(header: list[str], rows: list) -> str:
    if not rows:
        return "_none_\n"
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join("" if v is None else str(v) for v in r) + " |" for r in rows]
    return "\n".join(lines) + "\n"


def _stage_section(totals: Totals, seconds: float) -> str:
    rows = totals.stage_rows(seconds)
    header = list(rows[0]) if rows else ["stage"]
    return "## Stages\n\n" + _md_table(header, [list(r.values()) for r in rows])


def _counts(run: dict, totals: Totals, lake: Lake) -> str:
    return (
        f"Read **{totals.read}** records from {run['files']} new files under `{run['source']}`; "
        f"wrote **{totals.written}** articles ({totals.duplicates} duplicates), "
        f"**{totals.entities}** entities and **{totals.numbers}** numbers to `{lake.root}`; "
        f"rejected **{totals.rejected}**. Took {duration(run['seconds'])} with model `{run['model']}`.\n\n"
    )


def summary_markdown(lake: Lake, run: dict, totals: Totals, health: str = "") -> str:
    top, by_type, counts = _highlights(lake, run["run_id"], run["covers"])
    return (
        f"# Nightly run {run['run_id']} ({run['covers']}): committed\n\n" + _counts(run, totals, lake)
        + health
        + "## Rejects by reason\n\n" + _md_table(["reason", "count"], totals.reasons.most_common())
        + "\n" + _stage_section(totals, run["seconds"])
        + "\n## Top entities\n\n" + _md_table(["entity", "label", "mentions", "articles"], top)
        + "\n## Counts by type\n\n" + _md_table(["type", "counts", "total", "articles"], by_type)
        + "\n## Largest event counts\n\n"
        + _md_table(["type", "value", "qualifier", "object", "place", "country", "surface"], counts)
        + f"\nQuery them: `newsflow sql --data-dir {lake.data_dir} \"SELECT * FROM numbers\"`.\n"
    )


def failure_markdown(lake: Lake, run: dict, totals: Totals) -> str:
    return (
        f"# Nightly run {run['run_id']} ({run['covers']}): FAILED\n\n"
        f"**Error:** `{run['error']}`\n\n"
        "Nothing of this run is visible in the tables; the next run reads its input again. "
        "What it had done when it failed:\n\n" + _counts(run, totals, lake)
        + "## Rejects by reason\n\n" + _md_table(["reason", "count"], totals.reasons.most_common())
        + "\n" + _stage_section(totals, run["seconds"])
    )


def _source_health(lake: Lake, run: dict) -> str:
    from tasks.source_health import health_markdown

    try:
        return health_markdown(lake, run["covers"])
    except Exception as exc:  # noqa: BLE001 - a summary without this section beats none
        get_run_logger().warning("source health not computed: %s", exc)
        return ""


def _publish(run: dict, totals: Totals, markdown: str, what: str) -> None:
    create_table_artifact(key=STAGES_KEY, table=totals.stage_rows(run["seconds"]),
                          description=f"Per-stage counts and times of {what} run {run['run_id']}")
    create_markdown_artifact(key=SUMMARY_KEY, markdown=markdown,
                             description=f"Summary of {what} run {run['run_id']}")


def publish(lake: Lake, run_id: str, run: dict, totals: Totals) -> dict:
    """Post the stage table and the markdown summary; return the short summary printed by the CLI."""
    _publish(run, totals, summary_markdown(lake, run, totals, _source_health(lake, run)), "committed")
    return {
        "run_id": run_id, "covers": str(run["covers"]), "files": run["files"], "read": totals.read,
        "written": totals.written, "rejected": totals.rejected, "duplicates": totals.duplicates,
        "entities": totals.entities, "numbers": totals.numbers, "words": totals.words,
        "seconds": round(run["seconds"], 1), "rejects_by_reason": dict(totals.reasons),
    }


def publish_failure(lake: Lake, run: dict, totals: Totals) -> None:
    """A failed night's summary and stage table, so the summary history skips no night."""
    _publish(run, totals, failure_markdown(lake, run, totals), "failed")


def summary_line(summary: dict) -> str:
    """The committed run in one readable log line (not a dict)."""
    reasons = ", ".join(f"{k} {v}" for k, v in sorted(summary["rejects_by_reason"].items()))
    return (f"read {summary['read']:,} records from {summary['files']} files; wrote {summary['written']:,} "
            f"articles ({summary['duplicates']:,} duplicates), {summary['entities']:,} entities, "
            f"{summary['numbers']:,} numbers; rejected {summary['rejected']:,}"
            f"{f' ({reasons})' if reasons else ''}; {summary['seconds']} s")
