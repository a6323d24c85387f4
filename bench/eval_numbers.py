"""Score number extraction against the shared gold sets and time it against parsing and quantulum3.

    .venv/bin/python bench/eval_numbers.py [--shared ../shared] [--speed-docs 300] [--speed-sentences 2000]
                                           [--quantulum3 PYTHON] [--only FILE] [--errors-a]

NewsQuant is scored in two fixed halves by a hash of the case id (see
:func:`half_of`): rules are improved looking at half A's errors only, and
half B, never looked at, is the figure to quote. The conversions below
apply to a whole set, never to a case.

quantulum3 is a dependency (its unit database, see tasks/numbers/units.py),
so the speed comparison runs its parser from the project's own venv by
default, without its optional unit classifier; the script says which mode
it timed. The classifier is the
``quantulum3[classifier]`` extra (scikit-learn, scipy, numpy, joblib, stemming,
wikipedia). Its trained model ships in the package, pickled with
scikit-learn 1.8.0 (1.9 cannot unpickle it), and nothing downloads at run
time (only retraining fetches Wikipedia pages)::

    python3 -m venv bench/out/q3clf
    bench/out/q3clf/bin/pip install "quantulum3[classifier]==0.10.0" scikit-learn==1.8.0
    .venv/bin/python bench/eval_numbers.py --quantulum3 bench/out/q3clf/bin/python


Writes predictions in the reference scorer's format to ``bench/out/`` and runs
``score.py`` on NewsQuant; for the spec files (Recognizers-Text, Duckling,
quantulum3) prints a pass rate per file and kind, naming the cases that are
our design choices (``spec_numbers.py``). Rows take the scorer's shape in
``number_rows.py``; the timings are ``speed_numbers.py``'s.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tasks.components import ParseMode  # noqa: E402
from tasks.nlp import load_model  # noqa: E402
from tasks.parse import pipe  # noqa: E402
from tasks.numbers import Kind, extract_numbers, units  # noqa: E402
from number_rows import OUT, as_scored, load, scorer  # noqa: E402  (bench/ is the script's directory)
from spec_numbers import SPEC_FILES, eval_spec  # noqa: E402
from speed_numbers import eval_quantulum3, eval_speed  # noqa: E402


def _newsquant_kind(scored: dict) -> dict:
    """NewsQuant's coarse kinds: it has no duration kind (``two hours`` is a quantity) and pence, its
    unit ``point`` (see newsquant_units.json), are a quantity too; every case of the set is written so."""
    if scored["kind"] == Kind.DURATION or scored["unit"] == "penny":
        return {**scored, "kind": Kind.QUANTITY.value}
    return scored


def half_of(case_id: str) -> str:
    """``A`` or ``B``: a fixed split of a gold set by a hash of its ids.

    Rules are improved looking only at half A's errors; half B is never
    read, so its figure predicts what the rules do on news nobody tuned for.
    """
    return "A" if hashlib.sha256(case_id.encode("utf-8")).digest()[0] % 2 == 0 else "B"


def _score_file(shared: Path, gold: Path, pred: Path) -> dict:
    res = subprocess.run([sys.executable, str(shared / "eval" / "numbers" / "score.py"), str(gold), str(pred),
                          "--unit-map", str(ROOT / "bench" / "newsquant_units.json")],
                         capture_output=True, text=True, check=True)
    return json.loads(res.stdout)


def _errors(score, cases: list[tuple[dict, list[dict]]], unit_map: dict[str, str]) -> list[str]:
    """Each case's misses, as the scorer pairs them: gold items not found, wrong units, predictions left over."""
    unit = lambda u: (unit_map.get(u, u) or "").strip().lower()  # noqa: E731 - the scorer's normalisation
    lines: list[str] = []
    for g, pred in cases:
        used: set[int] = set()
        wrong: list[str] = []
        for item in g["expected"]:
            j = next((j for j, p in enumerate(pred) if j not in used and score.value_match(item, p)
                      and unit(p["unit"]) == unit(item.get("unit"))), None)
            if j is None:
                j = next((j for j, p in enumerate(pred) if j not in used and score.value_match(item, p)), None)
            if j is None:
                wrong.append(f"    missed {item.get('text')!r} {item['value'] if item.get('value') is not None else (item.get('lower'), item.get('upper'))}"
                             f" unit={item.get('unit')!r}")
                continue
            used.add(j)
            if unit(pred[j]["unit"]) != unit(item.get("unit")):
                wrong.append(f"    unit   {item.get('text')!r} gold={item.get('unit')!r} ours={pred[j]['unit']!r}")
        wrong += [f"    extra  {p['value'] if p['value'] is not None else (p['lower'], p['upper'])} unit={p['unit']!r} kind={p['kind']}"
                  for j, p in enumerate(pred) if j not in used]
        if wrong:
            lines.append(f"  {g['id']}: {g['text']}\n" + "\n".join(wrong))
    return lines


