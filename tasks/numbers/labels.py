"""Not-an-amount rules for figures that name a product, a standard or a group, stand in a run of match scores, a
results line or a ratio of shares, or are a unit word read as an ordinal (``per second``).

Kept apart from :mod:`judge` (which registers them) so each module stays
short; each takes the judge's ``Case``.
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from spacy.tokens import Doc

from tasks.numbers.figures import quote_range
from tasks.numbers.lexicon import DASHES, GROUP_NOUNS, ID_NOUNS, PRODUCT_ADJECTIVES, SCREEN_NOUNS, YEAR_DETERMINERS

if TYPE_CHECKING:
    from tasks.numbers.judge import Case


def resolution(c: Case) -> bool:
    """``4K televisions``, ``shot in 8K video``: a display resolution is a standard's name, not four thousand.

    Only a whole figure under 20 with a glued ``K`` before a screen word, or
    after ``in`` with no noun after it (``filmed in 8K.``); ``32K followers``
    and ``the 12K run`` keep their thousands.
    """
    r, doc = c.r, c.doc
    text = doc[r.start:r.end].text.replace(" ", "").rstrip(".")  # ``in 8K.``: the stop glued to the letter
    if not (r.unit is None and r.upper is None and text[-1:] in ("K", "k") and text[:-1].isdigit()
            and 0 < int(text[:-1]) < 20):
        return False
    if r.start > c.floor and doc[r.start - 1].lower_ == "in" and (r.end >= c.end or doc[r.end].pos_ in ("PUNCT", "ADP", "CCONJ")):
        return True
    return r.end < c.end and any(t.lemma_.lower() in SCREEN_NOUNS or t.lower_ in SCREEN_NOUNS
                                 for t in doc[r.end:min(c.end, r.end + 2)])


def ratio(c: Case) -> bool:
    """``a three-for-two stock split``, ``a 1-for-10 reverse split``: a ratio of shares, neither end a count.

    Both ends are judged here: the first by the ``-for-`` after it, the
    second by the ``for-`` before it (the tokenizer glues ``for-2``, or splits
    ``for - two``).
    """
    r, doc = c.r, c.doc
    if r.unit is not None or r.upper is not None:
        return False
    after = doc[r.end:min(c.end, r.end + 2)]
    before = doc[max(c.floor, r.start - 3):r.start]
    return len(after) == 2 and after[0].text in DASHES and not after[0].whitespace_ \
        and (after[1].lower_ == "for" or after[1].lower_.startswith("for-")) \
        or len(before) == 3 and before[2].text in DASHES and before[1].lower_ == "for" and before[0].text in DASHES


def lone_quote(c: Case) -> bool:
    """``1.8250/60`` with no currency after it and no quote that names one before it in the sentence: a bid
    and offer is read only as a price (``at 1.8250/60 marks after 1.8210/20``); on its own the same shape is
    as often a page's code or a reference, and never the quotient it would be as a fraction."""
    r, doc = c.r, c.doc
    if r.unit is not None or quote_range(doc[r.start].text) is None:
        return False
    return not any(quote_range(t.text) is not None for t in doc[c.floor:r.start])


def model_number(c: Case) -> bool:
    """``Boeing's larger 747``, ``a used 911 for sale``, ``its ageing 737 fleet``: a bare three-figure number after a
    determiner and an adjective of a product's age, size or state names a model when no plural noun follows.

    ``the new 500 jobs`` and ``the other 20 arrived`` (no product adjective) stay counts.
    """
    r, doc = c.r, c.doc
    first = doc[r.start]
    if not (c.bare and r.unit is None and r.upper is None and r.end - r.start == 1 and first.shape_ == "ddd"
            and r.start - 2 >= c.floor and doc[r.start - 1].lower_ in PRODUCT_ADJECTIVES):
        return False
    owner = doc[r.start - 2]
    if not (owner.lower_ in YEAR_DETERMINERS or owner.lower_ in ("a", "an") or owner.pos_ == "PROPN"):
        return False
    return not counts_after(doc, r.end, c.end)


def counts_after(doc: Doc, j: int, end: int) -> bool:
    """Whether a plural noun or ``of`` follows the figure within the phrase it heads (``500 new jobs``)."""
    for t in doc[j:min(end, j + 3)]:
        if t.tag_ in ("NNS", "NNPS") or t.lower_ == "of" or t.like_num:
            return True
        if t.pos_ not in ("ADJ", "NOUN", "PROPN") or t.tag_ == "NNP":
            return False
    return False


