"""Walking tokens: the reading a number becomes, the gate every token passes, spelled-out spans.

Shared by :mod:`read` and :mod:`digits`, so neither has to import the other.
"""
from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Token

from tasks.numbers import numwords, units
from tasks.numbers.lexicon import (
    VAGUE_SCALES,
    PAIR_WORDS,
    COMPOUND_WORDS,
    NUMBER_WORDS,
    ARTICLES,
    DASHES,
    GLUED_WORDS,
    GROUP_STARTS,
    ONES_UNDER_TEN,
    SCALE_ORDINALS,
    SCALE_WORDS,
)


@dataclass
class Reading:
    """A number as read so far; becomes one output row."""

    start: int  # token indices, end exclusive
    end: int
    value: float
    upper: float | None = None
    ordinal: bool = False
    unit: units.Unit | None = None
    hyphen: bool = False  # unit glued by a hyphen (``five-year``), an adjective
    scale: float = 1.0  # from a scale word (``million``): makes ``pounds`` money, spreads over ``1 to 2 thousand``
    qualifier: str | None = None  # from a word glued to the number (``sub-7``)


def is_word_number(tok: Token) -> bool:
    return tok.lower_ in NUMBER_WORDS


def can_start(tok: Token) -> bool:
    """Cheap gate run on every token; everything after it runs only on candidates."""
    return tok.like_num or "d" in tok.shape_ or is_word_number(tok) or tok.text in numwords.VULGAR \
        or tok.lower_ in numwords.ORDINALS or tok.lower_ in COMPOUND_WORDS \
        or tok.lower_ in VAGUE_SCALES or tok.lower_.endswith("fold") or tok.lower_ in PAIR_WORDS


def prev_word(doc: Doc, j: int, i: int) -> Token:
    """The last token before ``j`` (not before ``i``) that is not whitespace or a dash."""
    k = j - 1
    while k > i and (doc[k].is_space or doc[k].text in DASHES):
        k -= 1
    return doc[k]


def grow_words(doc: Doc, i: int, end: int) -> int:
    """End of a spelled-out number starting at ``i``: ``twenty - one thousand``, ``two and a half``.

    Whitespace tokens (``fifty   two``) are transparent; a spaced dash joins
    only what cannot be a range (``fifty - two``, ``five - eighths``).
    """
    j = i + 1
    while j < end:
        t = doc[j]
        low = t.lower_
        prev = prev_word(doc, j, i)
        plow = prev.lower_
        if t.is_space and j + 1 < end:
            j += 1
        elif low in ARTICLES and plow in ("half", "quarter") and j + 1 < end \
                and doc[next_word(doc, j + 1, end)].lower_ in SCALE_WORDS:
            j += 1  # ``half a dozen``
        elif is_word_number(t) or (low in numwords.DENOMINATORS and (low not in numwords.ORDINALS or plow in ("one", "a"))) \
                or (low in numwords.DENOMINATORS and is_word_number(prev) and t.tag_ == "NNS") \
                or low in numwords.PLURAL_ORDINALS and plow in numwords.TENS \
                or (low in numwords.PLURAL_SCALES and is_word_number(prev)):
            j += 1
        elif (t.like_num or "d" in t.shape_ and numwords.parse_number(t.text) is not None) \
                and (plow == "point" or plow == "and" and j - 2 >= i and doc[j - 2].lower_ in numwords.SCALES
                     or plow in numwords.SCALES and prev.i > i and j + 1 < end
                     and 0 < numwords.SCALES.get(doc[j + 1].lower_, 0) < numwords.SCALES[plow]):
            j += 1  # ``1 point 1``, ``3 hundred and 21``, ``4 thousand 3 hundred``
        elif low in DASHES and j + 1 < end and is_word_number(prev) and (
                (not prev.whitespace_ and not t.whitespace_
                 and (is_word_number(doc[j + 1]) or doc[j + 1].lower_ in numwords.DENOMINATORS
                      or doc[j + 1].lower_ in numwords.PLURAL_ORDINALS))
                or (plow in numwords.TENS and doc[j + 1].lower_ in ONES_UNDER_TEN)
                or (plow in numwords.ONES and doc[j + 1].lower_ in numwords.DENOMINATORS
                    and (doc[j + 1].tag_ == "NNS" or plow == "one"))):
            j += 1
        elif low == "," and comma_continues(doc, j, end):
            j += 1  # ``three million, two hundred``: the comma groups the words as it groups digits
        elif low in ("and", "&") and (n1 := next_word(doc, j + 1, end)) < end and is_word_number(prev) and plow != "point" and (
                ((is_word_number(doc[n1]) or doc[n1].like_num) and plow in numwords.SCALES
                 and not (n1 + 1 < end and numwords.SCALES.get(doc[n1 + 1].lower_, 0) >= numwords.SCALES[plow]
                          and not open_hundred(doc, i, j, n1 + 1)))
                or (doc[n1].lower_ in ARTICLES and n1 + 1 < end and doc[n1 + 1].lower_ in numwords.DENOMINATORS
                    and doc[n1 + 1].lower_ not in ("second",))
                or (is_word_number(doc[n1]) and any(
                    doc[k].lower_ in numwords.DENOMINATORS for k in range(n1 + 1, min(n1 + 4, end))))):
            j = n1 + 1 if doc[n1].lower_ not in ARTICLES else n1 + 2
        else:
            break
    while j > i + 1 and (doc[j - 1].lower_ in ("and", "&", ",", "point") or doc[j - 1].text in DASHES or doc[j - 1].is_space):
        j -= 1
    return j


