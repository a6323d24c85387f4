"""Currencies: what a symbol, ISO code, name or wire abbreviation next to a number names.

ISO 4217 codes, names and symbols come from Babel's CLDR data (the English
locale's symbols, and each English-speaking territory's own: ``R`` in South
Africa, ``Ksh`` in Kenya), named as quantulum3 names the currency where it
has it, so a currency has one name however it was written. The tables below
are the context decisions the data cannot make (``pounds`` is money or mass;
``marks`` is money only after a scale word; wire abbreviations ``dlrs``,
``cts``, ``stg``); the tables built from the data are kept on disk (``tasks.diskcache``).
"""
from __future__ import annotations

import functools

from tasks.diskcache import on_disk
from tasks.numbers.lexicon import WORD_SYMBOLS
from tasks.numbers.units import DB_NAMES, lookup, quantulum3_load

#: Tables built from Babel and quantulum3 (and our unit names) are kept on disk, as the units are.
_STORED = on_disk("quantulum3", "babel", modules=("tasks.numbers.units", "tasks.numbers.lexicon"))

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
    "Dh": "united arab emirates dirham",  # as the Gulf press writes the dirham (``Dh5 billion``)
}
#: Currency words after a number; an adjective before them refines the name (``Australian dollars``).
CURRENCY_WORDS: dict[str, str] = {
    "dollar": "dollar", "dollars": "dollar", "euro": "euro", "euros": "euro",
    "sterling": "pound sterling", "yen": "japanese yen", "yuan": "chinese yuan",
    "renminbi": "chinese yuan", "rupee": "rupee", "rupees": "rupee",  # six countries' currency: no country alone
    "shekel": "shekel", "shekels": "shekel", "ruble": "russian ruble", "rubles": "russian ruble",
    "rouble": "russian ruble", "roubles": "russian ruble", "franc": "swiss franc", "francs": "swiss franc",
    "peso": "peso", "pesos": "peso", "rand": "south african rand", "ringgit": "malaysian ringgit",
    "won": "south korean won", "cent": "cent", "cents": "cent", "pence": "penny", "penny": "penny",
    # wire-service abbreviations (``five mln dlrs``, ``40 cts``, ``10 mln stg``)
    "dlr": "dollar", "dlrs": "dollar", "cts": "cent", "ct": "cent", "stg": "pound sterling",
    "USD": "dollar", "EUR": "euro", "GBP": "pound sterling", "JPY": "japanese yen",
    "AUD": "australian dollar", "CAD": "canadian dollar", "HKD": "hong kong dollar", "CHF": "swiss franc",
    "bitcoin": "bitcoin", "bitcoins": "bitcoin",
}

#: Crypto-currency tickers after an amount (``200 ETH``, ``3 million USDT``): money no ISO table lists. Read in
#: capitals only, so ``sol`` and ``ada`` stay words.
CRYPTO_TICKERS = {"BTC": "bitcoin", "XBT": "bitcoin", "ETH": "ether", "USDT": "tether", "USDC": "usd coin",
                  "XRP": "xrp", "SOL": "solana", "DOGE": "dogecoin", "LTC": "litecoin", "ADA": "cardano",
                  "BNB": "bnb"}
#: Words that are a currency only after a scale word (``3.4 billion marks``; ``three marks`` are grades).
SCALED_CURRENCY = {"mark": "german mark", "marks": "german mark", "guilder": "dutch guilder",
                   "guilders": "dutch guilder", "lira": "italian lira", "lire": "italian lira"}
#: English words agencies use for a currency CLDR names in its own language (``Norwegian crowns``).
ENGLISH_NAMES = {"krone": {"crown", "crowns"}, "krona": {"crown", "crowns"}, "koruna": {"crown", "crowns"}}
#: ``pounds`` is money after a scale word (``20 million pounds``) and mass otherwise.
AMBIGUOUS_POUND = frozenset({"pound", "pounds"})
CENT_WORDS = ("cent", "cents", "ct", "cts")
#: CLDR names' last words that are ordinary English words, not money on their own.
_NOT_MONEY_ALONE = frozenset({"account", "code", "currency", "funds", "rights", "value", "real", "reals", "sol",
                              "silver", "gold", "platinum", "palladium", "unit", "units", "soles"})
