"""Named entities of a parsed article, as rows users can count.

The flow parses once and hands the Doc here; we only walk ``doc.ents``, fix a
few errors the small English model makes on news (each a general rule, see
``_fix_span``) and give every mention a canonical name and grouping key from
``tasks.canonical``. Walking the entities costs a few percent of the parse.
"""
from __future__ import annotations

import re
from bisect import bisect_right

from spacy.attrs import ORTH
from spacy.tokens import Doc, Span, Token

from tasks.canonical import HONORIFICS, PERSON, TITLES, canonicalise

# Numbers have their own task and table.
NUMERIC_LABELS = frozenset({"CARDINAL", "ORDINAL", "QUANTITY", "MONEY", "PERCENT", "DATE", "TIME"})
# Words that make the proper noun before them a place: "the Luhansk region".
_PLACE_NOUNS = frozenset(
    {"region", "regions", "province", "provinces", "oblast", "city", "town",
     "village", "district", "county", "state", "valley", "peninsula", "island"}
)
_DETERMINERS = frozenset({"a", "an", "the"})
# Agency copy abbreviates units, currencies and scales ("12 cts", "5.6 mln
# dlrs", "H.K. Dlrs") and the model reads them as names. A span ending in one
# names an amount, not an entity. Folded (lower case, no dots).
_AMOUNT_ABBREVIATIONS = frozenset(
    {"ct", "cts", "dlr", "dlrs", "mln", "mlns", "bln", "blns", "mn", "bn", "pct", "stg", "lb", "lbs",
     "oz", "pts", "yrs", "mths", "bpd", "cwt", "kg", "dm", "dmk", "dmks", "ffr", "ffrs", "sfr", "sfrs",
     "bfr", "bfrs", "hfl"}
)
# The same for words, when written in lower case: "Hong Kong dollars" is an
# amount, "Howard Marks" a person.
_AMOUNT_WORDS = frozenset(
    {"dollar", "dollars", "cents", "cent", "yen", "francs", "marks", "pounds", "guilders", "lire",
     "pence", "rupees", "euros", "trillion", "tonnes", "barrels", "bushels", "ounces", "tons", "acres",
     "hectares", "bales"}
)
# Row words of agency earnings tables ("Shr 12 cts vs 10 cts", "Net 5.6 mln"):
# never a name on their own.
_TABLE_WORDS = frozenset(
    {"shr", "shrs", "net", "revs", "qtr", "qtly", "avg", "oper", "vs", "nil", "div", "mths", "prior"}
)
# Agency copy marks the companies a story is about: "<Acme Holdings Inc>".
_MARKER = re.compile(r"<([A-Z0-9][^<>\n]{0,80}?)>")
_MARKUP = re.compile(r"[<>{}\[\]|\\=]|&[a-z]+;|https?:|www\.")
_MULTIWORD_TITLES = [t for t in TITLES if len(t) > 1]
_TITLE_WORDS = frozenset(w for t in _MULTIWORD_TITLES for w in t)


def _inside_title(span: Span) -> bool:
    """True if the span is a word of an office ("State" in "Secretary of State"):
    the model reads the capital letter as a name, but an office is not one."""
    words = [t.lower_ for t in span]
    if not all(w in _TITLE_WORDS for w in words):
        return False
    doc = span.doc
    for title in _MULTIWORD_TITLES:
        if words[0] not in title:
            continue
        n = len(title)
        for begin in range(max(0, span.end - n), min(span.start, len(doc) - n) + 1):
            if begin + n >= span.end and tuple(t.lower_ for t in doc[begin : begin + n]) == title:
                return True
    return False


def _edge_junk(token: Token) -> bool:
    """Whitespace, quotes and stray punctuation at a span's edge ("Home
    Office '", "Kerrang!") are never part of a name, nor the angle brackets
    of agency company markers; a dot inside a token ("Inc.") is kept because
    the token is not punctuation."""
    return token.is_space or token.is_quote or (token.is_punct and not token.is_bracket) or token.text in "<>"


def _trim(span: Span) -> Span | None:
    """Span without edge whitespace or punctuation, a leading article, or
    anything past a line break (a name never continues over a heading or
    paragraph break)."""
    doc, start, end = span.doc, span.start, span.end
    while start < end and _edge_junk(doc[start]):
        start += 1
    for i in range(start, end):
        if "\n" in doc[i].text or "\n" in doc[i].whitespace_:
            end = i + 1 if "\n" not in doc[i].text else i
            break
    while end > start and _edge_junk(doc[end - 1]):
        end -= 1
    if end - start > 1 and doc[start].text in _DETERMINERS and span.label_ != "WORK_OF_ART":
        start += 1
    if start >= end:
        return None
    trimmed = Span(doc, start, end, label=span.label_)
    # (Never doc.text here: spaCy rebuilds the whole text on every access.)
    return trimmed if trimmed.text.strip() else None


