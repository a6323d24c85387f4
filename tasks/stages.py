"""One Prefect task per stage and batch, each a thin wrapper over a plain function.

Tasks are coarse (a batch of hundreds of articles) because a task run costs
~10 ms with threads and ~150 ms on Dask; they take and return plain data
(records, Arrow tables, a path to parsed Docs) so any task runner can ship
them; results are not persisted (nothing to gain, only I/O to pay).
"""
from __future__ import annotations

import time
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

import pyarrow as pa
import pyarrow.compute as pc
from prefect import get_run_logger, task
from prefect.cache_policies import NO_CACHE
from prefect.tasks import exponential_backoff
from spacy.tokens import Doc

from tasks import lake as lake_mod
from tasks.busy import marks_busy
from tasks.entities import extract_entities
from tasks.lake import Lake
from tasks.normalise import normalise
from tasks.outcomes import MEASURABLE_SECONDS, Extracted, StageStats, Written
from tasks.numbers import extract_numbers
from tasks.components import DEFAULT_PARSE, ParseMode
from tasks.isolation import check_not_broken, error_reason, error_reject
from tasks.parse import ParsedBatch, load_docs, parse_docs, parse_texts
from tasks.records import Article, RawRecord, Reject
from tasks.schemas import from_rows
from tasks.stagenames import Stage
from tasks.tasklog import quiet_completed_tasks

_TASK_DEFAULTS = dict(persist_result=False, cache_policy=NO_CACHE)
quiet_completed_tasks()  # here, so that worker processes, which import this module, are quiet too


@dataclass
class NormalisedBatch:
    batch: int
    articles: list[Article] = field(default_factory=list)
    rejects: list[Reject] = field(default_factory=list)
    stats: StageStats | None = None


def describe(stats: StageStats) -> str:
    """One log line a person reads: counts, rows made, time, and rates only where measurable."""
    rows = "".join(f", {v:,} {k}" for k, v in stats.rows.items() if k != "signatures")
    line = (f"{stats.stage.run_name(stats.batch)}: {stats.n_in:,} articles in, {stats.n_out:,} out, "
            f"{stats.rejected:,} rejected{rows} in {stats.seconds:.2f} s")
    if stats.seconds >= MEASURABLE_SECONDS and stats.n_in:
        line += f" ({stats.n_in / stats.seconds:,.1f} articles/s"
        line += f", {stats.words / stats.seconds:,.0f} words/s)" if stats.words else ")"
    return line


def _log(stats: StageStats) -> None:
    get_run_logger().info(describe(stats))


# -- normalise ---------------------------------------------------------------

def normalise_records(
    records: Sequence[RawRecord | Reject], batch: int, languages: frozenset[str]
) -> NormalisedBatch:
    """Clean a batch; ingest-time rejects pass straight through to be counted."""
    t0 = time.perf_counter()
    out = NormalisedBatch(batch)
    passed = 0  # ingest's rejects: counted by the read stage, not here
    for rec in records:
        passed += isinstance(rec, Reject)
        result = rec if isinstance(rec, Reject) else _normalise_one(rec, languages)
        (out.rejects if isinstance(result, Reject) else out.articles).append(result)
    errors = [r for r in out.rejects if r.reason == error_reason(Stage.NORMALISE)]
    check_not_broken(Stage.NORMALISE, batch, sum(not isinstance(r, Reject) for r in records), errors)
    out.stats = StageStats(
        Stage.NORMALISE, batch, len(records) - passed, len(out.articles), len(out.rejects) - passed,
        sum(a.n_words for a in out.articles), time.perf_counter() - t0,
    )
    return out


def _normalise_one(rec: RawRecord, languages: frozenset[str]) -> Article | Reject:
    """A bug that one odd record trips in normalising rejects that record, not the night."""
    try:
        return normalise(rec, languages=languages)
    except Exception as exc:  # noqa: BLE001 - isolation by article
        return replace(error_reject(Stage.NORMALISE, "", exc), source=rec.source, article_id=None)


@task(name=Stage.NORMALISE.value, **_TASK_DEFAULTS)
def normalise_task(
    records: Sequence[RawRecord | Reject], batch: int, languages: frozenset[str]
) -> NormalisedBatch:
    out = normalise_records(records, batch, languages)
    _log(out.stats)
    return out


