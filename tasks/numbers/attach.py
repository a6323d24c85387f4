"""Attach what a number measures: the unit or currency after it, the currency before it, a per-unit.

These steps fill a reading's unit and may move its ends; ranges and bounds
that span two readings are :mod:`tasks.numbers.extend`'s.
"""
from __future__ import annotations

from spacy.tokens import Doc

from tasks.numbers import currencies, numwords, read, tokens, units
from tasks.numbers.figures import quote_range
from tasks.numbers.lexicon import (
    WORD_SYMBOLS,
    WIRE_NOUNS,
    PER_NOUNS,
    Kind,
    ARTICLES,
    DASHES,
    PRIMES,
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
    money = currency_after(doc, r, j, end)
    if money is not None:
        r.unit, r.end = money
        return
    best = unit_word_after(doc, j, end)
    if best is None:
        return
    t = doc[j]
    r.unit, r.end = best
    if r.end == j + 1 and units.has_other_reading(t.text):
        r.unit = units.in_context(r.unit, t.text, [w.lower_ for w in (t.sent if doc.has_annotation("SENT_START") else doc)])
    if r.unit.kind == Kind.DURATION and best[1] + 1 < end and doc[best[1]].lower_ == "old":
        r.unit, r.end = units.Unit(f"{r.unit.name} of age", units.AGE), best[1] + 1
    elif r.unit.kind == Kind.DURATION and best[1] + 1 < end and doc[best[1]].lower_ == "of" and doc[best[1] + 1].lower_ == "age":
        r.unit, r.end = units.Unit(f"{r.unit.name} of age", units.AGE), best[1] + 2  # ``under 5 years of age``
    elif r.unit.kind == Kind.DURATION and r.start >= 2 and doc[r.start - 2].lower_ == "age" and doc[r.start - 1].lower_ == "of":
        r.unit = units.Unit(f"{r.unit.name} of age", units.AGE)  # ``under the age of 5 years``


#: A temperature scale written after ``degrees`` or a degree sign, however spelt (``35 ° C``, ``95 degrees Farenheit``).
TEMPERATURE_SCALES = {
    **dict.fromkeys(("c", "celsius", "celcius", "centigrade", "centigrate"), units.Unit("celsius", Kind.QUANTITY)),
    **dict.fromkeys(("f", "fahrenheit", "farenheit"), units.Unit("fahrenheit", Kind.QUANTITY)),
}


def temperature_scale(doc: Doc, r: tokens.Reading, end: int) -> None:
    """``35 ° C``, ``35° C``, ``95 degrees Farenheit``, ``35 degrees-C``: degrees the scale after them names.

    The longest-match lookup finds only the spellings the tables list; the
    sign or the word read as ``degree`` and a scale word after it, however
    spelt, are one temperature; a scale glued to the sign (``°Celsius``) is
    read even where the tagger ends a sentence between them.
    """
    j = r.end + (r.end + 1 < end and doc[r.end].text in (".", "-") and not doc[r.end - 1].whitespace_)
    if j >= (end if doc[j - 1].whitespace_ else len(doc)) or (scale := TEMPERATURE_SCALES.get(doc[j].lower_.rstrip("."))) is None:
        return
    if len(doc[j].text.rstrip(".")) == 1 and not doc[j].is_upper:
        return  # ``turned 90 degrees c...``: a lower-case letter is no scale
    r.unit, r.end = scale, j + 1


def currency_after(doc: Doc, r: tokens.Reading, j: int, end: int) -> tuple[units.Unit, int] | None:
    """The currency at ``j`` and where it ends: scaled wire currencies, ``pound`` by context, names, codes, symbols.

    Money comes before the unit database because its words are the ambiguous
    ones (``pound``, ``marks``) and the reading depends on the figure.
    """
    t = doc[j]
    if t.lower_ in currencies.SCALED_CURRENCY and (r.scale > 1 or price_follows(doc, j + 1, end) or quote(doc, r)):
        return units.Unit(currencies.SCALED_CURRENCY[t.lower_], Kind.MONEY), j + 1  # ``3.4 billion marks``
    if t.lower_ in currencies.AMBIGUOUS_POUND and not (j + 2 < end and doc[j + 1].text in DASHES
                                                        and units.lookup(doc[j:j + 3].text) is not None):
        sterling = r.scale > 1 or (j + 1 < end and doc[j + 1].lower_ == "sterling") or priced_in(doc, j + 1, end)
        return (units.Unit("pound sterling", Kind.MONEY) if sterling else units.Unit("pound-mass", Kind.QUANTITY)), j + 1
    if currencies.starts_phrase(t.lower_) and (phrase := currencies.currency_phrase([w.lower_ for w in doc[j:min(end, j + 3)]])):
        return units.Unit(phrase[0], Kind.MONEY), j + phrase[1]  # ``Australian dollars``, ``H.K. dlrs``
    cur = currencies.currency_word(t.text) or (currencies.currency_prefix(t.text) if not t.is_alpha else None) \
        or currencies.local_symbol_after(t.text, doc[j + 1].text if j + 1 < end else None)
    if cur and r.upper is None and r.scale == 1 and t.is_upper and j + 1 < end and doc[j + 1].lower_ in numwords.SCALES:
        r.value *= numwords.SCALES[doc[j + 1].lower_]  # ``75 USD million``: the code before the scale word
        r.scale = numwords.SCALES[doc[j + 1].lower_]
        return units.Unit(cur, Kind.MONEY), j + 2
    return (units.Unit(cur, Kind.MONEY), j + 1) if cur else None


def priced_in(doc: Doc, j: int, end: int) -> bool:
    """``one pound buying $1.4471``: a price in another currency within three words makes ``pound`` the currency.

    ``a pound of beef costs $5`` is a weight: an ``of`` in between ends the search.
    """
    for t in doc[j:min(end - 1, j + 3)]:
        if t.lower_ == "of":
            return False
        if not t.is_alpha and currencies.currency_prefix(t.text) is not None and doc[t.i + 1].like_num:
            return True
    return False


def unit_word_after(doc: Doc, j: int, end: int) -> tuple[units.Unit, int] | None:
    """The longest unit of the database written from ``j``, as written or abbreviated, and where it ends."""
    t = doc[j]
    text = ""
    best: tuple[units.Unit, int] | None = None
    for n in range(min(units.MAX_UNIT_TOKENS, end - j)):
        text += doc[j + n].text
        found = units.lookup(text)
        if found is None and len(doc[j + n].text) > 1 and doc[j + n].text.endswith(".") \
                and (j + n + 2 >= end or doc[j + n + 1].is_title and doc[j + n].text[:-1] not in WORD_SYMBOLS):
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
    elif best is None and t.text == "in" and not doc[j - 1].whitespace_ and doc[j - 1].text[-1:].isdigit() \
            and not (j + 1 < end and doc[j + 1].pos_ in ("DET", "PRON")):
        best = (units.lookup("inch"), j + 1)  # ``6ft 6in``: glued to the digits, ``in`` is no preposition
    if best is None and t.lower_ in UNIT_ADJECTIVES and j + 1 < end and doc[j + 1].is_alpha \
            and (found := units.lookup(doc[j + 1].text)) is not None and found.kind in (Kind.DURATION, Kind.QUANTITY) \
            and (t.lower_ not in ("next", "last", "past") or doc[j + 1].tag_ == "NNS"):
        best = (found, j + 2)  # ``three straight days``, ``the 50 previous years``; ``May 13 next year`` is a date
    return best


def quote(doc: Doc, r: tokens.Reading) -> bool:
    """``1.8140 marks``, ``1.8140/50 marks``: a figure with two or more decimals (or a dealer's bid and offer)
    is a price or a rate, never a grade or a count."""
    text = doc[r.end - 1].text
    decimals = text.rpartition(".")[2]
    return "." in text and len(decimals) >= 2 and decimals.isdigit() or quote_range(text) is not None


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
    found = unit_word_after(doc, k, end)  # the denominator is read as any unit is (``per kilowatt-hour``)
    if found or nxt.pos_ in ("NOUN", "PROPN"):
        name = found[0].name if found else WIRE_NOUNS.get(nxt.lower_, nxt.lemma_.lower())
        r.unit, r.end = units.Unit(f"{r.unit.name} per {name}", r.unit.kind), found[1] if found else k + 1


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
    if prev.text == "US" and i - 2 >= floor and doc[i - 2].text == "$" and not doc[i - 2].whitespace_:
        r.unit, r.start = units.Unit("dollar", Kind.MONEY), i - 2  # ``$US 113 million``, as Australian papers write it
        return
    if cur is None and r.scale > 1:
        cur = currencies.scaled_code(prev.text)  # ``SAR 40 million``
    elif cur is not None and prev.is_alpha and not currencies.alpha_prefix(prev.text):
        return
    if cur is None:
        return
    start = i - 1
    country = doc[i - 2].text if i - 2 >= floor else ""
    if country.islower() and country != "a" and len(country) <= 2:
        country = country.upper()  # ``the c $ 300 million charge``: lower-cased wire copy
    if prev.text == "$" and country + "$" in currencies.CURRENCY_PREFIX and not doc[i - 2].whitespace_ == "\n" \
            and not (country == "A" and doc[i - 2].whitespace_ and i - 2 == floor):  # ``A $50m grant``: an article
        cur, start = currencies.CURRENCY_PREFIX[country + "$"], i - 2
    r.unit, r.start = units.Unit(cur, Kind.MONEY), start


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
    if r.end < end and (doc[r.end].text in (",", "x", "×") or doc[r.end].lower_ == "and" and in_list(doc, r)):
        unit_from_list(doc, r, end)
        return
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
    if other.unit is not None and other.unit.kind in (Kind.MONEY, Kind.PERCENT, Kind.QUANTITY, Kind.DURATION):
        r.unit = other.unit


def unit_from_list(doc: Doc, r: tokens.Reading, end: int) -> None:
    """``66.5 x 107 mm``, ``in 40, 50 or 60 years``: the sides of a size and the members of a list share the unit written last.

    A list needs three members (or this number to be inside one), so ``won 3,
    lost 2`` or ``In 2019, 500 people`` never lend a unit; a size needs a
    measure (``3 x 4 metres``), not a count.
    """
    sized = doc[r.end].text in ("x", "×")
    inside = in_list(doc, r)
    k, hops = r.end, 0
    while k + 1 < end and doc[k].lower_ in ((",", "and", "or") if not sized else ("x", "×")) \
            and tokens.can_start(doc[k + 1]) and doc[k + 1].shape_ != "dddd":
        other = read.read_number(doc, k + 1, end)
        if other is None or other.ordinal or other.upper is not None:
            return
        hops += 1
        if other.unit is None:
            unit_after(doc, other, end)
        if other.unit is not None:
            if sized and other.unit.kind == Kind.QUANTITY or not sized and (hops >= 2 or inside) \
                    and other.unit.kind in (Kind.MONEY, Kind.PERCENT, Kind.QUANTITY, Kind.DURATION):
                r.unit = other.unit
            return
        if sized:
            return
        k = other.end


def in_list(doc: Doc, r: tokens.Reading) -> bool:
    """Whether the number follows another and a comma (``5, 6 and 7``)."""
    return r.start >= 2 and doc[r.start - 1].text == "," and doc[r.start - 2].like_num
