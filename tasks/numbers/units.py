"""Unit normalisation: what a surface like ``km/h``, ``US$`` or ``per cent`` means.

Names follow NewsQuant's normalised unit names (``dollar``, ``percentage``,
``kilometre``, ``year of age``) so the numbers table can be compared with
that gold set, and so users query one spelling per unit. Abbreviations are
matched case-sensitively (``M`` is not ``m``, ``C`` is not ``c``); words are
matched lower-cased.
"""
from __future__ import annotations

import re
from typing import NamedTuple

from tasks.numbers.lexicon import Kind


#: The kind of a unit that measures an age; its rows are quantities (``15-year-old``).
AGE = "age"


class Unit(NamedTuple):
    name: str
    kind: str  # a Kind (money, percent, quantity, duration) or AGE


def _table(kind: str, entries: dict[str, tuple[str, ...]]) -> dict[str, Unit]:
    return {surface: Unit(name, kind) for name, surfaces in entries.items() for surface in surfaces}


#: Glued to the left of a number (``$5``, ``HK$3.7``, ``$US113``) or a token of its own.
CURRENCY_PREFIX: dict[str, str] = {
    "$": "dollar", "US$": "dollar", "$US": "dollar", "US": "dollar", "USD": "dollar",
    "€": "euro", "EUR": "euro", "£": "pound sterling", "GBP": "pound sterling",
    "¥": "japanese yen", "JPY": "japanese yen", "CNY": "chinese yuan", "RMB": "chinese yuan",
    "A$": "australian dollar", "$A": "australian dollar", "AU$": "australian dollar", "AUD": "australian dollar",
    "C$": "canadian dollar", "CA$": "canadian dollar", "CAD": "canadian dollar",
    "HK$": "hong kong dollar", "HKD": "hong kong dollar", "NZ$": "new zealand dollar",
    "S$": "singapore dollar", "₹": "indian rupee", "Rs": "indian rupee", "INR": "indian rupee",
    "₪": "shekel", "RM": "malaysian ringgit", "CHF": "swiss franc", "₽": "russian ruble", "₩": "south korean won",
}
#: Currency words after a number; an adjective before them refines the name (``Australian dollars``).
CURRENCY_WORDS: dict[str, str] = {
    "dollar": "dollar", "dollars": "dollar", "euro": "euro", "euros": "euro",
    "sterling": "pound sterling", "yen": "japanese yen", "yuan": "chinese yuan",
    "renminbi": "chinese yuan", "rupee": "indian rupee", "rupees": "indian rupee",
    "shekel": "shekel", "shekels": "shekel", "ruble": "russian ruble", "rubles": "russian ruble",
    "rouble": "russian ruble", "roubles": "russian ruble", "franc": "swiss franc", "francs": "swiss franc",
    "peso": "peso", "pesos": "peso", "rand": "south african rand", "ringgit": "malaysian ringgit",
    "won": "south korean won", "cent": "cent", "cents": "cent", "pence": "penny", "penny": "penny",
    "USD": "dollar", "EUR": "euro", "GBP": "pound sterling", "JPY": "japanese yen",
    "AUD": "australian dollar", "CAD": "canadian dollar", "HKD": "hong kong dollar", "CHF": "swiss franc",
}
#: ``pounds`` is money after a scale word (``20 million pounds``) and mass otherwise.
AMBIGUOUS_POUND = frozenset({"pound", "pounds"})
CURRENCY_ADJ: dict[str, str] = {
    "australian": "australian", "canadian": "canadian", "hong kong": "hong kong",
    "new zealand": "new zealand", "singapore": "singapore", "taiwan": "new taiwan",
}

