"""Where an event count happened: the place name its sentence (or the article) gives it.

News names the scene beside the toll (``killed in Kabul``, ``near the town of
Nakuru``), by a nationality that names a place (``in three Mexican states``),
elsewhere in the count's own clause (a place outside it, as in ``..., Jordan
said``, names who speaks), as ``the capital`` of the country the story reports
from, by the name the article gives the event elsewhere (``died in the
tsunami``: ``the Asian tsunami``), in the sentence before or after it, or by the
nationality of those counted or acting in the clause (``three Russian
soldiers``; not one of another clause: ``a Russian airliner crashed, killing
all 141`` abroad); only when none of these does the story's place stand in
(:mod:`story_place`: the dateline or the article's most named place). Where the
counted are headed or come from (``left for Florida``, ``people from
Scotland``) is not the scene; a toll given for the whole world (``worldwide``)
has no place, and one spread over a list of countries of one continent is the
continent's. :func:`story_place.geocode` reads the name in the article's country.
"""
from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from tasks import places
from tasks.numbers.story_place import (
    PLACE_PREPS, POSSESSIVE, after_preposition, article_country, desk_or_article, is_place, name, per_doc,
)

#: Where something or someone is headed, not yet there: ``the plane left for Florida`` crashed before it got
#: there. Not ``to``: ``refugees who fled to Jordan`` are there, ``sent to Mosul after 40 were killed there``.
DESTINATION_PREPS = ("for", "towards", "toward")
#: Countries a sentence lists (``Peru, Chile, Bolivia and Ecuador``) that make a count their continent's.
LIST = 3
#: Nouns a nationality turns into a place: ``in the Thai capital``, ``in three Mexican states``; not ``in the
#: Russian attack``, which names the attacker.
PLACE_NOUNS = frozenset(("capital", "city", "town", "village", "state", "province", "region", "territory",
                         "border", "coast", "waters", "island", "port", "countryside", "north", "south",
                         "east", "west", "part", "side", "district"))
#: Words that give a toll for the whole world: ``900 deaths worldwide``, ``killed 12,000 around the world``.
WORLD_ADVERBS = frozenset(("worldwide", "world-wide", "globally"))
WORLD_PREPS = frozenset(("around", "across", "throughout", "over"))


def place(doc: Doc, sent: Span, anchor: Token, noun: Token | None, verb: Token | None) -> str | None:
    """The first of: a place the event is ``in``/``at`` in its sentence (attached to it, else any such
    phrase), a nationality naming a place there (``in three Mexican states``), a place mentioned in the
    count's own clause, else anywhere in the sentence (of several, the closest in the parse), ``in the
    capital`` (:func:`the_capital`), the place the article names the event by (:func:`event_place`: ``the
    Asian tsunami``), a place phrase of the sentence before or after, the victims' nationality (``three
    Russian soldiers``; after the neighbours, as ``British soldiers`` die abroad), the story's place
    (:func:`desk_or_article`). A destination or the counted people's origin (:func:`elsewhere`) is none of
    these: the plane that ``left for Florida`` crashed elsewhere. A toll given for the whole world
    (:func:`worldwide`) and named in no place phrase has no place; one spread over a list of countries is
    their continent's (:func:`spread`)."""
    found = [e for e in sent.ents if is_place(e) and not elsewhere(e)]
    heads = {t.i for t in (anchor, noun, verb) if t is not None}
    phrases = [e for e in found if place_prep(e) is not None]
    attached = [e for e in phrases if place_prep(e).head.i in heads]
    # A place phrase anywhere in the sentence (``train stations in Madrid``) beats a bare mention (``Europe suffered``).
    if phrases:
        return spread(nearest(attached or phrases, anchor), sent)
    if worldwide(sent):
        return None
    where, victims = nationalities(sent, anchor, verb)
    own = [e for e in found if in_clause(e, verb)]
    if where or found:
        return where or spread(closest_in_parse(own or found, anchor), sent)
    if (capital := the_capital(doc, sent)) is not None:
        return capital
    if (named := event_place(doc, sent, heads, noun)) is not None:
        return named
    near = [e for e in neighbour_ents(doc, sent) if is_place(e) and after_preposition(e)]
    if near:
        return name(nearest(near, anchor))
    if victims:
        return victims
    return desk_or_article(doc)


