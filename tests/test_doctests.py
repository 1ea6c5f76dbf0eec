"""The docstring examples of the pure modules run as written."""

from __future__ import annotations

import doctest
import importlib

import pytest

MODULES = [
    "seedie.text.sentences",
    "seedie.quantities.numerals",
    "seedie.quantities.parse",
    "seedie.dates.resolve",
    "seedie.dates.reference",
    "seedie.orgs.names",
    "seedie.orgs.kb",
    "seedie.orgs.linking",
    "seedie.orgs.short_forms",
    "seedie.text.chunking",
    "seedie.text.invisible",
    "seedie.text.chars",
    "seedie.display.table",
    "seedie.display.view",
    "seedie.lexicon",
    "seedie.text.script",
    "seedie.dates.scan",
    "seedie.dates.words",
]


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name):
    module = importlib.import_module(name)
    result = doctest.testmod(module, extraglobs={"Quantity": __import__("seedie").Quantity})
    assert result.failed == 0, f"{result.failed} doctest failures in {name}"
