"""No import cycles: every seedie module imports first, alone, in a fresh interpreter, and the
module-level imports between seedie's modules form no cycle."""

from __future__ import annotations

import ast
import pkgutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

import seedie

PACKAGE = Path(seedie.__path__[0])
MODULES = sorted(m.name for m in pkgutil.walk_packages(seedie.__path__, "seedie."))

# Imports each module named on the command line first, in a forked copy of an interpreter
# that has loaded only third-party libraries (the slow part), never a module of the package.
CHILD = textwrap.dedent(
    """
    import importlib, os, sys
    package = sys.argv[1]
    for lib in sys.argv[2].split(","):
        if lib:
            importlib.import_module(lib)
    assert not [m for m in sys.modules if m.split(".")[0] == package], "package preloaded"
    failed = []
    for name in sys.argv[3:]:
        if not hasattr(os, "fork"):  # pragma: no cover - Windows: one interpreter per module
            import subprocess
            code = subprocess.call([sys.executable, "-c", f"import {name}"])
            if code:
                failed.append(name)
            continue
        pid = os.fork()
        if pid == 0:
            try:
                importlib.import_module(name)
            except BaseException as exc:
                print(f"{name}: {type(exc).__name__}: {exc}", flush=True)
                os._exit(1)
            os._exit(0)
        if os.waitpid(pid, 0)[1]:
            failed.append(name)
    sys.exit(1 if failed else 0)
    """
)
THIRD_PARTY = "spacy,spacy.language,spacy.tokens,thinc.api,srsly,numpy"


def import_each_first(package: str, modules: list[str], libs: str, path: Path | None = None):
    env_path = [str(path)] if path else []
    return subprocess.run(
        [sys.executable, "-c", f"import sys; sys.path[:0] = {env_path!r}\n" + CHILD,
         package, libs, *modules],
        capture_output=True, text=True, timeout=300,
    )  # fmt: skip


def test_every_module_imports_first_in_a_fresh_interpreter():
    assert "seedie.display" in MODULES and "seedie.orgs.component" in MODULES
    out = import_each_first("seedie", MODULES, THIRD_PARTY)
    assert out.returncode == 0, out.stdout + out.stderr


def test_the_check_catches_a_cycle(tmp_path):
    pkg = tmp_path / "cyclic"
    pkg.mkdir()
    (pkg / "__init__.py").write_text("")
    (pkg / "a.py").write_text("from .b import B\nA = 1\n")
    (pkg / "b.py").write_text("from .a import A\nB = 2\n")
    (pkg / "c.py").write_text("C = 3\n")
    out = import_each_first("cyclic", ["cyclic.c", "cyclic.a", "cyclic.b"], "", tmp_path)
    assert out.returncode == 1
    assert "cyclic.a: ImportError" in out.stdout and "cyclic.b: ImportError" in out.stdout
    assert "cyclic.c" not in out.stdout


def _module_level_imports(name: str, path: Path) -> set[str]:
    """seedie modules imported when ``name`` runs (not in functions, not for type checking)."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found: set[str] = set()

    def visit(body: list[ast.stmt]) -> None:
        for node in body:
            if isinstance(node, ast.If):
                if "TYPE_CHECKING" not in ast.unparse(node.test):
                    visit(node.body)
                visit(node.orelse)
            elif isinstance(node, ast.Try):
                visit(node.body + node.orelse + node.finalbody)
                for handler in node.handlers:
                    visit(handler.body)
            elif isinstance(node, ast.Import):
                found.update(a.name for a in node.names if a.name.split(".")[0] == "seedie")
            elif isinstance(node, ast.ImportFrom):
                parts = package.split(".")
                base = parts[: len(parts) - node.level + 1] if node.level else []
                module = ".".join(base + ([node.module] if node.module else []))
                if module.split(".")[0] == "seedie":
                    for alias in node.names:
                        sub = f"{module}.{alias.name}"
                        found.add(sub if sub in SOURCES else module)

    visit(ast.parse(path.read_text(encoding="utf-8")).body)
    return found


def _name(path: Path) -> str:
    parts = ["seedie", *path.relative_to(PACKAGE).with_suffix("").parts]
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


SOURCES = {_name(p): p for p in PACKAGE.rglob("*.py")}


def _cycle(graph: dict[str, set[str]]) -> list[str] | None:
    state: dict[str, int] = {}
    stack: list[str] = []

    def dfs(node: str) -> list[str] | None:
        state[node] = 1
        stack.append(node)
        for nxt in sorted(graph.get(node, ())):
            if state.get(nxt) == 1:
                return stack[stack.index(nxt) :] + [nxt]
            if nxt not in state and (found := dfs(nxt)):
                return found
        stack.pop()
        state[node] = 2
        return None

    for node in sorted(graph):
        if node not in state and (found := dfs(node)):
            return found
    return None


def test_module_level_imports_form_no_cycle():
    graph = {name: _module_level_imports(name, path) for name, path in SOURCES.items()}
    assert "seedie.types" in graph["seedie.quantities.component"]  # the walk sees imports
    assert _cycle(graph) is None, " -> ".join(_cycle(graph) or [])
    assert _cycle({"x": {"y"}, "y": {"x"}}) == ["x", "y", "x"]


def test_types_does_not_load_display():
    assert "seedie.display" not in _module_level_imports("seedie.types", SOURCES["seedie.types"])
    code = "import seedie.types, sys; assert 'seedie.display' not in sys.modules"
    assert subprocess.run([sys.executable, "-c", code], timeout=60).returncode == 0


@pytest.mark.parametrize("name", ["seedie.display", "seedie.types"])
def test_pure_modules_do_not_load_spacy(name):
    code = f"import {name}, sys; assert 'spacy' not in sys.modules, 'spacy loaded'"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert out.returncode == 0, out.stderr
