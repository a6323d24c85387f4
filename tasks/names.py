"""Readable names: how an entity is displayed and grouped when the text shouts.

Datelines and headlines write names in capitals ("WASHINGTON"), prose does
not; plural nationality words name the same group as singular ones. Pure
string rules, shared by the entity task and the dateline parser.
"""
from __future__ import annotations

from collections import Counter

# Labels whose names are title-cased when only ever seen in capitals.
_TITLE_CASED = frozenset({"PERSON", "GPE", "LOC", "FAC", "NORP"})


def _shouting(name: str) -> bool:
    letters = [c for c in name if c.isalpha()]
    return len(letters) > 1 and all(c.isupper() for c in letters)


def display_name(spellings: Counter[str], label: str) -> str:
    """The most frequent spelling that is not in capitals: datelines and
    headlines shout ("WASHINGTON"), prose does not. Names only ever seen in
    capitals stay so for organisations ("NATO") and are title-cased for
    people and places once a word is longer than an acronym ("KABUL")."""
    mixed = [(n, c) for n, c in spellings.most_common() if not _shouting(n)]
    if mixed:
        return mixed[0][0]
    name = spellings.most_common(1)[0][0]
    if label in _TITLE_CASED and max(len(w) for w in name.split()) > 4:
        return title_case(name)
    return name


def title_case(name: str) -> str:
    """"AL-RAM" -> "Al-Ram", "NEW YORK" -> "New York" (str.title would say "Don'T")."""
    return " ".join("-".join(p[:1].upper() + p[1:].lower() for p in w.split("-")) for w in name.split())


def singular_group(name: str) -> str:
    """"Republicans" and "Republican", "Americans" and "American" are one
    group to count ("Swiss" is not a plural; "Tories" is "Tory"), and so are
    a party's member and its adjective: "Democratic" is "Democrat", as
    "-cratic" always derives from "-crat" ("Social Democratic" voters)."""
    if name.endswith("cratic") and len(name) > 8:
        return name[:-2]
    if len(name) < 5 or not name.endswith("s") or name.endswith("ss") or not name[-2].isalpha():
        return name
    return name[:-3] + "y" if name.endswith("ies") else name[:-1]  # "Tories" is "Tory"
