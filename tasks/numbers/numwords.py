"""Pure value parsing for number expressions, with no spaCy in sight.

Kept apart from extraction so every written form (``6,000``, ``$5bn``'s
``5bn``, ``twenty-one thousand``, ``two-thirds``, ``3rd``) can be tested in
microseconds, and so the extractor only has to decide *which* tokens form a
number, never how to read one.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from tasks.numbers.lexicon import (
    ONES,
    TENS,
    SCALES,
    PLURAL_SCALES,
    SCALE_ABBREV,
    GLUED_SCALES,
    ORDINALS,
    PLURAL_ORDINALS,
    DENOMINATORS,
    MULTIPLIERS,
    NEGATORS,
    VULGAR,
)
from tasks.numbers.figures import NUM_SUFFIX, ORDINAL_DIGITS, digits_value, finite

_TENS_PREFIX = re.compile(r"^(" + "|".join(TENS) + r")(" + "|".join(list(ONES) + list(ORDINALS)) + r")$")

_RANGE_TOKEN = re.compile(
    r"^(?P<a>[-−]?\d[\d,]*(?:\.\d+)?)\s*(?:-|–|—|~|to)\s*(?P<b>\d[\d,]*(?:\.\d+)?)$", re.I
)



def _split_words(text: str) -> list[str]:
    """Lower-case words; a hyphen separates only letters (``twenty-one``), so ``-5`` keeps its sign.

    ``&`` is read as ``and`` and a comma after a word becomes a word of its
    own, so ``five million, three hundred & sixty`` reaches the accumulator as
    the groups it is written in (a comma inside digits, ``6,000``, stays).
    """
    words: list[str] = []
    for w in text.lower().split():
        if w in ("-", "−"):
            continue
        if w == "&":
            words.append("and")
            continue
        comma = w.endswith(",") and w[:-1].isalpha()
        words.extend(p for p in re.split(r"(?<=[a-z])[-‐–—](?=[a-z])", w[:-1] if comma else w) if p)
        if comma:
            words.append(",")
    return words


def _has_fraction(words: list[str]) -> bool:
    return any(w in DENOMINATORS or w in MULTIPLIERS or w in PLURAL_ORDINALS for w in words)


@dataclass
class _Acc:
    """The state of :func:`_words` between words.

    ``total`` holds everything closed by a scale word, ``current`` the group
    since then (None: nothing seen since the last scale); after ``million,``
    every later group must stay under ``ceiling``. ``last_scale`` is the scale
    just closed, if the previous word was one; ``before_tens`` is ``current``
    before the last tens word (``three twenty-firsts``). ``result`` ends the
    walk early when a tail after ``and`` was read on its own.
    """

    words: list[str]
    total: float = 0.0
    current: float | None = None
    ceiling: float = 0.0
    seen: bool = False
    last_scale: float = 0.0
    last_word: str = ""
    before_tens: float | None = None
    result: float | None = None

    def nxt(self, i: int) -> str | None:
        return self.words[i + 1] if i + 1 < len(self.words) else None

    def closed(self, w: str, i: int) -> int:
        """The bookkeeping after an ordinary word: it is seen, no scale is open, and the walk moves on."""
        self.seen, self.last_scale, self.last_word = True, 0.0, w
        return i + 1


def _words(words: list[str]) -> float | None:
    """Left-to-right accumulator over spelled-out and mixed (``1.2 million``) words.

    Fractions, ``dozen`` and ``point`` act on the group since the last scale
    only, so ``six billion and three quarters million`` and ``four hundred
    dozens`` both read right. After ``and``, a tail with a fraction is read on
    its own: ``one hundred and three quarters`` is 100.75, ``3 million and a
    half`` 3.5 million (after a scale of a thousand or more the fraction is
    of that scale). Each kind of word has its step below; a step returns the
    index of the next word, or None when the words are not one number.
    """
    acc = _Acc(words)
    i = 0
    while i < len(words) and acc.result is None:
        step = _step_for(words[i], acc)
        nxt = None if step is None else step(acc, i)
        if nxt is None:
            return None
        i = nxt
    if acc.result is not None:
        return acc.result
    return acc.total + (acc.current or 0) if acc.seen else None


def _step_for(w: str, acc: _Acc):
    """The step that reads ``w``, in the order the word classes are tried; None for a word no number has."""
    if w in ("a", "an"):
        return _article
    if w in (",", "and", "point", "hundred"):
        return _PUNCT_STEPS[w]
    if w in ONES and w != "none":
        return _one
    if w in TENS:
        return _tens
    if (m := _TENS_PREFIX.match(w)) and m[2] in ONES:
        return _tens_prefix
    if w in SCALES or (w in PLURAL_SCALES and (acc.current is not None or acc.last_scale)):
        return _scale
    if w in MULTIPLIERS:
        return _multiplier
    if w in DENOMINATORS or w in PLURAL_ORDINALS:
        return _denominator
    if digits_value(w) is not None:
        return _digit_word
    if w in SCALE_ABBREV and acc.seen:
        return _scale_abbrev
    return None


def _article(acc: _Acc, i: int) -> int | None:
    """``a dozen``, ``a million``, ``a third``; ``half a dozen`` where the fraction is the count."""
    nxt = acc.nxt(i)
    if nxt is None or not (nxt in SCALES or nxt in MULTIPLIERS or nxt in DENOMINATORS):
        return None
    if acc.last_word in ("half", "quarter") and (nxt in SCALES or nxt in MULTIPLIERS):
        return i + 1  # ``half a dozen``, ``half a million``: the fraction is the count
    acc.current = (acc.current or 0) + 1
    return acc.closed(acc.words[i], i)


def _comma(acc: _Acc, i: int) -> int | None:
    if not _comma_group(acc.words[i + 1:], acc.last_scale):
        return None
    acc.ceiling = acc.last_scale
    return acc.closed(",", i)


def _and(acc: _Acc, i: int) -> int | None:
    """``hundred and five``; a tail with a fraction (``and a half``) is read on its own and ends the walk."""
    if not acc.seen or acc.nxt(i) is None:
        return None
    rest = acc.words[i + 1:]
    if not _has_fraction(rest):
        return acc.closed("and", i)
    if acc.current is not None and rest[-1] in SCALES and rest[-1] != "hundred":
        frac = _words(rest[:-1])  # ``five and a half million``
        acc.result = None if frac is None else acc.total + (acc.current + frac) * SCALES[rest[-1]]
    elif (frac := _words(rest)) is None:
        return None
    elif acc.current is None and acc.last_scale >= 1e3 and not any(x in SCALES for x in rest) and frac < 1:
        acc.result = acc.total + frac * acc.last_scale  # ``3 million and a half``
    else:
        acc.result = acc.total + (acc.current or 0) + frac
    return None if acc.result is None else len(acc.words)


def _one(acc: _Acc, i: int) -> int | None:
    w, last = acc.words[i], acc.last_word
    if last in ONES or last in TENS and ONES[w] >= 10 or _TENS_PREFIX.match(last):
        return None  # ``three nought four``, ``one two``: separate numbers
    acc.current = (acc.current or 0) + ONES[w]
    return acc.closed(w, i)


def _tens(acc: _Acc, i: int) -> int | None:
    w, last, nxt = acc.words[i], acc.last_word, acc.nxt(i)
    acc.before_tens = acc.current
    if acc.current is not None and last in ONES and 0 < acc.current < 10:
        acc.current = acc.current * 100 + TENS[w]  # ``one twenty two`` is 122
    elif (last in TENS and nxt not in DENOMINATORS and nxt not in PLURAL_ORDINALS) \
            or last in ONES or _TENS_PREFIX.match(last):
        return None
    else:
        acc.current = (acc.current or 0) + TENS[w]
    return acc.closed(w, i)


def _tens_prefix(acc: _Acc, i: int) -> int:
    """``twentyone``: tens and units written as one word."""
    m = _TENS_PREFIX.match(acc.words[i])
    acc.before_tens = acc.current
    acc.current = (acc.current or 0) + TENS[m[1]] + ONES[m[2]]
    return acc.closed(acc.words[i], i)


def _point(acc: _Acc, i: int) -> int | None:
    """``two point two``, ``point 77``, ``point seventy-one``: the digits after a spoken decimal point."""
    words = acc.words
    if acc.nxt(i) is None:
        return None
    digits = ""
    j = i + 1
    while j < len(words) and (words[j] in ONES and ONES[words[j]] < 10 or words[j].isdigit()):
        digits += str(ONES[words[j]]) if words[j] in ONES else words[j]
        j += 1
    if not digits and j < len(words):  # ``point eleven``, ``point seventy-one``
        tail = _words(words[j:j + 2]) if j + 1 < len(words) and words[j] in TENS else None
        if tail is not None and tail == int(tail):
            digits, j = str(int(tail)), j + 2
        elif words[j] in ONES or words[j] in TENS:
            digits, j = str(ONES.get(words[j], TENS.get(words[j], 0))), j + 1
    if not digits:
        return None
    acc.current = (acc.current or 0) + float("0." + digits)
    acc.seen, acc.last_word = True, "point"
    return j


def _hundred(acc: _Acc, i: int) -> int | None:
    if acc.current is not None and acc.current >= 100:
        return None  # ``3 hundred and 2 hundred``: two numbers
    acc.current = (acc.current if acc.current is not None else 1) * 100
    return acc.closed("hundred", i)


def _scale(acc: _Acc, i: int) -> int | None:
    """``thousand``, ``millions`` after a number: closes the group into ``total``."""
    w = acc.words[i]
    scale = SCALES.get(w) or PLURAL_SCALES[w]
    if acc.ceiling and scale >= acc.ceiling:
        return None  # ``two thousand, three million``: a list, not one number
    if acc.current is None and acc.last_scale and scale > acc.last_scale:
        acc.total *= scale  # ``three lakh crore``, ``three thousand millions``
    else:
        acc.total += (acc.current if acc.current is not None else 1) * scale
    acc.current = None
    acc.seen, acc.last_scale, acc.last_word = True, scale, w
    return i + 1


def _multiplier(acc: _Acc, i: int) -> int:
    acc.current = (acc.current if acc.current is not None else 1) * MULTIPLIERS[acc.words[i]]
    return acc.closed(acc.words[i], i)


def _denominator(acc: _Acc, i: int) -> int | None:
    """``two thirds``, ``a quarter``, ``three twenty-firsts``: divide the group by the denominator."""
    w, last, nxt = acc.words[i], acc.last_word, acc.nxt(i)
    den = DENOMINATORS.get(w) or PLURAL_ORDINALS[w]
    if last in TENS and den < 10 and acc.before_tens is not None and (w.endswith("s") or acc.before_tens == 1):
        den += TENS[last]  # ``three twenty-firsts``: a compound denominator
        acc.current = acc.before_tens
    elif w in PLURAL_ORDINALS:
        return None
    if acc.current is None and w not in ("half", "halves") and not (w in ("quarter", "quarters") and nxt in SCALES):
        return None  # a bare "third" is an ordinal, not a fraction
    acc.current = (acc.current if acc.current is not None else 1) / den
    return acc.closed(w, i)


def _digit_word(acc: _Acc, i: int) -> int | None:
    """Digits among words (``1.2 million``, ``3 hundred and 21``)."""
    v = digits_value(acc.words[i])
    if acc.current is not None and acc.last_word == "and" and acc.current % 100 == 0 and 0 < v < 100 \
            and acc.nxt(i) not in SCALES:
        v += acc.current  # ``3 hundred and 21``
    elif acc.current is not None:
        return None
    acc.current = v
    return acc.closed(acc.words[i], i)


def _scale_abbrev(acc: _Acc, i: int) -> int:
    acc.total += (acc.current if acc.current is not None else 1) * SCALE_ABBREV[acc.words[i]]
    acc.current = None
    return acc.closed(acc.words[i], i)


_PUNCT_STEPS = {",": _comma, "and": _and, "point": _point, "hundred": _hundred}


def _comma_group(rest: list[str], last_scale: float) -> bool:
    """Whether a comma after a scale word continues the number, as a thousands separator does in digits.

    Only after ``thousand`` or more, and only when the words after it are a
    spelled-out group with a smaller scale of its own (``million, two hundred
    & forty``): ``three million, two years later`` stays two numbers.
    """
    if last_scale < 1e3 or not rest or not (rest[0] in ONES or rest[0] in TENS or _TENS_PREFIX.match(rest[0])):
        return False
    scales = [SCALES[w] for w in rest if w in SCALES]
    return bool(scales) and max(scales) < last_scale


@finite
def parse_number(text: str) -> float | None:
    """The value of a cardinal or fraction expression, or None if it is not one.

    Accepts digits (``6,000``, ``.77``, ``-4/5``, ``2½``), scale suffixes
    (``5bn``, ``1.2M``), words (``twenty-one thousand``, ``a dozen``,
    ``two and a half``, ``two-thirds``) and a leading ``minus``/``negative``.
    """
    text = text.strip()
    if not text:
        return None
    if text in VULGAR:
        return VULGAR[text]
    if (v := digits_value(text)) is not None:
        return v
    m = NUM_SUFFIX.match(text)
    if m and not m["pre"] and m["suf"] in GLUED_SCALES:
        base = digits_value((m["sign"] or "") + m["num"])
        return None if base is None else base * SCALE_ABBREV[m["suf"].lower()]
    words = _split_words(text)
    sign = 1.0
    if text.startswith(("-", "−")) and words:
        sign = -1.0
    while words and words[0] in NEGATORS:
        sign, words = -sign, words[1:]
    value = _words(words)
    return None if value is None else sign * value


@finite
def parse_ordinal(text: str) -> int | None:
    """The rank of an ordinal (``3rd``, ``third``, ``forty-second``, ``twentyfifth``), else None."""
    text = text.strip()
    if m := ORDINAL_DIGITS.match(text):
        return int(m[1].replace(",", ""))
    words = _split_words(text)
    if not words:
        return None
    last = words[-1]
    if last not in ORDINALS:
        m = _TENS_PREFIX.match(last)
        if not m or m[2] not in ORDINALS:
            return None
        words = words[:-1] + [m[1], m[2]]
        last = m[2]
    head = words[:-1]
    if not head:
        return ORDINALS[last]
    base = _words(head + ["hundred"] if last == "hundredth" else head)
    if base is None:
        return None
    if last in ("hundredth", "thousandth", "millionth", "billionth", "trillionth"):
        return int(base * (1 if last == "hundredth" else ORDINALS[last]))
    return int(base) + ORDINALS[last]


_RANGE_WORDS = re.compile(
    r"^(?:between\s+(?P<a1>.+?)\s+and\s+(?P<b1>.+)|from\s+(?P<a2>.+?)\s+(?:to|through|until)\s+(?P<b2>.+)"
    r"|(?P<a3>.+?)\s+(?:to|through|thru)\s+(?P<b3>.+))$",
    re.I,
)


@finite
def parse_range(text: str) -> tuple[float, float] | None:
    """``(lower, upper)`` for ``5-10``, ``between 5 and 10``, ``three to four``; else None.

    A descending dash pair (``2-0``) is a score, and ``ddd-dddd`` a phone
    number, so neither is a range.
    """
    text = text.strip()
    if m := _RANGE_TOKEN.match(text):
        if "to" not in text.lower() and re.fullmatch(r"\d{3}-\d{4}", text):
            return None
        a, b = digits_value(m["a"]), digits_value(m["b"])
    elif m := _RANGE_WORDS.match(text):
        pa, pb = next((m[f"a{k}"], m[f"b{k}"]) for k in (1, 2, 3) if m[f"a{k}"])
        a, b = parse_number(pa), parse_number(pb)
    else:
        return None
    if a is None or b is None or b <= a:
        return None
    return a, b
