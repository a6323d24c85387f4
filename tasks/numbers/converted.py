"""A bare figure before its conversion in brackets (``fined 900,000 ($10,400)``) is money in the local currency.

Foreign news gives a local amount and its dollar or euro value in brackets;
the figure before the bracket is the same sum, so it is money too, in the
currency the article names: one it already wrote an amount in, else the one
currency word it uses (``the rupee loan``). With neither it stays a bare
figure: a country alone (``in Malawi``) is not taken to name its currency,
as a guess is worse than leaving it unnamed (and lost a NewsQuant B item).
"""
from __future__ import annotations

import re

from spacy.tokens import Doc

from tasks.numbers import currencies
from tasks.numbers.lexicon import Kind

#: Between the figure and the converted amount: an opening bracket and at most one qualifying word.
_OPENING = re.compile(r"\s*\(\s*(?:[A-Za-z]+\.?\s+)?")

#: Sub-units and words that say nothing of which currency is meant.
_NO_LOCAL = frozenset({"cent", "penny"})


def local_currencies(doc: Doc, rows: list[dict]) -> None:
    """Give each bare figure followed by a bracketed amount of money the local currency, where the article names one."""
    for i, (row, converted) in enumerate(zip(rows, rows[1:])):
        if row["kind"] != Kind.CARDINAL or row["unit"] is not None or row["noun"] is not None or row["upper"] is not None \
                or converted["kind"] != Kind.MONEY or converted["sentence"] != row["sentence"]:
            continue
        if not _OPENING.fullmatch(doc.text[row["end"]:converted["start"]]) or not _closes(doc.text, converted["end"]):
            continue
        foreign = _base(converted["unit"])
        local = _named_before(rows[:i], foreign) or _word_in(doc, foreign)
        if local is not None:
            row["unit"], row["kind"] = local, Kind.MONEY.value


def _base(unit: str) -> str:
    return unit.partition(" per ")[0]


def _closes(text: str, k: int) -> bool:
    """Whether the bracket closes after the converted amount before another opens."""
    close, reopen = text.find(")", k), text.find("(", k)
    return close >= 0 and (reopen < 0 or close < reopen)


def _named_before(before: list[dict], foreign: str) -> str | None:
    """The currency of the last amount of money before the figure, if it is another than the bracket's."""
    for o in reversed(before):
        if o["kind"] == Kind.MONEY and (base := _base(o["unit"])) not in _NO_LOCAL:
            return base if base != foreign else None
    return None


def _word_in(doc: Doc, foreign: str) -> str | None:
    """A currency the article names by a noun of its own (``the rupee loan``, ``in yen terms``), if only one."""
    named = {name for t in doc if t.pos_ in ("NOUN", "PROPN") and t.is_alpha
             and (name := currencies.currency_word(t.text)) is not None and name not in _NO_LOCAL}
    named.discard(foreign)
    return next(iter(named)) if len(named) == 1 else None

