"""What a number is about: the counted noun, the governing verb, the entity, whether it is a change or an age.

All of it comes from the parse the pipeline already paid for (dependencies
and entities), so nothing here re-reads the text.
"""
from __future__ import annotations

from functools import cache

from spacy.tokens import Doc, Span, Token

from tasks.numbers.lexicon import (
    AGE_VERBS,
    CALENDAR_NOUNS,
    PERSON_PRONOUNS,
    DATE_DEICTICS,
    UNIT_ADJECTIVES,
    WIRE_NOUNS,
    PER_NOUNS,
    LEVEL_VERBS,
    TALLY_NOUNS,
    DECREASE,
    INCREASE,
)
from tasks.numbers import qualifiers, tokens, units
from tasks.diskcache import on_disk
from tasks.nlp import common_nouns, model_name


def anchor(doc: Doc, r: tokens.Reading) -> Token:
    """The token that carries the number's syntactic role: the unit or counted noun when there is one."""
    last = doc[r.end - 1]
    num = doc[r.start:r.end]
    head = last.head
    if last.dep_ in ("nummod", "quantmod", "compound", "amod") and head.i >= r.end and head.pos_ in ("NOUN", "PROPN"):
        return head
    for t in num:
        if t.head.i >= r.end or t.head.i < r.start:
            return t
    return last


def change(anchor: Token) -> str | None:
    """``increase``/``decrease`` when the number is the size of a change, not its end point."""
    head = anchor.head
    if head.lower_ == "by" and head.dep_ in ("prep", "agent"):
        head = head.head
    elif anchor.dep_ not in ("dobj", "npadvmod", "advmod", "attr", "nsubj", "conj") and head.lower_ not in ("up", "down"):
        return None
    lemma = head.lemma_.lower()
    if lemma == "raise" and anchor.dep_ == "dobj":
        return None  # ``raised $54bn``: what is raised is money collected; ``raised prices 5%`` is the rise
    if lemma in INCREASE:
        return "increase"
    if lemma in DECREASE:
        return "decrease"
    return None


def change_beside(doc: Doc, start: int, floor: int) -> str | None:
    """The change the word right before a number says, whatever the parse: ``rose 2 pct``; ``to 5 pct`` is where it ended.

    The parser often hangs ``$2 billion to $14 billion`` after ``climbed`` in
    ways :func:`change` does not follow, so the adjacent word decides first.
    """
    if start <= floor:
        return None
    prev = doc[start - 1]
    if prev.lower_ == "to":  # ``rose 45 points to 7,512``: the level reached, when a change word is near
        return "exact" if any(t.lemma_.lower() in INCREASE | DECREASE for t in doc[max(floor, start - 6):start - 1]) else None
    if prev.lemma_.lower() in ("raise", "add"):
        return None  # ``raised 54bn rupees``: money collected, ``added 200 jobs``: the parse decides
    if prev.pos_ in ("VERB", "ADV") and prev.lemma_.lower() in INCREASE:
        return "increase"
    if prev.pos_ in ("VERB", "ADV") and prev.lemma_.lower() in DECREASE:
        return "decrease"
    return None


