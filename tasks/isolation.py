"""Failures by article: one article a stage cannot handle becomes a reject and the batch
goes on; a stage that fails on every article of a batch is broken and fails the run."""
from __future__ import annotations

from collections.abc import Sequence

from tasks.records import Reject
from tasks.stagenames import Stage


def error_reason(stage: Stage) -> str:
    """``error:parse``, ``error:numbers``, ...: the reject reason of a stage's failures."""
    return f"error:{stage.value}"


class StageBroken(RuntimeError):
    """A stage failed on every article of a batch: the code or the model is broken, not
    the articles, and rejecting them all would only hide the bug in the rejects table."""


def check_not_broken(stage: Stage, batch: int, n: int, rejects: Sequence[Reject]) -> None:
    """Raise ``StageBroken`` when all of a batch's articles (more than one) failed."""
    if n > 1 and len(rejects) == n:
        raise StageBroken(f"{stage.value} failed on all {n} articles of batch {batch}: {rejects[0].detail}")


def error_reject(stage: Stage, article_id: str, exc: BaseException) -> Reject:
    """The reject of an article a stage failed on: the stage in the reason, the error in
    the detail. Its ``source`` is filled in where the batch's articles are at hand (write)."""
    return Reject("", error_reason(stage), f"{type(exc).__name__}: {exc}"[:500], article_id)
