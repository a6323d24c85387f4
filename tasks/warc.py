"""HTML responses out of a WARC file, each checked before it becomes a record.

warcio is forgiving: it stops silently when a file ends early and, when a
record's Content-Length is shorter than its block, warns on stderr and skips
to the next record, having handed over a cut-off page. A cut-off page would be
stored as a whole article, so every record is checked after it is read: its
``WARC-Block-Digest`` (when the writer gave one) and whether the record
separator follows where its Content-Length says the block ends.
"""
from __future__ import annotations

import contextlib
import io
from collections.abc import Iterator

from warcio.archiveiterator import ArchiveIterator

from tasks.rawio import Opener, Prefixed, sniff
from tasks.records import RawRecord, Reject

_HTML_TYPES = ("text/html", "application/xhtml+xml")
# An uncompressed WARC ends with the blank lines after its last record.
_WARC_TRAILER = 4


class _QuietIterator(ArchiveIterator):
    """warcio writes a warning to stderr for a record with a wrong Content-Length;
    the reject row says it instead, once, where the run summary shows it."""

    def _consume_blanklines(self):  # type: ignore[no-untyped-def]
        with contextlib.redirect_stderr(io.StringIO()):
            return super()._consume_blanklines()


def warc_records(
    label: str, path: str, opener: Opener, gzipped: bool, size: int | None, max_bytes: int
) -> Iterator[RawRecord | Reject]:
    """HTML ``response`` records of a WARC, streamed; a truncated file ends cleanly.

    A file that ends early is ``truncated_warc`` (a record without its end,
    unparsed bytes after the last record, or a parser exception); one record
    whose block does not match its headers is ``truncated_record`` or
    ``corrupt_record`` and reading goes on. ``size`` is None when the WARC
    was decompressed on the way in and its length is not known.
    """
    with opener() as raw:
        head = raw.read(8)
        kind = sniff(head)
        if gzipped and kind not in ("gzip", "warc"):
            yield Reject(label, "wrong_format:not_gzip", f"first bytes {head!r}")
            return
        if kind not in ("gzip", "warc"):
            yield Reject(label, "wrong_format:not_warc", f"first bytes {head!r}")
            return
        records = _QuietIterator(io.BufferedReader(Prefixed(head, raw)), check_digests=True)
        index, end = 0, 0
        try:
            for rec in records:
                index += 1
                misfits = records.err_count
                ctype = (rec.http_headers.get_header("Content-Type") or "") if rec.http_headers else ""
                wanted = rec.rec_type == "response" and ctype.lower().startswith(_HTML_TYPES)
                body = rec.content_stream().read(max_bytes + 1) if wanted else None
                # Both calls read the record to its end (and past the separator); ask after the body.
                offset = records.get_record_offset()
                end = offset + records.get_record_length()
                if rec.length is None or getattr(rec.raw_stream, "limit", 0) > 0:
                    yield Reject(label, "truncated_warc", f"record {index} ends before its Content-Length")
                    return
                if body is not None:
                    yield _checked(rec, body, f"{label}#r{offset}", path, records.err_count > misfits, max_bytes)
        except Exception as exc:  # noqa: BLE001 -- warcio raises anything from EOFError to AttributeError on bad input
            yield Reject(label, "truncated_warc", f"after record {index}: {type(exc).__name__}: {exc}"[:300])
            return
        if size is not None and size - end > _WARC_TRAILER:
            yield Reject(label, "truncated_warc", f"{size - end} unparsed bytes after record {index}")


def _checked(  # type: ignore[no-untyped-def]
    rec, body: bytes, src: str, path: str, misfit: bool, max_bytes: int
) -> RawRecord | Reject:
    """The record, or why its body cannot be trusted as a whole page."""
    if misfit:
        return Reject(src, "truncated_record", "block runs on past its Content-Length: the record is cut short")
    if rec.digest_checker.passed is False:
        return Reject(src, "corrupt_record", "; ".join(rec.digest_checker.problems)[:300])
    if len(body) > max_bytes:
        return Reject(src, "too_large", f"record body > {max_bytes} bytes")
    if not body.strip():
        return Reject(src, "empty", "empty response body")
    return RawRecord(
        source=src, path=path, fmt="warc", data=body, is_html=True,
        url=rec.rec_headers.get_header("WARC-Target-URI"),
        published=rec.rec_headers.get_header("WARC-Date"),
    )