#: Words our tables decide, or that are not money alone: the shared-word readings never take them.
_OURS = frozenset({*CURRENCY_WORDS, *SCALED_CURRENCY, *AMBIGUOUS_POUND, *_NOT_MONEY_ALONE})
#: Country words before ``dollars`` that CLDR's currency names do not spell that way (see :func:`currency_phrase`).
CURRENCY_ADJ: dict[str, str] = {
    "taiwan": "new taiwan dollar", "u.s.": "dollar", "us": "dollar",  # ``1.5 billion U.S. dlrs`` are plain dollars
}


def currency_prefix(surface: str) -> str | None:
    """The currency of a symbol or code written before a number (``$``, ``HK$``, ``$US``, ``SEK``, ``NT$``, ``R$``, ``Ksh``)."""
    return CURRENCY_PREFIX.get(surface) or currency_code(surface) or _symbols().get(surface) \
        or (_local_symbols().get(surface) if len(surface) > 1 or not surface.isalpha() else None)


def letter_prefix(surface: str, scaled: bool) -> str | None:
    """A single-letter local symbol glued before a scaled number (``R2.5 million``, ``R50bn``: rand).

    Without a scale ``R2`` is as likely a road, a grade or a model, so the letter alone is not enough.
    """
    return _local_symbols().get(surface) if scaled and len(surface) == 1 and surface.isupper() else None


#: Currency signs as an ASCII transliteration writes them (``£`` -> ``PS``, ``¥`` -> ``Y=``): scraped text folded to ASCII.
FOLDED_SIGNS = {"PS": "pound sterling", "Y=": "japanese yen"}
#: Signs written after the figure that CLDR lists for no currency of its own (``71¢``).
SIGNS_AFTER = {"¢": "cent"}


def folded_prefix(surface: str, token: str, scaled: bool) -> str | None:
    """``PS2.7m``, ``Y=40 billion``: a currency sign that text folded to ASCII wrote in letters.

    ``PS`` is money only with a decimal, a thousands comma or a scale
    (``PS4``, ``PS5`` are game consoles); ``Y=`` is never anything but yen.
    """
    if surface == "PS" and not (scaled or "." in token or "," in token):
        return None
    return FOLDED_SIGNS.get(surface)


def local_symbol_after(surface: str, follower: str | None) -> str | None:
    """A currency symbol as English-language press of its country writes it, after the number (``500 Ksh``, ``18 R.``).

    A single letter (``R``, ``P``) is that currency only where the phrase
    ends; before a word it is an initial or a grade.
    """
    if len(surface) == 2 and surface.endswith(".") and (follower is None or not follower.isalnum()):
        surface = surface[:-1]  # ``18 R.``: the tokenizer keeps the full stop on a capital
    if len(surface) == 1 and (follower is not None and follower.isalnum() or lookup(surface) is not None):
        return None
    return _local_symbols().get(surface)


def alpha_prefix(surface: str) -> bool:
    """Whether a word before a number is a currency: a code (``SEK``), or a symbol with a lower-case letter (``Ksh``, ``Rs``)."""
    return currency_code(surface) is not None or surface in ("RMB", "Rs", "RM") \
        or (len(surface) > 1 and not surface.isupper() and surface in _local_symbols())


@_STORED
def _local_symbols() -> dict[str, str]:
    """CLDR's symbol for each English-speaking territory's currency (``R`` in South Africa, ``Ksh`` in Kenya).

    Only English locales (``en_ZA``, ``en_KE``): the press we read is in
    English. A symbol two territories share (``kr``, ``Rs``) is left out, and
    so are two capitals (``SR``, ``MK``), which news uses for acronyms.
    """
    from babel import Locale, localedata
    from babel.numbers import get_territory_currencies

    found: dict[str, set[str]] = {}
    for ident in localedata.locale_identifiers():
        if not ident.startswith("en_") or not (loc := Locale.parse(ident)).territory:
            continue
        code = next(iter(get_territory_currencies(loc.territory)), None)
        symbol = loc.currency_symbols.get(code) if code else None
        if symbol and symbol != code and not symbol.isdigit():
            found.setdefault(symbol, set()).add(code)
    codes = _codes()
    return {symbol: codes[next(iter(c))] for symbol, c in found.items() if len(c) == 1 and next(iter(c)) in codes
            and symbol not in CURRENCY_PREFIX and symbol not in WORD_SYMBOLS and not (len(symbol) == 2 and symbol.isupper())}


