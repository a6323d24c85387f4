"""Unit normalisation: what a surface like ``km/h``, ``US$``, ``SEK`` or ``dlrs`` means.

The units come from quantulum3's unit database (symbols, surfaces, plurals,
SI-prefixed forms; the names NewsQuant uses), indexed on first use and kept
on disk (``tasks.diskcache``); currencies are :mod:`tasks.numbers.currencies`. The tables below
are not a unit list: they are the context decisions the database cannot make
(``M`` is a scale, not a metre; single letters and common nouns are units
only when we say so; ``F`` is Fahrenheit unless the sentence names
capacitance) and the one name we print for a unit the database names twice
(``celsius``, ``dollar``). Abbreviations are matched case-sensitively, words
lower-cased.
"""
from __future__ import annotations

import re
import warnings
from types import ModuleType
from typing import NamedTuple

from spacy.lang.en.stop_words import STOP_WORDS

from tasks.diskcache import on_disk
from tasks.numbers.lexicon import COMMON_NOUNS, MEASURE_ADJECTIVES, WORD_SYMBOLS, Kind

#: The tables built from the databases are kept on disk: building them costs each process 1.7 s.
_STORED = on_disk("quantulum3", "babel", modules=("tasks.numbers.lexicon",))


#: The kind of a unit that measures an age; its rows are quantities (``15-year-old``).
AGE = "age"


class Unit(NamedTuple):
    name: str
    kind: str  # a Kind (money, percent, quantity, duration) or AGE


#: A multiple (``sixfold``, ``four times``): quantulum3 names it ``count``, a dimensionless unit we keep as a quantity.
MULTIPLIER = Unit("count", Kind.QUANTITY)


def _table(kind: str, entries: dict[str, tuple[str, ...]]) -> dict[str, Unit]:
    return {surface: Unit(name, kind) for name, surfaces in entries.items() for surface in surfaces}


#: Abbreviations the database lacks, names it otherwise, or names a second unit we do not mean in news.
_ABBREV = {
    **_table(Kind.PERCENT, {
        "percentage": ("%",),
    }),
    **_table(Kind.MONEY, {
        "penny": ("p",),
    }),
    **_table(Kind.QUANTITY, {
        "barrel per day": ("bpd", "b/d"),  # oil output as agencies write it
        "metre": ("m",), "micrometre": ("μm",), "inch": ("″",), "foot": ("′",), "yard": ("yd", "yds"),
        "gram": ("g",), "litre": ("l", "L"), "millilitre": ("ml", "mL"),
        "mile per gallon": ("mpg",), "kilometre per hour": ("kmh", "kmph"), "watt": ("W",), "megawatt hour": ("MWh",),
        "gigawatt hour": ("GWh",), "terawatt hour": ("TWh",), "horsepower": ("HP", "PS"), "brake horsepower": ("bhp",),
        "kilobyte": ("KB",),
        "megabit per second": ("Mb/s",), "gigabit per second": ("Gb/s",), "hertz": ("HZ",), "gigahertz": ("Ghz",),
        "celsius": ("C", "ºC", "degC"), "fahrenheit": ("F", "ºF", "degF"),
        # torque as motoring copy writes it, either order, dotted or plural
        "foot pound-force": ("lb-ft", "lb ft", "lbs-ft", "ft-lb", "ft-lbs", "lb.-ft.", "lb.-ft", "ft.-lb.", "ft.-lbs."),
        "volt": ("V",), "parts-per-million": ("ppm",),
        "parts-per-billion": ("ppb",), "square foot": ("sqft",), "watt hour": ("Wh",), "degree": ("°",),
        "cubic centimetre": ("cc",),  # engine sizes (``1,500cc``)
        # data sizes and speeds as consumer tech copy writes them (the database has ``gb`` but not ``mb``)
        "megabyte": ("mb",), "terabyte": ("tb",), "megabit": ("Mb", "Mbit"), "gigabit": ("Gb", "Gbit"),
        "megabit per second": ("mbps",), "gigabit per second": ("gbps",),
        # rates as sports and tech copy abbreviates them (the database reads ``fps`` as feet per second)
        "point per game": ("ppg",), "rebound per game": ("rpg",), "assist per game": ("apg",),
        "frame per second": ("fps",), "beat per minute": ("bpm",), "word per minute": ("wpm",),
    }),
    **_table(Kind.DURATION, {
        # wire-service abbreviations
        "month": ("mth", "mths"), "week": ("wk", "wks"),
        "second": ("secs",), "minute": ("mins",), "hour": ("h",), "year": ("yrs",),
    }),
}

