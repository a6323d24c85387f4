"""The number task's cost: its time over the parse time of a batch, and its speed against quantulum3's parser."""
from __future__ import annotations

import json
import subprocess
import time
from pathlib import Path

from number_rows import OUT
from tasks.numbers import extract_numbers

def eval_speed(nlp, shared: Path, n_docs: int, load: float) -> list[str]:
    """The number task's time over the parse time of the same batch; returns the articles' sentences."""
    texts = [json.loads(line)["body"] for line, _ in zip((shared / "eval" / "corpora" / "bbc_news.jsonl").open(encoding="utf-8"), range(n_docs))]
    t0 = time.perf_counter()
    docs = list(nlp.pipe(texts, batch_size=32))
    parse = time.perf_counter() - t0
    t0 = time.perf_counter()
    found = sum(len(extract_numbers(d)) for d in docs)
    extract = time.perf_counter() - t0
    words = sum(len(d) for d in docs)
    print(f"== speed on {len(docs)} BBC articles ({words} tokens, {found} numbers)")
    print(f"parse {parse:.2f}s  extract {extract:.3f}s  number task / parse time {extract / parse:.3f} (target <= 0.05)")
    print(f"one-off per process: unit and currency databases loaded in {load:.2f}s"
          f" (with it, this batch: {(extract + load) / parse:.3f})")
    return [s.text.strip() for d in docs for s in d.sents if s.text.strip()]


#: Times quantulum3 in its own interpreter: argv[1] is a JSONL file of sentences; prints one JSON line.
_Q3_TIMER = r"""
import json, sys, time, warnings
warnings.simplefilter("ignore")  # it warns once that its classifier extra is missing
from importlib.metadata import version
from quantulum3 import classifier, parser
sentences = [json.loads(line) for line in open(sys.argv[1], encoding="utf-8")]
t0 = time.perf_counter()
parser.parse(sentences[0])  # the first call loads its unit and entity tables
load = time.perf_counter() - t0
found = errors = 0
t0 = time.perf_counter()
for s in sentences:
    try:
        found += len(parser.parse(s))
    except Exception:
        errors += 1
print(json.dumps({"seconds": time.perf_counter() - t0, "load": load, "found": found, "errors": errors,
                  "version": version("quantulum3"), "classifier": bool(classifier.USE_CLF)}))
"""


def eval_quantulum3(nlp, sentences: list[str], python: Path) -> None:
    """Sentences per second, ours against quantulum3's ``parser.parse``, on the same sentences.

    quantulum3 runs in a process of its own, after ours, so the two never
    share the cores. Each side's one-off load (spaCy model, quantulum3's tables) is
    left out; ours is timed with the parse (what a user without the
    pipeline pays) and without it (what the numbers task adds, since the
    pipeline parses once for every task).
    """
    print(f"== speed against quantulum3 on {len(sentences)} sentences of the same BBC articles")
    t0 = time.perf_counter()
    docs = list(nlp.pipe(sentences, batch_size=64))
    parse = time.perf_counter() - t0
    extract = float("inf")
    for _ in range(3):  # best of three: it takes well under a second, so noise from other work would dominate
        t0 = time.perf_counter()
        found = sum(len(extract_numbers(d)) for d in docs)
        extract = min(extract, time.perf_counter() - t0)
    OUT.mkdir(parents=True, exist_ok=True)
    path = OUT / "speed_sentences.jsonl"
    path.write_text("".join(json.dumps(s) + "\n" for s in sentences), encoding="utf-8")
    res = subprocess.run([str(python), "-c", _Q3_TIMER, str(path)], capture_output=True, text=True)
    if res.returncode != 0:
        print(f"quantulum3: failed to run with {python}: {res.stderr.strip().splitlines()[-1:]}")
        return
    q3 = json.loads(res.stdout.strip().splitlines()[-1])
    n = len(sentences)
    model = f"{nlp.meta['lang']}_{nlp.meta['name']}"
    print(f"ours, parse included (spaCy {model} + extract_numbers): {n / (parse + extract):8.1f} sentences/s  ({found} numbers)")
    print(f"ours, parse excluded (extract_numbers on parsed Docs, the numbers task; best of 3): {n / extract:8.1f} sentences/s")
    clf = "on" if q3["classifier"] else "off (its [classifier] extra, scikit-learn etc., is not installed)"
    print(f"quantulum3 {q3['version']} parser.parse, classifier {clf}: {n / q3['seconds']:8.1f} sentences/s"
          f"  ({q3['found']} quantities, {q3['errors']} errors; first-call load {q3['load']:.1f}s not counted)")
    print(f"ratio: ours with parse {q3['seconds'] / (parse + extract):.2f}x quantulum3's speed, without parse "
          f"{q3['seconds'] / extract:.1f}x")
