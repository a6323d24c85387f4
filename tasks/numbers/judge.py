"""The not-an-amount checks: years, seasons, labels, names, scores, records, references, list markers.

Each check is a small named function so a rejection can be traced to one
rule, as the junk rules are.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from tasks.numbers import currencies, labels, tokens, units
from tasks.numbers.context import after_age
from tasks.numbers.lexicon import (
    AGGREGATE_NOUNS,
    LABEL_NOUNS,
    YEAR_NOUNS,
    EVENT_NOUNS,
    YEAR_DETERMINERS,
    DATE_NEUTRAL,
    NUMBER_WORDS,
    NAME_LABELS,
    Kind,
    ID_NOUNS,
    INDEX_NAMES,
    SPAN_NOUNS,
    STREET_WORDS,
)


def measured_duration(t: Token) -> bool:
    """A duration word after a number (``two years``) or ``per``: spaCy labels it DATE or TIME, but it dates nothing.

    So ``jobless for one to two years and 41200 who ...`` keeps its count
    even though the DATE span runs on over it; ``two years ago`` still has
    ``ago`` to mark a date.
    """
    unit = units.lookup(t.text)
    if unit is None or unit.kind != Kind.DURATION or t.i == 0:
        return False
    prev = t.doc[t.i - 1]
    return prev.like_num or tokens.is_word_number(prev) or prev.lower_ in ("per", "/")  # ``1.5e-3 per hour``: a rate


def lasts(doc: Doc, r: tokens.Reading) -> bool:
    """Whether a hyphenated duration measures how long its noun lasts (``a two-year maintenance period``).

    News uses ``five-year`` both as a length (a ban, a contract, a prison
    term) and as a label (a five-year high, a 10-year bond, a three-year $450000
    grant); only the first is a duration worth a row.
    """
    head = doc[r.end - 1].head
    return head.i >= r.end and head.pos_ == "NOUN" and head.lemma_.lower() in SPAN_NOUNS


def in_name(doc: Doc, r: tokens.Reading) -> bool:
    """Whether the name entity at the number has words besides it (``World War Two``, not a mislabelled ``-1``)."""
    ent = next((e for e in doc.ents if e.start <= r.start < e.end), None)
    return ent is None or any(not (r.start <= t.i < r.end) and not t.is_punct for t in ent)


_SEASON = re.compile(r"^(?P<a>1[0-9]\d\d|20\d\d)[/–-](?P<b>\d\d|\d{4})$")


def is_season(doc: Doc, r: tokens.Reading) -> bool:
    """``1986/87``, ``2019-20``, ``1999/2000``, ``1990/95``: a fiscal year, season or span, never the fraction 22.83.

    The second year must come after the first, within ten years, written in
    two or four digits; ``3/4`` and ``1990/85`` stay what they are.
    """
    return season_text("".join(t.text for t in doc[r.start:r.end] if _FIGURE.fullmatch(t.text)))


_FIGURE = re.compile(r"[\d/–-]+")


def season_text(text: str) -> bool:
    """Whether a figure as written (``1986/87``, no unit after it) is a season or fiscal year."""
    m = _SEASON.match(text)
    if m is None:
        return False
    first, second = int(m["a"]), int(m["b"])
    if len(m["b"]) == 2:
        second += first - first % 100 + (100 if second < first % 100 else 0)
    return 0 < second - first <= 10


def year_shaped(tok: Token, value: float) -> bool:
    """Four digits from 1000 to 2100: a year by its look, before context decides."""
    return tok.shape_ == "dddd" and 1000 <= value <= 2100


def is_year(doc: Doc, r: tokens.Reading) -> bool:
    if r.unit is not None or not year_shaped(doc[r.start], r.value):
        return False
    if r.upper is not None and not 1000 <= r.upper <= 2100:
        return False  # ``1000-5000`` is a range of amounts; ``1990-2000`` a span of years
    nxt = doc[r.end] if r.end < len(doc) else None
    return nxt is None or nxt.tag_ != "NNS" or nxt.lemma_.lower() in YEAR_NOUNS or dates_event(doc, r)


def dates_event(doc: Doc, r: tokens.Reading) -> bool:
    """``the 1998 bombings``, ``Chile's 1960 earthquakes``: after a determiner, a modern year before an event
    names when it happened; ``the 2000 people`` counts, as does ``1,500 protests`` (no year has a comma)."""
    nxt = doc[r.end]
    return r.upper is None and 1900 <= r.value < 2100 and r.start > 0 and doc[r.start - 1].lower_ in YEAR_DETERMINERS \
        and nxt.lemma_.lower() in EVENT_NOUNS


def before_street(doc: Doc, k: int) -> bool:
    """Whether title-case words up to a street word follow (``Zorro Ranch Road``)."""
    for t in doc[k:k + 4]:
        if t.lower_.rstrip(".") in STREET_WORDS and t.text[:1].isupper():
            return True
        if not t.is_title:
            return False
    return False


def is_label(doc: Doc, r: tokens.Reading, floor: int) -> bool:
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
    if prev.lower_ in ID_NOUNS and (prev.pos_ in ("NOUN", "PROPN") or prev.text == "#" or prev.lower_ in LABEL_NOUNS):
        return True
    if first.is_digit and len(prev.text) >= 2 and prev.text.isupper() and prev.is_alpha and prev.whitespace_ \
            and prev.ent_type_ not in ("GPE", "NORP") and currencies.currency_code(prev.text) is None \
            and units.lookup(prev.text) is None:
        return True  # ``RTX 4090``, ``GTX 1080``: a model code in capitals names a product
    if first.is_digit and prev.is_alpha and prev.text[:1].islower() and any(ch.isupper() for ch in prev.text[1:]):
        return True  # ``iOS 12``, ``macOS 14``: a word in camel case is a product's name, the figure its version
    if prev.lower_ in INDEX_NAMES or (prev.text == "P" and r.start - 2 >= floor and doc[r.start - 2].text in ("S", "S&")):
        return True  # ``S&P 500``, ``FTSE 100``, ``sp 500``: an index name
    if first.is_digit and before_street(doc, r.end):
        return True  # ``49 Zorro Ranch Road``, ``22 Ave Foch``: an address
    if prev.pos_ == "PROPN" and prev.text[:1].isalpha() and not prev.whitespace_ == "" and first.is_digit \
            and prev.ent_type_ not in ("DATE", "TIME", "MONEY"):
        return True  # ``S&P 500``, ``iPhone 11``, ``Game 6``
    if prev.tag_ == "NN" and prev.is_title and prev.whitespace_ and first.is_digit and units.lookup(prev.text) is None \
            and prev.lower_ not in AGGREGATE_NOUNS and (r.end >= len(doc) or doc[r.end].pos_ not in ("NOUN", "PROPN", "ADJ", "NUM")):
        return True  # ``Match 1:``, ``on Day 3 of the trial``: a capitalised noun names the figure; ``Arrest 3 Men`` counts
    if prev.text == "(" and r.end < len(doc) and doc[r.end].text == ")" and r.start - 2 >= floor \
            and doc[r.start - 2].pos_ == "PROPN":
        return True  # ``Dak Prescott (4)``: a shirt number
    nxt = doc[r.end] if r.end < len(doc) else None
    head = doc[r.end - 1].head
    listed = r.end + 2 < len(doc) and head.i == r.end and doc[r.end + 1].text == "," and doc[r.end + 2].like_num
    return nxt is not None and nxt.tag_ == "NNP" and nxt.is_title and head.tag_ == "NNP" and head.i >= r.end \
        and first.is_digit and not listed  # ``737 Max jets``, ``358 El Brillo Way``; not ``2 Blue, 3 Orange``


def restated(doc: Doc, r: tokens.Reading, row: dict, rows: list[dict]) -> bool:
    """``forty-five (45)``, ``five (5) days``: the same number repeated in brackets is one number."""
    if not rows or r.start < 2 or doc[r.start - 1].text != "(" or r.end >= len(doc) or doc[r.end].text != ")":
        return False
    last = rows[-1]
    return last["value"] == row["value"] and last["upper"] == row["upper"] and last["end"] <= doc[r.start - 1].idx \
        and doc[r.start - 2].idx + len(doc[r.start - 2].text) == last["end"]


@dataclass
class Case:
    """A grown reading and what the rules need to judge it."""

    doc: Doc
    r: tokens.Reading
    floor: int
    end: int
    qualifier: str | None
    dates: dict[int, Span]
    first: Token = field(init=False)  # the first token of the number itself, past a currency symbol

    def __post_init__(self) -> None:
        r, doc = self.r, self.doc
        self.first = doc[r.start if doc[r.start].text not in currencies.CURRENCY_PREFIX else min(r.start + 1, r.end - 1)]

    @property
    def bare(self) -> bool:
        """No unit, or a duration: the readings a date, name or label can be mistaken for."""
        return self.r.unit is None or self.r.unit.kind not in (Kind.MONEY, Kind.PERCENT, Kind.QUANTITY, units.AGE)

    @property
    def dash_pair(self) -> bool:
        """``2-0``, ``2013-14``: a number glued by a dash to the digits after it."""
        r, doc, end = self.r, self.doc, self.end
        return r.upper is None and r.end + 1 < end and doc[r.end].text in ("-", "–") and not doc[r.end].whitespace_ \
            and doc[r.end + 1].like_num and doc[r.end + 1].is_digit


def _ordinal_unit(c: Case) -> bool:
    return c.r.ordinal and c.r.unit is not None


def _date(c: Case) -> bool:
    """``April 2014``, ``11 a.m.``; ``between 5 and 10`` mislabelled DATE stays.

    A figure scaled by a million or more (``2.9 mln a year ago``) is an amount
    the tagger ran into the date after it: no date is written with a scale.
    """
    r, date = c.r, c.dates.get(c.first.i)
    return c.bare and date is not None and not after_age(c.doc, r, c.floor) and r.unit is None and r.scale < 1e6 and any(
        not (r.start <= t.i < r.end or t.like_num or t.lower_ in NUMBER_WORDS or t.lower_ in DATE_NEUTRAL
             or measured_duration(t))
        for t in date[max(r.start - 3, date.start) - date.start:r.end + 3 - date.start])


def _name(c: Case) -> bool:
    """``World War Two``, ``Boeing 737``: part of a name. A scaled figure (``145.6 mln``) never is, whatever
    the tagger makes of a terse line around it (``Revs 145.6 mln vs ...`` as a person)."""
    scaled = c.first.text[:1].isdigit() and c.r.scale > 1
    return (c.bare or c.r.ordinal) and c.first.ent_type_ in NAME_LABELS and not scaled and in_name(c.doc, c.r)


def _titled_word(c: Case) -> bool:
    """``the Three Tenors``, ``the Big Twelve's``: a number word with a capital inside a sentence of ordinary
    prose, before or after a capitalised word, is part of a name the tagger did not mark. A headline in title case
    (``Police Arrest Three Men``) capitalises every word, so there the capital says nothing."""
    r, doc = c.r, c.doc
    first = doc[r.start]
    if not (c.bare and r.unit is None and first.is_alpha and first.is_title and c.floor < r.start and r.end < c.end
            and doc[r.start - 1].is_alpha and (doc[r.end].is_title and doc[r.end].is_alpha
                                               or doc[r.start - 1].is_title and r.start - 1 > c.floor)):
        return False  # ``the Three Tenors``; ``the Big Twelve's``: a capitalised word before it names it too
    words = [t for t in doc[c.floor:c.end] if t.is_alpha]
    return 2 * sum(t.is_lower for t in words) > len(words)


def _season(c: Case) -> bool:
    """``1986/87``, ``the 1986/87 year``: a season or fiscal year, even with ``year`` read as its unit."""
    return c.bare and is_season(c.doc, c.r)


def _year(c: Case) -> bool:
    """``in 1998``; with a bound or approximation too when it is plainly the year: a possessive (``lower than
    2003's loss``) or a date the tagger marks with no noun counted after it (``until at least 2008,``,
    ``beyond 2009.``); ``more than 2000 people`` stays a count."""
    r, doc = c.r, c.doc
    nxt = doc[r.end] if r.end < c.end else None
    plain = nxt is not None and nxt.text in ("'s", "’s") and r.upper is None \
        or doc[r.start].ent_type_ == "DATE" and (nxt is None or nxt.pos_ not in ("NOUN", "PROPN", "NUM", "ADJ"))
    return c.bare and r.unit is None and (c.qualifier is None or plain) and is_year(doc, r)


#: Prepositions that put a year in time: ``fell from 36,185 in 2003 to 28,041`` joins no range across them.
YEAR_PREPOSITIONS = frozenset({"in", "during", "since"})


def year_then_amount(doc: Doc, r: tokens.Reading, other: tokens.Reading) -> bool:
    """A year after ``in``/``during`` followed by ``to`` and an amount that is no year: the level reached."""
    return year_shaped(doc[r.start], r.value) and r.start > 0 and doc[r.start - 1].lower_ in YEAR_PREPOSITIONS \
        and not year_shaped(doc[other.start], other.value)


def _label(c: Case) -> bool:
    return c.bare and c.r.unit is None and is_label(c.doc, c.r, c.floor)


#: Time zones agencies write after a 24-hour clock time (``at 2200 GMT``, ``1430 ET``).
TIME_ZONES = frozenset({"GMT", "UTC", "BST", "CET", "CEST", "EST", "EDT", "ET", "PST", "PDT", "PT", "CST", "CDT",
                        "MST", "MDT", "JST", "HKT", "SGT", "IST", "AEST", "AEDT"})


def _clock_time(c: Case) -> bool:
    """``2.13 am``, ``at 2200 GMT``."""
    r, doc = c.r, c.doc
    return c.bare and r.unit is None and r.end < c.end and (
        doc[r.end].lower_ in ("am", "pm", "a.m.", "p.m.", "a.m", "p.m") or doc[r.end].text in TIME_ZONES)


def _score(c: Case) -> bool:
    """``2-0``, ``89-89``: a score, both sides."""
    return c.bare and c.r.unit is None and c.dash_pair


def _reference(c: Case) -> bool:
    """``... linked to snacking at night (14).``: a bracketed figure after a word, closing the sentence, cites a source."""
    r, doc = c.r, c.doc
    if not (c.bare and r.unit is None and r.upper is None and r.end - r.start == 1 and c.first.is_digit
            and r.start - 2 >= c.floor and doc[r.start - 1].text in ("(", "[") and r.end < len(doc)):
        return False
    close = doc[r.end].text
    return close[:1] in (")", "]") and doc[r.start - 2].is_alpha and doc[r.start - 2].pos_ != "PROPN" \
        and (close[1:] in (".", ";") or close in (")", "]") and (r.end + 1 >= c.end or doc[r.end + 1].text in (".", ";")))


def _record(c: Case) -> bool:
    """``Ravens (0-1):``, ``the Hawks (12-15)``: wins and losses in brackets after a team's name; read as a
    range only because the first is the smaller."""
    r, doc = c.r, c.doc
    return r.unit is None and r.upper is not None and c.first.is_digit and float(r.value).is_integer() \
        and float(r.upper).is_integer() and r.start - 2 >= c.floor and doc[r.start - 1].text == "(" \
        and doc[r.start - 2].pos_ == "PROPN" and r.end < c.end and doc[r.end].text.startswith(")")


def _compound_adjective(c: Case) -> bool:
    """``six-speed``, ``three-bed``: a compound adjective, not a count."""
    r, doc = c.r, c.doc
    return c.bare and r.unit is None and r.upper is None and doc[r.start].is_alpha and r.end + 1 < c.end \
        and doc[r.end].text == "-" and not doc[r.end].whitespace_ and doc[r.end + 1].tag_ in ("NN", "JJ") \
        and not tokens.is_word_number(doc[r.end + 1])


def _word_tail(c: Case) -> bool:
    """``first-half``, ``fly-half``, ``top-five``: a number word glued by a hyphen after another word is part of it."""
    r, doc = c.r, c.doc
    return c.bare and r.unit is None and doc[r.start].is_alpha and r.start - 2 >= c.floor \
        and doc[r.start - 1].text == "-" and not doc[r.start - 1].whitespace_ and not doc[r.start - 2].whitespace_ \
        and doc[r.start - 2].is_alpha and not tokens.is_word_number(doc[r.start - 2])


def _duration_label(c: Case) -> bool:
    """``a three-year $450000 grant`` describes the grant; ``a two-year ban`` is how long it lasts."""
    r, doc = c.r, c.doc
    return r.hyphen and r.unit is not None and r.unit.kind == Kind.DURATION and r.end < c.end \
        and doc[r.end].pos_ in ("NOUN", "PROPN", "SYM", "ADJ") and not lasts(doc, r)


_SLASH_PAIR = re.compile(r"^(?P<a>\d+)/(?P<b>\d+)$")


def _slash_pair(c: Case) -> bool:
    """``24/7``, ``50/50``, ``20/20 vision``: a fraction in news is written below one; a slash over a figure
    no larger than the one before it is a pair of figures (round the clock, even odds), never their quotient.
    One the tagger calls a date is a month and day (``after 9/11``). A mixed figure (``25-1/2``, a stock
    quote) is not this: its whole part is written apart."""
    r = c.r
    if not c.bare or r.unit is not None or r.end - r.start != 1:
        return False
    m = _SLASH_PAIR.match(c.doc[r.start].text)
    return m is not None and (int(m["a"]) >= int(m["b"]) > 0 or c.first.ent_type_ == "DATE")


def _generation(c: Case) -> bool:
    """``3G phones``, ``the 5G network``: a mobile generation, a name; the tokenizer splits the ``G`` off."""
    r, doc = c.r, c.doc
    return c.bare and r.unit is None and r.upper is None and r.end < c.end and doc[r.end].text == "G" \
        and not doc[r.end - 1].whitespace_ and float(r.value).is_integer() and 0 < r.value < 10


def _relative_position(c: Case) -> bool:
    """``second to last``."""
    r, doc = c.r, c.doc
    return r.ordinal and r.end + 1 < c.end and doc[r.end].lower_ == "to" and doc[r.end + 1].lower_ == "last"


#: The not-an-amount rules, in the order they are tried; the first that holds names the rejection.
RULES: dict[str, Callable[[Case], bool]] = {
    "ordinal_with_unit": _ordinal_unit,
    "date": _date,
    "name": _name,
    "titled_word": _titled_word,
    "season": _season,
    "year": _year,
    "label": _label,
    "clock_time": _clock_time,
    "score": _score,
    "score_run": labels.score_run,
    "results_line": labels.results_line,
    "numbered_group": labels.numbered_group,
    "resolution": labels.resolution,
    "ratio": labels.ratio,
    "lone_quote": labels.lone_quote,
    "model_number": labels.model_number,
    "record": _record,
    "reference": _reference,
    "slash_pair": _slash_pair,
    "generation": _generation,
    "compound_adjective": _compound_adjective,
    "word_tail": _word_tail,
    "duration_label": _duration_label,
    "relative_position": _relative_position,
    "per_unit_word": labels.per_unit_word,
}


def reject(c: Case) -> str | None:
    """The name of the first rule that says the reading is not an amount, else None.

    A rejected number glued by a dash to digits (``2013-14``, ``2-0``,
    ``737-800``) takes both ends with it, so the second is not read again as a count.
    """
    name = next((name for name, rule in RULES.items() if rule(c)), None)
    while name is not None and c.dash_pair:
        c.r.end += 2  # ``Celtics 112-104``, ``737-800``, a record ``7-3-2``: one expression, rejected whole
    return name
