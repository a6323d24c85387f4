"""Exact and near duplicates, within a run and against earlier runs."""
from __future__ import annotations

import random

from tasks.dedup import Deduper
from tasks.normalise import article_id
from tasks.records import Article

VOCAB = ("flood river rain council minister bank rates police school hospital road bridge village "
         "farmers storm warning water levels homes residents army rescue boats power lines trains roads "
         "schools closed opened said told reporters on Tuesday Wednesday morning night week month year "
         "the a of in to and for with by from at as was were had has would could may will").split()


def words(seed: int, n: int = 400) -> str:
    """Deterministic pseudo-prose: long enough that shingles are mostly unique, like a real story."""
    rng = random.Random(seed)
    return " ".join(rng.choice(VOCAB) for _ in range(n)) + "."


STORY = words(1)
OTHER = words(2)


def art(text: str) -> Article:
    return Article(article_id=article_id(text), source="s", text=text, fmt="txt")


def test_exact_duplicate_within_run():
    dd = Deduper()
    assert dd.check(art(STORY)) == (None, None)
    assert dd.check(art(STORY)) == ("exact", article_id(STORY))


def test_near_duplicate_different_first_line_and_trailer():
    dd = Deduper()
    original = art("Floods latest: defences hold. " + STORY)
    copy = art("UPDATED 10:42 GMT. " + STORY + " Reporting by Jo Bloggs; editing by Sam Roe.")
    assert dd.check(original) == (None, None)
    assert dd.check(copy) == ("near", original.article_id)


def test_different_story_is_not_a_duplicate():
    dd = Deduper()
    dd.check(art(STORY))
    assert dd.check(art(OTHER)) == (None, None)
    assert dd.similarity(art(STORY), art(OTHER)) < 0.2


def test_signatures_from_an_earlier_run():
    first = Deduper()
    a = art(STORY)
    sig = first.signature(a)
    assert len(sig) == 128 and all(0 <= v < 2**32 for v in sig)
    later = Deduper()
    later.load([(a.article_id, sig), ("deadbeefdeadbeef", None)])
    assert later.check(art(STORY + " Additional final sentence.")) == ("near", a.article_id)
    assert later.check(Article("deadbeefdeadbeef", "s", "whatever text", "txt")) == ("exact", "deadbeefdeadbeef")
