"""Event counts measured: a hand-judged sample of BBC count rows, and agreement with gdelt-regkg.

    .venv/bin/python bench/eval_counts.py judge   [--shared ../shared] [--judgements FILE] [--misses-a]   # precision per field
    .venv/bin/python bench/eval_counts.py regkg   [--shared ../shared]   # agreement by type with gdelt-regkg
    .venv/bin/python bench/eval_counts.py list --corpus conll [--seed 7] [--sample 40]   # rows to study

``judge`` reads ``bench/counts_judgements.json``: a sample of count rows the
extractor gave on the BBC corpus when the file was written (seed 16 over all
of them, exact duplicate articles left out), each stored as article id and
character offsets of the number with a person's verdict (is it an event count,
its type, value, counted object, and the place names that are right for it).
No article text is stored: the corpus stays in ``../shared``. A judged row the
extractor no longer gives is a miss of unknown kind.

The judged rows are split in two fixed halves by a hash of the article id
(``eval_numbers.half_of``). ``judge`` prints the figures of half A, half B and
all; ``--misses-a`` prints half A's misses (and count rows never judged outside
half B's articles, so a person can extend the file). Half B's misses are never
printed: rule work may study half A only, and B (with the CoNLL file, held out
whole) is the figure that predicts unseen news. ``list`` prints rows to study
from another corpus (``conll``: Reuters wire, ``scraped``: US news of 2023, ``pages``: the main
text of 181 news pages of 2019-2020 from the HTML extraction benchmark), never a held-out judged article's.

Parsing is the slow part (~2 min for the BBC corpus on one core), so parsed
documents are kept under ``bench/out/`` (git-ignored) per corpus and model;
only the extractor runs again after a rule change.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import os
import random
import sys
import time
from collections import Counter
from pathlib import Path


ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tasks.canonical import fold  # noqa: E402
from tasks.components import DEFAULT_PARSE, ParseMode  # noqa: E402
from tasks.nlp import load_model, model_name  # noqa: E402
from tasks.parse import pipe, read_docs, save_docs  # noqa: E402

PARSE = DEFAULT_PARSE  # set from --parse
from tasks.numbers import counts, extract_numbers  # noqa: E402
from eval_numbers import half_of  # noqa: E402  (bench/ is the script's directory)

JUDGEMENTS = ROOT / "bench/counts_judgements.json"
OUT = ROOT / "bench/out"
SAMPLE, SEED = 100, 16
CORPORA = {
    "bbc": ("eval/corpora/bbc_news.jsonl", "id", "body"),
    "scraped": ("eval/corpora/scraped_news_2023.jsonl", "id", "text"),
    "conll": ("eval/ner/conll2003_eng_testa.jsonl", "id", "text"),
    # 181 news pages of 126 sites (2019-2020), their main text as a person extracted it: judged by nobody for counts.
    "pages": ("eval/html/article_extraction_benchmark.jsonl", "id", "expected_text"),
}


def articles(shared: Path, corpus: str) -> list[tuple[str, str]]:
    """(id, text) per article; an exact copy of an earlier text is left out, as the nightly run drops it."""
    rel, key, field = CORPORA[corpus]
    seen: set[str] = set()
    out = []
    with (shared / rel).open(encoding="utf-8") as fh:
        for line in fh:
            if not line.strip():
                continue
            a = json.loads(line)
            text = a[field]
            if corpus == "conll":  # tokens joined by spaces: rejoin the usual punctuation so the parse reads prose
                text = text.replace(" ,", ",").replace(" .", ".").replace(" 's", "'s")
            if text in seen:
                continue
            seen.add(text)
            out.append((a[key], text))
    return out


def parsed(shared: Path, corpus: str) -> list:
    """The corpus's Docs, parsed as the product parses them (``--parse``), once per corpus, model
    and parse mode, and kept in ``bench/out``."""
    items = articles(shared, corpus)
    nlp = load_model()
    digest = hashlib.sha1("".join(t for _, t in items).encode()).hexdigest()[:10]
    # ``sents``: written by tasks.parse.save_docs, which keeps the sentence starts with the Docs.
    cache = OUT / f"docs-{corpus}-{model_name()}-{PARSE.value}-{digest}.sents.spacy"
    if cache.exists():
        return read_docs(cache, nlp)
    t0 = time.perf_counter()
    docs = list(pipe(nlp, [t for _, t in items], PARSE))
    print(f"parsed {len(docs)} {corpus} articles in {time.perf_counter() - t0:.0f} s", file=sys.stderr)
    save_docs(docs, cache)
    return docs


def count_rows(shared: Path, corpus: str) -> tuple[list[dict], dict[str, object], float]:
    """Every count row of the corpus with its article id, the Docs by id, and the count step's seconds."""
    items = articles(shared, corpus)
    docs = parsed(shared, corpus)
    counts.triggers()
    spent = [0.0]
    inner = counts.annotate

    def timed(*args, **kwargs) -> None:
        t0 = time.perf_counter()
        inner(*args, **kwargs)
        spent[0] += time.perf_counter() - t0

    counts.annotate = timed
    try:
        rows = [dict(r, article=aid) for (aid, _), doc in zip(items, docs) for r in extract_numbers(doc)
                if r["count_type"]]
    finally:
        counts.annotate = inner
    return rows, {aid: doc for (aid, _), doc in zip(items, docs)}, spent[0]