#: Our lower-case abbreviations in capitals, as headlines and some house styles write them (``40 MPG``, ``500,000 BPD``).
_ABBREV.update({s.upper(): u for s, u in list(_ABBREV.items()) if s.isalpha() and s.islower() and len(s) >= 3})

#: Words and phrases the database lacks or names otherwise (``tonnes`` are ``metric ton``, as NewsQuant writes).
_WORDS = {
    **_table(Kind.PERCENT, {
        # ``pct`` as a word too, so a capitalised headline's ``12 PCT`` is read as the wire's ``12 pct``
        "percentage": ("per cent", "per-cent", "per cents", "pc", "p.c.", "pct"),
        "percentage point": ("percentage point", "percentage points", "percent point", "percent points"),
    }),
    **_table(Kind.QUANTITY, {
        "nautical mile": ("nautical mile", "nautical miles"), "ton": ("ton", "tons"),
        "metric ton": ("tonne", "tonnes", "metric ton", "metric tons", "metric tonne", "metric tonnes"),
        "millilitre": ("millilitre", "millilitres", "milliliter", "milliliters"),
        "hectare": ("hectare", "hectares"), "mile per hour": ("miles an hour",),
        "kilometre per hour": ("kilometres an hour", "kilometers an hour"),
        "brake horsepower": ("brake horsepower",), "celsius": ("deg c", "degrees c", "degree c"),
        "fahrenheit": ("deg f", "degrees f", "degree f"), "mega british thermal unit": ("mmbtu",),
        "foot pound-force": ("pound-feet", "pound-foot", "foot-pounds", "foot-pound"),
        "point": ("point", "points", "pts"), "basis point": ("basis point", "basis points", "bps", "bp"),
        "parts-per-million": ("parts per million",), "parts-per-billion": ("parts per billion",),
        "count": ("times", "fold"),  # ``four times per week`` is ``count per week`` in quantulum3; ``2.5-fold``
    }),
    **_table(Kind.DURATION, {
        "second": ("second", "seconds"), "minute": ("minute", "minutes"), "millennium": ("millennia",),
    }),
    **_table(AGE, {
        # the plural names the people of that age (``25-year-olds``), still an age
        "year of age": ("year-old", "years-old", "year old", "years old", "-year-old", "yo", "y/o",
                        "year-olds", "year olds", "-year-olds"),
        "month of age": ("month-old", "months-old", "month old", "months old", "month-olds", "month olds"),
        "week of age": ("week-old", "weeks-old", "week old", "weeks old", "week-olds"),
        "day of age": ("day-old", "days-old", "day old", "days old", "day-olds"),
    }),
}

#: Longest unit surface, in tokens, worth trying (``degrees celsius``, ``miles per hour``).
MAX_UNIT_TOKENS = 3


def lookup(surface: str) -> Unit | None:
    """The unit a surface names: our context decisions, the unit database, a power of a length, a ratio."""
    return _ABBREV.get(surface) or _WORDS.get(surface.lower()) or _from_db(surface) or _powered(surface) \
        or _ratio(surface) or _prefixed(surface) or _plural(surface) or _titled(surface)


def _titled(surface: str) -> Unit | None:
    """``3 Tbsp.``, ``2 Lbs``: a recipe line or a product page capitalises the symbol it starts a phrase with.

    Only a symbol of three letters or more that is no English word, so ``Ms``,
    ``In`` and ``Pa`` (a title, a preposition, a name) keep their reading.
    """
    word = surface.rstrip(".")
    if len(word) < 3 or not word.istitle() or not word.isalpha() or word.lower() in STOP_WORDS \
            or word.lower() in COMMON_NOUNS:
        return None
    found = _ABBREV.get(word.lower()) or _db().symbols.get(word.lower())
    return found if found is not None and found.kind == Kind.QUANTITY else None


