"""Typed results of an evaluation: counts per field, findings, per-article and overall scores."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from ..types import DictMixin

FIELDS = ("companies", "visits", "claims")


@dataclass(frozen=True, slots=True, kw_only=True)
class FieldScore(DictMixin):
    """Counts for one field; ``dup`` predictions repeat an item already matched (not FPs)."""

    tp: int = 0
    fp: int = 0
    fn: int = 0
    dup: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def __add__(self, other: FieldScore) -> FieldScore:
        return FieldScore(
            tp=self.tp + other.tp,
            fp=self.fp + other.fp,
            fn=self.fn + other.fn,
            dup=self.dup + other.dup,
        )

    def to_dict(self) -> dict[str, Any]:
        counts = DictMixin.to_dict(self)
        return {**counts, "precision": self.precision, "recall": self.recall, "f1": self.f1}


@dataclass(frozen=True, slots=True, kw_only=True)
class Finding(DictMixin):
    """A required gold item nothing matched (``miss``) or an unmatched prediction (``fp``)."""

    field: str
    kind: str
    description: str


@dataclass(frozen=True, slots=True, kw_only=True)
class ArticleScore(DictMixin):
    """The scores of one article; ``error`` is set when ``extract`` failed on it."""

    name: str
    text_path: str
    reference_date: dt.date | None
    companies: FieldScore
    visits: FieldScore
    claims: FieldScore
    findings: list[Finding] = field(default_factory=list)
    error: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Skipped(DictMixin):
    """A gold file or article that could not be scored, with the coded reason."""

    name: str
    path: str
    code: str
    message: str


@dataclass(frozen=True, slots=True, kw_only=True)
class EvaluationReport(DictMixin):
    """Per-article scores, skips, and the micro-averaged totals per field."""

    articles: list[ArticleScore]
    skipped: list[Skipped] = field(default_factory=list)
    script_folding: bool = True

    def overall(self, name: str) -> FieldScore:
        """Counts of field ``name`` ("companies", "visits" or "claims") summed over articles."""
        total = FieldScore()
        for article in self.articles:
            total = total + getattr(article, name)
        return total

    @property
    def companies(self) -> FieldScore:
        return self.overall("companies")

    @property
    def visits(self) -> FieldScore:
        return self.overall("visits")

    @property
    def claims(self) -> FieldScore:
        return self.overall("claims")

    def to_dict(self) -> dict[str, Any]:
        return {
            "overall": {f: self.overall(f).to_dict() for f in FIELDS},
            "articles": [a.to_dict() for a in self.articles],
            "skipped": [s.to_dict() for s in self.skipped],
            "script_folding": self.script_folding,
        }

    def to_text(self, *, verbose: bool = False) -> str:
        """The table the CLI prints; ``verbose`` adds each article's findings under it."""
        lines = [f"{'article':24s} " + " ".join(f"{f:32s}" for f in FIELDS).rstrip()]
        for a in self.articles:
            cells = " ".join(f"{_cell(getattr(a, f)):32s}" for f in FIELDS).rstrip()
            lines.append(f"{a.name:24s} {cells}" + (" EXTRACT-ERROR" if a.error else ""))
            if verbose:
                lines.extend(f"    {x.kind:4s} {x.field:9s} {x.description}" for x in a.findings)
        lines.extend(f"{s.name:24s} skipped {s.message}" for s in self.skipped)
        lines.append("-" * 100)
        for f in FIELDS:
            score = self.overall(f)
            lines.append(f"overall {f:10s} {_cell(score)}  dup={score.dup}")
        lines.append("evaluation: " + " ".join(f"{f} F1={self.overall(f).f1:.3f}" for f in FIELDS))
        return "\n".join(lines)


def _cell(score: FieldScore) -> str:
    if not (score.tp or score.fp or score.fn):
        return "n/a (nothing required, nothing spurious)"
    return (
        f"P={score.precision:.2f} R={score.recall:.2f} F1={score.f1:.2f} "
        f"({score.tp}/{score.fp}/{score.fn})"
    )
