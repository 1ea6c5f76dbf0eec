"""Every error and warning code is defined once, in seedie/errors.py, and used with its own text."""

from __future__ import annotations

import re
from pathlib import Path

from seedie.errors import Errors, Warnings

PACKAGE = Path(__file__).resolve().parent.parent / "seedie"
CODE = re.compile(r"\[([EW]\d{3})\]")


def _defined() -> dict[str, str]:
    out = {}
    for cls in (Errors, Warnings):
        for name, value in vars(cls).items():
            if re.fullmatch(r"[EW]\d{3}", name):
                out[name] = value
    return out


def test_each_code_is_named_after_its_message():
    for name, message in _defined().items():
        assert CODE.match(message) and CODE.match(message).group(1) == name, name


def test_codes_are_unique():
    codes = [CODE.match(m).group(1) for m in _defined().values()]
    assert len(codes) == len(set(codes))


def test_no_code_is_written_outside_errors_py():
    stray = {}
    for path in PACKAGE.rglob("*.py"):
        if path.name == "errors.py":
            continue
        for line in path.read_text(encoding="utf-8").splitlines():
            # A message literal starts with its code; docstrings may name codes in prose.
            if re.search(r"""f?["']\[[EW]\d{3}\]""", line):
                stray.setdefault(str(path.relative_to(PACKAGE)), []).append(line.strip())
    assert stray == {}
