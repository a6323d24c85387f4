"""Where each stage of a batch runs: the one place that decides it.

Parsing is the cost, so the workers should do little else. With a local
runner (threads, a process pool) the flow process normalises each batch and
writes the oldest parsed one, while the workers parse the batches after it;
it also runs the entity and number tasks, from the DocBin the parse left,
when a process pool leaves it a core of its own. On Dask the flow may run on
a small client machine, so every stage goes to the cluster, normalising one
batch ahead. Every task is a separate task run in the UI either way.

The flows (nightly, reprocess) say *what* to do with a batch; a
:class:`Placement` says where, and hands back plain thunks that finish it.
"""
from __future__ import annotations

import functools
import os
from collections import deque
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import pyarrow as pa
from prefect.task_runners import ProcessPoolTaskRunner, TaskRunner, ThreadPoolTaskRunner

from flows.failures import result_unless_worker_lost, stage_of
from tasks.busy import busy_batches
from tasks.components import DEFAULT_PARSE, ParseMode
from tasks.lake import Lake
from tasks.outcomes import StageStats, Written
from tasks.parse import ParsedBatch, load_docs
from tasks.records import Article, RawRecord, Reject
from tasks.stagenames import Stage
from tasks.stages import NormalisedBatch, entities_task, normalise_task, numbers_task, parse_task, write_task


def current_runner() -> TaskRunner | None:
    """The task runner of the flow run this is called in (None outside one)."""
    from prefect.context import FlowRunContext

    ctx = FlowRunContext.get()
    return ctx.task_runner if ctx else None


def parallelism(runner: TaskRunner | None) -> int:
    """How many batches can usefully run at once under ``runner``."""
    n = getattr(runner, "_max_workers", None) or getattr(runner, "max_workers", None)
    if not n and runner is not None and "Dask" in type(runner).__name__:
        client = getattr(runner, "_client", None)
        if client is not None:
            try:
                n = sum(w.get("nthreads", 1) for w in client.scheduler_info()["workers"].values())
            except Exception:  # noqa: BLE001 - a guess is enough here
                n = None
        n = n or (getattr(runner, "cluster_kwargs", None) or {}).get("n_workers")
    return int(n or os.cpu_count() or 1)


def is_local(runner: TaskRunner | None) -> bool:
    """Whether tasks run on this machine (threads or a local process pool): then the
    flow process, which is otherwise idle, normalises and writes batches itself."""
    return runner is None or isinstance(runner, (ThreadPoolTaskRunner, ProcessPoolTaskRunner))


def extract_in_flow(runner: TaskRunner | None) -> bool:
    """Whether the flow process should run the entity and number tasks itself.

    Only with a local process pool smaller than the machine: then the flow has a
    core of its own, and extracting there overlaps with the next parse. Otherwise
    (one worker per core, threads, Dask) it would only take CPU from parsing,
    so the parse task extracts from the Docs it has in memory, sparing the
    DocBin written, read back twice, and the model loaded in the flow.
    """
    return isinstance(runner, ProcessPoolTaskRunner) and parallelism(runner) < (os.cpu_count() or 1)


def parse_slots(runner: TaskRunner | None) -> int:
    """How many batches parse at once: spaCy holds the GIL, so threads parse one at a time."""
    return 1 if runner is None or isinstance(runner, ThreadPoolTaskRunner) else parallelism(runner)


Finish = Callable[[], Written]


