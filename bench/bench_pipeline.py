"""Throughput, scaling, incremental reruns, memory and output files of the nightly flow.

Every figure is a ratio measured within one invocation of this script, so a
busy machine slows numerator and denominator alike; each is the median of
``--repeat`` runs (3 by default; ``--repeat 1`` for a quick look).

    .venv/bin/python bench/bench_pipeline.py                       # full BBC corpus, long and short (slow)
    .venv/bin/python bench/bench_pipeline.py --limit 600 --mem-limit 200   # what the README reports
    .venv/bin/python bench/bench_pipeline.py --limit 200 --repeat 1 --skip p4  # a quick look
    .venv/bin/python bench/bench_pipeline.py --corpora short --parse numbers  # one corpus, selective parse

Corpora (``--corpora``): ``bbc``, the BBC articles as they are (~380 words);
``short``, the same articles cut into pieces of two paragraphs (~130 words,
~6,200 of them), where per-article and per-run costs weigh more, as in agency copy.

Figures (see README "Performance"), each per corpus:

P1  words/s of a whole run (1 worker process, flow time from the run's ``runs.seconds``)
    / words/s of plain ``nlp.pipe`` (the full pipeline) over the same normalised texts in this process.
P2  words/s with 2 worker processes / the same raw 1-process figure (2 workers / 1 in the detail).
P3  wall time of a rerun on unchanged input / the first run (both whole processes).
P4  peak RSS (the run's process tree, sampled every 50 ms) on the corpus x10 / on x1.
    Each copy gets a new first line, so its id differs and it is a near duplicate:
    stored, marked, not parsed (``--p4-extract-near`` parses every copy, ~30 min at x10).
P2 ceiling: plain nlp.pipe in 2 processes / 1, what the machine allows spaCy itself.
Raw figures run in fresh processes with OpenBLAS's default threads, as a plain script
does; P1 and P2 are also printed against raw with the one BLAS thread newsflow sets.
CPU s per run: the flow process, the worker processes and the Prefect server.
P5  numbers (and entities) task time / parse time per batch, from the plain functions.
Files: Parquet files per table after one run, and their sizes.

Each run is a ``newsflow run`` subprocess with Prefect's embedded server, as a
newcomer or a cron job runs it (``PREFECT_HOME`` in the temp dir, migrated by
one empty run first), so its memory and CPU, workers and server included,
are measured alone. Rates use the flow's own time (``runs.seconds``), which
excludes process start-up; P3 is whole commands, start-up included.
"""
from __future__ import annotations

import argparse
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tasks.components import DEFAULT_PARSE, ParseMode  # noqa: E402
from raw_spacy import raw_pipe  # noqa: E402
from flow_runs import CORPUS, lake_files, lake_texts, run_child, write_input  # noqa: E402


# -- in-process measurements -------------------------------------------------

def stage_ratios(texts: list[str], batch_size: int, batches: int, tmp: Path, parse: str = "full") -> dict:
    """Per batch: parse (nlp.pipe + DocBin to disk), entities, numbers, as the tasks run them."""
    from tasks.parse import parse_texts
    from tasks.stages import entity_rows, number_rows

    out = {"parse": [], "entities": [], "numbers": []}
    for b in range(batches):
        chunk = texts[b * batch_size:(b + 1) * batch_size]
        if not chunk:
            break
        ids = [f"a{b}-{i}" for i in range(len(chunk))]
        t0 = time.perf_counter()
        parsed = parse_texts(chunk, ids, tmp / f"b{b}.spacy", b, mode=parse)
        t1 = time.perf_counter()
        entity_rows(parsed, "r")
        t2 = time.perf_counter()
        number_rows(parsed, "r")
        t3 = time.perf_counter()
        out["parse"].append(t1 - t0)
        out["entities"].append(t2 - t1)
        out["numbers"].append(t3 - t2)
    return {k: sum(v) for k, v in out.items()}


# -- the benchmark -----------------------------------------------------------

def cpu_line(summary: dict) -> str:
    c = summary["cpu_by_role"]
    return f"CPU s: flow {c['flow']:.1f}, workers {c['workers']:.1f}, server {c['server']:.1f}"


