"""Which tokens form a number and what value they carry, before any unit, range or context.

Reading a written form is :mod:`tasks.numbers.numwords`' job; this module
walks tokens (digit groups, spelled-out numbers, glued scales and currencies)
and runs only on tokens that can start a number, so it stays cheap.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from tasks.numbers import numwords, units
from tasks.numbers.lexicon import (
    LETTER_SCALES,
    VAGUE_SCALES,
    Kind,
    COMPOUND_WORDS,
    NUMBER_WORDS,
    ARTICLES,
    DASHES,
    GLUED_SCALE_TOKENS,
    GLUED_WORDS,
    GROUP_STARTS,
    GROUP_TAIL,
    ONES_UNDER_TEN,
    SCALE_ORDINALS,
    SCALE_WORDS,
    SPACED_SCALE_TOKENS,
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
        or tok.lower_ in VAGUE_SCALES or tok.lower_.endswith("fold")


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
                 and not (n1 + 1 < end and numwords.SCALES.get(doc[n1 + 1].lower_, 0) >= numwords.SCALES[plow]))
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


def comma_continues(doc: Doc, j: int, end: int) -> bool:
    """Whether the comma at ``j`` sits inside a spelled-out number: ``three million, two hundred & forty``.

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


def digit_groups(doc: Doc, i: int, end: int) -> tuple[str, int] | None:
    """``1 234 567`` and ``40\u202f000``: thousands groups separated by one (thin) space."""
    tok = doc[i]
    if not (tok.is_digit and len(tok.text) <= 3) or (i > 0 and doc[i - 1].like_num and doc[i - 1].whitespace_):
        return None
    text, j = tok.text, i + 1
    while j < end:
        sep = doc[j - 1].whitespace_
        k = j
        if not sep and doc[j].is_space and doc[j].text in ("\u202f", "\u2009", "\u00a0") and not doc[j].whitespace_:
            k = j + 1
        elif sep != " ":
            break
        if k < end and (doc[k].is_digit and len(doc[k].text) == 3 or GROUP_TAIL.match(doc[k].text)):
            text += doc[k].text
            j = k + 1
            if "." in doc[k].text:
                break
        else:
            break
    if j == i + 1 or (j < end and doc[j].is_digit and doc[j - 1].whitespace_):
        return None
    return text, j


def read_number(doc: Doc, i: int, end: int) -> Reading | None:
    """Read the number that starts at token ``i`` (before any range or unit to its right)."""
    if "d" in doc[i].shape_ or doc[i].text in numwords.VULGAR:
        return read_digits(doc, i, end)
    return read_words(doc, i, end)


def digit_text(doc: Doc, i: int, end: int) -> tuple[str, int]:
    """The text of a written number that the tokenizer split (``1 234 567``, ``1.3x10^6``) and where it ends."""
    tok = doc[i]
    text, j = tok.text, i + 1
    if (grouped := digit_groups(doc, i, end)) is not None:
        text, j = grouped
    elif j + 2 < end and tok.text[-3:] in ("x10", "×10") and doc[j].text == "^" and not tok.whitespace_ \
            and not doc[j].whitespace_:
        text, j = tok.text + "^" + doc[j + 1].text, j + 2  # ``1.3x10^6`` split by the tokenizer
    elif j < end and tok.text[-3:] in ("x10", "×10") and not tok.whitespace_ and re.fullmatch(r"[-−+]?\d{1,3}", doc[j].text):
        text, j = tok.text + doc[j].text, j + 1  # ``5.5x10`` ``-3``
    elif j + 1 < end and tok.text[-3:] in ("x10", "×10") and not tok.whitespace_ and doc[j].text in ("-", "−", "+") \
            and not doc[j].whitespace_ and re.fullmatch(r"\d{1,3}", doc[j + 1].text):
        text, j = tok.text + doc[j].text + doc[j + 1].text, j + 2  # ``5.5x10`` ``-`` ``3``
    elif j + 1 < end and doc[j].text == "^" and not tok.whitespace_ and not doc[j].whitespace_ \
            and numwords.power(tok.text + "^" + doc[j + 1].text) is not None:
        text, j = tok.text + "^" + doc[j + 1].text, j + 2
    elif (spaced := spaced_power(doc, i, end)) is not None:
        text, j = spaced
    return text, j


