"""The records that pass between stages.

Stages hand each other plain dataclasses (cheap to pickle for a Dask worker,
easy to build in a test) rather than dicts whose keys drift apart.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date


@dataclass
class RawRecord:
    """One article as ingest found it, before any cleaning.

    ``source`` is stable across runs (path, plus ``#L3`` for a JSONL line or
    ``#r5`` for a WARC/JSON record) so a rerun can tell what it has seen.
    """

    source: str
    path: str
    fmt: str  # "txt" | "html" | "json" | "jsonl" | "warc"
    data: bytes | str  # bytes straight from disk, or a str field from JSON
    is_html: bool = False
    title: str | None = None
    url: str | None = None
    published: str | None = None  # as the source wrote it; normalise parses it
    author: str | None = None


@dataclass
class Reject:
    """Input that could not become an article, and why.

    ``reason`` is a short, groupable code (``empty``, ``binary``,
    ``invalid_json``, ``language:de``, ``duplicate:exact`` ...); ``detail`` is
    free text for a human.
    """

    source: str
    reason: str
    detail: str = ""
    article_id: str | None = None


@dataclass
class Article:
    """A normalised article: clean text plus the metadata the tables keep."""

    article_id: str
    source: str
    text: str
    fmt: str
    encoding: str = "utf-8"
    title: str | None = None
    url: str | None = None
    published: date | None = None
    author: str | None = None
    language: str | None = None
    duplicate_of: str | None = None
    extras: dict = field(default_factory=dict)

    @property
    def n_words(self) -> int:
        return len(self.text.split())
