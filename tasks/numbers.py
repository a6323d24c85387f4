"""Numbers with meaning from a parsed spaCy Doc: value, kind, qualifier, unit, noun, verb, entity.

Reading a value is :mod:`tasks.numwords`' job and naming a unit is
:mod:`tasks.units`'; this module decides which tokens form a number and what
it counts, using the parse the pipeline already paid for (entities for dates
and names, dependencies for nouns and verbs). It only does Python work on
tokens that can start a number, so it stays a small fraction of parse time.

``noun`` is the lemma of the counted noun with its compound modifiers
(``heart transplant``); ``people`` stays ``people`` because that is its lemma.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from tasks import numwords, units

#: Entity types whose numbers are parts of a name, not amounts (``World War Two``, ``Boeing 737``).
NAME_LABELS = frozenset({"PERSON", "ORG", "PRODUCT", "EVENT", "WORK_OF_ART", "FAC", "LAW", "LANGUAGE", "GPE", "LOC", "NORP"})
#: Entity types a number may be *about* (``220 Russian soldiers``).
RELATED_LABELS = frozenset({"NORP", "GPE", "ORG", "PERSON", "LOC", "FAC", "PRODUCT"})
#: Nouns that make the following number a label (``Section 427``, ``version two``).
ID_NOUNS = frozenset({
    "no", "no.", "nos", "number", "#", "version", "section", "row", "room", "flight", "route", "highway",
    "chapter", "article", "page", "part", "phase", "stage", "level", "season", "episode", "game", "round",
    "volume", "vol", "vol.", "act", "grade", "class", "type", "category", "platform", "gate", "terminal",
    "seat", "tier", "step", "model", "series", "unit", "apartment", "suite", "box", "exit", "interstate",
})
#: Stock indices named with a number (``S&P 500``, ``FTSE 100``): the number is part of the name.
INDEX_NAMES = frozenset({"s&p", "sp", "ftse", "nasdaq", "russell", "nikkei", "cac", "dax", "asx", "stoxx", "kospi",
                         "sensex", "nifty", "topix", "ibex", "aex", "omx", "mib"})
STREET_WORDS = frozenset({"road", "rd", "street", "st", "avenue", "ave", "way", "lane", "ln", "drive", "dr", "boulevard",
                          "blvd", "place", "pl", "court", "ct", "terrace", "highway", "parkway", "crescent"})
QUALIFIERS: dict[tuple[str, ...], str] = {
    **{tuple(p.split()): "lower_bound" for p in (
        "more than", "over", "above", "at least", "in excess of", "upwards of", "exceeding", "greater than",
        "no less than", "not less than", "no fewer than", "a minimum of", "minimum of", "at a minimum",
        "higher than", "larger than", "well over", "just over", "beyond", "more then", "over than",
        "bigger than", "more than or equal to", "greater than or equal to", "bigger than or equal to",
        "larger than or equal to", "higher than or equal to", "greater or equal than", "bigger or equal than",
        "higher or equal than", "larger or equal than", "more or equal than", "at least or equal to",
        "exceed", "exceeds", "exceeded", "exceeding", "surpass", "surpasses", "surpassed", "surpassing",
        "north of", ">", ">=", "> =", "≥",
    )},
    **{tuple(p.split()): "upper_bound" for p in (
        "up to", "less than", "fewer than", "under", "below", "at most", "no more than", "not more than",
        "a maximum of", "maximum of", "just under", "lower than", "as many as", "as much as", "as high as",
        "within", "shy of", "short of",
        "smaller than", "less than or equal to", "smaller than or equal to", "lower than or equal to",
        "fewer than or equal to", "less or equal than", "smaller or equal than", "lower or equal than",
        "<", "<=", "< =", "≤",
    )},
    **{tuple(p.split()): "approx" for p in (
        "about", "around", "approximately", "roughly", "some", "nearly", "almost", "circa", "c.", "~", "≈",
        "an estimated", "estimated", "close to", "approx.", "approx", "around about", "or so", "somewhere around",
        "an average of", "on average",
    )},
}
_QUAL_MAX = max(len(k) for k in QUALIFIERS)
RIGHT_QUALIFIERS: dict[tuple[str, ...], str] = {
    ("plus",): "lower_bound", ("+",): "lower_bound", ("or", "so"): "approx",
    **{(c, w): "lower_bound" for c in ("or", "and") for w in ("more", "greater", "higher", "above", "over")},
    **{(c, w): "upper_bound" for c in ("or", "and") for w in ("less", "fewer", "lower", "below", "under")},
}
_BOUNDS = ("lower_bound", "upper_bound")
_SYMBOLS = frozenset({"<", ">", "<=", ">=", "≤", "≥"})
INCREASE = frozenset({"rise", "increase", "gain", "grow", "climb", "jump", "advance", "surge", "soar", "rally",
                      "add", "boost", "raise", "up", "rocket", "spike", "expand", "improve", "lift", "widen"})
DECREASE = frozenset({"fall", "drop", "decrease", "decline", "lose", "slip", "slide", "sink", "plunge", "tumble",
                      "cut", "shed", "down", "dip", "shrink", "reduce", "lower", "slump", "ease", "retreat", "narrow"})
SCALE_WORDS = frozenset(numwords.SCALES) | frozenset(numwords.MULTIPLIERS) | frozenset(numwords.SCALE_ABBREV)
RANGE_LINKS = frozenset({"to", "-", "–", "—", "through", "thru"})
_ARTICLES = frozenset({"a", "an"})
#: Words spaCy puts into DATE entities around plain amounts (``between 5 and 10``, ``one and a half``).
_DATE_NEUTRAL = frozenset({"a", "an", "and", "-", "between", "to", "from", "about", "around", "over", "under",
                           "more", "than", "up", "some", "nearly", "almost", "at", "least", "per"})


@dataclass
class _Reading:
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


def _is_word_number(tok: Token) -> bool:
    return tok.lower_ in numwords.NUMBER_WORDS


def _can_start(tok: Token) -> bool:
    """Cheap gate run on every token; everything after it runs only on candidates."""
    return tok.like_num or "d" in tok.shape_ or _is_word_number(tok) or tok.text in numwords.VULGAR \
        or tok.lower_ in numwords.ORDINALS or tok.lower_ in numwords.COMPOUND_WORDS \
        or tok.lower_ in numwords.PLURAL_SCALES or tok.lower_.endswith("fold")


_DASHES = frozenset({"-", "–", "—"})
_ONES_UNDER_TEN = frozenset(w for w, n in numwords.ONES.items() if 0 < n < 10)
#: Words a spelled-out group can start with after a grouping comma (``million, two hundred``).
_GROUP_STARTS = frozenset(w for w in numwords.ONES if w not in ("none", "nil")) | frozenset(numwords.TENS) \
    | numwords.COMPOUND_WORDS


def _prev_word(doc: Doc, j: int, i: int) -> Token:
    """The last token before ``j`` (not before ``i``) that is not whitespace or a dash."""
    k = j - 1
    while k > i and (doc[k].is_space or doc[k].text in _DASHES):
        k -= 1
    return doc[k]


def _grow_words(doc: Doc, i: int, end: int) -> int:
    """End of a spelled-out number starting at ``i``: ``twenty - one thousand``, ``two and a half``.

    Whitespace tokens (``fifty   two``) are transparent; a spaced dash joins
    only what cannot be a range (``fifty - two``, ``five - eighths``).
    """
    j = i + 1
    while j < end:
        t = doc[j]
        low = t.lower_
        prev = _prev_word(doc, j, i)
        plow = prev.lower_
        if t.is_space and j + 1 < end:
            j += 1
        elif low in _ARTICLES and plow in ("half", "quarter") and j + 1 < end \
                and doc[_next_word(doc, j + 1, end)].lower_ in SCALE_WORDS:
            j += 1  # ``half a dozen``
        elif _is_word_number(t) or (low in numwords.DENOMINATORS and (low not in numwords.ORDINALS or plow in ("one", "a"))) \
                or (low in numwords.DENOMINATORS and _is_word_number(prev) and t.tag_ == "NNS") \
                or low in numwords.PLURAL_ORDINALS and plow in numwords.TENS \
                or (low in numwords.PLURAL_SCALES and _is_word_number(prev)):
            j += 1
        elif (t.like_num or "d" in t.shape_ and numwords.parse_number(t.text) is not None) \
                and (plow == "point" or plow == "and" and j - 2 >= i and doc[j - 2].lower_ in numwords.SCALES
                     or plow in numwords.SCALES and prev.i > i and j + 1 < end
                     and 0 < numwords.SCALES.get(doc[j + 1].lower_, 0) < numwords.SCALES[plow]):
            j += 1  # ``1 point 1``, ``3 hundred and 21``, ``4 thousand 3 hundred``
        elif low in _DASHES and j + 1 < end and _is_word_number(prev) and (
                (not prev.whitespace_ and not t.whitespace_
                 and (_is_word_number(doc[j + 1]) or doc[j + 1].lower_ in numwords.DENOMINATORS
                      or doc[j + 1].lower_ in numwords.PLURAL_ORDINALS))
                or (plow in numwords.TENS and doc[j + 1].lower_ in _ONES_UNDER_TEN)
                or (plow in numwords.ONES and doc[j + 1].lower_ in numwords.DENOMINATORS
                    and (doc[j + 1].tag_ == "NNS" or plow == "one"))):
            j += 1
        elif low == "," and _comma_continues(doc, j, end):
            j += 1  # ``three million, two hundred``: the comma groups the words as it groups digits
        elif low in ("and", "&") and (n1 := _next_word(doc, j + 1, end)) < end and _is_word_number(prev) and plow != "point" and (
                ((_is_word_number(doc[n1]) or doc[n1].like_num) and plow in numwords.SCALES
                 and not (n1 + 1 < end and numwords.SCALES.get(doc[n1 + 1].lower_, 0) >= numwords.SCALES[plow]))
                or (doc[n1].lower_ in _ARTICLES and n1 + 1 < end and doc[n1 + 1].lower_ in numwords.DENOMINATORS
                    and doc[n1 + 1].lower_ not in ("second",))
                or (_is_word_number(doc[n1]) and any(
                    doc[k].lower_ in numwords.DENOMINATORS for k in range(n1 + 1, min(n1 + 4, end))))):
            j = n1 + 1 if doc[n1].lower_ not in _ARTICLES else n1 + 2
        else:
            break
    while j > i + 1 and (doc[j - 1].lower_ in ("and", "&", ",", "point") or doc[j - 1].text in _DASHES or doc[j - 1].is_space):
        j -= 1
    return j


def _comma_continues(doc: Doc, j: int, end: int) -> bool:
    """Whether the comma at ``j`` sits inside a spelled-out number: ``three million, two hundred & forty``.

    It must follow a scale of a thousand or more with no space before it, and
    the words after it must form a group with a smaller scale of their own;
    ``three million, two more`` and ``two thousand, three million`` are lists.
    """
    prev = doc[j - 1]
    scale = numwords.SCALES.get(prev.lower_, 0)
    if scale < 1e3 or prev.whitespace_ or j + 1 >= end or doc[j + 1].lower_ not in _GROUP_STARTS:
        return False
    k, inner = j + 1, 0.0
    while k < end and (_is_word_number(doc[k]) or doc[k].lower_ in ("and", "&") or doc[k].text in _DASHES):
        inner = max(inner, numwords.SCALES.get(doc[k].lower_, 0))
        k += 1
    return 0 < inner < scale


def _ordinal_after(doc: Doc, i: int, j: int, end: int) -> int | None:
    """End of a compound ordinal whose head was grown as a cardinal: ``twenty-fifth``, ``two hundredth``."""
    k = j
    if k < end and (doc[k].is_space or doc[k].text in _DASHES) and not doc[k - 1].whitespace_:
        k += 1
    if k >= end:
        return None
    low = doc[k].lower_
    last = doc[j - 1].lower_
    if low not in numwords.ORDINALS:
        return None
    if (last in numwords.TENS and numwords.ORDINALS[low] < 10) or (low in _SCALE_ORDINALS and last in numwords.NUMBER_WORDS):
        return k + 1
    return None


_SCALE_ORDINALS = frozenset({"hundredth", "thousandth", "millionth", "billionth", "trillionth"})
#: Glued to digits but split off by the tokenizer (``100K``, ``1.2M``); ``B``/``T`` only after a currency (``Class 3B``).
_GLUED_SCALE_TOKENS = {"k": 1e3, "K": 1e3, "M": 1e6, "MM": 1e6, "bn": 1e9, "Bn": 1e9, "BN": 1e9, "mn": 1e6,
                       "mln": 1e6, "bln": 1e9, "tn": 1e12, "tln": 1e12, "trn": 1e12}
#: Scale abbreviations that stay a scale even when spaced (``10 bln``): none of them is a unit.
_SPACED_SCALE_TOKENS = frozenset({"bn", "mn", "mln", "bln", "tln", "trn", "MM"})


_GROUP_TAIL = re.compile(r"^\d{3}\.\d+$")


def _digit_groups(doc: Doc, i: int, end: int) -> tuple[str, int] | None:
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
        if k < end and (doc[k].is_digit and len(doc[k].text) == 3 or _GROUP_TAIL.match(doc[k].text)):
            text += doc[k].text
            j = k + 1
            if "." in doc[k].text:
                break
        else:
            break
    if j == i + 1 or (j < end and doc[j].is_digit and doc[j - 1].whitespace_):
        return None
    return text, j


def _read_number(doc: Doc, i: int, end: int) -> _Reading | None:
    """Read the number that starts at token ``i`` (before any range or unit to its right)."""
    tok = doc[i]
    if "d" in tok.shape_ or tok.text in numwords.VULGAR:
        text, j = tok.text, i + 1
        if (grouped := _digit_groups(doc, i, end)) is not None:
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
        elif (spaced := _spaced_power(doc, i, end)) is not None:
            text, j = spaced
        lex = numwords.lex_token(text)
        if text.endswith(".") and j == i + 1 and (lex is None or lex.suffix):
            lex = numwords.lex_token(text[:-1]) or lex  # ``10M.`` glued to the full stop
        elif text.endswith("-") and j == i + 1 and j < end and doc[j].lower_ in ("to", "or", "and"):
            lex = numwords.lex_token(text[:-1])  # ``8- to 16-meter``: a suspended hyphen
        if lex is None:
            return None
        if j == i + 1 and not (lex.prefix or lex.suffix or lex.ordinal or lex.upper is not None) \
                and (n := _next_word(doc, j, end)) < end and (doc[n].lower_ in numwords.SCALES or doc[n].lower_ == "point") \
                and (w := _grow_words(doc, i, end)) > n + 1:
            value, w = _longest_parse(doc, i, i, w)  # ``4 thousand 3 hundred and 21``, ``1 point 1``
            if value is not None and w > n:
                return _Reading(i, w, value, scale=numwords.SCALES.get(doc[n].lower_, 1.0))
        unit = None
        start = i
        glued: str | None = None
        if lex.prefix:
            cur = units.currency_prefix(lex.prefix)
            if i > 0 and not doc[i - 1].whitespace_ and units.currency_prefix(doc[i - 1].text + lex.prefix):
                cur, start = units.currency_prefix(doc[i - 1].text + lex.prefix), i - 1  # ``$`` ``A82,615,680``
            elif cur is not None and i > 0 and not doc[i - 1].whitespace_ and doc[i - 1].text in units.CURRENCY_PREFIX:
                start = i - 1  # ``$`` ``US160``: keep the symbol in the surface
            if cur is None and lex.prefix.lower().rstrip("-") in numwords.NEGATORS:
                lex = numwords.Lexeme(-abs(lex.value), suffix=lex.suffix)  # ``minus-260``
            elif cur is None and (glued := _glued_word(tok.text, lex.prefix)) is not None:
                lex = numwords.Lexeme(abs(lex.value), suffix=lex.suffix)  # ``sub-7``, ``then-16-year-old``
            elif cur is None and lex.prefix not in ("~", "≈"):
                return None
            unit = units.Unit(cur, "money") if cur else None
        if lex.suffix and i > 0 and units.currency_prefix(doc[i - 1].text) and lex.suffix.lower() in numwords.SCALE_ABBREV:
            lex = numwords.Lexeme(lex.value * numwords.SCALE_ABBREV[lex.suffix.lower()])  # ``$`` ``2.174T``
        if lex.suffix and units.lookup(lex.suffix) is None and j < end and doc[j - 1].whitespace_ \
                and units.lookup(lex.suffix + " " + doc[j].text) is not None:
            unit, j = units.lookup(lex.suffix + " " + doc[j].text), j + 1  # ``3923sq m``
        elif lex.suffix in ("deg", "°", "º") and j < end and doc[j].text in ("C", "F"):
            unit, j = units.lookup("°" + doc[j].text), j + 1  # ``1.19deg C``
        elif lex.suffix:
            found = units.lookup(lex.suffix)
            cur = units.currency_prefix(lex.suffix) if not lex.suffix.isalpha() else None
            if found is None and cur is None:
                return None
            unit = found or units.Unit(cur, "money")
        r = _Reading(start, j, lex.value, lex.upper, lex.ordinal, unit)
        r.qualifier = glued or None
        if i > 0 and doc[i - 1].lower_ in numwords.NEGATORS and lex.value > 0:
            r.start, r.value = i - 1, -lex.value  # ``minus 5``
        elif i > 0 and doc[i - 1].text in ("-", "−") and lex.value > 0 and doc[i - 1].whitespace_ \
                and (i - 1 == 0 or doc[i - 2].is_space or doc[i - 2].text in ("(", ":", "=") or i - 1 == doc[i].sent.start):
            r.start, r.value = i - 1, -lex.value  # ``- 1,200,000`` at the start of a text
        if r.upper is None and not r.ordinal and j < end and tok.is_digit:
            if (frac := _mixed_fraction(doc, r, j, end)) is not None:
                r.value, j = frac
        money = unit is not None and unit.kind == "money" or i > 0 and units.currency_prefix(doc[i - 1].text) is not None
        while j < end and (unit is None or unit.kind == "money"):
            low = doc[j].lower_
            glued = not doc[j - 1].whitespace_
            factor = numwords.SCALES.get(low) or numwords.MULTIPLIERS.get(low)
            if factor is None and j == r.end and r.upper is None:
                if glued and doc[j].text in _GLUED_SCALE_TOKENS:
                    factor = _GLUED_SCALE_TOKENS[doc[j].text]
                elif glued and low == "m" and (money or _million_m(doc, j, end)):
                    factor = 1e6  # ``35m of its devices``, ``12.3m tonnes``; plain ``37m`` is metres
                elif low in ("b", "k", "t") and money and glued:
                    factor = numwords.SCALE_ABBREV[low]
                elif doc[j].text in _SPACED_SCALE_TOKENS:
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
        return r
    low = tok.lower_
    if low.endswith("fold"):
        value = numwords.parse_number(low[:-4].rstrip("-")) if len(low) > 4 else None
        return None if value is None else _Reading(i, i + 1, value)  # ``sixfold``
    if low in numwords.PLURAL_SCALES:
        if i + 1 < end and doc[i + 1].lower_ == "of" and (i == 0 or not _is_word_number(doc[i - 1]) and not doc[i - 1].like_num):
            scale = numwords.PLURAL_SCALES[low]  # ``millions of``: at least a million, fewer than ten
            return _Reading(i, i + 1, scale, upper=scale * 10, scale=scale)
        return None
    if low in numwords.COMPOUND_WORDS:
        rank = numwords.parse_ordinal(low)
        if rank is not None:
            return _Reading(i, i + 1, float(rank), ordinal=True)
        value = numwords.parse_number(low)
        return None if value is None else _Reading(i, i + 1, value)
    if low in numwords.ORDINALS and not (low == "second" and i + 1 < end and doc[i + 1].lower_ in ("half",)):
        if low in ("second", "seconds") and i > 0 and _is_word_number(doc[i - 1]):
            return None
        if low in numwords.DENOMINATORS and i > 0 and doc[i - 1].lower_ in _ARTICLES and _fraction_context(doc, i, end):
            return _Reading(i - 1, i + 1, 1 / numwords.DENOMINATORS[low])  # ``a fifth of``
        return _Reading(i, i + 1, float(numwords.ORDINALS[low]), ordinal=True)
    j = _grow_words(doc, i, end)
    start = i
    if i > 0 and doc[i - 1].lower_ in _ARTICLES and (low in ("dozen", "hundred", "thousand", "half", "quarter", "million", "billion")
                                                       or low in numwords.DENOMINATORS and _fraction_context(doc, i, end)):
        start = i - 1
    if start > 0 and doc[start - 1].lower_ in numwords.NEGATORS:
        start = start - 1
    if (k := _ordinal_after(doc, i, j, end)) is not None:
        if j == i + 1 and low in numwords.TENS and i > 0 and doc[i - 1].lower_ in _ARTICLES and _fraction_context(doc, k - 1, end):
            rank = numwords.parse_ordinal(doc[i:k].text)
            if rank:
                return _Reading(i - 1, k, 1 / rank)  # ``a twenty-first``
        if low == "one" and j == i + 2 and doc[i + 1].lower_ in numwords.TENS:
            frac = numwords.parse_number(doc[start:k].text)
            if frac is not None:
                return _Reading(start, k, frac)  # ``one twenty-fifth`` is 1/25
        rank = numwords.parse_ordinal(doc[start:k].text)
        if rank is not None:
            return _Reading(start, k, float(rank), ordinal=True)
    value, j = _longest_parse(doc, start, i, j)
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
    if 0 < value < 1 and j + 2 < end and doc[j].lower_ == "of" and doc[j + 1].lower_ in _ARTICLES \
            and doc[j + 2].lower_ in numwords.SCALES:
        value *= numwords.SCALES[doc[j + 2].lower_]  # ``two thirds of a million``
        j += 3
    scale = 1.0
    for t in doc[i:j]:
        scale *= numwords.SCALES.get(t.lower_, 1.0)
    return _Reading(start, j, value, scale=scale)


#: Lower-case words news glues to a number with a hyphen, and the qualifier each gives (``""``: none).
GLUED_WORDS: dict[str, str] = {"sub": "upper_bound", "under": "upper_bound", "over": "lower_bound", "near": "approx",
                               "nearly": "approx", "almost": "approx", "now": "", "then": ""}


def _glued_word(text: str, prefix: str) -> str | None:
    """The qualifier of a word hyphenated onto a number (``sub-7 nanometer``, ``his then-16-year-old son``).

    Only lower-case words from :data:`GLUED_WORDS`: letters before a hyphen
    are otherwise an identifier (``COVID-19``, ``F-16``, ``MiG-29``).
    """
    if prefix not in GLUED_WORDS or not text.startswith(prefix + "-"):
        return None
    return GLUED_WORDS[prefix]


def _longest_parse(doc: Doc, start: int, i: int, j: int) -> tuple[float | None, int]:
    """The value of ``doc[start:j]``, else of its longest prefix that reads (``one two`` gives ``one``)."""
    while j > i:
        value = numwords.parse_number(doc[start:j].text)
        if value is not None:
            return value, j
        j -= 1
        while j > i + 1 and (doc[j - 1].is_space or doc[j - 1].lower_ in ("and", "&", ",", "point") or doc[j - 1].text in _DASHES):
            j -= 1
    return None, j


def _next_word(doc: Doc, j: int, end: int) -> int:
    """Index of the first token at or after ``j`` that is not whitespace (``end`` if none)."""
    while j < end and doc[j].is_space:
        j += 1
    return j


def _fraction_context(doc: Doc, i: int, end: int) -> bool:
    """``a fifth of``, ``a hundredth.``: an article and an ordinal that name a share, not a rank."""
    k = _next_word(doc, i + 1, end)
    return k >= end or doc[k].lower_ == "of" or (doc[k].is_punct and doc[k].text not in _DASHES)


def _million_m(doc: Doc, j: int, end: int) -> bool:
    """Whether a glued ``m`` is million: before ``of`` or a plural noun or unit, not a length on its own."""
    if j + 1 >= end:
        return False
    nxt = doc[j + 1]
    return nxt.lower_ == "of" or (nxt.tag_ == "NNS" and nxt.is_alpha) or units.lookup(nxt.text) is not None and nxt.is_alpha


def _spaced_power(doc: Doc, i: int, end: int) -> tuple[str, int] | None:
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


def _mixed_fraction(doc: Doc, r: _Reading, j: int, end: int) -> tuple[float, int] | None:
    """``2 1/2``, ``4 ¾``: a whole number and a fraction token after it."""
    j = _next_word(doc, j, end)
    if j >= end:
        return None
    t = doc[j]
    if not ("/" in t.text or t.text in numwords.VULGAR) or not (doc[j - 1].whitespace_ or doc[j - 1].is_space) \
            or r.value != int(r.value):
        return None
    lex = numwords.lex_token(t.text)
    if lex is None or lex.prefix or lex.suffix or not 0 < lex.value < 1:
        return None
    return r.value + (lex.value if r.value >= 0 else -lex.value), j + 1


def _unit_after(doc: Doc, r: _Reading, end: int) -> None:
    """Attach the unit written right after the number (``%``, ``miles per hour``, ``Australian dollars``)."""
    j = r.end
    if j < end and doc[j].text in _PRIMES and _is_prime(doc, j, end):
        r.unit, r.end = units.lookup(_PRIMES[doc[j].text]), j + 1  # ``30'``, ``8"``: feet and inches
        return
    if j < end and doc[j].text == "-" and not doc[j - 1].whitespace_ and not doc[j].whitespace_:
        j += 1  # ``27-kilometer``, ``15-year-old``
        r.hyphen = True
    if j >= end:
        return
    t = doc[j]
    if t.lower_ in units.AMBIGUOUS_POUND:
        r.unit = units.Unit("pound sterling", "money") if r.scale > 1 or (j + 1 < end and doc[j + 1].lower_ == "sterling") \
            else units.Unit("pound-mass", "quantity")
        r.end = j + 1
        return
    adj = units.CURRENCY_ADJ.get(t.lower_)
    if adj is None and j + 1 < end:
        adj = units.CURRENCY_ADJ.get(f"{t.lower_} {doc[j + 1].lower_}")
        k = j + 2
    else:
        k = j + 1
    if adj and k < end and units.currency_word(doc[k].text) == "dollar":
        r.unit, r.end = units.Unit(f"{adj} dollar", "money"), k + 1
        return
    cur = units.currency_word(t.text) or (units.currency_prefix(t.text) if not t.is_alpha else None)
    if cur:
        r.unit, r.end = units.Unit(cur, "money"), j + 1
        return
    text = ""
    best: tuple[units.Unit, int] | None = None
    for n in range(min(units.MAX_UNIT_TOKENS, end - j)):
        text += doc[j + n].text
        found = units.lookup(text)
        if found is None and len(doc[j + n].text) > 1 and doc[j + n].text.endswith(".") and j + n + 2 >= end:
            found = units.lookup(text[:-1])  # ``125.8 p.``: the full stop glued to the unit
        elif found is None and doc[j + n].text[-1:] in _DASHES and doc[j + n].text[:-1].isalpha():
            found = units.lookup(text[:-1])  # ``287 miles- and``: a dash glued to the unit word
        if found:
            best = (found, j + n + 1)
        text += doc[j + n].whitespace_
    if best is None and t.lower_ in UNIT_ADJECTIVES and j + 1 < end and doc[j + 1].is_alpha \
            and (found := units.lookup(doc[j + 1].text)) is not None and found.kind in ("duration", "quantity"):
        best = (found, j + 2)  # ``three straight days``, ``the 50 previous years``, ``two more miles``
    if best:
        r.unit, r.end = best
        if r.unit.kind == "duration" and best[1] + 1 < end and doc[best[1]].lower_ == "old":
            r.unit, r.end = units.Unit(f"{r.unit.name} of age", "age"), best[1] + 1
        elif r.unit.kind == "duration" and r.start >= 2 and doc[r.start - 2].lower_ == "age" and doc[r.start - 1].lower_ == "of":
            r.unit = units.Unit(f"{r.unit.name} of age", "age")  # ``under the age of 5 years``


#: Adjectives news puts between a number and its unit without changing the unit (``three straight days``).
UNIT_ADJECTIVES = frozenset({"previous", "consecutive", "straight", "successive", "full", "whole", "entire", "long",
                             "more", "additional", "extra", "further", "past", "last", "next", "remaining", "subsequent",
                             "following", "solid"})

#: Straight quotes used as prime marks after a number: feet and inches.
_PRIMES = {"'": "ft", '"': "″"}


def _is_prime(doc: Doc, j: int, end: int) -> bool:
    """Whether the quote at ``j`` is a prime mark (``30'``, ``8"``), not the end of a quotation.

    It must be glued to digits and stand before a space, punctuation or the
    end; and it must not close a quote opened earlier in the sentence
    (``the class is "English 101".``): an even count of ``"`` before it, and no
    ``'`` opening a word before it that is still open.
    """
    num, mark = doc[j - 1], doc[j].text
    if num.whitespace_ or not num.text[-1:].isdigit() or (j + 1 < end and not doc[j].whitespace_ and doc[j + 1].is_alpha):
        return False
    start = doc[j].sent.start_char
    before = doc.text[start:doc[j].idx]
    if mark == '"':
        return before.count('"') % 2 == 0
    opened = sum(1 for k, c in enumerate(before) if c == "'" and (k == 0 or before[k - 1] in " \t\n(\"“")
                 and k + 1 < len(before) and before[k + 1].isalnum())
    closed = sum(1 for k, c in enumerate(before) if c == "'" and k > 0 and before[k - 1].isalpha()
                 and (k + 1 == len(before) or not before[k + 1].isalnum()))
    return opened <= closed


#: Nouns for things that last: a hyphenated duration before them (``a two-year ban``) says how long.
SPAN_NOUNS = frozenset({
    "period", "term", "sentence", "contract", "deal", "ban", "suspension", "stint", "spell", "tenure", "career",
    "hiatus", "break", "absence", "gap", "delay", "wait", "lease", "warranty", "moratorium", "freeze", "pause",
    "investigation", "inquiry", "probe", "study", "trial", "war", "conflict", "campaign", "programme", "program",
    "project", "mission", "journey", "trip", "voyage", "tour", "stay", "run", "streak", "drought", "battle",
    "struggle", "recession", "slump", "occupation", "siege", "lockdown", "closure", "shutdown", "strike",
    "residency", "apprenticeship", "internship", "sabbatical", "extension", "renovation", "restoration",
    "construction", "refurbishment", "overhaul", "maintenance", "upgrade", "window", "cycle", "span", "stretch",
    "interval", "lifespan", "relationship", "marriage", "partnership", "membership", "subscription", "exile",
    "imprisonment", "detention", "hold", "halt", "truce", "ceasefire", "shift", "course", "process", "search",
})


def _measured_duration(t: Token) -> bool:
    """A duration word after a number (``two years``) or ``per``: spaCy labels it DATE or TIME, but it dates nothing.

    So ``unemployed for one to two years and 95800 who ...`` keeps its count
    even though the DATE span runs on over it; ``two years ago`` still has
    ``ago`` to mark a date.
    """
    unit = units.lookup(t.text)
    if unit is None or unit.kind != "duration" or t.i == 0:
        return False
    prev = t.doc[t.i - 1]
    return prev.like_num or _is_word_number(prev) or prev.lower_ in ("per", "/")  # ``1.5e-3 per hour``: a rate


def _lasts(doc: Doc, r: _Reading) -> bool:
    """Whether a hyphenated duration measures how long its noun lasts (``a two-year maintenance period``).

    News uses ``five-year`` both as a length (a ban, a contract, a prison
    term) and as a label (a five-year high, a 10-year bond, a five-year $700000
    award); only the first is a duration worth a row.
    """
    head = doc[r.end - 1].head
    return head.i >= r.end and head.pos_ == "NOUN" and head.lemma_.lower() in SPAN_NOUNS


def _per_unit(doc: Doc, r: _Reading, end: int) -> None:
    """Extend money and quantities with a denominator: ``$58.24 per barrel``, ``barrels a day``."""
    j = r.end
    if r.unit is None or j + 1 >= end:
        return
    if _hyphen_at(doc, j) and doc[j + 1].lower_ in _ARTICLES and j + 2 < end:
        j += 1  # ``£10-a-month``
    link = doc[j].lower_
    k = j + 2 if link in _ARTICLES and j + 2 < end and _hyphen_at(doc, j + 1) else j + 1  # ``£24 a-year``
    nxt = doc[k]
    after = doc[k + 1].lower_ if k + 1 < end else ""
    if link in _ARTICLES and (units.lookup(nxt.text) is None or after in ("ago", "earlier", "later", "before", "after")):
        return  # ``$6.78 billion a year earlier`` is a date, not a rate
    if link not in ("per", "/") and link not in _ARTICLES:
        return
    two = units.lookup(f"{nxt.text} {after}") if after else None
    found = two or units.lookup(nxt.text)
    if found or nxt.pos_ in ("NOUN", "PROPN"):
        name = found.name if found else nxt.lemma_.lower()
        r.unit, r.end = units.Unit(f"{r.unit.name} per {name}", r.unit.kind), k + (2 if two else 1)


def _hyphen_at(doc: Doc, j: int) -> bool:
    """A hyphen glued on both sides (``a-year``), as opposed to a spaced dash."""
    return doc[j].text == "-" and not doc[j - 1].whitespace_ and not doc[j].whitespace_


def _currency_before(doc: Doc, r: _Reading, floor: int) -> None:
    """A currency symbol or code as its own token before the number (``US $58.24``, ``HK $3.7``)."""
    i = r.start
    if i <= floor or (r.unit is not None and r.unit.kind == "money"):
        return
    prev = doc[i - 1]
    cur = units.currency_prefix(prev.text)
    if cur is None or prev.is_alpha and prev.text not in ("USD", "EUR", "GBP", "AUD", "CAD", "HKD", "JPY", "CNY", "CHF", "INR", "RMB", "Rs", "RM"):
        return
    start = i - 1
    if prev.text == "$" and i - 2 >= floor and doc[i - 2].text + "$" in units.CURRENCY_PREFIX and not doc[i - 2].whitespace_ == "\n":
        cur, start = units.CURRENCY_PREFIX[doc[i - 2].text + "$"], i - 2
    r.unit, r.start = units.Unit(cur, "money"), start


def _qualifier_left(doc: Doc, start: int, floor: int) -> tuple[str | None, int]:
    """The bound/approximation words just before ``start`` and where they begin."""
    while start > floor and doc[start - 1].is_space:
        start -= 1
    for n in range(min(_QUAL_MAX, start - floor), 0, -1):
        key = tuple(t.lower_ for t in doc[start - n:start])
        if key in QUALIFIERS and not (key[0] in _SYMBOLS and start - n > floor and doc[start - n - 1].text[-1:] in "<>="
                                      and not doc[start - n - 1].whitespace_):
            # ``just under`` / ``well over`` keep the longer match.
            return QUALIFIERS[key], start - n
    return None, start


def _qualifier_right(doc: Doc, end: int, sent_end: int) -> tuple[str | None, int]:
    for n in (2, 1):
        if end + n <= sent_end:
            key = tuple(t.lower_ for t in doc[end:end + n])
            if key in RIGHT_QUALIFIERS and not (end + n + 1 < sent_end and doc[end + n].lower_ in ("than", "then")
                                                and _can_start(doc[end + n + 1])):
                return RIGHT_QUALIFIERS[key], end + n
    return None, end


def _anchor(doc: Doc, r: _Reading) -> Token:
    """The token that carries the number's syntactic role: the unit or counted noun when there is one."""
    last = doc[r.end - 1]
    num = doc[r.start:r.end]
    head = last.head
    if last.dep_ in ("nummod", "quantmod", "compound", "amod") and head.i >= r.end and head.pos_ in ("NOUN", "PROPN"):
        return head
    for t in num:
        if t.head.i >= r.end or t.head.i < r.start:
            return t
    return last


def _change(anchor: Token) -> str | None:
    """``increase``/``decrease`` when the number is the size of a change, not its end point."""
    head = anchor.head
    if head.lower_ == "by" and head.dep_ in ("prep", "agent"):
        head = head.head
    elif anchor.dep_ not in ("dobj", "npadvmod", "advmod", "attr", "nsubj", "conj") and head.lower_ not in ("up", "down"):
        return None
    lemma = head.lemma_.lower()
    if lemma in INCREASE:
        return "increase"
    if lemma in DECREASE:
        return "decrease"
    return None


def _counted_noun(doc: Doc, r: _Reading) -> Token | None:
    """The noun a bare count counts: ``6,000 people``, ``three of its soldiers``."""
    last = doc[r.end - 1]
    if last.dep_ in ("nummod", "quantmod", "compound", "amod", "appos") and last.head.i >= r.end and last.head.pos_ in ("NOUN", "PROPN"):
        return last.head
    if r.end < len(doc) and doc[r.end].pos_ == "NOUN" and doc[r.end].head.i >= r.end and doc[r.end].dep_ in ("compound", "nummod"):
        return doc[r.end].head
    if r.end < len(doc) and doc[r.end].tag_ == "NNS":
        return doc[r.end]
    for child in last.children:
        if child.lower_ == "of" and child.i >= r.end:
            for pobj in child.children:
                if pobj.dep_ == "pobj" and pobj.pos_ in ("NOUN", "PROPN"):
                    return pobj
    return None


def _noun_text(noun: Token, start: int) -> str:
    """Lemma plus its compounds and plain adjectives (``commercial fisherman``), as NewsQuant names counted units.

    Adjectives that are entities (``Russian``) go to the entity column instead.
    """
    mods = [_modifier(c) for c in noun.lefts if c.i >= start and not c.ent_type_ and _modifier(c)
            and c.left_edge.i >= start]
    head = noun.lemma_.lower() if noun.pos_ == "NOUN" or noun.tag_ == "NNPS" else noun.text
    if noun.tag_ == "NNPS" and head.endswith("s") and not head.endswith("ss"):
        head = head[:-1]  # ``Americans``: spaCy leaves plural proper nouns unlemmatised
    return " ".join([*mods, head])


def _modifier(c: Token) -> str | None:
    """A modifier that names a kind of the noun: ``power`` plant, ``coal-fired`` plant, not ``decently sized``.

    A hyphenated compound is kept whole; an adjective graded by an adverb is
    a description (``very large``, ``decently sized``), not part of what is
    counted.
    """
    if c.dep_ in ("amod", "compound", "nmod") and any(h.text == "-" and h.dep_ == "punct" for h in c.children):
        return c.doc[c.left_edge.i:c.i + 1].text.lower().replace(" ", "")
    if any(a.dep_ == "advmod" for a in c.children):
        return None
    if c.dep_ == "compound" and c.pos_ in ("NOUN", "ADJ") or c.dep_ == "amod" and c.pos_ == "ADJ":
        return c.lower_
    return None


def _verb(tok: Token) -> Token | None:
    for _ in range(6):
        if tok.pos_ == "VERB":
            return tok
        if tok.head is tok:
            return None
        tok = tok.head
    return None


def _entity(noun: Token | None, anchor: Token, verb: Token | None, ent_of: dict[int, Span]) -> Span | None:
    """An entity the count is about: a modifier of the noun, else the subject of the verb it is the object of."""
    if noun is not None:
        for child in noun.children:
            if child.dep_ in ("amod", "compound", "poss", "nmod") and child.i in ent_of:
                return ent_of[child.i]
            if child.dep_ == "prep" and child.lower_ in ("from", "of"):
                for pobj in child.children:
                    if pobj.i in ent_of:
                        return ent_of[pobj.i]
    if verb is not None and anchor.head is verb:
        for child in verb.children:
            if child.dep_ in ("nsubj", "nsubjpass") and child.i in ent_of:
                return ent_of[child.i]
    return None


def _in_name(doc: Doc, r: _Reading) -> bool:
    """Whether the name entity at the number has words besides it (``World War Two``, not a mislabelled ``-1``)."""
    ent = next((e for e in doc.ents if e.start <= r.start < e.end), None)
    return ent is None or any(not (r.start <= t.i < r.end) and not t.is_punct for t in ent)


def _is_year(doc: Doc, r: _Reading) -> bool:
    tok = doc[r.start]
    if r.unit is not None or tok.shape_ != "dddd" or not 1000 <= r.value <= 2100:
        return False
    if r.upper is not None and not 1000 <= r.upper <= 2100:
        return False  # ``1000-5000`` is a range of amounts; ``1990-2000`` a span of years
    nxt = doc[r.end] if r.end < len(doc) else None
    return nxt is None or nxt.tag_ != "NNS"


def _before_street(doc: Doc, k: int) -> bool:
    """Whether title-case words up to a street word follow (``Zorro Ranch Road``)."""
    for t in doc[k:k + 4]:
        if t.lower_.rstrip(".") in STREET_WORDS and t.text[:1].isupper():
            return True
        if not t.is_title:
            return False
    return False


def _is_label(doc: Doc, r: _Reading, floor: int) -> bool:
    """Numbers that name rather than count: ``Section 427``, ``Game 2``, list markers ``1.``."""
    if r.unit is not None:
        return False
    if r.start == floor or "\n" in doc[r.start - 1].text_with_ws:
        nxt = doc[r.end] if r.end < len(doc) else None
        if nxt is not None and nxt.text in (".", ")") and r.end + 1 < len(doc) and not doc[r.end + 1].is_space:
            return True  # a list marker has an item after it
    if r.start == floor:
        return False
    first, prev = doc[r.start], doc[r.start - 1]
    if first.text[:1] == "0" and first.is_digit and len(first.text) > 1:
        return True  # ``0401 GMT``, codes with leading zeros
    if prev.lower_ in ID_NOUNS and (prev.pos_ in ("NOUN", "PROPN") or prev.text == "#"):
        return True
    if prev.lower_ in INDEX_NAMES or (prev.text == "P" and r.start - 2 >= floor and doc[r.start - 2].text in ("S", "S&")):
        return True  # ``S&P 500``, ``FTSE 100``, ``sp 500``: an index name
    if first.is_digit and _before_street(doc, r.end):
        return True  # ``49 Zorro Ranch Road``, ``22 Ave Foch``: an address
    if prev.pos_ == "PROPN" and prev.text[:1].isalpha() and not prev.whitespace_ == "" and first.is_digit \
            and prev.ent_type_ not in ("DATE", "TIME", "MONEY"):
        return True  # ``S&P 500``, ``iPhone 11``, ``Game 6``
    if prev.text == "(" and r.end < len(doc) and doc[r.end].text == ")" and r.start - 2 >= floor \
            and doc[r.start - 2].pos_ == "PROPN":
        return True  # ``Dak Prescott (4)``: a shirt number
    nxt = doc[r.end] if r.end < len(doc) else None
    head = doc[r.end - 1].head
    return nxt is not None and nxt.tag_ == "NNP" and nxt.is_title and head.tag_ == "NNP" and head.i >= r.end \
        and first.is_digit  # ``737 Max jets``, ``358 El Brillo Way``


def _range_after(doc: Doc, r: _Reading, end: int, between: bool) -> _Reading | None:
    """The upper end of ``5 to 10``, ``5-10``, ``between 5 and 10``, ``$5 to $10``."""
    j = r.end
    if j + 1 >= end or r.upper is not None or (r.ordinal and not between):
        return None
    link = doc[j].lower_
    k = j + 1
    if between and link == "up" and doc[k].lower_ == "to" and k + 1 < end:
        link, k = "to", k + 1  # ``from 450 sq ft up to 900 sq ft``
    elif link in _DASHES and not doc[j - 1].whitespace_ and doc[k].lower_ == "to" and k + 1 < end:
        link, k = "to", k + 1  # ``8- to 16-meter``: a suspended hyphen
    if not (link in RANGE_LINKS or (between and link == "and")):
        return None
    if r.ordinal and doc[k].lower_ == "the" and k + 1 < end:
        k += 1  # ``between the tenth and the fifteenth``
    if link == "-" and (r.unit is not None or (doc[j - 1].whitespace_ != doc[j].whitespace_)):
        return None
    if link in _DASHES and r.start > 0 and doc[r.start - 1].text in _DASHES and not doc[r.start - 1].whitespace_:
        return None  # ``three-nought-four``: a chain of digits, not a range
    if r.start > 0 and doc[r.start - 1].lower_ == "by" and r.unit is not None:
        return None  # ``by $43.6 billion to $419.2 billion``: a change, then a level
    cur = units.currency_prefix(doc[k].text)
    if cur is not None and not doc[k].is_alpha:
        k += 1
    if k >= end or not _can_start(doc[k]):
        return None
    other = _read_number(doc, k, end)
    if other is None or other.ordinal != r.ordinal or other.upper is not None:
        return None
    if link == "-" and other.end + 1 < end and doc[other.end].text in ("-", "/") and not doc[other.end - 1].whitespace_ \
            and doc[other.end + 1].text[:1].isdigit():
        return None  # ``1-222-2222``: a phone number or code, not a range
    if other.unit is None:
        if cur:
            other.unit = units.Unit(cur, "money")
        else:
            _unit_after(doc, other, end)
    if r.unit is not None and " per " in r.unit.name and other.unit is not None:
        _per_unit(doc, other, end)
    if r.unit is not None and other.unit is not None and r.unit.name != other.unit.name:
        return None
    if r.unit is not None and other.unit is None:
        return None  # ``0.7 percent to 6,327.80``: a change, then a level
    if other.scale > 1 and r.scale == 1 and r.value * other.scale <= other.value:
        r.value *= other.scale  # ``$10 to $15 billion``, ``four to five thousand``
        r.scale = other.scale
    if link == "-" and (other.value <= r.value or (doc[r.start].shape_ == "ddd" and doc[k].shape_ == "dddd")):
        return None  # ``2-0`` is a score, ``555-1234`` a phone number
    return other


def _margin_after(doc: Doc, r: _Reading, end: int) -> None:
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
    if k >= end or not _can_start(doc[k]):
        return
    other = _read_number(doc, k, end)
    if other is None or other.ordinal or other.upper is not None or other.value <= 0:
        return
    if other.unit is None:
        _unit_after(doc, other, end)
    if r.unit is not None and other.unit is not None and r.unit.name != other.unit.name:
        return
    r.value, r.upper, r.end = r.value - other.value, r.value + other.value, other.end
    r.unit = r.unit or other.unit


def _qualifier_at(doc: Doc, k: int, end: int) -> tuple[str | None, int]:
    """The qualifier that starts at ``k`` and where it ends (``less than or equal to 40``)."""
    for n in range(min(_QUAL_MAX, end - k), 0, -1):
        key = tuple(t.lower_ for t in doc[k:k + n])
        if key in QUALIFIERS:
            return QUALIFIERS[key], k + n
    return None, k


def _bound_pair(doc: Doc, r: _Reading, qualifier: str, end: int) -> _Reading | None:
    """``more than 10 and less than 20``, ``at most 100 and at least 20``: two opposite bounds make a range."""
    k = r.end
    if k < end and doc[k].text == ",":
        k += 1
    if k < end and doc[k].lower_ in ("and", "but"):
        k += 1
    if k == r.end or k >= end:
        return None
    second, k = _qualifier_at(doc, k, end)
    if k + 1 < end and doc[k].lower_ in _ARTICLES and _is_word_number(doc[k + 1]):
        k += 1  # ``below a half``
    if second is None or second == qualifier or second not in _BOUNDS or k >= end or not _can_start(doc[k]):
        return None
    other = _read_number(doc, k, end)
    if other is None or other.ordinal or other.upper is not None:
        return None
    if other.unit is None:
        _unit_after(doc, other, end)
    if (r.unit and other.unit and r.unit.name != other.unit.name) or (r.unit is None) != (other.unit is None):
        return None
    lower, upper = (r.value, other.value) if qualifier == "lower_bound" else (other.value, r.value)
    return other if lower < upper else None


def _fraction_after(doc: Doc, r: _Reading, end: int) -> None:
    """``one over three``, ``one out of three``, ``1 in 5``: a share written as two counts."""
    k = r.end
    if k + 1 >= end:
        return
    link = doc[k].lower_
    if link == "out" and doc[k + 1].lower_ == "of":
        k += 2
    elif link in ("over", "in"):
        k += 1
    else:
        return
    if k >= end or not _can_start(doc[k]) or doc[k].lower_ in numwords.ORDINALS:
        return
    other = _read_number(doc, k, end)
    if other is None or other.unit is not None or other.ordinal or other.upper is not None or other.value <= 0:
        return
    after = doc[other.end] if other.end < end else None
    if link != "out" and after is not None and (units.lookup(after.text) is not None or after.lower_ in units.AMBIGUOUS_POUND
                                                  or units.currency_word(after.text) is not None):
        return  # ``2 over 3 days``, ``1 in 10 minutes``: a count, then a measure
    if link != "over" and other.value < r.value:
        return  # ``12 out of 10`` is not a share
    if link == "in" and (other.value == r.value or (doc[k].shape_ == "dddd" and 1000 <= other.value <= 2100)):
        return  # ``3 in 2019``
    r.value, r.end = r.value / other.value, other.end


_PERSON_PRONOUNS = frozenset({"he", "she", "i", "you", "we", "they", "who"})


def _is_age(doc: Doc, r: _Reading, anchor: Token, floor: int, end: int) -> bool:
    """A bare whole number that is a person's age: ``Senard, 65, said``, ``Maria who was 10``, ``aged 25``."""
    if r.value != int(r.value) or not 0 < r.value < 125:
        return False
    if r.start > floor and doc[r.start - 1].lower_ in ("aged", "ages"):
        return True
    if r.start - 2 >= floor and doc[r.start - 1].text == "," and doc[r.start - 2].ent_type_ == "PERSON" \
            and r.end < end and doc[r.end].text == ",":
        return True
    head = anchor.head
    if anchor.dep_ in ("attr", "acomp") and head.lemma_ == "be":
        return any(c.dep_ == "nsubj" and (c.lower_ in _PERSON_PRONOUNS or c.ent_type_ == "PERSON") for c in head.children)
    return False


def _unit_from_alternative(doc: Doc, r: _Reading, end: int) -> None:
    """``8 or $9``, ``eight or nine euros``: a bare number shares the unit of its alternative."""
    k = r.end + 1
    if k >= end or doc[r.end].lower_ != "or":
        return
    cur = units.currency_prefix(doc[k].text)
    if cur is not None and not doc[k].is_alpha:
        r.unit = units.Unit(cur, "money")
        return
    if not _can_start(doc[k]):
        return
    other = _read_number(doc, k, end)
    if other is None or other.ordinal or other.upper is not None:
        return
    if other.unit is None:
        _unit_after(doc, other, end)
    if other.unit is not None and other.unit.kind in ("money", "percent", "quantity"):
        r.unit = other.unit


def _kind(r: _Reading) -> str:
    if r.upper is not None:
        return "range"
    if r.ordinal:
        return "ordinal"
    if r.unit is None:
        return "cardinal"
    return "quantity" if r.unit.kind == "age" else r.unit.kind


def extract_numbers(doc: Doc) -> list[dict]:
    """Every amount in ``doc``, one dict per number, keyed like the NUMBERS table (minus ids).

    Dates, times, years, and numbers inside names, identifiers and list
    markers are left out; ``the past 24 hours`` is a duration, ``15-year-old``
    an age. A range has ``value`` equal to its lower end plus ``lower``/``upper``.
    """
    ent_of = {t: ent for ent in doc.ents if ent.label_ in RELATED_LABELS for t in range(ent.start, ent.end)}
    dates = {t: ent for ent in doc.ents if ent.label_ in ("DATE", "TIME") for t in range(ent.start, ent.end)}
    rows: list[dict] = []
    for s_i, sent in enumerate(doc.sents):
        floor, end = sent.start, sent.end
        i = floor
        while i < end:
            tok = doc[i]
            if not _can_start(tok):
                i += 1
                continue
            r = _read_number(doc, i, end)
            if r is None:
                i += 1
                continue
            row = _finish(doc, r, s_i, floor, end, ent_of, dates)
            if row is not None and not _restated(doc, r, row, rows):
                rows.append(row)
            i = max(r.end, i + 1)
    _share_units(rows)
    return rows


_DECIMAL = re.compile(r"\d\.\d")


def _share_units(rows: list[dict]) -> None:
    """``84.75 cents, while the lowest is 74.07``: a bare decimal takes the unit written for the one before it.

    Prices, index levels and rates are quoted with decimals and their unit is
    written once per sentence (``lost 162.31 points, or 2.14%, to 7,425.81``).
    Only a decimal with no counted noun borrows, only from an earlier decimal
    in the same sentence, and never a percentage: a change in percent is not
    the level it leads to.
    """
    last: dict | None = None
    for row in rows:
        if last is not None and last["sentence"] != row["sentence"]:
            last = None
        decimal = _DECIMAL.search(row["surface"]) is not None
        if row["unit"] is not None and row["kind"] in ("money", "quantity") and row["upper"] is None and decimal:
            last = row
        elif last is not None and decimal and row["kind"] == "cardinal" and row["unit"] is None and row["noun"] is None:
            row["unit"], row["kind"] = last["unit"], last["kind"]


def _restated(doc: Doc, r: _Reading, row: dict, rows: list[dict]) -> bool:
    """``forty-five (45)``, ``five (5) days``: the same number repeated in brackets is one number."""
    if not rows or r.start < 2 or doc[r.start - 1].text != "(" or r.end >= len(doc) or doc[r.end].text != ")":
        return False
    last = rows[-1]
    return last["value"] == row["value"] and last["upper"] == row["upper"] and last["end"] <= doc[r.start - 1].idx \
        and doc[r.start - 2].idx + len(doc[r.start - 2].text) == last["end"]


def _finish(doc: Doc, r: _Reading, s_i: int, floor: int, end: int, ent_of: dict[int, Span],
            dates: dict[int, Span]) -> dict | None:
    """Complete a reading (unit, range, context) and judge whether it is an amount at all."""
    if r.unit is None:
        _currency_before(doc, r, floor)
    if r.unit is None or r.unit.kind == "money" and r.end < end and doc[r.end].lower_ in units.CURRENCY_WORDS:
        if r.unit is None:
            _unit_after(doc, r, end)
    qualifier, q_start = _qualifier_left(doc, r.start, floor)
    if qualifier is None and r.start > floor and doc[r.start - 1].text in ("~", "≈"):
        qualifier, q_start = "approx", r.start - 1
    if qualifier is None and r.qualifier:
        qualifier = r.qualifier
    first_tok = doc[r.start if doc[r.start].text not in units.CURRENCY_PREFIX else min(r.start + 1, r.end - 1)]
    between = r.start > floor and doc[r.start - 1].lower_ in ("between", "from") or (q_start > floor and doc[q_start - 1].lower_ in ("between", "from")) \
        or r.ordinal and r.start - 1 > floor and doc[r.start - 1].lower_ == "the" and doc[r.start - 2].lower_ == "between"
    if r.unit is None and not r.ordinal and r.upper is None:
        _fraction_after(doc, r, end)
    if r.unit is not None and r.end < end and doc[r.end].lower_ in ("per", "/"):
        _per_unit(doc, r, end)  # ``$350 per kg to $680 per kg``: the rate first, then the range
    if r.upper is None and not r.ordinal:
        _margin_after(doc, r, end)
    other = _range_after(doc, r, end, between)
    if other is None and qualifier in _BOUNDS and r.upper is None and not r.ordinal:
        other = _bound_pair(doc, r, qualifier, end)
        if other is not None:
            qualifier = "exact"
    if other is not None:
        r.upper, r.end = other.value, other.end
        r.unit = r.unit or other.unit
        if r.upper < r.value:
            r.value, r.upper = r.upper, r.value
        if between and q_start == r.start and r.start > floor:
            q_start = r.start - 1
    _per_unit(doc, r, end)
    if other is None and r.unit is None and r.upper is None and not r.ordinal:
        _unit_from_alternative(doc, r, end)
    if r.ordinal and r.unit is not None:
        return None
    if r.unit is None or r.unit.kind not in ("money", "percent", "quantity", "age"):
        date = dates.get(first_tok.i)
        if date is not None and r.unit is None and any(
                not (r.start <= t.i < r.end or t.like_num or t.lower_ in numwords.NUMBER_WORDS
                     or t.lower_ in _DATE_NEUTRAL or _measured_duration(t))
                for t in date[max(r.start - 3, date.start) - date.start:r.end + 3 - date.start]):
            return None  # ``April 2014``, ``11 a.m.``; ``between 5 and 10`` mislabelled DATE stays
        if first_tok.ent_type_ in NAME_LABELS and _in_name(doc, r):
            return None
        dash_pair = r.upper is None and r.end + 1 < end and doc[r.end].text in ("-", "–") and not doc[r.end].whitespace_ \
            and doc[r.end + 1].like_num and doc[r.end + 1].is_digit
        if r.unit is None and qualifier is None and _is_year(doc, r):
            if dash_pair:
                r.end += 2  # ``2013-14``: a span of years, both ends
            return None
        if r.unit is None and _is_label(doc, r, floor):
            return None
        if r.unit is None and r.end < end and doc[r.end].lower_ in ("am", "pm", "a.m.", "p.m.", "a.m", "p.m"):
            return None  # ``2.13 am``: a clock time
        if r.unit is None and dash_pair:
            r.end += 2
            return None  # ``2-0``, ``89-89``: a score, both sides
        if r.unit is None and r.upper is None and doc[r.start].is_alpha and r.end + 1 < end and doc[r.end].text == "-" \
                and not doc[r.end].whitespace_ and doc[r.end + 1].tag_ in ("NN", "JJ") and not _is_word_number(doc[r.end + 1]):
            return None  # ``six-speed``, ``three-bed``: a compound adjective, not a count
    if r.hyphen and r.unit is not None and r.unit.kind == "duration" and r.end < end \
            and doc[r.end].pos_ in ("NOUN", "PROPN", "SYM", "ADJ") and not _lasts(doc, r):
        return None  # ``a five-year $700000 award``: describes the award; ``a two-year ban`` is how long it lasts
    if r.ordinal and first_tok.ent_type_ in NAME_LABELS and _in_name(doc, r):
        return None
    if r.ordinal and r.end + 1 < end and doc[r.end].lower_ == "to" and doc[r.end + 1].lower_ == "last":
        return None  # ``second to last``: a relative position
    if qualifier in (None, "approx"):
        right, _ = _qualifier_right(doc, r.end, end)
        if right is not None and (qualifier is None or right in _BOUNDS):
            qualifier = right  # ``about five hundred or more`` is a lower bound
    anchor = _anchor(doc, r)
    noun_tok = _counted_noun(doc, r) if r.unit is None and not r.ordinal else None
    if noun_tok is None and r.unit is None and not r.ordinal and (r.upper is None or r.start > floor and doc[r.start - 1].lower_ in ("aged", "ages")) \
            and _is_age(doc, r, anchor, floor, end):
        r.unit = units.Unit("year of age", "age")
    verb_tok = _verb(noun_tok if noun_tok is not None else anchor)
    if qualifier is None:
        qualifier = _change(noun_tok if noun_tok is not None else anchor) or "exact"
    ent = _entity(noun_tok, noun_tok if noun_tok is not None else anchor, verb_tok, ent_of)
    span_start = q_start if between and q_start < r.start else r.start
    start_char = doc[span_start].idx if between and q_start < r.start else doc[r.start].idx
    end_tok = doc[r.end - 1]
    return {
        "sentence": s_i,
        "start": start_char,
        "end": end_tok.idx + len(end_tok.text),
        "surface": doc[span_start:r.end].text,  # not doc.text[...]: Doc.text joins every token on each call
        "value": r.value,
        "lower": r.value if r.upper is not None else None,
        "upper": r.upper,
        "kind": _kind(r),
        "qualifier": qualifier,
        "unit": r.unit.name if r.unit is not None else None,
        "noun": _noun_text(noun_tok, r.end) if noun_tok is not None else None,
        "verb": verb_tok.lemma_.lower() if verb_tok is not None else None,
        "entity": ent.text if ent is not None else None,
        "entity_label": ent.label_ if ent is not None else None,
    }
