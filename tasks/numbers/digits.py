"""Numbers written with digits and what is glued to them: groups, powers, currencies, units, scales.

Kept apart from spelled-out numbers (:mod:`read`) because almost every rule
here is about what touches the digits.
"""
from __future__ import annotations

import re

from spacy.tokens import Doc

from tasks.numbers import currencies, lexeme, numwords, tokens, units
from tasks.numbers.lexicon import (
    LETTER_SCALES,
    Kind,
    GLUED_SCALE_TOKENS,
    GROUP_TAIL,
    SPACED_SCALE_TOKENS,
)


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
            and lexeme.power(tok.text + "^" + doc[j + 1].text) is not None:
        text, j = tok.text + "^" + doc[j + 1].text, j + 2
    elif (spaced := spaced_power(doc, i, end)) is not None:
        text, j = spaced
    return text, j


#: A price range whose first end carries a scale and whose second end's was split off: ``40m-£50``.
_SCALED_FIRST_END = re.compile(r"^\d[\d,.]*[a-zA-Z]{1,3}[-–—][^\d\s]{1,3}[\d,.]*\d$")


def read_digits(doc: Doc, i: int, end: int) -> tokens.Reading | None:
    """A number written with digits, with what is glued to it: currency, sign, unit, scale."""
    tok = doc[i]
    text, j = digit_text(doc, i, end)
    lex = lexeme.lex_token(text)
    if text.endswith(".") and j == i + 1 and (lex is None or lex.suffix):
        lex = lexeme.lex_token(text[:-1]) or lex  # ``10M.`` glued to the full stop
    elif text.endswith("-") and j == i + 1 and j < end and doc[j].lower_ in ("to", "or", "and"):
        lex = lexeme.lex_token(text[:-1])  # ``8- to 16-meter``: a suspended hyphen
    if lex is None:
        return None
    if lex.upper is not None and j < end and not doc[j - 1].whitespace_ and _SCALED_FIRST_END.match(text) \
            and doc[j].text.rstrip(".").lower() in numwords.SCALE_ABBREV:
        j += 1  # ``40m-£50`` ``m``: the second end's scale, split off by the tokenizer, already applied
    if j == i + 1 and not (lex.prefix or lex.suffix or lex.ordinal or lex.upper is not None) \
            and (n := tokens.next_word(doc, j, end)) < end and (doc[n].lower_ in numwords.SCALES or doc[n].lower_ == "point") \
            and (w := tokens.grow_words(doc, i, end)) > n + 1:
        value, w = tokens.longest_parse(doc, i, i, w)  # ``4 thousand 3 hundred and 21``, ``1 point 1``
        if value is not None and w > n:
            return tokens.Reading(i, w, value, scale=numwords.SCALES.get(doc[n].lower_, 1.0))
    start, unit, glued = i, None, None
    if lex.prefix:
        if (found := glued_prefix(doc, i, lex)) is None:
            return None
        lex, unit, start, glued = found
    if (found_suffix := glued_suffix(doc, i, j, end, lex, unit)) is None:
        return None
    lex, unit, j, scale = found_suffix
    r = tokens.Reading(start, j, lex.value, lex.upper, lex.ordinal, unit, scale=scale)
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


