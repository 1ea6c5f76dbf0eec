"""The layout holds: pure stage code imports without spaCy, one component per stage folder."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "seedie"
STAGES = ("text", "analyzers", "quantities", "dates", "orgs", "relations")
# Modules that wire seedie into spaCy; everything else must import without it.
SPACY_MODULES = {"api", "pipeline", "pipe", "extensions", "render", "cli", "dask", "__main__"}


def _modules() -> list[str]:
    names = []
    for path in sorted(PACKAGE.rglob("*.py")):
        rel = path.relative_to(PACKAGE.parent).with_suffix("")
        parts = list(rel.parts)
        if parts[-1] == "__init__":
            parts = parts[:-1]
        names.append(".".join(parts))
    return names


def _is_pure(module: str) -> bool:
    parts = module.split(".")
    if parts[-1] == "component" or (len(parts) > 1 and parts[1] == "analyzers"):
        return False
    return not (len(parts) == 2 and parts[1] in SPACY_MODULES)


PURE = [m for m in _modules() if _is_pure(m) and m != "seedie"]

BLOCK = """
import importlib, sys
class Block:
    def find_spec(self, name, path=None, target=None):
        if name.split(".")[0] in ("spacy", "thinc"):
            raise ImportError("blocked: " + name)
        return None
sys.meta_path.insert(0, Block())
importlib.import_module(sys.argv[1])
assert "spacy" not in sys.modules
"""


@pytest.mark.parametrize("module", PURE)
def test_pure_module_imports_without_spacy(module):
    proc = subprocess.run(
        [sys.executable, "-c", BLOCK, module], capture_output=True, text=True, timeout=120
    )
    assert proc.returncode == 0, proc.stderr[-2000:]


@pytest.mark.parametrize("stage", STAGES[2:])
def test_each_stage_folder_has_one_component(stage):
    folder = PACKAGE / stage
    assert (folder / "component.py").is_file()
    wired = [p.name for p in folder.glob("*.py") if "spacy" in p.read_text(encoding="utf-8")
             and p.name not in ("component.py", "__init__.py")]  # fmt: skip
    assert [w for w in wired if "import spacy" in (folder / w).read_text(encoding="utf-8")
            or "from spacy" in (folder / w).read_text(encoding="utf-8")] == []  # fmt: skip



def _py_files() -> list[Path]:
    return sorted(PACKAGE.rglob("*.py"))


def test_no_module_over_400_lines():
    sizes = {str(p.relative_to(PACKAGE)): len(p.read_text(encoding="utf-8").splitlines())
             for p in _py_files()}  # fmt: skip
    assert {k: v for k, v in sizes.items() if v > 400} == {}


def test_no_function_over_80_lines():
    import ast

    long = {}
    for path in _py_files():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                size = node.end_lineno - node.lineno + 1
                if size > 80:
                    long[f"{path.relative_to(PACKAGE)}:{node.name}"] = size
    assert long == {}
