"""Word lists for reading numbers and judging them, one copy shared by every stage and :mod:`numwords`.

Kept apart from the code so a list (a qualifier, a label noun) is added in one
place, and so the stages read as decisions rather than vocabularies.
"""
from __future__ import annotations

import re
from enum import StrEnum
ONES: dict[str, int] = {
    "zero": 0, "nought": 0, "naught": 0, "nil": 0, "none": 0,
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19,
}
TENS: dict[str, int] = {
    "twenty": 20, "thirty": 30, "forty": 40, "fourty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90,
}
SCALES: dict[str, float] = {
    "hundred": 1e2, "thousand": 1e3, "lakh": 1e5, "million": 1e6, "crore": 1e7, "billion": 1e9,
    "trillion": 1e12,
}
#: Plural scales are a scale only after a number (``three billions``); alone they are vague (``millions of``).
PLURAL_SCALES: dict[str, float] = {w + "s": v for w, v in SCALES.items()}
# Abbreviated scales as news writes them after digits: ``1.2m``, ``5bn``, ``100K``.
SCALE_ABBREV: dict[str, float] = {
    "k": 1e3, "m": 1e6, "mm": 1e6, "mn": 1e6, "mln": 1e6, "mil": 1e6, "b": 1e9, "bn": 1e9,
    "bln": 1e9, "t": 1e12, "tn": 1e12, "tln": 1e12, "trn": 1e12, "trln": 1e12,
}
#: Scale abbreviations that mean a scale when glued to digits with no currency (``10k``, ``1.2M``, ``5bn``).
GLUED_SCALES = frozenset({"k", "K", "M", "MM", "bn", "Bn", "BN", "mn", "mln", "bln", "tn", "tln", "trn", "trln"})
ORDINALS: dict[str, int] = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6,
    "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11,
    "twelfth": 12, "thirteenth": 13, "fourteenth": 14, "fifteenth": 15,
    "sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19,
    "twentieth": 20, "thirtieth": 30, "fortieth": 40, "fiftieth": 50,
    "sixtieth": 60, "seventieth": 70, "eightieth": 80, "ninetieth": 90,
    "hundredth": 100, "thousandth": 1000, "millionth": 1_000_000,
    "billionth": 1_000_000_000, "trillionth": 1_000_000_000_000, "nineth": 9,
}
#: ``firsts`` only closes a compound denominator (``three twenty-firsts``).
PLURAL_ORDINALS: dict[str, int] = {"firsts": 1}
# Denominators: ``half``/``quarter`` and every ordinal from third up, plural or not.
DENOMINATORS: dict[str, int] = {"half": 2, "halves": 2, "quarter": 4, "quarters": 4}
DENOMINATORS.update({w: n for w, n in ORDINALS.items() if n >= 3})
DENOMINATORS.update({w + "s": n for w, n in ORDINALS.items() if n >= 3})
MULTIPLIERS: dict[str, int] = {"dozen": 12, "dozens": 12, "doz": 12, "dozs": 12, "dz": 12, "dzs": 12}
NEGATORS = frozenset({"minus", "negative"})
VULGAR: dict[str, float] = {
    "½": 0.5, "⅓": 1 / 3, "⅔": 2 / 3, "¼": 0.25, "¾": 0.75, "⅕": 0.2, "⅛": 0.125, "⅙": 1 / 6,
}
#: Every word that can be part of a spelled-out number (used by the extractor to grow spans).
NUMBER_WORDS = frozenset(ONES) | frozenset(TENS) | frozenset(SCALES) | frozenset(MULTIPLIERS) \
    | {"half", "halves", "quarter", "quarters", "point"} - {"none"}
#: Tens and units written as one word (``twentyfifth``, ``fortytwo``): a start for the extractor.
COMPOUND_WORDS = frozenset(t + o for t in TENS for o in list(ONES)[1:10] + [w for w, n in ORDINALS.items() if n < 10])
#: Words that read as two of the plural noun after ``of`` (``a couple of days``): a start for the extractor too.
PAIR_WORDS = frozenset({"couple"})



#: Entity types whose numbers are parts of a name, not amounts (``World War Two``, ``Boeing 737``).
NAME_LABELS = frozenset({"PERSON", "ORG", "PRODUCT", "EVENT", "WORK_OF_ART", "FAC", "LAW", "LANGUAGE", "GPE", "LOC", "NORP"})


#: Entity types a number may be *about* (``220 Russian soldiers``).
RELATED_LABELS = frozenset({"NORP", "GPE", "ORG", "PERSON", "LOC", "FAC", "PRODUCT"})


