"""One token that carries digits, read as a number and the text glued to it (``$5bn``, ``10kW``, ``5k-20k``).

Apart from :mod:`numwords` (written forms) because a token is a different
problem: the number is found inside it, and what is glued on either side is
left for the unit table to judge.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from tasks.numbers.lexicon import GLUED_SCALES, SCALE_ABBREV, VULGAR
from tasks.numbers.figures import NUM_SUFFIX, ORDINAL_DIGITS, digits_value, finite, quote_range
from tasks.numbers.numwords import parse_number, parse_range


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
_DASH_MONEY = re.compile(r"^(?P<a>\d[\d,]*(?:\.\d+)?)(?P<s1>[a-zA-Z]{0,3})[-–—](?P<cur>[$€£¥₹])"
                         r"(?P<b>\d[\d,]*(?:\.\d+)?)(?P<s2>[a-zA-Z]{0,3})$")
_DOTTED_PREFIX = re.compile(r"^([A-Za-z]+)\.(?=\d)")
_DASH_PAIR = re.compile(r"^(?P<a>[^-–—~]+)[-–—~](?P<b>[^-–—~]+)$")


@finite
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


def _dash_money(m: re.Match) -> Lexeme | None:
    """Both ends of ``24-$26``, ``40m-£50m``, ``1-$2bn`` (a scale written once, on the second end, is both ends').

    The tokenizer splits the second end's scale off (``40m-£50`` ``m``); the
    first end's then stands for both, and the reader takes the split-off letter.
    """
    s1, s2 = m["s1"].lower(), m["s2"].lower()
    if any(s and s not in SCALE_ABBREV for s in (s1, s2)):
        return None
    a, b = digits_value(m["a"]), digits_value(m["b"])
    if a is None or b is None:
        return None
    if s1 or s2:
        a, b = a * SCALE_ABBREV[s1 or s2], b * SCALE_ABBREV[s2 or s1]
    return Lexeme(a, upper=b) if a < b else None


@finite
def lex_token(text: str) -> Lexeme | None:
    """Read a single token that carries digits: ``6,000``, ``$5bn``, ``10kW``, ``5-10``, ``3rd``, ``½``.

    Returns None for anything else, including identifiers (``G7``) where
    letters come first but are not a currency (the caller decides that from
    ``prefix``), times (``17:22``) and multi-hyphen codes (ISBNs, phones).
    """
    if text in VULGAR:
        return Lexeme(VULGAR[text])
    if (v := digits_value(text)) is not None:
        return Lexeme(v)
    if (bid_offer := quote_range(text)) is not None:
        return Lexeme(bid_offer[0], upper=bid_offer[1])
    if m := ORDINAL_DIGITS.match(text):
        return Lexeme(float(m[1].replace(",", "")), ordinal=True)
    if ":" in text:
        return None
    if m := _TIMES_TEN.match(text):
        return Lexeme(float(m["m"].replace("−", "-")) * 10.0 ** int(m["e"].replace("−", "-")), suffix=m["suf"].strip())
    if "^" in text and (v := power(text)) is not None:
        return Lexeme(v)  # else a unit with a power may follow (``4km^3``)
    if m := _PLUS_MINUS.match(text):  # ``2,000.45±0.01``: a value and its margin
        a, b = digits_value(m["a"]), digits_value(m["b"])
        if a is not None and b is not None and b > 0:
            return Lexeme(a - b, suffix=m["suf"], upper=a + b)
    if m := _SLASH_MONEY.match(text):  # ``7/$9``: two prices, a range
        a, b = digits_value(m["a"]), digits_value(m["b"])
        if a is not None and b is not None and a < b:
            return Lexeme(a, prefix=m["cur"], upper=b)
    if (m := _DASH_MONEY.match(text)) and (found := _dash_money(m)) is not None:
        return found  # ``24-$26``, ``40m-£50m``: a price range with the symbol written on both ends
    if (m := _DASH_PAIR.match(text)) and m["a"][:1].isdigit() and m["a"][-1:].isalpha() and m["b"][-1:].isalpha():
        a, b = parse_number(m["a"]), parse_number(m["b"])  # ``5k-20k``
        return Lexeme(a, upper=b) if a is not None and b is not None and a < b else None
    m = NUM_SUFFIX.match(_DOTTED_PREFIX.sub(r"\1", text))  # ``Rs.500``: the dot ends the abbreviation
    if not m:
        return None
    pre, suf = m["pre"], m["suf"] or ""
    core = (m["sign"] or "") + m["num"] + (m["vulgar"] or "")
    value = digits_value(core)
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