def _plural(surface: str) -> Unit | None:
    """``750 mls``, ``40 kms``, ``300 megawatt-hours``: an ``s`` on a unit the tables list only in the singular.

    Never an English word (``has`` is no plural of ``ha``), a common noun or
    a word symbol (``ins``, ``cds``, ``bars``), and a word of our tables only
    as written in lower case (``PCs`` are computers).
    """
    one = surface[:-1]
    if len(surface) < 3 or not surface.endswith("s") or surface.isupper() or surface.lower() in STOP_WORDS \
            or {surface.lower(), one.lower()} & COMMON_NOUNS or one in WORD_SYMBOLS:
        return None
    found = _ABBREV.get(one) or (_WORDS.get(one) if one.islower() else None) or _from_db(one) or _prefixed(one)
    return found if found is not None and found.kind in (Kind.QUANTITY, Kind.DURATION) else None  # ``10 pcs`` are pieces


#: SI prefixes as words: the database lists prefixed names for some units only (``megawatts``, not ``megalitres``).
SI_PREFIXES = ("kilo", "mega", "giga", "tera", "milli", "micro", "nano", "hecto", "centi", "deci", "peta")
_PREFIXED = re.compile(r"^(?P<pre>" + "|".join(SI_PREFIXES) + r")(?P<base>[a-z][a-z -]+)$")


def _prefixed(surface: str) -> Unit | None:
    """``megalitres``, ``gigajoules``, ``megawatt-hours``: an SI prefix word on any measure the database names.

    The name is the prefix on the base unit's name (``megalitre``), the way
    the database names the prefixed units it does list (``megawatt``).
    """
    m = _PREFIXED.match(surface.lower())
    if m is None:
        return None
    base = _db().words.get(m["base"]) or _db().words.get(m["base"].replace("-", " ")) \
        or _NAMED.get(m["base"].replace("-", " "))  # ``megawatt-hour``: our table's ``watt hour``
    if base is None or base.kind != Kind.QUANTITY or base.name.startswith(SI_PREFIXES):
        return None
    return Unit(m["pre"] + base.name, Kind.QUANTITY)


#: Our tables' units by name, as bases for an SI prefix word.
_NAMED = {u.name: u for u in (*_ABBREV.values(), *_WORDS.values()) if u.kind == Kind.QUANTITY}


def glued_symbol(surface: str) -> Unit | None:
    """A database symbol of two capitals glued to digits (``12MP``, ``5GW``): the digits say it is no acronym.

    Spaced, two capitals are an acronym in news (``12 MPs``), so :func:`lookup` refuses them.
    """
    if len(surface) != 2 or not (surface.isupper() and surface.isalpha()):
        return None
    found = _symbols_all().get(surface)
    return found[0] if found and len(found) == 1 and found[0].kind == Kind.QUANTITY else None


#: quantulum3 names we print otherwise, so one unit has one name (NewsQuant writes ``celsius``).
DB_NAMES = {"degree Celsius": "celsius", "degree fahrenheit": "fahrenheit", "degree angle": "degree",
            "united states dollar": "dollar", "mexican peso": "peso"}


def _symbol_ok(s: str) -> bool:
    """A database symbol we read as a unit on its own.

    Two capitals are an acronym in news (``TV``, ``MP``, ``PA``) unless they
    are a prefix on watts or bytes (``MW``, ``GB``); single letters, digits
    and English words are never units alone.
    """
    if len(s) < 2 or s in WORD_SYMBOLS or s.isdigit():
        return False
    if len(s) == 2 and s.isupper() and s.isalpha():
        return s[0] in "KMGTPE" and s[1] in "WB"
    return True


class _Db(NamedTuple):
    symbols: dict[str, Unit]
    words: dict[str, Unit]


