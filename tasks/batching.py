"""Cutting the night's records into batches for the workers."""
from __future__ import annotations

import itertools
from collections.abc import Iterable, Iterator


def batches(items: Iterable, n: int, tail_pieces: int = 1) -> Iterator[list]:
    """Lists of ``n`` items, except for the last ``n`` to ``2n - 1``, which come in
    shrinking pieces: each ``1/tail_pieces`` of what is left, none below a tenth of ``n``
    (but the very last).

    Workers take batches as they free up, so with full-sized batches to the end one
    worker is often still parsing a whole last batch while the others wait: on the
    BBC corpus with 2 workers, 7 of 138 s. Shrinking pieces (guided self-scheduling)
    let them finish together for a few more task runs. Reading one batch ahead is
    what tells where the tail starts, without knowing the length of the input.
    """
    it = iter(items)
    chunk = list(itertools.islice(it, n))
    while chunk:
        ahead = list(itertools.islice(it, n))
        if len(ahead) == n:
            yield chunk
            chunk = ahead
            continue
        rest = chunk + ahead
        floor = max(1, n // 10)
        while rest:
            size = min(n, max(floor, -(-len(rest) // tail_pieces)))
            yield rest[:size]
            rest = rest[size:]
        return