def med(xs: list[float]) -> float:
    return statistics.median(xs) if xs else float("nan")


def fmt(xs: list[float], digits: int = 2) -> str:
    return ", ".join(f"{x:.{digits}f}" for x in xs)


FIGURES = ("w1", "w2", "raw", "p1", "p2", "p2w", "first_wall", "rerun_wall", "p3", "rss1", "rssN", "p4",
           "p5n", "p5e", "p1cpu", "w1cpu", "w2cpu", "raw2", "ceiling", "raw1t", "p1t", "p2t")


def measure_runs(a, src: Path, env: dict, tmp: Path, res: dict, skip: set[str], tag: str) -> dict | None:
    """P1, P2 (and its ceiling) and P3 for one corpus; the Parquet files of the first run."""
    files = None
    for r in range(a.repeat):
        d1, d2 = tmp / f"run1w-{tag}-{r}", tmp / f"run2w-{tag}-{r}"
        if not skip >= {"p1", "p2", "p3"}:
            s1 = run_child(src, d1, "process", 1, a.batch_size, env, parse=a.parse)
            res["w1"].append(s1["words"] / s1["seconds"])
            res["w1cpu"].append(s1["words"] / s1["cpu"])
            res["first_wall"].append(s1["wall"])
            print(f"[{tag} {r}] 1 worker: {s1['words']} words in {s1['seconds']:.1f} s flow, {s1['wall']:.1f} s wall "
                  f"({res['w1'][-1]:.0f} words/s), written {s1['written']}; {cpu_line(s1)}", flush=True)
            files = files or lake_files(d1)
            if "p3" not in skip:
                s3 = run_child(src, d1, "process", 1, a.batch_size, env, parse=a.parse)
                res["rerun_wall"].append(s3["wall"])
                res["p3"].append(s3["wall"] / s1["wall"])
                print(f"[{tag} {r}] rerun: read {s3['read']}, {s3['wall']:.1f} s wall", flush=True)
            measure_raw(lake_texts(d1), res, skip, tag, r)
        if "p2" not in skip:
            s2 = run_child(src, d2, "process", 2, a.batch_size, env, parse=a.parse)
            res["w2"].append(s2["words"] / s2["seconds"])
            res["w2cpu"].append(s2["words"] / s2["cpu"])
            print(f"[{tag} {r}] 2 workers: {s2['seconds']:.1f} s flow, {s2['wall']:.1f} s wall "
                  f"({res['w2'][-1]:.0f} words/s); {cpu_line(s2)}", flush=True)
            if res["raw"]:
                res["p2"].append(res["w2"][-1] / res["raw"][-1])
                res["p2t"].append(res["w2"][-1] / res["raw1t"][-1])
            if res["w1"]:
                res["p2w"].append(res["w2"][-1] / res["w1"][-1])
        for d in (d1, d2):
            shutil.rmtree(d, ignore_errors=True)
    return files


def measure_raw(texts: list[str], res: dict, skip: set[str], tag: str, r: int) -> None:
    """Plain spaCy (the full pipeline) on the run's own normalised texts: the denominators."""
    raw, raw_cpu = raw_pipe(texts)
    res["raw"].append(raw)
    res["p1"].append(res["w1"][-1] / raw)
    res["p1cpu"].append(res["w1cpu"][-1] / raw_cpu)
    res["raw1t"].append(raw_pipe(texts, blas_threads="1")[0])
    res["p1t"].append(res["w1"][-1] / res["raw1t"][-1])
    print(f"[{tag} {r}] raw nlp.pipe: {raw:.0f} words/s on {len(texts)} texts "
          f"({res['raw1t'][-1]:.0f} with one BLAS thread)", flush=True)
    if "p2" not in skip:
        res["raw2"].append(raw_pipe(texts, 2)[0])
        res["ceiling"].append(res["raw2"][-1] / raw)
        print(f"[{tag} {r}] raw nlp.pipe in 2 processes: {res['raw2'][-1]:.0f} words/s "
              f"({res['ceiling'][-1]:.2f} x 1 process)", flush=True)


