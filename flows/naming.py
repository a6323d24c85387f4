"""Flow run names an operator can tell apart: ``nightly-2026-11-01``, then ``-r2``, ``-r3``.

The name is chosen when the run starts (Prefect calls ``flow_run_name`` then),
from the names the server already holds; a server that cannot be asked leaves
the plain name rather than failing the run.
"""
from __future__ import annotations

import re
from collections.abc import Iterable


def next_name(base: str, taken: Iterable[str]) -> str:
    """``base`` if no run has it yet, else ``base-rN`` for the next free N (the first rerun is r2)."""
    pattern = re.compile(re.escape(base) + r"(?:-r(\d+))?$")
    numbers = [int(m.group(1) or 1) for name in taken if (m := pattern.match(name))]
    return base if not numbers else f"{base}-r{max(numbers) + 1}"


def rerun_name(base: str) -> str:
    try:
        from prefect import get_client
        from prefect.client.schemas.filters import FlowRunFilter, FlowRunFilterName

        with get_client(sync_client=True) as client:
            runs = client.read_flow_runs(flow_run_filter=FlowRunFilter(name=FlowRunFilterName(like_=base)))
        return next_name(base, (r.name for r in runs))
    except Exception:  # noqa: BLE001 - a name is not worth failing a night for
        return base
