"""Alias evidence of one night, from entity rows we write."""
from __future__ import annotations

from tasks.aliases import acronym_links, night_links, role_links, surname_links, team_links


def _row(article: str, text: str, label: str, canonical: str, key: str, **extra: str | None) -> dict:
    return {"article_id": article, "text": text, "label": label, "canonical": canonical, "entity_key": key, **extra}


def _group(article: str, name: str, role: str | None, country: str | None = None) -> dict:
    return _row(article, name, "NORP", name, f"NORP:{name.lower()}", role=role, country=country)


def test_acronym_beside_its_expansion_links_the_bare_acronym_key() -> None:
    rows = [
        _row("a1", "Organisation of Petroleum Exporting Countries", "ORG", "Organisation of Petroleum Exporting Countries",
             "ORG:organisation of petroleum exporting countries"),
        _row("a1", "OPEC", "ORG", "Organisation of Petroleum Exporting Countries",
             "ORG:organisation of petroleum exporting countries"),
        _row("a2", "OPEC's", "ORG", "Organisation of Petroleum Exporting Countries",
             "ORG:organisation of petroleum exporting countries"),
        _row("a3", "OPEC", "ORG", "OPEC", "ORG:opec"),  # the bare use: no evidence of its own
    ]
    links = acronym_links(rows, "r1")
    assert [(r["from_key"], r["to_key"], r["articles"], r["mentions"], r["run_scoped"]) for r in links] == [
        ("ORG:opec", "ORG:organisation of petroleum exporting countries", 2, 2, False)]
    assert links[0]["example_article"] == "a1"


def test_a_short_name_that_is_not_an_acronym_is_no_evidence() -> None:
    rows = [_row("a1", "Commission", "ORG", "European Commission", "ORG:european commission")]
    assert acronym_links(rows, "r1") == []


def test_surname_links_to_the_one_full_name_of_the_night() -> None:
    rows = [
        _row("a1", "Paul Keating", "PERSON", "Paul Keating", "PERSON:paul keating"),
        _row("a4", "Treasurer Paul Keating", "PERSON", "Paul Keating", "PERSON:paul keating"),
        _row("a2", "Keating", "PERSON", "Keating", "PERSON:keating"),
        _row("a3", "Keating", "PERSON", "Keating", "PERSON:keating"),
    ]
    (link,) = surname_links(rows, "r1")
    assert (link["from_key"], link["to_key"], link["articles"], link["run_scoped"]) == (
        "PERSON:keating", "PERSON:paul keating", 2, True)


def test_two_people_sharing_a_surname_on_one_night_link_neither() -> None:
    rows = [
        _row("a1", "Ed Miliband", "PERSON", "Ed Miliband", "PERSON:ed miliband"),
        _row("a2", "David Miliband", "PERSON", "David Miliband", "PERSON:david miliband"),
        _row("a3", "Miliband", "PERSON", "Miliband", "PERSON:miliband"),
    ]
    assert surname_links(rows, "r1") == []


def test_night_links_table_has_the_schema() -> None:
    table = night_links([_row("a1", "Paul Keating", "PERSON", "Paul Keating", "PERSON:paul keating")], "r1")
    assert table.num_rows == 0 and "run_scoped" in table.schema.names


def test_a_name_without_its_kind_of_body_links_across_articles() -> None:
    rows = [
        _row("a1", "Labour Party", "ORG", "Labour Party", "ORG:labour party"),
        _row("a1", "Labour", "ORG", "Labour Party", "ORG:labour party"),
    ]
    assert [(r["from_key"], r["to_key"], r["kind"]) for r in acronym_links(rows, "r1")] == [
        ("ORG:labour", "ORG:labour party", "kind")]


def test_a_company_is_not_linked_to_its_division_across_articles() -> None:
    rows = [_row("a1", "Sony", "ORG", "Sony Pictures Entertainment", "ORG:sony pictures entertainment")]
    assert acronym_links(rows, "r1") == []


