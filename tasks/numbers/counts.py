"""Event counts as GDELT's knowledge graph gives them: which numbers count the killed, wounded, arrested...

A number is an event count when the parse says it counts the people or things
an event happened to: the object of ``killed`` or the subject of ``were
killed`` or ``died``, a noun that names them (``12 dead``, ``2,000
refugees``) or the ``of`` complement of an event noun (``the killing of two men``). The agent of an active verb (``12 gunmen killed 3 soldiers``) is
not a count, nor is a negated event, and ages, durations, money, percentages
and ordinals never are (they have a unit or another kind already). The words
that trigger each type live in ``count_triggers.toml``, one comment per
choice; this module holds only the general rules that use them.

Where the count happened is :mod:`count_places`' job, and where that place lies :mod:`story_place`'s.
"""
from __future__ import annotations

import tomllib
from enum import StrEnum
from functools import cache
from pathlib import Path
from typing import NamedTuple

from spacy.tokens import Doc, Span, Token

from tasks.numbers.count_places import place
from tasks.numbers.story_place import geocode
from tasks.numbers.lexicon import Kind

TRIGGERS_FILE = Path(__file__).with_name("count_triggers.toml")


class CountType(StrEnum):
    """GDELT GKG 2.1 count types; one list for the code, ``sql/`` tests and the docs."""

    KILL = "KILL"
    WOUND = "WOUND"
    ARREST = "ARREST"
    KIDNAP = "KIDNAP"
    AFFECT = "AFFECT"
    PROTEST = "PROTEST"
    SEIZE = "SEIZE"


#: Only plain counts of things can count victims: money, percentages, ordinals, ages and durations never do.
COUNTABLE = (Kind.CARDINAL.value, Kind.RANGE.value)
MODALS = ("will", "would", "could", "may", "might", "should", "can", "'ll", "shall")
#: Verbs whose infinitive complement has not happened: ``plans to evacuate 500``, ``threatened to kill 3``.
INTENT_VERBS = ("expect", "plan", "want", "threaten", "hope", "intend", "aim", "try", "vow", "pledge", "seek")
PATIENT_DEPS = ("dobj", "obj", "nsubjpass")
#: Verbs that pass their clause on to the trigger: ``were reported killed``, ``are feared dead``.
PASS_ON_DEPS = ("xcomp", "oprd", "acomp")
#: How a count joins a neutral verb whose subject is a toll: ``rose to 50``, ``is 50``, ``reached 50``.
TOLL_DEPS = ("pobj", "attr", "dobj", "npadvmod")
#: ``30 die every day``, ``100 refugees a week``: a rate is no event that happened once.
RATE_UNITS = ("second", "minute", "hour", "day", "night", "week", "month", "year")
RATE_DETS = ("every", "each", "a", "an", "per")
EMBEDDED = ("advcl", "relcl", "ccomp", "acl", "conj", "parataxis")
RELATIVE_TIME = ("after", "before", "later", "earlier", "ago", "into", "since")
RATE_ADVERBS = ("annually", "yearly", "monthly", "weekly", "daily", "hourly", "nightly")
#: Object complements that say what an event left its object as: ``left 300 villagers dead``.
LEFT_AS_DEPS = ("oprd", "acomp", "xcomp", "ccomp")


class Triggers(NamedTuple):
    object: dict[str, CountType]
    subject: dict[str, CountType]
    nouns: dict[str, CountType]
    tolls: dict[str, CountType]
    events: dict[str, CountType]
    idioms: dict[str, CountType]
    spent: dict[str, CountType]


@cache
def triggers(path: Path = TRIGGERS_FILE) -> Triggers:
    """The trigger lexicon, read once; a word listed under two types is an error, not a silent choice."""
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    tables: dict[str, dict[str, CountType]] = {name: {} for name in Triggers._fields}
    for type_name, lists in data.items():
        count_type = CountType(type_name)
        for name, words in lists.items():
            table = tables[name]
            for word in words:
                if word in table and table[word] is not count_type:
                    raise ValueError(f"{path.name}: {word!r} is both {table[word]} and {count_type} ({name})")
                table[word] = count_type
    return Triggers(**tables)


def annotate(doc: Doc, row: dict, anchor: Token, noun: Token | None, verb: Token | None,
             sent: Span) -> None:
    """Set ``count_type`` and ``place`` on a described number row."""
    found = count_type(row["kind"], row["unit"], anchor, noun, verb, row["value"])
    row["count_type"] = found.value if found is not None else None
    row["place"] = place(doc, sent, anchor, noun, verb) if found is not None else None
    row.update(geocode(row["place"], doc))


