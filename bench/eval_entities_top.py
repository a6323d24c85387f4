"""The top-100 entities of the BBC and scraped-news corpora, judged: what a new
user sees first from `newsflow query entities_by_mentions`.

Each corpus goes through the real code path: normalise, the entity task,
staging in a Parquet lake in nights of ``--night`` articles, the alias
evidence of each night (tasks.aliases) and the commit, then the DuckDB views.
The top 100 keys are checked against ``bench/entities_top_judgements.json``
(written once, by hand, from the lists: is each row a real entity under a
correct, readable name, is its label right; which rows name the same thing;
entity names and verdicts only, no corpus text). It prints the share
clean, the duplicates, and rows nobody has judged yet (judge them, do not
re-judge old ones to move the figure).

    .venv/bin/python bench/eval_entities_top.py [--shared ../shared] [--night 200]

Parsing the BBC corpus takes a few minutes, so the parsed Docs are cached in
bench/out/ (delete them after a model or normaliser change); the parser and
lemmatizer are disabled, as the entity task needs only the NER.
"""
from __future__ import annotations

import argparse
import json
import shutil
import sys
import time
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tasks import aliases, catalog, lake as lake_mod  # noqa: E402
from tasks.entities import extract_entities  # noqa: E402
from tasks.lake import Lake  # noqa: E402
from tasks.normalise import normalise  # noqa: E402
from tasks.records import Article, RawRecord  # noqa: E402
from tasks.schemas import from_rows  # noqa: E402

OUT = ROOT / "bench" / "out"
JUDGEMENTS = ROOT / "bench" / "entities_top_judgements.json"
CORPORA = {"bbc": "bbc_news.jsonl", "scraped": "scraped_news_2023.jsonl"}
TOP_SQL = """
SELECT entity_key, any_value(label) AS label, any_value(canonical) AS name,
       sum(mentions) AS mentions, count(*) AS articles
FROM article_entities GROUP BY entity_key
ORDER BY mentions DESC, articles DESC, entity_key LIMIT 100
"""


def _articles(shared: Path, corpus: str) -> list[Article]:
    """Normalised, exact copies dropped, in file order."""
    out, seen = [], set()
    with (shared / "eval" / "corpora" / CORPORA[corpus]).open(encoding="utf-8") as fh:
        for line in fh:
            rec = json.loads(line)
            raw = rec.get("text") or rec.get("body") or ""
            art = normalise(RawRecord(source=rec["id"], path=f"{rec['id']}.txt", fmt="txt", data=raw.encode()))
            if isinstance(art, Article) and art.article_id not in seen:
                seen.add(art.article_id)
                out.append(art)
    return out


def extracted(shared: Path, corpus: str) -> list[dict]:
    """Entity rows of every article; the parse is cached (per corpus) so a
    change to the entity rules re-runs only the entity task."""
    from spacy.tokens import DocBin

    from tasks.nlp import load_model

    nlp = load_model()
    arts = _articles(shared, corpus)
    cache = OUT / f"entities_top.{corpus}.spacy"
    t0 = time.perf_counter()
    if cache.exists():
        docs = list(DocBin().from_disk(cache).get_docs(nlp.vocab))
    else:
        with nlp.select_pipes(disable=[p for p in ("parser", "lemmatizer") if p in nlp.pipe_names]):
            docs = list(nlp.pipe((a.text for a in arts), batch_size=64))
        OUT.mkdir(parents=True, exist_ok=True)
        DocBin(attrs=["ENT_IOB", "ENT_TYPE", "TAG", "POS"], docs=docs).to_disk(cache)
    parse_s = time.perf_counter() - t0
    t0 = time.perf_counter()
    rows = [dict(r, article_id=a.article_id) for a, doc in zip(arts, docs) for r in extract_entities(doc)]
    print(f"{corpus}: {len(arts)} articles; parse or load {parse_s:.0f} s, entity task {time.perf_counter() - t0:.1f} s")
    return rows


def build_lake(root: Path, rows: list[dict], night: int) -> tuple[Lake, float]:
    """Commit the rows as consecutive nights of ``night`` articles; seconds spent on aliases."""
    shutil.rmtree(root, ignore_errors=True)
    lake = Lake(root)
    order = list(dict.fromkeys(r["article_id"] for r in rows))
    alias_s = 0.0
    for n, start in enumerate(range(0, len(order), night)):
        ids = set(order[start : start + night])
        run_id = f"night{n:03d}"
        covers = date(2020, 1, 1) + timedelta(days=n)
        ents = [dict(r, run_id=run_id) for r in rows if r["article_id"] in ids]
        lake_mod.write_part(lake, run_id, "entities", 0, from_rows("entities", ents))
        t0 = time.perf_counter()
        aliases.stage(lake, run_id)
        alias_s += time.perf_counter() - t0
        started = datetime(2020, 1, 1, tzinfo=timezone.utc) + timedelta(days=n)
        run = {"run_id": run_id, "covers": covers, "started_at": started, "status": "committed"}
        lake_mod.commit(lake, run_id, covers, from_rows("runs", [run]))
    catalog.build(lake)
    return lake, alias_s


def judge(corpus: str, top: list[dict], judgements: dict) -> None:
    verdicts = judgements.get(corpus, {})
    clean = bad = labelled = 0
    unjudged, groups = [], {}
    for r in top:
        v = verdicts.get(r["entity_key"])
        if v is None:
            unjudged.append(r)
            continue
        ok = v["ok"] and (v.get("name") in (None, r["name"]))
        clean += ok
        bad += not ok
        labelled += ok and v.get("label_ok", True)
        if not ok:
            print(f"  NOT CLEAN  {r['entity_key']:<40} {r['name']!r} ({v.get('why', 'name changed')})")
        groups.setdefault(v.get("same_as") or r["entity_key"], []).append(r["entity_key"])
    dups = {k: v for k, v in groups.items() if len(v) > 1}
    judged = clean + bad
    share = 100 * clean / judged if judged else 0.0
    print(f"{corpus}: {clean} of {judged} judged rows clean = {share:.1f}% "
          f"({labelled} also with the right label); "
          f"{len(dups)} sets of rows naming the same thing; {len(unjudged)} unjudged")
    for key, keys in dups.items():
        print(f"  DUPLICATE  {key}: {keys}")
    for r in unjudged:
        print(f"  UNJUDGED   {r['entity_key']:<40} {r['label']:<8} {r['name']!r} x{r['mentions']}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("--night", type=int, default=200, help="articles per simulated night")
    ap.add_argument("--corpus", choices=sorted(CORPORA), action="append")
    ap.add_argument("--list", action="store_true", help="print the top 100 of each corpus")
    args = ap.parse_args()
    judgements = json.loads(JUDGEMENTS.read_text()) if JUDGEMENTS.exists() else {}
    for corpus in args.corpus or sorted(CORPORA):
        rows = extracted(args.shared, corpus)
        lake, alias_s = build_lake(OUT / f"lake-{corpus}", rows, args.night)
        cols, top = catalog.run_sql(lake, TOP_SQL)
        top = [dict(zip(cols, t)) for t in top]
        print(f"\n{corpus}: {len(rows)} entity rows; alias evidence {alias_s:.2f} s in total over all nights")
        if args.list:
            for i, r in enumerate(top, 1):
                print(f"  {i:3d} {r['entity_key']:<44} {r['label']:<8} {r['name']!r:<34} {r['mentions']:>5} {r['articles']:>4}")
        judge(corpus, top, judgements)


if __name__ == "__main__":
    main()