def key(row: dict) -> tuple[str, int, int]:
    return row["article"], row["start"], row["end"]


def show(row: dict, doc, extra: str = "") -> str:
    sent = list(doc.sents)[row["sentence"]].text.strip().replace("\n", " ")
    return (f"{row['article']} @{row['start']}-{row['end']}  {row['count_type']} {row['value']:g} "
            f"noun={row['noun']} verb={row['verb']} place={row['place']} ({row['country']}) {extra}\n    {sent}")


def object_right(noun: str | None, accepted: list[str]) -> bool:
    """The counted noun is right when its head word is one a person accepted; ``""`` accepts none (an elided noun)."""
    if noun is None:
        return "" in accepted or not accepted
    return any(a and fold(noun).split()[-1:] == fold(a).split()[-1:] for a in accepted)


def place_right(row: dict, judged: dict) -> bool:
    """A place is right when its name is one a person accepted (the spot, or a region or country it lies in;
    ``""`` accepts none) and the gazetteer did not put it in another country (``Kent`` in the US)."""
    accepted = judged["places"]
    if row["place"] is None:
        return "" in accepted or not accepted
    if fold(row["place"]) not in {fold(a) for a in accepted if a}:
        return False
    return row["country"] is None or not judged["countries"] or row["country"] in judged["countries"]


def _score(j: dict, r: dict | None) -> tuple[bool, bool | None, bool | None]:
    """(type+value right, object right, place right) of one judged row; None where the row is no real count
    still extracted (a dropped non-count is right, a dropped count wrong)."""
    if r is None:
        return j["type"] is None, None, None
    ok_tv = r["count_type"] == j["type"] and j["value"] is not None and r["value"] == j["value"]
    if j["type"] is None:
        return ok_tv, None, None
    return ok_tv, object_right(r["noun"], j["object"]), place_right(r, j)


def _figures(label: str, scored: list[tuple[bool, bool | None, bool | None]]) -> str:
    n, real = len(scored), [s for s in scored if s[2] is not None]
    tv, obj, plc = sum(s[0] for s in scored), sum(s[1] for s in real), sum(s[2] for s in real)
    return (f"{label:5} type+value {tv}/{n} ({tv / max(n, 1):.0%})  object {obj}/{len(real)}  "
            f"place {plc}/{len(real)} ({plc / max(len(real), 1):.0%})")


def _miss(j: dict, r: dict | None, scored: tuple, docs: dict) -> str | None:
    ok_tv, ok_obj, ok_place = scored
    if r is None:
        return None if j["type"] is None else f"GONE (a count: {j['type']} {j['value']:g})  {key(j)}"
    if j["type"] is None:
        return "NOT A COUNT  " + show(r, docs[r["article"]])
    if ok_tv and ok_obj and ok_place:
        return None
    want = f"[want {j['type']} {j['value']:g} {j['object']} {j['places']}]"
    return (("" if ok_tv else "TYPE/VALUE ") + ("" if ok_obj else "OBJECT ") + ("" if ok_place else "PLACE ")
            + " " + show(r, docs[r["article"]], want))


def held_out(path: Path = JUDGEMENTS) -> set[str]:
    """The articles of the judged rows' half B: no tool shows their rows, so that half stays out of
    anyone's error analysis."""
    data = json.loads(path.read_text(encoding="utf-8"))
    return {j["article"] for j in data["rows"] if half_of(j["article"]) == "B"}


