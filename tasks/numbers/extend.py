"""Grow a reading across its neighbours: range, margin, bound pair, share, exchange rate; then its unit.

Each step only extends the span and fills the reading; whether the result is
an amount at all is :mod:`tasks.numbers.judge`'s call. The unit and currency
steps live in :mod:`tasks.numbers.attach`.
"""
from __future__ import annotations

import re
from typing import NamedTuple

from spacy.tokens import Doc

from tasks.numbers import currencies, judge, numwords, qualifiers, read, tokens, units
from tasks.numbers.attach import (
    currency_before,
    per_unit,
    temperature_scale,
    unit_after,
    unit_before_or,
    unit_from_alternative,
)
from tasks.numbers.lexicon import (
    Kind,
    ARTICLES,
    BOUNDS,
    DASHES,
    DECREASE,
    INCREASE,
    RANGE_LINKS,
)


def range_after(doc: Doc, r: tokens.Reading, end: int, between: bool) -> tokens.Reading | None:
    """The upper end of ``5 to 10``, ``5-10``, ``between 5 and 10``, ``$5 to $10``."""
    j = r.end
    if j + 1 >= end or r.upper is not None or (r.ordinal and not between):
        return None
    link = doc[j].lower_
    k = j + 1
    if between and link == "up" and doc[k].lower_ == "to" and k + 1 < end:
        link, k = "to", k + 1  # ``from 450 sq ft up to 900 sq ft``
    elif link in DASHES and not doc[j - 1].whitespace_ and doc[k].lower_ == "to" and k + 1 < end:
        link, k = "to", k + 1  # ``8- to 16-meter``: a suspended hyphen
    if not (link in RANGE_LINKS or (between and link == "and")):
        return None
    if r.ordinal and doc[k].lower_ == "the" and k + 1 < end:
        k += 1  # ``between the third and the ninth``
    prefixed = symbol_first(doc, r)
    if link == "-" and (r.unit is not None and not prefixed or (doc[j - 1].whitespace_ != doc[j].whitespace_)):
        return None
    if link in DASHES and r.start > 0 and doc[r.start - 1].text in DASHES and not doc[r.start - 1].whitespace_:
        return None  # ``three-nought-four``: a chain of digits, not a range
    if link == "-" and not doc[j].whitespace_ and doc[j - 1].is_digit and doc[k].is_alpha and doc[k].is_title:
        return None  # ``7-Eleven``: digits glued to a capitalised number word make a name
    if r.unit is not None and not between and after_change(doc, r) and not (link in DASHES and not doc[j].whitespace_):
        return None  # ``by $12.7 billion to $305.9 billion``, ``rose 2.1 pct to 5.6 pct``: a change, then a level
    cur = currencies.currency_prefix(doc[k].text)
    if cur is not None and not doc[k].is_alpha:
        k += 1
    if k >= end or not tokens.can_start(doc[k]):
        return None
    other = read.read_number(doc, k, end)
    if other is None or other.ordinal != r.ordinal or other.upper is not None:
        return None
    if link == "-" and other.end + 1 < end and doc[other.end].text in ("-", "/") and not doc[other.end - 1].whitespace_ \
            and doc[other.end + 1].text[:1].isdigit():
        return None  # ``1-222-2222``: a phone number or code, not a range
    if other.unit is None:
        if cur:
            other.unit = units.Unit(cur, Kind.MONEY)
        else:
            unit_after(doc, other, end)
    if prefixed and not cur and not symbol_once(doc, r, other, end):
        return None
    if r.unit is not None and " per " in r.unit.name and other.unit is not None:
        per_unit(doc, other, end)
        if between and other.unit.name == r.unit.name.partition(" per ")[0]:
            other.unit = r.unit  # ``from $75 a barrel to $45.88``: the rate is written once, on the first end
    if r.unit is not None and other.unit is not None and r.unit.name != other.unit.name:
        return None
    if r.unit is not None and other.unit is None:
        return None  # ``0.7 percent to 6,327.80``: a change, then a level
    if r.unit is None and not between and other.value > 5 * r.value and after_change(doc, r):
        return None  # ``IBM rose 1/2 to 25-3/8``: no range spans that much after a change word
    if other.scale > 1 and r.scale == 1 and r.value * other.scale <= other.value:
        r.value *= other.scale  # ``$10 to $15 billion``, ``four to five thousand``
        r.scale = other.scale
    if link == "-" and (other.value <= r.value or (doc[r.start].shape_ == "ddd" and doc[k].shape_ == "dddd")):
        return None  # ``2-0`` is a score, ``555-1234`` a phone number
    return None if judge.year_then_amount(doc, r, other) else other