def spread(ent: Span, sent: Span) -> str:
    """``300 dead, with Peru, Chile, Bolivia and Ecuador worst hit``: a count the sentence
    spreads over a list of countries of one continent belongs to that continent, not to the first of them
    (two are a pair the event straddles, and either is a fair answer); else the place itself."""
    mates = {ent.root.i} | {t.i for t in ent.root.conjuncts}
    listed = [e for e in sent.ents if e.root.i in mates]
    if len(listed) < LIST:
        return name(ent)
    known = [places.lookup(name(e)) for e in listed]
    if any(k is None or k.kind != places.COUNTRY for k in known):
        return name(ent)
    continents = {c.name if (c := places.continent_of(k.country)) else None for k in known}
    return continents.pop() if len(continents) == 1 and None not in continents else name(ent)


def worldwide(sent: Span) -> bool:
    """``12,000 deaths around the world``, ``900 deaths worldwide``: a toll the sentence gives for the
    whole world has no place, and the country the article is about would wrongly claim it. Not ``the
    deadliest in the world`` (a ranking); read from the words."""
    doc = sent.doc
    for tok in sent:
        if tok.lower_ in WORLD_ADVERBS:
            return True
        if tok.lower_ in ("world", "globe") and tok.i - 2 >= sent.start and doc[tok.i - 1].lower_ == "the" \
                and doc[tok.i - 2].lower_ in WORLD_PREPS:
            return True
    return False


def event_place(doc: Doc, sent: Span, heads: set[int], noun: Token | None) -> str | None:
    """The place the article names the event by elsewhere: ``died in the tsunami`` is placed by ``the
    Asian tsunami`` or ``Sri Lanka's tsunami`` in another sentence. The event is a noun in a prepositional
    phrase on the count's verb or noun (``killed in the crash``, ``died after the attack``) or the verb's
    subject (``the quake killed 30``), with its compound nouns (``the tsunami disaster``). A country's
    nationality does not name the event's place (``the Russian attack`` names the attacker); a
    continent's does (``the Asian tsunami``)."""
    named = places_before_nouns(doc)
    for tok in event_nouns(sent, heads, noun):
        for form in {tok.lower_, tok.lemma_.lower()} - {""}:
            if form in named:
                return named[form]
    return None


def event_nouns(sent: Span, heads: set[int], noun: Token | None) -> list[Token]:
    found = []
    for tok in sent:
        if tok.pos_ != "NOUN" or tok.ent_type_ or noun is not None and tok.i == noun.i:
            continue
        via_prep = tok.dep_ == "pobj" and tok.head.dep_ == "prep" and tok.head.head.i in heads
        if via_prep or tok.dep_ == "nsubj" and tok.head.i in heads:
            found += [c for c in tok.children if c.dep_ == "compound" and c.pos_ == "NOUN"] + [tok]
    return found


@per_doc
def places_before_nouns(doc: Doc) -> dict[str, str]:
    """Lowercase word -> the place a name right before it gives it (``the Asian tsunami``, ``Bali's
    bombings``, ``the Indian Ocean tidal wave``: up to two words after the name), the first such
    place per word. Read from the words, as a selective parse leaves most sentences unparsed."""
    out: dict[str, str] = {}
    for e in doc.ents:
        if e.label_ == "NORP":
            known = places.continent_by_demonym(e.text)
            where = known.name if known else None
        else:
            where = name(e) if is_place(e) else None
        k = e.end + (e.end < len(doc) and doc[e.end].text in POSSESSIVE)
        if where is None or k >= len(doc) or doc[k].ent_type_:
            continue
        for tok in doc[k:k + 2]:
            if not (tok.is_alpha and tok.is_lower) or tok.is_stop:
                break
            out.setdefault(tok.lower_, where)
    return out


def elsewhere(ent: Span) -> bool:
    """A place the sentence moves toward (``left for Florida``, ``heading towards Calais``) or the counted
    people come from (``three people from Scotland died``) is not where the event happened; ``evacuated
    from Gaza`` (``from`` on a verb) is. Read from the parse, as the count's own sentence always has one."""
    prep = ent.root.head
    if ent.root.dep_ != "pobj" or prep.dep_ != "prep":
        return False
    origin = prep.lower_ == "from" and prep.head.pos_ in ("NOUN", "PROPN", "PRON", "NUM")  # people from Scotland
    return origin or prep.lower_ in DESTINATION_PREPS


