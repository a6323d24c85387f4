"""The not-an-amount checks: years, seasons, labels, names, ages, scores, list markers.

Each check is a small named function so a rejection can be traced to one
rule, as the junk rules are.
"""
from __future__ import annotations

import re

from spacy.tokens import Doc, Token

from tasks.numbers import units
from tasks.numbers.lexicon import (
    Kind,
    ID_NOUNS,
    INDEX_NAMES,
    PERSON_PRONOUNS,
    SPAN_NOUNS,
    STREET_WORDS,
)
from tasks.numbers import read


def measured_duration(t: Token) -> bool:
    """A duration word after a number (``two years``) or ``per``: spaCy labels it DATE or TIME, but it dates nothing.

    So ``unemployed for one to two years and 95800 who ...`` keeps its count
    even though the DATE span runs on over it; ``two years ago`` still has
    ``ago`` to mark a date.
    """
    unit = units.lookup(t.text)
    if unit is None or unit.kind != Kind.DURATION or t.i == 0:
        return False
    prev = t.doc[t.i - 1]
    return prev.like_num or read.is_word_number(prev) or prev.lower_ in ("per", "/")  # ``1.5e-3 per hour``: a rate


def lasts(doc: Doc, r: read.Reading) -> bool:
    """Whether a hyphenated duration measures how long its noun lasts (``a two-year maintenance period``).

    News uses ``five-year`` both as a length (a ban, a contract, a prison
    term) and as a label (a five-year high, a 10-year bond, a five-year $700000
    award); only the first is a duration worth a row.
    """
    head = doc[r.end - 1].head
    return head.i >= r.end and head.pos_ == "NOUN" and head.lemma_.lower() in SPAN_NOUNS


def in_name(doc: Doc, r: read.Reading) -> bool:
    """Whether the name entity at the number has words besides it (``World War Two``, not a mislabelled ``-1``)."""
    ent = next((e for e in doc.ents if e.start <= r.start < e.end), None)
    return ent is None or any(not (r.start <= t.i < r.end) and not t.is_punct for t in ent)


_SEASON = re.compile(r"^(?P<a>1[0-9]\d\d|20\d\d)[/–-](?P<b>\d\d|\d{4})$")


def is_season(doc: Doc, r: read.Reading) -> bool:
    """``1986/87``, ``2019-20``, ``1999/2000``, ``1990/95``: a fiscal year, season or span, never the fraction 22.83.

    The second year must come after the first, within ten years, written in
    two or four digits; ``3/4`` and ``1990/85`` stay what they are.
    """
    text = doc[r.start:r.end].text.replace(" ", "")
    m = _SEASON.match(text)
    if m is None:
        return False
    first, second = int(m["a"]), int(m["b"])
    if len(m["b"]) == 2:
        second += first - first % 100 + (100 if second < first % 100 else 0)
    return 0 < second - first <= 10


def is_year(doc: Doc, r: read.Reading) -> bool:
    tok = doc[r.start]
    if r.unit is not None or tok.shape_ != "dddd" or not 1000 <= r.value <= 2100:
        return False
    if r.upper is not None and not 1000 <= r.upper <= 2100:
        return False  # ``1000-5000`` is a range of amounts; ``1990-2000`` a span of years
    nxt = doc[r.end] if r.end < len(doc) else None
    return nxt is None or nxt.tag_ != "NNS"


def before_street(doc: Doc, k: int) -> bool:
    """Whether title-case words up to a street word follow (``Zorro Ranch Road``)."""
    for t in doc[k:k + 4]:
        if t.lower_.rstrip(".") in STREET_WORDS and t.text[:1].isupper():
            return True
        if not t.is_title:
            return False
    return False


def is_label(doc: Doc, r: read.Reading, floor: int) -> bool:
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
    if prev.lower_ in ID_NOUNS and (prev.pos_ in ("NOUN", "PROPN") or prev.text == "#"):
        return True
    if prev.lower_ in INDEX_NAMES or (prev.text == "P" and r.start - 2 >= floor and doc[r.start - 2].text in ("S", "S&")):
        return True  # ``S&P 500``, ``FTSE 100``, ``sp 500``: an index name
    if first.is_digit and before_street(doc, r.end):
        return True  # ``49 Zorro Ranch Road``, ``22 Ave Foch``: an address
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


def is_age(doc: Doc, r: read.Reading, anchor: Token, floor: int, end: int) -> bool:
    """A bare whole number that is a person's age: ``Senard, 65, said``, ``Maria who was 10``, ``aged 25``."""
    if r.value != int(r.value) or not 0 < r.value < 125:
        return False
    if r.start > floor and doc[r.start - 1].lower_ in ("aged", "ages"):
        return True
    if r.start - 2 >= floor and doc[r.start - 1].text == "," and doc[r.start - 2].ent_type_ == "PERSON" \
            and r.end < end and doc[r.end].text == ",":
        return True
    head = anchor.head
    if anchor.dep_ in ("attr", "acomp") and head.lemma_ == "be":
        return any(c.dep_ == "nsubj" and (c.lower_ in PERSON_PRONOUNS or c.ent_type_ == "PERSON") for c in head.children)
    return False


def restated(doc: Doc, r: read.Reading, row: dict, rows: list[dict]) -> bool:
    """``forty-five (45)``, ``five (5) days``: the same number repeated in brackets is one number."""
    if not rows or r.start < 2 or doc[r.start - 1].text != "(" or r.end >= len(doc) or doc[r.end].text != ")":
        return False
    last = rows[-1]
    return last["value"] == row["value"] and last["upper"] == row["upper"] and last["end"] <= doc[r.start - 1].idx \
        and doc[r.start - 2].idx + len(doc[r.start - 2].text) == last["end"]
