"""The nightly flow end to end on seeds/ and on bad input, read back through DuckDB."""
from __future__ import annotations

import json
import shutil

from conftest import SEEDS, sql


def test_seed_entities(seeds_run):
    data, _ = seeds_run
    persons = {r[0] for r in sql(data, "SELECT text FROM entities WHERE label = 'PERSON'")}
    assert "John Kerry" in persons
    assert not sql(data, "SELECT text FROM entities WHERE text ILIKE '%Uncategorized%'")


def test_seed_counts_with_meaning(seeds_run):
    data, _ = seeds_run
    killed = sql(data, "SELECT qualifier, noun, verb FROM numbers WHERE value = 6000")
    assert ("lower_bound", "people", "kill") in killed
    soldiers = sql(data, "SELECT noun FROM numbers WHERE value = 220")
    assert soldiers and soldiers[0][0].startswith("soldier")
    assert not sql(data, "SELECT * FROM numbers WHERE value = 55")


def test_dates_and_names_are_not_counts(seeds_run):
    data, _ = seeds_run
    surfaces = " | ".join(r[0] for r in sql(data, "SELECT surface FROM numbers"))
    for not_a_count in ("2014", "2013", "Two"):
        assert not_a_count not in surfaces
    assert not sql(data, "SELECT * FROM numbers WHERE value IN (2013, 2014)")


def test_every_seed_format_is_read(seeds_run):
    data, summary = seeds_run
    formats = {r[0] for r in sql(data, "SELECT DISTINCT format FROM articles")}
    assert {"txt", "html", "jsonl"} <= formats
    assert summary["written"] == 6 and summary["rejected"] == 0
    titles = {r[0] for r in sql(data, "SELECT title FROM articles")}
    assert "Ukraine crisis: John Kerry to meet Putin in Russia" in titles


def test_rerun_on_same_input_adds_nothing(seeds_run):
    from flows.nightly import nightly

    data, _ = seeds_run
    before = {t: sql(data, f"SELECT count(*) FROM {t}")[0][0] for t in ("articles", "entities", "numbers", "rejects")}
    summary = nightly(source=str(SEEDS), data_dir=str(data))
    after = {t: sql(data, f"SELECT count(*) FROM {t}")[0][0] for t in before}
    assert summary["read"] == 0
    assert after == before
    assert sql(data, "SELECT count(*) FROM runs WHERE status = 'committed'")[0][0] == 2


def test_bad_input_lands_in_rejects_and_the_run_goes_on(prefect_harness, tmp_path):
    from flows.nightly import nightly

    src = tmp_path / "inbox"
    src.mkdir()
    (src / "empty.txt").write_bytes(b"")
    (src / "binary.txt").write_bytes(bytes(range(256)) * 8)
    good = {"title": "Dam repairs finish early", "text": "Engineers finished repairs on the Kessel dam two weeks "
            "early, the water authority said on Friday. About 300 workers took part in the project."}
    (src / "mixed.jsonl").write_text(json.dumps(good) + "\n{not json\n", encoding="utf-8")
    shutil.copy(SEEDS / "000_e5e4900b5f92f034.txt", src / "seed.txt")
    data = tmp_path / "data"
    summary = nightly(source=str(src), data_dir=str(data))
    rejects = dict(sql(data, "SELECT source, reason FROM rejects"))
    assert rejects[str(src / "empty.txt")] == "empty"
    assert rejects[str(src / "binary.txt")] == "binary"
    assert rejects[f"{src / 'mixed.jsonl'}#L2"] == "invalid_json"
    assert summary["rejected"] == 3
    assert summary["written"] == 2
    assert sql(data, "SELECT count(*) FROM articles")[0][0] == 2


def test_the_last_batches_are_cut_finer_so_workers_finish_together():
    from tasks.batching import batches

    night = list(batches(range(2225), 200, tail_pieces=4))
    assert [x for b in night for x in b] == list(range(2225))  # every record once, in order
    # The tail shrinks, a quarter of what is left at a time, to pieces of a tenth of a batch.
    assert [len(b) for b in night] == [200] * 10 + [57, 42, 32, 24, 20, 20, 20, 10]
    # Input that ends on a full batch still has its tail cut, and no batch is ever larger than asked.
    assert [len(b) for b in batches(range(400), 200, tail_pieces=4)][:3] == [200, 50, 38]
    assert max(len(b) for b in batches(range(12), 5, tail_pieces=1)) <= 5
    assert list(batches([], 200, tail_pieces=4)) == []
    # Pieces stay worth a task run: not below a tenth of the batch size (a seeds-sized input stays whole).
    assert [len(b) for b in batches(range(6), 200, tail_pieces=4)] == [6]
    assert [len(b) for b in batches(range(60), 200, tail_pieces=4)] == [20, 20, 20]
    assert [len(b) for b in batches(range(450), 200, tail_pieces=1)] == [200, 200, 50]