@dataclass
class Placement:
    """The stages of one run's batches, each started where ``runner`` says it belongs."""

    runner: TaskRunner | None
    lake: Lake
    run_id: str
    model: str
    parse: ParseMode = DEFAULT_PARSE

    @property
    def local(self) -> bool:
        return is_local(self.runner)

    @property
    def normalise_ahead(self) -> int:
        """Batches normalised before the oldest is waited for: on a cluster, submit the
        next batch's normalising before waiting for this one's."""
        return 1 if self.local else 2

    def inflight(self) -> int:
        """Batches in flight at most; asked again each time, as a cluster's size is known
        only once it has started."""
        return 2 * parallelism(self.runner)

    def tail_pieces(self) -> int:
        """Pieces shrink by 1/(2 x parallel parses) at the end; none where batches parse one at a time."""
        slots = parse_slots(self.runner)
        return 2 * slots if slots > 1 else 1

    def warm(self) -> None:
        """Worker processes start and load the model while the first batch is normalised."""
        if hasattr(self.runner, "warm"):
            self.runner.warm()

    def at(self, stage: Stage, batch: int):
        """``stage_of`` for this run: failures name the stage and batch (a dead worker's own)."""
        return stage_of(stage, batch, self.runner, busy=functools.partial(busy_batches, self.lake, self.run_id))

    def normalise(self, batch: int, records: Sequence[RawRecord | Reject],
                  languages: frozenset[str]) -> Callable[[], NormalisedBatch]:
        task = normalise_task.with_options(task_run_name=Stage.NORMALISE.run_name(batch))
        with self.at(Stage.NORMALISE, batch):
            if self.local:
                done = task(records, batch, languages)
                return lambda: done
            future = task.submit(records, batch, languages)

        def result() -> NormalisedBatch:
            with self.at(Stage.NORMALISE, batch):
                return future.result()
        return result

    def complete(self, batch: int, to_parse: Sequence[Article], tables: dict[str, pa.Table],
                 on_parsed: Callable[[StageStats | None], None]) -> Finish:
        """Submit the parse of ``to_parse``; return what extracts (where it wasn't done in the
        parse) and writes the batch with ``tables`` once it is the batch's turn.
        ``on_parsed`` gets the parse's own stats as soon as they are known."""
        write = write_task.with_options(task_run_name=Stage.WRITE.run_name(batch))
        args = (self.lake, self.run_id, batch, tables)
        if not to_parse:
            if self.local:
                return self._finished(batch, lambda: write(*args))
            return self._finished(batch, write.submit(*args).result)
        in_flow = extract_in_flow(self.runner)
        with self.at(Stage.PARSE, batch):
            parsed = parse_task.with_options(task_run_name=Stage.PARSE.run_name(batch)).submit(
                to_parse, self.lake, self.run_id, batch, self.model, extract=not in_flow, mode=self.parse)

        def parse_result() -> ParsedBatch:
            """A failed parse raises its own error (not "upstream failed"), named parse[batch n]."""
            with self.at(Stage.PARSE, batch):
                result = result_unless_worker_lost(parsed, self.runner)
            on_parsed(result.stats)
            return result

        if in_flow:
            def extract_here() -> Written:
                docs = load_docs(parse_result(), self.model)  # read once for both tasks
                # Passing the future (not its result) records parse as the tasks' upstream in the UI.
                with self.at(Stage.ENTITIES, batch):
                    ents = entities_task.with_options(task_run_name=Stage.ENTITIES.run_name(batch))(
                        parsed, self.run_id, self.model, docs)
                with self.at(Stage.NUMBERS, batch):
                    nums = numbers_task.with_options(task_run_name=Stage.NUMBERS.run_name(batch))(
                        parsed, self.run_id, self.model, docs)
                with self.at(Stage.WRITE, batch):
                    return write(*args, ents, nums, parsed)
            return extract_here
        if self.local:
            def write_here() -> Written:
                parse_result()
                with self.at(Stage.WRITE, batch):
                    return write(*args, parsed=parsed)
            return write_here
        written = write.submit(*args, parsed=parsed)

        def collect() -> Written:
            parse_result()  # a failed parse leaves write Pending ("upstream failed")
            with self.at(Stage.WRITE, batch):
                return written.result()
        return collect

    def _finished(self, batch: int, fn: Finish) -> Finish:
        def call() -> Written:
            with self.at(Stage.WRITE, batch):
                return fn()
        return call


class Window:
    """A run's batches in flight, oldest first: each is finished, in order, once more are out
    than the placement allows, so memory depends on the batch size, not on the night."""

    def __init__(self, place: Placement, on_written: Callable[[Written], None]) -> None:
        self.place = place
        self.on_written = on_written
        self.pending: deque[Finish] = deque()

    def add(self, finish: Finish) -> None:
        self.pending.append(finish)
        self.drain(self.place.inflight())

    def drain(self, limit: int = 0) -> None:
        while len(self.pending) > limit:
            self.on_written(self.pending.popleft()())
