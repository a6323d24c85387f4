"""The story's place, and where a named place lies: what every count of an article shares.

A count whose sentences name no place falls back on the article: the dateline of
wire copy (``MOSCOW 1996-08-31``) when the article's places lie in that country or
continent (a story about Algeria filed in PARIS names the desk), else the
article's most named place (named twice, or alone; else a country its nationality
names twice, else the first country named). The same article-wide facts read a
city name in the article's country: a name shared by several places
(``Newcastle``) is the one of that country when it has a city of the name of
comparable size, and a small foreign city of a country the article never names is
left ungeocoded rather than put on another continent. Which spans are places at
all is decided here too, as both the sentence rules (:mod:`count_places`) and the
article's tally need it: the small model tags some places as persons or
organisations (``Sri Lanka``, ``Sanaa``), so a span of those labels that the
gazetteer knows as a country or continent, or as any place after a place
preposition, is a place.
"""
from __future__ import annotations

import functools
from collections import Counter
from collections.abc import Callable
from typing import TypeVar

from spacy.tokens import Doc, Span

from tasks import dateline, places

T = TypeVar("T")

PLACE_LABELS = ("GPE", "LOC", "FAC")
#: Labels the small model gives some place names (``Sri Lanka``, ``Sanaa`` as PERSON): kept for gazetteer
#: countries and continents, and for other gazetteer places in a place phrase (``in Sanaa``).
MISLABELLED = ("PERSON", "ORG")
#: Where an event happened: ``killed in Kabul``, ``protested at the embassy``.
PLACE_PREPS = ("in", "at", "near", "outside")
#: A city of the article's country wins over the default reading of a name when at least this large relative
#: to it: ``Newcastle`` in a British story is Newcastle upon Tyne, ``Paris`` in an American one still Paris, France.
COMPARABLE = 0.1
#: A foreign city smaller than this, in a country the article never names, is more likely a place the gazetteer
#: lacks (a county, a village) that shares its name: better no coordinates than another continent's.
FAMOUS = 200_000
POSSESSIVE = ("'s", "’s", "'", "’")
#: Mentions that make a place the story's place, for a count whose sentences name none.
SALIENT = 2


def per_doc(fn: Callable[[Doc], T]) -> Callable[[Doc], T]:
    """``fn(doc)`` computed once per Doc (kept in its ``user_data``): every count of an
    article asks for the same article-wide facts."""
    key = f"counts.{fn.__name__}"

    @functools.wraps(fn)
    def once(doc: Doc) -> T:
        if key not in doc.user_data:
            doc.user_data[key] = fn(doc)
        return doc.user_data[key]
    return once


def name(ent: Span) -> str:
    """``the Ivory Coast's air force``: the place is the Ivory Coast, without the possessive."""
    text = ent.text
    for ending in POSSESSIVE:
        if text.endswith(ending) and len(text) > len(ending):
            return text[: -len(ending)].rstrip()
    return text


def is_place(ent: Span) -> bool:
    if ent.label_ in PLACE_LABELS:
        return True
    if ent.label_ not in MISLABELLED:
        return False
    known = places.lookup(name(ent))
    if known is None:
        return False
    return known.kind in (places.COUNTRY, places.CONTINENT) or after_preposition(ent)


def after_preposition(ent: Span) -> bool:
    """``in eastern Ukraine``, ``at the Kremlin``: a place preposition up to three lowercase words
    before the name. Read from the words, not the parse: under the default selective parse a
    sentence without a number (as the neighbours of a toll often are) has no parse."""
    doc = ent.doc
    for k in range(ent.start - 1, max(ent.start - 5, -1), -1):
        if doc[k].lower_ in PLACE_PREPS:
            return True
        if not (doc[k].is_alpha and doc[k].is_lower):
            return False
    return False


@per_doc
def dateline_of(doc: Doc) -> tuple[str | None, str | None]:
    """The dateline's place and country (wire copy)."""
    found = dateline.parse(doc.text[:200])
    return (found.place, found.country) if found is not None else (None, None)


