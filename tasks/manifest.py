"""Which input files a run reads: its day's partition, the files no live run has read,
and what each file gave (the ``files`` table)."""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

import pyarrow as pa

from tasks import lake as lake_mod
from tasks.ingest import file_stat, path_label, read_records
from tasks.lake import Lake
from tasks.records import RawRecord, Reject
from tasks.schemas import from_rows


def resolve_source(source: str | Path, covers: str | None) -> Path | str:
    """With a date, read that day's partition ``<source>/YYYY-MM-DD/`` when it exists."""
    if covers:
        day = Path(source) / covers
        if day.is_dir():
            return day
    return source


class Manifest:
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


