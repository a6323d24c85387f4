"""Parsing a batch once and sharing the Docs between the entity and number tasks.

The two extraction tasks are separate Prefect tasks (separately visible,
retried and timed), but parsing is 90 % of the cost, so each batch is parsed
once. Where the Docs are extracted from depends on the cores (see
``flows.runners.extract_in_flow``): in the worker that parsed them, from
memory, or in a flow process with a core of its own, from a ``DocBin`` the
parse leaves on disk next to the run's staging files. Only a path crosses
the process boundary then: a ``DocBin`` is a small fraction of a pickled
``Doc`` (which drags its whole vocabulary along).
"""
from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from spacy.tokens import Doc, DocBin

from tasks.nlp import load_model

# Enough texts per nlp.pipe call to keep spaCy's batched matrix work efficient.
PIPE_BATCH = 64


@dataclass(frozen=True)
class ParsedBatch:
    """A parsed batch: which articles, how many words, and either where its Docs are
    on disk or (``extracted``, by table) what was already extracted from them."""

    batch: int
    path: str | None
    article_ids: tuple[str, ...]
    words: int
    model: str
    extracted: dict[str, Any] = field(default_factory=dict)


def parse_docs(
    texts: Sequence[str], article_ids: Sequence[str], batch: int, model: str | None = None
) -> tuple[list[Doc], ParsedBatch]:
    nlp = load_model(model)
    docs = list(nlp.pipe(texts, batch_size=PIPE_BATCH))
    words = sum(len(t.split()) for t in texts)
    return docs, ParsedBatch(batch, None, tuple(article_ids), words, nlp.meta.get("name", ""))


def parse_texts(
    texts: Sequence[str], article_ids: Sequence[str], path: Path, batch: int, model: str | None = None
) -> ParsedBatch:
    """Parse, and leave the Docs at ``path`` for extraction in another process."""
    docs, parsed = parse_docs(texts, article_ids, batch, model)
    save_docs(docs, path)
    return replace(parsed, path=str(path))


def save_docs(docs: Sequence[Doc], path: Path) -> None:
    """Written under a temporary name and renamed, so a reader never sees half a file."""
    out = DocBin(store_user_data=False)
    for doc in docs:
        out.add(doc)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_bytes(out.to_bytes())
    os.replace(tmp, path)


def load_docs(parsed: ParsedBatch, model: str | None = None) -> list[Doc]:
    nlp = load_model(model)
    return list(DocBin().from_disk(parsed.path).get_docs(nlp.vocab))
