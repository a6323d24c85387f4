"""Scheduling the nightly flow: serve it from one process, or re-run a range of days.

``prefect.yaml`` holds the deployment (schedule, parameters) for both
``prefect deploy`` and ``newsflow serve``, so the two never drift apart.

Input layout for dated runs: ``<source>/YYYY-MM-DD/`` holds the files of that
day (any supported format, any depth). A run with ``covers=<day>`` reads that
folder; the scheduled run (no ``covers``) reads every file under ``<source>``
that no committed run has read yet and is named for the day it runs.
"""
from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
PREFECT_YAML = ROOT / "prefect.yaml"
DEPLOYMENT = "nightly"
REPROCESS = "reprocess"  # served beside the nightly one, without a schedule


@dataclass
class NightlySpec:
    """The nightly deployment as prefect.yaml declares it."""

    name: str = DEPLOYMENT
    cron: str = "0 2 * * *"
    timezone: str = "UTC"
    parameters: dict[str, Any] = field(default_factory=dict)
    tags: list[str] = field(default_factory=list)
    description: str | None = None
    concurrency_limit: int | None = None


def load_spec(path: Path = PREFECT_YAML, name: str = DEPLOYMENT) -> NightlySpec:
    import yaml

    doc = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    for dep in doc.get("deployments") or []:
        if dep.get("name") == name:
            sched = (dep.get("schedules") or [{}])[0]
            return NightlySpec(
                name=name,
                cron=sched.get("cron", NightlySpec.cron),
                timezone=sched.get("timezone") or "UTC",
                parameters=dict(dep.get("parameters") or {}),
                tags=list(dep.get("tags") or []),
                description=dep.get("description"),
                concurrency_limit=dep.get("concurrency_limit"),
            )
    raise ValueError(f"no deployment named {name!r} in {path}")


def _absolute(p: str | None, base: Path) -> str | None:
    if p is None:
        return None
    path = Path(p).expanduser()
    return str(path if path.is_absolute() else (base / path).resolve())


def serve_parameters(spec: NightlySpec, source: str | None = None, data_dir: str | None = None,
                     model: str | None = None, base: Path = ROOT) -> dict[str, Any]:
    """Deployment parameters with relative paths made absolute against the repository,
    so a served run reads and writes the same place whatever the serve's directory."""
    params = dict(spec.parameters)
    if source is not None:
        params["source"] = source
    if data_dir is not None:
        params["data_dir"] = data_dir
    if model is not None:
        params["model"] = model
    for key in ("source", "data_dir"):
        if key in params:
            params[key] = _absolute(params[key], base)
    return params


def build_deployment(spec: NightlySpec, parameters: dict[str, Any], cron: str | None = None,
                     timezone: str | None = None):
    """The RunnerDeployment that ``serve`` registers (and tests apply to a server)."""
    from prefect.schedules import Cron

    from flows.nightly import nightly

    return nightly.to_deployment(
        name=spec.name,
        schedules=[Cron(cron or spec.cron, timezone=timezone or spec.timezone)],
        parameters=parameters,
        tags=spec.tags,
        description=spec.description,
        concurrency_limit=spec.concurrency_limit,
    )


def serve(cron: str | None = None, timezone: str | None = None, source: str | None = None,
          data_dir: str | None = None, model: str | None = None) -> None:
    """Register the nightly deployment (and the unscheduled reprocess one) and run their runs
    from this process, until stopped.

    ``pause_on_shutdown=False``: by default Prefect pauses a served deployment's
    schedule when serve stops, and the next start of serve does not always undo
    it, so a restart would silently end the nightly runs.
    """
    from prefect import serve as prefect_serve

    spec = load_spec()
    params = serve_parameters(spec, source, data_dir, model)
    Path(params["source"]).mkdir(parents=True, exist_ok=True)
    deployment = build_deployment(spec, params, cron, timezone)
    prefect_serve(deployment, build_reprocess_deployment(data_dir, model), pause_on_shutdown=False, limit=1)


def build_reprocess_deployment(data_dir: str | None = None, model: str | None = None):
    """The reprocess deployment: prefect.yaml's parameters, no schedule (the UI starts it)."""
    from flows.reprocess import reprocess

    spec = load_spec(name=REPROCESS)
    return reprocess.to_deployment(
        name=spec.name, parameters=serve_parameters(spec, data_dir=data_dir, model=model),
        tags=spec.tags, description=spec.description, concurrency_limit=spec.concurrency_limit,
    )


def days(first: date, last: date) -> Iterator[date]:
    day = first
    while day <= last:
        yield day
        day += timedelta(days=1)


@dataclass
class DayResult:
    day: str
    status: str  # "done", "skipped" (no folder for the day) or "failed"
    summary: dict | None = None
    error: str | None = None


def backfill(first: date, last: date, source: str, data_dir: str, model: str | None = None,
             force: bool = False, batch_size: int = 200, lock_wait_seconds: float = 0.0,
             flow=None) -> list[DayResult]:
    """One flow run per day from ``first`` to ``last`` (each named ``nightly-<day>``), in order.

    Days without a ``<source>/<day>/`` folder are skipped: without it the run
    would read the whole inbox and file it under the wrong day. A failed day
    is reported and the next day still runs.
    """
    if last < first:
        raise ValueError(f"--to {last} is before --from {first}")
    if flow is None:
        from flows.nightly import nightly as flow
    results: list[DayResult] = []
    for day in days(first, last):
        iso = day.isoformat()
        if not (Path(source) / iso).is_dir():
            results.append(DayResult(iso, "skipped"))
            continue
        try:
            summary = flow(source=source, data_dir=data_dir, model=model, covers=iso, force=force,
                           batch_size=batch_size, lock_wait_seconds=lock_wait_seconds)
        except Exception as exc:  # one bad day must not stop the rest
            results.append(DayResult(iso, "failed", error=f"{type(exc).__name__}: {exc}"))
            continue
        results.append(DayResult(iso, "done", summary=summary))
    return results
