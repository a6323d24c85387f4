"""Find input files and stream them as raw records.

Ingest never cleans text; it only turns files (and archive members, JSON
lines, WARC responses) into ``RawRecord``s with a stable ``source`` label,
or into a ``Reject`` with a groupable reason so that one bad file or line
never stops a run. Everything streams: a huge file is judged by its size
before it is read, a WARC is read record by record, and whatever a small
compressed file expands to is capped.
"""
from __future__ import annotations

import glob
import io
import json
import lzma
import os
import tarfile
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from tasks.jsonrecords import json_records, jsonl_records
from tasks.rawio import BINARY_KINDS, COMPRESSIONS, DECOMPRESS_ERRORS, Opener, TooLarge, decompressing, sniff
from tasks.records import RawRecord, Reject
from tasks.warc import warc_records

MAX_BYTES = 10 * 1024 * 1024
# Archives inside archives are opened this many levels down (a zip in a zip is
# level 1); anything deeper is rejected as ``nested_archive``.
MAX_NESTING = 2
# Bytes that one input may expand to through compressed single files and the
# members of nested archives: the bomb budget beyond the per-member MAX_BYTES.
MAX_EXPANDED = 20 * MAX_BYTES
# Order matters: the longest suffix wins (".warc.gz" before ".gz").
RECORD_SUFFIXES = (".warc.gz", ".warc", ".jsonl", ".json", ".html", ".htm", ".txt")
ARCHIVE_SUFFIXES = (".tar.gz", ".tgz", ".tar.bz2", ".tbz2", ".tar.xz", ".txz", ".tar", ".zip")
_FMT = {".warc.gz": "warc", ".warc": "warc", ".jsonl": "jsonl", ".json": "json",
        ".html": "html", ".htm": "html", ".txt": "txt"}
# What a damaged member raises out of zipfile/tarfile: bad CRC, unknown method, encryption...
_MEMBER_ERRORS = (zipfile.BadZipFile, tarfile.TarError, zlib.error, lzma.LZMAError, EOFError,
                  NotImplementedError, RuntimeError, OSError, ValueError)


@dataclass
class _Budget:
    """What one input file may still cost: per-member bytes and the shared expansion budget."""

    max_bytes: int
    expanded_left: int


def suffix_of(name: str) -> str | None:
    """The supported (possibly compound) suffix of ``name``, lower-cased, or None.

    ``a.txt.gz`` gives ``.txt.gz``: a compressed single file is read by its
    inner suffix; a compressed file with no known inner suffix is unsupported.
    """
    low = name.lower()
    found = next((s for s in RECORD_SUFFIXES + ARCHIVE_SUFFIXES if low.endswith(s)), None)
    if found is not None:
        return found
    codec = next((c for c in COMPRESSIONS if low.endswith(c)), None)
    inner = suffix_of(low[: -len(codec)]) if codec else None
    return inner + codec if inner and inner in RECORD_SUFFIXES else None


def _split(suffix: str) -> tuple[str, str | None]:
    """``.txt.gz`` -> (``.txt``, ``.gz``); a plain suffix has no codec."""
    if suffix in RECORD_SUFFIXES or suffix in ARCHIVE_SUFFIXES:
        return suffix, None
    codec = next(c for c in COMPRESSIONS if suffix.endswith(c))
    return suffix[: -len(codec)], codec


def absolute(path: Path) -> Path:
    """``path`` made absolute with its folders resolved, so one file has one name
    however the source was typed; a symlinked file keeps its own (suffixed) name."""
    return path.parent.resolve() / path.name


def discover(source: str | Path) -> list[Path]:
    """Input files under ``source``: a directory (recursive), a glob, a file or an archive.

    Absolute and sorted, so a rerun sees the same files in the same order
    whether the source was given relative or absolute; unsupported extensions
    are skipped silently in a directory or glob (a README beside the data is
    not an error) but a single named file must be supported. A folder inside
    ``source`` that cannot be listed is returned too: ``read_records`` turns
    it into an ``unreadable`` reject instead of its files vanishing unseen.
    """
    text = str(source)
    path = Path(source)
    if path.is_dir():
        unlisted: list[Path] = []
        walk = os.walk(path, onerror=lambda exc: unlisted.append(Path(exc.filename)))
        found = [p for d, _, names in walk for p in (Path(d, n) for n in names) if p.is_file()]
        return sorted({absolute(p) for p in found if suffix_of(p.name) is not None} |
                      {absolute(p) for p in unlisted}, key=str)
    elif path.is_file():
        if suffix_of(path.name) is None:
            raise ValueError(f"unsupported input file type: {path}")
        return [absolute(path)]
    elif glob.has_magic(text):
        found = (Path(p) for p in glob.glob(text, recursive=True) if Path(p).is_file())
    else:
        raise FileNotFoundError(f"input source does not exist: {text}")
    return sorted({absolute(p) for p in found if suffix_of(p.name) is not None}, key=str)


