"""Entity rows from the real model: the seed article and the span fixes."""
from __future__ import annotations

import pytest
from spacy.tokens import Span

from tasks.entities import NUMERIC_LABELS, extract_entities
from tasks.schemas import ENTITIES


@pytest.fixture(scope="module")
def seed_rows(nlp, seed_text: str) -> list[dict]:
    # What the normaliser leaves: the body from the first real sentence on.
    body = seed_text[seed_text.index("US Secretary of State John Kerry") :]
    doc = nlp(body)
    rows = extract_entities(doc)
    for r in rows:
        r["_doc_text"] = doc.text[r["start"] : r["end"]]
    return rows


def test_rows_have_exactly_the_schema_columns(seed_rows: list[dict]) -> None:
    expected = set(ENTITIES.names) - {"article_id", "run_id"}
    assert all(set(r) - {"_doc_text"} == expected for r in seed_rows)


def test_offsets_point_at_the_surface(seed_rows: list[dict]) -> None:
    assert all(r["_doc_text"] == r["text"] and r["text"].strip() for r in seed_rows)


def test_seed_canonical_entities(seed_rows: list[dict]) -> None:
    found = {(r["label"], r["canonical"]) for r in seed_rows}
    for expected in [
        ("PERSON", "John Kerry"),
        ("PERSON", "Vladimir Putin"),
        ("PERSON", "Sergei Lavrov"),
        ("GPE", "Russia"),
        ("GPE", "Ukraine"),
        ("GPE", "Sochi"),
    ]:
        assert expected in found
    # Every short form went to its full name, and Sochi is never a person.
    people = {r["canonical"] for r in seed_rows if r["label"] == "PERSON"}
    assert not people & {"Kerry", "Putin", "Lavrov", "Sochi"}
    assert {r["label"] for r in seed_rows if r["text"] == "Sochi"} == {"GPE"}


def test_seed_mentions_are_counted_under_one_key(seed_rows: list[dict], seed_text: str) -> None:
    body = seed_text[seed_text.index("US Secretary of State John Kerry") :]
    keys = [r["entity_key"] for r in seed_rows]
    # Every mention of the surname, titled, possessive or bare, counts for the person.
    assert keys.count("PERSON:john kerry") == body.count("Kerry")
    assert keys.count("PERSON:vladimir putin") == body.count("Putin")
    assert keys.count("PERSON:sergei lavrov") == body.count("Lavrov")


def test_no_numeric_labels_and_no_office_words(seed_rows: list[dict]) -> None:
    assert not {r["label"] for r in seed_rows} & NUMERIC_LABELS
    # "State" in "Secretary of State" is an office, not an organisation.
    assert not [r for r in seed_rows if r["text"] == "State"]


def test_sentence_index_follows_doc_sents(nlp) -> None:
    doc = nlp("Angela Merkel spoke. Later Mr Putin replied in Moscow.")
    rows = extract_entities(doc)
    assert [(r["canonical"], r["sentence"]) for r in rows] == [
        ("Angela Merkel", 0), ("Putin", 1), ("Moscow", 1)
    ]


def test_honorific_makes_a_person(nlp) -> None:
    doc = nlp("Mr Lavrov met Sergei Lavrov.")
    doc.ents = [doc.char_span(3, 9, label="ORG"), doc.char_span(14, 27, label="PERSON")]
    rows = extract_entities(doc)
    assert [(r["label"], r["canonical"]) for r in rows] == [("PERSON", "Sergei Lavrov")] * 2


def test_name_before_a_place_noun_is_a_place(nlp) -> None:
    doc = nlp("Fighting went on in the Luhansk region.")
    doc.ents = [doc.char_span(24, 31, label="PERSON")]
    assert [r["label"] for r in extract_entities(doc)] == ["GPE"]


