"""Entity keys across articles: the links a night's articles prove.

Within an article ``tasks.canonical`` already links "API" to "American
Petroleum Institute" and "Kerry" to "John Kerry". Across articles the same
short forms stand alone, so each run records, in the ``entity_aliases`` lake
table, the evidence its articles give:

- ``acronym``: an article wrote an organisation's acronym beside its full
  name, so the acronym's own key links to the full name's key; ``kind``
  likewise for a name without the word that says what kind of body it is
  ("Labour" of "Labour Party"), and ``clipped`` for a clipped name ("Lib
  Dems" of "Liberal Democrats"), and ``plural`` for a single word the model
  calls a person where two articles or more wrote it beside the plural name
  of a thing ("Oscar" of "the Oscars"). These links hold for every night: the views
  add up the articles of all runs and follow a link only when one full name
  has strictly the most votes. (Trailing words, "Commission" of "European
  Commission", link within an article only: elsewhere they may be another.)
- ``role``: two groups that give one person the same job on one night
  ("Tory leader Anne Marlow", "Conservative leader Anne Marlow") are
  one group; the shorter name links to the longer, for every night.
- ``team``: a school's or city's name alone is the team named for it
  ("Gonzaga" of the "Gonzaga Bulldogs") when the night's articles show it
  (``team_links``); for that run's rows only if the name is also a place's.
- ``surname``: a person named by surname alone is the one full name that
  owns that surname the same night ("Kerry" is "John Kerry" if no other
  Kerry is named in full that night, and John Kerry in two articles or
  more); the link holds for that run's rows only.

The entity rows are never rewritten: ``sql/entity_views.sql`` joins this
table, so new evidence re-keys history without touching it.
"""
from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from tasks import lake as lake_mod, places
from tasks.canonical import PLACE_LABELS, PERSON, ROYAL_TITLES, clean_name, entity_key, fold, is_acronym, is_kind_prefix, linkable
from tasks.lake import Lake
from tasks.relabel import CLIPPED_SOURCES, PLURAL_THINGS, is_clipping, singular_of
from tasks.schemas import from_rows

_COLUMNS = ["article_id", "text", "label", "canonical", "entity_key", "country", "role"]


def acronym_links(rows: Iterable[dict], run_id: str) -> list[dict]:
    """One row per (short key, full-name key) with the articles that wrote both:
    an acronym, or the name without its kind of body."""
    evidence: dict[tuple[str, str, str], Counter[str]] = defaultdict(Counter)
    for r in rows:
        if r["label"] in ("NORP", "ORG") and " " in r["text"].strip() and is_clipping(r["text"], r["canonical"]):
            # Elsewhere the model may call "Lib Dems" a person, a group or a body.
            for label in CLIPPED_SOURCES:
                src = entity_key(label, clean_name(r["text"], label))
                evidence[(src, r["entity_key"], "clipped")][r["article_id"]] += 1
            continue
        if r["label"] in PLURAL_THINGS and " " not in r["text"].strip():
            word = fold(clean_name(r["text"], r["label"]))
            if word != fold(r["canonical"]) and singular_of(fold(r["canonical"])) == word:
                evidence[(entity_key(PERSON, word), r["entity_key"], "plural")][r["article_id"]] += 1
                continue
        if r["label"] != "ORG":
            continue
        short = clean_name(r["text"], "ORG")
        if " " not in short and is_acronym(short, r["canonical"]):
            kind = "acronym"
        elif is_kind_prefix(short, r["canonical"]):
            kind = "kind"
        else:
            continue
        evidence[(entity_key("ORG", short), r["entity_key"], kind)][r["article_id"]] += 1
    return [
        _row(run_id, src, dst, kind, False, arts) for (src, dst, kind), arts in sorted(evidence.items())
        # One article calling a "William" beside "Williams" no proof for every William.
        if kind != "plural" or len(arts) >= 2
    ]


def _full_name(canonical: str) -> bool:
    """A person's full name as people write one: capitalised words, no "and"
    or "v" ("Swansea v Leicester"), nothing in lower case ("ofnew Labour")."""
    words = canonical.split()
    return (
        len(words) > 1 and linkable(canonical, PERSON) and all(w[:1].isupper() for w in words)
        and fold(words[0]) not in ROYAL_TITLES  # "Prince William" owns no surname "William"
    )


def surname_links(rows: Iterable[dict], run_id: str) -> list[dict]:
    """Bare-surname person keys of this run linked to the night's one owner of that surname.

    The owner must be named in full in two articles or more (one stray span,
    "Kate Bush" on a night George Bush goes by "Bush", is no owner), and the
    word must name nothing but a person that night ("Labour", "Bath")."""
    owners: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    bare: dict[str, Counter[str]] = defaultdict(Counter)
    things: set[str] = set()
    for r in rows:
        name = fold(r["canonical"])
        if r["label"] != PERSON:
            things.add(name)
        elif " " in name:
            if _full_name(r["canonical"]):
                owners[name.split()[-1]][r["entity_key"]].add(r["article_id"])
        elif name:
            bare[r["entity_key"]][r["article_id"]] += 1
    out = []
    for key, arts in sorted(bare.items()):
        word = key.split(":", 1)[1]
        full = owners.get(word, {})
        if len(full) == 1 and word not in things:
            (owner, seen_in), = full.items()
            if len(seen_in) >= 2:
                out.append(_row(run_id, key, owner, "surname", True, arts))
    return out


