"""Parsing a batch once and sharing the Docs between the entity and number tasks.

The two extraction tasks are separate Prefect tasks (separately visible,
retried and timed), but parsing is 90 % of the cost, so each batch is parsed
once. Where the Docs are extracted from depends on the cores (see
``flows.placement``): in the worker that parsed them, from
memory, or in a flow process with a core of its own, from a ``DocBin`` the
parse leaves on disk next to the run's staging files. Only a path crosses
the process boundary then: a ``DocBin`` is a small fraction of a pickled
``Doc`` (which drags its whole vocabulary along).
"""
from __future__ import annotations

import os
import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from functools import cache
from pathlib import Path

import numpy
from spacy.attrs import DEP, HEAD, LEMMA, MORPH, NORM, POS, SENT_START, TAG
from spacy.language import Language
from spacy.tokens import Doc, DocBin, Span

from tasks.components import DEFAULT_PARSE, EVERYWHERE, NUMBER_SENTENCES, ParseMode
from tasks.isolation import check_not_broken, error_reject
from tasks.nlp import load_model
from tasks.outcomes import Extracted, StageStats
from tasks.records import Reject
from tasks.stagenames import Stage

# Texts per nlp.pipe call. Larger batches thrash the cache: on BBC text 64 cost ~5 % more
# CPU than 16 or 32, and spaCy's default of 256 more again (alternating A/B, one process).
PIPE_BATCH = 32
# Longer texts are parsed in pieces of at most this many characters. spaCy refuses
# texts over nlp.max_length (1,000,000: error E088) and its parser and NER need
# about 1 GB of working memory per 100,000 characters, so a 1.5 MB transcript
# parsed whole would fail or take the worker's memory; pieces cut at paragraph
# breaks (then sentence ends) lose nothing a sentence-level extractor reads.
PIECE_CHARS = 100_000


@dataclass(frozen=True)
class ParsedBatch:
    """A parsed batch: which articles, how many words, what the parse measured, and
    either where its Docs are on disk or what was already extracted from them."""

    batch: int
    path: str | None
    article_ids: tuple[str, ...]
    words: int
    model: str
    stats: StageStats | None = None
    entities: Extracted | None = None
    numbers: Extracted | None = None
    # Articles of the batch the parse could not handle: they leave the batch here.
    rejects: tuple[Reject, ...] = ()


