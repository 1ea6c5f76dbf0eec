"""The docstring examples of the pure modules run as written."""

from __future__ import annotations

import doctest
import importlib

import pytest

MODULES = [
    "seedie.normalize.sentences",
    "seedie.normalize.numerals",
    "seedie.normalize.quantities",
    "seedie.normalize.dates",
    "seedie.normalize.orgnames",
    "seedie.normalize.invisible",
    "seedie.kb",
    "seedie.linking",
    "seedie.chunking",
    "seedie.display",
]


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name):
    module = importlib.import_module(name)
    result = doctest.testmod(module, extraglobs={"Quantity": __import__("seedie").Quantity})
    assert result.failed == 0, f"{result.failed} doctest failures in {name}"