def counted_noun(doc: Doc, r: tokens.Reading) -> Token | None:
    """The noun a bare count counts: ``6,000 people``, ``three of its soldiers``.

    A single letter (``18 R``, ``5 K``) is a symbol or an initial, never what
    is counted, nor a figure or a month; nor is a word on another line (``BOSTON 69 65 .515 5 1/2`` then
    ``TORONTO``: a table's next row).
    """
    noun = _counted_noun(doc, r)
    if noun is not None and noun.dep_ == "compound" and noun.i == r.end and noun.tag_ == "NN" \
            and (noun.head.pos_ == "NOUN" or plural_misread(noun.head, None)) and noun.head.i > noun.i \
            and all(t.dep_ == "compound" and t.pos_ == "NOUN" for t in doc[noun.i + 1:noun.head.i]):
        noun = noun.head  # ``1.4 million clinic visits``, ``11 member trade agreement``: the first noun modifies the head
    if noun is not None and noun.i > r.end and noun.lemma_.lower() in CALENDAR_NOUNS \
            and any(t.lower_ in DATE_DEICTICS for t in doc[r.end:noun.i]):
        return None  # ``to 900 last year``: a date after the number, nothing it counts
    if noun is None or len(noun.text.rstrip(".")) == 1 or not any(ch.isalpha() for ch in noun.text) \
            or noun.pos_ == "PROPN" and (noun.ent_type_ in ("DATE", "TIME", "PERSON") or headline_verb(noun)):
        return None  # ``+0.578``, ``35,000 September 97 options``, ``6 - Michael Jones``, ``3 Injured``: none is counted
    lo, hi = (r.end - 1, noun.i) if noun.i >= r.end else (noun.i, r.start)
    if any(t.text in ("-", "–") and t.whitespace_ and doc[t.i - 1].whitespace_ for t in doc[lo + 1:hi]):
        return None  # ``2 - Lilian Thuram``: a spaced dash ends a list number, it names no noun
    return None if any("\n" in t.whitespace_ or "\n" in t.text for t in doc[lo:hi]) else noun


def _counted_noun(doc: Doc, r: tokens.Reading) -> Token | None:
    last = doc[r.end - 1]
    if r.start <= last.head.i < r.end:
        last = next((t for t in doc[r.start:r.end] if not r.start <= t.head.i < r.end), last)  # ``three dozen``: ``three`` heads
    if last.dep_ in ("nummod", "quantmod", "compound", "amod", "appos", "predet") and last.head.i >= r.end \
            and last.head.pos_ in ("NOUN", "PROPN"):
        return last.head  # ``half the staff``: a fraction before the article is a predeterminer
    if r.end < len(doc) and doc[r.end].pos_ == "NOUN" and doc[r.end].head.i >= r.end and doc[r.end].dep_ in ("compound", "nummod"):
        return doc[r.end].head
    mod = doc[r.end] if r.end < len(doc) else last
    if (last.head == mod or last.head == mod.head) and mod.dep_ in ("amod", "compound") \
            and (mod.pos_ == "ADJ" or mod.tag_ in ("VBN", "VBG")) and mod.head.i > mod.i and mod.head.pos_ == "NOUN":
        return mod.head  # ``135 unicorn startups``, ``87 appointed members``: past the modifier the parser hung it on
    if r.end < len(doc) and (doc[r.end].tag_ == "NNS" or plural_misread(doc[r.end], r) or singular_misread(doc[r.end], r)):
        return doc[r.end]
    if r.start >= 1 and WIRE_NOUNS.get(doc[r.start - 1].lower_) == "share":
        return doc[r.start - 1]  # ``Avg shrs 12.3 mln``: an earnings table names the count before it
    if r.start >= 2 and doc[r.start - 1].lower_ == "or" and last.head.i == r.start - 2 and last.head.pos_ == "NOUN":
        return last.head  # ``a pick or two``: the noun is written once, before the first number
    for child in last.children:
        if child.lower_ == "of" and child.i >= r.end:
            for pobj in child.children:
                if pobj.dep_ == "pobj" and pobj.pos_ in ("NOUN", "PROPN"):
                    return pobj
    return tallied(last)


def tallied(last: Token) -> Token | None:
    """``the number of licensed vendors rose to 40``, ``lifted the total of suppliers to 25``, ``widened by three the
    pool of bidders``: a level or change a verb gives a tally counts the plural after the tally's ``of``."""
    verb = last.head.head if last.dep_ == "pobj" and last.head.lower_ in ("to", "by") else last.head
    if verb.pos_ not in ("VERB", "AUX") or (last.dep_ == "dobj" and verb.lemma_.lower() not in LEVEL_VERBS):
        return None
    if last.dep_ != "dobj" and last.dep_ != "pobj":
        return None
    for tally in verb.children:
        if tally.dep_ in ("nsubj", "nsubjpass", "dobj") and tally.i != last.i and tally.lemma_.lower() in TALLY_NOUNS:
            of = next((c for c in tally.children if c.lower_ == "of"), None)
            pobj = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
            if pobj is not None and pobj.tag_ == "NNS":
                return pobj
    return None


