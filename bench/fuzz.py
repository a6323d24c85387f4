"""Run the property tests of tests/test_fuzz.py much longer and print what the inputs became.

CI runs each property a few hundred times; this runs ``--scale`` times as
many (default 25: 5000 examples for most, 1500 for HTML extraction) and
prints, per property, the time taken and the outcome counts (reject reasons,
encodings, articles). A failure prints Hypothesis's minimal failing input
and the script exits non-zero. Then it times normalise on long single-pattern
texts, where a backtracking regex would show as seconds growing with length.

    .venv/bin/python bench/fuzz.py [--scale 25] [--only decode,ingest,pathological]
"""
from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]


def _scale() -> str:
    """--scale must be known before test_fuzz is imported: its settings are fixed at import."""
    if "--scale" in sys.argv:
        return sys.argv[sys.argv.index("--scale") + 1]
    return "25"


os.environ["NEWSFLOW_FUZZ_SCALE"] = _scale()
import test_fuzz  # noqa: E402

# Long runs of one pattern are where a regex backtracks quadratically: each is timed
# through normalise (a 50,000-digit line once took 27 s in the share-counter rule).
PATHOLOGICAL = {
    "digits": "1" * 500_000, "spaces": "a " * 250_000, "commas": "1," * 250_000, "slashes": "Home / " * 70_000,
    "bylines": "By " + "John Smith and " * 30_000, "lines": "a\n" * 200_000, "dates": "12 May 2015 " * 40_000,
    "one long sentence": "The council said on Monday that it would act. " * 20_000, "cjk": "北京" * 200_000,
    "entities": "&amp;" * 200_000, "mojibake": "Ã©" * 200_000, "tags": "<p>" * 200_000,
}

PROPERTIES = {
    "decode": test_fuzz.test_decode_never_raises_anything_but_decode_error,
    "junk": test_fuzz.test_junk_rules_never_raise_and_keep_only_input_lines,
    "html": test_fuzz.test_html_extraction_never_raises,
    "numbers": test_fuzz.test_number_words_never_raise_and_values_are_finite,
    "ingest": test_fuzz.test_ingest_and_normalise_never_raise_on_arbitrary_files,
    "normalise": test_fuzz.test_normalise_of_text_fields_keeps_its_invariants,
}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--scale", type=float, default=25.0, help="times the examples CI runs")
    ap.add_argument("--only", default=",".join([*PROPERTIES, "pathological"]))
    args = ap.parse_args()
    failed = 0
    for name in (n for n in args.only.split(",") if n in PROPERTIES):
        prop = PROPERTIES[name]
        test_fuzz.SEEN.clear()
        t = time.perf_counter()
        try:
            prop()
            status = "ok"
        except Exception as exc:  # noqa: BLE001 -- report every property, then fail
            status, failed = f"FAILED: {type(exc).__name__}: {exc}"[:2000], failed + 1
        dt = time.perf_counter() - t
        total = sum(test_fuzz.SEEN.values())
        print(f"{name:<10} {status}  {dt:6.1f} s  {total} outcomes")
        for outcome, n in test_fuzz.SEEN.most_common():
            print(f"    {n:6d}  {outcome}")
    if "pathological" in args.only.split(","):
        pathological()
    return 1 if failed else 0


def pathological() -> None:
    """Seconds normalise takes on each long single-pattern text (linear: about a second or less)."""
    from tasks.normalise import normalise
    from tasks.records import RawRecord

    print("pathological texts through normalise:")
    for name, text in PATHOLOGICAL.items():
        t = time.perf_counter()
        out = normalise(RawRecord(name, "", "txt", text.encode()))
        verdict = getattr(out, "reason", "article")
        print(f"    {time.perf_counter() - t:6.2f} s  {len(text):>9,} chars  {name:<18} -> {verdict}")


if __name__ == "__main__":
    sys.exit(main())