_SCORE = re.compile(r"^\d{1,3}$")  # a set (``6-4``) or a wicket and the runs at its fall (``3-133``)


def _pair_at(doc: Doc, k: int, end: int) -> bool:
    """Whether a glued ``6-4`` starts at token ``k``."""
    return 0 <= k and k + 2 < end + 1 and k + 2 < len(doc) and bool(_SCORE.match(doc[k].text)) \
        and doc[k + 1].text in DASHES and not doc[k].whitespace_ and not doc[k + 1].whitespace_ \
        and bool(_SCORE.match(doc[k + 2].text))


def score_run(c: Case) -> bool:
    """``beat Smith 6-2, 3-6, 6-4``, ``won 6-3 and 7-5``, a cricket side's ``1-14 2-48 3-133``: a glued pair
    beside another (after a space, a comma or ``and``) is a set of a match or the fall of a wicket, even where the
    first figure is the smaller and reads as a range; ``rose 4-6 percent`` and a lone ``3-6`` stay ranges."""
    r, doc = c.r, c.doc
    if r.unit is not None or r.upper is None or r.end - r.start != 3 or not _pair_at(doc, r.start, r.end):
        return False
    after = r.end + (r.end < c.end and doc[r.end].lower_ in (",", "and"))
    before = r.start - 3 - (r.start - 1 >= c.floor and doc[r.start - 1].lower_ in (",", "and"))
    return _pair_at(doc, after, c.end) or (before >= c.floor and _pair_at(doc, before, c.end))


def per_unit_word(c: Case) -> bool:
    """``once per second``, ``charged per second of airtime``: after ``per`` the word is the unit of a rate,
    never the ordinal 2; ``a second spell`` keeps its ordinal."""
    r, doc = c.r, c.doc
    return r.ordinal and r.unit is None and r.end - r.start == 1 and r.start - 1 >= c.floor \
        and doc[r.start - 1].lower_ in ("per", "/") and doc[r.start].lower_ == "second"


def numbered_group(c: Case) -> bool:
    """``their group two game``, ``the round 3 match``: a number right after a noun that numbers its
    members (a group, round, pool, division, stage ...) names one of them, in lower case as in capitals (``Group
    B``, ``Match 1`` are the judge's labels); the tagger reads ``round`` as an adjective, so the word decides.
    ``told the group 12 people died`` and ``formed the group four years ago`` keep their counts: a plural,
    ``of`` or a unit after the number makes it one."""
    r, doc = c.r, c.doc
    word = doc[r.start - 1]
    if not (r.unit is None and r.upper is None and not r.ordinal and r.end - r.start == 1 and r.start - 1 > c.floor
            and (word.lower_ in GROUP_NOUNS or word.lower_ in ID_NOUNS) and word.is_lower):
        return False
    return not counts_after(doc, r.end, c.end)


def _line(doc: Doc, i: int) -> tuple[int, int]:
    """The token bounds of the text line holding token ``i``."""
    lo = i
    while lo > 0 and "\n" not in doc[lo - 1].text_with_ws:
        lo -= 1
    hi = i + 1
    while hi < len(doc) and "\n" not in doc[hi - 1].text_with_ws:
        hi += 1
    return lo, hi


def results_line(c: Case) -> bool:
    """``Leeds 3 Hull 1``, ``Partizan ( B ) 2 Rad ( N ) 1``: a line of two names, each with one whole figure after
    it (a bracketed tag or scorers aside), is a match's result, neither side a count. ``Storm Kills 12 In Texas, 3
    Missing`` (a headline: a comma, a word after the last figure) keeps its counts."""
    r, doc = c.r, c.doc
    if not (r.unit is None and r.upper is None and r.end - r.start == 1 and doc[r.start].is_digit):
        return False
    lo, hi = _line(doc, r.start)
    outside, depth = [], 0
    for t in doc[lo:hi]:
        depth += t.text == "("
        if depth == 0 and not t.is_space and t.text != ".":
            outside.append(t)
        depth -= t.text == ")" and depth > 0
    shape = "".join("9" if t.is_digit and len(t.text) <= 3 else "A" if t.text[:1].isupper() or t.text in ("&", "'") else "x"
                    for t in outside)
    return re.fullmatch(r"A+9A+9", shape) is not None and doc[r.start] in outside  # not ``( in 11 )``, innings
