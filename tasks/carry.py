"""What a reprocess reads from the lake and carries into the run that replaces earlier ones.

A reprocess replaces runs the way ``newsflow run --force`` does: its committed
``runs`` row lists them in ``supersedes``, which hides every row they own at
once. So the new run must own again, exactly once, everything of theirs that
reprocessing does not recompute: the articles (with their stored text and
day), rejects, MinHash signatures and the files they read, which keeps the
next nightly run from reading those files again. Entities, numbers and the
night's alias evidence are made anew from the stored text.

The unit is the day a run covers: supersede hides whole runs, and an article
without a publication date belongs to its run's ``covers`` day (sql/views.sql),
so carrying it into a run that covers another day would move it. A day asked
for by ``articles.day`` brings in every run that owns one of its articles.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from tasks import lake as lake_mod
from tasks.lake import Lake
from tasks.records import Article
from tasks.schemas import TABLES

# Tables whose rows the replaced runs keep through the new run; the others it makes again.
CARRIED = ("articles", "rejects", "signatures", "files")
EXTRACTED = ("entities", "numbers")


@dataclass(frozen=True)
class CoversDay:
    """One day's live runs and the extractor versions that made them."""

    covers: date
    runs: tuple[str, ...]
    versions: tuple[str | None, ...]

    def current(self, version: str) -> bool:
        return all(v == version for v in self.versions)


def live_days(lake: Lake, first: date | None = None, last: date | None = None) -> list[CoversDay]:
    """The covers days whose runs hold an article of a day in ``[first, last]`` (its
    ``articles.day``), or cover a day in it; every live day without bounds."""
    runs = _live_runs(lake)
    covers = {r["run_id"]: r["covers"] for r in runs}

    def inside(d: date | None) -> bool:
        return d is not None and (first is None or d >= first) and (last is None or d <= last)

    wanted = {c for c in covers.values() if inside(c)}
    articles = lake_mod.live_rows(lake, "articles", ["run_id", "published"]).to_pylist()
    wanted |= {covers[a["run_id"]] for a in articles if inside(a["published"] or covers[a["run_id"]])}
    return [_covers_day(runs, day) for day in sorted(wanted)]


def covers_day(lake: Lake, day: date) -> CoversDay:
    """The day's live runs as they are now (read again under the lock: a forced nightly
    run may have replaced them since the days were listed)."""
    return _covers_day(_live_runs(lake), day)


def _live_runs(lake: Lake) -> list[dict]:
    runs = lake_mod.live_rows(lake, "runs", ["run_id", "covers", "extractor_version"]).to_pylist()
    return sorted(runs, key=lambda r: r["run_id"])


def _covers_day(runs: list[dict], day: date) -> CoversDay:
    mine = [r for r in runs if r["covers"] == day]
    return CoversDay(day, tuple(r["run_id"] for r in mine), tuple(r["extractor_version"] for r in mine))


def run_rows(lake: Lake, day: CoversDay, table: str) -> pa.Table:
    """Every row of ``table`` the day's runs own, read from their own files only (not the
    whole lake); a table added after a run was written reads as no rows for it."""
    schema = TABLES[table]
    parts = [pq.read_table(path, schema=schema) for rid in day.runs
             if (path := lake.table_file(table, day.covers, rid)).exists()]
    return pa.concat_tables(parts) if parts else schema.empty_table()


def owned_by(table: pa.Table, run_id: str) -> pa.Table:
    """``table`` with every row's ``run_id`` set to the run that now owns it."""
    i = table.schema.get_field_index("run_id")
    return table.set_column(i, "run_id", pa.array([run_id] * table.num_rows, pa.string()))


def to_parse(articles: pa.Table, extracted_ids: set[str]) -> list[Article]:
    """The articles the replaced runs extracted from: every article that is no near
    duplicate, and duplicates that have rows (a run with ``--extract-near-duplicates``)."""
    keep = pc.or_(pc.is_null(articles["duplicate_of"]),
                  pc.is_in(articles["article_id"], value_set=pa.array(sorted(extracted_ids), pa.string())))
    rows = articles.filter(keep).select(["article_id", "source", "text", "format"]).to_pylist()
    return [Article(r["article_id"], r["source"], r["text"] or "", r["format"] or "") for r in rows]


def extracted_ids(lake: Lake, day: CoversDay) -> set[str]:
    return {i for t in EXTRACTED for i in run_rows(lake, day, t).column("article_id").to_pylist()}