def eval_newsquant(nlp, score, shared: Path, errors: bool = False) -> None:
    """NewsQuant scored per half (A: looked at, B: held out), side by side; B is the headline."""
    gold = load(shared / "eval" / "numbers" / "newsquant_dev.jsonl")
    OUT.mkdir(parents=True, exist_ok=True)
    ordinals = 0
    halves: dict[str, list[tuple[dict, list[dict]]]] = {"A": [], "B": []}
    for g, doc in zip(gold, nlp.pipe(g["text"] for g in gold)):
        rows = extract_numbers(doc)
        ordinals += sum(r["kind"] == Kind.ORDINAL for r in rows)
        pred = [_newsquant_kind(as_scored(r, False, False, text=g["text"])) for r in rows if r["kind"] != Kind.ORDINAL]
        halves[half_of(g["id"])].append((g, pred))
    results = {}
    for half, cases in halves.items():
        gold_path, pred_path = OUT / f"newsquant_dev.{half}.gold.jsonl", OUT / f"newsquant_dev.{half}.pred.jsonl"
        gold_path.write_text("".join(json.dumps(g) + "\n" for g, _ in cases), encoding="utf-8")
        pred_path.write_text("".join(json.dumps({"id": g["id"], "predicted": p}) + "\n" for g, p in cases),
                             encoding="utf-8")
        results[half] = _score_file(shared, gold_path, pred_path)
    print(f"== newsquant_dev.jsonl, halves by a hash of id: A ({len(halves['A'])} sentences, errors looked at)"
          f" | B ({len(halves['B'])}, held out: the headline figure)")
    print(f"design: {ordinals} ordinals not scored (NewsQuant never annotates ordinals: '22nd amendment')")
    print("units: ours are NewsQuant's names; bare counts scored with the counted noun as unit (with the entity"
          " adjective right after the number put back: 'European country'), '-' if none;"
          " remaining renames in bench/newsquant_units.json")
    for level in ("value", "value+unit", "value+kind"):
        a, b = results["A"][level], results["B"][level]
        print(f"{level:11s} A: P {a['P']:5.1f}  R {a['R']:5.1f}  F1 {a['F1']:5.1f}   |   "
              f"B: P {b['P']:5.1f}  R {b['R']:5.1f}  F1 {b['F1']:5.1f}")
    if errors:  # half A only: B's errors are never printed, so it stays a fair estimate of unseen news
        unit_map = json.loads((ROOT / "bench" / "newsquant_units.json").read_text(encoding="utf-8"))
        print("\n".join(["half A errors:"] + _errors(score, halves["A"], unit_map)))
    for half in ("A", "B"):
        print(f"counts {half}", results[half]["counts"],
              "year tokens as quantities:", results[half]["year_tokens_predicted_as_quantities"])


class _InMode:
    """The pipeline as the flow runs it in a parse mode: ``pipe`` through ``tasks.parse.pipe``."""

    def __init__(self, nlp, mode: ParseMode) -> None:
        self.nlp, self.mode = nlp, mode

    def pipe(self, texts, batch_size: int = 64):
        return pipe(self.nlp, list(texts), self.mode)

    def __getattr__(self, name: str):
        return getattr(self.nlp, name)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("--speed-docs", type=int, default=300)
    ap.add_argument("--speed-sentences", type=int, default=2000, help="sentences timed against quantulum3 (0: skip)")
    ap.add_argument("--quantulum3", type=Path, default=Path(sys.executable),
                    help="python of a venv with quantulum3 installed (default: this one)")
    ap.add_argument("--verbose", action="store_true", help="list failing spec cases")
    ap.add_argument("--only", help="evaluate one gold file")
    ap.add_argument("--errors-a", action="store_true",
                    help="list NewsQuant half A's errors (half B's are never listed: it is the held-out figure)")
    ap.add_argument("--parse", default="full", choices=("full", "numbers"),
                    help="parse mode of the scored Docs (newsflow run --parse); speed is timed in full")
    a = ap.parse_args()
    nlp = load_model()
    scored = nlp if a.parse == "full" else _InMode(nlp, ParseMode(a.parse))
    t0 = time.perf_counter()
    units.warm()  # once per process, as in a pipeline worker; timed apart from the per-batch work
    load = time.perf_counter() - t0
    score = scorer(a.shared)
    if a.only in (None, "newsquant_dev.jsonl"):
        eval_newsquant(scored, score, a.shared, a.errors_a)
    for name in SPEC_FILES:
        if a.only in (None, name):
            eval_spec(scored, score, a.shared, name, a.verbose)
    if a.only is None:
        sentences = eval_speed(nlp, a.shared, a.speed_docs, load)
        if a.speed_sentences:
            eval_quantulum3(nlp, sentences[:a.speed_sentences], a.quantulum3)


if __name__ == "__main__":
    main()