def file_stat(path: Path) -> tuple[int, int]:
    """``(size, mtime_ns)`` of a discovered file, ``(-1, -1)`` when it cannot be
    stat'ed (gone since discovery): the run records it and ``read_records`` says why."""
    try:
        st = path.stat()
    except OSError:
        return -1, -1
    return st.st_size, st.st_mtime_ns


def path_label(path: Path | str) -> str:
    """``str(path)``, or, for a name that is not valid UTF-8 (``caf\\xe9.txt`` from
    a Latin-1 system), the same with the bad bytes written as ``\\xe9``.

    Python keeps such names as lone surrogates, which no UTF-8 table column
    accepts: written as they are, one file name would fail the whole run.
    """
    text = str(path)
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        try:
            return text.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
        except UnicodeEncodeError:  # a surrogate that no undecodable byte became
            return text.encode("utf-8", "backslashreplace").decode("utf-8")
    return text


def _os_detail(exc: OSError) -> str:
    return f"{type(exc).__name__}: {exc.strerror or exc}"


def read_records(path: Path, *, max_bytes: int = MAX_BYTES) -> Iterator[RawRecord | Reject]:
    """Stream the records of one discovered file (archives: of every member).

    Never raises for a problem of this one file: a file that cannot be opened
    or read (permission denied, gone, an I/O error) is one ``unreadable`` reject.
    """
    path = Path(path)
    suffix = suffix_of(path.name)
    label = path_label(path)
    if path.is_dir():  # discover's folder that could not be listed
        try:
            os.listdir(path)
        except OSError as exc:
            yield Reject(label, "unreadable", f"folder: {_os_detail(exc)}")
        return
    if suffix is None:
        yield Reject(label, "unsupported_format", path_label(path.suffix))
        return
    try:
        size = path.stat().st_size
        with open(path, "rb"):
            pass
    except OSError as exc:
        yield Reject(label, "unreadable", _os_detail(exc))
        return
    try:
        yield from _entry(suffix, label, label, lambda: open(path, "rb"), size, _Budget(max_bytes, MAX_EXPANDED), 0)
    except OSError as exc:
        yield Reject(label, "unreadable", _os_detail(exc))


def _entry(
    suffix: str, label: str, path: str, opener: Opener, size: int | None, budget: _Budget, depth: int
) -> Iterator[RawRecord | Reject]:
    """Dispatch one file or archive member, ``depth`` archives down, to its reader."""
    inner, codec = _split(suffix)
    if inner in ARCHIVE_SUFFIXES:
        if depth > MAX_NESTING:
            yield Reject(label, "nested_archive", f"archive nested deeper than {MAX_NESTING} levels")
        else:
            yield from _archive(inner, label, path, opener, size, budget, depth)
        return
    if codec is None:
        yield from _member_records(inner, label, path, opener, size, budget.max_bytes)
        return
    try:
        yield from _member_records(inner, label, path, decompressing(opener, codec, budget.expanded_left),
                                   None, budget.max_bytes)
    except TooLarge as exc:
        yield Reject(label, "too_large", str(exc))
    except (*DECOMPRESS_ERRORS, OSError) as exc:
        if isinstance(exc, OSError) and exc.errno is not None:
            raise  # the disk, not the data: read_records reports the file unreadable
        yield Reject(label, "corrupt_archive", f"{codec[1:]}: {type(exc).__name__}: {exc}"[:300])


def _archive(
    suffix: str, label: str, path: str, opener: Opener, size: int | None, budget: _Budget, depth: int
) -> Iterator[RawRecord | Reject]:
    """A zip or tar; one inside another is first read whole (it must fit MAX_BYTES)."""
    if depth > 0:
        if size is not None and size > budget.max_bytes:
            yield Reject(label, "too_large", f"nested archive of {size} bytes > {budget.max_bytes}")
            return
        with opener() as fobj:
            blob = fobj.read(budget.max_bytes + 1)
        if len(blob) > budget.max_bytes:
            yield Reject(label, "too_large", f"nested archive > {budget.max_bytes} bytes")
            return
        budget.expanded_left -= len(blob)
        opener = lambda: io.BytesIO(blob)  # noqa: E731
    reader = _zip_records if suffix == ".zip" else _tar_records
    yield from reader(label, path, opener, budget, depth)