def _fix_label(span: Span) -> str:
    """Label corrections the context makes certain, whatever the name."""
    doc, label = span.doc, span.label_
    prev = doc[span.start - 1].lower_.rstrip(".") if span.start > 0 else ""
    if label != "PERSON" and (prev in HONORIFICS or span[0].lower_.rstrip(".") in HONORIFICS):
        return "PERSON"  # "Mr Lavrov" is a person whatever the model thought
    if (
        label == "PERSON"
        and len(span) == 1
        and span.end < len(doc)
        and doc[span.end].lower_ in _PLACE_NOUNS
    ):
        return "GPE"  # "the Luhansk region"
    if label == "ORG" and prev in _PLACE_PREPOSITIONS and _known_place(span.text):
        return "GPE"  # "talks in Geneva": an organisation is not somewhere you are in
    if label == "ORG" and _dateline_place(span) and _known_place(span.text):
        return "GPE"  # "MELBOURNE, March 3 -": a dateline names where the story was filed
    return label


def _dateline_place(span: Span) -> bool:
    """A name in capitals opening the text, before a comma or dash."""
    doc = span.doc
    return span.start == 0 and span.text.isupper() and span.end < len(doc) and doc[span.end].text in (",", "-", "--")


# Prepositions after which a known place name is the place, not a body named for it.
_PLACE_PREPOSITIONS = frozenset({"in", "near", "outside", "across"})


def _known_place(name: str) -> bool:
    from tasks import places

    return places.lookup(name) is not None


def _fold_word(token: Token) -> str:
    return token.lower_.replace(".", "")


def _junk(span: Span) -> bool:
    """An amount, a bare number or markup, not a name."""
    tokens = [t for t in span if not t.is_punct]
    if not tokens or all(t.like_num or t.is_punct or t.is_digit for t in span):
        return True
    last = _fold_word(tokens[-1])
    if last in _AMOUNT_ABBREVIATIONS or (last in _AMOUNT_WORDS and tokens[-1].is_lower):
        return True
    if len(tokens) == 1 and last in _TABLE_WORDS:
        return True
    return bool(_MARKUP.search(span.text))


def marker_spans(doc: Doc, text: str) -> list[Span]:
    """ORG spans for the "<Name>" company markers of agency copy, brackets left out."""
    spans = []
    for m in _MARKER.finditer(text):
        span = doc.char_span(m.start(1), m.end(1), label="ORG", alignment_mode="contract")
        if span is not None and len(span):
            spans.append(span)
    return spans


# Lower-case words that belong to a person's name ("Ludwig van Beethoven").
_NAME_PARTICLES = frozenset(
    {"de", "van", "von", "der", "den", "ter", "ten", "bin", "ibn", "al", "el", "da", "di", "du", "dos", "del", "la", "le"}
)


_POSSESSIVES = frozenset({"'s", "’s"})


def _trim_person(span: Span) -> Span:
    """A person's name starts with a capital: "kick Gandhi" is a verb and a
    name; nor does it hold a possessive: "Gonzaga's Julian Strawther" is the
    team's player, "Julian Strawther"."""
    start = span.start
    for tok in span[:-1]:
        if tok.text in _POSSESSIVES and tok.i > span.start:
            start = tok.i + 1
    while start < span.end - 1 and span.doc[start].is_lower and span.doc[start].lower_ not in _NAME_PARTICLES:
        start += 1
    return span if start == span.start else Span(span.doc, start, span.end, label=span.label_)


_SENTENCE_END = frozenset({".", "!", "?", ":", ";", '"', "“", "”", "'"})


def _opens_sentence(token: Token) -> bool:
    if token.i == 0 or token.is_sent_start:
        return True
    before = token.doc[token.i - 1]
    return before.text in _SENTENCE_END or "\n" in before.text + before.whitespace_


def _capitalised_mid_sentence(doc: Doc, word: str) -> bool:
    return any(t.text == word and not _opens_sentence(t) for t in doc)


def _extend_group(span: Span) -> Span:
    """A party or group name the model cut after its first word: in "the
    Liberal Democrats" only "Democrats" is tagged. Up to two capitalised words
    before a NORP span join it, unless they are names of their own or
    function words; a sentence's first word only if the article capitalises
    it elsewhere too."""
    doc, start = span.doc, span.start
    while start > 0 and span.start - start < 2:
        prev = doc[start - 1]
        if not (prev.is_title and prev.is_alpha) or prev.ent_type_ or prev.is_stop:
            break
        opens = _opens_sentence(prev)
        # A sentence's first word is capitalised anyway: it joins only if the
        # article capitalises it mid-sentence too ("Liberal Democrats would"
        # beside "the Liberal Democrats"), not "Angry Democrats walked out".
        if opens and not _capitalised_mid_sentence(doc, prev.text):
            break
        start -= 1
        if opens:
            break
    return span if start == span.start else Span(doc, start, span.end, label=span.label_)


