"""The reprocess flow: earlier nights' stored articles through today's extractors.

Every extractor change leaves earlier nights with older rows. This flow parses
the text the lake already holds (the raw inbox may be gone; nothing is
normalised or deduplicated again) and commits, per covers day, one run that
supersedes that day's runs, exactly as ``newsflow run --force`` does: the same
lock, staging, commit and ``supersedes`` (tasks/lake.py). What it does not
recompute it carries over (tasks/carry.py). A run killed at any point shows
nothing of the day it was on; days already made by the current extractor
version are skipped, so the rerun picks up where the killed one stopped.
"""
from __future__ import annotations

import time
from datetime import date, datetime, timezone
from pathlib import Path

import flows  # noqa: F401 - before pyarrow loads numpy: one BLAS thread (flows/__init__.py), also when Prefect loads this file by path
import pyarrow as pa
import pyarrow.compute as pc
from prefect import flow, get_run_logger
from prefect.artifacts import create_table_artifact
from prefect.runtime import flow_run

from flows import exit_watch
from flows.aftermath import error_text, record_failure, report_dead_run
from flows.failures import stage_of
from flows.placement import Placement, Window, current_runner
from flows.totals import Totals
from tasks import aliases, carry, catalog, lake as lake_mod
from tasks.batching import batches
from tasks.components import DEFAULT_PARSE, ParseMode
from tasks.lake import Lake
from tasks.lock import data_dir_lock
from tasks.nlp import model_name
from tasks.outcomes import StageStats
from tasks.records import Article
from tasks.schemas import from_rows
from tasks.stagenames import Stage
from tasks.version import extractor_version

SUMMARY_KEY = "reprocess-summary"


def run_name() -> str:
    """``reprocess-<from>-to-<to>``, or ``reprocess-all`` without bounds."""
    p = flow_run.parameters
    if not (p.get("first") or p.get("last")):
        return "reprocess-all"
    return f"reprocess-{p.get('first') or 'start'}-to-{p.get('last') or 'end'}"


@flow(name="reprocess", flow_run_name=run_name, log_prints=True)
def reprocess(
    data_dir: str = "data",
    model: str | None = None,
    first: str | None = None,
    last: str | None = None,
    force: bool = False,
    batch_size: int = 200,
    lock_wait_seconds: float = 0.0,
    parse: ParseMode = DEFAULT_PARSE,
) -> dict:
    """Re-extract entities and numbers of the days from ``first`` to ``last`` (YYYY-MM-DD,
    ``articles.day``; all days without them) and replace each covers day's runs with one run.

    Days whose runs the current extractor version made are skipped unless ``force``.
    A day that fails leaves a ``failed`` row and stops the flow; the days before it stay
    committed.
    """
    exit_watch.body_started()
    try:
        summary = _reprocess_days(data_dir, model, first, last, force, batch_size, lock_wait_seconds, parse)
    except BaseException:
        exit_watch.body_over(failed=True)
        raise
    exit_watch.body_over(failed=False)
    return summary


def _reprocess_days(data_dir: str, model: str | None, first: str | None, last: str | None, force: bool,
                    batch_size: int, lock_wait_seconds: float, parse: ParseMode) -> dict:
    log = get_run_logger()
    lake = Lake(Path(data_dir).resolve())
    version = extractor_version(model, parse)
    lo, hi = (date.fromisoformat(d) if d else None for d in (first, last))
    done: list[dict] = []
    skipped: list[str] = []
    for planned in carry.live_days(lake, lo, hi):
        # The lock is taken a day at a time, so a nightly run waits for one day, not for all.
        run_id = lake_mod.new_run_id(datetime.now(timezone.utc))
        with data_dir_lock(lake.data_dir, lock_wait_seconds, run_id, str(flow_run.id or "")) as left:
            _clean_up(lake, left)
            day = carry.covers_day(lake, planned.covers)
            if not day.runs or (day.current(version) and not force):
                skipped.append(day.covers.isoformat())
                continue
            log.info("reprocessing %s: runs %s (versions %s)", day.covers, ", ".join(day.runs),
                     ", ".join(sorted({v or "unrecorded" for v in day.versions})))
            done.append(reprocess_day(lake, day, run_id, model, version, batch_size, ParseMode(parse)))
            catalog.build(lake)
    log.info("extractor %s: reprocessed %d days, %d already current%s", version, len(done), len(skipped),
             f" ({', '.join(skipped)})" if skipped else "")
    return _publish(version, done, skipped)


def _clean_up(lake: Lake, left: dict | None) -> None:
    """What killed runs left, as a nightly run cleans it; and the files of runs a committed
    run replaced, which a kill between its commit and ``drop_runs`` leaves behind."""
    if left:
        report_dead_run(lake, left)
    stale = lake_mod.clean_stale(lake)
    lake_mod.drop_runs(lake, lake_mod.superseded_run_ids(lake))
    if stale:
        get_run_logger().info("cleaned %d leftovers of killed runs", len(stale))


