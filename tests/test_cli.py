"""The command line: answers, and one-line errors with a non-zero exit instead of tracebacks."""
from __future__ import annotations

import json

from typer.testing import CliRunner

from flows.cli import app

runner = CliRunner()


def test_sql_json_output(seeds_run):
    data, _ = seeds_run
    res = runner.invoke(app, ["sql", "--data-dir", str(data), "--format", "json",
                              "SELECT count(*) AS n FROM articles"])
    assert res.exit_code == 0, res.output
    assert json.loads(res.output)[0]["n"] >= 6


def test_named_query_and_tables(seeds_run):
    data, _ = seeds_run
    res = runner.invoke(app, ["query", "rejects_by_reason", "--data-dir", str(data), "--format", "csv"])
    assert res.exit_code == 0 and res.output.startswith("reason,rejects")
    res = runner.invoke(app, ["tables", "--data-dir", str(data)])
    assert res.exit_code == 0 and "articles" in res.output


def test_errors_are_one_line_and_non_zero(seeds_run, tmp_path):
    data, _ = seeds_run
    cases = [
        ["query", "no_such_query", "--data-dir", str(data)],
        ["sql", "SELEC broken", "--data-dir", str(data)],
        ["sql", "SELECT 1", "--data-dir", str(tmp_path / "missing")],
        ["run", str(tmp_path / "no-such-source"), "--data-dir", str(tmp_path / "d")],
        ["run", "seeds", "--date", "yesterday", "--data-dir", str(tmp_path / "d")],
    ]
    for args in cases:
        res = runner.invoke(app, args)
        assert res.exit_code == 1, (args, res.output)
        assert "Traceback" not in res.output
        assert res.output.strip().startswith("error:"), res.output


def test_every_command_has_help():
    for cmd in ("run", "sql", "query", "queries", "tables"):
        res = runner.invoke(app, [cmd, "--help"])
        assert res.exit_code == 0 and "Usage" in res.output


def _snapshot(root) -> dict[str, tuple[int, int]]:
    return {str(p): (p.stat().st_size, p.stat().st_mtime_ns) for p in root.rglob("*") if p.is_file()}


def test_sql_refuses_every_statement_that_writes_and_nothing_changes(seeds_run, tmp_path):
    data, _ = seeds_run
    runs_file = next((data / "lake" / "runs").glob("covers=*/*.parquet"))
    before = _snapshot(data)
    writes = [
        f"COPY (SELECT * FROM runs WHERE false) TO '{runs_file}' (FORMAT parquet)",
        f"COPY (SELECT 1) TO '{data / 'newsflow.duckdb'}'",
        f"EXPLAIN ANALYZE COPY (SELECT 1) TO '{tmp_path / 'out.csv'}'",
        f"EXPORT DATABASE '{tmp_path / 'export'}'",
        f"ATTACH '{tmp_path / 'other.duckdb'}' AS other",
        "INSTALL httpfs",
        "SET enable_external_access = false",
        "CREATE TABLE t AS SELECT 1",
        "SELECT 1; DROP VIEW articles",
    ]
    for statement in writes:
        res = runner.invoke(app, ["sql", "--data-dir", str(data), statement])
        assert res.exit_code == 1 and res.output.startswith("error: refused:"), (statement, res.output)
    assert _snapshot(data) == before
    assert not any(tmp_path.iterdir())
    res = runner.invoke(app, ["sql", "--data-dir", str(data), "--format", "csv", "SELECT count(*) AS n FROM runs"])
    assert res.exit_code == 0 and res.output.splitlines()[1] != "0"


def test_sql_reads_the_users_own_files_for_a_join(seeds_run, tmp_path):
    data, _ = seeds_run
    labels = tmp_path / "labels.csv"
    labels.write_text("label,meaning\nGPE,place\nPERSON,person\n")
    res = runner.invoke(app, ["sql", "--data-dir", str(data), "--format", "json",
                              f"SELECT l.meaning, count(*) AS n FROM entities e JOIN read_csv('{labels}') l "
                              "USING (label) GROUP BY ALL ORDER BY 1"])
    assert res.exit_code == 0, res.output
    assert [r["meaning"] for r in json.loads(res.output)] == ["person", "place"]


def test_a_data_dir_with_only_failed_runs_answers_with_empty_tables(tmp_path):
    from datetime import date, datetime, timezone

    from tasks.lake import Lake, record_failure
    from tasks.schemas import from_rows

    record_failure(Lake(tmp_path), date(2026, 11, 30), from_rows("runs", [dict(
        run_id="20261130T020000-abcdef", status="failed", covers=date(2026, 11, 30),
        started_at=datetime.now(timezone.utc), error="OSError: no model")]))
    res = runner.invoke(app, ["tables", "--data-dir", str(tmp_path)])
    assert res.exit_code == 0, res.output
    res = runner.invoke(app, ["sql", "--data-dir", str(tmp_path), "--format", "csv",
                              "SELECT (SELECT count(*) FROM articles), (SELECT count(*) FROM runs)"])
    assert res.exit_code == 0 and res.output.splitlines()[1] == "0,1", res.output


def test_bad_values_are_one_line_before_anything_starts(tmp_path):
    """Through the real entry point (``main``), where Typer's usage errors are caught."""
    import subprocess
    import sys

    from conftest import ROOT

    (tmp_path / "report.pdf").write_bytes(b"%PDF-1.4")
    (tmp_path / "a-file").write_text("not a folder")
    cases = [
        ["run", "seeds", "--batch-size", "-5"],
        ["run", "seeds", "--batch-size", "0"],
        ["run", "seeds", "--workers", "-1", "--task-runner", "process"],
        ["run", str(tmp_path / "report.pdf")],
        ["run", "seeds", "--data-dir", str(tmp_path / "a-file")],
        ["sql", "", "--data-dir", str(tmp_path)],
        ["no-such-command"],
    ]
    for args in cases:
        res = subprocess.run([sys.executable, "-m", "flows.cli", *args], cwd=ROOT, capture_output=True,
                             text=True, timeout=60)
        assert res.returncode in (1, 2), (args, res.stdout, res.stderr)
        lines = res.stderr.strip().splitlines()
        assert len(lines) == 1 and lines[0].startswith("error:"), (args, res.stderr)
        assert not (tmp_path / "data").exists()


def test_parse_processes_get_one_blas_thread_unless_the_user_set_one():
    """Workers inherit the setting: it must be in place once the command is imported,
    before numpy is, and a value the user exported wins."""
    import os
    import subprocess
    import sys

    probe = "import flows.cli, os; print(os.environ['OPENBLAS_NUM_THREADS'])"
    env = {k: v for k, v in os.environ.items() if not k.endswith("_NUM_THREADS")}
    fresh = subprocess.run([sys.executable, "-c", probe], env=env, capture_output=True, text=True, check=True)
    assert fresh.stdout.strip() == "1"
    mine = subprocess.run([sys.executable, "-c", probe], env={**env, "OPENBLAS_NUM_THREADS": "4"},
                          capture_output=True, text=True, check=True)
    assert mine.stdout.strip() == "4"
