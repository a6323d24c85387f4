"""Find input files and stream them as raw records.

Ingest never cleans text; it only turns files (and archive members, JSON
lines, WARC responses) into ``RawRecord``s with a stable ``source`` label,
or into a ``Reject`` with a groupable reason so that one bad file or line
never stops a run. Everything streams: a huge file is judged by its size
before it is read, a WARC is read record by record.
"""
from __future__ import annotations

import glob
import io
import json
import tarfile
import zipfile
import zlib
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import IO

from warcio.archiveiterator import ArchiveIterator

from tasks.records import RawRecord, Reject

MAX_BYTES = 10 * 1024 * 1024
# Order matters: the longest suffix wins (".warc.gz" before ".gz").
RECORD_SUFFIXES = (".warc.gz", ".warc", ".jsonl", ".json", ".html", ".htm", ".txt")
ARCHIVE_SUFFIXES = (".tar.gz", ".tgz", ".tar", ".zip")
_FMT = {".warc.gz": "warc", ".warc": "warc", ".jsonl": "jsonl", ".json": "json",
        ".html": "html", ".htm": "html", ".txt": "txt"}
_HTML_TYPES = ("text/html", "application/xhtml+xml")
# An uncompressed WARC ends with the blank lines after its last record.
_WARC_TRAILER = 4
# JSON field names seen in scraper output, first match wins.
_FIELDS = {
    "title": ("title", "headline"),
    "url": ("url", "link", "uri"),
    "published": ("published", "published_date", "published_date_gmt", "date", "pubdate"),
    "author": ("author", "authors", "byline"),
}

Opener = Callable[[], IO[bytes]]


def suffix_of(name: str) -> str | None:
    """The supported (possibly double) suffix of ``name``, lower-cased, or None."""
    low = name.lower()
    return next((s for s in RECORD_SUFFIXES + ARCHIVE_SUFFIXES if low.endswith(s)), None)


def discover(source: str | Path) -> list[Path]:
    """Input files under ``source``: a directory (recursive), a glob, a file or an archive.

    Sorted so a rerun sees the same order; unsupported extensions are skipped
    silently in a directory or glob (a README beside the data is not an error)
    but a single named file must be supported.
    """
    text = str(source)
    path = Path(source)
    if path.is_dir():
        found = (p for p in path.rglob("*") if p.is_file())
    elif path.is_file():
        if suffix_of(path.name) is None:
            raise ValueError(f"unsupported input file type: {path}")
        return [path]
    elif glob.has_magic(text):
        found = (Path(p) for p in glob.glob(text, recursive=True) if Path(p).is_file())
    else:
        raise FileNotFoundError(f"input source does not exist: {text}")
    return sorted((p for p in found if suffix_of(p.name) is not None), key=str)


def read_records(path: Path, *, max_bytes: int = MAX_BYTES) -> Iterator[RawRecord | Reject]:
    """Stream the records of one discovered file (archives: of every member)."""
    path = Path(path)
    suffix = suffix_of(path.name)
    label = str(path)
    if suffix is None:
        yield Reject(label, "unsupported_format", path.suffix)
    elif suffix == ".zip":
        yield from _zip_records(path, max_bytes)
    elif suffix in (".tar", ".tar.gz", ".tgz"):
        yield from _tar_records(path, max_bytes)
    else:
        yield from _member_records(suffix, label, lambda: open(path, "rb"), path.stat().st_size, max_bytes)


def _zip_records(path: Path, max_bytes: int) -> Iterator[RawRecord | Reject]:
    try:
        zf = zipfile.ZipFile(path)
    except zipfile.BadZipFile as exc:
        yield Reject(str(path), "wrong_format:not_zip", str(exc))
        return
    with zf:
        for info in sorted(zf.infolist(), key=lambda i: i.filename):
            suffix = suffix_of(info.filename)
            if info.is_dir() or suffix is None or suffix in ARCHIVE_SUFFIXES:
                continue
            label = f"{path}!{info.filename}"
            try:
                yield from _member_records(suffix, label, lambda i=info: zf.open(i), info.file_size, max_bytes)
            except (zipfile.BadZipFile, zlib.error, EOFError) as exc:
                yield Reject(label, "corrupt_archive", str(exc))