def reprocess_day(lake: Lake, day: carry.CoversDay, run_id: str, model: str | None, version: str,
                  batch_size: int, parse: ParseMode = DEFAULT_PARSE) -> dict:
    """One covers day, holding the data dir: carry over, re-extract, commit a run
    superseding the day's runs."""
    started = datetime.now(timezone.utc)
    t0 = time.perf_counter()
    totals = Totals()
    base = dict(
        run_id=run_id, flow_run_id=str(flow_run.id or ""),
        covers=day.covers, started_at=started, source=f"reprocess of {', '.join(day.runs)}",
        model=model_name(model), extractor_version=version, task_runner=type(current_runner()).__name__,
        supersedes=list(day.runs), files=0,
    )
    try:
        return _locked_day(lake, day, base, totals, t0, batch_size, parse)
    except BaseException as exc:
        record_failure(lake, totals.run_row(base, "failed", t0, error_text(exc)), exc)
        raise


def _locked_day(lake: Lake, day: carry.CoversDay, base: dict, totals: Totals, t0: float,
                batch_size: int, parse: ParseMode) -> dict:
    run_id = base["run_id"]
    place = Placement(current_runner(), lake, run_id, base["model"], parse)
    place.warm()  # worker processes load the model while the day's rows are read and staged
    with stage_of(Stage.READ, None):
        articles = _carry_over(lake, day, base, totals)
    _extract(place, articles, batch_size, totals)
    aliases.stage(lake, run_id)  # the night's alias evidence, from the new entity rows
    t_commit = time.perf_counter()
    row: dict = {}

    def final_row() -> pa.Table:
        totals.add_stage(StageStats(Stage.COMMIT, -1, totals.written, totals.written, 0, 0,
                                    time.perf_counter() - t_commit))
        row.update(totals.run_row(base, "committed", t0))
        return from_rows("runs", [row])

    with stage_of(Stage.COMMIT, None):
        lake_mod.commit(lake, run_id, day.covers, final_row)
    lake_mod.drop_runs(lake, day.runs)  # already hidden by the committed row's `supersedes`
    get_run_logger().info("%s: run %s replaced %s: %s", day.covers, run_id, ", ".join(day.runs),
                          totals.headline(row["seconds"]))
    return row


def _carry_over(lake: Lake, day: carry.CoversDay, base: dict, totals: Totals) -> list[Article]:
    """Stage what the day's runs keep (as the new run's batch 0) and return what to parse."""
    t = time.perf_counter()
    run_id = base["run_id"]
    tables = {name: carry.run_rows(lake, day, name) for name in carry.CARRIED}
    for name, table in tables.items():
        lake_mod.write_part(lake, run_id, name, 0, carry.owned_by(table, run_id))
    articles, rejects = tables["articles"], tables["rejects"]
    base["files"] = tables["files"].num_rows
    totals.read = totals.written = articles.num_rows
    totals.duplicates = articles.num_rows - articles["duplicate_of"].null_count
    totals.rejected = rejects.num_rows
    totals.reasons.update(rejects["reason"].to_pylist())
    todo = carry.to_parse(articles, carry.extracted_ids(lake, day))
    words = pc.sum(articles["n_words"]).as_py() or 0
    totals.add_stage(StageStats(Stage.READ, -1, articles.num_rows, len(todo), 0, words,
                                time.perf_counter() - t))
    return todo


def _extract(place: Placement, articles: list[Article], batch_size: int, totals: Totals) -> None:
    """Parse, extract and stage the articles a batch at a time, a bounded window in flight:
    the nightly flow's stages, placed where flows/placement.py puts them."""
    window = Window(place, totals.add_written)
    for batch, chunk in enumerate(batches(articles, batch_size, place.tail_pieces()), start=1):
        window.add(place.complete(batch, chunk, {}, totals.add_parsed))
    window.drain()


def _publish(version: str, done: list[dict], skipped: list[str]) -> dict:
    """The flow's result and its artifact: one row per day reprocessed."""
    rows = [{
        "day": r["covers"].isoformat(), "run_id": r["run_id"], "supersedes": ", ".join(r["supersedes"]),
        "articles": r["written"], "entities": r["entities"], "numbers": r["numbers"], "words": r["words"],
        "seconds": round(r["seconds"], 1),
    } for r in done]
    if rows:
        create_table_artifact(rows, key=SUMMARY_KEY, description=f"Days reprocessed with extractor {version}")
    return {"extractor_version": version, "days": rows, "skipped": skipped}