#: Nouns that make the following number a label (``Section 427``, ``version two``).
ID_NOUNS = frozenset({
    "no", "no.", "nos", "number", "#", "version", "section", "row", "room", "flight", "route", "highway",
    "chapter", "article", "page", "part", "phase", "stage", "level", "season", "episode", "game", "round",
    "volume", "vol", "vol.", "act", "grade", "class", "type", "category", "platform", "gate", "terminal",
    "seat", "tier", "step", "model", "series", "unit", "apartment", "suite", "box", "exit", "interstate",
})


#: Nouns that number the groups of a competition in lower case as well (``their group two game``; see labels.numbered_group).
GROUP_NOUNS = frozenset({"group", "pool", "division", "heat", "leg", "league", "conference", "zone", "bracket"})

#: Stock indices named with a number (``S&P 500``, ``FTSE 100``): the number is part of the name.
INDEX_NAMES = frozenset({"s&p", "sp", "ftse", "nasdaq", "russell", "nikkei", "cac", "dax", "asx", "stoxx", "kospi",
                         "sensex", "nifty", "topix", "ibex", "aex", "omx", "mib"})


STREET_WORDS = frozenset({"road", "rd", "street", "st", "avenue", "ave", "way", "lane", "ln", "drive", "dr", "boulevard",
                          "blvd", "place", "pl", "court", "ct", "terrace", "highway", "parkway", "crescent"})


QUALIFIERS: dict[tuple[str, ...], str] = {
    **{tuple(p.split()): "lower_bound" for p in (
        "more than", "over", "above", "at least", "in excess of", "upwards of", "exceeding", "greater than",
        "no less than", "not less than", "no fewer than", "a minimum of", "minimum of", "at a minimum",
        "higher than", "larger than", "well over", "just over", "beyond", "more then", "over than",
        "bigger than", "more than or equal to", "greater than or equal to", "bigger than or equal to",
        "larger than or equal to", "higher than or equal to", "greater or equal than", "bigger or equal than",
        "higher or equal than", "larger or equal than", "more or equal than", "at least or equal to",
        "exceed", "exceeds", "exceeded", "exceeding", "surpass", "surpasses", "surpassed", "surpassing",
        "north of", ">", ">=", "> =", "≥",
    )},
    **{tuple(p.split()): "upper_bound" for p in (
        "up to", "less than", "fewer than", "under", "below", "at most", "no more than", "not more than",
        "a maximum of", "maximum of", "just under", "lower than", "as many as", "as much as", "as high as",
        "within", "shy of", "short of",
        "smaller than", "less than or equal to", "smaller than or equal to", "lower than or equal to",
        "fewer than or equal to", "less or equal than", "smaller or equal than", "lower or equal than",
        "<", "<=", "< =", "≤",
    )},
    **{tuple(p.split()): "approx" for p in (
        "about", "around", "approximately", "roughly", "some", "nearly", "almost", "circa", "c.", "~", "≈",
        "an estimated", "estimated", "close to", "approx.", "approx", "around about", "or so", "somewhere around",
        "an average of", "on average",
    )},
}


QUAL_MAX = max(len(k) for k in QUALIFIERS)


RIGHT_QUALIFIERS: dict[tuple[str, ...], str] = {
    ("plus",): "lower_bound", ("+",): "lower_bound", ("or", "so"): "approx",
    **{(c, w): "lower_bound" for c in ("or", "and") for w in ("more", "greater", "higher", "above", "over")},
    **{(c, w): "upper_bound" for c in ("or", "and") for w in ("less", "fewer", "lower", "below", "under")},
}


BOUNDS = ("lower_bound", "upper_bound")


SYMBOLS = frozenset({"<", ">", "<=", ">=", "≤", "≥"})


INCREASE = frozenset({"rise", "increase", "gain", "grow", "climb", "jump", "advance", "surge", "soar", "rally",
                      "add", "boost", "raise", "up", "rocket", "spike", "expand", "improve", "lift", "widen"})


DECREASE = frozenset({"fall", "drop", "decrease", "decline", "lose", "slip", "slide", "sink", "plunge", "tumble",
                      "cut", "shed", "down", "dip", "shrink", "reduce", "lower", "slump", "ease", "retreat", "narrow"})


SCALE_WORDS = frozenset(SCALES) | frozenset(MULTIPLIERS) | frozenset(SCALE_ABBREV)


