"""The nightly flow: new raw articles in, committed Parquet tables and a catalog out.

The flow itself only schedules: it reads input files lazily, cuts them into
batches, and keeps a bounded window of batches in flight, so memory depends
on the batch size, not on the size of the night's crawl.
"""
from __future__ import annotations

import time
from collections import deque
from collections.abc import Callable, Iterator
from datetime import date, datetime, timezone
from pathlib import Path
from typing import TYPE_CHECKING

import flows  # noqa: F401 - before pyarrow loads numpy: one BLAS thread (flows/__init__.py), also when Prefect loads this file by path
import pyarrow as pa
from prefect import flow, get_run_logger
from prefect.runtime import flow_run
from prefect.states import Completed, Failed

from flows import exit_watch, report
from flows.aftermath import after_failure, error_text, record_failure, report_dead_run
from flows.failures import stage_of
from flows.naming import PREFIX, name_scheduled_runs, rerun_name
from flows.placement import Placement, Window, current_runner
from flows.totals import TimedRecords, Totals
from tasks import aliases, catalog, lake as lake_mod
from tasks.batching import batches
from tasks.dedup_batch import dedupe, load_deduper
from tasks.ingest import discover, file_stat
from tasks.manifest import Manifest, new_files, resolve_source
from tasks.lake import Lake
from tasks.lock import data_dir_lock
from tasks.nlp import model_language, model_name
from tasks.components import DEFAULT_PARSE, ParseMode
from tasks.records import Article, RawRecord, Reject
from tasks.schemas import from_rows
from tasks.version import extractor_version
from tasks.stagenames import Stage
from tasks.outcomes import StageStats, Written
from tasks.stages import NormalisedBatch, article_rows, reject_rows

if TYPE_CHECKING:
    from tasks.dedup import Deduper

DEFAULT_BATCH_SIZE = 200


def run_name() -> str:
    """``nightly-<day>``, and ``nightly-<day>-r2``, ``-r3`` for the day's later runs."""
    covers = flow_run.parameters.get("covers") or date.today().isoformat()
    return rerun_name(f"{PREFIX}{covers}", flow_run.id)


@flow(name="nightly", flow_run_name=run_name, log_prints=True)
def nightly(
    source: str = "seeds",
    data_dir: str = "data",
    model: str | None = None,
    covers: str | None = None,
    force: bool = False,
    batch_size: int = DEFAULT_BATCH_SIZE,
    near_duplicate_threshold: float = 0.9,
    extract_near_duplicates: bool = False,
    lock_wait_seconds: float = 0.0,
    parse: ParseMode = DEFAULT_PARSE,
) -> dict:
    """Ingest new articles from ``source``, extract entities and numbers, commit one run.

    ``covers`` (YYYY-MM-DD) names the day the run is for: its partition of
    ``source`` when one exists, the run's name and its ``covers`` column.
    ``force`` re-reads that day's input and replaces its earlier runs.
    ``parse`` is how much of the spaCy pipeline runs where (``tasks.components.ParseMode``).
    Whatever fails after this starts leaves a ``failed`` row in ``runs`` (when the
    data dir can take one) and a summary of what was done.
    """
    exit_watch.body_started()
    log = get_run_logger()
    lake = Lake(Path(data_dir).resolve())
    covers_day = date.fromisoformat(covers) if covers else date.today()
    started = datetime.now(timezone.utc)
    run_id = lake_mod.new_run_id(started)
    t0 = time.perf_counter()
    totals = Totals()
    run_row = dict(
        run_id=run_id, flow_run_id=str(flow_run.id or ""), covers=covers_day, started_at=started,
        source=str(source), model=model_name(model), extractor_version=extractor_version(model, parse),
        task_runner=type(current_runner()).__name__,
        supersedes=[], files=0,
    )
    recorded: list[dict] = []
    try:
        with data_dir_lock(lake.data_dir, lock_wait_seconds, run_id, run_row["flow_run_id"]) as left:
            try:
                row = _locked_run(lake, run_row, totals, t0, left, source, covers, force, batch_size,
                                  near_duplicate_threshold, extract_near_duplicates, ParseMode(parse))
            except BaseException as exc:
                recorded.append(record_failure(lake, totals.run_row(run_row, "failed", t0, error_text(exc)), exc))
                raise
    except BaseException as exc:
        row = recorded[0] if recorded else record_failure(
            lake, totals.run_row(run_row, "failed", t0, error_text(exc)), exc)
        after_failure(lake, row, totals, exc)
        exit_watch.body_over(failed=True)
        if not isinstance(exc, Exception):
            raise  # an interrupt stays one
        # The state's message is the error itself ("parse[batch 1]: worker process died ...");
        # the caller still gets the exception raised.
        return Failed(message=row["error"], data=exc)
    summary = report.publish(lake, run_id, row, totals)
    log.info("run %s committed: %s", run_id, report.summary_line(summary))
    _name_next_nights()
    exit_watch.body_over(failed=False)
    return Completed(message=totals.headline(row["seconds"]), data=summary)


