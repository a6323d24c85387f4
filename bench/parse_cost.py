"""What the parse itself costs, component by component, in the full and the selective mode.

The ratio it prints (full ÷ selective CPU, in one process, nothing around the
parse) is the most any newsflow run can gain on raw ``nlp.pipe`` per core: P1 in
bench/bench_pipeline.py adds everything a run also does (start a worker, load
the model, extract, hand results back) and so stays below it.

    .venv/bin/python bench/parse_cost.py                 # 400 BBC articles (every 5th), twice
    .venv/bin/python bench/parse_cost.py --short         # the same cut into two-paragraph pieces

Components are timed one after another over the same texts, in batches of
``tasks.parse.PIPE_BATCH``, as CPU seconds of this process (one BLAS thread, as
newsflow sets it). The selective column takes ``tasks.parse._selective``'s steps
one at a time, with its own functions, so that each step's cost shows. The first
run pays warm-up costs (the lemmatizer's lookups) the second does not.
"""
from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from flow_runs import CORPUS, short_pieces  # noqa: E402
from tasks.components import EVERYWHERE, NUMBER_SENTENCES  # noqa: E402
from tasks.nlp import load_model  # noqa: E402
from tasks.parse import PIPE_BATCH, _copy_parse, _holds_number, _sentence_docs, cut_sentences  # noqa: E402


def cpu() -> float:
    return time.process_time()


def full_costs(nlp, texts: list[str]) -> dict[str, float]:
    """CPU seconds of the tokenizer and of each component over all text."""
    out = {}
    t = cpu()
    docs = [nlp.make_doc(x) for x in texts]
    out["tokenizer"] = cpu() - t
    for name, proc in nlp.pipeline:
        t = cpu()
        docs = list(proc.pipe(docs, batch_size=PIPE_BATCH))
        out[name] = cpu() - t
    return out


def selective_costs(nlp, texts: list[str]) -> tuple[dict[str, float], float]:
    """CPU seconds of each step of the selective parse, and the share of tokens in
    number sentences."""
    out = {}
    t = cpu()
    docs = [nlp.make_doc(x) for x in texts]
    out["tokenizer"] = cpu() - t
    t = cpu()
    docs = list(cut_sentences(docs))
    out["sentences"] = cpu() - t
    for name in EVERYWHERE:
        t = cpu()
        docs = list(nlp.get_pipe(name).pipe(docs, batch_size=PIPE_BATCH))
        out[name] = cpu() - t
    seen: dict[int, bool] = {}
    t = cpu()
    wanted = [(d, s) for d, doc in enumerate(docs) for s in doc.sents if _holds_number(s, seen)]
    sents = list(_sentence_docs(docs, wanted))
    out["number sentences"] = cpu() - t
    share = sum(len(s) for s in sents) / max(1, sum(len(d) for d in docs))
    for name in NUMBER_SENTENCES:
        t = cpu()
        sents = list(nlp.get_pipe(name).pipe(sents, batch_size=PIPE_BATCH))
        out[f"{name} (number sentences)"] = cpu() - t
    parts: list[list] = [[] for _ in docs]
    for (d, span), sent in zip(wanted, sents):
        parts[d].append((span.start, sent))
    t = cpu()
    for doc, doc_parts in zip(docs, parts):
        if doc_parts:
            _copy_parse(doc, doc_parts)
    out["copy back"] = cpu() - t
    return out, share


def texts_of(limit: int, stride: int, short: bool) -> list[str]:
    rows = [json.loads(line) for i, line in enumerate(CORPUS.open(encoding="utf-8")) if i % stride == 0][:limit]
    return [r["body"] for r in (short_pieces(rows) if short else rows)]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--limit", type=int, default=400, help="articles")
    ap.add_argument("--stride", type=int, default=5, help="take every Nth article of the corpus")
    ap.add_argument("--short", action="store_true", help="cut them into two-paragraph pieces")
    ap.add_argument("--repeat", type=int, default=2)
    a = ap.parse_args()
    texts = texts_of(a.limit, a.stride, a.short)
    nlp = load_model()
    list(nlp.pipe(texts[:20]))  # warm-up
    for r in range(a.repeat):
        full = full_costs(nlp, texts)
        sel, share = selective_costs(nlp, texts)
        tokens = sum(len(nlp.make_doc(x)) for x in texts)
        print(f"\n## run {r + 1}: {len(texts)} texts, {tokens:,} tokens; number sentences hold {share:.1%} of them\n")
        print("| full parse | CPU s | share |\n|---|---|---|")
        for k, v in full.items():
            print(f"| {k} | {v:.2f} | {v / sum(full.values()):.0%} |")
        print(f"| **total** | **{sum(full.values()):.2f}** | |\n")
        print("| selective parse | CPU s | share |\n|---|---|---|")
        for k, v in sel.items():
            print(f"| {k} | {v:.2f} | {v / sum(sel.values()):.0%} |")
        print(f"| **total** | **{sum(sel.values()):.2f}** | |\n")
        print(f"full ÷ selective: **{sum(full.values()) / sum(sel.values()):.2f}** "
              "(about the most a run can gain per core on raw nlp.pipe)")


if __name__ == "__main__":
    main()
