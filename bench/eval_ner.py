"""Entity quality figures: CoNLL-2003 testa P/R/F1 and canonical names to check.

Prints, never asserts: (a) raw spaCy on the gold text, (b) our pipeline, i.e.
the normalise stage then ``extract_entities`` with its post-processing rules,
mapped back to gold offsets by aligning the texts, plus the rows in between
so each stage's effect shows. Then the mention -> canonical resolutions on the
seed article and 20 BBC articles, for a human to check, and the cost of the
entity task relative to the parse.

    .venv/bin/python bench/eval_ner.py [--shared ../shared] [--bbc 20]

Every CoNLL score is printed for all of testa and for its two fixed halves:
half A (documents whose id's SHA-1 ends in an even hex digit) is the one to
read errors in; half B is kept out of error analysis, so that a rule fitted
to A shows as a gap between them.

Data comes from ``--shared`` (default ``../shared`` beside the project) and is
never copied into the project.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from difflib import SequenceMatcher
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from spacy.tokens import Doc  # noqa: E402

from tasks.entities import NUMERIC_LABELS, extract_entities  # noqa: E402
from tasks.nlp import load_model  # noqa: E402

TO_CONLL = {
    "PERSON": "PER", "ORG": "ORG", "GPE": "LOC", "LOC": "LOC", "FAC": "LOC",
    "NORP": "MISC", "EVENT": "MISC", "WORK_OF_ART": "MISC", "LAW": "MISC",
    "LANGUAGE": "MISC", "PRODUCT": "MISC",
}
LABELS = ("PER", "ORG", "LOC", "MISC")
MICRO = ("PER", "ORG", "LOC")
Ent = tuple[int, int, str]  # start, end, CoNLL label


def read_jsonl(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


# -- normalise stage, if another engineer's module is there yet ---------------

def load_normaliser() -> Callable[[str, str], str | None]:
    """``text -> normalised text`` (None if rejected)."""
    from tasks.normalise import normalise
    from tasks.records import RawRecord, Reject

    def run(doc_id: str, text: str) -> str | None:
        rec = RawRecord(source=doc_id, path=f"{doc_id}.txt", fmt="txt", data=text.encode("utf-8"))
        out = normalise(rec)
        return None if isinstance(out, Reject) else out.text

    return run


def _tokens(text: str) -> list[tuple[str, int]]:
    out, i = [], 0
    for tok in text.split():
        i = text.index(tok, i)
        out.append((tok, i))
        i += len(tok)
    return out


def offset_map(src: str, dst: str) -> Callable[[int, int], tuple[int, int] | None]:
    """Map char spans of ``src`` onto ``dst`` through whitespace-token alignment.

    Token-level diffing is fast on whole documents and survives the
    normaliser's typical edits (dropped lines, rejoined whitespace, repaired
    characters inside an otherwise equal token are treated as unmatched).
    """
    if src == dst:
        return lambda s, e: (s, e)
    a, b = _tokens(src), _tokens(dst)
    matcher = SequenceMatcher(None, [t for t, _ in a], [t for t, _ in b], autojunk=False)
    tok_map: dict[int, int] = {}
    for block in matcher.get_matching_blocks():
        for k in range(block.size):
            tok_map[block.a + k] = block.b + k
    starts = [o for _, o in a]

    def tok_at(pos: int) -> int | None:
        from bisect import bisect_right

        i = bisect_right(starts, pos) - 1
        return i if i >= 0 and pos < starts[i] + len(a[i][0]) + 1 else None

    def span(s: int, e: int) -> tuple[int, int] | None:
        i, j = tok_at(s), tok_at(e - 1)
        if i is None or j is None or i not in tok_map or j not in tok_map:
            return None
        bi, bj = tok_map[i], tok_map[j]
        return b[bi][1] + (s - a[i][1]), b[bj][1] + (e - a[j][1])

    return span


# -- scoring --------------------------------------------------------------------

def score(gold: Sequence[set[Ent]], pred: Sequence[set[Ent]]) -> dict[str, tuple[float, float, float]]:
    tp, fp, fn = Counter(), Counter(), Counter()
    for g, p in zip(gold, pred):
        for s, e, lab in p:
            (tp if (s, e, lab) in g else fp)[lab] += 1
        for s, e, lab in g:
            if (s, e, lab) not in p:
                fn[lab] += 1

    def prf(t: int, f_p: int, f_n: int) -> tuple[float, float, float]:
        p = t / (t + f_p) if t + f_p else 0.0
        r = t / (t + f_n) if t + f_n else 0.0
        return 100 * p, 100 * r, (200 * p * r / (p + r) if p + r else 0.0)

    out = {lab: prf(tp[lab], fp[lab], fn[lab]) for lab in LABELS}
    out["micro PER/ORG/LOC"] = prf(*(sum(c[lab] for lab in MICRO) for c in (tp, fp, fn)))
    return out


def spacy_ents(doc: Doc) -> set[Ent]:
    return {
        (e.start_char, e.end_char, TO_CONLL[e.label_])
        for e in doc.ents
        if e.label_ not in NUMERIC_LABELS and e.label_ in TO_CONLL
    }


def task_ents(doc: Doc) -> set[Ent]:
    return {(r["start"], r["end"], TO_CONLL[r["label"]]) for r in extract_entities(doc) if r["label"] in TO_CONLL}


def print_scores(name: str, scores: dict[str, tuple[float, float, float]]) -> None:
    cells = "  ".join(f"{lab} {p:5.1f}/{r:5.1f}/{f:5.1f}" for lab, (p, r, f) in scores.items())
    print(f"{name:<44} {cells}")


def half_of(doc_id: str) -> str:
    """"A" (error analysis allowed) or "B" (held out), fixed by the id alone."""
    return "A" if int(hashlib.sha1(doc_id.encode()).hexdigest()[-1], 16) % 2 == 0 else "B"


def print_halves(name: str, gold: Sequence[set[Ent]], pred: Sequence[set[Ent]], halves: Sequence[str]) -> None:
    """The row on all documents, then on each half."""
    print_scores(name, score(gold, pred))
    for h in ("A", "B"):
        pick = [i for i, x in enumerate(halves) if x == h]
        print_scores(f"    half {h} ({len(pick)} docs)", score([gold[i] for i in pick], [pred[i] for i in pick]))


def eval_conll(shared: Path) -> None:
    docs = read_jsonl(shared / "eval/ner/conll2003_eng_testa.jsonl")
    gold = [{(e["start"], e["end"], e["label"]) for e in d["entities"]} for d in docs]
    nlp = load_model()
    texts = [d["text"] for d in docs]

    t0 = time.perf_counter()
    parsed = list(nlp.pipe(texts, batch_size=64))
    parse_s = time.perf_counter() - t0
    t0 = time.perf_counter()
    from tasks import places

    places.lookup("London")  # the gazetteer loads once per process, not per batch
    load_s = time.perf_counter() - t0
    t0 = time.perf_counter()
    ours_gold_text = [task_ents(doc) for doc in parsed]
    task_s = time.perf_counter() - t0

    raw = [spacy_ents(doc) for doc in parsed]
    raw_b, ours_b, kept, raw_kept = _on_normalised_text(nlp, docs, gold, raw)
    halves = [half_of(d["id"]) for d in docs]
    print(f"\nCoNLL-2003 testa, {len(docs)} documents, {sum(map(len, gold))} gold entities; exact match P/R/F1")
    for name, pred in [("(a) raw spaCy, gold text", raw), ("    entity task, gold text", ours_gold_text),
                       ("    raw spaCy, normalised text", raw_b), ("(b) normalise + entity task", ours_b)]:
        print_halves(name, gold, pred, halves)
    print("\nthe same, scored only on gold entities in text the normaliser keeps")
    for name, pred in [("(a) raw spaCy, gold text", raw_kept), ("    raw spaCy, normalised text", raw_b),
                       ("(b) normalise + entity task", ours_b)]:
        print_halves(name, kept, pred, halves)
    words = sum(len(t.split()) for t in texts)
    print(
        f"\ncost: parse {parse_s:.2f}s for {words} words; entity task {task_s * 1000:.0f} ms "
        f"= {100 * task_s / parse_s:.1f}% of parse; gazetteer load {load_s * 1000:.0f} ms once per process"
    )


def _on_normalised_text(nlp, docs: list[dict], gold: list[set[Ent]], raw: list[set[Ent]]
                        ) -> tuple[list[set[Ent]], list[set[Ent]], list[set[Ent]], list[set[Ent]]]:
    """Raw spaCy and the entity task on the normalised texts, mapped back to gold offsets;
    and gold and raw entities restricted to the text normalising keeps (headlines and
    datelines it removes by design hold entities no entity task can find)."""
    normaliser = load_normaliser()
    norm_texts: list[str | None] = [normaliser(d["id"], d["text"]) for d in docs]
    rejected = sum(t is None for t in norm_texts)
    changed = sum(t is not None and t != d["text"] for t, d in zip(norm_texts, docs))
    print(f"normalise: {changed} of {len(docs)} texts changed, {rejected} rejected (scored as no entities)")
    ndocs = list(nlp.pipe([t or "" for t in norm_texts], batch_size=64))
    raw_b, ours_b = [], []
    lost = 0
    for d, t, doc in zip(docs, norm_texts, ndocs):
        back = offset_map(t or "", d["text"])
        for target, ents in ((raw_b, spacy_ents(doc)), (ours_b, task_ents(doc))):
            mapped = set()
            for s, e, lab in ents:
                m = back(s, e)
                if m is None:
                    lost += target is ours_b
                    mapped.add((-1 - s, -1, lab))  # unmappable: scored as a false positive
                else:
                    mapped.add((m[0], m[1], lab))
            target.append(mapped)
    print(f"normalise: {lost} predicted entities could not be mapped back to gold offsets")
    kept, raw_kept = [], []
    for d, t, raw_ents in zip(docs, norm_texts, raw):
        fwd = offset_map(d["text"], t or "")
        kept.append({(e["start"], e["end"], e["label"]) for e in d["entities"] if t and fwd(e["start"], e["end"])})
        raw_kept.append({(s, e, lab) for s, e, lab in raw_ents if t and fwd(s, e)})
    removed = sum(map(len, gold)) - sum(map(len, kept))
    print(f"normalise: {removed} gold entities are in text the normaliser removed (headlines, datelines)")
    return raw_b, ours_b, kept, raw_kept


# -- canonical names for a human to check --------------------------------------

def resolutions(doc: Doc) -> list[str]:
    """Lines 'LABEL canonical <= surface xN, ...' for every entity with mentions."""
    groups: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    for r in extract_entities(doc):
        groups[(r["label"], r["canonical"])][r["text"]] += 1
    lines = []
    for (label, canonical), surfaces in sorted(groups.items()):
        forms = ", ".join(f"{s!r}x{n}" for s, n in surfaces.most_common())
        lines.append(f"  {label:<11} {canonical!r:<32} <= {forms}")
    return lines


def seed_body(text: str, normaliser: Callable[[str, str], str | None] | None) -> str:
    if normaliser is not None:
        out = normaliser("seed", text)
        if out:
            return out
    return text[text.index("US Secretary of State") :]


def eval_canonical(shared: Path, n_bbc: int) -> None:
    nlp = load_model()
    normaliser = load_normaliser()
    seed = (ROOT / "seeds/000_e5e4900b5f92f034.txt").read_text(encoding="utf-8")
    print("\nCanonical names, seed article:")
    print("\n".join(resolutions(nlp(seed_body(seed, normaliser)))))
    articles = read_jsonl(shared / "eval/corpora/bbc_news.jsonl")
    stride = max(1, len(articles) // max(1, n_bbc))
    picked = articles[::stride][:n_bbc]  # spread over all five categories, deterministic
    for art in picked:
        print(f"\n{art['id']}: {art['title']}")
        print("\n".join(resolutions(nlp(art["body"]))))


def main(argv: Iterable[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("--bbc", type=int, default=20, help="BBC articles to print resolutions for")
    ap.add_argument("--skip-conll", action="store_true")
    args = ap.parse_args(list(argv) if argv is not None else None)
    if not args.skip_conll:
        eval_conll(args.shared)
    eval_canonical(args.shared, args.bbc)


if __name__ == "__main__":
    main()