def pieces(text: str, limit: int = PIECE_CHARS) -> list[str]:
    """``text`` cut into pieces of at most ``limit`` characters whose concatenation is
    ``text`` again, each ending just after a paragraph break, else a sentence end, else
    any whitespace (else a hard cut): so offsets into the joined Doc are offsets into
    the article."""
    out: list[str] = []
    start = 0
    while len(text) - start > limit:
        window = text[start:start + limit]
        cut = _last_break(window, limit // 4)
        out.append(text[start:start + cut])
        start += cut
    out.append(text[start:])
    return out


_BREAKS = (re.compile(r"\n\s*\n\s*"), re.compile(r"\n\s*"), re.compile(r"(?<=[.!?])\s+"), re.compile(r"\s+"))


def _last_break(window: str, min_len: int) -> int:
    """Where to end a piece: after the last break of the strongest kind found past ``min_len``."""
    for pattern in _BREAKS:
        ends = [m.end() for m in pattern.finditer(window, min_len)]
        if ends:
            return ends[-1]
    return len(window)


def pipe(nlp: Language, texts: Sequence[str], mode: ParseMode = DEFAULT_PARSE) -> Iterator[Doc]:
    """Docs for ``texts`` in order; a long text is parsed as pieces joined into one Doc."""
    limit = min(PIECE_CHARS, nlp.max_length)
    split = [pieces(t, limit) if len(t) > limit else [t] for t in texts]
    flat = (p for parts in split for p in parts)
    selective = mode is ParseMode.numbers and can_select(nlp)
    docs = _selective(nlp, flat) if selective else nlp.pipe(flat, batch_size=PIPE_BATCH)
    for parts in split:
        got = [next(docs) for _ in parts]
        yield got[0] if len(got) == 1 else _join(got)


def can_select(nlp: Language) -> bool:
    """Whether ``nlp`` can run its NER apart from the rest: it has every component a selective
    parse names, and its NER has its own embedding rather than listening to a shared one
    (as in a transformer pipeline). Another model is parsed in full."""
    names = set(nlp.component_names)
    if not set(EVERYWHERE) | set(NUMBER_SENTENCES) <= names:
        return False
    return not any("ner" in getattr(nlp.get_pipe(n), "listening_components", ()) for n in names)


def _join(docs: list[Doc]) -> Doc:
    return Doc.from_docs(docs, ensure_whitespace=False, exclude=["tensor", "user_data"])


def _chain(nlp: Language, docs: Iterable[Doc], names: Sequence[str]) -> Iterator[Doc]:
    """Run the named components in order, enabled in the pipeline or not."""
    for name in names:
        docs = nlp.get_pipe(name).pipe(docs, batch_size=PIPE_BATCH)
    return iter(docs)


@cache
def _number_candidate() -> re.Pattern:
    from tasks.numbers.lexicon import COMPOUND_WORDS, NUMBER_WORDS, ORDINALS, PAIR_WORDS, PLURAL_SCALES, VAGUE_SCALES

    # Every word the number reader can start a number with, ``tens of thousands`` included.
    words = sorted(NUMBER_WORDS | COMPOUND_WORDS | PAIR_WORDS | set(ORDINALS) | set(VAGUE_SCALES) | set(PLURAL_SCALES),
                   key=len, reverse=True)
    currency = "".join(c for c in map(chr, range(0x10000)) if unicodedata.category(c) == "Sc")
    return re.compile(r"\d|[" + re.escape(currency) + r"]|\b(?:" + "|".join(map(re.escape, words)) + r")\b",
                      re.IGNORECASE)


def may_hold_number(text: str) -> bool:
    """Whether the number task could find anything in ``text``: a digit, a currency sign or a
    number word from its own lexicon. A superset: what it finds, it finds in these sentences."""
    return _number_candidate().search(text) is not None


def _holds_number(sent: Span, seen: dict[int, bool]) -> bool:
    """``may_hold_number`` a token at a time, each distinct token tested once per batch:
    a sixth of the cost of searching every sentence's text. Every lexicon entry is one
    word, and a token never ends inside a word, so no candidate is lost."""
    for tok in sent:
        hit = seen.get(tok.orth)
        if hit is None:
            hit = seen[tok.orth] = may_hold_number(tok.text)
        if hit:
            return True
    return False


@cache
def _sentencizer() -> Callable[[Doc], Doc]:
    from spacy.pipeline import Sentencizer

    return Sentencizer()


def cut_sentences(docs: Iterable[Doc]) -> Iterator[Doc]:
    """Sentence starts from punctuation (spaCy's rule-based sentencizer) and line breaks, with
    whitespace kept at the end of the sentence before, as the parser keeps it.

    Chosen over the model's ``senter`` by agreement with the parser's sentence starts on
    BBC text (quotes aside): F1 0.99 against 0.94, as ``senter`` merges many sentences
    (recall 0.89); and it costs next to nothing."""
    sentencizer = _sentencizer()
    for doc in docs:
        doc = sentencizer(doc)
        for tok in doc[1:]:
            if tok.is_space:
                tok.is_sent_start = False
                if "\n" in tok.text and tok.i + 1 < len(doc):
                    doc[tok.i + 1].is_sent_start = True
        yield doc


def _selective(nlp: Language, texts: Iterable[str]) -> Iterator[Doc]:
    """``ParseMode.numbers``: sentences and NER over each text, the rest of the pipeline over
    its number sentences, each parsed as a Doc of its own and its annotation copied back in
    place, so offsets, entities and sentence starts are those of the whole text. The number
    sentences of the whole batch go through the pipeline together, as full batches."""
    docs = list(_chain(nlp, cut_sentences(nlp.make_doc(t) for t in texts), EVERYWHERE))
    seen: dict[int, bool] = {}
    wanted = [(d, sent) for d, doc in enumerate(docs) for sent in doc.sents if _holds_number(sent, seen)]
    parsed = _chain(nlp, _sentence_docs(docs, wanted), NUMBER_SENTENCES)
    parts: list[list[tuple[int, Doc]]] = [[] for _ in docs]
    for (d, span), sent in zip(wanted, parsed):
        parts[d].append((span.start, sent))
    for doc, doc_parts in zip(docs, parts):
        yield _copy_parse(doc, doc_parts) if doc_parts else doc


# What a sentence parsed apart takes from its Doc besides its words: the norms the
# tokenizer's special cases set (``gonna``), which the tagger and parser read, and the
# sentence starts, which keep the parser from cutting the sentence again. Entities stay in
# the Doc: nothing after NER reads them.
SENTENCE_ATTRS = [NORM, SENT_START]


def _sentence_docs(docs: list[Doc], wanted: list[tuple[int, Span]]) -> Iterator[Doc]:
    """Each wanted sentence as a Doc of its own. Not ``Span.as_doc``: it reads the whole
    Doc's arrays and entities again for every sentence, quadratic in a long article (55 %
    of the parse of a 100,000-character piece, 2.6 times its full parse); these arrays are
    read once per Doc."""
    last, array = -1, None
    for d, sent in wanted:  # in Doc order, so each Doc's array is read once
        if d != last:
            last, array = d, docs[d].to_array(SENTENCE_ATTRS)
        one = Doc(sent.doc.vocab, words=[t.text for t in sent], spaces=[bool(t.whitespace_) for t in sent])
        yield one.from_array(SENTENCE_ATTRS, array[sent.start:sent.end])


# What the components after NER set on a token, copied from a parsed sentence to its Doc.
PARSE_ATTRS = [TAG, POS, MORPH, LEMMA, HEAD, DEP]


def _copy_parse(doc: Doc, parts: list[tuple[int, Doc]]) -> Doc:
    """``doc`` with the annotation of its parsed sentences (each with its start in ``doc``).
    Setting heads makes spaCy derive sentence starts from the parse, where every unparsed
    token is a root of its own; the rule-based starts are put back outside the parsed
    sentences (inside them the parser's own stand, as in a full parse), and each parsed
    sentence still starts one."""
    starts = doc.to_array([SENT_START])
    values = numpy.zeros((len(doc), len(PARSE_ATTRS)), dtype="uint64")
    parsed = numpy.zeros(len(doc), dtype=bool)
    for start, sent in parts:
        values[start:start + len(sent)] = sent.to_array(PARSE_ATTRS)
        parsed[start:start + len(sent)] = True
    doc.from_array(PARSE_ATTRS, values)
    after = doc.to_array([SENT_START])
    after[~parsed] = starts[~parsed]
    after[[start for start, _ in parts]] = 1
    doc.from_array([SENT_START], after)
    return doc


def _parse_each(nlp: Language, texts: Sequence[str], ids: Sequence[str],
                mode: ParseMode) -> tuple[list[Doc | None], list[Reject]]:
    """The batch again one article at a time, after it failed as a whole: an article that
    fails alone becomes a reject (``error:parse``) and the others are kept."""
    docs: list[Doc | None] = []
    rejects: list[Reject] = []
    for text, article_id in zip(texts, ids):
        try:
            docs.append(next(pipe(nlp, [text], mode)))
        except Exception as exc:  # noqa: BLE001 - one article must not cost the batch
            docs.append(None)
            rejects.append(error_reject(Stage.PARSE, article_id, exc))
    return docs, rejects


def parse_isolated(nlp: Language, texts: Sequence[str], ids: Sequence[str],
                   mode: ParseMode = DEFAULT_PARSE) -> tuple[list[Doc | None], list[Reject]]:
    """Docs for a batch (``None`` where an article failed); if the batch fails as a whole,
    it is parsed again article by article and only the articles that fail on their own
    become rejects."""
    try:
        return list(pipe(nlp, texts, mode)), []
    except Exception:  # noqa: BLE001 - retried one by one below
        return _parse_each(nlp, texts, ids, mode)


def parse_docs(
    texts: Sequence[str], article_ids: Sequence[str], batch: int, model: str | None = None,
    mode: ParseMode = DEFAULT_PARSE,
) -> tuple[list[Doc], ParsedBatch]:
    nlp = load_model(model)
    docs, rejects = parse_isolated(nlp, texts, article_ids, ParseMode(mode))
    check_not_broken(Stage.PARSE, batch, len(texts), rejects)
    kept = [(d, i, t) for d, i, t in zip(docs, article_ids, texts) if d is not None]
    words = sum(len(t.split()) for _, _, t in kept)
    parsed = ParsedBatch(batch, None, tuple(i for _, i, _ in kept), words, nlp.meta.get("name", ""),
                         rejects=tuple(rejects))
    return [d for d, _, _ in kept], parsed


def parse_texts(
    texts: Sequence[str], article_ids: Sequence[str], path: Path, batch: int, model: str | None = None,
    mode: ParseMode = DEFAULT_PARSE,
) -> ParsedBatch:
    """Parse, and leave the Docs at ``path`` for extraction in another process."""
    docs, parsed = parse_docs(texts, article_ids, batch, model, mode)
    save_docs(docs, path)
    return replace(parsed, path=str(path))


# A span group holding each Doc's sentences while it is on disk (see ``save_docs``).
_SENTENCES = "newsflow_sentences"


def save_docs(docs: Sequence[Doc], path: Path) -> None:
    """Written under a temporary name and renamed, so a reader never sees half a file.

    A stored Doc with a parse takes its sentence starts from the heads when read back, and
    a selective parse has heads only in number sentences: the others would merge into the
    sentence before (793 sentences of 40 BBC articles came back as 375). So the sentences
    travel as a span group and are set again on reading."""
    out = DocBin(store_user_data=False)
    for doc in docs:
        doc.spans[_SENTENCES] = list(doc.sents) if doc.has_annotation("SENT_START") else []
        out.add(doc)
        del doc.spans[_SENTENCES]
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_bytes(out.to_bytes())
    os.replace(tmp, path)


def load_docs(parsed: ParsedBatch, model: str | None = None) -> list[Doc]:
    return read_docs(Path(parsed.path), load_model(model))


def read_docs(path: Path, nlp: Language) -> list[Doc]:
    """The Docs ``save_docs`` left at ``path``, sentences as they were parsed."""
    return [_restore_sentences(doc) for doc in DocBin().from_disk(path).get_docs(nlp.vocab)]


def _restore_sentences(doc: Doc) -> Doc:
    sentences = doc.spans.get(_SENTENCES)
    if sentences is None:
        return doc
    del doc.spans[_SENTENCES]
    if len(sentences):
        starts = numpy.full(len(doc), -1, dtype="int64")
        starts[[span.start for span in sentences]] = 1
        starts = starts.astype("uint64")  # how spaCy's arrays hold -1
        doc.from_array([SENT_START], starts)
    return doc
