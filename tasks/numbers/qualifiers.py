"""The words that qualify a number: bounds and approximations (``more than``, ``about``, ``or more``).

Apart from :mod:`extend` because they are read on both sides of a number and
by the bound pair (``more than 10 and less than 20``), and only decide the
qualifier, never the value.
"""
from __future__ import annotations

from spacy.tokens import Doc

from tasks.numbers import tokens
from tasks.numbers.lexicon import QUAL_MAX, QUALIFIERS, RIGHT_QUALIFIERS, SYMBOLS


def left(doc: Doc, start: int, floor: int) -> tuple[str | None, int]:
    """The bound/approximation words just before ``start`` and where they begin."""
    while start > floor and doc[start - 1].is_space:
        start -= 1
    for n in range(min(QUAL_MAX, start - floor), 0, -1):
        key = tuple(t.lower_ for t in doc[start - n:start])
        if key in QUALIFIERS and not (key[0] in SYMBOLS and start - n > floor and doc[start - n - 1].text[-1:] in "<>="
                                      and not doc[start - n - 1].whitespace_):
            # ``just under`` / ``well over`` keep the longer match.
            return QUALIFIERS[key], start - n
    return None, start


def right(doc: Doc, end: int, sent_end: int) -> tuple[str | None, int]:
    """The bound words just after a number (``or more``, ``and above``) and where they end; not before ``than``."""
    for n in (2, 1):
        if end + n <= sent_end:
            key = tuple(t.lower_ for t in doc[end:end + n])
            if key in RIGHT_QUALIFIERS and not (end + n + 1 < sent_end and doc[end + n].lower_ in ("than", "then")
                                                and tokens.can_start(doc[end + n + 1])):
                return RIGHT_QUALIFIERS[key], end + n
    return None, end


def at(doc: Doc, k: int, end: int) -> tuple[str | None, int]:
    """The qualifier that starts at ``k`` and where it ends (``less than or equal to 40``)."""
    for n in range(min(QUAL_MAX, end - k), 0, -1):
        key = tuple(t.lower_ for t in doc[k:k + n])
        if key in QUALIFIERS:
            return QUALIFIERS[key], k + n
    return None, k