def judge(shared: Path, path: Path = JUDGEMENTS, misses_a: bool = False) -> None:
    """Figures for half A, half B and all (halves by a hash of the article id, as ``eval_numbers.half_of``
    splits NewsQuant). Only half A's misses are ever printed (``misses_a``), and only for the BBC file:
    half B and the CoNLL file stay out of error analysis, so their figures predict unseen news."""
    data = json.loads(path.read_text(encoding="utf-8"))
    rows, docs, _ = count_rows(shared, data["corpus"])
    now = {key(r): r for r in rows}
    judged = {(j["article"], j["start"], j["end"]): j for j in data["rows"]}
    scored = {k: _score(j, now.get(k)) for k, j in judged.items()}
    halves = {h: [s for k, s in scored.items() if half_of(k[0]) == h] for h in "AB"}
    gone = sum(k not in now for k in judged)
    print(f"{path.name}: {len(judged)} judged rows ({sum(j['type'] is not None for j in judged.values())} real "
          f"counts); {gone} no longer extracted; halves by a hash of the article id "
          + ("(A: misses may be studied, B: held out)" if data["corpus"] == "bbc" else "(held out whole)"))
    for label, part in (("A", halves["A"]), ("B", halves["B"]), ("all", list(scored.values()))):
        print(_figures(label, part))
    print("(type+value of all rows: a dropped non-count is right, a dropped count wrong; "
          "object and place of the real counts still extracted)")
    if not misses_a:
        return
    if data["corpus"] != "bbc":
        sys.exit("--misses-a is for the BBC file only: the CoNLL file is held out whole")
    misses = [_miss(j, now.get(k), scored[k], docs) for k, j in judged.items() if half_of(k[0]) == "A"]
    print("\nhalf A misses:\n" + "\n".join(m for m in misses if m))
    held = held_out(path)
    new = [r for r in rows if key(r) not in judged and r["article"] not in held]
    print(f"\n{len(new)} unjudged count rows outside half B's articles:")
    for r in new:
        print(show(r, docs[r["article"]]))


JUDGEMENTS_CONLL = ROOT / "bench/counts_judgements_conll.json"


def studied_out(corpus: str) -> set[str]:
    """Articles ``list`` never shows: half B's of the BBC file, every one of the CoNLL file (held out whole),
    so studying a fresh sample cannot read a held-out row by chance."""
    if corpus == "bbc":
        return held_out(JUDGEMENTS)
    if corpus == "conll":
        return {j["article"] for j in json.loads(JUDGEMENTS_CONLL.read_text(encoding="utf-8"))["rows"]}
    return set()


def sample(shared: Path, corpus: str, seed: int, n: int) -> None:
    """Rows to judge or study, none of a held-out judged article (:func:`studied_out`); the judgement files
    were written from ``--corpus bbc --seed 16 --sample 100`` and ``--corpus conll --seed 41 --sample 40``,
    before this filter, so the same call no longer draws their rows."""
    rows, docs, spent = count_rows(shared, corpus)
    out = studied_out(corpus)
    print(f"({sum(r['article'] in out for r in rows)} rows of held-out judged articles left out)")
    rows = [r for r in rows if r["article"] not in out]
    print(f"{len(rows)} count rows; count step {spent:.3f} s;",
          ", ".join(f"{t} {c}" for t, c in Counter(r["count_type"] for r in rows).most_common()))
    random.seed(seed)
    picked = sorted(random.sample(sorted(rows, key=key), min(n, len(rows))), key=key)
    for i, r in enumerate(picked, 1):
        print(f"[{i}] " + show(r, docs[r["article"]]))


REGKG_VENV = ROOT / "bench/.venv-regkg"
REGKG = "gdelt-regkg==2.1.2"
#: gdelt-regkg needs Python >= 3.12 and the project runs 3.11: a 3.12 interpreter makes its venv (REGKG_PYTHON overrides).
REGKG_PYTHON = Path(os.environ.get("REGKG_PYTHON", "/root/.pyenv/versions/3.12.1/bin/python3.12"))
TYPES = {t.value for t in counts.CountType}
#: Run inside the 3.12 venv: article texts as JSON on stdin, their GKG counts (ours' types only) as JSON out.
REGKG_SCRIPT = """
import json, sys
from gdelt_regkg.fields.counts import analyze_counts
types = set(sys.argv[1].split(","))
out = {}
for aid, text in json.load(sys.stdin):
    out[aid] = [(m.count_type, m.number, m.object_type, m.start) for m in analyze_counts(text).mentions
                if m.count_type in types]
json.dump(out, sys.stdout)
"""


