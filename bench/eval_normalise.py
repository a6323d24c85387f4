"""Measure the ingest + normalise stage on the shared development data.

Prints, never asserts: (1) HTML -> text against the article-extraction
benchmark, ours beside trafilatura alone; (2) whole-page plain text -> article
text; (3) exact and near duplicates in the BBC corpus; (4) a junk-removal
sanity check on 2023 scraped news. Token P/R/F1 is the benchmark's
bag-of-words metric, averaged per page.

    .venv/bin/python bench/eval_normalise.py [--shared ../shared] [--only html,plain,dup,scraped]
"""
from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import trafilatura  # noqa: E402

from tasks.dedup import Deduper  # noqa: E402
from tasks.language import _identifier  # noqa: E402
from tasks.normalise import normalise  # noqa: E402
from tasks.records import Article, RawRecord  # noqa: E402

ANY_LANGUAGE = frozenset(_identifier().nb_classes)


def tokens(text: str | None) -> Counter:
    return Counter(re.findall(r"\w+", (text or "").lower()))


def prf(pred: str | None, gold: str) -> tuple[float, float, float]:
    p, g = tokens(pred), tokens(gold)
    overlap = sum((p & g).values())
    prec = overlap / sum(p.values()) if p else 0.0
    rec = overlap / sum(g.values()) if g else 0.0
    return prec, rec, (2 * prec * rec / (prec + rec) if prec + rec else 0.0)


def report(name: str, scores: list[tuple[float, float, float]], seconds: float) -> None:
    n = len(scores)
    p, r, f = (sum(s[i] for s in scores) / n for i in range(3))
    print(f"  {name:<28} P {p:.3f}  R {r:.3f}  F1 {f:.3f}   {n / seconds:6.1f} pages/s  (n={n})")


def ours(rec: RawRecord) -> str | None:
    out = normalise(rec, languages=ANY_LANGUAGE)
    return out.text if isinstance(out, Article) else None


def load(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh]


def bench_html(shared: Path) -> None:
    rows = load(shared / "eval/html/article_extraction_benchmark.jsonl")
    print(f"(1) HTML -> text, {len(rows)} pages")
    t = time.perf_counter()
    base = [prf(trafilatura.extract(r["html"], url=r["url"]), r["expected_text"]) for r in rows]
    report("trafilatura.extract alone", base, time.perf_counter() - t)
    t = time.perf_counter()
    mine = [prf(ours(RawRecord(r["id"], "", "json", r["html"], is_html=True, url=r["url"])), r["expected_text"]) for r in rows]
    report("newsflow normalise", mine, time.perf_counter() - t)


def bench_plain(shared: Path, show: int) -> None:
    rows = load(shared / "eval/html/full_page_text_html-text.jsonl")
    print(f"(2) whole-page plain text -> article text, {len(rows)} pages")
    report("raw text", [prf(r["text"], r["expected_text"]) for r in rows], 1e-9)
    t = time.perf_counter()
    preds = [ours(RawRecord(r["id"], "", "json", r["text"])) for r in rows]
    scores = [prf(p, r["expected_text"]) for p, r in zip(preds, rows)]
    report("newsflow normalise", scores, time.perf_counter() - t)
    worst = sorted(zip(scores, rows), key=lambda x: x[0][2])[:show]
    for (p, r, f), row in worst:
        print(f"    worst: F1 {f:.2f} P {p:.2f} R {r:.2f}  {row['url'][:90]}")


def bench_dups(shared: Path, show: int) -> None:
    rows = load(shared / "eval/corpora/bbc_news.jsonl")
    print(f"(3) duplicates in the BBC corpus, {len(rows)} articles")
    t = time.perf_counter()
    arts = [normalise(RawRecord(r["id"], "", "jsonl", r["text"], title=r.get("title"))) for r in rows]
    t_norm = time.perf_counter() - t
    dd, kinds, pairs = Deduper(), Counter(), []
    by_id = {}
    t = time.perf_counter()
    for a in arts:
        if not isinstance(a, Article):
            kinds[f"reject:{a.reason}"] += 1
            continue
        kind, of = dd.check(a)
        kinds[kind or "new"] += 1
        if kind == "near":
            pairs.append((a, by_id[of]))
        by_id.setdefault(a.article_id, a)
    t_dup = time.perf_counter() - t
    print(f"  normalise {len(rows) / t_norm:.0f} articles/s; dedup {len(rows) / t_dup:.0f} articles/s ({t_dup:.2f} s)")
    print("  " + ", ".join(f"{k}: {v}" for k, v in sorted(kinds.items())))
    for a, b in pairs[:show]:
        print(f"    near: {a.source} ~ {b.source} ({dd.similarity(a, b):.2f})  {a.title!r} / {b.title!r}")


def bench_scraped(shared: Path, show: int) -> None:
    rows = load(shared / "eval/corpora/scraped_news_2023.jsonl")
    print(f"(4) junk removal on {len(rows)} scraped 2023 articles")
    t = time.perf_counter()
    kept_words = raw_words = 0
    rejects: Counter = Counter()
    removed: Counter = Counter()
    for r in rows:
        out = normalise(RawRecord(r["id"], "", "jsonl", r["text"], title=r.get("title"), url=r.get("url")))
        raw_words += len(r["text"].split())
        if not isinstance(out, Article):
            rejects[out.reason] += 1
            continue
        kept_words += out.n_words
        kept = set(out.text.split("\n\n"))
        for line in (ln.strip() for ln in r["text"].split("\n")):
            if line and " ".join(line.split()) not in kept:
                removed[line[:100]] += 1
    dt = time.perf_counter() - t
    print(f"  kept {kept_words / raw_words:.1%} of words, {len(rows) / dt:.0f} articles/s, rejects {dict(rejects)}")
    print(f"  {sum(removed.values())} lines removed; most common / sample:")
    for line, n in removed.most_common(show):
        print(f"    {n:3d}x {line}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("--only", default="html,plain,dup,scraped")
    ap.add_argument("--show", type=int, default=10, help="examples to print per section")
    args = ap.parse_args()
    if not (args.shared / "eval").is_dir():
        sys.exit(f"shared data not found: {args.shared / 'eval'} (pass --shared PATH)")
    parts = set(args.only.split(","))
    for name, fn in (("html", bench_html), ("plain", bench_plain), ("dup", bench_dups), ("scraped", bench_scraped)):
        if name in parts:
            fn(args.shared) if name == "html" else fn(args.shared, args.show)


if __name__ == "__main__":
    main()
