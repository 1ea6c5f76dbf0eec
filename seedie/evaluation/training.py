"""Training the claim-subject ranker from gold, and scoring it article by article held out.

Pure code (spaCy loads only when an article is extracted). ``collect`` extracts each gold
article once with the rules alone and keeps, for every claim whose figure the gold has, its
candidate pool and which candidates the gold accepts; ``fit`` trains the conditional logit of
:mod:`seedie.relations.ranker` on those pools: full-batch gradient descent from a prior
that trusts the rules, a fixed number of steps, so the same gold always gives the same weights.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from ..relations.ranker import Pool, SubjectModel, record_pools, use_model
from ..types import Extraction
from .matching import iso_date, subject_judge

__all__ = ["Example", "GoldArticle", "collect", "fit", "load_articles"]

MODEL_NAME = "claim_subject"


@dataclass(frozen=True, slots=True)
class GoldArticle:
    name: str
    text: str
    gold: Mapping[str, Any]

    @property
    def reference_date(self) -> dt.date | None:
        return iso_date(self.gold.get("reference_date"))


@dataclass(frozen=True, slots=True)
class Example:
    """One claim's pool and, per candidate, whether the gold accepts it as the subject."""

    article: str
    pool: Pool
    labels: tuple[bool, ...]


def load_articles(
    gold_dir: str | Path, articles_dir: str | Path, texts: Mapping[str, str | Path] | None = None
) -> list[GoldArticle]:
    """Every gold file with its article (``texts`` maps names whose text lies elsewhere)."""
    out = []
    for path in sorted(Path(gold_dir).glob("*.json")):
        text_path = Path((texts or {}).get(path.stem, Path(articles_dir) / f"{path.stem}.txt"))
        if text_path.is_file():
            gold = json.loads(path.read_text(encoding="utf-8"))
            out.append(GoldArticle(path.stem, text_path.read_text(encoding="utf-8"), gold))
    return out


def collect(
    articles: Iterable[GoldArticle], extract: Callable[..., Extraction]
) -> tuple[dict[str, list[Example]], dict[str, Extraction]]:
    """The training examples of each article, and its extraction by the rules alone."""
    examples: dict[str, list[Example]] = {}
    results: dict[str, Extraction] = {}
    for art in articles:
        with use_model(None), record_pools() as pools:
            result = extract(art.text, reference_date=art.reference_date)
        judge = subject_judge(art.gold, result)
        kept = []
        for pool in pools:
            if len(pool.candidates) < 2:
                continue  # nothing to choose between
            labels = [judge(pool.value, pool.unit, c.name) for c in pool.candidates]
            if any(label is None for label in labels) or not any(labels):
                continue  # the gold has no such figure, or accepts none of the candidates
            kept.append(Example(art.name, pool, tuple(bool(x) for x in labels)))
        examples[art.name] = kept
        results[art.name] = result
    return examples, results


def fit(
    examples: Sequence[Example],
    *,
    l2: float = 0.1,
    rule_prior: float = 2.0,
    steps: int = 400,
    rate: float = 1.0,
) -> SubjectModel:
    """Train the conditional logit: maximize each pool's probability of its accepted candidates.

    The weights are pulled (L2, strength ``l2``) toward a prior that trusts the rules: the
    feature ``rule`` (the candidate the rules chose) starts at ``rule_prior`` and every other
    weight at 0, so that a few dozen pools can only move the choice where they agree.

    Example:
        >>> fit([]).weights
        {'rule': 2.0}
    """
    names = sorted({k for ex in examples for c in ex.pool.candidates for k in c.features})
    if not names:
        return SubjectModel(weights={"rule": rule_prior}, meta=_meta(examples, l2, steps))
    column = {k: i for i, k in enumerate(names)}
    rows = [c for ex in examples for c in ex.pool.candidates]
    x = np.zeros((len(rows), len(names)))
    for i, c in enumerate(rows):
        for k, v in c.features.items():
            x[i, column[k]] = v
    y = np.array([float(label) for ex in examples for label in ex.labels])
    sizes = [len(ex.pool.candidates) for ex in examples]
    offsets = np.concatenate(([0], np.cumsum(sizes)[:-1])).astype(int)
    group = np.repeat(np.arange(len(sizes)), sizes)
    prior = np.array([rule_prior if k == "rule" else 0.0 for k in names])
    w = prior.copy()
    for _ in range(steps):
        s = x @ w
        s = s - np.maximum.reduceat(s, offsets)[group]
        e = np.exp(s)
        p = e / np.add.reduceat(e, offsets)[group]
        accepted = np.maximum(np.add.reduceat(e * y, offsets), 1e-300)
        q = e * y / accepted[group]
        # The L2 pull is taken implicitly, so that no strength makes the steps diverge.
        w = (w - rate * (x.T @ (p - q)) / len(sizes) + rate * l2 * prior) / (1 + rate * l2)
    weights = {k: float(w[i]) for k, i in column.items() if abs(w[i]) > 1e-9}
    return SubjectModel(weights=weights, meta=_meta(examples, l2, steps))


def _meta(examples: Sequence[Example], l2: float, steps: int) -> dict[str, Any]:
    return {
        "model": MODEL_NAME,
        "version": 1,
        "kind": "conditional logit over a claim's subject candidates",
        "made_by": "scripts/train_models.py",
        "articles": len({ex.article for ex in examples}),
        "examples": len(examples),
        "l2": l2,
        "steps": steps,
    }
