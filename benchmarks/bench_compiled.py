"""How far compiling seedie's pure stage code (mypyc) would take ``extract_many``'s ratio.

seedie ships as pure Python. This script measures the one option left for cutting the
components' CPU without changing what they compute: a copy of the tree, in a temporary
folder, has its pure modules compiled to C extensions with mypyc (which comes with mypy, in
the test extra; a C compiler and Python's headers are needed). ``bench_components.py`` then
runs in the copy and in this tree, alternately, on the seed-made corpus and on ``--texts``,
and the ratios ``extract_many`` / bare analyzer are printed side by side. Both trees must
give byte-identical ``to_json()`` output on the corpora; the script exits 1 if they do not.

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

ROOT = Path(__file__).resolve().parent.parent
STAGES = ("text", "quantities", "dates", "orgs", "relations")
TOP_LEVEL = ("types.py", "records.py", "lexicon.py", "places.py", "kb.py")
# Prints one hash of every result's JSON, for the corpus bench_components uses.
_HASH = """
import hashlib, sys
from pathlib import Path
sys.path.insert(0, sys.argv[1]); sys.path.insert(0, sys.argv[1] + "/benchmarks")
import seedie
from bench_pipeline import SEED, build_corpus
folder = sys.argv[2]
texts = ([p.read_text(encoding="utf-8") for p in sorted(Path(folder).glob("*.txt"))] if folder
         else build_corpus(SEED.read_text(encoding="utf-8"), 60_000))
h = hashlib.sha256()
for r in seedie.extract_many(texts):
    h.update(r.to_json().encode())
print(h.hexdigest())
"""


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


def components_run(tree: Path, texts: str, rounds: int) -> dict[str, float]:
    """One ``bench_components.py`` run in ``tree``: its JSON figures (CPU ms)."""
    with tempfile.NamedTemporaryFile(suffix=".json") as out:
        cmd = [sys.executable, str(tree / "benchmarks" / "bench_components.py")]
        cmd += ["--rounds", str(rounds), "--json", out.name]
        cmd += ["--texts", texts] if texts else []
        subprocess.run(cmd, cwd=tree, check=True, capture_output=True)
        figures: dict[str, float] = json.loads(Path(out.name).read_text(encoding="utf-8"))
    return figures


def ratio(figures: dict[str, float]) -> float:
    return figures["analyzer (tokenizer.pipe)"] / figures["total"]


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
        same = True
        for label, texts in (("seed corpus", ""), ("texts", args.texts or "")):
            if label == "texts" and not args.texts:
                continue
            hashes = {
                name: subprocess.run(
                    [sys.executable, "-c", _HASH, str(tree), texts],
                    check=True, capture_output=True, text=True,
                ).stdout.strip()
                for name, tree in (("pure", ROOT), ("compiled", copy))
            }  # fmt: skip
            same &= hashes["pure"] == hashes["compiled"]
            runs: dict[str, list[float]] = {"pure": [], "compiled": []}
            for _ in range(args.pairs):
                for name, tree in (("pure", ROOT), ("compiled", copy)):
                    runs[name].append(ratio(components_run(tree, texts, args.rounds)))
            mean = {name: sum(r) / len(r) for name, r in runs.items()}
            print(
                f"{label:12s} extract_many / analyzer: pure {mean['pure']:.3f}, compiled "
                f"{mean['compiled']:.3f} (mean of {args.pairs}); JSON identical: "
                f"{hashes['pure'] == hashes['compiled']}"
            )
            results[label] = {"runs": runs, "json_identical": hashes["pure"] == hashes["compiled"]}
    if args.json:
        args.json.write_text(json.dumps(results, indent=1), encoding="utf-8")
    return 0 if same else 1


if __name__ == "__main__":
    raise SystemExit(main())
