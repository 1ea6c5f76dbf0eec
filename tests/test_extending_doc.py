"""docs/extending.md lists every setting of every seedie factory, with its default."""

from __future__ import annotations

import inspect
import json
import re
from pathlib import Path

import pytest
from spacy.language import Language

from seedie.pipeline import SEEDIE_PIPES, _register

DOC = Path(__file__).resolve().parent.parent / "docs" / "extending.md"


def _settings_table() -> dict[str, dict[str, str]]:
    """component -> setting -> default cell, from the table under "## Settings"."""
    section = DOC.read_text(encoding="utf-8").split("## Settings", 1)[1]
    table: dict[str, dict[str, str]] = {}
    component = ""
    for line in section.splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if not line.startswith("|") or len(cells) < 4 or set(cells[1]) <= set("-: "):
            continue
        if cells[0]:
            component = cells[0].strip("`").split("`")[0].strip()
        table.setdefault(component, {})[cells[1].strip("`")] = cells[2].strip("`")
    return table


@pytest.mark.parametrize("factory", SEEDIE_PIPES)
def test_every_factory_setting_is_documented_with_its_default(factory):
    _register()
    defaults = Language.get_factory_meta(factory).default_config
    documented = _settings_table()[factory]
    assert set(documented) == set(defaults)
    for key, value in defaults.items():
        assert json.loads(documented[key]) == value, key


def test_the_tokenizer_settings_are_documented():
    from seedie.analyzers.tokenizer import create_tokenizer

    params = inspect.signature(create_tokenizer).parameters
    documented = _settings_table()["tokenizer"]
    assert set(documented) == set(params)
    for key, param in params.items():
        assert json.loads(documented[key]) == param.default, key


def test_the_extension_attributes_named_exist():
    from seedie.extensions import DOC_ATTRS, SPAN_ATTRS

    named = set(re.findall(r"\._\.(seedie_\w+)", DOC.read_text(encoding="utf-8")))
    assert named and named <= set(DOC_ATTRS) | set(SPAN_ATTRS), named - set(DOC_ATTRS + SPAN_ATTRS)