def _kind_of(entity: str, name: str) -> str | None:
    if entity == "currency":
        return Kind.MONEY
    if entity == "time":
        return Kind.DURATION
    if entity == "dimensionless":
        return Kind.PERCENT if name in ("percentage", "permille", "per mille", "basis point") else None
    return Kind.QUANTITY


def quantulum3_load() -> ModuleType:
    """quantulum3's loader, imported only to build the tables: its unit index costs 1.7 s.

    Only its data is used (not its parser), so the warning that its optional
    classifier is missing says nothing about us and is silenced.
    """
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)
        from quantulum3 import load
    return load


@_STORED
def _db() -> _Db:
    """quantulum3's units, indexed; a surface that names two units is left out (ambiguous)."""
    db = quantulum3_load().units()

    def index(table: dict, keep) -> dict[str, Unit]:
        out: dict[str, Unit] = {}
        for surface, objs in table.items():
            found = {(DB_NAMES.get(o.name, o.name), _kind_of(o.entity.name, o.name)) for o in objs}
            if len(found) == 1 and keep(surface):
                name, kind = found.pop()
                if kind is not None:
                    out[surface] = Unit(name, kind)
        return out

    symbols = index(db.symbols, _symbol_ok)
    words = index(db.surfaces_lower, lambda s: s not in COMMON_NOUNS and s not in WORD_SYMBOLS and len(s) > 2)
    return _Db(symbols, words)


def _from_db(surface: str) -> Unit | None:
    db = _db()
    return db.symbols.get(surface) or db.words.get(surface.lower())


_RATIO = re.compile(r"^(?P<a>[^/\s]+?)\s*(?:/|\s+per\s+)\s*(?P<b>[^/\s][^/]*)$")


def _ratio(surface: str) -> Unit | None:
    """``mg/L``, ``A/cm2``, ``kWh per tonne``: a compound unit as ``<unit> per <unit>``.

    Single letters are accepted on either side here (``A`` is an ampere in
    ``A/cm2``), since the slash already says both sides are units.
    """
    if "/" not in surface and " per " not in surface:
        return None
    m = _RATIO.match(surface)
    if m is None:
        return None
    a, b = (_one(m["a"]), _one(m["b"]))
    if a is None or b is None or (a.kind not in (Kind.QUANTITY, Kind.MONEY) and b.kind != Kind.DURATION):
        return None  # ``%/year`` would be a rate of change, not a unit
    return Unit(f"{a.name} per {b.name}", a.kind)


def _one(surface: str) -> Unit | None:
    """A unit on one side of a ratio: any single symbol of the database too (``A``, ``s``, ``L``)."""
    return _ABBREV.get(surface) or _WORDS.get(surface.lower()) or _from_db(surface) or _powered(surface) \
        or _single(surface)


def in_context(found: Unit, surface: str, words: list[str]) -> Unit:
    """Another measure a symbol names when the sentence says what is measured: ``2.5 F`` by a capacitor is farads.

    Our tables settle a symbol the database names twice on news's usual
    reading (``F`` Fahrenheit, ``C`` Celsius); a word that shares a stem with
    another of its units' quantity (quantulum3's entity, ``capacitance``) or
    name overrides that. Short stems (``charge``, ``time``) are ordinary
    words, so only stems of seven letters count.
    """
    for other, stems in _measures().get(surface, ()):
        if other != found and any(w[:7] in stems for w in words if len(w) >= 7):
            return other
    return found


def has_other_reading(surface: str) -> bool:
    """Whether our table settled a symbol the database names twice (a cheap test before reading the sentence)."""
    return surface in _measures()


@_STORED
def _measures() -> dict[str, list[tuple[Unit, frozenset[str]]]]:
    out: dict[str, list[tuple[Unit, frozenset[str]]]] = {}
    for surface, objs in quantulum3_load().units().symbols.items():
        if surface not in _ABBREV or len(objs) < 2:
            continue
        for o in objs:
            kind = _kind_of(o.entity.name, o.name)
            if kind == Kind.QUANTITY:
                words = f"{o.entity.name} {o.name}".lower().split()
                out.setdefault(surface, []).append(
                    (Unit(DB_NAMES.get(o.name, o.name), kind), frozenset(w[:7] for w in words if len(w) >= 7)))
    return {surface: found for surface, found in out.items() if len(found) > 1 and any(stems for _, stems in found)}


