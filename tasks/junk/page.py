"""A whole web page: is the text one, and where in it the article is (headline anchor,
menus, reader comments)."""
from __future__ import annotations

import re

from tasks.junk.density import Block, classify, main_region, region_total, scores
from tasks.junk.document import is_menu_run, strip_share_counter
from tasks.junk.lines import TERMINAL, n_words

_TABLE_ROW = re.compile(r"\d|^\S.*\s(?:at|v|vs\.?|versus)\s+\S")

# Pattern rules that only a web page produces: their presence is evidence of page furniture.
PAGE_RULES = frozenset({"breadcrumb", "newsletter", "cookie", "share", "read_more", "advertisement"})


def is_menu_line(line: str) -> bool:
    """A navigation item: a few words, no sentence punctuation, no figures (``Sport``, ``Toggle dark mode``).

    Lines with figures (``LG 2 OB 0``, ``May 17 v Northampton``) are table rows, not menu items.
    """
    return n_words(line) <= 4 and not TERMINAL.search(line) and not _TABLE_ROW.search(line)


def looks_like_page(blocks: list[Block]) -> bool:
    """Whether ``blocks`` are a whole scraped page rather than an article's clean text.

    The density rules are only safe where there is furniture to remove: a
    run of menu items, or several lines that only pages contain (cookie and
    newsletter blurbs, share buttons, breadcrumbs). Short lines alone prove
    nothing; a wire story has headlines, datelines and results tables.
    """
    furniture = sum(1 for b in blocks if b.junk in PAGE_RULES)
    menu, run, longest, caps = 0, 0, 0, 0
    for b in blocks:
        if is_menu_line(b.text):
            run, caps = run + 1, caps + b.text.isupper()
        else:
            run, caps = 0, 0
        # Upper-case lines are a wire table's team and section names ("NEW YORK", "EAST DIVISION").
        if 2 * caps < run:
            longest = max(longest, run)
        if run == MENU_RUN:
            menu += MENU_RUN
        elif run > MENU_RUN:
            menu += 1
    # Short lines with figures are table rows; in a document of tables (standings, draws, results)
    # the short lines without figures are its headings and pairings ("Canada at Portugal").
    # A timestamp or byline matched by a pattern rule has figures but is no table row.
    rows = sum(1 for b in blocks if b.n_words <= 12 and not b.terminal and not b.junk and _TABLE_ROW.search(b.text))
    if menu <= rows:
        menu = 0
    # Tables have headings between their rows; a site's navigation is one long unbroken list.
    return menu >= 2 * MENU_RUN or longest >= LONG_MENU or furniture >= 3 or (furniture >= 1 and menu >= MENU_RUN)


# The start of a reader-comment section: the article is over.
_COMMENTS = re.compile(
    r"^(?:\[?\s*\(?\d[\d,]*\)?\s+(?:comments?|responses?|replies)\s*\]?|(?:top rated|reader|most popular|latest|recent) comments|"
    r"comments?\s*\(\d+\)|(?:leave|post|add|write) a (?:comment|reply)|log ?in to (?:comment|reply)|"
    r"join the (?:conversation|discussion)|\d+\s+(?:thoughts?|responses?|comments?|replies)\s+(?:on|to)\b.*|"
    r"reader comments|what do you think\??|leave a reply(?: cancel reply)?)\s*:?$",
    re.I,
)


# The author line of one reader comment: ``tulsafan88 says:``, ``Dana on March 2, 2019 at 8:10 pm said:``.
_COMMENT_AUTHOR = re.compile(r"^(?P<who>.{2,60}?)\s+(?P<verb>said|says|wrote|commented)\s*:(?P<when>\s.{0,40}\d.*)?$", re.I)
_POSTED_ON = re.compile(r"\s(?:on|at)\s.*\d")
# "The minister said:" or "He says:" introduces a quote in a report; a commenter's handle has no such words.
_REPORTING_WORDS = frozenset({"he", "she", "they", "it", "we", "i", "you", "the", "a", "an", "who", "also", "then", "and",
                              "but", "this", "that", "his", "her", "their", "its", "later", "spokesman", "spokeswoman"})


