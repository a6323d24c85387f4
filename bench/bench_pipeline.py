"""Throughput, scaling, incremental reruns, memory and output files of the nightly flow.

Every figure is a ratio measured within one invocation of this script, so a
busy machine slows numerator and denominator alike; each is the median of
``--repeat`` runs (3 by default; ``--repeat 1`` for a quick look).

    .venv/bin/python bench/bench_pipeline.py                       # full BBC corpus (slow: ~1 h on 2 cores)
    .venv/bin/python bench/bench_pipeline.py --limit 600 --mem-limit 200   # what the README reports
    .venv/bin/python bench/bench_pipeline.py --limit 200 --repeat 1 --skip p4  # a quick look

Figures (see README "Performance"):

P1  words/s of a whole run (1 worker process, flow time from the run's ``runs.seconds``)
    / words/s of plain ``nlp.pipe`` over the same normalised texts in this process.
P2  words/s with 2 worker processes / with 1.
P3  wall time of a rerun on unchanged input / the first run (both whole processes).
P4  peak RSS (the run's process tree, sampled every 50 ms) on the corpus x10 / on x1.
P5  numbers (and entities) task time / parse time per batch, from the plain functions.
Files: Parquet files per table after one run, and their sizes.

Runs go to a Prefect server this script starts once (PREFECT_API_URL), so
the embedded server's fixed start (~10 s) is not in P1-P4; the first run of
an embedded-server rerun is reported separately as P3e. Each flow run is a
child process (``python bench_pipeline.py child ...``, the same code path as
``newsflow run``) so its memory, workers included, can be measured alone.
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = Path(os.environ.get("NEWSFLOW_EVAL", ROOT.parent / "shared" / "eval")) / "corpora" / "bbc_news.jsonl"
PY = sys.executable


# -- inputs ------------------------------------------------------------------

def write_input(corpus: Path, dest: Path, limit: int | None, copies: int = 1) -> int:
    """The corpus as a user would feed it (title, text); copies get a unique first
    sentence, so they are not exact duplicates (they are near duplicates, see P4)."""
    rows = [json.loads(line) for line in corpus.open(encoding="utf-8")]
    rows = rows[:limit] if limit else rows
    dest.parent.mkdir(parents=True, exist_ok=True)
    n = 0
    with dest.open("w", encoding="utf-8") as fh:
        for c in range(copies):
            for i, r in enumerate(rows):
                body = r["body"]
                if c:
                    body = f"This is copy number {c} of story {i}, filed from desk {c * 7919 % 1000}.\n\n{body}"
                fh.write(json.dumps({"title": r["title"], "text": body}) + "\n")
                n += 1
    return n


# -- a Prefect server for the children ---------------------------------------

def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(home: Path) -> tuple[subprocess.Popen, str]:
    port = _free_port()
    env = dict(os.environ, PREFECT_HOME=str(home), PREFECT_SERVER_ANALYTICS_ENABLED="false")
    env.pop("PREFECT_API_URL", None)
    proc = subprocess.Popen([str(Path(PY).parent / "prefect"), "server", "start", "--host", "127.0.0.1",
                             "--port", str(port)], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}/api"
    for _ in range(600):
        try:
            urllib.request.urlopen(url + "/health", timeout=1).read()
            return proc, url
        except OSError:
            time.sleep(0.3)
    proc.kill()
    raise RuntimeError("prefect server did not start")


# -- one flow run in a child process, its peak RSS sampled -------------------

def _tree_rss(pid: int) -> int:
    import psutil

    try:
        p = psutil.Process(pid)
        procs = [p, *p.children(recursive=True)]
    except psutil.NoSuchProcess:
        return 0
    total = 0
    for q in procs:
        try:
            total += q.memory_info().rss
        except psutil.NoSuchProcess:
            pass
    return total


def run_child(source: Path, data_dir: Path, runner: str, workers: int, batch_size: int,
              env: dict, extract_near: bool = False) -> dict:
    cmd = [PY, __file__, "child", str(source), str(data_dir), runner, str(workers), str(batch_size)]
    if extract_near:
        cmd.append("--extract-near")
    out_path = data_dir.parent / f".{data_dir.name}.summary.json"
    ru0 = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd + ["--out", str(out_path)], env=env, cwd=ROOT,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    peak = 0
    stop = threading.Event()

    def sample() -> None:
        nonlocal peak
        while not stop.is_set():
            peak = max(peak, _tree_rss(proc.pid))
            stop.wait(0.05)

    th = threading.Thread(target=sample, daemon=True)
    th.start()
    _, err = proc.communicate()
    wall = time.perf_counter() - t0
    stop.set()
    th.join()
    if proc.returncode:
        raise RuntimeError(f"child failed ({proc.returncode}): {' '.join(cmd)}\n{err[-3000:]}")
    summary = json.loads(out_path.read_text())
    ru1 = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (ru1.ru_utime - ru0.ru_utime) + (ru1.ru_stime - ru0.ru_stime)
    summary.update(wall=wall, peak_rss=peak, cpu=cpu)
    return summary


def child(argv: list[str]) -> None:
    """One flow run, exactly as ``newsflow run`` makes it."""
    ap = argparse.ArgumentParser()
    for a in ("source", "data_dir", "runner"):
        ap.add_argument(a)
    ap.add_argument("workers", type=int)
    ap.add_argument("batch_size", type=int)
    ap.add_argument("--extract-near", action="store_true")
    ap.add_argument("--out", required=True)
    a = ap.parse_args(argv)
    from flows.nightly import nightly
    from flows.runners import make_runner

    t0 = time.perf_counter()
    flow = nightly.with_options(task_runner=make_runner(a.runner, a.workers))
    summary = flow(source=a.source, data_dir=a.data_dir, batch_size=a.batch_size,
                   extract_near_duplicates=a.extract_near)
    summary["call_seconds"] = time.perf_counter() - t0
    summary.pop("rejects_by_reason", None)
    Path(a.out).write_text(json.dumps(summary, default=str))


# -- in-process measurements -------------------------------------------------

def lake_texts(data_dir: Path) -> list[str]:
    import duckdb

    files = sorted(str(p) for p in (data_dir / "lake" / "articles").glob("covers=*/*.parquet"))
    with duckdb.connect() as con:
        rows = con.execute("SELECT text FROM read_parquet(?) WHERE duplicate_of IS NULL ORDER BY source",
                           [files]).fetchall()
    return [r[0] for r in rows]


def raw_pipe(texts: list[str]) -> tuple[float, float]:
    """words/s of plain nlp.pipe with the components the flow runs, on the same texts."""
    from tasks.nlp import load_model
    from tasks.parse import PIPE_BATCH

    nlp = load_model()
    list(nlp.pipe(texts[:20], batch_size=PIPE_BATCH))  # warm up
    words = sum(len(t.split()) for t in texts)
    t0, c0 = time.perf_counter(), time.process_time()
    for _ in nlp.pipe(texts, batch_size=PIPE_BATCH):
        pass
    return words / (time.perf_counter() - t0), words / (time.process_time() - c0)


def stage_ratios(texts: list[str], batch_size: int, batches: int, tmp: Path) -> dict:
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
        parsed = parse_texts(chunk, ids, tmp / f"b{b}.spacy", b)
        t1 = time.perf_counter()
        entity_rows(parsed, "r")
        t2 = time.perf_counter()
        number_rows(parsed, "r")
        t3 = time.perf_counter()
        out["parse"].append(t1 - t0)
        out["entities"].append(t2 - t1)
        out["numbers"].append(t3 - t2)
    return {k: sum(v) for k, v in out.items()}


def lake_files(data_dir: Path) -> dict[str, list[int]]:
    out: dict[str, list[int]] = {}
    for table_dir in sorted((data_dir / "lake").iterdir()):
        out[table_dir.name] = [p.stat().st_size for p in table_dir.glob("covers=*/*.parquet")]
    return out


# -- the benchmark -----------------------------------------------------------

def med(xs: list[float]) -> float:
    return statistics.median(xs) if xs else float("nan")


def fmt(xs: list[float], digits: int = 2) -> str:
    return ", ".join(f"{x:.{digits}f}" for x in xs)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", type=Path, default=CORPUS)
    ap.add_argument("--limit", type=int, default=None, help="first N articles for P1-P3, P5 (default: all)")
    ap.add_argument("--mem-limit", type=int, default=None, help="first N articles as x1 for P4 (default: --limit)")
    ap.add_argument("--scale", type=int, default=10, help="P4 copies")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--mem-repeat", type=int, default=None, help="P4 repeats (default: --repeat)")
    ap.add_argument("--batch-size", type=int, default=200)
    ap.add_argument("--p4-runner", default="process", help="runner for P4 (default process, 2 workers)")
    ap.add_argument("--skip", default="", help="comma list of p1,p2,p3,p3e,p4,p5")
    ap.add_argument("--keep", action="store_true", help="keep the temp dir")
    a = ap.parse_args()
    skip = set(filter(None, a.skip.split(",")))
    if not a.corpus.exists():
        sys.exit(f"no corpus at {a.corpus} (set NEWSFLOW_EVAL)")

    import signal

    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))  # so the finally below stops the server
    tmp = Path(tempfile.mkdtemp(prefix="newsflow-bench-"))
    server, url = start_server(tmp / "prefect-home")
    env = dict(os.environ, PREFECT_API_URL=url, PREFECT_SERVER_ANALYTICS_ENABLED="false",
               PREFECT_LOGGING_LEVEL="WARNING")
    res: dict[str, list[float]] = {k: [] for k in
                                    ("w1", "w2", "raw", "p1", "p2", "first_wall", "rerun_wall", "p3",
                                     "rss1", "rssN", "p4", "p5n", "p5e", "p1cpu", "p2cpu", "w1cpu", "w2cpu")}
    notes: list[str] = []
    try:
        src = tmp / "in" / "bbc.jsonl"
        n_in = write_input(a.corpus, src, a.limit)
        print(f"input: {n_in} articles -> {src}; Prefect server {url}; batch size {a.batch_size}", flush=True)
        files = None
        for r in range(a.repeat):
            d1 = tmp / f"run1w-{r}"
            if not skip >= {"p1", "p3"}:
                s1 = run_child(src, d1, "process", 1, a.batch_size, env)
                res["w1"].append(s1["words"] / s1["seconds"])
                res["w1cpu"].append(s1["words"] / s1["cpu"])
                res["first_wall"].append(s1["wall"])
                print(f"[{r}] 1 worker: {s1['words']} words in {s1['seconds']} s flow, {s1['wall']:.1f} s wall "
                      f"({res['w1'][-1]:.0f} words/s), written {s1['written']}", flush=True)
                files = files or lake_files(d1)
                if "p3" not in skip:
                    s3 = run_child(src, d1, "process", 1, a.batch_size, env)
                    res["rerun_wall"].append(s3["wall"])
                    res["p3"].append(s3["wall"] / s1["wall"])
                    print(f"[{r}] rerun: read {s3['read']}, {s3['wall']:.1f} s wall, {s3['seconds']} s flow", flush=True)
                if "p1" not in skip:
                    texts = lake_texts(d1)
                    raw, raw_cpu = raw_pipe(texts)
                    res["raw"].append(raw)
                    res["p1"].append(res["w1"][-1] / raw)
                    res["p1cpu"].append(res["w1cpu"][-1] / raw_cpu)
                    print(f"[{r}] raw nlp.pipe: {res['raw'][-1]:.0f} words/s on {len(texts)} texts", flush=True)
            if "p2" not in skip:
                s2 = run_child(src, tmp / f"run2w-{r}", "process", 2, a.batch_size, env)
                res["w2"].append(s2["words"] / s2["seconds"])
                res["w2cpu"].append(s2["words"] / s2["cpu"])
                print(f"[{r}] 2 workers: {s2['seconds']} s flow ({res['w2'][-1]:.0f} words/s)", flush=True)
                if res["w1"]:
                    res["p2"].append(res["w2"][-1] / res["w1"][-1])
            for d in (d1, tmp / f"run2w-{r}"):
                shutil.rmtree(d, ignore_errors=True)

        if "p3e" not in skip:
            d = tmp / "embedded"
            env_e = {k: v for k, v in env.items() if k != "PREFECT_API_URL"}
            env_e["PREFECT_HOME"] = str(tmp / "prefect-home")
            se1 = run_child(src, d, "process", 2, a.batch_size, env_e)
            se2 = run_child(src, d, "process", 2, a.batch_size, env_e)
            notes.append(f"P3e (embedded server, 1 run): first {se1['wall']:.1f} s, rerun {se2['wall']:.1f} s wall "
                         f"= {se2['wall'] / se1['wall']:.3f}")
            shutil.rmtree(d, ignore_errors=True)

        if "p4" not in skip:
            base = a.mem_limit or a.limit
            src1, srcN = tmp / "m1" / "bbc.jsonl", tmp / "mN" / "bbc.jsonl"
            write_input(a.corpus, src1, base, 1)
            nN = write_input(a.corpus, srcN, base, a.scale)
            for r in range(a.mem_repeat or a.repeat):
                m1 = run_child(src1, tmp / f"mem1-{r}", a.p4_runner, 2, a.batch_size, env, extract_near=True)
                mN = run_child(srcN, tmp / f"memN-{r}", a.p4_runner, 2, a.batch_size, env, extract_near=True)
                res["rss1"].append(m1["peak_rss"] / 2**20)
                res["rssN"].append(mN["peak_rss"] / 2**20)
                res["p4"].append(mN["peak_rss"] / m1["peak_rss"])
                print(f"[{r}] memory: x1 {res['rss1'][-1]:.0f} MiB ({m1['words']} words, {m1['seconds']} s), "
                      f"x{a.scale} {res['rssN'][-1]:.0f} MiB ({nN} articles, {mN['words']} words, "
                      f"{mN['duplicates']} marked near-duplicate, {mN['seconds']} s)", flush=True)
                for d in (tmp / f"mem1-{r}", tmp / f"memN-{r}"):
                    shutil.rmtree(d, ignore_errors=True)

        if "p5" not in skip:
            d = tmp / "p5"
            run_child(src, d, "process", 2, a.batch_size, env)
            texts = lake_texts(d)
            for r in range(a.repeat):
                st = stage_ratios(texts, a.batch_size, 3, tmp / "p5docs")
                res["p5n"].append(st["numbers"] / st["parse"])
                res["p5e"].append(st["entities"] / st["parse"])
                print(f"[{r}] stages over 3 batches: parse {st['parse']:.2f} s, entities {st['entities']:.2f} s, "
                      f"numbers {st['numbers']:.2f} s", flush=True)
    finally:
        server.terminate()
        server.wait(20)
        if not a.keep:
            shutil.rmtree(tmp, ignore_errors=True)

    print(f"\n## newsflow pipeline benchmark (median of {a.repeat})\n")
    print("| figure | target | median | runs | detail |")
    print("|---|---|---|---|---|")
    if res["p1"]:
        print(f"| P1 overhead (1 worker / raw nlp.pipe) | >= 0.90 | {med(res['p1']):.2f} | {fmt(res['p1'])} | "
              f"pipeline {med(res['w1']):.0f} words/s, raw {med(res['raw']):.0f} words/s |")
        print(f"| P1cpu: words per CPU-second, whole run (all processes) / raw | (>= 0.90) | {med(res['p1cpu']):.2f} | "
              f"{fmt(res['p1cpu'])} | run {med(res['w1cpu']):.0f}, 2 workers {med(res['w2cpu']):.0f} words/CPU-s |")
    if res["p2"]:
        print(f"| P2 scaling (2 workers / 1) | >= 1.8 | {med(res['p2']):.2f} | {fmt(res['p2'])} | "
              f"2 workers {med(res['w2']):.0f} words/s |")
    if res["p3"]:
        print(f"| P3 rerun / first run (wall, running server) | <= 0.05 | {med(res['p3']):.3f} | {fmt(res['p3'], 3)} | "
              f"first {med(res['first_wall']):.1f} s, rerun {med(res['rerun_wall']):.1f} s |")
    if res["p4"]:
        print(f"| P4 peak RSS x{a.scale} / x1 | <= 1.2 | {med(res['p4']):.2f} | {fmt(res['p4'])} | "
              f"x1 {med(res['rss1']):.0f} MiB, x{a.scale} {med(res['rssN']):.0f} MiB |")
    if res["p5n"]:
        print(f"| P5 numbers / parse per batch | <= 0.10 | {med(res['p5n']):.3f} | {fmt(res['p5n'], 3)} | |")
        print(f"| P5 entities / parse per batch | <= 0.10 | {med(res['p5e']):.3f} | {fmt(res['p5e'], 3)} | |")
    if files:
        detail = "; ".join(f"{t} {len(s)} ({sum(s) / 1024:.0f} KiB)" for t, s in files.items())
        print(f"| Parquet files per table per run | 1 | {max(len(s) for s in files.values())} | | {detail} |")
    for n in notes:
        print(f"\n{n}")


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "child":
        child(sys.argv[2:])
    else:
        main()