def role_links(rows: Iterable[dict], run_id: str) -> list[dict]:
    """Two groups that give one person the same job the same night are one
    group under two names: "Tory leader Anne Marlow" in one article and
    "Conservative leader Anne Marlow" in another. Nationalities ("British
    Prime Minister Jane Doe" beside "Labour Prime Minister") never count,
    nor a job only one article gives (a slip), nor a job three groups give.
    The shorter name links to the longer, usually the formal one ("Tory" to
    "Conservative"), the same way every night so no two nights disagree."""
    by_role: dict[str, dict[str, Counter[str]]] = defaultdict(lambda: defaultdict(Counter))
    for r in rows:
        if r.get("role") and r["label"] == "NORP" and not r.get("country"):
            by_role[r["role"]][r["entity_key"]][r["article_id"]] += 1
    evidence: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    for groups in by_role.values():
        if len(groups) != 2 or len(set().union(*groups.values())) < 2:
            continue
        if set.intersection(*(set(k.split(":", 1)[1].split()) for k in groups)):
            continue  # "Democrat" of "Liberal Democrat": a name the model cut, maybe another
        short, long_ = sorted(groups, key=lambda k: (len(k), k))
        evidence[(short, long_)].update(groups[short])
        evidence[(short, long_)].update(groups[long_])
    return [_row(run_id, src, dst, "role", False, arts) for (src, dst), arts in sorted(evidence.items())]


# Labels the model gives a team and the school or city it is named for.
_TEAM_LABELS = ("ORG", "PERSON")


def _nickname(word: str) -> bool:
    """The plural of an English noun, as teams are nicknamed ("bulldogs",
    "celtics"; folded), which a surname ending in s ("clijsters") is not."""
    from tasks.nlp import common_nouns

    return (
        len(word) >= 5 and word.isalpha() and word.endswith("s") and not word.endswith("ss")
        and word[:-1] in common_nouns()
    )


def team_links(rows: Iterable[dict], run_id: str) -> list[dict]:
    """A team goes by its school's or city's name alone: "Gonzaga" of the
    "Gonzaga Bulldogs", which articles also call "the Bulldogs". The name
    alone (as ORG or PERSON) is the team if two articles of the night write
    both, the nickname alone is written too (no "Records" for "Apple
    Records") and is a plural noun, no other name of two articles or more is
    the name plus one word, the night never tags the name as a place
    ("Boston" the city is not the "Boston Celtics") and the nickname is no
    other person's surname that night. The link holds for every night,
    unless the name is also a place's (then only for that night's rows)."""
    names: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))  # first words -> key -> articles
    bare: dict[str, Counter[str]] = defaultdict(Counter)
    place_names: set[str] = set()
    surnames: dict[str, set[str]] = defaultdict(set)  # last word of a person's key -> keys
    for r in rows:
        label, canon = r["label"], fold(r["canonical"])
        if label in PLACE_LABELS:
            place_names.add(canon)
            continue
        if label == PERSON and canon:
            surnames[canon.rsplit(" ", 1)[-1]].add(r["entity_key"])
        if label not in _TEAM_LABELS:
            continue
        if " " in canon:
            names[canon.rsplit(" ", 1)[0]][r["entity_key"]].add(r["article_id"])
        own = canon if r["text"] == r["canonical"] else fold(clean_name(r["text"], label))
        bare[own][r["article_id"]] += 1
    out = []
    for name, keys in sorted(names.items()):
        common = [k for k, seen in keys.items() if len(seen) >= 2]
        if len(common) != 1 or name not in bare or name in place_names:
            continue
        team = common[0]
        nickname = fold(team).rsplit(" ", 1)[1]
        arts = Counter({a: n for a, n in bare[name].items() if a in keys[team]})
        if (
            len(arts) < 2 or nickname not in bare or not _nickname(nickname)
            or surnames.get(nickname, set()) - {team}
        ):
            continue
        # A place's name may be several teams' on other nights (the Boston Celtics
        # and Red Sox); a school's ("Gonzaga") is its team's every night.
        scoped = places.lookup(name) is not None
        out += [_row(run_id, entity_key(label, name), team, "team", scoped, arts) for label in _TEAM_LABELS]
    return out


def _row(run_id: str, src: str, dst: str, kind: str, scoped: bool, arts: Counter[str]) -> dict:
    return {
        "run_id": run_id, "from_key": src, "to_key": dst, "kind": kind, "run_scoped": scoped,
        "articles": len(arts), "mentions": sum(arts.values()), "example_article": min(arts),
    }


def night_links(rows: list[dict], run_id: str) -> pa.Table:
    """The ``entity_aliases`` rows one run's entity rows prove."""
    links = acronym_links(rows, run_id) + surname_links(rows, run_id) + role_links(rows, run_id)
    # The views follow one link per key and night: a surname's owner wins over a team.
    taken = {r["from_key"] for r in links if r["run_scoped"]}
    return from_rows("entity_aliases", links + [r for r in team_links(rows, run_id) if r["from_key"] not in taken])


def _read(part: Path) -> list[dict]:
    """A part's rows; one staged before ``role`` existed (a run resumed after
    an upgrade) simply gives no role evidence."""
    names = set(pq.read_schema(part).names)
    return pq.read_table(part, columns=[c for c in _COLUMNS if c in names]).to_pylist()


def stage(lake: Lake, run_id: str) -> int:
    """Read the run's staged entity parts and stage its alias evidence; called
    once per run before the commit, as it needs the whole night's names."""
    parts = sorted((lake.staging(run_id) / "entities").glob("part-*.parquet"))
    rows = [r for p in parts for r in _read(p)]
    table = night_links(rows, run_id)
    if table.num_rows:
        lake_mod.write_part(lake, run_id, "entity_aliases", 0, table)
    return table.num_rows