def _locked_run(
    lake: Lake, run_row: dict, totals: Totals, t0: float, left: dict | None, source: str,
    covers: str | None, force: bool, batch_size: int, threshold: float, extract_near: bool,
    parse: ParseMode = DEFAULT_PARSE,
) -> dict:
    """The run proper, holding the data dir: clean up after killed runs, read what is new,
    process it, commit. Updates ``run_row`` as it learns (files, supersedes)."""
    log = get_run_logger()
    run_id, covers_day = run_row["run_id"], run_row["covers"]
    stale = lake_mod.clean_stale(lake)
    if left:
        report_dead_run(lake, left)
    if stale:
        runs_left = sorted({Path(p).name for p in stale if Path(p).parent == lake.staging_root})
        log.info("cleaned %d leftovers of killed runs%s", len(stale),
                 f" (staging of run {', '.join(runs_left)})" if runs_left else "")
    model = run_row["model"]
    languages = frozenset({model_language(model)})  # a missing model fails here, with a failed row
    supersedes = run_row["supersedes"] = _runs_covering(lake, covers_day) if force else []
    src = resolve_source(source, covers)
    run_row["source"] = str(src)
    files = new_files(lake, discover(src), force)
    run_row["files"] = len(files)
    log.info("run %s: %d new input files under %s", run_id, len(files), src)
    manifest = Manifest()
    if files:
        records = TimedRecords(manifest.records(files, run_id), totals)
        deduper = _timed_deduper(lake, threshold, supersedes, totals)
        _process(lake, run_id, records, batch_size, languages, model, deduper, extract_near, totals,
                 report.Progress(totals, sum(max(file_stat(f)[0], 0) for f in files), manifest), parse)
        t_alias = time.perf_counter()
        links = aliases.stage(lake, run_id)  # needs the whole night's entity names
        log.info("entity aliases: %d links proved by the night's entities in %.2f s", links,
                 time.perf_counter() - t_alias)
    t_commit = time.perf_counter()
    row: dict = {}
    with stage_of(Stage.COMMIT, None):
        lake_mod.write_part(lake, run_id, "files", 0, manifest.table())

        def final_row() -> pa.Table:  # called by commit once every table is in place, so it times them
            totals.add_stage(StageStats(Stage.COMMIT, -1, totals.written, totals.written, 0, 0,
                                        time.perf_counter() - t_commit))
            row.update(totals.run_row(run_row, "committed", t0))
            return from_rows("runs", [row])

        lake_mod.commit(lake, run_id, covers_day, final_row)
    # Already hidden by the committed row's `supersedes`; this only frees the disk.
    lake_mod.drop_runs(lake, supersedes)
    catalog.build(lake)
    return row


