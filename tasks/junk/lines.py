"""Pattern rules: boilerplate that looks the same on every site, judged one line at a time.

A line matching one is junk wherever it stands; the names of the rules are the
reasons the cleaning reports.
"""
from __future__ import annotations

import re
from collections.abc import Callable

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
TERMINAL = re.compile(r"""[.!?…:;"”’'»)\]。！？」』）]$""")
# Chinese and Japanese write no spaces: a line is one "word" to ``split``. Their characters
# are counted instead (about two to a word), and common particles stand in for stop words.
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
CJK_STOPS = frozenset("のにはをがでとてしたもなるれ的了是在和有也就不这")
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")


def norm_key(line: str) -> str:
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
            and not TERMINAL.search(parts[0]))


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
    """``Photo: AP``, ``Credit... Jo Harlan/The Daily Courier``, ``(AP Photo/Lee Carver)``."""
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
    """``By Dale K. Moss, Riverton.com`` or ``Mina Cole @minacole / 2 days``."""
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
