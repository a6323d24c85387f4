"""Property tests: arbitrary bytes and text never crash a stage, and outputs keep their invariants.

Each property runs a few hundred examples here (the whole file in well under
a minute); ``bench/fuzz.py`` runs the same properties much longer and
prints what the inputs became. ``SEEN`` counts outcomes for that report.
"""
from __future__ import annotations

import bz2
import gzip
import io
import math
import os
import tempfile
import zipfile
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tasks import junk, substance
from tasks.decode import DecodeError, clean_text, decode_bytes
from tasks.html import extract
from tasks.ingest import read_records
from tasks.language import stopwords
from tasks.normalise import article_id, normalise
from tasks.records import Article, RawRecord, Reject

from tasks.numbers.lexeme import lex_token
from tasks.numbers.numwords import parse_number, parse_ordinal, parse_range

SEEN: Counter = Counter()
# bench/fuzz.py multiplies the example counts (CI keeps the whole file under ~15 s).
_SCALE = float(os.environ.get("NEWSFLOW_FUZZ_SCALE", "1"))
FAST = settings(max_examples=int(200 * _SCALE), deadline=None, database=None, suppress_health_check=list(HealthCheck))
SLOW = settings(max_examples=int(60 * _SCALE), deadline=None, database=None, suppress_health_check=list(HealthCheck))

# Text that looks like news, pages and numbers more often than uniform noise would.
_PIECES = st.sampled_from([
    "The council said on Monday", " more than 6,000 people", "£5bn", "two and a half", "½", "3rd",
    "Home", "World", "Business", "Advertisement", "Read more", "\n", "\n\n", "<p>", "</p>", "<div>",
    "<script>", "Please enable JavaScript", "北京市政府周二宣布，", "Правительство", "é", "’", "\x00",
    "\ufffd", "&amp;", "-", "10-12", "a dozen", "minus", "  ",
])
TEXT = st.one_of(st.text(max_size=400), st.lists(st.one_of(_PIECES, st.text(max_size=20)), max_size=40).map("".join))
BYTES = st.one_of(st.binary(max_size=600), TEXT.map(lambda t: t.encode("utf-8", "surrogatepass")),
                  TEXT.map(lambda t: t.encode("cp1252", "replace")))


def _no_controls(text: str) -> bool:
    return all(ch in "\n\t" or not (ord(ch) < 32 or 0x7F <= ord(ch) < 0xA0) for ch in text)


@FAST
@given(BYTES, st.booleans())
def test_decode_never_raises_anything_but_decode_error(data, html):
    try:
        text, encoding = decode_bytes(data, html=html)
        text = clean_text(text)
    except DecodeError as exc:
        SEEN[f"decode:{exc.reason}"] += 1
        return
    SEEN[f"decode:{encoding}"] += 1
    assert isinstance(text, str) and _no_controls(text) and "\r" not in text


@FAST
@given(st.lists(TEXT.map(lambda t: " ".join(t.split())), max_size=25), st.one_of(st.none(), TEXT))
def test_junk_rules_never_raise_and_keep_only_input_lines(lines, title):
    kept = junk.clean_lines(lines, title=title, stopwords=stopwords("en"), title_is_metadata=title is not None)
    assert all(isinstance(k, str) for k in kept)
    assert set(kept) <= {junk.strip_share_counter(ln) for ln in lines} | set(lines)
    for line in lines:
        junk.junk_reason(line)
    junk.find_title(lines)
    verdict = "no_text" if substance.no_text(kept) else "too_short" if substance.too_short(kept) else "article"
    SEEN[f"junk:{verdict}"] += 1


_HTML = st.lists(st.one_of(_PIECES, st.sampled_from(["<html>", "<body>", "<nav>", "</nav>", "<h1>", "</h1>",
                                                     "<!--", "-->", "<br>", "<a href='x'>", "</a>", "<meta charset='koi8-r'>"]),
                           st.text(max_size=15)), max_size=60).map("".join)


@SLOW
@given(st.one_of(_HTML, st.text(max_size=300)))
def test_html_extraction_never_raises(page):
    out = extract(page)
    SEEN[f"html:{'none' if out is None else 'text'}"] += 1
    assert out is None or (isinstance(out.text, str) and out.text.strip())