def open_hundred(doc: Doc, i: int, j: int, k: int) -> bool:
    """``two hundred and fifty thousand``: the hundreds are a group the larger scale at ``k`` multiplies.

    Only when the word before ``and`` is ``hundred`` and no scale as large as
    the one at ``k`` (and larger than a hundred) came earlier in the number: ``one million two hundred and fifty
    thousand`` is one number, ``two thousand three hundred and five thousand`` two.
    """
    scale = numwords.SCALES.get(doc[k].lower_, 0)
    return doc[j - 1].lower_ == "hundred" and scale > 100 \
        and not any(100 < numwords.SCALES.get(doc[m].lower_, 0) <= scale for m in range(i, j))


def comma_continues(doc: Doc, j: int, end: int) -> bool:
    """Whether the comma at ``j`` sits inside a spelled-out number: ``five million, three hundred & sixty``.

    It must follow a scale of a thousand or more with no space before it, and
    the words after it must form a group with a smaller scale of their own;
    ``three million, two more`` and ``two thousand, three million`` are lists.
    """
    prev = doc[j - 1]
    scale = numwords.SCALES.get(prev.lower_, 0)
    if scale < 1e3 or prev.whitespace_ or j + 1 >= end or doc[j + 1].lower_ not in GROUP_STARTS:
        return False
    k, inner = j + 1, 0.0
    while k < end and (is_word_number(doc[k]) or doc[k].lower_ in ("and", "&") or doc[k].text in DASHES):
        inner = max(inner, numwords.SCALES.get(doc[k].lower_, 0))
        k += 1
    return 0 < inner < scale


def ordinal_after(doc: Doc, i: int, j: int, end: int) -> int | None:
    """End of a compound ordinal whose head was grown as a cardinal: ``twenty-fifth``, ``two hundredth``."""
    k = j
    if k < end and (doc[k].is_space or doc[k].text in DASHES) and not doc[k - 1].whitespace_:
        k += 1
    if k >= end:
        return None
    low = doc[k].lower_
    last = doc[j - 1].lower_
    if low not in numwords.ORDINALS:
        return None
    if (last in numwords.TENS and numwords.ORDINALS[low] < 10) or (low in SCALE_ORDINALS and last in NUMBER_WORDS):
        return k + 1
    return None


def glued_word(text: str, prefix: str) -> str | None:
    """The qualifier of a word hyphenated onto a number (``sub-7 nanometer``, ``his then-16-year-old son``).

    Only lower-case words from :data:`GLUED_WORDS`: letters before a hyphen
    are otherwise an identifier (``COVID-19``, ``F-16``, ``MiG-29``).
    """
    if prefix not in GLUED_WORDS or not text.startswith(prefix + "-"):
        return None
    return GLUED_WORDS[prefix]


def longest_parse(doc: Doc, start: int, i: int, j: int) -> tuple[float | None, int]:
    """The value of ``doc[start:j]``, else of its longest prefix that reads (``one two`` gives ``one``)."""
    while j > i:
        value = numwords.parse_number(doc[start:j].text)
        if value is not None:
            return value, j
        j -= 1
        while j > i + 1 and (doc[j - 1].is_space or doc[j - 1].lower_ in ("and", "&", ",", "point") or doc[j - 1].text in DASHES):
            j -= 1
    return None, j


def next_word(doc: Doc, j: int, end: int) -> int:
    """Index of the first token at or after ``j`` that is not whitespace (``end`` if none)."""
    while j < end and doc[j].is_space:
        j += 1
    return j


def fraction_context(doc: Doc, i: int, end: int) -> bool:
    """``a fifth of``, ``a hundredth.``: an article and an ordinal that name a share, not a rank."""
    k = next_word(doc, i + 1, end)
    return k >= end or doc[k].lower_ == "of" or (doc[k].is_punct and doc[k].text not in DASHES)
