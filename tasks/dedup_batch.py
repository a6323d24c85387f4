"""The dedup stage over one batch, and the deduper it checks against, seeded from the lake."""
from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

import pyarrow as pa

from tasks import lake as lake_mod
from tasks.lake import Lake
from tasks.records import Article, Reject
from tasks.schemas import from_rows
from tasks.stages import NormalisedBatch

if TYPE_CHECKING:
    from tasks.dedup import Deduper


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
