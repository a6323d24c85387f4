"""Canonical names for entity mentions within one article: pure string rules.

Users count entities, so "Mr Putin", "Putin" and "President Putin" must group
under one key with "Vladimir Putin". News writes a full name once and short
forms afterwards, so the article itself is the only dictionary we need: a
short form links to the longest compatible full name of the same type in the
same article, and to nothing when two full names compete for it ("John"
beside "John Kerry" and "John Smith" stays "John": a wrong merge corrupts
counts silently, a missed one only splits them). The one exception is a bare
surname two full names share: it is the person the article names first.

No spaCy here, so every rule is testable on plain strings.
"""
from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Sequence
from functools import lru_cache
from typing import NamedTuple

from cleanco import basename

from tasks.names import display_name, singular_group

PERSON = "PERSON"
PLACE_LABELS = frozenset({"GPE", "LOC"})
# Leading "the" is part of the name for titles of works ("The Godfather");
# for organisations and places it is grammar ("the Kremlin", "the US").
KEEPS_ARTICLE = frozenset({"WORK_OF_ART", "PRODUCT"})

# Honorifics and offices written before a name. Multi-word offices are matched
# as phrases, longest first, so "Secretary of State" goes before "Secretary".
_TITLES = [
    "mr", "mrs", "ms", "miss", "mx", "dr", "prof", "professor", "sir", "dame",
    "lord", "lady", "baroness", "baron", "president", "vice president",
    "president-elect", "prime minister", "deputy prime minister",
    "secretary of state", "secretary-general", "secretary general",
    "secretary", "chancellor", "minister", "foreign minister",
    "defence minister", "defense minister", "finance minister",
    "foreign secretary", "home secretary", "health secretary",
    "defence secretary", "defense secretary", "chancellor of the exchequer",
    "senator", "sen", "rep", "representative", "congressman", "congresswoman",
    "governor", "gov", "mayor", "ambassador", "king", "queen", "prince",
    "princess", "pope", "emperor", "sheikh", "ayatollah", "archbishop",
    "bishop", "cardinal", "rev", "reverend", "father", "rabbi", "imam",
    "general", "gen", "lieutenant", "lt", "colonel", "col", "major", "maj",
    "captain", "capt", "sergeant", "sgt", "admiral", "commander",
    "judge", "justice", "chief justice", "chairman", "chairwoman", "chair",
    "chief executive", "ceo", "director", "coach", "manager", "striker",
    "midfielder", "defender", "goalkeeper", "spokesman", "spokeswoman",
    "leader", "opposition leader", "detective", "inspector", "officer",
    "constable",
]
TITLES: tuple[tuple[str, ...], ...] = tuple(
    sorted({tuple(t.split()) for t in _TITLES}, key=len, reverse=True)
)
# Words that may precede an office without being part of the name:
# "former US Secretary of State John Kerry".
_TITLE_MODIFIERS = frozenset(
    {"former", "late", "then", "acting", "interim", "deputy", "vice", "ex",
     "assistant", "senior", "junior", "chief", "foreign", "state", "new",
     "outgoing", "incoming", "shadow"}
)
# Royal and religious styles go with a given name and are part of how the
# person is named: "Prince Charles" is not "Charles Kennedy"'s "Charles".
ROYAL_TITLES = frozenset(
    {"prince", "princess", "king", "queen", "pope", "emperor", "empress", "sheikh"}
)
# Trailing words that only say what kind of organisation a name is, so
# "Newry" is "Newry FC"; any other extra word may name a part ("AOL Europe",
# "BBC Sport") and blocks the link.
_ORG_DESIGNATORS = frozenset(
    {"fc", "afc", "cf", "club", "group", "holdings", "networks", "network",
     "investors", "international", "corporation", "company", "co", "inc",
     "corp", "ltd", "plc", "llc", "airlines", "airways", "bank", "party",
     "industries", "systems", "technologies", "communications",
     "entertainment", "pictures", "records", "partners", "capital",
     "ventures", "foundation", "institute", "association", "society",
     "university", "motors", "motor", "petroleum", "energy", "telecom",
     "media", "brothers", "bros", "&", "sons", "trust"}
)
HONORIFICS = frozenset({"mr", "mrs", "ms", "miss", "mx", "dr", "sir", "dame", "lord", "lady"})
_ACRONYM_SKIP = frozenset({"of", "the", "and", "for", "&", "de", "la", "du"})
_POSSESSIVE = re.compile(r"(?:['’`]s|(?<=s)['’])$", re.IGNORECASE)
_QUOTES = str.maketrans({"’": "'", "‘": "'", "`": "'", "“": '"', "”": '"', "–": "-", "—": "-"})


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """Lower-case, accent-free, dot-free form: the same name scraped with or
    without accents, "U.S." or "US", groups under one key."""
    text = text.translate(_QUOTES)
    if not text.isascii():  # ASCII has no accents to take off
        text = unicodedata.normalize("NFKD", text)
        text = "".join(c for c in text if not unicodedata.combining(c))
    text = text.replace(".", "").casefold()
    return " ".join(text.split())


