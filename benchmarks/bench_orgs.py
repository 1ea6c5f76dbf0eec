"""What the organization component costs: pipeline throughput with and without seedie_orgs.

Both pipelines are the offline default (LAC analyzer) over the same corpus (the seed article's
paragraphs, shuffled into documents); ``seedie_relations`` is left out of both so that the
difference is the organization component alone. Target (issue 3): <= 15% of throughput.

    python benchmarks/bench_orgs.py [--quick]
"""

from __future__ import annotations

import argparse
import random
import time
from pathlib import Path

import seedie

SEED = Path(__file__).resolve().parent.parent / "seeds" / "003_2845115161f2390a.txt"


def corpus(chars: int) -> list[str]:
    paragraphs = [p for p in SEED.read_text(encoding="utf-8").split("\n") if p.strip()]
    rng = random.Random(0)
    docs, total = [], 0
    while total < chars:
        doc = "\n".join(rng.sample(paragraphs, k=min(12, len(paragraphs))))
        docs.append(doc)
        total += len(doc)
    return docs


def throughput(nlp, docs: list[str]) -> float:  # type: ignore[no-untyped-def]
    chars = sum(map(len, docs))
    t0 = time.perf_counter()
    for _ in nlp.pipe(nlp.tokenizer.pipe(docs)):
        pass
    return chars / (time.perf_counter() - t0)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--quick", action="store_true")
    args = ap.parse_args()
    docs = corpus(30_000 if args.quick else 150_000)
    without = seedie.load("default", exclude=["seedie_orgs", "seedie_relations"])
    with_orgs = seedie.load("default", exclude=["seedie_relations"])
    throughput(with_orgs, docs[:2])  # warm up the analyzer session
    rounds = 2 if args.quick else 3
    a = max(throughput(without, docs) for _ in range(rounds))
    b = max(throughput(with_orgs, docs) for _ in range(rounds))
    print(f"without seedie_orgs: {a:,.0f} chars/s")
    print(f"with seedie_orgs:    {b:,.0f} chars/s")
    print(f"cost of seedie_orgs: {100 * (1 - b / a):.1f}% of throughput (target <= 15%)")


if __name__ == "__main__":
    main()
