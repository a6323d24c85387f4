"""Which spaCy components run over which text: the parse modes.

Kept apart from ``tasks.parse`` (which imports spaCy) so the CLI can offer the
modes without paying spaCy's import.
"""
from __future__ import annotations

from enum import Enum


class ParseMode(str, Enum):
    """How much of the pipeline each sentence gets.

    ``full``: every component over all text. ``numbers``: NER (with its own
    tok2vec) and the cheap ``senter`` over all text; tagger, parser, attribute
    ruler and lemmatizer only over sentences that may hold a number, which is all
    the number task reads them for. The entity task reads only NER and sentence
    starts, so the rest of the text skips about half the parse's cost.
    """

    full = "full"
    numbers = "numbers"


DEFAULT_PARSE = ParseMode.full
# The components a selective parse runs over all text, and over number sentences only.
EVERYWHERE = ("senter", "ner")
NUMBER_SENTENCES = ("tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer")
