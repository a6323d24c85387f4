"""The DuckDB catalog: views over the lake and the named queries in ``sql/``.

The catalog file holds views only, never data, so rebuilding it after each
run is cheap and it can always be thrown away and made again.
"""
from __future__ import annotations

import re
from pathlib import Path

import duckdb
from duckdb import StatementType

from tasks.lake import Lake, write_schema_files

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
    write_schema_files(lake)
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


# Statements that only read. DESCRIBE, SHOW, SUMMARIZE, PRAGMA show_tables and
# FROM-first queries are SELECTs to DuckDB; EXPLAIN is allowed only over one of those,
# since EXPLAIN ANALYZE runs what it explains (a COPY TO included).
_READING = {StatementType.SELECT}
_EXPLAIN = re.compile(r"^\s*explain\b(\s*\([^)]*\))?(\s+analy[sz]e\b)?", re.IGNORECASE)


def check_read_only(con: duckdb.DuckDBPyConnection, sql: str) -> None:
    """Refuse, before anything runs, any statement that could write: COPY TO and EXPORT
    write files anywhere (a lake file or the catalog included), ATTACH opens other
    databases for writing, INSTALL downloads, SET could lift the locks below.

    The connection is read-only besides, and its configuration locked, but neither
    stops COPY TO: that takes DuckDB's ``enable_external_access=false``, which would
    also stop reading the user's own CSV and Parquet files for a join. So the
    statement types are the guard."""
    try:
        kinds = [_explained(con, st) for st in con.extract_statements(sql)]
    except duckdb.Error as exc:
        raise CatalogError(str(exc).splitlines()[0]) from exc
    if not kinds:
        raise CatalogError("no SQL statement given")
    for kind in kinds:
        if kind not in _READING:
            raise CatalogError(
                f"refused: {kind.name} statements can change files; newsflow sql and query only read "
                "(SELECT, WITH, DESCRIBE, SHOW, SUMMARIZE, EXPLAIN of those)")


def _explained(con: duckdb.DuckDBPyConnection, st) -> StatementType:
    """What a statement runs: for EXPLAIN [ANALYZE], the statement it explains."""
    if st.type != StatementType.EXPLAIN:
        return st.type
    inner = con.extract_statements(_EXPLAIN.sub("", st.query, count=1))
    return inner[0].type if len(inner) == 1 else StatementType.INVALID


def _lock_down(con: duckdb.DuckDBPyConnection) -> None:
    """No extension downloads, and no setting can be changed after this."""
    con.execute("SET autoinstall_known_extensions = false")
    con.execute("SET lock_configuration = true")


def run_sql(lake: Lake, sql: str) -> tuple[list[str], list[tuple]]:
    """Column names and rows of ``sql`` against the read-only catalog; statements that
    write are refused (``check_read_only``)."""
    con = connect(lake)
    try:
        check_read_only(con, sql)
        _lock_down(con)
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