def _tar_records(path: Path, max_bytes: int) -> Iterator[RawRecord | Reject]:
    """Members in archive order: stream mode cannot seek back to sort them."""
    try:
        tf = tarfile.open(path, mode="r|*")
    except (tarfile.TarError, OSError, EOFError) as exc:
        yield Reject(str(path), "wrong_format:not_tar", str(exc))
        return
    with tf:
        try:
            for member in tf:
                suffix = suffix_of(member.name)
                if not member.isfile() or suffix is None or suffix in ARCHIVE_SUFFIXES:
                    continue
                fobj = tf.extractfile(member)
                if fobj is None:
                    continue
                label = f"{path}!{member.name}"
                yield from _member_records(suffix, label, lambda f=fobj: f, member.size, max_bytes)
        except (tarfile.TarError, OSError, EOFError, zlib.error) as exc:
            yield Reject(str(path), "corrupt_archive", str(exc))


def _member_records(
    suffix: str, label: str, opener: Opener, size: int, max_bytes: int
) -> Iterator[RawRecord | Reject]:
    """Dispatch one file (or archive member) to the reader for its format."""
    fmt = _FMT[suffix]
    path = label.split("!", 1)[0]
    if size == 0:
        yield Reject(label, "empty", "0 bytes")
        return
    if fmt == "warc":
        yield from _warc_records(label, path, opener, suffix, size, max_bytes)
        return
    if fmt == "jsonl":
        yield from _jsonl_records(label, path, opener, max_bytes)
        return
    if size > max_bytes:
        yield Reject(label, "too_large", f"{size} bytes > {max_bytes}")
        return
    with opener() as fobj:
        data = fobj.read(max_bytes + 1)
    if len(data) > max_bytes:  # the size we were told was wrong
        yield Reject(label, "too_large", f"> {max_bytes} bytes")
        return
    if (reason := check_bytes(data, fmt)) is not None:
        yield Reject(label, reason, f"first bytes {data[:16]!r}")
        return
    if fmt == "json":
        yield from _json_records(label, path, data)
    else:
        yield RawRecord(source=label, path=path, fmt=fmt, data=data, is_html=fmt == "html")


def sniff(head: bytes) -> str:
    """What the first bytes of a file look like: a magic-number guess, no decoding."""
    magic = {
        b"\x89PNG": "png", b"\xff\xd8\xff": "jpeg", b"GIF8": "gif", b"%PDF": "pdf",
        b"\x1f\x8b": "gzip", b"PK\x03\x04": "zip", b"BZh": "bzip2", b"\x7fELF": "elf",
        b"WARC/": "warc",
    }
    for sig, name in magic.items():
        if head.startswith(sig):
            return name
    if b"\x00" in head[:8192] and not head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "binary"
    stripped = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if stripped.startswith((b"<!doctype html", b"<html", b"<?xml", b"<head", b"<body", b"<!--")):
        return "html"
    if stripped[:1] in (b"{", b"["):
        return "json"
    return "text"


def check_bytes(data: bytes, fmt: str) -> str | None:
    """A reject reason when ``data`` is empty, binary or not what ``fmt`` promises."""
    if not data.strip():
        return "empty"
    kind = sniff(data[:8192])
    if kind in ("png", "jpeg", "gif", "pdf", "gzip", "zip", "bzip2", "elf"):
        return f"wrong_format:{kind}" if fmt != "txt" else "binary"
    if kind == "binary":
        return "binary"
    if fmt == "json" and kind != "json":
        return f"wrong_format:{kind}"
    if fmt == "html" and kind == "json":
        return "wrong_format:json"
    return None


def _pick(obj: dict, field: str) -> str | None:
    for key in _FIELDS[field]:
        value = obj.get(key)
        if isinstance(value, list):
            value = ", ".join(str(v) for v in value if v)
        if value not in (None, ""):
            return str(value)
    return None


def record_from_object(obj: object, label: str, path: str, fmt: str) -> RawRecord | Reject:
    """A JSON object with ``text`` or ``html`` (plus optional metadata) as a record."""
    if not isinstance(obj, dict):
        return Reject(label, "invalid_record", f"expected a JSON object, got {type(obj).__name__}")
    text, html = obj.get("text"), obj.get("html")
    body, is_html = (text, False) if isinstance(text, str) and text.strip() else (html, True)
    if not isinstance(body, str) or not body.strip():
        return Reject(label, "no_text_field", "no non-empty 'text' or 'html' field")
    return RawRecord(
        source=label, path=path, fmt=fmt, data=body, is_html=is_html,
        title=_pick(obj, "title"), url=_pick(obj, "url"),
        published=_pick(obj, "published"), author=_pick(obj, "author"),
    )


