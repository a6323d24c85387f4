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
from itertools import takewhile

from spacy.tokens import Doc, Span, Token

from tasks import places
from tasks.numbers import context, converted, counts, currencies, extend, judge, qualifiers, read, tokens, units
from tasks.numbers.figures import quote_range
from tasks.numbers.lexicon import (
    Kind,
    BOUNDS,
    COMPARISON_WORDS,
    DECIMAL,
    SCALED,
    RELATED_LABELS,
)


def kind_of(r: tokens.Reading) -> Kind:
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
            if not tokens.can_start(tok):
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
    share_units(doc, rows)
    parallel_units(doc, rows)
    named_once(rows)
    by_country(doc, rows)
    converted.local_currencies(doc, rows)
    return rows


#: Words that join two clauses saying the same kind of thing about two figures (``X at 2.4m while Y had 1.3m strikes``).
CONTRAST_WORDS = frozenset({"while", "whilst", "whereas", "but", "compared", "versus", "vs", "vs.", "against"})


def parallel_units(doc: Doc, rows: list[dict]) -> None:
    """``Leeds had the most at 914226 while York came second with 611038 bird sightings``: a bare figure
    in a clause parallel to one whose figure names its noun or unit counts the same thing.

    CQE's parser shares a unit between clauses of like structure; its news is
    annotated so. Only across a word of contrast, only between figures within a
    factor of 100 of each other, never a year-shaped one, and only when the
    sentence has one such named figure to take from.
    """
    named: dict[int, list[dict]] = {}  # per sentence, the figures that name a noun or unit (one pass: long transcripts)
    for o in rows:
        if o["upper"] is None and (o["noun"] is not None or o["unit"] is not None) and o["kind"] != Kind.PERCENT:
            named.setdefault(o["sentence"], []).append(o)
    for row in rows:
        if row["unit"] is not None or row["noun"] is not None or row["kind"] != Kind.CARDINAL or row["upper"] is not None:
            continue
        first = _token_at(doc, row["start"])
        peers = named.get(row["sentence"], [])
        if first is None or judge.year_shaped(first, row["value"]) or len(peers) != 1 or not peers[0]["value"] \
                or not 0.01 <= row["value"] / peers[0]["value"] <= 100:
            continue
        other = peers[0]
        lo, hi = (row["end"], other["start"]) if row["start"] < other["start"] else (other["end"], row["start"])
        between = doc.char_span(lo, hi, alignment_mode="expand")
        if between is not None and any(t.lower_ in CONTRAST_WORDS for t in between):
            row["unit"], row["noun"], row["kind"] = other["unit"], other["noun"], other["kind"]
            peers.append(row)  # it names its noun now, as a later figure of the sentence sees it


#: A money surface that names no country: lower-case words and figures, no symbol (``31.50 francs a share``).
BARE_MONEY = re.compile(r"[0-9a-z.,-]+(?: [a-z.-]+)+")


def named_once(rows: list[dict]) -> None:
    """``820 mln French francs, or 31.50 francs a share``: a bare currency word is the currency named before it.

    A currency word alone takes the database's default (``francs`` are Swiss,
    ``dlrs`` US); once the sentence has named a country's (``French francs``,
    ``Canadian dlrs``), the same word after it means that one. Only a surface
    in lower case with no symbol is bare: ``US dollars`` and ``$7.5 million``
    name their own currency.
    """
    named: dict[str, str] = {}  # a currency's own word (franc) -> the country's currency of that word
    sentence = None
    for row in rows:
        if row["sentence"] != sentence:
            named, sentence = {}, row["sentence"]
        if row["kind"] != Kind.MONEY:
            continue
        base, per, rest = row["unit"].partition(" per ")
        word = base.split()[-1]
        if " " in base and base != currencies.default_of(word):
            named[word] = base
        elif word in named and BARE_MONEY.fullmatch(row["surface"]):
            row["unit"] = named[word] + per + rest


def by_country(doc: Doc, rows: list[dict]) -> None:
    """``Iraq will pay 20 million dinars``, ``Paris paid 5 billion francs``: a currency word that several
    countries' currencies share, or shared (:func:`currencies.countries_of`), means the one of the
    country its sentence names (a place or a nationality), else of the only such country the article
    names; with none it keeps its reading (``dinar``, the Swiss ``franc``)."""
    shared = [(row, options) for row in rows if row["kind"] == Kind.MONEY and (options := _shared_word(doc, row))]
    if not shared:
        return
    index = {sent.start: s_i for s_i, sent in enumerate(doc.sents)}
    named: list[list[str]] = [[] for _ in index]  # each sentence's countries, in order
    for ent in doc.ents:
        place = places.demonym(ent.text) if ent.label_ == "NORP" else places.lookup(ent.text)
        # the small model tags some countries ORG or PERSON (``Romania``): a country's name is one anyway
        if place is not None and place.country and (ent.label_ in ("GPE", "NORP") or place.kind == places.COUNTRY):
            named[index[ent.sent.start]].append(place.country)
    for row, options in shared:
        here = [options[c] for c in named[row["sentence"]] if c in options]
        anywhere = {options[c] for countries in named for c in countries if c in options}
        pick = here[0] if here else next(iter(anywhere)) if len(anywhere) == 1 else None
        if pick is not None:
            _, per, rest = row["unit"].partition(" per ")
            row["unit"] = pick + per + rest


