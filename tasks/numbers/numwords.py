"""Pure value parsing for number expressions, with no spaCy in sight.

Kept apart from extraction so every written form (``6,000``, ``$5bn``'s
``5bn``, ``twenty-one thousand``, ``two-thirds``, ``3rd``) can be tested in
microseconds, and so the extractor only has to decide *which* tokens form a
number, never how to read one.
"""
from __future__ import annotations

import functools
import math
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

_TENS_PREFIX = re.compile(r"^(" + "|".join(TENS) + r")(" + "|".join(list(ONES) + list(ORDINALS)) + r")$")

_GROUPED = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d{1,2}(?:,\d{2})+,\d{3}(?:\.\d+)?"  # 1,234,567 and lakh 12,34,567
_DIGITS = re.compile(
    r"""^(?P<sign>[-−+])?
    (?P<num>""" + _GROUPED + r"""|\d+(?:\.\d+)?|\.\d+)
    (?:[eE](?P<exp>[-−+]?\d{1,3}))?
    (?P<vulgar>[½⅓⅔¼¾⅕⅛⅙])?
    (?:/(?P<den>\d+))?$""",
    re.X,
)
_ORDINAL_DIGITS = re.compile(r"^(\d{1,3}(?:,\d{3})+|\d+)(?:st|nd|rd|th)$", re.I)
_NUM_SUFFIX = re.compile(
    r"^(?P<pre>[^\d.\-−+]*?)(?P<sign>[-−+])?(?P<num>" + _GROUPED + r"|\d+(?:\.\d+)?|\.\d+)"
    r"(?P<vulgar>[½⅓⅔¼¾⅕⅛⅙])?(?P<suf>[^\d.,][^\d]*[23²³]?|[-–—~][\d,.]*\d[^\d]*)?$"
)
_RANGE_TOKEN = re.compile(
    r"^(?P<a>[-−]?\d[\d,]*(?:\.\d+)?)\s*(?:-|–|—|~|to)\s*(?P<b>\d[\d,]*(?:\.\d+)?)$", re.I
)


def _digits(text: str) -> float | None:
    m = _DIGITS.match(text)
    if not m:
        return None
    num = m["num"]
    if "," in num and not re.fullmatch(_GROUPED, num):
        return None
    value = float(num.replace(",", ""))
    if m["exp"]:
        if m["vulgar"] or m["den"]:
            return None
        value *= 10.0 ** int(m["exp"].replace("−", "-"))  # scientific notation: ``1.3e6``
    if m["vulgar"]:
        value += VULGAR[m["vulgar"]]
    if m["den"]:
        den = int(m["den"])
        if den == 0 or "," in num:
            return None
        value /= den
    return -value if m["sign"] in ("-", "−") else value


def _finite(fn):
    """A figure too large for a float (``1e400``, four hundred digits) reads as no amount:
    None, never ``inf`` and never an OverflowError that would cost the article."""
    @functools.wraps(fn)
    def guarded(text: str):
        try:
            out = fn(text)
            values = out if isinstance(out, tuple) else (out.value, out.upper) if isinstance(out, Lexeme) else (out,)
            return out if all(v is None or math.isfinite(float(v)) for v in values) else None
        except OverflowError:
            return None
    return guarded


