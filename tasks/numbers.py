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
QUALIFIERS: dict[tuple[str, ...], str] = {
    **{tuple(p.split()): "lower_bound" for p in (
        "more than", "over", "above", "at least", "in excess of", "upwards of", "exceeding", "greater than",
        "no less than", "not less than", "no fewer than", "a minimum of", "minimum of", "at a minimum",
        "higher than", "larger than", "well over", "just over", "beyond", "more then", "over than",
    )},
    **{tuple(p.split()): "upper_bound" for p in (
        "up to", "less than", "fewer than", "under", "below", "at most", "no more than", "not more than",
        "a maximum of", "maximum of", "just under", "lower than", "as many as", "as much as", "as high as",
        "within", "shy of", "short of",
    )},
    **{tuple(p.split()): "approx" for p in (
        "about", "around", "approximately", "roughly", "some", "nearly", "almost", "circa", "c.", "~", "≈",
        "an estimated", "estimated", "close to", "approx.", "approx", "around about", "or so", "somewhere around",
        "an average of", "on average",
    )},
}
_QUAL_MAX = max(len(k) for k in QUALIFIERS)
RIGHT_QUALIFIERS: dict[tuple[str, ...], str] = {("or", "more"): "lower_bound", ("plus",): "lower_bound", ("+",): "lower_bound",
                                                 ("or", "so"): "approx", ("or", "less"): "upper_bound", ("or", "fewer"): "upper_bound"}
INCREASE = frozenset({"rise", "increase", "gain", "grow", "climb", "jump", "advance", "surge", "soar", "rally",
                      "add", "boost", "raise", "up", "rocket", "spike", "expand", "improve", "lift", "widen"})
DECREASE = frozenset({"fall", "drop", "decrease", "decline", "lose", "slip", "slide", "sink", "plunge", "tumble",
                      "cut", "shed", "down", "dip", "shrink", "reduce", "lower", "slump", "ease", "retreat", "narrow"})
SCALE_WORDS = frozenset(numwords.SCALES) | frozenset(numwords.MULTIPLIERS) | frozenset(numwords.SCALE_ABBREV)
RANGE_LINKS = frozenset({"to", "-", "–", "—", "through", "thru"})
_ARTICLES = frozenset({"a", "an"})
#: Words spaCy puts into DATE entities around plain amounts (``between 5 and 10``, ``one and a half``).
_DATE_NEUTRAL = frozenset({"a", "an", "and", "-", "between", "to", "from", "about", "around", "over", "under",
                           "more", "than", "up", "some", "nearly", "almost", "at", "least"})


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


def _is_word_number(tok: Token) -> bool:
    return tok.lower_ in numwords.NUMBER_WORDS


def _can_start(tok: Token) -> bool:
    """Cheap gate run on every token; everything after it runs only on candidates."""
    return tok.like_num or "d" in tok.shape_ or _is_word_number(tok) or tok.text in numwords.VULGAR \
        or tok.lower_ in numwords.ORDINALS


def _grow_words(doc: Doc, i: int, end: int) -> int:
    """End of a spelled-out number starting at ``i``: ``twenty - one thousand``, ``two and a half``."""
    j = i + 1
    while j < end:
        t = doc[j]
        low = t.lower_
        prev = doc[j - 1]
        if _is_word_number(t) or (low in numwords.DENOMINATORS and (low not in numwords.ORDINALS or prev.lower_ == "one")) \
                or (low in numwords.DENOMINATORS and _is_word_number(prev) and t.tag_ == "NNS"):
            j += 1
        elif t.like_num and prev.lower_ == "point":
            j += 1
        elif low == "-" and not prev.whitespace_ and j + 1 < end and not t.whitespace_ \
                and (_is_word_number(doc[j + 1]) or doc[j + 1].lower_ in numwords.DENOMINATORS) and _is_word_number(prev):
            j += 1
        elif low == "and" and j + 1 < end and _is_word_number(prev) and prev.lower_ != "point" and (
                (_is_word_number(doc[j + 1]) and prev.lower_ in numwords.SCALES)
                or (doc[j + 1].lower_ in _ARTICLES and j + 2 < end and doc[j + 2].lower_ in ("half", "quarter"))):
            j += 2 if doc[j + 1].lower_ not in _ARTICLES else 3
        else:
            break
    while j > i + 1 and doc[j - 1].lower_ in ("-", "and", "point"):
        j -= 1
    return j


