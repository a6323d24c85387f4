"""Exact and near-duplicate articles.

Exact: the ``article_id`` is a hash of the normalised text, so two records
with identical text share it. Near: the same story re-published with a
different first line, trailer or a corrected typo. MinHash over word
3-shingles estimates Jaccard similarity, and an LSH index finds candidates
in constant time per article, so tomorrow's run can compare against every
signature stored by earlier runs without rereading their text.
"""
from __future__ import annotations

import re
from collections.abc import Iterable

import numpy as np
from datasketch import MinHash, MinHashLSH

from tasks.records import Article

SHINGLE = 3
_WORD = re.compile(r"\w+")


def shingles(text: str, k: int = SHINGLE) -> set[bytes]:
    """Lower-cased word k-grams; punctuation and spacing do not count."""
    toks = _WORD.findall(text.lower())
    if len(toks) < k:
        return {" ".join(toks).encode()} if toks else set()
    return {" ".join(toks[i : i + k]).encode() for i in range(len(toks) - k + 1)}


class Deduper:
    """Remembers articles (this run's and, via ``load``, earlier runs') and flags copies.

    Registered signatures are kept as uint32 arrays (512 bytes each at 128
    permutations) to verify LSH candidates by their estimated Jaccard.
    """

    def __init__(self, threshold: float = 0.9, num_perm: int = 128) -> None:
        self.threshold = threshold
        self.num_perm = num_perm
        self._lsh = MinHashLSH(threshold=threshold, num_perm=num_perm)
        self._ids: set[str] = set()
        self._sigs: dict[str, np.ndarray] = {}
        self._last: tuple[str, MinHash] | None = None
        # One template: every MinHash must share permutations to be comparable.
        self._template = MinHash(num_perm=num_perm)

    def _minhash(self, article: Article) -> MinHash:
        if self._last is not None and self._last[0] == article.article_id:
            return self._last[1]
        m = self._template.copy()
        if grams := shingles(article.text):
            m.update_batch(list(grams))
        self._last = (article.article_id, m)
        return m

    def signature(self, article: Article) -> list[int]:
        """The MinHash values to persist (each fits in a uint32)."""
        return self._minhash(article).hashvalues.astype(np.uint32).tolist()

    def _register(self, aid: str, m: MinHash) -> None:
        self._ids.add(aid)
        self._lsh.insert(aid, m)
        self._sigs[aid] = m.hashvalues.astype(np.uint32)

    def load(self, known: Iterable[tuple[str, list[int] | None]]) -> None:
        """Seed with ``(article_id, signature)`` from earlier runs; a None signature still blocks exact copies."""
        for aid, sig in known:
            if aid in self._ids:
                continue
            if sig is not None and len(sig) == self.num_perm:
                self._register(aid, MinHash(num_perm=self.num_perm, hashvalues=np.asarray(sig, dtype=np.uint64),
                                            scheme=self._template.scheme))
            else:
                self._ids.add(aid)

    def check(self, article: Article) -> tuple[str | None, str | None]:
        """``("exact"|"near", duplicate_of)``, or ``(None, None)`` after registering a new article."""
        aid = article.article_id
        if aid in self._ids:
            return "exact", aid
        m = self._minhash(article)
        values = m.hashvalues.astype(np.uint32)
        best, best_sim = None, self.threshold
        for cand in self._lsh.query(m):
            sim = float(np.mean(values == self._sigs[cand]))
            if sim >= best_sim:
                best, best_sim = cand, sim
        if best is not None:
            return "near", best
        self._register(aid, m)
        return None, None

    def similarity(self, a: Article, b: Article) -> float:
        """Estimated Jaccard similarity of two articles' shingles (for reports and tests)."""
        return float(self._minhash(a).jaccard(self._minhash(b)))
