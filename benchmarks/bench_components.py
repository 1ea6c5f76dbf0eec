"""Where ``seedie.extract_many``'s CPU time goes: the analyzer, each component, the rest.

Each component's ``__call__`` and the tokenizer's batches are timed inside real
``extract_many`` runs (results serialized with ``to_json``, as ``bench_pipeline.py`` does),
so the figures include what a component pays there and not in isolation: caches that the
analyzer's run has evicted, per-text indexes that an earlier component has already built.
The best of ``--rounds`` runs (least total CPU) is reported, with the budget the components
and the rest would have to fit in for ``extract_many`` to reach a given ratio to the bare
analyzer (``--target``, default 0.9). Every run must give the same JSON; ``--json`` also
records its SHA-256 (``json_sha256``), so runs of two trees can be compared.

Usage:
    .venv/bin/python benchmarks/bench_components.py [--chars N | --texts DIR] [--rounds N]
        [--target R] [--json OUT]

The seed-made corpus repeats the seed's paragraphs, so caches of answers per name or surface
help more on it than on a corpus of different articles: ``--texts`` measures one.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from bench_pipeline import SEED, build_corpus  # noqa: E402

import seedie  # noqa: E402

TOKENIZER = "analyzer (tokenizer.pipe)"


@contextmanager
def timed_pipeline(nlp: Any, spent: Counter[str]) -> Iterator[None]:
    """Add each component's and the tokenizer's CPU seconds to ``spent`` while inside."""
    clock = time.process_time
    saved: list[tuple[type, str, Callable[..., Any]]] = []

    def timed_call(name: str, call: Callable[..., Any]) -> Callable[..., Any]:
        def run(self: Any, doc: Any) -> Any:
            t = clock()
            try:
                return call(self, doc)
            finally:
                spent[name] += clock() - t

        return run

    def timed_pipe(pipe: Callable[..., Any]) -> Callable[..., Any]:
        def run(self: Any, texts: Any, **kwargs: Any) -> Iterator[Any]:
            docs = pipe(self, texts, **kwargs)
            while True:
                t = clock()
                try:
                    doc = next(docs)
                except StopIteration:
                    return
                finally:
                    spent[TOKENIZER] += clock() - t
                yield doc

        return run

    for name, proc in nlp.pipeline:
        cls = type(proc)
        saved.append((cls, "__call__", cls.__call__))
        cls.__call__ = timed_call(name, cls.__call__)
    tok_cls = type(nlp.tokenizer)
    saved.append((tok_cls, "pipe", tok_cls.pipe))
    tok_cls.pipe = timed_pipe(tok_cls.pipe)
    try:
        yield
    finally:
        for cls, attr, original in reversed(saved):
            setattr(cls, attr, original)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--chars", type=int, default=60_000)
    parser.add_argument(
        "--texts", type=Path, help="a folder of *.txt to use instead of the seed-made corpus"
    )
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--target", type=float, default=0.9)
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()

    nlp = seedie.load("default")
    if args.texts:
        texts = [p.read_text(encoding="utf-8") for p in sorted(args.texts.glob("*.txt"))]
    else:
        texts = build_corpus(SEED.read_text(encoding="utf-8"), args.chars)
    seedie.extract(texts[0], nlp=nlp)  # the analyzer's session is made on first use
    best: dict[str, float] = {}
    digests: set[str] = set()  # of each run's JSON: every run must give the same
    for _ in range(args.rounds):
        spent: Counter[str] = Counter()
        with timed_pipeline(nlp, spent):
            t = time.process_time()
            outputs = [result.to_json() for result in seedie.extract_many(texts, nlp=nlp)]
            total = time.process_time() - t
        digests.add(hashlib.sha256("\n".join(outputs).encode()).hexdigest())
        if not best or total < best["total"]:
            best = {**spent, "total": total}
    if len(digests) != 1:
        sys.exit(f"the runs gave {len(digests)} different JSON outputs")
    analyzer = best[TOKENIZER]
    components = sum(v for k, v in best.items() if k.startswith("seedie_"))
    rest = best["total"] - analyzer - components
    chars = sum(map(len, texts))
    budget = analyzer * (1 / args.target - 1)
    print(f"{len(texts)} texts, {chars:,} chars; best of {args.rounds} runs (CPU ms)")
    for name, value in best.items():
        if name != "total":
            print(f"  {name:28s} {value * 1000:8.1f}  {value / analyzer:6.1%} of the analyzer")
    print(f"  {'rest (views, records, JSON)':28s} {rest * 1000:8.1f}  {rest / analyzer:6.1%}")
    print(f"  {'total':28s} {best['total'] * 1000:8.1f}")
    print(
        f"extract_many / analyzer = {analyzer / best['total']:.3f}; for {args.target}, the "
        f"components and the rest must fit in {budget * 1000:.1f} ms "
        f"(now {(components + rest) * 1000:.1f})"
    )
    if args.json:
        out: dict[str, Any] = {k: round(v * 1000, 2) for k, v in best.items()}
        out.update(chars=chars, rest_ms=round(rest * 1000, 2), budget_ms=round(budget * 1000, 2))
        out["json_sha256"] = digests.pop()
        args.json.write_text(json.dumps(out, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
