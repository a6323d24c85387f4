"""Inputs for the pipeline benchmarks and one ``newsflow run`` in a child process, measured.

The child is a whole command with Prefect's embedded server, as a newcomer or
a cron job runs it, so its memory and CPU (workers and server included) are
sampled from its process tree alone.
"""
from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

CORPUS = Path(os.environ.get("NEWSFLOW_EVAL", ROOT.parent / "shared" / "eval")) / "corpora" / "bbc_news.jsonl"
PY = sys.executable


# -- inputs ------------------------------------------------------------------

SHORT_PARAGRAPHS = 2


def short_pieces(rows: list[dict]) -> list[dict]:
    """Each article cut into consecutive pieces of ``SHORT_PARAGRAPHS`` paragraphs, titled
    after the article and numbered: short articles from real news text."""
    out = []
    for r in rows:
        paras = [p for p in r["body"].split("\n") if p.strip()]
        for k in range(0, len(paras), SHORT_PARAGRAPHS):
            out.append({"title": f"{r['title']} ({k // SHORT_PARAGRAPHS + 1})",
                        "body": "\n\n".join(paras[k:k + SHORT_PARAGRAPHS])})
    return out


def write_input(corpus: Path, dest: Path, limit: int | None, copies: int = 1, short: bool = False) -> int:
    """The corpus as a user would feed it (title, text); copies get a unique first
    sentence, so they are not exact duplicates (they are near duplicates, see P4).
    ``limit`` counts articles before ``short`` cuts them."""
    rows = [json.loads(line) for line in corpus.open(encoding="utf-8")]
    rows = rows[:limit] if limit else rows
    rows = short_pieces(rows) if short else rows
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


# -- one flow run in a child process, its peak RSS sampled -------------------

def _role(proc, root_pid: int) -> str:
    if proc.pid == root_pid:
        return "flow"
    cmd = " ".join(proc.cmdline())
    return "server" if "uvicorn" in cmd else "workers"


def _sample_tree(pid: int, cpu: dict[int, tuple[str, float]]) -> int:
    """RSS of the process tree now; each process's CPU seconds so far go into ``cpu``."""
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
            t = q.cpu_times()
            role = cpu[q.pid][0] if q.pid in cpu else _role(q, pid)
            cpu[q.pid] = (role, t.user + t.system)
        except psutil.NoSuchProcess:
            pass
    return total


NEWSFLOW = str(Path(PY).parent / "newsflow")


def last_run(data_dir: Path) -> dict:
    """The newest row of the lake's ``runs`` table."""
    import pyarrow.parquet as pq

    rows = [r for f in sorted((data_dir / "lake" / "runs").glob("covers=*/*.parquet"))
            for r in pq.read_table(f).to_pylist()]
    return max(rows, key=lambda r: r["started_at"])


def run_child(source: Path, data_dir: Path, runner: str, workers: int, batch_size: int,
              env: dict, extract_near: bool = False, parse: str = "full") -> dict:
    """One ``newsflow run``; its run row plus wall time, peak RSS and CPU by process."""
    cmd = [NEWSFLOW, "run", str(source), "--data-dir", str(data_dir), "--task-runner", runner,
           "--workers", str(workers), "--batch-size", str(batch_size), "--parse", parse]
    if extract_near:
        cmd.append("--extract-near-duplicates")
    ru0 = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu_by_pid: dict[int, tuple[str, float]] = {}
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, env=env, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    peak = 0
    stop = threading.Event()

    def sample() -> None:
        nonlocal peak
        while not stop.is_set():
            peak = max(peak, _sample_tree(proc.pid, cpu_by_pid))
            stop.wait(0.05)

    th = threading.Thread(target=sample, daemon=True)
    th.start()
    _, err = proc.communicate()
    wall = time.perf_counter() - t0
    stop.set()
    th.join()
    if proc.returncode:
        raise RuntimeError(f"run failed ({proc.returncode}): {' '.join(cmd)}\n{err[-3000:]}")
    summary = last_run(data_dir)
    ru1 = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (ru1.ru_utime - ru0.ru_utime) + (ru1.ru_stime - ru0.ru_stime)
    by_role = {"flow": 0.0, "workers": 0.0, "server": 0.0}
    for role, seconds in cpu_by_pid.values():
        by_role[role] += seconds  # as last sampled: up to 50 ms short per process
    summary.update(wall=wall, peak_rss=peak, cpu=cpu, cpu_by_role=by_role)
    return summary


# -- the lake a run wrote ----------------------------------------------------

def lake_texts(data_dir: Path) -> list[str]:
    import duckdb

    files = sorted(str(p) for p in (data_dir / "lake" / "articles").glob("covers=*/*.parquet"))
    with duckdb.connect() as con:
        rows = con.execute("SELECT text FROM read_parquet(?) WHERE duplicate_of IS NULL ORDER BY source",
                           [files]).fetchall()
    return [r[0] for r in rows]


def lake_files(data_dir: Path) -> dict[str, list[int]]:
    out: dict[str, list[int]] = {}
    for table_dir in sorted((data_dir / "lake").iterdir()):
        out[table_dir.name] = [p.stat().st_size for p in table_dir.glob("covers=*/*.parquet")]
    return out
