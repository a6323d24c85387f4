"""The nightly flow: new raw articles in, committed Parquet tables and a catalog out.

The flow itself only schedules: it reads input files lazily, cuts them into
batches, and keeps a bounded window of batches in flight, so memory depends
on the batch size, not on the size of the night's crawl.
"""
from __future__ import annotations

import itertools
import time
import uuid
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from datetime import date, datetime, timezone
from pathlib import Path
from typing import TYPE_CHECKING

import pyarrow as pa
from prefect import flow, get_run_logger
from prefect.runtime import flow_run

from flows import report
from flows.runners import extract_in_flow, is_local, parallelism, parse_slots
from tasks import aliases, catalog, lake as lake_mod
from tasks.ingest import discover, file_stat, path_label, read_records
from tasks.lake import Lake
from tasks.lock import data_dir_lock
from tasks.nlp import model_language, model_name
from tasks.components import DEFAULT_PARSE, ParseMode
from tasks.parse import load_docs
from tasks.records import Article, RawRecord, Reject
from tasks.schemas import from_rows
from tasks.stages import (
    NormalisedBatch, Written, article_rows, entities_task, normalise_task, numbers_task,
    parse_task, reject_rows, write_task,
)

if TYPE_CHECKING:
    from tasks.dedup import Deduper

DEFAULT_BATCH_SIZE = 200


def _run_name() -> str:
    covers = flow_run.parameters.get("covers") or date.today().isoformat()
    return f"nightly-{covers}"


def resolve_source(source: str | Path, covers: str | None) -> Path | str:
    """With a date, read that day's partition ``<source>/YYYY-MM-DD/`` when it exists."""
    if covers:
        day = Path(source) / covers
        if day.is_dir():
            return day
    return source