def entity_key(label: str, canonical: str) -> str:
    """The grouping key across articles and runs: label plus folded name."""
    return f"{label}:{fold(canonical)}"


def _word(token: str) -> str:
    return token.rstrip(".,").casefold().translate(_QUOTES)


def strip_possessive(text: str) -> str:
    """"Russia's", "Russia’s" and "the Joneses'" name the owner, not a new entity."""
    return _POSSESSIVE.sub("", text.strip()).rstrip()


_TITLES_BY_FIRST: dict[str, list[tuple[str, ...]]] = {}
for _t in TITLES:
    _TITLES_BY_FIRST.setdefault(_t[0], []).append(_t)


def _title_at(words: Sequence[str], i: int) -> int:
    """Length of the longest office phrase starting at ``words[i]``, 0 if none."""
    for title in _TITLES_BY_FIRST.get(words[i], ()):
        if tuple(words[i : i + len(title)]) == title:
            return len(title)
    return 0


def strip_titles(text: str) -> str:
    """Drop leading offices and honorifics ("US Secretary of State John Kerry"
    -> "John Kerry"), never the whole name: "Prince" alone stays "Prince"."""
    tokens = text.split()
    words = [_word(t) for t in tokens]
    cut, i = 0, 0
    while i < len(tokens) - 1:
        n = _title_at(words, i)
        if n and words[i] in ROYAL_TITLES:
            cut = i  # "former King Constantine" -> "King Constantine"
            break
        if n:
            i += n
            cut = i
        elif words[i] in _TITLE_MODIFIERS or (
            tokens[i][:1].isupper() and i + 1 < len(tokens) and _title_at(words, i + 1)
        ):
            # A qualifier ("former", "US", "Russian") counts only if an office follows.
            i += 1
        else:
            break
    if cut >= len(tokens):
        return text
    return " ".join(tokens[cut:])


def strip_article(text: str, label: str) -> str:
    """Leading "the" is grammar for organisations and places, part of titles of works."""
    if label in KEEPS_ARTICLE:
        return text
    tokens = text.split()
    if len(tokens) > 1 and tokens[0].casefold() == "the":
        return " ".join(tokens[1:])
    return text


@lru_cache(maxsize=65536)
def strip_org_suffix(text: str) -> str:
    """"Apple Inc." and "Apple" are one company to a reader counting mentions.

    ``cleanco`` knows the legal forms of many countries (Corp, Co, AG, S.A.,
    GmbH, K.K.); it takes one off per call, so "Toyota Motor Corp Ltd" needs two.
    A name that is nothing but a legal form ("Co") stays as it is.
    """
    name = text
    while True:
        shorter = basename(name).rstrip(" ,")
        if not shorter or shorter == name or " " not in name:
            return name
        name = shorter


