"""Grow a reading to the right and left: unit, currency, per-unit, range, margin, bounds, share.

Each step only extends the span and fills the reading; whether the result is
an amount at all is :mod:`tasks.numbers.judge`'s call.
"""
from __future__ import annotations

from typing import NamedTuple

from spacy.tokens import Doc

from tasks.numbers import currencies, judge, numwords, qualifiers, read, tokens, units
from tasks.numbers.lexicon import (
    WIRE_NOUNS,
    PER_NOUNS,
    Kind,
    ARTICLES,
    BOUNDS,
    DASHES,
    DECREASE,
    INCREASE,
    PRIMES,
    RANGE_LINKS,
    UNIT_ADJECTIVES,
)


def unit_after(doc: Doc, r: tokens.Reading, end: int) -> None:
    """Attach the unit written right after the number (``%``, ``miles per hour``, ``Australian dollars``)."""
    j = r.end
    if j < end and doc[j].text in PRIMES and is_prime(doc, j, end):
        r.unit, r.end = units.lookup(PRIMES[doc[j].text]), j + 1  # ``30'``, ``8"``: feet and inches
        return
    if j < end and doc[j].text == "-" and not doc[j - 1].whitespace_ and not doc[j].whitespace_:
        j += 1  # ``27-kilometer``, ``15-year-old``
        r.hyphen = True
    if j >= end:
        return
    t = doc[j]
    if t.lower_ in currencies.SCALED_CURRENCY and (r.scale > 1 or price_follows(doc, j + 1, end) or quote(doc, r)):
        r.unit, r.end = units.Unit(currencies.SCALED_CURRENCY[t.lower_], Kind.MONEY), j + 1  # ``3.4 billion marks``
        return
    if t.lower_ in currencies.AMBIGUOUS_POUND and not (j + 2 < end and doc[j + 1].text in DASHES
                                                        and units.lookup(doc[j:j + 3].text) is not None):
        r.unit = units.Unit("pound sterling", Kind.MONEY) if r.scale > 1 or (j + 1 < end and doc[j + 1].lower_ == "sterling") \
            else units.Unit("pound-mass", Kind.QUANTITY)
        r.end = j + 1
        return
    if currencies.starts_phrase(t.lower_) and (phrase := currencies.currency_phrase([w.lower_ for w in doc[j:min(end, j + 3)]])):
        r.unit, r.end = units.Unit(phrase[0], Kind.MONEY), j + phrase[1]  # ``Australian dollars``, ``H.K. dlrs``
        return
    cur = currencies.currency_word(t.text) or (currencies.currency_prefix(t.text) if not t.is_alpha else None) \
        or currencies.local_symbol_after(t.text, doc[j + 1].text if j + 1 < end else None)
    if cur:
        r.unit, r.end = units.Unit(cur, Kind.MONEY), j + 1
        return
    text = ""
    best: tuple[units.Unit, int] | None = None
    for n in range(min(units.MAX_UNIT_TOKENS, end - j)):
        text += doc[j + n].text
        found = units.lookup(text)
        if found is None and len(doc[j + n].text) > 1 and doc[j + n].text.endswith(".") \
                and (j + n + 2 >= end or doc[j + n + 1].is_title and doc[j + n].text[:-1] not in units.WORD_SYMBOLS):
            found = units.lookup(text[:-1])  # ``125.8 p.``, ``250 kW. This``: the full stop glued to the unit
        elif found is None and doc[j + n].text[-1:] in DASHES and doc[j + n].text[:-1].isalpha():
            found = units.lookup(text[:-1])  # ``287 miles- and``: a dash glued to the unit word
        elif found is None and "." in doc[j + n].text[:-1] and doc[j + n].text.replace(".", "").isalpha():
            found = units.lookup(text.replace(".", ""))  # ``55 m.p.h.``, ``3 p.c.``: dotted abbreviations
        if found:
            best = (found, j + n + 1)
        text += doc[j + n].whitespace_
    if best is None and j + 1 < end and j + 2 < len(doc) and t.is_lower and not t.whitespace_ and doc[j + 1].text == "." \
            and doc[j + 2].is_lower and (found := units.dotted(t.text)) is not None:
        best = (found, j + 2)  # ``12 in. wide``: the full stop makes a word an abbreviation (the tagger may end a sentence there)
    if best is None and t.text.islower() and (found := units.word_length(t.text, doc[j + 1].lower_ if j + 1 < end else None)):
        best = (found, j + 1)  # ``2 in thick``, ``the pencil is 2 in.``
    if best is None and t.lower_ in UNIT_ADJECTIVES and j + 1 < end and doc[j + 1].is_alpha \
            and (found := units.lookup(doc[j + 1].text)) is not None and found.kind in (Kind.DURATION, Kind.QUANTITY) \
            and (t.lower_ not in ("next", "last", "past") or doc[j + 1].tag_ == "NNS"):
        best = (found, j + 2)  # ``three straight days``, ``the 50 previous years``; ``May 13 next year`` is a date
    if best:
        r.unit, r.end = best
        if r.end == j + 1 and units.has_other_reading(t.text):
            r.unit = units.in_context(r.unit, t.text, [w.lower_ for w in (t.sent if doc.has_annotation("SENT_START") else doc)])
        if r.unit.kind == Kind.DURATION and best[1] + 1 < end and doc[best[1]].lower_ == "old":
            r.unit, r.end = units.Unit(f"{r.unit.name} of age", units.AGE), best[1] + 1
        elif r.unit.kind == Kind.DURATION and r.start >= 2 and doc[r.start - 2].lower_ == "age" and doc[r.start - 1].lower_ == "of":
            r.unit = units.Unit(f"{r.unit.name} of age", units.AGE)  # ``under the age of 5 years``


