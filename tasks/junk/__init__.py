"""Scraper junk in plain text: named, individually tested rules.

HTML has tags to tell a menu from a paragraph; scraped plain text has only
lines. Each line (one paragraph per line) is judged in two passes:

1. *Pattern rules* (``LINE_RULES``): boilerplate that looks the same on every
   site -- breadcrumbs, "Advertisement", "Read more", bylines, timestamps,
   newsletter and cookie blurbs, photo credits, wire sign-offs, share
   buttons. A line matching one is junk wherever it stands.
2. *Density rules* (after jusText): long lines rich in stop words are prose,
   short lines are decided by their neighbours, and a run of short lines is a
   menu. The article is then the best-scoring contiguous region of prose,
   which drops the "related stories" and footer that follow it on a page:
   a gap of non-prose lines costs more with each line, so a subheading is
   bridged while a menu or a teaser list (headline, author, date) is not.
   Chinese and Japanese lines are measured in characters, and a reader
   comment thread ends the article at its heading or first author lines.

Rules err on the side of keeping text: a dropped sentence costs entities
and numbers downstream, a kept menu line costs little.
"""
from __future__ import annotations

from collections.abc import Sequence

from tasks.junk.density import STOP_HIGH, Block, classify, is_teaser, make_block, scores
from tasks.junk.document import find_title, is_headline_copy, is_menu_run, same_figures, strip_share_counter
from tasks.junk.lines import (
    LINE_RULES, is_advertisement, is_breadcrumb, is_byline, is_cookie, is_newsletter, is_photo_credit,
    is_read_more, is_share, is_signoff, is_timestamp, junk_reason, n_words, norm_key, words,
)
from tasks.junk.page import is_comment_author, is_comment_header, is_menu_line, looks_like_page, page_lines

__all__ = [
    "LINE_RULES", "STOP_HIGH", "Block", "classify", "clean_lines", "find_title", "is_advertisement", "is_breadcrumb",
    "is_byline", "is_comment_author", "is_comment_header", "is_cookie", "is_headline_copy", "is_menu_line",
    "is_menu_run", "is_newsletter", "is_photo_credit", "is_read_more", "is_share", "is_signoff", "is_teaser",
    "is_timestamp", "junk_reason", "looks_like_page", "make_block", "n_words", "page_lines", "scores",
    "strip_share_counter", "words",
]


def clean_lines(lines: list[str], *, title: str | None, stopwords: frozenset[str],
                title_is_metadata: bool = False) -> list[str]:
    """The article paragraphs among ``lines``.

    Clean text (a wire story, a feed body: no menus, no cookie banners) keeps
    every line that no pattern rule rejects -- short lines, datelines and
    results tables are content there. Only a whole page (``looks_like_page``)
    goes through the density rules and the choice of a main region; see
    ``page_lines``.

    The headline is dropped from the text only when it is repeated: a second
    copy in the text (``Title - Site`` plus ``Title``, a breadcrumb ending in
    it) or, with ``title_is_metadata``, the record's own title field.
    """
    lines = [ln.strip() for ln in lines if ln.strip()]
    blocks = [make_block(ln, stopwords) for ln in lines]
    copies = [is_headline_copy(ln, title) for ln in lines]
    if looks_like_page(blocks):
        return page_lines(blocks, copies)
    repeated = title_is_metadata or _title_repeats(lines, title)
    kept = [b.text for b, copy in zip(blocks, copies) if not b.junk and not (copy and repeated)]
    if kept:
        kept[0] = strip_share_counter(kept[0])
    return [k for k in kept if k.strip()]


def _title_repeats(lines: Sequence[str], title: str | None) -> bool:
    """The title's words appear in more than one line (its own and a copy, suffix or breadcrumb)."""
    key = norm_key(title) if title else ""
    if len(key.split()) < 3:
        return False
    return sum(1 for ln in lines if key in norm_key(ln) and same_figures(ln, title)) >= 2