def clean_name(surface: str, label: str) -> str:
    """A mention's own name before any linking: no possessive, title, article."""
    name = " ".join(strip_possessive(surface).split())
    if label == PERSON:
        name = strip_titles(name)
    name = strip_article(name, label)
    if label == "ORG":
        name = strip_org_suffix(name)
    elif label == "NORP":
        name = singular_group(name)
    return name or surface.strip()


@lru_cache(maxsize=65536)
def name_tokens(name: str) -> tuple[str, ...]:
    return tuple(fold(name).split())


@lru_cache(maxsize=65536)
def _acronym_of(short: tuple[str, ...], long_name: str) -> bool:
    if len(short) != 1 or len(short[0]) < 2:
        return False
    initials = "".join(
        w[0] for w in long_name.replace("-", " ").split() if w.casefold() not in _ACRONYM_SKIP
    )
    return len(initials) >= 2 and fold(initials) == short[0]


def is_acronym(short: str, long_name: str) -> bool:
    """"API" of "American Petroleum Institute" (function words skipped)."""
    return _acronym_of(name_tokens(short), long_name)


# Words that say only what kind of body a name is, never which part of it:
# "Sony Pictures" and "Sony Music" are parts of Sony, "Sony Corp" is Sony.
_BODY_KINDS = frozenset(
    {"party", "fc", "afc", "cf", "club", "company", "corporation", "co", "inc", "corp", "ltd", "plc", "llc"}
)


def is_kind_prefix(short: str, long_name: str) -> bool:
    """"Labour" of "Labour Party", "Newry" of "Newry FC": the rest only says
    what kind of body it is, so the short name means the same one anywhere.
    The kind must be written as part of the name: "the Congress party" of
    India says nothing about "Congress" elsewhere."""
    s, l = name_tokens(short), name_tokens(long_name)
    rest = long_name.split()[len(s) :]
    return (
        0 < len(s) < len(l) and l[: len(s)] == s and all(w in _BODY_KINDS for w in l[len(s) :])
        and all(w[:1].isupper() for w in rest)
    )


def match_tier(short: str, long_name: str, label: str) -> int:
    """How ``short`` can be a short form of ``long_name`` (same label); 0: not.

    Lower tiers are stronger evidence and win over higher ones when a short
    form fits several names. People: 1 surname ("Kerry"; "Charles" of
    "Prince Charles"), 2 a name without its middle ("George Bush" of "George
    W. Bush"), 3 first name ("John"), because news calls adults by surname.
    Organisations: trailing words ("Commission" of "European Commission"), an
    acronym, or leading words when the rest only says what kind of body it
    is ("Newry" of "Newry FC", not "AOL" of "AOL Europe"). Places: only an
    acronym ("US"), because "Ireland" is not "Northern Ireland".
    """
    s, l = name_tokens(short), name_tokens(long_name)
    if not s or len(s) >= len(l):
        return 0
    if label == PERSON:
        if l[-len(s) :] == s:
            return 1
        if len(s) >= 2 and s[0] == l[0] and s[-1] == l[-1]:
            return 2
        return 3 if l[: len(s)] == s else 0
    if label == "ORG":
        ok = (
            l[-len(s) :] == s
            or _acronym_of(s, long_name)
            or (l[: len(s)] == s and all(w in _ORG_DESIGNATORS for w in l[len(s) :]))
        )
        return 1 if ok else 0
    if label in PLACE_LABELS:
        return 1 if _acronym_of(s, long_name) else 0
    return 0


def compatible(short: str, long_name: str, label: str) -> bool:
    """Whether ``short`` can be a short form of ``long_name`` (see ``match_tier``)."""
    return match_tier(short, long_name, label) > 0


_CONNECTORS = frozenset({"and", "&", "vs", "v", "versus", "or", "with"})


def linkable(name: str, label: str) -> bool:
    """A PERSON span with "and"/"vs" in it is two people or a title ("Freddy
    Vs Jason"), so it is nobody's full name."""
    return label != PERSON or not _CONNECTORS.intersection(name_tokens(name))


