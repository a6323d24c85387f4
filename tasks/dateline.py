"""Datelines: where and when a story was filed ("WASHINGTON, March 3 -").

A dateline names the reporting place, which is often not where the story
happened (a Tokyo story filed in LONDON), so analysts need it apart from the
entities. Agency styles covered: ``PLACE, Month Day -``, ``PLACE (Agency) -``,
``PLACE, Region, Month Day (Agency) -`` and CoNLL/Reuters' ``PLACE 1996-08-30``
on a line of its own. The place must be in capitals, as every agency writes it,
so an ordinary first sentence ("Officials said - ...") never reads as one.
"""
from __future__ import annotations

import re
from datetime import date
from typing import NamedTuple

from tasks.names import title_case

_MONTHS = {
    m: i + 1
    for i, names in enumerate(
        ("jan january", "feb february", "mar march", "apr april", "may", "jun june",
         "jul july", "aug august", "sep sept september", "oct october", "nov november", "dec december")
    )
    for m in names.split()
}
_PLACE = r"(?P<place>[A-Z][A-Z.'\-]+(?: [A-Z][A-Z.'\-]+){0,3})"
_REGION = r"(?:\s*,\s*(?P<region>[A-Z][A-Za-z.'\-]+(?: [A-Z][A-Za-z.'\-]+){0,2}))?"
_WORDY_DATE = r"(?:\s*,?\s*(?P<month>[A-Z][a-z]{2,8})\.? (?P<day>\d{1,2}))?"
_AGENCY = r"(?:\s*\((?P<agency>[A-Za-z][\w .&-]{0,30})\))?"
_DASHED = re.compile(rf"^{_PLACE}{_REGION}{_WORDY_DATE}{_AGENCY}\s*(?:--|[-–—])\s")
_ISO_LINE = re.compile(rf"^{_PLACE}{_REGION}\s+(?P<iso>\d{{4}}-\d{{2}}-\d{{2}})\s*$", re.M)


class Dateline(NamedTuple):
    place: str  # as a reader writes it: "Washington", "New York City"
    country: str | None
    day: date | None


def _date(month: str | None, day: str | None, year: int | None) -> date | None:
    num = _MONTHS.get((month or "").lower())
    if not (num and day and year):
        return None
    try:
        return date(year, num, int(day))
    except ValueError:
        return None


def _named(place: str) -> tuple[str, str | None]:
    from tasks import places

    known = places.lookup(place)
    if known is not None:
        return known.name, known.country
    return title_case(place), None


def parse(text: str, published: date | None = None) -> Dateline | None:
    """The dateline at the start of ``text`` (its first 200 characters), or None.

    A month and day without a year take the year of ``published``; a day in
    the future of it belongs to the year before (filed on Dec 31, out Jan 1).
    """
    head = text[:200]
    m = _DASHED.match(head)
    # A dateline opens prose; "RUGBY - HARLEQUINS GO TOP" is a headline in capitals.
    if m and any(c.islower() for c in head[m.end() : m.end() + 30]) and (
        m["month"] is None or m["month"].lower().rstrip(".") in _MONTHS
    ):
        place, country = _named(m["place"])
        day = _date(m["month"], m["day"], published.year if published else None)
        if day and published and day > published:
            day = _date(m["month"], m["day"], published.year - 1)
        return Dateline(place, country, day)
    iso = _ISO_LINE.search(head)
    if iso is None:
        return None
    place, country = _named(iso["place"])
    try:
        return Dateline(place, country, date.fromisoformat(iso["iso"]))
    except ValueError:
        return Dateline(place, country, None)


def columns(text: str, published: date | None) -> dict:
    """The ``articles`` columns a dateline fills (all None without one)."""
    found = parse(text, published)
    if found is None:
        return {"dateline": None, "dateline_country": None, "dateline_date": None}
    return {"dateline": found.place, "dateline_country": found.country, "dateline_date": found.day}
