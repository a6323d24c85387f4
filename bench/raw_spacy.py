"""Plain spaCy on the same texts: the denominators of bench_pipeline's ratios.

Each measurement runs in fresh processes, so OpenBLAS's thread count is what
the process was started with (it reads it once, when numpy loads).
"""
from __future__ import annotations

import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

BLAS_VARS = ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS")


def _raw_share(texts: list[str], barrier, out) -> None:
    from tasks.nlp import load_model
    from tasks.parse import PIPE_BATCH

    nlp = load_model()
    list(nlp.pipe(texts[:20], batch_size=PIPE_BATCH))  # warm up
    barrier.wait()
    t0, c0 = time.perf_counter(), time.process_time()
    for _ in nlp.pipe(texts, batch_size=PIPE_BATCH):
        pass
    out.put((time.perf_counter() - t0, time.process_time() - c0))


def raw_pipe(texts: list[str], n: int = 1, blas_threads: str | None = None) -> tuple[float, float]:
    """words/s and words per CPU-second of plain ``nlp.pipe`` (the full pipeline) in ``n``
    processes at once, each on every n-th text. With ``blas_threads`` None, OpenBLAS keeps
    its default thread count, as in a plain spaCy script; "1" is what ``newsflow`` sets
    (flows/__init__.py), so the ratio against it shows what is left once that is equal."""
    import multiprocessing as mp

    saved = {v: os.environ.pop(v, None) for v in BLAS_VARS}
    if blas_threads:
        os.environ.update(dict.fromkeys(BLAS_VARS, blas_threads))
    try:
        ctx = mp.get_context("spawn")  # a fresh interpreter reads the variables when numpy loads
        barrier, out = ctx.Barrier(n), ctx.Queue()
        procs = [ctx.Process(target=_raw_share, args=(texts[i::n], barrier, out)) for i in range(n)]
        for proc in procs:
            proc.start()
        got = [out.get() for _ in procs]
        for proc in procs:
            proc.join()
    finally:
        for v, value in saved.items():
            os.environ.pop(v, None)
            if value is not None:
                os.environ[v] = value
    words = sum(len(t.split()) for t in texts)
    return words / max(w for w, _ in got), words / sum(c for _, c in got)
