"""Reprocessing's throughput against the nightly flow's, on the same articles.

Writes ``--articles`` BBC articles (an even stride over the corpus) as ``.txt``
files, runs ``newsflow run`` over them, then ``newsflow reprocess --force`` over
the lake it made, each a CLI subprocess with the embedded server, with the same
task runner. Prints words/s of each run as its ``runs`` row has it (parsed words
÷ the run's own seconds: no process start, no server boot) and the commands'
wall times. Prints, never asserts; writes only under a temporary folder.

    .venv/bin/python bench/bench_reprocess.py [--shared ../shared] [--articles 300]
        [--task-runner process] [--workers 2] [--repeat 1]

Issue #16's target (reprocessing within 10 % of the nightly words/s) is about the
whole corpus (``--articles 2225``, ~10 min here); the default is a short check.
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
DAY = "2026-10-01"


def write_inbox(corpus: Path, dest: Path, n: int) -> int:
    """``n`` articles at an even stride, one ``.txt`` each (title, blank line, body)."""
    rows = [json.loads(line) for line in corpus.open(encoding="utf-8") if line.strip()]
    picked = rows[:: max(1, len(rows) // n)][:n]
    dest.mkdir(parents=True, exist_ok=True)
    for i, r in enumerate(picked):
        (dest / f"{i:05d}.txt").write_text(f"{r['title']}\n\n{r['body']}", encoding="utf-8")
    return len(picked)


def newsflow(*args: str) -> float:
    """Run a ``newsflow`` command; its wall time in seconds."""
    t0 = time.perf_counter()
    proc = subprocess.run([str(ROOT / ".venv/bin/newsflow"), *args], cwd=ROOT, capture_output=True, text=True)
    if proc.returncode:
        sys.exit(f"newsflow {' '.join(args)} failed:\n{proc.stderr[-3000:]}")
    return time.perf_counter() - t0


def run_row(data: Path, run_id_sql: str) -> tuple[str, int, float]:
    from tasks.catalog import run_sql
    from tasks.lake import Lake

    return run_sql(Lake(data), f"SELECT source, words, seconds FROM runs WHERE {run_id_sql}")[1][0]


def once(inbox: Path, data: Path, runner: list[str]) -> dict[str, tuple[int, float, float]]:
    """One nightly run and one reprocess of what it wrote: (words, run seconds, command wall)."""
    wall_run = newsflow("run", str(inbox), "--data-dir", str(data), "--date", DAY, *runner)
    _, words_run, secs_run = run_row(data, "supersedes = [] AND status = 'committed' ORDER BY started_at DESC LIMIT 1")
    wall_re = newsflow("reprocess", "--data-dir", str(data), "--force", *runner)
    _, words_re, secs_re = run_row(data, "run_id IN (SELECT run_id FROM live_runs)")
    return {"nightly": (words_run, secs_run, wall_run), "reprocess": (words_re, secs_re, wall_re)}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("--articles", type=int, default=300)
    ap.add_argument("--task-runner", default="process")
    ap.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    ap.add_argument("--repeat", type=int, default=1)
    args = ap.parse_args()
    runner = ["--task-runner", args.task_runner, "--workers", str(args.workers)]
    with tempfile.TemporaryDirectory(prefix="bench-reprocess-") as tmp:
        inbox = Path(tmp) / "inbox"
        n = write_inbox(args.shared / "eval/corpora/bbc_news.jsonl", inbox, args.articles)
        print(f"{n} BBC articles, task runner {args.task_runner}, {args.workers} workers, "
              f"{os.getloadavg()[0]:.1f} load at start")
        ratios = []
        for i in range(args.repeat):
            got = once(inbox, Path(tmp) / f"data-{i}", runner)
            for name, (words, secs, wall) in got.items():
                print(f"  {name:9} {words:,} words in {secs:.1f} s: {words / secs:,.0f} words/s "
                      f"(command {wall:.1f} s)")
            (wn, sn, _), (wr, sr, _) = got["nightly"], got["reprocess"]
            ratios.append((wr / sr) / (wn / sn))
            print(f"  reprocess / nightly words/s: {ratios[-1]:.2f}")
        if len(ratios) > 1:
            print(f"median ratio {sorted(ratios)[len(ratios) // 2]:.2f} of {', '.join(f'{r:.2f}' for r in ratios)}")


if __name__ == "__main__":
    main()