def test_leading_article_and_line_breaks_are_trimmed(nlp) -> None:
    doc = nlp("They laid wreaths at a World War Two memorial.\nKremlin\nNews said so.")
    war = doc.char_span(21, 36, label="EVENT")  # "a World War Two"
    kremlin = doc.char_span(47, 59, label="ORG")  # "Kremlin\nNews"
    doc.ents = [war, kremlin]
    rows = extract_entities(doc)
    assert [(r["text"], r["start"], r["end"]) for r in rows] == [
        ("World War Two", 23, 36), ("Kremlin", 47, 54)
    ]


def test_edge_punctuation_is_trimmed(nlp) -> None:
    doc = nlp("A spokesman for the Home Office ' said so.")
    doc.ents = [doc.char_span(20, 33, label="ORG")]  # "Home Office '"
    assert [r["text"] for r in extract_entities(doc)] == ["Home Office"]


def test_whitespace_spans_are_never_emitted(nlp) -> None:
    doc = nlp("Home /  \n\n  Uncategorized")
    space = [t for t in doc if t.is_space]
    assert space, "the tokenizer should keep the run of whitespace as a token"
    doc.ents = [Span(doc, space[0].i, space[0].i + 1, label="ORG")]
    assert extract_entities(doc) == []


def test_empty_doc(nlp) -> None:
    assert extract_entities(nlp("")) == []


# -- agency copy we write ourselves: markers, amounts, datelines, one US key ----------


def _rows(nlp, text: str) -> list[dict]:
    return extract_entities(nlp(text))


def test_company_marker_is_kept_as_the_name_without_brackets(nlp) -> None:
    rows = _rows(nlp, "NEW YORK, June 9 - <Acme Holdings Inc> said it agreed to buy a plant in Ohio.")
    acme = [r for r in rows if "Acme" in r["text"]]
    assert [(r["text"], r["label"], r["canonical"]) for r in acme] == [("Acme Holdings Inc", "ORG", "Acme Holdings")]
    assert not any("<" in r["text"] or ">" in r["text"] for r in rows)


def test_currency_and_unit_abbreviations_are_never_entities(nlp) -> None:
    text = ("Acme Holdings said net profit rose to 5.6 mln dlrs, or 12 cts a share, from 4.3 mln dlrs. "
            "Its Hong Kong unit earned 1.20 H.K. Dlrs a share.\n\nShr 12 cts vs 10 cts\n\nNet 5.6 mln vs 4.3 mln")
    rows = _rows(nlp, text)
    names = {r["canonical"].lower() for r in rows}
    assert not names & {"cts", "dlrs", "mln", "h.k. dlrs", "shr", "net"}
    assert not any(r["text"].replace(".", "").isdigit() for r in rows)


def test_dateline_in_capitals_is_the_place_under_its_readable_name(nlp) -> None:
    rows = _rows(nlp, "TOKYO, March 3 - The Bank of Japan said it would keep rates on hold.")
    tokyo = [r for r in rows if r["text"] == "TOKYO"]
    assert tokyo and tokyo[0]["canonical"] == "Tokyo" and tokyo[0]["label"] == "GPE"
    assert tokyo[0]["country"] == "JP"


def test_us_and_united_states_in_different_articles_share_one_key(nlp) -> None:
    first = _rows(nlp, "Officials in the U.S. said the talks would resume next week in Geneva.")
    second = _rows(nlp, "The United States said on Monday that the talks would resume.")
    third = _rows(nlp, "Exports to America fell sharply last year, the ministry said.")
    keys = {r["entity_key"] for rows in (first, second, third) for r in rows if r["label"] == "GPE"}
    assert "GPE:iso:us" in keys
    us = [r for rows in (first, second, third) for r in rows if r["entity_key"] == "GPE:iso:us"]
    assert len(us) == 3 and {r["canonical"] for r in us} == {"United States"}