def read_digits(doc: Doc, i: int, end: int) -> Reading | None:
    """A number written with digits, with what is glued to it: currency, sign, unit, scale."""
    tok = doc[i]
    text, j = digit_text(doc, i, end)
    lex = numwords.lex_token(text)
    if text.endswith(".") and j == i + 1 and (lex is None or lex.suffix):
        lex = numwords.lex_token(text[:-1]) or lex  # ``10M.`` glued to the full stop
    elif text.endswith("-") and j == i + 1 and j < end and doc[j].lower_ in ("to", "or", "and"):
        lex = numwords.lex_token(text[:-1])  # ``8- to 16-meter``: a suspended hyphen
    if lex is None:
        return None
    if j == i + 1 and not (lex.prefix or lex.suffix or lex.ordinal or lex.upper is not None) \
            and (n := next_word(doc, j, end)) < end and (doc[n].lower_ in numwords.SCALES or doc[n].lower_ == "point") \
            and (w := grow_words(doc, i, end)) > n + 1:
        value, w = longest_parse(doc, i, i, w)  # ``4 thousand 3 hundred and 21``, ``1 point 1``
        if value is not None and w > n:
            return Reading(i, w, value, scale=numwords.SCALES.get(doc[n].lower_, 1.0))
    start, unit, glued = i, None, None
    if lex.prefix:
        if (found := glued_prefix(doc, i, lex)) is None:
            return None
        lex, unit, start, glued = found
    if (found_suffix := glued_suffix(doc, i, j, end, lex, unit)) is None:
        return None
    lex, unit, j, scale = found_suffix
    r = Reading(start, j, lex.value, lex.upper, lex.ordinal, unit, scale=scale)
    r.qualifier = glued or None
    if i > 0 and doc[i - 1].lower_ in numwords.NEGATORS and lex.value > 0:
        r.start, r.value = i - 1, -lex.value  # ``minus 5``
    elif i > 0 and doc[i - 1].text in ("-", "−") and lex.value > 0 and doc[i - 1].whitespace_ \
            and (i - 1 == 0 or doc[i - 2].is_space or doc[i - 2].text in ("(", ":", "=") or i - 1 == doc[i].sent.start):
        r.start, r.value = i - 1, -lex.value  # ``- 1,200,000`` at the start of a text
    if r.upper is None and not r.ordinal and j < end and tok.is_digit:
        if (frac := mixed_fraction(doc, r, j, end)) is not None:
            r.value, j = frac
    r.end = scale_after(doc, r, i, j, end)
    return r


def glued_prefix(doc: Doc, i: int, lex: numwords.Lexeme) -> tuple[numwords.Lexeme, units.Unit | None, int, str | None] | None:
    """Letters or symbols before the digits: a currency (``HK$3.7``), a sign word (``minus-260``), ``sub-7``."""
    tok, start, glued = doc[i], i, None
    cur = units.currency_prefix(lex.prefix)
    if i > 0 and not doc[i - 1].whitespace_ and units.currency_prefix(doc[i - 1].text + lex.prefix):
        cur, start = units.currency_prefix(doc[i - 1].text + lex.prefix), i - 1  # ``$`` ``A82,615,680``
    elif cur is not None and i > 0 and not doc[i - 1].whitespace_ and doc[i - 1].text in units.CURRENCY_PREFIX:
        start = i - 1  # ``$`` ``US160``: keep the symbol in the surface
    if cur is None and lex.prefix.lower().rstrip("-") in numwords.NEGATORS:
        lex = numwords.Lexeme(-abs(lex.value), suffix=lex.suffix)  # ``minus-260``
    elif cur is None and (glued := glued_word(tok.text, lex.prefix)) is not None:
        lex = numwords.Lexeme(abs(lex.value), suffix=lex.suffix)  # ``sub-7``, ``then-16-year-old``
    elif cur is None and lex.prefix not in ("~", "≈"):
        return None
    unit = units.Unit(cur, Kind.MONEY) if cur else None
    return lex, unit, start, glued


def glued_suffix(doc: Doc, i: int, j: int, end: int, lex: numwords.Lexeme,
                 unit: units.Unit | None) -> tuple[numwords.Lexeme, units.Unit | None, int, float] | None:
    """Letters or symbols after the digits: a unit (``10kW``, ``3923sq m``), a scale (``$2.174T``, ``2.5B dollars``)."""
    scale = 1.0
    if lex.suffix and i > 0 and units.currency_prefix(doc[i - 1].text) and lex.suffix.lower() in numwords.SCALE_ABBREV:
        lex = numwords.Lexeme(lex.value * numwords.SCALE_ABBREV[lex.suffix.lower()])  # ``$`` ``2.174T``
    if lex.suffix and units.lookup(lex.suffix) is None and j < end and doc[j - 1].whitespace_ \
            and units.lookup(lex.suffix + " " + doc[j].text) is not None:
        unit, j = units.lookup(lex.suffix + " " + doc[j].text), j + 1  # ``3923sq m``
    elif lex.suffix in ("deg", "°", "º") and j < end and doc[j].text in ("C", "F"):
        unit, j = units.lookup("°" + doc[j].text), j + 1  # ``1.19deg C``
    elif lex.suffix in LETTER_SCALES and j < end and units.currency_word(doc[j].text) is not None:
        scale = LETTER_SCALES[lex.suffix]  # ``2.5B dollars``: a capital B before a currency is billion
        lex = numwords.Lexeme(lex.value * scale, upper=lex.upper * scale if lex.upper is not None else None)
    elif lex.suffix:
        found = units.lookup(lex.suffix)
        if found is None and lex.suffix == "s" and "." in doc[i].text:
            found = units.lookup("sec")  # ``0-60mph in 3.1s``; ``1990s`` (no decimal) is a decade, not seconds
        cur = units.currency_prefix(lex.suffix) if not lex.suffix.isalpha() else None
        if found is None and cur is None:
            return None
        unit = found or units.Unit(cur, Kind.MONEY)
    return lex, unit, j, scale


