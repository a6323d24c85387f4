"""Our number rows in the reference scorer's shape, and the gold files, for every number bench.

The conversions apply to a whole set, never to a case: a range has no single
value, a bare count's unit is its counted noun, a share is ``% <noun>``.
"""
from __future__ import annotations

import importlib.util
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tasks.numbers import Kind  # noqa: E402

OUT = ROOT / "bench" / "out"


SECONDS = {"second": 1, "minute": 60, "hour": 3600, "day": 86400, "week": 604800, "month": 2592000,
           "year": 31536000, "decade": 315360000, "century": 3153600000, "fortnight": 1209600}


def scorer(shared: Path):
    spec = importlib.util.spec_from_file_location("score", shared / "eval" / "numbers" / "score.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def load(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.open(encoding="utf-8")]


def as_scored(row: dict, bounds_as_ranges: bool, seconds: bool, fractions_as_percent: bool = False,
               text: str = "") -> dict:
    """One of our rows in the scorer's shape.

    ``value`` is None for ranges (the scorer's convention; our table keeps the
    lower end). NewsQuant's unit for a bare count is the counted noun, ``-``
    when there is none. ``bounds_as_ranges``: Recognizers-Text writes "up to
    700" as a one-sided range, we as 700 with qualifier upper_bound; the same
    fact, so it is translated, not re-extracted. ``seconds``: Recognizers'
    duration spec resolves to seconds, we keep the unit that was written.
    ``fractions_as_percent``: Recognizers' percent mode restates a share ("one
    out of three", "1/4 of") as a percentage; we keep the fraction 0.333, so
    it is multiplied by 100 for that spec only.
    """
    value, lower, upper, unit, kind = row["value"], row["lower"], row["upper"], row["unit"], row["kind"]
    if kind == Kind.RANGE:
        value = None
    elif bounds_as_ranges and row["qualifier"] == "lower_bound":
        value, lower, kind = None, value, Kind.RANGE.value
    elif bounds_as_ranges and row["qualifier"] == "upper_bound":
        value, upper, kind = None, value, Kind.RANGE.value
    if fractions_as_percent and kind == Kind.CARDINAL and value is not None and 0 < value < 1:
        value, unit, kind = value * 100, "percentage", Kind.PERCENT.value
    if seconds and kind == Kind.DURATION and unit in SECONDS:
        value, unit = value * SECONDS[unit], "second"
    if unit is None and kind == Kind.CARDINAL and value is not None and 0 < value < 1 and SHARE.search(row["surface"]):
        unit = "% " + (counted(row, text) or "-")
    return {"value": value, "lower": lower, "upper": upper, "unit": unit or counted(row, text) or "-", "kind": kind}


#: A share of a group written with a fraction word or ``N out of M``/``N in M``/``N of M``: NewsQuant's unit is ``% <noun>``.
SHARE = re.compile(r"(?i)\b(?:half|halves|thirds?|quarters?|fifths?|sixths?|sevenths?|eighths?|ninths?|tenths?|out of|in|of)\b")


def counted(row: dict, text: str) -> str | None:
    """The counted noun as NewsQuant names it: with the entity adjective our table keeps apart.

    ``seven European countries`` is noun ``country``, entity ``European`` in
    the numbers table (so a query can group by either); NewsQuant's unit is
    the whole phrase, ``european country``. The entity is put back only when
    it is a nationality or group adjective (NORP) right after the number;
    names (``27000 Model S vehicles``) are not part of NewsQuant's unit.
    """
    noun, ent = row["noun"], row.get("entity")
    if noun and ent and row.get("entity_label") == "NORP" and re.match(r"\s+" + re.escape(ent) + r"\s", text[row["end"]:]):
        *words, last = ent.split(" ")
        if last.lower().startswith(noun.split(" ")[-1]):
            return " ".join([*words, noun])  # ``23 New Yorkers``: the entity holds the counted noun itself
        return f"{ent} {noun}"
    return noun