@_STORED
def _symbols() -> dict[str, str]:
    """CLDR's English currency symbols (``NT$``, ``MX$``, ``R$``, ``₱``) by way of Babel, named as the code is."""
    from babel.numbers import get_currency_symbol, list_currencies

    out: dict[str, str] = {}
    for code in list_currencies():
        symbol = get_currency_symbol(code, locale="en")
        if symbol != code and symbol != "¤" and " " not in symbol and "\u202f" not in symbol and code in _codes():
            out[symbol] = _codes()[code]
    return out


#: ISO 4217 codes that are also English words or common abbreviations; a capitalised headline has plenty.
CODE_WORDS = frozenset({"ALL", "CUP", "TOP", "PEN", "MOP", "BAM", "SOS", "MAD", "GEL", "AMD", "BOB", "TRY", "SAR",
                        "STD", "XXX", "XTS", "XAU", "XAG", "XPT", "XPD"})


#: Codes among CODE_WORDS that are money before a scaled figure (``SAR 40 million``); ``ALL``, ``TOP`` stay words.
SCALED_CODES = frozenset({"SAR", "TRY", "MAD", "AMD", "GEL", "PEN", "MOP", "BAM"})


def scaled_code(surface: str) -> str | None:
    """A code that is also a word or an acronym, read as money only before a scaled figure (``SAR 40 million``)."""
    return _codes().get(surface) if surface in SCALED_CODES else None


def currency_code(surface: str) -> str | None:
    """The currency an ISO 4217 code names (``SEK`` is ``swedish krona``), from CLDR via Babel.

    The name is quantulum3's where it has the currency (``CHF`` is ``swiss
    franc``), so a currency has one name whichever way it was written.
    """
    if len(surface) != 3 or not surface.isupper() or not surface.isalpha() or surface in CODE_WORDS:
        return None
    return _codes().get(surface)


@_STORED
def _codes() -> dict[str, str]:
    from babel.numbers import get_currency_name, list_currencies

    names = {code: get_currency_name(code, locale="en").lower() for code in list_currencies()}
    for unit in quantulum3_load().units().names.values():
        if unit.currency_code and unit.name != "united states dollar":
            names[unit.currency_code] = DB_NAMES.get(unit.name, unit.name)
    return names


def currency_phrase(words: list[str]) -> tuple[str, int] | None:
    """The currency a country word and a currency word name (``French francs``, ``H.K. dlrs``), and their length.

    Every CLDR currency name (via Babel) is such a phrase, so ``Saudi riyals``,
    ``Danish kroner`` and ``Hong Kong dollars`` need no table of ours; agencies
    shorten a country of two words to its initials (``H.K.``, ``N.Z.``).
    """
    return next(((name, n) for n in (2, 3) if len(words) >= n and (name := _phrases().get(tuple(words[:n])))), None)


def starts_phrase(word: str) -> bool:
    """Whether a lower-case word can begin a currency phrase (``french``, ``h.k.``): a cheap test before building one."""
    return (word,) in _phrases()


@_STORED
def _phrases() -> dict[tuple[str, ...], str]:
    from babel.numbers import get_currency_name, list_currencies

    out: dict[tuple[str, ...], str] = {}
    codes = _codes()
    for code in list_currencies():
        one, many = get_currency_name(code, locale="en").lower().split(), get_currency_name(code, count=2, locale="en").lower().split()
        if "(" in " ".join(one) or len(one) < 2 or len(one) > 3 or len(many) != len(one):
            continue  # historical issues (``Argentine Peso (1881–1970)``) and long names
        adj, name = one[:-1], DB_NAMES.get(codes.get(code, ""), codes.get(code, " ".join(one)))
        initials = "".join(w[0] for w in adj)
        forms = [adj] + ([[initials], [".".join(initials) + "."]] if len(adj) == 2 and initials not in WORD_SYMBOLS else [])
        for form in forms:
            wire = {"dlr", "dlrs"} if one[-1] == "dollar" else {w for w, n in SCALED_CURRENCY.items() if n == name}
            for word in {one[-1], many[-1]} | wire | ENGLISH_NAMES.get(one[-1], set()):  # ``Italian lire``
                out.setdefault((*form, word), name)
            if one[-1] == "dollar":  # ``42 Canadian cts a share``: a dollar's hundredth is the cent, as ``US cents``
                out.update({(*form, word): "cent" for word in CENT_WORDS})
    for adj, name in CURRENCY_ADJ.items():
        for word in ("dollar", "dollars", "dlr", "dlrs"):
            out[(*adj.split(), word)] = name
        if name == "dollar":
            out.update({(*adj.split(), word): "cent" for word in CENT_WORDS})  # ``72.5 US cents``
    out.update({phrase[:1]: "" for phrase in list(out)})  # first words, so most words are turned away at once
    return out


