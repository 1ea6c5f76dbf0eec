"""Train seedie's claim-subject ranker on a gold folder and write its weights.

    python scripts/train_models.py --devset DIR [--out PATH] [--l2 0.1] [--rule-prior 2.0]

DIR holds ``gold/NAME.json`` and ``articles/NAME.txt`` (the format of ``seedie evaluate``).
The same gold gives the same weights (see seedie.evaluation.training.fit). Check the result
with ``benchmarks/cross_validate.py`` before shipping it: the package carries weights only
when the held-out row beats the rules.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import seedie
from seedie.evaluation.training import collect, fit, load_articles
from seedie.relations.ranker import MODEL_FILE


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--devset", required=True, type=Path)
    ap.add_argument("--out", type=Path, default=Path("seedie/data") / MODEL_FILE)
    ap.add_argument("--l2", type=float, default=0.1)
    ap.add_argument("--rule-prior", type=float, default=2.0)
    a = ap.parse_args(argv)
    articles = load_articles(a.devset / "gold", a.devset / "articles")
    examples, _ = collect(articles, seedie.extract)
    model = fit([ex for n in examples for ex in examples[n]], l2=a.l2, rule_prior=a.rule_prior)
    a.out.write_text(model.to_json(), encoding="utf-8")
    print(f"{a.out}: {len(model.weights)} weights from {model.meta['examples']} pools")
    return 0


if __name__ == "__main__":
    sys.exit(main())
