"""The DuckDB catalog: views over the lake and the named queries in ``sql/``.

The catalog file holds views only, never data, so rebuilding it after each
run is cheap and it can always be thrown away and made again.
"""
from __future__ import annotations

from pathlib import Path

import duckdb

from tasks.lake import Lake

SQL_DIR = Path(__file__).resolve().parent.parent / "sql"
# Executed in this order; later files build on earlier views.
VIEW_FILES = ("views.sql", "entity_views.sql", "count_views.sql")
USER_TABLES = ("articles", "entities", "numbers", "rejects", "runs")


class CatalogError(RuntimeError):
    """A user-facing problem with the catalog: said in one line, no traceback."""


def view_sql(lake: Lake) -> str:
    lake_path = lake.root.resolve().as_posix().replace("'", "''")
    parts = [(SQL_DIR / name).read_text() for name in VIEW_FILES if (SQL_DIR / name).exists()]
    return "\n".join(parts).replace("{lake}", lake_path)


def build(lake: Lake) -> Path:
    """(Re)create every view in ``newsflow.duckdb``; needs at least one committed run."""
    if not lake.table_files("runs"):
        raise CatalogError(f"no runs in {lake.data_dir} yet: run `newsflow run` first")
    lake.catalog.parent.mkdir(parents=True, exist_ok=True)
    with duckdb.connect(str(lake.catalog)) as con:
        con.execute(view_sql(lake))
    return lake.catalog


def connect(lake: Lake) -> duckdb.DuckDBPyConnection:
    """A read-only connection for queries; builds the catalog first if it is missing."""
    if not lake.catalog.exists():
        build(lake)
    try:
        return duckdb.connect(str(lake.catalog), read_only=True)
    except duckdb.Error as exc:
        raise CatalogError(f"cannot open {lake.catalog}: {exc}") from exc


def query_names() -> list[str]:
    return sorted(p.stem for p in (SQL_DIR / "queries").glob("*.sql"))


def query_sql(name: str) -> str:
    path = SQL_DIR / "queries" / f"{name}.sql"
    if not path.exists():
        raise CatalogError(f"no query named {name!r}; known: {', '.join(query_names())}")
    return path.read_text()


def run_sql(lake: Lake, sql: str) -> tuple[list[str], list[tuple]]:
    """Column names and rows of ``sql`` against the read-only catalog."""
    con = connect(lake)
    try:
        cur = con.execute(sql)
        if cur.description is None:
            return [], []
        return [d[0] for d in cur.description], cur.fetchall()
    except duckdb.Error as exc:
        raise CatalogError(str(exc).splitlines()[0]) from exc
    finally:
        con.close()


def table_counts(lake: Lake) -> list[tuple[str, int]]:
    con = connect(lake)
    try:
        return [(t, con.execute(f"SELECT count(*) FROM {t}").fetchone()[0]) for t in USER_TABLES]
    finally:
        con.close()
