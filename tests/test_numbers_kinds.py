"""Number kinds are one enum: every kind the extractor writes and every kind a query names is a Kind."""
from __future__ import annotations

import re
from pathlib import Path

from tasks.numbers import Kind, extract_numbers

ROOT = Path(__file__).resolve().parent.parent
_KIND_LIST = re.compile(r"\bkind\s*(?:IN\s*\(([^)]*)\)|=\s*('[^']*'))", re.I)


def test_queries_name_only_known_kinds() -> None:
    named = set()
    for path in (ROOT / "sql").rglob("*.sql"):
        for in_list, single in _KIND_LIST.findall(path.read_text(encoding="utf-8")):
            named |= set(re.findall(r"'([^']*)'", in_list or single))
    assert named, "no query names a kind: the pattern above no longer matches the SQL"
    assert named <= {k.value for k in Kind}


def test_rows_carry_kind_values(nlp) -> None:
    rows = extract_numbers(nlp("Sales rose 5 pct to 3.2 mln dlrs over two years at 40 sites, the third time."))
    assert {r["kind"] for r in rows} == {"percent", "money", "duration", "cardinal", "ordinal"}
    assert all(type(r["kind"]) is str for r in rows)  # plain strings for Arrow, equal to the enum's values
