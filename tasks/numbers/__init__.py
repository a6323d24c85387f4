"""Numbers with meaning from a parsed spaCy Doc: value, kind, qualifier, unit, noun, verb, entity.

Reading a value is :mod:`numwords`' job and naming a unit is
:mod:`units`'; this module decides which tokens form a number and what
it counts, using the parse the pipeline already paid for (entities for dates
and names, dependencies for nouns and verbs). It only does Python work on
tokens that can start a number, so it stays a small fraction of parse time.

``noun`` is the lemma of the counted noun with its compound modifiers
(``heart transplant``); ``people`` stays ``people`` because that is its lemma.
"""
from __future__ import annotations

import re

from spacy.tokens import Doc, Span

from tasks.numbers import units
from tasks.numbers.lexicon import (
    NUMBER_WORDS,
    Kind,
    BOUNDS,
    DATE_NEUTRAL,
    DECIMAL,
    NAME_LABELS,
    RELATED_LABELS,
)
from tasks.numbers import context, extend, judge, read


def kind_of(r: read.Reading) -> Kind:
    if r.upper is not None:
        return Kind.RANGE
    if r.ordinal:
        return Kind.ORDINAL
    if r.unit is None:
        return Kind.CARDINAL
    return Kind.QUANTITY if r.unit.kind == units.AGE else Kind(r.unit.kind)


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
            if not read.can_start(tok):
                i += 1
                continue
            r = read.read_number(doc, i, end)
            if r is None:
                i += 1
                continue
            row = finish(doc, r, s_i, floor, end, ent_of, dates)
            if row is not None and not judge.restated(doc, r, row, rows):
                rows.append(row)
            i = max(r.end, i + 1)
    share_units(rows)
    return rows


def share_units(rows: list[dict]) -> None:
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
        decimal = DECIMAL.search(row["surface"]) is not None
        if row["unit"] is not None and row["kind"] in (Kind.MONEY, Kind.QUANTITY) and row["upper"] is None and decimal:
            last = row
        elif last is not None and decimal and row["kind"] == Kind.CARDINAL and row["unit"] is None and row["noun"] is None:
            row["unit"], row["kind"] = last["unit"], last["kind"]


