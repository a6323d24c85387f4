"""Shared fixtures: one spaCy pipeline for the whole session."""
from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
SEEDS = ROOT / "seeds"


@pytest.fixture(scope="session")
def nlp():
    from tasks.nlp import load_model

    return load_model()


@pytest.fixture(scope="session")
def seed_text() -> str:
    return (SEEDS / "000_e5e4900b5f92f034.txt").read_text(encoding="utf-8")
