"""The examples run offline as shipped (the notebook's code cells are executed in order)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import types
from pathlib import Path

import pytest

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


def test_quickstart_script_runs():
    out = subprocess.run(
        [sys.executable, str(EXAMPLES / "quickstart.py")],
        capture_output=True, text=True, timeout=240,
    )  # fmt: skip
    assert out.returncode == 0, out.stderr
    assert "3000000.0 kW 3000000.0 4000000.0 over" in out.stdout
    assert "Visits (" in out.stdout


@pytest.fixture
def fake_ipython(monkeypatch):
    """Just enough of IPython for displaCy and the notebook to run without a kernel."""
    shown: list[object] = []

    class HTML:
        def __init__(self, data: str) -> None:
            self.data = data

    display_mod = types.ModuleType("IPython.display")
    display_mod.HTML = HTML  # type: ignore[attr-defined]
    display_mod.display = shown.append  # type: ignore[attr-defined]
    core = types.ModuleType("IPython.core")
    core.display = display_mod  # type: ignore[attr-defined]
    root = types.ModuleType("IPython")
    root.display = display_mod  # type: ignore[attr-defined]
    root.core = core  # type: ignore[attr-defined]
    for name, mod in {"IPython": root, "IPython.display": display_mod, "IPython.core": core,
                      "IPython.core.display": display_mod}.items():  # fmt: skip
        monkeypatch.setitem(sys.modules, name, mod)
    return shown


def test_notebook_code_cells_run(fake_ipython, nlp):
    nb = json.loads((EXAMPLES / "quickstart.ipynb").read_text(encoding="utf-8"))
    scope: dict[str, object] = {}
    cwd = os.getcwd()
    os.chdir(EXAMPLES)
    try:
        for cell in nb["cells"]:
            if cell["cell_type"] == "code":
                exec(compile("".join(cell["source"]), "<notebook>", "exec"), scope)  # noqa: S102
    finally:
        os.chdir(cwd)
    result = scope["result"]
    assert result.visits and result.companies and result.claims  # type: ignore[attr-defined]
    assert fake_ipython, "seedie.render(jupyter=True) displayed nothing"