def measure_memory(a, env: dict, tmp: Path, res: dict, short: bool, tag: str) -> None:
    """P4: peak RSS of the corpus x``scale`` against x1."""
    base = a.mem_limit or a.limit
    src1, srcN = tmp / f"m1-{tag}" / "in.jsonl", tmp / f"mN-{tag}" / "in.jsonl"
    write_input(a.corpus, src1, base, 1, short)
    nN = write_input(a.corpus, srcN, base, a.scale, short)
    for r in range(a.mem_repeat or a.repeat):
        m1 = run_child(src1, tmp / f"mem1-{tag}-{r}", a.p4_runner, 2, a.batch_size, env, a.p4_extract_near, a.parse)
        mN = run_child(srcN, tmp / f"memN-{tag}-{r}", a.p4_runner, 2, a.batch_size, env, a.p4_extract_near, a.parse)
        res["rss1"].append(m1["peak_rss"] / 2**20)
        res["rssN"].append(mN["peak_rss"] / 2**20)
        res["p4"].append(mN["peak_rss"] / m1["peak_rss"])
        print(f"[{tag} {r}] memory: x1 {res['rss1'][-1]:.0f} MiB ({m1['words']} words, {m1['seconds']:.1f} s), "
              f"x{a.scale} {res['rssN'][-1]:.0f} MiB ({nN} articles, {mN['words']} words, "
              f"{mN['duplicates']} marked near-duplicate, {mN['seconds']:.1f} s)", flush=True)
        for d in (tmp / f"mem1-{tag}-{r}", tmp / f"memN-{tag}-{r}"):
            shutil.rmtree(d, ignore_errors=True)


def measure_stages(a, src: Path, env: dict, tmp: Path, res: dict, tag: str) -> None:
    """P5: the extraction tasks' time against the parse's, per batch."""
    d = tmp / f"p5-{tag}"
    run_child(src, d, "process", 2, a.batch_size, env, parse=a.parse)
    texts = lake_texts(d)
    for r in range(a.repeat):
        st = stage_ratios(texts, a.batch_size, 3, tmp / f"p5docs-{tag}", a.parse)
        res["p5n"].append(st["numbers"] / st["parse"])
        res["p5e"].append(st["entities"] / st["parse"])
        print(f"[{tag} {r}] stages over 3 batches: parse {st['parse']:.2f} s, entities {st['entities']:.2f} s, "
              f"numbers {st['numbers']:.2f} s", flush=True)


def print_table(a, res: dict, files: dict | None, title: str) -> None:
    print(f"\n## newsflow pipeline benchmark: {title} (median of {a.repeat}, --parse {a.parse})\n")
    print("| figure | target | median | runs | detail |")
    print("|---|---|---|---|---|")

    def row(label: str, target: str, key: str, detail: str = "", digits: int = 2) -> None:
        if res[key]:
            print(f"| {label} | {target} | {med(res[key]):.{digits}f} | {fmt(res[key], digits)} | {detail} |")

    row("P1 (1 worker / raw full nlp.pipe, 1 process)", ">= 1.4", "p1",
        f"pipeline {med(res['w1']):.0f} words/s, raw {med(res['raw']):.0f} words/s")
    row("P1cpu: words per CPU-second, whole run (all processes) / raw", "", "p1cpu",
        f"run {med(res['w1cpu']):.0f}, 2 workers {med(res['w2cpu']):.0f} words/CPU-s")
    row("P2 (2 workers / raw full nlp.pipe, 1 process)", ">= 2.4 bbc, >= 2.2 short", "p2",
        f"2 workers {med(res['w2']):.0f} words/s")
    row("P2 scaling (2 workers / 1 worker)", "", "p2w")
    row("P1 against raw with one BLAS thread, as newsflow sets it", "", "p1t",
        f"raw {med(res['raw1t']):.0f} words/s")
    row("P2 against raw with one BLAS thread", "", "p2t")
    row("P2 ceiling: raw nlp.pipe, 2 processes / 1", "", "ceiling", f"2 processes {med(res['raw2']):.0f} words/s")
    row("P3 rerun / first run (wall, whole commands, 1 worker)", "<= 0.05", "p3",
        f"first {med(res['first_wall']):.1f} s, rerun {med(res['rerun_wall']):.1f} s", digits=3)
    row(f"P4 peak RSS x{a.scale} / x1", "<= 1.2", "p4",
        f"x1 {med(res['rss1']):.0f} MiB, x{a.scale} {med(res['rssN']):.0f} MiB")
    row("P5 numbers / parse per batch", "<= 0.05", "p5n", digits=3)
    row("P5 entities / parse per batch", "<= 0.05", "p5e", digits=3)
    if files:
        detail = "; ".join(f"{t} {len(s)} ({sum(s) / 1024:.0f} KiB)" for t, s in files.items())
        print(f"| Parquet files per table per run | 1 | {max(len(s) for s in files.values())} | | {detail} |")