def word_length(word: str, follower: str | None) -> Unit | None:
    """A length symbol that is also an English word (``in``), read as the length before an adjective of measure.

    ``2 in thick`` and ``(5 in)`` are inches; anywhere else ``in`` is the
    preposition, at a sentence's end too (``scored 12 in.``).
    """
    if word not in WORD_SYMBOLS or follower not in MEASURE_ADJECTIVES and follower != ")":
        return None
    found = _single(word)
    return found if found is not None and found.name in LENGTHS else None


def _single(symbol: str) -> Unit | None:
    objs = _symbols_all().get(symbol)
    return objs[0] if objs and len(objs) == 1 else None


def dotted(word: str) -> Unit | None:
    """The measure a short word abbreviates when a full stop follows it (``in.``, ``gals.``, ``ac.``)."""
    found = _single(word) or (_single(word[:-1]) if word.endswith("s") else None) \
        if len(word) <= 4 and word not in ("am", "pm") else None  # ``5 pm.``: a clock time
    return found if found is not None and found.kind == Kind.QUANTITY else None


@_STORED
def _symbols_all() -> dict[str, list[Unit]]:
    out: dict[str, list[Unit]] = {}
    for surface, objs in quantulum3_load().units().symbols.items():
        named = {Unit(DB_NAMES.get(o.name, o.name), k) for o in objs if (k := _kind_of(o.entity.name, o.name))}
        out[surface] = sorted(named)
    return out


#: Lengths that make an area or a volume when squared or cubed.
LENGTHS = frozenset({"millimetre", "centimetre", "metre", "kilometre", "inch", "foot", "yard", "mile", "nanometre"})
_POWER_WORDS = {"square": "square", "sq": "square", "sq.": "square", "cubic": "cubic", "cu": "cubic", "cu.": "cubic",
                "^2": "square", "²": "square", "2": "square", "squared": "square",
                "^3": "cubic", "³": "cubic", "3": "cubic", "cubed": "cubic"}
_POWERED = re.compile(r"^(?:(?P<pre>square|sq\.?|cubic|cu\.?)\s+(?P<a>.+)"
                      r"|(?P<b>[^\d\s^²³]+?)(?:(?P<post>\^[23]|[²³]|[23])|\s+(?P<word>squared|cubed)))$", re.I)


def _powered(surface: str) -> Unit | None:
    """``cubic kilometres``, ``km^3``, ``mi²``, ``km cubed``: an area or volume from any length in the tables.

    Listing every ``square``/``cubic`` spelling of every length would triple
    the tables; the power is read the same way whatever length it applies to.
    """
    if not (surface[-1:] in "23²³" or surface[-5:].lower() in ("uared", "cubed") or surface[:2].lower() in ("sq", "cu")):
        return None  # the cheap test first: lookup() runs on every word after every number
    if surface[:2].lower() == "sq" and surface[2:].lower() in ("m", "ft", "km", "mi", "yd"):
        surface = "sq " + surface[2:]  # ``500 sqm``: property listings glue the power to the length
    m = _POWERED.match(surface)
    if m is None:
        return None
    power = _POWER_WORDS[(m["pre"] or m["post"] or m["word"]).lower()]
    base = _ABBREV.get(m["a"] or m["b"]) or _WORDS.get((m["a"] or m["b"]).lower()) or _from_db(m["a"] or m["b"])
    if base is None or base.name not in LENGTHS:
        return None
    return Unit(f"{power} {base.name}", Kind.QUANTITY)


def warm() -> None:
    """Build the unit and currency indexes now rather than on the first number a worker meets; with them the
    lemmatizer's noun index (0.5 s), which the counted noun asks of rare forms (``1 squash trimmed``, ``8 IMAGES``)."""
    from tasks.nlp import common_nouns
    from tasks.numbers import currencies

    _db()
    _measures()
    currencies.warm()
    common_nouns()