RANGE_LINKS = frozenset({"to", "-", "–", "—", "through", "thru"})


ARTICLES = frozenset({"a", "an"})


#: Words spaCy puts into DATE entities around plain amounts (``between 5 and 10``, ``one and a half``).
DATE_NEUTRAL = frozenset({"a", "an", "and", "-", "between", "to", "from", "about", "around", "over", "under",
                           "more", "than", "up", "some", "nearly", "almost", "at", "least", "per"})


DASHES = frozenset({"-", "–", "—"})

#: Calendar nouns and the words that make them a date rather than a count (``to 900 last year``).
CALENDAR_NOUNS = frozenset({"year", "month", "week", "day", "quarter"})
DATE_DEICTICS = frozenset({"last", "next", "this", "previous", "past"})


ONES_UNDER_TEN = frozenset(w for w, n in ONES.items() if 0 < n < 10)


#: Words a spelled-out group can start with after a grouping comma (``million, two hundred``).
GROUP_STARTS = frozenset(w for w in ONES if w not in ("none", "nil")) | frozenset(TENS) \
    | COMPOUND_WORDS


SCALE_ORDINALS = frozenset({"hundredth", "thousandth", "millionth", "billionth", "trillionth"})


#: Glued to digits but split off by the tokenizer (``100K``, ``1.2M``); ``B``/``T`` only after a currency (``Class 3B``).
GLUED_SCALE_TOKENS = {"k": 1e3, "K": 1e3, "M": 1e6, "MM": 1e6, "bn": 1e9, "Bn": 1e9, "BN": 1e9, "mn": 1e6,
                       "mln": 1e6, "bln": 1e9, "tn": 1e12, "tln": 1e12, "trn": 1e12, "trln": 1e12}


#: Scale abbreviations that stay a scale even when spaced (``10 bln``): none of them is a unit.
SPACED_SCALE_TOKENS = frozenset({"bn", "mn", "mln", "bln", "tln", "trn", "trln", "MM", "Mln", "Bln", "MLN", "BLN"})
#: Capital letters that are a scale when a currency word follows (``2.5B dollars``, ``1.2T yen``).
LETTER_SCALES = {"B": 1e9, "b": 1e9, "T": 1e12, "M": 1e6, "K": 1e3, "k": 1e3}
#: Plural scales that make a vague amount (``hundreds of``, ``tens of thousands``) and the order each starts at.
VAGUE_SCALES = {**{w + "s": v for w, v in SCALES.items()}, "tens": 10.0, "dozens": 12.0}


GROUP_TAIL = re.compile(r"^\d{3}\.\d+$")


#: Lower-case words news glues to a number with a hyphen, and the qualifier each gives (``""``: none).
GLUED_WORDS: dict[str, str] = {"sub": "upper_bound", "under": "upper_bound", "over": "lower_bound", "near": "approx",
                               "nearly": "approx", "almost": "approx", "now": "", "then": ""}


#: Adjectives news puts between a number and its unit without changing the unit (``three straight days``).
UNIT_ADJECTIVES = frozenset({"previous", "consecutive", "straight", "successive", "full", "whole", "entire", "long",
                             "more", "additional", "extra", "further", "past", "last", "next", "remaining", "subsequent",
                             "following", "solid"})


#: Adjectives of measure: after one, a word that is also a length symbol is the length (``2 in thick``).
MEASURE_ADJECTIVES = frozenset({"tall", "long", "wide", "thick", "deep", "high", "across", "thin", "broad", "square"})


#: Straight quotes used as prime marks after a number: feet and inches.
PRIMES = {"'": "ft", '"': "″"}