def _glued(token: Token) -> bool:
    return not token.whitespace_


def _extend_hyphenated(span: Span) -> Span:
    """A name never stops inside a hyphenated word: the model tags "OSIRIS"
    of "OSIRIS-REx". Capitalised or numeric parts after a glued hyphen join
    ("Keanu-as-meme" stays "Keanu")."""
    doc, end = span.doc, span.end
    while end + 1 < len(doc) and doc[end].text == "-" and _glued(doc[end - 1]) and _glued(doc[end]):
        part = doc[end + 1]
        if part.ent_type_ or not (part.text[:1].isupper() or part.text[:1].isdigit()):
            break  # another name ("Arab-Israeli") or a word ("Keanu-as-meme")
        end += 2
    return span if end == span.end else Span(doc, span.start, end, label=span.label_)


def _fix_span(span: Span) -> Span | None:
    if span.label_ in NUMERIC_LABELS:
        return None
    fixed = _trim(span)
    if fixed is not None:
        fixed = _extend_hyphenated(fixed)
    if fixed is not None and fixed.label_ == "PERSON":
        fixed = _trim_person(fixed)
    elif fixed is not None and fixed.label_ == "NORP":
        fixed = _extend_group(fixed)
    if fixed is None or _inside_title(fixed) or _junk(fixed):
        return None
    label = _fix_label(fixed)
    if label != fixed.label_:
        fixed = Span(fixed.doc, fixed.start, fixed.end, label=label)
    return fixed


def entity_spans(doc: Doc) -> list[Span]:
    """The model's entities after the general fixes, numeric ones dropped;
    the agency's company markers win over whatever the model saw there."""
    # doc.text costs as much as the rest of the task: build it only for copy with a "<" token.
    has_lt = bool((doc.to_array(ORTH) == doc.vocab.strings.add("<")).any()) if len(doc) else False
    markers = marker_spans(doc, doc.text) if has_lt else []
    spans = [s for s in (_fix_span(e) for e in doc.ents) if s is not None]
    if not markers:
        return spans
    taken = {i for m in markers for i in range(m.start, m.end)}
    spans = [s for s in spans if taken.isdisjoint(range(s.start, s.end))]
    return sorted(markers + spans, key=lambda s: s.start)


def _sentence_starts(doc: Doc) -> list[int]:
    if not (doc.has_annotation("SENT_START") or doc.has_annotation("DEP")):
        return [0]
    return [s.start for s in doc.sents]


def extract_entities(doc: Doc) -> list[dict]:
    """One row per entity mention (ENTITIES columns minus article_id/run_id).

    Canonical names are resolved over the whole article at once, because a
    short form's full name may come later (headlines say "Kerry" first).
    """
    spans = entity_spans(doc)
    if not spans:
        return []
    starts = _sentence_starts(doc)
    resolved = canonicalise([s.text for s in spans], [s.label_ for s in spans])
    roles = group_roles(spans, [r.label for r in resolved], [r.entity_key for r in resolved])
    return [
        {
            "sentence": bisect_right(starts, span.start) - 1,
            "start": span.start_char,
            "end": span.end_char,
            "text": span.text,
            "label": label,
            "canonical": canonical,
            "entity_key": key,
            "country": country,
            "role": role,
        }
        for span, (label, canonical, key, country), role in zip(spans, resolved, roles)
    ]


_ROLE_WORDS = frozenset(w for t in TITLES for w in t)


def _role_word(token: Token) -> bool:
    """A job word ("leader", "Prime Minister", "Sen."), not a function word
    ("Tory and Lib Dem" gives nobody a job)."""
    word = token.lower_.rstrip(".")
    return word.isalpha() and not token.is_stop and (token.is_lower or word in _ROLE_WORDS)


def group_roles(spans: list[Span], labels: list[str], keys: list[str]) -> list[str | None]:
    """For a group written right before a job and a person ("Tory leader
    Anne Marlow"), the job and the person's key ("leader PERSON:anne
    marlow"); None elsewhere. Two groups that give one person the same job on
    one night are one group (``tasks.aliases``)."""
    out: list[str | None] = [None] * len(spans)
    for i in range(len(spans) - 1):
        span, nxt = spans[i], spans[i + 1]
        if labels[i] != "NORP" or labels[i + 1] != PERSON:
            continue
        between = span.doc[span.end : nxt.start]
        if 1 <= len(between) <= 2 and all(_role_word(t) for t in between):
            out[i] = " ".join(t.lower_.rstrip(".") for t in between) + " " + keys[i + 1]
    return out
