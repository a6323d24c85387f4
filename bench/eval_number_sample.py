"""Amounts in a random sample of real news sentences nobody tuned for, judged blind: value and unit P/R/F1.

    .venv/bin/python bench/eval_number_sample.py [--shared ../shared] [--parse numbers|full] [--list]
    .venv/bin/python bench/eval_number_sample.py --show [--half study|held-out]   # the sentences, to judge

NewsQuant's dev file (``eval_numbers.py``) has been read for six rounds, so
even its held-out half B is a figure the rules slowly grow around. This file
measures news nobody judged before: sentences of
``../shared/eval/corpora/scraped_news_2023.jsonl`` (US news of 2023, with its
junk) split by :func:`sentences` (a regular expression that knows nothing of
the parser or our rules), of 20 to 400 characters, holding a digit or a
number word (:data:`NUMBERISH`). They are shuffled with ``random.Random(SEED)``
and taken in that order into two halves by a hash of ``doc:start``
(:func:`half_of`) until each holds :data:`PER_HALF`. Every amount in them was
written down by a person from the text before the extractor ran on any of
them (``bench/number_sample_judgements.json``: document id, character offsets,
value or range, unit and kind; no corpus text is stored), by NewsQuant's and
CQE's conventions as ``eval_numbers.py`` scores them: years, dates, clock
times, ordinals, addresses and identifiers are no amounts; a bare count's
unit is its counted noun as a lemma (``-`` when there is none), currencies and
units by their quantulum3/CQE names (``dollar``, ``percentage``, ``mile per
hour``), a duration a quantity.

Our rows are those :func:`tasks.numbers.extract_numbers` gives for the whole
article (as the pipeline runs it) whose span lies inside a judged sentence,
put in the scorer's shape by ``number_rows.as_scored`` with NewsQuant's kinds
and unit renames, and matched one to one per sentence as ``score.py`` does.
Rules are fixed looking at the STUDY half's misses only (``--list`` prints
those, never the HELD-OUT half's); the HELD-OUT figure is the estimate.

Blind first run (rules of main 03b664b, before any fix from this file):
"""
from __future__ import annotations

import argparse
import hashlib
import json
import random
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

JUDGEMENTS = ROOT / "bench/number_sample_judgements.json"
CORPUS = "scraped"  # eval_counts.CORPORA's key: ../shared/eval/corpora/scraped_news_2023.jsonl
SEED, PER_HALF = 7, 60

#: A digit or an English number word: the filter that picks sentences to judge, knowing nothing of our rules.
NUMBERISH = re.compile(
    r"\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|"
    r"sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundreds?|"
    r"thousands?|millions?|billions?|trillions?|dozens?|half|quarter|couple)\b", re.I)
#: A sentence ends at a line break, or at ``.``, ``!`` or ``?`` (and a closing quote) before a space and a capital or quote.
BOUNDARY = re.compile(r"\n+|(?<=[.!?])[\"'”’]?\s+(?=[A-Z\"“‘(])")


def sentences(text: str) -> list[tuple[int, int]]:
    """Character spans of the text's sentences, by :data:`BOUNDARY`, stripped of spaces."""
    spans, start = [], 0
    for m in BOUNDARY.finditer(text):
        spans.append((start, m.start() + (len(m.group()) - len(m.group().lstrip("\"'”’")))))
        start = m.end()
    spans.append((start, len(text)))
    out = []
    for s, e in spans:
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        out.append((s, e))
    return out


def half_of(doc: str, start: int) -> str:
    """``study`` or ``held-out``, fixed by a hash of the sentence's document and start."""
    return "study" if hashlib.sha256(f"{doc}:{start}".encode()).digest()[0] % 2 == 0 else "held-out"


def draw(items: list[tuple[str, str]]) -> list[dict]:
    """The judged sample: candidate sentences in a seeded shuffle, taken into each half until it is full."""
    cands = [(aid, s, e) for aid, text in items for s, e in sentences(text)
             if 20 <= e - s <= 400 and NUMBERISH.search(text[s:e])]
    random.Random(SEED).shuffle(cands)
    taken: dict[str, list[dict]] = {"study": [], "held-out": []}
    for aid, s, e in cands:
        half = taken[half_of(aid, s)]
        if len(half) < PER_HALF:
            half.append({"doc": aid, "start": s, "end": e, "half": half_of(aid, s)})
    return sorted(taken["study"] + taken["held-out"], key=lambda x: (x["doc"], x["start"]))


def show(shared: Path, half: str | None) -> None:
    """Print the sample's sentences with their keys, for a person to judge (the text stays out of the repo)."""
    import eval_counts  # noqa: E402  (bench/ is the script's directory)
    items = eval_counts.articles(shared, CORPUS)
    texts = dict(items)
    for x in draw(items):
        if half in (None, x["half"]):
            print(f"{x['doc']}:{x['start']}-{x['end']} [{x['half']}] {texts[x['doc']][x['start']:x['end']]}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("--show", action="store_true", help="print the sampled sentences to judge")
    ap.add_argument("--half", choices=("study", "held-out"))
    a = ap.parse_args()
    if a.show:
        show(a.shared, a.half)
        return


if __name__ == "__main__":
    main()