#: Nouns for things that last: a hyphenated duration before them (``a two-year ban``) says how long.
SPAN_NOUNS = frozenset({
    "period", "term", "sentence", "contract", "deal", "ban", "suspension", "stint", "spell", "tenure", "career",
    "hiatus", "break", "absence", "gap", "delay", "wait", "lease", "warranty", "moratorium", "freeze", "pause",
    "investigation", "inquiry", "probe", "study", "trial", "war", "conflict", "campaign", "programme", "program",
    "project", "mission", "journey", "trip", "voyage", "tour", "stay", "run", "streak", "drought", "battle",
    "struggle", "recession", "slump", "occupation", "siege", "lockdown", "closure", "shutdown", "strike",
    "residency", "apprenticeship", "internship", "sabbatical", "extension", "renovation", "restoration",
    "construction", "refurbishment", "overhaul", "maintenance", "upgrade", "window", "cycle", "span", "stretch",
    "interval", "lifespan", "relationship", "marriage", "partnership", "membership", "subscription", "exile",
    "imprisonment", "detention", "hold", "halt", "truce", "ceasefire", "shift", "course", "process", "search",
    # events, which last as long as the figure says (``the six-hour hearing``, ``a two-day summit``)
    "hearing", "meeting", "session", "summit", "conference", "convention", "festival", "ceremony", "celebration",
    "concert", "show", "performance", "debate", "talk", "negotiation", "deliberation", "interview", "testimony",
    "interrogation", "speech", "filibuster", "vigil", "rally", "protest", "march", "sit-in", "standoff", "chase",
    "manhunt", "rescue", "operation", "surgery", "procedure", "flight", "drive", "ride", "walk", "hike", "trek",
    "expedition", "cruise", "visit", "vacation", "holiday", "leave", "layover", "commute", "outage", "blackout",
    "curfew", "quarantine", "fast", "ordeal", "marathon", "workshop", "seminar", "retreat", "training", "game",
    "match", "race", "event", "episode", "broadcast", "livestream", "stream",
})


PERSON_PRONOUNS = frozenset({"he", "she", "i", "you", "we", "they", "who"})


DECIMAL = re.compile(r"\d\.\d")
#: A figure written with a scale (``290 mln``, ``4bn``, ``1.2 billion``): an amount whose unit may be left implied.
SCALED = re.compile(r"(?i)\d\s*(?:million|billion|trillion|mln|bln|mn|bn|tn|trn)\b|\dm\b")
#: Words that compare a figure with one before it, so it is written without the unit (``from 290 mln``).
COMPARISON_WORDS = frozenset({"from", "vs", "vs.", "versus", "against"})


class Kind(StrEnum):
    """What a number row is; one list for the code, ``bench/``, ``sql/`` and the report."""

    CARDINAL = "cardinal"
    ORDINAL = "ordinal"
    RANGE = "range"
    MONEY = "money"
    PERCENT = "percent"
    QUANTITY = "quantity"
    DURATION = "duration"

#: Nouns that make ``a``/``an`` a rate after money or a measure (``1.20 dlrs a share``), besides every unit.
PER_NOUNS = frozenset({"share", "head", "person", "game", "match", "race", "inning", "innings", "season", "shift", "piece", "unit", "ticket", "seat", "household", "car", "vehicle",
                       "passenger", "customer", "employee", "student", "pupil", "patient", "bottle", "pack",
                       "packet", "meal", "night", "room", "acre", "hectare", "tonne", "ton", "barrel", "gallon",
                       "dozen", "pair"})

#: Plural nouns a year qualifies rather than a count counts (``1987 earnings``, ``2020 elections``; ``1998 cars`` counts).
YEAR_NOUNS = frozenset({"earning", "earnings", "result", "sale", "profit", "revenue", "figure", "account", "level",
                        "price", "forecast", "estimate", "election", "budget", "loss", "return", "tax", "target",
                        "dividend", "payment", "shipment", "export", "import", "delivery", "crop", "harvest", "plan",
                        "olympics", "games", "championship", "accounts", "finances", "numbers", "rates", "sales"})

#: Events a year before them dates (``the 1998 bombings``, ``its 2011 floods``), read so after a determiner
#: only: ``the 2000 people`` and a count of events written without one stay counts.
EVENT_NOUNS = frozenset({"shooting", "bombing", "attack", "killing", "massacre", "riot", "protest", "flood",
                         "earthquake", "fire", "wildfire", "storm", "hurricane", "blast", "explosion", "murder",
                         "strike", "uprising", "war", "crash", "outbreak", "talk", "poll", "midterm", "primary",
                         "playoff", "final", "coup", "raid", "invasion", "assault", "crackdown", "demonstration",
                         "eruption", "drought", "heatwave", "famine", "clash", "stabbing", "kidnapping", "hijacking",
                         "purge", "reform", "sanction", "layoff", "cut", "hike"})

#: Adjectives of a product's age, size or state: a bare three-figure number after one names a model (``the larger 747``).
PRODUCT_ADJECTIVES = frozenset({"new", "old", "latest", "used", "larger", "smaller", "bigger", "older", "newer",
                                "upgraded", "updated", "classic", "vintage", "revamped", "redesigned", "stretched",
                                "refurbished", "restored", "iconic", "ageing", "aging", "grounded", "best-selling",
                                "beloved", "ill-fated", "troubled", "cheaper", "faster", "rival", "second-hand"})