def count_type(kind: str, unit: str | None, anchor: Token, noun: Token | None,
               verb: Token | None, value: float = 1.0) -> CountType | None:
    """The event type this number counts, or None; the verb's reading beats the noun's.

    ``3 protesters were arrested`` is an arrest of protesters: what happened
    to them is the event, the noun only says who they were.
    """
    if kind not in COUNTABLE or unit is not None or not whole(value) or in_word(anchor.doc, anchor):
        return None
    role = noun if noun is not None else anchor
    if negated(role, anchor, verb) or hypothetical(verb) or (noun is None and anchor.dep_ == "appos"):
        return None  # ``Mr Doe, 25, was arrested``: a bare number in apposition describes, it does not count
    found = event_type(role, anchor, verb)
    return None if found is None or rate(role, verb) else found


def event_type(role: Token, anchor: Token, verb: Token | None) -> CountType | None:
    t = triggers()
    if partitive_whole(role, anchor):
        return from_noun(role, anchor, t)  # ``94,000 of the 140,000 deaths``: the whole is a toll only by its noun
    by_verb = from_verb(role, verb, t) if verb is not None else None
    if by_verb is not None:
        return by_verb
    by_clause = from_clause(role, t)
    if by_clause is not None:
        return by_clause
    if verb is not None and verb.lemma_.lower() in t.object and argument(role, verb) is not None \
            and argument(role, verb).dep_ == "nsubj":
        return None  # an agent that names a victim noun (``12 prisoners killed a guard``) is still the agent
    return from_event(role, t) or from_noun(role, anchor, t) or from_toll(role, verb, t)


def from_event(role: Token, t: Triggers) -> CountType | None:
    """``the killing of two men``: a noun naming the event, with what it befell as its ``of`` complement."""
    head = role.head
    if role.dep_ == "pobj" and head.lower_ == "of" and head.dep_ == "prep" and head.head.pos_ == "NOUN":
        return t.events.get(head.head.lemma_.lower())
    return None


def negated(role: Token, anchor: Token, verb: Token | None) -> bool:
    """``no one was killed``, ``12 people were not hurt``: a count of an event that did not happen."""
    if verb is not None and any(c.dep_ == "neg" for c in verb.children):
        return True
    for tok in (role, anchor):
        if any(c.dep_ in ("det", "neg") and c.lower_ in ("no", "none") for c in tok.children):
            return True
        before = [t.lower_ for t in tok.doc[max(0, tok.i - 2):tok.i]]
        if before[-1:] == ["no"] and tok.dep_ != "quantmod" or before == ["no", "-"]:
            return True  # ``no one``, ``no-one`` (tokenised ``no - one``)
    return False


def partitive_whole(role: Token, anchor: Token) -> bool:
    """``killing 312 of the 540 passengers``: 540 is how many there were, not how many the event befell."""
    of = role.head
    own = any(c.dep_ == "nummod" and c.like_num for c in role.children) and anchor.i not in (of.i, of.head.i)
    return own and role.dep_ == "pobj" and of.lower_ == "of" and of.head.like_num


def rate(role: Token, verb: Token | None) -> bool:
    """``30,000 children die every day``, ``100 refugees a week``, ``1,500 deaths annually``: how often,
    not how many an event befell. Anywhere in the count's clause; ``a day after the vote`` is a date."""
    for tok in clause(verb if verb is not None else role):
        word = tok.lower_
        if word in RATE_ADVERBS or word == "per" and tok.i + 1 < len(tok.doc) \
                and tok.doc[tok.i + 1].lemma_.lower() in RATE_UNITS:
            return True
        if tok.lemma_.lower() in RATE_UNITS and any(d.lower_ in RATE_DETS for d in tok.children) \
                and all(d.dep_ in ("det", "amod") for d in tok.children) and not dated(tok):
            return True
    return False


def clause(head: Token) -> list[Token]:
    """``head`` and what hangs from it, without the clauses it embeds (``Held twice each year, sweeps ...``)."""
    out, todo = [], [head]
    while todo:
        tok = todo.pop()
        out.append(tok)
        todo.extend(c for c in tok.children if c.dep_ not in EMBEDDED)
    return out


def dated(unit: Token) -> bool:
    """``a day after the vote``, ``a week ago``: a time unit that places the event, not a frequency."""
    nxt = unit.doc[unit.i + 1] if unit.i + 1 < len(unit.doc) else None
    return nxt is not None and nxt.lower_ in RELATIVE_TIME


def whole(value: float) -> bool:
    """People and things an event befell come whole: ``two out of 10`` (0.2) is a share, not a count."""
    return value >= 1 and value == int(value)


def in_word(doc: Doc, tok: Token) -> bool:
    """``father-of-two``: a number hyphenated into a word describes someone, it counts nothing;
    nor does the last part of a date or code (``1996-08-31``, ``A-12``)."""
    i = tok.i if tok.like_num else next((t.i for t in tok.lefts if t.like_num), tok.i)
    glued = i > 1 and doc[i - 1].text in ("-", "/") and not doc[i - 1].whitespace_ and not doc[i - 2].whitespace_
    return glued and (doc[i - 2].is_alpha or doc[i - 2].is_digit)


