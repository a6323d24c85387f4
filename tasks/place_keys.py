"""Entity keys the gazetteer decides: places, nationalities, country prefixes.

``tasks.canonical`` links the mentions of an article by string rules; this
module then asks the offline gazetteer (``tasks.places``) what the place names
among them mean, so "U.S." and "America" share ``GPE:iso:us``.
"""
from __future__ import annotations

from collections.abc import Sequence

from tasks import places
from tasks.canonical import PLACE_LABELS, Canonical, entity_key, fold


def place_of(label: str, name: str) -> Canonical | None:
    """A gazetteer place's own key and name: "U.S.", "America" and "United
    States" are one key, "WASHINGTON" reads "Washington". A country the model
    tagged as an organisation is the country ("U.S. said"); a city so tagged
    is left alone, as it is often a team ("Chelsea won")."""
    if label not in PLACE_LABELS and label != "ORG" or len(name) < 2:
        return None
    place = places.lookup(name)
    if place is None or (label == "ORG" and place.kind != places.COUNTRY):
        return None
    label = "LOC" if place.kind == places.CONTINENT else "GPE"  # OntoNotes: continents are LOC
    return Canonical(label, place.name, f"{label}:{place.key}", place.country)


def nationality(label: str, name: str) -> str | None:
    """The country a NORP names ("Japanese" -> JP), kept beside its own key."""
    place = places.demonym(name) if label == "NORP" else None
    return place.country if place else None


def drop_country_prefix(names: Sequence[str], labels: Sequence[str]) -> list[str]:
    """"US Starbucks" is Starbucks when the article also names "Starbucks"
    alone: the country says whose branch, not which company ("British
    Airways" stays, as "Airways" is never named alone)."""
    alone = {fold(n) for n, l in zip(names, labels) if l == "ORG"}
    out = list(names)
    for i, (name, label) in enumerate(zip(names, labels)):
        first, _, rest = name.partition(" ")
        if label == "ORG" and rest and fold(rest) in alone:
            place = places.lookup(first)
            if place is not None and place.kind == places.COUNTRY:
                out[i] = rest
    return out


def resolve(names: Sequence[str], labels: Sequence[str]) -> list[Canonical]:
    """Each linked mention's (label, canonical, key, country).

    A city name several countries share is the most populous city of that
    name, whatever the article: picking by the article's other places was
    tried and sent BBC Olympic stories' "Athens" to Georgia, US.
    """
    out = []
    for name, label in zip(names, labels):
        place = place_of(label, name)
        out.append(place or Canonical(label, name, entity_key(label, name), nationality(label, name)))
    return out
