"""Which spaCy components run over which text: the parse modes.

Kept apart from ``tasks.parse`` (which imports spaCy) so the CLI can offer the
modes without paying spaCy's import.
"""
from __future__ import annotations

from enum import Enum


class ParseMode(str, Enum):
    """How much of the pipeline each sentence gets.

    ``full``: every component over all text. ``numbers``: NER (with its own
    tok2vec) and rule-based sentences over all text; tagger, parser, attribute
    ruler and lemmatizer only over sentences that may hold a number, which is all
    the number task reads them for. The entity task reads only NER and sentence
    starts, so the rest of the text skips about half the parse's cost.
    """

    full = "full"
    numbers = "numbers"


# Selective by default: entity rows are the same in both modes (label, offsets, names) and
# number rows nearly so, for less of the parse's CPU. ``sentence`` indexes move where the
# rule-based sentences (tasks.parse.cut_sentences) differ from the parser's.
DEFAULT_PARSE = ParseMode.numbers
# The components a selective parse runs over all text, and over number sentences only.
EVERYWHERE = ("ner",)
NUMBER_SENTENCES = ("tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer")
