"""The nightly flow: new raw articles in, committed Parquet tables and a catalog out.

The flow itself only schedules: it reads input files lazily, cuts them into
batches, and keeps a bounded window of batches in flight, so memory depends
on the batch size, not on the size of the night's crawl.
"""
from __future__ import annotations

import functools
import time
import uuid
from collections import deque
from collections.abc import Callable, Iterator
from datetime import date, datetime, timezone
from pathlib import Path
from typing import TYPE_CHECKING

import pyarrow as pa
from prefect import flow, get_run_logger
from prefect.runtime import flow_run
from prefect.states import Completed, Failed

from flows import report
from flows.aftermath import after_failure, error_text, record_failure, report_dead_run
from flows.failures import stage_of
from flows.naming import PREFIX, name_scheduled_runs, rerun_name
from flows.runners import extract_in_flow, is_local, parallelism, parse_slots
from flows.totals import TimedRecords, Totals
from tasks import aliases, catalog, lake as lake_mod
from tasks.busy import busy_batches
from tasks.batching import batches
from tasks.dedup_batch import dedupe, load_deduper
from tasks.ingest import discover, file_stat
from tasks.manifest import Manifest, new_files, resolve_source
from tasks.lake import Lake
from tasks.lock import data_dir_lock
from tasks.nlp import model_language, model_name
from tasks.components import DEFAULT_PARSE, ParseMode
from tasks.parse import load_docs
from tasks.records import Article, RawRecord, Reject
from tasks.schemas import from_rows
from tasks.stagenames import Stage
from tasks.stages import (
    NormalisedBatch, StageStats, Written, article_rows, entities_task, normalise_task, numbers_task,
    parse_stats, parse_task, reject_rows, write_task,
)

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
    log = get_run_logger()
    lake = Lake(Path(data_dir).resolve())
    covers_day = date.fromisoformat(covers) if covers else date.today()
    started = datetime.now(timezone.utc)
    run_id = f"{started:%Y%m%dT%H%M%S}-{uuid.uuid4().hex[:6]}"
    t0 = time.perf_counter()
    totals = Totals()
    run_row = dict(
        run_id=run_id, flow_run_id=str(flow_run.id or ""), covers=covers_day, started_at=started,
        source=str(source), model=model_name(model), task_runner=type(_task_runner()).__name__,
        supersedes=[], files=0,
    )
    recorded: list[dict] = []
    try:
        with data_dir_lock(lake.data_dir, lock_wait_seconds, run_id, run_row["flow_run_id"]) as left:
            try:
                row = _locked_run(lake, run_row, totals, t0, left, source, covers, force, batch_size,
                                  near_duplicate_threshold, extract_near_duplicates, ParseMode(parse))
            except BaseException as exc:
                recorded.append(record_failure(lake, _run_row(run_row, totals, "failed", t0, error_text(exc)), exc))
                raise
    except BaseException as exc:
        row = recorded[0] if recorded else record_failure(
            lake, _run_row(run_row, totals, "failed", t0, error_text(exc)), exc)
        after_failure(lake, row, totals, exc)
        if not isinstance(exc, Exception):
            raise  # an interrupt stays one
        # The state's message is the error itself ("parse[batch 1]: worker process died ...");
        # the caller still gets the exception raised.
        return Failed(message=row["error"], data=exc)
    summary = report.publish(lake, run_id, row, totals)
    log.info("run %s committed: %s", run_id, report.summary_line(summary))
    _name_next_nights()
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
            row.update(_run_row(run_row, totals, "committed", t0))
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


def _task_runner():
    from prefect.context import FlowRunContext

    ctx = FlowRunContext.get()
    return ctx.task_runner if ctx else None


def _run_row(base: dict, totals: Totals, status: str, t0: float, error: str | None = None) -> dict:
    seconds = time.perf_counter() - t0
    return dict(
        base, status=status, error=error, finished_at=datetime.now(timezone.utc),
        seconds=seconds, read=totals.read, written=totals.written,
        rejected=totals.rejected, duplicates=totals.duplicates, entities=totals.entities,
        numbers=totals.numbers, words=totals.words, stages=totals.stage_records(seconds),
    )


def _tail_pieces(runner) -> int:
    """Pieces shrink by 1/(2 x parallel parses) at the end; none where batches parse one at a time."""
    slots = parse_slots(runner)
    return 2 * slots if slots > 1 else 1