_ABBREV = {
    **_table(Kind.PERCENT, {"percentage": ("%",)}),
    **_table(Kind.MONEY, {"penny": ("p",)}),
    **_table(Kind.QUANTITY, {
        "millimetre": ("mm",), "centimetre": ("cm",), "metre": ("m",), "kilometre": ("km",),
        "micrometre": ("μm", "µm"), "nanometre": ("nm",), "inch": ("″",), "foot": ("ft", "′"),
        "mile": ("mi",), "yard": ("yd", "yds"),
        "milligram": ("mg",), "gram": ("g",), "kilogram": ("kg", "kgs"), "pound-mass": ("lb", "lbs"),
        "ounce": ("oz",), "litre": ("l", "L", "ltr"), "millilitre": ("ml", "mL"), "centilitre": ("cl",),
        "mile per hour": ("mph",), "kilometre per hour": ("km/h", "kph", "km/hr", "kmh"),
        "mile per gallon": ("mpg",), "watt": ("W",), "kilowatt": ("kW",), "megawatt": ("MW",),
        "gigawatt": ("GW",), "kilowatt hour": ("kWh",), "megawatt hour": ("MWh",), "gigawatt hour": ("GWh",),
        "terawatt hour": ("TWh",), "horsepower": ("hp", "PS", "bhp"), "brake horsepower": ("bhp",),
        "kilobyte": ("KB", "kB"), "megabyte": ("MB",), "gigabyte": ("GB",), "terabyte": ("TB",),
        "megabit per second": ("Mbps", "Mb/s"), "gigabit per second": ("Gbps", "Gb/s"),
        "hertz": ("Hz", "HZ"), "kilohertz": ("kHz",), "megahertz": ("MHz",), "gigahertz": ("GHz", "Ghz"),
        "celsius": ("°C", "C", "ºC", "degC"), "fahrenheit": ("°F", "F", "ºF", "degF"),
        "newton metre": ("Nm",), "foot pound-force": ("lb-ft", "lb ft"), "volt": ("V",), "kilovolt": ("kV",),
        "parts-per-million": ("ppm",), "parts-per-billion": ("ppb",), "square metre": ("m2", "m²", "sq m"),
        "square foot": ("sq ft", "sqft", "ft2"), "square kilometre": ("km2", "km²", "sq km"),
        "square mile": ("sq mi", "sq mile", "sq miles"), "watt hour": ("Wh",),
        "tablespoon": ("tbsp",), "teaspoon": ("tsp",), "calorie": ("cal",), "kilocalorie": ("kcal",),
        "megaton": ("Mt",), "gigaton": ("Gt",), "degree": ("deg", "°"),
    }),
    **_table(Kind.DURATION, {
        "second": ("sec", "secs"), "minute": ("min", "mins"), "hour": ("h", "hr", "hrs"),
        "year": ("yr", "yrs"),
    }),
}