def place_prep(ent: Span) -> Token | None:
    """The ``in``/``at`` the place is the object of: directly (``in Kabul``) or through a place noun
    (``in the town of Staoueli``, ``near the city of Homs``)."""
    head = ent.root.head
    if head.lower_ == "of" and head.head.lemma_.lower() in PLACE_NOUNS:
        head = head.head.head
    return head if head.lower_ in PLACE_PREPS and head.i != ent.root.i else None


def nearest(ents: list[Span], anchor: Token) -> Span:
    return min(ents, key=lambda e: abs(e.start - anchor.i))


def closest_in_parse(ents: list[Span], anchor: Token) -> Span:
    """Of bare mentions, the one fewest dependency steps from the count, words apart breaking ties: in
    ``the storm, which began over Madagascar, killed 30 people when it struck Mozambique`` the clause on
    the killing names Mozambique, while Madagascar, nearer in words, sits in a clause about the storm."""
    steps = {t.i: k for k, t in enumerate(path_up(anchor))}

    def distance(e: Span) -> tuple[int, int]:
        up = [(k + steps[t.i]) for k, t in enumerate(path_up(e.root)) if t.i in steps]
        return (up[0] if up else len(anchor.doc), abs(e.start - anchor.i))  # no shared head: an unparsed sentence
    return min(ents, key=distance)


def path_up(tok: Token) -> list[Token]:
    """``tok`` and its heads up to the root of its sentence."""
    out = [tok]
    while out[-1].head.i != out[-1].i:
        out.append(out[-1].head)
    return out


def in_clause(ent: Span, verb: Token | None) -> bool:
    """``Jordan`` in ``Syria's army killed 12 people, Jordan said`` is no part of the killing: a bare
    mention outside the count's clause names who speaks rather than where."""
    return verb is None or verb.left_edge.i <= ent.start and ent.end - 1 <= verb.right_edge.i


def nationalities(sent: Span, anchor: Token, verb: Token | None) -> tuple[str | None, str | None]:
    """The country of a nationality that names the scene (``in the Thai capital``, ``in three Mexican
    states``) and of one in the count's own clause (``three Russian soldiers were killed``, ``Syrian
    government forces killed 30``), each the nearest. One in another clause says nothing of the place:
    in ``a Russian airliner crashed, killing all 141 on board`` the airliner crashed abroad."""
    where, victims = [], []
    for e in sent.ents:
        known = places.demonym(e.text) if e.label_ == "NORP" else None
        if known is None:
            continue
        owner = e.root.head
        if owner.lemma_.lower() in PLACE_NOUNS and owner.head.lower_ in PLACE_PREPS:
            where.append((e, known))
        elif in_clause(e, verb):
            victims.append((e, known))
    return nearest_country(where, anchor), nearest_country(victims, anchor)


def the_capital(doc: Doc, sent: Span) -> str | None:
    """``killed in the capital``: wire copy's capital is that of the country it reports from (the
    dateline's, else the one the article's places lie in); ``the Thai capital`` names its own country."""
    for tok in sent:
        if tok.lower_ != "capital" or tok.head.lower_ not in PLACE_PREPS:
            continue
        if any(c.ent_type_ or c.dep_ == "poss" for c in tok.children):  # the Thai capital, Kenya's capital
            return None
        if tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ == "of":  # the capital of Chad is a place phrase
            return None
        capital = places.capital_of(article_country(doc))
        return capital.name if capital else None
    return None


def nearest_country(found: list[tuple[Span, places.Place]], anchor: Token) -> str | None:
    return min(found, key=lambda ek: abs(ek[0].start - anchor.i))[1].name if found else None


def neighbour_ents(doc: Doc, sent: Span) -> list[Span]:
    before = list(doc[sent.start - 1].sent.ents) if sent.start > 0 else []
    after = list(doc[sent.end].sent.ents) if sent.end < len(doc) else []
    return before + after