def _split_words(text: str) -> list[str]:
    """Lower-case words; a hyphen separates only letters (``twenty-one``), so ``-5`` keeps its sign.

    ``&`` is read as ``and`` and a comma after a word becomes a word of its
    own, so ``three million, two hundred & forty`` reaches the accumulator as
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


def _words(words: list[str]) -> float | None:
    """Left-to-right accumulator over spelled-out and mixed (``1.2 million``) words.

    ``total`` holds everything closed by a scale word, ``current`` the group
    since then; fractions, ``dozen`` and ``point`` act on ``current`` only, so
    ``one billion and three quarters million`` and ``two hundred dozens`` both
    read right. After ``and``, a tail with a fraction is read on its own:
    ``one hundred and three quarters`` is 100.75, ``3 million and a half`` 3.5
    million (after a scale of a thousand or more the fraction is of that scale).
    """
    total = 0.0
    current: float | None = None  # None: nothing seen since the last scale
    ceiling = 0.0  # after ``million,`` every later group must be smaller than a million
    seen = False
    last_scale = 0.0  # the scale word just closed, if the previous word was one
    last_word = ""
    before_tens: float | None = None  # ``current`` before the last tens word (``three twenty-firsts``)
    i = 0
    while i < len(words):
        w = words[i]
        nxt = words[i + 1] if i + 1 < len(words) else None
        if w in ("a", "an"):
            if nxt is None or not (nxt in SCALES or nxt in MULTIPLIERS or nxt in DENOMINATORS):
                return None
            if last_word in ("half", "quarter") and (nxt in SCALES or nxt in MULTIPLIERS):
                i += 1  # ``half a dozen``, ``half a million``: the fraction is the count
                continue
            current = (current or 0) + 1
        elif w == ",":
            if not _comma_group(words[i + 1:], last_scale):
                return None
            ceiling = last_scale
        elif w == "and":
            if not seen or nxt is None:
                return None
            rest = words[i + 1:]
            if _has_fraction(rest):
                if current is not None and rest[-1] in SCALES and rest[-1] != "hundred":
                    frac = _words(rest[:-1])  # ``five and a half million``
                    return None if frac is None else total + (current + frac) * SCALES[rest[-1]]
                frac = _words(rest)
                if frac is None:
                    return None
                if current is None and last_scale >= 1e3 and not any(x in SCALES for x in rest) and frac < 1:
                    return total + frac * last_scale  # ``3 million and a half``
                return total + (current or 0) + frac
        elif w in ONES and w != "none":
            if last_word in ONES or last_word in TENS and ONES[w] >= 10 or _TENS_PREFIX.match(last_word):
                return None  # ``three nought four``, ``one two``: separate numbers
            current = (current or 0) + ONES[w]
        elif w in TENS:
            before_tens = current
            if current is not None and last_word in ONES and 0 < current < 10:
                current = current * 100 + TENS[w]  # ``one twenty two`` is 122
            elif (last_word in TENS and nxt not in DENOMINATORS and nxt not in PLURAL_ORDINALS) \
                    or last_word in ONES or _TENS_PREFIX.match(last_word):
                return None
            else:
                current = (current or 0) + TENS[w]
        elif (m := _TENS_PREFIX.match(w)) and m[2] in ONES:
            before_tens = current
            current = (current or 0) + TENS[m[1]] + ONES[m[2]]
        elif w == "point":
            if nxt is None:
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
            current = (current or 0) + float("0." + digits)
            seen = True
            last_word = "point"
            i = j
            continue
        elif w == "hundred":
            if current is not None and current >= 100:
                return None  # ``3 hundred and 2 hundred``: two numbers
            current = (current if current is not None else 1) * 100
        elif w in SCALES or (w in PLURAL_SCALES and (current is not None or last_scale)):
            scale = SCALES.get(w) or PLURAL_SCALES[w]
            if ceiling and scale >= ceiling:
                return None  # ``two thousand, three million``: a list, not one number
            if current is None and last_scale and scale > last_scale:
                total *= scale  # ``three lakh crore``, ``three thousand millions``
            else:
                total += (current if current is not None else 1) * scale
            current = None
            last_scale = scale
            last_word = w
            seen = True
            i += 1
            continue
        elif w in MULTIPLIERS:
            current = (current if current is not None else 1) * MULTIPLIERS[w]
        elif w in DENOMINATORS or w in PLURAL_ORDINALS:
            den = DENOMINATORS.get(w) or PLURAL_ORDINALS[w]
            plural = w.endswith("s")
            if last_word in TENS and den < 10 and before_tens is not None \
                    and (plural or before_tens == 1):
                den += TENS[last_word]  # ``three twenty-firsts``: a compound denominator
                current = before_tens
            elif w in PLURAL_ORDINALS:
                return None
            if current is None and w not in ("half", "halves") and not (
                    w in ("quarter", "quarters") and nxt in SCALES):
                return None  # a bare "third" is an ordinal, not a fraction
            current = (current if current is not None else 1) / den
        elif (v := _digits(w)) is not None:
            if current is not None and last_word == "and" and current % 100 == 0 and 0 < v < 100 and nxt not in SCALES:
                v += current  # ``3 hundred and 21``
            elif current is not None:
                return None
            current = v
        elif w in SCALE_ABBREV and seen:
            total += (current if current is not None else 1) * SCALE_ABBREV[w]
            current = None
        else:
            return None
        seen = True
        last_scale = 0.0
        last_word = w
        i += 1
    if not seen:
        return None
    return total + (current or 0)


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


@_finite
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
    if (v := _digits(text)) is not None:
        return v
    m = _NUM_SUFFIX.match(text)
    if m and not m["pre"] and m["suf"] in GLUED_SCALES:
        base = _digits((m["sign"] or "") + m["num"])
        return None if base is None else base * SCALE_ABBREV[m["suf"].lower()]
    words = _split_words(text)
    sign = 1.0
    if text.startswith(("-", "−")) and words:
        sign = -1.0
    while words and words[0] in NEGATORS:
        sign, words = -sign, words[1:]
    value = _words(words)
    return None if value is None else sign * value


@_finite
def parse_ordinal(text: str) -> int | None:
    """The rank of an ordinal (``3rd``, ``third``, ``forty-second``, ``twentyfifth``), else None."""
    text = text.strip()
    if m := _ORDINAL_DIGITS.match(text):
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


@_finite
def parse_range(text: str) -> tuple[float, float] | None:
    """``(lower, upper)`` for ``5-10``, ``between 5 and 10``, ``three to four``; else None.

    A descending dash pair (``2-0``) is a score, and ``ddd-dddd`` a phone
    number, so neither is a range.
    """
    text = text.strip()
    if m := _RANGE_TOKEN.match(text):
        if "to" not in text.lower() and re.fullmatch(r"\d{3}-\d{4}", text):
            return None
        a, b = _digits(m["a"]), _digits(m["b"])
    elif m := _RANGE_WORDS.match(text):
        pa, pb = next((m[f"a{k}"], m[f"b{k}"]) for k in (1, 2, 3) if m[f"a{k}"])
        a, b = parse_number(pa), parse_number(pb)
    else:
        return None
    if a is None or b is None or b <= a:
        return None
    return a, b


@dataclass(frozen=True)
class Lexeme:
    """One token read as a number: its value (or range) plus the glued-on text around it.

    ``prefix``/``suffix`` are left for the unit table to judge (``$``, ``HK$``,
    ``kW``, ``%``); the lexer only knows numbers.
    """

    value: float
    prefix: str = ""
    suffix: str = ""
    upper: float | None = None
    ordinal: bool = False


_TIMES_TEN = re.compile(r"^(?P<m>[-−]?\d+(?:\.\d+)?)\s*[x×]\s*10\^?(?P<e>[-−+]?\d{1,3})(?P<suf>[^\d]*)$")
_TIMES_POWER = re.compile(r"^(?P<m>[-−]?\d+(?:\.\d+)?)\s*[x×]\s*(?P<b>\d+(?:\.\d+)?)\^(?P<e>[-−+]?\d{1,3})$")
_POWER = re.compile(r"^(?P<sign>[-−])?(?P<b>\d+(?:\.\d+)?)\^(?P<e>[-−+]?\d{1,3})$")
_PLUS_MINUS = re.compile(r"^(?P<a>[-−]?\d[\d,]*(?:\.\d+)?(?:[eE][-−+]?\d+)?)±(?P<b>\d[\d,]*(?:\.\d+)?(?:[eE][-−+]?\d+)?)(?P<suf>[^\d]*)$")
_SLASH_MONEY = re.compile(r"^(?P<a>\d[\d,]*(?:\.\d+)?)/(?P<cur>[$€£])(?P<b>\d[\d,]*(?:\.\d+)?)$")
_DASH_PAIR = re.compile(r"^(?P<a>[^-–—~]+)[-–—~](?P<b>[^-–—~]+)$")


@_finite
def power(text: str) -> float | None:
    """``1.3x10^6``, ``1.99×10−30``, ``2.5^-1``, ``8x2^10``: a number written with a power.

    Any base is read, not just ten: sizes in computing are written as
    multiples of powers of two (``8x2^10`` bits is 8192).
    """
    if m := _TIMES_TEN.match(text):
        if m["suf"]:
            return None
        return float(m["m"].replace("−", "-")) * 10.0 ** int(m["e"].replace("−", "-"))
    if m := _TIMES_POWER.match(text):
        try:
            return float(m["m"].replace("−", "-")) * float(m["b"]) ** int(m["e"].replace("−", "-"))
        except (OverflowError, ZeroDivisionError):
            return None
    if m := _POWER.match(text):
        try:
            value = float(m["b"]) ** int(m["e"].replace("−", "-"))
        except (OverflowError, ZeroDivisionError):
            return None
        return -value if m["sign"] else value
    return None


@_finite
def lex_token(text: str) -> Lexeme | None:
    """Read a single token that carries digits: ``6,000``, ``$5bn``, ``10kW``, ``5-10``, ``3rd``, ``½``.

    Returns None for anything else, including identifiers (``G7``) where
    letters come first but are not a currency (the caller decides that from
    ``prefix``), times (``17:22``) and multi-hyphen codes (ISBNs, phones).
    """
    if text in VULGAR:
        return Lexeme(VULGAR[text])
    if (v := _digits(text)) is not None:
        return Lexeme(v)
    if m := _ORDINAL_DIGITS.match(text):
        return Lexeme(float(m[1].replace(",", "")), ordinal=True)
    if ":" in text:
        return None
    if m := _TIMES_TEN.match(text):
        return Lexeme(float(m["m"].replace("−", "-")) * 10.0 ** int(m["e"].replace("−", "-")), suffix=m["suf"].strip())
    if "^" in text and (v := power(text)) is not None:
        return Lexeme(v)  # else a unit with a power may follow (``4km^3``)
    if m := _PLUS_MINUS.match(text):  # ``2,000.45±0.01``: a value and its margin
        a, b = _digits(m["a"]), _digits(m["b"])
        if a is not None and b is not None and b > 0:
            return Lexeme(a - b, suffix=m["suf"], upper=a + b)
    if m := _SLASH_MONEY.match(text):  # ``7/$9``: two prices, a range
        a, b = _digits(m["a"]), _digits(m["b"])
        if a is not None and b is not None and a < b:
            return Lexeme(a, prefix=m["cur"], upper=b)
    if (m := _DASH_PAIR.match(text)) and m["a"][:1].isdigit() and m["a"][-1:].isalpha() and m["b"][-1:].isalpha():
        a, b = parse_number(m["a"]), parse_number(m["b"])  # ``5k-20k``
        return Lexeme(a, upper=b) if a is not None and b is not None and a < b else None
    m = _NUM_SUFFIX.match(text)
    if not m:
        return None
    pre, suf = m["pre"], m["suf"] or ""
    core = (m["sign"] or "") + m["num"] + (m["vulgar"] or "")
    value = _digits(core)
    if value is None:
        return None
    if suf[:1] in "-–—~" and len(suf) > 1 and suf[1].isdigit():
        tail = re.match(r"([-–—~][\d,.]*\d)(.*)$", suf)
        rng = parse_range(core + tail[1]) if tail else None
        if rng is None:
            return None
        return Lexeme(rng[0], pre, tail[2], upper=rng[1])
    if suf in GLUED_SCALES or (pre and suf.lower() in SCALE_ABBREV):
        return Lexeme(value * SCALE_ABBREV[suf.lower()], pre)
    for abbrev, scale in SCALE_ABBREV.items():
        if len(abbrev) > 1 and suf.lower().startswith(abbrev) and not suf[len(abbrev):len(abbrev) + 1].isalpha():
            return Lexeme(value * scale, pre, suf[len(abbrev):])
    return Lexeme(value, pre, suf)
