"""Density rules (after jusText): long lines rich in stop words are prose, short lines are
decided by their neighbours, and the article is the best-scoring contiguous region."""
from __future__ import annotations

import re
from dataclasses import dataclass

from tasks.junk.lines import CJK_STOPS, TERMINAL, cjk_chars, junk_reason, words

@dataclass
class Block:
    """One line with the features the density rules look at."""

    text: str
    n_words: int
    chars: int  # length in characters, a CJK character counting double (it carries more)
    stop_density: float
    terminal: bool
    junk: str | None
    label: str = ""  # "good" | "near" | "short" | "bad"


def make_block(line: str, stopwords: frozenset[str]) -> Block:
    w = words(line)
    stops = sum(1 for x in w if x.lower() in stopwords)
    n, density = len(w), stops / len(w) if w else 0.0
    cjk = cjk_chars(line)
    if len(cjk) * 3 > len(line):  # mostly Chinese or Japanese: particles per word, two characters a word
        n = len(w) + len(cjk) // 2
        density = min(1.0, 2 * sum(1 for c in cjk if c in CJK_STOPS) / len(cjk))
    return Block(
        text=line,
        n_words=n,
        chars=len(line) + len(cjk),
        stop_density=density,
        terminal=bool(TERMINAL.search(line.strip())),
        junk=junk_reason(line),
    )


# jusText's defaults, in characters and share of stop words.
LENGTH_LOW, LENGTH_HIGH = 70, 200
STOP_LOW, STOP_HIGH = 0.30, 0.32


_HEADLINE_CASE_WORDS = frozenset({"To", "In", "Of", "At", "For", "With", "On", "And", "The", "A", "An", "From", "By",
                                  "As", "Is", "Are", "After", "Over", "Into", "Your", "Our", "Be", "Its"})


def is_teaser(line: str) -> bool:
    """A link to another story: a Headline-Case title, often run into its summary.

    ``Council: 3 Cafes Shut After Kitchen Checks An inspector found mould ...``.
    Prose does not capitalise function words mid-sentence; headline case does.
    """
    head = line.split()[1:10]
    return sum(1 for w in head if w in _HEADLINE_CASE_WORDS) >= 2


def classify(blocks: list[Block]) -> None:
    """Label each block good/near/short/bad, then settle short ones by their neighbours."""
    for b in blocks:
        n = b.chars
        if b.junk:
            b.label = "bad"
        elif is_teaser(b.text):
            b.label = "bad"
        elif n < LENGTH_LOW:
            # A short complete sentence is still reporting; let it side with its neighbours.
            b.label = "near" if b.n_words >= 4 and re.search(r"""[.!?"”]$""", b.text) else "short"
        elif not b.terminal and n < LENGTH_HIGH:  # a headline or teaser, not a paragraph
            b.label = "short"
        elif b.stop_density >= STOP_HIGH:
            b.label = "good"
        elif b.stop_density >= STOP_LOW or (b.terminal and b.stop_density >= 0.15):
            b.label = "near"
        else:
            b.label = "bad"
    for i, b in enumerate(blocks):
        if b.label in ("short", "near"):
            prev = _neighbour(blocks, i, -1)
            nxt = _neighbour(blocks, i, 1)
            if b.label == "near":
                b.label = "good" if "good" in (prev, nxt) else "near"
            else:
                b.label = "good" if prev == nxt == "good" else "bad" if "bad" in (prev, nxt) or not (prev or nxt) else "short"


# Junk that sits inside an article body rather than around it.
_INLINE_JUNK = frozenset({"advertisement", "photo_credit"})


def _neighbour(blocks: list[Block], i: int, step: int) -> str | None:
    """Label of the nearest neighbour that is not short (jusText's context rule)."""
    j = i + step
    while 0 <= j < len(blocks):
        # Pattern junk inside a body (an ad slot, a photo credit) says nothing about its neighbours.
        if blocks[j].label != "short" and blocks[j].junk not in _INLINE_JUNK:
            return "good" if blocks[j].label == "good" else "bad" if blocks[j].label == "bad" else "near"
        j += step
    return None


def main_region(blocks: list[Block]) -> tuple[int, int]:
    """``[start, end)`` of the highest-scoring contiguous run (maximum subarray).

    Prose scores its length; junk and short lines cost more the longer the
    gap of non-prose they stand in (see ``scores``), so a subheading inside
    the article survives while a menu or a list of teasers -- title, author,
    date, then a summary -- after it does not join the article.
    """
    best, best_span, cur, cur_start = 0.0, (0, 0), 0.0, 0
    for i, score in enumerate(scores(blocks)):
        if cur <= 0:
            cur, cur_start = score, i
        else:
            cur += score
        if cur > best:
            best, best_span = cur, (cur_start, i + 1)
    return best_span


def region_total(blocks: list[Block], span: tuple[int, int]) -> float:
    return sum(scores(blocks)[span[0] : span[1]])


def _score(b: Block) -> float:
    n = b.chars
    if b.label == "good":
        return n
    if b.label == "near":
        return n * 0.3
    if b.label == "short":
        return -20.0
    return -max(40.0, n * 0.5)


def scores(blocks: list[Block]) -> list[float]:
    """Each block's score, a bad block's cost multiplied by its place in the gap.

    Inside an article a gap is one or two lines (a subheading, a caption);
    between the teasers of a link list or after the body it is three or more
    (headline, author, date; a menu). The k-th line of a gap costs k times its
    own cost, so long gaps split regions while short ones are bridged. Short
    lines of undecided context (a product list's items) keep their flat cost,
    and ad slots and photo credits inside a body neither count nor reset the gap.
    """
    out: list[float] = []
    gap = 0
    for b in blocks:
        sc = _score(b)
        if sc > 0:
            gap = 0
        elif b.junk not in _INLINE_JUNK:
            gap += 1
            if b.label == "bad":
                sc *= gap
        out.append(sc)
    return out