def _json_records(label: str, path: str, data: bytes) -> Iterator[RawRecord | Reject]:
    try:
        doc = json.loads(data)
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        yield Reject(label, "invalid_json", str(exc))
        return
    items = doc if isinstance(doc, list) else [doc]
    for i, obj in enumerate(items):
        yield record_from_object(obj, f"{label}#r{i}", path, "json")


def _jsonl_records(label: str, path: str, opener: Opener, max_bytes: int) -> Iterator[RawRecord | Reject]:
    """One record per line; a bad line is rejected alone and reading goes on."""
    with opener() as fobj:
        head = fobj.read(8192)
        if (kind := sniff(head)) not in ("json", "text"):
            yield Reject(label, f"wrong_format:{kind}" if kind != "binary" else "binary", f"first bytes {head[:16]!r}")
            return
        stream = io.BufferedReader(_Prefixed(head, fobj))
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
            except (json.JSONDecodeError, UnicodeDecodeError) as exc:
                yield Reject(src, "invalid_json", str(exc)[:200])
                continue
            yield record_from_object(obj, src, path, "jsonl")


class _Prefixed(io.RawIOBase):
    """A stream that replays bytes already read for sniffing, then the rest."""

    def __init__(self, head: bytes, rest: IO[bytes]) -> None:
        self._head, self._rest = head, rest

    def readable(self) -> bool:
        return True

    def readinto(self, buf) -> int:  # type: ignore[no-untyped-def]
        if self._head:
            n = min(len(buf), len(self._head))
            buf[:n], self._head = self._head[:n], self._head[n:]
            return n
        data = self._rest.read(len(buf))
        buf[: len(data)] = data
        return len(data)


def _warc_records(
    label: str, path: str, opener: Opener, suffix: str, size: int, max_bytes: int
) -> Iterator[RawRecord | Reject]:
    """HTML ``response`` records of a WARC, streamed; a truncated file ends cleanly.

    warcio stops silently when a file ends early, so truncation is detected
    three ways: a record shorter than (or without) its Content-Length, unparsed bytes
    after the last record, or an exception from the parser.
    """
    with opener() as raw:
        head = raw.read(8)
        kind = sniff(head)
        if suffix == ".warc.gz" and kind not in ("gzip", "warc"):
            yield Reject(label, "wrong_format:not_gzip", f"first bytes {head!r}")
            return
        if kind not in ("gzip", "warc"):
            yield Reject(label, "wrong_format:not_warc", f"first bytes {head!r}")
            return
        records = ArchiveIterator(io.BufferedReader(_Prefixed(head, raw)))
        index, end = 0, 0
        try:
            for rec in records:
                index += 1
                ctype = (rec.http_headers.get_header("Content-Type") or "") if rec.http_headers else ""
                wanted = rec.rec_type == "response" and ctype.lower().startswith(_HTML_TYPES)
                body = rec.content_stream().read(max_bytes + 1) if wanted else None
                # Both calls read the record to its end; ask after the body.
                offset = records.get_record_offset()
                end = offset + records.get_record_length()
                if rec.length is None or getattr(rec.raw_stream, "limit", 0) > 0:
                    yield Reject(label, "truncated_warc", f"record {index} ends before its Content-Length")
                    return
                if body is None:
                    continue
                src = f"{label}#r{offset}"
                if len(body) > max_bytes:
                    yield Reject(src, "too_large", f"record body > {max_bytes} bytes")
                elif not body.strip():
                    yield Reject(src, "empty", "empty response body")
                else:
                    yield RawRecord(
                        source=src, path=path, fmt="warc", data=body, is_html=True,
                        url=rec.rec_headers.get_header("WARC-Target-URI"),
                        published=rec.rec_headers.get_header("WARC-Date"),
                    )
        except Exception as exc:  # noqa: BLE001 -- warcio raises anything from EOFError to AttributeError on bad input
            yield Reject(label, "truncated_warc", f"after record {index}: {type(exc).__name__}: {exc}"[:300])
            return
        if size - end > _WARC_TRAILER:
            yield Reject(label, "truncated_warc", f"{size - end} unparsed bytes after record {index}")