def test_a_kind_word_in_lower_case_is_not_part_of_the_name() -> None:
    rows = [_row("a1", "Congress", "ORG", "Congress party", "ORG:congress party")]
    assert acronym_links(rows, "r1") == []


def test_a_full_name_in_one_article_only_or_a_word_that_is_also_a_thing_owns_nothing() -> None:
    rows = [
        _row("a1", "Kate Bush", "PERSON", "Kate Bush", "PERSON:kate bush"),
        _row("a2", "Bush", "PERSON", "Bush", "PERSON:bush"),
        _row("a3", "Tony Blair Labour", "PERSON", "Blair Labour", "PERSON:blair labour"),
        _row("a4", "Tony Blair Labour", "PERSON", "Blair Labour", "PERSON:blair labour"),
        _row("a5", "Labour", "PERSON", "Labour", "PERSON:labour"),
        _row("a6", "Labour", "ORG", "Labour", "ORG:labour"),
    ]
    assert surname_links(rows, "r1") == []


def test_a_clipped_name_links_across_articles_whatever_label_the_model_gives_it() -> None:
    rows = [
        _row("a1", "Liberal Democrats", "NORP", "Liberal Democrat", "NORP:liberal democrat"),
        _row("a1", "Lib Dems", "NORP", "Liberal Democrat", "NORP:liberal democrat"),
        _row("a2", "Lib Dems", "PERSON", "Lib Dems", "PERSON:lib dems"),  # bare use: no evidence
    ]
    links = {(r["from_key"], r["to_key"], r["kind"]) for r in acronym_links(rows, "r1")}
    assert links == {(src, "NORP:liberal democrat", "clipped")
                     for src in ("PERSON:lib dems", "ORG:lib dems", "NORP:lib dem")}


def test_a_singular_beside_a_plural_thing_links_across_articles_from_two_articles_on() -> None:
    rows = [_row("a1", "Oscars", "ORG", "Oscars", "ORG:oscars"), _row("a1", "Oscar", "ORG", "Oscars", "ORG:oscars")]
    assert acronym_links(rows, "r1") == []  # one article proves nothing for every "Oscar"
    rows += [_row("a2", "Oscar's", "ORG", "Oscars", "ORG:oscars")]
    assert [(r["from_key"], r["to_key"], r["kind"], r["articles"]) for r in acronym_links(rows, "r1")] == [
        ("PERSON:oscar", "ORG:oscars", "plural", 2)]


def test_two_groups_giving_one_person_the_same_job_are_one_group() -> None:
    rows = [
        _group("a1", "Whig", "leader PERSON:anna fenwick"),
        _group("a2", "Whig", "leader PERSON:anna fenwick"),
        _group("a3", "Progressive", "leader PERSON:anna fenwick"),
        _group("a4", "Progressive", None),  # no job, no evidence
    ]
    (link,) = role_links(rows, "r1")
    # The shorter name goes to the longer, whatever their counts, so nights never disagree.
    assert (link["from_key"], link["to_key"], link["kind"], link["articles"], link["run_scoped"]) == (
        "NORP:whig", "NORP:progressive", "role", 3, False)


def test_a_nationality_a_single_article_a_cut_name_or_three_groups_prove_nothing() -> None:
    nationality = [_group("a1", "Whig", "premier PERSON:jo marsh"), _group("a2", "Ruritanian", "premier PERSON:jo marsh", "RU")]
    one_article = [_group("a1", "Whig", "leader PERSON:jo marsh"), _group("a1", "Progressive", "leader PERSON:jo marsh")]
    cut = [_group("a1", "Democrat", "leader PERSON:jo marsh"), _group("a2", "Free Democrat", "leader PERSON:jo marsh")]
    three = [_group(f"a{i}", g, "leader PERSON:jo marsh") for i, g in enumerate(["Whig", "Progressive", "Green"])]
    for rows in (nationality, one_article, cut, three):
        assert role_links(rows, "r1") == []


