"""Recall of event counts on wire copy: every count a person found in Reuters sentences, and how many we give.

    .venv/bin/python bench/eval_count_recall.py [--shared ../shared] [--parse numbers|full] [--list]

``bench/eval_counts.py judge`` scores rows the extractor gave, so it measures
precision only: a count it never gives is never judged. This file measures the
other side on CoNLL-2003 testa (Reuters wire of 1996, one sentence per line):
of its 216 documents, the 81 that have a line with a number word or digit and
a stem of an event word (kill, dead, wound, arrest, refugee, protest, seiz...,
a filter that knows nothing of our rules) were read line by line and every
event count in those lines written down before the extractor was run on them
(``bench/count_recall_conll.json``: document id, line, GDELT type, value or the
range a vague plural allows, and ``optional`` where reading it as a count or
not are both fair, e.g. ``poisoned``; no text is stored). Prints (type, value)
precision, recall and F1 over those documents (a row in a line nobody read
counts against precision), by type, and with ``--list`` the misses and the
extra rows. The judged lines come from the corpus earlier rounds studied rows
of (``eval_counts.py list --corpus conll``), so this is not a held-out figure
for precision; recall was never measured before it.
"""
from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import eval_counts  # noqa: E402  (bench/ is the script's directory)
from pairing import pair  # noqa: E402
from tasks.components import ParseMode  # noqa: E402
from tasks.numbers import extract_numbers  # noqa: E402

GOLD = ROOT / "bench/count_recall_conll.json"


def value_fits(want: float | list[float], got: float | None) -> bool:
    if got is None:
        return False
    if isinstance(want, list):
        return want[0] <= got <= want[1]
    return abs(got - want) <= 1e-6 * max(1.0, abs(want))


def ours(shared: Path, docs_wanted: set[str]) -> list[dict]:
    """Our count rows in the judged documents, each with its document and line."""
    items = eval_counts.articles(shared, "conll")
    docs = eval_counts.parsed(shared, "conll")
    rows = []
    for (aid, text), doc in zip(items, docs):
        if aid not in docs_wanted:
            continue
        for r in extract_numbers(doc):
            if r["count_type"]:
                rows.append(dict(r, doc=aid, line=text.count("\n", 0, r["start"]), text=text))
    return rows


def match(gold: list[dict], rows: list[dict]) -> tuple[list[tuple[dict, dict]], list[dict], list[dict]]:
    """Pairs (gold, row) one to one in the same line with the same type and a fitting value;
    the required gold items left, and the rows left."""
    return pair(gold, rows, lambda g, left: next(
        (r for r in left if r["doc"] == g["doc"] and r["line"] == g["line"]
         and r["count_type"] == g["type"] and value_fits(g["value"], r["value"])), None))


def prf(tp: int, fp: int, fn: int) -> str:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return f"P {100 * p:5.1f}  R {100 * r:5.1f}  F1 {100 * f:5.1f}  (tp {tp}, fp {fp}, fn {fn})"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("--parse", choices=[m.value for m in ParseMode], default=eval_counts.PARSE.value)
    ap.add_argument("--list", action="store_true", help="print the misses and the extra rows")
    a = ap.parse_args()
    eval_counts.PARSE = ParseMode(a.parse)
    data = json.loads(GOLD.read_text())
    gold, judged = data["counts"], set(data["documents"])
    rows = ours(a.shared, judged)
    pairs, missed, extra = match(gold, rows)
    print(f"{GOLD.name}: {len(judged)} documents, {sum(not g['optional'] for g in gold)} counts "
          f"(+{sum(g['optional'] for g in gold)} optional); parse {a.parse}")
    print(f"type+value  {prf(len(pairs), len(extra), len(missed))}")
    for t in sorted({g["type"] for g in gold} | {r["count_type"] for r in rows}):
        tp = sum(1 for g, _ in pairs if g["type"] == t)
        print(f"  {t:8s}  {prf(tp, sum(1 for r in extra if r['count_type'] == t), sum(1 for g in missed if g['type'] == t))}")
    if a.list:
        lines = {aid: text.split("\n") for aid, text in eval_counts.articles(a.shared, "conll") if aid in judged}
        for g in missed:
            print(f"MISSED {g['doc']} [{g['line']}] {g['type']} {g['value']}: {lines[g['doc']][g['line']]}")
        for r in extra:
            print(f"EXTRA  {r['doc']} [{r['line']}] {r['count_type']} {r['value']} noun={r.get('noun')} "
                  f"verb={r.get('verb')}: {lines[r['doc']][r['line']]}")
        print(Counter(g["type"] for g in missed), Counter(r["count_type"] for r in extra))


if __name__ == "__main__":
    main()