#: What a resolution names before it (``4K televisions``, ``8K video``): ``4K`` there is a standard, not 4,000.
SCREEN_NOUNS = frozenset({"tv", "tvs", "television", "video", "resolution", "screen", "streaming", "stream",
                          "display", "monitor", "camera", "content", "footage", "uhd", "hdr", "projector", "panel",
                          "movie", "film", "blu-ray", "gaming", "ultra", "oled", "qled"})

#: Words that make a figure before an event noun the event's year (``the 1998 bombings``, ``Peru's 1970 floods``).
YEAR_DETERMINERS = frozenset({"the", "its", "their", "his", "her", "our", "this", "those", "'s", "’s"})

#: Counted nouns as wire copy abbreviates them, and the lemma they stand for (``12.5 mln shrs``).
WIRE_NOUNS = {"shr": "share", "shrs": "share", "dlr": "dollar", "dlrs": "dollar", "cts": "cent", "pct": "percent",
              "mln": "million", "bln": "billion", "stg": "sterling", "mths": "month", "wks": "week", "yrs": "year"}

#: Nouns a figure after them measures (``Total 45``), so a capital does not make them a label.
AGGREGATE_NOUNS = frozenset({"total", "average", "sum", "population", "attendance", "turnout"})

#: Nouns that hold a count of what follows their ``of`` (``the number of licensed vendors rose to 40``): the level
#: or change a verb gives them counts that noun.
TALLY_NOUNS = frozenset({"number", "total", "tally", "count", "pool", "toll", "list", "roster", "ranks", "field"})

#: Verbs whose object is the level a tally reaches (``the tally of cases hit 120``).
LEVEL_VERBS = frozenset({"reach", "hit", "top", "pass", "exceed", "surpass", "near", "stand"})


#: Label nouns that name what follows whatever the tagger makes of them (``update to version 2.0``).
LABEL_NOUNS = frozenset({"version", "section", "chapter", "flight", "route", "highway", "interstate", "platform",
                         "terminal", "no.", "nos", "#"})


#: Words the database names a unit that news mostly uses as ordinary nouns (``two bars``, ``three drops``).
COMMON_NOUNS = frozenset({
    "bar", "bars", "drop", "drops", "quarter", "quarters", "span", "spans", "shake", "shakes", "real", "reals",
    "pond", "ponds", "league", "leagues", "mill", "mills", "mil", "mils", "gal", "gals", "candle", "candles",
    "mole", "moles", "quad", "quads", "franklin", "franklins", "rad", "rads", "henry", "henries", "gray", "grays",
    "stoke", "stokes", "peck", "pecks", "barn", "barns", "ell", "ells", "dot", "dots", "nit", "nits", "tex",
    "pel", "pels", "rhe", "rhes", "bit", "bits", "point", "points", "set", "sets", "pair", "pairs", "line",
    "lines", "pace", "paces", "mark", "marks", "grain", "grains", "block", "blocks", "stone", "stones", "unit",
    "units", "gross", "score", "scores", "hand", "hands", "finger", "fingers", "tick", "ticks", "wrap", "wraps",
    "cord", "cords", "rod", "rods", "perch", "pole", "poles", "chain", "chains", "link", "links", "cable",
    "cables", "shot", "shots", "dash", "pinch", "smidgen", "tablet", "tablets", "ream", "reams", "bale", "bales",
    "bag", "bags", "box", "boxes", "case", "cases", "sheet", "sheets", "pixel", "pixels",
    "quarter", "dime", "dimes", "rand", "rands", "won", "wons", "age", "ages", "era", "eras",
})
#: Lower-case symbols that are English words or times of day (``in``, ``am``, ``pm``): never units on their own.
WORD_SYMBOLS = frozenset({"in", "am", "pm", "as", "at", "pt", "cd", "da", "do", "is", "it", "no", "on", "or", "to",
                          "mb", "b", "s", "yd", "cc", "st", "nd", "rd", "th", "ab", "ac", "au", "bu", "den", "dam",
                          "fur", "gal", "lea", "sb", "fb", "ly", "pk", "qr", "thm", "ka", "ky", "hs", "ua", "yb",
                          "zb", "nb", "tb", "pb", "St"})  # ``St`` Saint (``1 St Mirren 1``), not stokes


#: Verbs whose ``at N`` is the age something happened at (``died at 94``).
AGE_VERBS = frozenset({"die", "retire", "pass", "marry", "debut"})
