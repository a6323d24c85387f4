"""Byte-level helpers shared by the ingest readers: sniffing, replaying, capping.

Kept apart from ``tasks.ingest`` so the WARC reader and the archive readers
use one definition of "what do these bytes look like" and one guard against
decompression bombs.
"""
from __future__ import annotations

import bz2
import gzip
import io
import lzma
import zlib
from collections.abc import Callable
from typing import IO

Opener = Callable[[], IO[bytes]]

# Single-file compressions read by their inner suffix (``a.txt.gz`` is a txt file).
COMPRESSIONS: dict[str, Callable[[IO[bytes]], IO[bytes]]] = {
    ".gz": lambda f: gzip.GzipFile(fileobj=f, mode="rb"),
    ".bz2": lambda f: bz2.BZ2File(f, mode="rb"),
    ".xz": lambda f: lzma.LZMAFile(f, mode="rb"),
}
# What a damaged compressed stream raises (gzip's BadGzipFile is an OSError).
DECOMPRESS_ERRORS = (EOFError, zlib.error, lzma.LZMAError, gzip.BadGzipFile, ValueError)


class TooLarge(Exception):
    """A stream produced more bytes than its budget allows (a decompression bomb)."""


def sniff(head: bytes) -> str:
    """What the first bytes of a file look like: a magic-number guess, no decoding."""
    magic = {
        b"\x89PNG": "png", b"\xff\xd8\xff": "jpeg", b"GIF8": "gif", b"%PDF": "pdf",
        b"\x1f\x8b": "gzip", b"PK\x03\x04": "zip", b"BZh": "bzip2", b"\x7fELF": "elf",
        b"\xfd7zXZ\x00": "xz", b"WARC/": "warc",
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


BINARY_KINDS = ("png", "jpeg", "gif", "pdf", "gzip", "zip", "bzip2", "xz", "elf")


class Prefixed(io.RawIOBase):
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


class Capped(io.RawIOBase):
    """A stream that raises ``TooLarge`` once more than ``limit`` bytes came out of it.

    Wrapped around a decompressor, it bounds the work a small compressed file
    can cause however the reader behind it consumes the stream.
    """

    def __init__(self, inner: IO[bytes], limit: int, raw: IO[bytes] | None = None) -> None:
        self._inner, self._left, self._limit, self._raw = inner, limit, limit, raw

    def readable(self) -> bool:
        return True

    def readinto(self, buf) -> int:  # type: ignore[no-untyped-def]
        data = self._inner.read(min(len(buf), self._left + 1))
        if len(data) > self._left:
            raise TooLarge(f"more than {self._limit} bytes after decompression")
        self._left -= len(data)
        buf[: len(data)] = data
        return len(data)

    def close(self) -> None:
        self._inner.close()
        if self._raw is not None:  # decompressors leave the file they were handed open
            self._raw.close()
        super().close()


def decompressing(opener: Opener, codec: str, limit: int) -> Opener:
    """An opener for the decompressed bytes of what ``opener`` opens, at most ``limit`` of them."""
    def open_() -> IO[bytes]:
        raw = opener()
        return io.BufferedReader(Capped(COMPRESSIONS[codec](raw), limit, raw))
    return open_
