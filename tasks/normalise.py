"""RawRecord -> Article: decode, repair, extract, de-junk, identify language.

Output text format (what every later stage and the ``articles.text`` column
see): one paragraph per line-group, paragraphs separated by a blank line
(``"\\n\\n"``), no newlines inside a paragraph, single spaces, no control
characters. ``article_id`` is the first 16 hex digits of the SHA-1 of that
text, so the same story normalised twice gets the same id.
"""
from __future__ import annotations

import hashlib
import re
from datetime import date, datetime
from email.utils import parsedate_to_datetime

from tasks import junk, substance
from tasks.dateline import columns as dateline_columns
from tasks.decode import DecodeError, clean_field, clean_text, decode_bytes
from tasks.html import extract
from tasks.language import language_of, prose_sample, stopwords
from tasks.records import Article, RawRecord, Reject

_SPACES = re.compile(r"[^\S\n]+")
_LOOKS_HTML = re.compile(r"^\s*(?:<!doctype html|<html|<\?xml[^>]*>\s*<html)", re.I)
_DATE_FORMATS = ("%Y-%m-%d", "%d %B %Y", "%d %b %Y", "%B %d, %Y", "%b %d, %Y", "%B %d %Y", "%Y/%m/%d", "%d/%m/%Y",
                 "%d-%b-%Y")  # the last as agency files stamp a story (``26-FEB-1987 15:01:01.79``)


def article_id(text: str) -> str:
    """Content address of the normalised text."""
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:16]


def normalise(rec: RawRecord, *, languages: frozenset[str] = frozenset({"en"})) -> Article | Reject:
    """Turn one raw record into a clean ``Article``, or say why it cannot be one."""
    try:
        if isinstance(rec.data, bytes):
            text, encoding = decode_bytes(rec.data, html=rec.is_html)
        else:
            text, encoding = rec.data, "utf-8"
        text = clean_text(text)
    except DecodeError as exc:
        return Reject(rec.source, exc.reason, exc.detail)

    title, url, published, author = (clean_field(v) for v in (rec.title, rec.url, rec.published, rec.author))
    preferred = "en" if "en" in languages else sorted(languages)[0]
    if rec.is_html or _LOOKS_HTML.match(text):
        page = extract(text, url=url)
        if page is None:
            return Reject(rec.source, "no_text", "no main text found in HTML")
        title, url = title or clean_field(page.title), url or clean_field(page.url)
        published, author = published or page.date, author or clean_field(page.author)
        paragraphs = [p for p in (_tidy(ln) for ln in page.text.split("\n")) if p]
        paragraphs = [p for p in paragraphs if not junk.is_headline_copy(p, title) and not _boilerplate(p)]
        lang, _ = language_of(prose_sample(paragraphs), default=preferred)
    else:
        lines = [_tidy(ln) for ln in unwrap(text)]
        title = title or junk.find_title(lines)
        # Detected once, on the page's prose lines: picks the stop words and gives the verdict.
        lang, _ = language_of(prose_sample(lines), default=preferred)
        paragraphs = junk.clean_lines(lines, title=title, stopwords=stopwords(lang), title_is_metadata=bool(rec.title))

    body = "\n\n".join(paragraphs)
    if not body.strip():
        return Reject(rec.source, "no_text", "nothing left after removing boilerplate")
    if (why := substance.no_text(paragraphs)) is not None:
        return Reject(rec.source, "no_text", why)
    if lang not in languages:
        return Reject(rec.source, f"language:{lang}", f"detected {lang}", article_id(body))
    if (why := substance.too_short(paragraphs)) is not None:
        return Reject(rec.source, "too_short", why, article_id(body))
    return Article(
        article_id=article_id(body),
        source=rec.source,
        text=body,
        fmt=rec.fmt,
        encoding=encoding,
        title=_tidy(title) if title else None,
        url=url,
        published=parse_date(published),
        author=_tidy(author) if author else None,
        language=lang,
        extras=dateline_columns(body, parse_date(published)),
    )


def _tidy(line: str) -> str:
    return _SPACES.sub(" ", line).strip()