# -- parse -------------------------------------------------------------------

@task(name=Stage.PARSE.value, **_TASK_DEFAULTS)
@marks_busy(Stage.PARSE)
def parse_task(
    articles: Sequence[Article], lake: Lake, run_id: str, batch: int, model: str | None, extract: bool = False,
    mode: ParseMode = DEFAULT_PARSE,
) -> ParsedBatch:
    """With ``extract``, the entity and number tasks run here, as this task's children, on the
    Docs in memory; otherwise the Docs go to disk for the flow process to extract from."""
    t0 = time.perf_counter()
    texts, ids = [a.text for a in articles], [a.article_id for a in articles]
    if extract:
        docs, parsed = parse_docs(texts, ids, batch, model, mode)
    else:
        docs, parsed = None, parse_texts(texts, ids, lake.docs_path(run_id, batch), batch, model, mode)
    lake_mod.fault_point(f"parse:batch-{batch}")  # crash tests: a worker killed with its batch parsed
    stats = StageStats(Stage.PARSE, batch, len(articles), len(parsed.article_ids), len(parsed.rejects), parsed.words,
                       time.perf_counter() - t0)
    _log(stats)
    parsed = replace(parsed, stats=stats)
    if docs is None:
        return parsed
    return replace(
        parsed,
        entities=entities_task.with_options(task_run_name=Stage.ENTITIES.run_name(batch))(parsed, run_id, model, docs),
        numbers=numbers_task.with_options(task_run_name=Stage.NUMBERS.run_name(batch))(parsed, run_id, model, docs),
    )


# -- entities and numbers ----------------------------------------------------

def _extractor(stage: Stage):
    """Looked up at each call, not captured once, so a test can patch the module's function."""
    return {Stage.ENTITIES: extract_entities, Stage.NUMBERS: extract_numbers}[stage]


def _extract(parsed: ParsedBatch, run_id: str, stage: Stage, model: str | None,
             docs: Sequence[Doc] | None = None, extract=None) -> tuple[pa.Table, list[Reject]]:
    """Rows of every Doc; an article whose extraction raises becomes a reject
    (``error:<stage>``) and the others are kept."""
    extract = extract or _extractor(stage)
    rows: list[dict] = []
    rejects: list[Reject] = []
    for article_id, doc in zip(parsed.article_ids, load_docs(parsed, model) if docs is None else docs):
        try:
            found = extract(doc)
        except Exception as exc:  # noqa: BLE001 - isolation by article
            rejects.append(error_reject(stage, article_id, exc))
            continue
        for row in found:
            row["article_id"] = article_id
            row["run_id"] = run_id
            rows.append(row)
    return from_rows(stage.value, rows), rejects


def entity_rows(parsed: ParsedBatch, run_id: str, model: str | None = None,
                docs: Sequence[Doc] | None = None) -> pa.Table:
    return _extract(parsed, run_id, Stage.ENTITIES, model, docs)[0]


def number_rows(parsed: ParsedBatch, run_id: str, model: str | None = None,
                docs: Sequence[Doc] | None = None) -> pa.Table:
    return _extract(parsed, run_id, Stage.NUMBERS, model, docs)[0]


def _timed_extract(stage: Stage, parsed: ParsedBatch, run_id: str, model: str | None,
                   docs: Sequence[Doc] | None) -> Extracted:
    t0 = time.perf_counter()
    rows, rejects = _extract(parsed, run_id, stage, model, docs)
    n = len(parsed.article_ids)
    check_not_broken(stage, parsed.batch, n, rejects)
    stats = StageStats(stage, parsed.batch, n, n - len(rejects), len(rejects), parsed.words,
                       time.perf_counter() - t0, {stage.value: rows.num_rows})
    _log(stats)
    return Extracted(rows, stats, rejects)


@task(name=Stage.ENTITIES.value, **_TASK_DEFAULTS)
def entities_task(parsed: ParsedBatch, run_id: str, model: str | None,
                  docs: Sequence[Doc] | None = None) -> Extracted:
    """``docs``, when the caller has them, saves reading the batch's DocBin again."""
    return _timed_extract(Stage.ENTITIES, parsed, run_id, model, docs)