def _read_number(doc: Doc, i: int, end: int) -> _Reading | None:
    """Read the number that starts at token ``i`` (before any range or unit to its right)."""
    tok = doc[i]
    if "d" in tok.shape_ or tok.text in numwords.VULGAR:
        lex = numwords.lex_token(tok.text)
        if lex is None:
            return None
        unit = None
        if lex.prefix:
            cur = units.currency_prefix(lex.prefix)
            if cur is None and lex.prefix not in ("~", "≈"):
                return None
            unit = units.Unit(cur, "money") if cur else None
        if lex.suffix:
            found = units.lookup(lex.suffix)
            cur = units.currency_prefix(lex.suffix) if not lex.suffix.isalpha() else None
            if found is None and cur is None:
                return None
            unit = found or units.Unit(cur, "money")
        r = _Reading(i, i + 1, lex.value, lex.upper, lex.ordinal, unit)
        if i > 0 and doc[i - 1].lower_ in numwords.NEGATORS and lex.value > 0:
            r.start, r.value = i - 1, -lex.value  # ``minus 5``
        j = i + 1
        while j < end and (unit is None or unit.kind == "money"):
            low = doc[j].lower_
            if low in numwords.SCALES or low in numwords.MULTIPLIERS or (j == i + 1 and (
                    low in ("bn", "mn", "tn") or (low in ("m", "b", "k") and unit is not None))):
                factor = numwords.SCALES.get(low) or numwords.MULTIPLIERS.get(low) or numwords.SCALE_ABBREV[low]
                r.value *= factor
                if r.upper is not None:
                    r.upper *= factor
                r.scale *= factor
                j += 1
            else:
                break
        r.end = j
        return r
    low = tok.lower_
    if low in numwords.ORDINALS and not (low == "second" and i + 1 < end and doc[i + 1].lower_ in ("half",)):
        if low in ("second", "seconds") and i > 0 and _is_word_number(doc[i - 1]):
            return None
        return _Reading(i, i + 1, float(numwords.ORDINALS[low]), ordinal=True)
    j = _grow_words(doc, i, end)
    text = doc[i:j].text
    if j < end and doc[j - 1].lower_ in numwords.TENS and doc[j].lower_ in numwords.ORDINALS and not doc[j - 1].whitespace_ == "":
        rank = numwords.parse_ordinal(text + " " + doc[j].text)
        return None if rank is None else _Reading(i, j + 1, float(rank), ordinal=True)
    start = i
    if i > 0 and doc[i - 1].lower_ in _ARTICLES and low in ("dozen", "hundred", "thousand", "half", "quarter", "million", "billion"):
        start, text = i - 1, doc[i - 1].text + " " + text
    if start > 0 and doc[start - 1].lower_ in numwords.NEGATORS:
        start, text = start - 1, doc[start - 1].text + " " + text
    value = numwords.parse_number(text)
    if value is None:
        return None
    if low in numwords.SCALES and start == i:
        return None  # ``several hundred``: no numeral, no amount
    if low in ("half", "halves") and j == i + 1 and (
            (i > 0 and doc[i - 1].tag_ in ("DT", "JJ")) or (j < end and doc[j].text == "-")):
        return None  # ``this half``, ``half-staff``
    scale = 1.0
    for t in doc[i:j]:
        scale *= numwords.SCALES.get(t.lower_, 1.0)
    return _Reading(start, j, value, scale=scale)


def _unit_after(doc: Doc, r: _Reading, end: int) -> None:
    """Attach the unit written right after the number (``%``, ``miles per hour``, ``Australian dollars``)."""
    j = r.end
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
        if found:
            best = (found, j + n + 1)
        text += doc[j + n].whitespace_
    if best:
        r.unit, r.end = best
        if r.unit.kind == "duration" and best[1] + 1 < end and doc[best[1]].lower_ == "old":
            r.unit, r.end = units.Unit(f"{r.unit.name} of age", "age"), best[1] + 1


def _per_unit(doc: Doc, r: _Reading, end: int) -> None:
    """Extend money and quantities with a denominator: ``$58.24 per barrel``, ``barrels a day``."""
    j = r.end
    if r.unit is None or j + 1 >= end:
        return
    link = doc[j].lower_
    nxt = doc[j + 1]
    after = doc[j + 2].lower_ if j + 2 < end else ""
    if link in _ARTICLES and (units.lookup(nxt.text) is None or after in ("ago", "earlier", "later", "before", "after")):
        return  # ``$6.78 billion a year earlier`` is a date, not a rate
    if link not in ("per", "/") and link not in _ARTICLES:
        return
    two = units.lookup(f"{nxt.text} {after}") if after else None
    found = two or units.lookup(nxt.text)
    if found or nxt.pos_ in ("NOUN", "PROPN"):
        name = found.name if found else nxt.lemma_.lower()
        r.unit, r.end = units.Unit(f"{r.unit.name} per {name}", r.unit.kind), j + (3 if two else 2)


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
    for n in range(min(_QUAL_MAX, start - floor), 0, -1):
        key = tuple(t.lower_ for t in doc[start - n:start])
        if key in QUALIFIERS:
            # ``just under`` / ``well over`` keep the longer match.
            return QUALIFIERS[key], start - n
    return None, start


def _qualifier_right(doc: Doc, end: int, sent_end: int) -> tuple[str | None, int]:
    for n in (2, 1):
        if end + n <= sent_end:
            key = tuple(t.lower_ for t in doc[end:end + n])
            if key in RIGHT_QUALIFIERS:
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
    mods = [c.lower_ for c in noun.lefts if c.i >= start and not c.ent_type_
            and (c.dep_ == "compound" and c.pos_ in ("NOUN", "ADJ") or c.dep_ == "amod" and c.pos_ == "ADJ")]
    head = noun.lemma_.lower() if noun.pos_ == "NOUN" or noun.tag_ == "NNPS" else noun.text
    return " ".join([*mods, head])


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