def _shared_word(doc: Doc, row: dict) -> dict[str, str]:
    """The countries' currencies the row's currency word may be (``francs``), unless the row names its
    country itself (``French francs``, ``H.K. dlrs``, a code): then there is nothing to choose."""
    first = _token_at(doc, row["start"])
    span = [] if first is None else list(takewhile(lambda t: t.idx < row["end"], doc[first.i:first.i + 8]))
    word, options = next(((t, found) for t in reversed(span)
                          if t.is_alpha and (found := currencies.countries_of(t.text))), (None, {}))
    if word is None or word.i > 0 and currencies.currency_phrase([doc[word.i - 1].lower_, word.lower_]) is not None:
        return {}
    return options


def share_units(doc: Doc, rows: list[dict]) -> None:
    """``61.20 cents, while the lowest is 58.95``: a bare figure takes the unit written for the one before it.

    Prices, index levels and rates are quoted with decimals and their unit is
    written once per sentence (``lost 88.40 points, or 1.07%, to 8,190.55``);
    agencies write a scaled amount's unit once too (``rose to 340 mln dlrs
    from 290 mln``). Only a decimal with no counted noun borrows, or a scaled
    figure right after a word of comparison (``from``, ``vs``, ``against``);
    only from an earlier decimal or scaled amount in the same sentence, and
    never a percentage: a change in percent is not the level it leads to.
    A dealer's bid and offer (``1.8250/60 marks``) lends its unit only to
    another such quote.
    """
    last: dict | None = None
    change: dict | None = None  # the last change of a measure or amount in the sentence (``fell 45 points``)
    for row in rows:
        if last is not None and last["sentence"] != row["sentence"]:
            last = None
        if change is not None and change["sentence"] != row["sentence"]:
            change = None
        if change is not None and row["unit"] is None and row["noun"] is None and row["kind"] == Kind.CARDINAL \
                and row["upper"] is None and _level_after(doc, row["start"]):
            row["unit"], row["noun"], row["kind"] = change["unit"], change["noun"], change["kind"]  # ``to 7,100`` (points)
            continue
        if (row["unit"] is not None and row["kind"] in (Kind.MONEY, Kind.QUANTITY) or row["noun"] is not None
                and row["kind"] == Kind.CARDINAL and row["upper"] is None) \
                and (row["qualifier"] in ("increase", "decrease") or _after_from(doc, row["start"])):
            change = row  # ``fell 45 points``, ``from 183 pounds``: what a later ``to N`` is measured in
        decimal, scaled = DECIMAL.search(row["surface"]) is not None, SCALED.search(row["surface"]) is not None
        quoted = quote_range(row["surface"].split(" ", 1)[0]) is not None  # ``1.8250/60``: a range only in form
        if last is not None and last["unit"] not in (None, "metre") and row["unit"] == "metre" \
                and _million_not_metres(doc, row):
            row["value"], row["unit"], row["kind"] = tidy(row["value"] * 1e6), last["unit"], last["kind"]
        elif row["unit"] is not None and (row["kind"] in (Kind.MONEY, Kind.QUANTITY) and row["upper"] is None
                                          and (decimal or scaled) or quoted):
            last = row
        elif last is not None and quoted and row["unit"] is None:
            row["unit"] = last["unit"]  # ``at 1.8250/60 marks after 1.8210/20``: a quote is still a range
        elif row["noun"] is not None:
            # a scaled count (``1.25 million vehicles``) is compared with the same count (``from 1.27 million``);
            # any other count in between (``avg shrs 12.3 mln``) is what follows compares with
            last = row if scaled and row["kind"] == Kind.CARDINAL and row["upper"] is None else None
        elif last is not None and last["unit"] is None and row["kind"] == Kind.CARDINAL and row["unit"] is None \
                and scaled and _after_comparison(doc, row["start"]):
            row["noun"] = last["noun"]
        elif last is not None and last["upper"] is None and row["kind"] == Kind.CARDINAL and row["unit"] is None \
                and row["noun"] is None and (decimal or scaled and _after_comparison(doc, row["start"])):
            row["unit"], row["kind"] = last["unit"], last["kind"]


def _million_not_metres(doc: Doc, row: dict) -> bool:
    """``fell 1m barrels to 294.3m``: a glued ``m`` that ends the sentence after ``to`` or a word of comparison,
    once a scaled amount of another unit was written, is that amount's million, not metres."""
    span = doc.char_span(row["start"], row["end"], alignment_mode="expand")
    return span is not None and span.end >= span.sent.end - 1 \
        and re.fullmatch(r"[\d.,]+m\.?", row["surface"]) is not None \
        and (_after_comparison(doc, row["start"]) or span.start > 0 and doc[span.start - 1].lower_ == "to")