def arguments() -> argparse.Namespace:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", type=Path, default=CORPUS)
    ap.add_argument("--corpora", default="bbc,short", help="comma list of bbc,short")
    ap.add_argument("--parse", default=DEFAULT_PARSE.value, choices=[m.value for m in ParseMode],
                    help="newsflow run --parse")
    ap.add_argument("--limit", type=int, default=None, help="first N articles for P1-P3, P5 (default: all)")
    ap.add_argument("--mem-limit", type=int, default=None, help="first N articles as x1 for P4 (default: --limit)")
    ap.add_argument("--scale", type=int, default=10, help="P4 copies")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--mem-repeat", type=int, default=None, help="P4 repeats (default: --repeat)")
    ap.add_argument("--batch-size", type=int, default=200)
    ap.add_argument("--p4-runner", default="process", help="runner for P4 (default process, 2 workers)")
    ap.add_argument("--p4-extract-near", action="store_true",
                    help="P4 parses the near-duplicate copies too (default: as a nightly run does, "
                         "it stores them marked duplicate_of and parses only the originals)")
    ap.add_argument("--skip", default="", help="comma list of p1,p2,p3,p4,p5")
    ap.add_argument("--keep", action="store_true", help="keep the temp dir")
    return ap.parse_args()


def main() -> None:
    a = arguments()
    skip = set(filter(None, a.skip.split(",")))
    if not a.corpus.exists():
        sys.exit(f"no corpus at {a.corpus} (set NEWSFLOW_EVAL)")

    import signal

    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))  # so the finally below removes the temp dir
    tmp = Path(tempfile.mkdtemp(prefix="newsflow-bench-"))
    env = {k: v for k, v in os.environ.items() if k != "PREFECT_API_URL"}
    env.update(PREFECT_HOME=str(tmp / "prefect-home"), PREFECT_SERVER_ANALYTICS_ENABLED="false",
               PREFECT_LOGGING_LEVEL="WARNING")
    tables = []
    try:
        (tmp / "empty").mkdir()
        run_child(tmp / "empty", tmp / "warm", "thread", 1, a.batch_size, env)  # migrates Prefect's database
        for tag in filter(None, a.corpora.split(",")):
            short = tag == "short"
            res: dict[str, list[float]] = {k: [] for k in FIGURES}
            src = tmp / f"in-{tag}" / "articles.jsonl"
            n_in = write_input(a.corpus, src, a.limit, short=short)
            print(f"{tag}: {n_in} articles -> {src}; embedded Prefect server; batch size {a.batch_size}", flush=True)
            files = measure_runs(a, src, env, tmp, res, skip, tag)
            if "p4" not in skip:
                measure_memory(a, env, tmp, res, short, tag)
            if "p5" not in skip:
                measure_stages(a, src, env, tmp, res, tag)
            tables.append((res, files, f"{tag} ({n_in} articles)"))
    finally:
        if not a.keep:
            shutil.rmtree(tmp, ignore_errors=True)
    for res, files, title in tables:
        print_table(a, res, files, title)


if __name__ == "__main__":
    main()
