"""Pairing blind judgements with extracted rows, shared by the benches whose gold marks items optional."""
from __future__ import annotations

from collections.abc import Callable


def pair(gold: list[dict], rows: list[dict],
         pick: Callable[[dict, list[dict]], dict | None]) -> tuple[list[tuple[dict, dict]], list[dict], list[dict]]:
    """Each judged item paired one to one with the row ``pick`` chooses among those left, required items
    first: an optional item (fair to read either way) may take a row, but missing it costs nothing.
    Returns the pairs, the required items left unpaired, and the rows left."""
    left, pairs, missed = list(rows), [], []
    for g in sorted(gold, key=lambda g: g["optional"]):
        hit = pick(g, left)
        if hit is None:
            if not g["optional"]:
                missed.append(g)
            continue
        left.remove(hit)
        pairs.append((g, hit))
    return pairs, missed, left