#: Words between ``to`` and the level a change reached (``down to only 120``).
LEVEL_ADVERBS = frozenset({"only", "just", "about", "around", "nearly", "almost", "roughly", "some", "a", "an"})


def _level_after(doc: Doc, start: int) -> bool:
    """Whether the number at char ``start`` is where a change ended: right after ``to`` (``fell 45 points to 7,100``).

    A change's size and the level it reaches are in the same unit unless the
    size is a percentage, which never lends its unit (the caller offers money,
    measures and counted nouns only).
    """
    tok = _token_at(doc, start)
    if tok is None:
        return False
    k = tok.i - 1
    while k > tok.sent.start and doc[k].lower_ in LEVEL_ADVERBS:
        k -= 1
    return k >= tok.sent.start and doc[k].lower_ == "to"


def _token_at(doc: Doc, start: int) -> Token | None:
    """The token a row starts at, from its character offset."""
    span = doc.char_span(start, start + 1, alignment_mode="expand")
    return None if span is None else span[0]


def _after_from(doc: Doc, start: int) -> bool:
    tok = _token_at(doc, start)
    return tok is not None and tok.i > 0 and doc[tok.i - 1].lower_ == "from"


def _after_comparison(doc: Doc, start: int) -> bool:
    tok = _token_at(doc, start)
    return tok is not None and tok.i > 0 and doc[tok.i - 1].lower_ in COMPARISON_WORDS


def tidy(value: float) -> float:
    """``4.1 mln`` is 4100000, not the 4099999.9999999995 that 4.1 * 1e6 gives in binary floating point.

    Only a value within a billionth of a whole number is rounded, so a
    fraction (``a third``) keeps every digit.
    """
    whole = round(value)
    return float(whole) if abs(whole - value) <= 1e-9 * abs(value) else value


def finish(doc: Doc, r: tokens.Reading, s_i: int, floor: int, end: int, ent_of: dict[int, Span],
           dates: dict[int, Span]) -> dict | None:
    """Extend a reading, judge whether it is an amount at all, and describe it as a row."""
    grown = extend.grow(doc, r, floor, end)
    if judge.reject(judge.Case(doc, r, floor, end, grown.qualifier, dates)) is not None:
        return None
    return describe(doc, r, s_i, grown, floor, end, ent_of)


def describe(doc: Doc, r: tokens.Reading, s_i: int, grown: extend.Grown, floor: int, end: int,
             ent_of: dict[int, Span]) -> dict:
    """The row for an amount: its qualifier, counted noun, verb and entity from the parse."""
    qualifier = grown.qualifier
    if qualifier in (None, "approx"):
        right, _ = qualifiers.right(doc, r.end, end)
        if right is not None and (qualifier is None or right in BOUNDS):
            qualifier = right  # ``about five hundred or more`` is a lower bound
    anchor = context.anchor(doc, r)
    noun_tok = context.counted_noun(doc, r) if r.unit is None and not r.ordinal else None
    if noun_tok is None and r.unit is None and not r.ordinal and (r.upper is None or context.after_aged(doc, r, floor)) \
            and context.is_age(doc, r, anchor, floor, end):
        r.unit = units.Unit("year of age", units.AGE)
    verb_tok = context.verb(noun_tok if noun_tok is not None else anchor)
    if qualifier is None:
        beside = None if r.ordinal else context.change_beside(doc, r.start, floor)  # ``cutting first-quarter output``
        qualifier = beside or context.change(noun_tok if noun_tok is not None else anchor) or "exact"
    ent = context.entity(noun_tok, noun_tok if noun_tok is not None else anchor, verb_tok, ent_of)
    q_start, between = grown.q_start, grown.between
    span_start = q_start if between and q_start < r.start else r.start
    start_char = doc[span_start].idx if between and q_start < r.start else doc[r.start].idx
    end_tok = doc[r.end - 1]
    row = {
        "sentence": s_i,
        "start": start_char,
        "end": end_tok.idx + len(end_tok.text),
        "surface": doc[span_start:r.end].text,  # not doc.text[...]: Doc.text joins every token on each call
        "value": tidy(r.value),
        "lower": tidy(r.value) if r.upper is not None else None,
        "upper": tidy(r.upper) if r.upper is not None else None,
        "kind": kind_of(r).value,
        "qualifier": qualifier,
        "unit": r.unit.name if r.unit is not None else None,
        "noun": context.noun_text(noun_tok, r.end if noun_tok.i >= r.start else noun_tok.left_edge.i)
        if noun_tok is not None else None,
        "verb": verb_tok.lemma_.lower() if verb_tok is not None else None,
        "entity": ent.text if ent is not None else None,
        "entity_label": ent.label_ if ent is not None else None,
    }
    counts.annotate(doc, row, anchor, noun_tok, verb_tok, doc[floor:end])
    return row