def scale_after(doc: Doc, r: Reading, i: int, j: int, end: int) -> int:
    """Scale words and letters after the digits (``5 million``, ``35m``, ``10 bln``); where the number ends."""
    unit = r.unit
    money = unit is not None and unit.kind == Kind.MONEY or i > 0 and units.currency_prefix(doc[i - 1].text) is not None
    while j < end and (unit is None or unit.kind == Kind.MONEY):
        low = doc[j].lower_
        glued = not doc[j - 1].whitespace_
        factor = numwords.SCALES.get(low) or numwords.MULTIPLIERS.get(low)
        if factor is None and j == r.end and r.upper is None:
            if glued and doc[j].text in GLUED_SCALE_TOKENS:
                factor = GLUED_SCALE_TOKENS[doc[j].text]
            elif glued and low == "m" and (money or million_m(doc, j, end)):
                factor = 1e6  # ``35m of its devices``, ``12.3m tonnes``; plain ``37m`` is metres
            elif low in ("b", "k", "t") and money and glued:
                factor = numwords.SCALE_ABBREV[low]
            elif doc[j].text in SPACED_SCALE_TOKENS:
                factor = numwords.SCALE_ABBREV[low]
        if factor is None:
            break
        r.value *= factor
        if r.upper is not None:
            r.upper *= factor
        r.scale *= factor
        j += 1
        r.end = j
    r.end = j
    return j


def read_words(doc: Doc, i: int, end: int) -> Reading | None:
    """A number written with words (``twenty-one thousand``, ``a fifth``, ``millions of``) or an ordinal."""
    tok = doc[i]
    low = tok.lower_
    if low.endswith("fold"):
        value = numwords.parse_number(low[:-4].rstrip("-")) if len(low) > 4 else None
        return None if value is None else Reading(i, i + 1, value)  # ``sixfold``
    if low in VAGUE_SCALES:
        return vague_scale(doc, i, end)
    if low in COMPOUND_WORDS:
        rank = numwords.parse_ordinal(low)
        if rank is not None:
            return Reading(i, i + 1, float(rank), ordinal=True)
        value = numwords.parse_number(low)
        return None if value is None else Reading(i, i + 1, value)
    if low in numwords.ORDINALS and not (low == "second" and i + 1 < end and doc[i + 1].lower_ in ("half",)):
        if low in ("second", "seconds") and i > 0 and is_word_number(doc[i - 1]):
            return None
        if low in numwords.DENOMINATORS and i > 0 and doc[i - 1].lower_ in ARTICLES and fraction_context(doc, i, end):
            return Reading(i - 1, i + 1, 1 / numwords.DENOMINATORS[low])  # ``a fifth of``
        return Reading(i, i + 1, float(numwords.ORDINALS[low]), ordinal=True)
    j = grow_words(doc, i, end)
    start = i
    if i > 0 and doc[i - 1].lower_ in ARTICLES and (low in ("dozen", "hundred", "thousand", "half", "quarter", "million", "billion")
                                                       or low in numwords.DENOMINATORS and fraction_context(doc, i, end)):
        start = i - 1
    if start > 0 and doc[start - 1].lower_ in numwords.NEGATORS:
        start = start - 1
    if (k := ordinal_after(doc, i, j, end)) is not None and (found := compound_ordinal(doc, i, j, k, start, end)):
        return found
    value, j = longest_parse(doc, start, i, j)
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
    scale = 1.0
    for t in doc[i:j]:
        scale *= numwords.SCALES.get(t.lower_, 1.0)
    if j < end and doc[j].text in SPACED_SCALE_TOKENS:
        scale *= numwords.SCALE_ABBREV[doc[j].lower_]  # ``five mln dlrs``: wire copy abbreviates the scale
        value *= numwords.SCALE_ABBREV[doc[j].lower_]
        j += 1
    return Reading(start, j, value, scale=scale)




