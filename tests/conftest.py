"""Shared fixtures: one default pipeline per test session (loading is the slow part)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

# Failures inside the relation builder are logged and swallowed for users; the suite must see
# them (seedie.relations.build.strict()).
os.environ.setdefault("SEEDIE_STRICT", "1")

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "003_2845115161f2390a.txt"


@pytest.fixture(scope="session")
def nlp():
    import seedie

    return seedie.load("default")


@pytest.fixture(scope="session")
def seed_text() -> str:
    return SEED.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def seed_extraction(nlp, seed_text):
    import seedie

    return seedie.extract(seed_text, nlp=nlp)