def plural_misread(tok: Token, r: tokens.Reading | None) -> bool:
    """``7 rebounds a game``: a word in -s right after a plural number, tagged a verb, is a plural noun.

    A number other than one cannot be the subject of a singular verb, so the
    tagger's ``VBZ`` there is a plural it did not know as a noun; so is one a
    compound noun leads to (``600,000 page views``), asked with no reading.
    """
    if r is not None and (r.value == 1 or r.upper is not None or tok.i != r.end):
        return False
    return tok.tag_ == "VBZ" and tok.is_lower and tok.text.endswith("s") and tok.lemma_.lower() != tok.lower_


def headline_verb(tok: Token) -> bool:
    """``4 Hospitalized After Bus Fire``, ``5 Arrested``: a headline capitalises its participle, and the tagger
    calls it a name; a capitalised word in -ed that is no noun the lemmatizer knows is the verb."""
    return tok.is_title and tok.lower_.endswith("ed") and tok.lower_ not in common_nouns()


def singular_misread(tok: Token, r: tokens.Reading) -> bool:
    """``1 squash trimmed and sliced``: a plural verb right after one cannot agree with it; a noun the
    lemmatizer knows is the noun."""
    return r.value == 1 and r.upper is None and tok.i == r.end and tok.tag_ == "VBP" and tok.is_lower \
        and tok.lower_ in common_nouns()


def caps_lemma(noun: Token) -> str | None:
    """``PHOTO GALLERY - 8 IMAGES``: a line in capitals makes the tagger call a common noun a name; its lemma
    is the singular the lemmatizer knows (``image``). Initials (``NATO``) are no English noun and stay."""
    if not (noun.is_upper and noun.is_alpha and len(noun.text) >= 4 and noun.pos_ == "PROPN"):
        return None
    word, nouns = noun.lower_, common_nouns()
    for cut, add in (("ies", "y"), ("s", ""), ("es", ""), ("", "")):
        if word.endswith(cut) and word[:len(word) - len(cut)] + add in nouns:
            return word[:len(word) - len(cut)] + add
    return None


def noun_text(noun: Token, start: int) -> str:
    """Lemma plus its compounds and plain adjectives (``commercial fisherman``), as NewsQuant names counted units.

    Adjectives that are entities (``Russian``) go to the entity column instead.
    """
    mods = [m for c in noun.lefts if c.i >= start and not c.ent_type_ and (c.left_edge.i >= start or c.i == start)
            for m in (*nested(c), modifier(c)) if m]
    head = lemma(noun) if noun.pos_ == "NOUN" or noun.tag_ in ("NNPS", "VBZ") else caps_lemma(noun) or noun.text
    if noun.tag_ == "NNPS" and head.endswith("s") and not head.endswith("ss"):
        head = head[:-1]  # ``Americans``: spaCy leaves plural proper nouns unlemmatised
    head = WIRE_NOUNS.get(head, head)
    rate = per_what(noun)
    return " ".join([*mods, head] + ([of] if (of := of_what(noun)) else []) + ([f"per {rate}"] if rate else []))


def of_what(noun: Token) -> str | None:
    """The bare noun after ``of`` that says what a counted noun is made of: ``5,700 categories of products``.

    Only a bare noun right after ``of`` (no article, possessive or number):
    ``three of its soldiers`` names a part of a group, not a kind.
    """
    k = noun.i + 1
    if k + 1 >= len(noun.doc) or noun.doc[k].lower_ != "of" or noun.doc[k].head.i != noun.i:
        return None
    pobj = next((c for c in noun.doc[k].children if c.dep_ == "pobj"), None)
    if pobj is None or pobj.pos_ != "NOUN" or pobj.i != k + 1 or any(c.dep_ in ("det", "poss", "nummod") for c in pobj.children):
        return None
    return lemma(pobj)