def _batched(items: Iterable, n: int, tail_pieces: int = 1) -> Iterator[list]:
    """Lists of ``n`` items, except for the last ``n`` to ``2n - 1``, which come in
    shrinking pieces: each ``1/tail_pieces`` of what is left, none below a tenth of ``n``
    (but the very last).

    Workers take batches as they free up, so with full-sized batches to the end one
    worker is often still parsing a whole last batch while the others wait: on the
    BBC corpus with 2 workers, 7 of 138 s. Shrinking pieces (guided self-scheduling)
    let them finish together for a few more task runs. Reading one batch ahead is
    what tells where the tail starts, without knowing the length of the input.
    """
    it = iter(items)
    chunk = list(itertools.islice(it, n))
    while chunk:
        ahead = list(itertools.islice(it, n))
        if len(ahead) == n:
            yield chunk
            chunk = ahead
            continue
        rest = chunk + ahead
        floor = max(1, n // 10)
        while rest:
            size = min(n, max(floor, -(-len(rest) // tail_pieces)))
            yield rest[:size]
            rest = rest[size:]
        return


class _Manifest:
    """Which files this run read, and how many records each gave."""

    def __init__(self) -> None:
        self.rows: dict[str, dict] = {}

    def records(self, paths: Iterable[Path], run_id: str) -> Iterator[RawRecord | Reject]:
        for path in paths:
            size, mtime_ns = file_stat(path)  # (-1, -1) if it vanished: read_records says why
            label = path_label(path)  # a name that is not UTF-8 must not fail the run's write
            row = self.rows[label] = {
                "run_id": run_id, "path": label, "size": size, "mtime_ns": mtime_ns, "records": 0,
            }
            for rec in read_records(path):
                row["records"] += 1
                yield rec

    def table(self) -> pa.Table:
        return from_rows("files", list(self.rows.values()))


def new_files(lake: Lake, files: list[Path], force: bool) -> list[Path]:
    """Files no live run has read in the same version (path, size, mtime)."""
    if force:
        return files
    seen = {
        (r["path"], r["size"], r["mtime_ns"])
        for r in lake_mod.live_rows(lake, "files", ["path", "size", "mtime_ns"]).to_pylist()
    }
    return [f for f in files if (path_label(f), *file_stat(f)) not in seen]


def dedupe(deduper: Deduper, normalised: NormalisedBatch, run_id: str) -> tuple[list[Article], list[Article], pa.Table]:
    """Split a batch into articles to extract and near-duplicates to keep without
    extraction; exact copies become rejects linked to the first copy."""
    fresh: list[Article] = []
    near: list[Article] = []
    signatures: list[dict] = []
    for art in normalised.articles:
        kind, first = deduper.check(art)
        if kind == "exact":
            normalised.rejects.append(Reject(art.source, "duplicate:exact", f"same text as {first}", first))
            continue
        if kind == "near":
            art.duplicate_of = first
            near.append(art)
        else:
            fresh.append(art)
        signatures.append({"article_id": art.article_id, "run_id": run_id, "minhash": deduper.signature(art)})
    return fresh, near, from_rows("signatures", signatures)


def load_deduper(lake: Lake, threshold: float, replaced: Iterable[str] = ()) -> Deduper:
    """Seeded with every live article, so tomorrow's copy of today's story is found;
    a forced rerun leaves out the runs it replaces, or it would call its own copies duplicates.
    Imported here: datasketch pulls in scipy (~1 s), which a run with nothing new never needs."""
    from tasks.dedup import Deduper

    deduper = Deduper(threshold=threshold)
    skip = set(replaced)
    known = lake_mod.live_rows(lake, "signatures", ["article_id", "run_id", "minhash"]).to_pylist()
    deduper.load((r["article_id"], r["minhash"]) for r in known if r["run_id"] not in skip)
    return deduper


@flow(name="nightly", flow_run_name=_run_name, log_prints=True)
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
    ``parse`` is how much of the spaCy pipeline runs where (``tasks.parse.ParseMode``).
    """
    log = get_run_logger()
    lake = Lake(Path(data_dir).resolve())
    covers_day = date.fromisoformat(covers) if covers else date.today()
    model = model_name(model)
    languages = frozenset({model_language(model)})
    started = datetime.now(timezone.utc)
    run_id = f"{started:%Y%m%dT%H%M%S}-{uuid.uuid4().hex[:6]}"
    t0 = time.perf_counter()
    with data_dir_lock(lake.data_dir, lock_wait_seconds):
        stale = lake_mod.clean_stale(lake)
        if stale:
            log.info("cleaned %d leftovers of killed runs", len(stale))
        supersedes = _runs_covering(lake, covers_day) if force else []
        src = resolve_source(source, covers)
        files = new_files(lake, discover(src), force)
        log.info("run %s: %d new input files under %s", run_id, len(files), src)
        totals = report.Totals()
        run_row = dict(
            run_id=run_id, flow_run_id=str(flow_run.id or ""), covers=covers_day, started_at=started,
            source=str(src), model=model, task_runner=type(_task_runner()).__name__,
            supersedes=supersedes, files=len(files),
        )
        try:
            manifest = _Manifest()
            if files:
                _process(lake, run_id, manifest.records(files, run_id), batch_size, languages, model,
                         load_deduper(lake, near_duplicate_threshold, supersedes),
                         extract_near_duplicates, totals, report.Progress(len(files), manifest),
                         ParseMode(parse))
                aliases.stage(lake, run_id)  # needs the whole night's entity names
            lake_mod.write_part(lake, run_id, "files", 0, manifest.table())
            row = _run_row(run_row, totals, "committed", t0)
            lake_mod.commit(lake, run_id, covers_day, from_rows("runs", [row]))
        except BaseException as exc:
            lake_mod.record_failure(lake, covers_day, from_rows("runs", [
                _run_row(run_row, totals, "failed", t0, error=f"{type(exc).__name__}: {exc}")]))
            raise
        # Already hidden by the committed row's `supersedes`; this only frees the disk.
        lake_mod.drop_runs(lake, supersedes)
        catalog.build(lake)
    summary = report.publish(lake, run_id, row, totals)
    log.info("run %s committed: %s", run_id, summary)
    return summary


def _runs_covering(lake: Lake, day: date) -> list[str]:
    runs = lake_mod.live_rows(lake, "runs", ["run_id", "covers"]).to_pylist()
    return sorted(r["run_id"] for r in runs if r["covers"] == day)


def _task_runner():
    from prefect.context import FlowRunContext

    ctx = FlowRunContext.get()
    return ctx.task_runner if ctx else None


def _run_row(base: dict, totals: "report.Totals", status: str, t0: float, error: str | None = None) -> dict:
    return dict(
        base, status=status, error=error, finished_at=datetime.now(timezone.utc),
        seconds=time.perf_counter() - t0, read=totals.read, written=totals.written,
        rejected=totals.rejected, duplicates=totals.duplicates, entities=totals.entities,
        numbers=totals.numbers, words=totals.words,
    )


def _tail_pieces(runner) -> int:
    """Pieces shrink by 1/(2 x parallel parses) at the end; none where batches parse one at a time."""
    slots = parse_slots(runner)
    return 2 * slots if slots > 1 else 1


def _process(
    lake: Lake, run_id: str, records: Iterator[RawRecord | Reject], batch_size: int,
    languages: frozenset[str], model: str, deduper: Deduper, extract_near: bool,
    totals: "report.Totals", progress: "report.Progress", parse: ParseMode = DEFAULT_PARSE,
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
            progress.update(totals)

    def start_normalise(batch: int, records_batch: list):
        task = normalise_task.with_options(task_run_name=f"normalise[batch {batch}]")
        if inline:
            return task(records_batch, batch, languages)
        return task.submit(records_batch, batch, languages)

    def finish(n: int, pending) -> None:
        normalised = pending if inline else pending.result()
        window.append(_extract_batch(
            lake, run_id, n, normalised, deduper, extract_near, model, totals, inline, in_flow, parse))

    ahead: deque = deque()  # (batch, future of its normalising): one batch ahead on Dask
    for batch, records_batch in enumerate(_batched(records, batch_size, _tail_pieces(runner))):
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


def _extract_batch(
    lake: Lake, run_id: str, batch: int, normalised: NormalisedBatch, deduper: Deduper, extract_near: bool,
    model: str, totals: "report.Totals", inline: bool, in_flow: bool, parse: ParseMode = DEFAULT_PARSE,
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
    fresh, near, signatures = dedupe(deduper, normalised, run_id)
    totals.duplicates += len(near) + sum(r.reason == "duplicate:exact" for r in normalised.rejects)
    to_parse = fresh + near if extract_near else fresh
    tables = {
        "articles": article_rows(fresh + near, run_id),
        "rejects": reject_rows(normalised.rejects, run_id),
        "signatures": signatures,
    }
    totals.count_rejects(normalised.rejects)
    write = write_task.with_options(task_run_name=f"write[batch {batch}]")
    if not to_parse:
        if inline:
            return lambda: write(lake, run_id, batch, tables)
        return write.submit(lake, run_id, batch, tables).result
    parsed = parse_task.with_options(task_run_name=f"parse[batch {batch}]").submit(
        to_parse, lake, run_id, batch, model, extract=not in_flow, mode=parse)
    if in_flow:
        entities = entities_task.with_options(task_run_name=f"entities[batch {batch}]")
        numbers = numbers_task.with_options(task_run_name=f"numbers[batch {batch}]")

        def extract_here() -> Written:
            docs = load_docs(parsed.result(), model)  # read once for both tasks
            # Passing the future (not its result) records parse as the tasks' upstream in the UI.
            ents = entities(parsed, run_id, model, docs)
            nums = numbers(parsed, run_id, model, docs)
            return write(lake, run_id, batch, tables, ents, nums, parsed)
        return extract_here
    if inline:
        def write_here() -> Written:
            parsed.result()  # a failed parse raises its own error, not "upstream failed"
            return write(lake, run_id, batch, tables, parsed=parsed)
        return write_here
    fut = write.submit(lake, run_id, batch, tables, parsed=parsed)

    def collect() -> Written:
        parsed.result()  # a failed parse leaves write Pending ("upstream failed"); raise its own error
        return fut.result()
    return collect