def hypothetical(verb: Token | None) -> bool:
    """``45 million children will die``, ``could kill 1,000``, ``plans to evacuate 500``: not a reported event."""
    if verb is None:
        return False
    infinitive = verb.dep_ == "xcomp" or verb.dep_ == "ccomp" and any(c.lower_ == "to" and c.dep_ == "aux" for c in verb.children)
    if infinitive and verb.head.lemma_.lower() in INTENT_VERBS:
        return True  # ``expects up to 3,000 nurses to march``
    return any(c.dep_ == "aux" and c.lower_ in MODALS for c in verb.children)


def argument(tok: Token, verb: Token) -> Token | None:
    """The token through which ``tok`` hangs from ``verb``: ``three`` in ``three of its soldiers were killed``."""
    for _ in range(8):
        if tok.head.i == verb.i:
            return tok
        if tok.head.i == tok.i:
            return None
        tok = tok.head
    return None


def from_verb(role: Token, verb: Token, t: Triggers) -> CountType | None:
    """Read the count from the role the number plays for its governing verb (or the clause it passes on to)."""
    arg = argument(role, verb)
    if arg is None:
        return None
    lemma = verb.lemma_.lower()
    if lemma not in t.object and lemma not in t.subject:
        if arg.dep_ in PATIENT_DEPS and f"{lemma} {role.lemma_.lower()}" in t.spent:
            return t.spent[f"{lemma} {role.lemma_.lower()}"]  # ``claimed 10,000 lives``, ``cost 3,000 jobs and 12 lives``
        return from_complement(arg, verb, t)
    if lemma in t.subject and arg.dep_ == "nsubj":
        return t.subject[lemma]
    if lemma in t.object:
        if arg.dep_ in PATIENT_DEPS:
            return t.object[lemma]
        if arg.dep_ == "nsubj" and reduced_passive(verb):
            return t.object[lemma]
    return None


def from_complement(arg: Token, verb: Token, t: Triggers) -> CountType | None:
    """A neutral verb whose complement carries the event.

    ``12 people were reported killed`` (the trigger is the passive's
    complement), ``left 300 villagers dead`` (the object's complement names
    their state), ``80 people lost their lives`` (an idiom: verb plus object).
    """
    lemma = verb.lemma_.lower()
    for c in verb.children:
        word = c.lemma_.lower()
        if c.dep_ in PASS_ON_DEPS and word in t.object and arg.dep_ == "nsubjpass":
            return t.object[word]
        if c.dep_ in LEFT_AS_DEPS and arg.dep_ in PATIENT_DEPS and c.lower_ in t.nouns:
            return t.nouns[c.lower_]
        if c.dep_ in ("dobj", "obj") and arg.dep_ == "nsubj" and f"{lemma} {word}" in t.idioms:
            return t.idioms[f"{lemma} {word}"]
    return None


def reduced_passive(verb: Token) -> bool:
    """``Six killed in Kabul blast``: a headline drops the auxiliary; an active use would have an object."""
    return not any(c.dep_ in ("dobj", "obj", "ccomp", "aux", "auxpass", "xcomp") for c in verb.children)


def from_clause(role: Token, t: Triggers) -> CountType | None:
    """``12 people killed in the blast``, ``30 people who were injured``: the trigger modifies the counted noun."""
    for c in role.children:
        lemma = c.lemma_.lower()
        if c.dep_ == "acl" and c.tag_ == "VBN" and lemma in t.object:
            return t.object[lemma]
        if c.dep_ == "relcl" and lemma in t.object and any(g.dep_ == "nsubjpass" for g in c.children):
            return t.object[lemma]
        if c.dep_ == "relcl" and lemma in t.subject and any(g.dep_ == "nsubj" and g.tag_ == "WP" for g in c.children):
            return t.subject[lemma]
    return None


def from_noun(role: Token, anchor: Token, t: Triggers) -> CountType | None:
    """``2,000 refugees``, ``12 dead``, ``300 homeless``: what is counted names the people an event befell."""
    doc = anchor.doc
    if role.pos_ in ("NOUN", "PROPN"):
        words = [role.lemma_.lower(), role.lower_]
        if role.i > 0:
            words.append(f"{doc[role.i - 1].lower_} {role.lemma_.lower()}")
        return next((t.nouns[w] for w in words if w in t.nouns), None)
    nxt = doc[anchor.i + 1] if anchor.i + 1 < len(doc) else None
    if nxt is not None and nxt.lower_ in t.nouns and nxt.pos_ in ("ADJ", "NOUN", "VERB"):
        return t.nouns[nxt.lower_]  # ``12 dead``: spaCy reads the adjective-as-noun as an adjective
    return None


def from_toll(role: Token, verb: Token | None, t: Triggers) -> CountType | None:
    """``The death toll rose to 50``: the count is the value of a toll, not an argument of a trigger."""
    if verb is None or role.dep_ not in TOLL_DEPS:
        return None
    for c in verb.children:
        if c.dep_ == "nsubj" and c.lemma_.lower() in t.tolls:
            return t.tolls[c.lemma_.lower()]
    return None
