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