def _check_numbers(text: str) -> None:
    for value in (parse_number(text), parse_ordinal(text)):
        assert value is None or math.isfinite(float(value))
    rng = parse_range(text)
    assert rng is None or all(math.isfinite(v) for v in rng)
    lex = lex_token(text)
    assert lex is None or all(v is None or math.isfinite(v) for v in (lex.value, lex.upper))
    SEEN[f"numbers:{'value' if parse_number(text) is not None else 'none'}"] += 1


NUMBERISH = st.from_regex(r"[-−]?\d{1,12}(?:[.,]\d{1,5})?(?:e\d{1,2})?(?:bn|m|k|th|%|-\d{1,6})?", fullmatch=True)


@FAST
@given(st.one_of(TEXT, NUMBERISH))
def test_number_words_never_raise_and_values_are_finite(text):
    _check_numbers(text)


@pytest.mark.parametrize("text", ["1e400", "9" * 400, "9" * 400 + "th", "2.5x10^400", "5-" + "9" * 400])
def test_number_words_survive_extreme_magnitudes(text):
    """Too large for a float: no amount, not inf, not an OverflowError."""
    _check_numbers(text)


def _wrap(suffix: str, data: bytes) -> bytes:
    """Arbitrary bytes, inside the container a suffix promises (or not, when ``data`` says so)."""
    if suffix.endswith(".zip") and data[:1] != b"!":
        buf = io.BytesIO()
        with zipfile.ZipFile(buf, "w") as zf:
            zf.writestr("a.txt", data)
            zf.writestr("b.json", data)
        return buf.getvalue()
    if suffix.endswith(".gz") and data[:1] != b"!":
        return gzip.compress(data)
    if suffix.endswith(".bz2") and data[:1] != b"!":
        return bz2.compress(data)
    return data


SUFFIXES = [".txt", ".html", ".json", ".jsonl", ".warc", ".warc.gz", ".zip", ".tar", ".tar.gz",
            ".txt.gz", ".jsonl.bz2", ".json.xz"]
_WARCISH = st.builds(lambda n, body: b"WARC/1.0\r\nWARC-Type: response\r\nContent-Type: application/http\r\n"
                     b"Content-Length: " + str(n).encode() + b"\r\n\r\nHTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n"
                     + body, st.integers(-5, 700), st.binary(max_size=300))


@FAST
@given(st.sampled_from(SUFFIXES), st.one_of(BYTES, _WARCISH))
def test_ingest_and_normalise_never_raise_on_arbitrary_files(suffix, data):
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"input{suffix}"
        path.write_bytes(_wrap(suffix, data))
        for rec in read_records(path, max_bytes=4096):
            assert isinstance(rec, (RawRecord, Reject)) and rec.source.startswith(str(path))
            if isinstance(rec, Reject):
                SEEN[f"ingest:{rec.reason}"] += 1
                continue
            out = normalise(rec)
            if isinstance(out, Reject):
                SEEN[f"normalise:{out.reason.split(':')[0]}"] += 1
                continue
            SEEN["normalise:article"] += 1
            assert out.text.strip() and _no_controls(out.text) and out.article_id == article_id(out.text)
            assert substance.too_short(out.text.split("\n\n")) is None


# JSON escapes can put lone surrogates into any field.
ANY_STR = st.text(st.characters(exclude_categories=()), max_size=40)


@FAST
@given(st.one_of(TEXT, ANY_STR), st.booleans(), ANY_STR, ANY_STR)
def test_normalise_of_text_fields_keeps_its_invariants(text, is_html, title, author):
    out = normalise(RawRecord("fuzz#L1", "fuzz", "jsonl", text, is_html=is_html, title=title, author=author))
    assert isinstance(out, (Article, Reject))
    for field in (out.source, out.reason, out.detail) if isinstance(out, Reject) else (
            out.text, out.title or "", out.author or "", out.url or ""):
        field.encode("utf-8")  # every table column is UTF-8: a lone surrogate would fail the write
    SEEN[f"normalise:{out.reason.split(':')[0] if isinstance(out, Reject) else 'article'}"] += 1
    if isinstance(out, Article):
        assert out.text == out.text.strip() and "\n\n\n" not in out.text and _no_controls(out.text)