def desk_or_article(doc: Doc) -> str | None:
    """The dateline's place where it lies in the country or continent of the article's most named place (or
    the article names none); else that place: ``PARIS`` on a story about Algeria names the desk that filed it,
    ``LONDON`` on one about Europe is the nearer place."""
    (desk, desk_country), most = dateline_of(doc), article_place(doc)
    if desk is None or most is None:
        return desk or most
    known = places.lookup(most)
    inside = known is not None and (known.country == desk_country or known == places.continent_of(desk_country))
    return desk if known is None or desk_country is None or inside else most


@per_doc
def article_place(doc: Doc) -> str | None:
    """The article's most mentioned GPE or LOC (first mention breaks ties), where it is named at least
    twice or is the only place named; else a country its nationality names twice; else the first country
    named. Among several places each named once a city is passing (the one an award was given in, a
    firm's seat) and says less of where a count happened than no place does; a country named once
    (``a nationwide outbreak ... in the US``) still sets the story's scale."""
    mentions = Counter(name(e) for e in doc.ents if e.label_ in ("GPE", "LOC") or e.label_ in MISLABELLED and is_place(e))
    top = mentions.most_common(1)
    if top and (top[0][1] >= SALIENT or len(mentions) == 1):
        return top[0][0]
    countries = (m for m in mentions if (known := places.lookup(m)) is not None and known.kind == places.COUNTRY)
    return named_by_nationality(doc, mentions) or next(countries, None)


def named_by_nationality(doc: Doc, mentions: Counter) -> str | None:
    """Where no place is named twice, a country its nationality names with it (``Chinese police``,
    ``China's third-largest``) twice or more is the story's place."""
    countries: Counter[str] = Counter()
    for e in doc.ents:
        known = places.demonym(e.text) if e.label_ == "NORP" else None
        if known is not None:
            countries[known.name] += 1
    for written, k in mentions.items():
        known = places.lookup(written)
        if known is not None and known.kind == places.COUNTRY and known.name in countries:
            countries[known.name] += k
    top = countries.most_common(1)
    return top[0][0] if top and top[0][1] >= SALIENT else None


@per_doc
def article_country(doc: Doc) -> str | None:
    """The dateline's country, else the country most of the article's places lie in."""
    country = dateline_of(doc)[1]
    if country is None:
        known = (places.lookup(name(e)) for e in doc.ents if e.label_ in ("GPE", "LOC"))
        tally = Counter(p.country for p in known if p is not None and p.country)
        country = tally.most_common(1)[0][0] if tally else None
    return country


@per_doc
def named_countries(doc: Doc) -> set[str]:
    """Countries the article names as such (``Iraq``, ``the US``, a US state) or by its dateline."""
    known = (places.lookup(name(e)) for e in doc.ents if e.label_ in ("GPE", "LOC") or is_place(e))
    named = {p.country for p in known if p is not None and p.kind in (places.COUNTRY, places.STATE)}
    return named | {c for c in (article_country(doc),) if c}


def locate(place_name: str, doc: Doc | None = None) -> places.Place | None:
    """The gazetteer's reading of a name, moved to the article's country where a city there has that name."""
    known = places.lookup(place_name)
    if known is None or known.kind != places.CITY or doc is None:
        return known
    home = article_country(doc)
    if home is None or known.country == home:
        return known
    for other, population in places.cities_named(place_name):
        if other.country == home and population >= COMPARABLE * places.population(known):
            return other
    if places.population(known) < FAMOUS and known.country not in named_countries(doc):
        return None  # ``Kent`` in a British story: a county the gazetteer lacks, not the town in Washington state
    return known


def geocode(place_name: str | None, doc: Doc | None = None) -> dict:
    """The place's kind, country, coordinates and GeoNames id from the offline gazetteer,
    all None where it does not know the name (a street, a small town, a region)."""
    known = locate(place_name, doc) if place_name else None
    if known is None:
        return dict.fromkeys(("place_kind", "country", "lat", "lon", "geonames_id"))
    return {"place_kind": known.kind, "country": known.country, "lat": known.lat, "lon": known.lon,
            "geonames_id": known.geonameid}