@cache
def _inflect():
    import inflect  # ~1 s: its type-checking decorator re-parses its own source

    return inflect.engine()


def lemma(tok: Token) -> str:
    """spaCy's lemma, except for a plural that is its own singular: ``12 species`` (spaCy: ``specie``), ``measles``."""
    return tok.lower_ if tok.tag_ == "NNS" and invariant(tok.lower_) else tok.lemma_.lower()


@cache
def invariant(plural: str) -> bool:
    """A plural that is its own singular by inflect's English rules (``species``, ``series``, ``headquarters``).

    Asked of the nouns the model's lemmatizer knows, once, and kept on disk, so a worker
    need not import inflect; a word outside that list is an ordinary plural (``soldiers``).
    A model without the list asks inflect each word."""
    known = _invariant_nouns()
    return plural in known if known else _inflect().singular_noun(plural) == plural


@on_disk("inflect", modules=("tasks.nlp",), extra=model_name)
def _invariant_nouns() -> frozenset[str]:
    engine = _inflect()
    return frozenset(w for w in common_nouns() if " " not in w and engine.singular_noun(w) == w)


def per_what(noun: Token) -> str | None:
    """The denominator of a counted rate: ``3 goals per match``, ``500 cars a day``, ``180 beats per minute``.

    After ``per`` any noun will do; after ``a``/``an`` only a unit or a
    rate noun (``a share``, ``a day``), so ``gave 3 pupils a book`` stays a count.
    """
    doc, k = noun.doc, noun.i + 1
    if k + 1 >= len(doc) or doc[k].lower_ not in ("per", "a", "an"):
        return None
    nxt = doc[k + 1]
    if nxt.pos_ != "NOUN" or (k + 2 < len(doc) and doc[k + 2].lower_ in ("ago", "earlier", "later")):
        return None
    unit = units.lookup(nxt.text)
    if doc[k].lower_ != "per" and unit is None and nxt.lower_ not in PER_NOUNS:
        return None
    return unit.name if unit is not None else nxt.lemma_.lower()


def nested(c: Token) -> list[str | None]:
    """The modifiers of a compound modifier: ``diesel-only`` in ``two diesel-only trim levels``."""
    if c.dep_ not in ("compound", "nmod") or c.pos_ != "NOUN" or any(h.text == "-" and h.dep_ == "punct" for h in c.children):
        return []  # a hyphenated modifier (``short- and medium-distance``) is read whole by :func:`modifier`
    return [modifier(g) for g in c.lefts if not g.ent_type_]


def modifier(c: Token) -> str | None:
    """A modifier that names a kind of the noun: ``power`` plant, ``coal-fired`` plant, not ``decently sized``.

    A hyphenated compound is kept whole; an adjective graded by an adverb is
    a description (``very large``, ``decently sized``), not part of what is
    counted.
    """
    if c.dep_ in ("amod", "compound", "nmod") and any(h.text == "-" and h.dep_ == "punct" for h in c.children):
        last = c.right_edge.i if c.right_edge.i < c.head.i else c.i  # ``diesel-only``: the hyphen may follow
        return c.doc[c.left_edge.i:last + 1].text.lower().replace(" ", "")
    if any(a.dep_ == "advmod" for a in c.children) or c.lower_ in UNIT_ADJECTIVES or c.lower_ in ("other", "such"):
        return None  # ``12 more bodies``, ``three other men``, ``one such island``: how many more, not a kind of body
    if c.dep_ == "amod" and c.pos_ == "ADJ" and c.tag_ in ("JJR", "JJS"):
        return c.lemma_.lower()  # ``biggest banks``: NewsQuant names what is counted by lemmas, ``big bank``
    if c.dep_ == "compound" and c.pos_ == "NOUN":
        return lemma(c)  # ``sales figures`` counts ``sale figure``, as the head is a lemma too
    if c.dep_ == "compound" and c.pos_ == "ADJ" or c.dep_ == "amod" and c.pos_ == "ADJ":
        return c.lower_
    return None


