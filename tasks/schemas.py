"""One Arrow schema per table, declared once.

Every writer builds its tables from these, and the DuckDB views read the
files they produce, so a column added here is a column users can query.
"""
from __future__ import annotations

import pyarrow as pa

_STR = pa.string()
_I32 = pa.int32()
_F64 = pa.float64()
_TS = pa.timestamp("us", tz="UTC")

ARTICLES = pa.schema(
    [
        ("article_id", _STR),
        ("run_id", _STR),
        ("source", _STR),
        ("format", _STR),
        ("encoding", _STR),
        ("language", _STR),
        ("url", _STR),
        ("title", _STR),
        ("author", _STR),
        ("published", pa.date32()),
        ("duplicate_of", _STR),
        ("n_words", _I32),
        ("text", _STR),
        # Where and when the story was filed, from a "WASHINGTON, March 3 -"
        # opening (tasks.dateline): the reporting place, not the story's.
        ("dateline", _STR),
        ("dateline_country", _STR),
        ("dateline_date", pa.date32()),
    ]
)

ENTITIES = pa.schema(
    [
        ("article_id", _STR),
        ("run_id", _STR),
        ("sentence", _I32),
        ("start", _I32),
        ("end", _I32),
        ("text", _STR),
        ("label", _STR),
        ("canonical", _STR),
        ("entity_key", _STR),
        # ISO code of a known place, or of the country a nationality names.
        ("country", _STR),
        # A group's job for the person named next ("leader PERSON:anne marlow"
        # of "Tory leader Anne Marlow"), else null: evidence for tasks.aliases.
        ("role", _STR),
    ]
)

# Links from one entity key to another that the articles themselves prove
# (tasks.aliases): "ORG:api" is "ORG:american petroleum institute" because an
# article wrote both. Each run adds its evidence; the views count the votes.
# ``run_scoped`` links hold only for that run's rows (a bare surname is the
# one full name that owns it that night, not forever).
ENTITY_ALIASES = pa.schema(
    [
        ("run_id", _STR),
        ("from_key", _STR),
        ("to_key", _STR),
        ("kind", _STR),
        ("run_scoped", pa.bool_()),
        ("articles", _I32),
        ("mentions", _I32),
        ("example_article", _STR),
    ]
)

NUMBERS = pa.schema(
    [
        ("article_id", _STR),
        ("run_id", _STR),
        ("sentence", _I32),
        ("start", _I32),
        ("end", _I32),
        ("surface", _STR),
        ("value", _F64),
        ("lower", _F64),
        ("upper", _F64),
        ("kind", _STR),
        ("qualifier", _STR),
        ("unit", _STR),
        ("noun", _STR),
        ("verb", _STR),
        ("entity", _STR),
        ("entity_label", _STR),
        # GDELT GKG count type (tasks.numbers.counts.CountType) or null, and where the
        # event happened: the place's name and, where the gazetteer (tasks.places) knows
        # it, its kind (country, state, city, continent), ISO 3166-1 alpha-2 country,
        # coordinates (cities and continents) and GeoNames id.
        ("count_type", _STR),
        ("place", _STR),
        ("place_kind", _STR),
        ("country", _STR),
        ("lat", _F64),
        ("lon", _F64),
        ("geonames_id", pa.int64()),
    ]
)

REJECTS = pa.schema(
    [
        ("run_id", _STR),
        ("source", _STR),
        ("reason", _STR),
        ("detail", _STR),
        ("article_id", _STR),
    ]
)

# One item per stage a run went through (tasks/stagenames.py), in pipeline order:
# articles in and out, rejects, busy seconds and their share of the run's wall time
# (stages in worker processes overlap, so shares can add up to more than 1), and the
# rows of each extracted table the stage produced.
STAGE = pa.struct(
    [
        ("stage", _STR),
        ("n_in", _I32),
        ("n_out", _I32),
        ("rejected", _I32),
        ("seconds", _F64),
        ("share", _F64),
        ("words", pa.int64()),
        ("entities", _I32),
        ("numbers", _I32),
        ("rejects", _I32),
    ]
)

RUNS = pa.schema(
    [
        ("run_id", _STR),
        ("flow_run_id", _STR),
        ("covers", pa.date32()),
        ("started_at", _TS),
        ("finished_at", _TS),
        ("status", _STR),
        ("source", _STR),
        ("model", _STR),
        # What made the run's entity and number rows (tasks.version): package version,
        # extractor hash, model; NULL in runs written before it was recorded.
        ("extractor_version", _STR),
        ("task_runner", _STR),
        ("files", _I32),
        ("read", _I32),
        ("written", _I32),
        ("rejected", _I32),
        ("duplicates", _I32),
        ("entities", _I32),
        ("numbers", _I32),
        ("words", pa.int64()),
        ("seconds", _F64),
        ("supersedes", pa.list_(_STR)),
        ("error", _STR),
        ("stages", pa.list_(STAGE)),
    ]
)

# Bookkeeping tables the views do not expose as user tables: which input
# files a run consumed (so the next run reads only new ones) and the MinHash
# signatures that find tomorrow's copy of yesterday's story.
FILES = pa.schema(
    [
        ("run_id", _STR),
        ("path", _STR),
        ("size", pa.int64()),
        ("mtime_ns", pa.int64()),
        ("records", _I32),
    ]
)

SIGNATURES = pa.schema(
    [
        ("article_id", _STR),
        ("run_id", _STR),
        ("minhash", pa.list_(pa.uint32())),
    ]
)

TABLES: dict[str, pa.Schema] = {
    "articles": ARTICLES,
    "entities": ENTITIES,
    "numbers": NUMBERS,
    "entity_aliases": ENTITY_ALIASES,
    "rejects": REJECTS,
    "runs": RUNS,
    "files": FILES,
    "signatures": SIGNATURES,
}


def empty(name: str) -> pa.Table:
    return TABLES[name].empty_table()


def from_rows(name: str, rows: list[dict]) -> pa.Table:
    """Build a table from dict rows; missing keys become nulls, extra keys are an error."""
    schema = TABLES[name]
    cols = {f.name: [r.get(f.name) for r in rows] for f in schema}
    extra = set().union(*(r.keys() for r in rows)) - set(schema.names) if rows else set()
    if extra:
        raise KeyError(f"{name}: unknown columns {sorted(extra)}")
    return pa.Table.from_pydict(cols, schema=schema)
