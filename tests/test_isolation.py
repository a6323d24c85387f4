"""One bad article must never cost a night: a stage that fails on one article rejects
that article (``error:<stage>``) and keeps the rest; long articles are parsed in
pieces, not lost."""
from __future__ import annotations

import pyarrow as pa
import pytest
import spacy
from spacy.language import Language

from tasks.isolation import StageBroken, check_not_broken
from tasks.parse import ParsedBatch, parse_isolated, pieces
from tasks.records import Reject
from tasks.schemas import from_rows
from tasks.stagenames import Stage
from tasks.stages import _extract, drop_failed, reject_rows


@Language.component("fails_on_boom")
def _fails_on_boom(doc):
    if "BOOM" in doc.text:
        raise ValueError("component cannot handle BOOM")
    return doc


@pytest.fixture(scope="module")
def fragile_nlp():
    """A real pipeline with one component that fails on some inputs, as a model bug would."""
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("fails_on_boom")
    return nlp


@pytest.mark.parametrize("text,limit", [
    ("First paragraph here.\n\nSecond one, longer than the first.\n\nThird.\n\n" * 50, 200),
    ("One sentence. Another sentence! A third? " * 100, 150),
    ("words without any sentence end " * 100, 64),
    ("x" * 1000, 300),
    ("short", 100),
])
def test_pieces_rebuild_the_text_and_respect_the_limit(text, limit):
    parts = pieces(text, limit)
    assert "".join(parts) == text
    assert all(0 < len(p) <= limit for p in parts)


def test_pieces_end_at_paragraph_breaks_when_there_are_some():
    text = ("A paragraph of some length that goes on. " * 3 + "\n\n") * 40
    parts = pieces(text, 500)
    assert len(parts) > 1 and all(p.endswith("\n\n") for p in parts[:-1])


def test_one_failing_article_is_rejected_and_the_others_kept(fragile_nlp):
    texts = ["A calm report about rain.", "This one says BOOM and breaks the model.", "Another calm report."]
    docs, rejects = parse_isolated(fragile_nlp, texts, ["a", "b", "c"])
    assert [d is None for d in docs] == [False, True, False]
    assert docs[0].text == texts[0] and docs[2].text == texts[2]
    assert [(r.article_id, r.reason) for r in rejects] == [("b", "error:parse")]
    assert "ValueError: component cannot handle BOOM" in rejects[0].detail


def test_a_stage_failing_on_every_article_is_a_bug_not_bad_input():
    failed = [Reject("", "error:numbers", "KeyError: 'x'", i) for i in "ab"]
    with pytest.raises(StageBroken, match="numbers failed on all 2 articles of batch 3"):
        check_not_broken(Stage.NUMBERS, 3, 2, failed)
    check_not_broken(Stage.NUMBERS, 3, 3, failed)  # one article came through: bad input
    check_not_broken(Stage.NUMBERS, 3, 1, failed[:1])  # a batch of one tells nothing


def test_a_long_text_is_parsed_in_pieces_as_one_doc_with_its_own_offsets(fragile_nlp, monkeypatch):
    from tasks import parse

    monkeypatch.setattr(parse, "PIECE_CHARS", 120)
    text = "".join(f"Paragraph {i} tells of the harbour. It rained.\n\n" for i in range(30))
    docs, rejects = parse_isolated(fragile_nlp, ["short one", text], ["s", "long"])
    assert not rejects and docs[1].text == text
    assert len(docs[1]) == len(fragile_nlp(text))
    assert all(text[t.idx:t.idx + len(t.text)] == t.text for t in docs[1])


def test_an_extractor_failing_on_one_doc_rejects_that_article_only(fragile_nlp):
    docs = [fragile_nlp(t) for t in ("Rain in May.", "A broken one.", "Sun in June.")]
    parsed = ParsedBatch(0, None, ("a", "b", "c"), 9, "blank")

    def extract(doc):
        if "broken" in doc.text:
            raise IndexError("extractor bug on an odd article")
        return [{"label": "X", "text": doc[0].text, "start": 0, "end": len(doc[0].text)}]

    table, rejects = _extract(parsed, "run1", Stage.ENTITIES, None, docs, extract=extract)
    assert table.column("article_id").to_pylist() == ["a", "c"]
    assert [(r.article_id, r.reason) for r in rejects] == [("b", "error:entities")]


def test_a_failed_article_is_written_whole_or_not_at_all():
    articles = from_rows("articles", [
        {"article_id": i, "run_id": "r", "source": f"in/{i}.txt", "format": "txt", "text": "t", "n_words": 1}
        for i in "abc"
    ])
    entities = from_rows("entities", [
        {"article_id": i, "run_id": "r", "label": "GPE", "text": "Leeds", "start": 0, "end": 5} for i in "abb"
    ])
    tables = {"articles": articles, "entities": entities, "rejects": reject_rows([Reject("in/x.txt", "empty")], "r")}
    out = drop_failed(tables, [Reject("", "error:numbers", "ValueError: odd", "b")], "r")
    assert out["articles"]["article_id"].to_pylist() == ["a", "c"]
    assert out["entities"]["article_id"].to_pylist() == ["a"]
    assert [(r["source"], r["reason"]) for r in out["rejects"].to_pylist()] == [
        ("in/x.txt", "empty"), ("in/b.txt", "error:numbers")]
    assert isinstance(out["rejects"], pa.Table)


def _long_article(chars: int) -> str:
    """A made-up transcript well over spaCy's 1,000,000-character limit."""
    towns = ["Leeds", "Bristol", "Cardiff", "Glasgow", "Norwich"]
    paras, i = [], 0
    while sum(map(len, paras)) < chars:
        town = towns[i % len(towns)]
        paras.append(f"Session {i}. The council in {town} heard that {i % 90 + 2} families had moved away. "
                     f"Councillor Mary Hale said the library would reopen in {town} next spring.\n\n")
        i += 1
    return "Council transcript\n\n" + "".join(paras)


def test_a_long_article_among_good_ones_is_parsed_not_lost(prefect_harness, tmp_path):
    from conftest import SEEDS, sql
    from test_crash import cli, finish

    src = tmp_path / "inbox"
    src.mkdir()
    for name in ("000_e5e4900b5f92f034.txt", "003_council_library.txt"):
        (src / name).write_bytes((SEEDS / name).read_bytes())
    long_text = _long_article(1_050_000)
    (src / "transcript.txt").write_text(long_text, encoding="utf-8")
    data = tmp_path / "data"
    code, out, err = finish(cli("run", str(src), "--data-dir", str(data), "--task-runner", "thread"), timeout=600)
    assert code == 0, err[-3000:]
    assert sql(data, "SELECT count(*) FROM articles")[0][0] == 3
    assert sql(data, "SELECT count(*) FROM rejects")[0][0] == 0
    (aid, n_chars), = sql(data, "SELECT article_id, length(text) FROM articles WHERE source LIKE '%transcript.txt'")
    assert n_chars > 1_000_000
    # Entities all through the article, with offsets into its own text.
    bad, n, last = sql(data, f"""
        SELECT count(*) FILTER (WHERE substring(a.text, e.start + 1, e."end" - e.start) <> e.text),
               count(*), max(e."end")
        FROM entities e JOIN articles a USING (article_id) WHERE article_id = '{aid}'""")[0]
    assert n > 1000 and bad == 0 and last > 1_000_000
