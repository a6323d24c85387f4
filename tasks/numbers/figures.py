"""A figure as written in digits: grouped thousands, decimals, exponents, vulgar and slash fractions, quotes.

The one reader of a digit string, shared by the word accumulator
(:mod:`numwords`: ``1.2 million``) and the token reader (:mod:`lexeme`:
``$5bn``), so ``6,000`` means the same wherever it is met.
"""
from __future__ import annotations

import functools
import math
import re

from tasks.numbers.lexicon import VULGAR

GROUPED = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d{1,2}(?:,\d{2})+,\d{3}(?:\.\d+)?"  # 1,234,567 and lakh 12,34,567
_DIGITS = re.compile(
    r"""^(?P<sign>[-−+])?
    (?P<num>""" + GROUPED + r"""|\d+(?:\.\d+)?|\.\d+)
    (?:[eE](?P<exp>[-−+]?\d{1,3}))?
    (?P<vulgar>[½⅓⅔¼¾⅕⅛⅙])?
    (?:/(?P<den>\d+))?$""",
    re.X,
)
ORDINAL_DIGITS = re.compile(r"^(\d{1,3}(?:,\d{3})+|\d+)(?:st|nd|rd|th)$", re.I)
NUM_SUFFIX = re.compile(
    r"^(?P<pre>[^\d.\-−+]*?)(?P<sign>[-−+])?(?P<num>" + GROUPED + r"|\d+(?:\.\d+)?|\.\d+)"
    r"(?P<vulgar>[½⅓⅔¼¾⅕⅛⅙])?(?P<suf>[^\d.,][^\d]*[23²³]?|[-–—~][\d,.]*\d[^\d]*)?$"
)
_QUOTE = re.compile(r"^(?P<whole>\d+)\.(?P<dec>\d+)/(?P<tail>\d+)$")


def quote_range(text: str) -> tuple[float, float] | None:
    """``1.8250/60``, ``145.20/30``: a dealer's bid and offer, the offer written as the bid's last digits.

    Markets quote so (the offer 1.8260, two digits or more); a fraction in
    news never has a decimal numerator, so the quotient 0.03 is never meant.
    A figure of one or two decimals no larger than the tail is a mark out of
    it (``8.75/10``, ``4.25/5``), no quote. An offer's digits below the
    bid's roll over (``1.8295/05`` is 1.8305).
    """
    m = _QUOTE.match(text)
    if m is None or not 2 <= len(m["tail"]) <= len(m["dec"]):
        return None
    bid = float(f"{m['whole']}.{m['dec']}")
    if len(m["dec"]) <= 2 and bid <= int(m["tail"]):
        return None
    keep = len(m["dec"]) - len(m["tail"])
    offer = float(f"{m['whole']}.{m['dec'][:keep]}{m['tail']}")
    if offer <= bid:
        offer += 10.0 ** -keep
    return bid, round(offer, len(m["dec"]))


def digits_value(text: str) -> float | None:
    """``6,000``, ``.77``, ``-4/5``, ``2½``, ``1.3e6``; None for anything else (``12,34``, ``1/0``, a quote)."""
    m = _DIGITS.match(text)
    if not m or m["den"] and "." in m["num"] and quote_range(text) is not None:
        return None
    num = m["num"]
    if "," in num and not re.fullmatch(GROUPED, num):
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


def finite(fn):
    """A figure too large for a float (``1e400``, four hundred digits) reads as no amount:
    None, never ``inf`` and never an OverflowError that would cost the article."""
    @functools.wraps(fn)
    def guarded(text: str):
        try:
            out = fn(text)
            values = out if isinstance(out, tuple) else (out.value, out.upper) if hasattr(out, "upper") else (out,)
            return out if all(v is None or math.isfinite(float(v)) for v in values) else None
        except OverflowError:
            return None
    return guarded