def quote(doc: Doc, r: tokens.Reading) -> bool:
    """``1.8140 marks``: a figure with two or more decimals is a price or a rate, never a grade or a count."""
    decimals = doc[r.end - 1].text.rpartition(".")[2]
    return "." in doc[r.end - 1].text and len(decimals) >= 2 and decimals.isdigit()


def price_follows(doc: Doc, j: int, end: int) -> bool:
    """``a share``, ``per dollar``, ``per tonne`` at ``j``: what comes before is a price (``450 lire a share``)."""
    if j + 1 >= end or doc[j].lower_ not in ("a", "an", "per"):
        return False
    nxt = doc[j + 1]
    return WIRE_NOUNS.get(nxt.lower_, nxt.lemma_.lower()) in PER_NOUNS or currencies.currency_word(nxt.text) is not None


def is_prime(doc: Doc, j: int, end: int) -> bool:
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


def per_unit(doc: Doc, r: tokens.Reading, end: int) -> None:
    """Extend money and quantities with a denominator: ``$58.24 per barrel``, ``barrels a day``."""
    j = r.end
    if r.unit is None or j + 1 >= end:
        return
    if doc[j].lower_ == "of" and j + 3 < end and doc[j + 1].pos_ == "NOUN" and doc[j + 2].lower_ in ("per", "a", "an"):
        j += 2  # ``5,000 barrels of oil per day``: what is measured sits between the unit and its denominator
    if hyphen_at(doc, j) and doc[j + 1].lower_ in ARTICLES and j + 2 < end:
        j += 1  # ``£10-a-month``
    link = doc[j].lower_
    k = j + 2 if link in ARTICLES and j + 2 < end and hyphen_at(doc, j + 1) else j + 1  # ``£24 a-year``
    nxt = doc[k]
    after = doc[k + 1].lower_ if k + 1 < end else ""
    if link in ARTICLES and ((units.lookup(nxt.text) is None and nxt.lower_ not in PER_NOUNS)
                             or after in ("ago", "earlier", "later", "before", "after")):
        return  # ``$6.78 billion a year earlier`` is a date, not a rate
    if link not in ("per", "/") and link not in ARTICLES:
        return
    two = units.lookup(f"{nxt.text} {after}") if after else None
    found = two or units.lookup(nxt.text)
    if found or nxt.pos_ in ("NOUN", "PROPN"):
        name = found.name if found else WIRE_NOUNS.get(nxt.lower_, nxt.lemma_.lower())
        r.unit, r.end = units.Unit(f"{r.unit.name} per {name}", r.unit.kind), k + (2 if two else 1)