def glued_prefix(doc: Doc, i: int, lex: lexeme.Lexeme) -> tuple[lexeme.Lexeme, units.Unit | None, int, str | None] | None:
    """Letters or symbols before the digits: a currency (``HK$3.7``), a sign word (``minus-260``), ``sub-7``."""
    tok, start, glued = doc[i], i, None
    scaled = _scaled(doc, i, lex)
    cur = currencies.currency_prefix(lex.prefix) or currencies.letter_prefix(lex.prefix, scaled) \
        or currencies.folded_prefix(lex.prefix, doc[i].text, scaled)
    if i > 0 and not doc[i - 1].whitespace_ and currencies.currency_prefix(doc[i - 1].text + lex.prefix):
        cur, start = currencies.currency_prefix(doc[i - 1].text + lex.prefix), i - 1  # ``$`` ``A82,615,680``
    elif cur is not None and i > 0 and not doc[i - 1].whitespace_ and doc[i - 1].text in currencies.CURRENCY_PREFIX:
        start = i - 1  # ``$`` ``US160``: keep the symbol in the surface
    if cur is None and lex.prefix.lower().rstrip("-") in numwords.NEGATORS:
        lex = lexeme.Lexeme(-abs(lex.value), suffix=lex.suffix)  # ``minus-260``
    elif cur is None and (glued := tokens.glued_word(tok.text, lex.prefix)) is not None:
        lex = lexeme.Lexeme(abs(lex.value), suffix=lex.suffix)  # ``sub-7``, ``then-16-year-old``
    elif cur is None and lex.prefix not in ("~", "≈"):
        return None
    unit = units.Unit(cur, Kind.MONEY) if cur else None
    return lex, unit, start, glued


def _scaled(doc: Doc, i: int, lex: lexeme.Lexeme) -> bool:
    """Whether a scale follows the digits, glued (``50bn``: the lexer has applied it) or as the next word (``2.5 million``)."""
    glued = re.search(r"\d([a-zA-Z]+)$", doc[i].text)
    return glued is not None and glued[1].lower() in numwords.SCALE_ABBREV \
        or i + 1 < len(doc) and doc[i + 1].lower_ in numwords.SCALES


#: Words that make a sentence about prices (``EPS of 45c``, ``a dividend of 8c``).
PRICE_WORDS = frozenset({"eps", "dividend", "dividends", "share", "shares", "price", "prices", "cost", "costs"})


def _priced(doc: Doc, i: int) -> bool:
    """Whether the sentence of token ``i`` writes money elsewhere (a currency symbol, code or word, or a price word)."""
    return any(t.i != i and (t.lower_ in PRICE_WORDS or currencies.currency_prefix(t.text) or currencies.currency_word(t.text)
                             or (lx := lexeme.lex_token(t.text)) is not None and currencies.currency_prefix(lx.prefix))
               for t in doc[i].sent)


def glued_suffix(doc: Doc, i: int, j: int, end: int, lex: lexeme.Lexeme,
                 unit: units.Unit | None) -> tuple[lexeme.Lexeme, units.Unit | None, int, float] | None:
    """Letters or symbols after the digits: a unit (``10kW``, ``3923sq m``), a scale (``$2.174T``, ``2.5B dollars``)."""
    scale = 1.0
    if lex.suffix and i > 0 and currencies.currency_prefix(doc[i - 1].text) and lex.suffix.lower() in numwords.SCALE_ABBREV:
        lex = lexeme.Lexeme(lex.value * numwords.SCALE_ABBREV[lex.suffix.lower()])  # ``$`` ``2.174T``
    if lex.suffix[:2] == "%-" and lex.suffix[2:].isalpha():
        lex = lexeme.Lexeme(lex.value, lex.prefix, "%")  # ``a 31%-owned unit``: the percent qualifies the word after
    nxt = doc[j].text.rstrip(".") if j < end else ""
    if lex.suffix and units.lookup(lex.suffix) is None and j < end and doc[j - 1].whitespace_ \
            and units.lookup(lex.suffix + " " + nxt) is not None:
        unit, j = units.lookup(lex.suffix + " " + nxt), j + 1  # ``3923sq m``, ``200sq m.``
    elif lex.suffix in ("deg", "°", "º") and j < end and doc[j].text in ("C", "F"):
        unit, j = units.lookup("°" + doc[j].text), j + 1  # ``1.19deg C``
    elif lex.suffix in LETTER_SCALES and j < end and currencies.currency_word(doc[j].text) is not None:
        scale = LETTER_SCALES[lex.suffix]  # ``2.5B dollars``: a capital B before a currency is billion
        lex = lexeme.Lexeme(lex.value * scale, upper=lex.upper * scale if lex.upper is not None else None)
    elif lex.suffix:
        found = units.lookup(lex.suffix) or units.glued_symbol(lex.suffix)
        if found is None and lex.suffix == "s" and "." in doc[i].text:
            found = units.lookup("sec")  # ``0-60mph in 3.1s``; ``1990s`` (no decimal) is a decade, not seconds
        cur = currencies.currency_prefix(lex.suffix) or currencies.SIGNS_AFTER.get(lex.suffix.rstrip(".")) \
            if not lex.suffix.isalpha() else None
        if found is None and cur is None and lex.suffix == "c" and _priced(doc, i):
            cur = "cent"  # ``rose 20c to $4.50``: a lower-case c glued to a figure, in a sentence about money
        if found is None and cur is None:
            return None
        unit = found or units.Unit(cur, Kind.MONEY)
    return lex, unit, j, scale