def compound_ordinal(doc: Doc, i: int, j: int, k: int, start: int, end: int) -> Reading | None:
    """``twenty-fifth`` as a rank, ``a twenty-first`` and ``one twenty-fifth`` as fractions."""
    low = doc[i].lower_
    if j == i + 1 and low in numwords.TENS and i > 0 and doc[i - 1].lower_ in ARTICLES and fraction_context(doc, k - 1, end):
        rank = numwords.parse_ordinal(doc[i:k].text)
        if rank:
            return Reading(i - 1, k, 1 / rank)  # ``a twenty-first``
    if low == "one" and j == i + 2 and doc[i + 1].lower_ in numwords.TENS:
        frac = numwords.parse_number(doc[start:k].text)
        if frac is not None:
            return Reading(start, k, frac)  # ``one twenty-fifth`` is 1/25
    rank = numwords.parse_ordinal(doc[start:k].text)
    if rank is not None:
        return Reading(start, k, float(rank), ordinal=True)
    return None


def vague_scale(doc: Doc, i: int, end: int) -> Reading | None:
    """``millions of``, ``hundreds of millions of``, ``tens of thousands``: from the scale to ten times it.

    The scales multiply (hundreds of millions is 1e8 to 1e9); reading only
    the first would put the amount orders of magnitude low.
    """
    if i > 0 and (is_word_number(doc[i - 1]) or doc[i - 1].like_num):
        return None  # ``three millions``: a count, read elsewhere
    scale, j = VAGUE_SCALES[doc[i].lower_], i + 1
    while j + 1 < end and doc[j].lower_ == "of" and doc[j + 1].lower_ in numwords.PLURAL_SCALES:
        scale *= numwords.PLURAL_SCALES[doc[j + 1].lower_]
        j += 2
    if j == i + 1 and (doc[i].lower_ == "tens" or j >= end or doc[j].lower_ != "of"):
        return None  # ``tens`` alone, ``millions`` with nothing counted
    r = Reading(i, j, scale, upper=scale * 10, scale=scale)
    if j + 1 < end and doc[j].lower_ == "of" and (cur := units.currency_word(doc[j + 1].text) or (
            "pound sterling" if doc[j + 1].lower_ in units.AMBIGUOUS_POUND else None)):
        r.unit, r.end = units.Unit(cur, Kind.MONEY), j + 2  # ``hundreds of millions of dollars`` is money
    return r


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


def million_m(doc: Doc, j: int, end: int) -> bool:
    """Whether a glued ``m`` is million: before ``of`` or a plural noun or unit, not a length on its own."""
    if j + 1 >= end:
        return False
    nxt = doc[j + 1]
    return nxt.lower_ == "of" or (nxt.tag_ == "NNS" and nxt.is_alpha) or units.lookup(nxt.text) is not None and nxt.is_alpha


def spaced_power(doc: Doc, i: int, end: int) -> tuple[str, int] | None:
    """``2.3 x 10^4``, ``6 × 10 ^ -3``: scientific notation with spaces, read as the glued form.

    The power must be explicit (a ``^`` or a signed exponent): ``a 2 x 105
    board`` gives its two sides, not 2e5.
    """
    tok = doc[i]
    if i + 2 >= end or doc[i + 1].lower_ not in ("x", "×", "*") or not tok.like_num or not doc[i + 2].text.startswith("10"):
        return None
    best = None
    tail = ""
    for k in range(i + 2, min(i + 6, end)):
        tail += doc[k].text
        if ("^" in tail or re.fullmatch(r"10[-−]\d{1,3}", tail)) and numwords.power(tok.text + "x" + tail) is not None:
            best = (tok.text + "x" + tail, k + 1)
    return best


def mixed_fraction(doc: Doc, r: Reading, j: int, end: int) -> tuple[float, int] | None:
    """``2 1/2``, ``4 ¾``, ``45-3/4``: a whole number and a fraction token after it.

    Wire copy quotes prices in eighths glued by a hyphen (``rose 1-1/2 to
    45-3/4``); a hyphen glued on both sides joins the parts as a space does.
    """
    hyphen = j + 1 < end and doc[j].text == "-" and not doc[j - 1].whitespace_ and not doc[j].whitespace_
    j = j + 1 if hyphen else next_word(doc, j, end)
    if j >= end:
        return None
    t = doc[j]
    if not ("/" in t.text or t.text in numwords.VULGAR) or not (hyphen or doc[j - 1].whitespace_ or doc[j - 1].is_space) \
            or r.value != int(r.value):
        return None
    lex = numwords.lex_token(t.text)
    if lex is None or lex.prefix or lex.suffix or not 0 < lex.value < 1:
        return None
    return r.value + (lex.value if r.value >= 0 else -lex.value), j + 1