def currency_word(surface: str) -> str | None:
    """The currency a word after a number names (``euros``, ``cents``, ``USD``, ``NOK``, ``naira``, ``dinars``)."""
    return CURRENCY_WORDS.get(surface) or CURRENCY_WORDS.get(surface.lower()) or CRYPTO_TICKERS.get(surface) \
        or currency_code(surface) \
        or (_own_words().get(surface.lower()) or in_use(surface.lower()) if surface.isalpha() else None)


def in_use(word: str) -> str | None:
    """The currency a word names that several currencies share, by those in use today: the one
    currency of that name still in use (``kyat``, ``koruna``: the others are history), else the
    word itself (``20 million dinars`` is ``dinar``, as a ``rupee`` of no country is), which
    the country a sentence names can make one (:func:`countries_of`). A word no currency in use
    bears is the past one that bore it, if only one did (``pesetas``)."""
    found = _in_use().get(word)
    if found is None:  # no currency of the word is in use: the past's, if one (``pesetas``)
        past = set(_ever().get(word, {}).values()) if word not in _OURS and lookup(word) is None else set()
        return next(iter(past)) if len(past) == 1 else None
    generic, by_country = found
    names = set(by_country.values())
    return next(iter(names)) if len(names) == 1 else generic


def countries_of(word: str) -> dict[str, str]:
    """For a currency word several countries' currencies bear or bore (``dinars``, ``francs``, ``lira``,
    ``pesetas``), each country's (ISO code) currency of that name (``IQ``: ``iraqi dinar``); empty when
    one currency alone is so called, and for the words whose reading is never a country's (``dollars``)."""
    by_country = _ever().get(word.lower(), {})
    return by_country if len(set(by_country.values())) > 1 else {}


#: Words whose bare reading is ours whatever country a text names: ``dollars`` is the US dollar (and
#: NewsQuant's plain ``dollar``), ``pounds`` sterling or mass by context, ``cents`` a dollar's.
_OWN_READING = frozenset({"dollar", "dollars", "dlr", "dlrs", *CENT_WORDS, "euro", "euros", "pound", "pounds",
                          "sterling", "stg", "penny", "pence"})


@_STORED
def _ever() -> dict[str, dict[str, str]]:
    """A currency word (``francs``, ``lira``, ``pesetas``, ``riyals``) -> each country's currency of that
    name, in use today or in the past, from CLDR's history of legal tender: copy of 1987 means Spain's
    peseta and France's franc as today's means Turkey's lira. Where a country had two of one name, the
    one in use today, else the latest."""
    from babel.core import get_global

    best: dict[str, dict[str, tuple[tuple, str]]] = {}
    for country, spans in get_global("territory_currencies").items():
        for code, _start, end, tender in spans:
            if not tender or code not in _codes():
                continue
            words = _names_of(code)
            words |= {w for word in words for w in ENGLISH_NAMES.get(word, ())}  # ``Swedish crowns``
            rank = (end is None, end or ())
            for word in words - _OWN_READING:
                held = best.setdefault(word, {}).get(country)
                if word.isalpha() and (held is None or rank > held[0]):
                    best[word][country] = (rank, _codes()[code])
    return {word: {c: name for c, (_, name) in by.items()} for word, by in best.items() if by}