def _team_night(team_label: str = "PERSON", nickname: str = "Badgers") -> list[dict]:
    """Two articles name "Quillmoor <nickname>" and "Quillmoor" and the nickname alone; a third only "Quillmoor"."""
    full = f"Quillmoor {nickname}"
    team = f"{team_label}:{full.lower()}"
    rows = []
    for art in ("a1", "a2"):
        rows += [_row(art, full, team_label, full, team), _row(art, nickname, team_label, full, team),
                 _row(art, "Quillmoor", team_label, "Quillmoor", f"{team_label}:quillmoor")]
    return rows + [_row("a3", "Quillmoor", "ORG", "Quillmoor", "ORG:quillmoor")]


def test_a_team_by_its_schools_name_alone_is_the_team() -> None:
    links = team_links(_team_night(), "r1")
    assert {(r["from_key"], r["to_key"], r["kind"], r["articles"], r["run_scoped"]) for r in links} == {
        ("ORG:quillmoor", "PERSON:quillmoor badgers", "team", 2, False),
        ("PERSON:quillmoor", "PERSON:quillmoor badgers", "team", 2, False)}


def test_a_team_of_a_place_name_links_for_that_night_only() -> None:
    rows = [dict(r, text=r["text"].replace("Quillmoor", "Boston"), canonical=r["canonical"].replace("Quillmoor", "Boston"),
                 entity_key=r["entity_key"].replace("quillmoor", "boston")) for r in _team_night("ORG")]
    assert {r["run_scoped"] for r in team_links(rows, "r1")} == {True}


def test_the_city_the_night_calls_a_place_is_not_its_team() -> None:
    rows = _team_night("ORG") + [_row("a4", "Quillmoor", "GPE", "Quillmoor", "GPE:quillmoor")]
    assert team_links(rows, "r1") == []


def test_a_surname_ending_in_s_is_no_nickname() -> None:
    # "Kim" beside "Kim Vandersteens" and "Vandersteens" alone: a person, not a team.
    assert team_links(_team_night("PERSON", "Vandersteens"), "r1") == []


def test_no_team_without_its_nickname_alone_in_two_articles() -> None:
    no_nickname = [r for r in _team_night("ORG", "Records") if r["text"] != "Records"]
    assert team_links(no_nickname, "r1") == []
    one_article = [r for r in _team_night() if r["article_id"] != "a2"]
    assert team_links(one_article, "r1") == []


def test_two_teams_of_one_name_link_neither() -> None:
    rows = _team_night() + [_row(a, "Quillmoor Rovers", "ORG", "Quillmoor Rovers", "ORG:quillmoor rovers") for a in ("a5", "a6")]
    assert team_links(rows, "r1") == []


def test_a_surname_owner_wins_over_a_team_for_one_key_and_night() -> None:
    rows = [r for r in _team_night() if r["article_id"] != "a3"]
    rows += [_row(a, "Ann Quillmoor", "PERSON", "Ann Quillmoor", "PERSON:ann quillmoor") for a in ("a7", "a8")]
    assert team_links(rows, "r1")  # the night shows a team too
    links = [r for r in night_links(rows, "r1").to_pylist() if r["from_key"] == "PERSON:quillmoor"]
    assert [(r["to_key"], r["kind"]) for r in links] == [("PERSON:ann quillmoor", "surname")]


def test_a_part_staged_before_roles_existed_still_gives_its_other_evidence(tmp_path) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    from tasks import aliases
    from tasks.lake import Lake

    lake = Lake(tmp_path)
    part = lake.staging("r1") / "entities" / "part-00000.parquet"
    part.parent.mkdir(parents=True)
    rows = [_row(a, "Paul Keating", "PERSON", "Paul Keating", "PERSON:paul keating") for a in ("a1", "a2")]
    rows += [_row("a3", "Keating", "PERSON", "Keating", "PERSON:keating")]
    pq.write_table(pa.Table.from_pylist(rows), part)  # no role, no country column
    assert aliases.stage(lake, "r1") == 1
