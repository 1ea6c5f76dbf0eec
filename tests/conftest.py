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


@pytest.fixture(scope="session")
def pkuseg_base_path(tmp_path_factory, nlp, seed_text) -> Path:
    """A zh_core_web_sm-shaped base (pkuseg words, CTB tags, OntoNotes NER), saved to disk.

    Built in a few seconds from the seed article and sentences of tests/_pkuseg_base.py;
    needs spacy-pkuseg (in the test extra), so it never skips.
    """
    from _pkuseg_base import build_base

    return build_base(seed_text, tmp_path_factory.mktemp("pkuseg_base"), nlp)


@pytest.fixture(scope="session")
def pkuseg_nlp(pkuseg_base_path):
    """seedie on the pkuseg base, loaded as a user loads zh_core_web_sm: seedie.load(path)."""
    import seedie

    return seedie.load(pkuseg_base_path)
