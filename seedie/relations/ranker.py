"""A learned choice of a claim's subject among the candidates the rules find.

No spaCy import. The rules (:mod:`seedie.relations.subjects`) stay the candidate generator
and the fallback: every step of their cascade names a candidate, the clause, the sentence
and the stop being visited add theirs, and a linear model scores each candidate from what
surrounds it (which steps found it, its kind, its distance to the figure, whether it is the
stop of the paragraph or the delegation's home …). The highest score wins; with no model,
the rules' own choice does.

The weights are package data (``seedie/data/claim_subject_model.json``), made by
``scripts/train_models.py`` from a gold folder: a conditional logit (softmax over one
claim's candidates), trained by plain gradient descent from zero weights, so the same gold
gives the same weights. ``use_model`` swaps the model for a block of code (cross-validation,
rules only) and ``record_pools`` collects the candidates for training.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from ..lexicon import data_text

__all__ = [
    "MODEL_FILE",
    "Candidate",
    "Pool",
    "SubjectModel",
    "choose",
    "current_model",
    "default_model",
    "pools_wanted",
    "record_pools",
    "use_model",
]

MODEL_FILE = "claim_subject_model.json"


@dataclass(frozen=True, slots=True)
class Candidate:
    """One entity that may be a claim's subject, with the features the model reads."""

    name: str
    id: str | None
    kind: str
    start: int
    end: int
    features: Mapping[str, float]


@dataclass(frozen=True, slots=True)
class Pool:
    """The candidates of one claim; ``rule`` indexes the rules' choice (None: they had none)."""

    start: int
    end: int
    value: float | None
    unit: str | None
    candidates: tuple[Candidate, ...]
    rule: int | None


@dataclass(frozen=True, slots=True)
class SubjectModel:
    """Linear weights over named features (a feature not listed weighs 0)."""

    weights: Mapping[str, float]
    meta: Mapping[str, Any] = field(default_factory=dict)

    def score(self, features: Mapping[str, float]) -> float:
        return sum(self.weights.get(k, 0.0) * v for k, v in features.items())

    def to_json(self) -> str:
        body = {**self.meta, "weights": {k: round(v, 6) for k, v in sorted(self.weights.items())}}
        return json.dumps(body, ensure_ascii=False, indent=1, sort_keys=True) + "\n"

    @classmethod
    def from_json(cls, raw: str) -> SubjectModel:
        data = json.loads(raw)
        weights = {str(k): float(v) for k, v in data.pop("weights", {}).items()}
        return cls(weights=weights, meta=data)


@cache
def default_model() -> SubjectModel | None:
    """The shipped model, or None when the package carries none (the rules decide)."""
    try:
        return SubjectModel.from_json(data_text(MODEL_FILE))
    except FileNotFoundError:
        return None


_UNSET = object()
_MODEL: ContextVar[Any] = ContextVar("seedie_subject_model", default=_UNSET)
_RECORDER: ContextVar[list[Pool] | None] = ContextVar("seedie_subject_pools", default=None)


def current_model() -> SubjectModel | None:
    """The model in force: the one ``use_model`` set, else the shipped one."""
    chosen = _MODEL.get()
    return default_model() if chosen is _UNSET else chosen


@contextmanager
def use_model(model: SubjectModel | None) -> Iterator[None]:
    """Choose subjects with ``model`` inside the block (None: the rules alone)."""
    token = _MODEL.set(model)
    try:
        yield
    finally:
        _MODEL.reset(token)


@contextmanager
def record_pools() -> Iterator[list[Pool]]:
    """Collect every claim's candidate pool built inside the block (for training)."""
    pools: list[Pool] = []
    token = _RECORDER.set(pools)
    try:
        yield pools
    finally:
        _RECORDER.reset(token)


def pools_wanted() -> bool:
    """Whether a pool must be built: a model is in force or pools are being recorded
    (otherwise the rules' first step decides and the other steps need not run)."""
    return _RECORDER.get() is not None or current_model() is not None


def choose(pool: Pool) -> int | None:
    """The index of the chosen candidate: the model's best, else the rules' choice.

    Ties keep the rules' choice, then the earlier candidate.
    """
    recorder = _RECORDER.get()
    if recorder is not None:
        recorder.append(pool)
    model = current_model()
    if model is None or not pool.candidates:
        return pool.rule
    scores = [model.score(c.features) for c in pool.candidates]
    best = max(range(len(scores)), key=lambda i: (scores[i], i == pool.rule, -i))
    return best


def log_scale(value: float, top: float) -> float:
    """log1p(value) / log1p(top), capped at 1: distances and counts as features in [0, 1]."""
    return min(1.0, math.log1p(max(0.0, value)) / math.log1p(top))