def symbol_once(doc: Doc, r: tokens.Reading, other: tokens.Reading, end: int) -> bool:
    """``$5-6 billion``, ``$20 to 30``, ``£40-50m``, ``€1.5-2bn``: a symbol written once, before both ends.

    The second end takes the first's currency, and its scale as written
    (a glued ``m`` is then a million, not metres; the lexer has already
    applied a glued ``bn``, so its scale is read back off the token).
    False when the second end is a count instead (``$5 to 20 charities``).
    """
    if other.unit is not None and other.unit.name == "metre" and doc[other.end - 1].lower_.rstrip(".") == "m" \
            and not doc[other.end - 2].whitespace_:
        other.value, other.scale, other.unit = other.value * 1e6, 1e6, None
    if other.unit is not None:
        return True
    if other.end < end and doc[other.end].pos_ in ("NOUN", "PROPN"):
        return False
    other.unit = r.unit
    if other.scale == 1 and r.scale == 1 and (m := re.search(r"\d([a-zA-Z]+)$", doc[other.end - 1].text)) \
            and m[1].lower() in numwords.SCALE_ABBREV:
        other.scale = numwords.SCALE_ABBREV[m[1].lower()]
    return True


def symbol_first(doc: Doc, r: tokens.Reading) -> bool:
    """Whether the reading is money whose symbol or code stands before its figure (``$5``, ``£40``, ``US$ 3``)."""
    return r.unit is not None and r.unit.kind == Kind.MONEY and not doc[r.start].is_digit \
        and not doc[r.start].text[:1].isdigit()


def after_change(doc: Doc, r: tokens.Reading) -> bool:
    """Whether a change word stands right before the number (``by``, ``rose``, ``up``): it may be the change's size."""
    prev = doc[r.start - 1] if r.start > 0 else None
    return prev is not None and (prev.lower_ == "by" or (
        prev.lemma_.lower() in INCREASE | DECREASE and prev.pos_ in ("VERB", "ADV", "ADP")))


def margin_after(doc: Doc, r: tokens.Reading, end: int) -> None:
    """``9.83e-3 +/- 1e-5``, ``45 ± 3``: a value and its margin give the range it lies in."""
    k = r.end
    if k + 1 >= end:
        return
    if doc[k].text in ("±", "+/-"):
        k += 1
    elif doc[k].text == "+" and doc[k + 1].text in ("/-", "-/") and not doc[k].whitespace_:
        k += 2
    else:
        return
    if k >= end or not tokens.can_start(doc[k]):
        return
    other = read.read_number(doc, k, end)
    if other is None or other.ordinal or other.upper is not None or other.value <= 0:
        return
    if other.unit is None:
        unit_after(doc, other, end)
    if r.unit is not None and other.unit is not None and r.unit.name != other.unit.name:
        return
    r.value, r.upper, r.end = r.value - other.value, r.value + other.value, other.end
    r.unit = r.unit or other.unit


def bound_pair(doc: Doc, r: tokens.Reading, qualifier: str, end: int) -> tokens.Reading | None:
    """``more than 10 and less than 20``, ``at most 100 and at least 20``: two opposite bounds make a range."""
    k = r.end
    if k < end and doc[k].text == ",":
        k += 1
    if k < end and doc[k].lower_ in ("and", "but"):
        k += 1
    if k == r.end or k >= end:
        return None
    second, k = qualifiers.at(doc, k, end)
    if k + 1 < end and doc[k].lower_ in ARTICLES and tokens.is_word_number(doc[k + 1]):
        k += 1  # ``below a half``
    if second is None or second == qualifier or second not in BOUNDS or k >= end or not tokens.can_start(doc[k]):
        return None
    other = read.read_number(doc, k, end)
    if other is None or other.ordinal or other.upper is not None:
        return None
    if other.unit is None:
        unit_after(doc, other, end)
    if (r.unit and other.unit and r.unit.name != other.unit.name) or (r.unit is None) != (other.unit is None):
        return None
    lower, upper = (r.value, other.value) if qualifier == "lower_bound" else (other.value, r.value)
    return other if lower < upper else None