def _boilerplate(line: str) -> bool:
    """Pattern rules that are safe on trafilatura output (it has already kept only the body)."""
    return junk.is_advertisement(line) or junk.is_share(line) or junk.is_read_more(line) and len(line) < 120


#: A list item or a numbered row, and a short heading that introduces a table (``Third place :``): lines of
#: their own, whatever the line before them.
_ITEM = re.compile(r"^\s*(?:[-*•·–]|\d{1,2}[.)])\s")
_SENTENCE_END = re.compile(r"[.!?][\"'”’)]?\s*$")
_HEADING = re.compile(r"^\s*[A-Z]\S*(?:\s+\S+){0,3}\s*:\s*$")


def unwrap(text: str) -> list[str]:
    """Lines, with hard-wrapped paragraphs joined back into one line each.

    Feeds and agency files wrap at a fixed column (60-80) and mark a new
    paragraph by a blank line, or by indenting its first line (agency copy of
    the 1980s). A line that reaches near that column was broken by the wrap,
    so the line after it continues its paragraph unless :func:`_starts_line`
    says otherwise. Left as wrapped, ``from 9.8 mln`` and ``dlrs`` would be
    two paragraphs, and two sentences to the parser.
    """
    lines = text.split("\n")
    indents = any(ln[:1].isspace() and ln.strip() for ln in lines) and any(ln[:1].strip() for ln in lines)
    width = _wrap_width(lines, indents)
    if width is None:
        return lines
    unmarked = not indents and all(ln.strip() for ln in lines[:-1])  # no paragraph marks at all
    out: list[str] = []
    broken = row = False  # the line before reached the column; the paragraph before began with a figure
    for ln in lines:
        figure = ln.strip()[:1].isdigit()
        if not broken or _starts_line(ln, indents) or figure and row:  # a table's rows begin with a figure
            out.append(ln)
            row = figure
        else:
            out[-1] = out[-1].rstrip() + " " + ln.strip()
        broken = len(ln.rstrip()) >= width * 0.8 and not _ends_line(ln, unmarked)
    return out


def _starts_line(line: str, indents: bool) -> bool:
    """A blank line, an indent in a text that indents paragraphs, a list item, a short heading."""
    return not line.strip() or indents and line[:1].isspace() or _ITEM.match(line) is not None \
        or _HEADING.match(line) is not None


def _ends_line(line: str, unmarked: bool) -> bool:
    """A headline in capitals, a line ending in a colon, and in a text with no paragraph marks a sentence's end:
    what comes after is a line of its own even when this one reaches the column."""
    letters = [c for c in line if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters) or line.rstrip().endswith(":") \
        or unmarked and _SENTENCE_END.search(line) is not None


def _wrap_width(lines: list[str], indents: bool) -> int | None:
    """The column a text is wrapped at, or None when it is not wrapped: no line wider than 100 (a paragraph
    per line is wider), the widest 50 or more, and at least three lines, two in five, within a fifth of it;
    a text that indents its paragraphs needs only its widest line, so a brief of two lines is read too."""
    widths = [len(ln.rstrip()) for ln in lines if ln.strip()]
    if len(widths) < 2 or not 50 <= max(widths) <= 100:
        return None
    near = sum(w >= max(widths) * 0.8 for w in widths)
    return max(widths) if indents or near >= 3 and near >= 0.4 * len(widths) else None


def parse_date(value: str | None) -> date | None:
    """The calendar date of a published string in the usual scraper formats, else None."""
    if not value:
        return None
    s = value.strip()
    if m := re.match(r"(\d{4})-(\d{2})-(\d{2})", s):
        try:
            return date(int(m[1]), int(m[2]), int(m[3]))
        except ValueError:
            return None
    try:
        return parsedate_to_datetime(s).date()
    except (TypeError, ValueError, IndexError):
        pass
    cleaned = re.sub(r"(\d)(st|nd|rd|th)\b", r"\1", s.split("T")[0]).strip()
    if re.match(r"\d{1,2}-[A-Za-z]{3}-\d{4} ", cleaned):
        cleaned = cleaned.split(" ")[0]  # its time of day
    for fmt in _DATE_FORMATS:
        try:
            return datetime.strptime(cleaned, fmt).date()
        except ValueError:
            continue
    return None
