"""Rules that need the document around a line: its headline, a menu run, a share counter."""
from __future__ import annotations

import re
from collections.abc import Sequence

from tasks.junk.lines import TERMINAL, is_breadcrumb, junk_reason, n_words, norm_key, words

# A share count glued to the first word of the body: "55US Secretary", "1.2kThe".
_GLUED_COUNT = re.compile(r"^(?:\d{1,3}(?:[.,]\d)?k?|\d{1,6})(?=(?:[A-Z]{2,5}\s+[A-Z][a-z])|(?:[A-Z][a-z]{2,}\b))")
_UNITS = frozenset({"Mbps", "Gbps", "Kbps", "Ghz", "Mhz", "Khz", "Kph", "Mph", "Kwh", "Mwh", "Gwh", "Kms", "Mins"})

def strip_share_counter(line: str) -> str:
    """Remove a share count glued to the first word: ``55US Secretary`` -> ``US Secretary``.

    Only a count directly followed by a capitalised word or an acronym plus a
    capitalised word; ``2014 was``, ``3M said`` and ``100Mbps`` stay intact.
    """
    m = _GLUED_COUNT.match(line)
    if not m:
        return line
    rest = line[m.end():]
    if rest.split(maxsplit=1)[0].rstrip(".,;:") in _UNITS:
        return line
    return rest


_FIGURE = re.compile(r"\d+(?:[.,]\d+)*")


def _figures(line: str) -> list[str]:
    """The figures a line states, a share count glued to its first word aside."""
    return _FIGURE.findall(strip_share_counter(line))


def same_figures(a: str, b: str) -> bool:
    """Whether two lines state the same figures, one's run a prefix or a suffix of the other's: the headline
    keys leave digits out (for ``55US Secretary``), so ``Net 12.5 mln vs 9.8 mln`` and ``Net 36.1 mln vs 29.4
    mln``, two rows of a results table, are told apart here."""
    fa, fb = _figures(a), _figures(b)
    short, long_ = sorted((fa, fb), key=len)
    return not short or long_[:len(short)] == short or long_[len(long_) - len(short):] == short


def is_headline_copy(line: str, title: str | None) -> bool:
    """``line`` repeats the title, maybe with a site suffix (``Title - The New York Times``)."""
    if not title:
        return False
    a, b = norm_key(line), norm_key(title)
    if not a or not b or not same_figures(line, title):
        return False
    return a == b or (len(b.split()) >= 4 and a.startswith(b) and len(a.split()) - len(b.split()) <= 6)


def is_menu_run(lines: Sequence[str], start: int, *, min_run: int = 3, max_words: int = 4) -> int:
    """Length of the run of short, unpunctuated lines at ``start`` if it is a menu, else 0."""
    end = start
    while end < len(lines) and n_words(lines[end]) <= max_words and not TERMINAL.search(lines[end].strip()):
        end += 1
    return end - start if end - start >= min_run else 0


def find_title(lines: Sequence[str]) -> str | None:
    """The headline of a plain-text article.

    A page states its headline more than once: as the ``Title - Site`` first
    line, the tail of a breadcrumb, the line above the body. Among lines
    before the first prose paragraph, prefer a repeated one that the first
    line starts or ends with, then the longest repeated one (menus repeat
    too, but menu items are short), then the last headline-like line.
    """
    body = next((i for i, ln in enumerate(lines) if _looks_like_prose(ln)), len(lines))
    head = [ln.strip() for ln in lines[:body] if ln.strip()]
    if not head:
        return None
    keys = [norm_key(ln) for ln in head]

    def related(i: int, j: int) -> bool:
        a, b = keys[i], keys[j]
        return (a == b or b.startswith(a + " ") or b.endswith(" " + a)) and same_figures(head[i], head[j])

    repeated: list[tuple[bool, int, int]] = []
    for i, ln in enumerate(head):
        n = len(keys[i].split())
        if not 3 <= n <= 25 or is_breadcrumb(ln) or junk_reason(ln) in ("advertisement", "read_more", "share", "timestamp", "byline"):
            continue
        if any(j != i and related(i, j) for j in range(len(head))):
            repeated.append((i > 0 and related(i, 0), n, -i))
    if repeated:
        in_first, n, neg_i = max(repeated)
        if in_first or n >= 4:
            return head[-neg_i]
    candidates = [ln for ln in head if 2 <= len(words(ln)) <= 25 and not TERMINAL.search(ln)
                  and junk_reason(ln) is None and not is_breadcrumb(ln)]
    if not candidates:
        return None
    # the line above the body; with no prose at all (a results table) there is no body, and a first line
    # that reads as a headline heads the text
    return candidates[0] if body == len(lines) and candidates[0] == head[0] else candidates[-1]


def _looks_like_prose(line: str) -> bool:
    """A body sentence, not a headline: long and ending like a statement (headlines may end in ? or !)."""
    s = line.strip()
    return len(words(s)) >= 12 and bool(re.search(r"""[.:;"”’]$""", s)) and junk_reason(s) is None
