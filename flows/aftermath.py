"""What a failed run leaves behind, and what a run does about one that was killed.

A failure anywhere after the flow starts still writes a ``failed`` row in
``runs``, ends the task runs it left open and publishes the summary and stage
table of what was done; a run that finds a killed run's holder in the lock
marks that flow run Crashed and says so in its own log. Each step guards
itself: a second problem must never hide the first.
"""
from __future__ import annotations

from prefect import get_run_logger

from flows import report
from flows.failures import StageFailed, crash_dead_flow_run, dead_run_message, end_open_task_runs, recorder_lag
from flows.totals import Totals
from tasks import lake as lake_mod
from tasks.lake import Lake
from tasks.lock import DataDirBusy
from tasks.schemas import from_rows


def report_dead_run(lake: Lake, left: dict[str, str]) -> None:
    """A killed run's holder was in the lock: say so here and on its own flow run."""
    log = get_run_logger()
    committed = left.get("run") in {r["run_id"] for r in lake_mod.read_table(
        lake, "runs", ["run_id", "status"]).to_pylist() if r["status"] == "committed"}
    message = dead_run_message(left, committed)
    try:
        changed = crash_dead_flow_run(left, message)
    except Exception as exc:  # noqa: BLE001 - another server, a deleted run: say it, go on
        log.warning("%s; could not mark its flow run %s Crashed: %s", message, left.get("flow_run"), exc)
        return
    log.warning("%s%s", message, f"; marked its flow run {left['flow_run']} Crashed" if changed else "")


def error_text(exc: BaseException) -> str:
    """The error as the ``runs`` row and the state message say it."""
    return str(exc) if isinstance(exc, StageFailed) else f"{type(exc).__name__}: {exc}"


def record_failure(lake: Lake, row: dict, exc: BaseException) -> dict:
    """Write the ``failed`` runs row when the data dir takes it (a file in its place does not),
    and not into a data dir another run holds: the lock is there so that nothing else writes."""
    if isinstance(exc, DataDirBusy):
        return row
    try:
        lake_mod.record_failure(lake, row["covers"], from_rows("runs", [row]))
    except OSError as write_error:
        get_run_logger().warning("could not record the failed run in %s: %s", lake.data_dir, write_error)
    return row


def after_failure(lake: Lake, row: dict, totals: Totals, exc: BaseException) -> None:
    """End the task runs the failure left open and publish what was done, without
    letting a second problem hide the first."""
    log = get_run_logger()
    if row["flow_run_id"]:
        try:
            ended = end_open_task_runs(row["flow_run_id"], f"the flow run failed: {row['error']}",
                                       settle=recorder_lag())
            if ended:
                log.warning("marked %d unfinished task runs Crashed: %s", len(ended), ", ".join(sorted(ended)))
        except Exception as api_error:  # noqa: BLE001
            log.warning("could not end the open task runs: %s", api_error)
    try:
        report.publish_failure(lake, row, totals)
    except Exception as publish_error:  # noqa: BLE001
        log.warning("could not publish the failed run's summary: %s", publish_error)
    log.error("run %s failed: %s", row["run_id"], row["error"], exc_info=exc)