def regkg_python() -> Path:
    """The 3.12 venv with gdelt-regkg, made once under ``bench/`` (git-ignored)."""
    python = REGKG_VENV / "bin/python"
    if not python.exists():
        import subprocess

        subprocess.run([str(REGKG_PYTHON), "-m", "venv", str(REGKG_VENV)], check=True)
        subprocess.run([str(python), "-m", "pip", "install", "-q", REGKG], check=True)
    return python


def theirs(shared: Path, corpus: str) -> dict[str, list[tuple[str, float, str, int]]]:
    import subprocess

    items = articles(shared, corpus)
    done = subprocess.run([str(regkg_python()), "-c", REGKG_SCRIPT, ",".join(sorted(TYPES))],
                          input=json.dumps(items), capture_output=True, text=True, check=True)
    return {aid: [(t, float(n), o, s) for t, n, o, s in ms] for aid, ms in json.loads(done.stdout).items()}


def regkg(shared: Path, corpus: str, seed: int, n: int) -> None:
    """Agreement by type with gdelt-regkg: a row agrees when the other names the same type and value in the article."""
    ours, docs, _ = count_rows(shared, corpus)
    other = theirs(shared, corpus)
    texts = dict(articles(shared, corpus))
    table: dict[str, Counter] = {t: Counter() for t in sorted(TYPES)}
    only_ours, only_theirs = [], []
    by_article: dict[str, list[dict]] = {}
    for r in ours:
        by_article.setdefault(r["article"], []).append(r)
    for aid in texts:
        left = Counter((r["count_type"], r["value"]) for r in by_article.get(aid, []))
        right = Counter((t, v) for t, v, _, _ in other.get(aid, []))
        for (t, v), k in (left | right).items():
            both = min(left[(t, v)], right[(t, v)])
            table[t].update(both=both, ours=left[(t, v)] - both, theirs=right[(t, v)] - both)
        only_ours += [r for r in by_article.get(aid, []) if right[(r["count_type"], r["value"])] == 0]
        only_theirs += [(aid, m) for m in other.get(aid, []) if left[(m[0], m[1])] == 0]
    print(f"{corpus}: {len(ours)} rows ours, {sum(map(len, other.values()))} theirs (gdelt-regkg, GKG types only)")
    print(f"{'type':8} {'both':>5} {'ours only':>10} {'theirs only':>12}")
    for t, c in table.items():
        print(f"{t:8} {c['both']:5} {c['ours']:10} {c['theirs']:12}")
    random.seed(seed)
    print(f"\nOurs only (a sample of {min(n, len(only_ours))}):")
    for r in random.sample(only_ours, min(n, len(only_ours))):
        print(show(r, docs[r["article"]]))
    print(f"\nTheirs only (a sample of {min(n, len(only_theirs))}):")
    for aid, (t, v, o, start) in random.sample(only_theirs, min(n, len(only_theirs))):
        text = texts[aid]
        left, right = text.rfind(".", 0, start) + 1, text.find(".", start)
        print(f"{aid} @{start}  {t} {v:g} {o!r}\n    {text[left:right + 1].strip()}")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("what", choices=("judge", "regkg", "list"))
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("--corpus", choices=tuple(CORPORA), default="bbc")
    ap.add_argument("--judgements", type=Path, default=JUDGEMENTS,
                    help="judgement file for judge (its corpus is read from it): counts_judgements_conll.json "
                         "is a held-out check of place rules")
    ap.add_argument("--misses-a", action="store_true",
                    help="judge: print half A's misses (the only judged rows whose misses may be studied)")
    ap.add_argument("--seed", type=int, default=SEED)
    ap.add_argument("--sample", type=int, default=SAMPLE)
    ap.add_argument("--parse", choices=[m.value for m in ParseMode], default=DEFAULT_PARSE.value,
                    help="parse mode of the Docs (newsflow run --parse)")
    args = ap.parse_args()
    global PARSE
    PARSE = ParseMode(args.parse)
    if args.what == "judge":
        judge(args.shared, args.judgements, args.misses_a)
    elif args.what == "list":
        sample(args.shared, args.corpus, args.seed, args.sample)
    else:
        regkg(args.shared, args.corpus, args.seed, args.sample)


if __name__ == "__main__":
    main()