def _is_year(doc: Doc, r: _Reading) -> bool:
    tok = doc[r.start]
    if r.unit is not None or tok.shape_ != "dddd" or not 1000 <= r.value <= 2100:
        return False
    nxt = doc[r.end] if r.end < len(doc) else None
    return nxt is None or nxt.tag_ != "NNS"


def _is_label(doc: Doc, r: _Reading, floor: int) -> bool:
    """Numbers that name rather than count: ``Section 427``, ``Game 2``, list markers ``1.``."""
    if r.unit is not None:
        return False
    if r.start == floor or "\n" in doc[r.start - 1].text_with_ws:
        nxt = doc[r.end] if r.end < len(doc) else None
        if nxt is not None and nxt.text in (".", ")"):
            return True
    if r.start == floor:
        return False
    first, prev = doc[r.start], doc[r.start - 1]
    if first.text[:1] == "0" and first.is_digit and len(first.text) > 1:
        return True  # ``0401 GMT``, codes with leading zeros
    if prev.lower_ in ID_NOUNS and (prev.pos_ in ("NOUN", "PROPN") or prev.text == "#"):
        return True
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
    if j + 1 >= end or r.upper is not None or r.ordinal:
        return None
    link = doc[j].lower_
    if not (link in RANGE_LINKS or (between and link == "and")):
        return None
    k = j + 1
    if link == "-" and (r.unit is not None or (doc[j - 1].whitespace_ != doc[j].whitespace_)):
        return None
    if r.start > 0 and doc[r.start - 1].lower_ == "by":
        return None  # ``by $43.6 billion to $419.2 billion``: a change, then a level
    cur = units.currency_prefix(doc[k].text)
    if cur is not None and not doc[k].is_alpha:
        k += 1
    if k >= end or not _can_start(doc[k]):
        return None
    other = _read_number(doc, k, end)
    if other is None or other.ordinal or other.upper is not None:
        return None
    if other.unit is None:
        if cur:
            other.unit = units.Unit(cur, "money")
        else:
            _unit_after(doc, other, end)
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


def _kind(r: _Reading) -> str:
    if r.ordinal:
        return "ordinal"
    if r.upper is not None:
        return "range"
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
            if row is not None:
                rows.append(row)
            i = max(r.end, i + 1)
    return rows


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
    first_tok = doc[r.start if doc[r.start].text not in units.CURRENCY_PREFIX else min(r.start + 1, r.end - 1)]
    between = r.start > floor and doc[r.start - 1].lower_ in ("between", "from") or (q_start > floor and doc[q_start - 1].lower_ in ("between", "from"))
    other = _range_after(doc, r, end, between)
    if other is not None:
        r.upper, r.end = other.value, other.end
        r.unit = r.unit or other.unit
        if r.upper < r.value:
            r.value, r.upper = r.upper, r.value
        if between and q_start == r.start and r.start > floor:
            q_start = r.start - 1
    _per_unit(doc, r, end)
    if r.ordinal and r.unit is not None:
        return None
    if r.unit is None or r.unit.kind not in ("money", "percent", "quantity", "age"):
        date = dates.get(first_tok.i)
        if date is not None and r.unit is None and any(
                not (t.like_num or t.lower_ in numwords.NUMBER_WORDS or t.lower_ in _DATE_NEUTRAL) for t in date):
            return None  # ``April 2014``, ``11 a.m.``; ``between 5 and 10`` mislabelled DATE stays
        if first_tok.ent_type_ in NAME_LABELS:
            return None
        if r.unit is None and ((qualifier is None and _is_year(doc, r)) or _is_label(doc, r, floor)):
            return None
        if r.unit is None and r.upper is None and r.end < end and doc[r.end].text == "-" and not doc[r.end].whitespace_ \
                and r.end + 1 < end and doc[r.end + 1].like_num:
            return None  # ``2-0``: a score
        if r.unit is None and r.upper is None and doc[r.start].is_alpha and r.end + 1 < end and doc[r.end].text == "-" \
                and not doc[r.end].whitespace_ and doc[r.end + 1].tag_ in ("NN", "JJ"):
            return None  # ``six-speed``, ``three-bed``: a compound adjective, not a count
    if r.hyphen and r.unit is not None and r.unit.kind == "duration" and r.end < end and doc[r.end].pos_ in ("NOUN", "PROPN", "SYM", "ADJ"):
        return None  # ``a five-year $700000 award``: describes the award
    if r.ordinal and first_tok.ent_type_ in NAME_LABELS:
        return None
    if qualifier is None:
        qualifier, _ = _qualifier_right(doc, r.end, end)
    anchor = _anchor(doc, r)
    noun_tok = _counted_noun(doc, r) if r.unit is None and not r.ordinal else None
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
        "surface": doc.text[start_char:end_tok.idx + len(end_tok.text)],
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