def fraction_after(doc: Doc, r: tokens.Reading, end: int) -> None:
    """``one over three``, ``one out of three``, ``1 in 5``: a share written as two counts."""
    k = r.end
    if k + 1 >= end:
        return
    link = doc[k].lower_
    if link == "out" and doc[k + 1].lower_ == "of":
        k += 2
    elif link in ("over", "in") or link == "of" and tokens.can_start(doc[k + 1]) and doc[k + 1].lower_ not in ("one",):
        k += 1  # ``one of four mission concepts``: a share, as ``one in four`` is
    else:
        return
    if k >= end or not tokens.can_start(doc[k]) or doc[k].lower_ in numwords.ORDINALS:
        return
    other = read.read_number(doc, k, end)
    if other is None or other.unit is not None or other.ordinal or other.upper is not None or other.value <= 0:
        return
    after = doc[other.end] if other.end < end else None
    if link != "out" and after is not None and (units.lookup(after.text) is not None or after.lower_ in currencies.AMBIGUOUS_POUND
                                                  or currencies.currency_word(after.text) is not None):
        return  # ``2 over 3 days``, ``1 in 10 minutes``: a count, then a measure
    if link != "over" and other.value < r.value or link == "of" and (other.value == r.value or other.scale > 1
                                                                       or judge.year_shaped(doc[k], other.value)):
        return  # ``12 out of 10`` is not a share; ``one of 2019``, ``two of two million`` are no share either
    if link == "in" and (other.value == r.value or judge.year_shaped(doc[k], other.value)
                         or judge.is_season(doc, other)):
        return  # ``3 in 2019``, ``2.1 in 1985/86``
    r.value, r.end = r.value / other.value, other.end


class Grown(NamedTuple):
    """What growing a reading found besides its span: the qualifier, where it starts, a ``between`` before it."""

    qualifier: str | None
    q_start: int
    between: bool


def grow(doc: Doc, r: tokens.Reading, floor: int, end: int) -> Grown:
    """Grow a reading to its currency, unit, share, per-unit, margin, range or bound pair, in that order."""
    if r.unit is None:
        currency_before(doc, r, floor)
    if r.unit is None:
        unit_after(doc, r, end)
    if r.unit is None:
        unit_before_or(doc, r, floor)
    elif r.unit.name == "degree":
        temperature_scale(doc, r, end)
    elif r.upper is None and r.unit.kind in (Kind.DURATION, Kind.QUANTITY) and r.end + 2 < end \
            and [t.lower_ for t in doc[r.end:r.end + 3]] == ["and", "a", "half"] \
            and (r.end + 3 >= len(doc) or doc[r.end + 3].text not in DASHES):
        r.value, r.end = r.value + 0.5, r.end + 3  # ``two hours and a half``: the half is of the unit
    qualifier, q_start = qualifiers.left(doc, r.start, floor)
    if qualifier is None and r.start > floor and doc[r.start - 1].text in ("~", "≈"):
        qualifier, q_start = "approx", r.start - 1
    if qualifier is None and r.qualifier:
        qualifier = r.qualifier
    between = r.start > floor and doc[r.start - 1].lower_ in ("between", "from") \
        or (q_start > floor and doc[q_start - 1].lower_ in ("between", "from")) \
        or r.ordinal and r.start - 1 > floor and doc[r.start - 1].lower_ == "the" and doc[r.start - 2].lower_ == "between"
    if r.unit is None and not r.ordinal and r.upper is None:
        fraction_after(doc, r, end)
    if r.unit is not None and r.end < end and (doc[r.end].lower_ in ("per", "/") or between and doc[r.end].lower_ in ARTICLES):
        per_unit(doc, r, end)  # ``$350 per kg to $680 per kg``, ``from $75 a barrel to $46``: the rate first, then the range
    if r.upper is None and not r.ordinal:
        margin_after(doc, r, end)
    other = range_after(doc, r, end, between)
    if other is None and qualifier in BOUNDS and r.upper is None and not r.ordinal:
        other = bound_pair(doc, r, qualifier, end)
        if other is not None:
            qualifier = "exact"
    if other is not None:
        r.upper, r.end = other.value, other.end
        r.unit = r.unit or other.unit
        if r.upper < r.value:
            r.value, r.upper = r.upper, r.value
        if between and q_start == r.start and r.start > floor:
            q_start = r.start - 1
    per_unit(doc, r, end)
    if other is None and r.unit is None and r.upper is None and not r.ordinal:
        unit_from_alternative(doc, r, end)
    if r.unit is None and not r.ordinal and r.end < end and doc[r.end].lower_ in ("per", "against", "to", "a"):
        rate = currencies.exchange_rate([t.lower_ for t in doc[floor:r.start]], [t.lower_ for t in doc[r.end:min(end, r.end + 5)]])
        if rate is not None:
            r.unit, r.end = units.Unit(rate[0], Kind.MONEY), r.end + rate[1]
    return Grown(qualifier, q_start, between)
