"""Which tokens form a number and what value they carry, before any unit, range or context.

Reading a written form is :mod:`tasks.numbers.numwords`' job; this module
walks tokens (digit groups, spelled-out numbers, glued scales and currencies)
and runs only on tokens that can start a number, so it stays cheap.
"""
from __future__ import annotations

from spacy.tokens import Doc

from tasks.numbers import currencies, digits, numwords, tokens, units
from tasks.numbers.lexicon import (
    VAGUE_SCALES,
    PAIR_WORDS,
    Kind,
    COMPOUND_WORDS,
    ARTICLES,
    SPACED_SCALE_TOKENS,
)


def read_number(doc: Doc, i: int, end: int) -> tokens.Reading | None:
    """Read the number that starts at token ``i`` (before any range or unit to its right)."""
    if "d" in doc[i].shape_ or doc[i].text in numwords.VULGAR:
        return digits.read_digits(doc, i, end)
    return read_words(doc, i, end)


def read_words(doc: Doc, i: int, end: int) -> tokens.Reading | None:
    """A number written with words (``twenty-one thousand``, ``a fifth``, ``millions of``) or an ordinal."""
    tok = doc[i]
    low = tok.lower_
    if low.endswith("fold"):
        value = numwords.parse_number(low[:-4].rstrip("-")) if len(low) > 4 else None
        return None if value is None else tokens.Reading(i, i + 1, value, unit=units.MULTIPLIER)  # ``sixfold``
    if low in VAGUE_SCALES:
        return vague_scale(doc, i, end)
    if low in PAIR_WORDS:
        return couple(doc, i, end)
    if low in COMPOUND_WORDS:
        rank = numwords.parse_ordinal(low)
        if rank is not None:
            return tokens.Reading(i, i + 1, float(rank), ordinal=True)
        value = numwords.parse_number(low)
        return None if value is None else tokens.Reading(i, i + 1, value)
    if low in numwords.ORDINALS and not (low == "second" and i + 1 < end and doc[i + 1].lower_ in ("half",)):
        if low in ("second", "seconds") and i > 0 and tokens.is_word_number(doc[i - 1]):
            return None
        if low in numwords.DENOMINATORS and i > 0 and doc[i - 1].lower_ in ARTICLES and tokens.fraction_context(doc, i, end):
            return tokens.Reading(i - 1, fraction_of_measure(doc, i + 1, end), 1 / numwords.DENOMINATORS[low])  # ``a fifth of``
        return tokens.Reading(i, i + 1, float(numwords.ORDINALS[low]), ordinal=True)
    j = tokens.grow_words(doc, i, end)
    start = i
    if i > 0 and doc[i - 1].lower_ in ARTICLES and (low in ("dozen", "hundred", "thousand", "half", "quarter", "million", "billion")
                                                       or low in numwords.DENOMINATORS and tokens.fraction_context(doc, i, end)):
        start = i - 1
    if start > 0 and doc[start - 1].lower_ in numwords.NEGATORS:
        start = start - 1
    if (k := tokens.ordinal_after(doc, i, j, end)) is not None and (found := compound_ordinal(doc, i, j, k, start, end)):
        return found
    value, j = tokens.longest_parse(doc, start, i, j)
    if value is None:
        return None
    if (low in numwords.SCALES or low in numwords.MULTIPLIERS) and start == i and (
            low in numwords.MULTIPLIERS or i > 0 and not doc[i - 1].is_punct and not doc[i - 1].is_space):
        return None  # ``several hundred``, ``dozens of``: no numeral, no amount
    if low in ("half", "halves") and j == i + 1 and (
            (i > 0 and doc[i - 1].tag_ in ("DT", "JJ") and start == i) or (j < end and doc[j].text == "-")):
        return None  # ``this half``, ``half-staff``
    if low == "one" and j == i + 1 and i > 0 and doc[i - 1].tag_ in ("DT", "WDT") and tok.dep_ != "nummod":
        return None  # ``the one you mentioned``, ``which one``: a pronoun
    if 0 < value < 1 and j + 2 < end and doc[j].lower_ == "of" and doc[j + 1].lower_ in ARTICLES \
            and doc[j + 2].lower_ in numwords.SCALES:
        value *= numwords.SCALES[doc[j + 2].lower_]  # ``two thirds of a million``
        j += 3
    if value == 0.5 and (whole := unit_and_a_half(doc, start)) is not None:
        return tokens.Reading(start - 3, j, 1.5, None, False, whole)  # ``an hour and a half``
    if 0 < value < 1:
        j = fraction_of_measure(doc, j, end)
    scale = 1.0
    for t in doc[i:j]:
        scale *= numwords.SCALES.get(t.lower_, 1.0)
    if j < end and doc[j].text in SPACED_SCALE_TOKENS:
        scale *= numwords.SCALE_ABBREV[doc[j].lower_]  # ``five mln dlrs``: wire copy abbreviates the scale
        value *= numwords.SCALE_ABBREV[doc[j].lower_]
        j += 1
    return tokens.Reading(start, j, value, scale=scale)


