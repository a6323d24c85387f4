"""Which mentions of one article are one name, whatever label or form the
model gave each: labels harmonised over the article ("Sochi" a place
throughout), clipped names ("Lib Dems") and singulars read as first names
("an Oscar nominee") joined to the full form the article writes out.

Pure string rules like ``tasks.canonical``, which runs them before linking
short forms to full names.
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from tasks.canonical import PERSON, PLACE_LABELS, fold, name_tokens


def _unplural(word: str) -> str:
    return word[:-1] if len(word) > 3 and word.endswith("s") else word


@lru_cache(maxsize=65536)
def is_clipping(short: str, long_name: str) -> bool:
    """"Lib Dems" of "Liberal Democrats": the same words, some cut to their
    first three or four letters (at least three letters cut, so "New York"
    is no clipping of "New Yorker")."""
    s, l = name_tokens(short), name_tokens(long_name)
    if len(s) < 2 or len(s) != len(l):
        return False
    s, l = s[:-1] + (_unplural(s[-1]),), l[:-1] + (_unplural(l[-1]),)
    cut = [(a, b) for a, b in zip(s, l) if a != b]
    return bool(cut) and all(3 <= len(a) <= 4 and len(b) >= len(a) + 3 and b.startswith(a) for a, b in cut)


# Labels a clipped name can stand for, and labels the model gives clipped names.
_CLIPPED_TARGETS = frozenset({"NORP", "ORG"})
CLIPPED_SOURCES = ("PERSON", "ORG", "NORP")


def unclip(names: Sequence[str], labels: Sequence[str]) -> tuple[list[str], list[str]]:
    """A clipped name ("Lib Dem", which the model often calls a person) takes
    the name and label of the one full form the article writes out."""
    longs: dict[str, dict[tuple[str, str], str]] = {}  # by initials: a clipping keeps them
    for n, l in zip(names, labels):
        if l in _CLIPPED_TARGETS and " " in n:
            longs.setdefault(_initials(n), {})[(fold(n), l)] = n
    names, labels = list(names), list(labels)
    if not longs:
        return names, labels
    for i, (name, label) in enumerate(zip(names, labels)):
        if label not in CLIPPED_SOURCES or " " not in name:
            continue
        fits = [(n, l) for (_, l), n in longs.get(_initials(name), {}).items() if is_clipping(name, n)]
        if len(fits) == 1:
            names[i], labels[i] = fits[0]
    return names, labels


def _initials(name: str) -> str:
    return "".join(w[:1] for w in name_tokens(name))


# Labels of things whose plural name ("the Oscars", "the Grammys") has a
# singular the model reads as a first name ("an Oscar nomination").
PLURAL_THINGS = frozenset({"ORG", "EVENT", "WORK_OF_ART", "PRODUCT"})


def singular_of(word: str) -> str | None:
    """"oscar" of "oscars"; None if the folded word is no plural."""
    return word[:-1] if len(word) > 4 and word.endswith("s") and not word.endswith("ss") else None


def join_plurals(names: Sequence[str], labels: Sequence[str]) -> tuple[list[str], list[str]]:
    """A single word the model calls a person, that is no word of a person's
    full name in the article, takes the name and label of the thing whose
    plural name the article writes ("Oscar nominee" beside "the Oscars")."""
    person_words = {w for n, l in zip(names, labels) if l == PERSON and " " in n for w in name_tokens(n)}
    things = {singular_of(fold(n)): (n, l) for n, l in zip(names, labels) if l in PLURAL_THINGS and " " not in n}
    things.pop(None, None)
    names, labels = list(names), list(labels)
    for i, (name, label) in enumerate(zip(names, labels)):
        key = fold(name)
        if label == PERSON and " " not in name and key in things and key not in person_words:
            names[i], labels[i] = things[key]
    return names, labels


_SURNAME_MISLABELS = frozenset({"ORG", "PRODUCT", "FAC", "EVENT", "WORK_OF_ART", "LAW"})


def _written_like_a_name(name: str) -> bool:
    """Words of two letters or more each, capitalised, not in capitals:
    "Keanu Reeves", "Mark Ridley-Thomas", not "Ford F-Series" or "Model Y"."""
    parts = [p for w in name.split() for p in w.split("-")]
    return all(len(p) > 1 and p[0].isupper() and not p.isupper() for p in parts)


def harmonise_labels(names: Sequence[str], labels: Sequence[str]) -> list[str]:
    """One label per name within an article, where the model wavers.

    1. A place beats a lone person: a name tagged GPE/LOC somewhere and tagged
       PERSON as a single word elsewhere is a place ("Sochi"), unless it is a
       word of a longer PERSON name in the article ("George Washington").
    2. Otherwise a name's most frequent label wins if it is strictly more
       frequent than the runner-up. Single-word PERSON mentions that are words
       of a longer PERSON name vote but are never relabelled: they are
       explained ("Washington" the president beside "Washington" the city).
    3. A company's short name is not a person: a single-word PERSON that
       starts a longer ORG name ("Contrack" of "Contrack International") is
       ORG, unless it is a word of a longer PERSON name.
    4. A person's name is not a thing: a single word tagged ORG, PRODUCT,
       FAC, EVENT, WORK_OF_ART or LAW that ends or starts a longer PERSON
       name ("Tarantino" of "Quentin Tarantino", "Keanu" of "Keanu Reeves")
       is PERSON, unless it starts longer names of its own label at least as
       often as it starts people's ("Ford" beside "Ford Motor").
    Before all these, a full name written like one and tagged PERSON once,
    whose last word the article also uses alone as a person or a body, is a
    person wherever the model tagged it otherwise ("Keanu Reeves" as ORG,
    "Reeves" after): a bare surname is how news refers to people ("Ford
    F-Series" beside the product "F-Series" is none).
    Ties keep each mention's own label: no evidence, no change.
    """
    keys = [fold(n) for n in names]
    labels = _full_names_as_people(names, keys, labels)
    words = _NameWords.of(names, keys, labels)
    return _majority(keys, _relabel_single_words(keys, labels, words), words.person)


def _full_names_as_people(names: Sequence[str], keys: list[str], labels: Sequence[str]) -> list[str]:
    """A full name written like one, tagged PERSON once, whose last word is also used
    alone as a person or a body, is a person at every mention."""
    alone_as = {(k, l) for k, l in zip(keys, labels) if " " not in k}
    people = {
        k for n, k, l in zip(names, keys, labels)
        if l == PERSON and " " in k and _written_like_a_name(n)
        and ({(k.rsplit(" ", 1)[1], PERSON), (k.rsplit(" ", 1)[1], "ORG")} & alone_as)
    }
    return [PERSON if k in people else l for k, l in zip(keys, labels)]


@dataclass
class _NameWords:
    """What the article's longer names say about its single words."""

    person: set[str]  # every word of a longer PERSON name
    person_ends: set[str]  # last words of full names, first words as below
    first_words: dict[str, Counter[str]]  # label -> first words of longer names so labelled
    places: dict[str, Counter[str]]  # name -> its place labels

    @classmethod
    def of(cls, names: Sequence[str], keys: list[str], labels: Sequence[str]) -> "_NameWords":
        singles = {k for k in keys if " " not in k}
        words = cls(set(), set(), {}, {})
        for name, label in zip(names, labels):
            toks = name_tokens(name)
            if len(toks) > 1:
                words.first_words.setdefault(label, Counter())[toks[0]] += 1
                if label == PERSON:
                    words.person.update(toks)
                    words.person_ends.add(toks[-1])
                    if toks[-1] in singles:  # "Keanu" of "Keanu Reeves" if "Reeves" is named alone too,
                        words.person_ends.add(toks[0])  # not "Pirelli" of a stray "Pirelli SpA"
        for key, label in zip(keys, labels):
            if label in PLACE_LABELS:
                words.places.setdefault(key, Counter())[label] += 1
        return words


def _relabel_single_words(keys: list[str], labels: list[str], words: _NameWords) -> list[str]:
    """Rules 1, 3 and 4 of ``harmonise_labels``: a lone PERSON word that is a place or
    starts a company's name, and a lone thing that is a person's first or last name."""
    out = list(labels)
    for i, (key, label) in enumerate(zip(keys, labels)):
        if " " in key:
            continue
        if label == PERSON:
            if key in words.person:
                continue
            if key in words.places:
                out[i] = words.places[key].most_common(1)[0][0]
            elif key in words.first_words.get("ORG", ()):
                out[i] = "ORG"
        elif label in _SURNAME_MISLABELS and key in words.person_ends and not (
            0 < words.first_words.get(label, Counter())[key] >= words.first_words.get(PERSON, Counter())[key]
        ):
            out[i] = PERSON
    return out


def _majority(keys: list[str], labels: list[str], person_words: set[str]) -> list[str]:
    """Rule 2: a name's strictly most frequent label, except for a word of a longer
    PERSON name, which is explained."""
    votes: dict[str, Counter[str]] = {}
    for key, label in zip(keys, labels):
        votes.setdefault(key, Counter())[label] += 1
    out = list(labels)
    for i, key in enumerate(keys):
        if out[i] == PERSON and key in person_words:
            continue
        ranked = votes[key].most_common(2)
        if len(ranked) == 2 and ranked[0][1] > ranked[1][1]:
            out[i] = ranked[0][0]
    return out
