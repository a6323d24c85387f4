"""Whether what is left of a page after cleaning is an article at all.

Line rules remove junk from an article; they cannot say that a whole page
was junk. A navigation bar (``Home World Business ...``), a "Please enable
JavaScript" shell or a lone headline survives them and would be stored as an
article, then parsed and counted. These page-level verdicts turn such pages
into rejects: ``no_text`` when no paragraph reads as a sentence, ``too_short``
when the prose is below ``MIN_ARTICLE_WORDS`` and no paragraph is a whole sentence.
"""
from __future__ import annotations

import re
from collections.abc import Sequence

from tasks.language import word_count

# The documented minimum (README, "Bad input and what it becomes"): a headline
# alone runs to about 8-14 words, a one-sentence news brief to 15 or more.
# Unspaced scripts (Chinese, Japanese, Thai) count three characters a word.
MIN_ARTICLE_WORDS = 15

# What a page says instead of its content when a script, a browser check or a
# bot wall stands in front of it.
_NOTICE = re.compile(
    r"\b(?:enable|turn on|activate|allow)\s+(?:javascript|js|cookies)\b|"
    r"\bjavascript\s+(?:is\s+)?(?:disabled|required|turned off|not (?:enabled|supported|available))\b|"
    r"\byour (?:web )?browser (?:does not|doesn['’]t|is not|isn['’]t|is no longer) (?:support|supported|compatible)|"
    r"\b(?:update|upgrade) your (?:web )?browser\b|\bunsupported browser\b|"
    r"\b(?:are you a|not a) robot\b|\bchecking (?:your browser|if the site connection is secure)\b|"
    r"\bverify(?:ing)? (?:that )?you are (?:a )?human\b",
    re.I,
)
_NOTICE_MAX_WORDS = 40
# Fewer words than this are a fragment (``too_short``), not yet a menu.
_MENU_WORDS = 4
_TERMINAL = re.compile(r"""[.!?…:;"”’)\]]$""")
_CLOSED = re.compile(r"""[.!?]["”’)\]]?$""")
_CJK_SENTENCE = re.compile(r"[。！？，、]|[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]{12}")


def is_notice(paragraph: str) -> bool:
    """A "please enable JavaScript" or browser/robot check paragraph, not content."""
    return len(paragraph.split()) <= _NOTICE_MAX_WORDS and bool(_NOTICE.search(paragraph))


def is_sentence(paragraph: str) -> bool:
    """Reads as prose: sentence punctuation, or several words not capitalised like menu items.

    ``Home World Business Politics Tech`` has neither; a headline has lower-case
    function words and so counts (a page of only a headline is ``too_short``).
    """
    p = paragraph.strip()
    if _CJK_SENTENCE.search(p):
        return True
    if len(p.split()) < 4:
        return False
    lower = sum(1 for w in p.split() if w[:1].islower())
    return bool(_TERMINAL.search(p)) or lower >= 2


def no_text(paragraphs: Sequence[str]) -> str | None:
    """Why the page has no article text (a detail for the reject), or None when it has some.

    An article's first paragraph usually settles it, so the common case costs one check.
    """
    if any(is_sentence(p) and not is_notice(p) for p in paragraphs):
        return None
    content = [p for p in paragraphs if p.strip() and not is_notice(p)]
    if not content:
        return "only a script or browser notice" if any(p.strip() for p in paragraphs) else "nothing left"
    if sum(len(p.split()) for p in content) >= _MENU_WORDS:
        return "navigation only: no paragraph reads as a sentence"
    return None


def is_statement(paragraph: str) -> bool:
    """A sentence that says something, however short (``Revenue rose 5% to $2.1bn.``): five words or more,
    two in lower case, closed by a full stop, ``!`` or ``?``; what a headline alone, written without one, is not."""
    words = paragraph.split()
    return len(words) >= 5 and sum(w[:1].islower() for w in words) >= 2 and _CLOSED.search(paragraph.strip()) is not None


def too_short(paragraphs: Sequence[str]) -> str | None:
    """Why the prose is too short to be an article, or None (counting stops at the minimum).

    A text below the minimum that is a whole sentence (a one-line brief, a
    sentence a user feeds alone to have its numbers read) is kept: only a
    headline or a fragment alone is no article.
    """
    n = 0
    for p in paragraphs:
        if not is_notice(p):
            n += word_count(p)
            if n >= MIN_ARTICLE_WORDS:
                return None
    if any(is_statement(p) and not is_notice(p) for p in paragraphs):
        return None
    return f"word count {n} < {MIN_ARTICLE_WORDS}"
