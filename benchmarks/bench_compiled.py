"""How far compiling seedie's pure stage code (mypyc) would take ``extract_many``'s ratio.

seedie ships as pure Python. This script measures the one option left for cutting the
components' CPU without changing what they compute: a copy of the tree, in a temporary
folder, has its pure modules compiled to C extensions with mypyc (which comes with mypy, in
the test extra; a C compiler and Python's headers are needed). ``bench_components.py`` then
runs in the copy and in this tree, alternately, on the seed-made corpus and on ``--texts``,
and the ratios ``extract_many`` / bare analyzer are printed side by side. Both trees must
give byte-identical ``to_json()`` output on the corpora (``bench_components.py``'s
``json_sha256``); the script exits 1 if they do not.

What is compiled: every module of the stage folders except the spaCy components
(``component.py``) and the analyzers, plus the pure top-level modules in ``TOP_LEVEL``. The
compile takes about three minutes on 2 cores.

Usage:
    .venv/bin/python benchmarks/bench_compiled.py [--texts DIR] [--rounds N] [--pairs N]
        [--json OUT]
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
STAGES = ("text", "quantities", "dates", "orgs", "relations")
TOP_LEVEL = ("types.py", "records.py", "lexicon.py", "places.py", "kb.py")


def compiled_copy(dest: Path) -> list[str]:
    """Copy the tree's package, benchmarks and seeds into ``dest`` and compile the copy's pure
    modules there; return the modules compiled."""
    skip = shutil.ignore_patterns("__pycache__", "*.so", "*.pyc")
    for name in ("seedie", "benchmarks", "seeds"):
        shutil.copytree(ROOT / name, dest / name, ignore=skip)
    modules = [
        str(p.relative_to(dest))
        for stage in STAGES
        for p in sorted((dest / "seedie" / stage).glob("*.py"))
        if p.name not in ("component.py", "__init__.py")
    ] + [f"seedie/{name}" for name in TOP_LEVEL]
    # Type errors are mypy --strict's business (CI); here only the compile matters.
    cmd = [sys.executable, "-m", "mypyc", "--ignore-missing-imports", *modules]
    done = subprocess.run(cmd, cwd=dest, capture_output=True, text=True)
    if done.returncode != 0:
        sys.exit(f"mypyc failed:\n{done.stdout[-3000:]}\n{done.stderr[-3000:]}")
    return modules


def components_run(tree: Path, texts: str, rounds: int) -> dict[str, Any]:
    """One ``bench_components.py`` run in ``tree``: its JSON figures (CPU ms)."""
    with tempfile.NamedTemporaryFile(suffix=".json") as out:
        cmd = [sys.executable, str(tree / "benchmarks" / "bench_components.py")]
        cmd += ["--rounds", str(rounds), "--json", out.name]
        cmd += ["--texts", texts] if texts else []
        subprocess.run(cmd, cwd=tree, check=True, capture_output=True)
        figures: dict[str, Any] = json.loads(Path(out.name).read_text(encoding="utf-8"))
    return figures


def ratio(figures: dict[str, Any]) -> float:
    return float(figures["analyzer (tokenizer.pipe)"] / figures["total"])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--texts", help="a folder of *.txt, measured beside the seed corpus")
    parser.add_argument("--rounds", type=int, default=5, help="bench_components --rounds")
    parser.add_argument("--pairs", type=int, default=2, help="alternating runs per tree")
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        copy = Path(tmp)
        t = time.perf_counter()
        modules = compiled_copy(copy)
        print(f"compiled {len(modules)} modules in {time.perf_counter() - t:.0f} s")
        results: dict[str, object] = {"modules": len(modules)}
        corpora = [("seed corpus", "")] + ([("texts", args.texts)] if args.texts else [])
        same = True
        for label, texts in corpora:
            runs: dict[str, list[float]] = {"pure": [], "compiled": []}
            digests: set[str] = set()
            for _ in range(args.pairs):
                for name, tree in (("pure", ROOT), ("compiled", copy)):
                    figures = components_run(tree, texts, args.rounds)
                    runs[name].append(ratio(figures))
                    digests.add(figures["json_sha256"])
            identical = len(digests) == 1
            same &= identical
            mean = {name: sum(r) / len(r) for name, r in runs.items()}
            print(
                f"{label:12s} extract_many / analyzer: pure {mean['pure']:.3f}, compiled "
                f"{mean['compiled']:.3f} (mean of {args.pairs}); JSON identical: {identical}"
            )
            results[label] = {"runs": runs, "json_identical": identical}
    if args.json:
        args.json.write_text(json.dumps(results, indent=1), encoding="utf-8")
    return 0 if same else 1


if __name__ == "__main__":
    raise SystemExit(main())