@task(name=Stage.NUMBERS.value, **_TASK_DEFAULTS)
def numbers_task(parsed: ParsedBatch, run_id: str, model: str | None,
                 docs: Sequence[Doc] | None = None) -> Extracted:
    return _timed_extract(Stage.NUMBERS, parsed, run_id, model, docs)


# -- write -------------------------------------------------------------------

def article_rows(articles: Sequence[Article], run_id: str) -> pa.Table:
    return from_rows("articles", [
        {
            "article_id": a.article_id, "run_id": run_id, "source": a.source, "format": a.fmt,
            "encoding": a.encoding, "language": a.language, "url": a.url, "title": a.title,
            "author": a.author, "published": a.published, "duplicate_of": a.duplicate_of,
            "n_words": a.n_words, "text": a.text, **a.extras,
        }
        for a in articles
    ])


def reject_rows(rejects: Sequence[Reject], run_id: str) -> pa.Table:
    return from_rows("rejects", [
        {"run_id": run_id, "source": r.source, "reason": r.reason, "detail": r.detail[:500],
         "article_id": r.article_id}
        for r in rejects
    ])


def drop_failed(tables: dict[str, pa.Table], failed: Sequence[Reject], run_id: str) -> dict[str, pa.Table]:
    """The batch's tables without the articles a stage failed on, and their rejects added:
    an article is written whole, with all its rows, or not at all. The rejects get
    the failed article's ``source`` from the batch's articles."""
    if not failed:
        return tables
    ids = pa.array(sorted({r.article_id for r in failed}))
    articles = tables.get("articles")
    sources = dict(zip(articles["article_id"].to_pylist(), articles["source"].to_pylist())) if articles else {}
    out = {
        name: t.filter(pc.invert(pc.is_in(t["article_id"], ids))) if "article_id" in t.column_names
        and name != "rejects" else t
        for name, t in tables.items()
    }
    late = reject_rows([replace(r, source=r.source or sources.get(r.article_id, "")) for r in failed], run_id)
    out["rejects"] = pa.concat_tables([out["rejects"], late]) if "rejects" in out else late
    return out


def write_batch(lake: Lake, run_id: str, batch: int, tables: dict[str, pa.Table],
                parsed: ParsedBatch | None = None) -> dict[str, int]:
    """Stage a batch's rows; the parsed Docs are no longer needed once both extractions are in."""
    for name, table in tables.items():
        lake_mod.write_part(lake, run_id, name, batch, table)
    if parsed is not None and parsed.path:
        Path(parsed.path).unlink(missing_ok=True)
    return {name: t.num_rows for name, t in tables.items()}


@task(name=Stage.WRITE.value, retries=3, retry_delay_seconds=exponential_backoff(backoff_factor=2), **_TASK_DEFAULTS)
def write_task(
    lake: Lake, run_id: str, batch: int, tables: dict[str, pa.Table],
    entities: Extracted | None = None,
    numbers: Extracted | None = None,
    parsed: ParsedBatch | None = None,
) -> Written:
    """Retried with backoff: a full disk or a flaky network mount is worth a second try.
    The extractions come as arguments, or inside ``parsed`` when the parse ran them."""
    t0 = time.perf_counter()
    if parsed is not None:
        entities, numbers = entities or parsed.entities, numbers or parsed.numbers
    extracted = {"entities": entities, "numbers": numbers}
    done = [v for v in extracted.values() if v is not None]
    failed = list(parsed.rejects if parsed is not None else ()) + [r for v in done for r in v.rejects]
    tables = {**tables, **{k: v.table for k, v in extracted.items() if v is not None}}
    counts = write_batch(lake, run_id, batch, drop_failed(tables, failed, run_id), parsed)
    n = counts.get("articles", 0)
    stats = StageStats(Stage.WRITE, batch, n, n, 0, 0, time.perf_counter() - t0,
                       {k: v for k, v in counts.items() if k != "articles"})
    _log(stats)
    return Written(counts, [v.stats for v in done] + [stats], failed)
