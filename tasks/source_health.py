"""Source health: did a publisher's output collapse tonight?

What users of news extractors ask for most: a site changes its layout and the
extractor quietly returns nothing, or only rejects. The comparison lives in
one place, the named query ``sql/queries/source_health.sql`` (so ``newsflow
query source_health`` and the nightly summary say the same thing); this
module picks one night out of it and renders it for the summary.
"""
from __future__ import annotations

from datetime import date

from tasks.catalog import query_sql, run_sql
from tasks.lake import Lake

QUERY = "source_health"


def health_rows(lake: Lake, night: date) -> list[dict]:
    """Each source of ``night`` (and each that fell silent on it), flagged ones first."""
    body = query_sql(QUERY).strip().rstrip(";")
    columns, rows = run_sql(lake, f"SELECT * FROM ({body}) WHERE covers = DATE '{night.isoformat()}'")
    return [dict(zip(columns, r)) for r in rows]


def flagged(rows: list[dict]) -> list[dict]:
    return [r for r in rows if r["flag"]]


def health_markdown(lake: Lake, night: date, limit: int = 20) -> str:
    """The summary's "Source health" section: flags first, then the table."""
    rows = health_rows(lake, night)
    if not rows:
        return ""
    bad = flagged(rows)
    lines = ["## Source health\n"]
    if bad:
        lines += [f"- **{r['source']}**: {r['flag']} ({r['articles']} articles, {r['rejects']} rejects "
                  f"tonight; trailing average {r['trailing_articles']} and {r['trailing_rejects']})" for r in bad]
    elif not any(r["trailing_nights"] for r in rows):
        lines.append(f"No earlier nights in the last 7 to compare with yet ({len(rows)} sources).")
    else:
        lines.append(f"No source fell by half or doubled its rejects against the trailing 7 nights "
                     f"({len(rows)} sources).")
    header = ["source", "articles", "rejects", "by reason", "median words", "7-night avg articles",
              "7-night avg rejects", "flag"]
    keys = ["source", "articles", "rejects", "rejects_by_reason", "median_words", "trailing_articles",
            "trailing_rejects", "flag"]
    lines += ["", "| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join("" if r[k] is None else str(r[k]) for k in keys) + " |" for r in rows[:limit]]
    if len(rows) > limit:
        lines.append(f"\n{len(rows) - limit} more: `newsflow query source_health`.")
    return "\n".join(lines) + "\n\n"