@_STORED
def _in_use() -> dict[str, tuple[str, dict[str, str]]]:
    """A currency word that currencies in several countries share (``dinar``, ``lei``, ``riyal``,
    ``shilling``: the words :func:`_own_words` leaves unread) -> (the word in the singular, each
    country's currency of that name), from CLDR's currencies in use today (legal tender, no end
    date). Words our tables already decide (``dollar``, ``franc``, ``marks``, ``pounds``) are theirs."""
    from babel.core import get_global
    from babel.numbers import get_currency_name

    by_singular: dict[str, dict[str, str]] = {}  # ``dinar`` -> {``IQ``: ``iraqi dinar``, ...}
    singular_of: dict[str, str] = {}  # ``dinars`` -> ``dinar``
    for country, spans in get_global("territory_currencies").items():
        for code, _start, end, tender in spans:
            if end is not None or not tender or code not in _codes():
                continue
            singular = get_currency_name(code, locale="en").lower().split()[-1]
            by_singular.setdefault(singular, {})[country] = _codes()[code]
            singular_of.update(dict.fromkeys(_names_of(code), singular))
    return {word: (singular, by_singular[singular]) for word, singular in singular_of.items()
            if word.isalpha() and word not in _OURS and word not in _own_words() and lookup(word) is None}


@_STORED
def _own_words() -> dict[str, str]:
    """``3,000 naira``, ``40 million zlotys``: a currency's own word, where only one currency is called so.

    From every CLDR name (via Babel), singular and plural; a word that two
    currencies share (``dinar``, ``lira``, ``peso``), that is an English noun
    (``real``) or a unit (``dram``) stays unread, and the wire's words are ours.
    """
    seen: dict[str, set[str]] = {}  # a word without its plural s -> the currencies called so
    for code, name in _codes().items():
        for word in _names_of(code):
            seen.setdefault(word.rstrip("s"), set()).add(name)
    return {word: next(iter(names)) for code in _codes() for word in _names_of(code)
            if len(names := seen[word.rstrip("s")]) == 1 and word.isalpha()
            and word not in _NOT_MONEY_ALONE and lookup(word) is None}


def _names_of(code: str) -> set[str]:
    """The last word of a currency's CLDR name, singular and plural (``naira``, ``zloty``/``zlotys``)."""
    from babel.numbers import get_currency_name

    return {get_currency_name(code, locale="en").lower().split()[-1],
            get_currency_name(code, count=2, locale="en").lower().split()[-1]}


def named(words: list[str]) -> tuple[str, int] | None:
    """A currency written as words after ``per``, ``against`` or ``to the``: a phrase, a word, the pound."""
    if words and words[0] in ("pound", "pounds", "sterling"):
        return "pound sterling", 1  # quoted against another currency, the pound is money
    if words and starts_phrase(words[0]) and (phrase := currency_phrase(words)):
        return phrase
    return (name, 1) if words and (name := currency_word(words[0])) else None


#: Words that quote a rate against another currency: ``43.3 per US dollar``, ``72.5 against the dollar``.
_QUOTED = {("per",): 1, ("against", "the"): 2, ("to", "the"): 2, ("a",): 1}


def exchange_rate(before: list[str], after: list[str]) -> tuple[str, int] | None:
    """``the rupee eased to 71.842 per US dollar``: a bare figure quoting one currency against another.

    ``before`` are the sentence's lower-case words before the figure (the quoted
    currency is the last one named there), ``after`` those after it. Returns
    the unit (``rupee per dollar``) and how many words after the figure
    it takes; None unless both currencies are named, so a bare ``per dollar``
    (``jobs per dollar``) is left to the per-units.
    """
    link = next(((words, n) for words, n in _QUOTED.items() if tuple(after[:n]) == words), None)
    quoted = named(after[link[1]:link[1] + 3]) if link else None
    if quoted is None:
        return None
    subject = next((found[0] for k in range(len(before) - 1, -1, -1)
                    if (found := named(before[k:k + 3])) and found[0] != quoted[0]), None)
    return (f"{subject} per {quoted[0]}", link[1] + quoted[1]) if subject else None


@functools.cache
def default_of(word: str) -> str | None:
    """The currency a currency's own word means alone (``franc`` Swiss, ``dollar`` US, ``mark`` German)."""
    return next((name for w, name in (*CURRENCY_WORDS.items(), *SCALED_CURRENCY.items())
                 if name.split()[-1] == word and w.rstrip("s") == word), None)


def warm() -> None:
    """Build the currency indexes now rather than on the first amount a worker meets."""
    _codes()
    _phrases()
    _symbols()
    _local_symbols()
    _own_words()
    _in_use()
    _ever()