def finish(doc: Doc, r: read.Reading, s_i: int, floor: int, end: int, ent_of: dict[int, Span],
            dates: dict[int, Span]) -> dict | None:
    """Complete a reading (unit, range, context) and judge whether it is an amount at all."""
    if r.unit is None:
        extend.currency_before(doc, r, floor)
    if r.unit is None or r.unit.kind == Kind.MONEY and r.end < end and doc[r.end].lower_ in units.CURRENCY_WORDS:
        if r.unit is None:
            extend.unit_after(doc, r, end)
    qualifier, q_start = extend.qualifier_left(doc, r.start, floor)
    if qualifier is None and r.start > floor and doc[r.start - 1].text in ("~", "≈"):
        qualifier, q_start = "approx", r.start - 1
    if qualifier is None and r.qualifier:
        qualifier = r.qualifier
    first_tok = doc[r.start if doc[r.start].text not in units.CURRENCY_PREFIX else min(r.start + 1, r.end - 1)]
    between = r.start > floor and doc[r.start - 1].lower_ in ("between", "from") or (q_start > floor and doc[q_start - 1].lower_ in ("between", "from")) \
        or r.ordinal and r.start - 1 > floor and doc[r.start - 1].lower_ == "the" and doc[r.start - 2].lower_ == "between"
    if r.unit is None and not r.ordinal and r.upper is None:
        extend.fraction_after(doc, r, end)
    if r.unit is not None and r.end < end and doc[r.end].lower_ in ("per", "/"):
        extend.per_unit(doc, r, end)  # ``$350 per kg to $680 per kg``: the rate first, then the range
    if r.upper is None and not r.ordinal:
        extend.margin_after(doc, r, end)
    other = extend.range_after(doc, r, end, between)
    if other is None and qualifier in BOUNDS and r.upper is None and not r.ordinal:
        other = extend.bound_pair(doc, r, qualifier, end)
        if other is not None:
            qualifier = "exact"
    if other is not None:
        r.upper, r.end = other.value, other.end
        r.unit = r.unit or other.unit
        if r.upper < r.value:
            r.value, r.upper = r.upper, r.value
        if between and q_start == r.start and r.start > floor:
            q_start = r.start - 1
    extend.per_unit(doc, r, end)
    if other is None and r.unit is None and r.upper is None and not r.ordinal:
        extend.unit_from_alternative(doc, r, end)
    if r.ordinal and r.unit is not None:
        return None
    if r.unit is None or r.unit.kind not in (Kind.MONEY, Kind.PERCENT, Kind.QUANTITY, units.AGE):
        date = dates.get(first_tok.i)
        if date is not None and r.unit is None and any(
                not (r.start <= t.i < r.end or t.like_num or t.lower_ in NUMBER_WORDS
                     or t.lower_ in DATE_NEUTRAL or judge.measured_duration(t))
                for t in date[max(r.start - 3, date.start) - date.start:r.end + 3 - date.start]):
            return None  # ``April 2014``, ``11 a.m.``; ``between 5 and 10`` mislabelled DATE stays
        if first_tok.ent_type_ in NAME_LABELS and judge.in_name(doc, r):
            return None
        dash_pair = r.upper is None and r.end + 1 < end and doc[r.end].text in ("-", "–") and not doc[r.end].whitespace_ \
            and doc[r.end + 1].like_num and doc[r.end + 1].is_digit
        if r.unit is None and judge.is_season(doc, r):
            return None
        if r.unit is None and qualifier is None and judge.is_year(doc, r):
            if dash_pair:
                r.end += 2  # ``2013-14``: a span of years, both ends
            return None
        if r.unit is None and judge.is_label(doc, r, floor):
            return None
        if r.unit is None and r.end < end and doc[r.end].lower_ in ("am", "pm", "a.m.", "p.m.", "a.m", "p.m"):
            return None  # ``2.13 am``: a clock time
        if r.unit is None and dash_pair:
            r.end += 2
            return None  # ``2-0``, ``89-89``: a score, both sides
        if r.unit is None and r.upper is None and doc[r.start].is_alpha and r.end + 1 < end and doc[r.end].text == "-" \
                and not doc[r.end].whitespace_ and doc[r.end + 1].tag_ in ("NN", "JJ") and not read.is_word_number(doc[r.end + 1]):
            return None  # ``six-speed``, ``three-bed``: a compound adjective, not a count
    if r.hyphen and r.unit is not None and r.unit.kind == Kind.DURATION and r.end < end \
            and doc[r.end].pos_ in ("NOUN", "PROPN", "SYM", "ADJ") and not judge.lasts(doc, r):
        return None  # ``a five-year $700000 award``: describes the award; ``a two-year ban`` is how long it lasts
    if r.ordinal and first_tok.ent_type_ in NAME_LABELS and judge.in_name(doc, r):
        return None
    if r.ordinal and r.end + 1 < end and doc[r.end].lower_ == "to" and doc[r.end + 1].lower_ == "last":
        return None  # ``second to last``: a relative position
    if qualifier in (None, "approx"):
        right, _ = extend.qualifier_right(doc, r.end, end)
        if right is not None and (qualifier is None or right in BOUNDS):
            qualifier = right  # ``about five hundred or more`` is a lower bound
    anchor = context.anchor(doc, r)
    noun_tok = context.counted_noun(doc, r) if r.unit is None and not r.ordinal else None
    if noun_tok is None and r.unit is None and not r.ordinal and (r.upper is None or r.start > floor and doc[r.start - 1].lower_ in ("aged", "ages")) \
            and judge.is_age(doc, r, anchor, floor, end):
        r.unit = units.Unit("year of age", units.AGE)
    verb_tok = context.verb(noun_tok if noun_tok is not None else anchor)
    if qualifier is None:
        qualifier = context.change(noun_tok if noun_tok is not None else anchor) or "exact"
    ent = context.entity(noun_tok, noun_tok if noun_tok is not None else anchor, verb_tok, ent_of)
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
        "kind": kind_of(r).value,
        "qualifier": qualifier,
        "unit": r.unit.name if r.unit is not None else None,
        "noun": context.noun_text(noun_tok, r.end) if noun_tok is not None else None,
        "verb": verb_tok.lemma_.lower() if verb_tok is not None else None,
        "entity": ent.text if ent is not None else None,
        "entity_label": ent.label_ if ent is not None else None,
    }