def is_age(doc: Doc, r: tokens.Reading, anchor: Token, floor: int, end: int) -> bool:
    """A bare whole number that is a person's age: ``Okafor, 58, said``, ``Maria who was 10``, ``aged 25``."""
    if r.value != int(r.value) or not 0 < r.value < 125:
        return False
    if after_aged(doc, r, floor) or after_age(doc, r, floor):
        return True
    if r.start - 2 >= floor and doc[r.start - 1].text == "," and r.end < end and doc[r.end].text == "," \
            and (doc[r.start - 2].ent_type_ == "PERSON" or doc[r.start - 2].tag_ in ("NN", "NNP") and doc[r.start].is_digit
                 and not (r.end + 1 < end and tokens.can_start(doc[r.end + 1]))):
        return True  # ``Okafor, 58,``, ``the veteran actor, 71,``: not ``Group B, 3, 4 and 5``
    if r.start - 1 == floor and doc[floor].lower_ == "at" and r.end + 1 < end and doc[r.end].text == "," \
            and (doc[r.end + 1].lower_ in PERSON_PRONOUNS or doc[r.end + 1].ent_type_ == "PERSON"):
        return True  # ``At 19, she joined the navy``: a life's turn, told by the age it came at
    head = anchor.head
    if anchor.dep_ == "pobj" and head.lower_ == "at" and head.head.lemma_.lower() in AGE_VERBS:
        return True  # ``died at 94``, ``retired at 60``
    if anchor.dep_ in ("dobj", "npadvmod", "attr") and head.lemma_.lower() == "turn" and head.pos_ == "VERB":
        return True  # ``when she turns 80``
    if anchor.dep_ in ("attr", "acomp") and head.lemma_ == "be":
        return any(c.dep_ == "nsubj" and (c.lower_ in PERSON_PRONOUNS or c.ent_type_ == "PERSON") for c in head.children)
    return False


def after_aged(doc: Doc, r: tokens.Reading, floor: int) -> bool:
    """``aged 25``, ``aged about 30``, ``aged between 20 and 29``: past a qualifier or a range's first word, an age."""
    _, k = qualifiers.left(doc, r.start, floor)
    if k > floor and doc[k - 1].lower_ in ("between", "from"):
        k -= 1
    return k > floor and doc[k - 1].lower_ in ("aged", "ages")


def after_age(doc: Doc, r: tokens.Reading, floor: int) -> bool:
    """``by age 4``, ``at the age of 92``: the tagger calls these dates; the number is an age."""
    k = r.start - 1
    if k > floor and doc[k].lower_ == "of":
        k -= 1
    return k >= floor and doc[k].lower_ == "age" and doc[k].is_lower


def verb(tok: Token) -> Token | None:
    for _ in range(6):
        if tok.pos_ == "VERB":
            return tok
        if tok.head is tok:
            return None
        tok = tok.head
    return None


def entity(noun: Token | None, anchor: Token, verb: Token | None, ent_of: dict[int, Span]) -> Span | None:
    """An entity the count is about: a modifier of the noun, else the subject of the verb it is the object of."""
    if noun is not None:
        for child in noun.children:
            if child.dep_ in ("amod", "compound", "poss", "nmod") and child.i in ent_of:
                return ent_of[child.i]
            if child.dep_ == "prep" and child.lower_ in ("from", "of"):
                for pobj in child.children:
                    if pobj.i in ent_of:
                        return ent_of[pobj.i]
    if verb is not None and anchor.head is verb:
        for child in verb.children:
            if child.dep_ in ("nsubj", "nsubjpass") and child.i in ent_of:
                return ent_of[child.i]
    return None
