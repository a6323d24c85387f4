"""Event counts on BBC articles: rows per type, the count step's share of parse time, and a sample to hand-check.

Prints, never asserts, and writes nothing: the sample's sentences are for a
person to judge on screen (type + value right? place right?), not to commit.

    .venv/bin/python bench/count_sample.py [--shared ../shared] [--articles 300] [--sample 40] [--seed 16] [--offset 0]

Articles are taken at an even stride over the corpus (all five categories);
the sample is drawn with a fixed seed so two people judge the same rows. Rows of
the judged articles' held-out half B are never shown.
"""
from __future__ import annotations

import argparse
import json
import random
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tasks import places  # noqa: E402
from tasks.nlp import load_model  # noqa: E402
from tasks.numbers import counts, extract_numbers  # noqa: E402
from eval_counts import held_out  # noqa: E402  (bench/ is the script's directory)


def pick(shared: Path, n: int, offset: int) -> list[dict]:
    """``n`` articles at an even stride from ``offset``: another offset gives articles not judged before."""
    with (shared / "eval/corpora/bbc_news.jsonl").open(encoding="utf-8") as fh:
        articles = [json.loads(line) for line in fh if line.strip()]
    return articles[offset:: max(1, len(articles) // n)][:n]


class Timed:
    """Wraps ``counts.annotate`` so the count step's own time is known inside the number task."""

    def __init__(self) -> None:
        self.seconds = 0.0
        self.inner = counts.annotate

    def __call__(self, *args, **kwargs) -> None:
        t0 = time.perf_counter()
        self.inner(*args, **kwargs)
        self.seconds += time.perf_counter() - t0


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("--articles", type=int, default=300)
    ap.add_argument("--sample", type=int, default=40)
    ap.add_argument("--seed", type=int, default=16)
    ap.add_argument("--offset", type=int, default=0)
    args = ap.parse_args()
    articles = pick(args.shared, args.articles, args.offset)
    nlp = load_model()
    t0 = time.perf_counter()
    counts.triggers()  # read once, outside the timing, as the nightly run does on its first row
    places.lookup("Paris"), places.cities_named("Paris")  # the gazetteer's indexes, built once per process
    print(f"one-time set-up (triggers, gazetteer indexes) {time.perf_counter() - t0:.2f} s")
    t0 = time.perf_counter()
    docs = list(nlp.pipe([a["body"] for a in articles], batch_size=64))
    parse_s = time.perf_counter() - t0
    timed = Timed()
    counts.annotate = timed
    t0 = time.perf_counter()
    rows = [(a, doc, r) for a, doc in zip(articles, docs) for r in extract_numbers(doc)]
    numbers_s = time.perf_counter() - t0
    counts.annotate = timed.inner
    counted = [x for x in rows if x[2]["count_type"]]
    words = sum(len(d) for d in docs)
    print(f"{len(articles)} articles, {words} tokens, {len(rows)} number rows, {len(counted)} count rows")
    print(f"parse {parse_s:.1f} s; numbers {numbers_s:.2f} s ({numbers_s / parse_s:.3f} of parse); "
          f"count step {timed.seconds:.3f} s ({timed.seconds / parse_s:.4f} of parse, "
          f"{timed.seconds / numbers_s:.3f} of numbers)")
    for t, n in Counter(r["count_type"] for _, _, r in counted).most_common():
        print(f"  {t:8} {n}")
    held = held_out()
    shown = [(a, doc, r) for a, doc, r in counted if a["id"] not in held]
    print(f"sample: {len(counted) - len(shown)} rows of held-out judged articles (half B) not shown")
    random.seed(args.seed)
    for i, (a, doc, r) in enumerate(random.sample(shown, min(args.sample, len(shown))), 1):
        sent = list(doc.sents)[r["sentence"]].text.strip()
        print(f"\n[{i}] {a['id']}  {r['count_type']} {r['value']:g} noun={r['noun']} verb={r['verb']} "
              f"place={r['place']}\n    {sent}")


if __name__ == "__main__":
    main()
