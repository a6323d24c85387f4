"""JSON and JSON Lines scraper output as raw records.

Scrapers write one object per article with ``text`` or ``html`` and metadata
under many names; a document or line that is not such an object is rejected
alone (``invalid_json``, ``invalid_record``, ``no_text_field``) and reading
goes on.
"""
from __future__ import annotations

import io
import json
from collections.abc import Iterator

from tasks.rawio import Opener, Prefixed, sniff
from tasks.records import RawRecord, Reject

# JSON field names seen in scraper output and news datasets, first match wins.
_FIELDS = {
    "text": ("text", "body", "content", "maintext", "article", "story"),
    "title": ("title", "headline"),
    "url": ("url", "link", "uri"),
    "published": ("published", "published_date", "published_date_gmt", "date", "pubdate"),
    "author": ("author", "authors", "byline"),
}


def _pick(obj: dict, field: str) -> str | None:
    for key in _FIELDS[field]:
        value = obj.get(key)
        if isinstance(value, list):
            value = ", ".join(str(v) for v in value if v)
        if value not in (None, ""):
            return str(value)
    return None


def record_from_object(obj: object, label: str, path: str, fmt: str) -> RawRecord | Reject:
    """A JSON object with ``text`` (or a dataset's name for it: ``body``, ``content``, ...) or ``html``,
    plus optional metadata, as a record."""
    if not isinstance(obj, dict):
        return Reject(label, "invalid_record", f"a JSON {type(obj).__name__}, not an article object")
    text = next((v for key in _FIELDS["text"] if isinstance(v := obj.get(key), str) and v.strip()), None)
    body, is_html = (text, False) if text is not None else (obj.get("html"), True)
    if not isinstance(body, str) or not body.strip():
        return Reject(label, "no_text_field", f"no non-empty text field ({', '.join(_FIELDS['text'])}) or 'html'")
    return RawRecord(
        source=label, path=path, fmt=fmt, data=body, is_html=is_html,
        title=_pick(obj, "title"), url=_pick(obj, "url"),
        published=_pick(obj, "published"), author=_pick(obj, "author"),
    )


def json_records(label: str, path: str, data: bytes) -> Iterator[RawRecord | Reject]:
    try:
        doc = json.loads(data)
    except (ValueError, RecursionError) as exc:  # JSONDecodeError and UnicodeDecodeError are ValueErrors
        yield Reject(label, "invalid_json", f"{type(exc).__name__}: {exc}"[:200])
        return
    if doc == []:
        yield Reject(label, "invalid_record", "an empty JSON list")
        return
    items = doc if isinstance(doc, list) else [doc]
    for i, obj in enumerate(items):
        yield record_from_object(obj, f"{label}#r{i}", path, "json")


def jsonl_records(label: str, path: str, opener: Opener, max_bytes: int) -> Iterator[RawRecord | Reject]:
    """One record per line; a bad line is rejected alone and reading goes on."""
    with opener() as fobj:
        head = fobj.read(8192)
        if (kind := sniff(head)) not in ("json", "text"):
            yield Reject(label, f"wrong_format:{kind}" if kind != "binary" else "binary", f"first bytes {head[:16]!r}")
            return
        stream = io.BufferedReader(Prefixed(head, fobj))
        lineno = 0
        while True:
            line = stream.readline(max_bytes + 1)
            if not line:
                break
            lineno += 1
            src = f"{label}#L{lineno}"
            if len(line) > max_bytes and not line.endswith(b"\n"):
                while (rest := stream.readline(1 << 20)) and not rest.endswith(b"\n"):
                    pass
                yield Reject(src, "too_large", f"line longer than {max_bytes} bytes")
                continue
            if not line.strip():
                continue
            try:
                obj = json.loads(line)
            except (ValueError, RecursionError) as exc:
                yield Reject(src, "invalid_json", f"{type(exc).__name__}: {exc}"[:200])
                continue
            yield record_from_object(obj, src, path, "jsonl")
