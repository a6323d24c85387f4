"""Lookup tables derived from packages' data, kept on disk between processes.

Every process that extracts numbers builds the same unit and currency tables
from quantulum3 and Babel: 1.7 s of CPU, most of it importing ``inflect``
(whose type-checking decorator re-parses its own source). A night starts a
flow process and a worker per core, and on two cores that was ~10 % of the CPU
a 600-article run spends; the tables pickled load in a millisecond.

A file's name carries a key of everything the table derives from: the
versions of the packages named and the source of the modules that build it.
An upgrade or an edit so builds afresh instead of reading a stale table; a
file that cannot be read is built again, and a directory that cannot be
written to only costs the build. The directory is ``NEWSFLOW_CACHE_DIR``, else
``$XDG_CACHE_HOME/newsflow``, else ``~/.cache/newsflow``.
"""
from __future__ import annotations

import hashlib
import os
import pickle
import sys
from collections.abc import Callable
from functools import cache, wraps
from importlib import metadata
from pathlib import Path
from typing import TypeVar

T = TypeVar("T")


def cache_dir() -> Path:
    if os.environ.get("NEWSFLOW_CACHE_DIR"):
        return Path(os.environ["NEWSFLOW_CACHE_DIR"])
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "newsflow"


def _key(packages: tuple[str, ...], modules: tuple[str, ...], extra: str = "") -> str:
    digest = hashlib.sha1(repr(sys.version_info[:2]).encode() + extra.encode())
    for package in packages:
        digest.update(f"{package}=={metadata.version(package)}".encode())
    for module in modules:
        digest.update(Path(sys.modules[module].__file__ or "").read_bytes())
    return digest.hexdigest()[:16]


def _load(path: Path) -> tuple[bool, object]:
    try:
        with path.open("rb") as fh:
            return True, pickle.load(fh)
    except Exception:  # noqa: BLE001 - missing, torn or from another version: build it again
        return False, None


def _store(path: Path, value: object) -> None:
    """Written under a temporary name and renamed, so a process reading at the same time sees
    a whole file or none; older versions of the same table are removed."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
        tmp.write_bytes(pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL))
        os.replace(tmp, path)
        stem = path.name.rsplit("-", 1)[0]
        for old in path.parent.glob(f"{stem}-*.pickle"):
            if old != path:
                old.unlink(missing_ok=True)
    except OSError:
        pass


def on_disk(*packages: str, modules: tuple[str, ...] = (),
            extra: Callable[[], str] | None = None) -> Callable[[Callable[[], T]], Callable[[], T]]:
    """A no-argument builder's result, once per process, read from disk when a process with the
    same ``packages`` versions and the same source (its own module and ``modules``) built it,
    and ``extra()`` (what else it depends on, such as the configured model) was the same."""
    def wrap(build: Callable[[], T]) -> Callable[[], T]:
        @cache
        @wraps(build)
        def get() -> T:
            try:
                key = _key(packages, (build.__module__, *modules), extra() if extra else "")
                path = cache_dir() / f"{build.__module__}.{build.__qualname__}-{key}.pickle"
            except (OSError, RuntimeError):  # no home directory to find, a source file unreadable
                return build()
            found, value = _load(path)
            if found:
                return value  # type: ignore[return-value]
            value = build()
            _store(path, value)
            return value

        get.build = build  # type: ignore[attr-defined]
        return get
    return wrap
