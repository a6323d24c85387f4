"""Agency files as 1980s wires filed them, from texts written for these tests: paragraphs hard-wrapped at a
fixed column and marked by an indent, results tables whose rows differ only in their figures, SGML's
end-of-text mark. Nothing a reader sees as one paragraph may be cut in two, and no row may be lost."""
from __future__ import annotations

from tasks.normalise import normalise, unwrap
from tasks.numbers import extract_numbers
from tasks.records import Article, RawRecord

STORY = (
    "BRANDOLF FOODS <BRF> SEES HIGHER 1987 PROFIT\n"
    "\n"
    "    OTTAWA, March 12 - Brandolf Foods Inc said it expects net\n"
    "profit for 1987 to rise to about 18.5 mln dlrs, or 1.10 dlrs a\n"
    "share, from 14.2 mln dlrs, or 85 cts a share, last year.\n"
    "    The company said sales in the first two months of the year\n"
    "were 7.5 pct higher than a year earlier, helped by its new line\n"
    "of frozen dinners.\n"
    " Reuter\n"
    "&#3;"
)

TABLE = (
    "MERRIVALE STORES INC <MVS> 2ND QTR NET\n"
    "    Shr 64 cts vs 51 cts\n"
    "    Net 4,210,000 vs 3,380,000\n"
    "    Sales 96.4 mln vs 88.1 mln\n"
    "    Six mths\n"
    "    Shr 1.12 dlrs vs 93 cts\n"
    "    Net 7,390,000 vs 6,120,000\n"
    "    Sales 181.7 mln vs 166.0 mln\n"
)


def _article(text: str) -> Article:
    art = normalise(RawRecord("wire.txt", "wire.txt", "txt", text.encode("utf-8")))
    assert isinstance(art, Article)
    return art


def test_an_indented_wrapped_paragraph_is_one_paragraph() -> None:
    art = _article(STORY)
    paragraphs = art.text.split("\n\n")
    assert paragraphs[1].startswith("OTTAWA, March 12 - Brandolf Foods Inc said it expects net profit for 1987")
    assert paragraphs[1].endswith("from 14.2 mln dlrs, or 85 cts a share, last year.")
    assert paragraphs[2].startswith("The company said sales") and len(paragraphs) == 3
    assert art.title == "BRANDOLF FOODS <BRF> SEES HIGHER 1987 PROFIT"


def test_an_amount_broken_by_the_wrap_keeps_its_currency(nlp) -> None:
    rows = extract_numbers(nlp(_article(STORY).text))
    assert ("1.10 dlrs a share", "dollar per share") in {(r["surface"], r["unit"]) for r in rows}


def test_the_end_of_text_mark_goes_and_other_references_are_read() -> None:
    assert "&#3;" not in _article(STORY).text
    cafe = _article("The caf&#233; on Mill Street reopened on Friday after a long refit, its owner said, "
                    "and served 300 customers on its first day back.")
    assert cafe.text.startswith("The café on Mill Street")


def test_results_rows_that_differ_only_in_their_figures_are_all_kept() -> None:
    art = _article(TABLE)
    assert art.text.split("\n\n") == [ln.strip() for ln in TABLE.splitlines()]
    assert art.title == "MERRIVALE STORES INC <MVS> 2ND QTR NET"


def test_lines_that_do_not_reach_the_wrap_column_stay_lines() -> None:
    text = ("Brenner won the final in straight sets on Sunday, beating the top seed.\n"
            "Final standings after the third round of the club championship:\n"
            "1. Ola Brenner ( Norway ), Halden Tennis Club, 212 points in all\n"
            "2. Tove Dahl ( Norway ), Bergen Racket Club, 198 points in all\n"
            "Third place :\n"
            "Hakon Ruud ( Norway ) 6 Lars Vik ( Norway ) 4 after extra time\n")
    assert unwrap(text) == text.split("\n")


def test_a_table_row_wrapped_onto_a_second_line_is_joined_but_rows_are_not() -> None:
    text = ("Leading first-round scores in the Harlow Open golf tournament on\n"
            "Thursday, at the par-72 course ( players Britain unless stated ) :\n"
            "66 Tom Ashby, Neil Carver, Pieter de Wet ( South Africa ), Ian\n"
            "Moss\n"
            "67 Rhys Owen, Dan Pike, Carl Strand ( Sweden ), Mark Lowe\n")
    assert unwrap(text) == [
        "Leading first-round scores in the Harlow Open golf tournament on Thursday, at the par-72 course "
        "( players Britain unless stated ) :",
        "66 Tom Ashby, Neil Carver, Pieter de Wet ( South Africa ), Ian Moss",
        "67 Rhys Owen, Dan Pike, Carl Strand ( Sweden ), Mark Lowe",
        "",
    ]


def test_one_paragraph_a_line_is_left_alone() -> None:
    text = ("The council met on Monday and voted to extend the library's opening hours on weekdays, "
            "a change that residents had sought for years.\n\n"
            "The new hours start in January.\n")
    assert unwrap(text) == text.split("\n")


def test_a_dataset_s_body_field_and_an_agency_time_stamp_are_read(tmp_path) -> None:
    import json

    from tasks.ingest import read_records

    path = tmp_path / "wire.jsonl"
    path.write_text(json.dumps({"title": "Brandolf sees higher profit", "date": "12-MAR-1987 14:02:11.40",
                                "body": STORY}) + "\n" + json.dumps({"headline": "No story", "topics": ["earn"]}) + "\n")
    first, second = read_records(path)
    art = normalise(first)
    assert isinstance(art, Article) and art.published.isoformat() == "1987-03-12"
    assert art.text.startswith("BRANDOLF FOODS") and second.reason == "no_text_field"


def test_a_two_line_brief_is_one_paragraph() -> None:
    text = "    Dunmore Bank said it will raise its prime rate to 8.25 pct from\n8 pct, effective tomorrow.\n"
    assert unwrap(text) == ["    Dunmore Bank said it will raise its prime rate to 8.25 pct from 8 pct, effective tomorrow.", ""]