def hyphen_at(doc: Doc, j: int) -> bool:
    """A hyphen glued on both sides (``a-year``), as opposed to a spaced dash."""
    return doc[j].text == "-" and not doc[j - 1].whitespace_ and not doc[j].whitespace_


def currency_before(doc: Doc, r: tokens.Reading, floor: int) -> None:
    """A currency symbol or code as its own token before the number (``US $58.24``, ``HK $3.7``)."""
    i = r.start
    if i <= floor or (r.unit is not None and r.unit.kind == Kind.MONEY):
        return
    if doc[i - 1].text == "." and i - 2 >= floor and not doc[i - 2].whitespace_ and doc[i - 2].is_alpha \
            and currencies.currency_prefix(doc[i - 2].text) is not None:
        i -= 1  # ``Rs. 5,000``: a dotted abbreviation of the currency
    prev = doc[i - 1]
    cur = currencies.currency_prefix(prev.text)
    if cur is None or prev.is_alpha and not currencies.alpha_prefix(prev.text):
        return
    start = i - 1
    if prev.text == "$" and i - 2 >= floor and doc[i - 2].text + "$" in currencies.CURRENCY_PREFIX and not doc[i - 2].whitespace_ == "\n":
        cur, start = currencies.CURRENCY_PREFIX[doc[i - 2].text + "$"], i - 2
    r.unit, r.start = units.Unit(cur, Kind.MONEY), start


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
        k += 1  # ``between the tenth and the fifteenth``
    if link == "-" and (r.unit is not None or (doc[j - 1].whitespace_ != doc[j].whitespace_)):
        return None
    if link in DASHES and r.start > 0 and doc[r.start - 1].text in DASHES and not doc[r.start - 1].whitespace_:
        return None  # ``three-nought-four``: a chain of digits, not a range
    if link == "-" and not doc[j].whitespace_ and doc[j - 1].is_digit and doc[k].is_alpha and doc[k].is_title:
        return None  # ``7-Eleven``: digits glued to a capitalised number word make a name
    if r.unit is not None and not between and after_change(doc, r):
        return None  # ``by $43.6 billion to $419.2 billion``, ``rose 2.1 pct to 5.6 pct``: a change, then a level
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
    elif link in ("over", "in"):
        k += 1
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
    if link != "over" and other.value < r.value:
        return  # ``12 out of 10`` is not a share
    if link == "in" and (other.value == r.value or judge.year_shaped(doc[k], other.value)
                         or judge.is_season(doc, other)):
        return  # ``3 in 2019``, ``2.1 in 1985/86``
    r.value, r.end = r.value / other.value, other.end


def unit_before_or(doc: Doc, r: tokens.Reading, floor: int) -> None:
    """``a day or two``, ``an hour or two``: the unit is written once, with the article before it."""
    i = r.start
    if r.ordinal or i - 3 < floor or doc[i - 1].lower_ != "or" or doc[i - 3].lower_ not in ARTICLES \
            or doc[i - 2].pos_ != "NOUN":
        return  # ``a second or third person``: ordinals, not a unit
    found = units.lookup(doc[i - 2].text)
    if found is not None and found.kind in (Kind.DURATION, Kind.QUANTITY):
        r.unit = found


def unit_from_alternative(doc: Doc, r: tokens.Reading, end: int) -> None:
    """``8 or $9``, ``eight or nine euros``: a bare number shares the unit of its alternative."""
    k = r.end + 1
    if k >= end or doc[r.end].lower_ != "or":
        return
    cur = currencies.currency_prefix(doc[k].text)
    if cur is not None and not doc[k].is_alpha:
        r.unit = units.Unit(cur, Kind.MONEY)
        return
    if not tokens.can_start(doc[k]):
        return
    other = read.read_number(doc, k, end)
    if other is None or other.ordinal or other.upper is not None:
        return
    if other.unit is None:
        unit_after(doc, other, end)
    if other.unit is not None and other.unit.kind in (Kind.MONEY, Kind.PERCENT, Kind.QUANTITY):
        r.unit = other.unit


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
