"""``--parse numbers`` runs tagger, parser and lemmatizer only over sentences that may hold
a number: the entities must not move, and the numbers must keep their meaning."""
from __future__ import annotations

from dataclasses import replace

import pytest

from conftest import SEEDS
from tasks.components import ParseMode
from tasks.entities import extract_entities
from tasks.ingest import read_records
from tasks.normalise import normalise
from tasks.numbers import extract_numbers
from tasks.parse import may_hold_number, parse_docs, parse_isolated
from tasks.records import Article


@pytest.fixture(scope="module")
def seed_texts() -> list[str]:
    arts = [normalise(r) for p in sorted(SEEDS.iterdir()) for r in read_records(p)]
    return [a.text for a in arts if isinstance(a, Article)]


@pytest.mark.parametrize("text,expected", [
    ("The mayor opened the library.", False),
    ("Police said 14 people were hurt.", True),
    ("Dozens of fans waited outside.", True),
    ("Tens of thousands marched.", True),
    ("Hundreds gathered.", True),
    ("Tickets cost €5 at the door.", True),
    ("She finished third in the race.", True),
    ("Someone phoned the station.", False),  # "one" inside a word is no number
])
def test_which_sentences_get_the_full_parse(text, expected):
    assert may_hold_number(text) is expected


def test_both_modes_agree_on_the_seeds(nlp, seed_texts):
    ids = [str(i) for i in range(len(seed_texts))]
    full, _ = parse_docs(seed_texts, ids, 0, mode=ParseMode.full)
    sel, _ = parse_docs(seed_texts, ids, 0, mode=ParseMode.numbers)
    assert [d.text for d in sel] == seed_texts

    def ents(docs):
        return [[(e["label"], e["start"], e["end"], e["canonical"]) for e in extract_entities(d)] for d in docs]

    def nums(docs):
        return [{(n["start"], n["value"], n["kind"], n["unit"], n["noun"], n["qualifier"]) for n in extract_numbers(d)}
                for d in docs]

    assert ents(sel) == ents(full)
    assert nums(sel) == nums(full)
    killed = [n for d in sel for n in extract_numbers(d) if n["value"] == 6000]
    assert killed and killed[0]["noun"] == "people" and killed[0]["verb"] == "kill"


def test_sentences_without_numbers_skip_the_parser(nlp):
    text = "The library reopened on the high street. More than 40 people queued outside."
    doc, = parse_docs([text], ["a"], 0, mode=ParseMode.numbers)[0]
    first, second = list(doc.sents)
    assert all(t.dep_ == "" and t.lemma_ == "" for t in first)
    assert {t.dep_ for t in second} >= {"nummod", "nsubj"} and doc.text == text


def test_selective_parse_keeps_every_sentence(nlp):
    """Sentences without a number, between parsed ones, stay sentences of their own: the
    sentence index and the place of a count depend on it."""
    text = ("The ferry left at dawn. Storms closed the port.\n\nAt least 9 people drowned, officials said. "
            "Rescuers searched all night. Divers found 3 more bodies on Tuesday.")
    full, = parse_docs([text], ["a"], 0, mode=ParseMode.full)[0]
    sel, = parse_docs([text], ["a"], 0, mode=ParseMode.numbers)[0]
    assert [s.text.strip() for s in sel.sents] == [s.text.strip() for s in full.sents]
    assert len(list(sel.sents)) == 5
    drowned = next(t for t in sel if t.text == "drowned")
    assert drowned.dep_ and drowned.head.text == "said"  # the number sentence keeps its parse


def test_a_sentence_parsed_apart_is_parsed_as_spacy_copies_it(nlp):
    """The selective parse copies number sentences out of the Doc itself rather than with
    ``Span.as_doc`` (quadratic in a long article); the parse must be the one ``as_doc`` gives,
    with the tokenizer's norms (``gonna``) and the sentencizer's starts kept."""
    from tasks.parse import NUMBER_SENTENCES, _chain, _sentence_docs, cut_sentences

    text = ("Nobody came. They're gonna need 40 more buses, he said.\n\nTwo ferries ran. "
            "Ma'am, we can't seat 300 guests!")
    doc, = _chain(nlp, cut_sentences([nlp.make_doc(text)]), ["ner"])
    wanted = [(0, s) for s in doc.sents if any(t.like_num for t in s)]
    ours = list(_chain(nlp, _sentence_docs([doc], wanted), NUMBER_SENTENCES))
    spacys = list(_chain(nlp, (s.as_doc() for _, s in wanted), NUMBER_SENTENCES))
    assert len(ours) == 3
    for a, b in zip(ours, spacys):
        assert [(t.text, t.norm_, t.tag_, t.dep_, t.head.i, t.lemma_) for t in a] == \
            [(t.text, t.norm_, t.tag_, t.dep_, t.head.i, t.lemma_) for t in b]
    assert any(t.norm_ == "going" for t in ours[0])


def test_a_model_that_cannot_parse_selectively_is_parsed_in_full(nlp):
    """A configured model without the components (or with NER listening to a shared
    embedding) still parses: in full, not with an error on every article."""
    import spacy

    from tasks.parse import can_select

    blank = spacy.blank("en")
    blank.add_pipe("sentencizer")
    assert can_select(nlp) and not can_select(blank)
    (doc,), rejects = parse_isolated(blank, ["Two cats sat. One left."], ["a"], ParseMode.numbers)
    assert not rejects and [s.text for s in doc.sents] == ["Two cats sat.", "One left."]


@pytest.mark.parametrize("mode", list(ParseMode))
def test_docs_read_back_from_disk_keep_their_sentences_and_rows(nlp, tmp_path, mode):
    """Extraction in another process reads the parse from a DocBin: a stored Doc takes its
    sentence starts from its heads, which merged every unparsed sentence into the one before."""
    from tasks.parse import ParsedBatch, load_docs, save_docs

    text = ("The council met on Tuesday. Nobody spoke for an hour. Then 40 residents walked out.\n"
            "Mayor Ann Field said the plan would go ahead. Her deputy, Tom Reyes, disagreed. "
            "He said more than 300 homes would lose their gardens.")
    docs, parsed = parse_docs([text], ["a"], 0, mode=mode)
    save_docs(docs, tmp_path / "b.spacy")
    back, = load_docs(replace(parsed, path=str(tmp_path / "b.spacy")))
    assert [s.text for s in back.sents] == [s.text for s in docs[0].sents]
    assert len(list(back.sents)) == 6
    assert extract_entities(back) == extract_entities(docs[0])
    assert extract_numbers(back) == extract_numbers(docs[0])
