"""Parsing a batch once and sharing the Docs between the entity and number tasks.

The two extraction tasks are separate Prefect tasks (separately visible,
retried and timed), but parsing is 90 % of the cost, so each batch is parsed
once. The Docs go to disk as a ``DocBin`` next to the run's staging files and
the tasks read them back: a path is all that crosses a process or a Dask
worker boundary, and a ``DocBin`` is a small fraction of a pickled ``Doc``
(which drags its whole vocabulary along).
"""
from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from spacy.tokens import Doc, DocBin

from tasks.nlp import load_model

# Enough texts per nlp.pipe call to keep spaCy's batched matrix work efficient.
PIPE_BATCH = 64


@dataclass(frozen=True)
class ParsedBatch:
    """A parsed batch on disk: which articles, where, and how many words."""

    batch: int
    path: str
    article_ids: tuple[str, ...]
    words: int
    model: str


def parse_texts(
    texts: Sequence[str], article_ids: Sequence[str], path: Path, batch: int, model: str | None = None
) -> ParsedBatch:
    nlp = load_model(model)
    docs = DocBin(store_user_data=False)
    for doc in nlp.pipe(texts, batch_size=PIPE_BATCH):
        docs.add(doc)
    words = sum(len(t.split()) for t in texts)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_bytes(docs.to_bytes())
    os.replace(tmp, path)
    return ParsedBatch(batch, str(path), tuple(article_ids), words, nlp.meta.get("name", ""))


def load_docs(parsed: ParsedBatch, model: str | None = None) -> list[Doc]:
    nlp = load_model(model)
    return list(DocBin().from_disk(parsed.path).get_docs(nlp.vocab))