def scale_after(doc: Doc, r: tokens.Reading, i: int, j: int, end: int) -> int:
    """Scale words and letters after the digits (``5 million``, ``35m``, ``10 bln``); where the number ends."""
    unit = r.unit
    money = unit is not None and unit.kind == Kind.MONEY or i > 0 and currencies.currency_prefix(doc[i - 1].text) is not None
    while j < end and (unit is None or unit.kind == Kind.MONEY):
        if money and j == r.end and j + 1 < end and doc[j].text == "-" and not doc[j - 1].whitespace_ \
                and not doc[j].whitespace_ and doc[j + 1].lower_ in numwords.SCALES:
            j += 1  # ``the $1.2-billion project``: a scaled amount used as an adjective is hyphenated
        text = doc[j].text
        if len(text) > 1 and text.endswith(".") and text[:-1].isalpha() \
                and (j + 1 == end or doc[j + 1].is_space or doc[j + 1].is_title):
            text = text[:-1]  # ``$45m. Net profit``: the tokenizer keeps a sentence's full stop on a letter
        low = text.lower()
        glued = not doc[j - 1].whitespace_
        factor = numwords.SCALES.get(low) or numwords.MULTIPLIERS.get(low)
        if factor is None and j == r.end and r.upper is None:
            if glued and text in GLUED_SCALE_TOKENS:
                factor = GLUED_SCALE_TOKENS[text]
            elif glued and low == "m" and (money or million_m(doc, j, end)):
                factor = 1e6  # ``35m of its devices``, ``12.3m tonnes``; plain ``37m`` is metres
            elif low in ("b", "k", "t") and money and glued:
                factor = numwords.SCALE_ABBREV[low]
            elif text in SPACED_SCALE_TOKENS:
                factor = numwords.SCALE_ABBREV[low]
            elif low == "tn" and j + 1 < end and currencies.currency_word(doc[j + 1].text) is not None:
                factor = 1e12  # ``1.2 tn euros``; ``5 tn of steel`` is tonnes
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
        if ("^" in tail or re.fullmatch(r"10[-−]\d{1,3}", tail)) and lexeme.power(tok.text + "x" + tail) is not None:
            best = (tok.text + "x" + tail, k + 1)
    return best


def mixed_fraction(doc: Doc, r: tokens.Reading, j: int, end: int) -> tuple[float, int] | None:
    """``2 1/2``, ``4 ¾``, ``45-3/4``: a whole number and a fraction token after it.

    Wire copy quotes prices in eighths glued by a hyphen (``rose 1-1/2 to
    45-3/4``); a hyphen glued on both sides joins the parts as a space does.
    """
    hyphen = j + 1 < end and doc[j].text == "-" and not doc[j - 1].whitespace_ and not doc[j].whitespace_
    j = j + 1 if hyphen else tokens.next_word(doc, j, end)
    if j >= end:
        return None
    t = doc[j]
    if not ("/" in t.text or t.text in numwords.VULGAR) or not (hyphen or doc[j - 1].whitespace_ or doc[j - 1].is_space) \
            or r.value != int(r.value):
        return None
    lex = lexeme.lex_token(t.text)
    if lex is None or lex.prefix or lex.suffix or not 0 < lex.value < 1:
        return None
    return r.value + (lex.value if r.value >= 0 else -lex.value), j + 1
