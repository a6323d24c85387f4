"""How far apart two halves of NewsQuant's dev file fall by chance: the yardstick for the
"halves within 3 points" target of issue #13.

    .venv/bin/python bench/eval_numbers.py --only newsquant_dev.jsonl   # writes bench/out/newsquant_dev.{A,B}.*
    .venv/bin/python bench/halves_spread.py [--shared ../shared] [--draws 2000]

The gap between half A (whose errors the rules were fixed on) and half B (never read) is
meant to show over-fitting. But each half holds ~230 gold amounts in ~150 sentences, and
a sentence's amounts rise and fall together, so two halves differ by chance too. This
prints, from the per-sentence counts of the last ``eval_numbers.py`` run (aggregates only:
no sentence of B is shown):

- each half's F1 with a 95 % bootstrap interval (sentences resampled within the half);
- the spread of the gap over random splits of all sentences into halves of the same
  sizes: what a split that no rule was fitted on would show with the same extractor.

It reads the scorer's own matching (``score.value_match``, units renamed by
``newsquant_units.json``), so its totals are ``eval_numbers.py``'s.
"""
from __future__ import annotations

import argparse
import json
import random
import statistics
from pathlib import Path

from number_rows import OUT, load, scorer  # bench/ is the script's directory

ROOT = Path(__file__).resolve().parent.parent
LEVELS = ("value", "value+unit")


def sentence_counts(score, gold: list[dict], pred: dict[str, list[dict]], unit_map: dict) -> list[tuple]:
    """(gold, predicted, tp per level) for each sentence, matched as ``score.py`` matches."""
    unit = lambda u: (unit_map.get(u, u) or "").strip().lower()  # noqa: E731 - the scorer's normalisation
    out = []
    for g in gold:
        pq = pred.get(g["id"], [])
        used: set[int] = set()
        tp = dict.fromkeys(LEVELS, 0)
        for gi in g["expected"]:
            best = None
            for j, pi in enumerate(pq):
                if j in used or not score.value_match(gi, pi):
                    continue
                rank = (unit(pi.get("unit")) == unit(gi.get("unit"))) * 2 + (pi.get("kind") == gi.get("kind"))
                if best is None or rank > best[0]:
                    best = (rank, j, pi)
            if best is not None:
                used.add(best[1])
                tp["value"] += 1
                tp["value+unit"] += unit(best[2].get("unit")) == unit(gi.get("unit"))
        out.append((len(g["expected"]), len(pq), tp))
    return out


def f1(rows: list[tuple], level: str) -> float:
    n_gold, n_pred = sum(r[0] for r in rows), sum(r[1] for r in rows)
    tp = sum(r[2][level] for r in rows)
    return 200 * tp / (n_gold + n_pred) if n_gold + n_pred else 0.0


def interval(values: list[float]) -> tuple[float, float]:
    values = sorted(values)
    return values[int(0.025 * len(values))], values[int(0.975 * len(values)) - 1]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("--draws", type=int, default=2000)
    a = ap.parse_args()
    score = scorer(a.shared)
    unit_map = json.loads((ROOT / "bench" / "newsquant_units.json").read_text(encoding="utf-8"))
    halves = {}
    for half in ("A", "B"):
        pred = {d["id"]: d["predicted"] for d in load(OUT / f"newsquant_dev.{half}.pred.jsonl")}
        halves[half] = sentence_counts(score, load(OUT / f"newsquant_dev.{half}.gold.jsonl"), pred, unit_map)
    rng = random.Random(13)
    both = halves["A"] + halves["B"]
    size = len(halves["A"])
    for level in LEVELS:
        a_f1, b_f1 = f1(halves["A"], level), f1(halves["B"], level)
        boot = {h: [f1(rng.choices(rows, k=len(rows)), level) for _ in range(a.draws)] for h, rows in halves.items()}
        gaps = [x - y for x, y in zip(boot["A"], boot["B"])]
        split_gaps = []
        for _ in range(a.draws):
            rows = rng.sample(both, len(both))
            split_gaps.append(abs(f1(rows[:size], level) - f1(rows[size:], level)))
        print(f"{level:11s} A {a_f1:5.1f} [{interval(boot['A'])[0]:5.1f}, {interval(boot['A'])[1]:5.1f}]"
              f"   B {b_f1:5.1f} [{interval(boot['B'])[0]:5.1f}, {interval(boot['B'])[1]:5.1f}]"
              f"   gap A-B {a_f1 - b_f1:4.1f} [{interval(gaps)[0]:4.1f}, {interval(gaps)[1]:4.1f}]")
        share = lambda gap: 100 * sum(g >= gap for g in split_gaps) / len(split_gaps)  # noqa: E731
        print(f"{'':11s} random splits of the {len(both)} sentences ({a.draws}): |gap| median "
              f"{statistics.median(split_gaps):.1f}, 90th percentile {sorted(split_gaps)[int(0.9 * len(split_gaps))]:.1f};"
              f" over 3 points in {share(3):.0f} %, at least this gap ({abs(a_f1 - b_f1):.1f}) in {share(abs(a_f1 - b_f1)):.1f} %")


if __name__ == "__main__":
    main()