def _member(
    name: str, label: str, path: str, opener: Opener, size: int, budget: _Budget, depth: int
) -> Iterator[RawRecord | Reject]:
    """One archive member, charged to the expansion budget when inside a nested archive."""
    suffix = suffix_of(name)
    if suffix is None:
        return
    mlabel = f"{label}!{path_label(name)}"  # tar keeps undecodable names as surrogates
    if depth > 0:
        if size > budget.expanded_left:
            yield Reject(mlabel, "too_large", f"nested archives expand beyond {MAX_EXPANDED} bytes")
            return
        budget.expanded_left -= size
    try:
        yield from _entry(suffix, mlabel, path, opener, size, budget, depth + 1)
    except _MEMBER_ERRORS as exc:
        yield Reject(mlabel, "corrupt_archive", f"{type(exc).__name__}: {exc}"[:300])


def _zip_records(label: str, path: str, opener: Opener, budget: _Budget, depth: int) -> Iterator[RawRecord | Reject]:
    with opener() as fobj:
        try:
            zf = zipfile.ZipFile(fobj)
        except (zipfile.BadZipFile, OSError, EOFError, ValueError, NotImplementedError) as exc:
            yield Reject(label, "wrong_format:not_zip", str(exc))
            return
        with zf:
            for info in sorted(zf.infolist(), key=lambda i: i.filename):
                if not info.is_dir():
                    yield from _member(info.filename, label, path, lambda i=info: zf.open(i),
                                       info.file_size, budget, depth)


def _tar_records(label: str, path: str, opener: Opener, budget: _Budget, depth: int) -> Iterator[RawRecord | Reject]:
    """Members in archive order: stream mode cannot seek back to sort them."""
    with opener() as fobj:
        try:
            tf = tarfile.open(fileobj=fobj, mode="r|*")
        except (tarfile.TarError, OSError, EOFError, *DECOMPRESS_ERRORS) as exc:
            yield Reject(label, "wrong_format:not_tar", str(exc))
            return
        with tf:
            try:
                for member in tf:
                    if not member.isfile() or suffix_of(member.name) is None:
                        continue
                    member_fobj = tf.extractfile(member)
                    if member_fobj is not None:
                        yield from _member(member.name, label, path, lambda f=member_fobj: f,
                                           member.size, budget, depth)
            except (tarfile.TarError, OSError, EOFError, *DECOMPRESS_ERRORS) as exc:
                yield Reject(label, "corrupt_archive", str(exc))


def _member_records(
    suffix: str, label: str, path: str, opener: Opener, size: int | None, max_bytes: int
) -> Iterator[RawRecord | Reject]:
    """Read one file (or archive member) of a record format; ``size`` is None when unknown."""
    fmt = _FMT[suffix]
    if size == 0:
        yield Reject(label, "empty", "0 bytes")
        return
    if fmt == "warc":
        yield from warc_records(label, path, opener, suffix == ".warc.gz", size, max_bytes)
        return
    if fmt == "jsonl":
        yield from jsonl_records(label, path, opener, max_bytes)
        return
    if size is not None and size > max_bytes:
        yield Reject(label, "too_large", f"{size} bytes > {max_bytes}")
        return
    with opener() as fobj:
        data = fobj.read(max_bytes + 1)
    if len(data) > max_bytes:  # the size we were told was wrong, or not told at all
        yield Reject(label, "too_large", f"> {max_bytes} bytes")
        return
    if (reason := check_bytes(data, fmt)) is not None:
        yield Reject(label, reason, f"first bytes {data[:16]!r}")
        return
    if fmt == "json":
        yield from json_records(label, path, data)
    else:
        yield RawRecord(source=label, path=path, fmt=fmt, data=data, is_html=fmt == "html")


def check_bytes(data: bytes, fmt: str) -> str | None:
    """A reject reason when ``data`` is empty, binary or not what ``fmt`` promises.

    A ``.json`` file holding a bare scalar (``42``, ``"x"``) is valid JSON:
    it passes here and is rejected as ``invalid_record`` once parsed.
    """
    if not data.strip():
        return "empty"
    kind = sniff(data[:8192])
    if kind in BINARY_KINDS:
        return f"wrong_format:{kind}" if fmt != "txt" else "binary"
    if kind == "binary":
        return "binary"
    if fmt == "json" and kind != "json" and not (kind == "text" and _is_json(data)):
        return f"wrong_format:{kind}"
    if fmt == "html" and kind == "json":
        return "wrong_format:json"
    return None


def _is_json(data: bytes) -> bool:
    try:
        json.loads(data)
    except (ValueError, RecursionError):
        return False
    return True
