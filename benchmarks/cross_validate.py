"""Leave-one-article-out evaluation of seedie's learned part (the claim-subject ranker).

    python benchmarks/cross_validate.py --devset DIR [--text seed=seeds/x.txt]
        [--group old=a,b,c] [--json out.json]

DIR holds ``gold/NAME.json`` and ``articles/NAME.txt``. Three rows, scored as
``seedie evaluate`` scores (micro-averaged F1 of companies / visits / claims):

- rules: no model, the rules choose every subject;
- fitted: the model trained on every article, scored on the same articles;
- held-out: for each article, the model trained on all the others, scored on that one.

Only the held-out row says what the model does on articles it was not trained on; keep a
change to the ranker or its features only if that row improves. ``--group`` adds the same
rows for a subset of the articles (e.g. the ones the rules were written against).
Companies and visits do not depend on the model; they are printed for completeness.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path
from typing import Any

import seedie
from seedie.evaluation import FieldScore, score_extraction
from seedie.evaluation.training import collect, fit, load_articles
from seedie.relations.ranker import SubjectModel, use_model

FIELDS = ("companies", "visits", "claims")


def _score(articles: list[Any], model: SubjectModel | None) -> dict[str, dict[str, FieldScore]]:
    out = {}
    with use_model(model):
        for art in articles:
            result = seedie.extract(art.text, reference_date=art.reference_date)
            out[art.name] = score_extraction(art.gold, result)[0]
    return out


def _total(scores: dict[str, dict[str, FieldScore]], names: list[str]) -> dict[str, FieldScore]:
    total = {f: FieldScore() for f in FIELDS}
    for n in names:
        for f in FIELDS:
            total[f] = total[f] + scores[n][f]
    return total


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--devset", required=True, type=Path)
    ap.add_argument(
        "--text", action="append", default=[], help="NAME=PATH of an article kept elsewhere"
    )
    ap.add_argument(
        "--group", action="append", default=[], help="LABEL=name,name,... a subset to report"
    )
    ap.add_argument("--json", type=Path, help="write the rows to this file")
    a = ap.parse_args(argv)
    texts = dict(t.split("=", 1) for t in a.text)
    articles = load_articles(a.devset / "gold", a.devset / "articles", texts)
    t0 = time.perf_counter()
    examples, _ = collect(articles, seedie.extract)
    every = [ex for name in examples for ex in examples[name]]
    rows = {"rules": _score(articles, None), "fitted": _score(articles, fit(every))}
    held: dict[str, dict[str, FieldScore]] = {}
    for art in articles:
        model = fit([ex for ex in every if ex.article != art.name])
        held.update(_score([art], model))
    rows["held-out"] = held
    groups = {"all": [art.name for art in articles]}
    for g in a.group:
        label, names = g.split("=", 1)
        groups[label] = [n for n in names.split(",") if n in held]
    groups["rest"] = [
        n for n in groups["all"] if not any(n in groups[g.split("=")[0]] for g in a.group)
    ]
    report: dict[str, Any] = {"examples": len(every), "articles": len(articles)}
    print(
        f"{len(articles)} articles, {len(every)} training pools, {time.perf_counter() - t0:.0f} s"
    )
    print(f"{'group':8s} {'row':9s} " + " ".join(f"{f:>10s}" for f in FIELDS))
    for label, names in groups.items():
        if not names or (label == "rest" and not a.group):
            continue
        for row, scores in rows.items():
            total = _total(scores, names)
            print(f"{label:8s} {row:9s} " + " ".join(f"{total[f].f1:10.3f}" for f in FIELDS))
            report[f"{label}/{row}"] = {f: total[f].to_dict() for f in FIELDS}
    if a.json:
        a.json.write_text(json.dumps(report, indent=1, ensure_ascii=False), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