def _process(
    lake: Lake, run_id: str, records: Iterator[RawRecord | Reject], batch_size: int,
    languages: frozenset[str], model: str, deduper: Deduper, extract_near: bool,
    totals: Totals, progress: "report.Progress", parse: ParseMode = DEFAULT_PARSE,
) -> None:
    """Normalise, dedupe, parse, extract and stage each batch, a bounded window at a time.

    Parsing is the cost, so the workers should do little else: with a local
    runner (threads, a process pool) this process normalises each batch and
    writes the oldest parsed one (and extracts from it, when it has a core of
    its own), while the workers parse the batches after it. On Dask the flow
    may run on a small client machine, so every stage goes to the cluster,
    normalising submitted one batch ahead.
    """
    window: deque = deque()
    runner = _task_runner()
    inline = is_local(runner)
    in_flow = extract_in_flow(runner)
    max_inflight = 2 * parallelism(runner)

    def drain(limit: int) -> None:
        while len(window) > limit:
            totals.add_written(window.popleft()())
            progress.update()

    def start_normalise(batch: int, records_batch: list):
        task = normalise_task.with_options(task_run_name=Stage.NORMALISE.run_name(batch))
        with stage_of(Stage.NORMALISE, batch, runner):
            if inline:
                return task(records_batch, batch, languages)
            return task.submit(records_batch, batch, languages)

    def finish(n: int, pending) -> None:
        with stage_of(Stage.NORMALISE, n, runner):
            normalised = pending if inline else pending.result()
        window.append(_extract_batch(
            lake, run_id, n, normalised, deduper, extract_near, model, totals, runner, in_flow, parse))

    ahead: deque = deque()  # (batch, future of its normalising): one batch ahead on Dask
    for batch, records_batch in enumerate(batches(records, batch_size, _tail_pieces(runner))):
        if batch == 0 and hasattr(runner, "warm"):
            runner.warm()  # worker processes start and load the model while this batch is normalised
        pending = start_normalise(batch, records_batch)
        if inline:
            finish(batch, pending)
        else:
            ahead.append((batch, pending))
            if len(ahead) < 2:
                continue  # submit the next batch's normalising before waiting for this one's
            finish(*ahead.popleft())
            if len(window) == 1:
                max_inflight = 2 * parallelism(runner)  # the cluster's size is known once it has started
        drain(max_inflight)
    while ahead:
        finish(*ahead.popleft())
        drain(max_inflight)
    drain(0)


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


def _extract_batch(
    lake: Lake, run_id: str, batch: int, normalised: NormalisedBatch, deduper: Deduper, extract_near: bool,
    model: str, totals: Totals, runner, in_flow: bool, parse: ParseMode = DEFAULT_PARSE,
) -> Callable[[], Written]:
    """Dedupe a normalised batch here (the deduper's state lives in the flow) and submit its
    parse; return what completes the batch (extractions and write) once it is its turn.

    The entity and number tasks (separate task runs either way) run in the parse task, on
    its Docs in memory, unless ``in_flow`` (a local pool with a core to spare for this
    process): then they run here on the DocBin the parse left, while the workers parse
    the next batches. A local runner's write runs here too: every task a worker process
    runs costs ~0.15 s of Prefect's context hydration. On Dask the write goes to the
    cluster, as the flow may run on a small machine.
    """
    totals.add_normalised(normalised)
    with stage_of(Stage.DEDUP, batch):
        fresh, near, signatures = _dedupe_timed(deduper, normalised, run_id, totals)
    to_parse = fresh + near if extract_near else fresh
    tables = {
        "articles": article_rows(fresh + near, run_id),
        "rejects": reject_rows(normalised.rejects, run_id),
        "signatures": signatures,
    }
    totals.count_rejects(normalised.rejects)
    inline = is_local(runner)
    write = write_task.with_options(task_run_name=Stage.WRITE.run_name(batch))
    at = functools.partial(stage_of, batch=batch, runner=runner,
                           busy=functools.partial(busy_batches, lake, run_id))

    def parse_result():
        """A failed parse raises its own error (not "upstream failed"), named parse[batch n]."""
        with at(Stage.PARSE):
            result = parsed.result()
        totals.add_parsed(parse_stats(result))
        return result

    if not to_parse:
        if inline:
            return _named(at(Stage.WRITE), lambda: write(lake, run_id, batch, tables))
        return _named(at(Stage.WRITE), write.submit(lake, run_id, batch, tables).result)
    with at(Stage.PARSE):
        parsed = parse_task.with_options(task_run_name=Stage.PARSE.run_name(batch)).submit(
            to_parse, lake, run_id, batch, model, extract=not in_flow, mode=parse)
    if in_flow:
        entities = entities_task.with_options(task_run_name=Stage.ENTITIES.run_name(batch))
        numbers = numbers_task.with_options(task_run_name=Stage.NUMBERS.run_name(batch))

        def extract_here() -> Written:
            docs = load_docs(parse_result(), model)  # read once for both tasks
            # Passing the future (not its result) records parse as the tasks' upstream in the UI.
            with at(Stage.ENTITIES):
                ents = entities(parsed, run_id, model, docs)
            with at(Stage.NUMBERS):
                nums = numbers(parsed, run_id, model, docs)
            with at(Stage.WRITE):
                return write(lake, run_id, batch, tables, ents, nums, parsed)
        return extract_here
    if inline:
        def write_here() -> Written:
            parse_result()
            with at(Stage.WRITE):
                return write(lake, run_id, batch, tables, parsed=parsed)
        return write_here
    fut = write.submit(lake, run_id, batch, tables, parsed=parsed)

    def collect() -> Written:
        parse_result()  # a failed parse leaves write Pending ("upstream failed")
        with at(Stage.WRITE):
            return fut.result()
    return collect


def _named(context, fn: Callable[[], Written]) -> Callable[[], Written]:
    """``fn`` run inside ``context`` (a :func:`stage_of`) when it is finally called."""
    def call() -> Written:
        with context:
            return fn()
    return call