def drop_stray_prefixes(names: Sequence[str], labels: Sequence[str]) -> list[str]:
    """A person's name of three words or more written once, whose last words
    are a full name the article writes more often, is that name with a
    heading or job word stuck on ("Style Juliette Lewis" of a section
    kicker, "Juliette Lewis" after): it must not become everyone's root."""
    counts = Counter((label, fold(n)) for n, label in zip(names, labels) if label == PERSON)
    fulls = sorted({k for (l, k), c in counts.items() if c >= 2 and " " in k}, key=len, reverse=True)
    if not fulls:
        return list(names)
    out = list(names)
    for i, (name, label) in enumerate(zip(names, labels)):
        key = fold(name)
        if label != PERSON or counts[(label, key)] != 1 or key.count(" ") < 2:
            continue
        tail = next((f for f in fulls if key.endswith(" " + f)), None)
        if tail is not None:
            out[i] = " ".join(name.split()[-(tail.count(" ") + 1) :])
    return out


def link_names(names: Sequence[str], labels: Sequence[str]) -> list[str]:
    """Canonical name for each mention: its longest unambiguous full form.

    ``names`` are already cleaned (``clean_name``). A short form links only if
    the full names it fits best (lowest ``match_tier``) are all forms of one
    single name (the maximal candidates collapse to one); otherwise it keeps
    its own name: "John" beside "John Kerry" and "John Smith" stays "John".
    A bare surname two full names fit goes to the one the article names
    first: "Clinton" after "Hillary Clinton", then "Bill Clinton", is Hillary.
    The display form of a name is its most frequent spelling in the article.
    """
    names = drop_stray_prefixes(names, labels)
    spellings: dict[tuple[str, str], Counter[str]] = {}
    first_seen: dict[tuple[str, str], int] = {}
    for i, (name, label) in enumerate(zip(names, labels)):
        spellings.setdefault((label, fold(name)), Counter())[name] += 1
        first_seen.setdefault((label, fold(name)), i)
    display = {key: display_name(c, key[0]) for key, c in spellings.items()}

    by_label: dict[str, list[str]] = {}
    for label, key in display:
        by_label.setdefault(label, []).append(display[(label, key)])

    root: dict[tuple[str, str], str] = {}
    for label, group in by_label.items():
        for name in group:
            tiers = [(match_tier(name, m, label), m) for m in group if linkable(m, label)]
            best = min((t for t, _ in tiers if t), default=0)
            cands = [m for t, m in tiers if t and t == best]
            maximal = [m for m in cands if not any(compatible(m, o, label) for o in cands)]
            key = (label, fold(name))
            if len(maximal) > 1 and label == PERSON and best == 1:
                # Two bearers of one surname: news calls the story's subject,
                # the one named first, by the bare surname and names the
                # other in full or by first name (AP style).
                maximal = [min(maximal, key=lambda m: first_seen[(label, fold(m))])]
            root[key] = maximal[0] if len(maximal) == 1 else name
    return [root[(label, fold(name))] for name, label in zip(names, labels)]


class Canonical(NamedTuple):
    label: str
    canonical: str
    entity_key: str
    country: str | None  # ISO code of a known place, or of the country a NORP names


def canonicalise(surfaces: Sequence[str], labels: Sequence[str]) -> list[Canonical]:
    """(label, canonical, entity_key, country) for each mention of one article."""
    # Labels vote on the bare name ("Mr Lavrov" tagged ORG votes as "Lavrov"),
    # then each mention is cleaned by its final label (titles go from people only).
    from tasks import place_keys  # the gazetteer loads on first use, not on import
    from tasks.relabel import harmonise_labels, join_plurals, unclip  # they build on this module

    bare = [strip_article(clean_name(s, PERSON), "ORG") for s in surfaces]
    fixed = harmonise_labels(bare, labels)

    names = place_keys.drop_country_prefix([clean_name(s, l) for s, l in zip(surfaces, fixed)], fixed)
    names, fixed = join_plurals(*unclip(names, fixed))
    return place_keys.resolve(link_names(names, fixed), fixed)
