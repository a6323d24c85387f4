"""Flow run names an operator can tell apart: ``nightly-2026-11-01``, then ``-r2``, ``-r3``.

The name is chosen when the run starts (Prefect calls ``flow_run_name`` then),
from the names the server already holds; a server that cannot be asked leaves
the plain name rather than failing the run. Prefect 3.9's scheduler names the
runs it creates with a random slug and has no name template for deployments,
so each scheduled run renames the next week's scheduled runs of its
deployment for the days they will cover.
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import datetime, timedelta, timezone
from uuid import UUID

PREFIX = "nightly-"


def next_name(base: str, taken: Iterable[str]) -> str:
    """``base`` if no run has it yet, else ``base-rN`` for the next free N (the first rerun is r2)."""
    pattern = re.compile(re.escape(base) + r"(?:-r(\d+))?$")
    numbers = [int(m.group(1) or 1) for name in taken if (m := pattern.match(name))]
    return base if not numbers else f"{base}-r{max(numbers) + 1}"


def rerun_name(base: str, own_id: UUID | str | None = None) -> str:
    """``next_name`` against the server's runs, leaving out this run (a scheduled run already
    carries its day's name)."""
    try:
        from prefect import get_client
        from prefect.client.schemas.filters import FlowRunFilter, FlowRunFilterName

        with get_client(sync_client=True) as client:
            runs = client.read_flow_runs(flow_run_filter=FlowRunFilter(name=FlowRunFilterName(like_=base)))
        return next_name(base, (r.name for r in runs if str(r.id) != str(own_id)))
    except Exception:  # noqa: BLE001 - a name is not worth failing a night for
        return base


def day_name(expected_start: datetime, parameters: dict) -> str:
    """The name a run will take when it starts: its ``covers`` day, else the local day it starts on
    (what the flow's ``date.today()`` will say)."""
    return PREFIX + (parameters.get("covers") or expected_start.astimezone().date().isoformat())


def name_scheduled_runs(deployment_id: UUID | str, days: int = 7) -> list[str]:
    """Give the deployment's scheduled runs of the next ``days`` their day's name; the names set."""
    from prefect import get_client
    from prefect.client.schemas.filters import (
        DeploymentFilter, DeploymentFilterId, FlowRunFilter, FlowRunFilterExpectedStartTime,
        FlowRunFilterState, FlowRunFilterStateType,
    )
    from prefect.client.schemas.objects import StateType

    until = datetime.now(timezone.utc) + timedelta(days=days)
    named = []
    with get_client(sync_client=True) as client:
        runs = client.read_flow_runs(
            deployment_filter=DeploymentFilter(id=DeploymentFilterId(any_=[UUID(str(deployment_id))])),
            flow_run_filter=FlowRunFilter(
                state=FlowRunFilterState(type=FlowRunFilterStateType(any_=[StateType.SCHEDULED])),
                expected_start_time=FlowRunFilterExpectedStartTime(before_=until)))
        for run in runs:
            if run.expected_start_time is None:
                continue
            name = day_name(run.expected_start_time, run.parameters or {})
            if run.name != name:
                client.update_flow_run(run.id, name=name)
                named.append(name)
    return named