def compound_ordinal(doc: Doc, i: int, j: int, k: int, start: int, end: int) -> tokens.Reading | None:
    """``twenty-fifth`` as a rank, ``a twenty-first`` and ``one twenty-fifth`` as fractions."""
    low = doc[i].lower_
    if j == i + 1 and low in numwords.TENS and i > 0 and doc[i - 1].lower_ in ARTICLES and tokens.fraction_context(doc, k - 1, end):
        rank = numwords.parse_ordinal(doc[i:k].text)
        if rank:
            return tokens.Reading(i - 1, k, 1 / rank)  # ``a twenty-first``
    if low == "one" and j == i + 2 and doc[i + 1].lower_ in numwords.TENS:
        frac = numwords.parse_number(doc[start:k].text)
        if frac is not None:
            return tokens.Reading(start, k, frac)  # ``one twenty-fifth`` is 1/25
    rank = numwords.parse_ordinal(doc[start:k].text)
    if rank is not None:
        return tokens.Reading(start, k, float(rank), ordinal=True)
    return None


def vague_scale(doc: Doc, i: int, end: int) -> tokens.Reading | None:
    """``millions of``, ``hundreds of millions of``, ``tens of thousands``: from the scale to ten times it.

    The scales multiply (hundreds of millions is 1e8 to 1e9); reading only
    the first would put the amount orders of magnitude low.
    """
    if i > 0 and (tokens.is_word_number(doc[i - 1]) or doc[i - 1].like_num):
        return None  # ``three millions``: a count, read elsewhere
    scale, j = VAGUE_SCALES[doc[i].lower_], i + 1
    while j + 1 < end and doc[j].lower_ == "of" and doc[j + 1].lower_ in numwords.PLURAL_SCALES:
        scale *= numwords.PLURAL_SCALES[doc[j + 1].lower_]
        j += 2
    if j == i + 1 and (doc[i].lower_ == "tens" or j >= end or doc[j].lower_ not in ("of", "more")):
        return None  # ``tens`` alone, ``millions`` with nothing counted; ``thousands more fled`` counts
    r = tokens.Reading(i, j, scale, upper=scale * 10, scale=scale)
    if j + 1 < end and doc[j].lower_ == "of" and (cur := currencies.currency_word(doc[j + 1].text) or (
            "pound sterling" if doc[j + 1].lower_ in currencies.AMBIGUOUS_POUND else None)):
        r.unit, r.end = units.Unit(cur, Kind.MONEY), j + 2  # ``hundreds of millions of dollars`` is money
    return r


def couple(doc: Doc, i: int, end: int) -> tokens.Reading | None:
    """``a couple of days``: two of a plural noun; ``the couple`` (two people) and ``a couple`` alone count nothing."""
    if 0 < i and i + 2 < end and doc[i - 1].lower_ == "a" and doc[i + 1].lower_ == "of" and doc[i + 2].tag_ == "NNS":
        return tokens.Reading(i - 1, i + 2, 2.0)
    return None


def unit_and_a_half(doc: Doc, start: int) -> units.Unit | None:
    """The measure of ``an hour and a half``, ``a mile and a half`` when ``a half`` starts at ``start``."""
    if start - 3 < doc[start].sent.start or doc[start].lower_ not in ARTICLES or doc[start - 1].lower_ != "and" \
            or doc[start - 3].lower_ not in ARTICLES:
        return None
    found = units.lookup(doc[start - 2].text)
    return found if found is not None and found.kind in (Kind.DURATION, Kind.QUANTITY) else None


def fraction_of_measure(doc: Doc, j: int, end: int) -> int:
    """Where a fraction ends that takes the measure after its article: ``half an hour``, ``a third of a mile``,
    ``a quarter of a percentage point`` (the unit is then read as for any number); else ``j``."""
    k = j + (j < end and doc[j].lower_ == "of")
    if k + 1 < end and doc[k].lower_ in ARTICLES and (k > j or doc[j - 1].lower_ in ("half", "quarter", "quarters")) \
            and _measure(doc[k + 1:min(end, k + 3)]):
        return k + 1
    return j


def _measure(words) -> bool:
    """Whether a duration or measure starts at ``words`` (one word, or two: ``percentage point``)."""
    return any((u := units.lookup(words[:n].text)) is not None and u.kind in (Kind.DURATION, Kind.QUANTITY, Kind.PERCENT)
               for n in (2, 1) if len(words) >= n)