def is_comment_author(line: str) -> bool:
    """The head of one reader comment: a handle, maybe a date, then ``says:``/``said:``.

    ``The minister said:`` introducing a quote is not one: reporting words
    (pronouns, articles) or a comma mark a sentence, not a handle.
    """
    s = line.strip()
    m = _COMMENT_AUTHOR.match(s) if len(s) < 120 else None
    if not m:
        return False
    if _POSTED_ON.search(m["who"]):  # "Sam on April 9, 2020 at 7:05 am said:"
        return True
    who = m["who"].split()
    return ((m["verb"].lower() == "says" or bool(m["when"])) and len(who) <= 4 and "," not in m["who"]
            and not any(w.lower() in _REPORTING_WORDS for w in who))


def is_comment_header(line: str) -> bool:
    """``167 comments``, ``Top Rated Comments``, ``Leave a comment``: where a page's comment thread begins.

    A bare ``Comment`` is a share-bar button, as often above or inside the body as after it, and does not count.
    """
    s = line.strip()
    return len(s) < 120 and bool(_COMMENTS.match(s))


# Consecutive menu-like lines that make a menu, and so many that only a site's navigation has them.
MENU_RUN = 3
LONG_MENU = 10


def page_lines(blocks: list[Block], copies: list[bool]) -> list[str]:
    """The article inside a whole page: pattern rules, then density and region.

    Where the headline reappears just before the prose, the article starts
    there (a page repeats its title above the body); otherwise the region is
    the best-scoring run of prose anywhere.
    """
    lines = [b.text for b in blocks]
    for b, copy in zip(blocks, copies):
        b.junk = b.junk or ("headline" if copy else None)
    i = 0
    while i < len(blocks):
        run = is_menu_run(lines, i)
        for b in blocks[i : i + run]:
            b.junk = b.junk or "menu"
        i += run or 1
    classify(blocks)
    start, end = main_region(blocks)
    anchored = anchored_region(blocks, copies)
    # Trust the headline anchor unless it points somewhere far weaker than the best prose run.
    if anchored and (anchored[0] < end and start < anchored[1] or region_total(blocks, anchored) >= 0.5 * region_total(blocks, (start, end))):
        start, end = anchored
    # Reader comments are prose too; the article ends where their section starts.
    cut = next((i for i in range(start + 1, end) if is_comment_header(blocks[i].text)), end)
    # A thread without a heading starts at its first author line; one such line alone may be a quote.
    authors = [i for i in range(start + 1, cut) if is_comment_author(blocks[i].text)]
    end = authors[0] if len(authors) >= 2 else cut
    if end <= start:  # nothing prose-like: a brief; keep what no pattern rule rejects
        kept = [b.text for b in blocks if not b.junk]
    else:
        kept = [b.text for b in blocks[start:end] if b.label != "bad"]
    if kept:
        kept[0] = strip_share_counter(kept[0])
    return [k for k in kept if k.strip()]


# How far (in blocks) prose may follow a headline copy to count as its body.
ANCHOR_WINDOW = 10


def anchored_region(blocks: list[Block], copies: list[bool]) -> tuple[int, int] | None:
    """``[start, end)`` from the first prose block after a headline copy, or None.

    The start is the anchor; the end is where the running score peaks, so
    share buttons or an ad inside the body do not cut it short while the
    link lists after it are left out.
    """
    for i, copy in enumerate(copies):
        if not copy:
            continue
        seed = next((j for j in range(i + 1, min(i + 1 + ANCHOR_WINDOW, len(blocks))) if blocks[j].label == "good"), None)
        if seed is None:
            continue
        total, best, end = 0.0, 0.0, seed + 1
        sc = scores(blocks)
        for j in range(seed, len(blocks)):
            total += sc[j]
            if total > best:
                best, end = total, j + 1
        return seed, end
    return None