_WORDS = {
    **_table(Kind.PERCENT, {
        "percentage": ("percent", "per cent", "pct", "percentage", "per-cent", "percents", "per cents"),
        "percentage point": ("percentage point", "percentage points", "percent point", "percent points"),
    }),
    **_table(Kind.QUANTITY, {
        "millimetre": ("millimetre", "millimetres", "millimeter", "millimeters"),
        "centimetre": ("centimetre", "centimetres", "centimeter", "centimeters"),
        "metre": ("metre", "metres", "meter", "meters"),
        "kilometre": ("kilometre", "kilometres", "kilometer", "kilometers"),
        "micrometre": ("micrometre", "micrometres", "micrometer", "micrometers", "micron", "microns"),
        "nanometre": ("nanometre", "nanometres", "nanometer", "nanometers"),
        "inch": ("inch", "inches"), "foot": ("foot", "feet"), "yard": ("yard", "yards"),
        "mile": ("mile", "miles"), "nautical mile": ("nautical mile", "nautical miles"),
        "milligram": ("milligram", "milligrams"), "gram": ("gram", "grams", "gramme", "grammes"),
        "kilogram": ("kilogram", "kilograms", "kilo", "kilos"), "ounce": ("ounce", "ounces"),
        "ton": ("ton", "tons"), "metric ton": ("tonne", "tonnes", "metric ton", "metric tons"),
        "megaton": ("megaton", "megatons", "megatonne", "megatonnes"),
        "gigaton": ("gigaton", "gigatons", "gigatonne", "gigatonnes"),
        "litre": ("litre", "litres", "liter", "liters"), "millilitre": ("millilitre", "millilitres", "milliliter", "milliliters"),
        "gallon": ("gallon", "gallons"), "barrel": ("barrel", "barrels"), "cup": ("cup", "cups"),
        "tablespoon": ("tablespoon", "tablespoons"), "teaspoon": ("teaspoon", "teaspoons"),
        "cubic foot": ("cubic foot", "cubic feet"), "cubic metre": ("cubic metre", "cubic metres", "cubic meter", "cubic meters"),
        "square foot": ("square foot", "square feet"), "square metre": ("square metre", "square metres", "square meter", "square meters"),
        "square mile": ("square mile", "square miles"), "square kilometre": ("square kilometre", "square kilometres", "square kilometer", "square kilometers"),
        "acre": ("acre", "acres"), "hectare": ("hectare", "hectares"),
        "mile per hour": ("miles per hour", "mile per hour", "miles an hour"),
        "kilometre per hour": ("kilometres per hour", "kilometers per hour", "kilometres an hour", "kilometers an hour"),
        "knot": ("knot", "knots"), "watt": ("watt", "watts"), "kilowatt": ("kilowatt", "kilowatts"),
        "megawatt": ("megawatt", "megawatts"), "gigawatt": ("gigawatt", "gigawatts"),
        "kilowatt hour": ("kilowatt hour", "kilowatt hours", "kilowatt-hour", "kilowatt-hours"),
        "horsepower": ("horsepower",), "brake horsepower": ("brake horsepower",),
        "megabyte": ("megabyte", "megabytes"), "gigabyte": ("gigabyte", "gigabytes"), "terabyte": ("terabyte", "terabytes"),
        "hertz": ("hertz",), "kilohertz": ("kilohertz",), "megahertz": ("megahertz",), "gigahertz": ("gigahertz",),
        "celsius": ("deg c", "degrees celsius", "degree celsius", "celsius", "degrees c", "degree c", "degrees centigrade", "centigrade"),
        "fahrenheit": ("deg f", "degrees fahrenheit", "degree fahrenheit", "fahrenheit", "degrees f", "degree f"),
        "degree": ("degree", "degrees"), "mega british thermal unit": ("mmbtu",), "volt": ("volt", "volts"), "calorie": ("calorie", "calories"),
        "point": ("point", "points", "pts"), "basis point": ("basis point", "basis points", "bps", "bp"),
        "parts-per-million": ("parts per million",), "parts-per-billion": ("parts per billion",),
    }),
    **_table(Kind.DURATION, {
        "second": ("second", "seconds"), "minute": ("minute", "minutes"), "hour": ("hour", "hours"),
        "day": ("day", "days"), "week": ("week", "weeks"), "month": ("month", "months"),
        "year": ("year", "years"), "decade": ("decade", "decades"), "century": ("century", "centuries"),
        "millennium": ("millennium", "millennia"), "fortnight": ("fortnight", "fortnights"),
    }),
    **_table(AGE, {
        "year of age": ("year-old", "years-old", "year old", "years old", "-year-old", "yo", "y/o"),
        "month of age": ("month-old", "months-old", "month old", "months old"),
        "week of age": ("week-old", "weeks-old", "week old", "weeks old"),
        "day of age": ("day-old", "days-old", "day old", "days old"),
    }),
}

#: Longest unit surface, in tokens, worth trying (``degrees celsius``, ``miles per hour``).
MAX_UNIT_TOKENS = 3


def lookup(surface: str) -> Unit | None:
    """The unit a surface names: exact abbreviation first, then the word table, then a power of a length."""
    return _ABBREV.get(surface) or _WORDS.get(surface.lower()) or _powered(surface)


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
    m = _POWERED.match(surface)
    if m is None:
        return None
    power = _POWER_WORDS[(m["pre"] or m["post"] or m["word"]).lower()]
    base = _ABBREV.get(m["a"] or m["b"]) or _WORDS.get((m["a"] or m["b"]).lower())
    if base is None or base.name not in LENGTHS:
        return None
    return Unit(f"{power} {base.name}", Kind.QUANTITY)


def currency_prefix(surface: str) -> str | None:
    """The currency of a symbol or code written before a number (``$``, ``HK$``, ``$US``)."""
    return CURRENCY_PREFIX.get(surface)


def currency_word(surface: str) -> str | None:
    """The currency a word after a number names (``euros``, ``cents``, ``USD``)."""
    return CURRENCY_WORDS.get(surface) or CURRENCY_WORDS.get(surface.lower())