def _timed_deduper(lake: Lake, threshold: float, supersedes: list[str], totals: Totals) -> Deduper:
    t = time.perf_counter()
    deduper = load_deduper(lake, threshold, supersedes)
    totals.add_stage(StageStats(Stage.DEDUP, -1, seconds=time.perf_counter() - t))
    return deduper


def _name_next_nights() -> None:
    """A deployment's scheduled runs get their day's name now, not when they start."""
    from prefect.runtime import deployment

    try:
        if not deployment.id:
            return
        named = name_scheduled_runs(deployment.id)
    except Exception as exc:  # noqa: BLE001 - names are not worth failing a committed night for
        get_run_logger().warning("could not name the scheduled runs: %s", exc)
        return
    if named:
        get_run_logger().info("named the next scheduled runs: %s", ", ".join(named))


def _runs_covering(lake: Lake, day: date) -> list[str]:
    runs = lake_mod.live_rows(lake, "runs", ["run_id", "covers"]).to_pylist()
    return sorted(r["run_id"] for r in runs if r["covers"] == day)


def _process(
    lake: Lake, run_id: str, records: Iterator[RawRecord | Reject], batch_size: int,
    languages: frozenset[str], model: str, deduper: Deduper, extract_near: bool,
    totals: Totals, progress: "report.Progress", parse: ParseMode = DEFAULT_PARSE,
) -> None:
    """Normalise, dedupe, parse, extract and stage each batch, a bounded window at a time
    (where each stage runs: flows/placement.py)."""
    place = Placement(current_runner(), lake, run_id, model, parse)
    ahead: deque = deque()  # (batch, its normalising) not yet waited for

    def written(w: Written) -> None:
        totals.add_written(w)
        progress.update()

    window = Window(place, written)

    def finish(batch: int, normalised: Callable[[], NormalisedBatch]) -> None:
        window.add(_submit_batch(place, normalised(), deduper, extract_near, totals))

    for batch, records_batch in enumerate(batches(records, batch_size, place.tail_pieces())):
        if batch == 0:
            place.warm()
        ahead.append((batch, place.normalise(batch, records_batch, languages)))
        if len(ahead) >= place.normalise_ahead:
            finish(*ahead.popleft())
    while ahead:
        finish(*ahead.popleft())
    window.drain()


def _dedupe_timed(deduper: Deduper, normalised: NormalisedBatch, run_id: str,
                  totals: Totals) -> tuple[list[Article], list[Article], pa.Table]:
    """``dedupe`` as the ``dedup`` stage: exact copies are its rejects, and with the near
    copies the run's duplicates."""
    t = time.perf_counter()
    before = len(normalised.rejects)
    fresh, near, signatures = dedupe(deduper, normalised, run_id)
    exact = len(normalised.rejects) - before
    totals.add_stage(StageStats(Stage.DEDUP, normalised.batch, len(fresh) + len(near) + exact,
                                len(fresh) + len(near), exact, 0, time.perf_counter() - t))
    totals.duplicates += len(near) + exact
    return fresh, near, signatures


def _submit_batch(place: Placement, normalised: NormalisedBatch, deduper: Deduper, extract_near: bool,
                  totals: Totals) -> Callable[[], Written]:
    """Dedupe a normalised batch here (the deduper's state lives in the flow), submit its
    parse, and return what completes the batch once it is its turn."""
    batch = normalised.batch
    totals.add_normalised(normalised)
    with stage_of(Stage.DEDUP, batch):
        fresh, near, signatures = _dedupe_timed(deduper, normalised, place.run_id, totals)
    totals.count_rejects(normalised.rejects)
    tables = {
        "articles": article_rows(fresh + near, place.run_id),
        "rejects": reject_rows(normalised.rejects, place.run_id),
        "signatures": signatures,
    }
    return place.complete(batch, fresh + near if extract_near else fresh, tables, totals.add_parsed)
