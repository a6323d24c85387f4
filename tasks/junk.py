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

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

# --------------------------------------------------------------------------- patterns

_SEP = r"(?:\s[/»›>|]\s|\s?[»›]\s?)"
_MONTH = (r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
          r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?")
_DATE = re.compile(
    rf"\b(?:\d{{1,2}}\s+{_MONTH}\s+\d{{2,4}}|{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?(?:\s+\d{{4}})?|"
    r"\d{4}-\d{2}-\d{2}|\d{1,2}[/.]\d{1,2}[/.]\d{2,4}|\d{1,2}:\d{2}(?:\s*[ap]\.?m\.?)?|"
    r"\d+\s+(?:minutes?|mins?|hours?|hrs?|days?|weeks?)\s+ago)\b",
    re.I,
)
_TIME_WORDS = re.compile(
    r"^(?:(?:last\s+)?updated|published|posted|first published|modified|date|created)\b[\s:]*", re.I
)
_STAMP_WORDS = frozenset({"am", "pm", "posted", "updated", "published", "modified", "edited", "created",
                          "today", "yesterday", "ago", "last", "by", "and", "date", "time"})
_WEEKDAY = re.compile(r"\b(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?\b\.?,?", re.I)
_TZ = re.compile(r"\b(?:[ECMP][SD]T|GMT|UTC|BST|CET|ET|PT)\b|[|,;•·–—-]|\bat\b|\bon\b", re.I)

_ADVERT = re.compile(
    r"^(?:advertisement|advertising|sponsored(?: content)?|ad|paid content|"
    r"story continues below(?: advertisement)?|continue reading(?: the main story)?(?: below)?|"
    r"skip (?:advertisement|ad)|\(?ad\)?|supported by|promoted(?: stories)?)\s*:?$",
    re.I,
)
_READ_MORE = re.compile(
    r"^(?:read (?:more|next|also|the full (?:story|article))|related(?: (?:articles?|stories|content|coverage|news))?|"
    r"more(?: on this)?(?: story)?|also read|see also|watch(?: now| video)?|listen|click here|"
    r"recommended(?: for you)?|you (?:may|might) also like|trending(?: now)?|most (?:read|popular|viewed)|"
    r"up next|top stories|more from [\w .&'-]+|latest(?: news| stories)?|don't miss|in case you missed it)"
    r"\b\s*(?:[:»›|.…]+|\.\.\.|$)",
    re.I,
)
_NEWSLETTER = re.compile(
    r"\b(?:sign(?:ing)? up (?:for|to)|subscribe (?:to|now|today|for)|subscribers? (?:only|can)|"
    r"newsletter|inbox|already (?:a subscriber|have an account)|log ?in to (?:continue|comment)|"
    r"create (?:a free|an) account|unlimited (?:digital )?access|support (?:our|independent) journalism)\b",
    re.I,
)
_COOKIE = re.compile(
    r"\b(?:(?:use|uses|using|accept|allow|enable|block)\s+(?:all\s+)?cookies|cookie (?:policy|settings|preferences|consent|notice)|"
    r"privacy (?:policy|notice|settings)|terms (?:of (?:use|service)|and conditions)|"
    r"all rights reserved|©|\(c\) \d{4}|copyright (?:©\s*)?\d{4}|user agreement|ad choices|"
    r"do not sell my)\b",
    re.I,
)
_PHOTO = re.compile(
    r"^(?:(?:photo|image|picture|video|graphic|illustration)s?(?: credit)?\s*(?:by|:|\|)|credit(?:s)?\s*(?:\.\.\.|:|…)|"
    r"\(?(?:ap|afp|reuters|getty|epa|pa|shutterstock) (?:photo|images?)\b)|"
    r"(?:[/|]\s*(?:getty images|ap|afp|reuters|epa|shutterstock|pa(?: wire)?|alamy)\)?\.?|\((?:ap|afp) photo[^)]*\)\.?)$",
    re.I,
)
_SIGNOFF = re.compile(
    r"^(?:[-–—(\s]*(?:reuters?|ap|afp|upi|bbc|cnn|pa|dpa|xinhua)[)\s]*|"
    r"\(?(?:reporting|writing|additional reporting|editing|compiled) by\b.*|"
    r"copyright \d{4} .*|.*contributed to this (?:report|story)\.?|"
    r"(?:this (?:story|article) (?:was|has been) (?:updated|corrected)\b.*))$",
    re.I,
)
_SHARE = re.compile(
    r"^(?:\d[\d,.]*k?\s*)?(?:shares?|share (?:this|on|via)\b.*|tweet|pin(?: it)?|email|print|comments?|"
    r"whatsapp|facebook|twitter|linkedin|reddit|copy link|save|view comments|\d+\s+comments?|"
    r"share(?: this)?(?: article| story)?(?: on \w+)?)\s*$",
    re.I,
)
_BYLINE = re.compile(
    r"^(?i:by|written by|words by|story by|from)\s+[A-Z][\w.'’-]+(?:\s+(?:[A-Z][\w.'’-]*|and|&|de|van|von|al|bin))*"
    r"(?:\s*(?:[,|/–—-]|\bfor\b|\bin\b)\s*.{0,60})?$",
)
# The separator must stand apart from the name: in "AL-RAM , West Bank 1996-08-30" (a dateline) the hyphen is part of it.
_AUTHOR_AND_TIME = re.compile(r"^[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){0,3}\s*(?:@\w+)?(?:\s*[|·•]|\s+[/–—-])\s+.{0,40}$")
_TERMINAL = re.compile(r"""[.!?…:;"”’'»)\]。！？」』）]$""")
# Chinese and Japanese write no spaces: a line is one "word" to ``split``. Their characters
# are counted instead (about two to a word), and common particles stand in for stop words.
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_CJK_STOPS = frozenset("のにはをがでとてしたもなるれ的了是在和有也就不这")
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
# A share count glued to the first word of the body: "55US Secretary", "1.2kThe".
_GLUED_COUNT = re.compile(r"^(?:\d{1,3}(?:[.,]\d)?k?|\d{1,6})(?=(?:[A-Z]{2,5}\s+[A-Z][a-z])|(?:[A-Z][a-z]{2,}\b))")
_UNITS = frozenset({"Mbps", "Gbps", "Kbps", "Ghz", "Mhz", "Khz", "Kph", "Mph", "Kwh", "Mwh", "Gwh", "Kms", "Mins"})


def _norm(line: str) -> str:
    """Case- and punctuation-insensitive key to compare headlines."""
    return " ".join(_WORD.findall(line.lower()))


def words(line: str) -> list[str]:
    return _WORD.findall(line)


def cjk_chars(line: str) -> list[str]:
    """The Chinese and Japanese characters of ``line`` (none, cheaply, for ASCII)."""
    return [] if line.isascii() else _CJK.findall(line)


def n_words(line: str) -> int:
    """Words as a menu is measured: space-separated, or three CJK characters to a word.

    Japanese and Chinese navigation items are compounds of four to ten characters.
    """
    cjk = len(cjk_chars(line))
    return len(line.split()) + cjk // 3 if cjk else len(line.split())


# --------------------------------------------------------------------------- line rules


def is_breadcrumb(line: str) -> bool:
    """``Home / Uncategorized / Title``, ``You are at: Home » News``: site navigation, not prose."""
    s = line.strip()
    if re.match(r"^(?:you are (?:at|here)|you are currently reading|home)\s*[:»›/>|]", s, re.I):
        return True
    parts = re.split(_SEP, s)
    # Every crumb names a page ("UK", "News"); "W D L G / F G / A P" and "N / A" are table cells.
    return (len(parts) >= 3 and all(0 < len(p.split()) <= 12 and re.search(r"[^\W\d_]{2}", p) for p in parts)
            and not _TERMINAL.search(parts[0]))


def is_advertisement(line: str) -> bool:
    """Ad slot labels: ``Advertisement``, ``Story continues below advertisement``."""
    return bool(_ADVERT.match(line.strip()))


def is_read_more(line: str) -> bool:
    """Teasers for other stories: ``Read more: ...``, ``RELATED: ...``, ``You may also like``.

    A sentence that merely starts with "More" (``More than 6,000 people``) is
    not a teaser: the keyword must stand alone or be followed by a colon.
    """
    return bool(_READ_MORE.match(line.strip())) and len(line) < 250


def is_newsletter(line: str) -> bool:
    """Subscription and sign-up calls to action, only when short (a blurb, not a story about newsletters)."""
    return bool(_NEWSLETTER.search(line)) and len(words(line)) <= 40 and not _is_quote(line)


def is_cookie(line: str) -> bool:
    """Cookie banners, legal footers and copyright lines."""
    return bool(_COOKIE.search(line)) and len(words(line)) <= 60 and not _is_quote(line)


def is_photo_credit(line: str) -> bool:
    """``Photo: AP``, ``Credit... Doug Mills/The New York Times``, ``(AP Photo/Evan Vucci)``."""
    s = line.strip()
    return len(words(s)) <= 30 and bool(_PHOTO.search(s))


def is_signoff(line: str) -> bool:
    """Wire-copy trailers: ``Reuter``, ``(AP)``, ``Reporting by ...; Editing by ...``."""
    s = line.strip()
    return len(s) < 300 and bool(_SIGNOFF.match(s))


# No share bar is longer; the bound also keeps _SHARE's backtracking off long digit runs
# (quadratic: a 50,000-digit line took 27 s).
_SHARE_MAX_CHARS = 200


def is_share(line: str) -> bool:
    """Share buttons and counters: ``Share this on WhatsApp``, ``55 Shares``, ``Tweet``."""
    line = line.strip()
    return len(line) <= _SHARE_MAX_CHARS and bool(_SHARE.match(line))


def is_byline(line: str) -> bool:
    """``By Troy L. Smith, Cleveland.com`` or ``Catherine Shu @catherineshu / 2 days``."""
    s = line.strip()
    if len(s) > 100 or s.endswith((".", "?", "!")) and not re.search(r"\b[A-Z]\.$", s):
        return False
    return bool(_BYLINE.match(s)) or bool(_AUTHOR_AND_TIME.match(s) and ("@" in s or _DATE.search(s)))


def is_timestamp(line: str) -> bool:
    """A line that is only a date/time, maybe with ``Updated``/``Posted`` and a weekday."""
    s = line.strip()
    if len(s) > 90 or not _DATE.search(s) and not re.search(r"\b(19|20)\d{2}\b", s):
        return False
    rest = _TZ.sub(" ", _WEEKDAY.sub(" ", _DATE.sub(" ", _TIME_WORDS.sub("", s))))
    rest = re.sub(r"\b(?:19|20)\d{2}\b|\b\d{1,2}(?:st|nd|rd|th)?\b|[():.]", " ", rest).split()
    # What is left may be a stray word ("am", "by"), never a name or a number: "LONDON 1996-08-30"
    # is a dateline and "9. Andersson 1:34" a results line, both content.
    return len(rest) <= 1 and not any(
        (w[0].isupper() and w.lower() not in _STAMP_WORDS) or any(c.isdigit() for c in w) for w in rest)


# Order matters only for the reason recorded in tests and the bench.
LINE_RULES: dict[str, Callable[[str], bool]] = {
    "breadcrumb": is_breadcrumb,
    "advertisement": is_advertisement,
    "read_more": is_read_more,
    "newsletter": is_newsletter,
    "cookie": is_cookie,
    "photo_credit": is_photo_credit,
    "signoff": is_signoff,
    "share": is_share,
    "byline": is_byline,
    "timestamp": is_timestamp,
}


def junk_reason(line: str) -> str | None:
    """Name of the first pattern rule ``line`` matches, or None."""
    return next((name for name, rule in LINE_RULES.items() if rule(line)), None)


def _is_quote(line: str) -> bool:
    """Quoted speech is reporting, even when it mentions newsletters or cookies."""
    return bool(re.search(r"[\"“”]", line)) and len(words(line)) >= 12


# --------------------------------------------------------------------------- document rules


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


def is_headline_copy(line: str, title: str | None) -> bool:
    """``line`` repeats the title, maybe with a site suffix (``Title - The New York Times``)."""
    if not title:
        return False
    a, b = _norm(line), _norm(title)
    if not a or not b:
        return False
    return a == b or (len(b.split()) >= 4 and a.startswith(b) and len(a.split()) - len(b.split()) <= 6)


def is_menu_run(lines: Sequence[str], start: int, *, min_run: int = 3, max_words: int = 4) -> int:
    """Length of the run of short, unpunctuated lines at ``start`` if it is a menu, else 0."""
    end = start
    while end < len(lines) and n_words(lines[end]) <= max_words and not _TERMINAL.search(lines[end].strip()):
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
    keys = [_norm(ln) for ln in head]

    def related(a: str, b: str) -> bool:
        return a == b or b.startswith(a + " ") or b.endswith(" " + a)

    repeated: list[tuple[bool, int, int]] = []
    for i, ln in enumerate(head):
        n = len(keys[i].split())
        if not 3 <= n <= 25 or is_breadcrumb(ln) or junk_reason(ln) in ("advertisement", "read_more", "share", "timestamp", "byline"):
            continue
        if any(j != i and related(keys[i], keys[j]) for j in range(len(head))):
            repeated.append((i > 0 and related(keys[i], keys[0]), n, -i))
    if repeated:
        in_first, n, neg_i = max(repeated)
        if in_first or n >= 4:
            return head[-neg_i]
    candidates = [ln for ln in head if 2 <= len(words(ln)) <= 25 and not _TERMINAL.search(ln)
                  and junk_reason(ln) is None and not is_breadcrumb(ln)]
    return candidates[-1] if candidates else None


def _looks_like_prose(line: str) -> bool:
    """A body sentence, not a headline: long and ending like a statement (headlines may end in ? or !)."""
    s = line.strip()
    return len(words(s)) >= 12 and bool(re.search(r"""[.:;"”’]$""", s)) and junk_reason(s) is None


# --------------------------------------------------------------------------- density


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
        density = min(1.0, 2 * sum(1 for c in cjk if c in _CJK_STOPS) / len(cjk))
    return Block(
        text=line,
        n_words=n,
        chars=len(line) + len(cjk),
        stop_density=density,
        terminal=bool(_TERMINAL.search(line.strip())),
        junk=junk_reason(line),
    )


# jusText's defaults, in characters and share of stop words.
LENGTH_LOW, LENGTH_HIGH = 70, 200
STOP_LOW, STOP_HIGH = 0.30, 0.32


_HEADLINE_CASE_WORDS = frozenset({"To", "In", "Of", "At", "For", "With", "On", "And", "The", "A", "An", "From", "By",
                                  "As", "Is", "Are", "After", "Over", "Into", "Your", "Our", "Be", "Its"})


def is_teaser(line: str) -> bool:
    """A link to another story: a Headline-Case title, often run into its summary.

    ``Police: 2 In Custody After Death Of Student A 24-year-old woman ...``.
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


def _total(blocks: list[Block], span: tuple[int, int]) -> float:
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
    key = _norm(title) if title else ""
    if len(key.split()) < 3:
        return False
    return sum(1 for ln in lines if key in _norm(ln)) >= 2


# A figure, or a fixture pairing ("Spain at Belgium", "Arsenal v Wolves"): the shape of a table row.
_TABLE_ROW = re.compile(r"\d|^\S.*\s(?:at|v|vs\.?|versus)\s+\S")

# Pattern rules that only a web page produces: their presence is evidence of page furniture.
PAGE_RULES = frozenset({"breadcrumb", "newsletter", "cookie", "share", "read_more", "advertisement"})


def is_menu_line(line: str) -> bool:
    """A navigation item: a few words, no sentence punctuation, no figures (``Sport``, ``Toggle dark mode``).

    Lines with figures (``LG 2 OB 0``, ``May 17 v Northampton``) are table rows, not menu items.
    """
    return n_words(line) <= 4 and not _TERMINAL.search(line) and not _TABLE_ROW.search(line)


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
    # the short lines without figures are its headings and pairings ("United States at Netherlands").
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


# The author line of one reader comment: ``jjfootball says:``, ``Catherine on September 13, 2018 at 5:23 pm said:``.
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
    if _POSTED_ON.search(m["who"]):  # "Alex on September 17, 2018 at 6:34 am said:"
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
    if anchored and (anchored[0] < end and start < anchored[1] or _total(blocks, anchored) >= 0.5 * _total(blocks, (start, end))):
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
