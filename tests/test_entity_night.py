"""One night of agency copy we wrote, through normalise, the model, the entity
task, the alias evidence, the commit and the views: what a user counts."""
from __future__ import annotations

from datetime import date, datetime, timezone

import pytest

from tasks import aliases, catalog, lake as lake_mod
from tasks.entities import extract_entities
from tasks.lake import Lake
from tasks.normalise import normalise
from tasks.records import Article, RawRecord
from tasks.schemas import from_rows

WIRE = [
    "WASHINGTON, March 3 - U.S. crude oil stocks fell last week, the American Petroleum Institute (API) "
    "said, while the United States imported more heating oil from Canada and Venezuela.",
    "NEW YORK, March 3 - <Acme Holdings Inc> said first quarter profit rose to 12 cts a share, or 5.6 mln "
    "dlrs, from 10 cts, or 4.3 mln dlrs. The company said demand in the U.S. market stayed firm.",
    "HOUSTON, March 3 - Refiners said the API figures showed weaker demand for gasoline in America "
    "this winter, and the United States may import less crude next month.",
    "LONDON, March 3 - Treasury Secretary James Baker met Japanese officials. Baker said the talks "
    "on the dollar and on trade with Japan would go on next week in Washington.",
    "TOKYO, March 3 - Finance Minister Kiichi Miyazawa said he had discussed currencies with "
    "Treasury Secretary James Baker, and Baker agreed to keep in close touch.",
    "CHICAGO, March 3 - Grain traders said Baker comments on the dollar lifted soybean futures, "
    "which closed higher on export hopes.",
    "SYDNEY, March 3 - Trade Minister John Dawkins said wool exports rose. Dawkins said prices held.",
    "PERTH, March 3 - Mining executive Ann Dawkins said nickel output fell. Dawkins blamed the rain.",
    "MELBOURNE, March 3 - Wool growers said Mr Dawkins told them that prices would hold through the winter.",
]


@pytest.fixture(scope="module")
def night(nlp, tmp_path_factory) -> Lake:
    lake = Lake(tmp_path_factory.mktemp("night"))
    arts = [normalise(RawRecord(source=f"w{i}.txt", path=f"w{i}.txt", fmt="txt", data=t.encode()))
            for i, t in enumerate(WIRE)]
    assert all(isinstance(a, Article) for a in arts)
    rows = [dict(r, article_id=a.article_id, run_id="n1") for a in arts for r in extract_entities(nlp(a.text))]
    lake_mod.write_part(lake, "n1", "entities", 0, from_rows("entities", rows))
    lake_mod.write_part(lake, "n1", "articles", 0, from_rows("articles", [
        {"article_id": a.article_id, "run_id": "n1", "text": a.text, **a.extras} for a in arts]))
    aliases.stage(lake, "n1")
    run = {"run_id": "n1", "covers": date(1987, 3, 3), "status": "committed",
           "started_at": datetime(1987, 3, 4, tzinfo=timezone.utc)}
    lake_mod.commit(lake, "n1", date(1987, 3, 3), from_rows("runs", [run]))
    catalog.build(lake)
    return lake


def _top(lake: Lake) -> dict[str, dict]:
    cols, rows = catalog.run_sql(lake, catalog.query_sql("entities_by_mentions"))
    return {r[0]: dict(zip(cols, r)) for r in rows}


def test_the_united_states_is_one_key_under_a_readable_name(night: Lake) -> None:
    top = _top(night)
    assert top["GPE:iso:us"]["canonical"] == "United States"
    assert top["GPE:iso:us"]["articles"] == 3
    us_names = {"us", "u.s.", "united states", "america"}
    assert not [k for k, r in top.items() if r["canonical"].lower() in us_names and k != "GPE:iso:us"]


def test_an_acronym_defined_in_one_article_counts_with_its_expansion_in_another(night: Lake) -> None:
    top = _top(night)
    assert "ORG:api" not in top
    assert top["ORG:american petroleum institute"]["articles"] == 2


def test_no_amount_abbreviation_or_markup_and_the_marker_is_the_company(night: Lake) -> None:
    names = {r["canonical"] for r in _top(night).values()}
    assert not {n.lower() for n in names} & {"cts", "dlrs", "mln"}
    assert not any("<" in n or ">" in n for n in names)
    assert "Acme Holdings" in names


def test_dateline_capitals_are_never_the_display_name_and_the_article_keeps_its_dateline(night: Lake) -> None:
    names = {r["canonical"] for r in _top(night).values()}
    assert {"Washington", "New York City", "Houston", "London", "Tokyo", "Chicago"} <= names
    assert not any(n.isupper() and len(n) > 4 for n in names)
    _, rows = catalog.run_sql(night, "SELECT dateline, dateline_country, dateline_date FROM articles ORDER BY dateline")
    assert ("Tokyo", "JP", None) in rows  # no publication date, so no year for "March 3"


def test_a_surname_across_the_night_is_its_one_full_name(night: Lake) -> None:
    top = _top(night)
    assert "PERSON:baker" not in top
    assert top["PERSON:james baker"]["articles"] == 3


def test_two_people_sharing_a_surname_on_one_night_keep_the_bare_surname_apart(night: Lake) -> None:
    top = _top(night)
    assert top["PERSON:john dawkins"]["articles"] == 1 and top["PERSON:ann dawkins"]["articles"] == 1
    assert top["PERSON:dawkins"]["articles"] == 1  # the third article's "Dawkins" is neither of them


PARTY_NIGHT = [
    "The Tory leader Anna Fenwick said the budget would hurt pensioners in the north.",
    "On Monday the Conservative leader Anna Fenwick told party members in Leeds that taxes would fall.",
    "Speaking in York, British leader Anna Fenwick said trade talks would resume.",
]


def test_two_party_names_giving_one_person_the_same_job_link_and_a_nationality_does_not(nlp) -> None:
    rows = [dict(r, article_id=f"p{i}") for i, t in enumerate(PARTY_NIGHT) for r in extract_entities(nlp(t))]
    assert {r["role"] for r in rows if r["label"] == "NORP"} == {"leader PERSON:anna fenwick"}
    links = aliases.night_links(rows, "n1").to_pylist()
    assert [(r["from_key"], r["to_key"], r["kind"]) for r in links] == [("NORP:tory", "NORP:conservative", "role")]