def test_nationality_keeps_its_own_key_and_names_its_country(nlp) -> None:
    rows = _rows(nlp, "Japanese carmakers said exports to Britain rose.")
    japanese = [r for r in rows if r["text"] == "Japanese"]
    assert japanese and japanese[0]["entity_key"] == "NORP:japanese" and japanese[0]["country"] == "JP"


def test_a_currency_abbreviation_tagged_org_is_dropped_whatever_the_model_does(nlp) -> None:
    doc = nlp.make_doc("Profit rose 12 cts to 1.20 dlrs at Acme Holdings .")
    doc.ents = [Span(doc, 3, 4, label="ORG"), Span(doc, 6, 7, label="ORG"), Span(doc, 8, 10, label="ORG")]
    assert [r["canonical"] for r in extract_entities(doc)] == ["Acme Holdings"]


def test_a_person_span_never_starts_with_a_lower_case_word(nlp) -> None:
    doc = nlp.make_doc("They tried to kick Gandhi out , said Ludwig van Beethoven .")
    doc.ents = [Span(doc, 3, 5, label="PERSON"), Span(doc, 8, 11, label="PERSON")]
    assert [r["text"] for r in extract_entities(doc)] == ["Gandhi", "Ludwig van Beethoven"]


def test_a_group_name_cut_after_its_first_word_is_made_whole(nlp) -> None:
    doc = nlp.make_doc("The Liberal Democrats said so . Angry Democrats left .")
    doc.ents = [Span(doc, 2, 3, label="NORP"), Span(doc, 7, 8, label="NORP")]
    doc[6].is_sent_start = True
    assert [r["text"] for r in extract_entities(doc)] == ["Liberal Democrats", "Democrats"]


def test_a_city_tagged_org_after_in_is_the_place(nlp) -> None:
    doc = nlp.make_doc("Talks resumed in Geneva on Monday , Geneva Steel said .")
    doc.ents = [Span(doc, 3, 4, label="ORG"), Span(doc, 7, 9, label="ORG")]
    rows = extract_entities(doc)
    assert [(r["text"], r["label"]) for r in rows] == [("Geneva", "GPE"), ("Geneva Steel", "ORG")]
    assert rows[0]["country"] == "CH"


def test_a_person_whose_surname_is_a_currency_word_stays(nlp) -> None:
    doc = nlp.make_doc("Howard Marks said 20 Hong Kong dollars .")
    doc.ents = [Span(doc, 0, 2, label="PERSON"), Span(doc, 4, 7, label="GPE")]
    assert [r["text"] for r in extract_entities(doc)] == ["Howard Marks"]


@pytest.mark.parametrize(
    ("text", "ents", "expected"),
    [
        pytest.param(  # a sentence's first word joins its group if the article capitalises it elsewhere
            "Liberal Democrats met . Angry Democrats left . They joined the Liberal Democrats .",
            [(1, 2, "NORP"), (5, 6, "NORP"), (12, 13, "NORP")],
            ["Liberal Democrats", "Democrats", "Liberal Democrats"], id="group-at-sentence-start"),
        pytest.param(  # a name never stops inside a hyphenated word, nor swallows one in lower case
            "The OSIRIS-REx probe flew by , and Keanu-as-meme pieces sold .",
            [(1, 2, "ORG"), (9, 10, "PERSON")], ["OSIRIS-REx", "Keanu"], id="hyphenated"),
        pytest.param(  # a person span never holds its owner; quotes inside a name are no owner
            "Baylor’s Marcus Delane scored , and Tommy 'The Hammer' Briggs watched .",
            [(0, 4, "PERSON"), (7, 13, "PERSON")], ["Marcus Delane", "Tommy 'The Hammer' Briggs"],
            id="possessive-owner"),
    ],
)
def test_cut_or_overlong_spans_are_mended(nlp, text: str, ents: list, expected: list[str]) -> None:
    doc = nlp.make_doc(text)
    doc.ents = [Span(doc, a, b, label=label) for a, b, label in ents]
    assert [r["text"] for r in extract_entities(doc)] == expected
